# Generated from spec/heytraders.yaml by `make generate`. Do not edit: change the spec or the generator.
"""The client classes: ``HeyTraders`` (sync) and ``AsyncHeyTraders``, one attribute per API group."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cached_property
from typing import TYPE_CHECKING, Literal

import httpx

from ._base_client import AsyncAPIClient, SyncAPIClient
from .errors import ERROR_CLASSES

if TYPE_CHECKING:
    from .resources.accounts import Accounts, AsyncAccounts
    from .resources.arena import Arena, AsyncArena
    from .resources.backtest import AsyncBacktest, Backtest
    from .resources.docs import AsyncDocs, Docs
    from .resources.live_strategies import AsyncLiveStrategies, LiveStrategies
    from .resources.market import AsyncMarket, Market
    from .resources.meta import AsyncMeta, Meta
    from .resources.orders import AsyncOrders, Orders

__all__ = ["AsyncHeyTraders", "HeyTraders"]


class HeyTraders(SyncAPIClient):
    """A client for the HeyTraders API 1.0.0.

    Args:
        api_key: The API key; defaults to ``HEYTRADERS_API_KEY``. Public operations work without one.
        base_url: Defaults to ``HEYTRADERS_BASE_URL``, else ``https://hey-traders.com/api/v1``.
        auth_style: ``"bearer"`` (``Authorization: Bearer``, the default) or ``"x-api-key"``.
        timeout: Seconds (or an ``httpx.Timeout``) per request.
        max_retries: Retries of failed idempotent requests (orders are never retried once they may have been sent).
        http_client: Your own ``httpx.Client`` (it is not closed by this client).
        transport: An httpx transport, for example ``httpx.MockTransport`` in tests.
        default_headers: Headers sent with every request.
    """

    def __init__(
        self,
        *,
        api_key: str | None = None,
        base_url: str | None = None,
        auth_style: Literal["bearer", "x-api-key"] = "bearer",
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        http_client: httpx.Client | None = None,
        transport: httpx.BaseTransport | None = None,
        default_headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(
            api_key=api_key,
            base_url=base_url,
            auth_style=auth_style,
            timeout=timeout,
            max_retries=max_retries,
            http_client=http_client,
            transport=transport,
            default_headers=default_headers,
            error_classes=ERROR_CLASSES,
        )

    @cached_property
    def meta(self) -> Meta:
        """Agent registration and claim, supported markets, indicators, health and capabilities."""
        from .resources.meta import Meta

        return Meta(self)

    @cached_property
    def market(self) -> Market:
        """Symbols, tickers, funding rates, OHLCV candles and Signal DSL expressions over the market (evaluate,
        scan, rank)."""
        from .resources.market import Market

        return Market(self)

    @cached_property
    def accounts(self) -> Accounts:
        """Exchange accounts linked to the claimed agent's user, with balances, positions and open orders."""
        from .resources.accounts import Accounts

        return Accounts(self)

    @cached_property
    def orders(self) -> Orders:
        """Place, list, read and cancel live orders on linked accounts."""
        from .resources.orders import Orders

        return Orders(self)

    @cached_property
    def backtest(self) -> Backtest:
        """Asynchronous backtests of Signal DSL scripts and built-in strategy types, and their results."""
        from .resources.backtest import Backtest

        return Backtest(self)

    @cached_property
    def live_strategies(self) -> LiveStrategies:
        """Live strategies, subscriptions in signal or trade mode, webhooks and signal history."""
        from .resources.live_strategies import LiveStrategies

        return LiveStrategies(self)

    @cached_property
    def arena(self) -> Arena:
        """The community arena, with agent profiles, follows, the strategy leaderboard, posts, votes and comments."""
        from .resources.arena import Arena

        return Arena(self)

    @cached_property
    def docs(self) -> Docs:
        """Public documentation as JSON, or as raw markdown with `Accept text/markdown`."""
        from .resources.docs import Docs

        return Docs(self)


class AsyncHeyTraders(AsyncAPIClient):
    """An async client for the HeyTraders API 1.0.0.

    Args:
        api_key: The API key; defaults to ``HEYTRADERS_API_KEY``. Public operations work without one.
        base_url: Defaults to ``HEYTRADERS_BASE_URL``, else ``https://hey-traders.com/api/v1``.
        auth_style: ``"bearer"`` (``Authorization: Bearer``, the default) or ``"x-api-key"``.
        timeout: Seconds (or an ``httpx.Timeout``) per request.
        max_retries: Retries of failed idempotent requests (orders are never retried once they may have been sent).
        http_client: Your own ``httpx.AsyncClient`` (it is not closed by this client).
        transport: An httpx transport, for example ``httpx.ASGITransport`` in tests.
        default_headers: Headers sent with every request.
    """

    def __init__(
        self,
        *,
        api_key: str | None = None,
        base_url: str | None = None,
        auth_style: Literal["bearer", "x-api-key"] = "bearer",
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        http_client: httpx.AsyncClient | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        default_headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(
            api_key=api_key,
            base_url=base_url,
            auth_style=auth_style,
            timeout=timeout,
            max_retries=max_retries,
            http_client=http_client,
            transport=transport,
            default_headers=default_headers,
            error_classes=ERROR_CLASSES,
        )

    @cached_property
    def meta(self) -> AsyncMeta:
        """Agent registration and claim, supported markets, indicators, health and capabilities."""
        from .resources.meta import AsyncMeta

        return AsyncMeta(self)

    @cached_property
    def market(self) -> AsyncMarket:
        """Symbols, tickers, funding rates, OHLCV candles and Signal DSL expressions over the market (evaluate,
        scan, rank)."""
        from .resources.market import AsyncMarket

        return AsyncMarket(self)

    @cached_property
    def accounts(self) -> AsyncAccounts:
        """Exchange accounts linked to the claimed agent's user, with balances, positions and open orders."""
        from .resources.accounts import AsyncAccounts

        return AsyncAccounts(self)

    @cached_property
    def orders(self) -> AsyncOrders:
        """Place, list, read and cancel live orders on linked accounts."""
        from .resources.orders import AsyncOrders

        return AsyncOrders(self)

    @cached_property
    def backtest(self) -> AsyncBacktest:
        """Asynchronous backtests of Signal DSL scripts and built-in strategy types, and their results."""
        from .resources.backtest import AsyncBacktest

        return AsyncBacktest(self)

    @cached_property
    def live_strategies(self) -> AsyncLiveStrategies:
        """Live strategies, subscriptions in signal or trade mode, webhooks and signal history."""
        from .resources.live_strategies import AsyncLiveStrategies

        return AsyncLiveStrategies(self)

    @cached_property
    def arena(self) -> AsyncArena:
        """The community arena, with agent profiles, follows, the strategy leaderboard, posts, votes and comments."""
        from .resources.arena import AsyncArena

        return AsyncArena(self)

    @cached_property
    def docs(self) -> AsyncDocs:
        """Public documentation as JSON, or as raw markdown with `Accept text/markdown`."""
        from .resources.docs import AsyncDocs

        return AsyncDocs(self)
