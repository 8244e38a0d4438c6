"""Backtest jobs on the mock clock, and their simulation on the mock's candles.

The job: ``queued`` for ``QUEUED_SECONDS``, ``running`` for ``RUNNING_SECONDS`` (progress rises
linearly), then ``completed`` or ``failed`` (``message`` says why), unless cancelled before. The
simulation runs once, when the job's running phase has ended and its status or results are first
read; it reads only candles that opened before the job was created (never the future), from
``start_date`` 00:00 UTC to the end of ``end_date`` (and not before ``market.HISTORY_START``, where the
sandbox's history starts).

A job fails with ``DATA_UNAVAILABLE: ...`` when its universe names a market the sandbox does not list
or its range holds no candle, ``Script error on line N, `...`: ...`` when its script cannot run,
``TA_OUT_OF_RANGE: ...`` when an indicator or look-back needs more candles than the range holds, and
with a plain message when the range is larger than the sandbox simulates (``MAX_CANDLES`` candles
over the universe, that is candles per ticker times tickers: the message names a timeframe that fits).

How trades are simulated (``signal`` scripts, see ``script.py`` for their grammar):

- A signal seen on a candle's close is filled at the next candle's open; a signal on the last
  candle is not filled. Market fills pay ``slippage`` against the trader (a buy at
  ``open * (1 + slippage)``, a sell at ``open * (1 - slippage)``, rounded to 8 decimals like all
  money) and ``trading_fee`` on each side's notional (``quantity * fill price``).
- Sizing: ``Weight(w)`` puts ``w`` of the equity (cash plus open positions marked at that open) into
  the position as margin; the notional is the margin times ``leverage`` on perpetual markets (spot
  ignores ``leverage``); a position never takes more than the cash can pay with its fee. Quantities
  are rounded down to 8 decimals, money to 8 decimals; all of it is ``Decimal``.
- Spot markets cannot be shorted: a ``SHORT`` entry on a spot ticker fails the job, naming the line.
- ``mode: isolated`` gives each universe ticker ``initial_cash / len(universe)`` as a sub-portfolio of
  its own; ``mode: cross`` keeps one cash pool for every ticker (what pair trading wants).
- Liquidation (isolated): a position is liquidated when, during a candle, the price reaches the
  level where its loss equals its margin (``entry - margin / quantity`` for a long, ``+`` for a
  short, checked against the candle's low or high); the margin is lost, no exit fee is charged. A
  position never loses more than its margin: a close at market whose loss (slippage and exit fee
  included) would exceed it is settled the same way, so no sub-portfolio goes below zero.
- Liquidation (cross): the whole account is liquidated, and trading stops, when during a candle it
  could no longer pay for its positions: with each position at the candle's worst price for it (the
  low for a long, the high for a short), closing them all (slippage and fees included) would leave
  zero or less. Every position is then closed at the price where that value reached zero
  (interpolated between the candle's open and its worst price), what is left pays the liquidation
  (as the positions' exit fee), and the equity is exactly 0 from then on: it never goes below zero,
  so a cross backtest loses at most ``initial_cash`` (``total_return_pct`` >= -100).
- ``stop_loss`` / ``take_profit`` (percent of ``initial_cash``): checked on the portfolio's equity at
  each candle's close; once hit, every position is closed at that close (with slippage and fees)
  and nothing trades afterwards (the equity stays flat to the end).
- At the end every open position is closed at the last candle's close, with slippage and fees,
  so the trades' PnL adds up to ``final_equity - initial_cash`` (DCA excepted, below).

Built-in strategies:

- ``dca``: buys ``amount_per_order`` of quote currency (fee included, slippage on the fill) of every
  universe ticker at the first candle's open and then at the first open at least ``interval`` after
  the previous buy's due time, as long as the cash allows; never sells and uses no leverage. Each buy
  is one trade, still open at the end (``exit_time`` and ``exit_price`` null) with its PnL marked at
  the last close after its buy fee; ``final_equity`` is the cash plus the holdings at the last close.
- ``grid``: ``grid_count`` levels evenly spaced from ``lower_price`` to ``upper_price`` (rounded to the
  tick), one lot per pair of neighbouring levels, each lot worth ``1 / (grid_count - 1)`` of the
  ticker's share of the cash (times ``leverage`` on a perpetual, fees included). Lot ``k`` is bought
  when a candle trades down to level ``k`` from a previous close above it, and sold when a later
  candle trades up to level ``k + 1``; these are limit fills at the level (or at the open when the
  candle opens beyond it) and pay the fee but no slippage. Long only.
- ``pair_trading``: exactly two tickers A and B; the spread is ``ln(close_A / close_B)`` and its
  z-score is taken over the last ``lookback`` candles. Beyond ``+entry_zscore`` it shorts A and buys B,
  below ``-entry_zscore`` the reverse; it closes both once the z-score is back within ``exit_zscore``
  (or past it on the other side). Each leg takes half the equity in cross mode, all of its own
  sub-portfolio in isolated mode, filled at the next open like a script's signals. A short leg on a
  spot market is skipped (spot cannot short); use perpetual tickers for a market-neutral pair.

Results: ``num_trades`` is the number of trades listed; the equity curve is marked to market at every
candle's close (first point: ``initial_cash`` at the first candle's open; last point: ``final_equity``),
sampled down to ``MAX_POINTS`` points that always keep the first, the last and the deepest
drawdown; ``total_return_pct = (final / initial - 1) * 100``; ``max_drawdown`` is the curve's deepest
fall from its running peak; Sharpe and Sortino use the per-candle returns of the full curve,
annualised with ``sqrt(candles per 365-day year)`` and a zero risk-free rate (Sortino divides by the
root mean square of the negative returns); ``annualized_return_pct`` compounds the total return over
the curve's duration; ``calmar_ratio = annualized_return_pct / max_drawdown``; ``win_rate`` is the
share of trades with a positive PnL and ``profit_factor`` their gross profit over gross loss;
``return_pct`` of a trade is its PnL over its margin; a ticker's ``total_return_pct`` is its PnL over
the whole ``initial_cash`` (the tickers' figures add up to the total); ``exposure_pct`` is the share
of candles that closed with a position open.
"""

from __future__ import annotations

import bisect
import calendar
import hashlib
import itertools
import logging
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from decimal import ROUND_DOWN, Decimal, InvalidOperation, localcontext
from typing import Any

from .clock import iso, iso_or_none, money, parse_time
from .dsl import VARIABLES, Evaluator
from .market import HISTORY_START, TIMEFRAME_SECONDS, Market, MarketData
from .script import Action, Program, ScriptError, parse
from .store import Backtest

logger = logging.getLogger("heytraders_mock.backtest")

QUEUED_SECONDS = 2
RUNNING_SECONDS = 8
DASHBOARD = "https://hey-traders.com/dashboard/backtest/detail/"
MAX_CANDLES = 20_000  # candles times tickers: what the sandbox simulates in about a second
MAX_POINTS = 1_000
MAX_INITIAL_CASH = Decimal(10) ** 15
MONEY = Decimal("0.00000001")
QUANTITY = Decimal("0.00000001")
YEAR = 365 * 86400
STRATEGIES = ("signal", "dca", "grid", "pair_trading")


class SimulationError(Exception):
    """Why a job failed; ``message`` is its status message."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


# ---- the job on the clock ----------------------------------------------------------------


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
    """``BINANCE:BTC/USDT`` -> the market; None when the mock does not list it."""
    exchange, _, symbol = ticker.partition(":")
    return data.find(exchange.lower(), symbol)


def period_days(request: dict[str, Any]) -> int:
    return (date.fromisoformat(request["end_date"]) - date.fromisoformat(request["start_date"])).days


# ---- the request, checked ----------------------------------------------------------------


@dataclass(frozen=True)
class Plan:
    """What the simulation reads from a request, after the checks that need no candle."""

    strategy_type: str
    tickers: list[str]  # the universe, each market once, as the request spells it
    markets: list[Market]
    initial: Decimal
    fee: Decimal
    slippage: Decimal
    leverage: Decimal
    cross: bool
    stop_loss: Decimal | None
    take_profit: Decimal | None
    timeframe: str
    start: datetime
    last_open: datetime
    data_end: datetime
    program: Program | None
    parameters: dict[str, Any]


def _decimal(value: Any, default: str) -> Decimal:
    return Decimal(str(value)) if value is not None else Decimal(default)


def plan_of(data: MarketData, request: dict[str, Any], created_at: datetime) -> Plan:
    """The request as the simulation runs it; ``SimulationError`` when the job must fail."""
    tickers: list[str] = []
    markets: list[Market] = []
    for ticker in request["universe"]:
        market = ticker_market(data, ticker)
        if market is None:
            raise SimulationError(
                f"DATA_UNAVAILABLE: no market data for {ticker}; list symbols with GET /market/symbols."
            )
        if market not in markets:
            tickers.append(ticker)
            markets.append(market)
    initial = Decimal(request.get("initial_cash", "10000"))
    if initial > MAX_INITIAL_CASH:
        raise SimulationError(f"initial_cash above {MAX_INITIAL_CASH:,} is more than the sandbox simulates.")
    timeframe = str(request.get("timeframe", "1h"))
    start, last_open, data_end = _range(request, timeframe, created_at)
    _check_size(request, timeframe, start, last_open, len(markets))
    strategy_type = str(request.get("strategy_type", "signal"))
    if strategy_type not in STRATEGIES:
        raise SimulationError(
            f"strategy_type {strategy_type!r} is not one the sandbox simulates: {', '.join(STRATEGIES)}."
        )
    program = None
    parameters: dict[str, Any] = {}
    if strategy_type == "signal":
        if not request.get("script"):
            raise SimulationError("Script error: a signal backtest needs a script; see GET /docs/signal-dsl.")
        try:
            program = parse(str(request["script"]))
            for action in program.actions:
                _check_action(data, action, markets)
        except ScriptError as error:
            raise SimulationError(error.report()) from None
    else:
        parameters = dict(request.get(strategy_type) or {})
        if not parameters:
            raise SimulationError(f"A {strategy_type} backtest needs its `{strategy_type}` parameters.")
        if strategy_type == "pair_trading" and len(markets) != 2:
            raise SimulationError(
                f"pair_trading trades the spread of exactly two tickers; the universe has {len(markets)}."
            )
    return Plan(
        strategy_type=strategy_type,
        tickers=tickers,
        markets=markets,
        initial=initial,
        fee=_decimal(request.get("trading_fee"), "0.0005"),
        slippage=_decimal(request.get("slippage"), "0.0005"),
        leverage=_decimal(request.get("leverage"), "1"),
        cross=request.get("mode", "isolated") == "cross",
        stop_loss=_decimal(request["stop_loss"], "0") if request.get("stop_loss") is not None else None,
        take_profit=_decimal(request["take_profit"], "0") if request.get("take_profit") is not None else None,
        timeframe=timeframe,
        start=start,
        last_open=last_open,
        data_end=data_end,
        program=program,
        parameters=parameters,
    )


def _check_action(data: MarketData, action: Action, markets: list[Market]) -> None:
    market = ticker_market(data, action.ticker)
    if market is None or market not in markets:
        raise ScriptError(
            action.line, action.text, f"{action.ticker} is not in the backtest's universe; add it to `universe`"
        )
    if action.side == "short" and market.market_type != "perpetual":
        raise ScriptError(
            action.line,
            action.text,
            f"{action.ticker} is a {market.market_type} market, which cannot be shorted; short a perpetual "
            f"ticker instead, such as BINANCEFUTURESUSD:{market.base}/USDT:USDT",
        )


def _range(request: dict[str, Any], timeframe: str, created_at: datetime) -> tuple[datetime, datetime, datetime]:
    """(first open allowed, last open allowed, end of the data): never before the history, never after now."""
    first_day = date.fromisoformat(request["start_date"])
    last_day = date.fromisoformat(request["end_date"])
    requested_start = datetime(first_day.year, first_day.month, first_day.day, tzinfo=UTC)
    # The end of end_date, or now when that is later (9999-12-31 has no next day to end on).
    end = (
        created_at
        if last_day >= created_at.date()
        else datetime(last_day.year, last_day.month, last_day.day, tzinfo=UTC) + timedelta(days=1)
    )
    start = max(requested_start, HISTORY_START)
    data_end = min(end, created_at)
    last_open = data_end - timedelta(seconds=1)
    if last_open < start:
        why = (
            f"the sandbox's history starts on {HISTORY_START.date()}"
            if end <= HISTORY_START
            else f"the range starts after the job was created ({iso(created_at)}): there is no future data"
        )
        raise SimulationError(
            f"DATA_UNAVAILABLE: no {timeframe} candles from {request['start_date']} to {request['end_date']}; {why}."
        )
    return start, last_open, data_end


def _count(timeframe: str, start: datetime, last_open: datetime) -> int:
    """At least the number of candles opening in [start, last_open] (never fewer)."""
    if timeframe == "1M":
        return (last_open.year - start.year) * 12 + last_open.month - start.month + 1
    return int((last_open - start).total_seconds()) // TIMEFRAME_SECONDS[timeframe] + 1


def _check_size(request: dict[str, Any], timeframe: str, start: datetime, last_open: datetime, tickers: int) -> None:
    count = _count(timeframe, start, last_open)
    if count * tickers <= MAX_CANDLES:
        return
    fits = next((name for name in TIMEFRAME_SECONDS if _count(name, start, last_open) * tickers <= MAX_CANDLES), None)
    advice = f"use the {fits} timeframe or a shorter range" if fits else "use a shorter range or fewer tickers"
    raise SimulationError(
        f"The range {request['start_date']} to {request['end_date']} holds {count:,} {timeframe} candles per ticker "
        f"({count * tickers:,} for {tickers} ticker{'s' if tickers > 1 else ''}); the sandbox simulates at most "
        f"{MAX_CANDLES:,} candles per backtest: {advice}."
    )


def failure_of(data: MarketData, request: dict[str, Any], created_at: datetime) -> str | None:
    """Why a job will fail, when that is known without reading candles; else None."""
    try:
        plan_of(data, request, created_at)
    except SimulationError as error:
        return error.message
    except Exception as error:  # a bug of the sandbox: the job fails rather than the request answering 500
        logger.exception("checking a backtest request failed")
        return internal_failure(error)
    return None


def internal_failure(error: Exception) -> str:
    """The status message of a job the sandbox could not simulate (an unexpected exception, logged)."""
    return (
        f"INTERNAL_ERROR: the sandbox could not simulate this backtest ({type(error).__name__}); "
        "please report it with the request that started the job."
    )


# ---- candles -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Candles:
    """One ticker's candles over the backtest: Decimal prices for money, floats for the DSL."""

    ticker: str
    market: Market
    times: list[datetime]
    ends: list[datetime]
    open: list[Decimal]
    high: list[Decimal]
    low: list[Decimal]
    close: list[Decimal]
    floats: dict[str, list[float | bool | None]]


def _next_open(opened: datetime, timeframe: str) -> datetime:
    if timeframe == "1M":
        return opened + timedelta(days=calendar.monthrange(opened.year, opened.month)[1])
    return opened + timedelta(seconds=TIMEFRAME_SECONDS[timeframe])


def load_candles(data: MarketData, plan: Plan, created_at: datetime) -> list[Candles]:
    raw = [
        data.candles(market, plan.timeframe, created_at, MAX_CANDLES, start=plan.start, end=plan.last_open)
        for market in plan.markets
    ]
    # Every ticker runs on the same clock: keep the candles all of them have.
    common = set.intersection(*({c["timestamp"] for c in candles} for candles in raw))
    out: list[Candles] = []
    for ticker, market, candles in zip(plan.tickers, plan.markets, raw, strict=True):
        kept = [c for c in candles if c["timestamp"] in common]
        times = [parse_time(c["timestamp"]) for c in kept]
        ends = [*times[1:], min(_next_open(times[-1], plan.timeframe), plan.data_end)] if times else []
        floats: dict[str, list[float | bool | None]] = {
            name: [float(c[name]) for c in kept] for name in ("open", "high", "low", "close", "volume")
        }
        out.append(
            Candles(
                ticker,
                market,
                times,
                ends,
                [Decimal(c["open"]) for c in kept],
                [Decimal(c["high"]) for c in kept],
                [Decimal(c["low"]) for c in kept],
                [Decimal(c["close"]) for c in kept],
                floats,
            )
        )
    if not out or not out[0].times:
        raise SimulationError(
            f"DATA_UNAVAILABLE: no {plan.timeframe} candles of {', '.join(plan.tickers)} in the range; "
            "choose a longer range or a smaller timeframe."
        )
    return out


# ---- the book: cash, positions and trades --------------------------------------------------


@dataclass
class Position:
    ticker: str
    side: int  # 1 long, -1 short
    quantity: Decimal
    entry_price: Decimal
    entry_time: datetime
    entry_index: int
    margin: Decimal
    fee: Decimal
    pool: int
    sequence: int


@dataclass(frozen=True)
class Trade:
    ticker: str
    side: int
    entry_time: datetime
    exit_time: datetime | None
    entry_price: Decimal
    exit_price: Decimal | None
    quantity: Decimal
    pnl: Decimal
    fee: Decimal
    margin: Decimal
    sequence: int


@dataclass
class _Held:
    """A ticker's open positions in aggregate."""

    count: int = 0
    margin: Decimal = Decimal(0)
    size: Decimal = Decimal(0)  # sum of side * quantity
    cost: Decimal = Decimal(0)  # sum of side * quantity * entry price
    longs: Decimal = Decimal(0)  # sum of the quantities of the long positions
    shorts: Decimal = Decimal(0)  # and of the short ones


def _money(value: Decimal) -> Decimal:
    return value.quantize(MONEY)


class Book:
    """Cash pools (one per ticker when isolated, one in all when cross), open positions and closed trades."""

    def __init__(self, plan: Plan, series: list[Candles]) -> None:
        self.plan = plan
        self.series = series
        self.by_ticker = {c.ticker: c for c in series}
        count = len(series)
        if plan.cross:
            self.pools = [plan.initial]
            self.pool_of = dict.fromkeys(plan.tickers, 0)
        else:
            share = _money(plan.initial / count)
            # The first ticker takes the rounding remainder, so the pools add up to initial_cash exactly.
            self.pools = [plan.initial - share * (count - 1)] + [share] * (count - 1)
            self.pool_of = {ticker: index for index, ticker in enumerate(plan.tickers)}
        self.leverage = {c.ticker: plan.leverage if c.market.market_type == "perpetual" else Decimal(1) for c in series}
        self.spot = {c.ticker: c.market.market_type != "perpetual" for c in series}
        self.positions: dict[tuple[str, int], Position] = {}
        self.trades: list[Trade] = []
        self._sequence = 0
        # Per ticker: open positions, their margin, sum(side * quantity), sum(side * quantity * entry),
        # so that marking thousands of DCA lots costs one multiplication per ticker and candle.
        self._held: dict[str, _Held] = {}
        self._risky: set[tuple[str, int]] = set()  # positions that can be liquidated (leveraged or short)

    # -- prices

    def market_fill(self, price: Decimal, buying: bool) -> Decimal:
        """A market order's fill: slippage against the trader, rounded to 8 decimals like all money."""
        return _money(price * (1 + self.plan.slippage) if buying else price * (1 - self.plan.slippage))

    def value(self, position: Position, mark: Decimal) -> Decimal:
        return position.margin + _money(position.side * position.quantity * (mark - position.entry_price))

    def equity(self, marks: dict[str, Decimal], pool: int | None = None) -> Decimal:
        """Cash plus open positions marked at ``marks`` (of one pool, or of all)."""
        cash = sum(self.pools) if pool is None else self.pools[pool]
        held = (
            h.margin + _money(marks[ticker] * h.size - h.cost)
            for ticker, h in self._held.items()
            if h.count and (pool is None or self.pool_of[ticker] == pool)
        )
        return cash + sum(held, Decimal(0))

    def final_equity(self, marks: dict[str, Decimal]) -> Decimal:
        """Cash plus each open position marked on its own, as the trades report them."""
        return sum(self.pools) + sum((self.value(p, marks[p.ticker]) for p in self.positions.values()), Decimal(0))

    def _track(self, position: Position, sign: int) -> None:
        held = self._held.setdefault(position.ticker, _Held())
        size = position.side * position.quantity
        held.count += sign
        held.margin += sign * position.margin
        held.size += sign * size
        held.cost += sign * size * position.entry_price
        if position.side > 0:
            held.longs += sign * position.quantity
        else:
            held.shorts += sign * position.quantity

    # -- orders

    def open(
        self, key: tuple[str, int], side: int, notional: Decimal, fill: Decimal, moment: datetime, index: int
    ) -> Position | None:
        """Open a position of about ``notional`` at ``fill``, as much as the cash can pay with its fee."""
        ticker = key[0]
        pool = self.pool_of[ticker]
        cash = self.pools[pool]
        leverage = self.leverage[ticker]
        if cash <= 0 or fill <= 0:
            return None
        notional = min(notional, cash * leverage / (1 + self.plan.fee * leverage))
        quantity = (notional / fill).quantize(QUANTITY, ROUND_DOWN)
        while quantity > 0:
            margin = _money(quantity * fill / leverage)
            fee = _money(quantity * fill * self.plan.fee)
            if margin + fee <= cash:
                break
            quantity -= QUANTITY  # rounding took it a hair over the cash
        else:
            return None
        self.pools[pool] = cash - margin - fee
        self._sequence += 1
        position = Position(ticker, side, quantity, fill, moment, index, margin, fee, pool, self._sequence)
        self.positions[key] = position
        self._track(position, 1)
        if side < 0 or leverage > 1:
            self._risky.add(key)
        return position

    def close(
        self,
        key: tuple[str, int],
        fill: Decimal,
        moment: datetime,
        *,
        liquidated: bool = False,
        settled: tuple[Decimal, Decimal] | None = None,
    ) -> Trade:
        """Close a position at ``fill``; a liquidation loses the margin and pays no exit fee.

        ``settled`` (gross PnL, exit fee) overrides both: what a cross-mode liquidation works out.
        """
        position = self.positions.pop(key)
        self._track(position, -1)
        self._risky.discard(key)
        if settled is not None:
            gross, exit_fee = settled
        elif liquidated:
            gross, exit_fee = -position.margin, Decimal(0)
        else:
            gross = _money(position.side * position.quantity * (fill - position.entry_price))
            exit_fee = _money(position.quantity * fill * self.plan.fee)
            if not self.plan.cross and gross - exit_fee < -position.margin:
                # Isolated: a position never loses more than its margin; a fill past its liquidation level
                # (slippage on a price just short of it) is a liquidation.
                gross, exit_fee = -position.margin, Decimal(0)
        self.pools[position.pool] += position.margin + gross - exit_fee
        trade = Trade(
            position.ticker,
            position.side,
            position.entry_time,
            moment,
            position.entry_price,
            fill,
            position.quantity,
            gross - position.fee - exit_fee,
            position.fee + exit_fee,
            position.margin,
            position.sequence,
        )
        self.trades.append(trade)
        return trade

    def close_at_market(self, key: tuple[str, int], price: Decimal, moment: datetime) -> Trade:
        side = self.positions[key].side
        return self.close(key, self.market_fill(price, buying=side < 0), moment)

    def close_all(self, index: int, *, at_close: bool) -> None:
        """Close every position at candle ``index``'s close (or open), with slippage and fees."""
        by_ticker = {c.ticker: c for c in self.series}
        for key in sorted(self.positions, key=lambda k: self.positions[k].sequence):
            candles = by_ticker[key[0]]
            price = candles.close[index] if at_close else candles.open[index]
            moment = candles.ends[index] if at_close else candles.times[index]
            self.close_at_market(key, price, moment)

    def liquidate(self, index: int) -> None:
        """Isolated mode: a position whose loss reaches its margin within the candle is liquidated."""
        by_ticker = {c.ticker: c for c in self.series}
        # An unleveraged long cannot lose more than its margin: only the others are watched.
        for key in sorted(self._risky, key=lambda k: self.positions[k].sequence):
            position = self.positions[key]
            candles = by_ticker[position.ticker]
            level = position.entry_price - position.side * position.margin / position.quantity
            reached = candles.low[index] <= level if position.side > 0 else candles.high[index] >= level
            if reached:
                self.close(key, _money(max(level, Decimal(0))), candles.ends[index], liquidated=True)

    def _net_value(self, index: int, *, worst: bool) -> Decimal:
        """The cash plus what every position would fetch closed at market (slippage and fees paid) during
        candle ``index``: longs at its low and shorts at its high when ``worst``, else all at its open.

        From each ticker's aggregates (one step per ticker, however many lots), without the rounding of
        each position's figures.
        """
        fee = self.plan.fee
        total = sum(self.pools, Decimal(0))
        for ticker, held in self._held.items():
            if not held.count:
                continue
            candles = self.by_ticker[ticker]
            sell = self.market_fill(candles.low[index] if worst else candles.open[index], buying=False)
            buy = self.market_fill(candles.high[index] if worst else candles.open[index], buying=True)
            total += held.margin - held.cost + held.longs * sell * (1 - fee) - held.shorts * buy * (1 + fee)
        return total

    def wipe_out(self, index: int) -> bool:
        """Cross mode: liquidate the whole account when it cannot pay for its positions within candle ``index``.

        Each position is marked at the candle's worst price for it (the low for a long, the high for a
        short). When closing everything there would leave nothing (the net value is zero or less), every
        position is liquidated at the price where that net value reached zero, between the candle's open
        and its worst price (at the open when the candle opened below zero), and the account ends at
        exactly zero: what was left pays the liquidation as the positions' exit fee, and a loss beyond
        the account (after a gap) is not charged. Returns whether the account was wiped out.
        """
        if not self.positions:
            return False
        bottom = self._net_value(index, worst=True)
        if bottom > 0:
            return False
        top = self._net_value(index, worst=False)
        fraction = top / (top - bottom) if top > 0 else Decimal(0)
        keys = sorted(self.positions, key=lambda k: self.positions[k].sequence)
        exits: dict[tuple[str, int], Decimal] = {}
        natural: dict[tuple[str, int], Decimal] = {}
        for key in keys:
            p = self.positions[key]
            candles = self.by_ticker[p.ticker]
            start, end = candles.open[index], candles.low[index] if p.side > 0 else candles.high[index]
            exits[key] = _money(max(start + fraction * (end - start), Decimal(0)))
            natural[key] = _money(p.side * p.quantity * (exits[key] - p.entry_price))
        # The equity at the exits: what is left pays the liquidation (by notional); less than nothing is forgiven.
        left = sum(self.pools, Decimal(0)) + sum((self.positions[k].margin + natural[k] for k in keys), Decimal(0))
        notional = {k: self.positions[k].quantity * exits[k] for k in keys}
        losses = {k: max(-natural[k], Decimal(0)) for k in keys}
        weights = notional if left >= 0 else losses
        total = sum(weights.values(), Decimal(0))
        moment = self.series[0].ends[index]
        for number, key in enumerate(keys):
            position = self.positions[key]
            gross, fee = natural[key], Decimal(0)
            share = _money(left * weights[key] / total) if total > 0 else Decimal(0)
            if left >= 0:
                fee = share
            else:
                gross -= share  # share < 0: part of the loss is not charged
            if number == len(keys) - 1:  # the last one takes the rounding: the account ends at exactly zero
                due = self.pools[position.pool] + position.margin + gross
                if due >= 0:
                    fee = due
                else:
                    gross, fee = gross - due, Decimal(0)
            self.close(key, exits[key], moment, liquidated=True, settled=(gross, fee))
        return True

    def open_trades(self, index: int) -> list[Trade]:
        """The positions still open, as trades marked at candle ``index``'s close (DCA)."""
        by_ticker = {c.ticker: c for c in self.series}
        out = []
        for p in self.positions.values():
            gross = self.value(p, by_ticker[p.ticker].close[index]) - p.margin
            out.append(
                Trade(
                    p.ticker,
                    p.side,
                    p.entry_time,
                    None,
                    p.entry_price,
                    None,
                    p.quantity,
                    gross - p.fee,
                    p.fee,
                    p.margin,
                    p.sequence,
                )
            )
        return out


# ---- strategies ------------------------------------------------------------------------------


class Strategy:
    """Hooks the run calls on each candle: at its open, within it (limit fills), at its close."""

    closes_at_end = True

    def __init__(self, plan: Plan, series: list[Candles], book: Book) -> None:
        self.plan = plan
        self.series = series
        self.book = book

    def at_open(self, index: int) -> None:
        """Fill what was decided at the previous close."""

    def within(self, index: int) -> None:
        """Limit orders the candle's range reaches."""

    def at_close(self, index: int) -> None:
        """Decide what to do at the next open."""


@dataclass
class _Intent:
    close: bool
    side: int = 0
    weight: Decimal = Decimal(0)


class TargetStrategy(Strategy):
    """Strategies that want a side per ticker, filled at the next open (scripts, pair trading)."""

    def __init__(self, plan: Plan, series: list[Candles], book: Book) -> None:
        super().__init__(plan, series, book)
        self.pending: dict[str, _Intent] = {}
        self.by_ticker = {c.ticker: c for c in series}

    def side_of(self, ticker: str) -> int:
        position = self.book.positions.get((ticker, 0))
        return position.side if position is not None else 0

    def want(self, ticker: str, side: int, weight: Decimal) -> None:
        """Hold ``side`` (0 = flat) on ``ticker`` from the next open."""
        current = self.side_of(ticker)
        if side == current:
            return
        self.pending[ticker] = _Intent(close=current != 0, side=side, weight=weight)

    def at_open(self, index: int) -> None:
        if not self.pending:
            return
        pending, self.pending = self.pending, {}
        for ticker, intent in pending.items():
            if intent.close and (ticker, 0) in self.book.positions:
                self.book.close_at_market((ticker, 0), self.by_ticker[ticker].open[index], self.series[0].times[index])
        marks = {c.ticker: c.open[index] for c in self.series}
        # Every entry of a candle is sized on the same equity, measured after that candle's exits.
        equity = {pool: self.book.equity(marks, pool) for pool in range(len(self.book.pools))}
        for ticker, intent in pending.items():
            if intent.side == 0 or (ticker, 0) in self.book.positions:
                continue
            candles = self.by_ticker[ticker]
            notional = intent.weight * equity[self.book.pool_of[ticker]] * self.book.leverage[ticker]
            fill = self.book.market_fill(candles.open[index], buying=intent.side > 0)
            self.book.open((ticker, 0), intent.side, notional, fill, candles.times[index], index)


class ScriptStrategy(TargetStrategy):
    def __init__(self, plan: Plan, series: list[Candles], book: Book, data: MarketData) -> None:
        super().__init__(plan, series, book)
        program = plan.program
        assert program is not None
        # A signal names a ticker the way the script spells it; the book knows the universe's spelling.
        spelled = {c.market: c.ticker for c in series}
        self.rules: dict[str, tuple[list[tuple[Action, list[bool]]], list[list[bool]]]] = {}
        for named in program.tickers():
            market = ticker_market(data, named)
            assert market is not None
            candles = self.by_ticker[spelled[market]]
            try:
                signals = program.signals(named, candles.floats)
            except ScriptError as error:
                raise SimulationError(error.report(TIMEFRAME_SECONDS[plan.timeframe])) from None
            entries, exits = self.rules.setdefault(candles.ticker, ([], []))
            entries.extend((s.action, s.condition) for s in signals if s.action.kind == "entry")
            exits.extend(s.condition for s in signals if s.action.kind == "exit")

    def at_close(self, index: int) -> None:
        for ticker, (entries, exits) in self.rules.items():
            active = next((action for action, condition in entries if condition[index]), None)
            current = self.side_of(ticker)
            if exits:  # sticky entries: hold until an exit (which wins over an entry) or a reversal
                if any(condition[index] for condition in exits):
                    side, weight = 0, Decimal(0)
                elif active is not None:
                    side, weight = _side(active), active.weight or Decimal(0)
                else:
                    side, weight = current, Decimal(0)
            elif active is not None:  # holding entries: the position lasts while a condition is true
                side, weight = _side(active), active.weight or Decimal(0)
            else:
                side, weight = 0, Decimal(0)
            self.want(ticker, side, weight)


def _side(action: Action) -> int:
    return 1 if action.side == "long" else -1


class PairStrategy(TargetStrategy):
    def __init__(self, plan: Plan, series: list[Candles], book: Book) -> None:
        super().__init__(plan, series, book)
        lookback = int(plan.parameters["lookback"])
        self.entry = float(plan.parameters["entry_zscore"])
        self.exit = float(plan.parameters["exit_zscore"])
        self.weight = Decimal("0.5") if plan.cross else Decimal(1)
        length = len(series[0].times)
        if lookback > length:
            raise SimulationError(
                f"TA_OUT_OF_RANGE: pair_trading's lookback of {lookback} candles needs {lookback} candles of "
                f"history; the range holds {length}. Start the date range earlier or use a shorter lookback."
            )
        a, b = series[0], series[1]
        spread = [math.log(float(x) / float(y)) for x, y in zip(a.close, b.close, strict=True)]
        # The z-score is a DSL expression over the spread: the evaluator's drift-free rolling statistics.
        zscore = Evaluator(dict.fromkeys(VARIABLES, spread)).series(
            f"(close - sma(close, {lookback})) / stdev(close, {lookback})"
        )
        assert isinstance(zscore, list)
        self.zscore: list[float | None] = [None if z is None else float(z) for z in zscore]
        self.state = 0  # 1 long the spread (long A, short B), -1 short it

    def at_close(self, index: int) -> None:
        z = self.zscore[index]
        if z is None:
            return
        state = self.state
        if state == 0 and z > self.entry:
            state = -1
        elif state == 0 and z < -self.entry:
            state = 1
        elif (state == 1 and z >= -self.exit) or (state == -1 and z <= self.exit):
            state = 0
        if state == self.state:
            return
        self.state = state
        for ticker, side in ((self.series[0].ticker, state), (self.series[1].ticker, -state)):
            if side < 0 and self.book.spot[ticker]:
                side = 0  # spot cannot short: that leg stays flat
            self.want(ticker, side, self.weight)


class DcaStrategy(Strategy):
    closes_at_end = False

    def __init__(self, plan: Plan, series: list[Candles], book: Book) -> None:
        super().__init__(plan, series, book)
        self.amount = Decimal(str(plan.parameters["amount_per_order"]))
        self.interval = timedelta(seconds=TIMEFRAME_SECONDS[str(plan.parameters["interval"])])
        self.due = series[0].times[0]
        self.lots = 0
        # Dollar-cost averaging buys what it pays for: each buy spends `amount_per_order`, unleveraged.
        for candles in series:
            book.leverage[candles.ticker] = Decimal(1)

    def at_open(self, index: int) -> None:
        moment = self.series[0].times[index]
        if moment < self.due:
            return
        while self.due <= moment:
            self.due += self.interval
        for candles in self.series:
            pool = self.book.pool_of[candles.ticker]
            if self.book.pools[pool] < self.amount:
                continue  # the cash has run out
            self.lots += 1
            fill = self.book.market_fill(candles.open[index], buying=True)
            notional = self.amount / (1 + self.plan.fee)
            self.book.open((candles.ticker, self.lots), 1, notional, fill, moment, index)


class GridStrategy(Strategy):
    def __init__(self, plan: Plan, series: list[Candles], book: Book) -> None:
        super().__init__(plan, series, book)
        lower = Decimal(str(plan.parameters["lower_price"]))
        upper = Decimal(str(plan.parameters["upper_price"]))
        count = int(plan.parameters["grid_count"])
        self.levels: dict[str, list[Decimal]] = {}
        for candles in series:
            tick = candles.market.tick
            raw = [lower + (upper - lower) * k / (count - 1) for k in range(count)]
            self.levels[candles.ticker] = sorted({max((v / tick).quantize(Decimal(1)) * tick, tick) for v in raw})
        share = plan.initial / len(series)
        self.budget = share / (count - 1)
        self.held: dict[str, list[int]] = {c.ticker: [] for c in series}  # lots held, sorted

    def within(self, index: int) -> None:
        for candles in self.series:
            ticker = candles.ticker
            levels = self.levels[ticker]
            # A lot the book liquidated (a leveraged grid) is gone: it is no longer held, and can be bought again.
            held = self.held[ticker] = [lot for lot in self.held[ticker] if (ticker, lot) in self.book.positions]
            opened, high, low = candles.open[index], candles.high[index], candles.low[index]
            moment = candles.times[index]
            # Sell first: lot k sells at level k + 1 when the candle trades up to it (not the candle it was bought).
            top = bisect.bisect_right(levels, high) - 1  # highest level the candle reached
            sold = set()
            for lot in held[: bisect.bisect_right(held, top - 1)]:
                position = self.book.positions[(ticker, lot)]
                if position.entry_index == index:
                    continue
                self.book.close((ticker, lot), max(levels[lot + 1], opened), moment)
                held.remove(lot)
                sold.add(lot)
            previous = candles.close[index - 1] if index else opened
            first = bisect.bisect_left(levels, low)  # lowest level the candle reached
            last = bisect.bisect_left(levels, previous) - 1  # highest level below the previous close
            leverage = self.book.leverage[ticker]
            notional = self.budget * leverage / (1 + self.plan.fee * leverage)
            for lot in range(max(first, 0), min(last, len(levels) - 2) + 1):
                if lot in sold or (ticker, lot) in self.book.positions:
                    continue
                if self.book.open((ticker, lot), 1, notional, min(levels[lot], opened), moment, index):
                    bisect.insort(held, lot)


# ---- the run -------------------------------------------------------------------------------


@dataclass
class Outcome:
    curve: list[tuple[datetime, Decimal]]
    trades: list[Trade]
    final: Decimal
    exposed: int
    candles: int
    stopped: str | None = None
    notes: list[str] = field(default_factory=list)


def _strategy(data: MarketData, plan: Plan, series: list[Candles], book: Book) -> Strategy:
    if plan.strategy_type == "signal":
        return ScriptStrategy(plan, series, book, data)
    if plan.strategy_type == "pair_trading":
        return PairStrategy(plan, series, book)
    if plan.strategy_type == "dca":
        return DcaStrategy(plan, series, book)
    return GridStrategy(plan, series, book)


def run(data: MarketData, plan: Plan, series: list[Candles]) -> Outcome:
    book = Book(plan, series)
    strategy = _strategy(data, plan, series, book)
    clock = series[0]
    count = len(clock.times)
    curve: list[tuple[datetime, Decimal]] = [(clock.times[0], plan.initial)]
    low = plan.initial * (1 - plan.stop_loss / 100) if plan.stop_loss is not None else None
    high = plan.initial * (1 + plan.take_profit / 100) if plan.take_profit is not None else None
    stopped: str | None = None
    exposed = 0
    for index in range(count):
        if stopped is None:
            strategy.at_open(index)
            strategy.within(index)
            if not plan.cross:
                book.liquidate(index)
            elif book.wipe_out(index):
                stopped = (
                    f"the portfolio's equity reached zero during the candle of {iso(clock.times[index])}: "
                    "everything was liquidated"
                )
        marks = {c.ticker: c.close[index] for c in series}
        equity = book.equity(marks)
        if stopped is None:
            # (In cross mode the equity at the close is above zero: wipe_out checked the candle's worst prices.)
            if low is not None and equity <= low:
                stopped = f"the stop-loss ({plan.stop_loss}%) closed everything on {iso(clock.ends[index])}"
            elif high is not None and equity >= high:
                stopped = f"the take-profit ({plan.take_profit}%) closed everything on {iso(clock.ends[index])}"
            if stopped is not None:
                book.close_all(index, at_close=True)
                equity = book.equity(marks)
        if book.positions:
            exposed += 1
        if stopped is None:
            strategy.at_close(index)
        curve.append((clock.ends[index], equity))
    last = count - 1
    if strategy.closes_at_end:
        book.close_all(last, at_close=True)
        trades = book.trades
    else:
        trades = book.trades + book.open_trades(last)
    final = book.final_equity({c.ticker: c.close[last] for c in series})
    curve[-1] = (curve[-1][0], final)
    order = {ticker: position for position, ticker in enumerate(plan.tickers)}
    trades = sorted(trades, key=lambda t: (t.entry_time, order[t.ticker], t.sequence))
    return Outcome(curve, trades, final, exposed, count, stopped)


# ---- results -------------------------------------------------------------------------------


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


def simulate(data: MarketData, backtest: Backtest, completed_at: datetime) -> Result:
    """Run the backtest; ``SimulationError`` when the job fails."""
    request = backtest.request
    with localcontext() as context:
        context.prec = 60  # quantities times prices of cheap coins need more than the default 28 digits
        try:
            plan = plan_of(data, request, backtest.created_at)
            outcome = run(data, plan, load_candles(data, plan, backtest.created_at))
        except InvalidOperation:
            raise SimulationError("The amounts of this backtest are beyond what the sandbox simulates.") from None
        return _result(plan, outcome, backtest, completed_at)


def _result(plan: Plan, outcome: Outcome, backtest: Backtest, completed_at: datetime) -> Result:
    request = backtest.request
    trades = [_trade_view(backtest.result_id, index, trade) for index, trade in enumerate(outcome.trades)]
    points, deepest = _equity_points(outcome.curve)
    metrics = _metrics(plan, outcome, deepest)
    per_ticker = [_ticker_performance(ticker, outcome.trades, plan.initial) for ticker in plan.tickers]
    summary = {
        "result_id": backtest.result_id,
        "backtest_id": backtest.backtest_id,
        "dashboard_url": DASHBOARD + backtest.result_id,
        "strategy_type": plan.strategy_type,
        "universe": list(request["universe"]),
        "exchange": request.get("exchange", "binance"),
        "timeframe": plan.timeframe,
        "start_date": request["start_date"],
        "end_date": request["end_date"],
        "initial_cash": money(plan.initial),
        "final_equity": money(outcome.final),
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
        equity=points,
        analysis=_analysis(plan, summary, metrics, per_ticker, outcome),
        period_days=period_days(request),
        created_at=completed_at,
    )


def _trade_view(result_id: str, index: int, trade: Trade) -> dict[str, Any]:
    return {
        "trade_id": f"trd_{_hash(result_id, index) % 16**10:010X}",
        "ticker": trade.ticker,
        "side": "long" if trade.side > 0 else "short",
        "entry_time": iso(trade.entry_time),
        "exit_time": iso_or_none(trade.exit_time),
        "entry_price": money(trade.entry_price),
        "exit_price": money(trade.exit_price) if trade.exit_price is not None else None,
        "quantity": money(trade.quantity),
        "pnl": money(trade.pnl),
        "fee": money(trade.fee),
        "return_pct": round(float(trade.pnl / trade.margin * 100), 2) if trade.margin > 0 else 0.0,
    }


def _drawdowns(values: Sequence[Decimal]) -> list[float]:
    out: list[float] = []
    peak = values[0]
    for value in values:
        peak = max(peak, value)
        fall = 100.0 if peak <= 0 else float((peak - value) / peak * 100)
        out.append(round(min(max(fall, 0.0), 100.0), 2))
    return out


def _equity_points(curve: list[tuple[datetime, Decimal]]) -> tuple[list[dict[str, Any]], float]:
    """The curve as points (at most ``MAX_POINTS``: first, last and deepest kept) and its deepest drawdown."""
    drawdowns = _drawdowns([value for _, value in curve])
    deepest = max(drawdowns)
    keep: Sequence[int] = range(len(curve))
    if len(curve) > MAX_POINTS:
        step = (len(curve) - 1) / (MAX_POINTS - 2)
        evenly = {round(k * step) for k in range(MAX_POINTS - 1)}  # includes the first and the last
        keep = sorted(evenly | {drawdowns.index(deepest)})
    points = [{"timestamp": iso(curve[i][0]), "equity": money(curve[i][1]), "drawdown_pct": drawdowns[i]} for i in keep]
    return points, deepest


def _metrics(plan: Plan, outcome: Outcome, deepest: float) -> dict[str, Any]:
    initial, final = plan.initial, outcome.final
    growth = float(final / initial)
    seconds = (outcome.curve[-1][0] - outcome.curve[0][0]).total_seconds()
    total_return = (growth - 1) * 100
    if growth <= 0:
        annualized = -100.0
    elif seconds <= 0:
        annualized = total_return
    else:
        annualized = (math.exp(min(math.log(growth) * YEAR / seconds, 50.0)) - 1) * 100
    returns = [float(after / before - 1) for (_, before), (_, after) in itertools.pairwise(outcome.curve) if before > 0]
    per_year = math.sqrt(YEAR / TIMEFRAME_SECONDS[plan.timeframe])
    mean = sum(returns) / len(returns) if returns else 0.0
    deviation = math.sqrt(sum((r - mean) ** 2 for r in returns) / (len(returns) - 1)) if len(returns) > 1 else 0.0
    downside = math.sqrt(sum(min(r, 0.0) ** 2 for r in returns) / len(returns)) if returns else 0.0
    trades = outcome.trades
    count = len(trades)
    gains = sum((t.pnl for t in trades if t.pnl > 0), Decimal(0))
    losses = -sum((t.pnl for t in trades if t.pnl < 0), Decimal(0))
    trade_returns = [float(t.pnl / t.margin * 100) for t in trades if t.margin > 0]
    return {
        "total_return_pct": round(total_return, 2),
        "annualized_return_pct": round(annualized, 2),
        "max_drawdown": deepest,
        "sharpe_ratio": _ratio(mean / deviation * per_year) if deviation > 1e-15 else None,
        "sortino_ratio": _ratio(mean / downside * per_year) if downside > 1e-15 else None,
        "calmar_ratio": _ratio(annualized / deepest) if deepest > 0 else None,
        "win_rate": round(sum(1 for t in trades if t.pnl > 0) / count, 4) if count else 0.0,
        "num_trades": count,
        "profit_factor": _ratio(float(gains / losses)) if losses > 0 else None,
        "avg_trade_return_pct": round(sum(trade_returns) / len(trade_returns), 2) if trade_returns else 0.0,
        "exposure_pct": round(outcome.exposed / outcome.candles * 100, 2) if outcome.candles else 0.0,
    }


def _ratio(value: float) -> float | None:
    return round(value, 2) if math.isfinite(value) else None


def _ticker_performance(ticker: str, trades: list[Trade], initial: Decimal) -> dict[str, Any]:
    mine = [t.pnl for t in trades if t.ticker == ticker]
    pnl = sum(mine, Decimal(0))
    return {
        "ticker": ticker,
        "num_trades": len(mine),
        "total_return_pct": round(float(pnl / initial * 100), 2),
        "pnl": money(pnl),
        "win_rate": round(sum(1 for value in mine if value > 0) / len(mine), 4) if mine else 0.0,
    }


def _figure(value: float | None, unit: str = "") -> str:
    return "n/a" if value is None else f"{value}{unit}"


def _analysis(
    plan: Plan,
    summary: dict[str, Any],
    metrics: dict[str, Any],
    per_ticker: list[dict[str, Any]],
    outcome: Outcome,
) -> str:
    """A short reading of the figures, in markdown."""
    total, drawdown, sharpe = metrics["total_return_pct"], metrics["max_drawdown"], metrics["sharpe_ratio"]
    count = metrics["num_trades"]
    if sharpe is None:
        verdict = "There is too little variation in the equity to judge the risk-adjusted return."
    elif sharpe >= 1:
        verdict = "The risk-adjusted return is strong."
    elif sharpe > 0:
        verdict = "The risk-adjusted return is positive but modest."
    else:
        verdict = "The risk-adjusted return is negative."
    if drawdown > abs(total):
        verdict += f" The worst drawdown ({drawdown}%) was deeper than the total return ({total}%)."
    lines = [
        "## Summary",
        "",
        f"The {plan.strategy_type} strategy on {', '.join(plan.tickers)} ({plan.timeframe} candles, "
        f"{'cross' if plan.cross else 'isolated'} margin) returned {total}% from {summary['start_date']} to "
        f"{summary['end_date']} ({metrics['annualized_return_pct']}% annualised), taking "
        f"{summary['initial_cash']} to {summary['final_equity']}.",
        "",
        "## Risk",
        "",
        f"Maximum drawdown {drawdown}%, Sharpe ratio {_figure(sharpe)}, Sortino ratio "
        f"{_figure(metrics['sortino_ratio'])}, Calmar ratio {_figure(metrics['calmar_ratio'])}. {verdict}",
        "",
        "## Trades",
        "",
    ]
    if count:
        lines.append(
            f"{count} trades with a win rate of {round(metrics['win_rate'] * 100, 1)}%, a profit factor of "
            f"{_figure(metrics['profit_factor'])} and an average return of {metrics['avg_trade_return_pct']}% "
            f"per trade; a position was open {metrics['exposure_pct']}% of the time."
        )
        if len(per_ticker) > 1:
            ranked = sorted(per_ticker, key=lambda p: Decimal(p["pnl"]))
            lines.append(
                f"Best ticker: {ranked[-1]['ticker']} ({ranked[-1]['pnl']}); "
                f"worst: {ranked[0]['ticker']} ({ranked[0]['pnl']})."
            )
    else:
        lines.append("The strategy never traded: its entry conditions were not met in this range.")
    if outcome.stopped:
        lines += ["", f"Trading stopped early: {outcome.stopped}."]
    lines += [
        "",
        "## Note",
        "",
        "Simulated by the HeyTraders sandbox on its synthetic candles: fills at the next candle's open with "
        "the request's slippage and fees; open positions are closed at the last candle's close.",
    ]
    return "\n".join(lines) + "\n"
