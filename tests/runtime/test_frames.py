"""Rows to DataFrames: the documented column types, exact decimals on request, a clear error without the extra."""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from decimal import Decimal

import pandas as pd
import polars as pl
import pytest
from heytraders import models
from heytraders._rows import RowList, rows_parser

CANDLES = [
    {
        "timestamp": f"2026-02-10T{hour:02d}:00:00Z",
        "open": "97120.5",
        "high": "97350.125",
        "low": "96980",
        "close": f"97250.{hour}",
        "volume": "152.3481",
    }
    for hour in range(3)
]
TRADES = [
    {
        "trade_id": "trd_1",
        "ticker": "BINANCE:BTC/USDT",
        "side": "long",
        "entry_time": "2026-01-05T10:00:00Z",
        "exit_time": "2026-01-06T10:00:00+01:00",
        "entry_price": "42315.6",
        "exit_price": "42500.1",
        "quantity": "0.1182",
        "pnl": "181.02",
        "fee": "5.09",
        "return_pct": 3.62,
    },
    {
        "trade_id": "trd_2",
        "ticker": "BINANCE:BTC/USDT",
        "side": "short",
        "entry_time": "2026-01-07T10:00:00Z",
        "exit_time": None,
        "entry_price": "42000",
        "exit_price": None,
        "quantity": "0.2",
        "pnl": "-12.5",
        "fee": "4.2",
        "return_pct": -0.15,
    },
]


def candles() -> RowList[models.Candle]:
    return rows_parser(models.Candle)(CANDLES)


def trades() -> RowList[models.BacktestTrade]:
    return rows_parser(models.BacktestTrade)(TRADES)


def test_pandas_columns_follow_the_fields_with_floats_and_utc_times() -> None:
    frame = candles().to_pandas()
    assert list(frame.columns) == ["timestamp", "open", "high", "low", "close", "volume"]
    assert str(frame["timestamp"].dtype) == "datetime64[us, UTC]"
    assert all(frame[name].dtype == "float64" for name in ["open", "high", "low", "close", "volume"])
    assert frame["close"].tolist() == [97250.0, 97250.1, 97250.2]
    assert frame["timestamp"][1] == pd.Timestamp("2026-02-10T01:00:00Z")


def test_pandas_exact_keeps_the_decimals() -> None:
    frame = candles().to_pandas(exact=True)
    assert frame["high"].dtype == object
    assert frame["high"].tolist() == [Decimal("97350.125")] * 3
    assert str(frame["low"][0]) == "96980"


def test_pandas_nulls_enums_and_numbers_of_trades() -> None:
    frame = trades().to_pandas()
    assert frame["side"].tolist() == ["long", "short"]  # plain strings, not enum members
    assert pd.isna(frame["exit_price"][1]) and frame["exit_price"][0] == 42500.1
    assert pd.isna(frame["exit_time"][1])
    assert frame["exit_time"][0] == pd.Timestamp("2026-01-06T09:00:00Z")  # converted to UTC
    assert frame["return_pct"].dtype == "float64"
    assert trades().to_pandas(exact=True)["exit_price"].tolist() == [Decimal("42500.1"), None]


def test_polars_columns_follow_the_fields_with_floats_and_utc_times() -> None:
    frame = candles().to_polars()
    assert frame.columns == ["timestamp", "open", "high", "low", "close", "volume"]
    assert frame.schema["timestamp"] == pl.Datetime("us", "UTC")
    assert all(frame.schema[name] == pl.Float64 for name in ["open", "high", "low", "close", "volume"])
    assert frame["timestamp"][2] == datetime(2026, 2, 10, 2, tzinfo=UTC)
    assert frame["close"].to_list() == [97250.0, 97250.1, 97250.2]


def test_polars_exact_decimals_take_the_largest_scale_of_the_column() -> None:
    rows = [{**CANDLES[0], "timestamp": f"2026-02-10T{hour:02d}:00:00Z"} for hour in range(20)]
    rows.append({**CANDLES[0], "timestamp": "2026-02-10T20:00:00Z", "open": "0.00001"})
    frame = rows_parser(models.Candle)(rows).to_polars(exact=True)
    assert isinstance(frame.schema["open"], pl.Decimal)
    assert frame["open"].to_list()[-1] == Decimal("0.00001")
    assert frame["open"].to_list()[0] == Decimal("97120.5")


def test_polars_nulls_and_enums_of_trades() -> None:
    frame = trades().to_polars()
    assert frame["side"].to_list() == ["long", "short"] and frame.schema["side"] == pl.String
    assert frame["exit_price"].to_list() == [42500.1, None]
    assert frame["exit_time"].to_list()[1] is None


def test_models_holding_rows_convert_their_rows() -> None:
    ohlcv = models.Ohlcv(symbol="BTC/USDT", exchange="binance", timeframe=models.Timeframe.FIELD_1H, candles=candles())
    assert ohlcv.to_pandas().shape == (3, 6)
    curve = models.EquityCurve.model_validate(
        {
            "result_id": "res_1",
            "points": [{"timestamp": "2026-02-10T14:00:00Z", "equity": "9987.42", "drawdown_pct": 0.13}],
        }
    )
    assert curve.to_polars().columns == ["timestamp", "equity", "drawdown_pct"]
    assert curve.to_pandas(exact=True)["equity"][0] == Decimal("9987.42")


def test_an_empty_list_of_a_known_row_type_has_the_columns() -> None:
    empty: RowList[models.Candle] = RowList(row_type=models.Candle)
    assert list(empty.to_pandas().columns) == ["timestamp", "open", "high", "low", "close", "volume"]
    assert empty.to_polars().shape == (0, 6)


@pytest.mark.parametrize(("method", "extra"), [("to_pandas", "pandas"), ("to_polars", "polars")])
def test_a_missing_extra_says_what_to_install(method: str, extra: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, extra, None)  # import now fails, as when it is not installed
    with pytest.raises(ImportError, match=rf"pip install 'heytraders\[{extra}\]'"):
        getattr(candles(), method)()
