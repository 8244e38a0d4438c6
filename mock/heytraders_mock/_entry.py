"""The ``heytraders-mock`` command's entry point: a clear message, not a traceback, without the ``mock`` extra.

The core ``heytraders`` wheel installs the SDK only; the sandbox also needs Starlette, uvicorn and PyYAML.
This module imports nothing of them, so it can tell the user the one line that fixes a missing one.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

# Top-level packages of this distribution: a module missing from here is a broken install, not a missing extra.
OWN_PACKAGES = frozenset({"heytraders", "heytraders_mock"})
INSTALL_EXTRA = "pip install 'heytraders[mock]'"


def missing_extra_message(module: str) -> str:
    return (
        f"heytraders-mock needs the sandbox's dependencies, and {module!r} is not installed. Install them with:\n"
        f"    {INSTALL_EXTRA}"
    )


def main(argv: Sequence[str] | None = None) -> None:
    try:
        from .cli import main as run
    except ModuleNotFoundError as error:
        missing = (error.name or "").partition(".")[0]
        if not missing or missing in OWN_PACKAGES:
            raise
        sys.stderr.write(missing_extra_message(missing) + "\n")
        raise SystemExit(1) from None
    run(argv)
