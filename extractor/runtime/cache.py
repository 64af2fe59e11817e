"""An optional on-disk cache of extraction results (SQLite).

Re-running a pipeline over the same archive with the same model and prompt
should cost nothing. The key covers everything that changes the answer: the
model, the prompt version, the schema version, the options and the text's
hash (plus the publication date, which resolves relative dates). A hit makes
no call and says so in the metadata (``cached: true``).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import sqlite3
import threading
import time
from pathlib import Path
from typing import Any

import platformdirs

from extractor.errors import ConfigurationError

logger = logging.getLogger(__name__)


def default_cache_path() -> Path:
    return Path(platformdirs.user_cache_dir("extractor")) / "extractions.sqlite"


def cache_key(**parts: Any) -> str:
    payload = json.dumps(parts, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


class ResultCache:
    """A small key -> JSON store; safe to share between threads of one process.

    The cache touches only its own file: one it makes (marked with ``APPLICATION_ID``),
    or one an earlier version made (its exact layout; adopted and marked). Any other
    existing file (a user's JSONL, an SQLite database with its own tables) is refused
    before a byte of it is written, with advice to give a new path, never to delete it.
    A cache of ours that cannot be opened (cut short, damaged) is a ConfigurationError
    naming it, before any work, whose advice is to delete it. One that fails later (a
    damaged page, a full disk) is a cache that misses: said once, and the run goes on.
    """

    def __init__(self, path: Path | str | None = None) -> None:
        self.path = Path(path) if path is not None else default_cache_path()
        self._lock = threading.Lock()
        self._warned = False
        ours = False  # the file carries this cache's mark: "delete it" is safe advice
        try:
            ours = _claim(self.path)
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path, check_same_thread=False, timeout=30)
        except _NotACache as error:
            raise ConfigurationError(_refusal(self.path, str(error))) from None
        except (OSError, sqlite3.Error) as error:
            raise ConfigurationError(_refusal(self.path, _why(error), ours)) from None
        try:
            with self._lock:
                _adopt(self._db, ours)
        except _NotACache as error:
            self._db.close()
            raise ConfigurationError(_refusal(self.path, str(error))) from None
        except sqlite3.Error as error:
            self._db.close()
            raise ConfigurationError(_refusal(self.path, _why(error), ours)) from None

    def get(self, key: str) -> str | None:
        try:
            with self._lock:
                row = self._db.execute("SELECT value FROM results WHERE key = ?", (key,)).fetchone()
        except sqlite3.Error as error:
            self._failed(error)
            return None
        return None if row is None else str(row[0])

    def put(self, key: str, value: str) -> None:
        try:
            with self._lock:
                self._db.execute(
                    "INSERT OR REPLACE INTO results (key, value, created) VALUES (?, ?, ?)",
                    (key, value, time.time()),
                )
                self._db.commit()
        except sqlite3.Error as error:
            self._failed(error)

    def _failed(self, error: sqlite3.Error) -> None:
        if not self._warned:
            self._warned = True
            logger.warning(
                "the result cache %s failed (%s): results are not read from it or saved to it "
                "in this run; delete it to start a new one",
                self.path, error,
            )  # fmt: skip

    def close(self) -> None:
        with self._lock, contextlib.suppress(sqlite3.Error):
            self._db.close()


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


class _NotACache(Exception):
    """An existing file at the cache's path that this cache did not make: left untouched."""


def _claim(path: Path) -> bool:
    """Whether ``path`` carries this cache's mark, read from its header without opening it as
    a database. A file that is not SQLite at all (a user's JSONL, ``/etc/passwd``) is
    _NotACache before SQLite sees it: nothing is ever written to a file that is not ours.
    A missing or empty file is a new cache."""
    if not path.exists() or path.is_dir():
        return False  # new; or a folder, which connect() reports as an OSError
    with path.open("rb") as handle:
        header = handle.read(100)
    if not header:
        return False
    if len(header) < 100 or not header.startswith(_SQLITE_HEADER):
        raise _NotACache("it is not an SQLite database")
    return int.from_bytes(header[68:72], "big") == APPLICATION_ID


def _adopt(db: sqlite3.Connection, ours: bool) -> None:
    """Open ``db`` as this cache, or raise _NotACache having written nothing to it.

    Writes happen only to a file that is ours: one carrying the mark, one with no tables
    (new), or one whose schema is exactly what an earlier unmarked version of this cache
    made (adopted, and marked). Any other database (a user's own, with its own tables, or
    another program's mark) is refused: adding a table or switching it to WAL is damage.
    """
    if not ours:
        mark = int(db.execute("PRAGMA application_id").fetchone()[0])
        schema = db.execute(
            "SELECT type, name, sql FROM sqlite_master ORDER BY type, name"
        ).fetchall()
        if mark not in (0, APPLICATION_ID):
            raise _NotACache(f"an SQLite database of another program, application_id {mark}")
        if mark == 0 and schema and [tuple(row) for row in schema] != _OLD_LAYOUT:
            names = " ".join(", ".join(str(row[1]) for row in schema if row[0] == "table").split())
            raise _NotACache(f"an SQLite database with other tables: {names or 'none'}"[:200])
    db.execute("PRAGMA journal_mode=WAL")
    db.execute(f"CREATE TABLE IF NOT EXISTS results {_RESULTS_COLUMNS}")
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.execute(f"PRAGMA user_version = {LAYOUT_VERSION}")
    db.commit()


def _why(error: OSError | sqlite3.Error) -> str:
    return str(error.strerror if isinstance(error, OSError) and error.strerror else error)


def _refusal(path: Path, why: str, ours: bool | None = None) -> str:
    """One line naming ``path``. Only a file carrying this cache's mark (``ours``) is one to
    delete; a file that is not ours (None: _NotACache) may be the user's own, so the advice is
    another path; False: the path cannot be used at all (a folder, no permission)."""
    if ours:
        return (
            f"the result cache {path} cannot be used ({why}): delete it (it holds only "
            "cached results; its folder follows XDG_CACHE_HOME), or run without --cache"
        )
    what = "is not an extractor cache, left as it is" if ours is None else "cannot be used"
    return (
        f"the result cache {path} {what} ({why}): give the cache a new file path "
        "(cache=PATH, or XDG_CACHE_HOME for --cache), or run without the cache"
    )
