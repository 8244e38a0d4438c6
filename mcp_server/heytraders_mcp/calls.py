"""Running an API operation as a tool: check, guard, confirm, call the SDK, shape the answer.

The SDK does the validation (every constraint and request rule, before anything is sent), the
retries, the redaction and the order safety; this module adds what only a tool server needs:
arguments the method does not take are refused by name, secrets never come from the model,
trading calls are refused unless trading is allowed and confirmed by the human otherwise, and
every failure becomes a tool error carrying the API's code, message, suggestion and retry_after.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from heytraders import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AsyncHeyTraders,
    HeyTradersError,
    OrderStatusUnknownError,
    RequestValidationError,
)
from heytraders._exceptions import MISSING, APIResponseValidationError, MissingAPIKeyError
from heytraders._validation import decimal_form
from jsonschema import Draft202012Validator
from mcp.server.context import ServerRequestContext
from mcp_types import CallToolRequestParams, CallToolResult, InputRequiredResult

from . import confirm, results
from .tools import Access, ToolDef

logger = logging.getLogger("heytraders_mcp")

WEBHOOK_SECRET_ENV = "HEYTRADERS_WEBHOOK_SECRET"
MISSING_API_KEY_SUGGESTION = (
    "Ask the user to set HEYTRADERS_API_KEY in the MCP server's environment, or to save the key with the "
    "`heytraders` command line; never ask them to paste it into the conversation."
)
# After a result is cut, the tool that summarises what was cut.
SUMMARY_TOOLS = {
    "list_backtest_trades": "get_backtest_metrics",
    "get_backtest_equity": "get_backtest_metrics",
    "get_backtest_per_ticker": "get_backtest_metrics",
}

Outcome = CallToolResult | InputRequiredResult


@dataclass(frozen=True)
class CallPolicy:
    """What the server was started to allow.

    Attributes:
        allow_trading: Trading calls may run (``--allow-trading``).
        confirm_trades: Each trading call is confirmed by the human first (off with ``--no-confirm``).
        max_result_chars: Results longer than this, as JSON, are cut.
        webhook_secret: Fills the webhook ``secret`` fields, which the model never supplies.
    """

    allow_trading: bool = False
    confirm_trades: bool = True
    max_result_chars: int = results.DEFAULT_MAX_RESULT_CHARS
    webhook_secret: str | None = None

    def __repr__(self) -> str:  # the secret stays out of every repr
        return (
            f"CallPolicy(allow_trading={self.allow_trading}, confirm_trades={self.confirm_trades}, "
            f"max_result_chars={self.max_result_chars}, webhook_secret={'<set>' if self.webhook_secret else None})"
        )


def json_money(schema: Any, value: Any) -> Any:
    """A money argument the model wrote as a JSON number, as the ``Decimal`` of that number's text.

    The MCP SDK has parsed the JSON already, so a number arrives as a float, which the SDK refuses for money.
    ``repr`` of a float parsed from JSON text gives that text back (the shortest text that round-trips; any
    decimal of up to 15 significant digits is exact), so ``Decimal(repr(value))`` is the amount the model
    wrote, never the float's binary expansion.
    """
    if not isinstance(schema, Mapping):
        return value
    if isinstance(value, float) and decimal_form(schema) is not None:
        return Decimal(repr(value))
    if isinstance(value, Mapping) and isinstance(schema.get("properties"), Mapping):
        return {key: json_money(schema["properties"].get(key), item) for key, item in value.items()}
    return value


def refusal(message: str, suggestion: str | None = None) -> CallToolResult:
    return results.error("REFUSED", message, suggestion=suggestion, sent=False)


def argument_error(tool: ToolDef, arguments: Mapping[str, Any]) -> RequestValidationError | None:
    """A parameter the tool does not take, a secret, or a missing required one: named before anything runs."""
    properties: Mapping[str, Any] = tool.input_schema.get("properties", {})
    for name, value in arguments.items():
        if name not in properties:
            return _secret_error(name) if (name,) in tool.secret_paths else _unknown(tool, name, value)
    for path in tool.secret_paths:
        parent = arguments.get(path[0]) if len(path) > 1 else None
        if isinstance(parent, Mapping) and path[-1] in parent:
            return _secret_error(".".join(path))
    for name in tool.input_schema.get("required", []):
        if name not in arguments:
            return RequestValidationError(
                parameter=name,
                rule="required",
                value=MISSING,
                message=f"is required by {tool.name}",
                suggestion=f"pass `{name}`: {properties[name].get('description', '')}".rstrip(": "),
            )
    return None


def _unknown(tool: ToolDef, name: str, value: Any) -> RequestValidationError:
    return RequestValidationError(
        parameter=name,
        rule="additionalProperties",
        value=value,
        message=f"is not a parameter of {tool.name}",
        suggestion=f"{tool.name} takes: {', '.join(tool.input_schema.get('properties', {})) or 'no arguments'}",
    )


def _secret_error(name: str) -> RequestValidationError:
    return RequestValidationError(
        parameter=name,
        rule="secret",
        value="<redacted>",
        message="is a secret, and secrets are never tool arguments (they would stay in the conversation)",
        suggestion=f"leave it out; the server signs webhooks with {WEBHOOK_SECRET_ENV} when the user sets it",
        secret=True,
    )


def with_secrets(tool: ToolDef, arguments: dict[str, Any], secret: str | None) -> dict[str, Any]:
    """The arguments with the server's webhook secret where the operation takes one."""
    if secret is None:
        return arguments
    filled = dict(arguments)
    for path in tool.secret_paths:
        if len(path) == 1:
            filled[path[0]] = secret
        elif isinstance(filled.get(path[0]), Mapping):  # only inside an object the model chose to send
            filled[path[0]] = {**filled[path[0]], path[-1]: secret}
    return filled


def is_trading_call(tool: ToolDef, arguments: Mapping[str, Any]) -> bool:
    """Trading tools always; others when the arguments ask for a trading mode (``mode: trade``)."""
    if tool.access is Access.TRADE:
        return True
    return any(Draft202012Validator(condition).is_valid(arguments) for condition in tool.trade_conditions)


async def guard_trading(
    tool: ToolDef,
    arguments: Mapping[str, Any],
    policy: CallPolicy,
    ctx: ServerRequestContext[Any, Any],
    params: CallToolRequestParams,
) -> Outcome | None:
    """None when the call may go ahead; otherwise the refusal, or the question to the user."""
    if not is_trading_call(tool, arguments):
        return None
    if not policy.allow_trading:
        return refusal(
            f"{tool.name} with these arguments trades with real money, and this server runs without --allow-trading.",
            "Tell the user; they can restart heytraders-mcp with --allow-trading.",
        )
    if not policy.confirm_trades:
        return None
    answer = await confirm.ask(ctx, params, confirm.question_for(tool.title, tool.name, arguments))
    if isinstance(answer, InputRequiredResult):
        return answer
    if answer == "unsupported":
        return refusal(
            f"{tool.name} needs the user's confirmation, and this MCP client cannot ask for it (it does not support "
            "elicitation). Nothing was sent.",
            "Use a client that supports elicitation, or the user can restart heytraders-mcp with --no-confirm.",
        )
    if answer == "declined":
        return refusal(f"The user did not confirm {tool.name}. Nothing was sent.")
    return None


async def run_operation(
    tool: ToolDef,
    client: AsyncHeyTraders,
    arguments: dict[str, Any],
    policy: CallPolicy,
    ctx: ServerRequestContext[Any, Any],
    params: CallToolRequestParams,
) -> Outcome:
    """Call one API operation as a tool."""
    assert tool.operation is not None and tool.info is not None
    problem = argument_error(tool, arguments)
    if problem is not None:
        return from_exception(problem)
    stopped = await guard_trading(tool, arguments, policy, ctx, params)
    if stopped is not None:
        return stopped
    method: Callable[..., Awaitable[Any]] = getattr(getattr(client, tool.info.group), tool.name)
    schemas = {param.name: param.schema for param in tool.operation.params}
    exact = {name: json_money(schemas.get(name), value) for name, value in arguments.items()}
    kwargs = with_secrets(tool, exact, policy.webhook_secret)
    if tool.operation.markdown:
        kwargs["markdown"] = True  # the documents read best as the markdown they are
    try:
        value = await method(**kwargs)
    except OrderStatusUnknownError as unknown:
        return await order_status_unknown(client, unknown)
    except HeyTradersError as failure:
        return from_exception(failure)
    more = results.more_hint(tool.input_schema.get("properties", {}), SUMMARY_TOOLS.get(tool.name))
    return results.ok(value, max_chars=policy.max_result_chars, more=more)


async def order_status_unknown(client: AsyncHeyTraders, unknown: OrderStatusUnknownError) -> CallToolResult:
    """The order may or may not exist: look for it by its label (the SDK's helper) before saying anything."""
    try:
        order = await client.orders.resolve_unknown_order(unknown)
    except (HeyTradersError, ValueError) as lookup:
        return results.error(
            "ORDER_STATUS_UNKNOWN",
            "The order may or may not have been placed, and looking it up failed too: "
            f"{type(lookup).__name__}. It was not retried.",
            suggestion="Do not place it again. Call list_orders with the account_id and symbol, and look for the "
            f"label {unknown.sent.get('label')!r}.",
            label=unknown.sent.get("label"),
        )
    if order is None:
        return results.error(
            "ORDER_NOT_PLACED",
            "The order request failed after it may have reached the server; looking it up by its label found "
            "no such order, so it was not placed.",
            suggestion="Placing it again is safe.",
            label=unknown.sent.get("label"),
        )
    return results.ok({"order": order, "note": "The response was lost, but the order exists (found by its label)."})


def from_exception(failure: HeyTradersError) -> CallToolResult:
    """The SDK's exception as a tool error carrying what the model needs to correct itself."""
    if isinstance(failure, RequestValidationError):
        return results.error(
            "VALIDATION_ERROR",
            str(failure).split("\nSuggestion:")[0],
            suggestion=failure.suggestion or None,
            parameter=failure.parameter,
            rule=failure.rule,
            sent=False,
        )
    if isinstance(failure, APIStatusError):
        return results.error(
            failure.code or f"HTTP_{failure.status_code}",
            failure.message,
            suggestion=failure.suggestion,
            retry_after=failure.retry_after,
            status=failure.status_code,
        )
    if isinstance(failure, MissingAPIKeyError):
        return results.error("MISSING_API_KEY", str(failure), suggestion=MISSING_API_KEY_SUGGESTION, sent=False)
    if isinstance(failure, APITimeoutError):
        return results.error("TIMEOUT", failure.message, suggestion="Try again in a moment.")
    if isinstance(failure, APIConnectionError):
        return results.error(
            "CONNECTION_ERROR", failure.message, suggestion="Check the network and HEYTRADERS_BASE_URL, then retry."
        )
    if isinstance(failure, APIResponseValidationError):
        return results.error("BAD_RESPONSE", failure.message, status=failure.status_code)
    return results.error(type(failure).__name__, str(failure))
