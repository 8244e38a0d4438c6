"""Matching a request path to a spec operation.

Templates are compared segment by segment; where two templates match the same path, the one with a
literal segment earlier wins (``/live-strategies/subscriptions/{id}`` before
``/live-strategies/{strategy_id}/subscribe``). A path that matches only with other methods is a
405 whose ``Allow`` header lists them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import unquote

from .spec import Operation

_SEGMENT_PARAM = re.compile(r"^\{([^}/]+)\}$")


@dataclass(frozen=True)
class Route:
    operation: Operation
    segments: tuple[str | None, ...]  # None: a parameter; names in `names`
    names: tuple[str, ...]

    @property
    def specificity(self) -> tuple[int, ...]:
        return tuple(0 if segment is not None else 1 for segment in self.segments)

    def match(self, parts: list[str]) -> dict[str, str] | None:
        if len(parts) != len(self.segments):
            return None
        values: dict[str, str] = {}
        names = iter(self.names)
        for part, segment in zip(parts, self.segments, strict=True):
            if segment is None:
                if not part:
                    return None
                values[next(names)] = unquote(part)
            elif part != segment:
                return None
        return values


@dataclass(frozen=True)
class Match:
    operation: Operation
    path_params: dict[str, str]


@dataclass(frozen=True)
class MethodNotAllowed:
    allowed: tuple[str, ...]


class Router:
    def __init__(self, operations: Iterable[Operation]) -> None:
        routes = []
        for op in operations:
            segments: list[str | None] = []
            names: list[str] = []
            for segment in op.path.strip("/").split("/"):
                param = _SEGMENT_PARAM.match(segment)
                segments.append(None if param else segment)
                if param:
                    names.append(param.group(1))
            routes.append(Route(op, tuple(segments), tuple(names)))
        self.routes = sorted(routes, key=lambda route: route.specificity)

    def match(self, method: str, path: str) -> Match | MethodNotAllowed | None:
        parts = path.strip("/").split("/")
        matching = [(route, values) for route in self.routes if (values := route.match(parts)) is not None]
        for route, values in matching:
            if route.operation.method == method:
                return Match(route.operation, values)
        if not matching:
            return None
        best = matching[0][0].segments
        return MethodNotAllowed(
            tuple(sorted({route.operation.method for route, _ in matching if route.segments == best}))
        )
