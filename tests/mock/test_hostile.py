"""Hostile input to the sandbox: every request gets a clear answer in the API's envelope (never a 5xx, never a
hang) and the sandbox keeps serving. In process where the app alone decides; over real HTTP (uvicorn, with
``heytraders-mock``'s settings) where the server stack matters: bodies without or beyond their declared
length, long query strings, raw bytes in the request line.

Every request is timed against ``BOUND``: a safety bound (a hang or runaway work fails the test), not a
speed target.
"""

from __future__ import annotations

import builtins
import io
import os
import re
import socket
import time
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

import httpx
import pytest
from heytraders_mock import MockConfig, cli, create_app
from heytraders_mock.dsl import FUNCTIONS
from heytraders_mock.guards import MAX_JSON_DEPTH
from heytraders_mock.spec import load_api
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .conftest import BASE, SyncASGITransport, error_of, read_http_message, running

BOUND = 2.0  # seconds any one request may take, however hostile
LIMITS = MockConfig()
BODY_LIMIT = LIMITS.max_body_bytes
QUERY_LIMIT = LIMITS.max_query_bytes
HOSTILE = MockConfig(seed=0, rate_limit_per_minute=10**9, registrations_per_hour=10**6)
RSI = 'oversold = rsi(close, 14) < 30\nemit_signal(oversold, entry("BINANCE:BTC/USDT", "LONG", Weight(0.5)))'
ENTRY = 'entry("BINANCE:BTC/USDT", "LONG", Weight(0.5))'
BACKTEST: dict[str, Any] = {"universe": ["BINANCE:BTC/USDT"], "start_date": "2025-01-01", "end_date": "2025-01-31"}
HYPOTHESIS = settings(
    max_examples=120,
    deadline=None,  # each request is bounded by BOUND instead, which names the request that broke it
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@dataclass
class Sandbox:
    """One in-process sandbox with a claimed key, shared by the module's tests (no check of answers against
    the spec: 413 and 414 are the sandbox's own statuses)."""

    http: httpx.Client
    key: str
    account: str

    def send(self, method: str, path: str, *, key: bool = True, **kwargs: Any) -> httpx.Response:
        headers = dict(kwargs.pop("headers", {}))
        if key:
            headers["Authorization"] = f"Bearer {self.key}"
        started = time.perf_counter()
        response = self.http.request(method, path, headers=headers, **kwargs)
        elapsed = time.perf_counter() - started
        assert elapsed < BOUND, f"{method} {path[:120]} took {elapsed:.2f} s"
        assert response.status_code < 500, f"{method} {path[:120]} → {response.status_code}: {response.text[:300]}"
        return response

    def serving(self) -> None:
        """The sandbox still answers an ordinary request."""
        assert self.send("GET", BASE + "/market/ticker", params={"symbol": "BTC/USDT"}).status_code == 200


@pytest.fixture(scope="module")
def sandbox() -> Iterator[Sandbox]:
    app = create_app(HOSTILE)
    http = httpx.Client(transport=SyncASGITransport(app), base_url="http://mock")
    key = http.post("/_mock/keys", json={}).json()
    yield Sandbox(http, key["api_key"], key["account_ids"]["binance"])
    http.close()


def refused(response: httpx.Response, status: int, code: str, rule: str | None = None) -> dict[str, Any]:
    assert response.status_code == status, response.text[:300]
    error = error_of(response)
    assert error["code"] == code, error
    if rule is not None:
        assert error["details"]["rule"] == rule, error
    return error


# ---- bodies ---------------------------------------------------------------------------------------------


def test_a_body_declared_larger_than_the_limit_is_413(sandbox: Sandbox) -> None:
    response = sandbox.send("POST", BASE + "/orders", content=b"x" * (BODY_LIMIT + 1))
    error = refused(response, 413, "VALIDATION_ERROR", "max-body-size")
    assert error["details"]["limit"] == BODY_LIMIT and "1,048,576 bytes" in error["message"]
    refused(sandbox.send("POST", "/_mock/keys", content=b"{}" + b" " * BODY_LIMIT), 413, "VALIDATION_ERROR")
    sandbox.serving()


@pytest.mark.anyio
@pytest.mark.parametrize("declared", [None, "10"], ids=["chunked", "lying-length"])
async def test_a_streamed_body_is_cut_off_once_past_the_limit_without_reading_the_rest(declared: str | None) -> None:
    app = create_app(HOSTILE)
    chunk = 64 * 1024
    pulled = 0

    async def endless() -> AsyncIterator[bytes]:
        nonlocal pulled
        for _ in range(4 * BODY_LIMIT // chunk):
            pulled += 1
            yield b"x" * chunk

    async with httpx.AsyncClient(transport=httpx.ASGITransport(app), base_url="http://mock") as http:
        key = (await http.post("/_mock/keys", json={})).json()["api_key"]
        headers = {"Authorization": f"Bearer {key}", "Content-Type": "application/json"}
        if declared is not None:
            headers["Content-Length"] = declared
        response = await http.post(BASE + "/orders", content=endless(), headers=headers)
        refused(response, 413, "VALIDATION_ERROR", "max-body-size")
        assert pulled <= BODY_LIMIT // chunk + 1  # the sandbox stopped reading just past the limit
        assert (await http.get(BASE + "/meta/health")).status_code == 200


def _exchange(port: int, *parts: bytes) -> tuple[int, bytes, float]:
    """Send the parts on a fresh connection (stopping if the server closes it), then read one answer."""
    started = time.perf_counter()
    with socket.create_connection(("127.0.0.1", port), timeout=BOUND) as connection:
        try:
            for part in parts:
                connection.sendall(part)
        except OSError:
            pass  # the server answered and closed: the answer is still there to read
        answer = read_http_message(connection)
    assert answer is not None, "the connection closed before an answer"
    head, body = answer
    status = int(head.split(b" ", 2)[1])
    return status, body, time.perf_counter() - started


@pytest.fixture(scope="module")
def served() -> Iterator[tuple[int, str]]:
    """The sandbox under uvicorn on a free port, and a claimed key."""
    with running(HOSTILE) as (handle, _):
        port = handle.http.base_url.port
        assert port is not None
        yield port, handle.key().api_key


def _head(method: str, target: str, key: str, *headers: str) -> bytes:
    lines = [f"{method} {target} HTTP/1.1", "Host: 127.0.0.1", f"Authorization: Bearer {key}", *headers, "", ""]
    return "\r\n".join(lines).encode()


def _serving_over_http(port: int) -> None:
    status, _, _ = _exchange(port, b"GET /api/v1/meta/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
    assert status == 200


def test_over_http_a_declared_length_past_the_limit_is_413_before_any_of_the_body_is_sent(
    served: tuple[int, str],
) -> None:
    port, key = served
    head = _head("POST", "/api/v1/orders", key, "Content-Type: application/json", "Content-Length: 104857600")
    status, body, elapsed = _exchange(port, head)  # 100 MiB announced, not a byte of it sent
    assert status == 413 and b"max-body-size" in body and elapsed < BOUND
    _serving_over_http(port)


def test_over_http_a_chunked_body_is_413_once_past_the_limit_before_it_ends(served: tuple[int, str]) -> None:
    port, key = served
    head = _head("POST", "/api/v1/orders", key, "Content-Type: application/json", "Transfer-Encoding: chunked")
    chunk = b"%x\r\n%s\r\n" % (65536, b" " * 65536)
    # Just past the limit, and no final zero-length chunk: the answer must not wait for the end of the body.
    status, body, elapsed = _exchange(port, head, *[chunk] * (BODY_LIMIT // 65536 + 1))
    assert status == 413 and b"max-body-size" in body and elapsed < BOUND
    _serving_over_http(port)


# ---- query strings, paths, UTF-8 ------------------------------------------------------------------------


def test_a_query_string_past_the_limit_is_414(sandbox: Sandbox) -> None:
    padding = "x" * (QUERY_LIMIT - len("symbol=BTC/USDT&pad="))
    assert sandbox.send("GET", f"{BASE}/market/ticker?symbol=BTC/USDT&pad={padding}").status_code == 200
    error = refused(
        sandbox.send("GET", f"{BASE}/market/ticker?symbol=BTC/USDT&pad={padding}x"), 414, "VALIDATION_ERROR"
    )
    assert error["details"] == {
        "parameter": "query",
        "rule": "max-query-length",
        "limit": QUERY_LIMIT,
        "length": QUERY_LIMIT + 1,
    }
    sandbox.serving()


@pytest.mark.parametrize("size", [QUERY_LIMIT + 1, 40_000])
def test_over_http_a_long_query_string_is_414_in_the_envelope(served: tuple[int, str], size: int) -> None:
    port, key = served
    query = "symbol=BTC/USDT&pad=" + "x" * (size - 20)
    status, body, elapsed = _exchange(port, _head("GET", f"/api/v1/market/ticker?{query}", key))
    assert status == 414 and b'"max-query-length"' in body and elapsed < BOUND
    _serving_over_http(port)


def test_invalid_utf8_in_the_query_is_400_and_in_the_path_404(sandbox: Sandbox) -> None:
    refused(sandbox.send("GET", f"{BASE}/market/ticker?symbol=%ff%fe"), 400, "VALIDATION_ERROR", "utf-8")
    refused(sandbox.send("GET", f"{BASE}/market/ticker?symbol=BTC%2FUSDT&x=%c3%28"), 400, "VALIDATION_ERROR", "utf-8")
    refused(sandbox.send("GET", f"{BASE}/orders/%ff%fe"), 404, "NOT_FOUND", "utf-8")
    refused(sandbox.send("POST", "/_mock/claims/%ed%a0%80/approve"), 404, "NOT_FOUND", "utf-8")  # a surrogate
    sandbox.serving()


def test_invalid_utf8_in_the_body_is_400(sandbox: Sandbox) -> None:
    body = b'{"account_id": "\xff\xfe", "exchange": "binance"}'
    error = refused(sandbox.send("POST", BASE + "/orders", content=body), 400, "VALIDATION_ERROR", "utf-8")
    assert error["details"]["parameter"] == "body"
    refused(sandbox.send("POST", "/_mock/keys", content=b'{"display_name": "\xc3"}'), 400, "VALIDATION_ERROR")


def test_the_command_line_lets_uvicorn_read_request_heads_past_the_query_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    served: dict[str, Any] = {}
    monkeypatch.setattr("uvicorn.run", lambda app, **kwargs: served.update(kwargs))
    cli.main(["--port", "9000"])
    assert served["h11_max_incomplete_event_size"] == cli.MAX_REQUEST_HEAD > QUERY_LIMIT


def test_over_http_raw_bytes_in_the_request_line_are_refused_by_the_server_and_it_keeps_serving(
    served: tuple[int, str],
) -> None:
    port, key = served
    status, _, _ = _exchange(port, _head("GET", "/api/v1/orders/RAW", key).replace(b"RAW", b"\xff\xfe"))
    assert status == 400  # uvicorn's own plain-text answer: the request line is not HTTP
    status, body, _ = _exchange(port, _head("GET", "/api/v1/orders/%ff%fe", key))
    assert status == 404 and b'"NOT_FOUND"' in body
    _serving_over_http(port)


# ---- path traversal ---------------------------------------------------------------------------------------

TRAVERSALS = ["..%2f..%2fetc%2fpasswd", "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "abc%00def", "..%5c..%5cwin.ini", "%2e%2e"]
ID_ROUTES = {
    "/orders/{}": "ORDER_NOT_FOUND",
    "/accounts/{}/balances": "NOT_FOUND",
    "/backtest/status/{}": "BACKTEST_NOT_FOUND",
    "/backtest/results/{}/equity": "BACKTEST_NOT_FOUND",
    "/live-strategies/subscriptions/{}": "SUBSCRIPTION_NOT_FOUND",
    "/arena/posts/{}": "NOT_FOUND",
}


@pytest.fixture
def no_file_is_opened(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Every file the code opens while the fixture is active (builtins.open, io.open, os.open)."""
    opened: list[str] = []

    def recorder(real: Any) -> Any:
        def record(path: Any, *args: Any, **kwargs: Any) -> Any:
            opened.append(str(path))
            return real(path, *args, **kwargs)

        return record

    for owner, name in ((builtins, "open"), (io, "open"), (os, "open")):
        monkeypatch.setattr(owner, name, recorder(getattr(owner, name)))
    yield opened


@pytest.mark.parametrize("route", list(ID_ROUTES))
def test_traversal_in_an_id_is_the_resources_404_and_no_file_is_read(
    sandbox: Sandbox, route: str, no_file_is_opened: list[str]
) -> None:
    for traversal in TRAVERSALS:
        refused(sandbox.send("GET", BASE + route.format(traversal)), 404, ID_ROUTES[route])
    assert no_file_is_opened == []


def test_over_http_dot_segments_name_no_operation(served: tuple[int, str]) -> None:
    port, key = served
    for target in ("/api/v1/orders/../../../etc/passwd", "/api/v1/../../etc/passwd", "/api/v1/docs/..%2f..%2fREADME"):
        status, body, _ = _exchange(port, _head("GET", target, key))
        assert status == 404 and b'"success":false' in body and b"root:" not in body


# ---- deep JSON ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        b"[" * 100_000 + b"]" * 100_000,
        b'{"a":' * 100_000 + b"1" + b"}" * 100_000,
        b'{"label": ' + b"[" * (MAX_JSON_DEPTH) + b"]" * (MAX_JSON_DEPTH) + b"}",
    ],
    ids=["array", "object", "just-past-the-limit"],
)
def test_json_nested_past_the_depth_limit_is_400(sandbox: Sandbox, body: bytes) -> None:
    for path in (BASE + "/orders", BASE + "/market/evaluate", "/_mock/keys"):
        error = refused(sandbox.send("POST", path, content=body), 400, "VALIDATION_ERROR")
        assert "nests deeper than 32 levels" in error["message"]
    sandbox.serving()


def test_json_at_the_depth_limit_is_read(sandbox: Sandbox) -> None:
    body = b'{"label": ' + b"[" * (MAX_JSON_DEPTH - 1) + b"]" * (MAX_JSON_DEPTH - 1) + b"}"
    error = refused(sandbox.send("POST", BASE + "/orders", content=body), 400, "VALIDATION_ERROR")
    assert error["details"]["rule"] != "max-depth"  # read, then refused for what it says


# ---- the Signal DSL ----------------------------------------------------------------------------------------

ESCAPES = [
    "import os",
    "__import__('os').system('true')",
    "open('/etc/passwd')",
    "eval('1')",
    "globals()",
    "getattr(close, '__class__')",
    "close.__class__",
    "close.__class__.__mro__[1].__subclasses__()",
    "().__class__",
    "macd(close).__class__",
    "(lambda: 1)()",
    "[x for x in close]",
    "close if 1 else 2",
    "f'{close}'",
    "x := 1",
    "close @ close",
    "close // 2",
    "close % 2",
    "close << 2",
    "~close",
    "'a' * 10**9",
]
EXHAUSTION = [
    "10**10**10",
    "9**9**9**9",
    "2**1000000",
    "1" * 2000,
    "close[-10**9]",
    "close[-1000000000]",
    "close[-1000000000000000000000000]",
    "sma(close, 10**12)",
    "sma(close, 1000000000000)",
    "sma(close, 1e308)",
    "sma(close, -1)",
    "highest(close, 5001)",
    "(" * 990 + "1" + ")" * 990,
    "-" * 1999 + "1",
    "not " * 499 + "1",
    "sma(" * 150 + "close" + ", 2)" * 150,
    "close" + "[-2]" * 395,
    "+".join(["sma(close, 5000)"] * 100),
]


@pytest.mark.parametrize("expression", ESCAPES + EXHAUSTION)
def test_a_hostile_expression_is_a_validation_error(sandbox: Sandbox, expression: str) -> None:
    body = {"expression": expression, "symbol": "BTC/USDT"}
    error = refused(sandbox.send("POST", BASE + "/market/evaluate", json=body), 400, "VALIDATION_ERROR")
    assert error["details"]["parameter"] == "expression"


HOSTILE_SCRIPTS = [
    f"import os\nemit_signal(close > 0, {ENTRY})",
    f"x = __import__('os')\nemit_signal(close > 0, {ENTRY})",
    f"x = close.__class__\nemit_signal(close > 0, {ENTRY})",
    f"x = (lambda: close)()\nemit_signal(close > 0, {ENTRY})",
    f"x = 10**10**10\nemit_signal(close > 0, {ENTRY})",
    f"x = close[-10**9]\nemit_signal(close > 0, {ENTRY})",
    f"x = close[-1000000000]\nemit_signal(close > 0, {ENTRY})",
    f"x = sma(close, 10**12)\nemit_signal(close > 0, {ENTRY})",
    f"x = sma(close, 1000000000000)\nemit_signal(close > 0, {ENTRY})",
    f"x = {'(' * 1000}1{')' * 1000}\nemit_signal(close > 0, {ENTRY})",
    f"x = {'-' * 19_000}1\nemit_signal(close > 0, {ENTRY})",
    "x = 1\n" * 201 + f"emit_signal(close > 0, {ENTRY})",
    f"def f(): pass\nemit_signal(close > 0, {ENTRY})",
    f"for i in range(10**9): pass\nemit_signal(close > 0, {ENTRY})",
    f"while True: pass\nemit_signal(close > 0, {ENTRY})",
    f"with open('/etc/passwd') as f: pass\nemit_signal(close > 0, {ENTRY})",
    f"x = 1; y = 2\nemit_signal(close > 0, {ENTRY})",
    f"exec('1')\nemit_signal(close > 0, {ENTRY})",
    "emit_signal(close > 0, entry(__import__('os'), 'LONG', Weight(1)))",
    "emit_signal(close > 0, entry('BINANCE:BTC/USDT', 'LONG', Weight(10**10**10)))",
    "emit_signal(close.__class__, exit('BINANCE:BTC/USDT'))",
    "\n".join(f"x{n} = sma(close, 5000)" for n in range(60)) + f"\nemit_signal(close > 0, {ENTRY})",
    "x = " + "+".join(["sma(close, 5000)"] * 49) + f"\nemit_signal(x > 0, {ENTRY})",
]


def _backtest_outcome(sandbox: Sandbox, script: str) -> dict[str, Any]:
    """Run a backtest of ``script`` to its end on the mock clock; its final status."""
    job = sandbox.send("POST", BASE + "/backtest/execute", json={**BACKTEST, "script": script})
    assert job.status_code == 200, job.text[:300]  # the API accepts a script and fails the job
    sandbox.send("POST", "/_mock/clock/advance", key=False, json={"seconds": 10})
    status = sandbox.send("GET", BASE + f"/backtest/status/{job.json()['data']['backtest_id']}")
    assert status.status_code == 200
    outcome: dict[str, Any] = status.json()["data"]
    assert outcome["status"] in ("completed", "failed"), outcome
    return outcome


@pytest.mark.parametrize("script", HOSTILE_SCRIPTS, ids=range(len(HOSTILE_SCRIPTS)))
def test_a_hostile_script_fails_its_backtest_with_a_script_error(sandbox: Sandbox, script: str) -> None:
    outcome = _backtest_outcome(sandbox, script)
    assert outcome["status"] == "failed" and outcome["message"].startswith(("Script error", "TA_OUT_OF_RANGE")), outcome


def test_the_documented_script_still_runs(sandbox: Sandbox) -> None:
    assert _backtest_outcome(sandbox, RSI)["status"] == "completed"


# ---- generated hostile input ------------------------------------------------------------------------------

ATOMS = [
    *("open", "high", "low", "close", "volume", "true", "false", "None", "x", "os", "sys"),
    *("__import__", "__class__", "__builtins__", "eval", "exec", "open", "lambda", "self"),
    *("0", "1", "-1", "0.5", "1e308", "1e999", "10**10**10", "2**64", "'a'", "b'a'", "...", "[]", "{}"),
]
NAMES = [*FUNCTIONS, "__import__", "getattr", "eval", "print", "range", "emit_signal", "entry", "Weight"]
BINARY = ["+", "-", "*", "/", "**", "//", "%", "@", "<<", "&", "and", "or", "<", ">=", "==", "!=", "is", "in"]
ATTRIBUTES = ["signal", "upper", "line", "__class__", "__dict__", "__globals__", "real", "mro"]

numbers = st.one_of(st.integers(-(10**30), 10**30).map(str), st.floats(allow_nan=False).map(repr))
atoms = st.one_of(st.sampled_from(ATOMS), numbers)
expressions = st.recursive(
    atoms,
    lambda inner: st.one_of(
        st.tuples(inner, st.sampled_from(BINARY), inner).map(lambda t: f"({t[0]} {t[1]} {t[2]})"),
        st.tuples(st.sampled_from(["-", "not ", "~", "+"]), inner).map("".join),
        st.tuples(st.sampled_from(NAMES), st.lists(inner, max_size=4)).map(lambda t: f"{t[0]}({', '.join(t[1])})"),
        st.tuples(inner, st.integers(-(10**12), 10**3)).map(lambda t: f"{t[0]}[{t[1]}]"),
        st.tuples(inner, st.sampled_from(ATTRIBUTES)).map(lambda t: f"{t[0]}.{t[1]}"),
        inner.map(lambda e: f"(lambda: {e})()"),
        inner.map(lambda e: f"[{e} for _ in close]"),
    ),
    max_leaves=30,
)
hostile_text = st.one_of(expressions, st.text(max_size=300))


@HYPOTHESIS
@given(expression=hostile_text, timeframe=st.sampled_from(["1m", "1h", "1d", "1M", "9y", ""]))
def test_generated_expressions_never_break_the_sandbox(sandbox: Sandbox, expression: str, timeframe: str) -> None:
    body = {"expression": expression, "symbol": "BTC/USDT", "timeframe": timeframe}
    response = sandbox.send("POST", BASE + "/market/evaluate", json=body)
    if response.status_code != 200:
        assert error_of(response)["code"] in ("VALIDATION_ERROR", "TA_OUT_OF_RANGE", "DATA_UNAVAILABLE")


script_lines = st.one_of(
    st.tuples(st.sampled_from(["a", "b", "x1", "close", "__x__", "emit_signal"]), expressions).map(
        lambda t: f"{t[0]} = {t[1]}"
    ),
    expressions.map(lambda e: f"emit_signal({e}, {ENTRY})"),
    expressions.map(lambda e: f"emit_signal(close > 0, entry({e}, 'LONG', Weight({e})))"),
    st.text(max_size=80),
)


@settings(HYPOTHESIS, max_examples=30)
@given(lines=st.lists(script_lines, min_size=1, max_size=6))
def test_generated_scripts_fail_their_backtest_cleanly(sandbox: Sandbox, lines: list[str]) -> None:
    _backtest_outcome(sandbox, "\n".join(lines))


BODY_OPERATIONS = [op for op in load_api().operations if op.has_body and op.operation_id != "test_webhook"]
json_values = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(-(10**40), 10**40),
        st.floats(allow_nan=False, allow_infinity=False),
        st.text(max_size=50),
        st.sampled_from(["9" * 5000, "0." + "0" * 5000 + "1", "../../etc/passwd", "\x00", "1e999", "BTC/USDT"]),
    ),
    lambda inner: st.one_of(st.lists(inner, max_size=5), st.dictionaries(st.text(max_size=8), inner, max_size=5)),
    max_leaves=40,
)


@HYPOTHESIS
@given(data=st.data())
def test_generated_bodies_never_break_the_sandbox(sandbox: Sandbox, data: st.DataObject) -> None:
    op = data.draw(st.sampled_from(BODY_OPERATIONS))
    path = re.sub(r"\{[^}]+\}", lambda _: quote(data.draw(st.text(min_size=1, max_size=20)), safe=""), op.path)
    names = st.sampled_from([*sorted(op.body_names), "__proto__", ""])
    body = data.draw(
        st.one_of(
            st.dictionaries(names, json_values, max_size=8).map(lambda b: {"account_id": sandbox.account, **b}),
            json_values,
            st.binary(max_size=500),
        )
    )
    kwargs: dict[str, Any] = {"content": body} if isinstance(body, bytes) else {"json": body}
    response = sandbox.send(op.method, BASE + path, **kwargs)
    if response.status_code >= 400:
        error_of(response)
    sandbox.serving()
