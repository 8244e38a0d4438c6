"""Prints the reliability table (``report.py``) at the end of the run, to the terminal even under output capture."""

from __future__ import annotations

import pytest

from . import report


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    lines = report.render()
    if lines:
        terminalreporter.write_sep("=", "reliability: orders placed through injected faults")
        for line in lines:
            terminalreporter.write_line(line)
