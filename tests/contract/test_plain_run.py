"""``make contract-cli``: the untuned run's judge, and a short real run of it.

The judge must pass the failure kinds the README lists and nothing else: a server error, a response that
breaks its schema or a 400 no rule explains fails the run.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .plain_run import KNOWN, Failure, classify, failures_in, judge, run, spec_rule_ids
from .request_rules import REPO_ROOT

REJECTED = "Schema-valid request rejected"
REPORT = """<?xml version="1.0" ?>
<testsuites><testsuite name="schemathesis" tests="2">
<testcase name="POST /orders"><failure type="failure" message="x">1. Test Case ID: aa

- ST202 Schema-valid request rejected

[400] Bad Request:

    `{"error":{"code":"VALIDATION_ERROR","details":{"parameter":"price","rule":"limit-orders-need-price"}}}`

2. Test Case ID: bb

- ST101 Server error

[500] Internal Server Error:

    `{"success":false,"data":null,"error":{"code":"INTERNAL_ERROR","message":"boom"}}`
</failure></testcase>
<testcase name="GET /arena/posts"><failure type="failure" message="x">1. Test Case ID: cc

- ST202 Schema-valid request rejected

    `{"error":{"code":"VALIDATION_ERROR","message":"cursor: not one (rule cursor); got \\"000 // Output truncated...`
</failure></testcase>
</testsuite></testsuites>
"""


def test_failures_are_read_from_the_report_even_when_a_body_is_cut(tmp_path: Path) -> None:
    report = tmp_path / "junit.xml"
    report.write_text(REPORT, encoding="utf-8")
    assert list(failures_in(report)) == [
        Failure("POST /orders", REJECTED, "VALIDATION_ERROR", "limit-orders-need-price"),
        Failure("POST /orders", "Server error", "INTERNAL_ERROR", None),
        Failure("GET /arena/posts", REJECTED, "VALIDATION_ERROR", "cursor"),
    ]


RULE = "cross-field request rule"


@pytest.mark.parametrize(
    ("failure", "kind"),
    [
        (Failure("POST /orders", REJECTED, "VALIDATION_ERROR", "limit-orders-need-price"), RULE),
        (Failure("GET /market/ohlcv", REJECTED, "VALIDATION_ERROR", "ohlcv-start-not-after-end"), RULE),
        (Failure("GET /market/ticker", REJECTED, "DATA_UNAVAILABLE", None), "unlisted symbol"),
        (Failure("GET /arena/posts", REJECTED, "VALIDATION_ERROR", "cursor"), "server-issued cursor"),
        (Failure("POST /arena/agents/{id}/subscribe", REJECTED, "VALIDATION_ERROR", "not-yourself"), "server state"),
        (Failure("POST /market/scan", REJECTED, "VALIDATION_ERROR", "signal-dsl"), "Signal DSL"),
        # Anything else is a real disagreement between the spec and the sandbox.
        (Failure("POST /orders", "Server error", "INTERNAL_ERROR", None), None),
        (Failure("POST /orders", "Response violates schema", None, None), None),
        (Failure("POST /orders", REJECTED, "VALIDATION_ERROR", "made-up-rule"), None),
        (Failure("POST /orders", REJECTED, "VALIDATION_ERROR", None), None),
    ],
)
def test_only_the_listed_kinds_are_known(failure: Failure, kind: str | None) -> None:
    found = classify(failure, spec_rule_ids())
    assert (found.name if found else None) == kind


def test_an_unknown_failure_fails_the_run(capsys: pytest.CaptureFixture[str]) -> None:
    known = Failure("POST /orders", REJECTED, "VALIDATION_ERROR", "limit-orders-need-price")
    assert judge([known], "") == 0
    assert judge([known, Failure("POST /orders", "Server error", "INTERNAL_ERROR", None)], "") == 1
    assert "POST /orders: Server error" in capsys.readouterr().out


def test_the_readme_lists_every_known_kind_with_its_reason() -> None:
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    assert "make contract-cli" in readme
    for kind in KNOWN:
        assert f"| {kind.name} |" in readme, kind.name


def test_a_short_untuned_run_has_only_known_failures() -> None:
    """The real thing, bounded: ``st run --checks all`` without hooks, the examples phase only."""
    assert run(max_examples=1, phases="examples", seed=1, timeout=240.0) == 0
