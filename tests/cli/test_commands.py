"""Every command parses and helps: one command per operation of the spec, built from the manifest.

Run in process (click's isolation, no subprocess per command). Each operation's example (from the
spec's examples) is parsed and validated by the SDK with --dry-run, so a drift between the manifest,
the command line and the SDK fails here without a network.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest
from heytraders._operations import OPERATIONS
from heytraders_cli import manifest

from tests.cli.conftest import Runner, heytraders_command, os_environ_without_keys

ENTRIES = manifest.operations()
WORKFLOWS = [
    ["register"],
    ["claim"],
    ["backtest", "run"],
    ["signals", "follow"],
    ["config", "show"],
    ["config", "save"],
    ["completion"],
]


def test_the_manifest_has_every_operation_of_the_sdk() -> None:
    assert set(ENTRIES) == set(OPERATIONS)
    for operation_id, entry in ENTRIES.items():
        spec = OPERATIONS[operation_id]
        assert (entry["method"], entry["path"]) == (spec.method, spec.path)
        assert [param["name"] for param in entry["params"]] == [param.name for param in spec.params]


@pytest.mark.parametrize("operation_id", list(ENTRIES))
def test_every_operation_has_a_command_with_its_options_and_scope(run: Runner, operation_id: str) -> None:
    entry = ENTRIES[operation_id]
    result = run(entry["group"], entry["command"], "--help")
    assert result.exit_code == 0, result
    text = " ".join(result.stdout.split())  # as wrapped to the terminal
    for param in entry["params"]:
        assert param["option"] in text
        for choice in param.get("choices", []):
            assert str(choice) in text
    assert ("Public: no API key needed." if entry["public"] else f"Scope: {entry['scope']}") in text
    if entry["places_order"]:
        assert "--yes" in text and "--dry-run" in text
    if entry["pagination"]:
        assert "--all" in text


@pytest.mark.parametrize("operation_id", list(ENTRIES))
def test_every_example_parses_and_passes_the_sdks_validation(run: Runner, operation_id: str) -> None:
    entry = ENTRIES[operation_id]
    result = run(
        entry["group"], entry["command"], *entry["example"], "--dry-run", env={"HEYTRADERS_API_KEY": "ht_test_x"}
    )
    assert result.exit_code == 0, result
    request = result.json()
    assert request["dry_run"] is True and request["method"] == entry["method"]
    path = re.sub(r"\{[a-z_]+\}", "[^/]+", entry["path"])
    assert re.search(f"/api/v1{path}(\\?|$)", request["url"].replace("https://hey-traders.com", "")), request["url"]
    body_names = {param["name"] for param in entry["params"] if param["location"] == "body"}
    assert set(request["body"] or {}) <= body_names | {"label"}


@pytest.mark.parametrize("command", WORKFLOWS, ids=" ".join)
def test_every_workflow_helps(run: Runner, command: list[str]) -> None:
    result = run(*command, "--help")
    assert result.exit_code == 0, result
    assert "Usage: heytraders " + " ".join(command) in result.stdout


def test_the_root_help_lists_the_groups_and_workflows(run: Runner) -> None:
    result = run("--help")
    assert result.exit_code == 0, result
    for name in [*manifest.load()["groups"], "register", "claim", "signals", "config", "completion"]:
        assert re.search(rf"^  {re.escape(name)} ", result.stdout, flags=re.MULTILINE), name
    assert re.search(r"^ +7 +order status unknown$", result.stdout, flags=re.MULTILINE)


def test_short_aliases_reach_the_same_operation(run: Runner) -> None:
    place = run("orders", "place", "--help").stdout
    assert "Alias: place." in " ".join(place.split())
    assert place.split("Options:")[1] == run("orders", "place-order", "--help").stdout.split("Options:")[1]
    assert run("market", "scan", "--help").exit_code == 0


def test_options_are_typed_from_the_spec(run: Runner) -> None:
    env = {"HEYTRADERS_API_KEY": "ht_test_x"}
    limit = run("orders", "list-orders", "--limit", "many", "--dry-run", env=env)
    assert limit.exit_code == 2 and "'many' is not a valid integer" in limit.stderr
    side = run("orders", "place", "--side", "hold", env=env)
    assert side.exit_code == 2 and "'hold' is not one of 'buy', 'sell'" in side.stderr
    # An integer enum is a choice on the command line and an integer on the wire.
    vote = run("arena", "vote-on-post", "--post-id", "post_1", "--vote-type", "-1", "--dry-run", env=env)
    assert vote.exit_code == 0, vote
    assert vote.json()["body"] == {"vote_type": -1}
    # Money is passed on as its exact text, never a float; numbers become Decimals.
    backtest = run(
        "backtest",
        "execute-backtest",
        "--script",
        "a = 1",
        "--universe",
        "BINANCE:BTC/USDT,BINANCE:ETH/USDT",
        "--start-date",
        "2024-01-01",
        "--end-date",
        "2024-02-01",
        "--initial-cash",
        "10000.10",
        "--trading-fee",
        "0.0001",
        "--dry-run",
        env=env,
    )
    assert backtest.exit_code == 0, backtest
    body = json.loads(backtest.stdout)["body"]
    assert body["universe"] == ["BINANCE:BTC/USDT", "BINANCE:ETH/USDT"]
    # The exact digits, whether the spec puts money on the wire as a string or as a number.
    assert (
        re.search(r'"initial_cash": "?10000\.10"?[,\n]', backtest.stdout) and '"trading_fee": 0.0001' in backtest.stdout
    )
    # One value that is valid as the spec's string alternative goes as a string, else as a one-item list.
    preset = run("market", "rank", "--universe", "top100", "--expression", "roc(close, 7)", "--dry-run", env=env)
    assert preset.json()["body"]["universe"] == "top100"
    single = run("market", "rank", "--universe", "BTC/USDT", "--expression", "roc(close, 7)", "--dry-run", env=env)
    assert single.json()["body"]["universe"] == ["BTC/USDT"]


def test_a_time_without_a_zone_is_refused_before_anything_is_sent(run: Runner) -> None:
    result = run("signals", "follow", "ls_x", "--since", "2026-03-01T12:00:00")
    assert result.exit_code == 2 and "has no time zone" in result.stderr


def test_a_body_comes_from_a_file_or_stdin_and_options_win(run: Runner, tmp_path: object) -> None:
    env = {"HEYTRADERS_API_KEY": "ht_test_x"}
    body = {"display_name": "From stdin", "description": "kept", "risk_profile": "moderate"}
    result = run(
        "arena", "register-arena-agent", "--body", "-", "--display-name", "Option", "--dry-run",
        input=json.dumps(body), env=env,
    )  # fmt: skip
    assert result.exit_code == 0, result
    assert result.json()["body"] == {**body, "display_name": "Option"}
    unknown = run("arena", "register-arena-agent", "--body", '{"nickname": "x"}', "--dry-run", env=env)
    assert unknown.exit_code == 2 and "no field 'nickname'" in unknown.stderr
    missing = run("arena", "register-arena-agent", "--body", "{}", "--dry-run", env=env)
    assert missing.exit_code == 2 and "--display-name" in missing.stderr


def test_a_script_is_read_from_a_file(run: Runner, tmp_path: object) -> None:
    from pathlib import Path

    script = Path(str(tmp_path)) / "rsi.dsl"
    script.write_text("oversold = rsi(close, 14) < 30\n", encoding="utf-8")
    args = ["--universe", "BINANCE:BTC/USDT", "--start-date", "2024-01-01", "--end-date", "2024-02-01", "--dry-run"]
    result = run("backtest", "run", "--script", f"@{script}", *args, env={"HEYTRADERS_API_KEY": "ht_test_x"})
    assert result.exit_code == 0, result
    assert result.json()["body"]["script"] == "oversold = rsi(close, 14) < 30\n"
    missing = run("backtest", "run", "--script", "@/no/such/file.dsl", *args)
    assert missing.exit_code == 2 and "cannot read /no/such/file.dsl" in missing.stderr


def test_a_secret_option_is_never_taken_from_the_command_line(run: Runner, tmp_path: object) -> None:
    from pathlib import Path

    env = {"HEYTRADERS_API_KEY": "ht_test_x"}
    args = ["live-strategies", "test-webhook", "--url", "https://example.com/hook"]
    literal = run(*args, "--secret", "whsec_0123456789abcdef", "--dry-run", env=env)
    assert literal.exit_code == 2 and "never taken from the command line" in literal.stderr
    secret_file = Path(str(tmp_path)) / "secret"
    secret_file.write_text("whsec_0123456789abcdef\n", encoding="utf-8")
    from_file = run(*args, "--secret", f"@{secret_file}", "--dry-run", env=env)
    assert from_file.exit_code == 0, from_file


def test_help_and_completion_do_not_import_the_sdk() -> None:
    code = (
        "import sys\n"
        "from heytraders_cli.app import main\n"
        "for args in (['--help'], ['orders', 'place', '--help'], ['--version']):\n"
        "    try:\n"
        "        main(args)\n"
        "    except SystemExit:\n"
        "        pass\n"
        "print(sorted(m for m in ('httpx', 'pydantic', 'heytraders', 'rich') if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, env=os_environ_without_keys()
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[]"


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_shell_completion_scripts(run: Runner, shell: str) -> None:
    script = run("completion", shell)
    assert script.exit_code == 0, script
    assert "_HEYTRADERS_COMPLETE" in script.stdout
    # click's own mechanism gives the same script.
    native = subprocess.run(
        heytraders_command(),
        env={**os_environ_without_keys(), "_HEYTRADERS_COMPLETE": f"{shell}_source"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert native.stdout.strip() == script.stdout.strip()


def test_completion_offers_groups_commands_and_choices(run: Runner) -> None:
    def complete(line: str) -> list[str]:
        words = line.split(" ")
        env = {"_HEYTRADERS_COMPLETE": "bash_complete", "COMP_WORDS": line, "COMP_CWORD": str(len(words) - 1)}
        result = run(env=env)
        return [entry.split(",", 1)[1] for entry in result.stdout.split()]

    assert "market" in complete("heytraders mar")
    assert "get-ticker" in complete("heytraders market get-t")
    assert complete("heytraders orders place --side ") == ["buy", "sell"]
    assert "polymarket" in complete("heytraders market get-ticker --exchange poly")
