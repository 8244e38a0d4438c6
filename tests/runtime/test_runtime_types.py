"""The NOT_GIVEN sentinel, operation metadata and the response wrapper."""

from __future__ import annotations

import copy
import dataclasses
import pickle
import subprocess
import sys
from typing import Any

import httpx
import pytest

from generator.runtime._operation import OperationSpec, ParamSpec
from generator.runtime._response import APIResponse
from generator.runtime._types import NOT_GIVEN, NotGiven


def test_not_given_is_a_falsy_singleton_distinct_from_none() -> None:
    assert not NOT_GIVEN
    assert NOT_GIVEN is not None
    assert repr(NOT_GIVEN) == "NOT_GIVEN"
    assert NotGiven() is NOT_GIVEN
    assert copy.copy(NOT_GIVEN) is NOT_GIVEN
    assert copy.deepcopy({"a": NOT_GIVEN})["a"] is NOT_GIVEN


def test_not_given_pickles_as_the_same_object() -> None:
    import generator.runtime._types as types_module

    assert types_module.NOT_GIVEN is NOT_GIVEN
    assert pickle.loads(pickle.dumps(NOT_GIVEN)) is NOT_GIVEN


@pytest.mark.parametrize(
    ("method", "idempotent"),
    [("GET", True), ("PUT", True), ("DELETE", True), ("HEAD", True), ("POST", False), ("PATCH", False)],
)
def test_idempotent_methods(method: str, idempotent: bool) -> None:
    assert OperationSpec("op", method, "/x", ()).idempotent is idempotent


def test_operation_spec_is_frozen_with_defaults() -> None:
    op = OperationSpec("op", "GET", "/x", (ParamSpec("a", "query", False, {}),))
    assert (op.rules, op.public, op.key_optional, op.places_order, op.markdown) == ((), False, False, False, False)
    with pytest.raises(dataclasses.FrozenInstanceError):
        op.method = "POST"  # type: ignore[misc]
    assert "_plan" not in repr(op)


def test_api_response_parses_lazily_once() -> None:
    calls: list[Any] = []

    def parse(data: Any) -> int:
        calls.append(data)
        return len(data)

    http = httpx.Response(201, headers={"X-Request-Id": "r1"}, request=httpx.Request("POST", "https://a.test/x"))
    result = APIResponse(http, parse, data=[1, 2], meta={"timestamp": "t"})
    assert (result.status_code, result.headers["x-request-id"], result.meta) == (201, "r1", {"timestamp": "t"})
    assert calls == []
    assert result.parse() == 2 and result.parse() == 2
    assert calls == [[1, 2]]
    assert result.http_response is http
    assert repr(result) == "<APIResponse [201] POST /x>"
    assert APIResponse(http, parse).meta is None


def test_importing_the_runtime_does_not_import_pydantic_or_optional_modules() -> None:
    code = (
        "import sys, generator.runtime._base_client, generator.runtime._pagination;"
        "heavy = [m for m in ('pydantic', 'anyio', 'difflib', 'yaml') if m in sys.modules];"
        "print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == ""
