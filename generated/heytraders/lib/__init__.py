# Generated from spec/heytraders.yaml by `make generate`. Do not edit: change the spec or the generator.
"""Hand-written helpers (from overlays/heytraders/lib), reachable from the client groups."""

from __future__ import annotations

from .backtest import (
    AsyncBacktestRun,
    BacktestCancelledError,
    BacktestError,
    BacktestFailedError,
    BacktestParams,
    BacktestRun,
    BacktestTimeoutError,
    RichProgress,
    rich_progress,
)
from .market import (
    OhlcvRangeProgress,
)
from .meta import (
    ClaimError,
    ClaimExpiredError,
    ClaimTimeoutError,
)
from .webhooks import (
    WEBHOOK_DELIVERY_HEADER,
    WEBHOOK_EVENT_HEADER,
    WEBHOOK_SIGNATURE_HEADER,
    WEBHOOK_TIMESTAMP_HEADER,
    WebhookVerificationError,
    sign_webhook,
    verify_webhook,
)

__all__ = [
    "WEBHOOK_DELIVERY_HEADER",
    "WEBHOOK_EVENT_HEADER",
    "WEBHOOK_SIGNATURE_HEADER",
    "WEBHOOK_TIMESTAMP_HEADER",
    "AsyncBacktestRun",
    "BacktestCancelledError",
    "BacktestError",
    "BacktestFailedError",
    "BacktestParams",
    "BacktestRun",
    "BacktestTimeoutError",
    "ClaimError",
    "ClaimExpiredError",
    "ClaimTimeoutError",
    "OhlcvRangeProgress",
    "RichProgress",
    "WebhookVerificationError",
    "rich_progress",
    "sign_webhook",
    "verify_webhook",
]
