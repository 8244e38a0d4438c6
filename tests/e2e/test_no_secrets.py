"""No API key, webhook secret or claim code in anything the SDK or the sandbox puts out.

Representative flows run against the in-process sandbox with ``HEYTRADERS_LOG=debug``: register, claim (a
code approved, codes left to expire), a backtest (completed and failed), orders (placed, read, cancelled,
refused before sending, and one whose answer is lost), webhooks (set with a secret, reconfigured, a test
delivery verified, a failing receiver) and errors (401, 403, 404, 429). Every secret they handle is noted.

What counts as output, searched for every noted secret, which must appear 0 times:

- **logs**: every record of every logger at DEBUG (the SDK's ``heytraders``, the sandbox's ``heytraders_mock``,
  ``httpx``, ``httpcore``, the root), formatted with its exception and stack, and whatever reached stdout/stderr;
- **exceptions**: ``str()`` and ``repr()`` of each exception raised, its printed traceback (chained causes
  included), the ``repr()`` of each of its attributes (``sent``, ``details``, ``codes``, ``response``…), and the
  same for its ``cause``;
- **reprs**: ``str()`` and ``repr()`` of the clients (and their copies and resource groups), of the raw responses
  (``APIResponse`` and its ``httpx.Response``) and of every model a call or a helper returned;
- **response bodies** of the API, except the two that exist to hand a secret over: ``POST /meta/register`` (the
  new key, shown once) and ``POST /meta/request-claim`` (the code the user types).

Not output: a secret the caller asks for by name. ``registration.api_key.get_secret_value()``, and
``code.claim_code`` in the ``on_code`` callback, whose job is to show the code to the human; a model's ``repr``
must still not show it. Nor the request headers an httpx request carries on the wire (``Authorization``,
``X-API-Key``), which are the request itself.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import anyio
import httpx
import pytest
from heytraders import (
    AsyncHeyTraders,
    BacktestFailedError,
    ClaimExpiredError,
    HeyTraders,
    OrderStatusUnknownError,
    RequestValidationError,
    WebhookVerificationError,
    models,
    verify_webhook,
)
from heytraders.errors import AuthenticationError, NotFoundError, PermissionDeniedError, RateLimitError
from heytraders_mock import MockConfig, create_app
from starlette.types import ASGIApp

from tests.e2e.test_helpers_against_mock import RSI_SCRIPT, LoseResponses, LoseResponsesSync
from tests.mock import test_webhooks
from tests.mock.conftest import SyncASGITransport
from tests.mock.test_webhooks import DUE, RSI, Received, Receiver

BASE_URL = "http://mock/api/v1"
# Response bodies meant to carry a secret to the caller.
HANDS_OVER_A_SECRET = ("/api/v1/meta/register", "/api/v1/meta/request-claim")
CAPTURED_LOGGERS = ("", "heytraders", "heytraders_mock", "httpx", "httpcore")
WRONG_KEY = "ht_live_0f1e2d3c4b5a69788796a5b4c3d2e1f0"
WEBHOOK_SECRETS = ("whsec_subscribe_5f2b9c7e1a3d", "whsec_configure_81c4d2e7f0a9", "whsec_testsend_3a6b9c2d5e8f")
MAX_REQUESTS_FOR_429 = 10
# The webhook tests' fixture: a receiver on 127.0.0.1, stopped after the test.
receiver = test_webhooks.receiver


class LogCapture(logging.Handler):
    """Every record, as a handler would write it: message, exception and stack."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s"))
        self.lines: list[str] = []
        self.loggers: set[str] = set()

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))
        self.loggers.add(record.name)

    async def wait_for(self, text: str, timeout: float = 5.0) -> None:
        """Until a line holds ``text`` (a background task logs it), for at most ``timeout`` seconds."""
        with anyio.fail_after(timeout):
            while not any(text in line for line in self.lines):
                await anyio.sleep(0.02)


@dataclass
class Outputs:
    """The secrets the flows handled, and everything they put out."""

    secrets: dict[str, str] = field(default_factory=dict)  # value -> what it is
    texts: list[tuple[str, str]] = field(default_factory=list)  # (where, text)
    raised: list[type[BaseException]] = field(default_factory=list)

    def secret(self, kind: str, value: str) -> str:
        assert value, f"an empty {kind} proves nothing"
        self.secrets[value] = kind
        return value

    def show(self, where: str, *objects: object) -> None:
        for number, obj in enumerate(objects):
            self.texts.append((f"{where}[{number}] repr", repr(obj)))
            self.texts.append((f"{where}[{number}] str", str(obj)))
            if isinstance(obj, BaseException):
                self._exception(f"{where}[{number}]", obj, set())

    def _exception(self, where: str, error: BaseException, seen: set[int]) -> None:
        if id(error) in seen:
            return
        seen.add(id(error))
        self.raised.append(type(error))
        self.texts.append((f"{where} traceback", "".join(traceback.format_exception(error))))
        self.texts.append((f"{where} args", repr(error.args)))
        for name, value in vars(error).items():
            self.texts.append((f"{where}.{name}", repr(value)))
            if isinstance(value, BaseException):
                self._exception(f"{where}.{name}", value, seen)
        for linked in (error.__cause__, error.__context__):
            if linked is not None:
                self._exception(f"{where} cause", linked, seen)

    def raises(self, where: str, expected: type[BaseException]) -> Any:
        return _Raises(self, where, expected)

    def hits(self, logs: LogCapture, std: pytest.CaptureFixture[str]) -> list[str]:
        captured = std.readouterr()
        texts = [
            *self.texts,
            *((f"log {number}", line) for number, line in enumerate(logs.lines)),
            ("stdout", captured.out),
            ("stderr", captured.err),
        ]
        return [
            f"{kind} in {where}: …{text[max(0, text.find(value) - 60) : text.find(value) + len(value) + 20]}…"
            for value, kind in self.secrets.items()
            for where, text in texts
            if value in text
        ]


class _Raises:
    """``with outputs.raises(where, SomeError):`` notes the exception it expects, and fails without one."""

    def __init__(self, outputs: Outputs, where: str, expected: type[BaseException]) -> None:
        self.outputs, self.where, self.expected = outputs, where, expected
        self.error: Any = None

    def __enter__(self) -> _Raises:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, _: Any) -> bool:
        assert error is not None, f"{self.where}: expected {self.expected.__name__}, nothing was raised"
        if not isinstance(error, self.expected):
            return False
        self.error = error
        self.outputs.show(self.where, error)
        return True


@pytest.fixture
def logs(monkeypatch: pytest.MonkeyPatch) -> Iterator[LogCapture]:
    monkeypatch.setenv("HEYTRADERS_LOG", "debug")  # the SDK reads it when a client is built
    capture = LogCapture()
    loggers = [logging.getLogger(name) for name in CAPTURED_LOGGERS]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.DEBUG)
    logging.getLogger().addHandler(capture)
    yield capture
    logging.getLogger().removeHandler(capture)
    for logger, level in zip(loggers, levels, strict=True):
        logger.setLevel(level)


async def arrived(receiver: Receiver, count: int, timeout: float = 5.0) -> list[Received]:
    """The first ``count`` deliveries, awaited without blocking the loop the sandbox's worker runs on."""
    with anyio.fail_after(timeout):
        while len(receiver.received) < count:
            await anyio.sleep(0.02)
    return receiver.received[:count]


def _keep_body(outputs: Outputs, response: httpx.Response) -> None:
    if response.request.url.path not in HANDS_OVER_A_SECRET:
        outputs.texts.append((f"body of {response.request.method} {response.request.url.path}", response.text))


def sync_http(outputs: Outputs, transport: httpx.BaseTransport) -> httpx.Client:
    """An httpx client for the SDK that also notes every response body."""

    def keep(response: httpx.Response) -> None:
        response.read()
        _keep_body(outputs, response)

    return httpx.Client(transport=transport, event_hooks={"response": [keep]})


def control(app: ASGIApp, path: str, body: dict[str, Any]) -> dict[str, Any]:
    """A ``/_mock`` call: the test playing the user on the dashboard (approving a code) or the operator.

    It goes to the app's transport directly, past any httpx client: a client would log the URL, which holds the
    claim code, and that line is the dashboard's request, not output of the SDK or the sandbox.
    """
    return _control_answer(
        SyncASGITransport(app).handle_request(httpx.Request("POST", f"http://mock{path}", json=body))
    )


def _control_answer(response: httpx.Response) -> dict[str, Any]:
    assert response.status_code == 200, response.text
    return dict(response.json())


@dataclass
class AsyncSandbox:
    app: ASGIApp
    outputs: Outputs
    clock_seconds: float = 0
    opened: list[httpx.AsyncClient] = field(default_factory=list)

    async def asleep(self, seconds: float) -> None:
        self.clock_seconds += seconds
        assert self.clock_seconds < 7 * 86400, "a helper kept waiting"
        self.app.state.sandbox.clock.advance(seconds)  # type: ignore[attr-defined]

    def now(self) -> float:
        return float(self.app.state.sandbox.clock.now().timestamp())  # type: ignore[attr-defined]

    async def control(self, path: str, body: dict[str, Any]) -> dict[str, Any]:
        request = httpx.Request("POST", f"http://mock{path}", json=body)
        response = await httpx.ASGITransport(self.app).handle_async_request(request)
        await response.aread()
        return _control_answer(response)

    async def key(self, scopes: list[str]) -> str:
        answer = await self.control("/_mock/keys", {"scopes": scopes, "claimed": True})
        return self.outputs.secret("API key", str(answer["api_key"]))

    def client(
        self, key: str | None, transport: httpx.AsyncBaseTransport | None = None, *, auth_style: Any = "bearer"
    ) -> AsyncHeyTraders:
        async def keep(response: httpx.Response) -> None:
            await response.aread()
            _keep_body(self.outputs, response)

        http = httpx.AsyncClient(transport=transport or httpx.ASGITransport(self.app), event_hooks={"response": [keep]})
        self.opened.append(http)
        client = AsyncHeyTraders(api_key=key, base_url=BASE_URL, http_client=http, max_retries=0, auth_style=auth_style)
        self.outputs.show("client", client, client.orders, client.with_options(timeout=5))
        return client

    async def aclose(self) -> None:
        for http in self.opened:
            await http.aclose()


@pytest.mark.anyio
async def test_async_flows_put_out_no_secret(
    logs: LogCapture, receiver: Receiver, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outputs = Outputs()
    for secret in WEBHOOK_SECRETS:
        outputs.secret("webhook secret", secret)
    show, raises = outputs.show, outputs.raises
    sandbox = AsyncSandbox(create_app(MockConfig(seed=0, webhook_retry_delays=(0.05,), webhook_timeout=2.0)), outputs)
    async with sandbox.app.router.lifespan_context(sandbox.app):  # type: ignore[attr-defined]  # the webhook worker
        trader = await sandbox.key(["research", "read", "trade"])
        client = sandbox.client(trader)

        # Webhooks: a signal delivered, a test delivery verified, a failing receiver, a refused secret.
        subscription = await client.live_strategies.subscribe_to_strategy(
            strategy_id=RSI, webhook={"url": receiver.url(), "secret": WEBHOOK_SECRETS[0]}
        )
        await sandbox.control("/_mock/clock/advance", {"seconds": DUE[0]})
        [signal] = await arrived(receiver, 1)
        show("signal delivery", verify_webhook(signal.body, signal.headers, WEBHOOK_SECRETS[0]))
        tested = await client.live_strategies.test_webhook(url=receiver.url(), secret=WEBHOOK_SECRETS[2])
        test_delivery = (await arrived(receiver, 2))[1]
        show(
            "webhooks",
            subscription,
            tested,
            verify_webhook(test_delivery.body, test_delivery.headers, WEBHOOK_SECRETS[2]),
        )
        with raises("webhook not verified", WebhookVerificationError):
            verify_webhook(test_delivery.body, test_delivery.headers, [WEBHOOK_SECRETS[0], WEBHOOK_SECRETS[1]])
        configured = await client.live_strategies.configure_webhook(
            subscription_id=subscription.subscription_id, url=receiver.url("/other"), secret=WEBHOOK_SECRETS[1]
        )
        receiver.answer([], default=500)
        show(
            "reconfigured",
            configured,
            await client.live_strategies.test_webhook(url=receiver.url(), secret=WEBHOOK_SECRETS[2]),
        )
        await sandbox.control("/_mock/clock/advance", {"seconds": DUE[1] - DUE[0]})
        await logs.wait_for("failed after")
        short = outputs.secret("webhook secret", "whsec_x")
        with raises("short secret", RequestValidationError):
            await client.live_strategies.test_webhook(url=receiver.url(), secret=short)

        # Register, then claim: one code the user never types, then the claim helper with a code approved.
        anonymous = sandbox.client(None)
        registration = await anonymous.meta.register(display_name="Quiet Bot", key_file=tmp_path / "key")
        provisional = outputs.secret("API key", registration.api_key.get_secret_value())
        show("register", registration)
        agent_client = sandbox.client(provisional, auth_style="x-api-key")
        unused = await agent_client.meta.request_claim(display_name="Quiet Bot")
        outputs.secret("claim code", unused.claim_code)
        show("request_claim", unused)

        async def approve(code: models.ClaimCode) -> None:
            outputs.secret("claim code", code.claim_code)
            await sandbox.control(f"/_mock/claims/{code.claim_code}/approve", {"scopes": ["research", "read"]})

        agent = await agent_client.meta.claim(
            display_name="Quiet Bot", on_code=approve, poll_interval=30, sleep=sandbox.asleep, clock=sandbox.now
        )
        show("claim", agent, await agent_client.meta.get_my_agent())
        late = (await anonymous.meta.register(display_name="Late Bot")).api_key.get_secret_value()
        late_client = sandbox.client(outputs.secret("API key", late))
        codes: list[models.ClaimCode] = []
        with raises("claim expired", ClaimExpiredError):
            await late_client.meta.claim(
                display_name="Late Bot",
                on_code=codes.append,
                max_codes=2,
                poll_interval=600,
                sleep=sandbox.asleep,
                clock=sandbox.now,
            )
        for code in codes:
            outputs.secret("claim code", code.claim_code)

        # A backtest that completes and one whose script fails.
        run = await client.backtest.run(
            script=RSI_SCRIPT,
            universe=["BINANCE:BTC/USDT"],
            start_date="2024-01-01",
            end_date="2024-02-29",
            timeframe="1h",
            sleep=sandbox.asleep,
            clock=sandbox.now,
        )
        show("backtest", run, run.summary, await run.metrics())
        with raises("backtest failed", BacktestFailedError):
            await client.backtest.run(
                script="x = nonsense(close)\nemit_signal(x, entry('BINANCE:BTC/USDT', 'LONG', Weight(1)))",
                universe=["BINANCE:BTC/USDT"],
                start_date="2024-01-01",
                end_date="2024-01-31",
                sleep=sandbox.asleep,
                clock=sandbox.now,
            )

        # Orders: placed, read (also raw), cancelled, refused before sending, and one whose answer is lost.
        account = next(a for a in await client.accounts.list_accounts() if a.exchange == "binance")
        order = await client.orders.place_order(
            account_id=account.account_id,
            exchange="binance",
            symbol="BTC/USDT",
            side="buy",
            order_type="limit",
            amount=Decimal("0.001"),
            price="50000",
            label="quiet-1",
        )
        raw = await client.orders.with_raw_response.get_order(order_id=order.order_id)
        show("orders", account, order, raw, raw.http_response, raw.parse())
        show("cancel", await client.orders.cancel_order(order_id=order.order_id))
        with raises("order refused", RequestValidationError):
            await client.orders.place_order(
                account_id=account.account_id, exchange="binance", symbol="BTC/USDT", side="buy", order_type="limit",
                amount="0.001",
            )  # fmt: skip
        lossy = sandbox.client(trader, LoseResponses(sandbox.app, deliver=True))
        with raises("order unknown", OrderStatusUnknownError) as unknown:
            await lossy.orders.place_order(
                account_id=account.account_id, exchange="binance", symbol="BTC/USDT", side="buy", amount="0.001"
            )
        show("resolved", await lossy.orders.resolve_unknown_order(unknown.error, attempts=1, interval=0))

        # Errors: 401, 403, 404 and 429.
        with raises("401", AuthenticationError):
            await sandbox.client(outputs.secret("API key", WRONG_KEY)).meta.get_my_agent()
        with raises("403", PermissionDeniedError):
            await sandbox.client(await sandbox.key(["research"])).orders.list_orders(account_id=account.account_id)
        with raises("404", NotFoundError):
            await client.orders.get_order(order_id="ord_00000000")
    limited = AsyncSandbox(create_app(MockConfig(seed=0, rate_limit_per_minute=2)), outputs)
    limited_client = limited.client(await limited.key(["research", "read"]))
    with raises("429", RateLimitError):
        for _ in range(MAX_REQUESTS_FOR_429):
            await limited_client.meta.get_my_agent()
    await sandbox.aclose()
    await limited.aclose()

    # The flows did what they claim (a quiet run proves nothing), then: no secret anywhere.
    assert agent.status == "claimed" and tested.delivered and len(codes) == 2
    assert {"API key", "claim code", "webhook secret"} <= set(outputs.secrets.values())
    assert sum(where.startswith("body of") for where, _ in outputs.texts) > 20
    assert {"heytraders", "heytraders_mock.webhooks", "httpx"} <= logs.loggers, sorted(logs.loggers)
    assert any(line.startswith("heytraders DEBUG") and "attempt" in line for line in logs.lines)
    hits = outputs.hits(logs, capsys)
    assert not hits, "secrets in the output:\n" + "\n".join(hits)


def test_sync_flows_put_out_no_secret(logs: LogCapture, capsys: pytest.CaptureFixture[str]) -> None:
    outputs = Outputs()
    app = create_app(MockConfig(seed=5))
    with sync_http(outputs, SyncASGITransport(app)) as http, sync_http(outputs, LoseResponsesSync(app)) as lossy_http:
        anonymous = HeyTraders(base_url=BASE_URL, http_client=http, max_retries=0)
        registration = anonymous.meta.register(display_name="Quiet Sync Bot")
        key = outputs.secret("API key", registration.api_key.get_secret_value())
        client = HeyTraders(api_key=key, base_url=BASE_URL, http_client=http, max_retries=0)
        outputs.show("clients", anonymous, client, client.with_options(max_retries=1), client._options, registration)

        def approve(code: models.ClaimCode) -> None:
            outputs.secret("claim code", code.claim_code)
            control(app, f"/_mock/claims/{code.claim_code}/approve", {"scopes": ["research", "read"]})

        clock = app.state.sandbox.clock
        agent = client.meta.claim(
            display_name="Quiet Sync Bot",
            on_code=approve,
            poll_interval=30,
            sleep=clock.advance,
            clock=lambda: clock.now().timestamp(),
        )
        outputs.show("claim", agent)
        with outputs.raises("403", PermissionDeniedError):
            client.orders.place_order(  # a research-and-read key cannot trade
                account_id="acc_00000000", exchange="binance", symbol="BTC/USDT", side="buy", amount="0.001"
            )

        trader_key = control(app, "/_mock/keys", {"scopes": ["research", "read", "trade"], "claimed": True})
        trader = outputs.secret("API key", str(trader_key["api_key"]))
        with HeyTraders(api_key=trader, base_url=BASE_URL, http_client=lossy_http) as lossy:
            account = next(a for a in lossy.accounts.list_accounts() if a.exchange == "binance")
            with outputs.raises("order unknown", OrderStatusUnknownError) as unknown:
                lossy.orders.place_order(
                    account_id=account.account_id, exchange="binance", symbol="BTC/USDT", side="buy", amount="0.001"
                )
            outputs.show("resolved", lossy.orders.resolve_unknown_order(unknown.error, attempts=1, interval=0))
            outputs.show("lossy client", lossy)

    assert agent.status == "claimed"
    assert {"API key", "claim code"} <= set(outputs.secrets.values())
    assert sum(where.startswith("body of") for where, _ in outputs.texts) > 3
    assert any(line.startswith("heytraders DEBUG") for line in logs.lines)
    hits = outputs.hits(logs, capsys)
    assert not hits, "secrets in the output:\n" + "\n".join(hits)
