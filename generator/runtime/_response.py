"""The raw response of a call: status, headers, ``meta``, and the parsed data on demand."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Generic, TypeVar, cast

import httpx

from . import _json
from ._exceptions import APIResponseValidationError

__all__ = ["APIResponse"]

T = TypeVar("T")

_UNPARSED: Any = object()


class APIResponse(Generic[T]):
    """A successful response, before its data is turned into Python objects.

    Parsing (building models) runs on the first ``parse()`` and is cached, so a caller who only
    wants headers or ``meta`` pays nothing for it. Bulk rows (candles, trades...) are the exception:
    they are decoded from the bytes at once, in one typed pass, and ``data`` is decoded on demand.

    Attributes:
        http_response: The underlying ``httpx.Response`` (its request's credentials redacted).
        meta: The envelope's ``meta`` (``{"timestamp": ...}``), or ``None``.
    """

    __slots__ = ("_data", "_parsed", "_parser", "http_response", "meta")

    def __init__(
        self,
        http_response: httpx.Response,
        parser: Callable[[Any], T],
        *,
        data: Any = None,
        meta: Mapping[str, Any] | None = None,
        parsed: Any = _UNPARSED,
    ) -> None:
        """Wrap a response.

        Args:
            http_response: The HTTP response.
            parser: Turns ``data`` into the declared type; called at most once.
            data: The envelope's ``data``.
            meta: The envelope's ``meta``.
            parsed: The data already parsed (by a bulk-row parser from the bytes); ``data`` is then
                decoded from the body only if asked for.
        """
        self.http_response = http_response
        self._data = _UNPARSED if parsed is not _UNPARSED else data
        self.meta = dict(meta) if meta is not None else None
        self._parser = parser
        self._parsed: Any = parsed

    @property
    def data(self) -> Any:
        """The envelope's ``data`` (or the text of a markdown answer), as plain JSON values, unparsed."""
        if self._data is _UNPARSED:
            body = _json.loads(self.http_response.content)
            self._data = body.get("data") if isinstance(body, dict) else body
        return self._data

    @property
    def status_code(self) -> int:
        """The HTTP status."""
        return self.http_response.status_code

    @property
    def headers(self) -> httpx.Headers:
        """The response headers (``X-Request-Id``, rate-limit headers…)."""
        return self.http_response.headers

    def parse(self) -> T:
        """Return the data as the operation's declared type (built once, then cached).

        Returns:
            The parsed data.
        """
        if self._parsed is _UNPARSED:
            try:
                self._parsed = self._parser(self.data)
            except ValueError as error:  # pydantic's ValidationError: the server sent what the spec does not allow
                raise APIResponseValidationError(
                    f"The response does not match the spec's schema: {error}", response=self.http_response
                ) from error
        return cast(T, self._parsed)

    def __repr__(self) -> str:
        request = self.http_response.request
        return f"<APIResponse [{self.status_code}] {request.method} {request.url.path}>"
