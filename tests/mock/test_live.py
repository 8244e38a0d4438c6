"""Live strategies: subscriptions, signals on the mock clock, pause and resume, webhooks, trade mode."""

from __future__ import annotations

import hashlib
import hmac
import json

from heytraders_mock.clock import START

from .conftest import Key, Mock
from .test_strategies import signal_times

RSI = "ls_rsi_reversal_btc"  # a seeded strategy: RSI(14) reversals on BTC/USDT 1h (binance), long entries
HOUR = 3600
DUE = [(moment - START).total_seconds() for moment in signal_times(RSI, 3)]  # its first signals (seed 0)
SECRET = "whsec_5f2b9c7e1a3d4f60"


def subscribe(mock: Mock, key: Key, strategy: str = RSI, **body: object) -> dict[str, object]:
    subscription = mock.ok("POST", f"/live-strategies/{strategy}/subscribe", key, json=body)
    assert subscription["status"] == "active"
    return dict(subscription)


def test_list_strategies_counts_subscribers(mock: Mock) -> None:
    key = mock.key()
    before = {s["strategy_id"]: s for s in mock.ok("GET", "/live-strategies", key)}
    assert RSI in before and before["ls_grid_eth_upbit"]["status"] == "paused"
    subscribe(mock, key)
    after = {s["strategy_id"]: s for s in mock.ok("GET", "/live-strategies", key)}
    assert after[RSI]["subscriber_count"] == before[RSI]["subscriber_count"] + 1


def test_signals_arrive_on_the_clock_and_latest_returns_only_newer(mock: Mock) -> None:
    key = mock.key()
    sub = subscribe(mock, key)
    path = f"/live-strategies/subscriptions/{sub['subscription_id']}/signals"
    assert mock.ok("GET", path + "/latest", key) == []
    mock.advance(DUE[0] - 1)
    assert mock.ok("GET", path + "/latest", key) == []
    mock.advance(DUE[2] - DUE[0] + 1)
    latest = mock.ok("GET", path + "/latest", key)
    assert len(latest) == 3
    assert [s["generated_at"] for s in latest] == sorted(s["generated_at"] for s in latest)
    # One position at a time: an entry, its close, the next entry.
    assert [(s["side"], s["weight"]) for s in latest] == [("long", 0.5), ("close", None), ("long", 0.5)]
    assert mock.ok("GET", path + "/latest", key, params={"since": latest[-1]["generated_at"]}) == []
    newer = mock.ok("GET", path + "/latest", key, params={"since": latest[0]["generated_at"]})
    assert newer == latest[1:]
    history = mock.ok("GET", path, key)
    assert history == latest[::-1]  # newest first
    assert mock.ok("GET", path, key, params={"side": "close"}) == [latest[1]]
    assert mock.ok("GET", path + "/latest", key, params={"limit": 1}) == latest[-1:]


def test_paused_subscriptions_skip_signals_and_resume_from_now(mock: Mock) -> None:
    key = mock.key()
    sub = subscribe(mock, key)
    sid = sub["subscription_id"]
    paused = mock.ok("POST", f"/live-strategies/{RSI}/pause/{sid}", key)
    assert paused["status"] == "paused"
    assert mock.ok("POST", f"/live-strategies/{RSI}/pause/{sid}", key)["status"] == "paused"
    mock.advance(DUE[0] + HOUR)  # past the first signal
    assert mock.ok("POST", f"/live-strategies/{RSI}/resume/{sid}", key)["status"] == "active"
    assert mock.ok("GET", f"/live-strategies/subscriptions/{sid}/signals", key) == []
    mock.advance(DUE[1] - DUE[0] - HOUR)  # to the second
    assert len(mock.ok("GET", f"/live-strategies/subscriptions/{sid}/signals", key)) == 1


def test_unsubscribe_is_final(mock: Mock) -> None:
    key = mock.key()
    sid = subscribe(mock, key)["subscription_id"]
    assert mock.ok("POST", f"/live-strategies/subscriptions/{sid}/unsubscribe", key)["status"] == "cancelled"
    assert mock.ok("POST", f"/live-strategies/subscriptions/{sid}/unsubscribe", key)["status"] == "cancelled"
    error = mock.error("POST", f"/live-strategies/{RSI}/resume/{sid}", 400, "VALIDATION_ERROR", key)
    assert error["details"]["parameter"] == "subscription_id"
    listed = mock.ok("GET", "/live-strategies/subscriptions", key)
    assert [s["status"] for s in listed] == ["cancelled"]


def test_not_found_codes(mock: Mock) -> None:
    key, stranger = mock.key(), mock.key()
    sid = subscribe(mock, key)["subscription_id"]
    mock.error("POST", "/live-strategies/ls_nothing/subscribe", 404, "STRATEGY_NOT_FOUND", key, json={})
    mock.error("GET", "/live-strategies/subscriptions/sub_nothing", 404, "SUBSCRIPTION_NOT_FOUND", key)
    mock.error("GET", f"/live-strategies/subscriptions/{sid}", 404, "SUBSCRIPTION_NOT_FOUND", stranger)
    mock.error("POST", f"/live-strategies/ls_nothing/pause/{sid}", 404, "STRATEGY_NOT_FOUND", key)
    # The subscription must belong to the strategy named in the path.
    mock.error("POST", f"/live-strategies/ls_trend_follow_eth/pause/{sid}", 404, "SUBSCRIPTION_NOT_FOUND", key)


def test_subscribe_without_a_body_is_a_signal_subscription(mock: Mock) -> None:
    key = mock.key()
    sub = mock.ok("POST", f"/live-strategies/{RSI}/subscribe", key)
    assert sub["mode"] == "signal" and sub["account_id"] is None and sub["webhook"] is None


def test_webhooks_never_return_the_secret_and_deliveries_are_signed(mock: Mock) -> None:
    key = mock.key()
    webhook = {"url": "https://bot.example.com/hooks", "secret": SECRET, "events": ["signal"]}
    sub = subscribe(mock, key, webhook=webhook)
    assert sub["webhook"] == {"url": webhook["url"], "events": ["signal"], "has_secret": True}
    sid = sub["subscription_id"]
    response = mock.call("GET", f"/live-strategies/subscriptions/{sid}", key)
    assert SECRET not in response.text
    mock.advance(DUE[0])
    [delivery] = mock.http.get("/_mock/webhooks").json()["deliveries"]
    assert SECRET not in json.dumps(delivery)
    body, headers = delivery["body"], delivery["headers"]
    # Signed as it would be sent: HMAC-SHA256 of "<timestamp>." + body. A name that is not loopback is never
    # dialled: the delivery is refused, and says why.
    signed = f"{headers['X-HeyTraders-Timestamp']}.{body}".encode()
    expected = hmac.new(SECRET.encode(), signed, hashlib.sha256).hexdigest()
    assert headers["X-HeyTraders-Signature"] == f"sha256={expected}"
    assert headers["X-HeyTraders-Event"] == "signal" and headers["X-HeyTraders-Delivery"].startswith("dlv_")
    assert delivery["state"] == "refused" and delivery["attempts"] == [] and "loopback" in delivery["error"]
    assert json.loads(body)["signal"]["subscription_id"] == sid

    replaced = mock.ok("PUT", f"/live-strategies/subscriptions/{sid}/webhook", key, json={"url": "https://x.example/h"})
    assert replaced["webhook"] == {
        "url": "https://x.example/h",
        "events": ["signal", "error", "strategy_stopped"],
        "has_secret": False,
    }
    assert mock.ok("DELETE", f"/live-strategies/subscriptions/{sid}/webhook", key)["webhook"] is None
    assert mock.ok("DELETE", f"/live-strategies/subscriptions/{sid}/webhook", key)["webhook"] is None
    short = {"url": "https://x.example/h", "secret": "short"}
    error = mock.error("PUT", f"/live-strategies/subscriptions/{sid}/webhook", 400, "VALIDATION_ERROR", key, json=short)
    assert error["details"]["parameter"] == "secret" and "short" not in json.dumps(error)


def test_a_webhook_test_to_a_url_the_sandbox_will_not_dial_is_not_delivered(mock: Mock) -> None:
    key = mock.key()
    result = mock.ok(
        "POST", "/live-strategies/webhooks/test", key, json={"url": "https://bot.example.com/h", "event": "error"}
    )
    assert result["delivered"] is False and result["status_code"] is None and result["response_time_ms"] is None
    assert "loopback" in result["error"] and "bot.example.com" in result["error"]
    [delivery] = mock.http.get("/_mock/webhooks").json()["deliveries"]
    assert json.loads(delivery["body"])["event"] == "error"
    assert delivery["test"] is True and delivery["state"] == "refused"


def test_trade_mode_places_orders_on_the_account(mock: Mock) -> None:
    key = mock.key()
    mock.error(
        "POST",
        f"/live-strategies/{RSI}/subscribe",
        400,
        "VALIDATION_ERROR",
        key,
        json={"mode": "trade", "account_id": key.accounts["upbit"]},
    )
    sub = subscribe(mock, key, mode="trade", account_id=key.accounts["binance"])
    assert sub["account_id"] == key.accounts["binance"]
    mock.advance(DUE[1])
    orders = mock.ok("GET", "/orders", key)["orders"]
    assert [o["side"] for o in orders] == ["sell", "buy"]  # newest first: the entry, then its close
    assert all(o["status"] == "filled" and o["label"].startswith(str(sub["subscription_id"])) for o in orders)


def test_trade_mode_closes_the_position_of_the_symbol_each_close_names(mock: Mock) -> None:
    fade = "ls_funding_fade_hl"  # shorts BTC and ETH perpetuals: their positions overlap
    key = mock.key()
    sub = subscribe(mock, key, fade, mode="trade", account_id=key.accounts["hyperliquid"])
    mock.advance(33 * 24 * HOUR)
    signals = mock.ok("GET", f"/live-strategies/subscriptions/{sub['subscription_id']}/signals", key)[::-1]
    orders = {o["label"].split(":", 1)[1]: o for o in mock.ok("GET", "/orders", key)["orders"]}
    symbols = {s["symbol"] for s in signals}
    assert len(symbols) == 2
    held: set[str] = set()
    overlaps = 0  # shorts opened while the other symbol's short is open
    for signal in signals:
        if signal["side"] == "short":
            overlaps += bool(held)
            held.add(signal["symbol"])
        else:
            held.discard(signal["symbol"])
    assert overlaps
    for symbol in symbols:
        mine = [s for s in signals if s["symbol"] == symbol]
        assert [s["side"] for s in mine] == ["short", "close"] * (len(mine) // 2) + ["short"] * (len(mine) % 2)
        placed = [orders[s["signal_id"]] for s in mine]
        assert [o["side"] for o in placed] == [("sell" if s["side"] == "short" else "buy") for s in mine]
        assert all(o["status"] == "filled" and o["symbol"] == symbol for o in placed)
