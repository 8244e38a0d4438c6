"""Placing an order from the command line: confirmed before it is sent, never placed twice.

A real order needs ``--yes`` when stdin is not a terminal; on a terminal the validated request is
shown and confirmed first. When the placement ends ambiguously (the SDK raises
``OrderStatusUnknownError`` instead of retrying), the SDK's ``resolve_unknown_order`` looks for the
order by the label the request carried; the exit code is 7 unless it is found.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from typing import Any

import click
from heytraders import HeyTradersError, OrderStatusUnknownError

from heytraders_cli import calls
from heytraders_cli.config import Settings
from heytraders_cli.errors import EXIT_ERROR, EXIT_ORDER_UNKNOWN, EXIT_USAGE, CliError
from heytraders_cli.manifest import OperationEntry
from heytraders_cli.output import to_json


def confirm(
    settings: Settings, entry: OperationEntry, operation_id: str, arguments: Mapping[str, Any]
) -> dict[str, Any]:
    """Show the validated request and ask; the label the SDK gave it is kept, so the same order is sent."""
    if not sys.stdin.isatty():
        raise CliError(
            "a real order needs --yes when stdin is not a terminal; nothing was sent",
            exit_code=EXIT_USAGE,
            code="CONFIRMATION_REQUIRED",
            suggestion="Check the request with --dry-run, then pass --yes.",
        )
    preview = calls.dry_run(settings, entry, operation_id, arguments)
    click.echo(f"{preview['method']} {preview['url']}\n{to_json(preview['body'])}", err=True)
    if not click.confirm("Place this order?", default=False, err=True):
        raise CliError("the order was not placed", exit_code=EXIT_ERROR, code="NOT_CONFIRMED")
    body = preview["body"] or {}
    return {**arguments, "label": body["label"]} if "label" in body else dict(arguments)


def place(
    settings: Settings, entry: OperationEntry, operation_id: str, arguments: Mapping[str, Any], *, confirmed: bool
) -> Any:
    """Place the order and return it as the server sent it (or as found after an ambiguous failure)."""
    if not confirmed:
        arguments = confirm(settings, entry, operation_id, arguments)
    with calls.make_client(settings) as client:
        try:
            return calls.call(client, entry, operation_id, arguments)
        except OrderStatusUnknownError as error:
            label = error.sent.get("label")
            click.echo(f"The order's status is unknown; looking for it by its label {label!r} ...", err=True)
            try:
                order = client.orders.resolve_unknown_order(error)
            except HeyTradersError as lookup:
                raise CliError(
                    f"{error} Looking for it failed too: {lookup}",
                    exit_code=EXIT_ORDER_UNKNOWN,
                    code="ORDER_STATUS_UNKNOWN",
                    suggestion=f"Run `heytraders orders list-orders --account-id ...` and look for label {label!r} "
                    "before placing the order again.",
                    extra={"label": label},
                ) from error
            if order is None:
                raise CliError(
                    f"{error} No order with label {label!r} was found after several lookups.",
                    exit_code=EXIT_ORDER_UNKNOWN,
                    code="ORDER_STATUS_UNKNOWN",
                    suggestion="It was most likely not placed; check `heytraders orders list-orders` once more "
                    "before placing it again.",
                    extra={"label": label},
                ) from error
            click.echo(f"Found it: the order was placed as {order.order_id}.", err=True)
            return order.model_dump(mode="json", by_alias=True, exclude_unset=True)
