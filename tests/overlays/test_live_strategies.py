"""Signal streams: each signal once across polls, stopping on a count, a deadline or a break, riding out errors."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import httpx
import pytest
from heytraders import AsyncHeyTraders, HeyTraders
from heytraders.errors import SubscriptionNotFoundError

from .fakes import Clock

BASE_URL = "https://api.test/api/v1"
SUB = "sub_9c03a5f1"
T0 = "2026-02-10T00:00:00Z"
T1 = "2026-02-10T04:00:00Z"
T2 = "2026-02-10T08:00:00Z"


def at(timestamp: str) -> datetime:
    return datetime.fromisoformat(timestamp)


Answer = list[dict[str, Any]] | httpx.Response | Exception


def sig(signal_id: str, generated_at: str) -> dict[str, Any]:
    return {
        "signal_id": signal_id,
        "subscription_id": SUB,
        "strategy_id": "ls_momentum_rotation_perp",
        "symbol": "BTC/USDT:USDT",
        "side": "long",
        "price": "97250.5",
        "weight": 0.25,
        "reason": None,
        "generated_at": generated_at,
    }


def failure(status: int, code: str, retry_after: str | None = None) -> httpx.Response:
    headers = {"Retry-After": retry_after} if retry_after else {}
    error = {"code": code, "message": code.lower()}
    return httpx.Response(status, headers=headers, json={"success": False, "data": None, "error": error})


class Signals:
    """The latest-signals endpoint answering a script, one answer per poll; then nothing new, for ever."""

    def __init__(self, *answers: Answer) -> None:
        self.answers = list(answers)
        self.since: list[datetime | None] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        assert request.url.path == f"/api/v1/live-strategies/subscriptions/{SUB}/signals/latest"
        since = request.url.params.get("since")
        self.since.append(None if since is None else at(since))
        answer = self.answers.pop(0) if self.answers else []
        if isinstance(answer, Exception):
            raise answer
        if isinstance(answer, httpx.Response):
            return answer
        return httpx.Response(200, json={"success": True, "data": answer, "error": None, "meta": {"timestamp": T0}})

    @property
    def polls(self) -> int:
        return len(self.since)


def client_for(server: Signals) -> HeyTraders:
    return HeyTraders(api_key="ht_k", base_url=BASE_URL, transport=httpx.MockTransport(server), max_retries=0)


def async_client_for(server: Signals) -> AsyncHeyTraders:
    return AsyncHeyTraders(api_key="ht_k", base_url=BASE_URL, transport=httpx.MockTransport(server), max_retries=0)


def same_timestamp_script() -> Signals:
    # A server that compares `since` inclusively repeats the signals at the cursor's timestamp,
    # and a late signal (c) shares that timestamp: each must still come out exactly once.
    return Signals(
        [sig("a", T0), sig("b", T0)],
        [sig("a", T0), sig("b", T0), sig("c", T0)],
        [sig("c", T0), sig("d", T1)],
        [sig("d", T1)],
        [sig("e", T2)],
    )


def connection_error() -> httpx.ConnectError:
    return httpx.ConnectError("connection refused")


def error_script() -> Signals:
    return Signals(
        failure(429, "RATE_LIMITED", retry_after="7"),
        connection_error(),
        connection_error(),
        failure(500, "INTERNAL_ERROR"),
        [sig("a", T0)],
        connection_error(),
        [sig("b", T1)],
    )


# 429 waits its Retry-After; errors then wait 2, 4, then 5 (the cap); a success resets the back-off.
ERROR_SLEEPS = [7, 2, 4, 5, 2, 2]


def test_no_signal_is_yielded_twice_across_polls() -> None:
    server, clock = same_timestamp_script(), Clock()
    stream = client_for(server).live_strategies.stream_signals(SUB, max_signals=5, sleep=clock.sleep, clock=clock)
    assert [s.signal_id for s in stream] == ["a", "b", "c", "d", "e"]
    assert server.since == [
        None,
        at(T0),
        at(T0),
        at(T1),
        at(T1),
    ]  # the cursor is the last yielded signal's generated_at
    assert clock.sleeps == [10.0] * 4


def test_a_given_since_starts_the_cursor_and_must_be_aware() -> None:
    server, clock = Signals([sig("a", T1)]), Clock()
    stream = client_for(server).live_strategies.stream_signals(
        SUB, since=T0, max_signals=1, sleep=clock.sleep, clock=clock
    )
    assert [s.signal_id for s in stream] == ["a"] and server.since == [at(T0)]
    with pytest.raises(ValueError, match="since must be timezone-aware"):
        next(client_for(server).live_strategies.stream_signals(SUB, since=datetime(2026, 2, 10)))


def test_a_full_page_is_followed_at_once() -> None:
    full = [sig(f"s{n:03d}", f"2026-02-10T00:{n // 60:02d}:{n % 60:02d}Z") for n in range(100)]
    server, clock = Signals(full, [sig("last", T1)]), Clock()
    stream = client_for(server).live_strategies.stream_signals(SUB, max_signals=101, sleep=clock.sleep, clock=clock)
    assert len(list(stream)) == 101
    assert clock.sleeps == []  # more may have been waiting: no pause between the two polls


def test_max_signals_stops_the_stream_mid_page() -> None:
    server, clock = Signals([sig(f"s{n}", T0) for n in range(5)]), Clock()
    stream = client_for(server).live_strategies.stream_signals(SUB, max_signals=3, sleep=clock.sleep, clock=clock)
    assert [s.signal_id for s in stream] == ["s0", "s1", "s2"]
    assert server.polls == 1


def test_the_stream_ends_at_its_deadline() -> None:
    server, clock = Signals([sig("a", T0)]), Clock()
    stream = client_for(server).live_strategies.stream_signals(
        SUB, poll_interval=10, timeout=25, sleep=clock.sleep, clock=clock
    )
    assert [s.signal_id for s in stream] == ["a"]
    assert clock.sleeps == [10, 10, 5] and server.polls == 4  # a last poll at the deadline


def test_retryable_errors_back_off_and_the_stream_goes_on() -> None:
    server, clock = error_script(), Clock()
    stream = client_for(server).live_strategies.stream_signals(
        SUB, poll_interval=2, max_error_backoff=5, max_signals=2, sleep=clock.sleep, clock=clock
    )
    assert [s.signal_id for s in stream] == ["a", "b"]
    assert clock.sleeps == ERROR_SLEEPS


def test_other_errors_propagate() -> None:
    server, clock = Signals(failure(404, "SUBSCRIPTION_NOT_FOUND")), Clock()
    with pytest.raises(SubscriptionNotFoundError):
        list(client_for(server).live_strategies.stream_signals(SUB, sleep=clock.sleep, clock=clock))


def test_breaking_out_stops_polling() -> None:
    server, clock = Signals(*[[sig(f"s{n}", f"2026-02-10T0{n}:00:00Z")] for n in range(5)]), Clock()
    for signal in client_for(server).live_strategies.stream_signals(SUB, sleep=clock.sleep, clock=clock):
        if signal.signal_id == "s1":
            break
    assert server.polls == 2 and clock.sleeps == [10.0]


@pytest.mark.anyio
async def test_async_no_duplicates_and_max_signals() -> None:
    server, clock = same_timestamp_script(), Clock()
    async with async_client_for(server) as client:
        stream = client.live_strategies.stream_signals(SUB, max_signals=5, sleep=clock.asleep, clock=clock)
        assert [s.signal_id async for s in stream] == ["a", "b", "c", "d", "e"]
    assert server.since == [None, at(T0), at(T0), at(T1), at(T1)]

    server = Signals([sig(f"s{n}", T0) for n in range(5)])
    async with async_client_for(server) as client:
        stream = client.live_strategies.stream_signals(SUB, max_signals=2, sleep=clock.asleep, clock=clock)
        assert [s.signal_id async for s in stream] == ["s0", "s1"]
    assert server.polls == 1


@pytest.mark.anyio
async def test_async_deadline_and_back_off() -> None:
    server, clock = Signals(), Clock()
    async with async_client_for(server) as client:
        stream = client.live_strategies.stream_signals(
            SUB, poll_interval=10, timeout=25, sleep=clock.asleep, clock=clock
        )
        assert [s async for s in stream] == []
    assert clock.sleeps == [10, 10, 5] and server.polls == 4

    server, clock = error_script(), Clock()
    async with async_client_for(server) as client:
        stream = client.live_strategies.stream_signals(
            SUB, poll_interval=2, max_error_backoff=5, max_signals=2, sleep=clock.asleep, clock=clock
        )
        assert [s.signal_id async for s in stream] == ["a", "b"]
    assert clock.sleeps == ERROR_SLEEPS


@pytest.mark.anyio
async def test_async_breaking_out_stops_polling() -> None:
    server, clock = Signals(*[[sig(f"s{n}", f"2026-02-10T0{n}:00:00Z")] for n in range(5)]), Clock()
    async with async_client_for(server) as client:
        async for signal in client.live_strategies.stream_signals(SUB, sleep=clock.asleep, clock=clock):
            if signal.signal_id == "s1":
                break
    assert server.polls == 2
