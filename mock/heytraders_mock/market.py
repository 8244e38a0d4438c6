"""Reference market data: the symbols of each exchange, and prices, tickers, candles and funding rates.

The sandbox's choices:

- **Pure and seeded.** A price is a function of (seed, market, minute) and nothing else: no state, no
  history replayed from 1970. Any range from ``HISTORY_START`` (2018-01-01) to now can be asked, in
  any order, and gives the same candles on every run and platform: prices are whole ticks, the random
  numbers come from BLAKE2b, and the floats in between only meet ``+ - * /`` and ``sqrt`` (which IEEE
  754 rounds identically everywhere) and a home-made ``exp`` built from those: no ``**`` on floats,
  no ``math.exp``/``log``/``pow`` (the C library's, which may differ in the last bit), and constants
  such as the volume weights are written out. Caches only save time, and one budget bounds them all
  (``CACHE_ENTRIES`` entries per ``MarketData``, about 100 MB at worst).
- **Daily path.** An asset's daily closes follow a random walk in log price (in log-odds on
  Polymarket) built by midpoint displacement: a Brownian bridge over a dyadic grid of days, so a day
  costs at most 13 hashed points, shared with its neighbours. Its volatility moves between calm and
  stormy regimes (a smooth 40-day noise, 0.5 to 2 times the asset's own daily volatility: BTC 2.5 %,
  PEPE 7 %) and a smooth trend adds bull and bear phases of a few months. Swings longer than ~4 months
  are damped and the distance from the reference price is softly bounded, so BTC/USDT stays roughly
  within 30k to 300k from 2018 to 2030 and a Polymarket token within [0.01, 0.99]. An asset moves
  together on every exchange (Upbit adds a drifting KRW premium near 1 %, perpetuals a small basis).
  The whole path is scaled so that the price at the clock's start (2026-03-01 12:00 UTC) is within
  0.3 % of the market's reference price, the spec's examples (plus the venue's premium).
- **Intraday.** A day candle (open = the previous close, wicks scaled to the day's volatility) splits
  into 6 four-hour candles, each into 4 hours, 2 half hours, 2 quarters, 3 five-minute and 5
  one-minute candles. A split draws the children's closes along a noisy bridge through the parent's
  high and low, so all timeframes agree exactly: a candle's high and low are its children's extremes,
  its volume is their sum, and every candle opens at the previous candle's close (exactly, not within
  a tick). Volume follows the move size, the volatility regime and the UTC session.
- **Now.** ``price(market, second)`` is the close of the one-minute candle holding that second. The
  candle still open at ``now``, in every timeframe, ends with that minute, so its close is the
  ticker's ``last``; the ticker's 24 h figures are the last 1,440 one-minute candles. Candles of 1w
  open on Mondays, 1M on the 1st of calendar months.
- **Money.** Prices are Decimal, quantised to the market's tick; volumes are in the base asset (in
  shares on Polymarket), to 0.001.
"""

from __future__ import annotations

import calendar
import hashlib
import math
import struct
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any, Final

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
START_DAY = START_SECOND // DAY
HISTORY_START = datetime(2018, 1, 1, tzinfo=UTC)  # a Monday and the 1st: every timeframe starts cleanly
HISTORY_START_SECOND = epoch(HISTORY_START)
FUNDING_EXCHANGES = ("hyperliquid", "lighter")


@dataclass(frozen=True)
class Asset:
    sector: str
    rank: int
    usd: Decimal  # reference price in USD
    tick: Decimal
    volatility: float  # typical daily move, in log price


ASSETS: dict[str, Asset] = {
    "BTC": Asset("L1", 1, Decimal("97250.5"), Decimal("0.1"), 0.025),
    "ETH": Asset("L1", 2, Decimal("3120.45"), Decimal("0.01"), 0.032),
    "XRP": Asset("Payments", 4, Decimal("2.4512"), Decimal("0.0001"), 0.042),
    "BNB": Asset("Exchange", 5, Decimal("642.3"), Decimal("0.1"), 0.028),
    "SOL": Asset("L1", 6, Decimal("185.32"), Decimal("0.01"), 0.045),
    "DOGE": Asset("Meme", 8, Decimal("0.24561"), Decimal("0.00001"), 0.05),
    "ADA": Asset("L1", 9, Decimal("0.7821"), Decimal("0.0001"), 0.045),
    "LINK": Asset("DeFi", 12, Decimal("19.874"), Decimal("0.001"), 0.045),
    "AVAX": Asset("L1", 14, Decimal("36.42"), Decimal("0.01"), 0.05),
    "HYPE": Asset("DeFi", 15, Decimal("24.512"), Decimal("0.001"), 0.06),
    "UNI": Asset("DeFi", 20, Decimal("9.853"), Decimal("0.001"), 0.048),
    "PEPE": Asset("Meme", 25, Decimal("0.00001834"), Decimal("0.00000001"), 0.07),
    "NEAR": Asset("AI", 28, Decimal("5.124"), Decimal("0.001"), 0.05),
    "AAVE": Asset("DeFi", 30, Decimal("265.41"), Decimal("0.01"), 0.045),
    "FET": Asset("AI", 35, Decimal("1.4253"), Decimal("0.0001"), 0.055),
    "ARB": Asset("L2", 45, Decimal("0.8123"), Decimal("0.0001"), 0.05),
    "OP": Asset("L2", 50, Decimal("1.8421"), Decimal("0.0001"), 0.05),
}
# rank**1.1 for each rank above, written out (a float ``**`` is the C library's pow): an asset's daily volume
# is 2.5e9 USD / this on Binance spot, times the venue's share. tests/mock/test_market_data.py checks the table.
RANK_VOLUME_DIVISOR: dict[int, float] = {
    1: 1.0,
    2: 2.1435469250725863,
    4: 4.59479341998814,
    5: 5.873094715440096,
    6: 7.177387193107894,
    8: 9.849155306759332,
    9: 11.211578456539659,
    12: 15.385066247841788,
    14: 18.22807636044455,
    15: 19.665291345596252,
    20: 26.985656953471274,
    25: 34.493241536530384,
    28: 39.07273703241922,
    30: 42.15347479450939,
    35: 49.9430255960178,
    45: 65.84666218484509,
    50: 73.93788183141571,
}
PREDICTION_VOLATILITY = 0.12  # daily, in log-odds: news moves a market's probability by a few points a day
PREDICTION_DAILY_USD = 300_000.0

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
    volume_share: float = 1.0  # daily volume relative to Binance spot
    premium: float = 0.0  # mean premium over the asset's price, in log price
    basis: float = 0.0  # how far the premium drifts around its mean
    # Other quotes that name the same markets: `BASE/OTHER` and `BASE/OTHER:OTHER` find `BASE/QUOTE[:QUOTE]`.
    also_quoted: tuple[str, ...] = ()


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
    "binancefuturesusd": Venue(
        "perpetual", "USDT", True, ("BTC", "ETH", "XRP", "BNB", "SOL", "DOGE", "LINK", "AVAX"), 2.5, 0.0, 0.0008
    ),
    "upbit": Venue("spot", "KRW", False, ("BTC", "ETH", "XRP", "SOL", "DOGE", "ADA"), 0.25, 0.012, 0.01),
    # Hyperliquid settles in USDC, and the older document writes its symbols in the "standard format like
    # BTC/USDT" (Exchange-Specific Notes): both name its one perpetual per asset, listed as BASE/USDC:USDC.
    "hyperliquid": Venue(
        "perpetual", "USDC", True, ("BTC", "ETH", "SOL", "HYPE", "DOGE"), 0.5, 0.0, 0.001, also_quoted=("USDT",)
    ),
    # The documents write Lighter symbols as BTC/USDT (orders, open orders, cancels); the mock follows them.
    "lighter": Venue("perpetual", "USDT", True, ("BTC", "ETH", "SOL"), 0.15, 0.0, 0.001),
    "gate": Venue("spot", "USDT", False, ("BTC", "ETH", "SOL", "DOGE", "PEPE"), 0.12, 0.0, 0.0005),
    "gatefutures": Venue("perpetual", "USDT", True, ("BTC", "ETH", "SOL"), 0.3, 0.0, 0.001),
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
    reference: Decimal  # the price at the clock's start, in the quote currency
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


@dataclass(frozen=True)
class Ohlcv:
    """Candles as columns of floats (each equal to ``float`` of the candle's decimal string), for expressions."""

    timestamps: list[int]  # open time, epoch seconds
    open: list[float]
    high: list[float]
    low: list[float]
    close: list[float]
    volume: list[float]

    def columns(self) -> dict[str, list[float]]:
        """The DSL's data variables: ``open high low close volume``."""
        return {"open": self.open, "high": self.high, "low": self.low, "close": self.close, "volume": self.volume}


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


# ---- deterministic randomness and arithmetic ------------------------------------------------

_WORDS = struct.Struct(">32H")
_UNIT = 1 / 65536  # a 16-bit word times _UNIT is uniform in [0, 1), exactly (a power of two)


def _draw(prefix: bytes, tag: bytes, index: int) -> tuple[int, ...]:
    """32 uniform 16-bit words for (prefix, tag, index)."""
    key = prefix + tag + index.to_bytes(8, "big", signed=True)
    return _WORDS.unpack(hashlib.blake2b(key, digest_size=64).digest())


def _gauss(words: tuple[int, ...]) -> float:
    """A bell-shaped number with mean 0 and variance 1 from three words (Irwin-Hall), fatter-tailed 1 time in 50."""
    value = ((words[0] + words[1] + words[2]) * _UNIT - 1.5) * 2
    return value * 2.5 if words[3] < 1311 else value


def _exp(x: float) -> float:
    """e**x from ``+ - * /`` alone: ``math.exp`` may differ in the last bit between C libraries, a price must not."""
    halvings = 0
    while x > 0.5 or x < -0.5:
        x /= 2  # exact in binary
        halvings += 1
    term = total = 1.0
    for n in range(1, 14):
        term = term * x / n
        total += term
    for _ in range(halvings):
        total *= total
    return total


def _soft_bound(x: float, bound: float) -> float:
    """``x`` squeezed into (-bound, bound), nearly unchanged while small."""
    return x / math.sqrt(1 + (x / bound) * (x / bound))


def _digits(ticks: int, exponent: int) -> str:
    """``ticks * 10**exponent`` as a plain decimal string without trailing zeros (as ``clock.money`` writes it)."""
    if exponent >= 0:
        return str(ticks * 10**exponent)
    text = str(ticks).rjust(1 - exponent, "0")
    whole, fraction = text[:exponent], text[exponent:].rstrip("0")
    return f"{whole}.{fraction}" if fraction else whole


def _volume_text(volume: float) -> str:
    return _digits(max(1, round(volume * 1000)), -3)


# ---- the price path ---------------------------------------------------------------------------

# A node is one candle: (open, high, low, close) in ticks and the volume in the base asset.
Node = tuple[int, int, int, int, float]
OPEN: Final = 0
HIGH: Final = 1
LOW: Final = 2
CLOSE: Final = 3
VOLUME: Final = 4

# Intraday splits: each level's span in seconds, from a day down to the one-minute leaves.
LEVEL_SPANS = (DAY, 4 * 3600, 3600, 1800, 900, 300, 60)
_LEVEL_TAGS = tuple(bytes([ord("0") + level]) for level in range(len(LEVEL_SPANS)))
# Volume weights of the six 4-hour blocks of a UTC day: quiet in the Asian night, busy while Europe and the US overlap.
_SESSION = (0.85, 0.75, 1.0, 1.2, 1.25, 0.95)
_SEGMENT_DAYS = 1 << 13  # the walk is pinned every 8,192 days (~22 years)
_LONGEST_SWING_DAYS = 128  # spans longer than this vary no more than this one: prices stay plausible for years
# Entries all the caches of one MarketData may hold together; past it they are all dropped at once (a cache
# only saves time). An entry is at most ~930 bytes (a split: up to six child candles), so ~100 MB at worst;
# a year of one market's minute candles needs ~170,000 splits, 5,000 hourly candles ~1,500.
CACHE_ENTRIES = 100_000


class _CacheBudget:
    """One bound on the entries of every cache of a MarketData's walks and paths.

    Each insertion is charged first; when the charges pass ``limit``, every cache is cleared and the
    count starts again, so the entries held never exceed ``limit``. Clearing all at once (rather than an
    LRU) keeps a cache hit a plain ``dict.get``; a sweep larger than the budget recomputes what it
    evicted, at most once per ``limit`` insertions.
    """

    def __init__(self, limit: int) -> None:
        if limit < 1:
            raise ValueError("the cache budget needs at least one entry")
        self.limit = limit
        self.charged = 0  # insertions since the last clear: never fewer than the entries held
        self._caches: list[dict[Any, Any]] = []

    def cache(self) -> dict[Any, Any]:
        """A new cache under this budget."""
        created: dict[Any, Any] = {}
        self._caches.append(created)
        return created

    def charge(self) -> None:
        """Call before inserting one entry into a cache of this budget."""
        self.charged += 1
        if self.charged > self.limit:
            self.clear()
            self.charged = 1

    def clear(self) -> None:
        for cache in self._caches:
            cache.clear()
        self.charged = 0

    @property
    def entries(self) -> int:
        return sum(len(cache) for cache in self._caches)


def _combine(parts: list[Node]) -> Node:
    if len(parts) == 1:
        return parts[0]
    return (
        parts[0][OPEN],
        max(part[HIGH] for part in parts),
        min(part[LOW] for part in parts),
        parts[-1][CLOSE],
        sum(part[VOLUME] for part in parts),
    )


class _Walk:
    """An asset's daily deviation from its reference, in log price (log-odds for a prediction market)."""

    def __init__(self, seed: int, asset: str, volatility: float, budget: _CacheBudget) -> None:
        self.prefix = f"{seed}|walk|{asset}|".encode()
        self.volatility = volatility
        self.bound = min(2.3, 45 * volatility)
        self._budget = budget
        self._points: dict[int, float] = budget.cache()
        self._lattice: dict[tuple[bytes, int], float] = budget.cache()
        self._anchor = self._raw(START_DAY)

    def regime(self, day: int) -> float:
        """The volatility multiplier of ``day``: 0.5 (calm) to 2 (stormy), mostly calm."""
        level = (self.smooth(b"r", day, 40) + 1) / 2
        return 0.5 + 1.5 * level * level

    def level(self, day: int) -> float:
        """The deviation at ``day``'s close: 0 on the clock's start day, softly bounded."""
        return _soft_bound(self._raw(day) - self._anchor, self.bound)

    def smooth(self, tag: bytes, x: int, period: int) -> float:
        """Value noise in [-1, 1]: random lattice values every ``period`` steps, eased in between."""
        cell, offset = divmod(x, period)
        left, right = self._lattice_value(tag, cell), self._lattice_value(tag, cell + 1)
        t = offset / period
        return left + (right - left) * (t * t * (3 - 2 * t))

    def _lattice_value(self, tag: bytes, cell: int) -> float:
        key = (tag, cell)
        value = self._lattice.get(key)
        if value is None:
            self._budget.charge()
            value = self._lattice[key] = _draw(self.prefix, tag, cell)[0] * _UNIT * 2 - 1
        return value

    def _raw(self, day: int) -> float:
        # A trend of bull and bear phases (~3 months) on top of the random walk.
        return self._bridge(day) + 6 * self.volatility * self.smooth(b"t", day, 90)

    def _bridge(self, day: int) -> float:
        """The random walk at ``day`` by midpoint displacement between the pins around it."""
        known = self._points.get(day)
        if known is not None:
            return known
        left = day // _SEGMENT_DAYS * _SEGMENT_DAYS
        right = left + _SEGMENT_DAYS
        left_value, right_value = self._pin(left), self._pin(right)
        while day != left:
            middle = (left + right) // 2
            value = self._points.get(middle)
            if value is None:
                span = min(right - left, _LONGEST_SWING_DAYS)
                spread = self.volatility * self.regime(middle) * math.sqrt(span) / 2
                value = (left_value + right_value) / 2 + spread * _gauss(_draw(self.prefix, b"w", middle))
                self._budget.charge()
                self._points[middle] = value
            if day == middle:
                return value
            if day < middle:
                right, right_value = middle, value
            else:
                left, left_value = middle, value
        return left_value

    def _pin(self, day: int) -> float:
        value = self._points.get(day)
        if value is None:
            spread = self.volatility * math.sqrt(_LONGEST_SWING_DAYS) / 2
            self._budget.charge()
            value = self._points[day] = spread * _gauss(_draw(self.prefix, b"p", day))
        return value


class _Path:
    """One market's candles: daily candles from its asset's walk, split down to minutes."""

    def __init__(self, seed: int, market: Market, walk: _Walk, budget: _CacheBudget) -> None:
        self.market = market
        self.walk = walk
        self.prefix = f"{seed}|{market.exchange}|{market.symbol}|".encode()
        self.prediction = market.market_type == "prediction"
        tick = market.tick.normalize()
        _, digits, exponent = tick.as_tuple()
        assert digits == (1,) and isinstance(exponent, int), "ticks are powers of ten"
        self.exponent = exponent
        self.tick_value = float(tick)
        # ticks / divisor (or ticks * multiplier) is the nearest float to the decimal price, as float(str) gives.
        self.divisor = 10**-exponent if exponent < 0 else 1
        self.multiplier = 10**exponent if exponent > 0 else 1
        self.reference_ticks = float(market.reference / tick)
        if self.prediction:
            self.floor, self.cap = round(Decimal("0.01") / tick), round(Decimal("0.99") / tick)
            self.full = float(1 / tick)  # ticks in a probability of 1
            self.odds = float((1 - market.reference) / market.reference)
            self.notional = PREDICTION_DAILY_USD
            self.venue = Venue("prediction", "USDC", False, ())
        else:
            self.floor, self.cap = 1, 10**30
            self.full = 0.0
            self.odds = 0.0
            asset = ASSETS[market.base]
            self.venue = VENUES[market.exchange]
            fx = float(KRW_PER_USD) if market.quote == "KRW" else 1.0
            self.notional = 2.5e9 / RANK_VOLUME_DIVISOR[asset.rank] * self.venue.volume_share * fx
        self._budget = budget
        self._closes: dict[int, int] = budget.cache()
        self._days: dict[int, Node] = budget.cache()
        self._splits: dict[tuple[int, int], tuple[Node, ...]] = budget.cache()
        self._pin_to_reference()

    def _pin_to_reference(self) -> None:
        """Scale the path so that the price at the clock's start is within 0.3 % of the reference (the
        spec's examples, which the documents' order examples rely on); the seed picks where."""
        drawn = self.minute_close(START_SECOND)
        offset = (_draw(self.walk.prefix, b"s", 0)[0] * _UNIT - 0.5) * 0.006
        if self.prediction:
            drawn_odds = (self.full - drawn) / drawn
            self.odds *= self.odds / drawn_odds * (1 - 10 * offset)  # a probability: within ±0.01 or so
        else:
            self.reference_ticks *= self.reference_ticks * _exp(self.premium(START_DAY)) * (1 + offset) / drawn
        self._closes.clear()
        self._days.clear()
        self._splits.clear()

    # -- days ------------------------------------------------------------------------------

    def premium(self, day: int) -> float:
        if self.venue.basis == 0:
            return self.venue.premium
        return self.venue.premium + self.venue.basis * self.walk.smooth(self.prefix + b"b", day, 20)

    def close(self, day: int) -> int:
        """The daily close of ``day``, in ticks."""
        known = self._closes.get(day)
        if known is not None:
            return known
        level = self.walk.level(day)
        if self.prediction:
            ticks = self.full / (1 + self.odds * _exp(-level))
        else:
            ticks = self.reference_ticks * _exp(level + self.premium(day))
        self._budget.charge()
        close = self._closes[day] = min(self.cap, max(self.floor, round(ticks)))
        return close

    def slope(self, ticks: float) -> float:
        """Ticks per unit of the walk at a price: the price itself in log price, p(1-p) in log-odds."""
        return ticks * (1 - ticks / self.full) if self.prediction else ticks

    def day(self, day: int) -> Node:
        known = self._days.get(day)
        if known is not None:
            return known
        open_, close = self.close(day - 1), self.close(day)
        words = _draw(self.walk.prefix, b"d", day)  # shared by the asset's venues: they move together
        regime = self.walk.regime(day)
        scale = self.slope((open_ + close) / 2) * self.walk.volatility * regime  # one standard move, in ticks
        top, bottom = max(open_, close), min(open_, close)
        up, down = words[0] * _UNIT, words[1] * _UNIT
        high = min(self.cap, top + round(scale * (0.1 + 0.6 * up * up)))
        low = max(self.floor, bottom - round(scale * (0.1 + 0.6 * down * down)))
        move = (top - bottom) / scale if scale > 0 else 0.0
        base_volume = self.notional / (close * self.tick_value)
        volume = base_volume * (0.55 + 0.9 * words[2] * _UNIT) * (0.7 + 0.3 * regime) * (1 + 0.35 * min(move, 4.0))
        self._budget.charge()
        node = self._days[day] = (open_, high, low, close, volume)
        return node

    # -- intraday --------------------------------------------------------------------------

    def split(self, level: int, index: int, node: Node) -> tuple[Node, ...]:
        """The children of the level-``level`` candle number ``index`` (its open second / its span)."""
        key = (level, index)
        known = self._splits.get(key)
        if known is not None:
            return known
        open_, high, low, close, volume = node
        count = LEVEL_SPANS[level] // LEVEL_SPANS[level + 1]
        words = _draw(self.walk.prefix, _LEVEL_TAGS[level], index)
        top, bottom = max(open_, close), min(open_, close)
        # Which child reaches the parent's high and low: the first or last one when there is no wick there.
        high_at = 0 if high == open_ else count - 1 if high == close else words[0] * count >> 16
        if low == open_:
            low_at = 0
        elif low == close:
            low_at = count - 1
        else:
            low_at = (high_at + 1 + (words[1] * (count - 1) >> 16)) % count
        # The closes follow a bridge from the open through points near the high and the low to the close.
        anchors: list[tuple[float, float]] = [(0.0, float(open_)), (float(count), float(close))]
        if high > top:
            anchors.append((high_at + 0.5, high - (high - top) * (0.15 + 0.5 * words[2] * _UNIT)))
        if low < bottom:
            anchors.append((low_at + 0.5, low + (bottom - low) * (0.15 + 0.5 * words[3] * _UNIT)))
        anchors.sort()
        spread = (high - low) * 0.2
        closes: list[int] = []
        segment = 0
        for position in range(1, count):
            while anchors[segment + 1][0] < position:
                segment += 1
            (x0, y0), (x1, y1) = anchors[segment], anchors[segment + 1]
            value = y0 + (y1 - y0) * (position - x0) / (x1 - x0) + (words[4 + 4 * position] * _UNIT - 0.5) * spread
            closes.append(min(high, max(low, round(value))))
        closes.append(close)
        rows: list[tuple[int, int, int, int, float]] = []
        previous = open_
        total = 0.0
        for child, child_close in enumerate(closes):
            upper, lower = max(previous, child_close), min(previous, child_close)
            wick_up, wick_down, noise = (words[5 + 4 * child + k] * _UNIT for k in range(3))
            child_high = high if child == high_at else upper + int((high - upper) * 0.4 * wick_up * wick_up)
            child_low = low if child == low_at else lower - int((lower - low) * 0.4 * wick_down * wick_down)
            weight = (0.6 + 0.8 * noise) * (1 + 3 * (child_high - child_low) / (high - low + 1))
            if level == 0:
                weight *= _SESSION[child]
            rows.append((previous, child_high, child_low, child_close, weight))
            total += weight
            previous = child_close
        children = tuple((o, h, lo, c, volume * weight / total) for o, h, lo, c, weight in rows)
        self._budget.charge()
        self._splits[key] = children
        return children

    def span(self, first: int, end: int) -> Node:
        """The candle of the whole minutes in [first, end) (both multiples of 60)."""
        parts: list[Node] = []
        for day in range(first // DAY, (end - 1) // DAY + 1):
            opened = day * DAY
            node = self.day(day)
            if first <= opened and opened + DAY <= end:
                parts.append(node)
            else:
                self._collect(0, day, node, opened, max(first, opened), min(end, opened + DAY), parts)
        return _combine(parts)

    def _collect(
        self, level: int, index: int, node: Node, opened: int, first: int, end: int, parts: list[Node]
    ) -> None:
        """Append the candles below ``node`` that tile [first, end), as few and as large as possible."""
        children = self.split(level, index, node)
        width = LEVEL_SPANS[level + 1]
        for number in range((first - opened) // width, (end - 1 - opened) // width + 1):
            child_opened = opened + number * width
            child = children[number]
            if first <= child_opened and child_opened + width <= end:
                parts.append(child)
            else:
                inner_first, inner_end = max(first, child_opened), min(end, child_opened + width)
                self._collect(level + 1, child_opened // width, child, child_opened, inner_first, inner_end, parts)

    def minute_close(self, second: int) -> int:
        """The close of the one-minute candle holding ``second``, in ticks."""
        day = second // DAY
        node = self.day(day)
        opened = day * DAY
        for level in range(len(LEVEL_SPANS) - 1):
            width = LEVEL_SPANS[level + 1]
            number = (second - opened) // width
            node = self.split(level, opened // LEVEL_SPANS[level], node)[number]
            opened += number * width
        return node[CLOSE]

    # -- wire formats ----------------------------------------------------------------------

    def decimal(self, ticks: int) -> Decimal:
        return Decimal(ticks) * self.market.tick

    def text(self, ticks: int) -> str:
        return _digits(ticks, self.exponent)

    def number(self, ticks: int) -> float:
        return float(ticks * self.multiplier) if self.exponent > 0 else ticks / self.divisor


class MarketData:
    """The seeded market: symbol lists and a price for every market at every second."""

    def __init__(self, seed: int, *, cache_entries: int = CACHE_ENTRIES) -> None:
        self.seed = seed
        self._markets = _build_markets()
        self._walks: dict[str, _Walk] = {}
        self._paths: dict[tuple[str, str], _Path] = {}
        self._cache = _CacheBudget(cache_entries)  # shared by every walk and path: one bound on the memory

    @property
    def cached_entries(self) -> int:
        """Entries held by all the caches together (never more than ``cache_entries``)."""
        return self._cache.entries

    def exchanges(self) -> list[str]:
        return list(self._markets)

    def markets(self, exchange: str) -> list[Market]:
        return list(self._markets.get(exchange, ()))

    def quote_currencies(self, exchange: str) -> list[str]:
        return sorted({market.quote for market in self.markets(exchange)})

    def find(self, exchange: str, symbol: str) -> Market | None:
        """The market named ``symbol``; ``BASE/QUOTE`` also finds the perpetual ``BASE/QUOTE:QUOTE``, and on a
        venue with ``also_quoted`` currencies, ``BASE/OTHER`` (or ``BASE/OTHER:OTHER``) finds it too."""
        venue = VENUES.get(exchange)
        base, _, quote = symbol.partition("/")
        other, _, settle = quote.partition(":")
        if venue is not None and other in venue.also_quoted and settle in ("", other):
            symbol = f"{base}/{venue.quote}"
        for market in self._markets.get(exchange, ()):
            if symbol == market.symbol or (
                market.market_type == "perpetual" and f"{symbol}:{market.quote}" == market.symbol
            ):
                return market
        return None

    def top(self, exchange: str, count: int) -> list[Market]:
        """The preset universe ``top<count>``: the best-ranked markets (every Polymarket token)."""
        return self.markets(exchange)[:count]

    def _path(self, market: Market) -> _Path:
        key = (market.exchange, market.symbol)
        path = self._paths.get(key)
        if path is None:
            prediction = market.market_type == "prediction"
            asset = market.symbol if prediction else market.base
            walk = self._walks.get(asset)
            if walk is None:
                volatility = PREDICTION_VOLATILITY if prediction else ASSETS[asset].volatility
                walk = self._walks[asset] = _Walk(self.seed, asset, volatility, self._cache)
            path = self._paths[key] = _Path(self.seed, market, walk, self._cache)
        return path

    # ---- prices ---------------------------------------------------------------------------

    def price(self, market: Market, second: int) -> Decimal:
        """The last price at ``second``: the close of the one-minute candle holding it."""
        path = self._path(market)
        return path.decimal(path.minute_close(second))

    def bid_ask(self, market: Market, second: int) -> tuple[Decimal, Decimal]:
        last = self.price(market, second)
        return max(last - market.tick, market.tick), last + market.tick

    def ticker(self, market: Market, now: datetime) -> dict[str, object]:
        """The ticker at ``now``: ``last`` is the close of every timeframe's open candle, 24 h = 1,440 minutes."""
        path = self._path(market)
        minute = epoch(now) // 60 * 60
        window = path.span(minute + 60 - DAY, minute + 60)
        last, day_ago = window[CLOSE], window[OPEN]  # the open of the window is the close 24 h ago
        bid, ask = self.bid_ask(market, epoch(now))
        change = (Decimal(last - day_ago) * 100 / Decimal(day_ago)).quantize(Decimal("0.01"))
        return {
            "symbol": market.symbol,
            "exchange": market.exchange,
            "last": path.text(last),
            "bid": money(bid),
            "ask": money(ask),
            "high_24h": path.text(window[HIGH]),
            "low_24h": path.text(window[LOW]),
            "volume_24h": _volume_text(window[VOLUME]),
            "change_24h_pct": float(change),
            "timestamp": iso(now),
        }

    def funding(self, market: Market, now: datetime) -> dict[str, object]:
        """The hourly funding rate of a Hyperliquid or Lighter perpetual at ``now``.

        Longs pay (a positive rate) when the perpetual trades above the asset: the venue's basis and the
        last day's trend push the rate from its usual 0.00125 % an hour, capped at ±0.05 %.
        """
        if market.exchange not in FUNDING_EXCHANGES or market.market_type != "perpetual":
            raise ValueError(f"no funding rates for {market.exchange} {market.symbol}")
        path = self._path(market)
        second = epoch(now)
        hour = second // 3600
        last, day_ago = path.minute_close(second), path.minute_close(second - DAY)
        trend = (last - day_ago) / day_ago
        noise = _draw(path.prefix, b"f", hour)[0] * _UNIT * 2 - 1
        basis = path.premium(second // DAY) - path.venue.premium
        rate = 0.0000125 + 0.0002 * trend + 0.02 * basis + 0.00001 * noise
        return {
            "symbol": market.symbol,
            "funding_rate": round(min(0.0005, max(-0.0005, rate)), 9),
            "interval_hours": 1,
            "next_funding_time": iso(datetime.fromtimestamp((hour + 1) * 3600, UTC)),
            "mark_price": path.text(last),
        }

    # ---- candles --------------------------------------------------------------------------

    def candle_opens(
        self, timeframe: str, end: datetime, limit: int, start: datetime | None = None
    ) -> list[tuple[datetime, datetime]]:
        """(open, next open) of the ``limit`` most recent candles opening in [start, end], oldest first."""
        first = HISTORY_START_SECOND if start is None else max(epoch(start), HISTORY_START_SECOND)
        return [
            (datetime.fromtimestamp(opened, UTC), datetime.fromtimestamp(closes, UTC))
            for opened, closes in _spans(timeframe, epoch(end), limit, first)
        ]

    def candle(self, market: Market, opened: datetime, closes: datetime, now: datetime) -> dict[str, str]:
        """The candle from ``opened`` to ``closes``; when it is still open at ``now``, as it stands then."""
        path = self._path(market)
        first = epoch(opened)
        return self._format(path, first, path.span(first, min(epoch(closes), _minute_end(now))))

    def _rows(
        self,
        market: Market,
        timeframe: str,
        now: datetime,
        limit: int,
        start: datetime | None,
        end: datetime | None,
    ) -> tuple[_Path, list[tuple[int, Node]]]:
        path = self._path(market)
        last = min(epoch(end), epoch(now)) if end is not None else epoch(now)
        first = HISTORY_START_SECOND if start is None else max(epoch(start), HISTORY_START_SECOND)
        cut = _minute_end(now)  # nothing exists after the minute holding `now`
        spans = _spans(timeframe, last, limit, first)
        return path, [(opened, path.span(opened, min(closes, cut))) for opened, closes in spans]

    def candles(
        self,
        market: Market,
        timeframe: str,
        now: datetime,
        limit: int,
        start: datetime | None = None,
        end: datetime | None = None,
    ) -> list[dict[str, str]]:
        """The ``limit`` most recent candles opening in [start, min(end, now)], oldest first, as the wire has them.

        Nothing opens before ``HISTORY_START``; the last candle may still be open at ``now``.
        """
        path, rows = self._rows(market, timeframe, now, limit, start, end)
        return [self._format(path, opened, node) for opened, node in rows]

    def ohlcv(
        self,
        market: Market,
        timeframe: str,
        now: datetime,
        limit: int,
        start: datetime | None = None,
        end: datetime | None = None,
    ) -> Ohlcv:
        """The same candles as ``candles(...)``, as float columns (each value is ``float`` of its decimal string)."""
        path, rows = self._rows(market, timeframe, now, limit, start, end)
        number = path.number
        return Ohlcv(
            [opened for opened, _ in rows],
            [number(node[OPEN]) for _, node in rows],
            [number(node[HIGH]) for _, node in rows],
            [number(node[LOW]) for _, node in rows],
            [number(node[CLOSE]) for _, node in rows],
            [max(1, round(node[VOLUME] * 1000)) / 1000 for _, node in rows],
        )

    @staticmethod
    def _format(path: _Path, opened: int, node: Node) -> dict[str, str]:
        text = path.text
        return {
            "timestamp": iso(datetime.fromtimestamp(opened, UTC)),
            "open": text(node[OPEN]),
            "high": text(node[HIGH]),
            "low": text(node[LOW]),
            "close": text(node[CLOSE]),
            "volume": _volume_text(node[VOLUME]),
        }


def _minute_end(now: datetime) -> int:
    return epoch(now) // 60 * 60 + 60


def _spans(timeframe: str, last: int, limit: int, first: int) -> list[tuple[int, int]]:
    """(open, next open) in epoch seconds of the ``limit`` latest candles opening in [first, last], oldest first."""
    spans: list[tuple[int, int]] = []
    for opened, closes in _spans_backwards(timeframe, last):
        if len(spans) >= limit or opened < first:
            break
        spans.append((opened, closes))
    return spans[::-1]


def _spans_backwards(timeframe: str, last: int) -> Iterable[tuple[int, int]]:
    """Candle spans whose open is at or before ``last``, newest first."""
    if timeframe == "1M":
        moment = datetime.fromtimestamp(last, UTC)
        year, month = moment.year, moment.month
        while True:
            opened = calendar.timegm((year, month, 1, 0, 0, 0))
            yield opened, opened + calendar.monthrange(year, month)[1] * DAY
            year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    step = TIMEFRAME_SECONDS[timeframe]
    offset = _MONDAY if timeframe == "1w" else 0
    opened_at = (last - offset) // step * step + offset
    while True:
        yield opened_at, opened_at + step
        opened_at -= step
