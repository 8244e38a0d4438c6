"""Bulk rows: light, typed records for arrays that come by the thousand (candles, trades, equity points, signals).

A schema marked ``x-bulk-row: true`` in the spec becomes a :class:`Row` (a frozen ``msgspec.Struct``)
instead of a pydantic model: the same attribute names and types (``Decimal`` money, aware
``datetime``), built by msgspec's C decoder straight from the response bytes. A pydantic model with
10,000 candles costs several times the ``json.loads`` of its body; rows cost about as much again.

A JSON number or a decimal string both become the ``Decimal`` of their exact text (msgspec reads the
number's digits, never a binary float). NaN and infinities are refused, like everywhere else in the SDK.
Rows keep only the fields the spec names: an unknown field the server adds is skipped, not fatal (the
raw body stays available through ``with_raw_response``).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Hashable, Iterable, Sequence
from decimal import Decimal
from functools import partial
from operator import attrgetter, is_not
from typing import TYPE_CHECKING, Any, ClassVar, Generic, Literal, TypeVar, cast, get_args, get_origin, overload

import msgspec
import pydantic
from pydantic_core import SchemaSerializer, core_schema

if TYPE_CHECKING:
    from typing import Self

    import pandas
    import polars
    from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
    from pydantic.json_schema import JsonSchemaValue

__all__ = ["Row", "RowList", "RowValidationError", "RowsModel", "RowsParser", "rows_parser"]

R = TypeVar("R", bound="Row")
M = TypeVar("M", bound=pydantic.BaseModel)
T = TypeVar("T")

_WHERE = re.compile(r"^(?P<reason>.*?)(?: - at `\$(?P<path>[^`]*)`)?$", re.DOTALL)
_INDEX = re.compile(r"^\[(?P<index>\d+)\](?:\.(?P<field>\w+))?")


class RowValidationError(ValueError):
    """A row does not match the spec: names the array, the row's index and the field.

    Attributes:
        row: Index of the row at fault in its array (None when the array itself is wrong).
        field: The field at fault (None when the whole row is wrong).
    """

    def __init__(self, message: str, *, row: int | None = None, field: str | None = None) -> None:
        super().__init__(message)
        self.row = row
        self.field = field


class _Serializer:
    """``Row.__pydantic_serializer__``: built per row class on first use.

    pydantic-core serialises any object whose type has this attribute, so ``pydantic_core.to_jsonable_python``
    (and anything built on it) turns rows and lists of rows into JSON values like models.
    """

    def __get__(self, row: object, owner: type[Row]) -> SchemaSerializer:
        return _serializer(owner)


@functools.cache
def _serializer(row: type[Row]) -> SchemaSerializer:
    return SchemaSerializer(row.__get_pydantic_core_schema__(row, cast("GetCoreSchemaHandler", None)))


class Row(msgspec.Struct, frozen=True, kw_only=True, gc=False):
    """Base of the bulk-row types: a frozen ``msgspec.Struct`` with keyword-only construction.

    Read fields as attributes (``candle.close`` is a ``Decimal``). Rows are immutable and hashable;
    ``model_validate`` builds one from a mapping with the same checks as a response, ``model_dump``
    turns one back into a dict (``mode="json"`` gives decimal strings and ISO times). Inside pydantic
    models (``models.Ohlcv.candles``) they validate and serialise like any field.
    """

    # Rows hold only numbers, strings, Decimals, datetimes and enum members, never themselves:
    # no reference cycle is possible, so they stay out of the garbage collector (gc=False).

    __pydantic_serializer__: ClassVar[_Serializer] = _Serializer()

    @classmethod
    def model_validate(cls, obj: Any) -> Self:
        """A row from a mapping (wire names, JSON values or Python ones), checked like a response row."""
        if isinstance(obj, cls):
            return obj
        return convert_rows([obj], cls, "row")[0]

    def model_dump(self, *, mode: Literal["python", "json"] = "python") -> dict[str, Any]:
        """The row as a dict; ``mode="json"`` gives JSON values (decimal strings, ISO 8601 times)."""
        if mode == "json":
            return cast(dict[str, Any], msgspec.to_builtins(self))
        return msgspec.structs.asdict(self)

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        return core_schema.no_info_plain_validator_function(
            cls.model_validate,
            serialization=core_schema.plain_serializer_function_ser_schema(_dump_row, info_arg=True),
        )

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return _json_schema(cls)


def _dump_row(row: Row, info: core_schema.SerializationInfo) -> Any:
    return row.model_dump(mode="json" if info.mode_is_json() else "python")


@functools.cache
def _json_schema(row: type[Row]) -> dict[str, Any]:
    """msgspec's JSON Schema of ``row`` with its ``$defs`` (enums) inlined, to nest inside a pydantic schema."""
    (reference,), definitions = msgspec.json.schema_components([row], ref_template="#/$defs/{name}")

    def inline(node: Any) -> Any:
        if isinstance(node, dict):
            target = node.get("$ref")
            if isinstance(target, str):
                return inline(definitions[target.rsplit("/", 1)[-1]])
            return {key: inline(value) for key, value in node.items()}
        if isinstance(node, list):
            return [inline(item) for item in node]
        return node

    return cast(dict[str, Any], inline(reference))


class RowList(list[R], Generic[R]):
    """A ``list`` of rows that knows its row type and converts to a DataFrame.

    It is an ordinary list in every other way (indexing, slicing, ``==`` with a list, ``len``).
    """

    __slots__ = ("row_type",)

    def __init__(self, rows: Iterable[R] = (), row_type: type[R] | None = None) -> None:
        super().__init__(rows)
        self.row_type = row_type

    def to_pandas(self, *, exact: bool = False) -> pandas.DataFrame:
        """A pandas DataFrame, one column per field, in the row type's field order.

        Args:
            exact: Keep ``Decimal`` columns as ``object`` columns of ``Decimal`` instead of ``float64``.

        Returns:
            The DataFrame. Column types: ``Decimal`` → ``float64`` (the nearest binary float; with
            ``exact=True`` the ``Decimal`` itself, dtype ``object``); ``datetime`` →
            ``datetime64[us, UTC]``; strings and open enums → strings; numbers → ``float64``/``int64``;
            a null is ``NaN``/``NaT``/``None``.

        Raises:
            ImportError: pandas is not installed (``pip install 'heytraders[pandas]'``).
        """
        from ._frames import to_pandas

        return to_pandas(self, self._row_type(), exact=exact)

    def to_polars(self, *, exact: bool = False) -> polars.DataFrame:
        """A polars DataFrame, one column per field, in the row type's field order.

        Args:
            exact: Make ``Decimal`` columns ``pl.Decimal`` (exact, the scale of the column's longest
                fraction) instead of ``Float64``.

        Returns:
            The DataFrame. Column types: ``Decimal`` → ``Float64`` (with ``exact=True``,
            ``Decimal(38, scale)``); ``datetime`` → ``Datetime("us", "UTC")``; strings and open enums →
            ``String``; numbers → ``Float64``/``Int64``; a null is ``null``.

        Raises:
            ImportError: polars is not installed (``pip install 'heytraders[polars]'``).
        """
        from ._frames import to_polars

        return to_polars(self, self._row_type(), exact=exact)

    def _row_type(self) -> type[Row] | None:
        if self.row_type is not None:
            return self.row_type
        return type(self[0]) if self else None

    def __repr__(self) -> str:
        return f"RowList({list.__repr__(self)})"

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        (row,) = get_args(source) or (Row,)

        def validate(value: Any) -> RowList[Any]:
            if isinstance(value, RowList) and value.row_type is row:
                return value  # built by the response decoder: already checked
            return convert_rows(value, row, "")

        def json_schema(schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler) -> JsonSchemaValue:
            return {"type": "array", "items": _json_schema(row)}

        return core_schema.no_info_plain_validator_function(
            validate,
            serialization=core_schema.plain_serializer_function_ser_schema(_dump_rows, info_arg=True),
            metadata={"pydantic_js_functions": [json_schema]},
        )


def _dump_rows(rows: Sequence[Row], info: core_schema.SerializationInfo) -> list[Any]:
    mode: Literal["python", "json"] = "json" if info.mode_is_json() else "python"
    return [row.model_dump(mode=mode) for row in rows]


class RowsModel(pydantic.BaseModel):
    """Base of the models that hold one array of bulk rows (``Ohlcv``, ``EquityCurve``, ``BacktestTradePage``).

    ``to_pandas()`` and ``to_polars()`` convert that array; see :meth:`RowList.to_pandas`.
    """

    def to_pandas(self, *, exact: bool = False) -> pandas.DataFrame:
        """The rows as a pandas DataFrame (see :meth:`RowList.to_pandas`)."""
        return self._rows().to_pandas(exact=exact)

    def to_polars(self, *, exact: bool = False) -> polars.DataFrame:
        """The rows as a polars DataFrame (see :meth:`RowList.to_polars`)."""
        return self._rows().to_polars(exact=exact)

    def _rows(self) -> RowList[Any]:
        return cast(RowList[Any], getattr(self, _rows_field(type(self))))


@functools.cache
def _rows_field(model: type[pydantic.BaseModel]) -> str:
    """The one ``RowList`` field of ``model``."""
    (name,) = (name for name, info in model.model_fields.items() if get_origin(info.annotation) is RowList)
    return name


@functools.cache
def _decimal_fields(row: type[Row]) -> tuple[tuple[str, bool], ...]:
    """The fields of ``row`` that hold a ``Decimal``, each with whether it may be None."""
    info = cast(msgspec.inspect.StructType, msgspec.inspect.type_info(row))
    fields = []
    for field in info.fields:
        kinds = field.type.types if isinstance(field.type, msgspec.inspect.UnionType) else (field.type,)
        if any(isinstance(kind, msgspec.inspect.DecimalType) for kind in kinds):
            fields.append((field.name, any(isinstance(kind, msgspec.inspect.NoneType) for kind in kinds)))
    return tuple(fields)


def _all_finite(rows: Sequence[Row], row: type[Row]) -> bool:
    """Whether every Decimal of ``rows`` is finite: Decimal() reads "NaN" and "Infinity", and msgspec uses it.

    C-level passes, one per field (about a tenth of the parse for 10,000 candles); _first_non_finite says where.
    """
    for name, nullable in _decimal_fields(row):
        values: Iterable[Any] = map(attrgetter(name), rows)
        if nullable:
            values = filter(partial(is_not, None), values)
        if not all(map(Decimal.is_finite, values)):
            return False
    return True


def _first_non_finite(rows: Sequence[Row], row: type[Row]) -> tuple[int, str, Decimal] | None:
    if _all_finite(rows, row):
        return None
    for index, item in enumerate(rows):
        for name, _ in _decimal_fields(row):
            value = getattr(item, name)
            if value is not None and not value.is_finite():
                return index, name, value
    return None


def _row_error(error: msgspec.ValidationError, data: Any, where: str) -> RowValidationError:
    """``Invalid decimal string - at `$[3].open``` → ``candles[3].open: invalid decimal string (got 'abc')``."""
    match = _WHERE.match(str(error))
    reason, path = (match.group("reason"), match.group("path") or "") if match else (str(error), "")
    reason = reason[:1].lower() + reason[1:]
    row: int | None = None
    field: str | None = None
    shown = ""
    found = _INDEX.match(path)
    if found:
        row, field = int(found.group("index")), found.group("field")
        try:
            value = data[row] if field is None else data[row][field]
            shown = f" (got {value!r:.80})"
        except (LookupError, TypeError):
            pass
    return RowValidationError(f"{where}{path}: {reason}{shown}", row=row, field=field)


def convert_rows(data: Any, row: type[R], where: str) -> RowList[R]:
    """Rows from JSON-like values (``json.loads`` output or Python objects), with errors naming row and field.

    Args:
        data: A list of mappings.
        row: The row type.
        where: The array's name, for error messages (``candles``).

    Raises:
        RowValidationError: A row is missing a field, has one of the wrong type, or a non-finite number.
    """
    try:
        rows = msgspec.convert(data, list[row])  # type: ignore[valid-type]
    except msgspec.ValidationError as error:
        raise _row_error(error, data, where) from None
    bad = _first_non_finite(rows, row)
    if bad is not None:
        index, name, value = bad
        message = f"{where}[{index}].{name}: expected a finite decimal (got {value!r})"
        raise RowValidationError(message, row=index, field=name)
    return RowList(rows, row)


class RowsParser(Generic[T]):
    """Parses an operation's ``data`` that holds bulk rows: a container model with one row array, or the array.

    Called with already decoded JSON (the general path), it checks the rows in one msgspec pass and
    then the container with pydantic. ``decode_envelope`` is the fast path the client tries first: one
    typed msgspec pass over the raw response bytes, envelope and all.
    """

    def __init__(self, row: type[Row], container: type[pydantic.BaseModel] | None, field: str | None) -> None:
        self.row = row
        self.container = container
        self.field = field
        self.wire_field = ""
        if container is not None and field is not None:
            self.wire_field = container.model_fields[field].alias or field

    def __call__(self, data: Any) -> T:
        if self.container is None:
            return cast(T, convert_rows(data, self.row, "data"))
        if not isinstance(data, dict):
            return cast(T, self.container.model_validate(data))  # pydantic says what is wrong
        rows = convert_rows(data.get(self.wire_field), self.row, self.wire_field)
        return cast(T, self.container.model_validate({**data, self.wire_field: rows}))

    @functools.cached_property
    def _decoder(self) -> msgspec.json.Decoder[Any]:
        rows_type = list[self.row]  # type: ignore[name-defined]
        data_type: Any = rows_type
        if self.container is not None:
            fields: list[tuple[str, Any, Any]] = []
            for name, info in self.container.model_fields.items():
                wire = info.alias or name
                if name == self.field:
                    fields.append((name, rows_type, msgspec.field(name=wire)))
                else:
                    fields.append((name, Any, msgspec.field(default=msgspec.UNSET, name=wire)))
            # Unknown container fields fail this pass, so the general path keeps them (model_extra).
            data_type = msgspec.defstruct(
                f"{self.container.__name__}Wire", fields, kw_only=True, forbid_unknown_fields=True
            )
        envelope = msgspec.defstruct(
            "Envelope",
            [
                ("success", Literal[True]),
                ("data", data_type),
                ("meta", dict[str, Any] | None, None),
            ],
        )
        # Numbers outside the rows (container fields, meta) become Decimals of their exact text too.
        return msgspec.json.Decoder(envelope, float_hook=Decimal)

    def decode_envelope(self, content: bytes) -> tuple[T, dict[str, Any] | None] | None:
        """The parsed data and ``meta`` of a success envelope, or None to take the general path.

        None (never an exception) whenever the body is anything but a success envelope whose data
        matches exactly: an error envelope, malformed JSON, a bad row, an unknown container field.
        The general path then raises the error or keeps the field, when ``parse()`` is called.
        """
        try:
            envelope = self._decoder.decode(content)
        except (msgspec.ValidationError, msgspec.DecodeError):
            return None
        data = envelope.data
        rows = RowList(data if self.container is None else getattr(data, cast(str, self.field)), self.row)
        if not _all_finite(rows, self.row):
            return None
        if self.container is None:
            return cast(T, rows), envelope.meta
        values: dict[str, Any] = {self.wire_field: rows}
        for name, info in self.container.model_fields.items():
            value = getattr(data, name)
            if name != self.field and value is not msgspec.UNSET:
                values[info.alias or name] = value
        try:
            parsed = self.container.model_validate(values)
        except ValueError:
            return None
        return cast(T, parsed), envelope.meta


@overload
def rows_parser(row: type[R]) -> RowsParser[RowList[R]]: ...


@overload
def rows_parser(row: type[Row], container: type[M], field: str) -> RowsParser[M]: ...


def rows_parser(row: type[Row], container: type[Any] | None = None, field: str | None = None) -> RowsParser[Any]:
    """The parser of an operation whose data is ``container`` holding ``field: RowList[row]``, or that list.

    Built once per operation (the typed decoder with it, on first use) and cached.
    """
    return _rows_parser(row, cast(Hashable, container), field)


@functools.cache
def _rows_parser(row: type[Row], container: Hashable, field: str | None) -> RowsParser[Any]:
    return RowsParser(row, cast("type[pydantic.BaseModel] | None", container), field)


def column_kinds(row: type[Row]) -> list[tuple[str, str, bool]]:
    """Each field of ``row``: name, kind (decimal, datetime, enum, or other: used as is), whether it may be None."""
    info = cast(msgspec.inspect.StructType, msgspec.inspect.type_info(row))
    kinds = []
    for field in info.fields:
        types = field.type.types if isinstance(field.type, msgspec.inspect.UnionType) else (field.type,)
        kind = "other"
        for candidate, name in (
            (msgspec.inspect.DecimalType, "decimal"),
            (msgspec.inspect.DateTimeType, "datetime"),
            (msgspec.inspect.EnumType, "enum"),
        ):
            if any(isinstance(item, candidate) for item in types):
                kind = name
        nullable = any(isinstance(item, msgspec.inspect.NoneType) for item in types)
        kinds.append((field.name, kind, nullable))
    return kinds


def transpose(rows: Sequence[Row], row: type[Row]) -> dict[str, list[Any]]:
    """Field name → the column of values, in field order (empty columns for no rows)."""
    names = row.__struct_fields__
    if not rows:
        return {name: [] for name in names}
    astuple: Callable[[Row], tuple[Any, ...]] = msgspec.structs.astuple
    return dict(zip(names, map(list, zip(*map(astuple, rows), strict=True)), strict=True))
