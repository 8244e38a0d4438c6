"""``python -m heytraders_mcp``: the same as ``heytraders-mcp``."""

from heytraders_mcp.cli import main

main()
