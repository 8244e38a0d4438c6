"""The same contract over real HTTP: ``st run`` (the schemathesis CLI) against ``heytraders-mock``.

The test starts the mock's console command on a free 127.0.0.1 port, asks it for two ready keys, and
runs every phase (examples, coverage, fuzzing, stateful) with every check over the network. The two
keys are two identities that must not see each other's objects, which is what lets
``object_level_authorization`` work (it also needs the CLI engine's pool of ids seen in responses, so
it is inert in process). The keys travel as ``X-API-Key`` (the in-process run sends
``Authorization: Bearer``, so both schemes are exercised). The example count and the subprocess time
are bounded by the profile.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .case_gate import KEY_ENV, CaseGate
from .cli import running_mock, st_run
from .harness import contract_config, mock_available, wfc_auth
from .profiles import SEED, current_profile

pytestmark = pytest.mark.skipif(not mock_available(), reason="the mock (mock/heytraders_mock) is not there yet")


def test_st_run_against_the_mock_over_http(tmp_path: Path) -> None:
    profile = current_profile()
    # The command line serves with a wall clock and the production registration limit; the rate limit
    # is raised for the same reason as in process (the run checks conformance, not the limit).
    with running_mock(tmp_path, rate_limit=1_000_000) as mock:
        alice, bob = mock.new_key(), mock.new_key()
        auth = wfc_auth(tmp_path / "wfc-auth.json", {"alice": alice.api_key, "bob": bob.api_key})
        config = contract_config(profile, auth=auth, max_examples=profile.cli_max_examples)
        result = st_run(
            config=config,
            work_dir=tmp_path,
            arguments=[
                "--url",
                mock.base_url,
                "--checks",
                "all",
                "--phases",
                "examples,coverage,fuzzing,stateful",
                "--max-examples",
                str(profile.cli_max_examples),
                "--seed",
                str(SEED),
                "--workers",
                "1",
                "--request-timeout",
                "30",
            ],
            # The gate knows the first identity's agent and accounts (the one schemathesis settles on).
            env={KEY_ENV: CaseGate.env_value(alice.agent_id, alice.account_ids)},
            timeout=profile.cli_timeout,
        )
    assert result.returncode == 0, f"st run found failures (mock log: {mock.log}):\n{result.tail()}"
