# Generated from spec/heytraders.yaml by `make generate`. Do not edit: change the spec or the generator.
"""Public documentation as JSON, or as raw markdown with `Accept text/markdown`."""

from __future__ import annotations

from .._endpoints.docs import AsyncDocsEndpoints, DocsEndpoints

__all__ = ["AsyncDocs", "Docs"]


class Docs(DocsEndpoints):
    """Public documentation as JSON, or as raw markdown with `Accept text/markdown`."""


class AsyncDocs(AsyncDocsEndpoints):
    """Public documentation as JSON, or as raw markdown with `Accept text/markdown`."""
