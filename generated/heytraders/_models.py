# Generated from spec/heytraders.yaml by `make generate`. Do not edit: change the spec or the generator.
# (copied from generator/runtime/_models.py)
"""The base of every generated model."""

from __future__ import annotations

import pydantic


class BaseModel(pydantic.BaseModel):
    """Keeps unknown fields (the server may add some) and builds its validator on first use.

    Deferring the build keeps ``import heytraders`` fast: a model costs nothing until it parses something.
    """

    model_config = pydantic.ConfigDict(extra="allow", populate_by_name=True, defer_build=True)
