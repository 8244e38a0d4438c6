"""The documents' own curl examples, replayed against the in-process mock with httpx.

Every ``curl`` of the two seed documents (``shared/seeds/000_00953bfad2b6ae12.txt``, the newer
Chinese one, and ``001_e54e9c56ff74a024.txt``, the older English one) is transcribed by hand below:
method, path, headers and JSON body as the document writes them, placeholders included. The replay
runs them in document order and fills each placeholder with a real value the mock gave earlier
(register, then a claimed key, a Polymarket token ID from the symbol list, the orders placed, the
backtest's result ...). A few steps the documents imply but show no curl for (the user's claim, which
happens on the dashboard; reading the symbol list; creating an arena profile; polling a backtest) are
marked ``setup``.

Every request is sent as the document writes it, JSON numbers included (the older document's order
amounts and both documents' ``initial_cash``), and must get a 2xx: the documents show no failing curl.
"""

from __future__ import annotations

import copy
from collections.abc import AsyncIterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest

from .harness import BASE_PATH, create_mock_app, mock_available

pytestmark = [
    pytest.mark.anyio,
    pytest.mark.skipif(not mock_available(), reason="the mock (mock/heytraders_mock) is not there yet"),
]

SEED_000 = "000_00953bfad2b6ae12"
SEED_001 = "001_e54e9c56ff74a024"
ORIGIN = "http://testserver"
BASE = ORIGIN + BASE_PATH
SCRIPT = 'oversold = rsi(close, 14) < 30\nemit_signal(oversold, entry("BINANCE:BTC/USDT", "LONG", Weight(0.5)))'
BACKTEST_POLLS = 60
BACKTEST_CLOCK_STEP = 30


@dataclass(frozen=True)
class Curl:
    """One transcribed request.

    Attributes:
        source: ``<seed>: <section>`` the curl is copied from, or ``setup: <why>``.
        method: HTTP method.
        url: The URL as written (``https://hey-traders.com/api/v1/...`` or ``$BASE/...``).
        headers: Headers as written, placeholders included.
        body: JSON body as written (``None``: no body).
        save: Values to keep from the response, ``{placeholder: JSON pointer}``.
        await_backtest: Placeholder of a backtest id to wait for before sending (the documents poll
            status with ``sleep 5``; the mock's clock is advanced instead).
    """

    source: str
    method: str
    url: str
    headers: Mapping[str, str] = field(default_factory=dict)
    body: Any = None
    save: Mapping[str, str] = field(default_factory=dict)
    await_backtest: str | None = None


JSON = {"Content-Type": "application/json"}
KEY = {"X-API-Key": "$API_KEY"}
MARKDOWN = {"Accept": "text/markdown"}
PROD = "https://hey-traders.com/api/v1"

CURLS: tuple[Curl, ...] = (
    # ---- 000 (newer, Chinese), 快速入门 (quick start) ---------------------------------------------------
    Curl(
        f"{SEED_000}: 快速入门 step 1, self-register",
        "POST",
        f"{PROD}/meta/register",
        JSON,
        {"display_name": "MyBot"},
        save={"ht_prov_...": "/data/api_key"},
    ),
    Curl(
        f"{SEED_000}: 快速入门 step 2, use the key",
        "GET",
        f"{PROD}/meta/indicators",
        {"Authorization": "Bearer ht_prov_..."},
    ),
    Curl(
        f"{SEED_000}: 快速入门 step 3, request a claim code",
        "POST",
        f"{PROD}/meta/request-claim",
        {"Authorization": "Bearer ht_prov_...", **JSON},
        {"display_name": "MyBot"},
    ),
    # (000's "JSON换行符处理" shows only a `-d` fragment, not a whole curl; its script body is replayed
    # by the backtests of 001 below.)
    # ---- 001 (older, English) ---------------------------------------------------------------------
    Curl(
        f"{SEED_001}: 1. Authentication",
        "POST",
        f"{PROD}/meta/register",
        JSON,
        {"display_name": "My Bot", "risk_profile": "moderate"},
    ),
    # setup: the user claims the agent on the dashboard (no API); the mock's control route hands out the
    # claimed key ($API_KEY) with one linked account per exchange. Then a Polymarket token ID to use.
    Curl(
        "setup: a Polymarket token ID for the placeholders 99244664... and 21798... (Token ID)",
        "GET",
        f"{PROD}/market/symbols?exchange=polymarket&limit=1",
        save={"99244664...": "/data/symbols/0/symbol", "21798... (Token ID)": "/data/symbols/0/symbol"},
    ),
    Curl(
        f"{SEED_001}: 4. Accounts API, Get Balances (full query; a Polymarket account)",
        "GET",
        f"{PROD}/accounts/{{polymarket_account_id}}/balances",
        KEY,
    ),
    Curl(
        f"{SEED_001}: 4. Accounts API, Get Balances (single market, Polymarket)",
        "GET",
        f"{PROD}/accounts/{{polymarket_account_id}}/balances?symbol=99244664...",
        KEY,
    ),
    Curl(
        f"{SEED_001}: 4. Accounts API, Get Open Orders (Lighter, symbol required)",
        "GET",
        f"{PROD}/accounts/{{lighter_account_id}}/open-orders?symbol=BTC/USDT",
        KEY,
    ),
    Curl(
        f"{SEED_001}: 4. Accounts API, Get Open Orders (Polymarket, symbol optional)",
        "GET",
        f"{PROD}/accounts/{{polymarket_account_id}}/open-orders",
        KEY,
    ),
    Curl(
        f"{SEED_001}: 4. Accounts API, Get Open Orders (Hyperliquid, symbol optional)",
        "GET",
        f"{PROD}/accounts/{{hyperliquid_account_id}}/open-orders",
        KEY,
    ),
    # The four order examples send `amount` and `price` as JSON numbers (the older document's form, which the
    # spec still accepts, deprecated).
    Curl(
        f"{SEED_001}: 5. Orders API, Example: Buy Bitcoin (Spot)",
        "POST",
        f"{PROD}/orders",
        {**KEY, **JSON},
        {
            "account_id": "acc-123",
            "exchange": "binance",
            "symbol": "BTC/USDT",
            "side": "buy",
            "order_type": "market",
            "amount": 0.001,
            "market_type": "spot",
        },
    ),
    Curl(
        f"{SEED_001}: 5. Orders API, Example: Short BTC Futures (Perpetual)",
        "POST",
        f"{PROD}/orders",
        {**KEY, **JSON},
        {
            "account_id": "acc-456",
            "exchange": "binancefuturesusd",
            "symbol": "BTC/USDT:USDT",
            "side": "sell",
            "order_type": "limit",
            "amount": 0.01,
            "price": 100000,
            "leverage": 5,
        },
        save={"{order_id}": "/data/order_id"},
    ),
    Curl(
        f"{SEED_001}: 5. Orders API, Example: Limit Order on Lighter (Futures)",
        "POST",
        f"{PROD}/orders",
        {**KEY, **JSON},
        {
            "account_id": "lighter-acc-789",
            "exchange": "lighter",
            "symbol": "BTC/USDT",
            "side": "buy",
            "order_type": "limit",
            "amount": 0.01,
            "price": 65000,
            "market_type": "perpetual",
        },
        save={"{exchange_order_id}": "/data/exchange_order_id"},
    ),
    Curl(
        f"{SEED_001}: 5. Orders API, Example: Trade Prediction (Polymarket)",
        "POST",
        f"{PROD}/orders",
        {**KEY, **JSON},
        {
            "account_id": "poly-acc-456",
            "exchange": "polymarket",
            "symbol": "21798... (Token ID)",
            "side": "buy",
            "order_type": "GTC",
            "amount": 100,
            "price": 0.65,
            "market_type": "prediction",
        },
    ),
    Curl(
        f"{SEED_001}: 5. Orders API, Cancel Order (by internal order ID)",
        "DELETE",
        f"{PROD}/orders/{{order_id}}",
        KEY,
    ),
    Curl(
        f"{SEED_001}: 5. Orders API, Cancel Order (by exchange order ID, Lighter)",
        "DELETE",
        f"{PROD}/orders/{{exchange_order_id}}?account_id=...&exchange=lighter&symbol=BTC/USDT",
        KEY,
    ),
    Curl(f"{SEED_001}: 5.5 Documentation API, script guide", "GET", f"{PROD}/docs/signal-dsl", MARKDOWN),
    Curl(f"{SEED_001}: 5.5 Documentation API, operator reference", "GET", f"{PROD}/docs/operators", MARKDOWN),
    Curl(f"{SEED_001}: 5.5 Documentation API, data variables", "GET", f"{PROD}/docs/data", MARKDOWN),
    Curl(f"{SEED_001}: 6. Backtest API, Prerequisites", "GET", f"{PROD}/docs/signal-dsl", MARKDOWN),
    # `initial_cash` is a JSON number, as both documents write it.
    Curl(
        f"{SEED_001}: 6. Backtest API, Execute Backtest",
        "POST",
        f"{PROD}/backtest/execute",
        {**KEY, **JSON},
        {
            "strategy_type": "signal",
            "description": "RSI oversold bounce on BTC",
            "script": SCRIPT,
            "universe": ["BINANCE:BTC/USDT"],
            "start_date": "2024-01-01",
            "end_date": "2024-06-30",
            "timeframe": "1h",
            "initial_cash": 10000,
        },
        save={"{backtest_id}": "/data/backtest_id"},
    ),
    Curl(
        "setup: 6. Backtest API, Workflow step 2 (poll status until completed; gives the result_id)",
        "GET",
        f"{PROD}/backtest/status/{{backtest_id}}",
        KEY,
        save={"RESULT_ID_FROM_BACKTEST": "/data/result_id"},
        await_backtest="{backtest_id}",
    ),
    Curl(
        "setup: an arena profile, which `POST /arena/posts` needs (spec: a key without one gets NOT_FOUND)",
        "POST",
        f"{PROD}/arena/agents",
        {**KEY, **JSON},
        {"display_name": "My Bot"},
    ),
    Curl(
        f"{SEED_001}: 8. Community Arena, Posts",
        "POST",
        f"{PROD}/arena/posts",
        {**KEY, **JSON},
        {
            "category": "strategy_ideas",
            "title": "Strategy Analysis: RSI Oversold",
            "content": "Analysis of RSI-based strategy...",
            "strategy_settings_id": "RESULT_ID_FROM_BACKTEST",
            "tags": ["BTC", "RSI"],
        },
    ),
    # ---- 001, Complete Workflow Example (the shell script; $BASE is its base URL) ------------------
    Curl(f"{SEED_001}: Complete Workflow Example, step 0", "GET", "$BASE/docs/signal-dsl", MARKDOWN),
    Curl(
        f"{SEED_001}: Complete Workflow Example, step 1",
        "POST",
        "$BASE/backtest/execute",
        {**KEY, **JSON},
        {
            "strategy_type": "signal",
            "description": "RSI oversold bounce on BTC",
            "script": SCRIPT,
            "universe": ["BINANCE:BTC/USDT"],
            "start_date": "2024-01-01",
            "end_date": "2024-06-30",
            "timeframe": "4h",
            "initial_cash": 10000,
        },
        save={"$BACKTEST_ID": "/data/backtest_id"},
    ),
    Curl(
        f"{SEED_001}: Complete Workflow Example, step 2",
        "GET",
        "$BASE/backtest/status/$BACKTEST_ID",
        KEY,
        save={"$RESULT_ID": "/data/result_id"},
        await_backtest="$BACKTEST_ID",
    ),
    Curl(f"{SEED_001}: Complete Workflow Example, step 3", "GET", "$BASE/backtest/results/$RESULT_ID", KEY),
)


def pointer(document: Any, path: str) -> Any:
    """The value at a JSON pointer (``/data/symbols/0/symbol``)."""
    value = document
    for token in path.lstrip("/").split("/"):
        value = value[int(token)] if isinstance(value, list) else value[token]
    return value


def substitute(value: Any, values: Mapping[str, str]) -> Any:
    """``value`` with every placeholder string replaced (longest placeholder first)."""
    if isinstance(value, str):
        for placeholder in sorted(values, key=len, reverse=True):
            value = value.replace(placeholder, values[placeholder])
        return value
    if isinstance(value, list):
        return [substitute(item, values) for item in value]
    if isinstance(value, dict):
        return {key: substitute(item, values) for key, item in value.items()}
    return value


@pytest.fixture
async def client() -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=create_mock_app())
    async with httpx.AsyncClient(transport=transport, base_url=ORIGIN) as http:
        yield http


async def claimed_key(http: httpx.AsyncClient) -> dict[str, Any]:
    response = await http.post("/_mock/keys", json={"scopes": ["research", "read", "trade"], "claimed": True})
    assert response.status_code == 200, response.text
    answer: dict[str, Any] = response.json()
    return answer


async def send(http: httpx.AsyncClient, curl: Curl, body: Any, values: Mapping[str, str]) -> httpx.Response:
    url = substitute(curl.url, values).replace(PROD, BASE)
    headers = substitute(dict(curl.headers), values)
    content = None if body is None else substitute(copy.deepcopy(body), values)
    return await http.request(curl.method, url, headers=headers, json=content)


async def wait_for_backtest(http: httpx.AsyncClient, backtest_id: str, api_key: str) -> None:
    """The document's poll loop (``sleep 5`` between polls), with the mock clock advanced instead."""
    for _ in range(BACKTEST_POLLS):
        status = await http.get(f"{BASE}/backtest/status/{backtest_id}", headers={"X-API-Key": api_key})
        assert status.status_code == 200, status.text
        state = status.json()["data"]["status"]
        if state == "completed":
            return
        assert state in ("queued", "running"), f"backtest {backtest_id} ended {state}: {status.text}"
        advanced = await http.post("/_mock/clock/advance", json={"seconds": BACKTEST_CLOCK_STEP})
        assert advanced.status_code == 200, advanced.text
    raise AssertionError(f"backtest {backtest_id} did not complete within {BACKTEST_POLLS} polls")


async def test_seed_curls_succeed_against_the_mock(client: httpx.AsyncClient) -> None:
    key = await claimed_key(client)
    accounts: dict[str, str] = key["account_ids"]
    values: dict[str, str] = {
        "$API_KEY": key["api_key"],
        "$BASE": BASE,
        # The documents' account ids, each standing for the linked account of its exchange.
        "acc-123": accounts["binance"],
        "acc-456": accounts["binancefuturesusd"],
        "lighter-acc-789": accounts["lighter"],
        "poly-acc-456": accounts["polymarket"],
        "{polymarket_account_id}": accounts["polymarket"],
        "{lighter_account_id}": accounts["lighter"],
        "{hyperliquid_account_id}": accounts["hyperliquid"],
        "account_id=...": f"account_id={accounts['lighter']}",
    }
    replayed: list[str] = []
    for curl in CURLS:
        if curl.await_backtest is not None:
            await wait_for_backtest(client, values[curl.await_backtest], key["api_key"])
        response = await send(client, curl, curl.body, values)
        assert 200 <= response.status_code < 300, f"{curl.source}: {response.status_code} {response.text}"
        if curl.headers.get("Accept") == "text/markdown":
            assert response.headers["content-type"].startswith("text/markdown"), curl.source
        for placeholder, path in curl.save.items():
            saved = pointer(response.json(), path)
            assert isinstance(saved, str) and saved, f"{curl.source}: nothing at {path}: {response.text}"
            values[placeholder] = saved
        replayed.append(curl.source)
    assert len(replayed) == len(CURLS)
