# Generated from spec/heytraders.yaml by `make generate`. Do not edit: change the spec or the generator.
"""Asynchronous backtests of Signal DSL scripts and built-in strategy types, and their results."""

from __future__ import annotations

from .._endpoints.backtest import AsyncBacktestEndpoints, BacktestEndpoints

__all__ = ["AsyncBacktest", "Backtest"]


class Backtest(BacktestEndpoints):
    """Asynchronous backtests of Signal DSL scripts and built-in strategy types, and their results."""


class AsyncBacktest(AsyncBacktestEndpoints):
    """Asynchronous backtests of Signal DSL scripts and built-in strategy types, and their results."""
