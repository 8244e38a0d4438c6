"""The seeded live strategies: their signals are their DSL rules firing on closed candles.

The rules are checked against an independent computation: a hand-written Wilder RSI and EMA over
the candles of ``GET /market/ohlcv``, with the crossings and the one-position-per-symbol bookkeeping
written out here; and every strategy's signals against ``POST /market/evaluate`` at their candle.
``signal_times`` (the sandbox's own schedule) is for the other tests that need to know when a
signal is due.
"""

from __future__ import annotations

import itertools
import re
import time
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
from heytraders_mock import MockConfig, create_app
from heytraders_mock.clock import START, epoch, iso
from heytraders_mock.market import MarketData
from heytraders_mock.seed import STRATEGIES, populate
from heytraders_mock.signals import MAX_CATCH_UP, emissions
from heytraders_mock.store import Rule, Store

from .conftest import Key, Mock

HOUR = 3600
DAY = 24 * HOUR
RSI = "ls_rsi_reversal_btc"
STEP = {"15m": 900, "1h": HOUR, "4h": 4 * HOUR, "1d": DAY}
RULES: dict[str, tuple[str, str, str, str, Rule, Rule]] = {
    row[0]: (row[4], row[5][0], row[6], row[9], row[10], row[11]) for row in STRATEGIES
}  # id: exchange, first symbol, timeframe, side, entry, exit
ACTIVE = [row[0] for row in STRATEGIES if row[7] == "active"]


def signal_times(strategy_id: str, count: int, after: datetime = START, seed: int = 0) -> list[datetime]:
    """When the strategy's next ``count`` signals after ``after`` are generated (the sandbox's own schedule)."""
    store = Store(MockConfig(seed=seed))
    populate(store, START)
    strategy = store.strategies[strategy_id]
    strategy.status = "active"
    data = MarketData(seed)
    found: list[datetime] = []
    window, step = after, timedelta(seconds=MAX_CATCH_UP * STEP[strategy.timeframe] // 2)  # no catch-up cap
    while len(found) < count:
        assert window < after + timedelta(days=365), f"{strategy_id}: fewer than {count} signals in a year"
        later = window + step
        found += [datetime.fromtimestamp(e.second, UTC) for e in emissions(data, strategy, window, later)]
        window = later
    return found[:count]


def subscribe(mock: Mock, key: Key, strategy_id: str) -> str:
    return str(mock.ok("POST", f"/live-strategies/{strategy_id}/subscribe", key)["subscription_id"])


def recorded(mock: Mock, key: Key, sid: str) -> list[dict[str, Any]]:
    """Every signal the subscription recorded, oldest first."""
    signals: list[dict[str, Any]] = []
    while True:
        params = {"limit": 100, **({"since": signals[-1]["generated_at"]} if signals else {})}
        page = mock.ok("GET", f"/live-strategies/subscriptions/{sid}/signals/latest", key, params=params)
        signals += page
        if len(page) < 100:
            return signals


def quoted(reason: str) -> float:
    """The number a reason quotes, in its last parentheses."""
    found = re.findall(r"\((-?[0-9]+(?:\.[0-9]+)?)\)", reason)
    assert found, reason
    return float(found[-1])


# ---- an independent computation ------------------------------------------------------------------


def wilder_rsi(closes: Sequence[float], period: int = 14) -> list[float | None]:
    """RSI with Wilder's smoothing, seeded with the mean of the first ``period`` changes."""
    out: list[float | None] = [None] * len(closes)
    gain = loss = 0.0
    for index in range(1, len(closes)):
        change = closes[index] - closes[index - 1]
        up, down = max(change, 0.0), max(-change, 0.0)
        if index <= period:
            gain, loss = gain + up / period, loss + down / period
            if index < period:
                continue
        else:
            gain, loss = (gain * (period - 1) + up) / period, (loss * (period - 1) + down) / period
        out[index] = 100.0 if loss == 0 else 100 - 100 / (1 + gain / loss)
    return out


def ema(values: Sequence[float], period: int) -> list[float | None]:
    """EMA with alpha 2 / (period + 1), seeded with the mean of the first ``period`` values."""
    out: list[float | None] = [None] * len(values)
    alpha = 2 / (period + 1)
    average = sum(values[:period]) / period
    out[period - 1] = average
    for index in range(period, len(values)):
        average = alpha * values[index] + (1 - alpha) * average
        out[index] = average
    return out


def crosses(a: Sequence[float | None], b: Sequence[float | None], index: int, *, above: bool) -> bool:
    before_a, before_b, now_a, now_b = a[index - 1], b[index - 1], a[index], b[index]
    if before_a is None or before_b is None or now_a is None or now_b is None:
        return False
    return before_a <= before_b and now_a > now_b if above else before_a >= before_b and now_a < now_b


Indicator = Callable[[list[float]], tuple[list[float | None], list[float | None], list[float | None]]]


def rsi_against(level: float) -> Indicator:
    """(crossing line, level, quoted value) for rules on the RSI crossing ``level``."""

    def lines(closes: list[float]) -> tuple[list[float | None], list[float | None], list[float | None]]:
        rsi = wilder_rsi(closes)
        return rsi, [level] * len(closes), rsi

    return lines


def close_against_ema(closes: list[float]) -> tuple[list[float | None], list[float | None], list[float | None]]:
    line = ema(closes, 50)
    prices: list[float | None] = list(closes)
    return prices, line, line


# strategy: (entry indicator, entry crosses above?, exit indicator, exit crosses above?, decimals quoted)
EXPECTED: dict[str, tuple[Indicator, bool, Indicator, bool, int]] = {
    "ls_rsi_reversal_btc": (rsi_against(30), False, rsi_against(55), True, 1),
    "ls_funding_fade_hl": (rsi_against(70), True, rsi_against(50), False, 1),
    "ls_trend_follow_eth": (close_against_ema, True, close_against_ema, False, 2),
}


def expected_signals(
    mock: Mock, key: Key, strategy_id: str, symbol: str, since: datetime, now: datetime
) -> list[tuple[str, str, str, float]]:
    """(generated_at, side, price, quoted value) of the signals in (since, now], worked out from the candles."""
    exchange, _, timeframe, direction, _, _ = RULES[strategy_id]
    params = {"symbol": symbol, "exchange": exchange, "timeframe": timeframe, "limit": 1000}
    candles = mock.ok("GET", "/market/ohlcv", key, params=params)["candles"]
    step = timedelta(seconds=STEP[timeframe])
    candles = [c for c in candles if datetime.fromisoformat(c["timestamp"]) + step <= now]  # closed ones only
    closes = [float(c["close"]) for c in candles]
    entry, entry_above, exit_, exit_above, _ = EXPECTED[strategy_id]
    entry_a, entry_b, entry_value = entry(closes)
    exit_a, exit_b, exit_value = exit_(closes)
    found = []
    holding = False  # from 1,000 candles back: the position is long settled by ``since``
    for index in range(1, len(candles)):
        if holding and crosses(exit_a, exit_b, index, above=exit_above):
            holding, side, value = False, "close", exit_value[index]
        elif not holding and crosses(entry_a, entry_b, index, above=entry_above):
            holding, side, value = True, direction, entry_value[index]
        else:
            continue
        closed = datetime.fromisoformat(candles[index]["timestamp"]) + step
        if closed > since:
            assert value is not None
            found.append((iso(closed), side, candles[index]["close"], value))
    return found


@pytest.mark.parametrize("strategy_id", list(EXPECTED))
def test_signals_fire_exactly_where_an_independent_computation_says(mock: Mock, strategy_id: str) -> None:
    key = mock.key()
    sid = subscribe(mock, key, strategy_id)
    timeframe = RULES[strategy_id][2]
    span = timedelta(days=60 if timeframe == "4h" else 28)
    now = datetime.fromisoformat(mock.advance(span.total_seconds()))
    signals = recorded(mock, key, sid)
    symbols = next(row[5] for row in STRATEGIES if row[0] == strategy_id)
    expected = sorted(
        (
            (generated, symbols.index(symbol), symbol, side, price, value)
            for symbol in symbols
            for generated, side, price, value in expected_signals(mock, key, strategy_id, symbol, START, now)
        ),
    )
    assert len(expected) >= 4, expected  # enough to say something
    got = [(s["generated_at"], s["symbol"], s["side"], s["price"]) for s in signals]
    assert got == [(generated, symbol, side, price) for generated, _, symbol, side, price, _ in expected]
    decimals = EXPECTED[strategy_id][4]
    for signal, (*_, value) in zip(signals, expected, strict=True):
        assert quoted(signal["reason"]) == pytest.approx(round(value, decimals), abs=10**-decimals / 2 + 1e-9)
        assert signal["weight"] == (None if signal["side"] == "close" else 0.5)
        assert signal["strategy_id"] == strategy_id and signal["subscription_id"] == sid


def test_rsi_reasons_name_the_threshold_the_reading_crossed(mock: Mock) -> None:
    key = mock.key()
    rsi, fade = subscribe(mock, key, RSI), subscribe(mock, key, "ls_funding_fade_hl")
    mock.advance(28 * DAY)
    # side, the words of the reason, and the side of the threshold the reading must be on
    checks = [("long", "below 30", 30, False), ("close", "above 55", 55, True)]
    checks += [("short", "above 70", 70, True), ("close", "below 50", 50, False)]
    signals = recorded(mock, key, rsi) + recorded(mock, key, fade)
    assert len(signals) >= 8
    for signal in signals:
        [(level, above)] = [
            (level, above)
            for side, words, level, above in checks
            if side == signal["side"] and words in signal["reason"]
        ]
        reading = quoted(signal["reason"])  # rounded to 0.1: 49.96 is "below 50 (50.0)"
        assert reading >= level if above else reading <= level, signal


def test_every_strategy_agrees_with_evaluate_at_the_candle_it_fired_on() -> None:
    """At each signal's generated_at, POST /market/evaluate reads the candle it fired on as the last closed one."""
    source, reader = Mock(create_app(MockConfig(seed=0))), Mock(create_app(MockConfig(seed=0)))
    with source.http, reader.http:
        key, research = source.key(), reader.key()
        source.http.post("/_mock/strategies/ls_grid_eth_upbit/start")
        subscriptions = {strategy_id: subscribe(source, key, strategy_id) for strategy_id, *_ in STRATEGIES}
        source.advance(14 * DAY)
        firsts = []
        for strategy_id, sid in subscriptions.items():
            signals = recorded(source, key, sid)
            assert len(signals) >= 3, strategy_id
            firsts += [(s["generated_at"], strategy_id, s) for s in signals[:3]]
        clock = START
        for generated, strategy_id, signal in sorted(firsts, key=lambda found: found[:2]):
            moment = datetime.fromisoformat(generated)
            if moment > clock:
                reader.advance((moment - clock).total_seconds())
                clock = moment
            exchange, _, timeframe, _, entry, exit_ = RULES[strategy_id]
            rule = exit_ if signal["side"] == "close" else entry
            ask = {"symbol": signal["symbol"], "exchange": exchange, "timeframe": timeframe}
            fired = reader.ok("POST", "/market/evaluate", research, json={"expression": rule.condition, **ask})
            assert fired["value"] is True, (strategy_id, signal)
            closed = datetime.fromisoformat(fired["timestamp"]) + timedelta(seconds=STEP[timeframe])
            assert closed == moment
            value = reader.ok("POST", "/market/evaluate", research, json={"expression": rule.quote, **ask})["value"]
            assert signal["reason"] == rule.reason.format(value=value), (strategy_id, signal)
            params = {**ask, "limit": 1, "end": iso(moment - timedelta(seconds=1))}
            [candle] = reader.ok("GET", "/market/ohlcv", research, params=params)["candles"]
            assert signal["price"] == candle["close"] and Decimal(signal["price"]) > 0


def test_a_paused_subscription_records_none_and_resumes_from_then(mock: Mock) -> None:
    key = mock.key()
    active, paused = subscribe(mock, key, "ls_mean_revert_sol"), subscribe(mock, key, "ls_mean_revert_sol")
    mock.ok("POST", f"/live-strategies/ls_mean_revert_sol/pause/{paused}", key)
    mock.advance(7 * DAY)
    assert len(recorded(mock, key, active)) >= 5
    assert recorded(mock, key, paused) == []
    resumed = mock.ok("POST", f"/live-strategies/ls_mean_revert_sol/resume/{paused}", key)["updated_at"]
    mock.advance(2 * DAY)
    after = recorded(mock, key, paused)
    assert after and all(s["generated_at"] > resumed for s in after)
    # Resumed, it records what an active subscription records from then on (under its own IDs).
    same = [
        (s["generated_at"], s["side"], s["price"]) for s in recorded(mock, key, active) if s["generated_at"] > resumed
    ]
    assert [(s["generated_at"], s["side"], s["price"]) for s in after] == same


def _run(seed: int, steps: Sequence[float]) -> list[dict[str, Any]]:
    """A fresh mock of ``seed`` subscribed to every active strategy, its clock moved by ``steps``."""
    mock = Mock(create_app(MockConfig(seed=seed)))
    with mock.http:
        key = mock.key()
        subscriptions = [subscribe(mock, key, strategy_id) for strategy_id in ACTIVE]
        for seconds in steps:
            mock.advance(seconds)
        return [signal for sid in subscriptions for signal in recorded(mock, key, sid)]


def test_signals_are_a_function_of_the_clock_and_the_seed() -> None:
    span = 5 * DAY
    once = _run(0, [span])
    assert len({s["strategy_id"] for s in once}) >= 4 and len({s["signal_id"] for s in once}) == len(once)
    # However the clock gets there (steps that end mid-candle included), the same signals, IDs and all.
    odd = 37 * 60 + 11
    assert _run(0, [odd] * int(span // odd) + [span % odd]) == once
    assert _run(0, [span]) == once
    other = _run(1, [span])
    assert [s["price"] for s in other] != [s["price"] for s in once]


def test_a_long_clock_jump_is_bounded() -> None:
    mock = Mock(create_app(MockConfig(seed=0)))
    with mock.http:
        key = mock.key()
        subscriptions = {strategy_id: subscribe(mock, key, strategy_id) for strategy_id in ACTIVE}
        started = time.monotonic()
        now = datetime.fromisoformat(mock.advance(3 * 365 * DAY))
        assert time.monotonic() - started < 10.0
        for strategy_id, sid in subscriptions.items():
            signals = recorded(mock, key, sid)
            oldest = now - timedelta(seconds=MAX_CATCH_UP * STEP[RULES[strategy_id][2]])
            assert all(datetime.fromisoformat(s["generated_at"]) > oldest for s in signals), strategy_id
        # And the strategies go on from there, as usual.
        started = time.monotonic()
        mock.advance(DAY)
        assert time.monotonic() - started < 5.0


def test_signal_times_match_what_a_subscription_records(mock: Mock) -> None:
    key = mock.key()
    sid = subscribe(mock, key, RSI)
    due = signal_times(RSI, 3)
    mock.advance((due[-1] - START).total_seconds())
    assert [s["generated_at"] for s in recorded(mock, key, sid)] == [iso(moment) for moment in due]
    assert all(a < b for a, b in itertools.pairwise(due)) and epoch(due[0]) % HOUR == 0
