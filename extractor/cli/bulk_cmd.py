"""Placeholder, filled in by its owner."""

from __future__ import annotations

from ._app import app  # noqa: F401
