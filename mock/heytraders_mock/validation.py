"""Reading a request into the spec's request view, and validating it with the client's own validator.

Path parameters come from the route; query strings are coerced by their schema type (``"20"`` →
``20``; a value that does not parse stays a string, so the validator reports it as the wrong type,
naming the parameter); the JSON body's fields join them by name. Then
``heytraders._validation.prepare_request`` checks every value and every ``x-request-rules`` entry,
exactly as the client does before sending.

The body is read with the client's exact codec (``heytraders._json``): a JSON number is the
``Decimal`` of its text, so an amount the older document sends as a number (``"amount": 0.001``)
is judged as written. A server must also refuse what the client would silently convert: a JSON
number where the spec wants only a string, and ``null`` for a field that is not nullable (the
client drops it). Those raw values are checked once more with ``validate_value``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from heytraders import _json
from heytraders._exceptions import MISSING, RequestValidationError
from heytraders._operation import OperationSpec
from heytraders._validation import prepare_request, validate_value
from starlette.requests import Request

from .errors import ApiError
from .guards import BodyError, load_json
from .spec import Operation

_INTEGER = re.compile(r"^-?[0-9]+$")
_NUMBER = re.compile(r"^-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?$")
_MAX_SHOWN = 200


def coerce(text: str, types: tuple[str, ...]) -> Any:
    """A query string value in the type its schema names; unchanged when it does not parse."""
    if "integer" in types and _INTEGER.match(text):
        return int(text)
    if "number" in types and _NUMBER.match(text):
        return int(text) if _INTEGER.match(text) else float(text)
    if "boolean" in types and text in ("true", "false"):
        return text == "true"
    return text


async def read_values(request: Request, op: Operation, path_params: Mapping[str, str]) -> dict[str, Any]:
    """Every path, query and body parameter of the request by name, as sent."""
    values: dict[str, Any] = dict(path_params)
    for name, types in op.query_types.items():
        if name in request.query_params:
            values[name] = coerce(request.query_params[name], types)
    if not op.has_body:
        return values
    raw = await request.body()
    if not raw.strip():
        if op.body_required:
            raise RequestValidationError(
                parameter="body",
                rule="required",
                value=MISSING,
                message=f"{op.operation_id} needs a JSON body",
                suggestion="Send a JSON object with Content-Type: application/json (body: required).",
            )
        return values
    try:
        body = load_json(raw)
    except BodyError as error:
        raise RequestValidationError(
            parameter="body",
            rule=error.rule,
            value=MISSING,
            message=error.message,
            suggestion=f'Send a JSON object such as {{"field": "value"}} (body: rule {error.rule}).',
        ) from None
    if not isinstance(body, dict):
        raise RequestValidationError(
            parameter="body",
            rule="type",
            value=MISSING,
            message=f"must be a JSON object, not {type(body).__name__}",
            suggestion="Send the fields as one JSON object (body: rule type).",
        )
    for name in body:
        if name not in op.body_names:
            known = ", ".join(sorted(op.body_names))
            raise RequestValidationError(
                parameter=name,
                rule="additionalProperties",
                value=body[name],
                message=f"is not a field of the {op.operation_id} body",
                suggestion=f"Remove {name} (rule additionalProperties); the known fields are {known}.",
            )
    if op.body_schema:
        validate_value(op.body_schema, body, parameter="body")
    values.update(body)
    return values


def validate(spec: OperationSpec, values: Mapping[str, Any]) -> dict[str, Any]:
    """The request view, checked by the client's validator; raises ``RequestValidationError``."""
    view = prepare_request(spec, values)
    schemas = {param.name: param.schema for param in spec.params}
    for name, raw in values.items():
        converted = view.get(name, MISSING)
        if converted is MISSING or type(converted) is not type(raw) or converted != raw:
            validate_value(schemas[name], raw, parameter=name)
    return view


def _shown(value: Any) -> Any:
    """The value as the error repeats it: JSON as sent, long strings cut."""
    if isinstance(value, str) and len(value) > _MAX_SHOWN:
        return value[:_MAX_SHOWN] + "…"
    try:
        _json.dumps(value)
    except (TypeError, ValueError):
        return repr(value)[:_MAX_SHOWN]
    return value


def validation_error(op: Operation, error: RequestValidationError) -> ApiError:
    """The 400 ``VALIDATION_ERROR`` for a failed check; its message and suggestion name the field and the rule.

    An operation that documents no 400 only has path parameters to get wrong: a path parameter that
    breaks its schema cannot name anything, so that is the operation's 404.
    """
    given = error.value is not MISSING
    if 400 not in op.statuses:
        return ApiError(
            op.code_for_missing(),
            f"Nothing found for {error.parameter} {error.value!r}." if given else f"{error.parameter} is missing.",
            "Check the identifier: it comes from the response that created the resource.",
            details={"parameter": error.parameter, "rule": error.rule},
        )
    got = f"; got {_json.dumps(_shown(error.value))}" if given else ""
    message = f"{error.parameter}: {error.message} (rule {error.rule}){got}"
    suggestion = error.suggestion or f"Fix {error.parameter}."
    if error.parameter not in suggestion:
        suggestion = f"{error.parameter}: {suggestion}"
    if error.rule not in suggestion:
        suggestion = f"{suggestion.rstrip()} (rule {error.rule})"
    details: dict[str, Any] = {"parameter": error.parameter, "rule": error.rule}
    if given:
        details["value"] = _shown(error.value)
    return ApiError("VALIDATION_ERROR", message, suggestion, details=details)


def invalid(parameter: str, rule: str, message: str, suggestion: str, value: Any = MISSING) -> ApiError:
    """A VALIDATION_ERROR the handlers find themselves (a date range backwards, a cancelled subscription)."""
    got = "" if value is MISSING else f"; got {_json.dumps(_shown(value))}"
    details: dict[str, Any] = {"parameter": parameter, "rule": rule}
    if value is not MISSING:
        details["value"] = _shown(value)
    return ApiError(
        "VALIDATION_ERROR",
        f"{parameter}: {message} (rule {rule}){got}",
        f"{suggestion} ({parameter}, rule {rule})",
        details=details,
    )
