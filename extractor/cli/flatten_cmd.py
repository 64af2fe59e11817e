"""``extractor flatten RESULTS -o OUT``: results as tables to query at once.

RESULTS is what ``extractor bulk`` writes (JSONL) or what ``extractor
extract`` prints (one JSON object, or JSONL of them); ``-`` reads stdin. The
output's name chooses the format: ``events.duckdb`` one DuckDB database,
``tables.parquet`` a folder of Parquet files, anything else a folder of CSV
files (Parquet beside them when pyarrow is installed); ``-o -`` writes the
one table chosen with ``--table`` as CSV on stdout. ``--to`` is the old
spelling of ``-o`` and still works.

Prints the paths written on stdout, one per line, so scripts can pick them up
(as the bytes of the name, even when it is not UTF-8), and the row counts and
warnings on stderr. Exit codes: 0 done; 1 some lines are not results (the
tables hold everything else) or nothing at all could be read from a
non-empty input; 2 bad usage, a missing or unreadable input, or an output
that cannot be written.
"""

from __future__ import annotations

import os
import sys
from typing import IO, Annotated

import typer

from extractor.cli._app import app
from extractor.cli.common import fail_usage, os_error_message, print_error, quiet_stdout, shown
from extractor.errors import ExtractorError
from extractor.export.flatten import FlattenSummary, flatten, flatten_csv


@app.command("flatten")
def flatten_cmd(
    path: Annotated[
        str,
        typer.Argument(
            help="Results: the JSONL of `extractor bulk`, the JSON of `extractor extract`, "
            "or - for stdin.",
            show_default=False,
        ),
    ],
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            help="events.duckdb (a DuckDB file), tables.parquet (a Parquet folder), any other "
            "name a CSV folder, or - (CSV of one --table on stdout). Default: tables",
            show_default=False,
        ),
    ] = None,
    to: Annotated[str | None, typer.Option("--to", hidden=True)] = None,
    tables: Annotated[
        list[str] | None,
        typer.Option(
            "--table",
            "-t",
            help="Write only this table (repeat for more): a type's plural, events, documents.",
            show_default=False,
        ),
    ] = None,
    parquet: Annotated[
        bool | None,
        typer.Option(
            "--parquet/--no-parquet",
            help="Also write Parquet into a CSV folder (default: when pyarrow is installed).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Write one table per record type, an events table across types and a documents table."""
    if output is not None and to is not None:
        fail_usage("give the output once: -o/--output (--to is its old spelling)")
    target = output if output is not None else to if to is not None else "tables"
    source: str | IO[bytes] = sys.stdin.buffer if path == "-" else path
    label = "stdin" if path == "-" else shown(path)
    try:
        if str(target) == "-":
            if not tables or len(tables) != 1:
                fail_usage("-o - writes one table as CSV on stdout: choose it with --table NAME")
            summary = flatten_csv(source, sys.stdout, tables[0])
            sys.stdout.flush()
        else:
            summary = flatten(source, target, parquet=parquet, tables=tables)
    except BrokenPipeError:  # `... -o - | head`: the reader has what it wanted
        quiet_stdout()
        raise typer.Exit(0) from None
    except ExtractorError as error:
        print_error(error)
        raise typer.Exit(2 if error.kind in ("input", "config") else 1) from None
    except OSError as error:
        print_error(os_error_message(error))
        raise typer.Exit(2) from None
    for file in summary.files:
        typer.echo(os.fsencode(file))
    _report(summary, label)


def _report(summary: FlattenSummary, label: str) -> None:
    counts = ", ".join(f"{name} {rows:,}" for name, rows in summary.rows.items())
    typer.echo(f"flatten: {summary.documents:,} results; rows: {counts}", err=True)
    for warning in summary.warnings():
        typer.echo(f"flatten: warning: {label}: {warning}", err=True)
    if summary.bad_lines:
        numbers = ", ".join(str(n) for n in summary.bad_lines[:10])
        more = " ..." if len(summary.bad_lines) > 10 else ""
        print_error(
            f"{label}: {len(summary.bad_lines):,} line(s) are not results of `extractor bulk` "
            f"or `extractor extract` and were skipped (line {numbers}{more}); check how the "
            "file was written"
        )
        raise typer.Exit(1)
