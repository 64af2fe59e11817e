"""Flatten results into tables an analyst can query at once: CSV, Parquet or DuckDB.

The JSONL of a bulk run nests (actors in lists, dates as objects); pandas,
DuckDB and spreadsheets want one row per event and one value per cell, the
way ACLED and UCDP publish their data. :func:`flatten` writes

* one table per registered record type (``visits``, ``meetings``,
  ``arms_transfers``, ``casualty_reports``, a plugin's ``protests`` ...): one
  row per record, its evidence and provenance beside its facts;
* ``events``: every record of every type, one row each, with the columns
  all types share (``record_type``, ``event_status``, ``event_date``,
  ``countries``, ``actors``, ``place``, the evidence), read through the
  type's own ``event_dates()``, ``countries()`` and ``actors()``, so "all
  events in Nigeria in March" is one query; records of a type that is not
  installed are kept here too;
* ``documents``: one row per input (failures and skipped inputs included,
  ``run_status`` ok/error/skipped), so a table joins back to its sources and
  "no events" can be told from "not processed".

The output is chosen by its name: ``events.duckdb`` (or ``.ddb``, ``.db``) is
one DuckDB database holding every table; ``tables.parquet`` a folder of
Parquet files; any other name a folder of CSV files (with Parquet beside
them when pyarrow is installed, as before). Parquet and DuckDB are typed
(:mod:`extractor.types.columns` says how): dates are dates, counts integers,
lists lists. CSV stays spreadsheet-friendly: lists joined with ``"; "``,
dates as ISO days, and no text cell that a spreadsheet would run as a
formula.

The input is what ``extractor bulk`` writes (JSONL, read with
:func:`extractor.io.output.latest_lines`: the last line of each ``doc_id``
wins, as a rerun means), or what ``extractor extract`` writes (one JSON
object, pretty-printed or not, or JSONL of them), or a file object such as
stdin. Rows are written as they are read (Parquet in row groups, DuckDB in
batches), so memory does not grow with the input, and into temporary files
renamed at the end: a failed run leaves the previous tables in place.

Whatever a line holds, flattening it does not fail (invariants, tested with
generated lines in tests/test_flatten_hostile.py):

* a value that cannot be read as its column's type (a list where a count
  belongs, a number out of range, NaN, a date that is no date) is an empty
  cell, counted in ``FlattenSummary.bad_values``;
* text is valid UTF-8: a lone surrogate (a ``"\\ud800"`` escape, or a file
  name that was not UTF-8, as bulk writes it) becomes U+FFFD;
* no text cell of a CSV file starts with ``=``, ``+``, ``-``, ``@``, a tab
  or a carriage return (or their full-width forms), after any blanks (spaces,
  newlines, zero-width characters), which spreadsheets would run as a
  formula: such a cell gets a leading ``'``. Numeric cells
  are numbers (``-77.0`` stays a number). Parquet and DuckDB keep text as it is.
"""

from __future__ import annotations

import contextlib
import csv
import dataclasses
import decimal
import hashlib
import json
import math
import numbers
import os
import re
import shutil
import stat
import sys
import tempfile
import unicodedata
import warnings
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import IO, Any, Literal, Protocol, TextIO

from extractor.blank import is_blank_char
from extractor.errors import ConfigurationError, InputError
from extractor.io.output import (
    Replacement,
    as_result_line,
    check_replaceable,
    first_line,
    foreign_records_note,
    is_anonymous_result,
    is_result,
    latest_entries,
    latest_lines,
    packed_suffix,
    predicted_records,
    refuse_no_results,
    said_of,
    unread_records_note,
    utf8_temporary_path,
    whole_json,
)
from extractor.redact import clean_surrogates
from extractor.types.columns import (
    SEPARATOR,
    Column,
    Getter,
    Kind,
    at,
    column_name,
    date_group,
    field_of,
    first_day,
    from_line,
)
from extractor.types.parts import Place
from extractor.types.registry import RecordSpec, registered_types

__all__ = [
    "Column",
    "FlattenSummary",
    "OutputFormat",
    "as_result_line",
    "csv_cell",
    "csv_text",
    "duckdb_available",
    "flatten",
    "flatten_csv",
    "output_format",
    "parquet_available",
    "result_rows",
    "table_columns",
    "table_name",
]

OutputFormat = Literal["csv", "parquet", "duckdb"]
#: Suffixes of a DuckDB database file.
DUCKDB_SUFFIXES = (".duckdb", ".ddb", ".db")
#: Rows per Parquet row group and per DuckDB insert.
BATCH_ROWS = 10_000
PARQUET_ROW_GROUP = BATCH_ROWS
#: A CSV text cell starting with one of these is prefixed with ``'`` (formula injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
_INT64 = (-(2**63), 2**63 - 1)
_TABLES_EXTRA = "pip install 'extractor[tables]'"
#: The key under which an ``events`` row finds what the record's type says of it.
_EVENT = "@event"


# ------------------------------------------------------------------ the tables


def _doc_id(record: Mapping[str, Any], line: Mapping[str, Any]) -> Any:
    """A record's document: its line's, whatever the record's own ``doc_id`` says (the
    line owns its records: :func:`~extractor.io.output.predicted_records`), so that its
    rows are counted where the documents table counts it."""
    return line.get("doc_id")


_HEAD = [
    Column("record_id", "str", field_of("id")),
    Column("doc_id", "str", _doc_id),
    Column("published", "date", from_line("published")),
    Column("event_status", "str", field_of("status")),
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
_EVENTS = [
    _HEAD[0],
    _HEAD[1],
    Column("record_type", "str", field_of("type")),
    *_HEAD[2:],
    *date_group("event_date", lambda record: at(record, _EVENT, "date")),
    Column("countries", "list", field_of(_EVENT, "countries")),
    Column("actors", "list", field_of(_EVENT, "actors")),
    Column("place", "str", field_of(_EVENT, "place")),
    Column("place_country", "str", field_of(_EVENT, "place_country")),
    *_TAIL,
]


#: The key under which a ``documents`` row finds how many records of each type were read.
_READ = "@read"


def _count_of(kind: str) -> Getter:
    """A type's count in the documents table: the records of that type flatten read
    (:func:`~extractor.io.output.predicted_records`), never the line's own ``counts``,
    which a damaged or edited line may give otherwise than its records."""
    return lambda record, line: record[_READ].get(kind, 0)


def _records_in(record: Mapping[str, Any], line: Mapping[str, Any]) -> int:
    return sum(record[_READ].values())


def _documents(specs: Sequence[RecordSpec]) -> list[Column]:
    return [
        Column("doc_id", "str", from_line("doc_id")),
        Column("run_status", "str", from_line("status")),
        Column("published", "date", from_line("published")),
        Column("title", "str", from_line("title")),
        Column("url", "str", from_line("url")),
        Column("source", "str", from_line("source")),
        Column("text_sha256", "str", from_line("text_sha256")),
        Column("records", "int", _records_in),
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
        # tokens paid by the run that filled the cache, not by this one: filter on it to sum
        # what a run spent
        Column("cached", "bool", lambda record, line: line.get("cached") is True),
        Column("warnings", "list", lambda record, line: line.get("warnings")),
        Column("error_type", "str", lambda record, line: at(line, "error", "type")),
        Column("error_kind", "str", lambda record, line: at(line, "error", "kind")),
        Column("error_message", "str", lambda record, line: at(line, "error", "message")),
        Column("duplicate_of", "str", from_line("duplicate_of")),
    ]


def _bare(columns: Iterable[Column], shared: Sequence[Column] = ()) -> list[Column]:
    """The columns under names SQL reads bare (a keyword gets a trailing underscore), each
    once: a type's column named like a ``shared`` one or an earlier one (a user's field
    called ``published``) gets underscores until it is unique, and the shared keep theirs."""
    taken = {c.name for c in shared}
    out = []
    for c in columns:
        name = column_name(c.name)
        while name in taken:
            name += "_"
        taken.add(name)
        out.append(dataclasses.replace(c, name=name))
    return out


#: The tables flatten writes beside the one per type, and what they hold.
_OWN_TABLES = {"events": "every record of every type", "documents": "one row per input"}


def table_name(spec: RecordSpec) -> str:
    """The table of a record type: its plural, as a name SQL reads bare."""
    return column_name(spec.plural)


def table_columns(specs: Sequence[RecordSpec] | None = None) -> dict[str, list[Column]]:
    """Table name -> its columns: one table per record type, then ``events`` and ``documents``."""
    specs = registered_types() if specs is None else specs
    out: dict[str, list[Column]] = {}
    for spec in specs:
        name = table_name(spec)
        if name in _OWN_TABLES:
            raise ConfigurationError(
                f"record type {spec.name!r} would be written as the table {name!r}, which "
                f"flatten keeps for {_OWN_TABLES[name]}: give the type another `plural`"
            )
        out[name] = [*_HEAD, *_bare(spec.columns, [*_HEAD, *_TAIL]), *_TAIL]
    out["events"] = _bare(_EVENTS)
    out["documents"] = _bare(_documents(specs))
    return out


# ------------------------------------------------------------------ cells


class _BadValue(Exception):
    """A value that cannot be its column's type: the cell is left empty and counted."""


def _cell(value: Any, kind: Kind) -> Any:
    """A value as the column's type; None stays None (an empty CSV cell, a null).

    Raises :class:`_BadValue` for a value that is there but cannot be read as
    the type (the caller leaves the cell empty and counts it).
    """
    if value is None or value == "":
        return None
    if kind == "str":  # most cells: no conversion to try
        return _text(value)
    try:
        if kind == "int":
            number = _integer(value)
            if not _INT64[0] <= number <= _INT64[1]:
                raise _BadValue(value)
            return number
        if kind == "float":
            real = _real(value)
            if not math.isfinite(real):
                raise _BadValue(value)
            return real
        if kind == "date":
            return first_day(value)
    except (TypeError, ValueError, OverflowError) as error:
        raise _BadValue(value) from error
    if kind == "bool":
        return bool(value)
    if kind == "list":
        if not isinstance(value, list | tuple):
            raise _BadValue(value)
        return [None if v is None else _text(v) for v in value]
    return _text(value)


#: A number as JSON (or a hand-edited line's string) writes one, in ASCII digits only.
_INTEGER_TEXT = re.compile(r"[+-]?[0-9]+")
_REAL_TEXT = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")


def _integer(value: Any) -> int:
    """A count's value, or :class:`_BadValue` when it is none: a whole number (``3``,
    ``3.0``, ``"3"``), never ``true`` or ``3.7``.

    ``int()`` alone read ``true`` as 1, truncated ``3.7`` to 3, and read ``"١٢"``
    (Arabic-Indic digits) or ``"1_000"`` as numbers: a damaged value became another
    value, where the rule is an empty cell, counted in ``bad_values``."""
    if isinstance(value, bool):
        raise _BadValue(value)
    if isinstance(value, numbers.Integral):
        return int(value)
    if isinstance(value, numbers.Real | decimal.Decimal):
        real = float(value)
        if not real.is_integer():  # NaN, an infinity, or a fraction: no count
            raise _BadValue(value)
        return int(value) if isinstance(value, decimal.Decimal) else int(real)
    if isinstance(value, str) and _INTEGER_TEXT.fullmatch(value.strip(" ")):
        return int(value)
    raise _BadValue(value)


def _real(value: Any) -> float:
    """A float column's value (a number, or a string spelling one in ASCII), or
    :class:`_BadValue`: ``true`` is no latitude, nor ``"١٢"`` or ``"1_0"`` a number of
    seconds, though ``float()`` reads each."""
    if isinstance(value, bool):
        raise _BadValue(value)
    if isinstance(value, numbers.Real | decimal.Decimal):
        return float(value)
    if isinstance(value, str) and _REAL_TEXT.fullmatch(value.strip(" ")):
        return float(value)
    raise _BadValue(value)


def _text(value: Any) -> str:
    return clean_surrogates(value if isinstance(value, str) else str(value))


def csv_text(value: Any) -> Any:
    """A cell as written to CSV: text that a spreadsheet would run as a formula gets a ``'``.

    A plain signed number (``-5``, ``+3.5``: an id, a delta) is no formula and stays as it
    is, so that it still joins with the source table. The start is read past blanks
    (spaces, a newline, a no-break or zero-width space, a BOM, NUL): spreadsheets trim
    them from a cell's start before reading it, so `` =HYPERLINK(...)`` ran as one too.
    """
    if not isinstance(value, str) or _SIGNED_NUMBER.fullmatch(value):
        return value
    if value.startswith(FORMULA_STARTS):
        return "'" + value
    start = next((ch for ch in value if not is_blank_char(ch)), "")
    if start and start.startswith(FORMULA_STARTS) and not _SIGNED_NUMBER.fullmatch(value.strip()):
        return "'" + value
    return value


#: ``-5``, ``+3.25``: what a spreadsheet reads as a number, never as a formula.
_SIGNED_NUMBER = re.compile(r"[+-][0-9]+(?:\.[0-9]+)?")


def csv_cell(value: Any) -> Any:
    """A typed cell as a CSV cell: a list joined with ``"; "``, a date as its ISO day,
    empty for None, and formula-like text neutralised (:func:`csv_text`)."""
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        value = SEPARATOR.join("" if v is None else str(v) for v in value)
    elif isinstance(value, date):
        return value.isoformat()
    return csv_text(value)


def _row(
    columns: Sequence[Column], record: Mapping[str, Any], line: Mapping[str, Any]
) -> tuple[list[Any], int]:
    """The typed cells of one row and how many values could not be read (left empty)."""
    row: list[Any] = []
    bad = 0
    for column in columns:
        try:
            row.append(_cell(column.get(record, line), column.kind))
        except Exception:  # a damaged line: any shape can be anywhere
            row.append(None)
            bad += 1
    return row, bad


# ------------------------------------------------------------------ results


def _event_facts(spec: RecordSpec, record: Mapping[str, Any]) -> dict[str, Any] | None:
    """What the record's type says of it (its dates, countries, actors, place), or None
    when the record cannot be read back as its type (a damaged or older line)."""
    try:
        found = spec.record.model_validate(_without_surrogates(record))
        dated = [d for d in found.event_dates() if d.value]
        countries = found.countries()
        actors = [a.display_name for a in found.actors()]
    except Exception:  # any shape can be anywhere in a damaged line
        return None
    when = None
    if dated:
        last = max(dated, key=lambda d: d.last_day or date.min)
        when = {"value": dated[0].value, "end": last.end or last.value, "text": dated[0].text}
    place = next(
        (v for n in type(found).model_fields if isinstance(v := getattr(found, n), Place)), None
    )
    return {
        "date": when,
        "countries": countries,
        "actors": actors,
        "place": place.text if place else None,
        "place_country": place.country if place else None,
    }


def _content_of(record: Mapping[str, Any]) -> bytes:
    """A digest of a record's content, its ``id`` and ``doc_id`` aside: what tells a copy
    of a record from another record under the same id. A digest, not the content: one is
    kept per id read, and the tables are written streaming, in little memory."""
    rest = {k: v for k, v in record.items() if k not in ("id", "doc_id")}
    try:
        text = json.dumps(_without_surrogates(rest), sort_keys=True, default=repr)
    except (TypeError, ValueError, RecursionError):
        text = repr(rest)
    return hashlib.blake2b(text.encode("utf-8", "replace"), digest_size=16).digest()


def _without_surrogates(value: Any) -> Any:
    """``value`` with every lone surrogate (a file name that was not UTF-8, as bulk writes
    it) replaced by U+FFFD: pydantic refuses such strings, and the whole record with them."""
    if isinstance(value, str):
        return clean_surrogates(value)
    if isinstance(value, Mapping):
        return {key: _without_surrogates(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_without_surrogates(item) for item in value]
    return value


@dataclass
class _Rows:
    """Turns result lines into the typed rows of the chosen tables."""

    columns: Mapping[str, Sequence[Column]]
    specs: Mapping[str, RecordSpec]
    summary: FlattenSummary
    #: Each record id of the document being written -> the content digest of its first
    #: record and how many records had it (:meth:`record_id`; emptied at each document).
    ids: dict[str, tuple[bytes, int]] = field(default_factory=dict)
    #: Every doc_id read, composed (NFC) -> its first spelling (:meth:`_spelt`).
    doc_spellings: dict[str, str] = field(default_factory=dict)
    #: The same for the record ids of the document being written (emptied with ``ids``).
    record_spellings: dict[str, str] = field(default_factory=dict)

    def record_id(self, record: Mapping[str, Any]) -> Any:
        """The record's ``record_id``, a key of every table it is written to.

        This tool's ids hash the document, the type and the key fields, so they differ
        between records; a line another tool wrote (or an edit) may give several records
        of one document one id, and ``events JOIN meetings USING (record_id)`` then
        multiplied rows. A record whose id an earlier record of its document already had
        is renamed ``<id>#2``, ``#3`` ... (a name no earlier record of it has), the same in
        ``events`` and its type's table; said once, counting different records and copies
        apart. A copy (the same content again) is renamed too, never dropped: the tables
        hold every record read, as the documents table counts them. A record without an
        id keeps none (NULL joins nothing). Per document, so that memory stays flat
        however long the file: ids of different documents differ when this tool wrote
        them (the document is in the hash); for another tool's, join on ``(doc_id,
        record_id)``, a key of every table. Whatever the id's JSON type (``true``,
        ``1.5``, a list), it is compared as the text the ``record_id`` column writes
        (:func:`_cell`), so two ids that write alike are renamed alike."""
        given = record.get("id")
        key = _cell(given, "str")
        if key is None:
            return given
        self._spelt(key, self.record_spellings)
        content = _content_of(record)
        first = self.ids.get(key)
        if first is None:
            self.ids[key] = (content, 1)
            return given
        number = first[1]
        name = key
        while name in self.ids:
            number += 1
            name = f"{key}#{number}"
        self.ids[key] = (first[0], number)
        self.ids[name] = (content, 1)
        if content == first[0]:
            self.summary.copied_ids += 1
        else:
            self.summary.renamed_ids += 1
        return name

    def of(self, line: Mapping[str, Any]) -> Iterator[tuple[str, list[Any]]]:
        """The rows of one result: its documents row, and for every record
        :func:`~extractor.io.output.predicted_records` reads one ``events`` row and one
        row of its type's table, each under the line's ``doc_id`` (the line owns its
        records, whatever their own ``doc_id`` says), so that the tables count per document
        what the documents table counts. A record damaged elsewhere keeps its type row (and
        its events row, without dates: ``unreadable_records``); one whose ``type`` is no
        registered type's name (damaged, or a type not installed) has no table of its own
        and is in ``events`` only (``unknown_types``, said by :meth:`FlattenSummary.warnings`).
        """
        summary = self.summary
        summary.documents += 1
        status = clean_surrogates(str(line.get("status")))
        summary.statuses[status] = summary.statuses.get(status, 0) + 1
        records = predicted_records(line)  # an ok line's records; any other, none
        note = unread_records_note(line)
        if note is not None:
            summary.unread.append(note)
        foreign = foreign_records_note(line)
        if foreign is not None:
            summary.foreign.append(foreign)
        kinds = [clean_surrogates(str(record.get("type"))) for record in records]
        self.ids.clear()  # a record_id is renamed within its document (:meth:`record_id`)
        self.record_spellings.clear()
        doc_id = _cell(line.get("doc_id"), "str")
        if doc_id is not None:
            self._spelt(doc_id, self.doc_spellings)
        if "documents" in self.columns:
            read = Counter(kinds)
            yield "documents", self._row("documents", {_READ: read}, line)
        for record, kind in zip(records, kinds, strict=True):
            summary.records += 1
            spec = self.specs.get(kind)
            named = {**record, "id": self.record_id(record)}  # a key of every table
            if spec is None:
                summary.unknown_types[kind] = summary.unknown_types.get(kind, 0) + 1
            elif table_name(spec) in self.columns:
                yield table_name(spec), self._row(table_name(spec), named, line)
            if "events" in self.columns:
                facts = _event_facts(spec, record) if spec is not None else None
                if facts is None and spec is not None:
                    summary.unreadable_records += 1
                yield "events", self._row("events", {**named, _EVENT: facts}, line)

    def _spelt(self, name: str, spellings: dict[str, str]) -> None:
        """Note ``name`` when an id read before differs from it only in Unicode composition
        (NFC ``é`` and NFD ``e`` + U+0301): flatten keeps both as written, two ids, while
        eval reads them as one document (:func:`~extractor.evaluation.run.read_lines`); a
        join on them splits what a reader sees as one name. Said, never renamed."""
        composed = unicodedata.normalize("NFC", name)
        first = spellings.setdefault(composed, name)
        if first != name:
            self.summary.composed.append((first, name))
            spellings[composed] = name  # a third spelling is named against the last

    def _row(self, table: str, record: Mapping[str, Any], line: Mapping[str, Any]) -> list[Any]:
        row, bad = _row(self.columns[table], record, line)
        self.summary.bad_values += bad
        return row


def result_rows(
    results: Any, *, tables: Sequence[str] | None = None
) -> dict[str, list[dict[str, Any]]]:
    """The rows :func:`flatten` would write for these results, as typed dicts per table.

    ``results``: one result or an iterable of them (bulk lines, ``extract``
    JSON, or ``ArticleExtraction`` objects). Dates are :class:`datetime.date`,
    lists are lists; every table chosen is present, empty or not. For a
    DataFrame: ``pandas.DataFrame(rows["events"])``.
    """
    every = table_columns()
    chosen = _chosen(every, tables)
    many = results if isinstance(results, list | tuple | Iterator) else [results]
    rows = _Rows(chosen, _specs(), FlattenSummary())
    out: dict[str, list[dict[str, Any]]] = {name: [] for name in chosen}
    names = {name: [c.name for c in columns] for name, columns in chosen.items()}
    for result in many:
        for table, row in rows.of(as_result_line(result)):
            out[table].append(dict(zip(names[table], row, strict=True)))
    renamed, composed = rows.summary.renamed_note, rows.summary.composed_note
    said = [renamed] if renamed else []
    said += [composed] if composed else []
    for note in [*rows.summary.unread, *rows.summary.foreign, *said]:
        warnings.warn(note, UserWarning, stacklevel=2)
    return out


def _chosen(
    every: dict[str, list[Column]], tables: Sequence[str] | None
) -> dict[str, list[Column]]:
    unknown = [name for name in tables or () if name not in every]
    if unknown:
        raise ConfigurationError(
            f"unknown table(s) {', '.join(unknown)}: choose from {', '.join(every)}"
        )
    return {name: every[name] for name in (tables or every)}


# ------------------------------------------------------------------ writing


def parquet_available() -> bool:
    return _pyarrow() is not None


def duckdb_available() -> bool:
    try:
        import duckdb  # noqa: F401
    except ImportError:
        return False
    return parquet_available()


def _pyarrow() -> tuple[ModuleType, ModuleType] | None:
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError:
        return None
    return pyarrow, pyarrow.parquet


def _arrow_type(pa: Any, kind: Kind) -> Any:
    return {
        "str": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_(),
        "date": pa.date32(), "list": pa.list_(pa.string()),
    }[kind]  # fmt: skip


def _arrow_table(pa: Any, schema: Any, rows: list[list[Any]]) -> Any:
    """Rows (lists of typed cells) as an Arrow table of ``schema``."""
    columns = list(zip(*rows, strict=True)) if rows else [() for _ in schema]
    arrays = [pa.array(list(v), type=f.type) for v, f in zip(columns, schema, strict=True)]
    return pa.Table.from_arrays(arrays, schema=schema)


class _Sink(Protocol):
    rows: int

    def add(self, row: list[Any]) -> None: ...

    def finish(self) -> list[Path]: ...

    def abandon(self) -> None: ...


class _CsvSink:
    """One CSV table, written to a temporary file and renamed at the end."""

    def __init__(self, path: Path, columns: Sequence[Column]) -> None:
        self.rows = 0
        self.path = path
        self._file = Replacement.of(path)  # through a symlink, keeping the old file's mode
        self._handle: TextIO = self._file.open("w", encoding="utf-8", newline="")
        self._csv = csv.writer(self._handle)
        self._csv.writerow([c.name for c in columns])

    def add(self, row: list[Any]) -> None:
        self._csv.writerow([csv_cell(value) for value in row])
        self.rows += 1

    def finish(self) -> list[Path]:
        self._handle.close()
        self._file.commit()
        return [self.path]

    def abandon(self) -> None:
        with contextlib.suppress(Exception):  # must not hide why the run failed
            self._handle.close()
        self._file.discard()


class _StreamSink:
    """One CSV table written straight to an open text stream (stdout)."""

    def __init__(self, handle: TextIO, columns: Sequence[Column]) -> None:
        self.rows = 0
        self._csv = csv.writer(handle)
        self._header: list[str] | None = [c.name for c in columns]

    def add(self, row: list[Any]) -> None:
        self._head()
        self._csv.writerow([csv_cell(value) for value in row])
        self.rows += 1

    def finish(self) -> list[Path]:
        self._head()  # a table without rows is its header
        return []

    def _head(self) -> None:
        """The header, written with the first row or at the end: an input refused once read
        (no result in it) leaves nothing on the stream."""
        if self._header is not None:
            self._csv.writerow(self._header)
            self._header = None

    def abandon(self) -> None:
        return None


class _ParquetSink:
    """One typed Parquet table, written in row groups to a temporary file."""

    def __init__(self, path: Path, columns: Sequence[Column], arrow: tuple[Any, Any]) -> None:
        self.rows = 0
        self.path = path
        self._replacement = Replacement.of(path)
        self._pa, pq = arrow
        self._schema = self._pa.schema([(c.name, _arrow_type(self._pa, c.kind)) for c in columns])
        self._buffer: list[list[Any]] = []
        # opened here: pyarrow cannot encode a file name that is not UTF-8
        self._file = self._replacement.open("wb")
        self._writer: Any = pq.ParquetWriter(self._file, self._schema)

    def add(self, row: list[Any]) -> None:
        self._buffer.append(row)
        self.rows += 1
        if len(self._buffer) >= BATCH_ROWS:
            self._flush()

    def _flush(self) -> None:
        if self._buffer:
            self._writer.write_table(_arrow_table(self._pa, self._schema, self._buffer))
            self._buffer = []

    def finish(self) -> list[Path]:
        self._flush()
        self._writer.close()
        self._file.close()
        self._replacement.commit()
        return [self.path]

    def abandon(self) -> None:
        with contextlib.suppress(Exception):
            self._writer.close()
        with contextlib.suppress(Exception):
            self._file.close()
        self._replacement.discard()


class _Database:
    """A DuckDB database file holding every table, built in a temporary file.

    Tables are created from Arrow tables through DuckDB's relational API
    (``from_arrow(...).create(name)`` / ``insert_into``): no SQL text is
    built from names or values.
    """

    def __init__(self, path: Path, arrow: tuple[Any, Any]) -> None:
        import duckdb

        self.path = path
        self._file = _utf8_replacement(path)  # through a symlink, keeping the old file's mode
        self._tmp = self._file.clear()
        self._pa = arrow[0]
        self._wal.unlink(missing_ok=True)
        self._names = contextlib.ExitStack()  # what holds the name DuckDB opens, until closed
        try:
            name = self._names.enter_context(duckdb_name(self._tmp, named=path))
            self.connection: Any = duckdb.connect(name)
        except BaseException:
            self._names.close()
            raise

    @property
    def _wal(self) -> Path:
        return self._tmp.with_name(self._tmp.name + ".wal")

    def table(self, name: str, columns: Sequence[Column]) -> _DuckSink:
        return _DuckSink(
            self, name, self._pa.schema([(c.name, _arrow_type(self._pa, c.kind)) for c in columns])
        )

    def finish(self) -> list[Path]:
        self.connection.execute("CHECKPOINT")
        self.connection.close()
        self._names.close()
        self._file.commit()
        return [self.path]

    def abandon(self) -> None:
        with contextlib.suppress(Exception):
            self.connection.close()
        self._names.close()
        for path in (self._tmp, self._wal):
            with contextlib.suppress(OSError):
                path.unlink(missing_ok=True)


class _DuckSink:
    """One table of a :class:`_Database`, inserted in batches of Arrow rows."""

    def __init__(self, database: _Database, name: str, schema: Any) -> None:
        self.rows = 0
        self._database = database
        self._name = name
        self._schema = schema
        self._buffer: list[list[Any]] = []
        self._insert(create=True)  # the table exists, with its types, even when empty

    def add(self, row: list[Any]) -> None:
        self._buffer.append(row)
        self.rows += 1
        if len(self._buffer) >= BATCH_ROWS:
            self._insert()

    def _insert(self, *, create: bool = False) -> None:
        table = _arrow_table(self._database._pa, self._schema, self._buffer)
        relation = self._database.connection.from_arrow(table)
        if create:
            relation.create(self._name)
        elif self._buffer:
            relation.insert_into(self._name)
        self._buffer = []

    def finish(self) -> list[Path]:
        if self._buffer:
            self._insert()
        return []

    def abandon(self) -> None:
        self._buffer = []


# ------------------------------------------------------------------ the run


#: How many results with unread records :meth:`FlattenSummary.warnings` names one by one.
_NOTES_SHOWN = 10


@dataclass
class FlattenSummary:
    """What :func:`flatten` wrote and what it could not read."""

    rows: dict[str, int] = field(default_factory=dict)
    files: list[Path] = field(default_factory=list)
    #: Results read (one per doc_id: the last line of each wins).
    documents: int = 0
    #: Results by their status: ok, error, skipped.
    statuses: dict[str, int] = field(default_factory=dict)
    #: Records read, of every type.
    records: int = 0
    #: Lines (or entries of a JSON array) that are not results, by number.
    bad_lines: list[int] = field(default_factory=list)
    torn_last_line: bool = False
    #: Records of types not registered here: in ``events`` only.
    unknown_types: dict[str, int] = field(default_factory=dict)
    #: Values that could not be read as their column's type (left empty).
    bad_values: int = 0
    #: Records that could not be read back as their type (their ``events`` row
    #: has no dates, countries or actors; their type row has what could be read).
    unreadable_records: int = 0
    #: Whether the input held anything but white space.
    input_empty: bool = True
    #: What was said of each result whose records were not read (an error or skipped
    #: line carrying records: :func:`~extractor.io.output.predicted_records`).
    unread: list[str] = field(default_factory=list)
    #: Records whose ``id`` an earlier record of their document already had, renamed
    #: ``<id>#2``, ``#3`` ... in every table (:meth:`_Rows.record_id`): a different record
    #: under the same id, and a copy of one (same content) under it.
    renamed_ids: int = 0
    copied_ids: int = 0
    #: What was said of each result some of whose records carry another document's
    #: ``doc_id`` (filed under their line's all the same:
    #: :func:`~extractor.io.output.foreign_records_note`).
    foreign: list[str] = field(default_factory=list)
    #: Pairs of ids (doc_ids, or record ids of one document) that differ only in Unicode
    #: composition: kept as written, two ids (:meth:`_Rows._spelt`).
    composed: list[tuple[str, str]] = field(default_factory=list)

    @property
    def composed_note(self) -> str | None:
        """The one sentence naming ids written two ways (NFC/NFD); None: none was."""
        if not self.composed:
            return None
        shown = ", ".join(f"{a!a} and {b!a}" for a, b in self.composed[:_NOTES_SHOWN])
        more = len(self.composed) - _NOTES_SHOWN
        return (
            f"{len(self.composed):,} id(s) differ from an earlier id only in Unicode "
            f"composition (NFC/NFD): {shown}{f' and {more:,} more' if more > 0 else ''}; "
            "flatten keeps them as written, two ids, while eval reads them as one document: "
            "write each id one way to join them"
        )

    @property
    def renamed_note(self) -> str | None:
        """The one sentence on records renamed for repeating an id (None: none was)."""
        if not (self.renamed_ids or self.copied_ids):
            return None
        return (
            f"{self.renamed_ids + self.copied_ids:,} record(s) repeat the id of an earlier "
            f"record ({self.renamed_ids:,} a different record, {self.copied_ids:,} a copy of "
            "it, in the same document; written by another tool, or edited): each is renamed "
            "<id>#2, #3 ... in every table, so that record_id is a key of each document's rows"
        )

    def warnings(self) -> list[str]:
        """What a user should know about the run, one sentence each (the CLI prints them)."""
        out: list[str] = []
        if self.torn_last_line:
            out.append(
                "the last line is unfinished (a bulk run still running or killed) and was "
                "skipped; rerun `extractor bulk` to complete it"
            )
        for kind, count in self.unknown_types.items():
            out.append(
                f"{count:,} record(s) of unknown type {clean_surrogates(repr(kind))} are in the "
                "events table only; install the package that defines the type for its own table"
            )
        out.extend(self.unread[:_NOTES_SHOWN])
        if len(self.unread) > _NOTES_SHOWN:
            out.append(
                f"and {len(self.unread) - _NOTES_SHOWN:,} more result(s) not ok whose records "
                "were not read"
            )
        out.extend(self.foreign[:_NOTES_SHOWN])
        if len(self.foreign) > _NOTES_SHOWN:
            out.append(
                f"and {len(self.foreign) - _NOTES_SHOWN:,} more result(s) with records that "
                "carry another doc_id (filed under their line's)"
            )
        if self.renamed_note is not None:
            out.append(self.renamed_note)
        if self.composed_note is not None:
            out.append(self.composed_note)
        if self.unreadable_records:
            out.append(
                f"{self.unreadable_records:,} record(s) could not be read as their type (a "
                "damaged line, or written by another version): their events rows have no dates, "
                "countries or actors"
            )
        if self.bad_values:
            out.append(
                f"{self.bad_values:,} value(s) could not be read as their column's type (a "
                "number or date that is not one, a list where a name belongs) and were left empty"
            )
        if self.documents == 0 and self.input_empty:
            out.append("the input is empty: every table was written without rows")
        elif self.documents and not self.records:
            states = ", ".join(f"{n:,} {s}" for s, n in sorted(self.statuses.items()))
            out.append(
                f"{self.documents:,} result(s) ({states}) but no records: the record tables are "
                "empty (see the documents table for errors)"
            )
        return out


def output_format(output: str | os.PathLike[str]) -> OutputFormat:
    """The format an output name asks for: ``.duckdb``/``.ddb``/``.db`` a DuckDB file,
    ``.parquet`` a folder of Parquet files, anything else a folder of CSV files."""
    suffix = Path(output).suffix.lower()
    if suffix in DUCKDB_SUFFIXES:
        return "duckdb"
    return "parquet" if suffix == ".parquet" else "csv"


def flatten(
    source: str | os.PathLike[str] | IO[bytes],
    output: str | os.PathLike[str],
    *,
    parquet: bool | None = None,
    tables: Sequence[str] | None = None,
) -> FlattenSummary:
    """Write the tables of a results file (see the module doc) to ``output``.

    ``source``: a path, or a binary file object such as ``sys.stdin.buffer``
    (spooled to a temporary file first: the reader reads twice). ``output``:
    a ``.duckdb`` file, a ``.parquet`` folder or a CSV folder
    (:func:`output_format`). ``parquet`` applies to a CSV folder: None also
    writes Parquet when pyarrow is importable, True requires it, False
    never. ``tables`` limits the tables written. Lines that are not results
    are skipped and listed by number in the summary; an unfinished last line
    (a run in progress, or killed) is skipped and flagged as ``torn_last_line``.
    """
    if not os.fspath(output):  # Path("") is the current folder: a mistake, not a choice
        raise ConfigurationError(
            "-o is empty: give a folder name for the tables, or a .duckdb file"
        )
    packed = packed_suffix(output)
    if packed:
        raise ConfigurationError(
            f"{_shown(Path(output))}: names a {packed} file, but the tables are written plain "
            f"(a DuckDB file, or a folder of CSV or Parquet files); give -o "
            f"{_shown(Path(output).with_suffix(''))} and compress it once written"
        )
    with _readable(source) as (path, label):
        return _flatten(path, label, output, parquet=parquet, tables=tables)


def flatten_csv(
    source: str | os.PathLike[str] | IO[bytes], handle: TextIO, table: str
) -> FlattenSummary:
    """Write one table as CSV on an open text stream (``extractor flatten -o - --table T``)."""
    chosen = _chosen(table_columns(), [table])
    with _readable(source) as (path, label):
        summary = FlattenSummary()
        sink = _StreamSink(handle, chosen[table])
        _fill(path, {table: [sink]}, _Rows(chosen, _specs(), summary))
        refuse_no_results(
            label, results=summary.documents, bad_lines=len(summary.bad_lines),
            torn=summary.torn_last_line, empty=summary.input_empty, kept="nothing is written",
        )  # fmt: skip
        sink.finish()
        summary.rows[table] = sink.rows
    return summary


def _specs() -> dict[str, RecordSpec]:
    return {spec.name: spec for spec in registered_types()}


def _fill(path: Path, sinks: Mapping[str, Sequence[_Sink]], rows: _Rows) -> None:
    """Read every result of ``path`` into the sinks of its tables."""
    for line in _results(path, rows.summary):
        for table, row in rows.of(line):
            for sink in sinks[table]:
                sink.add(row)


@contextlib.contextmanager
def _readable(source: str | os.PathLike[str] | IO[bytes]) -> Iterator[tuple[Path, str]]:
    """The input as a regular file and its name for messages; a stream is spooled first."""
    if not isinstance(source, str | os.PathLike):
        with _spooled(source) as spooled, said_of(spooled, "stdin"):
            yield spooled, "stdin"
        return
    path = Path(source)
    problem = _not_a_file(path)
    if problem is not None:
        raise InputError(
            f"{problem}: give the JSONL of `extractor bulk` or the JSON of `extractor extract`",
            source=_shown(path),
        )
    yield path, _shown(path)


@contextlib.contextmanager
def _spooled(stream: IO[bytes]) -> Iterator[Path]:
    handle, name = tempfile.mkstemp(prefix="extractor-flatten-", suffix=".jsonl")
    try:
        with os.fdopen(handle, "wb") as spool:
            shutil.copyfileobj(stream, spool)
        yield Path(name)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(name)


def _flatten(
    source: Path,
    label: str,
    output: str | os.PathLike[str],
    *,
    parquet: bool | None,
    tables: Sequence[str] | None,
) -> FlattenSummary:
    kind = output_format(output)
    arrow = _pyarrow() if (kind != "csv" or parquet is not False) else None
    if arrow is None and (kind != "csv" or parquet):
        what = "DuckDB" if kind == "duckdb" else "Parquet"
        raise ConfigurationError(f"{what} output needs pyarrow: {_TABLES_EXTRA}")
    if kind == "duckdb" and not duckdb_available():
        raise ConfigurationError(f"DuckDB output needs duckdb: {_TABLES_EXTRA}")
    chosen = _chosen(table_columns(), tables)
    target = Path(output)
    sinks: dict[str, list[_Sink]] = {}
    database: _Database | None = None
    made = False  # the folder of tables was made by this call: gone again if it fails
    try:
        if kind == "duckdb":
            target = Path(os.path.realpath(target))  # a symlink stays one; its target is replaced
            _refuse_foreign_database(target)
            target.parent.mkdir(parents=True, exist_ok=True)
            assert arrow is not None  # checked above
            database = _Database(target, arrow)
            sinks = {name: [database.table(name, cols)] for name, cols in chosen.items()}
        else:
            made = not os.path.lexists(target)
            target.mkdir(parents=True, exist_ok=True)
            _refuse_foreign_folder(target, arrow is not None)
            for name, cols in chosen.items():
                sinks[name] = []
                if kind == "csv":
                    sinks[name].append(_CsvSink(target / f"{name}.csv", cols))
                if arrow is not None:
                    sinks[name].append(_ParquetSink(target / f"{name}.parquet", cols, arrow))
    except Exception as error:
        _abandon(sinks, database)
        # ValueError: an embedded NUL in the name
        reason = _write_reason(error) or (str(error) if isinstance(error, ValueError) else None)
        if reason is None:
            raise
        where = "a file" if kind == "duckdb" else "a folder"
        raise ConfigurationError(
            f"{_shown(target)}: cannot write the tables there ({reason}); "
            f"give -o {where} you can write to"
        ) from None
    except BaseException:
        _abandon(sinks, database)
        raise
    summary = FlattenSummary()
    try:
        _fill(source, sinks, _Rows(chosen, _specs(), summary))
        refuse_no_results(
            label, results=summary.documents, bad_lines=len(summary.bad_lines),
            torn=summary.torn_last_line, empty=summary.input_empty,
            kept="the previous tables are untouched",
        )  # fmt: skip
        for name, table_sinks in sinks.items():
            for sink in table_sinks:
                summary.files += sink.finish()
            summary.rows[name] = table_sinks[0].rows
        if database is not None:
            summary.files += database.finish()
    except BaseException as error:
        _abandon(sinks, database)
        if made:
            with contextlib.suppress(OSError):
                target.rmdir()  # only when empty
        why = _write_reason(error)
        if why is not None:
            raise InputError(
                f"flattening failed ({why}); the previous tables are untouched", source=label
            ) from None
        raise
    return summary


def _write_reason(error: BaseException) -> str | None:
    """Why the tables could not be written, in a few words (a full disk, a permission), or
    None when ``error`` is no such failure. DuckDB says a full disk with its own
    IOException or TransactionException, not OSError: its message is cut to the reason,
    without its prefix and file names."""
    if isinstance(error, OSError):
        return _reason(error)
    duckdb = sys.modules.get("duckdb")
    if duckdb is None or not isinstance(error, duckdb.Error):
        return None
    text = str(error).splitlines()[0] if str(error) else type(error).__name__
    return text.rpartition(": ")[2] or text


def _abandon(sinks: Mapping[str, list[_Sink]], database: _Database | None) -> None:
    for table_sinks in sinks.values():
        for sink in table_sinks:
            sink.abandon()
    if database is not None:
        database.abandon()


def _refuse_foreign_folder(folder: Path, parquet: bool) -> None:
    """A folder of tables is written into only when what it holds is flatten's.

    A table file flatten would not write now (a plugin type's table from an
    earlier run, the user's own ``data.csv``) would stay beside the new tables
    and describe other documents; a table file holding extraction results (a
    bulk output renamed ``documents.csv``) would be replaced. Either is refused,
    with the file named, before anything is written.
    """
    ours = set(table_columns())
    try:
        entries = sorted(os.listdir(folder))
    except OSError:
        return  # the writers say why
    foreign = [
        name for name in entries
        if (stem_suffix := os.path.splitext(name))[1].lower() in (".csv", ".parquet")
        and stem_suffix[0] not in ours
    ]  # fmt: skip
    if foreign:
        shown = ", ".join(clean_surrogates(name) for name in foreign[:5])
        more = f" and {len(foreign) - 5} more" if len(foreign) > 5 else ""
        raise ConfigurationError(
            f"{_shown(folder)}: a folder holding tables flatten does not write now "
            f"({shown}{more}); they would stay beside the new tables and describe other "
            "documents: give -o a new folder, or remove them"
        )
    for name in sorted(ours):
        for suffix in (".csv", ".parquet") if parquet else (".csv",):
            check_replaceable(folder / f"{name}{suffix}", "table")


def _refuse_foreign_database(target: Path) -> None:
    """An existing file is replaced only when it is a DuckDB database (a typo in -o
    must not cost a file that is not ours)."""
    try:
        mode = os.stat(target).st_mode
    except FileNotFoundError:
        return
    except OSError as error:
        raise ConfigurationError(f"{_shown(target)}: cannot be used ({_reason(error)})") from None
    if stat.S_ISDIR(mode):
        raise ConfigurationError(
            f"{_shown(target)}: a folder; give -o a file name ending in .duckdb"
        )
    if not stat.S_ISREG(mode):  # never read a FIFO or device: the read would wait forever
        raise ConfigurationError(
            f"{_shown(target)}: not a regular file (a pipe or a device); give -o a file name "
            "ending in .duckdb"
        )
    try:
        with open(target, "rb") as handle:
            head = handle.read(12)
    except FileNotFoundError:
        return
    if head[8:12] != b"DUCK":
        raise ConfigurationError(
            f"{_shown(target)}: exists and is not a DuckDB database; give -o another name "
            "or remove the file"
        )
    foreign = _foreign_tables(target)
    if foreign:
        shown = ", ".join(foreign[:5]) + (
            f" and {len(foreign) - 5} more" if len(foreign) > 5 else ""
        )
        raise ConfigurationError(
            f"{_shown(target)}: a DuckDB database holding what flatten does not write ({shown}); "
            "it would be replaced whole: give -o a new file, or attach it in DuckDB and copy "
            "the tables in"
        )


def _foreign_tables(target: Path) -> list[str]:
    """The tables, views and schemas of an existing DuckDB file that flatten never writes:
    a database holding them is someone's own, not an earlier output to replace."""
    import duckdb

    ours = set(table_columns())
    mine = "and database_name = current_database()"  # not the in-memory one it is attached to
    try:
        with duckdb_name(target) as name, duckdb.connect() as connection:
            # attached under a name of ours: DuckDB names a database it opens after its
            # file, which it cannot when that name is not UTF-8 (:func:`duckdb_name`)
            connection.execute("attach ? as theirs (read_only)", [name])
            connection.execute("use theirs")
            names = connection.execute(
                f"select schema_name, table_name from duckdb_tables() where not internal {mine} "
                f"union all select schema_name, view_name from duckdb_views() where not internal "
                f"{mine} union all select schema_name, null from duckdb_schemas() "
                f"where not internal {mine}"
            ).fetchall()
    except duckdb.Error as error:
        reason = (str(error).splitlines() or [type(error).__name__])[0]
        raise ConfigurationError(
            f"{_shown(target)}: cannot read this DuckDB database ({reason}); "
            "give -o another name or close what holds it"
        ) from None
    found: set[str] = set()
    for schema, name in names:
        if name is None:  # a schema of its own
            found.add(f"schema {schema}")
        elif schema != "main":
            found.add(f"{schema}.{name}")
        elif name not in ours:
            found.add(str(name))
    return sorted(found)


#: Where Linux names a process's open files; a folder opened there is a UTF-8 name of it.
_FD_FOLDER = "/proc/self/fd"


def _utf8(text: str) -> bool:
    """Whether ``text`` encodes to UTF-8 (no lone surrogate: a file name's undecodable byte)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _utf8_replacement(path: Path) -> Replacement:
    """:class:`Replacement` of ``path`` whose temporary file has a UTF-8 name: DuckDB creates
    it (:func:`duckdb_name`), and the name of ``path`` need not be UTF-8. The escape is one
    to one (:func:`escape_surrogates`), so two targets never share a temporary file."""
    replacement = Replacement.of(path)
    if _utf8(replacement.temporary.name):
        return replacement
    return Replacement(replacement.target, utf8_temporary_path(replacement.target, os.getpid()))


@contextlib.contextmanager
def duckdb_name(path: Path, *, named: Path | None = None) -> Iterator[str]:
    """A name by which DuckDB opens ``path``, valid for the block.

    Why: DuckDB takes a file name as UTF-8 only. A name that is not (the byte 0xff
    given on a POSIX command line: a lone surrogate to Python) failed deep inside it
    with ``std::bad_cast``, a traceback. Such a path is opened here instead, its
    folder (when only the folder's name is not UTF-8) or the file itself, and given to
    DuckDB through :data:`_FD_FOLDER`, whose names are ASCII. Where there is no such
    folder (not Linux), it is refused in one line (exit 2) naming the path, escaped
    (``named``: the output the user gave, when ``path`` is its temporary file).
    """
    text = os.fspath(path)
    if _utf8(text):
        yield text
        return
    if not os.path.isdir(_FD_FOLDER):
        raise ConfigurationError(
            f"{_shown(named or path)}: DuckDB cannot open a path that is not UTF-8 on this "
            "system; "
            "give -o a name in UTF-8"
        )
    whole = not _utf8(path.name)  # an existing file, read: opened itself
    flags = os.O_RDONLY | getattr(os, "O_CLOEXEC", 0) | (0 if whole else os.O_DIRECTORY)
    fd = os.open(path if whole else path.parent, flags)
    try:
        yield f"{_FD_FOLDER}/{fd}" if whole else f"{_FD_FOLDER}/{fd}/{path.name}"
    finally:
        os.close(fd)


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
        return "not a regular file (a pipe or a device: pipe it into `extractor flatten -`)"
    return None


def _shown(path: Path) -> str:
    """A path for a message: printable even when the name is not UTF-8."""
    return clean_surrogates(str(path))


def _reason(error: OSError) -> str:
    where = f": {clean_surrogates(str(error.filename))}" if error.filename else ""
    return f"{error.strerror or type(error).__name__}{where}"


# ------------------------------------------------------------------ reading


def _results(source: Path, summary: FlattenSummary) -> Iterator[Mapping[str, Any]]:
    """The results of the file, one per ``doc_id`` (the last wins), in file order.

    JSONL (bulk's output, or JSONL of extract results) is read by
    :func:`latest_lines`; a file that is one JSON document over several lines
    (``extract``'s pretty-printed output, or an array of results) is parsed whole.
    """
    summary.input_empty = first_line(source) is None
    whole = whole_json(source)
    if whole is not None:
        yield from _latest(whole, summary)
        return
    bad: list[tuple[int, bytes]] = []
    seen: set[str] = set()
    for line in latest_lines(source, on_bad_line=lambda n, raw: bad.append((n, raw))):
        seen.add(line["doc_id"])
        yield as_result_line(line)
    for number, raw in bad:
        last = _parsed(raw)
        if is_anonymous_result(last):  # a result without an id: a document of its own
            yield as_result_line(last)
            continue
        if raw.endswith(b"\n"):
            summary.bad_lines.append(number)
            continue
        # no final newline: complete JSON is a result, else a torn line
        if is_result(last) and last["doc_id"] not in seen:
            yield as_result_line(last)
        elif last is not _NOT_JSON and not is_result(last):
            summary.bad_lines.append(number)
        else:
            summary.torn_last_line = True


#: What :func:`_parsed` gives for bytes that are no JSON (``null`` is None).
_NOT_JSON = object()


def _parsed(raw: bytes) -> Any:
    try:
        return json.loads(raw)
    except (ValueError, RecursionError):
        return _NOT_JSON


def _latest(entries: list[Any], summary: FlattenSummary) -> Iterator[Mapping[str, Any]]:
    for number, entry in latest_entries(entries):
        if is_result(entry) or is_anonymous_result(entry):
            yield entry
        else:
            summary.bad_lines.append(number)
