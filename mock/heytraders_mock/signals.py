"""Live strategies on the mock clock: their signals, trade-mode orders and webhook events.

Each seeded strategy (``seed.STRATEGIES``) has two rules in the Signal DSL (``dsl``), evaluated on the
closed candles of its timeframe, each symbol on its own: ``entry`` (e.g. ``crossunder(rsi(close, 14),
30)``) and ``exit`` (e.g. ``crossover(rsi(close, 14), 55)``). It holds at most one position per
symbol: when the entry rule is true on a candle while it is flat there, it emits an entry (its
``direction``, weight 0.5); when the exit rule is true while it holds one, a ``close`` (weight null).
A signal is emitted at the close of the candle it fired on: ``generated_at`` is that close,
``price`` the candle's close (the decimal string the candles carry), ``reason`` quotes the rule's
indicator on that candle ("RSI(14) crossed below 30 (27.4)"), and its ID is a hash of the
subscription, the symbol and that time. Several symbols may fire on one candle: their signals share
``generated_at``. The candle still forming is never read, as for ``POST /market/evaluate``.

Signals are a pure function of the clock (and the seed), whoever asks and however often. Candles are
evaluated in fixed blocks of ``BLOCK`` candles (counted from the epoch), each read together with the
``WARMUP`` candles before it, from which its indicators settle and its position is tracked (flat at
the start of that read); a block's signals are kept (``LiveStrategy.blocks``, the ``CACHED_BLOCKS``
latest), so a sync reads only the candles that closed since, plus the warm-up. A subscription records
the signals emitted while it is ``active``; those emitted while it was paused are skipped, not
replayed. Emission is computed whenever the state is synced (each request, ``POST
/_mock/clock/advance``, and every second with the real-time clock); after a clock jump of more than
``MAX_CATCH_UP`` candles, only the signals of the last ``MAX_CATCH_UP`` candles are recorded, so a
sync stays cheap.

In trade mode each signal also becomes a market order on the subscription's account (its
``label`` is ``<subscription_id>:<signal_id>``): an entry for 100 USD of the symbol (140,000 KRW on
Upbit), a ``close`` for the same amount the other way, when the subscription's last entry on that
symbol was filled (none was recorded, or it was rejected: nothing to close); a rejected order is an
``error`` event.

Events go to the subscription's webhook when it subscribed to them: ``signal`` for each signal of
an active subscription, ``error`` for a rejected trade-mode order, ``strategy_stopped`` when the
strategy stops (``POST /_mock/strategies/{strategy_id}/stop``) for each active subscription. Paused
and cancelled subscriptions get none. How they are sent, signed and retried: ``webhooks``.
"""

from __future__ import annotations

import hashlib
import math
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from .clock import epoch, iso, money
from .dsl import DslError, Evaluator, Series, Value
from .market import DAY, KRW_PER_USD, TIMEFRAME_SECONDS, Market, MarketData
from .store import Emission, LiveStrategy, Rule, Store, Subscription, Webhook
from .trading import place

WARMUP = 500  # candles read before each block: the indicators' warm-up (RSI and EMA settle well within it)
BLOCK = 250  # candles evaluated together (one read of WARMUP + BLOCK candles)
MAX_CATCH_UP = 2000  # candles per symbol a sync evaluates at most: after a longer jump the older ones are skipped
CACHED_BLOCKS = 64  # blocks of signals each strategy keeps
# Candles that open every ``step`` seconds from the epoch (weekly and monthly ones do not).
STEPS = {timeframe: step for timeframe, step in TIMEFRAME_SECONDS.items() if step <= DAY}


def emissions(data: MarketData, strategy: LiveStrategy, after: datetime, until: datetime) -> list[Emission]:
    """The strategy's signals generated in (after, until], oldest first (on one candle, in symbol order)."""
    if strategy.status != "active" or until <= after:
        return []
    step = STEPS[strategy.timeframe]
    # Candle n opens at n * step and closes at (n + 1) * step: those closing in (after, until].
    last = epoch(until) // step - 1
    first = max(epoch(after) // step, last - MAX_CATCH_UP + 1)
    if first > last:
        return []
    found: list[Emission] = []
    for symbol in strategy.symbols:
        market = data.find(strategy.exchange, symbol)
        if market is None:
            continue
        for block in range(first // BLOCK, last // BLOCK + 1):
            found.extend(
                emission
                for emission in _block(data, strategy, market, block, last)
                if first <= emission.second // step - 1 <= last
            )
    order = {symbol: index for index, symbol in enumerate(strategy.symbols)}
    return sorted(found, key=lambda emission: (emission.second, order[emission.symbol]))


def _block(data: MarketData, strategy: LiveStrategy, market: Market, block: int, last: int) -> list[Emission]:
    """The signals of a block's candles up to candle ``last``, from the cache when it has them."""
    key = (market.symbol, block)
    count = min(BLOCK, last + 1 - block * BLOCK)
    cached = strategy.blocks.get(key)
    if cached is not None and cached[0] >= count:
        return cached[1]
    found = _evaluate(data, strategy, market, block * BLOCK, block * BLOCK + count)
    strategy.blocks.pop(key, None)
    strategy.blocks[key] = (count, found)
    while len(strategy.blocks) > CACHED_BLOCKS:
        del strategy.blocks[next(iter(strategy.blocks))]  # the least recently computed
    return found


def _evaluate(data: MarketData, strategy: LiveStrategy, market: Market, start: int, end: int) -> list[Emission]:
    """The signals of candles ``start`` to ``end - 1``, reading them with the ``WARMUP`` candles before."""
    step = STEPS[strategy.timeframe]
    closes = datetime.fromtimestamp(end * step, UTC)
    candles = data.ohlcv(
        market,
        strategy.timeframe,
        closes,
        end - start + WARMUP,
        start=datetime.fromtimestamp((start - WARMUP) * step, UTC),
        end=datetime.fromtimestamp((end - 1) * step, UTC),
    )
    evaluator = Evaluator(candles.columns())
    try:
        entries, exits = _values(evaluator, strategy.entry.condition), _values(evaluator, strategy.exit.condition)
    except DslError as error:
        if error.kind != "range":
            raise
        return []  # too few candles: the block is at the start of the sandbox's history
    found: list[Emission] = []
    quotes: dict[str, Series] = {}
    holding = False
    for index, opened in enumerate(candles.timestamps):
        if not (exits if holding else entries)[index]:
            continue
        rule = strategy.exit if holding else strategy.entry
        holding = not holding
        if opened < start * step:
            continue  # a warm-up candle: it only sets the position
        if rule.quote not in quotes:
            quotes[rule.quote] = _values(evaluator, rule.quote)
        moment = datetime.fromtimestamp(opened + step, UTC)
        candle = data.candle(market, datetime.fromtimestamp(opened, UTC), moment, moment)
        side = strategy.direction if holding else "close"
        found.append(
            Emission(opened + step, market.symbol, side, candle["close"], _reason(rule, quotes[rule.quote][index]))
        )
    return found


def _values(evaluator: Evaluator, expression: str) -> Series:
    value: Value = evaluator.series(expression)
    return value if isinstance(value, list) else [value] * evaluator.length


def _reason(rule: Rule, value: float | bool | None) -> str | None:
    """The rule's reason quoting ``value``; none when the value is missing."""
    if value is None or not math.isfinite(value):
        return None
    return rule.reason.format(value=float(value))


def make_signal(strategy: LiveStrategy, subscription_id: str, emission: Emission) -> dict[str, Any]:
    """The ``Signal`` a subscription records for one of the strategy's emissions."""
    digest = hashlib.sha256(f"{subscription_id}:{emission.symbol}:{emission.second}".encode()).hexdigest()
    entry = emission.side != "close"
    return {
        "signal_id": "sig_" + digest[:8],
        "subscription_id": subscription_id,
        "strategy_id": strategy.strategy_id,
        "symbol": emission.symbol,
        "side": emission.side,
        "price": emission.price,
        "weight": 0.5 if entry else None,
        "reason": emission.reason,
        "generated_at": iso(datetime.fromtimestamp(emission.second, UTC)),
    }


def sync(store: Store, data: MarketData, now: datetime) -> None:
    for subscription in store.subscriptions.values():
        if subscription.status == "cancelled":
            continue
        if subscription.status == "active":
            strategy = store.strategies[subscription.strategy_id]
            for emission in emissions(data, strategy, subscription.synced_until, now):
                signal = make_signal(strategy, subscription.subscription_id, emission)
                subscription.signals.append(signal)
                moment = datetime.fromtimestamp(emission.second, UTC)
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
    side, symbol = signal["side"], signal["symbol"]
    if side == "close":
        held = subscription.open_sides.pop(symbol, None)
        if held is None:  # nothing open on the symbol (its entry was rejected, or came before the subscription)
            return None
        order_side = "sell" if held == "long" else "buy"
    else:
        order_side = "buy" if side == "long" else "sell"
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
        return f"Order rejected by {account.exchange}: insufficient balance for {money(amount)} {symbol}"
    if side != "close":
        subscription.open_sides[symbol] = side
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
