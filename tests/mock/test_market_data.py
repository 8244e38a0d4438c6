"""The sandbox's synthetic market data, in process: determinism, plausible prices, candle invariants
and agreement across timeframes, tickers, funding and speed."""

from __future__ import annotations

import ast
import inspect
import itertools
import math
import random
import statistics
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from heytraders_mock import market as market_module
from heytraders_mock.clock import START
from heytraders_mock.market import (
    ASSETS,
    CACHE_ENTRIES,
    HISTORY_START,
    RANK_VOLUME_DIVISOR,
    TIMEFRAME_SECONDS,
    Market,
    MarketData,
)

from .conftest import SPEC

NOW = START + timedelta(seconds=12_345)  # mid-candle in every timeframe
TOKEN = "21742633143463906290569050155826241533067272736897614950488156847949938836455"


@pytest.fixture(scope="module")
def data() -> MarketData:
    return MarketData(0)


def market(data: MarketData, exchange: str, symbol: str) -> Market:
    found = data.find(exchange, symbol)
    assert found is not None
    return found


def prices(candle: dict[str, str]) -> tuple[Decimal, Decimal, Decimal, Decimal, Decimal]:
    return tuple(Decimal(candle[k]) for k in ("open", "high", "low", "close", "volume"))  # type: ignore[return-value]


def test_every_documented_timeframe_is_served() -> None:
    documented = SPEC["components"]["schemas"]["Timeframe"]["enum"]
    assert list(TIMEFRAME_SECONDS) == documented


def test_candles_follow_the_seed(data: MarketData) -> None:
    btc = market(data, "binance", "BTC/USDT")
    again = MarketData(0)
    other = MarketData(1)
    for timeframe in ("1m", "1h", "1d"):
        candles = data.candles(btc, timeframe, NOW, 200)
        assert again.candles(market(again, "binance", "BTC/USDT"), timeframe, NOW, 200) == candles
        assert other.candles(market(other, "binance", "BTC/USDT"), timeframe, NOW, 200) != candles
    # Asked alone, with nothing computed before, a candle is the same candle.
    day = datetime(2021, 6, 1, tzinfo=UTC)
    window = data.candles(btc, "1h", NOW, 24, start=day, end=day + timedelta(hours=23))
    fresh = MarketData(0)
    alone = fresh.candles(market(fresh, "binance", "BTC/USDT"), "1h", NOW, 24, start=day, end=day + timedelta(hours=23))
    assert alone == window and window[0]["timestamp"] == "2021-06-01T00:00:00Z"


def test_prices_start_near_the_reference_and_are_the_same_on_every_platform() -> None:
    fresh = MarketData(0)
    for exchange in fresh.exchanges():
        for listed in fresh.markets(exchange):
            last = fresh.price(listed, int(START.timestamp()))
            if listed.market_type == "prediction":
                assert abs(last - listed.reference) <= Decimal("0.01"), listed.symbol
            elif listed.quote != "KRW":  # Upbit adds its premium
                assert abs(last / listed.reference - 1) < Decimal("0.005"), listed.symbol
    # Integer ticks, BLAKE2b and IEEE-exact float steps: these change only when the price model does.
    btc = market(fresh, "binance", "BTC/USDT")
    assert fresh.price(btc, int(START.timestamp())) == Decimal("97409.7")
    assert fresh.candles(btc, "1d", START, 1, end=datetime(2020, 1, 1, tzinfo=UTC))[0] == {
        "timestamp": "2020-01-01T00:00:00Z",
        "open": "121619.5",
        "high": "123040.3",
        "low": "120519.2",
        "close": "120808.8",
        "volume": "23645.423",
    }


def test_prices_are_plausible_for_each_venue(data: MarketData) -> None:
    def weekly_range(exchange: str, symbol: str) -> tuple[Decimal, Decimal]:
        weeks = data.candles(market(data, exchange, symbol), "1w", datetime(2030, 12, 31, tzinfo=UTC), 1000)
        assert weeks[0]["timestamp"] == "2018-01-01T00:00:00Z"
        return min(Decimal(w["low"]) for w in weeks), max(Decimal(w["high"]) for w in weeks)

    low, high = weekly_range("binance", "BTC/USDT")
    assert Decimal(10_000) < low and high < Decimal(500_000)
    low, high = weekly_range("upbit", "BTC/KRW")
    assert low > Decimal(10_000_000)
    low, high = weekly_range("polymarket", TOKEN)
    assert Decimal("0.01") <= low and high <= Decimal("0.99")
    low, high = weekly_range("binance", "PEPE/USDT")
    assert Decimal(0) < low and high < Decimal("0.001")
    for exchange in data.exchanges():
        for listed in data.markets(exchange):
            ticker = data.ticker(listed, START)
            assert Decimal(str(ticker["last"])) > 0


def test_btc_is_calmer_than_pepe(data: MarketData) -> None:
    def daily_volatility(symbol: str) -> float:
        days = data.candles(market(data, "binance", symbol), "1d", START, 1000)
        closes = [float(day["close"]) for day in days]
        return statistics.pstdev(math.log(b / a) for a, b in itertools.pairwise(closes))

    btc, pepe = daily_volatility("BTC/USDT"), daily_volatility("PEPE/USDT")
    assert 0.01 < btc < 0.05 and btc * 1.8 < pepe


def test_an_asset_moves_together_across_exchanges(data: MarketData) -> None:
    binance = data.price(market(data, "binance", "BTC/USDT"), int(NOW.timestamp()))
    hyperliquid = data.price(market(data, "hyperliquid", "BTC/USDC"), int(NOW.timestamp()))
    upbit = data.price(market(data, "upbit", "BTC/KRW"), int(NOW.timestamp())) / 1400
    assert abs(hyperliquid / binance - 1) < Decimal("0.01") and abs(upbit / binance - 1) < Decimal("0.05")


@pytest.mark.parametrize("timeframe", list(TIMEFRAME_SECONDS))
def test_candle_invariants_in_every_timeframe(data: MarketData, timeframe: str) -> None:
    for exchange, symbol in (("binance", "ETH/USDT"), ("upbit", "XRP/KRW"), ("polymarket", TOKEN)):
        listed = market(data, exchange, symbol)
        candles = data.candles(listed, timeframe, NOW, 60)
        assert len(candles) == 60
        for before, after in itertools.pairwise(candles):
            assert after["open"] == before["close"]  # a candle opens at the previous close, exactly
            assert after["timestamp"] > before["timestamp"]
        for candle in candles:
            open_, high, low, close, volume = prices(candle)
            assert low <= min(open_, close) <= max(open_, close) <= high and volume > 0
            assert (open_ / listed.tick) % 1 == 0 and (low / listed.tick) % 1 == 0  # whole ticks
        assert candles[-1]["close"] == data.ticker(listed, NOW)["last"]


def test_calendar_timeframes() -> None:
    data = MarketData(0)
    btc = market(data, "binance", "BTC/USDT")
    weeks = data.candles(btc, "1w", NOW, 3)
    assert all(datetime.fromisoformat(w["timestamp"]).weekday() == 0 for w in weeks)
    months = data.candles(btc, "1M", NOW, 15)
    assert [m["timestamp"][:10] for m in months[:3]] == ["2025-01-01", "2025-02-01", "2025-03-01"]


def test_timeframes_agree(data: MarketData) -> None:
    sol = market(data, "binance", "SOL/USDT")

    def combined(candles: list[dict[str, str]]) -> tuple[str, Decimal, Decimal, str]:
        return (
            candles[0]["open"],
            max(Decimal(c["high"]) for c in candles),
            min(Decimal(c["low"]) for c in candles),
            candles[-1]["close"],
        )

    def check(coarse: str, fine: str, count: int, moment: datetime) -> None:
        parent = data.candles(sol, coarse, NOW, 1, end=moment)[0]
        opened = datetime.fromisoformat(parent["timestamp"])
        last = opened + timedelta(seconds=count * TIMEFRAME_SECONDS[fine] - 1)
        children = data.candles(sol, fine, NOW, 1000, start=opened, end=last)
        assert len(children) == count and children[0]["timestamp"] == parent["timestamp"]
        open_, high, low, close = combined(children)
        assert (open_, Decimal(parent["high"]), Decimal(parent["low"]), close) == (
            parent["open"],
            high,
            low,
            parent["close"],
        )
        volume = sum(Decimal(c["volume"]) for c in children)
        assert abs(volume - Decimal(parent["volume"])) <= Decimal("0.001") * count

    check("1h", "1m", 60, datetime(2025, 7, 3, 14, 59, tzinfo=UTC))
    check("4h", "15m", 16, datetime(2023, 2, 8, 4, 0, tzinfo=UTC))
    check("1d", "1h", 24, datetime(2021, 11, 20, tzinfo=UTC))
    check("1w", "1d", 7, datetime(2024, 5, 13, tzinfo=UTC))
    check("1M", "1d", 29, datetime(2024, 2, 1, tzinfo=UTC))
    check("1d", "5m", 288, NOW - timedelta(days=1))


def test_the_price_at_a_second_lies_in_every_candle_holding_it(data: MarketData) -> None:
    doge = market(data, "binancefuturesusd", "DOGE/USDT")
    chance = random.Random(5)
    for _ in range(40):
        second = int(NOW.timestamp()) - chance.randrange(0, 3 * 365 * 86400)
        price = data.price(doge, second)
        for timeframe in ("1m", "5m", "1h", "4h", "1d", "1w", "1M"):
            [candle] = data.candles(doge, timeframe, NOW, 1, end=datetime.fromtimestamp(second, UTC))
            assert Decimal(candle["low"]) <= price <= Decimal(candle["high"])
        [minute] = data.candles(doge, "1m", NOW, 1, end=datetime.fromtimestamp(second, UTC))
        assert Decimal(minute["close"]) == price


def test_ticker_agrees_with_the_candles(data: MarketData) -> None:
    for exchange, symbol in (("binance", "BTC/USDT"), ("upbit", "ETH/KRW"), ("polymarket", TOKEN)):
        listed = market(data, exchange, symbol)
        ticker = data.ticker(listed, NOW)
        for timeframe in TIMEFRAME_SECONDS:
            assert data.candles(listed, timeframe, NOW, 1)[-1]["close"] == ticker["last"]
        assert Decimal(str(ticker["last"])) == data.price(listed, int(NOW.timestamp()))
        minutes = data.candles(listed, "1m", NOW, 1440)  # the last 24 h, the open minute included
        assert Decimal(str(ticker["high_24h"])) == max(Decimal(c["high"]) for c in minutes)
        assert Decimal(str(ticker["low_24h"])) == min(Decimal(c["low"]) for c in minutes)
        volume = sum(Decimal(c["volume"]) for c in minutes)
        assert abs(Decimal(str(ticker["volume_24h"])) - volume) <= Decimal("0.001") * 1440
        day_ago = Decimal(minutes[0]["open"])
        change = (Decimal(str(ticker["last"])) - day_ago) / day_ago * 100
        assert ticker["change_24h_pct"] == float(change.quantize(Decimal("0.01")))
        bid, ask = Decimal(str(ticker["bid"])), Decimal(str(ticker["ask"]))
        assert bid < Decimal(str(ticker["last"])) < ask


def test_ranges_and_history(data: MarketData) -> None:
    eth = market(data, "binance", "ETH/USDT")
    start, end = datetime(2020, 3, 1, tzinfo=UTC), datetime(2020, 3, 2, 23, 0, tzinfo=UTC)
    candles = data.candles(eth, "1h", NOW, 1000, start=start, end=end)
    assert len(candles) == 48 and candles[0]["timestamp"] == "2020-03-01T00:00:00Z"
    later = datetime(2030, 6, 1, tzinfo=UTC)  # any range up to the clock, far from the start
    assert len(data.candles(eth, "1d", later, 30)) == 30
    assert data.candles(eth, "1d", NOW, 10, end=HISTORY_START - timedelta(days=1)) == []
    assert data.candles(eth, "1d", NOW, 10, start=NOW + timedelta(days=1)) == []
    assert data.candles(eth, "1d", NOW, 10, end=HISTORY_START)[0]["timestamp"] == "2018-01-01T00:00:00Z"


def test_ohlcv_columns_are_the_candles_as_floats(data: MarketData) -> None:
    pepe = market(data, "gate", "PEPE/USDT")
    candles = data.candles(pepe, "15m", NOW, 300)
    columns = data.ohlcv(pepe, "15m", NOW, 300)
    for name in ("open", "high", "low", "close", "volume"):
        assert getattr(columns, name) == [float(c[name]) for c in candles]
    assert columns.timestamps[-1] == int(datetime.fromisoformat(candles[-1]["timestamp"]).timestamp())


def test_funding_rates_only_for_hyperliquid_and_lighter(data: MarketData) -> None:
    for exchange, symbol in (("hyperliquid", "ETH/USDC"), ("lighter", "BTC/USDT")):
        listed = market(data, exchange, symbol)
        funding = data.funding(listed, NOW)
        assert abs(float(str(funding["funding_rate"]))) <= 0.0005 and funding["interval_hours"] == 1
        assert funding["mark_price"] == data.ticker(listed, NOW)["last"]
        assert funding["next_funding_time"] == "2026-03-01T16:00:00Z"
    for exchange, symbol in (("binancefuturesusd", "BTC/USDT"), ("binance", "BTC/USDT")):
        with pytest.raises(ValueError, match="no funding rates"):
            data.funding(market(data, exchange, symbol), NOW)


def test_five_thousand_candles_come_in_one_call_each_opening_at_the_last_close() -> None:
    # Their speed is not a test's business (a timing bound fails on a loaded machine): only the result.
    fresh = MarketData(7)  # nothing cached
    btc = market(fresh, "binance", "BTC/USDT")
    candles = fresh.candles(btc, "1h", START, 5000)
    assert len(candles) == 5000
    assert all(later["open"] == earlier["close"] for earlier, later in itertools.pairwise(candles))


def test_the_price_model_uses_no_float_power_or_libm_function() -> None:
    # Cross-platform determinism: only + - * /, sqrt and the module's own _exp. A ``**`` may only raise
    # the integer 10 or a Decimal (exact); math may only give sqrt (IEEE 754 rounds it identically).
    tree = ast.parse(inspect.getsource(market_module))
    for node in ast.walk(tree):
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Pow):
            left = node.left
            exact = (isinstance(left, ast.Constant) and type(left.value) is int) or (
                isinstance(left, ast.Call) and isinstance(left.func, ast.Name) and left.func.id == "Decimal"
            )
            assert exact, f"line {node.lineno}: {ast.unparse(node)} may round differently across C libraries"
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "math":
            assert node.attr == "sqrt", f"line {node.lineno}: math.{node.attr}"
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            assert node.func.id != "pow", f"line {node.lineno}: pow()"


def test_the_volume_weights_are_rank_to_the_power_1_1_written_out() -> None:
    for name, asset in ASSETS.items():
        assert RANK_VOLUME_DIVISOR[asset.rank] == pytest.approx(asset.rank**1.1, rel=1e-15), name


def test_one_cache_budget_bounds_every_market_and_range() -> None:
    limit = 1_000
    bounded = MarketData(0, cache_entries=limit)
    unbounded = MarketData(0, cache_entries=10**9)
    most = 0
    listings = [listed for exchange in bounded.exchanges() for listed in bounded.markets(exchange)]
    for number, listed in enumerate(listings):
        twin = unbounded.find(listed.exchange, listed.symbol)
        assert twin is not None
        for timeframe, days_back in (("15m", 40 + number), ("1h", 400 + 7 * number)):
            end = NOW - timedelta(days=days_back)
            candles = bounded.candles(listed, timeframe, NOW, 100, end=end)
            most = max(most, bounded.cached_entries)
            assert bounded.cached_entries <= limit, (listed.exchange, listed.symbol, timeframe)
            assert unbounded.candles(twin, timeframe, NOW, 100, end=end) == candles  # dropping changes no value
    assert most > limit // 2  # the budget was used, and dropped many times: the markets together need far more
    assert bounded.cached_entries <= limit < 5 * limit < unbounded.cached_entries
    assert CACHE_ENTRIES <= 100_000  # ~930 bytes an entry at most: ~100 MB for a whole sandbox
