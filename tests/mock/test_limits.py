"""The per-key rate limit, the provisional backtest quota and the registration limit, each with Retry-After."""

from __future__ import annotations

from typing import Any

from heytraders_mock import MockConfig, create_app

from .conftest import Mock

BACKTEST: dict[str, Any] = {
    "script": "x = rsi(close, 14) < 30",
    "universe": ["BINANCE:BTC/USDT"],
    "start_date": "2025-01-01",
    "end_date": "2025-03-01",
}


def mock_with(**settings: Any) -> Mock:
    return Mock(create_app(MockConfig(**settings)))


def test_rate_limit_per_key_with_retry_after() -> None:
    mock = mock_with(rate_limit_per_minute=3)
    key, other = mock.key(), mock.key()
    mock.ok("GET", "/meta/agents/me", key)
    mock.advance(20)
    mock.ok("GET", "/meta/agents/me", key)
    mock.ok("GET", "/meta/agents/me", key)
    response = mock.call("GET", "/meta/agents/me", key)
    assert response.status_code == 429
    assert response.json()["error"]["code"] == "RATE_LIMITED"
    assert response.json()["error"]["details"] == {"limit": 3, "window_seconds": 60}
    assert response.headers["retry-after"] == "40"  # the first request leaves the window 60 s after it was made
    mock.ok("GET", "/meta/agents/me", other)  # another key has its own window
    mock.advance(40)
    mock.ok("GET", "/meta/agents/me", key)


def test_rate_limit_without_a_key_counts_per_client_ip() -> None:
    mock = mock_with(rate_limit_per_minute=2)
    mock.ok("GET", "/meta/health")
    mock.ok("GET", "/meta/markets")
    mock.error("GET", "/meta/health", 429, "RATE_LIMITED")


def test_provisional_backtest_quota_per_hour() -> None:
    mock = mock_with(backtests_per_hour=2, backtests_per_day=30)
    key = mock.register()
    mock.ok("POST", "/backtest/execute", key, json=BACKTEST)
    mock.advance(900)
    mock.ok("POST", "/backtest/execute", key, json=BACKTEST)
    response = mock.call("POST", "/backtest/execute", key, json=BACKTEST)
    assert response.status_code == 429
    error = response.json()["error"]
    assert error["code"] == "FREE_QUOTA_EXCEEDED"
    assert error["details"] == {"limit": 2, "used": 2, "period": "hour"}
    assert response.headers["retry-after"] == "2700"
    mock.advance(2700)
    mock.ok("POST", "/backtest/execute", key, json=BACKTEST)


def test_provisional_backtest_quota_per_day() -> None:
    mock = mock_with(backtests_per_hour=10, backtests_per_day=3)
    key = mock.register()
    for _ in range(3):
        mock.ok("POST", "/backtest/execute", key, json=BACKTEST)
        mock.advance(3600)
    response = mock.call("POST", "/backtest/execute", key, json=BACKTEST)
    assert response.json()["error"]["details"]["period"] == "day"
    assert response.headers["retry-after"] == str(86400 - 3 * 3600)


def test_claimed_keys_have_no_backtest_quota() -> None:
    mock = mock_with(backtests_per_hour=1)
    key = mock.key()
    for _ in range(3):
        mock.ok("POST", "/backtest/execute", key, json=BACKTEST)


def test_invalid_requests_do_not_use_the_quota() -> None:
    mock = mock_with(backtests_per_hour=1)
    key = mock.register()
    mock.error("POST", "/backtest/execute", 400, "VALIDATION_ERROR", key, json={**BACKTEST, "script": ""})
    mock.ok("POST", "/backtest/execute", key, json=BACKTEST)


def test_registration_limit_per_ip_with_retry_after() -> None:
    mock = mock_with(registrations_per_hour=2)
    mock.register()
    mock.advance(600)
    mock.register()
    response = mock.call("POST", "/meta/register", json={"display_name": "Third"})
    assert response.status_code == 429
    assert response.json()["error"]["code"] == "REGISTRATION_LIMIT"
    assert response.headers["retry-after"] == "3000"  # the first registration leaves the hour in 50 minutes
    mock.advance(3000)
    mock.register()
