"""Lazy iteration over paged lists: one page is fetched only when the previous one is used up."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from typing import TypeVar

__all__ = ["aiterate_cursor", "aiterate_offset", "iterate_cursor", "iterate_offset"]

T = TypeVar("T")


def iterate_offset(
    fetch_page: Callable[[int, int], tuple[list[T], int]], *, limit: int, offset: int = 0
) -> Iterator[T]:
    """Iterate over an offset-paged list (``limit``/``offset``/``total``).

    Args:
        fetch_page: Called with ``(offset, limit)``; returns the page's items and the total.
        limit: Page size.
        offset: Where to start.

    Yields:
        Each item, in order. Stops when ``offset`` reaches the total or a page comes back empty.
    """
    if limit < 1:
        raise ValueError("limit must be at least 1")
    while True:
        items, total = fetch_page(offset, limit)
        if not items:
            return
        yield from items
        offset += len(items)
        if offset >= total:
            return


def iterate_cursor(fetch_page: Callable[[str | None], tuple[list[T], str | None]]) -> Iterator[T]:
    """Iterate over a cursor-paged list (``cursor``/``next_cursor``).

    Args:
        fetch_page: Called with the cursor (``None`` for the first page); returns the items
            and the next cursor (``None`` on the last page).

    Yields:
        Each item, in order.
    """
    cursor: str | None = None
    while True:
        items, cursor = fetch_page(cursor)
        yield from items
        # An empty page with a cursor would loop forever on a misbehaving server: stop.
        if cursor is None or not items:
            return


async def aiterate_offset(
    fetch_page: Callable[[int, int], Awaitable[tuple[list[T], int]]], *, limit: int, offset: int = 0
) -> AsyncIterator[T]:
    """Async :func:`iterate_offset`.

    Args:
        fetch_page: Awaited with ``(offset, limit)``; returns the page's items and the total.
        limit: Page size.
        offset: Where to start.

    Yields:
        Each item, in order.
    """
    if limit < 1:
        raise ValueError("limit must be at least 1")
    while True:
        items, total = await fetch_page(offset, limit)
        if not items:
            return
        for item in items:
            yield item
        offset += len(items)
        if offset >= total:
            return


async def aiterate_cursor(
    fetch_page: Callable[[str | None], Awaitable[tuple[list[T], str | None]]],
) -> AsyncIterator[T]:
    """Async :func:`iterate_cursor`.

    Args:
        fetch_page: Awaited with the cursor (``None`` first); returns the items and the next cursor.

    Yields:
        Each item, in order.
    """
    cursor: str | None = None
    while True:
        items, cursor = await fetch_page(cursor)
        for item in items:
            yield item
        if cursor is None or not items:
            return
