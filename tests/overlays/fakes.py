"""Test doubles shared by the overlay tests."""

from __future__ import annotations


class Clock:
    """A fake monotonic clock that sleeping advances: helpers wait without real time passing."""

    def __init__(self) -> None:
        self.now = 0.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds

    async def asleep(self, seconds: float) -> None:
        self.sleep(seconds)
