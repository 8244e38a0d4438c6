"""Resources and prompts: the API's markdown documents, and a guide to writing and backtesting a strategy.

Every operation that answers in markdown and needs no argument (``/docs``, ``/docs/signal-dsl``,
``/docs/operators``, …) is a resource ``heytraders://docs/...``, read through the SDK.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from heytraders import AsyncHeyTraders, HeyTradersError
from heytraders._catalog import CATALOG
from heytraders._operations import OPERATIONS
from mcp.shared.exceptions import MCPError
from mcp_types import (
    INTERNAL_ERROR,
    INVALID_PARAMS,
    EmbeddedResource,
    GetPromptResult,
    Prompt,
    PromptArgument,
    PromptMessage,
    Resource,
    TextContent,
    TextResourceContents,
)

from .tools import concise

SCHEME = "heytraders:/"  # + the operation's path: heytraders://docs/signal-dsl
MARKDOWN = "text/markdown"
DSL_GUIDE = "get_signal_dsl_doc"


def document_operations() -> dict[str, str]:
    """Resource URI → operation ID, for every operation that serves a markdown document without arguments."""
    return {
        SCHEME + operation.path: operation_id
        for operation_id, operation in OPERATIONS.items()
        if operation.markdown and not any(param.required for param in operation.params)
    }


def list_resources() -> list[Resource]:
    resources = []
    for uri, operation_id in document_operations().items():
        info = CATALOG[operation_id]
        resources.append(
            Resource(
                uri=uri,
                name=uri.removeprefix(SCHEME + "/").replace("/", "-"),
                title=info.summary,
                description=concise(info.description).partition("\n\n")[0],
                mime_type=MARKDOWN,
            )
        )
    return resources


async def read_document(client: AsyncHeyTraders, operation_id: str) -> str:
    method: Callable[..., Awaitable[str]] = getattr(getattr(client, CATALOG[operation_id].group), operation_id)
    return await method(markdown=True)


async def read_resource(client: AsyncHeyTraders, uri: str) -> TextResourceContents:
    operation_id = document_operations().get(uri)
    if operation_id is None:
        raise MCPError(code=INVALID_PARAMS, message=f"no such resource: {uri}", data={"uri": uri})
    try:
        text = await read_document(client, operation_id)
    except HeyTradersError as failure:
        raise MCPError(code=INTERNAL_ERROR, message=f"reading {uri} failed: {failure}", data={"uri": uri}) from failure
    return TextResourceContents(uri=uri, text=text, mime_type=MARKDOWN)


# ---- the prompt ---------------------------------------------------------------------------------------------

STRATEGY_PROMPT = Prompt(
    name="backtest_a_strategy",
    title="Write and backtest a trading strategy",
    description="Turn a trading idea into a Signal DSL script, check it on market data, backtest it and report.",
    arguments=[
        PromptArgument(name="idea", description="The trading idea, in plain words.", required=True),
        PromptArgument(name="universe", description="Tickers such as BINANCE:BTC/USDT (default: BTC on Binance)."),
        PromptArgument(name="period", description="The backtest period, such as 2024-01-01 to 2024-06-30."),
    ],
)

_STEPS = """Help me turn this trading idea into a HeyTraders strategy and backtest it: {idea}

1. Read the Signal DSL guide first (attached below, or the resource heytraders://docs/signal-dsl), and the \
operator and data references (heytraders://docs/operators, heytraders://docs/data) when you need an indicator \
or a variable.
2. Check each condition on market data before backtesting: evaluate_expression on one symbol, scan_market on \
many. A mistake comes back as VALIDATION_ERROR with a suggestion; too little history as TA_OUT_OF_RANGE.
3. Write the script: named conditions, then emit_signal(condition, entry(...)) and emit_signal(condition, \
exit(...)). Tickers use the full form EXCHANGE:BASE/QUOTE.
4. Run it with run_backtest on {universe} over {period}. Long indicators need history: start at least 250 days \
before the window you care about. If the job fails, the message names the line: fix it and run again.
5. Report the total return, Sharpe ratio, maximum drawdown, win rate and number of trades, and give me the \
dashboard_url.
6. Propose one improvement, backtest it the same way, and compare the two runs side by side."""


async def get_prompt(client: AsyncHeyTraders, name: str, arguments: dict[str, str] | None) -> GetPromptResult:
    if name != STRATEGY_PROMPT.name:
        raise MCPError(code=INVALID_PARAMS, message=f"no such prompt: {name}")
    given = arguments or {}
    if not given.get("idea"):
        raise MCPError(code=INVALID_PARAMS, message="the prompt needs `idea`: the trading idea, in plain words")
    text = _STEPS.format(
        idea=given["idea"],
        universe=given.get("universe") or "BINANCE:BTC/USDT",
        period=given.get("period") or "the last twelve months",
    )
    messages: list[PromptMessage] = [PromptMessage(role="user", content=TextContent(type="text", text=text))]
    guide = await _guide(client)
    if guide is not None:
        messages.append(PromptMessage(role="user", content=guide))
    return GetPromptResult(description=STRATEGY_PROMPT.description, messages=messages)


async def _guide(client: AsyncHeyTraders) -> EmbeddedResource | None:
    """The Signal DSL guide to attach; without it (API unreachable) the steps still name where to read it."""
    uri = next(uri for uri, operation_id in document_operations().items() if operation_id == DSL_GUIDE)
    try:
        text = await read_document(client, DSL_GUIDE)
    except HeyTradersError:
        return None
    return EmbeddedResource(type="resource", resource=TextResourceContents(uri=uri, text=text, mime_type=MARKDOWN))
