"""The public documents, as the mock serves them: short, true of the mock, in markdown.

The API reference is written from the spec's operations at start-up, so it cannot drift from what
the mock serves; the Signal DSL guide and the operator reference describe the mock's own
evaluator (``dsl.py``).
"""

from __future__ import annotations

from dataclasses import dataclass

from .dsl import FUNCTIONS, VARIABLES
from .spec import ApiSpec

OPERATORS = (
    ("+ - * /", "Arithmetic, element by element on series."),
    ("< <= > >= == !=", "Comparisons; a series compared with a number is a boolean series."),
    ("and or not", "Boolean logic."),
    ("x[-n]", "The value n candles back from the last (x[-1] is the last)."),
)
VARIABLE_TEXT = {
    "open": "Opening price of each candle.",
    "high": "Highest price of each candle.",
    "low": "Lowest price of each candle.",
    "close": "Closing price of each candle.",
    "volume": "Volume traded during each candle, in the base asset.",
}


@dataclass(frozen=True)
class Document:
    slug: str
    title: str
    description: str
    content: str

    @property
    def path(self) -> str:
        return f"/docs/{self.slug}"


def _signal_dsl() -> str:
    return (
        "# Signal DSL\n\n"
        "A script is a list of assignments, one per line, ending in `emit_signal(...)` calls:\n\n"
        "```\noversold = rsi(close, 14) < 30\n"
        'emit_signal(oversold, entry("BINANCE:BTC/USDT", "LONG", Weight(0.5)))\n```\n\n'
        "Expressions (`POST /market/evaluate`, `/market/scan`, `/market/rank`) read the series "
        f"{', '.join(f'`{name}`' for name in VARIABLES)} and call indicators such as `rsi(close, 14)`. "
        "A series used as a value means its last candle; `close[-2]` is the one before.\n\n"
        "## In the mock\n\n"
        "The mock evaluates expressions over its own deterministic candles (the last 300 of the "
        "timeframe). Backtests are simulated: the script is checked for indicator periods longer "
        "than the date range (`TA_OUT_OF_RANGE`), not executed. Start the range at least 250 days "
        "before the window you analyse when a script uses long indicators.\n"
    )


def _operators() -> str:
    lines = ["# Operators and indicators", "", "## Operators", "", "| operator | meaning |", "|---|---|"]
    lines += [f"| `{symbol}` | {text} |" for symbol, text in OPERATORS]
    lines += ["", "## Indicators", "", "| indicator | signature | category | description |", "|---|---|---|---|"]
    lines += [f"| `{name}` | `{f.signature}` | {f.category} | {f.description} |" for name, f in FUNCTIONS.items()]
    return "\n".join(lines) + "\n"


def _data() -> str:
    lines = ["# Data variables", "", "| variable | meaning |", "|---|---|"]
    lines += [f"| `{name}` | {VARIABLE_TEXT[name]} |" for name in VARIABLES]
    return "\n".join(lines) + "\n"


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
        Document("signal-dsl", "Signal DSL script guide", "Script syntax, expressions and execution.", _signal_dsl()),
        Document(
            "operators", "Operators and indicators", "Every operator and indicator with its signature.", _operators()
        ),
        Document("data", "Data variables", "The series a script can read.", _data()),
        Document("api-reference", "API reference", "Every REST endpoint with its scope.", _api_reference(api)),
    )
    return {doc.slug: doc for doc in docs}


def index_markdown(docs: dict[str, Document]) -> str:
    lines = ["# HeyTraders documents", ""]
    lines += [f"- [{doc.title}]({doc.path}): {doc.description}" for doc in docs.values()]
    return "\n".join(lines) + "\n"
