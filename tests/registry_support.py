"""A fresh record-type registry for a test, the one before it put back after.

Tests that register generated types (and plugins whose load fails, which a registry
keeps as its failure) must not leave them to the tests after: the registry is the
process's, and a type left in it changed what later tests were asked for.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from extractor.types import registry


@contextlib.contextmanager
def own_registry() -> Iterator[None]:
    """A new, empty registry (the built-in types load into it on first use) until the
    block ends; the earlier one comes back as it was, not reloaded."""
    before = registry._REGISTRY
    registry._REGISTRY = registry._Registry()
    try:
        yield
    finally:
        registry._REGISTRY = before
