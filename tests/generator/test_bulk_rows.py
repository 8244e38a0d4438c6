"""The generator's reading of ``x-bulk-row`` schemas: flat records only, types as the pydantic models have them."""

from __future__ import annotations

from typing import Any

import pytest

from generator.ir import build_client_model
from generator.rows import BulkRowError, bulk_rows, field_annotation, row_array_fields
from generator.spec import load_spec

SCHEMAS: dict[str, Any] = {
    "Decimal": {"type": "string", "format": "decimal"},
    "Timestamp": {"type": "string", "format": "date-time"},
    "Side": {"type": "string", "enum": ["long", "short"]},
}


@pytest.mark.parametrize(
    ("schema", "annotation"),
    [
        ({"$ref": "#/components/schemas/Decimal"}, "Decimal"),
        # The older documents send amounts as JSON numbers: both forms are one Decimal.
        ({"oneOf": [{"$ref": "#/components/schemas/Decimal"}, {"type": "number"}]}, "Decimal"),
        ({"type": ["string", "number"], "format": "decimal"}, "Decimal"),
        ({"oneOf": [{"$ref": "#/components/schemas/Decimal"}, {"type": "null"}]}, "Decimal | None"),
        ({"$ref": "#/components/schemas/Timestamp"}, "Annotated[datetime, msgspec.Meta(tz=True)]"),
        ({"$ref": "#/components/schemas/Side"}, "Side"),
        ({"type": ["number", "null"], "minimum": 0, "maximum": 1}, "Annotated[float, msgspec.Meta(ge=0, le=1)] | None"),
        (
            {"type": "string", "minLength": 1, "pattern": "^a"},
            "Annotated[str, msgspec.Meta(min_length=1, pattern='^a')]",
        ),
        ({"type": "boolean"}, "bool"),
    ],
)
def test_field_types_match_the_pydantic_models(schema: dict[str, Any], annotation: str) -> None:
    assert field_annotation(SCHEMAS, schema, "Row.field") == annotation


@pytest.mark.parametrize(
    ("schema", "problem"),
    [
        ({"type": "object", "properties": {}}, "type 'object'"),
        ({"type": "array", "items": {"type": "string"}}, "type 'array'"),
        ({"type": "string", "enum": ["a", "b"]}, "inline enum"),
        ({"oneOf": [{"type": "string"}, {"type": "integer"}]}, "union"),
    ],
)
def test_anything_but_a_flat_scalar_is_refused_with_its_place(schema: dict[str, Any], problem: str) -> None:
    with pytest.raises(BulkRowError, match=rf"Row\.field: .*{problem}"):
        field_annotation(SCHEMAS, schema, "Row.field")


def test_the_spec_marks_the_bulk_arrays_and_their_holders() -> None:
    spec = load_spec()
    rows = bulk_rows(spec)
    assert {row.name for row in rows} == {"Candle", "BacktestTrade", "EquityPoint", "Signal"}
    assert row_array_fields(spec, rows) == {
        "Ohlcv": ("candles", "Candle"),
        "BacktestTradePage": ("trades", "BacktestTrade"),
        "EquityCurve": ("points", "EquityPoint"),
    }
    operations = {op.operation_id: op for resource in build_client_model(spec).resources for op in resource.operations}
    assert operations["get_ohlcv"].rows is not None and operations["get_ohlcv"].rows.container == "Ohlcv"
    assert operations["list_signals"].return_type == "RowList[models.Signal]"
    assert operations["get_ticker"].rows is None
