"""Which key a request carries, when it sends both headers or an Authorization header that is not Bearer.

The rule is the spec's ("Which key a request carries" in ``info.description``): a Bearer credential
and a non-empty ``X-API-Key`` each carry a key; two different keys are 401 ``INVALID_API_KEY``; any
other ``Authorization`` header is ignored. Each row of ``CASES`` is one combination of headers with
the status, the code and the agent that must answer; no answer ever repeats a header's secret.
"""

from __future__ import annotations

import base64
from collections.abc import Iterator
from dataclasses import dataclass

import httpx
import pytest
from heytraders import HeyTraders
from heytraders._base_client import AuthStyle
from heytraders_mock import MockConfig, create_app

from .conftest import Key, Mock, SyncASGITransport

BASIC = "Basic " + base64.b64encode(b"proxy-user:proxy-password-1234").decode()
UNKNOWN = "ht_live_unknownkey0000000000000000"


@dataclass(frozen=True)
class Case:
    """Headers, with ``{a}`` and ``{b}`` standing for two valid keys of different agents, and the answer."""

    headers: tuple[tuple[str, str], ...]
    status: int
    agent: str | None = None  # "a" or "b": whose agent answers a 200


def case(status: int, agent: str | None = None, **headers: str) -> Case:
    names = {"authorization": "Authorization", "x_api_key": "X-API-Key"}
    return Case(tuple((names[name], value) for name, value in headers.items()), status, agent)


# GET /meta/agents/me, which needs a key.
CASES: dict[str, Case] = {
    "bearer alone": case(200, "a", authorization="Bearer {a}"),
    "x-api-key alone": case(200, "a", x_api_key="{a}"),
    "bearer scheme in lower case": case(200, "a", authorization="bearer {a}"),
    "both, the same key": case(200, "a", authorization="Bearer {a}", x_api_key="{a}"),
    "both, valid bearer and unknown x-api-key": case(401, authorization="Bearer {a}", x_api_key=UNKNOWN),
    "both, unknown bearer and valid x-api-key": case(401, authorization=f"Bearer {UNKNOWN}", x_api_key="{a}"),
    "both valid, different agents": case(401, authorization="Bearer {a}", x_api_key="{b}"),
    "empty authorization beside x-api-key": case(200, "a", authorization="", x_api_key="{a}"),
    "basic authorization beside x-api-key": case(200, "b", authorization=BASIC, x_api_key="{b}"),
    "bearer with an empty token beside x-api-key": case(200, "a", authorization="Bearer", x_api_key="{a}"),
    "bearer with a blank token beside x-api-key": case(200, "a", authorization="Bearer    ", x_api_key="{a}"),
    "another scheme beside x-api-key": case(200, "b", authorization="Token {a}", x_api_key="{b}"),
    "basic authorization beside an unknown x-api-key": case(401, authorization=BASIC, x_api_key=UNKNOWN),
    "empty x-api-key beside bearer": case(200, "a", authorization="Bearer {a}", x_api_key=""),
    "basic authorization alone": case(401, authorization=BASIC),
    "another scheme alone": case(401, authorization="Token {a}"),
    "a key without a scheme alone": case(401, authorization="{a}"),
    "empty authorization alone": case(401, authorization=""),
    "no header": case(401),
}


@pytest.fixture
def keys(mock: Mock) -> dict[str, Key]:
    return {"a": mock.key("research"), "b": mock.key("research")}


def headers_of(rule: Case, keys: dict[str, Key]) -> list[tuple[str, str]]:
    secrets = {name: key.api_key for name, key in keys.items()}
    return [(name, value.format(**secrets)) for name, value in rule.headers]


def secrets_sent(headers: list[tuple[str, str]]) -> Iterator[str]:
    """Every secret a header carries: the whole value and the part after its scheme."""
    for _, value in headers:
        for secret in (value, value.partition(" ")[2]):
            if len(secret.strip()) >= 8:
                yield secret.strip()


@pytest.mark.parametrize("rule", CASES.values(), ids=CASES.keys())
def test_which_key_a_request_carries(mock: Mock, keys: dict[str, Key], rule: Case) -> None:
    headers = headers_of(rule, keys)
    response = mock.http.get("/api/v1/meta/agents/me", headers=headers)
    assert response.status_code == rule.status, response.text
    body = response.json()
    if rule.agent is not None:
        assert body["data"]["agent_id"] == keys[rule.agent].agent_id
    else:
        assert body["error"]["code"] == "INVALID_API_KEY"
    for secret in [*secrets_sent(headers), *(key.api_key for key in keys.values())]:
        assert secret not in response.text


def test_one_header_sent_twice_with_different_keys_is_refused(mock: Mock, keys: dict[str, Key]) -> None:
    a, b = keys["a"].api_key, keys["b"].api_key
    for name, scheme in (("X-API-Key", ""), ("Authorization", "Bearer ")):
        twice = [(name, scheme + a), (name, scheme + b)]
        response = mock.http.get("/api/v1/meta/agents/me", headers=twice)
        assert response.status_code == 401 and response.json()["error"]["code"] == "INVALID_API_KEY"
        assert a not in response.text and b not in response.text
        same = [(name, scheme + a), (name, scheme + a)]
        assert mock.http.get("/api/v1/meta/agents/me", headers=same).status_code == 200


def test_optional_and_public_operations_follow_the_same_rule(mock: Mock, keys: dict[str, Key]) -> None:
    feed = {"period": "all"}
    anonymous = mock.http.get("/api/v1/arena/posts", params=feed, headers={"Authorization": BASIC})
    assert anonymous.status_code == 200 and all("my_vote" not in p for p in anonymous.json()["data"]["posts"])
    keyed = mock.http.get(
        "/api/v1/arena/posts", params=feed, headers={"Authorization": BASIC, "X-API-Key": keys["a"].api_key}
    )
    assert keyed.status_code == 200 and all("my_vote" in p for p in keyed.json()["data"]["posts"])
    two = {"Authorization": f"Bearer {keys['a'].api_key}", "X-API-Key": keys["b"].api_key}
    assert mock.http.get("/api/v1/arena/posts", params=feed, headers=two).status_code == 401
    assert mock.http.get("/api/v1/meta/health", headers=two).status_code == 200  # public: no key is read


@pytest.mark.parametrize(("auth_style", "header"), [("bearer", "authorization"), ("x-api-key", "x-api-key")])
def test_the_sdk_sends_exactly_one_key_header(auth_style: AuthStyle, header: str) -> None:
    sent: list[httpx.Request] = []
    app = create_app(MockConfig(seed=0))
    inner = SyncASGITransport(app)

    def record(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return inner.handle_request(request)

    mock = Mock(app)
    key = mock.key("research")
    http = httpx.Client(transport=httpx.MockTransport(record))
    with HeyTraders(api_key=key.api_key, base_url="http://mock/api/v1", http_client=http, max_retries=0) as client:
        styled = client.with_options(auth_style=auth_style)
        assert styled.meta.get_my_agent().agent_id == key.agent_id
    mock.http.close()
    [request] = sent
    other = ({"authorization", "x-api-key"} - {header}).pop()
    assert other not in request.headers
    assert len(request.headers.get_list(header)) == 1
