"""Output: the API's data as JSON (validated against the spec), JSON lines, every page, tables, secrets masked."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from heytraders_cli import workflows
from heytraders_cli.output import mask_secrets, parse_json, to_json

from tests.cli.conftest import RSI_SCRIPT, AppSandbox, Runner, validate_output


@pytest.fixture
def account(run: Runner, app: AppSandbox) -> str:
    key = app.key()
    run.env.update(HEYTRADERS_BASE_URL=app.base_url, HEYTRADERS_API_KEY=key.api_key)
    return key.account_ids["binance"]


def place(run: Runner, account: str, count: int) -> None:
    for index in range(count):
        order = ["orders", "place", "--account-id", account, "--exchange", "binance", "--symbol", "BTC/USDT"]
        order += ["--side", "buy", "--order-type", "limit", "--amount", "0.001", "--price", str(40000 + index), "--yes"]
        assert run(*order).exit_code == 0


def test_json_is_the_data_as_sent_and_valid_against_the_spec(run: Runner, account: str) -> None:
    checks = {
        "get_ticker": ["market", "get-ticker", "--symbol", "BTC/USDT"],
        "get_ohlcv": ["market", "get-ohlcv", "--symbol", "ETH/USDT", "--timeframe", "4h", "--limit", "5"],
        "list_accounts": ["accounts", "list-accounts"],
        "get_account_balances": ["accounts", "get-account-balances", "--account-id", account],
        "list_live_strategies": ["live-strategies", "list-live-strategies"],
        "list_markets": ["meta", "list-markets"],
        "get_leaderboard": ["arena", "get-leaderboard", "--limit", "3"],
        "list_docs": ["docs", "list-docs"],
    }
    for operation_id, args in checks.items():
        result = run(*args)  # stdout is not a terminal: JSON without asking
        assert result.exit_code == 0, result
        validate_output(operation_id, result.json())
    # Prices are the server's decimal strings, unchanged.
    assert json.loads(run("market", "get-ticker", "--symbol", "BTC/USDT").stdout)["last"].count(".") <= 1


def test_all_follows_every_page_as_one_document_or_json_lines(run: Runner, account: str) -> None:
    place(run, account, 5)
    every = run("orders", "list-orders", "--account-id", account, "--limit", "2", "--all", "--json")
    assert every.exit_code == 0, every
    orders = every.json()
    assert len(orders) == 5 and len({order["order_id"] for order in orders}) == 5
    validate_output("list_orders", {"orders": orders, "total": 5, "limit": 5, "offset": 0})
    lines = run("orders", "list-orders", "--account-id", account, "--limit", "2", "--all", "--jsonl")
    assert [json.loads(line)["order_id"] for line in lines.stdout.splitlines()] == [o["order_id"] for o in orders]
    one_page = run("orders", "list-orders", "--account-id", account, "--limit", "2").json()
    assert one_page["total"] == 5 and len(one_page["orders"]) == 2


def test_cursor_pages_too(run: Runner, account: str) -> None:
    assert run("arena", "register-arena-agent", "--display-name", "Poster").exit_code == 0
    for index in range(3):
        args = ["arena", "create-post", "--category", "market_talk", "--title", f"Post {index}", "--content", "x"]
        assert run(*args).exit_code == 0
    posts = run("arena", "list-posts", "--sort", "new", "--limit", "1", "--all", "--json").json()
    assert len(posts) >= 3 and len({post["post_id"] for post in posts}) == len(posts)


def test_tables_for_people(run: Runner, account: str) -> None:
    place(run, account, 2)
    table = run("orders", "list-orders", "--account-id", account, "--table")
    assert table.exit_code == 0, table
    assert "order_id" in table.stdout and "┃" in table.stdout and "{" not in table.stdout
    assert "\x1b[" not in table.stdout  # no colour when not a terminal (and NO_COLOR)
    ticker = run("market", "get-ticker", "--symbol", "BTC/USDT", "--table")
    assert "│ last" in ticker.stdout


def test_markdown_documents_print_raw(run: Runner, account: str) -> None:
    guide = run("docs", "get-signal-dsl-doc", "--markdown")
    assert guide.exit_code == 0 and guide.stdout.startswith("#")


def test_backtest_run_as_a_table_prints_the_metrics_and_the_url(
    run: Runner, app: AppSandbox, account: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(workflows, "waiting", app.clock.advance)
    args = ["--universe", "BINANCE:BTC/USDT", "--start-date", "2024-01-01", "--end-date", "2024-02-15", "--wait"]
    result = run("backtest", "run", "--script", "-", *args, "--table", input=RSI_SCRIPT)
    assert result.exit_code == 0, result
    assert "total_return_pct" in result.stdout
    assert "Dashboard: https://" in result.stdout and "Backtest bt_" in result.stderr


def test_claim_re_requests_an_expired_code(run: Runner, app: AppSandbox, monkeypatch: pytest.MonkeyPatch) -> None:
    key = app.key(claimed=False).api_key
    run.env.update(HEYTRADERS_BASE_URL=app.base_url, HEYTRADERS_API_KEY=key)
    now = [0.0]
    store = app.app.state.sandbox.store  # type: ignore[attr-defined]

    def wait(seconds: float) -> None:
        # The user enters the second code only: the first expires unused.
        now[0] += seconds
        app.clock.advance(seconds)
        if len(store.claims) == 2:
            code = list(store.claims)[-1]
            response = app.control.post(f"/_mock/claims/{code}/approve", json={"scopes": ["research", "read"]})
            assert response.status_code == 200, response.text

    monkeypatch.setattr(workflows, "waiting", wait)
    monkeypatch.setattr(workflows, "monotonic", lambda: now[0])
    result = run("claim", "--name", "Slow User", "--poll-interval", "300", "--json")
    assert result.exit_code == 0, result
    codes = [json.loads(line)["claim_code"] for line in result.stderr.splitlines() if "claim_code" in line]
    assert len(codes) == 2 and codes[0] != codes[1]
    assert result.json()["status"] == "claimed"
    expired = run("claim", "--max-codes", "1", "--poll-interval", "300", "--json")  # already claimed: at once
    assert expired.exit_code == 0 and "claim_code" not in expired.stderr


def test_secret_fields_are_masked_and_numbers_kept_exact() -> None:
    data = parse_json('{"api_key": "ht_prov_abcdefghijkl1234", "nested": [{"api_key": "ht_x_9999999999998888"}],'
                      ' "price": 97250.50, "ratio": 1e-7, "count": 12345678901234567890}')  # fmt: skip
    masked = mask_secrets(data, {"api_key"})
    assert masked["api_key"] == "ht_prov_…1234" and masked["nested"][0]["api_key"] == "ht_x_…8888"
    assert data["price"] == Decimal("97250.50")
    text = to_json(masked, indent=None)
    assert '"price":97250.50' in text and '"ratio":1E-7' in text and '"count":12345678901234567890' in text
    assert json.loads(text)["count"] == 12345678901234567890
