"""The spec holds every documented endpoint, error code and rule, each complete and consistent."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest
import yaml
from openapi_spec_validator import validate

from generator.spec import (
    SchemaValidators,
    breaks_rule,
    check_operation,
    iter_mappings,
    iter_operations,
    load_spec,
    parameters_of,
    request_rules,
    required_scopes,
    resolve,
)

SPEC = load_spec()
OPERATIONS = {operation.operation_id: operation for operation in iter_operations(SPEC)}
VALIDATORS = SchemaValidators(SPEC)
CASES = yaml.safe_load((Path(__file__).parent.parent / "cases" / "request_rules.yaml").read_text())

# The 66 endpoints of ../shared/api-facts.md, with the spec's path parameter names.
DOCUMENTED_ENDPOINTS = {
    # meta
    "POST /meta/register", "POST /meta/request-claim", "GET /meta/agents/me", "GET /meta/markets",
    "GET /meta/indicators", "GET /meta/health", "GET /meta/capabilities",
    # market
    "GET /market/symbols", "GET /market/tickers", "GET /market/ticker", "POST /market/ticker",
    "GET /market/funding-rates", "GET /market/ohlcv", "POST /market/evaluate", "POST /market/scan",
    "POST /market/rank",
    # accounts
    "GET /accounts", "GET /accounts/{account_id}", "GET /accounts/{account_id}/balances",
    "GET /accounts/{account_id}/open-orders",
    # orders
    "POST /orders", "GET /orders", "GET /orders/{order_id}", "DELETE /orders/{order_id}",
    # backtest
    "POST /backtest/execute", "GET /backtest/status/{backtest_id}", "POST /backtest/cancel/{backtest_id}",
    "GET /backtest/results/{result_id}", "GET /backtest/results/{result_id}/metrics",
    "GET /backtest/results/{result_id}/per-ticker", "GET /backtest/results/{result_id}/trades",
    "GET /backtest/results/{result_id}/equity", "GET /backtest/results/{result_id}/analysis",
    # live-strategies
    "GET /live-strategies", "POST /live-strategies/{strategy_id}/subscribe", "GET /live-strategies/subscriptions",
    "GET /live-strategies/subscriptions/{subscription_id}",
    "POST /live-strategies/subscriptions/{subscription_id}/unsubscribe",
    "POST /live-strategies/{strategy_id}/pause/{subscription_id}",
    "POST /live-strategies/{strategy_id}/resume/{subscription_id}",
    "PUT /live-strategies/subscriptions/{subscription_id}/webhook",
    "DELETE /live-strategies/subscriptions/{subscription_id}/webhook", "POST /live-strategies/webhooks/test",
    "GET /live-strategies/subscriptions/{subscription_id}/signals",
    "GET /live-strategies/subscriptions/{subscription_id}/signals/latest",
    # arena
    "POST /arena/agents", "GET /arena/profile", "PATCH /arena/profile", "GET /arena/agents/{agent_id}",
    "POST /arena/agents/{agent_id}/subscribe", "DELETE /arena/agents/{agent_id}/unsubscribe",
    "GET /arena/profile/subscriptions", "POST /arena/strategies/register",
    "DELETE /arena/strategies/{strategy_id}/unregister", "GET /arena/leaderboard", "POST /arena/posts",
    "GET /arena/posts", "GET /arena/posts/{post_id}", "POST /arena/posts/{post_id}/votes",
    "GET /arena/posts/{post_id}/comments", "POST /arena/posts/{post_id}/comments",
    # docs
    "GET /docs", "GET /docs/signal-dsl", "GET /docs/operators", "GET /docs/data", "GET /docs/api-reference",
}  # fmt: skip

# Operations the documents mark "no auth".
PUBLIC_ENDPOINTS = {
    "POST /meta/register", "GET /meta/markets", "GET /meta/health", "GET /market/symbols", "GET /market/tickers",
    "GET /arena/agents/{agent_id}", "GET /arena/leaderboard", "GET /arena/posts", "GET /arena/posts/{post_id}",
    "GET /arena/posts/{post_id}/comments", "GET /docs", "GET /docs/signal-dsl", "GET /docs/operators",
    "GET /docs/data", "GET /docs/api-reference",
}  # fmt: skip

# The scope each non-public operation needs, where the documents say or imply it.
EXPECTED_SCOPES = {
    "place_order": "trade",
    "cancel_order": "trade",
    "list_orders": "read",
    "get_order": "read",
    "list_accounts": "read",
    "get_account": "read",
    "get_account_balances": "read",
    "list_open_orders": "read",
    "execute_backtest": "research",
    "get_ohlcv": "research",
    "create_post": "research",
    "subscribe_to_strategy": "research",
}

# The status the issue and the spec's description give each kind of error.
EXPECTED_STATUS = {
    "VALIDATION_ERROR": 400, "INVALID_API_KEY": 401, "EXPIRED_API_KEY": 401, "INSUFFICIENT_PERMISSIONS": 403,
    "ACCOUNT_REQUIRED": 403, "ORDER_NOT_FOUND": 404, "BACKTEST_NOT_FOUND": 404, "STRATEGY_NOT_FOUND": 404,
    "SUBSCRIPTION_NOT_FOUND": 404, "ALREADY_REGISTERED": 409, "TA_OUT_OF_RANGE": 422, "QUALITY_GATE": 422,
    "RATE_LIMITED": 429, "QUOTA_EXCEEDED": 429, "FREE_QUOTA_EXCEEDED": 429, "INTERNAL_ERROR": 500,
}  # fmt: skip

# Documented codes, both versions' tables merged (two misspellings read as the codes they mean).
DOCUMENTED_CODES = {
    "VALIDATION_ERROR", "BACKTEST_NOT_FOUND", "STRATEGY_NOT_FOUND", "SUBSCRIPTION_NOT_FOUND", "ORDER_NOT_FOUND",
    "AGENT_REQUIRED", "NOT_OWNER", "ALREADY_REGISTERED", "NOT_REGISTERED", "QUALITY_GATE", "NO_BACKTEST",
    "INVALID_API_KEY", "EXPIRED_API_KEY", "INSUFFICIENT_PERMISSIONS", "INVALID_PERMISSIONS", "RATE_LIMITED",
    "FREE_QUOTA_EXCEEDED", "QUOTA_EXCEEDED", "ACCOUNT_REQUIRED", "INVALID_CLAIM_CODE", "AGENT_LIMIT_REACHED",
    "KEY_OWNED_BY_OTHER_USER", "REGISTRATION_LIMIT", "INTERNAL_ERROR", "DATA_UNAVAILABLE", "TA_OUT_OF_RANGE",
}  # fmt: skip

MONEY_FIELDS = {
    "amount", "price", "stop_price", "average_price", "filled_amount", "fee", "pnl", "equity", "initial_cash",
    "final_equity", "total_equity_usd", "free", "used", "total", "size", "entry_price", "exit_price", "mark_price",
    "unrealized_pnl", "last", "bid", "ask", "open", "high", "low", "close", "high_24h", "low_24h",
}  # fmt: skip
DECIMAL_REFS = {
    f"#/components/schemas/{name}" for name in ("Decimal", "PositiveDecimal", "DecimalNumber", "PositiveDecimalNumber")
}


def endpoint(operation: Any) -> str:
    return f"{operation.method.upper()} {operation.path}"


def test_openapi_spec_validator_accepts_the_spec() -> None:
    validate(SPEC)
    assert SPEC["openapi"].startswith("3.1")


def test_every_documented_endpoint_is_in_the_spec_and_nothing_else() -> None:
    in_spec = {endpoint(operation) for operation in OPERATIONS.values()}
    assert sorted(DOCUMENTED_ENDPOINTS - in_spec) == [], "documented but missing"
    assert sorted(in_spec - DOCUMENTED_ENDPOINTS) == [], "in the spec but not documented"
    assert len(in_spec) == 66


@pytest.mark.parametrize("operation_id", sorted(OPERATIONS))
def test_operation_is_complete(operation_id: str) -> None:
    """operationId, one tag, summary, scope, error responses, valid examples, well-formed rules and links."""
    assert check_operation(SPEC, OPERATIONS[operation_id], VALIDATORS) == []


def test_operation_ids_are_unique() -> None:
    ids = [operation.operation_id for operation in iter_operations(SPEC)]
    assert len(ids) == len(set(ids))


def test_tags_are_the_eight_groups_each_described() -> None:
    tags = {tag["name"]: tag for tag in SPEC["tags"]}
    assert set(tags) == {"meta", "market", "accounts", "orders", "backtest", "live-strategies", "arena", "docs"}
    assert all(tag.get("description") for tag in tags.values())
    used = {operation.raw["tags"][0] for operation in OPERATIONS.values()}
    assert used == set(tags)


def test_both_auth_schemes_are_defined() -> None:
    schemes = SPEC["components"]["securitySchemes"]
    assert schemes["bearerAuth"] == {**schemes["bearerAuth"], "type": "http", "scheme": "bearer"}
    assert schemes["apiKeyHeader"] == {**schemes["apiKeyHeader"], "type": "apiKey", "in": "header", "name": "X-API-Key"}


def test_public_operations_are_exactly_the_documented_no_auth_ones() -> None:
    public = {
        endpoint(operation)
        for operation in OPERATIONS.values()
        if required_scopes(operation) is None or {} in operation.raw["security"]
    }
    assert public == PUBLIC_ENDPOINTS


@pytest.mark.parametrize(("operation_id", "scope"), sorted(EXPECTED_SCOPES.items()))
def test_operation_needs_the_documented_scope(operation_id: str, scope: str) -> None:
    assert required_scopes(OPERATIONS[operation_id]) == {scope}


def test_trade_mode_subscriptions_also_need_the_trade_scope() -> None:
    conditional = OPERATIONS["subscribe_to_strategy"].raw["x-conditional-scopes"]
    trade = [entry for entry in conditional if entry["scope"] == "trade"]
    assert len(trade) == 1
    assert VALIDATORS.of(trade[0]["if"]).is_valid({"mode": "trade", "account_id": "acc_7f3a9c21"})
    assert not VALIDATORS.of(trade[0]["if"]).is_valid({"mode": "signal"})
    assert not VALIDATORS.of(trade[0]["if"]).is_valid({})


def test_error_codes_are_the_26_documented_plus_not_found() -> None:
    error_code = SPEC["components"]["schemas"]["ErrorCode"]
    assert set(error_code["enum"]) == DOCUMENTED_CODES | {"NOT_FOUND"}
    assert len(error_code["enum"]) == 27
    assert set(error_code["x-error-codes"]) == set(error_code["enum"])
    for code, entry in error_code["x-error-codes"].items():
        assert entry["description"], code
        assert entry["status"] in {400, 401, 403, 404, 409, 422, 429, 500}, code


@pytest.mark.parametrize(("code", "status"), sorted(EXPECTED_STATUS.items()))
def test_error_code_has_its_http_status(code: str, status: int) -> None:
    assert SPEC["components"]["schemas"]["ErrorCode"]["x-error-codes"][code]["status"] == status


def test_every_code_is_produced_somewhere_except_the_dashboards() -> None:
    produced = {code for operation in OPERATIONS.values() for code in operation.raw["x-error-codes"]}
    # The claim itself happens on the dashboard, outside this API.
    dashboard_only = {"INVALID_CLAIM_CODE", "AGENT_LIMIT_REACHED", "INVALID_PERMISSIONS"}
    assert produced == DOCUMENTED_CODES - dashboard_only | {"NOT_FOUND"}


def test_every_429_carries_retry_after() -> None:
    for operation in OPERATIONS.values():
        response = operation.raw["responses"].get("429")
        if response is not None:
            assert "Retry-After" in resolve(SPEC, response)["headers"], operation


def test_error_responses_use_the_error_envelope() -> None:
    for name, response in SPEC["components"]["responses"].items():
        schema = response["content"]["application/json"]["schema"]
        assert schema == {"$ref": "#/components/schemas/ErrorEnvelope"}, name
        assert VALIDATORS.at(f"/components/responses/{name}/content/application~1json/schema").is_valid(
            response["content"]["application/json"]["example"]
        ), name


def test_server_extensible_enums_are_open() -> None:
    schemas = SPEC["components"]["schemas"]
    for name in ("Exchange", "OrderStatus", "StrategyType"):
        assert "enum" not in schemas[name], name
        assert schemas[name]["x-extensible-enum"], name
        assert VALIDATORS.at(f"/components/schemas/{name}").is_valid("somenewvalue"), name
    for known in ("binance", "binancefuturesusd", "upbit", "hyperliquid", "lighter", "polymarket", "gate"):
        assert known in schemas["Exchange"]["x-extensible-enum"]
    for status in ("pending", "partially_filled", "OPEN", "INIT", "PART_FILLED"):
        assert status in schemas["OrderStatus"]["x-extensible-enum"]


def schemas_reachable(roots: Iterator[Any]) -> set[str]:
    """Names of the component schemas that ``roots`` use, directly or through other schemas."""
    found: set[str] = set()
    pending = list(roots)
    while pending:
        for _, node in iter_mappings(pending.pop()):
            reference = str(node.get("$ref", ""))
            if reference.startswith("#/components/schemas/"):
                name = reference.split("/")[-1]
                if name not in found:
                    found.add(name)
                    pending.append(SPEC["components"]["schemas"][name])
    return found


def test_request_bodies_are_closed_and_response_objects_open() -> None:
    schemas = SPEC["components"]["schemas"]
    bodies = [operation.raw["requestBody"] for operation in OPERATIONS.values() if "requestBody" in operation.raw]
    responses = [operation.raw["responses"] for operation in OPERATIONS.values()]
    in_requests = schemas_reachable(iter(bodies))
    in_responses = schemas_reachable(iter([*responses, SPEC["components"]["responses"]]))
    for body in bodies:
        name = body["content"]["application/json"]["schema"]["$ref"].split("/")[-1]
        assert schemas[name].get("additionalProperties") is False, f"request body {name} is open"
    for name in in_requests - in_responses:
        if schemas[name].get("type") == "object":
            assert schemas[name].get("additionalProperties") is False, f"request object {name} is open"
    for name in in_responses:
        for where, node in iter_mappings(schemas[name]):
            assert node.get("additionalProperties") is not False, f"{name}{where} closes a response object"


def test_no_openapi_30_nullable_keyword() -> None:
    assert [where for where, node in iter_mappings(SPEC) if "nullable" in node] == []


def test_money_is_always_a_decimal_schema() -> None:
    """A price or an amount is always a ``format: decimal`` schema (a decimal string, a JSON number, or either,
    as the documents write it), so that clients read and write it as a decimal, never through a binary float."""
    offenders = []
    for name, schema in SPEC["components"]["schemas"].items():
        for where, node in iter_mappings(schema):
            for field, field_schema in (node.get("properties") or {}).items():
                if field not in MONEY_FIELDS or field_schema.get("type") == "integer":  # counters, not money
                    continue
                refs = {field_schema.get("$ref")} | {
                    variant.get("$ref") for variant in field_schema.get("oneOf", []) + field_schema.get("anyOf", [])
                }
                if not refs & DECIMAL_REFS:
                    offenders.append(f"{name}{where}/properties/{field}")
    assert offenders == []


def test_data_objects_have_no_anonymous_nested_objects_or_enums() -> None:
    """Nested objects and enumerations get their own names, so generated models read well."""
    offenders = []
    for name, schema in SPEC["components"]["schemas"].items():
        for where, node in iter_mappings(schema):
            if where and "enum" in node:
                offenders.append(f"{name}{where} (enum)")
            inline_variants = [variant for variant in node.get("oneOf", []) if "$ref" not in variant]
            if any(variant.get("type") != "null" for variant in inline_variants):
                offenders.append(f"{name}{where} (oneOf)")
            extends_a_named_schema = re.search(r"/allOf/\d+$", where)
            if where and node.get("properties") and not extends_a_named_schema:
                offenders.append(f"{name}{where}")
    assert offenders == []


def test_links_connect_the_documented_flows() -> None:
    expected = {
        ("execute_backtest", "get_backtest_status"),
        ("get_backtest_status", "get_backtest_result"),
        ("get_backtest_status", "list_backtest_trades"),
        ("place_order", "get_order"),
        ("place_order", "cancel_order"),
        ("get_order", "cancel_order"),
        ("create_post", "get_post"),
        ("create_post", "vote_on_post"),
        ("create_post", "add_comment"),
        ("subscribe_to_strategy", "get_subscription"),
        ("subscribe_to_strategy", "list_signals"),
        ("register_strategy", "unregister_strategy"),
    }
    links = {
        (operation_id, link["operationId"])
        for operation_id, operation in OPERATIONS.items()
        for response in operation.raw["responses"].values()
        for link in (resolve(SPEC, response).get("links") or {}).values()
    }
    assert expected - links == set()


def test_docs_offer_markdown() -> None:
    for operation_id in ("get_signal_dsl_doc", "get_operators_doc", "get_data_doc", "get_api_reference_doc"):
        content = OPERATIONS[operation_id].raw["responses"]["200"]["content"]
        assert set(content) == {"application/json", "text/markdown"}, operation_id
        assert content["text/markdown"]["schema"]["type"] == "string"


def test_every_parameter_and_body_field_is_described() -> None:
    for operation in OPERATIONS.values():
        for parameter in parameters_of(SPEC, operation):
            assert parameter.get("description"), (operation.operation_id, parameter["name"])
    for name, schema in SPEC["components"]["schemas"].items():
        assert schema.get("description"), name
        for field, field_schema in (schema.get("properties") or {}).items():
            resolved = resolve(SPEC, field_schema)
            assert field_schema.get("description") or resolved.get("description"), f"{name}.{field}"


# ---- request rules (the exchange rules among them) --------------------------------


def rules_of(operation_id: str) -> list[dict[str, Any]]:
    return request_rules(SPEC, OPERATIONS[operation_id])


def broken_rules(operation_id: str, view: Mapping[str, Any]) -> list[str]:
    return [rule["id"] for rule in rules_of(operation_id) if breaks_rule(rule, view, VALIDATORS)]


@pytest.mark.parametrize("case", CASES, ids=[f"{case['operation']}: {case['name']}" for case in CASES])
def test_request_rule_case(case: dict[str, Any]) -> None:
    assert broken_rules(case["operation"], case["view"]) == case["violates"]


def test_every_request_rule_has_a_case_that_breaks_it() -> None:
    broken = {(case["operation"], rule) for case in CASES for rule in case["violates"]}
    declared = {(operation_id, rule["id"]) for operation_id in OPERATIONS for rule in rules_of(operation_id)}
    assert declared - broken == set(), "rules no case exercises"
    assert broken - declared == set(), "cases naming rules that do not exist"


def test_every_documented_exchange_rule_is_machine_readable() -> None:
    """The exchange rules of api-facts.md, each written once as a request rule."""
    rule_ids = {rule["id"] for operation_id in OPERATIONS for rule in rules_of(operation_id)}
    assert {
        "polymarket-symbol-is-token-id",
        "polymarket-price-is-probability",
        "polymarket-order-types",
        "perpetual-only-exchanges",  # Hyperliquid: perpetual only, no spot
        "upbit-quotes-in-krw",
        "lighter-open-orders-need-symbol",
        "lighter-cancels-by-exchange-order-id",
        "leverage-is-perpetual-only",
        "exchange-native-cancel-needs-all-three",
        "balances-symbol-is-token-id",
    } <= rule_ids
    funding = {p["name"]: p for p in OPERATIONS["get_funding_rates"].raw["parameters"]}["exchange"]
    assert funding["schema"]["enum"] == ["hyperliquid", "lighter"]  # a closed set is an enum, not a rule
    place_order = SPEC["components"]["schemas"]["PlaceOrderRequest"]["properties"]
    assert (place_order["leverage"]["minimum"], place_order["leverage"]["maximum"]) == (1, 125)
    assert set(SPEC["components"]["schemas"]["PostCategory"]["enum"]) == {
        "market_talk",
        "strategy_ideas",
        "news_analysis",
        "show_tell",
    }


def test_shared_rules_are_all_used() -> None:
    shared = set(SPEC["components"]["x-request-rules"])
    referenced = {
        entry["$ref"].split("/")[-1]
        for operation in OPERATIONS.values()
        for entry in operation.raw.get("x-request-rules") or []
        if "$ref" in entry
    }
    assert shared == referenced


def test_webhook_delivery_example_is_valid() -> None:
    delivery = SPEC["webhooks"]["subscription_event"]["post"]["requestBody"]["content"]["application/json"]
    assert delivery["schema"] == {"$ref": "#/components/schemas/WebhookDelivery"}
    assert list(VALIDATORS.at("/components/schemas/WebhookDelivery").iter_errors(delivery["example"])) == []


def test_fields_of_a_generic_type_say_what_they_hold() -> None:
    """`Identifier` or `Decimal` alone tells a user nothing: which id, which amount?"""
    generic = {
        f"#/components/schemas/{name}" for name in ("Identifier", "Decimal", "PositiveDecimal", "Timestamp", "Date")
    }
    undescribed = [
        f"{name}.{field}"
        for name, schema in SPEC["components"]["schemas"].items()
        for field, field_schema in (schema.get("properties") or {}).items()
        if field_schema.get("$ref") in generic and not field_schema.get("description")
    ]
    assert undescribed == []
