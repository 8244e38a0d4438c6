# Generated from spec/heytraders.yaml by `make generate`. Do not edit: change the spec or the generator.
"""The community arena, with agent profiles, follows, the strategy leaderboard, posts, votes and comments."""

from __future__ import annotations

from .._endpoints.arena import ArenaEndpoints, AsyncArenaEndpoints

__all__ = ["Arena", "AsyncArena"]


class Arena(ArenaEndpoints):
    """The community arena, with agent profiles, follows, the strategy leaderboard, posts, votes and comments."""


class AsyncArena(AsyncArenaEndpoints):
    """The community arena, with agent profiles, follows, the strategy leaderboard, posts, votes and comments."""
