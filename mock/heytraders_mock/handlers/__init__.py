"""The operation handlers, one module per spec tag; importing this package registers them all."""

from __future__ import annotations

from . import accounts, arena, backtest, docs, live, market, meta, orders

__all__ = ["accounts", "arena", "backtest", "docs", "live", "market", "meta", "orders"]
