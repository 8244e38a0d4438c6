# Generated from spec/heytraders.yaml by `make generate`. Do not edit: change the spec or the generator.
# (copied from overlays/heytraders/lib/meta.py)
"""Agent onboarding: register for a provisional key, keep it safe, have a user claim the agent.

A provisional key is shown once and expires after 24 hours unless a user claims the agent::

    registration = HeyTraders(api_key=None).meta.register(display_name="RSI Bot", key_file="~/.heytraders-key")
    client = HeyTraders(api_key=registration.api_key.get_secret_value())
    agent = client.meta.claim(
        display_name="RSI Bot",
        on_code=lambda code: print(f"Enter {code.claim_code} at {code.claim_url}"),
    )
    print(agent.agent_id, agent.scopes)  # the same key now has research + read (+ trade)
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import os
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Literal

from .. import models
from .._endpoints.meta import AsyncMetaEndpoints, MetaEndpoints
from .._exceptions import HeyTradersError
from .._types import NOT_GIVEN, NotGiven

__all__ = [
    "AsyncMetaHelpers",
    "ClaimError",
    "ClaimExpiredError",
    "ClaimTimeoutError",
    "MetaHelpers",
]

# The user has to open the dashboard and type six characters: a poll every five seconds
# notices the claim quickly without spending the key's rate limit (300 requests a minute).
DEFAULT_CLAIM_POLL_INTERVAL = 5.0
DEFAULT_MAX_CODES = 3
# Where the user enters the code when the server does not say.
DEFAULT_CLAIM_URL = "https://hey-traders.com/dashboard/claim"

CodeCallback = Callable[[models.ClaimCode], object]
"""Receives each claim code to show the user; on the async client it may be a coroutine function."""

RiskProfile = Literal["conservative", "moderate", "aggressive"]


class ClaimError(HeyTradersError):
    """The agent was not claimed.

    Attributes:
        codes: The claim codes handed out, oldest first.
    """

    def __init__(self, message: str, *, codes: list[models.ClaimCode]) -> None:
        super().__init__(message)
        self.codes = codes


class ClaimExpiredError(ClaimError):
    """Every claim code expired before a user entered it; call ``claim`` again when the user is ready."""


class ClaimTimeoutError(ClaimError):
    """The overall ``timeout`` of ``claim`` passed before a user claimed the agent."""


class MetaHelpers(MetaEndpoints):
    def register(
        self,
        *,
        display_name: str,
        description: str | NotGiven = NOT_GIVEN,
        strategy_type: str | NotGiven = NOT_GIVEN,
        risk_profile: RiskProfile | NotGiven = NOT_GIVEN,
        key_file: str | os.PathLike[str] | None = None,
        overwrite: bool = False,
    ) -> models.AgentRegistration:
        """Register an agent and, if asked, save its provisional key to a private file.

        The key is shown only in this response: with ``key_file`` it is written (followed by a
        newline) to a file only its owner may read (mode 0600) and never logged. The file is claimed
        before the request is sent, so an existing file is refused before a registration is spent.

        Args:
            display_name: The agent's display name.
            description: What the agent does.
            strategy_type: The agent's declared trading style (free text).
            risk_profile: The agent's declared risk appetite.
            key_file: Where to save the API key (``~`` is expanded).
            overwrite: Replace an existing ``key_file`` (atomically, once the new key is in hand).

        Returns:
            The registration, with ``api_key``.

        Raises:
            FileExistsError: ``key_file`` exists and ``overwrite`` is false (nothing was sent).
            RegistrationLimitError: Too many registrations from this IP address; see ``retry_after``.
        """
        if key_file is None:
            return self.register_agent(
                display_name=display_name,
                description=description,
                strategy_type=strategy_type,
                risk_profile=risk_profile,
            )
        with _KeyFile(key_file, overwrite=overwrite) as sink:
            registration = self.register_agent(
                display_name=display_name,
                description=description,
                strategy_type=strategy_type,
                risk_profile=risk_profile,
            )
            sink.write(registration.api_key.get_secret_value())
        return registration

    def claim(
        self,
        *,
        display_name: str,
        on_code: CodeCallback,
        description: str | NotGiven = NOT_GIVEN,
        poll_interval: float = DEFAULT_CLAIM_POLL_INTERVAL,
        timeout: float | None = None,
        max_codes: int = DEFAULT_MAX_CODES,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> models.Agent:
        """Have a user claim this agent: get a code, hand it over, wait until it is used.

        Requests a claim code and gives it to ``on_code`` (show the user ``claim_code`` and
        ``claim_url``; ``DEFAULT_CLAIM_URL`` when the server sends none), then polls the agent until
        its status is ``claimed``. A code that expires unused is replaced by a new one, handed to
        ``on_code`` again, up to ``max_codes`` codes. An agent already claimed is returned at once.

        After the claim the same key keeps working, with more scopes (``research`` and ``read``,
        and ``trade`` if the user opted in): the returned agent lists them.

        Args:
            display_name: The agent's name as the user sees it when claiming.
            on_code: Receives each claim code.
            description: What the agent does.
            poll_interval: Seconds between two checks of the agent's status.
            timeout: Seconds to wait in all; None waits until the last code expires.
            max_codes: How many codes to hand out before giving up.
            sleep: How to wait between checks (tests pass a fake).
            clock: A monotonic clock in seconds (tests pass a fake).

        Returns:
            The claimed agent, with its ``agent_id`` and scopes.

        Raises:
            ClaimExpiredError: Every code expired unused.
            ClaimTimeoutError: ``timeout`` passed first.
            KeyOwnedByOtherUserError: The key belongs to another user (from ``heytraders.errors``,
                as the next two).
            AgentLimitReachedError: The user already has the most claimed agents allowed.
            InvalidClaimCodeError: The server no longer knows the code.
        """
        agent = self.get_my_agent()
        if _is_claimed(agent):
            return agent
        deadline = None if timeout is None else clock() + timeout
        codes: list[models.ClaimCode] = []
        for _ in range(max_codes):
            code = self.request_claim(display_name=display_name, description=description)
            codes.append(code)
            on_code(code)
            expires = clock() + code.expires_in
            while (pause := _pause(poll_interval, expires, deadline, clock())) is not None:
                sleep(pause)
                agent = self.get_my_agent()
                if _is_claimed(agent):
                    return agent
                _check_deadline(deadline, clock(), timeout, codes)
        raise _expired(codes)


class AsyncMetaHelpers(AsyncMetaEndpoints):
    async def register(
        self,
        *,
        display_name: str,
        description: str | NotGiven = NOT_GIVEN,
        strategy_type: str | NotGiven = NOT_GIVEN,
        risk_profile: RiskProfile | NotGiven = NOT_GIVEN,
        key_file: str | os.PathLike[str] | None = None,
        overwrite: bool = False,
    ) -> models.AgentRegistration:
        """Register an agent and, if asked, save its key to a private file (see ``MetaHelpers.register``)."""
        if key_file is None:
            return await self.register_agent(
                display_name=display_name,
                description=description,
                strategy_type=strategy_type,
                risk_profile=risk_profile,
            )
        # A few small local file operations: not worth a thread.
        with _KeyFile(key_file, overwrite=overwrite) as sink:
            registration = await self.register_agent(
                display_name=display_name,
                description=description,
                strategy_type=strategy_type,
                risk_profile=risk_profile,
            )
            sink.write(registration.api_key.get_secret_value())
        return registration

    async def claim(
        self,
        *,
        display_name: str,
        on_code: CodeCallback,
        description: str | NotGiven = NOT_GIVEN,
        poll_interval: float = DEFAULT_CLAIM_POLL_INTERVAL,
        timeout: float | None = None,
        max_codes: int = DEFAULT_MAX_CODES,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> models.Agent:
        """Have a user claim this agent (see ``MetaHelpers.claim``); ``on_code`` may be a coroutine function."""
        agent = await self.get_my_agent()
        if _is_claimed(agent):
            return agent
        deadline = None if timeout is None else clock() + timeout
        codes: list[models.ClaimCode] = []
        for _ in range(max_codes):
            code = await self.request_claim(display_name=display_name, description=description)
            codes.append(code)
            outcome = on_code(code)
            if inspect.isawaitable(outcome):
                await outcome
            expires = clock() + code.expires_in
            while (pause := _pause(poll_interval, expires, deadline, clock())) is not None:
                await sleep(pause)
                agent = await self.get_my_agent()
                if _is_claimed(agent):
                    return agent
                _check_deadline(deadline, clock(), timeout, codes)
        raise _expired(codes)


class _KeyFile:
    """A file for a secret, mode 0600, claimed before the secret exists and removed if it never comes.

    Without ``overwrite`` the file itself is created exclusively (O_EXCL), so an existing one is never
    touched; with it, the key goes to a private temporary file beside it that replaces the old one
    only once written, so a failed registration leaves the old key in place.
    """

    def __init__(self, path: str | os.PathLike[str], *, overwrite: bool) -> None:
        self._path = Path(path).expanduser()
        self._overwrite = overwrite
        self._fd = -1
        self._target = self._path

    def __enter__(self) -> _KeyFile:
        if self._overwrite:
            # mkstemp creates with O_EXCL and mode 0600, in the same directory so the rename is atomic.
            self._fd, name = tempfile.mkstemp(prefix=f".{self._path.name}.", dir=self._path.parent)
            self._target = Path(name)
        else:
            self._fd = os.open(self._path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        return self

    def write(self, secret: str) -> None:
        os.write(self._fd, f"{secret}\n".encode())
        os.fsync(self._fd)

    def __exit__(self, exc_type: type[BaseException] | None, *_: object) -> None:
        os.close(self._fd)
        if exc_type is not None:
            with contextlib.suppress(OSError):
                self._target.unlink()
        elif self._target != self._path:
            os.replace(self._target, self._path)


def _is_claimed(agent: models.Agent) -> bool:
    return agent.status == models.AgentStatus.CLAIMED


def _pause(interval: float, expires: float, deadline: float | None, now: float) -> float | None:
    """How long to wait before the next check; None once the code has expired."""
    if now >= expires:
        return None
    # The last wait ends when the code expires (or the deadline passes): one check happens then.
    limit = expires if deadline is None else min(expires, deadline)
    return max(0.0, min(interval, limit - now))


def _check_deadline(deadline: float | None, now: float, timeout: float | None, codes: list[models.ClaimCode]) -> None:
    if deadline is not None and now >= deadline:
        raise ClaimTimeoutError(f"the agent was not claimed within {timeout:g} s", codes=codes)


def _expired(codes: list[models.ClaimCode]) -> ClaimExpiredError:
    # The codes themselves stay out of the message (claim codes never reach logs); they are in `codes`.
    return ClaimExpiredError(
        f"the agent was not claimed: every claim code expired unused ({len(codes)} handed out); call claim() again",
        codes=codes,
    )
