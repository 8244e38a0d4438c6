"""Parsers that turn an envelope's ``data`` into the declared Python type."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

from pydantic import BaseModel, TypeAdapter

M = TypeVar("M", bound=BaseModel)


@functools.cache
def _list_adapter(item: type[BaseModel]) -> TypeAdapter[list[Any]]:
    return TypeAdapter(list[item])  # type: ignore[valid-type]


def list_parser(item: type[M]) -> Callable[[Any], list[M]]:
    """A parser for ``list[item]``; the pydantic adapter is built once, on first use."""

    def parse(data: Any) -> list[M]:
        return _list_adapter(item).validate_python(data)

    return parse


def any_parser(data: Any) -> Any:
    return data


def markdown_parser(data: Any) -> str:
    return str(data)
