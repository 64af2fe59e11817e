"""Streaming, extraction-free reading of zip, tar and WARC archives.

Archives are read member by member straight from the archive file (or from
an in-memory copy of a member that is itself an archive): nothing is written
to disk (so a hostile member name like ``../../etc/x`` can do no harm, and is
reported rather than read), and only one member's bytes are in memory at a
time. Size caps stop decompression bombs: a member larger than
``SizeCaps.member_bytes`` or an archive expanding past ``SizeCaps.total_bytes``
is reported as a failure instead of being inflated. Sizes are checked against
the bytes actually produced, read in chunks, not only against headers, which
may lie. One :class:`ExpansionBudget` can be shared by an archive and the
archives nested in it, so nesting does not multiply the cap.

Every member is accounted for: a member the caller wants is yielded as
:class:`Member` bytes, every other file-like member as a :class:`MemberFailure`
saying why it was not read (its type, a link, an unsafe name). Only directory
entries and operating-system clutter (:func:`is_junk_name`: macOS resource
forks, ``.DS_Store``, version-control folders) pass without a word; they are
never articles.

Each source is opened and read once, front to back, so a pipe or FIFO loses
nothing (a zip, which must seek, is first copied to a temporary spool). The
one exception is a tar holding hard links: a file is read a second time for
the content the links name (see :func:`iter_tar`).

This module knows nothing about documents: it yields raw :class:`Member`
bytes or a :class:`MemberFailure`; :mod:`extractor.io.readers` parses them.
"""

from __future__ import annotations

import os
import posixpath
import re
import stat
import tarfile
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import IO, Any, Protocol

from warcio.archiveiterator import ArchiveIterator

__all__ = [
    "DEFAULT_MAX_ARCHIVE_BYTES",
    "DEFAULT_MAX_MEMBER_BYTES",
    "ArchiveEntry",
    "ExpansionBudget",
    "Member",
    "MemberFailure",
    "Screen",
    "SizeCaps",
    "Source",
    "is_junk_name",
    "is_unsafe_member_name",
    "iter_tar",
    "iter_warc",
    "iter_zip",
]

DEFAULT_MAX_MEMBER_BYTES = 50 * 1024 * 1024
DEFAULT_MAX_ARCHIVE_BYTES = 5 * 1024 * 1024 * 1024
_CHUNK = 1024 * 1024
_SPOOL_IN_MEMORY = 64 * 1024 * 1024
_TOO_BIG = "expands past the size cap"
_JUNK_DIRS = frozenset({"__MACOSX", ".git", ".hg", ".svn"})
_JUNK_FILES = frozenset({".DS_Store", "Thumbs.db", "desktop.ini"})


@dataclass(frozen=True, slots=True)
class SizeCaps:
    """Limits on uncompressed bytes: per member, and for a whole archive."""

    member_bytes: int = DEFAULT_MAX_MEMBER_BYTES
    total_bytes: int = DEFAULT_MAX_ARCHIVE_BYTES


@dataclass(frozen=True, slots=True)
class Member:
    """One wanted member's bytes, with what a WARC record says about it.

    ``is_uri``: the name is the page's URI (or WARC record id), an identity of
    its own, rather than a path inside the archive. ``link_to`` names the
    member a tar hard link shares its content with.
    """

    name: str
    data: bytes
    url: str | None = None
    fetched: date | None = None
    charset: str | None = None
    is_uri: bool = False
    #: For a tar hard link: the member whose content this is.
    link_to: str | None = None


@dataclass(frozen=True, slots=True)
class MemberFailure:
    """A member that was not read, and why; ``name`` None means the archive itself.

    ``final`` marks a failure after which the rest of the archive is not read
    (the archive size cap was reached, or the stream is corrupt). ``skipped``
    marks a member deliberately not read (its type, a link) rather than one
    that could not be read.
    """

    name: str | None
    error: str
    final: bool = False
    skipped: bool = False
    is_uri: bool = False


ArchiveEntry = Member | MemberFailure
#: Decides for a member name: None to read it, or the reason it is skipped.
Screen = Callable[[str], str | None]
#: A path to open, or an open binary file (a nested archive's bytes).
Source = str | IO[bytes]


class _Readable(Protocol):
    def read(self, size: int = ..., /) -> bytes: ...


class _MemberTooLarge(Exception):
    pass


class _ArchiveTooLarge(Exception):
    pass


class ExpansionBudget:
    """Counts expanded bytes against the caps while members are read in chunks."""

    def __init__(self, caps: SizeCaps) -> None:
        self.caps = caps
        self.total = 0

    def charge(self, size: int) -> None:
        """Count bytes that are decompressed without being kept (skipped members)."""
        self.total += max(size, 0)
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


def is_junk_name(name: str) -> bool:
    """Operating-system and version-control clutter, never an article.

    macOS resource forks (``__MACOSX/``, ``._name``), ``.DS_Store``,
    ``Thumbs.db``, ``desktop.ini`` and anything in ``.git``/``.hg``/``.svn``.
    """
    parts = [part for part in name.replace("\\", "/").split("/") if part]
    if not parts:
        return False
    base = parts[-1]
    return base in _JUNK_FILES or base.startswith("._") or any(part in _JUNK_DIRS for part in parts)


def _screen(name: str, screen: Screen) -> MemberFailure | None:
    """None if the member is to be read, else the failure that takes its place."""
    if is_unsafe_member_name(name):
        return MemberFailure(name, "unsafe member path (absolute or escaping the archive root)")
    reason = screen(name)
    return None if reason is None else MemberFailure(name, reason, skipped=True)


def _describe(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__


def _is_regular_path(path: str) -> bool:
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return True  # let the open fail with its own message


# ---------------------------------------------------------------------- zip


def iter_zip(
    source: Source, screen: Screen, caps: SizeCaps, budget: ExpansionBudget | None = None
) -> Iterator[ArchiveEntry]:
    """Every file member of a zip archive, in archive order.

    The header's uncompressed size is checked first (cheap), then the bytes
    actually inflated, so a member that lies about its size is still caught.
    A zip must be seeked; a path that is no regular file (a FIFO) is first
    spooled, once, to a temporary file.
    """
    budget = budget or ExpansionBudget(caps)
    try:
        handle = _seekable(source, caps)
        archive = zipfile.ZipFile(handle)
    except _ArchiveTooLarge as exc:
        yield MemberFailure(None, str(exc), final=True)
        return
    except Exception as exc:  # BadZipFile, OSError, ValueError, and worse on hostile input
        yield MemberFailure(None, f"not a readable zip archive ({_describe(exc)})", final=True)
        return
    with archive:
        for info in archive.infolist():
            if info.is_dir() or is_junk_name(info.filename):
                continue
            entry = _zip_member(archive, info, screen, budget)
            yield entry
            if isinstance(entry, MemberFailure) and entry.final:
                return


def _seekable(source: Source, caps: SizeCaps) -> IO[bytes]:
    """The source as a seekable binary file: a regular file or seekable stream as is, a pipe
    (a path or an open stream) spooled."""
    if not isinstance(source, str):
        return source if _is_seekable(source) else _spool(source, caps)
    if _is_regular_path(source):
        return open(source, "rb")
    with open(source, "rb") as pipe:
        return _spool(pipe, caps)


def _is_seekable(stream: IO[bytes]) -> bool:
    try:
        return bool(stream.seekable())
    except (OSError, ValueError):
        return False


def _spool(pipe: IO[bytes], caps: SizeCaps) -> IO[bytes]:
    """Copy a stream, once, to a temporary file (in memory while small), refusing past the cap."""
    spool = tempfile.SpooledTemporaryFile(max_size=_SPOOL_IN_MEMORY)  # noqa: SIM115
    size = 0
    while chunk := pipe.read(_CHUNK):
        size += len(chunk)
        if size > caps.total_bytes:
            spool.close()
            raise _ArchiveTooLarge(f"archive larger than the size cap ({caps.total_bytes})")
        spool.write(chunk)
    spool.seek(0)
    return spool


def _zip_member(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, screen: Screen, budget: ExpansionBudget
) -> ArchiveEntry:
    name = info.filename
    if stat.S_ISLNK(info.external_attr >> 16):
        return MemberFailure(name, "symbolic link, not followed", skipped=True)
    refused = _screen(name, screen)
    if refused is not None:
        return refused
    try:
        budget.check_declared(info.file_size)
        with archive.open(info) as stream:
            return Member(name, budget.read(stream))
    except (_MemberTooLarge, _ArchiveTooLarge) as exc:
        return MemberFailure(name, str(exc), final=isinstance(exc, _ArchiveTooLarge))
    except Exception as exc:  # any corruption of one member must not stop the archive
        return MemberFailure(name, f"unreadable member ({_describe(exc)})")


# ---------------------------------------------------------------------- tar


def iter_tar(
    source: Source, screen: Screen, caps: SizeCaps, budget: ExpansionBudget | None = None
) -> Iterator[ArchiveEntry]:
    """Every non-directory member of a (possibly compressed) tar archive, read as one stream.

    Stream mode (``r|*``) never seeks, and skipping a member still inflates it,
    so every member's size counts towards the archive cap, read or not.
    Symbolic links and devices are reported, not followed: nothing is ever
    extracted for them to point at. A hard link is another name for an
    earlier member's content, which a stream has already passed: links are
    collected and, after the archive's end, resolved in a second pass over a
    source that can be read again (a file, an in-memory member), each
    yielding its target's bytes under its own name (charged to the budget
    again, so a thousand links to one big member cannot dodge the cap). A
    link whose target is not a file of the archive, or whose archive cannot
    be read again (a pipe) or ends early, is a failure naming the target.
    """
    budget = budget or ExpansionBudget(caps)
    try:
        if isinstance(source, str):
            archive = tarfile.open(source, mode="r|*")  # noqa: SIM115 - closed below
        else:
            archive = tarfile.open(fileobj=source, mode="r|*")  # noqa: SIM115
    except Exception as exc:  # ReadError, OSError, EOFError, and worse on hostile input
        yield MemberFailure(None, f"not a readable tar archive ({_describe(exc)})", final=True)
        return
    links: _Links = {}
    complete = False
    with archive:
        for entry in _tar_entries(archive, screen, budget, links):
            yield entry
            if isinstance(entry, MemberFailure) and entry.final:
                break
        else:
            complete = True
    if links and complete:
        yield from _resolve_links(source, links, budget)
    elif links:
        yield from _unresolved(links, "not read: the archive ends before its end")


#: Hard links to resolve: (target name, which file of that name) -> the links' names.
_Links = dict[tuple[str, int], list[str]]


def _tar_entries(
    archive: tarfile.TarFile,
    screen: Screen,
    budget: ExpansionBudget,
    links: _Links,
) -> Iterator[ArchiveEntry]:
    """The entries of one pass; hard links wanted by ``screen`` are noted in ``links``.

    A link names the latest file of its target's name before it (a name can
    recur: ``tar -r`` appends new versions), so each file's occurrence number
    is counted; a link to a name not seen yet takes its first file.
    """
    last = None
    files: dict[str, int] = {}  # occurrences of each regular file's name so far
    while True:
        try:
            info = archive.next()
        except Exception as exc:  # truncated or corrupt compressed stream
            where = f"after member {last!r}" if last else "at its start"
            error = f"corrupt or truncated archive {where} ({_describe(exc)})"
            yield MemberFailure(None, error, final=True)
            return
        if info is None:
            failure = _tar_tail(archive, budget, last)
            if failure is not None:
                yield failure
            return
        last = info.name
        if info.islnk() and not is_junk_name(info.name):
            refused = _screen(info.name, screen)
            if refused is not None:
                yield refused
            else:
                target = (info.linkname, files.get(info.linkname, 1))
                links.setdefault(target, []).append(info.name)
            continue
        if info.isreg():
            files[info.name] = files.get(info.name, 0) + 1
        entry = _tar_member(archive, info, screen, budget)
        if entry is not None:
            yield entry
            if isinstance(entry, MemberFailure) and entry.final:
                return


def _resolve_links(
    source: Source, links: _Links, budget: ExpansionBudget
) -> Iterator[ArchiveEntry]:
    """Each hard link as its target's bytes, read in a second pass over the archive."""
    again = _reopen(source)
    if again is None:
        yield from _unresolved(
            links, "its content cannot be read again from a stream; give the archive as a file"
        )
        return
    files: dict[str, int] = {}
    try:
        with again:
            for info in again:
                if not info.isreg():
                    continue
                number = files[info.name] = files.get(info.name, 0) + 1
                names = links.pop((info.name, number), None)
                if names is None:
                    continue
                label = info.name if number == 1 else f"{info.name}#{number}"
                for entry in _link_copies(again, info, label, names, budget):
                    yield entry
                    if isinstance(entry, MemberFailure) and entry.final:
                        yield from _unresolved(links, "not read: the archive size cap is reached")
                        return
                if not links:
                    return
    except Exception as exc:  # the archive read fine once: this is the disk or the file changing
        yield from _unresolved(links, f"its content could not be read again ({_describe(exc)})")
        return
    yield from _unresolved(links, "which this archive does not hold as a file; nothing to read")


def _reopen(source: Source) -> tarfile.TarFile | None:
    """The tar again from its start, or None for a stream that cannot be read twice."""
    try:
        if isinstance(source, str):
            return tarfile.open(source, mode="r|*") if _is_regular_path(source) else None
        if not _is_seekable(source):
            return None
        source.seek(0)
        return tarfile.open(fileobj=source, mode="r|*")
    except Exception:  # it opened the first time; if not now, the links say so
        return None


def _link_copies(
    archive: tarfile.TarFile,
    info: tarfile.TarInfo,
    label: str,
    names: list[str],
    budget: ExpansionBudget,
) -> Iterator[ArchiveEntry]:
    """The links' copies of ``info``'s content (``label``: its name as the readers id it)."""
    try:
        budget.check_declared(info.size)
        stream = archive.extractfile(info)
        data = b"" if stream is None else budget.read(stream)
    except (_MemberTooLarge, _ArchiveTooLarge) as exc:
        final = isinstance(exc, _ArchiveTooLarge)
        for name in names:
            yield MemberFailure(name, f"hard link to {label!r}, which {exc}", final=final)
        return
    for number, name in enumerate(names):
        if number:  # the first copy was charged as it was read
            try:
                budget.charge(len(data))
            except _ArchiveTooLarge as exc:
                yield MemberFailure(name, str(exc), final=True)
                return
        yield Member(name, data, link_to=label)


def _unresolved(links: _Links, why: str) -> Iterator[MemberFailure]:
    for (target, _), names in links.items():
        for name in names:
            yield MemberFailure(name, f"hard link to {target!r}, {why}")
    links.clear()


def _tar_tail(
    archive: tarfile.TarFile, budget: ExpansionBudget, last: str | None
) -> MemberFailure | None:
    """Read past the end-of-archive blocks, so a cut compressed stream is still noticed."""
    stream: Any = archive.fileobj
    try:
        while chunk := stream.read(_CHUNK):
            budget.charge(len(chunk))
    except _ArchiveTooLarge as exc:
        return MemberFailure(None, str(exc), final=True)
    except Exception as exc:  # EOFError, zlib.error ...: the end of the file is missing
        where = f"after member {last!r}" if last else "at its start"
        error = f"corrupt or truncated archive {where} ({_describe(exc)})"
        return MemberFailure(None, error, final=True)
    # tarfile stops quietly where the compressed data stops: ask its decompressor
    # (for gzip a raw deflate one, which leaves the 8-byte CRC and size trailer unused)
    decompressor = getattr(stream, "cmp", None)
    trailer = 8 if getattr(stream, "comptype", None) == "gz" else 0
    if decompressor is not None and (
        getattr(decompressor, "eof", True) is False
        or len(getattr(decompressor, "unused_data", b"")) < trailer
    ):
        where = f"after member {last!r}" if last else "at its start"
        return MemberFailure(
            None, f"truncated archive: its compressed data ends early, {where}", final=True
        )
    return None


def _tar_member(
    archive: tarfile.TarFile, info: tarfile.TarInfo, screen: Screen, budget: ExpansionBudget
) -> ArchiveEntry | None:
    name = info.name
    silent = info.isdir() or is_junk_name(name)
    try:
        budget.charge(info.size)
    except _ArchiveTooLarge as exc:
        return MemberFailure(None if silent else name, str(exc), final=True)
    if silent:
        return None
    if not info.isreg():
        return MemberFailure(name, _tar_link_reason(info), skipped=True)
    refused = _screen(name, screen)
    if refused is not None:
        return refused
    try:
        budget.check_declared(info.size)
        stream = archive.extractfile(info)
        if stream is None:
            return MemberFailure(name, "not a regular file", skipped=True)
        with stream:
            return Member(name, budget.read(stream, charge=False))
    except _MemberTooLarge as exc:
        return MemberFailure(name, str(exc))
    except Exception as exc:  # a bad member must not stop the archive
        return MemberFailure(name, f"unreadable member ({_describe(exc)})")


def _tar_link_reason(info: tarfile.TarInfo) -> str:
    if info.issym():
        return f"symbolic link to {info.linkname!r}, not followed"
    kind = "FIFO" if info.isfifo() else "device" if info.isdev() else "special member"
    return f"not a regular file ({kind})"


# --------------------------------------------------------------------- WARC

_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.I)


def iter_warc(
    source: Source, caps: SizeCaps, budget: ExpansionBudget | None = None
) -> Iterator[ArchiveEntry]:
    """One entry per ``response`` record: the HTML page of a 2xx, else why not.

    Pages are named by their WARC-Target-URI (or record id). Responses that
    are no article (an image, a redirect) are reported as skipped, named
    ``record-<n>``; request, metadata, warcinfo and revisit records describe
    other records and are passed over. A record cut short (a truncated file)
    is a failure, never a page made of what was there, and so are bytes
    after the last complete record (warcio ends quietly on a partial one).
    """
    budget = budget or ExpansionBudget(caps)
    try:
        handle = open(source, "rb") if isinstance(source, str) else source  # noqa: SIM115
    except OSError as exc:
        yield MemberFailure(None, f"cannot read ({exc.strerror})", final=True)
        return
    try:
        counted = _CountingReader(handle)
        records = _WatchedIterator(counted)
        count = 0
        while True:
            try:
                record = next(records, None)
            except Exception as exc:  # warcio's ArchiveLoadFailed, gzip and I/O errors
                error = f"corrupt WARC after {count} records ({_describe(exc)})"
                yield MemberFailure(None, error, final=True)
                return
            if record is None:
                break
            count += 1
            entry = _warc_record(record, count, budget)
            if entry is not None:
                yield entry
                if isinstance(entry, MemberFailure) and entry.final:
                    return
        counted.drain()
        complete = int(getattr(records, "offset", 0) or 0)
        if counted.position > complete or records.gzip_incomplete:
            error = (
                f"truncated or malformed WARC: the data after record {count}, the last "
                "complete one, could not be read"
            )
            yield MemberFailure(None, error, final=True)
    finally:
        if isinstance(source, str):
            handle.close()


class _WatchedIterator(ArchiveIterator):  # type: ignore[misc]
    """warcio's iterator, noting whether the stream ended inside a gzip member."""

    gzip_incomplete = False

    def close(self) -> None:
        decompressor: Any = getattr(getattr(self, "reader", None), "decompressor", None)
        if decompressor is not None:
            ended = bool(getattr(decompressor, "eof", True))
            left = bool(getattr(decompressor, "unused_data", b""))
            # cut inside a member, or the first bytes of one left over
            self.gzip_incomplete = not ended or left
        super().close()


class _CountingReader:
    """A read-only stream that knows how many bytes it has given out (its ``tell``)."""

    def __init__(self, stream: IO[bytes]) -> None:
        self._stream = stream
        self.position = 0

    def read(self, size: int = -1) -> bytes:
        data = self._stream.read(size)
        self.position += len(data)
        return data

    def tell(self) -> int:
        return self.position

    def drain(self) -> None:
        while self.read(_CHUNK):
            pass


def _warc_record(record: Any, number: int, budget: ExpansionBudget) -> ArchiveEntry | None:
    """A page, a failure, or None for a complete record that is no response."""
    headers = record.rec_headers
    declared = _declared_length(headers)
    if declared is None:  # a header block cut short, or no WARC record at all
        error = "malformed or truncated record (no valid Content-Length)"
        return MemberFailure(f"record-{number}", error)
    skip = _not_a_page(record) if record.rec_type == "response" else ""
    if skip is not None:  # passed over: warcio still inflates it, so it counts
        try:
            budget.charge(declared)
        except _ArchiveTooLarge as exc:
            return MemberFailure(None, str(exc), final=True)
        missing = _missing_bytes(record)
        if missing:
            return MemberFailure(f"record-{number}", _truncated(missing))
        return MemberFailure(f"record-{number}", skip, skipped=True) if skip else None
    uri = headers.get_header("WARC-Target-URI")
    record_id = headers.get_header("WARC-Record-ID")
    name = str(uri or record_id or f"record-{number}")
    is_uri = bool(uri or record_id)
    try:
        data = budget.read(record.content_stream())
        missing = _missing_bytes(record)
    except (_MemberTooLarge, _ArchiveTooLarge) as exc:
        final = isinstance(exc, _ArchiveTooLarge)
        return MemberFailure(name, str(exc), final=final, is_uri=is_uri)
    except Exception as exc:  # bad chunked or gzip payload in one record
        return MemberFailure(name, f"unreadable record ({_describe(exc)})", is_uri=is_uri)
    if missing:
        return MemberFailure(name, _truncated(missing), is_uri=is_uri)
    content_type = str(record.http_headers.get_header("Content-Type") or "")
    charset = _CHARSET.search(content_type)
    return Member(
        name=name,
        data=data,
        url=uri,
        fetched=_warc_date(headers.get_header("WARC-Date")),
        charset=charset.group(1) if charset else None,
        is_uri=is_uri,
    )


def _declared_length(headers: Any) -> int | None:
    try:
        length = int(headers.get_header("Content-Length"))
    except (TypeError, ValueError):
        return None
    return length if length >= 0 else None


def _truncated(missing: int) -> str:
    return f"truncated record ({missing} bytes of it missing from the file)"


def _missing_bytes(record: Any) -> int:
    """Bytes the record's Content-Length promised that the file does not hold."""
    raw = record.raw_stream
    while raw.read(_CHUNK):  # the rest of the record (a payload already read leaves little)
        pass
    limit = getattr(raw, "limit", 0)
    return limit if isinstance(limit, int) and limit > 0 else 0


def _not_a_page(record: Any) -> str | None:
    """None for a 2xx HTML response, else why it is no article."""
    if record.http_headers is None:
        return "response record without HTTP headers"
    status = str(record.http_headers.get_statuscode() or "")
    content_type = str(record.http_headers.get_header("Content-Type") or "")
    uri = record.rec_headers.get_header("WARC-Target-URI") or "?"
    if not status.startswith("2"):
        return f"HTTP status {status or '?'} for {uri}, not a page"
    if "html" not in content_type.lower():
        return f"not an HTML page ({content_type or 'no content type'}) at {uri}"
    return None


def _warc_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.strip()).date()
    except ValueError:
        return None
