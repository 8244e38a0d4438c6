"""The ASGI app: every spec operation under the base path, and the control routes under ``/_mock``.

A request goes through: route match (404 ``NOT_FOUND``, 405 with ``Allow``) → time-driven state
brought up to the mock clock → key (401) → rate limit (429) → scope (403) → parameters read and
validated by the client's own validator (400 ``VALIDATION_ERROR``) → conditional scopes (403) →
the operation's handler, found by ``operationId``. Every answer is JSON in the spec's envelope,
the documents' markdown excepted.

Choices where the spec is silent:

- 405 answers carry ``VALIDATION_ERROR`` (the path exists; the method is what is wrong), with
  ``Allow`` listing the spec's methods. ``HEAD`` and ``OPTIONS`` are 405 too: the spec has none.
- Unknown query parameters are ignored; unknown body fields are 400 (the spec closes bodies).
- A path parameter that breaks its schema, on an operation that documents no 400, answers that
  operation's 404 code (``ORDER_NOT_FOUND`` …): such an ID cannot name anything.
- Rejected requests count against the rate limit; the control routes are not limited.
- The client IP is the socket peer; ``X-Forwarded-For`` is not trusted.
- ``AGENT_REQUIRED`` never arises (every request here is made with an API key) and tier quotas
  (``QUOTA_EXCEEDED``) are not modelled; claimed keys have no backtest or post quota.

Background work runs in the app's lifespan (any ASGI server runs it; ``httpx.ASGITransport`` does
not): the webhook worker (``webhooks.Deliverer``) and, with the real-time clock only, a ticker that
syncs the time-driven state every ``config.sync_interval`` seconds, so that signals are emitted and
delivered while nobody calls the API. At shutdown the ticker is cancelled at once; webhook attempts in
flight get up to ``webhooks.SHUTDOWN_GRACE`` seconds to be answered, then are cut short.
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import logging
from collections.abc import AsyncIterator
from datetime import datetime
from urllib.parse import quote

from heytraders._exceptions import RequestValidationError
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from . import handlers  # noqa: F401 (registers every handler)
from .auth import authenticate, rate_limit, require_scopes
from .config import MockConfig
from .context import HANDLERS, Context, Sandbox, request_view
from .control import control_routes
from .errors import ApiError, ApiJSONResponse, error_response, success_body
from .faults import FaultInjector, install
from .guards import InputGuard
from .routing import Match, MethodNotAllowed, Router
from .spec import ApiSpec, load_api
from .validation import read_values, validation_error

logger = logging.getLogger("heytraders_mock")
# Every method reaches the router, which answers 405 itself for the ones the spec does not list.
ALL_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE"]


def _not_found(method: str, path: str) -> ApiError:
    return ApiError(
        "NOT_FOUND",
        f"No operation at {method} {path}.",
        "See GET /docs/api-reference for the endpoints.",
        details={"method": method, "path": path},
    )


def _not_allowed(method: str, path: str, allowed: tuple[str, ...]) -> ApiError:
    listed = ", ".join(allowed)
    return ApiError(
        "VALIDATION_ERROR",
        f"{method} is not allowed on {path}; allowed: {listed}.",
        f"Use {listed} on this path.",
        details={"method": method, "path": path, "allowed": list(allowed)},
        headers={"Allow": listed},
        status=405,
    )


class Api:
    """Serves the spec's operations for one sandbox."""

    def __init__(self, sandbox: Sandbox) -> None:
        self.sandbox = sandbox
        self.router = Router(sandbox.api.operations)
        self.base = sandbox.config.base_path.rstrip("/")

    def status(self, error: ApiError) -> int:
        return error.status or self.sandbox.api.error_status.get(error.code, 500)

    async def handle(self, request: Request) -> Response:
        now = self.sandbox.clock.now()
        raw_path = request.scope.get("raw_path")
        path = raw_path.decode("latin-1") if isinstance(raw_path, bytes) else quote(request.url.path)
        relative = path[len(self.base) :] if path.startswith(self.base) else path
        found = self.router.match(request.method, relative)
        if found is None:
            error = _not_found(request.method, request.url.path)
            return error_response(error, 404, now)
        if isinstance(found, MethodNotAllowed):
            error = _not_allowed(request.method, request.url.path, found.allowed)
            return error_response(error, 405, now)
        try:
            return await self.serve(request, found, now)
        except RequestValidationError as failure:
            error = validation_error(found.operation, failure)
        except ApiError as failure:
            error = failure
        except Exception:
            logger.exception("unexpected error in %s", found.operation.operation_id)
            error = ApiError("INTERNAL_ERROR", "Internal server error.", "Try again; the mock logged the problem.")
        return error_response(error, self.status(error), now)

    async def serve(self, request: Request, found: Match, moment: datetime) -> Response:
        sandbox = self.sandbox
        op = found.operation
        sandbox.sync(moment)
        client_ip = request.client.host if request.client is not None else "unknown"
        agent = authenticate(sandbox.store, op, request.headers, moment)
        rate_limit(sandbox.store, agent, client_ip, moment)
        require_scopes(op, agent, None)
        values = await read_values(request, op, found.path_params)
        view = request_view(sandbox.store, op, agent, values)
        require_scopes(op, agent, view)
        context = Context(
            sandbox=sandbox,
            op=op,
            view=view,
            agent=agent,
            now=moment,
            client_ip=client_ip,
            accept=request.headers.get("accept", ""),
        )
        result = HANDLERS[op.operation_id](context)
        if inspect.isawaitable(result):  # a handler that waits on the network (the webhook test)
            result = await result
        if isinstance(result, Response):
            return result
        return ApiJSONResponse(success_body(result, moment))


def _check_handlers(api: ApiSpec) -> None:
    missing = sorted(op.operation_id for op in api.operations if op.operation_id not in HANDLERS)
    if missing:
        raise RuntimeError(f"the spec has operations no handler serves: {', '.join(missing)}")


async def _tick(sandbox: Sandbox) -> None:
    """Sync the time-driven state on the real-time clock, so that it moves while nobody calls the API."""
    while True:
        await asyncio.sleep(sandbox.config.sync_interval)
        try:
            sandbox.sync(sandbox.clock.now())
        except Exception:  # one bad sync must not stop the ticker
            logger.exception("syncing the sandbox failed")


def create_app(config: MockConfig | None = None) -> Starlette:
    """A fresh mock: its own state, seeded by ``config.seed``, serving the spec under ``config.base_path``."""
    config = config or MockConfig()
    api_spec = load_api()
    _check_handlers(api_spec)
    sandbox = Sandbox.create(config, api_spec)
    api = Api(sandbox)

    async def http_error(request: Request, exc: Exception) -> Response:
        now = sandbox.clock.now()
        assert isinstance(exc, HTTPException)
        if exc.status_code == 405:
            allowed = tuple((exc.headers or {}).get("Allow", "").replace(" ", "").split(","))
            return error_response(_not_allowed(request.method, request.url.path, allowed), 405, now)
        return error_response(_not_found(request.method, request.url.path), 404, now)

    async def server_error(request: Request, exc: Exception) -> Response:
        logger.exception("unexpected error", exc_info=exc)
        error = ApiError("INTERNAL_ERROR", "Internal server error.", "Try again; the mock logged the problem.")
        return error_response(error, 500, sandbox.clock.now())

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        await sandbox.webhooks.start()
        ticker = asyncio.create_task(_tick(sandbox)) if sandbox.clock.realtime else None
        try:
            yield
        finally:
            if ticker is not None:
                ticker.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await ticker
            await sandbox.webhooks.stop()

    faults = FaultInjector(api_spec, config.base_path, config.seed, sandbox.clock.now) if config.faults else None
    routes = [*control_routes(sandbox, faults), Route(api.base + "/{path:path}", api.handle, methods=ALL_METHODS)]
    app = Starlette(
        routes=routes,
        exception_handlers={HTTPException: http_error, Exception: server_error},
        lifespan=lifespan,
    )
    app.router.redirect_slashes = False  # /api/v1 without a path is a 404 envelope, not a redirect
    # Oversize bodies, long or non-UTF-8 query strings and non-UTF-8 paths are refused before any route reads them.
    app.add_middleware(
        InputGuard,
        max_body_bytes=config.max_body_bytes,
        max_query_bytes=config.max_query_bytes,
        now=sandbox.clock.now,
    )
    app.state.sandbox = sandbox
    if faults is not None:
        install(app, faults)  # outermost, so that it can drop connections
    return app
