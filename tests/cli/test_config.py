"""Where the key and base URL come from: flags, then the environment, then a profile of the config file."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from heytraders_cli.config import config_dir, mask, profile_writer, read_profiles, render

from tests.cli.conftest import AppSandbox, Runner


def write_profiles(directory: Path, profiles: dict[str, dict[str, str]]) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "config.toml").write_text(render(profiles), encoding="utf-8")


def show(run: Runner, *args: str, **env: str) -> dict[str, str]:
    result = run("config", "show", *args, "--json", env=env)
    assert result.exit_code == 0, result
    shown: dict[str, str] = result.json()
    return shown


def test_precedence_is_flags_then_environment_then_profile(run: Runner) -> None:
    write_profiles(
        run.config_dir,
        {
            "default": {"api_key": "ht_test_profile_default_0001", "base_url": "http://profile.invalid/api/v1"},
            "other": {"api_key": "ht_test_profile_other_00002", "base_url": "http://other.invalid/api/v1"},
        },
    )
    run.secrets |= {"ht_test_profile_default_0001", "ht_test_profile_other_00002", "ht_test_from_stdin_000003"}
    assert show(run)["api_key_source"].startswith("profile default")
    assert show(run)["base_url"] == "http://profile.invalid/api/v1"
    other = show(run, "--profile", "other")
    assert other["api_key"] == "ht_test_…0002" and other["base_url"] == "http://other.invalid/api/v1"
    environment = {"HEYTRADERS_API_KEY": "ht_test_from_env_0000004", "HEYTRADERS_BASE_URL": "http://env.invalid/v1"}
    run.secrets.add(environment["HEYTRADERS_API_KEY"])
    from_env = show(run, "--profile", "other", **environment)
    assert (from_env["api_key_source"], from_env["base_url"]) == ("HEYTRADERS_API_KEY", "http://env.invalid/v1")
    result = run(
        "--base-url", "http://flag.invalid/v1", "config", "show", "--api-key-stdin", "--json",
        input="ht_test_from_stdin_000003\n", env=environment,
    )  # fmt: skip
    flags = result.json()
    assert (flags["api_key_source"], flags["api_key"]) == ("stdin", "ht_test_…0003")
    assert (flags["base_url_source"], flags["base_url"]) == ("--base-url", "http://flag.invalid/v1")


def test_the_saved_key_is_used_and_never_printed(run: Runner, app: AppSandbox) -> None:
    key = app.key().api_key
    run.secrets.add(key)
    write_profiles(run.config_dir, {"sandbox": {"api_key": key, "base_url": app.base_url}})
    agent = run("--profile", "sandbox", "meta", "get-my-agent", "--json")  # the flag before the group works too
    assert agent.exit_code == 0, agent
    assert run("meta", "get-my-agent", "--profile", "sandbox", "--table").exit_code == 0


def test_an_unknown_profile_is_an_error_naming_how_to_create_it(run: Runner) -> None:
    result = run("meta", "get-my-agent", "--profile", "nope", "--json")
    assert result.exit_code == 2
    assert "heytraders register --profile nope" in result.error()["suggestion"]
    bad = run("meta", "get-my-agent", "--profile", "../etc", "--json")
    assert bad.exit_code == 2 and bad.error()["code"] == "CONFIG_ERROR"


def test_a_broken_config_file_is_a_clear_error(run: Runner) -> None:
    run.config_dir.mkdir(parents=True)
    (run.config_dir / "config.toml").write_text("[profiles.default\n", encoding="utf-8")
    result = run("config", "show")
    assert result.exit_code == 2 and "cannot read" in result.stderr and "Traceback" not in result.stderr


def test_profiles_are_written_privately_and_atomically(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "config.toml"
    with profile_writer(path) as write:
        write("default", {"api_key": 'ht_"quoted"\\key\x7f'})
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert read_profiles(path) == {"default": {"api_key": 'ht_"quoted"\\key\x7f'}}
    with pytest.raises(RuntimeError), profile_writer(path) as write:
        write("other", {"api_key": "ht_never"})
        raise RuntimeError("the registration failed")
    assert set(read_profiles(path)) == {"default"}  # unchanged, no temporary file left
    assert sorted(p.name for p in path.parent.iterdir()) == ["config.toml"]


def test_the_config_directory_follows_the_platform_and_the_override(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("HEYTRADERS_CONFIG_DIR", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", "/tmp/xdg-test")
    assert config_dir() == Path("/tmp/xdg-test/heytraders")
    monkeypatch.setenv("HEYTRADERS_CONFIG_DIR", "/tmp/elsewhere")
    assert config_dir() == Path("/tmp/elsewhere")


def test_a_key_is_masked_to_its_prefix_and_last_four() -> None:
    assert mask("ht_prov_9f2c4e7a1b3d5f60a8c2e4b6d8f01357") == "ht_prov_…1357"
    assert mask("short") == "…"
    assert mask(None) is None
