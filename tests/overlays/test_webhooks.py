"""verify_webhook: a delivery is trusted only with the right signature over its timestamp and raw body."""

from __future__ import annotations

import hashlib
import hmac
import json
from typing import Any

import pydantic
import pytest
from heytraders import (
    WEBHOOK_SIGNATURE_HEADER,
    WEBHOOK_TIMESTAMP_HEADER,
    WebhookVerificationError,
    models,
    sign_webhook,
    verify_webhook,
)

SECRET = "whsec_5f2b9c7e1a3d4f60"
NOW = 1_770_796_801
DELIVERY: dict[str, Any] = {
    "event": "signal",
    "subscription_id": "sub_4b7e91d2",
    "strategy_id": "ls_rsi_reversal_btc",
    "signal": {
        "signal_id": "sig_c26a8f05",
        "subscription_id": "sub_4b7e91d2",
        "strategy_id": "ls_rsi_reversal_btc",
        "symbol": "BTC/USDT",
        "side": "long",
        "price": "93184.6",
        "weight": 0.5,
        "reason": "RSI(14) fell below 30 (28.6)",
        "generated_at": "2026-02-11T06:00:00Z",
    },
    "error": None,
    "delivered_at": "2026-02-11T06:00:01Z",
}
BODY = json.dumps(DELIVERY, separators=(",", ":")).encode()


def signed(body: bytes = BODY, *, timestamp: int = NOW, secret: str = SECRET) -> dict[str, str]:
    return {WEBHOOK_TIMESTAMP_HEADER: str(timestamp), WEBHOOK_SIGNATURE_HEADER: sign_webhook(secret, timestamp, body)}


def test_a_price_sent_as_a_json_number_keeps_its_own_digits() -> None:
    # Signal prices may come as numbers (the spec's `Decimal` is a string or a number); none passes a float.
    body = BODY.replace(b'"price":"93184.6"', b'"price":93184.60000000000000001')
    delivery = verify_webhook(body, signed(body), SECRET, now=NOW + 3)
    assert delivery.signal is not None and str(delivery.signal.price) == "93184.60000000000000001"


def test_a_signed_body_that_is_not_json_is_a_bad_body() -> None:
    with pytest.raises(WebhookVerificationError) as caught:
        verify_webhook(b"<html>", signed(b"<html>"), SECRET, now=NOW + 3)
    assert caught.value.reason == "bad-body"


def test_signature_is_hmac_sha256_of_timestamp_dot_body() -> None:
    # The recipe the spec documents, computed independently of the SDK.
    expected = hmac.new(SECRET.encode(), f"{NOW}.".encode() + BODY, hashlib.sha256).hexdigest()
    assert sign_webhook(SECRET, NOW, BODY) == f"sha256={expected}"


def test_a_valid_delivery_parses_into_the_model() -> None:
    delivery = verify_webhook(BODY, signed(), SECRET, now=NOW + 3)
    assert isinstance(delivery, models.WebhookDelivery)
    assert delivery.event == "signal"
    assert delivery.signal is not None and str(delivery.signal.price) == "93184.6"


def test_header_names_match_case_insensitively_and_str_bodies_work() -> None:
    headers = {name.lower(): value for name, value in signed().items()}
    assert verify_webhook(BODY.decode(), headers, SECRET, now=NOW).subscription_id == "sub_4b7e91d2"


@pytest.mark.parametrize(
    ("body", "secret"),
    [
        (BODY.replace(b"93184.6", b"93184.7"), SECRET),  # a tampered body
        (BODY, "whsec_someone_else_entirely"),  # another webhook's secret
    ],
)
def test_a_wrong_signature_is_refused_without_revealing_the_secret(body: bytes, secret: str) -> None:
    with pytest.raises(WebhookVerificationError) as caught:
        verify_webhook(body, signed(), secret, now=NOW)
    assert caught.value.reason == "bad-signature"
    expected = sign_webhook(secret, NOW, body)
    assert secret not in str(caught.value) and expected not in str(caught.value)


def test_the_timestamp_is_signed_too() -> None:
    # Replaying a captured body and signature with a fresh timestamp must fail.
    headers = {**signed(), WEBHOOK_TIMESTAMP_HEADER: str(NOW + 60)}
    with pytest.raises(WebhookVerificationError, match="does not match") as caught:
        verify_webhook(BODY, headers, SECRET, now=NOW + 60)
    assert caught.value.reason == "bad-signature"


@pytest.mark.parametrize("skew", [301, -301, 10_000])
def test_deliveries_outside_the_tolerance_are_refused(skew: int) -> None:
    with pytest.raises(WebhookVerificationError) as caught:
        verify_webhook(BODY, signed(), SECRET, now=NOW + skew)
    assert caught.value.reason == "stale-timestamp"
    assert "tolerance is 300 s" in str(caught.value)


def test_the_tolerance_is_configurable_and_inclusive() -> None:
    assert verify_webhook(BODY, signed(), SECRET, now=NOW + 300).event == "signal"
    assert verify_webhook(BODY, signed(), SECRET, now=NOW + 3000, tolerance=3600).event == "signal"
    with pytest.raises(WebhookVerificationError):
        verify_webhook(BODY, signed(), SECRET, now=NOW + 11, tolerance=10)


@pytest.mark.parametrize("missing", [WEBHOOK_SIGNATURE_HEADER, WEBHOOK_TIMESTAMP_HEADER])
def test_a_missing_header_is_named(missing: str) -> None:
    headers = {name: value for name, value in signed().items() if name != missing}
    with pytest.raises(WebhookVerificationError, match=missing) as caught:
        verify_webhook(BODY, headers, SECRET, now=NOW)
    assert caught.value.reason == "missing-header"


@pytest.mark.parametrize("stamp", ["", "soon", "-5", "1.5e9"])
def test_a_malformed_timestamp_is_refused(stamp: str) -> None:
    headers = {**signed(), WEBHOOK_TIMESTAMP_HEADER: stamp}
    with pytest.raises(WebhookVerificationError) as caught:
        verify_webhook(BODY, headers, SECRET, now=NOW)
    assert caught.value.reason == "bad-timestamp"


def test_any_of_several_secrets_verifies_during_a_rotation() -> None:
    old, new = "whsec_old_0000000000", pydantic.SecretStr("whsec_new_1111111111")
    assert verify_webhook(BODY, signed(secret=old), [old, new], now=NOW).event == "signal"
    assert verify_webhook(BODY, signed(secret=new.get_secret_value()), [old, new], now=NOW).event == "signal"
    with pytest.raises(ValueError, match="at least one"):
        verify_webhook(BODY, signed(), [], now=NOW)


def test_a_signed_body_that_is_not_a_delivery_is_refused() -> None:
    body = b'{"event": "signal"}'
    with pytest.raises(WebhookVerificationError) as caught:
        verify_webhook(body, signed(body), SECRET, now=NOW)
    assert caught.value.reason == "bad-body"


def test_every_helper_export_is_reachable_from_the_package_root() -> None:
    import heytraders
    import heytraders.lib

    for name in heytraders.lib.__all__:
        assert getattr(heytraders, name) is getattr(heytraders.lib, name), name
        assert name in heytraders.__all__, name
    with pytest.raises(AttributeError, match="no attribute 'verify_webhooks'"):
        _ = heytraders.verify_webhooks
