"""Load the OpenAPI document and check the rules this project holds it to.

Loading, ``$ref`` resolution and walking the operations live in ``heytraders_mock._spec_loader``
(the installed sandbox reads the spec with them and must not need this package); they are re-exported
here for the generator. The checks here are the ones no off-the-shelf linter knows: every operation
is complete (operationId, one tag, summary, scope, error responses, examples),
every example is valid against its schema, every request rule is well formed
and every link points at a real operation. ``python -m generator.spec``
prints the problems and exits non-zero when there are any.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator, Mapping
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from heytraders_mock._spec_loader import REPOSITORY_SPEC, escape_pointer

# The loader's names, re-exported (`name as name`) for the generator's other modules and the tests.
from heytraders_mock._spec_loader import Operation as Operation
from heytraders_mock._spec_loader import arguments_of as arguments_of
from heytraders_mock._spec_loader import iter_operations as iter_operations
from heytraders_mock._spec_loader import json_body_schema as json_body_schema
from heytraders_mock._spec_loader import load_spec as load_spec
from heytraders_mock._spec_loader import parameters_of as parameters_of
from heytraders_mock._spec_loader import required_scopes as required_scopes
from heytraders_mock._spec_loader import resolve as resolve
from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import SchemaError
from referencing import Registry
from referencing.jsonschema import DRAFT202012

SPEC_PATH = REPOSITORY_SPEC
SPEC_URI = "urn:heytraders:spec"
TAGS = ("meta", "market", "accounts", "orders", "backtest", "live-strategies", "arena", "docs")
SCOPES = ("research", "read", "trade")
SECURITY_SCHEMES = ("bearerAuth", "apiKeyHeader")
# Statuses every authenticated operation can produce whatever it does.
AUTH_ERROR_CODES = ("INVALID_API_KEY", "EXPIRED_API_KEY", "INSUFFICIENT_PERMISSIONS", "RATE_LIMITED")
OPERATION_ID = re.compile(r"^[a-z]+(_[a-z0-9]+)*$")
VERBS = (
    "get", "list", "place", "cancel", "execute", "register", "unregister", "request",
    "create", "update", "delete", "subscribe", "unsubscribe", "pause", "resume",
    "configure", "test", "evaluate", "scan", "rank", "vote", "add", "check", "follow",
    "unfollow", "remove",
)  # fmt: skip


class SchemaValidators:
    """Validators for schemas inside the document, with ``#/components`` refs resolved."""

    def __init__(self, spec: Mapping[str, Any]) -> None:
        resource = DRAFT202012.create_resource(dict(spec))
        self.registry: Registry[Any] = Registry().with_resource(SPEC_URI, resource)
        self.format_checker = FormatChecker()

        @self.format_checker.checks("decimal", raises=InvalidOperation)
        def _is_decimal(value: object) -> bool:
            return not isinstance(value, str) or Decimal(value).is_finite()

    def at(self, pointer: str) -> Draft202012Validator:
        """A validator for the schema found at ``pointer`` in the document."""
        return self.of({"$ref": f"{SPEC_URI}#{pointer}"})

    def of(self, schema: Mapping[str, Any]) -> Draft202012Validator:
        """A validator for a free-standing schema whose local refs point into the document."""
        return Draft202012Validator(_anchor_refs(schema), registry=self.registry, format_checker=self.format_checker)


def _anchor_refs(node: Any) -> Any:
    """Copy of ``node`` with ``#/...`` refs made absolute, so they resolve in the document."""
    if isinstance(node, Mapping):
        return {
            key: f"{SPEC_URI}{value}" if key == "$ref" and str(value).startswith("#") else _anchor_refs(value)
            for key, value in node.items()
        }
    if isinstance(node, list):
        return [_anchor_refs(item) for item in node]
    return node


def iter_mappings(node: Any, pointer: str = "") -> Iterator[tuple[str, Mapping[str, Any]]]:
    """Every mapping under ``node`` (itself included) with its JSON pointer, depth first."""
    if isinstance(node, Mapping):
        yield pointer, node
        for key, value in node.items():
            yield from iter_mappings(value, f"{pointer}/{escape_pointer(str(key))}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from iter_mappings(value, f"{pointer}/{index}")


def _examples_of(node: Mapping[str, Any]) -> list[tuple[str, Any]]:
    """(name, value) of a media type's or parameter's ``example``/``examples``."""
    found: list[tuple[str, Any]] = []
    if "example" in node:
        found.append(("example", node["example"]))
    for name, example in (node.get("examples") or {}).items():
        if isinstance(example, Mapping) and "value" in example:
            found.append((name, example["value"]))
    return found


def check_operation(spec: Mapping[str, Any], operation: Operation, validators: SchemaValidators) -> list[str]:
    """Everything this project requires of one operation; an empty list when it is complete."""
    problems: list[str] = []
    raw = operation.raw

    def problem(message: str) -> None:
        problems.append(f"{operation}: {message}")

    operation_id = operation.operation_id
    if not OPERATION_ID.match(operation_id):
        problem("operationId must be snake_case")
    elif operation_id.split("_")[0] not in VERBS:
        problem(f"operationId must start with a verb (one of {', '.join(VERBS)})")
    tags = raw.get("tags") or []
    if len(tags) != 1 or tags[0] not in TAGS:
        problem(f"needs exactly one tag of {TAGS}, has {tags}")
    for field in ("summary", "description"):
        if not str(raw.get(field, "")).strip():
            problem(f"needs a {field}")

    # Security: explicit, either public or both schemes with the same single scope.
    if "security" not in raw:
        problem("must state its security (`[]` for a public operation)")
    scopes = required_scopes(operation)
    security = raw.get("security") or []
    if scopes is not None and security:
        schemes = [name for requirement in security for name in requirement]
        if {} in security and security[0] != {}:
            problem("optional authentication lists the empty requirement {} first")
        if sorted(schemes) != sorted(SECURITY_SCHEMES):
            problem(f"security must offer {SECURITY_SCHEMES} as alternatives, offers {schemes}")
        role_lists = {tuple(roles) for requirement in security for roles in requirement.values()}
        if len(role_lists) != 1 or len(scopes) != 1 or not scopes <= set(SCOPES):
            problem(f"each security requirement must list the same one scope of {SCOPES}, got {role_lists}")

    # Error codes: declared, known, and each with a response of its status.
    known_codes = resolve(spec, {"$ref": "#/components/schemas/ErrorCode"})["x-error-codes"]
    codes = raw.get("x-error-codes")
    responses = raw.get("responses") or {}
    if not codes:
        problem("needs x-error-codes, the error codes it can produce")
        codes = []
    for code in codes:
        if code not in known_codes:
            problem(f"x-error-codes lists unknown code {code}")
        elif str(known_codes[code]["status"]) not in responses:
            problem(f"x-error-codes lists {code} but there is no {known_codes[code]['status']} response")
    if scopes is not None:
        missing = [code for code in AUTH_ERROR_CODES if code not in codes]
        if missing:
            problem(f"an authenticated operation can also produce {missing}")
    if "INTERNAL_ERROR" not in codes:
        problem("every operation can produce INTERNAL_ERROR")
    declared_statuses = {str(known_codes[code]["status"]) for code in codes if code in known_codes}
    for status in responses:
        if status.startswith(("4", "5")) and status not in declared_statuses:
            problem(f"has a {status} response but no x-error-codes entry with that status")

    # Success response: a JSON (or markdown) body whose data is a named schema, with an example.
    success = [status for status in responses if status.startswith("2")]
    if len(success) != 1:
        problem(f"needs exactly one 2xx response, has {success}")
    for status in success:
        response = resolve(spec, responses[status])
        content = response.get("content") or {}
        json_media = content.get("application/json")
        if json_media is None:
            problem(f"{status} response needs application/json content")
            continue
        schema = json_media.get("schema", {})
        data_schema = _data_schema(schema)
        if data_schema is None:
            problem(f"{status} response schema must be allOf [SuccessEnvelope, {{properties: {{data: ...}}}}]")
        elif not _is_named(data_schema):
            problem(f"{status} response data must be a $ref to a named schema (or an array of one)")
        pointer = f"{operation.pointer}/responses/{status}/content/application~1json"
        problems.extend(_check_examples(operation, json_media, f"{pointer}/schema", validators, f"{status} response"))

    # Request body: a named schema with examples.
    body = resolve(spec, raw.get("requestBody"))
    if body:
        media = (body.get("content") or {}).get("application/json")
        if media is None:
            problem("request body needs application/json content")
        else:
            if not _is_named(media.get("schema", {})):
                problem("request body schema must be a $ref to a named schema")
            pointer = f"{operation.pointer}/requestBody/content/application~1json"
            problems.extend(_check_examples(operation, media, f"{pointer}/schema", validators, "request body"))

    # Parameters: described, with an example valid against the schema.
    for parameter in parameters_of(spec, operation):
        label = f"{parameter['in']} parameter {parameter['name']}"
        if not str(parameter.get("description", "")).strip():
            problem(f"{label} needs a description")
        examples = _examples_of(parameter)
        if not examples:
            problem(f"{label} needs an example")
        validator = validators.of(parameter.get("schema", {}))
        for name, value in examples:
            for error in validator.iter_errors(value):
                problem(f"{label} example {name!r} is invalid: {error.message}")

    problems.extend(check_request_rules(spec, operation, validators))
    problems.extend(check_links(spec, operation))
    return problems


def _data_schema(schema: Mapping[str, Any]) -> Any:
    parts = schema.get("allOf") or []
    if len(parts) != 2 or parts[0].get("$ref") != "#/components/schemas/SuccessEnvelope":
        return None
    return (parts[1].get("properties") or {}).get("data")


def _is_named(schema: Any) -> bool:
    if not isinstance(schema, Mapping):
        return False
    if "$ref" in schema:
        return str(schema["$ref"]).startswith("#/components/schemas/")
    return schema.get("type") == "array" and _is_named(schema.get("items"))


def _check_examples(
    operation: Operation,
    media: Mapping[str, Any],
    schema_pointer: str,
    validators: SchemaValidators,
    label: str,
) -> list[str]:
    examples = _examples_of(media)
    if not examples:
        return [f"{operation}: {label} needs an example"]
    validator = validators.at(schema_pointer)
    return [
        f"{operation}: {label} example {name!r} is invalid at {'/'.join(map(str, error.absolute_path)) or '(root)'}: "
        f"{error.message}"
        for name, value in examples
        for error in validator.iter_errors(value)
    ]


RULE_KEYS = {"id", "parameter", "description", "if", "then"}
ORDER_RULE_KEYS = {"id", "parameter", "description", "if", "order", "strict"}
"""A rule is an ``if``/``then`` pair of JSON Schemas, or an ``if`` and an ``order`` (JSON pointers into the
request view whose values must increase, ``strict`` by default) for what JSON Schema cannot compare."""
RULE_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def request_view_names(spec: Mapping[str, Any], operation: Operation) -> set[str]:
    """Names a rule may constrain: every parameter and top-level body field, plus ``exchange``."""
    names = {parameter["name"] for parameter in parameters_of(spec, operation)}
    body = json_body_schema(spec, operation)
    if body:
        names.update((resolve(spec, body).get("properties") or {}).keys())
    return names | {"exchange"}


def request_views(spec: Mapping[str, Any], operation: Operation) -> list[tuple[str, dict[str, Any]]]:
    """The request view of each request example: parameter examples merged with one body example."""
    params = {}
    for parameter in parameters_of(spec, operation):
        examples = _examples_of(parameter)
        if examples:
            params[parameter["name"]] = examples[0][1]
    body = resolve(spec, operation.raw.get("requestBody"))
    media = ((body or {}).get("content") or {}).get("application/json")
    if not media:
        return [("parameters", params)]
    return [(name, {**params, **value}) for name, value in _examples_of(media) if isinstance(value, Mapping)]


SHARED_RULES = "#/components/x-request-rules/"


def request_rules(spec: Mapping[str, Any], operation: Operation) -> list[dict[str, Any]]:
    """An operation's rules, shared ones (``$ref`` to ``components.x-request-rules``) resolved.

    A shared rule's id is its key in ``components.x-request-rules``.
    """
    rules = []
    for entry in operation.raw.get("x-request-rules") or []:
        reference = str(entry.get("$ref", ""))
        if reference.startswith(SHARED_RULES):
            rule_id = reference.removeprefix(SHARED_RULES)
            shared = (spec.get("components", {}).get("x-request-rules") or {}).get(rule_id)
            rules.append({"id": rule_id, **shared} if shared is not None else {"id": rule_id, "$ref": reference})
        else:
            rules.append(dict(entry))
    return rules


def check_request_rules(spec: Mapping[str, Any], operation: Operation, validators: SchemaValidators) -> list[str]:
    problems: list[str] = []
    rules = request_rules(spec, operation)
    names = request_view_names(spec, operation)
    seen: set[str] = set()
    for rule in rules:
        rule_id = rule.get("id", "?")
        label = f"{operation}: request rule {rule_id}"
        if "$ref" in rule:
            problems.append(f"{label}: $ref {rule['$ref']} names no rule in components.x-request-rules")
            continue
        if not _well_formed(rule):
            problems.append(
                f"{label} must have exactly the keys {sorted(RULE_KEYS)}, or {sorted(ORDER_RULE_KEYS)} with "
                f"`strict` optional and `order` a list of two or more JSON pointers; has {sorted(rule)}"
            )
            continue
        if not RULE_ID.match(rule_id) or rule_id in seen:
            problems.append(f"{label}: id must be unique kebab-case")
        seen.add(rule_id)
        if str(rule["parameter"]).split(".")[0] not in names:
            problems.append(f"{label}: parameter {rule['parameter']!r} is not a parameter or body field")
        for key in ("if", "then") if "then" in rule else ("if",):
            try:
                Draft202012Validator.check_schema(rule[key])
            except SchemaError as error:
                problems.append(f"{label}: `{key}` is not a valid JSON Schema: {error.message}")
    # Every documented request example must obey the rules it is subject to.
    for name, view in request_views(spec, operation):
        for rule in rules:
            if _well_formed(rule) and breaks_rule(rule, view, validators):
                problems.append(f"{operation}: request example {name!r} breaks request rule {rule['id']}")
    return problems


def breaks_rule(rule: Mapping[str, Any], view: Mapping[str, Any], validators: SchemaValidators) -> bool:
    """Whether a request view matches a (well-formed) rule's ``if`` but not its ``then`` or its ``order``."""
    return validators.of(rule["if"]).is_valid(view) and not _obeyed(rule, view, validators)


def _well_formed(rule: Mapping[str, Any]) -> bool:
    if set(rule) == RULE_KEYS:
        return True
    order = rule.get("order")
    return (
        set(rule) | {"strict"} == ORDER_RULE_KEYS
        and isinstance(order, list)
        and len(order) >= 2
        and all(isinstance(pointer, str) and pointer.startswith("/") for pointer in order)
        and isinstance(rule.get("strict", True), bool)
    )


def _obeyed(rule: Mapping[str, Any], view: Mapping[str, Any], validators: SchemaValidators) -> bool:
    """Whether a view that matches the rule's ``if`` obeys its ``then`` or its ``order``."""
    if "then" in rule:
        return validators.of(rule["then"]).is_valid(view)
    # The runtime's own comparison (dates, date-times, decimals): one definition of "in order".
    from generator.runtime._validation import _compile_rule_check

    check = _compile_rule_check({}, tuple(rule["order"]), bool(rule.get("strict", True)))
    return check(view) is None


def check_links(spec: Mapping[str, Any], operation: Operation) -> list[str]:
    problems: list[str] = []
    targets = {op.operation_id: op for op in iter_operations(spec)}
    for status, response in (operation.raw.get("responses") or {}).items():
        for name, link in (resolve(spec, response).get("links") or {}).items():
            target = targets.get(link.get("operationId", ""))
            if target is None:
                problems.append(
                    f"{operation}: link {name} on {status} names unknown operation {link.get('operationId')}"
                )
                continue
            known = {parameter["name"] for parameter in parameters_of(spec, target)}
            for parameter in link.get("parameters") or {}:
                if parameter.split(".")[-1] not in known:
                    problems.append(f"{operation}: link {name} sets {parameter}, not a parameter of {target}")
    return problems


def check_spec(spec: Mapping[str, Any]) -> list[str]:
    validators = SchemaValidators(spec)
    problems: list[str] = []
    seen: dict[str, Operation] = {}
    for operation in iter_operations(spec):
        if operation.operation_id in seen:
            problems.append(f"{operation}: operationId also used by {seen[operation.operation_id]}")
        seen[operation.operation_id] = operation
        problems.extend(check_operation(spec, operation, validators))
    return problems


def main() -> int:
    problems = check_spec(load_spec(Path(sys.argv[1]) if len(sys.argv) > 1 else SPEC_PATH))
    for line in problems:
        print(line)
    print(f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
