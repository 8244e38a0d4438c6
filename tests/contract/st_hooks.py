"""Schemathesis hooks for ``st run`` subprocesses: ``SCHEMATHESIS_HOOKS=tests.contract.st_hooks``.

The same gate the in-process tests install on their schema (see ``case_gate``), registered globally
because the CLI loads hooks by module. The key's agent and accounts come from ``HEYTRADERS_CONTRACT_KEY``
(absent against the live API, where the gate still applies every rule whose fields the request names).
"""

from __future__ import annotations

from typing import Any

import schemathesis
from schemathesis import Case, HookContext, Response
from schemathesis.core.failures import Failure

from .case_gate import CaseGate

GATE = CaseGate.from_env()


# Plain functions: schemathesis marks each registered hook with an attribute, which a bound method refuses.
@schemathesis.hook
def filter_case(context: HookContext, case: Case[Any]) -> bool:
    return GATE.filter_case(context, case)


@schemathesis.hook
def before_add_examples(context: HookContext, examples: list[Case[Any]]) -> None:
    GATE.before_add_examples(context, examples)


@schemathesis.hook
def filter_failure(context: HookContext, failure: Failure, case: Case[Any], response: Response) -> bool:
    return GATE.filter_failure(context, failure, case, response)


@schemathesis.hook
def before_call(context: HookContext, case: Case[Any], kwargs: dict[str, Any]) -> None:
    GATE.before_call(context, case, kwargs)


@schemathesis.hook
def after_call(context: HookContext, case: Case[Any], response: Response) -> None:
    GATE.after_call(context, case, response)
