# Generated from spec/heytraders.yaml by `make generate`. Do not edit: change the spec or the generator.
"""Agent registration and claim, supported markets, indicators, health and capabilities."""

from __future__ import annotations

from ..lib.meta import AsyncMetaHelpers, MetaHelpers

__all__ = ["AsyncMeta", "Meta"]


class Meta(MetaHelpers):
    """Agent registration and claim, supported markets, indicators, health and capabilities.

    Besides one method per operation, it has the hand-written helpers of ``heytraders.lib.meta``."""


class AsyncMeta(AsyncMetaHelpers):
    """Agent registration and claim, supported markets, indicators, health and capabilities.

    Besides one method per operation, it has the hand-written helpers of ``heytraders.lib.meta``."""
