"""Fault injection: the sandbox misbehaves on purpose, so that a client can show what it does when the network does.

Off by default. ``heytraders-mock --faults`` (or ``MockConfig(faults=True)``) turns it on; off, the header is
ignored, ``/_mock/faults`` is a 404 and no code of this module runs on a request. Faults apply to the API under
the base path only, never to the ``/_mock`` control routes.

**One request** asks for a fault with the ``X-Mock-Fault`` header: items separated by ``;``, each ``name`` or
``name=value`` (spaces ignored), for example ``X-Mock-Fault: status=503; retry-after=1``.

============== ==========================================================================================
item           what happens
============== ==========================================================================================
latency=S      waits S seconds (0 < S ≤ 30) first; combines with any item below
status=CODE    answers CODE (429 or 500 to 599) in the error envelope (``RATE_LIMITED`` for 429, else
               ``INTERNAL_ERROR``); the handler does not run
retry-after=S  with ``status``: adds ``Retry-After: S`` (whole seconds, 0 to 3600; a 429 always has one, 1 s
               unless given)
drop=before    closes the connection without an answer; the handler does not run
drop=after     the handler runs and what it did stays done (an order is placed), then the connection is closed
               without an answer
truncate       the handler runs; the answer declares the body's full ``Content-Length``, sends its first half
               and closes the connection
non-json       the handler runs and its body is replaced by an HTML page (a proxy's error page), status kept;
               with ``status`` the handler does not run and that status carries the HTML page
trickle=S      the handler runs; the body goes out in pieces (``chunks=N``, 2 to 64, default 8) with S seconds
               (0 < S ≤ 10) between two pieces
============== ==========================================================================================

``status``, ``drop``, ``truncate`` and ``trickle`` exclude one another; ``non-json`` goes alone or with ``status``.
A header that breaks these rules is a 400 ``VALIDATION_ERROR`` naming the item, and nothing else happens.

Dropping a connection needs the server's socket. Under uvicorn (``heytraders-mock``) the connection is closed
(a FIN, no status line: httpx raises ``RemoteProtocolError``), and uvicorn, seeing the client gone, neither answers
nor logs. Under a server whose ``send`` does not lead to its transport, such as ``httpx.ASGITransport`` in process,
the drop is an exception, ``ConnectionDropped`` (an ``httpx.RemoteProtocolError``), which the in-process transport
hands to the client as the same error; another server may answer it with a 500.

**Routes** get faults with a probability through the control route ``/_mock/faults``:
``PUT {"seed": 7, "rules": [{"route": "POST /orders", "fault": "drop=after", "probability": 0.05}, ...]}``. A rule's
``route`` is an ``operationId`` (``place_order``), a method and the spec's path template (``GET /orders/{order_id}``),
a method and ``*`` (``GET *``: every read) or ``*``. For each request to an operation some rule names, one number
is drawn from a ``random.Random(seed)`` and walks the rules in order, each taking its probability's share of
[0, 1); so the same seed and the same sequence of requests give the same faults. The probabilities of the rules
naming one operation add up to 1 at most. A request's header wins over the rules and draws nothing.
``PUT`` replaces the rules, restarts the generator from the seed (``MockConfig.seed`` if none is given) and zeroes
the counters; ``GET`` shows the rules and the counters of faults injected: ``injected`` by kind (a fault counts
under each of its kinds), ``by_route`` by route and kind, ``by_fault`` by route and fault (canonical text);
``DELETE`` clears rules and counters. ``POST /_mock/reset`` leaves them alone.
"""

from __future__ import annotations

import asyncio
import random
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from decimal import Decimal
from http import HTTPStatus
from typing import Any, Literal
from urllib.parse import quote

import anyio
import httpx
from starlette.applications import Starlette
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .errors import ApiError, error_response
from .routing import Match, Router
from .spec import ApiSpec, Operation

HEADER = "X-Mock-Fault"
_HEADER_KEY = HEADER.lower().encode("latin-1")
KINDS = ("latency", "status", "drop-before", "drop-after", "truncate", "non-json", "trickle")
MAX_LATENCY = 30.0
MAX_TRICKLE = 10.0
MAX_RETRY_AFTER = 3600
DEFAULT_CHUNKS = 8
CHUNKS_RANGE = (2, 64)
# How long a drop waits for the server to notice the closed connection (it does within a loop turn or two).
_DROP_SETTLE = 1.0


class ConnectionDropped(httpx.RemoteProtocolError):
    """A dropped connection, raised where the server's socket cannot be reached (in-process transports)."""


def _invalid(parameter: str, rule: str, problem: str, value: Any) -> ApiError:
    return ApiError(
        "VALIDATION_ERROR",
        f"{parameter}: {problem} (rule {rule}); got {str(value)[:200]!r}.",
        "See heytraders_mock.faults for the grammar: for example 'status=503; retry-after=1', 'drop=after', "
        "'latency=0.2', 'truncate', 'non-json', 'trickle=0.1; chunks=4'.",
        details={"parameter": parameter, "rule": rule, "value": str(value)[:200]},
    )


@dataclass(frozen=True, slots=True)
class Fault:
    """One fault to inject, parsed from the grammar above; ``text`` is its canonical form."""

    text: str
    latency: float = 0.0
    status: int | None = None
    retry_after: int | None = None
    drop: Literal["before", "after"] | None = None
    truncate: bool = False
    non_json: bool = False
    trickle: float | None = None
    chunks: int = DEFAULT_CHUNKS

    def items(self) -> list[tuple[str | None, str]]:
        """(kind, canonical item) in canonical order; no kind for an item that only qualifies another."""
        found: list[tuple[str | None, str]] = []
        if self.latency:
            found.append(("latency", f"latency={self.latency:g}"))
        if self.status is not None:
            found.append(("status", f"status={self.status}"))
        if self.retry_after is not None:
            found.append((None, f"retry-after={self.retry_after}"))
        if self.drop is not None:
            found.append((f"drop-{self.drop}", f"drop={self.drop}"))
        if self.truncate:
            found.append(("truncate", "truncate"))
        if self.non_json:
            found.append(("non-json", "non-json"))
        if self.trickle is not None:
            found.append(("trickle", f"trickle={self.trickle:g}; chunks={self.chunks}"))
        return found

    @property
    def kinds(self) -> tuple[str, ...]:
        """The kinds this fault counts as (latency plus at most one other, or status and non-json)."""
        return tuple(kind for kind, _ in self.items() if kind is not None)

    @property
    def runs_handler(self) -> bool:
        """Whether the operation's handler runs (and what it does is committed)."""
        return self.status is None and self.drop != "before"

    @property
    def hides_outcome(self) -> bool:
        """Whether the client cannot tell from what it gets if the handler ran: a drop, a cut or unreadable body, or
        a 5xx (whose handler did not run, which the client cannot know). A 429 says it did not; latency and
        trickle deliver the answer."""
        failed_status = self.status is not None and self.status >= 500
        return failed_status or self.drop is not None or self.truncate or self.non_json

    @property
    def changes_answer(self) -> bool:
        """Whether anything beyond the added latency happens."""
        return self.kinds != ("latency",)


def _seconds(parameter: str, item: str, value: str | None, upper: float) -> float:
    try:
        seconds = float(value) if value is not None else float("nan")
    except ValueError:
        seconds = float("nan")
    if not 0 < seconds <= upper:  # NaN fails too
        rule, problem = f"mock-fault-{item}", f"{item} takes seconds, more than 0 and at most {upper:g}"
        raise _invalid(parameter, rule, problem, value)
    return seconds


def _whole(parameter: str, item: str, value: str | None, low: int, high: int) -> int:
    if value is None or not value.isdigit() or not low <= int(value) <= high:
        raise _invalid(parameter, f"mock-fault-{item}", f"{item} takes a whole number from {low} to {high}", value)
    return int(value)


def parse_fault(text: str, parameter: str = HEADER) -> Fault:
    """Parse one fault (``status=503; retry-after=1``); an ``ApiError`` (400) names what is wrong.

    Args:
        text: The fault, in the grammar of this module's docstring.
        parameter: What to name in an error: the header, or the rule's ``fault`` field.

    Returns:
        The fault.
    """
    items: dict[str, str | None] = {}
    for raw in text.split(";"):
        item = raw.strip()
        if not item:
            continue
        key, has_value, given = item.partition("=")
        key = key.strip().lower()
        if key in items:
            raise _invalid(parameter, "mock-fault-once", f"{key} is given twice", text)
        items[key] = given.strip() if has_value else None
    if not items:
        raise _invalid(parameter, "mock-fault-grammar", "names no fault", text)
    fault = Fault(text="")
    for name, value in items.items():
        if name == "latency":
            fault = replace(fault, latency=_seconds(parameter, name, value, MAX_LATENCY))
        elif name == "status":
            status = _whole(parameter, name, value, 100, 599)
            if status != 429 and status < 500:
                raise _invalid(parameter, "mock-fault-status", "status must be 429 or 500 to 599", value)
            fault = replace(fault, status=status)
        elif name == "retry-after":
            fault = replace(fault, retry_after=_whole(parameter, name, value, 0, MAX_RETRY_AFTER))
        elif name == "drop":
            if value not in ("before", "after"):
                raise _invalid(parameter, "mock-fault-drop", "drop is 'before' or 'after' the handler", value)
            fault = replace(fault, drop="before" if value == "before" else "after")
        elif name in ("truncate", "non-json"):
            if value is not None:
                raise _invalid(parameter, f"mock-fault-{name}", f"{name} takes no value", f"{name}={value}")
            fault = replace(fault, truncate=True) if name == "truncate" else replace(fault, non_json=True)
        elif name == "trickle":
            fault = replace(fault, trickle=_seconds(parameter, name, value, MAX_TRICKLE))
        elif name == "chunks":
            fault = replace(fault, chunks=_whole(parameter, name, value, *CHUNKS_RANGE))
        else:
            known = "latency=S, status=CODE, retry-after=S, drop=before|after, truncate, non-json, trickle=S, chunks=N"
            raise _invalid(parameter, "mock-fault-grammar", f"unknown item {name!r}; known: {known}", text)
    exclusive = [kind for kind in fault.kinds if kind not in ("latency", "non-json")]
    if len(exclusive) > 1:
        raise _invalid(parameter, "mock-fault-one", f"{' and '.join(exclusive)} exclude one another", text)
    if fault.non_json and exclusive not in ([], ["status"]):
        raise _invalid(parameter, "mock-fault-one", "non-json goes alone or with status", text)
    if fault.retry_after is not None and fault.status is None:
        raise _invalid(parameter, "mock-fault-retry-after", "retry-after needs status", text)
    if "chunks" in items and fault.trickle is None:
        raise _invalid(parameter, "mock-fault-chunks", "chunks needs trickle", text)
    if fault.status == 429 and fault.retry_after is None:
        fault = replace(fault, retry_after=1)  # a 429 always says when to come back
    return replace(fault, text="; ".join(text for _, text in fault.items()))


@dataclass(frozen=True, slots=True)
class FaultRule:
    route: str
    fault: Fault
    probability: float
    operations: frozenset[str]  # the operationIds the route names

    def view(self) -> dict[str, Any]:
        return {
            "route": self.route,
            "fault": self.fault.text,
            "probability": self.probability,
            "operations": sorted(self.operations),
        }


def _route_label(op: Operation) -> str:
    return f"{op.method} {op.path}"


class FaultInjector:
    """The faults one app injects: the rules, their seeded generator, and what was injected."""

    def __init__(self, api: ApiSpec, base_path: str, seed: int, clock: Callable[[], datetime]) -> None:
        self.api = api
        self.base = base_path.rstrip("/")
        self.default_seed = seed
        self.clock = clock
        self.router = Router(api.operations)
        self.clear()

    def clear(self) -> None:
        """No rules, counters at zero, the generator back at the default seed."""
        self.seed = self.default_seed
        self.rules: tuple[FaultRule, ...] = ()
        self.by_operation: dict[str, tuple[tuple[float, FaultRule], ...]] = {}
        self.random = random.Random(self.seed)
        self.draws = 0
        self.injected: Counter[str] = Counter()
        self.by_route: dict[str, Counter[str]] = {}
        self.by_fault: dict[str, Counter[str]] = {}

    # -- configuration (the control route) ------------------------------------------------------

    def configure(self, body: Mapping[str, Any]) -> None:
        """Replace the rules from a ``PUT /_mock/faults`` body; an ``ApiError`` (400) names what is wrong."""
        unknown = sorted(set(body) - {"seed", "rules"})
        if unknown:
            raise _invalid("body", "mock-faults-fields", "the fields are seed and rules", ", ".join(unknown))
        seed = body.get("seed", self.default_seed)
        if isinstance(seed, bool) or not isinstance(seed, int):
            raise _invalid("seed", "mock-faults-seed", "must be an integer", seed)
        raw_rules = body.get("rules", [])
        if not isinstance(raw_rules, list):
            raise _invalid("rules", "mock-faults-rules", "must be a list of rules", raw_rules)
        rules = tuple(self._rule(index, raw) for index, raw in enumerate(raw_rules))
        by_operation: dict[str, list[tuple[float, FaultRule]]] = {}
        for rule in rules:
            for operation_id in rule.operations:
                shares = by_operation.setdefault(operation_id, [])
                total = (shares[-1][0] if shares else 0.0) + rule.probability
                if total > 1.0 + 1e-9:
                    raise _invalid(
                        "rules",
                        "mock-faults-probability-sum",
                        f"the probabilities of the rules naming {operation_id} add up to more than 1",
                        f"{total:g}",
                    )
                shares.append((total, rule))
        self.clear()
        self.seed = seed
        self.random = random.Random(seed)
        self.rules = rules
        self.by_operation = {operation_id: tuple(shares) for operation_id, shares in by_operation.items()}

    def _rule(self, index: int, raw: Any) -> FaultRule:
        where = f"rules[{index}]"
        if not isinstance(raw, dict) or set(raw) != {"route", "fault", "probability"}:
            raise _invalid(where, "mock-faults-rule", "a rule is {route, fault, probability}", raw)
        route, text, probability = raw["route"], raw["fault"], raw["probability"]
        if not isinstance(route, str):
            raise _invalid(f"{where}.route", "mock-faults-route", "must be a string", route)
        if not isinstance(text, str):
            raise _invalid(f"{where}.fault", "mock-faults-fault", "must be a string", text)
        if (
            isinstance(probability, bool)
            or not isinstance(probability, int | float | Decimal)
            or not 0 <= probability <= 1
        ):
            problem = "must be a number from 0 to 1"
            raise _invalid(f"{where}.probability", "mock-faults-probability", problem, probability)
        return FaultRule(route, parse_fault(text, f"{where}.fault"), float(probability), self._operations(where, route))

    def _operations(self, where: str, route: str) -> frozenset[str]:
        operations = self.api.operations
        method, _, path = route.strip().partition(" ")
        path = path.strip()
        if route.strip() == "*":
            found = list(operations)
        elif not path:
            found = [op for op in operations if op.operation_id == method]
        elif path == "*":
            found = [op for op in operations if op.method == method.upper()]
        else:
            found = [op for op in operations if op.method == method.upper() and op.path == path]
        if not found:
            raise _invalid(
                f"{where}.route",
                "mock-faults-route",
                "names no operation: use an operationId, 'METHOD /path/{template}', 'METHOD *' or '*'",
                route,
            )
        return frozenset(op.operation_id for op in found)

    def view(self) -> dict[str, Any]:
        """What ``GET /_mock/faults`` answers."""
        return {
            "header": HEADER,
            "seed": self.seed,
            "rules": [rule.view() for rule in self.rules],
            "draws": self.draws,
            "injected": {kind: self.injected[kind] for kind in KINDS},
            "by_route": {route: dict(counts) for route, counts in sorted(self.by_route.items())},
            "by_fault": {route: dict(counts) for route, counts in sorted(self.by_fault.items())},
        }

    # -- per request ------------------------------------------------------------------------------

    def _match(self, scope: Scope) -> Match | None:
        raw_path = scope.get("raw_path")
        path = raw_path.decode("latin-1") if isinstance(raw_path, bytes) else quote(scope["path"])
        found = self.router.match(scope["method"], path[len(self.base) :])
        return found if isinstance(found, Match) else None

    def pick(self, scope: Scope) -> tuple[Fault, str] | None:
        """The fault for this request and the route it counts under, or None; the header before the rules."""
        header = next((value for name, value in scope["headers"] if name == _HEADER_KEY), None)
        if header is None and not self.by_operation:
            return None
        found = self._match(scope)
        unmatched = f"{scope['method']} {scope['path'][len(self.base) :]}"  # no operation: the path as asked
        route = _route_label(found.operation) if found is not None else unmatched
        if header is not None:
            return parse_fault(header.decode("latin-1")), route
        shares = self.by_operation.get(found.operation.operation_id) if found is not None else None
        if not shares:
            return None
        self.draws += 1
        draw = self.random.random()
        for upper, rule in shares:
            if draw < upper:
                return rule.fault, route
        return None

    def count(self, fault: Fault, route: str) -> None:
        self.by_fault.setdefault(route, Counter())[fault.text] += 1
        counts = self.by_route.setdefault(route, Counter())
        for kind in fault.kinds:
            self.injected[kind] += 1
            counts[kind] += 1


# -- the middleware ---------------------------------------------------------------------------------


def install(app: Starlette, injector: FaultInjector) -> None:
    """Put the fault middleware outside everything else in a Starlette app.

    Outside Starlette's own error middleware, which would answer a 500 to a dropped connection, and with the
    server's own ``send``, through which the connection can be closed. Starlette builds its stack on the
    first request; building it here, once, with this middleware around it, is the same stack plus ours.
    """
    app.middleware_stack = FaultMiddleware(app.build_middleware_stack(), injector)


def _phrase(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:  # a 5xx HTTP has no name for
        return "Error"


def _page(status: int) -> bytes:
    phrase = _phrase(status)
    return (
        f"<!DOCTYPE html>\n<html><head><title>{status} {phrase}</title></head>\n"
        f"<body><h1>{status} {phrase}</h1><hr><p>heytraders-mock (injected fault: non-json)</p></body></html>\n"
    ).encode()


def _with_headers(headers: list[tuple[bytes, bytes]], **changes: str) -> list[tuple[bytes, bytes]]:
    names = {name.replace("_", "-").encode("latin-1"): value.encode("latin-1") for name, value in changes.items()}
    return [(name, value) for name, value in headers if name.lower() not in names] + list(names.items())


@dataclass
class _Captured:
    """A response the handler sent, kept back for the fault to reshape."""

    start: Message | None = None
    body: bytes = b""

    async def send(self, message: Message) -> None:
        if message["type"] == "http.response.start":
            self.start = message
        elif message["type"] == "http.response.body":
            self.body += message.get("body", b"")


class FaultMiddleware:
    """Pure ASGI middleware injecting the fault ``FaultInjector.pick`` chooses (see the module docstring)."""

    def __init__(self, app: ASGIApp, injector: FaultInjector) -> None:
        self.app = app
        self.injector = injector
        self.prefix = injector.base + "/"

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope["path"].startswith(self.prefix):
            await self.app(scope, receive, send)
            return
        try:
            picked = self.injector.pick(scope)
        except ApiError as error:
            await error_response(error, 400, self.injector.clock())(scope, receive, send)
            return
        if picked is None:
            await self.app(scope, receive, send)
            return
        fault, route = picked
        self.injector.count(fault, route)
        if fault.latency:
            await anyio.sleep(fault.latency)
        if not fault.changes_answer:
            await self.app(scope, receive, _marking(send, fault))
        elif fault.drop == "before":
            await _drop(send)
        elif fault.status is not None:
            await self._status(fault, scope, receive, send)
        else:
            await self._reshape(fault, scope, receive, send)

    async def _status(self, fault: Fault, scope: Scope, receive: Receive, send: Send) -> None:
        assert fault.status is not None
        headers = {HEADER: fault.text}
        if fault.retry_after is not None:
            headers["Retry-After"] = str(fault.retry_after)
        if fault.non_json:
            page = _page(fault.status)
            raw = [(b"content-type", b"text/html; charset=utf-8"), (b"content-length", str(len(page)).encode())]
            raw += [(name.lower().encode("latin-1"), value.encode("latin-1")) for name, value in headers.items()]
            await send({"type": "http.response.start", "status": fault.status, "headers": raw})
            await send({"type": "http.response.body", "body": page})
            return
        code = "RATE_LIMITED" if fault.status == 429 else "INTERNAL_ERROR"
        error = ApiError(
            code,
            f"Injected fault: {fault.status} {_phrase(fault.status)} ({HEADER}: {fault.text}).",
            "The sandbox was asked for this failure (X-Mock-Fault or /_mock/faults); try again.",
            details={"fault": fault.text},
            headers=headers,
        )
        await error_response(error, fault.status, self.injector.clock())(scope, receive, send)

    async def _reshape(self, fault: Fault, scope: Scope, receive: Receive, send: Send) -> None:
        """Run the handler to the end (its state committed), then answer badly or not at all."""
        captured = _Captured()
        await self.app(scope, receive, captured.send)
        if fault.drop == "after" or captured.start is None:
            await _drop(send)
            return
        status, body = captured.start["status"], captured.body
        headers = list(captured.start.get("headers", []))
        if fault.non_json:
            body = _page(status)
            headers = _with_headers(headers, content_type="text/html; charset=utf-8")
        # A truncated answer promises more than it sends (at least one byte, even for an empty body).
        declared = max(len(body), 1) if fault.truncate else len(body)
        headers = _with_headers(headers, content_length=str(declared), x_mock_fault=fault.text)
        await send({"type": "http.response.start", "status": status, "headers": headers})
        if fault.truncate:
            await send({"type": "http.response.body", "body": body[: len(body) // 2], "more_body": True})
            await _drop(send)
        elif fault.trickle is not None:
            step = -(-len(body) // fault.chunks) or 1
            pieces = [body[at : at + step] for at in range(0, len(body), step)] or [b""]
            for index, piece in enumerate(pieces):
                if index:
                    await anyio.sleep(fault.trickle)
                await send({"type": "http.response.body", "body": piece, "more_body": index + 1 < len(pieces)})
        else:
            await send({"type": "http.response.body", "body": body})


def _marking(send: Send, fault: Fault) -> Send:
    """``send``, adding the ``X-Mock-Fault`` header to the answer (what was injected, for whoever reads it)."""

    async def marked(message: Message) -> None:
        if message["type"] == "http.response.start":
            message = {**message, "headers": _with_headers(list(message.get("headers", [])), x_mock_fault=fault.text)}
        await send(message)

    return marked


async def _drop(send: Send) -> None:
    """Close the connection without (the rest of) an answer."""
    # uvicorn's send is a bound method of the request's cycle, which holds the connection's transport.
    cycle = getattr(send, "__self__", None)
    transport = getattr(cycle, "transport", None)
    if not isinstance(transport, asyncio.Transport):
        raise ConnectionDropped("the sandbox dropped the connection (X-Mock-Fault)")
    transport.close()
    # The server marks the request disconnected once the loop has run connection_lost; wait for that, so that
    # it neither answers a 500 for us nor logs an unfinished answer.
    loop = asyncio.get_running_loop()
    deadline = loop.time() + _DROP_SETTLE
    await asyncio.sleep(0)  # connection_lost is scheduled for the next turn of the loop (unless bytes are queued)
    while not getattr(cycle, "disconnected", True) and loop.time() < deadline:
        await asyncio.sleep(0.005)
