"""The operation manifest: what each API operation looks like on the command line.

``make generate`` writes it from the spec to ``heytraders/_cli_manifest.json`` (see
``generator/cli_manifest.py``). It is found without importing ``heytraders``, whose import pulls in
httpx and pydantic.
"""

from __future__ import annotations

import importlib.util
import json
from functools import cache
from pathlib import Path
from typing import Any, Literal, NotRequired, TypedDict, cast

MANIFEST_NAME = "_cli_manifest.json"

Kind = Literal["string", "text", "decimal", "integer", "number", "boolean", "json"]


class ParamEntry(TypedDict):
    """One parameter: its option, how its text is parsed, and its help."""

    name: str
    option: str
    location: Literal["path", "query", "body"]
    required: bool
    kind: Kind
    secret: bool
    help: str
    multiple: NotRequired[bool]
    scalar_ok: NotRequired[bool]
    scalar_pattern: NotRequired[str]
    choices: NotRequired[list[Any]]
    default: NotRequired[Any]
    suggest: NotRequired[list[str]]


class Pagination(TypedDict):
    style: Literal["offset", "cursor"]
    items: str
    total: NotRequired[str]
    next: NotRequired[str]
    cursor: NotRequired[str]


class ConditionalScope(TypedDict):
    scope: str
    when: str


class OperationEntry(TypedDict):
    """One operation: its command, the SDK method behind it, its help and its parameters."""

    group: str
    command: str
    alias: str | None
    attribute: str
    method: str
    path: str
    summary: str
    description: str
    scope: str | None
    conditional_scopes: list[ConditionalScope]
    public: bool
    key_optional: bool
    places_order: bool
    markdown: bool
    pagination: Pagination | None
    secret_fields: list[str]
    params: list[ParamEntry]
    example: list[str]


class Manifest(TypedDict):
    version: str
    api_title: str
    api_version: str
    default_base_url: str
    groups: dict[str, str]
    operations: dict[str, OperationEntry]


class ManifestMissingError(RuntimeError):
    """The ``heytraders`` package (and so the manifest) is not installed."""


def manifest_path() -> Path:
    """Where the installed ``heytraders`` package keeps the manifest (found without importing it)."""
    spec = importlib.util.find_spec("heytraders")
    if spec is None or not spec.submodule_search_locations:
        raise ManifestMissingError("the heytraders package is not installed: pip install 'heytraders[cli]'")
    return Path(next(iter(spec.submodule_search_locations))) / MANIFEST_NAME


@cache
def load() -> Manifest:
    path = manifest_path()
    try:
        return cast(Manifest, json.loads(path.read_text(encoding="utf-8")))
    except FileNotFoundError:
        raise ManifestMissingError(f"{path} is missing: run `make generate`") from None


def operations() -> dict[str, OperationEntry]:
    return load()["operations"]


def in_group(group: str) -> dict[str, str]:
    """Command name → operation ID for the operations of one group, in the spec's order."""
    return {entry["command"]: op_id for op_id, entry in operations().items() if entry["group"] == group}


def aliases(group: str) -> dict[str, str]:
    """Short alias → command name (``place`` → ``place-order`` in ``orders``)."""
    return {
        entry["alias"]: entry["command"]
        for entry in operations().values()
        if entry["group"] == group and entry["alias"] is not None
    }


def scope_text(entry: OperationEntry) -> str:
    """What key an operation needs: ``research``, ``research (trade with --mode trade)``, ``public``."""
    if entry["public"]:
        return "public"
    text = str(entry["scope"])
    extra = [f"{item['scope']} with {item['when']}" for item in entry["conditional_scopes"]]
    if extra:
        text += f" ({'; '.join(extra)})"
    if entry["key_optional"]:
        text += ", key optional"
    return text


def param(entry: OperationEntry, name: str) -> ParamEntry:
    return next(item for item in entry["params"] if item["name"] == name)
