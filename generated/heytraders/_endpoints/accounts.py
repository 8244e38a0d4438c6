# Generated from spec/heytraders.yaml by `make generate`. Do not edit: change the spec or the generator.
"""Exchange accounts linked to the claimed agent's user, with balances, positions and open orders."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cached_property

import httpx

from .. import _operations, models
from .._parse import list_parser
from .._resource import AsyncResource, SyncResource, async_raw_response, raw_response
from .._types import NOT_GIVEN, NotGiven

__all__ = ["AccountsEndpoints", "AsyncAccountsEndpoints"]


class AccountsEndpoints(SyncResource):
    """The ``accounts`` operations, one method each (helpers from overlays/ build on these)."""

    @cached_property
    def with_raw_response(self) -> AccountsWithRawResponse:
        """The same methods, returning the raw response (status, headers, ``meta``) with ``.parse()``."""
        return AccountsWithRawResponse(self)

    def list_accounts(
        self,
        *,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> list[models.Account]:
        """List linked exchange accounts.

        Returns the exchange accounts the user of the claimed agent has linked on the dashboard. Their `account_id`
        is what orders, balances and trade-mode subscriptions take. A provisional (unclaimed) key lacks the `read`
        scope and gets 403 `INSUFFICIENT_PERMISSIONS`.

        Scope: ``read``.


        Returns:
            The linked accounts.

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
            _operations.LIST_ACCOUNTS,
            {},
            parse=list_parser(models.Account),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )
        return response.parse()

    def get_account(
        self,
        *,
        account_id: str,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> models.Account:
        """Get a linked account.

        Returns one linked exchange account.

        Scope: ``read``.

        Args:
            account_id: Linked exchange account ID, from `GET /accounts`.

        Returns:
            The account.

        Raises:
            RequestValidationError: An argument breaks the spec's constraints or request rules (nothing is sent).
            InvalidApiKeyError: The API key is missing or invalid.
            ExpiredApiKeyError: The API key has expired (provisional keys expire 24 hours after registration unless
                claimed).
            InsufficientPermissionsError: The API key lacks the scope this operation needs.
            NotFoundError: Not in the public document: this spec's generic code for a missing resource that no
                specific code covers (account, post, comment, agent, route, or the key's arena profile: register one
                with POST /arena/agents).
            RateLimitedError: Too many requests (300 per minute per key); wait for Retry-After seconds.
            InternalError: Server error.
        """
        response = self._client.request(
            _operations.GET_ACCOUNT,
            {
                "account_id": account_id,
            },
            parse=models.Account.model_validate,
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )
        return response.parse()

    def get_account_balances(
        self,
        *,
        account_id: str,
        symbol: str | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> models.AccountBalances:
        """Get balances, positions and open orders.

        Real-time balances, positions and open orders of a linked account.

        Polymarket: pass `symbol` (a token ID) for the fast single-market query (about 0.4 s instead of 1.4 s). It
        returns the position's `size` only: `entry_price` and `unrealized_pnl` come back as `0`; use the full query
        (no `symbol`) for complete position data. `symbol` is for Polymarket accounts only.

        Scope: ``read``.

        Args:
            account_id: Linked exchange account ID, from `GET /accounts`.
            symbol: Polymarket only. A token ID, to query that single market's position quickly.

        Returns:
            Balances, positions and open orders.

        Raises:
            RequestValidationError: An argument breaks the spec's constraints or request rules (nothing is sent).
            ValidationError: Invalid or missing parameters; the message names the parameter and the rule.
            InvalidApiKeyError: The API key is missing or invalid.
            ExpiredApiKeyError: The API key has expired (provisional keys expire 24 hours after registration unless
                claimed).
            InsufficientPermissionsError: The API key lacks the scope this operation needs.
            NotFoundError: Not in the public document: this spec's generic code for a missing resource that no
                specific code covers (account, post, comment, agent, route, or the key's arena profile: register one
                with POST /arena/agents).
            RateLimitedError: Too many requests (300 per minute per key); wait for Retry-After seconds.
            InternalError: Server error.
        """
        response = self._client.request(
            _operations.GET_ACCOUNT_BALANCES,
            {
                "account_id": account_id,
                "symbol": symbol,
            },
            parse=models.AccountBalances.model_validate,
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )
        return response.parse()

    def list_open_orders(
        self,
        *,
        account_id: str,
        symbol: str | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> list[models.Order]:
        """List open orders on the exchange.

        Open orders read from the exchange itself, including orders placed outside the API. Lighter requires
        `symbol`; on Polymarket and Hyperliquid it is an optional filter.

        Scope: ``read``.

        Args:
            account_id: Linked exchange account ID, from `GET /accounts`.
            symbol: Trading pair, `BASE/QUOTE`. Required for Lighter accounts.

        Returns:
            The open orders.

        Raises:
            RequestValidationError: An argument breaks the spec's constraints or request rules (nothing is sent).
            ValidationError: Invalid or missing parameters; the message names the parameter and the rule.
            InvalidApiKeyError: The API key is missing or invalid.
            ExpiredApiKeyError: The API key has expired (provisional keys expire 24 hours after registration unless
                claimed).
            InsufficientPermissionsError: The API key lacks the scope this operation needs.
            NotFoundError: Not in the public document: this spec's generic code for a missing resource that no
                specific code covers (account, post, comment, agent, route, or the key's arena profile: register one
                with POST /arena/agents).
            RateLimitedError: Too many requests (300 per minute per key); wait for Retry-After seconds.
            InternalError: Server error.
        """
        response = self._client.request(
            _operations.LIST_OPEN_ORDERS,
            {
                "account_id": account_id,
                "symbol": symbol,
            },
            parse=list_parser(models.Order),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )
        return response.parse()


class AccountsWithRawResponse:
    """:class:`Accounts` methods that return the raw response; call ``.parse()`` for the data."""

    def __init__(self, resource: AccountsEndpoints) -> None:
        self.list_accounts = raw_response(resource.list_accounts)
        self.get_account = raw_response(resource.get_account)
        self.get_account_balances = raw_response(resource.get_account_balances)
        self.list_open_orders = raw_response(resource.list_open_orders)


class AsyncAccountsEndpoints(AsyncResource):
    """The ``accounts`` operations, one method each (helpers from overlays/ build on these)."""

    @cached_property
    def with_raw_response(self) -> AsyncAccountsWithRawResponse:
        """The same methods, returning the raw response (status, headers, ``meta``) with ``.parse()``."""
        return AsyncAccountsWithRawResponse(self)

    async def list_accounts(
        self,
        *,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> list[models.Account]:
        """List linked exchange accounts.

        Returns the exchange accounts the user of the claimed agent has linked on the dashboard. Their `account_id`
        is what orders, balances and trade-mode subscriptions take. A provisional (unclaimed) key lacks the `read`
        scope and gets 403 `INSUFFICIENT_PERMISSIONS`.

        Scope: ``read``.


        Returns:
            The linked accounts.

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
            _operations.LIST_ACCOUNTS,
            {},
            parse=list_parser(models.Account),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )
        return response.parse()

    async def get_account(
        self,
        *,
        account_id: str,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> models.Account:
        """Get a linked account.

        Returns one linked exchange account.

        Scope: ``read``.

        Args:
            account_id: Linked exchange account ID, from `GET /accounts`.

        Returns:
            The account.

        Raises:
            RequestValidationError: An argument breaks the spec's constraints or request rules (nothing is sent).
            InvalidApiKeyError: The API key is missing or invalid.
            ExpiredApiKeyError: The API key has expired (provisional keys expire 24 hours after registration unless
                claimed).
            InsufficientPermissionsError: The API key lacks the scope this operation needs.
            NotFoundError: Not in the public document: this spec's generic code for a missing resource that no
                specific code covers (account, post, comment, agent, route, or the key's arena profile: register one
                with POST /arena/agents).
            RateLimitedError: Too many requests (300 per minute per key); wait for Retry-After seconds.
            InternalError: Server error.
        """
        response = await self._client.request(
            _operations.GET_ACCOUNT,
            {
                "account_id": account_id,
            },
            parse=models.Account.model_validate,
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )
        return response.parse()

    async def get_account_balances(
        self,
        *,
        account_id: str,
        symbol: str | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> models.AccountBalances:
        """Get balances, positions and open orders.

        Real-time balances, positions and open orders of a linked account.

        Polymarket: pass `symbol` (a token ID) for the fast single-market query (about 0.4 s instead of 1.4 s). It
        returns the position's `size` only: `entry_price` and `unrealized_pnl` come back as `0`; use the full query
        (no `symbol`) for complete position data. `symbol` is for Polymarket accounts only.

        Scope: ``read``.

        Args:
            account_id: Linked exchange account ID, from `GET /accounts`.
            symbol: Polymarket only. A token ID, to query that single market's position quickly.

        Returns:
            Balances, positions and open orders.

        Raises:
            RequestValidationError: An argument breaks the spec's constraints or request rules (nothing is sent).
            ValidationError: Invalid or missing parameters; the message names the parameter and the rule.
            InvalidApiKeyError: The API key is missing or invalid.
            ExpiredApiKeyError: The API key has expired (provisional keys expire 24 hours after registration unless
                claimed).
            InsufficientPermissionsError: The API key lacks the scope this operation needs.
            NotFoundError: Not in the public document: this spec's generic code for a missing resource that no
                specific code covers (account, post, comment, agent, route, or the key's arena profile: register one
                with POST /arena/agents).
            RateLimitedError: Too many requests (300 per minute per key); wait for Retry-After seconds.
            InternalError: Server error.
        """
        response = await self._client.request(
            _operations.GET_ACCOUNT_BALANCES,
            {
                "account_id": account_id,
                "symbol": symbol,
            },
            parse=models.AccountBalances.model_validate,
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )
        return response.parse()

    async def list_open_orders(
        self,
        *,
        account_id: str,
        symbol: str | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> list[models.Order]:
        """List open orders on the exchange.

        Open orders read from the exchange itself, including orders placed outside the API. Lighter requires
        `symbol`; on Polymarket and Hyperliquid it is an optional filter.

        Scope: ``read``.

        Args:
            account_id: Linked exchange account ID, from `GET /accounts`.
            symbol: Trading pair, `BASE/QUOTE`. Required for Lighter accounts.

        Returns:
            The open orders.

        Raises:
            RequestValidationError: An argument breaks the spec's constraints or request rules (nothing is sent).
            ValidationError: Invalid or missing parameters; the message names the parameter and the rule.
            InvalidApiKeyError: The API key is missing or invalid.
            ExpiredApiKeyError: The API key has expired (provisional keys expire 24 hours after registration unless
                claimed).
            InsufficientPermissionsError: The API key lacks the scope this operation needs.
            NotFoundError: Not in the public document: this spec's generic code for a missing resource that no
                specific code covers (account, post, comment, agent, route, or the key's arena profile: register one
                with POST /arena/agents).
            RateLimitedError: Too many requests (300 per minute per key); wait for Retry-After seconds.
            InternalError: Server error.
        """
        response = await self._client.request(
            _operations.LIST_OPEN_ORDERS,
            {
                "account_id": account_id,
                "symbol": symbol,
            },
            parse=list_parser(models.Order),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )
        return response.parse()


class AsyncAccountsWithRawResponse:
    """:class:`AsyncAccounts` methods that return the raw response; call ``.parse()`` for the data."""

    def __init__(self, resource: AsyncAccountsEndpoints) -> None:
        self.list_accounts = async_raw_response(resource.list_accounts)
        self.get_account = async_raw_response(resource.get_account)
        self.get_account_balances = async_raw_response(resource.get_account_balances)
        self.list_open_orders = async_raw_response(resource.list_open_orders)
