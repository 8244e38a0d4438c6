"""The backtest script interpreter: the grammar, errors that name their line, look-backs, conditions."""

from __future__ import annotations

import ast
from decimal import Decimal

import pytest
from heytraders_mock import script as script_module
from heytraders_mock.dsl import Series
from heytraders_mock.script import MAX_CALLS, MAX_CHARACTERS, MAX_PARTS, MAX_STATEMENTS, ScriptError, parse

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


# ---- limits: what no script may exceed, each failing on the line that passes it ------------------------------


SIGNAL = f'emit_signal(close > 0, entry("{BTC}", "LONG", Weight(0.5)))'


def test_a_script_longer_than_the_limit_is_refused_before_it_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    script = "x = 1" + "+close" * 10_000 + "\n" + SIGNAL  # ~60 KB
    read: list[int] = []
    monkeypatch.setattr(script_module, "_statement", lambda number, *rest: read.append(number))
    error = error_of(script)
    assert read == []  # no line was parsed
    assert error.line == 0 and error.report().startswith(f"Script error: the script has {len(script):,} characters")
    assert f"at most {MAX_CHARACTERS:,} characters" in error.message


def test_the_statement_parts_and_call_limits_name_the_line_that_passes_them() -> None:
    statements = "\n".join(["# a comment does not count", ""] + [f"a{i} = close" for i in range(MAX_STATEMENTS)])
    error = error_of(f"{statements}\n{SIGNAL}")
    assert error.line == MAX_STATEMENTS + 3 and f"more than {MAX_STATEMENTS} statements" in error.message
    calls = "\n".join(f"a{i} = sma(close, {i + 2})" for i in range(MAX_CALLS + 1))
    error = error_of(f"{calls}\n{SIGNAL}")
    assert error.line == MAX_CALLS + 1 and f"more than {MAX_CALLS} function calls" in error.message
    sums = "\n".join(f"a{i} = " + " + ".join(["close"] * 30) for i in range(20))  # 118 parts a line
    error = error_of(f"{sums}\n{SIGNAL}")
    assert error.line == MAX_PARTS // 118 + 1 and f"more than {MAX_PARTS:,} expression parts" in error.message
    parse("\n".join(f"a{i} = sma(close, {i + 2})" for i in range(MAX_CALLS - 1)) + "\n" + SIGNAL)  # within


@pytest.mark.parametrize("depth", [45, 400, 3000, 19_000])
def test_a_deeply_nested_line_is_a_script_error_naming_it(depth: int) -> None:
    error = error_of(f"x = 1\ny = {'-' * depth}close\n{SIGNAL}")
    assert error.line == 2 and error.report().startswith("Script error on line 2, `y = ---")
    assert "40 levels deep" in error.message
    deep_call = error_of(f"x = 1\n{SIGNAL[:-2]}, {'-' * depth}1)")  # inside entry(...): not the condition
    assert deep_call.line == 2


def test_the_dsl_limits_hold_on_each_line() -> None:
    wide = " and ".join(["close > 1"] * 200)
    error = error_of(f"x = {wide}\n{SIGNAL}")
    assert error.line == 1 and "more than 600 parts" in error.message
    condition = error_of(f'emit_signal({"not " * 45}close > 1, exit("{BTC}"))')
    assert condition.line == 1 and "40 levels deep" in condition.message
    program = parse(f"x = 1\nslow = sma(close, 1e999)\n{SIGNAL}")
    with pytest.raises(ScriptError) as caught:
        program.signals(BTC, ohlcv([1.0] * 5))
    assert caught.value.report().startswith("Script error on line 2, `slow = sma(close, 1e999)`: sma: period must")


def test_a_long_line_is_quoted_shortened_in_messages() -> None:
    error = error_of(f"x = {'-' * 500}close\n{SIGNAL}")
    quoted = error.report().split("`")[1]
    assert len(quoted) == 100 and quoted.endswith("...")


def test_checking_names_is_linear_in_the_line(monkeypatch: pytest.MonkeyPatch) -> None:
    # One flat line of calls (their callee is a Name too): each call is looked at once, not once per name.
    # Counted, not timed: a timing bound fails on a loaded machine and passes a quadratic walk on a fast one.
    line = " and ".join(["abs(close) > 1"] * 70)  # 561 parts: within the DSL's 600, beyond MAX_CALLS
    looked_at: list[str] = []
    original = script_module._called

    def counting(call: ast.Call) -> str:
        looked_at.append(original(call))
        return looked_at[-1]

    monkeypatch.setattr(script_module, "_called", counting)
    with pytest.raises(ScriptError, match="function calls"):
        parse(f"x = {line}\n{SIGNAL}")
    assert looked_at == ["abs"] * 70


# ---- look-backs go through the evaluator, with the same values ------------------------------------------


def test_look_backs_are_the_evaluators_per_candle_shift() -> None:
    closes = [1.0, 4.0, 2.0, 8.0, 5.0, 7.0, 3.0]
    program = parse(
        "diff = close - open\n"
        f'emit_signal(close[-1] > close[-3] and diff[-2] == 0 and sma(close, 2)[-2] > 2, entry("{BTC}", "LONG", '
        "Weight(1)))"
    )
    (signal,) = program.signals(BTC, ohlcv(closes))
    expected = [
        i >= 2 and closes[i] > closes[i - 2] and (closes[i - 1] + closes[i - 2]) / 2 > 2 for i in range(len(closes))
    ]
    assert signal.condition == expected
    # A look-back past an indicator's warm-up needs its candles too.
    late = parse(f'emit_signal(sma(close, 4)[-5] > 0, entry("{BTC}", "LONG", Weight(1)))')
    with pytest.raises(ScriptError) as caught:
        late.signals(BTC, ohlcv(closes))
    assert caught.value.kind == "range" and "sma(close, 4)[-5] reaches back 5 candles; 7 are available" in str(
        caught.value
    )


# ---- TA_OUT_OF_RANGE says how much earlier to start -------------------------------------------------------


def test_out_of_range_says_how_much_earlier_to_start() -> None:
    program = parse(f'slow = sma(close, 200)\nemit_signal(close > slow, entry("{BTC}", "LONG", Weight(1)))')
    with pytest.raises(ScriptError) as caught:
        program.signals(BTC, ohlcv([1.0] * 32))
    error = caught.value
    assert (error.needed, error.available) == (200, 32)
    assert error.report(86400).endswith(
        "Start the date range at least 168 days earlier (168 more candles), or use a shorter period."
    )
    assert "at least 7 days earlier (168 more candles)" in error.report(3600)
    assert "at least 14 hours earlier (168 more candles)" in error.report(300)
    assert "at least 168 candles earlier" in error.report()
    look_back = parse(f'emit_signal(rsi(close, 14)[-10] > 50, exit("{BTC}"))')
    with pytest.raises(ScriptError) as caught:
        look_back.signals(BTC, ohlcv([1.0] * 20))
    assert (caught.value.needed, caught.value.available) == (24, 20)  # rsi's first value at candle 14, then 9 back
