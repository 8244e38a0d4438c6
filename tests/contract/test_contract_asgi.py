"""The mock against the spec, in process: every operation, every check, every phase, then the links.

``test_contract`` runs schemathesis' examples, coverage and fuzzing phases on each of the spec's
operations with a ready key (all scopes, claimed, one linked account per exchange) and every check of
``harness.ALL_CHECKS``. ``TestStateful`` walks the spec's OpenAPI links with ``as_state_machine``
(``use_after_free`` and ``ensure_resource_availability`` live there). ``object_level_authorization``
is on but has nothing to compare here (it needs two identities and the CLI engine's pool of ids seen in
responses); ``test_contract_http`` runs it. Budgets come from the profile (``CONTRACT_PROFILE``); each
run is seeded and derandomized.
"""

from __future__ import annotations

from typing import Any

import hypothesis
import pytest
from schemathesis import Case, Response
from schemathesis.generation.stateful.state_machine import APIStateMachine

from .case_gate import CaseGate
from .harness import (
    contract_config,
    control_post,
    create_mock_app,
    load_schema,
    mock_available,
    openapi_auth,
    provision_key,
)
from .profiles import current_profile

if not mock_available():
    pytest.skip("the mock (mock/heytraders_mock) is not there yet", allow_module_level=True)

PROFILE = current_profile()

# One app for the phases of every operation ...
APP = create_mock_app()
KEY = provision_key(APP)
GATE = CaseGate.for_key(KEY.agent_id, KEY.account_ids)
schema = load_schema(
    APP,
    contract_config(PROFILE, auth=openapi_auth(KEY.api_key), phases=("examples", "coverage", "fuzzing")),
    GATE,
)


@schema.parametrize()
def test_contract(case: Case[Any]) -> None:
    case.call_and_validate()


# ... and a fresh one for the stateful run, so its scenarios start from the seeded state.
STATEFUL_APP = create_mock_app()
STATEFUL_KEY = provision_key(STATEFUL_APP)
STATEFUL_GATE = CaseGate.for_key(STATEFUL_KEY.agent_id, STATEFUL_KEY.account_ids)
stateful_schema = load_schema(
    STATEFUL_APP,
    contract_config(PROFILE, auth=openapi_auth(STATEFUL_KEY.api_key), phases=("stateful",)),
    STATEFUL_GATE,
)
# Mock time stands still unless advanced; each step moves it so queued backtests finish and their
# results (and the links that read them) come into reach within a scenario.
CLOCK_STEP_SECONDS = 60

_BaseMachine: type[APIStateMachine] = stateful_schema.as_state_machine()


class ContractStateMachine(_BaseMachine):  # type: ignore[misc, valid-type]
    def setup(self) -> None:
        # Every scenario starts from the seeded state: the same requests then get the same answers,
        # which keeps the run reproducible (Hypothesis replays scenario prefixes and insists on it).
        super().setup()
        control_post(STATEFUL_APP, "/_mock/reset", {})
        assert provision_key(STATEFUL_APP) == STATEFUL_KEY, "a reset mock hands out the same key again"
        STATEFUL_GATE.order_exchanges.clear()

    def before_call(self, case: Case[Any]) -> None:
        super().before_call(case)
        if not STATEFUL_GATE.settle(case):
            # Values from earlier responses made a positive case break a request rule: not a scenario.
            hypothesis.reject()
        control_post(STATEFUL_APP, "/_mock/clock/advance", {"seconds": CLOCK_STEP_SECONDS})

    def after_call(self, response: Response, case: Case[Any]) -> None:
        # super() records the response for the stateful checks; without it use_after_free stays silent.
        super().after_call(response, case)


TestStateful = ContractStateMachine.TestCase
TestStateful.settings = hypothesis.settings(
    max_examples=PROFILE.stateful_examples,
    stateful_step_count=PROFILE.stateful_steps,
    deadline=None,
    derandomize=True,
    database=None,
    phases=[hypothesis.Phase.generate],
    # Tuned: schemathesis' own state-machine settings suppress every health check; scenarios are slow by
    # nature (one request per step) and drawing from bundles filters by design.
    suppress_health_check=list(hypothesis.HealthCheck),
)
