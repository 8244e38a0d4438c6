"""``heytraders-mcp``: serve the HeyTraders API to an MCP client, over stdio (default) or streamable HTTP.

Everything printed goes to stderr: on stdio, stdout carries the protocol.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

import anyio

from . import __version__
from .calls import WEBHOOK_SECRET_ENV
from .config import API_KEY_ENV, CONFIG_DIR_ENV, PROFILE_ENV, load_settings
from .http_server import DEFAULT_HOST, DEFAULT_PORT, TOKEN_ENV, BindError, check_bind, http_app
from .server import HeyTradersMCP, ServerOptions, tool_list_chars
from .tools import SelectionError

if TYPE_CHECKING:
    import uvicorn

CONTEXT_BUDGET = 30_000  # characters of tool definitions; above it, suggest --compact


def parser() -> argparse.ArgumentParser:
    cli = argparse.ArgumentParser(
        prog="heytraders-mcp",
        description="Serve the HeyTraders API to MCP clients (Claude Code, Claude Desktop, OpenClaw, ...). "
        "Read-only unless --allow-trading.",
        epilog=f"The API key comes from {API_KEY_ENV}, else from the heytraders command line's config file "
        f"({CONFIG_DIR_ENV}, {PROFILE_ENV}); never from a flag. Webhook secrets come from {WEBHOOK_SECRET_ENV}.",
    )
    safety = cli.add_argument_group("safety")
    safety.add_argument(
        "--allow-trading",
        action="store_true",
        help="offer the tools that place or cancel orders or trade automatically (each call is confirmed by you)",
    )
    safety.add_argument(
        "--no-confirm",
        action="store_true",
        help="with --allow-trading: do not ask before each trading call (for clients without elicitation)",
    )
    safety.add_argument(
        "--tools",
        metavar="LIST",
        help="comma-separated groups (market, backtest, arena, ...), tool names, 'read' or 'all'; "
        "default: the read-only research tools and the workflows",
    )
    safety.add_argument(
        "--compact",
        action="store_true",
        help="offer three tools (search, describe, call) instead of one per operation, to save context",
    )
    cli.add_argument("--profile", help=f"the config file's profile (default: ${PROFILE_ENV} or 'default')")
    cli.add_argument("--base-url", help="the API's base URL, e.g. a sandbox: http://127.0.0.1:8080/api/v1")
    cli.add_argument("--max-result-chars", type=int, default=40_000, help="cut longer results (default 40000)")
    transport = cli.add_argument_group("transport")
    transport.add_argument("--http", action="store_true", help="serve streamable HTTP at /mcp instead of stdio")
    transport.add_argument("--host", default=DEFAULT_HOST, help=f"address to bind with --http (default {DEFAULT_HOST})")
    transport.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port with --http (default {DEFAULT_PORT})")
    transport.add_argument(
        "--allow-remote",
        action="store_true",
        help=f"allow --host other than loopback; every request must then carry the bearer token {TOKEN_ENV}",
    )
    cli.add_argument("--list-tools", action="store_true", help="print the tools this configuration offers and exit")
    cli.add_argument("--version", action="version", version=f"heytraders-mcp {__version__}")
    return cli


def say(message: str) -> None:
    print(f"heytraders-mcp: {message}", file=sys.stderr, flush=True)


def main(argv: Sequence[str] | None = None) -> None:
    args = parser().parse_args(argv)
    logging.basicConfig(stream=sys.stderr, level=logging.WARNING, format="heytraders-mcp: %(levelname)s %(message)s")
    token = os.environ.get(TOKEN_ENV) or None
    if args.http:
        try:
            check_bind(args.host, allow_remote=args.allow_remote, token=token)
        except BindError as problem:
            raise SystemExit(f"heytraders-mcp: {problem}") from None
    if args.no_confirm and not args.allow_trading:
        say("--no-confirm has no effect without --allow-trading")
    settings = load_settings(profile=args.profile, base_url=args.base_url)
    for warning in settings.warnings:
        say(warning)
    from heytraders import AsyncHeyTraders

    client = AsyncHeyTraders(api_key=settings.api_key, base_url=settings.base_url)
    options = ServerOptions(
        allow_trading=args.allow_trading,
        confirm_trades=not args.no_confirm,
        tools=args.tools.split(",") if args.tools else None,
        compact=args.compact,
        max_result_chars=args.max_result_chars,
        webhook_secret=os.environ.get(WEBHOOK_SECRET_ENV) or None,
    )
    try:
        mcp = HeyTradersMCP(client, options)
    except SelectionError as problem:
        raise SystemExit(f"heytraders-mcp: {problem}") from None
    if args.list_tools:
        print_tools(mcp)
        return
    size = tool_list_chars(mcp.tools)
    trading = (
        "trading allowed" + (" without confirmation" if args.no_confirm else ", confirmed by you")
        if args.allow_trading
        else "read-only"
    )
    say(f"{len(mcp.tools)} tools ({size:,} characters), {trading}; API key from {settings.key_source}")
    if size > CONTEXT_BUDGET and not args.compact:
        say(f"the tool list is over {CONTEXT_BUDGET:,} characters of the model's context: --compact offers 3 tools")
    if args.http:
        anyio.run(serve_http, mcp, args.host, args.port, token)
    else:
        anyio.run(serve_stdio, mcp)


async def serve_stdio(mcp: HeyTradersMCP) -> None:
    from mcp.server.stdio import stdio_server

    async with mcp.client, stdio_server() as (read_stream, write_stream):
        await mcp.server.run(read_stream, write_stream, mcp.server.create_initialization_options())


async def serve_http(mcp: HeyTradersMCP, host: str, port: int, token: str | None) -> None:
    say(f"serving http://{host}:{port}/mcp" + (" (bearer token required)" if token else ""))
    async with mcp.client:
        await http_server(mcp, host, port, token).serve()


def http_server(mcp: HeyTradersMCP, host: str, port: int, token: str | None) -> uvicorn.Server:
    import uvicorn

    app = http_app(mcp.server, host=host, token=token)
    return uvicorn.Server(uvicorn.Config(app, host=host, port=port, log_level="warning"))


def print_tools(mcp: HeyTradersMCP) -> None:
    if mcp.options.compact:
        print(json.dumps([tool.name for tool in mcp.tools]))
        return
    for tool in mcp.tools:
        definition = mcp.selection.enabled[tool.name]
        print(f"{tool.name:28} {definition.group:16} {definition.access.value:6} {tool.title}")
    print(f"\n{len(mcp.tools)} tools, {tool_list_chars(mcp.tools):,} characters")


if __name__ == "__main__":
    main()
