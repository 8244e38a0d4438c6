"""The tools the server offers, built in one loop over the operation registry and its catalog.

Each API operation becomes one tool named by its ``operationId``, whose input schema is the
operation's parameters (every ``$ref`` inlined, the spec's descriptions kept) and whose annotations
say what it does to the world. What only an MCP server needs lives here: the annotations, which
tools can spend money, which parameters are secrets, and the selection of tools to list.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from heytraders._catalog import CATALOG
from heytraders._operation import OperationInfo, OperationSpec
from heytraders._operations import OPERATIONS
from mcp_types import ToolAnnotations

MAX_TOOL_NAME = 64  # what MCP clients accept (several reject longer names)
TOOL_NAME = re.compile(r"^[A-Za-z0-9_-]{1,64}$")

# POST operations that only compute an answer (prices, expression values, a scan or a ranking):
# HTTP says nothing about them, so this surface says it.
READ_ONLY_POSTS = frozenset({"get_tickers", "evaluate_expression", "scan_market", "rank_market"})
# POST operations that undo something (a job, a subscription) and are safe to repeat.
UNDOING_POSTS = frozenset({"cancel_backtest", "unsubscribe_from_strategy"})
IDEMPOTENT_POSTS = UNDOING_POSTS | {"pause_subscription", "resume_subscription"}
DESTRUCTIVE_METHODS = frozenset({"DELETE", "PUT", "PATCH"})
# Left out of the default list to keep it within its context budget (``make bench``), listed with --tools:
# the community arena (profiles, leaderboard, posts), and the older documents' path of `list_symbols`.
OPT_IN_GROUPS = frozenset({"arena"})
LEGACY_ALIASES = frozenset({"list_tickers"})

# References to endpoints in the spec's prose (`GET /docs/signal-dsl`) become tool names (`get_signal_dsl_doc`).
_ENDPOINT_REFERENCE = re.compile(r"`(GET|POST|PUT|PATCH|DELETE)\s+(/[^`\s?]*)(?:\?([^`]*))?`")
_TOOL_BY_ENDPOINT = {(spec.method, spec.path): spec.operation_id for spec in OPERATIONS.values()}
# Notes on the spec itself: its own choices, and where its source documents disagree.
_SPEC_CHOICE = re.compile(r",? \([^()]*this spec's (?:choice|reading)[^()]*\)")
_ABOUT_THE_SPEC = re.compile(
    r"this spec|(?:older|newer|both|two public) (?:documents|versions)|documents (?:disagree|differ)"
)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z`(])")
_VALIDATION_ONLY = frozenset({"pattern", "minLength", "maxLength", "minItems", "maxItems", "uniqueItems"})


class Access(enum.Enum):
    """What a tool can do to the user's world; decides whether it is listed."""

    READ = "read"  # changes nothing
    WRITE = "write"  # changes state on HeyTraders, spends no money
    TRADE = "trade"  # needs the `trade` scope or can spend money: only with --allow-trading


@dataclass(frozen=True)
class ToolDef:
    """One tool: what it announces, and what the server needs to run it safely.

    Attributes:
        name: The tool name (the ``operationId`` for API operations).
        group: The spec's tag (``market``, ``live-strategies``), for ``--tools``.
        title: A human-readable title (the spec's summary).
        description: What the model reads.
        input_schema: JSON Schema of the arguments, without ``$ref`` or ``$defs``.
        access: Read, write or trade.
        annotations: The MCP hints.
        operation: The registry entry (None for workflow tools).
        info: The catalog entry (None for workflow tools).
        secret_paths: Where a secret (a ``writeOnly`` field) sits in the arguments; never a tool argument.
        trade_conditions: JSON Schemas over the arguments: a call matching one needs the ``trade`` scope.
        covers: The operations a workflow tool does the work of; left out of the default selection.
    """

    name: str
    group: str
    title: str
    description: str
    input_schema: Mapping[str, Any]
    access: Access
    annotations: ToolAnnotations
    operation: OperationSpec | None = None
    info: OperationInfo | None = None
    secret_paths: tuple[tuple[str, ...], ...] = ()
    trade_conditions: tuple[Mapping[str, Any], ...] = ()
    covers: tuple[str, ...] = ()

    @property
    def is_workflow(self) -> bool:
        return self.operation is None


def _returns_secret(info: OperationInfo) -> bool:
    """Whether the operation's response carries a secret (the provisional API key of ``register_agent``)."""
    from heytraders import models
    from pydantic import SecretStr

    name = info.returns.removeprefix("list[").removesuffix("]").removeprefix("models.")
    model = getattr(models, name, None)
    fields = getattr(model, "model_fields", {})
    return any(field.annotation is SecretStr for field in fields.values())


def is_offered(info: OperationInfo) -> bool:
    """Operations that return a secret are not tools: the secret would land in the model's context."""
    return not _returns_secret(info)


def access_of(operation: OperationSpec, info: OperationInfo) -> Access:
    if info.scope == "trade" or operation.places_order:
        return Access.TRADE
    if operation.method in ("GET", "HEAD") or operation.operation_id in READ_ONLY_POSTS:
        return Access.READ
    return Access.WRITE


def annotations_of(
    operation: OperationSpec, access: Access, trade_conditions: Sequence[Mapping[str, Any]]
) -> ToolAnnotations:
    if access is Access.READ:
        return ToolAnnotations(read_only_hint=True)
    destructive = (
        access is Access.TRADE
        or bool(trade_conditions)  # deploys a strategy that trades
        or operation.method in DESTRUCTIVE_METHODS
        or operation.operation_id in UNDOING_POSTS
    )
    idempotent = operation.idempotent or operation.operation_id in IDEMPOTENT_POSTS
    return ToolAnnotations(read_only_hint=False, destructive_hint=destructive, idempotent_hint=idempotent)


def strip_secrets(schema: Mapping[str, Any], path: tuple[str, ...] = ()) -> tuple[Any, list[tuple[str, ...]]]:
    """``schema`` without its ``writeOnly`` properties (secrets), and where they were."""
    found: list[tuple[str, ...]] = []
    properties = schema.get("properties")
    if not isinstance(properties, Mapping):
        return dict(schema), found
    kept: dict[str, Any] = {}
    for name, sub in properties.items():
        if isinstance(sub, Mapping) and sub.get("writeOnly"):
            found.append((*path, name))
            continue
        if isinstance(sub, Mapping):
            sub, nested = strip_secrets(sub, (*path, name))
            found.extend(nested)
        kept[name] = sub
    stripped = {**schema, "properties": kept}
    if "required" in schema:
        stripped["required"] = [name for name in schema["required"] if name in kept]
    return stripped, found


def with_tool_names(text: str) -> str:
    """Endpoint references in the spec's prose (`GET /docs/signal-dsl`) as tool names (`get_signal_dsl_doc`)."""

    def name_of(match: re.Match[str]) -> str:
        tool = _TOOL_BY_ENDPOINT.get((match.group(1), match.group(2)))
        if tool is None:
            return match.group(0)
        return f"`{tool}` ({match.group(3).replace('&', ', ')})" if match.group(3) else f"`{tool}`"

    return _ENDPOINT_REFERENCE.sub(name_of, text)


def concise(text: str) -> str:
    """The spec's prose for a model's context: paragraphs on one line each, without the notes on the spec itself.

    The spec records where it chose a default and where its source documents disagree; that is for the
    SDK's maintainers, and dropping it keeps every tool list within its budget. Lists keep their lines.
    """
    text = _SPEC_CHOICE.sub("", with_tool_names(text))
    paragraphs = []
    for paragraph in text.split("\n\n"):
        if paragraph.lstrip().startswith(("-", "*", "|", "```")):
            paragraphs.append(paragraph.strip())
            continue
        sentences = [s for s in _SENTENCE_END.split(" ".join(paragraph.split())) if not _ABOUT_THE_SPEC.search(s)]
        if sentences:
            paragraphs.append(" ".join(sentences))
    return "\n\n".join(paragraphs)


def lean_schema(schema: Any, depth: int = 0) -> Any:
    """A schema as announced to the model: what helps choose values, not what only validation needs.

    Kept: types, enums, defaults, numeric bounds, required fields, nested objects, and the descriptions
    of parameters and of nested fields. Dropped: patterns, string and array length limits, and the
    descriptions of array items and union variants. The SDK checks all of it before anything is sent,
    and its error names the parameter and the rule.
    """
    if isinstance(schema, list):
        return [lean_schema(item, depth) for item in schema]
    if not isinstance(schema, Mapping):
        return schema
    lean: dict[str, Any] = {}
    for key, value in schema.items():
        if key in _VALIDATION_ONLY or (key == "description" and depth > 0):
            continue
        if key == "description":
            lean[key] = concise(value)
        elif key == "properties":
            lean[key] = {name: lean_schema(sub, 0) for name, sub in value.items()}
        elif key in ("items", "oneOf", "anyOf", "allOf", "prefixItems"):
            lean[key] = lean_schema(value, depth + 1)
        else:
            lean[key] = lean_schema(value, depth)
    return lean


def announced_schema(schema: Mapping[str, Any]) -> dict[str, Any]:
    """The lean schema of a tool's arguments, without the top-level ``additionalProperties: false``.

    The server refuses an unknown argument by name itself, so the announcement need not repeat it.
    """
    lean: dict[str, Any] = lean_schema(schema)
    lean.pop("additionalProperties", None)
    return lean


def operation_tools() -> list[ToolDef]:
    """One tool per operation of the registry that can be offered, in the spec's order."""
    tools: list[ToolDef] = []
    for operation_id, operation in OPERATIONS.items():
        info = CATALOG[operation_id]
        if not is_offered(info):
            continue
        if not TOOL_NAME.match(operation_id):
            raise ValueError(
                f"{operation_id!r} is not a valid MCP tool name (at most {MAX_TOOL_NAME} of A-Z a-z 0-9 _ -)"
            )
        trade_conditions = tuple(condition for condition, scope in info.conditional_scopes if scope == "trade")
        access = access_of(operation, info)
        schema, secrets = strip_secrets(info.input_schema)
        tools.append(
            ToolDef(
                name=operation_id,
                group=info.tag,
                title=info.summary,
                description=concise(info.description) or f"{info.summary}.",
                input_schema=announced_schema(schema),
                access=access,
                annotations=annotations_of(operation, access, trade_conditions),
                operation=operation,
                info=info,
                secret_paths=tuple(secrets),
                trade_conditions=trade_conditions,
            )
        )
    return tools


# ---- which tools a server lists ----------------------------------------------------------------------


class SelectionError(ValueError):
    """A ``--tools`` entry names no group and no tool."""


@dataclass(frozen=True)
class Selection:
    """The tools a server lists, and why each other tool is refused.

    Attributes:
        enabled: The listed tools by name.
        refusals: For every known tool that is not listed, the sentence that says why.
    """

    enabled: Mapping[str, ToolDef]
    refusals: Mapping[str, str]


def group_names(tools: Iterable[ToolDef]) -> list[str]:
    return sorted({tool.group for tool in tools})


def select(tools: Sequence[ToolDef], *, allow_trading: bool, allowed: Sequence[str] | None) -> Selection:
    """Apply the safety rules and the ``--tools`` allow-list.

    Without ``allowed`` the server lists the read-only tools and the workflow tools (plus the trading
    tools with ``allow_trading``), leaving out the operations a workflow tool does the work of, the
    older documents' aliases and the opt-in groups. ``allowed`` names groups (``market``, ``live-strategies``),
    tools, ``read`` (every read-only tool) or ``all``. Trading tools are listed only with
    ``allow_trading``, whatever the selection.
    """
    by_name = {tool.name: tool for tool in tools}
    if allowed is None:
        left_out = {name for tool in tools for name in tool.covers} | LEGACY_ALIASES
        chosen = {
            t.name
            for t in tools
            if (t.access is Access.READ or t.is_workflow or t.access is Access.TRADE)
            and t.name not in left_out
            and t.group not in OPT_IN_GROUPS
        }
    else:
        chosen = set()
        groups = {name.replace("_", "-"): name for name in group_names(tools)}
        for entry in (item.strip() for item in allowed):
            if not entry:
                continue
            if entry == "all":
                chosen.update(by_name)
            elif entry == "read":
                chosen.update(t.name for t in tools if t.access is Access.READ)
            elif entry.replace("_", "-") in groups:
                group = groups[entry.replace("_", "-")]
                chosen.update(t.name for t in tools if t.group == group)
            elif entry in by_name:
                chosen.add(entry)
            else:
                raise SelectionError(
                    f"--tools: {entry!r} is neither a group ({', '.join(sorted(groups))}), 'read', 'all', "
                    "nor a tool name (heytraders-mcp --list-tools shows them)"
                )
    enabled: dict[str, ToolDef] = {}
    refusals: dict[str, str] = {}
    for tool in tools:
        if tool.access is Access.TRADE and not allow_trading:
            refusals[tool.name] = (
                f"{tool.name} can place or cancel real orders, so this server does not offer it: "
                "it runs without --allow-trading. Ask the user to restart it with --allow-trading if they want "
                "you to trade."
            )
        elif tool.name not in chosen:
            refusals[tool.name] = (
                f"{tool.name} is not among the tools this server was started with (its --tools list); "
                "ask the user to add it or its group."
            )
        else:
            enabled[tool.name] = tool
    return Selection(enabled=enabled, refusals=refusals)
