"""Running things in subprocesses: the ``heytraders-mock`` server on a free loopback port, and ``st run``.

Every wait is bounded and every process started here is ended by the code that started it.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from .harness import ALL_SCOPES, BASE_PATH, MOCK_PACKAGE, MOCK_SOURCE, MockKey, toml_dumps
from .request_rules import REPO_ROOT, SPEC_PATH

LOOPBACK = "127.0.0.1"
BIN_DIR = Path(sys.executable).parent


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on (the OS picks it when binding port 0)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((LOOPBACK, 0))
        port: int = sock.getsockname()[1]
        return port


def mock_command() -> list[str]:
    """The ``heytraders-mock`` console command of this environment, else ``python -m heytraders_mock``."""
    script = shutil.which("heytraders-mock", path=str(BIN_DIR))
    if script is not None:
        return [script]
    return [sys.executable, "-m", MOCK_PACKAGE]


def st_command() -> list[str]:
    """The schemathesis CLI of this environment."""
    script = shutil.which("st", path=str(BIN_DIR)) or shutil.which("schemathesis", path=str(BIN_DIR))
    if script is None:
        raise FileNotFoundError(f"the schemathesis CLI is not installed in {BIN_DIR}")
    return [script]


def subprocess_env(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """This environment, with the repository and ``mock/`` importable and ``extra`` added."""
    env = dict(os.environ)
    paths = [str(REPO_ROOT), str(MOCK_SOURCE)]
    if env.get("PYTHONPATH"):
        paths.append(env["PYTHONPATH"])
    env["PYTHONPATH"] = os.pathsep.join(paths)
    env.update(extra or {})
    return env


@dataclass(frozen=True, slots=True)
class RunningMock:
    """A ``heytraders-mock`` process serving on ``origin``."""

    origin: str
    log: Path

    @property
    def base_url(self) -> str:
        return self.origin + BASE_PATH

    def new_key(self, scopes: Sequence[str] = ALL_SCOPES, *, claimed: bool = True) -> MockKey:
        response = httpx.post(
            self.origin + "/_mock/keys", json={"scopes": list(scopes), "claimed": claimed}, timeout=10.0
        )
        response.raise_for_status()
        return MockKey.from_json(response.json())


def _wait_until_serving(url: str, process: subprocess.Popen[bytes], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    last_error = "no attempt"
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the mock exited with status {process.returncode} before serving")
        try:
            if httpx.get(url, timeout=2.0).status_code == 200:
                return
            last_error = "not 200 yet"
        except httpx.TransportError as exc:
            last_error = repr(exc)
        time.sleep(0.1)
    raise TimeoutError(f"the mock did not answer {url} within {timeout} s ({last_error})")


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is not None:
        return
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


@contextlib.contextmanager
def running_mock(log_dir: Path, *, seed: int = 0, rate_limit: int | None = None) -> Iterator[RunningMock]:
    """Start ``heytraders-mock`` on a free 127.0.0.1 port, wait until it serves, stop it on exit."""
    port = free_port()
    command = [*mock_command(), "--host", LOOPBACK, "--port", str(port), "--seed", str(seed)]
    if rate_limit is not None:
        command += ["--rate-limit", str(rate_limit)]
    log = log_dir / "mock.log"
    with log.open("wb") as sink:
        process = subprocess.Popen(command, stdout=sink, stderr=subprocess.STDOUT, env=subprocess_env())
        try:
            origin = f"http://{LOOPBACK}:{port}"
            _wait_until_serving(origin + BASE_PATH + "/meta/health", process, timeout=30.0)
            yield RunningMock(origin=origin, log=log)
        finally:
            _stop(process)


@dataclass(frozen=True, slots=True)
class CliResult:
    returncode: int
    output: str

    def tail(self, lines: int = 120) -> str:
        return "\n".join(self.output.splitlines()[-lines:])


def st_run(
    *,
    config: Mapping[str, Any],
    work_dir: Path,
    arguments: Sequence[str],
    env: Mapping[str, str] | None = None,
    timeout: float,
) -> CliResult:
    """``st --config-file <config> run spec/heytraders.yaml <arguments>`` with the contract hooks loaded.

    Raises:
        subprocess.TimeoutExpired: When the run outlives ``timeout`` (the process is killed first).
    """
    config_path = work_dir / "schemathesis.toml"
    config_path.write_text(toml_dumps(config), encoding="utf-8")
    command = [
        *st_command(),
        "--config-file",
        str(config_path),
        "run",
        str(SPEC_PATH),
        *arguments,
    ]
    extra = {"SCHEMATHESIS_HOOKS": "tests.contract.st_hooks", "NO_COLOR": "1", **(env or {})}
    completed = subprocess.run(
        command,
        # Anything the CLI writes lands beside the configuration, never in the work tree.
        cwd=work_dir,
        env=subprocess_env(extra),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        timeout=timeout,
        check=False,
    )
    return CliResult(returncode=completed.returncode, output=completed.stdout.decode("utf-8", "replace"))
