"""JSONL output that survives being killed, and resuming from it.

A bulk run over thousands of documents will be interrupted (Ctrl-C, OOM, a
reboot). The writer appends one complete line per document and flushes it at
once, so at most the line being written is lost. On restart
:func:`completed_ids` reads which documents are done and cuts off a torn last
line, so the file stays valid JSONL. Damage anywhere else is not a crash
artefact; it is reported, never silently dropped.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from pathlib import Path
from types import TracebackType
from typing import Any, BinaryIO

from extractor.errors import InputError

__all__ = ["JsonlWriter", "completed_ids", "open_for_resume"]


class JsonlWriter:
    """Append one JSON object per line to ``path``, flushed after every line.

    With ``fsync=True`` every line is also forced to disk (slower; survives a
    power cut, not just a killed process). Refuses to append to a file that
    ends in a partial line: :func:`completed_ids` repairs such a file.
    """

    def __init__(self, path: str | os.PathLike[str], *, fsync: bool = False) -> None:
        self.path = Path(path)
        self.fsync = fsync
        self.path.parent.mkdir(parents=True, exist_ok=True)
        _refuse_torn_tail(self.path)
        self._handle: BinaryIO = open(self.path, "ab")  # noqa: SIM115 - owned by the writer

    def write(self, record: Mapping[str, Any]) -> None:
        """Append ``record`` (which must have a string ``doc_id``) as one line.

        The line is fully serialised before anything is written, so a record
        that is not JSON-serialisable raises without touching the file.
        """
        doc_id = record.get("doc_id")
        if not isinstance(doc_id, str):
            raise ValueError(f"output record needs a string 'doc_id', got {doc_id!r}")
        self._handle.write(_encode_line(record))
        self._handle.flush()
        if self.fsync:
            os.fsync(self._handle.fileno())

    def close(self) -> None:
        self._handle.close()

    @property
    def closed(self) -> bool:
        return self._handle.closed

    def __enter__(self) -> JsonlWriter:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


def _encode_line(record: Mapping[str, Any]) -> bytes:
    """Compact UTF-8 JSON plus newline; NaN/Infinity are refused (not JSON).

    A lone surrogate (from a broken input) cannot be UTF-8 encoded, so such a
    record falls back to ASCII escapes, which every JSON reader accepts.
    """
    text = json.dumps(record, ensure_ascii=False, allow_nan=False)
    try:
        return text.encode("utf-8") + b"\n"
    except UnicodeEncodeError:
        return json.dumps(record, ensure_ascii=True, allow_nan=False).encode("ascii") + b"\n"


def _refuse_torn_tail(path: Path) -> None:
    try:
        with open(path, "rb") as handle:
            handle.seek(0, os.SEEK_END)
            if handle.tell() == 0:
                return
            handle.seek(-1, os.SEEK_END)
            last = handle.read(1)
    except FileNotFoundError:
        return
    if last != b"\n":
        raise InputError(
            "output file ends with a partial line; call completed_ids() on it to repair it",
            source=str(path),
        )


def completed_ids(path: str | os.PathLike[str]) -> set[str]:
    """The ``doc_id`` of every complete line of an output file; repairs a torn end.

    The last line is torn if it has no newline or is not valid JSON (the
    process died mid-write): it is truncated away so the file can be appended
    to. Any earlier line that is not a JSON object with a string ``doc_id``
    raises :class:`InputError` naming its line number. A missing file has no
    completed ids.
    """
    file = Path(path)
    if not file.exists():
        return set()
    done: set[str] = set()
    pending: tuple[int, bytes] | None = None
    offset = 0
    with open(file, "rb") as handle:
        for lineno, raw in enumerate(handle, start=1):
            if pending is not None:
                _add_line(done, *pending, file, last=False)
            pending = (lineno, raw)
            offset += len(raw)
    if pending is not None and not _add_line(done, *pending, file, last=True):
        _truncate(file, offset - len(pending[1]))
    return done


def _add_line(done: set[str], lineno: int, raw: bytes, file: Path, *, last: bool) -> bool:
    """Add the line's id to ``done``; False for a torn last line, which must go."""
    if last and not raw.endswith(b"\n"):
        return False
    if not raw.strip():
        return True
    try:
        record = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        if last:
            return False
        raise InputError(f"line {lineno} is not valid JSON ({exc})", source=str(file)) from exc
    doc_id = record.get("doc_id") if isinstance(record, dict) else None
    if not isinstance(doc_id, str):
        raise InputError(
            f"line {lineno} is not a JSON object with a string 'doc_id'", source=str(file)
        )
    done.add(doc_id)
    return True


def _truncate(file: Path, size: int) -> None:
    with open(file, "r+b") as handle:
        handle.truncate(size)
        handle.flush()
        os.fsync(handle.fileno())


def open_for_resume(
    path: str | os.PathLike[str], *, fsync: bool = False
) -> tuple[set[str], JsonlWriter]:
    """Repair ``path`` if torn, and return the ids already done and a writer appending to it."""
    done = completed_ids(path)
    return done, JsonlWriter(path, fsync=fsync)
