"""The exit-code table, and errors on stderr: a line of text, or one JSON object with --json.

| code | case |
|---|---|
| 0 | success |
| 1 | any other API error (400 or 409 from the server, a failed backtest) |
| 2 | usage or validation, before any network call |
| 3 | authentication or permission (no key, 401, 403) |
| 4 | not found |
| 5 | rate limit or quota |
| 6 | network or timeout |
| 7 | order status unknown |
| 130 | Ctrl-C |

Each runs in process against a fresh sandbox app (through the CLI's transport seam), so requests can
be counted, failed on purpose, and the clock moved without waiting.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import httpx
import pytest
from heytraders_cli import workflows
from heytraders_mock import MockConfig

from tests.cli.conftest import RSI_SCRIPT, AppSandbox, Result, Runner, serve_app
from tests.contract.cli import free_port

ERROR_FIELDS = {"code", "message", "suggestion", "status", "retry_after", "exit_code"}


@dataclass
class Traffic:
    """What the command line sent; ``fail`` may answer instead of the sandbox (before or after it)."""

    requests: list[httpx.Request] = field(default_factory=list)
    fail: Callable[[httpx.Request, Callable[[], httpx.Response]], httpx.Response] | None = None


class Recording(httpx.BaseTransport):
    def __init__(self, inner: httpx.BaseTransport, traffic: Traffic) -> None:
        self.inner = inner
        self.traffic = traffic

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.traffic.requests.append(request)

        def forward() -> httpx.Response:
            return self.inner.handle_request(request)

        return self.traffic.fail(request, forward) if self.traffic.fail is not None else forward()


@pytest.fixture
def traffic(monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[AppSandbox, Traffic]]:
    seen = Traffic()
    for sandbox in serve_app(monkeypatch, MockConfig(seed=3), lambda transport: Recording(transport, seen)):
        yield sandbox, seen


@pytest.fixture
def no_waiting(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The SDK's retry and lookup pauses, recorded instead of slept."""
    slept: list[float] = []
    monkeypatch.setattr(time, "sleep", slept.append)
    return slept


def keyed(run: Runner, sandbox: AppSandbox, *, claimed: bool = True) -> str:
    key = sandbox.key(claimed=claimed)
    run.env.update(HEYTRADERS_BASE_URL=sandbox.base_url, HEYTRADERS_API_KEY=key.api_key)
    return key.account_ids.get("binance", "")


def expect(result: Result, exit_code: int, code: str, *, status: int | None = None) -> dict[str, object]:
    assert result.exit_code == exit_code, result
    assert "Traceback" not in result.stderr
    assert result.stdout == ""
    error = result.error()
    assert set(error) >= ERROR_FIELDS and error["code"] == code and error["exit_code"] == exit_code, error
    assert error["status"] == status
    return error


def test_0_success(run: Runner, app: AppSandbox) -> None:
    keyed(run, app)
    result = run("market", "get-ticker", "--symbol", "BTC/USDT", "--json")
    assert result.exit_code == 0 and result.stderr == ""
    assert result.json()["symbol"] == "BTC/USDT"


def test_1_other_api_errors(run: Runner, app: AppSandbox) -> None:
    binance = keyed(run, app)
    # Only the server knows an account's exchange: its 400 is an API error, not a usage error.
    order = ["orders", "place", "--account-id", binance, "--exchange", "upbit", "--symbol", "BTC/KRW", "--side", "buy"]
    order += ["--order-type", "limit", "--amount", "0.001", "--price", "50000000", "--yes", "--json"]
    error = expect(run(*order), 1, "VALIDATION_ERROR", status=400)
    assert error["suggestion"]
    assert run("arena", "register-arena-agent", "--display-name", "Twice").exit_code == 0
    expect(
        run("arena", "register-arena-agent", "--display-name", "Twice", "--json"), 1, "ALREADY_REGISTERED", status=409
    )


def test_1_a_failed_backtest(run: Runner, app: AppSandbox, monkeypatch: pytest.MonkeyPatch) -> None:
    keyed(run, app)
    monkeypatch.setattr(workflows, "waiting", app.clock.advance)
    args = ["--universe", "BINANCE:BTC/USDT", "--start-date", "2024-01-01", "--end-date", "2024-01-10"]
    error = expect(
        run("backtest", "run", "--script", "x = nosuch(close)", *args, "--wait", "--json"), 1, "BACKTEST_FAILED"
    )
    assert "nosuch" in str(error["message"])


def test_2_usage_and_validation_send_nothing(run: Runner, traffic: tuple[AppSandbox, Traffic]) -> None:
    sandbox, seen = traffic
    keyed(run, sandbox)
    expect(run("market", "get-ticker", "--symbol", "BTC/USDT", "--bogus", "--json"), 2, "USAGE_ERROR")
    text = run("market", "get-ticker", "--bogus")
    assert text.exit_code == 2 and "No such option '--bogus'" in text.stderr and "Traceback" not in text.stderr
    missing = expect(run("market", "get-ticker", "--json"), 2, "USAGE_ERROR")
    assert "--symbol" in str(missing["message"])
    error = expect(run(*POLYMARKET_ORDER, "--price", "1.5", "--yes", "--json"), 2, "VALIDATION_ERROR")
    assert error["parameter"] == "price" and error["rule"] == "polymarket-price-is-probability"
    assert error["value"] == "1.5" and error["suggestion"]
    # A key passed as a flag would show in the process list: there is no such flag.
    expect(run("meta", "get-my-agent", "--api-key", "ht_test_visible", "--json"), 2, "USAGE_ERROR")
    assert seen.requests == []


POLYMARKET_ORDER = [
    "orders", "place", "--account-id", "acc_1", "--exchange", "polymarket", "--side", "buy", "--order-type", "GTC",
    "--symbol", "21742633143463906290569050155826241533067272736897614950488156847949938836455", "--amount", "10",
]  # fmt: skip


def test_3_authentication_and_permission(run: Runner, app: AppSandbox) -> None:
    missing = run("meta", "get-my-agent", "--base-url", app.base_url, "--json")
    expect(missing, 3, "MISSING_API_KEY")
    run.env.update(HEYTRADERS_BASE_URL=app.base_url, HEYTRADERS_API_KEY="ht_test_unknown0000000000000000")
    expect(run("meta", "get-my-agent", "--json"), 3, "INVALID_API_KEY", status=401)
    keyed(run, app, claimed=False)  # a provisional key: research only
    expect(run("accounts", "list-accounts", "--json"), 3, "INSUFFICIENT_PERMISSIONS", status=403)


def test_4_not_found(run: Runner, app: AppSandbox) -> None:
    keyed(run, app)
    error = expect(run("orders", "get-order", "--order-id", "ord_missing", "--json"), 4, "ORDER_NOT_FOUND", status=404)
    assert error["suggestion"]
    text = run("orders", "get", "--order-id", "ord_missing")
    assert text.exit_code == 4 and text.stderr.startswith("Error: ") and "Suggestion: " in text.stderr


@pytest.fixture
def limited_app(monkeypatch: pytest.MonkeyPatch) -> Iterator[AppSandbox]:
    yield from serve_app(monkeypatch, MockConfig(seed=3, rate_limit_per_minute=3))


def test_5_rate_limited(run: Runner, limited_app: AppSandbox, no_waiting: list[float]) -> None:
    keyed(run, limited_app)
    for _ in range(3):
        assert run("meta", "get-my-agent").exit_code == 0
    error = expect(run("meta", "get-my-agent", "--json"), 5, "RATE_LIMITED", status=429)
    assert isinstance(error["retry_after"], float) and error["retry_after"] > 0
    assert no_waiting, "the SDK waits out a 429 (Retry-After) before giving up"


def test_6_no_connection(run: Runner, no_waiting: list[float]) -> None:
    closed = f"http://127.0.0.1:{free_port()}/api/v1"
    error = expect(run("meta", "check-health", "--base-url", closed, "--json"), 6, "CONNECTION_ERROR")
    assert "127.0.0.1" in str(error["message"])


def test_6_timeout(run: Runner, traffic: tuple[AppSandbox, Traffic], no_waiting: list[float]) -> None:
    sandbox, seen = traffic
    keyed(run, sandbox)

    def time_out(request: httpx.Request, forward: Callable[[], httpx.Response]) -> httpx.Response:
        raise httpx.ReadTimeout("timed out", request=request)

    seen.fail = time_out
    expect(run("meta", "check-health", "--json"), 6, "TIMEOUT")
    assert len(seen.requests) == 3  # the SDK retried an idempotent GET twice


def test_7_order_status_unknown(run: Runner, traffic: tuple[AppSandbox, Traffic], no_waiting: list[float]) -> None:
    sandbox, seen = traffic
    account = keyed(run, sandbox)
    order = ["orders", "place", "--account-id", account, "--exchange", "binance", "--symbol", "BTC/USDT"]
    order += ["--side", "buy", "--order-type", "limit", "--amount", "0.001", "--price", "50000", "--yes", "--json"]

    def lost_before_it_arrived(request: httpx.Request, forward: Callable[[], httpx.Response]) -> httpx.Response:
        if request.method == "POST":
            raise httpx.ReadTimeout("timed out", request=request)
        return forward()

    seen.fail = lost_before_it_arrived
    error = expect(run(*order, "--label", "lost-1"), 7, "ORDER_STATUS_UNKNOWN")
    assert error["label"] == "lost-1" and "not retried" in str(error["message"])
    assert [r.method for r in seen.requests].count("POST") == 1  # never placed twice

    def answer_lost(request: httpx.Request, forward: Callable[[], httpx.Response]) -> httpx.Response:
        response = forward()
        if request.method == "POST":
            raise httpx.ReadTimeout("timed out", request=request)
        return response

    seen.fail = answer_lost
    found = run(*order, "--label", "lost-2")
    assert found.exit_code == 0, found
    assert found.json()["label"] == "lost-2" and "Found it: the order was placed" in found.stderr


def test_130_ctrl_c_cancels_the_backtest(run: Runner, app: AppSandbox, monkeypatch: pytest.MonkeyPatch) -> None:
    keyed(run, app)

    def interrupt(seconds: float) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(workflows, "waiting", interrupt)
    args = ["--universe", "BINANCE:BTC/USDT", "--start-date", "2024-01-01", "--end-date", "2024-01-10", "--json"]
    result = run("backtest", "run", "--script", RSI_SCRIPT, *args, "--wait")
    error = expect(result, 130, "INTERRUPTED")
    started = [line for line in result.stderr.splitlines() if "backtest_started" in line]
    backtest_id = started[0].split('"backtest_id":"')[1].split('"')[0]
    status = run("backtest", "get-backtest-status", "--backtest-id", backtest_id, "--json")
    assert status.json()["status"] == "cancelled" and "cancelled on the server" in str(error["message"])
