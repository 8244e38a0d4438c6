"""The Signal DSL script interpreter of the sandbox's backtests.

A script is read line by line. Blank lines and lines starting with ``#`` are skipped (a ``#`` after
a statement starts a comment too); every other line is exactly one of:

- ``name = expression``: an assignment. The expression is a Signal DSL expression (the series
  ``open high low close volume``, numbers, ``+ - * /``, comparisons, ``and or not``, the indicators
  of ``GET /docs/operators``) and may use the names assigned on earlier lines. A name cannot be a
  series, an indicator or one of the words below.
- ``emit_signal(condition, entry("EXCHANGE:BASE/QUOTE", "LONG" | "SHORT", Weight(w)))``: open a
  position on that ticker when ``condition`` is true; ``w`` (a number, 0 < w <= 1) is the fraction of
  the equity the position takes (times the leverage on a perpetual market).
- ``emit_signal(condition, exit("EXCHANGE:BASE/QUOTE"))``: close the ticker's position when
  ``condition`` is true.

A script needs at least one ``emit_signal`` line (without one it could never trade, so it is an error).

How long a position lasts:

- With no ``exit`` signal for its ticker, an entry is a *holding* signal: the position is open while
  the condition is true and closes on the first candle where no entry condition of that ticker is.
  The documented ``emit_signal(rsi(close, 14) < 30, entry(..., "LONG", ...))`` therefore buys each
  oversold spell and sells when the RSI is back above 30.
- Once the script has an ``exit`` signal for a ticker, its entries are *sticky*: the position opens
  when an entry condition is true and stays open until an exit condition is true (an exit wins over
  an entry on the same candle), an entry of the other side reverses it, or the backtest ends.
- Several entries of one ticker true at once: the first in the script wins. A position keeps the
  size it was opened with (no rebalancing while it is open).

What the series mean: the condition of an ``emit_signal`` reads the candles of the ticker its
``entry``/``exit`` names, and so do the assignments it uses (the script is evaluated once per ticker
the signals name). A universe ticker no signal names is not traded. Each ticker a signal names must
be in the universe. A condition must be true or false on every candle (a comparison, ``and``,
``crossover``...); a candle where it is not yet defined (too little history for the indicator)
counts as false.

Indexing looks back from the current candle: at each candle ``close[-1]`` is that candle's close and
``close[-2]`` the one before, so a script never sees the future.

Errors name the line: ``Script error on line 2, `x = rsii(close, 14)`: unknown function 'rsii';
supported: ...``; a look-back longer than the candles available is ``TA_OUT_OF_RANGE``.
The interpreter walks Python's ``ast`` of each line; nothing is ever ``eval``-ed.
"""

from __future__ import annotations

import ast
import copy
import io
import tokenize
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from . import dsl
from .dsl import DslError, Evaluator, Series, Value

SIGNAL_WORDS = ("emit_signal", "entry", "exit", "Weight")
CONSTANTS = ("true", "false", "True", "False")
SIDES = ("LONG", "SHORT")
SHAPES = (
    'each line is `name = expression`, `emit_signal(condition, entry("EXCHANGE:BASE/QUOTE", "LONG", '
    'Weight(0.5)))` or `emit_signal(condition, exit("EXCHANGE:BASE/QUOTE"))`'
)


class ScriptError(Exception):
    """A script that cannot run: ``kind`` is ``syntax`` (a script error) or ``range`` (TA_OUT_OF_RANGE)."""

    def __init__(self, line: int, text: str, message: str, kind: str = "syntax") -> None:
        self.line = line
        self.text = text
        self.message = message
        self.kind = kind
        super().__init__(self.report())

    def report(self) -> str:
        """The job's failure message."""
        where = f"line {self.line}, `{self.text}`" if self.line else "the script"
        if self.kind == "range":
            return (
                f"TA_OUT_OF_RANGE: {where}: {self.message}. "
                "Start the date range at least 250 days before the analysis window, or use a shorter period."
            )
        if self.line:
            return f"Script error on line {self.line}, `{self.text}`: {self.message}"
        return f"Script error: {self.message}"


@dataclass(frozen=True)
class Action:
    """What a signal does: ``entry`` (with ``side`` and ``weight``) or ``exit``, on ``ticker``."""

    kind: str
    ticker: str
    side: str | None  # "long" or "short" for an entry
    weight: Decimal | None
    line: int
    text: str


@dataclass(frozen=True)
class Statement:
    line: int
    text: str
    expression: ast.expr
    name: str | None = None  # set for an assignment
    action: Action | None = None  # set for an emit_signal


@dataclass(frozen=True)
class Signal:
    action: Action
    condition: list[bool]


@dataclass
class Program:
    """A parsed script: its statements in order, ready to be evaluated per ticker."""

    statements: list[Statement]
    actions: list[Action] = field(default_factory=list)

    def tickers(self) -> list[str]:
        """The tickers the signals name, in the order they first appear."""
        return list(dict.fromkeys(action.ticker for action in self.actions))

    def signals(self, ticker: str, data: dict[str, Series]) -> list[Signal]:
        """The signals on ``ticker`` with their condition on each of its candles (``data``: OHLCV floats)."""
        names: dict[str, Value] = {}
        length = len(data["close"])
        found: list[Signal] = []
        for statement in self.statements:
            if statement.action is not None and statement.action.ticker != ticker:
                continue
            try:
                value = _evaluate(statement.expression, data, names, length)
            except DslError as error:
                raise ScriptError(statement.line, statement.text, error.message, error.kind) from None
            if statement.name is not None:
                names[statement.name] = value
            elif statement.action is not None:
                found.append(Signal(statement.action, _condition(value, length, statement)))
        return found


def parse(script: str) -> Program:
    """The script's statements; a malformed line is a ``ScriptError`` naming it."""
    statements: list[Statement] = []
    assigned: set[str] = set()
    for number, raw in enumerate(script.splitlines(), start=1):
        text = raw.strip()
        if not text or text.startswith("#"):
            continue
        text = _without_comment(text)
        statement = _statement(number, text, assigned)
        statements.append(statement)
        if statement.name is not None:
            assigned.add(statement.name)
    actions = [s.action for s in statements if s.action is not None]
    if not actions:
        raise ScriptError(
            0,
            "",
            "the script emits no signal, so it would never trade; end it with "
            'emit_signal(condition, entry("EXCHANGE:BASE/QUOTE", "LONG", Weight(0.5)))',
        )
    return Program(statements, actions)


def _without_comment(text: str) -> str:
    """The line without a trailing ``# comment`` (a ``#`` inside a string is kept)."""
    try:
        for token in tokenize.generate_tokens(io.StringIO(text).readline):
            if token.type == tokenize.COMMENT:
                return text[: token.start[1]].rstrip()
    except (tokenize.TokenError, SyntaxError):
        pass  # the parse below reports the line
    return text


def _statement(number: int, text: str, assigned: set[str]) -> Statement:
    def fail(message: str) -> ScriptError:
        return ScriptError(number, text, message)

    try:
        tree = ast.parse(text, mode="exec")
    except SyntaxError as error:
        raise fail(f"invalid syntax at column {error.offset or 0} ({error.msg}); {SHAPES}") from None
    if len(tree.body) != 1:
        raise fail(f"one statement per line; {SHAPES}")
    node = tree.body[0]
    if isinstance(node, ast.Assign):
        if len(node.targets) != 1 or not isinstance(node.targets[0], ast.Name):
            raise fail("assign to one plain name, as in `oversold = rsi(close, 14) < 30`")
        name = node.targets[0].id
        if name in dsl.VARIABLES or name in dsl.FUNCTIONS or name in SIGNAL_WORDS or name in CONSTANTS:
            raise fail(f"{name!r} is a reserved word (a series, an indicator or a signal word); choose another name")
        _check_expression(node.value, assigned, fail)
        return Statement(number, text, node.value, name=name)
    if isinstance(node, ast.Expr) and isinstance(node.value, ast.Call) and _called(node.value) == "emit_signal":
        call = node.value
        if len(call.args) != 2 or call.keywords:
            raise fail("emit_signal takes two arguments: a condition and entry(...) or exit(...)")
        _check_expression(call.args[0], assigned, fail)
        action = _action(call.args[1], number, text, fail)
        return Statement(number, text, call.args[0], action=action)
    raise fail(SHAPES)


def _called(call: ast.Call) -> str:
    return call.func.id if isinstance(call.func, ast.Name) else ast.unparse(call.func)


def _check_expression(node: ast.expr, assigned: set[str], fail: Callable[[str], ScriptError]) -> None:
    """Unknown functions and names are reported before any candle is read."""
    for inner in ast.walk(node):
        if isinstance(inner, ast.Call):
            name = _called(inner)
            if name in SIGNAL_WORDS:
                raise fail(f"{name}(...) can only stand in an emit_signal line; {SHAPES}")
            if name not in dsl.FUNCTIONS:
                raise fail(f"unknown function {name!r}; supported: {', '.join(sorted(dsl.FUNCTIONS))}")
        elif isinstance(inner, ast.Name) and not _known_name(inner, node, assigned):
            raise fail(
                f"unknown name {inner.id!r}; use {', '.join(dsl.VARIABLES)}, true, false "
                "or a name assigned on an earlier line"
            )


def _known_name(name: ast.Name, root: ast.expr, assigned: set[str]) -> bool:
    if name.id in dsl.VARIABLES or name.id in assigned or name.id in CONSTANTS:
        return True
    # The callee of a call is a Name too; it was checked as a function.
    return any(isinstance(n, ast.Call) and n.func is name for n in ast.walk(root))


def _action(node: ast.expr, line: int, text: str, fail: Callable[[str], ScriptError]) -> Action:
    if not isinstance(node, ast.Call) or _called(node) not in ("entry", "exit"):
        raise fail(f"the second argument of emit_signal is entry(...) or exit(...); {SHAPES}")
    kind = _called(node)
    if node.keywords:
        raise fail(f"{kind}(...) takes positional arguments only")
    ticker = _string(node.args[0]) if node.args else None
    if ticker is None or ":" not in ticker or "/" not in ticker:
        raise fail(f'{kind}(...) names its ticker first, as a string: "EXCHANGE:BASE/QUOTE"')
    if kind == "exit":
        if len(node.args) != 1:
            raise fail('exit takes one argument, the ticker: exit("EXCHANGE:BASE/QUOTE")')
        return Action("exit", ticker, None, None, line, text)
    if len(node.args) != 3:
        raise fail('entry takes three arguments: entry("EXCHANGE:BASE/QUOTE", "LONG" or "SHORT", Weight(w))')
    side = _string(node.args[1])
    if side is None or side.upper() not in SIDES:
        raise fail(f'the side is "LONG" or "SHORT"; got {ast.unparse(node.args[1])}')
    weight = _weight(node.args[2])
    if weight is None:
        raise fail(f"the size is Weight(w) with a number 0 < w <= 1; got {ast.unparse(node.args[2])}")
    return Action("entry", ticker, side.lower(), weight, line, text)


def _string(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _weight(node: ast.expr) -> Decimal | None:
    if not (isinstance(node, ast.Call) and _called(node) == "Weight" and len(node.args) == 1 and not node.keywords):
        return None
    value = node.args[0]
    if not (isinstance(value, ast.Constant) and isinstance(value.value, int | float)) or isinstance(value.value, bool):
        return None
    try:
        weight = Decimal(str(value.value))
    except InvalidOperation:
        return None
    return weight if 0 < weight <= 1 else None


def _evaluate(node: ast.expr, data: dict[str, Series], names: dict[str, Value], length: int) -> Value:
    """The expression's value on every candle; ``x[-k]`` is ``x`` shifted back ``k - 1`` candles."""
    scope = dict(names)
    tree = _Lookback(data, scope, length).visit(copy.deepcopy(node))
    assert isinstance(tree, ast.expr)
    return Evaluator(data, scope).series(tree)


class _Lookback(ast.NodeTransformer):
    """Replaces ``series[-k]`` by a name bound to the series shifted by ``k - 1`` candles."""

    def __init__(self, data: dict[str, Series], scope: dict[str, Value], length: int) -> None:
        self.data = data
        self.scope = scope
        self.length = length

    def visit_Subscript(self, node: ast.Subscript) -> ast.AST:
        offset = _negative_integer(node.slice)
        if offset is None:
            return self.generic_visit(node)  # the evaluator explains what it accepts
        inner = self.visit(node.value)
        assert isinstance(inner, ast.expr)
        value = Evaluator(self.data, self.scope).series(inner)
        if not isinstance(value, list):
            raise DslError("syntax", f"{ast.unparse(node)!r}: only a series can be indexed")
        back = -offset - 1
        if back >= self.length:
            raise DslError("range", f"{ast.unparse(node)} reaches back {-offset} candles; {self.length} are available")
        missing: Series = [None] * back  # no candle before the first
        shifted = missing + value[: len(value) - back]
        name = f"lookback#{len(self.scope)}"  # not an identifier, so no script name can clash with it
        self.scope[name] = shifted
        return ast.copy_location(ast.Name(id=name, ctx=ast.Load()), node)


def _negative_integer(node: ast.expr) -> int | None:
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        operand = node.operand
        if isinstance(operand, ast.Constant) and isinstance(operand.value, int) and not isinstance(operand.value, bool):
            return -operand.value if operand.value > 0 else None
    return None


def _condition(value: Value, length: int, statement: Statement) -> list[bool]:
    values = value if isinstance(value, list) else [value] * length
    if any(v is not None and not isinstance(v, bool) for v in values):
        raise ScriptError(
            statement.line,
            statement.text,
            "the condition must be true or false on each candle (a comparison such as rsi(close, 14) < 30, "
            "and/or/not, crossover(...)), not a number",
        )
    return [v is True for v in values]
