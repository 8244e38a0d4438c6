# Generated from spec/heytraders.yaml by `make generate`. Do not edit: change the spec or the generator.
# (copied from overlays/heytraders/lib/backtest.py)
"""Backtests end to end: submit a job, wait for it under a deadline, read its results.

``execute_backtest`` only queues a job. ``run`` also waits for it, polling its status at a growing
interval until an overall deadline, and returns a :class:`BacktestRun` whose methods read the
results::

    from heytraders.lib.backtest import rich_progress

    with rich_progress() as bar:
        run = client.backtest.run(
            script_path="strategies/rsi.dsl",
            universe=["BINANCE:BTC/USDT"],
            start_date="2024-01-01",
            end_date="2024-06-30",
            on_progress=bar,
        )
    print(run.summary.metrics.total_return_pct, run.dashboard_url)
    trades = run.trades()

A job that fails raises :class:`BacktestFailedError` (with the server's ``message``), one cancelled
elsewhere :class:`BacktestCancelledError`. When the caller stops waiting (the deadline passes, Ctrl-C,
or the task is cancelled) the job is cancelled on the server before the error propagates, so an
abandoned job does not keep eating the key's quota; pass ``cancel_on_exit=False`` to keep it running
and pick it up later with ``wait(backtest_id)``.
"""

from __future__ import annotations

import asyncio
import inspect
import os
import time
from collections.abc import Awaitable, Callable, Mapping, Sequence
from datetime import date
from decimal import Decimal
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, Literal, Required, TypedDict, Unpack

from .. import models
from .._endpoints.backtest import AsyncBacktestEndpoints, BacktestEndpoints
from .._exceptions import HeyTradersError
from .._rows import RowList
from .._types import DecimalInput

if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import Progress, TaskID

__all__ = [
    "AsyncBacktestHelpers",
    "AsyncBacktestRun",
    "BacktestCancelledError",
    "BacktestError",
    "BacktestFailedError",
    "BacktestHelpers",
    "BacktestParams",
    "BacktestRun",
    "BacktestTimeoutError",
    "RichProgress",
    "rich_progress",
]

# The spec asks for a poll "every few seconds": start at one second (short jobs finish fast) and
# grow by half each time up to ten, so a long job costs a poll every ten seconds at most.
DEFAULT_POLL_INTERVAL = 1.0
DEFAULT_MAX_POLL_INTERVAL = 10.0
BACKOFF_FACTOR = 1.5
# Long enough for a multi-year, multi-ticker job; None waits for ever.
DEFAULT_TIMEOUT = 900.0

ProgressCallback = Callable[[models.BacktestStatus], object]
"""Called with every status polled; on the async client it may also be a coroutine function."""

_TERMINAL = frozenset(
    {models.BacktestJobStatus.COMPLETED, models.BacktestJobStatus.FAILED, models.BacktestJobStatus.CANCELLED}
)


class BacktestParams(TypedDict, total=False):
    """The arguments of ``execute_backtest`` (see its docstring); its defaults apply to those left out."""

    universe: Required[Sequence[str]]
    start_date: Required[date | str]
    end_date: Required[date | str]
    strategy_type: Literal["signal", "dca", "grid", "pair_trading"]
    script: str
    description: str | None
    exchange: Literal[
        "binance", "binancefuturesusd", "upbit", "hyperliquid", "lighter", "polymarket", "gate", "gatefutures"
    ]
    timeframe: Literal["1m", "5m", "15m", "30m", "1h", "4h", "1d", "1w", "1M"]
    initial_cash: DecimalInput
    leverage: float | Decimal
    trading_fee: float | Decimal
    slippage: float | Decimal
    stop_loss: float | Decimal | None
    take_profit: float | Decimal | None
    mode: Literal["isolated", "cross"]
    dca: models.DcaParameters | Mapping[str, Any]
    grid: models.GridParameters | Mapping[str, Any]
    pair_trading: models.PairTradingParameters | Mapping[str, Any]
    extra_headers: Mapping[str, str] | None


class BacktestError(HeyTradersError):
    """A backtest job ended without a result, or the wait for it ended first.

    Attributes:
        backtest_id: The job.
        status: Its last status seen (None if none was read).
    """

    def __init__(self, message: str, *, backtest_id: str, status: models.BacktestStatus | None) -> None:
        super().__init__(message)
        self.backtest_id = backtest_id
        self.status = status


class BacktestFailedError(BacktestError):
    """The job failed on the server; ``message`` says why (``TA_OUT_OF_RANGE: …``, a script error, …).

    Attributes:
        message: The server's reason, or None when it gave none.
    """

    def __init__(self, status: models.BacktestStatus) -> None:
        self.message = status.message
        super().__init__(
            f"backtest {status.backtest_id} failed: {status.message or 'the server gave no reason'}",
            backtest_id=status.backtest_id,
            status=status,
        )


class BacktestCancelledError(BacktestError):
    """The job was cancelled (by another client, the dashboard or the server) before it completed."""

    def __init__(self, status: models.BacktestStatus) -> None:
        reason = f": {status.message}" if status.message else ""
        super().__init__(
            f"backtest {status.backtest_id} was cancelled{reason}", backtest_id=status.backtest_id, status=status
        )


class BacktestTimeoutError(BacktestError):
    """The job did not finish before the deadline.

    Attributes:
        timeout: The deadline, in seconds from the start of the wait.
        cancelled: Whether the job was cancelled on the server (``cancel_on_exit``).
    """

    def __init__(self, *, backtest_id: str, status: models.BacktestStatus | None, timeout: float) -> None:
        progress = f" at {status.progress:g}%" if status is not None else ""
        super().__init__(
            f"backtest {backtest_id} did not finish within {timeout:g} s (still {_state(status)}{progress})",
            backtest_id=backtest_id,
            status=status,
        )
        self.timeout = timeout
        self.cancelled = False


class BacktestRun:
    """A completed backtest: its summary, and methods that read the rest of its results.

    Each method makes a request (nothing is cached): call it once and keep the value.

    Attributes:
        status: The job's final status.
        summary: The result summary with the key metrics.
    """

    def __init__(
        self, endpoints: BacktestEndpoints, status: models.BacktestStatus, summary: models.BacktestResult
    ) -> None:
        self._endpoints = endpoints
        self.status = status
        self.summary = summary

    @property
    def backtest_id(self) -> str:
        """The job's ID."""
        return self.summary.backtest_id

    @property
    def result_id(self) -> str:
        """The result's ID, for the ``get_backtest_*`` operations."""
        return self.summary.result_id

    @property
    def dashboard_url(self) -> str:
        """The web dashboard page with the charts and the full analysis; show it to the user."""
        return str(self.summary.dashboard_url)

    def metrics(self) -> models.BacktestMetrics:
        """The detailed performance metrics."""
        return self._endpoints.get_backtest_metrics(result_id=self.result_id)

    def per_ticker(self) -> list[models.TickerPerformance]:
        """The performance of each ticker of the universe."""
        return self._endpoints.get_backtest_per_ticker(result_id=self.result_id)

    def trades(self) -> RowList[models.BacktestTrade]:
        """Every trade, oldest first (all pages); ``.to_pandas()`` / ``.to_polars()`` make a DataFrame."""
        return RowList(self._endpoints.list_all_backtest_trades(result_id=self.result_id), models.BacktestTrade)

    def equity(self) -> models.EquityCurve:
        """The equity curve with the drawdown at each point."""
        return self._endpoints.get_backtest_equity(result_id=self.result_id)

    def analysis(self) -> models.BacktestAnalysis:
        """The AI-generated analysis, as markdown."""
        return self._endpoints.get_backtest_analysis(result_id=self.result_id)

    def __repr__(self) -> str:
        return f"BacktestRun(result_id={self.result_id!r}, dashboard_url={self.dashboard_url!r})"


class AsyncBacktestRun:
    """A completed backtest on the async client (see :class:`BacktestRun`)."""

    def __init__(
        self, endpoints: AsyncBacktestEndpoints, status: models.BacktestStatus, summary: models.BacktestResult
    ) -> None:
        self._endpoints = endpoints
        self.status = status
        self.summary = summary

    @property
    def backtest_id(self) -> str:
        """The job's ID."""
        return self.summary.backtest_id

    @property
    def result_id(self) -> str:
        """The result's ID, for the ``get_backtest_*`` operations."""
        return self.summary.result_id

    @property
    def dashboard_url(self) -> str:
        """The web dashboard page with the charts and the full analysis; show it to the user."""
        return str(self.summary.dashboard_url)

    async def metrics(self) -> models.BacktestMetrics:
        """The detailed performance metrics."""
        return await self._endpoints.get_backtest_metrics(result_id=self.result_id)

    async def per_ticker(self) -> list[models.TickerPerformance]:
        """The performance of each ticker of the universe."""
        return await self._endpoints.get_backtest_per_ticker(result_id=self.result_id)

    async def trades(self) -> RowList[models.BacktestTrade]:
        """Every trade, oldest first (all pages); ``.to_pandas()`` / ``.to_polars()`` make a DataFrame."""
        trades = [trade async for trade in self._endpoints.list_all_backtest_trades(result_id=self.result_id)]
        return RowList(trades, models.BacktestTrade)

    async def equity(self) -> models.EquityCurve:
        """The equity curve with the drawdown at each point."""
        return await self._endpoints.get_backtest_equity(result_id=self.result_id)

    async def analysis(self) -> models.BacktestAnalysis:
        """The AI-generated analysis, as markdown."""
        return await self._endpoints.get_backtest_analysis(result_id=self.result_id)

    def __repr__(self) -> str:
        return f"AsyncBacktestRun(result_id={self.result_id!r}, dashboard_url={self.dashboard_url!r})"


class BacktestHelpers(BacktestEndpoints):
    def run(
        self,
        *,
        script_path: str | os.PathLike[str] | None = None,
        poll_interval: float = DEFAULT_POLL_INTERVAL,
        max_poll_interval: float = DEFAULT_MAX_POLL_INTERVAL,
        timeout: float | None = DEFAULT_TIMEOUT,
        on_progress: ProgressCallback | None = None,
        cancel_on_exit: bool = True,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
        **params: Unpack[BacktestParams],
    ) -> BacktestRun:
        """Run a backtest: submit it, wait for it to complete and return its results.

        Args:
            script_path: A file holding the Signal DSL script (read as UTF-8), instead of ``script``.
            poll_interval: Seconds before the second status poll; each wait is 1.5 times the last.
            max_poll_interval: The longest wait between two polls, in seconds.
            timeout: Seconds to wait for the job in all (polls included); None waits for ever.
            on_progress: Called with every status polled (``rich_progress()`` draws a bar).
            cancel_on_exit: Cancel the job on the server when the deadline passes or on Ctrl-C.
            sleep: How to wait between polls (tests pass a fake).
            clock: A monotonic clock in seconds, for the deadline (tests pass a fake).
            **params: The arguments of ``execute_backtest``: ``universe``, ``start_date``,
                ``end_date``, ``script`` and the rest, with the same defaults.

        Returns:
            The completed backtest, with its summary and methods for the detailed results.

        Raises:
            BacktestFailedError: The job failed; ``message`` says why.
            BacktestCancelledError: The job was cancelled elsewhere.
            BacktestTimeoutError: ``timeout`` passed first (the job is cancelled if ``cancel_on_exit``).
            KeyboardInterrupt: Ctrl-C while waiting (the job is cancelled if ``cancel_on_exit``).
            FreeQuotaExceededError: A provisional key's backtest quota is used up; see ``retry_after``.
            QuotaExceededError: The tier's quota is used up; see ``retry_after``.
            ValueError: Both ``script`` and ``script_path`` were given.

            Any error of ``execute_backtest`` and ``get_backtest_status`` propagates as it is.
        """
        if script_path is not None:
            params["script"] = _read_script(script_path, params)
        job = self.execute_backtest(**params)
        return self.wait(
            job.backtest_id,
            poll_interval=poll_interval,
            max_poll_interval=max_poll_interval,
            timeout=timeout,
            on_progress=on_progress,
            cancel_on_exit=cancel_on_exit,
            sleep=sleep,
            clock=clock,
        )

    def wait(
        self,
        backtest_id: str,
        *,
        poll_interval: float = DEFAULT_POLL_INTERVAL,
        max_poll_interval: float = DEFAULT_MAX_POLL_INTERVAL,
        timeout: float | None = DEFAULT_TIMEOUT,
        on_progress: ProgressCallback | None = None,
        cancel_on_exit: bool = True,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> BacktestRun:
        """Wait for a job started elsewhere (or earlier) and return its results.

        Args:
            backtest_id: The job, from ``execute_backtest``.
            poll_interval: Seconds before the second status poll; each wait is 1.5 times the last.
            max_poll_interval: The longest wait between two polls, in seconds.
            timeout: Seconds to wait in all; None waits for ever.
            on_progress: Called with every status polled.
            cancel_on_exit: Cancel the job on the server when the deadline passes or on Ctrl-C.
            sleep: How to wait between polls.
            clock: A monotonic clock in seconds, for the deadline.

        Returns:
            The completed backtest.

        Raises:
            BacktestFailedError: The job failed; ``message`` says why.
            BacktestCancelledError: The job was cancelled.
            BacktestTimeoutError: ``timeout`` passed first.
            KeyboardInterrupt: Ctrl-C while waiting.
        """
        deadline = None if timeout is None else clock() + timeout
        interval = poll_interval
        status: models.BacktestStatus | None = None
        try:
            while True:
                status = self.get_backtest_status(backtest_id=backtest_id)
                if on_progress is not None:
                    on_progress(status)
                if _is_done(status):
                    break
                pause = _pause(interval, deadline, clock())
                if pause is None:
                    raise BacktestTimeoutError(backtest_id=backtest_id, status=status, timeout=timeout or 0.0)
                sleep(pause)
                interval = min(interval * BACKOFF_FACTOR, max_poll_interval)
        except (BacktestTimeoutError, KeyboardInterrupt) as stopped:
            if cancel_on_exit:
                try:
                    self.cancel_backtest(backtest_id=backtest_id)
                except HeyTradersError as error:
                    # The job may have finished meanwhile (cancelling it is then a 400): say so, keep the cause.
                    stopped.add_note(f"cancelling backtest {backtest_id} failed: {error}")
                else:
                    _mark_cancelled(stopped)
            raise
        summary = self.get_backtest_result(result_id=_result_id(status))
        return BacktestRun(self, status, summary)


class AsyncBacktestHelpers(AsyncBacktestEndpoints):
    async def run(
        self,
        *,
        script_path: str | os.PathLike[str] | None = None,
        poll_interval: float = DEFAULT_POLL_INTERVAL,
        max_poll_interval: float = DEFAULT_MAX_POLL_INTERVAL,
        timeout: float | None = DEFAULT_TIMEOUT,
        on_progress: ProgressCallback | None = None,
        cancel_on_exit: bool = True,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        clock: Callable[[], float] = time.monotonic,
        **params: Unpack[BacktestParams],
    ) -> AsyncBacktestRun:
        """Run a backtest and wait for its results (see ``BacktestHelpers.run``).

        ``on_progress`` may be a plain function or a coroutine function. Cancelling the task that
        waits cancels the job on the server too (unless ``cancel_on_exit=False``).
        """
        if script_path is not None:
            params["script"] = _read_script(script_path, params)
        job = await self.execute_backtest(**params)
        return await self.wait(
            job.backtest_id,
            poll_interval=poll_interval,
            max_poll_interval=max_poll_interval,
            timeout=timeout,
            on_progress=on_progress,
            cancel_on_exit=cancel_on_exit,
            sleep=sleep,
            clock=clock,
        )

    async def wait(
        self,
        backtest_id: str,
        *,
        poll_interval: float = DEFAULT_POLL_INTERVAL,
        max_poll_interval: float = DEFAULT_MAX_POLL_INTERVAL,
        timeout: float | None = DEFAULT_TIMEOUT,
        on_progress: ProgressCallback | None = None,
        cancel_on_exit: bool = True,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> AsyncBacktestRun:
        """Wait for a job started elsewhere and return its results (see ``BacktestHelpers.wait``)."""
        deadline = None if timeout is None else clock() + timeout
        interval = poll_interval
        status: models.BacktestStatus | None = None
        try:
            while True:
                status = await self.get_backtest_status(backtest_id=backtest_id)
                if on_progress is not None:
                    outcome = on_progress(status)
                    if inspect.isawaitable(outcome):
                        await outcome
                if _is_done(status):
                    break
                pause = _pause(interval, deadline, clock())
                if pause is None:
                    raise BacktestTimeoutError(backtest_id=backtest_id, status=status, timeout=timeout or 0.0)
                await sleep(pause)
                interval = min(interval * BACKOFF_FACTOR, max_poll_interval)
        except (BacktestTimeoutError, KeyboardInterrupt, asyncio.CancelledError) as stopped:
            if cancel_on_exit:
                # After a task cancellation asyncio still lets this one request run before the re-raise.
                try:
                    await self.cancel_backtest(backtest_id=backtest_id)
                except HeyTradersError as error:
                    stopped.add_note(f"cancelling backtest {backtest_id} failed: {error}")
                else:
                    _mark_cancelled(stopped)
            raise
        summary = await self.get_backtest_result(result_id=_result_id(status))
        return AsyncBacktestRun(self, status, summary)


class RichProgress:
    """An ``on_progress`` callback that draws a rich progress bar (made by :func:`rich_progress`).

    The bar closes itself when the job completes, fails or is cancelled; use it as a context manager
    so it also closes when the wait ends otherwise (deadline, Ctrl-C).
    """

    def __init__(self, progress: Progress, description: str) -> None:
        self._progress = progress
        self._description = description
        self._task: TaskID | None = None

    def __call__(self, status: models.BacktestStatus) -> None:
        if self._task is None:
            self._progress.start()
            self._task = self._progress.add_task(self._description, total=100.0, state="")
        self._progress.update(self._task, completed=status.progress, state=str(status.status.value), refresh=True)
        if status.status in _TERMINAL:
            self.close()

    def close(self) -> None:
        """Stop drawing (idempotent)."""
        self._progress.stop()

    def __enter__(self) -> RichProgress:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.close()


def rich_progress(
    description: str = "Backtest", *, console: Console | None = None, transient: bool = False
) -> RichProgress:
    """A ready-made ``on_progress`` callback drawing a progress bar with rich.

    rich is imported here only, so ``import heytraders`` never needs it; install it with the
    ``rich`` extra (``pip install 'heytraders[rich]'``).

    Args:
        description: The label before the bar.
        console: The rich console to draw on (the default one otherwise).
        transient: Erase the bar once it closes.

    Returns:
        The callback; also a context manager that closes the bar on leaving.
    """
    try:
        from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn, TimeElapsedColumn
    except ImportError as error:
        raise ImportError("rich_progress() needs rich: pip install 'heytraders[rich]'") from error
    progress = Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        TaskProgressColumn(),
        TextColumn("{task.fields[state]}"),
        TimeElapsedColumn(),
        console=console,
        transient=transient,
    )
    return RichProgress(progress, description)


def _read_script(script_path: str | os.PathLike[str], params: BacktestParams) -> str:
    if "script" in params:
        raise ValueError("give either script or script_path, not both")
    return Path(script_path).read_text(encoding="utf-8")


def _is_done(status: models.BacktestStatus) -> bool:
    """True once the job completed; raises if it failed or was cancelled."""
    if status.status == models.BacktestJobStatus.COMPLETED:
        return True
    if status.status == models.BacktestJobStatus.FAILED:
        raise BacktestFailedError(status)
    if status.status == models.BacktestJobStatus.CANCELLED:
        raise BacktestCancelledError(status)
    # queued, running, or a state this version does not know: keep polling.
    return False


def _pause(interval: float, deadline: float | None, now: float) -> float | None:
    """How long to wait before the next poll; None when the deadline has passed."""
    if deadline is None:
        return interval
    remaining = deadline - now
    if remaining <= 0:
        return None
    # The last wait ends at the deadline, so the final poll happens then rather than never.
    return min(interval, remaining)


def _result_id(status: models.BacktestStatus | None) -> str:
    if status is None or status.result_id is None:
        backtest_id = status.backtest_id if status is not None else "?"
        raise BacktestError(
            f"backtest {backtest_id} completed without a result_id", backtest_id=backtest_id, status=status
        )
    return status.result_id


def _mark_cancelled(stopped: BaseException) -> None:
    if isinstance(stopped, BacktestTimeoutError):
        stopped.cancelled = True
    else:
        stopped.add_note("the backtest job was cancelled on the server")


def _state(status: models.BacktestStatus | None) -> str:
    return "unknown" if status is None else str(status.status.value)
