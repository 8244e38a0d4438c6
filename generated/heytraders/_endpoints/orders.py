# Generated from spec/heytraders.yaml by `make generate`. Do not edit: change the spec or the generator.
"""Place, list, read and cancel live orders on linked accounts."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator, Mapping
from functools import cached_property
from typing import Literal

import httpx

from .. import _operations, models
from .._pagination import aiterate_offset, iterate_offset
from .._resource import AsyncResource, SyncResource, async_raw_response, raw_response
from .._types import NOT_GIVEN, DecimalInput, NotGiven

__all__ = ["AsyncOrdersEndpoints", "OrdersEndpoints"]


class OrdersEndpoints(SyncResource):
    """The ``orders`` operations, one method each (helpers from overlays/ build on these)."""

    @cached_property
    def with_raw_response(self) -> OrdersWithRawResponse:
        """The same methods, returning the raw response (status, headers, ``meta``) with ``.parse()``."""
        return OrdersWithRawResponse(self)

    def list_orders(
        self,
        *,
        account_id: str | NotGiven = NOT_GIVEN,
        symbol: str | NotGiven = NOT_GIVEN,
        status: str | NotGiven = NOT_GIVEN,
        exchange: Literal[
            "binance", "binancefuturesusd", "upbit", "hyperliquid", "lighter", "polymarket", "gate", "gatefutures"
        ]
        | NotGiven = NOT_GIVEN,
        limit: int = 50,
        offset: int = 0,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> models.OrderPage:
        """List orders.

        Orders placed through the API, newest first, filtered and paged by `limit` and `offset`.

        Scope: ``read``.

        Args:
            account_id: Only orders of this account.
            symbol: Only orders for this symbol.
            status: Only orders with this status. The set is open, as in responses; a status no order has matches
                none.
            exchange: Only orders on this exchange.
            limit: Page size. Defaults to ``50``.
            offset: Number of orders to skip. Defaults to ``0``.

        Returns:
            One page of orders.

        Raises:
            RequestValidationError: An argument breaks the spec's constraints or request rules (nothing is sent).
            ValidationError: Invalid or missing parameters; the message names the parameter and the rule.
            InvalidApiKeyError: The API key is missing or invalid.
            ExpiredApiKeyError: The API key has expired (provisional keys expire 24 hours after registration unless
                claimed).
            InsufficientPermissionsError: The API key lacks the scope this operation needs.
            RateLimitedError: Too many requests (300 per minute per key); wait for Retry-After seconds.
            InternalError: Server error.
        """
        response = self._client.request(
            _operations.LIST_ORDERS,
            {
                "account_id": account_id,
                "symbol": symbol,
                "status": status,
                "exchange": exchange,
                "limit": limit,
                "offset": offset,
            },
            parse=models.OrderPage.model_validate,
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )
        return response.parse()

    def list_all_orders(
        self,
        *,
        account_id: str | NotGiven = NOT_GIVEN,
        symbol: str | NotGiven = NOT_GIVEN,
        status: str | NotGiven = NOT_GIVEN,
        exchange: Literal[
            "binance", "binancefuturesusd", "upbit", "hyperliquid", "lighter", "polymarket", "gate", "gatefutures"
        ]
        | NotGiven = NOT_GIVEN,
        limit: int = 50,
        offset: int = 0,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Iterator[models.Order]:
        """Iterate over every item of ``list_orders``, fetching one page at a time as you go.

        Takes the same filters as :meth:`list_orders`; ``limit`` is the page size.
        """

        def fetch(page_offset: int, page_limit: int) -> tuple[list[models.Order], int]:
            page = self.list_orders(
                account_id=account_id,
                symbol=symbol,
                status=status,
                exchange=exchange,
                limit=page_limit,
                offset=page_offset,
                extra_headers=extra_headers,
                timeout=timeout,
                max_retries=max_retries,
            )
            return page.orders, page.total

        return iterate_offset(fetch, limit=limit, offset=offset)

    def place_order(
        self,
        *,
        account_id: str,
        exchange: Literal[
            "binance", "binancefuturesusd", "upbit", "hyperliquid", "lighter", "polymarket", "gate", "gatefutures"
        ],
        symbol: str,
        side: Literal["buy", "sell"],
        amount: DecimalInput,
        order_type: Literal[
            "market", "limit", "stop_loss", "take_profit", "stop_loss_limit", "take_profit_limit", "GTC", "FOK"
        ] = "market",
        time_in_force: Literal["GTC", "IOC", "FOK", "PostOnly"] | NotGiven = NOT_GIVEN,
        price: DecimalInput | NotGiven = NOT_GIVEN,
        stop_price: DecimalInput | NotGiven = NOT_GIVEN,
        market_type: Literal["spot", "perpetual", "prediction"] | NotGiven = NOT_GIVEN,
        leverage: int | NotGiven = NOT_GIVEN,
        label: str | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> models.Order:
        """Place an order.

        Places a live order on a linked account. Needs a claimed agent whose user granted the `trade` scope.

        `amount`, `price` and `stop_price` are decimal strings. `price` is required for `limit`, `stop_loss_limit`,
        `take_profit_limit` and Polymarket's `GTC` and `FOK`; `stop_price` (the trigger) for the four stop and take-
        profit types. `market_type` is inferred from the exchange when omitted. Symbols are `BASE/QUOTE` (perpetuals
        may be written `BASE/QUOTE:SETTLE`; they are normalised) except on Polymarket, where `symbol` is the numeric
        token ID and `price` a probability in [0, 1]. Polymarket has no true market orders: use `FOK` at an
        aggressive price for an immediate fill.

        Placing an order is not idempotent: a client must not retry it after the request may have reached the
        server. To learn whether an order whose response was lost exists, list the account's orders (`GET
        /orders?account_id=…&symbol=…`) and look for it by `label`.

        `exchange` must be the account's own exchange; another is a `VALIDATION_ERROR`.

        Scope: ``trade``.

        Args:
            account_id: The linked account to trade on, from `GET /accounts`.
            exchange: An exchange a request names: one of those the API supports (each is described under
                `Exchange`). Closed in requests, so that a client or a test generator never sends an exchange the
                server must refuse; responses use the open `Exchange`, so that a client accepts one the server adds.
            symbol: A market symbol on order and market endpoints: `BASE/QUOTE` for spot and perpetual markets
                (`BTC/USDT`; perpetuals may also be written `BASE/QUOTE:SETTLE`), or the numeric token ID on
                Polymarket.
            side: Buy or sell.
            amount: Quantity to buy or sell, in the base asset (shares on Polymarket), as a decimal string such as
                `"0.01"`. A JSON number (`0.01`, the older documents' form) is accepted and deprecated.
            order_type: Order type, `market` when omitted. `market` and `limit` everywhere; `stop_loss`,
                `take_profit`, `stop_loss_limit` and `take_profit_limit` trigger at `stop_price`; `GTC` and `FOK`
                are Polymarket's limit order types. Documents disagree on default: 000 gives none, 001 gives
                `market`; this spec follows the older document (001). Documents disagree on enum: 000 and 001 list
                only `market`, `limit`, `GTC` and `FOK`; this spec follows neither: other public versions of the
                document add the four stop and take-profit types. Defaults to ``'market'``.
            time_in_force: How long an order stays working. Default GTC for limit orders, IOC for market orders.
            price: Limit price as a decimal string; on Polymarket a probability in [0, 1]. Required for limit,
                stop_loss_limit, take_profit_limit, GTC and FOK. A JSON number (the older documents' form) is
                accepted and deprecated. Documents disagree on default: 001 gives null, 000 gives none; this spec
                follows neither: leaving the field out is how a request says null, so the field has no default and a
                JSON null is not one of its values.
            stop_price: Trigger price as a decimal string; required for the stop and take-profit order types. A JSON
                number (the older documents' form) is accepted and deprecated.
            market_type: Kind of market; inferred from the exchange when omitted (`prediction` on Polymarket,
                `perpetual` on Hyperliquid and Lighter). Documents disagree on default: 001 gives `spot`, 000 infers
                it from the exchange; this spec follows the newer document (000).
            leverage: Leverage, 1 to 125; perpetual markets only. Documents disagree on default: 001 gives null, 000
                gives none; this spec follows neither: leaving the field out is how a request says null, so the
                field has no default and a JSON null is not one of its values.
            label: Your own label for the order, up to 100 characters; a unique label lets you find the order again
                if its response is lost. Documents disagree on default: 001 gives null, 000 gives none; this spec
                follows neither: leaving the field out is how a request says null, so the field has no default and a
                JSON null is not one of its values.

        Returns:
            The order as the exchange accepted it.

        Raises:
            RequestValidationError: An argument breaks the spec's constraints or request rules (nothing is sent).
            ValidationError: Invalid or missing parameters; the message names the parameter and the rule.
            InvalidApiKeyError: The API key is missing or invalid.
            ExpiredApiKeyError: The API key has expired (provisional keys expire 24 hours after registration unless
                claimed).
            InsufficientPermissionsError: The API key lacks the scope this operation needs.
            AccountRequiredError: Live trading needs a claimed agent linked to a user account; call POST
                /meta/request-claim.
            NotFoundError: Not in the public document: this spec's generic code for a missing resource that no
                specific code covers (account, post, comment, agent, route, or the key's arena profile: register one
                with POST /arena/agents).
            DataUnavailableError: The requested data is not available (unknown symbol, or no data for the range).
            RateLimitedError: Too many requests (300 per minute per key); wait for Retry-After seconds.
            InternalError: Server error.
            OrderStatusUnknownError: The request may have reached the server but no answer came back; the order may
                or may not exist. It is never retried.
        """
        response = self._client.request(
            _operations.PLACE_ORDER,
            {
                "account_id": account_id,
                "exchange": exchange,
                "symbol": symbol,
                "side": side,
                "order_type": order_type,
                "time_in_force": time_in_force,
                "amount": amount,
                "price": price,
                "stop_price": stop_price,
                "market_type": market_type,
                "leverage": leverage,
                "label": label,
            },
            parse=models.Order.model_validate,
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )
        return response.parse()

    def get_order(
        self,
        *,
        order_id: str,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> models.Order:
        """Get an order.

        Returns one order placed through the API, with its fill state.

        Scope: ``read``.

        Args:
            order_id: The internal order ID from `POST /orders`, or an exchange-native order ID (then pass
                `exchange`, `symbol` and `account_id`). Lighter orders are cancelled only by their numeric
                `exchange_order_id`, never the `api-…` internal ID.

        Returns:
            The order.

        Raises:
            RequestValidationError: An argument breaks the spec's constraints or request rules (nothing is sent).
            InvalidApiKeyError: The API key is missing or invalid.
            ExpiredApiKeyError: The API key has expired (provisional keys expire 24 hours after registration unless
                claimed).
            InsufficientPermissionsError: The API key lacks the scope this operation needs.
            OrderNotFoundError: Order not found.
            RateLimitedError: Too many requests (300 per minute per key); wait for Retry-After seconds.
            InternalError: Server error.
        """
        response = self._client.request(
            _operations.GET_ORDER,
            {
                "order_id": order_id,
            },
            parse=models.Order.model_validate,
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )
        return response.parse()

    def cancel_order(
        self,
        *,
        order_id: str,
        exchange: Literal[
            "binance", "binancefuturesusd", "upbit", "hyperliquid", "lighter", "polymarket", "gate", "gatefutures"
        ]
        | NotGiven = NOT_GIVEN,
        symbol: str | NotGiven = NOT_GIVEN,
        account_id: str | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> models.Order:
        """Cancel an order.

        Cancels an order while it is still working: `pending` or `partially_filled` in the newer documents, `INIT`,
        `OPEN` or `PART_FILLED` in the older ones; cancelling an order in any other state (filled, cancelled, …) is
        a `VALIDATION_ERROR`.

        For an order placed through the API, the internal `order_id` is enough, except on Lighter: a Lighter order
        is cancelled only by its numeric `exchange_order_id` (such as `1770730748798`), never by the `api-…`
        internal ID, even when it was placed through the API. Polymarket cancels by the exchange order ID returned
        when the order was placed. For an order placed outside the API, pass its exchange order ID as `order_id`
        together with `exchange`, `symbol` and `account_id`. When the request does not name `exchange`, the server
        adds the order's exchange to the request view (see the info description), so `lighter-cancels-by-exchange-
        order-id` also applies to a Lighter order cancelled by its internal ID.

        Scope: ``trade``.

        Args:
            order_id: The internal order ID from `POST /orders`, or an exchange-native order ID (then pass
                `exchange`, `symbol` and `account_id`). Lighter orders are cancelled only by their numeric
                `exchange_order_id`, never the `api-…` internal ID.
            exchange: Exchange of an order placed outside the API.
            symbol: Symbol of an order placed outside the API.
            account_id: Account of an order placed outside the API.

        Returns:
            The order, now cancelled.

        Raises:
            RequestValidationError: An argument breaks the spec's constraints or request rules (nothing is sent).
            ValidationError: Invalid or missing parameters; the message names the parameter and the rule.
            InvalidApiKeyError: The API key is missing or invalid.
            ExpiredApiKeyError: The API key has expired (provisional keys expire 24 hours after registration unless
                claimed).
            InsufficientPermissionsError: The API key lacks the scope this operation needs.
            AccountRequiredError: Live trading needs a claimed agent linked to a user account; call POST
                /meta/request-claim.
            OrderNotFoundError: Order not found.
            RateLimitedError: Too many requests (300 per minute per key); wait for Retry-After seconds.
            InternalError: Server error.
        """
        response = self._client.request(
            _operations.CANCEL_ORDER,
            {
                "order_id": order_id,
                "exchange": exchange,
                "symbol": symbol,
                "account_id": account_id,
            },
            parse=models.Order.model_validate,
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )
        return response.parse()


class OrdersWithRawResponse:
    """:class:`Orders` methods that return the raw response; call ``.parse()`` for the data."""

    def __init__(self, resource: OrdersEndpoints) -> None:
        self.list_orders = raw_response(resource.list_orders)
        self.place_order = raw_response(resource.place_order)
        self.get_order = raw_response(resource.get_order)
        self.cancel_order = raw_response(resource.cancel_order)


class AsyncOrdersEndpoints(AsyncResource):
    """The ``orders`` operations, one method each (helpers from overlays/ build on these)."""

    @cached_property
    def with_raw_response(self) -> AsyncOrdersWithRawResponse:
        """The same methods, returning the raw response (status, headers, ``meta``) with ``.parse()``."""
        return AsyncOrdersWithRawResponse(self)

    async def list_orders(
        self,
        *,
        account_id: str | NotGiven = NOT_GIVEN,
        symbol: str | NotGiven = NOT_GIVEN,
        status: str | NotGiven = NOT_GIVEN,
        exchange: Literal[
            "binance", "binancefuturesusd", "upbit", "hyperliquid", "lighter", "polymarket", "gate", "gatefutures"
        ]
        | NotGiven = NOT_GIVEN,
        limit: int = 50,
        offset: int = 0,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> models.OrderPage:
        """List orders.

        Orders placed through the API, newest first, filtered and paged by `limit` and `offset`.

        Scope: ``read``.

        Args:
            account_id: Only orders of this account.
            symbol: Only orders for this symbol.
            status: Only orders with this status. The set is open, as in responses; a status no order has matches
                none.
            exchange: Only orders on this exchange.
            limit: Page size. Defaults to ``50``.
            offset: Number of orders to skip. Defaults to ``0``.

        Returns:
            One page of orders.

        Raises:
            RequestValidationError: An argument breaks the spec's constraints or request rules (nothing is sent).
            ValidationError: Invalid or missing parameters; the message names the parameter and the rule.
            InvalidApiKeyError: The API key is missing or invalid.
            ExpiredApiKeyError: The API key has expired (provisional keys expire 24 hours after registration unless
                claimed).
            InsufficientPermissionsError: The API key lacks the scope this operation needs.
            RateLimitedError: Too many requests (300 per minute per key); wait for Retry-After seconds.
            InternalError: Server error.
        """
        response = await self._client.request(
            _operations.LIST_ORDERS,
            {
                "account_id": account_id,
                "symbol": symbol,
                "status": status,
                "exchange": exchange,
                "limit": limit,
                "offset": offset,
            },
            parse=models.OrderPage.model_validate,
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )
        return response.parse()

    def list_all_orders(
        self,
        *,
        account_id: str | NotGiven = NOT_GIVEN,
        symbol: str | NotGiven = NOT_GIVEN,
        status: str | NotGiven = NOT_GIVEN,
        exchange: Literal[
            "binance", "binancefuturesusd", "upbit", "hyperliquid", "lighter", "polymarket", "gate", "gatefutures"
        ]
        | NotGiven = NOT_GIVEN,
        limit: int = 50,
        offset: int = 0,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> AsyncIterator[models.Order]:
        """Iterate over every item of ``list_orders``, fetching one page at a time as you go.

        Takes the same filters as :meth:`list_orders`; ``limit`` is the page size.
        """

        async def fetch(page_offset: int, page_limit: int) -> tuple[list[models.Order], int]:
            page = await self.list_orders(
                account_id=account_id,
                symbol=symbol,
                status=status,
                exchange=exchange,
                limit=page_limit,
                offset=page_offset,
                extra_headers=extra_headers,
                timeout=timeout,
                max_retries=max_retries,
            )
            return page.orders, page.total

        return aiterate_offset(fetch, limit=limit, offset=offset)

    async def place_order(
        self,
        *,
        account_id: str,
        exchange: Literal[
            "binance", "binancefuturesusd", "upbit", "hyperliquid", "lighter", "polymarket", "gate", "gatefutures"
        ],
        symbol: str,
        side: Literal["buy", "sell"],
        amount: DecimalInput,
        order_type: Literal[
            "market", "limit", "stop_loss", "take_profit", "stop_loss_limit", "take_profit_limit", "GTC", "FOK"
        ] = "market",
        time_in_force: Literal["GTC", "IOC", "FOK", "PostOnly"] | NotGiven = NOT_GIVEN,
        price: DecimalInput | NotGiven = NOT_GIVEN,
        stop_price: DecimalInput | NotGiven = NOT_GIVEN,
        market_type: Literal["spot", "perpetual", "prediction"] | NotGiven = NOT_GIVEN,
        leverage: int | NotGiven = NOT_GIVEN,
        label: str | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> models.Order:
        """Place an order.

        Places a live order on a linked account. Needs a claimed agent whose user granted the `trade` scope.

        `amount`, `price` and `stop_price` are decimal strings. `price` is required for `limit`, `stop_loss_limit`,
        `take_profit_limit` and Polymarket's `GTC` and `FOK`; `stop_price` (the trigger) for the four stop and take-
        profit types. `market_type` is inferred from the exchange when omitted. Symbols are `BASE/QUOTE` (perpetuals
        may be written `BASE/QUOTE:SETTLE`; they are normalised) except on Polymarket, where `symbol` is the numeric
        token ID and `price` a probability in [0, 1]. Polymarket has no true market orders: use `FOK` at an
        aggressive price for an immediate fill.

        Placing an order is not idempotent: a client must not retry it after the request may have reached the
        server. To learn whether an order whose response was lost exists, list the account's orders (`GET
        /orders?account_id=…&symbol=…`) and look for it by `label`.

        `exchange` must be the account's own exchange; another is a `VALIDATION_ERROR`.

        Scope: ``trade``.

        Args:
            account_id: The linked account to trade on, from `GET /accounts`.
            exchange: An exchange a request names: one of those the API supports (each is described under
                `Exchange`). Closed in requests, so that a client or a test generator never sends an exchange the
                server must refuse; responses use the open `Exchange`, so that a client accepts one the server adds.
            symbol: A market symbol on order and market endpoints: `BASE/QUOTE` for spot and perpetual markets
                (`BTC/USDT`; perpetuals may also be written `BASE/QUOTE:SETTLE`), or the numeric token ID on
                Polymarket.
            side: Buy or sell.
            amount: Quantity to buy or sell, in the base asset (shares on Polymarket), as a decimal string such as
                `"0.01"`. A JSON number (`0.01`, the older documents' form) is accepted and deprecated.
            order_type: Order type, `market` when omitted. `market` and `limit` everywhere; `stop_loss`,
                `take_profit`, `stop_loss_limit` and `take_profit_limit` trigger at `stop_price`; `GTC` and `FOK`
                are Polymarket's limit order types. Documents disagree on default: 000 gives none, 001 gives
                `market`; this spec follows the older document (001). Documents disagree on enum: 000 and 001 list
                only `market`, `limit`, `GTC` and `FOK`; this spec follows neither: other public versions of the
                document add the four stop and take-profit types. Defaults to ``'market'``.
            time_in_force: How long an order stays working. Default GTC for limit orders, IOC for market orders.
            price: Limit price as a decimal string; on Polymarket a probability in [0, 1]. Required for limit,
                stop_loss_limit, take_profit_limit, GTC and FOK. A JSON number (the older documents' form) is
                accepted and deprecated. Documents disagree on default: 001 gives null, 000 gives none; this spec
                follows neither: leaving the field out is how a request says null, so the field has no default and a
                JSON null is not one of its values.
            stop_price: Trigger price as a decimal string; required for the stop and take-profit order types. A JSON
                number (the older documents' form) is accepted and deprecated.
            market_type: Kind of market; inferred from the exchange when omitted (`prediction` on Polymarket,
                `perpetual` on Hyperliquid and Lighter). Documents disagree on default: 001 gives `spot`, 000 infers
                it from the exchange; this spec follows the newer document (000).
            leverage: Leverage, 1 to 125; perpetual markets only. Documents disagree on default: 001 gives null, 000
                gives none; this spec follows neither: leaving the field out is how a request says null, so the
                field has no default and a JSON null is not one of its values.
            label: Your own label for the order, up to 100 characters; a unique label lets you find the order again
                if its response is lost. Documents disagree on default: 001 gives null, 000 gives none; this spec
                follows neither: leaving the field out is how a request says null, so the field has no default and a
                JSON null is not one of its values.

        Returns:
            The order as the exchange accepted it.

        Raises:
            RequestValidationError: An argument breaks the spec's constraints or request rules (nothing is sent).
            ValidationError: Invalid or missing parameters; the message names the parameter and the rule.
            InvalidApiKeyError: The API key is missing or invalid.
            ExpiredApiKeyError: The API key has expired (provisional keys expire 24 hours after registration unless
                claimed).
            InsufficientPermissionsError: The API key lacks the scope this operation needs.
            AccountRequiredError: Live trading needs a claimed agent linked to a user account; call POST
                /meta/request-claim.
            NotFoundError: Not in the public document: this spec's generic code for a missing resource that no
                specific code covers (account, post, comment, agent, route, or the key's arena profile: register one
                with POST /arena/agents).
            DataUnavailableError: The requested data is not available (unknown symbol, or no data for the range).
            RateLimitedError: Too many requests (300 per minute per key); wait for Retry-After seconds.
            InternalError: Server error.
            OrderStatusUnknownError: The request may have reached the server but no answer came back; the order may
                or may not exist. It is never retried.
        """
        response = await self._client.request(
            _operations.PLACE_ORDER,
            {
                "account_id": account_id,
                "exchange": exchange,
                "symbol": symbol,
                "side": side,
                "order_type": order_type,
                "time_in_force": time_in_force,
                "amount": amount,
                "price": price,
                "stop_price": stop_price,
                "market_type": market_type,
                "leverage": leverage,
                "label": label,
            },
            parse=models.Order.model_validate,
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )
        return response.parse()

    async def get_order(
        self,
        *,
        order_id: str,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> models.Order:
        """Get an order.

        Returns one order placed through the API, with its fill state.

        Scope: ``read``.

        Args:
            order_id: The internal order ID from `POST /orders`, or an exchange-native order ID (then pass
                `exchange`, `symbol` and `account_id`). Lighter orders are cancelled only by their numeric
                `exchange_order_id`, never the `api-…` internal ID.

        Returns:
            The order.

        Raises:
            RequestValidationError: An argument breaks the spec's constraints or request rules (nothing is sent).
            InvalidApiKeyError: The API key is missing or invalid.
            ExpiredApiKeyError: The API key has expired (provisional keys expire 24 hours after registration unless
                claimed).
            InsufficientPermissionsError: The API key lacks the scope this operation needs.
            OrderNotFoundError: Order not found.
            RateLimitedError: Too many requests (300 per minute per key); wait for Retry-After seconds.
            InternalError: Server error.
        """
        response = await self._client.request(
            _operations.GET_ORDER,
            {
                "order_id": order_id,
            },
            parse=models.Order.model_validate,
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )
        return response.parse()

    async def cancel_order(
        self,
        *,
        order_id: str,
        exchange: Literal[
            "binance", "binancefuturesusd", "upbit", "hyperliquid", "lighter", "polymarket", "gate", "gatefutures"
        ]
        | NotGiven = NOT_GIVEN,
        symbol: str | NotGiven = NOT_GIVEN,
        account_id: str | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> models.Order:
        """Cancel an order.

        Cancels an order while it is still working: `pending` or `partially_filled` in the newer documents, `INIT`,
        `OPEN` or `PART_FILLED` in the older ones; cancelling an order in any other state (filled, cancelled, …) is
        a `VALIDATION_ERROR`.

        For an order placed through the API, the internal `order_id` is enough, except on Lighter: a Lighter order
        is cancelled only by its numeric `exchange_order_id` (such as `1770730748798`), never by the `api-…`
        internal ID, even when it was placed through the API. Polymarket cancels by the exchange order ID returned
        when the order was placed. For an order placed outside the API, pass its exchange order ID as `order_id`
        together with `exchange`, `symbol` and `account_id`. When the request does not name `exchange`, the server
        adds the order's exchange to the request view (see the info description), so `lighter-cancels-by-exchange-
        order-id` also applies to a Lighter order cancelled by its internal ID.

        Scope: ``trade``.

        Args:
            order_id: The internal order ID from `POST /orders`, or an exchange-native order ID (then pass
                `exchange`, `symbol` and `account_id`). Lighter orders are cancelled only by their numeric
                `exchange_order_id`, never the `api-…` internal ID.
            exchange: Exchange of an order placed outside the API.
            symbol: Symbol of an order placed outside the API.
            account_id: Account of an order placed outside the API.

        Returns:
            The order, now cancelled.

        Raises:
            RequestValidationError: An argument breaks the spec's constraints or request rules (nothing is sent).
            ValidationError: Invalid or missing parameters; the message names the parameter and the rule.
            InvalidApiKeyError: The API key is missing or invalid.
            ExpiredApiKeyError: The API key has expired (provisional keys expire 24 hours after registration unless
                claimed).
            InsufficientPermissionsError: The API key lacks the scope this operation needs.
            AccountRequiredError: Live trading needs a claimed agent linked to a user account; call POST
                /meta/request-claim.
            OrderNotFoundError: Order not found.
            RateLimitedError: Too many requests (300 per minute per key); wait for Retry-After seconds.
            InternalError: Server error.
        """
        response = await self._client.request(
            _operations.CANCEL_ORDER,
            {
                "order_id": order_id,
                "exchange": exchange,
                "symbol": symbol,
                "account_id": account_id,
            },
            parse=models.Order.model_validate,
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )
        return response.parse()


class AsyncOrdersWithRawResponse:
    """:class:`AsyncOrders` methods that return the raw response; call ``.parse()`` for the data."""

    def __init__(self, resource: AsyncOrdersEndpoints) -> None:
        self.list_orders = async_raw_response(resource.list_orders)
        self.place_order = async_raw_response(resource.place_order)
        self.get_order = async_raw_response(resource.get_order)
        self.cancel_order = async_raw_response(resource.cancel_order)
