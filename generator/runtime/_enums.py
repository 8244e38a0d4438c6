"""Enumerations that accept values they do not know yet.

The server may add a value to any enumeration; a response carrying one must
still parse. Unknown values become pseudo-members whose ``value`` is what the
server sent, so ``side == "flat"`` and ``side.value`` keep working.
"""

from __future__ import annotations

from enum import IntEnum, StrEnum
from typing import Any


class OpenStrEnum(StrEnum):
    @classmethod
    def _missing_(cls, value: object) -> Any:
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = value
        member._value_ = value
        return member


class OpenIntEnum(IntEnum):
    @classmethod
    def _missing_(cls, value: object) -> Any:
        if not isinstance(value, int) or isinstance(value, bool):
            return None
        member = int.__new__(cls, value)
        member._name_ = str(value)
        member._value_ = value
        return member
