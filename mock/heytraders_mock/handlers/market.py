"""market: symbols, tickers, funding rates, candles, and Signal DSL expressions over the market.

Choices: an exchange the spec does not know is ``VALIDATION_ERROR``; ``category`` knows
``top_market_cap`` (ranked symbols, best first) and ``trending`` (a seeded third of the list that
changes daily), any other category lists nothing; ``sector`` matches case-insensitively. Funding
rates exist for ``FUNDING_EXCHANGES`` only (the parameter's enumeration in the spec refuses the others first).
Expressions are parsed once per request and run over the last ``EXPRESSION_CANDLES`` closed candles
of each symbol: the candle still forming is left out, so a value does not repaint before its candle
closes (a minute-old hourly candle's volume would fail every ``volume > sma(volume, 20)``), and
signals agree with backtests, which act on closes. A DSL error becomes the API error
``docs.expression_error`` builds (``VALIDATION_ERROR`` listing what is supported, or
``TA_OUT_OF_RANGE``), which the docs show.
"""

from __future__ import annotations

import ast
import hashlib
from datetime import UTC, datetime, timedelta
from typing import Any

from ..clock import iso, money, parse_time
from ..context import Context, handles
from ..docs import expression_error
from ..dsl import EXPRESSION_CANDLES, DslError, Evaluator, Number, parse_expression
from ..errors import ApiError
from ..market import Market
from ..validation import invalid


def _market_type(ctx: Context, exchange: str) -> str:
    given = ctx.view.get("market_type")
    if given is not None:
        return str(given)
    return str(ctx.sandbox.api.exchanges[exchange]["default_market_type"])


def _trending(ctx: Context, market: Market) -> bool:
    day = int(ctx.now.timestamp()) // 86400
    digest = hashlib.sha256(f"{ctx.market.seed}:{market.symbol}:{day}".encode()).digest()
    return digest[0] % 3 == 0


def _symbols(ctx: Context) -> dict[str, Any]:
    exchange = ctx.exchange()
    market_type = _market_type(ctx, exchange)
    markets = [market for market in ctx.market.markets(exchange) if market.market_type == market_type]
    category = ctx.view.get("category")
    if category == "top_market_cap":
        markets = sorted((m for m in markets if m.rank is not None), key=lambda m: m.rank or 0)
    elif category == "trending":
        markets = [m for m in markets if _trending(ctx, m)]
    elif category is not None:
        markets = []
    sector = ctx.view.get("sector")
    if sector is not None:
        markets = [m for m in markets if (m.sector or "").lower() == str(sector).lower()]
    listed = [market.info() for market in markets[: ctx.arg("limit")]]
    return {"exchange": exchange, "market_type": market_type, "symbols": listed, "count": len(listed)}


@handles("list_symbols")
def list_symbols(ctx: Context) -> dict[str, Any]:
    return _symbols(ctx)


@handles("list_tickers")
def list_tickers(ctx: Context) -> dict[str, Any]:
    return _symbols(ctx)


@handles("get_ticker")
def get_ticker(ctx: Context) -> dict[str, Any]:
    exchange = ctx.exchange()
    return ctx.market.ticker(ctx.find_market(exchange, ctx.view["symbol"]), ctx.now)


@handles("get_tickers")
def get_tickers(ctx: Context) -> list[dict[str, Any]]:
    exchange = ctx.exchange()
    markets = [ctx.find_market(exchange, symbol) for symbol in ctx.view["symbols"]]
    return [ctx.market.ticker(market, ctx.now) for market in markets]


@handles("get_funding_rates")
def get_funding_rates(ctx: Context) -> dict[str, Any]:
    exchange = ctx.exchange()  # hyperliquid or lighter: the parameter's enumeration
    if "symbol" in ctx.view:
        markets = [ctx.find_market(exchange, ctx.view["symbol"])]
    else:
        markets = [m for m in ctx.market.markets(exchange) if m.market_type == "perpetual"]
    return {"exchange": exchange, "rates": [ctx.market.funding(market, ctx.now) for market in markets]}


@handles("get_ohlcv")
def get_ohlcv(ctx: Context) -> dict[str, Any]:
    exchange = ctx.exchange()
    market = ctx.find_market(exchange, ctx.view["symbol"])
    start = parse_time(ctx.view["start"]) if "start" in ctx.view else None
    end = parse_time(ctx.view["end"]) if "end" in ctx.view else None
    timeframe = str(ctx.arg("timeframe"))
    candles = ctx.market.candles(market, timeframe, ctx.now, int(ctx.arg("limit")), start, end)
    if not candles:
        raise ApiError(
            "DATA_UNAVAILABLE",
            f"No {timeframe} candles of {market.symbol} in the requested range.",
            f"Ask for a range with start before end, ending before the server time ({iso(ctx.now)}).",
            details={"symbol": market.symbol, "timeframe": timeframe},
        )
    return {"symbol": market.symbol, "exchange": exchange, "timeframe": timeframe, "candles": candles}


def _parse(expression: str, parameter: str) -> ast.expr:
    try:
        return parse_expression(expression)
    except DslError as error:
        raise expression_error(error, parameter, expression) from None


def _value(ctx: Context, market: Market, tree: ast.expr, expression: str, parameter: str) -> tuple[Number, str, str]:
    """The expression's value on the last candle of ``market``, that candle's open time and close."""
    timeframe = str(ctx.arg("timeframe"))
    [(forming, _)] = ctx.market.candle_opens(timeframe, ctx.now, 1)
    data = ctx.market.ohlcv(market, timeframe, ctx.now, EXPRESSION_CANDLES, end=forming - timedelta(seconds=1))
    if not data.timestamps:
        raise ApiError(
            "DATA_UNAVAILABLE",
            f"No {timeframe} candles of {market.symbol} before {iso(ctx.now)}.",
            "Ask again once the server time is past the start of the sandbox's history.",
            details={"symbol": market.symbol, "timeframe": timeframe},
        )
    try:
        value = Evaluator(data.columns()).evaluate(tree)
    except DslError as error:
        raise expression_error(error, parameter, expression) from None
    opened = iso(datetime.fromtimestamp(data.timestamps[-1], UTC))
    return value, opened, money(ctx.market.price(market, int(ctx.now.timestamp())))


@handles("evaluate_expression")
def evaluate_expression(ctx: Context) -> dict[str, Any]:
    exchange = ctx.exchange()
    market = ctx.find_market(exchange, ctx.view["symbol"])
    expression = ctx.view["expression"]
    value, opened, _ = _value(ctx, market, _parse(expression, "expression"), expression, "expression")
    return {
        "expression": ctx.view["expression"],
        "symbol": market.symbol,
        "exchange": exchange,
        "timeframe": ctx.arg("timeframe"),
        "value": value,
        "timestamp": opened,
    }


def _universe(ctx: Context, exchange: str) -> list[Market]:
    universe = ctx.view["universe"]
    if isinstance(universe, str):  # a preset such as top100
        return ctx.market.top(exchange, int(universe.removeprefix("top")))
    return [ctx.find_market(exchange, symbol) for symbol in universe]


@handles("scan_market")
def scan_market(ctx: Context) -> dict[str, Any]:
    exchange = ctx.exchange()
    condition = ctx.view["condition"]
    details = []
    markets = _universe(ctx, exchange)
    tree = _parse(condition, "condition")
    for market in markets:
        value, _, price = _value(ctx, market, tree, condition, "condition")
        if value is not None and not isinstance(value, bool):
            raise invalid(
                "condition",
                "boolean-condition",
                "must be a boolean expression",
                "Compare it, as in rsi(close, 14) < 30.",
                condition,
            )
        details.append({"symbol": market.symbol, "price": price, "matched": bool(value)})
    return {
        "matched": [item["symbol"] for item in details if item["matched"]],
        "details": details,
        "scanned_count": len(details),
    }


@handles("rank_market")
def rank_market(ctx: Context) -> dict[str, Any]:
    exchange = ctx.exchange()
    expression = ctx.view["expression"]
    scored: list[tuple[float, Market, str]] = []
    markets = _universe(ctx, exchange)
    tree = _parse(expression, "expression")
    for market in markets:
        value, _, price = _value(ctx, market, tree, expression, "expression")
        if isinstance(value, bool):
            raise invalid(
                "expression",
                "numeric-expression",
                "must be a numeric expression",
                "Rank by a number, as in roc(close, 7).",
                expression,
            )
        if value is not None:
            scored.append((float(value), market, price))
    scored.sort(key=lambda item: item[0], reverse=ctx.arg("order") == "desc")
    ranked = [
        {"rank": index + 1, "symbol": market.symbol, "score": round(score, 6), "price": money_text}
        for index, (score, market, money_text) in enumerate(scored[: int(ctx.arg("limit"))])
    ]
    return {"ranked": ranked, "scanned_count": len(markets)}
