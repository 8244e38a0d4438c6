"""``make bench``: the SDK's cost over hand-written httpx, as ratios measured side by side in one run.

(a) per-call time of ``client.market.get_ticker`` / the same call with a raw ``httpx.Client``, and the async
    clients with 100 concurrent calls, all against one local HTTP server on 127.0.0.1 serving a fixed response;
(b) ``client.market.get_ohlcv`` parsing a 10,000-candle response / ``json.loads`` of the same bytes, with
    anchors measured in the same run: the client openapi-python-client generates from the same spec
    (into build/, on demand), and the same candles into a pandas and a polars DataFrame;
(c) ``import heytraders`` / ``import httpx``, each in fresh processes;
(d) the MCP server: the size of the tool list it announces (default, full and compact sets), and the
    time of an in-process MCP tool call / the same direct SDK call, both against the in-process sandbox.
(e) the sandbox's time per ``GET /market/ticker`` / a bare Starlette endpoint answering a ticker envelope of the
    same shape, each served by uvicorn with the same settings in a process of its own (``benchmarks.servers``),
    loaded by one light keep-alive HTTP/1.1 client with 16 connections (so that the servers, not the client, are
    measured): what the sandbox's routing, auth, rate limit, validation, state sync and market data cost.
(f) ``heytraders --version`` / ``python -c "import httpx"``, whole fresh processes.

Each figure is the median over alternating rounds, so drift on a busy machine hits both sides alike.
"""

from __future__ import annotations

import asyncio
import gc
import importlib
import json
import os
import re
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Awaitable, Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx

TICKER = {
    "success": True,
    "data": {
        "symbol": "BTC/USDT",
        "exchange": "binance",
        "last": "97250.5",
        "bid": "97250.4",
        "ask": "97250.5",
        "high_24h": "98410.0",
        "low_24h": "95320.7",
        "volume_24h": "18342.551",
        "change_24h_pct": 1.84,
        "timestamp": "2026-02-10T14:19:53Z",
    },
    "error": None,
    "meta": {"timestamp": "2026-02-10T14:19:53Z"},
}
API_KEY = "ht_prov_bench_0000000000"


class FixedResponse(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as a real API would
    body = json.dumps(TICKER).encode()

    # Status line, headers and body in one write: split writes meet delayed ACKs and cost ~40 ms per call,
    # which would drown the client's own cost.
    response = (
        b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
        + str(len(body)).encode()
        + b"\r\n\r\n"
        + body
    )

    def do_GET(self) -> None:
        self.wfile.write(self.response)

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        pass


class BenchServer(ThreadingHTTPServer):
    # The default listen backlog (5) drops connections in a burst of 100 concurrent calls,
    # and their SYN retries would be measured instead of the clients.
    request_queue_size = 512
    daemon_threads = True


@contextmanager
def local_server() -> Iterator[str]:
    server = BenchServer(("127.0.0.1", 0), FixedResponse)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/api/v1"
    finally:
        server.shutdown()
        server.server_close()


def median_ratio(
    candidate: Callable[[], None], baseline: Callable[[], None], rounds: int
) -> tuple[float, float, float]:
    """Median seconds of each over alternating rounds, and their ratio."""
    candidate()  # warm up: connections, lazy model builds
    baseline()
    candidate_times: list[float] = []
    baseline_times: list[float] = []
    for _ in range(rounds):
        for run, times in ((candidate, candidate_times), (baseline, baseline_times)):
            started = time.perf_counter()
            run()
            times.append(time.perf_counter() - started)
    candidate_median, baseline_median = statistics.median(candidate_times), statistics.median(baseline_times)
    return candidate_median, baseline_median, candidate_median / baseline_median


def bench_sync_call(base_url: str, calls: int, rounds: int) -> tuple[float, float, float]:
    from heytraders import HeyTraders, models

    sdk = HeyTraders(api_key=API_KEY, base_url=base_url, max_retries=0)
    raw = httpx.Client(base_url=base_url, headers={"Authorization": f"Bearer {API_KEY}"})

    def with_sdk() -> None:
        for _ in range(calls):
            sdk.market.get_ticker(symbol="BTC/USDT")

    def with_httpx() -> None:
        for _ in range(calls):
            response = raw.get("/market/ticker", params={"symbol": "BTC/USDT", "exchange": "binance"})
            response.raise_for_status()
            models.Ticker.model_validate(response.json()["data"])

    try:
        candidate, baseline, ratio = median_ratio(with_sdk, with_httpx, rounds)
    finally:
        sdk.close()
        raw.close()
    return candidate / calls, baseline / calls, ratio


def bench_async_calls(base_url: str, concurrency: int, rounds: int) -> tuple[float, float, float]:
    from heytraders import AsyncHeyTraders, models

    async def run() -> tuple[float, float, float]:
        limits = httpx.Limits(max_connections=concurrency)
        sdk = AsyncHeyTraders(
            api_key=API_KEY, base_url=base_url, max_retries=0, http_client=httpx.AsyncClient(limits=limits)
        )
        raw = httpx.AsyncClient(base_url=base_url, headers={"Authorization": f"Bearer {API_KEY}"}, limits=limits)

        async def raw_call() -> None:
            response = await raw.get("/market/ticker", params={"symbol": "BTC/USDT", "exchange": "binance"})
            response.raise_for_status()
            models.Ticker.model_validate(response.json()["data"])

        async def timed(make: Callable[[], Any]) -> float:
            started = time.perf_counter()
            await asyncio.gather(*(make() for _ in range(concurrency)))
            return time.perf_counter() - started

        def sdk_call() -> Any:
            return sdk.market.get_ticker(symbol="BTC/USDT")

        await timed(sdk_call)
        await timed(raw_call)
        sdk_times: list[float] = []
        raw_times: list[float] = []
        for _ in range(rounds):
            sdk_times.append(await timed(sdk_call))
            raw_times.append(await timed(raw_call))
        await sdk.close()
        await raw.aclose()
        sdk_median, raw_median = statistics.median(sdk_times), statistics.median(raw_times)
        return sdk_median, raw_median, sdk_median / raw_median

    return asyncio.run(run())


def ohlcv_bytes(candles: int) -> bytes:
    start = datetime(2025, 1, 1, tzinfo=UTC)
    price = Decimal("42000.00")
    rows = []
    for index in range(candles):
        step = Decimal((index * 7919) % 400 - 200) / Decimal(10)
        open_, close = price, price + step
        rows.append(
            {
                "timestamp": (start + timedelta(hours=index)).isoformat().replace("+00:00", "Z"),
                "open": str(open_),
                "high": str(max(open_, close) + Decimal("12.5")),
                "low": str(min(open_, close) - Decimal("9.25")),
                "close": str(close),
                "volume": str(Decimal(100 + index % 50) + Decimal("0.125")),
            }
        )
        price = close
    data = {"symbol": "BTC/USDT", "exchange": "binance", "timeframe": "1h", "candles": rows}
    return json.dumps(
        {"success": True, "data": data, "error": None, "meta": {"timestamp": "2026-02-10T14:19:53Z"}}
    ).encode()


@contextmanager
def client_answering(body: bytes) -> Iterator[Any]:
    """An SDK client whose every request gets ``body`` back, in process: only the client's own work is timed."""
    from heytraders import HeyTraders

    response = httpx.Response(200, content=body, headers={"Content-Type": "application/json"})

    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=response.content, headers=response.headers, request=request)

    client = HeyTraders(api_key=API_KEY, base_url="http://bench/api/v1", transport=httpx.MockTransport(answer))
    try:
        yield client
    finally:
        client.close()


def bench_parse(candles: int, rounds: int) -> tuple[float, float, float]:
    """``client.market.get_ohlcv`` end to end on an in-process transport: request, decode, rows, model."""
    body = ohlcv_bytes(candles)
    with client_answering(body) as client:

        def with_client() -> None:
            client.market.get_ohlcv(symbol="BTC/USDT", limit=1000)

        def with_json() -> None:
            json.loads(body)

        gc.collect()  # start both sides from the same heap, not with the garbage of the rows before
        return median_ratio(with_client, with_json, rounds)


def bench_parse_general_path(candles: int, rounds: int) -> tuple[float, float, float]:
    """The client's general path, when the typed pass declines a body (an unknown field on the container):
    ``json.loads``, then the rows in one msgspec pass, then the pydantic model."""
    from heytraders import models
    from heytraders._rows import rows_parser

    body = ohlcv_bytes(candles)
    parse = rows_parser(models.Candle, models.Ohlcv, "candles")

    def general() -> None:
        parse(json.loads(body)["data"])

    def with_json() -> None:
        json.loads(body)

    return median_ratio(general, with_json, rounds)


OPENAPI_PYTHON_CLIENT = Path("build") / "bench" / "openapi_python_client"
SPEC = Path("spec") / "heytraders.yaml"


def openapi_python_client_parser() -> Callable[[httpx.Response], Any]:
    """The ``get_ohlcv`` response parser of the client openapi-python-client generates from our spec.

    Generated into build/bench/ when absent or older than the spec, with the pinned dev dependency.
    """
    package = OPENAPI_PYTHON_CLIENT / "opc_heytraders"
    if not package.is_dir() or package.stat().st_mtime < SPEC.stat().st_mtime:
        binaries = str(Path(sys.executable).parent)
        subprocess.run(
            [
                os.path.join(binaries, "openapi-python-client"),
                "generate",
                "--path",
                str(SPEC),
                "--output-path",
                str(package),
                "--meta",
                "none",
                "--overwrite",
            ],
            check=True,
            capture_output=True,
            env={**os.environ, "PATH": binaries + os.pathsep + os.environ.get("PATH", "")},
        )
    sys.path.insert(0, str(OPENAPI_PYTHON_CLIENT))
    module = importlib.import_module("opc_heytraders.api.market.get_ohlcv")
    client = importlib.import_module("opc_heytraders").Client(base_url="http://bench/api/v1")

    def parse(response: httpx.Response) -> Any:
        return module._parse_response(client=client, response=response)

    return parse


def bench_parse_openapi_python_client(candles: int, rounds: int) -> tuple[float, float, float]:
    """Anchor for (b): the same bytes through openapi-python-client's generated parser (prices stay strings)."""
    parse = openapi_python_client_parser()
    body = ohlcv_bytes(candles)

    def with_generated() -> None:
        parse(httpx.Response(200, content=body, headers={"Content-Type": "application/json"}))

    def with_json() -> None:
        json.loads(body)

    return median_ratio(with_generated, with_json, rounds)


def bench_dataframe(candles: int, rounds: int, library: str) -> tuple[float, float, float]:
    """``get_ohlcv(...).to_pandas()`` (or ``to_polars()``): from the response bytes to a float DataFrame."""
    body = ohlcv_bytes(candles)
    with client_answering(body) as client:

        def to_frame() -> None:
            ohlcv = client.market.get_ohlcv(symbol="BTC/USDT", limit=1000)
            ohlcv.to_pandas() if library == "pandas" else ohlcv.to_polars()

        def with_json() -> None:
            json.loads(body)

        return median_ratio(to_frame, with_json, rounds)


def import_seconds(module: str) -> float:
    code = f"import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"
    output = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    return float(output)


def bench_import(rounds: int) -> tuple[float, float, float]:
    ours, theirs = [], []
    for _ in range(rounds):
        ours.append(import_seconds("heytraders"))
        theirs.append(import_seconds("httpx"))
    ours_median, theirs_median = statistics.median(ours), statistics.median(theirs)
    return ours_median, theirs_median, ours_median / theirs_median


def mcp_tool_lists() -> list[tuple[str, int, int]]:
    """(configuration, tools, characters) of the tool list ``heytraders-mcp`` announces in each configuration."""
    from heytraders import AsyncHeyTraders
    from heytraders_mcp.server import HeyTradersMCP, ServerOptions, tool_list_chars

    client = AsyncHeyTraders(api_key=API_KEY, base_url="http://127.0.0.1:9/api/v1")
    configurations = {
        "default": ServerOptions(),
        "full": ServerOptions(tools=["all"], allow_trading=True),  # --tools all --allow-trading
        "compact": ServerOptions(tools=["all"], allow_trading=True, compact=True),  # the same, --compact
    }
    sizes = []
    for name, options in configurations.items():
        tools = HeyTradersMCP(client, options).tools
        sizes.append((name, len(tools), tool_list_chars(tools)))
    return sizes


def bench_mcp_call(calls: int, rounds: int, mode: str) -> tuple[float, float, float, float]:
    """One ``get_ticker`` as an MCP tool call (in-process ``mcp.Client``) / the same direct SDK call.

    Both reach the same in-process sandbox (``heytraders_mock.create_app`` over ``httpx.ASGITransport``).
    ``mode="legacy"`` frames every message as JSON-RPC over in-memory streams, as stdio would. Also
    measured: the mcp SDK's own round trip, a tool that does nothing on a bare server, so the figure
    shows which part of the cost is this server's.

    Returns:
        Seconds per MCP call, per empty-tool round trip, per direct SDK call, and MCP / SDK.
    """
    import mcp_types
    from heytraders import AsyncHeyTraders
    from heytraders_mcp.server import create_server
    from heytraders_mock import MockConfig, create_app
    from mcp import Client
    from mcp.server import Server

    async def nothing(ctx: Any, params: Any) -> mcp_types.CallToolResult:
        return mcp_types.CallToolResult(content=[mcp_types.TextContent(type="text", text="{}")])

    async def one_tool(ctx: Any, params: Any) -> mcp_types.ListToolsResult:
        return mcp_types.ListToolsResult(tools=[mcp_types.Tool(name="nothing", input_schema={"type": "object"})])

    async def run() -> list[float]:
        app = create_app(MockConfig(seed=0, rate_limit_per_minute=10**9))
        transport = httpx.ASGITransport(app)
        async with httpx.AsyncClient(transport=transport, base_url="http://mock") as control:
            created = await control.post("/_mock/keys", json={"scopes": ["research"], "claimed": True})
        key = created.json()["api_key"]
        bare = Server("bare", on_call_tool=nothing, on_list_tools=one_tool)
        async with (
            AsyncHeyTraders(api_key=key, base_url="http://mock/api/v1", transport=transport, max_retries=0) as sdk,
            Client(create_server(sdk), mode=mode) as client,
            Client(bare, mode=mode) as bare_client,
        ):

            async def via_mcp() -> None:
                for _ in range(calls):
                    result = await client.call_tool("get_ticker", {"symbol": "BTC/USDT"})
                    assert not result.is_error

            async def empty_tool() -> None:
                for _ in range(calls):
                    await bare_client.call_tool("nothing", {})

            async def direct() -> None:
                for _ in range(calls):
                    await sdk.market.get_ticker(symbol="BTC/USDT")

            return await async_medians((via_mcp, empty_tool, direct), rounds)

    mcp_seconds, empty_seconds, sdk_seconds = asyncio.run(run())
    return mcp_seconds / calls, empty_seconds / calls, sdk_seconds / calls, mcp_seconds / sdk_seconds


async def async_medians(runs: Sequence[Callable[[], Awaitable[None]]], rounds: int) -> list[float]:
    """Median seconds of each coroutine function over alternating rounds (after one warm-up each)."""
    for run in runs:
        await run()
    times: list[list[float]] = [[] for _ in runs]
    for _ in range(rounds):
        for run, samples in zip(runs, times, strict=True):
            started = time.perf_counter()
            await run()
            samples.append(time.perf_counter() - started)
    return [statistics.median(samples) for samples in times]


def report_size(what: str, tools: int, chars: int, target: int | None) -> None:
    verdict = "" if target is None else f"  ({'meets' if chars <= target else 'MISSES'} target ≤ {target:,})"
    print(f"{what:32} {chars:7,} characters, ≈{chars // 4:,} tokens (chars / 4), {tools} tools{verdict}")


def report(what: str, detail: str, ratio: float, target: float | None) -> None:
    verdict = (
        "anchor, no target" if target is None else ("meets" if ratio <= target else "MISSES") + f" target ≤ {target}"
    )
    print(f"{what:32} {ratio:5.2f}  ({verdict})  {detail}")


async def _answers(port: int, request: bytes, total: int, concurrency: int) -> float:
    """Seconds for ``concurrency`` keep-alive connections to get ``total`` 200 answers to ``request``, one at a
    time each (connections opened before the clock starts)."""
    connections = [await asyncio.open_connection("127.0.0.1", port) for _ in range(concurrency)]
    remaining = total

    async def ask(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        nonlocal remaining
        while remaining > 0:
            remaining -= 1
            writer.write(request)
            head = await reader.readuntil(b"\r\n\r\n")
            length = re.search(rb"(?i)\r\ncontent-length: *(\d+)", head)
            if not head.startswith(b"HTTP/1.1 200") or length is None:
                raise RuntimeError(f"unexpected answer: {head[:200]!r}")
            await reader.readexactly(int(length.group(1)))

    started = time.perf_counter()
    await asyncio.gather(*(ask(reader, writer) for reader, writer in connections))
    elapsed = time.perf_counter() - started
    for _, writer in connections:
        writer.close()
    return elapsed


def bench_sandbox_ticker(requests: int, concurrency: int, rounds: int) -> tuple[float, float, float]:
    """Requests per second of the sandbox's and the bare endpoint's ``GET /market/ticker``, and the ratio of their
    times per request (sandbox / bare), measured in alternating rounds."""
    from .servers import HOST, TICKER_PATH, free_port, running, serve_command

    ports = {"sandbox": free_port(), "bare": free_port()}
    with running(
        (serve_command("sandbox", ports["sandbox"]), f"http://{HOST}:{ports['sandbox']}/api/v1/meta/health"),
        (serve_command("bare", ports["bare"]), f"http://{HOST}:{ports['bare']}{TICKER_PATH}"),
    ):
        key = httpx.post(f"http://{HOST}:{ports['sandbox']}/_mock/keys", json={}, trust_env=False).json()["api_key"]
        request = (
            f"GET {TICKER_PATH}?symbol=BTC%2FUSDT&exchange=binance HTTP/1.1\r\nHost: {HOST}\r\n"
            f"Authorization: Bearer {key}\r\nAccept: application/json\r\n\r\n"
        ).encode()

        def measure(kind: str) -> Callable[[], None]:
            def run() -> None:
                asyncio.run(_answers(ports[kind], request, requests, concurrency))

            return run

        sandbox, bare, ratio = median_ratio(measure("sandbox"), measure("bare"), rounds)
    return requests / sandbox, requests / bare, ratio


def process_seconds(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    return time.perf_counter() - started


def bench_cli_start(rounds: int) -> tuple[float, float, float]:
    """(d) ``heytraders --version`` / ``python -c "import httpx"``, whole fresh processes, alternating."""
    from pathlib import Path

    script = Path(sys.executable).parent / "heytraders"
    cli = [str(script), "--version"] if script.exists() else [sys.executable, "-m", "heytraders_cli", "--version"]
    baseline = [sys.executable, "-c", "import httpx"]
    process_seconds(cli)  # warm the file cache and the bytecode
    process_seconds(baseline)
    ours, theirs = [], []
    for _ in range(rounds):
        ours.append(process_seconds(cli))
        theirs.append(process_seconds(baseline))
    ours_median, theirs_median = statistics.median(ours), statistics.median(theirs)
    return ours_median, theirs_median, ours_median / theirs_median


def main() -> None:
    print("make bench (python -m benchmarks): ratios measured side by side in this run; lower is better\n")
    with local_server() as base_url:
        sdk, raw, ratio = bench_sync_call(base_url, calls=300, rounds=7)
        report("(a) sync get_ticker, per call", f"SDK {sdk * 1e6:.0f} µs / raw httpx {raw * 1e6:.0f} µs", ratio, 1.10)
        sdk, raw, ratio = bench_async_calls(base_url, concurrency=100, rounds=7)
        report("(a) async, 100 concurrent calls", f"SDK {sdk * 1e3:.1f} ms / raw httpx {raw * 1e3:.1f} ms", ratio, 1.10)
    # More rounds than the others: a 10,000-candle parse is short and the machine is shared.
    ours, theirs, ratio = bench_parse(candles=10_000, rounds=21)
    detail = f"get_ohlcv {ours * 1e3:.1f} ms / json.loads {theirs * 1e3:.1f} ms"
    report("(b) 10,000-candle get_ohlcv", detail, ratio, 2)
    report("(b) floor: json.loads", f"json.loads {theirs * 1e3:.1f} ms of the same bytes", 1.0, None)
    ours, theirs, ratio = bench_parse_openapi_python_client(candles=10_000, rounds=9)
    detail = f"openapi-python-client {ours * 1e3:.1f} ms / json.loads {theirs * 1e3:.1f} ms, prices as str"
    report("(b) openapi-python-client", detail, ratio, None)
    ours, theirs, ratio = bench_parse_general_path(candles=10_000, rounds=9)
    detail = f"json.loads + rows + model {ours * 1e3:.1f} ms / json.loads {theirs * 1e3:.1f} ms"
    report("(b') the general path", detail, ratio, None)
    for library in ("pandas", "polars"):
        ours, theirs, ratio = bench_dataframe(candles=10_000, rounds=9, library=library)
        detail = f"get_ohlcv + to_{library}() {ours * 1e3:.1f} ms / json.loads {theirs * 1e3:.1f} ms"
        report(f"(b'') into a {library} DataFrame", detail, ratio, None)
    ours, theirs, ratio = bench_import(rounds=7)
    report("(c) import in a fresh process", f"heytraders {ours * 1e3:.1f} ms / httpx {theirs * 1e3:.1f} ms", ratio, 2)
    for name, tools, chars in mcp_tool_lists():
        report_size(f"(d) MCP tool list, {name}", tools, chars, 30_000 if name == "default" else None)
    for mode, label in (("auto", "in process"), ("legacy", "JSON-RPC")):
        ours, empty, theirs, ratio = bench_mcp_call(calls=50, rounds=7, mode=mode)
        detail = f"MCP {ours * 1e3:.2f} ms / SDK {theirs * 1e3:.2f} ms (the mcp SDK's empty tool: {empty * 1e3:.2f} ms)"
        report(f"(d) MCP tool call, {label}", detail, ratio, 1.3)
    sandbox_rate, bare_rate, ratio = bench_sandbox_ticker(requests=300, concurrency=16, rounds=5)
    detail = f"sandbox {sandbox_rate:,.0f} req/s / bare Starlette {bare_rate:,.0f} req/s (uvicorn, 16 connections)"
    report("(e) sandbox GET /market/ticker", detail, ratio, None)
    ours, theirs, ratio = bench_cli_start(rounds=9)
    detail = f"heytraders --version {ours * 1e3:.1f} ms / python -c 'import httpx' {theirs * 1e3:.1f} ms"
    report("(f) CLI start, fresh process", detail, ratio, 2)


if __name__ == "__main__":
    main()
