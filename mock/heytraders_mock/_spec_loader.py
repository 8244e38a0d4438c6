"""Read the OpenAPI document: load it, follow its ``$ref``s, walk its operations and their arguments.

One piece of code for two users: the sandbox reads the spec with it at start-up, and the code generator
(``generator.spec``, a development tool that is not in the wheel) imports it from here, so the installed
sandbox needs nothing of the generator. It needs PyYAML, which the ``mock`` extra installs.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

# The spec in a checkout (mock/heytraders_mock/ → the repository root); an installed sandbox has its own copy.
REPOSITORY_SPEC = Path(__file__).resolve().parents[2] / "spec" / "heytraders.yaml"
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


@dataclass(frozen=True)
class Operation:
    """One (method, path) pair of the document, with its resolved parts."""

    method: str
    path: str
    raw: Mapping[str, Any]
    path_item: Mapping[str, Any]

    @property
    def operation_id(self) -> str:
        return str(self.raw.get("operationId", ""))

    @property
    def pointer(self) -> str:
        return f"/paths/{escape_pointer(self.path)}/{self.method}"

    def __str__(self) -> str:
        return f"{self.method.upper()} {self.path} ({self.operation_id or 'no operationId'})"


@dataclass(frozen=True)
class Argument:
    """One thing a caller passes: a path or query parameter, or a top-level field of the JSON body."""

    name: str
    location: str  # path | query | body
    required: bool
    schema: Mapping[str, Any]  # as written in the document (it may be a $ref)
    default: Any  # the schema's default, looked up through one $ref; None when it has none
    description: str


def load_spec(path: Path = REPOSITORY_SPEC) -> dict[str, Any]:
    with path.open(encoding="utf-8") as handle:
        # libyaml's safe loader builds the same data as yaml.safe_load, about ten times faster.
        document = yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    if not isinstance(document, dict):
        raise ValueError(f"{path}: expected a mapping at the top level")
    return document


def iter_operations(spec: Mapping[str, Any]) -> Iterator[Operation]:
    for path, item in (spec.get("paths") or {}).items():
        for method in HTTP_METHODS:
            if method in item:
                yield Operation(method, path, item[method], item)


def resolve(spec: Mapping[str, Any], node: Any) -> Any:
    """Follow local ``$ref``s (``#/components/...``) until a non-reference node."""
    while isinstance(node, Mapping) and "$ref" in node:
        node = pointer_get(spec, str(node["$ref"]).removeprefix("#"))
    return node


def pointer_get(document: Any, pointer: str) -> Any:
    node = document
    for part in pointer.lstrip("/").split("/") if pointer.strip("/") else []:
        key = part.replace("~1", "/").replace("~0", "~")
        node = node[int(key)] if isinstance(node, list) else node[key]
    return node


def parameters_of(spec: Mapping[str, Any], operation: Operation) -> list[dict[str, Any]]:
    """Path-item and operation parameters, resolved, the operation's winning on clashes."""
    merged: dict[tuple[str, str], dict[str, Any]] = {}
    for raw in [*operation.path_item.get("parameters", []), *operation.raw.get("parameters", [])]:
        parameter = resolve(spec, raw)
        merged[(parameter["name"], parameter["in"])] = parameter
    return list(merged.values())


def required_scopes(operation: Operation) -> set[str] | None:
    """The scope roles of an operation's security; None for a public operation."""
    security = operation.raw.get("security")
    if security == []:
        return None
    roles: set[str] = set()
    for requirement in security or []:  # an empty requirement `{}` makes the key optional
        for scopes in requirement.values():
            roles.update(scopes)
    return roles


def json_body_schema(spec: Mapping[str, Any], operation: Operation) -> Any:
    body = resolve(spec, operation.raw.get("requestBody"))
    if not body:
        return None
    return body.get("content", {}).get("application/json", {}).get("schema")


def arguments_of(spec: Mapping[str, Any], operation: Operation) -> list[Argument]:
    """The operation's parameters, then its JSON body's fields, in the document's order."""
    arguments = []
    for parameter in parameters_of(spec, operation):
        schema = parameter.get("schema", {})
        arguments.append(
            Argument(
                name=parameter["name"],
                location=parameter["in"],
                required=bool(parameter.get("required")),
                schema=schema,
                default=schema.get("default", resolve(spec, schema).get("default")),
                description=str(parameter.get("description", "")),
            )
        )
    body = json_body_schema(spec, operation)
    if body is not None:
        body_schema = resolve(spec, body)
        required_fields = set(body_schema.get("required", []))
        for name, field_schema in (body_schema.get("properties") or {}).items():
            resolved = resolve(spec, field_schema)
            arguments.append(
                Argument(
                    name=name,
                    location="body",
                    required=name in required_fields,
                    schema=field_schema,
                    default=field_schema.get("default", resolved.get("default")),
                    description=str(field_schema.get("description") or resolved.get("description") or ""),
                )
            )
    return arguments


def escape_pointer(segment: str) -> str:
    return segment.replace("~", "~0").replace("/", "~1")
