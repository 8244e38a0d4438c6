# Generated from spec/heytraders.yaml by `make generate`. Do not edit: change the spec or the generator.
"""The generated operation methods of each group; ``heytraders.resources`` adds the hand-written helpers."""
