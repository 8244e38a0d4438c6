"""The sandbox's documents and indicator catalog: generated from the evaluator's registry, served as
JSON or raw markdown, and true of what the API answers."""

from __future__ import annotations

import json
import re

import pytest
from heytraders_mock.clock import START
from heytraders_mock.dsl import FUNCTIONS, OPERATORS, VARIABLES, Evaluator, supported
from heytraders_mock.market import TIMEFRAME_SECONDS, MarketData

from .conftest import Mock

DOCS = ("signal-dsl", "operators", "data", "api-reference")


def markdown(mock: Mock, slug: str) -> str:
    response = mock.call("GET", f"/docs/{slug}", headers={"Accept": "text/markdown"})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/markdown")
    return response.text


def test_index_and_health(mock: Mock) -> None:
    index = mock.ok("GET", "/docs")["documents"]
    assert [d["path"] for d in index] == [f"/docs/{slug}" for slug in DOCS]
    assert mock.call("GET", "/docs", headers={"Accept": "text/markdown"}).text.startswith("# HeyTraders documents")
    assert mock.ok("GET", "/meta/health") == {"status": "ok", "version": "1.0.0", "timestamp": "2026-03-01T12:00:00Z"}


@pytest.mark.parametrize("slug", DOCS)
def test_markdown_is_the_json_content(mock: Mock, slug: str) -> None:
    document = mock.ok("GET", f"/docs/{slug}")
    assert document["slug"] == slug and document["content"].startswith("# ")
    assert markdown(mock, slug) == document["content"]


def test_every_function_and_operator_is_documented_and_listed(mock: Mock) -> None:
    guide, reference = markdown(mock, "signal-dsl"), markdown(mock, "operators")
    catalog = mock.ok("GET", "/meta/indicators", mock.register())
    listed = {item["name"]: item for item in catalog["indicators"]}
    assert list(listed) == list(FUNCTIONS)
    for name, function in FUNCTIONS.items():
        row = f"| `{function.signature.replace('|', chr(92) + '|')}` |"
        assert row in guide and row in reference, name
        assert f"`{function.example}`" in reference
        assert listed[name]["signature"] == function.signature and listed[name]["description"] == function.description
    assert {"sma", "ema", "rsi", "roc", "atr", "stdev", "highest", "lowest", "macd", "bbands"} <= set(listed)
    assert {"crossover", "crossunder"} <= set(listed)
    for symbol, _, example in OPERATORS:
        assert f"| `{symbol}` |" in reference and f"`{example}`" in guide
    assert [item["symbol"] for item in catalog["operators"]] == [symbol for symbol, _, _ in OPERATORS]
    assert [item["name"] for item in catalog["variables"]] == list(VARIABLES)


def test_every_example_in_the_docs_runs(mock: Mock) -> None:
    data = MarketData(0)
    btc = data.find("binance", "BTC/USDT")
    assert btc is not None
    evaluator = Evaluator(data.ohlcv(btc, "1h", START, 500).columns())
    reference = markdown(mock, "operators")
    examples = re.findall(r"\| `([^`]+)` \|\n", reference)  # the last column of each table row
    assert len(examples) >= len(FUNCTIONS) + len(OPERATORS)
    for example in examples:
        evaluator.evaluate(example.replace("\\|", "|"))


def test_the_guide_covers_the_sandbox(mock: Mock) -> None:
    guide = markdown(mock, "signal-dsl")
    for needle in (
        "emit_signal(condition, entry(",
        '"LONG" | "SHORT"',
        "Weight(w)",
        'exit("EXCHANGE:BASE/QUOTE")',
        "name = expression",
        "`x[-1]` is `x`",
        "VALIDATION_ERROR",
        "TA_OUT_OF_RANGE",
        supported(),
    ):
        assert needle in guide, needle
    data = markdown(mock, "data")
    for timeframe in TIMEFRAME_SECONDS:
        assert f"`{timeframe}`" in data
    for exchange in MarketData(0).exchanges():
        assert f"| `{exchange}` |" in data
    assert all(f"| `{name}` |" in data for name in VARIABLES)


def test_the_documented_errors_are_the_ones_the_api_sends(mock: Mock) -> None:
    key = mock.register()
    guide = markdown(mock, "signal-dsl")
    shown = json.loads(guide.split("```json\n")[1].split("```")[0])
    expression = shown["error"]["details"]["value"]
    response = mock.call("POST", "/market/evaluate", key, json={"expression": expression, "symbol": "BTC/USDT"})
    assert response.status_code == 400 and response.json()["error"] == shown["error"]
    table = guide.split("| expression | message |")[1].split("\n\n")[0]
    rows = [line for line in table.splitlines() if line.startswith("| `")]
    assert len(rows) >= 4
    for row in rows:
        text, message = row.removeprefix("| `").removesuffix(" |").split("` | ")
        error = mock.error(
            "POST", "/market/evaluate", 400, "VALIDATION_ERROR", key, json={"expression": text, "symbol": "BTC/USDT"}
        )
        assert message in error["message"]
    out_of_range = re.search(r"`(sma\(close, \d+\))` over the", guide)
    assert out_of_range is not None
    body = {"expression": out_of_range.group(1), "symbol": "BTC/USDT"}
    message = mock.error("POST", "/market/evaluate", 422, "TA_OUT_OF_RANGE", key, json=body)["message"]
    assert f"message `{message}`" in guide
