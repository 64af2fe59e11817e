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
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any, Literal, TextIO

from extractor.errors import ConfigurationError, InputError

__all__ = ["TABLES", "Column", "FlattenSummary", "flatten", "parquet_available"]

Kind = Literal["str", "int", "float", "bool"]
Getter = Callable[[Mapping[str, Any], Mapping[str, Any]], Any]
"""(record, line) -> cell value."""

SEPARATOR = "; "
PARQUET_ROW_GROUP = 10_000


@dataclass(frozen=True, slots=True)
class Column:
    """One output column: its name, its Parquet type, and how to read it from a record."""

    name: str
    kind: Kind
    get: Getter


# ----------------------------------------------------------------- readers


def _at(data: Any, *path: str | int) -> Any:
    """``data[path[0]][path[1]]...``, None as soon as a step is missing."""
    for step in path:
        if isinstance(step, int):
            data = data[step] if isinstance(data, list) and len(data) > step else None
        else:
            data = data.get(step) if isinstance(data, Mapping) else None
        if data is None:
            return None
    return data


def _field(*path: str | int) -> Getter:
    return lambda record, line: _at(record, *path)


def _names(key: str) -> Getter:
    """The display names of a list of actors, joined."""

    def get(record: Mapping[str, Any], line: Mapping[str, Any]) -> str | None:
        actors = record.get(key) or []
        names = [_display(a) for a in actors if isinstance(a, Mapping)]
        return SEPARATOR.join(n for n in names if n) or None

    return get


def _titles(key: str) -> Getter:
    def get(record: Mapping[str, Any], line: Mapping[str, Any]) -> str | None:
        actors = record.get(key) or []
        titles = [str(a.get("title") or "") for a in actors if isinstance(a, Mapping)]
        return SEPARATOR.join(titles) if any(titles) else None

    return get


def _display(actor: Any) -> str | None:
    if not isinstance(actor, Mapping):
        return None
    name = actor.get("canonical_name") or actor.get("name")
    return str(name) if name else None


def _actor(key: str) -> Getter:
    return lambda record, line: _display(record.get(key))


def _joined(key: str) -> Getter:
    def get(record: Mapping[str, Any], line: Mapping[str, Any]) -> str | None:
        values = record.get(key) or []
        return SEPARATOR.join(str(v) for v in values if v is not None) or None

    return get


def _date_end(key: str) -> Getter:
    return lambda record, line: _at(record, key, "end")


def _line(key: str) -> Getter:
    return lambda record, line: line.get(key)


def _visit_end(record: Mapping[str, Any], line: Mapping[str, Any]) -> Any:
    """A visit's end: its own end date, else the end of a start given as a range."""
    return _at(record, "end", "value") or _at(record, "start", "end")


def _items(record: Mapping[str, Any], line: Mapping[str, Any]) -> str | None:
    parts = []
    for item in record.get("items") or []:
        if not isinstance(item, Mapping):
            continue
        text = str(item.get("designation") or "")
        if item.get("quantity") is not None:
            text += f" x{item['quantity']}"
        parts.append(text)
    return SEPARATOR.join(parts) or None


def _item_categories(record: Mapping[str, Any], line: Mapping[str, Any]) -> str | None:
    found = [
        str(item["category"])
        for item in record.get("items") or []
        if isinstance(item, Mapping) and item.get("category")
    ]
    return SEPARATOR.join(dict.fromkeys(found)) or None


def _item_quantity(record: Mapping[str, Any], line: Mapping[str, Any]) -> int | None:
    quantities = [
        item["quantity"]
        for item in record.get("items") or []
        if isinstance(item, Mapping) and isinstance(item.get("quantity"), int)
    ]
    return sum(quantities) if quantities else None


# ----------------------------------------------------------------- columns


def _place(key: str = "place") -> list[Column]:
    return [
        Column("place", "str", _field(key, "text")),
        Column("place_country", "str", _field(key, "country")),
        Column("admin1", "str", _field(key, "admin1")),
        Column("latitude", "float", _field(key, "lat")),
        Column("longitude", "float", _field(key, "lon")),
    ]


def _date(key: str, name: str) -> list[Column]:
    return [
        Column(name, "str", _field(key, "value")),
        Column(f"{name}_end", "str", _date_end(key)),
        Column(f"{name}_precision", "str", _field(key, "precision")),
        Column(f"{name}_text", "str", _field(key, "text")),
    ]


def _count(key: str) -> list[Column]:
    return [
        Column(f"{key}_low", "int", _field(key, "low")),
        Column(f"{key}_best", "int", _field(key, "best")),
        Column(f"{key}_high", "int", _field(key, "high")),
        Column(f"{key}_qualifier", "str", _field(key, "qualifier")),
        Column(f"{key}_text", "str", _field(key, "text")),
    ]


_HEAD = [
    Column("record_id", "str", _field("id")),
    Column("doc_id", "str", lambda record, line: record.get("doc_id") or line.get("doc_id")),
    Column("published", "str", _line("published")),
    Column("status", "str", _field("status")),
]
_TAIL = [
    Column("attribution", "str", _field("attribution")),
    Column("evidence", "str", _field("evidence", "quote")),
    Column("evidence_start", "int", _field("evidence", "start")),
    Column("evidence_end", "int", _field("evidence", "end")),
    Column("alignment", "str", _field("evidence", "alignment")),
    Column("plover_category", "str", _field("plover_event", "category")),
    Column("plover_mode", "str", _field("plover_event", "mode")),
]

_VISIT = [
    Column("visitors", "str", _names("visitors")),
    Column("visitor_titles", "str", _titles("visitors")),
    Column("visitor_country", "str", _field("visitor_country")),
    Column("hosts", "str", _names("hosts")),
    Column("host_titles", "str", _titles("hosts")),
    Column("host_country", "str", _field("host_country")),
    *_place(),
    Column("start", "str", _field("start", "value")),
    Column("start_precision", "str", _field("start", "precision")),
    Column("start_text", "str", _field("start", "text")),
    Column("end", "str", _visit_end),
    Column("end_precision", "str", _field("end", "precision")),
    Column("level", "str", _field("level")),
    Column("purpose", "str", _field("purpose")),
]
_MEETING = [
    Column("participants", "str", _names("participants")),
    Column("participant_titles", "str", _titles("participants")),
    Column("countries", "str", _joined("countries")),
    Column("format", "str", _field("format")),
    *_place(),
    *_date("date", "date"),
    Column("topics", "str", _joined("topics")),
    Column("outcome", "str", _field("outcome")),
]
_ARMS = [
    Column("supplier", "str", _actor("supplier")),
    Column("supplier_country", "str", _field("supplier", "country")),
    Column("recipient", "str", _actor("recipient")),
    Column("recipient_country", "str", _field("recipient", "country")),
    Column("end_user", "str", _actor("end_user")),
    Column("end_user_country", "str", _field("end_user", "country")),
    Column("items", "str", _items),
    Column("item_categories", "str", _item_categories),
    Column("item_quantity", "int", _item_quantity),
    Column("value_amount", "float", _field("value", "amount")),
    Column("value_currency", "str", _field("value", "currency")),
    Column("value_text", "str", _field("value", "text")),
    *_date("order_date", "order_date"),
    *_date("delivery_date", "delivery_date"),
    Column("deal_status", "str", _field("deal_status")),
    Column("transfer_type", "str", _field("transfer_type")),
]
_CASUALTY = [
    *_count("killed"),
    *_count("injured"),
    Column("country", "str", _field("country")),
    *_place(),
    *_date("date", "date"),
    Column("scope", "str", _field("scope")),
    Column("violence_type", "str", _field("violence_type")),
    Column("perpetrator", "str", _actor("perpetrator")),
    Column("perpetrator_country", "str", _field("perpetrator", "country")),
    Column("victims", "str", _field("victims")),
]
_DOCUMENT = [
    Column("doc_id", "str", _line("doc_id")),
    Column("status", "str", _line("status")),
    Column("published", "str", _line("published")),
    Column("title", "str", _line("title")),
    Column("url", "str", _line("url")),
    Column("source", "str", _line("source")),
    Column("visits", "int", lambda record, line: _at(line, "counts", "visit")),
    Column("meetings", "int", lambda record, line: _at(line, "counts", "meeting")),
    Column("arms_transfers", "int", lambda record, line: _at(line, "counts", "arms_transfer")),
    Column("casualty_reports", "int", lambda record, line: _at(line, "counts", "casualty_report")),
    Column("model", "str", _line("model")),
    Column("prompt_version", "str", _line("prompt_version")),
    Column("schema_version", "str", _line("schema_version")),
    Column("strategy", "str", _line("strategy")),
    Column("prompt_tokens", "int", lambda record, line: _at(line, "usage", "prompt_tokens")),
    Column(
        "completion_tokens", "int", lambda record, line: _at(line, "usage", "completion_tokens")
    ),
    Column("seconds", "float", _line("seconds")),
    Column("warnings", "str", lambda record, line: SEPARATOR.join(line.get("warnings") or [])),
    Column("error_type", "str", lambda record, line: _at(line, "error", "type")),
    Column("error_kind", "str", lambda record, line: _at(line, "error", "kind")),
    Column("error_message", "str", lambda record, line: _at(line, "error", "message")),
    Column("duplicate_of", "str", _line("duplicate_of")),
]

#: Table name -> its columns; the record tables are keyed by the record's ``type``.
TABLES: dict[str, list[Column]] = {
    "visits": [*_HEAD, *_VISIT, *_TAIL],
    "meetings": [*_HEAD, *_MEETING, *_TAIL],
    "arms_transfers": [*_HEAD, *_ARMS, *_TAIL],
    "casualty_reports": [*_HEAD, *_CASUALTY, *_TAIL],
    "documents": _DOCUMENT,
}
_TABLE_OF_TYPE = {
    "visit": "visits",
    "meeting": "meetings",
    "arms_transfer": "arms_transfers",
    "casualty_report": "casualty_reports",
}


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


def _cell(value: Any, kind: Kind) -> Any:
    """A value as the column's type; None stays None (an empty CSV cell, a Parquet null)."""
    if value is None or value == "":
        return None
    try:
        if kind == "int":
            return int(value)
        if kind == "float":
            return float(value)
    except (TypeError, ValueError):
        return None
    if kind == "bool":
        return bool(value)
    return value if isinstance(value, str) else str(value)


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

    def add(self, record: Mapping[str, Any], line: Mapping[str, Any]) -> None:
        row = [_cell(column.get(record, line), column.kind) for column in self.columns]
        self._csv.writerow(["" if value is None else value for value in row])
        self.rows += 1
        if self._parquet is not None:
            self._buffer.append(dict(zip((c.name for c in self.columns), row, strict=True)))
            if len(self._buffer) >= PARQUET_ROW_GROUP:
                self._flush_parquet()

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
        self._handle.close()
        if self._parquet is not None:
            self._parquet.close()
        for path in (self._csv_tmp, self._parquet_tmp):
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
    if not source.is_file():
        raise InputError(
            "no such file: give the JSONL written by `extractor bulk`", source=str(source)
        )
    arrow = _pyarrow() if parquet is not False else None
    if parquet and arrow is None:
        raise ConfigurationError("Parquet output needs pyarrow: pip install pyarrow")
    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    chosen = {name: TABLES[name] for name in (tables or TABLES)}
    open_tables = {name: _Table(name, columns, folder, arrow) for name, columns in chosen.items()}
    summary = FlattenSummary()
    try:
        for line in _read_lines(source, summary):
            _add_line(line, open_tables, summary)
    except BaseException:
        for table in open_tables.values():
            table.abandon()
        raise
    for name, table in open_tables.items():
        summary.files += table.finish()
        summary.rows[name] = table.rows
    return summary


def _read_lines(source: Path, summary: FlattenSummary) -> Iterator[Mapping[str, Any]]:
    """The JSON objects of the file, one at a time; bad lines are noted, not fatal."""
    with open(source, "rb") as handle:
        number = 0
        for number, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            try:
                line = json.loads(raw)
            except ValueError:
                line = None
            if isinstance(line, Mapping):
                yield line
            elif not raw.endswith(b"\n"):
                summary.torn_last_line = True
            else:
                summary.bad_lines.append(number)


def _add_line(
    line: Mapping[str, Any], tables: Mapping[str, _Table], summary: FlattenSummary
) -> None:
    summary.documents += 1
    documents = tables.get("documents")
    if documents is not None:
        documents.add({}, line)
    for record in line.get("records") or []:
        if not isinstance(record, Mapping):
            continue
        kind = str(record.get("type"))
        name = _TABLE_OF_TYPE.get(kind)
        if name is None:
            summary.unknown_types[kind] = summary.unknown_types.get(kind, 0) + 1
        elif name in tables:
            tables[name].add(record, line)
