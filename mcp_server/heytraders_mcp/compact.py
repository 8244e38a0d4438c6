"""Compact mode (``--compact``): three tools that search, describe and call every enabled operation.

One tool per operation costs context: the full set is about twice the 30,000-character budget (see
``make bench``), and some clients cap a request at 128 tools. In compact mode the list holds three
small tools whatever the selection; the same safety rules apply to what ``call_operation`` runs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from mcp_types import ToolAnnotations

from .tools import Access, ToolDef, strip_secrets, with_tool_names

SEARCH, DESCRIBE, CALL = "search_operations", "describe_operation", "call_operation"
_WORD = re.compile(r"[a-z0-9]+")


def _tool(
    name: str,
    title: str,
    description: str,
    properties: dict[str, Any],
    required: list[str],
    annotations: ToolAnnotations,
) -> ToolDef:
    return ToolDef(
        name=name,
        group="compact",
        title=title,
        description=description,
        input_schema={"type": "object", "properties": properties, "required": required},
        access=Access.READ if annotations.read_only_hint else Access.WRITE,
        annotations=annotations,
    )


COMPACT_TOOLS = (
    _tool(
        SEARCH,
        "Search the HeyTraders operations",
        "Finds the HeyTraders API operations this server offers (market data, backtests, accounts, orders, live "
        "strategies and signals, the arena, documents) by keywords; an empty query lists them all. Then "
        f"{DESCRIBE} gives an operation's arguments and {CALL} runs it.",
        {
            "query": {"type": "string", "description": "Keywords, such as `ohlcv candles` or `backtest`."},
            "limit": {"type": "integer", "minimum": 1, "maximum": 100, "default": 15},
        },
        ["query"],
        ToolAnnotations(read_only_hint=True),
    ),
    _tool(
        DESCRIBE,
        "Describe a HeyTraders operation",
        "What an operation does and the JSON Schema of its arguments.",
        {"name": {"type": "string", "description": f"An operation name from {SEARCH}."}},
        ["name"],
        ToolAnnotations(read_only_hint=True),
    ),
    _tool(
        CALL,
        "Call a HeyTraders operation",
        f"Runs an operation with its arguments ({DESCRIBE} gives them). Operations that trade ask the user first.",
        {
            "name": {"type": "string", "description": f"An operation name from {SEARCH}."},
            "arguments": {"type": "object", "description": "The operation's arguments.", "default": {}},
        },
        ["name"],
        ToolAnnotations(read_only_hint=False, destructive_hint=True, idempotent_hint=False),
    ),
)


def search(tools: Iterable[ToolDef], query: str, limit: int) -> dict[str, Any]:
    words = set(_WORD.findall(query.lower()))
    scored = []
    for order, tool in enumerate(tools):
        score = sum(
            3 * (word in tool.name) + 2 * (word in tool.title.lower()) + (word in tool.description.lower())
            for word in words
        )
        if score or not words:
            scored.append((-score, order, tool))
    found = [
        {"name": tool.name, "title": tool.title, "group": tool.group, "access": tool.access.value}
        for _, _, tool in sorted(scored, key=lambda entry: entry[:2])[:limit]
    ]
    return {"operations": found, "next": f"{DESCRIBE} gives an operation's arguments; {CALL} runs it."}


def describe(tool: ToolDef) -> dict[str, Any]:
    """The full description and schema (the spec's words, secrets left out), unlike the lean tool list."""
    if tool.info is None:
        description, schema = tool.description, tool.input_schema
    else:
        description = f"{tool.info.summary}.\n\n{with_tool_names(tool.info.description)}"
        schema = strip_secrets(tool.info.input_schema)[0]
    annotations: Mapping[str, Any] = tool.annotations.model_dump(by_alias=True, exclude_none=True)
    return {
        "name": tool.name,
        "title": tool.title,
        "group": tool.group,
        "access": tool.access.value,
        "description": description,
        "input_schema": schema,
        "annotations": annotations,
    }
