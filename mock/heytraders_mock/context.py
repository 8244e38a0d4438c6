"""The sandbox (everything one app instance owns), the per-request context, and the handler registry.

Handlers are functions registered under their spec ``operationId`` with ``@handles(...)``; the app
serves an operation by looking its id up in ``HANDLERS``, so the list of endpoints is the spec's and
nowhere else. A handler is synchronous, except when it must wait on the network (the webhook test):
then it is a coroutine function and the app awaits it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from . import signals, trading
from .clock import START, Clock
from .config import MockConfig
from .docs import Document, documents
from .errors import ApiError
from .market import Market, MarketData
from .seed import populate
from .spec import ApiSpec, Operation
from .store import Agent, Store
from .validation import invalid, validate
from .webhooks import Deliverer


def new_store(config: MockConfig) -> Store:
    store = Store(config)
    populate(store, START)
    return store


@dataclass
class Sandbox:
    config: MockConfig
    api: ApiSpec
    clock: Clock
    market: MarketData
    docs: dict[str, Document]
    store: Store
    webhooks: Deliverer  # sends the store's outbox; started and stopped by the app's lifespan

    @classmethod
    def create(cls, config: MockConfig, api: ApiSpec) -> Sandbox:
        sandbox = cls(
            config=config,
            api=api,
            clock=Clock(realtime=config.realtime_clock),
            market=MarketData(config.seed),
            docs=documents(api),
            store=new_store(config),
            webhooks=Deliverer(config.webhook_retry_delays, config.webhook_timeout),
        )
        sandbox.store.outbox.dispatch = sandbox.webhooks.submit
        return sandbox

    def reset(self) -> None:
        """Fresh state from the same seed; webhook deliveries not yet started are dropped."""
        self.webhooks.forget()
        self.store = new_store(self.config)
        self.store.outbox.dispatch = self.webhooks.submit
        self.clock.reset()

    def sync(self, now: datetime) -> None:
        """Bring time-driven state up to ``now``: strategy signals first, then resting orders."""
        signals.sync(self.store, self.market, now)
        trading.sync(self.store, self.market, now)


@dataclass
class Context:
    """What a handler gets: the sandbox, the operation, the validated request view and the caller."""

    sandbox: Sandbox
    op: Operation
    view: dict[str, Any]
    agent: Agent | None
    now: datetime
    client_ip: str
    accept: str

    @property
    def store(self) -> Store:
        return self.sandbox.store

    @property
    def market(self) -> MarketData:
        return self.sandbox.market

    def arg(self, name: str) -> Any:
        """A parameter's value, or the spec's default when the request left it out."""
        return self.view.get(name, self.op.defaults.get(name))

    def caller(self) -> Agent:
        assert self.agent is not None, "the app authenticates every operation that has a scope"
        return self.agent

    def exchange(self, name: str = "exchange") -> str:
        """The request's exchange (or the default), which must be one the spec knows."""
        exchange = str(self.arg(name))
        if exchange not in self.sandbox.api.exchanges:
            known = ", ".join(self.sandbox.api.exchanges)
            raise invalid(
                name, "known-exchange", "is not an exchange the API supports", f"Use one of {known}.", exchange
            )
        return exchange

    def find_market(self, exchange: str, symbol: str) -> Market:
        market = self.market.find(exchange, symbol)
        if market is None:
            raise ApiError(
                "DATA_UNAVAILABLE",
                f"{symbol} is not listed on {exchange}.",
                f"List the symbols with GET /market/symbols?exchange={exchange}.",
                details={"exchange": exchange, "symbol": symbol},
            )
        return market


def request_view(store: Store, op: Operation, agent: Agent | None, values: dict[str, Any]) -> dict[str, Any]:
    """The validated request view. As the spec says, when the request names an existing account or order
    (one the caller may see) and no exchange, that account's or order's exchange joins the view first, so
    the exchange rules (Lighter's symbol, Lighter's numeric cancel IDs, Polymarket balances) apply."""
    resource_id = values.get(op.exchange_from or "")
    if op.spec_with_exchange is None or agent is None or "exchange" in values or not isinstance(resource_id, str):
        return validate(op.spec, values)
    lookup = store.order_of if op.exchange_from == "order_id" else store.account_of
    resource = lookup(agent, resource_id)
    if resource is None:
        return validate(op.spec, values)
    return validate(op.spec_with_exchange, {**values, "exchange": resource.exchange})


Handler = Callable[[Context], Any]
HANDLERS: dict[str, Handler] = {}


def handles(operation_id: str) -> Callable[[Handler], Handler]:
    """Register a handler for the spec operation ``operation_id``."""

    def register(handler: Handler) -> Handler:
        if operation_id in HANDLERS:
            raise ValueError(f"two handlers for {operation_id}")
        HANDLERS[operation_id] = handler
        return handler

    return register
