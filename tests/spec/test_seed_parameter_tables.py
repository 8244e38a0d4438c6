"""Every parameter-table row of both seed documents agrees with the spec, or the spec says where it does not.

``seed_parameter_tables.yaml`` transcribes by hand every parameter table of the two documents in
``../shared/seeds/`` (and the parameters they list inline or in prose), one entry per row. For each row
the spec's parameter is found (a path or query parameter, or a request-body property, ``$ref``s followed)
and compared aspect by aspect: ``name``, ``in``, ``type``, ``format``, ``required``, ``default``,
``range``, ``enum``, ``examples``. Where an aspect differs, the parameter's own ``description`` in the
spec must carry the sentence ``spec/README.md`` defines::

    Documents disagree on <aspects>: <what each says, naming 000 and/or 001>; this spec follows
    <the newer document (000) | the older document (001) | neither: <reason>>.

Every such sentence in the spec must also be current (some row still disagrees on each aspect it names)
and true (every row of the document it says it follows agrees on those aspects).

When the seed documents are on disk, the transcription itself is checked against them: each ``as_written``
occurs verbatim under its ``section`` heading, and every row of every parameter table is transcribed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import pytest
import yaml
from heytraders_mock._spec_loader import escape_pointer, pointer_get

from generator.spec import (
    Operation,
    SchemaValidators,
    iter_mappings,
    iter_operations,
    json_body_schema,
    load_spec,
    request_rules,
    resolve,
)

ROOT = Path(__file__).resolve().parents[2]
TABLES_PATH = Path(__file__).with_name("seed_parameter_tables.yaml")
SEEDS_DIR = ROOT.parent / "shared" / "seeds"
DOCUMENT_FILES = {"000": "000_00953bfad2b6ae12.txt", "001": "001_e54e9c56ff74a024.txt"}
FOLLOWS = {"the newer document (000)": "000", "the older document (001)": "001"}

SPEC = load_spec()
VALIDATORS = SchemaValidators(SPEC)
ROWS: list[dict[str, Any]] = yaml.safe_load(TABLES_PATH.read_text(encoding="utf-8"))

ASPECTS = ("name", "in", "type", "format", "required", "default", "range", "enum", "examples")
# The document's type words, as JSON Schema types.
DOC_TYPES = {
    "string": "string", "string[]": "array", "array": "array", "int": "integer", "integer": "integer",
    "float": "number", "number": "number", "bool": "boolean", "boolean": "boolean", "object": "object",
}  # fmt: skip
# A row's range keys, as JSON Schema keywords.
RANGE_KEYWORDS = {
    "minimum": "minimum", "maximum": "maximum", "min_length": "minLength", "max_length": "maxLength",
    "max_items": "maxItems",
}  # fmt: skip
ROW_KEYS = {
    "document", "section", "section_en", "operation", "parameter", "as_written", "in", "type", "format",
    "required", "required_when", "default", "no_default", "inferred_default", "enum", "examples", "note",
    *RANGE_KEYWORDS,
}  # fmt: skip

# "Documents disagree on <aspects>: <what>; this spec follows <whom>[, <why>]." (spec/README.md)
DISAGREEMENT = re.compile(
    r"Documents disagree on (?P<aspects>[a-z]+(?:(?:, | and )[a-z]+)*): (?P<what>.+?); this spec follows "
    r"(?P<follows>the newer document \(000\)|the older document \(001\)|neither)(?P<why>[,:] .+?)?\.(?=\s|$)",
    re.DOTALL,
)
MARKER = "Documents disagree"

# Rows the spec will agree with once the lead's issue-10 wire-type changes land. Strict: the test fails
# as soon as a row agrees, and its entry must then go. Keys: (document, operation as written, parameter).
AWAITING_SPEC_CHANGE: dict[tuple[str, str, str], str] = {}


# --------------------------------------------------------------------------------------------------
# Finding a row's parameter in the spec
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SpecParameter:
    """A parameter or request-body property of one operation, as the spec declares it.

    Attributes:
        operation: The operation it belongs to.
        name: Its name (``a.b`` for property ``b`` of body property ``a``).
        location: ``path``, ``query``, ``header`` or ``body``.
        schema: Its schema at the place of use (a property node keeps its ``default`` and ``description``
            beside the ``$ref``).
        pointer: JSON pointer of the object whose ``description`` is the parameter's own.
        description: That description.
        required: Whether the spec requires it unconditionally.
        conditionally_required: Whether one of the operation's ``x-request-rules`` requires it.
    """

    operation: Operation
    name: str
    location: str
    schema: Mapping[str, Any]
    pointer: str
    description: str
    required: bool
    conditionally_required: bool


def _path_shape(path: str) -> str:
    """``/orders/{order_id}`` and ``/orders/{id}`` have the same shape ``/orders/{}``."""
    return re.sub(r"\{[^}]*\}", "{}", path)


OPERATIONS = {f"{op.method.upper()} {_path_shape(op.path)}": op for op in iter_operations(SPEC)}


def find_operation(written: str) -> Operation | None:
    method, path = written.split(" ", 1)
    return OPERATIONS.get(f"{method.upper()} {_path_shape(path)}")


def spec_parameters(operation: Operation) -> Iterator[SpecParameter]:
    """Every path/query/header parameter and body property (one level of nesting) of an operation."""
    rules = request_rules(SPEC, operation)
    conditional = {name for rule in rules for name in (rule.get("then") or {}).get("required", [])}
    entries = [
        (f"{operation.pointer.rsplit('/', 1)[0]}/parameters/{index}", raw)
        for index, raw in enumerate(operation.path_item.get("parameters", []))
    ] + [
        (f"{operation.pointer}/parameters/{index}", raw)
        for index, raw in enumerate(operation.raw.get("parameters", []))
    ]
    for pointer, raw in entries:
        if "$ref" in raw:
            pointer = str(raw["$ref"]).removeprefix("#")
        parameter = resolve(SPEC, raw)
        yield SpecParameter(
            operation=operation,
            name=parameter["name"],
            location=parameter["in"],
            schema=parameter.get("schema") or {},
            pointer=pointer,
            description=str(parameter.get("description", "")),
            required=bool(parameter.get("required", False)),
            conditionally_required=parameter["name"] in conditional,
        )
    body = json_body_schema(SPEC, operation)
    if body is not None:
        yield from _properties(operation, body, _body_pointer(operation, body), "", conditional)


def _body_pointer(operation: Operation, body: Mapping[str, Any]) -> str:
    if "$ref" in body:
        return str(body["$ref"]).removeprefix("#")
    request_body = operation.raw["requestBody"]
    if "$ref" in request_body:
        return str(request_body["$ref"]).removeprefix("#") + "/content/application~1json/schema"
    return f"{operation.pointer}/requestBody/content/application~1json/schema"


def _properties(
    operation: Operation, node: Mapping[str, Any], pointer: str, prefix: str, conditional: set[str]
) -> Iterator[SpecParameter]:
    while "$ref" in node:  # follow to the object schema, keeping the pointer of the object itself
        pointer = str(node["$ref"]).removeprefix("#")
        node = pointer_get(SPEC, pointer)
    required = set(node.get("required", []))
    for name, prop in (node.get("properties") or {}).items():
        prop_pointer = f"{pointer}/properties/{escape_pointer(name)}"
        yield SpecParameter(
            operation=operation,
            name=prefix + name,
            location="body",
            schema=prop,
            pointer=prop_pointer,
            description=str(prop.get("description", "")),
            required=name in required,
            conditionally_required=not prefix and name in conditional,
        )
        if not prefix and resolve(SPEC, prop).get("type") == "object":
            yield from _properties(operation, prop, prop_pointer, f"{name}.", set())


def find_parameter(row: Mapping[str, Any]) -> SpecParameter | None:
    operation = find_operation(row["operation"])
    if operation is None:
        return None
    for parameter in spec_parameters(operation):
        if parameter.name == row["parameter"] and parameter.location != "header":
            return parameter
    return None


# --------------------------------------------------------------------------------------------------
# What the spec says of a parameter
# --------------------------------------------------------------------------------------------------


def schemas_of(node: Any) -> Iterator[Mapping[str, Any]]:
    """The node and every schema it stands for: ``$ref`` targets and ``allOf``/``anyOf``/``oneOf`` members."""
    if not isinstance(node, Mapping):
        return
    yield node
    if "$ref" in node:
        yield from schemas_of(pointer_get(SPEC, str(node["$ref"]).removeprefix("#")))
    for keyword in ("allOf", "anyOf", "oneOf"):
        for member in node.get(keyword) or []:
            yield from schemas_of(member)


def accepted_types(node: Any) -> set[str]:
    """The JSON types a schema accepts, through ``type`` lists and ``anyOf``/``oneOf`` alternatives.

    An empty set means the schema does not restrict the type.
    """
    types: set[str] = set()
    for schema in schemas_of(node):
        declared = schema.get("type")
        types.update([declared] if isinstance(declared, str) else declared or [])
    return types


def array_items(node: Any) -> list[Any]:
    return [schema["items"] for schema in schemas_of(node) if "items" in schema]


def keyword_values(node: Any, keyword: str) -> list[Any]:
    return [schema[keyword] for schema in schemas_of(node) if keyword in schema]


def spec_default(node: Any) -> tuple[bool, Any]:
    """(has a default, the default); the use site's ``default`` wins over the referenced schema's."""
    for schema in schemas_of(node):
        if "default" in schema:
            return True, schema["default"]
    return False, None


def spec_enum(parameter: SpecParameter) -> set[Any] | None:
    """The values the spec allows (``enum``, ``x-extensible-enum``, ``const``; an array's items' values),
    narrowed by a request rule that applies whenever the parameter is sent; ``None`` when unrestricted."""
    nodes = [parameter.schema, *array_items(parameter.schema)]
    values: set[Any] | None = None
    for node in nodes:
        for schema in schemas_of(node):
            found = [*schema.get("enum", []), *schema.get("x-extensible-enum", [])]
            if "const" in schema:
                found.append(schema["const"])
            if found:
                values = (values or set()) | set(found)
    for rule in request_rules(SPEC, parameter.operation):
        narrowed = ((rule.get("then") or {}).get("properties") or {}).get(parameter.name, {}).get("enum")
        if narrowed and rule.get("if") == {"required": [parameter.name]}:
            values = set(narrowed) if values is None else values & set(narrowed)
    return values


def _number(value: Any) -> Decimal | None:
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def same_value(documented: Any, declared: Any) -> bool:
    """Equal values; numbers compare by value whether written as numbers or decimal strings."""
    left, right = _number(documented), _number(declared)
    if left is not None and right is not None:
        return left == right
    return bool(documented == declared)


def _valid(node: Mapping[str, Any], value: Any) -> bool:
    return VALIDATORS.of(node).is_valid(value)


# --------------------------------------------------------------------------------------------------
# Comparing a row with the spec
# --------------------------------------------------------------------------------------------------


def differences(row: Mapping[str, Any], parameter: SpecParameter) -> dict[str, str]:
    """Aspect -> how the row and the spec differ, for every aspect the row states."""
    found: dict[str, str] = {}
    node = parameter.schema

    if "in" in row and row["in"] != parameter.location:
        found["in"] = f"the row says {row['in']}, the spec has it in {parameter.location}"

    if "type" in row:
        wanted = DOC_TYPES[row["type"]]
        types = accepted_types(node)
        if types and wanted not in types:
            found["type"] = f"the row types it {row['type']} ({wanted}), the spec accepts {sorted(types)}"
        elif row["type"] == "string[]" and not any(
            "string" in accepted_types(items) or not accepted_types(items) for items in array_items(node)
        ):
            found["type"] = "the row types it string[], the spec's items are not strings"

    if "format" in row and row["format"] not in keyword_values(node, "format"):
        found["format"] = f"the row writes {row['format']}, the spec's format is {keyword_values(node, 'format')}"

    if "required" in row:
        stated = row["required"]
        if stated is True and not parameter.required:
            conditional = " (only by a request rule)" if parameter.conditionally_required else ""
            found["required"] = f"the row requires it, the spec does not{conditional}"
        elif stated is False and parameter.required:
            found["required"] = "the row makes it optional, the spec requires it"
        elif stated == "conditional" and (parameter.required or not parameter.conditionally_required):
            found["required"] = f"the row requires it only when ({row.get('required_when')}); the spec " + (
                "always requires it" if parameter.required else "has no x-request-rules entry requiring it"
            )

    has_default, default = spec_default(node)
    if row.get("no_default") or row.get("inferred_default"):
        if has_default and default is not None:
            found["default"] = f"the row gives no default, the spec's default is {default!r}"
    elif "default" in row:
        if row["default"] is None:
            if has_default and default is not None:
                found["default"] = f"the row's default is null, the spec's is {default!r}"
            elif not _valid(node, None):
                found["default"] = "the row's default is null, the spec does not accept null"
        elif not has_default or not same_value(row["default"], default):
            found["default"] = f"the row's default is {row['default']!r}, the spec's is " + (
                repr(default) if has_default else "none"
            )

    for key, keyword in RANGE_KEYWORDS.items():
        if key in row:
            declared = keyword_values(node, keyword)
            if not declared or not all(same_value(row[key], value) for value in declared):
                found.setdefault("range", "")
                found["range"] += f"the row's {key} is {row[key]}, the spec's {keyword} is {declared or 'none'}; "

    if "enum" in row:
        allowed = spec_enum(parameter)
        if allowed is None or set(row["enum"]) != allowed:
            shown = "any value" if allowed is None else sorted(allowed, key=str)
            found["enum"] = f"the row allows {row['enum']}, the spec {shown}"

    rejected = [example for example in row.get("examples", []) if not _valid(node, example)]
    if rejected:
        found["examples"] = f"the spec rejects the row's examples {rejected}"
    return found


@dataclass(frozen=True)
class Disagreement:
    """One ``Documents disagree on ...`` sentence of a description."""

    aspects: tuple[str, ...]
    what: str
    follows: str | None  # "000", "001", or None for "neither"

    @property
    def documents_named(self) -> set[str]:
        return {document for document in DOCUMENT_FILES if re.search(rf"\b{document}\b", self.what)}


def disagreements(description: str) -> list[Disagreement]:
    sentences = []
    for match in DISAGREEMENT.finditer(description):
        if match["follows"] == "neither" and not (match["why"] or "").startswith(":"):
            continue  # "neither" needs its reason; left unmatched, the sentence counts as malformed
        aspects = tuple(re.split(r", | and ", match["aspects"]))
        sentences.append(Disagreement(aspects, match["what"], FOLLOWS.get(match["follows"])))
    return sentences


def explained(parameter: SpecParameter, aspect: str, document: str) -> bool:
    return any(
        aspect in sentence.aspects and document in sentence.documents_named
        for sentence in disagreements(parameter.description)
    )


def row_id(row: Mapping[str, Any]) -> str:
    return f"{row['document']} | {row.get('section_en', row['section'])} | {row['operation']} | {row['parameter']}"


def _row_case(row: dict[str, Any]) -> Any:
    reason = AWAITING_SPEC_CHANGE.get((row["document"], row["operation"], row["parameter"]))
    marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
    return pytest.param(row, id=row_id(row), marks=marks)


FOUND = {row_id(row): find_parameter(row) for row in ROWS}


@pytest.mark.parametrize("row", [_row_case(row) for row in ROWS])
def test_row_agrees_with_the_spec_or_the_spec_names_the_disagreement(row: dict[str, Any]) -> None:
    parameter = FOUND[row_id(row)]
    assert parameter is not None, (
        f"{row_id(row)}: the spec has no parameter or body property {row['parameter']!r} in {row['operation']}"
    )
    unexplained = {
        aspect: how
        for aspect, how in differences(row, parameter).items()
        if not explained(parameter, aspect, row["document"])
    }
    assert not unexplained, (
        f"{row_id(row)} ({row['as_written']}) disagrees with the spec, and the description at "
        f"{parameter.pointer} does not say so:\n"
        + "\n".join(f"  {aspect}: {how}" for aspect, how in unexplained.items())
        + f"\nEither change the spec, or add to that description: `Documents disagree on "
        f"{', '.join(unexplained)}: <what {row['document']} says>; this spec follows <...>.` (spec/README.md)"
    )


# --------------------------------------------------------------------------------------------------
# The disagreement sentences in the spec are well formed, current and true
# --------------------------------------------------------------------------------------------------


# Pointer -> description, for every description in the whole spec that says the documents disagree
# (a string: in a `properties` map, "description" may be the name of a property).
SENTENCE_SITES = {
    pointer: description
    for pointer, node in iter_mappings(SPEC)
    if isinstance(description := node.get("description"), str) and MARKER in description
}


@pytest.mark.parametrize("pointer", sorted(SENTENCE_SITES) or [pytest.param(None, marks=pytest.mark.skip)])
def test_disagreement_sentence_is_well_formed_current_and_true(pointer: str) -> None:
    description = SENTENCE_SITES[pointer]
    sentences = disagreements(description)
    assert len(sentences) == description.count(MARKER), (
        f"{pointer}: a `{MARKER}` sentence does not follow the form in spec/README.md: {description!r}"
    )
    # Each row about this parameter, with how it differs from the spec.
    differing = [
        (row, differences(row, parameter))
        for row in ROWS
        if (parameter := FOUND[row_id(row)]) is not None and parameter.pointer == pointer
    ]
    assert differing, f"{pointer}: says the documents disagree, but no transcribed row is about this parameter"
    for sentence in sentences:
        for aspect in sentence.aspects:
            assert aspect in ASPECTS, f"{pointer}: unknown aspect {aspect!r}; use one of {ASPECTS}"
            assert any(aspect in how for _, how in differing), (
                f"{pointer}: says the documents disagree on {aspect}, but every row agrees with the spec on it"
            )
            for row, how in differing:
                if row["document"] == sentence.follows:
                    assert aspect not in how, (
                        f"{pointer}: claims to follow document {sentence.follows} on {aspect}, but "
                        f"{row_id(row)} disagrees: {how[aspect]}"
                    )
        assert sentence.documents_named, f"{pointer}: the sentence names neither 000 nor 001: {sentence.what!r}"


def test_every_awaited_change_names_a_transcribed_row() -> None:
    rows = {(row["document"], row["operation"], row["parameter"]) for row in ROWS}
    assert set(AWAITING_SPEC_CHANGE) <= rows, sorted(set(AWAITING_SPEC_CHANGE) - rows)


# --------------------------------------------------------------------------------------------------
# The transcription itself
# --------------------------------------------------------------------------------------------------


def test_transcription_is_well_formed() -> None:
    ids = [row_id(row) for row in ROWS]
    assert len(ids) == len(set(ids)), sorted({row for row in ids if ids.count(row) > 1})
    for row in ROWS:
        where = row_id(row)
        assert set(row) <= ROW_KEYS, f"{where}: unknown keys {sorted(set(row) - ROW_KEYS)}"
        assert {"document", "section", "operation", "parameter", "as_written"} <= set(row), where
        assert row["document"] in DOCUMENT_FILES, where
        assert row["section"].isascii() or "section_en" in row, f"{where}: a Chinese heading needs section_en"
        assert row.get("type", "string") in DOC_TYPES, f"{where}: unknown type {row.get('type')!r}"
        assert row.get("required", False) in (True, False, "conditional"), where
        assert (row.get("required") == "conditional") == ("required_when" in row), where
        assert row.get("in", "query") in ("query", "body", "path"), where
        stated_defaults = [key for key in ("default", "no_default", "inferred_default") if key in row]
        assert len(stated_defaults) <= 1, f"{where}: one of {stated_defaults}"


def _seed_text(document: str) -> str:
    path = SEEDS_DIR / DOCUMENT_FILES[document]
    if not path.is_file():
        pytest.skip(f"the seed documents are not at {SEEDS_DIR}")
    return path.read_text(encoding="utf-8")


def _sections(text: str) -> dict[str, str]:
    """Heading (without its #s) -> the text up to the next heading, code blocks left out of headings."""
    sections: dict[str, str] = {}
    heading: str | None = None
    lines: list[str] = []
    in_code = False
    for line in text.splitlines():
        if line.startswith("```"):
            in_code = not in_code
        if not in_code and line.startswith("#"):
            if heading is not None:
                sections[heading] = "\n".join(lines)
            heading, lines = line.lstrip("#").strip(), []
        else:
            lines.append(line)
    if heading is not None:
        sections[heading] = "\n".join(lines)
    return sections


PARAMETER_TABLE_HEADERS = ("参数", "Parameter", "Query Param")  # first header cell of a parameter table


def _parameter_table_rows(text: str) -> Iterator[str]:
    """Data rows of every table whose header's first cell is 参数, Parameter or Query Param."""
    header: str | None = None
    for line in text.splitlines():
        if not line.startswith("|"):
            header = None
            continue
        if header is None:
            header = line
        elif header.split("|")[1].strip() in PARAMETER_TABLE_HEADERS and not re.fullmatch(r"[|\s-]+", line):
            yield line.rstrip()


@pytest.mark.parametrize("document", sorted(DOCUMENT_FILES))
def test_transcription_matches_the_document(document: str) -> None:
    text = _seed_text(document)
    sections = _sections(text)
    rows = [row for row in ROWS if row["document"] == document]
    for row in rows:
        assert row["section"] in sections, f"{row_id(row)}: no heading {row['section']!r} in {document}"
        assert row["as_written"] in sections[row["section"]], (
            f"{row_id(row)}: {row['as_written']!r} is not written under {row['section']!r} in {document}"
        )
    transcribed = {row["as_written"] for row in rows}
    missing = [line for line in _parameter_table_rows(text) if line not in transcribed]
    assert not missing, f"parameter-table rows of {document} not transcribed:\n" + "\n".join(missing)
