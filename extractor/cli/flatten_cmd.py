"""``extractor flatten out.jsonl --to DIR``: a bulk output as flat tables.

Writes one CSV per record type plus ``documents.csv`` (and Parquet when
pyarrow is installed); prints the paths written on stdout, one per line, so
scripts can pick them up (as the bytes of the name, even when it is not
UTF-8), and the row counts on stderr. Exit codes: 0 done, 1 some lines could
not be read (the tables hold everything else), 2 bad usage, a missing or
unreadable input, or a folder that cannot be written.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from extractor.cli._app import app
from extractor.cli.common import os_error_message, print_error, safe_text, shown
from extractor.errors import ExtractorError
from extractor.export.flatten import flatten


@app.command("flatten")
def flatten_cmd(
    path: Annotated[
        Path, typer.Argument(help="A JSONL file written by `extractor bulk`.", show_default=False)
    ],
    to: Annotated[
        Path, typer.Option("--to", help="Folder for the tables (created if needed).")
    ] = Path("tables"),
    parquet: Annotated[
        bool | None,
        typer.Option(
            "--parquet/--no-parquet",
            help="Also write Parquet (default: when pyarrow is installed).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Write one CSV table per record type (ACLED-style flat columns) from a bulk output."""
    try:
        summary = flatten(path, to, parquet=parquet)
    except ExtractorError as error:
        print_error(error)
        raise typer.Exit(2 if error.kind in ("input", "config") else 1) from None
    except OSError as error:
        print_error(os_error_message(error))
        raise typer.Exit(2) from None
    for file in summary.files:
        typer.echo(os.fsencode(file))
    counts = ", ".join(f"{name} {rows:,}" for name, rows in summary.rows.items())
    typer.echo(f"flatten: {summary.documents:,} documents; rows: {counts}", err=True)
    if summary.torn_last_line:
        typer.echo(
            f"flatten: warning: {shown(path)}: the last line is unfinished (a bulk run still "
            "running or killed) and was skipped; rerun `extractor bulk` to complete it",
            err=True,
        )
    for kind, count in summary.unknown_types.items():
        typer.echo(
            f"flatten: warning: {count:,} record(s) of unknown type {safe_text(repr(kind))} "
            "skipped",
            err=True,
        )
    if summary.bad_values:
        typer.echo(
            f"flatten: warning: {summary.bad_values:,} value(s) could not be read as their "
            "column's type (a number that is not one, a list where a name belongs) and were "
            "left empty",
            err=True,
        )
    if summary.bad_lines:
        numbers = ", ".join(str(n) for n in summary.bad_lines[:10])
        more = " ..." if len(summary.bad_lines) > 10 else ""
        print_error(
            f"{shown(path)}: {len(summary.bad_lines):,} line(s) are not JSON objects "
            f"and were skipped (line {numbers}{more}); the file is damaged: check how it was "
            "written"
        )
        raise typer.Exit(1)
