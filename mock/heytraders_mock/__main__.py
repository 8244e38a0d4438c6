"""``python -m heytraders_mock``: the same as the ``heytraders-mock`` command."""

from __future__ import annotations

from ._entry import main

main()
