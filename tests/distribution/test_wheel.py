"""The wheel a user installs: what it holds, and what `heytraders-mock` does with and without the `mock` extra.

The wheel is built from this checkout with the project's own backend and installed into two fresh venvs (no
system site-packages, nothing of this repository on ``sys.path``): one with the core package only, one with
``heytraders[mock]``. Dependencies come from a wheelhouse in ``build/wheelhouse``, filled from the package index
on the first run (and again when the dependencies change), so later runs install offline.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
WHEELHOUSE = REPO_ROOT / "build" / "wheelhouse"
# Every top-level name the wheel may put into site-packages. Extend it when a new package joins the wheel.
EXPECTED_TOP_LEVEL = frozenset({"heytraders", "heytraders_mock", "heytraders_mcp", "heytraders_cli"})
INSTALL_EXTRA_LINE = "pip install 'heytraders[mock]'"
STEP_TIMEOUT = 120  # seconds for any one build, install or command: the test stops by itself
# Variables that would put something other than the fresh venv on sys.path.
LEAKY_VARIABLES = ("PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP", "PYTHONUSERBASE", "VIRTUAL_ENV")
MOCK_EXTRA_MODULES = ("starlette", "uvicorn", "yaml")
DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # the sandbox is on 127.0.0.1: no proxy


def run(*command: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {name: value for name, value in os.environ.items() if name not in LEAKY_VARIABLES}
    return subprocess.run(
        [str(part) for part in command], cwd=cwd, env=env, capture_output=True, text=True, timeout=STEP_TIMEOUT
    )


def check(result: subprocess.CompletedProcess[str]) -> subprocess.CompletedProcess[str]:
    assert result.returncode == 0, f"{' '.join(result.args)} failed:\n{result.stdout}\n{result.stderr}"
    return result


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    pip_wheel = (sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation")
    check(run(*pip_wheel, "--wheel-dir", out, REPO_ROOT, cwd=out))
    (built,) = out.glob("heytraders-*.whl")
    return built


@dataclass(frozen=True)
class FreshVenv:
    root: Path

    @property
    def python(self) -> Path:
        return self.root / "bin" / "python"

    def command(self, name: str, *args: str) -> subprocess.CompletedProcess[str]:
        return run(self.root / "bin" / name, *args, cwd=self.root)

    def python_code(self, code: str) -> subprocess.CompletedProcess[str]:
        # -I: isolated mode, neither the working directory nor PYTHON* variables reach sys.path.
        return run(self.python, "-I", "-c", code, cwd=self.root)


def fresh_venv(root: Path, wheel: Path, extras: str = "") -> FreshVenv:
    """A new venv without pip (this interpreter's pip installs into it) holding ``wheel`` and its ``extras``."""
    check(run(sys.executable, "-m", "venv", "--without-pip", root, cwd=root.parent))
    venv = FreshVenv(root)
    requirement = f"{wheel}[{extras}]" if extras else str(wheel)
    pip_install = (sys.executable, "-m", "pip", "--python", venv.python, "install", "--quiet")
    offline = run(*pip_install, "--no-index", "--find-links", WHEELHOUSE, requirement, cwd=root)
    if offline.returncode != 0:  # the wheelhouse lacks a dependency: fetch every one these tests need, once
        WHEELHOUSE.mkdir(parents=True, exist_ok=True)
        check(run(sys.executable, "-m", "pip", "download", "--quiet", "--dest", WHEELHOUSE, f"{wheel}[mock]", cwd=root))
        for own in WHEELHOUSE.glob("heytraders-*.whl"):  # only dependencies are kept; the wheel is built each run
            own.unlink()
        check(run(*pip_install, "--no-index", "--find-links", WHEELHOUSE, requirement, cwd=root))
    return venv


@pytest.fixture(scope="module")
def core_venv(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> FreshVenv:
    return fresh_venv(tmp_path_factory.mktemp("core") / "venv", wheel)


@pytest.fixture(scope="module")
def mock_venv(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> FreshVenv:
    return fresh_venv(tmp_path_factory.mktemp("mock") / "venv", wheel, "mock")


def test_the_wheel_holds_the_sdk_and_the_sandbox_and_nothing_else_at_top_level(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        (record_name,) = [name for name in names if name.endswith(".dist-info/RECORD")]
        recorded = [line.split(",")[0] for line in archive.read(record_name).decode().splitlines() if line]
    dist_info = record_name.split("/")[0]
    assert sorted(recorded) == sorted(names)
    top_level = {name.split("/")[0] for name in names} - {dist_info}
    assert top_level == EXPECTED_TOP_LEVEL, f"unexpected top-level names: {sorted(top_level ^ EXPECTED_TOP_LEVEL)}"
    # The installed sandbox serves the spec it was built with, from its own package.
    assert "heytraders_mock/heytraders.yaml" in names
    assert "heytraders/py.typed" in names and "heytraders_mock/py.typed" in names


def test_the_core_install_imports_the_sdk_and_has_no_generator(core_venv: FreshVenv) -> None:
    result = check(
        core_venv.python_code(
            "import importlib.util, heytraders\n"
            "client = heytraders.HeyTraders(api_key='ht_live_packaging', base_url='http://127.0.0.1:9/api/v1')\n"
            "print(type(client).__name__, heytraders.__file__)\n"
            f"print([name for name in {('generator', *MOCK_EXTRA_MODULES)} if importlib.util.find_spec(name)])"
        )
    )
    first, second = result.stdout.splitlines()
    assert first.startswith("HeyTraders ") and str(core_venv.root) in first  # the installed copy, not the checkout
    assert second == "[]"


@pytest.mark.parametrize("how", ["heytraders-mock", "python -m heytraders_mock"])
def test_the_mock_command_without_its_extra_prints_the_pip_line_that_fixes_it(core_venv: FreshVenv, how: str) -> None:
    if how == "heytraders-mock":
        result = core_venv.command("heytraders-mock", "--help")
    else:
        result = run(core_venv.python, "-I", "-m", "heytraders_mock", "--help", cwd=core_venv.root)
    assert result.returncode != 0
    assert INSTALL_EXTRA_LINE in result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert any(f"{module!r} is not installed" in result.stderr for module in MOCK_EXTRA_MODULES), result.stderr


def test_the_mock_command_with_its_extra_shows_its_usage(mock_venv: FreshVenv) -> None:
    result = check(mock_venv.command("heytraders-mock", "--help"))
    assert result.stdout.startswith("usage: heytraders-mock")
    assert "--frozen-clock" in result.stdout


def test_the_installed_sandbox_serves_without_the_generator(mock_venv: FreshVenv) -> None:
    assert mock_venv.python_code("import generator").returncode != 0
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [mock_venv.root / "bin" / "heytraders-mock", "--port", str(port), "--frozen-clock"],
        cwd=mock_venv.root,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        body = _wait_for(f"http://127.0.0.1:{port}/api/v1/meta/health", server, deadline=time.monotonic() + 30)
    finally:
        server.terminate()
        _, stderr = server.communicate(timeout=STEP_TIMEOUT)
    assert '"success":true' in body.replace(" ", ""), body
    assert "Traceback" not in stderr


def _wait_for(url: str, server: subprocess.Popen[str], deadline: float) -> str:
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"heytraders-mock exited with {server.returncode}")
        try:
            with DIRECT.open(url, timeout=2) as response:
                return str(response.read().decode())
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.1)
    pytest.fail(f"heytraders-mock did not answer {url} in time")
