"""The Typer application that every ``extractor`` subcommand registers on.

Kept apart from ``__init__`` so that subcommand modules can import ``app``
without importing each other.
"""

from __future__ import annotations

import typer

app = typer.Typer(
    name="extractor",
    help="Turn news articles into validated, source-grounded event records.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
