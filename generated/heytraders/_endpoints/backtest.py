# Generated from spec/heytraders.yaml by `make generate`. Do not edit: change the spec or the generator.
"""Asynchronous backtests of Signal DSL scripts and built-in strategy types, and their results."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator, Mapping, Sequence
from datetime import date
from decimal import Decimal
from functools import cached_property
from typing import Any, Literal

import httpx

from .. import _operations, models
from .._pagination import aiterate_offset, iterate_offset
from .._parse import list_parser
from .._resource import AsyncResource, SyncResource, async_raw_response, raw_response
from .._rows import rows_parser
from .._types import NOT_GIVEN, DecimalInput, NotGiven

__all__ = ["AsyncBacktestEndpoints", "BacktestEndpoints"]


class BacktestEndpoints(SyncResource):
    """The ``backtest`` operations, one method each (helpers from overlays/ build on these)."""

    @cached_property
    def with_raw_response(self) -> BacktestWithRawResponse:
        """The same methods, returning the raw response (status, headers, ``meta``) with ``.parse()``."""
        return BacktestWithRawResponse(self)

    def execute_backtest(
        self,
        *,
        universe: Sequence[str],
        start_date: date | str,
        end_date: date | str,
        strategy_type: Literal["signal", "dca", "grid", "pair_trading"] = "signal",
        script: str | NotGiven = NOT_GIVEN,
        description: str | NotGiven | None = NOT_GIVEN,
        exchange: Literal[
            "binance", "binancefuturesusd", "upbit", "hyperliquid", "lighter", "polymarket", "gate", "gatefutures"
        ] = "binance",
        timeframe: Literal["1m", "5m", "15m", "30m", "1h", "4h", "1d", "1w", "1M"] = "1h",
        initial_cash: DecimalInput = 10000,
        leverage: float | Decimal = 1.0,
        trading_fee: float | Decimal = 0.0005,
        slippage: float | Decimal = 0.0005,
        stop_loss: float | Decimal | NotGiven | None = NOT_GIVEN,
        take_profit: float | Decimal | NotGiven | None = NOT_GIVEN,
        mode: Literal["isolated", "cross"] = "isolated",
        dca: models.DcaParameters | Mapping[str, Any] | NotGiven = NOT_GIVEN,
        grid: models.GridParameters | Mapping[str, Any] | NotGiven = NOT_GIVEN,
        pair_trading: models.PairTradingParameters | Mapping[str, Any] | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> models.BacktestJob:
        """Start a backtest job.

        Starts an asynchronous backtest and returns its `backtest_id` at once. Poll `GET
        /backtest/status/{backtest_id}` until `status` is `completed`, then read the results with the `result_id` it
        returns (not the `backtest_id`).

        Every strategy runs as a Signal DSL script. With `strategy_type` `signal` (the default) send the `script`;
        with `dca`, `grid` or `pair_trading` send that type's parameters object and the server generates the script.
        Read the script guide (`GET /docs/signal-dsl`, no key needed) before writing a script. In JSON, lines of the
        script are separated by `\\n`.

        `universe` always uses the full ticker format `EXCHANGE:BASE/QUOTE` (spot) or `EXCHANGE:BASE/QUOTE:SETTLE`
        (perpetual). Long indicators such as a 200-period moving average need history: start `start_date` at least
        250 days before the window you want to analyse, or the job fails with `TA_OUT_OF_RANGE`. That `end_date`
        falls after `start_date` is checked by the server (`VALIDATION_ERROR`).

        Provisional (unclaimed) keys may start at most 10 backtests per hour and 30 per day (`FREE_QUOTA_EXCEEDED`);
        claim the agent to unlock full access.

        Scope: ``research``.

        Args:
            universe: The tickers to trade, always in the full `EXCHANGE:BASE/QUOTE` or `EXCHANGE:BASE/QUOTE:SETTLE`
                format; at most 50 (this spec's choice).
            start_date: First day of the backtest, `YYYY-MM-DD`. Start at least 250 days before the analysis window
                when the script uses long indicators.
            end_date: Last day of the backtest, `YYYY-MM-DD`; after `start_date`.
            strategy_type: `signal` runs `script`; `dca`, `grid` and `pair_trading` are built-in strategies
                configured by their parameters object. Documents disagree on required, default: 001 requires it with
                no default, 000 has no such field; this spec follows neither: it is optional with default `signal`,
                so that the newer document's requests, which never send it, are accepted. Defaults to ``'signal'``.
            script: The Signal DSL script, one statement per line (lines separated by `\\n` in JSON). Required for
                `signal` strategies; see `GET /docs/signal-dsl`. Documents disagree on required: 000 always requires
                it, 001 only for `signal` strategies; this spec follows the older document (001), as `dca`, `grid`
                and `pair_trading` backtests have the server write the script.
            description: Explanation of the strategy, 10–500 characters.
            exchange: Exchange whose market data the backtest uses. Documents disagree on default: 000 gives none,
                001 gives `binance`; this spec follows the older document (001). Defaults to ``'binance'``.
            timeframe: Candle interval the strategy runs on. Documents disagree on enum: 001 lists only `1m`, `5m`,
                `15m`, `1h`, `4h` and `1d`; this spec follows neither: other public versions of the document add
                `30m`, `1w` and `1M`, the intervals every other timeframe parameter of this spec takes. Defaults to
                ``'1h'``.
            initial_cash: Starting capital in the quote currency, a JSON number such as `10000`. Defaults to
                ``10000``.
            leverage: Leverage, 1.0–100.0; applies to perpetual markets only. Defaults to ``1.0``.
            trading_fee: Fee per trade as a fraction of the traded value (0.0005 = 5 bps). Defaults to ``0.0005``.
            slippage: Slippage per trade as a fraction of the price (0.0005 = 5 bps). Defaults to ``0.0005``.
            stop_loss: Portfolio stop-loss, in percent (10 = close everything after a 10% loss); null for none.
            take_profit: Portfolio take-profit, in percent (25 = close everything after a 25% gain); null for none.
            mode: `isolated` backtests each ticker on its own; `cross` shares one portfolio across all tickers, for
                multi-ticker strategies and pair trading. Defaults to ``'isolated'``.
            dca: Parameters of a `dca` strategy; required when `strategy_type` is `dca`.
            grid: Parameters of a `grid` strategy; required when `strategy_type` is `grid`.
            pair_trading: Parameters of a `pair_trading` strategy; required when `strategy_type` is `pair_trading`.

        Returns:
            The job was queued.

        Raises:
            RequestValidationError: An argument breaks the spec's constraints or request rules (nothing is sent).
            ValidationError: Invalid or missing parameters; the message names the parameter and the rule.
            InvalidApiKeyError: The API key is missing or invalid.
            ExpiredApiKeyError: The API key has expired (provisional keys expire 24 hours after registration unless
                claimed).
            InsufficientPermissionsError: The API key lacks the scope this operation needs.
            RateLimitedError: Too many requests (300 per minute per key); wait for Retry-After seconds.
            FreeQuotaExceededError: Provisional quota exceeded (10 backtests per hour, 30 per day); claim the agent
                to unlock full access.
            QuotaExceededError: Tier quota exceeded; `details` gives usage and limit, Retry-After when it resets.
            InternalError: Server error.
        """
        response = self._client.request(
            _operations.EXECUTE_BACKTEST,
            {
                "strategy_type": strategy_type,
                "script": script,
                "universe": universe,
                "start_date": start_date,
                "end_date": end_date,
                "description": description,
                "exchange": exchange,
                "timeframe": timeframe,
                "initial_cash": initial_cash,
                "leverage": leverage,
                "trading_fee": trading_fee,
                "slippage": slippage,
                "stop_loss": stop_loss,
                "take_profit": take_profit,
                "mode": mode,
                "dca": dca,
                "grid": grid,
                "pair_trading": pair_trading,
            },
            parse=models.BacktestJob.model_validate,
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )
        return response.parse()

    def get_backtest_status(
        self,
        *,
        backtest_id: str,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> models.BacktestStatus:
        """Get a backtest job's status.

        Returns the state of a backtest job. Poll it (every few seconds) until `status` is `completed`, then use
        `result_id` with the `/backtest/results/{result_id}` endpoints; on `failed`, `message` says why.

        Scope: ``research``.

        Args:
            backtest_id: Backtest job ID returned by `POST /backtest/execute`.

        Returns:
            The job's status.

        Raises:
            RequestValidationError: An argument breaks the spec's constraints or request rules (nothing is sent).
            InvalidApiKeyError: The API key is missing or invalid.
            ExpiredApiKeyError: The API key has expired (provisional keys expire 24 hours after registration unless
                claimed).
            InsufficientPermissionsError: The API key lacks the scope this operation needs.
            BacktestNotFoundError: Backtest job or result not found.
            RateLimitedError: Too many requests (300 per minute per key); wait for Retry-After seconds.
            InternalError: Server error.
        """
        response = self._client.request(
            _operations.GET_BACKTEST_STATUS,
            {
                "backtest_id": backtest_id,
            },
            parse=models.BacktestStatus.model_validate,
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )
        return response.parse()

    def cancel_backtest(
        self,
        *,
        backtest_id: str,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> models.BacktestStatus:
        """Cancel a backtest job.

        Cancels a `queued` or `running` backtest job and returns its status, now `cancelled`. Cancelling a job that
        is already `cancelled` returns it unchanged; a job that has `completed` or `failed` cannot be cancelled (400
        `VALIDATION_ERROR`).

        Scope: ``research``.

        Args:
            backtest_id: Backtest job ID returned by `POST /backtest/execute`.

        Returns:
            The cancelled job's status.

        Raises:
            RequestValidationError: An argument breaks the spec's constraints or request rules (nothing is sent).
            ValidationError: Invalid or missing parameters; the message names the parameter and the rule.
            InvalidApiKeyError: The API key is missing or invalid.
            ExpiredApiKeyError: The API key has expired (provisional keys expire 24 hours after registration unless
                claimed).
            InsufficientPermissionsError: The API key lacks the scope this operation needs.
            BacktestNotFoundError: Backtest job or result not found.
            RateLimitedError: Too many requests (300 per minute per key); wait for Retry-After seconds.
            InternalError: Server error.
        """
        response = self._client.request(
            _operations.CANCEL_BACKTEST,
            {
                "backtest_id": backtest_id,
            },
            parse=models.BacktestStatus.model_validate,
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )
        return response.parse()

    def get_backtest_result(
        self,
        *,
        result_id: str,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> models.BacktestResult:
        """Get a backtest result.

        Returns the summary of a completed backtest with its key metrics. Takes the `result_id` from the status
        endpoint, not the `backtest_id`. Always show `dashboard_url` to the user: the web dashboard has the
        interactive charts, the trade details and the full analysis.

        Scope: ``research``.

        Args:
            result_id: Backtest result ID from `GET /backtest/status/{backtest_id}` once the job is completed (not
                the backtest ID).

        Returns:
            The result summary.

        Raises:
            RequestValidationError: An argument breaks the spec's constraints or request rules (nothing is sent).
            InvalidApiKeyError: The API key is missing or invalid.
            ExpiredApiKeyError: The API key has expired (provisional keys expire 24 hours after registration unless
                claimed).
            InsufficientPermissionsError: The API key lacks the scope this operation needs.
            BacktestNotFoundError: Backtest job or result not found.
            RateLimitedError: Too many requests (300 per minute per key); wait for Retry-After seconds.
            InternalError: Server error.
        """
        response = self._client.request(
            _operations.GET_BACKTEST_RESULT,
            {
                "result_id": result_id,
            },
            parse=models.BacktestResult.model_validate,
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )
        return response.parse()

    def get_backtest_metrics(
        self,
        *,
        result_id: str,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> models.BacktestMetrics:
        """Get a backtest's metrics.

        Returns the detailed performance metrics of a completed backtest (return, drawdown, Sharpe, Sortino and
        Calmar ratios, win rate, number of trades, profit factor, …).

        Scope: ``research``.

        Args:
            result_id: Backtest result ID from `GET /backtest/status/{backtest_id}` once the job is completed (not
                the backtest ID).

        Returns:
            The metrics.

        Raises:
            RequestValidationError: An argument breaks the spec's constraints or request rules (nothing is sent).
            InvalidApiKeyError: The API key is missing or invalid.
            ExpiredApiKeyError: The API key has expired (provisional keys expire 24 hours after registration unless
                claimed).
            InsufficientPermissionsError: The API key lacks the scope this operation needs.
            BacktestNotFoundError: Backtest job or result not found.
            RateLimitedError: Too many requests (300 per minute per key); wait for Retry-After seconds.
            InternalError: Server error.
        """
        response = self._client.request(
            _operations.GET_BACKTEST_METRICS,
            {
                "result_id": result_id,
            },
            parse=models.BacktestMetrics.model_validate,
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )
        return response.parse()

    def get_backtest_per_ticker(
        self,
        *,
        result_id: str,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> list[models.TickerPerformance]:
        """Get a backtest's per-ticker performance.

        Returns the performance of each ticker of the backtest's universe, one item per ticker.

        Scope: ``research``.

        Args:
            result_id: Backtest result ID from `GET /backtest/status/{backtest_id}` once the job is completed (not
                the backtest ID).

        Returns:
            One performance item per ticker.

        Raises:
            RequestValidationError: An argument breaks the spec's constraints or request rules (nothing is sent).
            InvalidApiKeyError: The API key is missing or invalid.
            ExpiredApiKeyError: The API key has expired (provisional keys expire 24 hours after registration unless
                claimed).
            InsufficientPermissionsError: The API key lacks the scope this operation needs.
            BacktestNotFoundError: Backtest job or result not found.
            RateLimitedError: Too many requests (300 per minute per key); wait for Retry-After seconds.
            InternalError: Server error.
        """
        response = self._client.request(
            _operations.GET_BACKTEST_PER_TICKER,
            {
                "result_id": result_id,
            },
            parse=list_parser(models.TickerPerformance),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )
        return response.parse()

    def list_backtest_trades(
        self,
        *,
        result_id: str,
        limit: int = 100,
        offset: int = 0,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> models.BacktestTradePage:
        """List a backtest's trades.

        Returns the trade history of a completed backtest, oldest first, paged by `limit` and `offset`; `total` is
        the number of trades in the whole backtest.

        Scope: ``research``.

        Args:
            result_id: Backtest result ID from `GET /backtest/status/{backtest_id}` once the job is completed (not
                the backtest ID).
            limit: Trades per page. Defaults to ``100``.
            offset: Number of trades to skip. Defaults to ``0``.

        Returns:
            One page of trades.

        Raises:
            RequestValidationError: An argument breaks the spec's constraints or request rules (nothing is sent).
            ValidationError: Invalid or missing parameters; the message names the parameter and the rule.
            InvalidApiKeyError: The API key is missing or invalid.
            ExpiredApiKeyError: The API key has expired (provisional keys expire 24 hours after registration unless
                claimed).
            InsufficientPermissionsError: The API key lacks the scope this operation needs.
            BacktestNotFoundError: Backtest job or result not found.
            RateLimitedError: Too many requests (300 per minute per key); wait for Retry-After seconds.
            InternalError: Server error.
        """
        response = self._client.request(
            _operations.LIST_BACKTEST_TRADES,
            {
                "result_id": result_id,
                "limit": limit,
                "offset": offset,
            },
            parse=rows_parser(models.BacktestTrade, models.BacktestTradePage, "trades"),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )
        return response.parse()

    def list_all_backtest_trades(
        self,
        *,
        result_id: str,
        limit: int = 100,
        offset: int = 0,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> Iterator[models.BacktestTrade]:
        """Iterate over every item of ``list_backtest_trades``, fetching one page at a time as you go.

        Takes the same filters as :meth:`list_backtest_trades`; ``limit`` is the page size.
        """

        def fetch(page_offset: int, page_limit: int) -> tuple[list[models.BacktestTrade], int]:
            page = self.list_backtest_trades(
                result_id=result_id,
                limit=page_limit,
                offset=page_offset,
                extra_headers=extra_headers,
                timeout=timeout,
                max_retries=max_retries,
            )
            return page.trades, page.total

        return iterate_offset(fetch, limit=limit, offset=offset)

    def get_backtest_equity(
        self,
        *,
        result_id: str,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> models.EquityCurve:
        """Get a backtest's equity curve.

        Returns the portfolio equity over the backtest, with the drawdown from the running peak at each point,
        oldest first.

        Scope: ``research``.

        Args:
            result_id: Backtest result ID from `GET /backtest/status/{backtest_id}` once the job is completed (not
                the backtest ID).

        Returns:
            The equity curve.

        Raises:
            RequestValidationError: An argument breaks the spec's constraints or request rules (nothing is sent).
            InvalidApiKeyError: The API key is missing or invalid.
            ExpiredApiKeyError: The API key has expired (provisional keys expire 24 hours after registration unless
                claimed).
            InsufficientPermissionsError: The API key lacks the scope this operation needs.
            BacktestNotFoundError: Backtest job or result not found.
            RateLimitedError: Too many requests (300 per minute per key); wait for Retry-After seconds.
            InternalError: Server error.
        """
        response = self._client.request(
            _operations.GET_BACKTEST_EQUITY,
            {
                "result_id": result_id,
            },
            parse=rows_parser(models.EquityPoint, models.EquityCurve, "points"),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )
        return response.parse()

    def get_backtest_analysis(
        self,
        *,
        result_id: str,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> models.BacktestAnalysis:
        """Get the AI analysis of a backtest.

        Returns an AI-generated analysis of the backtest result, as markdown text.

        Scope: ``research``.

        Args:
            result_id: Backtest result ID from `GET /backtest/status/{backtest_id}` once the job is completed (not
                the backtest ID).

        Returns:
            The analysis.

        Raises:
            RequestValidationError: An argument breaks the spec's constraints or request rules (nothing is sent).
            InvalidApiKeyError: The API key is missing or invalid.
            ExpiredApiKeyError: The API key has expired (provisional keys expire 24 hours after registration unless
                claimed).
            InsufficientPermissionsError: The API key lacks the scope this operation needs.
            BacktestNotFoundError: Backtest job or result not found.
            RateLimitedError: Too many requests (300 per minute per key); wait for Retry-After seconds.
            InternalError: Server error.
        """
        response = self._client.request(
            _operations.GET_BACKTEST_ANALYSIS,
            {
                "result_id": result_id,
            },
            parse=models.BacktestAnalysis.model_validate,
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )
        return response.parse()


class BacktestWithRawResponse:
    """:class:`Backtest` methods that return the raw response; call ``.parse()`` for the data."""

    def __init__(self, resource: BacktestEndpoints) -> None:
        self.execute_backtest = raw_response(resource.execute_backtest)
        self.get_backtest_status = raw_response(resource.get_backtest_status)
        self.cancel_backtest = raw_response(resource.cancel_backtest)
        self.get_backtest_result = raw_response(resource.get_backtest_result)
        self.get_backtest_metrics = raw_response(resource.get_backtest_metrics)
        self.get_backtest_per_ticker = raw_response(resource.get_backtest_per_ticker)
        self.list_backtest_trades = raw_response(resource.list_backtest_trades)
        self.get_backtest_equity = raw_response(resource.get_backtest_equity)
        self.get_backtest_analysis = raw_response(resource.get_backtest_analysis)


class AsyncBacktestEndpoints(AsyncResource):
    """The ``backtest`` operations, one method each (helpers from overlays/ build on these)."""

    @cached_property
    def with_raw_response(self) -> AsyncBacktestWithRawResponse:
        """The same methods, returning the raw response (status, headers, ``meta``) with ``.parse()``."""
        return AsyncBacktestWithRawResponse(self)

    async def execute_backtest(
        self,
        *,
        universe: Sequence[str],
        start_date: date | str,
        end_date: date | str,
        strategy_type: Literal["signal", "dca", "grid", "pair_trading"] = "signal",
        script: str | NotGiven = NOT_GIVEN,
        description: str | NotGiven | None = NOT_GIVEN,
        exchange: Literal[
            "binance", "binancefuturesusd", "upbit", "hyperliquid", "lighter", "polymarket", "gate", "gatefutures"
        ] = "binance",
        timeframe: Literal["1m", "5m", "15m", "30m", "1h", "4h", "1d", "1w", "1M"] = "1h",
        initial_cash: DecimalInput = 10000,
        leverage: float | Decimal = 1.0,
        trading_fee: float | Decimal = 0.0005,
        slippage: float | Decimal = 0.0005,
        stop_loss: float | Decimal | NotGiven | None = NOT_GIVEN,
        take_profit: float | Decimal | NotGiven | None = NOT_GIVEN,
        mode: Literal["isolated", "cross"] = "isolated",
        dca: models.DcaParameters | Mapping[str, Any] | NotGiven = NOT_GIVEN,
        grid: models.GridParameters | Mapping[str, Any] | NotGiven = NOT_GIVEN,
        pair_trading: models.PairTradingParameters | Mapping[str, Any] | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> models.BacktestJob:
        """Start a backtest job.

        Starts an asynchronous backtest and returns its `backtest_id` at once. Poll `GET
        /backtest/status/{backtest_id}` until `status` is `completed`, then read the results with the `result_id` it
        returns (not the `backtest_id`).

        Every strategy runs as a Signal DSL script. With `strategy_type` `signal` (the default) send the `script`;
        with `dca`, `grid` or `pair_trading` send that type's parameters object and the server generates the script.
        Read the script guide (`GET /docs/signal-dsl`, no key needed) before writing a script. In JSON, lines of the
        script are separated by `\\n`.

        `universe` always uses the full ticker format `EXCHANGE:BASE/QUOTE` (spot) or `EXCHANGE:BASE/QUOTE:SETTLE`
        (perpetual). Long indicators such as a 200-period moving average need history: start `start_date` at least
        250 days before the window you want to analyse, or the job fails with `TA_OUT_OF_RANGE`. That `end_date`
        falls after `start_date` is checked by the server (`VALIDATION_ERROR`).

        Provisional (unclaimed) keys may start at most 10 backtests per hour and 30 per day (`FREE_QUOTA_EXCEEDED`);
        claim the agent to unlock full access.

        Scope: ``research``.

        Args:
            universe: The tickers to trade, always in the full `EXCHANGE:BASE/QUOTE` or `EXCHANGE:BASE/QUOTE:SETTLE`
                format; at most 50 (this spec's choice).
            start_date: First day of the backtest, `YYYY-MM-DD`. Start at least 250 days before the analysis window
                when the script uses long indicators.
            end_date: Last day of the backtest, `YYYY-MM-DD`; after `start_date`.
            strategy_type: `signal` runs `script`; `dca`, `grid` and `pair_trading` are built-in strategies
                configured by their parameters object. Documents disagree on required, default: 001 requires it with
                no default, 000 has no such field; this spec follows neither: it is optional with default `signal`,
                so that the newer document's requests, which never send it, are accepted. Defaults to ``'signal'``.
            script: The Signal DSL script, one statement per line (lines separated by `\\n` in JSON). Required for
                `signal` strategies; see `GET /docs/signal-dsl`. Documents disagree on required: 000 always requires
                it, 001 only for `signal` strategies; this spec follows the older document (001), as `dca`, `grid`
                and `pair_trading` backtests have the server write the script.
            description: Explanation of the strategy, 10–500 characters.
            exchange: Exchange whose market data the backtest uses. Documents disagree on default: 000 gives none,
                001 gives `binance`; this spec follows the older document (001). Defaults to ``'binance'``.
            timeframe: Candle interval the strategy runs on. Documents disagree on enum: 001 lists only `1m`, `5m`,
                `15m`, `1h`, `4h` and `1d`; this spec follows neither: other public versions of the document add
                `30m`, `1w` and `1M`, the intervals every other timeframe parameter of this spec takes. Defaults to
                ``'1h'``.
            initial_cash: Starting capital in the quote currency, a JSON number such as `10000`. Defaults to
                ``10000``.
            leverage: Leverage, 1.0–100.0; applies to perpetual markets only. Defaults to ``1.0``.
            trading_fee: Fee per trade as a fraction of the traded value (0.0005 = 5 bps). Defaults to ``0.0005``.
            slippage: Slippage per trade as a fraction of the price (0.0005 = 5 bps). Defaults to ``0.0005``.
            stop_loss: Portfolio stop-loss, in percent (10 = close everything after a 10% loss); null for none.
            take_profit: Portfolio take-profit, in percent (25 = close everything after a 25% gain); null for none.
            mode: `isolated` backtests each ticker on its own; `cross` shares one portfolio across all tickers, for
                multi-ticker strategies and pair trading. Defaults to ``'isolated'``.
            dca: Parameters of a `dca` strategy; required when `strategy_type` is `dca`.
            grid: Parameters of a `grid` strategy; required when `strategy_type` is `grid`.
            pair_trading: Parameters of a `pair_trading` strategy; required when `strategy_type` is `pair_trading`.

        Returns:
            The job was queued.

        Raises:
            RequestValidationError: An argument breaks the spec's constraints or request rules (nothing is sent).
            ValidationError: Invalid or missing parameters; the message names the parameter and the rule.
            InvalidApiKeyError: The API key is missing or invalid.
            ExpiredApiKeyError: The API key has expired (provisional keys expire 24 hours after registration unless
                claimed).
            InsufficientPermissionsError: The API key lacks the scope this operation needs.
            RateLimitedError: Too many requests (300 per minute per key); wait for Retry-After seconds.
            FreeQuotaExceededError: Provisional quota exceeded (10 backtests per hour, 30 per day); claim the agent
                to unlock full access.
            QuotaExceededError: Tier quota exceeded; `details` gives usage and limit, Retry-After when it resets.
            InternalError: Server error.
        """
        response = await self._client.request(
            _operations.EXECUTE_BACKTEST,
            {
                "strategy_type": strategy_type,
                "script": script,
                "universe": universe,
                "start_date": start_date,
                "end_date": end_date,
                "description": description,
                "exchange": exchange,
                "timeframe": timeframe,
                "initial_cash": initial_cash,
                "leverage": leverage,
                "trading_fee": trading_fee,
                "slippage": slippage,
                "stop_loss": stop_loss,
                "take_profit": take_profit,
                "mode": mode,
                "dca": dca,
                "grid": grid,
                "pair_trading": pair_trading,
            },
            parse=models.BacktestJob.model_validate,
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )
        return response.parse()

    async def get_backtest_status(
        self,
        *,
        backtest_id: str,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> models.BacktestStatus:
        """Get a backtest job's status.

        Returns the state of a backtest job. Poll it (every few seconds) until `status` is `completed`, then use
        `result_id` with the `/backtest/results/{result_id}` endpoints; on `failed`, `message` says why.

        Scope: ``research``.

        Args:
            backtest_id: Backtest job ID returned by `POST /backtest/execute`.

        Returns:
            The job's status.

        Raises:
            RequestValidationError: An argument breaks the spec's constraints or request rules (nothing is sent).
            InvalidApiKeyError: The API key is missing or invalid.
            ExpiredApiKeyError: The API key has expired (provisional keys expire 24 hours after registration unless
                claimed).
            InsufficientPermissionsError: The API key lacks the scope this operation needs.
            BacktestNotFoundError: Backtest job or result not found.
            RateLimitedError: Too many requests (300 per minute per key); wait for Retry-After seconds.
            InternalError: Server error.
        """
        response = await self._client.request(
            _operations.GET_BACKTEST_STATUS,
            {
                "backtest_id": backtest_id,
            },
            parse=models.BacktestStatus.model_validate,
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )
        return response.parse()

    async def cancel_backtest(
        self,
        *,
        backtest_id: str,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> models.BacktestStatus:
        """Cancel a backtest job.

        Cancels a `queued` or `running` backtest job and returns its status, now `cancelled`. Cancelling a job that
        is already `cancelled` returns it unchanged; a job that has `completed` or `failed` cannot be cancelled (400
        `VALIDATION_ERROR`).

        Scope: ``research``.

        Args:
            backtest_id: Backtest job ID returned by `POST /backtest/execute`.

        Returns:
            The cancelled job's status.

        Raises:
            RequestValidationError: An argument breaks the spec's constraints or request rules (nothing is sent).
            ValidationError: Invalid or missing parameters; the message names the parameter and the rule.
            InvalidApiKeyError: The API key is missing or invalid.
            ExpiredApiKeyError: The API key has expired (provisional keys expire 24 hours after registration unless
                claimed).
            InsufficientPermissionsError: The API key lacks the scope this operation needs.
            BacktestNotFoundError: Backtest job or result not found.
            RateLimitedError: Too many requests (300 per minute per key); wait for Retry-After seconds.
            InternalError: Server error.
        """
        response = await self._client.request(
            _operations.CANCEL_BACKTEST,
            {
                "backtest_id": backtest_id,
            },
            parse=models.BacktestStatus.model_validate,
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )
        return response.parse()

    async def get_backtest_result(
        self,
        *,
        result_id: str,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> models.BacktestResult:
        """Get a backtest result.

        Returns the summary of a completed backtest with its key metrics. Takes the `result_id` from the status
        endpoint, not the `backtest_id`. Always show `dashboard_url` to the user: the web dashboard has the
        interactive charts, the trade details and the full analysis.

        Scope: ``research``.

        Args:
            result_id: Backtest result ID from `GET /backtest/status/{backtest_id}` once the job is completed (not
                the backtest ID).

        Returns:
            The result summary.

        Raises:
            RequestValidationError: An argument breaks the spec's constraints or request rules (nothing is sent).
            InvalidApiKeyError: The API key is missing or invalid.
            ExpiredApiKeyError: The API key has expired (provisional keys expire 24 hours after registration unless
                claimed).
            InsufficientPermissionsError: The API key lacks the scope this operation needs.
            BacktestNotFoundError: Backtest job or result not found.
            RateLimitedError: Too many requests (300 per minute per key); wait for Retry-After seconds.
            InternalError: Server error.
        """
        response = await self._client.request(
            _operations.GET_BACKTEST_RESULT,
            {
                "result_id": result_id,
            },
            parse=models.BacktestResult.model_validate,
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )
        return response.parse()

    async def get_backtest_metrics(
        self,
        *,
        result_id: str,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> models.BacktestMetrics:
        """Get a backtest's metrics.

        Returns the detailed performance metrics of a completed backtest (return, drawdown, Sharpe, Sortino and
        Calmar ratios, win rate, number of trades, profit factor, …).

        Scope: ``research``.

        Args:
            result_id: Backtest result ID from `GET /backtest/status/{backtest_id}` once the job is completed (not
                the backtest ID).

        Returns:
            The metrics.

        Raises:
            RequestValidationError: An argument breaks the spec's constraints or request rules (nothing is sent).
            InvalidApiKeyError: The API key is missing or invalid.
            ExpiredApiKeyError: The API key has expired (provisional keys expire 24 hours after registration unless
                claimed).
            InsufficientPermissionsError: The API key lacks the scope this operation needs.
            BacktestNotFoundError: Backtest job or result not found.
            RateLimitedError: Too many requests (300 per minute per key); wait for Retry-After seconds.
            InternalError: Server error.
        """
        response = await self._client.request(
            _operations.GET_BACKTEST_METRICS,
            {
                "result_id": result_id,
            },
            parse=models.BacktestMetrics.model_validate,
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )
        return response.parse()

    async def get_backtest_per_ticker(
        self,
        *,
        result_id: str,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> list[models.TickerPerformance]:
        """Get a backtest's per-ticker performance.

        Returns the performance of each ticker of the backtest's universe, one item per ticker.

        Scope: ``research``.

        Args:
            result_id: Backtest result ID from `GET /backtest/status/{backtest_id}` once the job is completed (not
                the backtest ID).

        Returns:
            One performance item per ticker.

        Raises:
            RequestValidationError: An argument breaks the spec's constraints or request rules (nothing is sent).
            InvalidApiKeyError: The API key is missing or invalid.
            ExpiredApiKeyError: The API key has expired (provisional keys expire 24 hours after registration unless
                claimed).
            InsufficientPermissionsError: The API key lacks the scope this operation needs.
            BacktestNotFoundError: Backtest job or result not found.
            RateLimitedError: Too many requests (300 per minute per key); wait for Retry-After seconds.
            InternalError: Server error.
        """
        response = await self._client.request(
            _operations.GET_BACKTEST_PER_TICKER,
            {
                "result_id": result_id,
            },
            parse=list_parser(models.TickerPerformance),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )
        return response.parse()

    async def list_backtest_trades(
        self,
        *,
        result_id: str,
        limit: int = 100,
        offset: int = 0,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> models.BacktestTradePage:
        """List a backtest's trades.

        Returns the trade history of a completed backtest, oldest first, paged by `limit` and `offset`; `total` is
        the number of trades in the whole backtest.

        Scope: ``research``.

        Args:
            result_id: Backtest result ID from `GET /backtest/status/{backtest_id}` once the job is completed (not
                the backtest ID).
            limit: Trades per page. Defaults to ``100``.
            offset: Number of trades to skip. Defaults to ``0``.

        Returns:
            One page of trades.

        Raises:
            RequestValidationError: An argument breaks the spec's constraints or request rules (nothing is sent).
            ValidationError: Invalid or missing parameters; the message names the parameter and the rule.
            InvalidApiKeyError: The API key is missing or invalid.
            ExpiredApiKeyError: The API key has expired (provisional keys expire 24 hours after registration unless
                claimed).
            InsufficientPermissionsError: The API key lacks the scope this operation needs.
            BacktestNotFoundError: Backtest job or result not found.
            RateLimitedError: Too many requests (300 per minute per key); wait for Retry-After seconds.
            InternalError: Server error.
        """
        response = await self._client.request(
            _operations.LIST_BACKTEST_TRADES,
            {
                "result_id": result_id,
                "limit": limit,
                "offset": offset,
            },
            parse=rows_parser(models.BacktestTrade, models.BacktestTradePage, "trades"),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )
        return response.parse()

    def list_all_backtest_trades(
        self,
        *,
        result_id: str,
        limit: int = 100,
        offset: int = 0,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> AsyncIterator[models.BacktestTrade]:
        """Iterate over every item of ``list_backtest_trades``, fetching one page at a time as you go.

        Takes the same filters as :meth:`list_backtest_trades`; ``limit`` is the page size.
        """

        async def fetch(page_offset: int, page_limit: int) -> tuple[list[models.BacktestTrade], int]:
            page = await self.list_backtest_trades(
                result_id=result_id,
                limit=page_limit,
                offset=page_offset,
                extra_headers=extra_headers,
                timeout=timeout,
                max_retries=max_retries,
            )
            return page.trades, page.total

        return aiterate_offset(fetch, limit=limit, offset=offset)

    async def get_backtest_equity(
        self,
        *,
        result_id: str,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> models.EquityCurve:
        """Get a backtest's equity curve.

        Returns the portfolio equity over the backtest, with the drawdown from the running peak at each point,
        oldest first.

        Scope: ``research``.

        Args:
            result_id: Backtest result ID from `GET /backtest/status/{backtest_id}` once the job is completed (not
                the backtest ID).

        Returns:
            The equity curve.

        Raises:
            RequestValidationError: An argument breaks the spec's constraints or request rules (nothing is sent).
            InvalidApiKeyError: The API key is missing or invalid.
            ExpiredApiKeyError: The API key has expired (provisional keys expire 24 hours after registration unless
                claimed).
            InsufficientPermissionsError: The API key lacks the scope this operation needs.
            BacktestNotFoundError: Backtest job or result not found.
            RateLimitedError: Too many requests (300 per minute per key); wait for Retry-After seconds.
            InternalError: Server error.
        """
        response = await self._client.request(
            _operations.GET_BACKTEST_EQUITY,
            {
                "result_id": result_id,
            },
            parse=rows_parser(models.EquityPoint, models.EquityCurve, "points"),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )
        return response.parse()

    async def get_backtest_analysis(
        self,
        *,
        result_id: str,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> models.BacktestAnalysis:
        """Get the AI analysis of a backtest.

        Returns an AI-generated analysis of the backtest result, as markdown text.

        Scope: ``research``.

        Args:
            result_id: Backtest result ID from `GET /backtest/status/{backtest_id}` once the job is completed (not
                the backtest ID).

        Returns:
            The analysis.

        Raises:
            RequestValidationError: An argument breaks the spec's constraints or request rules (nothing is sent).
            InvalidApiKeyError: The API key is missing or invalid.
            ExpiredApiKeyError: The API key has expired (provisional keys expire 24 hours after registration unless
                claimed).
            InsufficientPermissionsError: The API key lacks the scope this operation needs.
            BacktestNotFoundError: Backtest job or result not found.
            RateLimitedError: Too many requests (300 per minute per key); wait for Retry-After seconds.
            InternalError: Server error.
        """
        response = await self._client.request(
            _operations.GET_BACKTEST_ANALYSIS,
            {
                "result_id": result_id,
            },
            parse=models.BacktestAnalysis.model_validate,
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )
        return response.parse()


class AsyncBacktestWithRawResponse:
    """:class:`AsyncBacktest` methods that return the raw response; call ``.parse()`` for the data."""

    def __init__(self, resource: AsyncBacktestEndpoints) -> None:
        self.execute_backtest = async_raw_response(resource.execute_backtest)
        self.get_backtest_status = async_raw_response(resource.get_backtest_status)
        self.cancel_backtest = async_raw_response(resource.cancel_backtest)
        self.get_backtest_result = async_raw_response(resource.get_backtest_result)
        self.get_backtest_metrics = async_raw_response(resource.get_backtest_metrics)
        self.get_backtest_per_ticker = async_raw_response(resource.get_backtest_per_ticker)
        self.list_backtest_trades = async_raw_response(resource.list_backtest_trades)
        self.get_backtest_equity = async_raw_response(resource.get_backtest_equity)
        self.get_backtest_analysis = async_raw_response(resource.get_backtest_analysis)
