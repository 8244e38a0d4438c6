"""Each workflow as a user runs it: the ``heytraders`` console script in a subprocess, against the sandbox.

The sandbox's clock is frozen; where a workflow waits on it (a backtest's ten seconds, hours of
signals) the test moves it through ``POST /_mock/clock/advance`` while the process polls. Every
process and every loop is bounded.
"""

from __future__ import annotations

import json
import os
import signal
import stat
import time
import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.cli.conftest import (
    PROCESS_TIMEOUT,
    RSI_SCRIPT,
    AppSandbox,
    Process,
    Runner,
    Sandbox,
    cli_env,
    run_process,
    spawn,
    validate_output,
)

BACKTEST = ["--universe", "BINANCE:BTC/USDT", "--start-date", "2024-01-01", "--end-date", "2024-03-31"]


def wait_for_line(process: Process, predicate: Callable[[str], bool], timeout: float = PROCESS_TIMEOUT) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for line in list(process.stderr_lines):
            if predicate(line):
                return line
        if process.popen.poll() is not None and not any(predicate(line) for line in process.stderr_lines):
            pytest.fail(f"heytraders exited {process.popen.returncode} first: {''.join(process.stderr_lines)}")
        time.sleep(0.05)
    process.popen.kill()
    pytest.fail(f"no such line on stderr within {timeout} s: {''.join(process.stderr_lines)}")


def drive_clock(sandbox: Sandbox, process: Process, seconds: float, *, limit: int = 400) -> None:
    """Move the sandbox clock on by ``seconds`` every 50 ms until the process ends (at most ``limit`` times)."""
    for _ in range(limit):
        if process.popen.poll() is not None:
            return
        sandbox.advance(seconds)
        time.sleep(0.05)
    process.popen.kill()
    pytest.fail(f"heytraders did not finish after {limit} clock moves: {''.join(process.stderr_lines)}")


def test_register_keeps_the_key_in_a_private_config_file(sandbox: Sandbox, run: Runner, tmp_path: Path) -> None:
    env = cli_env(run.config_dir, HEYTRADERS_BASE_URL=sandbox.base_url)
    result = run_process(["register", "--name", "CLI Register", "--risk-profile", "moderate", "--json"], env)
    assert result.exit_code == 0, result
    config = run.config_dir / "config.toml"
    assert stat.S_IMODE(config.stat().st_mode) == 0o600
    assert stat.S_IMODE(run.config_dir.stat().st_mode) == 0o700
    profile = tomllib.loads(config.read_text())["profiles"]["default"]
    key = profile["api_key"]
    assert key.startswith("ht_prov_") and profile["base_url"] == sandbox.base_url
    printed = result.json()
    assert key not in result.stdout + result.stderr
    assert printed["api_key"] == f"ht_prov_…{key[-4:]}"
    assert printed["scopes"] == ["research"] and printed["saved_to"]["profile"] == "default"
    # The saved key and base URL are what the next command uses.
    run.secrets.add(key)
    agent = run("meta", "get-my-agent", "--json")
    assert agent.exit_code == 0, agent
    assert agent.json()["display_name"] == "CLI Register"
    # A second registration would lose the saved key: refused before anything is sent.
    again = run("register", "--name", "Again")
    assert again.exit_code == 2 and "already holds an API key" in again.stderr
    assert tomllib.loads(config.read_text())["profiles"]["default"]["api_key"] == key


def test_claim_shows_the_code_and_waits_until_the_user_enters_it(sandbox: Sandbox, run: Runner) -> None:
    key = sandbox.key(claimed=False).api_key
    env = cli_env(run.config_dir, HEYTRADERS_BASE_URL=sandbox.base_url, HEYTRADERS_API_KEY=key)
    process = spawn(["claim", "--name", "CLI Claim", "--poll-interval", "0.2", "--json"], env)
    event = json.loads(wait_for_line(process, lambda line: '"claim_code"' in line))
    assert event["claim_url"].startswith("https://") and event["expires_in"] > 0
    sandbox.approve(event["claim_code"])
    result = process.finish()
    assert result.exit_code == 0, result
    agent = result.json()
    assert agent["status"] == "claimed" and "trade" in agent["scopes"]
    validate_output("get_my_agent", agent)
    assert key not in result.stdout + result.stderr


def test_backtest_run_waits_and_prints_the_metrics_and_dashboard_url(
    sandbox: Sandbox, run: Runner, tmp_path: Path
) -> None:
    script = tmp_path / "rsi.dsl"
    script.write_text(RSI_SCRIPT, encoding="utf-8")
    key = sandbox.key().api_key
    env = cli_env(run.config_dir, HEYTRADERS_BASE_URL=sandbox.base_url, HEYTRADERS_API_KEY=key)
    args = ["backtest", "run", "--script", f"@{script}", *BACKTEST, "--wait", "--poll-interval", "0.1", "--json"]
    process = spawn(args, env)
    drive_clock(sandbox, process, 2)
    result = process.finish()
    assert result.exit_code == 0, result
    output = result.json()
    assert output["dashboard_url"].endswith(output["result_id"])
    validate_output("get_backtest_metrics", output["metrics"])
    assert output["metrics"]["num_trades"] > 0
    assert json.loads(result.stderr.splitlines()[0]) == {
        "event": "backtest_started",
        "backtest_id": output["backtest_id"],
    }


def test_ctrl_c_during_a_backtest_cancels_the_job_on_the_server(sandbox: Sandbox, run: Runner, tmp_path: Path) -> None:
    script = tmp_path / "rsi.dsl"
    script.write_text(RSI_SCRIPT, encoding="utf-8")
    key = sandbox.key().api_key
    env = cli_env(run.config_dir, HEYTRADERS_BASE_URL=sandbox.base_url, HEYTRADERS_API_KEY=key)
    process = spawn(["backtest", "run", "--script", f"@{script}", *BACKTEST, "--wait", "--json"], env)
    started = json.loads(wait_for_line(process, lambda line: "backtest_started" in line))
    process.popen.send_signal(signal.SIGINT)
    result = process.finish()
    assert result.exit_code == 130, result
    assert "cancelled on the server" in result.error()["message"]
    run.env.update(HEYTRADERS_BASE_URL=sandbox.base_url, HEYTRADERS_API_KEY=key)
    status = run("backtest", "get-backtest-status", "--backtest-id", started["backtest_id"], "--json")
    assert status.json()["status"] == "cancelled"


def test_signals_follow_prints_each_new_signal_once_as_a_json_line(sandbox: Sandbox, run: Runner) -> None:
    key = sandbox.key().api_key
    env = cli_env(run.config_dir, HEYTRADERS_BASE_URL=sandbox.base_url, HEYTRADERS_API_KEY=key)
    args = ["signals", "follow", "ls_mean_revert_sol", "--max-signals", "3", "--poll-interval", "0.1", "--json"]
    process = spawn(args, env)
    wait_for_line(process, lambda line: '"subscribed"' in line)
    drive_clock(sandbox, process, 4 * 3600)
    result = process.finish()
    assert result.exit_code == 0, result
    signals = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(signals) == 3
    assert len({item["signal_id"] for item in signals}) == 3
    assert [item["generated_at"] for item in signals] == sorted(item["generated_at"] for item in signals)
    validate_output("get_latest_signals", signals)


def test_orders_place_dry_run_then_yes(sandbox: Sandbox, run: Runner) -> None:
    mock_key = sandbox.key()
    account = mock_key.account_ids["binance"]
    env = cli_env(run.config_dir, HEYTRADERS_BASE_URL=sandbox.base_url, HEYTRADERS_API_KEY=mock_key.api_key)
    order = ["orders", "place", "--account-id", account, "--exchange", "binance", "--symbol", "BTC/USDT"]
    order += ["--side", "buy", "--order-type", "limit", "--amount", "0.001", "--price", "50000", "--json"]
    run.env.update(HEYTRADERS_BASE_URL=sandbox.base_url, HEYTRADERS_API_KEY=mock_key.api_key)

    def orders() -> int:
        listed = run("orders", "list-orders", "--account-id", account, "--json")
        return int(listed.json()["total"])

    dry = run(*order, "--dry-run")
    assert dry.exit_code == 0, dry
    request = dry.json()
    assert request["body"]["amount"] == "0.001" and request["body"]["price"] == "50000"
    assert request["body"]["label"].startswith("ht-")
    assert orders() == 0

    unconfirmed = run(*order)  # stdin is not a terminal, and no --yes
    assert unconfirmed.exit_code == 2, unconfirmed
    assert unconfirmed.error()["code"] == "CONFIRMATION_REQUIRED" and "--yes" in unconfirmed.error()["message"]
    assert orders() == 0

    placed = run_process([*order, "--yes", "--label", "cli-test-1"], env)
    assert placed.exit_code == 0, placed
    validate_output("place_order", placed.json())
    assert placed.json()["label"] == "cli-test-1" and placed.json()["status"] in ("pending", "open", "OPEN")
    assert orders() == 1


@pytest.mark.skipif(os.name != "posix", reason="file modes")
def test_config_save_reads_the_key_from_stdin(sandbox: Sandbox, run: Runner) -> None:
    key = sandbox.key().api_key
    run.secrets.add(key)
    saved = run(
        "config", "save", "--profile", "sandbox", "--api-key-stdin", "--base-url", sandbox.base_url, "--json",
        input=key + "\n",
    )  # fmt: skip
    assert saved.exit_code == 0, saved
    assert stat.S_IMODE((run.config_dir / "config.toml").stat().st_mode) == 0o600
    shown = run("config", "show", "--profile", "sandbox", "--json")
    assert shown.json()["api_key"] == f"ht_test_…{key[-4:]}"
    assert shown.json()["base_url"] == sandbox.base_url
    agent = run("meta", "get-my-agent", "--profile", "sandbox", "--json")
    assert agent.exit_code == 0, agent


def test_ohlcv_range_fetches_every_page_once_as_json_and_as_json_lines(app: AppSandbox, run: Runner) -> None:
    """2,500 hourly candles: three pages of the API's largest size, none repeated or missing at the edges."""
    run.env.update(HEYTRADERS_BASE_URL=app.base_url, HEYTRADERS_API_KEY=app.key().api_key)
    window = ["--symbol", "BTC/USDT", "--timeframe", "1h", "--start", "2025-06-01T00:00:00Z"]
    window += ["--end", "2025-09-13T03:00:00Z"]  # 2,500 candle opens, both ends included
    whole = run("market", "ohlcv-range", *window, "--json")
    assert whole.exit_code == 0, whole
    candles = json.loads(whole.stdout)["candles"]
    times = [candle["timestamp"] for candle in candles]
    assert len(times) == 2_500 == len(set(times)) and times == sorted(times)
    assert times[0] == "2025-06-01T00:00:00Z" and times[-1] == "2025-09-13T03:00:00Z"
    lines = run("market", "ohlcv-range", *window, "--jsonl")
    assert [json.loads(line) for line in lines.stdout.splitlines()] == candles
    validate_output("get_ohlcv", json.loads(whole.stdout))
