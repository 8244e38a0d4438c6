# Generated from spec/heytraders.yaml by `make generate`. Do not edit: change the spec or the generator.
# (copied from overlays/heytraders/lib/live_strategies.py)
"""Follow a subscription's signals as they come, each once, riding out transient errors.

``get_latest_signals`` answers one poll; ``stream_signals`` keeps polling, carries the ``since``
cursor from one poll to the next and yields every new signal once::

    for signal in client.live_strategies.stream_signals("sub_4b7e91d2", since=datetime.now(UTC)):
        print(signal.symbol, signal.side, signal.price)

Several signals may share one ``generated_at`` (a rotation strategy closes one symbol and opens
another in the same bar), so the stream remembers which IDs it yielded at the cursor's timestamp
and skips them if a poll returns them again. Rate limiting (honouring ``Retry-After``), dropped
connections and server errors make it wait, longer each time up to a cap, and poll again.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from datetime import datetime

from .. import models
from .._endpoints.live_strategies import AsyncLiveStrategiesEndpoints, LiveStrategiesEndpoints
from .._exceptions import APIConnectionError, InternalServerError, RateLimitError
from .._types import NOT_GIVEN

__all__ = ["AsyncLiveStrategiesHelpers", "LiveStrategiesHelpers"]

logger = logging.getLogger("heytraders")

DEFAULT_SIGNAL_POLL_INTERVAL = 10.0
# Waits after errors double from the poll interval up to this cap (Retry-After may ask for more).
DEFAULT_MAX_ERROR_BACKOFF = 120.0
# The spec's largest page: fewer round trips when catching up.
SIGNAL_PAGE_LIMIT = 100

_RETRYABLE = (RateLimitError, APIConnectionError, InternalServerError)


class _Cursor:
    """The ``since`` cursor and the IDs already yielded at its timestamp."""

    def __init__(self, since: datetime | str | None) -> None:
        self.since = _as_datetime(since)
        self.seen_at_since: set[str] = set()

    def fresh(self, batch: list[models.Signal]) -> list[models.Signal]:
        """The signals of a poll not yielded yet, oldest first."""
        # Sorted (stably) in case a server returns them out of order: the cursor must only move forward.
        batch = sorted(batch, key=lambda signal: signal.generated_at)
        if self.since is None:
            return batch
        since = self.since
        # Older than the cursor can only be a repeat (the poll is "strictly after"); at the cursor,
        # a server that compares inclusively repeats what was yielded: skip both.
        return [
            s
            for s in batch
            if s.generated_at > since or (s.generated_at == since and s.signal_id not in self.seen_at_since)
        ]

    def advance(self, signal: models.Signal) -> None:
        if self.since is None or signal.generated_at > self.since:
            self.since = signal.generated_at
            self.seen_at_since = {signal.signal_id}
        else:
            self.seen_at_since.add(signal.signal_id)


class _Backoff:
    def __init__(self, initial: float, cap: float) -> None:
        self.initial = initial
        self.cap = cap
        self.next = initial

    def after(self, error: Exception) -> float:
        """The wait after ``error``: Retry-After when the server gave it, else the next step."""
        retry_after = error.retry_after if isinstance(error, RateLimitError) else None
        if retry_after is not None and retry_after > 0:
            # The server said when: no need to back off further next time.
            return retry_after
        delay = self.next
        self.next = min(max(self.next, 0.001) * 2.0, self.cap)
        return delay

    def reset(self) -> None:
        self.next = self.initial


class LiveStrategiesHelpers(LiveStrategiesEndpoints):
    def stream_signals(
        self,
        subscription_id: str,
        *,
        since: datetime | str | None = None,
        poll_interval: float = DEFAULT_SIGNAL_POLL_INTERVAL,
        max_signals: int | None = None,
        timeout: float | None = None,
        max_error_backoff: float = DEFAULT_MAX_ERROR_BACKOFF,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> Iterator[models.Signal]:
        """Yield a subscription's new signals as they are generated, each once, oldest first.

        Polls ``get_latest_signals`` every ``poll_interval`` seconds (at once again after a full
        page, when more may be waiting). The stream ends after ``max_signals`` signals, when
        ``timeout`` passes, or when the caller stops iterating; it never ends by itself otherwise.

        Args:
            subscription_id: The subscription, from ``subscribe_to_strategy``.
            since: Only signals generated after this time (timezone-aware); None starts with the
                most recent page of signals (up to 100), so pass ``datetime.now(UTC)`` for new ones only.
            poll_interval: Seconds between two polls that found nothing more waiting.
            max_signals: Stop after this many signals.
            timeout: Stop after this many seconds (the stream ends; no error).
            max_error_backoff: The longest wait after an error, unless the server's Retry-After asks more.
            sleep: How to wait between polls (tests pass a fake).
            clock: A monotonic clock in seconds, for ``timeout``.

        Yields:
            Each new signal once.

        Raises:
            ValueError: ``since`` is not a timezone-aware time.

            Errors other than rate limiting (429), connection errors and server errors (5xx)
            propagate: ``SubscriptionNotFoundError``, ``InvalidApiKeyError``, ….
        """
        cursor = _Cursor(since)
        backoff = _Backoff(poll_interval, max_error_backoff)
        deadline = None if timeout is None else clock() + timeout
        count = 0
        while max_signals is None or count < max_signals:
            try:
                batch = self.get_latest_signals(
                    subscription_id=subscription_id,
                    since=NOT_GIVEN if cursor.since is None else cursor.since,
                    limit=SIGNAL_PAGE_LIMIT,
                )
            except _RETRYABLE as error:
                wait = backoff.after(error)
                _log_retry(subscription_id, error, wait)
            else:
                backoff.reset()
                fresh = cursor.fresh(batch)
                for signal in fresh:
                    cursor.advance(signal)
                    count += 1
                    yield signal
                    if max_signals is not None and count >= max_signals:
                        return
                # A full page with something new: more may be waiting, ask again at once.
                wait = 0.0 if len(batch) >= SIGNAL_PAGE_LIMIT and fresh else poll_interval
            pause = _pause(wait, deadline, clock())
            if pause is None:
                return
            if pause > 0:
                sleep(pause)


class AsyncLiveStrategiesHelpers(AsyncLiveStrategiesEndpoints):
    async def stream_signals(
        self,
        subscription_id: str,
        *,
        since: datetime | str | None = None,
        poll_interval: float = DEFAULT_SIGNAL_POLL_INTERVAL,
        max_signals: int | None = None,
        timeout: float | None = None,
        max_error_backoff: float = DEFAULT_MAX_ERROR_BACKOFF,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> AsyncIterator[models.Signal]:
        """Yield a subscription's new signals, each once (see ``LiveStrategiesHelpers.stream_signals``).

        Use ``async for``; leaving the loop stops the polling.
        """
        cursor = _Cursor(since)
        backoff = _Backoff(poll_interval, max_error_backoff)
        deadline = None if timeout is None else clock() + timeout
        count = 0
        while max_signals is None or count < max_signals:
            try:
                batch = await self.get_latest_signals(
                    subscription_id=subscription_id,
                    since=NOT_GIVEN if cursor.since is None else cursor.since,
                    limit=SIGNAL_PAGE_LIMIT,
                )
            except _RETRYABLE as error:
                wait = backoff.after(error)
                _log_retry(subscription_id, error, wait)
            else:
                backoff.reset()
                fresh = cursor.fresh(batch)
                for signal in fresh:
                    cursor.advance(signal)
                    count += 1
                    yield signal
                    if max_signals is not None and count >= max_signals:
                        return
                wait = 0.0 if len(batch) >= SIGNAL_PAGE_LIMIT and fresh else poll_interval
            pause = _pause(wait, deadline, clock())
            if pause is None:
                return
            if pause > 0:
                await sleep(pause)


def _as_datetime(since: datetime | str | None) -> datetime | None:
    if since is None:
        return None
    moment = datetime.fromisoformat(since) if isinstance(since, str) else since
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"since must be timezone-aware (such as '2026-02-10T14:19:53Z'); got {since!r}")
    return moment


def _pause(wait: float, deadline: float | None, now: float) -> float | None:
    """How long to wait before the next poll; None once the deadline has passed."""
    if deadline is None:
        return wait
    remaining = deadline - now
    if remaining <= 0:
        return None
    # The last wait ends at the deadline, where one final poll happens.
    return min(wait, remaining)


def _log_retry(subscription_id: str, error: Exception, wait: float) -> None:
    # The class name only: the exception's text may carry server-supplied details.
    logger.info("signal stream %s: %s, polling again in %.1f s", subscription_id, type(error).__name__, wait)
