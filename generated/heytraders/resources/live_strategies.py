# Generated from spec/heytraders.yaml by `make generate`. Do not edit: change the spec or the generator.
"""Live strategies, subscriptions in signal or trade mode, webhooks and signal history."""

from __future__ import annotations

from .._endpoints.live_strategies import AsyncLiveStrategiesEndpoints, LiveStrategiesEndpoints

__all__ = ["AsyncLiveStrategies", "LiveStrategies"]


class LiveStrategies(LiveStrategiesEndpoints):
    """Live strategies, subscriptions in signal or trade mode, webhooks and signal history."""


class AsyncLiveStrategies(AsyncLiveStrategiesEndpoints):
    """Live strategies, subscriptions in signal or trade mode, webhooks and signal history."""
