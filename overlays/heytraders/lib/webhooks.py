"""Receive webhook deliveries safely: check the signature and its age, then parse the event.

HeyTraders POSTs a ``WebhookDelivery`` to a subscription's webhook URL for each event. When the
webhook has a secret, every attempt carries::

    X-HeyTraders-Timestamp: 1767225600
    X-HeyTraders-Signature: sha256=<hex HMAC-SHA256 under the secret of b"1767225600." + raw body>

Signing the timestamp with the body lets a receiver refuse an old delivery replayed by someone who
captured it. ``verify_webhook`` checks both, with a constant-time comparison, before it parses
anything::

    from heytraders import WebhookVerificationError, verify_webhook

    @app.post("/hooks/heytraders")
    async def receive(request: Request) -> Response:
        try:
            delivery = verify_webhook(await request.body(), request.headers, secret=WEBHOOK_SECRET)
        except WebhookVerificationError:
            return Response(status_code=400)
        if delivery.signal is not None:
            handle(delivery.signal)
        return Response(status_code=204)

Verify the raw bytes as received: a body parsed and re-serialised is not the body that was signed.
A failed delivery is retried with the same ``X-HeyTraders-Delivery`` ID, so a receiver that must
act once per event can remember the IDs it has handled.
"""

from __future__ import annotations

import hashlib
import hmac
import time
from collections.abc import Iterable, Mapping

import pydantic

from .. import _json, models
from .._exceptions import HeyTradersError

__all__ = [
    "WEBHOOK_DELIVERY_HEADER",
    "WEBHOOK_EVENT_HEADER",
    "WEBHOOK_SIGNATURE_HEADER",
    "WEBHOOK_TIMESTAMP_HEADER",
    "WebhookVerificationError",
    "sign_webhook",
    "verify_webhook",
]

WEBHOOK_SIGNATURE_HEADER = "X-HeyTraders-Signature"
WEBHOOK_TIMESTAMP_HEADER = "X-HeyTraders-Timestamp"
WEBHOOK_EVENT_HEADER = "X-HeyTraders-Event"
WEBHOOK_DELIVERY_HEADER = "X-HeyTraders-Delivery"
SIGNATURE_SCHEME = "sha256="
# Five minutes, as Stripe and Slack allow: enough for clock skew and a slow retry, too short to replay.
DEFAULT_TOLERANCE_SECONDS = 300.0


class WebhookVerificationError(HeyTradersError):
    """A delivery failed verification; answer it with a 4xx and do not act on it.

    Attributes:
        reason: What failed: ``missing-header``, ``bad-timestamp``, ``stale-timestamp``,
            ``bad-signature`` or ``bad-body``.
    """

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


def sign_webhook(secret: str, timestamp: int, body: bytes) -> str:
    """The ``X-HeyTraders-Signature`` value for ``body`` sent at ``timestamp`` (Unix seconds)."""
    digest = hmac.new(secret.encode(), str(timestamp).encode() + b"." + body, hashlib.sha256).hexdigest()
    return SIGNATURE_SCHEME + digest


def _header(headers: Mapping[str, str], name: str) -> str:
    # Header names are case-insensitive; a plain dict from a framework may keep any case.
    wanted = name.lower()
    for key, value in headers.items():
        if key.lower() == wanted:
            return value.strip()
    raise WebhookVerificationError("missing-header", f"the delivery has no {name} header")


def verify_webhook(
    body: bytes | str,
    headers: Mapping[str, str],
    secret: str | pydantic.SecretStr | Iterable[str | pydantic.SecretStr],
    *,
    tolerance: float = DEFAULT_TOLERANCE_SECONDS,
    now: float | None = None,
) -> models.WebhookDelivery:
    """Check a delivery's signature and age, and parse its body.

    Args:
        body: The raw request body, exactly as received.
        headers: The request headers (any mapping; names are matched case-insensitively).
        secret: The webhook's secret, or several while rotating from an old secret to a new one.
        tolerance: How many seconds the signed timestamp may differ from ``now``, either way.
        now: The current Unix time; the system clock when omitted.

    Returns:
        The delivery, parsed into ``models.WebhookDelivery``.

    Raises:
        WebhookVerificationError: A header is missing, the timestamp is malformed or outside the
            tolerance, no secret produces the signature, or the signed body is not a delivery.
            Neither the secret nor the expected signature appears in the message.
    """
    raw = body.encode() if isinstance(body, str) else bytes(body)
    secrets = [secret] if isinstance(secret, str | pydantic.SecretStr) else list(secret)
    if not secrets:
        raise ValueError("secret: give at least one webhook secret")
    signature = _header(headers, WEBHOOK_SIGNATURE_HEADER)
    stamp = _header(headers, WEBHOOK_TIMESTAMP_HEADER)
    if not (stamp.isascii() and stamp.isdigit()):
        raise WebhookVerificationError("bad-timestamp", f"{WEBHOOK_TIMESTAMP_HEADER} must be whole Unix seconds")
    timestamp = int(stamp)
    age = (time.time() if now is None else now) - timestamp
    if abs(age) > tolerance:
        raise WebhookVerificationError(
            "stale-timestamp",
            f"the delivery was signed {abs(age):.0f} s {'ago' if age > 0 else 'in the future'}; "
            f"the tolerance is {tolerance:g} s (check this machine's clock if every delivery fails)",
        )
    expected = [
        sign_webhook(key.get_secret_value() if isinstance(key, pydantic.SecretStr) else key, timestamp, raw)
        for key in secrets
    ]
    # Compare against every secret, without stopping early, so timing says nothing about which matched.
    matches = [hmac.compare_digest(signature.encode(), candidate.encode()) for candidate in expected]
    if not any(matches):
        raise WebhookVerificationError(
            "bad-signature", f"{WEBHOOK_SIGNATURE_HEADER} does not match the body and secret"
        )
    try:
        # Through the exact codec, not model_validate_json: a price sent as a number keeps its own digits.
        return models.WebhookDelivery.model_validate(_json.loads(raw))
    except ValueError as error:  # pydantic's ValidationError is a ValueError, as is a body that is not JSON
        if not isinstance(error, pydantic.ValidationError):
            raise WebhookVerificationError("bad-body", "the signed body is not JSON") from None
        raise WebhookVerificationError(
            "bad-body", f"the signed body is not a WebhookDelivery ({error.error_count()} problems)"
        ) from None
