# Generated from spec/heytraders.yaml by `make generate`. Do not edit: change the spec or the generator.
# (copied from generator/runtime/_exceptions.py)
"""The exception tree: what went wrong, and what the caller can do about it."""

from __future__ import annotations

import time
from collections.abc import Iterable, Mapping
from typing import Any, Final

import httpx

from . import _json

__all__ = [
    "MISSING",
    "APIConnectionError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ConflictError",
    "HeyTradersError",
    "InternalServerError",
    "MissingAPIKeyError",
    "NotFoundError",
    "OrderStatusUnknownError",
    "PermissionDeniedError",
    "RateLimitError",
    "RequestValidationError",
    "UnprocessableEntityError",
    "make_status_error",
]

_BODY_PREVIEW_CHARS: Final = 200
_REDACTED: Final = "<redacted>"


class _Missing:
    """Type of ``MISSING``: the value of a parameter that was not given at all."""

    def __repr__(self) -> str:
        return "<missing>"


MISSING: Final = _Missing()


class HeyTradersError(Exception):
    """Base class of every error this SDK raises."""


class MissingAPIKeyError(HeyTradersError):
    """An operation needs an API key and none is configured; nothing was sent."""


class RequestValidationError(HeyTradersError, ValueError):
    """A request broke a schema constraint or a request rule; raised before anything is sent.

    Attributes:
        parameter: The parameter at fault, dotted for nested fields (``webhook.url``).
        rule: The JSON Schema keyword (``pattern``, ``required``…) or the request rule id.
        value: The value given (``MISSING`` when absent); ``"<redacted>"`` for secrets.
        suggestion: One line on how to fix the request.
    """

    def __init__(
        self,
        *,
        parameter: str,
        rule: str,
        value: Any,
        message: str,
        suggestion: str,
        from_rule: bool = False,
        secret: bool = False,
    ) -> None:
        self.parameter = parameter
        self.rule = rule
        # A secret (webhook secret) never reaches an exception, not even as an attribute.
        self.value = _REDACTED if secret and value is not MISSING else value
        self.suggestion = suggestion
        self.message = message
        where = f"rule {rule}" if from_rule else f"keyword {rule}"
        got = "" if value is MISSING else f"; got {_short_repr(self.value)}"
        text = f"{parameter}: {message} ({where}){got}"
        if suggestion:
            text += f"\nSuggestion: {suggestion}"
        super().__init__(text)


class APIConnectionError(HeyTradersError):
    """The request could not be completed: no connection, or it dropped before an answer.

    Attributes:
        request: The request that failed (its credentials are redacted).
    """

    def __init__(self, message: str = "Connection error.", *, request: httpx.Request) -> None:
        super().__init__(message)
        self.message = message
        self.request = request


class APITimeoutError(APIConnectionError):
    """The request timed out."""

    def __init__(self, message: str = "Request timed out.", *, request: httpx.Request) -> None:
        super().__init__(message, request=request)


class APIResponseValidationError(HeyTradersError):
    """A successful response could not be read (not JSON, or not the documented envelope).

    Attributes:
        response: The HTTP response.
        status_code: Its status.
    """

    def __init__(self, message: str, *, response: httpx.Response) -> None:
        super().__init__(message)
        self.message = message
        self.response = response
        self.status_code = response.status_code


class APIStatusError(HeyTradersError):
    """The API answered with an error status.

    Subclasses group statuses by what the caller can do; generated per-code classes
    (``OrderNotFoundError``…) subclass these, so ``except NotFoundError`` catches them.

    Attributes:
        status_code: HTTP status.
        code: The envelope's error code (``ORDER_NOT_FOUND``), or ``None`` without an envelope.
        message: The server's message.
        suggestion: The server's hint on how to fix the request, if any.
        details: Extra structured data from the server, if any.
        response: The HTTP response (its request's credentials are redacted).
        retry_after: Seconds the server asked to wait (``Retry-After``), if it said.
    """

    def __init__(
        self,
        message: str,
        *,
        response: httpx.Response,
        code: str | None = None,
        suggestion: str | None = None,
        details: Any = None,
    ) -> None:
        self.status_code = response.status_code
        self.code = code
        self.message = message
        self.suggestion = suggestion
        self.details = details
        self.response = response
        self.retry_after = parse_retry_after(response.headers)
        if code:
            text = f"{self.status_code} {code}: {message}"
        elif message.startswith(f"HTTP {self.status_code}"):
            text = message  # built from the status already (no envelope)
        else:
            text = f"{self.status_code} {response.reason_phrase}: {message}"
        if suggestion:
            text += f"\nSuggestion: {suggestion}"
        super().__init__(text)


class BadRequestError(APIStatusError):
    """400: the request is invalid; fix it before retrying."""


class AuthenticationError(APIStatusError):
    """401: the API key is invalid or expired."""


class PermissionDeniedError(APIStatusError):
    """403: the key lacks a scope, or the resource belongs to someone else."""


class NotFoundError(APIStatusError):
    """404: the resource does not exist."""


class ConflictError(APIStatusError):
    """409: the request conflicts with the current state."""


class UnprocessableEntityError(APIStatusError):
    """422: the request is well-formed but cannot be carried out (data, quality gate)."""


class RateLimitError(APIStatusError):
    """429: too many requests or quota exceeded; see ``retry_after``."""


class InternalServerError(APIStatusError):
    """5xx: the server failed; retrying later may help."""


_STATUS_CLASSES: Final[Mapping[int, type[APIStatusError]]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


class OrderStatusUnknownError(HeyTradersError):
    """An order request failed after it may have reached the server; it was NOT retried.

    The order may or may not exist. Look for it before placing it again.

    Attributes:
        sent: The JSON body that was sent (secrets redacted).
        cause: The failure: a transport exception, an ``APIStatusError`` (5xx), or an
            ``APIResponseValidationError`` (a 2xx whose body is not JSON).
    """

    def __init__(self, *, sent: Mapping[str, Any], cause: BaseException) -> None:
        self.sent = dict(sent)
        self.cause = cause
        if isinstance(cause, APIStatusError):
            what = f"the server answered {cause.status_code}" + (f" {cause.code}" if cause.code else "")
        elif isinstance(cause, APIResponseValidationError):
            what = f"the server answered {cause.status_code} with a body that could not be read"
        else:
            what = f"{type(cause).__name__} after the request may have been sent"
        lookup_args = ", ".join(f"{name}={self.sent[name]!r}" for name in ("account_id", "symbol") if name in self.sent)
        label = self.sent.get("label")
        if label:
            find = (
                f"call client.orders.resolve_unknown_order(error), which looks for label={label!r} "
                f"among client.orders.list_orders({lookup_args})"
            )
        else:
            find = f"list the orders with client.orders.list_orders({lookup_args}) and compare side, amount and time"
        super().__init__(
            f"The order may or may not have been placed: {what}. It was not retried, so it cannot be placed twice. "
            f"Before placing it again, {find}."
        )


def parse_retry_after(headers: httpx.Headers, *, now: float | None = None) -> float | None:
    """Read the wait the server asked for, in seconds.

    Args:
        headers: Response headers; ``retry-after-ms`` wins over ``Retry-After``.
        now: The current UNIX time, for an HTTP-date ``Retry-After``; defaults to the clock.

    Returns:
        The wait in seconds, or ``None`` when absent or unreadable.
    """
    millis = headers.get("retry-after-ms")
    if millis is not None:
        try:
            return float(millis) / 1000.0
        except ValueError:
            pass
    value = headers.get("retry-after")
    if value is None:
        return None
    try:
        return float(value)
    except ValueError:
        pass
    # Imported here: only an HTTP-date Retry-After needs it, and it keeps import cheap.
    from email.utils import parsedate_tz

    parsed = parsedate_tz(value)
    if parsed is None:
        return None
    from email.utils import mktime_tz

    return mktime_tz(parsed) - (time.time() if now is None else now)


def make_status_error(
    response: httpx.Response,
    error_classes: Mapping[str, type[APIStatusError]],
    *,
    secrets: Iterable[str] = (),
) -> APIStatusError:
    """Build the exception for an error response.

    The class is ``error_classes[code]`` for a known envelope code, else the status class
    (unknown codes are treated as their status class, as the spec asks).

    Args:
        response: The error response (its body already read).
        error_classes: Generated per-code classes, keyed by error code.
        secrets: Strings (the API key) scrubbed from anything the server echoed back.

    Returns:
        The exception to raise.
    """
    code: str | None = None
    message: str | None = None
    suggestion: str | None = None
    details: Any = None
    content = response.content
    error: Any = None
    if content:
        try:
            body = _json.loads(content)
        except ValueError:
            body = None
        if isinstance(body, dict):
            error = body.get("error")
    if isinstance(error, dict):
        raw_code = error.get("code")
        code = raw_code if isinstance(raw_code, str) else None
        message = _text_or_none(error.get("message"))
        suggestion = _text_or_none(error.get("suggestion"))
        details = error.get("details")
    if message is None:
        if content:
            preview = response.text[:_BODY_PREVIEW_CHARS]
            message = f"HTTP {response.status_code} {response.reason_phrase}: {preview}"
        else:
            message = f"HTTP {response.status_code} {response.reason_phrase} (empty body)"
    scrub = [s for s in secrets if s]
    if scrub:
        message = _scrub(message, scrub)
        suggestion = None if suggestion is None else _scrub(suggestion, scrub)
        details = _scrub_any(details, scrub)
    cls = error_classes.get(code) if code else None
    if cls is None:
        status = response.status_code
        cls = _STATUS_CLASSES.get(status) or (InternalServerError if status >= 500 else APIStatusError)
    return cls(message, response=response, code=code, suggestion=suggestion, details=details)


def _text_or_none(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def _scrub(text: str, secrets: list[str]) -> str:
    for secret in secrets:
        text = text.replace(secret, _REDACTED)
    return text


def _scrub_any(value: Any, secrets: list[str]) -> Any:
    if isinstance(value, str):
        return _scrub(value, secrets)
    if isinstance(value, dict):
        return {_scrub(str(k), secrets): _scrub_any(v, secrets) for k, v in value.items()}
    if isinstance(value, list):
        return [_scrub_any(v, secrets) for v in value]
    return value


def _short_repr(value: Any, limit: int = 80) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"
