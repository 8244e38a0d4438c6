"""Onboarding: the provisional key lands in a private file, and the claim flow waits for the user, renewing codes."""

from __future__ import annotations

import json
import logging
import os
import stat
from pathlib import Path
from typing import Any

import httpx
import pytest
from heytraders import APIStatusError, AsyncHeyTraders, HeyTraders, models
from heytraders.errors import (
    AgentLimitReachedError,
    InvalidClaimCodeError,
    KeyOwnedByOtherUserError,
    RegistrationLimitError,
)
from heytraders.lib.meta import ClaimExpiredError, ClaimTimeoutError

from .fakes import Clock

BASE_URL = "https://api.test/api/v1"
NEW_KEY = "ht_prov_9f2c4e7a1b3d5f60a8c2e4b6d8f01357"


def envelope(data: Any) -> dict[str, Any]:
    return {"success": True, "data": data, "error": None, "meta": {"timestamp": "2026-02-10T14:19:53Z"}}


def failure(status: int, code: str, retry_after: str | None = None) -> httpx.Response:
    headers = {"Retry-After": retry_after} if retry_after else {}
    error = {"code": code, "message": code.lower().replace("_", " ")}
    return httpx.Response(status, headers=headers, json={"success": False, "data": None, "error": error})


class Agents:
    """The meta endpoints: codes valid ``expires_in`` seconds; the user claims at ``claimed_at`` on the fake clock."""

    def __init__(
        self,
        clock: Clock,
        *,
        claimed_at: float | None = None,
        expires_in: int = 30,
        fail: httpx.Response | None = None,
    ) -> None:
        self.clock = clock
        self.claimed_at = claimed_at
        self.expires_in = expires_in
        self.fail = fail
        self.codes: list[str] = []
        self.checks: list[float] = []
        self.registrations = 0

    def __call__(self, request: httpx.Request) -> httpx.Response:
        path = request.url.path.removeprefix("/api/v1")
        if path == "/meta/register":
            self.registrations += 1
            if self.fail is not None:
                return self.fail
            assert json.loads(request.content)["display_name"] == "RSI Bot"
            return httpx.Response(200, json=envelope({"api_key": NEW_KEY, "scopes": ["research"], "quota": {}}))
        if path == "/meta/request-claim":
            if self.fail is not None:
                return self.fail
            self.codes.append(f"CODE{len(self.codes) + 1:02d}")
            code = {
                "claim_code": self.codes[-1],
                "expires_in": self.expires_in,
                "claim_url": "https://hey-traders.com/dashboard/claim",
            }
            return httpx.Response(200, json=envelope(code))
        if path == "/meta/agents/me":
            self.checks.append(self.clock.now)
            claimed = self.claimed_at is not None and self.clock.now >= self.claimed_at
            agent = {
                "agent_id": "agt_2c9f61a8" if claimed else None,
                "key_id": "key_3e8a1f5c",
                "display_name": "RSI Bot",
                "status": "claimed" if claimed else "provisional",
                "scopes": ["research", "read"] if claimed else ["research"],
                "created_at": "2026-02-10T14:19:53Z",
            }
            return httpx.Response(200, json=envelope(agent))
        return failure(404, "NOT_FOUND")


def client_for(server: Agents) -> HeyTraders:
    return HeyTraders(api_key="ht_k", base_url=BASE_URL, transport=httpx.MockTransport(server), max_retries=0)


def async_client_for(server: Agents) -> AsyncHeyTraders:
    return AsyncHeyTraders(api_key="ht_k", base_url=BASE_URL, transport=httpx.MockTransport(server), max_retries=0)


def mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


# ---- register ------------------------------------------------------------------------------


def test_register_saves_the_key_to_a_private_file_and_never_logs_it(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="heytraders")
    key_file = tmp_path / "key"
    registration = client_for(Agents(Clock())).meta.register(display_name="RSI Bot", key_file=key_file)
    assert registration.api_key.get_secret_value() == NEW_KEY
    assert key_file.read_text() == NEW_KEY + "\n"
    assert mode(key_file) == 0o600
    assert NEW_KEY not in caplog.text


def test_register_without_key_file_only_registers(tmp_path: Path) -> None:
    registration = client_for(Agents(Clock())).meta.register(display_name="RSI Bot")
    assert registration.api_key.get_secret_value() == NEW_KEY and list(tmp_path.iterdir()) == []


def test_register_refuses_an_existing_file_before_registering(tmp_path: Path) -> None:
    key_file = tmp_path / "key"
    key_file.write_text("ht_prov_old\n")
    server = Agents(Clock())
    with pytest.raises(FileExistsError):
        client_for(server).meta.register(display_name="RSI Bot", key_file=key_file)
    assert server.registrations == 0  # no registration (and no key shown once) is wasted
    assert key_file.read_text() == "ht_prov_old\n"


def test_register_overwrites_when_asked(tmp_path: Path) -> None:
    key_file = tmp_path / "key"
    key_file.write_text("ht_prov_old\n")
    key_file.chmod(0o644)
    client_for(Agents(Clock())).meta.register(display_name="RSI Bot", key_file=key_file, overwrite=True)
    assert key_file.read_text() == NEW_KEY + "\n" and mode(key_file) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["key"]  # no temporary file left


def test_a_failed_registration_leaves_no_file_and_keeps_the_old_key(tmp_path: Path) -> None:
    server = Agents(Clock(), fail=failure(429, "REGISTRATION_LIMIT", retry_after="3600"))
    with pytest.raises(RegistrationLimitError) as caught:
        client_for(server).meta.register(display_name="RSI Bot", key_file=tmp_path / "new")
    assert caught.value.retry_after == 3600
    old = tmp_path / "old"
    old.write_text("ht_prov_old\n")
    with pytest.raises(RegistrationLimitError):
        client_for(server).meta.register(display_name="RSI Bot", key_file=old, overwrite=True)
    assert [p.name for p in tmp_path.iterdir()] == ["old"] and old.read_text() == "ht_prov_old\n"


@pytest.mark.anyio
async def test_async_register_saves_the_key_and_refuses_to_overwrite(tmp_path: Path) -> None:
    key_file = tmp_path / "key"
    server = Agents(Clock())
    async with async_client_for(server) as client:
        await client.meta.register(display_name="RSI Bot", key_file=key_file)
        assert key_file.read_text() == NEW_KEY + "\n" and mode(key_file) == 0o600
        with pytest.raises(FileExistsError):
            await client.meta.register(display_name="RSI Bot", key_file=key_file)
        await client.meta.register(display_name="RSI Bot", key_file=key_file, overwrite=True)
    assert server.registrations == 2


# ---- claim ---------------------------------------------------------------------------------


def test_claim_hands_over_the_code_and_returns_the_claimed_agent() -> None:
    clock = Clock()
    server = Agents(clock, claimed_at=15)
    handed: list[models.ClaimCode] = []
    agent = client_for(server).meta.claim(
        display_name="RSI Bot", on_code=handed.append, poll_interval=10, sleep=clock.sleep, clock=clock
    )
    assert [code.claim_code for code in handed] == ["CODE01"]
    assert str(handed[0].claim_url) == "https://hey-traders.com/dashboard/claim"
    assert agent.status == models.AgentStatus.CLAIMED and agent.agent_id == "agt_2c9f61a8"
    assert agent.scopes == [models.Scope.RESEARCH, models.Scope.READ]
    assert server.checks == [0, 10, 20]  # one check before asking for a code, then every poll_interval


def test_an_agent_already_claimed_is_returned_without_a_code() -> None:
    clock = Clock()
    server = Agents(clock, claimed_at=0)
    handed: list[models.ClaimCode] = []
    agent = client_for(server).meta.claim(display_name="RSI Bot", on_code=handed.append, sleep=clock.sleep, clock=clock)
    assert agent.status == "claimed" and handed == [] and server.codes == []


def test_an_expired_code_is_replaced_and_the_second_one_succeeds() -> None:
    clock = Clock()
    server = Agents(clock, claimed_at=45, expires_in=25)
    handed: list[str] = []
    agent = client_for(server).meta.claim(
        display_name="RSI Bot",
        on_code=lambda code: handed.append(code.claim_code),
        poll_interval=10,
        sleep=clock.sleep,
        clock=clock,
    )
    assert handed == ["CODE01", "CODE02"]
    assert clock.sleeps == [10, 10, 5, 10, 10]  # the first code's last check falls on its expiry (t=25)
    assert agent.status == "claimed"


def test_when_every_code_expires_claim_expired_is_raised() -> None:
    clock = Clock()
    server = Agents(clock, expires_in=25)
    with pytest.raises(ClaimExpiredError) as caught:
        client_for(server).meta.claim(
            display_name="RSI Bot",
            on_code=lambda code: None,
            poll_interval=10,
            max_codes=2,
            sleep=clock.sleep,
            clock=clock,
        )
    assert [code.claim_code for code in caught.value.codes] == server.codes == ["CODE01", "CODE02"]
    assert "CODE0" not in str(caught.value) and "CODE0" not in repr(caught.value.codes)  # never in logs
    assert clock.now == 50


def test_claim_gives_up_at_its_deadline() -> None:
    clock = Clock()
    server = Agents(clock, expires_in=1800)
    with pytest.raises(ClaimTimeoutError):
        client_for(server).meta.claim(
            display_name="RSI Bot",
            on_code=lambda code: None,
            poll_interval=10,
            timeout=25,
            sleep=clock.sleep,
            clock=clock,
        )
    assert clock.sleeps == [10, 10, 5] and server.codes == ["CODE01"]


@pytest.mark.parametrize(
    ("status", "code", "error_class"),
    [
        (403, "KEY_OWNED_BY_OTHER_USER", KeyOwnedByOtherUserError),
        (403, "AGENT_LIMIT_REACHED", AgentLimitReachedError),
        (404, "INVALID_CLAIM_CODE", InvalidClaimCodeError),
    ],
)
def test_claim_errors_propagate_as_their_classes(status: int, code: str, error_class: type[APIStatusError]) -> None:
    clock = Clock()
    server = Agents(clock, fail=failure(status, code))
    with pytest.raises(error_class):
        client_for(server).meta.claim(display_name="RSI Bot", on_code=lambda code: None, sleep=clock.sleep, clock=clock)


@pytest.mark.anyio
async def test_async_claim_renews_an_expired_code_and_returns_the_agent() -> None:
    clock = Clock()
    server = Agents(clock, claimed_at=45, expires_in=25)
    handed: list[str] = []

    async def show(code: models.ClaimCode) -> None:  # a coroutine callback is awaited
        handed.append(code.claim_code)

    async with async_client_for(server) as client:
        agent = await client.meta.claim(
            display_name="RSI Bot", on_code=show, poll_interval=10, sleep=clock.asleep, clock=clock
        )
    assert handed == ["CODE01", "CODE02"] and agent.agent_id == "agt_2c9f61a8"
    assert agent.scopes == ["research", "read"]


@pytest.mark.anyio
async def test_async_claim_success_expiry_and_errors() -> None:
    clock = Clock()
    async with async_client_for(Agents(clock, claimed_at=5)) as client:
        agent = await client.meta.claim(display_name="RSI Bot", on_code=lambda c: None, sleep=clock.asleep, clock=clock)
    assert agent.status == "claimed" and clock.sleeps == [5.0]

    clock = Clock()
    server = Agents(clock, expires_in=20)
    async with async_client_for(server) as client:
        with pytest.raises(ClaimExpiredError):
            await client.meta.claim(
                display_name="RSI Bot", on_code=lambda c: None, max_codes=3, sleep=clock.asleep, clock=clock
            )
    assert server.codes == ["CODE01", "CODE02", "CODE03"] and clock.now == 60

    async with async_client_for(Agents(clock, fail=failure(403, "KEY_OWNED_BY_OTHER_USER"))) as client:
        with pytest.raises(KeyOwnedByOtherUserError):
            await client.meta.claim(display_name="RSI Bot", on_code=lambda c: None, sleep=clock.asleep, clock=clock)
