"""The documentation of each operation, for surfaces built on the client (the MCP server, a command line).

The runtime registry (``_operations.py``) keeps only what validation needs: schemas without their
descriptions. Surfaces need the rest, taken from the spec once here so it cannot drift: the group
and scope, the summary and description, the parameters as one JSON Schema object with every
``$ref`` inlined and the descriptions and defaults kept, and the spec's own request example.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from generator.ir import ClientModel, ClientOperation
from generator.spec import iter_operations, json_body_schema, parameters_of, request_views, resolve

# Dropped from the documented schemas: examples belong to `example`, titles repeat the names, and the
# `x-` extensions are for the generator and the mock.
UNDOCUMENTED = {"examples", "example", "title", "$comment"}
NAMED_SUBSCHEMAS = {"properties", "patternProperties", "$defs", "dependentSchemas"}


@dataclass(frozen=True)
class CatalogEntry:
    operation: ClientOperation
    summary: str
    description: str
    conditional_scopes: tuple[tuple[Mapping[str, Any], str], ...]
    input_schema: Mapping[str, Any]
    example: Mapping[str, Any]


def documented_schema(spec: Mapping[str, Any], schema: Any) -> Any:
    """``schema`` with every ``$ref`` inlined (its siblings, such as a description, win) and no examples."""
    if isinstance(schema, list):
        return [documented_schema(spec, item) for item in schema]
    if not isinstance(schema, Mapping):
        return schema
    if "$ref" in schema:
        target = resolve(spec, {"$ref": schema["$ref"]})
        return documented_schema(spec, {**target, **{k: v for k, v in schema.items() if k != "$ref"}})
    documented: dict[str, Any] = {}
    for key, value in schema.items():
        if key in UNDOCUMENTED or key.startswith("x-"):
            continue
        if key in NAMED_SUBSCHEMAS:  # names here are data (a field may be called `title`), not keywords
            documented[key] = {name: documented_schema(spec, sub) for name, sub in value.items()}
        else:
            documented[key] = documented_schema(spec, value)
    return documented


def input_schema(spec: Mapping[str, Any], raw: Any) -> dict[str, Any]:
    """Every parameter of an operation (path, query and body fields) as the properties of one object."""
    properties: dict[str, Any] = {}
    required: list[str] = []
    for parameter in parameters_of(spec, raw):
        schema = documented_schema(spec, parameter.get("schema", {}))
        if parameter.get("description"):  # the parameter's own words win over its type's
            schema = {"description": str(parameter["description"]).strip(), **_without(schema, "description")}
        properties[parameter["name"]] = schema
        if parameter.get("required"):
            required.append(parameter["name"])
    body = json_body_schema(spec, raw)
    if body is not None:
        body_schema: dict[str, Any] = documented_schema(spec, body)
        properties.update(body_schema.get("properties") or {})
        required.extend(name for name in body_schema.get("required", []) if name not in required)
    combined: dict[str, Any] = {"type": "object", "properties": properties}
    if required:
        combined["required"] = required
    combined["additionalProperties"] = False
    return combined


def _without(mapping: Mapping[str, Any], key: str) -> dict[str, Any]:
    return {k: v for k, v in mapping.items() if k != key}


def build_catalog(spec: Mapping[str, Any], model: ClientModel) -> list[CatalogEntry]:
    """One entry per operation, in the model's order (by group, then as the spec lists them)."""
    raw_by_id = {operation.operation_id: operation for operation in iter_operations(spec)}
    entries = []
    for resource in model.resources:
        for operation in resource.operations:
            raw = raw_by_id[operation.operation_id]
            views = request_views(spec, raw)
            entries.append(
                CatalogEntry(
                    operation=operation,
                    summary=str(raw.raw.get("summary", "")).strip(),
                    description=str(raw.raw.get("description", "")).strip(),
                    conditional_scopes=tuple(
                        (entry["if"], str(entry["scope"])) for entry in raw.raw.get("x-conditional-scopes") or []
                    ),
                    input_schema=input_schema(spec, raw),
                    example=views[0][1] if views else {},
                )
            )
    return entries
