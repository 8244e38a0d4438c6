"""Reference data: markets, symbols, tickers, candles, funding, expressions, indicators, docs, health."""

from __future__ import annotations

from decimal import Decimal

from heytraders_mock import MockConfig, create_app

from .conftest import Mock

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
    assert error["details"]["rule"] == "known-exchange"
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
    mock.error("GET", "/market/ohlcv", 422, "DATA_UNAVAILABLE", key, params=backwards)


def test_funding_rates(mock: Mock) -> None:
    key = mock.register()
    rates = mock.ok("GET", "/market/funding-rates", key, params={"exchange": "hyperliquid"})
    assert {r["symbol"] for r in rates["rates"]} >= {"BTC/USDC:USDC", "ETH/USDC:USDC"}
    assert all(r["next_funding_time"] == "2026-03-01T13:00:00Z" for r in rates["rates"])
    one = mock.ok("GET", "/market/funding-rates", key, params={"exchange": "lighter", "symbol": "ETH/USDT"})
    assert [r["symbol"] for r in one["rates"]] == ["ETH/USDT:USDT"]


def test_expressions_evaluate_scan_and_rank(mock: Mock) -> None:
    key = mock.register()
    rsi = mock.ok("POST", "/market/evaluate", key, json={"expression": "rsi(close, 14)[-1]", "symbol": "BTC/USDT"})
    assert 0 <= rsi["value"] <= 100 and rsi["timeframe"] == "1h"
    condition = mock.ok(
        "POST", "/market/evaluate", key, json={"expression": "close > sma(close, 20)", "symbol": "BTC/USDT"}
    )
    assert isinstance(condition["value"], bool)
    scan = mock.ok("POST", "/market/scan", key, json={"universe": "top5", "condition": "close > 0"})
    assert scan["scanned_count"] == 5 and len(scan["matched"]) == 5
    ranked = mock.ok(
        "POST",
        "/market/rank",
        key,
        json={"universe": ["BTC/USDT", "ETH/USDT", "SOL/USDT"], "expression": "roc(close, 7)", "limit": 2},
    )
    assert [r["rank"] for r in ranked["ranked"]] == [1, 2] and ranked["ranked"][0]["score"] >= ranked["ranked"][1][
        "score"
    ]
    bad = mock.error(
        "POST",
        "/market/evaluate",
        400,
        "VALIDATION_ERROR",
        key,
        json={"expression": "magic(close)", "symbol": "BTC/USDT"},
    )
    assert bad["details"]["parameter"] == "expression" and "magic" in bad["message"]
    mock.error(
        "POST",
        "/market/evaluate",
        422,
        "TA_OUT_OF_RANGE",
        key,
        json={"expression": "sma(close, 500)", "symbol": "BTC/USDT"},
    )
    mock.error(
        "POST", "/market/scan", 400, "VALIDATION_ERROR", key, json={"universe": ["BTC/USDT"], "condition": "close"}
    )


def test_indicators_health_and_docs(mock: Mock) -> None:
    key = mock.register()
    catalog = mock.ok("GET", "/meta/indicators", key)
    assert {"rsi", "sma", "roc"} <= {i["name"] for i in catalog["indicators"]}
    assert mock.ok("GET", "/meta/health") == {"status": "ok", "version": "1.0.0", "timestamp": "2026-03-01T12:00:00Z"}
    index = mock.ok("GET", "/docs")["documents"]
    assert [d["path"] for d in index] == ["/docs/signal-dsl", "/docs/operators", "/docs/data", "/docs/api-reference"]
    doc = mock.ok("GET", "/docs/signal-dsl")
    assert doc["slug"] == "signal-dsl" and doc["content"].startswith("# Signal DSL")
    markdown = mock.call("GET", "/docs/api-reference", headers={"Accept": "text/markdown"})
    assert markdown.headers["content-type"].startswith("text/markdown")
    assert "| POST | `/orders` | trade |" in markdown.text
    assert mock.call("GET", "/docs", headers={"Accept": "text/markdown"}).text.startswith("# HeyTraders documents")
