"""The tool definitions: built from the registry, valid for every client, annotated, secret-free, within budget."""

from __future__ import annotations

import json
import re
from decimal import Decimal

import pytest
from heytraders import AsyncHeyTraders
from heytraders._catalog import CATALOG
from heytraders._operations import EXECUTE_BACKTEST, OPERATIONS
from heytraders_mcp.calls import json_money
from heytraders_mcp.server import HeyTradersMCP, ServerOptions, all_tools, tool_list_chars
from heytraders_mcp.tools import (
    IDEMPOTENT_POSTS,
    LEGACY_ALIASES,
    READ_ONLY_POSTS,
    UNDOING_POSTS,
    Access,
    SelectionError,
    concise,
    select,
)

TOOLS = {tool.name: tool for tool in all_tools()}
BUDGET = 30_000


def listed(options: ServerOptions) -> HeyTradersMCP:
    return HeyTradersMCP(AsyncHeyTraders(api_key="ht_unused_0000000000", base_url="http://unused"), options)


def test_every_operation_is_a_tool_but_the_one_that_returns_a_new_key() -> None:
    operations = {name for name, tool in TOOLS.items() if not tool.is_workflow}
    assert operations == set(OPERATIONS) - {"register_agent"}


def test_names_are_valid_everywhere() -> None:
    for name in TOOLS:
        assert re.fullmatch(r"[A-Za-z0-9_-]{1,64}", name), name


def test_schemas_are_the_operations_parameters_without_refs_or_secrets() -> None:
    for name, tool in TOOLS.items():
        schema = tool.input_schema
        assert schema["type"] == "object", name
        assert "$ref" not in repr(schema) and "$defs" not in repr(schema), name
        assert "writeOnly" not in repr(schema), name
        if tool.is_workflow:
            continue
        expected = [param.name for param in OPERATIONS[name].params if (param.name,) not in tool.secret_paths]
        assert list(schema["properties"]) == expected, name
        for parameter, definition in schema["properties"].items():
            assert definition.get("description"), f"{name}.{parameter}"
    assert TOOLS["configure_webhook"].secret_paths == (("secret",),)
    assert TOOLS["subscribe_to_strategy"].secret_paths == (("webhook", "secret"),)


def test_annotations_say_what_each_tool_does() -> None:
    for name, tool in TOOLS.items():
        assert tool.title, name
        hints = tool.annotations
        if tool.access is Access.READ:
            assert hints.read_only_hint is True, name
        else:
            assert hints.read_only_hint is False and hints.destructive_hint is not None, name
    for name in ("place_order", "cancel_order", "subscribe_to_strategy", "delete_webhook"):
        assert TOOLS[name].annotations.destructive_hint is True, name
    for name in ("create_post", "run_backtest", "follow_arena_agent"):
        assert TOOLS[name].annotations.destructive_hint is False, name
    assert TOOLS["cancel_order"].annotations.idempotent_hint is True
    assert TOOLS["place_order"].annotations.idempotent_hint is False
    assert {name for name, tool in TOOLS.items() if tool.access is Access.TRADE} == {"place_order", "cancel_order"}
    assert TOOLS["subscribe_to_strategy"].trade_conditions  # trade mode needs the trade scope


def test_descriptions_name_tools_not_endpoints_and_leave_out_notes_on_the_spec() -> None:
    for name, tool in TOOLS.items():
        assert "this spec" not in tool.description, name
        assert not re.search(r"`(GET|POST|PUT|PATCH|DELETE) /", tool.description), name
    assert "`get_signal_dsl_doc`" in TOOLS["run_backtest"].description
    assert (
        concise("Defaults to 10 (this spec's choice). The older documents say 5. Keep it.")
        == "Defaults to 10. Keep it."
    )


def test_the_default_list_fits_the_context_budget_and_the_full_one_has_a_compact_mode() -> None:
    default = listed(ServerOptions())
    full = listed(ServerOptions(tools=["all"], allow_trading=True))
    compact = listed(ServerOptions(tools=["all"], allow_trading=True, compact=True))
    assert tool_list_chars(default.tools) <= BUDGET
    assert len(full.tools) == len(TOOLS) and tool_list_chars(full.tools) > BUDGET
    assert len(compact.tools) == 3 and tool_list_chars(compact.tools) < 3_000
    assert len(full.tools) <= 128  # the most tools one client accepts in a request


def test_selection_by_group_name_read_and_all() -> None:
    tools = list(TOOLS.values())
    market = select(tools, allow_trading=False, allowed=["market"]).enabled
    assert set(market) == {name for name, tool in TOOLS.items() if tool.group == "market"}
    live = select(tools, allow_trading=False, allowed=["live_strategies", "place_order"])
    assert "get_new_signals" in live.enabled and "place_order" not in live.enabled
    assert "--allow-trading" in live.refusals["place_order"]
    reads = select(tools, allow_trading=False, allowed=["read"]).enabled
    assert all(tool.access is Access.READ for tool in reads.values()) and "get_leaderboard" in reads
    with pytest.raises(SelectionError, match="'orderz'"):
        select(tools, allow_trading=False, allowed=["orderz"])


def test_the_catalog_gives_every_tool_its_operations_group() -> None:
    for name, tool in TOOLS.items():
        if not tool.is_workflow:
            assert tool.group == CATALOG[name].tag


def test_the_hand_kept_tables_name_operations_that_exist() -> None:
    """A renamed operation must not silently lose its annotation or its place in the default list."""
    for name in READ_ONLY_POSTS | UNDOING_POSTS | IDEMPOTENT_POSTS:
        assert OPERATIONS[name].method == "POST", name
    assert all(name in OPERATIONS for name in LEGACY_ALIASES)


def test_a_money_number_the_model_wrote_reaches_the_sdk_as_the_decimal_of_its_text() -> None:
    """The MCP SDK parses arguments into floats; money (``format: decimal``) must not stay one."""
    schemas = {param.name: param.schema for param in EXECUTE_BACKTEST.params}
    assert json_money(schemas["initial_cash"], json.loads("2500.10")) == Decimal("2500.1")
    assert json_money(schemas["initial_cash"], 0.1) == Decimal("0.1")  # not 0.1000000000000000055511…
    grid = json_money(schemas["grid"], {"lower_price": 0.3, "upper_price": "4000", "grid_count": 20})
    assert grid == {"lower_price": Decimal("0.3"), "upper_price": "4000", "grid_count": 20}
    assert json_money(schemas["trading_fee"], 0.0005) == 0.0005  # a ratio stays the number it is
