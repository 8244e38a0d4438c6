# Generated from spec/heytraders.yaml by `make generate`. Do not edit: change the spec or the generator.
"""Exchange accounts linked to the claimed agent's user, with balances, positions and open orders."""

from __future__ import annotations

from .._endpoints.accounts import AccountsEndpoints, AsyncAccountsEndpoints

__all__ = ["Accounts", "AsyncAccounts"]


class Accounts(AccountsEndpoints):
    """Exchange accounts linked to the claimed agent's user, with balances, positions and open orders."""


class AsyncAccounts(AsyncAccountsEndpoints):
    """Exchange accounts linked to the claimed agent's user, with balances, positions and open orders."""
