"""The hand-written helpers against the real sandbox, sync and async.

Each test runs the mock in-process. The helpers' ``sleep`` moves the mock clock instead of waiting,
so a backtest's ten seconds, a claim code's thirty minutes and hours of signals pass at once, and
the behaviour under test (completion, failure, cancellation, deadline, expiry, duplicates) is the
server's own, not a script's.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

import httpx
import pytest
from heytraders import (
    AsyncHeyTraders,
    BacktestCancelledError,
    BacktestFailedError,
    BacktestParams,
    BacktestTimeoutError,
    ClaimExpiredError,
    HeyTraders,
    OrderStatusUnknownError,
    models,
)
from heytraders.errors import FreeQuotaExceededError
from heytraders_mock import MockConfig, create_app
from starlette.types import ASGIApp

from tests.mock.conftest import SyncASGITransport

BASE_URL = "http://mock/api/v1"
MAX_SLEEPS = 500
RSI_SCRIPT = 'oversold = rsi(close, 14) < 30\nemit_signal(oversold, entry("BINANCE:BTC/USDT", "LONG", Weight(0.5)))'
BACKTEST: BacktestParams = {
    "script": RSI_SCRIPT,
    "universe": ["BINANCE:BTC/USDT"],
    "start_date": "2024-01-01",
    "end_date": "2024-03-31",
    "timeframe": "1h",
}


def _key_request(claimed: bool) -> dict[str, Any]:
    return {"scopes": ["research", "read", "trade"], "claimed": claimed}


@dataclass
class Sandbox:
    """One mock app, its clock, and a control client for the dashboard-side actions."""

    app: ASGIApp
    control: httpx.Client

    @property
    def clock(self) -> Any:
        return self.app.state.sandbox.clock  # type: ignore[attr-defined]

    sleeps: int = 0

    def sleep(self, seconds: float) -> None:
        # A helper whose stopping rule broke would otherwise poll for ever: bound every test.
        self.sleeps += 1
        assert self.sleeps <= MAX_SLEEPS, f"a helper waited {MAX_SLEEPS} times without stopping"
        self.clock.advance(seconds)

    async def asleep(self, seconds: float) -> None:
        self.sleep(seconds)

    def now(self) -> float:
        return float(self.clock.now().timestamp())

    def key(self, *, claimed: bool = True) -> str:
        response = self.control.post("/_mock/keys", json=_key_request(claimed))
        assert response.status_code == 200, response.text
        return str(response.json()["api_key"])

    async def akey(self) -> str:
        # Inside a running event loop the sync control client cannot drive the app.
        async with httpx.AsyncClient(transport=httpx.ASGITransport(self.app), base_url="http://mock") as control:
            response = await control.post("/_mock/keys", json=_key_request(True))
        assert response.status_code == 200, response.text
        return str(response.json()["api_key"])

    def approve(self, code: str) -> None:
        response = self.control.post(f"/_mock/claims/{code}/approve", json={"scopes": ["research", "read"]})
        assert response.status_code == 200, response.text

    def client(self, key: str | None) -> HeyTraders:
        return HeyTraders(api_key=key, base_url=BASE_URL, http_client=self.control, max_retries=0)

    def async_client(self, key: str | None, transport: httpx.AsyncBaseTransport | None = None) -> AsyncHeyTraders:
        transport = transport or httpx.ASGITransport(self.app)
        return AsyncHeyTraders(api_key=key, base_url=BASE_URL, transport=transport, max_retries=0)


@pytest.fixture
def sandbox() -> Iterator[Sandbox]:
    app = create_app(MockConfig(seed=11))
    with httpx.Client(transport=SyncASGITransport(app), base_url="http://mock") as control:
        yield Sandbox(app, control)


@pytest.fixture
def client(sandbox: Sandbox) -> Iterator[HeyTraders]:
    with sandbox.client(sandbox.key()) as client:
        yield client


@pytest.fixture
async def aclient(sandbox: Sandbox) -> AsyncIterator[AsyncHeyTraders]:
    async with sandbox.async_client(await sandbox.akey()) as client:
        yield client


# ---- backtests ------------------------------------------------------------------------------------


def test_run_polls_to_completion_and_reads_consistent_results(sandbox: Sandbox, client: HeyTraders) -> None:
    seen: list[str] = []
    run = client.backtest.run(
        **BACKTEST, poll_interval=1, on_progress=lambda s: seen.append(s.status), sleep=sandbox.sleep, clock=sandbox.now
    )
    assert seen[0] == "queued" and "running" in seen and seen[-1] == "completed"
    assert run.dashboard_url.endswith(run.result_id)
    trades = run.trades()  # every page
    metrics = run.metrics()
    assert metrics.num_trades == len(trades)
    equity = run.equity().points
    assert equity[0].equity == run.summary.initial_cash and equity[-1].equity == run.summary.final_equity


@pytest.mark.anyio
async def test_async_run_polls_to_completion(sandbox: Sandbox, aclient: AsyncHeyTraders) -> None:
    run = await aclient.backtest.run(**BACKTEST, poll_interval=1, sleep=sandbox.asleep, clock=sandbox.now)
    assert run.status.status == "completed"
    assert (await run.metrics()).num_trades == len(await run.trades())


def test_a_failed_job_raises_with_the_servers_reason(sandbox: Sandbox, client: HeyTraders) -> None:
    params: BacktestParams = {**BACKTEST, "universe": ["BINANCE:NOPE/USDT"]}
    with pytest.raises(BacktestFailedError) as caught:
        client.backtest.run(**params, poll_interval=1, sleep=sandbox.sleep, clock=sandbox.now)
    assert caught.value.message is not None and caught.value.message.startswith("DATA_UNAVAILABLE")


@pytest.mark.anyio
async def test_a_script_error_fails_the_async_run_naming_the_line(sandbox: Sandbox, aclient: AsyncHeyTraders) -> None:
    params: BacktestParams = {
        **BACKTEST,
        "script": "fast = sma(close, 10)\nslow = smaa(close, 50)\nemit_signal(fast > slow, x)",
    }
    with pytest.raises(BacktestFailedError) as caught:
        await aclient.backtest.run(**params, poll_interval=1, sleep=sandbox.asleep, clock=sandbox.now)
    assert "line 2" in str(caught.value)


def test_a_job_cancelled_elsewhere_raises_cancelled(sandbox: Sandbox, client: HeyTraders) -> None:
    def cancel_once_running(status: models.BacktestStatus) -> None:
        if status.status == "running":
            client.backtest.cancel_backtest(backtest_id=status.backtest_id)  # as the dashboard would

    with pytest.raises(BacktestCancelledError) as caught:
        client.backtest.run(
            **BACKTEST, poll_interval=1, on_progress=cancel_once_running, sleep=sandbox.sleep, clock=sandbox.now
        )
    assert caught.value.status is not None and caught.value.status.status == "cancelled"


@pytest.mark.parametrize("cancel_on_exit", [True, False])
def test_the_deadline_cancels_the_job_on_the_server_unless_told_not_to(
    sandbox: Sandbox, client: HeyTraders, cancel_on_exit: bool
) -> None:
    with pytest.raises(BacktestTimeoutError) as caught:
        client.backtest.run(
            **BACKTEST,
            poll_interval=1,
            timeout=4,
            cancel_on_exit=cancel_on_exit,
            sleep=sandbox.sleep,
            clock=sandbox.now,
        )
    status = client.backtest.get_backtest_status(backtest_id=caught.value.backtest_id)
    assert status.status == ("cancelled" if cancel_on_exit else "running")


@pytest.mark.anyio
async def test_ctrl_c_cancels_the_async_job_on_the_server(sandbox: Sandbox, aclient: AsyncHeyTraders) -> None:
    started: list[str] = []

    def interrupt_while_running(status: models.BacktestStatus) -> None:
        started.append(status.backtest_id)
        if status.status == "running":
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        await aclient.backtest.run(
            **BACKTEST, poll_interval=1, on_progress=interrupt_while_running, sleep=sandbox.asleep, clock=sandbox.now
        )
    status = await aclient.backtest.get_backtest_status(backtest_id=started[0])
    assert status.status == "cancelled"


def test_a_provisional_keys_quota_surfaces_with_retry_after(sandbox: Sandbox) -> None:
    with sandbox.client(sandbox.key(claimed=False)) as client:
        for _ in range(10):
            client.backtest.execute_backtest(**BACKTEST)
        with pytest.raises(FreeQuotaExceededError) as caught:
            client.backtest.run(**BACKTEST, sleep=sandbox.sleep, clock=sandbox.now)
    assert caught.value.retry_after is not None and 0 < caught.value.retry_after <= 3600


# ---- the claim flow -------------------------------------------------------------------------------


def test_claim_re_requests_an_expired_code_and_returns_the_claimed_agent(sandbox: Sandbox) -> None:
    with sandbox.client(None) as anonymous:
        key = anonymous.meta.register(display_name="Claim Bot").api_key.get_secret_value()
    codes: list[models.ClaimCode] = []

    def hand_over(code: models.ClaimCode) -> None:
        codes.append(code)
        if len(codes) == 2:  # the user misses the first code and types the second
            sandbox.approve(code.claim_code)

    with sandbox.client(key) as client:
        agent = client.meta.claim(
            display_name="Claim Bot", on_code=hand_over, poll_interval=60, sleep=sandbox.sleep, clock=sandbox.now
        )
    assert agent.status == "claimed" and {"research", "read"} <= set(agent.scopes)
    assert len(codes) == 2 and codes[0].claim_code != codes[1].claim_code


@pytest.mark.anyio
async def test_async_claim_gives_up_when_every_code_expires(sandbox: Sandbox) -> None:
    async with sandbox.async_client(None) as anonymous:
        key = (await anonymous.meta.register(display_name="Late Bot")).api_key.get_secret_value()
    async with sandbox.async_client(key) as client:
        with pytest.raises(ClaimExpiredError) as caught:
            await client.meta.claim(
                display_name="Late Bot",
                on_code=lambda code: None,
                max_codes=2,
                poll_interval=120,
                sleep=sandbox.asleep,
                clock=sandbox.now,
            )
    assert len(caught.value.codes) == 2


# ---- signal streams -------------------------------------------------------------------------------


def _subscription(client: HeyTraders) -> str:
    strategy = client.live_strategies.list_live_strategies()[0]
    return client.live_strategies.subscribe_to_strategy(strategy_id=strategy.strategy_id).subscription_id


def test_stream_yields_each_signal_once_in_order_and_resumes_from_its_cursor(
    sandbox: Sandbox, client: HeyTraders
) -> None:
    subscription_id = _subscription(client)
    first = list(
        client.live_strategies.stream_signals(
            subscription_id,
            max_signals=4,
            poll_interval=4 * 3600,  # the strategy fires a few times a week
            sleep=sandbox.sleep,
            clock=sandbox.now,
        )
    )
    resumed = list(
        client.live_strategies.stream_signals(
            subscription_id,
            since=first[-1].generated_at,
            max_signals=3,
            poll_interval=4 * 3600,  # the strategy fires a few times a week
            sleep=sandbox.sleep,
            clock=sandbox.now,
        )
    )
    ids = [signal.signal_id for signal in first + resumed]
    assert len(ids) == len(set(ids)) == 7  # no duplicates across polls or across the resume
    times = [signal.generated_at for signal in first + resumed]
    assert times == sorted(times)
    recorded = client.live_strategies.list_signals(subscription_id=subscription_id, limit=100)
    assert ids == [signal.signal_id for signal in reversed(recorded)][: len(ids)]


def _parse(moment: str) -> datetime:
    return datetime.fromisoformat(moment.replace("Z", "+00:00"))


class RepeatingServer(httpx.AsyncBaseTransport):
    """The real mock behind a server quirk: ``signals/latest`` answers from a day before ``since``,
    so every poll repeats signals the stream has already yielded."""

    def __init__(self, app: ASGIApp) -> None:
        self.inner = httpx.ASGITransport(app)
        self.repeated = 0

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        since = request.url.params.get("since")
        if request.url.path.endswith("/signals/latest") and since:
            cursor = _parse(since)
            request.url = request.url.copy_set_param("since", (cursor - timedelta(days=1)).isoformat())
            response = await self.inner.handle_async_request(request)
            await response.aread()
            self.repeated += sum(1 for s in response.json()["data"] if _parse(s["generated_at"]) <= cursor)
            return response
        return await self.inner.handle_async_request(request)


@pytest.mark.anyio
async def test_async_stream_never_yields_a_repeated_signal_twice(sandbox: Sandbox) -> None:
    server = RepeatingServer(sandbox.app)
    async with sandbox.async_client(await sandbox.akey(), server) as client:
        strategy = (await client.live_strategies.list_live_strategies())[0]
        subscription = await client.live_strategies.subscribe_to_strategy(strategy_id=strategy.strategy_id)
        received = [
            signal
            async for signal in client.live_strategies.stream_signals(
                subscription.subscription_id,
                since=sandbox.clock.now(),
                max_signals=6,
                poll_interval=4 * 3600,  # the strategy fires a few times a week
                sleep=sandbox.asleep,
                clock=sandbox.now,
            )
        ]
        recorded = await client.live_strategies.list_signals(subscription_id=subscription.subscription_id, limit=100)
    assert server.repeated > 0  # the quirk really sent old signals again
    ids = [signal.signal_id for signal in received]
    assert len(set(ids)) == 6 and ids == [signal.signal_id for signal in reversed(recorded)][:6]


@pytest.mark.anyio
async def test_async_stream_stops_at_its_deadline(sandbox: Sandbox, aclient: AsyncHeyTraders) -> None:
    strategy = (await aclient.live_strategies.list_live_strategies())[0]
    subscription = await aclient.live_strategies.subscribe_to_strategy(strategy_id=strategy.strategy_id)
    await aclient.live_strategies.pause_subscription(
        strategy_id=strategy.strategy_id, subscription_id=subscription.subscription_id
    )
    before = sandbox.now()
    received = [
        signal
        async for signal in aclient.live_strategies.stream_signals(
            subscription.subscription_id,
            since=sandbox.clock.now(),
            poll_interval=600,
            timeout=timedelta(hours=3).total_seconds(),
            sleep=sandbox.asleep,
            clock=sandbox.now,
        )
    ]
    assert received == []  # a paused subscription records nothing
    assert sandbox.now() - before >= 3 * 3600


# ---- safe order placement -------------------------------------------------------------------------


class LoseResponses(httpx.AsyncBaseTransport):
    """Lets ``POST /orders`` reach the mock, then loses the answer, as a dropped connection would."""

    def __init__(self, app: ASGIApp, *, deliver: bool) -> None:
        self.inner = httpx.ASGITransport(app)
        self.deliver = deliver

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if request.method == "POST" and request.url.path.endswith("/orders"):
            if self.deliver:
                await self.inner.handle_async_request(request)
            raise httpx.ReadTimeout("the answer was lost", request=request)
        return await self.inner.handle_async_request(request)


@pytest.mark.anyio
@pytest.mark.parametrize("reached", [True, False])
async def test_resolve_unknown_order_says_whether_the_order_exists(sandbox: Sandbox, reached: bool) -> None:
    key = await sandbox.akey()
    async with sandbox.async_client(key, LoseResponses(sandbox.app, deliver=reached)) as client:
        [account] = [a for a in await client.accounts.list_accounts() if a.exchange == "binance"]
        with pytest.raises(OrderStatusUnknownError) as caught:
            await client.orders.place_order(
                account_id=account.account_id,
                exchange="binance",
                symbol="BTC/USDT",
                side="buy",
                order_type="limit",
                amount=Decimal("0.001"),
                price="50000",
            )
        found = await client.orders.resolve_unknown_order(caught.value, attempts=2, interval=0)
        orders = [o async for o in client.orders.list_all_orders(account_id=account.account_id)]
    assert len(orders) == (1 if reached else 0)  # never placed twice
    if reached:
        assert found is not None and found.order_id == orders[0].order_id and found.label == caught.value.sent["label"]
    else:
        assert found is None


class LoseResponsesSync(SyncASGITransport):
    """The sync twin of ``LoseResponses``: the order reaches the mock, the answer is lost."""

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.method == "POST" and request.url.path.endswith("/orders"):
            super().handle_request(request)
            raise httpx.RemoteProtocolError("the connection dropped before the answer", request=request)
        return super().handle_request(request)


def test_sync_resolve_unknown_order_finds_the_order_that_was_placed(sandbox: Sandbox) -> None:
    http = httpx.Client(transport=LoseResponsesSync(sandbox.app))
    with HeyTraders(api_key=sandbox.key(), base_url=BASE_URL, http_client=http) as client:  # default retries
        account = next(a for a in client.accounts.list_accounts() if a.exchange == "binance")
        with pytest.raises(OrderStatusUnknownError) as caught:
            client.orders.place_order(
                account_id=account.account_id, exchange="binance", symbol="BTC/USDT", side="buy", amount="0.001"
            )
        found = client.orders.resolve_unknown_order(caught.value, attempts=1, interval=0)
        orders = list(client.orders.list_all_orders(account_id=account.account_id))
    assert [o.order_id for o in orders] == [found.order_id if found else None]  # placed once, and found
    assert found is not None and found.status == "filled"
