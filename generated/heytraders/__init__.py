# Generated from spec/heytraders.yaml by `make generate`. Do not edit: change the spec or the generator.
"""Python SDK for the HeyTraders API.

from heytraders import HeyTraders

client = HeyTraders()  # reads HEYTRADERS_API_KEY
ticker = client.market.get_ticker(symbol="BTC/USDT")
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from ._client import AsyncHeyTraders, HeyTraders
from ._exceptions import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    HeyTradersError,
    OrderStatusUnknownError,
    RequestValidationError,
)
from ._types import NOT_GIVEN, NotGiven
from ._version import __version__

if TYPE_CHECKING:
    from .lib import (
        WEBHOOK_DELIVERY_HEADER,
        WEBHOOK_EVENT_HEADER,
        WEBHOOK_SIGNATURE_HEADER,
        WEBHOOK_TIMESTAMP_HEADER,
        AsyncBacktestRun,
        BacktestCancelledError,
        BacktestError,
        BacktestFailedError,
        BacktestParams,
        BacktestRun,
        BacktestTimeoutError,
        ClaimError,
        ClaimExpiredError,
        ClaimTimeoutError,
        OhlcvRangeProgress,
        RichProgress,
        WebhookVerificationError,
        rich_progress,
        sign_webhook,
        verify_webhook,
    )

# The hand-written helpers' public names, imported on first use (PEP 562): most of them need the
# models, and `import heytraders` should stay about as fast as `import httpx`.
_OVERLAY_EXPORTS: dict[str, str] = {
    "AsyncBacktestRun": "backtest",
    "BacktestCancelledError": "backtest",
    "BacktestError": "backtest",
    "BacktestFailedError": "backtest",
    "BacktestParams": "backtest",
    "BacktestRun": "backtest",
    "BacktestTimeoutError": "backtest",
    "RichProgress": "backtest",
    "rich_progress": "backtest",
    "OhlcvRangeProgress": "market",
    "ClaimError": "meta",
    "ClaimExpiredError": "meta",
    "ClaimTimeoutError": "meta",
    "WEBHOOK_DELIVERY_HEADER": "webhooks",
    "WEBHOOK_EVENT_HEADER": "webhooks",
    "WEBHOOK_SIGNATURE_HEADER": "webhooks",
    "WEBHOOK_TIMESTAMP_HEADER": "webhooks",
    "WebhookVerificationError": "webhooks",
    "sign_webhook": "webhooks",
    "verify_webhook": "webhooks",
}


def __getattr__(name: str) -> Any:
    module = _OVERLAY_EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.lib.{module}"), name)


__all__ = [
    "NOT_GIVEN",
    "WEBHOOK_DELIVERY_HEADER",
    "WEBHOOK_EVENT_HEADER",
    "WEBHOOK_SIGNATURE_HEADER",
    "WEBHOOK_TIMESTAMP_HEADER",
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "AsyncBacktestRun",
    "AsyncHeyTraders",
    "BacktestCancelledError",
    "BacktestError",
    "BacktestFailedError",
    "BacktestParams",
    "BacktestRun",
    "BacktestTimeoutError",
    "ClaimError",
    "ClaimExpiredError",
    "ClaimTimeoutError",
    "HeyTraders",
    "HeyTradersError",
    "NotGiven",
    "OhlcvRangeProgress",
    "OrderStatusUnknownError",
    "RequestValidationError",
    "RichProgress",
    "WebhookVerificationError",
    "__version__",
    "rich_progress",
    "sign_webhook",
    "verify_webhook",
]
