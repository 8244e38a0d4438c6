# Generated from spec/heytraders.yaml by `make generate`. Do not edit: change the spec or the generator.
"""Agent registration and claim, supported markets, indicators, health and capabilities."""

from __future__ import annotations

from .._endpoints.meta import AsyncMetaEndpoints, MetaEndpoints

__all__ = ["AsyncMeta", "Meta"]


class Meta(MetaEndpoints):
    """Agent registration and claim, supported markets, indicators, health and capabilities."""


class AsyncMeta(AsyncMetaEndpoints):
    """Agent registration and claim, supported markets, indicators, health and capabilities."""
