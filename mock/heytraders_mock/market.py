"""Reference market data: the symbols of each exchange, and prices, tickers, candles and funding rates.

Deliberately simple and deterministic. A price is a pure function of the seed, the market and the
second: a reference price (near the spec's examples at the clock's start) moved by a daily swing
(±2 %), a 30-day swing (±8 %) and minute-to-minute noise (±0.2 %), computed in integer basis points
and quantised to the market's tick, so money never passes through a float and any moment (2024 for
a backtest, now for a ticker) has one price. Polymarket tokens move in [0.01, 0.99]. Everything the
rest of the mock knows about markets comes from this module, so a realistic sandbox can replace it
in one place.
"""

from __future__ import annotations

import calendar
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import ROUND_HALF_EVEN, Decimal

from .clock import START, epoch, iso, money

DAY = 86400
TIMEFRAME_SECONDS = {
    "1m": 60,
    "5m": 300,
    "15m": 900,
    "30m": 1800,
    "1h": 3600,
    "4h": 14400,
    "1d": DAY,
    "1w": 7 * DAY,
    "1M": 30 * DAY,  # nominal; candles of 1M follow calendar months
}
_MONDAY = 4 * DAY  # 1970-01-01 was a Thursday: weekly candles open on Mondays
KRW_PER_USD = Decimal(1400)
START_SECOND = epoch(START)


@dataclass(frozen=True)
class Asset:
    sector: str
    rank: int
    usd: Decimal  # reference price in USD
    tick: Decimal


ASSETS: dict[str, Asset] = {
    "BTC": Asset("L1", 1, Decimal("97250.5"), Decimal("0.1")),
    "ETH": Asset("L1", 2, Decimal("3120.45"), Decimal("0.01")),
    "XRP": Asset("Payments", 4, Decimal("2.4512"), Decimal("0.0001")),
    "BNB": Asset("Exchange", 5, Decimal("642.3"), Decimal("0.1")),
    "SOL": Asset("L1", 6, Decimal("185.32"), Decimal("0.01")),
    "DOGE": Asset("Meme", 8, Decimal("0.24561"), Decimal("0.00001")),
    "ADA": Asset("L1", 9, Decimal("0.7821"), Decimal("0.0001")),
    "LINK": Asset("DeFi", 12, Decimal("19.874"), Decimal("0.001")),
    "AVAX": Asset("L1", 14, Decimal("36.42"), Decimal("0.01")),
    "HYPE": Asset("DeFi", 15, Decimal("24.512"), Decimal("0.001")),
    "UNI": Asset("DeFi", 20, Decimal("9.853"), Decimal("0.001")),
    "PEPE": Asset("Meme", 25, Decimal("0.00001834"), Decimal("0.00000001")),
    "NEAR": Asset("AI", 28, Decimal("5.124"), Decimal("0.001")),
    "AAVE": Asset("DeFi", 30, Decimal("265.41"), Decimal("0.01")),
    "FET": Asset("AI", 35, Decimal("1.4253"), Decimal("0.0001")),
    "ARB": Asset("L2", 45, Decimal("0.8123"), Decimal("0.0001")),
    "OP": Asset("L2", 50, Decimal("1.8421"), Decimal("0.0001")),
}

# Polymarket outcome tokens: (token ID, question, sector, probability at the start).
POLYMARKET_TOKENS = (
    (
        "21742633143463906290569050155826241533067272736897614950488156847949938836455",
        "Will Bitcoin reach $150k in 2026?",
        "Crypto",
        Decimal("0.62"),
    ),
    (
        "48331043336612883890938759509493159234755048973500640148014422747788308965732",
        "Will the Fed cut rates in March 2026?",
        "Economics",
        Decimal("0.37"),
    ),
    (
        "71321045679252212594626385532706912750332728571942532289631379312455583992563",
        "Will ETH flip $5k before July 2026?",
        "Crypto",
        Decimal("0.21"),
    ),
    (
        "16678291189211314787145083999015737376658799456514296962217539436285125690124",
        "Will the US enter a recession in 2026?",
        "Economics",
        Decimal("0.28"),
    ),
)


@dataclass(frozen=True)
class Venue:
    market_type: str
    quote: str
    settle: bool  # perpetual symbols carry `:SETTLE`
    bases: tuple[str, ...]


VENUES: dict[str, Venue] = {
    "binance": Venue(
        "spot",
        "USDT",
        False,
        (
            "BTC",
            "ETH",
            "XRP",
            "BNB",
            "SOL",
            "DOGE",
            "ADA",
            "LINK",
            "AVAX",
            "UNI",
            "PEPE",
            "NEAR",
            "AAVE",
            "FET",
            "ARB",
            "OP",
        ),
    ),
    "binancefuturesusd": Venue("perpetual", "USDT", True, ("BTC", "ETH", "XRP", "BNB", "SOL", "DOGE", "LINK", "AVAX")),
    "upbit": Venue("spot", "KRW", False, ("BTC", "ETH", "XRP", "SOL", "DOGE", "ADA")),
    "hyperliquid": Venue("perpetual", "USDC", True, ("BTC", "ETH", "SOL", "HYPE", "DOGE")),
    # The documents write Lighter symbols as BTC/USDT (orders, open orders, cancels); the mock follows them.
    "lighter": Venue("perpetual", "USDT", True, ("BTC", "ETH", "SOL")),
    "gate": Venue("spot", "USDT", False, ("BTC", "ETH", "SOL", "DOGE", "PEPE")),
    "gatefutures": Venue("perpetual", "USDT", True, ("BTC", "ETH", "SOL")),
}


@dataclass(frozen=True)
class Market:
    """One tradable symbol of one exchange."""

    exchange: str
    symbol: str  # the canonical form: BASE/QUOTE, BASE/QUOTE:SETTLE for perpetuals, the token ID on Polymarket
    base: str
    quote: str
    market_type: str
    sector: str | None
    rank: int | None
    reference: Decimal  # the price at the reference time, in the quote currency
    tick: Decimal
    title: str | None = None

    def info(self) -> dict[str, object]:
        return {
            "symbol": self.symbol,
            "base": self.base,
            "quote": self.quote,
            "market_type": self.market_type,
            "sector": self.sector,
            "market_cap_rank": self.rank,
        }


def _hash(*parts: object) -> int:
    digest = hashlib.sha256(":".join(str(part) for part in parts).encode()).digest()
    return int.from_bytes(digest[:8], "big")


def _triangle(x: int, period: int, amplitude: int) -> int:
    """A triangle wave in [-amplitude, amplitude] with the given period, in integers."""
    phase = x % period
    return abs(2 * phase - period) * 2 * amplitude // period - amplitude


def _quantize(value: Decimal, tick: Decimal) -> Decimal:
    return (value / tick).to_integral_value(ROUND_HALF_EVEN) * tick


def _krw_tick(price: Decimal) -> Decimal:
    """Upbit-like KRW ticks: 1000 for a 9-digit price, 10 for 7 digits, 0.1 at most."""
    digits = len(str(int(price)))
    return Decimal(10) ** max(-1, digits - 6)


def _build_markets() -> dict[str, list[Market]]:
    markets: dict[str, list[Market]] = {}
    for exchange, venue in VENUES.items():
        listed = []
        for base in venue.bases:
            asset = ASSETS[base]
            krw = venue.quote == "KRW"
            reference = asset.usd * KRW_PER_USD if krw else asset.usd
            tick = _krw_tick(reference) if krw else asset.tick
            symbol = f"{base}/{venue.quote}" + (f":{venue.quote}" if venue.settle else "")
            listed.append(
                Market(
                    exchange, symbol, base, venue.quote, venue.market_type, asset.sector, asset.rank, reference, tick
                )
            )
        markets[exchange] = sorted(listed, key=lambda market: market.rank or 10**6)
    markets["polymarket"] = [
        Market("polymarket", token, token, "USDC", "prediction", sector, None, probability, Decimal("0.001"), title)
        for token, title, sector, probability in POLYMARKET_TOKENS
    ]
    return markets


class MarketData:
    """The seeded market: symbol lists and a price for every market at every second."""

    def __init__(self, seed: int) -> None:
        self.seed = seed
        self._markets = _build_markets()

    def exchanges(self) -> list[str]:
        return list(self._markets)

    def markets(self, exchange: str) -> list[Market]:
        return list(self._markets.get(exchange, ()))

    def quote_currencies(self, exchange: str) -> list[str]:
        return sorted({market.quote for market in self.markets(exchange)})

    def find(self, exchange: str, symbol: str) -> Market | None:
        """The market named ``symbol``; ``BASE/QUOTE`` also finds the perpetual ``BASE/QUOTE:QUOTE``."""
        for market in self._markets.get(exchange, ()):
            if symbol == market.symbol or (
                market.market_type == "perpetual" and f"{symbol}:{market.quote}" == market.symbol
            ):
                return market
        return None

    def top(self, exchange: str, count: int) -> list[Market]:
        """The preset universe ``top<count>``: the best-ranked markets (every Polymarket token)."""
        return self.markets(exchange)[:count]

    # ---- prices ---------------------------------------------------------------------------

    def price(self, market: Market, second: int) -> Decimal:
        # Both swings cross zero at the clock's start, so prices start near their reference (the spec's
        # examples); the seed decides whether a market first rises or falls.
        key = _hash(self.seed, market.exchange, market.symbol)
        since = second - START_SECOND
        quarter = 1 if key % 2 else 3
        daily = _triangle(since + quarter * DAY // 4, DAY, 200)
        monthly = _triangle(since + quarter * 30 * DAY // 4, 30 * DAY, 800)
        noise = _hash(self.seed, market.symbol, second // 60) % 41 - 20
        if market.market_type == "prediction":
            moved = market.reference + Decimal(daily // 4 + monthly + noise) / 10000
            return _quantize(min(max(moved, Decimal("0.01")), Decimal("0.99")), market.tick)
        moved = market.reference * (10000 + daily + monthly + noise) / 10000
        return max(_quantize(moved, market.tick), market.tick)

    def bid_ask(self, market: Market, second: int) -> tuple[Decimal, Decimal]:
        last = self.price(market, second)
        return max(last - market.tick, market.tick), last + market.tick

    def ticker(self, market: Market, now: datetime) -> dict[str, object]:
        second = epoch(now)
        last = self.price(market, second)
        bid, ask = self.bid_ask(market, second)
        day_ago = self.price(market, second - DAY)
        samples = [self.price(market, second - hour * 3600) for hour in range(25)]
        volume = Decimal(20_000_000 + _hash(self.seed, market.symbol, second // DAY) % 5_000_000)
        volume = volume / Decimal(market.rank or 40) / (last * (KRW_PER_USD if market.quote == "KRW" else 1))
        change = (last - day_ago) / day_ago * 100
        return {
            "symbol": market.symbol,
            "exchange": market.exchange,
            "last": money(last),
            "bid": money(bid),
            "ask": money(ask),
            "high_24h": money(max(samples)),
            "low_24h": money(min(samples)),
            "volume_24h": money(volume.quantize(Decimal("0.001"))),
            "change_24h_pct": float(change.quantize(Decimal("0.01"))),
            "timestamp": iso(now),
        }

    def funding(self, market: Market, now: datetime) -> dict[str, object]:
        second = epoch(now)
        hour = second // 3600
        rate = (_hash(self.seed, market.symbol, "funding", hour) % 300 - 100) / 10_000_000
        return {
            "symbol": market.symbol,
            "funding_rate": rate,
            "interval_hours": 1,
            "next_funding_time": iso(datetime.fromtimestamp((hour + 1) * 3600, UTC)),
            "mark_price": money(self.price(market, second)),
        }

    # ---- candles --------------------------------------------------------------------------

    def candle_opens(
        self, timeframe: str, end: datetime, limit: int, start: datetime | None = None
    ) -> list[tuple[datetime, datetime]]:
        """(open, next open) of the ``limit`` most recent candles opening in [start, end], oldest first."""
        spans: list[tuple[datetime, datetime]] = []
        for opened, closes in _spans_backwards(timeframe, end):
            if len(spans) >= limit or (start is not None and opened < start):
                break
            spans.append((opened, closes))
        return spans[::-1]

    def candle(self, market: Market, opened: datetime, closes: datetime, now: datetime) -> dict[str, str]:
        first = epoch(opened)
        last = min(epoch(closes) - 1, epoch(now))
        open_ = self.price(market, first)
        close = self.price(market, last)
        middle = self.price(market, (first + last) // 2)
        wiggle = market.tick * (_hash(self.seed, market.symbol, first) % 5)
        high = max(open_, close, middle) + wiggle
        low = max(min(open_, close, middle) - wiggle, market.tick)
        span = Decimal(max(last - first, 60)) / 3600
        volume = Decimal(_hash(self.seed, market.symbol, "volume", first) % 90_000 + 10_000) * span
        volume = volume / Decimal(market.rank or 40) / (close if market.market_type != "prediction" else 1)
        return {
            "timestamp": iso(opened),
            "open": money(open_),
            "high": money(high),
            "low": money(low),
            "close": money(close),
            "volume": money(volume.quantize(Decimal("0.001"))),
        }

    def candles(
        self,
        market: Market,
        timeframe: str,
        now: datetime,
        limit: int,
        start: datetime | None = None,
        end: datetime | None = None,
    ) -> list[dict[str, str]]:
        last = min(end, now) if end is not None else now
        return [self.candle(market, o, c, now) for o, c in self.candle_opens(timeframe, last, limit, start)]


def _spans_backwards(timeframe: str, end: datetime) -> Iterable[tuple[datetime, datetime]]:
    """Candle spans whose open is at or before ``end``, newest first."""
    if timeframe == "1M":
        year, month = end.year, end.month
        while True:
            opened = datetime(year, month, 1, tzinfo=UTC)
            yield opened, opened + timedelta(days=calendar.monthrange(year, month)[1])
            year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    step = TIMEFRAME_SECONDS[timeframe]
    offset = _MONDAY if timeframe == "1w" else 0
    opened_at = (epoch(end) - offset) // step * step + offset
    while True:
        yield datetime.fromtimestamp(opened_at, UTC), datetime.fromtimestamp(opened_at + step, UTC)
        opened_at -= step
