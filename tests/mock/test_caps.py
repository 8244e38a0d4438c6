"""The sandbox's memory caps hold: order history, open orders, backtests, kept results, rate-limit windows and
webhook lanes are bounded, and what happens at each cap is what the README and the modules say."""

from __future__ import annotations

import socket
from typing import Any

import anyio
import pytest
from heytraders_mock import MockConfig, store, webhooks
from heytraders_mock.webhooks import Deliverer, Outbox

from .conftest import Key, Mock

ORDERS_KEPT = 5
OPEN_ORDERS = 2
BACKTESTS_KEPT = 3
BACKTEST: dict[str, Any] = {
    "script": 'oversold = rsi(close, 14) < 30\nemit_signal(oversold, entry("BINANCE:BTC/USDT", "LONG", Weight(0.5)))',
    "universe": ["BINANCE:BTC/USDT"],
    "start_date": "2025-01-01",
    "end_date": "2025-01-31",
}


@pytest.fixture
def config() -> MockConfig:
    return MockConfig(
        seed=0,
        orders_per_account=ORDERS_KEPT,
        open_orders_per_account=OPEN_ORDERS,
        backtests_per_key=BACKTESTS_KEPT,
    )


def _order(mock: Mock, key: Key, **fields: Any) -> dict[str, Any]:
    body = {
        "account_id": key.accounts["binance"],
        "exchange": "binance",
        "symbol": "BTC/USDT",
        "side": "buy",
        "order_type": "market",
        "amount": "0.0001",
        **fields,
    }
    order: dict[str, Any] = mock.ok("POST", "/orders", key, json=body)
    return order


def _resting(mock: Mock, key: Key, label: str) -> dict[str, Any]:
    """A limit buy far below the market: it rests, holding its funds."""
    return _order(mock, key, order_type="limit", price="1000", label=label)


def test_an_account_keeps_its_newest_orders_and_every_working_one(mock: Mock) -> None:
    key = mock.key()
    resting = [_resting(mock, key, f"rest-{n}") for n in range(OPEN_ORDERS)]
    filled = [_order(mock, key, label=f"fill-{n}") for n in range(ORDERS_KEPT + 2)]
    assert {order["status"] for order in resting} == {"pending"} and {o["status"] for o in filled} == {"filled"}

    listed = mock.ok("GET", "/orders", key, params={"limit": 100})
    assert listed["total"] == ORDERS_KEPT
    kept = {order["label"] for order in listed["orders"]}
    # The working orders stay however old; the oldest finished ones made room for the newest.
    assert kept == {"rest-0", "rest-1", *(f"fill-{n}" for n in range(4, ORDERS_KEPT + 2))}
    for forgotten in filled[:4]:
        mock.error("GET", f"/orders/{forgotten['order_id']}", 404, "ORDER_NOT_FOUND", key)
    assert mock.ok("GET", f"/orders/{resting[0]['order_id']}", key)["status"] == "pending"
    sandbox_store = mock.app.state.sandbox.store  # type: ignore[attr-defined]
    assert len(sandbox_store.orders) == ORDERS_KEPT


def test_one_order_past_the_open_orders_cap_is_rejected_until_one_finishes(mock: Mock) -> None:
    key = mock.key()
    first, _ = (_resting(mock, key, f"rest-{n}") for n in range(OPEN_ORDERS))
    refused = _resting(mock, key, "one-too-many")
    assert refused["status"] == "rejected"
    balances = mock.ok("GET", f"/accounts/{key.accounts['binance']}/balances", key)
    assert len(balances["open_orders"]) == OPEN_ORDERS  # the rejected one holds no funds and is not open

    mock.ok("DELETE", f"/orders/{first['order_id']}", key)
    assert _resting(mock, key, "room-again")["status"] == "pending"


@pytest.mark.parametrize(
    ("field", "value"),
    [("amount", "1" + "0" * 12), ("amount", "9" * 5000), ("price", "1" + "0" * 9), ("price", "1" + "0" * 40)],
)
def test_an_order_beyond_the_paper_exchanges_maximums_is_rejected_and_the_sandbox_keeps_serving(
    mock: Mock, field: str, value: str
) -> None:
    key = mock.key()
    fields = {"order_type": "limit", "price": "1000"} if field == "amount" else {"order_type": "limit"}
    assert _order(mock, key, **{**fields, field: value})["status"] == "rejected"
    assert _order(mock, key, amount="1" + "0" * 12)["status"] == "rejected"  # a market order too
    mock.advance(3600)  # the market is watched again: nothing there may fail
    assert _order(mock, key)["status"] == "filled"
    mock.ok("GET", f"/accounts/{key.accounts['binance']}/balances", key)


def _start(mock: Mock, key: Key) -> str:
    return str(mock.ok("POST", "/backtest/execute", key, json=BACKTEST)["backtest_id"])


def test_a_key_keeps_its_newest_backtests_and_refuses_more_while_all_are_running(mock: Mock) -> None:
    key, other = mock.key(), mock.key()
    started = [_start(mock, key) for _ in range(BACKTESTS_KEPT)]
    refused = mock.error("POST", "/backtest/execute", 429, "QUOTA_EXCEEDED", key, json=BACKTEST)
    assert refused["details"]["limit"] == BACKTESTS_KEPT
    response = mock.call("POST", "/backtest/execute", key, json=BACKTEST)
    assert response.status_code == 429 and int(response.headers["retry-after"]) == 10  # queued 2 s + running 8 s
    _start(mock, other)  # another key has its own room

    mock.advance(10)
    oldest = mock.ok("GET", f"/backtest/status/{started[0]}", key)
    assert oldest["status"] == "completed", oldest["message"]
    newest = _start(mock, key)  # the oldest finished job makes room
    mock.error("GET", f"/backtest/status/{started[0]}", 404, "BACKTEST_NOT_FOUND", key)
    mock.error("GET", f"/backtest/results/{oldest['result_id']}", 404, "BACKTEST_NOT_FOUND", key)
    for kept in [*started[1:], newest]:
        mock.ok("GET", f"/backtest/status/{kept}", key)
    sandbox_store = mock.app.state.sandbox.store  # type: ignore[attr-defined]
    assert sum(backtest.key_id == key.key_id for backtest in sandbox_store.backtests.values()) == BACKTESTS_KEPT


def test_results_past_the_kept_ones_are_simulated_again_with_the_same_figures(
    mock: Mock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store, "RESULTS_KEPT", 1)
    key = mock.key()
    first, second = _start(mock, key), _start(mock, key)
    mock.advance(10)
    result_ids = [mock.ok("GET", f"/backtest/status/{job}", key)["result_id"] for job in (first, second)]
    metrics = mock.ok("GET", f"/backtest/results/{result_ids[0]}/metrics", key)
    mock.ok("GET", f"/backtest/results/{result_ids[1]}/metrics", key)
    sandbox_store = mock.app.state.sandbox.store  # type: ignore[attr-defined]
    assert list(sandbox_store.results) == [result_ids[1]]
    assert mock.ok("GET", f"/backtest/results/{result_ids[0]}/metrics", key) == metrics


def test_rate_limit_windows_of_idle_keys_are_forgotten(mock: Mock) -> None:
    keys = [mock.key() for _ in range(5)]
    for key in keys:
        mock.ok("GET", "/meta/indicators", key)
    sandbox_store = mock.app.state.sandbox.store  # type: ignore[attr-defined]
    assert len(sandbox_store.rate) == len(keys)
    mock.advance(61)
    mock.ok("GET", "/meta/indicators", keys[0])
    assert len(sandbox_store.rate) == 1


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


@pytest.mark.anyio
async def test_a_lane_to_a_receiver_that_never_answers_holds_at_most_the_outbox_size(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(webhooks, "OUTBOX_SIZE", 3)
    deliverer = Deliverer(retry_delays=(30.0,), timeout=1.0)  # the first delivery waits 30 s before its retry
    outbox = Outbox(seed=0)
    outbox.dispatch = deliverer.submit
    await deliverer.start()
    try:
        url = f"http://127.0.0.1:{_closed_port()}/hook"
        sent = [outbox.add(url, "signal", {"n": 0}, None, subscription_id="sub_1")]
        for _ in range(100):  # until its first attempt has failed: it then waits 30 s for its retry
            if sent[0].attempts and sent[0].attempts[0].error:
                break
            await anyio.sleep(0.01)
        sent += [outbox.add(url, "signal", {"n": n}, None, subscription_id="sub_1") for n in range(1, 6)]
        waiting = deliverer._lanes[url]
        assert len(waiting) == 3  # the fourth to sixth; the first is being sent
        given_up = [delivery for delivery in sent if delivery.state == "failed"]
        assert given_up == sent[1:3]
        assert all("waiting behind it" in (delivery.error or "") for delivery in given_up)
        assert len(outbox.deliveries) == 3
    finally:
        await deliverer.stop(grace=0)
