"""Order safety: after a placement that ended ambiguously, find out whether the order exists.

``place_order`` never retries once its request may have reached the server: it raises
``OrderStatusUnknownError`` instead, carrying what was sent, including a ``label`` (the client
adds a unique one when the caller gives none). These helpers look that label up, so nobody has
to guess, and nobody places the same order twice by retrying blindly::

    try:
        order = client.orders.place_order(...)
    except OrderStatusUnknownError as error:
        order = client.orders.resolve_unknown_order(error)
        if order is None:
            ...  # the server has no such order: placing it again is safe
"""

from __future__ import annotations

import asyncio
import time

from .. import models
from .._endpoints.orders import AsyncOrdersEndpoints, OrdersEndpoints
from .._exceptions import OrderStatusUnknownError
from .._types import NOT_GIVEN, NotGiven

__all__ = ["AsyncOrdersHelpers", "OrdersHelpers"]

# How many of the account's newest orders a lookup reads before giving up: an order whose
# placement just failed is among the newest, so a bounded scan suffices and stays cheap.
DEFAULT_SCAN = 500
# An order still in flight when the lookup runs may be recorded a moment later: look again.
DEFAULT_ATTEMPTS = 3
DEFAULT_INTERVAL = 1.0


class OrdersHelpers(OrdersEndpoints):
    def find_order(
        self,
        *,
        account_id: str,
        label: str,
        symbol: str | NotGiven = NOT_GIVEN,
        scan: int = DEFAULT_SCAN,
    ) -> models.Order | None:
        """Find the order carrying ``label`` among the account's newest orders.

        Args:
            account_id: The account the order was placed on.
            label: The order's label (yours, or the one the client attached).
            symbol: Narrows the search to one symbol.
            scan: How many of the newest orders to read at most.

        Returns:
            The order, or None when none of the newest ``scan`` orders carries the label.
        """
        for seen, order in enumerate(self.list_all_orders(account_id=account_id, symbol=symbol, limit=200)):
            if order.label == label:
                return order
            if seen + 1 >= scan:
                break
        return None

    def resolve_unknown_order(
        self,
        error: OrderStatusUnknownError,
        *,
        attempts: int = DEFAULT_ATTEMPTS,
        interval: float = DEFAULT_INTERVAL,
    ) -> models.Order | None:
        """Whether the order behind an ``OrderStatusUnknownError`` exists, looking a few times.

        Args:
            error: What ``place_order`` raised.
            attempts: Lookups before concluding it does not exist (the order may still be in flight).
            interval: Seconds between lookups.

        Returns:
            The order if the server has it; None if, after ``attempts`` lookups, it does not.
        """
        account_id, label, symbol = _lookup_keys(error)
        for attempt in range(attempts):
            order = self.find_order(account_id=account_id, label=label, symbol=symbol)
            if order is not None:
                return order
            if attempt + 1 < attempts:
                time.sleep(interval)
        return None


class AsyncOrdersHelpers(AsyncOrdersEndpoints):
    async def find_order(
        self,
        *,
        account_id: str,
        label: str,
        symbol: str | NotGiven = NOT_GIVEN,
        scan: int = DEFAULT_SCAN,
    ) -> models.Order | None:
        """Find the order carrying ``label`` among the account's newest orders (see ``OrdersHelpers``)."""
        seen = 0
        async for order in self.list_all_orders(account_id=account_id, symbol=symbol, limit=200):
            if order.label == label:
                return order
            seen += 1
            if seen >= scan:
                break
        return None

    async def resolve_unknown_order(
        self,
        error: OrderStatusUnknownError,
        *,
        attempts: int = DEFAULT_ATTEMPTS,
        interval: float = DEFAULT_INTERVAL,
    ) -> models.Order | None:
        """Whether the order behind an ``OrderStatusUnknownError`` exists (see ``OrdersHelpers``)."""
        account_id, label, symbol = _lookup_keys(error)
        for attempt in range(attempts):
            order = await self.find_order(account_id=account_id, label=label, symbol=symbol)
            if order is not None:
                return order
            if attempt + 1 < attempts:
                await asyncio.sleep(interval)
        return None


def _lookup_keys(error: OrderStatusUnknownError) -> tuple[str, str, str | NotGiven]:
    sent = error.sent
    if not sent.get("account_id") or not sent.get("label"):
        raise ValueError("the error does not carry the order's account_id and label; list the account's orders instead")
    symbol = sent.get("symbol")
    return str(sent["account_id"]), str(sent["label"]), NOT_GIVEN if symbol is None else str(symbol)
