"""The workflow tools against the sandbox: a backtest with progress, the claim flow, signals from a cursor."""

from __future__ import annotations

from typing import Any

import pytest
from heytraders_mcp.server import ServerOptions

from tests.mcp.harness import Sandbox, error_of, mcp_session

pytestmark = pytest.mark.anyio

RSI_SCRIPT = 'oversold = rsi(close, 14) < 30\nemit_signal(oversold, entry("BINANCE:BTC/USDT", "LONG", Weight(0.5)))'
BACKTEST = {
    "script": RSI_SCRIPT,
    "universe": ["BINANCE:BTC/USDT"],
    "start_date": "2024-01-01",
    "end_date": "2024-03-31",
    "timeframe": "1h",
}
WEEK = 7 * 24 * 3600


def structured(result: Any) -> dict[str, Any]:
    assert not result.is_error, result.content
    assert isinstance(result.structured_content, dict)
    return result.structured_content


async def test_run_backtest_reports_progress_and_returns_the_summary_with_the_dashboard_url(
    sandbox: Sandbox, key: str
) -> None:
    updates: list[tuple[float, float | None, str | None]] = []

    async def on_progress(progress: float, total: float | None, message: str | None) -> None:
        updates.append((progress, total, message))

    async with mcp_session(sandbox, api_key=key) as client:
        result = structured(await client.call_tool("run_backtest", BACKTEST, progress_callback=on_progress))
        metrics = structured(await client.call_tool("get_backtest_metrics", {"result_id": result["result_id"]}))
    progress = [update[0] for update in updates]
    assert len(updates) >= 3 and progress == sorted(progress) and progress[-1] == 100.0
    assert {update[1] for update in updates} == {100.0}
    assert updates[0][2] == "backtest queued" and updates[-1][2] == "backtest completed"
    assert result["dashboard_url"].endswith(result["result_id"])
    assert result["summary"]["backtest_id"] == result["backtest_id"]
    assert "get_backtest_metrics" in result["next"]
    assert metrics["num_trades"] >= 0


async def test_a_failing_script_comes_back_as_a_tool_error_naming_the_line(sandbox: Sandbox, key: str) -> None:
    broken = {**BACKTEST, "script": "fast = sma(close, 10)\nslow = smaa(close, 50)\nemit_signal(fast > slow, x)"}
    async with mcp_session(sandbox, api_key=key) as client:
        result = await client.call_tool("run_backtest", broken)
        bad_timeout = await client.call_tool("run_backtest", {**BACKTEST, "timeout_seconds": 0})
    error = error_of(result)
    assert error["code"] == "BACKTEST_FAILED" and "line 2" in error["message"] and error["backtest_id"]
    assert (error_of(bad_timeout)["parameter"], error_of(bad_timeout)["rule"]) == ("timeout_seconds", "range")


async def test_the_claim_flow_hands_the_code_to_the_human_then_reports_the_claim(sandbox: Sandbox) -> None:
    provisional = await sandbox.key(scopes=["research"], claimed=False)
    async with mcp_session(sandbox, api_key=provisional["api_key"]) as client:
        waiting = structured(await client.call_tool("claim_agent", {"display_name": "MCP Bot", "wait_seconds": 0}))
        assert waiting["status"] == "waiting_for_user"
        assert len(waiting["claim_code"]) == 6 and waiting["claim_url"].startswith("https://")
        await sandbox.approve(waiting["claim_code"], ["research", "read"])
        claimed = structured(await client.call_tool("claim_agent", {"display_name": "MCP Bot", "wait_seconds": 60}))
        again = structured(await client.call_tool("claim_agent", {"display_name": "MCP Bot", "wait_seconds": 0}))
    assert claimed["status"] == "claimed"
    assert {"research", "read"} <= set(claimed["agent"]["scopes"])
    assert again["status"] == "claimed"  # an agent already claimed answers at once


async def test_new_signals_come_from_the_cursor_each_once(sandbox: Sandbox, key: str) -> None:
    async with sandbox.sdk(key) as sdk:
        strategy = (await sdk.live_strategies.list_live_strategies())[0]
        subscription = await sdk.live_strategies.subscribe_to_strategy(strategy_id=strategy.strategy_id)
    arguments: dict[str, Any] = {"subscription_id": subscription.subscription_id, "max_signals": 2}
    batches: list[list[dict[str, Any]]] = []
    async with mcp_session(sandbox, api_key=key) as client:
        sandbox.clock.advance(4 * WEEK)
        for _ in range(4):
            answer = structured(await client.call_tool("get_new_signals", arguments))
            batches.append(answer["signals"])
            arguments["since"] = answer["cursor"]
        sandbox.clock.advance(4 * WEEK)
        later = structured(await client.call_tool("get_new_signals", {**arguments, "max_signals": 100}))
    ids = [signal["signal_id"] for batch in [*batches, later["signals"]] for signal in batch]
    assert [len(batch) for batch in batches] == [2, 2, 2, 2] and later["signals"], "it fires a few times a week"
    assert len(ids) == len(set(ids)), "a signal came twice"
    times = [signal["generated_at"] for batch in [*batches, later["signals"]] for signal in batch]
    assert times == sorted(times)
    async with sandbox.sdk(key) as sdk:
        history = await sdk.live_strategies.list_signals(subscription_id=subscription.subscription_id, limit=100)
    assert ids == [signal.signal_id for signal in reversed(history)][: len(ids)], "a signal was skipped"


async def test_workflow_tools_check_their_own_arguments(sandbox: Sandbox, key: str) -> None:
    async with mcp_session(sandbox, ServerOptions(), api_key=key) as client:
        unknown = await client.call_tool("get_new_signals", {"subscription_id": "sub_1", "follow": True})
        bad_since = await client.call_tool("get_new_signals", {"subscription_id": "sub_1", "since": "yesterday"})
    assert (error_of(unknown)["parameter"], error_of(unknown)["rule"]) == ("follow", "additionalProperties")
    assert error_of(bad_since)["parameter"] == "since"
