"""``python -m generator``: turn spec/heytraders.yaml into the ``heytraders`` package in generated/.

Steps: load and check the spec; build the intermediate model; generate the
pydantic models with datamodel-code-generator; render the Jinja2 templates;
copy the hand-written runtime; format everything with ruff. The same inputs
always give byte-identical output.
"""

from __future__ import annotations

import argparse
import ast
import dataclasses
import pprint
import shutil
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path
from typing import Any

import jinja2

from generator.catalog import build_catalog
from generator.cli_manifest import build_manifest, render_manifest
from generator.ir import ClientModel, Resource, build_client_model
from generator.models import generate_models
from generator.skill import render_skill
from generator.spec import SPEC_PATH, check_spec, load_spec

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = Path(__file__).resolve().parent / "templates"
RUNTIME = Path(__file__).resolve().parent / "runtime"
OVERLAYS = ROOT / "overlays" / "heytraders" / "lib"
DEFAULT_OUTPUT = ROOT / "generated" / "heytraders"
PACKAGE_VERSION = "0.1.0"


def header_for(spec_path: Path) -> str:
    try:
        shown = spec_path.resolve().relative_to(ROOT)
    except ValueError:
        shown = Path(spec_path.name)
    return f"# Generated from {shown.as_posix()} by `make generate`. Do not edit: change the spec or the generator."


def pyrepr(value: Any) -> str:
    """A Python literal of ``value``, stable across runs (dict order kept), for ruff to lay out."""
    return pprint.pformat(value, width=10_000, sort_dicts=False)


def wrap(text: str, first_column: int, indent: int, width: int = 116) -> str:
    """Fill prose to ``width`` columns (room left for closing quotes): the first line starts at ``first_column``.

    Lists, tables and code blocks keep their lines.
    """
    out: list[str] = []
    for number, paragraph in enumerate(text.split("\n\n")):
        lines = paragraph.splitlines()
        start = " " * (first_column if number == 0 else indent)
        if any(line.lstrip().startswith(("-", "*", "|", "```", "    ")) for line in lines):
            out.append("\n".join(" " * indent + line if line else line for line in lines))
        else:
            filled = textwrap.fill(" ".join(lines), width=width, initial_indent=start, subsequent_indent=" " * indent)
            out.append(filled)
    return "\n\n".join(out).lstrip(" ")


def pystring(text: str) -> str:
    """A string literal, split into implicitly joined pieces when long, so lines stay short."""
    return pprint.pformat(text, width=96)


def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        autoescape=False,
    )
    env.filters["pyrepr"] = pyrepr
    env.filters["wrap"] = wrap
    env.filters["pystring"] = pystring
    return env


def overlay_helpers(resource: Resource, overlays: Path) -> bool:
    """Whether ``overlays/heytraders/lib/<group>.py`` defines both helper classes for this group."""
    module = overlays / f"{resource.attribute}.py"
    if not module.exists():
        return False
    classes = {
        node.name for node in ast.parse(module.read_text(encoding="utf-8")).body if isinstance(node, ast.ClassDef)
    }
    wanted = {f"{resource.class_name}Helpers", f"Async{resource.class_name}Helpers"}
    if classes & wanted and not wanted <= classes:
        raise SystemExit(f"{module} must define both {sorted(wanted)}")
    return wanted <= classes


def overlay_exports(overlays: Path) -> dict[str, list[str]]:
    """What each overlay module lists in ``__all__``, minus the ``*Helpers`` mixins the client groups inherit.

    These names (helper exceptions, result types, functions such as ``verify_webhook``) are
    re-exported from ``heytraders`` itself, so users catch and call them without knowing the layout.
    """
    exports: dict[str, list[str]] = {}
    for module in sorted(overlays.glob("*.py")) if overlays.is_dir() else []:
        for node in ast.parse(module.read_text(encoding="utf-8")).body:
            if not (isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "__all__" for t in node.targets)):
                continue
            names = ast.literal_eval(node.value)
            public = sorted(name for name in names if not name.endswith("Helpers"))
            if public:
                exports[module.stem] = public
    return exports


def render_package(
    model: ClientModel, spec_path: Path, out: Path, overlays: Path = OVERLAYS, spec: dict[str, Any] | None = None
) -> dict[str, Any]:
    """Write the package; returns the CLI manifest it holds (SKILL.md is rendered from it too)."""
    env = environment()
    header = header_for(spec_path)
    exports = overlay_exports(overlays)
    context = {"model": model, "header": header, "package_version": PACKAGE_VERSION, "overlay_exports": exports}

    def render(template: str, target: Path, **extra: Any) -> None:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(env.get_template(template).render(**context, **extra), encoding="utf-8")

    spec = load_spec(spec_path) if spec is None else spec
    render("__init__.py.jinja", out / "__init__.py")
    render("_version.py.jinja", out / "_version.py")
    render("_client.py.jinja", out / "_client.py")
    render("_operations.py.jinja", out / "_operations.py")
    render("_catalog.py.jinja", out / "_catalog.py", catalog=build_catalog(spec, model))
    render("errors.py.jinja", out / "errors.py")
    render("resources__init__.py.jinja", out / "resources" / "__init__.py")
    render("_endpoints__init__.py.jinja", out / "_endpoints" / "__init__.py")
    for resource in model.resources:
        resource = dataclasses.replace(resource, helpers=overlay_helpers(resource, overlays))
        render("_endpoints.py.jinja", out / "_endpoints" / f"{resource.attribute}.py", resource=resource)
        render("resource.py.jinja", out / "resources" / f"{resource.attribute}.py", resource=resource)
    # Hand-written helpers join the package as heytraders.lib (one import root for mypy, wheels and editable installs).
    if overlays.is_dir():
        render("lib__init__.py.jinja", out / "lib" / "__init__.py")
        for module in sorted(overlays.glob("*.py")):
            source = module.read_text(encoding="utf-8")
            relative = module.relative_to(ROOT).as_posix() if module.is_relative_to(ROOT) else module.name
            (out / "lib" / module.name).write_text(f"{header}\n# (copied from {relative})\n{source}")
    rows = {row.name: env.get_template("row.py.jinja").render(row=row) for row in model.rows}
    models = generate_models(spec_path, header, rows, containers=model.row_containers)
    (out / "models.py").write_text(models, encoding="utf-8")
    # What the `heytraders` command line builds its commands from, readable without importing the SDK.
    manifest = build_manifest(spec, model, header, PACKAGE_VERSION)
    (out / "_cli_manifest.json").write_text(render_manifest(manifest), encoding="utf-8")
    for module in sorted(RUNTIME.glob("_*.py")):
        if module.name == "__init__.py":
            continue
        source = module.read_text(encoding="utf-8")
        (out / module.name).write_text(f"{header}\n# (copied from generator/runtime/{module.name})\n{source}")
    (out / "py.typed").write_text("")
    return manifest


def format_tree(path: Path) -> None:
    ruff = [sys.executable, "-m", "ruff"]
    config = ["--config", str(ROOT / "pyproject.toml")]
    subprocess.run([*ruff, "check", "--fix-only", "--quiet", *config, str(path)], check=True)
    subprocess.run([*ruff, "format", "--quiet", *config, str(path)], check=True)


def generate(spec_path: Path, out: Path, overlays: Path = OVERLAYS, skill: Path | None = None) -> None:
    """Generate the package into ``out`` and, when ``skill`` is given, the agent skill document there."""
    spec = load_spec(spec_path)
    problems = check_spec(spec)
    if problems:
        raise SystemExit("the spec has problems:\n" + "\n".join(problems))
    model = build_client_model(spec)
    # Render into a scratch directory and swap it in whole, so a failure never leaves a half-written package.
    with tempfile.TemporaryDirectory() as scratch:
        staged = Path(scratch) / out.name
        manifest = render_package(model, spec_path, staged, overlays, spec)
        format_tree(staged)
        if skill is not None:
            skill.parent.mkdir(parents=True, exist_ok=True)
            skill.write_text(render_skill(spec, model, manifest, header_for(spec_path)), encoding="utf-8")
        if out.exists():
            shutil.rmtree(out)
        out.parent.mkdir(parents=True, exist_ok=True)
        shutil.copytree(staged, out)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__.splitlines()[0])
    parser.add_argument("--spec", type=Path, default=SPEC_PATH, help="the OpenAPI document")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUTPUT, help="the package directory to write")
    parser.add_argument("--skill", type=Path, help="where to write SKILL.md (default: beside the package)")
    args = parser.parse_args(argv)
    skill = args.skill or args.out.parent / "SKILL.md"
    generate(args.spec, args.out, skill=skill)
    print(f"generated {args.out} and {skill}")


if __name__ == "__main__":
    main()
