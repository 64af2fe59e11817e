"""Command-line interface. Sits on top of the library; nothing imports it."""

from __future__ import annotations

from extractor.cli import (  # noqa: F401
    batch_cmd,
    bulk_cmd,
    eval_cmd,
    extract_cmd,
    flatten_cmd,
    model_cmd,
    schema_cmd,
    view_cmd,
)
from extractor.cli._app import app


def main() -> None:
    """Console-script entry point."""
    app()


__all__ = ["app", "main"]
