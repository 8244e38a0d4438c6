"""No order duplicated, none lost: the SDK, sync and async, against the sandbox over real HTTP while it injects faults.

``heytraders-mock --faults`` runs in a subprocess on a free 127.0.0.1 port, its rate limit raised out of the way.
Seeded rules (``/_mock/faults``) break about one request in seven: on ``POST /orders`` connections dropped before and
after the order is placed, 5xx answers, bodies cut short or not JSON, 429s, latency and slow bodies; on every read
the same (a 2xx read whose body is not JSON excepted: the SDK rightly gives that to the caller instead of retrying).

Workers, each with a key of its own (and so a Binance paper account of its own), do what a trading bot does: read
the ticker, place a small market order with a unique label, read the order back. When ``place_order`` raises
``OrderStatusUnknownError`` the worker calls ``client.orders.resolve_unknown_order(error)``, as the SDK tells its
users to; if the sandbox has no such order, placing it again (same label) is safe, and the worker does.

Then, with the faults cleared, the sandbox's orders are counted by label, and the test asserts:

- 0 duplicates: no label twice;
- 0 lost: every order the client believes placed exists, with the ID the client has; and no order exists that the
  client believes not placed;
- every ambiguous failure was an ``OrderStatusUnknownError``: as many as the sandbox counted faults that hide the
  outcome on ``POST /orders`` (a drop before or after the handler, a cut or unreadable body, a 5xx), one for one, so
  none was retried silently; ``resolve_unknown_order`` found the order exactly as often as the handler had run; and
  the only retried placements are the 429s;
- every read succeeded, and the SDK's retries of reads (counted from its debug log, one line per attempt) are as
  many as the faults that failed a read.

``make test`` runs the bounded profile (>= 500 orders in all); ``make reliability`` (``RELIABILITY_PROFILE=long``)
the long one (>= 5,000). The table of figures is printed at the end of the run (``conftest.py``).
"""

from __future__ import annotations

import asyncio
import logging
import os
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

import httpx
import pytest
from heytraders import AsyncHeyTraders, HeyTraders, OrderStatusUnknownError, models
from heytraders_mock.faults import KINDS, parse_fault

from tests.contract.cli import RunningMock, running_mock

from . import report


@dataclass(frozen=True)
class Profile:
    orders: int  # per client kind (sync, async)
    workers: int  # per client kind: threads, or tasks


PROFILES = {"bounded": Profile(orders=264, workers=16), "long": Profile(orders=2600, workers=16)}
PROFILE_NAME = os.environ.get("RELIABILITY_PROFILE", "bounded")
PROFILE = PROFILES[PROFILE_NAME]
SEED = 20260301
AMOUNT = Decimal("0.0001")  # 0.0001 BTC: about 10 USDT, so a paper account lasts thousands of orders
# Reads must get through long streaks of faults: a user of a flaky network raises the retries too.
MAX_RETRIES = 6
# Placements of one order before the test gives up (each after the sandbox confirmed it had none).
MAX_PLACEMENTS = 10

ORDER_FAULTS = {  # POST /orders: about 15 % of placements
    "drop=before": 0.02,
    "drop=after": 0.03,
    "status=500": 0.01,
    "status=503; retry-after=1": 0.01,
    "status=502; non-json": 0.01,
    "truncate": 0.02,
    "non-json": 0.015,
    "status=429": 0.01,
    "latency=0.05": 0.015,
    "trickle=0.02; chunks=4": 0.01,
}
READ_FAULTS = {  # every GET: about 12 % of reads
    "drop=before": 0.015,
    "drop=after": 0.015,
    "status=500": 0.015,
    "status=504": 0.01,
    "status=503; retry-after=1": 0.005,
    "status=502; non-json": 0.01,
    "truncate": 0.015,
    "status=429": 0.005,
    "latency=0.05": 0.02,
    "trickle=0.02; chunks=4": 0.01,
}


def fault_rules() -> list[dict[str, Any]]:
    orders = [{"route": "POST /orders", "fault": f, "probability": p} for f, p in ORDER_FAULTS.items()]
    reads = [{"route": "GET *", "fault": f, "probability": p} for f, p in READ_FAULTS.items()]
    return orders + reads


def fails_attempt(fault_text: str) -> bool:
    """Whether this fault makes the client's attempt fail (and so, for a read, be retried)."""
    fault = parse_fault(fault_text)
    return fault.hides_outcome or fault.status is not None


# ---- what the clients saw ------------------------------------------------------------------------------


@dataclass
class Tally:
    """What one client kind's workers saw and believe (shared by threads: every change under the lock)."""

    labels: Iterator[str]  # the orders to place, taken one at a time by whichever worker is free
    placed: dict[str, str] = field(default_factory=dict)  # label -> order_id, as the client believes
    owners: list[tuple[str, str]] = field(default_factory=list)  # (key, account) of each worker
    placements: int = 0
    unknown: int = 0
    resolved_found: int = 0
    resolved_missing: int = 0
    reads: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def next_label(self) -> str | None:
        with self.lock:
            return next(self.labels, None)

    def add(self, **counts: int) -> None:
        with self.lock:
            for name, count in counts.items():
                setattr(self, name, getattr(self, name) + count)

    def believe(self, label: str, order: models.Order) -> None:
        assert order.label == label, f"{order.order_id} carries {order.label!r}, not {label!r}"
        with self.lock:
            assert label not in self.placed, f"{label} placed twice by the client itself"
            self.placed[label] = order.order_id


class AttemptLog(logging.Handler):
    """Counts the SDK's debug lines on logger ``heytraders``: one per attempt (method, path, outcome, attempt, ms)."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.attempts: Counter[str] = Counter()
        self.retries: Counter[str] = Counter()

    def emit(self, record: logging.LogRecord) -> None:
        args = record.args
        if not isinstance(args, tuple) or len(args) != 5:
            return
        method, path, _outcome, attempt, _ms = args
        what = "place" if (method, path) == ("POST", "/orders") else "read" if method == "GET" else f"{method} {path}"
        self.attempts[what] += 1
        if isinstance(attempt, int) and attempt > 1:
            self.retries[what] += 1


@contextmanager
def counting_attempts() -> Iterator[AttemptLog]:
    """The SDK's debug log, counted instead of printed, for the duration."""
    logger = logging.getLogger("heytraders")
    handler = AttemptLog()
    level, propagate = logger.level, logger.propagate
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    logger.propagate = False  # thousands of lines: counted here, not kept by pytest's log capture
    try:
        yield handler
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
        logger.propagate = propagate


# ---- the workers ---------------------------------------------------------------------------------------

Side = Literal["buy", "sell"]


def order_arguments(account: str, label: str, side: Side) -> dict[str, Any]:
    return {
        "account_id": account,
        "exchange": "binance",
        "symbol": "BTC/USDT",
        "side": side,
        "order_type": "market",
        "amount": AMOUNT,
        "label": label,
    }


def side_of(index: int) -> Side:
    return "buy" if index % 2 == 0 else "sell"  # alternate, so that the paper balances stay put


def place_sync(client: HeyTraders, tally: Tally, account: str, label: str, side: Side) -> models.Order:
    """Place one order as a careful user would: never blindly again, only once the sandbox says it has none."""
    for _ in range(MAX_PLACEMENTS):
        tally.add(placements=1)
        try:
            return client.orders.place_order(**order_arguments(account, label, side))
        except OrderStatusUnknownError as error:
            found = client.orders.resolve_unknown_order(error)
            tally.add(unknown=1, resolved_found=found is not None, resolved_missing=found is None)
            if found is not None:
                return found
    raise AssertionError(f"{label}: not placed after {MAX_PLACEMENTS} placements")


async def place_async(client: AsyncHeyTraders, tally: Tally, account: str, label: str, side: Side) -> models.Order:
    """``place_sync`` with the async client."""
    for _ in range(MAX_PLACEMENTS):
        tally.add(placements=1)
        try:
            return await client.orders.place_order(**order_arguments(account, label, side))
        except OrderStatusUnknownError as error:
            found = await client.orders.resolve_unknown_order(error)
            tally.add(unknown=1, resolved_found=found is not None, resolved_missing=found is None)
            if found is not None:
                return found
    raise AssertionError(f"{label}: not placed after {MAX_PLACEMENTS} placements")


def run_sync(mock: RunningMock, tally: Tally, workers: int) -> None:
    def work(key: str, account: str) -> None:
        with HeyTraders(api_key=key, base_url=mock.base_url, max_retries=MAX_RETRIES) as client:
            for index, label in enumerate(iter(tally.next_label, None)):
                client.market.get_ticker(symbol="BTC/USDT")
                order = place_sync(client, tally, account, label, side_of(index))
                tally.believe(label, order)
                assert client.orders.get_order(order_id=order.order_id).label == label
                tally.add(reads=2)

    owners = [new_key(mock, tally) for _ in range(workers)]
    with ThreadPoolExecutor(max_workers=workers) as pool:
        futures = [pool.submit(work, key, account) for key, account in owners]
        for future in futures:
            future.result()  # a worker's failure fails the test, with its traceback


def run_async(mock: RunningMock, tally: Tally, workers: int) -> None:
    async def work(key: str, account: str) -> None:
        async with AsyncHeyTraders(api_key=key, base_url=mock.base_url, max_retries=MAX_RETRIES) as client:
            for index, label in enumerate(iter(tally.next_label, None)):
                await client.market.get_ticker(symbol="BTC/USDT")
                order = await place_async(client, tally, account, label, side_of(index))
                tally.believe(label, order)
                assert (await client.orders.get_order(order_id=order.order_id)).label == label
                tally.add(reads=2)

    async def main() -> None:
        owners = [new_key(mock, tally) for _ in range(workers)]
        await asyncio.gather(*(work(key, account) for key, account in owners))

    asyncio.run(main())


def new_key(mock: RunningMock, tally: Tally) -> tuple[str, str]:
    key = mock.new_key()
    owner = key.api_key, key.account_ids["binance"]
    tally.owners.append(owner)
    return owner


# ---- the sandbox's side --------------------------------------------------------------------------------


def control(mock: RunningMock, method: str, body: Any = None) -> dict[str, Any]:
    response = httpx.request(method, mock.origin + "/_mock/faults", json=body, timeout=30.0)
    assert response.status_code == 200, response.text
    answer: dict[str, Any] = response.json()
    return answer


def sandbox_orders(mock: RunningMock, owners: Sequence[tuple[str, str]]) -> dict[str, list[str]]:
    """Every order on the workers' accounts, as label -> order IDs, read with each account's own key, faults off."""
    orders: dict[str, list[str]] = {}
    for key, account in owners:
        with HeyTraders(api_key=key, base_url=mock.base_url, max_retries=0) as client:
            for order in client.orders.list_all_orders(account_id=account, limit=200):
                orders.setdefault(order.label or f"<unlabelled {order.order_id}>", []).append(order.order_id)
    return orders


@pytest.fixture(scope="module")
def mock(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningMock]:
    log_dir: Path = tmp_path_factory.mktemp("reliability")
    options = ["--faults", "--frozen-clock"]
    with running_mock(log_dir, seed=SEED, rate_limit=10_000_000, options=options) as running:
        yield running


@pytest.mark.parametrize("kind", ["sync", "async"])
def test_no_order_is_duplicated_or_lost_under_faults(mock: RunningMock, kind: str) -> None:
    runner: Callable[[RunningMock, Tally, int], None] = run_sync if kind == "sync" else run_async
    tally = Tally(labels=iter([f"rel-{kind}-{n:05d}" for n in range(PROFILE.orders)]))
    control(mock, "PUT", {"seed": SEED + (kind == "async"), "rules": fault_rules()})
    started = time.perf_counter()
    with counting_attempts() as attempts:
        runner(mock, tally, PROFILE.workers)
    elapsed = time.perf_counter() - started
    injected = control(mock, "GET")  # the counters
    control(mock, "DELETE")  # no more faults for the count below

    orders = sandbox_orders(mock, tally.owners)
    duplicates = sum(len(ids) - 1 for ids in orders.values())
    lost = sorted(label for label, order_id in tally.placed.items() if order_id not in orders.get(label, []))
    unexpected = sorted(set(orders) - set(tally.placed))
    order_faults = injected["by_fault"].get("POST /orders", {})
    read_faults = Counter[str]()
    for route, faults in injected["by_fault"].items():
        if route.startswith("GET "):
            read_faults.update(faults)
    ambiguous = sum(n for f, n in order_faults.items() if parse_fault(f).hides_outcome)
    committed = sum(n for f, n in order_faults.items() if parse_fault(f).hides_outcome and parse_fault(f).runs_handler)
    order_429s = sum(n for f, n in order_faults.items() if parse_fault(f).status == 429)
    failed_reads = sum(n for f, n in read_faults.items() if fails_attempt(f))

    report.record(
        f"{kind} ({PROFILE_NAME})",
        {
            "orders placed": len(tally.placed),
            **{f"faults: {k}": injected["injected"][k] for k in KINDS},
            "placement attempts": attempts.attempts["place"],
            "OrderStatusUnknownError": tally.unknown,
            "  ambiguous faults on POST /orders": ambiguous,
            "  resolved: order found": tally.resolved_found,
            "  resolved: none, placed again": tally.resolved_missing,
            "retries: placements (429)": attempts.retries["place"],
            "retries: reads": attempts.retries["read"],
            "reads (calls that succeeded)": tally.reads,
            "duplicates": duplicates,
            "lost": len(lost),
            "orders the client did not know of": len(unexpected),
            "seconds": round(elapsed),
        },
    )

    assert len(tally.placed) == PROFILE.orders
    assert duplicates == 0, [label for label, ids in orders.items() if len(ids) > 1][:10]
    assert lost == [], f"believed placed, not in the sandbox (or under another ID): {lost[:10]}"
    assert unexpected == [], f"in the sandbox, believed not placed: {unexpected[:10]}"
    assert ambiguous > 0 and injected["injected"]["drop-after"] > 0, "the faults never hit: nothing was shown"
    assert tally.unknown == ambiguous, "every fault hiding an order's outcome raises OrderStatusUnknownError, once"
    # The order exists exactly when the handler ran: after a drop after it, a cut or unreadable body; not after a
    # drop before it or a 5xx.
    assert (tally.resolved_found, tally.resolved_missing) == (committed, ambiguous - committed)
    assert attempts.retries["place"] == order_429s, "a placement is retried only when the server said it did not run"
    assert tally.reads == 2 * PROFILE.orders  # each read returned (the worker would have failed otherwise)
    assert failed_reads > 0 and attempts.retries["read"] == failed_reads, "each failed read attempt retried, once"
