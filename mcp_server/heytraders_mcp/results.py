"""Tool results: the parsed model as structured content with its JSON text, bounded in size; errors that say what to do.

A result over ``max_chars`` characters of JSON is cut: its longest list keeps as many items as fit,
and a ``truncated`` entry says how many were shown and how to get the rest. Errors carry the API's
``code``, ``message``, ``suggestion`` and ``retry_after``, so the model can correct itself.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

import pydantic_core
from mcp_types import CallToolResult, TextContent
from pydantic import BaseModel

# About 10,000 tokens at four characters a token: a 1,000-candle answer fits, a 10,000-candle one does not.
DEFAULT_MAX_RESULT_CHARS = 40_000
# Room kept for the `truncated` note when a list is cut.
_NOTE_ROOM = 400


def to_jsonable(value: Any) -> Any:
    """The wire form of what the SDK returned: models by their aliases (money as decimal strings), secrets masked."""
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json", by_alias=True)
    return pydantic_core.to_jsonable_python(value, by_alias=True)


def dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def as_structured(value: Any) -> dict[str, Any]:
    """Structured content must be a JSON object for clients before MCP 2026-07-28: a list goes under ``items``."""
    data = to_jsonable(value)
    return data if isinstance(data, dict) else {"items": data}


def ok(value: Any, *, max_chars: int = DEFAULT_MAX_RESULT_CHARS, more: str = "") -> CallToolResult:
    """A successful result: markdown text as it is, anything else as structured content with its JSON text."""
    if isinstance(value, str):
        text, note = _cut_text(value, max_chars, more)
        return CallToolResult(content=[TextContent(type="text", text=text + note)])
    structured = as_structured(value)
    text = dumps(structured)
    if len(text) > max_chars:
        structured = bound(structured, len(text), max_chars, more)
        text = dumps(structured)
    return CallToolResult(content=[TextContent(type="text", text=text)], structured_content=structured)


def bound(data: dict[str, Any], size: int, max_chars: int, more: str) -> dict[str, Any]:
    """``data`` (``size`` characters of JSON) cut to ``max_chars`` by shortening its longest list, with a note."""
    found = _longest_list(data, ())
    if found is None:
        return {"truncated": {"reason": f"the result has {size} characters, over the {max_chars} a tool returns"}}
    path, items = found
    budget = max_chars - _NOTE_ROOM
    low, high = 0, len(items)
    while low < high:  # the most items that still fit
        middle = (low + high + 1) // 2
        if len(dumps(_replace(data, path, items[:middle]))) <= budget:
            low = middle
        else:
            high = middle - 1
    where = ".".join(path) or "items"
    note = f"Showing the first {low} of {len(items)} {where} to stay under {max_chars} characters."
    cut = _replace(data, path, items[:low])
    how = f"{note} {more.format(shown=max(low, 1))}".strip()
    cut["truncated"] = {"field": where, "shown": low, "total": len(items), "how_to_get_more": how}
    return cut


def _longest_list(value: Any, path: tuple[str, ...]) -> tuple[tuple[str, ...], list[Any]] | None:
    best: tuple[tuple[str, ...], list[Any]] | None = None
    best_size = 0
    candidates: list[tuple[tuple[str, ...], Any]] = [(path, value)]
    while candidates:
        where, node = candidates.pop()
        if isinstance(node, list):
            size = len(dumps(node))
            if size > best_size:
                best, best_size = (where, node), size
        elif isinstance(node, dict):
            candidates.extend(((*where, str(key)), sub) for key, sub in node.items())
    return best


def _replace(data: dict[str, Any], path: Sequence[str], items: list[Any]) -> dict[str, Any]:
    if not path:
        return {"items": items}
    head, *rest = path
    copy = dict(data)
    copy[head] = _replace(data[head], rest, items) if rest else items
    return copy


def _cut_text(text: str, max_chars: int, more: str) -> tuple[str, str]:
    if len(text) <= max_chars:
        return text, ""
    how = " " + more.format(shown="fewer") if more else ""
    return text[:max_chars], f"\n\n[Cut at {max_chars} of {len(text)} characters.{how}]"


def error(
    code: str,
    message: str,
    *,
    suggestion: str | None = None,
    retry_after: float | None = None,
    **details: Any,
) -> CallToolResult:
    """A tool error the model can act on: what went wrong and what to do next."""
    payload: dict[str, Any] = {"code": code, "message": message, "suggestion": suggestion, "retry_after": retry_after}
    payload.update({key: value for key, value in details.items() if value is not None})
    lines = [f"{code}: {message}"]
    if suggestion:
        lines.append(f"Suggestion: {suggestion}")
    if retry_after is not None:
        lines.append(f"Retry after {retry_after:g} seconds.")
    return CallToolResult(
        content=[TextContent(type="text", text="\n".join(lines))],
        structured_content={"error": pydantic_core.to_jsonable_python(payload)},
        is_error=True,
    )


def more_hint(parameters: Mapping[str, Any], summary_tool: str | None = None) -> str:
    """How to get the rest of a cut result, from the paging parameters the operation takes.

    ``{shown}`` in the answer stands for the number of items that fitted.
    """
    ways = []
    if "limit" in parameters:
        ways.append("ask again with `limit` at most {shown}")
    if "offset" in parameters:
        ways.append("page on with `offset`")
    elif "cursor" in parameters:
        ways.append("follow `next_cursor`")
    ranges = [f"`{name}`" for name in ("since", "start", "end", "start_date", "end_date") if name in parameters]
    if ranges:
        ways.append("narrow the range with " + " and ".join(ranges))
    if summary_tool:
        ways.append(f"read the summary with `{summary_tool}`")
    return ("To get the rest: " + "; ".join(ways) + ".") if ways else ""
