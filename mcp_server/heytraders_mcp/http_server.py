"""Streamable HTTP: 127.0.0.1 by default; any other address needs ``--allow-remote`` and a bearer token.

MCP itself does not authenticate, and this server holds an API key: anyone who reaches it acts with
that key. On another address every request must carry ``Authorization: Bearer <HEYTRADERS_MCP_TOKEN>``,
compared in constant time; without the token the server does not start.
"""

from __future__ import annotations

import hmac
import ipaddress
import json
from typing import Any

from mcp.server import Server
from starlette.types import ASGIApp, Receive, Scope, Send

TOKEN_ENV = "HEYTRADERS_MCP_TOKEN"
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8765
MIN_TOKEN_LENGTH = 16


class BindError(ValueError):
    """The address and the safety flags do not go together; the message says what to add."""


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a name other than localhost could resolve anywhere


def check_bind(host: str, *, allow_remote: bool, token: str | None) -> None:
    """Refuse an address other than loopback unless it is asked for explicitly and protected by a token."""
    if token is not None and len(token) < MIN_TOKEN_LENGTH:
        raise BindError(f"{TOKEN_ENV} is too short: use at least {MIN_TOKEN_LENGTH} random characters")
    if is_loopback(host):
        return
    if not allow_remote:
        raise BindError(
            f"--host {host} would expose the server (and the API key it holds) beyond this machine; "
            f"add --allow-remote and set {TOKEN_ENV} to do it on purpose"
        )
    if token is None:
        raise BindError(
            f"--allow-remote needs a bearer token: set {TOKEN_ENV} (clients send it as Authorization: Bearer)"
        )


class BearerToken:
    """ASGI middleware: an HTTP request without ``Authorization: Bearer <token>`` gets 401 and goes no further."""

    def __init__(self, app: ASGIApp, token: str) -> None:
        self.app = app
        self._expected = f"Bearer {token}".encode()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            given = next((value for name, value in scope["headers"] if name == b"authorization"), b"")
            if not hmac.compare_digest(given, self._expected):
                await _unauthorized(send)
                return
        await self.app(scope, receive, send)


async def _unauthorized(send: Send) -> None:
    body = json.dumps({"error": "unauthorized", "message": "send Authorization: Bearer <token>"}).encode()
    headers: list[tuple[bytes, bytes]] = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(body)).encode()),
        (b"www-authenticate", b'Bearer realm="heytraders-mcp"'),
    ]
    await send({"type": "http.response.start", "status": 401, "headers": headers})
    await send({"type": "http.response.body", "body": body})


def http_app(server: Server[Any], *, host: str, token: str | None) -> ASGIApp:
    """The streamable HTTP app at ``/mcp``; loopback hosts also get the SDK's DNS-rebinding protection."""
    app: ASGIApp = server.streamable_http_app(host=host)
    return BearerToken(app, token) if token else app
