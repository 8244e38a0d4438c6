"""The command line's view of the API: one entry per operation, read by ``heytraders`` at start-up.

``heytraders --help`` must not import the SDK (httpx and pydantic cost more than the rest of the
command line), so ``make generate`` writes what the CLI needs to build its commands and parse their
options into ``generated/heytraders/_cli_manifest.json``: each operation's group, command name,
help, scope, flags, and each parameter's option, kind, choices, default and help. The CLI validates
nothing itself: it hands the parsed options to the SDK, whose validation, retries and order safety
apply. Built from the same intermediate model as the client, so the two cannot disagree.
"""

from __future__ import annotations

import json
import shlex
from collections.abc import Iterator, Mapping
from typing import Any

from generator.ir import ClientModel, ClientOperation, Parameter, Resource
from generator.runtime._validation import decimal_form
from generator.spec import Operation, iter_operations, json_body_schema, parameters_of, resolve

# A free-text string at least this long (or unbounded) may be read from a file: `--script @rsi.dsl`.
LONG_TEXT = 1000
# The page fields the generated `list_all_*` methods read (see templates/_endpoints.py.jinja).
PAGE_FIELDS = {"offset": {"total": "total"}, "cursor": {"next": "next_cursor", "cursor": "cursor"}}
SCALAR_KINDS = {"integer": "integer", "number": "number", "boolean": "boolean", "string": "string"}


def command_name(operation_id: str) -> str:
    """``get_ticker`` → ``get-ticker``: the command of an operation in its group."""
    return operation_id.replace("_", "-")


def option_name(parameter: str) -> str:
    return "--" + parameter.replace("_", "-")


def group_nouns(tag: str) -> set[str]:
    """The words a group's name stands for: ``orders`` → {order, orders}; ``live-strategies`` → {}."""
    if "-" in tag:
        return set()
    singular = tag.removesuffix("s")
    return {singular, singular + "s"}


def short_alias(operation_id: str, tag: str) -> str | None:
    """``place_order`` in ``orders`` → ``place``: a verb and the group's own noun need only the verb."""
    words = operation_id.split("_")
    if len(words) == 2 and words[1] in group_nouns(tag):
        return words[0]
    return None


def _types(schema: Mapping[str, Any]) -> list[str]:
    """Every JSON type a schema accepts, across ``type`` lists and ``oneOf``/``anyOf`` branches, null left out."""
    found: list[str] = []
    declared = schema.get("type")
    for name in [declared] if isinstance(declared, str) else list(declared or []):
        found.append(str(name))
    if "enum" in schema and not declared:
        found.extend(type_of(value) for value in schema["enum"] if value is not None)
    for keyword in ("oneOf", "anyOf"):
        for branch in schema.get(keyword, ()):
            found.extend(_types(branch))
    return [name for index, name in enumerate(found) if name != "null" and name not in found[:index]]


def type_of(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    return "string"


def _branch(schema: Mapping[str, Any], kind: str) -> Mapping[str, Any]:
    """The part of a schema that accepts ``kind`` (the schema itself unless it is a ``oneOf``/``anyOf``)."""
    for keyword in ("oneOf", "anyOf"):
        for branch in schema.get(keyword, ()):
            if kind in _types(branch):
                return _branch(branch, kind)
    return schema


def classify(schema: Mapping[str, Any]) -> dict[str, Any]:
    """How an option of this schema is parsed: its kind, whether it repeats, its choices.

    Kinds: ``string``, ``text`` (free text, also ``@FILE``), ``decimal`` (money: passed on as the
    exact text, never a float), ``integer``, ``number`` (passed on as a ``Decimal``), ``boolean``
    and ``json`` (an object, or a list of objects: JSON text, ``@FILE`` or ``-``).
    """
    types = _types(schema)
    if "object" in types or not types:
        return {"kind": "json"}
    if "array" in types:
        items = _branch(schema, "array").get("items", {})
        inner = classify(items)
        if inner["kind"] == "json" or inner.get("multiple"):
            return {"kind": "json"}
        entry = {**inner, "multiple": True}
        if "string" in types:
            # Also one plain string (a preset such as `top100`): the CLI sends a single value matching it as is.
            entry["scalar_ok"] = True
            pattern = _branch(schema, "string").get("pattern")
            if pattern:
                entry["scalar_pattern"] = pattern
        return entry
    if decimal_form(schema) is not None:
        return {"kind": "decimal"}
    scalar = _branch(schema, types[0])
    enum = scalar.get("enum") or schema.get("enum")
    if enum:
        values = [value for value in enum if value is not None]
        return {"kind": SCALAR_KINDS.get(type_of(values[0]), "string"), "choices": values}
    kind = SCALAR_KINDS.get(types[0], "json")
    constrained = any(key in scalar for key in ("pattern", "format", "enum", "const"))
    if kind == "string" and not constrained and scalar.get("maxLength", LONG_TEXT) >= LONG_TEXT:
        kind = "text"
    return {"kind": kind}


def _is_secret(schema: Mapping[str, Any]) -> bool:
    return schema.get("writeOnly") is True or schema.get("format") == "password"


def secret_fields(spec: Mapping[str, Any], schema: Any, seen: frozenset[str] = frozenset()) -> set[str]:
    """Names of the fields marked ``format: password`` or ``writeOnly`` anywhere in a response schema."""
    found: set[str] = set()
    if isinstance(schema, Mapping):
        reference = schema.get("$ref")
        if isinstance(reference, str):
            if reference in seen:
                return found
            return secret_fields(spec, resolve(spec, schema), seen | {reference})
        for name, field in (schema.get("properties") or {}).items():
            if _is_secret(resolve(spec, field)) or _is_secret(field):
                found.add(name)
            found |= secret_fields(spec, field, seen)
        for key in ("items", "additionalProperties"):
            found |= secret_fields(spec, schema.get(key), seen)
        for key in ("allOf", "oneOf", "anyOf"):
            for branch in schema.get(key, ()):
                found |= secret_fields(spec, branch, seen)
    return found


def _raw_parameters(spec: Mapping[str, Any], operation: Operation) -> dict[str, Mapping[str, Any]]:
    """Each parameter's raw description (for its example and secrecy), body fields included."""
    raw: dict[str, Mapping[str, Any]] = {parameter["name"]: parameter for parameter in parameters_of(spec, operation)}
    body = json_body_schema(spec, operation)
    if body is not None:
        for name, field in (resolve(spec, body).get("properties") or {}).items():
            raw[name] = {"schema": field, "in": "body"}
    return raw


def _body_example(spec: Mapping[str, Any], operation: Operation) -> Mapping[str, Any]:
    body = resolve(spec, operation.raw.get("requestBody")) or {}
    media = body.get("content", {}).get("application/json", {})
    if "example" in media:
        return dict(media["example"])
    for example in (media.get("examples") or {}).values():
        return dict(resolve(spec, example).get("value") or {})
    return {}


def _parameter_example(spec: Mapping[str, Any], raw: Mapping[str, Any]) -> Any:
    if "example" in raw:
        return raw["example"]
    for example in (raw.get("examples") or {}).values():
        return resolve(spec, example).get("value")
    schema = raw.get("schema", {})
    for candidate in (schema, resolve(spec, schema)):
        if candidate.get("examples"):
            return candidate["examples"][0]
    return None


def option_text(value: Any, kind: str) -> str:
    """An example value as it is typed on the command line."""
    if kind == "json":
        return json.dumps(value, separators=(", ", ": "))
    if isinstance(value, list):
        return ",".join(option_text(item, kind) for item in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def example_arguments(
    spec: Mapping[str, Any], operation: Operation, client_operation: ClientOperation, options: list[dict[str, Any]]
) -> list[str]:
    """A working invocation's arguments, from the spec's examples: the required options and any the
    request example sets (secrets left out: they are read from a file). An order placement is a dry run."""
    raw = _raw_parameters(spec, operation)
    body = _body_example(spec, operation)
    arguments: list[str] = []
    for option in options:
        name = option["name"]
        if option["secret"]:
            continue
        value = body.get(name)
        if value is None and option["required"]:
            value = _parameter_example(spec, raw[name])
        if value is None:
            continue
        if isinstance(value, Mapping):
            # A secret never goes on a command line (it would show in the process list).
            hidden = secret_fields(spec, {"type": "object", "properties": {name: raw[name].get("schema", {})}})
            value = {key: item for key, item in value.items() if key not in hidden}
        if option["kind"] == "boolean":
            arguments.append(option["option"] if value else "--no-" + option["option"][2:])
            continue
        arguments += [option["option"], option_text(value, option["kind"])]
    if client_operation.places_order:
        arguments.append("--dry-run")
    return arguments


def plain(text: str) -> str:
    """The intermediate model's docstring-safe text back as written in the spec."""
    return text.replace("\\\\", "\\")


def _help(parameter: Parameter) -> str:
    return " ".join(plain(parameter.description).split())


def parameter_entry(spec: Mapping[str, Any], parameter: Parameter, raw: Mapping[str, Any]) -> dict[str, Any]:
    schema = raw.get("schema", {})
    resolved = resolve(spec, schema)
    entry: dict[str, Any] = {
        "name": parameter.name,
        "option": option_name(parameter.name),
        "location": parameter.location,
        "required": parameter.required,
        **classify(parameter.schema),
        "secret": _is_secret(resolved) or _is_secret(schema),
        "help": _help(parameter),
    }
    default = schema.get("default", resolved.get("default"))
    if default is not None:
        entry["default"] = default
    suggestions = resolved.get("x-extensible-enum") or schema.get("x-extensible-enum")
    if suggestions:
        entry["suggest"] = list(suggestions)
    return entry


def conditional_scopes(operation: Operation) -> list[dict[str, str]]:
    """``x-conditional-scopes`` as options: ``{"scope": "trade", "when": "--mode trade"}``."""
    found = []
    for entry in operation.raw.get("x-conditional-scopes") or []:
        condition = entry.get("if", {})
        properties = condition.get("properties", {})
        if all("const" in rule for rule in properties.values()) and properties:
            when = " ".join(f"{option_name(name)} {rule['const']}" for name, rule in properties.items())
        else:
            when = json.dumps(condition)
        found.append({"scope": str(entry["scope"]), "when": when})
    return found


def _operations(spec: Mapping[str, Any]) -> dict[str, Operation]:
    return {operation.operation_id: operation for operation in iter_operations(spec)}


def operation_entry(
    spec: Mapping[str, Any], resource: Resource, client_operation: ClientOperation, operation: Operation
) -> dict[str, Any]:
    raw = _raw_parameters(spec, operation)
    options = [parameter_entry(spec, parameter, raw[parameter.name]) for parameter in client_operation.parameters]
    success = next(status for status in operation.raw["responses"] if status.startswith("2"))
    response = resolve(spec, operation.raw["responses"][success])
    data_schema = response["content"]["application/json"]["schema"]
    entry: dict[str, Any] = {
        "group": resource.tag,
        "command": command_name(client_operation.operation_id),
        "alias": short_alias(client_operation.operation_id, resource.tag),
        "attribute": resource.attribute,
        "method": client_operation.method,
        "path": client_operation.path,
        "summary": plain(client_operation.summary),
        "description": plain(client_operation.description),
        "scope": client_operation.scope,
        "conditional_scopes": conditional_scopes(operation),
        "public": client_operation.public,
        "key_optional": client_operation.key_optional,
        "places_order": client_operation.places_order,
        "markdown": client_operation.markdown,
        "pagination": None,
        "secret_fields": sorted(secret_fields(spec, data_schema)),
        "params": options,
        "example": example_arguments(spec, operation, client_operation, options),
    }
    if client_operation.pagination is not None:
        style = client_operation.pagination.style
        entry["pagination"] = {"style": style, "items": client_operation.pagination.items, **PAGE_FIELDS[style]}
    return entry


def build_manifest(spec: Mapping[str, Any], model: ClientModel, header: str, package_version: str) -> dict[str, Any]:
    raw_operations = _operations(spec)
    operations: dict[str, Any] = {}
    for resource in model.resources:
        for client_operation in resource.operations:
            operation = raw_operations[client_operation.operation_id]
            operations[client_operation.operation_id] = operation_entry(spec, resource, client_operation, operation)
    return {
        "_generated": header.lstrip("# "),
        "version": package_version,
        "api_title": model.title,
        "api_version": model.version,
        "default_base_url": model.base_url,
        "groups": {resource.tag: resource.description for resource in model.resources},
        "operations": operations,
    }


def render_manifest(manifest: Mapping[str, Any]) -> str:
    # One key per line and no trailing spaces, so a change to the spec reads as a small diff.
    return json.dumps(manifest, indent=1, ensure_ascii=False) + "\n"


def example_command(entry: Mapping[str, Any]) -> str:
    """The example invocation as a shell line (``heytraders market get-ticker --symbol BTC/USDT``)."""
    words = ["heytraders", entry["group"], entry["command"], *entry["example"]]
    return " ".join(shlex.quote(word) for word in words)


def iter_entries(manifest: Mapping[str, Any]) -> Iterator[tuple[str, Mapping[str, Any]]]:
    yield from manifest["operations"].items()
