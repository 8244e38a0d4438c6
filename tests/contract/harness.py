"""Shared pieces of the contract runs: the mock, its keys, and the schemathesis configuration.

Every run, in process (``test_contract_asgi``), over HTTP (``test_contract_http``) or against the live
API (``test_contract_live``), is configured from :func:`contract_config`, so the checks, their tuning
and the phases are written once. A check that is tuned carries its reason beside the setting.
"""

from __future__ import annotations

import importlib
import importlib.util
import json
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import schemathesis
from schemathesis import BaseSchema
from schemathesis.config import SchemathesisConfig
from schemathesis.python import asgi

from .case_gate import CaseGate
from .profiles import SEED, Profile
from .request_rules import REPO_ROOT, SPEC_PATH

MOCK_PACKAGE = "heytraders_mock"
MOCK_SOURCE = REPO_ROOT / "mock"
BASE_PATH = "/api/v1"
ALL_SCOPES = ("research", "read", "trade")

# Every check schemathesis 4.32.5 registers; `test_harness.py` fails when the installed version adds
# or drops one, so a new check is looked at rather than silently on or off.
ALL_CHECKS = (
    "not_a_server_error",
    "status_code_conformance",
    "content_type_conformance",
    "response_headers_conformance",
    "response_schema_conformance",
    "negative_data_rejection",
    "positive_data_acceptance",
    "missing_required_header",
    "unsupported_method",
    "allow_header_conformance",
    "use_after_free",
    "ensure_resource_availability",
    "ignored_auth",
    "object_level_authorization",
    "max_response_time",
)

# schemathesis' default for `positive_data_acceptance`, plus 422.
POSITIVE_STATUSES = ["2xx", "3xx", "401", "403", "404", "409", "422", "429", "5xx"]

CHECK_SETTINGS: dict[str, dict[str, Any]] = {
    # Tuned: 422 is the spec's answer to a well-formed request the server cannot serve (DATA_UNAVAILABLE
    # for a symbol the exchange does not list, TA_OUT_OF_RANGE, QUALITY_GATE); which symbols exist is
    # data, not schema, so a schema-valid symbol may rightly get it. 400 stays a failure.
    "positive_data_acceptance": {"expected-statuses": POSITIVE_STATUSES},
}
# Tuned: `max_response_time` needs a limit (its setting is the number of seconds itself); 10 s only
# catches a hung handler, so a loaded two-core CI machine does not turn latency into failures.
MAX_RESPONSE_TIME = 10.0


@dataclass(frozen=True, slots=True)
class MockKey:
    """A ready key made by ``POST /_mock/keys``."""

    api_key: str
    agent_id: str
    account_ids: dict[str, str]

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> MockKey:
        """Parse the control route's answer."""
        accounts = data.get("account_ids") or {}
        if not isinstance(accounts, Mapping):
            raise TypeError(f"account_ids is not an object: {accounts!r}")
        return cls(
            api_key=str(data["api_key"]),
            agent_id=str(data.get("agent_id", "")),
            account_ids={str(exchange): str(account) for exchange, account in accounts.items()},
        )


def mock_available() -> bool:
    """Whether the mock can be imported and offers its interface (it is written alongside these tests)."""
    try:
        module = import_mock()
    except ImportError:
        return False
    return callable(getattr(module, "create_app", None)) and callable(getattr(module, "MockConfig", None))


def import_mock() -> Any:
    """The ``heytraders_mock`` module (from the installed package, else from ``mock/`` in this tree)."""
    if importlib.util.find_spec(MOCK_PACKAGE) is None and str(MOCK_SOURCE) not in sys.path:
        sys.path.insert(0, str(MOCK_SOURCE))
    return importlib.import_module(MOCK_PACKAGE)


def create_mock_app(*, seed: int = 0) -> Any:
    """A fresh in-process mock whose limits contract runs do not reach.

    The rate limit, backtest quotas and registration limit are raised far above what a run sends: the
    contract runs check conformance, not quotas (the mock's own tests do), and at the documented 300
    requests a minute a fuzzing run would spend most of its cases on 429 answers.
    """
    module = import_mock()
    config = module.MockConfig(
        seed=seed,
        rate_limit_per_minute=1_000_000,
        backtests_per_hour=1_000_000,
        backtests_per_day=1_000_000,
        registrations_per_hour=1_000_000,
    )
    return module.create_app(config)


def control_post(app: Any, path: str, payload: Mapping[str, Any]) -> Any:
    """POST to one of the mock's ``/_mock`` control routes in process and return the decoded JSON.

    Uses schemathesis' own ASGI client, so the app runs on the same event-loop thread as the
    contract requests.
    """
    with asgi.get_client(app) as client:
        response = client.post(path, json=dict(payload))
    if response.status_code >= 300:
        raise RuntimeError(f"POST {path} answered {response.status_code}: {response.text[:500]}")
    return response.json() if response.content else None


def provision_key(app: Any, scopes: Sequence[str] = ALL_SCOPES, *, claimed: bool = True) -> MockKey:
    """A ready key with ``scopes`` from the in-process mock (claimed: one linked account per exchange)."""
    return MockKey.from_json(control_post(app, "/_mock/keys", {"scopes": list(scopes), "claimed": claimed}))


def openapi_auth(api_key: str, *, schemes: Sequence[str] = ("bearerAuth",)) -> dict[str, Any]:
    """``[auth]`` sending one key through the spec's security schemes (``bearerAuth``, ``apiKeyHeader``).

    With several schemes configured, the first one an operation lists is sent (``bearerAuth``).
    """
    values = {"bearerAuth": {"bearer": api_key}, "apiKeyHeader": {"api_key": api_key}}
    return {"openapi": {scheme: values[scheme] for scheme in schemes}}


def wfc_auth(path: Path, keys: Mapping[str, str], *, header: str = "X-API-Key") -> dict[str, Any]:
    """``[auth]`` for several identities (name -> key) that must not see each other's objects.

    Writes the Web Fuzzing Commons auth file schemathesis reads, and names every identity a peer, which
    is what turns ``object_level_authorization`` on: a successful read by one identity is replayed as
    each other one, which must not get the object.
    """
    document = {
        "auth": [{"name": name, "fixedHeaders": [{"name": header, "value": key}]} for name, key in keys.items()]
    }
    path.write_text(json.dumps(document), encoding="utf-8")
    return {"wfc": {"path": str(path), "peers": list(keys)}}


def contract_config(
    profile: Profile,
    *,
    auth: Mapping[str, Any] | None,
    max_examples: int | None = None,
    mode: str = "all",
    phases: Sequence[str] = ("examples", "coverage", "fuzzing", "stateful"),
    checks: Sequence[str] = ALL_CHECKS,
) -> dict[str, Any]:
    """The schemathesis configuration (``schemathesis.toml`` as a dictionary) of one contract run.

    Args:
        profile: Budgets.
        auth: The ``[auth]`` table (:func:`openapi_auth`, :func:`wfc_auth`); ``None`` sends no key.
        max_examples: Fuzzing examples per operation (the profile's in-process budget by default).
        mode: ``all``, ``positive`` or ``negative`` data.
        phases: Phases to run.
        checks: Checks to run (all of them unless a caller narrows the list).
    """
    check_table: dict[str, Any] = {}
    for name in ALL_CHECKS:
        if name == "max_response_time":
            if name in checks:
                check_table[name] = MAX_RESPONSE_TIME
            continue
        check_table[name] = {"enabled": name in checks, **CHECK_SETTINGS.get(name, {})}
    config: dict[str, Any] = {
        "seed": SEED,
        # No state kept between runs (the CLI would otherwise replay earlier runs' crashes first).
        "cache": {"enabled": False},
        "generation": {
            "mode": mode,
            "max-examples": max_examples if max_examples is not None else profile.max_examples,
            # No example database: a run replays nothing from earlier runs, so it is reproducible.
            "database": "none",
        },
        "checks": check_table,
        "phases": {
            "examples": {"enabled": "examples" in phases, "fill-missing": True},
            "coverage": {"enabled": "coverage" in phases},
            "fuzzing": {"enabled": "fuzzing" in phases},
            "stateful": {"enabled": "stateful" in phases, "max-steps": profile.stateful_steps},
        },
    }
    if auth is not None:
        config["auth"] = dict(auth)
    return config


def load_schema(app: Any, config: Mapping[str, Any], gate: CaseGate) -> BaseSchema:
    """The spec as a schemathesis schema bound to the in-process ``app``, with the request-rule gate."""
    schema = schemathesis.openapi.from_path(SPEC_PATH, config=SchemathesisConfig.from_dict(dict(config)))
    schema.app = app
    schema.hooks.register_hook_with_name(gate.filter_case, "filter_case")
    schema.hooks.register_hook_with_name(gate.before_add_examples, "before_add_examples")
    schema.hooks.register_hook_with_name(gate.filter_failure, "filter_failure")
    schema.hooks.register_hook_with_name(gate.after_call, "after_call")
    return schema


def toml_dumps(data: Mapping[str, Any]) -> str:
    """Write a configuration dictionary as TOML (strings, numbers, booleans, lists, nested tables)."""
    lines: list[str] = []
    _toml_table(data, (), lines)
    return "\n".join(lines).strip() + "\n"


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value)
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_toml_value(item) for item in value) + "]"
    raise TypeError(f"cannot write {value!r} as a TOML value")


def _toml_table(data: Mapping[str, Any], path: tuple[str, ...], lines: list[str]) -> None:
    scalars = [(key, value) for key, value in data.items() if not isinstance(value, Mapping)]
    tables = [(key, value) for key, value in data.items() if isinstance(value, Mapping)]
    if path and scalars:
        lines.append("[" + ".".join(json.dumps(part) for part in path) + "]")
    for key, value in scalars:
        lines.append(f"{json.dumps(key)} = {_toml_value(value)}")
    if scalars:
        lines.append("")
    for key, value in tables:
        _toml_table(value, (*path, key), lines)
