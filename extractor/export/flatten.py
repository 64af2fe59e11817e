"""Flatten a bulk output file into one table per record type, ACLED style.

The JSONL of a bulk run nests (actors in lists, dates as objects); pandas,
DuckDB and spreadsheets want one row per event and one value per cell, the
way ACLED and UCDP publish their data. :func:`flatten` writes
``visits.csv``, ``meetings.csv``, ``arms_transfers.csv`` and
``casualty_reports.csv`` (one row per record, every record's evidence and
provenance beside its facts), plus ``documents.csv`` (one row per input
document, failures included, so a table can be joined back to its sources
and a reader can tell "no events" from "not processed"). With pyarrow
installed (it is not a dependency) the same tables are written as Parquet.

Conventions: lists of names are joined with ``"; "``; a date is split into
its ISO value, its end (for a range), its precision and the text as written;
a count into low, best and high with its qualifier. Every table is written
with its header even when it is empty, so scripts can rely on the files.

The input is streamed line by line, and rows are written as they are read
(Parquet in row groups), so memory does not grow with the file. The tables
are written to temporary files and renamed at the end: a failed run leaves
the previous tables in place, never half-written ones.

Whatever a line holds, flattening it does not fail (invariants, tested with
generated lines in tests/test_flatten_hostile.py):

* a value that cannot be read as its column's type (a list where a count
  belongs, a number out of range, NaN) is an empty cell, counted in
  ``FlattenSummary.bad_values``;
* text is valid UTF-8: a lone surrogate (a ``"\ud800"`` escape, or a file
  name that was not UTF-8, as bulk writes it) becomes U+FFFD;
* no text cell of a CSV file starts with ``=``, ``+``, ``-``, ``@``, a tab
  or a carriage return (or their full-width forms), which spreadsheets
  would run as a formula: such a cell gets a leading ``'``. Numeric cells
  are numbers (``-77.0`` stays a number). Parquet keeps text as it is.
"""

from __future__ import annotations

import contextlib
import csv
import json
import math
import os
import stat
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any, TextIO

from extractor.errors import ConfigurationError, InputError
from extractor.redact import clean_surrogates
from extractor.types.columns import SEPARATOR, Column, Getter, Kind, at, field_of, from_line
from extractor.types.registry import RecordSpec, registered_types

__all__ = ["Column", "FlattenSummary", "flatten", "parquet_available", "table_columns"]

PARQUET_ROW_GROUP = 10_000
#: A CSV text cell starting with one of these is prefixed with ``'`` (formula injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
_INT64 = (-(2**63), 2**63 - 1)


_HEAD = [
    Column("record_id", "str", field_of("id")),
    Column("doc_id", "str", lambda record, line: record.get("doc_id") or line.get("doc_id")),
    Column("published", "str", from_line("published")),
    Column("status", "str", field_of("status")),
]
_TAIL = [
    Column("attribution", "str", field_of("attribution")),
    Column("evidence", "str", field_of("evidence", "quote")),
    Column("evidence_start", "int", field_of("evidence", "start")),
    Column("evidence_end", "int", field_of("evidence", "end")),
    Column("alignment", "str", field_of("evidence", "alignment")),
    Column("plover_category", "str", field_of("plover_event", "category")),
    Column("plover_mode", "str", field_of("plover_event", "mode")),
]


def _count_of(kind: str) -> Getter:
    return lambda record, line: at(line, "counts", kind)


def _documents(specs: Sequence[RecordSpec]) -> list[Column]:
    return [
        Column("doc_id", "str", from_line("doc_id")),
        Column("status", "str", from_line("status")),
        Column("published", "str", from_line("published")),
        Column("title", "str", from_line("title")),
        Column("url", "str", from_line("url")),
        Column("source", "str", from_line("source")),
        *(Column(spec.plural, "int", _count_of(spec.name)) for spec in specs),
        Column("model", "str", from_line("model")),
        Column("prompt_version", "str", from_line("prompt_version")),
        Column("schema_version", "str", from_line("schema_version")),
        Column("strategy", "str", from_line("strategy")),
        Column("prompt_tokens", "int", lambda record, line: at(line, "usage", "prompt_tokens")),
        Column(
            "completion_tokens", "int", lambda record, line: at(line, "usage", "completion_tokens")
        ),
        Column("seconds", "float", from_line("seconds")),
        Column("warnings", "str", lambda record, line: SEPARATOR.join(line.get("warnings") or [])),
        Column("error_type", "str", lambda record, line: at(line, "error", "type")),
        Column("error_kind", "str", lambda record, line: at(line, "error", "kind")),
        Column("error_message", "str", lambda record, line: at(line, "error", "message")),
        Column("duplicate_of", "str", from_line("duplicate_of")),
    ]


def table_columns(specs: Sequence[RecordSpec] | None = None) -> dict[str, list[Column]]:
    """Table name -> its columns: one table per record type, then ``documents``."""
    specs = registered_types() if specs is None else specs
    out = {spec.plural: [*_HEAD, *spec.columns, *_TAIL] for spec in specs}
    out["documents"] = _documents(specs)
    return out


# ------------------------------------------------------------------ writing


def parquet_available() -> bool:
    return _pyarrow() is not None


def _pyarrow() -> tuple[ModuleType, ModuleType] | None:
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError:
        return None
    return pyarrow, pyarrow.parquet


class _BadValue(Exception):
    """A value that cannot be its column's type: the cell is left empty and counted."""


def _cell(value: Any, kind: Kind) -> Any:
    """A value as the column's type; None stays None (an empty CSV cell, a Parquet null).

    Raises :class:`_BadValue` for a value that is there but cannot be read as
    the type (the caller leaves the cell empty and counts it).
    """
    if value is None or value == "":
        return None
    try:
        if kind == "int":
            if isinstance(value, float) and not math.isfinite(value):
                raise _BadValue(value)
            number = int(value)
            if not _INT64[0] <= number <= _INT64[1]:
                raise _BadValue(value)
            return number
        if kind == "float":
            real = float(value)
            if not math.isfinite(real):
                raise _BadValue(value)
            return real
    except (TypeError, ValueError, OverflowError) as error:
        raise _BadValue(value) from error
    if kind == "bool":
        return bool(value)
    return clean_surrogates(value if isinstance(value, str) else str(value))


def csv_text(value: Any) -> Any:
    """A cell as written to CSV: text that a spreadsheet would run as a formula gets a ``'``."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class _Table:
    """One output table: a CSV writer and, optionally, a Parquet writer, on temporary files."""

    def __init__(self, name: str, columns: list[Column], folder: Path, arrow: Any) -> None:
        self.name = name
        self.columns = columns
        self.rows = 0
        self.csv_path = folder / f"{name}.csv"
        self._csv_tmp = folder / f".{name}.csv.tmp"
        self._handle: TextIO = open(self._csv_tmp, "w", encoding="utf-8", newline="")  # noqa: SIM115
        self._csv = csv.writer(self._handle)
        self._csv.writerow([c.name for c in columns])
        self._arrow = arrow
        self._buffer: list[dict[str, Any]] = []
        self.parquet_path = folder / f"{name}.parquet"
        self._parquet_tmp = folder / f".{name}.parquet.tmp"
        self._parquet: Any = None
        if arrow is not None:
            pa, pq = arrow
            self._schema = pa.schema([(c.name, _arrow_type(pa, c.kind)) for c in columns])
            self._parquet = pq.ParquetWriter(str(self._parquet_tmp), self._schema)

    def add(self, record: Mapping[str, Any], line: Mapping[str, Any]) -> int:
        """Write one row; return how many of its values could not be read (left empty)."""
        row: list[Any] = []
        bad = 0
        for column in self.columns:
            try:
                row.append(_cell(column.get(record, line), column.kind))
            except Exception:  # a damaged line: any shape can be anywhere
                row.append(None)
                bad += 1
        self._csv.writerow(["" if value is None else csv_text(value) for value in row])
        self.rows += 1
        if self._parquet is not None:
            self._buffer.append(dict(zip((c.name for c in self.columns), row, strict=True)))
            if len(self._buffer) >= PARQUET_ROW_GROUP:
                self._flush_parquet()
        return bad

    def _flush_parquet(self) -> None:
        if self._buffer:
            pa, _ = self._arrow
            self._parquet.write_table(pa.Table.from_pylist(self._buffer, schema=self._schema))
            self._buffer = []

    def finish(self) -> list[Path]:
        """Close and move the finished files into place; return their paths."""
        self._handle.close()
        os.replace(self._csv_tmp, self.csv_path)
        written = [self.csv_path]
        if self._parquet is not None:
            self._flush_parquet()
            self._parquet.close()
            os.replace(self._parquet_tmp, self.parquet_path)
            written.append(self.parquet_path)
        return written

    def abandon(self) -> None:
        """Close and delete the temporary files (the run failed)."""
        # closing or deleting a broken file must not hide why the run failed
        with contextlib.suppress(Exception):
            self._handle.close()
            if self._parquet is not None:
                self._parquet.close()
        for path in (self._csv_tmp, self._parquet_tmp):
            with contextlib.suppress(OSError):
                path.unlink(missing_ok=True)


def _arrow_type(pa: Any, kind: Kind) -> Any:
    return {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_()}[kind]


# ------------------------------------------------------------------ the run


@dataclass
class FlattenSummary:
    """What :func:`flatten` wrote and what it could not read."""

    rows: dict[str, int] = field(default_factory=dict)
    files: list[Path] = field(default_factory=list)
    documents: int = 0
    bad_lines: list[int] = field(default_factory=list)
    torn_last_line: bool = False
    unknown_types: dict[str, int] = field(default_factory=dict)
    #: Values that could not be read as their column's type (left empty).
    bad_values: int = 0


def flatten(
    path: str | os.PathLike[str],
    out_dir: str | os.PathLike[str],
    *,
    parquet: bool | None = None,
    tables: Sequence[str] | None = None,
) -> FlattenSummary:
    """Write one CSV (and Parquet) per record type, plus documents, from a bulk output file.

    ``parquet``: None writes Parquet when pyarrow is importable, True
    requires it (:class:`ConfigurationError` if missing), False never.
    Lines that are not JSON objects are skipped and listed by number in the
    summary; an unfinished last line (a run in progress, or killed) is
    skipped and flagged as ``torn_last_line``.
    """
    source = Path(path)
    problem = _not_a_file(source)
    if problem is not None:
        raise InputError(
            f"{problem}: give the JSONL written by `extractor bulk`", source=_shown(source)
        )
    arrow = _pyarrow() if parquet is not False else None
    if parquet and arrow is None:
        raise ConfigurationError("Parquet output needs pyarrow: pip install pyarrow")
    every = table_columns()
    unknown = [name for name in tables or () if name not in every]
    if unknown:
        raise ConfigurationError(
            f"unknown table(s) {', '.join(unknown)}: choose from {', '.join(every)}"
        )
    folder = Path(out_dir)
    chosen = {name: every[name] for name in (tables or every)}
    plural_of = {spec.name: spec.plural for spec in registered_types()}
    open_tables: dict[str, _Table] = {}
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for name, columns in chosen.items():
            open_tables[name] = _Table(name, columns, folder, arrow)
    except (OSError, ValueError) as error:  # ValueError: an embedded NUL
        for table in open_tables.values():
            table.abandon()
        reason = _reason(error) if isinstance(error, OSError) else str(error)
        raise ConfigurationError(
            f"{_shown(folder)}: cannot write the tables there ({reason}); "
            "give --to a folder you can write to"
        ) from None
    summary = FlattenSummary()
    try:
        for line in _read_lines(source, summary):
            _add_line(line, open_tables, plural_of, summary)
        for name, table in open_tables.items():
            summary.files += table.finish()
            summary.rows[name] = table.rows
    except BaseException as error:
        for table in open_tables.values():
            table.abandon()
        if isinstance(error, OSError):
            raise InputError(
                f"flattening failed ({_reason(error)}); the previous tables are untouched",
                source=_shown(source),
            ) from None
        raise
    return summary


def _not_a_file(path: Path) -> str | None:
    """Why ``path`` is not a regular file to read (None when it is one)."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return "no such file"
    except (OSError, ValueError) as error:  # ValueError: an embedded NUL
        return f"cannot read it ({error.strerror if isinstance(error, OSError) else error})"
    if stat.S_ISDIR(mode):
        return "a folder"
    if not stat.S_ISREG(mode):
        return "not a regular file (a pipe or a device)"
    return None


def _shown(path: Path) -> str:
    """A path for a message: printable even when the name is not UTF-8."""
    return clean_surrogates(str(path))


def _reason(error: OSError) -> str:
    where = f": {clean_surrogates(str(error.filename))}" if error.filename else ""
    return f"{error.strerror or type(error).__name__}{where}"


def _read_lines(source: Path, summary: FlattenSummary) -> Iterator[Mapping[str, Any]]:
    """The JSON objects of the file, one at a time; bad lines are noted, not fatal."""
    with open(source, "rb") as handle:
        number = 0
        for number, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            try:
                line = json.loads(raw)
            except (ValueError, RecursionError):  # not JSON, not UTF-8, or nested too deep
                line = None
            if isinstance(line, Mapping):
                yield line
            elif not raw.endswith(b"\n"):
                summary.torn_last_line = True
            else:
                summary.bad_lines.append(number)


def _add_line(
    line: Mapping[str, Any],
    tables: Mapping[str, _Table],
    plural_of: Mapping[str, str],
    summary: FlattenSummary,
) -> None:
    summary.documents += 1
    documents = tables.get("documents")
    if documents is not None:
        summary.bad_values += documents.add({}, line)
    records = line.get("records")
    for record in records if isinstance(records, list) else []:
        if not isinstance(record, Mapping):
            continue
        kind = clean_surrogates(str(record.get("type")))
        name = plural_of.get(kind)
        if name is None:
            summary.unknown_types[kind] = summary.unknown_types.get(kind, 0) + 1
        elif name in tables:
            summary.bad_values += tables[name].add(record, line)
