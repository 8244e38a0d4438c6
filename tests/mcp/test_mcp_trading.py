"""Trading through MCP: hidden and refused without --allow-trading, confirmed by the human through elicitation with it.

Each confirmation test runs on both protocol eras: 2026-07-28 (the answer comes back as a retried call)
and 2025-11-25 (an ``elicitation/create`` request during the call).
"""

from __future__ import annotations

from typing import Any

import pytest
from heytraders_mcp.server import ServerOptions
from mcp.client.session import ClientRequestContext
from mcp_types import ElicitRequestParams, ElicitResult

from tests.mcp.harness import Sandbox, error_of, mcp_session

pytestmark = pytest.mark.anyio

ERAS = ["auto", "legacy"]


class Human:
    """Plays the user answering the client's confirmation dialog, and remembers what they were shown."""

    def __init__(self, action: str, confirm: bool = True) -> None:
        self.action = action
        self.confirm = confirm
        self.questions: list[str] = []

    async def __call__(self, context: ClientRequestContext, params: ElicitRequestParams) -> ElicitResult:
        self.questions.append(params.message)
        content = {"confirm": self.confirm} if self.action == "accept" else None
        return ElicitResult(action=self.action, content=content)  # type: ignore[arg-type]


async def order_and_key(sandbox: Sandbox) -> tuple[str, dict[str, Any]]:
    data = await sandbox.key()
    order = {
        "account_id": data["account_ids"]["binance"],
        "exchange": "binance",
        "symbol": "BTC/USDT",
        "side": "buy",
        "order_type": "limit",
        "amount": "0.001",
        "price": "50000",
        "label": "mcp-test-1",
    }
    return str(data["api_key"]), order


def orders_sent(sandbox: Sandbox) -> int:
    return sum(
        1 for request in sandbox.transport.sent if request.method == "POST" and request.url.path.endswith("/orders")
    )


async def test_without_allow_trading_the_trading_tools_are_absent_and_refused_by_name(sandbox: Sandbox) -> None:
    api_key, order = await order_and_key(sandbox)
    async with mcp_session(sandbox, ServerOptions(tools=["all"]), api_key=api_key) as client:
        listed = {tool.name for tool in (await client.list_tools()).tools}
        placed = await client.call_tool("place_order", order)
        cancelled = await client.call_tool("cancel_order", {"order_id": "ord_1"})
    assert "place_order" not in listed and "cancel_order" not in listed
    for result in (placed, cancelled):
        error = error_of(result)
        assert error["code"] == "REFUSED" and error["sent"] is False and "--allow-trading" in error["message"]
    assert orders_sent(sandbox) == 0


async def test_a_trade_mode_subscription_is_trading_too(sandbox: Sandbox) -> None:
    data = await sandbox.key()
    async with mcp_session(sandbox, ServerOptions(tools=["live-strategies"]), api_key=data["api_key"]) as client:
        strategies = await client.call_tool("list_live_strategies", {})
        assert isinstance(strategies.structured_content, dict)
        strategy = strategies.structured_content["items"][0]["strategy_id"]
        trade = {"strategy_id": strategy, "mode": "trade", "account_id": data["account_ids"]["binance"]}
        refused = await client.call_tool("subscribe_to_strategy", trade)
        signals = await client.call_tool("subscribe_to_strategy", {"strategy_id": strategy, "mode": "signal"})
    assert error_of(refused)["code"] == "REFUSED" and "--allow-trading" in error_of(refused)["message"]
    assert not signals.is_error


@pytest.mark.parametrize("mode", ERAS)
async def test_with_allow_trading_the_user_confirms_the_order_with_its_details(sandbox: Sandbox, mode: str) -> None:
    api_key, order = await order_and_key(sandbox)
    human = Human("accept")
    async with mcp_session(
        sandbox, ServerOptions(allow_trading=True), api_key=api_key, elicitation=human, mode=mode
    ) as client:
        assert "place_order" in {tool.name for tool in (await client.list_tools()).tools}
        result = await client.call_tool("place_order", order)
    assert not result.is_error, result.content
    assert isinstance(result.structured_content, dict) and result.structured_content["label"] == "mcp-test-1"
    assert len(human.questions) == 1 and orders_sent(sandbox) == 1
    question = human.questions[0]
    for detail in ("place_order", "BTC/USDT", "buy", "0.001", "50000", order["account_id"]):
        assert detail in question
    async with sandbox.sdk(api_key) as sdk:
        placed = await sdk.orders.list_orders(account_id=order["account_id"])
    assert [entry.label for entry in placed.orders] == ["mcp-test-1"]


@pytest.mark.parametrize(
    ("mode", "answer"),
    [("auto", Human("decline")), ("legacy", Human("cancel")), ("auto", Human("accept", confirm=False))],
)
async def test_an_order_the_user_does_not_confirm_is_not_sent(sandbox: Sandbox, mode: str, answer: Human) -> None:
    api_key, order = await order_and_key(sandbox)
    async with mcp_session(
        sandbox, ServerOptions(allow_trading=True), api_key=api_key, elicitation=answer, mode=mode
    ) as client:
        result = await client.call_tool("place_order", order)
    error = error_of(result)
    assert error["code"] == "REFUSED" and "did not confirm" in error["message"]
    assert len(answer.questions) == 1 and orders_sent(sandbox) == 0


@pytest.mark.parametrize("mode", ERAS)
async def test_a_client_without_elicitation_is_refused_unless_no_confirm(sandbox: Sandbox, mode: str) -> None:
    api_key, order = await order_and_key(sandbox)
    async with mcp_session(sandbox, ServerOptions(allow_trading=True), api_key=api_key, mode=mode) as client:
        refused = await client.call_tool("place_order", order)
    assert "elicitation" in error_of(refused)["message"] and "--no-confirm" in error_of(refused)["suggestion"]
    assert orders_sent(sandbox) == 0
    options = ServerOptions(allow_trading=True, confirm_trades=False)
    async with mcp_session(sandbox, options, api_key=api_key, mode=mode) as client:
        placed = await client.call_tool("place_order", order)
    assert not placed.is_error and orders_sent(sandbox) == 1


async def test_a_webhook_secret_is_never_a_tool_argument_but_the_server_can_supply_one(sandbox: Sandbox) -> None:
    data = await sandbox.key()
    secret = "whsec_server_side_0123456789"
    options = ServerOptions(tools=["live-strategies"], webhook_secret=secret)
    async with mcp_session(sandbox, options, api_key=data["api_key"]) as client:
        listed = {tool.name: tool for tool in (await client.list_tools()).tools}
        strategies = await client.call_tool("list_live_strategies", {})
        assert isinstance(strategies.structured_content, dict)
        strategy = strategies.structured_content["items"][0]["strategy_id"]
        subscribed = await client.call_tool("subscribe_to_strategy", {"strategy_id": strategy})
        assert isinstance(subscribed.structured_content, dict)
        subscription = subscribed.structured_content["subscription_id"]
        webhook = {"subscription_id": subscription, "url": "http://127.0.0.1:9/hook"}
        refused = await client.call_tool("configure_webhook", {**webhook, "secret": "whsec_from_the_model_0000"})
        configured = await client.call_tool("configure_webhook", webhook)
    assert "secret" not in str(listed["configure_webhook"].input_schema["properties"])
    assert "secret" not in str(listed["subscribe_to_strategy"].input_schema)
    error = error_of(refused)
    assert (error["parameter"], error["rule"], error["sent"]) == ("secret", "secret", False)
    assert "whsec_from_the_model" not in str(refused.content) + str(refused.structured_content)
    assert isinstance(configured.structured_content, dict)
    assert configured.structured_content["webhook"]["has_secret"] is True
    assert secret not in str(configured.content)
