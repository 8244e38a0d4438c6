"""Every request example of the spec, sent as written to a fresh sandbox, gets a 2xx.

For each operation of ``spec/heytraders.yaml``, the parameters' ``example``/``examples`` and the
request body's ``example``/``examples`` (every named example) make one request per example: the
first example of every parameter, with each named body example in turn (and each further named
parameter example in turn). An operation without examples is sent bare. Each request goes to its
own fresh in-process sandbox with a claimed key of every scope (``POST /_mock/keys``), sent as
``Authorization: Bearer`` unless the operation is public.

Everything is sent exactly as the spec writes it, with one exception, listed in ``SUBSTITUTED``:
an example id of an object that no fresh sandbox has (an order, a backtest, a subscription, a
comment, ...). A fixture flow creates that object first and its real id replaces the example's;
the test id says which parameters were replaced (``+real_order_id``), and
``test_each_substitution_is_needed`` proves that sending the spec's own id there fails. A few
operations need state but no id (an arena profile before posting): ``SETUP`` lists them.
"""

from __future__ import annotations

import copy
import enum
from collections.abc import AsyncIterator, Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

import httpx
import pytest
from heytraders_mock import MockConfig, create_app

from generator.spec import _examples_of, iter_operations, load_spec, parameters_of, required_scopes, resolve

pytestmark = pytest.mark.anyio

SPEC = load_spec()
BASE_PATH = "/api/v1"
ORIGIN = "http://sandbox"
SCOPES = ["research", "read", "trade"]
BACKTEST_POLLS = 40
BACKTEST_CLOCK_STEP = 30
NO_BODY = object()


class Fixture(enum.Enum):
    """An object a fixture flow creates on the fresh sandbox, named by what its id is."""

    ACCOUNT = "the key's linked account on the exchange the spec's examples show that account id with"
    ORDER = "a resting limit order (binance BTC/USDT, buy 0.001 at 50000) placed first"
    BACKTEST = "a backtest of the spec's `signal` example, submitted first (still queued)"
    RESULT = "the result of the spec's `signal` backtest example, run to completion on the mock clock"
    SUBSCRIPTION = "a signal-mode subscription to the example's live strategy"
    SEEDED_POST = "the newest post of the seeded arena feed (GET /arena/posts?period=all&sort=new)"
    SEEDED_AGENT = "the author of that post, a seeded arena agent"
    COMMENT = "a comment added first to that post"
    LEADERBOARD_ENTRY = "a leaderboard entry registered first from the completed backtest's result"
    ARENA_PROFILE = "an arena profile for the key's agent (POST /arena/agents), no id substituted"
    PAUSED = "the subscription paused first, no id substituted"


# Parameter name (or ``operation_id.parameter``, which wins) -> the object whose real id replaces the
# spec's example id (``None``: sent as written). Only ids of objects a fresh sandbox cannot have: the
# live strategy ``ls_rsi_reversal_btc`` is seeded, and a filter (``author_agent_id``, the ``account_id``
# of ``GET /orders``) matches nothing rather than failing, so they are sent as written.
SUBSTITUTED: dict[str, Fixture | None] = {
    "account_id": Fixture.ACCOUNT,
    "list_orders.account_id": None,
    "order_id": Fixture.ORDER,
    "backtest_id": Fixture.BACKTEST,
    "result_id": Fixture.RESULT,
    "backtest_summary_id": Fixture.RESULT,
    "strategy_settings_id": Fixture.RESULT,
    "subscription_id": Fixture.SUBSCRIPTION,
    "post_id": Fixture.SEEDED_POST,
    "parent_id": Fixture.COMMENT,
    "agent_id": Fixture.SEEDED_AGENT,
    "unregister_strategy.strategy_id": Fixture.LEADERBOARD_ENTRY,
}

# Operations that need state but no id: the arena's own-profile operations, and resuming (a
# subscription that is not paused cannot be resumed).
SETUP: dict[str, tuple[Fixture, ...]] = {
    "get_arena_profile": (Fixture.ARENA_PROFILE,),
    "update_arena_profile": (Fixture.ARENA_PROFILE,),
    "follow_arena_agent": (Fixture.ARENA_PROFILE,),
    "unfollow_arena_agent": (Fixture.ARENA_PROFILE,),
    "list_followed_agents": (Fixture.ARENA_PROFILE,),
    "register_strategy": (Fixture.ARENA_PROFILE,),
    "create_post": (Fixture.ARENA_PROFILE,),
    "vote_on_post": (Fixture.ARENA_PROFILE,),
    "add_comment": (Fixture.ARENA_PROFILE,),
    "resume_subscription": (Fixture.PAUSED,),
}


@dataclass(frozen=True)
class ExampleRequest:
    """One request built from the spec's examples of one operation."""

    operation_id: str
    method: str
    path: str
    example: str
    path_params: Mapping[str, Any]
    query: Mapping[str, Any]
    body: Any
    authenticated: bool
    substituted: tuple[str, ...] = field(default=())

    @property
    def test_id(self) -> str:
        return f"{self.operation_id}.{self.example}" + "".join(f"+real_{name}" for name in self.substituted)

    @property
    def written(self) -> dict[str, Any]:
        """Every parameter and body field as the spec writes it."""
        return {**self.path_params, **self.query, **(self.body if isinstance(self.body, Mapping) else {})}


def fixture_for(operation_id: str, name: str) -> Fixture | None:
    """The fixture whose id replaces the example's ``name`` in ``operation_id``; None when sent as written."""
    qualified = f"{operation_id}.{name}"
    return SUBSTITUTED[qualified] if qualified in SUBSTITUTED else SUBSTITUTED.get(name)


def _variants(named: Mapping[str, list[tuple[str, Any]]]) -> Iterator[tuple[str | None, dict[str, Any]]]:
    """The first example of every parameter, then each further named example of one parameter in turn."""
    first = {name: examples[0][1] for name, examples in named.items() if examples}
    yield None, first
    for name, examples in named.items():
        for label, value in examples[1:]:
            yield label, {**first, name: value}


def example_requests(spec: Mapping[str, Any]) -> list[ExampleRequest]:
    """Every example request of the spec, in document order."""
    requests: list[ExampleRequest] = []
    for operation in iter_operations(spec):
        parameters = parameters_of(spec, operation)
        locations = {parameter["name"]: parameter["in"] for parameter in parameters}
        missing = [p["name"] for p in parameters if p.get("required") and not _examples_of(p)]
        assert not missing, f"{operation}: required parameters without an example: {missing}"
        named = {parameter["name"]: _examples_of(parameter) for parameter in parameters}
        body = resolve(spec, operation.raw.get("requestBody"))
        media = (body or {}).get("content", {}).get("application/json")
        bodies: list[tuple[str | None, Any]] = list(_examples_of(media)) if media else []
        if not bodies:
            bodies = [(None, NO_BODY)]
        # Each named body example with the parameters' first examples; each further parameter example with
        # the first body example.
        combos = [(label, values, bodies[0][1]) for label, values in _variants(named)]
        combos[0:1] = [(body_label, combos[0][1], value) for body_label, value in bodies]
        scopes = required_scopes(operation)
        for label, values, value in combos:
            names = [*values, *(value if isinstance(value, Mapping) else {})]
            substituted = [name for name in names if fixture_for(operation.operation_id, name) is not None]
            requests.append(
                ExampleRequest(
                    operation_id=operation.operation_id,
                    method=operation.method.upper(),
                    path=operation.path,
                    example=label or ("example" if values or value is not NO_BODY else "bare"),
                    path_params={k: v for k, v in values.items() if locations[k] == "path"},
                    query={k: v for k, v in values.items() if locations[k] == "query"},
                    body=value,
                    authenticated=scopes is not None,
                    substituted=tuple(substituted),
                )
            )
    return requests


def example_accounts(requests: list[ExampleRequest]) -> dict[str, str]:
    """The spec's example account ids, each with the exchange an example shows it with."""
    accounts: dict[str, str] = {}
    for request in requests:
        values = request.written
        if "account_id" in values and "exchange" in values:
            known = accounts.setdefault(values["account_id"], values["exchange"])
            assert known == values["exchange"], f"{values['account_id']} is shown on {known} and elsewhere"
    return accounts


REQUESTS = example_requests(SPEC)
EXAMPLE_ACCOUNTS = example_accounts(REQUESTS)


class Sandbox:
    """A fresh sandbox with a claimed key of every scope, and the fixture flows that create objects on it."""

    def __init__(self, http: httpx.AsyncClient, key: Mapping[str, Any]) -> None:
        self.http = http
        self.api_key: str = key["api_key"]
        self.accounts: dict[str, str] = dict(key["account_ids"])
        self._made: dict[Fixture, str] = {}

    @property
    def auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.api_key}"}

    async def call(self, method: str, path: str, **kwargs: Any) -> Any:
        """A setup call that must succeed; returns ``data``."""
        response = await self.http.request(method, BASE_PATH + path, headers=self.auth, **kwargs)
        assert response.is_success, f"setup {method} {path}: {response.status_code} {response.text}"
        return response.json()["data"]

    async def make(self, fixture: Fixture, request: ExampleRequest) -> str:
        """The id of ``fixture`` on this sandbox, created once (``""`` for state without an id)."""
        if fixture not in self._made:
            self._made[fixture] = await FLOWS[fixture](self, request)
        return self._made[fixture]

    def account(self, example_id: str) -> str:
        """The key's account standing for the spec's example account ``example_id`` (same exchange)."""
        assert example_id in EXAMPLE_ACCOUNTS, f"the spec's account {example_id} is never shown with its exchange"
        return self.accounts[EXAMPLE_ACCOUNTS[example_id]]


async def _order(sandbox: Sandbox, request: ExampleRequest) -> str:
    body = {
        "account_id": sandbox.accounts["binance"],
        "exchange": "binance",
        "symbol": "BTC/USDT",
        "side": "buy",
        "order_type": "limit",
        "amount": "0.001",
        "price": "50000",
    }
    order = await sandbox.call("POST", "/orders", json=body)
    assert order["status"] == "pending", order
    return str(order["order_id"])


def _signal_backtest() -> Any:
    [execute] = [r for r in REQUESTS if r.operation_id == "execute_backtest" and r.example == "signal"]
    return copy.deepcopy(execute.body)


async def _backtest(sandbox: Sandbox, request: ExampleRequest) -> str:
    return str((await sandbox.call("POST", "/backtest/execute", json=_signal_backtest()))["backtest_id"])


async def _result(sandbox: Sandbox, request: ExampleRequest) -> str:
    backtest_id = str((await sandbox.call("POST", "/backtest/execute", json=_signal_backtest()))["backtest_id"])
    for _ in range(BACKTEST_POLLS):
        status = await sandbox.call("GET", f"/backtest/status/{backtest_id}")
        if status["status"] == "completed":
            return str(status["result_id"])
        assert status["status"] in ("queued", "running"), status
        advanced = await sandbox.http.post("/_mock/clock/advance", json={"seconds": BACKTEST_CLOCK_STEP})
        assert advanced.is_success, advanced.text
    raise AssertionError(f"backtest {backtest_id} did not complete within {BACKTEST_POLLS} polls")


async def _subscription(sandbox: Sandbox, request: ExampleRequest) -> str:
    strategy = request.path_params.get("strategy_id", "ls_rsi_reversal_btc")
    subscribed = await sandbox.call("POST", f"/live-strategies/{strategy}/subscribe", json={"mode": "signal"})
    return str(subscribed["subscription_id"])


async def _seeded_post(sandbox: Sandbox, request: ExampleRequest) -> str:
    feed = await sandbox.call("GET", "/arena/posts", params={"period": "all", "sort": "new"})
    return str(feed["posts"][0]["post_id"])


async def _seeded_agent(sandbox: Sandbox, request: ExampleRequest) -> str:
    post = await sandbox.call("GET", f"/arena/posts/{await sandbox.make(Fixture.SEEDED_POST, request)}")
    return str(post["author"]["agent_id"])


async def _comment(sandbox: Sandbox, request: ExampleRequest) -> str:
    await sandbox.make(Fixture.ARENA_PROFILE, request)
    post_id = await sandbox.make(Fixture.SEEDED_POST, request)
    comment = await sandbox.call("POST", f"/arena/posts/{post_id}/comments", json={"content": "First!"})
    return str(comment["comment_id"])


async def _leaderboard_entry(sandbox: Sandbox, request: ExampleRequest) -> str:
    await sandbox.make(Fixture.ARENA_PROFILE, request)
    result_id = await sandbox.make(Fixture.RESULT, request)
    entry = await sandbox.call("POST", "/arena/strategies/register", json={"backtest_summary_id": result_id})
    return str(entry["strategy_id"])


async def _arena_profile(sandbox: Sandbox, request: ExampleRequest) -> str:
    await sandbox.call("POST", "/arena/agents", json={"display_name": "Example Bot"})
    return ""


async def _paused(sandbox: Sandbox, request: ExampleRequest) -> str:
    subscription_id = await sandbox.make(Fixture.SUBSCRIPTION, request)
    strategy = request.path_params["strategy_id"]
    await sandbox.call("POST", f"/live-strategies/{strategy}/pause/{subscription_id}")
    return ""


# Every fixture but ACCOUNT, whose ids the key already has (Sandbox.account).
FLOWS: dict[Fixture, Callable[[Sandbox, ExampleRequest], Any]] = {
    Fixture.ORDER: _order,
    Fixture.BACKTEST: _backtest,
    Fixture.RESULT: _result,
    Fixture.SUBSCRIPTION: _subscription,
    Fixture.SEEDED_POST: _seeded_post,
    Fixture.SEEDED_AGENT: _seeded_agent,
    Fixture.COMMENT: _comment,
    Fixture.LEADERBOARD_ENTRY: _leaderboard_entry,
    Fixture.ARENA_PROFILE: _arena_profile,
    Fixture.PAUSED: _paused,
}


@pytest.fixture
async def sandbox() -> AsyncIterator[Sandbox]:
    # Production limits: one case stays far below them.
    transport = httpx.ASGITransport(app=create_app(MockConfig(seed=0)))
    async with httpx.AsyncClient(transport=transport, base_url=ORIGIN) as http:
        response = await http.post("/_mock/keys", json={"scopes": SCOPES, "claimed": True})
        assert response.status_code == 200, response.text
        yield Sandbox(http, response.json())


async def real_values(sandbox: Sandbox, request: ExampleRequest, names: tuple[str, ...]) -> dict[str, str]:
    """The real ids of the substituted parameters ``names``, each made by its fixture flow."""
    values: dict[str, str] = {}
    for name in names:
        fixture = fixture_for(request.operation_id, name)
        assert fixture is not None
        if fixture is Fixture.ACCOUNT:
            values[name] = sandbox.account(str(request.written[name]))
        else:
            values[name] = await sandbox.make(fixture, request)
    return values


async def send(sandbox: Sandbox, request: ExampleRequest, real: Mapping[str, str]) -> httpx.Response:
    """The example request, with the ``real`` ids in place of the spec's."""
    for fixture in SETUP.get(request.operation_id, ()):
        await sandbox.make(fixture, request)
    path_params = {**request.path_params, **{k: v for k, v in real.items() if k in request.path_params}}
    path = request.path
    for name, value in path_params.items():
        path = path.replace(f"{{{name}}}", quote(str(value), safe=""))
    query = {**request.query, **{k: v for k, v in real.items() if k in request.query}}
    headers = sandbox.auth if request.authenticated else {}
    if request.body is NO_BODY:
        return await sandbox.http.request(request.method, BASE_PATH + path, params=query, headers=headers)
    body = copy.deepcopy(request.body)
    body.update({k: v for k, v in real.items() if k in body})
    return await sandbox.http.request(request.method, BASE_PATH + path, params=query, headers=headers, json=body)


@pytest.mark.parametrize("request_", REQUESTS, ids=[r.test_id for r in REQUESTS])
async def test_spec_example_succeeds_on_a_fresh_sandbox(sandbox: Sandbox, request_: ExampleRequest) -> None:
    real = await real_values(sandbox, request_, request_.substituted)
    response = await send(sandbox, request_, real)
    assert response.is_success, f"{request_.test_id}: {response.status_code} {response.text}"


NEEDED = [(r, name) for r in REQUESTS for name in r.substituted]


@pytest.mark.parametrize(("request_", "name"), NEEDED, ids=[f"{r.test_id}:{name}" for r, name in NEEDED])
async def test_each_substitution_is_needed(sandbox: Sandbox, request_: ExampleRequest, name: str) -> None:
    """With the spec's own id for ``name`` (and real ids for the rest), the request fails: no fresh sandbox has it."""
    others = tuple(other for other in request_.substituted if other != name)
    response = await send(sandbox, request_, await real_values(sandbox, request_, others))
    assert not response.is_success, f"{request_.test_id}: {name} is substituted but its example id works as written"


def test_every_operation_has_an_example_request() -> None:
    sent = {request.operation_id for request in REQUESTS}
    assert sent == {operation.operation_id for operation in iter_operations(SPEC)}
    assert len(REQUESTS) > len(sent)  # named examples add requests of their own
