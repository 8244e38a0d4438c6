"""The sync request loop: auth, building, retries, order safety, errors, logging, redaction."""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator
from decimal import Decimal
from email.utils import formatdate
from typing import Any

import httpx
import pytest
import respx

from generator.runtime._base_client import DEFAULT_BASE_URL, USER_AGENT, ClientOptions, SyncAPIClient
from generator.runtime._exceptions import (
    APIConnectionError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    InternalServerError,
    MissingAPIKeyError,
    NotFoundError,
    OrderStatusUnknownError,
    RateLimitError,
    RequestValidationError,
)
from generator.runtime._resource import raw_response
from generator.runtime._response import APIResponse
from generator.runtime._types import NOT_GIVEN

from .runtime_fakes import (
    BASE,
    CREATE_POST,
    DELETE_ORDER,
    DOC,
    ERROR_CLASSES,
    FEED,
    GET_ORDER,
    HEALTH,
    KEY,
    PLACE_ORDER,
    UPDATE_PROFILE,
    OrderNotFoundError,
    Recorder,
    error_body,
    ok,
    play,
)

ORDER_VALUES = {"account_id": "acc_7f3a9c21", "symbol": "BTC/USDT", "side": "buy", "amount": Decimal("0.010")}


def identity(data: Any) -> Any:
    return data


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    for name in ("HEYTRADERS_API_KEY", "HEYTRADERS_BASE_URL", "HEYTRADERS_LOG"):
        monkeypatch.delenv(name, raising=False)
    heytraders_logger = logging.getLogger("heytraders")
    level, handlers = heytraders_logger.level, list(heytraders_logger.handlers)
    heytraders_logger.setLevel(logging.NOTSET)
    yield
    heytraders_logger.setLevel(level)
    heytraders_logger.handlers[:] = handlers


class Client:
    """A client whose sleeps are recorded instead of waited, with jitter pinned to 1.0."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("api_key", KEY)
        kwargs.setdefault("base_url", BASE)
        self.api = SyncAPIClient(error_classes=ERROR_CLASSES, **kwargs)
        self.sleeps: list[float] = []
        self.api._sleep = self.sleeps.append
        self.api._random = lambda: 0.0


@pytest.fixture
def client() -> Iterator[Client]:
    wrapper = Client()
    yield wrapper
    wrapper.api.close()


def route(respx_mock: respx.MockRouter, method: str, path: str, recorder: Recorder) -> respx.Route:
    return respx_mock.request(method, BASE + path).mock(side_effect=recorder)


# -- authentication and headers --------------------------------------------------------------------


def test_bearer_auth_header_user_agent_and_accept(respx_mock: respx.MockRouter, client: Client) -> None:
    rec = play(ok({"order_id": "ord_1"}))
    route(respx_mock, "GET", "/orders/ord_1", rec)
    result = client.api.request(GET_ORDER, {"order_id": "ord_1"}, parse=identity)
    assert result.parse() == {"order_id": "ord_1"}
    headers = rec.sent[0].headers
    assert headers["authorization"] == f"Bearer {KEY}"
    assert "x-api-key" not in headers
    assert headers["user-agent"] == USER_AGENT
    assert USER_AGENT.startswith("heytraders-python/")
    assert headers["accept"] == "application/json"


def test_x_api_key_auth_style(respx_mock: respx.MockRouter) -> None:
    wrapper = Client(auth_style="x-api-key")
    rec = play(ok())
    route(respx_mock, "GET", "/orders/ord_1", rec)
    wrapper.api.request(GET_ORDER, {"order_id": "ord_1"}, parse=identity)
    assert rec.sent[0].headers["x-api-key"] == KEY
    assert "authorization" not in rec.sent[0].headers


def test_invalid_auth_style_is_refused() -> None:
    with pytest.raises(ValueError, match="auth_style"):
        SyncAPIClient(api_key=KEY, auth_style="basic")  # type: ignore[arg-type]


def test_public_operation_sends_no_key(respx_mock: respx.MockRouter, client: Client) -> None:
    rec = play(ok({"status": "ok"}))
    route(respx_mock, "GET", "/meta/health", rec)
    client.api.request(HEALTH, {}, parse=identity)
    assert "authorization" not in rec.sent[0].headers


def test_public_operation_works_without_a_key(respx_mock: respx.MockRouter) -> None:
    wrapper = Client(api_key=None)
    route(respx_mock, "GET", "/meta/health", play(ok({"status": "ok"})))
    assert wrapper.api.request(HEALTH, {}, parse=identity).parse() == {"status": "ok"}


def test_key_optional_operation_sends_the_key_only_when_set(respx_mock: respx.MockRouter, client: Client) -> None:
    rec = play(ok([]))
    route(respx_mock, "GET", "/arena/posts", rec)
    client.api.request(FEED, {}, parse=identity)
    Client(api_key=None).api.request(FEED, {}, parse=identity)
    assert rec.sent[0].headers["authorization"] == f"Bearer {KEY}"
    assert "authorization" not in rec.sent[1].headers


def test_missing_key_raises_before_sending(respx_mock: respx.MockRouter) -> None:
    wrapper = Client(api_key=None)
    orders = route(respx_mock, "GET", "/orders/ord_1", play(ok()))
    with pytest.raises(MissingAPIKeyError, match="HEYTRADERS_API_KEY"):
        wrapper.api.request(GET_ORDER, {"order_id": "ord_1"}, parse=identity)
    assert not orders.called


def test_env_config_supplies_key_and_base_url(respx_mock: respx.MockRouter, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HEYTRADERS_API_KEY", "ht_env_key_123")
    monkeypatch.setenv("HEYTRADERS_BASE_URL", "https://env.test/api/v2/")
    api = SyncAPIClient()
    rec = play(ok())
    respx_mock.get("https://env.test/api/v2/orders/ord_1").mock(side_effect=rec)
    api.request(GET_ORDER, {"order_id": "ord_1"}, parse=identity)
    assert rec.sent[0].headers["authorization"] == "Bearer ht_env_key_123"
    assert api.base_url == "https://env.test/api/v2"


def test_explicit_arguments_win_over_env_and_defaults_apply(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HEYTRADERS_API_KEY", "ht_env_key_123")
    api = SyncAPIClient(api_key="explicit")
    assert api.options.api_key == "explicit"
    assert api.base_url == DEFAULT_BASE_URL == "https://hey-traders.com/api/v1"
    assert api.max_retries == 2
    monkeypatch.delenv("HEYTRADERS_API_KEY")
    assert SyncAPIClient().options.api_key is None


def test_default_and_extra_headers_are_sent(respx_mock: respx.MockRouter) -> None:
    wrapper = Client(default_headers={"X-Team": "quant"})
    rec = play(ok())
    route(respx_mock, "GET", "/orders/ord_1", rec)
    wrapper.api.request(GET_ORDER, {"order_id": "ord_1"}, parse=identity, extra_headers={"X-Trace": "t1"})
    assert rec.sent[0].headers["x-team"] == "quant"
    assert rec.sent[0].headers["x-trace"] == "t1"


# -- building the request --------------------------------------------------------------------------


def test_path_is_quoted_and_query_drops_none_and_not_given(respx_mock: respx.MockRouter, client: Client) -> None:
    rec = play(ok())
    respx_mock.get(url__startswith=BASE).mock(side_effect=rec)
    values = {"order_id": "a/b c", "exchange": None, "limit": 5, "include_fills": True, "start": NOT_GIVEN}
    client.api.request(GET_ORDER, values, parse=identity)
    url = rec.sent[0].url
    assert url.raw_path == b"/api/v1/orders/a%2Fb%20c?limit=5&include_fills=true"
    assert rec.sent[0].content == b""


def test_datetime_query_is_sent_as_iso(respx_mock: respx.MockRouter, client: Client) -> None:
    from datetime import UTC, datetime

    rec = play(ok())
    respx_mock.get(url__startswith=BASE).mock(side_effect=rec)
    client.api.request(GET_ORDER, {"order_id": "o", "start": datetime(2026, 2, 10, 14, 0, tzinfo=UTC)}, parse=identity)
    assert rec.sent[0].url.params["start"] == "2026-02-10T14:00:00+00:00"


def test_body_is_json_with_content_type(respx_mock: respx.MockRouter, client: Client) -> None:
    rec = play(ok({"post_id": "post_1"}))
    route(respx_mock, "POST", "/arena/posts", rec)
    client.api.request(CREATE_POST, {"title": "Hello"}, parse=identity)
    assert rec.sent[0].headers["content-type"] == "application/json"
    assert json.loads(rec.sent[0].content) == {"title": "Hello"}


def test_money_is_sent_as_the_exact_string(respx_mock: respx.MockRouter, client: Client) -> None:
    rec = play(ok({"order_id": "ord_1"}))
    route(respx_mock, "POST", "/orders", rec)
    values = {**ORDER_VALUES, "amount": Decimal("0.010"), "price": " 65000.50 ", "leverage": 3}
    client.api.request(PLACE_ORDER, values, parse=identity)
    body = json.loads(rec.sent[0].content, parse_float=lambda text: pytest.fail(f"float in body: {text}"))
    assert body["amount"] == "0.010"
    assert body["price"] == "65000.50"
    client.api.request(PLACE_ORDER, {**ORDER_VALUES, "amount": 2}, parse=identity)
    assert json.loads(rec.sent[1].content)["amount"] == "2"


def test_float_money_is_refused_before_sending(respx_mock: respx.MockRouter, client: Client) -> None:
    orders = route(respx_mock, "POST", "/orders", play(ok()))
    with pytest.raises(RequestValidationError) as info:
        client.api.request(PLACE_ORDER, {**ORDER_VALUES, "amount": 0.1}, parse=identity)
    assert info.value.parameter == "amount"
    assert "Decimal('0.1')" in info.value.suggestion
    assert not orders.called


@pytest.mark.parametrize(
    ("values", "parameter", "rule"),
    [
        ({"order_id": ""}, "order_id", "minLength"),
        ({"order_id": "o", "limit": 0}, "limit", "minimum"),
        ({"order_id": "o", "limit": "5"}, "limit", "type"),
        ({"order_id": "o", "exchange": "Binance"}, "exchange", "pattern"),
        ({"order_id": "o", "start": "yesterday"}, "start", "format"),
        ({}, "order_id", "required"),
        ({"order_id": "o", "limt": 5}, "limt", "additionalProperties"),
    ],
)
def test_validation_errors_are_raised_before_any_request(
    respx_mock: respx.MockRouter, client: Client, values: dict[str, Any], parameter: str, rule: str
) -> None:
    any_route = respx_mock.route().mock(side_effect=play(ok()))
    with pytest.raises(RequestValidationError) as info:
        client.api.request(GET_ORDER, values, parse=identity)
    assert (info.value.parameter, info.value.rule) == (parameter, rule)
    assert not any_route.called


# -- retries ---------------------------------------------------------------------------------------


def test_get_retries_retryable_statuses_with_backoff(respx_mock: respx.MockRouter, client: Client) -> None:
    rec = play(httpx.Response(503), httpx.Response(502), ok({"order_id": "ord_1"}))
    route(respx_mock, "GET", "/orders/ord_1", rec)
    assert client.api.request(GET_ORDER, {"order_id": "ord_1"}, parse=identity).parse() == {"order_id": "ord_1"}
    assert len(rec.sent) == 3
    assert client.sleeps == [0.5, 1.0]


@pytest.mark.parametrize("status", [408, 429, 500, 502, 503, 504])
def test_each_retryable_status_is_retried(respx_mock: respx.MockRouter, client: Client, status: int) -> None:
    rec = play(httpx.Response(status), ok())
    route(respx_mock, "GET", "/orders/ord_1", rec)
    client.api.request(GET_ORDER, {"order_id": "ord_1"}, parse=identity)
    assert len(rec.sent) == 2


def test_backoff_doubles_up_to_eight_seconds(respx_mock: respx.MockRouter) -> None:
    wrapper = Client(max_retries=6)
    rec = play(httpx.Response(500))
    route(respx_mock, "GET", "/orders/ord_1", rec)
    with pytest.raises(InternalServerError):
        wrapper.api.request(GET_ORDER, {"order_id": "ord_1"}, parse=identity)
    assert len(rec.sent) == 7
    assert wrapper.sleeps == [0.5, 1.0, 2.0, 4.0, 8.0, 8.0]


def test_jitter_multiplies_by_a_factor_in_three_quarters_to_one(respx_mock: respx.MockRouter, client: Client) -> None:
    client.api._random = lambda: 0.5
    route(respx_mock, "GET", "/orders/ord_1", play(httpx.Response(503), httpx.Response(503), ok()))
    client.api.request(GET_ORDER, {"order_id": "ord_1"}, parse=identity)
    assert client.sleeps == [0.5 * 0.875, 1.0 * 0.875]


def test_jitter_uses_the_random_source(client: Client) -> None:
    client.api._random = __import__("random").random
    delays = [client.api._retry_delay(0, None) for _ in range(200)]
    assert all(0.375 < d <= 0.5 for d in delays)
    assert len(set(delays)) > 1


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ({"Retry-After": "3"}, 3.0),
        ({"Retry-After": "0.25"}, 0.25),
        ({"retry-after-ms": "1500", "Retry-After": "9"}, 1.5),
        ({"Retry-After": "60"}, 60.0),
        ({"Retry-After": "61"}, 0.5),  # beyond 60 s: ignored, backoff instead
        ({"Retry-After": "0"}, 0.5),
        ({"Retry-After": "-2"}, 0.5),
        ({"Retry-After": "soon"}, 0.5),
    ],
)
def test_retry_after_is_honoured_between_zero_and_sixty_seconds(
    respx_mock: respx.MockRouter, client: Client, headers: dict[str, str], expected: float
) -> None:
    route(respx_mock, "GET", "/orders/ord_1", play(httpx.Response(429, headers=headers), ok()))
    client.api.request(GET_ORDER, {"order_id": "ord_1"}, parse=identity)
    assert client.sleeps == [expected]


def test_retry_after_http_date(respx_mock: respx.MockRouter, client: Client) -> None:
    now = 1_770_000_000.0
    client.api._clock = lambda: now
    date = formatdate(now + 7, usegmt=True)
    route(respx_mock, "GET", "/orders/ord_1", play(httpx.Response(503, headers={"Retry-After": date}), ok()))
    client.api.request(GET_ORDER, {"order_id": "ord_1"}, parse=identity)
    assert client.sleeps == [7.0]


def test_retries_are_exhausted_then_the_error_is_raised(respx_mock: respx.MockRouter, client: Client) -> None:
    rec = play(httpx.Response(429, json=error_body("RATE_LIMITED", "Slow down."), headers={"Retry-After": "2"}))
    route(respx_mock, "GET", "/orders/ord_1", rec)
    with pytest.raises(RateLimitError) as info:
        client.api.request(GET_ORDER, {"order_id": "ord_1"}, parse=identity)
    assert len(rec.sent) == 3
    assert client.sleeps == [2.0, 2.0]
    assert info.value.retry_after == 2.0


def test_per_call_max_retries_overrides_the_client(respx_mock: respx.MockRouter, client: Client) -> None:
    rec = play(httpx.Response(503))
    route(respx_mock, "GET", "/orders/ord_1", rec)
    with pytest.raises(InternalServerError):
        client.api.request(GET_ORDER, {"order_id": "ord_1"}, parse=identity, max_retries=0)
    assert len(rec.sent) == 1
    with pytest.raises(InternalServerError):
        client.api.request(GET_ORDER, {"order_id": "ord_1"}, parse=identity, max_retries=4)
    assert len(rec.sent) == 1 + 5


def test_client_max_retries_zero_disables_retries(respx_mock: respx.MockRouter) -> None:
    wrapper = Client(max_retries=0)
    rec = play(httpx.ConnectError("refused"))
    route(respx_mock, "GET", "/orders/ord_1", rec)
    with pytest.raises(APIConnectionError):
        wrapper.api.request(GET_ORDER, {"order_id": "ord_1"}, parse=identity)
    assert len(rec.sent) == 1


@pytest.mark.parametrize("status", [400, 401, 403, 404, 409, 422])
def test_client_errors_are_not_retried(respx_mock: respx.MockRouter, client: Client, status: int) -> None:
    rec = play(httpx.Response(status))
    route(respx_mock, "GET", "/orders/ord_1", rec)
    with pytest.raises(APIStatusError):
        client.api.request(GET_ORDER, {"order_id": "ord_1"}, parse=identity)
    assert len(rec.sent) == 1
    assert client.sleeps == []


@pytest.mark.parametrize(
    "failure", [httpx.ReadTimeout("slow"), httpx.ReadError("reset"), httpx.RemoteProtocolError("eof")]
)
def test_get_is_retried_after_timeouts_and_dropped_connections(
    respx_mock: respx.MockRouter, client: Client, failure: Exception
) -> None:
    rec = play(failure, ok())
    route(respx_mock, "GET", "/orders/ord_1", rec)
    client.api.request(GET_ORDER, {"order_id": "ord_1"}, parse=identity)
    assert len(rec.sent) == 2


def test_delete_is_idempotent_and_retried(respx_mock: respx.MockRouter, client: Client) -> None:
    rec = play(httpx.Response(500), ok())
    route(respx_mock, "DELETE", "/orders/ord_1", rec)
    client.api.request(DELETE_ORDER, {"order_id": "ord_1"}, parse=identity)
    assert len(rec.sent) == 2


def test_timeout_raises_api_timeout_error_after_retries(respx_mock: respx.MockRouter, client: Client) -> None:
    rec = play(httpx.ReadTimeout("slow"))
    route(respx_mock, "GET", "/orders/ord_1", rec)
    with pytest.raises(APITimeoutError) as info:
        client.api.request(GET_ORDER, {"order_id": "ord_1"}, parse=identity)
    assert len(rec.sent) == 3
    assert isinstance(info.value.__cause__, httpx.ReadTimeout)
    assert info.value.request.url.path == "/api/v1/orders/ord_1"


@pytest.mark.parametrize(
    "failure",
    [httpx.Response(500), httpx.Response(503), httpx.Response(408), httpx.ReadTimeout("slow"), httpx.ReadError("x")],
)
def test_post_is_not_retried_once_it_may_have_been_sent(
    respx_mock: respx.MockRouter, client: Client, failure: httpx.Response | Exception
) -> None:
    rec = play(failure, ok())
    route(respx_mock, "POST", "/arena/posts", rec)
    with pytest.raises((APIStatusError, APIConnectionError)):
        client.api.request(CREATE_POST, {"title": "Hello"}, parse=identity)
    assert len(rec.sent) == 1
    assert client.sleeps == []


def test_patch_is_not_retried_after_a_500(respx_mock: respx.MockRouter, client: Client) -> None:
    rec = play(httpx.Response(500), ok())
    route(respx_mock, "PATCH", "/arena/profile", rec)
    with pytest.raises(InternalServerError):
        client.api.request(UPDATE_PROFILE, {"display_name": "Bot"}, parse=identity)
    assert len(rec.sent) == 1


@pytest.mark.parametrize(
    "failure",
    [
        httpx.ConnectError("refused"),
        httpx.ConnectTimeout("no route"),
        httpx.PoolTimeout("pool full"),
        httpx.Response(429, headers={"Retry-After": "1"}),
    ],
)
def test_post_is_retried_when_it_cannot_have_been_executed(
    respx_mock: respx.MockRouter, client: Client, failure: httpx.Response | Exception
) -> None:
    rec = play(failure, ok({"post_id": "post_1"}))
    route(respx_mock, "POST", "/arena/posts", rec)
    assert client.api.request(CREATE_POST, {"title": "Hello"}, parse=identity).parse() == {"post_id": "post_1"}
    assert len(rec.sent) == 2
    assert rec.sent[0].content == rec.sent[1].content


# -- order placement -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "failure",
    [
        httpx.Response(500, json=error_body("INTERNAL_ERROR", "Boom.")),
        httpx.Response(502, text="<html>bad gateway</html>"),
        httpx.Response(503),
        httpx.ReadTimeout("slow"),
        httpx.WriteTimeout("slow"),
        httpx.ReadError("reset"),
        httpx.WriteError("broken pipe"),
        httpx.RemoteProtocolError("server disconnected"),
    ],
)
def test_order_with_unknown_outcome_raises_and_is_never_retried(
    respx_mock: respx.MockRouter, client: Client, failure: httpx.Response | Exception
) -> None:
    rec = play(failure, ok({"order_id": "ord_1"}))
    route(respx_mock, "POST", "/orders", rec)
    values = {**ORDER_VALUES, "label": "dca-2026-02-10"}
    with pytest.raises(OrderStatusUnknownError) as info:
        client.api.request(PLACE_ORDER, values, parse=identity)
    assert len(rec.sent) == 1
    assert client.sleeps == []
    error = info.value
    assert error.sent == {**ORDER_VALUES, "amount": "0.010", "label": "dca-2026-02-10"}
    assert error.sent == json.loads(rec.sent[0].content)
    assert error.__cause__ is error.cause
    if isinstance(failure, httpx.Response):
        assert isinstance(error.cause, InternalServerError)
        assert error.cause.status_code == failure.status_code
    else:
        assert error.cause is failure
    message = str(error)
    assert "list_orders(account_id='acc_7f3a9c21', symbol='BTC/USDT')" in message
    assert "label='dca-2026-02-10'" in message
    assert KEY not in message


@pytest.mark.parametrize(
    "failure",
    [
        httpx.ConnectError("refused"),
        httpx.ConnectTimeout("no route"),
        httpx.PoolTimeout("pool full"),
        httpx.Response(429, json=error_body("RATE_LIMITED", "Slow down.")),
    ],
)
def test_order_is_retried_only_when_it_was_not_executed(
    respx_mock: respx.MockRouter, client: Client, failure: httpx.Response | Exception
) -> None:
    rec = play(failure, ok({"order_id": "ord_1"}))
    route(respx_mock, "POST", "/orders", rec)
    assert client.api.request(PLACE_ORDER, ORDER_VALUES, parse=identity).parse() == {"order_id": "ord_1"}
    assert len(rec.sent) == 2


def test_order_answered_with_an_unreadable_2xx_is_unknown_not_a_plain_error(
    respx_mock: respx.MockRouter, client: Client
) -> None:
    """A 200 whose body is not JSON (a proxy's page, a mangled answer) may stand for a placed order."""
    rec = play(httpx.Response(200, text="<html>captive portal</html>"), ok({"order_id": "ord_1"}))
    route(respx_mock, "POST", "/orders", rec)
    with pytest.raises(OrderStatusUnknownError, match="answered 200 with a body that could not be read") as info:
        client.api.request(PLACE_ORDER, ORDER_VALUES, parse=identity)
    assert len(rec.sent) == 1 and client.sleeps == []
    assert isinstance(info.value.cause, APIResponseValidationError) and info.value.__cause__ is info.value.cause
    assert info.value.sent == json.loads(rec.sent[0].content)


def test_order_4xx_is_a_plain_status_error(respx_mock: respx.MockRouter, client: Client) -> None:
    rec = play(httpx.Response(400, json=error_body("VALIDATION_ERROR", "Bad symbol.")))
    route(respx_mock, "POST", "/orders", rec)
    with pytest.raises(BadRequestError):
        client.api.request(PLACE_ORDER, ORDER_VALUES, parse=identity)
    assert len(rec.sent) == 1


def test_order_without_label_gets_one_and_the_error_says_how_to_find_it(
    respx_mock: respx.MockRouter, client: Client
) -> None:
    rec = play(httpx.ReadTimeout("slow"))
    route(respx_mock, "POST", "/orders", rec)
    with pytest.raises(OrderStatusUnknownError, match=r"resolve_unknown_order\(error\)") as info:
        client.api.request(PLACE_ORDER, {k: v for k, v in ORDER_VALUES.items() if k != "label"}, parse=identity)
    sent_label = json.loads(rec.sent[0].content)["label"]
    assert sent_label.startswith("ht-")
    assert info.value.sent["label"] == sent_label


def test_order_connect_failures_exhaust_retries_as_connection_error(
    respx_mock: respx.MockRouter, client: Client
) -> None:
    rec = play(httpx.ConnectError("refused"))
    route(respx_mock, "POST", "/orders", rec)
    with pytest.raises(APIConnectionError) as info:
        client.api.request(PLACE_ORDER, ORDER_VALUES, parse=identity)
    assert not isinstance(info.value, APITimeoutError)
    assert len(rec.sent) == 3


# -- responses and errors --------------------------------------------------------------------------


def test_envelope_data_meta_and_lazy_cached_parse(respx_mock: respx.MockRouter, client: Client) -> None:
    calls: list[Any] = []

    def parse(data: Any) -> str:
        calls.append(data)
        return str(data["order_id"])

    meta = {"timestamp": "2026-02-10T14:19:53Z"}
    body = {"success": True, "data": {"order_id": "ord_1"}, "error": None, "meta": meta}
    route(respx_mock, "GET", "/orders/ord_1", play(httpx.Response(200, json=body, headers={"X-Request-Id": "req_1"})))
    result = client.api.request(GET_ORDER, {"order_id": "ord_1"}, parse=parse)
    assert calls == []
    assert result.status_code == 200
    assert result.headers["x-request-id"] == "req_1"
    assert result.meta == meta
    assert result.parse() == "ord_1"
    assert result.parse() == "ord_1"
    assert calls == [{"order_id": "ord_1"}]
    assert isinstance(result.http_response, httpx.Response)


def test_error_class_per_code_and_per_status(respx_mock: respx.MockRouter, client: Client) -> None:
    body = error_body("ORDER_NOT_FOUND", "No order ord_9.", "Check the id with list_orders.", {"order_id": "ord_9"})
    route(respx_mock, "GET", "/orders/ord_9", play(httpx.Response(404, json=body)))
    with pytest.raises(OrderNotFoundError) as info:
        client.api.request(GET_ORDER, {"order_id": "ord_9"}, parse=identity)
    error = info.value
    assert isinstance(error, NotFoundError)
    assert (error.status_code, error.code, error.message) == (404, "ORDER_NOT_FOUND", "No order ord_9.")
    assert error.suggestion == "Check the id with list_orders."
    assert error.details == {"order_id": "ord_9"}
    route(respx_mock, "GET", "/orders/ord_8", play(httpx.Response(404, json=error_body("POST_GONE", "Gone."))))
    with pytest.raises(NotFoundError) as other:
        client.api.request(GET_ORDER, {"order_id": "ord_8"}, parse=identity)
    assert type(other.value) is NotFoundError


def test_success_false_envelope_is_an_error(respx_mock: respx.MockRouter, client: Client) -> None:
    route(respx_mock, "GET", "/orders/ord_1", play(httpx.Response(200, json=error_body("ORDER_NOT_FOUND", "No."))))
    with pytest.raises(OrderNotFoundError):
        client.api.request(GET_ORDER, {"order_id": "ord_1"}, parse=identity)


def test_non_json_success_raises_response_validation_error(respx_mock: respx.MockRouter, client: Client) -> None:
    route(respx_mock, "GET", "/orders/ord_1", play(httpx.Response(200, text="<html>maintenance</html>")))
    with pytest.raises(APIResponseValidationError, match="maintenance"):
        client.api.request(GET_ORDER, {"order_id": "ord_1"}, parse=identity)


def test_empty_success_parses_none(respx_mock: respx.MockRouter, client: Client) -> None:
    route(respx_mock, "DELETE", "/orders/ord_1", play(httpx.Response(204)))
    assert client.api.request(DELETE_ORDER, {"order_id": "ord_1"}, parse=identity).parse() is None


def test_markdown_accept_header_and_text(respx_mock: respx.MockRouter, client: Client) -> None:
    md = "# Signal DSL\n\n`rsi(close, 14)`"
    rec = play(httpx.Response(200, text=md, headers={"Content-Type": "text/markdown; charset=utf-8"}))
    route(respx_mock, "GET", "/docs/signal-dsl", rec)
    result = client.api.request(DOC, {}, parse=str, accept_markdown=True)
    assert rec.sent[0].headers["accept"] == "text/markdown"
    assert result.parse() == md


def test_markdown_is_only_asked_of_operations_that_serve_it(respx_mock: respx.MockRouter, client: Client) -> None:
    rec = play(ok({"status": "ok"}))
    route(respx_mock, "GET", "/meta/health", rec)
    client.api.request(HEALTH, {}, parse=identity, accept_markdown=True)
    assert rec.sent[0].headers["accept"] == "application/json"


def test_per_call_timeout_overrides_the_client(respx_mock: respx.MockRouter) -> None:
    wrapper = Client(timeout=12.0)
    rec = play(ok())
    route(respx_mock, "GET", "/orders/ord_1", rec)
    wrapper.api.request(GET_ORDER, {"order_id": "ord_1"}, parse=identity)
    wrapper.api.request(GET_ORDER, {"order_id": "ord_1"}, parse=identity, timeout=httpx.Timeout(3.0, connect=1.0))
    assert rec.sent[0].timeout["read"] == 12.0
    assert (rec.sent[1].timeout["read"], rec.sent[1].timeout["connect"]) == (3.0, 1.0)


def test_raw_response_wrapper_receives_the_api_response(respx_mock: respx.MockRouter, client: Client) -> None:
    route(respx_mock, "GET", "/orders/ord_1", play(ok({"order_id": "ord_1"})))

    def get_order(order_id: str) -> Any:
        return client.api.request(GET_ORDER, {"order_id": order_id}, parse=identity).parse()

    raw = raw_response(get_order)("ord_1")
    assert isinstance(raw, APIResponse)
    assert raw.parse() == {"order_id": "ord_1"}


# -- secrets and logging ---------------------------------------------------------------------------


def test_key_is_in_no_repr(client: Client) -> None:
    assert KEY not in repr(client.api)
    assert "api_key=<set>" in repr(client.api)
    assert "auth_style='bearer'" in repr(client.api)
    assert BASE in repr(client.api)
    assert KEY not in repr(client.api.options)
    assert KEY not in repr(client.api.with_options(max_retries=1))
    assert KEY not in str(ClientOptions(api_key=KEY))


def test_key_is_in_no_exception_even_when_the_server_echoes_it(respx_mock: respx.MockRouter, client: Client) -> None:
    body = error_body("INVALID_API_KEY", f"Key {KEY} is invalid.", f"Replace {KEY}.", {"key": KEY})
    route(respx_mock, "GET", "/orders/ord_1", play(httpx.Response(401, json=body)))
    with pytest.raises(AuthenticationError) as info:
        client.api.request(GET_ORDER, {"order_id": "ord_1"}, parse=identity)
    error = info.value
    for text in (str(error), repr(error), error.message, str(error.suggestion), json.dumps(error.details)):
        assert KEY not in text
    assert KEY not in str(error.response.request.headers)


def test_key_is_not_left_on_failed_requests(respx_mock: respx.MockRouter) -> None:
    wrapper = Client(auth_style="x-api-key", max_retries=0)
    route(respx_mock, "GET", "/orders/ord_1", play(httpx.ConnectError("refused")))
    with pytest.raises(APIConnectionError) as info:
        wrapper.api.request(GET_ORDER, {"order_id": "ord_1"}, parse=identity)
    assert KEY not in str(info.value.request.headers)
    assert KEY not in str(info.value)


def test_debug_log_has_one_line_per_attempt_and_no_secrets(
    respx_mock: respx.MockRouter, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("HEYTRADERS_LOG", "debug")
    caplog.set_level(logging.DEBUG)
    wrapper = Client()
    route(respx_mock, "GET", "/orders/ord_1", play(httpx.Response(503), ok()))
    route(respx_mock, "GET", "/orders/ord_2", play(httpx.Response(401, json=error_body("INVALID_API_KEY", KEY))))
    route(respx_mock, "GET", "/orders/ord_3", play(httpx.ConnectError(f"refused {KEY}")))
    wrapper.api.request(GET_ORDER, {"order_id": "ord_1", "exchange": "binance"}, parse=identity)
    with pytest.raises(AuthenticationError):
        wrapper.api.request(GET_ORDER, {"order_id": "ord_2"}, parse=identity, max_retries=0)
    with pytest.raises(APIConnectionError):
        wrapper.api.request(GET_ORDER, {"order_id": "ord_3"}, parse=identity, max_retries=0)
    lines = [r.getMessage() for r in caplog.records if r.name == "heytraders"]
    pattern = r"GET /orders/ord_\d -> (\d{3}|ConnectError) \(attempt \d, \d+\.\d ms\)"
    assert len(lines) == 4
    assert all(re.fullmatch(pattern, line) for line in lines), lines
    assert lines[0].startswith("GET /orders/ord_1 -> 503 (attempt 1,")
    assert lines[1].startswith("GET /orders/ord_1 -> 200 (attempt 2,")
    assert all(r.levelno == logging.DEBUG for r in caplog.records if r.name == "heytraders")
    assert KEY not in caplog.text
    assert "binance" not in "\n".join(lines)  # query values stay out of our lines


def test_no_debug_log_without_the_env_switch(respx_mock: respx.MockRouter, caplog: pytest.LogCaptureFixture) -> None:
    caplog.handler.setLevel(logging.DEBUG)
    wrapper = Client()
    route(respx_mock, "GET", "/orders/ord_1", play(ok()))
    wrapper.api.request(GET_ORDER, {"order_id": "ord_1"}, parse=identity)
    assert [r for r in caplog.records if r.name == "heytraders"] == []


# -- lifecycle -------------------------------------------------------------------------------------


def test_context_manager_closes_the_client_it_created() -> None:
    with SyncAPIClient(api_key=KEY) as api:
        assert not api.is_closed
    assert api.is_closed


def test_a_given_http_client_is_used_and_left_open(respx_mock: respx.MockRouter) -> None:
    own = httpx.Client(headers={"X-Own": "1"})
    rec = play(ok())
    route(respx_mock, "GET", "/orders/ord_1", rec)
    with SyncAPIClient(api_key=KEY, base_url=BASE, http_client=own) as api:
        api.request(GET_ORDER, {"order_id": "ord_1"}, parse=identity)
    assert not own.is_closed
    assert rec.sent[0].headers["x-own"] == "1"
    own.close()


def test_transport_is_used_for_the_created_client() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return ok({"status": "ok"})

    with SyncAPIClient(base_url=BASE, transport=httpx.MockTransport(handler)) as api:
        assert api.request(HEALTH, {}, parse=identity).parse() == {"status": "ok"}
    assert len(seen) == 1
    with pytest.raises(ValueError, match="either"):
        SyncAPIClient(http_client=httpx.Client(), transport=httpx.MockTransport(handler))


def test_with_options_shares_the_pool_and_changes_only_the_copy(respx_mock: respx.MockRouter, client: Client) -> None:
    copy = client.api.with_options(auth_style="x-api-key", max_retries=0, base_url=BASE + "/")
    assert type(copy) is type(client.api)
    assert copy._client is client.api._client
    assert (copy.max_retries, client.api.max_retries) == (0, 2)
    rec = play(httpx.Response(503))
    route(respx_mock, "GET", "/orders/ord_1", rec)
    with pytest.raises(InternalServerError):
        copy.request(GET_ORDER, {"order_id": "ord_1"}, parse=identity)
    assert len(rec.sent) == 1
    assert rec.sent[0].headers["x-api-key"] == KEY
    copy.close()
    assert not client.api.is_closed
    client.api.close()
    assert copy.is_closed


def test_with_options_keeps_injected_sleep(respx_mock: respx.MockRouter, client: Client) -> None:
    copy = client.api.with_options(timeout=5.0)
    route(respx_mock, "GET", "/orders/ord_1", play(httpx.Response(503), ok()))
    copy.request(GET_ORDER, {"order_id": "ord_1"}, parse=identity)
    assert client.sleeps == [0.5]


def test_negative_max_retries_is_refused(client: Client) -> None:
    with pytest.raises(ValueError, match="max_retries"):
        SyncAPIClient(api_key=KEY, max_retries=-1)
    with pytest.raises(ValueError, match="max_retries"):
        client.api.request(HEALTH, {}, parse=identity, max_retries=-1)


def test_cookies_set_by_a_load_balancer_are_sent_back(respx_mock: respx.MockRouter, client: Client) -> None:
    rec = play(ok(headers={"Set-Cookie": "AWSALB=sticky-1; Path=/"}), ok())
    route(respx_mock, "GET", "/orders/ord_1", rec)
    client.api.request(GET_ORDER, {"order_id": "ord_1"}, parse=identity)
    client.api.request(GET_ORDER, {"order_id": "ord_1"}, parse=identity)
    assert "cookie" not in rec.sent[0].headers
    assert rec.sent[1].headers["cookie"] == "AWSALB=sticky-1"
    assert rec.sent[1].headers["authorization"] == f"Bearer {KEY}"
    assert rec.sent[1].headers["user-agent"] == USER_AGENT


def test_caller_headers_replace_ours_whatever_their_case(respx_mock: respx.MockRouter) -> None:
    wrapper = Client(default_headers={"USER-AGENT": "my-bot/1.0"})
    rec = play(ok())
    route(respx_mock, "GET", "/orders/ord_1", rec)
    wrapper.api.request(GET_ORDER, {"order_id": "ord_1"}, parse=identity, extra_headers={"ACCEPT": "application/x"})
    assert rec.sent[0].headers["accept"] == "application/x"  # one value: a duplicate would be joined with ", "
    assert rec.sent[0].headers["user-agent"] == "my-bot/1.0"


@pytest.mark.parametrize("own_pool", [True, False])
def test_timeouts_reach_httpx_with_own_or_given_client(respx_mock: respx.MockRouter, own_pool: bool) -> None:
    http_client = None if own_pool else httpx.Client(timeout=7.0)
    api = SyncAPIClient(api_key=KEY, base_url=BASE, timeout=12.0, http_client=http_client)
    rec = play(ok())
    route(respx_mock, "GET", "/orders/ord_1", rec)
    api.request(GET_ORDER, {"order_id": "ord_1"}, parse=identity)
    api.with_options(timeout=5.0).request(GET_ORDER, {"order_id": "ord_1"}, parse=identity)
    api.request(GET_ORDER, {"order_id": "ord_1"}, parse=identity, timeout=2.0)
    assert [sent.timeout["read"] for sent in rec.sent] == [12.0, 5.0, 2.0]
    api.close()
