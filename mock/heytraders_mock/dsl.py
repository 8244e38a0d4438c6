"""A small evaluator for Signal DSL expressions over the mock's candles.

It understands the expressions the documents show: the series ``open high low close volume``,
numbers, ``+ - * /``, comparisons, ``and or not``, indexing from the end (``rsi(close, 14)[-1]``)
and the indicators in ``FUNCTIONS``. Expressions are parsed with Python's ``ast`` (the DSL's
expression syntax is a subset of Python's) and walked node by node; nothing is ever ``eval``-ed.
Indicator values are statistics, so they are floats; prices stay Decimal outside this module.
"""

from __future__ import annotations

import ast
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Union

Number = float | bool | None
Series = list[Number]
Value = Union[Number, Series]  # noqa: UP007 (a runtime alias: `|` cannot join a generic alias here)

VARIABLES = ("open", "high", "low", "close", "volume")


class DslError(Exception):
    """``kind`` is ``syntax`` (VALIDATION_ERROR) or ``range`` (TA_OUT_OF_RANGE)."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message


@dataclass(frozen=True)
class Function:
    signature: str
    category: str
    description: str
    periods: int  # how many trailing integer arguments are periods


def _num(value: Number) -> float | None:
    if value is None:
        return None
    return float(value)


def _window(series: Series, period: int, reduce: Callable[[list[float]], float]) -> Series:
    out: Series = []
    for index in range(len(series)):
        if index + 1 < period:
            out.append(None)
            continue
        window = [_num(v) for v in series[index + 1 - period : index + 1]]
        values = [v for v in window if v is not None]
        out.append(reduce(values) if len(values) == period else None)
    return out


def _sma(series: Series, period: int) -> Series:
    return _window(series, period, lambda values: sum(values) / period)


def _stdev(series: Series, period: int) -> Series:
    def deviation(values: list[float]) -> float:
        mean = sum(values) / period
        return math.sqrt(sum((v - mean) ** 2 for v in values) / period)

    return _window(series, period, deviation)


def _ema(series: Series, period: int) -> Series:
    alpha = 2 / (period + 1)
    out: Series = []
    previous: float | None = None
    seeded = _sma(series, period)
    for index, value in enumerate(series):
        current = _num(value)
        if previous is None:
            previous = _num(seeded[index])
            out.append(previous)
        elif current is None:
            out.append(None)
        else:
            previous = alpha * current + (1 - alpha) * previous
            out.append(previous)
    return out


def _rsi(series: Series, period: int) -> Series:
    out: Series = [None]
    gains: list[float] = []
    losses: list[float] = []
    for index in range(1, len(series)):
        before, after = _num(series[index - 1]), _num(series[index])
        change = 0.0 if before is None or after is None else after - before
        gains.append(max(change, 0.0))
        losses.append(max(-change, 0.0))
        if len(gains) < period:
            out.append(None)
            continue
        gain = sum(gains[-period:]) / period
        loss = sum(losses[-period:]) / period
        out.append(100.0 if loss == 0 else 100 - 100 / (1 + gain / loss))
    return out


def _roc(series: Series, period: int) -> Series:
    out: Series = []
    for index, value in enumerate(series):
        before = _num(series[index - period]) if index >= period else None
        now = _num(value)
        out.append(None if before in (None, 0) or now is None else (now - before) / before * 100)
    return out


FUNCTIONS: dict[str, Function] = {
    "sma": Function("sma(series, period)", "trend", "Simple moving average.", 1),
    "ema": Function("ema(series, period)", "trend", "Exponential moving average.", 1),
    "rsi": Function("rsi(series, period)", "momentum", "Relative Strength Index, 0 to 100.", 1),
    "roc": Function("roc(series, period)", "momentum", "Rate of change over `period` candles, in percent.", 1),
    "highest": Function("highest(series, period)", "trend", "Highest value over the last `period` candles.", 1),
    "lowest": Function("lowest(series, period)", "trend", "Lowest value over the last `period` candles.", 1),
    "stdev": Function("stdev(series, period)", "volatility", "Standard deviation over `period` candles.", 1),
    "abs": Function("abs(x)", "math", "Absolute value.", 0),
    "min": Function("min(a, b)", "math", "The smaller of two values.", 0),
    "max": Function("max(a, b)", "math", "The larger of two values.", 0),
    "crossover": Function("crossover(a, b)", "signal", "True on the candle where `a` crosses above `b`.", 0),
    "crossunder": Function("crossunder(a, b)", "signal", "True on the candle where `a` crosses below `b`.", 0),
}
_WINDOWED: dict[str, Callable[[Series, int], Series]] = {
    "sma": _sma,
    "ema": _ema,
    "rsi": _rsi,
    "roc": _roc,
    "highest": lambda s, n: _window(s, n, max),
    "lowest": lambda s, n: _window(s, n, min),
    "stdev": _stdev,
}


def _lift(op: Callable[..., Number], *args: Value) -> Value:
    """Apply a scalar operation element by element when any argument is a series."""
    length = max((len(a) for a in args if isinstance(a, list)), default=-1)
    if length < 0:
        if any(a is None for a in args):
            return None
        return op(*args)
    columns = [a if isinstance(a, list) else [a] * length for a in args]
    return [None if any(v is None for v in row) else op(*row) for row in zip(*columns, strict=True)]


_BINARY: dict[type[ast.operator], Callable[[float, float], float | None]] = {
    ast.Add: lambda a, b: a + b,
    ast.Sub: lambda a, b: a - b,
    ast.Mult: lambda a, b: a * b,
    ast.Div: lambda a, b: None if b == 0 else a / b,
}
_COMPARE: dict[type[ast.cmpop], Callable[[float, float], bool]] = {
    ast.Lt: lambda a, b: a < b,
    ast.LtE: lambda a, b: a <= b,
    ast.Gt: lambda a, b: a > b,
    ast.GtE: lambda a, b: a >= b,
    ast.Eq: lambda a, b: a == b,
    ast.NotEq: lambda a, b: a != b,
}


def parse_expression(expression: str) -> ast.expr:
    """The expression's syntax tree; a syntax error is a ``DslError`` of kind ``syntax``."""
    try:
        return ast.parse(expression.replace("\n", " ").strip(), mode="eval").body
    except SyntaxError as error:
        raise DslError("syntax", f"syntax error at column {error.offset or 0}: {error.msg}") from None


class Evaluator:
    """Evaluates expressions over OHLCV series; ``names`` are values a script assigned before."""

    def __init__(self, data: dict[str, Series], names: dict[str, Value] | None = None) -> None:
        self.data = data
        self.names: dict[str, Value] = {} if names is None else names
        self.length = len(data["close"])

    def series(self, expression: str | ast.expr) -> Value:
        """The expression's value on every candle (a series), or a scalar when it does not vary."""
        return self._eval(parse_expression(expression) if isinstance(expression, str) else expression)

    def evaluate(self, expression: str) -> Number:
        """The expression's value on the last candle."""
        value = self.series(expression)
        if isinstance(value, list):
            value = value[-1] if value else None
        if isinstance(value, float) and not math.isfinite(value):
            return None
        return value

    def _eval(self, node: ast.expr) -> Value:
        if isinstance(node, ast.Constant) and isinstance(node.value, int | float) and not isinstance(node.value, bool):
            return float(node.value)
        if isinstance(node, ast.Constant) and isinstance(node.value, bool):
            return node.value
        if isinstance(node, ast.Name):
            if node.id in self.data:
                return list(self.data[node.id])
            if node.id in self.names:
                named = self.names[node.id]
                return list(named) if isinstance(named, list) else named
            if node.id in ("true", "false"):
                return node.id == "true"
            raise DslError("syntax", f"unknown variable {node.id!r}; known: {', '.join(VARIABLES)}")
        if isinstance(node, ast.UnaryOp):
            operand = self._eval(node.operand)
            if isinstance(node.op, ast.Not):
                return _lift(lambda v: not v, operand)
            if isinstance(node.op, ast.USub):
                return _lift(lambda v: -v, operand)
        if isinstance(node, ast.BinOp) and type(node.op) in _BINARY:
            return _lift(_BINARY[type(node.op)], self._eval(node.left), self._eval(node.right))
        if isinstance(node, ast.BoolOp):
            values = [self._eval(v) for v in node.values]
            combine: Callable[..., Number] = (
                (lambda *v: all(v)) if isinstance(node.op, ast.And) else (lambda *v: any(v))
            )
            return _lift(combine, *values)
        if isinstance(node, ast.Compare) and all(type(op) in _COMPARE for op in node.ops):
            left = self._eval(node.left)
            results: list[Value] = []
            for op, right_node in zip(node.ops, node.comparators, strict=True):
                right = self._eval(right_node)
                results.append(_lift(_COMPARE[type(op)], left, right))
                left = right
            return results[0] if len(results) == 1 else _lift(lambda *v: all(v), *results)
        if isinstance(node, ast.Subscript):
            return self._index(node)
        if isinstance(node, ast.Call):
            return self._call(node)
        raise DslError("syntax", f"unsupported syntax: {ast.unparse(node)!r}")

    def _index(self, node: ast.Subscript) -> Value:
        series = self._eval(node.value)
        offset = _integer(node.slice)
        if not isinstance(series, list) or offset is None or offset >= 0:
            raise DslError("syntax", f"{ast.unparse(node)!r}: index a series from the end, as in close[-1]")
        if -offset > len(series):
            raise DslError(
                "range", f"{ast.unparse(node)!r} reaches back {-offset} candles; {len(series)} are available"
            )
        return series[offset]

    def _call(self, node: ast.Call) -> Value:
        name = node.func.id if isinstance(node.func, ast.Name) else ast.unparse(node.func)
        function = FUNCTIONS.get(name)
        if function is None:
            raise DslError("syntax", f"unknown function {name!r}; see GET /meta/indicators")
        if name in _WINDOWED:
            if len(node.args) != 2 or (period := _integer(node.args[1])) is None or period < 1:
                raise DslError(
                    "syntax", f"{name} takes (series, period) with a whole period, as in {function.signature}"
                )
            if period > self.length:
                raise DslError(
                    "range", f"{name}(…, {period}) needs {period} candles of history; {self.length} are available"
                )
            series = self._eval(node.args[0])
            if not isinstance(series, list):
                raise DslError("syntax", f"{name} needs a series as its first argument")
            return _WINDOWED[name](series, period)
        args = [self._eval(arg) for arg in node.args]
        if name == "abs" and len(args) == 1:
            return _lift(lambda v: abs(v), args[0])
        if name in ("min", "max") and len(args) == 2:
            return _lift(min if name == "min" else max, *args)
        if name in ("crossover", "crossunder") and len(args) == 2:
            return _cross(args[0], args[1], above=name == "crossover", length=self.length)
        raise DslError("syntax", f"wrong arguments for {function.signature}")


def _integer(node: ast.expr) -> int | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, int) and not isinstance(node.value, bool):
        return node.value
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        inner = _integer(node.operand)
        return None if inner is None else -inner
    return None


def _cross(a: Value, b: Value, *, above: bool, length: int) -> Series:
    left = a if isinstance(a, list) else [a] * length
    right = b if isinstance(b, list) else [b] * length
    out: Series = [None]
    for index in range(1, length):
        values = (_num(left[index - 1]), _num(right[index - 1]), _num(left[index]), _num(right[index]))
        if any(v is None for v in values):
            out.append(None)
            continue
        a0, b0, a1, b1 = (float(v) for v in values if v is not None)
        out.append(a0 <= b0 and a1 > b1 if above else a0 >= b0 and a1 < b1)
    return out


def evaluate(expression: str, candles: Sequence[dict[str, str]]) -> Number:
    """The expression's value on the last of ``candles`` (each with decimal-string OHLCV)."""
    data: dict[str, Series] = {name: [float(candle[name]) for candle in candles] for name in VARIABLES}
    return Evaluator(data).evaluate(expression)
