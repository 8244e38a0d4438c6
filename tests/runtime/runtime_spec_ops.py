"""Build runtime ``OperationSpec`` objects from spec/heytraders.yaml, for tests only.

A small stand-in for the generator: inline ``$ref``, flatten the JSON body's properties into
body parameters, resolve shared request rules. The runtime is then tested on the real spec.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal, cast

import yaml

from generator.runtime._operation import OperationSpec, ParamSpec, RuleSpec

SPEC_PATH = Path(__file__).resolve().parents[2] / "spec" / "heytraders.yaml"
_METHODS = ("get", "put", "post", "delete", "patch")


@functools.cache
def load_spec() -> dict[str, Any]:
    with SPEC_PATH.open(encoding="utf-8") as handle:
        return cast(dict[str, Any], yaml.safe_load(handle))


def _resolve(spec: Mapping[str, Any], ref: str) -> Any:
    node: Any = spec
    for part in ref.removeprefix("#/").split("/"):
        node = node[part]
    return node


def inline(spec: Mapping[str, Any], node: Any) -> Any:
    """``node`` with every ``$ref`` replaced by its target (siblings of ``$ref`` kept)."""
    if isinstance(node, Mapping):
        if "$ref" in node:
            target = inline(spec, _resolve(spec, node["$ref"]))
            return {**target, **{k: inline(spec, v) for k, v in node.items() if k != "$ref"}}
        return {k: inline(spec, v) for k, v in node.items()}
    if isinstance(node, list):
        return [inline(spec, item) for item in node]
    return node


def _security_flags(operation: Mapping[str, Any], spec: Mapping[str, Any]) -> tuple[bool, bool]:
    security = operation.get("security", spec.get("security", []))
    public = security == []
    key_optional = not public and {} in security
    return public, key_optional


@functools.cache
def operations() -> dict[str, OperationSpec]:
    spec = load_spec()
    ops: dict[str, OperationSpec] = {}
    for path, item in spec["paths"].items():
        for method in _METHODS:
            operation = item.get(method)
            if operation is None:
                continue
            params: list[ParamSpec] = []
            for raw in [*item.get("parameters", []), *operation.get("parameters", [])]:
                param = inline(spec, raw)
                location = cast(Literal["path", "query"], param["in"])
                params.append(ParamSpec(param["name"], location, bool(param.get("required")), param["schema"]))
            body = operation.get("requestBody")
            if body is not None:
                schema = inline(spec, inline(spec, body)["content"]["application/json"]["schema"])
                required = set(schema.get("required", []))
                for name, sub in schema.get("properties", {}).items():
                    params.append(ParamSpec(name, "body", name in required, sub))
            rules = tuple(
                RuleSpec(
                    id=rule.get("id") or raw["$ref"].rsplit("/", 1)[-1],
                    parameter=rule["parameter"],
                    description=rule["description"],
                    if_=rule["if"],
                    then=rule["then"],
                )
                for raw in operation.get("x-request-rules", [])
                for rule in [inline(spec, raw)]
            )
            public, key_optional = _security_flags(operation, spec)
            content = operation["responses"]["200"].get("content", {})
            ops[operation["operationId"]] = OperationSpec(
                operation_id=operation["operationId"],
                method=method.upper(),
                path=path,
                params=tuple(params),
                rules=rules,
                public=public,
                key_optional=key_optional,
                places_order=bool(operation.get("x-places-order")),
                markdown="text/markdown" in content,
            )
    return ops


def request_examples() -> list[tuple[str, dict[str, Any]]]:
    """Every request-body example in the spec, as (operation id, body)."""
    spec = load_spec()
    found: list[tuple[str, dict[str, Any]]] = []
    for item in spec["paths"].values():
        for method in _METHODS:
            operation = item.get(method)
            if operation is None or "requestBody" not in operation:
                continue
            media = inline(spec, operation["requestBody"])["content"]["application/json"]
            examples = [media["example"]] if "example" in media else []
            examples += [e["value"] for e in media.get("examples", {}).values()]
            found += [(operation["operationId"], example) for example in examples]
    return found
