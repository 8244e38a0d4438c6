"""Asking the human to confirm a trading call, through MCP elicitation.

A ``confirm`` argument would be the model confirming with itself, so the question goes to the user's
client instead. It uses the SDK's ``Resolve(...)`` machinery, which works on every protocol version:
before 2026-07-28 it sends an ``elicitation/create`` request during the call; from 2026-07-28 on it
answers the call with an ``InputRequiredResult`` and the client calls again with the answer, which
the SDK binds to the exact question shown (other order details mean a new question). Nothing is sent
to the API before the user accepts.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

from mcp.server.context import ServerRequestContext
from mcp.server.elicitation import AcceptedElicitation
from mcp.server.mcpserver.context import Context
from mcp.server.mcpserver.resolve import Elicit, Resolve, build_resolver_plans, resolve_arguments
from mcp_types import CallToolRequestParams, InputRequiredResult
from pydantic import BaseModel, Field

Answer = Literal["confirmed", "declined", "unsupported"]


class Confirmation(BaseModel):
    """What the user answers."""

    confirm: bool = Field(description="Send it: yes or no.")


class AskTheUser:
    """A resolver that asks the user one question; its type is its wire key, stable across protocol rounds."""

    def __init__(self, question: str) -> None:
        self.question = question

    async def __call__(self, context: Context) -> Elicit[Confirmation]:
        return Elicit(self.question, Confirmation)


def client_can_elicit(ctx: ServerRequestContext[Any, Any]) -> bool:
    """Whether the client declared form elicitation (a bare ``elicitation: {}`` predates modes and means forms)."""
    capabilities = ctx.session.client_capabilities
    elicitation = capabilities.elicitation if capabilities is not None else None
    return elicitation is not None and (elicitation.form is not None or elicitation.url is None)


def question_for(title: str, tool: str, arguments: Mapping[str, Any]) -> str:
    """The question shown to the user: the action and every argument that will be sent."""
    lines = [f"{title}? The assistant asks to call {tool} with:"]
    lines.extend(f"  {name}: {_shown(value)}" for name, value in arguments.items())
    lines.append("Nothing is sent unless you confirm.")
    return "\n".join(lines)


async def ask(
    ctx: ServerRequestContext[Any, Any], params: CallToolRequestParams, question: str
) -> Answer | InputRequiredResult:
    """Ask the user; an ``InputRequiredResult`` is the question itself, to return as the call's answer."""
    if not client_can_elicit(ctx):
        return "unsupported"
    resolved = {"answer": (Resolve(AskTheUser(question)), True)}
    plans = build_resolver_plans(resolved, set())
    outcome = await resolve_arguments(resolved, plans, {}, Context(request_context=ctx, input_params=params))
    if isinstance(outcome, InputRequiredResult):
        return outcome
    answer = outcome["answer"]
    confirmed = isinstance(answer, AcceptedElicitation) and bool(answer.data.confirm)
    return "confirmed" if confirmed else "declined"


def _shown(value: Any) -> str:
    text = value if isinstance(value, str) else repr(value)
    return text if len(text) <= 200 else text[:199] + "…"
