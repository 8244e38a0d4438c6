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
import itertools
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
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
    """One ``x-request-rules`` entry of one operation, with its schemas compiled.

    Attributes:
        order: JSON pointers whose values must increase (the spec's ``order``; empty for a ``then`` rule).
        strict: With ``order``: each value above (after) the one before, not merely not below it.
    """

    id: str
    parameter: str
    condition: Draft202012Validator
    requirement: Draft202012Validator
    order: tuple[str, ...] = ()
    strict: bool = True

    def broken_by(self, view: Mapping[str, Any]) -> bool:
        """Whether ``view`` matches the rule's ``if`` but not its ``then`` or ``order``."""
        if not self.condition.is_valid(view):
            return False
        return not self.requirement.is_valid(view) or self._out_of_order(view)

    def _out_of_order(self, view: Mapping[str, Any]) -> bool:
        values = [_comparable(_pointed(view, pointer)) for pointer in self.order]
        if any(value is None for value in values) or len({type(value) for value in values}) != 1:
            return False  # missing or of different kinds: the rule does not judge it
        pairs = itertools.pairwise(values)
        return any(later < earlier or (self.strict and later == earlier) for earlier, later in pairs)  # type: ignore[operator]


def _pointed(view: Mapping[str, Any], pointer: str) -> Any:
    value: Any = view
    for part in pointer.split("/")[1:]:
        value = value.get(part) if isinstance(value, Mapping) else None
    return value


def _comparable(value: Any) -> Decimal | date | datetime | None:
    """A decimal, a date or an aware date-time, as the spec's ``order`` compares them; else None."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return Decimal(str(value))
    if not isinstance(value, str):
        return None
    for parse in (Decimal, date.fromisoformat, lambda text: datetime.fromisoformat(text.replace("Z", "+00:00"))):
        try:
            parsed = parse(value)
        except (ValueError, ArithmeticError):
            continue
        if isinstance(parsed, datetime) and parsed.tzinfo is None:
            return None
        return parsed
    return None


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
                Draft202012Validator.check_schema(body.get(keyword, {}))
            rules.append(
                RequestRule(
                    id=rule_id,
                    parameter=str(body["parameter"]),
                    condition=Draft202012Validator(body["if"]),
                    requirement=Draft202012Validator(body.get("then", {})),
                    order=tuple(body.get("order", ())),
                    strict=bool(body.get("strict", True)),
                )
            )
        if rules:
            table[str(operation["operationId"])] = tuple(rules)
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
