"""``python -m heytraders_cli`` and the ``heytraders`` console script."""

from __future__ import annotations

import sys


def main() -> None:
    try:
        from heytraders_cli.app import main as run
    except ModuleNotFoundError as error:
        # The script is installed with the SDK; its dependencies come with the `cli` extra.
        if error.name in ("click", "rich"):
            sys.exit(f"heytraders needs {error.name}: pip install 'heytraders[cli]'")
        raise
    run()


if __name__ == "__main__":
    main()
