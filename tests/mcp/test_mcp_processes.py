"""``heytraders-mcp`` as a real process: over stdio with a real MCP client, and over HTTP on 127.0.0.1 with a token.

Both talk to the sandbox served by uvicorn on a free 127.0.0.1 port (in this process: it saves starting a
second one). Other addresses need ``--allow-remote`` and a token, and the command refuses them before
binding anything.
"""

from __future__ import annotations

import os
import socket
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import httpx2
import pytest
from heytraders import AsyncHeyTraders
from heytraders_mcp import cli
from heytraders_mcp.http_server import BindError, check_bind
from heytraders_mcp.server import HeyTradersMCP, ServerOptions
from heytraders_mock import MockConfig
from mcp import Client, StdioServerParameters
from mcp.client.stdio import stdio_client
from mcp.client.streamable_http import streamable_http_client

from examples.run_demo import free_port
from tests.mock.conftest import running

pytestmark = pytest.mark.anyio

HOST = "127.0.0.1"
BIN = Path(sys.executable).parent
TOKEN = "test-token-0123456789abcdef"
READY = 30.0


@pytest.fixture(scope="module")
def mock_api() -> Iterator[tuple[str, str]]:
    """The sandbox on a free port: its API base URL and a claimed key with every scope."""
    with running(MockConfig(seed=3)) as (sandbox, _):
        key = sandbox.key("research", "read", "trade")
        yield f"{sandbox.http.base_url}/api/v1", key.api_key


def server_env(api_key: str, **extra: str) -> dict[str, str]:
    env = {name: value for name, value in os.environ.items() if not name.startswith("HEYTRADERS_")}
    return {**env, "HEYTRADERS_API_KEY": api_key, "HEYTRADERS_CONFIG_DIR": tempfile.gettempdir(), **extra}


async def test_over_stdio_a_real_client_lists_and_calls_tools(mock_api: tuple[str, str]) -> None:
    base_url, api_key = mock_api
    env = server_env(api_key)
    parameters = StdioServerParameters(command=str(BIN / "heytraders-mcp"), args=["--base-url", base_url], env=env)
    with tempfile.TemporaryFile("w+") as errlog:
        async with Client(stdio_client(parameters, errlog=errlog)) as client:
            tools = {tool.name for tool in (await client.list_tools()).tools}
            ticker = await client.call_tool("get_ticker", {"symbol": "BTC/USDT"})
            refused = await client.call_tool("place_order", {})
        errlog.seek(0)
        logged = errlog.read()
    assert "get_ohlcv" in tools and "place_order" not in tools
    assert not ticker.is_error and isinstance(ticker.structured_content, dict)
    assert ticker.structured_content["symbol"] == "BTC/USDT"
    assert refused.is_error
    assert "read-only; API key from HEYTRADERS_API_KEY" in logged and api_key not in logged


async def test_over_http_it_binds_loopback_and_checks_the_token_on_every_request(mock_api: tuple[str, str]) -> None:
    """The command's own HTTP server (in a thread: the stdio test already shows the process starts)."""
    base_url, api_key = mock_api
    args = cli.parser().parse_args(["--http", "--port", str(free_port())])
    assert args.host == HOST  # the default
    mcp = HeyTradersMCP(AsyncHeyTraders(api_key=api_key, base_url=base_url), ServerOptions())
    server = cli.http_server(mcp, args.host, args.port, TOKEN)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    url = f"http://{HOST}:{args.port}/mcp"
    try:
        deadline = time.monotonic() + READY
        while not server.started:
            assert thread.is_alive() and time.monotonic() < deadline, "the HTTP server did not start"
            time.sleep(0.01)
        hello = _initialize_request()
        assert httpx.post(url, json=hello, headers=_accept()).status_code == 401
        assert httpx.post(url, json=hello, headers={**_accept(), "Authorization": "Bearer wrong"}).status_code == 401
        authorized = httpx2.AsyncClient(headers={"Authorization": f"Bearer {TOKEN}"})
        async with authorized, Client(streamable_http_client(url, http_client=authorized)) as client:
            tools = {tool.name for tool in (await client.list_tools()).tools}
            health = await client.call_tool("check_health", {})
        assert "run_backtest" in tools and not health.is_error
        outside = _outward_address()
        if outside is not None:  # a machine without another interface has nothing more to show
            with pytest.raises(OSError):
                socket.create_connection((outside, args.port), timeout=1).close()
    finally:
        server.should_exit = True
        thread.join(timeout=10)
    assert not thread.is_alive()


def test_another_address_needs_the_flag_and_a_token_before_anything_binds(monkeypatch: pytest.MonkeyPatch) -> None:
    check_bind("127.0.0.1", allow_remote=False, token=None)
    check_bind("::1", allow_remote=False, token=None)
    check_bind("localhost", allow_remote=False, token=None)
    check_bind("0.0.0.0", allow_remote=True, token=TOKEN)
    for host, allow_remote, token, needs in [
        ("0.0.0.0", False, TOKEN, "--allow-remote"),
        ("192.168.1.20", False, None, "--allow-remote"),
        ("mcp.example.com", False, None, "--allow-remote"),
        ("0.0.0.0", True, None, "HEYTRADERS_MCP_TOKEN"),
        ("127.0.0.1", False, "short", "at least 16"),
    ]:
        with pytest.raises(BindError, match=needs):
            check_bind(host, allow_remote=allow_remote, token=token)
    monkeypatch.delenv("HEYTRADERS_MCP_TOKEN", raising=False)
    with pytest.raises(SystemExit, match="--allow-remote"):
        cli.main(["--http", "--host", "0.0.0.0", "--port", "1"])
    with pytest.raises(SystemExit, match="HEYTRADERS_MCP_TOKEN"):
        cli.main(["--http", "--host", "0.0.0.0", "--allow-remote", "--port", "1"])


def _accept() -> dict[str, str]:
    return {"Accept": "application/json, text/event-stream", "Content-Type": "application/json"}


def _initialize_request() -> dict[str, Any]:
    return {
        "jsonrpc": "2.0",
        "id": 1,
        "method": "initialize",
        "params": {"protocolVersion": "2025-11-25", "capabilities": {}, "clientInfo": {"name": "t", "version": "1"}},
    }


def _outward_address() -> str | None:
    """This machine's address on its default route (a UDP connect sends nothing), if it has one."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("10.255.255.255", 1))
            address: str = probe.getsockname()[0]
        except OSError:
            return None
    return None if address.startswith("127.") else address
