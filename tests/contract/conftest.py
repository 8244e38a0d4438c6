"""Contract-test configuration: the ``live`` marker."""

from __future__ import annotations

import pytest


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "live: talks to the real HeyTraders API; needs -m live and HEYTRADERS_API_KEY (make contract-live)"
    )
