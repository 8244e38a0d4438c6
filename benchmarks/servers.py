"""Servers for ``make bench`` and ``make load``, each in a process of its own on a free 127.0.0.1 port.

``python -m benchmarks.servers sandbox|bare --port N`` serves, under the same uvicorn settings, either the
sandbox (``heytraders-mock``'s app and config, limits raised) or a bare Starlette endpoint answering
``GET /api/v1/market/ticker`` with a fixed ticker envelope of the same shape: the baseline that says what
the server stack alone costs. ``make load`` starts the ``heytraders-mock`` command itself.

Every wait here is bounded, and every process started here is stopped by the code that started it.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import httpx

HOST = "127.0.0.1"
READY_TIMEOUT = 30.0  # seconds a server may take to answer its first request
RAISED_LIMIT = 10**9  # "no limit": requests per minute, backtests, registrations
TICKER_PATH = "/api/v1/market/ticker"


def free_port() -> int:
    """A TCP port on 127.0.0.1 nothing listens on (the OS picks it when binding port 0)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        port: int = sock.getsockname()[1]
        return port


def rss_kib(pid: int) -> int:
    """The resident set size of a process, in KiB (``VmRSS`` in ``/proc/<pid>/status``)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError(f"no VmRSS for process {pid}")


def mock_command() -> list[str]:
    """The ``heytraders-mock`` console command of this environment, else ``python -m heytraders_mock``."""
    script = shutil.which("heytraders-mock", path=str(Path(sys.executable).parent))
    return [script] if script is not None else [sys.executable, "-m", "heytraders_mock"]


@contextlib.contextmanager
def running(*servers: tuple[Sequence[str], str]) -> Iterator[list[subprocess.Popen[bytes]]]:
    """Run each ``(command, ready_url)`` until the block ends, once every ``ready_url`` answers 200 (they start
    side by side). Their output goes to temporary files (a pipe nobody reads could fill up and block a server),
    shown if one fails to start."""
    with contextlib.ExitStack() as stack:
        started = []
        for command, ready_url in servers:
            log = stack.enter_context(tempfile.TemporaryFile())
            process = subprocess.Popen(list(command), stdout=log, stderr=subprocess.STDOUT)
            stack.callback(_stop, process)
            started.append((process, ready_url, log))
        for process, ready_url, log in started:
            _wait_ready(ready_url, process, log)
        yield [process for process, _, _ in started]


def _wait_ready(url: str, process: subprocess.Popen[bytes], log: Any) -> None:
    deadline = time.monotonic() + READY_TIMEOUT
    while time.monotonic() < deadline and process.poll() is None:
        with contextlib.suppress(httpx.HTTPError):
            if httpx.get(url, timeout=2.0, trust_env=False).status_code == 200:
                return
        time.sleep(0.1)
    log.seek(0)
    output = log.read().decode(errors="replace")[-2000:]
    raise RuntimeError(f"the server did not answer {url} within {READY_TIMEOUT:g} s; its output:\n{output}")


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


def serve_command(kind: str, port: int) -> list[str]:
    """The command that serves ``kind`` (``sandbox`` or ``bare``) on ``port`` with the shared settings."""
    return [sys.executable, "-m", "benchmarks.servers", kind, "--port", str(port)]


def _bare_app() -> Any:
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import JSONResponse
    from starlette.routing import Route

    from .__main__ import TICKER

    async def ticker(request: Request) -> JSONResponse:
        return JSONResponse(TICKER)

    return Starlette(routes=[Route(TICKER_PATH, ticker)])


def _sandbox_app() -> Any:
    from heytraders_mock import cli, create_app

    limits = ["--rate-limit", "--backtests-per-hour", "--backtests-per-day", "--registrations-per-hour"]
    args = cli.parse_args([part for name in limits for part in (name, str(RAISED_LIMIT))])
    return create_app(cli.config_from(args))


def main(argv: Sequence[str] | None = None) -> None:
    import uvicorn
    from heytraders_mock import cli

    parser = argparse.ArgumentParser(prog="python -m benchmarks.servers")
    parser.add_argument("kind", choices=["sandbox", "bare"])
    parser.add_argument("--port", type=int, required=True)
    args = parser.parse_args(argv)
    app = _sandbox_app() if args.kind == "sandbox" else _bare_app()
    # The same settings for both: heytraders-mock's (h11, its head limit), without the access log.
    uvicorn.run(
        app,
        host=HOST,
        port=args.port,
        log_level="warning",
        access_log=False,
        h11_max_incomplete_event_size=cli.MAX_REQUEST_HEAD,
    )


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    main()
