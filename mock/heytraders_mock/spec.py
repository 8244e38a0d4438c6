"""The spec, read once at start-up: every operation with its route, scopes, error codes and validator.

Nothing here lists endpoints by hand. Each operation's route, parameters, schemas and request rules
are the generated client's own ``heytraders._operations.OPERATIONS`` entry (``make lint`` fails when
the generated package lags the spec), so the client and the mock enforce the spec's rules with one
description and one piece of code, ``heytraders._validation.prepare_request``. What the client does
not carry (scopes, error codes, defaults) is read from the document with ``_spec_loader``, which the
code generator shares: the installed sandbox needs nothing of the generator.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from heytraders._operation import OperationSpec, ParamSpec
from heytraders._operations import OPERATIONS
from heytraders._validation import compile_predicate

from ._spec_loader import (
    REPOSITORY_SPEC,
    arguments_of,
    iter_operations,
    json_body_schema,
    load_spec,
    required_scopes,
    resolve,
)
from ._spec_loader import Operation as RawOperation

# Operations on an existing account or order: the server adds its `exchange` to the request view.
EXCHANGE_FROM_RESOURCE = ("account_id", "order_id")
# Keywords of a request body that constrain the object as a whole rather than one field.
OBJECT_KEYWORDS = ("minProperties", "maxProperties")


def spec_file() -> Path:
    """The packaged copy of the spec when the mock is installed, else the repository's."""
    packaged = Path(__file__).with_name("heytraders.yaml")
    return packaged if packaged.is_file() else REPOSITORY_SPEC


@dataclass(frozen=True)
class ConditionalScope:
    applies: Callable[[Any], bool]
    scope: str


@dataclass(frozen=True)
class Operation:
    """One operation of the spec, with what the mock needs to serve it."""

    operation_id: str
    method: str
    path: str  # template relative to the base path: /orders/{order_id}
    summary: str
    spec: OperationSpec  # the client's own runtime description
    scope: str | None  # None: public
    key_optional: bool
    conditional_scopes: tuple[ConditionalScope, ...]
    error_codes: frozenset[str]
    statuses: frozenset[int]
    defaults: Mapping[str, Any]
    query_types: Mapping[str, tuple[str, ...]]  # JSON types of each query parameter, for coercion
    body_names: frozenset[str]
    # The body's own object-level keywords (minProperties): the client checks fields one by one.
    body_schema: Mapping[str, Any]
    has_body: bool
    body_required: bool
    markdown: bool
    # The path parameter (account_id, order_id) naming a resource whose exchange the rules need, and
    # the spec to check them with (the operation's own plus an `exchange` parameter when it has none).
    exchange_from: str | None
    spec_with_exchange: OperationSpec | None

    def code_for_missing(self) -> str:
        """The 404 code of this operation, for a path parameter that cannot name anything."""
        specific = sorted(code for code in self.error_codes if code.endswith("_NOT_FOUND"))
        return specific[0] if specific else "NOT_FOUND"


@dataclass(frozen=True)
class ApiSpec:
    """The whole document as the mock uses it."""

    title: str
    version: str
    operations: tuple[Operation, ...]
    error_status: Mapping[str, int]
    exchanges: Mapping[str, Mapping[str, str]]  # Exchange.x-exchanges: name, default_market_type

    def operation(self, operation_id: str) -> Operation:
        return next(op for op in self.operations if op.operation_id == operation_id)


def _exchange_from(spec: OperationSpec) -> str | None:
    """The path parameter naming an account or order, when the operation's rules read ``exchange``."""
    if not any("exchange" in repr(rule.if_) or "exchange" in repr(rule.then) for rule in spec.rules):
        return None
    paths = [param.name for param in spec.params if param.location == "path" and param.name in EXCHANGE_FROM_RESOURCE]
    return paths[0] if paths else None


def _with_exchange(spec: OperationSpec, exchange_schema: Mapping[str, Any]) -> OperationSpec:
    if any(param.name == "exchange" for param in spec.params):
        return spec
    return OperationSpec(
        operation_id=spec.operation_id,
        method=spec.method,
        path=spec.path,
        params=(*spec.params, ParamSpec("exchange", "query", False, exchange_schema)),
        rules=spec.rules,
        public=spec.public,
        key_optional=spec.key_optional,
        places_order=spec.places_order,
        markdown=spec.markdown,
    )


def _types(schema: Mapping[str, Any]) -> tuple[str, ...]:
    kind = schema.get("type")
    if isinstance(kind, str):
        return (kind,)
    if isinstance(kind, list):
        return tuple(str(item) for item in kind)
    found: list[str] = []
    for key in ("oneOf", "anyOf", "allOf"):
        for branch in schema.get(key, ()):
            found.extend(_types(branch))
    return tuple(found)


def _object_keywords(document: Mapping[str, Any], operation: RawOperation) -> dict[str, Any]:
    schema = resolve(document, json_body_schema(document, operation)) or {}
    return {key: schema[key] for key in OBJECT_KEYWORDS if key in schema}


def load_api(path: Path | None = None) -> ApiSpec:
    """The spec as the mock serves it; read once per process (an ``ApiSpec`` is immutable, apps share it)."""
    return _load_api(path or spec_file())


@functools.cache
def _load_api(path: Path) -> ApiSpec:
    document = load_spec(path)
    error_code = document["components"]["schemas"]["ErrorCode"]
    error_status = {code: int(error_code["x-error-codes"][code]["status"]) for code in error_code["enum"]}
    exchange_schema = next(
        param.schema
        for spec in OPERATIONS.values()
        for param in spec.params
        if param.name == "exchange" and param.location == "query"
    )
    operations = []
    for raw in iter_operations(document):
        spec = OPERATIONS.get(raw.operation_id)
        if spec is None:
            raise RuntimeError(f"the generated client lacks {raw.operation_id}: run `make generate`")
        body = resolve(document, raw.raw.get("requestBody")) or {}
        statuses = {int(status) for status in raw.raw["responses"] if status.isdigit()}
        scopes = required_scopes(raw)
        operations.append(
            Operation(
                operation_id=spec.operation_id,
                method=spec.method,
                path=spec.path,
                summary=str(raw.raw.get("summary", "")),
                spec=spec,
                scope=None if scopes is None else min(scopes),
                key_optional=spec.key_optional,
                conditional_scopes=tuple(
                    ConditionalScope(compile_predicate(entry["if"]), str(entry["scope"]))
                    for entry in raw.raw.get("x-conditional-scopes") or []
                ),
                error_codes=frozenset(raw.raw.get("x-error-codes") or []),
                statuses=frozenset(statuses),
                defaults={
                    argument.name: argument.default
                    for argument in arguments_of(document, raw)
                    if not argument.required and argument.default is not None
                },
                query_types={p.name: _types(p.schema) for p in spec.params if p.location == "query"},
                body_names=frozenset(p.name for p in spec.params if p.location == "body"),
                body_schema=_object_keywords(document, raw),
                has_body=json_body_schema(document, raw) is not None,
                body_required=bool(body.get("required")),
                markdown=spec.markdown,
                exchange_from=_exchange_from(spec),
                spec_with_exchange=_with_exchange(spec, exchange_schema) if _exchange_from(spec) else None,
            )
        )
    exchange = document["components"]["schemas"]["Exchange"]
    return ApiSpec(
        title=document["info"]["title"],
        version=str(document["info"]["version"]),
        operations=tuple(operations),
        error_status=error_status,
        exchanges=exchange.get("x-exchanges", {}),
    )
