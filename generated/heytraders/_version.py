# Generated from spec/heytraders.yaml by `make generate`. Do not edit: change the spec or the generator.
__version__ = "0.1.0"
#: The version of the API document the client was generated from.
API_VERSION = "1.0.0"
