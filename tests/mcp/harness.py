"""The MCP server's test harness: an in-process sandbox, SDK clients on it, and MCP sessions over them.

The server runs in process with ``mcp.Client(server)``; its SDK client reaches the sandbox through
``httpx.ASGITransport``, counting the requests so a test can check that nothing was sent. Workflows
wait on the sandbox's clock: their ``sleep`` moves it (and yields for a moment), so a backtest's or a
claim's minutes pass at once.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field, replace
from typing import Any

import anyio
import httpx
import pytest
from heytraders import AsyncHeyTraders
from heytraders_mcp.server import ServerOptions, create_server
from heytraders_mcp.workflows import Timing
from heytraders_mock import MockConfig, create_app
from mcp import Client
from mcp.client.session import ElicitationFnT
from mcp_types import CallToolResult
from starlette.types import ASGIApp

BASE_URL = "http://mock/api/v1"
ALL_SCOPES = ["research", "read", "trade"]
# A workflow that waits this often has stopped stopping: fail instead of spinning.
MAX_SLEEPS = 2_000


class CountingTransport(httpx.AsyncBaseTransport):
    """The sandbox in process, counting the API requests that reach it."""

    def __init__(self, app: ASGIApp) -> None:
        self._inner = httpx.ASGITransport(app)
        self.sent: list[httpx.Request] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.sent.append(request)
        return await self._inner.handle_async_request(request)


@dataclass
class Sandbox:
    """One sandbox app, its clock, and the dashboard-side actions a test plays."""

    app: ASGIApp
    control: httpx.AsyncClient
    transport: CountingTransport
    sleeps: int = 0
    keys: list[str] = field(default_factory=list)

    @property
    def clock(self) -> Any:
        return self.app.state.sandbox.clock  # type: ignore[attr-defined]

    async def sleep(self, seconds: float) -> None:
        self.sleeps += 1
        assert self.sleeps <= MAX_SLEEPS, f"a workflow waited {MAX_SLEEPS} times without stopping"
        self.clock.advance(seconds)
        await anyio.sleep(0.002)  # let the test and the server's other tasks run

    def now(self) -> float:
        return float(self.clock.now().timestamp())

    @property
    def timing(self) -> Timing:
        return Timing(sleep=self.sleep, clock=self.now)

    async def key(self, *, scopes: list[str] = ALL_SCOPES, claimed: bool = True) -> dict[str, Any]:
        response = await self.control.post("/_mock/keys", json={"scopes": scopes, "claimed": claimed})
        assert response.status_code == 200, response.text
        data: dict[str, Any] = response.json()
        self.keys.append(data["api_key"])
        return data

    async def approve(self, code: str, scopes: list[str]) -> None:
        response = await self.control.post(f"/_mock/claims/{code}/approve", json={"scopes": scopes})
        assert response.status_code == 200, response.text

    def sdk(self, api_key: str | None) -> AsyncHeyTraders:
        return AsyncHeyTraders(api_key=api_key, base_url=BASE_URL, transport=self.transport, max_retries=0)


@pytest.fixture
async def sandbox() -> AsyncIterator[Sandbox]:
    app = create_app(MockConfig(seed=7))
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app), base_url="http://mock") as control:
        yield Sandbox(app, control, CountingTransport(app))


@asynccontextmanager
async def mcp_session(
    sandbox: Sandbox,
    options: ServerOptions | None = None,
    *,
    api_key: str | None,
    elicitation: ElicitationFnT | None = None,
    mode: str = "auto",
) -> AsyncIterator[Client]:
    """An MCP client session with a server over ``api_key``; ``mode="legacy"`` speaks a pre-2026 protocol."""
    options = replace(options or ServerOptions(), timing=sandbox.timing)
    async with sandbox.sdk(api_key) as sdk:
        server = create_server(sdk, options)
        async with Client(server, mode=mode, elicitation_callback=elicitation) as client:
            yield client


@pytest.fixture
async def key(sandbox: Sandbox) -> str:
    """A claimed key with every scope."""
    return str((await sandbox.key())["api_key"])


def error_of(result: CallToolResult) -> dict[str, Any]:
    """The structured error of a failed tool call."""
    assert result.is_error, result.content
    assert isinstance(result.structured_content, dict)
    error: dict[str, Any] = result.structured_content["error"]
    return error


def text_of(result: CallToolResult) -> str:
    return "\n".join(getattr(block, "text", "") for block in result.content)
