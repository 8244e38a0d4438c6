"""The command tree: ``heytraders <group> <operation>``, built lazily from the operation manifest.

One loop over the manifest makes every API command, the way the aws CLI builds its commands from
service models; groups build their commands only when asked (help, completion or a call), and the
SDK is imported inside command bodies. The workflows (``register``, ``claim``, ``backtest run``,
``signals follow``) live in ``workflows.py`` and call the SDK's hand-written helpers.

click, because it is the fastest of the mature frameworks to start (measured on the 2-core CI
machine for ``--help`` of a 72-command app: click 75 ms, click with a lazy group 91 ms, typer 276 ms,
cyclopts 286 ms), it builds commands from data without decorators, and it ships shell completion
for bash, zsh and fish.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any

import click

from heytraders_cli import manifest
from heytraders_cli.config import Settings, resolve
from heytraders_cli.errors import EXIT_CODES, EXIT_ERROR, EXIT_INTERRUPTED, CliError, from_exception, report
from heytraders_cli.manifest import OperationEntry
from heytraders_cli.options import STDIN_OWNER, body_option, has_body, make_option, sdk_arguments, usage_error
from heytraders_cli.output import Mode, choose_mode, emit, emit_items, mask_secrets

PROG = "heytraders"
CONTEXT_SETTINGS: dict[str, Any] = {"help_option_names": ["-h", "--help"], "max_content_width": 110}
WORKFLOWS = ("register", "claim")
SETUP = ("signals", "config", "completion")


# ---- options every command shares --------------------------------------------------------------


def connection_options() -> list[click.Parameter]:
    """``--profile``, ``--base-url`` and ``--api-key-stdin``: accepted before the group or after the command."""
    return [
        click.Option(["--profile", "cli_profile"], metavar="NAME", help="Use this profile of the config file."),
        click.Option(
            ["--base-url", "cli_base_url"],
            metavar="URL",
            help="The API root, e.g. the sandbox's http://127.0.0.1:8080/api/v1 (default: HEYTRADERS_BASE_URL, "
            "the profile's, or production).",
        ),
        click.Option(
            ["--api-key-stdin", "cli_api_key_stdin"],
            is_flag=True,
            help="Read the API key from stdin (typed without echo on a terminal) instead of HEYTRADERS_API_KEY or "
            "the profile. A key is never taken from a flag.",
        ),
    ]


def output_options() -> list[click.Parameter]:
    return [
        click.Option(
            ["--json", "cli_json"], is_flag=True, help="Print JSON (the default when stdout is not a terminal)."
        ),
        click.Option(["--table", "cli_table"], is_flag=True, help="Print tables even when stdout is not a terminal."),
        click.Option(["--jsonl", "cli_jsonl"], is_flag=True, help="Print JSON lines: one line per item of a list."),
    ]


def dry_run_option() -> click.Option:
    return click.Option(
        ["--dry-run", "cli_dry_run"], is_flag=True, help="Validate and print the request; send nothing."
    )


def settings_from(ctx: click.Context, values: dict[str, Any], *, creating: bool = False) -> Settings:
    """Connection settings: the command's own flags, else the ones given before the group."""
    root = ctx.find_root().params

    def given(name: str) -> Any:
        return values.get(name) or root.get(name)

    if given("cli_api_key_stdin") and ctx.find_root().meta.get(STDIN_OWNER):
        raise usage_error(f"{ctx.find_root().meta[STDIN_OWNER]} already reads stdin; --api-key-stdin cannot")
    return resolve(
        profile=given("cli_profile"),
        base_url=given("cli_base_url"),
        api_key_stdin=bool(given("cli_api_key_stdin")),
        creating=creating,
    )


def mode_from(values: dict[str, Any]) -> Mode:
    return choose_mode(
        as_json=bool(values.get("cli_json")),
        as_jsonl=bool(values.get("cli_jsonl")),
        as_table=bool(values.get("cli_table")),
    )


def guarded(callback: Callable[..., None]) -> Callable[..., None]:
    """Turn SDK and helper exceptions into ``CliError`` (an exit code and a message, no traceback)."""

    @functools.wraps(callback)
    def run(*args: Any, **kwargs: Any) -> None:
        try:
            callback(*args, **kwargs)
        except (click.ClickException, click.exceptions.Exit, click.Abort, CliError, SystemExit):
            raise
        except BaseException as error:
            converted = from_exception(error)
            if converted is None:
                raise
            raise converted from error

    return run


# ---- one command per operation -----------------------------------------------------------------


def help_text(entry: OperationEntry) -> str:
    """The command's help: the spec's description, then the scope it needs."""
    paragraphs = [entry["summary"]] + [part for part in entry["description"].split("\n\n") if part.strip()]
    # Lists and tables keep their lines (click's \b marker); prose is rewrapped.
    shaped = [
        "\b\n" + part if any(line.lstrip().startswith(("-", "|", "```")) for line in part.splitlines()) else part
        for part in paragraphs
    ]
    needs = "Public: no API key needed." if entry["public"] else f"Scope: {manifest.scope_text(entry)}."
    if entry["places_order"]:
        needs += " Places a real order: --dry-run shows the request without sending it; --yes is needed when stdin "
        needs += "is not a terminal."
    if entry["alias"]:
        needs += f" Alias: {entry['alias']}."
    return "\n\n".join([*shaped, needs])


def operation_command(operation_id: str, entry: OperationEntry) -> click.Command:
    params: list[click.Parameter] = [make_option(param) for param in entry["params"]]
    if has_body(entry):
        params.append(body_option())
    if entry["pagination"]:
        params.append(click.Option(["--all", "cli_all"], is_flag=True, help="Follow every page."))
    if entry["markdown"]:
        params.append(click.Option(["--markdown", "cli_markdown"], is_flag=True, help="Print the raw markdown."))
    params.append(dry_run_option())
    if entry["places_order"]:
        params.append(click.Option(["--yes", "-y", "cli_yes"], is_flag=True, help="Place the order without asking."))
    params += output_options() + connection_options()
    _check_unique(entry["command"], params)
    example = " ".join([PROG, entry["group"], entry["command"], *map(_quoted, entry["example"])])
    return click.Command(
        name=entry["command"],
        callback=guarded(functools.partial(run_operation, operation_id)),
        params=params,
        help=help_text(entry),
        short_help=entry["summary"],
        epilog=f"\b\nExample:\n  {example}",
        context_settings=CONTEXT_SETTINGS,
    )


def _quoted(word: str) -> str:
    import shlex

    return shlex.quote(word)


def _check_unique(command: str, params: list[click.Parameter]) -> None:
    """A parameter named like one of the command line's own options would be shadowed: refuse it."""
    seen: set[str] = set()
    for param in params:
        for name in [*param.opts, *param.secondary_opts, param.name or ""]:
            if name in seen:
                raise RuntimeError(f"{command}: {name} is both a parameter and a command-line option")
            seen.add(name)


def run_operation(operation_id: str, **values: Any) -> None:
    ctx = click.get_current_context()
    entry = manifest.operations()[operation_id]
    arguments = sdk_arguments(entry, values, values.get("cli_body"))
    if values.get("cli_markdown"):
        arguments["markdown"] = True
    mode = mode_from(values)
    settings = settings_from(ctx, values)
    from heytraders_cli import calls  # the SDK: imported only now that a call is made

    if values.get("cli_dry_run"):
        emit(calls.dry_run(settings, entry, operation_id, arguments), mode)
        return
    if entry["places_order"]:
        from heytraders_cli.ordering import place

        data = place(settings, entry, operation_id, arguments, confirmed=bool(values.get("cli_yes")))
        emit(data, mode, title=entry["summary"])
        return
    with calls.make_client(settings) as client:
        if values.get("cli_all"):
            items = calls.every_item(client, entry, operation_id, arguments)
            emit_items((mask_secrets(item, entry["secret_fields"]) for item in items), mode, title=entry["summary"])
            return
        data = calls.call(client, entry, operation_id, arguments)
    if values.get("cli_markdown") and isinstance(data, str):
        sys.stdout.write(data if data.endswith("\n") else data + "\n")
        return
    emit(mask_secrets(data, entry["secret_fields"]), mode, title=entry["summary"])


# ---- groups -------------------------------------------------------------------------------------


def _first_sentence(text: str) -> str:
    text = " ".join(text.split())
    end = text.find(". ")
    return text if end < 0 else text[: end + 1]


class ApiGroup(click.Group):
    """The commands of one API tag (``market``, ``orders``…), plus the workflows that belong to it."""

    def __init__(self, tag: str, description: str) -> None:
        super().__init__(
            name=tag, help=description, short_help=_first_sentence(description), context_settings=CONTEXT_SETTINGS
        )

    def list_commands(self, ctx: click.Context) -> list[str]:
        from heytraders_cli import workflows

        extra = workflows.group_commands(self.name or "")
        return [*extra, *(name for name in manifest.in_group(self.name or "") if name not in extra)]

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        from heytraders_cli import workflows

        tag = self.name or ""
        extra = workflows.group_command(tag, cmd_name)
        if extra is not None:
            return extra
        name = manifest.aliases(tag).get(cmd_name, cmd_name)
        operation_id = manifest.in_group(tag).get(name)
        if operation_id is None:
            return None
        return operation_command(operation_id, manifest.operations()[operation_id])


def show_version(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    if not value or ctx.resilient_parsing:
        return
    loaded = manifest.load()
    click.echo(f"{PROG} {loaded['version']} ({loaded['api_title']} {loaded['api_version']})")
    ctx.exit()


class Root(click.Group):
    """``heytraders``: the workflows, one group per API tag, and the setup commands."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return [*WORKFLOWS, *manifest.load()["groups"], *SETUP]

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        groups = manifest.load()["groups"]
        if cmd_name in groups:
            return ApiGroup(cmd_name, groups[cmd_name])
        if cmd_name in WORKFLOWS or cmd_name in SETUP:
            from heytraders_cli import workflows

            return workflows.top_level(cmd_name)
        return None

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        groups = manifest.load()["groups"]
        sections = (("Workflows", WORKFLOWS), ("API (one command per operation)", tuple(groups)), ("More", SETUP))
        for title, names in sections:
            rows = []
            for name in names:
                command = self.get_command(ctx, name)
                if command is not None:
                    rows.append((name, command.get_short_help_str(formatter.width - 30)))
            with formatter.section(title):
                formatter.write_dl(rows)


def build() -> Root:
    return Root(
        name=PROG,
        help="The HeyTraders API from the command line: market data, backtests, orders, live signals and the arena."
        "\n\nEvery API operation is a command, `heytraders GROUP OPERATION --option value`, built from the same "
        "spec as the Python SDK and calling it, so arguments are checked before anything is sent. JSON goes to "
        "stdout when it is not a terminal (or with --json), tables otherwise; errors go to stderr.\n\n\b\nExit codes:\n"
        + "\n".join(f"  {code:<4} {meaning}" for code, meaning in sorted(EXIT_CODES.items())),
        params=[
            click.Option(
                ["--version"],
                is_flag=True,
                expose_value=False,
                is_eager=True,
                callback=show_version,
                help="Show the version and exit.",
            ),
            *connection_options(),
        ],
        context_settings=CONTEXT_SETTINGS,
    )


cli = build()


def main(argv: Sequence[str] | None = None) -> None:
    """The console script: run a command and exit with its code (see ``heytraders_cli.errors``)."""
    args = list(sys.argv[1:] if argv is None else argv)
    as_json = "--json" in args or "--jsonl" in args
    try:
        code = cli.main(args=args, prog_name=PROG, standalone_mode=False)
    except CliError as error:
        report(error, as_json=as_json)
        sys.exit(error.exit_code)
    except click.ClickException as error:
        if as_json:
            report(
                CliError(
                    error.format_message(), exit_code=error.exit_code, code="USAGE_ERROR", suggestion=_hint(error)
                ),
                as_json=True,
            )
        else:
            error.show()
        sys.exit(error.exit_code)
    except click.Abort as error:
        interrupted = isinstance(error.__cause__, KeyboardInterrupt)
        exit_code = EXIT_INTERRUPTED if interrupted else EXIT_ERROR
        report(
            CliError("interrupted" if interrupted else "aborted", exit_code=exit_code, code="ABORTED"), as_json=as_json
        )
        sys.exit(exit_code)
    except BrokenPipeError:
        # The reader went away (`heytraders ... | head`): nothing more to say, as the Python docs advise.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(EXIT_ERROR)
    except Exception as error:
        # A bug, not an expected error: say so in one line (the traceback with HEYTRADERS_LOG=debug).
        if os.environ.get("HEYTRADERS_LOG", "").lower() == "debug":
            raise
        report(
            CliError(
                f"unexpected {type(error).__name__}: {error}",
                exit_code=EXIT_ERROR,
                code="UNEXPECTED_ERROR",
                suggestion="Run it again with HEYTRADERS_LOG=debug for the traceback, and report it.",
            ),
            as_json=as_json,
        )
        sys.exit(EXIT_ERROR)
    sys.exit(code if isinstance(code, int) else 0)


def _hint(error: click.ClickException) -> str | None:
    if isinstance(error, click.UsageError) and error.ctx is not None:
        return f"Try '{error.ctx.command_path} --help'."
    return None
