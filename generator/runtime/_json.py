"""JSON with exact decimals, both ways.

The API writes some amounts as JSON numbers (``"free": 138.20``) and takes some as numbers
(``"initial_cash": 10000``). A number must never pass through a binary float on its way in or
out: read, it becomes the ``Decimal`` of its own text; written, a ``Decimal`` becomes a number
whose text is the Decimal's own digits (``Decimal("0.1")`` goes out as ``0.1``, not as
``0.1000000000000000055511151231257827``). The sandbox uses the same two functions.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from decimal import Decimal
from typing import Any, Final

__all__ = ["dumps", "loads"]


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


# One encoder for every call: json.dumps with options builds a new encoder each time.
_ENCODER: Final = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False, allow_nan=False)
_encode_leaf: Final = _ENCODER.encode


def _decimal_text(value: Decimal) -> str:
    if not value.is_finite():
        raise ValueError(f"{value} is not a JSON number")
    # str() of a finite Decimal is always valid JSON number syntax ("0.1", "-0", "1E+3").
    return str(value)


def _contains_decimal(value: Any) -> bool:
    if isinstance(value, Decimal):
        return True
    if isinstance(value, Mapping):
        return any(_contains_decimal(item) for item in value.values())
    if isinstance(value, list | tuple):
        return any(_contains_decimal(item) for item in value)
    return False


def _dump(value: Any, parts: list[str]) -> None:
    if isinstance(value, Decimal):
        parts.append(_decimal_text(value))
    elif isinstance(value, Mapping):
        parts.append("{")
        for index, (key, item) in enumerate(value.items()):
            if index:
                parts.append(",")
            if not isinstance(key, str):
                raise TypeError(f"JSON object keys must be strings, not {type(key).__name__}")
            parts.append(_encode_leaf(key))
            parts.append(":")
            _dump(item, parts)
        parts.append("}")
    elif isinstance(value, list | tuple):
        parts.append("[")
        for index, item in enumerate(value):
            if index:
                parts.append(",")
            _dump(item, parts)
        parts.append("]")
    else:
        parts.append(_encode_leaf(value))


def dumps(value: Any) -> str:
    """Compact JSON of ``value``; a ``Decimal`` is written as a number with its own digits.

    Raises:
        ValueError: On NaN or an infinity (float or Decimal): JSON has no such numbers.
        TypeError: On a value JSON cannot hold.
    """
    if not _contains_decimal(value):
        return _encode_leaf(value)  # the C encoder: the common case stays fast
    parts: list[str] = []
    _dump(value, parts)
    return "".join(parts)


def loads(text: str | bytes) -> Any:
    """Parse JSON; every number with a fraction or an exponent becomes the ``Decimal`` of its text.

    Integers stay ``int``. ``NaN`` and ``Infinity`` (which Python's parser would otherwise
    accept) are refused.

    Raises:
        ValueError: When ``text`` is not JSON.
    """
    return json.loads(text, parse_float=Decimal, parse_constant=_reject_constant)
