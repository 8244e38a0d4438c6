# Generated from spec/heytraders.yaml by `make generate`. Do not edit: change the spec or the generator.
# (copied from generator/runtime/_types.py)
"""Small shared types: the "not given" sentinel and the accepted money input types."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Final, Literal, TypeAlias, TypeVar

import httpx

__all__ = ["NOT_GIVEN", "DecimalInput", "NotGiven", "NotGivenOr", "Timeout"]

_T = TypeVar("_T")


class NotGiven:
    """Marks an argument the caller did not pass, as distinct from an explicit ``None``.

    There is one instance, ``NOT_GIVEN``; it is falsy so ``value or default`` reads naturally.
    """

    _instance: NotGiven | None = None

    def __new__(cls) -> NotGiven:
        # A singleton, so identity checks (`is NOT_GIVEN`) are always valid.
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "NOT_GIVEN"

    def __copy__(self) -> NotGiven:
        return self

    def __deepcopy__(self, memo: Any) -> NotGiven:
        return self

    def __reduce__(self) -> str:
        # Pickles as a reference to the module global, so unpickling keeps the singleton.
        return "NOT_GIVEN"


NOT_GIVEN: Final = NotGiven()

NotGivenOr: TypeAlias = _T | NotGiven
"""``T`` or ``NOT_GIVEN``: the type of an optional keyword argument."""

DecimalInput: TypeAlias = Decimal | str | int
"""What a money argument accepts. ``float`` is refused: money never passes through a binary float."""

Timeout: TypeAlias = float | httpx.Timeout
"""A total timeout in seconds, or an ``httpx.Timeout`` with per-phase limits."""
