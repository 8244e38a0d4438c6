"""Where the key comes from: the environment, else the command line's config file; never shown."""

from __future__ import annotations

import os
from pathlib import Path

from heytraders_mcp.config import load_settings

KEY = "ht_live_config_file_0123456789"


def write_config(directory: Path, text: str, mode: int = 0o600) -> Path:
    path = directory / "config.toml"
    path.write_text(text)
    os.chmod(path, mode)
    return path


def test_the_environment_wins_over_the_config_file(tmp_path: Path) -> None:
    write_config(tmp_path, f'[profiles.default]\napi_key = "{KEY}"\nbase_url = "http://file/api/v1"\n')
    env = {"HEYTRADERS_CONFIG_DIR": str(tmp_path), "HEYTRADERS_API_KEY": "ht_from_env_000000000"}
    settings = load_settings(environ=env)
    assert settings.api_key == "ht_from_env_000000000" and settings.key_source == "HEYTRADERS_API_KEY"
    assert settings.base_url == "http://file/api/v1"
    assert load_settings(environ={**env, "HEYTRADERS_BASE_URL": "http://env"}, base_url="http://flag").base_url == (
        "http://flag"
    )


def test_a_profile_of_the_xdg_config_file_gives_the_key_and_says_where_it_came_from(tmp_path: Path) -> None:
    directory = tmp_path / "heytraders"
    directory.mkdir()
    path = write_config(directory, f'[profiles.default]\napi_key = "x"\n\n[profiles.paper]\napi_key = "{KEY}"\n')
    settings = load_settings(profile="paper", environ={"XDG_CONFIG_HOME": str(tmp_path)})
    assert settings.api_key == KEY and settings.key_source == f"{path} [profiles.paper]"
    assert load_settings(environ={"XDG_CONFIG_HOME": str(tmp_path), "HEYTRADERS_PROFILE": "paper"}).api_key == KEY
    assert KEY not in repr(settings) and settings.warnings == ()


def test_the_config_file_is_read_tolerantly(tmp_path: Path) -> None:
    env = {"HEYTRADERS_CONFIG_DIR": str(tmp_path)}
    assert load_settings(environ=env).api_key is None  # no file: public operations only, no warning
    assert load_settings(environ=env).warnings == ()
    write_config(tmp_path, "[profiles.default\napi_key = ")
    broken = load_settings(environ=env)
    assert broken.api_key is None and "could not read" in broken.warnings[0]
    write_config(tmp_path, f'[profiles.default]\napi_key = "{KEY}"\n', mode=0o644)
    shared = load_settings(environ=env)
    assert shared.api_key == KEY and "chmod 600" in shared.warnings[0]
    missing = load_settings(profile="nope", environ=env)
    assert missing.api_key is None and any("[profiles.nope]" in warning for warning in missing.warnings)
    assert all(KEY not in warning for warning in (*broken.warnings, *shared.warnings, *missing.warnings))
