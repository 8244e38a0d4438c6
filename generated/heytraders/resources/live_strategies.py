# Generated from spec/heytraders.yaml by `make generate`. Do not edit: change the spec or the generator.
"""Live strategies, subscriptions in signal or trade mode, webhooks and signal history."""

from __future__ import annotations

from ..lib.live_strategies import AsyncLiveStrategiesHelpers, LiveStrategiesHelpers

__all__ = ["AsyncLiveStrategies", "LiveStrategies"]


class LiveStrategies(LiveStrategiesHelpers):
    """Live strategies, subscriptions in signal or trade mode, webhooks and signal history.

    Besides one method per operation, it has the hand-written helpers of ``heytraders.lib.live_strategies``."""


class AsyncLiveStrategies(AsyncLiveStrategiesHelpers):
    """Live strategies, subscriptions in signal or trade mode, webhooks and signal history.

    Besides one method per operation, it has the hand-written helpers of ``heytraders.lib.live_strategies``."""
