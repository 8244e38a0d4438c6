"""meta: registration and claim codes, the catalogs, health and capabilities.

Choices: registrations count per client IP once they succeed (an invalid body is a 400 and uses
nothing); the key is 32 random lower-case letters and digits after ``ht_prov_``; ``agent_id`` is
assigned at registration and never changes; ``request-claim`` renames the agent to the name the
user will see, and may be called again after a claim (the user re-approves to change scopes). A key
is found to belong to another user when that user approves its code (``KEY_OWNED_BY_OTHER_USER``
from ``POST /_mock/claims/{code}/approve``): the mock has no user behind ``request-claim`` itself.
"""

from __future__ import annotations

from typing import Any

from ..clock import iso
from ..context import Context, handles
from ..dsl import FUNCTIONS, OPERATORS, VARIABLE_TEXT, VARIABLES
from ..errors import ApiError
from ..store import CLAIM_CODE_LIFETIME, ClaimCode

CLAIM_URL = "https://hey-traders.com/dashboard/claim"


@handles("register_agent")
def register_agent(ctx: Context) -> dict[str, Any]:
    window = ctx.store.registrations.at(ctx.client_ip, ctx.now.timestamp())
    wait = window.retry_after(ctx.now.timestamp())
    if wait is not None:
        raise ApiError(
            "REGISTRATION_LIMIT",
            f"Too many registrations from this IP address; the limit is {window.limit} per hour.",
            "Wait for the number of seconds in the Retry-After header, or reuse a key you already have.",
            details={"limit": window.limit, "window_seconds": 3600},
            headers={"Retry-After": str(wait)},
        )
    window.add(ctx.now.timestamp())
    agent = ctx.store.add_agent(
        now=ctx.now,
        display_name=ctx.view["display_name"],
        description=ctx.view.get("description"),
        strategy_type=ctx.view.get("strategy_type"),
        risk_profile=ctx.view.get("risk_profile"),
    )
    config = ctx.sandbox.config
    assert agent.expires_at is not None
    return {
        "api_key": agent.api_key,
        "key_id": agent.key_id,
        "agent_id": agent.agent_id,
        "scopes": list(agent.scopes),
        "quota": {
            "backtests_per_hour": config.backtests_per_hour,
            "backtests_per_day": config.backtests_per_day,
            "backtests": {"used": 0, "limit": config.backtests_per_day},
        },
        "expires_at": iso(agent.expires_at),
    }


@handles("request_claim")
def request_claim(ctx: Context) -> dict[str, Any]:
    agent = ctx.caller()
    # The name the user will see on the dashboard becomes the agent's name.
    agent.display_name = ctx.view["display_name"]
    if "description" in ctx.view:
        agent.description = ctx.view["description"]
    code = ctx.store.new_claim_code()
    ctx.store.claims[code] = ClaimCode(code, agent.key_id, ctx.now + CLAIM_CODE_LIFETIME)
    return {"claim_code": code, "expires_in": int(CLAIM_CODE_LIFETIME.total_seconds()), "claim_url": CLAIM_URL}


@handles("get_my_agent")
def get_my_agent(ctx: Context) -> dict[str, Any]:
    return ctx.caller().view()


@handles("list_markets")
def list_markets(ctx: Context) -> dict[str, Any]:
    exchanges = []
    for exchange, info in ctx.sandbox.api.exchanges.items():
        types = sorted({market.market_type for market in ctx.market.markets(exchange)}) or [info["default_market_type"]]
        exchanges.append(
            {
                "id": exchange,
                "name": info["name"],
                "market_types": types,
                "quote_currencies": ctx.market.quote_currencies(exchange),
            }
        )
    return {"exchanges": exchanges}


@handles("list_indicators")
def list_indicators(ctx: Context) -> dict[str, Any]:
    return {
        "indicators": [
            {"name": name, "category": f.category, "description": f.description, "signature": f.signature}
            for name, f in FUNCTIONS.items()
        ],
        "operators": [{"symbol": symbol, "description": text} for symbol, text, _ in OPERATORS],
        "variables": [{"name": name, "description": VARIABLE_TEXT[name]} for name in VARIABLES],
    }


@handles("check_health")
def check_health(ctx: Context) -> dict[str, Any]:
    return {"status": "ok", "version": ctx.sandbox.api.version, "timestamp": iso(ctx.now)}


@handles("get_capabilities")
def get_capabilities(ctx: Context) -> dict[str, Any]:
    scopes = ctx.caller().scopes
    return {
        "scopes": list(scopes),
        "endpoints": [
            {"method": op.method, "path": op.path, "scope": op.scope, "summary": op.summary}
            for op in ctx.sandbox.api.operations
            if op.scope is None or op.scope in scopes
        ],
    }
