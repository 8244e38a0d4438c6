"""Webhook delivery over real HTTP: a receiver on 127.0.0.1, the mock with its lifespan running.

The mock runs under uvicorn on a free loopback port in a background thread, with its lifespan (and so
the delivery worker) running; tests reach it over HTTP and read its outbox with ``GET /_mock/webhooks``
(or, where a request would itself sync the state, the sandbox directly). The receiver is a
``ThreadingHTTPServer`` on a free loopback port that records the raw bytes and headers of each POST
and answers from a script of statuses. Every wait is bounded, and both servers stop at the end.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import re
import socket
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import ROUND_DOWN, Decimal
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, cast

import httpx
import pytest
from heytraders import WEBHOOK_DELIVERY_HEADER as DELIVERY_HEADER
from heytraders import WEBHOOK_EVENT_HEADER as EVENT_HEADER
from heytraders import WEBHOOK_SIGNATURE_HEADER as SIGNATURE_HEADER
from heytraders import WEBHOOK_TIMESTAMP_HEADER as TIMESTAMP_HEADER
from heytraders import WebhookVerificationError, verify_webhook
from heytraders import sign_webhook as sign
from heytraders_mock import MockConfig, cli, create_app, webhooks
from heytraders_mock.clock import START, epoch
from heytraders_mock.market import MarketData
from heytraders_mock.webhooks import USER_AGENT, pin_localhost, refusal

from .conftest import Key, Mock, read_http_message, running
from .test_strategies import signal_times

RSI = "ls_rsi_reversal_btc"  # seeded: RSI(14) reversals on BINANCE BTC/USDT 1h, long entries
HOUR = 3600
DUE = [(moment - START).total_seconds() for moment in signal_times(RSI, 3)]  # its first signals (seed 0)
SECRET = "whsec_5f2b9c7e1a3d4f60"
FAST = MockConfig(seed=0, webhook_retry_delays=(0.05, 0.1), webhook_timeout=2.0)
WAIT = 5.0  # seconds any wait for something to arrive may take at most


# ---- the receiver ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Received:
    path: str
    headers: dict[str, str]  # lower-case names
    body: bytes
    at: float  # time.monotonic() on arrival


class _Server(ThreadingHTTPServer):
    receiver: Receiver

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a slow answer to a client that gave up cannot be written: expected here, not worth a traceback


class _Handler(BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        headers = {name.lower(): value for name, value in self.headers.items()}
        receiver = cast(_Server, self.server).receiver
        status, delay = receiver.record(Received(self.path, headers, body, time.monotonic()))
        if delay:
            receiver.release.wait(delay)  # a slow receiver, released at teardown
        self.send_response(status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: Any) -> None:  # quiet test output
        pass


class Receiver:
    """A webhook receiver on 127.0.0.1 answering ``statuses`` in turn, then ``default``."""

    def __init__(self) -> None:
        self.statuses: list[int] = []
        self.default = 200
        self.delays: list[float] = []  # seconds to wait before answering, per request, in turn
        self.release = threading.Event()
        self._received: list[Received] = []
        self._arrived = threading.Condition()
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.receiver = self
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    def url(self, path: str = "/hook") -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def answer(self, statuses: Sequence[int], default: int = 200, delays: Sequence[float] = ()) -> None:
        self.statuses, self.default, self.delays = list(statuses), default, list(delays)

    def record(self, received: Received) -> tuple[int, float]:
        with self._arrived:
            self._received.append(received)
            self._arrived.notify_all()
            status = self.statuses.pop(0) if self.statuses else self.default
            delay = self.delays.pop(0) if self.delays else 0.0
        return status, delay

    @property
    def received(self) -> list[Received]:
        with self._arrived:
            return list(self._received)

    def wait(self, count: int, timeout: float = WAIT) -> list[Received]:
        """The first ``count`` requests, once they have arrived (fails after ``timeout`` seconds)."""
        with self._arrived:
            arrived = self._arrived.wait_for(lambda: len(self._received) >= count, timeout)
            assert arrived, f"expected {count} deliveries within {timeout} s, got {len(self._received)}"
            return self._received[:count]

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self.release.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=WAIT)


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    server = Receiver()
    server.start()
    yield server
    server.stop()


class Trickler:
    """A receiver on 127.0.0.1 that answers each POST slowly: ``head`` at once, then ``trickle`` one byte
    every ``every`` seconds (each byte well within a per-read timeout), hanging up after ``lasting`` s."""

    def __init__(self, head: bytes, trickle: bytes, every: float = 0.1, lasting: float = 1.5) -> None:
        self.head, self.trickle, self.every, self.lasting = head, trickle, every, lasting
        self.requests = 0
        self._stop = threading.Event()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.05)
        self.port = int(self._listener.getsockname()[1])
        self.url = f"http://127.0.0.1:{self.port}/hook"
        self._thread = threading.Thread(target=self._serve, daemon=True)

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                connection, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with connection:
                self._answer(connection)

    def _answer(self, connection: socket.socket) -> None:
        connection.settimeout(WAIT)
        with contextlib.suppress(OSError):
            if read_http_message(connection) is None:
                return
            self.requests += 1
            connection.sendall(self.head)
            ends = time.monotonic() + self.lasting
            for byte in self.trickle:
                if self._stop.wait(self.every) or time.monotonic() > ends:
                    return  # hang up
                connection.sendall(bytes([byte]))

    def __enter__(self) -> Trickler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(timeout=WAIT)
        self._listener.close()


# ---- the mock, with its lifespan -------------------------------------------------------------------


@pytest.fixture
def live() -> Iterator[Mock]:
    with running(FAST) as (handle, _):
        yield handle


def deliveries(mock: Mock) -> list[dict[str, Any]]:
    response = mock.http.get("/_mock/webhooks")
    assert response.status_code == 200, response.text
    return list(response.json()["deliveries"])


def settled(mock: Mock, count: int, timeout: float = WAIT) -> list[dict[str, Any]]:
    """The outbox once it holds ``count`` deliveries none of which is pending (polled, bounded)."""
    deadline = time.monotonic() + timeout
    while True:
        found = deliveries(mock)
        if len(found) >= count and all(d["state"] != "pending" for d in found):
            return found
        assert time.monotonic() < deadline, f"outbox not settled within {timeout} s: {found}"
        time.sleep(0.02)


def subscribe(mock: Mock, key: Key, strategy: str = RSI, **body: object) -> str:
    subscription = mock.ok("POST", f"/live-strategies/{strategy}/subscribe", key, json=body)
    return str(subscription["subscription_id"])


def assert_signed(received: Received, secret: str = SECRET) -> int:
    """Check the signature the way a receiver must (over the raw bytes); the signed timestamp."""
    stamp = received.headers[TIMESTAMP_HEADER.lower()]
    assert stamp.isdigit()
    expected = "sha256=" + hmac.new(secret.encode(), stamp.encode() + b"." + received.body, hashlib.sha256).hexdigest()
    assert hmac.compare_digest(received.headers[SIGNATURE_HEADER.lower()], expected)
    assert sign(secret, int(stamp), received.body) == expected
    return int(stamp)


# ---- the tests ---------------------------------------------------------------------------------------


def test_a_signal_is_posted_with_the_documented_headers_and_a_valid_signature(live: Mock, receiver: Receiver) -> None:
    key = live.key()
    webhook = {"url": receiver.url(), "secret": SECRET, "events": ["signal"]}
    sid = subscribe(live, key, webhook=webhook)
    live.advance(DUE[0])
    [received] = receiver.wait(1)
    before = time.time()

    assert received.path == "/hook"
    headers = received.headers
    assert headers["content-type"] == "application/json" and headers["user-agent"] == USER_AGENT
    assert headers[EVENT_HEADER.lower()] == "signal"
    assert re.fullmatch(r"dlv_[0-9a-f]{16}", headers[DELIVERY_HEADER.lower()])
    assert abs(assert_signed(received) - before) < 60  # the wall clock, not the mock clock
    # The body is the compact, sorted JSON that was signed.
    body = json.loads(received.body)
    assert json.dumps(body, separators=(",", ":"), sort_keys=True).encode() == received.body
    [signal] = live.ok("GET", f"/live-strategies/subscriptions/{sid}/signals/latest", key)
    assert body == {
        "event": "signal",
        "subscription_id": sid,
        "strategy_id": RSI,
        "signal": signal,
        "error": None,
        "delivered_at": signal["generated_at"],
    }
    # The SDK's verifier accepts it, and refuses another secret.
    assert verify_webhook(received.body, received.headers, secret=SECRET).signal is not None
    with pytest.raises(WebhookVerificationError) as refused:
        verify_webhook(received.body, received.headers, secret="whsec_someone_else_entirely")
    assert refused.value.reason == "bad-signature"

    [delivery] = settled(live, 1)
    assert delivery["url"] == receiver.url() and delivery["state"] == "delivered" and delivery["error"] is None
    assert delivery["body"].encode() == received.body and delivery["subscription_id"] == sid
    assert delivery["delivery_id"] == headers[DELIVERY_HEADER.lower()] and delivery["test"] is False
    for name, value in delivery["headers"].items():  # the outbox shows the headers as sent
        assert headers[name.lower()] == value
    [attempt] = delivery["attempts"]
    assert attempt["status_code"] == 200 and attempt["error"] is None and attempt["response_time_ms"] >= 0
    assert SECRET not in json.dumps(delivery)


def test_a_failing_receiver_gets_the_same_delivery_again_with_backoff(live: Mock, receiver: Receiver) -> None:
    receiver.answer([500, 503])
    key = live.key()
    subscribe(live, key, webhook={"url": receiver.url(), "secret": SECRET})
    live.advance(DUE[0])
    first, second, third = receiver.wait(3)
    ids = {r.headers[DELIVERY_HEADER.lower()] for r in (first, second, third)}
    assert len(ids) == 1 and first.body == second.body == third.body
    for received in (first, second, third):
        assert_signed(received)  # each attempt is signed again, with its own timestamp
    # FAST waits 0.05 s, then 0.1 s (a little scheduling slack below).
    assert second.at - first.at >= 0.04 and third.at - second.at >= 0.09

    [delivery] = settled(live, 1)
    assert delivery["state"] == "delivered" and delivery["delivery_id"] in ids
    assert [a["status_code"] for a in delivery["attempts"]] == [500, 503, 200]
    assert [a["attempt"] for a in delivery["attempts"]] == [1, 2, 3]
    assert delivery["attempts"][0]["error"] == "The receiver answered HTTP 500 Internal Server Error."
    assert delivery["attempts"][2]["error"] is None


def test_a_receiver_that_always_fails_makes_the_delivery_failed(live: Mock, receiver: Receiver) -> None:
    receiver.answer([], default=500)
    key = live.key()
    subscribe(live, key, webhook={"url": receiver.url()})
    live.advance(DUE[0])
    [delivery] = settled(live, 1)
    assert delivery["state"] == "failed" and "HTTP 500" in delivery["error"]
    assert len(delivery["attempts"]) == 1 + len(FAST.webhook_retry_delays)
    assert SIGNATURE_HEADER not in delivery["headers"]  # no secret, no signature
    time.sleep(0.3)
    assert len(receiver.received) == 3  # and no attempt after giving up


def test_a_receiver_too_slow_to_answer_is_retried(receiver: Receiver) -> None:
    receiver.answer([], delays=[1.0])
    with running(MockConfig(seed=0, webhook_retry_delays=(0.05,), webhook_timeout=0.2)) as (mock, _):
        key = mock.key()
        subscribe(mock, key, webhook={"url": receiver.url()})
        mock.advance(DUE[0])
        [delivery] = settled(mock, 1)
    first, second = delivery["attempts"]
    assert (
        first["status_code"] is None and first["error"] == f"No response from 127.0.0.1:{receiver.port} within 0.2 s."
    )
    assert second["status_code"] == 200 and delivery["state"] == "delivered"


@pytest.mark.parametrize(
    "url",
    [
        "http://bot.example.com/hook",
        "http://10.0.0.1:9/hook",
        "http://0.0.0.0:9/hook",
        "http://localhost.:9/hook",  # a name, however it resolves
        "http://[::ffff:127.0.0.1]:9/hook",
        "ftp://127.0.0.1/hook",
    ],
)
def test_a_url_that_is_not_loopback_is_never_dialled(live: Mock, url: str) -> None:
    key = live.key()
    sid = subscribe(live, key, webhook={"url": url, "secret": SECRET})  # accepted, as the API accepts any URL
    live.advance(DUE[0])
    [delivery] = deliveries(live)
    assert delivery["state"] == "refused" and delivery["attempts"] == [] and delivery["subscription_id"] == sid
    assert "was not dialled" in delivery["error"]
    time.sleep(0.1)
    assert deliveries(live)[0]["attempts"] == []
    result = live.ok("POST", "/live-strategies/webhooks/test", key, json={"url": url})
    assert result["delivered"] is False and result["status_code"] is None and "not dialled" in result["error"]


def test_loopback_means_localhost_and_loopback_ip_literals() -> None:
    for url in ("http://localhost:8000/h", "http://127.0.0.1/h", "https://127.4.5.6:1/h", "http://[::1]:80/h"):
        assert refusal(url) is None, url
    for url in ("http://example.com/h", "http://192.168.1.10/h", "http://[::2]/h", "http://127.0.0.1:99999/h"):
        assert refusal(url) is not None, url


def test_a_paused_subscription_gets_no_deliveries_until_resumed(live: Mock, receiver: Receiver) -> None:
    key = live.key()
    sid = subscribe(live, key, webhook={"url": receiver.url()})
    live.ok("POST", f"/live-strategies/{RSI}/pause/{sid}", key)
    live.advance(DUE[0] + HOUR)  # past the first signal
    time.sleep(0.2)
    assert deliveries(live) == [] and receiver.received == []
    resumed_at = live.ok("POST", f"/live-strategies/{RSI}/resume/{sid}", key)["updated_at"]
    live.advance(DUE[1] - DUE[0] - HOUR)  # to the second
    [received] = receiver.wait(1)
    signal = json.loads(received.body)["signal"]
    assert signal["generated_at"] > resumed_at  # nothing from the paused hours is replayed
    assert [d["state"] for d in settled(live, 1)] == ["delivered"]


def test_latest_since_returns_only_the_signals_after_the_last_one_delivered(live: Mock, receiver: Receiver) -> None:
    key = live.key()
    sid = subscribe(live, key, webhook={"url": receiver.url(), "events": ["signal"]})
    live.advance(DUE[1])
    first, second = (json.loads(r.body)["signal"] for r in receiver.wait(2))
    assert first["generated_at"] < second["generated_at"]  # one URL's deliveries arrive in order
    path = f"/live-strategies/subscriptions/{sid}/signals/latest"
    assert live.ok("GET", path, key, params={"since": first["generated_at"]}) == [second]
    assert live.ok("GET", path, key, params={"since": second["generated_at"]}) == []
    live.advance(DUE[2] - DUE[1])
    [third] = (json.loads(r.body)["signal"] for r in receiver.wait(3)[2:])
    assert live.ok("GET", path, key, params={"since": second["generated_at"]}) == [third]


def test_stopping_a_strategy_sends_strategy_stopped_to_active_subscriptions(live: Mock, receiver: Receiver) -> None:
    key = live.key()
    active = subscribe(live, key, webhook={"url": receiver.url(), "secret": SECRET, "events": ["strategy_stopped"]})
    paused = subscribe(live, key, webhook={"url": receiver.url("/paused")})
    live.ok("POST", f"/live-strategies/{RSI}/pause/{paused}", key)
    live.advance(HOUR)  # before the first signal
    answer = live.http.post(f"/_mock/strategies/{RSI}/stop").json()
    assert answer == {"strategy_id": RSI, "status": "stopped", "notified": [active]}
    [received] = receiver.wait(1)
    assert received.path == "/hook" and received.headers[EVENT_HEADER.lower()] == "strategy_stopped"
    assert_signed(received)
    body = json.loads(received.body)
    assert body["event"] == "strategy_stopped" and body["subscription_id"] == active
    assert body["signal"] is None and body["error"] is None
    listed = {s["strategy_id"]: s for s in live.ok("GET", "/live-strategies", key)}
    assert listed[RSI]["status"] == "stopped"
    # A stopped strategy emits nothing, and stopping it again tells no one.
    live.advance(DUE[0])  # past the time of the first signal: it is not emitted
    assert live.ok("GET", f"/live-strategies/subscriptions/{active}/signals", key) == []
    assert live.http.post(f"/_mock/strategies/{RSI}/stop").json()["notified"] == []
    missing = live.http.post("/_mock/strategies/ls_nothing/stop")
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "STRATEGY_NOT_FOUND"
    assert live.http.post(f"/_mock/strategies/{RSI}/start").json()["status"] == "active"
    live.advance(DUE[1] - DUE[0] - HOUR)  # to the second, emitted as usual
    assert len(live.ok("GET", f"/live-strategies/subscriptions/{active}/signals", key)) == 1
    assert len(settled(live, 1)) == 1  # the new signal is not an event this webhook asked for
    assert len(receiver.received) == 1


def test_trade_mode_orders_land_on_the_account_and_a_rejected_one_sends_error(live: Mock, receiver: Receiver) -> None:
    key = live.key()
    account = key.accounts["binance"]
    # Spend the account's USDT down to about 60, so that the strategy's 100 USD entry cannot be paid.
    market = MarketData(0).find("binance", "BTC/USDT")
    assert market is not None
    _, ask = MarketData(0).bid_ask(market, epoch(START))
    amount = ((Decimal(10000) - 60) / (ask * Decimal("1.001"))).quantize(Decimal("0.00001"), ROUND_DOWN)
    body = {"account_id": account, "exchange": "binance", "symbol": "BTC/USDT", "side": "buy", "amount": str(amount)}
    assert live.ok("POST", "/orders", key, json=body)["status"] == "filled"
    webhook = {"url": receiver.url(), "secret": SECRET, "events": ["signal", "error"]}
    sid = subscribe(live, key, mode="trade", account_id=account, webhook=webhook)
    live.advance(DUE[0])
    signal_post, error_post = receiver.wait(2)
    assert [r.headers[EVENT_HEADER.lower()] for r in (signal_post, error_post)] == ["signal", "error"]
    assert_signed(error_post)
    error = json.loads(error_post.body)
    assert error["subscription_id"] == sid and error["signal"] is None
    assert error["error"].startswith("Order rejected by binance: insufficient balance")
    [rejected] = live.ok("GET", "/orders", key, params={"account_id": account, "status": "rejected"})["orders"]
    assert rejected["label"] == f"{sid}:{json.loads(signal_post.body)['signal']['signal_id']}"
    assert rejected["side"] == "buy" and rejected["account_id"] == account
    live.advance(DUE[1] - DUE[0])  # the close signal: nothing was opened, so nothing is sold
    mine = [o for o in live.ok("GET", "/orders", key)["orders"] if (o["label"] or "").startswith(sid)]
    assert mine == [rejected]


def test_the_webhook_test_posts_one_signed_sample_and_reports_the_answer(live: Mock, receiver: Receiver) -> None:
    key = live.key()
    receiver.answer([204, 500])
    path = "/live-strategies/webhooks/test"
    ok = live.ok("POST", path, key, json={"url": receiver.url("/ok"), "secret": SECRET, "event": "signal"})
    assert ok["delivered"] is True and ok["status_code"] == 204 and ok["error"] is None
    assert isinstance(ok["response_time_ms"], int) and ok["response_time_ms"] >= 0
    [received] = receiver.wait(1)
    assert received.path == "/ok" and received.headers[EVENT_HEADER.lower()] == "signal"
    assert_signed(received)
    assert verify_webhook(received.body, received.headers, secret=SECRET).event == "signal"

    failed = live.ok("POST", path, key, json={"url": receiver.url("/bad"), "event": "strategy_stopped"})
    assert failed["delivered"] is False and failed["status_code"] == 500
    assert failed["error"] == "The receiver answered HTTP 500 Internal Server Error."
    assert SIGNATURE_HEADER.lower() not in receiver.wait(2)[1].headers
    time.sleep(0.3)
    assert len(receiver.received) == 2  # a test is sent once: no retry

    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        closed = probe.getsockname()[1]
    unreachable = live.ok("POST", path, key, json={"url": f"http://127.0.0.1:{closed}/hook"})
    assert unreachable["delivered"] is False and unreachable["status_code"] is None
    assert unreachable["response_time_ms"] is None
    assert unreachable["error"].startswith(f"Connection refused: 127.0.0.1:{closed}")

    states = [(d["test"], d["state"], d["event"]) for d in deliveries(live)]
    assert states == [(True, "delivered", "signal"), (True, "failed", "strategy_stopped"), (True, "failed", "signal")]


def test_the_webhook_test_also_works_without_the_lifespan(mock: Mock, receiver: Receiver) -> None:
    # httpx.ASGITransport runs no lifespan: the test delivery uses a client of its own.
    key = mock.key()
    result = mock.ok("POST", "/live-strategies/webhooks/test", key, json={"url": receiver.url(), "event": "error"})
    assert result["delivered"] is True and result["status_code"] == 200
    assert json.loads(receiver.wait(1)[0].body)["error"] == "A test error event."


@pytest.mark.parametrize(
    ("head", "trickle", "delivered"),
    [
        # The status line and headers, a byte every 0.1 s: each read is quick, the whole answer is not.
        (b"", b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", False),
        # The status at once, then a body that never ends: the status is all that counts, the body is not read.
        (b"HTTP/1.1 200 OK\r\nContent-Length: 1000000\r\n\r\n", b"x" * 1000, True),
    ],
    ids=["trickled-headers", "endless-body"],
)
def test_the_webhook_timeout_is_a_deadline_for_the_whole_attempt(head: bytes, trickle: bytes, delivered: bool) -> None:
    mock = Mock(create_app(MockConfig(seed=0, webhook_timeout=0.5)))
    with Trickler(head, trickle) as receiver, mock.http:
        key = mock.key()
        started = time.monotonic()
        result = mock.ok("POST", "/live-strategies/webhooks/test", key, json={"url": receiver.url})
        elapsed = time.monotonic() - started
    assert receiver.requests == 1 and result["delivered"] is delivered
    if delivered:
        assert result["status_code"] == 200 and result["error"] is None and elapsed < 1.0
    else:
        error = f"No response from 127.0.0.1:{receiver.port} within 0.5 s."
        assert result["status_code"] is None and result["error"] == error
        assert 0.4 < elapsed < 1.3  # the 0.5 s deadline, not the trickle's 1.5 s


def test_localhost_is_dialled_as_127_0_0_1_without_a_name_lookup(
    mock: Mock, receiver: Receiver, monkeypatch: pytest.MonkeyPatch
) -> None:
    looked_up: list[object] = []
    resolve = socket.getaddrinfo

    def no_resolver(host: Any, *args: Any, **kwargs: Any) -> Any:
        if host in ("localhost", b"localhost"):
            looked_up.append(host)
            raise socket.gaierror(socket.EAI_NONAME, "no resolver in this test")
        return resolve(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", no_resolver)
    key = mock.key()
    url = f"http://localhost:{receiver.port}/hook"
    result = mock.ok("POST", "/live-strategies/webhooks/test", key, json={"url": url, "secret": SECRET})
    assert result["delivered"] is True and result["status_code"] == 200 and looked_up == []
    [received] = receiver.wait(1)
    assert received.headers["host"] == f"localhost:{receiver.port}"  # the URL's, though 127.0.0.1 was dialled
    assert_signed(received)
    assert [d["url"] for d in deliveries(mock)] == [url]


def test_pin_localhost_keeps_the_host_header_and_the_tls_name() -> None:
    request = httpx.Request("POST", "https://LocalHost:8443/hook?x=1", content=b"{}")
    pin_localhost(request)
    assert str(request.url) == "https://127.0.0.1:8443/hook?x=1" and request.headers["host"] == "localhost:8443"
    assert request.extensions["sni_hostname"] == "localhost"
    plain = httpx.Request("POST", "http://127.0.0.2/hook")
    pin_localhost(plain)
    assert str(plain.url) == "http://127.0.0.2/hook" and "sni_hostname" not in plain.extensions


def test_without_the_lifespan_deliveries_wait_in_the_outbox(mock: Mock, receiver: Receiver) -> None:
    key = mock.key()
    subscribe(mock, key, webhook={"url": receiver.url()})
    mock.advance(DUE[0])
    [delivery] = deliveries(mock)
    assert delivery["state"] == "pending" and delivery["attempts"] == []
    assert receiver.received == []


def test_with_the_realtime_clock_signals_are_delivered_while_nobody_calls(receiver: Receiver) -> None:
    config = MockConfig(seed=0, realtime_clock=True, sync_interval=0.1, webhook_retry_delays=(0.05,))
    with running(config) as (mock, sandbox):
        key = mock.key()
        subscribe(mock, key, webhook={"url": receiver.url()})
        mock.advance(DUE[0] - 3)  # the next signal is due about 3 s of wall-clock time from now
        assert sandbox.store.outbox.deliveries == []
        due = time.monotonic()
        [received] = receiver.wait(1, timeout=8.0)  # no request is made meanwhile: the ticker syncs
        assert received.at - due > 0.5
        generated = datetime.fromisoformat(json.loads(received.body)["signal"]["generated_at"].replace("Z", "+00:00"))
        assert (generated - START).total_seconds() == DUE[0]


def test_shutdown_lets_an_attempt_in_flight_finish_within_the_grace(receiver: Receiver) -> None:
    receiver.answer([], delays=[0.4])
    with running(FAST) as (mock, sandbox):
        key = mock.key()
        subscribe(mock, key, webhook={"url": receiver.url()})
        mock.advance(DUE[0])
        receiver.wait(1)  # the answer comes 0.4 s later: shut down meanwhile
        stopping = time.monotonic()
    elapsed = time.monotonic() - stopping
    [delivery] = sandbox.store.outbox.deliveries
    assert delivery.state == "delivered" and [a.status_code for a in delivery.attempts] == [200]
    assert 0.2 < elapsed < 1.5  # until the answer, not the whole grace (2 s)
    assert len(receiver.received) == 1


def test_shutdown_does_not_wait_for_a_hung_receiver(receiver: Receiver, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(webhooks, "SHUTDOWN_GRACE", 0.5)
    receiver.answer([], delays=[30.0])
    slow = MockConfig(seed=0, webhook_retry_delays=(0.05,), webhook_timeout=30.0)
    with running(slow) as (mock, sandbox):
        key = mock.key()
        subscribe(mock, key, webhook={"url": receiver.url()})
        mock.advance(DUE[0])
        receiver.wait(1)
        stopping = time.monotonic()
    assert 0.4 < time.monotonic() - stopping < 2.0  # the grace (0.5 s here), then the attempt is cut short
    [delivery] = sandbox.store.outbox.deliveries
    assert delivery.state == "pending"  # cut short: it would resume if the app started again
    assert delivery.attempts[0].error is not None and delivery.attempts[0].error.startswith("Interrupted")


def test_the_command_line_sets_the_webhook_retries_and_timeout() -> None:
    config = cli.config_from(cli.parse_args(["--webhook-retry-delays", "0.5,1,30", "--webhook-timeout", "2.5"]))
    assert config.webhook_retry_delays == (0.5, 1.0, 30.0) and config.webhook_timeout == 2.5
    assert cli.config_from(cli.parse_args([])).webhook_retry_delays == (1.0, 2.0, 4.0, 8.0)
    with pytest.raises(SystemExit):
        cli.parse_args(["--webhook-retry-delays", "soon"])
