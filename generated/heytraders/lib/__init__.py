# Generated from spec/heytraders.yaml by `make generate`. Do not edit: change the spec or the generator.
"""Hand-written helpers (from overlays/heytraders/lib), reachable from the client groups."""
