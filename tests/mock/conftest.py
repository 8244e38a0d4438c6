"""Fixtures for the mock's tests: a fresh app per test, and an HTTP client whose every answer is
checked against the spec (status documented for the operation, body valid against that status's
schema, error code listed by the operation and of that status, ``Retry-After`` on every 429)."""

from __future__ import annotations

import re
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import anyio
import httpx
import pytest
import uvicorn
from heytraders import _json
from heytraders_mock import MockConfig, cli, create_app
from heytraders_mock.context import Sandbox
from heytraders_mock.routing import Match, Router
from heytraders_mock.spec import load_api
from jsonschema import Draft202012Validator
from starlette.types import ASGIApp

from generator.spec import Operation as RawOperation
from generator.spec import SchemaValidators, iter_operations, load_spec

BASE = "/api/v1"
SPEC = load_spec()
RAW_OPERATIONS: dict[str, RawOperation] = {op.operation_id: op for op in iter_operations(SPEC)}
API = load_api()
ROUTER = Router(API.operations)
_VALIDATORS = SchemaValidators(SPEC)
_COMPILED: dict[str, Draft202012Validator] = {}
SERVER_WAIT = 5.0  # seconds a server in a test may take to start


class SyncASGITransport(httpx.BaseTransport):
    """Runs an ASGI app behind a synchronous httpx client (httpx ships only the async transport)."""

    def __init__(self, app: ASGIApp) -> None:
        self._transport = httpx.ASGITransport(app)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        async def run() -> httpx.Response:
            response = await self._transport.handle_async_request(request)
            content = await response.aread()
            return httpx.Response(response.status_code, headers=response.headers, content=content, request=request)

        return anyio.run(run)


def _validator(pointer: str) -> Draft202012Validator:
    if pointer not in _COMPILED:
        _COMPILED[pointer] = _VALIDATORS.at(pointer)
    return _COMPILED[pointer]


def _schema_pointer(op: RawOperation, status: int) -> str:
    entry = op.raw["responses"][str(status)]
    base = str(entry["$ref"]).removeprefix("#") if "$ref" in entry else f"{op.pointer}/responses/{status}"
    return f"{base}/content/application~1json/schema"


def _assert_valid(pointer: str, body: Any, where: str) -> None:
    errors = list(_validator(pointer).iter_errors(body))
    assert not errors, f"{where}: response does not match the spec: " + "; ".join(
        f"{'/'.join(map(str, e.absolute_path)) or '(root)'}: {e.message}" for e in errors[:5]
    )


def error_of(response: httpx.Response) -> dict[str, Any]:
    """The ``error`` of an answer, failing the test unless it is JSON in the spec's ``ErrorEnvelope``."""
    where = f"{response.request.method} {response.request.url.path} → {response.status_code}"
    assert response.headers.get("content-type", "").startswith("application/json"), f"{where}: {response.text[:200]}"
    body = response.json()
    _assert_valid("/components/schemas/ErrorEnvelope", body, where)
    error: dict[str, Any] = body["error"]
    return error


def check_response(response: httpx.Response) -> None:
    """Fail the test when an answer under the base path breaks the spec."""
    response.read()
    request = response.request
    path = request.url.path
    if not path.startswith(BASE + "/"):
        return
    where = f"{request.method} {path} → {response.status_code}"
    found = ROUTER.match(request.method, path[len(BASE) :])
    if not isinstance(found, Match):
        assert response.status_code in (404, 405), where
        _assert_valid("/components/schemas/ErrorEnvelope", response.json(), where)
        if response.status_code == 405:
            assert response.headers.get("allow"), f"{where}: a 405 needs an Allow header"
        return
    op = RAW_OPERATIONS[found.operation.operation_id]
    status = response.status_code
    assert str(status) in op.raw["responses"], f"{where}: {op.operation_id} does not document {status}"
    content_type = response.headers.get("content-type", "")
    if content_type.startswith("text/markdown"):
        assert found.operation.markdown and status == 200, where
        return
    assert content_type.startswith("application/json"), f"{where}: content type {content_type}"
    body = _json.loads(response.content)
    _assert_valid(_schema_pointer(op, status), body, where)
    if status >= 400:
        code = body["error"]["code"]
        assert code in op.raw["x-error-codes"], f"{where}: {op.operation_id} does not list {code}"
        assert API.error_status[code] == status, f"{where}: {code} has status {API.error_status[code]}"
    if status == 429:
        assert int(response.headers["retry-after"]) >= 1, where


@dataclass
class Key:
    api_key: str
    agent_id: str
    key_id: str
    accounts: dict[str, str] = field(default_factory=dict)
    user_id: str | None = None


class Mock:
    """A test's handle on one mock app: requests with a key, control routes, and answer checks."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.http = httpx.Client(
            transport=SyncASGITransport(app), base_url="http://mock", event_hooks={"response": [check_response]}
        )

    def key(self, *scopes: str, claimed: bool = True, **extra: Any) -> Key:
        body: dict[str, Any] = {"claimed": claimed, **extra}
        if scopes:
            body["scopes"] = list(scopes)
        response = self.http.post("/_mock/keys", json=body)
        assert response.status_code == 200, response.text
        data = response.json()
        return Key(data["api_key"], data["agent_id"], data["key_id"], data["account_ids"], data["user_id"])

    def register(self, name: str = "Test Bot") -> Key:
        data = self.ok("POST", "/meta/register", json={"display_name": name})
        return Key(data["api_key"], data["agent_id"], data["key_id"])

    def advance(self, seconds: float) -> str:
        response = self.http.post("/_mock/clock/advance", json={"seconds": seconds})
        assert response.status_code == 200, response.text
        return str(response.json()["now"])

    def call(
        self, method: str, path: str, key: Key | str | None = None, *, scheme: str = "bearer", **kwargs: Any
    ) -> httpx.Response:
        headers = dict(kwargs.pop("headers", {}))
        if key is not None:
            secret = key.api_key if isinstance(key, Key) else key
            if scheme == "bearer":
                headers["Authorization"] = f"Bearer {secret}"
            else:
                headers["X-API-Key"] = secret
        return self.http.request(method, BASE + path, headers=headers, **kwargs)

    def ok(self, method: str, path: str, key: Key | str | None = None, *, exact: bool = False, **kwargs: Any) -> Any:
        """The ``data`` of a 200. ``exact``: read fractional JSON numbers as ``Decimal`` of their text, as the SDK
        reads money (balances are JSON numbers); otherwise as floats, as statistics are."""
        response = self.call(method, path, key, **kwargs)
        assert response.status_code == 200, response.text
        body = _json.loads(response.content) if exact else response.json()
        assert body["success"] is True and body["error"] is None
        return body["data"]

    def error(self, method: str, path: str, status: int, code: str, key: Key | str | None = None, **kwargs: Any) -> Any:
        response = self.call(method, path, key, **kwargs)
        assert response.status_code == status, response.text
        body = response.json()
        assert body["success"] is False and body["data"] is None
        assert body["error"]["code"] == code, response.text
        return body["error"]


@pytest.fixture
def config() -> MockConfig:
    return MockConfig(seed=0)


@pytest.fixture
def mock(config: MockConfig) -> Iterator[Mock]:
    handle = Mock(create_app(config))
    yield handle
    handle.http.close()


@contextmanager
def serving(app: ASGIApp, *, start_within: float = 10.0) -> Iterator[str]:
    """Serve ``app`` under uvicorn (lifespan on) on a free 127.0.0.1 port in a thread; yields its origin.

    The thread is stopped and joined on exit; a server that does not start or stop in time fails the test.
    """
    # IPPROTO_TCP explicitly: asyncio sets TCP_NODELAY only on sockets whose proto says TCP, and without it
    # Nagle and delayed ACKs add some 40 ms to every answer written in two parts (headers, then body).
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    listener.bind(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    settings = uvicorn.Config(
        app, lifespan="on", log_level="warning", h11_max_incomplete_event_size=cli.MAX_REQUEST_HEAD
    )
    server = uvicorn.Server(settings)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [listener]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + start_within
    try:
        while not server.started:
            assert thread.is_alive() and time.monotonic() < deadline, "the mock did not start"
            time.sleep(0.01)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        listener.close()
        assert not thread.is_alive(), "the mock did not stop"


@contextmanager
def running(config: MockConfig) -> Iterator[tuple[Mock, Sandbox]]:
    """The mock under uvicorn on a free 127.0.0.1 port, lifespan on (the webhook worker, the ticker), with the
    server settings ``heytraders-mock`` uses; its ``http`` client reaches it over HTTP, answers checked."""
    app = create_app(config)
    with serving(app, start_within=SERVER_WAIT) as origin:
        handle = Mock(app)
        handle.http.close()
        handle.http = httpx.Client(
            base_url=origin, trust_env=False, timeout=10, event_hooks={"response": [check_response]}
        )
        try:
            yield handle, app.state.sandbox
        finally:
            handle.http.close()


def read_http_message(connection: socket.socket) -> tuple[bytes, bytes] | None:
    """The head and body (as long as its ``Content-Length`` says) of one HTTP/1.1 message read from a socket;
    None when the peer closes before the head is complete."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = connection.recv(65536)
        if not chunk:
            return None
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    found = re.search(rb"(?im)^content-length:\s*(\d+)", head)
    while found is not None and len(body) < int(found.group(1)):
        chunk = connection.recv(65536)
        if not chunk:
            break
        body += chunk
    return head, body
