"""docs: the public documents, as JSON by default or raw markdown with ``Accept: text/markdown``."""

from __future__ import annotations

from typing import Any

from starlette.responses import Response

from ..clock import START, iso
from ..context import Context, handles
from ..docs import index_markdown


def _markdown(ctx: Context) -> bool:
    return "text/markdown" in ctx.accept


def _document(ctx: Context, slug: str) -> dict[str, Any] | Response:
    doc = ctx.sandbox.docs[slug]
    if _markdown(ctx):
        return Response(doc.content, media_type="text/markdown")
    return {"slug": doc.slug, "title": doc.title, "content": doc.content, "updated_at": iso(START)}


@handles("list_docs")
def list_docs(ctx: Context) -> dict[str, Any] | Response:
    if _markdown(ctx):
        return Response(index_markdown(ctx.sandbox.docs), media_type="text/markdown")
    return {
        "documents": [
            {"slug": doc.slug, "title": doc.title, "path": doc.path, "description": doc.description}
            for doc in ctx.sandbox.docs.values()
        ]
    }


@handles("get_signal_dsl_doc")
def get_signal_dsl_doc(ctx: Context) -> dict[str, Any] | Response:
    return _document(ctx, "signal-dsl")


@handles("get_operators_doc")
def get_operators_doc(ctx: Context) -> dict[str, Any] | Response:
    return _document(ctx, "operators")


@handles("get_data_doc")
def get_data_doc(ctx: Context) -> dict[str, Any] | Response:
    return _document(ctx, "data")


@handles("get_api_reference_doc")
def get_api_reference_doc(ctx: Context) -> dict[str, Any] | Response:
    return _document(ctx, "api-reference")
