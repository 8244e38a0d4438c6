"""Authentication, scopes and the rate limit, in the order a request meets them.

1. A public operation (``security: []``) never reads a key. An optional-key operation (``{}``
   first) works without one but refuses a bad one. Otherwise the key is read as the spec's
   "Which key a request carries" says (:func:`credentials`): from every ``Authorization`` header
   that is a Bearer credential (``Bearer`` in any case, then a non-empty token) and every
   non-empty ``X-API-Key`` header; other ``Authorization`` headers (empty, ``Basic …``, ``Bearer``
   without a token, any other scheme) carry no key and are ignored. One distinct key → that key;
   two different keys → 401 ``INVALID_API_KEY`` before either is looked up, so the answer never
   tells which of them is valid; none or unknown → 401 ``INVALID_API_KEY``; a provisional key past
   its 24 hours → 401 ``EXPIRED_API_KEY``. No message ever repeats a header's value.
2. The rate limit counts every request of a key (of a client IP when there is no key) → 429
   ``RATE_LIMITED`` with ``Retry-After``.
3. The scope in the security requirement's roles, then (once the body is read) any
   ``x-conditional-scopes`` that the request view matches → 403 ``INSUFFICIENT_PERMISSIONS``. When
   the missing scope is ``trade``, the operation lists ``ACCOUNT_REQUIRED`` and the agent is not
   claimed, the answer is 403 ``ACCOUNT_REQUIRED`` instead: claiming is the step that unlocks it.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any, Protocol

from .clock import iso
from .errors import ApiError
from .spec import Operation
from .store import Agent, Store

REGISTER_HINT = 'Send a valid key as "Authorization: Bearer <key>" or register one with POST /meta/register.'
ONE_KEY_HINT = 'Send one key, as "Authorization: Bearer <key>" or "X-API-Key: <key>" (or the same key in both).'


class HeaderLists(Protocol):
    """Request headers that may repeat (Starlette's ``Headers``)."""

    def getlist(self, key: str) -> list[str]: ...


def _bearer_token(authorization: str) -> str | None:
    """The token of a Bearer credential (scheme in any case, a non-empty token); None for anything else."""
    scheme, _, token = authorization.strip().partition(" ")
    return (token.strip() or None) if scheme.lower() == "bearer" else None


def credentials(headers: HeaderLists) -> str | None:
    """The one API key a request carries (None: no key), or 401 ``INVALID_API_KEY`` when it carries two."""
    bearer = [token for value in headers.getlist("authorization") if (token := _bearer_token(value)) is not None]
    header = [key for value in headers.getlist("x-api-key") if (key := value.strip())]
    keys = set(bearer + header)
    if len(keys) > 1:
        raise ApiError(
            "INVALID_API_KEY",
            "The request carries different API keys (in Authorization: Bearer and X-API-Key, or in a header "
            "sent twice); the server does not choose between them.",
            ONE_KEY_HINT,
        )
    return keys.pop() if keys else None


def authenticate(store: Store, op: Operation, headers: HeaderLists, now: datetime) -> Agent | None:
    if op.scope is None:
        return None
    key = credentials(headers)
    if key is None:
        if op.key_optional:
            return None
        # Never the header's value: it may be a key sent without its scheme, or Basic credentials.
        ignored = any(value.strip() for value in headers.getlist("authorization"))
        why = ': the Authorization header is not "Bearer <key>", and there is no X-API-Key header' if ignored else ""
        raise ApiError("INVALID_API_KEY", f"No API key was sent{why}.", REGISTER_HINT)
    agent = store.agent_for_key(key)
    if agent is None:
        raise ApiError("INVALID_API_KEY", "The API key is invalid.", REGISTER_HINT)
    if not agent.claimed and agent.expired(now):
        assert agent.expires_at is not None
        raise ApiError(
            "EXPIRED_API_KEY",
            f"The provisional API key expired at {iso(agent.expires_at)} (24 hours after registration).",
            "Register again with POST /meta/register, and have a user claim the agent to keep its key.",
            details={"expired_at": iso(agent.expires_at)},
        )
    return agent


def rate_limit(store: Store, agent: Agent | None, client_ip: str, now: datetime) -> None:
    moment = now.timestamp()
    window = store.rate.at(agent.key_id if agent is not None else f"ip:{client_ip}", moment)
    wait = window.retry_after(moment)
    if wait is not None:
        per = "key" if agent is not None else "client IP address"
        raise ApiError(
            "RATE_LIMITED",
            f"Too many requests; the limit is {window.limit} per minute per {per}.",
            "Wait for the number of seconds in the Retry-After header.",
            details={"limit": window.limit, "window_seconds": 60},
            headers={"Retry-After": str(wait)},
        )
    window.add(moment)


def require_scope(op: Operation, agent: Agent | None, scope: str) -> None:
    if agent is None or scope in agent.scopes:
        return
    if scope == "trade" and "ACCOUNT_REQUIRED" in op.error_codes and not agent.claimed:
        raise ApiError(
            "ACCOUNT_REQUIRED",
            "Live trading needs a claimed agent linked to a user account.",
            "Call POST /meta/request-claim and have the user enter the code, granting the trade scope.",
            details={"required_scope": scope, "scopes": list(agent.scopes)},
        )
    have = ", ".join(agent.scopes) or "none"
    raise ApiError(
        "INSUFFICIENT_PERMISSIONS",
        f'This operation needs the "{scope}" scope; the key has {have}.',
        f"Ask the user to grant the {scope} scope when claiming the agent."
        if scope != "research"
        else "Use a key with the research scope.",
        details={"required_scope": scope, "scopes": list(agent.scopes)},
    )


def require_scopes(op: Operation, agent: Agent | None, view: Mapping[str, Any] | None) -> None:
    """The operation's scope (``view`` None), or its conditional scopes for the request view."""
    if view is None:
        if op.scope is not None:
            require_scope(op, agent, op.scope)
        return
    for conditional in op.conditional_scopes:
        if conditional.applies(view):
            require_scope(op, agent, conditional.scope)
