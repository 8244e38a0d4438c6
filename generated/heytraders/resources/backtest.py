# Generated from spec/heytraders.yaml by `make generate`. Do not edit: change the spec or the generator.
"""Asynchronous backtests of Signal DSL scripts and built-in strategy types, and their results."""

from __future__ import annotations

from ..lib.backtest import AsyncBacktestHelpers, BacktestHelpers

__all__ = ["AsyncBacktest", "Backtest"]


class Backtest(BacktestHelpers):
    """Asynchronous backtests of Signal DSL scripts and built-in strategy types, and their results.

    Besides one method per operation, it has the hand-written helpers of ``heytraders.lib.backtest``."""


class AsyncBacktest(AsyncBacktestHelpers):
    """Asynchronous backtests of Signal DSL scripts and built-in strategy types, and their results.

    Besides one method per operation, it has the hand-written helpers of ``heytraders.lib.backtest``."""
