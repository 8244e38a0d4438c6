"""Bulk rows (candles, trades, equity points, signals): exact, validated, and the same whichever path parses them.

The client decodes a bulk-row response from its bytes in one typed msgspec pass; anything that pass
does not accept (an error envelope, a bad row, an unknown field on the container) goes through the
general path, which must give the same objects or a clear error naming the row and the field.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import httpx
import pydantic
import pydantic_core
import pytest
from heytraders import HeyTraders, models
from heytraders._exceptions import APIResponseValidationError
from heytraders._rows import RowValidationError, rows_parser
from heytraders.errors import DataUnavailableError

BASE_URL = "http://sdk.test/api/v1"
CANDLE = {
    "timestamp": "2026-02-10T14:00:00Z",
    "open": "97120.5",
    "high": "97350.00",
    "low": "96980.1",
    "close": "97250.5",
    "volume": "152.3481",
}
TRADE = {
    "trade_id": "trd_01HQ3L1A2B",
    "ticker": "BINANCE:BTC/USDT",
    "side": "long",
    "entry_time": "2026-01-05T10:00:00Z",
    "exit_time": None,
    "entry_price": "42315.6",
    "exit_price": None,
    "quantity": "0.1182",
    "pnl": "181.02",
    "fee": "5.09",
    "return_pct": 3.62,
}
SIGNAL = {
    "signal_id": "sig_7a1c2e90",
    "subscription_id": "sub_4b7e91d2",
    "strategy_id": "ls_rsi_reversal_btc",
    "symbol": "BTC/USDT",
    "side": "long",
    "price": "94875.5",
    "weight": 0.5,
    "reason": "RSI(14) fell below 30 (27.8)",
    "generated_at": "2026-02-10T14:19:53Z",
}


def envelope(data: Any) -> dict[str, Any]:
    return {"success": True, "data": data, "error": None, "meta": {"timestamp": "2026-02-10T14:19:53Z"}}


def ohlcv(candles: list[Any], **extra: Any) -> dict[str, Any]:
    return {"symbol": "BTC/USDT", "exchange": "binance", "timeframe": "1h", "candles": candles, **extra}


def client_answering(body: bytes | str) -> HeyTraders:
    content = body.encode() if isinstance(body, str) else body

    def handle(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=content, headers={"content-type": "application/json"})

    return HeyTraders(api_key="ht_prov_rows_test", base_url=BASE_URL, transport=httpx.MockTransport(handle))


def fetch_ohlcv(body: bytes | str) -> models.Ohlcv:
    with client_answering(body) as client:
        return client.market.get_ohlcv(symbol="BTC/USDT")


def test_candles_keep_decimal_prices_and_aware_times() -> None:
    result = fetch_ohlcv(json.dumps(envelope(ohlcv([CANDLE]))))
    [candle] = result.candles
    assert isinstance(result, models.Ohlcv)
    assert isinstance(candle, models.Candle)
    assert candle.high == Decimal("97350.00") and str(candle.high) == "97350.00"  # the digits as sent
    assert candle.timestamp == datetime(2026, 2, 10, 14, tzinfo=UTC)
    assert result.timeframe is models.Timeframe.FIELD_1H


def test_json_numbers_become_the_decimal_of_their_exact_text() -> None:
    # The older document shows amounts as JSON numbers; a float would turn 0.1 into 0.1000000000000000055...
    raw = (
        '{"success": true, "data": {"symbol": "BTC/USDT", "exchange": "binance", "timeframe": "1h", "candles": ['
        '{"timestamp": "2026-02-10T14:00:00Z", "open": 0.1, "high": 138.20, "low": 0.10000000000000000001,'
        ' "close": 97250.5, "volume": 12}]}, "error": null, "meta": null}'
    )
    [candle] = fetch_ohlcv(raw).candles
    assert str(candle.open) == "0.1"
    assert str(candle.high) == "138.20"
    assert candle.low == Decimal("0.10000000000000000001")
    assert (candle.close, candle.volume) == (Decimal("97250.5"), Decimal(12))


def test_the_general_path_reads_json_numbers_exactly_too() -> None:
    # An unknown field on the container sends the body down the general path (to keep the field).
    raw = (
        '{"success": true, "data": {"symbol": "BTC/USDT", "exchange": "binance", "timeframe": "1h", "new": 1,'
        ' "candles": [{"timestamp": "2026-02-10T14:00:00Z", "open": 0.1, "high": 138.20,'
        ' "low": 0.10000000000000000001, "close": "97250.5", "volume": 12}]}, "error": null, "meta": null}'
    )
    result = fetch_ohlcv(raw)
    [candle] = result.candles
    assert result.model_extra == {"new": 1}
    assert (str(candle.open), str(candle.high)) == ("0.1", "138.20")
    assert candle.low == Decimal("0.10000000000000000001")


def test_both_paths_give_equal_rows() -> None:
    body = json.dumps(envelope(ohlcv([CANDLE, {**CANDLE, "timestamp": "2026-02-10T15:00:00+09:00"}])))
    fast = fetch_ohlcv(body)
    general = rows_parser(models.Candle, models.Ohlcv, "candles")(json.loads(body)["data"])
    validated = models.Ohlcv.model_validate(json.loads(body)["data"])
    assert fast == general == validated
    assert fast.candles[1].timestamp == datetime(2026, 2, 10, 6, tzinfo=UTC)


@pytest.mark.parametrize(
    ("row", "field", "value", "reason"),
    [
        (2, "open", "12,5", "invalid decimal"),
        (1, "close", None, "expected `decimal`"),
        (0, "timestamp", "2026-02-10T14:00:00", "timezone"),  # naive: which zone?
        (2, "volume", "NaN", "finite"),
        (1, "high", "-Infinity", "finite"),
    ],
)
def test_a_malformed_candle_names_the_row_and_the_field(row: int, field: str, value: Any, reason: str) -> None:
    candles = [dict(CANDLE) for _ in range(3)]
    candles[row][field] = value
    with pytest.raises(APIResponseValidationError) as caught:
        fetch_ohlcv(json.dumps(envelope(ohlcv(candles))))
    message = str(caught.value)
    assert f"candles[{row}].{field}: " in message
    assert reason in message.lower()
    cause = caught.value.__cause__
    assert isinstance(cause, RowValidationError) and (cause.row, cause.field) == (row, field)


def test_a_missing_field_names_it() -> None:
    candle = {key: value for key, value in CANDLE.items() if key != "low"}
    with pytest.raises(APIResponseValidationError, match=r"candles\[1\]: object missing required field `low`"):
        fetch_ohlcv(json.dumps(envelope(ohlcv([CANDLE, candle]))))


def test_raw_data_is_decoded_on_demand_after_the_fast_path() -> None:
    with client_answering(json.dumps(envelope(ohlcv([CANDLE])))) as client:
        raw = client.market.with_raw_response.get_ohlcv(symbol="BTC/USDT")
    assert raw.parse().candles[0].close == Decimal("97250.5")
    assert raw.data["candles"] == [CANDLE]
    assert raw.meta == {"timestamp": "2026-02-10T14:19:53Z"}


def test_unknown_fields_are_kept_on_the_model_and_skipped_on_rows() -> None:
    body = json.dumps(envelope(ohlcv([{**CANDLE, "trades": 1200}], next_start="2026-02-10T15:00:00Z")))
    result = fetch_ohlcv(body)
    assert result.model_extra == {"next_start": "2026-02-10T15:00:00Z"}
    assert result.candles[0].close == Decimal("97250.5")


def test_an_error_envelope_is_still_an_api_error() -> None:
    error = {
        "success": False,
        "data": None,
        "error": {"code": "DATA_UNAVAILABLE", "message": "No candles.", "suggestion": "Ask for another range."},
        "meta": None,
    }

    def handle(request: httpx.Request) -> httpx.Response:
        return httpx.Response(422, json=error)

    with (
        HeyTraders(api_key="ht_prov_rows_test", base_url=BASE_URL, transport=httpx.MockTransport(handle)) as client,
        pytest.raises(DataUnavailableError),
    ):
        client.market.get_ohlcv(symbol="BTC/USDT")


def test_trades_keep_nulls_and_open_enums() -> None:
    parse = rows_parser(models.BacktestTrade, models.BacktestTradePage, "trades")
    trades = [TRADE, {**TRADE, "side": "hedged", "exit_price": "42500"}]
    page = {"trades": trades, "total": 2, "limit": 100, "offset": 0}
    parsed, _ = parse.decode_envelope(json.dumps(envelope(page)).encode()) or (None, None)
    assert parsed is not None
    first, second = parsed.trades
    assert first.exit_price is None and first.exit_time is None
    assert first.side is models.PositionSide.LONG
    assert second.side == "hedged" and second.side.value == "hedged"  # an unknown value parses
    assert second.exit_price == Decimal("42500")
    assert parsed == parse(page)


def test_row_constraints_from_the_spec_still_apply() -> None:
    signal = {**SIGNAL, "weight": 1.5}  # above the spec's maximum of 1
    with pytest.raises(RowValidationError, match=r"data\[0\]\.weight: expected `float` <= 1"):
        rows_parser(models.Signal)([signal])
    with pytest.raises(RowValidationError, match=r"data\[0\]\.symbol"):
        rows_parser(models.Signal)([{**SIGNAL, "symbol": "btc-usdt"}])


def test_rows_are_immutable_hashable_and_dump_like_models() -> None:
    candle = models.Candle.model_validate(CANDLE)
    with pytest.raises(AttributeError):
        candle.close = Decimal(1)  # type: ignore[misc]
    assert hash(candle) == hash(models.Candle.model_validate(dict(CANDLE)))
    assert candle.model_dump(mode="json") == CANDLE
    assert candle.model_dump()["close"] == Decimal("97250.5")
    with pytest.raises(TypeError):
        models.Candle(CANDLE["timestamp"])  # type: ignore[call-arg, arg-type]  # keyword-only, like pydantic


def test_rows_inside_pydantic_models_validate_serialise_and_describe_themselves() -> None:
    result = models.Ohlcv.model_validate(ohlcv([CANDLE]))
    assert result.model_dump(mode="json")["candles"] == [CANDLE]
    assert json.loads(result.model_dump_json())["candles"][0]["close"] == "97250.5"
    schema = models.Ohlcv.model_json_schema()
    candle_schema = schema["properties"]["candles"]["items"]
    assert candle_schema["required"] == ["timestamp", "open", "high", "low", "close", "volume"]
    assert "$ref" not in json.dumps(candle_schema)
    with pytest.raises(pydantic.ValidationError, match=r"\[0\]\.close"):
        models.Ohlcv.model_validate(ohlcv([{**CANDLE, "close": "abc"}]))


def test_a_webhook_delivery_holds_a_signal_row() -> None:
    delivery = {
        "event": "signal",
        "subscription_id": "sub_4b7e91d2",
        "strategy_id": "ls_rsi_reversal_btc",
        "signal": SIGNAL,
        "error": None,
        "delivered_at": "2026-02-10T14:19:54Z",
    }
    parsed = models.WebhookDelivery.model_validate_json(json.dumps(delivery))
    assert isinstance(parsed.signal, models.Signal)
    assert parsed.signal.price == Decimal("94875.5")


def test_generic_pydantic_serialisation_handles_rows() -> None:
    # What tools built on pydantic-core (the MCP server's results) do with whatever the SDK returned.
    rows = rows_parser(models.Signal)([SIGNAL])
    assert pydantic_core.to_jsonable_python({"items": rows}) == {"items": [SIGNAL]}
    assert json.loads(pydantic_core.to_json(rows[0])) == SIGNAL


def test_a_list_of_rows_is_still_a_list() -> None:
    rows = rows_parser(models.Candle)([CANDLE, CANDLE])
    assert rows == [models.Candle.model_validate(CANDLE)] * 2
    assert isinstance(rows, list) and rows.row_type is models.Candle
    assert rows[:1] == [rows[0]]
