"""Options from the manifest: one per parameter, typed by its kind, and turned back into SDK arguments.

The command line checks only what it must to parse (an integer is an integer, a choice is one of the
spec's enum values); every constraint and request rule is left to the SDK, which names the
parameter, the rule and the value before anything is sent.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeAlias

import click
from click.shell_completion import CompletionItem

from heytraders_cli.errors import EXIT_USAGE, CliError
from heytraders_cli.manifest import OperationEntry, ParamEntry

STDIN_OWNER = "heytraders_cli.stdin"

if TYPE_CHECKING:
    # Generic in click 8.5's annotations only; a plain class at run time in every click since 8.1.
    ParamType: TypeAlias = click.ParamType[Any, Any]
else:
    ParamType = click.ParamType


def _claim_stdin(ctx: click.Context | None, owner: str) -> None:
    """Only one option of a command can read stdin."""
    if ctx is None:
        return
    meta = ctx.find_root().meta
    taken = meta.get(STDIN_OWNER)
    if taken is not None and taken != owner:
        raise click.UsageError(f"{taken} already reads stdin; {owner} cannot read it too", ctx)
    meta[STDIN_OWNER] = owner


def read_source(value: str, param: click.Parameter | None, ctx: click.Context | None) -> str:
    """``-`` reads stdin, ``@FILE`` reads a file, ``@@text`` is the literal ``@text``; anything else is itself."""
    name = param.get_error_hint(ctx) if param is not None and ctx is not None else "value"
    if value == "-":
        _claim_stdin(ctx, name)
        return sys.stdin.read()
    if value.startswith("@@"):
        return value[1:]
    if value.startswith("@"):
        path = Path(value[1:]).expanduser()
        try:
            return path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise click.BadParameter(f"cannot read {path}: {error}", ctx, param) from None
    return value


class TextSource(ParamType):
    """Free text: the value itself, ``@FILE`` or ``-`` (stdin)."""

    name = "text"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        return read_source(value, param, ctx) if isinstance(value, str) else value


class JsonSource(ParamType):
    """A JSON value: inline text, ``@FILE`` or ``-``. Numbers are read as ``Decimal``, never as floats."""

    name = "json"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if not isinstance(value, str):
            return value
        from heytraders_cli.output import parse_json

        text = read_source(value, param, ctx)
        try:
            return parse_json(text)
        except ValueError as error:
            self.fail(f"is not valid JSON ({error})", param, ctx)


class SecretSource(ParamType):
    """A secret: only from ``@FILE`` or ``-``, never from the command line, where the process list shows it."""

    name = "secret"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if not isinstance(value, str):
            return value
        if (value != "-" and not value.startswith("@")) or value.startswith("@@"):
            self.fail("a secret is never taken from the command line: pass @FILE or - (stdin)", param, ctx)
        return read_source(value, param, ctx).rstrip("\r\n")


class DecimalNumber(ParamType):
    """A number, kept as a ``Decimal`` (the SDK accepts it; no float on the way)."""

    name = "number"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, Decimal):
            return value
        try:
            number = Decimal(str(value))
        except InvalidOperation:
            self.fail(f"{value!r} is not a number", param, ctx)
        if not number.is_finite():
            self.fail(f"{value!r} is not a finite number", param, ctx)
        return number


class CommaList(ParamType):
    """One or more values, comma-separated (``--universe A,B``); the option may also repeat."""

    def __init__(self, item: ParamType) -> None:
        self.item = item
        self.name = f"{item.name}[,...]"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if not isinstance(value, str):
            return value
        return [self.item.convert(part.strip(), param, ctx) for part in value.split(",") if part.strip()]


def _item_type(entry: ParamEntry) -> ParamType:
    if entry.get("choices"):
        return click.Choice([str(choice) for choice in entry["choices"]])
    kind = entry["kind"]
    if kind == "integer":
        return click.INT
    if kind == "number":
        return DecimalNumber()
    if kind == "json":
        return JsonSource()
    if kind == "text":
        return TextSource()
    return click.STRING


METAVARS = {"text": "TEXT|@FILE", "json": "JSON|@FILE|-", "decimal": "DECIMAL", "number": "NUMBER"}


def _completions(suggestions: list[str]) -> Any:
    def complete(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[CompletionItem]:
        return [CompletionItem(value) for value in suggestions if value.startswith(incomplete)]

    return complete


def make_option(entry: ParamEntry, *, declarations: list[str] | None = None) -> click.Option:
    """The click option of one parameter (``required`` is checked later: ``--body`` may supply it)."""
    declarations = declarations or [entry["option"]]
    help_text = entry["help"]
    if entry["required"]:
        help_text += "  [required]"
    if entry["kind"] == "boolean" and not entry.get("choices"):
        flags = "/".join([declarations[0], "--no-" + declarations[0][2:]])
        return click.Option([flags, *declarations[1:], entry["name"]], default=None, help=help_text)
    kind = entry["kind"]
    click_type: ParamType
    if entry["secret"]:
        click_type, metavar = SecretSource(), "@FILE|-"
        help_text += " Read from @FILE or - (stdin), never from the command line."
    elif entry.get("multiple"):
        click_type, metavar = CommaList(_item_type(entry)), None
    else:
        click_type, metavar = _item_type(entry), METAVARS.get(kind)
    if "default" in entry:
        # Shown, not applied: an option left out is left out of the call, and the SDK applies the spec's default.
        help_text += f"  [default: {_shown(entry['default'])}]"
    return click.Option(
        [*declarations, entry["name"]],
        type=click_type,
        multiple=bool(entry.get("multiple")),
        default=None,
        metavar=metavar,
        help=help_text,
        shell_complete=_completions(entry["suggest"]) if entry.get("suggest") else None,
    )


def _shown(default: Any) -> str:
    return ",".join(map(str, default)) if isinstance(default, list) else str(default)


def body_option() -> click.Option:
    return click.Option(
        ["--body", "cli_body"],
        type=JsonSource(),
        metavar="JSON|@FILE|-",
        help="The request body as a JSON object (inline, @FILE or - for stdin); options given on the command "
        "line win over its fields.",
    )


def has_body(entry: OperationEntry) -> bool:
    return any(param["location"] == "body" for param in entry["params"])


def _typed_choice(entry: ParamEntry, value: Any) -> Any:
    """A choice as the spec types it (``--vote-type 1`` is the integer 1)."""
    for choice in entry.get("choices", []):
        if str(choice) == str(value):
            return choice
    return value


def _argument(entry: ParamEntry, value: Any) -> Any:
    if entry.get("multiple"):
        items = [_typed_choice(entry, item) for group in value for item in group]
        pattern = entry.get("scalar_pattern")
        if entry.get("scalar_ok") and len(items) == 1 and pattern and re.search(pattern, str(items[0])):
            return items[0]  # a preset (`--universe top100`), not a one-item list
        return items
    return _typed_choice(entry, value)


def usage_error(message: str, suggestion: str | None = None) -> CliError:
    return CliError(message, exit_code=EXIT_USAGE, code="USAGE_ERROR", suggestion=suggestion)


def sdk_arguments(
    entry: OperationEntry, values: Mapping[str, Any], body: Any = None, *, renamed: Mapping[str, str] | None = None
) -> dict[str, Any]:
    """The SDK method's keyword arguments: the options given, then ``--body``'s fields for the rest.

    Raises:
        CliError: ``--body`` is not an object or names a field the operation does not have, or a
            required parameter is missing (exit code 2, naming the option to pass).
    """
    renamed = renamed or {}
    body_fields = {param["name"] for param in entry["params"] if param["location"] == "body"}
    if body is not None and not isinstance(body, Mapping):
        raise usage_error("--body must be a JSON object", 'Pass the request body as {"field": value, ...}.')
    unknown = sorted(set(body or {}) - body_fields)
    if unknown:
        raise usage_error(
            f"--body has no field {unknown[0]!r} for this command",
            f"Body fields: {', '.join(sorted(body_fields)) or '(none)'}.",
        )
    arguments: dict[str, Any] = {}
    for param in entry["params"]:
        name = param["name"]
        value = values.get(name)
        if value is not None and value != ():
            arguments[name] = _argument(param, value)
        elif body is not None and name in body:
            arguments[name] = body[name]
        elif param["required"]:
            option = renamed.get(name, param["option"])
            where = f" (or {name!r} in --body)" if name in body_fields else ""
            raise usage_error(f"missing option {option}{where}", f"Pass {option} {name.upper()}.")
    return arguments
