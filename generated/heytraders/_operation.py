# Generated from spec/heytraders.yaml by `make generate`. Do not edit: change the spec or the generator.
# (copied from generator/runtime/_operation.py)
"""The per-operation data the code generator emits and the runtime consumes."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

__all__ = ["OperationInfo", "OperationSpec", "ParamSpec", "RuleSpec"]

_IDEMPOTENT_METHODS = frozenset({"GET", "PUT", "DELETE", "HEAD"})


@dataclass(frozen=True, slots=True)
class ParamSpec:
    """One parameter of an operation.

    Attributes:
        name: Wire name, which is also the Python keyword argument name.
        location: Where the value travels: the URL path, the query string or the JSON body.
        required: Whether the operation needs the parameter.
        schema: JSON Schema of the value, with every ``$ref`` already inlined.
    """

    name: str
    location: Literal["path", "query", "body"]
    required: bool
    schema: Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class RuleSpec:
    """One ``x-request-rules`` entry: when the request view matches ``if_``, it must match ``then``.

    Attributes:
        id: Stable kebab-case name of the rule.
        parameter: The parameter an error names.
        description: What the rule says, shown to the user when it is broken.
        if_: JSON Schema over the request view (all given parameters by name).
        then: JSON Schema over the request view.
        order: JSON pointers into the request view whose values must come in this order (dates,
            date-times or decimals), for what JSON Schema cannot say ("``end_date`` after
            ``start_date``"); empty when the rule is a ``then`` schema only.
        strict: With ``order``: each value must be greater than the one before, not merely not less.
    """

    id: str
    parameter: str
    description: str
    if_: Mapping[str, Any]
    then: Mapping[str, Any]
    order: tuple[str, ...] = ()
    strict: bool = True


@dataclass(frozen=True, slots=True)
class OperationSpec:
    """Everything the runtime needs to know about one API operation.

    Attributes:
        operation_id: The spec's ``operationId``, also the method name.
        method: Upper-case HTTP method.
        path: Path template relative to the base URL, e.g. ``/orders/{order_id}``.
        params: The operation's path, query and body parameters.
        rules: Cross-field request rules, checked before sending.
        public: No API key is needed (``security: []``).
        key_optional: Works without a key but sends one if configured.
        places_order: The operation places an order (``x-places-order``): never retried once sent.
        markdown: The operation can also answer ``text/markdown``.
    """

    operation_id: str
    method: str
    path: str
    params: tuple[ParamSpec, ...]
    rules: tuple[RuleSpec, ...] = ()
    public: bool = False
    key_optional: bool = False
    places_order: bool = False
    markdown: bool = False
    # Compiled validators and request plan, built on first use by the runtime (keeps import cheap).
    _plan: Any = field(default=None, init=False, repr=False, compare=False)

    @property
    def idempotent(self) -> bool:
        """Whether the method may be repeated without extra effect (GET, PUT, DELETE, HEAD)."""
        return self.method in _IDEMPOTENT_METHODS


@dataclass(frozen=True, slots=True)
class OperationInfo:
    """What the spec says of an operation, for surfaces built on the client (an MCP server, a command line).

    The runtime never reads it: ``_catalog.py`` is imported only by such surfaces.

    Attributes:
        operation_id: The spec's ``operationId``, also the method name.
        group: The client attribute that holds the method: ``client.<group>.<operation_id>``.
        tag: The spec's tag (``live-strategies``).
        summary: One line.
        description: The spec's description (markdown).
        scope: The scope the API key needs (``research``, ``read``, ``trade``); None for a public operation.
        conditional_scopes: ``(if_, scope)`` pairs: a request matching the JSON Schema ``if_`` also needs ``scope``.
        input_schema: Every parameter as one JSON Schema object, ``$ref`` inlined, descriptions and defaults kept.
        example: The spec's request example, as keyword arguments.
        returns: What the method returns (``models.Ticker``, ``list[models.Signal]``).
    """

    operation_id: str
    group: str
    tag: str
    summary: str
    description: str
    scope: str | None
    conditional_scopes: tuple[tuple[Mapping[str, Any], str], ...]
    input_schema: Mapping[str, Any]
    example: Mapping[str, Any]
    returns: str
