# Generated from spec/heytraders.yaml by `make generate`. Do not edit: change the spec or the generator.
"""One resource class per API group; reach them through the client (``client.orders``)."""
