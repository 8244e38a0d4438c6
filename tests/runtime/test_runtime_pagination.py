"""Offset and cursor iteration, sync and async: lazy, complete, and stopping where they should."""

from __future__ import annotations

import itertools

import pytest

from generator.runtime._pagination import aiterate_cursor, aiterate_offset, iterate_cursor, iterate_offset

ITEMS = [f"ord_{i}" for i in range(7)]


class OffsetPages:
    def __init__(self, items: list[str], total: int | None = None) -> None:
        self.items = items
        self.total = len(items) if total is None else total
        self.calls: list[tuple[int, int]] = []

    def __call__(self, offset: int, limit: int) -> tuple[list[str], int]:
        self.calls.append((offset, limit))
        return self.items[offset : offset + limit], self.total

    async def fetch(self, offset: int, limit: int) -> tuple[list[str], int]:
        return self(offset, limit)


class CursorPages:
    def __init__(self, pages: list[list[str]]) -> None:
        self.pages = pages
        self.calls: list[str | None] = []

    def __call__(self, cursor: str | None) -> tuple[list[str], str | None]:
        self.calls.append(cursor)
        index = 0 if cursor is None else int(cursor)
        following = str(index + 1) if index + 1 < len(self.pages) else None
        return self.pages[index], following

    async def fetch(self, cursor: str | None) -> tuple[list[str], str | None]:
        return self(cursor)


def test_offset_iterates_every_item_one_page_at_a_time() -> None:
    pages = OffsetPages(ITEMS)
    assert list(iterate_offset(pages, limit=3)) == ITEMS
    assert pages.calls == [(0, 3), (3, 3), (6, 3)]


def test_offset_is_lazy() -> None:
    pages = OffsetPages(ITEMS)
    iterator = iterate_offset(pages, limit=3)
    assert pages.calls == []
    assert list(itertools.islice(iterator, 3)) == ITEMS[:3]
    assert pages.calls == [(0, 3)]


def test_offset_starts_where_asked_and_stops_at_total() -> None:
    pages = OffsetPages(ITEMS)
    assert list(iterate_offset(pages, limit=2, offset=4)) == ITEMS[4:]
    assert pages.calls == [(4, 2), (6, 2)]


def test_offset_stops_on_an_empty_page_even_if_total_says_more() -> None:
    pages = OffsetPages(ITEMS[:2], total=100)
    assert list(iterate_offset(pages, limit=2)) == ITEMS[:2]
    assert pages.calls == [(0, 2), (2, 2)]


def test_offset_refuses_a_zero_limit() -> None:
    with pytest.raises(ValueError, match="limit"):
        list(iterate_offset(OffsetPages(ITEMS), limit=0))


def test_cursor_follows_next_cursor_until_none() -> None:
    pages = CursorPages([["a", "b"], ["c"], ["d"]])
    assert list(iterate_cursor(pages)) == ["a", "b", "c", "d"]
    assert pages.calls == [None, "1", "2"]


def test_cursor_is_lazy_and_stops_on_an_empty_page() -> None:
    pages = CursorPages([["a"], [], ["never"]])
    iterator = iterate_cursor(pages)
    assert pages.calls == []
    assert next(iterator) == "a"
    assert pages.calls == [None]
    assert list(iterator) == []
    assert pages.calls == [None, "1"]


@pytest.mark.anyio
async def test_async_offset() -> None:
    pages = OffsetPages(ITEMS)
    assert [item async for item in aiterate_offset(pages.fetch, limit=3)] == ITEMS
    assert pages.calls == [(0, 3), (3, 3), (6, 3)]
    lazy = OffsetPages(ITEMS)
    iterator = aiterate_offset(lazy.fetch, limit=3)
    assert await anext(iterator) == "ord_0"
    assert lazy.calls == [(0, 3)]
    empty = OffsetPages([], total=5)
    assert [item async for item in aiterate_offset(empty.fetch, limit=3)] == []


@pytest.mark.anyio
async def test_async_cursor() -> None:
    pages = CursorPages([["a", "b"], ["c"]])
    assert [item async for item in aiterate_cursor(pages.fetch)] == ["a", "b", "c"]
    assert pages.calls == [None, "1"]
    lazy = CursorPages([["a"], ["b"]])
    iterator = aiterate_cursor(lazy.fetch)
    assert await anext(iterator) == "a"
    assert lazy.calls == [None]
