"""The async request loop: the same rules as the sync one, awaited."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from decimal import Decimal
from typing import Any

import httpx
import pytest
import respx

from generator.runtime._base_client import AsyncAPIClient
from generator.runtime._exceptions import (
    APITimeoutError,
    InternalServerError,
    MissingAPIKeyError,
    OrderStatusUnknownError,
    RequestValidationError,
)

from .runtime_fakes import (
    BASE,
    CREATE_POST,
    DOC,
    ERROR_CLASSES,
    GET_ORDER,
    HEALTH,
    KEY,
    PLACE_ORDER,
    OrderNotFoundError,
    error_body,
    ok,
    play,
)

pytestmark = pytest.mark.anyio

ORDER_VALUES = {"account_id": "acc_7f3a9c21", "symbol": "BTC/USDT", "side": "buy", "amount": Decimal("0.5")}


def identity(data: Any) -> Any:
    return data


class Client:
    """An async client whose sleeps are recorded instead of awaited, with jitter pinned to 1.0."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("api_key", KEY)
        kwargs.setdefault("base_url", BASE)
        self.api = AsyncAPIClient(error_classes=ERROR_CLASSES, **kwargs)
        self.sleeps: list[float] = []
        self.api._asleep = self._record
        self.api._random = lambda: 0.0

    async def _record(self, seconds: float) -> None:
        self.sleeps.append(seconds)


@pytest.fixture
async def client(monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[Client]:
    monkeypatch.delenv("HEYTRADERS_API_KEY", raising=False)
    wrapper = Client()
    yield wrapper
    await wrapper.api.close()


async def test_auth_header_and_parse(respx_mock: respx.MockRouter, client: Client) -> None:
    rec = play(ok({"order_id": "ord_1"}))
    respx_mock.get(BASE + "/orders/ord_1").mock(side_effect=rec)
    result = await client.api.request(GET_ORDER, {"order_id": "ord_1"}, parse=identity)
    assert result.parse() == {"order_id": "ord_1"}
    assert rec.sent[0].headers["authorization"] == f"Bearer {KEY}"
    assert KEY not in str(result.http_response.request.headers)


async def test_x_api_key_style_and_public_operation(respx_mock: respx.MockRouter) -> None:
    wrapper = Client(auth_style="x-api-key")
    rec = play(ok())
    respx_mock.get(url__startswith=BASE).mock(side_effect=rec)
    await wrapper.api.request(GET_ORDER, {"order_id": "ord_1"}, parse=identity)
    await wrapper.api.request(HEALTH, {}, parse=identity)
    assert rec.sent[0].headers["x-api-key"] == KEY
    assert "x-api-key" not in rec.sent[1].headers
    await wrapper.api.close()


async def test_retries_with_backoff_and_retry_after(respx_mock: respx.MockRouter, client: Client) -> None:
    rec = play(httpx.Response(503), httpx.Response(429, headers={"Retry-After": "4"}), ok())
    respx_mock.get(BASE + "/orders/ord_1").mock(side_effect=rec)
    await client.api.request(GET_ORDER, {"order_id": "ord_1"}, parse=identity)
    assert len(rec.sent) == 3
    assert client.sleeps == [0.5, 4.0]


async def test_timeouts_are_retried_then_raised(respx_mock: respx.MockRouter, client: Client) -> None:
    rec = play(httpx.ReadTimeout("slow"))
    respx_mock.get(BASE + "/orders/ord_1").mock(side_effect=rec)
    with pytest.raises(APITimeoutError):
        await client.api.request(GET_ORDER, {"order_id": "ord_1"}, parse=identity)
    assert len(rec.sent) == 3
    assert client.sleeps == [0.5, 1.0]


async def test_post_not_retried_after_500_but_after_connect_error(respx_mock: respx.MockRouter, client: Client) -> None:
    failing = play(httpx.Response(500), ok())
    respx_mock.post(BASE + "/arena/posts").mock(side_effect=failing)
    with pytest.raises(InternalServerError):
        await client.api.request(CREATE_POST, {"title": "t"}, parse=identity)
    assert len(failing.sent) == 1
    recovering = play(httpx.ConnectError("refused"), ok({"post_id": "p"}))
    respx_mock.post(BASE + "/arena/posts").mock(side_effect=recovering)
    assert (await client.api.request(CREATE_POST, {"title": "t"}, parse=identity)).parse() == {"post_id": "p"}
    assert len(recovering.sent) == 2


@pytest.mark.parametrize(
    "failure",
    [
        httpx.Response(502),
        httpx.Response(200, text="<html/>"),
        httpx.ReadTimeout("slow"),
        httpx.RemoteProtocolError("x"),
    ],
)
async def test_order_with_unknown_outcome(
    respx_mock: respx.MockRouter, client: Client, failure: httpx.Response | Exception
) -> None:
    rec = play(failure, ok())
    respx_mock.post(BASE + "/orders").mock(side_effect=rec)
    with pytest.raises(OrderStatusUnknownError) as info:
        await client.api.request(PLACE_ORDER, ORDER_VALUES, parse=identity)
    assert len(rec.sent) == 1
    sent = json.loads(rec.sent[0].content)
    assert info.value.sent == sent == {**ORDER_VALUES, "amount": "0.5", "label": sent["label"]}
    assert sent["label"].startswith("ht-")  # the client labels every order so it can be found again


async def test_validation_and_missing_key_before_any_request(respx_mock: respx.MockRouter, client: Client) -> None:
    any_route = respx_mock.route().mock(side_effect=play(ok()))
    with pytest.raises(RequestValidationError) as info:
        await client.api.request(PLACE_ORDER, {**ORDER_VALUES, "amount": 0.5}, parse=identity)
    assert info.value.parameter == "amount"
    keyless = Client(api_key=None)
    with pytest.raises(MissingAPIKeyError):
        await keyless.api.request(GET_ORDER, {"order_id": "o"}, parse=identity)
    assert not any_route.called
    await keyless.api.close()


async def test_error_class_per_code(respx_mock: respx.MockRouter, client: Client) -> None:
    body = error_body("ORDER_NOT_FOUND", "No such order.")
    respx_mock.get(BASE + "/orders/ord_9").mock(side_effect=play(httpx.Response(404, json=body)))
    with pytest.raises(OrderNotFoundError):
        await client.api.request(GET_ORDER, {"order_id": "ord_9"}, parse=identity)


async def test_markdown(respx_mock: respx.MockRouter, client: Client) -> None:
    rec = play(httpx.Response(200, text="# DSL", headers={"Content-Type": "text/markdown"}))
    respx_mock.get(BASE + "/docs/signal-dsl").mock(side_effect=rec)
    result = await client.api.request(DOC, {}, parse=str, accept_markdown=True)
    assert result.parse() == "# DSL"
    assert rec.sent[0].headers["accept"] == "text/markdown"


async def test_context_manager_and_with_options(respx_mock: respx.MockRouter) -> None:
    async with AsyncAPIClient(api_key=KEY, base_url=BASE) as api:
        copy = api.with_options(max_retries=0)
        assert copy._client is api._client
        await copy.close()
        assert not api.is_closed
    assert api.is_closed
    own = httpx.AsyncClient()
    async with AsyncAPIClient(api_key=KEY, http_client=own):
        pass
    assert not own.is_closed
    await own.aclose()


async def test_default_async_sleep_really_sleeps_briefly() -> None:
    api = AsyncAPIClient(api_key=KEY)
    await api._asleep(0)
    await api.close()
