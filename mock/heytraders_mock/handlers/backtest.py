"""backtest: jobs that move from queued to running to completed on the mock clock, and their results.

Choices: ``end_date`` must fall after ``start_date`` and a grid's ``lower_price`` below its
``upper_price`` (``VALIDATION_ERROR``); jobs and results belong to the key that started them
(another key's ID is ``BACKTEST_NOT_FOUND``); a provisional key's backtests count against its hourly
and daily quota when they are accepted, and claimed keys have no quota. Everything else wrong with a
backtest (an unknown ticker, a script error, too little history, too large a range) is accepted and
fails the job, with the reason in its status ``message``. The simulation runs when the job's running
phase has ended and its status or results are first read, so the status and the results always agree.
A simulation that breaks in an unexpected way is logged and fails the job once (``INTERNAL_ERROR: ...``),
so its status reads the same every time and never answers 500.

Caps: a key keeps ``MockConfig.backtests_per_key`` (100) jobs. Starting one more forgets the key's oldest
finished (completed, failed or cancelled) job and its result, whose IDs are then ``BACKTEST_NOT_FOUND``;
while all of them are queued or running, it is a 429 ``QUOTA_EXCEEDED`` whose ``Retry-After`` is the time
until the oldest finishes. The last ``store.RESULTS_KEPT`` results read stay in memory; an older one is
simulated again (the same figures) when it is next read.
"""

from __future__ import annotations

import logging
import math
from datetime import timedelta
from typing import Any

from ..context import Context, handles
from ..errors import ApiError, not_found
from ..simulation import (
    QUEUED_SECONDS,
    RUNNING_SECONDS,
    JobState,
    Result,
    SimulationError,
    failure_of,
    internal_failure,
    job_state,
    simulate,
    status_view,
)
from ..store import ULID, Agent, Backtest
from ..validation import invalid

logger = logging.getLogger("heytraders_mock.backtest")
FINISHED = ("completed", "failed", "cancelled")
NOT_FOUND_HINT = "Use the backtest_id from POST /backtest/execute, or the result_id from its status once completed."


def _quota(ctx: Context, agent: Agent) -> None:
    moment = ctx.now.timestamp()
    for window, period in ((agent.backtests_hour, "hour"), (agent.backtests_day, "day")):
        wait = window.retry_after(moment)
        if wait is not None:
            raise ApiError(
                "FREE_QUOTA_EXCEEDED",
                f"A provisional key may start {window.limit} backtests per {period}; this one has used them.",
                "Wait for the number of seconds in Retry-After, or claim the agent (POST /meta/request-claim) "
                "to lift the quota.",
                details={"limit": window.limit, "used": window.used(moment), "period": period},
                headers={"Retry-After": str(wait)},
            )


def _make_room(ctx: Context, agent: Agent) -> None:
    """Forget the key's oldest finished job when it has as many as it may keep (see the module's caps)."""
    limit = ctx.sandbox.config.backtests_per_key
    mine = [backtest for backtest in ctx.store.backtests.values() if backtest.key_id == agent.key_id]
    if len(mine) < limit:
        return
    states = [(backtest, job_state(backtest, ctx.now)) for backtest in mine]
    finished = next((backtest for backtest, state in states if state.status in FINISHED), None)
    if finished is not None:
        ctx.store.forget_backtest(finished)
        return
    soonest = min(backtest.created_at + timedelta(seconds=QUEUED_SECONDS + RUNNING_SECONDS) for backtest, _ in states)
    wait = max(1, math.ceil((soonest - ctx.now).total_seconds()))
    raise ApiError(
        "QUOTA_EXCEEDED",
        f"This key has {len(mine)} backtests queued or running; the sandbox keeps at most {limit} per key.",
        "Wait for the number of seconds in Retry-After (the oldest job finishes then), or cancel a job.",
        details={"limit": limit, "used": len(mine), "period": "concurrent"},
        headers={"Retry-After": str(wait)},
    )


@handles("execute_backtest")
def execute_backtest(ctx: Context) -> dict[str, Any]:
    agent = ctx.caller()
    view = ctx.view  # the date range, grid bounds and z-scores are in order: the spec's request rules
    _make_room(ctx, agent)
    if not agent.claimed:
        _quota(ctx, agent)
        agent.backtests_hour.add(ctx.now.timestamp())
        agent.backtests_day.add(ctx.now.timestamp())
    request = {**{k: v for k, v in ctx.op.defaults.items()}, **view}
    backtest = Backtest(
        backtest_id=ctx.store.new_id("bt_", 10, ULID),
        result_id=ctx.store.new_id("res_", 10, ULID),
        key_id=agent.key_id,
        request=request,
        created_at=ctx.now,
        failure=failure_of(ctx.market, request, ctx.now),
    )
    ctx.store.backtests[backtest.backtest_id] = backtest
    return {
        "backtest_id": backtest.backtest_id,
        "status": "queued",
        "created_at": status_view(backtest, ctx.now)["created_at"],
    }


def own_backtest(ctx: Context, backtest_id: str) -> Backtest:
    backtest = ctx.store.backtests.get(backtest_id)
    if backtest is None or backtest.key_id != ctx.caller().key_id:
        raise not_found("BACKTEST_NOT_FOUND", "Backtest", backtest_id, NOT_FOUND_HINT)
    return backtest


def settle(ctx: Context, backtest: Backtest) -> JobState:
    """The job's state, once simulated if its running phase has ended (a failure is recorded on the job)."""
    state = job_state(backtest, ctx.now)
    if state.status == "completed" and state.completed_at is not None and ctx.store.result(backtest.result_id) is None:
        try:
            ctx.store.keep_result(backtest.result_id, simulate(ctx.market, backtest, state.completed_at))
        except SimulationError as error:
            backtest.failure = error.message
        except Exception as error:  # a bug of the sandbox: fail the job once rather than answer 500 on every read
            logger.exception("simulating backtest %s failed", backtest.backtest_id)
            backtest.failure = internal_failure(error)
        state = job_state(backtest, ctx.now)
    return state


def result_of(ctx: Context, backtest: Backtest) -> Result | None:
    """The backtest's result once it has completed (simulated on first use), else None."""
    if settle(ctx, backtest).status != "completed":
        return None
    result = ctx.store.result(backtest.result_id)
    assert isinstance(result, Result)
    return result


def own_result(ctx: Context, result_id: str) -> Result:
    key_id = ctx.caller().key_id
    backtest = next((b for b in ctx.store.backtests.values() if b.result_id == result_id), None)
    result = result_of(ctx, backtest) if backtest is not None and backtest.key_id == key_id else None
    if result is None:
        raise not_found("BACKTEST_NOT_FOUND", "Backtest result", result_id, NOT_FOUND_HINT)
    return result


@handles("get_backtest_status")
def get_backtest_status(ctx: Context) -> dict[str, Any]:
    backtest = own_backtest(ctx, ctx.view["backtest_id"])
    settle(ctx, backtest)
    return status_view(backtest, ctx.now)


@handles("cancel_backtest")
def cancel_backtest(ctx: Context) -> dict[str, Any]:
    backtest = own_backtest(ctx, ctx.view["backtest_id"])
    status = settle(ctx, backtest).status
    if status in ("completed", "failed"):
        raise invalid(
            "backtest_id",
            "job-is-cancellable",
            f"the job has {status}; only queued or running jobs can be cancelled",
            "Nothing to cancel: read its status instead.",
            backtest.backtest_id,
        )
    if status != "cancelled":
        backtest.cancelled_at = ctx.now
    return status_view(backtest, ctx.now)


@handles("get_backtest_result")
def get_backtest_result(ctx: Context) -> dict[str, Any]:
    return own_result(ctx, ctx.view["result_id"]).summary


@handles("get_backtest_metrics")
def get_backtest_metrics(ctx: Context) -> dict[str, Any]:
    return own_result(ctx, ctx.view["result_id"]).metrics


@handles("get_backtest_per_ticker")
def get_backtest_per_ticker(ctx: Context) -> list[dict[str, Any]]:
    return own_result(ctx, ctx.view["result_id"]).per_ticker


@handles("list_backtest_trades")
def list_backtest_trades(ctx: Context) -> dict[str, Any]:
    result = own_result(ctx, ctx.view["result_id"])
    limit, offset = int(ctx.arg("limit")), int(ctx.arg("offset"))
    return {
        "trades": result.trades[offset : offset + limit],
        "total": len(result.trades),
        "limit": limit,
        "offset": offset,
    }


@handles("get_backtest_equity")
def get_backtest_equity(ctx: Context) -> dict[str, Any]:
    result = own_result(ctx, ctx.view["result_id"])
    return {"result_id": result.result_id, "points": result.equity}


@handles("get_backtest_analysis")
def get_backtest_analysis(ctx: Context) -> dict[str, Any]:
    result = own_result(ctx, ctx.view["result_id"])
    return {"result_id": result.result_id, "analysis": result.analysis, "generated_at": result.summary["created_at"]}
