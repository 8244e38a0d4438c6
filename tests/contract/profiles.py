"""How much each contract run generates: a bounded profile for ``make test``, a deep one for ``make contract``.

``CONTRACT_PROFILE`` picks the profile (``fast`` when unset). Every run is seeded and keeps no example
database, so two runs of the same profile on the same code send the same requests.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

PROFILE_ENV = "CONTRACT_PROFILE"
SEED = 20260210


@dataclass(frozen=True, slots=True)
class Profile:
    """Budgets of one contract profile.

    Attributes:
        name: ``fast`` or ``deep``.
        max_examples: Fuzzing-phase examples per operation, in process.
        stateful_examples: Scenarios the in-process state machine runs.
        stateful_steps: Longest scenario (calls) of the in-process state machine.
        cli_max_examples: ``st run --max-examples`` over real HTTP (per operation, and stateful scenarios).
        cli_timeout: Seconds the ``st run`` subprocess may take before the test fails.
    """

    name: str
    max_examples: int
    stateful_examples: int
    stateful_steps: int
    cli_max_examples: int
    cli_timeout: float


PROFILES: dict[str, Profile] = {
    # `make test`: every operation, every phase, a few examples each; the whole contract suite stays
    # within about three minutes on two cores.
    "fast": Profile(
        name="fast",
        max_examples=10,
        stateful_examples=100,
        stateful_steps=8,
        cli_max_examples=3,
        cli_timeout=240.0,
    ),
    # `make contract`: enough stateful scenarios to reach delete-then-read chains (the design notes saw
    # 100 reach DELETE -> GET where 30 did not).
    "deep": Profile(
        name="deep",
        max_examples=100,
        stateful_examples=300,
        stateful_steps=12,
        cli_max_examples=25,
        cli_timeout=1500.0,
    ),
}


def current_profile() -> Profile:
    """The profile ``CONTRACT_PROFILE`` names (``fast`` by default)."""
    name = os.environ.get(PROFILE_ENV, "fast").strip().lower() or "fast"
    try:
        return PROFILES[name]
    except KeyError:
        known = ", ".join(sorted(PROFILES))
        raise ValueError(f"{PROFILE_ENV}={name!r} is not a contract profile; use one of: {known}") from None
