# Generated from spec/heytraders.yaml by `make generate`. Do not edit: change the spec or the generator.
"""Python SDK for the HeyTraders API.

from heytraders import HeyTraders

client = HeyTraders()  # reads HEYTRADERS_API_KEY
ticker = client.market.get_ticker(symbol="BTC/USDT")
"""

from __future__ import annotations

from ._client import AsyncHeyTraders, HeyTraders
from ._exceptions import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    HeyTradersError,
    OrderStatusUnknownError,
    RequestValidationError,
)
from ._types import NOT_GIVEN, NotGiven
from ._version import __version__

__all__ = [
    "NOT_GIVEN",
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "AsyncHeyTraders",
    "HeyTraders",
    "HeyTradersError",
    "NotGiven",
    "OrderStatusUnknownError",
    "RequestValidationError",
    "__version__",
]
