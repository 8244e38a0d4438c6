"""Every spec operation is served; unknown routes and wrong methods answer in the envelope."""

from __future__ import annotations

import re

import pytest
from heytraders_mock import MockConfig, create_app
from heytraders_mock.context import HANDLERS

from .conftest import API, RAW_OPERATIONS, Mock


@pytest.mark.parametrize("operation_id", sorted(RAW_OPERATIONS))
def test_every_spec_operation_is_routed_to_its_handler(mock: Mock, operation_id: str) -> None:
    op = RAW_OPERATIONS[operation_id]
    key = mock.key("research", "read", "trade")
    path = re.sub(r"\{[^}]+\}", "x1", op.path)
    response = mock.call(op.method.upper(), path, key, json={} if "requestBody" in op.raw else None)
    assert operation_id in HANDLERS
    assert response.status_code != 405
    if response.status_code == 404:  # the operation's own 404 (unknown x1), never the router's
        assert not response.json()["error"]["message"].startswith("No operation at")


def test_the_app_refuses_to_start_with_an_operation_it_cannot_serve(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delitem(HANDLERS, "place_order")
    with pytest.raises(RuntimeError, match="place_order"):
        create_app(MockConfig())


def test_the_handlers_serve_exactly_the_spec_operations() -> None:
    assert set(HANDLERS) == {op.operation_id for op in API.operations}


def test_unknown_route_is_a_404_envelope(mock: Mock) -> None:
    error = mock.error("GET", "/no/such/thing", 404, "NOT_FOUND")
    assert "GET /api/v1/no/such/thing" in error["message"]
    response = mock.http.get("/elsewhere")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "NOT_FOUND"
    assert mock.http.get("/api/v1").json()["error"]["code"] == "NOT_FOUND"


def test_wrong_method_is_a_405_envelope_with_allow(mock: Mock) -> None:
    response = mock.call("DELETE", "/meta/markets")
    assert response.status_code == 405
    assert response.headers["allow"] == "GET"
    assert response.json()["error"]["code"] == "VALIDATION_ERROR"
    both = mock.call("PATCH", "/market/ticker")
    assert both.headers["allow"] == "GET, POST"
    order = mock.call("PUT", "/orders/ord_1")
    assert order.headers["allow"] == "DELETE, GET"


def test_wrong_method_on_a_control_route_is_a_405_envelope(mock: Mock) -> None:
    response = mock.http.get("/_mock/keys")
    assert response.status_code == 405
    assert "POST" in response.headers["allow"]
    assert response.json()["error"]["code"] == "VALIDATION_ERROR"


def test_a_literal_segment_wins_over_a_parameter(mock: Mock) -> None:
    key = mock.key()
    # /live-strategies/subscriptions is the list, not a strategy called "subscriptions".
    assert mock.ok("GET", "/live-strategies/subscriptions", key) == []


def test_an_unexpected_failure_is_a_500_envelope(mock: Mock, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(ctx: object) -> object:
        raise RuntimeError("boom")

    monkeypatch.setitem(HANDLERS, "check_health", broken)
    error = mock.error("GET", "/meta/health", 500, "INTERNAL_ERROR")
    assert "boom" not in error["message"]
