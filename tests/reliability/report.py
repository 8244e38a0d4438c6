"""The reliability table: each test records its column, and ``conftest.py`` prints the table at the end of the run.

Printed from ``pytest_terminal_summary``, so it reaches the terminal whether or not pytest captures output (``-s``
or not), and after a failure too (each test records before it asserts).
"""

from __future__ import annotations

from collections.abc import Mapping

COLUMNS: dict[str, dict[str, int | str]] = {}


def record(column: str, rows: Mapping[str, int | str]) -> None:
    """Keep one client's figures under ``column`` (rows in the order given)."""
    COLUMNS[column] = dict(rows)


def render() -> list[str]:
    """The table as lines: one row per figure, one column per client, plus the total where figures add up."""
    if not COLUMNS:
        return []
    names = list(COLUMNS)
    rows: list[str] = []
    for column in COLUMNS.values():
        rows += [row for row in column if row not in rows]
    header = ["", *names, "total"] if len(names) > 1 else ["", *names]
    table = [header]
    for row in rows:
        values = [COLUMNS[name].get(row, "") for name in names]
        cells = [row, *(str(value) for value in values)]
        if len(names) > 1:
            numbers = [value for value in values if isinstance(value, int)]
            cells.append(str(sum(numbers)) if len(numbers) == len(values) else "")
        table.append(cells)
    widths = [max(len(line[index]) for line in table) for index in range(len(header))]
    lines = []
    for number, cells in enumerate(table):
        lines.append(
            "  ".join([cells[0].ljust(widths[0]), *(c.rjust(w) for c, w in zip(cells[1:], widths[1:], strict=True))])
        )
        if number == 0:
            lines.append("  ".join("-" * width for width in widths))
    return lines
