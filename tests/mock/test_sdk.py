"""The generated SDK against the mock: register → claim → place an order → cancel it, sync and async."""

from __future__ import annotations

from decimal import Decimal

import httpx
import pytest
from heytraders import AsyncHeyTraders, HeyTraders
from heytraders.errors import AccountRequiredError, OrderNotFoundError, ValidationError
from heytraders_mock import MockConfig, create_app

from .conftest import SyncASGITransport

BASE_URL = "http://mock/api/v1"


@pytest.mark.anyio
async def test_register_claim_trade_and_cancel_with_the_async_client() -> None:
    app = create_app(MockConfig())
    transport = httpx.ASGITransport(app)
    async with AsyncHeyTraders(base_url=BASE_URL, transport=transport, max_retries=0) as anonymous:
        registration = await anonymous.meta.register_agent(display_name="SDK Bot")
    key = registration.api_key.get_secret_value()  # the SDK keeps the key out of reprs
    assert key.startswith("ht_prov_")

    async with AsyncHeyTraders(api_key=key, base_url=BASE_URL, transport=transport) as client:
        claim = await client.meta.request_claim(display_name="SDK Bot")
        async with httpx.AsyncClient(transport=transport, base_url="http://mock") as dashboard:
            approved = await dashboard.post(
                f"/_mock/claims/{claim.claim_code}/approve", json={"scopes": ["research", "read", "trade"]}
            )
        assert approved.status_code == 200
        agent = await client.meta.get_my_agent()
        assert agent.status == "claimed" and "trade" in agent.scopes

        [account] = [a for a in await client.accounts.list_accounts() if a.exchange == "binance"]
        order = await client.orders.place_order(
            account_id=account.account_id,
            exchange="binance",
            symbol="BTC/USDT",
            side="buy",
            order_type="limit",
            amount=Decimal("0.001"),
            price="50000",
            label="sdk-dip-buy",
        )
        assert order.status == "pending" and order.price == Decimal("50000")
        cancelled = await client.orders.cancel_order(order_id=order.order_id)
        assert cancelled.status == "cancelled"
        with pytest.raises(ValidationError) as caught:
            await client.orders.cancel_order(order_id=order.order_id)
        assert caught.value.code == "VALIDATION_ERROR" and "order_id" in caught.value.message
        with pytest.raises(OrderNotFoundError):
            await client.orders.get_order(order_id="ord_missing")


def test_register_claim_trade_and_cancel_with_the_sync_client() -> None:
    app = create_app(MockConfig())
    http = httpx.Client(transport=SyncASGITransport(app))
    with HeyTraders(base_url=BASE_URL, http_client=http, max_retries=0) as anonymous:
        key = anonymous.meta.register_agent(display_name="Sync Bot").api_key.get_secret_value()
    with HeyTraders(api_key=key, base_url=BASE_URL, http_client=http, auth_style="x-api-key", max_retries=0) as client:
        with pytest.raises(AccountRequiredError):
            client.orders.place_order(
                account_id="acc_none", exchange="binance", symbol="BTC/USDT", side="buy", amount="0.001"
            )
        code = client.meta.request_claim(display_name="Sync Bot").claim_code
        assert http.post(f"http://mock/_mock/claims/{code}/approve", json={"scopes": ["trade"]}).status_code == 200
        account = next(a for a in client.accounts.list_accounts() if a.exchange == "binance")
        filled = client.orders.place_order(
            account_id=account.account_id, exchange="binance", symbol="BTC/USDT", side="buy", amount="0.001"
        )
        assert filled.status == "filled" and filled.average_price is not None
        assert [o.order_id for o in client.orders.list_all_orders(account_id=account.account_id)] == [filled.order_id]
