"""Sliding-window counters for the rate limit, the provisional quotas and the registration limit.

A window remembers the times of the events it counted; an event is allowed while fewer than
``limit`` fall in the last ``seconds``. When it is not, ``retry_after`` is the whole number of
seconds until the oldest counted event leaves the window (at least 1), which is what the
``Retry-After`` header says. An event that is refused is not counted, so a window holds at most ``limit``
events, and only those of the last ``seconds``.
"""

from __future__ import annotations

import math
from collections import deque


class Window:
    def __init__(self, limit: int, seconds: float) -> None:
        self.limit = limit
        self.seconds = seconds
        self._events: deque[float] = deque()

    def _trim(self, now: float) -> None:
        while self._events and self._events[0] <= now - self.seconds:
            self._events.popleft()

    def used(self, now: float) -> int:
        self._trim(now)
        return len(self._events)

    def retry_after(self, now: float) -> int | None:
        """None when one more event fits now, else the seconds to wait."""
        self._trim(now)
        if len(self._events) < self.limit:
            return None
        if not self._events:  # a limit of 0 never frees up; say a full window
            return max(1, math.ceil(self.seconds))
        return max(1, math.ceil(self._events[0] + self.seconds - now))

    def add(self, now: float) -> None:
        self._events.append(now)


class Windows:
    """One window per key (an API key id, a client IP), created on first use.

    A window whose every event has left its period holds nothing worth keeping: once per period, those are
    forgotten, so the windows kept are those of the keys seen in the last period (each holding at most
    ``limit`` events).
    """

    def __init__(self, limit: int, seconds: float) -> None:
        self.limit = limit
        self.seconds = seconds
        self._by_key: dict[str, Window] = {}
        self._swept = -math.inf

    def __len__(self) -> int:
        return len(self._by_key)

    def at(self, key: str, now: float) -> Window:
        """The key's window (a new one when it has none), after forgetting the idle ones once per period."""
        if now - self._swept >= self.seconds or now < self._swept:
            self._swept = now
            for idle in [name for name, window in self._by_key.items() if not window.used(now)]:
                del self._by_key[idle]
        window = self._by_key.get(key)
        if window is None:
            window = self._by_key[key] = Window(self.limit, self.seconds)
        return window
