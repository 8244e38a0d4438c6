"""Agent lifecycle: register, request a claim code, the user approves it, the agent is claimed."""

from __future__ import annotations

import re
from typing import Any

from heytraders_mock import MockConfig

from .conftest import Key, Mock


def approve(mock: Mock, code: str, **body: object) -> tuple[int, Any]:
    response = mock.http.post(f"/_mock/claims/{code}/approve", json=body)
    return response.status_code, response.json()


def test_register_issues_a_provisional_research_key(mock: Mock) -> None:
    data = mock.ok("POST", "/meta/register", json={"display_name": "RSI Bot", "risk_profile": "moderate"})
    assert re.fullmatch(r"ht_prov_[a-z0-9]{32}", data["api_key"])
    assert data["scopes"] == ["research"]
    assert data["key_id"].startswith("key_") and data["agent_id"].startswith("agt_")
    assert data["quota"]["backtests_per_hour"] == 10 and data["quota"]["backtests_per_day"] == 30
    assert data["expires_at"] == "2026-03-02T12:00:00Z"


def test_keys_come_from_the_seed() -> None:
    from heytraders_mock import create_app

    first = Mock(create_app(MockConfig(seed=7))).register()
    again = Mock(create_app(MockConfig(seed=7))).register()
    other = Mock(create_app(MockConfig(seed=8))).register()
    assert first.api_key == again.api_key != other.api_key


def test_full_lifecycle_register_claim_approve_agents_me(mock: Mock) -> None:
    key = mock.register()
    claim = mock.ok("POST", "/meta/request-claim", key, json={"display_name": "Claimed Bot"})
    assert re.fullmatch(r"[A-Z0-9]{6}", claim["claim_code"]) and claim["expires_in"] == 1800
    before = mock.ok("GET", "/meta/agents/me", key)
    assert before["status"] == "provisional" and before["claimed_at"] is None

    status, answer = approve(mock, claim["claim_code"], scopes=["research", "read", "trade"], user_id="usr_alice")
    assert status == 200 and answer["agent_id"] == key.agent_id

    agent = mock.ok("GET", "/meta/agents/me", key)
    assert agent["status"] == "claimed"
    assert agent["display_name"] == "Claimed Bot"
    assert agent["scopes"] == ["research", "read", "trade"]
    assert agent["claimed_at"] == "2026-03-01T12:00:00Z" and agent["expires_at"] is None
    accounts = mock.ok("GET", "/accounts", key)
    assert {a["exchange"] for a in accounts} >= {"binance", "upbit", "hyperliquid", "lighter", "polymarket"}
    # A claimed key no longer expires.
    mock.advance(3 * 24 * 3600)
    mock.ok("GET", "/meta/agents/me", key)


def test_claim_without_trade_grants_research_and_read(mock: Mock) -> None:
    key = mock.register()
    code = mock.ok("POST", "/meta/request-claim", key, json={"display_name": "Bot"})["claim_code"]
    assert approve(mock, code, scopes=["research"])[0] == 200
    assert mock.ok("GET", "/meta/agents/me", key)["scopes"] == ["research", "read"]


def test_unknown_expired_and_used_codes_are_invalid_claim_code(mock: Mock) -> None:
    status, body = approve(mock, "ZZZZZZ")
    assert status == 404 and body["error"]["code"] == "INVALID_CLAIM_CODE"
    key = mock.register()
    code = mock.ok("POST", "/meta/request-claim", key, json={"display_name": "Bot"})["claim_code"]
    mock.advance(30 * 60)
    status, body = approve(mock, code)
    assert status == 404 and body["error"]["code"] == "INVALID_CLAIM_CODE"
    fresh = mock.ok("POST", "/meta/request-claim", key, json={"display_name": "Bot"})["claim_code"]
    assert approve(mock, fresh)[0] == 200
    assert approve(mock, fresh)[0] == 404  # a code is used once


def test_a_user_may_claim_ten_agents(mock: Mock) -> None:
    keys: list[Key] = [mock.key("research", "read", user_id="usr_busy") for _ in range(10)]
    assert len({k.agent_id for k in keys}) == 10
    extra = mock.register()
    code = mock.ok("POST", "/meta/request-claim", extra, json={"display_name": "Eleventh"})["claim_code"]
    status, body = approve(mock, code, user_id="usr_busy")
    assert status == 403 and body["error"]["code"] == "AGENT_LIMIT_REACHED"
    assert approve(mock, code, user_id="usr_other")[0] == 200


def test_an_agent_claimed_by_one_user_cannot_be_claimed_by_another(mock: Mock) -> None:
    key = mock.register()
    first = mock.ok("POST", "/meta/request-claim", key, json={"display_name": "Bot"})["claim_code"]
    assert approve(mock, first, user_id="usr_a")[0] == 200
    second = mock.ok("POST", "/meta/request-claim", key, json={"display_name": "Bot"})["claim_code"]
    status, body = approve(mock, second, user_id="usr_b")
    assert status == 403 and body["error"]["code"] == "KEY_OWNED_BY_OTHER_USER"


def test_unknown_scopes_are_invalid_permissions(mock: Mock) -> None:
    key = mock.register()
    code = mock.ok("POST", "/meta/request-claim", key, json={"display_name": "Bot"})["claim_code"]
    status, body = approve(mock, code, scopes=["admin"])
    assert status == 400 and body["error"]["code"] == "INVALID_PERMISSIONS"


def test_reset_gives_fresh_state_from_the_same_seed(mock: Mock) -> None:
    first = mock.register()
    mock.advance(100)
    assert mock.http.post("/_mock/reset").status_code == 200
    assert mock.http.get("/_mock/clock").json()["now"] == "2026-03-01T12:00:00Z"
    mock.error("GET", "/meta/agents/me", 401, "INVALID_API_KEY", first)
    assert mock.register().api_key == first.api_key
