"""An MCP client session against the server, in process, wired to the sandbox: tools, errors, limits, resources."""

from __future__ import annotations

import httpx
import pytest
from heytraders._catalog import CATALOG
from heytraders_mcp.server import ServerOptions, all_tools
from heytraders_mcp.tools import Access
from heytraders_mock import MockConfig, create_app

from generator.spec import iter_operations, load_spec
from tests.mcp.harness import CountingTransport, Sandbox, error_of, mcp_session, text_of

pytestmark = pytest.mark.anyio

ERROR_CODES = {op.operation_id: set(op.raw.get("x-error-codes", [])) for op in iter_operations(load_spec())}
READ_TOOLS = [tool for tool in all_tools() if tool.access is Access.READ and not tool.is_workflow]


async def test_the_default_list_is_the_read_only_research_set_and_the_workflows(sandbox: Sandbox, key: str) -> None:
    async with mcp_session(sandbox, api_key=key) as client:
        listed = {tool.name: tool for tool in (await client.list_tools()).tools}
    assert {"run_backtest", "claim_agent", "get_new_signals", "get_ohlcv", "get_signal_dsl_doc"} <= set(listed)
    assert not {"place_order", "cancel_order", "subscribe_to_strategy", "create_post"} & set(listed)
    for tool in listed.values():
        assert tool.title and tool.annotations is not None, tool.name
        assert tool.annotations.read_only_hint or tool.name in {"run_backtest", "claim_agent"}, tool.name
        assert "$ref" not in str(tool.input_schema) and "$defs" not in str(tool.input_schema), tool.name


async def test_every_read_tool_answers_the_specs_own_example(sandbox: Sandbox, key: str) -> None:
    """Each example passes the SDK's checks and reaches the API: a result, or an error the operation documents
    (an example may name an order or a backtest this sandbox does not have)."""
    problems = []
    answered = 0
    async with mcp_session(sandbox, ServerOptions(tools=["read"]), api_key=key) as client:
        for tool in READ_TOOLS:
            result = await client.call_tool(tool.name, dict(CATALOG[tool.name].example))
            if not result.is_error:
                answered += 1
                if not (result.structured_content or text_of(result)):
                    problems.append(f"{tool.name}: an empty result")
                continue
            error = error_of(result)
            if "status" not in error or error["code"] not in ERROR_CODES[tool.name]:
                problems.append(f"{tool.name}: {error}")
    assert not problems, "\n".join(problems)
    assert answered >= len(READ_TOOLS) // 2  # most examples name what every sandbox has


async def test_a_validation_error_names_the_parameter_and_the_rule_and_nothing_is_sent(
    sandbox: Sandbox, key: str
) -> None:
    async with mcp_session(sandbox, api_key=key) as client:
        sent = len(sandbox.transport.sent)
        too_many = await client.call_tool("get_ohlcv", {"symbol": "BTC/USDT", "limit": 5000})
        polymarket = await client.call_tool("get_ohlcv", {"symbol": "BTC/USDT", "exchange": "polymarket"})
        unknown = await client.call_tool("get_ticker", {"symbol": "BTC/USDT", "venue": "binance"})
        missing = await client.call_tool("get_ticker", {})
        assert len(sandbox.transport.sent) == sent, "an invalid call reached the API"
    error = error_of(too_many)
    assert (error["code"], error["parameter"], error["rule"], error["sent"]) == (
        "VALIDATION_ERROR",
        "limit",
        "maximum",
        False,
    )
    assert (error_of(polymarket)["parameter"], error_of(polymarket)["rule"]) == (
        "symbol",
        "polymarket-symbol-is-token-id",
    )
    assert (error_of(unknown)["parameter"], error_of(unknown)["rule"]) == ("venue", "additionalProperties")
    assert "symbol" in error_of(unknown)["suggestion"]
    assert (error_of(missing)["parameter"], error_of(missing)["rule"]) == ("symbol", "required")


async def test_an_api_error_carries_code_message_suggestion_and_status(sandbox: Sandbox, key: str) -> None:
    async with mcp_session(sandbox, api_key=key) as client:
        result = await client.call_tool("get_order", {"order_id": "ord_does_not_exist"})
    error = error_of(result)
    assert error["code"] == "ORDER_NOT_FOUND" and error["status"] == 404
    assert error["message"] and "retry_after" in error
    assert text_of(result).startswith("ORDER_NOT_FOUND: ")


async def test_a_rate_limited_call_says_when_to_retry() -> None:
    app = create_app(MockConfig(seed=1, rate_limit_per_minute=2))
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app), base_url="http://mock") as control:
        limited = Sandbox(app, control, CountingTransport(app))
        api_key = (await limited.key())["api_key"]
        async with mcp_session(limited, api_key=api_key) as client:
            results = [await client.call_tool("get_ticker", {"symbol": "BTC/USDT"}) for _ in range(3)]
    assert not results[0].is_error
    error = error_of(results[-1])
    assert error["code"] == "RATE_LIMITED" and error["status"] == 429
    assert error["retry_after"] is not None and error["retry_after"] > 0


async def test_a_large_result_is_cut_with_a_note_on_how_to_get_the_rest(sandbox: Sandbox, key: str) -> None:
    async with mcp_session(sandbox, ServerOptions(max_result_chars=20_000), api_key=key) as client:
        result = await client.call_tool("get_ohlcv", {"symbol": "BTC/USDT", "timeframe": "1m", "limit": 1000})
    assert not result.is_error and isinstance(result.structured_content, dict)
    note = result.structured_content["truncated"]
    assert note["field"] == "candles" and 0 < note["shown"] < note["total"] == 1000
    assert len(result.structured_content["candles"]) == note["shown"]
    assert f"`limit` at most {note['shown']}" in note["how_to_get_more"]
    assert len(text_of(result)) <= 20_000


async def test_the_api_key_never_appears_in_what_the_model_sees(sandbox: Sandbox, key: str) -> None:
    seen = []
    async with mcp_session(sandbox, ServerOptions(tools=["all"]), api_key=key) as client:
        seen.append(str((await client.list_tools()).tools))
        for name, arguments in [
            ("get_my_agent", {}),
            ("get_order", {"order_id": key}),  # the key as an argument comes back redacted
            ("get_capabilities", {}),
            ("register_agent", {"display_name": "Echo"}),
        ]:
            result = await client.call_tool(name, arguments)
            seen.append(text_of(result) + str(result.structured_content))
    assert all(key not in text for text in seen)
    assert "register_agent" not in seen[0]  # its answer is a new key: not a tool


async def test_the_signal_dsl_documents_are_resources_and_a_prompt_guides_a_backtest(sandbox: Sandbox) -> None:
    async with mcp_session(sandbox, api_key=None) as client:
        uris = {str(resource.uri) for resource in (await client.list_resources()).resources}
        guide = await client.read_resource("heytraders://docs/signal-dsl")
        prompt = await client.get_prompt("backtest_a_strategy", {"idea": "buy BTC when RSI is under 30"})
    assert {"heytraders://docs/signal-dsl", "heytraders://docs/operators", "heytraders://docs/data"} <= uris
    assert guide.contents[0].mime_type == "text/markdown" and getattr(guide.contents[0], "text", "").startswith("#")
    steps = getattr(prompt.messages[0].content, "text", "")
    assert "buy BTC when RSI is under 30" in steps and "run_backtest" in steps and "evaluate_expression" in steps
    attached = prompt.messages[1].content
    assert getattr(getattr(attached, "resource", None), "uri", None) == "heytraders://docs/signal-dsl"


async def test_the_tools_allow_list_lists_those_groups_and_refuses_the_rest(sandbox: Sandbox, key: str) -> None:
    async with mcp_session(sandbox, ServerOptions(tools=["market", "get_order"]), api_key=key) as client:
        listed = {tool.name for tool in (await client.list_tools()).tools}
        refused = await client.call_tool("list_accounts", {})
    assert listed == {tool.name for tool in all_tools() if tool.group == "market"} | {"get_order"}
    assert error_of(refused)["code"] == "REFUSED" and "--tools" in error_of(refused)["message"]


async def test_compact_mode_searches_describes_and_calls_with_the_same_rules(sandbox: Sandbox, key: str) -> None:
    async with mcp_session(sandbox, ServerOptions(compact=True), api_key=key) as client:
        listed = [tool.name for tool in (await client.list_tools()).tools]
        found = await client.call_tool("search_operations", {"query": "ohlcv candles"})
        described = await client.call_tool("describe_operation", {"name": "get_ohlcv"})
        called = await client.call_tool("call_operation", {"name": "get_ticker", "arguments": {"symbol": "ETH/USDT"}})
        trading = await client.call_tool("call_operation", {"name": "place_order", "arguments": {}})
    assert listed == ["search_operations", "describe_operation", "call_operation"]
    assert (
        isinstance(found.structured_content, dict) and found.structured_content["operations"][0]["name"] == "get_ohlcv"
    )
    assert isinstance(described.structured_content, dict)
    assert described.structured_content["input_schema"]["properties"]["symbol"]["pattern"]  # the full schema
    assert isinstance(called.structured_content, dict) and called.structured_content["symbol"] == "ETH/USDT"
    assert error_of(trading)["code"] == "REFUSED" and "--allow-trading" in error_of(trading)["message"]
