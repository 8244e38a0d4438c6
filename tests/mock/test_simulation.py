"""Backtests are really simulated: fills checked by hand from the candles, and every result consistent."""

from __future__ import annotations

import itertools
import math
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import ROUND_DOWN, Decimal, localcontext
from typing import Any

import pytest

from .conftest import Key, Mock

BTC = "BINANCE:BTC/USDT"
ETH = "BINANCE:ETH/USDT"
BTC_PERP = "BINANCEFUTURESUSD:BTC/USDT:USDT"
ETH_PERP = "BINANCEFUTURESUSD:ETH/USDT:USDT"
EIGHT = Decimal("0.00000001")
HOURS_PER_YEAR = 365 * 24


@dataclass
class Results:
    summary: dict[str, Any]
    metrics: dict[str, Any]
    trades: list[dict[str, Any]]
    total: int
    per_ticker: list[dict[str, Any]]
    points: list[dict[str, Any]]
    analysis: str


def always(*tickers: str, side: str = "LONG", weight: str = "0.5") -> str:
    """A script that wants a position on each ticker on every candle."""
    lines = ["ready = close > 0"]
    lines += [f'emit_signal(ready, entry("{ticker}", "{side}", Weight({weight})))' for ticker in tickers]
    return "\n".join(lines)


def finish(mock: Mock, key: Key, **body: Any) -> dict[str, Any]:
    request = {"start_date": "2024-01-01", "end_date": "2024-01-02", "universe": [BTC], **body}
    if request.get("strategy_type", "signal") == "signal":
        request.setdefault("script", always(*request["universe"]))
    job = mock.ok("POST", "/backtest/execute", key, json=request)
    mock.advance(10)
    status: dict[str, Any] = mock.ok("GET", f"/backtest/status/{job['backtest_id']}", key)
    return status


def failure(mock: Mock, key: Key, **body: Any) -> str:
    status = finish(mock, key, **body)
    assert status["status"] == "failed" and status["result_id"] is None, status
    return str(status["message"])


def results(mock: Mock, key: Key, **body: Any) -> Results:
    status = finish(mock, key, **body)
    assert status["status"] == "completed", status
    base = f"/backtest/results/{status['result_id']}"
    page = mock.ok("GET", f"{base}/trades", key, params={"limit": 1000})
    return Results(
        summary=mock.ok("GET", base, key),
        metrics=mock.ok("GET", f"{base}/metrics", key),
        trades=page["trades"],
        total=page["total"],
        per_ticker=mock.ok("GET", f"{base}/per-ticker", key),
        points=mock.ok("GET", f"{base}/equity", key)["points"],
        analysis=mock.ok("GET", f"{base}/analysis", key)["analysis"],
    )


def candles(mock: Mock, key: Key, symbol: str, start: str, end: str, exchange: str = "binance") -> list[dict[str, Any]]:
    params = {"symbol": symbol, "exchange": exchange, "timeframe": "1h", "start": start, "end": end, "limit": 1000}
    found: list[dict[str, Any]] = mock.ok("GET", "/market/ohlcv", key, params=params)["candles"]
    return found


def d(text: str) -> Decimal:
    return Decimal(text)


def floor8(value: Decimal) -> Decimal:
    return value.quantize(EIGHT, ROUND_DOWN)


def q8(value: Decimal) -> Decimal:
    return value.quantize(EIGHT)


def check(r: Results) -> None:
    """Every figure agrees with the others."""
    initial, final = d(r.summary["initial_cash"]), d(r.summary["final_equity"])
    m = r.metrics
    assert r.summary["metrics"] == m
    assert r.summary["dashboard_url"] == f"https://hey-traders.com/dashboard/backtest/detail/{r.summary['result_id']}"
    assert m["num_trades"] == len(r.trades) == r.total
    assert d(r.points[0]["equity"]) == initial and d(r.points[-1]["equity"]) == final
    assert 2 <= len(r.points) <= 1000
    assert [p["timestamp"] for p in r.points] == sorted({p["timestamp"] for p in r.points})
    assert m["total_return_pct"] == round(float((final / initial - 1) * 100), 2)
    assert sum((d(t["pnl"]) for t in r.trades), Decimal(0)) == final - initial
    assert sum((d(p["pnl"]) for p in r.per_ticker), Decimal(0)) == final - initial
    assert sum(p["num_trades"] for p in r.per_ticker) == m["num_trades"]
    for performance in r.per_ticker:
        mine = [t for t in r.trades if t["ticker"] == performance["ticker"]]
        assert d(performance["pnl"]) == sum((d(t["pnl"]) for t in mine), Decimal(0))
        assert performance["total_return_pct"] == round(float(d(performance["pnl"]) / initial * 100), 2)
    assert m["max_drawdown"] == max(p["drawdown_pct"] for p in r.points)
    wins = [d(t["pnl"]) for t in r.trades if d(t["pnl"]) > 0]
    losses = [-d(t["pnl"]) for t in r.trades if d(t["pnl"]) < 0]
    assert m["win_rate"] == (round(len(wins) / len(r.trades), 4) if r.trades else 0.0)
    assert m["profit_factor"] == (round(float(sum(wins) / sum(losses)), 2) if losses else None)
    for trade in r.trades:
        assert trade["exit_time"] is None or trade["entry_time"] <= trade["exit_time"]
        assert r.points[0]["timestamp"] <= trade["entry_time"] <= r.points[-1]["timestamp"]
    assert str(m["total_return_pct"]) in r.analysis and str(m["max_drawdown"]) in r.analysis


def check_ratios(r: Results, candles_per_year: float) -> None:
    """Sharpe, Sortino, Calmar and the annualised return from an unsampled curve, by their documented formulas."""
    values = [d(p["equity"]) for p in r.points]
    returns = [float(after / before - 1) for before, after in itertools.pairwise(values)]
    mean = sum(returns) / len(returns)
    deviation = math.sqrt(sum((x - mean) ** 2 for x in returns) / (len(returns) - 1))
    downside = math.sqrt(sum(min(x, 0.0) ** 2 for x in returns) / len(returns))
    m = r.metrics
    assert m["sharpe_ratio"] == round(mean / deviation * math.sqrt(candles_per_year), 2)
    assert m["sortino_ratio"] == round(mean / downside * math.sqrt(candles_per_year), 2)
    peak, deepest = values[0], 0.0
    for value in values:
        peak = max(peak, value)
        deepest = max(deepest, round(float((peak - value) / peak * 100), 2))
    assert m["max_drawdown"] == deepest
    years = len(returns) / candles_per_year
    annualized = (float(values[-1] / values[0]) ** (1 / years) - 1) * 100
    assert math.isclose(m["annualized_return_pct"], annualized, abs_tol=0.011)
    assert m["calmar_ratio"] == round(m["annualized_return_pct"] / deepest, 2)


# ---- fills by hand -------------------------------------------------------------------------------------


def test_a_signal_fills_at_the_next_open_with_slippage_and_fees_and_closes_at_the_end(mock: Mock) -> None:
    key = mock.key()
    r = results(mock, key, trading_fee=0.001, slippage=0.002)
    bars = candles(mock, key, "BTC/USDT", "2024-01-01T00:00:00Z", "2024-01-02T23:59:59Z")
    assert len(bars) == 48 and len(r.points) == 49
    with localcontext() as context:
        context.prec = 60
        entry = d(bars[1]["open"]) * d("1.002")  # the signal of candle 0 fills at candle 1's open
        quantity = floor8(d("5000") / entry)  # Weight(0.5) of 10000
        margin, entry_fee = q8(quantity * entry), q8(quantity * entry * d("0.001"))
        exit_ = d(bars[-1]["close"]) * d("0.998")  # still open at the end: closed at the last close
        gross, exit_fee = q8(quantity * (exit_ - entry)), q8(quantity * exit_ * d("0.001"))
        pnl = gross - entry_fee - exit_fee
        marked = d("10000") - margin - entry_fee + margin + q8(quantity * (d(bars[1]["close"]) - entry))
    (trade,) = r.trades
    assert trade["entry_time"] == "2024-01-01T01:00:00Z" and trade["exit_time"] == "2024-01-03T00:00:00Z"
    assert (d(trade["entry_price"]), d(trade["exit_price"]), d(trade["quantity"])) == (entry, exit_, quantity)
    assert (d(trade["fee"]), d(trade["pnl"])) == (entry_fee + exit_fee, pnl)
    assert trade["return_pct"] == round(float(pnl / margin * 100), 2)
    assert d(r.summary["final_equity"]) == 10000 + pnl
    # Marked to market at each close: flat after candle 0, holding after candle 1.
    assert [p["timestamp"] for p in r.points[:3]] == [
        "2024-01-01T00:00:00Z",
        "2024-01-01T01:00:00Z",
        "2024-01-01T02:00:00Z",
    ]
    assert d(r.points[1]["equity"]) == 10000 and d(r.points[2]["equity"]) == marked
    check(r)


def test_an_exit_signal_makes_entries_sticky_until_it_fires(mock: Mock) -> None:
    key = mock.key()
    script = f'emit_signal(close > 0, entry("{BTC}", "LONG", Weight(1)))\nemit_signal(close[-3] > 0, exit("{BTC}"))'
    r = results(mock, key, script=script, trading_fee=0.001, slippage=0.002)
    bars = candles(mock, key, "BTC/USDT", "2024-01-01T00:00:00Z", "2024-01-02T23:59:59Z")
    (trade,) = r.trades  # the exit (true from candle 2 on) wins over the entry: one round trip
    with localcontext() as context:
        context.prec = 60
        entry = d(bars[1]["open"]) * d("1.002")
        quantity = floor8(d("10000") / d("1.001") / entry)  # Weight(1): all the cash can pay with its fee
        exit_ = d(bars[3]["open"]) * d("0.998")  # the exit of candle 2 fills at candle 3's open
    assert (trade["entry_time"], trade["exit_time"]) == ("2024-01-01T01:00:00Z", "2024-01-01T03:00:00Z")
    assert (d(trade["entry_price"]), d(trade["exit_price"]), d(trade["quantity"])) == (entry, exit_, quantity)
    check(r)


def test_without_an_exit_a_position_lasts_while_its_condition_holds(mock: Mock) -> None:
    key = mock.key()
    script = f'up = close > open\nemit_signal(up, entry("{BTC}", "LONG", Weight(0.5)))'
    r = results(mock, key, script=script, end_date="2024-01-05")
    bars = candles(mock, key, "BTC/USDT", "2024-01-01T00:00:00Z", "2024-01-05T23:59:59Z")
    expected, holding = [], None
    for index, bar in enumerate(bars[:-1]):
        up = d(bar["close"]) > d(bar["open"])
        if up and holding is None:
            holding = bars[index + 1]["timestamp"]
        elif not up and holding is not None:
            expected.append((holding, bars[index + 1]["timestamp"]))
            holding = None
    if holding is not None:
        expected.append((holding, "2024-01-06T00:00:00Z"))
    assert [(t["entry_time"], t["exit_time"]) for t in r.trades] == expected
    assert len(expected) > 5
    check(r)
    check_ratios(r, HOURS_PER_YEAR)


def test_leverage_doubles_the_exposure_on_a_perpetual_and_not_on_spot(mock: Mock) -> None:
    key = mock.key()
    single = results(mock, key, universe=[BTC_PERP], leverage=1.0).trades[0]
    double = results(mock, key, universe=[BTC_PERP], leverage=2.0).trades[0]
    assert single["entry_price"] == double["entry_price"]
    assert abs(d(double["quantity"]) - 2 * d(single["quantity"])) <= 2 * EIGHT
    gross = [d(t["pnl"]) + d(t["fee"]) for t in (single, double)]
    assert abs(gross[1] - 2 * gross[0]) < Decimal("0.01")
    spot = [results(mock, key, leverage=lev).trades[0]["quantity"] for lev in (1.0, 2.0)]
    assert spot[0] == spot[1]


def test_shorts_need_a_perpetual(mock: Mock) -> None:
    key = mock.key()
    message = failure(mock, key, script="x = 1\n" + always(BTC, side="SHORT"))
    assert message.startswith("Script error on line 3, `emit_signal(ready, entry(") and "cannot be shorted" in message
    r = results(mock, key, universe=[BTC_PERP], script=always(BTC_PERP, side="SHORT"))
    (trade,) = r.trades
    assert trade["side"] == "short"
    gross = d(trade["pnl"]) + d(trade["fee"])
    assert gross == q8(d(trade["quantity"]) * (d(trade["entry_price"]) - d(trade["exit_price"])))
    assert d(trade["entry_price"]) < d(
        candles(mock, key, "BTC/USDT", "2024-01-01T01:00:00Z", "2024-01-01T01:00:00Z")[0]["open"]
    )
    check(r)


# ---- modes, liquidation, stops ----------------------------------------------------------------------


def test_isolated_mode_splits_the_cash_and_cross_mode_shares_it(mock: Mock) -> None:
    key = mock.key()
    body: dict[str, Any] = {
        "universe": [BTC, ETH],
        "script": always(BTC, ETH),
        "start_date": "2024-01-01",
        "end_date": "2024-12-31",
    }
    isolated = results(mock, key, **body)
    cross = results(mock, key, **body, mode="cross")
    # Weight(0.5) of the equity at the open: 5000 for each ticker's pool when isolated; 10000 shared when cross,
    # where the second entry gets what the cash can still pay with its fee.
    rest = (10000 - 5000 * Decimal("1.0005")) / Decimal("1.0005")
    expected: list[tuple[Results, tuple[Decimal, Decimal]]] = [
        (isolated, (Decimal(2500), Decimal(2500))),
        (cross, (Decimal(5000), rest)),
    ]
    for r, sizes in expected:
        first = r.trades[:2]
        assert [t["ticker"] for t in first] == [BTC, ETH]
        for trade, size in zip(first, sizes, strict=True):
            assert abs(d(trade["quantity"]) * d(trade["entry_price"]) - size) < Decimal("0.01")
        check(r)
    # A year of hourly candles: the curve is sampled, its ends and deepest point kept.
    assert len(isolated.points) == 1000
    assert isolated.points[0]["timestamp"] == "2024-01-01T00:00:00Z"
    assert isolated.points[-1]["timestamp"] == "2025-01-01T00:00:00Z"


def test_isolated_positions_are_liquidated_when_the_loss_reaches_the_margin(mock: Mock) -> None:
    key = mock.key()
    r = results(
        mock, key, universe=[BTC_PERP], script=always(BTC_PERP, weight="1"), leverage=100.0, end_date="2024-01-31"
    )
    liquidated = [t for t in r.trades if t["return_pct"] < -100]
    assert liquidated
    for trade in liquidated:
        entry, exit_ = d(trade["entry_price"]), d(trade["exit_price"])
        assert exit_ < entry and abs(exit_ / entry - 1 + Decimal("0.01")) < Decimal("0.0001")  # 1% at 100x
        margin = q8(d(trade["quantity"]) * entry / 100)
        assert d(trade["pnl"]) == -margin - d(trade["fee"])
    check(r)


def test_a_stop_loss_closes_everything_and_stops_trading(mock: Mock) -> None:
    key = mock.key()
    r = results(
        mock,
        key,
        universe=[BTC_PERP],
        script=always(BTC_PERP, weight="1"),
        leverage=50.0,
        stop_loss=5,
        end_date="2024-03-31",
    )
    assert "stop-loss (5" in r.analysis
    last_exit = max(t["exit_time"] for t in r.trades)
    after = [p for p in r.points if p["timestamp"] >= last_exit]
    assert len(after) > 10 and len({p["equity"] for p in after}) == 1  # flat once stopped
    assert d(after[0]["equity"]) <= Decimal("9500") * Decimal("1.01")
    check(r)


def test_a_take_profit_stops_trading_too(mock: Mock) -> None:
    key = mock.key()
    r = results(
        mock,
        key,
        universe=[BTC_PERP],
        script=always(BTC_PERP, weight="1"),
        leverage=10.0,
        take_profit=1,
        end_date="2024-01-31",
    )
    assert "take-profit (1" in r.analysis and len(r.trades) >= 1
    check(r)


# ---- built-in strategies --------------------------------------------------------------------------


def test_dca_buys_every_interval_and_never_sells(mock: Mock) -> None:
    key = mock.key()
    r = results(
        mock,
        key,
        strategy_type="dca",
        dca={"amount_per_order": "100", "interval": "1d"},
        universe=[BTC, ETH],
        end_date="2024-01-10",
    )
    assert len(r.trades) == 20
    days = sorted({t["entry_time"] for t in r.trades})
    assert days == [f"2024-01-{day:02d}T00:00:00Z" for day in range(1, 11)]
    for trade in r.trades:
        assert trade["side"] == "long" and trade["exit_time"] is None and trade["exit_price"] is None
        spent = d(trade["quantity"]) * d(trade["entry_price"]) + d(trade["fee"])
        assert Decimal("99.99") < spent <= 100
    check(r)


def test_dca_ignores_leverage_and_spends_each_amount_in_full(mock: Mock) -> None:
    key = mock.key()
    r = results(
        mock,
        key,
        strategy_type="dca",
        dca={"amount_per_order": "100", "interval": "1d"},
        universe=[BTC_PERP],
        leverage=20.0,
        end_date="2024-01-05",
    )
    assert len(r.trades) == 5
    for trade in r.trades:  # 100 of exposure for 100 spent: no leverage, so nothing to liquidate
        notional = d(trade["quantity"]) * d(trade["entry_price"])
        assert Decimal("99.99") < notional + d(trade["fee"]) <= 100
        # A trade's return is its PnL over its margin, which is the whole notional when unleveraged.
        assert trade["return_pct"] == pytest.approx(float(d(trade["pnl"]) / notional * 100), abs=0.01)
    check(r)


def test_grid_buys_a_level_down_and_sells_it_a_level_up(mock: Mock) -> None:
    key = mock.key()
    bars = candles(mock, key, "ETH/USDT", "2024-01-01T00:00:00Z", "2024-01-31T23:59:59Z")
    lower, upper = min(d(b["low"]) for b in bars), max(d(b["high"]) for b in bars)
    grid = {"lower_price": str(lower), "upper_price": str(upper), "grid_count": 12}
    r = results(mock, key, strategy_type="grid", grid=grid, universe=[ETH], end_date="2024-01-31")
    step = (upper - lower) / 11
    sold = [t for t in r.trades if t["exit_time"] != "2024-02-01T00:00:00Z"]
    assert sold and all(t["side"] == "long" for t in r.trades)
    for trade in sold:
        rise = d(trade["exit_price"]) - d(trade["entry_price"])
        assert rise >= step - Decimal("0.02")  # a level up (or more, when a candle opens beyond it)
    check(r)


def test_pair_trading_opens_both_legs_together_on_perpetuals(mock: Mock) -> None:
    key = mock.key()
    pair = {"lookback": 48, "entry_zscore": 1.5, "exit_zscore": 0.3}
    r = results(
        mock,
        key,
        strategy_type="pair_trading",
        pair_trading=pair,
        universe=[BTC_PERP, ETH_PERP],
        mode="cross",
        end_date="2024-02-29",
    )
    legs: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for trade in r.trades:
        legs[trade["entry_time"]].append(trade)
    assert legs
    for pair_legs in legs.values():
        assert sorted(t["ticker"] for t in pair_legs) == sorted([BTC_PERP, ETH_PERP])
        assert {t["side"] for t in pair_legs} == {"long", "short"}
        assert pair_legs[0]["exit_time"] == pair_legs[1]["exit_time"]
    check(r)


def test_pair_trading_on_spot_skips_the_short_leg(mock: Mock) -> None:
    key = mock.key()
    pair = {"lookback": 48, "entry_zscore": 1.5, "exit_zscore": 0.3}
    r = results(
        mock,
        key,
        strategy_type="pair_trading",
        pair_trading=pair,
        universe=[BTC, ETH],
        mode="cross",
        end_date="2024-02-29",
    )
    assert r.trades and all(t["side"] == "long" for t in r.trades)
    check(r)
    message = failure(
        mock, key, strategy_type="pair_trading", pair_trading=pair, universe=[BTC, ETH, "BINANCE:SOL/USDT"]
    )
    assert "exactly two tickers" in message
    long_lookback = {"lookback": 1000, "entry_zscore": 2.0, "exit_zscore": 0.5}
    message = failure(mock, key, strategy_type="pair_trading", pair_trading=long_lookback, universe=[BTC, ETH])
    assert message.startswith("TA_OUT_OF_RANGE: pair_trading's lookback of 1000 candles")


# ---- failures -------------------------------------------------------------------------------------


def test_script_errors_fail_the_job_naming_the_line(mock: Mock) -> None:
    key = mock.key()
    script = (
        f'ok = close > 0\noversold = rsii(close, 14) < 30\nemit_signal(oversold, entry("{BTC}", "LONG", Weight(0.5)))'
    )
    message = failure(mock, key, script=script)
    assert message.startswith("Script error on line 2, `oversold = rsii(close, 14) < 30`: unknown function 'rsii'")
    assert "supported: " in message
    syntax = failure(mock, key, script=f'x = close >> \nemit_signal(x, exit("{BTC}"))')
    assert syntax.startswith("Script error on line 1")
    elsewhere = failure(mock, key, script=always(ETH))
    assert elsewhere.startswith("Script error on line 2") and "not in the backtest's universe" in elsewhere


def test_a_failed_job_cannot_be_cancelled_and_says_so(mock: Mock) -> None:
    key = mock.key()
    job = mock.ok(
        "POST",
        "/backtest/execute",
        key,
        json={"script": "x = 1", "universe": [BTC], "start_date": "2024-01-01", "end_date": "2024-01-02"},
    )
    mock.advance(10)
    error = mock.error("POST", f"/backtest/cancel/{job['backtest_id']}", 400, "VALIDATION_ERROR", key)
    assert "has failed" in error["message"]
    status = mock.ok("GET", f"/backtest/status/{job['backtest_id']}", key)
    assert status["status"] == "failed" and status["message"].startswith("Script error: the script emits no signal")


def test_ta_out_of_range_names_the_line(mock: Mock) -> None:
    key = mock.key()
    script = f'slow = sma(close, 200)\nemit_signal(close > slow, entry("{BTC}", "LONG", Weight(0.5)))'
    message = failure(mock, key, script=script, timeframe="1d", end_date="2024-02-01")
    assert message.startswith("TA_OUT_OF_RANGE: line 1, `slow = sma(close, 200)`: sma(")


def test_no_future_data_and_no_data_at_all(mock: Mock) -> None:
    key = mock.key()
    r = results(mock, key, start_date="2026-02-27", end_date="2026-03-10")  # the clock says 2026-03-01T12:00:00Z
    assert r.points[-1]["timestamp"] == "2026-03-01T12:00:00Z"
    assert all(t["exit_time"] <= "2026-03-01T12:00:00Z" for t in r.trades)
    check(r)
    message = failure(mock, key, start_date="2027-01-01", end_date="2027-02-01")
    assert message.startswith("DATA_UNAVAILABLE: no 1h candles") and "no future data" in message
    unknown = failure(mock, key, universe=["BINANCE:NOPE/USDT"], script=always("BINANCE:NOPE/USDT"))
    assert unknown.startswith("DATA_UNAVAILABLE: no market data for BINANCE:NOPE/USDT")


def test_a_range_too_large_for_the_sandbox_fails_with_advice(mock: Mock) -> None:
    key = mock.key()
    message = failure(mock, key, timeframe="1m", start_date="2024-01-01", end_date="2024-06-30")
    assert "the sandbox simulates at most 20,000 candles" in message and "use the 15m timeframe" in message


def test_the_documented_backtest_trades(mock: Mock) -> None:
    key = mock.key()
    rsi = f'oversold = rsi(close, 14) < 30\nemit_signal(oversold, entry("{BTC}", "LONG", Weight(0.5)))'
    r = results(
        mock, key, script=rsi, start_date="2024-01-01", end_date="2024-06-30", description="RSI oversold bounce on BTC"
    )
    assert r.metrics["num_trades"] >= 1 and r.summary["universe"] == [BTC]
    check(r)


# ---- regressions ---------------------------------------------------------------------------------------------


def test_a_leveraged_isolated_grid_survives_the_liquidation_of_its_lots(mock: Mock) -> None:
    key = mock.key()
    # Over 2024 the perpetual falls more than 20 % below lots bought high: at 5x they are liquidated.
    grid = {"lower_price": "72800.1", "upper_price": "141513.7", "grid_count": 10}
    body: dict[str, Any] = {"strategy_type": "grid", "grid": grid, "universe": [BTC_PERP], "timeframe": "1d"}
    r = results(mock, key, **body, leverage=5.0, mode="isolated", end_date="2024-12-31")
    liquidated = [t for t in r.trades if t["return_pct"] < -100]
    assert liquidated and all(t["side"] == "long" for t in r.trades)
    for trade in liquidated:
        margin = q8(d(trade["quantity"]) * d(trade["entry_price"]) / 5)
        assert d(trade["pnl"]) == -margin - d(trade["fee"])
    assert len(r.trades) > len(liquidated)  # the grid went on trading, buying liquidated levels again
    check(r)


def test_cross_margin_is_liquidated_within_the_candle_and_never_goes_below_zero(mock: Mock) -> None:
    key = mock.key()
    for side in ("LONG", "SHORT"):
        r = results(
            mock,
            key,
            universe=[BTC_PERP],
            script=always(BTC_PERP, side=side, weight="1"),
            leverage=50.0,
            mode="cross",
            end_date="2024-03-31",
        )
        assert d(r.summary["final_equity"]) == 0 and r.metrics["total_return_pct"] == -100.0
        assert r.metrics["max_drawdown"] == 100.0 and "equity reached zero during the candle of" in r.analysis
        (trade,) = r.trades
        # Liquidated at the price where the account's value reached zero: between the open and the worst price.
        opened = (datetime.fromisoformat(trade["exit_time"]) - timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
        (bar,) = candles(mock, key, "BTC/USDT:USDT", opened, opened, "binancefuturesusd")
        worst = d(bar["low"]) if side == "LONG" else d(bar["high"])
        assert min(d(bar["open"]), worst) <= d(trade["exit_price"]) <= max(d(bar["open"]), worst)
        assert d(trade["pnl"]) == -10000
        wiped = [p for p in r.points if p["timestamp"] >= trade["exit_time"]]
        assert wiped and all(d(p["equity"]) == 0 for p in wiped)  # nothing trades afterwards
        assert all(d(p["equity"]) >= 0 for p in r.points)
        check(r)
    pair = results(
        mock,
        key,
        universe=[BTC_PERP, ETH_PERP],
        script=always(BTC_PERP, ETH_PERP),
        leverage=50.0,
        mode="cross",
        end_date="2024-03-31",
    )
    assert d(pair.summary["final_equity"]) == 0 and len(pair.trades) == 2
    assert len({t["exit_time"] for t in pair.trades}) == 1  # the whole account at once
    check(pair)


def test_fill_prices_are_rounded_to_8_decimals(mock: Mock) -> None:
    key = mock.key()
    pepe = "BINANCE:PEPE/USDT"
    script = f'up = close > open\nemit_signal(up, entry("{pepe}", "LONG", Weight(0.5)))'
    r = results(mock, key, universe=[pepe], script=script, slippage=0.0007, end_date="2024-01-05")
    assert len(r.trades) > 5
    for trade in r.trades:
        for price in (trade["entry_price"], trade["exit_price"]):
            assert d(price) == q8(d(price)) and d(price) > 0, price
        gross = d(trade["pnl"]) + d(trade["fee"])
        assert gross == q8(d(trade["quantity"]) * (d(trade["exit_price"]) - d(trade["entry_price"])))
    check(r)


def test_ta_out_of_range_says_how_much_earlier_to_start_in_the_timeframe(mock: Mock) -> None:
    key = mock.key()
    script = f'slow = sma(close, 200)\nemit_signal(close > slow, entry("{BTC}", "LONG", Weight(0.5)))'
    daily = failure(mock, key, script=script, timeframe="1d", end_date="2024-02-01")  # 32 candles
    assert daily.endswith("Start the date range at least 168 days earlier (168 more candles), or use a shorter period.")
    hourly = failure(mock, key, script=script, timeframe="1h", end_date="2024-01-02")  # 48 candles
    assert "at least 7 days earlier (152 more candles)" in hourly and "250 days" not in hourly


def test_an_isolated_position_never_loses_more_than_its_margin(mock: Mock) -> None:
    key = mock.key()
    # At 50x, 1 % slippage on a close just short of the liquidation level would lose ~1.5 times the margin.
    script = f'up = close > open\nemit_signal(up, entry("{BTC_PERP}", "SHORT", Weight(1)))'
    r = results(mock, key, universe=[BTC_PERP], script=script, leverage=50.0, slippage=0.01, end_date="2024-02-15")
    assert all(d(p["equity"]) >= 0 for p in r.points) and d(r.summary["final_equity"]) >= 0
    for trade in r.trades:
        margin = q8(d(trade["quantity"]) * d(trade["entry_price"]) / 50)
        entry_fee = q8(d(trade["quantity"]) * d(trade["entry_price"]) * d("0.0005"))
        assert d(trade["pnl"]) >= -margin - entry_fee
    check(r)
