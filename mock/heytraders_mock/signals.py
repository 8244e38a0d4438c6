"""Live strategies on the mock clock: their signals, trade-mode orders and webhook events.

Each seeded strategy emits a signal every ``strategy.every`` seconds after it went live,
alternating an entry (its ``direction``, weight 0.5) and a ``close``, symbol after symbol. A
subscription records the signals emitted while it is ``active``; those emitted while it was
paused are skipped, not replayed. Emission is computed from the clock whenever the state is synced
(each request, ``POST /_mock/clock/advance``, and every second with the real-time clock), so the
result does not depend on how often anyone asks.

In trade mode each signal also becomes a market order on the subscription's account (its
``label`` is ``<subscription_id>:<signal_id>``): an entry for 100 USD of the symbol (140,000 KRW on
Upbit), a ``close`` for the same amount the other way; a rejected order is an ``error`` event.

Events go to the subscription's webhook when it subscribed to them: ``signal`` for each signal of
an active subscription, ``error`` for a rejected trade-mode order, ``strategy_stopped`` when the
strategy stops (``POST /_mock/strategies/{strategy_id}/stop``) for each active subscription. Paused
and cancelled subscriptions get none. How they are sent, signed and retried: ``webhooks``.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from .clock import epoch, iso, money
from .market import KRW_PER_USD, MarketData
from .store import LiveStrategy, Store, Subscription, Webhook
from .trading import place

MAX_CATCH_UP = 5000  # signals recorded at most per subscription and request, after a long clock jump


def emissions(strategy: LiveStrategy, after: datetime, until: datetime) -> list[tuple[int, int]]:
    """(index, epoch second) of the strategy's signals in (after, until]."""
    if strategy.status != "active" or until <= after:
        return []
    anchor = epoch(strategy.created_at)
    first = max((epoch(after) - anchor) // strategy.every + 1, 0)
    last = (epoch(until) - anchor) // strategy.every
    first = max(first, last - MAX_CATCH_UP + 1)
    return [(index, anchor + index * strategy.every) for index in range(first, last + 1)]


def make_signal(
    data: MarketData, strategy: LiveStrategy, subscription_id: str, index: int, second: int
) -> dict[str, Any]:
    # Odd signals open, even ones close what the one before opened (on the same symbol).
    symbol = strategy.symbols[((index - 1) // 2) % len(strategy.symbols)]
    market = data.find(strategy.exchange, symbol)
    price = data.price(market, second) if market is not None else Decimal(0)
    entry = index % 2 == 1
    digest = hashlib.sha256(f"{subscription_id}:{index}".encode()).hexdigest()
    # An RSI-like reading for the reason text, on the side of the threshold the text names.
    depth = int(digest[8:12], 16) % 100 / 10  # 0.0 to 9.9
    if not entry:
        reason = f"RSI(14) back to {48 + depth / 2:.1f}: close"
    elif strategy.direction == "long":
        reason = f"RSI(14) crossed below 30 ({29.9 - depth:.1f})"
    else:
        reason = f"RSI(14) crossed above 70 ({70.1 + depth:.1f})"
    return {
        "signal_id": "sig_" + digest[:8],
        "subscription_id": subscription_id,
        "strategy_id": strategy.strategy_id,
        "symbol": symbol,
        "side": strategy.direction if entry else "close",
        "price": money(price),
        "weight": 0.5 if entry else None,
        "reason": reason,
        "generated_at": iso(datetime.fromtimestamp(second, UTC)),
    }


def sync(store: Store, data: MarketData, now: datetime) -> None:
    for subscription in store.subscriptions.values():
        if subscription.status == "cancelled":
            continue
        if subscription.status == "active":
            strategy = store.strategies[subscription.strategy_id]
            for index, second in emissions(strategy, subscription.synced_until, now):
                signal = make_signal(data, strategy, subscription.subscription_id, index, second)
                subscription.signals.append(signal)
                moment = datetime.fromtimestamp(second, UTC)
                error = _execute(store, data, subscription, signal, moment) if subscription.mode == "trade" else None
                if subscription.webhook is not None:
                    deliver(store, subscription.webhook, subscription, "signal", signal, None, moment)
                    if error is not None:
                        deliver(store, subscription.webhook, subscription, "error", None, error, moment)
        subscription.synced_until = max(subscription.synced_until, now)


def _execute(
    store: Store, data: MarketData, subscription: Subscription, signal: dict[str, Any], moment: datetime
) -> str | None:
    """Place the order a trade-mode signal asks for; the reason when it was rejected."""
    account = store.accounts.get(subscription.account_id or "")
    strategy = store.strategies[subscription.strategy_id]
    market = data.find(strategy.exchange, signal["symbol"])
    if account is None or market is None:
        return None
    side = signal["side"]
    if side == "close":
        if subscription.open_side is None:
            return None
        order_side = "sell" if subscription.open_side == "long" else "buy"
        subscription.open_side = None
    else:
        order_side = "buy" if side == "long" else "sell"
        subscription.open_side = side
    notional = Decimal(100) * (KRW_PER_USD if market.quote == "KRW" else 1)
    amount = max((notional / Decimal(signal["price"])).quantize(Decimal("0.000001")), Decimal("0.000001"))
    view = {
        "side": order_side,
        "amount": money(amount),
        "order_type": "market",
        "label": f"{subscription.subscription_id}:{signal['signal_id']}",
    }
    order = place(store, data, account, market, view, moment)
    if order.status == "rejected":
        if side != "close":
            subscription.open_side = None  # nothing was opened, so the next close has nothing to close
        return f"Order rejected by {account.exchange}: insufficient balance for {money(amount)} {signal['symbol']}"
    return None


def deliver(
    store: Store,
    webhook: Webhook,
    subscription: Subscription,
    event: str,
    signal: dict[str, Any] | None,
    error: str | None,
    moment: datetime,
) -> None:
    """Queue a ``WebhookDelivery`` of ``event`` for the subscription's webhook, if it subscribed to it."""
    if event not in webhook.events:
        return
    body = delivery_body(event, subscription.subscription_id, subscription.strategy_id, signal, error, moment)
    store.outbox.add(webhook.url, event, body, webhook.secret, subscription_id=subscription.subscription_id)


def delivery_body(
    event: str,
    subscription_id: str,
    strategy_id: str,
    signal: dict[str, Any] | None,
    error: str | None,
    moment: datetime,
) -> dict[str, Any]:
    """The spec's ``WebhookDelivery``; ``delivered_at`` is the mock-clock time of the event."""
    return {
        "event": event,
        "subscription_id": subscription_id,
        "strategy_id": strategy_id,
        "signal": signal,
        "error": error,
        "delivered_at": iso(moment),
    }


def stop_strategy(store: Store, strategy: LiveStrategy, now: datetime) -> list[str]:
    """Stop a live strategy (its signals end) and tell each active subscription; the IDs told.

    The caller syncs first, so every signal up to ``now`` has been recorded. Stopping a stopped
    strategy changes nothing and tells no one again.
    """
    if strategy.status == "stopped":
        return []
    strategy.status = "stopped"
    told = []
    for subscription in store.subscriptions.values():
        if subscription.strategy_id != strategy.strategy_id or subscription.status != "active":
            continue
        told.append(subscription.subscription_id)
        if subscription.webhook is not None:
            deliver(store, subscription.webhook, subscription, "strategy_stopped", None, None, now)
    return told


def start_strategy(store: Store, strategy: LiveStrategy, now: datetime) -> None:
    """Run a stopped (or paused) strategy again: signals resume from ``now``, none are replayed."""
    for subscription in store.subscriptions.values():
        if subscription.strategy_id == strategy.strategy_id:
            subscription.synced_until = max(subscription.synced_until, now)
    strategy.status = "active"
