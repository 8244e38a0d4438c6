"""Rows to DataFrames: ``RowList.to_pandas()`` and ``RowList.to_polars()``.

pandas and polars are optional (the ``heytraders[pandas]`` and ``heytraders[polars]`` extras) and
imported only here, on first use. Columns follow the row type's fields. ``Decimal`` becomes a 64-bit
float, the nearest one to the exact value, unless ``exact=True`` keeps it exact (pandas: ``Decimal``
objects in an ``object`` column; polars: ``pl.Decimal`` with the column's largest scale). Times
become UTC datetimes with microseconds; open enums become their string values.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from types import ModuleType
from typing import TYPE_CHECKING, Any

from ._rows import Row, column_kinds, transpose

if TYPE_CHECKING:
    import pandas
    import polars

__all__ = ["to_pandas", "to_polars"]

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MICROSECOND = timedelta(microseconds=1)


def _import(module: str, caller: str) -> ModuleType:
    try:
        return importlib.import_module(module)
    except ImportError as error:
        raise ImportError(
            f"{caller}() needs {module}, an optional extra: pip install 'heytraders[{module}]'"
        ) from error


def _columns(rows: Sequence[Row], row: type[Row] | None) -> list[tuple[str, str, bool, list[Any]]]:
    """(name, kind, nullable, values) per field, in field order; enums already their plain string values."""
    if row is None:  # an empty list whose row type is unknown
        return []
    values = transpose(rows, row)
    columns = []
    for name, kind, nullable in column_kinds(row):
        column = values[name]
        if kind == "enum":
            column = [None if value is None else value.value for value in column]
        columns.append((name, kind, nullable, column))
    return columns


def _each(convert: Any, column: list[Any], nullable: bool) -> list[Any]:
    if nullable:
        return [None if value is None else convert(value) for value in column]
    return list(map(convert, column))


def to_pandas(rows: Sequence[Row], row: type[Row] | None, *, exact: bool) -> pandas.DataFrame:
    pd = _import("pandas", "to_pandas")
    frame: dict[str, Any] = {}
    for name, kind, nullable, column in _columns(rows, row):
        if kind == "datetime":
            frame[name] = pd.to_datetime(column, utc=True).as_unit("us")
        elif kind == "decimal" and exact:
            frame[name] = pd.Series(column, dtype=object)
        elif kind == "decimal":
            # float(Decimal) is correctly rounded: the nearest binary float to the exact value.
            frame[name] = pd.Series(_each(float, column, nullable), dtype="float64")
        else:
            frame[name] = pd.Series(column)
    result: pandas.DataFrame = pd.DataFrame(frame)
    return result


def to_polars(rows: Sequence[Row], row: type[Row] | None, *, exact: bool) -> polars.DataFrame:
    pl = _import("polars", "to_polars")
    series = []
    for name, kind, nullable, column in _columns(rows, row):
        if kind == "datetime":
            # From integers polars builds the column several times faster than from datetime objects.
            micros = _each(lambda value: (value - _EPOCH) // _MICROSECOND, column, nullable)
            series.append(pl.Series(name, micros, dtype=pl.Int64).cast(pl.Datetime("us", "UTC")))
        elif kind == "decimal" and exact:
            series.append(pl.Series(name, column))  # pl.Decimal, the scale of the longest fraction
        elif kind == "decimal":
            # str(Decimal) is cheaper than float(Decimal), and polars parses to the nearest float in Rust.
            series.append(pl.Series(name, _each(str, column, nullable), dtype=pl.String).cast(pl.Float64))
        else:
            series.append(pl.Series(name, column))
    result: polars.DataFrame = pl.DataFrame(series)
    return result
