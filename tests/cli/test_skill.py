"""Every command of the generated SKILL.md, run against the sandbox on a free port.

The quick start, workflows and recipes must succeed (exit 0) with the IDs their variables name
(``$ACCOUNT_ID``, ``$RESULT_ID``…), read from the sandbox first. The command reference runs each
operation's example as the spec writes it, with the spec's example IDs, which the sandbox does not
know: those must parse, pass the SDK's validation and reach the server (any exit but 2, usage, or 6,
network). Every JSON output of an operation must be valid against the spec's response schema.
"""

from __future__ import annotations

import json
import re
import shlex
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from heytraders_cli import manifest, workflows

from tests.cli.conftest import RSI_SCRIPT, Result, Runner, Sandbox, validate_output

SKILL = Path(__file__).resolve().parents[2] / "generated" / "SKILL.md"
REFERENCE_HEADING = "## Commands"
HEREDOC = re.compile(r"^cat > (\S+) <<'(\w+)'$")
VARIABLE = re.compile(r"\$([A-Z_]+)")
ID = re.compile(r"^[a-z]+_[A-Za-z0-9_]+$")
# Operations that wait on the clock poll at these intervals; the sandbox's clock moves on instead.
MOCK_SECONDS_PER_WAIT = 3600


@dataclass(frozen=True)
class Command:
    section: str
    words: list[str]
    redirect: str | None  # `> FILE`
    piped: bool  # `| jq ...`: stdout must be JSON

    @property
    def reference(self) -> bool:
        return self.section == REFERENCE_HEADING


def commands(text: str, workdir: Path) -> Iterator[Command]:
    """The ``heytraders`` commands of the document's sh blocks, in order; heredocs are written to ``workdir``."""
    section = ""
    lines = iter(text.splitlines())
    for line in lines:
        if line.startswith("## "):
            section = line.strip()
        if line.strip() != "```sh":
            continue
        pending = ""
        for body in lines:
            if body.strip() == "```":
                break
            heredoc = HEREDOC.match(body)
            if heredoc:
                content = []
                for inner in lines:
                    if inner == heredoc.group(2):
                        break
                    content.append(inner + "\n")
                (workdir / heredoc.group(1)).write_text("".join(content), encoding="utf-8")
                continue
            pending = f"{pending}\n{body}" if pending else body
            try:
                words = shlex.split(pending, posix=True)
            except ValueError:  # a quote spans lines: read on
                continue
            pending = ""
            yield parse(section, words)
        assert not pending, f"unterminated command in SKILL.md: {pending}"


def parse(section: str, words: list[str]) -> Command:
    assert words[0] == "heytraders", f"SKILL.md runs something else than heytraders: {words}"
    redirect, piped = None, False
    if "|" in words:
        assert words[words.index("|") + 1] == "jq", words
        words, piped = words[: words.index("|")], True
    if ">" in words:
        words, redirect = words[: words.index(">")], words[words.index(">") + 1]
    return Command(section, words[1:], redirect, piped)


def operation_of(words: list[str]) -> str | None:
    """The operation a command calls, if it is one of the generated commands."""
    if len(words) < 2 or words[0] not in manifest.load()["groups"]:
        return None
    name = manifest.aliases(words[0]).get(words[1], words[1])
    return manifest.in_group(words[0]).get(name)


@pytest.fixture
def variables(sandbox: Sandbox, run: Runner, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> dict[str, str]:
    """The IDs the recipes' variables stand for, read from (or made in) the sandbox."""
    key = sandbox.key()
    run.env.update(HEYTRADERS_BASE_URL=sandbox.base_url, HEYTRADERS_API_KEY=key.api_key)
    monkeypatch.setattr(workflows, "waiting", lambda seconds: sandbox.advance(MOCK_SECONDS_PER_WAIT))
    accounts = key.account_ids

    def ok(*args: str) -> dict[str, str]:
        result = run(*args, "--json")
        assert result.exit_code == 0, result
        answer: dict[str, str] = result.json()
        return answer

    token = run("market", "list-symbols", "--exchange", "polymarket", "--limit", "1", "--json").json()
    lighter = ok(
        "orders", "place", "--account-id", accounts["lighter"], "--exchange", "lighter", "--symbol", "BTC/USDT",
        "--side", "buy", "--order-type", "limit", "--amount", "0.01", "--price", "20000", "--yes",
    )  # fmt: skip
    order = ok(
        "orders", "place", "--account-id", accounts["binance"], "--exchange", "binance", "--symbol", "BTC/USDT",
        "--side", "buy", "--order-type", "limit", "--amount", "0.001", "--price", "20000", "--yes",
    )  # fmt: skip
    script = tmp_path / "rsi.dsl"
    script.write_text(RSI_SCRIPT, encoding="utf-8")
    backtest = ok(
        "backtest", "run", "--script", f"@{script}", "--universe", "BINANCE:BTC/USDT", "--start-date", "2024-01-01",
        "--end-date", "2024-06-30", "--wait",
    )  # fmt: skip
    return {
        "ACCOUNT_ID": accounts["binance"],
        "FUTURES_ACCOUNT_ID": accounts["binancefuturesusd"],
        "LIGHTER_ACCOUNT_ID": accounts["lighter"],
        "POLYMARKET_ACCOUNT_ID": accounts["polymarket"],
        "HYPERLIQUID_ACCOUNT_ID": accounts["hyperliquid"],
        "TOKEN_ID": token["symbols"][0]["symbol"],
        "ORDER_ID": order["order_id"],
        "EXCHANGE_ORDER_ID": lighter["exchange_order_id"],
        "RESULT_ID": backtest["result_id"],
        "STRATEGY_ID": "ls_mean_revert_sol",
    }


def substitute(words: list[str], variables: dict[str, str]) -> list[str]:
    def value(match: re.Match[str]) -> str:
        assert match.group(1) in variables, f"SKILL.md uses ${match.group(1)}, which the recipes do not define"
        return variables[match.group(1)]

    return [VARIABLE.sub(value, word) for word in words]


def test_every_command_of_the_skill_runs_against_the_sandbox(
    run: Runner, variables: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    found = list(commands(SKILL.read_text(encoding="utf-8"), tmp_path))
    assert len(found) > 90, "SKILL.md lost its commands"
    for index, command in enumerate(found):
        words = substitute(command.words, variables)
        result: Result = run(*words, env={"HEYTRADERS_CONFIG_DIR": str(tmp_path / f"config-{index}")})
        shown = "heytraders " + shlex.join(words)
        if command.reference:
            # Parsed, validated and sent; the sandbox may not know the spec's example IDs (404, naming the
            # ID), and an arena profile made by an earlier example exists already (409).
            known = result.exit_code == 0 or "already" in result.stderr
            unknown_id = result.exit_code == 4 and any(word in result.stderr for word in words if ID.match(word))
            assert known or unknown_id, f"{shown}\n{result}"
        else:
            assert result.exit_code == 0, f"{shown}\n{result}"
        if command.redirect:
            (tmp_path / command.redirect).write_text(result.stdout, encoding="utf-8")
        if command.piped:
            json.loads(result.stdout)
        operation = operation_of(words)
        if result.exit_code == 0 and operation and "--markdown" not in words and "--dry-run" not in words:
            data = result.json() if "--all" not in words else None
            if data is not None:
                validate_output(operation, data)
