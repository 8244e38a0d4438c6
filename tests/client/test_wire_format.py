"""Money on the wire, as the documents write it, and Decimal at the SDK's surface both ways.

The bytes the client sends are checked as bytes: a JSON-number money field carries the Decimal's own
digits (never a binary float's), order amounts go out as the newer document's decimal strings, and a
response amount parses exactly whether the server writes it as a number or as a string.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import httpx
import pytest
from heytraders import HeyTraders, RequestValidationError, _json

BASE_URL = "https://api.test/api/v1"
BACKTEST_ANSWER = (
    b'{"success":true,"data":{"backtest_id":"bt_01HQ3K8Z9M","status":"queued","created_at":"2026-02-10T14:19:53Z"},'
    b'"error":null,"meta":{"timestamp":"2026-02-10T14:19:53Z"}}'
)
ORDER_ANSWER = (
    b'{"success":true,"data":{"order_id":"ord_1","account_id":"acc_1","exchange":"binance","symbol":"BTC/USDT",'
    b'"side":"buy","order_type":"limit","status":"pending","amount":"0.1","price":"92000"},"error":null}'
)


class Wire:
    """A transport that records the raw request bodies and answers with fixed bytes."""

    def __init__(self, answer: bytes) -> None:
        self.answer = answer
        self.bodies: list[bytes] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.bodies.append(request.content)
        return httpx.Response(200, content=self.answer, headers={"content-type": "application/json"})


def client(wire: Wire) -> HeyTraders:
    return HeyTraders(api_key="ht_test_key", base_url=BASE_URL, transport=httpx.MockTransport(wire), max_retries=0)


def backtest(sdk: HeyTraders, **overrides: Any) -> None:
    arguments: dict[str, Any] = {
        "script": "x = close > 1",
        "universe": ["BINANCE:BTC/USDT"],
        "start_date": "2024-01-01",
        "end_date": "2024-06-30",
        **overrides,
    }
    sdk.backtest.execute_backtest(**arguments)


def test_json_number_money_carries_the_decimals_own_digits() -> None:
    wire = Wire(BACKTEST_ANSWER)
    backtest(
        client(wire),
        initial_cash=Decimal("10000.10"),
        trading_fee=Decimal("0.1"),
        slippage=Decimal("0.0005"),
        stop_loss=Decimal("12.5"),
    )
    body = wire.bodies[0]
    assert b'"initial_cash":10000.10' in body  # the trailing zero is the Decimal's own digit, kept
    assert b'"trading_fee":0.1,' in body  # not 0.1000000000000000055511151231257827
    assert b'"slippage":0.0005' in body and b'"stop_loss":12.5' in body


def test_the_documented_default_and_int_and_string_money_go_out_as_numbers() -> None:
    wire = Wire(BACKTEST_ANSWER)
    sdk = client(wire)
    backtest(sdk)
    backtest(sdk, initial_cash=2500)
    backtest(sdk, initial_cash="2500.50")
    assert b'"initial_cash":10000,' in wire.bodies[0]  # the documents' own `"initial_cash": 10000`
    assert b'"initial_cash":2500,' in wire.bodies[1]
    assert b'"initial_cash":2500.50,' in wire.bodies[2]


@pytest.mark.parametrize("value", [0.1, 10000.0])
def test_a_float_is_refused_for_json_number_money_before_anything_is_sent(value: float) -> None:
    wire = Wire(BACKTEST_ANSWER)
    with pytest.raises(RequestValidationError) as caught:
        backtest(client(wire), initial_cash=value)
    assert caught.value.parameter == "initial_cash" and "float" in str(caught.value)
    assert wire.bodies == []


def test_order_amounts_go_out_as_decimal_strings() -> None:
    wire = Wire(ORDER_ANSWER)
    client(wire).orders.place_order(
        account_id="acc_1",
        exchange="binance",
        symbol="BTC/USDT",
        side="buy",
        order_type="limit",
        amount=Decimal("0.10"),
        price=92000,
    )
    assert b'"amount":"0.10"' in wire.bodies[0] and b'"price":"92000"' in wire.bodies[0]


@pytest.mark.parametrize(
    ("wire_amount", "expected"),
    [
        (b"138.20", Decimal("138.20")),  # the older document's balances, as written
        (b'"138.20"', Decimal("138.20")),
        (b"0.1000000000000000055511151231257827", Decimal("0.1000000000000000055511151231257827")),
        (b"7", Decimal(7)),
        (b"1E-8", Decimal("1E-8")),
    ],
)
def test_response_amounts_parse_exactly_as_number_or_string(wire_amount: bytes, expected: Decimal) -> None:
    answer = (
        b'{"success":true,"data":{"account_id":"acc_1","balances":[{"asset":"USDC","free":'
        + wire_amount
        + b',"used":0.0,"total":'
        + wire_amount
        + b'}],"positions":[],"open_orders":[]},"error":null}'
    )
    balances = client(Wire(answer)).accounts.get_account_balances(account_id="acc_1")
    free = balances.balances[0].free
    assert isinstance(free, Decimal) and free == expected and str(free) == str(expected)
    assert balances.balances[0].used == Decimal("0.0")


def test_a_ratio_field_still_parses_as_a_float() -> None:
    """Statistics are plain numbers: a Decimal read off the wire becomes the model's float."""
    answer = (
        b'{"success":true,"data":{"total_return_pct":18.42,"max_drawdown":7.5,"sharpe_ratio":1.87,'
        b'"sortino_ratio":2.1,"calmar_ratio":1.2,"win_rate":0.55,"num_trades":42,"profit_factor":1.6},"error":null}'
    )
    metrics = client(Wire(answer)).backtest.get_backtest_metrics(result_id="res_1")
    assert metrics.total_return_pct == 18.42 and isinstance(metrics.total_return_pct, float)


def test_json_module_round_trips_and_refuses_non_numbers() -> None:
    value = {"a": [Decimal("0.1"), 1, "x", None, True], "b": {"c": Decimal("-0")}, "d": 1.5}
    text = _json.dumps(value)
    assert text == '{"a":[0.1,1,"x",null,true],"b":{"c":-0},"d":1.5}'
    assert _json.loads(text) == {"a": [Decimal("0.1"), 1, "x", None, True], "b": {"c": 0}, "d": Decimal("1.5")}
    for bad in (Decimal("NaN"), Decimal("Infinity"), float("nan")):
        with pytest.raises(ValueError):
            _json.dumps({"x": bad})
    with pytest.raises(ValueError):
        _json.loads('{"x": NaN}')
