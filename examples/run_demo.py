"""``make demo``: start the sandbox on a free local port, run the quickstart against it, then the same
kind of journey with the ``heytraders`` command line, and stop the sandbox.

Exits with the first failing act's exit code (1 if the sandbox does not come up).
"""

from __future__ import annotations

import os
import shlex
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
CLI_TIMEOUT = 60.0
HERE = Path(__file__).resolve().parent
# The command line's act: each command as a user would type it (a fresh config directory keeps the key).
CLI_ACT: list[tuple[list[str], int]] = [
    (["register", "--name", "Demo CLI Bot"], 0),
    (["config", "show"], 0),
    (["market", "get-ticker", "--symbol", "BTC/USDT"], 0),
    (["market", "rank", "--universe", "BTC/USDT,ETH/USDT,SOL/USDT", "--expression", "roc(close, 7)"], 0),
    (["backtest", "run", "--script", "-", "--universe", "BINANCE:BTC/USDT", "--start-date", "2024-01-01",
      "--end-date", "2024-03-31"], 0),
    (["orders", "place", "--account-id", "acc_demo", "--exchange", "polymarket", "--symbol", "21742633143463906290",
      "--side", "buy", "--order-type", "GTC", "--amount", "10", "--price", "1.5", "--dry-run"], 2),
]  # fmt: skip
RSI_SCRIPT = 'oversold = rsi(close, 14) < 30\nemit_signal(oversold, entry("BINANCE:BTC/USDT", "LONG", Weight(0.5)))\n'


def cli_act(env: dict[str, str]) -> int:
    """The command line against the same sandbox: the key saved privately, tables, a refused request (exit 2)."""
    print("\n== The same API from the command line (heytraders) ==", flush=True)
    heytraders = str(Path(sys.executable).parent / "heytraders")
    with tempfile.TemporaryDirectory(prefix="heytraders-demo-cli-") as config:
        cli_env = {**env, "HEYTRADERS_CONFIG_DIR": config}
        for args, expected in CLI_ACT:
            print(f"$ heytraders {shlex.join(args)}", flush=True)
            script = RSI_SCRIPT if "-" in args else None
            done = subprocess.run([heytraders, *args], env=cli_env, input=script, text=True, timeout=CLI_TIMEOUT)
            if done.returncode != expected:
                print(f"heytraders exited {done.returncode}, not {expected}", file=sys.stderr)
                return done.returncode or 1
            if expected:
                print(f"(exit code {done.returncode}: refused before anything was sent)", flush=True)
    return 0


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
                code = subprocess.run(command, env=env, timeout=QUICKSTART_TIMEOUT, check=False).returncode
                return code or cli_act(env)
            except subprocess.TimeoutExpired:
                print("The demo did not finish in time.", file=sys.stderr)
                return 1
        finally:
            stop(mock)


if __name__ == "__main__":
    sys.exit(main())
