"""The mock's settings: one frozen dataclass, filled from keyword arguments or the command line."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class MockConfig:
    """How a mock app behaves. Every limit is the production default unless changed.

    Attributes:
        seed: Seeds every random choice (keys, IDs, market data, seeded content), so two apps with
            the same seed answer the same requests with the same bytes.
        rate_limit_per_minute: Requests per key (per client IP without a key) in any 60 seconds.
        backtests_per_hour: Backtests a provisional key may start in any hour.
        backtests_per_day: Backtests a provisional key may start in any 24 hours.
        registrations_per_hour: Agent registrations per client IP in any hour.
        base_path: Where the API is served; the control routes live under ``/_mock``.
        realtime_clock: Whether the mock clock also follows wall-clock time. Off (the default, for
            tests) the clock only moves with ``POST /_mock/clock/advance``; the command line turns it
            on, so that backtests complete and signals arrive while a person watches.
        sync_interval: Seconds between two syncs of the time-driven state (signals, their webhook
            deliveries, resting orders) while the clock is real-time, so that they happen when nobody
            calls the API. Not used with the manual clock: requests and ``POST /_mock/clock/advance`` sync.
        webhook_retry_delays: Seconds to wait before each retry of a failed webhook delivery; one
            attempt plus one per delay, then the delivery is ``failed``. Tests pass tiny delays.
        webhook_timeout: Seconds a webhook receiver has to answer one attempt.
        faults: Fault injection (``faults``): the ``X-Mock-Fault`` header and ``/_mock/faults``. Off, neither
            exists and no request pays for it.
        max_body_bytes: The largest request body read; a larger one is a 413 (``guards``).
        max_query_bytes: The longest query string read, percent-encoded; a longer one is a 414 (``guards``).
        orders_per_account: Orders kept per account; past it, placing one forgets the account's oldest finished
            (filled, cancelled, rejected) order (``store.Store.add_order``).
        open_orders_per_account: Working orders an account may have at once; past it, a new order is ``rejected``.
        backtests_per_key: Backtests kept per key; past it, starting one forgets the key's oldest finished job
            and its result, or is a 429 ``QUOTA_EXCEEDED`` while all of them are queued or running.
    """

    seed: int = 0
    rate_limit_per_minute: int = 300
    backtests_per_hour: int = 10
    backtests_per_day: int = 30
    registrations_per_hour: int = 5
    base_path: str = "/api/v1"
    realtime_clock: bool = False
    sync_interval: float = 1.0
    webhook_retry_delays: tuple[float, ...] = (1.0, 2.0, 4.0, 8.0)
    webhook_timeout: float = 5.0
    faults: bool = False
    max_body_bytes: int = 1024 * 1024
    max_query_bytes: int = 8 * 1024
    orders_per_account: int = 10_000
    open_orders_per_account: int = 1_000
    backtests_per_key: int = 100
