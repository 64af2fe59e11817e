"""Streaming, extraction-free reading of zip, tar and WARC archives.

Archives are read member by member straight from the archive file: nothing is
written to disk (so a hostile member name like ``../../etc/x`` can do no harm,
and is reported rather than read), and only one member's bytes are in memory
at a time. Size caps stop decompression bombs: a member larger than
``SizeCaps.member_bytes`` or an archive expanding past ``SizeCaps.total_bytes``
is reported as a failure instead of being inflated. Sizes are checked against
the bytes actually produced, read in chunks, not only against headers, which
may lie.

This module knows nothing about documents: it yields raw :class:`Member`
bytes or a :class:`MemberFailure`; :mod:`extractor.io.readers` parses them.
"""

from __future__ import annotations

import posixpath
import re
import tarfile
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Protocol

from warcio.archiveiterator import ArchiveIterator

__all__ = [
    "DEFAULT_MAX_ARCHIVE_BYTES",
    "DEFAULT_MAX_MEMBER_BYTES",
    "ArchiveEntry",
    "Member",
    "MemberFailure",
    "SizeCaps",
    "is_unsafe_member_name",
    "iter_tar",
    "iter_warc",
    "iter_zip",
]

DEFAULT_MAX_MEMBER_BYTES = 50 * 1024 * 1024
DEFAULT_MAX_ARCHIVE_BYTES = 5 * 1024 * 1024 * 1024
_CHUNK = 1024 * 1024
_TOO_BIG = "expands past the size cap"


@dataclass(frozen=True, slots=True)
class SizeCaps:
    """Limits on uncompressed bytes: per member, and for a whole archive."""

    member_bytes: int = DEFAULT_MAX_MEMBER_BYTES
    total_bytes: int = DEFAULT_MAX_ARCHIVE_BYTES


@dataclass(frozen=True, slots=True)
class Member:
    """One wanted member's bytes, with what a WARC record says about it."""

    name: str
    data: bytes
    url: str | None = None
    fetched: date | None = None
    charset: str | None = None


@dataclass(frozen=True, slots=True)
class MemberFailure:
    """A member that could not be read; ``name`` None means the archive itself.

    ``final`` marks a failure after which the rest of the archive is not read
    (the archive size cap was reached, or the stream is corrupt).
    """

    name: str | None
    error: str
    final: bool = False


ArchiveEntry = Member | MemberFailure
Wanted = Callable[[str], bool]


class _Readable(Protocol):
    def read(self, size: int = ..., /) -> bytes: ...


class _MemberTooLarge(Exception):
    pass


class _ArchiveTooLarge(Exception):
    pass


class _Budget:
    """Counts expanded bytes against the caps while members are read in chunks."""

    def __init__(self, caps: SizeCaps) -> None:
        self.caps = caps
        self.total = 0

    def charge(self, size: int) -> None:
        """Count bytes that are decompressed without being kept (skipped members)."""
        self.total += size
        if self.total > self.caps.total_bytes:
            raise _ArchiveTooLarge(self.archive_message())

    def check_declared(self, size: int) -> None:
        if size > self.caps.member_bytes:
            raise _MemberTooLarge(
                f"{_TOO_BIG} ({size} bytes declared, cap {self.caps.member_bytes} per member)"
            )

    def read(self, stream: _Readable, *, charge: bool = True) -> bytes:
        """Read a member fully, but never more than the member cap plus one chunk."""
        chunks: list[bytes] = []
        size = 0
        while chunk := stream.read(_CHUNK):
            size += len(chunk)
            if size > self.caps.member_bytes:
                raise _MemberTooLarge(
                    f"{_TOO_BIG} (more than {self.caps.member_bytes} bytes per member)"
                )
            if charge:
                self.charge(len(chunk))
            chunks.append(chunk)
        return b"".join(chunks)

    def archive_message(self) -> str:
        return (
            f"archive {_TOO_BIG} ({self.caps.total_bytes} bytes in total); "
            "this member and the rest of the archive skipped"
        )


def is_unsafe_member_name(name: str) -> bool:
    """True for absolute names and names whose ``..`` climbs out of the archive root."""
    normal = name.replace("\\", "/")
    if normal.startswith("/") or re.match(r"[A-Za-z]:", normal):
        return True
    resolved = posixpath.normpath(normal)
    return resolved == ".." or resolved.startswith("../")


def _is_junk(name: str) -> bool:
    """macOS resource forks (``__MACOSX/``, ``._name``) are binary, never articles."""
    normal = name.replace("\\", "/")
    return normal.startswith("__MACOSX/") or posixpath.basename(normal).startswith("._")


def _screen(name: str, wanted: Wanted) -> str | None:
    """None if the member is to be skipped silently, "" if readable, else a failure reason."""
    if _is_junk(name) or not wanted(name):
        return None
    if is_unsafe_member_name(name):
        return "unsafe member path (absolute or escaping the archive root)"
    return ""


def _describe(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__


# ---------------------------------------------------------------------- zip


def iter_zip(path: str, wanted: Wanted, caps: SizeCaps) -> Iterator[ArchiveEntry]:
    """Members of a zip archive whose names ``wanted`` accepts, in archive order.

    The header's uncompressed size is checked first (cheap), then the bytes
    actually inflated, so a member that lies about its size is still caught.
    """
    try:
        archive = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile, ValueError) as exc:
        yield MemberFailure(None, f"not a readable zip archive ({_describe(exc)})")
        return
    with archive:
        budget = _Budget(caps)
        for info in archive.infolist():
            if info.is_dir():
                continue
            entry = _zip_member(archive, info, wanted, budget)
            if entry is not None:
                yield entry
                if isinstance(entry, MemberFailure) and entry.final:
                    return


def _zip_member(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, wanted: Wanted, budget: _Budget
) -> ArchiveEntry | None:
    reason = _screen(info.filename, wanted)
    if reason is None:
        return None
    if reason:
        return MemberFailure(info.filename, reason)
    try:
        budget.check_declared(info.file_size)
        with archive.open(info) as stream:
            return Member(info.filename, budget.read(stream))
    except (_MemberTooLarge, _ArchiveTooLarge) as exc:
        return MemberFailure(info.filename, str(exc), final=isinstance(exc, _ArchiveTooLarge))
    except Exception as exc:  # any corruption of one member must not stop the archive
        return MemberFailure(info.filename, f"unreadable member ({_describe(exc)})")


# ---------------------------------------------------------------------- tar


def iter_tar(path: str, wanted: Wanted, caps: SizeCaps) -> Iterator[ArchiveEntry]:
    """Regular-file members of a (possibly compressed) tar archive, read as one stream.

    Stream mode (``r|*``) never seeks, and skipping a member still inflates it,
    so every member's size counts towards the archive cap, read or not. Links
    and devices are skipped: nothing is ever extracted for them to point at.
    """
    try:
        archive = tarfile.open(path, mode="r|*")  # noqa: SIM115 - closed by the with below
    except (OSError, tarfile.TarError, EOFError) as exc:
        yield MemberFailure(None, f"not a readable tar archive ({_describe(exc)})")
        return
    with archive:
        budget = _Budget(caps)
        last = None
        while True:
            try:
                info = archive.next()
            except Exception as exc:  # truncated or corrupt compressed stream
                where = f"after member {last!r}" if last else "at its start"
                error = f"corrupt or truncated archive {where} ({_describe(exc)})"
                yield MemberFailure(None, error, final=True)
                return
            if info is None:
                return
            last = info.name
            entry = _tar_member(archive, info, wanted, budget)
            if entry is not None:
                yield entry
                if isinstance(entry, MemberFailure) and entry.final:
                    return


def _tar_member(
    archive: tarfile.TarFile, info: tarfile.TarInfo, wanted: Wanted, budget: _Budget
) -> ArchiveEntry | None:
    reason = _screen(info.name, wanted) if info.isfile() else None
    try:
        budget.charge(info.size)
    except _ArchiveTooLarge as exc:
        return MemberFailure(info.name if reason is not None else None, str(exc), final=True)
    if reason is None:
        return None
    if reason:
        return MemberFailure(info.name, reason)
    try:
        budget.check_declared(info.size)
        stream = archive.extractfile(info)
        if stream is None:
            return MemberFailure(info.name, "not a regular file")
        with stream:
            return Member(info.name, budget.read(stream, charge=False))
    except _MemberTooLarge as exc:
        return MemberFailure(info.name, str(exc))
    except Exception as exc:  # a bad member must not stop the archive
        return MemberFailure(info.name, f"unreadable member ({_describe(exc)})")


# --------------------------------------------------------------------- WARC

_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.I)


def iter_warc(path: str, caps: SizeCaps) -> Iterator[ArchiveEntry]:
    """HTML pages from the successful (2xx) ``response`` records of a WARC file.

    Requests, metadata, redirects and non-HTML responses are not articles and
    are skipped. The member name is the WARC-Target-URI (or the record id).
    """
    budget = _Budget(caps)
    try:
        handle = open(path, "rb")  # noqa: SIM115 - closed below, also on early return
    except OSError as exc:
        yield MemberFailure(None, f"cannot read ({exc.strerror})", final=True)
        return
    with handle:
        records = ArchiveIterator(handle)
        count = 0
        while True:
            try:
                record = next(records, None)
            except Exception as exc:  # warcio's ArchiveLoadFailed, gzip and I/O errors
                error = f"corrupt WARC after {count} records ({_describe(exc)})"
                yield MemberFailure(None, error, final=True)
                return
            if record is None:
                return
            count += 1
            entry = _warc_record(record, count, budget)
            if entry is not None:
                yield entry
                if isinstance(entry, MemberFailure) and entry.final:
                    return


def _warc_record(record: Any, number: int, budget: _Budget) -> ArchiveEntry | None:
    headers = record.rec_headers
    content_type = _html_content_type(record)
    if content_type is None:
        try:
            budget.charge(int(headers.get_header("Content-Length") or 0))
        except _ArchiveTooLarge as exc:
            return MemberFailure(None, str(exc), final=True)
        except ValueError:
            pass
        return None
    uri = headers.get_header("WARC-Target-URI")
    name = str(uri or headers.get_header("WARC-Record-ID") or f"record {number}")
    try:
        data = budget.read(record.content_stream())
    except (_MemberTooLarge, _ArchiveTooLarge) as exc:
        return MemberFailure(name, str(exc), final=isinstance(exc, _ArchiveTooLarge))
    except Exception as exc:  # bad chunked or gzip payload in one record
        return MemberFailure(name, f"unreadable record ({_describe(exc)})")
    charset = _CHARSET.search(content_type)
    return Member(
        name=name,
        data=data,
        url=uri,
        fetched=_warc_date(headers.get_header("WARC-Date")),
        charset=charset.group(1) if charset else None,
    )


def _html_content_type(record: Any) -> str | None:
    """The Content-Type of a 2xx HTML response record, else None."""
    if record.rec_type != "response" or record.http_headers is None:
        return None
    status = str(record.http_headers.get_statuscode() or "")
    content_type = str(record.http_headers.get_header("Content-Type") or "")
    if not status.startswith("2") or "html" not in content_type.lower():
        return None
    return content_type


def _warc_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.strip()).date()
    except ValueError:
        return None
