"""The ``heytraders-mock`` command, the spec file the mock serves, and the clock control routes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from heytraders_mock import MockConfig, cli
from heytraders_mock import spec as spec_module
from heytraders_mock.clock import Clock

from generator.spec import SPEC_PATH

from .conftest import Mock


def test_command_line_builds_the_config_and_runs_uvicorn(monkeypatch: pytest.MonkeyPatch) -> None:
    served: dict[str, Any] = {}
    monkeypatch.setattr("uvicorn.run", lambda app, **kwargs: served.update(app=app, **kwargs))
    cli.main(
        [
            "--port",
            "9000",
            "--seed",
            "3",
            "--rate-limit",
            "10",
            "--backtests-per-hour",
            "2",
            "--backtests-per-day",
            "4",
            "--registrations-per-hour",
            "1",
        ]
    )
    assert served["host"] == "127.0.0.1" and served["port"] == 9000
    sandbox = served["app"].state.sandbox
    assert sandbox.config == MockConfig(
        seed=3,
        rate_limit_per_minute=10,
        backtests_per_hour=2,
        backtests_per_day=4,
        registrations_per_hour=1,
        realtime_clock=True,
    )


def test_frozen_clock_flag_and_defaults() -> None:
    config = cli.config_from(cli.parse_args(["--frozen-clock"]))
    assert config == MockConfig(realtime_clock=False)


def test_the_packaged_spec_wins_over_the_repository_copy(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    assert spec_module.spec_file() == SPEC_PATH
    monkeypatch.setattr(spec_module, "__file__", str(tmp_path / "spec.py"))
    (tmp_path / "heytraders.yaml").write_text("openapi: 3.1.0\n")
    assert spec_module.spec_file() == tmp_path / "heytraders.yaml"


def test_clock_routes(mock: Mock) -> None:
    assert mock.http.get("/_mock/clock").json() == {
        "now": "2026-03-01T12:00:00Z",
        "start": "2026-03-01T12:00:00Z",
        "realtime": False,
    }
    assert mock.advance(90) == "2026-03-01T12:01:30Z"
    assert mock.ok("GET", "/meta/health")["timestamp"] == "2026-03-01T12:01:30Z"
    bad = mock.http.post("/_mock/clock/advance", json={"seconds": -5})
    assert bad.status_code == 400 and bad.json()["error"]["code"] == "VALIDATION_ERROR"


def test_the_clock_stops_at_2100_instead_of_breaking_the_sandbox(mock: Mock) -> None:
    ten_years = 10 * 365 * 86400
    answers = [mock.http.post("/_mock/clock/advance", json={"seconds": ten_years}) for _ in range(8)]
    assert [a.status_code for a in answers] == [200] * 7 + [400]
    assert "stops at 2100-01-01" in answers[-1].json()["error"]["message"]
    assert mock.http.get("/_mock/clock").json()["now"].startswith("2096-")  # the refused move did not happen
    assert mock.ok("GET", "/meta/health")["timestamp"].startswith("2096-")  # and the API still answers
    assert mock.http.post("/_mock/reset").json()["now"] == "2026-03-01T12:00:00Z"


def test_a_realtime_clock_also_follows_the_wall_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    ticks = iter([100.0, 100.0, 107.5])
    monkeypatch.setattr("heytraders_mock.clock.time.monotonic", lambda: next(ticks))
    clock = Clock(realtime=True)
    first = clock.now()
    assert (clock.now() - first).total_seconds() == 7.5
