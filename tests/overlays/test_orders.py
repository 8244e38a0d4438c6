"""After an ambiguous order placement, the client finds out whether the order exists instead of guessing."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
from heytraders import AsyncHeyTraders, HeyTraders, OrderStatusUnknownError

BASE_URL = "https://api.test/api/v1"
ORDER_ARGS: dict[str, Any] = {
    "account_id": "acc_7f3a9c21",
    "exchange": "binance",
    "symbol": "BTC/USDT",
    "side": "buy",
    "order_type": "limit",
    "amount": "0.001",
    "price": "92000",
}


def order(label: str, order_id: str = "ord_1") -> dict[str, Any]:
    return {**ORDER_ARGS, "order_id": order_id, "status": "pending", "label": label}


def page(orders: list[dict[str, Any]]) -> dict[str, Any]:
    data = {"orders": orders, "total": len(orders), "limit": 200, "offset": 0}
    return {"success": True, "data": data, "error": None, "meta": {"timestamp": "2026-02-10T14:19:53Z"}}


class Exchange:
    """Placement fails with a 502 after reaching the server; the order may or may not have been recorded."""

    def __init__(self, recorded: bool) -> None:
        self.recorded = recorded
        self.label: str | None = None
        self.listings = 0

    def __call__(self, request: httpx.Request) -> httpx.Response:
        if request.method == "POST":
            self.label = json.loads(request.content)["label"]
            return httpx.Response(502, text="Bad Gateway")
        self.listings += 1
        mine = [order(self.label or "", "ord_mine")] if self.recorded else []
        return httpx.Response(200, json=page([order("someone-else", "ord_other"), *mine]))


def test_an_unlabelled_order_gets_a_unique_label_that_the_error_carries() -> None:
    exchange = Exchange(recorded=False)
    client = HeyTraders(api_key="ht_k", base_url=BASE_URL, transport=httpx.MockTransport(exchange))
    with pytest.raises(OrderStatusUnknownError) as caught:
        client.orders.place_order(**ORDER_ARGS)
    assert exchange.label is not None and exchange.label.startswith("ht-")
    assert caught.value.sent["label"] == exchange.label


def test_the_callers_own_label_is_kept() -> None:
    exchange = Exchange(recorded=False)
    client = HeyTraders(api_key="ht_k", base_url=BASE_URL, transport=httpx.MockTransport(exchange))
    with pytest.raises(OrderStatusUnknownError):
        client.orders.place_order(**ORDER_ARGS, label="dip-buy-1")
    assert exchange.label == "dip-buy-1"


def test_an_order_that_reached_the_server_is_found() -> None:
    exchange = Exchange(recorded=True)
    client = HeyTraders(api_key="ht_k", base_url=BASE_URL, transport=httpx.MockTransport(exchange))
    with pytest.raises(OrderStatusUnknownError) as caught:
        client.orders.place_order(**ORDER_ARGS)
    found = client.orders.resolve_unknown_order(caught.value, interval=0)
    assert found is not None
    assert found.order_id == "ord_mine"
    assert exchange.listings == 1


def test_an_order_that_never_arrived_is_reported_absent_after_looking_again(monkeypatch: pytest.MonkeyPatch) -> None:
    waits: list[float] = []
    monkeypatch.setattr("heytraders.lib.orders.time.sleep", waits.append)
    exchange = Exchange(recorded=False)
    client = HeyTraders(api_key="ht_k", base_url=BASE_URL, transport=httpx.MockTransport(exchange))
    with pytest.raises(OrderStatusUnknownError) as caught:
        client.orders.place_order(**ORDER_ARGS)
    assert client.orders.resolve_unknown_order(caught.value, attempts=3, interval=0.5) is None
    assert exchange.listings == 3
    assert waits == [0.5, 0.5]


@pytest.mark.anyio
async def test_async_lookup_finds_the_order() -> None:
    exchange = Exchange(recorded=True)
    async with AsyncHeyTraders(api_key="ht_k", base_url=BASE_URL, transport=httpx.MockTransport(exchange)) as client:
        with pytest.raises(OrderStatusUnknownError) as caught:
            await client.orders.place_order(**ORDER_ARGS)
        found = await client.orders.resolve_unknown_order(caught.value, interval=0)
    assert found is not None and found.label == exchange.label
