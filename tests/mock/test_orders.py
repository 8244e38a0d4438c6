"""Paper orders: place, list with limit/offset/total, get, cancel, fills, balances and request parsing."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from .conftest import Key, Mock


def order(key: Key, exchange: str = "binance", **fields: Any) -> dict[str, Any]:
    body = {"account_id": key.accounts[exchange], "exchange": exchange, "symbol": "BTC/USDT", "side": "buy"}
    return {**body, "amount": "0.001", **fields}


def ask(mock: Mock, key: Key, symbol: str = "BTC/USDT") -> Decimal:
    return Decimal(mock.ok("GET", "/market/ticker", key, params={"symbol": symbol})["ask"])


def test_market_order_fills_at_the_ask_and_moves_the_balances(mock: Mock) -> None:
    key = mock.key()
    placed = mock.ok("POST", "/orders", key, json=order(key, amount="0.01", label="dip-1"))
    assert placed["status"] == "filled" and placed["order_type"] == "market" and placed["time_in_force"] == "IOC"
    assert placed["average_price"] == str(ask(mock, key)) and placed["filled_amount"] == "0.01"
    cost = Decimal(placed["average_price"]) * Decimal("0.01")
    assert Decimal(placed["fee"]) == cost * Decimal("0.001")
    balances = mock.ok("GET", f"/accounts/{key.accounts['binance']}/balances", key, exact=True)
    rows = {row["asset"]: row for row in balances["balances"]}
    assert Decimal(rows["BTC"]["total"]) == Decimal("0.06")
    assert Decimal(rows["USDT"]["free"]) == Decimal(10000) - cost - Decimal(placed["fee"])


def test_limit_order_rests_holds_funds_and_fills_when_reached(mock: Mock) -> None:
    key = mock.key()
    below = (ask(mock, key) * Decimal("0.97")).quantize(Decimal("0.1"))
    placed = mock.ok("POST", "/orders", key, json=order(key, order_type="limit", price=str(below)))
    assert placed["status"] == "pending" and placed["time_in_force"] == "GTC"
    account = key.accounts["binance"]
    snapshot = mock.ok("GET", f"/accounts/{account}/balances", key, exact=True)
    assert [o["order_id"] for o in snapshot["open_orders"]] == [placed["order_id"]]
    assert Decimal({r["asset"]: r for r in snapshot["balances"]}["USDT"]["used"]) > 0
    assert [o["order_id"] for o in mock.ok("GET", f"/accounts/{account}/open-orders", key)] == [placed["order_id"]]
    # The synthetic price wanders (a random walk with volatility regimes): step the clock until the limit is reached.
    for _ in range(120):
        mock.advance(6 * 3600)
        current = mock.ok("GET", f"/orders/{placed['order_id']}", key)
        if current["status"] == "filled":
            break
    assert current["status"] == "filled" and current["average_price"] == str(below)
    assert mock.ok("GET", f"/accounts/{account}/open-orders", key) == []


def test_list_orders_paginates_newest_first_with_total(mock: Mock) -> None:
    key = mock.key()
    ids = [mock.ok("POST", "/orders", key, json=order(key, label=f"o{i}"))["order_id"] for i in range(5)]
    page = mock.ok("GET", "/orders", key, params={"limit": 2, "offset": 1})
    assert page["total"] == 5 and page["limit"] == 2 and page["offset"] == 1
    assert [o["order_id"] for o in page["orders"]] == ids[::-1][1:3]
    last = mock.ok("GET", "/orders", key, params={"limit": 2, "offset": 4})
    assert [o["order_id"] for o in last["orders"]] == [ids[0]]
    assert mock.ok("GET", "/orders", key, params={"symbol": "ETH/USDT"})["total"] == 0
    assert (
        mock.ok("GET", "/orders", key, params={"status": "filled", "account_id": key.accounts["binance"]})["total"] == 5
    )
    error = mock.error("GET", "/orders", 400, "VALIDATION_ERROR", key, params={"limit": "lots"})
    assert error["details"]["parameter"] == "limit" and "limit" in error["message"]


def test_get_and_cancel_a_pending_order(mock: Mock) -> None:
    key = mock.key()
    placed = mock.ok("POST", "/orders", key, json=order(key, order_type="limit", price="1000"))
    assert mock.ok("GET", f"/orders/{placed['order_id']}", key)["status"] == "pending"
    cancelled = mock.ok("DELETE", f"/orders/{placed['order_id']}", key)
    assert cancelled["status"] == "cancelled"
    usdt = mock.ok("GET", f"/accounts/{key.accounts['binance']}/balances", key, exact=True)["balances"]
    assert {r["asset"]: r for r in usdt}["USDT"]["used"] == 0  # the held funds came back


def test_cancelling_a_filled_order_is_a_validation_error(mock: Mock) -> None:
    key = mock.key()
    filled = mock.ok("POST", "/orders", key, json=order(key))
    error = mock.error("DELETE", f"/orders/{filled['order_id']}", 400, "VALIDATION_ERROR", key)
    assert error["details"]["rule"] == "order-is-working" and "order_id" in error["message"]


def test_unknown_and_foreign_orders_are_order_not_found(mock: Mock) -> None:
    key, stranger = mock.key(), mock.key()
    placed = mock.ok("POST", "/orders", key, json=order(key))
    mock.error("GET", "/orders/ord_nothing", 404, "ORDER_NOT_FOUND", key)
    mock.error("GET", f"/orders/{placed['order_id']}", 404, "ORDER_NOT_FOUND", stranger)
    mock.error("DELETE", f"/orders/{placed['order_id']}", 404, "ORDER_NOT_FOUND", stranger)
    mock.error("GET", "/orders/" + "x" * 200, 404, "ORDER_NOT_FOUND", key)  # breaks the Identifier schema


def test_an_order_can_be_found_by_its_exchange_order_id(mock: Mock) -> None:
    key = mock.key()
    placed = mock.ok("POST", "/orders", key, json=order(key, order_type="limit", price="1000"))
    assert mock.ok("GET", f"/orders/{placed['exchange_order_id']}", key)["order_id"] == placed["order_id"]


def test_a_lighter_order_is_cancelled_by_its_numeric_exchange_id(mock: Mock) -> None:
    key = mock.key()
    body = order(key, "lighter", symbol="BTC/USDT", order_type="limit", price="1000", amount="0.01")
    placed = mock.ok("POST", "/orders", key, json=body)
    assert placed["symbol"] == "BTC/USDT:USDT"
    # The internal ID alone: the server adds the order's exchange to the view, and the Lighter rule applies.
    error = mock.error("DELETE", f"/orders/{placed['order_id']}", 400, "VALIDATION_ERROR", key)
    assert error["details"]["rule"] == "lighter-cancels-by-exchange-order-id"
    assert mock.ok("DELETE", f"/orders/{placed['exchange_order_id']}", key)["status"] == "cancelled"


def test_place_order_errors(mock: Mock) -> None:
    key = mock.key()
    mock.error("POST", "/orders", 404, "NOT_FOUND", key, json={**order(key), "account_id": "acc_missing"})
    error = mock.error("POST", "/orders", 400, "VALIDATION_ERROR", key, json={**order(key), "exchange": "gate"})
    assert error["details"]["rule"] == "account-exchange"
    mock.error("POST", "/orders", 422, "DATA_UNAVAILABLE", key, json=order(key, symbol="NOPE/USDT"))
    error = mock.error("POST", "/orders", 400, "VALIDATION_ERROR", key, json=order(key, order_type="limit"))
    assert error["details"] == {"parameter": "price", "rule": "limit-orders-need-price"}
    assert "price" in error["suggestion"] and "limit-orders-need-price" in error["suggestion"]


def test_insufficient_balance_is_rejected(mock: Mock) -> None:
    key = mock.key()
    assert mock.ok("POST", "/orders", key, json=order(key, amount="5"))["status"] == "rejected"


def test_request_bodies_are_parsed_strictly(mock: Mock) -> None:
    key = mock.key()
    unknown = mock.error("POST", "/orders", 400, "VALIDATION_ERROR", key, json={**order(key), "quantity": "1"})
    assert unknown["details"]["parameter"] == "quantity" and unknown["details"]["rule"] == "additionalProperties"
    # The older document's JSON numbers are accepted (deprecated); a non-positive amount or a boolean is not.
    assert mock.ok("POST", "/orders", key, json={**order(key), "amount": 0.001})["amount"] == "0.001"
    for wrong in (0, -0.5, True, "0.5.1"):
        refused = mock.error("POST", "/orders", 400, "VALIDATION_ERROR", key, json={**order(key), "amount": wrong})
        assert refused["details"]["parameter"] == "amount", wrong
    null = mock.error("POST", "/orders", 400, "VALIDATION_ERROR", key, json={**order(key), "label": None})
    assert null["details"]["parameter"] == "label"
    headers = {"Content-Type": "application/json"}
    broken = mock.error("POST", "/orders", 400, "VALIDATION_ERROR", key, content=b'{"amount": ', headers=headers)
    assert broken["details"]["parameter"] == "body" and broken["details"]["rule"] == "json"
    mock.error("POST", "/orders", 400, "VALIDATION_ERROR", key, content=b"[1, 2]", headers=headers)
    missing = mock.error("POST", "/orders", 400, "VALIDATION_ERROR", key)
    assert missing["details"]["parameter"] == "body"


def test_perpetual_orders_open_positions(mock: Mock) -> None:
    key = mock.key()
    body = order(key, "hyperliquid", symbol="BTC/USDC", amount="0.01", leverage=5)
    placed = mock.ok("POST", "/orders", key, json=body)
    assert placed["status"] == "filled" and placed["leverage"] == 5 and placed["market_type"] == "perpetual"
    snapshot = mock.ok("GET", f"/accounts/{key.accounts['hyperliquid']}/balances", key, exact=True)
    [position] = snapshot["positions"]
    assert position["side"] == "long" and position["size"] == Decimal("0.01") and position["leverage"] == 5
    mock.ok("POST", "/orders", key, json={**body, "side": "sell"})
    assert mock.ok("GET", f"/accounts/{key.accounts['hyperliquid']}/balances", key, exact=True)["positions"] == []


def test_polymarket_orders_and_the_single_market_balance_query(mock: Mock) -> None:
    key = mock.key()
    token = "21742633143463906290569050155826241533067272736897614950488156847949938836455"
    body = order(key, "polymarket", symbol=token, order_type="FOK", price="0.99", amount="10")
    assert mock.ok("POST", "/orders", key, json=body)["status"] == "filled"
    account = key.accounts["polymarket"]
    full = mock.ok("GET", f"/accounts/{account}/balances", key, exact=True)["positions"][0]
    assert full["entry_price"] != "0"
    fast = mock.ok("GET", f"/accounts/{account}/balances", key, params={"symbol": token}, exact=True)["positions"][0]
    assert fast["size"] == 10 and fast["entry_price"] == 0 and fast["unrealized_pnl"] == 0
    killed = mock.ok("POST", "/orders", key, json={**body, "price": "0.01"})
    assert killed["status"] == "cancelled"  # a fill-or-kill that cannot fill at once


def test_accounts_are_the_users_and_unknown_ones_are_not_found(mock: Mock) -> None:
    key, stranger = mock.key("research", "read"), mock.key("research", "read")
    accounts = mock.ok("GET", "/accounts", key)
    assert {a["account_id"] for a in accounts} == set(key.accounts.values())
    assert mock.ok("GET", f"/accounts/{key.accounts['upbit']}", key)["exchange"] == "upbit"
    mock.error("GET", f"/accounts/{key.accounts['upbit']}", 404, "NOT_FOUND", stranger)
    mock.error("GET", "/accounts/acc_missing/balances", 404, "NOT_FOUND", key)


def test_the_server_adds_the_orders_exchange_before_checking_the_rules(mock: Mock) -> None:
    key = mock.key()
    placed = mock.ok("POST", "/orders", key, json=order(key, order_type="limit", price="1000"))
    # account_id and symbol without exchange: the known order's exchange completes the three.
    params = {"account_id": key.accounts["binance"], "symbol": "BTC/USDT"}
    assert mock.ok("DELETE", f"/orders/{placed['exchange_order_id']}", key, params=params)["status"] == "cancelled"
    # An order the server does not know gets no exchange, and the rule asks for it.
    error = mock.error("DELETE", "/orders/38201945511", 400, "VALIDATION_ERROR", key, params=params)
    assert error["details"]["rule"] == "exchange-native-cancel-needs-all-three"
