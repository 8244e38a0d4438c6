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
supported: ...``; a look-back longer than the candles available is ``TA_OUT_OF_RANGE``, and its
message says how much earlier the date range must start.

Limits, so that no script can make the sandbox work for long (each function call and each part is
evaluated over every candle, up to ``simulation.MAX_CANDLES``): a script has at most
``MAX_CHARACTERS`` characters, ``MAX_STATEMENTS`` statements (lines that are neither blank nor
comments), ``MAX_PARTS`` expression parts in all (syntax nodes, counted as the DSL counts them) and
``MAX_CALLS`` function calls in all; each line's expression obeys the DSL's own limits (at most
``dsl.MAX_NODES`` parts nested at most ``dsl.MAX_DEPTH`` deep, periods and look-backs of at most
``dsl.MAX_PERIOD`` candles). A script beyond them is a script error naming the line where the limit
was passed, which fails the backtest job (the request itself is accepted, as the API does).
The interpreter walks Python's ``ast`` of each line; nothing is ever ``eval``-ed.
"""

from __future__ import annotations

import ast
import io
import math
import tokenize
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from . import dsl
from .dsl import DslError, Evaluator, Series, Value

# At most these: together they keep the evaluation of any script within a few seconds on the largest
# backtest (20,000 candles), where a call such as bbands(close, 20, 2) takes ~40 ms and a part ~1 ms.
MAX_CHARACTERS = 20_000
MAX_STATEMENTS = 200
MAX_PARTS = 2_000
MAX_CALLS = 50
SHOWN_CHARACTERS = 100  # how much of a line an error message quotes

SIGNAL_WORDS = ("emit_signal", "entry", "exit", "Weight")
CONSTANTS = ("true", "false", "True", "False")
SIDES = ("LONG", "SHORT")
SHAPES = (
    'each line is `name = expression`, `emit_signal(condition, entry("EXCHANGE:BASE/QUOTE", "LONG", '
    'Weight(0.5)))` or `emit_signal(condition, exit("EXCHANGE:BASE/QUOTE"))`'
)


class ScriptError(Exception):
    """A script that cannot run: ``kind`` is ``syntax`` (a script error) or ``range`` (TA_OUT_OF_RANGE).

    A ``range`` error knows how many candles the line ``needed`` and how many were ``available``.
    """

    def __init__(
        self,
        line: int,
        text: str,
        message: str,
        kind: str = "syntax",
        *,
        needed: int | None = None,
        available: int | None = None,
    ) -> None:
        self.line = line
        self.text = text
        self.message = message
        self.kind = kind
        self.needed = needed
        self.available = available
        super().__init__(self.report())

    def report(self, candle_seconds: int | None = None) -> str:
        """The job's failure message; ``candle_seconds`` (the timeframe's) turns the missing candles into time."""
        shown = self.text if len(self.text) <= SHOWN_CHARACTERS else self.text[: SHOWN_CHARACTERS - 3] + "..."
        where = f"line {self.line}, `{shown}`" if self.line else "the script"
        if self.kind == "range":
            return f"TA_OUT_OF_RANGE: {where}: {self.message}. {self._earlier(candle_seconds)}"
        if self.line:
            return f"Script error on line {self.line}, `{shown}`: {self.message}"
        return f"Script error: {self.message}"

    def _earlier(self, candle_seconds: int | None) -> str:
        if self.needed is None or self.available is None or self.needed <= self.available:
            return "Start the date range earlier, or use a shorter period."
        missing = self.needed - self.available
        if candle_seconds is None:
            return f"Start the date range at least {missing} candles earlier, or use a shorter period."
        return (
            f"Start the date range at least {_duration(missing * candle_seconds)} earlier "
            f"({missing} more candles), or use a shorter period."
        )


def _duration(seconds: int) -> str:
    """``seconds`` rounded up to whole days, hours or minutes: ``3 days``, ``5 hours``, ``1 minute``."""
    for unit, size in (("day", 86400), ("hour", 3600), ("minute", 60)):
        if seconds >= size or unit == "minute":
            count = math.ceil(seconds / size)
            return f"{count} {unit}{'' if count == 1 else 's'}"
    raise AssertionError("unreachable")


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
        # One evaluator reads the names as they are assigned; ``x[-k]`` is its per-candle look-back.
        evaluator = Evaluator(data, names)
        found: list[Signal] = []
        for statement in self.statements:
            if statement.action is not None and statement.action.ticker != ticker:
                continue
            try:
                value = evaluator.series(statement.expression)
            except DslError as error:
                raise ScriptError(
                    statement.line, statement.text, error.message, error.kind, needed=error.candles, available=length
                ) from None
            if statement.name is not None:
                names[statement.name] = value
            elif statement.action is not None:
                found.append(Signal(statement.action, _condition(value, length, statement)))
        return found


def parse(script: str) -> Program:
    """The script's statements; a malformed line is a ``ScriptError`` naming it."""
    if len(script) > MAX_CHARACTERS:
        raise ScriptError(
            0,
            "",
            f"the script has {len(script):,} characters; the sandbox runs scripts of at most {MAX_CHARACTERS:,} "
            f"characters and {MAX_STATEMENTS} statements",
        )
    statements: list[Statement] = []
    assigned: set[str] = set()
    parts = calls = 0
    for number, raw in enumerate(script.splitlines(), start=1):
        text = raw.strip()
        if not text or text.startswith("#"):
            continue
        if len(statements) == MAX_STATEMENTS:
            raise ScriptError(
                number,
                text,
                f"the script has more than {MAX_STATEMENTS} statements (lines that are not blank or comments); "
                f"the sandbox runs at most {MAX_STATEMENTS}",
            )
        text = _without_comment(text)
        statement = _statement(number, text, assigned)
        size = _size(statement.expression)
        parts, calls = parts + size[0], calls + size[1]
        if parts > MAX_PARTS or calls > MAX_CALLS:
            what = f"{MAX_PARTS:,} expression parts" if parts > MAX_PARTS else f"{MAX_CALLS} function calls"
            raise ScriptError(
                number,
                text,
                f"the script has more than {what} in all by this line; the sandbox runs scripts of at most "
                f"{MAX_PARTS:,} parts and {MAX_CALLS} calls: compute an indicator once and reuse its name",
            )
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
    except (RecursionError, MemoryError, ValueError):
        raise fail(
            f"the line cannot be parsed: it nests more than {dsl.MAX_DEPTH} levels deep, is too long or holds a "
            "null byte; split it into steps"
        ) from None
    if len(tree.body) != 1:
        raise fail(f"one statement per line; {SHAPES}")
    node = tree.body[0]
    # The DSL's limits on the expression first (their message is the precise one), then a bound on the
    # whole line, before anything below walks the tree recursively (ast.unparse in messages).
    if isinstance(node, ast.Assign):
        _check_shape(node.value, fail)
    elif isinstance(node, ast.Expr) and isinstance(node.value, ast.Call) and node.value.args:
        _check_shape(node.value.args[0], fail)
    _check_line(node, fail)
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


# A bound on the whole line, looser than the expression's own (which gives the precise message):
# ``emit_signal(`` and ``entry(..., Weight(w))`` add a few levels and parts around the expression.
_LINE_DEPTH = dsl.MAX_DEPTH + 10
_LINE_NODES = dsl.MAX_NODES * 2


def _check_shape(expression: ast.expr, fail: Callable[[str], ScriptError]) -> None:
    try:
        dsl.check_shape(expression)
    except DslError as error:
        raise fail(error.message) from None


def _check_line(node: ast.stmt, fail: Callable[[str], ScriptError]) -> None:
    """Bound the whole line's tree (no recursion here), so that nothing that walks it can recurse deeply."""
    stack: list[tuple[ast.AST, int]] = [(node, 1)]
    count = 0
    while stack:
        inner, depth = stack.pop()
        count += 1
        if depth > _LINE_DEPTH or count > _LINE_NODES:
            raise fail(
                f"the line is too large: an expression has at most {dsl.MAX_NODES} parts nested at most "
                f"{dsl.MAX_DEPTH} deep; split it into steps"
            )
        stack.extend((child, depth + 1) for child in ast.iter_child_nodes(inner))


def _size(expression: ast.expr) -> tuple[int, int]:
    """The expression's parts (syntax nodes, as ``dsl.check_shape`` counts them) and function calls."""
    nodes = list(ast.walk(expression))
    return len(nodes), sum(isinstance(node, ast.Call) for node in nodes)


def _called(call: ast.Call) -> str:
    return call.func.id if isinstance(call.func, ast.Name) else ast.unparse(call.func)


def _check_expression(node: ast.expr, assigned: set[str], fail: Callable[[str], ScriptError]) -> None:
    """Unknown functions and names are reported before any candle is read."""
    inner_nodes = list(ast.walk(node))
    # The callee of a call is a Name too; it is checked as a function.
    callees = {id(inner.func) for inner in inner_nodes if isinstance(inner, ast.Call)}
    for inner in inner_nodes:
        if isinstance(inner, ast.Call):
            name = _called(inner)
            if name in SIGNAL_WORDS:
                raise fail(f"{name}(...) can only stand in an emit_signal line; {SHAPES}")
            if name not in dsl.FUNCTIONS:
                raise fail(f"unknown function {name!r}; supported: {', '.join(sorted(dsl.FUNCTIONS))}")
        elif isinstance(inner, ast.Name) and not (
            inner.id in dsl.VARIABLES or inner.id in assigned or inner.id in CONSTANTS or id(inner) in callees
        ):
            raise fail(
                f"unknown name {inner.id!r}; use {', '.join(dsl.VARIABLES)}, true, false "
                "or a name assigned on an earlier line"
            )


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
