# Generated from spec/heytraders.yaml by `make generate`. Do not edit: change the spec or the generator.
"""The exception tree: one class per API error code, each under its HTTP status class.

Catch a status class (``RateLimitError``) to handle a kind of failure, or a code
class (``FreeQuotaExceededError``) for one precise case. A code the server adds
later falls back to its status class.
"""

from __future__ import annotations

from ._exceptions import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    HeyTradersError,
    InternalServerError,
    NotFoundError,
    OrderStatusUnknownError,
    PermissionDeniedError,
    RateLimitError,
    RequestValidationError,
    UnprocessableEntityError,
)

__all__ = [
    "ERROR_CLASSES",
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "AccountRequiredError",
    "AgentLimitReachedError",
    "AgentRequiredError",
    "AlreadyRegisteredError",
    "AuthenticationError",
    "BacktestNotFoundError",
    "BadRequestError",
    "ConflictError",
    "DataUnavailableError",
    "ExpiredApiKeyError",
    "FreeQuotaExceededError",
    "HeyTradersError",
    "InsufficientPermissionsError",
    "InternalError",
    "InternalServerError",
    "InvalidApiKeyError",
    "InvalidClaimCodeError",
    "InvalidPermissionsError",
    "KeyOwnedByOtherUserError",
    "NoBacktestError",
    "NotFoundError",
    "NotOwnerError",
    "NotRegisteredError",
    "OrderNotFoundError",
    "OrderStatusUnknownError",
    "PermissionDeniedError",
    "QualityGateError",
    "QuotaExceededError",
    "RateLimitError",
    "RateLimitedError",
    "RegistrationLimitError",
    "RequestValidationError",
    "StrategyNotFoundError",
    "SubscriptionNotFoundError",
    "TaOutOfRangeError",
    "UnprocessableEntityError",
    "ValidationError",
]


class ValidationError(BadRequestError):
    """``VALIDATION_ERROR`` (HTTP 400): Invalid or missing parameters; the message names the parameter and the
    rule."""


class InvalidPermissionsError(BadRequestError):
    """``INVALID_PERMISSIONS`` (HTTP 400): Invalid permission values in a claim request."""


class InvalidApiKeyError(AuthenticationError):
    """``INVALID_API_KEY`` (HTTP 401): The API key is missing or invalid."""


class ExpiredApiKeyError(AuthenticationError):
    """``EXPIRED_API_KEY`` (HTTP 401): The API key has expired (provisional keys expire 24 hours after
    registration unless claimed)."""


class InsufficientPermissionsError(PermissionDeniedError):
    """``INSUFFICIENT_PERMISSIONS`` (HTTP 403): The API key lacks the scope this operation needs."""


class AccountRequiredError(PermissionDeniedError):
    """``ACCOUNT_REQUIRED`` (HTTP 403): Live trading needs a claimed agent linked to a user account; call POST
    /meta/request-claim."""


class AgentRequiredError(PermissionDeniedError):
    """``AGENT_REQUIRED`` (HTTP 403): Only agents (API-key authentication) can perform this action."""


class NotOwnerError(PermissionDeniedError):
    """``NOT_OWNER`` (HTTP 403): You can only manage your own strategies."""


class KeyOwnedByOtherUserError(PermissionDeniedError):
    """``KEY_OWNED_BY_OTHER_USER`` (HTTP 403): The API key belongs to a different user account."""


class AgentLimitReachedError(PermissionDeniedError):
    """``AGENT_LIMIT_REACHED`` (HTTP 403): A user may have at most 10 claimed agents; deactivate one on the
    dashboard."""


class BacktestNotFoundError(NotFoundError):
    """``BACKTEST_NOT_FOUND`` (HTTP 404): Backtest job or result not found."""


class StrategyNotFoundError(NotFoundError):
    """``STRATEGY_NOT_FOUND`` (HTTP 404): Live strategy not found."""


class SubscriptionNotFoundError(NotFoundError):
    """``SUBSCRIPTION_NOT_FOUND`` (HTTP 404): Subscription not found."""


class OrderNotFoundError(NotFoundError):
    """``ORDER_NOT_FOUND`` (HTTP 404): Order not found."""


class NotRegisteredError(NotFoundError):
    """``NOT_REGISTERED`` (HTTP 404): The strategy is not on the leaderboard."""


class NoBacktestError(NotFoundError):
    """``NO_BACKTEST`` (HTTP 404): No backtest results found for this strategy."""


class InvalidClaimCodeError(NotFoundError):
    """``INVALID_CLAIM_CODE`` (HTTP 404): The claim code is unknown or expired (codes are valid for 30
    minutes)."""


class AlreadyRegisteredError(ConflictError):
    """``ALREADY_REGISTERED`` (HTTP 409): The strategy is already on the leaderboard."""


class TaOutOfRangeError(UnprocessableEntityError):
    """``TA_OUT_OF_RANGE`` (HTTP 422): Not enough history for an indicator's period; start the date range at
    least 250 days before the analysis window."""


class QualityGateError(UnprocessableEntityError):
    """``QUALITY_GATE`` (HTTP 422): The strategy does not meet the leaderboard's minimum (at least 10 trades
    over at least 30 days)."""


class DataUnavailableError(UnprocessableEntityError):
    """``DATA_UNAVAILABLE`` (HTTP 422): The requested data is not available (unknown symbol, or no data for
    the range)."""


class RateLimitedError(RateLimitError):
    """``RATE_LIMITED`` (HTTP 429): Too many requests (300 per minute per key); wait for Retry-After seconds."""


class QuotaExceededError(RateLimitError):
    """``QUOTA_EXCEEDED`` (HTTP 429): Tier quota exceeded; `details` gives usage and limit, Retry-After when
    it resets."""


class FreeQuotaExceededError(RateLimitError):
    """``FREE_QUOTA_EXCEEDED`` (HTTP 429): Provisional quota exceeded (10 backtests per hour, 30 per day);
    claim the agent to unlock full access."""


class RegistrationLimitError(RateLimitError):
    """``REGISTRATION_LIMIT`` (HTTP 429): Too many registrations from this IP address (5 per hour)."""


class InternalError(InternalServerError):
    """``INTERNAL_ERROR`` (HTTP 500): Server error."""


ERROR_CLASSES: dict[str, type[APIStatusError]] = {
    "VALIDATION_ERROR": ValidationError,
    "INVALID_PERMISSIONS": InvalidPermissionsError,
    "INVALID_API_KEY": InvalidApiKeyError,
    "EXPIRED_API_KEY": ExpiredApiKeyError,
    "INSUFFICIENT_PERMISSIONS": InsufficientPermissionsError,
    "ACCOUNT_REQUIRED": AccountRequiredError,
    "AGENT_REQUIRED": AgentRequiredError,
    "NOT_OWNER": NotOwnerError,
    "KEY_OWNED_BY_OTHER_USER": KeyOwnedByOtherUserError,
    "AGENT_LIMIT_REACHED": AgentLimitReachedError,
    "NOT_FOUND": NotFoundError,
    "BACKTEST_NOT_FOUND": BacktestNotFoundError,
    "STRATEGY_NOT_FOUND": StrategyNotFoundError,
    "SUBSCRIPTION_NOT_FOUND": SubscriptionNotFoundError,
    "ORDER_NOT_FOUND": OrderNotFoundError,
    "NOT_REGISTERED": NotRegisteredError,
    "NO_BACKTEST": NoBacktestError,
    "INVALID_CLAIM_CODE": InvalidClaimCodeError,
    "ALREADY_REGISTERED": AlreadyRegisteredError,
    "TA_OUT_OF_RANGE": TaOutOfRangeError,
    "QUALITY_GATE": QualityGateError,
    "DATA_UNAVAILABLE": DataUnavailableError,
    "RATE_LIMITED": RateLimitedError,
    "QUOTA_EXCEEDED": QuotaExceededError,
    "FREE_QUOTA_EXCEEDED": FreeQuotaExceededError,
    "REGISTRATION_LIMIT": RegistrationLimitError,
    "INTERNAL_ERROR": InternalError,
}
