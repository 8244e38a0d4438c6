"""Exit codes, and errors as one line of text or one JSON object on stderr.

| code | meaning |
|---|---|
| 0 | success |
| 1 | any other API error (a 400 or 409 from the server, a failed backtest, a 5xx) |
| 2 | usage or validation: a bad option, or a request the SDK refused before any network call |
| 3 | authentication or permission: no key, an invalid or expired key, a missing scope (401, 403) |
| 4 | not found (404) |
| 5 | rate limit or quota (429) |
| 6 | network or timeout: no answer, or a wait that passed its deadline |
| 7 | order status unknown: the order may or may not have been placed |
| 130 | interrupted (Ctrl-C) |

Expected errors never print a traceback; the SDK is imported here only once an error happened.
"""

from __future__ import annotations

import json
import os
import sys
from typing import Any

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_AUTH = 3
EXIT_NOT_FOUND = 4
EXIT_RATE_LIMIT = 5
EXIT_NETWORK = 6
EXIT_ORDER_UNKNOWN = 7
EXIT_INTERRUPTED = 130

EXIT_CODES = {
    EXIT_OK: "success",
    EXIT_ERROR: "any other API error",
    EXIT_USAGE: "usage or validation error, before any network call",
    EXIT_AUTH: "authentication or permission",
    EXIT_NOT_FOUND: "not found",
    EXIT_RATE_LIMIT: "rate limit or quota",
    EXIT_NETWORK: "network or timeout",
    EXIT_ORDER_UNKNOWN: "order status unknown",
    EXIT_INTERRUPTED: "interrupted (Ctrl-C)",
}

_STATUS_EXIT = {401: EXIT_AUTH, 403: EXIT_AUTH, 404: EXIT_NOT_FOUND, 429: EXIT_RATE_LIMIT}


def exit_code_for_status(status: int) -> int:
    """The exit code of an error answer with this HTTP status (the SKILL.md error table uses it too)."""
    return _STATUS_EXIT.get(status, EXIT_ERROR)


class CliError(Exception):
    """An error the command line reports and exits on.

    Attributes:
        exit_code: The process exit code.
        code: A machine-readable code: the API's error code, or the command line's own.
        message: What went wrong.
        suggestion: What to do about it.
        status: The HTTP status, when the server answered.
        retry_after: Seconds the server asked to wait.
        extra: More fields for the JSON form (``parameter``, ``rule``, ``details``…).
    """

    def __init__(
        self,
        message: str,
        *,
        exit_code: int,
        code: str,
        suggestion: str | None = None,
        status: int | None = None,
        retry_after: float | None = None,
        extra: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.exit_code = exit_code
        self.code = code
        self.suggestion = suggestion
        self.status = status
        self.retry_after = retry_after
        self.extra = extra or {}

    def payload(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "message": self.message,
            "suggestion": self.suggestion,
            "status": self.status,
            "retry_after": self.retry_after,
            "exit_code": self.exit_code,
            **self.extra,
        }


def _colour(stream: Any) -> bool:
    return not os.environ.get("NO_COLOR") and bool(getattr(stream, "isatty", lambda: False)())


def report(error: CliError, *, as_json: bool) -> None:
    """Write the error to stderr: one JSON object with ``as_json``, else a line (and the suggestion)."""
    stream = sys.stderr
    if as_json:
        stream.write(json.dumps(error.payload(), ensure_ascii=False, default=str) + "\n")
    else:
        label = "\x1b[31mError:\x1b[0m" if _colour(stream) else "Error:"
        stream.write(f"{label} {error.message}\n")
        if error.suggestion:
            stream.write(f"Suggestion: {error.suggestion}\n")
    stream.flush()


def from_exception(error: BaseException) -> CliError | None:
    """The CLI error for an SDK or helper exception; None for one the command line does not expect."""
    if isinstance(error, CliError):
        return error
    if isinstance(error, KeyboardInterrupt):
        notes = "; ".join(getattr(error, "__notes__", []))
        return CliError(f"interrupted{': ' + notes if notes else ''}", exit_code=EXIT_INTERRUPTED, code="INTERRUPTED")
    import heytraders
    from heytraders import _exceptions as sdk

    if isinstance(error, heytraders.RequestValidationError):
        value = None if error.value is sdk.MISSING else error.value
        return CliError(
            str(error).split("\nSuggestion:")[0],
            exit_code=EXIT_USAGE,
            code="VALIDATION_ERROR",
            suggestion=error.suggestion or None,
            extra={"parameter": error.parameter, "rule": error.rule, "value": value},
        )
    if isinstance(error, sdk.MissingAPIKeyError):
        return CliError(
            str(error),
            exit_code=EXIT_AUTH,
            code="MISSING_API_KEY",
            suggestion="Run `heytraders register --name NAME`, set HEYTRADERS_API_KEY, or pass --api-key-stdin.",
        )
    if isinstance(error, heytraders.APIStatusError):
        return CliError(
            error.message,
            exit_code=exit_code_for_status(error.status_code),
            code=error.code or f"HTTP_{error.status_code}",
            suggestion=error.suggestion,
            status=error.status_code,
            retry_after=error.retry_after,
            extra={"details": error.details} if error.details else None,
        )
    if isinstance(error, heytraders.OrderStatusUnknownError):
        return CliError(
            str(error),
            exit_code=EXIT_ORDER_UNKNOWN,
            code="ORDER_STATUS_UNKNOWN",
            suggestion="List the account's orders and look for the label before placing the order again.",
            extra={"label": error.sent.get("label")},
        )
    if isinstance(error, heytraders.APIConnectionError):
        timeout = isinstance(error, heytraders.APITimeoutError)
        return CliError(
            f"{error.message} ({error.request.method} {str(error.request.url).split('?')[0]})",
            exit_code=EXIT_NETWORK,
            code="TIMEOUT" if timeout else "CONNECTION_ERROR",
            suggestion="Check --base-url and your connection, then try again.",
        )
    return _from_helper_error(error)


def _from_helper_error(error: BaseException) -> CliError | None:
    from heytraders import HeyTradersError
    from heytraders.lib import backtest, meta

    if isinstance(error, backtest.BacktestTimeoutError):
        cancelled = " (the job was cancelled on the server)" if error.cancelled else ""
        return CliError(str(error) + cancelled, exit_code=EXIT_NETWORK, code="BACKTEST_TIMEOUT")
    if isinstance(error, backtest.BacktestFailedError | backtest.BacktestCancelledError):
        code = "BACKTEST_FAILED" if isinstance(error, backtest.BacktestFailedError) else "BACKTEST_CANCELLED"
        return CliError(str(error), exit_code=EXIT_ERROR, code=code, extra={"backtest_id": error.backtest_id})
    if isinstance(error, meta.ClaimTimeoutError):
        return CliError(str(error), exit_code=EXIT_NETWORK, code="CLAIM_TIMEOUT")
    if isinstance(error, meta.ClaimExpiredError):
        return CliError(
            str(error), exit_code=EXIT_ERROR, code="CLAIM_EXPIRED", suggestion="Run `heytraders claim` again."
        )
    if isinstance(error, HeyTradersError):
        return CliError(str(error), exit_code=EXIT_ERROR, code=type(error).__name__)
    return None
