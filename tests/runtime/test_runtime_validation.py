"""The schema evaluator, request rules, money conversion and the generate-time keyword check."""

from __future__ import annotations

import enum
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pydantic
import pytest
import yaml

from generator.runtime._exceptions import MISSING, RequestValidationError
from generator.runtime._operation import OperationSpec, ParamSpec, RuleSpec
from generator.runtime._types import NOT_GIVEN
from generator.runtime._validation import (
    UnsupportedSchemaError,
    _compile_detailed,
    _compile_predicate,
    assert_operation_supported,
    assert_supported,
    compile_predicate,
    compile_schema,
    plan_for,
    prepare_request,
    to_wire_decimal,
    validate_request,
    validate_value,
)

from .runtime_fakes import MONEY, PLACE_ORDER
from .runtime_spec_ops import operations, request_examples

CASES = Path(__file__).resolve().parents[1] / "cases" / "request_rules.yaml"


def error_of(schema: dict[str, Any], value: Any) -> RequestValidationError:
    with pytest.raises(RequestValidationError) as info:
        validate_value(schema, value, parameter="p")
    return info.value


# -- keywords --------------------------------------------------------------------------------------

INVALID: list[tuple[dict[str, Any], Any, str, str]] = [
    # schema, value, keyword, field named in the error
    ({"type": "string"}, 5, "type", "p"),
    ({"type": "integer"}, "5", "type", "p"),
    ({"type": "integer"}, True, "type", "p"),
    ({"type": "integer"}, 5.5, "type", "p"),
    ({"type": "number"}, float("nan"), "type", "p"),
    ({"type": "number"}, "1.5", "type", "p"),
    ({"type": "boolean"}, 1, "type", "p"),
    ({"type": "array"}, "a", "type", "p"),
    ({"type": "object"}, [], "type", "p"),
    ({"type": "null"}, 0, "type", "p"),
    ({"type": ["string", "null"]}, 3, "type", "p"),
    ({"enum": ["buy", "sell"]}, "bye", "enum", "p"),
    ({"enum": [1, 2]}, True, "enum", "p"),
    ({"const": "polymarket"}, "binance", "const", "p"),
    ({"pattern": "^[a-z]+$"}, "ABC", "pattern", "p"),
    ({"minLength": 2}, "a", "minLength", "p"),
    ({"maxLength": 2}, "abc", "maxLength", "p"),
    ({"minimum": 1}, 0, "minimum", "p"),
    ({"maximum": 125}, 126, "maximum", "p"),
    ({"exclusiveMinimum": 0}, 0, "exclusiveMinimum", "p"),
    ({"exclusiveMaximum": 1}, 1.0, "exclusiveMaximum", "p"),
    ({"multipleOf": 0.01}, 0.015, "multipleOf", "p"),
    ({"minItems": 1}, [], "minItems", "p"),
    ({"maxItems": 1}, [1, 2], "maxItems", "p"),
    ({"uniqueItems": True}, ["a", "b", "a"], "uniqueItems", "p"),
    ({"items": {"type": "string"}}, ["a", 2], "type", "p[1]"),
    ({"properties": {"url": {"type": "string", "format": "uri"}}}, {"url": "nope"}, "format", "p.url"),
    ({"required": ["url"]}, {}, "required", "p.url"),
    ({"properties": {"a": {}}, "additionalProperties": False}, {"a": 1, "b": 2}, "additionalProperties", "p.b"),
    ({"additionalProperties": {"type": "integer"}}, {"a": "x"}, "type", "p.a"),
    ({"minProperties": 1}, {}, "minProperties", "p"),
    ({"maxProperties": 1}, {"a": 1, "b": 2}, "maxProperties", "p"),
    ({"oneOf": [{"type": "string"}, {"type": "null"}]}, 1, "type", "p"),
    ({"oneOf": [{"type": "integer"}, {"minimum": 0}]}, 5, "oneOf", "p"),
    ({"anyOf": [{"type": "string"}, {"type": "integer"}]}, 1.5, "type", "p"),
    ({"allOf": [{"type": "integer"}, {"minimum": 3}]}, 2, "minimum", "p"),
    ({"not": {"const": "polymarket"}}, "polymarket", "not", "p"),
    ({"if": {"const": "a"}, "then": {"minLength": 3}, "else": {"maxLength": 0}}, "a", "minLength", "p"),
    ({"if": {"const": "a"}, "then": {"minLength": 3}, "else": {"maxLength": 0}}, "b", "maxLength", "p"),
    ({"format": "date"}, "2026-02-30", "format", "p"),
    ({"format": "date"}, "10/02/2026", "format", "p"),
    ({"format": "date-time"}, "2026-02-10T14:19:53", "format", "p"),
    ({"format": "date-time"}, "2026-02-10", "format", "p"),
    ({"format": "decimal"}, "1.2.3", "format", "p"),
    ({"format": "uri"}, "not a uri", "format", "p"),
    ({"items": {"properties": {"n": {"maximum": 2}}}}, [{"n": 1}, {"n": 3}], "maximum", "p[1].n"),
]


@pytest.mark.parametrize(("schema", "value", "keyword", "where"), INVALID)
def test_each_keyword_rejects_and_names_the_field(schema: dict[str, Any], value: Any, keyword: str, where: str) -> None:
    error = error_of(schema, value)
    assert (error.rule, error.parameter) == (keyword, where)
    assert f"({'keyword'} {keyword})" in str(error)
    assert error.suggestion


VALID: list[tuple[dict[str, Any], Any]] = [
    ({"type": "integer"}, 5),
    ({"type": "integer"}, 5.0),  # JSON Schema counts 5.0 as an integer
    ({"type": "number"}, Decimal("1.5")),
    ({"type": ["string", "null"]}, None),
    ({"enum": ["buy", "sell"]}, "buy"),
    ({"enum": [1, 2]}, 1.0),
    ({"const": True}, True),
    ({"pattern": "[0-9]"}, "a1b"),  # search, not match
    ({"minLength": 2, "maxLength": 2}, "ab"),
    ({"minimum": 1, "maximum": 125}, 125),
    ({"exclusiveMinimum": 0}, 0.001),
    ({"multipleOf": 0.01}, 0.07),
    ({"uniqueItems": True}, [1, True, "1"]),
    ({"required": ["a"], "additionalProperties": False, "properties": {"a": {}}}, {"a": None}),
    ({"oneOf": [{"type": "string"}, {"type": "null"}]}, None),
    ({"not": {"const": "polymarket"}}, "binance"),
    ({"if": {"const": "a"}, "then": {"minLength": 3}}, "b"),
    ({"format": "date"}, "2024-02-29"),
    ({"format": "date-time"}, "2026-02-10T14:19:53.120+09:00"),
    ({"format": "date-time"}, "2026-02-10T14:19:53Z"),
    ({"format": "uri"}, "https://bot.example.com/hooks/heytraders"),
    ({"type": "string", "minLength": 3}, "abc"),
    ({"minLength": 3, "minimum": 5}, []),  # keywords ignore other types
    ({"description": "x", "examples": [1], "default": 2, "title": "t", "x-extensible-enum": ["a"]}, "zzz"),
]


@pytest.mark.parametrize(("schema", "value"), VALID)
def test_valid_values_pass(schema: dict[str, Any], value: Any) -> None:
    validate_value(schema, value, parameter="p")


@pytest.mark.parametrize(("schema", "value"), [(schema, value) for schema, value, *_ in INVALID + VALID])
def test_fast_path_agrees_with_the_detailed_evaluator(schema: dict[str, Any], value: Any) -> None:
    fast = _compile_predicate(schema)
    expected = _compile_detailed(schema)(value) is None
    if fast is not None:
        assert fast(value) is expected
    assert (compile_schema(schema)(value) is None) is expected
    assert compile_predicate(schema)(value) is expected


def test_enum_suggests_the_close_match() -> None:
    error = error_of({"type": "string", "enum": ["buy", "sell"]}, "Buy")
    assert "did you mean 'buy'" in error.suggestion
    assert str(error).startswith("p: must be one of 'buy', 'sell' (keyword enum); got 'Buy'")


def test_pattern_suggestion_uses_the_schema_description() -> None:
    error = error_of(
        {"type": "string", "pattern": "^[A-Z]+/[A-Z]+$", "description": "`BASE/QUOTE`, e.g. BTC/USDT."}, "x"
    )
    assert "BASE/QUOTE" in error.suggestion


def test_extensible_enum_is_not_enforced() -> None:
    validate_value({"type": "string", "x-extensible-enum": ["binance"]}, "newexchange", parameter="p")


# -- operations ------------------------------------------------------------------------------------

OP = OperationSpec(
    operation_id="subscribe",
    method="POST",
    path="/strategies/{strategy_id}/subscribe",
    params=(
        ParamSpec("strategy_id", "path", True, {"type": "string", "minLength": 1}),
        ParamSpec("mode", "body", False, {"type": "string", "enum": ["signal", "trade"]}),
        ParamSpec("note", "body", False, {"type": ["string", "null"]}),
        ParamSpec("start_date", "body", False, {"type": "string", "format": "date"}),
        ParamSpec("since", "body", False, {"type": "string", "format": "date-time"}),
        ParamSpec(
            "webhook",
            "body",
            False,
            {
                "type": "object",
                "additionalProperties": False,
                "required": ["url"],
                "properties": {
                    "url": {"type": "string", "format": "uri"},
                    "secret": {"type": "string", "minLength": 16},
                    "budget": MONEY,
                },
            },
        ),
        ParamSpec("secret", "body", False, {"type": "string", "minLength": 16}),
        ParamSpec("stop", "body", False, {"oneOf": [MONEY, {"type": "null"}]}),
        ParamSpec("levels", "body", False, {"type": "array", "items": MONEY}),
    ),
    rules=(
        RuleSpec(
            id="trade-mode-needs-webhook",
            parameter="webhook",
            description="Trade mode needs a webhook.",
            if_={"required": ["mode"], "properties": {"mode": {"const": "trade"}}},
            then={"required": ["webhook"]},
        ),
    ),
)


def test_unknown_parameter_is_rejected_with_a_close_match() -> None:
    with pytest.raises(RequestValidationError) as info:
        validate_request(OP, {"strategy_id": "ls_1", "mdoe": "signal"})
    error = info.value
    assert (error.parameter, error.rule, error.value) == ("mdoe", "additionalProperties", MISSING)
    assert "did you mean 'mode'" in error.suggestion


def test_unknown_parameter_is_reported_before_other_problems() -> None:
    with pytest.raises(RequestValidationError) as info:
        validate_request(OP, {"strategy_id": "", "mdoe": "signal"})
    assert info.value.parameter == "mdoe"


def test_required_parameter_missing_or_none() -> None:
    with pytest.raises(RequestValidationError) as missing:
        validate_request(OP, {"mode": "signal"})
    assert (missing.value.parameter, missing.value.rule) == ("strategy_id", "required")
    assert "got" not in str(missing.value)
    with pytest.raises(RequestValidationError) as none:
        validate_request(OP, {"strategy_id": None})
    assert (none.value.parameter, none.value.rule) == ("strategy_id", "required")


def test_not_given_and_none_for_a_non_nullable_param_are_dropped() -> None:
    view = prepare_request(OP, {"strategy_id": "ls_1", "mode": NOT_GIVEN, "since": None, "note": None})
    assert view == {"strategy_id": "ls_1", "note": None}


def test_dates_enums_and_models_are_converted_before_checking() -> None:
    class Mode(enum.Enum):
        SIGNAL = "signal"

    class Webhook(pydantic.BaseModel):
        url: str
        budget: Decimal | None = None

    view = prepare_request(
        OP,
        {
            "strategy_id": "ls_1",
            "mode": Mode.SIGNAL,
            "start_date": date(2026, 2, 10),
            "since": datetime(2026, 2, 10, 14, 19, 53, tzinfo=UTC),
            "webhook": Webhook(url="https://x.test/h", budget=Decimal("12.50")),
        },
    )
    assert view["mode"] == "signal"
    assert view["start_date"] == "2026-02-10"
    assert view["since"] == "2026-02-10T14:19:53+00:00"
    assert view["webhook"] == {"url": "https://x.test/h", "budget": "12.50"}


def test_naive_datetime_is_refused() -> None:
    with pytest.raises(RequestValidationError) as info:
        validate_request(OP, {"strategy_id": "ls_1", "since": datetime(2026, 2, 10, 14, 0)})
    assert (info.value.parameter, info.value.rule) == ("since", "format")
    assert "timezone-aware" in info.value.suggestion


def test_nested_and_alternative_money_is_converted() -> None:
    view = prepare_request(
        OP,
        {
            "strategy_id": "ls_1",
            "webhook": {"url": "https://x.test/h", "budget": Decimal("100.0")},
            "stop": Decimal("1E+2"),
            "levels": [Decimal("0.5"), "0.75", 1],
        },
    )
    assert view["webhook"]["budget"] == "100.0"
    assert view["stop"] == "100"
    assert view["levels"] == ["0.5", "0.75", "1"]
    assert prepare_request(OP, {"strategy_id": "ls_1", "stop": None})["stop"] is None


def test_nested_float_money_names_the_nested_field() -> None:
    with pytest.raises(RequestValidationError) as info:
        validate_request(OP, {"strategy_id": "ls_1", "levels": ["1", 0.5]})
    assert info.value.parameter == "levels[1]"


def test_secrets_never_appear_in_validation_errors() -> None:
    secret = "short-secret"
    for values in ({"secret": secret}, {"webhook": {"url": "https://x.test", "secret": secret}}):
        with pytest.raises(RequestValidationError) as info:
            validate_request(OP, {"strategy_id": "ls_1", **values})
        assert info.value.rule == "minLength"
        assert secret not in str(info.value)
        assert secret not in repr(info.value.value)


def test_rule_error_names_parameter_rule_and_value() -> None:
    with pytest.raises(RequestValidationError) as info:
        validate_request(OP, {"strategy_id": "ls_1", "mode": "trade"})
    error = info.value
    assert (error.parameter, error.rule, error.value) == ("webhook", "trade-mode-needs-webhook", MISSING)
    assert str(error).startswith("webhook: Trade mode needs a webhook (rule trade-mode-needs-webhook)")
    assert error.suggestion == "Pass webhook=…."
    validate_request(OP, {"strategy_id": "ls_1", "mode": "trade", "webhook": {"url": "https://x.test/h"}})


def test_a_rule_about_the_failing_parameter_wins_over_the_keyword() -> None:
    values = {"account_id": "a", "exchange": "polymarket", "symbol": "will-btc-hit-150k", "side": "buy", "amount": "1"}
    with pytest.raises(RequestValidationError) as info:
        validate_request(operations()["place_order"], values)
    assert (info.value.parameter, info.value.rule) == ("symbol", "polymarket-symbol-is-token-id")
    with pytest.raises(RequestValidationError) as plain:
        validate_request(
            operations()["place_order"], {**values, "exchange": "binance", "symbol": "BTC/USDT", "side": "bye"}
        )
    assert (plain.value.parameter, plain.value.rule) == ("side", "enum")  # no rule about side: the keyword


def test_polymarket_price_rule_from_the_spec() -> None:
    values = {
        "account_id": "acc_poly_4e21",
        "exchange": "polymarket",
        "symbol": "21742633143463906290569050155826241533067272736897614950488156847949938836455",
        "side": "buy",
        "order_type": "FOK",
        "amount": Decimal("100"),
        "price": Decimal("1.5"),
    }
    with pytest.raises(RequestValidationError) as info:
        validate_request(operations()["place_order"], values)
    assert str(info.value).startswith(
        "price: On Polymarket, `price` is a probability between 0 and 1 (rule polymarket-price-is-probability); "
        "got '1.5'"
    )
    assert info.value.suggestion.startswith("Make price match")


def test_spec_rule_suggestion_names_the_expected_value() -> None:
    values = {"account_id": "a", "exchange": "hyperliquid", "symbol": "BTC/USDC", "side": "buy", "amount": "1"}
    with pytest.raises(RequestValidationError) as info:
        validate_request(operations()["place_order"], {**values, "market_type": "spot"})
    assert (info.value.rule, info.value.value) == ("perpetual-only-exchanges", "spot")
    assert info.value.suggestion == "Use market_type='perpetual'."


def test_plan_is_built_once_and_cached_on_the_operation() -> None:
    op = OperationSpec("x", "GET", "/x", (ParamSpec("a", "query", False, {"type": "string"}),))
    assert op._plan is None
    plan = plan_for(op)
    assert plan_for(op) is plan
    assert op == OperationSpec("x", "GET", "/x", (ParamSpec("a", "query", False, {"type": "string"}),))


# -- the spec: every schema supported, every example valid, the shared table of rule cases ----------


def test_every_spec_operation_uses_only_supported_keywords() -> None:
    ops = operations()
    assert len(ops) > 50
    for op in ops.values():
        assert_operation_supported(op)


def _fill_required(op: OperationSpec, view: dict[str, Any]) -> dict[str, Any]:
    filled = dict(view)
    for param in op.params:
        if param.required and param.name not in filled:
            examples = param.schema.get("examples") or ["acc_7f3a9c21"]
            filled[param.name] = examples[0]
    return filled


def test_every_spec_request_example_is_valid() -> None:
    examples = request_examples()
    assert examples
    for operation_id, body in examples:
        op = operations()[operation_id]
        validate_request(op, _fill_required(op, body))


RULE_CASES: list[dict[str, Any]] = yaml.safe_load(CASES.read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", RULE_CASES, ids=[f"{c['operation']}: {c['name']}" for c in RULE_CASES])
def test_shared_rule_cases(case: dict[str, Any]) -> None:
    op = operations()[case["operation"]]
    view = case["view"]
    broken = [
        rule.id for rule, applies, then_check in plan_for(op).rules if applies(view) and then_check(view) is not None
    ]
    assert sorted(broken) == sorted(case["violates"])
    if not view.keys() <= {param.name for param in op.params}:
        return  # the view holds a field the server adds (the account's exchange): rules only
    if not case["violates"]:
        validate_request(op, _fill_required(op, view))
        return
    with pytest.raises(RequestValidationError) as info:
        validate_request(op, _fill_required(op, view))
    # The rule wins over a keyword the same value breaks (a slug also breaks the Symbol pattern).
    assert info.value.rule == case["violates"][0]
    assert info.value.parameter == next(rule.parameter for rule in op.rules if rule.id == info.value.rule)


# -- money -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "wire"),
    [
        (Decimal("0.010"), "0.010"),
        (Decimal("65000.5"), "65000.5"),
        (Decimal("1E+2"), "100"),
        (Decimal("1E-7"), "0.0000001"),
        ("0.010", "0.010"),
        ("  65000.50\n", "65000.50"),
        (7, "7"),
        (-3, "-3"),
    ],
)
def test_to_wire_decimal_keeps_the_digits(value: Any, wire: str) -> None:
    assert to_wire_decimal(value, "amount") == wire


def test_float_is_refused_with_advice() -> None:
    with pytest.raises(RequestValidationError) as info:
        to_wire_decimal(0.1, "amount")
    assert info.value.parameter == "amount"
    assert info.value.suggestion == "Pass Decimal('0.1') or the string '0.1'."
    assert "float" in str(info.value)
    assert isinstance(info.value, ValueError)


@pytest.mark.parametrize("value", [True, Decimal("NaN"), Decimal("Infinity"), "abc", "", "Infinity", "nan", None, [1]])
def test_other_non_decimals_are_refused(value: Any) -> None:
    with pytest.raises(RequestValidationError):
        to_wire_decimal(value, "amount")


def test_money_string_in_exponent_form_fails_the_pattern() -> None:
    # A str keeps the user's digits; the schema's pattern then says what the API accepts.
    values = {"account_id": "a", "symbol": "BTC/USDT", "side": "buy", "amount": "1e3"}
    with pytest.raises(RequestValidationError) as info:
        validate_request(PLACE_ORDER, values)
    assert (info.value.parameter, info.value.rule) == ("amount", "pattern")


# -- generate-time check ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("schema", "fragment"),
    [
        ({"$ref": "#/components/schemas/Decimal"}, "'$ref'"),
        ({"type": "string", "nullable": True}, "'nullable'"),
        ({"patternProperties": {"^a": {}}}, "'patternProperties'"),
        ({"properties": {"a": {"prefixItems": []}}}, "schema/properties/a/prefixItems"),
        ({"oneOf": [{"type": "string"}, {"contains": {}}]}, "schema/oneOf/1/contains"),
        ({"type": "string", "format": "email"}, "format 'email'"),
        ({"type": "decimal"}, "unknown type"),
        ({"pattern": "("}, "does not compile"),
        ({"enum": []}, "non-empty list"),
        ({"items": [{"type": "string"}]}, "must be an object or a boolean"),
        ({"not": {"dependentRequired": {}}}, "'dependentRequired'"),
    ],
)
def test_assert_supported_refuses_what_the_evaluator_cannot_enforce(schema: dict[str, Any], fragment: str) -> None:
    with pytest.raises(UnsupportedSchemaError) as info:
        assert_supported(schema)
    assert fragment in str(info.value)


def test_assert_supported_accepts_annotations_and_extensions() -> None:
    assert_supported(
        {
            "type": ["string", "null"],
            "description": "d",
            "examples": ["a"],
            "default": "a",
            "writeOnly": True,
            "x-extensible-enum": ["a"],
            "if": {"const": "a"},
            "then": {"minLength": 1},
            "else": True,
        }
    )


def test_assert_operation_supported_checks_rule_parameters() -> None:
    rule = RuleSpec(id="r", parameter="nope", description="d", if_={}, then={})
    op = OperationSpec("x", "GET", "/x", (), rules=(rule,))
    with pytest.raises(UnsupportedSchemaError, match="unknown parameter 'nope'"):
        assert_operation_supported(op)
