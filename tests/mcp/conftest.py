"""Fixtures for the MCP server's tests (defined in harness.py, which the tests also import helpers from).

No ``__init__.py`` here: a package named ``mcp`` on ``sys.path`` would shadow the MCP SDK.
"""

from tests.mcp.harness import key, sandbox

__all__ = ["key", "sandbox"]
