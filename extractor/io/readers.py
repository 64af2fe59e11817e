"""Inputs to a stream of items: one Document or InputFailure per input unit.

A bulk run converts thousands of articles and must survive any single bad
one, so every unit (a file, an archive member, a JSONL line, a CSV row, a
WARC response) yields exactly one item and nothing here raises for a bad
document. The only exception is a path that does not exist at all: that is a
typo on the command line, and it is reported before any work starts.

Ids are stable across runs (paths, member names, id columns), which is what
makes ``--resume`` possible; a repeated id is reported, never merged.
"""

from __future__ import annotations

import codecs
import csv
import dataclasses
import glob
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, TypeAlias

from extractor.errors import InputError
from extractor.io.archives import (
    DEFAULT_MAX_ARCHIVE_BYTES,
    DEFAULT_MAX_MEMBER_BYTES,
    ArchiveEntry,
    Member,
    SizeCaps,
    iter_tar,
    iter_warc,
    iter_zip,
)
from extractor.io.decoding import guess_encoding, is_binary
from extractor.io.formats import RecordFields, document_format, parse_document, record_to_document
from extractor.pipeline.document import Document

__all__ = ["InputFailure", "Item", "iter_inputs", "read_file"]


@dataclass(frozen=True, slots=True)
class InputFailure:
    """An input unit that could not be turned into a Document, and why.

    It takes the document's place in the stream so that a bulk run can record
    the failure under the same stable id and carry on.
    """

    doc_id: str
    source: str
    error: str


Item: TypeAlias = Document | InputFailure

Container = Literal["jsonl", "csv", "zip", "tar", "warc"]
_CONTAINER_SUFFIXES: tuple[tuple[str, Container], ...] = (
    (".jsonl", "jsonl"),
    (".ndjson", "jsonl"),
    (".csv", "csv"),
    (".zip", "zip"),
    (".tar", "tar"),
    (".tar.gz", "tar"),
    (".tgz", "tar"),
    (".tar.bz2", "tar"),
    (".tar.xz", "tar"),
    (".warc", "warc"),
    (".warc.gz", "warc"),
)
_GLOB_MAGIC = re.compile(r"[*?[]")
_CSV_SNIFF_BYTES = 1024 * 1024


@dataclass(frozen=True, slots=True)
class _Unit:
    """A resolved command-line input: a directory to walk or a file to read."""

    path: str
    is_dir: bool
    explicit: bool  # named directly (an unsupported type is reported, not skipped)


@dataclass(frozen=True, slots=True)
class _Options:
    fields: RecordFields
    caps: SizeCaps


def iter_inputs(
    paths: Sequence[str | os.PathLike[str]] | str | os.PathLike[str],
    *,
    id_field: str = "id",
    text_field: str = "text",
    date_field: str = "published",
    title_field: str = "title",
    max_member_bytes: int = DEFAULT_MAX_MEMBER_BYTES,
    max_archive_bytes: int = DEFAULT_MAX_ARCHIVE_BYTES,
) -> Iterator[Item]:
    """Stream one item per input unit from files, directories, globs and archives.

    Directories are walked recursively in sorted order (``.txt``, ``.md``,
    ``.markdown``, ``.html``, ``.htm``; hidden entries and other types are
    skipped). Files may also be ``.jsonl``, ``.csv``, ``.zip``, ``.tar[.gz]``,
    ``.tgz`` or ``.warc[.gz]``. All paths are checked before anything is read:
    a missing path or a glob matching nothing raises :class:`InputError`. The
    second occurrence of an id becomes an :class:`InputFailure`.
    """
    if isinstance(paths, str | os.PathLike):
        paths = [paths]
    units = _resolve(paths)
    options = _Options(
        fields=RecordFields(id=id_field, text=text_field, date=date_field, title=title_field),
        caps=SizeCaps(member_bytes=max_member_bytes, total_bytes=max_archive_bytes),
    )
    return _flag_duplicates(_iter_units(units, options))


def read_file(path: str | os.PathLike[str], *, doc_id: str | None = None) -> Document:
    """Read one ``.txt``/``.md``/``.markdown``/``.html``/``.htm`` file as a Document.

    ``doc_id`` defaults to the path as given. Raises :class:`InputError`
    naming the path if it cannot be read or holds no text.
    """
    name = os.fspath(path)
    if document_format(name) is None:
        raise InputError(_unsupported(name), source=name)
    try:
        data = Path(name).read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read ({exc.strerror or exc})", source=name) from exc
    return parse_document(data, name=name, doc_id=doc_id or name, source=name)


# --------------------------------------------------------------- resolving


def _resolve(paths: Iterable[str | os.PathLike[str]]) -> list[_Unit]:
    """Check every path up front, so a typo fails the run before any work is done."""
    units: list[_Unit] = []
    for raw in paths:
        path = os.fspath(raw)
        if os.path.exists(path):
            units.append(_Unit(path, os.path.isdir(path), explicit=True))
        elif _GLOB_MAGIC.search(path):
            units.extend(_expand_glob(path))
        else:
            raise InputError("no such file or directory", source=path)
    return units


def _expand_glob(pattern: str) -> list[_Unit]:
    """Files a pattern matches; matched directories are walked unless it uses ``**``.

    With ``**`` the pattern already reaches into subdirectories, and walking
    the matched directories too would read their files twice.
    """
    matches = sorted(glob.glob(pattern, recursive=True))
    if not matches:
        raise InputError("no files match this pattern", source=pattern)
    walk_dirs = "**" not in pattern
    return [
        _Unit(match, is_dir=os.path.isdir(match), explicit=False)
        for match in matches
        if walk_dirs or not os.path.isdir(match)
    ]


def container_kind(name: str) -> Container | None:
    """The multi-document container a file name implies (``.jsonl``, ``.zip`` ...)."""
    lower = name.lower()
    kinds = [kind for suffix, kind in _CONTAINER_SUFFIXES if lower.endswith(suffix)]
    return kinds[0] if kinds else None


def _unsupported(name: str) -> str:
    suffix = Path(name).suffix or "(none)"
    return f"unsupported file type {suffix!r}"


# ------------------------------------------------------------------ units


def _iter_units(units: Iterable[_Unit], options: _Options) -> Iterator[Item]:
    for unit in units:
        if unit.is_dir:
            yield from _iter_directory(unit.path)
        else:
            yield from _iter_file(unit, options)


def _iter_file(unit: _Unit, options: _Options) -> Iterator[Item]:
    path = unit.path
    kind = container_kind(path)
    if kind == "jsonl":
        yield from _iter_jsonl(path, options.fields)
    elif kind == "csv":
        yield from _iter_csv(path, options.fields)
    elif kind is not None:
        yield from _iter_archive(path, kind, options.caps)
    elif document_format(path) is not None:
        yield _read_document(path, doc_id=path)
    elif unit.explicit:
        yield InputFailure(path, path, _unsupported(path))


def _iter_directory(root: str, prefix: str = "") -> Iterator[Item]:
    """Documents under ``root`` in sorted order, ids relative to the directory given.

    Hidden entries are skipped (``.git``, editor files), and symlinked
    directories are not followed, so a link cannot make the walk loop.
    """
    try:
        with os.scandir(root) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as exc:
        yield InputFailure(prefix or root, root, f"cannot list directory ({exc.strerror})")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        doc_id = f"{prefix}{entry.name}"
        if entry.is_dir(follow_symlinks=False):
            yield from _iter_directory(entry.path, f"{doc_id}/")
        elif entry.is_file() and document_format(entry.name) is not None:
            yield _read_document(entry.path, doc_id=doc_id)


def _read_document(path: str, *, doc_id: str) -> Item:
    try:
        return read_file(path, doc_id=doc_id)
    except InputError as exc:
        return InputFailure(doc_id, path, _reason(exc))


def _reason(exc: InputError) -> str:
    """The error message without the ``source: `` prefix InputError adds."""
    message = str(exc)
    prefix = f"{exc.source}: " if exc.source else ""
    return message.removeprefix(prefix)


# ------------------------------------------------------------------ JSONL


def _iter_jsonl(path: str, fields: RecordFields) -> Iterator[Item]:
    """One item per non-blank line; a bad line fails alone, as ``<file>:<lineno>``."""
    lineno = 0
    try:
        with open(path, "rb") as handle:
            for lineno, raw in enumerate(handle, start=1):
                line = raw.removeprefix(codecs.BOM_UTF8) if lineno == 1 else raw
                if line.strip():
                    yield _jsonl_item(line, path, lineno, fields)
    except OSError as exc:
        where = f"{path}:{lineno}" if lineno else path
        yield InputFailure(where, path, f"cannot read ({exc.strerror}); rest of file skipped")


def _jsonl_item(line: bytes, path: str, lineno: int, fields: RecordFields) -> Item:
    location = f"{path}:{lineno}"
    try:
        record = json.loads(line.decode("utf-8"))
    except UnicodeDecodeError:
        return InputFailure(location, location, "line is not UTF-8 text")
    except json.JSONDecodeError as exc:
        return InputFailure(location, location, f"not valid JSON ({exc.msg}, column {exc.colno})")
    if not isinstance(record, dict):
        return InputFailure(location, location, "not a JSON object")
    return _record_item(record, location, fields, "jsonl")


def _record_item(record: Mapping[str, Any], location: str, fields: RecordFields, fmt: str) -> Item:
    doc_id = _record_id(record.get(fields.id)) or location
    try:
        return record_to_document(record, fields=fields, doc_id=doc_id, source=location, fmt=fmt)
    except InputError as exc:
        return InputFailure(doc_id, location, _reason(exc))


def _record_id(value: Any) -> str | None:
    """An id column's value as a string; absent, blank or non-scalar gives None."""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return None
    text = str(value).strip()
    return text or None


# -------------------------------------------------------------------- CSV


def _iter_csv(path: str, fields: RecordFields) -> Iterator[Item]:
    """One item per data row. The encoding is judged once, from the file's head."""
    encoding, problem = _csv_encoding(path)
    if encoding is None:
        yield InputFailure(path, path, problem or "undecodable text")
        return
    _raise_csv_field_limit()
    line = 1
    try:
        with open(path, encoding=encoding, newline="") as handle:
            reader = csv.DictReader(handle)
            for row in reader:
                yield _record_item(_csv_row(row), f"{path}:{line + 1}", fields, "csv")
                line = reader.line_num
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        where = f"{path}:{line + 1}"
        yield InputFailure(where, where, f"unreadable CSV ({exc}); rest of file skipped")


def _csv_row(row: Mapping[str | None, Any]) -> dict[str, Any]:
    """Empty cells are absent values; extra cells without a header are dropped."""
    return {key: value for key, value in row.items() if key is not None and value not in ("", None)}


def _csv_encoding(path: str) -> tuple[str | None, str | None]:
    """``(encoding, None)``: UTF-8 if the head decodes as such, else a guess; or ``(None, why)``."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(_CSV_SNIFF_BYTES)
    except OSError as exc:
        return None, f"cannot read ({exc.strerror})"
    if not head:
        return None, "empty file"
    if is_binary(head):
        return None, "binary file, not text"
    try:
        codecs.getincrementaldecoder("utf-8-sig")().decode(head, final=False)
    except UnicodeDecodeError:
        return guess_encoding(head), "undecodable text"
    return "utf-8-sig", None


def _raise_csv_field_limit() -> None:
    """Articles are long: lift csv's 128 KB cell limit as far as the platform allows."""
    limit = sys.maxsize
    while True:
        try:
            csv.field_size_limit(limit)
            return
        except OverflowError:
            limit //= 2


# --------------------------------------------------------------- archives


def _iter_archive(path: str, kind: Container, caps: SizeCaps) -> Iterator[Item]:
    """Members as documents, ids ``<archive>!<member>`` (a WARC's are the page URIs)."""
    entries: Iterator[ArchiveEntry]
    if kind == "zip":
        entries = iter_zip(path, _is_document_name, caps)
    elif kind == "tar":
        entries = iter_tar(path, _is_document_name, caps)
    else:
        entries = iter_warc(path, caps)
    for entry in entries:
        if entry.name is None:
            yield InputFailure(path, path, entry.error)
            continue
        doc_id = entry.name if kind == "warc" else f"{path}!{entry.name}"
        source = f"{path}!{entry.name}"
        if isinstance(entry, Member):
            yield _member_item(entry, doc_id, source, warc=kind == "warc")
        else:
            yield InputFailure(doc_id, source, entry.error)


def _is_document_name(name: str) -> bool:
    return document_format(name) is not None


def _member_item(member: Member, doc_id: str, source: str, *, warc: bool) -> Item:
    try:
        doc = parse_document(
            member.data,
            name=member.name,
            doc_id=doc_id,
            source=source,
            url=member.url,
            charset_hint=member.charset,
            fmt="html" if warc else None,
        )
    except InputError as exc:
        return InputFailure(doc_id, source, _reason(exc))
    if doc.published is None and member.fetched is not None:
        meta = {**doc.meta, "date_source": "warc-date"}
        doc = dataclasses.replace(doc, published=member.fetched, meta=meta)
    return doc


# ------------------------------------------------------------- duplicates


def _flag_duplicates(items: Iterable[Item]) -> Iterator[Item]:
    """Turn the second occurrence of an id into a failure; memory is one entry per id."""
    first_seen: dict[str, str] = {}
    for item in items:
        source = item.source or item.doc_id
        seen = first_seen.get(item.doc_id)
        if seen is None:
            first_seen[item.doc_id] = source
            yield item
        else:
            yield InputFailure(item.doc_id, source, f"duplicate id (first seen in {seen})")
