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
entries that hold nothing (a name ending in ``/`` with bytes is a member: see
:func:`_zip_directory`, :class:`_TarInfo`) and operating-system clutter
(:func:`is_junk_name`: macOS resource forks, ``.DS_Store``, version-control
folders) pass without a word; they are never articles. A damaged tar is read past its damage, and what could not be
read is one failure naming where (see :func:`iter_tar`).

Each source is opened and read once, front to back, so a pipe or FIFO loses
nothing (a zip, which must seek, is first copied to a temporary spool). The
one exception is a tar holding hard links: a file is read a second time for
the content the links name (see :func:`iter_tar`).

This module knows nothing about documents: it yields raw :class:`Member`
bytes or a :class:`MemberFailure`; :mod:`extractor.io.readers` parses them.
"""

from __future__ import annotations

import bz2
import contextlib
import logging
import lzma
import os
import posixpath
import re
import stat
import struct
import tarfile
import tempfile
import zipfile
import zlib
from collections import deque
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import IO, Any, Protocol, Self, cast
from urllib.parse import urlsplit

from warcio.archiveiterator import ArchiveIterator
from warcio.recordloader import ArcWarcRecordLoader

from extractor.io.sniffing import describe
from extractor.redact import id_without_userinfo

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
    member a tar hard link shares its content with. ``media_type``: a WARC
    page's content type, lower case, without parameters (``text/html``).
    ``captured`` and ``record_id``: a WARC page's ``WARC-Date`` and
    ``WARC-Record-ID`` as written, which tell two captures of one URI apart
    (see :mod:`extractor.io.readers`).
    """

    name: str
    data: bytes
    url: str | None = None
    fetched: date | None = None
    charset: str | None = None
    is_uri: bool = False
    #: For a tar hard link: the member whose content this is.
    link_to: str | None = None
    #: For a WARC page: its content type (``text/html``, ``text/plain``).
    media_type: str | None = None
    #: For a WARC page: its ``WARC-Date`` header, as written.
    captured: str | None = None
    #: For a WARC page: its ``WARC-Record-ID`` header, as written.
    record_id: str | None = None
    #: For a WARC page: from a ``conversion`` record (another form of a page, such as its
    #: text), which is no article of its own when the page itself is read too.
    conversion: bool = False


@dataclass(frozen=True, slots=True)
class MemberFailure:
    """A member that was not read, and why; ``name`` None means the archive itself.

    ``final`` marks a failure after which the rest of the archive is not read
    (the archive size cap was reached, or the stream is corrupt). ``skipped``
    marks a member deliberately not read (its type, a link) rather than one
    that could not be read. ``is_uri``, ``captured`` and ``record_id``: as for a
    :class:`Member` (a WARC page that could not be read).
    """

    name: str | None
    error: str
    final: bool = False
    skipped: bool = False
    is_uri: bool = False
    captured: str | None = None
    record_id: str | None = None


ArchiveEntry = Member | MemberFailure
#: Decides for a member name: None to read it, or the reason it is skipped.
Screen = Callable[[str], str | None]
#: A path to open, or an open binary file (a nested archive's bytes).
Source = str | IO[bytes]


class _Readable(Protocol):
    def read(self, size: int = ..., /) -> bytes: ...


# warcio logs what it mends in a record (a Target-URI with spaces) at WARNING; with no
# handler of its own Python's last resort prints that raw on stderr, amid the tool's own
# lines. The record is read all the same; an application that configures logging sees it.
logging.getLogger("warcio").addHandler(logging.NullHandler())


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
    return unsafe_member_reason(name) is not None


def unsafe_member_reason(name: str) -> str | None:
    """Why a member name is refused (the zip-slip forms an archive tool would write outside
    its folder with), or None: an absolute path (``/x``, ``C:/x``, ``C:\\x``) or a ``..`` that
    climbs out of the root. A colon alone (``e:1``, ``notes:v2.txt``) is part of a name."""
    normal = name.replace("\\", "/")
    if normal.startswith("/") or re.match(r"[A-Za-z]:/", normal):
        return "unsafe member path: an absolute path"
    resolved = posixpath.normpath(normal)
    if resolved == ".." or resolved.startswith("../"):
        return "unsafe member path: its '..' climbs out of the archive root"
    return None


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
    if (unsafe := unsafe_member_reason(name)) is not None:
        return MemberFailure(name, unsafe)
    reason = screen(name)
    return None if reason is None else MemberFailure(name, reason, skipped=True)


def _describe(exc: BaseException) -> str:
    """An exception as part of one line: a library's message may quote the bytes it choked
    on (warcio's "first line: ..." ends in the line's newline, and may hold a terminal's
    escape codes): its line breaks are spaces, other unprintable characters escaped."""
    text = " ".join(str(exc).split())[:300]
    text = "".join(char if char.isprintable() else ascii(char)[1:-1] for char in text)
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


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
    handle: IO[bytes] | None = None
    try:
        handle = _seekable(source, caps)
        archive = zipfile.ZipFile(handle)
    except _ArchiveTooLarge as exc:
        yield MemberFailure(None, str(exc), final=True)
        return
    except Exception as exc:  # BadZipFile, OSError, ValueError, and worse on hostile input
        if handle is not None and _starts_with_member(
            handle
        ):  # cut short: its members are read from their headers
            yield from _guarded_salvage(handle, budget, screen, close=handle is not source)
        else:
            yield MemberFailure(None, f"not a readable zip archive ({_describe(exc)})", final=True)
        return
    with archive:
        for info in archive.infolist():
            if _zip_directory(info) or is_junk_name(info.filename):
                continue
            entry = _zip_member(archive, info, screen, budget)
            yield entry
            if isinstance(entry, MemberFailure) and entry.final:
                return


def _starts_with_member(handle: IO[bytes] | None) -> bool:
    """Whether a zip that zipfile cannot open opens with a member's local header."""
    try:
        if handle is None:
            return False
        handle.seek(0)
        return handle.read(4) == _LOCAL_MAGIC
    except (OSError, ValueError):
        return False


def _guarded_salvage(
    handle: IO[bytes], budget: ExpansionBudget, screen: Screen, *, close: bool
) -> Iterator[ArchiveEntry]:
    """:func:`_salvage_zip`, closing ``handle`` when it is ours (``close``); any error in the
    salvage is the archive's, one line."""
    read = 0
    try:
        for entry in _salvage_zip(handle, budget, screen):
            read += 1
            yield entry
    except Exception as exc:  # hostile bytes: one line, never a crash
        yield MemberFailure(
            None,
            f"not a readable zip archive ({_NO_INDEX}; reading its members from their own "
            f"headers stopped after {read}: {_describe(exc)})",
            final=True,
        )
    finally:
        if close:
            with contextlib.suppress(Exception):
                handle.close()


def _zip_directory(info: zipfile.ZipInfo) -> bool:
    """Whether a zip entry is a true directory, passed over without a line.

    zipfile calls any name ending in ``/`` a directory (``is_dir``), but a zip
    made by hand or by a hostile tool can store bytes under such a name, and
    every input must end as one line: so an entry is a directory only when it
    holds nothing (no size, no checksum of any content) and its attributes do
    not call it a file (a Unix file type other than a directory; MS-DOS
    attributes without the directory bit). Any other entry is a member, read
    (or reported) under its name as written, ``/`` and all.
    """
    if not info.is_dir() or info.file_size or info.CRC:
        return False
    mode = info.external_attr >> 16
    if stat.S_IFMT(mode):
        return stat.S_ISDIR(mode)
    dos = info.external_attr & 0xFF
    return not dos or bool(dos & 0x10)


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
    unreadable = _zip_unreadable(info)
    if unreadable is not None:
        return MemberFailure(name, unreadable)
    try:
        budget.check_declared(info.file_size)
        with archive.open(info) as stream:
            return Member(name, budget.read(stream))
    except (_MemberTooLarge, _ArchiveTooLarge) as exc:
        return MemberFailure(name, str(exc), final=isinstance(exc, _ArchiveTooLarge))
    except Exception as exc:  # any corruption of one member must not stop the archive
        return MemberFailure(name, f"unreadable member ({_describe(exc)})")


#: The zip compression methods zipfile reads (Zstandard too from Python 3.14 on).
_ZIP_READ = frozenset(
    method
    for method in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA,
                   getattr(zipfile, "ZIP_ZSTANDARD", None))
    if method is not None
)  # fmt: skip
#: Names of methods zipfile has none for, as the zip format names them.
_ZIP_METHODS = {93: "zstandard", 95: "xz", 96: "jpeg"}


def _zip_unreadable(info: zipfile.ZipInfo) -> str | None:
    """Why a zip member cannot be read, and what to do, before zipfile says it its own way
    (``RuntimeError: File <ZipInfo filename=... > is encrypted, password required for
    extraction``, ``NotImplementedError: That compression method is not supported``): an
    encrypted member (WinZip's AES marks itself as method 99), or a method zipfile lacks
    (Deflate64, which Windows' Explorer writes for large files, PPMd from 7-Zip...)."""
    if info.flag_bits & 0x1 or info.compress_type == 99:
        return (
            "encrypted member: it needs a password, which is not asked for; unzip it with "
            "its password (7z x, unzip) and give the folder of files it unpacks to"
        )
    if info.compress_type in _ZIP_READ:
        return None
    names = {**getattr(zipfile, "compressor_names", {}), **_ZIP_METHODS}  # not in its stubs
    method = names.get(info.compress_type, f"method {info.compress_type}")
    return (
        f"compressed with {method} (zip method {info.compress_type}), which is not read here "
        f"(store, deflate, bzip2 and lzma are); unzip it (7z x) and give the folder of "
        f"files it unpacks to, or zip them again with deflate"
    )


# ---------------------------------------------------------------------- tar

#: Bytes of a tar block: headers start on block boundaries of the uncompressed tar.
_BLOCK = tarfile.BLOCKSIZE
#: Uncompressed bytes a tar stream keeps behind its position, so reading can step back to
#: a header :mod:`tarfile` refused (its stream reads at most one record, 10 KiB, ahead).
_TAR_REWIND = 64 * 1024
#: Damaged places of one tar described in its failure line; further ones are counted.
_GAPS_TOLD = 5
#: The start of the next stream of a compressed tar made by concatenation (``cat a.gz b.gz``).
_STREAM_MAGIC = {"gz": b"\x1f\x8b", "bz2": b"BZh", "xz": b"\xfd7zXZ\x00"}


def iter_tar(
    source: Source, screen: Screen, caps: SizeCaps, budget: ExpansionBudget | None = None
) -> Iterator[ArchiveEntry]:
    """Every non-directory member of a (possibly compressed) tar archive, read as one stream.

    The archive is read front to back, never seeking (see :class:`_TarStream`),
    and skipping a member still inflates it, so every member's size counts
    towards the archive cap, read or not. Symbolic links and devices are
    reported, not followed: nothing is ever extracted for them to point at.

    Damage does not end reading quietly. :mod:`tarfile` takes a header it
    cannot read (a bad checksum, a block of zeros where a header should be)
    for the end of the archive; here the position where it stopped is
    compared with what follows (:func:`_tar_pass`): if non-zero bytes follow,
    the archive is damaged, and reading resumes at the next valid header, as
    GNU tar does. Every damaged place is told, with its byte offset in the
    uncompressed tar and the last member read before it, in one failure line
    for the archive; members found after it are read. Zeros after the end
    (padding, the joint of two concatenated tars) are no damage. A compressed
    stream that is cut or corrupt ends reading with a failure.

    A hard link is another name for an earlier member's content, which a
    stream has already passed: links are collected and, after the archive's
    end, resolved in a second pass over a source that can be read again (a
    file, an in-memory member), each yielding its target's bytes under its
    own name (charged to the budget again, so a thousand links to one big
    member cannot dodge the cap). A link whose target is not a file of the
    archive, or whose archive cannot be read again (a pipe) or ends early, is
    a failure naming the target.
    """
    budget = budget or ExpansionBudget(caps)
    try:
        handle = open(source, "rb") if isinstance(source, str) else source  # noqa: SIM115
    except OSError as exc:
        yield MemberFailure(None, f"not a readable tar archive ({_describe(exc)})", final=True)
        return
    links: _Links = {}
    complete = False
    try:
        try:
            stream = _TarStream(handle)
        except Exception as exc:  # OSError, and worse on hostile input
            yield MemberFailure(None, f"not a readable tar archive ({_describe(exc)})", final=True)
            return
        for entry in _tar_entries(stream, screen, budget, links):
            yield entry
            if isinstance(entry, MemberFailure) and entry.final:
                break
        else:
            complete = True
    finally:
        if isinstance(source, str):
            handle.close()
    if links and complete:
        yield from _resolve_links(source, links, budget)
    elif links:
        yield from _unresolved(links, "not read: the archive ends before its end")


#: Hard links to resolve: (target name, which file of that name) -> the links' names.
_Links = dict[tuple[str, int], list[str]]


class _TarStreamError(Exception):
    """The tar's bytes themselves fail: corrupt or cut compressed data, an I/O error."""


class _TarStream:
    """A tar's uncompressed bytes, read once, front to back, that can step back a little.

    It decompresses gzip, bzip2 and xz (told by their magic numbers, as
    tarfile's ``r|*`` does) in pieces of bounded size, stream after stream
    when several were concatenated, and checks that a compressed stream ends
    where the file does: a cut file or corrupt data raise
    :class:`_TarStreamError`, then and on every later read (``failure``).
    ``position`` counts the uncompressed bytes handed out. The last
    :data:`_TAR_REWIND` of them are kept, so a reader can go back to a header
    :mod:`tarfile` refused (:meth:`rewind`) or hand back what a scan read too
    far; nothing else is kept, so memory stays bounded whatever the size.
    """

    def __init__(self, raw: IO[bytes]) -> None:
        read: Callable[[int], bytes] = getattr(raw, "read1", raw.read)
        self._read_raw = read
        self.position = 0
        self.failure: _TarStreamError | None = None
        self._pending = b""  # given back: handed out again before anything new
        self._at = 0
        self._history: deque[bytes] = deque()
        self._kept = 0
        self._input = b""  # compressed bytes not yet given to the decompressor
        head = b""
        while len(head) < 10 and (more := read(10 - len(head))):
            head += more
        self.compression = _tar_compression(head)
        self._decompressor: Any = _decompressor(self.compression)
        if self._decompressor is None:
            self._pending = head
        else:
            self._input = head

    def read(self, size: int) -> bytes:
        """``size`` bytes, fewer only at the end of the tar."""
        if self.failure is not None:
            raise self.failure
        parts: list[bytes] = []
        have = 0
        if self._at < len(self._pending):
            part = self._pending[self._at : self._at + size]
            self._at += len(part)
            parts.append(part)
            have += len(part)
        while have < size:
            try:
                part = self._more(size - have)
            except _TarStreamError as exc:
                self.failure = exc
                raise
            except Exception as exc:  # zlib.error, lzma.LZMAError, OSError ...
                self.failure = _TarStreamError(_describe(exc))
                raise self.failure from exc
            if not part:
                break
            parts.append(part)
            have += len(part)
        data = b"".join(parts)
        self.position += len(data)
        if data:
            self._history.append(data)
            self._kept += len(data)
            while self._kept - len(self._history[0]) >= _TAR_REWIND:
                self._kept -= len(self._history.popleft())
        return data

    def rewind(self, position: int) -> bool:
        """Go back to ``position`` if it is among the bytes kept; False if not."""
        back = self.position - position
        if back < 0 or back > self._kept:
            return False
        taken: list[bytes] = []
        need = back
        while need:
            last = self._history.pop()
            if len(last) > need:
                self._history.append(last[:-need])
                last = last[-need:]
            taken.append(last)
            self._kept -= len(last)
            need -= len(last)
        rest = self._pending[self._at :]
        self._pending = b"".join([*reversed(taken), rest])
        self._at = 0
        self.position = position
        return True

    def _more(self, size: int) -> bytes:
        """Up to ``size`` new uncompressed bytes; b"" at the end of the tar."""
        if self._decompressor is None:
            return self._read_raw(size)
        while True:
            decompressor = self._decompressor
            if decompressor.eof:
                if not self._next_stream():
                    return b""
                continue
            if self._input:
                data, self._input = self._input, b""
            elif self.compression == "gz" or decompressor.needs_input:
                data = self._read_raw(_CHUNK)
                if not data:
                    # zlib may still hold output it had no room for; then the data is cut
                    if self.compression == "gz" and (out := decompressor.decompress(b"", size)):
                        return bytes(out)
                    raise _TarStreamError(
                        f"its {self.compression} data ends early: the file is cut short"
                    )
            else:
                data = b""  # bz2 and xz keep input they have not yet inflated
            out = decompressor.decompress(data, size)
            if self.compression == "gz":
                self._input = decompressor.unconsumed_tail
            if out:
                return bytes(out)

    def _next_stream(self) -> bool:
        """After a compressed stream ends: start the next one if another follows.

        False at the end of the file. Zero padding (tapes, xz stream padding)
        is passed over; other bytes are not this archive's data and fail.
        """
        rest = self._decompressor.unused_data + self._input
        self._input = b""
        magic = _STREAM_MAGIC[self.compression]
        while len(rest := rest.lstrip(b"\0")) < len(magic):
            more = self._read_raw(_CHUNK)
            if not more:
                if rest:
                    break
                return False
            rest += more
        if not rest.startswith(magic):
            raise _TarStreamError(
                f"bytes that are no {self.compression} data follow its compressed data"
            )
        self._decompressor = _decompressor(self.compression)
        self._input = rest
        return True


def _tar_compression(head: bytes) -> str:
    """The compression a tar's first bytes show, as tarfile's ``r|*`` tells it."""
    if head.startswith(b"\x1f\x8b\x08"):
        return "gz"
    if head[:3] == b"BZh" and head[4:10] == b"1AY&SY":
        return "bz2"
    if head.startswith((b"\x5d\x00\x00\x80", b"\xfd7zXZ")):
        return "xz"
    return "tar"


def _decompressor(compression: str) -> Any:
    if compression == "gz":
        return zlib.decompressobj(16 + zlib.MAX_WBITS)  # gzip framing, CRC checked
    if compression == "bz2":
        return bz2.BZ2Decompressor()
    if compression == "xz":
        return lzma.LZMADecompressor()
    return None


@dataclass(frozen=True, slots=True)
class _Gap:
    """Bytes of a tar, not all zeros, where no member could be read.

    ``start``: the byte (of the uncompressed tar) of the header tarfile
    refused; ``end``: where a valid header was found again, None if none
    was; ``last``: the last member read before it; ``cause``: why the
    archive's very first header was refused, when it was.
    """

    start: int
    end: int | None
    last: str | None
    cause: str | None = None


class _TarInfo(tarfile.TarInfo):
    """tarfile's member header, but a plain-file entry named like a folder that holds bytes
    stays a file.

    tarfile takes an old-style file entry (type ``\\0``) whose name ends in ``/``
    for a V7 directory, and reads no data for a directory, so the bytes such an
    entry holds were read as the next header: the member was lost, silently,
    and the archive looked damaged. Every input ends as one line: with a size,
    the entry is the file it says it is (GNU tar skips its bytes as a file's
    too), read under its name as written; without one it is the directory it
    always was. A directory entry proper (type ``5``) holds nothing whatever its
    size field says (tarfile and GNU tar ignore it alike).
    """

    @classmethod
    def frombuf(cls, buf: bytes | bytearray, encoding: str, errors: str) -> Self:
        info = super().frombuf(buf, encoding, errors)
        if buf[156:157] == tarfile.AREGTYPE and info.isdir() and info.size > 0:
            name = buf[:100].split(b"\0", 1)[0]
            info.type = tarfile.REGTYPE
            info.name += "/" * (len(name) - len(name.rstrip(b"/")))  # as written: tarfile strips
        return info


#: What a pass over a tar gives: a member with the TarFile that reads its data, or a gap.
_TarStep = tuple[tarfile.TarFile, tarfile.TarInfo] | _Gap


def _tar_pass(stream: _TarStream, budget: ExpansionBudget) -> Generator[_TarStep, None, None]:
    """One pass over a tar: each member with the TarFile that reads its data, and the gaps.

    tarfile reads headers until one it cannot read, and ends there, quietly.
    Where it stopped (``offset``) is compared with what the stream holds
    from there on: nothing (the end), zeros (the end-of-archive blocks and
    padding) or a valid header after zeros (two concatenated tars, read on)
    are no damage; non-zero bytes before the next valid header, or before
    the end, are a :class:`_Gap`. After a gap, a new TarFile reads on from
    the header found. Every pass moves at least one block forward, so this
    ends. A stream that fails (cut, corrupt) raises its error.
    """
    last: str | None = None
    while True:
        base = stream.position
        stop = base
        cause: str | None = None
        try:
            with tarfile.open(
                fileobj=cast(IO[bytes], stream), mode="r|", tarinfo=_TarInfo
            ) as archive:
                try:
                    while (info := archive.next()) is not None:
                        last = info.name
                        yield archive, info
                finally:
                    stop = base + archive.offset
        except Exception as exc:  # a header chain tarfile refuses (or the stream failing)
            cause = _describe(exc)
        if stream.failure is not None:
            raise stream.failure
        if stop > stream.position:  # the header after a member lies past the end of the file
            raise _TarStreamError("the file ends inside that member: it is cut short")
        rewound = stream.rewind(stop)
        lost = 0 if rewound else stream.position - stop  # an overlong header chain, not kept
        # the block at stop is the one tarfile refused: never take it for a header again
        found, passed = _next_header(stream, budget, skip=_BLOCK if rewound else 0)
        if found is None and cause is not None and stop == 0 and last is None:
            yield _Gap(0, None, None, cause)  # no tar at all
            return
        if passed or lost:
            yield _Gap(stop, found, last, cause)
        if found is None:
            return


def _next_header(
    stream: _TarStream, budget: ExpansionBudget, *, skip: int
) -> tuple[int | None, int]:
    """Read on to the next valid tar header (past the first ``skip`` bytes).

    Returns where it starts, the stream left there, or None at the end of the
    tar; and how many non-zero bytes were passed over. The bytes passed over
    count towards the archive cap.
    """
    passed = 0
    while True:
        start = stream.position
        chunk = stream.read(_CHUNK)
        if not chunk:
            return None, passed
        at = _find_header(chunk, skip)
        skip = 0
        seen = chunk if at is None else chunk[:at]
        budget.charge(len(seen))
        passed += len(seen) - seen.count(0)
        if at is not None:
            stream.rewind(start + at)  # the chunk just read is always kept
            return start + at, passed


def _find_header(chunk: bytes, begin: int) -> int | None:
    """The offset of the first block from ``begin`` on that is a valid tar header.

    Only ustar, GNU and pax headers (every tar written since the 1990s) are
    looked for: their magic ``ustar`` at offset 257 finds candidates fast,
    and tarfile checks each candidate's checksum.
    """
    at = chunk.find(b"ustar", begin + 257)
    while at != -1:
        start = at - 257
        if start % _BLOCK == 0 and start + _BLOCK <= len(chunk):
            try:
                tarfile.TarInfo.frombuf(
                    chunk[start : start + _BLOCK], tarfile.ENCODING, "surrogateescape"
                )
            except Exception:  # HeaderError: a bad checksum, a block of zeros
                pass
            else:
                return start
        # the next candidate: the magic's place in the next block (always further on)
        at = chunk.find(b"ustar", (start // _BLOCK + 1) * _BLOCK + 257)
    return None


def _after(last: str | None) -> str:
    return f"after member {last!r}" if last else "at its start"


def _gap_text(gap: _Gap) -> str:
    where = f"tar damaged {_after(gap.last)} (byte {gap.start} of the tar)"
    if gap.end is None:
        return f"{where}: the rest of the archive could not be read"
    return (
        f"{where}: no readable member header up to byte {gap.end}, where reading "
        "resumed; a member in between is lost"
    )


class _Damage:
    """The gaps of one tar, told in a single failure line for the archive (one id, one line)."""

    def __init__(self) -> None:
        self.gaps: list[_Gap] = []

    def report(self) -> MemberFailure | None:
        """The gaps so far as one failure (reading goes on after them); None if none."""
        told = self._told()
        return MemberFailure(None, "; ".join(told)) if told else None

    def ending(self, error: str) -> MemberFailure:
        """The failure that ends reading, after the gaps so far."""
        told = self._told()
        told.append(f"then {error}" if told else error)
        return MemberFailure(None, "; ".join(told), final=True)

    def _told(self) -> list[str]:
        told = [_gap_text(gap) for gap in self.gaps[:_GAPS_TOLD]]
        if len(self.gaps) > _GAPS_TOLD:
            told.append(f"and {len(self.gaps) - _GAPS_TOLD} more damaged places")
        self.gaps.clear()
        return told


def _tar_entries(
    stream: _TarStream,
    screen: Screen,
    budget: ExpansionBudget,
    links: _Links,
) -> Iterator[ArchiveEntry]:
    """The entries of the first pass; hard links wanted by ``screen`` are noted in ``links``.

    A link names the latest file of its target's name before it (a name can
    recur: ``tar -r`` appends new versions), so each file's occurrence number
    is counted; a link to a name not seen yet takes its first file. The
    archive's gaps come as one failure (name None) after its last member, or
    before the failure that ends reading.
    """
    last = None
    files: dict[str, int] = {}  # occurrences of each regular file's name so far
    damage = _Damage()
    steps = _tar_pass(stream, budget)
    try:
        while True:
            try:
                step = next(steps, None)
            except _ArchiveTooLarge as exc:
                yield damage.ending(str(exc))
                return
            except Exception as exc:  # a cut or corrupt compressed stream, an I/O error
                why = str(exc) if isinstance(exc, _TarStreamError) else _describe(exc)
                error = f"corrupt or truncated archive {_after(last)} ({why})"
                yield damage.ending(error)
                return
            if step is None:
                told = damage.report()
                if told is not None:
                    yield told
                return
            if isinstance(step, _Gap):
                if step.cause is not None and step.end is None and step.start == 0 and not last:
                    error = f"not a readable tar archive ({step.cause})"
                    yield MemberFailure(None, error, final=True)
                    return
                damage.gaps.append(step)
                continue
            archive, info = step
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
            if entry is None:
                continue
            if isinstance(entry, MemberFailure) and entry.final:
                if entry.name is None:
                    entry = damage.ending(entry.error)
                else:
                    told = damage.report()
                    if told is not None:
                        yield told
                yield entry
                return
            yield entry
    finally:
        steps.close()


def _resolve_links(
    source: Source, links: _Links, budget: ExpansionBudget
) -> Iterator[ArchiveEntry]:
    """Each hard link as its target's bytes, read in a second pass over the archive.

    The pass reads past damage as the first did; its gaps were told already.
    """
    again = _reopen(source)
    if again is None:
        yield from _unresolved(
            links, "its content cannot be read again from a stream; give the archive as a file"
        )
        return
    stream, handle = again
    files: dict[str, int] = {}
    try:
        # what the first pass skipped is skipped again, under a cap of its own
        for step in _tar_pass(stream, ExpansionBudget(budget.caps)):
            if isinstance(step, _Gap):
                continue
            archive, info = step
            if not info.isreg():
                continue
            number = files[info.name] = files.get(info.name, 0) + 1
            names = links.pop((info.name, number), None)
            if names is None:
                continue
            label = info.name if number == 1 else f"{info.name}#{number}"
            for entry in _link_copies(archive, info, label, names, budget):
                yield entry
                if isinstance(entry, MemberFailure) and entry.final:
                    yield from _unresolved(links, "not read: the archive size cap is reached")
                    return
            if not links:
                return
    except Exception as exc:  # the archive read fine once: this is the disk or the file changing
        yield from _unresolved(links, f"its content could not be read again ({_describe(exc)})")
        return
    finally:
        if handle is not None:
            handle.close()
    yield from _unresolved(links, "which this archive does not hold as a file; nothing to read")


def _reopen(source: Source) -> tuple[_TarStream, IO[bytes] | None] | None:
    """The tar again from its start (and the file to close), or None for a one-time stream."""
    try:
        if isinstance(source, str):
            if not _is_regular_path(source):
                return None
            handle = open(source, "rb")  # noqa: SIM115 - closed by the caller
            try:
                return _TarStream(handle), handle
            except BaseException:
                handle.close()
                raise
        if not _is_seekable(source):
            return None
        source.seek(0)
        return _TarStream(source), None
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
#: Records that describe other records (or the file): passed over without a line.
_WARC_PASSED_OVER = frozenset({"request", "metadata", "warcinfo", "revisit"})
#: Records that hold a document themselves, without HTTP around it (Webrecorder and
#: ArchiveWeb.page store pages as ``resource`` records; ``conversion``: another form
#: of a record's content).
_WARC_DOCUMENTS = frozenset({"resource", "conversion"})
#: Text content types read from ``response``, ``resource`` and ``conversion`` records
#: (and any type naming HTML: ``text/html``, ``application/xhtml+xml``).
_WARC_TEXT_TYPES = frozenset({"text/plain", "text/markdown", "text/x-markdown"})
#: Paths of the plain-text files a crawler fetches for itself from every host it visits
#: (``wget --warc-file`` stores its robots.txt): none is an article.
_CRAWLER_FILES = frozenset(
    {"/robots.txt", "/ads.txt", "/app-ads.txt", "/humans.txt", "/security.txt", "/llms.txt"}
)


def iter_warc(
    source: Source, caps: SizeCaps, budget: ExpansionBudget | None = None
) -> Iterator[ArchiveEntry]:
    """One entry per page record: the page, else why not.

    A page is the HTML or text (a wire story, a press release served as
    ``.txt``) of a 2xx ``response`` record, or of a ``resource`` or
    ``conversion`` record (Webrecorder and ArchiveWeb.page store pages as
    resources): the same content types, read alike, named by its
    WARC-Target-URI (or record id),
    and carrying its WARC-Date and WARC-Record-ID: a crawl holds re-crawls,
    several captures of one URI, which the readers tell apart by them.
    Such records that are no article (an image, a redirect, a stylesheet, a
    crawler's own ``robots.txt``) are
    reported as skipped, named ``record-<n>``, and so is a record of any
    other type (``continuation``, or one this reader does not know); request,
    metadata, warcinfo and revisit records describe other records and are
    passed over. A record cut short (a truncated file)
    is a failure, never a page made of what was there, and so are bytes
    after the last complete record (warcio ends quietly on a partial one).

    A file cut short (a download or copy that stopped) is one failure that
    says so, whatever warcio makes of the partial record (an exception about
    a header it half read, a record without a length): the records before
    the cut are read, and the cut is named (:meth:`_WatchedIterator.cut_short`),
    ``the WARC ends inside record 4 (its gzip stream is cut short)``, never
    as a corrupt file or a Python error. A record that is malformed where
    bytes follow it is no cut, and is reported as it is.
    """
    budget = budget or ExpansionBudget(caps)
    try:
        handle = open(source, "rb") if isinstance(source, str) else source  # noqa: SIM115
    except OSError as exc:
        yield MemberFailure(None, f"cannot read ({exc.strerror})", final=True)
        return
    try:
        counted = _CountingReader(handle)
        other = _not_warc(counted.head())
        if other is not None:
            yield MemberFailure(None, other, final=True)
            return
        records = _WatchedIterator(counted)
        count = 0
        pending: ArchiveEntry | None = None  # the last record's entry, until its end is read
        while True:
            misframed = int(getattr(records, "err_count", 0) or 0)
            try:
                record = next(records, None)
            except Exception as exc:  # warcio's ArchiveLoadFailed, gzip and I/O errors
                if pending is not None:
                    yield pending
                why = records.cut_short(in_header=True)
                if why is not None:  # warcio's error is about the part of a record it read
                    error = _ends_early(f"inside record {count + 1}", why)
                else:
                    error = f"corrupt WARC after {count} records ({_describe(exc)})"
                yield MemberFailure(None, error, final=True)
                return
            if pending is not None:  # reading on read to its end: it ended where it said?
                if int(getattr(records, "err_count", 0) or 0) > misframed:
                    pending = _misframed(pending, count)
                yield pending
                pending = None
            if record is None:
                break
            count += 1
            entry = _warc_record(record, count, budget, records.cut_short)
            if isinstance(entry, MemberFailure) and entry.final:
                yield entry
                return
            pending = entry
        counted.drain()
        complete = int(getattr(records, "offset", 0) or 0)
        if records.gzip_incomplete:  # warcio ends quietly inside a member
            after = records.cut_after_record  # only the end of the last record's member
            where = f"after record {count}" if after else f"inside record {count + 1}"
            yield MemberFailure(None, _ends_early(where, _GZIP_CUT), final=True)
        elif counted.position > complete:
            if _unfinished_record(counted.since(complete)):  # warcio ends quietly there too
                error = _ends_early(f"inside record {count + 1}", _FILE_CUT)
            else:
                error = (
                    f"truncated or malformed WARC: the data after record {count}, the last "
                    "complete one, could not be read"
                )
            yield MemberFailure(None, error, final=True)
    finally:
        if isinstance(source, str):
            handle.close()


def _misframed(entry: ArchiveEntry, number: int) -> ArchiveEntry:
    """A record followed by bytes that are no record's start: its Content-Length is too
    short (a tool that counted characters, not bytes, or rewrote line ends), so its content
    was cut there, and the rest taken for padding. It was read as a whole page, and warcio
    wrote three raw lines on stderr; now it is the failure a record cut short is."""
    if not isinstance(entry, Member):
        return entry  # skipped or failed already: the record's own line says why
    return MemberFailure(
        entry.name,
        f"record {number}'s Content-Length ends before its bytes do (bytes that start no "
        "record follow it): its content is cut short, not read; the records after it are",
        is_uri=entry.is_uri,
        captured=entry.captured,
        record_id=entry.record_id,
    )


class _AnyCaseLoader(ArcWarcRecordLoader):  # type: ignore[misc]
    """warcio's record loader, reading the HTTP headers of a record whose Target-URI's
    scheme is written in capitals (``HTTP://``, ``Https://``), and of a record whose own
    Content-Type says it holds an HTTP message (``application/http``) whatever its URI.

    A scheme is case-insensitive (RFC 3986); warcio's test of it is not, and such a
    response read as one "without HTTP headers": a page skipped. warcio reads HTTP
    headers only under an ``http:`` or ``https:`` URI, so a response whose URI is missing,
    empty or a URN (``urn:x:y``, as tools write for captures they name no other way) was
    skipped too, though its block is an HTTP message and says so. A record under an
    http(s) URI is read as warcio reads it, whatever its Content-Type: its identity does
    not change."""

    #: The WARC header block of the record being loaded (warcio hands its loader only the
    #: URI): its Content-Type tells whether the block is an HTTP message.
    _rec_headers: Any = None

    def _ensure_target_uri_format(self, rec_headers: Any) -> Any:
        self._rec_headers = rec_headers
        return super()._ensure_target_uri_format(rec_headers)

    def load_http_headers(self, rec_type: Any, uri: Any, stream: Any, length: Any) -> Any:
        # no Target-URI (a header block cut short, or none written): no HTTP headers to
        # read, where warcio's test of the scheme fails with an AttributeError
        uri = _lower_scheme(uri) if isinstance(uri, str) else ""
        headers, self._rec_headers = self._rec_headers, None
        if uri.startswith(self.HTTP_SCHEMES) or not _http_message(headers):
            return super().load_http_headers(rec_type, uri, stream, length)
        try:  # an HTTP message under another URI: read so, as under an http: one
            return super().load_http_headers(rec_type, "http:", stream, length)
        except Exception:  # no HTTP message after all: a record without HTTP headers
            return None


def _document_block(record: Any) -> bool:
    """Whether a response record's block is the document itself, not an HTTP message: no
    HTTP headers read, a Content-Type other than ``application/http``, and a URI that is
    not http(s) (where warcio's reading of it is kept as it was)."""
    if record.http_headers is not None or _http_message(record.rec_headers):
        return False
    uri = _target_uri(record) or ""
    return not uri.startswith(("http:", "https:"))


def _http_message(rec_headers: Any) -> bool:
    """Whether a WARC header block's Content-Type is ``application/http`` (an HTTP message)."""
    try:
        value = rec_headers.get_header("Content-Type") if rec_headers is not None else None
    except Exception:
        return False
    return _media_type(str(value or "")) == "application/http"


def _target_uri(record: Any) -> str | None:
    """A record's WARC-Target-URI as a page's id, source and url write it: its scheme in
    lower case, and without its userinfo (:func:`~extractor.redact.id_without_userinfo`).

    A crawl of an intranet or a logged-in export holds ``http://alice:pw@wiki/page``;
    the URI becomes the document's id and source, which every output line, table and
    page carries, so the login goes here, where the URI is taken, before any of them
    is made. Two captures of a page that differ only by their login are then captures
    of one URI, told apart (or found equal) as re-crawls are. A URI without userinfo is
    kept as written, so earlier outputs resume.
    """
    uri = _lower_scheme(record.rec_headers.get_header("WARC-Target-URI"))
    if not isinstance(uri, str) or not uri:
        return None
    return id_without_userinfo(uri)


def _lower_scheme(uri: Any) -> Any:
    """``uri`` with its scheme in lower case (``HTTP://a/B`` is ``http://a/B``)."""
    if not isinstance(uri, str):
        return uri
    scheme, colon, rest = uri.partition(":")
    return scheme.lower() + colon + rest if colon and _SCHEME.fullmatch(scheme) else uri


_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*")


class _WatchedIterator(ArchiveIterator):  # type: ignore[misc]
    """warcio's iterator, noting whether the stream ended inside a gzip member, with a
    loader that takes a Target-URI's scheme in any case (:class:`_AnyCaseLoader`)."""

    gzip_incomplete = False
    #: warcio writes this to sys.stderr itself when a record's bytes do not end where its
    #: Content-Length says (three raw lines, "WARNING: Record not followed by newline ...",
    #: amid the tool's own output, on top of that record's one failure line): nothing.
    INC_RECORD = ""
    #: The gzip member cut is the last record's, whose content was read whole (only its
    #: end is missing), rather than the member of a record that could not be read.
    cut_after_record = False

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.loader = _AnyCaseLoader(verify_http=False, arc2warc=False)  # warcio's defaults
        self._record_member: Any = None

    def _next_record(self, next_line: Any) -> Any:
        record = super()._next_record(next_line)
        self._record_member = getattr(self.reader, "decompressor", None)
        return record

    def close(self) -> None:
        decompressor: Any = getattr(getattr(self, "reader", None), "decompressor", None)
        if decompressor is not None and self._gzipped():
            ended = bool(getattr(decompressor, "eof", True))
            left = bool(getattr(decompressor, "unused_data", b""))
            # cut inside a member, or the first bytes of one left over
            self.gzip_incomplete = not ended or left
            self.cut_after_record = decompressor is self._record_member and not left
        super().close()

    def _raise_invalid_gzip_err(self) -> None:
        """Read on: a WARC gzipped whole (``gzip crawl.warc``, one gzip member for all its
        records) is a valid gzip of a valid WARC. warcio refuses one after its first record,
        since a replay tool cannot seek to a record in it; an extraction reads it from the
        start, so each record is its page, never the first one and then a failure for the
        rest. (The records themselves are parsed by warcio as in any WARC.)"""

    def _gzipped(self) -> bool:
        """Whether the file is gzip (warcio keeps its decompressor for a file of one byte)."""
        stream = self.fh
        return not isinstance(stream, _CountingReader) or stream.gzipped

    def cut_short(self, *, in_header: bool = False) -> str | None:
        """Why the WARC's data ends inside the record being read, or None if it does not.

        Asked when a record comes up short or does not parse. Only a file with
        no byte left is cut: while bytes follow, the record is malformed. A gzip
        stream is cut when its member has not ended (zlib has had every byte of
        the file and wants more). A plain WARC is cut when warcio's buffer is
        empty too; ``in_header``: when what warcio could not parse is a header
        block, only if the record is one cut short (:func:`_unfinished_record`;
        a file that is no WARC, or a malformed record, is not).
        """
        reader: Any = getattr(self, "reader", None)
        stream = self.fh
        if reader is None or not isinstance(stream, _CountingReader) or not stream.at_end():
            return None
        decompressor: Any = reader.decompressor
        if decompressor is not None and self._gzipped():
            return _GZIP_CUT if not getattr(decompressor, "eof", True) else None
        if reader.rem_length():
            return None
        if in_header and not _unfinished_record(stream.since(int(self.offset or 0))):
            return None
        return _FILE_CUT


def _unfinished_record(head: bytes | None) -> bool:
    """Whether a plain WARC's last bytes (from a record's start) are a record cut short: the
    beginning of a WARC header block that its blank line never ends, or a whole block whose
    Content-Length promises more bytes than follow it."""
    if head is None:  # more than the bytes kept: no header block is that long
        return False
    head = head.lstrip(b"\r\n")
    if not (head.startswith(b"WARC/") or b"WARC/".startswith(head)):
        return False
    blank = _BLANK_LINE.search(head)
    if blank is None:
        return True
    length = _CONTENT_LENGTH.search(head[: blank.start()])
    return length is not None and int(length.group(1)) > len(head) - blank.end()


_BLANK_LINE = re.compile(rb"\r?\n\r?\n")
_CONTENT_LENGTH = re.compile(rb"(?im)^content-length:[ \t]*([0-9]{1,18})[ \t]*\r?$")


#: Why a WARC ends early (:meth:`_WatchedIterator.cut_short`).
_GZIP_CUT = "its gzip stream is cut short"
_FILE_CUT = "the file is cut short"
#: The last bytes of a WARC kept to tell a header cut short from a malformed one.
_WARC_TAIL = 64 * 1024


#: How a WARC file opens, and an ARC file, which warcio reads too.
_WARC_OPENINGS = (b"WARC/", b"filedesc:")
#: How many of a file's first bytes :func:`_not_warc` looks at.
_FIRST_BYTES = 4096


def _not_warc(first: bytes) -> str | None:
    """Why a file read as a WARC is none at all, from its first bytes, or None when it opens
    as one (a ``WARC/`` version line, or an ARC file's ``filedesc:``, gzipped or not): a
    text, a page or a gzipped text named ``.warc`` was "corrupt WARC after 0 records" with
    warcio's parse error, or a "malformed record", as if a WARC had been damaged."""
    head, packed = first, first.startswith(b"\x1f\x8b")
    if b"\x1f\x8b".startswith(first):
        return None  # nothing, or gzip's magic cut short: the WARC error says it
    if packed:
        try:
            head = zlib.decompressobj(wbits=31).decompress(first, _FIRST_BYTES)
        except zlib.error:
            return None  # a damaged gzip stream: the WARC error says it
    opening = head.lstrip(b"\r\n")
    if opening.startswith(_WARC_OPENINGS) or any(
        mark.startswith(opening) for mark in _WARC_OPENINGS
    ):  # a WARC (an ARC, which warcio reads too), one cut inside that line, or nothing
        return None
    kind = describe(head)
    inside = f"a gzip stream of {kind}" if packed else kind
    return (
        f"not a WARC file: it is {inside}, not WARC records "
        "(each opens with a 'WARC/1.0' line); give it a name that says what it is "
        "(.txt, .html, .gz ...) or give the WARC file meant"
    )


def _ends_early(where: str, why: str) -> str:
    return (
        f"the WARC ends {where} ({why}); the records before it were read: copy or "
        "download the whole file again"
    )


class _CountingReader:
    """A read-only stream that knows how many bytes it has given out (its ``tell``),
    whether any are left (:meth:`at_end`), and the last :data:`_WARC_TAIL` of them."""

    def __init__(self, stream: IO[bytes]) -> None:
        self._stream = stream
        self.position = 0
        self._ahead = b""  # read to look for the end, not given out yet
        self._tail = b""
        self._head = b""

    @property
    def gzipped(self) -> bool:
        """Whether the stream's first bytes are gzip's magic (or all there is of it)."""
        return bool(self._head) and b"\x1f\x8b".startswith(self._head)

    def read(self, size: int = -1) -> bytes:
        if self._ahead:
            data = self._ahead if size is None or size < 0 else self._ahead[:size]
            self._ahead = self._ahead[len(data) :]
        else:
            data = self._stream.read(size)
        if len(self._head) < 2:
            self._head = (self._head + data)[:2]
        self.position += len(data)
        keep = _WARC_TAIL - len(data)
        self._tail = (self._tail[-keep:] if keep > 0 else b"") + data[-_WARC_TAIL:]
        return data

    def head(self) -> bytes:
        """The first bytes of the stream, before any is given out (read ahead, kept)."""
        self.at_end()
        return self._ahead[:_FIRST_BYTES]

    def at_end(self) -> bool:
        """Whether the stream has no byte left to give (one read ahead, kept for later)."""
        if not self._ahead:
            try:
                self._ahead = self._stream.read(_CHUNK)
            except (OSError, ValueError):
                return False  # unknown: the next read says what is wrong
        return not self._ahead

    def since(self, offset: int) -> bytes | None:
        """The bytes given out from ``offset`` on, or None if they are no longer kept."""
        back = self.position - offset
        return self._tail[len(self._tail) - back :] if 0 <= back <= len(self._tail) else None

    def tell(self) -> int:
        return self.position

    def drain(self) -> None:
        while self.read(_CHUNK):
            pass


def _warc_record(
    record: Any, number: int, budget: ExpansionBudget, cut: _CutShort
) -> ArchiveEntry | None:
    """A page, a failure, or None for a complete record that describes others.

    ``cut`` says whether the file ends inside this record, when it comes up short:
    then its failure says so, and ends the archive (nothing follows).
    """
    headers = record.rec_headers
    declared = _declared_length(headers)
    if declared is None:  # a header block cut short, or no WARC record at all
        why = cut(in_header=True)
        if why is not None:
            where = f"inside record {number}"
            return MemberFailure(f"record-{number}", _ends_early(where, why), final=True)
        error = "malformed or truncated record (no valid Content-Length)"
        return MemberFailure(f"record-{number}", error)
    kind = str(record.rec_type or "")
    if kind == "response" and _document_block(record):
        # a capture that is no HTTP message (an FTP download, a page saved under a URN):
        # its block is the document, as a resource record's is
        skip = _not_a_document(record, kind)
    elif kind == "response":
        skip = _not_a_page(record)
    elif kind in _WARC_DOCUMENTS:
        skip = _not_a_document(record, kind)
    elif kind in _WARC_PASSED_OVER:
        skip = ""
    else:
        skip = f"WARC {kind or 'untyped'} record, not read"
    if skip is not None:  # passed over: warcio still inflates it, so it counts
        too_large = _pass_over(budget, declared)
        if too_large is not None:
            return too_large
        missing = _missing_bytes(record)
        if missing:
            error, final = _truncated(missing, number, cut)
            return MemberFailure(f"record-{number}", error, final=final)
        return MemberFailure(f"record-{number}", skip, skipped=True) if skip else None
    uri = _target_uri(record)  # one page, however written, and never a login
    raw_id = headers.get_header("WARC-Record-ID")
    name = str(uri or raw_id or f"record-{number}")
    is_uri = bool(uri or raw_id)
    record_id = str(raw_id or "").strip() or None
    warc_date = headers.get_header("WARC-Date")
    captured = str(warc_date or "").strip() or None

    def failed(error: str, final: bool = False) -> MemberFailure:
        return MemberFailure(
            name, error, final=final, is_uri=is_uri, captured=captured, record_id=record_id
        )

    codings = _content_codings(record)
    unreadable = _unreadable_coding(codings)
    if unreadable is not None:
        return _pass_over(budget, declared) or failed(unreadable)
    damaged = (
        f"compressed as {', '.join(codings)} (Content-Encoding), and its bytes do not "
        "decompress: a damaged or mislabelled record"
    )
    try:
        stream = _Unbrotli(_encoded_body(record)) if codings == ["br"] else record.content_stream()
        data = budget.read(stream)
        missing = _missing_bytes(record)
    except (_MemberTooLarge, _ArchiveTooLarge) as exc:
        return failed(str(exc), final=isinstance(exc, _ArchiveTooLarge))
    except Exception as exc:  # bad chunked, gzip or br payload in one record; or the file cut
        why = cut()
        if why is not None:
            return failed(_ends_early(f"inside record {number}", why), final=True)
        undecodable = isinstance(exc, _Undecodable)
        return failed(damaged if undecodable else f"unreadable record ({_describe(exc)})")
    if missing:
        return failed(*_truncated(missing, number, cut))
    # warcio reads a body that does not decompress as it is, its decompressor dropped (a
    # mislabelled plain page); bytes that are no text either are a damaged body, no article
    fell_back = getattr(stream, "decomp_type", None) and getattr(stream, "decompressor", 0) is None
    if fell_back and not _plain_text(data):
        return failed(damaged)
    content_type = _content_type(record)
    charset = _CHARSET.search(content_type)
    return Member(
        name=name,
        data=data,
        url=uri,
        fetched=_warc_date(warc_date),
        charset=charset.group(1) if charset else None,
        is_uri=is_uri,
        media_type=_media_type(content_type) or None,
        captured=captured,
        record_id=record_id,
        conversion=kind == "conversion",
    )


def _content_codings(record: Any) -> list[str]:
    """The HTTP Content-Encoding of a response, as a list (``identity`` left out)."""
    headers = getattr(record, "http_headers", None)
    value = headers.get_header("content-encoding") if headers is not None else None
    return [
        c.strip().lower()
        for c in str(value or "").split(",")
        if c.strip().lower() not in ("", "identity")
    ]


def _unreadable_coding(codings: list[str]) -> str | None:
    """Why a body compressed so cannot be read here (None: it can, or is not compressed).

    warcio undoes gzip, deflate and br (with brotli installed, a dependency);
    anything else (zstd, two codings) it would pass on as it is, and the
    compressed bytes would reach the model as an article.
    """
    if not codings:
        return None
    from warcio.bufferedreaders import BufferedReader

    known = {*BufferedReader.get_supported_decompressors(), "br"}  # br: see _Unbrotli
    if len(codings) == 1 and codings[0] in known:
        return None
    return f"compressed as {', '.join(codings)} (Content-Encoding), which this install cannot undo"


class _Undecodable(Exception):
    """A compressed body whose bytes do not decompress."""


def _encoded_body(record: Any) -> Any:
    """A response's body as sent, its chunked transfer undone but not its compression."""
    from warcio.bufferedreaders import ChunkedDataReader

    if record.http_headers.get_header("transfer-encoding") == "chunked":
        return ChunkedDataReader(record.raw_stream)
    return record.raw_stream


class _Unbrotli:
    """A br-compressed body (as browser crawls store pages), read decompressed a chunk at a
    time. warcio's own br reader breaks on brotli 1.2, and it inflates a whole block at
    once; here every read returns at most ``size`` bytes, so a brotli bomb meets the
    member cap (:meth:`ExpansionBudget.read`), not the memory."""

    def __init__(self, stream: Any) -> None:
        import brotli

        self._error = brotli.error
        self._stream = stream
        self._decompressor = brotli.Decompressor()
        self._ended = False

    def read(self, size: int = _CHUNK) -> bytes:
        try:
            while True:
                data = b""
                if self._decompressor.can_accept_more_data():
                    if self._ended:
                        return b""
                    data = self._stream.read(_CHUNK)
                    if not data:
                        self._ended = True
                        if not self._decompressor.is_finished():
                            raise _Undecodable("the br stream ends before its end")
                        return b""
                out = self._decompressor.process(data, output_buffer_limit=max(size, 1))
                if out:
                    return bytes(out)
        except self._error as error:
            raise _Undecodable(str(error)) from None


def _pass_over(budget: ExpansionBudget, declared: int) -> MemberFailure | None:
    """Charge a record that is not read to the budget; a failure when that ends the archive."""
    try:
        budget.charge(declared)
    except _ArchiveTooLarge as exc:
        return MemberFailure(None, str(exc), final=True)
    return None


def _plain_text(data: bytes) -> bool:
    """Whether ``data`` reads as text: UTF-8 (or ASCII) with no control character but
    blank space, as a page whose Content-Encoding header lied would."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return not re.search(r"[\x00-\x08\x0e-\x1f\x7f]", text)


def _declared_length(headers: Any) -> int | None:
    try:
        length = int(headers.get_header("Content-Length"))
    except (TypeError, ValueError):
        return None
    return length if length >= 0 else None


class _CutShort(Protocol):
    def __call__(self, *, in_header: bool = False) -> str | None: ...


def _truncated(missing: int, number: int, cut: _CutShort) -> tuple[str, bool]:
    """What a record whose Content-Length promised ``missing`` bytes more is, and whether
    that ends the archive: the file cut short inside it, or a record shorter than it says."""
    why = cut()
    if why is None:
        return f"truncated record ({missing} bytes of it missing from the file)", False
    if why == _FILE_CUT:  # a plain WARC: cut, or a Content-Length larger than the record
        why = f"{why}, or the record's Content-Length is wrong"
    return _ends_early(f"inside record {number}", f"{why}: {missing} bytes of it missing"), True


def _missing_bytes(record: Any) -> int:
    """Bytes the record's Content-Length promised that the file does not hold."""
    raw = record.raw_stream
    while raw.read(_CHUNK):  # the rest of the record (a payload already read leaves little)
        pass
    limit = getattr(raw, "limit", 0)
    return limit if isinstance(limit, int) and limit > 0 else 0


def _not_a_page(record: Any) -> str | None:
    """None for a 2xx response holding HTML or text, else why it is no article.

    Text is read as a resource record's is (:func:`_is_page_type`): a wire
    story or a press release served as ``text/plain`` is an article, and
    was a skipped line. Not so the files a crawler fetches for itself
    (:data:`_CRAWLER_FILES`), which a crawl holds once per host.
    """
    if record.http_headers is None:
        return "response record without HTTP headers"
    status = str(record.http_headers.get_statuscode() or "")
    content_type = str(record.http_headers.get_header("Content-Type") or "")
    uri = _target_uri(record) or "?"
    if not status.startswith("2"):
        return f"HTTP status {status or '?'} for {uri}, not a page"
    media = _media_type(content_type)
    if not _is_page_type(media):
        return f"not an HTML page ({content_type or 'no content type'}) at {uri}"
    if "html" not in media and _crawler_file(str(uri)):
        return f"a crawler's own file ({content_type}) at {uri}, not a page"
    return None


def _is_page_type(media: str) -> bool:
    """Whether a record of this media type (lower case, no parameters) is read as a page."""
    return "html" in media or media in _WARC_TEXT_TYPES


def _crawler_file(uri: str) -> bool:
    try:
        path = urlsplit(uri).path
    except ValueError:
        return False
    return path.lower() in _CRAWLER_FILES or path.startswith("/.well-known/")


def _not_a_document(record: Any, kind: str) -> str | None:
    """None for a resource or conversion record holding HTML or text, else why it is no article."""
    content_type = _content_type(record)
    media = _media_type(content_type)
    if _is_page_type(media):
        return None
    uri = _target_uri(record) or "?"
    return f"WARC {kind} record of {content_type or 'no content type'} at {uri}, not a page"


def _content_type(record: Any) -> str:
    """The content type of a record's document: its HTTP header, else its WARC header."""
    headers = record.http_headers if record.http_headers is not None else record.rec_headers
    return str(headers.get_header("Content-Type") or "")


def _media_type(content_type: str) -> str:
    return content_type.split(";", 1)[0].strip().lower()


def _warc_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.strip()).date()
    except ValueError:
        return None


# ------------------------------------------------------- zip without its central directory

_LOCAL_HEADER = struct.Struct("<4sHHHHHIIIHH")
_LOCAL_MAGIC = b"PK\x03\x04"
#: What may follow a member's data: the next member, the central directory, a data
#: descriptor's optional signature, the end of the central directory.
_ZIP_MAGICS = (_LOCAL_MAGIC, b"PK\x01\x02", b"PK\x07\x08", b"PK\x05\x06", b"PK\x06\x06")
_NO_INDEX = (
    "its central directory, the index at the end of a zip, is missing: the file was cut "
    "short, as by a download or copy that stopped"
)
_COPY_AGAIN = "copy or download the whole file again"


class _ZipCut(Exception):
    """The bytes end inside a member: its data, its header or its data descriptor."""


class _ZipUnbounded(Exception):
    """A member whose length only the missing central directory tells."""


def _salvage_zip(
    handle: IO[bytes], budget: ExpansionBudget, screen: Screen
) -> Iterator[ArchiveEntry]:
    """The members of a zip whose central directory is missing, read from their local
    headers in file order, each checked against its CRC-32, under the same caps.

    zipfile reads a zip only by its central directory, at the end: a zip cut short lost
    it, and was one "File is not a zip file" although every member before the cut was
    whole. Here those members are read, the one the cut falls in is named, and so is what
    to do. Only stored and deflated members are read this way (what almost every zip
    holds); a member of another method, or an encrypted one, is a failure of its own. A
    member whose sizes follow its data (a streaming writer's data descriptor) ends where
    its deflate stream does, or, stored, encrypted or damaged, where a descriptor sizing it
    is (:func:`_to_descriptor`); one whose end cannot be found so ends the reading, named. Directories pass without a line; a symbolic link cannot be told
    (that is said in the central directory), and is read as a file holding its target.
    """
    handle.seek(0)
    count = 0
    while True:
        start = handle.tell()
        fixed = handle.read(_LOCAL_HEADER.size)
        if not fixed.startswith(_LOCAL_MAGIC):
            if fixed[:4] in _ZIP_MAGICS[1:]:
                where = (
                    "its central directory, the index after the members, is cut short or damaged"
                )
            elif not fixed:
                where = "it is cut short after a whole member, before its central directory"
            else:
                where = f"the bytes at offset {start} are no zip member ({_NO_INDEX})"
            yield MemberFailure(
                None,
                f"not a complete zip archive: {where}; the {count} member(s) before it were "
                f"read from their own headers: {_COPY_AGAIN} to be sure none is missing",
                final=True,
            )
            return
        if len(fixed) < _LOCAL_HEADER.size:
            yield _cut_member(None, count)
            return
        _, _, flags, method, _, _, crc, packed, size, name_len, extra_len = _LOCAL_HEADER.unpack(
            fixed
        )
        raw_name = handle.read(name_len)
        extra = handle.read(extra_len)
        if len(raw_name) < name_len or len(extra) < extra_len:
            yield _cut_member(None, count)
            return
        name = raw_name.decode("utf-8" if flags & 0x800 else "cp437", "replace")
        name = name.split("\0", 1)[0]  # as zipfile names it: the whole zip, its same names
        packed, size = _zip64_sizes(extra, packed, size)
        described = bool(flags & 0x8)
        try:
            entry = _salvaged_member(handle, name, flags, method, crc, packed, size, budget, screen)
        except _ZipCut:
            yield _cut_member(name, count)
            return
        except _ZipUnbounded:
            yield MemberFailure(
                None,
                f"not a complete zip archive ({_NO_INDEX}), and where its member "
                f"'{_shown(name)}' ends is written only there (its sizes follow its data, "
                f"and no data descriptor after it gives them); the {count} member(s) "
                f"before it were read from their own headers: {_COPY_AGAIN}",
                final=True,
            )
            return
        except _ArchiveTooLarge as exc:
            yield MemberFailure(name, str(exc), final=True)
            return
        if described:
            try:
                entry = _after_descriptor(handle, entry)
            except _ZipCut:
                yield _cut_member(name, count)
                return
        count += entry is not None
        if entry is not None and not is_junk_name(name):
            yield entry
            if isinstance(entry, MemberFailure) and entry.final:
                return


def _cut_member(name: str | None, count: int) -> MemberFailure:
    """The failure for the member a zip without its central directory is cut inside: the
    archive's, naming the member, never that member's own. Its text is unknown, not
    changed, so a result an earlier run gave it stands (as inside any container that
    broke), and a rerun over the whole file reads it."""
    inside = "a member's header" if name is None else f"its member '{_shown(name)}'"
    return MemberFailure(
        None,
        f"the zip ends inside {inside} ({_NO_INDEX}); the {count} member(s) before it "
        f"were read from their own headers: {_COPY_AGAIN}",
        final=True,
    )


def _shown(name: str) -> str:
    """A member name in an error line: unprintable characters escaped."""
    return "".join(char if char.isprintable() else ascii(char)[1:-1] for char in name)


def _zip64_sizes(extra: bytes, packed: int, size: int) -> tuple[int, int]:
    """A local header's sizes, from its ZIP64 extra field when the header says so."""
    if 0xFFFFFFFF not in (packed, size):
        return packed, size
    at = 0
    while at + 4 <= len(extra):
        kind, length = struct.unpack_from("<HH", extra, at)
        if kind == 0x0001:
            fields = extra[at + 4 : at + 4 + length]
            values = [
                int.from_bytes(fields[i : i + 8], "little") for i in range(0, len(fields) - 7, 8)
            ]
            if size == 0xFFFFFFFF and values:
                size = values.pop(0)
            if packed == 0xFFFFFFFF and values:
                packed = values.pop(0)
            break
        at += 4 + length
    return packed, size


def _salvaged_member(
    handle: IO[bytes],
    name: str,
    flags: int,
    method: int,
    crc: int,
    packed: int,
    size: int,
    budget: ExpansionBudget,
    screen: Screen,
) -> ArchiveEntry | None:
    """One member read from its local header on; the handle is left after its data (before
    a data descriptor). None for a directory."""
    described = bool(flags & 0x8)
    problem: str | None = None
    if flags & 0x1 or method == 99:
        problem = "encrypted member: it needs a password, which is not asked for"
    elif method not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        problem = f"zip method {method} is not read without the zip's central directory"
    folder = name.endswith("/") and not size  # a directory when it holds nothing
    if problem is not None or (not folder and (refused := _screen(name, screen)) is not None):
        if described:
            if method != zipfile.ZIP_DEFLATED or flags & 0x1:
                plain = method == zipfile.ZIP_STORED and not flags & 0x1
                _to_descriptor(handle, check=plain)  # its end is where its descriptor is
            else:
                _inflate(handle, None, budget, keep=False)
        else:
            _skip(handle, packed)
        return MemberFailure(name, problem) if problem is not None else refused
    data_start = handle.tell()
    if method == zipfile.ZIP_STORED and described:
        length = _to_descriptor(handle, check=True) - data_start
        try:
            budget.check_declared(length)
        except _MemberTooLarge as exc:
            return MemberFailure(name, str(exc))
        handle.seek(data_start)
        data = _read_exactly(handle, length)
        budget.charge(len(data))
        return (_screen(name, screen) if data else None) if folder else Member(name, data)
    try:
        if not described:
            budget.check_declared(size)
        if method == zipfile.ZIP_STORED:
            budget.check_declared(packed)  # stored: its bytes are its size, whatever it says
            data = _read_exactly(handle, packed)
            budget.charge(len(data))
        else:
            data = _inflate(handle, None if described else packed, budget, keep=True)
    except _MemberTooLarge as exc:
        handle.seek(data_start)
        if described:  # its end is where its deflate stream ends: inflated, not kept
            _inflate(handle, None, budget, keep=False)
        else:
            _skip(handle, packed)
        return MemberFailure(name, str(exc))
    except zlib.error as exc:
        if described:  # damaged: where it ends only its data descriptor tells
            handle.seek(data_start)
            _to_descriptor(handle)
            return MemberFailure(name, f"damaged member ({exc})")
        handle.seek(data_start)
        _skip(handle, packed)
        why = str(exc) if isinstance(exc, _MemberTooLarge) else f"damaged member ({exc})"
        return MemberFailure(name, why)
    if folder:
        return _screen(name, screen) if data else None
    if described:
        return Member(name, data)
    if zlib.crc32(data) != crc:
        return MemberFailure(name, "damaged member: its bytes do not match their CRC-32")
    return Member(name, data)


#: What follows a data descriptor: the next member, the central directory or its end.
_AFTER_DESCRIPTOR = (_LOCAL_MAGIC, b"PK\x01\x02", b"PK\x05\x06", b"PK\x06\x06")
_DESCRIPTOR_MAGIC = b"PK\x07\x08"


def _to_descriptor(handle: IO[bytes], *, check: bool = False) -> int:
    """Move ``handle`` from the start of a member's data to the data descriptor after it,
    and return where that is; :class:`_ZipUnbounded` when there is none.

    A member written by a streaming zip writer has its sizes 0 in its local header and
    written after its data; without the central directory only a descriptor whose
    compressed size is its distance from the data's start tells where stored (or encrypted,
    or damaged) data ends: one with its signature, or one without it right before the next
    member's header (or the central directory, or the file's end). A stored member of such
    a zip stopped the reading, and every whole member after it was lost. The data are
    searched a chunk at a time, never held whole.

    With ``check`` (stored data, not encrypted: the descriptor's CRC-32 is that of the
    bytes before it) a descriptor is taken only when its CRC-32 is that of the data up to
    it: a member's own bytes could hold a descriptor sized to their distance from its
    start and a local header after it, and planted a member of their choosing. When none
    matches (damaged data), the first sized one is taken, as without ``check``."""
    start = handle.tell()
    at = start
    keep = b""  # the last bytes of the chunk before: a descriptor may straddle two
    crc = 0  # the CRC-32 of the data from ``start`` to the window's first byte
    sized_only: int | None = None  # the first descriptor its size fits, its CRC-32 not
    while True:
        handle.seek(at)
        chunk = handle.read(_CHUNK)
        window = keep + chunk
        base = at - len(keep)  # the file offset of window[0]
        last = not chunk
        for found in _descriptors_in(window, base, start, last=last):
            if not check or _crc_fits(
                window, found - base, zlib.crc32(window[: found - base], crc)
            ):
                handle.seek(found)
                return found
            sized_only = found if sized_only is None else sized_only
        if last:
            if sized_only is None:
                raise _ZipUnbounded
            handle.seek(sized_only)
            return sized_only
        at += len(chunk)
        new_keep = window[-_DESCRIPTOR_LOOKBACK:]
        crc = zlib.crc32(window[: len(window) - len(new_keep)], crc)
        keep = new_keep


def _crc_fits(window: bytes, at: int, crc: int) -> bool:
    """Whether the descriptor at ``window[at]`` (signed or not) holds ``crc``."""
    fields = [window[at : at + 4]]
    if window[at : at + 4] == _DESCRIPTOR_MAGIC:
        fields.append(window[at + 4 : at + 8])
    return any(len(field) == 4 and int.from_bytes(field, "little") == crc for field in fields)


#: How many bytes before a zip magic a descriptor without its signature may begin (ZIP64's
#: 20), and after a descriptor's signature its sizes end (24): a chunk's last bytes kept.
_DESCRIPTOR_LOOKBACK = 48


def _descriptors_in(window: bytes, base: int, start: int, *, last: bool) -> list[int]:
    """The file offsets, first first, of the data descriptors in ``window`` (whose first
    byte is at ``base``) sized for data that began at ``start``; ``last`` when the window
    runs to the file's end (a descriptor may end it)."""
    at = window.find(b"PK")
    candidates: list[int] = []
    while at >= 0:
        magic = window[at : at + 4]
        if magic == _DESCRIPTOR_MAGIC:
            length = base + at - start
            sized = window[at + 8 : at + 12], window[at + 8 : at + 16]
            if length >= 0 and _sized(sized, length):
                candidates.append(base + at)
        elif magic in _AFTER_DESCRIPTOR:
            candidates.extend(_unsigned(window, base, start, at))
        at = window.find(b"PK", at + 1)
    if last:  # a member last of a cut zip: its descriptor ends the file
        candidates.extend(_unsigned(window, base, start, len(window)))
    return sorted(set(candidates))


def _unsigned(window: bytes, base: int, start: int, follows: int) -> list[int]:
    """Where a descriptor without its signature (12 bytes, or ZIP64's 20) ends at
    ``window[follows]`` and sizes the data from ``start``, if one does."""
    found = []
    for length, size_at, width in ((12, 4, 4), (20, 4, 8)):
        begin = follows - length
        if begin < 0 or base + begin < start:
            continue
        field = window[begin + size_at : begin + size_at + width]
        if len(field) == width and int.from_bytes(field, "little") == base + begin - start:
            found.append(base + begin)
    return found


def _sized(fields: tuple[bytes, bytes], length: int) -> bool:
    """Whether a signed descriptor's compressed size (4 bytes, or ZIP64's 8) is ``length``."""
    return any(
        len(field) == width and int.from_bytes(field, "little") == length
        for field, width in zip(fields, (4, 8), strict=True)
    )


def _read_exactly(handle: IO[bytes], size: int) -> bytes:
    data = handle.read(size)
    if len(data) < size:
        raise _ZipCut
    return data


def _skip(handle: IO[bytes], size: int) -> None:
    here = handle.tell()
    end = handle.seek(0, os.SEEK_END)
    if here + size > end:
        raise _ZipCut
    handle.seek(here + size)


def _inflate(
    handle: IO[bytes], packed: int | None, budget: ExpansionBudget, *, keep: bool
) -> bytes:
    """Inflate a deflated member's data from ``handle`` (``packed`` bytes of it, or up to the
    deflate stream's own end), never more than the member cap; leaves ``handle`` after it.
    A stream that ends before its own end is a cut (:class:`_ZipCut`) when the file ends
    there, else damage (``zlib.error``)."""
    start = handle.tell()
    inflater = zlib.decompressobj(-15)
    out: list[bytes] = []
    total = 0
    fed = 0
    room = budget.caps.member_bytes + 1
    while not inflater.eof:
        want = _CHUNK if packed is None else min(_CHUNK, packed - fed)
        chunk = handle.read(want) if want > 0 else b""
        if not chunk:
            if packed is not None and fed >= packed:
                raise zlib.error("its deflate stream ends before its declared size")
            raise _ZipCut
        fed += len(chunk)
        data = inflater.decompress(chunk, room - total if keep else _CHUNK)
        while True:
            total += len(data)
            if keep and total > budget.caps.member_bytes:
                raise _MemberTooLarge(
                    f"{_TOO_BIG} (more than {budget.caps.member_bytes} bytes per member)"
                )
            budget.charge(len(data))
            if keep:
                out.append(data)
            # the stream may end just where the output limit is met: what follows it (a
            # data descriptor) then stays in the tail, and asking again never ends
            if inflater.eof or not inflater.unconsumed_tail:
                break
            data = inflater.decompress(inflater.unconsumed_tail, room - total if keep else _CHUNK)
    # at the stream's end zlib holds what follows it in unused_data (the tail may hold the
    # same bytes again, when the output limit was met there too)
    handle.seek(start + (packed if packed is not None else fed - len(inflater.unused_data)))
    return b"".join(out)


def _after_descriptor(handle: IO[bytes], entry: ArchiveEntry | None) -> ArchiveEntry | None:
    """Step over a data descriptor (12 to 24 bytes, its signature optional), checking the
    CRC-32 it holds against the member's bytes."""
    here = handle.tell()
    ahead = handle.read(28)
    signed = ahead.startswith(b"PK\x07\x08")
    lengths = (16, 24) if signed else (12, 20)
    for length in lengths:
        follows = ahead[length : length + 4]
        if len(ahead) >= length and (follows[:2] == b"PK" or len(ahead) == length):
            handle.seek(here + length)
            crc = int.from_bytes(ahead[4:8] if signed else ahead[0:4], "little")
            if isinstance(entry, Member) and zlib.crc32(entry.data) != crc:
                return MemberFailure(
                    entry.name, "damaged member: its bytes do not match their CRC-32"
                )
            return entry
    raise _ZipCut
