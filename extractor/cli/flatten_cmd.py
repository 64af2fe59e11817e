"""``extractor flatten RESULTS -o OUT``: results as tables to query at once.

RESULTS is what ``extractor bulk`` writes (JSONL) or what ``extractor
extract`` prints (one JSON object, or JSONL of them); ``-`` reads stdin. The
output's name chooses the format: ``events.duckdb`` one DuckDB database,
``tables.parquet`` a folder of Parquet files, a name without a file suffix
a folder of CSV files (Parquet beside them when pyarrow is installed);
``-o -`` writes the one table chosen with ``--table`` as CSV on stdout, and
``-o events.csv --table events`` that table as one CSV file. A name whose
suffix says another kind of file (``x.sqlite``, ``x.xlsx``, ``x.json``, or
``x.csv`` without one ``--table``) is refused (:func:`output_kind`): it
would have been a CSV folder under a name that says otherwise. ``--to`` is
the old spelling of ``-o`` and still works.

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
from pathlib import Path
from typing import IO, Annotated, Literal

import typer

from extractor.blank import is_blank_char
from extractor.cli._app import app
from extractor.cli.common import (
    STDIO,
    fail_usage,
    non_blank,
    os_error_message,
    path_name,
    print_error,
    quiet_stdout,
    refuse_closed_stdout,
    refuse_input_as_output,
    replaceable_file,
    shown,
)
from extractor.errors import ExtractorError
from extractor.export.flatten import FlattenSummary, flatten, flatten_csv
from extractor.io.output import Replacement

#: Suffixes that name a file of a kind flatten does not write, by what they name. flatten
#: writes a DuckDB file (.duckdb, .ddb, .db), a Parquet folder (.parquet), a folder of CSV
#: files (any other name), CSV on stdout (-), and one table as one CSV file (.csv with one
#: --table). Any other name in this list would have become a CSV *folder* so named.
FILE_SUFFIXES = {
    ".csv": "a CSV file", ".tsv": "a TSV file", ".json": "JSON", ".jsonl": "JSON lines",
    ".ndjson": "JSON lines", ".sqlite": "SQLite", ".sqlite3": "SQLite", ".db3": "SQLite",
    ".xlsx": "Excel", ".xlsm": "Excel", ".xls": "Excel", ".ods": "a spreadsheet",
    ".arrow": "Arrow", ".feather": "Feather", ".orc": "ORC", ".avro": "Avro",
    ".html": "HTML", ".htm": "HTML", ".txt": "text", ".md": "Markdown", ".pdf": "PDF",
    ".xml": "XML", ".yaml": "YAML", ".yml": "YAML", ".pkl": "a pickle", ".pickle": "a pickle",
    ".h5": "HDF5", ".hdf5": "HDF5", ".dta": "Stata", ".sav": "SPSS", ".rds": "R data",
    ".mdb": "Access", ".accdb": "Access",
}  # fmt: skip
#: What a database writes beside its file (a write-ahead log, a journal, a temporary copy).
SIDE_FILE_SUFFIXES = (".db-wal", ".db-shm", ".db-journal", ".wal", ".tmp")


def output_kind(target: str, tables: list[str] | None) -> Literal["tables", "csv file"]:
    """What ``-o target`` writes: ``tables`` (flatten's DuckDB file, Parquet or CSV folder,
    chosen by :func:`extractor.export.flatten.output_format`), or ``csv file`` (``x.csv``
    with exactly one ``--table``: that table as one CSV file); else one line, exit 2.

    Why: flatten once made any name it did not know a CSV folder, so ``-o x.sqlite``
    or ``-o x.xlsx`` wrote a folder that no SQLite or Excel opens, under a name
    saying it was one. A name whose suffix says a kind of file
    (:data:`FILE_SUFFIXES`, in any case) is refused instead, saying what flatten
    writes; a folder name with a dot in it (``run.v2``) stays a CSV folder. Refused too:
    a name ending in a dot or a blank (``x.csv.``, ``x.csv `` : a slip no user means, and
    one Windows cannot open), and a database's side file (``x.db-wal``, ``x.duckdb.wal``,
    ``x.duckdb.tmp``: a name DuckDB or SQLite writes beside its database, which a CSV
    folder so named would be taken for, or clobbered by).
    """
    name = Path(target).name
    if name not in ("", ".", "..") and (name.endswith(".") or is_blank_char(name[-1])):
        fail_usage(
            f"-o {shown(target)}: the name ends in a dot or a blank; give it without "
            f"(-o {shown(target.rstrip(''.join(ch for ch in name if is_blank_char(ch)) + '.'))})"
        )
    if name.lower().endswith(SIDE_FILE_SUFFIXES):
        fail_usage(
            f"-o {shown(target)}: names a database's side file; give a .duckdb file, a "
            ".parquet folder or a folder name for CSV files"
        )
    suffix = Path(target).suffix.lower()
    if suffix not in FILE_SUFFIXES:
        return "tables"
    if suffix == ".csv" and tables is not None and len(tables) == 1:
        return "csv file"
    folder = shown(str(Path(target).with_suffix("")))
    if suffix == ".csv":
        fail_usage(
            f"-o {shown(target)}: a CSV file holds one table: add one --table NAME "
            f"(events, documents, a type's plural), or give a folder name (-o {folder}) for "
            "every table"
        )
    fail_usage(
        f"-o {shown(target)}: flatten does not write {FILE_SUFFIXES[suffix]}; give a .duckdb "
        f"file, a .parquet folder, a folder name for CSV files (-o {folder}), or a .csv file "
        "or - with one --table"
    )


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
            callback=path_name("file or folder"),
            help="events.duckdb (a DuckDB file), tables.parquet (a Parquet folder), a name "
            "without a file suffix (a CSV folder), events.csv with one --table (that table "
            "as one CSV file), or - (CSV of one --table on stdout). Another file suffix "
            "(.sqlite, .xlsx, .json ...) is refused. Default: tables",
            show_default=False,
        ),
    ] = None,
    to: Annotated[
        str | None, typer.Option("--to", hidden=True, callback=path_name("file or folder"))
    ] = None,
    tables: Annotated[
        list[str] | None,
        typer.Option(
            "--table",
            "-t",
            callback=non_blank("table name"),
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
        if target == STDIO:
            if not tables or len(tables) != 1:
                fail_usage("-o - writes one table as CSV on stdout: choose it with --table NAME")
            refuse_closed_stdout("table")
            summary = flatten_csv(source, sys.stdout, tables[0])
            sys.stdout.flush()
        elif output_kind(target, tables) == "csv file":
            assert tables is not None
            refuse_input_as_output(target, path)
            summary = _flatten_csv_file(source, target, tables[0], parquet=parquet)
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


def _flatten_csv_file(
    source: str | IO[bytes], target: str, table: str, *, parquet: bool | None
) -> FlattenSummary:
    """One table as the CSV file ``target``, written whole or not at all (the bytes
    ``-o -`` prints, and the folder's ``<table>.csv`` holds)."""
    if parquet:
        fail_usage(
            f"-o {shown(target)} is one CSV file; --parquet writes Parquet beside the CSV "
            "files of a folder: give -o a folder name, or drop --parquet"
        )
    path = replaceable_file(target, "CSV table")
    replacement = Replacement.of(path)
    try:
        with replacement.open("w", encoding="utf-8", newline="") as handle:
            summary = flatten_csv(source, handle, table)
        replacement.commit()
    except BaseException:
        replacement.discard()
        raise
    summary.files.append(path)
    return summary


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
