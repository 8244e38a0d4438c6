"""Pydantic v2 models for ``components.schemas``, by the pinned datamodel-code-generator.

Its output is adjusted in five small, checked ways: our header instead of
its own, models built on ``heytraders._models.BaseModel`` (unknown fields kept,
lazy build), enumerations on the open base classes of ``_enums`` (unknown
values parse instead of failing), ``x-sensitive`` fields kept out of reprs,
and bulk rows (``x-bulk-row``, see ``generator/rows.py``) as msgspec records in
place of their pydantic classes, held in ``RowList`` fields by models that get
``to_pandas()``/``to_polars()``.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path

DATAMODEL_CODEGEN_VERSION = "0.89.0"
BASE_CLASS = "heytraders._models.BaseModel"

OPTIONS = [
    "--input-file-type", "openapi",
    "--openapi-scopes", "schemas",
    "--output-model-type", "pydantic_v2.BaseModel",
    "--base-class", BASE_CLASS,
    "--target-python-version", "3.11",
    "--use-annotated",
    "--field-constraints",
    "--use-standard-collections",
    "--use-union-operator",
    "--enum-field-as-literal", "one",
    "--use-subclass-enum",
    "--capitalise-enum-members",
    "--collapse-root-models",
    "--use-schema-description",
    "--use-field-description",
    "--output-datetime-class", "AwareDatetime",
    "--strict-nullable",
    "--use-double-quotes",
    "--disable-timestamp",
    "--no-allow-remote-refs",
    # Defaults as enum members and Decimals, so they match the field types.
    "--deserialize-default-values", "decimal", "enum",
    # `x-sensitive: true` reaches the field as json_schema_extra; adjust() turns it into repr=False.
    "--field-extra-keys", "x-sensitive",
]  # fmt: skip
SENSITIVE_EXTRA = re.compile(r"json_schema_extra=\{\s*\"x-sensitive\":\s*True,?\s*\}")


def check_version() -> None:
    from importlib.metadata import version

    installed = version("datamodel-code-generator")
    if installed != DATAMODEL_CODEGEN_VERSION:
        raise SystemExit(
            f"datamodel-code-generator {installed} is installed; the generated models are pinned to "
            f"{DATAMODEL_CODEGEN_VERSION} (run `make install`)"
        )


def generate_models(
    spec_path: Path, header: str, rows: Mapping[str, str] | None = None, containers: Iterable[str] = ()
) -> str:
    """The models module source.

    ``rows`` maps each bulk row's name to its rendered class; ``containers`` names the models holding them.
    """
    check_version()
    with tempfile.TemporaryDirectory() as scratch:
        output = Path(scratch) / "models.py"
        subprocess.run(
            [
                sys.executable,
                "-W",
                "ignore",
                "-m",
                "datamodel_code_generator",
                "--input",
                str(spec_path),
                "--output",
                str(output),
                *OPTIONS,
            ],
            check=True,
            capture_output=True,
            text=True,
        )
        return adjust(output.read_text(encoding="utf-8"), header, rows or {}, tuple(containers))


def adjust(source: str, header: str, rows: Mapping[str, str] | None = None, containers: tuple[str, ...] = ()) -> str:
    lines = source.splitlines()
    # datamodel-codegen's own header names the input file; ours names the command.
    while lines and lines[0].startswith("#"):
        lines.pop(0)
    source = "\n".join(lines) + "\n"

    absolute_base = f"from {BASE_CLASS.rsplit('.', 1)[0]} import BaseModel"
    if absolute_base not in source:
        raise RuntimeError("datamodel-code-generator did not import the configured base class")
    source = source.replace(absolute_base, "from ._models import BaseModel")

    source, enums = re.subn(r"^class (\w+)\(StrEnum\):", r"class \1(OpenStrEnum):", source, flags=re.M)
    source, int_enums = re.subn(r"^class (\w+)\(IntEnum\):", r"class \1(OpenIntEnum):", source, flags=re.M)
    if re.search(r"^class \w+\((Enum|IntEnum|StrEnum)\):", source, flags=re.M):
        raise RuntimeError("a closed enumeration is left in the models; give it a named string or integer schema")
    source = re.sub(r"^from enum import .*\n", "", source, flags=re.M)
    # A claim code or a webhook secret is read by name, never shown: no repr, no str, no log of the model.
    source = SENSITIVE_EXTRA.sub("repr=False", source)
    if "x-sensitive" in source:
        raise RuntimeError("an x-sensitive field was not turned into repr=False; check datamodel-codegen's output")
    if enums or int_enums:
        names = [name for name, count in (("OpenIntEnum", int_enums), ("OpenStrEnum", enums)) if count]
        source = source.replace(
            "from ._models import BaseModel",
            f"from ._enums import {', '.join(names)}\nfrom ._models import BaseModel",
        )
    if rows:
        source = use_rows(source, rows, containers)
    return f"{header}\n{source}"


def use_rows(source: str, rows: Mapping[str, str], containers: tuple[str, ...]) -> str:
    """Swap each bulk row's pydantic class for its msgspec class, and its ``list[...]`` fields for ``RowList[...]``."""
    for reserved in ("Row", "RowList", "RowsModel", "msgspec", "datetime"):
        if re.search(rf"^class {reserved}\(", source, flags=re.M):
            raise RuntimeError(f"a schema named {reserved} collides with the bulk rows' imports; rename it")
    lines = source.splitlines(keepends=True)
    for name, rendered in rows.items():
        start = next((i for i, line in enumerate(lines) if line.startswith(f"class {name}(BaseModel):")), None)
        if start is None:
            raise RuntimeError(f"datamodel-code-generator wrote no class {name} to replace with its bulk row")
        end = start + 1
        while end < len(lines) and (not lines[end].strip() or lines[end][0].isspace()):
            end += 1
        lines[start:end] = [rendered.rstrip("\n") + "\n\n\n"]
    source = "".join(lines)
    names = "|".join(re.escape(name) for name in rows)
    source = re.sub(rf"\blist\[({names})\]", r"RowList[\1]", source)
    for container in containers:
        pattern = rf"^class {container}\(BaseModel\):"
        source, found = re.subn(pattern, f"class {container}(BaseModel, RowsModel):", source, flags=re.M)
        if not found:
            raise RuntimeError(f"no model {container} holds the bulk rows it should")
    imports = [
        "import msgspec",
        "from datetime import date, datetime",
        "from ._rows import Row as Row, RowList as RowList, RowsModel",
    ]
    # Row and RowList are part of heytraders.models (explicit re-exports, for mypy); ruff (run on the whole
    # package afterwards) sorts and merges these imports and drops the unused ones.
    return source.replace("from ._models import BaseModel", "\n".join(["from ._models import BaseModel", *imports]), 1)
