"""The MCP server: the low-level ``mcp.server.Server`` with tools, resources and a prompt over one SDK client.

Tools are raw JSON-Schema tools built from the operation registry, so they go through the low-level
server (``MCPServer`` derives schemas from Python signatures). That server does not check arguments
against the announced schema; the SDK does, before anything is sent.
"""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

import anyio
from heytraders import AsyncHeyTraders
from mcp.server import Server, ServerRequestContext
from mcp.server.request_state import RequestStateBoundary, RequestStateSecurity
from mcp_types import (
    CallToolRequestParams,
    CallToolResult,
    GetPromptRequestParams,
    GetPromptResult,
    InputRequiredResult,
    ListPromptsResult,
    ListResourcesResult,
    ListToolsResult,
    PaginatedRequestParams,
    ReadResourceRequestParams,
    ReadResourceResult,
    Tool,
)

from . import __version__, compact, resources, results
from .calls import CallPolicy, refusal, run_operation
from .tools import Selection, ToolDef, operation_tools, select
from .workflows import Runtime, Timing, WorkflowCall, run_workflow, workflow_tools

logger = logging.getLogger("heytraders_mcp")

NAME = "heytraders"
INSTRUCTIONS = (
    "HeyTraders: crypto and prediction-market data, Signal DSL backtests, live strategy signals, the community "
    "arena, and (only when the user allows it) orders. Read heytraders://docs/signal-dsl before writing a script. "
    "Errors carry a code and a suggestion: follow the suggestion. Never ask the user for their API key."
)


@dataclass(frozen=True)
class ServerOptions:
    """How the server was started.

    Attributes:
        allow_trading: List and run the tools that trade (``--allow-trading``).
        confirm_trades: Ask the human to confirm each trading call (``--no-confirm`` turns it off).
        tools: The ``--tools`` allow-list (groups, tool names, ``read``, ``all``); None for the default.
        compact: Offer three tools that search, describe and call the operations (``--compact``).
        max_result_chars: Results longer than this, as JSON, are cut with a note.
        webhook_secret: Signs webhooks set up through the tools (``HEYTRADERS_WEBHOOK_SECRET``).
        timing: How the workflows wait (tests move a sandbox's clock instead).
    """

    allow_trading: bool = False
    confirm_trades: bool = True
    tools: Sequence[str] | None = None
    compact: bool = False
    max_result_chars: int = results.DEFAULT_MAX_RESULT_CHARS
    webhook_secret: str | None = field(default=None, repr=False)
    timing: Timing = field(default_factory=Timing)

    @property
    def policy(self) -> CallPolicy:
        return CallPolicy(
            allow_trading=self.allow_trading,
            confirm_trades=self.confirm_trades,
            max_result_chars=self.max_result_chars,
            webhook_secret=self.webhook_secret,
        )


def all_tools() -> list[ToolDef]:
    """Every tool the server knows: the workflow tools first (the usual way in), then one per offered operation."""
    return [*workflow_tools(), *operation_tools()]


def announced(tools: Sequence[ToolDef]) -> list[Tool]:
    """The tools as ``tools/list`` announces them."""
    return [
        Tool(
            name=tool.name,
            title=tool.title,
            description=tool.description,
            input_schema=dict(tool.input_schema),
            annotations=tool.annotations,
        )
        for tool in tools
    ]


def tool_list_chars(tools: Sequence[Tool]) -> int:
    """Characters of the tool definitions a client puts in the model's context: the JSON ``tools/list`` sends."""
    return sum(
        len(
            json.dumps(
                tool.model_dump(mode="json", by_alias=True, exclude_none=True),
                ensure_ascii=False,
                separators=(",", ":"),
            )
        )
        for tool in tools
    )


class HeyTradersMCP:
    """The server's state and handlers; ``server`` is what transports run and ``mcp.Client(server)`` connects to."""

    def __init__(self, client: AsyncHeyTraders, options: ServerOptions | None = None) -> None:
        self.client = client
        self.options = options or ServerOptions()
        self.policy = self.options.policy
        self.selection: Selection = select(
            all_tools(), allow_trading=self.options.allow_trading, allowed=self.options.tools
        )
        listed = compact.COMPACT_TOOLS if self.options.compact else tuple(self.selection.enabled.values())
        self.tools = announced(listed)
        self.server: Server[Runtime] = Server(
            NAME,
            version=__version__,
            title="HeyTraders",
            instructions=INSTRUCTIONS,
            lifespan=self._lifespan,
            on_list_tools=self._list_tools,
            on_call_tool=self._call_tool,
            on_list_resources=self._list_resources,
            on_read_resource=self._read_resource,
            on_list_prompts=self._list_prompts,
            on_get_prompt=self._get_prompt,
        )
        # From MCP 2026-07-28 a confirmation round-trips through the client as `requestState`: seal it, so a
        # client cannot forge the user's answer.
        self.server.middleware.append(RequestStateBoundary(RequestStateSecurity.ephemeral(), default_audience=NAME))

    @asynccontextmanager
    async def _lifespan(self, _: Server[Runtime]) -> AsyncIterator[Runtime]:
        async with anyio.create_task_group() as tasks:
            yield Runtime(tasks)
            tasks.cancel_scope.cancel()  # a claim still waiting for its user ends with the server

    async def _list_tools(
        self, ctx: ServerRequestContext[Runtime], params: PaginatedRequestParams | None
    ) -> ListToolsResult:
        return ListToolsResult(tools=self.tools)

    async def _call_tool(
        self, ctx: ServerRequestContext[Runtime], params: CallToolRequestParams
    ) -> CallToolResult | InputRequiredResult:
        try:
            return await self.call(params.name, dict(params.arguments or {}), ctx, params)
        except Exception:
            # A bug here must not reach the model as a traceback (it could carry request data): log it, say little.
            logger.exception("tool %s failed", params.name)
            return results.error("INTERNAL_ERROR", f"heytraders-mcp failed running {params.name}; see its log.")

    async def call(
        self,
        name: str,
        arguments: dict[str, Any],
        ctx: ServerRequestContext[Runtime],
        params: CallToolRequestParams,
    ) -> CallToolResult | InputRequiredResult:
        if name == compact.SEARCH:
            query, limit = arguments.get("query", ""), arguments.get("limit", 15)
            if not isinstance(query, str) or not isinstance(limit, int) or isinstance(limit, bool):
                return results.error("VALIDATION_ERROR", "query must be a string and limit an integer", sent=False)
            return results.ok(compact.search(self.selection.enabled.values(), query, max(1, min(limit, 100))))
        if name == compact.DESCRIBE:
            target = self.selection.enabled.get(str(arguments.get("name")))
            if target is None:
                return self._refuse(str(arguments.get("name")))
            return results.ok(compact.describe(target))
        if name == compact.CALL:
            name, inner = str(arguments.get("name")), arguments.get("arguments") or {}
            if not isinstance(inner, dict):
                return results.error("VALIDATION_ERROR", "arguments must be a JSON object", sent=False)
            arguments = inner
        tool = self.selection.enabled.get(name)
        if tool is None:
            return self._refuse(name)
        if tool.is_workflow:
            call = WorkflowCall(self.client, self.policy, ctx, ctx.lifespan_context, self.options.timing)
            return await run_workflow(tool, call, arguments)
        return await run_operation(tool, self.client, arguments, self.policy, ctx, params)

    def _refuse(self, name: str) -> CallToolResult:
        reason = self.selection.refusals.get(name)
        if reason is None:
            return refusal(f"There is no tool named {name!r}.", f"Use one of the tools listed, or {compact.SEARCH}.")
        return refusal(reason)

    async def _list_resources(
        self, ctx: ServerRequestContext[Runtime], params: PaginatedRequestParams | None
    ) -> ListResourcesResult:
        return ListResourcesResult(resources=resources.list_resources())

    async def _read_resource(
        self, ctx: ServerRequestContext[Runtime], params: ReadResourceRequestParams
    ) -> ReadResourceResult:
        return ReadResourceResult(contents=[await resources.read_resource(self.client, str(params.uri))])

    async def _list_prompts(
        self, ctx: ServerRequestContext[Runtime], params: PaginatedRequestParams | None
    ) -> ListPromptsResult:
        return ListPromptsResult(prompts=[resources.STRATEGY_PROMPT])

    async def _get_prompt(self, ctx: ServerRequestContext[Runtime], params: GetPromptRequestParams) -> GetPromptResult:
        return await resources.get_prompt(self.client, params.name, params.arguments)


def create_server(client: AsyncHeyTraders, options: ServerOptions | None = None) -> Server[Runtime]:
    """The MCP server over ``client``; serve it with ``heytraders-mcp``, or connect with ``mcp.Client(server)``."""
    return HeyTradersMCP(client, options).server
