"""``make demo``: start the sandbox on a free local port, run the quickstart against it, stop the sandbox.

Exits with the quickstart's exit code (1 if the sandbox does not come up).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

HOST = "127.0.0.1"
READY_TIMEOUT = 20.0
QUICKSTART_TIMEOUT = 120.0
HERE = Path(__file__).resolve().parent


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        port: int = sock.getsockname()[1]
        return port


def wait_ready(url: str, mock: subprocess.Popen[bytes], timeout: float) -> bool:
    """Poll the health route until it answers 200, the mock exits, or ``timeout`` seconds pass."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if mock.poll() is not None:
            return False
        try:
            if httpx.get(url, timeout=1.0).status_code == 200:
                return True
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    return False


def stop(mock: subprocess.Popen[bytes]) -> None:
    if mock.poll() is None:
        mock.terminate()
        try:
            mock.wait(timeout=5)
        except subprocess.TimeoutExpired:
            mock.kill()
            mock.wait(timeout=5)


def main() -> int:
    port = free_port()
    root = f"http://{HOST}:{port}"
    mock_command = [str(Path(sys.executable).parent / "heytraders-mock"), "--host", HOST, "--port", str(port)]
    env = {key: value for key, value in os.environ.items() if key != "HEYTRADERS_API_KEY"}
    env["HEYTRADERS_BASE_URL"] = f"{root}/api/v1"
    env["HEYTRADERS_MOCK_CONTROL"] = f"{root}/_mock"
    print(f"Starting the sandbox on {root} ...", flush=True)
    # The sandbox's log goes to a temporary file (a pipe nobody reads could fill up and block it),
    # shown only if the sandbox fails to start.
    with tempfile.TemporaryFile() as log:
        mock = subprocess.Popen(mock_command, stdout=log, stderr=subprocess.STDOUT)
        try:
            if not wait_ready(f"{root}/api/v1/meta/health", mock, READY_TIMEOUT):
                print(f"The sandbox did not become ready within {READY_TIMEOUT:g} s. Its log:", file=sys.stderr)
                log.seek(0)
                sys.stderr.write(log.read().decode(errors="replace")[-4000:])
                return 1
            try:
                command = [sys.executable, str(HERE / "quickstart.py")]
                return subprocess.run(command, env=env, timeout=QUICKSTART_TIMEOUT, check=False).returncode
            except subprocess.TimeoutExpired:
                print(f"The quickstart did not finish within {QUICKSTART_TIMEOUT:g} s.", file=sys.stderr)
                return 1
        finally:
            stop(mock)


if __name__ == "__main__":
    sys.exit(main())
