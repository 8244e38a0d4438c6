"""Backtest jobs on the mock clock, and a simple deterministic simulation of their results.

A job is ``queued`` for ``QUEUED_SECONDS``, ``running`` for ``RUNNING_SECONDS`` (progress rises
linearly) and then ``completed``, or ``failed`` when its script needs more history than the range
holds (``TA_OUT_OF_RANGE``) or its universe names a market the mock does not list
(``DATA_UNAVAILABLE``); both are decided at submission and reported in ``message`` once it ran.

The simulation is not a Signal DSL engine (a later sandbox makes it realistic). Each ticker trades
``min(100, candles // 20)`` round trips spread evenly over the range, each holding 60 % of its slot,
half the capital split across the universe per trade, on the mock's deterministic prices with the
request's fee and slippage. Every metric is computed from those trades, so the numbers agree with
each other: ``final_equity`` is ``initial_cash`` plus the trades' PnL, ``num_trades`` is the trade
count, the equity curve's deepest drawdown is ``max_drawdown``, per-ticker PnL sums to the total.
"""

from __future__ import annotations

import hashlib
import math
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

from .clock import iso, iso_or_none, money
from .market import DAY, TIMEFRAME_SECONDS, Market, MarketData
from .store import Backtest

QUEUED_SECONDS = 2
RUNNING_SECONDS = 8
MAX_TRADES_PER_TICKER = 100
DASHBOARD = "https://hey-traders.com/dashboard/backtest/detail/"
_PERIOD_ARGUMENT = re.compile(r"\b([a-z_]+)\s*\([^()]*?,\s*(\d+)\s*\)")
CENTS = Decimal("0.01")
QUANTITY = Decimal("0.000001")


@dataclass(frozen=True)
class JobState:
    status: str
    progress: float
    started_at: datetime | None
    completed_at: datetime | None
    message: str | None


def job_state(backtest: Backtest, now: datetime) -> JobState:
    started = backtest.created_at + timedelta(seconds=QUEUED_SECONDS)
    finished = started + timedelta(seconds=RUNNING_SECONDS)
    if backtest.cancelled_at is not None:
        moment = backtest.cancelled_at
        return JobState(
            "cancelled",
            _progress(started, moment),
            started if moment >= started else None,
            moment,
            "Cancelled by the user.",
        )
    if now < started:
        return JobState("queued", 0.0, None, None, None)
    if now < finished:
        return JobState("running", _progress(started, now), started, None, None)
    if backtest.failure is not None:
        return JobState("failed", 100.0, started, finished, backtest.failure)
    return JobState("completed", 100.0, started, finished, None)


def _progress(started: datetime, moment: datetime) -> float:
    elapsed = (moment - started).total_seconds()
    return round(min(max(elapsed / RUNNING_SECONDS * 100, 0.0), 100.0), 1)


def status_view(backtest: Backtest, now: datetime) -> dict[str, Any]:
    state = job_state(backtest, now)
    return {
        "backtest_id": backtest.backtest_id,
        "status": state.status,
        "progress": state.progress,
        "result_id": backtest.result_id if state.status == "completed" else None,
        "message": state.message,
        "created_at": iso(backtest.created_at),
        "started_at": iso_or_none(state.started_at),
        "completed_at": iso_or_none(state.completed_at),
    }


def ticker_market(data: MarketData, ticker: str) -> Market | None:
    """``BINANCE:BTC/USDT`` → the market; None when the mock does not list it."""
    exchange, _, symbol = ticker.partition(":")
    return data.find(exchange.lower(), symbol)


def period_days(request: dict[str, Any]) -> int:
    return (date.fromisoformat(request["end_date"]) - date.fromisoformat(request["start_date"])).days


def _candles(request: dict[str, Any]) -> int:
    seconds = (period_days(request) + 1) * DAY
    return seconds // TIMEFRAME_SECONDS[request.get("timeframe", "1h")]


def failure_of(data: MarketData, request: dict[str, Any]) -> str | None:
    """Why a job will fail once it has run, or None."""
    for ticker in request["universe"]:
        if ticker_market(data, ticker) is None:
            return f"DATA_UNAVAILABLE: no market data for {ticker}; list symbols with GET /market/symbols."
    candles = _candles(request)
    needs = [(name, int(period)) for name, period in _PERIOD_ARGUMENT.findall(request.get("script") or "")]
    if needs:
        name, longest = max(needs, key=lambda item: item[1])
        if longest > candles:
            return (
                f"TA_OUT_OF_RANGE: {name}(…, {longest}) needs {longest} candles of history; the range holds {candles}. "
                "Start the date range at least 250 days before the analysis window."
            )
    return None


@dataclass(frozen=True)
class Result:
    result_id: str
    backtest_id: str
    summary: dict[str, Any]
    metrics: dict[str, Any]
    trades: list[dict[str, Any]]
    per_ticker: list[dict[str, Any]]
    equity: list[dict[str, Any]]
    analysis: str
    period_days: int
    created_at: datetime


def _hash(*parts: object) -> int:
    return int.from_bytes(hashlib.sha256(":".join(map(str, parts)).encode()).digest()[:8], "big")


def _decimal(value: Any, default: str) -> Decimal:
    return Decimal(str(value)) if value is not None else Decimal(default)


def simulate(data: MarketData, backtest: Backtest, completed_at: datetime) -> Result:
    request = backtest.request
    universe: list[str] = list(request["universe"])
    initial = Decimal(request.get("initial_cash", "10000"))
    fee_rate = _decimal(request.get("trading_fee"), "0.0005")
    slippage = _decimal(request.get("slippage"), "0.0005")
    leverage = _decimal(request.get("leverage"), "1")
    strategy_type = str(request.get("strategy_type", "signal"))
    start = datetime.combine(date.fromisoformat(request["start_date"]), datetime.min.time(), UTC)
    span = (period_days(request) + 1) * DAY
    per_ticker_count = min(MAX_TRADES_PER_TICKER, _candles(request) // 20)
    allocation = initial / 2 / len(universe)
    shorting = strategy_type in ("grid", "pair_trading") or "SHORT" in (request.get("script") or "")

    trades: list[dict[str, Any]] = []
    raw: list[tuple[datetime, datetime, Decimal, Decimal, str]] = []  # entry, exit, pnl, cost, ticker
    for position, ticker in enumerate(universe):
        market = ticker_market(data, ticker)
        if market is None or per_ticker_count == 0:
            continue
        allocation_here = allocation * leverage if market.market_type == "perpetual" else allocation
        slot = span // per_ticker_count
        for index in range(per_ticker_count):
            jitter = _hash(backtest.backtest_id, ticker, index) % max(slot // 4, 1)
            entered = start + timedelta(seconds=index * slot + jitter)
            exited = entered + timedelta(seconds=slot * 6 // 10)
            side = "short" if shorting and (index + position) % 2 else "long"
            direction = 1 if side == "long" else -1
            entry_price = _fill_price(data, market, entered, slippage * direction)
            exit_price = _fill_price(data, market, exited, -slippage * direction)
            quantity = max((allocation_here / entry_price).quantize(QUANTITY), QUANTITY)
            fee = ((entry_price + exit_price) * quantity * fee_rate).quantize(CENTS)
            pnl = ((exit_price - entry_price) * quantity * direction - fee).quantize(CENTS)
            cost = entry_price * quantity
            raw.append((entered, exited, pnl, cost, ticker))
            trades.append(
                {
                    "trade_id": f"trd_{_hash(backtest.result_id, ticker, index) % 32**10:010X}",
                    "ticker": ticker,
                    "side": side,
                    "entry_time": iso(entered),
                    "exit_time": iso(exited),
                    "entry_price": money(entry_price),
                    "exit_price": money(exit_price),
                    "quantity": money(quantity),
                    "pnl": money(pnl),
                    "fee": money(fee),
                    "return_pct": round(float(pnl / cost * 100), 2),
                }
            )
    order = sorted(range(len(raw)), key=lambda i: (raw[i][0], raw[i][4]))
    trades = [trades[i] for i in order]
    raw = [raw[i] for i in order]
    final = initial + sum((item[2] for item in raw), Decimal(0))
    equity, max_drawdown = _equity_curve(initial, start, raw)
    metrics = _metrics(initial, final, raw, max_drawdown, span, len(universe))
    per_ticker = [_ticker_performance(ticker, raw, initial) for ticker in universe]
    summary = {
        "result_id": backtest.result_id,
        "backtest_id": backtest.backtest_id,
        "dashboard_url": DASHBOARD + backtest.result_id,
        "strategy_type": strategy_type,
        "universe": universe,
        "exchange": request.get("exchange", "binance"),
        "timeframe": request.get("timeframe", "1h"),
        "start_date": request["start_date"],
        "end_date": request["end_date"],
        "initial_cash": money(initial),
        "final_equity": money(final),
        "metrics": metrics,
        "created_at": iso(completed_at),
    }
    return Result(
        result_id=backtest.result_id,
        backtest_id=backtest.backtest_id,
        summary=summary,
        metrics=metrics,
        trades=trades,
        per_ticker=per_ticker,
        equity=equity,
        analysis=_analysis(summary, metrics),
        period_days=period_days(request),
        created_at=completed_at,
    )


def _fill_price(data: MarketData, market: Market, moment: datetime, slip: Decimal) -> Decimal:
    price = data.price(market, int(moment.timestamp())) * (1 + slip)
    return max((price / market.tick).quantize(Decimal(1)) * market.tick, market.tick)


def _equity_curve(
    initial: Decimal, start: datetime, raw: list[tuple[datetime, datetime, Decimal, Decimal, str]]
) -> tuple[list[dict[str, Any]], float]:
    points = [{"timestamp": iso(start), "equity": money(initial), "drawdown_pct": 0.0}]
    equity = peak = initial
    deepest = 0.0
    for _, exited, pnl, _, _ in sorted(raw, key=lambda item: item[1]):
        equity += pnl
        peak = max(peak, equity)
        drawdown = min(round(float((peak - equity) / peak * 100), 2), 100.0) if peak > 0 else 100.0
        deepest = max(deepest, drawdown)
        points.append({"timestamp": iso(exited), "equity": money(equity), "drawdown_pct": drawdown})
    return points, deepest


def _metrics(
    initial: Decimal,
    final: Decimal,
    raw: list[tuple[datetime, datetime, Decimal, Decimal, str]],
    max_drawdown: float,
    span: int,
    tickers: int,
) -> dict[str, Any]:
    returns = [float(pnl / cost) for _, _, pnl, cost, _ in raw]
    count = len(returns)
    years = span / (365 * DAY)
    growth = float(final / initial)
    annualized = (growth ** (1 / years) - 1) * 100 if growth > 0 else -100.0
    mean = sum(returns) / count if count else 0.0
    deviation = math.sqrt(sum((r - mean) ** 2 for r in returns) / (count - 1)) if count > 1 else 0.0
    downside = math.sqrt(sum(min(r, 0.0) ** 2 for r in returns) / count) if count else 0.0
    per_year = math.sqrt(count / years) if years > 0 else 0.0
    gains = sum((pnl for _, _, pnl, _, _ in raw if pnl > 0), Decimal(0))
    losses = -sum((pnl for _, _, pnl, _, _ in raw if pnl < 0), Decimal(0))
    held = sum((exited - entered).total_seconds() for entered, exited, _, _, _ in raw)
    return {
        "total_return_pct": round((growth - 1) * 100, 2),
        "annualized_return_pct": round(annualized, 2),
        "max_drawdown": max_drawdown,
        "sharpe_ratio": round(mean / deviation * per_year, 2) if deviation > 0 else None,
        "sortino_ratio": round(mean / downside * per_year, 2) if downside > 0 else None,
        "calmar_ratio": round(annualized / max_drawdown, 2) if max_drawdown > 0 else None,
        "win_rate": round(sum(1 for _, _, pnl, _, _ in raw if pnl > 0) / count, 4) if count else 0.0,
        "num_trades": count,
        "profit_factor": round(float(gains / losses), 2) if losses > 0 else None,
        "avg_trade_return_pct": round(mean * 100, 2),
        "exposure_pct": round(min(held / (span * max(tickers, 1)) * 100, 100.0), 2),
    }


def _ticker_performance(
    ticker: str, raw: list[tuple[datetime, datetime, Decimal, Decimal, str]], initial: Decimal
) -> dict[str, Any]:
    mine = [pnl for _, _, pnl, _, name in raw if name == ticker]
    pnl = sum(mine, Decimal(0))
    return {
        "ticker": ticker,
        "num_trades": len(mine),
        "total_return_pct": round(float(pnl / initial * 100), 2),
        "pnl": money(pnl),
        "win_rate": round(sum(1 for value in mine if value > 0) / len(mine), 4) if mine else 0.0,
    }


def _analysis(summary: dict[str, Any], metrics: dict[str, Any]) -> str:
    sharpe = metrics["sharpe_ratio"]
    verdict = (
        "The risk-adjusted return is strong."
        if sharpe is not None and sharpe >= 1
        else "The risk-adjusted return is weak."
    )
    return (
        "## Summary\n\n"
        f"The {summary['strategy_type']} strategy on {', '.join(summary['universe'])} returned "
        f"{metrics['total_return_pct']}% from {summary['start_date']} to {summary['end_date']}, "
        f"with a maximum drawdown of {metrics['max_drawdown']}% over {metrics['num_trades']} trades "
        f"(win rate {round(metrics['win_rate'] * 100, 1)}%). {verdict}\n\n"
        "## Note\n\nThis analysis comes from the HeyTraders mock server: the trades are simulated.\n"
    )
