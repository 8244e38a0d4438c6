"""The spec's ``x-request-rules``, evaluated over request views with the jsonschema library.

Plain JSON Schema generation knows nothing of the rules that tie one field to another (the exchange
rules, "a limit order needs a price", ...), so a schema-valid request can still be one the server must
refuse. The contract harness filters its positive cases through these rules, evaluated exactly as the
spec's ``info.description`` defines them: each rule's ``if`` and ``then`` are JSON Schemas over the
*request view* (every path, query and body parameter by name); a view that matches ``if`` but not
``then`` breaks the rule.

This module reads ``spec/heytraders.yaml`` itself (it does not import the mock or the client), so the
contract tests stay an independent reading of the spec.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator

REPO_ROOT = Path(__file__).resolve().parents[2]
SPEC_PATH = REPO_ROOT / "spec" / "heytraders.yaml"
HTTP_METHODS = frozenset({"get", "put", "post", "delete", "patch", "options", "head", "trace"})

# Parameters that name an existing resource whose exchange the server adds to the view when the
# request does not name one (spec, "Request rules": "the server adds the account's (or order's)
# `exchange` to the view").
ACCOUNT_PARAMETER = "account_id"
ORDER_PARAMETER = "order_id"


@dataclass(frozen=True, slots=True)
class RequestRule:
    """One ``x-request-rules`` entry of one operation, with its schemas compiled."""

    id: str
    parameter: str
    condition: Draft202012Validator
    requirement: Draft202012Validator

    def broken_by(self, view: Mapping[str, Any]) -> bool:
        """Whether ``view`` matches the rule's ``if`` but not its ``then``."""
        return self.condition.is_valid(view) and not self.requirement.is_valid(view)


@functools.cache
def load_spec() -> dict[str, Any]:
    """The spec as a plain dictionary (parsed once per process)."""
    with SPEC_PATH.open(encoding="utf-8") as handle:
        loaded = yaml.safe_load(handle)
    if not isinstance(loaded, dict):
        raise TypeError(f"{SPEC_PATH} does not hold an OpenAPI document")
    return loaded


def iter_operations(spec: Mapping[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    """Every operation as ``(METHOD, path, operation object)``, in document order."""
    found: list[tuple[str, str, dict[str, Any]]] = []
    for path, item in spec["paths"].items():
        for method, operation in item.items():
            if method in HTTP_METHODS and isinstance(operation, dict):
                found.append((method.upper(), path, operation))
    return found


def _resolve_rule(spec: Mapping[str, Any], entry: Mapping[str, Any]) -> tuple[str, Mapping[str, Any]]:
    reference = entry.get("$ref")
    if reference is None:
        return str(entry["id"]), entry
    prefix = "#/components/x-request-rules/"
    if not isinstance(reference, str) or not reference.startswith(prefix):
        raise ValueError(f"unsupported request-rule reference {reference!r}")
    rule_id = reference[len(prefix) :]
    return rule_id, spec["components"]["x-request-rules"][rule_id]


@functools.cache
def rules_by_operation() -> dict[str, tuple[RequestRule, ...]]:
    """Every operation's request rules, keyed by ``operationId`` (operations without rules are absent)."""
    spec = load_spec()
    table: dict[str, tuple[RequestRule, ...]] = {}
    for _, _, operation in iter_operations(spec):
        entries = operation.get("x-request-rules") or []
        rules = []
        for entry in entries:
            rule_id, body = _resolve_rule(spec, entry)
            for keyword in ("if", "then"):
                Draft202012Validator.check_schema(body[keyword])
            rules.append(
                RequestRule(
                    id=rule_id,
                    parameter=str(body["parameter"]),
                    condition=Draft202012Validator(body["if"]),
                    requirement=Draft202012Validator(body["then"]),
                )
            )
        if rules:
            table[str(operation["operationId"])] = tuple(rules)
    return table


@dataclass(frozen=True, slots=True)
class ExtensibleField:
    """A request field whose schema is an open enumeration (``x-extensible-enum``).

    Attributes:
        location: ``path``, ``query`` or ``body``.
        path: Keys from the container to the field (``("exchange",)``).
        known: The values the spec lists.
    """

    location: str
    path: tuple[str, ...]
    known: tuple[str, ...]


def _resolve(spec: Mapping[str, Any], node: Any) -> Any:
    while isinstance(node, Mapping) and "$ref" in node:
        target: Any = spec
        for part in str(node["$ref"]).removeprefix("#/").split("/"):
            target = target[part]
        node = {**target, **{key: value for key, value in node.items() if key != "$ref"}}
    return node


def _extensible(spec: Mapping[str, Any], schema: Any, location: str, path: tuple[str, ...]) -> list[ExtensibleField]:
    schema = _resolve(spec, schema)
    if not isinstance(schema, Mapping):
        return []
    found = []
    if "x-extensible-enum" in schema:
        found.append(ExtensibleField(location, path, tuple(str(value) for value in schema["x-extensible-enum"])))
    for name, child in (schema.get("properties") or {}).items():
        found += _extensible(spec, child, location, (*path, name))
    for keyword in ("allOf", "anyOf", "oneOf"):
        for child in schema.get(keyword) or []:
            found += _extensible(spec, child, location, path)
    return found


@functools.cache
def extensible_fields() -> dict[str, tuple[ExtensibleField, ...]]:
    """Every operation's request fields with an open enumeration, keyed by ``operationId``."""
    spec = load_spec()
    table: dict[str, tuple[ExtensibleField, ...]] = {}
    for _, _, operation in iter_operations(spec):
        found: list[ExtensibleField] = []
        for parameter in operation.get("parameters") or []:
            parameter = _resolve(spec, parameter)
            found += _extensible(spec, parameter["schema"], parameter["in"], (parameter["name"],))
        body = (operation.get("requestBody") or {}).get("content", {}).get("application/json")
        if body is not None:
            found += _extensible(spec, body["schema"], "body", ())
        if found:
            table[str(operation["operationId"])] = tuple(found)
    return table


def request_view(
    path_parameters: Mapping[str, Any] | None,
    query: Mapping[str, Any] | None,
    body: object,
    *,
    account_exchanges: Mapping[str, str] | None = None,
    order_exchanges: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """The request view: every path, query and body parameter by name.

    Args:
        path_parameters: Path parameters as sent.
        query: Query parameters as sent.
        body: The JSON body; only an object contributes parameters.
        account_exchanges: Exchange of each known account id; when the request acts on a known account
            (its path names it) but names no exchange, the account's exchange joins the view, as the
            server does. An ``account_id`` in a query or body (an exchange-native cancel's) is only a
            parameter: whether the server adds that account's exchange too, the spec leaves open, so
            the view does not.
        order_exchanges: Exchange of each known order id, used the same way for a path ``order_id``.

    Returns:
        A new dictionary; the inputs are not modified.
    """
    view: dict[str, Any] = {}
    for part in (path_parameters, query, body):
        if isinstance(part, Mapping):
            view.update(part)
    if "exchange" not in view and isinstance(path_parameters, Mapping):
        for name, known in ((ACCOUNT_PARAMETER, account_exchanges), (ORDER_PARAMETER, order_exchanges)):
            value = path_parameters.get(name)
            if known and isinstance(value, str) and value in known:
                view["exchange"] = known[value]
                break
    return view


def broken_rules(operation_id: str | None, view: Mapping[str, Any]) -> list[str]:
    """The ids of the rules of ``operation_id`` that ``view`` breaks, in spec order (empty: valid)."""
    if operation_id is None:
        return []
    return [rule.id for rule in rules_by_operation().get(operation_id, ()) if rule.broken_by(view)]
