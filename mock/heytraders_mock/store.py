"""The mock's state: every resource, in memory, per app instance.

Resources are plain dataclasses; ``view()`` methods turn them into the spec's named schemas (money
as decimal strings, times as ISO 8601 with ``Z``). Every ID and key comes from one
``random.Random(seed)``, so the same seed and the same requests give the same IDs.
"""

from __future__ import annotations

import random
import string
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from .clock import iso, iso_or_none, money
from .config import MockConfig
from .limits import Window, Windows
from .webhooks import Outbox

PROVISIONAL_LIFETIME = timedelta(hours=24)
RESULTS_KEPT = 32  # simulated backtest results held in memory (up to a few MB each)
CLAIM_CODE_LIFETIME = timedelta(minutes=30)
AGENTS_PER_USER = 10
HEX = "0123456789abcdef"
ULID = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford base32, as in bt_01HQ3K8Z9M


@dataclass(eq=False)
class Agent:
    """An API key and the agent it belongs to. The key itself never appears in a repr."""

    api_key: str = field(repr=False)
    key_id: str
    agent_id: str
    display_name: str
    description: str | None
    strategy_type: str | None
    risk_profile: str | None
    scopes: list[str]
    created_at: datetime
    expires_at: datetime | None
    backtests_hour: Window
    backtests_day: Window
    claimed_at: datetime | None = None
    user_id: str | None = None

    @property
    def claimed(self) -> bool:
        return self.claimed_at is not None

    def expired(self, now: datetime) -> bool:
        return self.expires_at is not None and now >= self.expires_at

    def view(self) -> dict[str, Any]:
        return {
            "agent_id": self.agent_id,
            "key_id": self.key_id,
            "display_name": self.display_name,
            "description": self.description,
            "status": "claimed" if self.claimed else "provisional",
            "scopes": list(self.scopes),
            "created_at": iso(self.created_at),
            "claimed_at": iso_or_none(self.claimed_at),
            "expires_at": iso_or_none(self.expires_at),
        }


@dataclass(eq=False)
class ClaimCode:
    code: str
    key_id: str
    expires_at: datetime


@dataclass(eq=False)
class User:
    user_id: str
    agent_ids: list[str] = field(default_factory=list)
    account_ids: list[str] = field(default_factory=list)


@dataclass(eq=False)
class Position:
    symbol: str
    side: str  # long | short
    size: Decimal
    entry_price: Decimal
    leverage: int | None = None


@dataclass(eq=False)
class Account:
    account_id: str
    user_id: str
    exchange: str
    market_type: str
    name: str
    created_at: datetime
    free: dict[str, Decimal] = field(default_factory=dict)
    used: dict[str, Decimal] = field(default_factory=dict)
    positions: dict[str, Position] = field(default_factory=dict)

    def view(self) -> dict[str, Any]:
        return {
            "account_id": self.account_id,
            "exchange": self.exchange,
            "market_type": self.market_type,
            "name": self.name,
            "status": "active",
            "created_at": iso(self.created_at),
        }


@dataclass(eq=False)
class Order:
    order_id: str
    exchange_order_id: str
    account_id: str
    exchange: str
    symbol: str
    market_type: str
    side: str
    order_type: str
    time_in_force: str | None
    amount: Decimal
    price: Decimal | None
    stop_price: Decimal | None
    leverage: int | None
    label: str | None
    created_at: datetime
    updated_at: datetime
    status: str = "pending"
    filled_amount: Decimal = Decimal(0)
    average_price: Decimal | None = None
    fee: Decimal | None = None
    fee_currency: str | None = None
    triggered: bool = False  # a stop order whose trigger price was reached
    locked: tuple[str, Decimal] | None = None  # funds held while the order works
    checked_until: datetime | None = None  # the market was watched for it up to here (None: since placed)

    @property
    def working(self) -> bool:
        return self.status in ("pending", "partially_filled", "open", "INIT", "OPEN", "PART_FILLED")

    def view(self) -> dict[str, Any]:
        def optional(value: Decimal | None) -> str | None:
            return None if value is None else money(value)

        return {
            "order_id": self.order_id,
            "exchange_order_id": self.exchange_order_id,
            "account_id": self.account_id,
            "exchange": self.exchange,
            "symbol": self.symbol,
            "market_type": self.market_type,
            "side": self.side,
            "order_type": self.order_type,
            "time_in_force": self.time_in_force,
            "status": self.status,
            "amount": money(self.amount),
            "filled_amount": money(self.filled_amount),
            "price": optional(self.price),
            "average_price": optional(self.average_price),
            "stop_price": optional(self.stop_price),
            "leverage": self.leverage,
            "fee": optional(self.fee),
            "fee_currency": self.fee_currency,
            "label": self.label,
            "created_at": iso(self.created_at),
            "updated_at": iso(self.updated_at),
        }


@dataclass(eq=False)
class Webhook:
    url: str
    events: list[str]
    secret: str | None = field(default=None, repr=False)

    def view(self) -> dict[str, Any]:
        # The secret never leaves the mock: only whether there is one.
        return {"url": self.url, "events": list(self.events), "has_secret": self.secret is not None}


@dataclass(frozen=True)
class Rule:
    """When a live strategy signals, in the Signal DSL, and the reason the signal gives."""

    condition: str  # a DSL expression: the signal fires on the closed candle where it is true
    quote: str  # the DSL value the reason quotes, on that candle
    reason: str  # a format string with ``{value}``, the quote's value: "RSI(14) crossed below 30 ({value:.1f})"


@dataclass(frozen=True)
class Emission:
    """A signal of a live strategy, before it is recorded for a subscription."""

    second: int  # the close of the candle it fired on (epoch seconds)
    symbol: str
    side: str  # the strategy's direction, or close
    price: str  # the candle's close, as the candles carry it
    reason: str | None  # the rule's reason, quoting its value on the candle (none when it has no value)


@dataclass(eq=False)
class LiveStrategy:
    strategy_id: str
    name: str
    description: str
    strategy_type: str
    exchange: str
    symbols: list[str]
    timeframe: str
    status: str
    base_subscribers: int
    created_at: datetime
    direction: str  # long | short: the side of its entries
    entry: Rule  # opens a position (of ``direction``) on a symbol where none is open
    exit: Rule  # closes the symbol's open position
    # What ``signals`` worked out per (symbol, block of candles): (candles evaluated, their emissions).
    blocks: dict[tuple[str, int], tuple[int, list[Emission]]] = field(default_factory=dict, repr=False)


@dataclass(eq=False)
class Subscription:
    subscription_id: str
    strategy_id: str
    key_id: str
    mode: str
    account_id: str | None
    status: str
    webhook: Webhook | None
    created_at: datetime
    updated_at: datetime
    synced_until: datetime  # signals up to here are recorded (or were skipped while paused)
    signals: list[dict[str, Any]] = field(default_factory=list)  # oldest first
    open_sides: dict[str, str] = field(default_factory=dict)  # trade mode: symbol -> side of its open position

    def view(self) -> dict[str, Any]:
        return {
            "subscription_id": self.subscription_id,
            "strategy_id": self.strategy_id,
            "mode": self.mode,
            "account_id": self.account_id if self.mode == "trade" else None,
            "status": self.status,
            "webhook": None if self.webhook is None else self.webhook.view(),
            "created_at": iso(self.created_at),
            "updated_at": iso(self.updated_at),
        }


@dataclass(eq=False)
class Backtest:
    backtest_id: str
    result_id: str
    key_id: str
    request: dict[str, Any]
    created_at: datetime
    failure: str | None = None  # why the job fails once it has run, decided at submission or when it first runs
    cancelled_at: datetime | None = None


@dataclass(eq=False)
class Profile:
    agent_id: str
    key_id: str | None  # None for the seeded agents nobody holds a key of
    display_name: str
    description: str | None
    strategy_type: str | None
    risk_profile: str | None
    avatar_url: str | None
    created_at: datetime
    following: dict[str, datetime] = field(default_factory=dict)  # agent_id -> since


@dataclass(eq=False)
class LeaderboardEntry:
    strategy_id: str
    agent_id: str
    result_id: str
    name: str
    total_return_pct: float
    sharpe_ratio: float | None
    max_drawdown: float
    win_rate: float
    num_trades: int
    period_days: int
    registered_at: datetime


@dataclass(eq=False)
class Post:
    post_id: str
    agent_id: str
    category: str
    title: str
    content: str
    tags: list[str]
    strategy_settings_id: str | None
    strategy_summary: dict[str, Any] | None
    created_at: datetime
    votes: dict[str, int] = field(default_factory=dict)  # agent_id -> 1 | -1

    @property
    def upvotes(self) -> int:
        return sum(1 for vote in self.votes.values() if vote == 1)

    @property
    def downvotes(self) -> int:
        return sum(1 for vote in self.votes.values() if vote == -1)


@dataclass(eq=False)
class Comment:
    comment_id: str
    post_id: str
    parent_id: str | None
    agent_id: str
    content: str
    created_at: datetime


class Store:
    """All state of one app instance."""

    def __init__(self, config: MockConfig) -> None:
        self.config = config
        self.rng = random.Random(config.seed)
        self._ids: set[str] = set()
        self.users: dict[str, User] = {}
        self.agents: dict[str, Agent] = {}  # by key_id
        self.keys: dict[str, str] = {}  # api_key -> key_id
        self.claims: dict[str, ClaimCode] = {}
        self.accounts: dict[str, Account] = {}
        self.orders: dict[str, Order] = {}  # every kept order, in placement order
        self.account_orders: dict[str, dict[str, Order]] = {}  # account_id -> its kept orders, in placement order
        # account_id -> its orders that may still fill (what ``trading.sync`` watches); finished ones leave lazily.
        self.open_orders: dict[str, dict[str, Order]] = {}
        # The clock second ``trading.sync`` last watched every working order at (None: a new one waits).
        self.synced_second: int | None = None
        self.backtests: dict[str, Backtest] = {}
        # result_id -> simulation.Result, built when the job completes; the last RESULTS_KEPT read are kept (a
        # result is a pure function of its job, so one evicted is simulated again when it is next read).
        self.results: dict[str, Any] = {}
        self.strategies: dict[str, LiveStrategy] = {}
        self.subscriptions: dict[str, Subscription] = {}
        self.profiles: dict[str, Profile] = {}  # by agent_id
        self.leaderboard: dict[str, LeaderboardEntry] = {}
        self.posts: dict[str, Post] = {}
        self.comments: dict[str, Comment] = {}
        self.outbox = Outbox(config.seed)  # every webhook delivery, sent by the worker in ``webhooks``
        self.rate = Windows(config.rate_limit_per_minute, 60)
        self.registrations = Windows(config.registrations_per_hour, 3600)
        self.next_exchange_order_id = 1770730748798 + self.rng.randrange(10**6)

    # ---- identifiers ----------------------------------------------------------------------

    def new_id(self, prefix: str, length: int = 8, alphabet: str = HEX) -> str:
        while True:
            candidate = prefix + "".join(self.rng.choice(alphabet) for _ in range(length))
            if candidate not in self._ids:
                self._ids.add(candidate)
                return candidate

    def new_key(self, prefix: str) -> str:
        return self.new_id(prefix, 32, string.ascii_lowercase + string.digits)

    def new_claim_code(self) -> str:
        return self.new_id("", 6, string.ascii_uppercase + string.digits)

    def exchange_order_id(self, exchange: str) -> str:
        self.next_exchange_order_id += 1 + self.rng.randrange(1000)
        if exchange == "polymarket":  # Polymarket order IDs are 0x hashes
            return "0x" + "".join(self.rng.choice(HEX) for _ in range(64))
        return str(self.next_exchange_order_id)

    # ---- agents ---------------------------------------------------------------------------

    def add_agent(
        self,
        *,
        now: datetime,
        display_name: str,
        description: str | None = None,
        strategy_type: str | None = None,
        risk_profile: str | None = None,
        key_prefix: str = "ht_prov_",
    ) -> Agent:
        agent = Agent(
            api_key=self.new_key(key_prefix),
            key_id=self.new_id("key_"),
            agent_id=self.new_id("agt_"),
            display_name=display_name,
            description=description,
            strategy_type=strategy_type,
            risk_profile=risk_profile,
            scopes=["research"],
            created_at=now,
            expires_at=now + PROVISIONAL_LIFETIME,
            backtests_hour=Window(self.config.backtests_per_hour, 3600),
            backtests_day=Window(self.config.backtests_per_day, 86400),
        )
        self.agents[agent.key_id] = agent
        self.keys[agent.api_key] = agent.key_id
        return agent

    def agent_for_key(self, api_key: str) -> Agent | None:
        key_id = self.keys.get(api_key)
        return None if key_id is None else self.agents[key_id]

    def user(self, user_id: str) -> User:
        user = self.users.get(user_id)
        if user is None:
            user = self.users[user_id] = User(user_id)
        return user

    def accounts_of(self, agent: Agent) -> list[Account]:
        if agent.user_id is None:
            return []
        return [self.accounts[account_id] for account_id in self.user(agent.user_id).account_ids]

    def account_of(self, agent: Agent, account_id: str) -> Account | None:
        """The account if it is one of the agent's user's, else None."""
        account = self.accounts.get(account_id)
        return account if account is not None and account.user_id == agent.user_id else None

    def order_of(self, agent: Agent, order_id: str) -> Order | None:
        """The order with this internal or exchange order ID, on one of the agent's user's accounts."""
        order = self.orders.get(order_id)
        if order is None:
            order = next((o for o in self.orders.values() if o.exchange_order_id == order_id), None)
        if order is None or self.account_of(agent, order.account_id) is None:
            return None
        return order

    # ---- orders and backtests, within their caps -----------------------------------------------

    def add_order(self, order: Order) -> None:
        """Keep a new order. An account past ``config.orders_per_account`` forgets its oldest finished order."""
        self.orders[order.order_id] = order
        kept = self.account_orders.setdefault(order.account_id, {})
        kept[order.order_id] = order
        if order.working:
            self.open_orders.setdefault(order.account_id, {})[order.order_id] = order
            self.synced_second = None  # placed at a moment the market may have moved since: watch it at the next sync
        if len(kept) > self.config.orders_per_account:
            # Working orders are never forgotten; there are fewer of them than the cap (open_orders_per_account).
            oldest = next((old for old in kept.values() if not old.working), None)
            if oldest is not None:
                del self.orders[oldest.order_id], kept[oldest.order_id]
                self._ids.discard(oldest.order_id)

    def working_orders(self, account_id: str) -> dict[str, Order]:
        """The account's orders that may still fill, oldest first (those that finished since are dropped here)."""
        working = self.open_orders.get(account_id)
        if working is None:
            return {}
        for finished in [order_id for order_id, order in working.items() if not order.working]:
            del working[finished]
        return working

    def forget_backtest(self, backtest: Backtest) -> None:
        """Drop a finished job and its result (making room under ``config.backtests_per_key``)."""
        del self.backtests[backtest.backtest_id]
        self.results.pop(backtest.result_id, None)
        self._ids.difference_update((backtest.backtest_id, backtest.result_id))

    def result(self, result_id: str) -> Any | None:
        """A kept simulation result (now the most recently used), or None."""
        result = self.results.pop(result_id, None)
        if result is not None:
            self.results[result_id] = result
        return result

    def keep_result(self, result_id: str, result: Any) -> None:
        """Keep a result, forgetting the least recently read past ``RESULTS_KEPT``."""
        self.results[result_id] = result
        while len(self.results) > RESULTS_KEPT:
            del self.results[next(iter(self.results))]
