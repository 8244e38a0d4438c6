# Generated from spec/heytraders.yaml by `make generate`. Do not edit: change the spec or the generator.
"""Symbols, tickers, funding rates, OHLCV candles and Signal DSL expressions over the market (evaluate, scan, rank)."""

from __future__ import annotations

from .._endpoints.market import AsyncMarketEndpoints, MarketEndpoints

__all__ = ["AsyncMarket", "Market"]


class Market(MarketEndpoints):
    """Symbols, tickers, funding rates, OHLCV candles and Signal DSL expressions over the market (evaluate, scan,
    rank)."""


class AsyncMarket(AsyncMarketEndpoints):
    """Symbols, tickers, funding rates, OHLCV candles and Signal DSL expressions over the market (evaluate, scan,
    rank)."""
