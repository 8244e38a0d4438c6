"""heytraders_mock: a stateful sandbox of the HeyTraders API, served from spec/heytraders.yaml.

    from heytraders_mock import create_app, MockConfig
    app = create_app(MockConfig(seed=0))          # any ASGI server, or httpx.ASGITransport(app)

or from the command line: ``heytraders-mock --port 8080``. Routes, parameters, request validation
(with the SDK's own validator), scopes and error codes come from the spec at start-up; the state
(agents, accounts, orders, backtests, subscriptions, the arena) lives in memory, per app, and moves
on a mock clock that tests advance with ``POST /_mock/clock/advance``.

Modules: ``spec`` (the spec as served), ``routing``, ``auth``, ``validation``, ``context`` (sandbox,
request context, handler registry), ``handlers/`` (one module per tag), ``control`` (``/_mock``
routes), ``store`` (resources), ``trading`` (paper fills), ``simulation`` (backtests), ``script``
(backtest scripts), ``signals`` (live strategies), ``webhooks`` (signed delivery over HTTP),
``market`` (synthetic market data), ``dsl`` (expressions), ``docs``, ``seed``, ``limits``,
``clock``, ``errors``, ``config``, ``cli`` (``_entry`` guards it), ``_spec_loader`` (shared with the
generator).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .config import MockConfig

if TYPE_CHECKING:
    from .app import create_app

__all__ = ["MockConfig", "create_app"]


def __getattr__(name: str) -> Any:
    # The server (Starlette, PyYAML) loads on first use, so the `heytraders-mock` command can say which
    # extra to install when they are missing instead of failing on `import heytraders_mock`.
    if name == "create_app":
        from .app import create_app

        return create_app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
