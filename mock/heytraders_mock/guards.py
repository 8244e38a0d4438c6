"""Hostile input: limits every request meets before a route reads it, and the JSON body reader.

``InputGuard`` is a pure ASGI middleware in front of every route (the API and ``/_mock``). It answers in
the API's envelope, never with a traceback, and the sandbox keeps serving:

- **Query string** longer than ``MockConfig.max_query_bytes`` (8 KiB, as sent, percent-encoded) → 414
  ``VALIDATION_ERROR`` (rule ``max-query-length``). The server stack has its own limit in front of this
  one: uvicorn (h11) buffers at most ``cli.MAX_REQUEST_HEAD`` bytes (64 KiB as ``heytraders-mock`` runs it)
  of a request line and headers still incomplete, and past that answers a plain-text 400 itself.
- **Query string** that is not UTF-8 once percent-decoded → 400 ``VALIDATION_ERROR`` (rule ``utf-8``).
- **Path** that is not UTF-8 once percent-decoded → 404 ``NOT_FOUND``: such a path names nothing. (Path
  traversal needs no rule of its own: IDs are looked up in memory, never in a file, so ``../`` or
  ``%00`` in an ID is the resource's own 404, such as ``ORDER_NOT_FOUND``.)
- **Body** larger than ``MockConfig.max_body_bytes`` (1 MiB) → 413 ``VALIDATION_ERROR`` (rule
  ``max-body-size``). A ``Content-Length`` above the limit is refused before any byte of the body is read;
  otherwise the bytes are counted as they arrive (chunked bodies, or a ``Content-Length`` that lies) and
  the request is refused as soon as they pass the limit, without reading the rest.

``load_json`` reads a body: invalid UTF-8, invalid JSON, ``NaN``/``Infinity`` and nesting deeper than
``MAX_JSON_DEPTH`` are a ``BodyError`` (the routes answer 400 ``VALIDATION_ERROR``), never a
``RecursionError``.

The 413 and 414 statuses are the sandbox's own (the spec documents none); like its 405, they carry
``VALIDATION_ERROR`` in the envelope, with ``details`` naming the rule and the limit.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any
from urllib.parse import unquote_to_bytes

from heytraders import _json
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .errors import ApiError, error_response

MAX_JSON_DEPTH = 32  # arrays and objects inside one another; the spec's deepest body needs 3


class BodyError(ValueError):
    """A body that is not the JSON the sandbox reads; ``rule`` names which check it failed."""

    def __init__(self, rule: str, message: str) -> None:
        super().__init__(message)
        self.rule = rule
        self.message = message


def _depth(value: Any) -> int:
    """How deep arrays and objects nest in a parsed value, walked without recursion."""
    deepest = 0
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict):
            children: Any = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        deepest = max(deepest, level)
        if deepest > MAX_JSON_DEPTH:
            break
        stack.extend((child, level + 1) for child in children)
    return deepest


def load_json(raw: bytes) -> Any:
    """The JSON value of a request body; a ``BodyError`` (a ``ValueError``) when the sandbox will not read it."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise BodyError("utf-8", f"is not UTF-8 (byte {error.start} of the body)") from None
    try:
        value = _json.loads(text)  # the client's exact codec: a money number is the Decimal of its text
    except RecursionError:  # the C decoder guards its own stack: too deep for it is too deep for us
        raise BodyError("max-depth", f"nests deeper than {MAX_JSON_DEPTH} levels") from None
    except ValueError as error:
        raise BodyError("json", f"is not valid JSON ({error})") from None
    if _depth(value) > MAX_JSON_DEPTH:
        raise BodyError("max-depth", f"nests deeper than {MAX_JSON_DEPTH} levels")
    return value


def _utf8(raw: bytes) -> bool:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _too_large(limit: int) -> ApiError:
    return ApiError(
        "VALIDATION_ERROR",
        f"body: is larger than {limit:,} bytes (rule max-body-size)",
        f"Send a body of at most {limit:,} bytes (body, rule max-body-size).",
        details={"parameter": "body", "rule": "max-body-size", "limit": limit},
        status=413,
    )


def _query_too_long(limit: int, length: int) -> ApiError:
    return ApiError(
        "VALIDATION_ERROR",
        f"query: the query string has {length:,} bytes; at most {limit:,} are read (rule max-query-length)",
        "Send fewer or shorter query parameters (query, rule max-query-length).",
        details={"parameter": "query", "rule": "max-query-length", "limit": limit, "length": length},
        status=414,
    )


def _query_not_utf8() -> ApiError:
    return ApiError(
        "VALIDATION_ERROR",
        "query: is not UTF-8 once percent-decoded (rule utf-8)",
        "Percent-encode the UTF-8 bytes of each value (query, rule utf-8).",
        details={"parameter": "query", "rule": "utf-8"},
        status=400,
    )


def _path_not_utf8() -> ApiError:
    return ApiError(
        "NOT_FOUND",
        "The path is not UTF-8 once percent-decoded, so it names nothing.",
        "See GET /docs/api-reference for the endpoints; percent-encode the UTF-8 bytes of each ID.",
        details={"rule": "utf-8"},
        status=404,
    )


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", ()):
        if name == b"content-length":
            return int(value) if value.isdigit() else None
    return None


class InputGuard:
    """Pure ASGI middleware: the limits above, checked before (and, for the body, while) a route reads the request."""

    def __init__(self, app: ASGIApp, *, max_body_bytes: int, max_query_bytes: int, now: Callable[[], datetime]) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes
        self.max_query_bytes = max_query_bytes
        self.now = now

    def refusal(self, scope: Scope) -> ApiError | None:
        """Why the request is refused from its head alone (its path, query string and Content-Length), if it is."""
        query: bytes = scope.get("query_string", b"")
        if len(query) > self.max_query_bytes:
            return _query_too_long(self.max_query_bytes, len(query))
        if not _utf8(unquote_to_bytes(query.replace(b"+", b" "))):
            return _query_not_utf8()
        raw_path = scope.get("raw_path")
        path = raw_path if isinstance(raw_path, bytes) else scope["path"].encode("utf-8", "surrogatepass")
        if not _utf8(unquote_to_bytes(path)):
            return _path_not_utf8()
        declared = _content_length(scope)
        if declared is not None and declared > self.max_body_bytes:
            return _too_large(self.max_body_bytes)
        return None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        refused = self.refusal(scope)
        if refused is not None:
            await self._answer(refused, scope, receive, send)
            return
        limit = self.max_body_bytes
        received = 0
        started = False

        async def counted_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    # The routes turn an ApiError into its envelope; the rest of the body is never read.
                    raise _too_large(limit)
            return message

        async def watched_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted_receive, watched_send)
        except ApiError as error:  # raised by counted_receive where no route caught it
            if started or error.status != 413:
                raise
            await self._answer(error, scope, receive, send)

    async def _answer(self, error: ApiError, scope: Scope, receive: Receive, send: Send) -> None:
        assert error.status is not None
        await error_response(error, error.status, self.now())(scope, receive, send)
