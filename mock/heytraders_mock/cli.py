"""``heytraders-mock``: serve the mock over HTTP with uvicorn.

The command line turns the real-time clock on (a person watching sees backtests finish and signals
arrive, and webhooks are delivered as signals come, with nobody calling the API); ``--frozen-clock``
keeps it still, as in tests, moved only by ``POST /_mock/clock/advance``. Uvicorn's access log shows
method, path and status, never headers, so no API key reaches the log; webhook deliveries are logged
by delivery ID and URL, never with their headers or secret.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

import uvicorn

from .app import create_app
from .config import MockConfig

# What --no-limits sets every limit to: more than any run here makes, still a finite window.
UNLIMITED = 1_000_000_000
# Uvicorn's (h11's) limit on a request line and headers; past it uvicorn answers a plain-text 400 itself. Raised
# from h11's 16 KiB so that query strings past the sandbox's own limit (8 KiB) still get its 414 in the envelope.
MAX_REQUEST_HEAD = 64 * 1024


def _delays(text: str) -> tuple[float, ...]:
    try:
        delays = tuple(float(part) for part in text.split(",") if part.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a comma-separated list of seconds: {text!r}") from None
    if any(delay < 0 for delay in delays):
        raise argparse.ArgumentTypeError("retry delays cannot be negative")
    return delays


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    defaults = MockConfig()
    parser = argparse.ArgumentParser(prog="heytraders-mock", description="Serve the HeyTraders API sandbox.")
    parser.add_argument("--host", default="127.0.0.1", help="interface to bind (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8080, help="port to listen on (default 8080)")
    parser.add_argument("--seed", type=int, default=defaults.seed, help="seed of every random choice (default 0)")
    parser.add_argument(
        "--rate-limit", type=int, default=defaults.rate_limit_per_minute, help="requests per key per minute (300)"
    )
    parser.add_argument(
        "--backtests-per-hour", type=int, default=defaults.backtests_per_hour, help="provisional quota per hour (10)"
    )
    parser.add_argument(
        "--backtests-per-day", type=int, default=defaults.backtests_per_day, help="provisional quota per day (30)"
    )
    parser.add_argument(
        "--registrations-per-hour",
        type=int,
        default=defaults.registrations_per_hour,
        help="registrations per client IP per hour (5)",
    )
    parser.add_argument("--base-path", default=defaults.base_path, help="where the API is served (/api/v1)")
    parser.add_argument("--frozen-clock", action="store_true", help="move the clock only with /_mock/clock/advance")
    parser.add_argument(
        "--webhook-retry-delays",
        type=_delays,
        default=defaults.webhook_retry_delays,
        help="seconds before each retry of a failed webhook delivery, comma-separated (1,2,4,8)",
    )
    parser.add_argument(
        "--webhook-timeout",
        type=float,
        default=defaults.webhook_timeout,
        help="seconds a webhook receiver has to answer (5)",
    )
    parser.add_argument(
        "--faults",
        action="store_true",
        help="allow fault injection: the X-Mock-Fault header and /_mock/faults (see heytraders_mock.faults)",
    )
    parser.add_argument(
        "--no-limits",
        action="store_true",
        help=f"raise the rate limit and the backtest and registration quotas to {UNLIMITED:,} (load and contract runs)",
    )
    return parser.parse_args(argv)


def config_from(args: argparse.Namespace) -> MockConfig:
    raised = UNLIMITED if args.no_limits else None
    return MockConfig(
        seed=args.seed,
        rate_limit_per_minute=raised or args.rate_limit,
        backtests_per_hour=raised or args.backtests_per_hour,
        backtests_per_day=raised or args.backtests_per_day,
        registrations_per_hour=raised or args.registrations_per_hour,
        base_path=args.base_path,
        realtime_clock=not args.frozen_clock,
        webhook_retry_delays=args.webhook_retry_delays,
        webhook_timeout=args.webhook_timeout,
        faults=args.faults,
    )


def main(argv: Sequence[str] | None = None) -> None:
    args = parse_args(argv)
    uvicorn.run(
        create_app(config_from(args)), host=args.host, port=args.port, h11_max_incomplete_event_size=MAX_REQUEST_HEAD
    )


if __name__ == "__main__":
    main()
