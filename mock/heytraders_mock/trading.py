"""Paper trading on the linked accounts: placing, filling and cancelling orders, balances and positions.

Rules of the paper exchange (the issue leaves them open; these are the mock's):

- A claimed user's accounts (one per exchange of the spec's ``x-exchanges``) start with
  ``PAPER_BALANCES``. Prices are the reference market's (``market.MarketData``); the book is one
  tick either side of the price (bid = price - tick, ask = price + tick).
- Market orders fill at once at the touch (ask to buy, bid to sell), with the fee.
- Limit orders (``limit``, Polymarket ``GTC``) fill at once at the touch when marketable, else stay
  ``pending`` with their funds held (``used``) and fill at their limit price once the market reaches
  it. ``FOK`` (Polymarket's order type, or the time in force) and ``IOC`` orders that cannot fill at
  once are ``cancelled``; a ``PostOnly`` order that would fill at once is ``rejected``.
- Stop and take-profit orders hold their funds and wait for ``stop_price``: a stop-loss triggers
  when the price moves through it against the order (a sell when the bid falls to it, a buy when
  the ask rises to it), a take-profit when it moves in the order's favour. A stop-market then fills
  at the touch; a stop-limit becomes a limit order (filling at the touch when marketable at once).
- The market is watched between two syncs, not only at them: every minute of the price path since
  the last sync is looked at (coarser steps after a clock jump of more than two weeks), so an order
  fills at the first minute the price reached it, and its ``updated_at`` says when. Syncs happen on
  each request, on ``POST /_mock/clock/advance``, and every second with the real-time clock.
- Fees: 0.1 % on spot, 0.05 % on perpetuals, none on Polymarket, in the quote currency.
- An order the account cannot pay for is ``rejected`` (spot: the quote to buy or the base to sell;
  perpetuals: margin ``notional / leverage`` plus the fee when adding exposure; Polymarket: the cost
  to buy, the shares to sell). Perpetual margin is reported as ``used`` but never liquidated.
- Positions show the average entry price, the mark (the current price) and the unrealised PnL
  ``(mark - entry) * size`` (negated for shorts); reducing a position realises PnL into the quote.
- Only working orders (``pending``, ``partially_filled``) can be cancelled; cancelling releases their
  held funds. Cancelling any other is ``VALIDATION_ERROR`` (``handlers/orders.py``), as the spec says.
- The paper exchange's maximums: an order whose ``amount`` is ``MAX_AMOUNT`` (10^12) or more, or whose
  ``price`` or ``stop_price`` is ``MAX_PRICE`` (10^9) or more, is ``rejected`` at once (no account could pay
  for it, and its fee would not fit the exchange's 8-decimal arithmetic). An account has at most
  ``MockConfig.open_orders_per_account`` (1,000) working orders: one more that would rest is ``rejected``.
  An account keeps ``MockConfig.orders_per_account`` (10,000) orders; past it its oldest finished order is
  forgotten (``store.Store.add_order``).
- The market is watched once per second of the clock (prices move per second), and again when an order
  starts resting. An order whose watching fails (a bug) is logged and ``rejected``, so that one order
  cannot fail every later request.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator, Mapping
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from .clock import epoch, iso, money, money_number
from .market import KRW_PER_USD, Market, MarketData
from .store import Account, Order, Position, Store, User

logger = logging.getLogger("heytraders_mock.trading")

PAPER_BALANCES: Mapping[str, Mapping[str, str]] = {
    "binance": {"USDT": "10000", "BTC": "0.05", "ETH": "1.2"},
    "binancefuturesusd": {"USDT": "10000"},
    "upbit": {"KRW": "20000000", "BTC": "0.02"},
    "hyperliquid": {"USDC": "10000"},
    "lighter": {"USDT": "10000"},
    "polymarket": {"USDC": "1000"},
    "gate": {"USDT": "5000"},
    "gatefutures": {"USDT": "5000"},
}
FEE_RATES = {"spot": Decimal("0.001"), "perpetual": Decimal("0.0005"), "prediction": Decimal(0)}
LIMIT_TYPES = ("limit", "GTC", "FOK", "stop_loss_limit", "take_profit_limit")
STOP_TYPES = ("stop_loss", "take_profit", "stop_loss_limit", "take_profit_limit")
CENT = Decimal("0.00000001")
SCAN_STEP = 60  # seconds between two looks at the price for a working order
MAX_SCAN = 20_000  # looks per order and sync at most; a longer gap is watched in coarser steps
MAX_AMOUNT = Decimal(10) ** 12  # the largest order size the paper exchange takes (exclusive) ...
MAX_PRICE = Decimal(10) ** 9  # ... and price or stop price: their fee still fits 28 digits at 8 decimals


def link_accounts(store: Store, user: User, exchanges: Mapping[str, Mapping[str, str]], now: datetime) -> None:
    """Give a user one paper account per exchange, once."""
    if user.account_ids:
        return
    for exchange, info in exchanges.items():
        account = Account(
            account_id=store.new_id("acc_"),
            user_id=user.user_id,
            exchange=exchange,
            market_type=str(info.get("default_market_type", "spot")),
            name=f"{info.get('name', exchange)} paper",
            created_at=now,
            free={asset: Decimal(amount) for asset, amount in PAPER_BALANCES.get(exchange, {"USDT": "10000"}).items()},
        )
        store.accounts[account.account_id] = account
        user.account_ids.append(account.account_id)


def _default_tif(order_type: str) -> str:
    # As the spec says: GTC for limit orders, IOC for market ones; stop orders rest, so GTC too.
    if order_type in ("GTC", "FOK"):
        return order_type
    return "GTC" if order_type in LIMIT_TYPES or order_type in STOP_TYPES else "IOC"


def place(
    store: Store, data: MarketData, account: Account, market: Market, view: Mapping[str, Any], now: datetime
) -> Order:
    """Create an order from a validated request view and fill it when it can fill at once."""
    order_type = str(view.get("order_type", "market"))
    order = Order(
        order_id=store.new_id("ord_", 10),
        exchange_order_id=store.exchange_order_id(account.exchange),
        account_id=account.account_id,
        exchange=account.exchange,
        symbol=market.symbol,
        market_type=market.market_type,
        side=str(view["side"]),
        order_type=order_type,
        time_in_force=str(view.get("time_in_force") or _default_tif(order_type)),
        amount=Decimal(view["amount"]),
        price=Decimal(view["price"]) if "price" in view else None,
        stop_price=Decimal(view["stop_price"]) if "stop_price" in view else None,
        leverage=view.get("leverage") if market.market_type == "perpetual" else None,
        label=view.get("label"),
        created_at=now,
        updated_at=now,
    )
    if not _within_maximums(order):
        order.status = "rejected"
    else:
        _work(store, data, account, order, market, now, placing=True)
        if order.working and len(store.working_orders(account.account_id)) >= store.config.open_orders_per_account:
            _release(account, order)  # it would rest, and the account has as many working orders as it may
            _end(order, "rejected", now)
    store.add_order(order)
    return order


def _within_maximums(order: Order) -> bool:
    prices = (price for price in (order.price, order.stop_price) if price is not None)
    return order.amount < MAX_AMOUNT and all(price < MAX_PRICE for price in prices)


def sync(store: Store, data: MarketData, now: datetime) -> None:
    """Fill or trigger the working orders whose price the market has reached since they were last watched."""
    end = epoch(now)
    if store.synced_second == end:
        return  # prices move once a second: every working order has been watched at this second
    store.synced_second = end
    for account_id in list(store.open_orders):
        account = store.accounts[account_id]
        for order in list(store.working_orders(account_id).values()):
            try:
                _watch(store, data, account, order, now, end)
            except Exception:  # a bug of the sandbox: end this order rather than fail every later request
                logger.exception("watching order %s failed; it is rejected", order.order_id)
                with contextlib.suppress(ArithmeticError, KeyError):
                    _release(account, order)
                _end(order, "rejected", now)


def _watch(store: Store, data: MarketData, account: Account, order: Order, now: datetime, end: int) -> None:
    market = data.find(order.exchange, order.symbol)
    if market is None:
        return
    for second in _moments(epoch(order.checked_until or order.created_at), end):
        _work(store, data, account, order, market, datetime.fromtimestamp(second, UTC), placing=False)
        if not order.working:
            break
    if order.checked_until is None or order.checked_until < now:
        order.checked_until = now


def _moments(start: int, end: int) -> Iterator[int]:
    """The seconds in (start, end] to look at: each whole minute, coarser over long gaps, and ``end``."""
    if end <= start:
        return
    step = max(SCAN_STEP, -(-(end - start) // MAX_SCAN))
    second = (start // step + 1) * step
    while second < end:
        yield second
        second += step
    yield end


def cancel(store: Store, order: Order, now: datetime) -> None:
    _release(store.accounts[order.account_id], order)
    order.status = "cancelled"
    order.updated_at = now


def _work(
    store: Store, data: MarketData, account: Account, order: Order, market: Market, now: datetime, *, placing: bool
) -> None:
    bid, ask = data.bid_ask(market, epoch(now))
    touch = ask if order.side == "buy" else bid
    taker = placing  # an order reaching the book now crosses it at the touch; one resting there fills at its price
    if order.order_type in STOP_TYPES and not order.triggered:
        if not _reached_stop(order, bid, ask):
            if order.locked is None:
                _hold(account, order, market, now)
            return
        order.triggered = True
        order.updated_at = now
        taker = True
    if order.order_type == "market" or order.order_type in ("stop_loss", "take_profit"):
        _fill(account, order, market, touch, now)
        return
    assert order.price is not None  # the rules require a price for every limit type
    marketable = order.price >= ask if order.side == "buy" else order.price <= bid
    if marketable and taker and order.time_in_force == "PostOnly":
        _release(account, order)
        _end(order, "rejected", now)  # it would have taken liquidity
    elif marketable:
        _fill(account, order, market, touch if taker else order.price, now)
    elif order.order_type == "FOK" or order.time_in_force in ("IOC", "FOK"):
        _release(account, order)
        _end(order, "cancelled", now)  # killed: it could not fill at once
    elif order.locked is None:
        _hold(account, order, market, now)


def _end(order: Order, status: str, now: datetime) -> None:
    order.status = status
    order.updated_at = now


def _reached_stop(order: Order, bid: Decimal, ask: Decimal) -> bool:
    assert order.stop_price is not None
    losing = order.order_type.startswith("stop_loss")
    if order.side == "sell":
        return bid <= order.stop_price if losing else bid >= order.stop_price
    return ask >= order.stop_price if losing else ask <= order.stop_price


def _hold(account: Account, order: Order, market: Market, now: datetime) -> None:
    """Set aside what a resting order will spend, so it cannot be spent twice."""
    price = order.price if order.price is not None else order.stop_price
    assert price is not None  # the rules require a price or a trigger for every resting type
    if market.market_type == "spot":
        asset, amount = (
            (market.quote, order.amount * price * (1 + FEE_RATES["spot"]))
            if order.side == "buy"
            else (market.base, order.amount)
        )
    elif market.market_type == "prediction" and order.side == "buy":
        asset, amount = market.quote, order.amount * price
    else:
        return
    if account.free.get(asset, Decimal(0)) < amount:
        _end(order, "rejected", now)
        return
    account.free[asset] = account.free.get(asset, Decimal(0)) - amount
    account.used[asset] = account.used.get(asset, Decimal(0)) + amount
    order.locked = (asset, amount)


def _release(account: Account, order: Order) -> None:
    if order.locked is not None:
        asset, amount = order.locked
        account.used[asset] -= amount
        account.free[asset] = account.free.get(asset, Decimal(0)) + amount
        order.locked = None


def _fill(account: Account, order: Order, market: Market, price: Decimal, now: datetime) -> None:
    _release(account, order)
    fee = (order.amount * price * FEE_RATES.get(market.market_type, Decimal(0))).quantize(CENT)
    settle = {"spot": _settle_spot, "perpetual": _settle_perpetual, "prediction": _settle_prediction}
    paid = settle.get(market.market_type, _settle_spot)(account, order, market, price, fee)
    order.updated_at = now
    if not paid:
        order.status = "rejected"
        return
    order.status = "filled"
    order.filled_amount = order.amount
    order.average_price = price
    order.fee = fee
    order.fee_currency = market.quote


def _add(balances: dict[str, Decimal], asset: str, amount: Decimal) -> None:
    balances[asset] = balances.get(asset, Decimal(0)) + amount


def _settle_spot(account: Account, order: Order, market: Market, price: Decimal, fee: Decimal) -> bool:
    cost = order.amount * price
    free = account.free
    if order.side == "buy":
        if free.get(market.quote, Decimal(0)) < cost + fee:
            return False
        _add(free, market.quote, -(cost + fee))
        _add(free, market.base, order.amount)
    else:
        if free.get(market.base, Decimal(0)) < order.amount:
            return False
        _add(free, market.base, -order.amount)
        _add(free, market.quote, cost - fee)
    return True


def _settle_perpetual(account: Account, order: Order, market: Market, price: Decimal, fee: Decimal) -> bool:
    position = account.positions.get(market.symbol)
    signed = order.amount if order.side == "buy" else -order.amount
    current = Decimal(0) if position is None else (position.size if position.side == "long" else -position.size)
    after = current + signed
    leverage = Decimal(order.leverage or (position.leverage if position and position.leverage else 1))
    adding = abs(after) > abs(current)
    if adding and account.free.get(market.quote, Decimal(0)) < (abs(after) - abs(current)) * price / leverage + fee:
        return False
    realized = Decimal(0)
    if position is not None and current * signed < 0:  # reducing (or flipping) realises PnL on the closed part
        closed = min(abs(signed), abs(current))
        direction = 1 if current > 0 else -1
        realized = (price - position.entry_price) * closed * direction
    _add(account.free, market.quote, realized - fee)
    if after == 0:
        account.positions.pop(market.symbol, None)
    elif position is None or current * after <= 0:  # a new position, or flipped through zero
        account.positions[market.symbol] = Position(
            market.symbol, "long" if after > 0 else "short", abs(after), price, order.leverage
        )
    else:
        if adding:
            position.entry_price = (position.entry_price * abs(current) + price * abs(signed)) / abs(after)
        position.size = abs(after)
        position.leverage = order.leverage or position.leverage
    return True


def _settle_prediction(account: Account, order: Order, market: Market, price: Decimal, fee: Decimal) -> bool:
    symbol = f"{market.symbol}/{market.quote}"
    position = account.positions.get(symbol)
    cost = order.amount * price
    if order.side == "buy":
        if account.free.get(market.quote, Decimal(0)) < cost:
            return False
        _add(account.free, market.quote, -cost)
        if position is None:
            account.positions[symbol] = Position(symbol, "long", order.amount, price)
        else:
            position.entry_price = (position.entry_price * position.size + cost) / (position.size + order.amount)
            position.size += order.amount
        return True
    if position is None or position.size < order.amount:
        return False
    _add(account.free, market.quote, cost)
    position.size -= order.amount
    if position.size == 0:
        account.positions.pop(symbol)
    return True


def _usd(data: MarketData, asset: str, amount: Decimal, now: datetime) -> Decimal:
    if asset in ("USD", "USDT", "USDC"):
        return amount
    if asset == "KRW":
        return amount / KRW_PER_USD
    market = data.find("binance", f"{asset}/USDT")
    return Decimal(0) if market is None else amount * data.price(market, epoch(now))


def _mark(data: MarketData, account: Account, position: Position, now: datetime) -> Decimal:
    symbol = position.symbol.removesuffix("/USDC") if account.exchange == "polymarket" else position.symbol
    market = data.find(account.exchange, symbol)
    return position.entry_price if market is None else data.price(market, epoch(now))


def balances(store: Store, data: MarketData, account: Account, now: datetime, symbol: str | None) -> dict[str, Any]:
    """The ``AccountBalances`` of an account; ``symbol`` is Polymarket's fast single-market query."""
    margin: dict[str, Decimal] = {}
    positions = []
    equity = Decimal(0)
    for position in account.positions.values():
        mark = _mark(data, account, position, now)
        direction = 1 if position.side == "long" else -1
        pnl = ((mark - position.entry_price) * position.size * direction).quantize(CENT)
        quote = position.symbol.split("/")[1].split(":")[0]
        if account.market_type == "perpetual":
            _add(margin, quote, position.size * position.entry_price / Decimal(position.leverage or 1))
            equity += _usd(data, quote, pnl, now)
        else:
            equity += _usd(data, quote, position.size * mark, now)
        if symbol is not None and position.symbol != f"{symbol}/USDC":
            continue
        fast = symbol is not None  # the single-market query knows the size only
        positions.append(
            {
                "symbol": position.symbol,
                "side": position.side,
                "size": money_number(position.size),
                "entry_price": Decimal(0) if fast else money_number(position.entry_price),
                "mark_price": money(mark),
                "unrealized_pnl": Decimal(0) if fast else money_number(pnl),
                "leverage": position.leverage,
            }
        )
    assets = sorted(set(account.free) | set(account.used))
    rows = []
    for asset in assets:
        cash = account.free.get(asset, Decimal(0))
        used = account.used.get(asset, Decimal(0)) + margin.get(asset, Decimal(0))
        free = cash - margin.get(asset, Decimal(0))
        total = free + used
        equity += _usd(data, asset, total, now)
        if total != 0:
            rows.append(
                {"asset": asset, "free": money_number(free), "used": money_number(used), "total": money_number(total)}
            )
    open_orders = [order.view() for order in store.working_orders(account.account_id).values()]
    return {
        "account_id": account.account_id,
        "exchange": account.exchange,
        "total_equity_usd": money_number(equity.quantize(Decimal("0.01"))),
        "balances": rows,
        "positions": positions,
        "open_orders": open_orders[::-1],
        "updated_at": iso(now),
    }
