"""The spec's operations as runtime ``OperationSpec``s, built from the generator's own intermediate model.

The runtime tests use the source modules in generator/runtime, so they need operation specs of those
classes; this maps the generator's IR onto them field for field, as the ``_operations`` template does.
"""

from __future__ import annotations

import functools
from typing import Any

from generator.ir import build_client_model
from generator.runtime._operation import OperationSpec, ParamSpec, RuleSpec
from generator.spec import iter_operations, load_spec, resolve


@functools.cache
def operations() -> dict[str, OperationSpec]:
    model = build_client_model(load_spec())
    return {
        op.operation_id: OperationSpec(
            operation_id=op.operation_id,
            method=op.method,
            path=op.path,
            params=tuple(ParamSpec(p.name, p.location, p.required, p.schema) for p in op.parameters),  # type: ignore[arg-type]
            rules=tuple(RuleSpec(r.id, r.parameter, r.description, r.if_, r.then, r.order, r.strict) for r in op.rules),
            public=op.public,
            key_optional=op.key_optional,
            places_order=op.places_order,
            markdown=op.markdown,
        )
        for resource in model.resources
        for op in resource.operations
    }


def request_examples() -> list[tuple[str, dict[str, Any]]]:
    """Every request-body example in the spec, as (operation id, body)."""
    spec = load_spec()
    found: list[tuple[str, dict[str, Any]]] = []
    for operation in iter_operations(spec):
        body = resolve(spec, operation.raw.get("requestBody"))
        if not body:
            continue
        media = body["content"]["application/json"]
        examples = [media["example"]] if "example" in media else []
        examples += [example["value"] for example in media.get("examples", {}).values()]
        found += [(operation.operation_id, example) for example in examples]
    return found
