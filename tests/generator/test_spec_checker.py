"""The spec checker catches each kind of defect it exists for (so a green gate means something)."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import pytest

from generator.spec import check_spec, load_spec

SPEC = load_spec()


def place_order(spec: dict[str, Any]) -> dict[str, Any]:
    operation: dict[str, Any] = spec["paths"]["/orders"]["post"]
    return operation


def drop_operation_id(spec: dict[str, Any]) -> None:
    del place_order(spec)["operationId"]


def camel_case_operation_id(spec: dict[str, Any]) -> None:
    place_order(spec)["operationId"] = "placeOrder"


def two_tags(spec: dict[str, Any]) -> None:
    place_order(spec)["tags"] = ["orders", "accounts"]


def no_summary(spec: dict[str, Any]) -> None:
    place_order(spec)["summary"] = ""


def no_security(spec: dict[str, Any]) -> None:
    del place_order(spec)["security"]


def one_scheme_only(spec: dict[str, Any]) -> None:
    place_order(spec)["security"] = [{"bearerAuth": ["trade"]}]


def unknown_error_code(spec: dict[str, Any]) -> None:
    place_order(spec)["x-error-codes"].append("NOT_A_CODE")


def code_without_its_response(spec: dict[str, Any]) -> None:
    del place_order(spec)["responses"]["422"]


def response_without_a_code(spec: dict[str, Any]) -> None:
    place_order(spec)["responses"]["409"] = {"$ref": "#/components/responses/Conflict"}


def invalid_response_example(spec: dict[str, Any]) -> None:
    example = place_order(spec)["responses"]["200"]["content"]["application/json"]["example"]
    example["data"]["amount"] = "0,001"  # neither a decimal string nor a number


def invalid_request_example(spec: dict[str, Any]) -> None:
    examples = place_order(spec)["requestBody"]["content"]["application/json"]["examples"]
    del examples["binance_spot_market"]["value"]["side"]


def example_breaking_a_rule(spec: dict[str, Any]) -> None:
    examples = place_order(spec)["requestBody"]["content"]["application/json"]["examples"]
    examples["polymarket_gtc"]["value"]["price"] = "1.65"


def malformed_rule(spec: dict[str, Any]) -> None:
    del place_order(spec)["x-request-rules"][0]["parameter"]


def rule_naming_unknown_parameter(spec: dict[str, Any]) -> None:
    place_order(spec)["x-request-rules"][0]["parameter"] = "prise"


def link_to_unknown_operation(spec: dict[str, Any]) -> None:
    place_order(spec)["responses"]["200"]["links"]["GetOrder"]["operationId"] = "fetch_order"


def inline_data_schema(spec: dict[str, Any]) -> None:
    schema = place_order(spec)["responses"]["200"]["content"]["application/json"]["schema"]
    schema["allOf"][1]["properties"]["data"] = {"type": "object"}


def parameter_without_example(spec: dict[str, Any]) -> None:
    del spec["paths"]["/orders"]["get"]["parameters"][0]["example"]


def duplicate_operation_id(spec: dict[str, Any]) -> None:
    spec["paths"]["/orders"]["get"]["operationId"] = "place_order"


DEFECTS: list[tuple[Callable[[dict[str, Any]], None], str]] = [
    (drop_operation_id, "operationId must be snake_case"),
    (camel_case_operation_id, "operationId must be snake_case"),
    (two_tags, "exactly one tag"),
    (no_summary, "needs a summary"),
    (no_security, "must state its security"),
    (one_scheme_only, "security must offer"),
    (unknown_error_code, "unknown code NOT_A_CODE"),
    (code_without_its_response, "lists DATA_UNAVAILABLE but there is no 422 response"),
    (response_without_a_code, "has a 409 response but no x-error-codes entry"),
    (invalid_response_example, "200 response example 'example' is invalid at data/amount"),
    (invalid_request_example, "request body example 'binance_spot_market' is invalid"),
    (example_breaking_a_rule, "breaks request rule polymarket-price-is-probability"),
    (malformed_rule, "must have exactly the keys"),
    (rule_naming_unknown_parameter, "parameter 'prise' is not a parameter or body field"),
    (link_to_unknown_operation, "names unknown operation fetch_order"),
    (inline_data_schema, "must be a $ref to a named schema"),
    (parameter_without_example, "query parameter account_id needs an example"),
    (duplicate_operation_id, "operationId also used by"),
]


def test_the_committed_spec_has_no_problems() -> None:
    assert check_spec(SPEC) == []


@pytest.mark.parametrize(("defect", "expected"), DEFECTS, ids=[defect.__name__ for defect, _ in DEFECTS])
def test_checker_reports_defect(defect: Callable[[dict[str, Any]], None], expected: str) -> None:
    broken = copy.deepcopy(SPEC)
    defect(broken)
    problems = check_spec(broken)
    assert any(expected in problem for problem in problems), problems
