"""The ``heytraders`` command line: a command per API operation, built from the spec, and the workflows.

Start-up reads only the operation manifest that ``make generate`` writes beside the SDK
(``heytraders/_cli_manifest.json``); the SDK itself (httpx, pydantic) is imported inside command
bodies, so ``--help``, ``--version`` and shell completion stay fast.
"""
