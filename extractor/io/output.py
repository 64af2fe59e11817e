"""Bulk output files: JSONL that survives being killed, that one run owns, resumed line by line.

A bulk run over thousands of documents will be interrupted (Ctrl-C, OOM, a
reboot), rerun with changed inputs, pointed at the wrong file, or started
twice. The rules, kept here and tested in ``tests/test_io_output.py`` and
``tests/test_bulk_hostile.py``:

* **Lines are complete or gone.** :class:`JsonlWriter` appends each line with
  unbuffered writes, so at most the line being written is lost to a kill; the
  next open cuts that torn last line off. A write that fails (disk full, I/O
  error, a closed pipe) cuts the file back to its last complete line and
  raises: the run stops with one line, it never loops.
* **The last line of an id wins.** Every line records the ``text_sha256`` of
  the text it was extracted from. When an input's text changes under the same
  id, its new line is appended and *supersedes* the old one: whoever reads the
  file takes the last complete line per ``doc_id`` (:func:`latest_lines`,
  :func:`open_output`'s ``done``, :func:`drop_error_lines`).
* **One run per file.** :func:`open_output` holds an exclusive ``flock`` on a
  sidecar ``<output>.lock`` (beside the file a symlink points to) and on the
  output file itself while the run writes; a second run on the same file,
  however it is named (a symlink, ``./``, a hard link), is refused at once.
  The kernel drops the locks when the process ends, however it ends.
* **Only its own file.** An existing output is appended to only if its first
  line is a complete result line (a JSON object with :data:`OUTPUT_KEYS`; an
  empty file is fine). A file holding only an unfinished line is ours only
  when the sidecar lock left by a killed run of ours says so: it records the
  file (device, inode), where that run began appending, and the exact line it
  was writing first, and the unfinished line must be a prefix of that line,
  written at or after that offset. Anything else is refused untouched: never
  truncated, never appended to (a user's ``{"doc_id": "mine", ...`` with no
  final newline looks like our torn first line, and is not ours).
* **Rewrites keep the file.** A rewrite (:func:`drop_error_lines`) writes a
  temporary file beside the real file (through a symlink), gives it the
  file's mode and owner, and replaces the real file atomically; a torn tail is
  cut in place. Either way a symlink stays a symlink and a 0600 file stays 0600.
* **Problems are one line, found early.** :func:`check_output` says before any
  work whether a path can be written (a folder, a missing parent, no
  permission, a socket ...). Every problem is one
  :class:`~extractor.errors.ConfigurationError` (the ``-o`` cannot be used as
  given: exit 2) whose message names the path and what to do.

Character devices and FIFOs (``/dev/null``, ``/dev/stdout`` on a pipe) are
*streams*: written once, never read, locked or resumed.
"""

from __future__ import annotations

import contextlib
import errno
import gzip
import io
import json
import logging
import os
import re
import stat
import sys
import time
import zlib
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any, BinaryIO, Literal, TypeGuard

from extractor.blank import is_blank
from extractor.errors import ConfigurationError, InputError, OutputError
from extractor.io.decoding import bom_encoding, is_binary
from extractor.io.identity import input_key
from extractor.redact import clean_surrogates, escape_surrogates

logger = logging.getLogger(__name__)

if sys.platform != "win32":
    import fcntl

__all__ = [
    "GZIP_MAGIC",
    "OUTPUT_KEYS",
    "TABLE_HEADS",
    "UNKNOWN_HASH",
    "VIEW_PAGE_MARK",
    "JsonlWriter",
    "OutputFile",
    "OutputTarget",
    "Replacement",
    "blank_doc_id",
    "check_output",
    "check_replaceable",
    "check_resumable",
    "completed_ids",
    "drop_error_lines",
    "is_doc_id",
    "is_stream_mode",
    "latest_entries",
    "latest_lines",
    "line_key",
    "made_by_a_command",
    "open_for_resume",
    "open_output",
    "open_results",
    "run_holding",
    "said_of",
]

#: The keys every result line has had since the first release: a first line
#: with all of them marks a file as extractor output.
OUTPUT_KEYS = frozenset({"doc_id", "status", "source", "records", "counts", "usage", "error"})
#: How every line this package writes begins (:func:`_with_doc_id`, :func:`_encode_line`).
LINE_START = b'{"doc_id": '
#: The sidecar's second line, written before a run's first line goes into a file
#: without complete lines: ``appends <dev> <ino> <offset>``, then that line.
_MARK = b"appends"
#: The hash in ``done`` for a line written before lines carried ``text_sha256``:
#: its text cannot be compared, so it is trusted as unchanged.
UNKNOWN_HASH = "?"
_FIRST_LINE_CAP = 64 * 1024 * 1024
_CHOOSE = "choose another -o"
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
#: A lock file is ours: a symbolic link in its place is never followed.
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


def _problem(message: str, *, path: str | os.PathLike[str]) -> OutputError:
    """An output problem in one line naming the path and what to do; it stops a run (exit 2)."""
    return OutputError(message, path=os.fspath(path))


def _why(error: OSError) -> str:
    return error.strerror or str(error)


# ------------------------------------------------------------------ checking


@dataclass(frozen=True, slots=True)
class OutputTarget:
    """Where a run's lines go.

    ``path`` is the path as given; ``target`` the file really written (symlinks
    resolved, so a rewrite replaces the file and not the link). ``kind`` is
    ``file`` (exists), ``new`` (to be created) or ``stream`` (a character device
    or FIFO: written only).
    """

    path: Path
    target: Path
    kind: Literal["file", "new", "stream"]

    @property
    def lock_path(self) -> Path:
        return _lock_path(self.target)

    @property
    def rewrite_path(self) -> Path:
        return self.target.with_name(f".{self.target.name}.rewrite")

    @property
    def batch_state_path(self) -> Path:
        """Where a run in provider batches (``bulk --batch``) records its batches."""
        return self.target.with_name(self.target.name + ".batches.json")

    def own_paths(self) -> tuple[str, ...]:
        """Real paths of the files a run keeps beside its output, whatever its engine: never
        to be read as input, counted in its progress or planned in a dry run."""
        if self.kind == "stream":
            return ()
        state = self.batch_state_path
        return (
            str(self.target), str(self.lock_path), str(self.rewrite_path), str(state),
            str(temporary_beside(state)),
        )  # fmt: skip


def temporary_beside(path: Path) -> Path:
    """The hidden file a new version of ``path`` is written to before it replaces it."""
    return path.with_name(f".{path.name}.tmp")


#: Names that say a file is compressed or an archive: an output is neither.
_PACKED_SUFFIXES = frozenset({".gz", ".gzip", ".bz2", ".bz", ".xz", ".lzma", ".zst", ".zstd",
                              ".lz4", ".z", ".zip", ".tar", ".tgz", ".7z"})  # fmt: skip


def packed_suffix(name: str | os.PathLike[str]) -> str | None:
    """The suffix that says ``name`` is compressed or an archive (".gz", ".zip"), or None.

    Every output the tool writes is plain (JSONL written line by line, a page,
    tables), so a name promising compression would hold data its suffix lies
    about: the commands refuse it instead.
    """
    suffix = Path(os.fspath(name)).suffix.lower()
    return suffix if suffix in _PACKED_SUFFIXES else None


def is_stream_mode(mode: int) -> bool:
    """A pipe or a character device (``-o /dev/stdout``, ``-o >(gzip > x.gz)``): written
    straight through; there is no file to replace atomically nor results in it to protect,
    and reading it to check would take what a reader waits for."""
    return stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)


def check_output(path: str | os.PathLike[str]) -> OutputTarget:
    """Whether ``path`` can take a run's lines, decided before any work; raises ConfigurationError.

    Nothing is created or changed. A symlink is followed (a dangling one is
    written through); an existing file must be writable; a new file needs an
    existing, writable folder; a folder, a socket or a block device is refused.
    """
    name = os.fspath(path)
    if not name:
        raise _problem(f"an empty path; {_CHOOSE}", path="''")
    packed = packed_suffix(name)
    if packed:
        plain = Path(name).with_suffix("")
        if plain.suffix.lower() != ".jsonl":
            plain = plain.with_name(f"{plain.name}.jsonl")
        raise _problem(
            f"names a {packed} file, but the output is plain JSONL, written line by line so a "
            f"run can resume; give -o {plain} and compress it once the run is done",
            path=name,
        )
    try:
        info: os.stat_result | None = os.stat(name)
    except FileNotFoundError:
        info = None
    except OSError as error:  # a symlink loop, a file used as a folder, no permission
        raise _problem(f"cannot be used ({_why(error)}); {_CHOOSE}", path=name) from error
    if info is None:
        if name.endswith(("/", os.sep)):  # realpath would drop the slash that says "a folder"
            raise _problem(
                f"names a folder; -o takes a file name such as {Path(name) / 'out.jsonl'}",
                path=name,
            )
        target = Path(os.path.realpath(name))
        folder = target.parent
        if not folder.exists():
            raise _problem(f"the folder {folder} does not exist; create it or {_CHOOSE}", path=name)
        if not folder.is_dir():
            raise _problem(f"{folder} is not a folder; {_CHOOSE}", path=name)
        if not os.access(folder, os.W_OK | os.X_OK):
            raise _problem(f"cannot create a file in {folder} (permission denied)", path=name)
        return OutputTarget(Path(name), target, "new")
    mode = info.st_mode
    if stat.S_ISDIR(mode):
        raise _problem(
            f"is a folder; -o takes a file name such as {Path(name) / 'out.jsonl'}", path=name
        )
    if stat.S_ISREG(mode):
        target = Path(os.path.realpath(name))
        try:
            os.close(os.open(target, os.O_WRONLY | os.O_APPEND | _CLOEXEC))
        except OSError as error:
            raise _problem(f"cannot be written ({_why(error)}); {_CHOOSE}", path=name) from error
        return OutputTarget(Path(name), target, "file")
    if is_stream_mode(mode):
        return OutputTarget(Path(name), Path(name), "stream")
    kind = "socket" if stat.S_ISSOCK(mode) else "device" if stat.S_ISBLK(mode) else "special file"
    raise _problem(f"is a {kind}, not a file; {_CHOOSE}", path=name)


def check_own_output(
    path: str | os.PathLike[str],
    *,
    shown: str | os.PathLike[str] | None = None,
    mark: bytes | None = None,
) -> bool:
    """Raise ConfigurationError unless ``path`` is empty or starts with a complete result line.

    Returns whether the file holds a complete result line (False: empty or
    blank, so the run's first line needs a mark, see :meth:`_Lock.mark`).
    Blank lines before the first line are ignored. A file holding only an
    unfinished line is an output killed during its first write only when
    ``mark`` (the sidecar's content as a killed run left it; by default read
    from ``<path>.lock``) names this very file and that line is a prefix of
    the line it was writing, at or after where it began: the shape alone
    (``{"doc_id": ...``) is no proof, a user's one-line file has it too.
    ``shown`` is the name the message uses (the path as the user gave it).
    """
    name = shown if shown is not None else path
    offset = 0
    with open(path, "rb") as handle:
        info = os.fstat(handle.fileno())
        first = handle.readline(_FIRST_LINE_CAP)
        while first.endswith(b"\n") and not first.strip():
            offset += len(first)
            first = handle.readline(_FIRST_LINE_CAP)
    if not first:
        return False
    if not first.endswith(b"\n"):
        if is_result_line(first):
            return True  # a whole result line that lost only its newline (see _scan)
        if mark is None:
            mark = _read_sidecar(Path(os.fspath(path) + ".lock"))
        if _torn_first_line_is_ours(first, offset, info, mark):
            return False  # killed while writing its first line: the repair cuts it
        raise _problem(
            "is not an extractor output file (it holds only an unfinished line, and no "
            f"killed run of ours left it); {_CHOOSE}",
            path=name,
        )
    if not is_result_line(first):
        raise _problem(
            f"is not an extractor output file (its first line is not a result line); {_CHOOSE}",
            path=name,
        )
    return True


def is_result_line(line: bytes) -> bool:
    """Whether ``line`` is a result line: a JSON object with every key of :data:`OUTPUT_KEYS`."""
    try:
        record = json.loads(line)
    except (ValueError, RecursionError):
        return False
    return isinstance(record, dict) and record.keys() >= OUTPUT_KEYS


def _torn_first_line_is_ours(
    first: bytes, offset: int, info: os.stat_result, mark: bytes | None
) -> bool:
    """Whether the sidecar's mark proves ``first`` (at ``offset``) is our torn first line."""
    if not mark:
        return False
    _, _, rest = mark.partition(b"\n")
    header, newline, line = rest.partition(b"\n")
    fields = header.split()
    if not newline or len(fields) != 4 or fields[0] != _MARK:
        return False
    try:
        device, inode, start = (int(field) for field in fields[1:])
    except ValueError:
        return False
    return (
        (device, inode) == (info.st_dev, info.st_ino)
        and offset >= start
        and line.startswith(LINE_START)
        and line.startswith(first)
    )


def _read_sidecar(sidecar: Path) -> bytes | None:
    try:
        fd = os.open(sidecar, os.O_RDONLY | _CLOEXEC | _NOFOLLOW | _NONBLOCK)
        if not stat.S_ISREG(os.fstat(fd).st_mode):  # a FIFO would block the run
            os.close(fd)
            return None
        with open(fd, "rb") as handle:
            return handle.read(_FIRST_LINE_CAP)
    except OSError:
        return None


# ------------------------------------------------------------------- locking


class _Lock:
    """Exclusive flocks held for a run; ``release`` removes the sidecar it created.

    Two locks, because an output has two kinds of other names: the sidecar
    (``<real path>.lock``, found by name, symlinks resolved) serialises runs
    however they spell the path, and survives rewrites that replace the
    file; a flock on the output file itself serialises runs that reach the
    same inode through another name (a hard link), whose sidecar differs.
    :meth:`follow` moves the second lock to the file now at the path, after a
    rewrite or the first write made a new inode.
    """

    def __init__(self, fd: int, sidecar: Path | None, previous: bytes | None = None) -> None:
        self._fd: int | None = fd
        self._sidecar = sidecar
        #: The sidecar's content before this run took it: a killed run's mark.
        self.previous = previous
        self._inode_fd: int | None = None
        self._inode: tuple[int, int] | None = None
        if sidecar is None:  # locked on the output file itself: that is its inode lock
            info = os.fstat(fd)
            self._inode = (info.st_dev, info.st_ino)

    def follow(self, output: OutputTarget) -> None:
        """Lock the inode now at ``output.target`` too; raise if a run holds it by another name."""
        if sys.platform == "win32":  # pragma: no cover - never locked there
            return
        try:
            fd = os.open(output.target, os.O_RDONLY | _CLOEXEC)
        except OSError:
            return  # not there yet, or not readable: the sidecar alone guards it
        info = os.fstat(fd)
        if (info.st_dev, info.st_ino) == self._inode:
            os.close(fd)
            return
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as error:
            os.close(fd)
            if isinstance(error, BlockingIOError):
                raise _problem(
                    "is being written by another extractor run, through another name of "
                    f"the same file (a hard link); wait for it to finish or {_CHOOSE}",
                    path=output.path,
                ) from None
            return  # a file system without flock: the sidecar alone guards it
        previous, self._inode_fd = self._inode_fd, fd
        self._inode = (info.st_dev, info.st_ino)
        if previous is not None:
            os.close(previous)

    def mark(self, fd: int, line: bytes) -> None:
        """Record in the sidecar that ``line`` is about to be appended to the file open as ``fd``.

        Only for a file without complete lines: if this run is killed during
        that write, the file holds just a piece of ``line``, and the next run
        needs proof that the piece is ours before it cuts it
        (:func:`check_own_output`). A clean end unlinks the sidecar and the mark.
        """
        if self._fd is None or self._sidecar is None:
            return
        info = os.fstat(fd)
        data = (
            f"{os.getpid()}\n".encode()
            + b"%s %d %d %d\n" % (_MARK, info.st_dev, info.st_ino, info.st_size)
            + line
        )
        os.pwrite(self._fd, data, 0)
        os.ftruncate(self._fd, len(data))

    def release(self) -> None:
        if self._fd is None:
            return
        if self._sidecar is not None:  # unlinked while still held: see _lock
            with contextlib.suppress(OSError):
                os.unlink(self._sidecar)
        os.close(self._fd)
        self._fd = None
        if self._inode_fd is not None:
            os.close(self._inode_fd)
            self._inode_fd = None


def _lock(output: OutputTarget) -> _Lock | None:
    """Lock ``output`` for this process, or raise ConfigurationError naming the run that holds it.

    The lock is a ``flock`` on ``<target>.lock``: a sidecar, because rewrites
    replace the output's inode. The holder unlinks the sidecar before it lets
    go, so a process that locked an unlinked sidecar sees it is no longer the
    file at that path and tries again. A folder where no sidecar can be
    created (read-only) gets the lock on the output itself. Then the output
    file's own inode is locked too (:class:`_Lock`), so a hard link to it is
    the same output. Streams and Windows are not locked.
    """
    if output.kind == "stream" or sys.platform == "win32":
        return None
    lock = _sidecar_lock(output)
    try:
        lock.follow(output)
    except BaseException:
        lock.release()
        raise
    return lock


def _sidecar_lock(output: OutputTarget) -> _Lock:
    sidecar = output.lock_path
    for _ in range(50):
        try:
            fd = os.open(sidecar, os.O_RDWR | os.O_CREAT | _CLOEXEC | _NOFOLLOW | _NONBLOCK, 0o644)
            _check_lock_file(fd, sidecar, output)
        except OSError as error:
            if error.errno == errno.ELOOP and os.path.islink(sidecar):
                raise _problem(
                    f"its lock file {sidecar} is a symbolic link, which a run never follows "
                    "(it would write into the file it points to); remove it",
                    path=output.path,
                ) from error
            if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS) and output.kind == "file":
                with contextlib.suppress(OSError):
                    fd = os.open(output.target, os.O_RDONLY | _CLOEXEC)
                    lock = _locked(fd, None, output)
                    if lock is not None:
                        return lock
            raise _problem(
                f"cannot create its lock file {sidecar} ({_why(error)})", path=output.path
            ) from error
        lock = _locked(fd, sidecar, output)
        if lock is not None:
            return lock
    raise _problem(f"cannot lock it: {sidecar} keeps being replaced", path=output.path)


def _check_lock_file(fd: int, sidecar: Path, output: OutputTarget) -> None:
    """Refuse a lock file that is not ours to write: anything but a plain file (a FIFO would
    block the run), or a file with other names (a hard link: writing it would overwrite the
    file it is linked to)."""
    info = os.fstat(fd)
    why = None
    if not stat.S_ISREG(info.st_mode):
        why = "is not a regular file"
    elif info.st_nlink > 1:
        why = "has other names (a hard link: the run would overwrite the file it shares)"
    if why is not None:
        os.close(fd)
        raise _problem(f"its lock file {sidecar} {why}; remove it", path=output.path)


def _locked(fd: int, sidecar: Path | None, output: OutputTarget) -> _Lock | None:
    """Lock ``fd``; None when the sidecar was unlinked meanwhile (try again)."""
    if sys.platform == "win32":  # pragma: no cover - never called there
        return _Lock(fd, None)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        holder = _holder(fd)
        os.close(fd)
        raise _problem(
            f"is being written by another extractor run ({holder}); wait for it to finish "
            f"or {_CHOOSE}",
            path=output.path,
        ) from None
    except OSError as error:
        os.close(fd)
        raise _problem(f"cannot lock it ({_why(error)}); {_CHOOSE}", path=output.path) from error
    if sidecar is None:
        return _Lock(fd, None)
    try:
        current: os.stat_result | None = os.stat(sidecar)
    except OSError:
        current = None
    mine = os.fstat(fd)
    if current is None or (current.st_dev, current.st_ino) != (mine.st_dev, mine.st_ino):
        os.close(fd)
        return None
    previous = _read_sidecar(sidecar)  # a killed run's mark, for check_own_output
    with contextlib.suppress(OSError):  # the pid is for the message of a refused run only
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
    return _Lock(fd, sidecar, previous)


def _holder(fd: int) -> str:
    with contextlib.suppress(OSError):
        pid = os.pread(fd, 32, 0).partition(b"\n")[0].decode("ascii", "replace").strip()
        if pid.isdigit():
            return f"pid {pid}"
    return "another process"


# ------------------------------------------------------------------- writing


class JsonlWriter:
    """Append one JSON object per line to ``path``; each line is written at once, unbuffered.

    With ``fsync=True`` every line is also forced to disk (slower; survives a
    power cut, not just a killed process). Refuses to append to a file that
    ends in a partial line: :func:`completed_ids` repairs such a file. A write
    that fails cuts the file back to its last complete line and raises
    :class:`ConfigurationError`. Character devices and FIFOs are written as streams
    (a FIFO nobody reads is refused at once instead of blocking).
    """

    def __init__(self, path: str | os.PathLike[str], *, fsync: bool = False) -> None:
        self.path = Path(path)
        self.fsync = fsync
        self.path.parent.mkdir(parents=True, exist_ok=True)
        flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | _CLOEXEC | _NONBLOCK
        try:
            fd = os.open(self.path, flags, 0o666)
        except OSError as error:
            why = "nothing reads this FIFO" if error.errno == errno.ENXIO else _why(error)
            raise _problem(
                f"cannot be opened for writing ({why}); {_CHOOSE}", path=self.path
            ) from error
        self._fd: int | None = fd
        self._regular = stat.S_ISREG(os.fstat(fd).st_mode)
        try:
            if _NONBLOCK:
                os.set_blocking(fd, True)
            if self._regular:
                _refuse_torn_tail(self.path)
        except BaseException:
            self.close()
            raise

    def write(self, record: Mapping[str, Any]) -> None:
        """Append ``record`` (which must have a string ``doc_id``) as one line.

        The line is fully serialised before anything is written, so a record
        that is not JSON-serialisable raises without touching the file.
        """
        self._write(_encode_line(_with_doc_id(record)))

    def write_line(self, line: bytes) -> None:
        """Append ``line``, one encoded record ending in a newline (see :meth:`write`)."""
        self._write(line)

    def fileno(self) -> int:
        if self._fd is None:
            raise ValueError("a closed JsonlWriter has no file")
        return self._fd

    def _write(self, data: bytes) -> None:
        fd = self._fd
        if fd is None:
            raise ValueError("write to a closed JsonlWriter")
        start = os.lseek(fd, 0, os.SEEK_END) if self._regular else 0
        view = memoryview(data)
        try:
            while view:
                written = os.write(fd, view)
                if written <= 0:
                    raise OSError(errno.EIO, "the file took no bytes")
                view = view[written:]
            if self.fsync and self._regular:
                os.fsync(fd)
        except OSError as error:
            if self._regular:  # never leave a torn line behind a failed write
                with contextlib.suppress(OSError):
                    os.ftruncate(fd, start)
            raise _problem(
                f"cannot write ({_why(error)}); the run stops here", path=self.path
            ) from error

    def close(self) -> None:
        if self._fd is not None:
            fd, self._fd = self._fd, None
            os.close(fd)

    @property
    def closed(self) -> bool:
        return self._fd is None

    def __enter__(self) -> JsonlWriter:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


def _with_doc_id(record: Mapping[str, Any]) -> Mapping[str, Any]:
    """The record, ``doc_id`` first: every line written starts with :data:`LINE_START`, so
    that an unfinished last line can be told for one of ours (:func:`_result_lines`)."""
    doc_id = record.get("doc_id")
    if not is_doc_id(doc_id):  # a blank one is read back as a damaged output (is_doc_id)
        raise ValueError(f"output record needs a string 'doc_id' that is not blank, got {doc_id!a}")
    if next(iter(record)) != "doc_id":
        return {"doc_id": doc_id, **record}
    return record


def _encode_line(record: Mapping[str, Any]) -> bytes:
    """Compact UTF-8 JSON plus newline; NaN/Infinity are refused (not JSON).

    A lone surrogate (a broken input: an undecodable file name, a JSON
    ``"\\ud800"``) cannot be UTF-8, and its ``\\udcXX`` escape is refused by
    strict readers (DuckDB, jq). A bulk run names documents with
    :func:`~extractor.redact.escape_surrogates` before they get here; what is
    left (a path in an error message) is replaced by U+FFFD, so every line is
    valid UTF-8 JSON.
    """
    text = json.dumps(record, ensure_ascii=False, allow_nan=False)
    try:
        return text.encode("utf-8") + b"\n"
    except UnicodeEncodeError:
        clean = json.dumps(_cleaned(record), ensure_ascii=False, allow_nan=False)
        return clean.encode("utf-8") + b"\n"


def _cleaned(value: Any) -> Any:
    """``value`` with every string in it (keys too) through ``clean_surrogates``."""
    if isinstance(value, str):
        return clean_surrogates(value)
    if isinstance(value, Mapping):
        return {clean_surrogates(str(k)): _cleaned(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_cleaned(v) for v in value]
    return value


def _refuse_torn_tail(path: Path) -> None:
    with open(path, "rb") as handle:
        size = handle.seek(0, os.SEEK_END)
        if size == 0:
            return
        handle.seek(size - 1)
        last = handle.read(1)
    if last != b"\n":
        raise _problem(
            "the file ends with a partial line; call completed_ids() on it to repair it",
            path=path,
        )


# ------------------------------------------------------------------- reading


@dataclass
class _Tail:
    """What reading the lines found at the end: the size of the complete lines, and the
    size of an unfinished last line of ours (0: none)."""

    size: int = 0
    torn: int = 0


def _damaged(file: Path, lineno: int, why: str, *, last: bool = False) -> ConfigurationError:
    where = (
        "is the last line, and not one this tool writes (a note? another program's output?)"
        if last
        else "the output file is damaged before its last line"
    )
    return _problem(f"line {lineno} {why}: {where}; move it aside or {_CHOOSE}", path=file)


def _cut_torn(file: Path, tail: _Tail) -> None:
    """Cut off the unfinished last line a run stopped mid-write left, and say so."""
    if tail.torn:
        _truncate(file, tail.size)
        logger.warning(
            f"{file}: cut off an unfinished last line of {tail.torn} bytes (a run stopped "
            "while writing it); its document is extracted again if it is among the inputs"
        )


def _result_lines(
    handle: BinaryIO, file: Path, tail: _Tail
) -> Iterator[tuple[int, dict[str, Any]]]:
    """``(line number, object)`` per complete line; a line that is no result line raises.

    The last line is torn when it has no newline and begins as every line
    this package writes does (:data:`LINE_START`: a run died mid-write): it is
    not yielded, and ``tail`` says where the complete lines end. A last line
    with its newline was written whole, so it must be a result line like any
    other; an unfinished one that is not ours (a note appended without a
    newline) is refused too: the tool never deletes what it did not write.
    Blank lines are skipped.
    """
    pending: tuple[int, bytes] | None = None
    for lineno, raw in enumerate(handle, start=1):
        if pending is not None:
            record = _parse(*pending, file, last=False)
            tail.size += len(pending[1])
            if record is not None:
                yield pending[0], record
        pending = (lineno, raw)
    if pending is None:
        return
    lineno, raw = pending
    if not raw.endswith(b"\n") and raw.strip():
        if not _could_be_ours(raw):
            raise _damaged(file, lineno, "has no newline and is no result line", last=True)
        tail.torn = len(raw)
        return
    record = _parse(lineno, raw, file, last=True)
    tail.size += len(raw)
    if record is not None:
        yield lineno, record


def _could_be_ours(unfinished: bytes) -> bool:
    """Whether an unfinished last line may be the start of a line of ours, zero bytes a
    crash left after it included (a file extended before its data reached the disk)."""
    start = unfinished.rstrip(b"\0")
    return start.startswith(LINE_START) or LINE_START.startswith(start)


def _parse(lineno: int, raw: bytes, file: Path, *, last: bool) -> dict[str, Any] | None:
    """The line's object; None for a blank line."""
    if not raw.strip():
        return None
    try:
        record = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as error:
        raise _damaged(file, lineno, f"is not valid JSON ({error})", last=last) from error
    if not isinstance(record, dict) or not isinstance(record.get("doc_id"), str):
        raise _damaged(file, lineno, "is not a JSON object with a string 'doc_id'", last=last)
    if not is_doc_id(record["doc_id"]):
        raise _damaged(file, lineno, f"has a blank doc_id ({record['doc_id']!a})", last=last)
    return record


def _hash_of(record: Mapping[str, Any]) -> str | None:
    if "text_sha256" not in record:
        return UNKNOWN_HASH
    digest = record["text_sha256"]
    return digest if isinstance(digest, str) else None


def _complete_last_line(file: Path) -> bool:
    """Give a complete result line that lacks only its final newline that newline.

    Such a line is a finished result (an editor or ``truncate -s -1`` took the
    newline, or a copy was cut there): cut off as torn, it was paid for again,
    and an older line of its id won meanwhile. Only a whole result line
    (:func:`is_result_line`) is kept; anything else stays torn.
    """
    with open(file, "rb") as handle:
        size = handle.seek(0, os.SEEK_END)
        if size == 0:
            return False
        handle.seek(size - 1)
        if handle.read(1) == b"\n":
            return False
        start = max(0, size - _FIRST_LINE_CAP)
        handle.seek(start)
        data = handle.read()
    cut = data.rfind(b"\n")
    if cut < 0 and start > 0:
        return False  # longer than any line we write
    if not is_result_line(data[cut + 1 :]):
        return False
    fd = os.open(file, os.O_WRONLY | os.O_APPEND | _CLOEXEC)
    try:
        os.write(fd, b"\n")
        os.fsync(fd)
    finally:
        os.close(fd)
    return True


def _scan(file: Path) -> tuple[dict[str, str | None], dict[str, str | None]]:
    """The winning ``text_sha256`` and ``source`` per id (the last line's); a complete last
    line without its newline is given one, a torn last line is cut off."""
    _complete_last_line(file)
    done: dict[str, str | None] = {}
    sources: dict[str, str | None] = {}
    named: dict[tuple[str, str], str] = {}  # input -> the id of its latest line
    tail = _Tail()
    with open(file, "rb") as handle:
        for _, record in _result_lines(handle, file, tail):
            before = named.get(key := line_key(record))
            if before is not None and before != record["doc_id"]:
                del done[before], sources[before]  # one input's line under another name
            named[key] = record["doc_id"]
            done.pop(record["doc_id"], None)  # in file order of each input's latest line
            done[record["doc_id"]] = _hash_of(record)
            source = record.get("source")
            sources[record["doc_id"]] = source if isinstance(source, str) else None
    _cut_torn(file, tail)
    return done, sources


def check_resumable(path: str | os.PathLike[str]) -> None:
    """Raise what opening ``path`` to resume it raises, changing nothing: a line before the
    last that is no result line (not JSON, no string ``doc_id``), or a last line that is
    none and no unfinished line of ours (a note appended to the file).

    Why: :func:`latest_lines` (what a plan reads) leaves such lines out, so a dry run
    that read only them planned over a file the run then refused (exit 2, nothing
    extracted). Both read the lines with the same reader, so they refuse alike; an
    unfinished last line of ours is left as it is here (the run cuts it off).
    """
    file = Path(path)
    with open(file, "rb") as handle:
        for _ in _result_lines(handle, file, _Tail()):
            pass


def _truncate(file: Path, size: int) -> None:
    """Cut the file in place: the same inode, so its mode, owner and links stay."""
    with open(file, "r+b") as handle:
        handle.truncate(size)
        handle.flush()
        os.fsync(handle.fileno())


def completed_ids(path: str | os.PathLike[str]) -> set[str]:
    """The ``doc_id`` of every complete line of an output file; repairs a torn end.

    The last line is torn if it has no newline or is not valid JSON (the
    process died mid-write): it is truncated away so the file can be appended
    to. Any earlier line that is not a JSON object with a string ``doc_id``
    raises :class:`ConfigurationError` naming its line number. A missing file has no
    completed ids. (This does not check that the file is an extractor output:
    :func:`open_output` does.)
    """
    file = Path(path)
    if not file.exists():
        return set()
    return set(_scan(file)[0])


def open_for_resume(
    path: str | os.PathLike[str], *, fsync: bool = False
) -> tuple[set[str], JsonlWriter]:
    """Repair ``path`` if torn, and return the ids already done and a writer appending to it."""
    done = completed_ids(path)
    return done, JsonlWriter(path, fsync=fsync)


#: The largest file read whole as one JSON document (:func:`whole_json`); JSONL, however
#: large, is read line by line.
WHOLE_JSON_LIMIT = 256 * 1024 * 1024


def whole_json(source: str | os.PathLike[str]) -> list[Any] | None:
    """The entries of a file that is one JSON document spread over lines, else None.

    What ``extractor extract -o r.json`` writes (one pretty-printed object), or an
    array of results: every reader of results (flatten, view, eval) takes it as
    the lines it stands for. Only a file whose first line is not JSON by itself
    (the ``{`` of a pretty-printed object) is parsed whole, and only up to
    :data:`WHOLE_JSON_LIMIT` (decompressed): JSONL is never loaded into memory.
    """
    try:
        if os.stat(source).st_size > WHOLE_JSON_LIMIT:
            return None  # (a gzipped file this large is larger still unpacked)
        with open_results(source) as handle:  # gzipped or not
            first = _first_filled_line(handle, WHOLE_JSON_LIMIT)
            if first is None:
                return None
            alone = _json_or_none(first)  # JSONL holds objects: a whole line that is not
            if alone is not None and not isinstance(alone, list):  # one (an array) is whole
                return None
            # the rest in the same pass (the blank lines before ``first`` are JSON's space)
            data = first + handle.read(WHOLE_JSON_LIMIT + 1 - len(first))
    except (OSError, OutputError):
        return None  # the line reader says why (a gzip stream that breaks, too)
    if len(data) > WHOLE_JSON_LIMIT:
        return None
    document = _json_or_none(data)
    if isinstance(document, Mapping):
        return [document]
    return list(document) if isinstance(document, list) else None


def _first_filled_line(handle: BinaryIO, budget: int) -> bytes | None:
    """The first line that is not blank, reading at most ``budget`` bytes (a gzip stream
    unpacks to more than the file's size: a bomb is not read to its end)."""
    while budget > 0:
        raw = handle.readline(budget)
        if not raw:
            return None
        if raw.strip():
            return raw
        budget -= len(raw)
    return None


def latest_entries(entries: Sequence[Any]) -> Iterator[tuple[int, Any]]:
    """The entries of a whole-JSON file (:func:`whole_json`) as :func:`latest_lines` gives
    lines: numbered from 1, an object as its result line (:func:`as_result_line`), an
    entry superseded by a later one of the same ``doc_id`` left out. What is no object,
    or no result, comes as it is: each reader says what it does with those.
    """
    shaped = [as_result_line(e) if isinstance(e, Mapping) else e for e in entries]
    last = {line_key(e): n for n, e in enumerate(shaped, 1) if _has_id(e)}
    for number, entry in enumerate(shaped, 1):
        if not _has_id(entry) or last[line_key(entry)] == number:
            yield number, entry


def _has_id(entry: Any) -> bool:
    return isinstance(entry, Mapping) and is_doc_id(entry.get("doc_id"))


def is_json(data: bytes) -> bool:
    """Whether ``data`` is one whole JSON value (a line, or the tail of a file)."""
    try:
        json.loads(data)
    except (ValueError, RecursionError):
        return False
    return True


def _json_or_none(raw: bytes) -> Any:
    try:
        return json.loads(raw)
    except (ValueError, RecursionError):
        return None


def as_result_line(result: Any) -> dict[str, Any]:
    """A result in the shape of a bulk line (``doc_id``, ``status``, ``records`` ...).

    Accepts a bulk line (returned as it is), the JSON of ``extractor
    extract`` (an ``ArticleExtraction``: records under each type's plural,
    ``metadata``), or an ``ArticleExtraction`` itself.
    """
    from extractor.types.registry import registered_types  # the plurals of the types

    if hasattr(result, "model_dump"):
        result = result.model_dump(mode="json")
    if not isinstance(result, Mapping):
        raise TypeError(f"a result is a JSON object, not {type(result).__name__}")
    if "records" in result or not isinstance(result.get("metadata"), Mapping):
        return dict(result)
    meta = result["metadata"]
    type_of = {spec.plural: spec.name for spec in registered_types()}
    records: list[Any] = []
    counts: dict[str, int] = {}
    for key, items in result.items():
        if key == "metadata" or not isinstance(items, list):
            continue
        for item in items:
            if isinstance(item, Mapping) and (item.get("type") or key in type_of):
                item = {**item, "type": item.get("type") or type_of[key]}
                counts[str(item["type"])] = counts.get(str(item["type"]), 0) + 1
                records.append(item)
    return {
        "doc_id": result.get("doc_id"),
        "status": "ok",
        "published": result.get("published"),
        "records": records,
        "counts": {**dict.fromkeys(type_of.values(), 0), **counts},
        "usage": meta.get("usage"),
        "model": meta.get("model"),
        "prompt_version": meta.get("prompt_version"),
        "schema_version": meta.get("schema_version"),
        "strategy": meta.get("strategy"),
        "seconds": meta.get("seconds"),
        "warnings": meta.get("warnings"),
        "cached": meta.get("cached") is True,  # its tokens paid by the run that filled the cache
        "error": None,
    }


#: How the CSV tables ``extractor flatten`` writes begin: a record table, ``events`` and
#: ``documents`` (pinned against flatten's own columns by a test): long enough that an
#: author's ``record_id,doc_id,text`` is no table of ours.
TABLE_HEADS = (
    "record_id,doc_id,published,event_status,",
    "record_id,doc_id,record_type,published,event_status,",
    "doc_id,run_status,published,title,url,source,text_sha256,",
)
#: What every page ``extractor view`` writes carries in its head.
VIEW_PAGE_MARK = '<meta name="generator" content="extractor view">'


def run_summary(
    model: str, strategy: str, tokens: int, calls: int, seconds: float, prompt_version: str
) -> str:
    """The line that ends ``extract -f table``'s text (and is all of it without records):
    the model, its cost and the prompt's version. Its shape tells such a text, kept beside
    the articles, from an article (:func:`made_by_a_command`)."""
    return (
        f"{model} · {strategy} · {tokens} tokens · {calls} calls · {seconds:.1f} s · "
        f"prompt {prompt_version}"
    )


_RUN_SUMMARY = re.compile(
    r"\S.* · \S+ · \d+ tokens · \d+ calls · \d+\.\d s · prompt p-[0-9a-f]{12}[ \t]*"
)
#: How a table of ``extract -f table`` starts, under its title (rich's heavy-head box).
_TABLE_TOP = "┏"


def made_by_a_command(path: str | os.PathLike[str]) -> str | None:
    """What this tool made ``path`` as (a page of ``view``, a table of ``flatten``, the text
    of ``extract -f table``), else
    None: found in an input folder, it is no article (the readers skip it, saying so)."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(4096)
    except OSError:
        return None
    if VIEW_PAGE_MARK.encode("ascii") in head:
        return "a page of extractor view"
    first = head.lstrip(b"\xef\xbb\xbf").split(b"\n", 1)[0].decode("utf-8", "replace")
    if first.startswith(TABLE_HEADS):
        return "a table of extractor flatten"
    lines = [line for line in head.decode("utf-8", "replace").splitlines() if line.strip()][:2]
    if lines and _RUN_SUMMARY.fullmatch(lines[0]):  # no records: the summary alone
        return _TABLE_TEXT
    if len(lines) == 2 and lines[1].startswith(_TABLE_TOP) and _ends_as_table_text(path):
        return _TABLE_TEXT
    return None


_TABLE_TEXT = "the text of extractor extract -f table"


def _ends_as_table_text(path: str | os.PathLike[str]) -> bool:
    """Whether a text that opens with a titled box also holds extract's summary line (see
    :func:`run_summary`) on a line of its own: a box under a headline alone is an
    article's (a key-facts panel), and read as one."""
    try:
        with open(path, "rb") as handle:
            text = handle.read(_TABLE_TEXT_CAP).decode("utf-8", "replace")
    except OSError:
        return False
    return any(_RUN_SUMMARY.fullmatch(line) for line in text.splitlines())


#: The longest ``extract -f table`` text looked through for its summary line.
_TABLE_TEXT_CAP = 16 << 20


def refuse_no_results(
    source: str, *, results: int, bad_lines: int, torn: bool, empty: bool, kept: str
) -> None:
    """Raise when a file read as results held something but no result (a CSV of articles,
    a log, a run killed in its first line, a JSON document of other things, ``[]``): what
    flatten or view would write from it is empty, and it must replace nothing; ``kept``
    says so ("the previous tables are untouched", "nothing is written"). An ``empty``
    file (white space at most) is a run that had nothing to write: its tables are empty."""
    if results or empty:
        return
    if bad_lines:
        what = f"{bad_lines:,} line(s), none of them a result"
    elif torn:
        what = "only an unfinished line, no result (a run killed in its first line, or no results)"
    else:
        what = "a JSON document holding no result"
    raise InputError(
        f"no result could be read ({what}); {kept}: give the JSONL of "
        "`extractor bulk` or the JSON of `extractor extract`",
        source=source,
    )


#: The first bytes of a gzip stream.
GZIP_MAGIC = b"\x1f\x8b"


def starts_gzipped(handle: BinaryIO) -> bool:
    """Whether a file opened at its start holds gzip (its first bytes), left at its start."""
    gzipped = handle.read(len(GZIP_MAGIC)) == GZIP_MAGIC
    handle.seek(0)
    return gzipped


def open_results(path: str | os.PathLike[str]) -> BinaryIO:
    """A file of results opened for reading in binary, through gzip when it is gzipped.

    A run's output archived as ``out.jsonl.gz`` is results as much as the plain
    file: flatten, view and eval read it alike (told by its first bytes, not
    its name). No run writes gzip, so a gzip stream that breaks (cut short,
    damaged) is no run's torn last line: reading it raises an OutputError
    naming the file and how far it read, and nothing is written from it.
    """
    handle = open(path, "rb")  # noqa: SIM115 - returned to the caller, who closes it
    try:
        gzipped = starts_gzipped(handle)
        reader = io.BufferedReader(_Ungzipped(handle, os.fspath(path))) if gzipped else handle
        head = _results_head(path, gzipped)
        problem = _not_results_text(head)
        if problem == _BINARY and _a_result_starts(path, gzipped):
            problem = None  # a crash's NUL block, then results: its bad line is counted
    except BaseException:
        handle.close()
        raise
    if problem is not None:
        reader.close()
        raise _problem(f"{problem}; nothing is written from it", path=path)
    return reader


#: How much of a results file tells whether it is text at all.
_RESULTS_SNIFF = 8192


def first_line(path: str | os.PathLike[str]) -> bytes | None:
    """The first line of a results file that is not blank (None for a blank file)."""
    with open_results(path) as handle:
        for raw in handle:
            if raw.strip():
                return raw
    return None


def _a_result_starts(path: str | os.PathLike[str], gzipped: bool) -> bool:
    """Whether a result line starts within the first :data:`_RESULT_SCAN` bytes: asked only
    of a file whose first 8 KB look binary, so that a crash's NUL block over the start
    of long result lines (each holds its article) is a bad line, not a binary file."""
    with open(path, "rb") as probe:
        source = io.BufferedReader(_Ungzipped(probe, os.fspath(path))) if gzipped else probe
        seen, carried = 0, b""
        while seen < _RESULT_SCAN and (chunk := source.read(1 << 20)):
            window = carried + chunk
            if _RESULT_START.search(window):
                return True
            carried, seen = window[-_RESULT_START_MOST:], seen + len(chunk)
    return False


#: How far into a binary-looking file a result line is looked for (the longest line read).
_RESULT_SCAN = 16 << 20
#: How a result line starts, whoever wrote it: an object whose first key is ``doc_id``.
_RESULT_START = re.compile(rb'\{\s{0,16}"doc_id"\s{0,16}:')
_RESULT_START_MOST = 48


def _results_head(path: str | os.PathLike[str], gzipped: bool) -> bytes:
    """The first :data:`_RESULTS_SNIFF` bytes of a results file (unpacked), read whole:
    a buffer's ``peek`` gives what one read brought (4 KB on many systems), and a
    file is judged on all of them."""
    with open(path, "rb") as probe:
        source = io.BufferedReader(_Ungzipped(probe, os.fspath(path))) if gzipped else probe
        return source.read(_RESULTS_SNIFF)


#: Compressions and archives by their first bytes, with the command that unpacks each.
_PACKED_MAGIC: tuple[tuple[bytes, str, str], ...] = (
    (b"\xfd7zXZ\x00", "xz", "xz -d"),
    (b"BZh", "bzip2", "bzip2 -d"),
    (b"\x28\xb5\x2f\xfd", "zstd", "zstd -d"),
    (b"\x04\x22\x4d\x18", "lz4", "lz4 -d"),
    (b"PK\x03\x04", "zip", "unzip"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip", "7z x"),
)


def _not_results_text(head: bytes) -> str | None:
    """Why a file whose (unpacked) first bytes are ``head`` can hold no result lines, or
    None: packed other than by gzip, UTF-16/32 text, or binary with no line that could
    be a result. Said before anything is read from it, the early answer for a file that
    is plainly something else; flatten and view also refuse, before replacing anything,
    any file in which no line was a result."""
    for magic, kind, command in _PACKED_MAGIC:
        if head.startswith(magic):
            return (
                f"is compressed with {kind}; results are read plain or gzipped: unpack it "
                f"first ({command})"
            )
    wide = bom_encoding(head)
    if wide is not None and wide.startswith(("utf-16", "utf-32")):
        return f"is {wide.upper()} text; results are UTF-8: convert it (iconv -f {wide} -t utf-8)"
    if head and is_binary(head) and not _an_object_line(head):
        return _BINARY
    return None


_BINARY = "is not text (a binary file), so it holds no result lines"


def _an_object_line(head: bytes) -> bool:
    """Whether a line of ``head`` starts a JSON object, as every result line does: a
    results file whose later blocks are NUL (a crash before the disk caught up) or
    that holds a damaged line is still read, its bad lines counted."""
    return any(line.lstrip().startswith(b"{") for line in head.split(b"\n"))


@contextlib.contextmanager
def said_of(copy: str | os.PathLike[str], name: str) -> Iterator[None]:
    """An OutputError about ``copy`` (a reader's spool of a stream) said of ``name``, the
    input the user gave (``stdin``), not of a temporary file they never named."""
    try:
        yield
    except OutputError as error:
        if error.path != os.fspath(copy):
            raise
        raise error.named(name) from None


class _Ungzipped(io.RawIOBase):
    """The decompressed bytes of a gzip file; an OutputError where the stream breaks."""

    def __init__(self, handle: BinaryIO, name: str) -> None:
        self._file = handle
        self._gzip = gzip.GzipFile(fileobj=handle)
        self._name = name
        self._read = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        try:
            data = self._gzip.read1(len(buffer))  # what one step unpacks: none lost to a break
        except (gzip.BadGzipFile, EOFError, zlib.error) as error:  # not the disk's own errors
            raise _problem(
                f"is gzipped, but its gzip stream is cut short, damaged or followed by "
                f"other bytes ({error}; read so far: {self._read:,} bytes unpacked): check it "
                "with gzip -t, or give the file it was made from",
                path=self._name,
            ) from None
        buffer[: len(data)] = data
        self._read += len(data)
        return len(data)

    def close(self) -> None:
        try:
            self._gzip.close()
            self._file.close()
        finally:
            super().close()


def latest_lines(
    path: str | os.PathLike[str],
    *,
    on_bad_line: Callable[[int, bytes], None] | None = None,
) -> Iterator[dict[str, Any]]:
    """The winning line of every input (its last complete line), in file order.

    A line superseded by a later line of the same input (:func:`line_key`: the same
    id, or an id made from the same source's path however it was spelt; the
    document's text changed and it was extracted again) is left out. Lines that are not JSON
    objects with a string ``doc_id`` are left out too, each reported to
    ``on_bad_line(line_number, raw_bytes)``; a torn last line (a run in
    progress, or killed) is reported the same way, its bytes without a final
    newline. Reads the file twice (memory is one entry per id), and only the
    lines that were complete on the first pass, so a run appending meanwhile
    does no harm. Raises ConfigurationError for a path that is not a regular file.
    """
    file = Path(path)
    try:
        regular = stat.S_ISREG(os.stat(file).st_mode)
    except OSError as error:
        raise _problem(f"cannot be read ({_why(error)})", path=file) from error
    if not regular:
        raise _problem("is not a regular file (it must be read twice)", path=file)
    last: dict[tuple[str, str], int] = {}
    complete = 0
    torn: bytes | None = None
    with open_results(file) as handle:
        for lineno, raw in enumerate(handle, start=1):
            if not raw.endswith(b"\n") and not is_result_line(raw):
                torn = raw  # a whole result line that lost only its newline is no torn line
                break
            complete = lineno
            record = _loose(raw)
            if record is not None:
                last[line_key(record)] = lineno
    with open_results(file) as handle:
        for lineno, raw in enumerate(handle, start=1):
            if lineno > complete:
                break
            record = _loose(raw)
            if record is None:
                if raw.strip() and on_bad_line is not None:
                    on_bad_line(lineno, raw)
            elif last.get(line_key(record)) == lineno:
                yield record
    if torn is not None and on_bad_line is not None:
        on_bad_line(complete + 1, torn)


def line_key(line: Mapping[str, Any]) -> tuple[str, str]:
    """The input a result line (one with a string ``doc_id``) stands for, which every
    reader keeps one line of, the latest: :func:`~extractor.io.identity.input_key` (an
    id made from a path is keyed by the path, so ``extract FILE -f jsonl >> out.jsonl``
    supersedes the line ``bulk FOLDER -o out.jsonl`` wrote for that file)."""
    return input_key(line["doc_id"], line.get("source"))


def is_anonymous_result(value: Any) -> bool:
    """Whether ``value`` is a result without an identity: ``doc_id`` null (or absent) and a
    status or extract's ``metadata`` (:func:`is_result`), as the library writes an ``ExtractionResult`` made without a
    ``doc_id``. :func:`latest_lines` cannot tell which lines of those supersede which, so
    readers of results (view, flatten) take each as a document of its own; a bulk run
    never writes one."""
    return isinstance(value, Mapping) and value.get("doc_id") is None and _resulting(value)


#: What a result's ``status`` is.
RESULT_STATUSES = frozenset({"ok", "error", "skipped"})


def is_result(value: Any) -> bool:
    """Whether ``value`` is a result with an identity: a string ``doc_id`` and what makes a
    result of it (a status, or extract's ``metadata``). An input row with a ``doc_id``
    column (``{"doc_id": "1", "text": ...}``) is none: read as one, it replaced a run's
    tables with rows of nothing."""
    return isinstance(value, Mapping) and is_doc_id(value.get("doc_id")) and _resulting(value)


def is_doc_id(value: Any) -> TypeGuard[str]:
    """Whether ``value`` is a result's identity: a string that is not blank
    (:func:`~extractor.blank.is_blank`: not empty, spaces, NBSP, a zero-width space ...).

    The one rule every reader of results applies (:func:`is_result`, bulk reading its own
    output, :func:`latest_lines`, flatten, view, ``results_to_frame``, eval): the tool never
    writes a blank doc_id (``Document`` refuses one), so a line holding one was edited by
    hand, and read as a document it gave rows, cards and scores keyed by an id nobody can
    see, while bulk and eval read the same line otherwise. ``null`` (or no doc_id) is
    another thing: an anonymous result (:func:`is_anonymous_result`)."""
    return isinstance(value, str) and not is_blank(value)


def blank_doc_id(line: Mapping[str, Any]) -> str | None:
    """The line's ``doc_id`` when it is a string that :func:`is_doc_id` refuses (blank),
    else None: for the readers that name such a line rather than read it."""
    doc_id = line.get("doc_id")
    return doc_id if isinstance(doc_id, str) and not is_doc_id(doc_id) else None


def predicted_records(line: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """The records a result predicts: an ``ok`` result's records (the objects among them),
    and nothing for any other status.

    The one rule every reader of results follows (flatten's tables, view's page,
    ``results_to_frame``, eval), so that they agree on how many records a document has.
    A run writes records on ``ok`` lines only (a failed or skipped document's line has
    none: :func:`extractor.bulk.runner.result_line`); records on an ``error`` or
    ``skipped`` line come from a damaged or hand-edited file, and are no prediction:
    read by some readers and not others, the same file gave different answers. Each
    reader says so once per document (:func:`unread_records_note`). Extract's JSON
    (``metadata`` and each type's plural) is an ``ok`` result.

    The line owns its records: each is returned with its line's ``doc_id``, whatever its
    own says. A record whose own ``doc_id`` named another document (a hand-merged or
    edited file) was filed under that one by flatten and ``results_to_frame`` but under
    its line by view and eval, and documents counted it under its line: one document had
    rows of two, the other fewer than its count. Each reader says so once per document
    (:func:`foreign_records_note`); a record without one (or null) says nothing of it.
    """
    line = _as_line(line)
    doc_id = line.get("doc_id")
    return [
        record if record.get("doc_id") == doc_id else {**record, "doc_id": doc_id}
        for record in _ok_records(line)
    ]


def _as_line(line: Mapping[str, Any]) -> Mapping[str, Any]:
    """A result as a line: extract's JSON (``metadata``, each type's plural) converted."""
    if "records" not in line and isinstance(line.get("metadata"), Mapping):
        return as_result_line(line)
    return line


def _ok_records(line: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """The record objects of an ``ok`` line as they are written; none for any other."""
    records = line.get("records")
    if line.get("status") != "ok" or not isinstance(records, list):
        return []
    return [record for record in records if isinstance(record, Mapping)]


def unread_records_note(line: Mapping[str, Any]) -> str | None:
    """What a reader says of a result whose records :func:`predicted_records` does not
    read (an ``error`` or ``skipped`` line carrying records), naming the document; None
    when it reads them all."""
    records = line.get("records")
    status = line.get("status")
    if status == "ok" or not isinstance(records, list) or not records:
        return None
    what = (
        f"an {status} line" if status == "error"
        else f"a {status} line" if status == "skipped"
        else "a line without a status" if status is None
        else f"a line with status {clean_surrogates(repr(status))}"
    )  # fmt: skip
    count = len(records)
    doc_id = clean_surrogates(repr(line.get("doc_id")))
    return (
        f"document {doc_id}: {what} carries {count:,} record{'s' if count != 1 else ''}; "
        "not read (a run writes records on ok lines only: rerun the document to extract it)"
    )


def foreign_records_note(line: Mapping[str, Any]) -> str | None:
    """What a reader says of a result some of whose records :func:`predicted_records`
    reads carry a ``doc_id`` of their own that is not their line's (another document's, or
    no string), naming the document; None when none does. Those records are filed under
    the line's ``doc_id`` all the same."""
    line = _as_line(line)
    doc_id = line.get("doc_id")
    own = [
        record["doc_id"]
        for record in _ok_records(line)
        if record.get("doc_id") not in (None, doc_id)
    ]
    if not own:
        return None
    named = ", ".join(dict.fromkeys(clean_surrogates(repr(value))[:40] for value in own[:3]))
    count = len(own)
    return (
        f"document {clean_surrogates(repr(doc_id))}: {count:,} record"
        f"{'s' if count != 1 else ''} on its line carr{'ies' if count == 1 else 'y'} "
        f"another doc_id ({named}); filed under its line's (a record belongs to the line that "
        "carries it: fix the record's doc_id, or rerun the document)"
    )


def _resulting(value: Mapping[str, Any]) -> bool:
    """What makes a result of an object, its id aside: a status (every line of a run, and
    of the library) with its records a list of objects, or extract's ``metadata`` with
    each type's records (under its plural) a list of objects. Records spelt otherwise
    (``"records": "abc"``, one record not in a list) are a damaged result, read as none:
    taken, they were a document with no records, scored and flattened without a word."""
    status = value.get("status")
    if isinstance(status, str) and status in RESULT_STATUSES:
        return _objects(value.get("records", []))
    if not isinstance(value.get("metadata"), Mapping):
        return False
    from extractor.types.registry import registered_types  # the plurals of the types

    return all(_objects(value[spec.plural]) for spec in registered_types() if spec.plural in value)


def _objects(records: Any) -> bool:
    return records is None or (
        isinstance(records, list) and all(isinstance(record, Mapping) for record in records)
    )


def _loose(raw: bytes) -> dict[str, Any] | None:
    """The line's object if it is a result (:func:`is_result`), else None."""
    try:
        record = json.loads(raw)
    except (ValueError, RecursionError):
        return None
    return record if isinstance(record, dict) and is_result(record) else None


# ----------------------------------------------------------------- rewriting


def _drop_error_lines(file: Path, rewrite: Path) -> int:
    """Keep the winning lines that are not errors; return how many error lines went.

    Superseded lines go too: the rewritten file has one line per input (:func:`line_key`).
    """
    winners: dict[tuple[str, str], tuple[int, bool]] = {}
    lines = 0
    tail = _Tail()
    _complete_last_line(file)
    with open(file, "rb") as handle:
        for lineno, record in _result_lines(handle, file, tail):
            winners[line_key(record)] = (lineno, record.get("status") == "error")
            lines += 1
    _cut_torn(file, tail)
    dropped = sum(error for _, error in winners.values())
    if dropped == 0 and lines == len(winners):
        return 0
    keep = {lineno for lineno, error in winners.values() if not error}
    _rewrite(file, rewrite, keep)
    return dropped


def _rewrite(file: Path, temporary: Path, keep: set[int]) -> None:
    """Replace ``file`` by its lines numbered in ``keep``, atomically, with its mode and owner."""
    info = os.stat(file)
    with contextlib.suppress(FileNotFoundError):
        os.unlink(temporary)  # left by a rewrite that was killed
    try:
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _CLOEXEC, 0o600)
    except OSError as error:
        raise _problem(
            f"cannot be rewritten: cannot create {temporary} ({_why(error)})", path=file
        ) from error
    try:
        with open(fd, "wb") as target, open(file, "rb") as source:
            for lineno, raw in enumerate(source, start=1):
                if lineno in keep:
                    target.write(raw)
            target.flush()
            _copy_owner_and_mode(target.fileno(), info, file)
            os.fsync(target.fileno())
        os.replace(temporary, file)
    except BaseException as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        if isinstance(error, OSError):
            raise _problem(
                f"cannot be rewritten ({_why(error)}); it is unchanged", path=file
            ) from error
        raise
    _fsync_folder(file.parent)


def _lock_path(target: Path) -> Path:
    """The sidecar a run locks beside its output (``<target>.lock``)."""
    return target.with_name(target.name + ".lock")


def _temporary_path(target: Path, pid: int) -> Path:
    """Where process ``pid`` writes a new version of ``target`` (:class:`Replacement`)."""
    return target.with_name(f".{target.name}.{pid}.tmp")


def utf8_temporary_path(target: Path, pid: int) -> Path:
    """:func:`_temporary_path` with ``target``'s name escaped to UTF-8 (one to one:
    :func:`~extractor.redact.escape_surrogates`), for a file a library creates by a name it
    must encode (DuckDB): the name of ``target`` need not be UTF-8."""
    return target.with_name(f".{escape_surrogates(target.name)}.{pid}.tmp")


def run_holding(path: str | os.PathLike[str]) -> str | None:
    """Who holds ``path`` as a run's output ("pid 123"), or None when no run does.

    A run holds a ``flock`` on ``<target>.lock`` and on the file itself while it
    writes (:func:`open_output`); a probe takes neither for longer than it
    takes to ask. A file system without flock answers None.
    """
    if sys.platform == "win32":  # pragma: no cover - never locked there
        return None
    real = Path(os.path.realpath(path))
    for candidate in (_lock_path(real), real):
        try:
            fd = os.open(candidate, os.O_RDONLY | _CLOEXEC | _NOFOLLOW | _NONBLOCK)
        except (OSError, ValueError):
            continue
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                continue
            try:
                fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
            except BlockingIOError:
                return _holder(fd) if candidate != real else "another process"
            except OSError:
                continue
            fcntl.flock(fd, fcntl.LOCK_UN)
        finally:
            os.close(fd)
    return None


def check_replaceable(
    path: str | os.PathLike[str],
    what: str,
    *,
    allows: Literal["none", "one", "predictions", "any"] = "none",
    option: str = "-o",
    document: str | None = None,
) -> None:
    """Raise ConfigurationError when writing ``what`` over ``path`` whole would destroy
    extraction results: the output of a run writing it now, always; and a file holding
    results (what flatten, view and eval read: a run's lines, extract's JSON, pretty or
    not, eval's saved predictions; gzipped or not) beyond what ``allows``: "none" for
    what is no result (a page, a report, a schema, a table), "one" for one document's
    results (``extract -o``: a bulk output would lose every line but the new one),
    "predictions" for saved predictions (``eval --save-predictions``, which a rerun
    replaces; never a run's output), "any" for anything.

    With "one", ``document`` is the doc_id of the results about to be written: then a
    file is replaced only when what it holds is that document's (a rerun of the same
    extract, in any format), or extract's JSON of one document (a result file, which the
    last extract replaces). A line of another document (a bulk output of one line, or
    ``extract -f jsonl`` of another article) is not ours to replace: it is refused,
    naming the document and saying how to add to it (:func:`_refuse_other_document`).
    Without ``document`` (a caller that does not know it yet: a piped text is keyed by
    its hash once read) only results of several documents are refused, and the caller
    checks again with ``document`` once it knows it, before anything is sent or written.

    A missing or unreadable file is left to the writer to report. ``option`` is what
    the user gave the path with, for the message.
    """
    holder = run_holding(path)
    if holder is not None:
        raise _problem(
            f"is being written by an extractor run ({holder}); the {what} would replace "
            f"its output: choose another {option}",
            path=path,
        )
    if allows == "any":
        return
    try:
        # never read a pipe, FIFO or device to see what it holds: the read would wait for
        # a writer forever (``--summary-json /dev/stdout | jq``); such a file holds no results
        handle = open(path, "rb", opener=_nonblocking)  # noqa: SIM115 - closed below
    except (OSError, ValueError):
        return
    with handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            return
        gzipped = starts_gzipped(handle)  # (left at its start)
        whole = whole_json(path)
        entries = iter(whole) if whole is not None else _first_entries(handle)
        documents: set[str] = set()
        for entry in entries:
            kind = _result_kind(entry)
            if kind is None or (kind == "saved" and allows == "predictions"):
                if not documents:
                    return  # not ours at all (or the writer's own kind): the user's to replace
                continue
            if allows in ("none", "predictions"):
                raise _problem(
                    f"holds extraction results (an extractor output); the {what} would "
                    f"replace them: choose another {option}",
                    path=path,
                )
            other = str(entry.get("doc_id"))
            documents.add(other)
            if len(documents) > 1:
                append = (  # plain lines after a gzip stream: no reader would take them
                    "" if gzipped else f"append one with -f jsonl >> {os.fspath(path)}, or "
                )  # fmt: skip
                raise _problem(
                    f"holds the results of several documents (an extractor output"
                    f"{', gzipped' if gzipped else ''}); -o replaces a file whole: "
                    f"{append}choose another {option}",
                    path=path,
                )
            if document is not None and other != document and kind != "extract":
                raise _refuse_other_document(path, other, gzipped=gzipped, option=option)


#: How much of another document's id a refusal shows (a path can be long).
_SHOWN_ID_CHARS = 120


def _refuse_other_document(
    path: str | os.PathLike[str], doc_id: str, *, gzipped: bool, option: str
) -> OutputError:
    """The refusal of ``extract -o`` over a line of another document (``doc_id``): what
    the file holds, shown printable (quoted, escapes for control and surrogate
    characters, cut when long), and the ways to add the new line to it instead."""
    cut = doc_id if len(doc_id) <= _SHOWN_ID_CHARS else doc_id[:_SHOWN_ID_CHARS] + "..."
    add = (  # plain lines after a gzip stream: no reader would take them
        "" if gzipped else f"add this one with `extractor bulk` (-o {os.fspath(path)}) or "
        f"-f jsonl >> {os.fspath(path)}, or "
    )  # fmt: skip
    return _problem(
        f"holds the results of another document ({cut!r}{', gzipped' if gzipped else ''}); "
        f"-o replaces a file whole: {add}choose another {option}",
        path=path,
    )


def write_to_stream(path: str | os.PathLike[str], data: bytes, wait: float) -> None:
    """Write ``data`` to a FIFO (or any file that is no regular one) without hanging.

    A FIFO is opened for writing only when it is written, never probed before
    (opening and closing its write end would hand a waiting reader its end of
    file); the open does not block: with no reader after ``wait`` seconds it is
    an OSError (ENXIO) saying so. Then the data is written whole, blocking, as a
    pipe takes it.
    """
    deadline = time.monotonic() + max(wait, 0.0)
    while True:
        try:
            fd = os.open(path, os.O_WRONLY | os.O_APPEND | _NONBLOCK | _CLOEXEC)
            break
        except OSError as error:
            if error.errno != errno.ENXIO or time.monotonic() >= deadline:
                if error.errno == errno.ENXIO:
                    raise OSError(
                        errno.ENXIO, f"a FIFO that nothing reads (waited {wait:g} s)"
                    ) from None
                raise
            time.sleep(0.05)
    try:
        os.set_blocking(fd, True)
        with open(fd, "wb", closefd=False) as stream:
            stream.write(data)
    finally:
        os.close(fd)


def _nonblocking(path: str, flags: int) -> int:
    """Open without waiting: a FIFO with no writer opens at once (and is then left unread)."""
    return os.open(path, flags | _NONBLOCK | _CLOEXEC)


def _result_kind(entry: Any) -> Literal["run", "extract", "saved"] | None:
    """``run`` for a run's line (every key of :data:`OUTPUT_KEYS`), ``extract`` for
    extract's JSON (``doc_id`` and ``metadata``), ``saved`` for eval's saved predictions
    (``doc_id`` and ``records``), else None: what no reader takes for a result. A blank
    string ``doc_id`` counts here (no reader reads it, :func:`is_doc_id`, but a file of
    hand-edited results is kept all the same: this protects, it does not read)."""
    if not isinstance(entry, Mapping) or not isinstance(entry.get("doc_id"), str):
        return None
    if entry.keys() >= OUTPUT_KEYS:
        return "run"
    if isinstance(entry.get("metadata"), Mapping):
        return "extract"
    return "saved" if isinstance(entry.get("records"), list) else None


def _first_entries(handle: BinaryIO) -> Iterator[Any]:
    """The first lines of a file, each parsed (None where it is no JSON), blanks skipped."""
    for raw in _first_lines(handle):
        if raw.strip():
            yield _json_or_none(raw)


def _first_lines(handle: BinaryIO) -> Iterator[bytes]:
    """The first lines of a file, read through gzip when it is gzipped (a run's output kept
    as ``out.jsonl.gz`` is results as much as the plain file), within a byte budget: a
    gzip bomb or a line of gigabytes is not read to its end."""
    stream: BinaryIO | gzip.GzipFile = handle
    if starts_gzipped(handle):
        stream = gzip.GzipFile(fileobj=handle)
    budget = _RESULT_BYTES_LOOKED_AT
    try:
        for _ in range(_RESULT_LINES_LOOKED_AT):
            raw = stream.readline(min(budget, _RESULT_BYTES_LOOKED_AT // 8))
            if not raw:
                return
            budget -= len(raw)
            yield raw
            if budget <= 0:
                return
    except (OSError, EOFError, zlib.error):
        return  # damaged or no gzip after all: nothing more to tell


#: Bytes of a file :func:`check_replaceable` reads at most (decompressed).
_RESULT_BYTES_LOOKED_AT = 16 * 1024 * 1024
#: Lines of a file :func:`check_replaceable` reads to tell what it holds: a bulk output
#: holds a second document by its second line; a huge file is not read to its end.
_RESULT_LINES_LOOKED_AT = 1000


@dataclass(frozen=True, slots=True)
class Replacement:
    """A new version of a whole file (a page, a table, a report), written beside it and
    renamed over it at the end, as bulk rewrites its output: a failure leaves the old
    file; a symlink stays a link (the file it names is replaced); the file keeps the
    owner and mode it had, so a private output stays private. It is never renamed over
    a file a run is writing (:func:`run_holding`): that run's lines would go to a file
    no name leads to.
    """

    #: The file itself, symlinks resolved: what is replaced.
    target: Path
    #: Where the new version is written first, beside ``target``.
    temporary: Path

    @classmethod
    def of(cls, path: str | os.PathLike[str]) -> Replacement:
        real = Path(os.path.realpath(path))
        return cls(real, _temporary_path(real, os.getpid()))

    def clear(self) -> Path:
        """Remove whatever holds the temporary name (a crashed run's leftover, a planted
        link) so that it is created afresh, and the temporary files of this target that
        killed processes left (``.<name>.<pid>.tmp`` of a pid no longer running); return
        it."""
        with contextlib.suppress(FileNotFoundError):
            os.unlink(self.temporary)
        _sweep_leftovers(self.target)
        return self.temporary

    def open(self, mode: Literal["w", "wb"] = "wb", **options: Any) -> Any:
        """The temporary file, created new (never through a link someone left there)."""
        self.clear()
        return open(self.temporary, mode.replace("w", "x"), **options)

    def commit(self) -> None:
        """Give the temporary file the target's owner and mode, and rename it over the target."""
        holder = run_holding(self.target)
        if holder is not None:
            raise _problem(
                f"is being written by an extractor run ({holder}), which started meanwhile; "
                f"nothing was written: {_CHOOSE}",
                path=self.target,
            )
        try:
            info: os.stat_result | None = os.stat(self.target)
        except FileNotFoundError:
            info = None
        if info is not None and stat.S_ISREG(info.st_mode):
            fd = os.open(self.temporary, os.O_RDONLY | _CLOEXEC)
            try:
                _copy_owner_and_mode(fd, info, self.target)
            finally:
                os.close(fd)
        os.replace(self.temporary, self.target)

    def discard(self) -> None:
        """Remove the temporary file (the target is untouched)."""
        with contextlib.suppress(OSError):
            os.unlink(self.temporary)


#: What a database writes beside its file (DuckDB's write-ahead log), which a process
#: killed while building a temporary database leaves beside it too.
_SIDE_FILES = (".wal",)


def _sweep_leftovers(target: Path) -> None:
    """Remove ``.<name>.<pid>.tmp`` beside ``target`` for pids that no longer run: a view or
    flatten killed mid-write left it, and no later run would (up to the whole page each);
    also its side files (``.tmp.wal``), and those of the name escaped to UTF-8 that a
    database file is built under when ``target``'s name is not UTF-8 (see
    :func:`~extractor.export.flatten.duckdb_name`). A pid that runs (perhaps another
    process by now) keeps its files."""
    with contextlib.suppress(OSError):
        for entry in os.scandir(target.parent):
            name = entry.name
            for side in _SIDE_FILES:
                name = name.removesuffix(side)
            parts = name.rsplit(".", 2)  # [".<name>", "<pid>", "tmp"] for one of ours
            if len(parts) != 3 or not parts[1].isdigit():
                continue
            pid = int(parts[1])
            ours = {_temporary_path(target, pid).name, utf8_temporary_path(target, pid).name}
            if name not in ours:
                continue
            if pid == os.getpid() or _running(pid):
                continue
            with contextlib.suppress(OSError):
                os.unlink(entry.path)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process: running
        return True
    return True


def _copy_owner_and_mode(fd: int, info: os.stat_result, file: Path) -> None:
    mine = os.fstat(fd)
    if (mine.st_uid, mine.st_gid) != (info.st_uid, info.st_gid) and hasattr(os, "fchown"):
        try:
            os.fchown(fd, info.st_uid, info.st_gid)
        except PermissionError as error:
            raise _problem(
                "cannot be rewritten keeping its owner and group (permission denied); run as "
                "its owner, or copy it and pass the copy to -o",
                path=file,
            ) from error
    os.chmod(fd, stat.S_IMODE(info.st_mode))  # after chown, which may clear set-id bits


def _fsync_folder(folder: Path) -> None:
    if sys.platform == "win32":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY | _CLOEXEC)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def drop_error_lines(path: str | os.PathLike[str]) -> int:
    """Remove the error lines of an output file, so a rerun tries those documents again.

    An id whose winning (last) line is an error loses all its lines; lines
    superseded by a later line of their id go too. The file must be an
    extractor output, not in use by a run (it is locked meanwhile); a torn
    last line is cut first. The rewrite keeps the file's mode and owner and
    goes through a symlink (see the module doc). Returns how many ids lost
    their error line. A missing file has none.
    """
    output = check_output(path)
    if output.kind != "file":
        return 0
    lock = _lock(output)
    try:
        check_own_output(
            output.target, shown=output.path, mark=(lock.previous if lock else None) or b""
        )
        return _drop_error_lines(output.target, output.rewrite_path)
    except OSError as error:
        raise _problem(f"cannot be rewritten ({_why(error)})", path=output.path) from error
    finally:
        if lock is not None:
            lock.release()


# ------------------------------------------------------------------- opening


class OutputFile:
    """An output opened by :func:`open_output`: locked, checked, repaired, ready to append.

    ``done`` maps every id already in the file to the ``text_sha256`` of its
    winning line (None for a line without text, :data:`UNKNOWN_HASH` for a
    line written before lines carried a hash), ``sources`` to the ``source``
    that line records (None if it has none), so that a run can tell another
    input bringing the same id. ``dropped`` is how many error lines
    ``retry_errors`` removed. Close it (or use it as a context
    manager) to close the writer and release the lock.
    """

    def __init__(self, output: OutputTarget, *, fsync: bool, retry_errors: bool) -> None:
        self.output = output
        self.done: dict[str, str | None] = {}
        self.sources: dict[str, str | None] = {}
        self.dropped = 0
        self._lock = _lock(output)
        #: No complete line in the file yet: the first write is marked first (_Lock.mark).
        self._unmarked = output.kind != "stream"
        try:
            if output.kind == "file" or (output.kind == "new" and output.target.exists()):
                file = output.target
                previous = self._lock.previous if self._lock is not None else None
                check_own_output(file, shown=output.path, mark=previous or b"")
                if retry_errors:
                    self.dropped = _drop_error_lines(file, output.rewrite_path)
                self.done, self.sources = _scan(file)
                self._unmarked = not self.done
            self._writer = JsonlWriter(output.target, fsync=fsync)
            if self._lock is not None:  # a rewrite or the writer made a new inode: lock it too
                self._lock.follow(output)
        except OSError as error:  # cannot read it back, cannot repair it
            self._release()
            raise _problem(
                f"cannot be resumed ({_why(error)}); {_CHOOSE}", path=output.path
            ) from error
        except BaseException:
            self._release()
            raise

    def write(self, record: Mapping[str, Any]) -> None:
        if not self._unmarked or self._lock is None:
            self._writer.write(record)
            return
        line = _encode_line(_with_doc_id(record))
        fd = self._writer.fileno()
        try:
            self._lock.mark(fd, line)
        except OSError as error:
            raise _problem(
                f"cannot record its first line in its lock file ({_why(error)}); the run "
                "stops here",
                path=self.output.path,
            ) from error
        self._writer.write_line(line)
        self._unmarked = False

    def close(self) -> None:
        try:
            self._writer.close()
        finally:
            self._release()

    def _release(self) -> None:
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> OutputFile:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


def open_output(
    path: str | os.PathLike[str] | OutputTarget,
    *,
    fsync: bool = False,
    retry_errors: bool = False,
) -> OutputFile:
    """Open a bulk output for appending: check, lock, check it is ours, repair, read what is done.

    Raises :class:`ConfigurationError` (one line naming the path) when the path
    cannot be written, another run holds the lock, the file is not an
    extractor output, or it is damaged before its last line.
    """
    output = path if isinstance(path, OutputTarget) else check_output(path)
    return OutputFile(output, fsync=fsync, retry_errors=retry_errors)
