"""The sandbox's Signal DSL expressions: a whitelisted subset, evaluated over candles.

What an expression may contain (anything else is a ``DslError`` of kind ``syntax``, a
``VALIDATION_ERROR``): numbers, ``true``/``false``, the series ``open high low close volume``, names a
backtest script assigned earlier, ``+ - * /`` and unary ``-``, comparisons ``< <= > >= == !=``
(chains too), ``and or not``, ``x[-n]`` and calls of the functions in ``FUNCTIONS``. Two of them
have several outputs, picked with a dot on the call: ``macd(close, 12, 26, 9).signal`` and
``bbands(close, 20, 2).upper``; that is the only dot there is.

Semantics: every value is a series with one value per candle (a number is the same on every
candle), so ``close > sma(close, 20)`` is true or false on each candle, and ``POST /market/evaluate``
answers the value on the last one. ``x[-1]`` is ``x`` itself, ``x[-2]`` the value one candle earlier
(at every candle, so a backtest never sees the future). A value is ``None`` (null) while an
indicator warms up and after a division by zero; arithmetic, comparisons and logic with a null give
null. Window indicators (sma, stdev, highest, lowest, bbands) are null while a null is in their window;
recursive ones (ema, rsi, atr, macd) skip it. Indicators follow TradingView's definitions: EMA seeded
with the SMA of its first ``period`` values, RSI and ATR with Wilder's smoothing (also seeded with an
SMA), the population standard deviation.

An indicator that needs more candles than there are (its own warm-up plus its input's) is a
``DslError`` of kind ``range`` (``TA_OUT_OF_RANGE``). Periods are whole numbers from 1 to
``MAX_PERIOD``; an expression has at most ``MAX_NODES`` syntax nodes nested at most ``MAX_DEPTH``
deep, and every indicator runs in time linear in the candles, so no expression can be made costly.

Expressions are parsed with Python's ``ast`` (the DSL's expression syntax is a subset of Python's) and
walked node by node; nothing is ever ``eval``-ed and no Python object is reachable. Values are
floats: indicator values are statistics, and prices stay Decimal outside this module.
"""

from __future__ import annotations

import ast
import itertools
import math
from collections import deque
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Union

Number = float | bool | None
Series = list[Number]
Value = Union[Number, Series]  # noqa: UP007 (a runtime alias: `|` cannot join a generic alias here)

VARIABLES = ("open", "high", "low", "close", "volume")
MAX_PERIOD = 5000
EXPRESSION_CANDLES = 500  # the candles POST /market/evaluate, scan and rank read: the last ones of the timeframe
MAX_DEPTH = 40
MAX_NODES = 600


class DslError(Exception):
    """``kind`` is ``syntax`` (VALIDATION_ERROR) or ``range`` (TA_OUT_OF_RANGE).

    A ``range`` error says in ``candles`` how many candles of history the expression needed.
    """

    def __init__(self, kind: str, message: str, candles: int | None = None) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message
        self.candles = candles


# ---- the indicators, each over a series that may hold None ------------------------------------


def _num(value: Number) -> float | None:
    return None if value is None else float(value)


def _first_value(series: Sequence[Number]) -> int:
    """The index of the first value that is not None (the length when there is none)."""
    for index, value in enumerate(series):
        if value is not None:
            return index
    return len(series)


def _sma(series: Series, period: int) -> Series:
    out: Series = [None] * len(series)
    total, missing = 0.0, 0
    for index, value in enumerate(series):
        if value is None:
            missing += 1
        else:
            total += value
        if index >= period:
            old = series[index - period]
            if old is None:
                missing -= 1
            else:
                total -= old
        if index >= period - 1 and missing == 0:
            out[index] = total / period
    return out


def _compensated(total: float, error: float, value: float) -> tuple[float, float]:
    """Add ``value`` to the sum ``total + error`` (Neumaier): ``error`` keeps what ``total`` rounded away."""
    result = total + value
    if abs(total) >= abs(value):
        error += (total - result) + value
    else:
        error += (value - result) + total
    return result, error


def _stdev(series: Series, period: int) -> Series:
    """Population standard deviation over a sliding window, in linear time and without drift.

    The window's sum and sum of squares are taken around one of its values (``shift``, so they stay
    small next to the values: no cancellation), added to and taken from with compensated sums (a
    value leaving the window takes away exactly what it brought), and rebuilt from the window itself
    every ``period - 1`` candles (each rebuild reads ``period`` values: linear overall). A window whose
    values are all equal has a deviation of exactly 0.
    """
    out: Series = [None] * len(series)
    shift = total = total_error = squares = squares_error = 0.0
    missing = 0
    updates = period  # updates since the sums were rebuilt (the first full window rebuilds them)
    run = 0  # how many values in a row equal the current one
    previous: Number = None
    for index, value in enumerate(series):
        if value is None:
            missing += 1
            run = 0
        else:
            run = run + 1 if value == previous else 1
        previous = value
        if index >= period and series[index - period] is None:
            missing -= 1
        if index < period - 1 or missing:
            updates = period  # no sums are kept over an incomplete window
            continue
        assert value is not None
        if updates >= period - 1:  # so that ``shift`` is always a value of the window
            shift = float(value)
            total = total_error = squares = squares_error = 0.0
            for kept in series[index - period + 1 : index + 1]:
                assert kept is not None  # the window is complete
                part = float(kept) - shift
                total, total_error = _compensated(total, total_error, part)
                squares, squares_error = _compensated(squares, squares_error, part * part)
            updates = 0
        else:
            old = series[index - period]
            assert old is not None  # the previous window was complete
            new_part, old_part = float(value) - shift, float(old) - shift
            # Four _compensated additions, written out: this loop is the hot path of stdev and bbands.
            result = total + new_part
            total_error += (total - result) + new_part if abs(total) >= abs(new_part) else (new_part - result) + total
            total = result - old_part
            total_error += (
                (result - total) - old_part if abs(result) >= abs(old_part) else (result - (total + old_part))
            )
            added, removed = new_part * new_part, old_part * old_part
            result = squares + added
            squares_error += (squares - result) + added if abs(squares) >= added else (added - result) + squares
            squares = result - removed
            squares_error += (result - squares) - removed if abs(result) >= removed else (result - (squares + removed))
            updates += 1
        if run >= period:
            out[index] = 0.0
        else:
            mean_part = total + total_error
            variance = (squares + squares_error - mean_part * mean_part / period) / period
            out[index] = math.sqrt(max(variance, 0.0))  # rounding can leave a hair below 0
    return out


def _extreme(series: Series, period: int, *, highest: bool) -> Series:
    """Rolling max or min with a monotonic queue: linear in the series, whatever the period."""
    out: Series = [None] * len(series)
    window: deque[tuple[int, float]] = deque()
    missing = 0
    for index, raw in enumerate(series):
        if raw is None:
            missing += 1
        else:
            value = float(raw)
            while window and (window[-1][1] <= value if highest else window[-1][1] >= value):
                window.pop()
            window.append((index, value))
        if index >= period and series[index - period] is None:
            missing -= 1
        while window and window[0][0] <= index - period:
            window.popleft()
        if index >= period - 1 and missing == 0:
            out[index] = window[0][1]
    return out


def _smoothed(series: Series, alpha: float, period: int) -> Series:
    """Exponential smoothing seeded with the SMA of the first ``period`` values; a None is skipped."""
    out: Series = [None] * len(series)
    seeds = _sma(series, period)
    previous: float | None = None
    for index, value in enumerate(series):
        if previous is None:
            previous = _num(seeds[index])
            out[index] = previous
        elif value is not None:
            previous = alpha * value + (1 - alpha) * previous
            out[index] = previous
    return out


def _ema(series: Series, period: int) -> Series:
    return _smoothed(series, 2 / (period + 1), period)


def _rma(series: Series, period: int) -> Series:
    """Wilder's moving average (RMA): alpha = 1 / period."""
    return _smoothed(series, 1 / period, period)


def _rsi(series: Series, period: int) -> Series:
    gains: Series = [None]
    losses: Series = [None]
    for before, after in itertools.pairwise(series):
        if before is None or after is None:
            gains.append(None)
            losses.append(None)
        else:
            change = float(after) - float(before)
            gains.append(max(change, 0.0))
            losses.append(max(-change, 0.0))
    out: Series = []
    for gain, loss in zip(_rma(gains, period), _rma(losses, period), strict=True):
        if gain is None or loss is None:
            out.append(None)
        elif loss == 0:
            out.append(100.0 if gain > 0 else 50.0)  # no losses: 100; no change at all: neutral
        else:
            out.append(100 - 100 / (1 + float(gain) / float(loss)))
    return out


def _roc(series: Series, period: int) -> Series:
    out: Series = [None] * len(series)
    for index in range(period, len(series)):
        before, now = _num(series[index - period]), _num(series[index])
        if before is not None and now is not None and before != 0:
            out[index] = (now - before) / before * 100
    return out


def _true_range(high: Series, low: Series, close: Series) -> Series:
    """High minus low, widened to the previous close (the first candle has none)."""
    out: Series = []
    previous: float | None = None
    for h, lo, c in zip(high, low, close, strict=True):
        if h is None or lo is None:
            out.append(None)
        elif previous is None:
            out.append(float(h) - float(lo))
        else:
            out.append(max(float(h) - float(lo), abs(float(h) - previous), abs(float(lo) - previous)))
        previous = _num(c)
    return out


def _combine2(a: Series, b: Series, op: Callable[[float, float], float]) -> Series:
    return [None if x is None or y is None else op(float(x), float(y)) for x, y in zip(a, b, strict=True)]


def _macd(series: Series, fast: int, slow: int, signal: int) -> dict[str, Series]:
    line = _combine2(_ema(series, fast), _ema(series, slow), lambda x, y: x - y)
    trigger = _ema(line, signal)
    return {"line": line, "signal": trigger, "hist": _combine2(line, trigger, lambda x, y: x - y)}


def _bbands(series: Series, period: int, mult: float) -> dict[str, Series]:
    middle = _sma(series, period)
    width = _stdev(series, period)
    return {
        "upper": _combine2(middle, width, lambda m, w: m + mult * w),
        "middle": middle,
        "lower": _combine2(middle, width, lambda m, w: m - mult * w),
    }


def _cross(left: Series, right: Series, *, above: bool) -> Series:
    out: Series = [None] * len(left)
    for index in range(1, len(left)):
        values = (left[index - 1], right[index - 1], left[index], right[index])
        if any(v is None for v in values):
            continue
        a0, b0, a1, b1 = (float(v) for v in values if v is not None)
        out[index] = a0 <= b0 and a1 > b1 if above else a0 >= b0 and a1 < b1
    return out


# ---- the registry: what the evaluator runs, GET /meta/indicators lists and the docs print --------


@dataclass(frozen=True)
class Param:
    name: str
    kind: str  # "series" (any expression), "period" (a whole number) or "number"
    default: float | None = None

    def shown(self) -> str:
        if self.default is None:
            return self.name
        return f"{self.name}={int(self.default) if self.default == int(self.default) else self.default}"


Args = dict[str, Union[Series, float]]  # noqa: UP007 (as Value)


@dataclass(frozen=True)
class Function:
    """One DSL function. ``warmup(args, output)`` is how many candles its first value comes after its input's."""

    name: str
    category: str
    description: str
    params: tuple[Param, ...]
    warmup_text: str
    example: str
    compute: Callable[[Args, Mapping[str, Series]], Series | dict[str, Series]]
    warmup: Callable[[Args, str | None], int]
    outputs: tuple[str, ...] = ()
    default_output: str | None = None  # what a call without `.output` means; None: the output is required

    @property
    def signature(self) -> str:
        call = f"{self.name}({', '.join(param.shown() for param in self.params)})"
        if not self.outputs:
            return call
        outputs = "|".join(f".{output}" for output in self.outputs)
        return f"{call}[{outputs}]" if self.default_output else f"{call}{outputs}"

    @property
    def periods(self) -> int:
        """How many of its arguments are whole-number periods."""
        return sum(param.kind == "period" for param in self.params)


def _series(args: Args, name: str = "series") -> Series:
    value = args[name]
    assert isinstance(value, list)
    return value


def _int(args: Args, name: str = "period") -> int:
    value = args[name]
    assert isinstance(value, float)
    return int(value)


def _float(args: Args, name: str) -> float:
    value = args[name]
    assert isinstance(value, float)
    return value


SERIES = Param("series", "series")
PERIOD = Param("period", "period")


def _windowed(
    name: str, category: str, description: str, run: Callable[[Series, int], Series], lag: int, example: str
) -> Function:
    """A ``name(series, period)`` indicator whose first value comes ``period - 1 + lag`` candles in."""
    return Function(
        name,
        category,
        description,
        (SERIES, PERIOD),
        "period" if lag else "period - 1",
        example,
        lambda args, data: run(_series(args), _int(args)),
        lambda args, output: _int(args) - 1 + lag,
    )


def _atr(args: Args, data: Mapping[str, Series]) -> Series:
    return _rma(_true_range(data["high"], data["low"], data["close"]), _int(args))


def _absolute(args: Args, data: Mapping[str, Series]) -> Series:
    return [None if v is None else abs(float(v)) for v in _series(args, "x")]


def _pairwise(pick: Callable[[float, float], float]) -> Callable[[Args, Mapping[str, Series]], Series]:
    return lambda args, data: _combine2(_series(args, "a"), _series(args, "b"), pick)


def _crossing(above: bool) -> Callable[[Args, Mapping[str, Series]], Series]:
    return lambda args, data: _cross(_series(args, "a"), _series(args, "b"), above=above)


def _macd_warmup(args: Args, output: str | None) -> int:
    line = _int(args, "slow") - 1
    return line if output == "line" else line + _int(args, "signal") - 1


_FUNCTION_LIST = (
    _windowed(
        "sma",
        "trend",
        "Simple moving average: the mean of the last `period` values.",
        _sma,
        0,
        "close > sma(close, 20)",
    ),
    _windowed(
        "ema",
        "trend",
        "Exponential moving average, alpha = 2 / (period + 1), seeded with the SMA of the first `period` values.",
        _ema,
        0,
        "crossover(ema(close, 9), ema(close, 21))",
    ),
    _windowed(
        "rsi",
        "momentum",
        "Relative Strength Index, 0 to 100, with Wilder's smoothing of gains and losses (100 when nothing fell, "
        "50 when nothing moved).",
        _rsi,
        1,
        "rsi(close, 14) < 30",
    ),
    _windowed(
        "roc",
        "momentum",
        "Rate of change over `period` candles, in percent: (x - x `period` candles ago) / that * 100.",
        _roc,
        1,
        "roc(close, 7) > 5",
    ),
    _windowed(
        "stdev",
        "volatility",
        "Population standard deviation of the last `period` values.",
        _stdev,
        0,
        "stdev(close, 20) / close * 100",
    ),
    _windowed(
        "highest",
        "trend",
        "Highest value of the last `period` candles, the current one included.",
        lambda s, n: _extreme(s, n, highest=True),
        0,
        "close >= highest(high, 20)",
    ),
    _windowed(
        "lowest",
        "trend",
        "Lowest value of the last `period` candles, the current one included.",
        lambda s, n: _extreme(s, n, highest=False),
        0,
        "close <= lowest(low, 20)",
    ),
    Function(
        "atr",
        "volatility",
        "Average True Range of the candles (reads high, low and close): Wilder's smoothing of the true range, "
        "max(high - low, |high - previous close|, |low - previous close|).",
        (PERIOD,),
        "period - 1",
        "atr(14) / close * 100 > 3",
        _atr,
        lambda args, output: _int(args) - 1,
    ),
    Function(
        "macd",
        "momentum",
        "MACD: `.line` = ema(fast) - ema(slow) (also the bare call), `.signal` = the EMA of the line over "
        "`signal` candles, `.hist` = line - signal.",
        (SERIES, Param("fast", "period", 12), Param("slow", "period", 26), Param("signal", "period", 9)),
        "slow - 1 for .line; slow + signal - 2 for .signal and .hist",
        "crossover(macd(close, 12, 26, 9), macd(close, 12, 26, 9).signal)",
        lambda args, data: _macd(_series(args), _int(args, "fast"), _int(args, "slow"), _int(args, "signal")),
        _macd_warmup,
        ("line", "signal", "hist"),
        "line",
    ),
    Function(
        "bbands",
        "volatility",
        "Bollinger Bands: `.middle` = sma(series, period), `.upper` / `.lower` = middle plus / minus `mult` "
        "population standard deviations. Name the band: the bare call is an error.",
        (SERIES, Param("period", "period", 20), Param("mult", "number", 2)),
        "period - 1",
        "close < bbands(close, 20, 2).lower",
        lambda args, data: _bbands(_series(args), _int(args), _float(args, "mult")),
        lambda args, output: _int(args) - 1,
        ("upper", "middle", "lower"),
    ),
    Function(
        "crossover",
        "signal",
        "True on the candle where `a` crosses above `b`: a was <= b on the candle before and is > b now.",
        (Param("a", "series"), Param("b", "series")),
        "1",
        "crossover(close, sma(close, 50))",
        _crossing(True),
        lambda args, output: 1,
    ),
    Function(
        "crossunder",
        "signal",
        "True on the candle where `a` crosses below `b`: a was >= b on the candle before and is < b now.",
        (Param("a", "series"), Param("b", "series")),
        "1",
        "crossunder(rsi(close, 14), 70)",
        _crossing(False),
        lambda args, output: 1,
    ),
    Function(
        "abs",
        "math",
        "Absolute value.",
        (Param("x", "series"),),
        "0",
        "abs(roc(close, 1)) > 2",
        _absolute,
        lambda args, output: 0,
    ),
    Function(
        "min",
        "math",
        "The smaller of two values, candle by candle.",
        (Param("a", "series"), Param("b", "series")),
        "0",
        "min(open, close) - low > 2 * abs(close - open)",
        _pairwise(min),
        lambda args, output: 0,
    ),
    Function(
        "max",
        "math",
        "The larger of two values, candle by candle.",
        (Param("a", "series"), Param("b", "series")),
        "0",
        "high - max(open, close) > 2 * abs(close - open)",
        _pairwise(max),
        lambda args, output: 0,
    ),
)
FUNCTIONS: dict[str, Function] = {function.name: function for function in _FUNCTION_LIST}

# (symbol, meaning, example), in the order of precedence, loosest first.
OPERATORS = (
    ("or", "True when either side is true.", "rsi(close, 14) < 30 or rsi(close, 14) > 70"),
    ("and", "True when both sides are true.", "close > open and volume > sma(volume, 20)"),
    ("not", "Negation.", "not crossover(close, sma(close, 20))"),
    ("<", "Less than; comparisons chain: 30 < rsi(close, 14) < 70.", "close < sma(close, 50)"),
    ("<=", "Less than or equal.", "low <= lowest(low, 20)"),
    (">", "Greater than.", "close > sma(close, 20)"),
    (">=", "Greater than or equal.", "high >= highest(high, 20)"),
    ("==", "Equal.", "close == high"),
    ("!=", "Not equal.", "close != open"),
    ("+", "Addition.", "(high + low) / 2"),
    ("-", "Subtraction, and negation in front of a value.", "close - open"),
    ("*", "Multiplication.", "sma(volume, 20) * 2"),
    ("/", "Division; dividing by zero gives null.", "(close - open) / open * 100"),
    ("x[-n]", "x as it was n - 1 candles before each candle: x[-1] is x, x[-2] the candle before.", "close[-2]"),
    (".output", "An output of macd or bbands.", "macd(close).signal"),
    ("( )", "Grouping.", "(close - open) / (high - low)"),
)
VARIABLE_TEXT = {
    "open": "Opening price of each candle (the close of the candle before).",
    "high": "Highest price of each candle.",
    "low": "Lowest price of each candle.",
    "close": "Closing price of each candle; the candle still open closes at the last price.",
    "volume": "Volume traded during each candle, in the base asset (shares on Polymarket).",
}


def supported() -> str:
    """What an expression may use, in one line: the suggestion of every syntax error."""
    operators = " ".join(symbol for symbol, _, _ in OPERATORS if symbol not in ("( )", ".output"))
    return (
        f"Supported functions: {', '.join(FUNCTIONS)} (macd(...).line/.signal/.hist, "
        f"bbands(...).upper/.middle/.lower); series: {', '.join(VARIABLES)}; operators: {operators}; "
        "numbers, true, false. See GET /docs/operators."
    )


# ---- the evaluator ---------------------------------------------------------------------------


def _lift(op: Callable[..., Number], *args: Value) -> Value:
    """Apply a scalar operation element by element when any argument is a series; None gives None."""
    length = max((len(a) for a in args if isinstance(a, list)), default=-1)
    if length < 0:
        if any(a is None for a in args):
            return None
        return op(*args)
    if len(args) == 2:  # the common case (every binary operator), without the general loop's overhead
        left, right = args
        if isinstance(left, list) and isinstance(right, list):
            return [None if a is None or b is None else op(a, b) for a, b in zip(left, right, strict=True)]
        if isinstance(left, list):
            return [None] * length if right is None else [None if a is None else op(a, right) for a in left]
        assert isinstance(right, list)
        return [None] * length if left is None else [None if b is None else op(left, b) for b in right]
    columns = [a if isinstance(a, list) else [a] * length for a in args]
    return [None if any(v is None for v in row) else op(*row) for row in zip(*columns, strict=True)]


_BINARY: dict[type[ast.operator], Callable[[float, float], float | None]] = {
    ast.Add: lambda a, b: float(a) + float(b),
    ast.Sub: lambda a, b: float(a) - float(b),
    ast.Mult: lambda a, b: float(a) * float(b),
    ast.Div: lambda a, b: None if b == 0 else float(a) / float(b),
}
_COMPARE: dict[type[ast.cmpop], Callable[[float, float], bool]] = {
    ast.Lt: lambda a, b: a < b,
    ast.LtE: lambda a, b: a <= b,
    ast.Gt: lambda a, b: a > b,
    ast.GtE: lambda a, b: a >= b,
    ast.Eq: lambda a, b: a == b,
    ast.NotEq: lambda a, b: a != b,
}
# Names for what the DSL refuses, so the message says what was written.
_REFUSED = {
    ast.Lambda: "lambda",
    ast.IfExp: "a conditional expression (x if c else y)",
    ast.ListComp: "a comprehension",
    ast.SetComp: "a comprehension",
    ast.DictComp: "a comprehension",
    ast.GeneratorExp: "a comprehension",
    ast.NamedExpr: "an assignment expression (:=)",
    ast.Starred: "unpacking (*)",
    ast.JoinedStr: "an f-string",
    ast.List: "a list",
    ast.Tuple: "a tuple",
    ast.Dict: "a dict",
    ast.Set: "a set",
    ast.Await: "await",
    ast.Yield: "yield",
    ast.YieldFrom: "yield",
    ast.Slice: "a slice",
}


def _shown(node: ast.AST) -> str:
    text = ast.unparse(node)
    return text if len(text) <= 80 else text[:77] + "..."


def check_shape(tree: ast.AST) -> None:
    """Bound the work an expression can ask for before walking it (no recursion here: depth is the question)."""
    stack = [(tree, 1)]
    count = 0
    while stack:
        node, depth = stack.pop()
        count += 1
        if depth > MAX_DEPTH:
            raise DslError("syntax", f"the expression nests more than {MAX_DEPTH} levels deep; simplify it")
        if count > MAX_NODES:
            raise DslError("syntax", f"the expression has more than {MAX_NODES} parts; split it into steps")
        stack.extend((child, depth + 1) for child in ast.iter_child_nodes(node))


def parse_expression(expression: str) -> ast.expr:
    """The expression's syntax tree; a syntax error or an oversized expression is a ``DslError`` of kind ``syntax``."""
    try:
        tree = ast.parse(expression.replace("\n", " ").strip(), mode="eval").body
    except SyntaxError as error:
        raise DslError("syntax", f"syntax error at column {error.offset or 0}: {error.msg}") from None
    except (ValueError, RecursionError, MemoryError):
        raise DslError("syntax", "the expression cannot be parsed (too deep, or a null byte)") from None
    check_shape(tree)
    return tree


class Evaluator:
    """Evaluates expressions over OHLCV series; ``names`` are values a script assigned before."""

    def __init__(self, data: Mapping[str, Sequence[Number]], names: Mapping[str, Value] | None = None) -> None:
        self.data = data
        self.names: Mapping[str, Value] = {} if names is None else names
        self.length = len(data["close"])
        self._columns: dict[str, Series] = {}

    def series(self, expression: str | ast.expr) -> Value:
        """The expression's value on every candle (a series), or a scalar when it does not vary."""
        if isinstance(expression, str):
            tree = parse_expression(expression)
        else:
            check_shape(expression)
            tree = expression
        return self._eval(tree)

    def evaluate(self, expression: str | ast.expr) -> Number:
        """The expression's value on the last candle (None when it has none, or it is not finite)."""
        value = self.series(expression)
        if isinstance(value, list):
            value = value[-1] if value else None
        if isinstance(value, float) and not math.isfinite(value):
            return None
        return value

    def _column(self, name: str) -> Series:
        column = self._columns.get(name)
        if column is None:
            column = self._columns[name] = list(self.data[name])
        return column

    def _eval(self, node: ast.expr) -> Value:
        if isinstance(node, ast.Constant):
            return _constant(node)
        if isinstance(node, ast.Name):
            return self._name(node.id)
        if isinstance(node, ast.UnaryOp):
            operand = self._eval(node.operand)
            if isinstance(node.op, ast.Not):
                return _lift(lambda v: not v, operand)
            if isinstance(node.op, ast.USub):
                return _lift(lambda v: -float(v), operand)
            if isinstance(node.op, ast.UAdd):
                return _lift(float, operand)
            raise DslError("syntax", f"unsupported operator in {_shown(node)!r}: use + - * /")
        if isinstance(node, ast.BinOp):
            if type(node.op) not in _BINARY:
                raise DslError("syntax", f"unsupported operator in {_shown(node)!r}: arithmetic is + - * / only")
            return _lift(_BINARY[type(node.op)], self._eval(node.left), self._eval(node.right))
        if isinstance(node, ast.BoolOp):
            values = [self._eval(v) for v in node.values]
            every = isinstance(node.op, ast.And)
            return _lift(lambda *v: all(v) if every else any(v), *values)
        if isinstance(node, ast.Compare):
            return self._compare(node)
        if isinstance(node, ast.Subscript):
            return self._index(node)
        if isinstance(node, ast.Call):
            return self._call(node, None)
        if isinstance(node, ast.Attribute):
            if isinstance(node.value, ast.Call):
                return self._call(node.value, node.attr)
            raise DslError(
                "syntax",
                f"{_shown(node)!r}: a dot only picks an output of macd(...) or bbands(...), as in macd(close).signal",
            )
        what = _REFUSED.get(type(node), type(node).__name__)
        raise DslError("syntax", f"{what} is not part of the Signal DSL: {_shown(node)!r}")

    def _name(self, name: str) -> Value:
        if name in self.data:
            return self._column(name)
        if name in self.names:
            named = self.names[name]
            return list(named) if isinstance(named, list) else named
        if name in ("true", "false"):
            return name == "true"
        if name in FUNCTIONS:
            raise DslError("syntax", f"{name} is a function: call it, as in {FUNCTIONS[name].example}")
        raise DslError("syntax", f"unknown variable {name!r}; the series are {', '.join(VARIABLES)}")

    def _compare(self, node: ast.Compare) -> Value:
        for op in node.ops:
            if type(op) not in _COMPARE:
                raise DslError("syntax", f"unsupported comparison in {_shown(node)!r}: use < <= > >= == !=")
        left = self._eval(node.left)
        results: list[Value] = []
        for op, right_node in zip(node.ops, node.comparators, strict=True):
            right = self._eval(right_node)
            results.append(_lift(_COMPARE[type(op)], left, right))
            left = right
        return results[0] if len(results) == 1 else _lift(lambda *v: all(v), *results)

    def _index(self, node: ast.Subscript) -> Value:
        back = _whole_literal(node.slice)
        if back is None or back >= 0:
            raise DslError(
                "syntax",
                f"{_shown(node)!r}: index from the end with a whole number: x[-1] is x, x[-2] the candle before",
            )
        reach = -back
        if reach > MAX_PERIOD:
            raise DslError("syntax", f"{_shown(node)!r}: an index reaches back at most {MAX_PERIOD} candles")
        series = self._eval(node.value)
        if not isinstance(series, list):
            raise DslError("syntax", f"{_shown(node)!r}: only a series can be indexed")
        shift = reach - 1
        first = _first_value(series)
        if reach > self.length or first < self.length <= first + shift:
            needed = first + reach if first < self.length else reach
            raise DslError("range", f"{_shown(node)} reaches back {reach} candles; {self.length} are available", needed)
        return [None] * shift + series[: len(series) - shift]

    def _call(self, node: ast.Call, output: str | None) -> Value:
        name = node.func.id if isinstance(node.func, ast.Name) else None
        if name is None:
            raise DslError("syntax", f"{_shown(node.func)!r} cannot be called: call a function by its name")
        function = FUNCTIONS.get(name)
        if function is None:
            raise DslError("syntax", f"unknown function {name!r}")
        if output is not None and output not in function.outputs:
            if not function.outputs:
                raise DslError("syntax", f"{name}(...) has a single value: drop '.{output}'")
            raise DslError("syntax", f"{name}(...) has no output '{output}'; it has .{', .'.join(function.outputs)}")
        chosen = output or function.default_output
        if function.outputs and chosen is None:
            raise DslError(
                "syntax",
                f"{name}(...) has several outputs: pick one, as in {name}(...).{' / .'.join(function.outputs)}",
            )
        args = self._arguments(function, node)
        # Where the inputs start (a series that is null throughout, from a division by zero, has no say).
        starts = [_first_value(value) for value in args.values() if isinstance(value, list)]
        starts = [start for start in starts if start < self.length]
        first = function.warmup(args, chosen) + max(starts, default=0)
        if first >= self.length:
            raise DslError(
                "range", f"{_shown(node)} needs {first + 1} candles of history; {self.length} are available", first + 1
            )
        result = function.compute(args, {name: self._column(name) for name in ("high", "low", "close")})
        if isinstance(result, dict):
            assert chosen is not None
            return result[chosen]
        return result

    def _arguments(self, function: Function, node: ast.Call) -> Args:
        if node.keywords:
            raise DslError("syntax", f"{function.name} takes positional arguments only: {function.signature}")
        required = sum(param.default is None for param in function.params)
        if not required <= len(node.args) <= len(function.params):
            count = str(required) if required == len(function.params) else f"{required} to {len(function.params)}"
            raise DslError(
                "syntax",
                f"{function.name} takes {count} argument{'s' if count != '1' else ''}: {function.signature}; "
                f"got {len(node.args)}",
            )
        args: Args = {}
        for index, param in enumerate(function.params):
            given = node.args[index] if index < len(node.args) else None
            if param.kind == "series":
                assert given is not None  # series parameters have no default
                value = self._eval(given)
                args[param.name] = value if isinstance(value, list) else [value] * self.length
                continue
            number = param.default if given is None else self._constant_number(given)
            if number is None:
                raise DslError(
                    "syntax", f"{function.name}: {param.name} must be a number written out, as in {function.example}"
                )
            number = float(number)
            # Checked before any int(): 1e999 is inf and a name may hold nan, which int() cannot take.
            if param.kind == "period" and not (
                math.isfinite(number) and number.is_integer() and 1 <= number <= MAX_PERIOD
            ):
                raise DslError(
                    "syntax",
                    f"{function.name}: {param.name} must be a whole number from 1 to {MAX_PERIOD}; got {number:g}",
                )
            if param.kind == "number" and not 0 < number <= 100:
                raise DslError(
                    "syntax", f"{function.name}: {param.name} must be above 0 and at most 100; got {number:g}"
                )
            args[param.name] = number
        if function.name == "macd" and _int(args, "fast") >= _int(args, "slow"):
            raise DslError("syntax", "macd: fast must be shorter than slow, as in macd(close, 12, 26, 9)")
        return args

    def _constant_number(self, node: ast.expr) -> float | None:
        """A number written in the call (or a number a script assigned to a name)."""
        if isinstance(node, ast.Name) and node.id in self.names:
            named = self.names[node.id]
            return float(named) if isinstance(named, float | int) and not isinstance(named, bool) else None
        sign = 1.0
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
            sign, node = -1.0, node.operand
        if isinstance(node, ast.Constant) and isinstance(node.value, int | float) and not isinstance(node.value, bool):
            value = _constant(node)
            return None if not isinstance(value, float) else sign * value
        return None


def _constant(node: ast.Constant) -> Number:
    value = node.value
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        try:
            return float(value)
        except OverflowError:
            raise DslError("syntax", "a number is too large") from None
    what = "a string" if isinstance(value, str) else f"the constant {value!r}"
    raise DslError("syntax", f"{what} is not part of an expression (strings only name tickers in entry(...))")


def _whole_literal(node: ast.expr) -> int | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, int) and not isinstance(node.value, bool):
        return node.value
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        inner = _whole_literal(node.operand)
        return None if inner is None else -inner
    return None


def evaluate(expression: str, candles: Sequence[dict[str, str]]) -> Number:
    """The expression's value on the last of ``candles`` (each with decimal-string OHLCV)."""
    data: dict[str, Series] = {name: [float(candle[name]) for candle in candles] for name in VARIABLES}
    return Evaluator(data).evaluate(expression)
