"""Fault injection over real HTTP: each fault of ``X-Mock-Fault`` and of the seeded route rules does what it says.

The mock runs under uvicorn on a free 127.0.0.1 port in a thread (``serving``); a drop is checked both with httpx
(what a client sees) and, where the bytes matter (no status line at all, a body shorter than its Content-Length),
with a raw socket. Orders are looked up afterwards by their label, so "the handler ran" means "the order exists".
"""

from __future__ import annotations

import json
import socket
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from heytraders_mock import MockConfig, cli, create_app
from heytraders_mock.faults import FaultMiddleware, parse_fault

from .conftest import BASE, SyncASGITransport, serving

TIMEOUT = 10.0


@dataclass
class Served:
    """A mock with fault injection on, under uvicorn, and a key with a Binance paper account."""

    origin: str
    http: httpx.Client  # carries the key; base URL is the API root
    control: httpx.Client
    account: str

    def order(self, label: str, fault: str | None = None) -> httpx.Response:
        headers = {"X-Mock-Fault": fault} if fault is not None else {}
        body = {
            "account_id": self.account,
            "exchange": "binance",
            "symbol": "BTC/USDT",
            "side": "buy",
            "order_type": "market",
            "amount": "0.0001",
            "label": label,
        }
        return self.http.post("/orders", json=body, headers=headers)

    def labels(self) -> list[str]:
        response = self.http.get("/orders", params={"account_id": self.account, "limit": 200})
        assert response.status_code == 200, response.text
        return [order["label"] for order in response.json()["data"]["orders"]]

    def faults(self, method: str = "GET", body: Any = None) -> httpx.Response:
        return self.control.request(method, "/_mock/faults", json=body)

    def raw(self, request: bytes) -> bytes:
        """Send ``request`` on a fresh socket and read until the server closes it: every byte it sent."""
        host, port = self.origin.removeprefix("http://").split(":")
        with socket.create_connection((host, int(port)), timeout=TIMEOUT) as sock:
            sock.sendall(request)
            received = b""
            while chunk := sock.recv(65536):
                received += chunk
        return received


@contextmanager
def _origin(config: MockConfig) -> Iterator[tuple[str, httpx.Client]]:
    with serving(create_app(config)) as origin, httpx.Client(base_url=origin, timeout=TIMEOUT) as control:
        yield origin, control


@contextmanager
def _keyed(origin: str, control: httpx.Client) -> Iterator[Served]:
    key = control.post("/_mock/keys", json={}).json()
    headers = {"Authorization": f"Bearer {key['api_key']}"}
    with httpx.Client(base_url=origin + BASE, headers=headers, timeout=TIMEOUT) as http:
        yield Served(origin, http, control, key["account_ids"]["binance"])


@pytest.fixture(scope="module")
def server() -> Iterator[tuple[str, httpx.Client]]:
    """One mock with fault injection on for the module (starting one costs more than most tests here)."""
    with _origin(MockConfig(seed=0, faults=True)) as found:
        yield found


@pytest.fixture
def served(server: tuple[str, httpx.Client]) -> Iterator[Served]:
    """A fresh key (and so an account of its own) on the module's mock, with no fault rules before or after."""
    origin, control = server
    assert control.delete("/_mock/faults").status_code == 200
    with _keyed(origin, control) as handle:
        yield handle
    control.delete("/_mock/faults")


# ---- off by default ---------------------------------------------------------------------------------


def test_off_by_default_the_header_does_nothing_and_the_control_route_is_a_404() -> None:
    config = MockConfig(seed=0)
    assert config.faults is False
    with _origin(config) as (origin, control), _keyed(origin, control) as handle:
        response = handle.order("plain", fault="drop=before")
        assert response.status_code == 200 and "x-mock-fault" not in response.headers
        assert handle.labels() == ["plain"]
        missing = handle.faults()
        assert missing.status_code == 404 and missing.json()["error"]["code"] == "NOT_FOUND"
        assert handle.faults("PUT", {"rules": []}).status_code == 404


def test_off_the_middleware_is_not_in_the_stack() -> None:
    """Nothing of fault injection runs on a request unless it is on: the middleware is not even there."""
    for faults, expected in ((False, False), (True, True)):
        app = create_app(MockConfig(seed=0, faults=faults))
        with httpx.Client(transport=SyncASGITransport(app), base_url="http://mock") as client:
            assert client.get(BASE + "/meta/health").status_code == 200
        assert isinstance(app.middleware_stack, FaultMiddleware) is expected


def test_the_command_line_turns_faults_on() -> None:
    assert cli.config_from(cli.parse_args(["--faults"])).faults is True
    assert cli.config_from(cli.parse_args([])).faults is False


# ---- one fault per request: X-Mock-Fault --------------------------------------------------------------


def test_latency_delays_a_normal_answer(served: Served) -> None:
    started = time.perf_counter()
    response = served.order("slow", fault="latency=0.3")
    assert time.perf_counter() - started >= 0.3
    assert response.status_code == 200 and response.json()["data"]["label"] == "slow"
    assert response.headers["x-mock-fault"] == "latency=0.3"


@pytest.mark.parametrize(
    ("fault", "status", "code", "retry_after"),
    [
        ("status=503; retry-after=1", 503, "INTERNAL_ERROR", "1"),
        ("status=500", 500, "INTERNAL_ERROR", None),
        ("status=502;retry-after=0", 502, "INTERNAL_ERROR", "0"),
        ("status=429", 429, "RATE_LIMITED", "1"),
    ],
)
def test_status_answers_in_the_envelope_without_running_the_handler(
    served: Served, fault: str, status: int, code: str, retry_after: str | None
) -> None:
    response = served.order("never", fault=fault)
    assert response.status_code == status
    assert response.headers.get("retry-after") == retry_after
    body = response.json()
    assert body["success"] is False and body["data"] is None and body["error"]["code"] == code
    assert served.labels() == []


def test_drop_before_closes_the_connection_without_an_answer_and_runs_nothing(served: Served) -> None:
    with pytest.raises(httpx.RemoteProtocolError, match="without sending a response"):
        served.order("dropped-before", fault="drop=before")
    assert served.labels() == []
    request = f"GET {BASE}/meta/health HTTP/1.1\r\nHost: x\r\nX-Mock-Fault: drop=before\r\n\r\n".encode()
    assert served.raw(request) == b""  # not one byte: no status line, no headers


def test_drop_after_commits_the_order_and_loses_its_answer(served: Served) -> None:
    with pytest.raises(httpx.RemoteProtocolError, match="without sending a response"):
        served.order("dropped-after", fault="drop=after")
    assert served.labels() == ["dropped-after"]  # the order was really placed
    request = f"GET {BASE}/meta/health HTTP/1.1\r\nHost: x\r\nX-Mock-Fault: drop=after\r\n\r\n".encode()
    assert served.raw(request) == b""


def test_truncate_declares_more_than_it_sends_then_closes(served: Served) -> None:
    with pytest.raises(httpx.RemoteProtocolError, match=r"without sending complete message body"):
        served.order("truncated", fault="truncate")
    assert served.labels() == ["truncated"]
    request = f"GET {BASE}/meta/health HTTP/1.1\r\nHost: x\r\nX-Mock-Fault: truncate\r\n\r\n".encode()
    head, _, body = served.raw(request).partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    assert lines[0] == "HTTP/1.1 200 OK"
    headers = dict(line.lower().split(": ", 1) for line in lines[1:])
    declared = int(headers["content-length"])
    assert 0 < len(body) < declared and len(body) == declared // 2


def test_non_json_replaces_the_body_after_the_handler_ran(served: Served) -> None:
    response = served.order("html", fault="non-json")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert response.text.startswith("<!DOCTYPE html>")
    with pytest.raises(json.JSONDecodeError):
        response.json()
    assert served.labels() == ["html"]


def test_non_json_with_a_status_is_a_proxy_error_page_and_runs_nothing(served: Served) -> None:
    response = served.order("proxy", fault="status=502; non-json")
    assert response.status_code == 502 and response.headers["content-type"].startswith("text/html")
    assert "502 Bad Gateway" in response.text
    assert served.labels() == []


def test_trickle_sends_the_body_in_slow_pieces(served: Served) -> None:
    started = time.perf_counter()
    arrivals: list[float] = []
    with served.http.stream("GET", "/meta/health", headers={"X-Mock-Fault": "trickle=0.15; chunks=4"}) as response:
        assert response.status_code == 200
        body = b""
        for piece in response.iter_raw():
            arrivals.append(time.perf_counter() - started)
            body += piece
    assert json.loads(body)["success"] is True  # all of it, in the end
    assert arrivals[-1] >= 3 * 0.15  # three pauses between four pieces
    assert len(arrivals) >= 2 and arrivals[-1] - arrivals[0] >= 0.3  # it came in pieces, over time
    with pytest.raises(httpx.ReadTimeout):  # a client that waits less than the pause gives up
        served.http.get("/meta/health", headers={"X-Mock-Fault": "trickle=1; chunks=2"}, timeout=httpx.Timeout(0.3))


@pytest.mark.parametrize(
    ("written", "canonical", "kinds", "hides_outcome"),
    [
        (" Status=503 ;Retry-After=1 ", "status=503; retry-after=1", ("status",), True),
        ("status=429", "status=429; retry-after=1", ("status",), False),  # a 429 always says when to come back
        ("latency=0.25; drop=after", "latency=0.25; drop=after", ("latency", "drop-after"), True),
        ("drop=before", "drop=before", ("drop-before",), True),
        ("truncate", "truncate", ("truncate",), True),
        ("non-json;status=502", "status=502; non-json", ("status", "non-json"), True),
        ("trickle=0.5", "trickle=0.5; chunks=8", ("trickle",), False),
        ("latency=1", "latency=1", ("latency",), False),
    ],
)
def test_a_fault_has_one_canonical_form_and_counts_under_each_of_its_kinds(
    written: str, canonical: str, kinds: tuple[str, ...], hides_outcome: bool
) -> None:
    fault = parse_fault(written)
    assert fault.text == canonical and fault.kinds == kinds and fault.hides_outcome is hides_outcome
    assert parse_fault(canonical) == fault
    assert fault.runs_handler is (fault.status is None and "drop-before" not in kinds)


@pytest.mark.parametrize(
    ("fault", "named"),
    [
        ("explode", "unknown item 'explode'"),
        ("status=404", "status must be 429 or 500 to 599"),
        ("drop=sometimes", "drop is 'before' or 'after'"),
        ("latency=-1", "latency takes seconds"),
        ("status=503; drop=after", "drop-after exclude one another"),
        ("retry-after=5", "retry-after needs status"),
        ("truncate; non-json", "non-json goes alone or with status"),
        ("", "names no fault"),
    ],
)
def test_a_malformed_header_is_a_400_naming_it_and_nothing_runs(served: Served, fault: str, named: str) -> None:
    response = served.order("malformed", fault=fault)
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "VALIDATION_ERROR" and error["details"]["parameter"] == "X-Mock-Fault"
    assert named in error["message"] and error["details"]["rule"].startswith("mock-fault")
    assert served.labels() == []


def test_a_header_fault_applies_off_the_operations_too_and_counts_under_the_path(served: Served) -> None:
    response = served.http.get("/nowhere", headers={"X-Mock-Fault": "status=503"})
    assert response.status_code == 503
    assert served.faults().json()["by_fault"] == {"GET /nowhere": {"status=503": 1}}


def test_the_control_routes_are_never_faulted(served: Served) -> None:
    response = served.control.post("/_mock/keys", json={}, headers={"X-Mock-Fault": "drop=before"})
    assert response.status_code == 200 and response.json()["api_key"]


def test_a_fault_in_process_reaches_the_client_as_a_protocol_error() -> None:
    """Without a socket to close (httpx.ASGITransport) a drop still reaches the client as a dropped connection."""
    app = create_app(MockConfig(seed=0, faults=True))
    with httpx.Client(transport=SyncASGITransport(app), base_url="http://mock") as client:
        with pytest.raises(httpx.RemoteProtocolError):
            client.get(BASE + "/meta/health", headers={"X-Mock-Fault": "drop=after"})
        assert client.get(BASE + "/meta/health", headers={"X-Mock-Fault": "status=503"}).status_code == 503


# ---- seeded faults per route: /_mock/faults -------------------------------------------------------------


def _statuses(served: Served, count: int) -> list[int]:
    return [served.http.get("/meta/health").status_code for _ in range(count)]


def test_seeded_route_faults_reproduce(served: Served) -> None:
    rules = [{"route": "GET /meta/health", "fault": "status=503", "probability": 0.5}]
    assert served.faults("PUT", {"seed": 7, "rules": rules}).status_code == 200
    first = _statuses(served, 40)
    assert set(first) == {200, 503}
    view = served.faults().json()
    assert view["seed"] == 7 and view["draws"] == 40
    assert view["injected"]["status"] == first.count(503)
    assert view["by_route"] == {"GET /meta/health": {"status": first.count(503)}}
    assert view["by_fault"] == {"GET /meta/health": {"status=503": first.count(503)}}
    assert view["rules"] == [{**rules[0], "operations": ["check_health"]}]

    assert served.faults("PUT", {"seed": 7, "rules": rules}).json()["injected"]["status"] == 0  # a fresh run
    assert _statuses(served, 40) == first  # same seed, same requests: same faults
    served.faults("PUT", {"seed": 8, "rules": rules})
    assert _statuses(served, 40) != first

    cleared = served.faults("DELETE").json()
    assert cleared["rules"] == [] and cleared["injected"]["status"] == 0
    assert cleared["by_route"] == cleared["by_fault"] == {}
    assert _statuses(served, 10) == [200] * 10


def test_rules_name_routes_by_operation_id_method_and_wildcard(served: Served) -> None:
    rules = [
        {"route": "place_order", "fault": "drop=after", "probability": 1},
        {"route": "GET *", "fault": "status=500", "probability": 1},
    ]
    assert served.faults("PUT", {"rules": rules}).status_code == 200
    with pytest.raises(httpx.RemoteProtocolError):
        served.order("by-operation-id")
    assert served.http.get("/meta/health").status_code == 500
    served.faults("PUT", {"rules": [{"route": "*", "fault": "latency=0.01", "probability": 1}]})
    assert served.labels() == ["by-operation-id"]  # committed before the drop; the GET now only waits
    assert served.faults().json()["by_route"]["GET /orders"] == {"latency": 1}


def test_the_header_wins_over_the_rules_and_draws_nothing(served: Served) -> None:
    served.faults("PUT", {"rules": [{"route": "GET *", "fault": "status=500", "probability": 1}]})
    response = served.http.get("/meta/health", headers={"X-Mock-Fault": "latency=0.01"})
    assert response.status_code == 200
    view = served.faults().json()
    assert view["draws"] == 0 and view["injected"]["latency"] == 1 and view["injected"]["status"] == 0


@pytest.mark.parametrize(
    ("body", "parameter"),
    [
        ({"rules": [{"route": "GET /nowhere", "fault": "status=500", "probability": 1}]}, "rules[0].route"),
        ({"rules": [{"route": "place_order", "fault": "status=200", "probability": 1}]}, "rules[0].fault"),
        ({"rules": [{"route": "place_order", "fault": "truncate", "probability": 1.5}]}, "rules[0].probability"),
        ({"rules": [{"route": "place_order", "fault": "truncate"}]}, "rules[0]"),
        ({"seed": "seven"}, "seed"),
        ({"rule": []}, "body"),
        (
            {
                "rules": [
                    {"route": "place_order", "fault": "truncate", "probability": 0.6},
                    {"route": "*", "fault": "drop=before", "probability": 0.6},
                ]
            },
            "rules",
        ),
    ],
)
def test_a_bad_fault_configuration_is_a_400_naming_the_field(
    served: Served, body: dict[str, Any], parameter: str
) -> None:
    response = served.faults("PUT", body)
    assert response.status_code == 400, response.text
    error = response.json()["error"]
    assert error["code"] == "VALIDATION_ERROR" and error["details"]["parameter"] == parameter
    assert served.faults().json()["rules"] == []  # nothing half-applied
