# Generated from spec/heytraders.yaml by `make generate`. Do not edit: change the spec or the generator.
"""Place, list, read and cancel live orders on linked accounts."""

from __future__ import annotations

from ..lib.orders import AsyncOrdersHelpers, OrdersHelpers

__all__ = ["AsyncOrders", "Orders"]


class Orders(OrdersHelpers):
    """Place, list, read and cancel live orders on linked accounts.

    Besides one method per operation, it has the hand-written helpers of ``heytraders.lib.orders``."""


class AsyncOrders(AsyncOrdersHelpers):
    """Place, list, read and cancel live orders on linked accounts.

    Besides one method per operation, it has the hand-written helpers of ``heytraders.lib.orders``."""
