"""Webhook delivery: every event of a subscription is POSTed, signed, to its webhook URL, and retried.

Wire format. Each attempt is one ``POST <url>`` whose body is the ``WebhookDelivery`` as compact JSON
(``json.dumps(body, separators=(",", ":"), sort_keys=True)``, UTF-8), with these headers::

    Content-Type: application/json
    User-Agent: HeyTraders-Webhooks/1.0 (sandbox)
    X-HeyTraders-Event: signal | error | strategy_stopped
    X-HeyTraders-Delivery: dlv_<16 hex>           the same on every retry of one delivery
    X-HeyTraders-Timestamp: <Unix seconds>        wall-clock time of this attempt, an integer
    X-HeyTraders-Signature: sha256=<64 hex>       only when the webhook has a secret

The signature is the lowercase hex HMAC-SHA256, keyed with the secret's UTF-8 bytes, of
``f"{timestamp}.".encode() + raw_body``: ``heytraders.sign_webhook``. Each retry is signed again with its own
timestamp. A receiver recomputes it over the raw bytes it received (before parsing them), compares
with ``hmac.compare_digest``, refuses timestamps more than a few minutes away from its clock (a
replayed delivery), and may use the delivery ID to act once per event. ``heytraders.verify_webhook``
does all of that.

Rules of the sandbox:

- Only loopback receivers are dialled: the URL's host must be ``localhost`` or an IP literal in
  ``127.0.0.0/8`` or ``::1``. Names are never resolved: ``localhost`` is dialled as ``127.0.0.1``
  (not ``::1``, whatever the hosts file says), with the URL's ``Host`` header (``localhost:<port>``)
  and, over https, the TLS name ``localhost`` (:func:`pin_localhost`). Any other URL is accepted when
  configured, as the API accepts it, but its deliveries are recorded as ``refused`` and never sent; a
  webhook test to it answers ``delivered: false`` saying why.
- A delivery counts as delivered on a 2xx answer; only the status line and headers are read, never the
  body. ``webhook_timeout`` bounds each attempt as a whole (connecting, sending, and the answer's status
  and headers), however slowly the receiver trickles them. Connection errors, timeouts and any other
  status (redirects are not followed) are retried after each of
  ``webhook_retry_delays`` in turn (1, 2, 4 and 8 s by default: five attempts), then the delivery is
  ``failed``. Deliveries to one URL go one at a time, in the order the events happened, so a failing
  receiver delays only its own later deliveries.
- Deliveries are sent by a worker that the app's lifespan starts and stops (uvicorn runs it; so does
  Starlette's ``TestClient`` used as a context manager). Without it (``httpx.ASGITransport``, which
  runs no lifespan) they stay ``pending`` in the outbox. At shutdown no attempt starts any more (nor a
  wait before a retry); the attempts in flight get ``SHUTDOWN_GRACE`` seconds to be answered, then are
  cut short. Deliveries not settled stay ``pending`` and resume if the app starts again.
- Every delivery is kept in the outbox (``GET /_mock/webhooks``, the last ``OUTBOX_SIZE``) with its
  headers, body, attempts and state (``pending``, ``delivered``, ``failed``, ``refused``). The
  secret itself is kept only to sign, and never shown, logged or put in a repr.
- At most ``OUTBOX_SIZE`` deliveries wait for one URL: past that, the oldest waiting one is given up
  (``failed``, saying so), so a dead receiver cannot make the sandbox hold events without bound. While
  the worker is stopped, at most ``OUTBOX_SIZE`` wait in all, and the oldest are dropped unsent.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import ipaddress
import json
import logging
import time
from collections import deque
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http import HTTPStatus
from typing import Any
from urllib.parse import urlsplit

import httpx
from heytraders.lib.webhooks import (
    WEBHOOK_DELIVERY_HEADER,
    WEBHOOK_EVENT_HEADER,
    WEBHOOK_SIGNATURE_HEADER,
    WEBHOOK_TIMESTAMP_HEADER,
    sign_webhook,
)

logger = logging.getLogger("heytraders_mock.webhooks")

USER_AGENT = "HeyTraders-Webhooks/1.0 (sandbox)"
# The header names and the signature recipe are the SDK's own (what its verify_webhook checks): one definition.
OUTBOX_SIZE = 1000
SHUTDOWN_GRACE = 2.0  # seconds the lifespan's shutdown waits for the attempts in flight to be answered
_UNWIND = 0.5  # seconds shutdown then waits for the cancelled tasks to end (they end at once: a guard)
LOOPBACK_V4 = ipaddress.ip_network("127.0.0.0/8")
LOOPBACK_V6 = ipaddress.ip_address("::1")
LOOPBACK_ONLY = (
    "The sandbox delivers webhooks only to loopback addresses (localhost, 127.0.0.0/8, ::1); "
    "{host} was not dialled. Point the webhook at a receiver on this machine, such as http://127.0.0.1:8000/hook."
)


def encode(body: Mapping[str, Any]) -> bytes:
    """The exact bytes POSTed (and signed): compact JSON with sorted keys."""
    return json.dumps(body, separators=(",", ":"), sort_keys=True).encode()


def refusal(url: str) -> str | None:
    """Why the sandbox will not dial ``url``; None for an http(s) URL on a loopback host.

    No name is resolved here, nor when the URL is dialled: ``localhost`` is sent to 127.0.0.1
    (:func:`pin_localhost`), and every other host must be an IP literal.
    """
    try:
        parts = urlsplit(url)
        host = parts.hostname
        parts.port  # noqa: B018 (reading it checks the port: a bad one raises ValueError)
    except ValueError:
        return f"The webhook URL {url[:200]!r} has no valid host and port; the sandbox did not dial it."
    if parts.scheme not in ("http", "https") or not host:
        return f"The sandbox delivers webhooks over http or https only; {url[:200]!r} was not dialled."
    if host == "localhost":
        return None
    try:
        address = ipaddress.ip_address(host)
    except ValueError:  # a name other than localhost: never resolved
        return LOOPBACK_ONLY.format(host=host)
    # Spelt out rather than ``is_loopback``, whose answer for IPv4-mapped addresses differs across Pythons.
    loopback = address in LOOPBACK_V4 if address.version == 4 else address == LOOPBACK_V6
    return None if loopback else LOOPBACK_ONLY.format(host=host)


def pin_localhost(request: httpx.Request) -> None:
    """Point a request for ``localhost`` at 127.0.0.1, so that dialling it looks no name up.

    The ``Host`` header stays the URL's (httpx wrote it when the request was built), and over https the
    TLS name (SNI and the certificate check) stays ``localhost``. Other hosts are IP literals
    (:func:`refusal`), which are dialled as they are.
    """
    if request.url.host == "localhost":
        if request.url.scheme == "https":
            request.extensions["sni_hostname"] = "localhost"
        request.url = request.url.copy_with(host="127.0.0.1")


def _wall_clock() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


@dataclass(eq=False)
class Attempt:
    """One POST of a delivery and what came of it."""

    number: int
    at: str  # wall-clock time the attempt started
    headers: dict[str, str]
    status_code: int | None = None
    response_time_ms: int | None = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.status_code is not None and 200 <= self.status_code < 300

    def view(self) -> dict[str, Any]:
        return {
            "attempt": self.number,
            "at": self.at,
            "headers": dict(self.headers),
            "status_code": self.status_code,
            "response_time_ms": self.response_time_ms,
            "error": self.error,
        }


@dataclass(eq=False)
class Delivery:
    """One event for one webhook URL, with every attempt to deliver it."""

    delivery_id: str
    url: str
    event: str
    body: bytes
    secret: str | None = field(repr=False)
    subscription_id: str | None
    test: bool = False
    state: str = "pending"  # pending | delivered | failed | refused
    error: str | None = None
    headers: dict[str, str] = field(default_factory=dict)  # the last attempt's (or those it would carry)
    attempts: list[Attempt] = field(default_factory=list)
    created_at: str = field(default_factory=_wall_clock)

    def signed_headers(self, timestamp: int) -> dict[str, str]:
        """The headers of an attempt made at ``timestamp`` (Unix seconds)."""
        headers = {
            "Content-Type": "application/json",
            "User-Agent": USER_AGENT,
            WEBHOOK_EVENT_HEADER: self.event,
            WEBHOOK_DELIVERY_HEADER: self.delivery_id,
            WEBHOOK_TIMESTAMP_HEADER: str(timestamp),
        }
        if self.secret is not None:
            headers[WEBHOOK_SIGNATURE_HEADER] = sign_webhook(self.secret, timestamp, self.body)
        return headers

    def view(self) -> dict[str, Any]:
        return {
            "delivery_id": self.delivery_id,
            "url": self.url,
            "event": self.event,
            "subscription_id": self.subscription_id,
            "test": self.test,
            "state": self.state,
            "error": self.error,
            "headers": dict(self.headers),
            "body": self.body.decode(),
            "attempts": [attempt.view() for attempt in self.attempts],
            "created_at": self.created_at,
        }


class Outbox:
    """Every delivery of one sandbox state, oldest first, and the hook that hands new ones to the worker."""

    def __init__(self, seed: int) -> None:
        self.deliveries: list[Delivery] = []
        self.dispatch: Callable[[Delivery], None] | None = None
        self._seed = seed
        self._count = 0

    def _next_id(self) -> str:
        # Derived from the seed and a counter rather than the store's random generator, so that
        # deliveries do not shift the IDs of everything created after them.
        self._count += 1
        return "dlv_" + hashlib.sha256(f"{self._seed}:delivery:{self._count}".encode()).hexdigest()[:16]

    def add(
        self,
        url: str,
        event: str,
        body: Mapping[str, Any],
        secret: str | None,
        *,
        subscription_id: str | None,
        test: bool = False,
    ) -> Delivery:
        """Record a delivery and, unless it is a test (sent by its caller) or refused, queue it for sending."""
        delivery = Delivery(
            delivery_id=self._next_id(),
            url=url,
            event=event,
            body=encode(body),
            secret=secret,
            subscription_id=subscription_id,
            test=test,
        )
        delivery.headers = delivery.signed_headers(int(time.time()))
        reason = refusal(url)
        if reason is not None:
            delivery.state, delivery.error = "refused", reason
        self.deliveries.append(delivery)
        del self.deliveries[:-OUTBOX_SIZE]
        if delivery.state == "pending" and not test and self.dispatch is not None:
            self.dispatch(delivery)
        return delivery

    def view(self) -> list[dict[str, Any]]:
        return [delivery.view() for delivery in self.deliveries]


def _target(url: str) -> str:
    parts = urlsplit(url)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    host = f"[{parts.hostname}]" if parts.hostname and ":" in parts.hostname else parts.hostname
    return f"{host}:{port}"


def _failure(url: str, error: Exception, timeout: float) -> str:
    target = _target(url)
    if isinstance(error, httpx.TimeoutException | TimeoutError):
        return f"No response from {target} within {timeout:g} s."
    if isinstance(error, httpx.ConnectError):
        return f"Connection refused: {target} ({error or 'no answer'})."
    return f"Delivery to {target} failed: {type(error).__name__}: {error}"


def _status_error(status: int, reason: str) -> str:
    if not reason:
        with contextlib.suppress(ValueError):
            reason = HTTPStatus(status).phrase
    return f"The receiver answered HTTP {status} {reason}".rstrip() + "."


class Deliverer:
    """Sends the outbox's deliveries over HTTP, with retries, on the event loop the lifespan runs in.

    ``submit`` is called from synchronous code (the handlers and the clock sync): it only queues.
    """

    def __init__(self, retry_delays: Sequence[float], timeout: float) -> None:
        self.retry_delays = tuple(retry_delays)
        self.timeout = timeout
        self._client: httpx.AsyncClient | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        # Submitted while the worker is not running (no lifespan): kept, bounded as the outbox is.
        self._parked: deque[Delivery] = deque(maxlen=OUTBOX_SIZE)
        self._lanes: dict[str, deque[Delivery]] = {}  # url -> deliveries waiting, in order
        self._current: dict[str, Delivery] = {}  # url -> the delivery being sent
        self._tasks: dict[str, asyncio.Task[None]] = {}  # url -> the task draining its lane
        self._closing = False  # shutting down: no attempt (or wait before a retry) starts
        self._posting = 0  # the worker's attempts in flight
        self._quiet = asyncio.Event()  # set while none is
        self._quiet.set()

    @property
    def running(self) -> bool:
        return self._client is not None

    def _new_client(self) -> httpx.AsyncClient:
        # No proxies or netrc from the environment: a loopback URL must reach this machine.
        return httpx.AsyncClient(timeout=self.timeout, follow_redirects=False, trust_env=False)

    async def start(self) -> None:
        """Start sending (the lifespan's start-up); deliveries submitted before are sent now."""
        if self.running:
            return
        self._loop = asyncio.get_running_loop()
        self._client = self._new_client()
        self._closing = False
        self._quiet = asyncio.Event()  # a fresh one: an event waited on is bound to its loop
        self._quiet.set()
        while self._parked:
            self._route(self._parked.popleft())

    async def stop(self, grace: float | None = None) -> None:
        """Stop sending (the lifespan's shutdown); unsettled deliveries are parked.

        No attempt, or wait before a retry, starts from now on. The attempts in flight get ``grace``
        seconds (``SHUTDOWN_GRACE``) to be answered; whatever is still running then is cancelled.
        """
        grace = SHUTDOWN_GRACE if grace is None else grace
        self._closing = True
        if self._posting:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._quiet.wait(), grace)
        tasks = list(self._tasks.values())
        for task in tasks:
            task.cancel()
        if tasks:
            await asyncio.wait(tasks, timeout=_UNWIND)
        for url in list(self._lanes):
            current = self._current.pop(url, None)
            if current is not None and current.state == "pending":
                cut = current.attempts[-1] if current.attempts else None
                if cut is not None and cut.status_code is None and cut.error is None:
                    cut.error = current.error = "Interrupted: the sandbox shut down before the receiver answered."
                self._parked.append(current)
            self._parked.extend(self._lanes.pop(url))
        self._tasks.clear()
        client, self._client, self._loop = self._client, None, None
        if client is not None:
            await client.aclose()

    def submit(self, delivery: Delivery) -> None:
        """Queue a delivery (from any thread; normally the loop's own, inside a handler)."""
        loop = self._loop
        if loop is None or loop.is_closed():
            self._parked.append(delivery)
            return
        try:
            running = asyncio.get_running_loop()
        except RuntimeError:
            running = None
        if running is loop:
            self._route(delivery)
        else:
            loop.call_soon_threadsafe(self._route, delivery)

    def forget(self) -> None:
        """Drop the deliveries not yet started (the sandbox was reset); those in flight finish."""
        self._parked.clear()
        for lane in self._lanes.values():
            lane.clear()

    def _route(self, delivery: Delivery) -> None:
        if self._closing:  # submitted during shutdown: sent when the worker starts again
            self._parked.append(delivery)
            return
        lane = self._lanes.setdefault(delivery.url, deque())
        if len(lane) >= OUTBOX_SIZE:  # a receiver this far behind: its oldest waiting delivery is given up
            dropped = lane.popleft()
            dropped.state = "failed"
            dropped.error = f"Not sent: {OUTBOX_SIZE} later deliveries to this URL were waiting behind it."
        lane.append(delivery)
        if delivery.url not in self._tasks:
            self._tasks[delivery.url] = asyncio.get_running_loop().create_task(self._drain(delivery.url))

    async def _drain(self, url: str) -> None:
        lane = self._lanes[url]
        try:
            while lane and not self._closing:
                delivery = self._current[url] = lane.popleft()
                try:
                    await self._deliver(delivery)
                except Exception:  # a bug here must not stall the URL's later deliveries
                    logger.exception("webhook %s: delivery crashed", delivery.delivery_id)
                    delivery.state, delivery.error = "failed", "The sandbox failed to send it (see its log)."
                if delivery.state == "pending":  # shutdown stopped it between attempts: first in line again
                    lane.appendleft(delivery)
                del self._current[url]
        finally:
            if not lane and not self._current.get(url):
                self._lanes.pop(url, None)
                self._tasks.pop(url, None)

    async def _deliver(self, delivery: Delivery) -> None:
        delays = (0.0, *self.retry_delays)
        for wait in delays[len(delivery.attempts) :] or (0.0,):
            if delivery.attempts and wait > 0 and not self._closing:
                await asyncio.sleep(wait)
            if self._closing:
                return  # left pending: sent when the worker starts again
            self._posting += 1
            self._quiet.clear()
            try:
                attempt = await self.attempt(delivery)
            finally:
                self._posting -= 1
                if not self._posting:
                    self._quiet.set()
            if attempt.ok:
                delivery.state, delivery.error = "delivered", None
                logger.info("webhook %s (%s) delivered to %s", delivery.delivery_id, delivery.event, delivery.url)
                return
        delivery.state = "failed"
        delivery.error = delivery.attempts[-1].error if delivery.attempts else "Not sent."
        logger.warning(
            "webhook %s (%s) to %s failed after %d attempts: %s",
            delivery.delivery_id,
            delivery.event,
            delivery.url,
            len(delivery.attempts),
            delivery.error,
        )

    async def attempt(self, delivery: Delivery) -> Attempt:
        """POST the delivery once, signed now, and record the attempt (no retry)."""
        timestamp = int(time.time())
        headers = delivery.signed_headers(timestamp)
        attempt = Attempt(number=len(delivery.attempts) + 1, at=_wall_clock(), headers=headers)
        delivery.headers = headers
        delivery.attempts.append(attempt)
        # The worker's client belongs to the lifespan's loop; elsewhere (no lifespan) a client for this request.
        client = self._client if self._loop is asyncio.get_running_loop() else None
        started = time.perf_counter()
        try:
            # httpx's timeout applies to each read, which a receiver trickling bytes keeps alive: the whole
            # attempt gets ``timeout`` seconds (past them, a TimeoutError: an OSError). ValueError: a URL
            # httpx cannot use.
            status, reason = await asyncio.wait_for(self._post(client, delivery, headers), self.timeout)
        except (httpx.HTTPError, httpx.InvalidURL, OSError, ValueError) as error:
            attempt.error = _failure(delivery.url, error, self.timeout)
            delivery.error = attempt.error
            return attempt
        attempt.response_time_ms = max(0, round((time.perf_counter() - started) * 1000))
        attempt.status_code = status
        if not attempt.ok:
            attempt.error = _status_error(status, reason)
        delivery.error = attempt.error
        return attempt

    async def _post(
        self, client: httpx.AsyncClient | None, delivery: Delivery, headers: Mapping[str, str]
    ) -> tuple[int, str]:
        """POST the delivery; the answer's status and reason. Its body is never read (closing an unread
        answer closes the connection), so no receiver can make the sandbox buffer an endless one."""
        if client is None:
            async with self._new_client() as own:
                return await self._post(own, delivery, headers)
        request = client.build_request("POST", delivery.url, content=delivery.body, headers=headers)
        pin_localhost(request)
        response = await client.send(request, stream=True)
        try:
            return response.status_code, response.reason_phrase
        finally:
            await response.aclose()
