"""The sandbox's Signal DSL evaluator: every indicator against hand-computed values, the operators,
look-back indexing, warm-up and range errors, and the parser's refusals."""

from __future__ import annotations

import ast
import math
import random
import time
from collections.abc import Sequence
from fractions import Fraction

import pytest
from heytraders_mock.dsl import FUNCTIONS, MAX_PERIOD, DslError, Evaluator, Number, Value, parse_expression

from .conftest import Mock

Values = Sequence[float | None]


def data(
    close: Sequence[float], high: Sequence[float] | None = None, low: Sequence[float] | None = None
) -> dict[str, list[Number]]:
    return {
        "open": list(close),
        "high": list(high if high is not None else close),
        "low": list(low if low is not None else close),
        "close": list(close),
        "volume": [1.0] * len(close),
    }


def series(expression: str, close: Sequence[float], **columns: Sequence[float]) -> Value:
    return Evaluator(data(close, **columns)).series(expression)


def approx(values: Values) -> list[object]:
    return [None if v is None else pytest.approx(v, rel=1e-12, abs=1e-12) for v in values]


def fail(expression: str, candles: int = 30) -> DslError:
    with pytest.raises(DslError) as caught:
        Evaluator(data([float(100 + i) for i in range(candles)])).evaluate(expression)
    return caught.value


# ---- independent reference formulas (exact fractions, written the textbook way) ----------------


def ref_ema(values: Sequence[Fraction], period: int, alpha: Fraction) -> list[Fraction | None]:
    out: list[Fraction | None] = [None] * (period - 1)
    current = sum(values[:period], Fraction(0)) / period
    out.append(current)
    for value in values[period:]:
        current = alpha * value + (1 - alpha) * current
        out.append(current)
    return out


# ---- moving averages and friends ---------------------------------------------------------------


def test_sma() -> None:
    assert series("sma(close, 3)", [1, 2, 3, 4, 5]) == [None, None, 2, 3, 4]
    assert Evaluator(data([1, 2, 3, 4, 5])).evaluate("sma(close, 3)[-1]") == 4
    assert series("sma(close, 1)", [7, 8]) == [7, 8]


def test_ema_is_seeded_with_the_sma() -> None:
    # alpha = 2 / (3 + 1) = 0.5: seed (2 + 4 + 6) / 3 = 4, then 0.5 * 8 + 0.5 * 4 = 6, 0.5 * 12 + 0.5 * 6 = 9
    assert series("ema(close, 3)", [2, 4, 6, 8, 12]) == [None, None, 4, 6, 9]
    # alpha = 0.4: seed 2.5, then 0.4 * 10 + 0.6 * 2.5 = 5.5
    assert series("ema(close, 4)", [1, 2, 3, 4, 10]) == approx([None, None, None, 2.5, 5.5])


def test_rsi_uses_wilders_smoothing() -> None:
    # Changes +1 +1 -1 +2 -1. Averages at index 3: gain 2/3, loss 1/3 -> RS 2 -> 66.67; then Wilder:
    # gain (2/3 * 2 + 2) / 3 = 10/9, loss (1/3 * 2) / 3 = 2/9 -> RS 5 -> 83.33;
    # gain (10/9 * 2) / 3 = 20/27, loss (2/9 * 2 + 1) / 3 = 13/27 -> RS 20/13 -> 100 - 1300/33.
    expected = [None, None, None, 100 - 100 / 3, 100 - 100 / 6, 100 - 1300 / 33]
    assert series("rsi(close, 3)", [10, 11, 12, 11, 13, 12]) == approx(expected)
    assert series("rsi(close, 2)", [1, 2, 3, 4])[-1] == 100  # type: ignore[index]
    assert series("rsi(close, 2)", [5, 5, 5, 5])[-1] == 50  # type: ignore[index]


def test_roc_and_stdev() -> None:
    assert series("roc(close, 1)", [100, 110, 121, 133.1]) == approx([None, 10, 10, 10])
    assert series("roc(close, 2)", [100, 110, 121, 133.1]) == approx([None, None, 21, 21])
    # The textbook example: mean 5, squared deviations sum to 32, population variance 4.
    assert series("stdev(close, 8)", [2, 4, 4, 4, 5, 5, 7, 9])[-1] == 2.0  # type: ignore[index]
    assert series("stdev(close, 2)", [1, 3, 6]) == approx([None, 1.0, 1.5])
    flat = series("stdev(close, 3)", [97250.5] * 50)
    assert isinstance(flat, list) and flat[-1] == 0


def _random_walk(count: int, seed: int) -> list[float]:
    """Prices like BTC's one-minute closes: 0.1 ticks around 1e5, often unchanged for a few candles."""
    rng = random.Random(seed)
    ticks, out = 1_000_000, []
    for _ in range(count):
        ticks += rng.choice((-3, -1, 0, 0, 0, 1, 2)) if rng.random() < 0.98 else rng.randint(-800, 800)
        out.append(ticks / 10)
    return out


def _two_pass_stdev(window: Sequence[float]) -> float:
    """The direct computation: the mean first, then the (corrected) mean of the squared deviations."""
    mean = math.fsum(window) / len(window)
    deviations = [v - mean for v in window]
    squares = math.fsum(d * d for d in deviations) - math.fsum(deviations) ** 2 / len(window)
    return math.sqrt(max(squares, 0.0) / len(window))


def test_stdev_of_a_flat_window_is_exactly_zero_on_a_long_series() -> None:
    closes = _random_walk(20_000, seed=7)
    for period in (2, 3, 5):
        deviations = series(f"stdev(close, {period})", closes)
        upper = series(f"bbands(close, {period}, 2).upper", closes)
        lower = series(f"bbands(close, {period}, 2).lower", closes)
        assert isinstance(deviations, list) and isinstance(upper, list) and isinstance(lower, list)
        flat = [i for i in range(period - 1, len(closes)) if len(set(closes[i - period + 1 : i + 1])) == 1]
        assert len(flat) > 100  # the walk has flat stretches all along, not only at the start
        assert all(deviations[i] == 0.0 and upper[i] == lower[i] for i in flat)


def test_stdev_matches_a_two_pass_computation_on_a_long_series() -> None:
    closes = _random_walk(20_000, seed=11)
    for period in (2, 5, 20):
        deviations = series(f"stdev(close, {period})", closes)
        assert isinstance(deviations, list) and deviations[: period - 1] == [None] * (period - 1)
        for index in range(period - 1, len(closes)):
            expected = _two_pass_stdev(closes[index - period + 1 : index + 1])
            got = deviations[index]
            assert got is not None and math.isclose(got, expected, rel_tol=1e-9, abs_tol=0.0), (period, index)


def test_highest_and_lowest() -> None:
    values = [3, 1, 4, 1, 5, 9, 2, 6]
    assert series("highest(close, 3)", values) == [None, None, 4, 4, 5, 9, 9, 9]
    assert series("lowest(close, 3)", values) == [None, None, 1, 1, 1, 1, 2, 2]


def test_atr_wilder_of_the_true_range() -> None:
    high, low, close = [10, 12, 13, 12, 15], [8, 9, 11, 10, 12], [9, 11, 12, 11, 14]
    # True ranges: 2 (first candle: high - low), 3, 2, 2, 4 (the gap: |15 - 11| beats 15 - 12).
    # ATR(3): (2 + 3 + 2) / 3 = 7/3, then (7/3 * 2 + 2) / 3 = 20/9, then (20/9 * 2 + 4) / 3 = 76/27.
    result = series("atr(3)", close, high=high, low=low)
    assert result == approx([None, None, 7 / 3, 20 / 9, 76 / 27])


def test_macd_line_signal_and_histogram() -> None:
    closes = [1, 2, 4, 8, 16, 32, 30, 25]
    exact = [Fraction(v) for v in closes]
    fast = ref_ema(exact, 2, Fraction(2, 3))
    slow = ref_ema(exact, 3, Fraction(1, 2))
    line = [None if f is None or s is None else f - s for f, s in zip(fast, slow, strict=True)]
    known = [v for v in line if v is not None]
    signal = [None] * (len(line) - len(known)) + ref_ema(known, 2, Fraction(2, 3))
    hist = [None if a is None or b is None else a - b for a, b in zip(line, signal, strict=True)]
    assert line[2] == Fraction(5, 6) and signal[3] == Fraction(37, 36)  # worked out by hand
    as_float = [[None if v is None else float(v) for v in column] for column in (line, signal, hist)]
    assert series("macd(close, 2, 3, 2)", closes) == approx(as_float[0])
    assert series("macd(close, 2, 3, 2).line", closes) == approx(as_float[0])
    assert series("macd(close, 2, 3, 2).signal", closes) == approx(as_float[1])
    assert series("macd(close, 2, 3, 2).hist", closes) == approx(as_float[2])
    long = [float(100 + (i % 7) * 3 - i % 5) for i in range(60)]
    assert series("macd(close)", long) == series("macd(close, 12, 26, 9)", long)


def test_bollinger_bands() -> None:
    width = 2 * (2 / 3) ** 0.5  # two population deviations of [1, 2, 3]
    assert series("bbands(close, 3, 2).middle", [1, 2, 3, 4, 5]) == [None, None, 2, 3, 4]
    assert series("bbands(close, 3, 2).upper", [1, 2, 3, 4, 5]) == approx([None, None, 2 + width, 3 + width, 4 + width])
    assert series("bbands(close, 3, 2).lower", [1, 2, 3, 4, 5]) == approx([None, None, 2 - width, 3 - width, 4 - width])
    assert series("bbands(close, 3, 1.5).upper", [1, 2, 3]) == approx([None, None, 2 + 1.5 * (2 / 3) ** 0.5])
    assert series("bbands(close).middle", [float(i) for i in range(25)]) == series("sma(close, 20)", range(25))


def test_crossover_and_crossunder() -> None:
    a = [1, 2, 3, 2, 1]
    # Touching 2 is not crossing; leaving 2 upwards (2 -> 3) and downwards (2 -> 1) is.
    assert series("crossover(close, 2)", a) == [None, False, True, False, False]
    assert series("crossunder(close, 2)", a) == [None, False, False, False, True]
    fast, slow = [1, 3, 3, 1], [2, 2, 2, 2]
    assert Evaluator({**data(fast), "volume": slow}).series("crossover(close, volume)") == [None, True, False, False]


def test_math_functions() -> None:
    assert series("abs(close - 3)", [1, 5]) == [2, 2]
    assert series("min(close, 2)", [1, 5]) == [1, 2]
    assert series("max(close, 2)", [1, 5]) == [2, 5]


# ---- operators, values, indexing -------------------------------------------------------------------


def test_operators() -> None:
    closes = [1, 2, 3, 4]
    assert series("close * 2 + 1", closes) == [3, 5, 7, 9]
    assert series("(close - 1) / 2", closes) == [0, 0.5, 1, 1.5]
    assert series("-close", closes) == [-1, -2, -3, -4]
    assert series("close > 2", closes) == [False, False, True, True]
    assert series("2 <= close < 4", closes) == [False, True, True, False]
    assert series("close == 2 or close != close", closes) == [False, True, False, False]
    assert series("close > 1 and not close > 3", closes) == [False, True, True, False]
    assert series("1 / (close - 2)", closes) == [-1, None, 1, 0.5]  # dividing by zero gives null
    assert series("1 / (close - 2) > 0", closes) == [False, None, True, True]
    assert Evaluator(data(closes)).evaluate("3 * 4 - 2") == 10
    assert Evaluator(data(closes)).evaluate("true and not false") is True


def test_indexing_looks_back_from_every_candle() -> None:
    closes = [1, 2, 3, 4]
    assert series("close[-1]", closes) == closes
    assert series("close[-2]", closes) == [None, 1, 2, 3]
    assert series("close > close[-2]", closes) == [None, True, True, True]
    assert series("sma(close, 2)[-3]", closes) == [None, None, None, 1.5]
    assert Evaluator(data(closes)).evaluate("close[-4]") == 1


def test_names_a_script_assigned() -> None:
    names: dict[str, Value] = {"fast": [1.0, 5.0, 9.0], "n": 2.0}
    evaluator = Evaluator(data([1, 2, 3]), names)
    assert evaluator.series("fast > close") == [False, True, True]
    assert evaluator.series("sma(close, n)") == [None, 1.5, 2.5]
    assert evaluator.series(ast.parse("fast[-2]", mode="eval").body) == [None, 1.0, 5.0]
    assert evaluator.series(parse_expression("n * 2")) == 4.0


def test_warm_up_adds_up_and_range_errors_say_what_is_needed() -> None:
    closes = [float(100 + (i * 7) % 11) for i in range(34)]
    nested = series("sma(rsi(close, 14), 20)", closes)
    assert isinstance(nested, list) and nested[32] is None and nested[33] is not None
    error = fail("sma(rsi(close, 14), 20)", candles=33)
    assert (
        error.kind == "range"
        and error.message == "sma(rsi(close, 14), 20) needs 34 candles of history; 33 are available"
    )
    assert fail("sma(close, 31)").kind == "range"
    assert fail("rsi(close, 30)").kind == "range"  # rsi's first value needs period + 1 candles
    assert fail("macd(close, 12, 26, 9).signal").kind == "range"  # 26 + 9 - 1 = 34 candles
    assert Evaluator(data([1.0] * 34)).evaluate("macd(close).signal") == 0
    assert fail("close[-31]").kind == "range"
    assert fail("rsi(close, 14)[-20]").message == "rsi(close, 14)[-20] reaches back 20 candles; 30 are available"


# ---- refusals -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("expression", "says"),
    [
        ("__import__('os')", "unknown function '__import__'"),
        ("magic(close)", "unknown function 'magic'"),
        ("close.__class__", "a dot only picks an output"),
        ("sma(close, 3).__class__", "has a single value"),
        ("macd(close).upper", "has no output 'upper'"),
        ("bbands(close, 20, 2)", "has several outputs"),
        ("(lambda: 1)()", "cannot be called"),
        ("lambda: close", "lambda is not part of the Signal DSL"),
        ("[c for c in close]", "a comprehension"),
        ("close if true else open", "a conditional expression"),
        ("'text'", "a string"),
        ("close ** 2", "arithmetic is + - * / only"),
        ("close % 2", "arithmetic is + - * / only"),
        ("close in close", "unsupported comparison"),
        ("foo > 1", "unknown variable 'foo'"),
        ("sma > 1", "sma is a function"),
        ("sma(close)", "sma takes 2 arguments: sma(series, period); got 1"),
        ("macd(close, 1, 2, 3, 4)", "macd takes 1 to 4 arguments"),
        ("sma(close, period=3)", "positional arguments only"),
        ("sma(close, 2.5)", "whole number from 1 to 5000"),
        ("sma(close, 1e999)", "whole number from 1 to 5000; got inf"),
        ("sma(close, -1e999)", "whole number from 1 to 5000; got -inf"),
        ("macd(close, 12, 1e999, 9)", "whole number from 1 to 5000"),
        ("bbands(close, 20, 1e999).upper", "above 0 and at most 100"),
        ("sma(close, 0)", "whole number from 1 to 5000"),
        (f"sma(close, {MAX_PERIOD + 1})", "whole number from 1 to 5000"),
        ("sma(close, close)", "must be a number written out"),
        ("macd(close, 26, 12)", "fast must be shorter than slow"),
        ("bbands(close, 20, 0).upper", "above 0"),
        ("close[1]", "index from the end"),
        ("close[-1:]", "index from the end"),
        ("5[-1]", "only a series can be indexed"),
        ("rsi(close 14)", "syntax error at column"),
        ("close >", "syntax error at column"),
        ("9" * 400, "a number is too large"),
        ("-" * 60 + "close", "nests more than"),
        (" and ".join(["close > 1"] * 200), "more than 600 parts"),
        ("(" * 300 + "close" + ")" * 300, "syntax error"),
    ],
)
def test_refused_expressions_say_why(expression: str, says: str) -> None:
    error = fail(expression)
    assert error.kind == "syntax" and says in error.message, error.message


def test_a_period_held_by_a_name_must_be_a_finite_whole_number() -> None:
    for value in (math.inf, -math.inf, math.nan, 2.5):
        evaluator = Evaluator(data([1.0, 2.0, 3.0]), {"n": value})
        with pytest.raises(DslError, match="whole number from 1 to 5000") as caught:
            evaluator.series("sma(close, n)")
        assert caught.value.kind == "syntax"


def test_a_non_finite_period_is_a_validation_error_over_http(mock: Mock) -> None:
    key = mock.key()
    for expression in ("sma(close, 1e999)", "rsi(close, 1e999) < 30"):
        body = {"expression": expression, "symbol": "BTC/USDT"}
        error = mock.error("POST", "/market/evaluate", 400, "VALIDATION_ERROR", key, json=body)
        assert "whole number from 1 to 5000; got inf" in error["message"]


def test_nothing_is_executed() -> None:
    # Nothing in an expression reaches Python: a dunder name is just an unknown variable.
    assert "unknown variable '__builtins__'" in fail("__builtins__").message
    assert "unknown function 'eval'" in fail("eval('1')").message
    # Input the parser itself cannot nest is a syntax error too, not a crash.
    assert fail("-" * 100_000 + "close").kind == "syntax"
    assert fail("close\x00").kind == "syntax"


def test_indicators_are_linear_in_the_candles() -> None:
    closes = [float(100 + (i * 37) % 101) for i in range(20_000)]
    evaluator = Evaluator(data(closes))
    started = time.perf_counter()
    for name in ("sma", "ema", "rsi", "roc", "stdev", "highest", "lowest"):
        evaluator.series(f"{name}(close, {MAX_PERIOD})")
    evaluator.series(f"bbands(close, {MAX_PERIOD}, 2).upper > atr({MAX_PERIOD})")
    assert time.perf_counter() - started < 3  # a window loop would take minutes


def test_every_registered_function_runs_its_example() -> None:
    closes = [float(100 + (i * 13) % 17 - i % 3) for i in range(300)]
    evaluator = Evaluator(data(closes, high=[c + 2 for c in closes], low=[c - 2 for c in closes]))
    for function in FUNCTIONS.values():
        assert function.name in function.example and function.description and function.warmup_text
        evaluator.evaluate(function.example)  # raises on any mistake in the registry
