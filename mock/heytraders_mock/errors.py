"""API errors and the response envelope every JSON answer wears.

Handlers raise ``ApiError(code, message, suggestion)``; the app turns it into
``{success: false, data: null, error: {code, message, suggestion, details}, meta: {timestamp}}``
with the status the spec gives the code (``ErrorCode.x-error-codes``), so the status table is
written once, in the spec.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from heytraders import _json
from starlette.responses import JSONResponse

from .clock import iso


class ApiJSONResponse(JSONResponse):
    """A JSON answer whose ``Decimal`` values are JSON numbers with their own digits (``138.20``).

    The documents show some amounts as JSON numbers (balances); the sandbox writes those as
    ``Decimal`` and this renders them exactly, through the client's own encoder.
    """

    def render(self, content: Any) -> bytes:
        return _json.dumps(content).encode("utf-8")


class ApiError(Exception):
    """An error answer. ``status`` overrides the spec's status for the code (only 405 needs it)."""

    def __init__(
        self,
        code: str,
        message: str,
        suggestion: str | None = None,
        *,
        details: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
        status: int | None = None,
    ) -> None:
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message
        self.suggestion = suggestion
        self.details = dict(details) if details is not None else None
        self.headers = dict(headers or {})
        self.status = status


def not_found(code: str, what: str, identifier: str, suggestion: str) -> ApiError:
    return ApiError(code, f"{what} {identifier} not found.", suggestion, details={"id": identifier})


def success_body(data: Any, now: datetime) -> dict[str, Any]:
    return {"success": True, "data": data, "error": None, "meta": {"timestamp": iso(now)}}


def error_body(error: ApiError, now: datetime) -> dict[str, Any]:
    return {
        "success": False,
        "data": None,
        "error": {
            "code": error.code,
            "message": error.message,
            "suggestion": error.suggestion,
            "details": error.details,
        },
        "meta": {"timestamp": iso(now)},
    }


def error_response(error: ApiError, status: int, now: datetime) -> JSONResponse:
    return ApiJSONResponse(error_body(error, now), status_code=status, headers=error.headers)
