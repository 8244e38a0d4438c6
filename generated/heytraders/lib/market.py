# Generated from spec/heytraders.yaml by `make generate`. Do not edit: change the spec or the generator.
# (copied from overlays/heytraders/lib/market.py)
"""Whole OHLCV ranges in one call: ``get_ohlcv_range`` pages through ``get_ohlcv`` for you.

``get_ohlcv`` answers at most the API's page size (1,000 candles) per call, the most recent ones up
to ``end``. ``get_ohlcv_range`` splits ``[start, end]`` into windows that each hold at most one page
(a window spans ``page_size`` times the timeframe's shortest candle: 28 days for ``1M``), fetches
them (the async client several at once, ``concurrency`` at a time), and joins them in order::

    ohlcv = client.market.get_ohlcv_range(
        symbol="BTC/USDT", timeframe="1h", start="2025-01-01T00:00:00Z", end="2025-06-30T23:00:00Z"
    )
    frame = ohlcv.to_pandas()

Windows are disjoint and touch (each ends one second before the next starts, and candles open on
whole seconds), so no candle is fetched twice or missed at a boundary; the join still drops any
candle a server repeats. A window without candles (before the symbol's history, a gap) is empty,
not an error. A rate-limit answer (429) is waited out, for ``Retry-After`` seconds when the server
says, and the page asked again, up to ``max_rate_limit_waits`` times per page.
"""

from __future__ import annotations

import asyncio
import re
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Literal, cast

import httpx

from .. import _operations, models
from .._endpoints.market import AsyncMarketEndpoints, MarketEndpoints
from .._exceptions import RateLimitError, RequestValidationError
from .._rows import RowList
from .._types import NOT_GIVEN, NotGiven
from ..errors import DataUnavailableError

__all__ = ["AsyncMarketHelpers", "MarketHelpers", "OhlcvRangeProgress"]

# The spec's request enums, as get_ohlcv types them (mypy flags any drift from the generated signature).
Timeframe = Literal["1m", "5m", "15m", "30m", "1h", "4h", "1d", "1w", "1M"]
Exchange = Literal[
    "binance", "binancefuturesusd", "upbit", "hyperliquid", "lighter", "polymarket", "gate", "gatefutures"
]

DEFAULT_RANGE_CONCURRENCY = 4
DEFAULT_MAX_RATE_LIMIT_WAITS = 10
# When a 429 carries no Retry-After: wait this long, doubling up to the cap.
_FIRST_RATE_LIMIT_WAIT = 1.0
_MAX_RATE_LIMIT_WAIT = 60.0
_TIMEFRAME = re.compile(r"^(?P<count>[1-9][0-9]*)(?P<unit>[mhdwM])$")
# The shortest candle of each unit, in seconds: a month is at least 28 days.
_UNIT_SECONDS = {"m": 60, "h": 3600, "d": 86400, "w": 7 * 86400, "M": 28 * 86400}
_SECOND = timedelta(seconds=1)


@dataclass(frozen=True)
class OhlcvRangeProgress:
    """Where a ``get_ohlcv_range`` call stands, handed to ``on_progress`` after each page.

    Attributes:
        pages_done: Pages fetched so far.
        pages_total: Pages the range needs.
        candles: Candles fetched so far.
    """

    pages_done: int
    pages_total: int
    candles: int


ProgressCallback = Callable[[OhlcvRangeProgress], object]


def max_page_size() -> int:
    """The largest ``limit`` the spec allows ``get_ohlcv``."""
    (limit,) = (param for param in _operations.GET_OHLCV.params if param.name == "limit")
    return int(limit.schema["maximum"])


def _moment(value: datetime | str, parameter: str) -> datetime:
    moment: datetime | None = None
    if isinstance(value, datetime):
        moment = value
    elif isinstance(value, str):
        try:
            moment = datetime.fromisoformat(value.replace("z", "Z"))
        except ValueError:
            moment = None
    if moment is None or moment.tzinfo is None or moment.utcoffset() is None:
        raise RequestValidationError(
            parameter=parameter,
            rule="format",
            value=value,
            message="must be an ISO 8601 date-time with a time zone",
            suggestion=f"Pass {parameter} as a timezone-aware datetime or a string such as '2026-02-10T14:19:53Z'.",
        )
    return moment.astimezone(UTC)


def _shortest_candle(timeframe: str) -> timedelta:
    match = _TIMEFRAME.match(timeframe)
    if match is None:
        raise RequestValidationError(
            parameter="timeframe",
            rule="enum",
            value=timeframe,
            message="must be a timeframe such as 1m, 1h, 1d, 1w or 1M",
            suggestion="Pass one of the spec's timeframes: 1m 5m 15m 30m 1h 4h 1d 1w 1M.",
        )
    return timedelta(seconds=int(match["count"]) * _UNIT_SECONDS[match["unit"]])


def _page_size(page_size: int | None) -> int:
    largest = max_page_size()
    if page_size is None:
        return largest
    if not 1 <= page_size <= largest:
        raise RequestValidationError(
            parameter="page_size",
            rule="maximum",
            value=page_size,
            message=f"must be between 1 and {largest}, the API's largest page",
            suggestion="Leave page_size out to use the largest page.",
        )
    return page_size


def _ceil_second(moment: datetime) -> datetime:
    whole = moment.replace(microsecond=0)
    return whole if whole == moment else whole + _SECOND


def plan_windows(start: datetime, end: datetime, timeframe: str, page_size: int) -> list[tuple[datetime, datetime]]:
    """Disjoint ``[first, last]`` windows covering ``[start, end]``, each holding at most ``page_size`` candles.

    Candles open on whole seconds, so ``start`` is rounded up and ``end`` down to one without losing any.
    """
    span = _shortest_candle(timeframe) * page_size
    first, last = _ceil_second(start), end.replace(microsecond=0)
    windows = []
    while first <= last:
        window_end = min(first + span - _SECOND, last)
        windows.append((first, window_end))
        first = window_end + _SECOND
    return windows


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


def _join(pages: list[RowList[models.Candle]], windows: list[tuple[datetime, datetime]]) -> RowList[models.Candle]:
    """The pages' candles in order, each inside its window, none twice."""
    candles: RowList[models.Candle] = RowList(row_type=models.Candle)
    for page, (first, last) in zip(pages, windows, strict=True):
        for candle in page:
            opened = candle.timestamp
            if first <= opened <= last and (not candles or opened > candles[-1].timestamp):
                candles.append(candle)
    return candles


class _RateLimitWaits:
    """How long to wait after each 429 of one page, and when to give up."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.count = 0
        self.next = _FIRST_RATE_LIMIT_WAIT

    def after(self, error: RateLimitError) -> float:
        self.count += 1
        if self.count > self.limit:
            raise error
        if error.retry_after is not None and error.retry_after > 0:
            return error.retry_after
        wait, self.next = self.next, min(self.next * 2, _MAX_RATE_LIMIT_WAIT)
        return wait


class _Range:
    """One ``get_ohlcv_range`` call: what its page requests share, its windows, the pages as they come."""

    def __init__(
        self,
        *,
        symbol: str,
        exchange: Exchange,
        timeframe: Timeframe,
        start: datetime | str,
        end: datetime | str | None,
        page_size: int | None,
        options: Mapping[str, Any],
    ) -> None:
        # Every argument is checked here, before the first request.
        self.first = _moment(start, "start")
        self.last = None if end is None else _moment(end, "end")
        self.start, self.end = start, end
        self.symbol, self.exchange, self.timeframe = symbol, exchange, timeframe
        self.page_size = _page_size(page_size)
        _shortest_candle(timeframe)
        self.options = options
        self.windows: list[tuple[datetime, datetime]] = []
        self.pages: list[models.Ohlcv | None] = []
        self.done = 0
        self.candles = 0

    def newest(self) -> dict[str, Any]:
        """The request for the newest candle: the end when none was given, or a check that the symbol exists."""
        return {
            "symbol": self.symbol,
            "exchange": self.exchange,
            "timeframe": self.timeframe,
            "limit": 1,
            **self.options,
        }

    def plan(self, newest: models.Ohlcv | None = None) -> list[tuple[datetime, datetime]]:
        """The windows up to ``end``, or up to the newest candle of ``newest`` (none if it holds no candle)."""
        if self.last is None and not (newest and newest.candles):
            return []
        last = self.last or cast(models.Ohlcv, newest).candles[-1].timestamp
        if self.first > last:
            shown = self.end if self.end is not None else f"{_iso(last)}, the newest candle"
            raise RequestValidationError(
                parameter="start",
                rule="start-not-after-end",
                value=self.start,
                message=f"must not be after end ({shown})",
                suggestion="Swap start and end, or leave end out for everything up to the newest candle.",
            )
        self.windows = plan_windows(self.first, last, self.timeframe, self.page_size)
        self.pages = [None] * len(self.windows)
        return self.windows

    def page(self, index: int) -> dict[str, Any]:
        """The ``get_ohlcv`` arguments of window ``index``."""
        first, last = self.windows[index]
        return {
            "symbol": self.symbol,
            "exchange": self.exchange,
            "timeframe": self.timeframe,
            "start": _iso(first),
            "end": _iso(last),
            "limit": self.page_size,
            **self.options,
        }

    def record(self, index: int, page: models.Ohlcv | None, on_progress: ProgressCallback | None) -> None:
        self.pages[index] = page
        self.done += 1
        self.candles += len(page.candles) if page else 0
        if on_progress is not None:
            on_progress(OhlcvRangeProgress(self.done, len(self.windows), self.candles))

    def result(self) -> tuple[models.Ohlcv, bool]:
        """The joined candles, and whether the symbol still needs checking (nothing came back, none was asked)."""
        candles = _join([page.candles if page else RowList() for page in self.pages], self.windows)
        # The server's spelling of symbol, exchange and timeframe when a page came back.
        shown = next((page for page in self.pages if page is not None), None)
        ohlcv = models.Ohlcv(
            symbol=shown.symbol if shown else self.symbol,
            exchange=shown.exchange if shown else self.exchange,
            timeframe=shown.timeframe if shown else models.Timeframe(self.timeframe),
            candles=candles,
        )
        return ohlcv, not candles and self.last is not None


def _options(
    extra_headers: Mapping[str, str] | None, timeout: float | httpx.Timeout | NotGiven, max_retries: int | NotGiven
) -> dict[str, Any]:
    return {"extra_headers": extra_headers, "timeout": timeout, "max_retries": max_retries}


class MarketHelpers(MarketEndpoints):
    def get_ohlcv_range(
        self,
        *,
        symbol: str,
        start: datetime | str,
        end: datetime | str | None = None,
        timeframe: Timeframe = "1h",
        exchange: Exchange = "binance",
        page_size: int | None = None,
        on_progress: ProgressCallback | None = None,
        max_rate_limit_waits: int = DEFAULT_MAX_RATE_LIMIT_WAITS,
        sleep: Callable[[float], None] = time.sleep,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> models.Ohlcv:
        """Every candle of ``symbol`` opening in ``[start, end]``, oldest first, however many pages that takes.

        Args:
            symbol: Symbol whose candles to return, `BASE/QUOTE` (Polymarket token ID on Polymarket).
            start: Earliest candle open time to include (timezone-aware).
            end: Latest candle open time to include; the newest candle when omitted (one more request).
            timeframe: Candle interval.
            exchange: Exchange to read candles from.
            page_size: Candles per request; the API's largest page (1,000) when omitted.
            on_progress: Called with an ``OhlcvRangeProgress`` after each page.
            max_rate_limit_waits: Rate-limit answers waited out per page before the ``RateLimitError`` is raised.
            sleep: How to wait after a rate-limit answer (tests pass a fake).
            extra_headers: Extra headers for every request.
            timeout: Timeout of each request.
            max_retries: Retries of each request (the client's own, before this helper's rate-limit waits).

        Returns:
            One ``Ohlcv`` with all the candles; ``.to_pandas()`` / ``.to_polars()`` make a DataFrame.

        Raises:
            RequestValidationError: ``start`` or ``end`` is not a timezone-aware time, ``start`` is after
                ``end``, or ``page_size`` is out of range (nothing is sent).
            DataUnavailableError: The exchange does not list ``symbol``.
            RateLimitError: Still rate limited after ``max_rate_limit_waits`` waits for one page.
        """
        run = _Range(
            symbol=symbol,
            exchange=exchange,
            timeframe=timeframe,
            start=start,
            end=end,
            page_size=page_size,
            options=_options(extra_headers, timeout, max_retries),
        )
        newest = None if end is not None else self.get_ohlcv(**run.newest())
        for index in range(len(run.plan(newest))):
            run.record(index, self._page(run.page(index), max_rate_limit_waits, sleep), on_progress)
        ohlcv, check_symbol = run.result()
        if check_symbol:
            self.get_ohlcv(**run.newest())  # an unknown symbol raises here; a known one has an empty range
        return ohlcv

    def _page(self, arguments: dict[str, Any], waits: int, sleep: Callable[[float], None]) -> models.Ohlcv | None:
        limits = _RateLimitWaits(waits)
        while True:
            try:
                return self.get_ohlcv(**arguments)
            except DataUnavailableError:
                return None  # no candle opens in this window
            except RateLimitError as error:
                sleep(limits.after(error))


class AsyncMarketHelpers(AsyncMarketEndpoints):
    async def get_ohlcv_range(
        self,
        *,
        symbol: str,
        start: datetime | str,
        end: datetime | str | None = None,
        timeframe: Timeframe = "1h",
        exchange: Exchange = "binance",
        page_size: int | None = None,
        concurrency: int = DEFAULT_RANGE_CONCURRENCY,
        on_progress: ProgressCallback | None = None,
        max_rate_limit_waits: int = DEFAULT_MAX_RATE_LIMIT_WAITS,
        sleep: Callable[[float], Awaitable[object]] = asyncio.sleep,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> models.Ohlcv:
        """Every candle of ``symbol`` opening in ``[start, end]``, fetching up to ``concurrency`` pages at once.

        The same as the sync :meth:`MarketHelpers.get_ohlcv_range`, plus ``concurrency`` (at least 1).
        ``on_progress`` is called as pages arrive, which may be out of order; the result is in order.
        If a page fails, the pages still in flight are cancelled and the error is raised.
        """
        if concurrency < 1:
            raise RequestValidationError(
                parameter="concurrency",
                rule="minimum",
                value=concurrency,
                message="must be at least 1",
                suggestion="Pass how many pages may be in flight at once, such as 4.",
            )
        run = _Range(
            symbol=symbol,
            exchange=exchange,
            timeframe=timeframe,
            start=start,
            end=end,
            page_size=page_size,
            options=_options(extra_headers, timeout, max_retries),
        )
        newest = None if end is not None else await self.get_ohlcv(**run.newest())
        gate = asyncio.Semaphore(concurrency)

        async def fetch(index: int) -> None:
            async with gate:
                page = await self._page(run.page(index), max_rate_limit_waits, sleep)
            run.record(index, page, on_progress)

        async with asyncio.TaskGroup() as group:
            for index in range(len(run.plan(newest))):
                group.create_task(fetch(index))
        ohlcv, check_symbol = run.result()
        if check_symbol:
            await self.get_ohlcv(**run.newest())  # an unknown symbol raises here; a known one has an empty range
        return ohlcv

    async def _page(
        self, arguments: dict[str, Any], waits: int, sleep: Callable[[float], Awaitable[object]]
    ) -> models.Ohlcv | None:
        limits = _RateLimitWaits(waits)
        while True:
            try:
                return await self.get_ohlcv(**arguments)
            except DataUnavailableError:
                return None  # no candle opens in this window
            except RateLimitError as error:
                await sleep(limits.after(error))
