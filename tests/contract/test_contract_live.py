"""The live API against the spec: read-only operations, valid data only, rate-limited (``make contract-live``).

Runs only when asked for twice over: selected with ``-m live`` and given ``HEYTRADERS_API_KEY``
(``HEYTRADERS_BASE_URL`` defaults to the spec's server; ``HEYTRADERS_LIVE_RATE_LIMIT`` overrides the
60 requests a minute, in schemathesis' ``<limit>/<duration>`` form). Without either it skips, saying
why, so ``make test`` and CI never reach the network. Only GET operations are included, data is positive
only, the coverage phase (which probes undeclared methods) is left out, and requests are throttled.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from .cli import st_run
from .harness import ALL_CHECKS, contract_config, openapi_auth
from .profiles import SEED, current_profile
from .request_rules import load_spec

API_KEY_ENV = "HEYTRADERS_API_KEY"
BASE_URL_ENV = "HEYTRADERS_BASE_URL"
RATE_LIMIT_ENV = "HEYTRADERS_LIVE_RATE_LIMIT"
RATE_LIMIT = "60/m"  # a fifth of the documented 300 requests a minute per key
LIVE_MAX_EXAMPLES = 3
LIVE_TIMEOUT = 1800.0

# Checks that send or judge invalid data, or need a second identity, have nothing to do in a positive,
# read-only run with one key; everything else runs.
LIVE_CHECKS = tuple(
    name
    for name in ALL_CHECKS
    if name not in {"negative_data_rejection", "missing_required_header", "unsupported_method"}
)


def _spec_server() -> str:
    servers = load_spec().get("servers") or [{}]
    return str(servers[0].get("url", ""))


@pytest.mark.live
def test_live_api_read_only(tmp_path: Path, request: pytest.FixtureRequest) -> None:
    if "live" not in (request.config.option.markexpr or ""):
        pytest.skip("the live contract run talks to the real API; select it with -m live (make contract-live)")
    api_key = os.environ.get(API_KEY_ENV, "").strip()
    if not api_key:
        pytest.skip(f"{API_KEY_ENV} is not set: the live contract run needs a real key (make contract-live)")
    base_url = os.environ.get(BASE_URL_ENV, "").strip() or _spec_server()
    profile = current_profile()
    config = contract_config(
        profile,
        auth=openapi_auth(api_key),
        max_examples=LIVE_MAX_EXAMPLES,
        mode="positive",
        phases=("examples", "fuzzing"),
        checks=LIVE_CHECKS,
    )
    result = st_run(
        config=config,
        work_dir=tmp_path,
        arguments=[
            "--url",
            base_url,
            "--include-method",
            "GET",
            "--mode",
            "positive",
            "--phases",
            "examples,fuzzing",
            "--max-examples",
            str(LIVE_MAX_EXAMPLES),
            "--rate-limit",
            os.environ.get(RATE_LIMIT_ENV, "").strip() or RATE_LIMIT,
            "--seed",
            str(SEED),
            "--workers",
            "1",
            "--request-timeout",
            "30",
        ],
        timeout=LIVE_TIMEOUT,
    )
    assert result.returncode == 0, f"the live API departs from the spec:\n{result.tail()}"
