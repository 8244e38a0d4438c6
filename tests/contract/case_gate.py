"""Keeps generated positive cases really valid, for schemathesis in process or over HTTP.

Schemathesis generates from the JSON Schemas alone. A case it calls *positive* can still be one the
spec says the server must refuse, and ``positive_data_acceptance`` would then report the server's
correct 400 as a rejected valid request. The spec writes every such rule down in machine-readable form
(``x-request-rules``: ``if``/``then`` schemas and ``order`` comparisons over the request view; closed
request enums). The gate reads them and deals with what plain JSON Schema generation cannot, always in
the narrowest way:

1. ``x-request-rules`` (exchange rules, "a limit order needs a price", "``end_date`` after
   ``start_date``"): a positive case whose request view breaks one is **dropped**. The view is built as
   the server builds it: when a request acts on a known account or order (its path names it) and names
   no exchange, the account's (order's) exchange joins the view. The gate knows the key's accounts (from
   ``/_mock/keys``, or from the account operations' answers against the live API) and learns orders from
   every answer.
2. What no schema can say, each for the reason given where it is handled (``DSL_FIELDS``,
   ``SERVER_ISSUED_QUERY``, ``STATE_RULES``):

   - a Signal DSL expression or script is a sentence of a grammar, not a JSON value a schema can
     describe: a generated one is **repaired** into one of the spec's own example expressions;
   - a ``cursor`` is a token only the server issues: positive cases leave it out;
   - rules on server state, on data only the server holds ("the order's exchange is the account's",
     "you cannot follow yourself"): **dropped** when the harness knows the data;
   - rules on the *state* of the resource a request names ("a job that has completed or failed cannot
     be cancelled"): no request can be judged in advance, so the ``positive_data_acceptance`` failure is
     **forgiven** (``filter_failure``) only when the answer is 400 ``VALIDATION_ERROR`` naming exactly the
     parameter the spec's prose is about. See ``STATE_DEPENDENT_REJECTIONS``.

Besides, so that positive cases reach more than "account not found", three in four of those that name
an ``account_id`` get one of the key's own accounts (on the exchange the request names, when it names
one); the fourth keeps its generated id and exercises the 404.

Negative cases pass untouched: they are meant to be invalid.
"""

from __future__ import annotations

import json
import os
import threading
import zlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from schemathesis import Case, HookContext, Response
from schemathesis.core.failures import Failure
from schemathesis.openapi.checks import RejectedPositiveData

from .request_rules import broken_rules, request_view

# Operations whose answers describe the key's accounts (``account_id`` with ``exchange``).
ACCOUNT_OPERATIONS = frozenset({"list_accounts", "get_account"})
# One positive case in this many keeps a generated (unknown) account id.
UNKNOWN_ACCOUNT_EVERY = 4

KEY_ENV = "HEYTRADERS_CONTRACT_KEY"
"""JSON ``{"agent_id": ..., "account_ids": {exchange: account_id}}`` of the mock key, for ``st run``."""

# ---- 2. what no schema can say: DSL and server-issued tokens, repaired -------------------------------

# Signal DSL the spec itself shows (its examples and the documents' snippets), by the kind of value a
# field wants. A generated string is almost never valid DSL, and which strings are is not a JSON Schema.
NUMERIC_EXPRESSIONS = ("rsi(close, 14)[-1]", "roc(close, 7)", "sma(close, 20)", "close")
BOOLEAN_EXPRESSIONS = ("close > sma(close, 20)", "rsi(close, 14) < 30", "volume > sma(volume, 20)")
ANY_EXPRESSIONS = NUMERIC_EXPRESSIONS + BOOLEAN_EXPRESSIONS
SCRIPTS = ('oversold = rsi(close, 14) < 30\nemit_signal(oversold, entry("BINANCE:BTC/USDT", "LONG", Weight(0.5)))',)
# (operation id, body field) -> the DSL that may stand there.
DSL_FIELDS: dict[tuple[str, str], tuple[str, ...]] = {
    ("evaluate_expression", "expression"): ANY_EXPRESSIONS,
    ("scan_market", "condition"): BOOLEAN_EXPRESSIONS,
    ("rank_market", "expression"): NUMERIC_EXPRESSIONS,
    ("execute_backtest", "script"): SCRIPTS,
}
# Query parameters that carry a token only the server issues ("Opaque cursor from the previous page's
# `next_cursor`"); a generated string is not one, so positive cases leave them out.
SERVER_ISSUED_QUERY = ("cursor",)

# ---- rules on the state of the named resource: forgiven 400s ---------------------------------------------------

# operation id -> (the parameter the 400 must name, the spec's words).
STATE_DEPENDENT_REJECTIONS: dict[str, tuple[str, str]] = {
    "cancel_backtest": ("backtest_id", "a job that has completed or failed cannot be cancelled (400)"),
    "cancel_order": ("order_id", "cancelling an order in any other state (filled, cancelled, ...) is a 400"),
    "pause_subscription": ("subscription_id", "a cancelled one cannot be paused (VALIDATION_ERROR)"),
    "resume_subscription": ("subscription_id", "a cancelled one cannot be resumed (VALIDATION_ERROR)"),
    "subscribe_to_strategy": ("account_id", "the account must be on the strategy's exchange (VALIDATION_ERROR)"),
}

# ---- data only the server holds: dropped when the harness knows it ---------------------------------

STATE_RULES: dict[str, str] = {
    "place-order-exchange-is-the-accounts": (
        "place_order: `exchange` must be the named account's exchange (the spec says so on the field); which "
        "exchange an account is on is server data, so no schema over the request can state it"
    ),
    "cannot-follow-yourself": (
        "follow_arena_agent: an agent cannot follow itself; which agent a key is, is server data"
    ),
}


def operation_id(case: Case[Any]) -> str | None:
    """The ``operationId`` of the case's operation."""
    value = case.operation.definition.raw.get("operationId")
    return value if isinstance(value, str) else None


def is_positive(case: Case[Any]) -> bool:
    """Whether schemathesis generated ``case`` as valid data (a case built by hand counts as positive)."""
    meta = case.meta
    return meta is None or meta.generation.mode.is_positive


def _pick(options: tuple[str, ...], seed: object) -> str:
    """One of ``options``, chosen by ``seed`` (the generated value), so a case always maps the same way."""
    return options[zlib.crc32(repr(seed).encode()) % len(options)]


def repair(case: Case[Any]) -> None:
    """Bring a positive case within what no schema can say (kind 2): DSL in DSL fields, no cursor."""
    operation = operation_id(case)
    body = case.body
    if isinstance(body, dict):
        for (owner, name), options in DSL_FIELDS.items():
            value = body.get(name)
            if owner == operation and isinstance(value, str) and value not in options:
                body[name] = _pick(options, value)
    if isinstance(case.query, dict):
        for name in SERVER_ISSUED_QUERY:
            case.query.pop(name, None)


def error_of(response: Response) -> dict[str, Any]:
    """The ``error`` object of an error envelope (empty when the body is not one)."""
    try:
        payload = json.loads(response.content) if response.content else None
    except (ValueError, UnicodeDecodeError):
        return {}
    error = payload.get("error") if isinstance(payload, dict) else None
    return error if isinstance(error, dict) else {}


@dataclass
class CaseGate:
    """The gate, with what it knows of the key (its agent, its accounts) and has learnt of orders.

    Attributes:
        agent_id: The key's own agent.
        account_exchanges: Exchange of each of the key's accounts.
        order_exchanges: Exchange of each order seen in a response.
        dropped: Positive cases dropped, by operation id and rule id (for reports and tests).
        forgiven: ``positive_data_acceptance`` failures forgiven, by operation id (idem).
    """

    agent_id: str | None = None
    account_exchanges: dict[str, str] = field(default_factory=dict)
    order_exchanges: dict[str, str] = field(default_factory=dict)
    dropped: dict[tuple[str, str], int] = field(default_factory=dict)
    forgiven: dict[str, int] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    @classmethod
    def for_key(cls, agent_id: str | None, account_ids: Mapping[str, str]) -> CaseGate:
        """A gate that knows a mock key's agent and accounts (``{exchange: account_id}``)."""
        return cls(
            agent_id=agent_id or None,
            account_exchanges={account: exchange for exchange, account in account_ids.items()},
        )

    @staticmethod
    def env_value(agent_id: str | None, account_ids: Mapping[str, str]) -> str:
        """What ``HEYTRADERS_CONTRACT_KEY`` holds for an ``st run`` subprocess."""
        return json.dumps({"agent_id": agent_id, "account_ids": dict(account_ids)})

    @classmethod
    def from_env(cls) -> CaseGate:
        """A gate for an ``st run`` subprocess, knowing the key ``HEYTRADERS_CONTRACT_KEY`` describes."""
        raw = os.environ.get(KEY_ENV, "").strip()
        if not raw:
            return cls()
        loaded = json.loads(raw)
        accounts = loaded.get("account_ids") if isinstance(loaded, dict) else None
        agent = loaded.get("agent_id") if isinstance(loaded, dict) else None
        if (
            not isinstance(accounts, dict)
            or not all(isinstance(k, str) and isinstance(v, str) for k, v in accounts.items())
            or not isinstance(agent, str | None)
        ):
            raise ValueError(f'{KEY_ENV} must be {{"agent_id": str, "account_ids": {{exchange: account_id}}}}')
        return cls.for_key(agent, accounts)

    def view(self, case: Case[Any]) -> dict[str, Any]:
        """The request view of ``case``, with the exchange the server would add."""
        with self._lock:
            return request_view(
                case.path_parameters,
                case.query,
                case.body,
                account_exchanges=dict(self.account_exchanges),
                order_exchanges=dict(self.order_exchanges),
            )

    def broken(self, case: Case[Any]) -> list[str]:
        """The request rules (kind 1), and the ``STATE_RULES`` the harness can judge, ``case`` breaks."""
        operation = operation_id(case)
        view = self.view(case)
        broken = broken_rules(operation, view)
        if operation == "follow_arena_agent" and self.agent_id is not None and view.get("agent_id") == self.agent_id:
            broken.append("cannot-follow-yourself")
        if operation == "place_order":
            account, exchange = view.get("account_id"), view.get("exchange")
            known = self.account_exchanges.get(account) if isinstance(account, str) else None
            if known is not None and exchange != known:
                broken.append("place-order-exchange-is-the-accounts")
        return broken

    def accepts(self, case: Case[Any]) -> bool:
        """Whether ``case`` may be sent: any negative case, or a positive one that breaks no rule.

        A positive case is :func:`repair`-ed first, in place: the repairs change fields the rules read
        (an exchange), and schemathesis applies ``filter_case`` hooks before ``map_case`` ones, so the
        repair cannot be a ``map_case`` hook of its own.
        """
        if not is_positive(case):
            return True
        repair(case)
        self.use_own_accounts(case)
        broken = self.broken(case)
        if broken:
            with self._lock:
                key = (operation_id(case) or case.operation.label, broken[0])
                self.dropped[key] = self.dropped.get(key, 0) + 1
            return False
        return True

    def settle(self, case: Case[Any]) -> bool:
        """Judge ``case`` again just before it is sent; whether it may be sent.

        Stateful runs put values from earlier responses into a case *after* ``filter_case`` saw it
        (links, ids schemathesis infers from ``GET /accounts``), so an order can arrive holding an
        account on another exchange than the one it names. Such a case gets the key's account on the
        named exchange; any other broken rule makes it unsendable.
        """
        if not is_positive(case):
            return True
        repair(case)
        body = case.body
        if operation_id(case) == "place_order" and isinstance(body, dict):
            account, exchange = body.get("account_id"), body.get("exchange")
            if isinstance(account, str) and account in self.account_exchanges:
                on_exchange = sorted(a for a, e in self.account_exchanges.items() if e == exchange)
                if self.account_exchanges[account] != exchange and on_exchange:
                    body["account_id"] = on_exchange[0]
        return not self.broken(case)

    def use_own_accounts(self, case: Case[Any]) -> None:
        """Put one of the key's accounts in place of most generated ``account_id`` values (see above)."""
        if not self.account_exchanges:
            return
        named = [case.body, case.query, case.path_parameters]
        exchange = next((c.get("exchange") for c in named if isinstance(c, dict) and "exchange" in c), None)
        for container in named:
            value = container.get("account_id") if isinstance(container, dict) else None
            if not isinstance(container, dict) or not isinstance(value, str) or value in self.account_exchanges:
                continue
            if zlib.crc32(value.encode()) % UNKNOWN_ACCOUNT_EVERY == 0:
                continue
            accounts = sorted(self.account_exchanges)
            on_exchange = tuple(account for account in accounts if self.account_exchanges[account] == exchange)
            container["account_id"] = _pick(on_exchange or tuple(accounts), value)

    def forgives(self, failure: Failure, case: Case[Any], response: Response) -> bool:
        """Whether ``failure`` is a spec-documented state-dependent 400 (kind 4) rather than a defect."""
        operation = operation_id(case)
        documented = STATE_DEPENDENT_REJECTIONS.get(operation or "")
        if documented is None or not isinstance(failure, RejectedPositiveData) or response.status_code != 400:
            return False
        error = error_of(response)
        details = error.get("details")
        named = details.get("parameter") if isinstance(details, dict) else None
        if error.get("code") != "VALIDATION_ERROR" or named != documented[0]:
            return False
        with self._lock:
            self.forgiven[operation or ""] = self.forgiven.get(operation or "", 0) + 1
        return True

    def observe(self, case: Case[Any], response: Response) -> None:
        """Learn from a JSON response: orders (any object with an ``order_id`` and an ``exchange``) and,
        from the account operations, accounts.

        A mock key's accounts are known from ``/_mock/keys`` already; against the live API this is how
        the gate learns them.
        """
        try:
            payload = json.loads(response.content) if response.content else None
        except (ValueError, UnicodeDecodeError):
            return
        if isinstance(payload, dict):
            self._learn(payload.get("data"), accounts=operation_id(case) in ACCOUNT_OPERATIONS)

    def _learn(self, value: object, *, accounts: bool) -> None:
        if isinstance(value, list):
            for item in value:
                self._learn(item, accounts=accounts)
            return
        if not isinstance(value, dict):
            return
        exchange = value.get("exchange")
        if isinstance(exchange, str):
            order, account = value.get("order_id"), value.get("account_id")
            with self._lock:
                if isinstance(order, str):
                    self.order_exchanges[order] = exchange
                elif accounts and isinstance(account, str):
                    self.account_exchanges.setdefault(account, exchange)
        for item in value.values():
            if isinstance(item, dict | list):
                self._learn(item, accounts=accounts)

    # Schemathesis hook signatures ------------------------------------------------------------------

    def filter_case(self, context: HookContext, case: Case[Any]) -> bool:
        """``filter_case`` hook: see :meth:`accepts`."""
        return self.accepts(case)

    def before_add_examples(self, context: HookContext, examples: list[Case[Any]]) -> None:
        """``before_add_examples`` hook: the examples phase runs no ``filter_case``, so judge its cases here.

        Schemathesis combines the spec's examples parameter by parameter, so an example request can
        mix a Polymarket token with a Binance account just as generated data can.
        """
        examples[:] = [case for case in examples if self.accepts(case)]

    def filter_failure(self, context: HookContext, failure: Failure, case: Case[Any], response: Response) -> bool:
        """``filter_failure`` hook: keep every failure but the ones :meth:`forgives`."""
        return not self.forgives(failure, case, response)

    def before_call(self, context: HookContext, case: Case[Any], kwargs: dict[str, Any]) -> None:
        """``before_call`` hook (``st run``): :meth:`settle` (a hook cannot drop the case; an in-process
        state machine rejects the scenario instead)."""
        self.settle(case)

    def after_call(self, context: HookContext, case: Case[Any], response: Response) -> None:
        """``after_call`` hook: see :meth:`observe`."""
        self.observe(case, response)
