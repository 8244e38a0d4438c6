"""The request-rule table the client tests use, replayed against the mock over HTTP.

Every case that breaks a rule must get 400 VALIDATION_ERROR naming that rule's parameter and id;
every valid case must get past validation (it may still find no such account or order).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from .conftest import API, Key, Mock

CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent.parent / "cases" / "request_rules.yaml").read_text()
)


def request_for(case: dict[str, Any], key: Key) -> tuple[str, str, dict[str, Any]]:
    op = API.operation(case["operation"])
    view = dict(case["view"])
    names = {param.name: param.location for param in op.spec.params}
    if "account_id" in view and view.get("exchange") in key.accounts:
        # Trade on a real account of the same exchange, so that valid cases get past the account lookup.
        view["account_id"] = key.accounts[view["exchange"]]
        if "exchange" not in names:
            del view["exchange"]  # the account's exchange: the server adds it to the view itself
    path = re.sub(r"\{(\w+)\}", lambda m: str(view[m.group(1)]), op.path)
    query = {name: value for name, value in view.items() if names.get(name) == "query"}
    body = {name: value for name, value in view.items() if names.get(name) == "body"}
    kwargs: dict[str, Any] = {"params": query}
    if body or op.has_body:
        kwargs["json"] = body
    return op.method, path, kwargs


@pytest.mark.parametrize("case", CASES, ids=lambda case: f"{case['operation']}: {case['name']}")
def test_the_mock_enforces_the_request_rules(mock: Mock, case: dict[str, Any]) -> None:
    key = mock.key("research", "read", "trade")
    method, path, kwargs = request_for(case, key)
    response = mock.call(method, path, key, **kwargs)
    body = response.json()
    if case["violates"]:
        rule = case["violates"][0]
        parameter = next(r.parameter for r in API.operation(case["operation"]).spec.rules if r.id == rule)
        assert response.status_code == 400, response.text
        error = body["error"]
        assert error["code"] == "VALIDATION_ERROR"
        assert error["details"]["rule"] == rule and error["details"]["parameter"] == parameter
        assert error["message"].startswith(parameter) and rule in error["message"]
        assert parameter in error["suggestion"] and rule in error["suggestion"]
    else:
        rejected = response.status_code == 400 and body["error"]["code"] == "VALIDATION_ERROR"
        assert not rejected, response.text


def test_the_table_breaks_every_rule_of_every_operation() -> None:
    rules = {(op.operation_id, rule.id) for op in API.operations for rule in op.spec.rules}
    broken = {(case["operation"], rule) for case in CASES for rule in case["violates"]}
    assert rules == broken
