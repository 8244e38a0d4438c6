"""Resource base classes and the ``with_raw_response`` wrappers.

A raw-response wrapper calls the ordinary method while a context variable asks
the client to hand back the ``APIResponse`` it built, so one method body serves
both the parsed and the raw flavour (sync and async alike).
"""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar

from ._response import APIResponse

if TYPE_CHECKING:
    from ._base_client import AsyncAPIClient, SyncAPIClient

P = ParamSpec("P")
T = TypeVar("T")

_captured: ContextVar[list[APIResponse[Any]] | None] = ContextVar("heytraders_captured_response", default=None)


def capture_response(response: APIResponse[Any]) -> None:
    """Called by the client for every response; keeps it when a raw-response wrapper is listening."""
    captured = _captured.get()
    if captured is not None:
        captured.append(response)


class SyncResource:
    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client


class AsyncResource:
    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client


def raw_response(method: Callable[P, T]) -> Callable[P, APIResponse[T]]:
    @functools.wraps(method)
    def wrapped(*args: P.args, **kwargs: P.kwargs) -> APIResponse[T]:
        captured: list[APIResponse[Any]] = []
        token = _captured.set(captured)
        try:
            method(*args, **kwargs)
        finally:
            _captured.reset(token)
        return captured[-1]

    return wrapped


def async_raw_response(method: Callable[P, Awaitable[T]]) -> Callable[P, Awaitable[APIResponse[T]]]:
    @functools.wraps(method)
    async def wrapped(*args: P.args, **kwargs: P.kwargs) -> APIResponse[T]:
        captured: list[APIResponse[Any]] = []
        token = _captured.set(captured)
        try:
            await method(*args, **kwargs)
        finally:
            _captured.reset(token)
        return captured[-1]

    return wrapped
