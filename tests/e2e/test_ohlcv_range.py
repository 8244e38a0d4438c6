"""``get_ohlcv_range`` against the sandbox: whole ranges in pages, no candle twice or missing, 429s waited out.

The sandbox's candles are a pure function of the seed, so one ``get_ohlcv`` call over a range short
enough for one page is the reference the paged result must equal. Rate limits run on the mock clock:
the helper's ``sleep`` advances it instead of waiting.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import anyio
import httpx
import pytest
from heytraders import AsyncHeyTraders, HeyTraders, OhlcvRangeProgress, RequestValidationError, models
from heytraders._exceptions import RateLimitError
from heytraders.errors import DataUnavailableError
from heytraders_mock import MockConfig, create_app
from starlette.types import ASGIApp

from tests.mock.conftest import SyncASGITransport

BASE_URL = "http://mock/api/v1"
START = datetime(2025, 3, 1, tzinfo=UTC)
MAX_SLEEPS = 50


@dataclass
class Sandbox:
    app: ASGIApp
    key: str
    sleeps: list[float] = field(default_factory=list)
    ohlcv_requests: list[httpx.Request] = field(default_factory=list)

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        assert len(self.sleeps) <= MAX_SLEEPS, "the helper kept waiting"
        self.app.state.sandbox.clock.advance(seconds)  # type: ignore[attr-defined]

    async def asleep(self, seconds: float) -> None:
        self.sleep(seconds)

    def client(self) -> HeyTraders:
        sandbox = self

        class Counting(SyncASGITransport):
            def handle_request(self, request: httpx.Request) -> httpx.Response:
                if request.url.path.endswith("/market/ohlcv"):
                    sandbox.ohlcv_requests.append(request)
                return super().handle_request(request)

        return HeyTraders(api_key=self.key, base_url=BASE_URL, transport=Counting(self.app), max_retries=0)


KEY_REQUEST = {"scopes": ["research"], "claimed": True}


def make_sandbox(**config: Any) -> Sandbox:
    app = create_app(MockConfig(seed=3, **config))
    with httpx.Client(transport=SyncASGITransport(app), base_url="http://mock") as control:
        response = control.post("/_mock/keys", json=KEY_REQUEST)
    return Sandbox(app, str(response.json()["api_key"]))


async def amake_sandbox(**config: Any) -> Sandbox:
    # Inside a running event loop the sync control client cannot drive the app.
    app = create_app(MockConfig(seed=3, **config))
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app), base_url="http://mock") as control:
        response = await control.post("/_mock/keys", json=KEY_REQUEST)
    return Sandbox(app, str(response.json()["api_key"]))


@pytest.fixture
def sandbox() -> Sandbox:
    return make_sandbox()


@pytest.fixture
def client(sandbox: Sandbox) -> Iterator[HeyTraders]:
    with sandbox.client() as client:
        yield client


def hourly(count: int) -> list[datetime]:
    return [START + timedelta(hours=hour) for hour in range(count)]


def reference(client: HeyTraders, start: datetime, end: datetime) -> list[models.Candle]:
    """The server's own answer for a range that fits one page."""
    return list(client.market.get_ohlcv(symbol="BTC/USDT", timeframe="1h", start=start, end=end, limit=1000).candles)


@pytest.mark.parametrize("hours", [72, 50])  # 3 pages of 24 exactly; 24 + 24 + 2
def test_a_range_in_pages_equals_the_server_s_single_answer(sandbox: Sandbox, client: HeyTraders, hours: int) -> None:
    end = START + timedelta(hours=hours - 1)
    seen: list[OhlcvRangeProgress] = []
    result = client.market.get_ohlcv_range(
        symbol="BTC/USDT", timeframe="1h", start=START, end=end, page_size=24, on_progress=seen.append
    )
    pages = -(-hours // 24)
    assert len(sandbox.ohlcv_requests) == pages
    assert [candle.timestamp for candle in result.candles] == hourly(hours)  # none missing, none twice
    assert list(result.candles) == reference(client, START, end)
    assert [(p.pages_done, p.pages_total) for p in seen] == [(n, pages) for n in range(1, pages + 1)]
    assert seen[-1].candles == hours
    assert (result.symbol, result.exchange, result.timeframe) == ("BTC/USDT", "binance", "1h")


def test_pages_are_the_api_s_largest_by_default(sandbox: Sandbox, client: HeyTraders) -> None:
    end = START + timedelta(hours=2000)  # 2,001 candles: 1,000 + 1,000 + 1
    result = client.market.get_ohlcv_range(symbol="BTC/USDT", timeframe="1h", start="2025-03-01T00:00:00Z", end=end)
    assert [request.url.params["limit"] for request in sandbox.ohlcv_requests] == ["1000"] * 3
    assert len(result.candles) == 2001 and result.candles[-1].timestamp == end
    assert len({candle.timestamp for candle in result.candles}) == 2001


def test_a_start_between_candles_and_an_end_left_out(sandbox: Sandbox, client: HeyTraders) -> None:
    now = sandbox.app.state.sandbox.clock.now()  # type: ignore[attr-defined]
    start = now - timedelta(hours=30, minutes=30)
    result = client.market.get_ohlcv_range(symbol="BTC/USDT", timeframe="1h", start=start, page_size=7)
    stamps = [candle.timestamp for candle in result.candles]
    assert stamps[0] == start + timedelta(minutes=30)  # the first candle opening at or after start
    assert stamps == [stamps[0] + timedelta(hours=n) for n in range(len(stamps))]
    assert stamps[-1] == now.replace(minute=0, second=0, microsecond=0)  # up to the newest, still open, candle


def test_an_empty_range_is_an_empty_result_and_an_unknown_symbol_an_error(client: HeyTraders) -> None:
    before_history = datetime(2017, 6, 1, tzinfo=UTC)
    result = client.market.get_ohlcv_range(
        symbol="BTC/USDT", timeframe="1d", start=before_history, end=before_history + timedelta(days=40)
    )
    assert result.candles == [] and result.to_pandas().shape == (0, 6)
    with pytest.raises(DataUnavailableError):
        client.market.get_ohlcv_range(symbol="NOPE/USDT", start=START, end=START + timedelta(days=2))


def test_bad_bounds_are_refused_before_any_request(sandbox: Sandbox, client: HeyTraders) -> None:
    with pytest.raises(RequestValidationError, match="start: must not be after end"):
        client.market.get_ohlcv_range(symbol="BTC/USDT", start=START, end=START - timedelta(hours=1))
    with pytest.raises(RequestValidationError, match="end: must be an ISO 8601 date-time with a time zone"):
        client.market.get_ohlcv_range(symbol="BTC/USDT", start=START, end="2025-03-02T00:00:00")
    with pytest.raises(RequestValidationError, match="page_size: must be between 1 and 1000"):
        client.market.get_ohlcv_range(symbol="BTC/USDT", start=START, end=START, page_size=5000)
    assert sandbox.ohlcv_requests == []


def test_rate_limit_answers_are_waited_out() -> None:
    sandbox = make_sandbox(rate_limit_per_minute=2)
    with sandbox.client() as client:
        end = START + timedelta(hours=5 * 12 - 1)
        result = client.market.get_ohlcv_range(
            symbol="BTC/USDT", timeframe="1h", start=START, end=end, page_size=12, sleep=sandbox.sleep
        )
    assert sandbox.sleeps and all(0 < seconds <= 60 for seconds in sandbox.sleeps)
    assert [candle.timestamp for candle in result.candles] == hourly(60)


def test_rate_limit_waits_are_bounded() -> None:
    sandbox = make_sandbox(rate_limit_per_minute=1)
    with sandbox.client() as client, pytest.raises(RateLimitError):
        end = START + timedelta(hours=47)
        client.market.get_ohlcv_range(
            symbol="BTC/USDT", start=START, end=end, page_size=24, max_rate_limit_waits=0, sleep=sandbox.sleep
        )
    assert sandbox.sleeps == [] and len(sandbox.ohlcv_requests) == 2


@pytest.mark.anyio
async def test_async_pages_concurrently_within_the_bound() -> None:
    sandbox = await amake_sandbox()
    in_flight, most = 0, 0

    class Tracking(httpx.ASGITransport):
        async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
            nonlocal in_flight, most
            in_flight += 1
            most = max(most, in_flight)
            try:
                await anyio.sleep(0.01)  # let the other pages start
                return await super().handle_async_request(request)
            finally:
                in_flight -= 1

    seen: list[OhlcvRangeProgress] = []
    end = START + timedelta(hours=9 * 10 - 1)
    async with AsyncHeyTraders(
        api_key=sandbox.key, base_url=BASE_URL, transport=Tracking(sandbox.app), max_retries=0
    ) as client:
        result = await client.market.get_ohlcv_range(
            symbol="BTC/USDT", start=START, end=end, page_size=10, concurrency=3, on_progress=seen.append
        )
        single = await client.market.get_ohlcv(symbol="BTC/USDT", start=START, end=end, limit=1000)
    assert most == 3
    assert [candle.timestamp for candle in result.candles] == hourly(90)
    assert result.candles == single.candles
    assert sorted(p.pages_done for p in seen) == list(range(1, 10)) and seen[-1].candles == 90


@pytest.mark.anyio
async def test_async_waits_out_rate_limits_and_handles_an_empty_range() -> None:
    sandbox = await amake_sandbox(rate_limit_per_minute=3)
    async with AsyncHeyTraders(
        api_key=sandbox.key, base_url=BASE_URL, transport=httpx.ASGITransport(sandbox.app), max_retries=0
    ) as client:
        end = START + timedelta(hours=6 * 8 - 1)
        result = await client.market.get_ohlcv_range(
            symbol="BTC/USDT", start=START, end=end, page_size=8, sleep=sandbox.asleep
        )
        assert sandbox.sleeps
        assert [candle.timestamp for candle in result.candles] == hourly(48)
        empty = await client.market.get_ohlcv_range(
            symbol="BTC/USDT", start="2017-01-01T00:00:00Z", end="2017-01-02T00:00:00Z", sleep=sandbox.asleep
        )
        assert empty.candles == []
        with pytest.raises(RequestValidationError, match="concurrency: must be at least 1"):
            await client.market.get_ohlcv_range(symbol="BTC/USDT", start=START, end=end, concurrency=0)
