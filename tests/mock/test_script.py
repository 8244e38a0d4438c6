"""The backtest script interpreter: the grammar, errors that name their line, look-backs, conditions."""

from __future__ import annotations

from decimal import Decimal

import pytest
from heytraders_mock.dsl import Series
from heytraders_mock.script import ScriptError, parse

BTC = "BINANCE:BTC/USDT"
RSI = f'oversold = rsi(close, 14) < 30\nemit_signal(oversold, entry("{BTC}", "LONG", Weight(0.5)))'


def ohlcv(closes: list[float]) -> dict[str, Series]:
    values: Series = list(closes)
    return {name: list(values) for name in ("open", "high", "low", "close", "volume")}


def error_of(script: str) -> ScriptError:
    with pytest.raises(ScriptError) as caught:
        parse(script)
    return caught.value


def test_the_documented_script() -> None:
    program = parse(RSI)
    assert program.tickers() == [BTC]
    (action,) = program.actions
    assert (action.kind, action.ticker, action.side, action.weight, action.line) == (
        "entry",
        BTC,
        "long",
        Decimal("0.5"),
        2,
    )


def test_blank_lines_comments_and_exits() -> None:
    script = (
        "# RSI bounce\n\n"
        "oversold = rsi(close, 14) < 30  # a trailing comment\n"
        f'emit_signal(oversold, entry("{BTC}", "SHORT", Weight(1)))\n'
        f'emit_signal(rsi(close, 14) > 70, exit("{BTC}"))\n'
    )
    program = parse(script)
    assert [(a.kind, a.side, a.line) for a in program.actions] == [("entry", "short", 4), ("exit", None, 5)]
    assert program.statements[0].text == "oversold = rsi(close, 14) < 30"


@pytest.mark.parametrize(
    ("script", "line", "words"),
    [
        (
            f'x = rsii(close, 14) < 30\nemit_signal(x, entry("{BTC}", "LONG", Weight(0.5)))',
            1,
            "unknown function 'rsii'",
        ),
        (f'x = close > 1\nemit_signal(y, entry("{BTC}", "LONG", Weight(0.5)))', 2, "unknown name 'y'"),
        (f'x = close > 1\nemit_signal(x, entry("{BTC}", "LONG", Weight(1.5)))', 2, "Weight(w)"),
        (f'x = close > 1\nemit_signal(x, entry("{BTC}", "LONG", Weight(0)))', 2, "Weight(w)"),
        (f'x = close > 1\nemit_signal(x, entry("{BTC}", "UP", Weight(0.5)))', 2, '"LONG" or "SHORT"'),
        ('x = close > 1\nemit_signal(x, entry("BTC", "LONG", Weight(0.5)))', 2, "EXCHANGE:BASE/QUOTE"),
        (f'close = 1\nemit_signal(close > 0, exit("{BTC}"))', 1, "reserved word"),
        (f'a = 1; b = 2\nemit_signal(a > b, exit("{BTC}"))', 1, "one statement per line"),
        (f'x = close >\nemit_signal(x, exit("{BTC}"))', 1, "invalid syntax"),
        (f'print(close)\nemit_signal(close > 0, exit("{BTC}"))', 1, "each line is"),
        (f'x = entry("{BTC}", "LONG", Weight(1))\nemit_signal(x, exit("{BTC}"))', 1, "can only stand in"),
        (f'x = 1\n\n# c\nemit_signal(x > 0, exit("{BTC}", "LONG"))', 4, "exit takes one argument"),
    ],
)
def test_errors_name_the_line_and_its_text(script: str, line: int, words: str) -> None:
    error = error_of(script)
    assert error.line == line and words in error.message
    text = script.splitlines()[line - 1]
    assert error.report().startswith(f"Script error on line {line}, `{text}`: ")


def test_an_unknown_function_lists_the_supported_ones() -> None:
    message = error_of(f'x = 1\nemit_signal(rsii(close, 14) < 30, entry("{BTC}", "LONG", Weight(0.5)))').report()
    assert message.startswith("Script error on line 2") and "'rsii'; supported: " in message and "rsi" in message


def test_a_script_without_a_signal_is_an_error() -> None:
    error = error_of("x = rsi(close, 14) < 30")
    assert error.line == 0 and error.report().startswith("Script error: the script emits no signal")


def test_look_backs_never_see_the_future() -> None:
    program = parse(f'rising = close[-1] > close[-2]\nemit_signal(rising, entry("{BTC}", "LONG", Weight(1)))')
    (signal,) = program.signals(BTC, ohlcv([1, 2, 3, 2, 5]))
    assert signal.condition == [False, True, True, False, True]  # candle 0 has no previous close


def test_a_look_back_longer_than_the_range_is_ta_out_of_range() -> None:
    program = parse(f'emit_signal(close[-10] > 0, entry("{BTC}", "LONG", Weight(1)))')
    with pytest.raises(ScriptError) as caught:
        program.signals(BTC, ohlcv([1.0] * 5))
    assert caught.value.kind == "range" and caught.value.report().startswith("TA_OUT_OF_RANGE: line 1, `")


def test_an_indicator_longer_than_the_range_is_ta_out_of_range() -> None:
    program = parse(f'slow = sma(close, 50)\nemit_signal(close > slow, entry("{BTC}", "LONG", Weight(1)))')
    with pytest.raises(ScriptError) as caught:
        program.signals(BTC, ohlcv([1.0] * 20))
    assert caught.value.report().startswith("TA_OUT_OF_RANGE: line 1, `slow = sma(close, 50)`: sma")


def test_undefined_candles_are_false_and_a_condition_must_be_boolean() -> None:
    program = parse(f'emit_signal(close > sma(close, 3), entry("{BTC}", "LONG", Weight(1)))')
    (signal,) = program.signals(BTC, ohlcv([1, 2, 3, 4]))
    assert signal.condition == [False, False, True, True]
    numeric = parse(f'emit_signal(sma(close, 2), entry("{BTC}", "LONG", Weight(1)))')
    with pytest.raises(ScriptError, match="true or false"):
        numeric.signals(BTC, ohlcv([1, 2, 3]))


def test_signals_are_evaluated_per_ticker() -> None:
    eth = "BINANCE:ETH/USDT"
    program = parse(
        f'up = close > 2\nemit_signal(up, entry("{BTC}", "LONG", Weight(0.5)))\n'
        f'emit_signal(not up, entry("{eth}", "LONG", Weight(0.5)))'
    )
    assert program.tickers() == [BTC, eth]
    (btc,) = program.signals(BTC, ohlcv([1, 3]))
    (other,) = program.signals(eth, ohlcv([3, 1]))
    assert btc.condition == [False, True] and other.condition == [False, True]
