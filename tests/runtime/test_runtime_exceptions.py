"""Error mapping: envelope parsing, class per status and per code, odd bodies, messages, secrets."""

from __future__ import annotations

import pickle
from typing import Any

import httpx
import pytest

from generator.runtime._exceptions import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    HeyTradersError,
    InternalServerError,
    NotFoundError,
    OrderStatusUnknownError,
    PermissionDeniedError,
    RateLimitError,
    RequestValidationError,
    UnprocessableEntityError,
    make_status_error,
    parse_retry_after,
)

from .runtime_fakes import ERROR_CLASSES, KEY, OrderNotFoundError, RateLimitedError, error_body

REQUEST = httpx.Request("GET", "https://api.test/api/v1/orders/ord_1")


def response(status: int, **kwargs: Any) -> httpx.Response:
    return httpx.Response(status, request=REQUEST, **kwargs)


@pytest.mark.parametrize(
    ("status", "cls"),
    [
        (400, BadRequestError),
        (401, AuthenticationError),
        (403, PermissionDeniedError),
        (404, NotFoundError),
        (409, ConflictError),
        (422, UnprocessableEntityError),
        (429, RateLimitError),
        (500, InternalServerError),
        (502, InternalServerError),
        (503, InternalServerError),
        (418, APIStatusError),
    ],
)
def test_class_by_status(status: int, cls: type[APIStatusError]) -> None:
    error = make_status_error(response(status, json=error_body("SOMETHING_NEW", "New.")), ERROR_CLASSES)
    assert type(error) is cls
    assert (error.status_code, error.code, error.message) == (status, "SOMETHING_NEW", "New.")
    assert isinstance(error, HeyTradersError)


@pytest.mark.parametrize(
    ("status", "code", "cls", "base"),
    [
        (404, "ORDER_NOT_FOUND", OrderNotFoundError, NotFoundError),
        (429, "RATE_LIMITED", RateLimitedError, RateLimitError),
    ],
)
def test_class_by_code(status: int, code: str, cls: type[APIStatusError], base: type[APIStatusError]) -> None:
    error = make_status_error(response(status, json=error_body(code, "m", "s", {"k": 1})), ERROR_CLASSES)
    assert type(error) is cls
    assert isinstance(error, base)
    assert (error.code, error.suggestion, error.details) == (code, "s", {"k": 1})


def test_message_format_with_suggestion() -> None:
    body = error_body("ORDER_NOT_FOUND", "Order ord_9 was not found.", "List orders to find its id.")
    error = make_status_error(response(404, json=body), ERROR_CLASSES)
    assert str(error) == "404 ORDER_NOT_FOUND: Order ord_9 was not found.\nSuggestion: List orders to find its id."
    assert error.response.status_code == 404


def test_empty_body_gives_status_and_reason() -> None:
    error = make_status_error(response(502), ERROR_CLASSES)
    assert type(error) is InternalServerError
    assert error.code is None
    assert str(error) == "HTTP 502 Bad Gateway (empty body)"


def test_non_json_body_is_previewed_to_200_characters() -> None:
    html = "<html>" + "x" * 500 + "</html>"
    error = make_status_error(response(503, text=html), ERROR_CLASSES)
    assert error.message == f"HTTP 503 Service Unavailable: {html[:200]}"
    assert "x" * 194 in str(error) and "x" * 195 not in str(error)


@pytest.mark.parametrize("body", [{"detail": "Not Found"}, ["a"], {"error": "plain string"}, {"error": {"code": 5}}])
def test_json_without_the_envelope_falls_back_to_the_status(body: Any) -> None:
    error = make_status_error(response(404, json=body), ERROR_CLASSES)
    assert type(error) is NotFoundError
    assert error.code is None
    assert str(error).startswith("HTTP 404 Not Found: ")


def test_envelope_without_message_uses_the_status() -> None:
    error = make_status_error(response(409, json={"error": {"code": "ALREADY_REGISTERED"}}), ERROR_CLASSES)
    assert type(error) is ConflictError
    assert error.code == "ALREADY_REGISTERED"
    assert str(error) == "409 ALREADY_REGISTERED: HTTP 409 Conflict: " + '{"error":{"code":"ALREADY_REGISTERED"}}'


def test_message_from_a_caller_built_error() -> None:
    assert str(APIStatusError("Odd.", response=response(418))) == "418 I'm a teapot: Odd."


def test_secrets_are_scrubbed_from_echoed_fields() -> None:
    body = error_body("INVALID_API_KEY", f"Bad key {KEY}", f"Rotate {KEY}", {"keys": [KEY], KEY: "x"})
    error = make_status_error(response(401, json=body), ERROR_CLASSES, secrets=[KEY])
    assert KEY not in str(error) + repr(error) + repr(error.details)
    assert "<redacted>" in error.message


def test_retry_after_attribute() -> None:
    error = make_status_error(response(429, headers={"Retry-After": "120"}), ERROR_CLASSES)
    assert error.retry_after == 120.0
    assert make_status_error(response(429), ERROR_CLASSES).retry_after is None


def test_parse_retry_after_forms() -> None:
    assert parse_retry_after(httpx.Headers({"retry-after-ms": "250"})) == 0.25
    assert parse_retry_after(httpx.Headers({"retry-after": "4"})) == 4.0
    date = "Wed, 21 Oct 2026 07:28:00 GMT"
    from email.utils import mktime_tz, parsedate_tz

    parsed = parsedate_tz(date)
    assert parsed is not None
    assert parse_retry_after(httpx.Headers({"retry-after": date}), now=mktime_tz(parsed) - 30) == 30.0
    assert parse_retry_after(httpx.Headers({"retry-after": "whenever"})) is None
    assert parse_retry_after(httpx.Headers({})) is None


def test_connection_errors_carry_the_request() -> None:
    error = APITimeoutError(request=REQUEST)
    assert isinstance(error, APIConnectionError)
    assert error.request is REQUEST
    assert str(error) == "Request timed out."


def test_request_validation_error_is_a_value_error_with_fields() -> None:
    error = RequestValidationError(
        parameter="price",
        rule="polymarket-price-is-probability",
        value="1.5",
        message="Polymarket prices are probabilities in [0, 1]",
        suggestion="Pass a price between 0 and 1.",
        from_rule=True,
    )
    assert isinstance(error, ValueError)
    assert str(error) == (
        "price: Polymarket prices are probabilities in [0, 1] (rule polymarket-price-is-probability); got '1.5'"
        "\nSuggestion: Pass a price between 0 and 1."
    )
    secret = RequestValidationError(
        parameter="secret", rule="minLength", value="hunter2", message="m", suggestion="s", secret=True
    )
    assert "hunter2" not in str(secret) and secret.value == "<redacted>"


def test_order_status_unknown_error() -> None:
    cause = make_status_error(response(500, json=error_body("INTERNAL_ERROR", "Boom.")), ERROR_CLASSES)
    sent = {"account_id": "acc_1", "symbol": "BTC/USDT", "side": "buy", "amount": "0.01", "label": "l-1"}
    error = OrderStatusUnknownError(sent=sent, cause=cause)
    assert error.sent == sent and error.sent is not sent
    assert error.cause is cause
    text = str(error)
    assert "may or may not have been placed" in text
    assert "the server answered 500 INTERNAL_ERROR" in text
    assert "client.orders.list_orders(account_id='acc_1', symbol='BTC/USDT')" in text
    assert "label='l-1'" in text
    assert not isinstance(error, APIStatusError | APIConnectionError)


def test_exceptions_survive_pickling_of_their_message() -> None:
    error = HeyTradersError("plain")
    assert str(pickle.loads(pickle.dumps(error))) == "plain"
