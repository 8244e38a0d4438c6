"""Fixtures for the command line's tests.

- ``run`` calls ``heytraders`` in process (``heytraders_cli.app.main``, as the console script does) with
  its own environment and config directory, and fails the test if an API key or secret it knows of
  shows up in stdout or stderr.
- ``sandbox`` is the sandbox served by uvicorn on a free 127.0.0.1 port (in a thread: the app is
  built from the spec this process has already loaded, which saves seconds over a second process),
  once per session, with a frozen clock that tests move through ``POST /_mock/clock/advance``.
- ``app`` is a fresh in-process sandbox per test, served to the CLI through its transport seam,
  for tests that need their own limits or to fail requests on purpose.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn
from click.testing import CliRunner
from heytraders_cli import calls
from heytraders_cli.app import main
from heytraders_mock import MockConfig, create_app
from starlette.types import ASGIApp

from tests.contract.cli import free_port, subprocess_env
from tests.contract.harness import MockKey
from tests.mock.conftest import RAW_OPERATIONS, SyncASGITransport, _assert_valid, _schema_pointer

BIN = Path(sys.executable).parent
RSI_SCRIPT = 'oversold = rsi(close, 14) < 30\nemit_signal(oversold, entry("BINANCE:BTC/USDT", "LONG", Weight(0.5)))\n'
# Every wait of a test is bounded: a process or loop that does not stop by then fails the test.
PROCESS_TIMEOUT = 60.0


@dataclass(frozen=True)
class Result:
    exit_code: int
    stdout: str
    stderr: str

    def json(self) -> Any:
        return json.loads(self.stdout)

    def error(self) -> dict[str, Any]:
        """The one JSON error object on stderr (commands run with --json)."""
        lines = [line for line in self.stderr.splitlines() if line.startswith("{")]
        payload: dict[str, Any] = json.loads(lines[-1])
        return payload

    def __str__(self) -> str:
        return f"exit {self.exit_code}\n--- stdout\n{self.stdout}\n--- stderr\n{self.stderr}"


@dataclass
class Runner:
    """Runs the command line in process; remembers secrets that must never be printed."""

    config_dir: Path
    env: dict[str, str] = field(default_factory=dict)
    secrets: set[str] = field(default_factory=set)

    def __call__(self, *args: str, input: str | None = None, env: Mapping[str, str | None] | None = None) -> Result:
        base: dict[str, str | None] = {
            "HEYTRADERS_CONFIG_DIR": str(self.config_dir),
            "HEYTRADERS_API_KEY": None,
            "HEYTRADERS_BASE_URL": None,
            "NO_COLOR": "1",
            "COLUMNS": "200",
        }
        merged = {**base, **self.env, **(env or {})}
        for value in merged.values():
            if value and value.startswith(("ht_", "whsec_")):
                self.secrets.add(value)
        with CliRunner().isolation(input=input, env=merged) as streams:
            try:
                main(list(args))
                code = 0
            except SystemExit as stop:
                code = stop.code if isinstance(stop.code, int) else 1
            stdout, stderr = streams[0].getvalue().decode(), streams[1].getvalue().decode()
        result = Result(code, stdout, stderr)
        for secret in self.secrets:
            assert secret not in stdout + stderr, f"a secret was printed by heytraders {' '.join(args)}"
        return result


@pytest.fixture
def run(tmp_path: Path) -> Runner:
    return Runner(config_dir=tmp_path / "config")


def validate_output(operation_id: str, data: Any) -> None:
    """``data`` (a command's --json output) is valid as the operation's success response data."""
    op = RAW_OPERATIONS[operation_id]
    status = int(next(code for code in op.raw["responses"] if code.startswith("2")))
    envelope = {"success": True, "data": data, "error": None, "meta": {"timestamp": "2026-03-01T12:00:00Z"}}
    _assert_valid(_schema_pointer(op, status), envelope, f"heytraders output of {operation_id}")


# ---- the sandbox over HTTP, once per session ------------------------------------------------------


@dataclass
class Sandbox:
    """The sandbox on a free port, and its control routes."""

    origin: str

    @property
    def base_url(self) -> str:
        return self.origin + "/api/v1"

    def control(self, path: str, body: Mapping[str, Any] | None = None) -> Any:
        response = httpx.post(self.origin + "/_mock" + path, json=dict(body or {}), timeout=10.0)
        assert response.status_code == 200, response.text
        return response.json()

    def key(self, *, claimed: bool = True) -> MockKey:
        return MockKey.from_json(self.control("/keys", {"claimed": claimed}))

    def advance(self, seconds: float) -> None:
        self.control("/clock/advance", {"seconds": seconds})

    def approve(self, code: str) -> None:
        self.control(f"/claims/{code}/approve", {"scopes": ["research", "read", "trade"]})


@pytest.fixture(scope="session")
def sandbox() -> Iterator[Sandbox]:
    config = MockConfig(seed=5, rate_limit_per_minute=1_000_000, registrations_per_hour=100_000)
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(config), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + PROCESS_TIMEOUT
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the sandbox did not start"
        time.sleep(0.02)
    try:
        yield Sandbox(f"http://127.0.0.1:{port}")
    finally:
        server.should_exit = True
        thread.join(timeout=PROCESS_TIMEOUT)


# ---- a fresh sandbox in process, per test ---------------------------------------------------------


@dataclass
class AppSandbox:
    """An in-process sandbox app that the CLI reaches through ``heytraders_cli.calls.transport_factory``."""

    app: ASGIApp
    control: httpx.Client
    base_url: str = "http://mock/api/v1"

    @property
    def clock(self) -> Any:
        return self.app.state.sandbox.clock  # type: ignore[attr-defined]

    def key(self, *, claimed: bool = True) -> MockKey:
        response = self.control.post("/_mock/keys", json={"claimed": claimed})
        assert response.status_code == 200, response.text
        return MockKey.from_json(response.json())


@pytest.fixture
def app(monkeypatch: pytest.MonkeyPatch) -> Iterator[AppSandbox]:
    yield from serve_app(monkeypatch, MockConfig(seed=3))


def serve_app(
    monkeypatch: pytest.MonkeyPatch,
    config: MockConfig,
    wrap: Callable[[httpx.BaseTransport], httpx.BaseTransport] = lambda transport: transport,
) -> Iterator[AppSandbox]:
    application = create_app(config)
    monkeypatch.setattr(calls, "transport_factory", lambda: wrap(SyncASGITransport(application)))
    with httpx.Client(transport=SyncASGITransport(application), base_url="http://mock") as control:
        yield AppSandbox(application, control)


# ---- the console script in a subprocess ---------------------------------------------------------


def heytraders_command() -> list[str]:
    script = BIN / "heytraders"
    return [str(script)] if script.exists() else [sys.executable, "-m", "heytraders_cli"]


def cli_env(config_dir: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in subprocess_env().items() if not k.startswith("HEYTRADERS_")}
    env.update({"HEYTRADERS_CONFIG_DIR": str(config_dir), "NO_COLOR": "1", "COLUMNS": "200", **extra})
    return env


@dataclass
class Process:
    """A ``heytraders`` subprocess whose stdout and stderr are read line by line while it runs."""

    popen: subprocess.Popen[str]
    stdout_lines: list[str] = field(default_factory=list)
    stderr_lines: list[str] = field(default_factory=list)
    _readers: list[threading.Thread] = field(default_factory=list)

    def start_reading(self) -> None:
        for stream, lines in ((self.popen.stdout, self.stdout_lines), (self.popen.stderr, self.stderr_lines)):
            assert stream is not None
            reader = threading.Thread(target=lambda s=stream, out=lines: out.extend(s), daemon=True)
            reader.start()
            self._readers.append(reader)

    def finish(self, timeout: float = PROCESS_TIMEOUT) -> Result:
        try:
            self.popen.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.popen.kill()
            self.popen.wait(timeout=10)
            raise
        for reader in self._readers:
            reader.join(timeout=10)
        return Result(self.popen.returncode, "".join(self.stdout_lines), "".join(self.stderr_lines))


def spawn(args: Sequence[str], env: Mapping[str, str], *, stdin: str | None = None) -> Process:
    popen = subprocess.Popen(
        [*heytraders_command(), *args],
        env=dict(env),
        stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    if stdin is not None:
        assert popen.stdin is not None
        popen.stdin.write(stdin)
        popen.stdin.close()
    process = Process(popen)
    process.start_reading()
    return process


def run_process(args: Sequence[str], env: Mapping[str, str], *, stdin: str | None = None) -> Result:
    return spawn(args, env, stdin=stdin).finish()


def os_environ_without_keys() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith("HEYTRADERS_")}
