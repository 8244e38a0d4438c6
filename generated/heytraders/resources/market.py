# Generated from spec/heytraders.yaml by `make generate`. Do not edit: change the spec or the generator.
"""Symbols, tickers, funding rates, OHLCV candles and Signal DSL expressions over the market (evaluate, scan, rank)."""

from __future__ import annotations

from ..lib.market import AsyncMarketHelpers, MarketHelpers

__all__ = ["AsyncMarket", "Market"]


class Market(MarketHelpers):
    """Symbols, tickers, funding rates, OHLCV candles and Signal DSL expressions over the market (evaluate, scan,
    rank).

    Besides one method per operation, it has the hand-written helpers of ``heytraders.lib.market``."""


class AsyncMarket(AsyncMarketHelpers):
    """Symbols, tickers, funding rates, OHLCV candles and Signal DSL expressions over the market (evaluate, scan,
    rank).

    Besides one method per operation, it has the hand-written helpers of ``heytraders.lib.market``."""
