"""live-strategies: the seeded strategies, subscriptions, webhooks and signals (emitted in ``signals.py``).

Choices: subscriptions belong to the key that made them (another key's ID is
``SUBSCRIPTION_NOT_FOUND``); ``subscriber_count`` is the seeded count plus the mock's own active
subscriptions. Any ``uri`` is accepted as a webhook URL, as the API accepts it, but the sandbox
dials only loopback receivers (``webhooks``): deliveries to any other URL are recorded as
``refused``. ``POST /live-strategies/webhooks/test`` really POSTs one signed sample delivery, once
and without retries, and reports the receiver's answer; for a URL the sandbox will not dial it
answers ``delivered: false`` with the reason. Every delivery, tests included, is in the outbox
(``GET /_mock/webhooks``).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ..clock import epoch, iso, money, parse_time
from ..context import Context, handles
from ..errors import not_found
from ..signals import delivery_body
from ..store import LiveStrategy, Subscription, Webhook
from ..validation import invalid
from .accounts import own_account

ALL_EVENTS = ["signal", "error", "strategy_stopped"]
SUBSCRIPTION_HINT = "List your subscriptions with GET /live-strategies/subscriptions."


def _strategy(ctx: Context, strategy_id: str) -> LiveStrategy:
    strategy = ctx.store.strategies.get(strategy_id)
    if strategy is None:
        raise not_found(
            "STRATEGY_NOT_FOUND", "Live strategy", strategy_id, "List the strategies with GET /live-strategies."
        )
    return strategy


def _subscription(ctx: Context, subscription_id: str, strategy_id: str | None = None) -> Subscription:
    subscription = ctx.store.subscriptions.get(subscription_id)
    if (
        subscription is None
        or subscription.key_id != ctx.caller().key_id
        or (strategy_id is not None and subscription.strategy_id != strategy_id)
    ):
        raise not_found("SUBSCRIPTION_NOT_FOUND", "Subscription", subscription_id, SUBSCRIPTION_HINT)
    return subscription


def _webhook(config: dict[str, Any]) -> Webhook:
    return Webhook(url=config["url"], events=list(config.get("events", ALL_EVENTS)), secret=config.get("secret"))


@handles("list_live_strategies")
def list_live_strategies(ctx: Context) -> list[dict[str, Any]]:
    strategies = []
    for strategy in ctx.store.strategies.values():
        active = sum(
            1
            for sub in ctx.store.subscriptions.values()
            if sub.strategy_id == strategy.strategy_id and sub.status != "cancelled"
        )
        strategies.append(
            {
                "strategy_id": strategy.strategy_id,
                "name": strategy.name,
                "description": strategy.description,
                "strategy_type": strategy.strategy_type,
                "exchange": strategy.exchange,
                "symbols": list(strategy.symbols),
                "timeframe": strategy.timeframe,
                "status": strategy.status,
                "subscriber_count": strategy.base_subscribers + active,
                "created_at": iso(strategy.created_at),
            }
        )
    return strategies


@handles("subscribe_to_strategy")
def subscribe_to_strategy(ctx: Context) -> dict[str, Any]:
    strategy = _strategy(ctx, ctx.view["strategy_id"])
    mode = str(ctx.arg("mode"))
    account_id = None
    if mode == "trade":
        account = own_account(ctx, ctx.view["account_id"])
        if account.exchange != strategy.exchange:
            raise invalid(
                "account_id",
                "account-on-strategy-exchange",
                f"is on {account.exchange}; the strategy trades on {strategy.exchange}",
                f"Pass an account on {strategy.exchange} (GET /accounts).",
                account.account_id,
            )
        account_id = account.account_id
    webhook = ctx.view.get("webhook")
    subscription = Subscription(
        subscription_id=ctx.store.new_id("sub_"),
        strategy_id=strategy.strategy_id,
        key_id=ctx.caller().key_id,
        mode=mode,
        account_id=account_id,
        status="active",
        webhook=None if webhook is None else _webhook(webhook),
        created_at=ctx.now,
        updated_at=ctx.now,
        synced_until=ctx.now,
    )
    ctx.store.subscriptions[subscription.subscription_id] = subscription
    return subscription.view()


@handles("list_subscriptions")
def list_subscriptions(ctx: Context) -> list[dict[str, Any]]:
    key_id = ctx.caller().key_id
    mine = [sub for sub in ctx.store.subscriptions.values() if sub.key_id == key_id]
    return [sub.view() for sub in reversed(mine)]


@handles("get_subscription")
def get_subscription(ctx: Context) -> dict[str, Any]:
    return _subscription(ctx, ctx.view["subscription_id"]).view()


@handles("unsubscribe_from_strategy")
def unsubscribe_from_strategy(ctx: Context) -> dict[str, Any]:
    subscription = _subscription(ctx, ctx.view["subscription_id"])
    if subscription.status != "cancelled":
        subscription.status = "cancelled"
        subscription.updated_at = ctx.now
    return subscription.view()


def _set_status(ctx: Context, status: str) -> dict[str, Any]:
    _strategy(ctx, ctx.view["strategy_id"])
    subscription = _subscription(ctx, ctx.view["subscription_id"], ctx.view["strategy_id"])
    if subscription.status == "cancelled":
        raise invalid(
            "subscription_id",
            "subscription-is-not-cancelled",
            "the subscription is cancelled, which is final",
            "Subscribe again with POST /live-strategies/{strategy_id}/subscribe.",
            subscription.subscription_id,
        )
    if subscription.status != status:
        subscription.status = status
        subscription.updated_at = ctx.now
        # Signals emitted while paused are not replayed (and none is recorded twice).
        subscription.synced_until = max(subscription.synced_until, ctx.now)
    return subscription.view()


@handles("pause_subscription")
def pause_subscription(ctx: Context) -> dict[str, Any]:
    return _set_status(ctx, "paused")


@handles("resume_subscription")
def resume_subscription(ctx: Context) -> dict[str, Any]:
    return _set_status(ctx, "active")


@handles("configure_webhook")
def configure_webhook(ctx: Context) -> dict[str, Any]:
    subscription = _subscription(ctx, ctx.view["subscription_id"])
    subscription.webhook = _webhook(ctx.view)
    subscription.updated_at = ctx.now
    return subscription.view()


@handles("delete_webhook")
def delete_webhook(ctx: Context) -> dict[str, Any]:
    subscription = _subscription(ctx, ctx.view["subscription_id"])
    if subscription.webhook is not None:
        subscription.webhook = None
        subscription.updated_at = ctx.now
    return subscription.view()


@handles("test_webhook")
async def test_webhook(ctx: Context) -> dict[str, Any]:
    event = str(ctx.arg("event"))
    strategy = next(iter(ctx.store.strategies.values()))
    market = ctx.market.find(strategy.exchange, strategy.symbols[0])
    price = money(ctx.market.price(market, epoch(ctx.now))) if market is not None else "1"
    sample = {
        "signal_id": "sig_00000000",
        "subscription_id": "sub_test",
        "strategy_id": strategy.strategy_id,
        "symbol": strategy.symbols[0],
        "side": "long",
        "price": price,
        "weight": 0.5,
        "reason": "A test delivery from the HeyTraders sandbox.",
        "generated_at": iso(ctx.now),
    }
    signal = sample if event == "signal" else None
    error = "A test error event." if event == "error" else None
    body = delivery_body(event, "sub_test", strategy.strategy_id, signal, error, ctx.now)
    url, secret = ctx.view["url"], ctx.view.get("secret")
    delivery = ctx.store.outbox.add(url, event, body, secret, subscription_id=None, test=True)
    if delivery.state == "refused":
        return {"delivered": False, "status_code": None, "response_time_ms": None, "error": delivery.error}
    attempt = await ctx.sandbox.webhooks.attempt(delivery)  # once: a test is not retried
    delivery.state = "delivered" if attempt.ok else "failed"
    return {
        "delivered": attempt.ok,
        "status_code": attempt.status_code,
        "response_time_ms": attempt.response_time_ms,
        "error": attempt.error,
    }


def _own_signals(ctx: Context) -> list[dict[str, Any]]:
    return _subscription(ctx, ctx.view["subscription_id"]).signals


@handles("list_signals")
def list_signals(ctx: Context) -> list[dict[str, Any]]:
    signals = _own_signals(ctx)
    start, end = ctx.view.get("start_date"), ctx.view.get("end_date")  # in order: the spec's request rule
    found = []
    for signal in reversed(signals):
        day = date.fromisoformat(signal["generated_at"][:10]).isoformat()
        if "symbol" in ctx.view and signal["symbol"] != ctx.view["symbol"]:
            continue
        if "side" in ctx.view and signal["side"] != ctx.view["side"]:
            continue
        if (start is not None and day < start) or (end is not None and day > end):
            continue
        found.append(signal)
        if len(found) >= int(ctx.arg("limit")):
            break
    return found


@handles("get_latest_signals")
def get_latest_signals(ctx: Context) -> list[dict[str, Any]]:
    signals = _own_signals(ctx)
    limit = int(ctx.arg("limit"))
    since = ctx.view.get("since")
    if since is None:
        return signals[-limit:]
    moment = parse_time(since)
    return [s for s in signals if parse_time(s["generated_at"]) > moment][:limit]
