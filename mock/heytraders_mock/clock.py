"""The mock clock, and the wire formats of time and money.

Time starts at a fixed instant (``START``) so that a seed gives the same answers on every run;
tests move it with ``POST /_mock/clock/advance`` instead of sleeping. With ``realtime`` the
wall-clock time elapsed since start-up is added as well.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from decimal import Decimal

START = datetime(2026, 3, 1, 12, 0, 0, tzinfo=UTC)
# The clock never passes this: datetime arithmetic overflows at year 9999, and nothing needs later.
LATEST = datetime(2100, 1, 1, tzinfo=UTC)


class Clock:
    """Mock time: ``START`` plus the seconds advanced (plus wall-clock time when ``realtime``)."""

    def __init__(self, *, realtime: bool = False) -> None:
        self.realtime = realtime
        self._offset = 0.0
        self._started = time.monotonic()

    def now(self) -> datetime:
        seconds = self._offset + (time.monotonic() - self._started if self.realtime else 0.0)
        return START + timedelta(seconds=seconds)

    def advance(self, seconds: float) -> datetime:
        """Move the clock on; a ``ValueError`` (and no move) when that would pass ``LATEST``."""
        if self.now() + timedelta(seconds=seconds) > LATEST:
            raise ValueError(f"the mock clock stops at {iso(LATEST)}")
        self._offset += seconds
        return self.now()

    def reset(self) -> None:
        self._offset = 0.0
        self._started = time.monotonic()


def iso(moment: datetime) -> str:
    """ISO 8601 in UTC with a ``Z`` and whole seconds: ``2026-03-01T12:00:00Z``."""
    return moment.astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def iso_or_none(moment: datetime | None) -> str | None:
    return None if moment is None else iso(moment)


def parse_time(text: str) -> datetime:
    """A validated ``date-time`` string (the validator has checked the format) as an aware datetime."""
    return datetime.fromisoformat(text.replace("z", "Z").replace("Z", "+00:00")).astimezone(UTC)


def money(value: Decimal) -> str:
    """A decimal string in plain notation (never ``1E+2``), as the spec's ``Decimal`` pattern wants."""
    text = format(value.normalize(), "f")  # normalize drops trailing zeros; "f" keeps it out of exponent form
    return "0" if text == "-0" else text


def money_number(value: Decimal) -> Decimal:
    """An amount the documents write as a JSON number (balances): the ``Decimal`` of :func:`money`'s digits,
    which the sandbox's encoder writes as a number with exactly those digits."""
    return Decimal(money(value))


def epoch(moment: datetime) -> int:
    return int(moment.timestamp())
