"""The generated catalog documents exactly the operations and parameters the runtime registry validates."""

from __future__ import annotations

from heytraders._catalog import CATALOG
from heytraders._operations import OPERATIONS


def test_every_operation_has_an_entry_named_like_its_method() -> None:
    assert list(CATALOG) == list(OPERATIONS)
    for operation_id, info in CATALOG.items():
        assert info.operation_id == operation_id
        assert info.group == info.tag.replace("-", "_")


def test_the_input_schema_has_the_registry_parameters_with_their_descriptions() -> None:
    for operation_id, spec in OPERATIONS.items():
        schema = CATALOG[operation_id].input_schema
        assert schema["type"] == "object" and schema["additionalProperties"] is False
        assert list(schema["properties"]) == [param.name for param in spec.params], operation_id
        assert schema.get("required", []) == [param.name for param in spec.params if param.required], operation_id
        for name, prop in schema["properties"].items():
            assert prop.get("description"), f"{operation_id}.{name} has no description"
            assert "$ref" not in repr(prop), f"{operation_id}.{name} keeps a $ref"


def test_the_example_uses_only_known_parameters() -> None:
    for operation_id, info in CATALOG.items():
        assert set(info.example) <= set(info.input_schema["properties"]), operation_id
