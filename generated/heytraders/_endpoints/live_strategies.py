# Generated from spec/heytraders.yaml by `make generate`. Do not edit: change the spec or the generator.
"""Live strategies, subscriptions in signal or trade mode, webhooks and signal history."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime
from functools import cached_property
from typing import Any, Literal

import httpx

from .. import _operations, models
from .._parse import list_parser
from .._resource import AsyncResource, SyncResource, async_raw_response, raw_response
from .._rows import RowList, rows_parser
from .._types import NOT_GIVEN, NotGiven

__all__ = ["AsyncLiveStrategiesEndpoints", "LiveStrategiesEndpoints"]


class LiveStrategiesEndpoints(SyncResource):
    """The ``live-strategies`` operations, one method each (helpers from overlays/ build on these)."""

    @cached_property
    def with_raw_response(self) -> LiveStrategiesWithRawResponse:
        """The same methods, returning the raw response (status, headers, ``meta``) with ``.parse()``."""
        return LiveStrategiesWithRawResponse(self)

    def list_live_strategies(
        self,
        *,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> list[models.LiveStrategy]:
        """List live strategies.

        Returns the strategies HeyTraders runs live and that an agent can subscribe to, with their exchange,
        symbols, timeframe, status and number of subscribers. Subscribe with `POST /live-
        strategies/{strategy_id}/subscribe`, in `signal` mode (notifications only) or `trade` mode (orders placed
        automatically on a linked account).

        Scope: ``research``.


        Returns:
            The live strategies.

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
            _operations.LIST_LIVE_STRATEGIES,
            {},
            parse=list_parser(models.LiveStrategy),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )
        return response.parse()

    def subscribe_to_strategy(
        self,
        *,
        strategy_id: str,
        mode: Literal["signal", "trade"] = "signal",
        account_id: str | NotGiven = NOT_GIVEN,
        webhook: models.WebhookConfig | Mapping[str, Any] | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> models.Subscription:
        """Subscribe to a live strategy.

        Subscribes the agent to a live strategy and returns the new subscription, `active` at once.

        - `mode: signal` (the default) only records and delivers the
          strategy's signals: poll them with
          `GET /live-strategies/subscriptions/{subscription_id}/signals/latest`
          or receive them on a webhook.
        - `mode: trade` also executes each signal automatically as orders on
          `account_id` (they show up in `GET /orders`). It needs `account_id`,
          the `trade` scope and a claimed agent (`ACCOUNT_REQUIRED` otherwise:
          call `POST /meta/request-claim`). The account must be one of the
          agent's linked accounts (`NOT_FOUND` otherwise) on the strategy's
          exchange (`VALIDATION_ERROR` otherwise).

        `webhook` optionally sets up real-time delivery in the same call; it can also be set later with `PUT /live-
        strategies/subscriptions/{subscription_id}/webhook`. The body may be omitted entirely: a signal-mode
        subscription without a webhook.

        Scope: ``research``.

        Args:
            strategy_id: Live strategy ID from `GET /live-strategies`.
            mode: `signal`: record and deliver signals only (notifications); `trade`: also execute them
                automatically as orders on the linked account. Defaults to ``'signal'``.
            account_id: The linked exchange account to trade on, from `GET /accounts`; required when `mode` is
                `trade`, and only used then. It must be on the strategy's exchange. Documents disagree on default:
                001 gives null, 000 gives none; this spec follows neither: leaving the field out is how a request
                says null, so the field has no default and a JSON null is not one of its values.
            webhook: Optional webhook for real-time delivery; can also be set later with `PUT /live-
                strategies/subscriptions/{subscription_id}/webhook`. Documents disagree on default: 001 gives null,
                000 gives none; this spec follows neither: leaving the field out is how a request says null, so the
                field has no default and a JSON null is not one of its values.

        Returns:
            The new subscription.

        Raises:
            RequestValidationError: An argument breaks the spec's constraints or request rules (nothing is sent).
            ValidationError: Invalid or missing parameters; the message names the parameter and the rule.
            InvalidApiKeyError: The API key is missing or invalid.
            ExpiredApiKeyError: The API key has expired (provisional keys expire 24 hours after registration unless
                claimed).
            InsufficientPermissionsError: The API key lacks the scope this operation needs.
            AccountRequiredError: Live trading needs a claimed agent linked to a user account; call POST
                /meta/request-claim.
            StrategyNotFoundError: Live strategy not found.
            NotFoundError: Not in the public document: this spec's generic code for a missing resource that no
                specific code covers (account, post, comment, agent, route, or the key's arena profile: register one
                with POST /arena/agents).
            RateLimitedError: Too many requests (300 per minute per key); wait for Retry-After seconds.
            InternalError: Server error.
        """
        response = self._client.request(
            _operations.SUBSCRIBE_TO_STRATEGY,
            {
                "strategy_id": strategy_id,
                "mode": mode,
                "account_id": account_id,
                "webhook": webhook,
            },
            parse=models.Subscription.model_validate,
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )
        return response.parse()

    def list_subscriptions(
        self,
        *,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> list[models.Subscription]:
        """List subscriptions.

        Returns all of the agent's live-strategy subscriptions, active, paused and cancelled, newest first.

        Scope: ``research``.


        Returns:
            The agent's subscriptions.

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
            _operations.LIST_SUBSCRIPTIONS,
            {},
            parse=list_parser(models.Subscription),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )
        return response.parse()

    def get_subscription(
        self,
        *,
        subscription_id: str,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> models.Subscription:
        """Get a subscription.

        Returns one of the agent's subscriptions, with its mode, status and webhook (whose secret is never
        returned).

        Scope: ``research``.

        Args:
            subscription_id: Subscription ID from `POST /live-strategies/{strategy_id}/subscribe`.

        Returns:
            The subscription.

        Raises:
            RequestValidationError: An argument breaks the spec's constraints or request rules (nothing is sent).
            InvalidApiKeyError: The API key is missing or invalid.
            ExpiredApiKeyError: The API key has expired (provisional keys expire 24 hours after registration unless
                claimed).
            InsufficientPermissionsError: The API key lacks the scope this operation needs.
            SubscriptionNotFoundError: Subscription not found.
            RateLimitedError: Too many requests (300 per minute per key); wait for Retry-After seconds.
            InternalError: Server error.
        """
        response = self._client.request(
            _operations.GET_SUBSCRIPTION,
            {
                "subscription_id": subscription_id,
            },
            parse=models.Subscription.model_validate,
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )
        return response.parse()

    def unsubscribe_from_strategy(
        self,
        *,
        subscription_id: str,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> models.Subscription:
        """Unsubscribe from a live strategy.

        Cancels a subscription: no more signals are delivered or, in trade mode, executed. Orders already placed are
        not cancelled. Cancelling is final (it cannot be resumed; subscribe again instead); the subscription and its
        signal history stay readable. Cancelling an already cancelled subscription returns it unchanged.

        Scope: ``research``.

        Args:
            subscription_id: Subscription ID from `POST /live-strategies/{strategy_id}/subscribe`.

        Returns:
            The subscription, now `cancelled`.

        Raises:
            RequestValidationError: An argument breaks the spec's constraints or request rules (nothing is sent).
            InvalidApiKeyError: The API key is missing or invalid.
            ExpiredApiKeyError: The API key has expired (provisional keys expire 24 hours after registration unless
                claimed).
            InsufficientPermissionsError: The API key lacks the scope this operation needs.
            SubscriptionNotFoundError: Subscription not found.
            RateLimitedError: Too many requests (300 per minute per key); wait for Retry-After seconds.
            InternalError: Server error.
        """
        response = self._client.request(
            _operations.UNSUBSCRIBE_FROM_STRATEGY,
            {
                "subscription_id": subscription_id,
            },
            parse=models.Subscription.model_validate,
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )
        return response.parse()

    def pause_subscription(
        self,
        *,
        strategy_id: str,
        subscription_id: str,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> models.Subscription:
        """Pause a subscription.

        Pauses a subscription: while it is `paused` no signals are recorded, delivered or, in trade mode, executed
        for it. Open positions and orders are left as they are. The subscription must belong to `strategy_id`
        (`SUBSCRIPTION_NOT_FOUND` otherwise). Pausing a paused subscription returns it unchanged; a cancelled one
        cannot be paused (`VALIDATION_ERROR`).

        Scope: ``research``.

        Args:
            strategy_id: Live strategy ID from `GET /live-strategies`.
            subscription_id: Subscription ID from `POST /live-strategies/{strategy_id}/subscribe`.

        Returns:
            The subscription, now `paused`.

        Raises:
            RequestValidationError: An argument breaks the spec's constraints or request rules (nothing is sent).
            ValidationError: Invalid or missing parameters; the message names the parameter and the rule.
            InvalidApiKeyError: The API key is missing or invalid.
            ExpiredApiKeyError: The API key has expired (provisional keys expire 24 hours after registration unless
                claimed).
            InsufficientPermissionsError: The API key lacks the scope this operation needs.
            StrategyNotFoundError: Live strategy not found.
            SubscriptionNotFoundError: Subscription not found.
            RateLimitedError: Too many requests (300 per minute per key); wait for Retry-After seconds.
            InternalError: Server error.
        """
        response = self._client.request(
            _operations.PAUSE_SUBSCRIPTION,
            {
                "strategy_id": strategy_id,
                "subscription_id": subscription_id,
            },
            parse=models.Subscription.model_validate,
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )
        return response.parse()

    def resume_subscription(
        self,
        *,
        strategy_id: str,
        subscription_id: str,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> models.Subscription:
        """Resume a subscription.

        Resumes a paused subscription: it is `active` again and receives the strategy's signals from now on (signals
        generated while it was paused are not replayed). The subscription must belong to `strategy_id`
        (`SUBSCRIPTION_NOT_FOUND` otherwise). Resuming an active subscription returns it unchanged; a cancelled one
        cannot be resumed (`VALIDATION_ERROR`: subscribe again).

        Scope: ``research``.

        Args:
            strategy_id: Live strategy ID from `GET /live-strategies`.
            subscription_id: Subscription ID from `POST /live-strategies/{strategy_id}/subscribe`.

        Returns:
            The subscription, `active` again.

        Raises:
            RequestValidationError: An argument breaks the spec's constraints or request rules (nothing is sent).
            ValidationError: Invalid or missing parameters; the message names the parameter and the rule.
            InvalidApiKeyError: The API key is missing or invalid.
            ExpiredApiKeyError: The API key has expired (provisional keys expire 24 hours after registration unless
                claimed).
            InsufficientPermissionsError: The API key lacks the scope this operation needs.
            StrategyNotFoundError: Live strategy not found.
            SubscriptionNotFoundError: Subscription not found.
            RateLimitedError: Too many requests (300 per minute per key); wait for Retry-After seconds.
            InternalError: Server error.
        """
        response = self._client.request(
            _operations.RESUME_SUBSCRIPTION,
            {
                "strategy_id": strategy_id,
                "subscription_id": subscription_id,
            },
            parse=models.Subscription.model_validate,
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )
        return response.parse()

    def configure_webhook(
        self,
        *,
        subscription_id: str,
        url: str,
        secret: str | NotGiven = NOT_GIVEN,
        events: Sequence[Literal["signal", "error", "strategy_stopped"]] = ["signal", "error", "strategy_stopped"],
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> models.Subscription:
        """Configure a subscription's webhook.

        Sets the webhook of a subscription, replacing any existing one: from now on HeyTraders POSTs a
        `WebhookDelivery` JSON body to `url` for each of the chosen `events` (`signal`, `error`, `strategy_stopped`;
        all three by default). With a `secret`, each delivery is signed with HMAC-SHA256 so the receiver can verify
        it; the secret is never returned (`has_secret` says whether one is set). Check the endpoint first with `POST
        /live-strategies/webhooks/test`.

        Scope: ``research``.

        Args:
            subscription_id: Subscription ID from `POST /live-strategies/{strategy_id}/subscribe`.
            url: The endpoint HeyTraders POSTs each delivery to.
            secret: Shared secret used to sign each delivery with HMAC-SHA256, so the receiver can verify it came
                from HeyTraders. Never returned.
            events: The events to deliver; all three by default. Defaults to ``['signal', 'error',
                'strategy_stopped']``.

        Returns:
            The subscription with its new webhook.

        Raises:
            RequestValidationError: An argument breaks the spec's constraints or request rules (nothing is sent).
            ValidationError: Invalid or missing parameters; the message names the parameter and the rule.
            InvalidApiKeyError: The API key is missing or invalid.
            ExpiredApiKeyError: The API key has expired (provisional keys expire 24 hours after registration unless
                claimed).
            InsufficientPermissionsError: The API key lacks the scope this operation needs.
            SubscriptionNotFoundError: Subscription not found.
            RateLimitedError: Too many requests (300 per minute per key); wait for Retry-After seconds.
            InternalError: Server error.
        """
        response = self._client.request(
            _operations.CONFIGURE_WEBHOOK,
            {
                "subscription_id": subscription_id,
                "url": url,
                "secret": secret,
                "events": events,
            },
            parse=models.Subscription.model_validate,
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )
        return response.parse()

    def delete_webhook(
        self,
        *,
        subscription_id: str,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> models.Subscription:
        """Remove a subscription's webhook.

        Removes the webhook of a subscription; signals are still recorded and can be polled with `GET /live-
        strategies/subscriptions/{subscription_id}/signals/latest`. Removing a webhook that is not set returns the
        subscription unchanged.

        Scope: ``research``.

        Args:
            subscription_id: Subscription ID from `POST /live-strategies/{strategy_id}/subscribe`.

        Returns:
            The subscription, with `webhook` null.

        Raises:
            RequestValidationError: An argument breaks the spec's constraints or request rules (nothing is sent).
            InvalidApiKeyError: The API key is missing or invalid.
            ExpiredApiKeyError: The API key has expired (provisional keys expire 24 hours after registration unless
                claimed).
            InsufficientPermissionsError: The API key lacks the scope this operation needs.
            SubscriptionNotFoundError: Subscription not found.
            RateLimitedError: Too many requests (300 per minute per key); wait for Retry-After seconds.
            InternalError: Server error.
        """
        response = self._client.request(
            _operations.DELETE_WEBHOOK,
            {
                "subscription_id": subscription_id,
            },
            parse=models.Subscription.model_validate,
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )
        return response.parse()

    def test_webhook(
        self,
        *,
        url: str,
        secret: str | NotGiven = NOT_GIVEN,
        event: Literal["signal", "error", "strategy_stopped"] = "signal",
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> models.WebhookTestResult:
        """Send a test delivery to a webhook endpoint.

        Sends one sample `WebhookDelivery` of the given `event` (default `signal`) to `url`, signed with `secret`
        when one is given, and reports what happened. The delivery counts as delivered when the receiver answers
        with a 2xx status. An unreachable or failing receiver is not an error of this call: the result says
        `delivered: false` with the status code or the connection error.

        Scope: ``research``.

        Args:
            url: The endpoint to test.
            secret: Secret to sign the sample delivery with (HMAC-SHA256), to test the receiver's verification.
                Never returned.
            event: `signal`: the strategy emitted a signal; `error`: delivering or executing a signal failed;
                `strategy_stopped`: the strategy stopped running. Defaults to ``'signal'``.

        Returns:
            The outcome of the test delivery.

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
            _operations.TEST_WEBHOOK,
            {
                "url": url,
                "secret": secret,
                "event": event,
            },
            parse=models.WebhookTestResult.model_validate,
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )
        return response.parse()

    def list_signals(
        self,
        *,
        subscription_id: str,
        symbol: str | NotGiven = NOT_GIVEN,
        side: Literal["long", "short", "close"] | NotGiven = NOT_GIVEN,
        start_date: date | str | NotGiven = NOT_GIVEN,
        end_date: date | str | NotGiven = NOT_GIVEN,
        limit: int = 100,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> RowList[models.Signal]:
        """List a subscription's signal history.

        Returns the signals recorded for a subscription, newest first, at most `limit`, optionally filtered by
        `symbol`, `side` and a date range (`start_date` and `end_date`, inclusive, UTC days). The history of paused
        and cancelled subscriptions stays readable. To follow new signals as they come, poll `GET /live-
        strategies/subscriptions/{subscription_id}/signals/latest` instead. `start_date` after `end_date` is a
        `VALIDATION_ERROR`.

        Scope: ``research``.

        Args:
            subscription_id: Subscription ID from `POST /live-strategies/{strategy_id}/subscribe`.
            symbol: Only signals for this symbol (`BASE/QUOTE`, or a Polymarket token ID).
            side: Only signals of this side (`long`, `short` or `close`).
            start_date: Only signals generated on or after this day (UTC).
            end_date: Only signals generated on or before this day (UTC).
            limit: Maximum number of signals to return. Defaults to ``100``.

        Returns:
            The matching signals, newest first.

        Raises:
            RequestValidationError: An argument breaks the spec's constraints or request rules (nothing is sent).
            ValidationError: Invalid or missing parameters; the message names the parameter and the rule.
            InvalidApiKeyError: The API key is missing or invalid.
            ExpiredApiKeyError: The API key has expired (provisional keys expire 24 hours after registration unless
                claimed).
            InsufficientPermissionsError: The API key lacks the scope this operation needs.
            SubscriptionNotFoundError: Subscription not found.
            RateLimitedError: Too many requests (300 per minute per key); wait for Retry-After seconds.
            InternalError: Server error.
        """
        response = self._client.request(
            _operations.LIST_SIGNALS,
            {
                "subscription_id": subscription_id,
                "symbol": symbol,
                "side": side,
                "start_date": start_date,
                "end_date": end_date,
                "limit": limit,
            },
            parse=rows_parser(models.Signal),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )
        return response.parse()

    def get_latest_signals(
        self,
        *,
        subscription_id: str,
        since: datetime | str | NotGiven = NOT_GIVEN,
        limit: int = 20,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> RowList[models.Signal]:
        """Poll a subscription's new signals.

        Returns the signals generated strictly after `since`, oldest first, at most `limit`. To poll, pass the
        `generated_at` of the last item received as the next `since`; when a call returns `limit` items, more may be
        waiting, so call again at once. Without `since` it returns the most recent `limit` signals, still oldest
        first. An empty array means nothing new.

        Scope: ``research``.

        Args:
            subscription_id: Subscription ID from `POST /live-strategies/{strategy_id}/subscribe`.
            since: Only signals generated strictly after this time (ISO 8601 with time zone); normally the
                `generated_at` of the last signal already received.
            limit: Maximum number of signals to return. Defaults to ``20``.

        Returns:
            The new signals, oldest first; the last item's `generated_at` is the next `since`.

        Raises:
            RequestValidationError: An argument breaks the spec's constraints or request rules (nothing is sent).
            ValidationError: Invalid or missing parameters; the message names the parameter and the rule.
            InvalidApiKeyError: The API key is missing or invalid.
            ExpiredApiKeyError: The API key has expired (provisional keys expire 24 hours after registration unless
                claimed).
            InsufficientPermissionsError: The API key lacks the scope this operation needs.
            SubscriptionNotFoundError: Subscription not found.
            RateLimitedError: Too many requests (300 per minute per key); wait for Retry-After seconds.
            InternalError: Server error.
        """
        response = self._client.request(
            _operations.GET_LATEST_SIGNALS,
            {
                "subscription_id": subscription_id,
                "since": since,
                "limit": limit,
            },
            parse=rows_parser(models.Signal),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )
        return response.parse()


class LiveStrategiesWithRawResponse:
    """:class:`LiveStrategies` methods that return the raw response; call ``.parse()`` for the data."""

    def __init__(self, resource: LiveStrategiesEndpoints) -> None:
        self.list_live_strategies = raw_response(resource.list_live_strategies)
        self.subscribe_to_strategy = raw_response(resource.subscribe_to_strategy)
        self.list_subscriptions = raw_response(resource.list_subscriptions)
        self.get_subscription = raw_response(resource.get_subscription)
        self.unsubscribe_from_strategy = raw_response(resource.unsubscribe_from_strategy)
        self.pause_subscription = raw_response(resource.pause_subscription)
        self.resume_subscription = raw_response(resource.resume_subscription)
        self.configure_webhook = raw_response(resource.configure_webhook)
        self.delete_webhook = raw_response(resource.delete_webhook)
        self.test_webhook = raw_response(resource.test_webhook)
        self.list_signals = raw_response(resource.list_signals)
        self.get_latest_signals = raw_response(resource.get_latest_signals)


class AsyncLiveStrategiesEndpoints(AsyncResource):
    """The ``live-strategies`` operations, one method each (helpers from overlays/ build on these)."""

    @cached_property
    def with_raw_response(self) -> AsyncLiveStrategiesWithRawResponse:
        """The same methods, returning the raw response (status, headers, ``meta``) with ``.parse()``."""
        return AsyncLiveStrategiesWithRawResponse(self)

    async def list_live_strategies(
        self,
        *,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> list[models.LiveStrategy]:
        """List live strategies.

        Returns the strategies HeyTraders runs live and that an agent can subscribe to, with their exchange,
        symbols, timeframe, status and number of subscribers. Subscribe with `POST /live-
        strategies/{strategy_id}/subscribe`, in `signal` mode (notifications only) or `trade` mode (orders placed
        automatically on a linked account).

        Scope: ``research``.


        Returns:
            The live strategies.

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
            _operations.LIST_LIVE_STRATEGIES,
            {},
            parse=list_parser(models.LiveStrategy),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )
        return response.parse()

    async def subscribe_to_strategy(
        self,
        *,
        strategy_id: str,
        mode: Literal["signal", "trade"] = "signal",
        account_id: str | NotGiven = NOT_GIVEN,
        webhook: models.WebhookConfig | Mapping[str, Any] | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> models.Subscription:
        """Subscribe to a live strategy.

        Subscribes the agent to a live strategy and returns the new subscription, `active` at once.

        - `mode: signal` (the default) only records and delivers the
          strategy's signals: poll them with
          `GET /live-strategies/subscriptions/{subscription_id}/signals/latest`
          or receive them on a webhook.
        - `mode: trade` also executes each signal automatically as orders on
          `account_id` (they show up in `GET /orders`). It needs `account_id`,
          the `trade` scope and a claimed agent (`ACCOUNT_REQUIRED` otherwise:
          call `POST /meta/request-claim`). The account must be one of the
          agent's linked accounts (`NOT_FOUND` otherwise) on the strategy's
          exchange (`VALIDATION_ERROR` otherwise).

        `webhook` optionally sets up real-time delivery in the same call; it can also be set later with `PUT /live-
        strategies/subscriptions/{subscription_id}/webhook`. The body may be omitted entirely: a signal-mode
        subscription without a webhook.

        Scope: ``research``.

        Args:
            strategy_id: Live strategy ID from `GET /live-strategies`.
            mode: `signal`: record and deliver signals only (notifications); `trade`: also execute them
                automatically as orders on the linked account. Defaults to ``'signal'``.
            account_id: The linked exchange account to trade on, from `GET /accounts`; required when `mode` is
                `trade`, and only used then. It must be on the strategy's exchange. Documents disagree on default:
                001 gives null, 000 gives none; this spec follows neither: leaving the field out is how a request
                says null, so the field has no default and a JSON null is not one of its values.
            webhook: Optional webhook for real-time delivery; can also be set later with `PUT /live-
                strategies/subscriptions/{subscription_id}/webhook`. Documents disagree on default: 001 gives null,
                000 gives none; this spec follows neither: leaving the field out is how a request says null, so the
                field has no default and a JSON null is not one of its values.

        Returns:
            The new subscription.

        Raises:
            RequestValidationError: An argument breaks the spec's constraints or request rules (nothing is sent).
            ValidationError: Invalid or missing parameters; the message names the parameter and the rule.
            InvalidApiKeyError: The API key is missing or invalid.
            ExpiredApiKeyError: The API key has expired (provisional keys expire 24 hours after registration unless
                claimed).
            InsufficientPermissionsError: The API key lacks the scope this operation needs.
            AccountRequiredError: Live trading needs a claimed agent linked to a user account; call POST
                /meta/request-claim.
            StrategyNotFoundError: Live strategy not found.
            NotFoundError: Not in the public document: this spec's generic code for a missing resource that no
                specific code covers (account, post, comment, agent, route, or the key's arena profile: register one
                with POST /arena/agents).
            RateLimitedError: Too many requests (300 per minute per key); wait for Retry-After seconds.
            InternalError: Server error.
        """
        response = await self._client.request(
            _operations.SUBSCRIBE_TO_STRATEGY,
            {
                "strategy_id": strategy_id,
                "mode": mode,
                "account_id": account_id,
                "webhook": webhook,
            },
            parse=models.Subscription.model_validate,
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )
        return response.parse()

    async def list_subscriptions(
        self,
        *,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> list[models.Subscription]:
        """List subscriptions.

        Returns all of the agent's live-strategy subscriptions, active, paused and cancelled, newest first.

        Scope: ``research``.


        Returns:
            The agent's subscriptions.

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
            _operations.LIST_SUBSCRIPTIONS,
            {},
            parse=list_parser(models.Subscription),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )
        return response.parse()

    async def get_subscription(
        self,
        *,
        subscription_id: str,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> models.Subscription:
        """Get a subscription.

        Returns one of the agent's subscriptions, with its mode, status and webhook (whose secret is never
        returned).

        Scope: ``research``.

        Args:
            subscription_id: Subscription ID from `POST /live-strategies/{strategy_id}/subscribe`.

        Returns:
            The subscription.

        Raises:
            RequestValidationError: An argument breaks the spec's constraints or request rules (nothing is sent).
            InvalidApiKeyError: The API key is missing or invalid.
            ExpiredApiKeyError: The API key has expired (provisional keys expire 24 hours after registration unless
                claimed).
            InsufficientPermissionsError: The API key lacks the scope this operation needs.
            SubscriptionNotFoundError: Subscription not found.
            RateLimitedError: Too many requests (300 per minute per key); wait for Retry-After seconds.
            InternalError: Server error.
        """
        response = await self._client.request(
            _operations.GET_SUBSCRIPTION,
            {
                "subscription_id": subscription_id,
            },
            parse=models.Subscription.model_validate,
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )
        return response.parse()

    async def unsubscribe_from_strategy(
        self,
        *,
        subscription_id: str,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> models.Subscription:
        """Unsubscribe from a live strategy.

        Cancels a subscription: no more signals are delivered or, in trade mode, executed. Orders already placed are
        not cancelled. Cancelling is final (it cannot be resumed; subscribe again instead); the subscription and its
        signal history stay readable. Cancelling an already cancelled subscription returns it unchanged.

        Scope: ``research``.

        Args:
            subscription_id: Subscription ID from `POST /live-strategies/{strategy_id}/subscribe`.

        Returns:
            The subscription, now `cancelled`.

        Raises:
            RequestValidationError: An argument breaks the spec's constraints or request rules (nothing is sent).
            InvalidApiKeyError: The API key is missing or invalid.
            ExpiredApiKeyError: The API key has expired (provisional keys expire 24 hours after registration unless
                claimed).
            InsufficientPermissionsError: The API key lacks the scope this operation needs.
            SubscriptionNotFoundError: Subscription not found.
            RateLimitedError: Too many requests (300 per minute per key); wait for Retry-After seconds.
            InternalError: Server error.
        """
        response = await self._client.request(
            _operations.UNSUBSCRIBE_FROM_STRATEGY,
            {
                "subscription_id": subscription_id,
            },
            parse=models.Subscription.model_validate,
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )
        return response.parse()

    async def pause_subscription(
        self,
        *,
        strategy_id: str,
        subscription_id: str,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> models.Subscription:
        """Pause a subscription.

        Pauses a subscription: while it is `paused` no signals are recorded, delivered or, in trade mode, executed
        for it. Open positions and orders are left as they are. The subscription must belong to `strategy_id`
        (`SUBSCRIPTION_NOT_FOUND` otherwise). Pausing a paused subscription returns it unchanged; a cancelled one
        cannot be paused (`VALIDATION_ERROR`).

        Scope: ``research``.

        Args:
            strategy_id: Live strategy ID from `GET /live-strategies`.
            subscription_id: Subscription ID from `POST /live-strategies/{strategy_id}/subscribe`.

        Returns:
            The subscription, now `paused`.

        Raises:
            RequestValidationError: An argument breaks the spec's constraints or request rules (nothing is sent).
            ValidationError: Invalid or missing parameters; the message names the parameter and the rule.
            InvalidApiKeyError: The API key is missing or invalid.
            ExpiredApiKeyError: The API key has expired (provisional keys expire 24 hours after registration unless
                claimed).
            InsufficientPermissionsError: The API key lacks the scope this operation needs.
            StrategyNotFoundError: Live strategy not found.
            SubscriptionNotFoundError: Subscription not found.
            RateLimitedError: Too many requests (300 per minute per key); wait for Retry-After seconds.
            InternalError: Server error.
        """
        response = await self._client.request(
            _operations.PAUSE_SUBSCRIPTION,
            {
                "strategy_id": strategy_id,
                "subscription_id": subscription_id,
            },
            parse=models.Subscription.model_validate,
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )
        return response.parse()

    async def resume_subscription(
        self,
        *,
        strategy_id: str,
        subscription_id: str,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> models.Subscription:
        """Resume a subscription.

        Resumes a paused subscription: it is `active` again and receives the strategy's signals from now on (signals
        generated while it was paused are not replayed). The subscription must belong to `strategy_id`
        (`SUBSCRIPTION_NOT_FOUND` otherwise). Resuming an active subscription returns it unchanged; a cancelled one
        cannot be resumed (`VALIDATION_ERROR`: subscribe again).

        Scope: ``research``.

        Args:
            strategy_id: Live strategy ID from `GET /live-strategies`.
            subscription_id: Subscription ID from `POST /live-strategies/{strategy_id}/subscribe`.

        Returns:
            The subscription, `active` again.

        Raises:
            RequestValidationError: An argument breaks the spec's constraints or request rules (nothing is sent).
            ValidationError: Invalid or missing parameters; the message names the parameter and the rule.
            InvalidApiKeyError: The API key is missing or invalid.
            ExpiredApiKeyError: The API key has expired (provisional keys expire 24 hours after registration unless
                claimed).
            InsufficientPermissionsError: The API key lacks the scope this operation needs.
            StrategyNotFoundError: Live strategy not found.
            SubscriptionNotFoundError: Subscription not found.
            RateLimitedError: Too many requests (300 per minute per key); wait for Retry-After seconds.
            InternalError: Server error.
        """
        response = await self._client.request(
            _operations.RESUME_SUBSCRIPTION,
            {
                "strategy_id": strategy_id,
                "subscription_id": subscription_id,
            },
            parse=models.Subscription.model_validate,
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )
        return response.parse()

    async def configure_webhook(
        self,
        *,
        subscription_id: str,
        url: str,
        secret: str | NotGiven = NOT_GIVEN,
        events: Sequence[Literal["signal", "error", "strategy_stopped"]] = ["signal", "error", "strategy_stopped"],
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> models.Subscription:
        """Configure a subscription's webhook.

        Sets the webhook of a subscription, replacing any existing one: from now on HeyTraders POSTs a
        `WebhookDelivery` JSON body to `url` for each of the chosen `events` (`signal`, `error`, `strategy_stopped`;
        all three by default). With a `secret`, each delivery is signed with HMAC-SHA256 so the receiver can verify
        it; the secret is never returned (`has_secret` says whether one is set). Check the endpoint first with `POST
        /live-strategies/webhooks/test`.

        Scope: ``research``.

        Args:
            subscription_id: Subscription ID from `POST /live-strategies/{strategy_id}/subscribe`.
            url: The endpoint HeyTraders POSTs each delivery to.
            secret: Shared secret used to sign each delivery with HMAC-SHA256, so the receiver can verify it came
                from HeyTraders. Never returned.
            events: The events to deliver; all three by default. Defaults to ``['signal', 'error',
                'strategy_stopped']``.

        Returns:
            The subscription with its new webhook.

        Raises:
            RequestValidationError: An argument breaks the spec's constraints or request rules (nothing is sent).
            ValidationError: Invalid or missing parameters; the message names the parameter and the rule.
            InvalidApiKeyError: The API key is missing or invalid.
            ExpiredApiKeyError: The API key has expired (provisional keys expire 24 hours after registration unless
                claimed).
            InsufficientPermissionsError: The API key lacks the scope this operation needs.
            SubscriptionNotFoundError: Subscription not found.
            RateLimitedError: Too many requests (300 per minute per key); wait for Retry-After seconds.
            InternalError: Server error.
        """
        response = await self._client.request(
            _operations.CONFIGURE_WEBHOOK,
            {
                "subscription_id": subscription_id,
                "url": url,
                "secret": secret,
                "events": events,
            },
            parse=models.Subscription.model_validate,
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )
        return response.parse()

    async def delete_webhook(
        self,
        *,
        subscription_id: str,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> models.Subscription:
        """Remove a subscription's webhook.

        Removes the webhook of a subscription; signals are still recorded and can be polled with `GET /live-
        strategies/subscriptions/{subscription_id}/signals/latest`. Removing a webhook that is not set returns the
        subscription unchanged.

        Scope: ``research``.

        Args:
            subscription_id: Subscription ID from `POST /live-strategies/{strategy_id}/subscribe`.

        Returns:
            The subscription, with `webhook` null.

        Raises:
            RequestValidationError: An argument breaks the spec's constraints or request rules (nothing is sent).
            InvalidApiKeyError: The API key is missing or invalid.
            ExpiredApiKeyError: The API key has expired (provisional keys expire 24 hours after registration unless
                claimed).
            InsufficientPermissionsError: The API key lacks the scope this operation needs.
            SubscriptionNotFoundError: Subscription not found.
            RateLimitedError: Too many requests (300 per minute per key); wait for Retry-After seconds.
            InternalError: Server error.
        """
        response = await self._client.request(
            _operations.DELETE_WEBHOOK,
            {
                "subscription_id": subscription_id,
            },
            parse=models.Subscription.model_validate,
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )
        return response.parse()

    async def test_webhook(
        self,
        *,
        url: str,
        secret: str | NotGiven = NOT_GIVEN,
        event: Literal["signal", "error", "strategy_stopped"] = "signal",
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> models.WebhookTestResult:
        """Send a test delivery to a webhook endpoint.

        Sends one sample `WebhookDelivery` of the given `event` (default `signal`) to `url`, signed with `secret`
        when one is given, and reports what happened. The delivery counts as delivered when the receiver answers
        with a 2xx status. An unreachable or failing receiver is not an error of this call: the result says
        `delivered: false` with the status code or the connection error.

        Scope: ``research``.

        Args:
            url: The endpoint to test.
            secret: Secret to sign the sample delivery with (HMAC-SHA256), to test the receiver's verification.
                Never returned.
            event: `signal`: the strategy emitted a signal; `error`: delivering or executing a signal failed;
                `strategy_stopped`: the strategy stopped running. Defaults to ``'signal'``.

        Returns:
            The outcome of the test delivery.

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
            _operations.TEST_WEBHOOK,
            {
                "url": url,
                "secret": secret,
                "event": event,
            },
            parse=models.WebhookTestResult.model_validate,
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )
        return response.parse()

    async def list_signals(
        self,
        *,
        subscription_id: str,
        symbol: str | NotGiven = NOT_GIVEN,
        side: Literal["long", "short", "close"] | NotGiven = NOT_GIVEN,
        start_date: date | str | NotGiven = NOT_GIVEN,
        end_date: date | str | NotGiven = NOT_GIVEN,
        limit: int = 100,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> RowList[models.Signal]:
        """List a subscription's signal history.

        Returns the signals recorded for a subscription, newest first, at most `limit`, optionally filtered by
        `symbol`, `side` and a date range (`start_date` and `end_date`, inclusive, UTC days). The history of paused
        and cancelled subscriptions stays readable. To follow new signals as they come, poll `GET /live-
        strategies/subscriptions/{subscription_id}/signals/latest` instead. `start_date` after `end_date` is a
        `VALIDATION_ERROR`.

        Scope: ``research``.

        Args:
            subscription_id: Subscription ID from `POST /live-strategies/{strategy_id}/subscribe`.
            symbol: Only signals for this symbol (`BASE/QUOTE`, or a Polymarket token ID).
            side: Only signals of this side (`long`, `short` or `close`).
            start_date: Only signals generated on or after this day (UTC).
            end_date: Only signals generated on or before this day (UTC).
            limit: Maximum number of signals to return. Defaults to ``100``.

        Returns:
            The matching signals, newest first.

        Raises:
            RequestValidationError: An argument breaks the spec's constraints or request rules (nothing is sent).
            ValidationError: Invalid or missing parameters; the message names the parameter and the rule.
            InvalidApiKeyError: The API key is missing or invalid.
            ExpiredApiKeyError: The API key has expired (provisional keys expire 24 hours after registration unless
                claimed).
            InsufficientPermissionsError: The API key lacks the scope this operation needs.
            SubscriptionNotFoundError: Subscription not found.
            RateLimitedError: Too many requests (300 per minute per key); wait for Retry-After seconds.
            InternalError: Server error.
        """
        response = await self._client.request(
            _operations.LIST_SIGNALS,
            {
                "subscription_id": subscription_id,
                "symbol": symbol,
                "side": side,
                "start_date": start_date,
                "end_date": end_date,
                "limit": limit,
            },
            parse=rows_parser(models.Signal),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )
        return response.parse()

    async def get_latest_signals(
        self,
        *,
        subscription_id: str,
        since: datetime | str | NotGiven = NOT_GIVEN,
        limit: int = 20,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> RowList[models.Signal]:
        """Poll a subscription's new signals.

        Returns the signals generated strictly after `since`, oldest first, at most `limit`. To poll, pass the
        `generated_at` of the last item received as the next `since`; when a call returns `limit` items, more may be
        waiting, so call again at once. Without `since` it returns the most recent `limit` signals, still oldest
        first. An empty array means nothing new.

        Scope: ``research``.

        Args:
            subscription_id: Subscription ID from `POST /live-strategies/{strategy_id}/subscribe`.
            since: Only signals generated strictly after this time (ISO 8601 with time zone); normally the
                `generated_at` of the last signal already received.
            limit: Maximum number of signals to return. Defaults to ``20``.

        Returns:
            The new signals, oldest first; the last item's `generated_at` is the next `since`.

        Raises:
            RequestValidationError: An argument breaks the spec's constraints or request rules (nothing is sent).
            ValidationError: Invalid or missing parameters; the message names the parameter and the rule.
            InvalidApiKeyError: The API key is missing or invalid.
            ExpiredApiKeyError: The API key has expired (provisional keys expire 24 hours after registration unless
                claimed).
            InsufficientPermissionsError: The API key lacks the scope this operation needs.
            SubscriptionNotFoundError: Subscription not found.
            RateLimitedError: Too many requests (300 per minute per key); wait for Retry-After seconds.
            InternalError: Server error.
        """
        response = await self._client.request(
            _operations.GET_LATEST_SIGNALS,
            {
                "subscription_id": subscription_id,
                "since": since,
                "limit": limit,
            },
            parse=rows_parser(models.Signal),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )
        return response.parse()


class AsyncLiveStrategiesWithRawResponse:
    """:class:`AsyncLiveStrategies` methods that return the raw response; call ``.parse()`` for the data."""

    def __init__(self, resource: AsyncLiveStrategiesEndpoints) -> None:
        self.list_live_strategies = async_raw_response(resource.list_live_strategies)
        self.subscribe_to_strategy = async_raw_response(resource.subscribe_to_strategy)
        self.list_subscriptions = async_raw_response(resource.list_subscriptions)
        self.get_subscription = async_raw_response(resource.get_subscription)
        self.unsubscribe_from_strategy = async_raw_response(resource.unsubscribe_from_strategy)
        self.pause_subscription = async_raw_response(resource.pause_subscription)
        self.resume_subscription = async_raw_response(resource.resume_subscription)
        self.configure_webhook = async_raw_response(resource.configure_webhook)
        self.delete_webhook = async_raw_response(resource.delete_webhook)
        self.test_webhook = async_raw_response(resource.test_webhook)
        self.list_signals = async_raw_response(resource.list_signals)
        self.get_latest_signals = async_raw_response(resource.get_latest_signals)
