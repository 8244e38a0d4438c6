"""Mock-only control routes, outside the API's base path. They answer plain JSON (errors in the envelope).

``POST /_mock/keys``                   a ready key: ``{"scopes": [...], "claimed": true, "user_id"?, "display_name"?}``
                                       → ``{api_key, key_id, agent_id, user_id, scopes, account_ids}``; a claimed key
                                       belongs to a new user (or ``user_id``) with one paper account per exchange.
``POST /_mock/claims/{code}/approve``  the user enters a claim code on the dashboard: ``{"scopes": [...],
                                       "user_id"?}``; ``research`` and ``read`` are always granted, ``trade`` on
                                       request. Unknown or expired code → 404 ``INVALID_CLAIM_CODE``; an 11th agent
                                       for one user → 403 ``AGENT_LIMIT_REACHED``; an agent another user claimed →
                                       403 ``KEY_OWNED_BY_OTHER_USER``; an unknown scope → 400 ``INVALID_PERMISSIONS``.
``GET /_mock/clock``                   ``{now, start, realtime}``.
``POST /_mock/clock/advance``          ``{"seconds": N}`` (0 to ten years; the clock stops at 2100) → ``{now}``; the
                                       state is synced to the new time (signals emitted, their webhooks queued, resting
                                       orders filled) before it answers.
``POST /_mock/reset``                  fresh state from the same seed, clock back at the start.
``POST /_mock/strategies/{id}/stop``   the live strategy stops (status ``stopped``, no more signals) and each active
                                       subscription's webhook gets a ``strategy_stopped`` event → ``{strategy_id,
                                       status, notified: [subscription_id, ...]}``. Unknown → 404
                                       ``STRATEGY_NOT_FOUND``.
``POST /_mock/strategies/{id}/start``  it runs again (status ``active``); signals resume from now, none replayed.
``GET /_mock/webhooks``                ``{deliveries: [...]}``, oldest first (the last 1000): every webhook delivery
                                       with ``url``, ``event``, ``delivery_id``, ``subscription_id``, ``test``,
                                       ``headers`` (the last attempt's, signature included, never the secret),
                                       ``body`` (the exact JSON sent), ``state`` (``pending``, ``delivered``,
                                       ``failed`` or ``refused``), ``error`` and ``attempts`` (``[{attempt, at,
                                       headers, status_code, response_time_ms, error}]``).
``GET|PUT|DELETE /_mock/faults``       only with fault injection on (``--faults``), a 404 otherwise: ``PUT {"seed"?,
                                       "rules": [{route, fault, probability}]}`` sets seeded faults per route, ``GET``
                                       shows them with the counters of faults injected by kind and by route, ``DELETE``
                                       clears both; each answers that view. ``faults`` has the grammar and the rules.

Webhook deliveries are real HTTP POSTs, to loopback receivers only (``webhooks`` has the rules). Each carries
``Content-Type: application/json``, ``User-Agent: HeyTraders-Webhooks/1.0 (sandbox)``, ``X-HeyTraders-Event``,
``X-HeyTraders-Delivery`` (``dlv_`` and 16 hex digits, the same on every retry), ``X-HeyTraders-Timestamp`` (Unix
seconds of this attempt) and, when the webhook has a secret, ``X-HeyTraders-Signature: sha256=<hex>``: the
lowercase hex HMAC-SHA256 under the secret (UTF-8) of ``f"{timestamp}.".encode() + raw_body``, the body being
the compact JSON ``WebhookDelivery`` (sorted keys, no spaces) exactly as sent.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from datetime import datetime
from decimal import Decimal
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from .clock import START, iso
from .context import Sandbox
from .errors import ApiError, error_response, not_found
from .faults import FaultInjector
from .guards import BodyError, load_json
from .signals import start_strategy, stop_strategy
from .store import AGENTS_PER_USER, Agent, LiveStrategy
from .trading import link_accounts

SCOPES = ("research", "read", "trade")
DEFAULT_USER = "usr_dashboard"

Endpoint = Callable[[Request], Awaitable[Response]]


def _bad(message: str, field: str) -> ApiError:
    return ApiError(
        "VALIDATION_ERROR", f"{field}: {message}", f"Fix {field}.", details={"parameter": field, "rule": "control"}
    )


async def _body(request: Request) -> dict[str, Any]:
    raw = await request.body()
    if not raw.strip():
        return {}
    try:
        body = load_json(raw)
    except BodyError as error:
        raise _bad(f"{error.message} (rule {error.rule})", "body") from None
    if not isinstance(body, dict):
        raise _bad("must be a JSON object", "body")
    return body


def _scopes(body: dict[str, Any], default: list[str]) -> list[str]:
    scopes = body.get("scopes", default)
    if not isinstance(scopes, list) or not all(isinstance(scope, str) and scope in SCOPES for scope in scopes):
        raise ApiError(
            "INVALID_PERMISSIONS",
            f"scopes must be a list of {', '.join(SCOPES)}; got {json.dumps(scopes)[:100]}.",
            'Send for example {"scopes": ["research", "read", "trade"]}.',
            details={"parameter": "scopes", "allowed": list(SCOPES)},
        )
    return [scope for scope in SCOPES if scope in scopes]


def claim(sandbox: Sandbox, agent: Agent, user_id: str, scopes: list[str], now: datetime) -> dict[str, Any]:
    """The user claims the agent: the key gains the scopes, stops expiring, and sees the user's accounts."""
    store = sandbox.store
    if agent.claimed and agent.user_id != user_id:
        raise ApiError(
            "KEY_OWNED_BY_OTHER_USER",
            "The API key belongs to a different user account.",
            "Claim it as the user who owns it, or register a new agent.",
        )
    user = store.user(user_id)
    if agent.key_id not in user.agent_ids and len(user.agent_ids) >= AGENTS_PER_USER:
        raise ApiError(
            "AGENT_LIMIT_REACHED",
            f"User {user_id} already has {AGENTS_PER_USER} claimed agents.",
            "Deactivate one on the dashboard first.",
            details={"limit": AGENTS_PER_USER},
        )
    agent.claimed_at = agent.claimed_at or now
    agent.expires_at = None
    agent.user_id = user_id
    agent.scopes = scopes
    if agent.key_id not in user.agent_ids:
        user.agent_ids.append(agent.key_id)
    link_accounts(store, user, sandbox.api.exchanges, now)
    return {
        "agent_id": agent.agent_id,
        "key_id": agent.key_id,
        "user_id": user_id,
        "scopes": list(scopes),
        "account_ids": {store.accounts[a].exchange: a for a in user.account_ids},
    }


def control_routes(sandbox: Sandbox, faults: FaultInjector | None = None) -> list[Route]:
    api = sandbox.api

    def endpoint(handler: Callable[[Request, datetime], Awaitable[dict[str, Any]]]) -> Endpoint:
        async def run(request: Request) -> Response:
            now = sandbox.clock.now()
            sandbox.sync(now)  # the outbox and balances a test reads here are as of now
            try:
                return JSONResponse(await handler(request, now))
            except ApiError as error:
                return error_response(error, error.status or api.error_status.get(error.code, 400), now)

        return run

    async def keys(request: Request, now: datetime) -> dict[str, Any]:
        body = await _body(request)
        claimed = body.get("claimed", True)
        if not isinstance(claimed, bool):
            raise _bad("must be true or false", "claimed")
        scopes = _scopes(body, ["research", "read", "trade"] if claimed else ["research"])
        name = body.get("display_name", "Test Agent")
        if not isinstance(name, str) or not 1 <= len(name) <= 50:
            raise _bad("must be a string of 1 to 50 characters", "display_name")
        agent = sandbox.store.add_agent(now=now, display_name=name, key_prefix="ht_test_" if claimed else "ht_prov_")
        agent.scopes = scopes
        answer: dict[str, Any] = {"user_id": None, "account_ids": {}}
        if claimed:
            user_id = body.get("user_id") or sandbox.store.new_id("usr_")
            if not isinstance(user_id, str):
                raise _bad("must be a string", "user_id")
            answer = claim(sandbox, agent, user_id, scopes, now)
        return {
            **answer,
            "api_key": agent.api_key,
            "key_id": agent.key_id,
            "agent_id": agent.agent_id,
            "scopes": scopes,
        }

    async def approve(request: Request, now: datetime) -> dict[str, Any]:
        code = request.path_params["code"]
        body = await _body(request)
        scopes = _scopes(body, ["research", "read"])
        user_id = body.get("user_id", DEFAULT_USER)
        if not isinstance(user_id, str) or not user_id:
            raise _bad("must be a non-empty string", "user_id")
        entry = sandbox.store.claims.get(code)
        if entry is None or now >= entry.expires_at:
            raise ApiError(
                "INVALID_CLAIM_CODE",
                f"The claim code {code} is unknown or expired (codes are valid for 30 minutes).",
                "Ask the agent for a new code (POST /meta/request-claim).",
            )
        agent = sandbox.store.agents[entry.key_id]
        granted = [scope for scope in SCOPES if scope in {"research", "read", *scopes}]
        answer = claim(sandbox, agent, user_id, granted, now)
        del sandbox.store.claims[code]  # a code is used once
        return answer

    async def clock(request: Request, now: datetime) -> dict[str, Any]:
        return {"now": iso(now), "start": iso(START), "realtime": sandbox.clock.realtime}

    async def advance(request: Request, now: datetime) -> dict[str, Any]:
        seconds = (await _body(request)).get("seconds")
        if (
            isinstance(seconds, bool)
            or not isinstance(seconds, int | float | Decimal)
            or not 0 <= seconds <= 10 * 365 * 86400
        ):
            raise _bad("must be a number of seconds, 0 to ten years", "seconds")
        try:
            moved = sandbox.clock.advance(float(seconds))
        except ValueError as error:
            raise _bad(f"{error}; POST /_mock/reset starts it again", "seconds") from None
        sandbox.sync(moved)  # what the new time brings (signals, webhooks, fills) happens now, not at the next request
        return {"now": iso(moved)}

    async def reset(request: Request, now: datetime) -> dict[str, Any]:
        sandbox.reset()
        return {"now": iso(sandbox.clock.now())}

    async def webhooks(request: Request, now: datetime) -> dict[str, Any]:
        return {"deliveries": sandbox.store.outbox.view()}

    def strategy(request: Request) -> LiveStrategy:
        strategy_id = request.path_params["strategy_id"]
        found = sandbox.store.strategies.get(strategy_id)
        if found is None:
            hint = "List the strategies with GET /live-strategies."
            raise not_found("STRATEGY_NOT_FOUND", "Live strategy", strategy_id, hint)
        return found

    async def stop(request: Request, now: datetime) -> dict[str, Any]:
        stopped = strategy(request)
        notified = stop_strategy(sandbox.store, stopped, now)
        return {"strategy_id": stopped.strategy_id, "status": stopped.status, "notified": notified}

    async def start(request: Request, now: datetime) -> dict[str, Any]:
        started = strategy(request)
        start_strategy(sandbox.store, started, now)
        return {"strategy_id": started.strategy_id, "status": started.status}

    async def fault_settings(request: Request, now: datetime) -> dict[str, Any]:
        assert faults is not None  # the route exists only with fault injection on
        if request.method == "PUT":
            faults.configure(await _body(request))
        elif request.method == "DELETE":
            faults.clear()
        return faults.view()

    methods = ["GET", "PUT", "DELETE"]
    return [
        *([Route("/_mock/faults", endpoint(fault_settings), methods=methods)] if faults is not None else []),
        Route("/_mock/keys", endpoint(keys), methods=["POST"]),
        Route("/_mock/claims/{code}/approve", endpoint(approve), methods=["POST"]),
        Route("/_mock/clock", endpoint(clock), methods=["GET"]),
        Route("/_mock/clock/advance", endpoint(advance), methods=["POST"]),
        Route("/_mock/reset", endpoint(reset), methods=["POST"]),
        Route("/_mock/webhooks", endpoint(webhooks), methods=["GET"]),
        Route("/_mock/strategies/{strategy_id}/stop", endpoint(stop), methods=["POST"]),
        Route("/_mock/strategies/{strategy_id}/start", endpoint(start), methods=["POST"]),
    ]
