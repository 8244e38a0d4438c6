"""The request view as the spec defines it, checked on the mock with requests built by hand.

The spec's ``info.description`` (Request rules): "When an operation acts on an existing account or
order and the request does not name the exchange, the server adds the account's (or order's)
``exchange`` to the view", and ``cancel_order`` repeats it for orders. The fuzzing runs meet these cases
only by chance; here each is one deterministic request.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from .harness import ALL_SCOPES, BASE_PATH, create_mock_app, mock_available

pytestmark = [
    pytest.mark.anyio,
    pytest.mark.skipif(not mock_available(), reason="the mock (mock/heytraders_mock) is not there yet"),
]


@pytest.fixture
async def api() -> AsyncIterator[tuple[httpx.AsyncClient, dict[str, Any]]]:
    transport = httpx.ASGITransport(app=create_mock_app())
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        key = await http.post("/_mock/keys", json={"scopes": list(ALL_SCOPES), "claimed": True})
        assert key.status_code == 200, key.text
        answer: dict[str, Any] = key.json()
        http.headers["Authorization"] = f"Bearer {answer['api_key']}"
        http.base_url = httpx.URL("http://testserver" + BASE_PATH + "/")
        yield http, answer


async def place_limit_order(http: httpx.AsyncClient, account: str, exchange: str) -> dict[str, Any]:
    body = {
        "account_id": account,
        "exchange": exchange,
        "symbol": "BTC/USDT",
        "side": "buy",
        "order_type": "limit",
        "amount": "0.001",
        "price": "1000",
    }
    response = await http.post("orders", json=body)
    assert response.status_code == 200, response.text
    order: dict[str, Any] = response.json()["data"]
    assert order["status"] in ("pending", "OPEN", "INIT"), order
    return order


def rule_of(response: httpx.Response) -> tuple[int, str | None]:
    details = (response.json().get("error") or {}).get("details") or {}
    return response.status_code, details.get("rule")


async def test_the_accounts_exchange_joins_the_view(api: tuple[httpx.AsyncClient, dict[str, Any]]) -> None:
    http, key = api
    lighter = key["account_ids"]["lighter"]
    # lighter-open-orders-need-symbol applies although the request never says "lighter".
    assert rule_of(await http.get(f"accounts/{lighter}/open-orders")) == (400, "lighter-open-orders-need-symbol")
    assert (await http.get(f"accounts/{lighter}/open-orders", params={"symbol": "BTC/USDT"})).status_code == 200


async def test_the_orders_exchange_joins_the_view(api: tuple[httpx.AsyncClient, dict[str, Any]]) -> None:
    http, key = api
    order = await place_limit_order(http, key["account_ids"]["lighter"], "lighter")
    # A Lighter order cancels only by its numeric exchange order id, even when the request omits "lighter".
    cancel = await http.delete(f"orders/{order['order_id']}")
    assert rule_of(cancel) == (400, "lighter-cancels-by-exchange-order-id")


async def test_an_api_order_cancels_with_account_and_symbol_but_no_exchange(
    api: tuple[httpx.AsyncClient, dict[str, Any]],
) -> None:
    http, key = api
    account = key["account_ids"]["binance"]
    order = await place_limit_order(http, account, "binance")
    # exchange-native-cancel-needs-all-three wants exchange, symbol and account_id together; the server
    # adds the order's exchange, so the view holds all three.
    cancel = await http.delete(f"orders/{order['order_id']}", params={"account_id": account, "symbol": "BTC/USDT"})
    assert cancel.status_code == 200, cancel.text
    assert cancel.json()["data"]["status"] in ("cancelled", "CANCELED", "CANCELLED")
