"""What a user relies on, through the generated client: validation before send, money, errors, retries, secrets."""

from __future__ import annotations

import json
import logging
from decimal import Decimal
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml
from heytraders import APIStatusError, HeyTraders, OrderStatusUnknownError, RequestValidationError, models
from heytraders._exceptions import APIResponseValidationError
from heytraders.errors import (
    BadRequestError,
    FreeQuotaExceededError,
    RateLimitedError,
    RateLimitError,
    TaOutOfRangeError,
    UnprocessableEntityError,
    ValidationError,
)

from generator.ir import build_client_model
from generator.spec import load_spec

BASE_URL = "https://api.test/api/v1"
API_KEY = "ht_prov_s3cr3t_key_do_not_leak"
CASES = yaml.safe_load((Path(__file__).parent.parent / "cases" / "request_rules.yaml").read_text())
OPERATIONS = {op.operation_id: (resource.attribute, op) for resource in build_client_model(load_spec()).resources
              for op in resource.operations}  # fmt: skip

ORDER = {
    "order_id": "ord_3c9e7b21f4",
    "account_id": "acc_7f3a9c21",
    "exchange": "binance",
    "symbol": "BTC/USDT",
    "side": "buy",
    "order_type": "limit",
    "status": "pending",
    "amount": "0.001",
    "price": "97200.10",
}


def envelope(data: Any) -> dict[str, Any]:
    return {"success": True, "data": data, "error": None, "meta": {"timestamp": "2026-02-10T14:19:53Z"}}


def error_body(code: str, message: str = "nope") -> dict[str, Any]:
    return {"success": False, "data": None, "error": {"code": code, "message": message, "suggestion": "fix it"}}


class Recorder:
    """A transport answering from a script of responses (or exceptions), recording every request."""

    def __init__(self, *answers: httpx.Response | Exception) -> None:
        self.answers = list(answers)
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        answer = self.answers.pop(0) if len(self.answers) > 1 else self.answers[0]
        if isinstance(answer, Exception):
            raise answer
        return answer


def client_for(recorder: Recorder, **options: Any) -> tuple[HeyTraders, list[float]]:
    client = HeyTraders(api_key=API_KEY, base_url=BASE_URL, transport=httpx.MockTransport(recorder), **options)
    sleeps: list[float] = []
    client._sleep = sleeps.append  # no real waiting; the delays are what we check
    client._random = lambda: 0.0  # jitter factor 1.0
    return client, sleeps


# ---- the shared table of request-rule cases, replayed through the client --------------------------


def client_cases() -> list[dict[str, Any]]:
    """Cases whose view the client can know: every field is an argument of the method."""
    usable = []
    for case in CASES:
        _, op = OPERATIONS[case["operation"]]
        names = {parameter.name for parameter in op.parameters}
        if set(case["view"]) <= names:
            usable.append(case)
    return usable


@pytest.mark.parametrize("case", client_cases(), ids=lambda case: f"{case['operation']}: {case['name']}")
def test_client_enforces_the_request_rules_before_sending(case: dict[str, Any]) -> None:
    resource, op = OPERATIONS[case["operation"]]
    recorder = Recorder(httpx.Response(500))
    client, _ = client_for(recorder, max_retries=0)
    method = getattr(getattr(client, resource), op.operation_id)
    if case["violates"]:
        with pytest.raises(RequestValidationError) as caught:
            method(**case["view"])
        assert recorder.requests == [], "nothing may be sent"
        rule = case["violates"][0]
        assert caught.value.rule == rule
        assert rule in str(caught.value)
        parameter = next(r.parameter for r in op.rules if r.id == rule)
        assert caught.value.parameter == parameter
        assert str(caught.value).startswith(parameter)
    else:
        with pytest.raises(Exception) as sent:  # valid: it is sent, and the scripted 500 comes back
            method(**case["view"])
        assert not isinstance(sent.value, RequestValidationError)
        assert len(recorder.requests) == 1


def test_client_cases_cover_most_of_the_table() -> None:
    assert len(client_cases()) >= len(CASES) - 6  # the rest need the account's exchange, known to the server only


@pytest.mark.parametrize(
    ("kwargs", "parameter", "fragment"),
    [
        ({"leverage": 126}, "leverage", "125"),
        ({"label": "x" * 101}, "label", "100"),
        ({"side": "hold"}, "side", "hold"),
        ({"amount": "-1"}, "amount", "-1"),
        ({"amount": "0"}, "amount", "0"),
    ],
)
def test_schema_constraints_are_checked_before_sending(kwargs: dict[str, Any], parameter: str, fragment: str) -> None:
    recorder = Recorder(httpx.Response(200, json=envelope(ORDER)))
    client, _ = client_for(recorder)
    order = {"account_id": "acc_9b12e0f4", "exchange": "binancefuturesusd", "symbol": "BTC/USDT:USDT", "side": "buy",
             "amount": "0.01"}  # fmt: skip
    with pytest.raises(RequestValidationError) as caught:
        client.orders.place_order(**{**order, **kwargs})
    assert caught.value.parameter == parameter
    assert fragment in str(caught.value)
    assert recorder.requests == []


def test_missing_required_argument_is_named() -> None:
    recorder = Recorder(httpx.Response(200, json=envelope(ORDER)))
    client, _ = client_for(recorder)
    with pytest.raises((RequestValidationError, TypeError)) as caught:
        client.orders.get_order(order_id="")
    assert "order_id" in str(caught.value)
    assert recorder.requests == []


# ---- money ------------------------------------------------------------------------------------------


def test_amounts_go_out_as_exact_decimal_strings_and_come_back_as_decimals() -> None:
    recorder = Recorder(httpx.Response(200, json=envelope(ORDER)))
    client, _ = client_for(recorder)
    order = client.orders.place_order(
        account_id="acc_7f3a9c21",
        exchange="binance",
        symbol="BTC/USDT",
        side="buy",
        order_type="limit",
        amount=Decimal("0.00100000"),
        price="97200.10",
    )
    sent = json.loads(recorder.requests[0].content)
    assert sent["amount"] == "0.00100000"
    assert sent["price"] == "97200.10"
    assert b"0.001," not in recorder.requests[0].content  # no JSON number anywhere
    assert isinstance(order, models.Order)
    assert order.price == Decimal("97200.10")
    assert isinstance(order.amount, Decimal)


def test_a_float_amount_is_refused_before_sending() -> None:
    recorder = Recorder(httpx.Response(200, json=envelope(ORDER)))
    client, _ = client_for(recorder)
    with pytest.raises(RequestValidationError) as caught:
        client.orders.place_order(
            account_id="acc_7f3a9c21",
            exchange="binance",
            symbol="BTC/USDT",
            side="buy",
            amount=0.1,  # type: ignore[arg-type]
        )
    assert caught.value.parameter == "amount"
    assert "float" in str(caught.value)
    assert recorder.requests == []


def test_unknown_fields_and_enum_values_in_responses_are_kept() -> None:
    future = {**ORDER, "status": "triggered", "side": "buy", "iceberg_qty": "0.0005"}
    recorder = Recorder(httpx.Response(200, json=envelope(future)))
    client, _ = client_for(recorder)
    order = client.orders.get_order(order_id="ord_3c9e7b21f4")
    assert order.status == "triggered"
    assert order.model_extra == {"iceberg_qty": "0.0005"}


# ---- errors -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "code", "error_class", "status_class"),
    [
        (400, "VALIDATION_ERROR", ValidationError, BadRequestError),
        (422, "TA_OUT_OF_RANGE", TaOutOfRangeError, UnprocessableEntityError),
        (429, "FREE_QUOTA_EXCEEDED", FreeQuotaExceededError, RateLimitError),
        (422, "SOMETHING_NEW", UnprocessableEntityError, UnprocessableEntityError),
    ],
)
def test_error_code_maps_to_its_class(status: int, code: str, error_class: type, status_class: type) -> None:
    recorder = Recorder(httpx.Response(status, json=error_body(code, "sma(close, 200) needs 200 candles")))
    client, _ = client_for(recorder, max_retries=0)
    with pytest.raises(APIStatusError) as caught:
        client.market.evaluate_expression(expression="sma(close, 200)[-1]", symbol="BTC/USDT")
    assert isinstance(caught.value, status_class)
    assert type(caught.value) is error_class
    assert caught.value.code == code
    assert caught.value.status_code == status
    assert caught.value.suggestion == "fix it"


# ---- retries ----------------------------------------------------------------------------------------


def test_get_is_retried_after_429_honouring_retry_after() -> None:
    recorder = Recorder(
        httpx.Response(429, json=error_body("RATE_LIMITED"), headers={"Retry-After": "7"}),
        httpx.Response(503, json=error_body("INTERNAL_ERROR")),
        httpx.Response(200, json=envelope(ORDER)),
    )
    client, sleeps = client_for(recorder)
    assert client.orders.get_order(order_id="ord_3c9e7b21f4").order_id == "ord_3c9e7b21f4"
    assert len(recorder.requests) == 3
    assert sleeps == [7.0, 1.0]  # Retry-After, then the backoff's second step (0.5 s doubled)


def test_retries_stop_after_max_retries() -> None:
    recorder = Recorder(httpx.Response(429, json=error_body("RATE_LIMITED"), headers={"Retry-After": "1"}))
    client, _ = client_for(recorder, max_retries=2)
    with pytest.raises(RateLimitedError) as caught:
        client.orders.get_order(order_id="ord_3c9e7b21f4")
    assert len(recorder.requests) == 3
    assert caught.value.retry_after == 1.0


def test_order_placement_is_never_retried_after_a_5xx_and_reports_the_order_as_unknown() -> None:
    recorder = Recorder(httpx.Response(502, text="Bad Gateway"))
    client, sleeps = client_for(recorder, max_retries=5)
    with pytest.raises(OrderStatusUnknownError) as caught:
        client.orders.place_order(
            account_id="acc_7f3a9c21", exchange="binance", symbol="BTC/USDT", side="buy", amount="0.001", label="dca-1"
        )
    assert len(recorder.requests) == 1
    assert sleeps == []
    assert caught.value.sent["label"] == "dca-1"
    assert caught.value.sent["amount"] == "0.001"


def test_order_placement_after_a_read_timeout_is_unknown_not_retried() -> None:
    recorder = Recorder(httpx.ReadTimeout("timed out"))
    client, _ = client_for(recorder, max_retries=5)
    with pytest.raises(OrderStatusUnknownError):
        client.orders.place_order(
            account_id="acc_7f3a9c21", exchange="binance", symbol="BTC/USDT", side="buy", amount="0.001"
        )
    assert len(recorder.requests) == 1


def test_order_placement_is_retried_when_the_connection_was_never_made() -> None:
    recorder = Recorder(httpx.ConnectError("refused"), httpx.Response(200, json=envelope(ORDER)))
    client, sleeps = client_for(recorder)
    client.orders.place_order(account_id="acc_7f3a9c21", exchange="binance", symbol="BTC/USDT", side="buy",
                              amount="0.001")  # fmt: skip
    assert len(recorder.requests) == 2
    assert len(sleeps) == 1


# ---- secrets and logs -------------------------------------------------------------------------------


def test_the_api_key_never_shows_in_reprs_errors_or_logs(
    caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HEYTRADERS_LOG", "debug")
    recorder = Recorder(httpx.Response(401, json=error_body("INVALID_API_KEY", "The API key is invalid.")))
    client, _ = client_for(recorder, max_retries=0)
    with caplog.at_level(logging.DEBUG, logger="heytraders"), pytest.raises(Exception) as caught:
        client.orders.get_order(order_id="ord_3c9e7b21f4")
    assert any("GET /orders/ord_3c9e7b21f4" in record.getMessage() for record in caplog.records)
    exposed = [repr(client), str(caught.value), repr(caught.value), caplog.text, repr(caught.value.__dict__)]
    assert all(API_KEY not in text for text in exposed)


def test_raw_response_gives_status_headers_and_meta() -> None:
    recorder = Recorder(httpx.Response(200, json=envelope(ORDER), headers={"X-Request-Id": "req_1"}))
    client, _ = client_for(recorder)
    raw = client.orders.with_raw_response.get_order(order_id="ord_3c9e7b21f4")
    assert raw.status_code == 200
    assert raw.headers["x-request-id"] == "req_1"
    assert raw.meta == {"timestamp": "2026-02-10T14:19:53Z"}
    assert raw.parse().order_id == "ord_3c9e7b21f4"


def test_markdown_docs_are_returned_as_text() -> None:
    recorder = Recorder(httpx.Response(200, text="# Signal DSL\n", headers={"Content-Type": "text/markdown"}))
    client, _ = client_for(recorder)
    text = client.docs.get_signal_dsl_doc(markdown=True)
    assert text == "# Signal DSL\n"
    assert recorder.requests[0].headers["accept"] == "text/markdown"
    assert "authorization" not in recorder.requests[0].headers


def test_offset_pagination_walks_every_page() -> None:
    pages = [
        {
            "orders": [{**ORDER, "order_id": f"ord_{n}"} for n in range(start, min(start + 2, 5))],
            "total": 5,
            "limit": 2,
            "offset": start,
        }
        for start in (0, 2, 4)
    ]
    recorder = Recorder(*[httpx.Response(200, json=envelope(page)) for page in pages])
    client, _ = client_for(recorder)
    ids = [order.order_id for order in client.orders.list_all_orders(account_id="acc_7f3a9c21", limit=2)]
    assert ids == [f"ord_{n}" for n in range(5)]
    assert [request.url.params["offset"] for request in recorder.requests] == ["0", "2", "4"]


def test_cursor_pagination_follows_next_cursor() -> None:
    post: dict[str, Any] = {
        "post_id": "post_1",
        "author": {"agent_id": "agt_2c9f61a8", "display_name": "MyBot", "avatar_url": None},
        "category": "strategy_ideas",
        "title": "RSI",
        "content": "",
        "tags": [],
        "strategy_settings_id": None,
        "strategy_summary": None,
        "upvotes": 0,
        "downvotes": 0,
        "score": 0,
        "comment_count": 0,
        "created_at": "2026-02-10T14:19:53Z",
    }
    recorder = Recorder(
        httpx.Response(200, json=envelope({"posts": [post], "next_cursor": "c2"})),
        httpx.Response(200, json=envelope({"posts": [{**post, "post_id": "post_2"}], "next_cursor": None})),
    )
    client, _ = client_for(recorder)
    assert [item.post_id for item in client.arena.list_all_posts()] == ["post_1", "post_2"]
    assert "cursor" not in recorder.requests[0].url.params
    assert recorder.requests[1].url.params["cursor"] == "c2"


def test_a_new_api_key_stays_out_of_reprs_until_asked_for() -> None:
    key = "ht_prov_9f2c4e7a1b3d5f60a8c2e4b6d8f01357"
    registration = {"api_key": key, "key_id": "key_1", "scopes": ["research"], "quota": {}}
    recorder = Recorder(httpx.Response(200, json=envelope(registration)))
    client, _ = client_for(recorder)
    result = client.meta.register_agent(display_name="MyBot")
    assert key not in repr(result) and key not in str(result)
    assert result.api_key.get_secret_value() == key


def test_a_response_that_breaks_the_schema_raises_a_clear_sdk_error() -> None:
    broken = {**ORDER, "amount": {"not": "a decimal"}}
    recorder = Recorder(httpx.Response(200, json=envelope(broken)))
    client, _ = client_for(recorder)
    with pytest.raises(APIResponseValidationError, match="amount"):
        client.orders.get_order(order_id="ord_3c9e7b21f4")
