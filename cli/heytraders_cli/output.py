"""What a command prints: JSON for machines, tables for people.

JSON goes to stdout when stdout is not a terminal, or with ``--json``: the response's ``data`` as
the API sent it. Numbers are kept as the exact text the server wrote (they are read as ``Decimal``,
never through a float), and secrets are masked. A list of pages (``--all``) is one JSON array, or
JSON lines with ``--jsonl``. On a terminal the same data is a table (rich, imported only then); there
is no pager, and colour follows ``NO_COLOR``.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Collection, Iterable, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Literal

from heytraders_cli.config import mask

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

Mode = Literal["json", "jsonl", "table"]

# A cell longer than this is cut (the whole value is one --json away).
MAX_CELL = 80
# Columns of a table of rows: at least this many, else one per this many characters of terminal width.
MIN_COLUMNS = 4
COLUMN_WIDTH = 14


def choose_mode(*, as_json: bool, as_jsonl: bool = False, as_table: bool = False) -> Mode:
    """``--jsonl``, ``--json`` or ``--table`` when given; else a table on a terminal and JSON elsewhere."""
    if as_jsonl:
        return "jsonl"
    if as_json:
        return "json"
    if as_table or sys.stdout.isatty():
        return "table"
    return "json"


def parse_json(content: bytes | str) -> Any:
    """JSON with every non-integer number as a ``Decimal``: money never passes through a float.

    The SDK's own codec (imported here, after a call has loaded the SDK anyway), so the command line
    reads numbers exactly as the client does.
    """
    from heytraders import _json

    return _json.loads(content)


def to_json(value: Any, indent: int | None = 2) -> str:
    """JSON text of ``value``, writing a ``Decimal`` as its exact digits."""
    parts: list[str] = []
    _write(value, parts, indent, 0)
    return "".join(parts)


def _write(value: Any, parts: list[str], indent: int | None, depth: int) -> None:
    if value is None or isinstance(value, bool):
        parts.append({None: "null", True: "true", False: "false"}[value])
    elif isinstance(value, str):
        parts.append(json.dumps(value, ensure_ascii=False))
    elif isinstance(value, int | float):
        parts.append(json.dumps(value))
    elif isinstance(value, Decimal):
        parts.append(str(value) if value.is_finite() else json.dumps(str(value)))
    elif isinstance(value, Mapping | list | tuple):
        pairs = list(value.items()) if isinstance(value, Mapping) else [(None, item) for item in value]
        opening, closing = ("{", "}") if isinstance(value, Mapping) else ("[", "]")
        if not pairs:
            parts.append(opening + closing)
            return
        inner = "" if indent is None else "\n" + " " * (indent * (depth + 1))
        outer = "" if indent is None else "\n" + " " * (indent * depth)
        parts.append(opening)
        for index, (key, item) in enumerate(pairs):
            parts.append(("," if index else "") + inner)
            if key is not None:
                parts.append(json.dumps(str(key), ensure_ascii=False) + (": " if indent is not None else ":"))
            _write(item, parts, indent, depth + 1)
        parts.append(outer + closing)
    else:
        parts.append(json.dumps(str(value), ensure_ascii=False))


def mask_secrets(value: Any, names: Collection[str]) -> Any:
    """``value`` with every field named in ``names`` (the spec's ``format: password`` fields) masked."""
    if not names:
        return value
    if isinstance(value, Mapping):
        return {
            key: mask(item) if key in names and isinstance(item, str) else mask_secrets(item, names)
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [mask_secrets(item, names) for item in value]
    return value


def write_line(text: str) -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def emit(value: Any, mode: Mode, *, title: str | None = None) -> None:
    """Print one result: a JSON document, JSON lines (a list, one item a line), or tables."""
    if mode == "json":
        write_line(to_json(value))
    elif mode == "jsonl":
        for item in value if isinstance(value, list) else [value]:
            write_line(to_json(item, indent=None))
    elif isinstance(value, str):
        sys.stdout.write(value if value.endswith("\n") else value + "\n")
    else:
        console = stdout_console()
        for renderable in renderables(value, title, width=console.width):
            console.print(renderable)


def emit_items(items: Iterable[Any], mode: Mode, *, title: str | None = None) -> None:
    """Print every item of a paged list: JSON lines as they come, else once all pages are in.

    A JSON array is written only when every page has arrived, so an error half-way leaves no
    truncated document on stdout.
    """
    if mode == "jsonl":
        for item in items:
            write_line(to_json(item, indent=None))
        return
    emit(list(items), mode, title=title)


def stdout_console() -> Console:
    from rich.console import Console

    return Console(soft_wrap=False)


def stderr_console() -> Console:
    from rich.console import Console

    return Console(stderr=True)


def _cell(value: Any) -> str:
    if value is None:
        return "-"
    text = to_json(value, indent=None) if isinstance(value, Mapping | list) else str(value)
    return text if len(text) <= MAX_CELL else text[: MAX_CELL - 1] + "…"


def _is_rows(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(item, Mapping) for item in value)


def renderables(value: Any, title: str | None = None, *, width: int = 120) -> list[RenderableType]:
    """Tables for a value: rows for a list of objects, a key/value table for an object, whose nested
    objects and lists of objects get tables of their own."""
    from rich.table import Table

    if _is_rows(value):
        columns: list[str] = []
        for row in value:
            columns += [key for key in row if key not in columns and row[key] is not None]
        # As many columns as the terminal can show legibly, in the API's order; the rest are a --json away.
        shown = columns[: max(MIN_COLUMNS, width // COLUMN_WIDTH)]
        hidden = len(columns) - len(shown)
        caption = f"{hidden} more field{'s' if hidden > 1 else ''}: --json shows every field" if hidden else None
        table = Table(title=title, title_justify="left", title_style="bold", caption=caption, caption_justify="left")
        for column in shown:
            table.add_column(column, overflow="ellipsis", no_wrap=True)
        for row in value:
            table.add_row(*(_cell(row.get(column)) for column in shown))
        return [table]
    if isinstance(value, list):
        if not value:
            return [f"{title}: (none)" if title else "(none)"]
        table = Table(title=title, title_justify="left", title_style="bold", show_header=False)
        table.add_column("value")
        for item in value:
            table.add_row(_cell(item))
        return [table]
    if not isinstance(value, Mapping):
        return [_cell(value)]
    fields = Table(title=title, title_justify="left", title_style="bold", show_header=False)
    fields.add_column("field", style="bold")
    fields.add_column("value", overflow="fold")
    nested: list[RenderableType] = []
    for key, item in value.items():
        if isinstance(item, Mapping) and item:
            nested += renderables(item, str(key), width=width)
        elif _is_rows(item):
            nested += renderables(item, f"{key} ({len(item)})", width=width)
        else:
            fields.add_row(str(key), _cell(item))
    return [fields, *nested] if fields.row_count else nested
