"""An optional on-disk cache of extraction results (SQLite).

Re-running a pipeline over the same archive with the same model and prompt
should cost nothing. The key covers everything that changes the answer: the
model, the prompt version, the schema version, the options and the text's
hash (plus the publication date, which resolves relative dates). A hit makes
no call and says so in the metadata (``cached: true``).
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import logging
import os
import sqlite3
import threading
import time
from pathlib import Path
from typing import Any
from urllib.parse import quote

import platformdirs

from extractor.errors import ConfigurationError

logger = logging.getLogger(__name__)

#: How long opening the cache, and storing the last results when it closes, wait for
#: another process's lock (another run sharing the file) before saying it is in use.
LOCK_WAIT_SECONDS = 5.0
#: How long a read during a run waits for a lock: reads run on the event loop, where a
#: wait stalls every other document's requests (a locked read is a miss, extracted again).
READ_WAIT_SECONDS = 0.05
#: Results waiting for another process to release its lock; beyond this many, the
#: oldest is not stored (a miss next time), so a cache locked for hours costs no memory.
MAX_PENDING = 256


def default_cache_path() -> Path:
    return Path(platformdirs.user_cache_dir("extractor")) / "extractions.sqlite"


def cache_key(**parts: Any) -> str:
    payload = json.dumps(parts, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


class ResultCache:
    """A small key -> JSON store; safe to share between threads of one process, and
    between processes (two runs may use one file at once).

    The cache touches only its own file: one it makes (marked with ``APPLICATION_ID``),
    or one an earlier version made (its exact layout; adopted and marked). Any other
    existing file (a user's JSONL, an SQLite database with its own tables) is refused
    before a byte of it is written, with advice to give a new path, never to delete it.

    Every failure says its cause, with advice that is safe for that cause: "delete it"
    only for a file that carries this cache's mark and that SQLite finds damaged. A file
    locked by another process is "in use" (wait, or another file); a read-only one is
    used for reading, with one warning that new results are not stored; a full disk, a
    folder that cannot be made, a cache made by a newer version each say so.

    During a run no call waits on another process's lock: a result that cannot be
    stored at once waits in memory (a later ``get`` still finds it) and is stored with
    the next result, or at :meth:`close`, which waits ``lock_wait`` seconds at most; one
    still not stored is a miss next time, said once. Reads wait ``READ_WAIT_SECONDS``.
    """

    def __init__(self, path: Path | str | None = None, *, lock_wait: float | None = None):
        self.path = Path(path) if path is not None else default_cache_path()
        self.lock_wait = max(0.0, float(LOCK_WAIT_SECONDS if lock_wait is None else lock_wait))
        self.read_only = False
        self._lock = threading.Lock()
        self._said: set[str] = set()
        self._pending: dict[str, str] = {}
        self._closed = False
        self._unlocked = False  # read without locks (immutable): damage is not provable
        ours = False  # the file carries this cache's mark: "delete it" may be safe advice
        try:
            ours = _claim(self.path)
            _make_room(self.path)
            self._db = _connect(self.path, self.lock_wait)
        except _NotACache as error:
            raise ConfigurationError(_refusal(self.path, str(error))) from None
        except _Refused as error:
            raise ConfigurationError(str(error)) from None
        except (OSError, sqlite3.Error) as error:
            raise ConfigurationError(_refusal(self.path, _why(error), ours, _kind(error))) from None
        try:
            with self._lock:
                self.read_only = _adopt(self._db, ours, self.path)
        except _NotACache as error:
            self._db.close()
            raise ConfigurationError(_refusal(self.path, str(error))) from None
        except _Refused as error:
            self._db.close()
            raise ConfigurationError(str(error)) from None
        except sqlite3.Error as error:
            self._db.close()
            if _kind(error) != "read-only":
                raise ConfigurationError(
                    _refusal(self.path, _why(error), ours, _kind(error))
                ) from None
            self._open_read_only(ours, error)
        if self.read_only:
            self._say("read-only", f"the result cache {self.path} is read-only for this user: "
                      "cached results are read from it, new results are not stored in it "
                      "(give a cache file you can write to keep them)")  # fmt: skip
        _wait(self._db, min(self.lock_wait, READ_WAIT_SECONDS))

    def _open_read_only(self, ours: bool, error: sqlite3.Error) -> None:
        """Open a file that cannot be written only to read it (SQLite cannot even set up a
        WAL file's shared memory in a folder that cannot be written): its hits are served.
        Last, ``immutable``: read without locks, so a page that reads as damaged then may be
        another process's write in progress, never a reason to say "delete it"."""
        for query in ("mode=ro", "mode=ro&immutable=1"):
            try:
                db = sqlite3.connect(f"file:{quote(str(self.path.absolute()))}?{query}",
                                     uri=True, check_same_thread=False, isolation_level=None,
                                     timeout=self.lock_wait)  # fmt: skip
            except sqlite3.Error as failure:
                error = failure
                continue
            try:
                _, results = _inspect(db, ours, self.path)
            except (_NotACache, _Refused) as refused:
                db.close()
                message = str(refused)
                if isinstance(refused, _NotACache):
                    message = _refusal(self.path, message)
                raise ConfigurationError(message) from None
            except sqlite3.Error as failure:
                db.close()
                error = failure
                if _kind(failure) in ("read-only", "cannot-open"):
                    continue
                break
            if not results:
                db.close()
                raise ConfigurationError(
                    f"the result cache {self.path} cannot be written ({_why(error)}) and holds "
                    f"no results yet: give a cache file you can write {_ELSEWHERE}"
                )
            self._db, self.read_only, self._unlocked = db, True, "immutable" in query
            return
        raise ConfigurationError(_refusal(self.path, _why(error), ours, _kind(error))) from None

    def get(self, key: str) -> str | None:
        """The stored value, or None: a miss, also when the file cannot be read now. A
        result still waiting for another process's lock is the newest: it wins."""
        try:
            with self._lock:
                if self._closed:  # a call that outlived close(): a miss, no disk to blame
                    return None
                if key in self._pending:
                    return self._pending[key]
                row = self._db.execute("SELECT value FROM results WHERE key = ?", (key,)).fetchone()
        except sqlite3.Error as error:
            self._failed(error, reading=True)
            return None
        return None if row is None else str(row[0])

    def put(self, key: str, value: str) -> None:
        """Store ``value``, never waiting for another process's lock (see the class)."""
        if self.read_only:
            return
        with self._lock:  # _closed read under the lock: a put racing close() is no failure
            if self._closed:
                return
            self._pending.pop(key, None)
            self._pending[key] = value
            while len(self._pending) > MAX_PENDING:  # locked for long: the oldest goes
                del self._pending[next(iter(self._pending))]
                self._say_locked()
            self._flush(0.0)

    def close(self) -> None:
        """Store what waits for a lock (waiting ``lock_wait`` at most), then close."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
            if self._pending:
                self._flush(self.lock_wait)
                if self._pending:  # still locked by another process
                    self._pending.clear()
                    self._say_locked()
            with contextlib.suppress(sqlite3.Error):
                self._db.close()

    def _flush(self, wait: float) -> None:
        """Write every pending result in one transaction, waiting ``wait`` seconds at most
        for the write lock. Called with ``self._lock`` held."""
        rows = [(key, value, time.time()) for key, value in self._pending.items()]
        try:
            _wait(self._db, wait)
            try:
                self._db.execute("BEGIN IMMEDIATE")
                self._db.executemany(
                    "INSERT OR REPLACE INTO results (key, value, created) VALUES (?, ?, ?)", rows
                )
                self._db.execute("COMMIT")
            except sqlite3.Error:
                with contextlib.suppress(sqlite3.Error):
                    self._db.execute("ROLLBACK")
                raise
            finally:
                with contextlib.suppress(sqlite3.Error):
                    _wait(self._db, min(self.lock_wait, READ_WAIT_SECONDS))
        except sqlite3.Error as error:
            if _kind(error) == "locked":
                return  # kept: tried again with the next result, and at close()
            self._pending.clear()
            self._failed(error, reading=False)
            return
        self._pending.clear()

    def _say_locked(self) -> None:
        self._say("locked", f"the result cache {self.path} is in use by another process "
                  "(locked): results this run could not store in it are extracted again next "
                  "time; let the other run finish first, or give each run its own cache "
                  "file")  # fmt: skip

    def _failed(self, error: sqlite3.Error, *, reading: bool) -> None:
        """Say once per cause why a result was not read or stored, with advice that is safe
        for that cause: only a damaged file (ours: it was opened as a cache) is one to delete."""
        kind, why, at = _kind(error), _why(error), self.path
        if kind == "damaged" and self._unlocked:
            kind = "io"  # read without locks: maybe another process's write in progress
        if kind == "locked":
            self._say("locked-read", f"the result cache {at} is in use by another process "
                      f"(locked, {why}): documents whose results could not be read from it "
                      "are extracted again")  # fmt: skip
        elif kind == "read-only" and reading:
            self._say("unreadable", f"the result cache {at} cannot be read now ({why}): "
                      "results not read from it are extracted again; check its "
                      "permissions")  # fmt: skip
        elif kind == "read-only":
            self.read_only = True
            self._say("read-only", f"the result cache {at} cannot be written ({why}): new "
                      "results are not stored in it in this run (give a cache file you can "
                      "write to keep them)")  # fmt: skip
        elif kind == "full":
            self._say("full", f"the result cache {at} cannot store new results: the disk "
                      f"holding it is full ({why}); free some space to keep them")  # fmt: skip
        elif kind == "damaged":
            self._say("damaged", f"the result cache {at} is damaged ({why}): results are not "
                      "read from it or stored in it while it is; delete it after this run (it "
                      "holds only cached results)")  # fmt: skip
        else:
            self._say("io", f"the result cache {at} failed ({why}): results that could not be "
                      "read from it or stored in it are extracted again; check the disk it "
                      "is on")  # fmt: skip

    def _say(self, kind: str, message: str) -> None:
        """One warning per cause and cache: a run of 10,000 documents says it once."""
        if kind not in self._said:
            self._said.add(kind)
            logger.warning("%s", message)


#: The mark this cache puts in its SQLite file's header (``PRAGMA application_id``,
#: ASCII "XTRC") and the layout it writes (``PRAGMA user_version``).
APPLICATION_ID = 0x58545243
LAYOUT_VERSION = 1
_SQLITE_HEADER = b"SQLite format 3\x00"
#: The columns of the cache's one table, as it creates them (and as SQLite then stores them).
_RESULTS_COLUMNS = "(key TEXT PRIMARY KEY, value TEXT NOT NULL, created REAL NOT NULL)"
#: The only schema an earlier, unmarked version of this cache wrote: such a file is adopted.
_OLD_LAYOUT = [
    ("index", "sqlite_autoindex_results_1", None),
    ("table", "results",
     f"CREATE TABLE results {_RESULTS_COLUMNS}"),
]  # fmt: skip
#: Where to give the cache another file, said in every refusal whose advice is another path.
_ELSEWHERE = "(cache=PATH, or XDG_CACHE_HOME for --cache), or run without the cache"


class _NotACache(Exception):
    """An existing file at the cache's path that this cache did not make: left untouched."""


class _Refused(Exception):
    """The cache cannot be used, for a cause its message says in full (one line)."""


def _connect(path: Path, wait: float) -> sqlite3.Connection:
    """The cache's connection: autocommit (it opens its own transactions), usable from any
    thread (``ResultCache._lock`` serialises it), waiting ``wait`` seconds for locks."""
    return sqlite3.connect(path, check_same_thread=False, timeout=wait, isolation_level=None)


def _wait(db: sqlite3.Connection, seconds: float) -> None:
    db.execute(f"PRAGMA busy_timeout = {int(seconds * 1000)}")


def _claim(path: Path) -> bool:
    """Whether ``path`` carries this cache's mark, read from its header without opening it as
    a database. A file that is not SQLite at all (a user's JSONL, ``/etc/passwd``) is
    _NotACache before SQLite sees it: nothing is ever written to a file that is not ours.
    A missing or empty file is a new cache."""
    if path.is_dir():
        raise _Refused(f"the result cache {path} is a folder, not a file: give the cache a "
                       f"file path {_ELSEWHERE}")  # fmt: skip
    if not path.exists():
        return False
    try:
        with path.open("rb") as handle:
            header = handle.read(100)
    except OSError as error:
        raise _Refused(f"the result cache {path} cannot be read ({_why(error)}): give a "
                       f"cache file you can read and write {_ELSEWHERE}") from None  # fmt: skip
    if not header:
        return False
    if len(header) < 100 or not header.startswith(_SQLITE_HEADER):
        raise _NotACache("it is not an SQLite database")
    return int.from_bytes(header[68:72], "big") == APPLICATION_ID


def _make_room(path: Path) -> None:
    """Make the cache's folder and (empty) file when missing, so that a folder or a file
    that cannot be made says why (SQLite says only "unable to open database file")."""
    if path.exists():
        return
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        above = next((p for p in (folder, *folder.parents) if p.exists()), folder)
        if not above.is_dir():
            raise _Refused(f"the result cache {path} cannot be made: {above} is a file, not "
                           f"a folder: give a cache path in a folder {_ELSEWHERE}") from None  # fmt: skip
        advice = _advice(error, "a cache path in a folder you can write")
        raise _Refused(f"the result cache {path} cannot be made: its folder {folder} "
                       f"cannot be created ({_why(error)}): {advice}") from None  # fmt: skip
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
    except FileExistsError:
        return  # another run made it first: SQLite opens it as that run left it
    except OSError as error:
        advice = _advice(error, "a cache path in a folder you can write")
        raise _Refused(f"the result cache {path} cannot be made in {folder} "
                       f"({_why(error)}): {advice}") from None  # fmt: skip


def _advice(error: OSError, other: str) -> str:
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return f"free some space, or give a cache file on another disk {_ELSEWHERE}"
    return f"give {other} {_ELSEWHERE}"


def _adopt(db: sqlite3.Connection, ours: bool, path: Path) -> bool:
    """Open ``db`` as this cache, or raise _NotACache having written nothing to it; True
    when the file can only be read (results are served, none stored).

    Writes happen only to a file that is ours: one carrying the mark, one with no tables
    (new), or one whose schema is exactly what an earlier unmarked version of this cache
    made (adopted, and marked). Any other database (a user's own, with its own tables, or
    another program's mark) is refused: adding a table or switching it to WAL is damage.
    A cache already set up is only read here, so a run holding its write lock does not
    stop another from opening it; a newer layout is refused, never rewritten as ours.
    """
    ready, results = _inspect(db, ours, path)
    if ready:
        _wait(db, 0.0)  # set up already: a lock held now is no reason to wait, or refuse
    try:
        db.execute("BEGIN IMMEDIATE")  # a new cache waits for a lock as long as it may
        try:
            if ready:  # whether it can be written, changing nothing (a no-op write)
                db.execute(f"PRAGMA user_version = {LAYOUT_VERSION}")
            else:
                db.execute(f"CREATE TABLE IF NOT EXISTS results {_RESULTS_COLUMNS}")
                db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                db.execute(f"PRAGMA user_version = {LAYOUT_VERSION}")
            db.execute("COMMIT")
        except sqlite3.Error:
            with contextlib.suppress(sqlite3.Error):
                db.execute("ROLLBACK")
            raise
    except sqlite3.Error as error:
        kind = _kind(error)
        if kind == "locked" and ready:
            return False  # another run is writing: read now, store once it is done
        if kind == "read-only" and results:
            return True  # ours or an earlier version's: its results can be served
        if kind == "read-only":
            raise _Refused(f"the result cache {path} cannot be written ({_why(error)}) and "
                           "holds no results yet: give a cache file you can write "
                           f"{_ELSEWHERE}") from None  # fmt: skip
        raise
    if not ready:
        with contextlib.suppress(sqlite3.Error):  # WAL: readers never wait for a writer
            db.execute("PRAGMA journal_mode=WAL")
    return False


def _inspect(db: sqlite3.Connection, ours: bool, path: Path) -> tuple[bool, bool]:
    """Read, never write, whether ``db`` may be used as this cache: raise _NotACache for
    another program's file, _Refused for a newer version's. Returns whether it is set up
    already (nothing to write) and whether it holds a results table (something to read)."""
    mark = int(db.execute("PRAGMA application_id").fetchone()[0])
    schema = [tuple(row) for row in db.execute(
        "SELECT type, name, sql FROM sqlite_master ORDER BY type, name"
    ).fetchall()]  # fmt: skip
    layout = int(db.execute("PRAGMA user_version").fetchone()[0])
    if not ours:
        if mark not in (0, APPLICATION_ID):
            raise _NotACache(f"an SQLite database of another program, application_id {mark}")
        if mark == 0 and schema and schema != _OLD_LAYOUT:
            names = " ".join(", ".join(str(row[1]) for row in schema if row[0] == "table").split())
            raise _NotACache(f"an SQLite database with other tables: {names or 'none'}"[:200])
    if layout > LAYOUT_VERSION:
        raise _Refused(f"the result cache {path} was made by a newer extractor (cache layout "
                       f"{layout}; this version knows {LAYOUT_VERSION}), left as it is: "
                       f"upgrade extractor, or give this version another cache file "
                       f"{_ELSEWHERE}")  # fmt: skip
    results = ("table", "results") in {row[:2] for row in schema}
    ready = (
        mark == APPLICATION_ID
        and layout == LAYOUT_VERSION
        and results
        and str(db.execute("PRAGMA journal_mode").fetchone()[0]).lower() == "wal"
    )
    return ready, results


#: SQLite's primary result codes (the low byte of an extended one) by cause.
_KINDS = {5: "locked", 6: "locked", 8: "read-only", 13: "full", 11: "damaged", 26: "damaged",
          10: "io", 14: "cannot-open"}  # fmt: skip
_ERRNO_KINDS = {errno.EACCES: "read-only", errno.EPERM: "read-only", errno.EROFS: "read-only",
                errno.ENOSPC: "full", errno.EDQUOT: "full"}  # fmt: skip


def _kind(error: BaseException) -> str:
    """The cause of a failure, from SQLite's result code (or the OS's errno); from the
    message when neither is there (an error raised by a wrapper)."""
    if isinstance(error, OSError):
        return _ERRNO_KINDS.get(error.errno or 0, "io")
    code = getattr(error, "sqlite_errorcode", None)
    if isinstance(code, int):
        # SQLITE_IOERR_SHORT_READ: the file ends before its pages do (cut short)
        return "damaged" if code == 522 else _KINDS.get(code & 0xFF, "io")
    text = str(error).lower()
    for needle, kind in (("locked", "locked"), ("busy", "locked"), ("readonly", "read-only"),
                         ("read-only", "read-only"), ("disk is full", "full"),
                         ("malformed", "damaged"), ("not a database", "damaged")):  # fmt: skip
        if needle in text:
            return kind
    return "io"


def _why(error: OSError | sqlite3.Error) -> str:
    return str(error.strerror if isinstance(error, OSError) and error.strerror else error)


def _refusal(path: Path, why: str, ours: bool | None = None, kind: str = "io") -> str:
    """One line naming ``path`` and its cause. Only a file carrying this cache's mark
    (``ours``) that SQLite finds damaged is one to delete; a file that is not ours (None:
    _NotACache) may be the user's own, so the advice is another path; a lock, a read-only
    file or a full disk is no damage, and deleting would lose results another run uses."""
    if ours is None:
        return (
            f"the result cache {path} is not an extractor cache, left as it is ({why}): "
            f"give the cache a new file path {_ELSEWHERE}"
        )
    if kind == "locked":
        return (
            f"the result cache {path} is in use by another process (locked, {why}): wait "
            f"for that run to finish, or give this run another cache file {_ELSEWHERE}"
        )
    if kind == "read-only":
        return (
            f"the result cache {path} cannot be opened ({why}): give a cache file you can "
            f"read and write {_ELSEWHERE}"
        )
    if kind == "full":
        return (
            f"the result cache {path} cannot be written: the disk holding it is full "
            f"({why}): free some space, or give a cache file on another disk {_ELSEWHERE}"
        )
    if ours and kind == "damaged":
        return (
            f"the result cache {path} is damaged ({why}): delete it (it holds only "
            "cached results; its folder follows XDG_CACHE_HOME), or run without --cache"
        )
    return (
        f"the result cache {path} cannot be used ({why}), left as it is: give the cache a "
        f"new file path {_ELSEWHERE}"
    )
