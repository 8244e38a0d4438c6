"""Backtest runs: submit, poll with a growing interval under a deadline, cancel on the way out, read the results."""

from __future__ import annotations

import asyncio
import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx
import pytest
from heytraders import AsyncHeyTraders, HeyTraders, models
from heytraders.errors import FreeQuotaExceededError
from heytraders.lib.backtest import (
    BacktestCancelledError,
    BacktestFailedError,
    BacktestTimeoutError,
    rich_progress,
)

from .fakes import Clock

BASE_URL = "https://api.test/api/v1"
BT = "bt_01HQ3K8Z9M"
RES = "res_01HQ3M2P7X"
SCRIPT = 'oversold = rsi(close, 14) < 30\nemit_signal(oversold, entry("BINANCE:BTC/USDT", "LONG", Weight(0.5)))'
ARGS: dict[str, Any] = {"universe": ["BINANCE:BTC/USDT"], "start_date": "2024-01-01", "end_date": "2024-06-30"}
METRICS = {
    "total_return_pct": 18.42,
    "max_drawdown": 9.87,
    "sharpe_ratio": 1.64,
    "sortino_ratio": 2.31,
    "calmar_ratio": 4.07,
    "win_rate": 0.58,
    "num_trades": 3,
    "profit_factor": 1.72,
}
RESULT = {
    "result_id": RES,
    "backtest_id": BT,
    "dashboard_url": f"https://hey-traders.com/dashboard/backtest/detail/{RES}",
    "strategy_type": "signal",
    "universe": ["BINANCE:BTC/USDT"],
    "start_date": "2024-01-01",
    "end_date": "2024-06-30",
    "initial_cash": "10000",
    "final_equity": "11842.37",
    "metrics": METRICS,
}
TRADES = [
    {
        "trade_id": f"trd_{n}",
        "ticker": "BINANCE:BTC/USDT",
        "side": "long",
        "entry_time": "2024-01-03T08:00:00Z",
        "exit_time": "2024-01-05T14:00:00Z",
        "entry_price": "42315.6",
        "exit_price": "43890.1",
        "quantity": "0.1182",
        "pnl": "181.02",
        "fee": "5.09",
        "return_pct": 3.62,
    }
    for n in range(3)
]
PAGE_CAP = 2  # the server pages trades two at a time, so reading them all takes two requests


def envelope(data: Any) -> dict[str, Any]:
    return {"success": True, "data": data, "error": None, "meta": {"timestamp": "2026-02-10T14:19:53Z"}}


def status(state: str, progress: float = 0, message: str | None = None) -> dict[str, Any]:
    return {
        "backtest_id": BT,
        "status": state,
        "progress": progress,
        "result_id": RES if state == "completed" else None,
        "message": message,
        "created_at": "2026-02-10T14:19:53Z",
    }


class Backtests:
    """A backtest server: each status poll answers the next of ``states`` (the last one repeats)."""

    def __init__(self, *states: dict[str, Any], execute: httpx.Response | None = None, cancel_status: int = 200):
        self.states = list(states)
        self.execute = execute
        self.cancel_status = cancel_status
        self.submitted: list[dict[str, Any]] = []
        self.polls = 0
        self.cancelled: list[str] = []
        self.requests: list[str] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        path = request.url.path.removeprefix("/api/v1")
        self.requests.append(f"{request.method} {path}")
        if path == "/backtest/execute":
            self.submitted.append(json.loads(request.content))
            return self.execute or httpx.Response(
                200, json=envelope({"backtest_id": BT, "status": "queued", "created_at": "2026-02-10T14:19:53Z"})
            )
        if path == f"/backtest/status/{BT}":
            state = self.states[min(self.polls, len(self.states) - 1)]
            self.polls += 1
            return httpx.Response(200, json=envelope(state))
        if path == f"/backtest/cancel/{BT}":
            self.cancelled.append(BT)
            if self.cancel_status != 200:
                error = {"code": "VALIDATION_ERROR", "message": "the job has completed"}
                return httpx.Response(self.cancel_status, json={"success": False, "data": None, "error": error})
            return httpx.Response(200, json=envelope(status("cancelled", 37, "Cancelled by user.")))
        results = {
            f"/backtest/results/{RES}": RESULT,
            f"/backtest/results/{RES}/metrics": METRICS,
            f"/backtest/results/{RES}/per-ticker": [
                {
                    "ticker": "BINANCE:BTC/USDT",
                    "num_trades": 3,
                    "total_return_pct": 18.42,
                    "pnl": "1842.37",
                    "win_rate": 0.58,
                }
            ],
            f"/backtest/results/{RES}/equity": {
                "result_id": RES,
                "points": [{"timestamp": "2024-01-01T00:00:00Z", "equity": "10000", "drawdown_pct": 0}],
            },
            f"/backtest/results/{RES}/analysis": {"result_id": RES, "analysis": "## Summary\n\nGood."},
        }
        if path in results:
            return httpx.Response(200, json=envelope(results[path]))
        if path == f"/backtest/results/{RES}/trades":
            offset, limit = int(request.url.params["offset"]), int(request.url.params["limit"])
            page = TRADES[offset : offset + min(limit, PAGE_CAP)]
            return httpx.Response(
                200, json=envelope({"trades": page, "total": len(TRADES), "limit": limit, "offset": offset})
            )
        return httpx.Response(
            404, json={"success": False, "data": None, "error": {"code": "NOT_FOUND", "message": path}}
        )


def client_for(server: Backtests) -> HeyTraders:
    # No client-level retries: each scripted answer is seen once, and nothing sleeps for real.
    return HeyTraders(api_key="ht_k", base_url=BASE_URL, transport=httpx.MockTransport(server), max_retries=0)


def async_client_for(server: Backtests) -> AsyncHeyTraders:
    return AsyncHeyTraders(api_key="ht_k", base_url=BASE_URL, transport=httpx.MockTransport(server), max_retries=0)


RUNNING = (status("queued"), status("running", 40), status("running", 80), status("completed", 100))


def test_a_run_polls_until_completed_reporting_progress_and_reads_the_results() -> None:
    server, clock = Backtests(*RUNNING), Clock()
    seen: list[models.BacktestStatus] = []
    run = client_for(server).backtest.run(
        script=SCRIPT, **ARGS, on_progress=seen.append, sleep=clock.sleep, clock=clock
    )
    assert server.submitted[0]["script"] == SCRIPT and server.submitted[0]["universe"] == ARGS["universe"]
    assert [s.progress for s in seen] == [0, 40, 80, 100]
    assert clock.sleeps == [1.0, 1.5, 2.25]  # starts at poll_interval, grows by half
    assert run.status.status == models.BacktestJobStatus.COMPLETED
    assert run.summary.final_equity == models.BacktestResult.model_validate(RESULT).final_equity
    assert run.dashboard_url == RESULT["dashboard_url"]
    assert run.metrics().sharpe_ratio == 1.64
    assert run.per_ticker()[0].ticker == "BINANCE:BTC/USDT"
    assert [t.trade_id for t in run.trades()] == ["trd_0", "trd_1", "trd_2"]
    assert server.requests.count(f"GET /backtest/results/{RES}/trades") == 2  # every page
    assert run.equity().points[0].equity == 10000
    assert run.analysis().analysis.startswith("## Summary")
    assert server.cancelled == []


def test_the_poll_interval_grows_to_its_cap() -> None:
    server, clock = Backtests(*[status("running", 10)] * 4, status("completed", 100)), Clock()
    client_for(server).backtest.run(
        script=SCRIPT, **ARGS, poll_interval=4, max_poll_interval=5, sleep=clock.sleep, clock=clock
    )
    assert clock.sleeps == [4, 5, 5, 5]


def test_a_failed_job_raises_with_the_servers_message() -> None:
    reason = "TA_OUT_OF_RANGE: sma(close, 200) needs 200 candles of history."
    server, clock = Backtests(status("running", 10), status("failed", 10, reason)), Clock()
    with pytest.raises(BacktestFailedError) as caught:
        client_for(server).backtest.run(script=SCRIPT, **ARGS, sleep=clock.sleep, clock=clock)
    assert caught.value.message == reason
    assert reason in str(caught.value)
    assert caught.value.status is not None and caught.value.status.status == "failed"
    assert server.cancelled == []


def test_a_job_cancelled_elsewhere_raises_cancelled() -> None:
    server, clock = Backtests(status("running", 10), status("cancelled", 10, "Cancelled by user.")), Clock()
    with pytest.raises(BacktestCancelledError) as caught:
        client_for(server).backtest.run(script=SCRIPT, **ARGS, sleep=clock.sleep, clock=clock)
    assert caught.value.backtest_id == BT
    assert server.cancelled == []


def test_at_the_deadline_the_job_is_cancelled_then_timeout_raised() -> None:
    server, clock = Backtests(status("running", 50)), Clock()
    with pytest.raises(BacktestTimeoutError) as caught:
        client_for(server).backtest.run(
            script=SCRIPT, **ARGS, poll_interval=2, timeout=4, sleep=clock.sleep, clock=clock
        )
    assert clock.sleeps == [2, 2]  # the last wait is cut to end at the deadline, where one last poll happens
    assert server.polls == 3
    assert server.requests[-1] == f"POST /backtest/cancel/{BT}"
    assert caught.value.cancelled and caught.value.timeout == 4


def test_cancel_on_exit_false_leaves_the_job_running() -> None:
    server, clock = Backtests(status("running", 50)), Clock()
    with pytest.raises(BacktestTimeoutError) as caught:
        client_for(server).backtest.run(
            script=SCRIPT, **ARGS, timeout=3, cancel_on_exit=False, sleep=clock.sleep, clock=clock
        )
    assert server.cancelled == [] and not caught.value.cancelled


def test_a_cancel_that_fails_is_noted_and_the_timeout_still_raised() -> None:
    server, clock = Backtests(status("running", 50), cancel_status=400), Clock()
    with pytest.raises(BacktestTimeoutError) as caught:
        client_for(server).backtest.run(script=SCRIPT, **ARGS, timeout=1, sleep=clock.sleep, clock=clock)
    assert server.cancelled == [BT] and not caught.value.cancelled
    assert any("cancelling backtest" in note for note in caught.value.__notes__)


def test_ctrl_c_cancels_the_job_and_propagates() -> None:
    server, clock = Backtests(status("running", 10)), Clock()

    def interrupt(seen: models.BacktestStatus) -> None:
        if server.polls == 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        client_for(server).backtest.run(script=SCRIPT, **ARGS, on_progress=interrupt, sleep=clock.sleep, clock=clock)
    assert server.cancelled == [BT]
    assert server.polls == 2


def test_wait_resumes_a_job_started_elsewhere() -> None:
    server, clock = Backtests(status("running", 60), status("completed", 100)), Clock()
    run = client_for(server).backtest.wait(BT, sleep=clock.sleep, clock=clock)
    assert server.submitted == []
    assert run.result_id == RES and run.backtest_id == BT


def test_a_quota_error_propagates_with_retry_after() -> None:
    error = {"code": "FREE_QUOTA_EXCEEDED", "message": "10 backtests per hour", "suggestion": "claim the agent"}
    quota = httpx.Response(429, headers={"Retry-After": "1800"}, json={"success": False, "data": None, "error": error})
    server, clock = Backtests(status("running"), execute=quota), Clock()
    with pytest.raises(FreeQuotaExceededError) as caught:
        client_for(server).backtest.run(script=SCRIPT, **ARGS, sleep=clock.sleep, clock=clock)
    assert caught.value.retry_after == 1800
    assert server.polls == 0 and clock.sleeps == []


def test_script_path_sends_the_files_text(tmp_path: Path) -> None:
    script = tmp_path / "rsi.dsl"
    script.write_text("# RSI ≤ 30 → long\n" + SCRIPT, encoding="utf-8")
    server, clock = Backtests(status("completed", 100)), Clock()
    client_for(server).backtest.run(script_path=script, **ARGS, sleep=clock.sleep, clock=clock)
    assert server.submitted[0]["script"] == "# RSI ≤ 30 → long\n" + SCRIPT


def test_script_and_script_path_together_are_refused(tmp_path: Path) -> None:
    server = Backtests(status("completed", 100))
    with pytest.raises(ValueError, match="script_path"):
        client_for(server).backtest.run(script=SCRIPT, script_path=tmp_path / "x.dsl", **ARGS)
    assert server.requests == []


def test_rich_progress_draws_and_closes_itself() -> None:
    from rich.console import Console

    out = io.StringIO()
    bar = rich_progress("RSI", console=Console(file=out, width=100, force_terminal=False))
    for state in RUNNING:
        bar(models.BacktestStatus.model_validate(state))
    assert bar._progress.finished  # the task reached 100
    assert not bar._progress.live.is_started  # and the bar closed on the terminal status
    assert "RSI" in out.getvalue() and "completed" in out.getvalue()


def test_heytraders_works_without_rich() -> None:
    # (httpx imports rich itself when its CLI extra is installed, so block rich rather than look for it.)
    code = """
import sys
sys.modules["rich"] = None
import heytraders, heytraders.lib.backtest
try:
    heytraders.lib.backtest.rich_progress()
except ImportError as error:
    print(error)
"""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "pip install 'heytraders[rich]'" in result.stdout


@pytest.mark.anyio
async def test_async_run_completes_with_progress_and_results() -> None:
    server, clock = Backtests(*RUNNING), Clock()
    seen: list[float] = []

    async def record(state: models.BacktestStatus) -> None:  # a coroutine callback is awaited
        seen.append(state.progress)

    async with async_client_for(server) as client:
        run = await client.backtest.run(script=SCRIPT, **ARGS, on_progress=record, sleep=clock.asleep, clock=clock)
        assert seen == [0, 40, 80, 100] and clock.sleeps == [1.0, 1.5, 2.25]
        assert run.dashboard_url == RESULT["dashboard_url"]
        assert (await run.metrics()).num_trades == 3
        assert (await run.per_ticker())[0].num_trades == 3
        assert [t.trade_id for t in await run.trades()] == ["trd_0", "trd_1", "trd_2"]
        assert len((await run.equity()).points) == 1
        assert "Good" in (await run.analysis()).analysis


@pytest.mark.anyio
async def test_async_failed_and_cancelled_jobs_raise() -> None:
    clock = Clock()
    failed = Backtests(status("failed", 5, "script error: line 1"))
    async with async_client_for(failed) as client:
        with pytest.raises(BacktestFailedError) as caught:
            await client.backtest.run(script=SCRIPT, **ARGS, sleep=clock.asleep, clock=clock)
    assert caught.value.message == "script error: line 1"
    cancelled = Backtests(status("cancelled", 5))
    async with async_client_for(cancelled) as client:
        with pytest.raises(BacktestCancelledError):
            await client.backtest.run(script=SCRIPT, **ARGS, sleep=clock.asleep, clock=clock)
    assert failed.cancelled == cancelled.cancelled == []


@pytest.mark.anyio
async def test_async_deadline_cancels_then_raises() -> None:
    server, clock = Backtests(status("running", 50)), Clock()
    async with async_client_for(server) as client:
        with pytest.raises(BacktestTimeoutError) as caught:
            await client.backtest.run(
                script=SCRIPT, **ARGS, poll_interval=2, timeout=4, sleep=clock.asleep, clock=clock
            )
    assert clock.sleeps == [2, 2] and server.requests[-1] == f"POST /backtest/cancel/{BT}"
    assert caught.value.cancelled


@pytest.mark.anyio
async def test_async_ctrl_c_cancels_the_job_and_propagates() -> None:
    server, clock = Backtests(status("running", 10)), Clock()

    def interrupt(seen: models.BacktestStatus) -> None:
        raise KeyboardInterrupt

    async with async_client_for(server) as client:
        with pytest.raises(KeyboardInterrupt):
            await client.backtest.run(script=SCRIPT, **ARGS, on_progress=interrupt, sleep=clock.asleep, clock=clock)
    assert server.cancelled == [BT]


@pytest.mark.anyio
async def test_async_task_cancellation_cancels_the_job() -> None:
    server = Backtests(status("running", 10))
    waiting = asyncio.Event()

    async def sleep_for_ever(seconds: float) -> None:
        waiting.set()
        await asyncio.Event().wait()

    async with async_client_for(server) as client:
        task = asyncio.create_task(client.backtest.run(script=SCRIPT, **ARGS, sleep=sleep_for_ever))
        await waiting.wait()
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
    assert server.cancelled == [BT]


@pytest.mark.anyio
async def test_async_wait_quota_and_script_path(tmp_path: Path) -> None:
    clock = Clock()
    resumed = Backtests(status("completed", 100))
    async with async_client_for(resumed) as client:
        run = await client.backtest.wait(BT, sleep=clock.asleep, clock=clock)
    assert run.result_id == RES and resumed.submitted == []

    error = {"code": "FREE_QUOTA_EXCEEDED", "message": "30 backtests per day"}
    quota = httpx.Response(429, headers={"Retry-After": "600"}, json={"success": False, "data": None, "error": error})
    refused = Backtests(status("running"), execute=quota)
    async with async_client_for(refused) as client:
        with pytest.raises(FreeQuotaExceededError) as caught:
            await client.backtest.run(script=SCRIPT, **ARGS, sleep=clock.asleep, clock=clock)
    assert caught.value.retry_after == 600 and refused.polls == 0

    script = tmp_path / "rsi.dsl"
    script.write_text(SCRIPT, encoding="utf-8")
    from_file = Backtests(status("completed", 100))
    async with async_client_for(from_file) as client:
        await client.backtest.run(script_path=script, **ARGS, sleep=clock.asleep, clock=clock)
    assert from_file.submitted[0]["script"] == SCRIPT
