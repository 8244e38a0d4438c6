"""Request validation before any network call: a small JSON Schema evaluator and money conversion.

The evaluator knows exactly the JSON Schema subset the spec uses. ``assert_supported`` runs at
generate time and refuses any other keyword, so a constraint is never skipped in silence.
Schemas are compiled into closures once per operation, on first use, to keep each call cheap.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from enum import Enum
from typing import Any, Final, Literal

from ._exceptions import MISSING, RequestValidationError
from ._operation import OperationSpec, ParamSpec, RuleSpec
from ._types import NOT_GIVEN

__all__ = [
    "SUPPORTED_FORMATS",
    "SUPPORTED_KEYWORDS",
    "OperationPlan",
    "UnsupportedSchemaError",
    "assert_operation_supported",
    "assert_supported",
    "decimal_form",
    "plan_for",
    "prepare_request",
    "to_wire_decimal",
    "to_wire_number",
    "validate_request",
    "validate_value",
]

ANNOTATION_KEYWORDS: Final = frozenset(
    {
        "default",
        "description",
        "examples",
        "example",
        "title",
        "readOnly",
        "writeOnly",
        "deprecated",
        "$comment",
        # OpenAPI's discriminator only speeds up oneOf, which is evaluated in full anyway.
        "discriminator",
    }
)
ASSERTION_KEYWORDS: Final = frozenset(
    {
        "type",
        "enum",
        "const",
        "format",
        "pattern",
        "minLength",
        "maxLength",
        "minimum",
        "maximum",
        "exclusiveMinimum",
        "exclusiveMaximum",
        "multipleOf",
        "items",
        "minItems",
        "maxItems",
        "uniqueItems",
        "properties",
        "required",
        "additionalProperties",
        "minProperties",
        "maxProperties",
        "allOf",
        "anyOf",
        "oneOf",
        "not",
        "if",
        "then",
        "else",
    }
)
SUPPORTED_KEYWORDS: Final = ANNOTATION_KEYWORDS | ASSERTION_KEYWORDS
"""Every keyword the evaluator understands; ``x-*`` extensions are ignored as annotations."""

SUPPORTED_FORMATS: Final = frozenset({"date", "date-time", "decimal", "uri"})
_TYPE_NAMES: Final = ("string", "integer", "number", "boolean", "array", "object", "null")
_SECRET_NAMES: Final = frozenset({"secret", "api_key", "password"})
_MAX_LISTED: Final = 10


class UnsupportedSchemaError(ValueError):
    """A schema uses a keyword or format the runtime evaluator does not implement."""


# ---------------------------------------------------------------------------------------------
# Money


def to_wire_decimal(value: Any, parameter: str) -> str:
    """Turn a money argument into the decimal string the API expects.

    Floats are refused, never converted: a binary float cannot hold most decimal amounts
    (``0.1``) exactly, and guessing the intended digits would be a silent change.

    Args:
        value: A finite ``Decimal``, an ``int`` or a string holding a finite decimal.
        parameter: Parameter name, for the error.

    Returns:
        The decimal string: a ``str`` input with surrounding whitespace stripped (the user's
        digits are kept), a ``Decimal`` in plain notation (no exponent), an ``int`` as digits.

    Raises:
        RequestValidationError: For a float, a bool, a non-finite or unparsable value.
    """
    kind = type(value)
    if kind is str or isinstance(value, str):
        text = str(value).strip()
        try:
            parsed = Decimal(text)
        except InvalidOperation:
            parsed = None
        if parsed is None or not parsed.is_finite() or not text:
            raise _money_error(parameter, value, "is not a decimal number")
        return text
    if kind is int or (isinstance(value, int) and not isinstance(value, bool)):
        return str(int(value))
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise _money_error(parameter, value, "must be a finite number")
        # Plain notation: str(Decimal("1E+2")) would be "1E+2", which the API does not read.
        return format(value, "f")
    if isinstance(value, float):
        raise RequestValidationError(
            parameter=parameter,
            rule="format",
            value=value,
            message="floats are refused for money: a binary float cannot hold most decimal amounts exactly",
            suggestion=f"Pass Decimal('{value!r}') or the string '{value!r}'.",
        )
    raise _money_error(parameter, value, f"must be a Decimal, str or int, not {type(value).__name__}")


def to_wire_number(value: Any, parameter: str) -> Decimal | int:
    """Turn a money argument into what a JSON-number money field sends: a ``Decimal`` or an ``int``.

    The request body writes a ``Decimal`` as a JSON number with its own digits, so the amount
    never passes through a binary float; floats are refused, as for decimal strings.

    Args:
        value: A finite ``Decimal``, an ``int`` or a string holding a finite decimal.
        parameter: Parameter name, for the error.

    Returns:
        ``value`` itself for a ``Decimal`` or an ``int``; the ``Decimal`` of a string's digits.

    Raises:
        RequestValidationError: For a float, a bool, a non-finite or unparsable value.
    """
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise _money_error(parameter, value, "must be a finite number")
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return int(value)
    return Decimal(to_wire_decimal(value, parameter))


def _money_error(parameter: str, value: Any, message: str) -> RequestValidationError:
    return RequestValidationError(
        parameter=parameter,
        rule="format",
        value=value,
        message=message,
        suggestion="Pass a Decimal or a decimal string such as '0.01'.",
    )


# ---------------------------------------------------------------------------------------------
# Compiled schema checks


@dataclass(slots=True)
class _Failure:
    """Why a value failed a schema; built only on the failure path."""

    keyword: str
    message: str  # a predicate on the value: "must be one of 'buy', 'sell'"
    hint: str  # one line on how to fix; "{field}" is replaced by the dotted field name
    value: Any
    path: list[str | int] = field(default_factory=list)
    secret: bool = False


_Check = Callable[[Any], "_Failure | None"]


def _ok(value: Any) -> _Failure | None:
    return None


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:59] + "…"


def _listing(values: list[Any]) -> str:
    shown = ", ".join(_short(v) for v in values[:_MAX_LISTED])
    return shown + (", …" if len(values) > _MAX_LISTED else "")


def _first_sentence(text: Any) -> str:
    if not isinstance(text, str) or not text.strip():
        return ""
    line = text.strip().split("\n\n")[0].replace("\n", " ")
    cut = line.find(". ")
    line = line if cut < 0 else line[: cut + 1]
    return line if len(line) <= 160 else line[:159] + "…"


def _close_match(word: Any, candidates: list[Any]) -> str:
    if not isinstance(word, str):
        return ""
    # Imported on the failure path only.
    from difflib import get_close_matches

    found = get_close_matches(word, [c for c in candidates if isinstance(c, str)], n=1, cutoff=0.6)
    if not found and word.lower() in {c.lower() for c in candidates if isinstance(c, str)}:
        found = [c for c in candidates if isinstance(c, str) and c.lower() == word.lower()][:1]
    return f" (did you mean {found[0]!r}?)" if found else ""


def _json_equal(a: Any, b: Any) -> bool:
    # JSON equality: true != 1, but 1 == 1.0; arrays and objects compare by content.
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a is b
    if isinstance(a, int | float | Decimal) and isinstance(b, int | float | Decimal):
        return a == b
    if isinstance(a, list | tuple) and isinstance(b, list | tuple):
        return len(a) == len(b) and all(_json_equal(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, Mapping) and isinstance(b, Mapping):
        return a.keys() == b.keys() and all(_json_equal(a[k], b[k]) for k in a)
    return type(a) is type(b) and a == b


def _is_type(name: str, value: Any) -> bool:
    if name == "string":
        return isinstance(value, str)
    if name == "integer":
        if isinstance(value, bool):
            return False
        if isinstance(value, int):
            return True
        # JSON Schema counts 5.0 as an integer.
        return isinstance(value, float | Decimal) and math.isfinite(value) and value == int(value)
    if name == "number":
        if isinstance(value, bool):
            return False
        if isinstance(value, int):
            return True
        return isinstance(value, float | Decimal) and math.isfinite(value)
    if name == "boolean":
        return isinstance(value, bool)
    if name == "array":
        return isinstance(value, list | tuple)
    if name == "object":
        return isinstance(value, Mapping)
    return value is None  # "null"


_ARTICLES: Final = {
    "string": "a string",
    "integer": "an integer",
    "number": "a number",
    "boolean": "a boolean",
    "array": "a list",
    "object": "an object (dict)",
    "null": "None",
}


def _compile_type(spec: Any) -> _Check:
    names: tuple[str, ...] = (spec,) if isinstance(spec, str) else tuple(spec)
    wanted = " or ".join(_ARTICLES[n] for n in names)
    if names == ("string",):

        def check_str(value: Any) -> _Failure | None:
            if isinstance(value, str):
                return None
            return _Failure("type", f"must be {wanted}", f"Pass {{field}} as {wanted}.", value)

        return check_str

    def check(value: Any) -> _Failure | None:
        for name in names:
            if _is_type(name, value):
                return None
        return _Failure("type", f"must be {wanted}", f"Pass {{field}} as {wanted}.", value)

    return check


def _compile_enum(values: list[Any]) -> _Check:
    listing = _listing(values)
    if all(isinstance(v, str) for v in values):
        allowed = frozenset(values)

        def check_str(value: Any) -> _Failure | None:
            if isinstance(value, str) and value in allowed:
                return None
            hint = f"Use one of {listing} for {{field}}{_close_match(value, values)}."
            return _Failure("enum", f"must be one of {listing}", hint, value)

        return check_str

    def check(value: Any) -> _Failure | None:
        if any(_json_equal(value, v) for v in values):
            return None
        return _Failure("enum", f"must be one of {listing}", f"Use one of {listing} for {{field}}.", value)

    return check


def _compile_const(expected: Any) -> _Check:
    def check(value: Any) -> _Failure | None:
        if _json_equal(value, expected):
            return None
        return _Failure("const", f"must be {expected!r}", f"Use {{field}}={expected!r}.", value)

    return check


_DATE_RE: Final = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DECIMAL_TEXT: Final = re.compile(r"^-?[0-9]+(\.[0-9]+)?$")
_DATE_TIME_RE: Final = re.compile(r"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$")
_URI_RE: Final = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:\S+$")


def _valid_date(text: str) -> bool:
    if not _DATE_RE.match(text):
        return False
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _valid_date_time(text: str) -> bool:
    if not _DATE_TIME_RE.match(text):
        return False
    try:
        datetime.fromisoformat(text.replace("z", "Z"))
    except ValueError:
        return False
    return True


def _valid_decimal(text: str) -> bool:
    try:
        return Decimal(text).is_finite()
    except InvalidOperation:
        return False


_FORMATS: Final[Mapping[str, tuple[Callable[[str], bool], str, str]]] = {
    "date": (
        _valid_date,
        "must be a date, YYYY-MM-DD",
        "Pass {field} as a datetime.date or a string such as '2026-02-10'.",
    ),
    "date-time": (
        _valid_date_time,
        "must be an ISO 8601 date-time with a time zone",
        "Pass {field} as a timezone-aware datetime or a string such as '2026-02-10T14:19:53Z'.",
    ),
    "decimal": (
        _valid_decimal,
        "must be a decimal number",
        "Pass {field} as a Decimal or a decimal string such as '0.01'.",
    ),
    "uri": (lambda text: _URI_RE.match(text) is not None, "must be an absolute URI", "Pass {field} as a full URL."),
}


def _compile_format(name: str) -> _Check:
    test, message, hint = _FORMATS[name]

    def check(value: Any) -> _Failure | None:
        if not isinstance(value, str) or test(value):
            return None
        return _Failure("format", message, hint, value)

    return check


def _compile_pattern(pattern: str, description: str) -> _Check:
    regex = re.compile(pattern)
    hint = f"{{field}}: {description}" if description else f"Make {{field}} match {pattern}."

    def check(value: Any) -> _Failure | None:
        if not isinstance(value, str) or regex.search(value):
            return None
        return _Failure("pattern", f"does not match {pattern}", hint, value)

    return check


def _compile_length(keyword: str, limit: int) -> _Check:
    at_least = keyword == "minLength"
    message = f"must be at {'least' if at_least else 'most'} {limit} characters long"

    def check(value: Any) -> _Failure | None:
        if not isinstance(value, str) or (len(value) >= limit if at_least else len(value) <= limit):
            return None
        hint = f"Pass {{field}} with {'at least' if at_least else 'at most'} {limit} characters."
        return _Failure(keyword, message, hint, value)

    return check


_BOUNDS: Final[Mapping[str, tuple[Callable[[Any, Any], bool], str]]] = {
    "minimum": (lambda v, b: v >= b, ">="),
    "maximum": (lambda v, b: v <= b, "<="),
    "exclusiveMinimum": (lambda v, b: v > b, ">"),
    "exclusiveMaximum": (lambda v, b: v < b, "<"),
}


def _compile_bound(keyword: str, bound: Any) -> _Check:
    test, symbol = _BOUNDS[keyword]

    def check(value: Any) -> _Failure | None:
        if isinstance(value, bool) or not isinstance(value, int | float | Decimal) or test(value, bound):
            return None
        return _Failure(keyword, f"must be {symbol} {bound}", f"Pass {{field}} {symbol} {bound}.", value)

    return check


def _compile_multiple_of(step: Any) -> _Check:
    exact = Decimal(str(step))

    def check(value: Any) -> _Failure | None:
        if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
            return None
        if Decimal(str(value)) % exact == 0:
            return None
        return _Failure(
            "multipleOf", f"must be a multiple of {step}", f"Pass {{field}} as a multiple of {step}.", value
        )

    return check


def _compile_count(keyword: str, limit: int, kind: Any, noun: str) -> _Check:
    at_least = keyword.startswith("min")

    def check(value: Any) -> _Failure | None:
        if not isinstance(value, kind) or (len(value) >= limit if at_least else len(value) <= limit):
            return None
        bound = f"{'at least' if at_least else 'at most'} {limit} {noun}"
        return _Failure(keyword, f"must have {bound}", f"Pass {{field}} with {bound}.", value)

    return check


def _check_unique(value: Any) -> _Failure | None:
    if not isinstance(value, list | tuple):
        return None
    for i, item in enumerate(value):
        for other in value[:i]:
            if _json_equal(item, other):
                return _Failure("uniqueItems", f"has {item!r} twice", "Remove the duplicates from {field}.", value)
    return None


def _compile_items(item_check: _Check) -> _Check:
    def check(value: Any) -> _Failure | None:
        if not isinstance(value, list | tuple):
            return None
        for index, item in enumerate(value):
            failure = item_check(item)
            if failure is not None:
                failure.path.insert(0, index)
                return failure
        return None

    return check


def _compile_required(names: list[str]) -> _Check:
    hint = "Pass {field}=…."

    def check(value: Any) -> _Failure | None:
        if not isinstance(value, Mapping):
            return None
        for name in names:
            if name not in value:
                return _Failure("required", "is required", hint, MISSING, [name])
        return None

    return check


def _compile_properties(checks: Mapping[str, _Check]) -> _Check:
    def check(value: Any) -> _Failure | None:
        if not isinstance(value, Mapping):
            return None
        for name, sub in checks.items():
            if name in value:
                failure = sub(value[name])
                if failure is not None:
                    failure.path.insert(0, name)
                    return failure
        return None

    return check


def _compile_additional(known: frozenset[str], extra: Mapping[str, Any] | bool) -> _Check:
    names = sorted(known)
    sub = compile_schema(extra) if isinstance(extra, Mapping) else None

    def check(value: Any) -> _Failure | None:
        if not isinstance(value, Mapping):
            return None
        for key in value:
            if key in known:
                continue
            if sub is None:
                hint = f"Known fields: {', '.join(names)}{_close_match(key, names)}."
                return _Failure("additionalProperties", "is not a known field", hint, value[key], [key])
            failure = sub(value[key])
            if failure is not None:
                failure.path.insert(0, key)
                return failure
        return None

    return check


def _best(failures: list[_Failure]) -> _Failure:
    # The alternative that got deepest into the value explains the problem best.
    return max(failures, key=lambda f: len(f.path))


def _compile_all_of(checks: list[_Check]) -> _Check:
    def check(value: Any) -> _Failure | None:
        for sub in checks:
            failure = sub(value)
            if failure is not None:
                return failure
        return None

    return check


def _compile_any_of(checks: list[_Check]) -> _Check:
    def check(value: Any) -> _Failure | None:
        failures = []
        for sub in checks:
            failure = sub(value)
            if failure is None:
                return None
            failures.append(failure)
        return _best(failures)

    return check


def _compile_one_of(checks: list[_Check]) -> _Check:
    def check(value: Any) -> _Failure | None:
        failures = []
        for sub in checks:
            failure = sub(value)
            if failure is not None:
                failures.append(failure)
        passed = len(checks) - len(failures)
        if passed == 1:
            return None
        if passed == 0:
            return _best(failures)
        return _Failure("oneOf", "matches more than one allowed form", "Pass {field} in exactly one form.", value)

    return check


def _compile_not(schema: Mapping[str, Any]) -> _Check:
    sub = compile_schema(schema)
    if "const" in schema:
        message = f"must not be {schema['const']!r}"
    elif "enum" in schema:
        message = f"must not be one of {_listing(list(schema['enum']))}"
    else:
        message = "must not match the excluded form"

    def check(value: Any) -> _Failure | None:
        if sub(value) is not None:
            return None
        return _Failure("not", message, "Pass another value for {field}.", value)

    return check


def _compile_if(if_check: _Check, then_check: _Check, else_check: _Check) -> _Check:
    def check(value: Any) -> _Failure | None:
        return then_check(value) if if_check(value) is None else else_check(value)

    return check


def compile_schema(schema: Mapping[str, Any] | bool) -> _Check:
    """Compile a schema of the supported subset into a check function.

    Args:
        schema: The JSON Schema (``$ref`` inlined); ``True``/``False`` are the boolean schemas.

    Returns:
        A function of a value returning ``None`` when valid, else a failure description.
    """
    detailed = _compile_detailed(schema)
    fast = _compile_predicate(schema)
    if fast is None or detailed is _ok:
        return detailed

    # Valid values (nearly all of them) take one fused test; only a failure pays for the detail.
    def check(value: Any) -> _Failure | None:
        return None if fast(value) else detailed(value)

    return check


def compile_predicate(schema: Mapping[str, Any] | bool) -> Callable[[Any], bool]:
    """Compile a schema into a yes/no test (used for the ``if`` of request rules).

    Args:
        schema: The JSON Schema.

    Returns:
        A function of a value returning whether it is valid.
    """
    fast = _compile_predicate(schema)
    if fast is not None:
        return fast
    detailed = _compile_detailed(schema)
    return lambda value: detailed(value) is None


_FAST_KEYWORDS: Final = frozenset(
    {
        "type",
        "const",
        "enum",
        "format",
        "pattern",
        "minLength",
        "maxLength",
        "minimum",
        "maximum",
        "exclusiveMinimum",
        "exclusiveMaximum",
        "required",
        "properties",
        "additionalProperties",
        "not",
    }
)


def _compile_predicate(schema: Any) -> Callable[[Any], bool] | None:
    """One fused closure for the common shapes (scalars with bounds, objects with required and
    properties, const, enum, not), or ``None`` when the schema needs the general evaluator."""
    if schema is True:
        return lambda value: True
    if not isinstance(schema, Mapping):
        return None
    for key in schema:
        if key not in _FAST_KEYWORDS and key not in ANNOTATION_KEYWORDS and not key.startswith("x-"):
            return None
    kind = schema.get("type")
    if kind is not None and not isinstance(kind, str):
        return None
    type_name: str | None = kind
    has_const = "const" in schema
    const = schema.get("const")
    enum_values: list[Any] | None = list(schema["enum"]) if "enum" in schema else None
    str_enum = frozenset(enum_values) if enum_values and all(isinstance(v, str) for v in enum_values) else None
    fmt = _FORMATS[schema["format"]][0] if schema.get("format") in _FORMATS else None
    regex = re.compile(schema["pattern"]) if "pattern" in schema else None
    min_len: int = schema.get("minLength", 0)
    max_len: int | None = schema.get("maxLength")
    bounds = [(_BOUNDS[k][0], schema[k]) for k in _BOUNDS if k in schema]
    required: tuple[str, ...] = tuple(schema.get("required", ()))
    props: list[tuple[str, Callable[[Any], bool]]] = []
    for name, sub in schema.get("properties", {}).items():
        sub_pred = _compile_predicate(sub)
        if sub_pred is None:
            return None
        props.append((name, sub_pred))
    extra = schema.get("additionalProperties", True)
    if extra is not True and extra is not False:
        return None
    closed = frozenset(schema.get("properties", {})) if extra is False else None
    negated = None
    if "not" in schema:
        negated = _compile_predicate(schema["not"])
        if negated is None:
            return None
    string_checks = regex is not None or min_len > 0 or max_len is not None or fmt is not None
    object_checks = bool(required or props) or closed is not None

    def pred(value: Any) -> bool:
        if type_name is not None and not _is_type(type_name, value):
            return False
        if has_const and not _json_equal(value, const):
            return False
        if enum_values is not None:
            if str_enum is not None:
                if not isinstance(value, str) or value not in str_enum:
                    return False
            elif not any(_json_equal(value, v) for v in enum_values):
                return False
        if isinstance(value, str):
            if string_checks:
                if len(value) < min_len or (max_len is not None and len(value) > max_len):
                    return False
                if regex is not None and regex.search(value) is None:
                    return False
                if fmt is not None and not fmt(value):
                    return False
        elif bounds and isinstance(value, int | float | Decimal) and not isinstance(value, bool):
            for test, bound in bounds:
                if not test(value, bound):
                    return False
        elif object_checks and isinstance(value, Mapping):
            for name in required:
                if name not in value:
                    return False
            for name, sub_pred in props:
                if name in value and not sub_pred(value[name]):
                    return False
            if closed is not None and not closed.issuperset(value):
                return False
        return negated is None or not negated(value)

    return pred


def _compile_detailed(schema: Mapping[str, Any] | bool) -> _Check:
    if schema is True:
        return _ok
    if schema is False:
        return lambda value: _Failure("false", "is not allowed", "Remove {field}.", value)
    assert isinstance(schema, Mapping)
    checks: list[_Check] = []
    description = _first_sentence(schema.get("description"))
    if "type" in schema:
        checks.append(_compile_type(schema["type"]))
    if "const" in schema:
        checks.append(_compile_const(schema["const"]))
    if "enum" in schema:
        checks.append(_compile_enum(list(schema["enum"])))
    if schema.get("format") in _FORMATS:
        checks.append(_compile_format(schema["format"]))
    if "pattern" in schema:
        checks.append(_compile_pattern(schema["pattern"], description))
    for keyword in ("minLength", "maxLength"):
        if keyword in schema:
            checks.append(_compile_length(keyword, schema[keyword]))
    for keyword in _BOUNDS:
        if keyword in schema:
            checks.append(_compile_bound(keyword, schema[keyword]))
    if "multipleOf" in schema:
        checks.append(_compile_multiple_of(schema["multipleOf"]))
    for keyword, noun in (("minItems", "items"), ("maxItems", "items")):
        if keyword in schema:
            checks.append(_compile_count(keyword, schema[keyword], list | tuple, noun))
    if schema.get("uniqueItems") is True:
        checks.append(_check_unique)
    if "items" in schema:
        checks.append(_compile_items(compile_schema(schema["items"])))
    if "required" in schema:
        checks.append(_compile_required(list(schema["required"])))
    properties: Mapping[str, Any] = schema.get("properties", {})
    if properties:
        checks.append(_compile_properties({name: compile_schema(sub) for name, sub in properties.items()}))
    if "additionalProperties" in schema and schema["additionalProperties"] is not True:
        checks.append(_compile_additional(frozenset(properties), schema["additionalProperties"]))
    for keyword in ("minProperties", "maxProperties"):
        if keyword in schema:
            checks.append(_compile_count(keyword, schema[keyword], Mapping, "fields"))
    for keyword, combine in (("allOf", _compile_all_of), ("anyOf", _compile_any_of), ("oneOf", _compile_one_of)):
        if keyword in schema:
            checks.append(combine([compile_schema(sub) for sub in schema[keyword]]))
    if "not" in schema:
        checks.append(_compile_not(schema["not"]))
    if "if" in schema:
        then_check = compile_schema(schema["then"]) if "then" in schema else _ok
        else_check = compile_schema(schema["else"]) if "else" in schema else _ok
        checks.append(_compile_if(compile_schema(schema["if"]), then_check, else_check))
    secret = schema.get("writeOnly") is True
    if not secret:
        if not checks:
            return _ok
        if len(checks) == 1:
            return checks[0]
    return _combine(checks, secret)


def _combine(checks: list[_Check], secret: bool) -> _Check:
    def check(value: Any) -> _Failure | None:
        for sub in checks:
            failure = sub(value)
            if failure is not None:
                failure.secret = failure.secret or secret
                return failure
        return None

    return check


# ---------------------------------------------------------------------------------------------
# Generate-time check


def assert_supported(schema: Any, where: str = "schema") -> None:
    """Refuse a schema the evaluator cannot fully enforce.

    The code generator calls this on every parameter schema and rule, so validation at run
    time never skips a constraint in silence.

    Args:
        schema: A JSON Schema with ``$ref`` already inlined.
        where: A label for the error message (operation and parameter).

    Raises:
        UnsupportedSchemaError: Naming the keyword, format or type and where it is.
    """
    if isinstance(schema, bool):
        return
    if not isinstance(schema, Mapping):
        raise UnsupportedSchemaError(f"{where}: a schema must be an object or a boolean, got {type(schema).__name__}")
    for key, sub in schema.items():
        here = f"{where}/{key}"
        if key.startswith("x-") or key in ANNOTATION_KEYWORDS:
            continue
        if key not in ASSERTION_KEYWORDS:
            raise UnsupportedSchemaError(f"{here}: keyword {key!r} is not supported by the runtime validator")
        if key == "type":
            names = [sub] if isinstance(sub, str) else sub
            bad = [n for n in names if n not in _TYPE_NAMES]
            if bad or not isinstance(names, list) or not names:
                raise UnsupportedSchemaError(f"{here}: unknown type {sub!r}")
        elif key == "format" and sub not in SUPPORTED_FORMATS:
            raise UnsupportedSchemaError(
                f"{here}: format {sub!r} is not supported (known: {sorted(SUPPORTED_FORMATS)})"
            )
        elif key == "pattern":
            try:
                re.compile(sub)
            except (re.error, TypeError) as exc:
                raise UnsupportedSchemaError(f"{here}: pattern does not compile: {exc}") from exc
        elif key in ("enum", "required", "allOf", "anyOf", "oneOf") and (not isinstance(sub, list) or not sub):
            raise UnsupportedSchemaError(f"{here}: must be a non-empty list")
        elif key == "properties":
            if not isinstance(sub, Mapping):
                raise UnsupportedSchemaError(f"{here}: must be an object")
            for name, prop in sub.items():
                assert_supported(prop, f"{here}/{name}")
        elif key in ("items", "additionalProperties", "not", "if", "then", "else"):
            assert_supported(sub, here)
        if key in ("allOf", "anyOf", "oneOf"):
            for index, branch in enumerate(sub):
                assert_supported(branch, f"{here}/{index}")


def assert_operation_supported(op: OperationSpec) -> None:
    """Check every parameter schema and rule of an operation with ``assert_supported``.

    Args:
        op: The operation.

    Raises:
        UnsupportedSchemaError: On the first unsupported construct.
    """
    for param in op.params:
        assert_supported(param.schema, f"{op.operation_id}/{param.name}")
    names = {param.name for param in op.params}
    for rule in op.rules:
        if rule.parameter.split(".")[0] not in names:
            raise UnsupportedSchemaError(f"{op.operation_id}/rule {rule.id}: unknown parameter {rule.parameter!r}")
        assert_supported(rule.if_, f"{op.operation_id}/rule {rule.id}/if")
        assert_supported(rule.then, f"{op.operation_id}/rule {rule.id}/then")


# ---------------------------------------------------------------------------------------------
# Per-operation plan


_Convert = Callable[[Any, str], Any]


def decimal_form(schema: Any) -> Literal["string", "number"] | None:
    """How a money schema travels: ``"string"`` (a decimal string), ``"number"`` (a JSON number), or
    ``None`` when the schema holds no money. Where both forms are allowed, the string is preferred."""
    if not isinstance(schema, Mapping):
        return None
    if schema.get("format") == "decimal":
        return "number" if schema.get("type") == "number" else "string"
    forms = {decimal_form(branch) for keyword in ("oneOf", "anyOf", "allOf") for branch in schema.get(keyword, ())}
    return "string" if "string" in forms else "number" if "number" in forms else None


_PLAIN_TYPES: Final = frozenset({str, int, float, bool})


def _to_wire(value: Any) -> Any:
    """Turn a Python value into its JSON form (dates to ISO strings, models to dicts, enums to values)."""
    kind = type(value)
    if kind is str or kind is int or kind is bool or kind is float or value is None:
        return value
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {key: _to_wire(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_to_wire(item) for item in value]
    dump = getattr(value, "model_dump", None)
    if callable(dump):
        # A pydantic model (duck-typed, so pydantic is never imported here).
        return dump(mode="json", by_alias=True, exclude_unset=True)
    # Anything else (a Decimal in a ratio field, a set) is left for the schema check to judge.
    return value


def _money(value: Any, where: str) -> Any:
    return None if value is None else to_wire_decimal(value, where)


def _money_number(value: Any, where: str) -> Any:
    return None if value is None else to_wire_number(value, where)


def _compile_converter(schema: Any) -> _Convert | None:
    """A converter for values whose schema holds money somewhere, else ``None``."""
    if not isinstance(schema, Mapping):
        return None
    form = decimal_form(schema)
    if form is not None:
        return _money if form == "string" else _money_number
    properties: dict[str, Any] = dict(schema.get("properties", {}))
    for branch in schema.get("allOf", ()):
        if isinstance(branch, Mapping):
            properties.update(branch.get("properties", {}))
    fields = {name: conv for name, sub in properties.items() if (conv := _compile_converter(sub)) is not None}
    items = _compile_converter(schema.get("items"))
    if not fields and items is None:
        return None

    def convert(value: Any, where: str) -> Any:
        if not isinstance(value, Mapping | list | tuple) and callable(getattr(value, "model_dump", None)):
            value = value.model_dump(mode="json", by_alias=True, exclude_unset=True)
        if fields and isinstance(value, Mapping):
            return {
                key: (fields[key](item, f"{where}.{key}") if key in fields else _to_wire(item))
                for key, item in value.items()
            }
        if items is not None and isinstance(value, list | tuple):
            return [items(item, f"{where}[{index}]") for index, item in enumerate(value)]
        return _to_wire(value)

    return convert


@dataclass(slots=True)
class _ParamPlan:
    spec: ParamSpec
    check: _Check
    convert: _Convert | None
    accepts_null: bool
    secret: bool


@dataclass(slots=True)
class OperationPlan:
    """What the runtime precomputes for one operation, on its first call.

    Attributes:
        params: Compiled parameter checks by name.
        required: Names of required parameters.
        path_names: Names of path parameters.
        query_names: Names of query parameters.
        body_names: Names of body parameters (empty: no JSON body).
        rules: Each rule with its ``if`` as a yes/no test and its compiled ``then`` check.
        secret_names: Parameters whose values never appear in errors.
    """

    params: dict[str, _ParamPlan]
    required: tuple[str, ...]
    path_names: tuple[str, ...]
    query_names: tuple[str, ...]
    body_names: tuple[str, ...]
    rules: tuple[tuple[RuleSpec, Callable[[Any], bool], _Check], ...]
    secret_names: frozenset[str]


def _is_secret(param: ParamSpec) -> bool:
    return param.name in _SECRET_NAMES or param.schema.get("writeOnly") is True


def plan_for(op: OperationSpec) -> OperationPlan:
    """Return the operation's compiled plan, building it on first use.

    Args:
        op: The operation.

    Returns:
        The cached plan.
    """
    plan: OperationPlan | None = op._plan
    if plan is not None:
        return plan
    params: dict[str, _ParamPlan] = {}
    for param in op.params:
        check = compile_schema(param.schema)
        params[param.name] = _ParamPlan(
            spec=param,
            check=check,
            convert=_compile_converter(param.schema),
            accepts_null=check(None) is None,
            secret=_is_secret(param),
        )
    plan = OperationPlan(
        params=params,
        required=tuple(p.name for p in op.params if p.required),
        path_names=tuple(p.name for p in op.params if p.location == "path"),
        query_names=tuple(p.name for p in op.params if p.location == "query"),
        body_names=tuple(p.name for p in op.params if p.location == "body"),
        rules=tuple(
            (rule, compile_predicate(rule.if_), _compile_rule_check(rule.then, rule.order, rule.strict))
            for rule in op.rules
        ),
        secret_names=frozenset(p.name for p in op.params if _is_secret(p)),
    )
    # The spec dataclass is frozen; the plan is a private cache, so set it past the freeze.
    object.__setattr__(op, "_plan", plan)
    return plan


def _compile_rule_check(then: Mapping[str, Any], order: tuple[str, ...], strict: bool) -> _Check:
    """A rule's requirement: its ``then`` schema, and the order of the values its ``order`` points at."""
    then_check = compile_schema(then)
    if not order:
        return then_check
    paths = [[part.replace("~1", "/").replace("~0", "~") for part in pointer.split("/")[1:]] for pointer in order]
    names = [".".join(path) for path in paths]

    def check(view: Any) -> _Failure | None:
        failure = then_check(view)
        if failure is not None:
            return failure
        keys = [key for path in paths if (key := _ordering_key(_at(view, path))) is not None]
        if len(keys) != len(paths) or len({kind for kind, _ in keys}) != 1:
            return None  # a value missing or not comparable: the schemas judge it, not the order
        relation = _ORDER_WORDS[(keys[0][0] == "number", strict)]
        for index in range(1, len(keys)):
            before, after = keys[index - 1][1], keys[index][1]
            if after < before or (strict and after == before):
                return _Failure(
                    keyword="order",
                    message=f"must come {relation} {names[index - 1]}",
                    hint=f"Send {{field}} {relation} {names[index - 1]} ({_short(_at(view, paths[index - 1]))}).",
                    value=_at(view, paths[index]),
                    path=list(paths[index]),
                )
        return None

    return check


# (compared as numbers, strict) -> how the error says where a value must be.
_ORDER_WORDS: Final = {
    (True, True): "above",
    (True, False): "at or above",
    (False, True): "after",
    (False, False): "on or after",
}


def _at(view: Any, path: list[str]) -> Any:
    value = view
    for part in path:
        if not isinstance(value, Mapping) or part not in value:
            return MISSING
        value = value[part]
    return value


def _ordering_key(value: Any) -> tuple[str, Any] | None:
    """What a value is compared by: a decimal, a date or a date-time (each only with its own kind)."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | Decimal):
        return ("number", Decimal(value))
    if isinstance(value, float):
        return ("number", value) if math.isfinite(value) else None
    if isinstance(value, datetime):
        return ("date-time", value) if value.tzinfo is not None else None
    if isinstance(value, date):
        return ("date", value)
    if isinstance(value, str):
        try:
            return ("number", Decimal(value)) if _DECIMAL_TEXT.match(value) else ("date", date.fromisoformat(value))
        except ValueError:
            pass
        try:
            moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return None
        return ("date-time", moment) if moment.tzinfo is not None else None
    return None


def _field_name(parameter: str, path: list[str | int]) -> str:
    name = parameter
    for part in path:
        name += f"[{part}]" if isinstance(part, int) else f".{part}"
    return name


def _raise_failure(parameter: str, failure: _Failure, secret: bool) -> None:
    name = _field_name(parameter, failure.path)
    raise RequestValidationError(
        parameter=name,
        rule=failure.keyword,
        value=failure.value,
        message=failure.message,
        suggestion=failure.hint.replace("{field}", name),
        secret=secret or failure.secret or (bool(failure.path) and failure.path[-1] in _SECRET_NAMES),
    )


def prepare_request(op: OperationSpec, values: Mapping[str, Any]) -> dict[str, Any]:
    """Convert and validate the arguments of a call; the first step of every request.

    Drops ``NOT_GIVEN``; drops ``None`` for an optional parameter whose schema does not
    allow null (``None`` then means "not given"); converts money to decimal strings, dates
    to ISO strings and models to dicts; checks every value and every request rule.

    Args:
        op: The operation.
        values: Keyword arguments by parameter name.

    Returns:
        The request view: every given parameter in its wire form.

    Raises:
        RequestValidationError: On the first problem found.
    """
    plan: OperationPlan = op._plan or plan_for(op)
    params = plan.params
    if not params.keys() >= values.keys():
        # Unknown names first: a misspelt keyword explains the other errors it causes.
        name = next(name for name in values if name not in params)
        known = sorted(params)
        raise RequestValidationError(
            parameter=name,
            rule="additionalProperties",
            value=MISSING,
            message=f"is not a parameter of {op.operation_id}",
            suggestion=f"Known parameters: {', '.join(known) or '(none)'}{_close_match(name, list(known))}.",
        )
    view: dict[str, Any] = {}
    for name, value in values.items():
        if value is NOT_GIVEN:
            continue
        param = params[name]
        if value is None:
            if param.spec.required:
                raise RequestValidationError(
                    parameter=name,
                    rule="required",
                    value=None,
                    message="is required and cannot be None",
                    suggestion=f"Pass a value for {name}.",
                )
            if not param.accepts_null:
                continue
            view[name] = None
            continue
        if param.convert is not None:
            wire = param.convert(value, name)
        elif type(value) in _PLAIN_TYPES:
            wire = value
        else:
            wire = _to_wire(value)
        failure = param.check(wire)
        if failure is not None:
            view.update(_wire_view(params, values))
            # A broken rule about this parameter explains more than the bare keyword (a Polymarket
            # slug breaks the Symbol pattern too, but "symbol is the token ID" is what helps).
            _check_rules(plan, view, only=name)
            _raise_failure(name, failure, param.secret)
        view[name] = wire
    for name in plan.required:
        if name not in view:
            description = _first_sentence(params[name].spec.schema.get("description"))
            raise RequestValidationError(
                parameter=name,
                rule="required",
                value=MISSING,
                message=f"is required by {op.operation_id}",
                suggestion=f"Pass {name}=…" + (f" ({description})" if description else "") + ".",
            )
    _check_rules(plan, view)
    return view


def _wire_view(params: Mapping[str, _ParamPlan], values: Mapping[str, Any]) -> dict[str, Any]:
    """Best-effort wire form of every given value, for judging rules once a value has failed."""
    view: dict[str, Any] = {}
    for name, value in values.items():
        if value is NOT_GIVEN or value is None:
            continue
        param = params[name]
        try:
            view[name] = param.convert(value, name) if param.convert is not None else _to_wire(value)
        except RequestValidationError:
            continue
    return view


def _check_rules(plan: OperationPlan, view: Mapping[str, Any], only: str | None = None) -> None:
    for rule, applies, then_check in plan.rules:
        if only is not None and rule.parameter.split(".")[0] != only:
            continue
        if applies(view):
            failure = then_check(view)
            if failure is not None:
                where = _field_name(str(failure.path[0]), failure.path[1:]) if failure.path else rule.parameter
                raise RequestValidationError(
                    parameter=rule.parameter,
                    rule=rule.id,
                    value=_at(view, rule.parameter.split(".")),
                    message=rule.description.rstrip().rstrip("."),
                    suggestion=_rule_hint(failure, where),
                    from_rule=True,
                    secret=rule.parameter in plan.secret_names,
                )


def _rule_hint(failure: _Failure, where: str) -> str:
    if "{field}" in failure.hint:
        return failure.hint.replace("{field}", where)
    return f"{where} {failure.message}. {failure.hint}"


def validate_request(op: OperationSpec, values: Mapping[str, Any]) -> None:
    """Check a call's arguments against the operation's schemas and request rules.

    Args:
        op: The operation.
        values: Keyword arguments by parameter name (``NOT_GIVEN`` entries are ignored).

    Raises:
        RequestValidationError: Naming the parameter, the keyword or rule id, and the value.
    """
    prepare_request(op, values)


def validate_value(schema: Mapping[str, Any], value: Any, *, parameter: str) -> None:
    """Check one JSON value against a schema of the supported subset (no conversion).

    Compiles the schema on each call: for one-off checks, not the request path.

    Args:
        schema: The JSON Schema.
        value: The value in JSON form.
        parameter: Name used in the error.

    Raises:
        RequestValidationError: When the value is invalid.
    """
    failure = compile_schema(schema)(value)
    if failure is not None:
        _raise_failure(parameter, failure, False)
