"""The workflows: several calls and a wait behind one command, each a hand-written helper of the SDK.

| command | SDK helper |
|---|---|
| ``heytraders register --name NAME`` | ``client.meta.register``; the key goes to the config file (mode 0600) |
| ``heytraders claim`` | ``client.meta.claim``: shows the code and link, waits, re-requests an expired code |
| ``heytraders backtest run ... --wait`` | ``client.backtest.run``: progress on stderr, the job cancelled on Ctrl-C |
| ``heytraders signals follow STRATEGY`` | ``client.live_strategies.stream_signals``: JSON lines, none twice |
| ``heytraders market ohlcv-range ...`` | ``client.market.get_ohlcv_range``: every page, progress on stderr |
| ``heytraders config show`` / ``save`` | where the key and base URL come from; store them in a profile |
| ``heytraders completion SHELL`` | the shell completion script (click's own) |

Order placement (``orders place``, with ``--dry-run`` and ``--yes``) is the generated command with
the order safety of ``ordering.py``. The SDK is imported inside the command bodies.
"""

from __future__ import annotations

import contextlib
import sys
import time
from collections.abc import Callable, Iterator
from datetime import datetime
from typing import TYPE_CHECKING, Any

import click

from heytraders_cli import manifest
from heytraders_cli.app import (
    PROG,
    connection_options,
    dry_run_option,
    guarded,
    mode_from,
    output_options,
    settings_from,
)
from heytraders_cli.config import config_path, mask, profile_writer, read_profiles
from heytraders_cli.errors import EXIT_USAGE, CliError
from heytraders_cli.options import body_option, make_option, sdk_arguments, usage_error
from heytraders_cli.output import Mode, emit, renderables, stderr_console, stdout_console, to_json, write_line

if TYPE_CHECKING:
    from heytraders import HeyTraders

# How the workflows wait and tell time; tests move the sandbox's clock instead.
waiting: Callable[[float], None] = time.sleep
monotonic: Callable[[], float] = time.monotonic

SETTINGS: dict[str, Any] = {"help_option_names": ["-h", "--help"], "max_content_width": 110}


def dump(value: Any) -> Any:
    """A helper's result as JSON data: a model's fields the server sent, money as decimal strings.

    pydantic-core serialises what is not a model too (the SDK's bulk rows carry its serializer).
    """
    import pydantic
    import pydantic_core

    if isinstance(value, pydantic.BaseModel):
        return value.model_dump(mode="json", by_alias=True, exclude_unset=True)
    return pydantic_core.to_jsonable_python(value, by_alias=True)


def operation_options(operation_id: str, *, renamed: dict[str, list[str]] | None = None) -> list[click.Parameter]:
    """An operation's options from the manifest, for a workflow built on that operation."""
    renamed = renamed or {}
    entry = manifest.operations()[operation_id]
    params: list[click.Parameter] = [
        make_option(param, declarations=renamed.get(param["name"])) for param in entry["params"]
    ]
    return params


def _seconds(name: str, default: float | None, help_text: str) -> click.Option:
    shown = "no limit" if default is None else f"{default:g}"
    return click.Option(
        [name], type=click.FloatRange(min=0), default=default, show_default=shown, metavar="SECONDS", help=help_text
    )


def _announce(mode: Mode, event: str, text: str, **fields: Any) -> None:
    """A progress message on stderr: a JSON line in JSON modes, else text."""
    if mode == "table":
        click.echo(text, err=True)
    else:
        sys.stderr.write(to_json({"event": event, **fields}, indent=None) + "\n")
        sys.stderr.flush()


# ---- register and claim -----------------------------------------------------------------------


@guarded
def register(**values: Any) -> None:
    ctx = click.get_current_context()
    entry = manifest.operations()["register_agent"]
    arguments = sdk_arguments(entry, values, renamed={"display_name": "--name"})
    settings = settings_from(ctx, values, creating=True)
    mode = mode_from(values)
    from heytraders_cli import calls

    if values["cli_dry_run"]:
        emit(calls.dry_run(settings, entry, "register_agent", arguments), mode)
        return
    path = config_path()
    if read_profiles(path).get(settings.profile, {}).get("api_key") and not values["force"]:
        raise CliError(
            f"profile {settings.profile!r} in {path} already holds an API key; nothing was sent",
            exit_code=EXIT_USAGE,
            code="PROFILE_HAS_KEY",
            suggestion="Register under another --profile, or pass --force to replace the saved key.",
        )

    # The config file is claimed before the registration is spent: a key is shown only once.
    with profile_writer(path) as write, calls.make_client(settings) as client:
        registration = client.meta.register(**arguments)
        key = registration.api_key.get_secret_value()
        write(settings.profile, {"api_key": key, **({"base_url": settings.base_url} if settings.base_url else {})})
    data = dump(registration)
    data["api_key"] = mask(key)
    data["saved_to"] = {"path": str(path), "profile": settings.profile}
    emit(data, mode, title="Registered")
    _announce(
        mode,
        "saved",
        f"The API key is saved in {path} (profile {settings.profile}). Next: `{PROG} claim` to unlock read and trade.",
        path=str(path),
        profile=settings.profile,
    )


@guarded
def claim(**values: Any) -> None:
    ctx = click.get_current_context()
    settings = settings_from(ctx, values)
    mode = mode_from(values)
    from heytraders import models
    from heytraders.lib.meta import DEFAULT_CLAIM_URL

    from heytraders_cli import calls

    with calls.make_client(settings) as client, _spinner(mode) as status:
        name = values["display_name"] or client.meta.get_my_agent().display_name

        def show(code: models.ClaimCode) -> None:
            url = str(code.claim_url or DEFAULT_CLAIM_URL)
            minutes = max(1, code.expires_in // 60)
            _announce(
                mode,
                "claim_code",
                f"Claim code: {code.claim_code}\nEnter it at {url} (it expires in {minutes} min).",
                claim_code=code.claim_code,
                claim_url=url,
                expires_in=code.expires_in,
            )
            status(f"Waiting for a user to enter {code.claim_code} ...")

        agent = client.meta.claim(
            display_name=name,
            description=values["description"] if values["description"] is not None else _not_given(),
            on_code=show,
            poll_interval=values["poll_interval"],
            timeout=values["timeout"],
            max_codes=values["max_codes"],
            sleep=waiting,
            clock=monotonic,
        )
    emit(dump(agent), mode, title="Claimed")


def _not_given() -> Any:
    from heytraders import NOT_GIVEN

    return NOT_GIVEN


@contextlib.contextmanager
def _spinner(mode: Mode) -> Iterator[Callable[[str], None]]:
    """A spinner on stderr while waiting, when stderr is a terminal; yields a function to change its text."""
    if mode != "table" or not sys.stderr.isatty():
        yield lambda text: None
        return
    with stderr_console().status("Waiting ...") as status:
        yield status.update


# ---- backtest run -------------------------------------------------------------------------------


@guarded
def backtest_run(**values: Any) -> None:
    ctx = click.get_current_context()
    entry = manifest.operations()["execute_backtest"]
    arguments = sdk_arguments(entry, values, values.get("cli_body"))
    settings = settings_from(ctx, values)
    mode = mode_from(values)
    from heytraders import models

    from heytraders_cli import calls

    if values["cli_dry_run"]:
        emit(calls.dry_run(settings, entry, "execute_backtest", arguments), mode)
        return
    with calls.make_client(settings) as client:
        if not values["wait"]:
            job = calls.call(client, entry, "execute_backtest", arguments)
            emit(job, mode, title="Backtest queued")
            return
        with _progress(mode) as bar:
            announced: list[str] = []

            def on_progress(status: models.BacktestStatus) -> None:
                # The job's ID first, so that a wait cut short can be picked up or checked later.
                if not announced:
                    announced.append(status.backtest_id)
                    _announce(
                        mode,
                        "backtest_started",
                        f"Backtest {status.backtest_id} started.",
                        backtest_id=status.backtest_id,
                    )
                if bar is not None:
                    bar(status)

            run = client.backtest.run(
                **arguments,
                timeout=values["timeout"],
                poll_interval=values["poll_interval"],
                on_progress=on_progress,
                sleep=waiting,
                clock=monotonic,
            )
        metrics_entry = manifest.operations()["get_backtest_metrics"]
        metrics = calls.call(client, metrics_entry, "get_backtest_metrics", {"result_id": run.result_id})
    data = {
        "backtest_id": run.backtest_id,
        "result_id": run.result_id,
        "dashboard_url": run.dashboard_url,
        "metrics": metrics,
    }
    if mode != "table":
        emit(data, mode)
        return
    console = stdout_console()
    for renderable in renderables(
        metrics, f"Backtest {run.backtest_id}: metrics of {run.result_id}", width=console.width
    ):
        console.print(renderable)
    # On one line whatever the terminal's width: it is meant to be opened.
    console.print(f"Dashboard: {run.dashboard_url}", soft_wrap=True, markup=False, highlight=False)


@contextlib.contextmanager
def _progress(mode: Mode) -> Iterator[Any]:
    """The SDK's rich progress bar on stderr when stderr is a terminal, else no callback."""
    if not sys.stderr.isatty():
        yield None
        return
    from heytraders.lib.backtest import rich_progress

    with rich_progress("Backtest", console=stderr_console()) as bar:
        yield bar


# ---- market ohlcv-range -------------------------------------------------------------------------


@guarded
def ohlcv_range(**values: Any) -> None:
    ctx = click.get_current_context()
    settings = settings_from(ctx, values)
    mode = mode_from(values)
    from heytraders_cli import calls

    with calls.make_client(settings) as client, _range_progress() as on_progress:
        candles = client.market.get_ohlcv_range(
            symbol=values["symbol"],
            start=values["start"],
            end=values["end"],
            timeframe=values["timeframe"],
            exchange=values["exchange"],
            on_progress=on_progress,
        )
    data = dump(candles)
    if mode == "jsonl":  # one candle a line: a long range streams into other tools
        emit(data["candles"], mode)
    else:
        emit(data, mode, title=f"{candles.symbol} {candles.timeframe}: {len(candles.candles):,} candles")


@contextlib.contextmanager
def _range_progress() -> Iterator[Callable[[Any], None] | None]:
    """A rich progress bar of the pages fetched, on stderr when it is a terminal; else no callback."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    columns = (TextColumn("Candles"), BarColumn(), MofNCompleteColumn(), TextColumn("pages"))
    with Progress(*columns, console=stderr_console(), transient=True) as bar:
        task = bar.add_task("pages", total=None)

        def on_progress(progress: Any) -> None:
            bar.update(task, completed=progress.pages_done, total=progress.pages_total)

        yield on_progress


def ohlcv_range_command() -> click.Command:
    entry = manifest.operations()["get_ohlcv"]
    by_name = {param["name"]: param for param in entry["params"]}
    params: list[click.Parameter] = [
        make_option(by_name["symbol"]),
        make_option(by_name["exchange"]),
        make_option(by_name["timeframe"]),
        click.Option(
            ["--start"], required=True, metavar="TIME", callback=_aware_time, help="First candle open time, ISO 8601."
        ),
        click.Option(
            ["--end"], metavar="TIME", callback=_aware_time, help="Last candle open time, ISO 8601 (default: now)."
        ),
        *output_options(),
        *connection_options(),
    ]
    return _command(
        "ohlcv-range",
        ohlcv_range,
        params,
        "Every candle of a symbol between --start and --end, however many pages that takes.\n\n"
        "Pages of the API's largest size, none missing or repeated at their edges; a rate limit is waited out. "
        "A progress bar of the pages is drawn on stderr when it is a terminal. With --jsonl, one candle a line. "
        "Scope: research.",
    )


# ---- signals follow -----------------------------------------------------------------------------


def _subscription_for(client: HeyTraders, strategy_id: str, mode: Mode) -> str:
    """An active subscription to the strategy: an existing one, else a new one in signal mode."""
    for subscription in client.live_strategies.list_subscriptions():
        if subscription.strategy_id == strategy_id and subscription.status == "active":
            return subscription.subscription_id
    created = client.live_strategies.subscribe_to_strategy(strategy_id=strategy_id, mode="signal")
    _announce(
        mode,
        "subscribed",
        f"Subscribed to {strategy_id} in signal mode: {created.subscription_id}",
        strategy_id=strategy_id,
        subscription_id=created.subscription_id,
    )
    return created.subscription_id


def _latest_signal_time(client: HeyTraders, subscription_id: str) -> datetime | None:
    """When the newest signal so far was generated, so that only later ones are followed."""
    latest = client.live_strategies.get_latest_signals(subscription_id=subscription_id, limit=1)
    return max((signal.generated_at for signal in latest), default=None)


@guarded
def follow(**values: Any) -> None:
    ctx = click.get_current_context()
    strategy_id, subscription_id = values["strategy_id"], values["subscription_id"]
    if (strategy_id is None) == (subscription_id is None):
        raise usage_error(
            "give a STRATEGY or --subscription, not both and not neither", f"{PROG} signals follow --help"
        )
    settings = settings_from(ctx, values)
    mode = mode_from(values)
    from heytraders_cli import calls

    with calls.make_client(settings) as client:
        subscription = subscription_id or _subscription_for(client, strategy_id, mode)
        since = values["since"] or _latest_signal_time(client, subscription)
        signals = client.live_strategies.stream_signals(
            subscription,
            since=since,
            poll_interval=values["poll_interval"],
            max_signals=values["max_signals"],
            timeout=values["timeout"],
            sleep=waiting,
            clock=monotonic,
        )
        for signal in signals:
            item = dump(signal)
            if mode == "table":
                reason = f"  ({signal.reason})" if signal.reason else ""
                moment = signal.generated_at.strftime("%Y-%m-%d %H:%M")
                write_line(f"{moment}  {signal.side} {signal.symbol} at {item.get('price')}{reason}")
            else:
                write_line(to_json(item, indent=None))


# ---- config and completion ---------------------------------------------------------------------


@guarded
def config_show(**values: Any) -> None:
    settings = settings_from(click.get_current_context(), values)
    path = config_path()
    data = {
        "profile": settings.profile,
        "config_file": str(path),
        "profiles": sorted(read_profiles(path)),
        "base_url": settings.base_url or manifest.load()["default_base_url"],
        "base_url_source": settings.base_url_source,
        "api_key": mask(settings.api_key),
        "api_key_source": settings.api_key_source,
    }
    emit(data, mode_from(values), title="Configuration")


@guarded
def config_save(**values: Any) -> None:
    ctx = click.get_current_context()
    root = ctx.find_root().params
    if not any(values.get(name) or root.get(name) for name in ("cli_api_key_stdin", "cli_base_url")):
        raise usage_error("nothing to save", "Pass --api-key-stdin (the key on stdin) and/or --base-url URL.")
    settings = settings_from(ctx, values, creating=True)
    saved: dict[str, str] = {}
    if settings.api_key and settings.api_key_source == "stdin":
        saved["api_key"] = settings.api_key
    if settings.base_url and settings.base_url_source == "--base-url":
        saved["base_url"] = settings.base_url
    path = config_path()
    with profile_writer(path) as write:
        write(settings.profile, saved)
    shown = {key: mask(value) if key == "api_key" else value for key, value in saved.items()}
    emit({"profile": settings.profile, "config_file": str(path), "saved": shown}, mode_from(values), title="Saved")


def completion(shell: str) -> None:
    """Print the completion script of bash, zsh or fish (click's ``_HEYTRADERS_COMPLETE`` mechanism)."""
    from click.shell_completion import get_completion_class

    from heytraders_cli.app import cli

    completion_class = get_completion_class(shell)
    if completion_class is None:  # pragma: no cover - click.Choice has refused it already
        raise usage_error(f"no completion for {shell}")
    click.echo(completion_class(cli, {}, PROG, "_HEYTRADERS_COMPLETE").source())


# ---- the commands ----------------------------------------------------------------------------------


def _command(name: str, callback: Callable[..., None], params: list[click.Parameter], help_text: str) -> click.Command:
    short = help_text.split("\n\n")[0]
    return click.Command(
        name=name, callback=callback, params=params, help=help_text, short_help=short, context_settings=SETTINGS
    )


def register_command(name: str = "register") -> click.Command:
    params = operation_options("register_agent", renamed={"display_name": ["--name", "--display-name"]})
    params += [
        click.Option(["--force"], is_flag=True, help="Replace an API key already saved in the profile."),
        dry_run_option(),
        *output_options(),
        *connection_options(),
    ]
    return _command(
        name,
        register,
        params,
        "Register an agent and save its provisional API key in the config file.\n\n"
        "The key has the research scope and expires after 24 hours unless a user claims the agent "
        f"(`{PROG} claim`). It is shown only in this response: it is written to the profile (default "
        "'default') of the config file, mode 0600, and printed masked. An existing key is never replaced "
        "without --force. Public: no API key needed.",
    )


def claim_command() -> click.Command:
    from_spec = {param.name: param for param in operation_options("request_claim")}
    name_option = make_option(
        {**manifest.param(manifest.operations()["request_claim"], "display_name"), "required": False},
        declarations=["--name", "--display-name"],
    )
    params: list[click.Parameter] = [
        name_option,
        from_spec["description"],
        _seconds("--poll-interval", 5.0, "Seconds between two checks of the agent's status."),
        _seconds("--timeout", None, "Give up after this many seconds (default: when the last code expires)."),
        click.Option(
            ["--max-codes"], type=click.IntRange(min=1), default=3, show_default=True, help="Claim codes to hand out."
        ),
        *output_options(),
        *connection_options(),
    ]
    return _command(
        "claim",
        claim,
        params,
        "Have a user claim this agent: show a claim code and link, wait until it is entered.\n\n"
        "The user enters the code on the dashboard; the same key then gains the read scope (and trade, if the "
        "user grants it). An expired code is replaced by a new one. The code goes to stderr (a JSON line with "
        "--json), the claimed agent to stdout. --name defaults to the agent's display name. Scope: research.",
    )


def backtest_run_command() -> click.Command:
    params = operation_options("execute_backtest")
    params += [
        body_option(),
        dry_run_option(),
        click.Option(["--wait/--no-wait", "wait"], default=False, help="Wait for the result (progress on stderr)."),
        _seconds("--timeout", 900.0, "With --wait: cancel the job and give up after this many seconds."),
        _seconds(
            "--poll-interval", 1.0, "With --wait: seconds before the second status check (then 1.5 times longer)."
        ),
        *output_options(),
        *connection_options(),
    ]
    return _command(
        "run",
        backtest_run,
        params,
        "Run a backtest; with --wait, wait for it and print its metrics and dashboard URL.\n\n"
        "Takes execute-backtest's options (the script with --script @FILE). With --wait a progress bar is drawn "
        "on stderr, Ctrl-C cancels the job on the server, and the result is the backtest and result IDs, the "
        "dashboard URL and the metrics. Without --wait it prints the queued job. Scope: research.",
    )


def _aware_time(ctx: click.Context, param: click.Parameter, value: str | None) -> datetime | None:
    if value is None:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not an ISO 8601 time (2026-03-01T12:00:00Z)") from None
    if moment.utcoffset() is None:
        raise click.BadParameter(f"{value!r} has no time zone: add Z or +00:00")
    return moment


def follow_command() -> click.Command:
    params: list[click.Parameter] = [
        click.Argument(["strategy_id"], required=False, metavar="STRATEGY"),
        click.Option(["--subscription", "subscription_id"], metavar="ID", help="Follow this subscription instead."),
        click.Option(
            ["--since"],
            metavar="TIME",
            callback=_aware_time,
            help="Start after this time, ISO 8601 with a zone (default: after the newest signal so far).",
        ),
        click.Option(["--max-signals"], type=click.IntRange(min=1), help="Stop after this many signals."),
        _seconds("--timeout", None, "Stop after this many seconds."),
        _seconds("--poll-interval", 10.0, "Seconds between two polls."),
        *output_options(),
        *connection_options(),
    ]
    return _command(
        "follow",
        follow,
        params,
        "Print a live strategy's new signals as they come, one JSON line each, never one twice.\n\n"
        "STRATEGY is a live strategy ID (`heytraders live-strategies list-live-strategies`): its active "
        "subscription is used, or one is created in signal mode. Rate limits and dropped connections are "
        "waited out. Stops after --max-signals, --timeout or Ctrl-C. Scope: research.",
    )


def signals_group() -> click.Group:
    group = click.Group(
        name="signals", help="Follow live signals as they come.", short_help="Follow live signals as they come."
    )
    group.add_command(follow_command())
    return group


def config_group() -> click.Group:
    group = click.Group(
        name="config",
        help="Where the API key and base URL come from, and the profiles of the config file.\n\n"
        "Precedence: flags (--base-url, --api-key-stdin), then HEYTRADERS_API_KEY and HEYTRADERS_BASE_URL, then "
        "the --profile (default 'default') of config.toml in the platform's config directory "
        "(HEYTRADERS_CONFIG_DIR overrides it).",
        short_help="Show or save the API key and base URL (profiles).",
        context_settings=SETTINGS,
    )
    group.add_command(
        _command(
            "show",
            config_show,
            [*output_options(), *connection_options()],
            "Show the settings a command would use and where each comes from (the key masked).",
        )
    )
    group.add_command(
        _command(
            "save",
            config_save,
            [*output_options(), *connection_options()],
            "Save a key (from --api-key-stdin) and/or a --base-url in a profile of the config file (mode 0600).",
        )
    )
    return group


def completion_command() -> click.Command:
    return click.Command(
        name="completion",
        callback=completion,
        params=[click.Argument(["shell"], type=click.Choice(["bash", "zsh", "fish"]))],
        help="Print the shell completion script.\n\n\b\n"
        '  bash: eval "$(heytraders completion bash)"   (in ~/.bashrc)\n'
        '  zsh:  eval "$(heytraders completion zsh)"    (in ~/.zshrc)\n'
        "  fish: heytraders completion fish > ~/.config/fish/completions/heytraders.fish",
        short_help="Print the shell completion script (bash, zsh, fish).",
        context_settings=SETTINGS,
    )


TOP_LEVEL: dict[str, Callable[[], click.Command]] = {
    "register": register_command,
    "claim": claim_command,
    "signals": signals_group,
    "config": config_group,
    "completion": completion_command,
}
# Workflows inside API groups. `meta register-agent` is the register workflow: the key it returns is shown
# only once, and the command line prints keys masked, so it must be saved, never just printed.
IN_GROUPS: dict[str, dict[str, Callable[[], click.Command]]] = {
    "backtest": {"run": backtest_run_command},
    "market": {"ohlcv-range": ohlcv_range_command},
    "meta": {"register-agent": lambda: register_command("register-agent")},
}


def top_level(name: str) -> click.Command:
    return TOP_LEVEL[name]()


def group_commands(tag: str) -> list[str]:
    return list(IN_GROUPS.get(tag, {}))


def group_command(tag: str, name: str) -> click.Command | None:
    factory = IN_GROUPS.get(tag, {}).get(name)
    return factory() if factory is not None else None
