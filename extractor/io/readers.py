"""Inputs to a stream of items: one Document or InputFailure per input unit.

A bulk run converts thousands of articles and must survive any single bad
one. The invariant, kept in code rather than by care in each reader:

* **Every unit gives exactly one item.** A unit is a file in a folder, an
  archive member, a JSONL line, a CSV row, a WARC response, resource or
  conversion record. It becomes a
  :class:`~extractor.pipeline.document.Document` or an
  :class:`InputFailure` saying why not, under a stable id.
* **Nothing is skipped silently.** A file or member that is deliberately not
  read (another file type, a hidden file, a link, an archive nested too
  deep, an earlier run's output JSONL in a folder or an archive) is an
  ``InputFailure`` with ``skipped=True``. Only directory entries
  and operating-system clutter (``.DS_Store``, ``__MACOSX/``, ``.git/``: see
  :func:`~extractor.io.archives.is_junk_name`) pass without a line. A
  container (JSONL, CSV, archive) that yields nothing at all gets one line.
* **Nothing stops the run.** Every reader runs under a guard
  (:func:`_guarded`): any exception becomes one failure naming the input and
  the last unit read, and the iteration goes on with the next file. Inside a
  file, each line, row and member is read under its own ``try``, so one bad
  unit fails alone; a file that cannot go on (a corrupt archive, an I/O
  error) gives one failure for the rest of it.
* **Nothing hangs, nothing escapes the input.** A folder walk never opens
  FIFOs, sockets or devices (each is an error line saying how to read it),
  and never follows a symlink: one that leaves the input folder is reported
  as such, one inside it as an alias of a file that is read in place, one
  to a folder that contains it as a cycle not entered, a broken one as
  broken or as a loop, whichever it is (:func:`_symlink_failure`). A FIFO, pipe or device named on the command line
  (``<(zcat rows.jsonl.gz)``, ``/dev/stdin``) is read, once, as a stream:
  opened without blocking, then waited on for at most
  :data:`STREAM_WAIT_SECONDS` until a writer shows up (one that is there but
  slow is waited for); its format comes from its name or, a pipe having
  none, from its first bytes. Front matter, archives, lines and files are
  read under size caps.
* **One line's bytes never decide another's text.** Each JSONL line and CSV
  row is decoded on its own (:func:`~extractor.io.decoding.unit_decoding`):
  UTF-8 rows stay UTF-8 whatever their neighbours hold, and a row that is
  not UTF-8 is decoded as its own bytes suggest, with a warning on its
  Document.

The only exception raised is for a top-level path that does not exist (or a
glob matching nothing): that is a typo on the command line, reported before
any work starts.

Identity, stable across runs however the command is spelled, which is what
makes resuming possible (the rules a run applies are in
:class:`extractor.bulk.runner._Plan`):

* Every input path is resolved to its absolute real path first, so ``a.txt``,
  ``./a.txt`` and ``/abs/a.txt`` are one input, read once.
* Every item's ``source`` is the real path of its file, plus ``!member`` for
  an archive member, ``#<content hash>`` for a row without an id, or
  ``:<line>`` for a row with one. The marks in a file's or folder's own name
  are escaped as in a member's (:func:`file_source`), so ``a.zip!m.txt``
  beside ``a.zip`` is ``a.zip%21m.txt``, never the member ``m.txt``. For a document found by its path the
  ``source`` *is* its identity: a run matches it with the output's line of
  the same ``source``, whatever its ``doc_id`` was then.
* ``doc_id`` is a readable label, a tail of the ``source``: a single folder
  given alone labels its files by their path relative to it (``sub/01.txt``,
  ``/`` separators on every platform); anything else (files, several
  folders, globs) by the absolute real path. A label the output already
  gives to another source is replaced by the absolute source (see the
  runner): two files are never one document.
* A member is ``<container id>!<member name>``, nested as deep as archives
  nest (``a.zip!inner.tar!doc.txt``); the n-th member of one archive with
  an already used name is ``<name>#<n>`` (tar appends keep every version).
  A member's name may hold these marks itself (``a.zip!doc.txt``,
  ``x.txt#2``): in its id ``!``, ``#``, a final ``:<digits>`` and a ``%``
  that would read as an escape are escaped as a URL escapes them (``%21``,
  ``%23``, ``%3A``, ``%25``: :func:`_member_label`), so no member is read
  as another unit; any other name is written as is.
* A JSONL line or CSV row is its id column when it has one (the user's
  identity, without surrounding whitespace: ``" 42"`` from ``id, text`` is
  ``42``, and a second row whose id is then equal is a duplicate line).
  Else it is keyed by content, ``<file id>#<first 12 hex of the sha256 of
  its text>`` (of its raw bytes when it has no text: a row that
  cannot be read), the n-th identical one in a file ``#<hash>#<n>``
  (:class:`ContentTurns`, ``extract_rows``' rule too: two rows, two documents). A line
  number would not survive a rerun: an inserted, deleted or shuffled line
  would move a result to another article. So an edited row is a new
  document (its old line stays, counted as unseen), and a failure names the
  line number in its message instead.
* A stream (stdin, ``<(...)``) has no name that survives a rerun: its lone
  document is ``<stream name>#<text hash>``, its rows as above. Its name is
  its path, but a numbered descriptor (``/dev/fd/63``, which the shell
  numbers anew each run) is ``/dev/stdin``, as ``-`` is (:func:`stream_name`). An
  archive member read from a stream is ``<stream>!<member>#<text hash>``:
  two archives piped on two runs share member names, not articles.
* A WARC page is its URI (or record id). A crawl holds re-crawls: a later
  capture of a URI already read in the same WARC file, at another date or
  with other content, is ``<URI>#capture=<WARC-Date>`` (with
  ``;sha256=<payload hash>`` after the date when another capture has that
  date, see :func:`_capture_id`), so a URI captured once keeps its id. A
  record equal to an earlier one (URI, date and payload) is a duplicate.
* An explicit id (id column, URI) met again in another file with another
  text is another document, ``<id>@<that file>`` (:func:`id_container`), in
  one run as across runs; with the same text it is the same document.
* Every Document carries ``text_sha256``; a run also hashes its title and
  publication date (``input_sha256``), which change the result too.

A repeated id (an id column used twice) is reported, never merged.
"""

from __future__ import annotations

import codecs
import collections
import contextlib
import csv
import dataclasses
import decimal
import errno
import glob
import gzip
import hashlib
import io
import itertools
import json
import math
import os
import posixpath
import re
import select
import stat
import time
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from collections.abc import Container as Holds
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import IO, Any, Literal, TypeAlias

from extractor.blank import is_blank, strip_blank
from extractor.errors import InputError, TextFieldError
from extractor.io.archives import (
    DEFAULT_MAX_ARCHIVE_BYTES,
    DEFAULT_MAX_MEMBER_BYTES,
    ArchiveEntry,
    ExpansionBudget,
    Member,
    SizeCaps,
    is_junk_name,
    iter_tar,
    iter_warc,
    iter_zip,
)
from extractor.io.decoding import (
    bom_encoding,
    is_binary_table,
    table_encoding,
    unit_decoding,
)
from extractor.io.formats import (
    DOCUMENT_SUFFIXES,
    DocFormat,
    RecordFields,
    document_format,
    parse_document,
    record_to_document,
)
from extractor.io.identity import id_container, path_derived
from extractor.io.output import (
    LINE_START,
    OutputTarget,
    is_json,
    is_result_line,
    made_by_a_command,
)
from extractor.io.sniffing import MARKUP, WARC_VERSION, is_tar, magic_suffix
from extractor.pipeline.document import Document, LongInt, input_id
from extractor.redact import escape_surrogates

__all__ = [
    "MAX_NESTING",
    "STREAM_WAIT_SECONDS",
    "ContentTurns",
    "InputFailure",
    "Item",
    "is_rereadable",
    "iter_inputs",
    "read_file",
]


@dataclass(frozen=True, slots=True)
class InputFailure:
    """An input unit that was not turned into a Document, and why.

    It takes the document's place in the stream so that a bulk run can record
    the failure under the same stable id and carry on. ``skipped`` is True
    when the unit was deliberately not read (its file type, a hidden file, a
    link, nesting too deep) rather than found unreadable. ``unread`` is True
    when its bytes could not be read at all (the system refused: permissions,
    an I/O error): what it holds is unknown, not changed, so a bulk run keeps
    an earlier result of it instead of replacing that with this failure.
    """

    doc_id: str
    source: str
    error: str
    skipped: bool = False
    unread: bool = False
    #: The same document read a second time (the same explicit id and text, in another
    #: file or row): a bulk run counts it as done, as it would a rerun, and writes no line.
    repeat: bool = False
    #: A unit read whole whose id another unit holds already: its container was read, so
    #: nothing in it is unknown (``--forget-unseen`` still forgets what is gone from it).
    duplicate: bool = False
    #: For a table row that failed over its text field: whether the row has that key at
    #: all (False: missing, perhaps a misnamed field; True: null, empty or no string);
    #: None for any other failure (:class:`~extractor.errors.TextFieldError`).
    text_field: bool | None = None
    #: For a table row lacking its text field: the keys it has (a CSV header's columns, at
    #: most 40), so a refusal of a misnamed field can name them where the table cannot be
    #: read again (a stream, an archive member, a gzipped file).
    keys: tuple[str, ...] = ()


Item: TypeAlias = Document | InputFailure

Container = Literal["jsonl", "csv", "zip", "tar", "warc"]
_CONTAINER_SUFFIXES: tuple[tuple[str, Container], ...] = (
    (".jsonl", "jsonl"),
    (".ndjson", "jsonl"),
    (".csv", "csv"),
    (".tsv", "csv"),  # the delimiter is read from the header, as for any .csv
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
_READ_CHUNK = 1024 * 1024
_SURROGATES = re.compile("[\udc80-\udcff]")
#: How deep containers are read inside containers: a zip in a zip is depth 1.
MAX_NESTING = 3
#: How long a FIFO given as an input may go without a writer before it is reported.
STREAM_WAIT_SECONDS = 30.0
#: Bytes of a nameless stream looked at to tell its format: at most (a first line longer
#: than that is read so far), and at least (a tar header's magic number is at byte 257).
_STREAM_SNIFF_BYTES = 1024 * 1024
_STREAM_SNIFF_MIN = 512
#: Bytes of a stream's window a CSV table is told from (the sniff's size before round 52).
_TABLE_SNIFF_BYTES = 64 * 1024
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
#: Hex digits of a content hash in an id: 48 bits, no collision in any real file.
_KEY_HEX = 12
#: A source keyed by content: ``<place>#<12 hex>``, ``#<12 hex>#<n>`` for the n-th copy
#: (use ``fullmatch``; a place may hold any character, a newline too).
CONTENT_KEYED = re.compile(rf"(?P<place>.*)#[0-9a-f]{{{_KEY_HEX}}}(?:#[0-9]+)?", re.DOTALL)

#: Bytes of a file or member: a path to open, the bytes themselves, or an open stream.
_Blob: TypeAlias = str | bytes | IO[bytes]
#: Called where a table's bytes end: raises what ended them early (:func:`_read_blob`).
_End: TypeAlias = Callable[[], None]
#: What makes a WARC capture the one it is: its URI (or record id), its WARC-Date, and its
#: payload (a sha256 of its bytes; of its record id for a page that could not be read).
_Capture: TypeAlias = tuple[str, str | None, str]


@dataclass(frozen=True, slots=True)
class _Place:
    """A unit's identity and where it was found, for items and failures alike."""

    doc_id: str
    source: str

    def member(self, name: str) -> _Place:
        return _Place(f"{self.doc_id}!{name}", f"{self.source}!{name}")

    def line(self, number: int) -> _Place:
        return _Place(f"{self.doc_id}:{number}", f"{self.source}:{number}")

    def fail(self, error: str, *, skipped: bool = False, unread: bool = False) -> InputFailure:
        return InputFailure(self.doc_id, self.source, error, skipped, unread)

    def unreadable(self, exc: OSError, after: str = "") -> InputFailure:
        """The failure of a unit the system would not let us read (see ``unread``)."""
        return self.fail(f"cannot read{after} ({os_reason(exc)})", unread=True)


class ContentTurns:
    """The one rule naming id-less units of one container that hold the same content.

    Two rows with the same text and no id are two input rows, so two documents and two
    lines: merged, one of them would vanish from the output, and the same bytes read
    again would be skipped. Keyed by content (a hash survives inserted, deleted and
    shuffled rows; a line number does not), the first is ``<key>``, the n-th ``<key>#<n>``:
    stable across reruns as long as the copies keep their order among themselves. Bulk's
    readers (``<file>#<hash>``) and ``extract_rows`` (``sha256:<hash>``, having no file)
    both name copies here, so a row's turn is the same whichever entry point reads it.
    """

    def __init__(self) -> None:
        self.uses: dict[str, int] = {}

    def name(self, key: str, taken: Holds[str] = ()) -> str:
        """The next copy's name of ``key``: ``key`` first, then ``key#2``, ... skipping a
        later copy's name that is in ``taken`` (a row's own id that reads like one)."""
        while True:
            used = self.uses[key] = self.uses.get(key, 0) + 1
            name = key if used == 1 else f"{key}#{used}"
            if used == 1 or name not in taken:
                return name


class _ContentKeys:
    """Ids for the units of one container that have no id of their own: by content,
    ``<id>#<hash>``, its n-th copy's named by :class:`ContentTurns`.

    A line number does not survive an inserted, deleted or shuffled line, and a
    stream has no name that survives a rerun; the content does.

    ``stated`` holds the ids the container's own rows state that read like such a
    name (:func:`_stated_keys`): a name is never one of them, so a row's own id stays
    its own whichever order the rows come in (named first, an id-less copy took it and
    the row became ``<id>@<file>``; read first, the copy became ``<name>@<name>``).
    """

    def __init__(self, place: _Place, stated: Holds[str] = frozenset()) -> None:
        self.place = place
        self.turns = ContentTurns()
        self.stated = stated

    def key(self, item: Item, raw: bytes) -> Item:
        """``item`` under its content id; ``raw`` is hashed when it has no text."""
        if isinstance(item, Document):
            digest = item.text_sha256[:_KEY_HEX]
        else:
            digest = hashlib.sha256(raw.strip()).hexdigest()[:_KEY_HEX]
        taken = _Within(self.place.doc_id, self.stated)
        suffix = self.turns.name(digest, taken)
        while suffix in taken:  # the first turn too: a row states the text's key itself
            suffix = self.turns.name(digest, taken)
        doc_id, source = f"{self.place.doc_id}#{suffix}", f"{self.place.source}#{suffix}"
        return dataclasses.replace(item, doc_id=doc_id, source=source)


class _Unkeyed(_ContentKeys):
    """Keys that leave every item as read: :func:`_stated_keys` lists the ids rows state."""

    def key(self, item: Item, raw: bytes) -> Item:
        return item


@dataclass(frozen=True, slots=True)
class _Within:
    """The suffixes (``<hash>``, ``<hash>#2``) whose whole name ``<prefix>#<suffix>`` is
    among ``ids``: what :class:`ContentTurns` must skip in one container."""

    prefix: str
    ids: Holds[str]

    def __contains__(self, suffix: object) -> bool:
        return f"{self.prefix}#{suffix}" in self.ids


@dataclass(frozen=True, slots=True)
class _Unit:
    """A resolved command-line input.

    ``path`` is opened (as given: a pipe's real path may not be openable);
    ``real`` is its identity, the absolute real path. A ``stream`` is a FIFO,
    pipe or device: read once, without blocking for ever.
    """

    path: str
    real: str
    kind: Literal["dir", "file", "stream", "broken"]


@dataclass
class _Context:
    fields: RecordFields
    caps: SizeCaps
    #: The single folder given alone, whose relative paths are the ids; else None.
    root: str | None = None
    #: Real paths already read: a file reached twice is read once.
    seen: set[str] = field(default_factory=set)
    #: Every entry named on the command line, as a walk meets it (:func:`_named_entries`):
    #: a walk passes over it in silence, for the input's own unit reads it.
    named: frozenset[str] = frozenset()
    #: Files that are no input (a run's own output): real paths, and (device, inode).
    excluded: frozenset[str] = frozenset()
    excluded_inodes: frozenset[tuple[int, int]] = frozenset()
    #: Seconds a stream may go without a writer (see :data:`STREAM_WAIT_SECONDS`).
    stream_wait: float = STREAM_WAIT_SECONDS

    def is_excluded(self, path: str) -> bool:
        if path in self.excluded:
            return True
        if not self.excluded_inodes:
            return False
        try:
            info = os.stat(path)
        except (OSError, ValueError):
            return False
        return (info.st_dev, info.st_ino) in self.excluded_inodes

    def place(self, real: str) -> _Place:
        source = file_source(real)
        if self.root is not None and _is_within(real, self.root) and real != self.root:
            doc_id = file_source(os.path.relpath(real, self.root))
            if is_blank(doc_id):  # a file named " " or U+200B: a blank id is no result's
                doc_id = source  # (extractor.io.output.is_doc_id); its path is never blank
        else:
            doc_id = source
        return _Place(doc_id.replace(os.sep, "/"), source)


def file_source(real: str) -> str:
    """The ``source`` of the file or folder at the real path ``real``: that path, each name
    in it (folders' too) written as a member's name is (:func:`_member_label`).

    A file may be called what the readers write after an id: ``a.zip!m.txt`` beside
    ``a.zip`` (which holds ``m.txt``), ``b.txt#2``, ``rows.jsonl:3``. Written as is, its
    source would be that member's, copy's or row's, and one of the two documents would
    be lost or take the other's line. Escaped, a path holds no ``!``, ``#`` or final
    ``:<digits>`` of its own, so no file is read as another unit; the escaping is one to
    one (two paths never share a source) and the same wherever a name stands (a folder
    named as an input, or met in a walk), so the source does not depend on how the command
    is spelt. A path holding no such mark is its own source, as it always was, so earlier
    outputs resume; one that holds one (anywhere in it) is a new source.
    """
    return os.sep.join(_member_label(name) for name in real.split(os.sep))


#: The escapes :func:`_member_label` writes, undone by :func:`file_path`.
_LABEL_ESCAPES = re.compile("%(21|23|25|3A)")


def file_path(source: str) -> str:
    """The real path of the file whose ``source`` is ``source``: :func:`file_source` undone.

    A reader of the output (``view`` re-reading a line's article) opens the file a line
    names; a folder called ``C#`` is written ``C%23`` in the source, and only undoing the
    escapes finds it again. Every ``%`` that starts one of these escapes was itself
    escaped, so one pass from the left gives the path back exactly.
    """
    return _LABEL_ESCAPES.sub(lambda escape: chr(int(escape.group(1), 16)), source)


def close_items(items: Iterable[Item]) -> None:
    """Close an input iterator (a generator of :func:`iter_inputs`, and its open files)
    unless another thread is inside it; one that has no ``close`` is left as it is."""
    close = getattr(items, "close", None)
    if close is not None:
        with contextlib.suppress(ValueError):  # "generator already executing"
            close()


def iter_inputs(
    paths: Sequence[str | os.PathLike[str]] | str | os.PathLike[str],
    *,
    id_field: str = "id",
    text_field: str = "text",
    date_field: str = "published",
    title_field: str = "title",
    max_member_bytes: int = DEFAULT_MAX_MEMBER_BYTES,
    max_archive_bytes: int = DEFAULT_MAX_ARCHIVE_BYTES,
    exclude: Iterable[str | os.PathLike[str]] = (),
    stream_wait: float | None = None,
) -> Iterator[Item]:
    """Stream one item per input unit from files, directories, globs and archives.

    Directories are walked recursively in sorted order; ``.txt``, ``.md``,
    ``.markdown``, ``.html`` and ``.htm`` files are documents, ``.jsonl``,
    ``.csv``, ``.zip``, ``.tar[.gz|.bz2|.xz]``, ``.tgz`` and ``.warc[.gz]``
    files are read as containers, wherever they are (in a folder or, up to
    :data:`MAX_NESTING` deep, in an archive). All paths are checked before
    anything is read: a missing path or a glob matching nothing raises
    :class:`InputError`; after that, iterating never raises. The second
    occurrence of an id becomes an :class:`InputFailure`. See the module
    docstring for the ids.

    ``exclude`` names files that are no input at all, however they are
    reached (by real path, or the same inode): a run's own output file inside
    an input folder, and with it the files a run keeps beside it (its
    ``.lock``: :meth:`~extractor.io.output.OutputTarget.own_paths`). They give
    no item; a symbolic link to one in a walked folder is a skipped line saying so. ``stream_wait`` is how many seconds a
    FIFO named in ``paths`` may go without a writer before it is reported
    (default :data:`STREAM_WAIT_SECONDS`, read when iterating starts).
    """
    if isinstance(paths, str | os.PathLike):
        paths = [paths]
    given = _given(paths)
    units = _merged(given)
    root = units[0].real if len(units) == 1 and units[0].kind == "dir" else None
    excluded = [own for path in exclude for own in _own_files(os.fspath(path))]
    context = _Context(
        fields=RecordFields(id=id_field, text=text_field, date=date_field, title=title_field),
        caps=SizeCaps(member_bytes=max_member_bytes, total_bytes=max_archive_bytes),
        root=root,
        named=_named_entries(given),
        excluded=frozenset(os.path.realpath(path) for path in excluded),
        excluded_inodes=frozenset(_inodes(excluded)),
        stream_wait=STREAM_WAIT_SECONDS if stream_wait is None else stream_wait,
    )
    return _flag_duplicates(_iter_units(units, context))


def _named_entries(units: Iterable[_Unit]) -> frozenset[str]:
    """The paths under which a folder walk meets the inputs named on the command line.

    A file named on its own and also reached by walking its folder (``bulk d
    d/.notes.txt``, ``bulk d d/link.txt``, ``bulk d d/feed.fifo``) is one input,
    read as named: the walk would otherwise give it a second line under the
    same identity (hidden, a link, a FIFO: not read), a false duplicate or a
    line that flips between ok and skipped with the order of the arguments. A
    walk starts at a real path and follows no link, so it meets an entry at its
    real folder plus its own name; a named link (a dangling one too) is also
    that, a named file or folder its real path.
    """
    named: set[str] = set()
    for unit in units:
        named.add(unit.real)
        given = os.path.abspath(unit.path)
        if os.path.islink(given):
            named.add(_entry_path(given))
    return frozenset(named)


def _entry_path(path: str) -> str:
    """Where a folder walk meets ``path``: its folder's real path plus its own name (a link
    stays the link, never its target)."""
    absolute = os.path.abspath(path)
    return os.path.join(os.path.realpath(os.path.dirname(absolute)), os.path.basename(absolute))


def _own_files(output: str) -> tuple[str, ...]:
    """``output`` and the files a run writing it keeps beside it (its ``.lock`` ...): a
    run's own files, which no walk reads, whatever their names (whose marks a source
    escapes, see :func:`file_source`: they are told by their real paths, not sources)."""
    real = Path(os.path.realpath(output))
    return (output, *OutputTarget(Path(output), real, "file").own_paths())


def _inodes(paths: Iterable[str]) -> Iterator[tuple[int, int]]:
    for path in paths:
        try:
            info = os.stat(path)
        except (OSError, ValueError):
            continue
        yield info.st_dev, info.st_ino


def is_rereadable(path: str | os.PathLike[str]) -> bool:
    """Whether reading ``path`` a second time gives the same items again.

    True for regular files and directories (a walk never opens anything
    else); False for a FIFO, socket, device or other stream, which a second
    reader (a progress counter) would steal documents from. A glob is
    rereadable when all its matches are; a missing path counts as rereadable
    (it fails before anything is read).
    """
    name = os.fspath(path)
    if os.path.lexists(name):
        candidates = [name]
    elif _GLOB_MAGIC.search(name):
        candidates = _glob(name)
    else:
        return True
    return all(_is_regular_or_dir(candidate) for candidate in candidates)


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


def container_kind(name: str) -> Container | None:
    """The multi-document container a file name implies (``.jsonl``, ``.zip`` ...)."""
    lower = name.lower()
    kinds = [kind for suffix, kind in _CONTAINER_SUFFIXES if lower.endswith(suffix)]
    return kinds[0] if kinds else None


# --------------------------------------------------------------- resolving


def _merged(units: Iterable[_Unit]) -> list[_Unit]:
    """Each input once, under its real path: the first spelling of it given wins."""
    unique: dict[str, _Unit] = {}
    for unit in units:
        unique.setdefault(unit.real, unit)
    return list(unique.values())


def _given(paths: Iterable[str | os.PathLike[str]]) -> list[_Unit]:
    """Every path as given, globs expanded, checked up front so that a typo fails the run
    before any work is done; two spellings of one input are merged by :func:`_merged`."""
    units: list[_Unit] = []
    for raw in paths:
        path = os.fspath(raw)
        if os.path.lexists(path):
            units.append(_unit(path))
        elif _GLOB_MAGIC.search(path):
            units.extend(_expand_glob(path))
        else:
            raise InputError("no such file or directory", source=path)
    return units


def _unit(path: str) -> _Unit:
    if not os.path.exists(path):  # a dangling symlink, or one in a loop: named as a walk
        return _Unit(path, _entry_path(path), "broken")  # meets it, however it is spelt
    if is_descriptor(path):
        # ``-`` (or ``<(...)``) is a stream whatever it is attached to: ``bulk - < file``
        # reads the text as ``cat file | bulk -`` does (its format from its bytes, its
        # name /dev/stdin), and a file it is, its real path still keeps a run's own
        # output from being read as input
        return _Unit(path, os.path.realpath(path), "stream")
    if os.path.isdir(path):
        return _Unit(path, os.path.realpath(path), "dir")
    if _is_regular_or_dir(path):
        return _Unit(path, os.path.realpath(path), "file")
    return _Unit(path, os.path.realpath(path), "stream")  # a FIFO: one name however spelt


#: A process's numbered descriptors: ``<(...)`` names a pipe ``/dev/fd/63`` one run and
#: ``/dev/fd/62`` the next, so the number is no identity.
_DESCRIPTOR = re.compile(r"^/(?:dev/fd|proc/(?:self|\d+)/fd)/(?P<fd>\d+)$")


def is_descriptor(path: str) -> bool:
    """Whether ``path`` names one of the process's descriptors (``-``'s ``/dev/stdin``,
    ``<(...)``'s ``/dev/fd/63``): a stream whatever it is attached to."""
    return path == "/dev/stdin" or _DESCRIPTOR.match(path) is not None


def _unit_name(unit: _Unit) -> str:
    """What a unit's documents are named by: a file's real path; a stream's name
    (:func:`stream_name`), ``/dev/stdin`` for a descriptor even when a file is attached."""
    if unit.kind != "stream":
        return unit.real
    return "/dev/stdin" if is_descriptor(unit.path) else stream_name(unit.real)


def stream_name(path: str) -> str:
    """What a stream is called in ids and sources: its path, but every numbered descriptor
    (``-``'s ``/dev/stdin`` is descriptor 0) is ``/dev/stdin``, the same on every run.

    A stream's documents are keyed by their content under this name (see the
    module doc), so a rerun of ``bulk <(zcat rows.jsonl.gz)`` finds its rows
    whatever descriptor the shell gave the pipe this time, and so does a rerun
    that pipes the same rows to ``bulk -`` instead: one stream, one name.
    """
    return "/dev/stdin" if _DESCRIPTOR.match(path) else path


def stream_document_id(path: str, text_sha256: str) -> str:
    """The id (and source) of the one document a stream given as ``path`` holds: its
    name as bulk reads it (``/dev/stdin`` for a descriptor, else the FIFO's real path,
    however it was spelt) and its text's hash, so that ``extract`` and ``bulk`` give
    the same text the same line, and two texts two lines."""
    return f"{file_source(_unit_name(_unit(path)))}#{text_sha256[:_KEY_HEX]}"


def _expand_glob(pattern: str) -> list[_Unit]:
    """Paths a pattern matches; matched directories are walked unless it uses ``**``.

    With ``**`` the pattern already reaches into subdirectories, and walking
    the matched directories too would read their files twice.
    """
    matches = _glob(pattern)
    if not matches:
        raise InputError("no files match this pattern", source=pattern)
    walk_dirs = "**" not in pattern
    return [_unit(match) for match in matches if walk_dirs or not os.path.isdir(match)]


def _glob(pattern: str) -> list[str]:
    try:
        return sorted(glob.glob(pattern, recursive=True))
    except (OSError, ValueError):
        return []


def _is_regular_or_dir(path: str) -> bool:
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):
        return True  # missing or unreadable: reported, never read
    return stat.S_ISREG(mode) or stat.S_ISDIR(mode)


def _is_within(path: str, root: str) -> bool:
    try:
        return os.path.commonpath([path, root]) == root
    except ValueError:
        return False


def _unsupported(name: str) -> str:
    suffix = Path(name).suffix
    if not suffix:
        return "no file extension to tell its type by (.txt, .md, .html, .jsonl, .csv, ...)"
    if suffix.lower() == ".json":  # a JSON array of records, most likely: say how to read it
        return "unsupported file type '.json': give JSONL, one object per line (jq -c '.[]')"
    archive = _OTHER_ARCHIVES.get(suffix.lower())
    if archive is not None:  # x.7z: an archive of files, in a format that is not read
        kind, unpacker = archive
        return (
            f"unsupported file type {suffix!r}: a {kind} archive, a format not read here "
            f"(.zip and .tar are, .tar.gz, .tar.bz2 and .tar.xz too); decompress it first "
            f"({unpacker}) and give the folder of files it unpacks to"
        )
    tool = _DECOMPRESSORS.get(suffix.lower())
    if tool is not None:  # x.jsonl.bz2: say that it is the compression, and what reads it
        return (
            f"unsupported file type {suffix!r}: only gzip (.gz) is unpacked, and bz2 or xz "
            f"for a .tar (.tar.bz2, .tar.xz); decompress it first ({tool})"
        )
    return f"unsupported file type {suffix!r}"


#: Compressions a file may be named by that are not read, and the command that unpacks one.
_DECOMPRESSORS = {
    ".bz2": "bunzip2",
    ".xz": "unxz",
    ".lzma": "unlzma",
    ".zst": "unzstd",
    ".zstd": "unzstd",
    ".lz4": "unlz4",
    ".lz": "lzip -d",
    ".br": "brotli -d",
    ".z": "uncompress",
}
#: Archives of files in formats that are not read: their kind, and the command that unpacks
#: one. Not compressions of one file: said as such, "decompress it first (7z x)" left the
#: reader with a folder of files, not the one file the message promised.
_OTHER_ARCHIVES = {
    ".7z": ("7-Zip", "7z x"),
    ".rar": ("RAR", "unrar x"),
    ".cab": ("Windows cabinet", "cabextract"),
    ".arj": ("ARJ", "arj x"),
    ".lzh": ("LHA", "lha x"),
    ".lha": ("LHA", "lha x"),
    ".cpio": ("cpio", "cpio -idv <"),
    ".ar": ("ar", "ar x"),
    ".iso": ("ISO 9660 disk image", "7z x"),
    ".dmg": ("macOS disk image", "7z x"),
}


def os_reason(exc: OSError) -> str:
    """What the system said, without Python's ``[Errno 13]`` and file name."""
    return exc.strerror or " ".join(str(exc).split())[:300] or type(exc).__name__


def _describe(exc: BaseException) -> str:
    text = " ".join(str(exc).split())[:300]
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _reason(exc: InputError) -> str:
    """The error message without the ``source: `` prefix InputError adds."""
    message = str(exc)
    prefix = f"{exc.source}: " if exc.source else ""
    return message.removeprefix(prefix)


# ------------------------------------------------------------------ guards


def _guarded(place: _Place, items: Iterable[Item]) -> Iterator[Item]:
    """The items of one input; an exception ends it with one failure, never the run.

    The failure names the input and the last unit read before it, and takes
    the input's own id (or ``<id>!rest`` if that id is already used).
    """
    last: str | None = None
    own_id_used = False
    try:
        for item in items:
            last = item.doc_id
            own_id_used = own_id_used or item.doc_id == place.doc_id
            yield item
    except Exception as exc:  # the invariant: no input ends the iteration
        doc_id = f"{place.doc_id}!rest" if own_id_used else place.doc_id
        if isinstance(exc, OSError):  # the system's refusal, said as every reader says it
            after = f" after {last!r}; the rest of it is skipped" if last is not None else ""
            yield _Place(doc_id, place.source).unreadable(exc, after)
            return
        where = f"after {last!r}" if last is not None else "at its start"
        error = f"reading stopped {where} ({_describe(exc)}); the rest of it is skipped"
        yield InputFailure(doc_id, place.source, error)


def _or_report(place: _Place, items: Iterable[Item], error: str) -> Iterator[Item]:
    """The items of a container; one failure if it holds none, so it never vanishes."""
    empty = True
    for item in items:
        empty = False
        yield item
    if empty:
        yield place.fail(error)


# ------------------------------------------------------------------ units


def _iter_units(units: Iterable[_Unit], context: _Context) -> Iterator[Item]:
    for unit in units:
        place = context.place(_unit_name(unit))
        if unit.kind == "broken":
            yield place.fail(_broken_link(unit.path) or "cannot read (it vanished)")
        elif unit.kind == "dir":
            found = False
            for item in _guarded(place, _walk(unit.real, context)):
                found = True
                yield item
            if not found and not _holds_a_file(unit.real):  # a share not mounted (lost+found)
                yield place.fail("no file in this folder")
        elif unit.kind == "stream":
            yield from _guarded(place, _read_stream(unit, place, context))
        else:
            name = unit.path if _known_type(unit.path) else unit.real
            yield from _guarded(place, _read_path(unit.path, unit.real, name, place, context))


def _holds_a_file(path: str) -> bool:
    """Whether a folder named as an input that gave no item holds any file the walk would
    read below it (its files were read already, given in another spelling) or none (an
    empty share, only empty folders, hidden files or system clutter): a folder that
    cannot be listed is the walk's to report."""
    for folder, folders, files in os.walk(path):
        folders[:] = [name for name in folders if not name.startswith(".")]
        relative = os.path.relpath(folder, path)
        if any(not name.startswith(".") and not is_junk_name(os.path.join(relative, name))
               for name in files):  # fmt: skip
            return True  # a file the walk reads, not clutter (.DS_Store, Thumbs.db)
    return False


def _known_type(name: str) -> bool:
    inner = gzipped_name(name)
    if inner is not None:
        return _known_type(inner)
    return container_kind(name) is not None or document_format(name) is not None


def _walk(root: str, context: _Context) -> Iterator[Item]:
    """Every entry under ``root``, depth first in sorted order, one item each.

    Iterative (a deep tree cannot exhaust the stack). Symlinks are never
    followed, so a walk cannot loop or leave the tree; FIFOs, sockets and
    devices are never opened, so it cannot hang: each is an error line, since
    a FIFO in a folder is usually a mistake, and one named on the command
    line is read.
    """
    stack: list[Iterator[os.DirEntry[str]]] = []
    listing = _list_dir(root, context)
    if isinstance(listing, InputFailure):
        yield listing
        return
    stack.append(iter(listing))
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
            continue
        if is_junk_name(entry.name) or entry.path in context.named:
            continue  # clutter; or an input named on its own, read as its own unit
        path = entry.path
        place = context.place(path)
        try:
            if entry.is_symlink():
                yield _symlink_failure(path, root, place, context)
            elif entry.name.startswith("."):
                noun = "folder" if entry.is_dir(follow_symlinks=False) else "file"
                yield place.fail(f"hidden {noun}, not read", skipped=True)
            elif entry.is_dir(follow_symlinks=False):
                listing = _list_dir(path, context)
                if isinstance(listing, InputFailure):
                    yield listing
                else:
                    stack.append(iter(listing))
            elif entry.is_file(follow_symlinks=False):
                if _output_name(entry.name) and _holds_results(path):
                    yield place.fail(
                        "an extractor output (its first line is a result line), not read: "
                        "name it on the command line to extract its texts again",
                        skipped=True,
                    )
                    continue
                made = (  # a page or table kept beside the articles
                    made_by_a_command(path)
                    if entry.name.lower().endswith((*DOCUMENT_SUFFIXES, ".csv"))
                    else None
                )
                if made is not None:
                    yield place.fail(f"{made}, not an article: not read", skipped=True)
                    continue
                yield from _guarded(place, _read_path(path, path, entry.name, place, context))
            else:
                kind = _special_kind(entry.stat(follow_symlinks=False).st_mode)
                yield place.fail(
                    f"a {kind} inside a folder is not read (reading it could block the run "
                    "for ever); name it on the command line to read it"
                )
        except OSError as exc:  # lstat of a vanished entry, and the like
            yield place.unreadable(exc)
        except Exception as exc:
            yield place.fail(f"cannot read ({_describe(exc)})")


#: The longest first line :func:`_holds_results` reads (a result line holds its article).
_RESULT_LINE_CAP = 16 * 1024 * 1024


def _output_name(name: str) -> bool:
    """Whether a file so named may be an earlier run's output, gzipped or not: a JSONL
    file's name, or any name the walk would read as one article (``-o results.txt`` is an
    output all the same, and read as an article its lines went to the model as prose)."""
    inner = gzipped_name(name) or name
    return container_kind(inner) == "jsonl" or document_format(inner) is not None


def _holds_results(path: str) -> bool:
    """Whether a JSONL file found in a folder is an earlier run's output (its first non-blank
    line is a result line): ``bulk in/ -o in/run2.jsonl`` beside ``in/run1.jsonl`` would
    otherwise send every article of run 1 again, keyed as rows of that file."""
    try:
        with open(path, "rb") as handle:
            return _starts_with_result(handle, path)
    except OSError:
        return False  # reading it is the reader's job, and its error line


def _starts_with_result(handle: IO[bytes] | gzip.GzipFile, name: str) -> bool:
    """Whether the first non-blank line of a JSONL file or member is a result line (see
    :func:`_holds_results`; an output zipped, tarred or gzipped beside the articles is one
    too). A gzip stream that is damaged is not: reading it is the reader's job."""
    inner = gzipped_name(name)
    if inner is not None:
        try:
            with gzip.GzipFile(fileobj=handle) as unpacked:
                return _starts_with_result(unpacked, inner)
        except (OSError, EOFError, zlib.error):
            return False
    while line := handle.readline(_RESULT_LINE_CAP):
        if len(line) == _RESULT_LINE_CAP and not line.endswith(b"\n"):  # an article that long
            return _LONG_RESULT_LINE.match(line) is not None
        if line.strip():
            return is_result_line(line)  # one that lost its newline is whole too
    return False


#: How a result line begins (its id, then its status), for one too long to read whole.
_LONG_RESULT_LINE = re.compile(
    rb'\{"doc_id": "(?:[^"\\]|\\.){0,65536}", "status": "(?:ok|error|skipped)"'
)


def _list_dir(path: str, context: _Context) -> list[os.DirEntry[str]] | InputFailure:
    try:
        with os.scandir(path) as scan:
            return sorted(scan, key=lambda entry: entry.name)
    except OSError as exc:
        return context.place(path).fail(f"cannot list folder ({os_reason(exc)})", unread=True)


def _symlink_failure(path: str, root: str, place: _Place, context: _Context) -> InputFailure:
    """The one line of a symbolic link met in a folder walk, which never follows it.

    Each kind of link has its own reason, since each is mended its own way:
    a link whose target does not exist, or whose chain of links loops
    (``ELOOP``: ``a -> b -> a``), is an error (:func:`_broken_link`); a link
    to a folder that contains it (``sub/up -> ..``, ``here -> .``) is a cycle
    the walk does not enter, and one to anything else in the input folder an
    alias of what is read in place: both are skipped, as is a link out of
    the input folder.
    """
    broken = _broken_link(path)
    if broken is not None:
        return place.fail(broken)
    target = os.path.realpath(path)
    if context.is_excluded(target):  # the output, or its .lock: never an input
        return place.fail(
            f"symbolic link to this run's own output ({target!r}: its results or a file kept "
            "beside them), not input; not followed",
            skipped=True,
        )
    # the target as the link names it: a reason that changed with how the command is spelt
    # (a label relative to one folder given alone, else a full path) would make a rerun
    # rewrite the line as changed though nothing changed
    written = _link_text(path)
    if _is_within(os.path.realpath(os.path.dirname(path)), target):
        shown = "the input folder" if target == root else repr(written)
        return place.fail(
            f"symbolic link to a folder that contains it ({shown}: a cycle the walk does not "
            "enter); not followed",
            skipped=True,
        )
    if not _is_within(target, root):
        return place.fail("symlink points outside the input folder; not followed", skipped=True)
    return place.fail(
        f"symbolic link to {written!r} in the input folder, which is read there; not followed",
        skipped=True,
    )


def _link_text(path: str) -> str:
    """What the symbolic link ``path`` says it points to, as written in it (printable: a
    name that is no UTF-8 is escaped as a source is)."""
    try:
        return escape_surrogates(os.readlink(path))
    except OSError:
        return os.path.basename(os.path.realpath(path))


def _broken_link(path: str) -> str | None:
    """Why the symbolic link ``path`` leads to nothing, or None when it leads to something.

    A target that does not exist (``ENOENT``, or ``ENOTDIR`` for a path through
    a file) is a broken link, links that lead back to themselves (``ELOOP``)
    a loop, with the chain they follow: the two are told apart, since one
    is fixed by making the target and the other by breaking the cycle.
    """
    try:
        os.stat(path)
        return None
    except OSError as exc:
        try:
            target = os.readlink(path)
        except OSError:
            target = "?"
        if exc.errno == errno.ELOOP:
            return (
                f"symbolic link loop ({_link_chain(path)}: links that lead back to themselves "
                "reach no file); point one of them at a file, or remove it"
            )
        if exc.errno in (errno.ENOENT, errno.ENOTDIR):
            return (
                f"broken symbolic link (its target {target!r} does not exist); "
                "point it at a file, or remove it"
            )
        return f"symbolic link whose target {target!r} cannot be reached ({os_reason(exc)})"


#: The most links :func:`_link_chain` follows: a loop shows within a few.
_CHAIN_HOPS = 8


def _link_chain(path: str) -> str:
    """The chain of links ``path`` starts, as ``a -> b -> a`` (each as its link reads),
    up to the first link met again (or :data:`_CHAIN_HOPS` of them)."""
    here = os.path.abspath(path)
    shown, seen = [os.path.basename(here)], {here}
    for _ in range(_CHAIN_HOPS):
        try:
            text = os.readlink(here)
        except OSError:
            break
        shown.append(text)
        here = os.path.normpath(os.path.join(os.path.dirname(here), text))
        if here in seen or not os.path.islink(here):
            return " -> ".join(shown)
        seen.add(here)
    return " -> ".join([*shown, "..."])


def _special_kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "FIFO"
    if stat.S_ISSOCK(mode):
        return "socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    return "special file"


def _read_path(path: str, real: str, name: str, place: _Place, context: _Context) -> Iterator[Item]:
    """A file on disk, once: a file reached a second time is the same unit, already read.

    An excluded file (a run's own output) is no unit at all.
    """
    if real in context.seen or context.is_excluded(real):
        return
    context.seen.add(real)
    yield from _read_blob(path, name, place, context, depth=0, budget=None)


# ---------------------------------------------------------------- streams


def _read_stream(unit: _Unit, place: _Place, context: _Context) -> Iterator[Item]:
    """A FIFO, pipe or device named on the command line: opened without blocking, read once.

    Its format comes from its name (``feed.jsonl``) or, for a nameless pipe
    (``/dev/fd/63`` from ``<(...)``), from its first bytes (:func:`_sniff`).
    """
    if unit.real in context.seen or context.is_excluded(unit.real):
        return
    context.seen.add(unit.real)
    try:
        handle = _open_stream(unit.path, context.stream_wait)
    except InputError as exc:
        yield place.fail(_reason(exc))
        return
    except OSError as exc:
        yield place.unreadable(exc)
        return
    with handle:
        if _known_type(unit.path):
            name = unit.path
            items = _read_blob(handle, name, place, context, depth=0, budget=None)
        else:
            head = _read_head(handle)
            if _is_own_output(head, context):
                yield place.fail(
                    "this run's own output, piped back in (its first line is the output's "
                    "first line), not read", skipped=True,
                )  # fmt: skip
                return
            name = f"stream{_sniff(head, context.fields)}"
            stream = io.BufferedReader(_Prefixed(head, handle))
            items = _read_blob(stream, name, place, context, depth=0, budget=None)
        archive = container_kind(name) in ("zip", "tar")
        keys = _ContentKeys(place)
        for item in items:  # a stream's name is no identity: its documents are their texts
            source = item.source or ""
            if not isinstance(item, Document) or CONTENT_KEYED.fullmatch(source):
                yield item  # a failure, or a row already keyed by its content
            elif item.doc_id == place.doc_id:
                yield keys.key(item, b"")
            elif archive and source.endswith(item.doc_id):  # a member, not an id column's row
                # two archives piped on two runs share member names, not articles
                suffix = "#" + item.text_sha256[:_KEY_HEX]
                yield dataclasses.replace(item, doc_id=item.doc_id + suffix, source=source + suffix)
            else:
                yield item


def _open_stream(path: str, wait: float) -> IO[bytes]:
    """Open a stream for reading without waiting for ever on a FIFO nobody writes to.

    ``open()`` blocks on a FIFO until a writer opens it, for ever if none
    does. It is opened non-blocking instead, then polled: data, or a writer
    that came and went, means go on; after ``wait`` seconds, a writer that is
    there but has not written yet (a slow producer) is waited for, and no
    writer at all is an :class:`InputError` saying what to do.
    """
    if not hasattr(select, "poll") or not hasattr(os, "O_NONBLOCK"):  # Windows: no FIFOs
        return open(path, "rb")
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | _CLOEXEC)
    try:
        head = _await_writer(fd, wait) if stat.S_ISFIFO(os.fstat(fd).st_mode) else b""
        os.set_blocking(fd, True)
        raw = open(fd, "rb", buffering=0, closefd=True)  # noqa: SIM115
    except BaseException:
        os.close(fd)
        raise
    return io.BufferedReader(_Prefixed(head, raw)) if head else io.BufferedReader(raw)


def _await_writer(fd: int, wait: float) -> bytes:
    """Wait until a FIFO has data or a writer; the byte a last probe read, if it read one."""
    poller = select.poll()
    poller.register(fd, select.POLLIN)
    deadline = time.monotonic() + max(wait, 0.0)
    while True:
        remaining = deadline - time.monotonic()
        if poller.poll(max(0, round(remaining * 1000))):
            return b""  # data, or a writer that came and went (end of file)
        if remaining <= 0:
            break
    try:
        probe = os.read(fd, 1)
    except BlockingIOError:
        return b""  # a writer is there, it has written nothing yet: it is waited for
    if probe:
        return probe
    raise InputError(
        f"nothing writes to this FIFO (waited {wait:g} s); start its writer first, "
        "or give a regular file"
    )


def _is_own_output(head: bytes, context: _Context) -> bool:
    """Whether a nameless stream starts as one of the run's own files (``cat out.jsonl |
    extractor bulk - -o out.jsonl``): a result line, the same bytes as that file's start.
    A pipe has no path to compare, and re-reading the output would pay for it all again."""
    if not head.startswith(LINE_START) or not context.excluded:
        return False
    for path in context.excluded:
        try:
            with open(path, "rb") as handle:
                start = handle.read(len(head))
        except OSError:
            continue
        size = min(len(start), len(head))
        if size > len(LINE_START) and start[:size] == head[:size]:
            return True
    return False


def _read_head(handle: IO[bytes]) -> bytes:
    """Enough of a stream's start to tell its format, without waiting for more than that.

    Reading stops once :func:`_sniff_window` can say where the part the sniff reads ends
    (the first line past leading blank lines whole, and a tar header's magic number's
    place), at the end of the stream, or at :data:`_STREAM_SNIFF_BYTES`: a slow
    producer's rows are not held back until a large block is full, and a long first
    line (a JSONL row holding a whole article) is never cut where a read happened to end.
    Each read may give any number of bytes (a pipe gives what has come): what the sniff
    reads is the same whatever they were, and the same as ``extract -`` reads of the
    whole stream (:func:`stream_suffix`).
    """
    head = bytearray()
    read = getattr(handle, "read1", handle.read)
    checked = 0  # the head's size when it was last checked
    while len(head) < _STREAM_SNIFF_BYTES and (chunk := read(_STREAM_SNIFF_BYTES)):
        head += chunk
        gzipped = head.startswith(b"\x1f\x8b")
        # checked at a line end (or as the head doubles: gzip's bytes are unpacked anew)
        if (not gzipped and (b"\n" in chunk or b"\r" in chunk)) or len(head) >= 2 * checked:
            checked = len(head)
            if _sniff_window(bytes(head)) is not None:
                break
    return bytes(head)


#: A line end in bytes: CRLF, LF or a lone CR.
_BYTE_BREAK = re.compile(rb"\r\n|\r|\n")
#: What a line holds that leaves it blank, in bytes: white space, a byte-order mark's
#: bytes and the NULs of a UTF-16 or UTF-32 text's blank characters.
_BLANK_BYTES = b" \t\n\r\f\v\x00\xef\xbb\xbf\xff\xfe"


def _sniff_window(head: bytes) -> bytes | None:
    """The part of a stream's head its format is told from, or None when ``head`` is too
    short to say where it ends (more bytes may follow; at the end of the stream the whole
    head is read).

    It runs to the end of the first line past leading blank lines (a JSON opening is told
    from that line whole), and on to the first line end past byte 512 (a tar header's
    magic number, some rows of a table), at most :data:`_STREAM_SNIFF_BYTES`. It depends
    on those bytes alone, never on how many more were read: a pipe read in pieces of any
    size and the same bytes read whole give one window. A gzip stream's is the window of
    what it unpacks to (:func:`_gunzipped_head`).
    """
    head = head[:_STREAM_SNIFF_BYTES]
    if head.startswith(b"\x1f\x8b"):
        inner, state = _gunzipped_head(head)
        if state != "more" or _sniff_window(inner) is not None or len(head) >= _STREAM_SNIFF_BYTES:
            return head
        return None
    end = None
    start = 0
    for brk in _BYTE_BREAK.finditer(head):
        if brk.group() == b"\r" and brk.end() == len(head):
            break  # a CR last may be a CRLF's first half: its line ends with the next byte
        if end is None and head[start : brk.end()].strip(_BLANK_BYTES):
            end = brk.end()  # the first line that is not blank
        start = brk.end()
        if end is not None and start >= _STREAM_SNIFF_MIN:
            return head[: max(end, start)]
    return head if len(head) >= _STREAM_SNIFF_BYTES else None


def _gunzipped_head(head: bytes) -> tuple[bytes, Literal["more", "end", "broken"]]:
    """What a gzip stream's head unpacks to (at most :data:`_STREAM_SNIFF_BYTES`), and
    whether more may follow, the gzip stream ended, or its data broke here.

    Unpacked a piece at a time, and the piece that breaks a byte at a time, so what comes
    before the damage is kept: a head cut anywhere unpacks to the start of what the whole
    unpacks to, and the sniff reads the same of both."""
    unpacker = zlib.decompressobj(16 + zlib.MAX_WBITS)
    out = bytearray()
    step = 4096
    for at in range(0, len(head), step):
        piece = head[at : at + step]
        saved = unpacker.copy()
        try:
            out += unpacker.decompress(piece)
        except zlib.error:
            unpacker = saved
            for byte in range(len(piece)):
                try:
                    out += unpacker.decompress(piece[byte : byte + 1])
                except zlib.error:
                    return bytes(out[:_STREAM_SNIFF_BYTES]), "broken"
        if unpacker.eof:
            return bytes(out[:_STREAM_SNIFF_BYTES]), "end"
        if len(out) >= _STREAM_SNIFF_BYTES:
            break
    return bytes(out[:_STREAM_SNIFF_BYTES]), "more"


def stream_suffix(head: bytes) -> str:
    """The file suffix a nameless stream's first bytes suggest (``.zip``, ``.jsonl``,
    ``.txt`` ...), as ``bulk -`` reads it: what ``extract -`` checks it was given. The
    same sniff as bulk's (:func:`_sniff`), of the same window of the bytes
    (:func:`_sniff_window`), so both read a stream alike however the pipe delivered it."""
    return _sniff(head, RecordFields(), unpacked_nothing=".gz")


def _sniff(head: bytes, fields: RecordFields, *, unpacked_nothing: str = ".tar.gz") -> str:
    """The file suffix a stream's first bytes suggest (a pipe has no name to tell it).

    Archives by their magic numbers (gzip is opened to tell a WARC from a
    tar, a WARC by its whole version line); text by its first line: a JSON
    object opening it (whole, or running on past the window) JSONL, ``[{``
    a JSON array that parses so far (not read, as a ``.json`` file is not),
    markup (``<`` and a tag's first character) HTML, ``---``
    front matter, a first line naming the text column as a CSV header; else
    plain text (whose reading then says if it is binary). Gzip whose head unpacks to
    nothing (cut short or damaged) is ``unpacked_nothing``: bulk's tar reader then says
    so in a line; ``extract -`` names it as what it is. Only :func:`_sniff_window`'s part
    of ``head`` is read.
    """
    head = head[:_STREAM_SNIFF_BYTES]
    suffix = magic_suffix(head)
    if suffix is not None:
        return suffix
    if WARC_VERSION.match(head):
        return ".warc"
    if head.startswith(b"\x1f\x8b"):
        inner, state = _gunzipped_head(head)
        if WARC_VERSION.match(inner):
            return ".warc.gz"
        if not inner and state != "end":  # (a whole gzip of nothing is an empty text)
            return unpacked_nothing
        inner = _sniff_window(inner) or inner
        if is_tar(inner):
            return ".tar.gz"
        return _sniff(inner, fields) + ".gz"  # one gzipped file: what it holds
    head = _sniff_window(head) or head
    if is_tar(head):
        return ".tar"
    wide = bom_encoding(head)  # a UTF-16/32 text: its characters, not its bytes
    text = (
        head.decode(wide, errors="ignore").encode() if wide else head.removeprefix(codecs.BOM_UTF8)
    )
    text = text.lstrip()
    whole = len(head) < _STREAM_SNIFF_BYTES  # its first line is all in the window
    if text.startswith(b"{") and _opens_json(text, whole=whole):
        return ".jsonl"
    if re.match(rb"\[\s*[{\]]", text) and _opens_json(text, whole=whole):
        return ".json"  # a JSON array of records, as a .json file is
    if MARKUP.match(text):
        return ".html"
    if text.startswith((b"---", b"+++")):  # a text: front matter (a mapping) makes it markdown
        return ".txt"  # there (formats.parse_text), a rule that is none stays text: as a .txt
    # a table is told from its first 64 KiB (the window's first line may be a row holding a
    # whole article, past the csv module's cell limit): a prefix of the window, so still
    # the same whatever the pipe's reads were
    table = text[:_TABLE_SNIFF_BYTES].decode("utf-8", "replace")
    return ".csv" if _tabular(table, fields) else ".txt"


#: The JSON literals a value cut short at the window's end may be the start of.
_LITERALS = (b"true", b"false", b"null")

#: A JSON object opening with its first key (``{"id"``, ``[{"``), which prose does not do:
#: a stream so opened is rows even when a row is broken (``{"id": "a" "text": ...}``) or
#: cut short, so each row stays its own line and a broken one its error line, never one
#: text of the whole stream.
_OBJECT_OPENING = re.compile(r'\ufeff?\s*(?:\[\s*)*\{\s*"')


def _opens_json(text: bytes, *, whole: bool) -> bool:
    """Whether ``text`` opens with a JSON value that is one: a value that parses with
    nothing but blanks after it on its last line, or one that runs on past ``text``'s end
    (cut by the window: over lines, as ``jq .`` writes it, or, when the window is at its
    cap and not ``whole``, inside a long line). ``{Editor's note}``, ``[ ] a task``,
    ``{"a": 1} and more`` open texts, not rows."""
    decoded = text.decode("utf-8", "replace")
    try:
        _, end = json.JSONDecoder().raw_decode(decoded)
    except json.JSONDecodeError as exc:
        if _OBJECT_OPENING.match(decoded):
            return True  # a row broken after its first key, or cut inside it: rows' errors
        rest = decoded[exc.pos :].strip()
        if exc.msg.startswith("Expecting") and not rest:
            return True  # a name, a value or a delimiter expected where the window ends
        if whole:
            return False
        cut = exc.msg.startswith("Unterminated string") or (
            exc.msg.startswith("Invalid") and len(decoded) - exc.pos <= 6  # an escape cut
        )
        literal = exc.msg.startswith("Expecting value") and any(
            word.startswith(rest.encode()) for word in _LITERALS
        )
        return cut or literal
    except (ValueError, RecursionError):
        return False
    # its line ends at a line break of any kind, as the window's lines and the JSONL reader's
    # do: rows ended by lone CRs (old Mac, some exports) are rows too, never one text
    after = _FIRST_BREAK.split(decoded[end:], maxsplit=1)[0]
    return not after.strip()


#: A line break of any kind (CRLF, LF, a lone CR).
_FIRST_BREAK = re.compile(r"\r\n|\r|\n")

#: The longest column name a header is taken to hold (a longer cell is a sentence).
_COLUMN_NAME_CHARS = 64


def _tabular(text: str, fields: RecordFields) -> bool:
    """Whether a nameless stream's head reads as a CSV table: a first line naming the text
    column, no cell of it a sentence, and more than half the rows with as many cells as
    it (or more, when the text column is last: an unquoted comma in the text).

    An article whose first line is "Text, photos and video: Reuters" followed by
    sentences with commas here and there is prose: read as a table it would be cut
    into rows at its line ends and into cells at its commas.
    """
    if "\n" not in text:
        text = text.replace("\r", "\n")  # old Mac and Excel line ends
    # the header ends at the first line break of any kind: a CR-only file's quoted cells may
    # hold LFs (paragraphs), so its first LF can be rows away (csv reads CR rows itself)
    first, rest = [*_FIRST_BREAK.split(text, maxsplit=1), ""][:2]
    named = _directive(first)
    if named is not None:  # Excel's sep= line names the delimiter of the header below it
        text = rest
        delimiter = _header_delimiter(
            _FIRST_BREAK.split(rest, maxsplit=1)[0], fields, among=(named,)
        )
    else:
        delimiter = _header_delimiter(first, fields, columns=2)
        if delimiter is None:
            return _misnamed_table(text, first, fields)
    if delimiter is None:
        return False
    head = _head_rows(text, delimiter, skip_space=True)
    if head is None:
        return False
    header, body = head
    names = [cell.strip() for cell in header]
    if any(len(name) > _COLUMN_NAME_CHARS or name.endswith((".", "!", "?")) for name in names):
        return False
    # more cells than columns are the text's when the text column is last (an unquoted
    # comma in it, see _csv_rows); prose has its commas anywhere
    text_last = fields.canonical(header)[-1] == fields.text
    agree = sum(len(row) == len(header) or (text_last and len(row) > len(header))
                for row in body)  # fmt: skip
    return not body or agree * 2 > len(body)


#: A cell that reads as a column name and as nothing else: a word (letters first, then
#: letters, digits, ``_``, ``-``, ``.``), no spaces, no sentence.
_COLUMN_NAME = re.compile(r"[^\W\d_][\w.\-]*")


def _misnamed_table(text: str, first: str, fields: RecordFields) -> bool:
    """Whether a nameless stream's head is a CSV table whose header lacks the text column:
    read as one (the field check then refuses it, naming the columns it has), never sent
    to the model whole as an article made of rows.

    Its header is two or more column names (words, no spaces) split by one delimiter, and
    every complete row below has exactly as many cells: one row is enough when the header
    names a field this run reads (the id, date, title or url), two when it names none.
    Prose does not look like that: its first line is no list of bare words, and its lines
    do not all hold the same number of commas.
    """
    named = _named_columns(first)
    head = None if named is None else _head_rows(text, named[0])
    if named is None or head is None:
        return False
    header, body = named[1], head[1]
    known = {name.casefold() for name in fields.names}
    enough = 1 if any(cell.casefold() in known for cell in header) else 2
    return len(body) >= enough and all(len(row) == len(header) for row in body)


def _cells(line: str, delimiter: str) -> list[str]:
    """A header line's cells as a CSV reader reads them (quoted names too), stripped."""
    try:
        return [cell.strip() for cell in next(csv.reader([line], delimiter=delimiter), [])]
    except csv.Error:
        return []


def _head_rows(
    text: str, delimiter: str, *, skip_space: bool = False
) -> tuple[list[str], list[list[str]]] | None:
    """A stream's head read as CSV: its first non-blank row and the complete rows below it
    (the head ends anywhere: its last row may be cut short, in a quoted cell of
    paragraphs), or None when it holds no row or no CSV reader reads it."""
    try:
        rows = [row for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter,
                                          skipinitialspace=skip_space)  # CR rows too
                if any(cell.strip() for cell in row)]  # fmt: skip
    except csv.Error:
        return None
    if not rows:
        return None
    cut = not text.endswith(("\n", "\r")) or text.count('"') % 2 == 1
    return rows[0], rows[1 : len(rows) - cut]


def _named_columns(line: str) -> tuple[str, list[str]] | None:
    """The delimiter (of :data:`_DELIMITERS`) that splits ``line`` into two or more bare
    column names (see :data:`_COLUMN_NAME`), and those names; or None. The header of a
    table that does not name the text column."""
    for delimiter in _DELIMITERS:
        header = _cells(line, delimiter)
        if len(header) >= 2 and all(
            len(cell) <= _COLUMN_NAME_CHARS and _COLUMN_NAME.fullmatch(cell) for cell in header
        ):
            return delimiter, header
    return None


def _names_delimiter(line: str) -> str | None:
    """The delimiter of a header of bare column names (:func:`_named_columns`), or None."""
    named = _named_columns(line)
    return None if named is None else named[0]


def _read_blob(
    blob: _Blob,
    name: str,
    place: _Place,
    context: _Context,
    *,
    depth: int,
    budget: ExpansionBudget | None,
    end: _End | None = None,
    stated: Holds[str] | None = None,
) -> Iterator[Item]:
    """A file or member by its name's type: a container's units, a document, or why not.

    ``end`` is called after a table's last row, and before a row that runs to the end of
    its bytes is read: it raises what ended them early (a damaged gzip file,
    :class:`_Gunzipped`), so the rows before the damage are read, the row it cut is not,
    and one failure names the last row read (never "no records" too). ``stated`` are a
    table's stated made names when its caller read them already (:func:`_stated_keys`;
    a gzip file's table is a stream here, but its file may be unpacked twice).
    """
    inner = gzipped_name(name)
    if inner is not None:  # rows.jsonl.gz, notes.txt.gz: what it holds, read as it streams
        if not _known_type(inner):
            yield place.fail(_unsupported(inner) + " (in gzip)", skipped=True)
            return
        yield from _read_gunzipped(blob, inner, place, context, depth=depth, budget=budget)
        return
    kind = container_kind(name)
    if kind == "jsonl":
        if stated is None:
            stated = _stated_keys(blob, place, context, _iter_jsonl)
        rows = _then(_iter_jsonl(blob, place, context, end, _ContentKeys(place, stated)), end)
        yield from _or_report(place, rows, "no records in this file")
    elif kind == "csv":
        if stated is None:
            stated = _stated_keys(blob, place, context, _iter_csv)
        rows = _then(_iter_csv(blob, place, context, end, _ContentKeys(place, stated)), end)
        yield from _or_report(place, rows, "no data rows in this file")
    elif kind is not None:
        budget = budget or ExpansionBudget(context.caps)
        entries = _iter_archive(blob, kind, place, context, depth, budget)
        yield from _or_report(place, entries, "no files in this archive")
    elif document_format(name) is not None:
        yield _read_document(blob, name, place, context)
    else:
        yield place.fail(_unsupported(name), skipped=True)


#: How a made name's ``#<hash>`` is written in a table's bytes, whatever the rest: ``#`` and
#: 12 hex digits, each as itself (ASCII, every legacy table) or as JSON's escape of it.
#: A UTF-16 or UTF-32 table writes neither as ASCII bytes: it is always read twice.
_HASH_MARK = re.compile(rb"(?:#|\\u0023)(?:[0-9a-f]|\\u00[3-6][0-9a-f]){%d}" % _KEY_HEX, re.I)
#: The bytes one such mark may take (each character a 6-byte escape): kept between chunks.
_MARK_BYTES = 6 * (_KEY_HEX + 1)


def _stated_keys(
    blob: _Blob,
    place: _Place,
    context: _Context,
    rows: Callable[..., Iterator[Item]],
) -> frozenset[str]:
    """The ids a table's own rows state that read like its id-less rows' names
    (``<file>#<hash>``, ``<file>#<hash>#2``): reserved for those rows before any id-less
    row is named (:class:`_ContentKeys`), so a row's own id is its own in every order.

    Read in a first pass over the bytes, which a one-pass reader cannot do otherwise: a
    later row may state the name an earlier copy would take. Only a table that can be
    read twice is (a file, a member's bytes), and only when it writes a ``#`` and a hash's
    digits (no name can be stated without them), so most tables are scanned, not parsed,
    twice (a gzip file's table is unpacked twice: :func:`_stated_gunzipped`). A stream (a
    pipe, a FIFO) is read once: there a row stating a name a copy took before it is named
    ``<id>@<file>``, the copy ``<name>@<name>`` when the row came first (the runner
    matches either to its line, :func:`~extractor.bulk.runner.made_name`).
    """
    if not isinstance(blob, str | bytes) or not _writes_hash(blob):
        return frozenset()
    return _ids_stated(blob, place, context, rows)


def _ids_stated(
    blob: _Blob, place: _Place, context: _Context, rows: Callable[..., Iterator[Item]]
) -> frozenset[str]:
    """The made names (``<file>#<hash>``) among the ids the rows of ``blob`` state."""
    prefix = f"{place.doc_id}#"
    try:
        return frozenset(
            item.doc_id
            for item in rows(blob, place, context, None, _Unkeyed(place))
            if item.doc_id.startswith(prefix) and CONTENT_KEYED.fullmatch(item.doc_id)
        )
    except Exception:  # the reading pass says what is wrong with the bytes, row by row
        return frozenset()


def _writes_hash(blob: str | bytes) -> bool:
    """Whether ``blob`` may state a made name (:data:`_HASH_MARK`), read a MiB at a time:
    hashtags and ``#1`` in a text are no such name, so their table is read once."""
    if isinstance(blob, bytes):
        return _HASH_MARK.search(blob) is not None or _wide(blob)
    if not os.path.isfile(blob):  # a pipe or a device by its path: read once, not twice
        return False
    try:
        with open(blob, "rb") as handle:
            return _hash_in(handle)
    except OSError:
        return False


def _hash_in(handle: IO[bytes]) -> bool:
    """Whether the bytes ``handle`` gives may state a made name (see :func:`_writes_hash`)."""
    tail = b""
    while chunk := handle.read(1 << 20):
        if not tail and _wide(chunk):
            return True  # UTF-16 or UTF-32: its escapes are no ASCII bytes
        if _HASH_MARK.search(tail + chunk):
            return True
        tail = chunk[-_MARK_BYTES:]
    return False


def _rereadable(blob: _Blob) -> bool:
    """Whether ``blob``'s bytes can be read twice: a member's bytes, a regular file."""
    return isinstance(blob, bytes) or (isinstance(blob, str) and os.path.isfile(blob))


def _stated_gunzipped(
    blob: _Blob, inner: str, place: _Place, context: _Context
) -> frozenset[str] | None:
    """:func:`_stated_keys` of the table a gzip file holds, unpacked once more to find them
    when its bytes can be read again (a file on disk, a member in memory), so its ids are
    those of the same rows in a plain file, in every order. None for a stream (a pipe, a
    FIFO: read once) or for what is no table; what cannot be unpacked states nothing (the
    reading pass says why, row by row)."""
    kind = container_kind(inner)
    rows = _iter_jsonl if kind == "jsonl" else _iter_csv if kind == "csv" else None
    if rows is None or not _rereadable(blob):
        return None

    def unpacked() -> IO[bytes]:  # streamed, never held whole: as the reading pass reads it
        return io.BufferedReader(_Gunzipped(_open(blob), rows=context.caps.member_bytes))

    try:
        with unpacked() as stream:
            if not _hash_in(stream):
                return frozenset()
        with unpacked() as stream:
            return _ids_stated(stream, place, context, rows)
    except Exception:  # the reading pass says what is wrong with the bytes
        return frozenset()


def _wide(head: bytes) -> bool:
    """Whether bytes open as UTF-16 or UTF-32 text (:func:`bom_encoding`, marked or not)."""
    return (bom_encoding(head) or "").startswith(("utf-16", "utf-32"))


def _read_gunzipped(
    blob: _Blob,
    inner: str,
    place: _Place,
    context: _Context,
    *,
    depth: int,
    budget: ExpansionBudget | None,
) -> Iterator[Item]:
    """What a gzip file holds, named ``inner`` (``rows.jsonl`` of ``rows.jsonl.gz``), read
    as it streams. A damaged table gives every whole row before the damage, then one
    failure naming the last row read (:class:`_Gunzipped`); a damaged document is one
    failure (a text is never read in part)."""
    rows = context.caps.member_bytes if container_kind(inner) in _LINE_TABLES else None
    stated = _stated_gunzipped(blob, inner, place, context)
    with _Gunzipped(_open(blob), rows=rows) as stream:
        buffered = io.BufferedReader(stream)
        end = stream.check
        yield from _read_blob(
            buffered, inner, place, context, depth=depth, budget=budget, end=end, stated=stated
        )


def _then(items: Iterable[Item], end: _End | None) -> Iterator[Item]:
    """``items``, then ``end()`` (which may raise what cut them short)."""
    yield from items
    if end is not None:
        end()


def gzipped_name(name: str) -> str | None:
    """The name of what a gzip file holds (``rows.jsonl`` for ``rows.jsonl.gz``), or None for
    a name that is no lone gzip file (``.tar.gz`` and ``.warc.gz`` are containers)."""
    if not name.lower().endswith(".gz") or container_kind(name) is not None:
        return None
    return name[:-3]


#: zlib's window bits for one gzip member, its header and checksum read and checked.
_GZIP_WBITS = 16 + zlib.MAX_WBITS
#: What a gzip member starts with.
_GZIP_MAGIC = b"\x1f\x8b"
#: Tables of one row a line: a damaged gzip of one gives the rows before the damage.
_LINE_TABLES: frozenset[Container | None] = frozenset({"jsonl", "csv"})
#: Compressed bytes fed to a decompressor at a time when zlib refuses a chunk, to find the
#: bytes it decompressed before the damage (:func:`_salvage`): coarse, then finer.
_SALVAGE_STEPS = (4096, 64, 1)


#: zlib's words for a member whose bytes decompressed but whose checksum or length, at its
#: end, does not match: damage deflate cannot see until then (a flipped byte mid-stream).
_CHECK_FAILED = re.compile(r"incorrect (?:data|length) check")
#: What a line says of the rows read before such damage.
_UNCHECKED_ROWS = (
    "its checksum is read only at its end, so the rows read before it may be damaged too: "
    "copy or download the file again, and rerun"
)


class _Gunzipped(io.RawIOBase):
    """The bytes a gzip file holds, its members one after the other, read as they stream.

    Damage (a file cut short, corrupt data, a wrong checksum, bytes after a
    member that start no other) is a fault of the input, an
    :class:`InputError`: gzip's own ``BadGzipFile`` is an ``OSError``, which
    readers take for the system refusing a read (and which keeps an earlier
    result as it was).

    Every byte that decompresses before the damage is given out before the
    damage is said. ``gzip.GzipFile`` raised in the read that met it, and
    each buffered reader above (its own, ``read(n)``, ``readline``,
    ``TextIOWrapper``) dropped what that read had gathered: up to a buffer of
    good rows, all of them in a small file. So a table's stream (``rows``,
    the size cap of one row: :func:`_read_gunzipped`) ends at the damage as a
    file ends, keeping the damage for :meth:`check`, which is called once
    the rows before it are read; and it gives out a line only once its line
    break has come (or the file ended whole), so a row the damage cut, which
    may parse as a shorter row, is never read: it is part of the damage. (A
    line longer than ``rows`` is given out as it comes: its reader refuses it
    for its size. A row written over lines, a quoted CSV cell or a JSON
    object, that runs into the damage is its reader's to drop: it calls
    :meth:`check` before reading one that ran to the end, ``end`` in
    :func:`_read_blob`.) Without ``rows`` (a document or an archive, read
    whole, never in part), or when nothing came before the damage, the damage
    is raised as soon as the bytes before it are out.
    """

    def __init__(self, raw: IO[bytes], *, rows: int | None = None) -> None:
        super().__init__()
        self._raw = raw
        self._read = getattr(raw, "read1", raw.read)
        self._rows = rows
        self._input = b""  # compressed bytes read, not yet decompressed
        self._unpacker: Any = None  # the member being decompressed; None between members
        self._members = 0  # members read whole
        self._ready = b""  # decompressed bytes to give out, from _at on
        self._at = 0
        self._held: list[bytes] = []  # a table's bytes after its last line break so far
        self._held_size = 0
        self._given = 0  # bytes given out
        self._ended = False
        #: why the stream ended early (damage), if it did
        self.damage: str | None = None

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while self._at >= len(self._ready):
            if self._ended:
                if self._rows is None or not self._given:  # nothing before it to lose
                    self.check()
                return 0
            self._ready, self._at = self._give(self._unpack()), 0
        target = memoryview(buffer).cast("B")
        size = min(len(target), len(self._ready) - self._at)
        target[:size] = self._ready[self._at : self._at + size]
        self._at += size
        self._given += size
        return size

    def check(self) -> None:
        """Raise the damage the stream ended at, if it did."""
        if self.damage is not None:
            raise InputError(f"a damaged gzip file ({self.damage})")

    def close(self) -> None:
        try:
            self._raw.close()
        finally:
            super().close()

    def _give(self, out: bytes) -> bytes:
        """Of the bytes just decompressed, what a reader may have now (see the class)."""
        if self._rows is None:
            return out
        whole = self._ended and self.damage is None  # the file's end ends its last line
        cut = len(out) if whole else max(out.rfind(b"\n"), out.rfind(b"\r")) + 1
        given: list[bytes] = []
        # at a whole end, what is held goes out even when the end brought no byte (the
        # usual case: the member's end came with its data): a last row without its line
        # break, a UTF-16 line break's second byte, were dropped there
        if cut or whole:
            given, self._held, self._held_size = [*self._held, out[:cut]], [], 0
        if cut < len(out):
            self._held.append(out[cut:])
            self._held_size += len(out) - cut
        if self.damage is not None:
            self._held, self._held_size = [], 0  # the row the damage cut: not read
        elif self._held_size > self._rows:
            given += self._held
            self._held, self._held_size = [], 0
        return b"".join(given)

    def _unpack(self) -> bytes:
        """The next bytes decompressed (maybe none yet); the end or damage ends the stream."""
        if not self._input:
            self._input = self._read(_READ_CHUNK)  # what has come: a slow pipe's rows too
            if not self._input:
                return self._end()
        if self._unpacker is None:  # a member starts (after zeros a writer may pad with)
            if self._members:
                self._input = self._input.lstrip(b"\x00")
            if not _GZIP_MAGIC.startswith(self._input[:2]):
                after = "bytes after its end that are" if self._members else "it is"
                return self._damaged(f"{after} not gzip data")
            if not self._input:
                return b""
            self._unpacker = zlib.decompressobj(_GZIP_WBITS)
        data, self._input = self._input, b""
        before = self._unpacker.copy()
        try:
            out: bytes = self._unpacker.decompress(data, _READ_CHUNK)
        except zlib.error as exc:
            why = f"corrupt data: {exc}"
            if _CHECK_FAILED.search(str(exc)):  # found only at a member's end, after its rows
                why += f"; {_UNCHECKED_ROWS}"
            return self._damaged(why, _salvage(before, data))
        if self._unpacker.eof:
            self._input, self._unpacker = self._unpacker.unused_data, None
            self._members += 1
        else:
            self._input = self._unpacker.unconsumed_tail
        return out

    def _end(self) -> bytes:
        """The compressed bytes' end: the file's, or damage when it falls inside a member."""
        if self._unpacker is None:
            self._ended = True
            return b""
        out: bytes = self._unpacker.flush()  # what zlib still holds of the bytes it was given
        if not self._unpacker.eof:
            return self._damaged("cut short: it ends inside its compressed data", out)
        self._input, self._unpacker = self._unpacker.unused_data, None
        self._members += 1
        return out

    def _damaged(self, why: str, out: bytes = b"") -> bytes:
        self._ended = True
        self.damage = why
        return out


def _salvage(unpacker: Any, data: bytes) -> bytes:
    """What ``data`` decompresses to before the byte zlib refuses, given to ``unpacker``
    (a copy of the decompressor as it was before ``data``) a piece at a time: zlib refuses
    a call whole, and with it the bytes that call decompressed before the damage."""
    out: list[bytes] = []
    at = 0
    for step in _SALVAGE_STEPS:
        while at < len(data):
            trial = unpacker.copy()
            try:
                piece = trial.decompress(data[at : at + step])
            except zlib.error:
                break
            out.append(piece)
            unpacker, at = trial, at + step
    return b"".join(out)


def _open(blob: _Blob) -> IO[bytes]:
    if isinstance(blob, str):
        return open(blob, "rb")
    return io.BytesIO(blob) if isinstance(blob, bytes) else blob


def _read_document(blob: _Blob, name: str, place: _Place, context: _Context) -> Item:
    try:
        data = _read_capped(blob, context.caps.member_bytes)
        return parse_document(data, name=name, doc_id=place.doc_id, source=place.source)
    except InputError as exc:
        return place.fail(_reason(exc))
    except OSError as exc:
        return place.unreadable(exc)
    except Exception as exc:  # a parser's bug on hostile bytes is this document's failure
        return place.fail(f"could not be read ({_describe(exc)})")


def _read_capped(blob: _Blob, cap: int) -> bytes:
    """A file's bytes, in one pass (a FIFO is read once), refusing more than ``cap``."""
    if isinstance(blob, bytes):
        return blob
    with _open(blob) as handle:
        data = handle.read(cap + 1)
    if len(data) > cap:
        raise InputError(f"file larger than the size cap ({cap} bytes)")
    return data


# ------------------------------------------------------------------ JSONL


def _iter_jsonl(
    blob: _Blob,
    place: _Place,
    context: _Context,
    end: _End | None = None,
    keys: _ContentKeys | None = None,
) -> Iterator[Item]:
    """One item per non-blank line; a bad line fails alone, as ``<file>:<lineno>``.

    A JSON object written over several lines (the output of ``jq .`` or of
    ``json.dumps(indent=2)``, pasted or piped, or wrapped by hand with its
    closing brace at the end of its last line) is one row, at the line it
    opens on (:func:`_gather`). One that never closes fails on that line, and
    the lines it took are read again alone, so no row after it is lost; one
    that closes but is no JSON fails so too, its error placing the fault by
    the file's line and column rather than by its first line's alone. One
    that runs to the end of the bytes calls ``end`` first (:func:`_read_blob`):
    bytes that ended early (a damaged gzip file) cut it, and their damage is
    said instead of its lines.
    """
    cap = context.caps.member_bytes
    lineno = 0
    keys = keys or _ContentKeys(place)
    again: list[bytes] = []  # lines given back by a value that never closed, the next last
    resume: bytes | None = None  # the line after them that opens a value: read as any line
    try:
        with _open(blob) as opened:
            handle, table = _as_utf8_lines(opened)
            told = table is not None  # whether the lines that are not UTF-8 told the encoding
            if handle is None:  # a zip or random bytes named .jsonl: one line, not one a line
                yield place.fail("binary file, not text")
                return
            while True:
                given_back = bool(again)
                if again:
                    raw = again.pop()
                elif resume is not None:
                    raw, resume = resume, None
                else:
                    raw = handle.readline(cap + 1)
                if not raw:
                    break
                lineno += 1
                line_place = place.line(lineno)
                if len(raw) > cap and not raw.endswith(b"\n"):
                    _skip_rest_of_line(handle)
                    error = f"line {lineno} longer than the size cap ({cap} bytes)"
                    yield keys.key(line_place.fail(error), raw)
                    continue
                line = raw.removeprefix(codecs.BOM_UTF8) if lineno == 1 else raw
                if not told and isinstance(handle, io.BufferedReader) and not _is_utf8(line):
                    told = True  # the first line that is not UTF-8 tells, with what follows
                    ahead = handle.read1(_TABLE_GUESS_AHEAD)
                    table = table_encoding(line + b"\n" + ahead)
                    handle = io.BufferedReader(_Prefixed(ahead, handle))
                alone: Item | None = None  # the line's item, when it was parsed already
                if not given_back and _may_open(line):
                    opens = True
                    if line.rstrip().endswith((b"}", b"]")):  # most rows: parsed once, as rows
                        alone = _jsonl_item(line, line_place, context.fields, table)
                        opens = isinstance(alone, InputFailure)
                    if opens and _json_state(line) == "open":
                        spread = _gather(line, handle, cap)
                        if spread.ran_out and end is not None:
                            end()  # the value the damage cut is part of the damage
                        taken = spread.taken
                        if spread.whole is not None:
                            item = _jsonl_item(spread.whole, line_place, context.fields, table)
                            whole = spread.whole
                            yield (
                                keys.key(item, whole) if item.doc_id == line_place.doc_id else item
                            )
                            lineno += len(taken)
                            continue
                        if spread.resume:  # the next value's first line
                            resume = taken.pop()
                        again.extend(reversed(taken))
                        if spread.error is not None:  # where the value breaks, not the line
                            msg, down, column = spread.error
                            alone = line_place.fail(
                                f"{_where(line_place)}not valid JSON ({msg} at line "
                                f"{lineno + down} column {column}, in the value written over "
                                f"lines {lineno}-{lineno + len(taken)})"
                            )
                pieces = _cr_lines(line)
                for piece in pieces:
                    if piece is not pieces[0]:
                        lineno += 1
                        line_place = place.line(lineno)
                    if piece.strip() and piece.strip() not in _ARRAY_BRACKETS:
                        if alone is not None and len(pieces) == 1:
                            item = alone
                        else:
                            item = _jsonl_item(piece, line_place, context.fields, table)
                        if len(pieces) > 1:
                            item = _with_warnings(item, [_CR_ONLY])
                        yield keys.key(item, piece) if item.doc_id == line_place.doc_id else item
    except OSError as exc:
        after = f" after line {lineno}; the rest of it is skipped" if lineno else ""
        yield place.unreadable(exc, after)


#: A carriage return that ends a line by itself (classic Mac OS, some exports).
_BARE_CR = re.compile(rb"\r(?!\n)")
_CR_ONLY = "its line ended with a carriage return alone, read as a line end"


def _cr_lines(line: bytes) -> list[bytes]:
    """``line`` split at carriage returns that end lines by themselves, when it is no JSON
    whole: JSON may hold a bare CR as blank space, so a line that parses stays one."""
    if b"\r" not in line or not _BARE_CR.search(line.rstrip(b"\r\n")):
        return [line]
    if is_json(line):
        return [line]
    lines: list[bytes] = []
    held = b""  # pieces joined again until they parse: a CR inside an object is blank space
    for piece in _BARE_CR.split(line):
        if held and not is_json(joined := held + b"\r" + piece) and is_json(piece):
            lines.extend((held, piece))  # a broken row, then a good one: each its own line
            held = b""
            continue
        held = joined if held else piece
        if is_json(held):
            lines.append(held)
            held = b""
    if held:
        lines.append(held)  # what never parses fails as one line
    return [piece for piece in lines if piece] or [line]


class _Utf8Lines:
    """The lines of a UTF-16 or UTF-32 stream, as UTF-8 bytes: a JSONL file saved by a
    Windows editor splits on its own two- or four-byte newlines, not on ``\n`` bytes."""

    def __init__(self, stream: IO[bytes], encoding: str) -> None:
        self._text = io.TextIOWrapper(
            io.BufferedReader(stream) if isinstance(stream, io.RawIOBase) else stream,
            encoding=encoding, errors="surrogateescape", newline="",
        )  # fmt: skip

    def readline(self, size: int = -1) -> bytes:
        return self._text.readline(size).encode("utf-8", "surrogateescape")


#: The head of a JSONL file read to tell its encoding and whether it is text at all: lines
#: enough that a row's stray NUL is outvoted, one read (a pipe gives what has come).
_JSONL_SNIFF_BYTES = 8192
#: What is read past a JSONL file's first line that is not UTF-8, when its head told no
#: encoding, to tell one from: one read, so a pipe gives what has come.
_TABLE_GUESS_AHEAD = 64 * 1024


def _is_utf8(line: bytes) -> bool:
    try:
        line.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _as_utf8_lines(handle: IO[bytes]) -> tuple[Any, str | None]:
    """``handle`` itself, or a reader of its lines as UTF-8 when it starts with a UTF-16 or
    UTF-32 byte-order mark (read once, so a pipe works too); None when its head is no text
    at all (:func:`~extractor.io.decoding.is_binary_table` without a header line: a row's
    stray NUL is that row's fault), which would give an error line for each of its lines.
    With it, the East Asian encoding its lines that are not UTF-8 are in, when its head
    tells one (:func:`~extractor.io.decoding.table_encoding`); when it tells none,
    :func:`_iter_jsonl` tells it at the first line that is not UTF-8, from that line and
    what follows it (:data:`_TABLE_GUESS_AHEAD`): rows in GBK after 8 KiB of ASCII ones, or
    one row longer than the head, were read alone, as a single-byte code page's mojibake."""
    head = handle.read(_JSONL_SNIFF_BYTES)
    rest = io.BufferedReader(_Prefixed(head, handle))
    encoding = bom_encoding(head)
    if encoding is None and is_binary_table(head, header=False):
        return None, None
    if encoding is not None:
        return _Utf8Lines(rest, encoding), None
    return rest, table_encoding(head)


#: The most lines one JSON value written over several lines may take (:func:`_gather`).
_SPREAD_LINES = 1000


def _may_open(line: bytes) -> bool:
    """Whether ``line`` may be the first line of a JSON object or array written over
    several lines: it starts with a bracket (a line ending in a bare CR does not)."""
    stripped = line.strip()
    return stripped.startswith((b"{", b"[")) and b"\r" not in stripped


#: What :class:`_Spread` reads of a line: a string whole, escapes and all (its group 1 is
#: its closing quote: none when the line ends inside it), a bracket, a colon or a comma,
#: or a run of anything else (a number, ``true``, a typo).
_JSON_TOKEN = re.compile(rb'"(?:[^"\\\r\n]+|\\.)*(")?|[][{}:,]|[^\s"\[\]{}:,]+')
_CLOSERS = {ord("}"): ord("{"), ord("]"): ord("[")}


class _Spread:
    """A JSON value written over several lines, read a line at a time: which brackets are
    open, what came last, and whether the brackets closed again or cannot.

    Each line is scanned once, a string at a time (a regular expression
    takes it whole), so gathering a value of a thousand lines costs a
    thousand lines' reading, not a parse of all the lines so far at each
    line: they are parsed as JSON when the brackets close (:func:`_gather`).
    """

    def __init__(self) -> None:
        self.open = bytearray()  # the brackets open, the innermost last
        self.last = 0  # the last token's first byte: a bracket, ``:``, ``,``, ``"``, 0
        self.closed = False  # the first bracket closed again: the value ends on this line
        self.broken = False  # a bracket closed that is not open, or a string not closed

    def feed(self, line: bytes) -> None:
        for token in _JSON_TOKEN.finditer(line):
            first = line[token.start()]
            if self.closed:
                self.last = first  # after the value's end: what parsing then refuses
            elif first in b"{[":
                self.open.append(first)
            elif first in b"}]":
                if not self.open or self.open.pop() != _CLOSERS[first]:
                    self.broken = True
                    return
                self.closed = not self.open
            elif first == ord('"') and token.group(1) is None:
                self.broken = True  # JSON strings do not run over lines
                return
            self.last = first

    def starts_next(self, line: bytes) -> bool:
        """Whether ``line`` is the first of the next value rather than more of this one.

        Pretty-printers put a top-level value's opening bracket at the start
        of a line and everything inside it further in, so a line opening with
        a bracket there starts the next value (a truncated value before it
        costs only itself). Further in, an opening bracket starts the next
        value where this one expects no value: after a name's string, a
        value, or a comma between an object's members.
        """
        if line.startswith((b"{", b"[")):
            return True
        if not line.lstrip().startswith((b"{", b"[")):
            return False
        in_array = self.open[-1:] == b"["
        return not (self.last in b":[" or (self.last == ord(",") and in_array))


@dataclass
class _Gathered:
    """What :func:`_gather` read: the value's lines joined (None when they are no JSON
    value), the lines it took after the first, whether the last of them is the next
    value's first, and for a value that closed but does not parse, where it breaks."""

    whole: bytes | None
    taken: list[bytes]
    resume: bool = False
    #: why the closed value does not parse, and where: the line (0 the first) and column
    error: tuple[str, int, int] | None = None
    #: the input ended before the value did
    ran_out: bool = False


def _gather(first: bytes, handle: Any, cap: int) -> _Gathered:
    """The JSON value that opens on ``first`` and closes on a later line of ``handle``.

    The value ends on the line where its first bracket closes again
    (:class:`_Spread` follows the brackets outside strings), wherever on
    that line: ``{"id": "j2",`` then `` "text": "..."}`` is one row, as is
    the output of ``jq .``, ``json.dumps(indent=...)`` or ``JSON.stringify``.
    The lines are parsed there, not before. None instead of the value when they
    do not parse (the error then says where in the value, by its line and
    column in the file), or when the value does not end within
    :data:`_SPREAD_LINES` lines, the size cap or the file, or a string or
    a bracket on a line cannot belong to it, or a line is the next value's
    first (:meth:`_Spread.starts_next`): the caller reads the lines taken
    again, alone. Every line is taken at most once and scanned at most once.
    """
    spread = _Spread()
    spread.feed(first)
    taken: list[bytes] = []
    size = len(first)
    while len(taken) < _SPREAD_LINES and not spread.broken:
        raw = handle.readline(cap + 1)
        if not raw:
            return _Gathered(None, taken, ran_out=True)
        taken.append(raw)
        size += len(raw)
        if spread.starts_next(raw):
            return _Gathered(None, taken, resume=True)
        if size > cap:
            break
        spread.feed(raw)
        if spread.closed and not spread.broken:
            joined = b"".join((first, *taken))
            try:
                json.loads(joined.decode("utf-8", "replace"))
            except json.JSONDecodeError as exc:
                error = (exc.msg.removesuffix(" at"), exc.lineno - 1, exc.colno)
                return _Gathered(None, taken, error=error)
            except (ValueError, RecursionError):
                return _Gathered(None, taken)  # the first line alone says so
            return _Gathered(joined, taken)
    return _Gathered(None, taken)


def _json_state(data: bytes) -> Literal["whole", "open", "broken"]:
    """Whether ``data`` is one JSON value, the start of one that goes on past its end (it
    ends where a name, a value or a delimiter is expected), or neither."""
    text = data.decode("utf-8", "replace")
    try:
        json.loads(text)
    except json.JSONDecodeError as exc:
        cut = exc.pos >= len(text.rstrip()) and exc.msg.startswith("Expecting")
        return "open" if cut else "broken"
    except (ValueError, RecursionError):
        return "broken"
    return "whole"


def _skip_rest_of_line(handle: IO[bytes]) -> None:
    while chunk := handle.readline(_READ_CHUNK):
        if chunk.endswith(b"\n"):
            return


def _jsonl_item(line: bytes, place: _Place, fields: RecordFields, table: str | None = None) -> Item:
    """One line's item; a line that is not UTF-8 is decoded on its own, with a warning
    (by ``table``, the file's East Asian encoding, when its head tells one and it fits)."""
    how = unit_decoding(line, table)
    keys = _RepeatedKeys()
    text = how.decode(line)
    marked = text.lstrip(" \t").startswith("\ufeff")  # files joined, each with its own BOM
    text = text.lstrip(" \t").removeprefix("\ufeff") if marked else text
    # blanks JSON does not take around the object (a no-break or ideographic space, a
    # zero-width one from a copy out of a web page) show nothing and hold no data
    text = strip_blank(text)
    bracketed: str | None = None  # the line is one object of an array, "," or "[" around it
    try:
        record = json.loads(
            text, parse_int=_json_int, parse_float=_JsonFloat, object_pairs_hook=keys
        )
    except json.JSONDecodeError as exc:
        inner = _array_member(text)
        if inner is None:
            return place.fail(
                f"{_where(place)}not valid JSON ({exc.msg.removesuffix(' at')} at column "
                f"{exc.colno})"
            )
        keys = _RepeatedKeys()
        record = json.loads(
            inner, parse_int=_json_int, parse_float=_JsonFloat, object_pairs_hook=keys
        )
        bracketed = _ARRAY_MEMBER
    except Exception as exc:  # RecursionError on deep nesting, ValueError on huge numbers
        return place.fail(f"{_where(place)}not valid JSON ({_describe(exc)})")
    if isinstance(record, list):
        return place.fail(
            f"{_where(place)}a JSON array, not an object: JSONL holds one object per line "
            "(jq -c '.[]' writes an array so)"
        )
    if not isinstance(record, dict):
        return place.fail(f"{_where(place)}not a JSON object")
    # "ID", "Text": the id and text fields; "id" and "ID" both: the one holding a value is
    # read, and said
    record, repeated = fields.merged(record)
    given = [
        f"{_where(place)}key {key!r} is given {count} times in this object; its last value is read"
        for key, count in keys.repeated.items()
    ]
    item = _record_item(record, place, fields, "jsonl")
    if isinstance(item, InputFailure) and given:  # a failure has no warnings: its error says
        item = dataclasses.replace(item, error=f"{item.error} ({'; '.join(given)})")
    notes = [*([bracketed] if bracketed else []), *([_MARKED] if marked else [])]
    item = _with_warnings(item, [*given, *repeated, *notes])
    return _with_warning(item, how.warning, "line")


_MARKED = (
    "its line opened with a byte order mark (files joined together, each with its own?); removed"
)
#: Lines that only open or close a JSON array written one object a line: no row to read.
_ARRAY_BRACKETS = frozenset({b"[", b"]", b"],", b"[]"})
_ARRAY_MEMBER = (
    "its line is one object of a JSON array written an object a line ('[', ']' or a comma "
    "around it), read as a row: JSONL holds one object a line with nothing around it"
)


def _array_member(text: str) -> str | None:
    """The object of a line that a JSON array written an object a line puts a comma after,
    or its bracket before (``[{...},``, ``{...},``, ``{...}]``), when it parses as one:
    before, each such line but the last failed as "Extra data", and the rows were lost.
    None for any other line (a broken object, a comma inside a string)."""
    inner = text.strip()
    inner = inner.removeprefix("[").lstrip() if inner.startswith("[{") else inner
    for end in ("],", "]", ","):
        if inner.endswith(end) and inner[: -len(end)].rstrip().endswith("}"):
            inner = inner[: -len(end)].rstrip()
            break
    if inner == text.strip() or not inner.startswith("{"):
        return None
    try:
        return inner if isinstance(json.loads(inner), dict) else None
    except (ValueError, RecursionError):
        return None


class _RepeatedKeys:
    """A ``json`` ``object_pairs_hook`` that notes the keys a line's object gives twice.

    JSON allows ``{"id": "a", "text": "x", "text": "y"}`` and ``json`` keeps the
    last value without a word: the text read would be one of two a user wrote, and
    which one silent. Each object is made as ``json`` makes it (the last value of a
    key wins, as the last of two equal CSV header names does); ``repeated`` holds the
    keys of the last object made, the line's own (the outermost is made last), with
    how many times each is given, so its document can say which value it read.
    """

    def __init__(self) -> None:
        self.repeated: dict[str, int] = {}

    def __call__(self, pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        made = dict(pairs)
        self.repeated = {}
        if len(made) < len(pairs):
            for key, _ in pairs:
                self.repeated[key] = self.repeated.get(key, 0) + 1
            self.repeated = {key: n for key, n in self.repeated.items() if n > 1}
        return made


def _json_int(digits: str) -> int | LongInt:
    """A JSON integer; one longer than Python converts by default (4,300 digits) is a
    :class:`~extractor.pipeline.document.LongInt`, its digits held as the number they are:
    every field reads it as a number (an id and a title as its digits), none as text."""
    return int(digits) if len(digits) <= 4000 else LongInt(digits)


class _JsonFloat(float):
    """A JSON number with a fraction or an exponent: a float, and the text it was written as.

    An id is the number its JSON text writes (:func:`_id_cell`), as the same value given
    to ``extract_rows`` as a Decimal or a longdouble is: JSON has no binary floats, and a
    float64 lost ``0.33333333333333333334`` (two such ids were one) and made ``1e400``
    infinite (no id). Every other field reads it as the float it is.
    """

    __slots__ = ("text",)
    text: str

    def __new__(cls, text: str) -> _JsonFloat:
        number = super().__new__(cls, text)
        number.text = text
        return number


def _id_cell(value: Any) -> Any:
    """An id field's value as :func:`~extractor.pipeline.document.input_id` reads it: a JSON
    number with a fraction or an exponent is the float it names when its text is that
    float's own (shortest) text, as ``json.dumps`` and every JSONL export of a float
    column write it (``8.391732575903027e+16`` is the float 83917325759030272, so a
    DataFrame and its JSONL export name a row alike); any other such number is the
    Decimal its text writes (``0.33333333333333333334`` no float holds, ``1e400``; its
    text, past any exponent a Decimal holds: ``1e99999999999999999999``)."""
    if not isinstance(value, _JsonFloat):
        return value
    try:
        written = decimal.Decimal(value.text)
    except decimal.InvalidOperation:
        return value.text
    number = float(value)
    if math.isfinite(number) and decimal.Decimal(repr(number)) == written:
        return number
    return written


def _where(place: _Place) -> str:
    """``line N: `` for a unit found at a line, so an error keyed by content can be found."""
    _, sep, number = place.source.rpartition(":")
    return f"line {number}: " if sep and number.isdigit() else ""


def _with_warnings(item: Item, warnings: Sequence[str]) -> Item:
    """The item, its Document carrying ``warnings`` (about where it was found) first."""
    if not warnings or not isinstance(item, Document):
        return item
    return dataclasses.replace(item, warnings=(*warnings, *item.warnings))


def _with_warning(item: Item, warning: str | None, unit: str) -> Item:
    """The item, its Document carrying ``warning`` (about how its bytes were decoded) first."""
    if warning is None or not isinstance(item, Document):
        return item
    return dataclasses.replace(item, warnings=(f"this {unit} is {warning}", *item.warnings))


def _record_item(record: Mapping[str, Any], place: _Place, fields: RecordFields, fmt: str) -> Item:
    noun = "column" if fmt == "csv" else "field"
    found = input_id(_id_cell(record.get(fields.id)), f"{noun} {fields.id!r}")  # extract_rows' too
    doc_id = found.text or place.doc_id
    if found.error is not None:  # true, a list, an object: the row's error, as in extract_rows
        return InputFailure(doc_id, place.source, f"{_where(place)}{found.error}")
    try:
        document = record_to_document(
            record, fields=fields, doc_id=doc_id, source=place.source, fmt=fmt
        )
        return _with_warnings(document, [found.warning] if found.warning else [])
    except TextFieldError as exc:
        keys = () if exc.present else tuple(str(key) for key in itertools.islice(record, 40))
        return InputFailure(doc_id, place.source, _reason(exc), text_field=exc.present, keys=keys)
    except InputError as exc:
        return InputFailure(doc_id, place.source, _reason(exc))
    except Exception as exc:  # the record's failure, never the file's
        return InputFailure(doc_id, place.source, f"could not be read ({_describe(exc)})")


def _record_id(value: Any) -> str | None:
    """An id column's value as a string (:func:`~extractor.pipeline.document.input_id`);
    absent, blank, NaN or of a kind no id can be gives None.

    A number is its digits as :func:`~extractor.pipeline.document.as_doc_id`
    makes them for the Python API (``7``, ``7.0`` and ``-0.0`` are ``"7"``,
    ``"7"`` and ``"0"``), so a JSONL export and a DataFrame of it agree. Text is
    taken in Unicode's composed form (NFC): an id spelt with a combining accent is
    the same id, as a person reading it would say.
    """
    return input_id(value, "id").text  # the one rule for an id cell, extract_rows' too


# -------------------------------------------------------------------- CSV


class _Prefixed(io.RawIOBase):
    """A stream that replays the bytes already read from its head, then goes on.

    The encoding is judged from the head of a CSV file; reading it again
    from the start would lose that head when the file is a pipe.
    """

    def __init__(self, head: bytes, rest: IO[bytes]) -> None:
        super().__init__()
        self._head = memoryview(head)
        self._rest = rest

    def readable(self) -> bool:
        return True

    def close(self) -> None:
        """Close the stream it reads too: whoever closes the outer reader is done with both."""
        if not self.closed:
            self._rest.close()
        super().close()

    def readinto(self, buffer: Any) -> int:
        target = memoryview(buffer).cast("B")
        if self._head:
            size = min(len(target), len(self._head))
            target[:size] = self._head[:size]
            self._head = self._head[size:]
            return size
        data = self._rest.read(len(target))
        target[: len(data)] = data
        return len(data)


def _iter_csv(
    blob: _Blob,
    place: _Place,
    context: _Context,
    end: _End | None = None,
    keys: _ContentKeys | None = None,
) -> Iterator[Item]:
    """One item per data row, in one pass over the file.

    Rows are split before they are decoded: the file is read as UTF-8 with
    undecodable bytes carried through the CSV parser as escapes (every
    ASCII-compatible encoding writes the delimiters the same way), and each
    row holding such bytes is then decoded on its own
    (:func:`~extractor.io.decoding.unit_decoding`), with a warning on its
    Document. So one legacy row never changes how its neighbours read, and a
    file entirely in windows-1252 still comes out right, row by row. Only a
    UTF-16 or UTF-32 file (by its BOM, read from the one BOM table,
    :func:`~extractor.io.decoding.bom_encoding`: UTF-32-LE's mark begins with
    UTF-16-LE's) is decoded whole. A malformed row fails alone; only an I/O
    error or a cell past the size cap (after which the parser cannot find the
    next row) ends the file, with one failure for the rest. The delimiter and
    the header are the first non-blank line's (:func:`_dialect`); rows too
    long for the header, and quotes that run over lines, are said on their
    row (:func:`_fit_row`, :func:`_csv_rows`).

    Rows end where the header's line ends (:func:`_row_end`). In a file of LF
    or CR LF rows a carriage return alone is no line end but a character of
    its cell, as written: ``pandas.to_csv`` and ``csv.writer`` with
    ``lineterminator="\n"`` leave a text's CR unquoted, and reading it as a
    line end cut the row in two, its tail a bogus row. The csv module refuses
    such a CR in a cell that is not quoted, so it is handed over coded
    (:func:`_code_crs`) and restored in every cell (:func:`_restore_crs`); the
    row says so when its cell was not quoted. A file whose header ends in a
    CR alone (classic Mac OS) has rows ending so: every line break ends a line.

    A NUL byte in a cell is its row's fault, not the table's: that row is
    refused (its text "holds NUL characters", as a JSONL line's is) and the
    others are read, wherever it is; only a table that is no text at all (a
    zip or a PNG renamed ``.csv``: :func:`~extractor.io.decoding.is_binary_table`)
    is refused whole. A row that runs to the end of bytes that ended early
    calls ``end`` first (:func:`_read_blob`).
    """
    csv.field_size_limit(max(context.caps.member_bytes, 1))
    with _open(blob) as handle:
        head = handle.read(_CSV_SNIFF_BYTES)
        if not head:
            yield place.fail("empty file")
            return
        encoding = bom_encoding(head)
        if encoding is None:
            if is_binary_table(head):  # a NUL in a cell is its row's fault, not the file's
                yield place.fail("binary file, not text")
                return
            encoding = "utf-8-sig"
        ends = _row_end(head, encoding)
        stream = io.TextIOWrapper(
            io.BufferedReader(_Prefixed(head, handle)),
            encoding=encoding,
            errors="surrogateescape",
            newline="" if ends == "\r" else "\n",  # "": a lone CR ends a line too
        )
        tape = _Tape(_code_crs(stream, lone_cr=ends != "\r"))
        delimiter, spaced = _dialect(head, encoding, context.fields)
        reader = csv.reader(tape, delimiter=delimiter, skipinitialspace=spaced)
        table = None if encoding != "utf-8-sig" else table_encoding(head)
        yield from _csv_rows(reader, encoding, place, context.fields, tape, ends, end, table, keys)


def _row_end(head: bytes, encoding: str) -> str:
    """How the rows of a CSV file whose first bytes are ``head`` end: as its first line
    with any text on it (the header, or Excel's ``sep=`` line) does, ``\n``, ``\r\n`` or
    ``\r`` (classic Mac OS); ``\n`` when no line ends in the head."""
    text = head.decode(encoding, errors="replace")
    content = re.search(r"\S", text)
    found = _CSV_LINE_BREAK.search(text, content.start() if content else 0)
    if found is None or (found.group() == "\r" and found.end() == len(text)):
        return "\n"  # a CR cut from its LF by the head's end, or no line end at all
    return found.group()


#: A lone carriage return, as the csv module is handed it in a file of LF or CR LF rows:
#: a pair of Unicode noncharacters, which no text holds (a U+FDD0 that one does is coded
#: as two, :func:`_code_crs`), so that every cell can be restored exactly.
_CODE_MARK = "\ufdd0"
_CODED_CR = "\ufdd0\ufdd1"
_LONE_CR_OR_MARK = re.compile("\r(?!\n)|\ufdd0")
_CODED = re.compile("\ufdd0([\ufdd0\ufdd1])")


def _code_crs(lines: Iterable[str], *, lone_cr: bool) -> Iterator[str]:
    """``lines`` with every U+FDD0 doubled and, when ``lone_cr``, every carriage return not
    followed by a line feed coded as :data:`_CODED_CR` (:func:`_restore_crs` undoes it).

    The csv module reads a CR as a line end even in the middle of a line, and
    rejects it there (``new-line character seen in unquoted field``) unless
    its cell is quoted: coded, it is a character like any other.
    """
    for line in lines:
        if _CODE_MARK in line or (lone_cr and "\r" in line):
            if lone_cr:
                line = _LONE_CR_OR_MARK.sub(_code_one, line)
            else:
                line = line.replace(_CODE_MARK, _CODE_MARK * 2)
        yield line


def _code_one(found: re.Match[str]) -> str:
    return _CODED_CR if found.group() == "\r" else _CODE_MARK * 2


def _restore_cr(text: str) -> str:
    """``text`` as the file holds it, its lone CRs and U+FDD0 coded by :func:`_code_crs`
    restored."""
    if _CODE_MARK not in text:
        return text
    return _CODED.sub(lambda found: "\r" if found.group(1) == "\ufdd1" else _CODE_MARK, text)


def _restore_crs(cells: list[str]) -> list[str]:
    """The cells of a row as the file holds them (:func:`_restore_cr`)."""
    return [_restore_cr(cell) for cell in cells]


#: One character of a coded line, a coded CR or U+FDD0 as one (:func:`_unquoted_cr`).
_CODED_CHAR = re.compile("\ufdd0[\ufdd0\ufdd1]|.", re.DOTALL)


def _unquoted_cr(lines: Sequence[str], dialect: Any) -> int | None:
    """The line (0-based) of a row's coded ``lines`` where a lone CR stands in a cell that
    is not quoted, or None when every lone CR is quoted (or there is none).

    It follows the states of the ``csv`` parser as :func:`_quote_spans` does
    (not strict: text after a closing quote goes on into the cell, unquoted).
    A quoted CR is what its writer meant; an unquoted one reads as written
    too, but its writer may have meant a line end: the row says so.
    """
    if not any(_CODED_CR in line for line in lines):
        return None
    quote = None if dialect.quoting == csv.QUOTE_NONE else dialect.quotechar
    state = "start"  # of a cell; field (unquoted), quoted, quote (one seen in quoted)
    for number, line in enumerate(lines):
        for char in _CODED_CHAR.findall(line):
            if state == "quoted":
                state = "quote" if char == quote else state
            elif char == quote and state in ("start", "quote"):
                state = "quoted"  # a quoted cell opens, or a doubled quote goes on in one
            elif char == _CODED_CR:
                return number
            elif char in (dialect.delimiter, "\r", "\n"):
                state = "start"
            elif not (state == "start" and char == " " and dialect.skipinitialspace):
                state = "field"
    return None


#: How each kind of row end is named in a warning.
_ROW_ENDS = {"\n": "LF", "\r\n": "CR LF", "\r": "CR"}


def _cr_warnings(
    lines: Sequence[str], start: int, dialect: Any, ends: str, open_quote: bool
) -> list[str]:
    """One warning for a row's carriage returns whose meaning its writer may not have meant
    (see :func:`_iter_csv`), or none: a lone CR in a cell that is not quoted, read as part
    of the cell; a row ending in CR LF in a file of LF rows, its CR read as a line end (a
    cell ending in a CR that was not quoted looks the same)."""
    at = _unquoted_cr(lines, dialect)
    crlf = ends == "\n" and not open_quote and bool(lines) and lines[-1].endswith("\r\n")
    last = start + len(lines) - 1
    lost = "a CR that ended its last cell, not quoted, is not kept"
    if at is None and not crlf:
        return []
    if at is None:
        return [f"line {last} ends in CR LF where rows of this file end in LF: read as a "
                f"line end ({lost})"]  # fmt: skip
    said = (
        f"line {start + at}: a carriage return (CR) in a cell that is not quoted is read as "
        "part of that cell, as written"
    )
    if crlf:
        return [f"{said}, and the CR LF ending line {last} as a line end (rows of this file "
                f"end in LF; {lost})"]  # fmt: skip
    return [f"{said} (rows of this file end in {_ROW_ENDS[ends]})"]


#: Delimiters a CSV file may use: spreadsheets in much of Europe write ``;``.
_DELIMITERS = (",", ";", "\t", "|")


#: A line break as the CSV reader sees one (``str.splitlines`` knows more).
_CSV_LINE_BREAK = re.compile(r"\r\n|\r|\n")

#: Excel's first-line directive naming the delimiter (``sep=;``): Excel writes it so that a
#: file opens alike in every locale, and reads it; it is no header and no row.
_SEP_DIRECTIVE = re.compile(r"\s*sep=([^\r\n\"])\s*", re.IGNORECASE)


def _directive(line: str) -> str | None:
    """The delimiter an Excel ``sep=`` line names, or None when ``line`` is no such line."""
    found = _SEP_DIRECTIVE.fullmatch(line)
    return found.group(1) if found else None


def _dialect(head: bytes, encoding: str, fields: RecordFields) -> tuple[str, bool]:
    """The delimiter of a CSV file whose first bytes are ``head``, and whether the spaces
    after a delimiter are skipped (``skipinitialspace``).

    The header is the first line that is not blank: blank and whitespace-only
    lines above it are skipped, here and by :func:`_csv_rows` alike (judging
    the delimiter by an empty first line read a ``;`` file with ``,``). The
    delimiter is ``,`` unless that line names the text column when split by
    another (see :func:`_header_delimiter`) or, naming no text column, is a list of bare
    column names split by another (:func:`_names_delimiter`). Spaces after a delimiter are
    skipped only when the header is written so (``id; text``): then ``1; "a;
    b"`` is the two cells its writer meant, and the space opening each cell
    is layout, not text. A file whose header has no such space keeps every
    cell exactly as written.
    """
    text = head.decode(encoding, errors="replace")  # the head may end inside a character
    lines = (line for line in _CSV_LINE_BREAK.split(text) if line.strip())
    first = next(lines, None)
    if first is None:
        return ",", False
    named = _directive(first)
    if named is not None:  # Excel's sep= line: the header is the line after it
        first = next(lines, "")
    # a header lacking the text column is still split into its names (the error says them)
    delimiter = named or _header_delimiter(first, fields) or _names_delimiter(first) or ","
    try:
        cells = next(csv.reader([first], delimiter=delimiter), [])
    except csv.Error:
        cells = []
    return delimiter, any(cell.startswith(" ") for cell in cells[1:])


def _header_delimiter(
    line: str, fields: RecordFields, *, columns: int = 1, among: Iterable[str] = _DELIMITERS
) -> str | None:
    """The delimiter (of ``among``) whose split of ``line`` gives at least ``columns`` cells,
    one of them the text column; None if none does.

    A ``;`` file read with ``,`` has one column named ``id;text;published``, so
    every row would fail for want of a text column. Column names are matched
    without the spaces around them (``id; text``), as :func:`_csv_rows` reads them.
    """
    for delimiter in among:
        try:
            header = next(csv.reader([line], delimiter=delimiter, skipinitialspace=True), [])
        except csv.Error:
            continue
        if len(header) >= columns and fields.text in fields.canonical(header):
            return delimiter
    return None


class _Tape:
    """The lines a CSV reader takes, kept since the last :meth:`clear`: the raw text of a
    row the reader rejects, so that even a malformed row is keyed by its content.

    It numbers the lines it hands out (``line`` is the last one's) and says
    when the input ran out while the current row was read (``ended``: only a
    quote left open makes the reader ask for a line past the end). Lines
    given back (:meth:`give_back`) are handed out again under their own
    numbers: the lines an unclosed quote swallowed are read again as rows. A byte order
    mark opening a row's first line is dropped, as the file's own first one is: CSV files
    joined together (``cat a.csv b.csv``) have one at each one's start, which stayed in the
    row's first cell (an id that differed from itself elsewhere, a header that was no
    header).
    """

    def __init__(self, lines: Iterable[str]) -> None:
        self._lines = iter(lines)
        self._again: list[str] = []  # given back, the next one last
        self._ahead: collections.deque[str] = collections.deque()  # looked at, not taken
        self.taken: list[str] = []
        self.line = 0
        self.ended = False

    def __iter__(self) -> _Tape:
        return self

    def __next__(self) -> str:
        if self._again:
            line = self._again.pop()
        elif self._ahead:
            line = self._ahead.popleft()
        else:
            try:
                line = next(self._lines)
            except StopIteration:
                self.ended = True
                raise
        self.line += 1
        if not self.taken and line.startswith("\ufeff"):
            line = line[1:]  # a BOM opening a row: files joined, read as the file's first one
        self.taken.append(line)
        return line

    def look_ahead(self, size: int) -> str:
        """About ``size`` characters of the lines not yet taken, which are still handed out
        in turn: what a table's encoding is told by (:func:`_csv_rows`)."""
        while sum(map(len, self._ahead)) < size:
            line = next(self._lines, None)
            if line is None:
                break
            self._ahead.append(line)
        return "".join(self._ahead)

    def give_back(self, lines: Sequence[str]) -> None:
        """Hand ``lines``, the last ones taken, out again, numbered as they were."""
        self._again.extend(reversed(lines))
        self.line -= len(lines)

    def clear(self) -> None:
        self.taken.clear()
        self.ended = False


def _csv_rows(
    reader: Any,
    encoding: str,
    place: _Place,
    fields: RecordFields,
    tape: _Tape,
    ends: str = "\n",
    end: _End | None = None,
    table: str | None = None,
    keys: _ContentKeys | None = None,
) -> Iterator[Item]:
    """The items of a CSV file's rows, read by ``reader`` from ``tape``; rows that are not
    UTF-8 are decoded by ``table`` when it fits them (:func:`_decode_row`). When the head
    told none, the first row that is not UTF-8 tells it, from that row and the lines after
    it (:data:`_TABLE_GUESS_AHEAD`), as a JSONL file's first such line does: Shift-JIS rows
    after a MiB of ASCII ones were read one at a time, as U+FFFD.

    Blank and whitespace-only lines are no rows, above the header as below
    it; the header is the first other line, its names read without the spaces
    around them. Cells past the header's columns are :func:`_fit_row`'s.

    A quoted cell may hold line breaks (a spreadsheet writes a text of
    several paragraphs so), and ``csv`` reads on until the quote closes: a
    quote its writer forgot to close swallows the lines after it, rows and
    all, without a word. So every quoted cell that runs over lines is looked
    at (:func:`_quote_spans`), and:

    * A quote still open at the end of the file, with lines after the one it
      opens on: its row is an error naming that line and how many lines the
      quote swallowed (where its cell was meant to end cannot be told), and
      those lines are read again as rows, under their own line numbers, as
      they would be had the quote been closed on its line. Close the quote
      and rerun to read that row. (The lines read again cannot hold such a
      quote themselves: inside the open quote every quote came in pairs.) A
      header row with such a quote is read as if it closed at its line's end,
      and every row says so.
    * A quote left open on the file's last line swallowed nothing: the row is
      read, that cell running to the end of the file, with a warning.
    * A quoted cell that closes on a later line is read as written (a
      multi-line cell), with a warning naming the line it opens on and the
      lines it runs over when it looks like a stray quote: it closes where no
      cell can end (text right after the closing quote, which was really the
      opening quote of a later cell), or a line inside it reads on its own as
      a row of this file (:func:`_reads_as_row`). A well-formed multi-line
      cell gives no warning.

    ``tape`` hands out lines whose lone CRs are coded (:func:`_code_crs`):
    cells and raw rows are restored here, and a lone CR in a cell that is not
    quoted is a warning on its row (:func:`_cr_warnings`), as is a CR LF row
    end in a file of LF rows (``ends``, the file's row end).
    """
    header: list[str] | None = None
    notes: list[str] = []  # about the header: said on every row
    directed = False  # the first line was Excel's sep= line
    keys = keys or _ContentKeys(place)
    dialect = reader.dialect
    wide = encoding in ("utf-16", "utf-32")
    # no encoding told by the head (all UTF-8 or ASCII): the first row that is not tells it
    tell = table is None and not wide
    while True:
        start = tape.line + 1
        tape.clear()
        try:
            row: list[str] = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            if "field limit" in str(exc) or tape.line < start:
                spanned = len(tape.taken)
                hint = f", in a cell running over {spanned} lines" if spanned > 1 else ""
                yield place.fail(
                    f"unreadable CSV at line {start} ({exc}{hint}); rest of file skipped"
                )
                return
            # a line number moves when a row is inserted above it: its bytes do not
            raw = _restore_cr("".join(tape.taken)).encode("utf-8", "surrogateescape")
            yield keys.key(place.line(start).fail(f"line {start}: malformed CSV row ({exc})"), raw)
            continue
        except (OSError, UnicodeError) as exc:
            error = f"unreadable CSV at line {start} ({_describe(exc)}); rest of file skipped"
            yield place.fail(error)
            return
        if tape.ended and end is not None:
            end()  # a row running to the end of bytes that ended early: the damage cut it
        row = _restore_crs(row)
        lines = list(tape.taken)
        if not row or not _restore_cr("".join(lines)).strip():
            continue  # a blank line is no row
        spans = _quote_spans(lines, dialect) if len(lines) > 1 or tape.ended else []
        swallowed = 0
        if spans and spans[-1].closed is None and spans[-1].opened < len(lines) - 1:
            opened = spans[-1].opened
            swallowed = len(lines) - 1 - opened
            tape.give_back(lines[opened + 1 :])
            lines, spans = lines[: opened + 1], spans[:-1]
            row = _parse_alone(lines, dialect)
        # UTF-16 and UTF-32 cannot be split before decoding: their bad bytes fail the row
        undecodable = wide and any(_SURROGATES.search(cell) for cell in row)
        if tell and any(_SURROGATES.search(cell) for cell in row):
            tell = False  # the first row that is not UTF-8 tells, with what follows it
            ahead = "".join(lines) + tape.look_ahead(_TABLE_GUESS_AHEAD)
            table = table_encoding(_restore_cr(ahead).encode("utf-8", "surrogateescape"))
        row, warning = (row, None) if wide else _decode_row(row, table)
        if header is None:
            if not directed and _directive("".join(lines)) == dialect.delimiter:
                directed = True  # Excel's sep= line, read by _dialect: no header, no row
                continue
            if undecodable:
                yield place.fail(f"header row is not {encoding} text; file skipped")
                return
            stripped = [name.strip() for name in row]
            header = fields.canonical(stripped)  # ID, Text: id, text
            notes = [f"the header: {note}" for note in fields.repeated(stripped)]
            if swallowed:
                notes.append(
                    f"the header row, line {start + len(lines) - 1}, opens a quote it never "
                    "closes; its cells are read to that line's end, the lines after it as rows"
                )
            continue
        row_place = place.line(start)
        raw = "\0".join(row).encode("utf-8", "surrogateescape")
        if len(row) == len(header) and fields.canonical([cell.strip() for cell in row]) == header:
            # files joined together: each one's header, again, is no article
            error = f"line {start} repeats the header row (CSV files joined?): no document"
            yield keys.key(row_place.fail(error, skipped=True), raw)
            continue
        row, overflow = _fit_row(row, header, fields, dialect, start)
        # a header naming a field twice (id, ID): the cell holding a value is read
        record = _csv_row(fields.merged(dict(zip(header, row, strict=False)))[0], fields.text)
        open_quote = bool(spans) and spans[-1].closed is None
        said = [*([overflow] if overflow else []), *_quote_warnings(
            lines, spans, start, header, record, fields, dialect
        ), *_cr_warnings(lines, start, dialect, ends, open_quote or bool(swallowed))]  # fmt: skip
        if undecodable or swallowed:
            key = record.get(fields.id)
            doc_id = None if key is None or _SURROGATES.search(key) else _record_id(key)
            if undecodable:
                error = f"line {start}: row is not {encoding} text (undecodable bytes)"
            else:
                error = (
                    f"line {start + len(lines) - 1}: a quote opened here never closes: the "
                    f"{swallowed} line(s) after it, to the end of the file, would all be one "
                    "cell; this row is not read (close its quote), the lines after it are "
                    "read as rows"
                )
            if said:  # a failure has no warnings: its error says
                error = f"{error} ({'; '.join(said)})"
            failure = InputFailure(doc_id or row_place.doc_id, row_place.source, error)
            yield failure if doc_id else keys.key(failure, raw)
            continue
        item = _with_warning(_record_item(record, row_place, fields, "csv"), warning, "row")
        if isinstance(item, InputFailure) and item.keys:  # the table's columns, filled or not
            item = dataclasses.replace(item, keys=tuple(map(str, header[:40])))
        if isinstance(item, InputFailure) and said:
            item = dataclasses.replace(item, error=f"{item.error} ({'; '.join(said)})")
        item = _with_warnings(item, [*notes, *said])
        yield keys.key(item, raw) if item.doc_id == row_place.doc_id else item


def _parse_alone(lines: Sequence[str], dialect: Any) -> list[str]:
    """The cells of ``lines`` read as one row by themselves (an open quote ends with them)."""
    try:
        return _restore_crs(next(csv.reader(lines, dialect, strict=False), []))
    except csv.Error:
        return []


@dataclass(frozen=True, slots=True)
class _Span:
    """A quoted cell of a CSV row that runs over lines, by the row's lines (0-based).

    ``closed`` is the line its closing quote is on (None: the file ends
    first), ``at`` that quote's place on it, ``clean`` whether a cell can end
    there (a delimiter or the line's end follows; else ``csv`` reads the text
    after it on into the cell, which only a strict reader rejects).
    """

    opened: int
    closed: int | None
    at: int = 0
    clean: bool = True


def _quote_spans(lines: Sequence[str], dialect: Any) -> list[_Span]:
    """The quoted cells of one row's ``lines`` that run over lines, and one left open at the
    end of the file even on a single line, in order, as ``csv`` reads them with ``dialect``.

    It follows the states of the ``csv`` parser (quotes doubled inside a
    quoted cell, not strict: text after a closing quote goes on into the
    cell), jumping from quote to quote, so a long cell costs little.
    """
    quote, delimiter = dialect.quotechar, dialect.delimiter
    if quote is None or dialect.quoting == csv.QUOTE_NONE:
        return []
    if not lines:
        return []
    unquoted_end = re.compile(f"[{re.escape(delimiter)}\r\n]")
    spans: list[_Span] = []
    state, opened = "start", 0  # start (of a cell), field, quoted, quote (seen in quoted)
    for number, line in enumerate(lines):
        at, size = 0, len(line)
        while at < size:
            if state == "quoted":
                found = line.find(quote, at)
                if found < 0:
                    break  # the cell goes on, over the line break
                state, at = "quote", found + 1
                continue
            char = line[at]
            if state == "quote":
                if char == quote:  # a doubled quote: one quote in the cell
                    state, at = "quoted", at + 1
                    continue
                if number != opened:
                    spans.append(_Span(opened, number, at - 1, char in (delimiter, "\r", "\n")))
                state = "field"  # this char is read again as the cell's
            elif state == "start":
                if char == quote:
                    state, opened, at = "quoted", number, at + 1
                elif char in "\r\n":
                    return spans
                elif char == delimiter or (char == " " and dialect.skipinitialspace):
                    at += 1
                else:
                    state = "field"
            else:
                found_end = unquoted_end.search(line, at)
                if found_end is None:
                    break
                if found_end.group() != delimiter:
                    return spans
                state, at = "start", found_end.end()
        if state == "quote" and number != opened:  # the last line ends right after the quote
            spans.append(_Span(opened, number, size - 1, True))
        if state != "quoted":
            return spans
    spans.append(_Span(opened, None))
    return spans


def _quote_warnings(
    lines: Sequence[str],
    spans: Sequence[_Span],
    start: int,
    header: Sequence[str],
    record: Mapping[str, Any],
    fields: RecordFields,
    dialect: Any,
) -> list[str]:
    """Warnings for a row's quoted cells that run over lines and look like stray quotes (the
    rule is :func:`_csv_rows`'); ``start`` is the row's first line number."""
    warnings: list[str] = []
    own_id = _record_id(record.get(fields.id))
    shape = None if own_id is None else _id_shape(own_id)
    for span in spans:
        first = start + span.opened
        if span.closed is None:
            warnings.append(
                f"line {first}: a quote opened here never closes; its cell is read to the end "
                "of the file"
            )
            continue
        inside = [*lines[span.opened + 1 : span.closed], lines[span.closed][: span.at]]
        rowlike = [
            first + 1 + n
            for n, line in enumerate(inside)
            if _reads_as_row(line, header, shape, fields, dialect)
        ]
        if span.clean and not rowlike:
            continue
        why = [] if span.clean else ["it closes where no cell can end (text follows the quote)"]
        if rowlike:
            shown = ", ".join(str(number) for number in rowlike[:5])
            more = ", ..." if len(rowlike) > 5 else ""
            why.append(f"{len(rowlike)} line(s) inside it read as rows ({shown}{more})")
        warnings.append(
            f"line {first}: a quoted cell opens here and runs over "
            f"{span.closed - span.opened + 1} lines, to line {start + span.closed}; "
            f"{' and '.join(why)}: is a quote unbalanced? Those lines are read as this row's"
        )
    return warnings


def _reads_as_row(
    line: str,
    header: Sequence[str],
    shape: frozenset[str] | None,
    fields: RecordFields,
    dialect: Any,
) -> bool:
    """Whether ``line``, found inside a quoted cell, reads on its own as a row of the file.

    The header must have an id column and the row an id; the line must have
    a cell in that column holding an id like the row's: no spaces, made of
    the same kinds of characters (digits, letters, the same punctuation:
    ``row-7`` like ``row-12``, ``17`` like ``3``). Its number of cells does not
    matter (a row may have too few, or too many: :func:`_fit_row`). Without an
    id column a line of prose cannot be told from a row, and is not judged.
    So a paragraph inside a text that starts like ``2,000 people`` in a file
    of numeric ids is taken for a row: a warning too many, never a row lost
    without one. ``shape`` is the row's id's (:func:`_id_shape`), None when it has none.
    """
    if shape is None or fields.id not in header:
        return False
    column = len(header) - 1 - list(header)[::-1].index(fields.id)  # the last one is read
    cells = _parse_alone([line], dialect)
    if len(cells) <= column:
        return False
    key = cells[column].strip()
    return len(key.split()) == 1 and _id_shape(key) == shape  # one word: no space inside


def _id_shape(value: str) -> frozenset[str]:
    """The kinds of characters an id is made of: digits, letters, and its other characters."""
    return frozenset("0" if char.isdigit() else "a" if char.isalpha() else char for char in value)


def _fit_row(
    row: list[str], header: Sequence[str], fields: RecordFields, dialect: Any, line: int
) -> tuple[list[str], str | None]:
    """A row's cells fitted to the header's columns, and a warning when cells were moved or
    dropped.

    A row with more cells than the header has columns mostly holds a
    delimiter its writer did not quote, in prose: ``Hello, world`` under a
    ``text`` header. Empty cells past the header (a trailing delimiter, a
    spreadsheet's blank columns) hold nothing and are dropped without a
    word. Else:

    * A header of one column, the text column, is a list of texts, one a
      line: no delimiter separates anything in it, so a ``,`` in a row is
      text. The whole row is the text, its cells joined by the delimiter,
      without a warning (a user of such a file expects each line whole).
    * When the text column is the header's last, the cells past it are the
      rest of its text, cut at its unquoted delimiters: they are joined back
      to it, with a warning naming the line (the guess may be wrong).
    * Else which cell held the delimiter cannot be told: the cells past the
      header are dropped, and a warning names the line and how many.
    """
    columns = len(header)
    while len(row) > columns and not row[-1].strip():
        row = row[:-1]
    extra = len(row) - columns
    if extra <= 0:
        return row, None
    glue = dialect.delimiter + (" " if dialect.skipinitialspace else "")
    if list(header) == [fields.text]:
        return [glue.join(row)], None
    unquoted = f"(a {dialect.delimiter!r} in a cell that is not quoted?)"
    if columns and header[-1] == fields.text:
        warning = (
            f"line {line}: {len(row)} cells for {columns} columns; the {extra} cell(s) past the "
            f"last column, {fields.text!r}, are read as the rest of its text {unquoted}"
        )
        return [*row[: columns - 1], glue.join(row[columns - 1 :])], warning
    warning = (
        f"line {line}: {len(row)} cells for {columns} columns; the {extra} cell(s) past the "
        f"last column are dropped {unquoted}"
    )
    return row[:columns], warning


def _decode_row(row: list[str], table: str | None = None) -> tuple[list[str], str | None]:
    """A row's cells as text: as read when they were UTF-8, else decoded from their own bytes.

    Cells hold undecodable bytes as surrogate escapes; they are turned back
    into the row's bytes, and one decoding, chosen from all of them (``table``,
    the file's East Asian encoding, first when its head tells one), is applied
    to every cell.
    """
    if not any(_SURROGATES.search(cell) for cell in row):
        return row, None
    cells = [cell.encode("utf-8", "surrogateescape") for cell in row]
    how = unit_decoding(b"\n".join(cells), table)
    return [how.decode(cell) for cell in cells], how.warning


def _csv_row(row: Mapping[str, Any], text: str) -> dict[str, Any]:
    """Empty cells are absent values (cells past the header are :func:`_fit_row`'s), but
    the ``text`` column's, which is said to be empty (not missing: the header has it)."""
    return {key: value for key, value in row.items() if value not in ("", None) or key == text}


# --------------------------------------------------------------- archives


def _iter_archive(
    blob: _Blob,
    kind: Container,
    place: _Place,
    context: _Context,
    depth: int,
    budget: ExpansionBudget,
) -> Iterator[Item]:
    """Members as items, ids ``<archive id>!<member>`` (a WARC's pages are their URIs).

    A member that is itself a container is read from memory (it is within
    the member cap), sharing this archive's expansion budget, as long as it
    is at most :data:`MAX_NESTING` deep. A name used by an earlier member of
    the same archive (``tar -r`` appends a new version under the old name) is
    read too, as ``<name>#<n>`` for its n-th use, with a warning: extracting
    the archive would keep only one of them, but each is an input. A member
    name is written as :func:`_member_label` escapes it, so that no name can
    read as these marks. A JSONL member that is an earlier run's output (its
    first line is a result line) is a skipped line, as it is in a folder; a
    WARC page's id is :func:`_capture_id`'s.
    """
    source = io.BytesIO(blob) if isinstance(blob, bytes) else blob
    uses: dict[str, int] = {}
    #: ids given to this WARC's pages, to the capture that has each (:func:`_capture_id`); a
    #: URI also in another WARC file is told apart by the run (:func:`id_container`)
    captures: dict[str, _Capture] = {}

    def screen(name: str) -> str | None:
        return _screen_member(_typed_name(name), depth)

    entries: Iterator[ArchiveEntry]
    if kind == "zip":
        entries = iter_zip(source, screen, context.caps, budget)
    elif kind == "tar":
        entries = iter_tar(source, screen, context.caps, budget)
    else:
        entries = iter_warc(source, context.caps, budget)
    for entry in entries:
        if entry.name is None:
            yield place.fail(entry.error)
            continue
        warnings: list[str] = []
        if entry.is_uri:
            page_read = entry.name in captures  # a capture of this URI, in this file
            page_id = _capture_id(entry, captures)
            member_place = _Place(page_id, place.member(page_id).source)
            if isinstance(entry, Member) and entry.conversion and page_read:
                # the text a crawler derived from a page read already: the same article again
                yield member_place.fail(
                    f"a WARC conversion record of {entry.name}, whose page is read already: "
                    "not read again", skipped=True)  # fmt: skip
                continue
        else:
            label = _member_label(entry.name)
            used = uses[entry.name] = uses.get(entry.name, 0) + 1
            if used > 1:
                label = f"{label}#{used}"
                warnings.append(
                    f"member {used} of this archive named {entry.name!r}; read as {label}"
                )
            member_place = place.member(label)
        if isinstance(entry, Member) and entry.link_to is not None:
            warnings.append(f"hard link to {entry.link_to!r} in this archive: its content")
        typed = _typed_name(entry.name)
        if not isinstance(entry, Member):
            yield member_place.fail(entry.error, skipped=entry.skipped)
        elif kind == "warc":
            yield _warc_page(entry, member_place)
        elif _output_name(typed) and _starts_with_result(io.BytesIO(entry.data), entry.name):
            yield member_place.fail(
                "an extractor output (its first line is a result line), not read: extract "
                "it from the archive and name it on the command line to extract its texts again",
                skipped=True,
            )
        else:
            nested = _read_blob(
                entry.data, typed, member_place, context, depth=depth + 1, budget=budget
            )
            for item in _guarded(member_place, nested):
                yield _with_warnings(item, warnings)


def _typed_name(name: str) -> str:
    """A member's name as its type is told by: without the ``/`` it ends in when a zip or
    tar entry named like a folder holds bytes (``notes.txt/``), which are read as a file
    (:func:`~extractor.io.archives.iter_zip`); its id keeps the name as written."""
    return name.rstrip("/") or name


#: What of a member name would read as a mark the readers write after it: ``!`` (a
#: member of a member), ``#`` (a copy number, a content hash, a capture), a ``:`` before
#: digits at the end (a line number), and a ``%`` that would read as their escape.
_MEMBER_MARKS = re.compile(r"[!#]|:(?=[0-9]+\Z)|%(?=2[135]|3A)")


def _member_label(name: str) -> str:
    """A member's name as its id and source write it: ``!`` ``%21``, ``#`` ``%23``, a final
    ``:<digits>`` ``%3A<digits>``, and ``%`` ``%25`` where it starts one of these escapes.

    An archive member may be called anything, ``a.zip!b.txt``, ``x.txt#2`` or
    ``rows.jsonl#3f2a9c0d1e4b`` too, and written as is it would be the id the
    readers give another unit (``b.txt`` in the member ``a.zip``, the second
    ``x.txt``, a row of ``rows.jsonl``): two documents under one id, one of
    them refused as a duplicate. Escaped as a URL escapes, the label holds no
    mark but the readers' own, and two names never share a label (the
    escaping can be undone). Only names holding these characters change: any
    other name is its own label, as it always was, so earlier outputs resume.
    """
    return _MEMBER_MARKS.sub(lambda mark: f"%{ord(mark.group()):02X}", name)


#: Between a WARC page's URI and what tells its capture apart from another of that URI.
_CAPTURE_MARK = "#capture="
#: Hex digits of a payload's sha256 kept to tell captures apart (64 bits: memory per page).
_CAPTURE_HEX = 16


def _capture_id(entry: ArchiveEntry, captures: dict[str, _Capture]) -> str:
    """A WARC page's id: its URI (or record id), and for a re-crawl its capture too.

    A crawl holds re-crawls: the same WARC-Target-URI captured at other dates,
    with other content. Each capture is a document. A capture is its URI, its
    WARC-Date and its payload (the sha256 of its bytes; of its WARC-Record-ID
    for a page that could not be read). In one WARC file its id is the first
    of these forms that no other capture in the file has:

    * ``<URI>``: the first capture of a URI, as every page was before
      re-crawls had ids of their own, so an earlier output resumes;
    * ``<URI>#capture=<WARC-Date>``: a re-crawl;
    * ``<URI>#capture=<WARC-Date>;sha256=<first 12 hex of the payload's>``: a
      re-crawl at a date another capture of the URI has too (or a URI that is
      literally one of the forms above, which never takes one given already).

    Every form is read from the record, never from its place in the file, so
    a rerun reading the file front to back (re-crawls are appended after the
    captures before them) gives every capture its id again. A URI captured in
    another WARC file with another text is told apart by the file instead,
    ``<URI>@<that file>``, whichever file is read first and in one run or
    several (:func:`id_container`, and the run's plan): capture forms made
    across files would depend on which files a run is given.

    A record equal to an earlier one in URI, date and payload (a WARC given
    twice, a record written twice) is the same capture: it walks the same
    forms to the one its original holds, and is reported as a duplicate.

    ``captures`` holds the ids given to the file's pages so far, each with its capture.
    """
    name = entry.name or ""
    if isinstance(entry, Member):
        digest = hashlib.sha256(entry.data)
    else:
        digest = hashlib.sha256((entry.record_id or "").encode("utf-8", "replace"))
    payload = digest.hexdigest()[:_CAPTURE_HEX]
    capture: _Capture = (name, entry.captured, payload)
    date = entry.captured
    forms = [name, f"{name}{_CAPTURE_MARK}{date}"] if date else [name]
    forms.append(f"{name}{_CAPTURE_MARK}{date + ';' if date else ''}sha256={payload[:_KEY_HEX]}")
    for form in forms:
        holder = captures.setdefault(form, capture)
        if holder == capture:
            return form  # free, or this very capture again (a duplicate, reported as one)
    return forms[-1]  # every form taken by another capture: reported as a duplicate


def _screen_member(name: str, depth: int) -> str | None:
    """None to read a member, else why it is skipped (its type, hidden, nested too deep)."""
    parts = [part for part in name.replace("\\", "/").split("/") if part not in ("", ".", "..")]
    if any(part.startswith(".") for part in parts[:-1]):
        return "in a hidden folder, not read"
    if parts and parts[-1].startswith("."):
        return "hidden file, not read"
    core = gzipped_name(name) or name  # a member gzipped alone is read as what it holds
    if container_kind(core) is not None:
        if depth >= MAX_NESTING:
            return f"archive nested more than {MAX_NESTING} deep, not read"
        return None
    if document_format(core) is not None:
        return None
    return _unsupported(posixpath.basename(name.replace("\\", "/")))


#: A WARC page's parser by its content type: HTML, unless it is plain text or Markdown
#: (a ``response``, ``resource`` or ``conversion`` record alike).
_WARC_FORMATS: Mapping[str, DocFormat] = {
    "text/plain": "text",
    "text/markdown": "markdown",
    "text/x-markdown": "markdown",
}


def _warc_page(member: Member, place: _Place) -> Item:
    try:
        doc = parse_document(
            member.data,
            name=member.name,
            doc_id=place.doc_id,
            source=place.source,
            url=member.url,
            charset_hint=member.charset,
            fmt=_WARC_FORMATS.get(member.media_type or "", "html"),
        )
    except InputError as exc:
        return place.fail(_reason(exc))
    except Exception as exc:  # a parser's bug on a hostile page is this page's failure
        return place.fail(f"could not be read ({_describe(exc)})")
    if doc.published is None and member.fetched is not None:
        meta = {**doc.meta, "date_source": "warc-date"}
        warnings = (*doc.warnings, capture_date_warning(member.fetched))
        doc = dataclasses.replace(doc, published=member.fetched, meta=meta, warnings=warnings)
    return doc


def capture_date_warning(captured: date) -> str:
    """What a WARC page's line says when the page gives no publication date of its own
    and its record's ``WARC-Date`` stands in as ``published``.

    A capture time is an upper bound on publication, not a publication date: a fresh
    news crawl captures a page within hours (so the day still anchors "yesterday"
    well, and is kept), but a crawl archive may capture it years later. The line says
    so, as it says of a front-matter date that is no date (the document's ``warnings``,
    written on its line), so that an analyst can tell these dates from a page's own."""
    return (
        f"no publication date in the page: published is its WARC-Date {captured.isoformat()}, "
        "the day it was captured (a page is published then or earlier), which also "
        "anchors its relative dates"
    )


# ------------------------------------------------------------- duplicates


def _another_document(
    doc_id: str, seen: str, source: str, texts: dict[str, str | None], text: str | None
) -> bool:
    """Whether an explicit id seen before, from ``seen``, names another document here: it
    comes from another file with another text (the same text is the same document)."""
    if id_container(doc_id, seen) == id_container(doc_id, source):
        return False  # one file naming an id twice: a duplicate
    first = texts.get(doc_id)
    return first is None or text is None or first != text


def visible(item: Item) -> Item:
    """``item`` with its id, source and URL through :func:`escape_surrogates`: how a bulk
    run names it, in its lines and when it matches them on a rerun."""
    doc_id, source = escape_surrogates(item.doc_id), escape_surrogates(item.source or "")
    url = item.url if isinstance(item, Document) else None
    clean_url = escape_surrogates(url) if url else url
    if (doc_id, source, clean_url) == (item.doc_id, item.source or "", url):
        return item
    if isinstance(item, Document):
        return dataclasses.replace(item, doc_id=doc_id, source=source or None, url=clean_url)
    return dataclasses.replace(item, doc_id=doc_id, source=source)


def beside_label(doc_id: str, source: str) -> str:
    """The id of an explicit id that names another document already (a row ``z.txt`` beside
    the file ``docs/z.txt``; row ``1`` of ``feb.csv`` when ``jan.csv`` has a row ``1`` with
    another text): ``<id>@<its file>``, two documents, stable across runs."""
    return f"{doc_id}@{id_container(doc_id, source)}"


def _flag_duplicates(items: Iterable[Item]) -> Iterator[Item]:
    """Turn the second occurrence of an id into a failure; memory is one entry per id.

    A file's label and an explicit id that happen to be equal are two documents, not
    a duplicate: the second read gives way (its absolute source for a file,
    :func:`beside_label` for an explicit id), as a run does across runs. The same
    explicit id with the same text again is the same document: a skipped ``repeat``
    under the name its first copy got (``7@feb.csv`` when ``jan.csv`` has another ``7``),
    which a bulk run counts as done (as a rerun reading the files one by one would).
    """
    first_seen: dict[str, str] = {}
    texts: dict[str, str | None] = {}  # the text hash of each explicit id's first document
    #: (explicit id as read, text hash) -> the name and source of its first copy
    copies: dict[tuple[str, str], tuple[str, str]] = {}
    for item in items:
        source = item.source or item.doc_id
        seen = first_seen.get(item.doc_id)
        explicit = not path_derived(item.doc_id, source)
        text = item.text_sha256 if isinstance(item, Document) else None
        copy = copies.get((item.doc_id, text)) if explicit and text is not None else None
        if copy is not None:
            # the same document again (one row in two monthly exports): one line, as a rerun
            # that reads the files one by one gives it
            name, where = copy
            reason = f"the same id and text as in {where}: read once"
            yield InputFailure(name, source, reason, skipped=True, repeat=True)
            continue
        read_as = item.doc_id
        if seen is not None and (
            path_derived(item.doc_id, seen) == explicit  # a file's label and an explicit id
            or (explicit and _another_document(item.doc_id, seen, source, texts, text))
        ):
            own = beside_label(item.doc_id, source) if explicit else source
            holder = first_seen.get(own)
            if holder is not None and id_container(own, holder) != id_container(own, source):
                own = beside_label(own, source)  # its path is an explicit id already
            # else this file named the id before: a duplicate of that row, as in any order
            item = dataclasses.replace(item, doc_id=own)
            seen = first_seen.get(own)
        if seen is None:
            first_seen[item.doc_id] = source
            if explicit:
                texts[item.doc_id] = text
                if text is not None:
                    copies[(read_as, text)] = (item.doc_id, source)
            yield item
        else:
            yield InputFailure(
                item.doc_id, source, f"duplicate id (first seen in {seen})", duplicate=True
            )
