"""Backtest jobs move with the mock clock; results are consistent with each other."""

from __future__ import annotations

import logging
import time
from decimal import Decimal
from typing import Any

import pytest
from heytraders_mock.handlers import backtest as backtest_handlers

from .conftest import Key, Mock

RSI = 'oversold = rsi(close, 14) < 30\nemit_signal(oversold, entry("BINANCE:BTC/USDT", "LONG", Weight(0.5)))'
BACKTEST: dict[str, Any] = {
    "script": RSI,
    "universe": ["BINANCE:BTC/USDT", "BINANCE:ETH/USDT"],
    "start_date": "2025-01-01",
    "end_date": "2025-03-31",
    "description": "RSI oversold bounce on majors",
}


def start(mock: Mock, key: Key, **fields: Any) -> str:
    job = mock.ok("POST", "/backtest/execute", key, json={**BACKTEST, **fields})
    assert job["status"] == "queued"
    return str(job["backtest_id"])


def completed_result(mock: Mock, key: Key, **fields: Any) -> str:
    backtest_id = start(mock, key, **fields)
    mock.advance(10)
    status = mock.ok("GET", f"/backtest/status/{backtest_id}", key)
    assert status["status"] == "completed", status
    return str(status["result_id"])


def test_a_job_moves_from_queued_to_running_to_completed_on_the_clock(mock: Mock) -> None:
    key = mock.key()
    backtest_id = start(mock, key)
    status = mock.ok("GET", f"/backtest/status/{backtest_id}", key)
    assert (status["status"], status["progress"], status["result_id"], status["started_at"]) == (
        "queued",
        0,
        None,
        None,
    )
    mock.advance(6)
    status = mock.ok("GET", f"/backtest/status/{backtest_id}", key)
    assert status["status"] == "running" and status["progress"] == 50 and status["started_at"] == "2026-03-01T12:00:02Z"
    mock.advance(4)
    status = mock.ok("GET", f"/backtest/status/{backtest_id}", key)
    assert status["status"] == "completed" and status["progress"] == 100
    assert status["result_id"].startswith("res_") and status["completed_at"] == "2026-03-01T12:00:10Z"


def test_results_are_consistent(mock: Mock) -> None:
    key = mock.key()
    result_id = completed_result(mock, key)
    summary = mock.ok("GET", f"/backtest/results/{result_id}", key)
    metrics = mock.ok("GET", f"/backtest/results/{result_id}/metrics", key)
    assert summary["metrics"] == metrics
    assert summary["dashboard_url"].endswith(result_id)
    trades = mock.ok("GET", f"/backtest/results/{result_id}/trades", key, params={"limit": 1000})
    assert trades["total"] == metrics["num_trades"] == len(trades["trades"]) > 10
    pnl = sum(Decimal(t["pnl"]) for t in trades["trades"])
    initial, final = Decimal(summary["initial_cash"]), Decimal(summary["final_equity"])
    assert final == initial + pnl
    assert round(float((final / initial - 1) * 100), 2) == metrics["total_return_pct"]
    wins = sum(1 for t in trades["trades"] if Decimal(t["pnl"]) > 0)
    assert round(wins / len(trades["trades"]), 4) == metrics["win_rate"]
    per_ticker = mock.ok("GET", f"/backtest/results/{result_id}/per-ticker", key)
    assert [p["ticker"] for p in per_ticker] == BACKTEST["universe"]
    assert sum(Decimal(p["pnl"]) for p in per_ticker) == pnl
    assert sum(p["num_trades"] for p in per_ticker) == metrics["num_trades"]
    equity = mock.ok("GET", f"/backtest/results/{result_id}/equity", key)["points"]
    assert Decimal(equity[-1]["equity"]) == final
    assert max(p["drawdown_pct"] for p in equity) == metrics["max_drawdown"]
    analysis = mock.ok("GET", f"/backtest/results/{result_id}/analysis", key)
    assert str(metrics["total_return_pct"]) in analysis["analysis"]


def test_trades_page_by_limit_and_offset(mock: Mock) -> None:
    key = mock.key()
    result_id = completed_result(mock, key)
    everything = mock.ok("GET", f"/backtest/results/{result_id}/trades", key, params={"limit": 1000})["trades"]
    page = mock.ok("GET", f"/backtest/results/{result_id}/trades", key, params={"limit": 5, "offset": 3})
    assert page["trades"] == everything[3:8] and page["limit"] == 5 and page["offset"] == 3
    assert [t["entry_time"] for t in everything] == sorted(t["entry_time"] for t in everything)


def test_the_same_request_gives_the_same_result(mock: Mock) -> None:
    key = mock.key()
    first = mock.ok("GET", f"/backtest/results/{completed_result(mock, key)}/metrics", key)
    second = mock.ok("GET", f"/backtest/results/{completed_result(mock, key)}/metrics", key)
    assert first["num_trades"] == second["num_trades"]


def test_cancel_a_queued_job_and_not_a_completed_one(mock: Mock) -> None:
    key = mock.key()
    backtest_id = start(mock, key)
    cancelled = mock.ok("POST", f"/backtest/cancel/{backtest_id}", key)
    assert cancelled["status"] == "cancelled" and cancelled["result_id"] is None
    mock.advance(60)
    assert mock.ok("GET", f"/backtest/status/{backtest_id}", key)["status"] == "cancelled"
    assert mock.ok("POST", f"/backtest/cancel/{backtest_id}", key)["status"] == "cancelled"  # unchanged
    done = start(mock, key)
    mock.advance(10)
    error = mock.error("POST", f"/backtest/cancel/{done}", 400, "VALIDATION_ERROR", key)
    assert error["details"]["rule"] == "job-is-cancellable"


def test_unknown_and_foreign_backtests_are_backtest_not_found(mock: Mock) -> None:
    key, stranger = mock.key(), mock.key()
    backtest_id = start(mock, key)
    mock.error("GET", "/backtest/status/bt_missing", 404, "BACKTEST_NOT_FOUND", key)
    mock.error("GET", f"/backtest/status/{backtest_id}", 404, "BACKTEST_NOT_FOUND", stranger)
    mock.error("GET", "/backtest/results/res_missing", 404, "BACKTEST_NOT_FOUND", key)
    mock.advance(10)
    result_id = mock.ok("GET", f"/backtest/status/{backtest_id}", key)["result_id"]
    mock.error("GET", f"/backtest/results/{result_id}/trades", 404, "BACKTEST_NOT_FOUND", stranger)


def test_a_script_that_needs_more_history_fails_with_ta_out_of_range(mock: Mock) -> None:
    key = mock.key()
    script = 'x = sma(close, 200) > close\nemit_signal(x, entry("BINANCE:BTC/USDT", "LONG", Weight(0.5)))'
    backtest_id = start(mock, key, script=script, timeframe="1d", end_date="2025-02-01")
    mock.advance(10)
    status = mock.ok("GET", f"/backtest/status/{backtest_id}", key)
    assert status["status"] == "failed" and status["message"].startswith("TA_OUT_OF_RANGE")
    assert status["result_id"] is None


def test_server_side_checks_of_the_request(mock: Mock) -> None:
    key = mock.key()
    error = mock.error(
        "POST", "/backtest/execute", 400, "VALIDATION_ERROR", key, json={**BACKTEST, "end_date": "2024-12-31"}
    )
    assert error["details"]["parameter"] == "end_date"
    grid = {"lower_price": "4000", "upper_price": "2000", "grid_count": 10}
    body = {**BACKTEST, "strategy_type": "grid", "grid": grid}
    body.pop("script")
    error = mock.error("POST", "/backtest/execute", 400, "VALIDATION_ERROR", key, json=body)
    assert error["details"]["parameter"] == "grid.upper_price"
    # initial_cash is a JSON number, as both documents write it; a string is not.
    money = mock.error(
        "POST", "/backtest/execute", 400, "VALIDATION_ERROR", key, json={**BACKTEST, "initial_cash": "10000"}
    )
    assert money["details"]["parameter"] == "initial_cash"


def test_an_unexpected_simulation_error_fails_the_job_once(
    mock: Mock, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    calls: list[str] = []

    def broken(*args: Any) -> Any:
        calls.append("simulate")
        raise KeyError("a bug")

    monkeypatch.setattr(backtest_handlers, "simulate", broken)
    key = mock.key()
    backtest_id = start(mock, key)
    mock.advance(10)
    with caplog.at_level(logging.ERROR, logger="heytraders_mock"):
        first = mock.ok("GET", f"/backtest/status/{backtest_id}", key)
    assert first["status"] == "failed" and first["result_id"] is None
    assert first["message"].startswith("INTERNAL_ERROR: the sandbox could not simulate this backtest (KeyError)")
    assert any(record.exc_info for record in caplog.records)  # logged with its traceback
    assert mock.ok("GET", f"/backtest/status/{backtest_id}", key) == first  # stable, not re-run
    error = mock.error("POST", f"/backtest/cancel/{backtest_id}", 400, "VALIDATION_ERROR", key)
    assert "has failed" in error["message"]
    assert calls == ["simulate"]


def test_a_huge_script_is_accepted_and_fails_the_job_quickly(mock: Mock) -> None:
    key = mock.key()
    # ~60 KB on one flat line: thousands of calls, each callee a name to check.
    script = "x = " + " and ".join(["abs(close) > 1"] * 3_300) + "\n" + BACKTEST["script"]
    assert len(script) > 60_000
    started = time.perf_counter()
    backtest_id = start(mock, key, script=script)
    mock.advance(10)
    status = mock.ok("GET", f"/backtest/status/{backtest_id}", key)
    assert time.perf_counter() - started < 0.5
    assert status["status"] == "failed" and status["message"].startswith(
        f"Script error: the script has {len(script):,}"
    )
    assert "at most 20,000 characters" in status["message"]


def test_a_deeply_nested_script_fails_the_job_naming_the_line(mock: Mock) -> None:
    key = mock.key()
    for depth in (400, 3000):
        backtest_id = start(mock, key, script=f"x = {'-' * depth}close\n{BACKTEST['script']}")
        mock.advance(10)
        status = mock.ok("GET", f"/backtest/status/{backtest_id}", key)
        assert status["status"] == "failed" and status["message"].startswith("Script error on line 1, `x = ---")
