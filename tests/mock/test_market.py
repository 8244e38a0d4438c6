"""Market data over HTTP: markets, symbols, tickers, candles, funding rates and expressions."""

from __future__ import annotations

import itertools
from decimal import Decimal
from typing import Any

import pytest
from heytraders_mock import MockConfig, create_app
from heytraders_mock.dsl import EXPRESSION_CANDLES, FUNCTIONS

from .conftest import SPEC, Key, Mock

TOKEN = "21742633143463906290569050155826241533067272736897614950488156847949938836455"


def test_markets_follow_the_specs_exchanges(mock: Mock) -> None:
    exchanges = {e["id"]: e for e in mock.ok("GET", "/meta/markets")["exchanges"]}
    assert set(exchanges) == {
        "binance",
        "binancefuturesusd",
        "upbit",
        "hyperliquid",
        "lighter",
        "polymarket",
        "gate",
        "gatefutures",
    }
    assert exchanges["hyperliquid"]["market_types"] == ["perpetual"] and exchanges["upbit"]["quote_currencies"] == [
        "KRW"
    ]


def test_symbols_default_to_binance_spot_and_filter(mock: Mock) -> None:
    listed = mock.ok("GET", "/market/symbols")
    assert (
        listed["exchange"] == "binance"
        and listed["market_type"] == "spot"
        and listed["count"] == len(listed["symbols"])
    )
    assert mock.ok("GET", "/market/tickers") == listed  # the older path, the same answer
    ranked = mock.ok("GET", "/market/symbols", params={"category": "top_market_cap", "limit": 3})["symbols"]
    assert [s["symbol"] for s in ranked] == ["BTC/USDT", "ETH/USDT", "XRP/USDT"]
    defi = mock.ok("GET", "/market/symbols", params={"sector": "defi"})["symbols"]
    assert defi and {s["sector"] for s in defi} == {"DeFi"}
    perps = mock.ok("GET", "/market/symbols", params={"exchange": "hyperliquid"})
    assert perps["market_type"] == "perpetual" and "BTC/USDC:USDC" in {s["symbol"] for s in perps["symbols"]}
    error = mock.error("GET", "/market/symbols", 400, "VALIDATION_ERROR", params={"exchange": "kraken"})
    assert error["details"]["rule"] == "enum"  # requests name a supported exchange: a closed enumeration
    mock.error("GET", "/market/symbols", 400, "VALIDATION_ERROR", params={"limit": "0"})


def test_tickers_and_data_unavailable(mock: Mock) -> None:
    key = mock.register()
    ticker = mock.ok("GET", "/market/ticker", key, params={"symbol": "BTC/USDT"})
    assert Decimal(ticker["bid"]) < Decimal(ticker["last"]) < Decimal(ticker["ask"])
    assert Decimal(ticker["low_24h"]) <= Decimal(ticker["last"]) <= Decimal(ticker["high_24h"])
    batch = mock.ok("POST", "/market/ticker", key, json={"symbols": ["ETH/USDT", "BTC/USDT"]})
    assert [t["symbol"] for t in batch] == ["ETH/USDT", "BTC/USDT"] and batch[1] == ticker
    error = mock.error(
        "POST", "/market/ticker", 422, "DATA_UNAVAILABLE", key, json={"symbols": ["BTC/USDT", "NOPE/USDT"]}
    )
    assert "NOPE/USDT" in error["message"]
    poly = mock.ok("GET", "/market/ticker", key, params={"symbol": TOKEN, "exchange": "polymarket"})
    assert Decimal(0) < Decimal(poly["last"]) < Decimal(1)
    krw = mock.ok("GET", "/market/ticker", key, params={"symbol": "BTC/KRW", "exchange": "upbit"})
    assert Decimal(krw["last"]) > Decimal(100_000_000)


def test_prices_move_with_the_clock_and_follow_the_seed(mock: Mock) -> None:
    key = mock.register()
    first = mock.ok("GET", "/market/ticker", key, params={"symbol": "BTC/USDT"})["last"]
    mock.advance(3600)
    assert mock.ok("GET", "/market/ticker", key, params={"symbol": "BTC/USDT"})["last"] != first
    other = Mock(create_app(MockConfig(seed=1)))
    assert other.ok("GET", "/market/ticker", other.register(), params={"symbol": "BTC/USDT"})["last"] != first


def test_ohlcv_candles(mock: Mock) -> None:
    key = mock.register()
    data = mock.ok("GET", "/market/ohlcv", key, params={"symbol": "ETH/USDT", "timeframe": "4h", "limit": 5})
    candles = data["candles"]
    assert len(candles) == 5 and candles[-1]["timestamp"] == "2026-03-01T12:00:00Z"
    for candle in candles:
        low, high = Decimal(candle["low"]), Decimal(candle["high"])
        assert low <= Decimal(candle["open"]) <= high and low <= Decimal(candle["close"]) <= high
    days = {"symbol": "BTC/USDT", "timeframe": "1d", "start": "2026-02-01T00:00:00Z", "end": "2026-02-10T00:00:00Z"}
    ranged = mock.ok("GET", "/market/ohlcv", key, params=days)
    assert [c["timestamp"][:10] for c in ranged["candles"]][:2] == ["2026-02-01", "2026-02-02"]
    assert len(ranged["candles"]) == 10
    monthly = mock.ok("GET", "/market/ohlcv", key, params={"symbol": "BTC/USDT", "timeframe": "1M", "limit": 2})
    assert [c["timestamp"] for c in monthly["candles"]] == ["2026-02-01T00:00:00Z", "2026-03-01T00:00:00Z"]
    future = {"symbol": "BTC/USDT", "start": "2027-01-01T00:00:00Z"}
    mock.error("GET", "/market/ohlcv", 422, "DATA_UNAVAILABLE", key, params=future)
    backwards = {"symbol": "BTC/USDT", "start": "2026-02-10T00:00:00Z", "end": "2026-02-01T00:00:00Z"}
    backwards_error = mock.error("GET", "/market/ohlcv", 400, "VALIDATION_ERROR", key, params=backwards)
    assert backwards_error["details"] == {
        "parameter": "start",
        "rule": "ohlcv-start-not-after-end",
        "value": "2026-02-10T00:00:00Z",
    }


def test_ohlcv_in_every_timeframe_ends_at_the_ticker(mock: Mock) -> None:
    key = mock.register()
    mock.advance(12_345)  # mid-candle in every timeframe
    timeframes = SPEC["components"]["schemas"]["Timeframe"]["enum"]
    for exchange, symbol in (("binance", "BTC/USDT"), ("upbit", "BTC/KRW"), ("polymarket", TOKEN)):
        last = mock.ok("GET", "/market/ticker", key, params={"symbol": symbol, "exchange": exchange})["last"]
        for timeframe in timeframes:
            params = {"symbol": symbol, "exchange": exchange, "timeframe": timeframe, "limit": 30}
            candles = mock.ok("GET", "/market/ohlcv", key, params=params)["candles"]
            assert len(candles) == 30 and candles[-1]["close"] == last
            assert all(a["close"] == b["open"] for a, b in itertools.pairwise(candles))
    btc = mock.ok("GET", "/market/ohlcv", key, params={"symbol": "BTC/USDT", "timeframe": "1d", "limit": 1000})
    assert all(Decimal(10_000) < Decimal(c["low"]) < Decimal(c["high"]) < Decimal(500_000) for c in btc["candles"])
    krw = mock.ok("GET", "/market/ohlcv", key, params={"symbol": "BTC/KRW", "exchange": "upbit", "limit": 1})
    assert Decimal(krw["candles"][0]["close"]) > Decimal(10_000_000)
    unknown = {"symbol": "NOPE/USDT", "timeframe": "1h"}
    assert "NOPE/USDT" in mock.error("GET", "/market/ohlcv", 422, "DATA_UNAVAILABLE", key, params=unknown)["message"]


def test_funding_rates(mock: Mock) -> None:
    key = mock.register()
    rates = mock.ok("GET", "/market/funding-rates", key, params={"exchange": "hyperliquid"})
    assert {r["symbol"] for r in rates["rates"]} >= {"BTC/USDC:USDC", "ETH/USDC:USDC"}
    assert all(r["next_funding_time"] == "2026-03-01T13:00:00Z" for r in rates["rates"])
    assert all(abs(r["funding_rate"]) <= 0.0005 and r["interval_hours"] == 1 for r in rates["rates"])
    one = mock.ok("GET", "/market/funding-rates", key, params={"exchange": "lighter", "symbol": "ETH/USDT"})
    assert [r["symbol"] for r in one["rates"]] == ["ETH/USDT:USDT"]
    ticker = mock.ok("GET", "/market/ticker", key, params={"exchange": "lighter", "symbol": "ETH/USDT"})
    assert one["rates"][0]["mark_price"] == ticker["last"]
    for exchange in ("binancefuturesusd", "gatefutures", "binance", "polymarket"):
        error = mock.error("GET", "/market/funding-rates", 400, "VALIDATION_ERROR", key, params={"exchange": exchange})
        assert error["details"]["parameter"] == "exchange"
    missing = {"exchange": "lighter", "symbol": "DOGE/USDT"}
    mock.error("GET", "/market/funding-rates", 422, "DATA_UNAVAILABLE", key, params=missing)


def test_hyperliquid_takes_the_documents_standard_symbols(mock: Mock) -> None:
    # The older document: Hyperliquid is a USDC DEX whose symbols are written "like BTC/USDT".
    key = mock.register()
    listed = mock.ok("GET", "/market/funding-rates", key, params={"exchange": "hyperliquid", "symbol": "BTC/USDC"})
    for symbol in ("BTC/USDT", "BTC/USDT:USDT", "BTC/USDC:USDC"):
        asked = mock.ok("GET", "/market/funding-rates", key, params={"exchange": "hyperliquid", "symbol": symbol})
        assert asked == listed and [r["symbol"] for r in asked["rates"]] == ["BTC/USDC:USDC"]
    ticker = mock.ok("GET", "/market/ticker", key, params={"exchange": "hyperliquid", "symbol": "ETH/USDT"})
    assert ticker["symbol"] == "ETH/USDC:USDC"
    for symbol in ("BTC/USDT:USDC", "BTC/KRW", "XRP/USDT"):
        params = {"exchange": "hyperliquid", "symbol": symbol}
        mock.error("GET", "/market/funding-rates", 422, "DATA_UNAVAILABLE", key, params=params)


def evaluate(mock: Mock, key: Key, expression: str, symbol: str = "BTC/USDT", **extra: str) -> Any:
    return mock.ok("POST", "/market/evaluate", key, json={"expression": expression, "symbol": symbol, **extra})


def test_expressions_evaluate_scan_and_rank(mock: Mock) -> None:
    key = mock.register()
    rsi = evaluate(mock, key, "rsi(close, 14)[-1]")
    # Expressions read closed candles: at 12:00 the last one is 11:00's (the 12:00 candle is still forming).
    assert 0 <= rsi["value"] <= 100 and rsi["timeframe"] == "1h" and rsi["timestamp"] == "2026-03-01T11:00:00Z"
    assert isinstance(evaluate(mock, key, "close > sma(close, 20)")["value"], bool)
    mock.advance(1800)  # mid-candle: the forming candle differs from the last closed one
    candles = mock.ok("GET", "/market/ohlcv", key, params={"symbol": "ETH/USDT", "limit": 2})["candles"]
    value = evaluate(mock, key, "close", "ETH/USDT")
    assert Decimal(str(value["value"])) == Decimal(candles[0]["close"])
    assert value["timestamp"] == candles[0]["timestamp"]
    assert candles[1]["close"] == mock.ok("GET", "/market/ticker", key, params={"symbol": "ETH/USDT"})["last"]
    band = evaluate(mock, key, "bbands(close, 20, 2).upper - bbands(close, 20, 2).lower", timeframe="4h")
    width = evaluate(mock, key, "4 * stdev(close, 20)", timeframe="4h")
    assert band["value"] == pytest.approx(width["value"]) and band["value"] > 0
    assert evaluate(mock, key, "atr(14) > 0")["value"] is True
    macd = evaluate(mock, key, "macd(close).line - macd(close).signal - macd(close).hist")
    assert macd["value"] == pytest.approx(0, abs=1e-6)
    assert evaluate(mock, key, "1 / 0")["value"] is None
    scan = mock.ok("POST", "/market/scan", key, json={"universe": "top5", "condition": "close > 0"})
    assert scan["scanned_count"] == 5 and len(scan["matched"]) == 5
    assert scan["details"][0]["price"] == mock.ok("GET", "/market/ticker", key, params={"symbol": "BTC/USDT"})["last"]
    ranked = mock.ok(
        "POST",
        "/market/rank",
        key,
        json={"universe": ["BTC/USDT", "ETH/USDT", "SOL/USDT"], "expression": "roc(close, 7)", "limit": 2},
    )
    assert [r["rank"] for r in ranked["ranked"]] == [1, 2]
    assert ranked["ranked"][0]["score"] >= ranked["ranked"][1]["score"]
    mock.error(
        "POST", "/market/scan", 400, "VALIDATION_ERROR", key, json={"universe": ["BTC/USDT"], "condition": "close"}
    )
    rank_bool = {"universe": ["BTC/USDT"], "expression": "close > 0"}
    mock.error("POST", "/market/rank", 400, "VALIDATION_ERROR", key, json=rank_bool)


@pytest.mark.parametrize(
    ("expression", "says"),
    [
        ("magic(close)", "unknown function 'magic'"),
        ("__import__('os').system('true')", "cannot be called"),
        ("__import__('os')", "unknown function '__import__'"),
        ("close.__class__", "a dot only picks an output"),
        ("rsi(close 14)", "syntax error"),
        ("sma(close)", "sma takes 2 arguments"),
    ],
)
def test_a_bad_expression_is_a_validation_error_listing_what_is_supported(
    mock: Mock, expression: str, says: str
) -> None:
    key = mock.register()
    body = {"expression": expression, "symbol": "BTC/USDT"}
    error = mock.error("POST", "/market/evaluate", 400, "VALIDATION_ERROR", key, json=body)
    assert says in error["message"] and error["details"]["parameter"] == "expression"
    assert all(name in error["suggestion"] for name in FUNCTIONS)
    scan = {"universe": ["BTC/USDT"], "condition": expression}
    assert mock.error("POST", "/market/scan", 400, "VALIDATION_ERROR", key, json=scan)["details"]["parameter"] == (
        "condition"
    )


def test_too_little_history_is_ta_out_of_range(mock: Mock) -> None:
    key = mock.register()
    assert evaluate(mock, key, f"sma(close, {EXPRESSION_CANDLES})")["value"] is not None
    for expression in (f"sma(close, {EXPRESSION_CANDLES + 1})", "sma(sma(close, 300), 300)", "close[-501]"):
        body = {"expression": expression, "symbol": "BTC/USDT"}
        error = mock.error("POST", "/market/evaluate", 422, "TA_OUT_OF_RANGE", key, json=body)
        assert f"{EXPRESSION_CANDLES} are available" in error["message"]
    error = mock.error(
        "POST",
        "/market/rank",
        422,
        "TA_OUT_OF_RANGE",
        key,
        json={"universe": "top3", "expression": "rsi(close, 600)"},
    )
    assert error["message"] == "rsi(close, 600) needs 601 candles of history; 500 are available"
