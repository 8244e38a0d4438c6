"""Workflow tools: the SDK's hand-written helpers (``heytraders.lib``) as tools, never re-implemented here.

- ``run_backtest``: ``client.backtest.run`` submits a backtest and waits for it; each status it polls
  becomes an MCP progress notification, and the answer is the summary with the dashboard URL.
- ``claim_agent``: ``client.meta.claim`` runs in the background; the first call answers with the
  code and link for the human, later calls say when the user has claimed the agent.
- ``get_new_signals``: ``client.live_strategies.stream_signals`` from a cursor, each signal once.
"""

from __future__ import annotations

import logging
import time
from collections.abc import AsyncGenerator, Awaitable, Callable, Mapping
from contextlib import aclosing
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, cast

import anyio
from anyio.abc import TaskGroup
from heytraders import (
    AsyncHeyTraders,
    BacktestCancelledError,
    BacktestFailedError,
    BacktestTimeoutError,
    ClaimError,
    ClaimExpiredError,
    ClaimTimeoutError,
    HeyTradersError,
    RequestValidationError,
    models,
)
from heytraders._catalog import CATALOG
from mcp.server.context import ServerRequestContext
from mcp_types import CallToolResult, ToolAnnotations

from . import results
from .calls import CallPolicy, argument_error, from_exception
from .tools import Access, ToolDef, announced_schema, concise

logger = logging.getLogger("heytraders_mcp")

DEFAULT_BACKTEST_TIMEOUT = 600
MAX_WAIT_SECONDS = 300


@dataclass(frozen=True)
class Timing:
    """How workflows wait and tell time; tests pass ones that move the sandbox's clock instead."""

    sleep: Callable[[float], Awaitable[None]] = anyio.sleep
    clock: Callable[[], float] = time.monotonic


@dataclass
class ClaimWatch:
    """One claim in progress: ``client.meta.claim`` running in the background, and what it reported."""

    code: models.ClaimCode | None = None
    agent: models.Agent | None = None
    failure: Exception | None = None
    code_given: anyio.Event = field(default_factory=anyio.Event)
    done: anyio.Event = field(default_factory=anyio.Event)

    async def run(self, client: AsyncHeyTraders, display_name: str, description: Any, timing: Timing) -> None:
        def on_code(code: models.ClaimCode) -> None:
            self.code = code
            self.code_given.set()

        try:
            self.agent = await client.meta.claim(
                display_name=display_name,
                description=description,
                on_code=on_code,
                sleep=timing.sleep,
                clock=timing.clock,
            )
        except Exception as failure:  # reported by the next call; a crash here must not stop the server
            if not isinstance(failure, HeyTradersError):
                logger.exception("the claim in the background failed")
            self.failure = failure
        finally:
            self.done.set()


@dataclass
class Runtime:
    """What lives as long as the server: the task group of background work, and the claim in progress."""

    tasks: TaskGroup
    claim: ClaimWatch | None = None


@dataclass(frozen=True)
class WorkflowCall:
    """Everything a workflow needs for one call."""

    client: AsyncHeyTraders
    policy: CallPolicy
    request: ServerRequestContext[Any, Any]
    runtime: Runtime
    timing: Timing


Workflow = Callable[[WorkflowCall, dict[str, Any]], Awaitable[CallToolResult]]


def _seconds(description: str, default: int, maximum: int, minimum: int = 0) -> dict[str, Any]:
    return {"type": "integer", "minimum": minimum, "maximum": maximum, "default": default, "description": description}


def _number_argument(arguments: dict[str, Any], name: str, schema: Mapping[str, Any]) -> float:
    """A workflow's own numeric argument (the SDK does not know it), checked like the SDK checks its own."""
    value = arguments.pop(name, schema["default"])
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or not (schema["minimum"] <= value <= schema["maximum"])
    ):
        raise RequestValidationError(
            parameter=name,
            rule="range",
            value=value,
            message=f"must be a number from {schema['minimum']} to {schema['maximum']}",
            suggestion=f"leave it out for {schema['default']}",
        )
    return float(value)


# ---- run_backtest ---------------------------------------------------------------------------------------

BACKTEST_TIMEOUT = _seconds(
    "Seconds to wait for the job; it is cancelled on the server if it is not done by then.",
    DEFAULT_BACKTEST_TIMEOUT,
    3600,
    minimum=10,
)


async def run_backtest(call: WorkflowCall, arguments: dict[str, Any]) -> CallToolResult:
    timeout = _number_argument(arguments, "timeout_seconds", BACKTEST_TIMEOUT)

    async def progress(status: models.BacktestStatus) -> None:
        await call.request.session.report_progress(status.progress, 100.0, f"backtest {status.status.value}")

    try:
        run = await call.client.backtest.run(
            **arguments, timeout=timeout, on_progress=progress, sleep=call.timing.sleep, clock=call.timing.clock
        )
    except BacktestFailedError as failed:
        return results.error(
            "BACKTEST_FAILED",
            failed.message or str(failed),
            suggestion="Fix the script (the message names the line); the Signal DSL guide is get_signal_dsl_doc.",
            backtest_id=failed.backtest_id,
        )
    except BacktestCancelledError as cancelled:
        return results.error("BACKTEST_CANCELLED", str(cancelled), backtest_id=cancelled.backtest_id)
    except BacktestTimeoutError as late:
        return results.error(
            "BACKTEST_TIMEOUT",
            str(late) + (" It was cancelled on the server." if late.cancelled else ""),
            suggestion="Run it again with a larger timeout_seconds, or over a shorter period or fewer tickers.",
            backtest_id=late.backtest_id,
        )
    except HeyTradersError as failure:
        return from_exception(failure)
    answer = {
        "backtest_id": run.backtest_id,
        "result_id": run.result_id,
        "dashboard_url": run.dashboard_url,
        "summary": run.summary,
        "next": "Show the user the dashboard_url. With result_id: get_backtest_metrics, list_backtest_trades, "
        "get_backtest_equity, get_backtest_analysis.",
    }
    return results.ok(answer, max_chars=call.policy.max_result_chars)


# ---- claim_agent -----------------------------------------------------------------------------------------

CLAIM_WAIT = _seconds(
    "Seconds to wait for the user to claim the agent before answering; the first call answers as soon as "
    "the code is there.",
    30,
    MAX_WAIT_SECONDS,
)


async def claim_agent(call: WorkflowCall, arguments: dict[str, Any]) -> CallToolResult:
    wait = _number_argument(arguments, "wait_seconds", CLAIM_WAIT)
    watch = call.runtime.claim
    if watch is None:
        watch = call.runtime.claim = ClaimWatch()
        call.runtime.tasks.start_soon(
            watch.run, call.client, arguments["display_name"], arguments.get("description"), call.timing
        )
        with anyio.move_on_after(max(wait, 5.0)):  # the first answer is the code, as soon as it is there
            async with anyio.create_task_group() as first:

                async def until(event: anyio.Event) -> None:
                    await event.wait()
                    first.cancel_scope.cancel()

                first.start_soon(until, watch.code_given)
                first.start_soon(until, watch.done)
    else:
        with anyio.move_on_after(wait):
            await watch.done.wait()
    if watch.done.is_set():
        call.runtime.claim = None  # the next call starts afresh (and answers at once if claimed)
        if isinstance(watch.failure, ClaimError):
            return results.error(
                _CLAIM_CODES.get(type(watch.failure), "CLAIM_FAILED"),
                str(watch.failure),
                suggestion="Call claim_agent again when the user is ready to enter a code.",
            )
        if isinstance(watch.failure, HeyTradersError):
            return from_exception(watch.failure)
        if watch.failure is not None:
            return results.error("INTERNAL_ERROR", "heytraders-mcp failed waiting for the claim; see its log.")
        return results.ok({"status": "claimed", "agent": watch.agent})
    if watch.code is None:
        return results.ok({"status": "starting", "next": "Call claim_agent again in a moment for the code."})
    return results.ok(
        {
            "status": "waiting_for_user",
            "claim_code": watch.code.claim_code,
            "claim_url": str(watch.code.claim_url or "https://hey-traders.com/dashboard/claim"),
            "expires_in_seconds": watch.code.expires_in,
            "next": "Show the user the claim_code and claim_url: they sign in there and enter the code. Then call "
            "claim_agent again; it waits up to wait_seconds and says when the claim is done. An expired code is "
            "replaced by a new one.",
        }
    )


_CLAIM_CODES: dict[type[ClaimError], str] = {ClaimExpiredError: "CLAIM_EXPIRED", ClaimTimeoutError: "CLAIM_TIMEOUT"}


# ---- get_new_signals -------------------------------------------------------------------------------------

MAX_SIGNALS = {"type": "integer", "minimum": 1, "maximum": 100, "default": 20, "description": "Most signals to return."}
SIGNAL_WAIT = _seconds("Seconds to wait for new signals when there are none yet; 0 looks once.", 0, MAX_WAIT_SECONDS)


async def get_new_signals(call: WorkflowCall, arguments: dict[str, Any]) -> CallToolResult:
    wait = _number_argument(arguments, "wait_seconds", SIGNAL_WAIT)
    limit = int(_number_argument(arguments, "max_signals", MAX_SIGNALS))
    since = arguments.get("since")
    try:
        cursor = datetime.fromisoformat(since) if isinstance(since, str) else None
    except ValueError:
        cursor = None
    signals: list[models.Signal] = []
    # An async generator (the overlay's), so leaving early can close it at once.
    stream = cast(
        AsyncGenerator[models.Signal, None],
        call.client.live_strategies.stream_signals(
            arguments["subscription_id"],
            since=since,
            timeout=wait,
            poll_interval=min(10.0, max(wait, 1.0)),
            sleep=call.timing.sleep,
            clock=call.timing.clock,
        ),
    )
    try:
        async with aclosing(stream) as new_signals:
            async for signal in new_signals:
                if cursor is not None and signal.generated_at == cursor:
                    continue  # the call that handed out this cursor returned it (see below)
                if len(signals) >= limit and signal.generated_at != signals[-1].generated_at:
                    break  # never split signals of one instant, so the cursor can be that instant
                signals.append(signal)
    except RequestValidationError as invalid:
        return from_exception(invalid)
    except ValueError as bad_since:  # `since` is not a time with a zone
        return from_exception(
            RequestValidationError(
                parameter="since",
                rule="format",
                value=since,
                message=str(bad_since),
                suggestion="pass the cursor of the previous call, or an ISO 8601 time with its zone",
            )
        )
    except HeyTradersError as failure:
        return from_exception(failure)
    next_cursor = signals[-1].generated_at.isoformat() if signals else since
    return results.ok(
        {
            "signals": signals,
            "cursor": next_cursor,
            "next": "Pass cursor as `since` next time: you get only newer signals, none twice.",
        },
        max_chars=call.policy.max_result_chars,
    )


# ---- the tools ---------------------------------------------------------------------------------------------

WORKFLOWS: dict[str, Workflow] = {
    "run_backtest": run_backtest,
    "claim_agent": claim_agent,
    "get_new_signals": get_new_signals,
}


def _schema(operation_id: str, extra: Mapping[str, Any], keep: tuple[str, ...] | None = None) -> dict[str, Any]:
    base = announced_schema(CATALOG[operation_id].input_schema)
    properties = {k: v for k, v in base["properties"].items() if keep is None or k in keep}
    required = [name for name in base.get("required", []) if name in properties]
    schema: dict[str, Any] = {"type": "object", "properties": {**properties, **extra}}
    if required:
        schema["required"] = required
    return schema


def _later_paragraphs(operation_id: str) -> str:
    """The operation's description without its first paragraph (how to drive it by hand)."""
    return concise(CATALOG[operation_id].description).partition("\n\n")[2]


def workflow_tools() -> list[ToolDef]:
    signal_schema = _schema(
        "get_latest_signals", {"max_signals": MAX_SIGNALS, "wait_seconds": SIGNAL_WAIT}, ("subscription_id",)
    )
    signal_schema["properties"]["since"] = {
        "type": "string",
        "description": "The cursor the previous call returned; leave it out the first time (the latest signals).",
    }
    return [
        ToolDef(
            name="run_backtest",
            group="backtest",
            title="Run a backtest and wait for its results",
            description=(
                "Submits a backtest, waits for it (with progress notifications) and returns the summary with its "
                "key metrics, the result_id and the dashboard_url to show the user.\n\n"
                + _later_paragraphs("execute_backtest")
            ),
            input_schema=_schema("execute_backtest", {"timeout_seconds": BACKTEST_TIMEOUT}),
            access=Access.WRITE,
            annotations=ToolAnnotations(read_only_hint=False, destructive_hint=False, idempotent_hint=False),
            covers=("execute_backtest", "get_backtest_status", "get_backtest_result"),
        ),
        ToolDef(
            name="claim_agent",
            group="meta",
            title="Have the user claim this agent",
            description=(
                "Links this agent to the user's account, which unlocks the `read` scope (and `trade` if the user "
                "opts in). The first call returns a claim code and a link for the user; call again to learn when "
                "they have entered it (expired codes are replaced)."
            ),
            input_schema=_schema("request_claim", {"wait_seconds": CLAIM_WAIT}),
            access=Access.WRITE,
            annotations=ToolAnnotations(read_only_hint=False, destructive_hint=False, idempotent_hint=True),
            covers=("request_claim",),
        ),
        ToolDef(
            name="get_new_signals",
            group="live-strategies",
            title="Get a subscription's new signals",
            description=(
                "Returns a subscription's signals since the cursor of the previous call, oldest first, each once, "
                "and the next cursor. Can wait for new ones."
            ),
            input_schema=signal_schema,
            access=Access.READ,
            annotations=ToolAnnotations(read_only_hint=True),
            covers=("get_latest_signals",),
        ),
    ]


async def run_workflow(tool: ToolDef, call: WorkflowCall, arguments: dict[str, Any]) -> CallToolResult:
    problem = argument_error(tool, arguments)
    if problem is not None:
        return from_exception(problem)
    try:
        return await WORKFLOWS[tool.name](call, dict(arguments))
    except RequestValidationError as invalid:
        return from_exception(invalid)
