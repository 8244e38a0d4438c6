"""The intermediate model the templates render: operations, parameters, types, errors, rules.

Everything the client needs from the spec is decided here, once, so templates
stay free of logic: Python names and types, defaults, docstring text, the JSON
Schemas the runtime validates with (references inlined, annotations dropped).
"""

from __future__ import annotations

import keyword
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from generator.rows import BulkRow, RowsResult, bulk_rows, row_array_fields
from generator.spec import (
    TAGS,
    Operation,
    arguments_of,
    iter_operations,
    request_rules,
    required_scopes,
    resolve,
)

# Annotations the runtime validator does not need: dropped to keep generated tables small.
ANNOTATIONS = {"description", "examples", "example", "title", "default", "readOnly", "writeOnly", "deprecated"}
DEFAULT_STATUS_CLASS = {
    400: "BadRequestError",
    401: "AuthenticationError",
    403: "PermissionDeniedError",
    404: "NotFoundError",
    409: "ConflictError",
    422: "UnprocessableEntityError",
    429: "RateLimitError",
    500: "InternalServerError",
}


@dataclass(frozen=True)
class Parameter:
    name: str
    location: str  # path | query | body
    required: bool
    python_type: str
    default: str | None  # a Python literal, or None when the parameter has no default
    description: str
    schema: Mapping[str, Any]  # for the runtime validator


@dataclass(frozen=True)
class ErrorCode:
    code: str
    status: int
    description: str

    @property
    def class_name(self) -> str:
        """``TA_OUT_OF_RANGE`` → ``TaOutOfRangeError``; ``VALIDATION_ERROR`` → ``ValidationError``."""
        words = self.code.removesuffix("_ERROR").split("_")
        return "".join(word.capitalize() for word in words) + "Error"

    @property
    def base_class(self) -> str:
        return DEFAULT_STATUS_CLASS[self.status]

    @property
    def is_status_class(self) -> bool:
        """``NOT_FOUND`` needs no class of its own: it is what ``NotFoundError`` already means."""
        return self.class_name == self.base_class


@dataclass(frozen=True)
class Rule:
    id: str
    parameter: str
    description: str
    if_: Mapping[str, Any]
    then: Mapping[str, Any]
    order: tuple[str, ...] = ()  # JSON pointers whose values must increase (see spec info, "Request rules")
    strict: bool = True


@dataclass(frozen=True)
class Pagination:
    style: str  # offset | cursor
    items: str  # the array field of the page
    item_type: str  # Python type of one item


@dataclass(frozen=True)
class ClientOperation:
    operation_id: str
    method: str
    path: str
    tag: str
    summary: str
    description: str
    scope: str | None
    public: bool
    key_optional: bool
    places_order: bool
    markdown: bool
    parameters: tuple[Parameter, ...]
    rules: tuple[Rule, ...]
    errors: tuple[ErrorCode, ...]
    return_type: str
    return_description: str
    pagination: Pagination | None
    rows: RowsResult | None = None  # the data is (or holds) an array of bulk rows: parsed by rows_parser
    deprecated: bool = False  # the spec's `deprecated: true`: a form the newer documents dropped

    @property
    def constant(self) -> str:
        return self.operation_id.upper()

    @property
    def ordered_parameters(self) -> tuple[Parameter, ...]:
        """Required parameters first, so the signature reads in order of importance."""
        return tuple(sorted(self.parameters, key=lambda parameter: parameter.default is not None))


@dataclass(frozen=True)
class Resource:
    tag: str
    description: str
    operations: tuple[ClientOperation, ...]
    helpers: bool = False  # overlays/heytraders/lib/<attribute>.py defines <Class>Helpers and Async<Class>Helpers

    @property
    def attribute(self) -> str:
        return self.tag.replace("-", "_")

    @property
    def class_name(self) -> str:
        return "".join(part.capitalize() for part in self.tag.split("-"))


@dataclass(frozen=True)
class ClientModel:
    title: str
    version: str
    base_url: str
    resources: tuple[Resource, ...]
    errors: tuple[ErrorCode, ...]
    models: frozenset[str] = field(default_factory=frozenset)
    rows: tuple[BulkRow, ...] = ()  # schemas marked x-bulk-row, rendered as msgspec records
    row_containers: Mapping[str, tuple[str, str]] = field(default_factory=dict)  # model → (field, row)


def python_name(name: str) -> str:
    return f"{name}_" if keyword.iskeyword(name) else name


def ref_name(schema: Mapping[str, Any]) -> str | None:
    reference = str(schema.get("$ref", ""))
    return reference.split("/")[-1] if reference.startswith("#/components/schemas/") else None


class TypeMapper:
    """JSON Schema → Python annotations, for request arguments and for response data."""

    def __init__(self, spec: Mapping[str, Any]) -> None:
        self.spec = spec
        self.schemas: Mapping[str, Any] = spec["components"]["schemas"]
        self.rows = bulk_rows(spec)
        self.row_names = frozenset(row.name for row in self.rows)
        self.row_containers = row_array_fields(spec, self.rows)

    def is_model(self, name: str) -> bool:
        schema = self.schemas[name]
        return schema.get("type") == "object" or "allOf" in schema

    def argument(self, schema: Mapping[str, Any]) -> str:
        """The type a caller may pass: strings for enums and money, models or mappings for objects."""
        name = ref_name(schema)
        if name is not None:
            target = self.schemas[name]
            if self.is_model(name):
                return f"models.{name} | Mapping[str, Any]"
            return self.argument(target)
        for union_key in ("oneOf", "anyOf"):
            if union_key in schema:
                return self._union(self.argument(variant) for variant in schema[union_key])
        types = schema.get("type")
        if isinstance(types, list):
            return self._union(self.argument({**schema, "type": kind}) for kind in types)
        if "enum" in schema:
            return "Literal[" + ", ".join(repr(value) for value in schema["enum"] if value is not None) + "]"
        if "const" in schema:
            return f"Literal[{schema['const']!r}]"
        fmt = schema.get("format")
        if types == "string":
            return {"decimal": "DecimalInput", "date": "date | str", "date-time": "datetime | str"}.get(str(fmt), "str")
        if types == "number":
            # Money as a JSON number takes what money takes (floats refused); a ratio also takes an exact Decimal.
            return "DecimalInput" if fmt == "decimal" else "float | Decimal"
        if types == "array":
            return f"Sequence[{self.argument(schema.get('items', {}))}]"
        if types == "object":
            return "Mapping[str, Any]"
        return {"integer": "int", "boolean": "bool", "null": "None"}.get(str(types), "Any")

    def result(self, schema: Mapping[str, Any]) -> str:
        name = ref_name(schema)
        if name is not None:
            return f"models.{name}"
        if schema.get("type") == "array":
            item = ref_name(schema["items"])
            if item in self.row_names:
                return f"RowList[models.{item}]"
            return f"list[{self.result(schema['items'])}]"
        return "Any"

    def rows_result(self, schema: Mapping[str, Any]) -> RowsResult | None:
        """How the data ``schema`` holds bulk rows, if it does."""
        name = ref_name(schema)
        if name in self.row_containers:
            field_name, row = self.row_containers[name]
            return RowsResult(row, name, field_name)
        if schema.get("type") == "array" and ref_name(schema.get("items", {})) in self.row_names:
            return RowsResult(ref_name(schema["items"]) or "")
        return None

    @staticmethod
    def _union(parts: Any) -> str:
        seen: list[str] = []
        for part in parts:
            for piece in part.split(" | "):
                if piece not in seen:
                    seen.append(piece)
        if "None" in seen:  # None reads best last
            seen = [piece for piece in seen if piece != "None"] + ["None"]
        return " | ".join(seen)

    def runtime_schema(self, schema: Any) -> Any:
        """``schema`` with component refs inlined and annotations dropped, for the runtime validator."""
        if isinstance(schema, Mapping):
            name = ref_name(schema)
            if name is not None:
                merged = {**self.schemas[name], **{k: v for k, v in schema.items() if k != "$ref"}}
                return self.runtime_schema(merged)
            return {
                key: self.runtime_schema(value)
                for key, value in schema.items()
                if key not in ANNOTATIONS and not key.startswith("x-")
            }
        if isinstance(schema, list):
            return [self.runtime_schema(item) for item in schema]
        return schema


def python_literal(value: Any) -> str:
    return repr(value)


def clean_text(text: str) -> str:
    """Docstring-safe text: no trailing spaces, no triple quotes, no stray backslashes."""
    text = text.replace('"""', "'''").replace("\\", "\\\\")
    return "\n".join(line.rstrip() for line in text.strip().splitlines())


def first_sentence(text: str) -> str:
    text = " ".join(text.split())
    match = re.match(r"(.+?[.!?])(\s|$)", text)
    return match.group(1) if match else text


def build_parameters(spec: Mapping[str, Any], operation: Operation, types: TypeMapper) -> list[Parameter]:
    parameters = [
        Parameter(
            name=argument.name,
            location=argument.location,
            required=argument.required,
            python_type=types.argument(argument.schema),
            default=None
            if argument.required
            else ("NOT_GIVEN" if argument.default is None else python_literal(argument.default)),
            description=clean_text(argument.description),
            schema=types.runtime_schema(argument.schema),
        )
        for argument in arguments_of(spec, operation)
    ]
    names = [parameter.name for parameter in parameters]
    duplicates = {name for name in names if names.count(name) > 1}
    if duplicates:
        raise ValueError(f"{operation}: parameters {sorted(duplicates)} appear in more than one place")
    return parameters


def build_operation(
    spec: Mapping[str, Any], operation: Operation, types: TypeMapper, codes: Mapping[str, ErrorCode]
) -> ClientOperation:
    raw = operation.raw
    success = next(status for status in raw["responses"] if status.startswith("2"))
    response = resolve(spec, raw["responses"][success])
    content = response.get("content", {})
    data_schema = content["application/json"]["schema"]["allOf"][1]["properties"]["data"]
    security = raw.get("security") or []
    scopes = required_scopes(operation)
    pagination = None
    if "x-pagination" in raw:
        page = types.schemas[ref_name(data_schema) or ""]
        items_schema = page["properties"][raw["x-pagination"]["items"]]["items"]
        pagination = Pagination(raw["x-pagination"]["style"], raw["x-pagination"]["items"], types.result(items_schema))
    return ClientOperation(
        operation_id=operation.operation_id,
        method=operation.method.upper(),
        path=operation.path,
        tag=raw["tags"][0],
        summary=clean_text(raw["summary"]),
        description=clean_text(raw.get("description", "")),
        scope=None if scopes is None else sorted(scopes)[0],
        public=scopes is None,
        key_optional={} in security,
        places_order=bool(raw.get("x-places-order")),
        deprecated=bool(raw.get("deprecated")),
        markdown="text/markdown" in content,
        parameters=tuple(build_parameters(spec, operation, types)),
        rules=tuple(
            Rule(
                rule["id"],
                rule["parameter"],
                clean_text(rule["description"]),
                rule["if"],
                rule.get("then", {}),
                tuple(rule.get("order", ())),
                bool(rule.get("strict", True)),
            )
            for rule in request_rules(spec, operation)
        ),
        errors=tuple(codes[code] for code in raw.get("x-error-codes", [])),
        return_type=types.result(data_schema),
        return_description=clean_text(first_sentence(str(response.get("description", "")))),
        pagination=pagination,
        rows=types.rows_result(data_schema),
    )


def build_client_model(spec: Mapping[str, Any]) -> ClientModel:
    types = TypeMapper(spec)
    error_code = spec["components"]["schemas"]["ErrorCode"]
    codes = {
        code: ErrorCode(code, int(entry["status"]), clean_text(entry["description"]))
        for code, entry in error_code["x-error-codes"].items()
    }
    by_tag: dict[str, list[ClientOperation]] = {tag: [] for tag in TAGS}
    for operation in iter_operations(spec):
        client_operation = build_operation(spec, operation, types, codes)
        by_tag[client_operation.tag].append(client_operation)
    descriptions = {tag["name"]: clean_text(tag.get("description", "")) for tag in spec.get("tags", [])}
    resources = tuple(
        Resource(tag, descriptions.get(tag, ""), tuple(operations)) for tag, operations in by_tag.items() if operations
    )
    return ClientModel(
        title=spec["info"]["title"],
        version=str(spec["info"]["version"]),
        base_url=spec["servers"][0]["url"],
        resources=resources,
        errors=tuple(codes[code] for code in error_code["enum"]),
        models=frozenset(spec["components"]["schemas"]),
        rows=types.rows,
        row_containers=types.row_containers,
    )
