"""``make contract-cli``: an untuned schemathesis run, ``st run spec/heytraders.yaml --checks all``, no hooks.

The run is what any user of the spec would type: no hooks, no filters, no repairs. The sandbox is started
with ``heytraders-mock --no-limits`` (so rate limits and quotas never answer for the spec) and the run sends
one claimed key holding every scope. Schemathesis writes a JUnit report; every failure in it must belong
to one of the ``KNOWN`` kinds below, each of which the README lists with its reason. Any other failure
fails the run.

The known kinds are requests that JSON Schema calls valid and the spec says the server must refuse, for
reasons the spec writes down but no plain JSON Schema generator reads: a cross-field ``x-request-rules``
entry, a symbol the exchange does not list, a token only the server issues, server state. Each is
recognised by the error the sandbox answers with (its code and ``details.rule``), never by the operation
or the generated value.

    python -m tests.contract.plain_run [--max-examples N] [--phases examples,coverage,fuzzing,stateful]
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ElementTree
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from .cli import running_mock, st_command, subprocess_env
from .request_rules import SPEC_PATH, rules_by_operation

POSITIVE_DATA_REJECTED = "Schema-valid request rejected"

# Rules the sandbox's handlers apply to server data (which exchange an account is on, which agent a key
# is, what state an order or a job is in): no schema over the request can state them.
STATE_RULES = frozenset(
    {
        "not-yourself",
        "account-exchange",
        "account-on-strategy-exchange",
        "market-type-of-symbol",
        "order-is-working",
        "job-is-cancellable",
        "subscription-is-not-cancelled",
    }
)
# The sandbox's rules for text that must be Signal DSL (and of the right kind: a condition, a number).
DSL_RULES = frozenset({"signal-dsl", "boolean-condition", "numeric-expression"})


@dataclass(frozen=True)
class Known:
    """A kind of failure the README lists, with its reason."""

    name: str
    reason: str


CROSS_FIELD = Known(
    "cross-field request rule",
    "a request that breaks one of the spec's `x-request-rules` (an exchange rule, `price` for a limit order, "
    "`end_date` after `start_date`, ...); the rules are machine-readable, but a plain JSON Schema generator "
    "does not read them",
)
UNLISTED_SYMBOL = Known(
    "unlisted symbol",
    "`DATA_UNAVAILABLE` for a symbol the exchange does not list (a Polymarket token ID sent to Binance): which "
    "symbols an exchange lists is market data, not a schema",
)
SERVER_ISSUED = Known(
    "server-issued cursor",
    "a `cursor` the server never issued; cursors are opaque tokens from the previous page's `next_cursor`",
)
SERVER_STATE = Known(
    "server state",
    "a rule on data only the server holds (the account's exchange, your own agent, an order or job that has "
    "already ended)",
)
SIGNAL_DSL = Known(
    "Signal DSL",
    "an expression or script that is not Signal DSL; the DSL is a grammar (`GET /docs/signal-dsl`), not a schema",
)
HISTORY = Known(
    "indicator history",
    "`TA_OUT_OF_RANGE`: too little market history for the indicator over the requested range",
)
KNOWN = (CROSS_FIELD, UNLISTED_SYMBOL, SERVER_ISSUED, SERVER_STATE, SIGNAL_DSL, HISTORY)


@dataclass(frozen=True)
class Failure:
    """One failure of the JUnit report: the operation, schemathesis' title, and the sandbox's error."""

    operation: str
    title: str
    code: str | None
    rule: str | None


def spec_rule_ids() -> frozenset[str]:
    return frozenset(rule.id for rules in rules_by_operation().values() for rule in rules)


def classify(failure: Failure, rule_ids: frozenset[str]) -> Known | None:
    """The known kind of a failure, or None when it is a real disagreement between spec and sandbox."""
    if failure.title != POSITIVE_DATA_REJECTED:
        return None
    if failure.code == "DATA_UNAVAILABLE":
        return UNLISTED_SYMBOL
    if failure.code == "TA_OUT_OF_RANGE":
        return HISTORY
    if failure.code != "VALIDATION_ERROR" or failure.rule is None:
        return None
    if failure.rule in rule_ids:
        return CROSS_FIELD
    if failure.rule == "cursor":
        return SERVER_ISSUED
    if failure.rule in DSL_RULES:
        return SIGNAL_DSL
    if failure.rule in STATE_RULES:
        return SERVER_STATE
    return None


_CASE = re.compile(r"^\d+\. Test Case ID", re.MULTILINE)
_TITLE = re.compile(r"^- (?:[A-Z]+\d+ )?(.+)$", re.MULTILINE)
# Read from the response body as the report quotes it; long bodies are cut, so fields are found by pattern.
_CODE = re.compile(r'"code"\s*:\s*"([A-Z_]+)"')
_RULE = re.compile(r'"rule"\s*:\s*"([^"]+)"')
_RULE_IN_MESSAGE = re.compile(r"\(rule ([a-z][a-z0-9.-]*)\)")  # the message names it too, before any cut


def failures_in(report: Path) -> Iterator[Failure]:
    """Every failure of a schemathesis JUnit report, one per test case and check."""
    root = ElementTree.parse(report).getroot()
    for testcase in root.iter("testcase"):
        operation = testcase.get("name", "?")
        for element in testcase:
            if element.tag not in ("failure", "error"):
                continue
            text = element.text or element.get("message") or ""
            for case in _CASE.split(text)[1:] or [text]:
                code, rule = _CODE.search(case), _RULE.search(case) or _RULE_IN_MESSAGE.search(case)
                for title in _TITLE.findall(case) or [element.tag]:
                    yield Failure(
                        operation, title.strip(), code.group(1) if code else None, rule.group(1) if rule else None
                    )


def run(max_examples: int, phases: str, seed: int, timeout: float) -> int:
    """Serve the sandbox, run schemathesis untuned against it, and judge its report; the exit status."""
    with tempfile.TemporaryDirectory(prefix="contract-cli-") as scratch:
        work = Path(scratch)
        with running_mock(work, options=("--no-limits", "--frozen-clock")) as mock:
            key = mock.new_key()
            report = work / "junit.xml"
            command = [
                *st_command(),
                "run",
                str(SPEC_PATH),
                "--url",
                mock.base_url,
                "--checks",
                "all",
                "--header",
                f"Authorization: Bearer {key.api_key}",
                "--phases",
                phases,
                "--max-examples",
                str(max_examples),
                "--seed",
                str(seed),
                "--report",
                "junit",
                "--report-junit-path",
                str(report),
            ]
            completed = subprocess.run(
                command,
                cwd=work,
                env=subprocess_env({"NO_COLOR": "1"}),
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                timeout=timeout,
                check=False,
            )
            output = completed.stdout.decode("utf-8", "replace")
            if not report.exists():
                print(output[-4000:])
                print("contract-cli: schemathesis wrote no report")
                return 1
            return judge(list(failures_in(report)), output)


def judge(failures: Sequence[Failure], output: str) -> int:
    """Print the known failures by kind and every unknown one; 0 when none is unknown."""
    rule_ids = spec_rule_ids()
    kinds: Counter[str] = Counter()
    unknown = []
    for failure in failures:
        kind = classify(failure, rule_ids)
        if kind is None:
            unknown.append(failure)
        else:
            kinds[kind.name] += 1
    summary = re.search(r"^=+ .* in [\d.]+s =+$", output, re.MULTILINE)
    print(summary.group(0) if summary else output[-2000:])
    print(f"{'failure kind (listed in README.md)':<45} {'count':>6}")
    for kind in KNOWN:
        print(f"{kind.name:<45} {kinds[kind.name]:>6}")
    print(f"{'unknown (a real disagreement)':<45} {len(unknown):>6}")
    for failure in unknown:
        print(f"  {failure.operation}: {failure.title} ({failure.code}, rule {failure.rule})")
    return 1 if unknown else 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.contract.plain_run", description=__doc__)
    parser.add_argument("--max-examples", type=int, default=25, help="examples per operation (25)")
    parser.add_argument("--phases", default="examples,coverage,fuzzing,stateful", help="schemathesis phases")
    parser.add_argument("--seed", type=int, default=1, help="schemathesis seed, so a run can be repeated (1)")
    parser.add_argument("--timeout", type=float, default=1200.0, help="seconds before the run is stopped (1200)")
    parser.add_argument("--judge", type=Path, help="only judge this JUnit report of an earlier run")
    args = parser.parse_args(argv)
    if args.judge is not None:
        return judge(list(failures_in(args.judge)), "")
    return run(args.max_examples, args.phases, args.seed, args.timeout)


if __name__ == "__main__":
    sys.exit(main())
