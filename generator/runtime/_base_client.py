"""The one request loop: build, authenticate, send, retry, map errors. Sync and async share all but I/O."""

from __future__ import annotations

import importlib
import logging
import os
import random
import re
import time
import uuid
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Final, Generic, Literal, Self, TypeVar
from urllib.parse import quote

import httpx

from . import _json
from ._exceptions import (
    APIConnectionError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    MissingAPIKeyError,
    OrderStatusUnknownError,
    make_status_error,
    parse_retry_after,
)
from ._operation import OperationSpec
from ._resource import capture_response
from ._response import APIResponse
from ._types import NOT_GIVEN, NotGiven
from ._validation import OperationPlan, plan_for, prepare_request

__all__ = [
    "DEFAULT_BASE_URL",
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_TIMEOUT",
    "AsyncAPIClient",
    "AuthStyle",
    "ClientOptions",
    "SyncAPIClient",
]

T = TypeVar("T")
_HttpxClientT = TypeVar("_HttpxClientT", httpx.Client, httpx.AsyncClient)

AuthStyle = Literal["bearer", "x-api-key"]

DEFAULT_BASE_URL: Final = "https://hey-traders.com/api/v1"
DEFAULT_TIMEOUT: Final = httpx.Timeout(30.0, connect=5.0)
DEFAULT_MAX_RETRIES: Final = 2
INITIAL_RETRY_DELAY: Final = 0.5
MAX_RETRY_DELAY: Final = 8.0
MAX_RETRY_AFTER: Final = 60.0
RETRYABLE_STATUSES: Final = frozenset({408, 429, 500, 502, 503, 504})

ENV_API_KEY: Final = "HEYTRADERS_API_KEY"
ENV_BASE_URL: Final = "HEYTRADERS_BASE_URL"
ENV_LOG: Final = "HEYTRADERS_LOG"

# Failures that happen before any byte of the request leaves: safe to retry even a POST.
_NOT_SENT: Final = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout, httpx.UnsupportedProtocol)
_TRANSIENT: Final = (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError)
_REDACTED: Final = "<redacted>"
_SECRET_KEYS: Final = frozenset({"secret", "api_key", "password"})

logger = logging.getLogger("heytraders")


def new_order_label() -> str:
    """A unique label for an order the caller did not label: ``ht-`` and 16 random hex digits."""
    return f"ht-{uuid.uuid4().hex[:16]}"


def _package_version() -> str:
    # The generated package has a rendered `_version.py`; the runtime's own tests do not.
    try:
        module = importlib.import_module("._version", __package__)
    except ImportError:
        return "0.0.0"
    return str(getattr(module, "__version__", "0.0.0"))


USER_AGENT: Final = f"heytraders-python/{_package_version()}"
POOL_HEADERS: Final[Mapping[str, str]] = {"User-Agent": USER_AGENT, "Accept": "application/json"}
_SAFE_SEGMENT: Final = re.compile(r"[A-Za-z0-9._~-]+")


def _quote_segment(value: str) -> str:
    # Ids are almost always URL-safe: skip urllib's slower quoting for them.
    return value if _SAFE_SEGMENT.fullmatch(value) else quote(value, safe="")


@dataclass(frozen=True, repr=False)
class ClientOptions:
    """A client's settings; immutable, so copies made by ``with_options`` never interfere.

    Attributes:
        api_key: The API key, or ``None``. Never shown in a repr.
        base_url: API root, without a trailing slash.
        auth_style: ``"bearer"`` sends ``Authorization: Bearer <key>``; ``"x-api-key"`` sends ``X-API-Key``.
        timeout: Seconds, or an ``httpx.Timeout``.
        max_retries: Retries after the first attempt.
        default_headers: Headers sent with every request.
    """

    api_key: str | None = None
    base_url: str = DEFAULT_BASE_URL
    auth_style: AuthStyle = "bearer"
    timeout: float | httpx.Timeout = field(default_factory=lambda: DEFAULT_TIMEOUT)
    max_retries: int = DEFAULT_MAX_RETRIES
    default_headers: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.auth_style not in ("bearer", "x-api-key"):
            raise ValueError(f"auth_style must be 'bearer' or 'x-api-key', not {self.auth_style!r}")
        if self.max_retries < 0:
            raise ValueError("max_retries must be 0 or more")
        object.__setattr__(self, "base_url", self.base_url.rstrip("/"))

    @classmethod
    def from_env(
        cls,
        *,
        api_key: str | None = None,
        base_url: str | None = None,
        auth_style: AuthStyle = "bearer",
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        default_headers: Mapping[str, str] | None = None,
    ) -> ClientOptions:
        """Build options, filling ``api_key`` and ``base_url`` from the environment when not given.

        Args:
            api_key: Defaults to ``HEYTRADERS_API_KEY``.
            base_url: Defaults to ``HEYTRADERS_BASE_URL``, else the production URL.
            auth_style: How the key is sent.
            timeout: Defaults to 30 s (5 s to connect).
            max_retries: Defaults to 2.
            default_headers: Extra headers for every request.

        Returns:
            The options.
        """
        return cls(
            api_key=api_key if api_key is not None else (os.environ.get(ENV_API_KEY) or None),
            base_url=base_url or os.environ.get(ENV_BASE_URL) or DEFAULT_BASE_URL,
            auth_style=auth_style,
            timeout=DEFAULT_TIMEOUT if timeout is None else timeout,
            max_retries=DEFAULT_MAX_RETRIES if max_retries is None else max_retries,
            default_headers=dict(default_headers or {}),
        )

    def __repr__(self) -> str:
        return (
            f"ClientOptions(base_url={self.base_url!r}, auth_style={self.auth_style!r}, "
            f"api_key={_key_shown(self.api_key)}, timeout={self.timeout!r}, max_retries={self.max_retries}, "
            f"default_headers={sorted(self.default_headers)!r})"
        )


def _key_shown(api_key: str | None) -> str:
    return "<set>" if api_key else "None"


def _configure_logging_from_env() -> None:
    if os.environ.get(ENV_LOG, "").strip().lower() != "debug":
        return
    logger.setLevel(logging.DEBUG)
    if not logger.hasHandlers():
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("[%(asctime)s %(name)s %(levelname)s] %(message)s"))
        logger.addHandler(handler)


def _redact_secrets(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: (_REDACTED if k in _SECRET_KEYS else _redact_secrets(v)) for k, v in value.items()}
    if isinstance(value, list):
        return [_redact_secrets(v) for v in value]
    return value


@dataclass(slots=True)
class _Prepared:
    """One call, ready to send (and to re-send on retry)."""

    method: str
    path: str
    url: str
    params: dict[str, Any] | None
    content: bytes | None
    headers: Mapping[str, str]
    timeout: float | httpx.Timeout
    body: dict[str, Any] | None
    markdown: bool


class _BaseClient(Generic[_HttpxClientT]):
    """What the sync and async clients share: options, request building and retry decisions."""

    _client: _HttpxClientT
    _owns_client: bool
    _options: ClientOptions
    _error_classes: Mapping[str, type[APIStatusError]]
    _headers: dict[tuple[bool, bool, bool], dict[str, str]]
    _pool_timeout: float | httpx.Timeout | None
    _pool_timeout_ext: dict[str, float | None]
    _random: Callable[[], float]
    _clock: Callable[[], float]

    def _setup(
        self,
        options: ClientOptions,
        client: _HttpxClientT,
        *,
        owns_client: bool,
        error_classes: Mapping[str, type[APIStatusError]],
        pool_timeout: float | httpx.Timeout | None,
    ) -> None:
        self._options = options
        self._client = client
        self._owns_client = owns_client
        self._error_classes = error_classes
        # The timeout of a pool this runtime created (None for a caller's client). Such a pool has
        # nothing of the caller's (base URL, auth, hooks aside): requests for it are built directly,
        # with its headers merged in advance, which saves httpx's per-request merging.
        self._pool_timeout = pool_timeout
        self._pool_timeout_ext = httpx.Timeout(pool_timeout).as_dict() if pool_timeout is not None else {}
        self._random = random.random
        self._clock = time.time
        pool_headers = dict(client.headers) if pool_timeout is not None else dict(POOL_HEADERS)
        self._headers = self._build_headers(options, pool_headers)
        _configure_logging_from_env()

    @staticmethod
    def _build_headers(
        options: ClientOptions, pool_headers: Mapping[str, str]
    ) -> dict[tuple[bool, bool, bool], dict[str, str]]:
        # Every combination of (authenticated, markdown, JSON body), built once: no per-call header work.
        # Lower-case names throughout, so a caller's header replaces ours instead of doubling it.
        auth: dict[str, str] = {}
        if options.api_key:
            if options.auth_style == "bearer":
                auth = {"authorization": f"Bearer {options.api_key}"}
            else:
                auth = {"x-api-key": options.api_key}
        base = {name.lower(): value for name, value in pool_headers.items()}
        base.update({name.lower(): value for name, value in options.default_headers.items()})
        table: dict[tuple[bool, bool, bool], dict[str, str]] = {}
        for with_auth in (False, True):
            for markdown in (False, True):
                for body in (False, True):
                    headers = dict(base)
                    if markdown:
                        headers["accept"] = "text/markdown"
                    if body:
                        headers["content-type"] = "application/json"
                    if with_auth:
                        headers.update(auth)
                    table[(with_auth, markdown, body)] = headers
        return table

    @property
    def options(self) -> ClientOptions:
        """The client's settings."""
        return self._options

    @property
    def base_url(self) -> str:
        """The API root every path is joined to."""
        return self._options.base_url

    @property
    def max_retries(self) -> int:
        """Retries after the first attempt."""
        return self._options.max_retries

    @property
    def timeout(self) -> float | httpx.Timeout:
        """The default per-request timeout."""
        return self._options.timeout

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(base_url={self._options.base_url!r}, "
            f"auth_style={self._options.auth_style!r}, api_key={_key_shown(self._options.api_key)})"
        )

    def _copy_with(self, **changes: Any) -> Self:
        # A fresh instance (its lazily built resources bound to the copy) sharing the connection pool.
        options = replace(self._options, **{k: v for k, v in changes.items() if v is not NOT_GIVEN})
        new = object.__new__(type(self))
        new._setup(
            options,
            self._client,
            owns_client=False,
            error_classes=self._error_classes,
            pool_timeout=self._pool_timeout,
        )
        new._random = self._random
        new._clock = self._clock
        return new

    # -- request building ------------------------------------------------------------------------

    def _prepare(
        self,
        op: OperationSpec,
        values: Mapping[str, Any],
        *,
        timeout: float | httpx.Timeout | NotGiven,
        extra_headers: Mapping[str, str] | None,
        accept_markdown: bool,
    ) -> _Prepared:
        if op.places_order and isinstance(values.get("label", NOT_GIVEN), NotGiven):
            # An order always carries a label, so that after an ambiguous failure it can be found again
            # (OrderStatusUnknownError.sent has it; client.orders.find_order does the lookup).
            values = {**values, "label": new_order_label()}
        view = prepare_request(op, values)  # validation: raises before any I/O
        plan: OperationPlan = op._plan  # built by prepare_request
        has_key = bool(self._options.api_key)
        if not op.public and not op.key_optional and not has_key:
            raise MissingAPIKeyError(
                f"{op.operation_id} needs an API key: set {ENV_API_KEY} or pass api_key=... "
                "(POST /meta/register gives a provisional key). Nothing was sent."
            )
        path = op.path
        if plan.path_names:
            path = path.format_map({name: _quote_segment(str(view[name])) for name in plan.path_names})
        params = {name: view[name] for name in plan.query_names if view.get(name) is not None} or None
        body: dict[str, Any] | None = None
        content: bytes | None = None
        if plan.body_names:
            body = {name: view[name] for name in plan.body_names if name in view}
            content = _json.dumps(body).encode()
        markdown = accept_markdown and op.markdown
        headers: Mapping[str, str] = self._headers[(has_key and not op.public, markdown, content is not None)]
        if extra_headers:
            headers = {**headers, **{name.lower(): value for name, value in extra_headers.items()}}
        return _Prepared(
            method=op.method,
            path=path,
            url=self._options.base_url + path,
            params=params,
            content=content,
            headers=headers,
            timeout=self._options.timeout if isinstance(timeout, NotGiven) else timeout,
            body=body,
            markdown=markdown,
        )

    def _build_request(self, prepared: _Prepared) -> httpx.Request:
        own_timeout = prepared.timeout is self._pool_timeout
        # Built directly for our own pool (same result as build_request: its headers are merged in
        # already); through httpx for a caller's client, or once the pool holds cookies (a sticky
        # load balancer) so they are sent back.
        if self._pool_timeout is not None and not self._client.cookies:
            timeout = self._pool_timeout_ext if own_timeout else httpx.Timeout(prepared.timeout).as_dict()
            return httpx.Request(
                prepared.method,
                prepared.url,
                params=prepared.params,
                content=prepared.content,
                headers=prepared.headers,
                extensions={"timeout": timeout},
            )
        return self._client.build_request(
            prepared.method,
            prepared.url,
            params=prepared.params,
            content=prepared.content,
            headers=prepared.headers,
            timeout=httpx.USE_CLIENT_DEFAULT if own_timeout else prepared.timeout,
        )

    @staticmethod
    def _checked_retries(max_retries: int) -> int:
        if max_retries < 0:
            raise ValueError("max_retries must be 0 or more")
        return max_retries

    # -- after an attempt ------------------------------------------------------------------------

    @staticmethod
    def _redact_request(request: httpx.Request) -> None:
        # A failed request travels on in exceptions: strip the key once it has been sent. (Only on
        # error paths: a successful response stays with the caller, who holds the key anyway.)
        for name in ("authorization", "x-api-key"):
            if name in request.headers:
                request.headers[name] = _REDACTED

    @staticmethod
    def _log_attempt(prepared: _Prepared, outcome: int | str, attempt: int, started: float) -> None:
        elapsed_ms = (time.perf_counter() - started) * 1000.0
        # Method, path and outcome only: never headers, query values or the key.
        logger.debug("%s %s -> %s (attempt %d, %.1f ms)", prepared.method, prepared.path, outcome, attempt, elapsed_ms)

    def _retry_delay(self, retries_taken: int, headers: httpx.Headers | None) -> float:
        if headers is not None:
            asked = parse_retry_after(headers, now=self._clock())
            if asked is not None and 0 < asked <= MAX_RETRY_AFTER:
                return asked
        delay = min(INITIAL_RETRY_DELAY * 2.0**retries_taken, MAX_RETRY_DELAY)
        return delay * (1.0 - 0.25 * self._random())  # jitter: a factor in (0.75, 1]

    def _sent(self, op: OperationSpec, prepared: _Prepared) -> dict[str, Any]:
        body = prepared.body or {}
        secrets = plan_for(op).secret_names
        return {k: (_REDACTED if k in secrets else v) for k, v in _redact_secrets(body).items()}

    def _status_error(self, response: httpx.Response) -> APIStatusError:
        secrets = (self._options.api_key,) if self._options.api_key else ()
        return make_status_error(response, self._error_classes, secrets=secrets)

    def _on_transport_error(
        self,
        op: OperationSpec,
        prepared: _Prepared,
        request: httpx.Request,
        exc: httpx.RequestError,
        retries_taken: int,
        max_retries: int,
    ) -> float:
        """Return the delay before the next attempt, or raise the error to give the caller."""
        not_sent = isinstance(exc, _NOT_SENT)
        if op.places_order and not not_sent:
            raise OrderStatusUnknownError(sent=self._sent(op, prepared), cause=exc) from exc
        if isinstance(exc, _TRANSIENT) and (op.idempotent or not_sent) and retries_taken < max_retries:
            return self._retry_delay(retries_taken, None)
        where = f"{prepared.method} {prepared.path}"
        if isinstance(exc, httpx.TimeoutException):
            raise APITimeoutError(f"Request timed out: {where} ({type(exc).__name__}).", request=request) from exc
        raise APIConnectionError(f"Connection error: {where} ({type(exc).__name__}: {exc}).", request=request) from exc

    def _on_error_status(
        self, op: OperationSpec, prepared: _Prepared, response: httpx.Response, retries_taken: int, max_retries: int
    ) -> float:
        """Return the delay before the next attempt, or raise the error to give the caller."""
        self._redact_request(response.request)
        status = response.status_code
        if op.places_order and status >= 500:
            cause = self._status_error(response)
            raise OrderStatusUnknownError(sent=self._sent(op, prepared), cause=cause) from cause
        retryable = status in RETRYABLE_STATUSES and (op.idempotent or status == 429)
        if retryable and retries_taken < max_retries:
            return self._retry_delay(retries_taken, response.headers)
        raise self._status_error(response)

    def _finish(
        self, op: OperationSpec, prepared: _Prepared, response: httpx.Response, parse: Callable[[Any], T]
    ) -> APIResponse[T]:
        # Bulk-row parsers (_rows.RowsParser) read a success envelope's bytes in one typed pass; None: read it here.
        decode_envelope = getattr(parse, "decode_envelope", None)
        decoded = decode_envelope(response.content) if decode_envelope is not None else None
        if decoded is not None:
            result = APIResponse(response, parse, meta=decoded[1], parsed=decoded[0])
        elif prepared.markdown and not response.headers.get("content-type", "").startswith("application/json"):
            result = APIResponse(response, parse, data=response.text)
        elif not response.content:
            result = APIResponse(response, parse)
        else:
            try:
                # JSON is UTF-8 (RFC 8259); decoding first skips json's encoding sniffing. Numbers with a
                # fraction become Decimals of their own text: an amount never passes through a float.
                body = _json.loads(response.content.decode())
            except ValueError as exc:
                self._redact_request(response.request)
                content_type = response.headers.get("content-type", "")
                unreadable = APIResponseValidationError(
                    f"Expected a JSON response from {prepared.method} {prepared.path}, "
                    f"got {content_type or 'no content type'}: {response.text[:200]!r}",
                    response=response,
                )
                if op.places_order:
                    # A 2xx nobody can read (a proxy's page, a mangled body): the order may well exist, and a
                    # caller who took this for a failure and placed it again would place it twice.
                    raise OrderStatusUnknownError(sent=self._sent(op, prepared), cause=unreadable) from unreadable
                raise unreadable from exc
            if isinstance(body, dict) and ("success" in body or "data" in body):
                if body.get("success") is False:
                    self._redact_request(response.request)
                    raise self._status_error(response)
                meta = body.get("meta")
                result = APIResponse(
                    response, parse, data=body.get("data"), meta=meta if isinstance(meta, dict) else None
                )
            else:
                result = APIResponse(response, parse, data=body)
        capture_response(result)
        return result


class SyncAPIClient(_BaseClient[httpx.Client]):
    """The synchronous client base: one pooled ``httpx.Client`` and the request loop.

    Args:
        api_key: Defaults to ``HEYTRADERS_API_KEY``.
        base_url: Defaults to ``HEYTRADERS_BASE_URL``, else ``https://hey-traders.com/api/v1``.
        auth_style: ``"bearer"`` or ``"x-api-key"``.
        timeout: Seconds or an ``httpx.Timeout``; defaults to 30 s (5 s to connect).
        max_retries: Retries after the first attempt; defaults to 2.
        http_client: Your own ``httpx.Client``; it is used as is and never closed by this client.
        transport: An httpx transport for the client this one creates (tests, proxies).
        default_headers: Headers for every request.
        error_classes: Exception class per API error code (generated).
    """

    # Injectable so tests can assert delays without waiting.
    _sleep: Callable[[float], None]

    def __init__(
        self,
        *,
        api_key: str | None = None,
        base_url: str | None = None,
        auth_style: AuthStyle = "bearer",
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        http_client: httpx.Client | None = None,
        transport: httpx.BaseTransport | None = None,
        default_headers: Mapping[str, str] | None = None,
        error_classes: Mapping[str, type[APIStatusError]] | None = None,
    ) -> None:
        options = ClientOptions.from_env(
            api_key=api_key,
            base_url=base_url,
            auth_style=auth_style,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
        )
        if http_client is not None and transport is not None:
            raise ValueError("pass either http_client or transport, not both")
        if http_client is None:
            client = httpx.Client(transport=transport, timeout=options.timeout, headers=POOL_HEADERS)
            self._setup(
                options, client, owns_client=True, error_classes=error_classes or {}, pool_timeout=options.timeout
            )
        else:
            self._setup(options, http_client, owns_client=False, error_classes=error_classes or {}, pool_timeout=None)

    def _setup(
        self,
        options: ClientOptions,
        client: httpx.Client,
        *,
        owns_client: bool,
        error_classes: Mapping[str, type[APIStatusError]],
        pool_timeout: float | httpx.Timeout | None,
    ) -> None:
        super()._setup(options, client, owns_client=owns_client, error_classes=error_classes, pool_timeout=pool_timeout)
        self._sleep = time.sleep

    def with_options(
        self,
        *,
        api_key: str | NotGiven | None = NOT_GIVEN,
        base_url: str | NotGiven = NOT_GIVEN,
        auth_style: AuthStyle | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        default_headers: Mapping[str, str] | NotGiven = NOT_GIVEN,
    ) -> Self:
        """Return a copy with some settings changed, sharing this client's connection pool.

        The copy does not own the pool: closing it is a no-op; close the original when done.

        Args:
            api_key: A different key.
            base_url: A different API root.
            auth_style: A different header style.
            timeout: A different default timeout.
            max_retries: A different retry count.
            default_headers: Replaces the default headers.

        Returns:
            A client of the same class.
        """
        new = self._copy_with(
            api_key=api_key,
            base_url=base_url,
            auth_style=auth_style,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
        )
        new._sleep = self._sleep
        return new

    @property
    def is_closed(self) -> bool:
        """Whether the underlying connection pool is closed."""
        return self._client.is_closed

    def close(self) -> None:
        """Close the connection pool, if this client created it."""
        if self._owns_client:
            self._client.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def request(
        self,
        op: OperationSpec,
        values: Mapping[str, Any],
        *,
        parse: Callable[[Any], T],
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        accept_markdown: bool = False,
    ) -> APIResponse[T]:
        """Validate, send and retry one operation call.

        Args:
            op: The operation.
            values: Keyword arguments by parameter name; ``NOT_GIVEN`` values are dropped.
            parse: Turns the envelope's ``data`` (or the markdown text) into the result type.
            timeout: Overrides the client's timeout for this call.
            max_retries: Overrides the client's retry count for this call.
            extra_headers: Headers added to this call.
            accept_markdown: Ask for ``text/markdown`` (operations that serve it).

        Returns:
            The response; ``.parse()`` gives the data.

        Raises:
            RequestValidationError: The arguments break the spec (nothing sent).
            MissingAPIKeyError: The operation needs a key and none is set (nothing sent).
            APIStatusError: The API answered with an error (a subclass per status and code).
            APIConnectionError: No answer (``APITimeoutError`` for a timeout).
            OrderStatusUnknownError: An order request failed after it may have been sent.
        """
        prepared = self._prepare(
            op, values, timeout=timeout, extra_headers=extra_headers, accept_markdown=accept_markdown
        )
        retries = self._options.max_retries if isinstance(max_retries, NotGiven) else self._checked_retries(max_retries)
        log = logger.isEnabledFor(logging.DEBUG)  # once per call: the clock is read only when logging
        retries_taken = 0
        while True:
            request = self._build_request(prepared)
            started = time.perf_counter() if log else 0.0
            try:
                response = self._client.send(request)
            except httpx.RequestError as exc:
                self._redact_request(request)
                if log:
                    self._log_attempt(prepared, type(exc).__name__, retries_taken + 1, started)
                delay = self._on_transport_error(op, prepared, request, exc, retries_taken, retries)
            else:
                if log:
                    self._log_attempt(prepared, response.status_code, retries_taken + 1, started)
                if 200 <= response.status_code < 300:
                    return self._finish(op, prepared, response, parse)
                delay = self._on_error_status(op, prepared, response, retries_taken, retries)
            retries_taken += 1
            self._sleep(delay)


class AsyncAPIClient(_BaseClient[httpx.AsyncClient]):
    """The asynchronous client base: one pooled ``httpx.AsyncClient`` and the request loop.

    Args:
        api_key: Defaults to ``HEYTRADERS_API_KEY``.
        base_url: Defaults to ``HEYTRADERS_BASE_URL``, else ``https://hey-traders.com/api/v1``.
        auth_style: ``"bearer"`` or ``"x-api-key"``.
        timeout: Seconds or an ``httpx.Timeout``; defaults to 30 s (5 s to connect).
        max_retries: Retries after the first attempt; defaults to 2.
        http_client: Your own ``httpx.AsyncClient``; it is used as is and never closed by this client.
        transport: An httpx async transport for the client this one creates.
        default_headers: Headers for every request.
        error_classes: Exception class per API error code (generated).
    """

    # Injectable so tests can assert delays without waiting.
    _asleep: Callable[[float], Awaitable[None]]

    def __init__(
        self,
        *,
        api_key: str | None = None,
        base_url: str | None = None,
        auth_style: AuthStyle = "bearer",
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
        http_client: httpx.AsyncClient | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        default_headers: Mapping[str, str] | None = None,
        error_classes: Mapping[str, type[APIStatusError]] | None = None,
    ) -> None:
        options = ClientOptions.from_env(
            api_key=api_key,
            base_url=base_url,
            auth_style=auth_style,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
        )
        if http_client is not None and transport is not None:
            raise ValueError("pass either http_client or transport, not both")
        if http_client is None:
            client = httpx.AsyncClient(transport=transport, timeout=options.timeout, headers=POOL_HEADERS)
            self._setup(
                options, client, owns_client=True, error_classes=error_classes or {}, pool_timeout=options.timeout
            )
        else:
            self._setup(options, http_client, owns_client=False, error_classes=error_classes or {}, pool_timeout=None)

    def _setup(
        self,
        options: ClientOptions,
        client: httpx.AsyncClient,
        *,
        owns_client: bool,
        error_classes: Mapping[str, type[APIStatusError]],
        pool_timeout: float | httpx.Timeout | None,
    ) -> None:
        super()._setup(options, client, owns_client=owns_client, error_classes=error_classes, pool_timeout=pool_timeout)
        self._asleep = _default_asleep

    def with_options(
        self,
        *,
        api_key: str | NotGiven | None = NOT_GIVEN,
        base_url: str | NotGiven = NOT_GIVEN,
        auth_style: AuthStyle | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        default_headers: Mapping[str, str] | NotGiven = NOT_GIVEN,
    ) -> Self:
        """Return a copy with some settings changed, sharing this client's connection pool.

        The copy does not own the pool: closing it is a no-op; close the original when done.

        Args:
            api_key: A different key.
            base_url: A different API root.
            auth_style: A different header style.
            timeout: A different default timeout.
            max_retries: A different retry count.
            default_headers: Replaces the default headers.

        Returns:
            A client of the same class.
        """
        new = self._copy_with(
            api_key=api_key,
            base_url=base_url,
            auth_style=auth_style,
            timeout=timeout,
            max_retries=max_retries,
            default_headers=default_headers,
        )
        new._asleep = self._asleep
        return new

    @property
    def is_closed(self) -> bool:
        """Whether the underlying connection pool is closed."""
        return self._client.is_closed

    async def close(self) -> None:
        """Close the connection pool, if this client created it."""
        if self._owns_client:
            await self._client.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()

    async def request(
        self,
        op: OperationSpec,
        values: Mapping[str, Any],
        *,
        parse: Callable[[Any], T],
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        accept_markdown: bool = False,
    ) -> APIResponse[T]:
        """Validate, send and retry one operation call (see ``SyncAPIClient.request``).

        Args:
            op: The operation.
            values: Keyword arguments by parameter name; ``NOT_GIVEN`` values are dropped.
            parse: Turns the envelope's ``data`` (or the markdown text) into the result type.
            timeout: Overrides the client's timeout for this call.
            max_retries: Overrides the client's retry count for this call.
            extra_headers: Headers added to this call.
            accept_markdown: Ask for ``text/markdown`` (operations that serve it).

        Returns:
            The response; ``.parse()`` gives the data.
        """
        prepared = self._prepare(
            op, values, timeout=timeout, extra_headers=extra_headers, accept_markdown=accept_markdown
        )
        retries = self._options.max_retries if isinstance(max_retries, NotGiven) else self._checked_retries(max_retries)
        log = logger.isEnabledFor(logging.DEBUG)  # once per call: the clock is read only when logging
        retries_taken = 0
        while True:
            request = self._build_request(prepared)
            started = time.perf_counter() if log else 0.0
            try:
                response = await self._client.send(request)
            except httpx.RequestError as exc:
                self._redact_request(request)
                if log:
                    self._log_attempt(prepared, type(exc).__name__, retries_taken + 1, started)
                delay = self._on_transport_error(op, prepared, request, exc, retries_taken, retries)
            else:
                if log:
                    self._log_attempt(prepared, response.status_code, retries_taken + 1, started)
                if 200 <= response.status_code < 300:
                    return self._finish(op, prepared, response, parse)
                delay = self._on_error_status(op, prepared, response, retries_taken, retries)
            retries_taken += 1
            await self._asleep(delay)


async def _default_asleep(seconds: float) -> None:
    # anyio (an httpx dependency) sleeps under asyncio and trio alike; imported on first retry only.
    import anyio

    await anyio.sleep(seconds)
