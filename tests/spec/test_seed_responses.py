"""Every response the two documents show validates against its operation's response schema.

The documents (``shared/seeds/000_00953bfad2b6ae12.txt``, the newer, and ``001_e54e9c56ff74a024.txt``, the
older) show responses in three ways, each transcribed below exactly as written and checked as it can be:

- **Whole envelopes** (001's balances): validated against the operation's whole 200 schema.
- **Abbreviated envelopes** in shell comments (000's quick start: ``# Response: { "data": {...} }``): the
  ``data`` is validated against the operation's data schema, and every key shown must be an envelope key.
  The documents' elisions are kept as written: a ``"..."`` string stays a string; an elided object
  ``{...}`` (not JSON) is read as ``{}``, an object the document shows nothing of.
- **Field lists** in prose ("Response: ``api_key``, ``agent_id``, ``quota``, ``scopes``", "Returns
  ``matched[]``, ``details[]``, ``scanned_count``"): each named field must be a property of the schema.

001's "Response Format" is a template rather than a response (its ``data`` is ``{ ... }``, its ``error`` a
placeholder beside ``"success": true``): its keys are checked against the envelope's and the error's.

Numbers are read as the SDK reads them, as the Decimal of their own text (``138.20``). When the
documents are present (``../shared/seeds``), each transcription is checked line by line against them,
so the table cannot drift from what the documents say.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from heytraders import _json
from heytraders_mock._spec_loader import escape_pointer, pointer_get, resolve

from generator.spec import SchemaValidators, iter_operations, load_spec

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"
NEWER = "000_00953bfad2b6ae12"
OLDER = "001_e54e9c56ff74a024"
SPEC = load_spec()
VALIDATORS = SchemaValidators(SPEC)
OPERATIONS = {(op.method.upper(), op.path): op for op in iter_operations(SPEC)}
ENVELOPE_KEYS = set(SPEC["components"]["schemas"]["SuccessEnvelope"]["properties"])


@dataclass(frozen=True)
class Shown:
    """One response as a document shows it.

    Attributes:
        document: The seed's name.
        section: The heading (and the place under it) the response is shown in.
        operation: ``METHOD /path`` as in the spec.
        text: The JSON as written (``{...}`` elisions included).
        whole: A whole envelope (else an abbreviated one whose ``data`` is checked).
    """

    document: str
    section: str
    operation: str
    text: str
    whole: bool = False

    @property
    def id(self) -> str:
        return f"{self.document} | {self.section} | {self.operation}"


@dataclass(frozen=True)
class Fields:
    """Fields a document names in prose as part of a response.

    Attributes:
        document: The seed's name.
        section: Where the document names them.
        words: The document's words, as written (checked against the document).
        schema: The named schema (``components.schemas``) that must hold them, ``Name.field`` for an array
            field's items.
        names: The fields named.
    """

    document: str
    section: str
    words: str
    schema: str
    names: tuple[str, ...]


SHOWN = (
    Shown(
        NEWER,
        "快速入门 (quick start), step 1: self-register",
        "POST /meta/register",
        '{ "data": { "api_key": "ht_prov_...", "key_id": "...", "quota": {...}, "scopes": ["research"] } }',
    ),
    Shown(
        NEWER,
        "快速入门 (quick start), step 3: request a claim code",
        "POST /meta/request-claim",
        '{ "data": { "claim_code": "ABC123", "expires_in": 1800 } }',
    ),
    Shown(
        OLDER,
        "4. Accounts API, Get Balances",
        "GET /accounts/{account_id}/balances",
        """{
  "success": true,
  "data": {
    "account_id": "...",
    "total_equity_usd": 120.69,
    "balances": [{ "asset": "USDC", "free": 138.20, "used": 0.0, "total": 138.20 }],
    "positions": [{
      "symbol": "99244.../USDC", "side": "long", "size": 589.99,
      "entry_price": 0.92, "unrealized_pnl": 2.88, "leverage": 1
    }],
    "open_orders": [],
    "updated_at": "2026-02-10T14:19:53Z"
  }
}""",
        whole=True,
    ),
)

FIELDS = (
    Fields(OLDER, "1. Authentication, Self-Registration", "Response: `api_key`, `agent_id`, `quota`, `scopes`.",
           "AgentRegistration", ("api_key", "agent_id", "quota", "scopes")),
    Fields(NEWER, "自动注册 (self-registration)", "**返回值：** `api_key`、`key_id`、`quota`、`scopes`。",  # noqa: RUF001 (quoted verbatim)
           "AgentRegistration", ("api_key", "key_id", "quota", "scopes")),
    Fields(NEWER, "请求领取代码 (request a claim code)", "**返回值：** `claim_code`",  # noqa: RUF001 (quoted verbatim)
           "ClaimCode", ("claim_code",)),
    Fields(OLDER, "3. Market API, Scan", "Returns `matched[]`, `details[]`, `scanned_count`.",
           "ScanResult", ("matched", "details", "scanned_count")),
    Fields(OLDER, "3. Market API, Rank", "Returns `ranked[]` with rank, symbol, score, price.",
           "RankResult.ranked", ("rank", "symbol", "score", "price")),
    Fields(OLDER, "6. Backtest API, Results Endpoints",
           "**Key metrics:** `total_return_pct`, `max_drawdown`, `sharpe_ratio`, `sortino_ratio`, `calmar_ratio`, "
           "`win_rate`, `num_trades`, `profit_factor`.",
           "BacktestMetrics", ("total_return_pct", "max_drawdown", "sharpe_ratio", "sortino_ratio", "calmar_ratio",
                               "win_rate", "num_trades", "profit_factor")),
    Fields(OLDER, "6. Backtest API, Workflow", "poll until `status=completed`, response includes `result_id`",
           "BacktestStatus", ("status", "result_id")),
    Fields(OLDER, "6. Backtest API, Poll Status", "check `message`",
           "BacktestStatus", ("message",)),
    Fields(NEWER, "与用户共享仪表盘链接 (share the dashboard link)", "`GET /backtest/results/{id}`会返回仪表盘链接",
           "BacktestResult", ("dashboard_url",)),
)  # fmt: skip

TEMPLATE = """{
  "success": true,
  "data": { ... },
  "error": { "code": "ERROR_CODE", "message": "...", "suggestion": "..." },
  "meta": { "timestamp": "2026-01-01T00:00:00Z" }
}"""


def parse(text: str) -> Any:
    """The document's JSON, its elided objects (``{...}``, ``{ ... }``) read as ``{}``."""
    return _json.loads(text.replace("{ ... }", "{}").replace("{...}", "{}"))


def response_pointer(operation: str) -> str:
    method, path = operation.split(" ", 1)
    found = OPERATIONS[(method, path)]
    return f"/paths/{escape_pointer(path)}/{found.method}/responses/200/content/application~1json/schema"


def data_schema(operation: str) -> Any:
    """The operation's ``data`` schema: the ``properties.data`` of its envelope's ``allOf``."""
    envelope = pointer_get(SPEC, response_pointer(operation))
    for part in envelope["allOf"]:
        data = (part.get("properties") or {}).get("data")
        if data is not None:
            return data
    raise AssertionError(f"{operation}: no data schema")


def errors_of(schema: Any, value: Any) -> list[str]:
    validator = VALIDATORS.of(schema)
    return [f"{'/'.join(map(str, e.absolute_path)) or '(root)'}: {e.message}" for e in validator.iter_errors(value)]


@pytest.mark.parametrize("shown", SHOWN, ids=[shown.id for shown in SHOWN])
def test_a_shown_response_validates_against_its_operation(shown: Shown) -> None:
    value = parse(shown.text)
    if shown.whole:
        assert errors_of({"$ref": f"#{response_pointer(shown.operation)}"}, value) == []
        return
    assert set(value) <= ENVELOPE_KEYS, f"{shown.id}: keys outside the envelope"
    assert errors_of(data_schema(shown.operation), value["data"]) == []


def schema_properties(name: str) -> set[str]:
    schema_name, _, array_field = name.partition(".")
    schema = SPEC["components"]["schemas"][schema_name]
    if array_field:
        schema = resolve(SPEC, schema["properties"][array_field]["items"])
    return set(schema.get("properties") or {})


@pytest.mark.parametrize("fields", FIELDS, ids=[f"{f.document} | {f.section}" for f in FIELDS])
def test_the_fields_a_document_names_are_in_the_schema(fields: Fields) -> None:
    assert set(fields.names) - schema_properties(fields.schema) == set()


def test_the_documented_statuses_and_webhook_events_are_the_spec_s() -> None:
    """001 lists the backtest statuses in a table and the webhook events in prose."""
    schemas = SPEC["components"]["schemas"]
    assert set(schemas["BacktestJobStatus"]["enum"]) >= {"queued", "running", "completed", "failed", "cancelled"}
    assert set(schemas["WebhookEvent"]["enum"]) >= {"signal", "error", "strategy_stopped"}


def test_the_response_format_template_has_the_envelope_s_keys() -> None:
    template = parse(TEMPLATE)
    assert set(template) == ENVELOPE_KEYS
    error_keys = set(SPEC["components"]["schemas"]["Error"]["properties"])
    meta_keys = set(SPEC["components"]["schemas"]["Meta"]["properties"])
    assert set(template["error"]) <= error_keys and set(template["meta"]) <= meta_keys
    assert errors_of({"$ref": "#/components/schemas/Meta"}, template["meta"]) == []


def _document(name: str) -> str:
    return (SEEDS / f"{name}.txt").read_text(encoding="utf-8")


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seed documents are not beside the repository")
def test_every_transcription_is_word_for_word_in_its_document() -> None:
    missing = []
    for shown in SHOWN:
        lines = [line.strip() for line in shown.text.splitlines() if line.strip()]
        missing += [f"{shown.id}: {line}" for line in lines if line not in _document(shown.document)]
    for fields in FIELDS:
        if fields.words not in _document(fields.document):
            missing.append(f"{fields.document} | {fields.section}: {fields.words}")
    missing += [f"{OLDER} | Response Format: {line}" for line in TEMPLATE.splitlines() if line not in _document(OLDER)]
    assert missing == []
