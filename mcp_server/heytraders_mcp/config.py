"""Where the API key and base URL come from: the environment, else the ``heytraders`` command line's config file.

Never from a tool argument and never from a command-line flag (the process list shows flags). The
config file is the one the ``heytraders`` command line writes: ``config.toml`` in
``$HEYTRADERS_CONFIG_DIR``, else ``$XDG_CONFIG_HOME/heytraders``, else ``~/.config/heytraders``, with one
table per profile::

    [profiles.default]
    api_key = "ht_..."
    base_url = "https://hey-traders.com/api/v1"

It is read tolerantly: a missing file, profile or field simply gives nothing.
"""

from __future__ import annotations

import os
import stat
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

API_KEY_ENV = "HEYTRADERS_API_KEY"
BASE_URL_ENV = "HEYTRADERS_BASE_URL"
PROFILE_ENV = "HEYTRADERS_PROFILE"
CONFIG_DIR_ENV = "HEYTRADERS_CONFIG_DIR"
DEFAULT_PROFILE = "default"


@dataclass(frozen=True)
class Settings:
    """The connection settings the server runs with.

    Attributes:
        api_key: The key (never shown: not in the repr either).
        base_url: The API's base URL, or None for the SDK's default.
        key_source: Where the key came from, for the start-up line (never the key itself).
        warnings: Problems with the config file worth telling the user about.
    """

    api_key: str | None = field(default=None, repr=False)
    base_url: str | None = None
    key_source: str = "nowhere"
    warnings: tuple[str, ...] = ()


def config_file(environ: Mapping[str, str]) -> Path:
    if environ.get(CONFIG_DIR_ENV):
        return Path(environ[CONFIG_DIR_ENV]).expanduser() / "config.toml"
    base = Path(environ["XDG_CONFIG_HOME"]).expanduser() if environ.get("XDG_CONFIG_HOME") else Path.home() / ".config"
    return base / "heytraders" / "config.toml"


def read_profile(path: Path, profile: str) -> tuple[dict[str, Any], list[str]]:
    """The profile's table, and warnings; nothing (without a warning) when the file does not exist."""
    try:
        with path.open("rb") as handle:
            document = tomllib.load(handle)
        mode = path.stat().st_mode
    except FileNotFoundError:
        return {}, []
    except (OSError, tomllib.TOMLDecodeError) as problem:
        return {}, [f"could not read {path}: {type(problem).__name__}"]
    warnings = []
    if mode & (stat.S_IRWXG | stat.S_IRWXO):
        warnings.append(f"{path} can be read by other users; `chmod 600 {path}` keeps the key private")
    profiles = document.get("profiles")
    table = profiles.get(profile) if isinstance(profiles, dict) else None
    if not isinstance(table, dict):
        if profile != DEFAULT_PROFILE:
            warnings.append(f"{path} has no [profiles.{profile}] table")
        return {}, warnings
    return table, warnings


def load_settings(
    *, profile: str | None = None, base_url: str | None = None, environ: Mapping[str, str] | None = None
) -> Settings:
    """The key and base URL: the environment first, then the profile (``--profile``, ``HEYTRADERS_PROFILE``)."""
    env = os.environ if environ is None else environ
    chosen = profile or env.get(PROFILE_ENV) or DEFAULT_PROFILE
    path = config_file(env)
    table, warnings = read_profile(path, chosen)
    file_key = table.get("api_key") if isinstance(table.get("api_key"), str) else None
    file_url = table.get("base_url") if isinstance(table.get("base_url"), str) else None
    if env.get(API_KEY_ENV):
        api_key, source = env[API_KEY_ENV], API_KEY_ENV
    elif file_key:
        api_key, source = file_key, f"{path} [profiles.{chosen}]"
    else:
        api_key, source = None, "nowhere (public operations only)"
    return Settings(
        api_key=api_key,
        base_url=base_url or env.get(BASE_URL_ENV) or file_url,
        key_source=source,
        warnings=tuple(warnings),
    )
