# Generated from spec/heytraders.yaml by `make generate`. Do not edit: change the spec or the generator.
"""Symbols, tickers, funding rates, OHLCV candles and Signal DSL expressions over the market (evaluate, scan, rank)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from functools import cached_property
from typing import Literal

import httpx

from .. import _operations, models
from .._parse import list_parser
from .._resource import AsyncResource, SyncResource, async_raw_response, raw_response
from .._rows import rows_parser
from .._types import NOT_GIVEN, NotGiven

__all__ = ["AsyncMarketEndpoints", "MarketEndpoints"]


class MarketEndpoints(SyncResource):
    """The ``market`` operations, one method each (helpers from overlays/ build on these)."""

    @cached_property
    def with_raw_response(self) -> MarketWithRawResponse:
        """The same methods, returning the raw response (status, headers, ``meta``) with ``.parse()``."""
        return MarketWithRawResponse(self)

    def list_symbols(
        self,
        *,
        exchange: Literal[
            "binance", "binancefuturesusd", "upbit", "hyperliquid", "lighter", "polymarket", "gate", "gatefutures"
        ] = "binance",
        market_type: Literal["spot", "perpetual", "prediction"] | NotGiven = NOT_GIVEN,
        category: str | NotGiven = NOT_GIVEN,
        sector: str | NotGiven = NOT_GIVEN,
        limit: int = 100,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> models.SymbolList:
        """List tradable symbols.

        Lists the symbols that can be traded on an exchange, for research before backtesting or trading. Filter by
        `market_type`, by a `category` such as `top_market_cap` or `trending`, or by a `sector` such as `DeFi`, `L1`
        or `AI`. No API key is needed.

        `exchange` defaults to `binance`; `market_type` is inferred from the exchange when omitted (Hyperliquid
        lists perpetuals only). `limit` takes 1–500; its default of 100 is this spec's choice. The older documents
        call the same list `GET /market/tickers`.

        Public: no API key needed.

        Args:
            exchange: Exchange whose symbols to list. Defaults to ``'binance'``.
            market_type: Kind of market to list; inferred from the exchange when omitted.
            category: Only symbols in this category, for example `top_market_cap` or `trending`.
            sector: Only symbols of this sector, for example `DeFi`, `L1` or `AI`.
            limit: Maximum number of symbols to return, 1–500 (default 100, this spec's choice). Defaults to
                ``100``.

        Returns:
            The matching symbols.

        Raises:
            RequestValidationError: An argument breaks the spec's constraints or request rules (nothing is sent).
            ValidationError: Invalid or missing parameters; the message names the parameter and the rule.
            RateLimitedError: Too many requests (300 per minute per key); wait for Retry-After seconds.
            InternalError: Server error.
        """
        response = self._client.request(
            _operations.LIST_SYMBOLS,
            {
                "exchange": exchange,
                "market_type": market_type,
                "category": category,
                "sector": sector,
                "limit": limit,
            },
            parse=models.SymbolList.model_validate,
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )
        return response.parse()

    def list_tickers(
        self,
        *,
        exchange: Literal[
            "binance", "binancefuturesusd", "upbit", "hyperliquid", "lighter", "polymarket", "gate", "gatefutures"
        ] = "binance",
        market_type: Literal["spot", "perpetual", "prediction"] | NotGiven = NOT_GIVEN,
        category: str | NotGiven = NOT_GIVEN,
        sector: str | NotGiven = NOT_GIVEN,
        limit: int = 100,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> models.SymbolList:
        """List tradable symbols (older path).

        Deprecated: the spec keeps this operation for the older documents; it still works, but prefer
        the one its description names.

        The older documents' path for `GET /market/symbols` (`list_symbols`): the same parameters, the same
        response. Lists the symbols that can be traded on an exchange, filtered by `market_type`, `category` (for
        example `top_market_cap`, `trending`) and `sector` (for example `DeFi`, `L1`, `AI`). No API key is needed.

        `exchange` defaults to `binance`; `market_type` is inferred from the exchange when omitted (the older
        documents said `spot`). `limit` takes 1–500; its default of 100 is this spec's choice. Prefer `GET
        /market/symbols` in new code.

        Public: no API key needed.

        Args:
            exchange: Exchange whose symbols to list. Defaults to ``'binance'``.
            market_type: Kind of market to list; inferred from the exchange when omitted. Documents disagree on
                default: 001 writes `spot` for it (`market_type` (`spot`)); this spec follows the newer document
                (000), which infers the market type from the exchange.
            category: Only symbols in this category, for example `top_market_cap` or `trending`.
            sector: Only symbols of this sector, for example `DeFi`, `L1` or `AI`.
            limit: Maximum number of symbols to return, 1–500 (default 100, this spec's choice). Defaults to
                ``100``.

        Returns:
            The matching symbols (same response as `GET /market/symbols`).

        Raises:
            RequestValidationError: An argument breaks the spec's constraints or request rules (nothing is sent).
            ValidationError: Invalid or missing parameters; the message names the parameter and the rule.
            RateLimitedError: Too many requests (300 per minute per key); wait for Retry-After seconds.
            InternalError: Server error.
        """
        response = self._client.request(
            _operations.LIST_TICKERS,
            {
                "exchange": exchange,
                "market_type": market_type,
                "category": category,
                "sector": sector,
                "limit": limit,
            },
            parse=models.SymbolList.model_validate,
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )
        return response.parse()

    def get_ticker(
        self,
        *,
        symbol: str,
        exchange: Literal[
            "binance", "binancefuturesusd", "upbit", "hyperliquid", "lighter", "polymarket", "gate", "gatefutures"
        ] = "binance",
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> models.Ticker:
        """Get a real-time ticker.

        Returns the real-time quote of one symbol: last price, best bid and ask, 24-hour high, low, volume and
        change. `exchange` defaults to `binance` (this spec's choice). On Polymarket the symbol is the numeric token
        ID and prices are probabilities. An unknown symbol answers `DATA_UNAVAILABLE`. For up to 20 symbols at once
        use `POST /market/ticker`.

        Scope: ``research``.

        Args:
            symbol: Symbol to quote, `BASE/QUOTE` (Polymarket token ID on Polymarket).
            exchange: Exchange to quote on; default `binance` (this spec's choice). Defaults to ``'binance'``.

        Returns:
            The ticker.

        Raises:
            RequestValidationError: An argument breaks the spec's constraints or request rules (nothing is sent).
            ValidationError: Invalid or missing parameters; the message names the parameter and the rule.
            InvalidApiKeyError: The API key is missing or invalid.
            ExpiredApiKeyError: The API key has expired (provisional keys expire 24 hours after registration unless
                claimed).
            InsufficientPermissionsError: The API key lacks the scope this operation needs.
            DataUnavailableError: The requested data is not available (unknown symbol, or no data for the range).
            RateLimitedError: Too many requests (300 per minute per key); wait for Retry-After seconds.
            InternalError: Server error.
        """
        response = self._client.request(
            _operations.GET_TICKER,
            {
                "symbol": symbol,
                "exchange": exchange,
            },
            parse=models.Ticker.model_validate,
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )
        return response.parse()

    def get_tickers(
        self,
        *,
        symbols: Sequence[str],
        exchange: Literal[
            "binance", "binancefuturesusd", "upbit", "hyperliquid", "lighter", "polymarket", "gate", "gatefutures"
        ] = "binance",
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> list[models.Ticker]:
        """Get real-time tickers of several symbols.

        Returns the real-time quotes of up to 20 symbols on one exchange (`exchange` defaults to `binance`, this
        spec's choice), one `Ticker` per requested symbol in the order requested. A symbol the exchange does not
        know fails the whole request with `DATA_UNAVAILABLE` naming it (this spec's choice: no partial lists).

        Scope: ``research``.

        Args:
            symbols: Symbols to quote, 1–20.
            exchange: Exchange to quote on; default `binance` (this spec's choice). Defaults to ``'binance'``.

        Returns:
            One ticker per requested symbol, in request order.

        Raises:
            RequestValidationError: An argument breaks the spec's constraints or request rules (nothing is sent).
            ValidationError: Invalid or missing parameters; the message names the parameter and the rule.
            InvalidApiKeyError: The API key is missing or invalid.
            ExpiredApiKeyError: The API key has expired (provisional keys expire 24 hours after registration unless
                claimed).
            InsufficientPermissionsError: The API key lacks the scope this operation needs.
            DataUnavailableError: The requested data is not available (unknown symbol, or no data for the range).
            RateLimitedError: Too many requests (300 per minute per key); wait for Retry-After seconds.
            InternalError: Server error.
        """
        response = self._client.request(
            _operations.GET_TICKERS,
            {
                "symbols": symbols,
                "exchange": exchange,
            },
            parse=list_parser(models.Ticker),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )
        return response.parse()

    def get_funding_rates(
        self,
        *,
        exchange: Literal["hyperliquid", "lighter"],
        symbol: str | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> models.FundingRateList:
        """Get perpetual funding rates.

        Returns the current funding rates of a perpetual-futures exchange, one entry per market, optionally filtered
        to one `symbol`. Only `hyperliquid` and `lighter` are supported; any other exchange answers
        `VALIDATION_ERROR`. `funding_rate` is the rate charged per funding interval (`interval_hours`), as a
        fraction (0.0000125 = 0.00125 %); positive means longs pay shorts. A `symbol` the exchange does not list
        answers `DATA_UNAVAILABLE`.

        Scope: ``research``.

        Args:
            exchange: Perpetual exchange to read funding rates from; `hyperliquid` or `lighter` (the only two with
                funding rates). Required by this spec's choice (the rates are per exchange); the documents list it
                only as a query parameter.
            symbol: Only the funding rate of this market, `BASE/QUOTE`.

        Returns:
            The funding rates.

        Raises:
            RequestValidationError: An argument breaks the spec's constraints or request rules (nothing is sent).
            ValidationError: Invalid or missing parameters; the message names the parameter and the rule.
            InvalidApiKeyError: The API key is missing or invalid.
            ExpiredApiKeyError: The API key has expired (provisional keys expire 24 hours after registration unless
                claimed).
            InsufficientPermissionsError: The API key lacks the scope this operation needs.
            DataUnavailableError: The requested data is not available (unknown symbol, or no data for the range).
            RateLimitedError: Too many requests (300 per minute per key); wait for Retry-After seconds.
            InternalError: Server error.
        """
        response = self._client.request(
            _operations.GET_FUNDING_RATES,
            {
                "exchange": exchange,
                "symbol": symbol,
            },
            parse=models.FundingRateList.model_validate,
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )
        return response.parse()

    def get_ohlcv(
        self,
        *,
        symbol: str,
        exchange: Literal[
            "binance", "binancefuturesusd", "upbit", "hyperliquid", "lighter", "polymarket", "gate", "gatefutures"
        ] = "binance",
        timeframe: Literal["1m", "5m", "15m", "30m", "1h", "4h", "1d", "1w", "1M"] = "1h",
        start: datetime | str | NotGiven = NOT_GIVEN,
        end: datetime | str | NotGiven = NOT_GIVEN,
        limit: int = 100,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> models.Ohlcv:
        """Get OHLCV candles.

        Returns open, high, low, close and volume candles of one symbol, oldest first. `exchange` defaults to
        `binance` and `timeframe` to `1h`. `start` and `end` bound the candles' open times; the response holds at
        most `limit` candles (1–1000, default 100), the most recent ones up to `end` (or up to now when `end` is
        omitted). These defaults and the `limit` range are this spec's choice. An unknown symbol, or a range without
        data, answers `DATA_UNAVAILABLE`. `start` after `end` is a `VALIDATION_ERROR`.

        Scope: ``research``.

        Args:
            symbol: Symbol whose candles to return, `BASE/QUOTE` (Polymarket token ID on Polymarket).
            exchange: Exchange to read candles from; default `binance` (this spec's choice). Defaults to
                ``'binance'``.
            timeframe: Candle interval. Defaults to ``'1h'``.
            start: Earliest candle open time to include.
            end: Latest candle open time to include; now when omitted.
            limit: Maximum number of candles, the most recent ones up to `end` (1–1000, default 100, this spec's
                choice). Defaults to ``100``.

        Returns:
            The candles, oldest first.

        Raises:
            RequestValidationError: An argument breaks the spec's constraints or request rules (nothing is sent).
            ValidationError: Invalid or missing parameters; the message names the parameter and the rule.
            InvalidApiKeyError: The API key is missing or invalid.
            ExpiredApiKeyError: The API key has expired (provisional keys expire 24 hours after registration unless
                claimed).
            InsufficientPermissionsError: The API key lacks the scope this operation needs.
            DataUnavailableError: The requested data is not available (unknown symbol, or no data for the range).
            RateLimitedError: Too many requests (300 per minute per key); wait for Retry-After seconds.
            InternalError: Server error.
        """
        response = self._client.request(
            _operations.GET_OHLCV,
            {
                "symbol": symbol,
                "exchange": exchange,
                "timeframe": timeframe,
                "start": start,
                "end": end,
                "limit": limit,
            },
            parse=rows_parser(models.Candle, models.Ohlcv, "candles"),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )
        return response.parse()

    def evaluate_expression(
        self,
        *,
        expression: str,
        symbol: str,
        exchange: Literal[
            "binance", "binancefuturesusd", "upbit", "hyperliquid", "lighter", "polymarket", "gate", "gatefutures"
        ] = "binance",
        timeframe: Literal["1m", "5m", "15m", "30m", "1h", "4h", "1d", "1w", "1M"] = "1h",
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> models.ExpressionValue:
        """Evaluate a Signal DSL expression.

        Evaluates one Signal DSL expression, such as `rsi(close, 14)[-1]` or `close > sma(close, 20)`, on the latest
        candles of one symbol and returns its value: a number, a boolean, or null when the expression has no value
        on the last candle. A series is read at its last candle. `exchange` defaults to `binance` and `timeframe` to
        `1h` (this spec's choice); the full syntax and indicator list are at `GET /docs/signal-dsl` and `GET
        /docs/operators`.

        A syntax error or unknown function answers `VALIDATION_ERROR`; an indicator whose period needs more history
        than is available answers `TA_OUT_OF_RANGE`; an unknown symbol answers `DATA_UNAVAILABLE`.

        Scope: ``research``.

        Args:
            expression: Signal DSL expression, numeric or boolean.
            symbol: A market symbol on order and market endpoints: `BASE/QUOTE` for spot and perpetual markets
                (`BTC/USDT`; perpetuals may also be written `BASE/QUOTE:SETTLE`), or the numeric token ID on
                Polymarket.
            exchange: Exchange whose candles to use; default `binance` (this spec's choice). Defaults to
                ``'binance'``.
            timeframe: Candle interval. Defaults to ``'1h'``.

        Returns:
            The expression's value on the last candle.

        Raises:
            RequestValidationError: An argument breaks the spec's constraints or request rules (nothing is sent).
            ValidationError: Invalid or missing parameters; the message names the parameter and the rule.
            InvalidApiKeyError: The API key is missing or invalid.
            ExpiredApiKeyError: The API key has expired (provisional keys expire 24 hours after registration unless
                claimed).
            InsufficientPermissionsError: The API key lacks the scope this operation needs.
            TaOutOfRangeError: Not enough history for an indicator's period; start the date range at least 250 days
                before the analysis window.
            DataUnavailableError: The requested data is not available (unknown symbol, or no data for the range).
            RateLimitedError: Too many requests (300 per minute per key); wait for Retry-After seconds.
            InternalError: Server error.
        """
        response = self._client.request(
            _operations.EVALUATE_EXPRESSION,
            {
                "expression": expression,
                "symbol": symbol,
                "exchange": exchange,
                "timeframe": timeframe,
            },
            parse=models.ExpressionValue.model_validate,
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )
        return response.parse()

    def scan_market(
        self,
        *,
        universe: Sequence[str] | str,
        condition: str,
        exchange: Literal[
            "binance", "binancefuturesusd", "upbit", "hyperliquid", "lighter", "polymarket", "gate", "gatefutures"
        ] = "binance",
        timeframe: Literal["1m", "5m", "15m", "30m", "1h", "4h", "1d", "1w", "1M"] = "1h",
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> models.ScanResult:
        """Filter symbols by a condition.

        Evaluates a boolean Signal DSL `condition` (for example `rsi(close, 14) < 30 and volume > sma(volume, 20)`)
        on the last candle of every symbol in `universe`, and returns the symbols for which it holds. `universe` is
        a list of 1–500 symbols or a preset such as `top100` (the top symbols by market cap). `exchange` defaults to
        `binance` and `timeframe` to `1h`. The 500-symbol limit and these defaults are this spec's choice. `details`
        carries one entry per scanned symbol with its last price and whether it matched.

        A syntax error, an unknown function or a non-boolean condition answers `VALIDATION_ERROR`; too little
        history for an indicator answers `TA_OUT_OF_RANGE`; an unknown symbol answers `DATA_UNAVAILABLE`.

        Scope: ``research``.

        Args:
            universe: The symbols to scan or rank: either a list of 1–500 symbols (the maximum is this spec's
                choice), or the name of a preset universe such as `top100` (the top N symbols by market cap on the
                exchange).
            condition: Boolean Signal DSL expression, tested on each symbol's last candle.
            exchange: Exchange whose candles to use; default `binance` (this spec's choice). Defaults to
                ``'binance'``.
            timeframe: Candle interval. Defaults to ``'1h'``.

        Returns:
            The matching symbols and the evaluation of each scanned symbol.

        Raises:
            RequestValidationError: An argument breaks the spec's constraints or request rules (nothing is sent).
            ValidationError: Invalid or missing parameters; the message names the parameter and the rule.
            InvalidApiKeyError: The API key is missing or invalid.
            ExpiredApiKeyError: The API key has expired (provisional keys expire 24 hours after registration unless
                claimed).
            InsufficientPermissionsError: The API key lacks the scope this operation needs.
            TaOutOfRangeError: Not enough history for an indicator's period; start the date range at least 250 days
                before the analysis window.
            DataUnavailableError: The requested data is not available (unknown symbol, or no data for the range).
            RateLimitedError: Too many requests (300 per minute per key); wait for Retry-After seconds.
            InternalError: Server error.
        """
        response = self._client.request(
            _operations.SCAN_MARKET,
            {
                "universe": universe,
                "condition": condition,
                "exchange": exchange,
                "timeframe": timeframe,
            },
            parse=models.ScanResult.model_validate,
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )
        return response.parse()

    def rank_market(
        self,
        *,
        universe: Sequence[str] | str,
        expression: str,
        exchange: Literal[
            "binance", "binancefuturesusd", "upbit", "hyperliquid", "lighter", "polymarket", "gate", "gatefutures"
        ] = "binance",
        timeframe: Literal["1m", "5m", "15m", "30m", "1h", "4h", "1d", "1w", "1M"] = "1h",
        order: Literal["asc", "desc"] = "desc",
        limit: int = 10,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> models.RankResult:
        """Rank symbols by a numeric expression.

        Evaluates a numeric Signal DSL `expression` (for example `roc(close, 7)`) on the last candle of every symbol
        in `universe` and returns the best `limit` symbols (1–100, default 10) sorted by score, highest first by
        default (`order: desc`) or lowest first (`order: asc`). `universe` is a list of 1–500 symbols or a preset
        such as `top100`. `exchange` defaults to `binance` and `timeframe` to `1h`. The `limit` range, the
        500-symbol limit and these defaults are this spec's choice. Symbols whose expression has no value are left
        out of the ranking.

        A syntax error, an unknown function or a non-numeric expression answers `VALIDATION_ERROR`; too little
        history for an indicator answers `TA_OUT_OF_RANGE`; an unknown symbol answers `DATA_UNAVAILABLE`.

        Scope: ``research``.

        Args:
            universe: The symbols to scan or rank: either a list of 1–500 symbols (the maximum is this spec's
                choice), or the name of a preset universe such as `top100` (the top N symbols by market cap on the
                exchange).
            expression: Numeric Signal DSL expression, the score of each symbol on its last candle.
            exchange: Exchange whose candles to use; default `binance` (this spec's choice). Defaults to
                ``'binance'``.
            timeframe: Candle interval. Defaults to ``'1h'``.
            order: Sort order of the scores; `desc` (the default, this spec's choice) puts the highest score first.
                Defaults to ``'desc'``.
            limit: Number of ranked symbols to return, 1–100 (default 10, this spec's choice). Defaults to ``10``.

        Returns:
            The ranked symbols, best first.

        Raises:
            RequestValidationError: An argument breaks the spec's constraints or request rules (nothing is sent).
            ValidationError: Invalid or missing parameters; the message names the parameter and the rule.
            InvalidApiKeyError: The API key is missing or invalid.
            ExpiredApiKeyError: The API key has expired (provisional keys expire 24 hours after registration unless
                claimed).
            InsufficientPermissionsError: The API key lacks the scope this operation needs.
            TaOutOfRangeError: Not enough history for an indicator's period; start the date range at least 250 days
                before the analysis window.
            DataUnavailableError: The requested data is not available (unknown symbol, or no data for the range).
            RateLimitedError: Too many requests (300 per minute per key); wait for Retry-After seconds.
            InternalError: Server error.
        """
        response = self._client.request(
            _operations.RANK_MARKET,
            {
                "universe": universe,
                "expression": expression,
                "exchange": exchange,
                "timeframe": timeframe,
                "order": order,
                "limit": limit,
            },
            parse=models.RankResult.model_validate,
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )
        return response.parse()


class MarketWithRawResponse:
    """:class:`Market` methods that return the raw response; call ``.parse()`` for the data."""

    def __init__(self, resource: MarketEndpoints) -> None:
        self.list_symbols = raw_response(resource.list_symbols)
        self.list_tickers = raw_response(resource.list_tickers)
        self.get_ticker = raw_response(resource.get_ticker)
        self.get_tickers = raw_response(resource.get_tickers)
        self.get_funding_rates = raw_response(resource.get_funding_rates)
        self.get_ohlcv = raw_response(resource.get_ohlcv)
        self.evaluate_expression = raw_response(resource.evaluate_expression)
        self.scan_market = raw_response(resource.scan_market)
        self.rank_market = raw_response(resource.rank_market)


class AsyncMarketEndpoints(AsyncResource):
    """The ``market`` operations, one method each (helpers from overlays/ build on these)."""

    @cached_property
    def with_raw_response(self) -> AsyncMarketWithRawResponse:
        """The same methods, returning the raw response (status, headers, ``meta``) with ``.parse()``."""
        return AsyncMarketWithRawResponse(self)

    async def list_symbols(
        self,
        *,
        exchange: Literal[
            "binance", "binancefuturesusd", "upbit", "hyperliquid", "lighter", "polymarket", "gate", "gatefutures"
        ] = "binance",
        market_type: Literal["spot", "perpetual", "prediction"] | NotGiven = NOT_GIVEN,
        category: str | NotGiven = NOT_GIVEN,
        sector: str | NotGiven = NOT_GIVEN,
        limit: int = 100,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> models.SymbolList:
        """List tradable symbols.

        Lists the symbols that can be traded on an exchange, for research before backtesting or trading. Filter by
        `market_type`, by a `category` such as `top_market_cap` or `trending`, or by a `sector` such as `DeFi`, `L1`
        or `AI`. No API key is needed.

        `exchange` defaults to `binance`; `market_type` is inferred from the exchange when omitted (Hyperliquid
        lists perpetuals only). `limit` takes 1–500; its default of 100 is this spec's choice. The older documents
        call the same list `GET /market/tickers`.

        Public: no API key needed.

        Args:
            exchange: Exchange whose symbols to list. Defaults to ``'binance'``.
            market_type: Kind of market to list; inferred from the exchange when omitted.
            category: Only symbols in this category, for example `top_market_cap` or `trending`.
            sector: Only symbols of this sector, for example `DeFi`, `L1` or `AI`.
            limit: Maximum number of symbols to return, 1–500 (default 100, this spec's choice). Defaults to
                ``100``.

        Returns:
            The matching symbols.

        Raises:
            RequestValidationError: An argument breaks the spec's constraints or request rules (nothing is sent).
            ValidationError: Invalid or missing parameters; the message names the parameter and the rule.
            RateLimitedError: Too many requests (300 per minute per key); wait for Retry-After seconds.
            InternalError: Server error.
        """
        response = await self._client.request(
            _operations.LIST_SYMBOLS,
            {
                "exchange": exchange,
                "market_type": market_type,
                "category": category,
                "sector": sector,
                "limit": limit,
            },
            parse=models.SymbolList.model_validate,
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )
        return response.parse()

    async def list_tickers(
        self,
        *,
        exchange: Literal[
            "binance", "binancefuturesusd", "upbit", "hyperliquid", "lighter", "polymarket", "gate", "gatefutures"
        ] = "binance",
        market_type: Literal["spot", "perpetual", "prediction"] | NotGiven = NOT_GIVEN,
        category: str | NotGiven = NOT_GIVEN,
        sector: str | NotGiven = NOT_GIVEN,
        limit: int = 100,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> models.SymbolList:
        """List tradable symbols (older path).

        Deprecated: the spec keeps this operation for the older documents; it still works, but prefer
        the one its description names.

        The older documents' path for `GET /market/symbols` (`list_symbols`): the same parameters, the same
        response. Lists the symbols that can be traded on an exchange, filtered by `market_type`, `category` (for
        example `top_market_cap`, `trending`) and `sector` (for example `DeFi`, `L1`, `AI`). No API key is needed.

        `exchange` defaults to `binance`; `market_type` is inferred from the exchange when omitted (the older
        documents said `spot`). `limit` takes 1–500; its default of 100 is this spec's choice. Prefer `GET
        /market/symbols` in new code.

        Public: no API key needed.

        Args:
            exchange: Exchange whose symbols to list. Defaults to ``'binance'``.
            market_type: Kind of market to list; inferred from the exchange when omitted. Documents disagree on
                default: 001 writes `spot` for it (`market_type` (`spot`)); this spec follows the newer document
                (000), which infers the market type from the exchange.
            category: Only symbols in this category, for example `top_market_cap` or `trending`.
            sector: Only symbols of this sector, for example `DeFi`, `L1` or `AI`.
            limit: Maximum number of symbols to return, 1–500 (default 100, this spec's choice). Defaults to
                ``100``.

        Returns:
            The matching symbols (same response as `GET /market/symbols`).

        Raises:
            RequestValidationError: An argument breaks the spec's constraints or request rules (nothing is sent).
            ValidationError: Invalid or missing parameters; the message names the parameter and the rule.
            RateLimitedError: Too many requests (300 per minute per key); wait for Retry-After seconds.
            InternalError: Server error.
        """
        response = await self._client.request(
            _operations.LIST_TICKERS,
            {
                "exchange": exchange,
                "market_type": market_type,
                "category": category,
                "sector": sector,
                "limit": limit,
            },
            parse=models.SymbolList.model_validate,
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )
        return response.parse()

    async def get_ticker(
        self,
        *,
        symbol: str,
        exchange: Literal[
            "binance", "binancefuturesusd", "upbit", "hyperliquid", "lighter", "polymarket", "gate", "gatefutures"
        ] = "binance",
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> models.Ticker:
        """Get a real-time ticker.

        Returns the real-time quote of one symbol: last price, best bid and ask, 24-hour high, low, volume and
        change. `exchange` defaults to `binance` (this spec's choice). On Polymarket the symbol is the numeric token
        ID and prices are probabilities. An unknown symbol answers `DATA_UNAVAILABLE`. For up to 20 symbols at once
        use `POST /market/ticker`.

        Scope: ``research``.

        Args:
            symbol: Symbol to quote, `BASE/QUOTE` (Polymarket token ID on Polymarket).
            exchange: Exchange to quote on; default `binance` (this spec's choice). Defaults to ``'binance'``.

        Returns:
            The ticker.

        Raises:
            RequestValidationError: An argument breaks the spec's constraints or request rules (nothing is sent).
            ValidationError: Invalid or missing parameters; the message names the parameter and the rule.
            InvalidApiKeyError: The API key is missing or invalid.
            ExpiredApiKeyError: The API key has expired (provisional keys expire 24 hours after registration unless
                claimed).
            InsufficientPermissionsError: The API key lacks the scope this operation needs.
            DataUnavailableError: The requested data is not available (unknown symbol, or no data for the range).
            RateLimitedError: Too many requests (300 per minute per key); wait for Retry-After seconds.
            InternalError: Server error.
        """
        response = await self._client.request(
            _operations.GET_TICKER,
            {
                "symbol": symbol,
                "exchange": exchange,
            },
            parse=models.Ticker.model_validate,
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )
        return response.parse()

    async def get_tickers(
        self,
        *,
        symbols: Sequence[str],
        exchange: Literal[
            "binance", "binancefuturesusd", "upbit", "hyperliquid", "lighter", "polymarket", "gate", "gatefutures"
        ] = "binance",
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> list[models.Ticker]:
        """Get real-time tickers of several symbols.

        Returns the real-time quotes of up to 20 symbols on one exchange (`exchange` defaults to `binance`, this
        spec's choice), one `Ticker` per requested symbol in the order requested. A symbol the exchange does not
        know fails the whole request with `DATA_UNAVAILABLE` naming it (this spec's choice: no partial lists).

        Scope: ``research``.

        Args:
            symbols: Symbols to quote, 1–20.
            exchange: Exchange to quote on; default `binance` (this spec's choice). Defaults to ``'binance'``.

        Returns:
            One ticker per requested symbol, in request order.

        Raises:
            RequestValidationError: An argument breaks the spec's constraints or request rules (nothing is sent).
            ValidationError: Invalid or missing parameters; the message names the parameter and the rule.
            InvalidApiKeyError: The API key is missing or invalid.
            ExpiredApiKeyError: The API key has expired (provisional keys expire 24 hours after registration unless
                claimed).
            InsufficientPermissionsError: The API key lacks the scope this operation needs.
            DataUnavailableError: The requested data is not available (unknown symbol, or no data for the range).
            RateLimitedError: Too many requests (300 per minute per key); wait for Retry-After seconds.
            InternalError: Server error.
        """
        response = await self._client.request(
            _operations.GET_TICKERS,
            {
                "symbols": symbols,
                "exchange": exchange,
            },
            parse=list_parser(models.Ticker),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )
        return response.parse()

    async def get_funding_rates(
        self,
        *,
        exchange: Literal["hyperliquid", "lighter"],
        symbol: str | NotGiven = NOT_GIVEN,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> models.FundingRateList:
        """Get perpetual funding rates.

        Returns the current funding rates of a perpetual-futures exchange, one entry per market, optionally filtered
        to one `symbol`. Only `hyperliquid` and `lighter` are supported; any other exchange answers
        `VALIDATION_ERROR`. `funding_rate` is the rate charged per funding interval (`interval_hours`), as a
        fraction (0.0000125 = 0.00125 %); positive means longs pay shorts. A `symbol` the exchange does not list
        answers `DATA_UNAVAILABLE`.

        Scope: ``research``.

        Args:
            exchange: Perpetual exchange to read funding rates from; `hyperliquid` or `lighter` (the only two with
                funding rates). Required by this spec's choice (the rates are per exchange); the documents list it
                only as a query parameter.
            symbol: Only the funding rate of this market, `BASE/QUOTE`.

        Returns:
            The funding rates.

        Raises:
            RequestValidationError: An argument breaks the spec's constraints or request rules (nothing is sent).
            ValidationError: Invalid or missing parameters; the message names the parameter and the rule.
            InvalidApiKeyError: The API key is missing or invalid.
            ExpiredApiKeyError: The API key has expired (provisional keys expire 24 hours after registration unless
                claimed).
            InsufficientPermissionsError: The API key lacks the scope this operation needs.
            DataUnavailableError: The requested data is not available (unknown symbol, or no data for the range).
            RateLimitedError: Too many requests (300 per minute per key); wait for Retry-After seconds.
            InternalError: Server error.
        """
        response = await self._client.request(
            _operations.GET_FUNDING_RATES,
            {
                "exchange": exchange,
                "symbol": symbol,
            },
            parse=models.FundingRateList.model_validate,
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )
        return response.parse()

    async def get_ohlcv(
        self,
        *,
        symbol: str,
        exchange: Literal[
            "binance", "binancefuturesusd", "upbit", "hyperliquid", "lighter", "polymarket", "gate", "gatefutures"
        ] = "binance",
        timeframe: Literal["1m", "5m", "15m", "30m", "1h", "4h", "1d", "1w", "1M"] = "1h",
        start: datetime | str | NotGiven = NOT_GIVEN,
        end: datetime | str | NotGiven = NOT_GIVEN,
        limit: int = 100,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> models.Ohlcv:
        """Get OHLCV candles.

        Returns open, high, low, close and volume candles of one symbol, oldest first. `exchange` defaults to
        `binance` and `timeframe` to `1h`. `start` and `end` bound the candles' open times; the response holds at
        most `limit` candles (1–1000, default 100), the most recent ones up to `end` (or up to now when `end` is
        omitted). These defaults and the `limit` range are this spec's choice. An unknown symbol, or a range without
        data, answers `DATA_UNAVAILABLE`. `start` after `end` is a `VALIDATION_ERROR`.

        Scope: ``research``.

        Args:
            symbol: Symbol whose candles to return, `BASE/QUOTE` (Polymarket token ID on Polymarket).
            exchange: Exchange to read candles from; default `binance` (this spec's choice). Defaults to
                ``'binance'``.
            timeframe: Candle interval. Defaults to ``'1h'``.
            start: Earliest candle open time to include.
            end: Latest candle open time to include; now when omitted.
            limit: Maximum number of candles, the most recent ones up to `end` (1–1000, default 100, this spec's
                choice). Defaults to ``100``.

        Returns:
            The candles, oldest first.

        Raises:
            RequestValidationError: An argument breaks the spec's constraints or request rules (nothing is sent).
            ValidationError: Invalid or missing parameters; the message names the parameter and the rule.
            InvalidApiKeyError: The API key is missing or invalid.
            ExpiredApiKeyError: The API key has expired (provisional keys expire 24 hours after registration unless
                claimed).
            InsufficientPermissionsError: The API key lacks the scope this operation needs.
            DataUnavailableError: The requested data is not available (unknown symbol, or no data for the range).
            RateLimitedError: Too many requests (300 per minute per key); wait for Retry-After seconds.
            InternalError: Server error.
        """
        response = await self._client.request(
            _operations.GET_OHLCV,
            {
                "symbol": symbol,
                "exchange": exchange,
                "timeframe": timeframe,
                "start": start,
                "end": end,
                "limit": limit,
            },
            parse=rows_parser(models.Candle, models.Ohlcv, "candles"),
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )
        return response.parse()

    async def evaluate_expression(
        self,
        *,
        expression: str,
        symbol: str,
        exchange: Literal[
            "binance", "binancefuturesusd", "upbit", "hyperliquid", "lighter", "polymarket", "gate", "gatefutures"
        ] = "binance",
        timeframe: Literal["1m", "5m", "15m", "30m", "1h", "4h", "1d", "1w", "1M"] = "1h",
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> models.ExpressionValue:
        """Evaluate a Signal DSL expression.

        Evaluates one Signal DSL expression, such as `rsi(close, 14)[-1]` or `close > sma(close, 20)`, on the latest
        candles of one symbol and returns its value: a number, a boolean, or null when the expression has no value
        on the last candle. A series is read at its last candle. `exchange` defaults to `binance` and `timeframe` to
        `1h` (this spec's choice); the full syntax and indicator list are at `GET /docs/signal-dsl` and `GET
        /docs/operators`.

        A syntax error or unknown function answers `VALIDATION_ERROR`; an indicator whose period needs more history
        than is available answers `TA_OUT_OF_RANGE`; an unknown symbol answers `DATA_UNAVAILABLE`.

        Scope: ``research``.

        Args:
            expression: Signal DSL expression, numeric or boolean.
            symbol: A market symbol on order and market endpoints: `BASE/QUOTE` for spot and perpetual markets
                (`BTC/USDT`; perpetuals may also be written `BASE/QUOTE:SETTLE`), or the numeric token ID on
                Polymarket.
            exchange: Exchange whose candles to use; default `binance` (this spec's choice). Defaults to
                ``'binance'``.
            timeframe: Candle interval. Defaults to ``'1h'``.

        Returns:
            The expression's value on the last candle.

        Raises:
            RequestValidationError: An argument breaks the spec's constraints or request rules (nothing is sent).
            ValidationError: Invalid or missing parameters; the message names the parameter and the rule.
            InvalidApiKeyError: The API key is missing or invalid.
            ExpiredApiKeyError: The API key has expired (provisional keys expire 24 hours after registration unless
                claimed).
            InsufficientPermissionsError: The API key lacks the scope this operation needs.
            TaOutOfRangeError: Not enough history for an indicator's period; start the date range at least 250 days
                before the analysis window.
            DataUnavailableError: The requested data is not available (unknown symbol, or no data for the range).
            RateLimitedError: Too many requests (300 per minute per key); wait for Retry-After seconds.
            InternalError: Server error.
        """
        response = await self._client.request(
            _operations.EVALUATE_EXPRESSION,
            {
                "expression": expression,
                "symbol": symbol,
                "exchange": exchange,
                "timeframe": timeframe,
            },
            parse=models.ExpressionValue.model_validate,
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )
        return response.parse()

    async def scan_market(
        self,
        *,
        universe: Sequence[str] | str,
        condition: str,
        exchange: Literal[
            "binance", "binancefuturesusd", "upbit", "hyperliquid", "lighter", "polymarket", "gate", "gatefutures"
        ] = "binance",
        timeframe: Literal["1m", "5m", "15m", "30m", "1h", "4h", "1d", "1w", "1M"] = "1h",
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> models.ScanResult:
        """Filter symbols by a condition.

        Evaluates a boolean Signal DSL `condition` (for example `rsi(close, 14) < 30 and volume > sma(volume, 20)`)
        on the last candle of every symbol in `universe`, and returns the symbols for which it holds. `universe` is
        a list of 1–500 symbols or a preset such as `top100` (the top symbols by market cap). `exchange` defaults to
        `binance` and `timeframe` to `1h`. The 500-symbol limit and these defaults are this spec's choice. `details`
        carries one entry per scanned symbol with its last price and whether it matched.

        A syntax error, an unknown function or a non-boolean condition answers `VALIDATION_ERROR`; too little
        history for an indicator answers `TA_OUT_OF_RANGE`; an unknown symbol answers `DATA_UNAVAILABLE`.

        Scope: ``research``.

        Args:
            universe: The symbols to scan or rank: either a list of 1–500 symbols (the maximum is this spec's
                choice), or the name of a preset universe such as `top100` (the top N symbols by market cap on the
                exchange).
            condition: Boolean Signal DSL expression, tested on each symbol's last candle.
            exchange: Exchange whose candles to use; default `binance` (this spec's choice). Defaults to
                ``'binance'``.
            timeframe: Candle interval. Defaults to ``'1h'``.

        Returns:
            The matching symbols and the evaluation of each scanned symbol.

        Raises:
            RequestValidationError: An argument breaks the spec's constraints or request rules (nothing is sent).
            ValidationError: Invalid or missing parameters; the message names the parameter and the rule.
            InvalidApiKeyError: The API key is missing or invalid.
            ExpiredApiKeyError: The API key has expired (provisional keys expire 24 hours after registration unless
                claimed).
            InsufficientPermissionsError: The API key lacks the scope this operation needs.
            TaOutOfRangeError: Not enough history for an indicator's period; start the date range at least 250 days
                before the analysis window.
            DataUnavailableError: The requested data is not available (unknown symbol, or no data for the range).
            RateLimitedError: Too many requests (300 per minute per key); wait for Retry-After seconds.
            InternalError: Server error.
        """
        response = await self._client.request(
            _operations.SCAN_MARKET,
            {
                "universe": universe,
                "condition": condition,
                "exchange": exchange,
                "timeframe": timeframe,
            },
            parse=models.ScanResult.model_validate,
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )
        return response.parse()

    async def rank_market(
        self,
        *,
        universe: Sequence[str] | str,
        expression: str,
        exchange: Literal[
            "binance", "binancefuturesusd", "upbit", "hyperliquid", "lighter", "polymarket", "gate", "gatefutures"
        ] = "binance",
        timeframe: Literal["1m", "5m", "15m", "30m", "1h", "4h", "1d", "1w", "1M"] = "1h",
        order: Literal["asc", "desc"] = "desc",
        limit: int = 10,
        extra_headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | NotGiven = NOT_GIVEN,
    ) -> models.RankResult:
        """Rank symbols by a numeric expression.

        Evaluates a numeric Signal DSL `expression` (for example `roc(close, 7)`) on the last candle of every symbol
        in `universe` and returns the best `limit` symbols (1–100, default 10) sorted by score, highest first by
        default (`order: desc`) or lowest first (`order: asc`). `universe` is a list of 1–500 symbols or a preset
        such as `top100`. `exchange` defaults to `binance` and `timeframe` to `1h`. The `limit` range, the
        500-symbol limit and these defaults are this spec's choice. Symbols whose expression has no value are left
        out of the ranking.

        A syntax error, an unknown function or a non-numeric expression answers `VALIDATION_ERROR`; too little
        history for an indicator answers `TA_OUT_OF_RANGE`; an unknown symbol answers `DATA_UNAVAILABLE`.

        Scope: ``research``.

        Args:
            universe: The symbols to scan or rank: either a list of 1–500 symbols (the maximum is this spec's
                choice), or the name of a preset universe such as `top100` (the top N symbols by market cap on the
                exchange).
            expression: Numeric Signal DSL expression, the score of each symbol on its last candle.
            exchange: Exchange whose candles to use; default `binance` (this spec's choice). Defaults to
                ``'binance'``.
            timeframe: Candle interval. Defaults to ``'1h'``.
            order: Sort order of the scores; `desc` (the default, this spec's choice) puts the highest score first.
                Defaults to ``'desc'``.
            limit: Number of ranked symbols to return, 1–100 (default 10, this spec's choice). Defaults to ``10``.

        Returns:
            The ranked symbols, best first.

        Raises:
            RequestValidationError: An argument breaks the spec's constraints or request rules (nothing is sent).
            ValidationError: Invalid or missing parameters; the message names the parameter and the rule.
            InvalidApiKeyError: The API key is missing or invalid.
            ExpiredApiKeyError: The API key has expired (provisional keys expire 24 hours after registration unless
                claimed).
            InsufficientPermissionsError: The API key lacks the scope this operation needs.
            TaOutOfRangeError: Not enough history for an indicator's period; start the date range at least 250 days
                before the analysis window.
            DataUnavailableError: The requested data is not available (unknown symbol, or no data for the range).
            RateLimitedError: Too many requests (300 per minute per key); wait for Retry-After seconds.
            InternalError: Server error.
        """
        response = await self._client.request(
            _operations.RANK_MARKET,
            {
                "universe": universe,
                "expression": expression,
                "exchange": exchange,
                "timeframe": timeframe,
                "order": order,
                "limit": limit,
            },
            parse=models.RankResult.model_validate,
            extra_headers=extra_headers,
            timeout=timeout,
            max_retries=max_retries,
        )
        return response.parse()


class AsyncMarketWithRawResponse:
    """:class:`AsyncMarket` methods that return the raw response; call ``.parse()`` for the data."""

    def __init__(self, resource: AsyncMarketEndpoints) -> None:
        self.list_symbols = async_raw_response(resource.list_symbols)
        self.list_tickers = async_raw_response(resource.list_tickers)
        self.get_ticker = async_raw_response(resource.get_ticker)
        self.get_tickers = async_raw_response(resource.get_tickers)
        self.get_funding_rates = async_raw_response(resource.get_funding_rates)
        self.get_ohlcv = async_raw_response(resource.get_ohlcv)
        self.evaluate_expression = async_raw_response(resource.evaluate_expression)
        self.scan_market = async_raw_response(resource.scan_market)
        self.rank_market = async_raw_response(resource.rank_market)
