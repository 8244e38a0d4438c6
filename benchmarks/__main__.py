"""``make bench``: the SDK's cost over hand-written httpx, as ratios measured side by side in one run.

(a) per-call time of ``client.market.get_ticker`` / the same call with a raw ``httpx.Client``, and the async
    clients with 100 concurrent calls, all against one local HTTP server on 127.0.0.1 serving a fixed response;
(b) parsing a 10,000-candle OHLCV response into models / ``json.loads`` of the same bytes;
(c) ``import heytraders`` / ``import httpx``, each in fresh processes;
(d) ``heytraders --version`` / ``python -c "import httpx"``, whole fresh processes.

Each figure is the median over alternating rounds, so drift on a busy machine hits both sides alike.
"""

from __future__ import annotations

import asyncio
import json
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
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


def bench_parse(candles: int, rounds: int) -> tuple[float, float, float]:
    from heytraders import models

    body = ohlcv_bytes(candles)

    def with_models() -> None:  # what the client does with a response body
        models.Ohlcv.model_validate(json.loads(body)["data"])

    def with_json() -> None:
        json.loads(body)

    return median_ratio(with_models, with_json, rounds)


def bench_parse_raw_bytes(candles: int, rounds: int) -> tuple[float, float, float]:
    """The alternative README weighs for (b): pydantic validating the raw response bytes in one pass."""
    from heytraders import models
    from pydantic import BaseModel

    class OhlcvEnvelope(BaseModel):
        data: models.Ohlcv

    body = ohlcv_bytes(candles)

    def from_bytes() -> None:
        OhlcvEnvelope.model_validate_json(body)

    def with_json() -> None:
        json.loads(body)

    return median_ratio(from_bytes, with_json, rounds)


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


def report(what: str, detail: str, ratio: float, target: float) -> None:
    verdict = "meets" if ratio <= target else "MISSES"
    print(f"{what:32} {ratio:5.2f}  ({verdict} target ≤ {target})  {detail}")


def main() -> None:
    print("make bench (python -m benchmarks): ratios measured side by side in this run; lower is better\n")
    with local_server() as base_url:
        sdk, raw, ratio = bench_sync_call(base_url, calls=300, rounds=7)
        report("(a) sync get_ticker, per call", f"SDK {sdk * 1e6:.0f} µs / raw httpx {raw * 1e6:.0f} µs", ratio, 1.10)
        sdk, raw, ratio = bench_async_calls(base_url, concurrency=100, rounds=7)
        report("(a) async, 100 concurrent calls", f"SDK {sdk * 1e3:.1f} ms / raw httpx {raw * 1e3:.1f} ms", ratio, 1.10)
    ours, theirs, ratio = bench_parse(candles=10_000, rounds=9)
    report("(b) 10,000-candle OHLCV parse", f"models {ours * 1e3:.1f} ms / json.loads {theirs * 1e3:.1f} ms", ratio, 3)
    ours, theirs, ratio = bench_parse_raw_bytes(candles=10_000, rounds=9)
    detail = f"model_validate_json {ours * 1e3:.1f} ms / json.loads {theirs * 1e3:.1f} ms"
    report("(b') same, from raw bytes", detail, ratio, 3)
    ours, theirs, ratio = bench_import(rounds=7)
    report("(c) import in a fresh process", f"heytraders {ours * 1e3:.1f} ms / httpx {theirs * 1e3:.1f} ms", ratio, 2)
    ours, theirs, ratio = bench_cli_start(rounds=9)
    detail = f"heytraders --version {ours * 1e3:.1f} ms / python -c 'import httpx' {theirs * 1e3:.1f} ms"
    report("(d) CLI start, fresh process", detail, ratio, 2)


if __name__ == "__main__":
    main()
