"""Golden test: a small fixture spec generates exactly the committed tree.

A change to the generator shows up here as a readable diff of generated code.
After an intended change, refresh the tree with ``UPDATE_GOLDEN=1 pytest tests/generator/test_golden.py``
and review the diff like any other code change.
"""

from __future__ import annotations

import difflib
import os
import shutil
from pathlib import Path

from generator.__main__ import generate

HERE = Path(__file__).resolve().parent
FIXTURE = HERE / "fixture" / "spec.yaml"
OVERLAYS = HERE / "fixture" / "overlays"  # a fixed overlay, so the project's own helpers do not churn the tree
EXPECTED = HERE / "fixture" / "expected" / "heytraders"


RUNTIME = {path.name for path in (HERE.parent.parent / "generator" / "runtime").glob("_*.py")} - {"__init__.py"}


def tree(root: Path) -> dict[str, str]:
    """The rendered files (the runtime is copied verbatim and tested on its own, so it is left out)."""
    return {
        path.relative_to(root).as_posix(): path.read_text()
        for path in sorted(root.rglob("*"))
        if path.is_file() and path.relative_to(root).as_posix() not in RUNTIME
    }


def test_fixture_spec_generates_the_committed_tree(tmp_path: Path) -> None:
    out = tmp_path / "heytraders"
    generate(FIXTURE, out, OVERLAYS)
    if os.environ.get("UPDATE_GOLDEN"):
        shutil.rmtree(EXPECTED, ignore_errors=True)
        shutil.copytree(out, EXPECTED, ignore=lambda _, names: [name for name in names if name in RUNTIME])
    expected, actual = tree(EXPECTED), tree(out)
    assert sorted(actual) == sorted(expected), "generated files differ"
    diffs = [
        "".join(difflib.unified_diff(expected[name].splitlines(True), actual[name].splitlines(True), name, name))
        for name in expected
        if expected[name] != actual[name]
    ]
    assert not diffs, "\n".join(diffs)


def test_generation_is_deterministic(tmp_path: Path) -> None:
    generate(FIXTURE, tmp_path / "first" / "heytraders", OVERLAYS)
    generate(FIXTURE, tmp_path / "second" / "heytraders", OVERLAYS)
    assert tree(tmp_path / "first" / "heytraders") == tree(tmp_path / "second" / "heytraders")


def test_every_generated_file_says_it_is_generated() -> None:
    for name, text in tree(EXPECTED).items():
        if name.endswith(".py"):
            assert text.startswith("# Generated from tests/generator/fixture/spec.yaml by `make generate`."), name
