"""The public documents, as the sandbox serves them: markdown that is true of the sandbox.

Everything that could drift is generated from what the sandbox runs: the function and operator
tables from the evaluator's registry (``dsl.FUNCTIONS``, ``dsl.OPERATORS``), the error examples by
running the evaluator on the broken expressions they show, the exchanges and timeframes from
``market``, and the API reference from the spec's operations. The prose around them describes the
sandbox's own choices (see ``dsl`` and ``market``), not the live service's full language.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from .clock import START
from .dsl import (
    EXPRESSION_CANDLES,
    FUNCTIONS,
    MAX_DEPTH,
    MAX_NODES,
    MAX_PERIOD,
    OPERATORS,
    VARIABLE_TEXT,
    VARIABLES,
    DslError,
    Evaluator,
    Series,
    supported,
)
from .errors import ApiError, error_body
from .market import FUNDING_EXCHANGES, HISTORY_START, TIMEFRAME_SECONDS, VENUES, MarketData
from .spec import ApiSpec
from .validation import invalid

__all__ = ["OPERATORS", "VARIABLE_TEXT", "Document", "documents", "expression_error", "index_markdown"]

# Broken expressions the error section shows, with the message the evaluator really gives.
SYNTAX_EXAMPLES = ("magic(close, 3)", "rsi(close 14)", "sma(close)", "close.__class__")
RANGE_EXAMPLE = f"sma(close, {EXPRESSION_CANDLES + 100})"
_VALIDATION_WHEN = (
    "The expression is not in the language: a syntax error, an unknown function or variable, a wrong number "
    f"of arguments, a period that is not a whole number from 1 to {MAX_PERIOD}, anything outside the subset "
    "(attribute access, lambda, strings, `**`, `%`). Also a `scan` condition that is not boolean and a `rank` "
    "expression that is not numeric."
)
_RANGE_WHEN = (
    "An indicator needs more candles than there are: its own warm-up plus that of its input "
    "(`sma(rsi(close, 14), 20)` needs 34), or `x[-n]` reaches further back."
)
_EVALUATE_CANDLES = f"the last {EXPRESSION_CANDLES} closed candles of `timeframe` (default `1h`)"


@dataclass(frozen=True)
class Document:
    slug: str
    title: str
    description: str
    content: str

    @property
    def path(self) -> str:
        return f"/docs/{self.slug}"


def _code(text: str) -> str:
    """Inline code that survives a table cell (GitHub's tables take ``\\|`` inside code too)."""
    return f"`{_cell(text)}`"


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _error_of(expression: str) -> DslError:
    rising: Series = [100.0 + index for index in range(EXPRESSION_CANDLES)]
    data = {name: rising for name in VARIABLES}
    try:
        Evaluator(data).evaluate(expression)
    except DslError as error:
        return error
    raise AssertionError(f"{expression!r} was meant to fail")


def function_table() -> str:
    lines = ["| function | meaning | warm-up (candles) | example |", "|---|---|---|---|"]
    for function in FUNCTIONS.values():
        lines.append(
            f"| {_code(function.signature)} | {_cell(function.description)} | {_cell(function.warmup_text)} "
            f"| {_code(function.example)} |"
        )
    return "\n".join(lines)


def operator_table() -> str:
    lines = ["| operator | meaning | example |", "|---|---|---|"]
    lines += [f"| {_code(symbol)} | {_cell(text)} | {_code(example)} |" for symbol, text, example in OPERATORS]
    return "\n".join(lines)


def variable_table() -> str:
    lines = ["| variable | meaning |", "|---|---|"]
    lines += [f"| `{name}` | {VARIABLE_TEXT[name]} |" for name in VARIABLES]
    return "\n".join(lines)


def expression_error(error: DslError, parameter: str, expression: str) -> ApiError:
    """The API error of an expression that fails: what the market handlers raise and the docs show."""
    if error.kind == "range":
        return ApiError(
            "TA_OUT_OF_RANGE",
            error.message,
            f"Expressions read the last {EXPRESSION_CANDLES} candles of the timeframe: use a shorter period, "
            "fewer nested indicators or a longer timeframe.",
            details={"parameter": parameter, "candles": EXPRESSION_CANDLES},
        )
    return invalid(parameter, "signal-dsl", error.message, supported(), expression)


def _envelope(expression: str) -> str:
    error = expression_error(_error_of(expression), "expression", expression)
    return json.dumps(error_body(error, START), indent=2)


def _errors() -> str:
    syntax = "\n".join(f"| `{text}` | {_cell(_error_of(text).message)} |" for text in SYNTAX_EXAMPLES)
    out_of_range = _error_of(RANGE_EXAMPLE).message
    return f"""## Errors

| code | HTTP | when |
|---|---|---|
| `VALIDATION_ERROR` | 400 | {_VALIDATION_WHEN} |
| `TA_OUT_OF_RANGE` | 422 | {_RANGE_WHEN} |

The `message` names the problem, and the `suggestion` of a `VALIDATION_ERROR` lists what is
supported: `{supported()}`

| expression | message |
|---|---|
{syntax}

`{RANGE_EXAMPLE}` over the {EXPRESSION_CANDLES} candles of `POST /market/evaluate` answers
`TA_OUT_OF_RANGE` with the message `{out_of_range}`.

A `VALIDATION_ERROR` as the API sends it:

```json
{_envelope(SYNTAX_EXAMPLES[0])}
```
"""


def _signal_dsl() -> str:
    return f"""# Signal DSL

The sandbox evaluates a safe subset of the Signal DSL over its synthetic candles (see
[/docs/data](/docs/data)). The same expressions are read by `POST /market/evaluate`,
`POST /market/scan`, `POST /market/rank` and by backtest scripts.

```
oversold = rsi(close, 14) < 30
trend_up = ema(close, 50) > ema(close, 200)
emit_signal(oversold and trend_up, entry("BINANCE:BTC/USDT", "LONG", Weight(0.5)))
```

## Values

Every value is a **series**: one value per candle, oldest first. A number is the same on every
candle. `close > sma(close, 20)` is true or false on each candle; `POST /market/evaluate` answers
the value on the last candle (a number, `true`/`false`, or `null`), `scan` keeps the symbols whose
condition is true on the last candle and `rank` sorts them by the value on the last candle. The
last candle is the last *closed* one: the candle still forming is left out, so a value does not
change until its candle closes, as in a backtest.

- **Numbers**: `14`, `0.5`, `-2`. **Booleans**: `true`, `false`.
- **Series**: {", ".join(f"`{name}`" for name in VARIABLES)} (see [/docs/data](/docs/data)).
- **Looking back**: `x[-1]` is `x`, `x[-2]` its value one candle earlier, `x[-n]` n - 1 candles
  earlier, at every candle, so a backtest never sees the future. `close > close[-2]`: the close
  rose. Only negative whole numbers index.
- **null**: an indicator has no value while it warms up (the first candles, see the table), and
  a division by zero gives null. Arithmetic, comparisons and logic with a null give null; a
  scan treats null as false and a rank leaves the symbol out. Window indicators (`sma`, `stdev`,
  `highest`, `lowest`, `bbands`) stay null while a null is in their window; recursive ones
  (`ema`, `rsi`, `atr`, `macd`) skip it.
- **Outputs**: `macd` and `bbands` have several, picked with a dot on the call:
  `macd(close, 12, 26, 9).signal`, `bbands(close, 20, 2).upper`. A bare `macd(...)` is its
  `.line`; `bbands` must name its band. This is the only use of a dot.
- **Arguments** are positional. Periods are whole numbers from 1 to {MAX_PERIOD}, written out (or, in a
  script, a name assigned a whole number); parameters with a default (`macd`, `bbands`) may be left
  out from the right: `macd(close)` is `macd(close, 12, 26, 9)`.

## Operators

From the loosest to the tightest binding; comparisons chain (`30 < rsi(close, 14) < 70`).

{operator_table()}

## Functions

The indicators follow TradingView's definitions: `ema` is seeded with the SMA of its first
`period` values, `rsi` and `atr` use Wilder's smoothing (alpha = 1 / period, also seeded with an
SMA), `stdev` and `bbands` the population standard deviation. The warm-up is how many candles an
indicator's first value comes after its input's first value, so `sma(rsi(close, 14), 20)` has its
first value on candle 34 (index 33).

{function_table()}

## Where expressions run

| endpoint | expression | candles |
|---|---|---|
| `POST /market/evaluate` | any: the value on the last candle | {_EVALUATE_CANDLES} |
| `POST /market/scan` | `condition`, boolean | the same, per symbol of the universe |
| `POST /market/rank` | `expression`, numeric | the same, per symbol of the universe |
| `POST /backtest/execute` | the script's expressions | every candle of the date range and timeframe |

An expression has at most {MAX_NODES} syntax nodes nested at most {MAX_DEPTH} deep, and the API takes
at most 2,000 characters.

## Backtest scripts

A script is one statement per line (blank lines and `#` comments are skipped):

- `name = expression`: names a series for the lines below (`oversold = rsi(close, 14) < 30`).
  Names cannot reuse a series, a function or a signal word.
- `emit_signal(condition, entry("EXCHANGE:BASE/QUOTE", "LONG" | "SHORT", Weight(w)))`: open a
  position of weight `w` (0 < w <= 1 of the equity) on that ticker when the condition is true.
- `emit_signal(condition, exit("EXCHANGE:BASE/QUOTE"))`: close that ticker's position when the
  condition is true.

The backtest engine runs the script on the sandbox's synthetic candles of each ticker the signals
name (`"BINANCE:BTC/USDT"`, `"HYPERLIQUID:ETH/USDC:USDC"`); an error names the line. Start the date
range early enough for the longest warm-up, or the backtest fails with `TA_OUT_OF_RANGE`.

How a backtest trades:

- A condition true at a candle's close fills at the next candle's open, with the request's
  `slippage` against you and its `trading_fee` on each side's value. Positions still open at the
  end close at the last close.
- Without an `exit(...)` for a ticker, its position lasts while the entry condition is true; with
  one, it lasts until the exit fires (an exit wins over an entry on the same candle; an opposite
  entry reverses the position).
- A position's margin is `w` times the equity; on perpetual markets its value is the margin times
  `leverage`. `SHORT` on a spot market is an error.
- `mode: isolated` gives each ticker `initial_cash / n` of its own (a position whose loss reaches
  its margin is liquidated, and never loses more); `mode: cross` shares one pool: if, at a candle's
  worst prices, closing everything would leave nothing, the whole account is liquidated within that
  candle, trading stops and the equity stays at 0. `stop_loss` and `take_profit` close everything
  when the portfolio's equity reaches them.
- `strategy_type` `dca`, `grid` and `pair_trading` follow built-in rules instead of a script.
- At most 20,000 candles (candles times tickers) per backtest: pick a larger timeframe for long
  ranges. A script has at most 20,000 characters, 200 statements, 2,000 syntax nodes and 50
  function calls, and each expression obeys the limits above; a larger script is accepted, but its
  job fails with a `Script error` naming the line that passes a limit.

{_errors()}"""


def _operators() -> str:
    sections = [
        "# Operators and indicators",
        "",
        "Everything a Signal DSL expression can use in the sandbox; "
        "[/docs/signal-dsl](/docs/signal-dsl) explains how they combine.",
        "",
        "## Operators",
        "",
        operator_table(),
        "",
        "## Indicators and functions",
        "",
        function_table(),
        "",
        "## Outputs",
        "",
    ]
    for function in FUNCTIONS.values():
        if function.outputs:
            bare = (
                f"a bare `{function.name}(...)` is `.{function.default_output}`"
                if function.default_output
                else "the output must be named"
            )
            listed = ", ".join(f"`.{output}`" for output in function.outputs)
            sections.append(f"- `{function.name}`: {listed}; {bare}.")
    sections += ["", "## Series", "", variable_table(), ""]
    return "\n".join(sections)


def _exchange_table() -> str:
    market = MarketData(0)
    lines = ["| exchange | market type | quote | symbols |", "|---|---|---|---|"]
    for exchange in market.exchanges():
        listed = market.markets(exchange)
        kinds = ", ".join(sorted({m.market_type for m in listed}))
        quotes = ", ".join(sorted({m.quote for m in listed}))
        if exchange == "polymarket":
            symbols = f"{len(listed)} outcome tokens (numeric token IDs), e.g. {listed[0].title}"
        else:
            symbols = ", ".join(m.symbol for m in listed)
        lines.append(f"| `{exchange}` | {kinds} | {quotes} | {symbols} |")
    return "\n".join(lines)


def _data() -> str:
    timeframes = ", ".join(f"`{name}`" for name in TIMEFRAME_SECONDS)
    perpetuals = ", ".join(
        f"`{name}`"
        for name, venue in VENUES.items()
        if venue.market_type == "perpetual" and name not in FUNDING_EXCHANGES
    )
    return f"""# Data variables

An expression reads five series, one value per candle of the symbol and timeframe it runs on:

{variable_table()}

`close[-2]` is the previous candle's close, `sma(volume, 20)` the average volume; the functions
are in [/docs/operators](/docs/operators).

## The sandbox's market data

The sandbox makes up its markets: deterministic synthetic candles per exchange, symbol and
timeframe, the same for the same seed (`heytraders-mock --seed N`) on every run, different for
another seed.

- **Timeframes**: {timeframes}. `1w` candles open on Mondays, `1M` candles on the 1st of
  each calendar month, all in UTC. History starts on {HISTORY_START.date().isoformat()}; the last
  candle is the one still open at the server's time, and its close is the ticker's `last`.
- **Candles** agree across timeframes: a candle opens at the close of the candle before it,
  `low <= open, close <= high`, and a `1h` candle's high, low and volume are those of its sixty
  `1m` candles.
- **Prices** follow a random walk with calm and stormy regimes and bull and bear phases, each
  asset with its own volatility (BTC about 2.5 % a day, PEPE 7 %), and move together across
  exchanges. They stay plausible: BTC/USDT between a few tens and a few hundreds of thousands,
  Upbit in KRW (BTC/KRW in the hundreds of millions), Polymarket prices are probabilities in
  [0.01, 0.99]. Prices are exact
  decimals in the market's tick; `volume` is in the base asset (shares on Polymarket).
- **Funding rates** (`GET /market/funding-rates`) exist for `hyperliquid` and `lighter` only,
  hourly; the other perpetual exchanges ({perpetuals}) have none.
- An unknown symbol answers `DATA_UNAVAILABLE`.

## Exchanges and symbols

{_exchange_table()}
"""


def _api_reference(api: ApiSpec) -> str:
    lines = [
        f"# {api.title} {api.version}: quick reference",
        "",
        "| method | path | scope | summary |",
        "|---|---|---|---|",
    ]
    for op in api.operations:
        scope = op.scope or "public"
        lines.append(f"| {op.method} | `{op.path}` | {scope} | {op.summary} |")
    return "\n".join(lines) + "\n"


def documents(api: ApiSpec) -> dict[str, Document]:
    docs = (
        Document(
            "signal-dsl",
            "Signal DSL script guide",
            "Expressions, operators, indicators, backtest scripts and errors, as the sandbox runs them.",
            _signal_dsl(),
        ),
        Document(
            "operators",
            "Operators and indicators",
            "Every operator and indicator with its signature, warm-up and an example.",
            _operators(),
        ),
        Document("data", "Data variables", "The series an expression reads, and the sandbox's market data.", _data()),
        Document("api-reference", "API reference", "Every REST endpoint with its scope.", _api_reference(api)),
    )
    return {doc.slug: doc for doc in docs}


def index_markdown(docs: dict[str, Document]) -> str:
    lines = ["# HeyTraders documents", ""]
    lines += [f"- [{doc.title}]({doc.path}): {doc.description}" for doc in docs.values()]
    return "\n".join(lines) + "\n"
