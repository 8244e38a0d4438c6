"""Where the API key and base URL come from: flags, then the environment, then a profile in the config file.

The config file is ``config.toml`` in the platform's config directory (``$XDG_CONFIG_HOME/heytraders``
on Linux, ``~/Library/Application Support/heytraders`` on macOS, ``%APPDATA%\\heytraders`` on
Windows; ``HEYTRADERS_CONFIG_DIR`` overrides it). It holds API keys, so it is written with mode 0600
(its directory 0700), atomically, and a key is never printed in full::

    [profiles.default]
    api_key = "ht_prov_..."
    base_url = "https://hey-traders.com/api/v1"

A key never comes from a command-line flag, where the process list would show it: it comes from
``HEYTRADERS_API_KEY``, from the config file, or from stdin with ``--api-key-stdin``.
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
import tempfile
import tomllib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import click

from heytraders_cli.errors import EXIT_USAGE, CliError

ENV_API_KEY = "HEYTRADERS_API_KEY"
ENV_BASE_URL = "HEYTRADERS_BASE_URL"
ENV_CONFIG_DIR = "HEYTRADERS_CONFIG_DIR"
DEFAULT_PROFILE = "default"
CONFIG_NAME = "config.toml"
PROFILE_NAME = re.compile(r"[A-Za-z0-9_-]{1,64}")
PROFILE_FIELDS = ("api_key", "base_url")

Profiles = dict[str, dict[str, str]]


def config_dir() -> Path:
    override = os.environ.get(ENV_CONFIG_DIR)
    return Path(override).expanduser() if override else Path(click.get_app_dir("heytraders"))


def config_path() -> Path:
    return config_dir() / CONFIG_NAME


def config_error(message: str, suggestion: str | None = None) -> CliError:
    return CliError(message, exit_code=EXIT_USAGE, code="CONFIG_ERROR", suggestion=suggestion)


def read_profiles(path: Path) -> Profiles:
    """Every profile of the config file (none when it does not exist)."""
    try:
        with path.open("rb") as handle:
            document = tomllib.load(handle)
    except FileNotFoundError:
        return {}
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise config_error(f"cannot read {path}: {error}", "Fix or remove the file.") from None
    profiles = document.get("profiles", {})
    if not isinstance(profiles, dict):
        raise config_error(f"{path}: [profiles] must be a table of profiles")
    result: Profiles = {}
    for name, values in profiles.items():
        if not isinstance(values, dict):
            raise config_error(f"{path}: profile {name!r} must be a table")
        result[name] = {key: str(value) for key, value in values.items() if key in PROFILE_FIELDS}
    return result


def mask(secret: str | None) -> str | None:
    """A key shown without giving it away: its prefix and last four characters (``ht_prov_…1357``)."""
    if not secret:
        return None
    parts = secret.split("_", 2)
    prefix = f"{parts[0]}_{parts[1]}_" if len(parts) == 3 and len(parts[0]) + len(parts[1]) <= 10 else ""
    return f"{prefix}…{secret[-4:]}" if len(secret) > len(prefix) + 8 else "…"


@dataclass(frozen=True)
class Settings:
    """What a command connects with, and where each value came from (for ``heytraders config show``)."""

    profile: str
    api_key: str | None
    base_url: str | None
    api_key_source: str
    base_url_source: str


def check_profile_name(name: str) -> str:
    if not PROFILE_NAME.fullmatch(name):
        raise config_error(
            f"profile names are 1 to 64 letters, digits, '-' or '_'; got {name!r}", "Pick another --profile."
        )
    return name


def read_key_from_stdin() -> str:
    """The key for ``--api-key-stdin``: typed without echo on a terminal, else the first line of stdin."""
    typed = sys.stdin.isatty()
    key = (str(click.prompt("API key", hide_input=True, err=True)) if typed else sys.stdin.readline()).strip()
    if not key:
        raise config_error("--api-key-stdin read an empty key", 'Pipe the key in: printf %s "$KEY" | heytraders ...')
    return key


def resolve(
    *,
    profile: str | None,
    base_url: str | None,
    api_key_stdin: bool,
    environ: Mapping[str, str] = os.environ,
    read_key: Callable[[], str] = read_key_from_stdin,
    creating: bool = False,
) -> Settings:
    """Settings by precedence: flags, then ``HEYTRADERS_API_KEY`` / ``HEYTRADERS_BASE_URL``, then the profile.

    A ``--profile`` that does not exist is an error, unless the command is ``creating`` it.
    """
    name = check_profile_name(profile or DEFAULT_PROFILE)
    path = config_path()
    profiles = read_profiles(path)
    if profile is not None and name not in profiles and not creating:
        raise config_error(
            f"there is no profile {name!r} in {path}",
            f"Create it with `heytraders register --profile {name} --name NAME` or "
            f"`heytraders config save --profile {name} --api-key-stdin`.",
        )
    stored = profiles.get(name, {})
    where = f"profile {name} ({path})"
    key, key_source = None, "none"
    if api_key_stdin:
        key, key_source = read_key(), "stdin"
    elif environ.get(ENV_API_KEY):
        key, key_source = environ[ENV_API_KEY], ENV_API_KEY
    elif stored.get("api_key"):
        key, key_source = stored["api_key"], where
    url, url_source = None, "default"
    if base_url:
        url, url_source = base_url, "--base-url"
    elif environ.get(ENV_BASE_URL):
        url, url_source = environ[ENV_BASE_URL], ENV_BASE_URL
    elif stored.get("base_url"):
        url, url_source = stored["base_url"], where
    return Settings(name, key, url, key_source, url_source)


def _toml_string(value: str) -> str:
    # A TOML basic string: JSON's escapes are TOML's, except that TOML also wants DEL escaped.
    import json

    return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")


def render(profiles: Profiles) -> str:
    lines = ["# heytraders command line profiles: API keys live here, so keep this file private (mode 0600)."]
    for name in sorted(profiles):
        lines += ["", f"[profiles.{check_profile_name(name)}]"]
        lines += [f"{key} = {_toml_string(value)}" for key, value in profiles[name].items() if key in PROFILE_FIELDS]
    return "\n".join(lines) + "\n"


@contextlib.contextmanager
def profile_writer(path: Path) -> Iterator[Callable[[str, Mapping[str, str]], None]]:
    """Update profiles atomically in a private file; the file is claimed before the caller does anything.

    The temporary file beside the config (created 0600 by ``mkstemp``) exists before, say, a
    registration is spent, so a config that cannot be written fails first; it replaces the config only
    once written, and disappears if the caller fails.
    """
    directory = path.parent
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=directory)
    written = False

    def write(name: str, values: Mapping[str, str]) -> None:
        nonlocal written
        profiles = read_profiles(path)
        profiles[check_profile_name(name)] = {**profiles.get(name, {}), **values}
        os.write(descriptor, render(profiles).encode())
        os.fsync(descriptor)
        written = True

    try:
        yield write
    except BaseException:
        os.close(descriptor)
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    os.close(descriptor)
    if written:
        os.replace(temporary, path)
    else:
        os.unlink(temporary)
