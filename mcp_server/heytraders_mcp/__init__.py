"""``heytraders-mcp``: the HeyTraders API as MCP tools, resources and a prompt, over the Python SDK.

Read-only by default; trading needs ``--allow-trading`` and the user's confirmation. See README.md.
"""

from __future__ import annotations

from heytraders import __version__

__all__ = ["__version__"]
