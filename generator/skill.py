"""``SKILL.md``: the API as a skill for AI agents, driving the ``heytraders`` command line.

Rendered by ``make generate`` from the spec (through the same intermediate model and CLI manifest
as the client and the command line) with ``templates/SKILL.md.jinja``, in the form of the API's own
skill documents: YAML frontmatter with ``name``, ``description`` and metadata requiring the
``heytraders`` binary, then the quick start, every command with its scope, the error codes, the
exchange rules, the workflows and the documents' ``curl | jq`` recipes as commands.
``tests/cli/test_skill.py`` runs every command of the rendered file against the sandbox.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import jinja2
from heytraders_cli.errors import EXIT_CODES, exit_code_for_status

from generator.cli_manifest import example_command, plain
from generator.ir import ClientModel

TEMPLATES = Path(__file__).resolve().parent / "templates"


def _scope(entry: Mapping[str, Any]) -> str:
    if entry["public"]:
        return "public"
    text = str(entry["scope"])
    for extra in entry["conditional_scopes"]:
        text += f"; {extra['scope']} with `{extra['when']}`"
    return text + (" (key optional)" if entry["key_optional"] else "")


def _required(entry: Mapping[str, Any]) -> str:
    return " ".join(f"{param['option']} {param['name'].upper()}" for param in entry["params"] if param["required"])


def groups(model: ClientModel, manifest: Mapping[str, Any]) -> list[dict[str, Any]]:
    operations = manifest["operations"]
    result = []
    for resource in model.resources:
        commands = []
        for operation in resource.operations:
            entry = operations[operation.operation_id]
            commands.append(
                {
                    "name": entry["command"] + (f" ({entry['alias']})" if entry["alias"] else ""),
                    "scope": _scope(entry),
                    "required": _required(entry),
                    "summary": entry["summary"].rstrip("."),
                    "example": example_command(entry),
                }
            )
        result.append({"tag": resource.tag, "description": resource.description, "commands": commands})
    return result


def rules(model: ClientModel, manifest: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Every request rule once, with the commands it applies to; the exchange rules (those whose
    condition reads ``exchange``) first."""
    found: dict[str, dict[str, Any]] = {}
    for resource in model.resources:
        for operation in resource.operations:
            entry = manifest["operations"][operation.operation_id]
            for rule in operation.rules:
                item = found.setdefault(
                    rule.id,
                    {
                        "id": rule.id,
                        "option": _rule_option(rule.parameter),
                        "description": " ".join(plain(rule.description).split()),
                        "exchange": "exchange" in json.dumps(rule.if_),
                        "commands": [],
                    },
                )
                item["commands"].append(f"{entry['group']} {entry['command']}")
    return sorted(found.values(), key=lambda item: (not item["exchange"], item["id"]))


def _rule_option(parameter: str) -> str:
    """``price`` → ``--price``; a field of an object option, ``grid.upper_price`` → ``--grid (upper_price)``."""
    option, _, field = parameter.partition(".")
    return "--" + option.replace("_", "-") + (f" ({field})" if field else "")


def exchanges(spec: Mapping[str, Any]) -> list[dict[str, str]]:
    table = spec["components"]["schemas"]["Exchange"].get("x-exchanges", {})
    return [
        {"id": exchange, "name": str(info["name"]), "market_type": str(info["default_market_type"])}
        for exchange, info in table.items()
    ]


def errors(model: ClientModel) -> list[dict[str, Any]]:
    return [
        {
            "code": error.code,
            "status": error.status,
            "exit_code": exit_code_for_status(error.status),
            "description": " ".join(plain(error.description).split()),
        }
        for error in model.errors
    ]


def _description(spec: Mapping[str, Any], schema: str) -> str:
    return " ".join(str(spec["components"]["schemas"][schema].get("description", "")).split())


def render_skill(spec: Mapping[str, Any], model: ClientModel, manifest: Mapping[str, Any], header: str) -> str:
    """The SKILL.md text. Markdown tables and code blocks are line-exact, so blocks trim their own lines."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=False,
    )
    context = {
        "generated_from": header.lstrip("# "),
        "title": model.title,
        "base_url": model.base_url,
        "summary": " ".join(str(spec["info"].get("summary", "")).split()),
        "groups": groups(model, manifest),
        "rules": rules(model, manifest),
        "exchanges": exchanges(spec),
        "errors": errors(model),
        "exit_codes": sorted(EXIT_CODES.items()),
        "symbol": _description(spec, "Symbol"),
        "universe_ticker": _description(spec, "UniverseTicker"),
    }
    return env.get_template("SKILL.md.jinja").render(**context)
