"""Calling the SDK: one client per command, an operation by its ID, its pages, or a dry run.

Every call goes through ``heytraders.HeyTraders``, so the SDK's validation, retries, redaction and
order safety hold on every command. This module imports the SDK; the command line imports this
module only inside command bodies.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

import httpx
from heytraders import HeyTraders
from heytraders._pagination import iterate_cursor, iterate_offset

from heytraders_cli.config import Settings
from heytraders_cli.manifest import OperationEntry
from heytraders_cli.output import parse_json

if TYPE_CHECKING:
    from heytraders._response import APIResponse

# Tests swap in a transport that serves the sandbox in process (httpx.MockTransport-like); None is the network.
transport_factory: Callable[[], httpx.BaseTransport] | None = None


class DryRunRequest(Exception):  # noqa: N818 - not an error: the request that would have been sent
    """Raised by the dry-run transport instead of sending: carries the request the SDK built."""

    def __init__(self, request: httpx.Request) -> None:
        super().__init__("dry run: nothing was sent")
        self.request = request


class _DryRunTransport(httpx.BaseTransport):
    def handle_request(self, request: httpx.Request) -> httpx.Response:
        raise DryRunRequest(request)


def make_client(settings: Settings, *, dry_run: bool = False) -> HeyTraders:
    """A client for these settings; with ``dry_run`` its transport stops every request before sending."""
    transport = _DryRunTransport() if dry_run else (transport_factory() if transport_factory else None)
    return HeyTraders(api_key=settings.api_key, base_url=settings.base_url, transport=transport)


def raw_method(client: HeyTraders, entry: OperationEntry, operation_id: str) -> Callable[..., APIResponse[Any]]:
    """The operation's ``with_raw_response`` method: the SDK call, returning the response as sent."""
    group = getattr(client, entry["attribute"])
    method: Callable[..., APIResponse[Any]] = getattr(group.with_raw_response, operation_id)
    return method


def data_of(response: APIResponse[Any]) -> Any:
    """The envelope's ``data`` exactly as the server wrote it (numbers as ``Decimal``), or markdown text."""
    if isinstance(response.data, str) and not response.http_response.headers.get("content-type", "").startswith(
        "application/json"
    ):
        return response.data
    body = parse_json(response.http_response.content)
    if isinstance(body, dict) and ("success" in body or "data" in body):
        return body.get("data")
    return body


def call(client: HeyTraders, entry: OperationEntry, operation_id: str, arguments: Mapping[str, Any]) -> Any:
    return data_of(raw_method(client, entry, operation_id)(**arguments))


def every_item(
    client: HeyTraders, entry: OperationEntry, operation_id: str, arguments: Mapping[str, Any]
) -> Iterator[Any]:
    """Every item of a paged operation, one page at a time, with the SDK's own pagination loops."""
    pagination = entry["pagination"]
    assert pagination is not None
    method = raw_method(client, entry, operation_id)
    items = pagination["items"]
    if pagination["style"] == "offset":
        total = pagination.get("total", "total")

        def fetch_offset(offset: int, limit: int) -> tuple[list[Any], int]:
            page = data_of(method(**{**arguments, "offset": offset, "limit": limit}))
            return list(page[items]), int(page[total])

        limit = arguments.get("limit") or _default(entry, "limit", 100)
        return iterate_offset(fetch_offset, limit=int(limit), offset=int(arguments.get("offset") or 0))
    cursor_name, next_name = pagination.get("cursor", "cursor"), pagination.get("next", "next_cursor")

    def fetch_cursor(cursor: str | None) -> tuple[list[Any], str | None]:
        given = {**arguments, cursor_name: cursor} if cursor is not None else dict(arguments)
        page = data_of(method(**given))
        return list(page[items]), page.get(next_name)

    return iterate_cursor(fetch_cursor)


def _default(entry: OperationEntry, name: str, fallback: int) -> int:
    for param in entry["params"]:
        if param["name"] == name and "default" in param:
            return int(param["default"])
    return fallback


def dry_run(settings: Settings, entry: OperationEntry, operation_id: str, arguments: Mapping[str, Any]) -> Any:
    """Validate the call and build its request as the SDK would, without sending it.

    Returns:
        The method, URL and JSON body of the request (never its headers: they carry the key).
    """
    with make_client(settings, dry_run=True) as client:
        try:
            raw_method(client, entry, operation_id)(**arguments)
        except DryRunRequest as stopped:
            request = stopped.request
            return {
                "dry_run": True,
                "method": request.method,
                "url": str(request.url),
                "body": parse_json(request.content) if request.content else None,
            }
    raise AssertionError("the dry-run transport let a request through")  # pragma: no cover
