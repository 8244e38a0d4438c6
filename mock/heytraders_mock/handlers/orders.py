"""orders: place, list, read and cancel paper orders (the fill rules are in ``trading.py``).

Choices: ``exchange`` must be the account's own (``VALIDATION_ERROR`` otherwise); a symbol the
exchange does not list is ``DATA_UNAVAILABLE``; an order is found by its ``order_id`` or its
``exchange_order_id``, among the orders on the caller's user's accounts (``ORDER_NOT_FOUND``
otherwise); cancelling an order that is no longer working is ``VALIDATION_ERROR``.
"""

from __future__ import annotations

from typing import Any

from ..context import Context, handles
from ..errors import not_found
from ..store import Order
from ..trading import cancel, place
from ..validation import invalid
from .accounts import own_account

ORDER_HINT = "List orders with GET /orders to find the right id."


@handles("list_orders")
def list_orders(ctx: Context) -> dict[str, Any]:
    accounts = {account.account_id for account in ctx.store.accounts_of(ctx.caller())}
    wanted: dict[str, Any] = {
        name: ctx.view[name] for name in ("account_id", "symbol", "status", "exchange") if name in ctx.view
    }
    orders = [
        order
        for order in reversed(ctx.store.orders.values())
        if order.account_id in accounts and _matches(ctx, order, wanted)
    ]
    limit, offset = int(ctx.arg("limit")), int(ctx.arg("offset"))
    return {
        "orders": [order.view() for order in orders[offset : offset + limit]],
        "total": len(orders),
        "limit": limit,
        "offset": offset,
    }


def _matches(ctx: Context, order: Order, wanted: dict[str, Any]) -> bool:
    for name, value in wanted.items():
        if name == "symbol":
            market = ctx.market.find(order.exchange, value)
            if order.symbol != (market.symbol if market is not None else value):
                return False
        elif getattr(order, name) != value:
            return False
    return True


@handles("place_order")
def place_order(ctx: Context) -> dict[str, Any]:
    account = own_account(ctx, ctx.view["account_id"])
    exchange = ctx.view["exchange"]
    if exchange != account.exchange:
        raise invalid(
            "exchange",
            "account-exchange",
            f"does not match the account's exchange ({account.exchange})",
            f"Send exchange={account.exchange} for account {account.account_id}, or use an account on {exchange}.",
            exchange,
        )
    market = ctx.find_market(exchange, ctx.view["symbol"])
    market_type = ctx.view.get("market_type", market.market_type)
    if market_type != market.market_type:
        raise invalid(
            "market_type",
            "market-type-of-symbol",
            f"{market.symbol} is a {market.market_type} market",
            f"Leave market_type out or send {market.market_type}.",
            market_type,
        )
    return place(ctx.store, ctx.market, account, market, ctx.view, ctx.now).view()


def find_order(ctx: Context, order_id: str) -> Order:
    order = ctx.store.order_of(ctx.caller(), order_id)
    if order is None:
        raise not_found("ORDER_NOT_FOUND", "Order", order_id, ORDER_HINT)
    return order


@handles("get_order")
def get_order(ctx: Context) -> dict[str, Any]:
    return find_order(ctx, ctx.view["order_id"]).view()


@handles("cancel_order")
def cancel_order(ctx: Context) -> dict[str, Any]:
    order_id = ctx.view["order_id"]
    order = find_order(ctx, order_id)
    for name in ("exchange", "account_id"):  # an exchange-native cancel must name the order's own account
        if name in ctx.view and ctx.view[name] != getattr(order, name):
            raise not_found("ORDER_NOT_FOUND", "Order", order_id, ORDER_HINT)
    if not order.working:
        raise invalid(
            "order_id",
            "order-is-working",
            f"order {order.order_id} is {order.status}; only working (pending, partially filled) ones can be cancelled",
            "Check the order's status with GET /orders/{order_id} first.",
            order_id,
        )
    cancel(ctx.store, order, ctx.now)
    return order.view()
