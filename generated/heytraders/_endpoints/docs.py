# Generated from spec/heytraders.yaml by `make generate`. Do not edit: change the spec or the generator.
"""Public documentation as JSON, or as raw markdown with `Accept text/markdown`."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import cached_property
from typing import Any, Literal, overload

import httpx

from .. import _operations, models
from .._parse import markdown_parser
from .._resource import AsyncResource, SyncResource, async_raw_response, raw_response
from .._types import NOT_GIVEN, NotGiven

__all__ = ["AsyncDocsEndpoints", "DocsEndpoints"]


class DocsEndpoints(SyncResource):
    """The ``docs`` operations, one method each (helpers from overlays/ build on these)."""

    @cached_property
    def with_raw_response(self) -> DocsWithRawResponse:
        """The same methods, returning the raw response (status, headers, ``meta``) with ``.parse()``."""
        return DocsWithRawResponse(self)

    @overload
    def list_docs(
        self,
        *,
        markdown: Literal[False] = False,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> models.DocumentIndex: ...

    @overload
    def list_docs(
        self,
        *,
        markdown: Literal[True],
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> str: ...

    def list_docs(
        self,
        *,
        markdown: bool = False,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> models.DocumentIndex | str:
        """List the documentation.

        Lists the public documents: the Signal DSL script guide, the operator and indicator reference, the data
        variable reference and the API reference. No API key needed. The response is the JSON envelope by default,
        or a markdown index with the request header `Accept: text/markdown`.

        Public: no API key needed.

        Args:
            markdown: Return the raw markdown text instead of the JSON document.

        Returns:
            The document index, as JSON (default) or markdown (`Accept text/markdown`).

        Raises:
            RequestValidationError: An argument breaks the spec's constraints or request rules (nothing is sent).
            RateLimitedError: Too many requests (300 per minute per key); wait for Retry-After seconds.
            InternalError: Server error.
        """
        parse: Callable[[Any], models.DocumentIndex | str] = (
            markdown_parser if markdown else models.DocumentIndex.model_validate
        )
        response = self._client.request(
            _operations.LIST_DOCS,
            {},
            parse=parse,
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
            accept_markdown=markdown,
        )
        return response.parse()

    @overload
    def get_signal_dsl_doc(
        self,
        *,
        markdown: Literal[False] = False,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> models.Document: ...

    @overload
    def get_signal_dsl_doc(
        self,
        *,
        markdown: Literal[True],
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> str: ...

    def get_signal_dsl_doc(
        self,
        *,
        markdown: bool = False,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> models.Document | str:
        """Get the Signal DSL script guide.

        The Signal DSL script guide: full syntax, indicators, execution modes and examples. Read it before writing
        any backtest script or market expression; for the complete operator and indicator list also read `GET
        /docs/operators`, and for every data variable `GET /docs/data`. No API key needed. JSON envelope by default,
        raw markdown with `Accept: text/markdown`.

        Public: no API key needed.

        Args:
            markdown: Return the raw markdown text instead of the JSON document.

        Returns:
            The script guide, as JSON (default) or markdown (`Accept text/markdown`).

        Raises:
            RequestValidationError: An argument breaks the spec's constraints or request rules (nothing is sent).
            RateLimitedError: Too many requests (300 per minute per key); wait for Retry-After seconds.
            InternalError: Server error.
        """
        parse: Callable[[Any], models.Document | str] = markdown_parser if markdown else models.Document.model_validate
        response = self._client.request(
            _operations.GET_SIGNAL_DSL_DOC,
            {},
            parse=parse,
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
            accept_markdown=markdown,
        )
        return response.parse()

    @overload
    def get_operators_doc(
        self,
        *,
        markdown: Literal[False] = False,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> models.Document: ...

    @overload
    def get_operators_doc(
        self,
        *,
        markdown: Literal[True],
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> str: ...

    def get_operators_doc(
        self,
        *,
        markdown: bool = False,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> models.Document | str:
        """Get the operator and indicator reference.

        The complete reference of Signal DSL operators and the 80+ technical indicators, with their parameters. No
        API key needed. JSON envelope by default, raw markdown with `Accept: text/markdown`.

        Public: no API key needed.

        Args:
            markdown: Return the raw markdown text instead of the JSON document.

        Returns:
            The operator reference, as JSON (default) or markdown (`Accept text/markdown`).

        Raises:
            RequestValidationError: An argument breaks the spec's constraints or request rules (nothing is sent).
            RateLimitedError: Too many requests (300 per minute per key); wait for Retry-After seconds.
            InternalError: Server error.
        """
        parse: Callable[[Any], models.Document | str] = markdown_parser if markdown else models.Document.model_validate
        response = self._client.request(
            _operations.GET_OPERATORS_DOC,
            {},
            parse=parse,
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
            accept_markdown=markdown,
        )
        return response.parse()

    @overload
    def get_data_doc(
        self,
        *,
        markdown: Literal[False] = False,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> models.Document: ...

    @overload
    def get_data_doc(
        self,
        *,
        markdown: Literal[True],
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> str: ...

    def get_data_doc(
        self,
        *,
        markdown: bool = False,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> models.Document | str:
        """Get the data variable reference.

        The data variables a script can read: OHLCV, state, context and on-chain data. No API key needed. JSON
        envelope by default, raw markdown with `Accept: text/markdown`.

        Public: no API key needed.

        Args:
            markdown: Return the raw markdown text instead of the JSON document.

        Returns:
            The data variable reference, as JSON (default) or markdown (`Accept text/markdown`).

        Raises:
            RequestValidationError: An argument breaks the spec's constraints or request rules (nothing is sent).
            RateLimitedError: Too many requests (300 per minute per key); wait for Retry-After seconds.
            InternalError: Server error.
        """
        parse: Callable[[Any], models.Document | str] = markdown_parser if markdown else models.Document.model_validate
        response = self._client.request(
            _operations.GET_DATA_DOC,
            {},
            parse=parse,
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
            accept_markdown=markdown,
        )
        return response.parse()

    @overload
    def get_api_reference_doc(
        self,
        *,
        markdown: Literal[False] = False,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> models.Document: ...

    @overload
    def get_api_reference_doc(
        self,
        *,
        markdown: Literal[True],
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> str: ...

    def get_api_reference_doc(
        self,
        *,
        markdown: bool = False,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> models.Document | str:
        """Get the API reference.

        A quick reference of every REST endpoint with its parameters. No API key needed. JSON envelope by default,
        raw markdown with `Accept: text/markdown`.

        Public: no API key needed.

        Args:
            markdown: Return the raw markdown text instead of the JSON document.

        Returns:
            The API reference, as JSON (default) or markdown (`Accept text/markdown`).

        Raises:
            RequestValidationError: An argument breaks the spec's constraints or request rules (nothing is sent).
            RateLimitedError: Too many requests (300 per minute per key); wait for Retry-After seconds.
            InternalError: Server error.
        """
        parse: Callable[[Any], models.Document | str] = markdown_parser if markdown else models.Document.model_validate
        response = self._client.request(
            _operations.GET_API_REFERENCE_DOC,
            {},
            parse=parse,
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
            accept_markdown=markdown,
        )
        return response.parse()


class DocsWithRawResponse:
    """:class:`Docs` methods that return the raw response; call ``.parse()`` for the data."""

    def __init__(self, resource: DocsEndpoints) -> None:
        self.list_docs = raw_response(resource.list_docs)
        self.get_signal_dsl_doc = raw_response(resource.get_signal_dsl_doc)
        self.get_operators_doc = raw_response(resource.get_operators_doc)
        self.get_data_doc = raw_response(resource.get_data_doc)
        self.get_api_reference_doc = raw_response(resource.get_api_reference_doc)


class AsyncDocsEndpoints(AsyncResource):
    """The ``docs`` operations, one method each (helpers from overlays/ build on these)."""

    @cached_property
    def with_raw_response(self) -> AsyncDocsWithRawResponse:
        """The same methods, returning the raw response (status, headers, ``meta``) with ``.parse()``."""
        return AsyncDocsWithRawResponse(self)

    @overload
    async def list_docs(
        self,
        *,
        markdown: Literal[False] = False,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> models.DocumentIndex: ...

    @overload
    async def list_docs(
        self,
        *,
        markdown: Literal[True],
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> str: ...

    async def list_docs(
        self,
        *,
        markdown: bool = False,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> models.DocumentIndex | str:
        """List the documentation.

        Lists the public documents: the Signal DSL script guide, the operator and indicator reference, the data
        variable reference and the API reference. No API key needed. The response is the JSON envelope by default,
        or a markdown index with the request header `Accept: text/markdown`.

        Public: no API key needed.

        Args:
            markdown: Return the raw markdown text instead of the JSON document.

        Returns:
            The document index, as JSON (default) or markdown (`Accept text/markdown`).

        Raises:
            RequestValidationError: An argument breaks the spec's constraints or request rules (nothing is sent).
            RateLimitedError: Too many requests (300 per minute per key); wait for Retry-After seconds.
            InternalError: Server error.
        """
        parse: Callable[[Any], models.DocumentIndex | str] = (
            markdown_parser if markdown else models.DocumentIndex.model_validate
        )
        response = await self._client.request(
            _operations.LIST_DOCS,
            {},
            parse=parse,
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
            accept_markdown=markdown,
        )
        return response.parse()

    @overload
    async def get_signal_dsl_doc(
        self,
        *,
        markdown: Literal[False] = False,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> models.Document: ...

    @overload
    async def get_signal_dsl_doc(
        self,
        *,
        markdown: Literal[True],
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> str: ...

    async def get_signal_dsl_doc(
        self,
        *,
        markdown: bool = False,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> models.Document | str:
        """Get the Signal DSL script guide.

        The Signal DSL script guide: full syntax, indicators, execution modes and examples. Read it before writing
        any backtest script or market expression; for the complete operator and indicator list also read `GET
        /docs/operators`, and for every data variable `GET /docs/data`. No API key needed. JSON envelope by default,
        raw markdown with `Accept: text/markdown`.

        Public: no API key needed.

        Args:
            markdown: Return the raw markdown text instead of the JSON document.

        Returns:
            The script guide, as JSON (default) or markdown (`Accept text/markdown`).

        Raises:
            RequestValidationError: An argument breaks the spec's constraints or request rules (nothing is sent).
            RateLimitedError: Too many requests (300 per minute per key); wait for Retry-After seconds.
            InternalError: Server error.
        """
        parse: Callable[[Any], models.Document | str] = markdown_parser if markdown else models.Document.model_validate
        response = await self._client.request(
            _operations.GET_SIGNAL_DSL_DOC,
            {},
            parse=parse,
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
            accept_markdown=markdown,
        )
        return response.parse()

    @overload
    async def get_operators_doc(
        self,
        *,
        markdown: Literal[False] = False,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> models.Document: ...

    @overload
    async def get_operators_doc(
        self,
        *,
        markdown: Literal[True],
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> str: ...

    async def get_operators_doc(
        self,
        *,
        markdown: bool = False,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> models.Document | str:
        """Get the operator and indicator reference.

        The complete reference of Signal DSL operators and the 80+ technical indicators, with their parameters. No
        API key needed. JSON envelope by default, raw markdown with `Accept: text/markdown`.

        Public: no API key needed.

        Args:
            markdown: Return the raw markdown text instead of the JSON document.

        Returns:
            The operator reference, as JSON (default) or markdown (`Accept text/markdown`).

        Raises:
            RequestValidationError: An argument breaks the spec's constraints or request rules (nothing is sent).
            RateLimitedError: Too many requests (300 per minute per key); wait for Retry-After seconds.
            InternalError: Server error.
        """
        parse: Callable[[Any], models.Document | str] = markdown_parser if markdown else models.Document.model_validate
        response = await self._client.request(
            _operations.GET_OPERATORS_DOC,
            {},
            parse=parse,
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
            accept_markdown=markdown,
        )
        return response.parse()

    @overload
    async def get_data_doc(
        self,
        *,
        markdown: Literal[False] = False,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> models.Document: ...

    @overload
    async def get_data_doc(
        self,
        *,
        markdown: Literal[True],
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> str: ...

    async def get_data_doc(
        self,
        *,
        markdown: bool = False,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> models.Document | str:
        """Get the data variable reference.

        The data variables a script can read: OHLCV, state, context and on-chain data. No API key needed. JSON
        envelope by default, raw markdown with `Accept: text/markdown`.

        Public: no API key needed.

        Args:
            markdown: Return the raw markdown text instead of the JSON document.

        Returns:
            The data variable reference, as JSON (default) or markdown (`Accept text/markdown`).

        Raises:
            RequestValidationError: An argument breaks the spec's constraints or request rules (nothing is sent).
            RateLimitedError: Too many requests (300 per minute per key); wait for Retry-After seconds.
            InternalError: Server error.
        """
        parse: Callable[[Any], models.Document | str] = markdown_parser if markdown else models.Document.model_validate
        response = await self._client.request(
            _operations.GET_DATA_DOC,
            {},
            parse=parse,
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
            accept_markdown=markdown,
        )
        return response.parse()

    @overload
    async def get_api_reference_doc(
        self,
        *,
        markdown: Literal[False] = False,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> models.Document: ...

    @overload
    async def get_api_reference_doc(
        self,
        *,
        markdown: Literal[True],
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> str: ...

    async def get_api_reference_doc(
        self,
        *,
        markdown: bool = False,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> models.Document | str:
        """Get the API reference.

        A quick reference of every REST endpoint with its parameters. No API key needed. JSON envelope by default,
        raw markdown with `Accept: text/markdown`.

        Public: no API key needed.

        Args:
            markdown: Return the raw markdown text instead of the JSON document.

        Returns:
            The API reference, as JSON (default) or markdown (`Accept text/markdown`).

        Raises:
            RequestValidationError: An argument breaks the spec's constraints or request rules (nothing is sent).
            RateLimitedError: Too many requests (300 per minute per key); wait for Retry-After seconds.
            InternalError: Server error.
        """
        parse: Callable[[Any], models.Document | str] = markdown_parser if markdown else models.Document.model_validate
        response = await self._client.request(
            _operations.GET_API_REFERENCE_DOC,
            {},
            parse=parse,
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
            accept_markdown=markdown,
        )
        return response.parse()


class AsyncDocsWithRawResponse:
    """:class:`AsyncDocs` methods that return the raw response; call ``.parse()`` for the data."""

    def __init__(self, resource: AsyncDocsEndpoints) -> None:
        self.list_docs = async_raw_response(resource.list_docs)
        self.get_signal_dsl_doc = async_raw_response(resource.get_signal_dsl_doc)
        self.get_operators_doc = async_raw_response(resource.get_operators_doc)
        self.get_data_doc = async_raw_response(resource.get_data_doc)
        self.get_api_reference_doc = async_raw_response(resource.get_api_reference_doc)
