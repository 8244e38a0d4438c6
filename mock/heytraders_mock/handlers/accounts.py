"""accounts: the paper accounts of the claimed agent's user, with balances, positions and open orders.

An account of another user, or an unknown ID, is ``NOT_FOUND``. The account's exchange joined the
request view before the request rules were checked (``context.request_view``).
"""

from __future__ import annotations

from typing import Any

from ..context import Context, handles
from ..errors import not_found
from ..store import Account
from ..trading import balances


def own_account(ctx: Context, account_id: str) -> Account:
    account = ctx.store.account_of(ctx.caller(), account_id)
    if account is None:
        raise not_found("NOT_FOUND", "Account", account_id, "List the linked accounts with GET /accounts.")
    return account


@handles("list_accounts")
def list_accounts(ctx: Context) -> list[dict[str, Any]]:
    return [account.view() for account in ctx.store.accounts_of(ctx.caller())]


@handles("get_account")
def get_account(ctx: Context) -> dict[str, Any]:
    return own_account(ctx, ctx.view["account_id"]).view()


@handles("get_account_balances")
def get_account_balances(ctx: Context) -> dict[str, Any]:
    account = own_account(ctx, ctx.view["account_id"])
    return balances(ctx.store, ctx.market, account, ctx.now, ctx.view.get("symbol"))


@handles("list_open_orders")
def list_open_orders(ctx: Context) -> list[dict[str, Any]]:
    account = own_account(ctx, ctx.view["account_id"])
    symbol = ctx.view.get("symbol")
    market = ctx.market.find(account.exchange, symbol) if symbol is not None else None
    wanted = market.symbol if market is not None else symbol
    orders = [
        order
        for order in ctx.store.working_orders(account.account_id).values()
        if wanted is None or order.symbol == wanted
    ]
    return [order.view() for order in reversed(orders)]
