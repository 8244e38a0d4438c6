"""Paper trading end to end over the HTTP API, on the mock clock.

Each sentence of the sandbox's paper-trading rules, checked through the API only. Prices are never
written down here: expectations come from the same reference market the mock uses
(``MarketData(seed).price`` and ``bid_ask``), and a moment when the market reaches an order's price
is found by scanning that market minute by minute, as the mock watches it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from decimal import ROUND_DOWN, Decimal
from typing import Any

import pytest
from heytraders_mock.clock import iso, parse_time
from heytraders_mock.market import Market, MarketData

from .conftest import Key, Mock

DATA = MarketData(0)  # the conftest mock's seed
MINUTE = 60
SPOT_FEE = Decimal("0.001")
PERP_FEE = Decimal("0.0005")
TOKEN = "21742633143463906290569050155826241533067272736897614950488156847949938836455"
CENT = Decimal("0.00000001")


def market(exchange: str, symbol: str) -> Market:
    found = DATA.find(exchange, symbol)
    assert found is not None, (exchange, symbol)
    return found


def now(mock: Mock) -> int:
    return int(parse_time(mock.http.get("/_mock/clock").json()["now"]).timestamp())


def first_minute(after: int, reached: Callable[[int], bool], days: int = 30) -> int:
    """The first whole minute after ``after`` at which ``reached`` holds (the mock looks once a minute)."""
    start = (after // MINUTE + 1) * MINUTE
    for second in range(start, start + days * 86400, MINUTE):
        if reached(second):
            return second
    raise AssertionError(f"the market never got there within {days} days")


def tick_down(value: Decimal, tick: Decimal) -> Decimal:
    return (value / tick).to_integral_value(ROUND_DOWN) * tick


def order(key: Key, exchange: str = "binance", symbol: str = "BTC/USDT", **fields: Any) -> dict[str, Any]:
    return {"account_id": key.accounts[exchange], "exchange": exchange, "symbol": symbol, "side": "buy", **fields}


def balances(mock: Mock, key: Key, exchange: str, **params: str) -> dict[str, Any]:
    return dict(mock.ok("GET", f"/accounts/{key.accounts[exchange]}/balances", key, params=params, exact=True))


def asset(snapshot: dict[str, Any], name: str) -> dict[str, Decimal]:
    rows = {row["asset"]: row for row in snapshot["balances"]}
    row = rows.get(name, {"free": "0", "used": "0", "total": "0"})
    return {part: Decimal(row[part]) for part in ("free", "used", "total")}


def advance_to(mock: Mock, second: int) -> None:
    mock.advance(second - now(mock))


# ---- market orders ------------------------------------------------------------------------------------


def test_a_market_buy_fills_at_the_ask_with_the_fee_and_a_sell_at_the_bid(mock: Mock) -> None:
    key = mock.key()
    btc = market("binance", "BTC/USDT")
    bid, ask = DATA.bid_ask(btc, now(mock))
    bought = mock.ok("POST", "/orders", key, json=order(key, amount="0.01"))
    assert bought["status"] == "filled" and Decimal(bought["average_price"]) == ask
    assert Decimal(bought["fee"]) == (Decimal("0.01") * ask * SPOT_FEE).quantize(CENT)
    assert bought["fee_currency"] == "USDT" and bought["filled_amount"] == "0.01"
    snapshot = balances(mock, key, "binance")
    assert asset(snapshot, "USDT")["free"] == Decimal(10000) - Decimal("0.01") * ask - Decimal(bought["fee"])
    assert asset(snapshot, "BTC")["total"] == Decimal("0.06")

    sold = mock.ok("POST", "/orders", key, json=order(key, side="sell", amount="0.02"))
    assert sold["status"] == "filled" and Decimal(sold["average_price"]) == bid
    after = balances(mock, key, "binance")
    proceeds = Decimal("0.02") * bid - Decimal(sold["fee"])
    assert asset(after, "USDT")["free"] == asset(snapshot, "USDT")["free"] + proceeds
    assert asset(after, "BTC")["total"] == Decimal("0.04")


def test_an_order_the_account_cannot_pay_for_is_rejected_and_moves_nothing(mock: Mock) -> None:
    key = mock.key()
    rejected = mock.ok("POST", "/orders", key, json=order(key, amount="1"))  # about 97,000 USDT
    assert rejected["status"] == "rejected" and rejected["filled_amount"] == "0"
    assert asset(balances(mock, key, "binance"), "USDT")["free"] == Decimal(10000)


# ---- resting orders -----------------------------------------------------------------------------------


def test_a_limit_buy_below_the_market_rests_holds_funds_and_fills_when_the_price_comes_down(mock: Mock) -> None:
    key = mock.key()
    btc = market("binance", "BTC/USDT")
    start = now(mock)
    ask_now = DATA.bid_ask(btc, start)[1]
    lowest = min(DATA.bid_ask(btc, s)[1] for s in range(start, start + 3 * 86400, MINUTE))
    limit = tick_down((ask_now + lowest) / 2, btc.tick)
    assert limit < ask_now
    amount = Decimal("0.01")
    placed = mock.ok("POST", "/orders", key, json=order(key, order_type="limit", price=str(limit), amount="0.01"))
    assert placed["status"] == "pending" and placed["time_in_force"] == "GTC" and placed["filled_amount"] == "0"
    held = amount * limit * (1 + SPOT_FEE)
    snapshot = balances(mock, key, "binance")
    assert asset(snapshot, "USDT") == {"free": Decimal(10000) - held, "used": held, "total": Decimal(10000)}
    assert [o["order_id"] for o in snapshot["open_orders"]] == [placed["order_id"]]
    open_orders = mock.ok("GET", f"/accounts/{key.accounts['binance']}/open-orders", key)
    assert [o["order_id"] for o in open_orders] == [placed["order_id"]]

    reached = first_minute(start, lambda s: DATA.bid_ask(btc, s)[1] <= limit)
    advance_to(mock, reached - MINUTE)  # every minute up to here is watched: not there yet
    assert mock.ok("GET", f"/orders/{placed['order_id']}", key)["status"] == "pending"
    advance_to(mock, reached + 86400)  # one jump well past it: it filled at the minute the price got there
    filled = mock.ok("GET", f"/orders/{placed['order_id']}", key)
    assert filled["status"] == "filled" and Decimal(filled["average_price"]) == limit
    assert filled["updated_at"] == iso(datetime.fromtimestamp(reached, UTC))
    after = balances(mock, key, "binance")
    fee = (amount * limit * SPOT_FEE).quantize(CENT)
    assert Decimal(filled["fee"]) == fee
    assert asset(after, "USDT") == {
        "free": Decimal(10000) - amount * limit - fee,
        "used": 0,
        "total": 10000 - amount * limit - fee,
    }
    assert asset(after, "BTC")["total"] == Decimal("0.05") + amount
    assert after["open_orders"] == []


def test_cancelling_a_resting_order_releases_its_funds(mock: Mock) -> None:
    key = mock.key()
    btc = market("binance", "BTC/USDT")
    far = tick_down(DATA.price(btc, now(mock)) / 2, btc.tick)
    buy = mock.ok("POST", "/orders", key, json=order(key, order_type="limit", price=str(far), amount="0.02"))
    sell = mock.ok(
        "POST", "/orders", key, json=order(key, side="sell", order_type="limit", price=str(far * 4), amount="0.03")
    )
    held = balances(mock, key, "binance")
    assert asset(held, "USDT")["used"] == Decimal("0.02") * far * (1 + SPOT_FEE)
    assert asset(held, "BTC") == {"free": Decimal("0.02"), "used": Decimal("0.03"), "total": Decimal("0.05")}
    assert mock.ok("DELETE", f"/orders/{buy['order_id']}", key)["status"] == "cancelled"
    assert mock.ok("DELETE", f"/orders/{sell['exchange_order_id']}", key)["status"] == "cancelled"
    released = balances(mock, key, "binance")
    assert asset(released, "USDT") == {"free": Decimal(10000), "used": 0, "total": Decimal(10000)}
    assert asset(released, "BTC") == {"free": Decimal("0.05"), "used": 0, "total": Decimal("0.05")}
    assert released["open_orders"] == []


@pytest.mark.parametrize("order_type", ["stop_loss", "take_profit"])
def test_stop_loss_and_take_profit_wait_for_their_trigger_and_fill_at_the_touch(mock: Mock, order_type: str) -> None:
    key = mock.key()
    btc = market("binance", "BTC/USDT")
    start = now(mock)
    bid_now = DATA.bid_ask(btc, start)[0]
    losing = order_type == "stop_loss"
    # A sell stop-loss fires when the bid falls to the trigger, a take-profit when it rises to it.
    trigger = tick_down(bid_now * (Decimal("0.995") if losing else Decimal("1.005")), btc.tick)
    body = order(key, side="sell", order_type=order_type, stop_price=str(trigger), amount="0.01")
    placed = mock.ok("POST", "/orders", key, json=body)
    assert placed["status"] == "pending" and placed["price"] is None and Decimal(placed["stop_price"]) == trigger
    assert asset(balances(mock, key, "binance"), "BTC")["used"] == Decimal("0.01")  # the BTC to sell is held

    def hit(second: int) -> bool:
        bid = DATA.bid_ask(btc, second)[0]
        return bid <= trigger if losing else bid >= trigger

    fired = first_minute(start, hit)
    advance_to(mock, fired - MINUTE)
    assert mock.ok("GET", f"/orders/{placed['order_id']}", key)["status"] == "pending"
    advance_to(mock, fired + 3600)
    filled = mock.ok("GET", f"/orders/{placed['order_id']}", key)
    assert filled["status"] == "filled" and Decimal(filled["average_price"]) == DATA.bid_ask(btc, fired)[0]
    assert filled["updated_at"] == iso(datetime.fromtimestamp(fired, UTC))
    assert asset(balances(mock, key, "binance"), "BTC") == {
        "free": Decimal("0.04"),
        "used": 0,
        "total": Decimal("0.04"),
    }


def test_a_stop_limit_becomes_a_limit_order_once_triggered(mock: Mock) -> None:
    key = mock.key()
    btc = market("binance", "BTC/USDT")
    start = now(mock)
    bid_now = DATA.bid_ask(btc, start)[0]
    trigger = tick_down(bid_now * Decimal("0.995"), btc.tick)
    limit = trigger - 5 * btc.tick
    body = order(key, side="sell", order_type="stop_loss_limit", stop_price=str(trigger), price=str(limit))
    placed = mock.ok("POST", "/orders", key, json={**body, "amount": "0.01"})
    assert placed["time_in_force"] == "GTC"
    fired = first_minute(start, lambda s: DATA.bid_ask(btc, s)[0] <= trigger)
    # Once triggered it sells at the touch if the bid is still at or above its limit, else rests there.
    bid_then = DATA.bid_ask(btc, fired)[0]
    expected = bid_then if bid_then >= limit else limit
    done = fired if bid_then >= limit else first_minute(fired, lambda s: DATA.bid_ask(btc, s)[0] >= limit)
    advance_to(mock, done + 60 * MINUTE)
    filled = mock.ok("GET", f"/orders/{placed['order_id']}", key)
    assert filled["status"] == "filled" and Decimal(filled["average_price"]) == expected


def test_time_in_force_ioc_and_post_only(mock: Mock) -> None:
    key = mock.key()
    btc = market("binance", "BTC/USDT")
    bid, ask = DATA.bid_ask(btc, now(mock))
    below = str(bid - 10 * btc.tick)
    ioc = mock.ok(
        "POST", "/orders", key, json=order(key, order_type="limit", price=below, time_in_force="IOC", amount="0.01")
    )
    assert ioc["status"] == "cancelled"  # it could not fill at once
    crossing = str(ask + btc.tick)
    maker = mock.ok(
        "POST",
        "/orders",
        key,
        json=order(key, order_type="limit", price=crossing, time_in_force="PostOnly", amount="0.01"),
    )
    assert maker["status"] == "rejected"  # it would have taken liquidity
    assert asset(balances(mock, key, "binance"), "USDT") == {"free": 10000, "used": 0, "total": 10000}


# ---- cancelling what is no longer working -------------------------------------------------------------


def test_cancelling_a_filled_cancelled_or_rejected_order_is_the_documented_validation_error(mock: Mock) -> None:
    key = mock.key()
    filled = mock.ok("POST", "/orders", key, json=order(key, amount="0.001"))
    rejected = mock.ok("POST", "/orders", key, json=order(key, amount="5"))
    resting = mock.ok("POST", "/orders", key, json=order(key, order_type="limit", price="1000", amount="0.001"))
    cancelled = mock.ok("DELETE", f"/orders/{resting['order_id']}", key)
    for done in (filled, rejected, cancelled):
        # The spec: "cancelling an order in any other state (filled, cancelled, …) is a VALIDATION_ERROR";
        # the documents: "Only cancellable when status is: OPEN, INIT, or PART_FILLED".
        error = mock.error("DELETE", f"/orders/{done['order_id']}", 400, "VALIDATION_ERROR", key)
        assert (error["details"]["parameter"], error["details"]["rule"]) == ("order_id", "order-is-working")
        assert done["status"] in error["message"] and error["suggestion"]
        assert mock.ok("GET", f"/orders/{done['order_id']}", key)["status"] == done["status"]  # unchanged


# ---- perpetuals ---------------------------------------------------------------------------------------


def test_a_perpetual_position_shows_its_entry_price_and_an_unrealised_pnl_that_follows_the_price(mock: Mock) -> None:
    key = mock.key()
    perp = market("hyperliquid", "BTC/USDC")
    start = now(mock)
    entry = DATA.bid_ask(perp, start)[1]
    body = order(key, "hyperliquid", "BTC/USDC", amount="0.1", leverage=5)
    placed = mock.ok("POST", "/orders", key, json=body)
    assert placed["symbol"] == "BTC/USDC:USDC" and placed["market_type"] == "perpetual" and placed["leverage"] == 5
    fee = Decimal(placed["fee"])
    assert fee == (Decimal("0.1") * entry * PERP_FEE).quantize(CENT)

    for later in (start, start + 3 * 3600, start + 26 * 3600):
        advance_to(mock, later)
        snapshot = balances(mock, key, "hyperliquid")
        [position] = snapshot["positions"]
        mark = DATA.price(perp, later)
        assert position["side"] == "long" and Decimal(position["size"]) == Decimal("0.1")
        assert Decimal(position["entry_price"]) == entry and Decimal(position["mark_price"]) == mark
        assert Decimal(position["unrealized_pnl"]) == ((mark - entry) * Decimal("0.1")).quantize(CENT)
        margin = Decimal("0.1") * entry / 5
        assert asset(snapshot, "USDC") == {"free": 10000 - fee - margin, "used": margin, "total": 10000 - fee}

    # Closing realises the PnL at the bid, less the fee.
    bid = DATA.bid_ask(perp, start + 26 * 3600)[0]
    closed = mock.ok("POST", "/orders", key, json={**body, "side": "sell"})
    assert Decimal(closed["average_price"]) == bid
    snapshot = balances(mock, key, "hyperliquid")
    assert snapshot["positions"] == []
    realised = (bid - entry) * Decimal("0.1") - fee - Decimal(closed["fee"])
    assert asset(snapshot, "USDC") == {"free": 10000 + realised, "used": 0, "total": 10000 + realised}


def test_a_short_position_gains_when_the_price_falls(mock: Mock) -> None:
    key = mock.key()
    perp = market("binancefuturesusd", "ETH/USDT")
    start = now(mock)
    entry = DATA.bid_ask(perp, start)[0]
    placed = mock.ok(
        "POST", "/orders", key, json=order(key, "binancefuturesusd", "ETH/USDT:USDT", side="sell", amount="1")
    )
    assert Decimal(placed["average_price"]) == entry
    later = start + 5 * 3600
    advance_to(mock, later)
    [position] = balances(mock, key, "binancefuturesusd")["positions"]
    assert position["side"] == "short" and Decimal(position["entry_price"]) == entry
    assert Decimal(position["unrealized_pnl"]) == (entry - DATA.price(perp, later)).quantize(CENT)


# ---- exchange rules -----------------------------------------------------------------------------------


def test_polymarket_rules_token_ids_probabilities_and_gtc_fok(mock: Mock) -> None:
    key = mock.key()
    token = market("polymarket", TOKEN)
    start = now(mock)
    bid, ask = DATA.bid_ask(token, start)
    assert Decimal(0) < bid < ask < Decimal(1)
    slug = order(key, "polymarket", "will-bitcoin-reach-150k", order_type="GTC", price="0.5", amount="10")
    details = mock.error("POST", "/orders", 400, "VALIDATION_ERROR", key, json=slug)["details"]
    assert (details["parameter"], details["rule"]) == ("symbol", "polymarket-symbol-is-token-id")
    for field, value, rule_id in (
        ("price", "1.5", "polymarket-price-is-probability"),
        ("order_type", "limit", "polymarket-order-types"),
        ("market_type", "spot", "polymarket-is-prediction-only"),
    ):
        body = {**order(key, "polymarket", TOKEN, order_type="GTC", price="0.5", amount="10"), field: value}
        error = mock.error("POST", "/orders", 400, "VALIDATION_ERROR", key, json=body)
        assert error["details"]["rule"] == rule_id, error

    # FOK at an aggressive price fills at once at the ask; one below the market is killed.
    fok = mock.ok(
        "POST", "/orders", key, json=order(key, "polymarket", TOKEN, order_type="FOK", price="0.99", amount="10")
    )
    assert fok["status"] == "filled" and Decimal(fok["average_price"]) == ask and Decimal(fok["fee"]) == 0
    assert fok["market_type"] == "prediction" and fok["exchange_order_id"].startswith("0x")
    low = str(bid - 20 * token.tick)
    killed = mock.ok(
        "POST", "/orders", key, json=order(key, "polymarket", TOKEN, order_type="FOK", price=low, amount="10")
    )
    assert killed["status"] == "cancelled"

    # GTC below the market rests with its cost held, and fills at its price when the market comes down.
    limit = bid - 5 * token.tick
    gtc = mock.ok(
        "POST", "/orders", key, json=order(key, "polymarket", TOKEN, order_type="GTC", price=str(limit), amount="100")
    )
    assert gtc["status"] == "pending" and gtc["time_in_force"] == "GTC"
    usdc = asset(balances(mock, key, "polymarket"), "USDC")
    assert usdc["used"] == 100 * limit and usdc["free"] == 1000 - 10 * ask - 100 * limit
    reached = first_minute(start, lambda s: DATA.bid_ask(token, s)[1] <= limit)
    advance_to(mock, reached + 600)
    assert Decimal(mock.ok("GET", f"/orders/{gtc['exchange_order_id']}", key)["average_price"]) == limit
    full = balances(mock, key, "polymarket")
    [position] = full["positions"]
    assert position["symbol"] == f"{TOKEN}/USDC" and Decimal(position["size"]) == 110
    assert Decimal(position["entry_price"]) == (10 * ask + 100 * limit) / 110
    fast = balances(mock, key, "polymarket", symbol=TOKEN)["positions"][0]
    assert fast["size"] == 110 and fast["entry_price"] == 0 and fast["unrealized_pnl"] == 0


def test_lighter_rules_symbol_form_open_orders_and_numeric_cancel(mock: Mock) -> None:
    key = mock.key()
    perp = market("lighter", "BTC/USDT")
    far = str(tick_down(DATA.price(perp, now(mock)) / 2, perp.tick))
    placed = mock.ok(
        "POST", "/orders", key, json=order(key, "lighter", "BTC/USDT", order_type="limit", price=far, amount="0.01")
    )
    assert placed["symbol"] == "BTC/USDT:USDT" and placed["status"] == "pending"
    assert placed["exchange_order_id"].isdigit()
    account = key.accounts["lighter"]
    error = mock.error("GET", f"/accounts/{account}/open-orders", 400, "VALIDATION_ERROR", key)
    assert error["details"]["rule"] == "lighter-open-orders-need-symbol"
    listed = mock.ok("GET", f"/accounts/{account}/open-orders", key, params={"symbol": "BTC/USDT"})
    assert [o["order_id"] for o in listed] == [placed["order_id"]]
    refused = mock.error("DELETE", f"/orders/{placed['order_id']}", 400, "VALIDATION_ERROR", key)
    assert refused["details"]["rule"] == "lighter-cancels-by-exchange-order-id"
    cancelled = mock.ok("DELETE", f"/orders/{placed['exchange_order_id']}", key)
    assert cancelled["status"] == "cancelled" and cancelled["order_id"] == placed["order_id"]


def test_hyperliquid_rules_perpetual_only_and_leverage(mock: Mock) -> None:
    key = mock.key()
    spot = order(key, "hyperliquid", "BTC/USDC", market_type="spot", amount="0.01")
    error = mock.error("POST", "/orders", 400, "VALIDATION_ERROR", key, json=spot)
    assert error["details"]["rule"] == "perpetual-only-exchanges"
    levered_spot = order(key, amount="0.001", leverage=3)  # binance spot
    error = mock.error("POST", "/orders", 400, "VALIDATION_ERROR", key, json=levered_spot)
    assert error["details"]["rule"] == "leverage-is-perpetual-only"
    too_much = order(key, "hyperliquid", "BTC/USDC", amount="0.01", leverage=126)
    assert (
        mock.error("POST", "/orders", 400, "VALIDATION_ERROR", key, json=too_much)["details"]["parameter"] == "leverage"
    )
    placed = mock.ok("POST", "/orders", key, json=order(key, "hyperliquid", "BTC/USDC", amount="0.01", leverage=10))
    assert placed["status"] == "filled" and placed["market_type"] == "perpetual" and placed["fee_currency"] == "USDC"
    [account] = [a for a in mock.ok("GET", "/accounts", key) if a["exchange"] == "hyperliquid"]
    assert account["market_type"] == "perpetual"
