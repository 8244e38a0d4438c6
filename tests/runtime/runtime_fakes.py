"""Fake operations, error classes and a request recorder shared by the runtime tests."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import httpx

from generator.runtime._exceptions import APIStatusError, NotFoundError, RateLimitError
from generator.runtime._operation import OperationSpec, ParamSpec

KEY = "ht_prov_TOPSECRET_0123456789abcdef"
BASE = "https://api.test/api/v1"

ID = {"type": "string", "minLength": 1, "maxLength": 128}
MONEY = {"type": "string", "format": "decimal", "pattern": "^-?[0-9]+(\\.[0-9]+)?$"}
POSITIVE_MONEY = {
    "type": "string",
    "format": "decimal",
    "pattern": "^(0*[1-9][0-9]*(\\.[0-9]+)?|0+\\.[0-9]*[1-9][0-9]*)$",
}


class OrderNotFoundError(NotFoundError):
    """A generated-style per-code class."""


class RateLimitedError(RateLimitError):
    """A generated-style per-code class."""


ERROR_CLASSES: dict[str, type[APIStatusError]] = {
    "ORDER_NOT_FOUND": OrderNotFoundError,
    "RATE_LIMITED": RateLimitedError,
}

GET_ORDER = OperationSpec(
    operation_id="get_order",
    method="GET",
    path="/orders/{order_id}",
    params=(
        ParamSpec("order_id", "path", True, ID),
        ParamSpec("exchange", "query", False, {"type": "string", "pattern": "^[a-z][a-z0-9]*$"}),
        ParamSpec("limit", "query", False, {"type": "integer", "minimum": 1, "maximum": 100}),
        ParamSpec("include_fills", "query", False, {"type": "boolean"}),
        ParamSpec("start", "query", False, {"type": "string", "format": "date-time"}),
    ),
)
CREATE_POST = OperationSpec(
    operation_id="create_post",
    method="POST",
    path="/arena/posts",
    params=(ParamSpec("title", "body", True, {"type": "string", "minLength": 1}),),
)
UPDATE_PROFILE = OperationSpec(
    operation_id="update_profile",
    method="PATCH",
    path="/arena/profile",
    params=(ParamSpec("display_name", "body", False, {"type": "string"}),),
)
DELETE_ORDER = OperationSpec(
    operation_id="cancel_order",
    method="DELETE",
    path="/orders/{order_id}",
    params=(ParamSpec("order_id", "path", True, ID),),
)
PLACE_ORDER = OperationSpec(
    operation_id="place_order",
    method="POST",
    path="/orders",
    params=(
        ParamSpec("account_id", "body", True, ID),
        ParamSpec("symbol", "body", True, {"type": "string"}),
        ParamSpec("side", "body", True, {"type": "string", "enum": ["buy", "sell"]}),
        ParamSpec("amount", "body", True, POSITIVE_MONEY),
        ParamSpec("price", "body", False, POSITIVE_MONEY),
        ParamSpec("leverage", "body", False, {"type": "integer", "minimum": 1, "maximum": 125}),
        ParamSpec("label", "body", False, {"type": "string", "maxLength": 100}),
    ),
    places_order=True,
)
HEALTH = OperationSpec(operation_id="check_health", method="GET", path="/meta/health", params=(), public=True)
FEED = OperationSpec(operation_id="list_posts", method="GET", path="/arena/posts", params=(), key_optional=True)
DOC = OperationSpec(
    operation_id="get_signal_dsl_doc",
    method="GET",
    path="/docs/signal-dsl",
    params=(),
    public=True,
    markdown=True,
)


def envelope(data: Any, meta: dict[str, Any] | None = None) -> dict[str, Any]:
    return {"success": True, "data": data, "error": None, "meta": meta or {"timestamp": "2026-02-10T14:19:53Z"}}


def error_body(code: str, message: str, suggestion: str | None = None, details: Any = None) -> dict[str, Any]:
    error = {"code": code, "message": message, "suggestion": suggestion, "details": details}
    return {"success": False, "data": None, "error": error, "meta": {"timestamp": "2026-02-10T14:19:53Z"}}


def ok(data: Any = None, **kwargs: Any) -> httpx.Response:
    return httpx.Response(200, json=envelope(data), **kwargs)


@dataclass
class Sent:
    """What one attempt put on the wire, copied at send time (the client redacts the key afterwards)."""

    method: str
    url: httpx.URL
    headers: dict[str, str]
    content: bytes
    timeout: dict[str, Any]


@dataclass
class Recorder:
    """A respx side effect: records each request and plays the effects in order (the last repeats)."""

    effects: list[httpx.Response | Exception]
    sent: list[Sent] = field(default_factory=list)

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.sent.append(
            Sent(
                method=request.method,
                url=request.url,
                headers={k.lower(): v for k, v in request.headers.items()},
                content=request.read(),
                timeout=dict(request.extensions.get("timeout", {})),
            )
        )
        effect = self.effects[min(len(self.sent), len(self.effects)) - 1]
        if isinstance(effect, Exception):
            raise effect
        # A fresh response per attempt: a response object is bound to one request.
        return httpx.Response(effect.status_code, headers=effect.headers, content=effect.content)


def play(*effects: httpx.Response | Exception) -> Recorder:
    return Recorder(list(effects))
