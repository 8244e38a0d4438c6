"""``make load``: the sandbox under load, over real HTTP.

Starts ``heytraders-mock`` (the command, its real-time clock and settings) on a free 127.0.0.1 port with its
limits raised, prepares one claimed key with a completed backtest, a subscription, an arena profile and a
post, then lets ``--clients`` concurrent ``httpx.AsyncClient`` clients (one keep-alive connection each) call
every read route of the API in turn and place orders (market buys and sells, limit orders that rest, and
their cancellation) until ``--requests`` requests have been made. All the clients share the key, so all
their orders land on one account: past ``MockConfig.orders_per_account`` orders its history stays capped,
which is what the memory figures show.

It prints throughput, p50 and p99 latency, the answers that were not 2xx (by status) and the sandbox's
resident memory (``VmRSS``) before the load and after each quarter of it. Exit status 1 when any answer
failed, apart from 429s when ``--rate-limit`` puts a limit back.

    python -m benchmarks.load [--requests 100000] [--clients 200] [--rate-limit N]
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import ssl
import sys
import time
from collections import Counter
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import httpx

from .servers import HOST, RAISED_LIMIT, free_port, mock_command, rss_kib, running

API = "/api/v1"
CHECKPOINTS = 4  # memory is sampled after each quarter of the load
SCRIPT = 'oversold = rsi(close, 14) < 30\nemit_signal(oversold, entry("BINANCE:BTC/USDT", "LONG", Weight(0.5)))'


@dataclass
class Fixture:
    """What the load reads: IDs created before it starts."""

    account_id: str
    backtest_id: str
    result_id: str
    subscription_id: str
    agent_id: str
    post_id: str


def prepare(origin: str) -> tuple[str, Fixture]:
    """A claimed key (research, read, trade) and one of each resource the read routes name."""
    with httpx.Client(base_url=origin, trust_env=False, timeout=30) as http:
        key = http.post("/_mock/keys", json={}).raise_for_status().json()
        http.headers["Authorization"] = f"Bearer {key['api_key']}"

        def data(method: str, path: str, **kwargs: Any) -> Any:
            response = http.request(method, API + path, **kwargs)
            if response.status_code != 200:
                raise RuntimeError(f"preparing the load: {method} {path} → {response.status_code}: {response.text}")
            return response.json()["data"]

        backtest = data(
            "POST",
            "/backtest/execute",
            json={
                "script": SCRIPT,
                "universe": ["BINANCE:BTC/USDT"],
                "start_date": "2025-01-01",
                "end_date": "2025-03-31",
            },
        )
        http.post("/_mock/clock/advance", json={"seconds": 10}).raise_for_status()
        status = data("GET", f"/backtest/status/{backtest['backtest_id']}")
        strategy = data("GET", "/live-strategies")[0]
        subscription = data("POST", f"/live-strategies/{strategy['strategy_id']}/subscribe", json={"mode": "signal"})
        data("POST", "/arena/agents", json={"display_name": "Load Bot"})
        post = data(
            "POST",
            "/arena/posts",
            json={"category": "market_talk", "title": "Load", "content": "The sandbox under load.", "tags": ["load"]},
        )
        data("POST", f"/arena/posts/{post['post_id']}/comments", json={"content": "A comment to list."})
    fixture = Fixture(
        account_id=key["account_ids"]["binance"],
        backtest_id=backtest["backtest_id"],
        result_id=status["result_id"],
        subscription_id=subscription["subscription_id"],
        agent_id=key["agent_id"],
        post_id=post["post_id"],
    )
    return key["api_key"], fixture


Call = Callable[[httpx.AsyncClient], Awaitable[httpx.Response]]


def read_calls(f: Fixture) -> list[tuple[str, Call]]:
    """One call of every read route of the API (every GET but ``/orders/{id}``, which the traders read, and the POST
    reads of /market), by route name."""
    gets: list[tuple[str, dict[str, Any]]] = [
        ("/meta/agents/me", {}),
        ("/meta/markets", {}),
        ("/meta/indicators", {}),
        ("/meta/health", {}),
        ("/meta/capabilities", {}),
        ("/market/symbols", {"exchange": "binance"}),
        ("/market/tickers", {"exchange": "binance"}),
        ("/market/ticker", {"symbol": "BTC/USDT"}),
        ("/market/funding-rates", {"exchange": "hyperliquid"}),
        ("/market/ohlcv", {"symbol": "ETH/USDT", "timeframe": "1h", "limit": 100}),
        ("/accounts", {}),
        (f"/accounts/{f.account_id}", {}),
        (f"/accounts/{f.account_id}/balances", {}),
        (f"/accounts/{f.account_id}/open-orders", {}),
        ("/orders", {"limit": 20}),
        (f"/backtest/status/{f.backtest_id}", {}),
        (f"/backtest/results/{f.result_id}", {}),
        (f"/backtest/results/{f.result_id}/metrics", {}),
        (f"/backtest/results/{f.result_id}/per-ticker", {}),
        (f"/backtest/results/{f.result_id}/trades", {"limit": 20}),
        (f"/backtest/results/{f.result_id}/equity", {}),
        (f"/backtest/results/{f.result_id}/analysis", {}),
        ("/live-strategies", {}),
        ("/live-strategies/subscriptions", {}),
        (f"/live-strategies/subscriptions/{f.subscription_id}", {}),
        (f"/live-strategies/subscriptions/{f.subscription_id}/signals", {}),
        (f"/live-strategies/subscriptions/{f.subscription_id}/signals/latest", {}),
        ("/arena/profile", {}),
        (f"/arena/agents/{f.agent_id}", {}),
        ("/arena/profile/subscriptions", {}),
        ("/arena/leaderboard", {}),
        ("/arena/posts", {}),
        (f"/arena/posts/{f.post_id}", {}),
        (f"/arena/posts/{f.post_id}/comments", {}),
        ("/docs", {}),
        ("/docs/signal-dsl", {}),
        ("/docs/operators", {}),
        ("/docs/data", {}),
        ("/docs/api-reference", {}),
    ]
    posts: list[tuple[str, dict[str, Any]]] = [
        ("/market/ticker", {"symbols": ["BTC/USDT", "ETH/USDT"]}),
        ("/market/evaluate", {"expression": "rsi(close, 14) < 30", "symbol": "BTC/USDT"}),
        ("/market/scan", {"condition": "close > sma(close, 20)", "universe": ["BTC/USDT", "ETH/USDT"]}),
        ("/market/rank", {"expression": "roc(close, 24)", "universe": ["BTC/USDT", "ETH/USDT", "SOL/USDT"]}),
    ]
    calls: list[tuple[str, Call]] = []
    for path, params in gets:
        calls.append((f"GET {_route(path, f)}", _get(API + path, params)))
    for path, body in posts:
        calls.append((f"POST {path}", _post(API + path, body)))
    return calls


def _route(path: str, f: Fixture) -> str:
    """The path's template, for the report (``/orders/{id}``)."""
    for value in (f.account_id, f.backtest_id, f.result_id, f.subscription_id, f.agent_id, f.post_id):
        path = path.replace(value, "{id}")
    return path


def _get(path: str, params: dict[str, Any]) -> Call:
    return lambda http: http.get(path, params=params)


def _post(path: str, body: dict[str, Any]) -> Call:
    return lambda http: http.post(path, json=body)


@dataclass
class Trader:
    """One client's orders: market buys and sells, a limit order resting far from the market, then its cancel."""

    account_id: str
    resting: str | None = None
    last: str | None = None  # the last order it placed

    async def placed(self, response: httpx.Response) -> httpx.Response:
        if response.status_code == 200:
            self.last = response.json()["data"]["order_id"]
        return response

    def order(self, **fields: Any) -> dict[str, Any]:
        base = {"account_id": self.account_id, "exchange": "binance", "symbol": "BTC/USDT", "amount": "0.0001"}
        return {**base, **fields}

    async def buy(self, http: httpx.AsyncClient) -> httpx.Response:
        return await self.placed(await http.post(API + "/orders", json=self.order(side="buy", order_type="market")))

    async def sell(self, http: httpx.AsyncClient) -> httpx.Response:
        return await self.placed(await http.post(API + "/orders", json=self.order(side="sell", order_type="market")))

    async def rest(self, http: httpx.AsyncClient) -> httpx.Response:
        response = await http.post(API + "/orders", json=self.order(side="buy", order_type="limit", price="1000"))
        await self.placed(response)
        self.resting = self.last if response.status_code == 200 else None
        return response

    async def read(self, http: httpx.AsyncClient) -> httpx.Response:
        if self.last is None:  # nothing placed yet: list the orders instead
            return await http.get(API + "/orders", params={"limit": 5})
        return await http.get(f"{API}/orders/{self.last}")

    async def cancel(self, http: httpx.AsyncClient) -> httpx.Response:
        if self.resting is None:  # its limit order was not placed: read the orders instead
            return await http.get(API + "/orders", params={"limit": 5})
        order_id, self.resting = self.resting, None
        return await http.delete(f"{API}/orders/{order_id}")


@dataclass
class Tally:
    """What the load saw: latencies, statuses and failures by route, and the memory at each checkpoint."""

    latencies: list[float] = field(default_factory=list)
    statuses: Counter[int] = field(default_factory=Counter)
    failures: Counter[str] = field(default_factory=Counter)  # "route → status or error", for non-2xx answers
    routes: Counter[str] = field(default_factory=Counter)  # requests by route name
    orders: int = 0
    rss: list[tuple[int, int]] = field(default_factory=list)  # (requests made, KiB)
    seconds: float = 0.0


async def hammer(origin: str, api_key: str, fixture: Fixture, args: argparse.Namespace, pid: int) -> Tally:
    tally = Tally()
    reads = read_calls(fixture)
    counter = itertools.count()
    checkpoints = {args.requests * n // CHECKPOINTS for n in range(1, CHECKPOINTS + 1)}
    tally.rss.append((0, rss_kib(pid)))
    # One TLS context for all the clients: each would otherwise load the CA bundle (~0.1 s apiece), unused over http.
    tls = ssl.create_default_context()

    async def client(number: int) -> None:
        trader = Trader(fixture.account_id)
        # Every client walks the same mix from its own starting point, so all routes are busy at once.
        mix: list[tuple[str, Call]] = [
            *reads,
            ("POST /orders (limit, rests)", trader.rest),
            ("GET /orders/{id}", trader.read),
            ("DELETE /orders/{id}", trader.cancel),
            *[("POST /orders (market buy)", trader.buy), ("POST /orders (market sell)", trader.sell)] * 7,
        ]
        headers = {"Authorization": f"Bearer {api_key}"}
        limits = httpx.Limits(max_connections=1)
        async with httpx.AsyncClient(
            base_url=origin, headers=headers, limits=limits, timeout=60, trust_env=False, verify=tls
        ) as http:
            for step in itertools.count(number):
                made = next(counter)
                if made >= args.requests:
                    return
                name, call = mix[step % len(mix)]
                started = time.perf_counter()
                try:
                    response = await call(http)
                    outcome = str(response.status_code)
                    tally.statuses[response.status_code] += 1
                    ok = 200 <= response.status_code < 300
                except httpx.HTTPError as error:
                    outcome, ok = type(error).__name__, False
                tally.latencies.append(time.perf_counter() - started)
                tally.routes[name] += 1
                tally.orders += name.startswith("POST /orders")
                if not ok:
                    tally.failures[f"{name} → {outcome}"] += 1
                if made + 1 in checkpoints:
                    tally.rss.append((made + 1, rss_kib(pid)))

    started = time.perf_counter()
    await asyncio.gather(*(client(number) for number in range(args.clients)))
    tally.seconds = time.perf_counter() - started
    return tally


def percentile(sorted_values: Sequence[float], fraction: float) -> float:
    return sorted_values[min(len(sorted_values) - 1, int(fraction * len(sorted_values)))]


def report(args: argparse.Namespace, tally: Tally) -> int:
    seconds = tally.seconds
    latencies = sorted(tally.latencies)
    errors = sum(tally.failures.values())
    limited = tally.statuses.get(429, 0)
    failed = errors - (limited if args.rate_limit < RAISED_LIMIT else 0)
    rss = " / ".join(f"{kib / 1024:.0f}" for _, kib in tally.rss)
    limit = "" if args.rate_limit >= RAISED_LIMIT else f" --rate-limit {args.rate_limit}"
    print(f"\npython -m benchmarks.load --requests {args.requests} --clients {args.clients}{limit}")
    print(
        f"{args.clients} clients, {len(tally.latencies):,} requests on {len(tally.routes)} routes "
        f"({tally.orders:,} orders placed) in {seconds:.1f} s\n"
    )
    print("| throughput | p50 | p99 | errors | RSS before → after each quarter (MiB) |")
    print("|---|---|---|---|---|")
    print(
        f"| {len(latencies) / seconds:,.0f} req/s | {percentile(latencies, 0.5) * 1e3:.1f} ms "
        f"| {percentile(latencies, 0.99) * 1e3:.1f} ms | {errors}"
        f"{f' ({limited} are 429)' if limited else ''} | {rss} |"
    )
    print(f"\nstatuses: {dict(sorted(tally.statuses.items()))}")
    for outcome, count in tally.failures.most_common(10):
        print(f"  {count:6}  {outcome}")
    if failed:
        print(f"FAILED: {failed} answers were errors", file=sys.stderr)
    return 1 if failed else 0


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.load", description=__doc__.split("\n")[0])
    parser.add_argument("--requests", type=int, default=100_000, help="requests in all (100,000)")
    parser.add_argument("--clients", type=int, default=200, help="concurrent clients (200)")
    parser.add_argument(
        "--rate-limit", type=int, default=RAISED_LIMIT, help="requests per key per minute (default: out of reach)"
    )
    parser.add_argument("--seed", type=int, default=0, help="the sandbox's seed (0)")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    port = free_port()
    origin = f"http://{HOST}:{port}"
    command = [
        *mock_command(),
        *("--host", HOST, "--port", str(port), "--seed", str(args.seed), "--rate-limit", str(args.rate_limit)),
        *("--backtests-per-hour", str(RAISED_LIMIT), "--backtests-per-day", str(RAISED_LIMIT)),
        *("--registrations-per-hour", str(RAISED_LIMIT)),
    ]
    limits = "limits raised" if args.rate_limit >= RAISED_LIMIT else f"rate limit {args.rate_limit:,} per minute"
    print(f"Starting heytraders-mock on {origin}, {limits} ...", flush=True)
    with running((command, origin + API + "/meta/health")) as (sandbox,):
        api_key, fixture = prepare(origin)
        print(f"Sandbox pid {sandbox.pid}, {rss_kib(sandbox.pid) / 1024:.0f} MiB; load starts.", flush=True)
        tally = asyncio.run(hammer(origin, api_key, fixture, args, sandbox.pid))
    return report(args, tally)


if __name__ == "__main__":
    sys.exit(main())
