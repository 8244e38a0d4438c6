"""``python -m heytraders_cli`` and the ``heytraders`` console script."""

from __future__ import annotations

from heytraders_cli.app import main

if __name__ == "__main__":
    main()
