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

    A cache that cannot be opened (not a database, cut short, a folder where the
    file should be, a folder that cannot be made) is a ConfigurationError naming
    it, before any work. One that fails later (a damaged page, a full disk) is a
    cache that misses: said once, and the run goes on paying for its calls.
    """

    def __init__(self, path: Path | str | None = None) -> None:
        self.path = Path(path) if path is not None else default_cache_path()
        self._lock = threading.Lock()
        self._warned = False
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path, check_same_thread=False, timeout=30)
            with self._lock:
                self._db.execute("PRAGMA journal_mode=WAL")
                self._db.execute(
                    "CREATE TABLE IF NOT EXISTS results "
                    "(key TEXT PRIMARY KEY, value TEXT NOT NULL, created REAL NOT NULL)"
                )
                self._db.commit()
        except (OSError, sqlite3.Error) as error:
            why = error.strerror if isinstance(error, OSError) and error.strerror else error
            raise ConfigurationError(
                f"the result cache {self.path} cannot be used ({why}): delete it (it holds "
                "only cached results; its folder follows XDG_CACHE_HOME), or run without --cache"
            ) from None

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
