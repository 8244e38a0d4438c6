"""Bulk rows: the schemas marked ``x-bulk-row: true`` become light ``msgspec`` records, not pydantic models.

An array of such records (candles, backtest trades, equity points, signals) may hold thousands of
items, and a pydantic model per item costs several times the ``json.loads`` of the body. The
generator reads each marked schema (it must be a flat object: scalar fields only) and writes a
``Row`` class with the same field names and Python types as the pydantic model would have, with the
spec's constraints as ``msgspec.Meta``. Operations whose data is such an array, or a model holding
one, parse through ``rows_parser`` (``generator/runtime/_rows.py``), which decodes the response bytes
in one typed pass.
"""

from __future__ import annotations

import keyword
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

BULK_ROW = "x-bulk-row"
_STRING_META = {"minLength": "min_length", "maxLength": "max_length", "pattern": "pattern"}
_NUMBER_META = {"minimum": "ge", "maximum": "le", "exclusiveMinimum": "gt", "exclusiveMaximum": "lt"}


@dataclass(frozen=True)
class RowField:
    name: str
    annotation: str  # the Python annotation, msgspec constraints included
    required: bool
    description: str


@dataclass(frozen=True)
class BulkRow:
    name: str
    description: str
    fields: tuple[RowField, ...]


@dataclass(frozen=True)
class RowsResult:
    """How an operation's data holds rows: the array itself, or ``container.field``."""

    row: str
    container: str | None = None
    field: str | None = None


class BulkRowError(ValueError):
    pass


def _ref_name(schema: Mapping[str, Any]) -> str | None:
    reference = str(schema.get("$ref", ""))
    return reference.split("/")[-1] if reference.startswith("#/components/schemas/") else None


def _variants(schemas: Mapping[str, Any], schema: Mapping[str, Any]) -> tuple[list[tuple[str | None, Any]], bool]:
    """The non-null alternatives of ``schema`` as (schema name or None, schema), and whether null is allowed."""
    name = _ref_name(schema)
    if name is not None:
        target = {**schemas[name], **{key: value for key, value in schema.items() if key != "$ref"}}
        found, nullable = _variants(schemas, target)
        return [(name if inner is None else inner, variant) for inner, variant in found], nullable
    for key in ("oneOf", "anyOf"):
        if key in schema:
            found_all: list[tuple[str | None, Any]] = []
            nullable = False
            for option in schema[key]:
                found, option_nullable = _variants(schemas, option)
                found_all += found
                nullable = nullable or option_nullable
            return found_all, nullable
    types = schema.get("type")
    if isinstance(types, list):
        nullable = "null" in types
        return [(None, {**schema, "type": kind}) for kind in types if kind != "null"], nullable
    if types == "null":
        return [], True
    return [(None, schema)], False


def _meta(schema: Mapping[str, Any], names: Mapping[str, str]) -> str:
    arguments = [f"{python}={schema[key]!r}" for key, python in names.items() if key in schema]
    # msgspec.Meta, not Meta: the spec has a schema named Meta.
    return f"msgspec.Meta({', '.join(arguments)})" if arguments else ""


def _constrained(python: str, meta: str) -> str:
    return f"Annotated[{python}, {meta}]" if meta else python


def field_annotation(schemas: Mapping[str, Any], schema: Mapping[str, Any], where: str) -> str:
    """The annotation of one row field; raises BulkRowError for anything but a (nullable) scalar."""
    variants, nullable = _variants(schemas, schema)
    if not variants:
        raise BulkRowError(f"{where}: a field that is always null")
    decimal = any(variant.get("format") == "decimal" for _, variant in variants)
    if decimal:
        # A decimal string, or (the older documents) the same amount as a JSON number: one Decimal.
        if any(variant.get("type") not in ("string", "number", "integer") for _, variant in variants):
            raise BulkRowError(f"{where}: a decimal mixed with a non-number")
        annotation = "Decimal"
    elif len(variants) > 1:
        raise BulkRowError(f"{where}: a union of several types; bulk rows hold plain scalars")
    else:
        [(name, variant)] = variants
        kind, fmt = variant.get("type"), variant.get("format")
        if "enum" in variant:
            if name is None or kind != "string":
                raise BulkRowError(f"{where}: an inline enum; give it a named string schema")
            annotation = name  # the open enumeration class of the same name, in models.py
        elif kind == "string" and fmt == "date-time":
            annotation = "Annotated[datetime, msgspec.Meta(tz=True)]"  # aware, like pydantic's AwareDatetime
        elif kind == "string" and fmt == "date":
            annotation = "date"
        elif kind == "string":
            annotation = _constrained("str", _meta(variant, _STRING_META))
        elif kind in ("number", "integer"):
            annotation = _constrained("float" if kind == "number" else "int", _meta(variant, _NUMBER_META))
        elif kind == "boolean":
            annotation = "bool"
        else:
            raise BulkRowError(f"{where}: type {kind!r}; bulk rows hold plain scalars")
    return f"{annotation} | None" if nullable else annotation


def bulk_rows(spec: Mapping[str, Any]) -> tuple[BulkRow, ...]:
    """Every schema marked ``x-bulk-row: true``, checked to be a flat object."""
    schemas: Mapping[str, Any] = spec["components"]["schemas"]
    rows = []
    for name, schema in schemas.items():
        if not schema.get(BULK_ROW):
            continue
        if schema.get("type") != "object" or not schema.get("properties"):
            raise BulkRowError(f"{name}: {BULK_ROW} needs an object schema with properties")
        required = set(schema.get("required", []))
        fields = []
        for field_name, field_schema in schema["properties"].items():
            if not field_name.isidentifier() or keyword.iskeyword(field_name):
                raise BulkRowError(f"{name}.{field_name}: a bulk-row field must be a Python identifier")
            description = field_schema.get("description") or schemas.get(_ref_name(field_schema) or "", {}).get(
                "description", ""
            )
            annotation = field_annotation(schemas, field_schema, f"{name}.{field_name}")
            if field_name not in required and not annotation.endswith(" | None"):
                annotation += " | None"  # absent reads as None, as in the pydantic models
            fields.append(
                RowField(
                    name=field_name,
                    annotation=annotation,
                    required=field_name in required,
                    description=" ".join(str(description).split()),
                )
            )
        rows.append(BulkRow(name, " ".join(str(schema.get("description", "")).split()), tuple(fields)))
    return tuple(rows)


def row_array_fields(spec: Mapping[str, Any], rows: tuple[BulkRow, ...]) -> dict[str, tuple[str, str]]:
    """Container schema → (its property holding an array of bulk rows, the row), for containers with exactly one."""
    names = {row.name for row in rows}
    containers: dict[str, tuple[str, str]] = {}
    for name, schema in spec["components"]["schemas"].items():
        found = [
            (field, _ref_name(field_schema.get("items", {})) or "")
            for field, field_schema in (schema.get("properties") or {}).items()
            if field_schema.get("type") == "array" and _ref_name(field_schema.get("items", {})) in names
        ]
        if len(found) > 1:
            raise BulkRowError(f"{name}: more than one array of bulk rows; split the schema")
        if found:
            containers[name] = found[0]
    return containers
