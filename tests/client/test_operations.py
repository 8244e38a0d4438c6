"""Every operation of the spec has a sync and an async client method that sends the documented request.

Each method is called with the spec's own request example; the test checks the
request on the wire (method, path, query, JSON body, auth) and that the spec's
response example comes back parsed into the declared model.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any
from urllib.parse import quote

import httpx
import pytest
from heytraders import AsyncHeyTraders, HeyTraders, models

from generator.ir import ClientOperation, build_client_model
from generator.spec import SPEC_PATH, load_spec, resolve

SPEC = load_spec(SPEC_PATH)
MODEL = build_client_model(SPEC)
OPERATIONS = [(resource.attribute, op) for resource in MODEL.resources for op in resource.operations]
BASE_URL = "https://api.test/api/v1"
API_KEY = "ht_prov_test_0123456789"


def raw_operation(op: ClientOperation) -> dict[str, Any]:
    operation: dict[str, Any] = SPEC["paths"][op.path][op.method.lower()]
    return operation


def request_example(op: ClientOperation) -> dict[str, Any]:
    """Keyword arguments built from the spec's parameter examples and first request-body example."""
    raw = raw_operation(op)
    kwargs: dict[str, Any] = {}
    for parameter in [*SPEC["paths"][op.path].get("parameters", []), *raw.get("parameters", [])]:
        parameter = resolve(SPEC, parameter)
        kwargs[parameter["name"]] = parameter["example"]
    body = resolve(SPEC, raw.get("requestBody"))
    if body:
        media = body["content"]["application/json"]
        example = media.get("example") or next(iter(media["examples"].values()))["value"]
        kwargs.update(example)
    return kwargs


def response_example(op: ClientOperation) -> Any:
    media = resolve(SPEC, raw_operation(op)["responses"]["200"])["content"]["application/json"]
    return media.get("example") or next(iter(media["examples"].values()))["value"]


def expected_wire(op: ClientOperation, kwargs: Mapping[str, Any]) -> tuple[str, dict[str, str], dict[str, Any]]:
    """The path, query and body the client must send: the example's values plus the spec's defaults."""
    path = op.path
    query: dict[str, str] = {}
    body: dict[str, Any] = {}
    for parameter in op.parameters:
        if parameter.name in kwargs:
            value = kwargs[parameter.name]
        elif parameter.default not in (None, "NOT_GIVEN"):
            value = eval(parameter.default)  # a Python literal the generator wrote
        else:
            continue
        if parameter.location == "path":
            path = path.replace("{" + parameter.name + "}", quote(str(value), safe=""))
        elif parameter.location == "query":
            query[parameter.name] = str(value).lower() if isinstance(value, bool) else str(value)
        else:
            body[parameter.name] = value
    return path, query, body


def check_parsed(op: ClientOperation, result: Any) -> None:
    if op.return_type.startswith(("list[models.", "RowList[models.")):
        item = getattr(models, op.return_type.split("[models.", 1)[1].removesuffix("]"))
        assert isinstance(result, models.RowList if op.return_type.startswith("RowList") else list)
        assert all(isinstance(entry, item) for entry in result)
    else:
        assert isinstance(result, getattr(models, op.return_type.removeprefix("models.")))


def handler_for(op: ClientOperation, seen: list[httpx.Request]) -> Any:
    def handle(request: httpx.Request) -> httpx.Response:
        # A copy: the client redacts the key on its request object once the request has been sent.
        seen.append(httpx.Request(request.method, request.url, headers=request.headers.copy(), content=request.content))
        return httpx.Response(200, json=response_example(op))

    return handle


def check_request(op: ClientOperation, request: httpx.Request, kwargs: Mapping[str, Any]) -> None:
    path, query, body = expected_wire(op, kwargs)
    assert request.method == op.method
    assert request.url.raw_path.decode().split("?")[0] == "/api/v1" + path
    assert dict(request.url.params) == query
    if body:
        assert json.loads(request.content) == body
    else:
        assert request.content == b""
    if op.public:
        assert "authorization" not in request.headers
    else:
        assert request.headers["authorization"] == f"Bearer {API_KEY}"


@pytest.mark.parametrize(("resource", "op"), OPERATIONS, ids=[op.operation_id for _, op in OPERATIONS])
def test_sync_method_sends_the_documented_request(resource: str, op: ClientOperation) -> None:
    seen: list[httpx.Request] = []
    kwargs = request_example(op)
    with HeyTraders(api_key=API_KEY, base_url=BASE_URL, transport=httpx.MockTransport(handler_for(op, seen))) as client:
        result = getattr(getattr(client, resource), op.operation_id)(**kwargs)
    assert len(seen) == 1
    check_request(op, seen[0], kwargs)
    check_parsed(op, result)


@pytest.mark.parametrize(("resource", "op"), OPERATIONS, ids=[op.operation_id for _, op in OPERATIONS])
@pytest.mark.anyio
async def test_async_method_sends_the_documented_request(resource: str, op: ClientOperation) -> None:
    seen: list[httpx.Request] = []
    kwargs = request_example(op)
    transport = httpx.MockTransport(handler_for(op, seen))
    async with AsyncHeyTraders(api_key=API_KEY, base_url=BASE_URL, transport=transport) as client:
        result = await getattr(getattr(client, resource), op.operation_id)(**kwargs)
    assert len(seen) == 1
    check_request(op, seen[0], kwargs)
    check_parsed(op, result)


def test_every_operation_has_a_method() -> None:
    client = HeyTraders(api_key=API_KEY, base_url=BASE_URL)
    for resource, op in OPERATIONS:
        assert callable(getattr(getattr(client, resource), op.operation_id))
        assert callable(getattr(getattr(client, resource).with_raw_response, op.operation_id))
    assert len(OPERATIONS) == 66
