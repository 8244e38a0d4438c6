"""API keys in both schemes, the 401 and 403 codes, scopes, conditional scopes and ACCOUNT_REQUIRED."""

from __future__ import annotations

import httpx
import pytest

from .conftest import Mock, check_response

ORDER = {"exchange": "binance", "symbol": "BTC/USDT", "side": "buy", "amount": "0.001"}


@pytest.mark.parametrize("scheme", ["bearer", "x-api-key"])
def test_both_auth_schemes_work(mock: Mock, scheme: str) -> None:
    key = mock.register()
    agent = mock.ok("GET", "/meta/agents/me", key, scheme=scheme)
    assert agent["agent_id"] == key.agent_id


def test_missing_key_is_401_invalid_api_key(mock: Mock) -> None:
    error = mock.error("GET", "/meta/agents/me", 401, "INVALID_API_KEY")
    assert "register" in error["suggestion"]


def test_unknown_key_is_401_invalid_api_key(mock: Mock) -> None:
    mock.error("GET", "/meta/agents/me", 401, "INVALID_API_KEY", "ht_prov_not_a_key")
    mock.error("GET", "/meta/agents/me", 401, "INVALID_API_KEY", headers={"Authorization": "Basic abc"})


def test_a_key_is_never_echoed_in_an_error(mock: Mock) -> None:
    response = mock.call("GET", "/meta/agents/me", "ht_prov_secret_value_123")
    assert "secret_value" not in response.text


def test_provisional_key_expires_after_24_hours_of_mock_time(mock: Mock) -> None:
    key = mock.register()
    mock.advance(24 * 3600 - 1)
    mock.ok("GET", "/meta/agents/me", key)
    mock.advance(1)
    error = mock.error("GET", "/meta/agents/me", 401, "EXPIRED_API_KEY", key)
    assert "2026-03-02T12:00:00Z" in error["message"]


def test_missing_scope_is_403_insufficient_permissions(mock: Mock) -> None:
    key = mock.register()
    error = mock.error("GET", "/accounts", 403, "INSUFFICIENT_PERMISSIONS", key)
    assert error["details"] == {"required_scope": "read", "scopes": ["research"]}
    reader = mock.key("research", "read")
    account = reader.accounts["binance"]
    error = mock.error(
        "POST", "/orders", 403, "INSUFFICIENT_PERMISSIONS", reader, json={**ORDER, "account_id": account}
    )
    assert error["details"]["required_scope"] == "trade"


def test_live_trading_with_an_unclaimed_agent_is_account_required(mock: Mock) -> None:
    key = mock.register()
    mock.error("POST", "/orders", 403, "ACCOUNT_REQUIRED", key, json={**ORDER, "account_id": "acc_1"})
    mock.error("DELETE", "/orders/ord_1", 403, "ACCOUNT_REQUIRED", key)
    body = {"mode": "trade", "account_id": "acc_1"}
    mock.error("POST", "/live-strategies/ls_rsi_reversal_btc/subscribe", 403, "ACCOUNT_REQUIRED", key, json=body)


def test_trade_mode_subscription_needs_the_trade_scope(mock: Mock) -> None:
    reader = mock.key("research", "read")
    body = {"mode": "trade", "account_id": reader.accounts["binance"]}
    error = mock.error(
        "POST", "/live-strategies/ls_rsi_reversal_btc/subscribe", 403, "INSUFFICIENT_PERMISSIONS", reader, json=body
    )
    assert error["details"]["required_scope"] == "trade"
    # Signal mode needs research only.
    mock.ok("POST", "/live-strategies/ls_rsi_reversal_btc/subscribe", reader, json={"mode": "signal"})


def test_public_operations_need_no_key_and_ignore_a_bad_one(mock: Mock) -> None:
    mock.ok("GET", "/meta/markets")
    mock.ok("GET", "/meta/health", "not-a-key")
    mock.ok("GET", "/arena/leaderboard", headers={"X-API-Key": "nonsense"})


def test_optional_key_operations_work_without_a_key_and_use_a_valid_one(mock: Mock) -> None:
    anonymous = mock.ok("GET", "/arena/posts", params={"period": "all"})
    assert anonymous["posts"] and all("my_vote" not in post for post in anonymous["posts"])
    key = mock.register()
    keyed = mock.ok("GET", "/arena/posts", key, params={"period": "all"})
    assert all(post["my_vote"] is None for post in keyed["posts"])
    mock.error("GET", "/arena/posts", 401, "INVALID_API_KEY", "ht_prov_unknown")


def test_capabilities_follow_the_scopes(mock: Mock) -> None:
    research = mock.ok("GET", "/meta/capabilities", mock.register())
    full = mock.ok("GET", "/meta/capabilities", mock.key("research", "read", "trade"))
    paths = {(e["method"], e["path"]) for e in research["endpoints"]}
    assert ("POST", "/orders") not in paths
    assert ("GET", "/market/ticker") in paths
    assert ("POST", "/orders") in {(e["method"], e["path"]) for e in full["endpoints"]}


def test_the_response_check_catches_an_answer_outside_the_spec() -> None:
    request = httpx.Request("GET", "http://mock/api/v1/meta/health")
    with pytest.raises(AssertionError, match="does not match the spec"):
        check_response(httpx.Response(200, json={"success": True, "data": {"status": "fine"}}, request=request))
    with pytest.raises(AssertionError, match="does not document 403"):
        check_response(httpx.Response(403, json={}, request=request))
