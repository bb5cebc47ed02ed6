"""The package version and the output contract's version (docs/schema.md): kept in a
leaf module so that any part of the package can read them without importing the API."""

__version__ = "0.1.0"
SCHEMA_VERSION = "1.4"
