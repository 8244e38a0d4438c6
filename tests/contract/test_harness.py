"""Self-checks of the contract harness: pieces that need no mock."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any

import hypothesis
import pytest
import schemathesis
import yaml
from schemathesis.checks import CHECKS, load_all_checks
from schemathesis.config import SchemathesisConfig
from schemathesis.openapi.checks import RejectedPositiveData

from .case_gate import BOOLEAN_EXPRESSIONS, KEY_ENV, SCRIPTS, CaseGate, repair
from .harness import ALL_CHECKS, MockKey, contract_config, openapi_auth, toml_dumps, wfc_auth
from .profiles import PROFILE_ENV, PROFILES, current_profile
from .request_rules import SPEC_PATH, broken_rules, request_view, rules_by_operation

CASES_PATH = Path(__file__).resolve().parents[1] / "cases" / "request_rules.yaml"
RULE_CASES: list[dict[str, Any]] = yaml.safe_load(CASES_PATH.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def schema() -> Any:
    return schemathesis.openapi.from_path(SPEC_PATH)


@pytest.mark.parametrize("entry", RULE_CASES, ids=[f"{c['operation']}: {c['name']}" for c in RULE_CASES])
def test_rule_evaluator_agrees_with_the_shared_case_table(entry: dict[str, Any]) -> None:
    # The same table the spec, client and mock tests replay: this reading of the rules must agree.
    assert broken_rules(entry["operation"], entry["view"]) == entry["violates"]


def test_every_operation_with_rules_is_in_the_spec_and_every_rule_resolves() -> None:
    table = rules_by_operation()
    assert "place_order" in table
    assert {rule.id for rule in table["place_order"]} >= {"limit-orders-need-price", "polymarket-symbol-is-token-id"}
    assert all(rule.parameter for rules in table.values() for rule in rules)


def test_request_view_adds_the_exchange_of_a_known_account_or_order_only_when_none_is_named() -> None:
    accounts = {"acc_1": "lighter"}
    orders = {"ord_1": "polymarket"}
    assert request_view({"account_id": "acc_1"}, {}, None, account_exchanges=accounts)["exchange"] == "lighter"
    assert "exchange" not in request_view({}, {"account_id": "acc_1"}, None, account_exchanges=accounts)
    assert request_view({"account_id": "acc_1"}, {"exchange": "binance"}, None, account_exchanges=accounts) == {
        "account_id": "acc_1",
        "exchange": "binance",
    }
    assert request_view({"order_id": "ord_1"}, None, None, order_exchanges=orders)["exchange"] == "polymarket"
    assert "exchange" not in request_view({"account_id": "acc_unknown"}, {}, None, account_exchanges=accounts)
    assert request_view({"a": 1}, {"b": 2}, {"c": 3}) == {"a": 1, "b": 2, "c": 3}
    assert request_view({}, {}, ["not", "an", "object"]) == {}


def test_gate_drops_positive_cases_that_break_a_rule_and_keeps_valid_ones(schema: Any) -> None:
    gate = CaseGate()
    operation = schema["/orders"]["POST"]
    slug = operation.Case(
        body={"account_id": "acc_1", "exchange": "polymarket", "symbol": "BTC/USDT", "side": "buy", "amount": "1"}
    )
    valid = operation.Case(
        body={"account_id": "acc_1", "exchange": "binance", "symbol": "BTC/USDT", "side": "buy", "amount": "1"}
    )
    assert gate.broken(slug) == ["polymarket-symbol-is-token-id"]
    assert not gate.accepts(slug)
    assert gate.accepts(valid)
    assert gate.dropped == {("place_order", "polymarket-symbol-is-token-id"): 1}


def test_gate_uses_the_exchange_of_the_keys_accounts(schema: Any) -> None:
    gate = CaseGate.for_key("agt_me", {"lighter": "acc_l", "binance": "acc_b"})
    operation = schema["/accounts/{account_id}/open-orders"]["GET"]
    assert not gate.accepts(operation.Case(path_parameters={"account_id": "acc_l"}))
    assert gate.accepts(operation.Case(path_parameters={"account_id": "acc_l"}, query={"symbol": "BTC/USDT"}))
    assert gate.accepts(operation.Case(path_parameters={"account_id": "acc_b"}))


def test_gate_lets_negative_cases_through(schema: Any) -> None:
    strategy = schema["/orders"]["POST"].as_strategy(generation_mode=schemathesis.GenerationMode.NEGATIVE)
    gate = CaseGate()

    @hypothesis.settings(max_examples=5, database=None, derandomize=True, deadline=None)
    @hypothesis.given(case=strategy)
    def check(case: Any) -> None:
        assert case.meta is not None and case.meta.generation.mode.is_negative
        assert gate.accepts(case)

    check()


def test_gate_learns_orders_and_accounts_from_responses(schema: Any) -> None:
    gate = CaseGate()

    class FakeResponse:
        def __init__(self, data: object) -> None:
            self.content = json.dumps({"success": True, "data": data}).encode()

    orders = FakeResponse({"items": [{"order_id": "ord_9", "account_id": "acc_9", "exchange": "lighter"}]})
    gate.observe(schema["/orders"]["GET"].Case(), orders)  # type: ignore[arg-type]
    assert (gate.order_exchanges, gate.account_exchanges) == ({"ord_9": "lighter"}, {})
    accounts = FakeResponse([{"account_id": "acc_1", "exchange": "upbit"}])
    gate.observe(schema["/accounts"]["GET"].Case(), accounts)  # type: ignore[arg-type]
    assert gate.account_exchanges == {"acc_1": "upbit"}
    cancel = schema["/orders/{order_id}"]["DELETE"]
    # The server adds the order's exchange (lighter), whose orders cancel by numeric exchange order id.
    assert gate.broken(cancel.Case(path_parameters={"order_id": "ord_9"})) == ["lighter-cancels-by-exchange-order-id"]


def test_gate_reads_the_key_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(KEY_ENV, CaseGate.env_value("agt_me", {"upbit": "acc_u"}))
    gate = CaseGate.from_env()
    assert (gate.agent_id, gate.account_exchanges) == ("agt_me", {"acc_u": "upbit"})
    monkeypatch.setenv(KEY_ENV, "[1]")
    with pytest.raises(ValueError, match=KEY_ENV):
        CaseGate.from_env()
    monkeypatch.delenv(KEY_ENV)
    assert CaseGate.from_env() == CaseGate()


def test_gate_drops_following_yourself_and_orders_on_another_exchanges_account(schema: Any) -> None:
    gate = CaseGate.for_key("agt_me", {"binance": "acc_b"})
    follow = schema["/arena/agents/{agent_id}/subscribe"]["POST"]
    assert gate.broken(follow.Case(path_parameters={"agent_id": "agt_me"})) == ["cannot-follow-yourself"]
    assert gate.accepts(follow.Case(path_parameters={"agent_id": "agt_other"}))
    order = schema["/orders"]["POST"]
    body = {"account_id": "acc_b", "exchange": "gate", "symbol": "BTC/USDT", "side": "buy", "amount": "1"}
    assert gate.broken(order.Case(body=body)) == ["place-order-exchange-is-the-accounts"]
    assert gate.accepts(order.Case(body={**body, "exchange": "binance"}))


def test_gate_forgives_only_documented_state_dependent_rejections(schema: Any) -> None:
    gate = CaseGate()
    cancel = schema["/backtest/cancel/{backtest_id}"]["POST"].Case(path_parameters={"backtest_id": "bt_1"})

    class Answer:
        def __init__(self, status_code: int, parameter: str, code: str = "VALIDATION_ERROR") -> None:
            self.status_code = status_code
            error = {"code": code, "message": "m", "details": {"parameter": parameter}}
            self.content = json.dumps({"success": False, "data": None, "error": error}).encode()

    rejected = RejectedPositiveData(operation="x", message="m", status_code=400, allowed_statuses=[])
    assert gate.forgives(rejected, cancel, Answer(400, "backtest_id"))  # type: ignore[arg-type]
    assert not gate.forgives(rejected, cancel, Answer(400, "universe"))  # type: ignore[arg-type]
    assert not gate.forgives(rejected, cancel, Answer(400, "backtest_id", "INTERNAL_ERROR"))  # type: ignore[arg-type]
    other = schema["/backtest/execute"]["POST"].Case(body={})
    assert not gate.forgives(rejected, other, Answer(400, "backtest_id"))  # type: ignore[arg-type]
    assert gate.forgiven == {"cancel_backtest": 1}


def test_all_checks_names_exactly_the_installed_checks() -> None:
    load_all_checks()
    # max_response_time is configured by its limit and is not in the registry.
    assert set(CHECKS.get_all_names()) == set(ALL_CHECKS) - {"max_response_time"}


@pytest.mark.parametrize("name", sorted(PROFILES))
def test_contract_config_is_valid_schemathesis_configuration_and_toml(name: str) -> None:
    config = contract_config(PROFILES[name], auth=openapi_auth("ht_test"))
    text = toml_dumps(config)
    assert tomllib.loads(text) == config
    project = SchemathesisConfig.from_str(text).projects.get_default()
    assert project.checks.positive_data_acceptance.expected_statuses is not None
    assert "422" in project.checks.positive_data_acceptance.expected_statuses
    assert "400" not in project.checks.positive_data_acceptance.expected_statuses
    assert project.checks.max_response_time.enabled


def test_profile_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(PROFILE_ENV, raising=False)
    assert current_profile().name == "fast"
    monkeypatch.setenv(PROFILE_ENV, "DEEP")
    assert current_profile().name == "deep"
    assert PROFILES["deep"].max_examples > PROFILES["fast"].max_examples
    monkeypatch.setenv(PROFILE_ENV, "huge")
    with pytest.raises(ValueError, match="huge"):
        current_profile()


def test_mock_key_parses_the_control_answer() -> None:
    key = MockKey.from_json({"api_key": "ht_1", "agent_id": "agt_1", "account_ids": {"binance": "acc_b"}})
    assert key == MockKey(api_key="ht_1", agent_id="agt_1", account_ids={"binance": "acc_b"})


def test_repair_puts_dsl_in_place_and_leaves_ordered_fields_to_the_rules(schema: Any) -> None:
    """Only what no schema can say is repaired; a backwards date range is a rule the gate drops by."""
    body = {
        "script": "???",
        "universe": ["BINANCE:BTC/USDT"],
        "start_date": "2024-06-30",
        "end_date": "2024-01-01",
    }
    execute = schema["/backtest/execute"]["POST"].Case(body=dict(body))
    repair(execute)
    assert execute.body["script"] in SCRIPTS
    assert (execute.body["start_date"], execute.body["end_date"]) == ("2024-06-30", "2024-01-01")
    assert CaseGate().broken(execute) == ["backtest-end-after-start"]

    scan = schema["/market/scan"]["POST"].Case(body={"universe": ["BTC/USDT"], "condition": "x"})
    repair(scan)
    assert scan.body["condition"] in BOOLEAN_EXPRESSIONS

    posts = schema["/arena/posts"]["GET"].Case(query={"cursor": "generated", "limit": 5})
    repair(posts)
    assert posts.query == {"limit": 5}


def test_wfc_auth_writes_a_peer_document_schemathesis_accepts(tmp_path: Path) -> None:
    auth = wfc_auth(tmp_path / "wfc.json", {"alice": "ht_a", "bob": "ht_b"})
    assert auth == {"wfc": {"path": str(tmp_path / "wfc.json"), "peers": ["alice", "bob"]}}
    document = json.loads((tmp_path / "wfc.json").read_text())
    assert document["auth"][1] == {"name": "bob", "fixedHeaders": [{"name": "X-API-Key", "value": "ht_b"}]}
    config = contract_config(PROFILES["fast"], auth=auth)
    SchemathesisConfig.from_str(toml_dumps(config))


def test_gate_puts_the_keys_accounts_in_most_positive_cases(schema: Any) -> None:
    gate = CaseGate.for_key("agt_me", {"binance": "acc_b", "lighter": "acc_l"})
    order = schema["/orders"]["POST"]
    generated = [f"acc_generated_{index}" for index in range(40)]
    replaced = []
    for account in generated:
        case = order.Case(body={"account_id": account, "exchange": "lighter", "side": "buy", "amount": "1"})
        gate.use_own_accounts(case)
        replaced.append(case.body["account_id"])
    assert set(replaced) - set(generated) == {"acc_l"}  # the account on the exchange the order names
    kept = sum(1 for before, after in zip(generated, replaced, strict=True) if before == after)
    assert 0 < kept < len(generated) / 2


def test_settle_gives_an_order_the_account_on_its_exchange_and_refuses_other_breaks(schema: Any) -> None:
    gate = CaseGate.for_key("agt_me", {"binance": "acc_b", "upbit": "acc_u"})
    order = schema["/orders"]["POST"]
    body = {"account_id": "acc_u", "exchange": "binance", "symbol": "BTC/USDT", "side": "buy", "amount": "1"}
    case = order.Case(body=dict(body))
    assert gate.settle(case)
    assert case.body["account_id"] == "acc_b"
    slug = order.Case(body={**body, "account_id": "acc_x", "exchange": "polymarket"})
    assert not gate.settle(slug)
