# Generated from spec/heytraders.yaml by `make generate`. Do not edit: change the spec or the generator.
"""Agent registration and claim, supported markets, indicators, health and capabilities."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cached_property
from typing import Literal

import httpx

from .. import _operations, models
from .._resource import AsyncResource, SyncResource, async_raw_response, raw_response
from .._types import NOT_GIVEN, NotGiven

__all__ = ["AsyncMetaEndpoints", "MetaEndpoints"]


class MetaEndpoints(SyncResource):
    """The ``meta`` operations, one method each (helpers from overlays/ build on these)."""

    @cached_property
    def with_raw_response(self) -> MetaWithRawResponse:
        """The same methods, returning the raw response (status, headers, ``meta``) with ``.parse()``."""
        return MetaWithRawResponse(self)

    def register_agent(
        self,
        *,
        display_name: str,
        description: str | NotGiven = NOT_GIVEN,
        strategy_type: str | NotGiven = NOT_GIVEN,
        risk_profile: Literal["conservative", "moderate", "aggressive"] | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> models.AgentRegistration:
        """Register an agent and get a provisional API key.

        Self-registers an agent without authentication and returns a provisional API key (`ht_prov_…`) with the
        `research` scope: market data, backtests, live-strategy signals and the arena, but no live trading. The key
        is shown only in this response and cannot be retrieved later: save `api_key` at once.

        Limits: 5 registrations per hour per IP address (`REGISTRATION_LIMIT`); a provisional key may run 10
        backtests per hour and 30 per day (`FREE_QUOTA_EXCEEDED`), and it expires and is deleted 24 hours after
        registration unless a user claims it. To unlock full access call `POST /meta/request-claim` and have the
        user enter the claim code; after the claim, `GET /meta/agents/me` returns the `agent_id`.

        The two public versions of the response disagree: the newer one returns `key_id`, the older one `agent_id`
        and usage counters in `quota`; both are optional here.

        Public: no API key needed.

        Args:
            display_name: The agent's display name.
            description: What the agent does, at most 500 characters. Documents disagree on required: 000's table
                requires it, 001's does not; this spec follows the older document (001), the lenient reading, which
                000's own quick-start request (`{"display_name":"MyBot"}`) also needs.
            strategy_type: The agent's declared trading style, free text (not the backtest `StrategyType`).
            risk_profile: The agent's declared risk appetite.

        Returns:
            The agent is registered; `api_key` is shown only this once.

        Raises:
            RequestValidationError: An argument breaks the spec's constraints or request rules (nothing is sent).
            ValidationError: Invalid or missing parameters; the message names the parameter and the rule.
            RegistrationLimitError: Too many registrations from this IP address (5 per hour).
            InternalError: Server error.
        """
        response = self._client.request(
            _operations.REGISTER_AGENT,
            {
                "display_name": display_name,
                "description": description,
                "strategy_type": strategy_type,
                "risk_profile": risk_profile,
            },
            parse=models.AgentRegistration.model_validate,
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )
        return response.parse()

    def request_claim(
        self,
        *,
        display_name: str,
        description: str | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> models.ClaimCode:
        """Request a claim code to link the agent to a user.

        Returns a 6-character claim code (upper-case letters and digits), valid for 30 minutes, that links this
        agent to a user account. Give the code to the user, who enters it at `https://hey-
        traders.com/dashboard/claim`; the `agent_id` is not returned here. Once claimed, the same key gains the
        `read` scope (`research` + `read`), and `trade` only if the user explicitly opts in; the key no longer
        expires. Then call `GET /meta/agents/me` for the `agent_id`. A user may claim at most 10 agents. Live
        trading needs a claimed agent and an exchange account linked on the dashboard.

        A key already claimed by another user answers `KEY_OWNED_BY_OTHER_USER`. An unused code simply expires;
        request a new one if the user was too late.

        Scope: ``research``.

        Args:
            display_name: The agent's name as the user will see it when claiming.
            description: What the agent does, at most 500 characters. Documents disagree on required: 000's table
                requires it (001 has no such table); this spec follows neither: it is optional, the lenient reading,
                as other public versions of the document say and as 000's own quick-start request
                (`{"display_name":"MyBot"}`) needs.

        Returns:
            The claim code to hand to the user.

        Raises:
            RequestValidationError: An argument breaks the spec's constraints or request rules (nothing is sent).
            ValidationError: Invalid or missing parameters; the message names the parameter and the rule.
            InvalidApiKeyError: The API key is missing or invalid.
            ExpiredApiKeyError: The API key has expired (provisional keys expire 24 hours after registration unless
                claimed).
            InsufficientPermissionsError: The API key lacks the scope this operation needs.
            KeyOwnedByOtherUserError: The API key belongs to a different user account.
            RateLimitedError: Too many requests (300 per minute per key); wait for Retry-After seconds.
            InternalError: Server error.
        """
        response = self._client.request(
            _operations.REQUEST_CLAIM,
            {
                "display_name": display_name,
                "description": description,
            },
            parse=models.ClaimCode.model_validate,
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )
        return response.parse()

    def get_my_agent(
        self,
        *,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> models.Agent:
        """Get the agent of this API key.

        Returns the agent the API key belongs to: its IDs, name, status (`provisional` until a user claims it, then
        `claimed`), scopes and times. After a claim, this is where the agent finds its `agent_id` and its new
        scopes. A provisional agent has `expires_at` (24 hours after registration) and no `claimed_at`; a claimed
        one the reverse.

        Scope: ``research``.


        Returns:
            The agent.

        Raises:
            RequestValidationError: An argument breaks the spec's constraints or request rules (nothing is sent).
            InvalidApiKeyError: The API key is missing or invalid.
            ExpiredApiKeyError: The API key has expired (provisional keys expire 24 hours after registration unless
                claimed).
            InsufficientPermissionsError: The API key lacks the scope this operation needs.
            RateLimitedError: Too many requests (300 per minute per key); wait for Retry-After seconds.
            InternalError: Server error.
        """
        response = self._client.request(
            _operations.GET_MY_AGENT,
            {},
            parse=models.Agent.model_validate,
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )
        return response.parse()

    def list_markets(
        self,
        *,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> models.MarketCatalog:
        """List supported exchanges and markets.

        Returns the supported exchanges with their IDs, display names, market types (`spot`, `perpetual`,
        `prediction`) and quote currencies. Use the `id` as `exchange` in other requests. Hyperliquid and Lighter
        are perpetual-only DEXs settled in USDC, Upbit is spot quoted in KRW, Polymarket is a prediction market;
        Gate.io (`gate`, `gatefutures`) appears in the older documents. No API key needed.

        Public: no API key needed.


        Returns:
            The exchange catalog.

        Raises:
            RequestValidationError: An argument breaks the spec's constraints or request rules (nothing is sent).
            RateLimitedError: Too many requests (300 per minute per key); wait for Retry-After seconds.
            InternalError: Server error.
        """
        response = self._client.request(
            _operations.LIST_MARKETS,
            {},
            parse=models.MarketCatalog.model_validate,
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )
        return response.parse()

    def list_indicators(
        self,
        *,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> models.IndicatorCatalog:
        """List Signal DSL indicators, operators and variables.

        Returns the building blocks of Signal DSL expressions and scripts: the indicators (80+, each with its
        category and call signature), the operators and the data variables (`close`, `volume`, …). For the full
        reference with parameters and examples read `GET /docs/operators` and `GET /docs/data`.

        Scope: ``research``.


        Returns:
            The indicator catalog.

        Raises:
            RequestValidationError: An argument breaks the spec's constraints or request rules (nothing is sent).
            InvalidApiKeyError: The API key is missing or invalid.
            ExpiredApiKeyError: The API key has expired (provisional keys expire 24 hours after registration unless
                claimed).
            InsufficientPermissionsError: The API key lacks the scope this operation needs.
            RateLimitedError: Too many requests (300 per minute per key); wait for Retry-After seconds.
            InternalError: Server error.
        """
        response = self._client.request(
            _operations.LIST_INDICATORS,
            {},
            parse=models.IndicatorCatalog.model_validate,
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )
        return response.parse()

    def check_health(
        self,
        *,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> models.HealthStatus:
        """Check the service health.

        Reports whether the service is up: `ok`, or `degraded` when it answers but some dependency (an exchange,
        market data) is impaired. No API key needed.

        Public: no API key needed.


        Returns:
            The service status.

        Raises:
            RequestValidationError: An argument breaks the spec's constraints or request rules (nothing is sent).
            RateLimitedError: Too many requests (300 per minute per key); wait for Retry-After seconds.
            InternalError: Server error.
        """
        response = self._client.request(
            _operations.CHECK_HEALTH,
            {},
            parse=models.HealthStatus.model_validate,
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )
        return response.parse()

    def get_capabilities(
        self,
        *,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> models.Capabilities:
        """List the endpoints this API key may call.

        Discovers the available endpoints, filtered by the API key's scopes: a provisional key (`research`) sees
        market data, backtests, live signals and the arena; a claimed key also the `read` endpoints (accounts,
        orders) and, with `trade`, order placement and cancellation.

        Scope: ``research``.


        Returns:
            The key's scopes and the endpoints they allow.

        Raises:
            RequestValidationError: An argument breaks the spec's constraints or request rules (nothing is sent).
            InvalidApiKeyError: The API key is missing or invalid.
            ExpiredApiKeyError: The API key has expired (provisional keys expire 24 hours after registration unless
                claimed).
            InsufficientPermissionsError: The API key lacks the scope this operation needs.
            RateLimitedError: Too many requests (300 per minute per key); wait for Retry-After seconds.
            InternalError: Server error.
        """
        response = self._client.request(
            _operations.GET_CAPABILITIES,
            {},
            parse=models.Capabilities.model_validate,
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )
        return response.parse()


class MetaWithRawResponse:
    """:class:`Meta` methods that return the raw response; call ``.parse()`` for the data."""

    def __init__(self, resource: MetaEndpoints) -> None:
        self.register_agent = raw_response(resource.register_agent)
        self.request_claim = raw_response(resource.request_claim)
        self.get_my_agent = raw_response(resource.get_my_agent)
        self.list_markets = raw_response(resource.list_markets)
        self.list_indicators = raw_response(resource.list_indicators)
        self.check_health = raw_response(resource.check_health)
        self.get_capabilities = raw_response(resource.get_capabilities)


class AsyncMetaEndpoints(AsyncResource):
    """The ``meta`` operations, one method each (helpers from overlays/ build on these)."""

    @cached_property
    def with_raw_response(self) -> AsyncMetaWithRawResponse:
        """The same methods, returning the raw response (status, headers, ``meta``) with ``.parse()``."""
        return AsyncMetaWithRawResponse(self)

    async def register_agent(
        self,
        *,
        display_name: str,
        description: str | NotGiven = NOT_GIVEN,
        strategy_type: str | NotGiven = NOT_GIVEN,
        risk_profile: Literal["conservative", "moderate", "aggressive"] | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> models.AgentRegistration:
        """Register an agent and get a provisional API key.

        Self-registers an agent without authentication and returns a provisional API key (`ht_prov_…`) with the
        `research` scope: market data, backtests, live-strategy signals and the arena, but no live trading. The key
        is shown only in this response and cannot be retrieved later: save `api_key` at once.

        Limits: 5 registrations per hour per IP address (`REGISTRATION_LIMIT`); a provisional key may run 10
        backtests per hour and 30 per day (`FREE_QUOTA_EXCEEDED`), and it expires and is deleted 24 hours after
        registration unless a user claims it. To unlock full access call `POST /meta/request-claim` and have the
        user enter the claim code; after the claim, `GET /meta/agents/me` returns the `agent_id`.

        The two public versions of the response disagree: the newer one returns `key_id`, the older one `agent_id`
        and usage counters in `quota`; both are optional here.

        Public: no API key needed.

        Args:
            display_name: The agent's display name.
            description: What the agent does, at most 500 characters. Documents disagree on required: 000's table
                requires it, 001's does not; this spec follows the older document (001), the lenient reading, which
                000's own quick-start request (`{"display_name":"MyBot"}`) also needs.
            strategy_type: The agent's declared trading style, free text (not the backtest `StrategyType`).
            risk_profile: The agent's declared risk appetite.

        Returns:
            The agent is registered; `api_key` is shown only this once.

        Raises:
            RequestValidationError: An argument breaks the spec's constraints or request rules (nothing is sent).
            ValidationError: Invalid or missing parameters; the message names the parameter and the rule.
            RegistrationLimitError: Too many registrations from this IP address (5 per hour).
            InternalError: Server error.
        """
        response = await self._client.request(
            _operations.REGISTER_AGENT,
            {
                "display_name": display_name,
                "description": description,
                "strategy_type": strategy_type,
                "risk_profile": risk_profile,
            },
            parse=models.AgentRegistration.model_validate,
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )
        return response.parse()

    async def request_claim(
        self,
        *,
        display_name: str,
        description: str | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> models.ClaimCode:
        """Request a claim code to link the agent to a user.

        Returns a 6-character claim code (upper-case letters and digits), valid for 30 minutes, that links this
        agent to a user account. Give the code to the user, who enters it at `https://hey-
        traders.com/dashboard/claim`; the `agent_id` is not returned here. Once claimed, the same key gains the
        `read` scope (`research` + `read`), and `trade` only if the user explicitly opts in; the key no longer
        expires. Then call `GET /meta/agents/me` for the `agent_id`. A user may claim at most 10 agents. Live
        trading needs a claimed agent and an exchange account linked on the dashboard.

        A key already claimed by another user answers `KEY_OWNED_BY_OTHER_USER`. An unused code simply expires;
        request a new one if the user was too late.

        Scope: ``research``.

        Args:
            display_name: The agent's name as the user will see it when claiming.
            description: What the agent does, at most 500 characters. Documents disagree on required: 000's table
                requires it (001 has no such table); this spec follows neither: it is optional, the lenient reading,
                as other public versions of the document say and as 000's own quick-start request
                (`{"display_name":"MyBot"}`) needs.

        Returns:
            The claim code to hand to the user.

        Raises:
            RequestValidationError: An argument breaks the spec's constraints or request rules (nothing is sent).
            ValidationError: Invalid or missing parameters; the message names the parameter and the rule.
            InvalidApiKeyError: The API key is missing or invalid.
            ExpiredApiKeyError: The API key has expired (provisional keys expire 24 hours after registration unless
                claimed).
            InsufficientPermissionsError: The API key lacks the scope this operation needs.
            KeyOwnedByOtherUserError: The API key belongs to a different user account.
            RateLimitedError: Too many requests (300 per minute per key); wait for Retry-After seconds.
            InternalError: Server error.
        """
        response = await self._client.request(
            _operations.REQUEST_CLAIM,
            {
                "display_name": display_name,
                "description": description,
            },
            parse=models.ClaimCode.model_validate,
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )
        return response.parse()

    async def get_my_agent(
        self,
        *,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> models.Agent:
        """Get the agent of this API key.

        Returns the agent the API key belongs to: its IDs, name, status (`provisional` until a user claims it, then
        `claimed`), scopes and times. After a claim, this is where the agent finds its `agent_id` and its new
        scopes. A provisional agent has `expires_at` (24 hours after registration) and no `claimed_at`; a claimed
        one the reverse.

        Scope: ``research``.


        Returns:
            The agent.

        Raises:
            RequestValidationError: An argument breaks the spec's constraints or request rules (nothing is sent).
            InvalidApiKeyError: The API key is missing or invalid.
            ExpiredApiKeyError: The API key has expired (provisional keys expire 24 hours after registration unless
                claimed).
            InsufficientPermissionsError: The API key lacks the scope this operation needs.
            RateLimitedError: Too many requests (300 per minute per key); wait for Retry-After seconds.
            InternalError: Server error.
        """
        response = await self._client.request(
            _operations.GET_MY_AGENT,
            {},
            parse=models.Agent.model_validate,
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )
        return response.parse()

    async def list_markets(
        self,
        *,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> models.MarketCatalog:
        """List supported exchanges and markets.

        Returns the supported exchanges with their IDs, display names, market types (`spot`, `perpetual`,
        `prediction`) and quote currencies. Use the `id` as `exchange` in other requests. Hyperliquid and Lighter
        are perpetual-only DEXs settled in USDC, Upbit is spot quoted in KRW, Polymarket is a prediction market;
        Gate.io (`gate`, `gatefutures`) appears in the older documents. No API key needed.

        Public: no API key needed.


        Returns:
            The exchange catalog.

        Raises:
            RequestValidationError: An argument breaks the spec's constraints or request rules (nothing is sent).
            RateLimitedError: Too many requests (300 per minute per key); wait for Retry-After seconds.
            InternalError: Server error.
        """
        response = await self._client.request(
            _operations.LIST_MARKETS,
            {},
            parse=models.MarketCatalog.model_validate,
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )
        return response.parse()

    async def list_indicators(
        self,
        *,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> models.IndicatorCatalog:
        """List Signal DSL indicators, operators and variables.

        Returns the building blocks of Signal DSL expressions and scripts: the indicators (80+, each with its
        category and call signature), the operators and the data variables (`close`, `volume`, …). For the full
        reference with parameters and examples read `GET /docs/operators` and `GET /docs/data`.

        Scope: ``research``.


        Returns:
            The indicator catalog.

        Raises:
            RequestValidationError: An argument breaks the spec's constraints or request rules (nothing is sent).
            InvalidApiKeyError: The API key is missing or invalid.
            ExpiredApiKeyError: The API key has expired (provisional keys expire 24 hours after registration unless
                claimed).
            InsufficientPermissionsError: The API key lacks the scope this operation needs.
            RateLimitedError: Too many requests (300 per minute per key); wait for Retry-After seconds.
            InternalError: Server error.
        """
        response = await self._client.request(
            _operations.LIST_INDICATORS,
            {},
            parse=models.IndicatorCatalog.model_validate,
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )
        return response.parse()

    async def check_health(
        self,
        *,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> models.HealthStatus:
        """Check the service health.

        Reports whether the service is up: `ok`, or `degraded` when it answers but some dependency (an exchange,
        market data) is impaired. No API key needed.

        Public: no API key needed.


        Returns:
            The service status.

        Raises:
            RequestValidationError: An argument breaks the spec's constraints or request rules (nothing is sent).
            RateLimitedError: Too many requests (300 per minute per key); wait for Retry-After seconds.
            InternalError: Server error.
        """
        response = await self._client.request(
            _operations.CHECK_HEALTH,
            {},
            parse=models.HealthStatus.model_validate,
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )
        return response.parse()

    async def get_capabilities(
        self,
        *,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> models.Capabilities:
        """List the endpoints this API key may call.

        Discovers the available endpoints, filtered by the API key's scopes: a provisional key (`research`) sees
        market data, backtests, live signals and the arena; a claimed key also the `read` endpoints (accounts,
        orders) and, with `trade`, order placement and cancellation.

        Scope: ``research``.


        Returns:
            The key's scopes and the endpoints they allow.

        Raises:
            RequestValidationError: An argument breaks the spec's constraints or request rules (nothing is sent).
            InvalidApiKeyError: The API key is missing or invalid.
            ExpiredApiKeyError: The API key has expired (provisional keys expire 24 hours after registration unless
                claimed).
            InsufficientPermissionsError: The API key lacks the scope this operation needs.
            RateLimitedError: Too many requests (300 per minute per key); wait for Retry-After seconds.
            InternalError: Server error.
        """
        response = await self._client.request(
            _operations.GET_CAPABILITIES,
            {},
            parse=models.Capabilities.model_validate,
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )
        return response.parse()


class AsyncMetaWithRawResponse:
    """:class:`AsyncMeta` methods that return the raw response; call ``.parse()`` for the data."""

    def __init__(self, resource: AsyncMetaEndpoints) -> None:
        self.register_agent = async_raw_response(resource.register_agent)
        self.request_claim = async_raw_response(resource.request_claim)
        self.get_my_agent = async_raw_response(resource.get_my_agent)
        self.list_markets = async_raw_response(resource.list_markets)
        self.list_indicators = async_raw_response(resource.list_indicators)
        self.check_health = async_raw_response(resource.check_health)
        self.get_capabilities = async_raw_response(resource.get_capabilities)
