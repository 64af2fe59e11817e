"""Every way the result cache can fail says its own cause, with advice that is safe (round 56).

Before: a cache another run had locked was called damaged after a 30 s wait, with the
advice "delete it" (losing the results the other run was using); so was a read-only
cache, which could have served its hits; and a lock taken mid-run stalled the event loop
30 s per stored result, with a warning saying to delete the file. Now each failure names
the path and its cause: in use by another process (wait, or another file), read-only
(hits served, one warning that new results are not stored), a folder that cannot be made,
a full disk, a cache of a newer version, a file that is not ours; "delete it" only for a
file carrying the cache's mark that SQLite finds damaged. A result that cannot be stored
because of another process's lock never waits during the run: it is stored later, or is
a miss next time, said once.

Locks are real SQLite locks, taken by a second process or a second connection; read-only
files are real permissions (a process without the override capabilities when the tests
run as root). Nothing here measures time: a wait is caught by a lock holder still holding.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from extractor.cli import app
from extractor.errors import ConfigurationError
from extractor.runtime import cache as cache_module
from extractor.runtime.cache import APPLICATION_ID, ResultCache
from tests.fakes.kano import casualty_responder, kano
from tests.fakes.openai_server import LOOPBACK_ONLY, FakeOpenAI
from tests.logging_support import restored_logging

pytestmark = pytest.mark.block_network(allowed_hosts=LOOPBACK_ONLY)
runner = CliRunner()
ROOT = Path(__file__).resolve().parent.parent
SHORT = 0.05  # seconds a cache under test waits for a lock: a refusal comes quickly
SCRATCH = settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

#: A second process holding an SQLite lock until its stdin closes (or 60 s pass, so that a
#: cache that waited for the lock would see it freed, and its test fail, not hang).
HOLDER = """
import select, sqlite3, sys
db = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=5)
for statement in sys.argv[2:]:
    db.execute(statement)
print("held", flush=True)
select.select([sys.stdin], [], [], 60)
"""


class Holder:
    """Another process that runs ``statements`` on the file and keeps the lock they take."""

    def __init__(self, path: Path, *statements: str) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-c", HOLDER, str(path), *statements],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
        )  # fmt: skip
        assert self.process.stdout is not None
        assert self.process.stdout.readline().strip() == "held"

    def holding(self) -> bool:
        return self.process.poll() is None

    def release(self) -> None:
        if self.process.stdin is not None:
            self.process.stdin.close()
        self.process.wait(timeout=60)
        if self.process.stdout is not None:
            self.process.stdout.close()


@pytest.fixture
def holders() -> Iterator[list[Holder]]:
    made: list[Holder] = []
    yield made
    for holder in made:
        holder.release()


@pytest.fixture
def said(caplog: pytest.LogCaptureFixture) -> Iterator[Callable[[], list[str]]]:
    """The cache's warnings so far."""
    with caplog.at_level(logging.WARNING, logger=cache_module.__name__):
        yield lambda: [r.getMessage() for r in caplog.records if r.name == cache_module.__name__]


def _own_cache(path: Path, entries: dict[str, str]) -> None:
    cache = ResultCache(path)
    for key, value in entries.items():
        cache.put(key, value)
    cache.close()


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


# --- opening: a corpus of failure states, each with the words its cause must be said in ---


def _build(state: str, path: Path, holders: list[Holder], patch: pytest.MonkeyPatch) -> Path:
    """Put ``path`` in ``state``; the path the caller then opens (``path`` unless its folder
    must be a file)."""
    if state == "a folder":
        path.mkdir()
    elif state == "under a file":
        (path.parent / "plain.txt").write_text("x")
        return path.parent / "plain.txt" / "sub" / path.name
    elif state == "not a database":
        path.write_text('{"id": 1}\n')
    elif state in ("another program's database", "a user's database"):
        db = sqlite3.connect(path)
        if state == "a user's database":
            db.execute("CREATE TABLE users (id INTEGER)")
        else:
            db.execute("PRAGMA application_id = 42")
            db.execute("CREATE TABLE results (x)")
        db.commit()
        db.close()
    elif state == "a newer layout":
        _own_cache(path, {"k": "v"})
        db = sqlite3.connect(path)
        db.execute("PRAGMA user_version = 7")
        db.commit()
        db.close()
    elif state == "ours, damaged":
        _own_cache(path, {f"k{n}": "x" * 500 for n in range(40)})
        path.write_bytes(path.read_bytes()[:1500])
    elif state == "being made by another run":
        holders.append(Holder(path, "BEGIN EXCLUSIVE", "CREATE TABLE results (k)"))
    elif state == "ours, locked by a reader of another journal mode":
        _own_cache(path, {"k": "v"})
        holders.append(Holder(path, "PRAGMA journal_mode=DELETE", "BEGIN EXCLUSIVE",
                              "SELECT count(*) FROM results"))  # fmt: skip
    elif state == "a full disk":
        real = cache_module._connect

        def full(where: Path, wait: float) -> sqlite3.Connection:
            db = real(where, wait)
            db.execute("PRAGMA max_page_count = 1")  # no page for the table: SQLITE_FULL
            return db

        patch.setattr(cache_module, "_connect", full)
    else:
        raise AssertionError(state)
    return path


REFUSED = {
    "a folder": "is a folder",
    "under a file": "is a file, not a folder",
    "not a database": "not an extractor cache",
    "another program's database": "another program",
    "a user's database": "other tables",
    "a newer layout": "newer extractor",
    "ours, damaged": "damaged",
    "being made by another run": "in use by another process",
    "ours, locked by a reader of another journal mode": "in use by another process",
    "a full disk": "full",
}


@pytest.mark.parametrize("state", sorted(REFUSED))
def test_a_cache_that_cannot_be_opened_says_its_own_cause_and_safe_advice(
    state: str, tmp_path: Path, holders: list[Holder], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "folder" / "c.sqlite"
    path.parent.mkdir()
    path = _build(state, path, holders, monkeypatch)
    before = _files(tmp_path / "folder")
    with pytest.raises(ConfigurationError) as caught:
        ResultCache(path, lock_wait=SHORT)
    message = str(caught.value)
    assert "\n" not in message and str(path) in message
    assert REFUSED[state] in message, message
    # "delete it" only for the cache's own file that SQLite finds damaged
    assert ("delete" in message) == (state == "ours, damaged"), message
    assert ("damaged" in message) == (state == "ours, damaged"), message
    if state not in ("ours, damaged", "a full disk"):
        assert _files(tmp_path / "folder") == before


def test_a_cache_another_run_is_writing_opens_and_serves_its_hits(
    tmp_path: Path, holders: list[Holder], said: Callable[[], list[str]]
) -> None:
    path = tmp_path / "c.sqlite"
    _own_cache(path, {"a": "1"})
    holders.append(Holder(path, "BEGIN IMMEDIATE", "INSERT INTO results VALUES ('h', 'x', 0)"))
    cache = ResultCache(path, lock_wait=600)  # a wait for the lock would outlast the holder
    assert holders[0].holding()
    assert cache.get("a") == "1" and cache.get("h") is None
    cache.lock_wait = SHORT
    cache.close()
    assert all("delete" not in line and "damaged" not in line for line in said())


# --- read-only: real permissions, in a process that cannot override them ---

READ_ONLY_PROBE = """
import json, logging, sys
sys.path.insert(0, sys.argv[1])
from extractor.errors import ConfigurationError
from extractor.runtime.cache import ResultCache
said = []
class Keep(logging.Handler):
    def emit(self, record): said.append(record.getMessage())
logging.getLogger("extractor.runtime.cache").addHandler(Keep())
out = {}
for path in sys.argv[2:]:
    said.clear()
    try:
        cache = ResultCache(path, lock_wait=0.05)
    except ConfigurationError as error:
        out[path] = {"refused": str(error)}
        continue
    hit = cache.get("a")
    cache.put("new", "2")
    cache.put("newer", "3")
    out[path] = {"hit": hit, "new": cache.get("new"), "said": list(said)}
    cache.close()
    out[path]["said"] = list(said)
print(json.dumps(out))
"""


def _without_override() -> list[str]:
    """A command prefix under which file permissions apply (as root they do not)."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: permissions cannot be made to apply")
    caps = "-dac_override,-dac_read_search"
    return [setpriv, f"--inh-caps={caps}", f"--bounding-set={caps}"]


def test_a_read_only_cache_serves_its_hits_and_says_once_that_new_results_are_not_stored(
    tmp_path: Path,
) -> None:
    prefix = _without_override()
    cases: dict[str, Path] = {}
    for name in ("read-only file", "read-only folder", "old layout, read-only", "unreadable",
                 "new in a read-only folder", "folder in a read-only folder"):  # fmt: skip
        folder = tmp_path / name.replace(" ", "_").replace(",", "")
        folder.mkdir()
        cases[name] = folder / "c.sqlite"
    for name in ("read-only file", "read-only folder", "unreadable"):
        _own_cache(cases[name], {"a": "1"})
    old = sqlite3.connect(cases["old layout, read-only"])
    old.execute("CREATE TABLE results (key TEXT PRIMARY KEY, value TEXT NOT NULL, "
                "created REAL NOT NULL)")  # fmt: skip
    old.execute("INSERT INTO results VALUES ('a', '1', 0)")
    old.commit()
    old.close()
    cases["folder in a read-only folder"] = cases["folder in a read-only folder"].parent / "x" / "c"
    before = {name: path.read_bytes() for name, path in cases.items() if path.is_file()}
    modes = {
        cases["read-only file"]: 0o444,
        cases["old layout, read-only"]: 0o444,
        cases["unreadable"]: 0o000,
        cases["read-only folder"].parent: 0o555,
        cases["new in a read-only folder"].parent: 0o555,
        cases["folder in a read-only folder"].parent.parent: 0o555,
    }
    for where, mode in modes.items():
        where.chmod(mode)
    try:
        done = subprocess.run(
            [*prefix, sys.executable, "-c", READ_ONLY_PROBE, str(ROOT),
             *(str(p) for p in cases.values())],
            capture_output=True, text=True, timeout=300, check=True,
        )  # fmt: skip
    finally:
        for where in modes:
            where.chmod(stat.S_IRWXU)
    out = json.loads(done.stdout)
    for name in ("read-only file", "read-only folder", "old layout, read-only"):
        seen = out[str(cases[name])]
        assert seen.get("hit") == "1", (name, seen)  # hits served
        assert seen["new"] is None or seen["new"] == "2"
        assert len(seen["said"]) == 1, (name, seen)  # one warning, at open, for the whole run
        line = seen["said"][0]
        assert "read-only" in line and str(cases[name]) in line and "not stored" in line
        assert "delete" not in line and "damaged" not in line
    for name in ("unreadable", "new in a read-only folder", "folder in a read-only folder"):
        refused = out[str(cases[name])].get("refused", "")
        assert str(cases[name]) in refused and "Permission denied" in refused, (name, refused)
        assert "delete" not in refused and "damaged" not in refused and "\n" not in refused
    for name, data in before.items():  # not a byte written (SQLite may add its -shm file)
        assert cases[name].read_bytes() == data, name
    for name in ("new in a read-only folder", "folder in a read-only folder"):
        assert not cases[name].exists()


# --- during a run: a lock never stalls the loop; each cause said once, safely ---


def test_a_lock_taken_mid_run_never_makes_a_result_wait(
    tmp_path: Path, holders: list[Holder], said: Callable[[], list[str]]
) -> None:
    path = tmp_path / "c.sqlite"
    cache = ResultCache(path, lock_wait=600)  # a put that waited would outlast the holder
    cache.put("a", "1")
    holders.append(Holder(path, "BEGIN IMMEDIATE", "INSERT INTO results VALUES ('h', 'x', 0)"))
    for n in range(5):
        cache.put(f"b{n}", str(n))
    assert holders[0].holding()  # every put returned while the lock was held
    assert cache.get("a") == "1" and cache.get("b3") == "3"  # still found in this run
    assert said() == []
    cache.lock_wait = SHORT
    cache.close()  # the lock still held: not stored, said once
    lines = said()
    assert len(lines) == 1 and "in use by another process" in lines[0] and str(path) in lines[0]
    assert "delete" not in lines[0] and "damaged" not in lines[0]
    holders.pop().release()
    again = ResultCache(path)
    assert again.get("a") == "1" and again.get("b3") is None  # a miss next time
    again.close()


@SCRATCH
@given(
    steps=st.lists(
        st.one_of(
            st.tuples(st.just("put"), st.sampled_from("abcde"), st.text(max_size=5)),
            st.tuples(st.just("get"), st.sampled_from("abcde"), st.just("")),
            st.tuples(st.sampled_from(["lock", "unlock"]), st.just(""), st.just("")),
        ),
        max_size=25,
    )
)
def test_runs_under_locks_from_a_second_connection_serve_only_what_was_stored(
    steps: list[tuple[str, str, str]], tmp_path: Path, said: Callable[[], list[str]]
) -> None:
    """Puts, gets and another connection taking and releasing the write lock, in any order:
    a get is the value last put or a miss, never another; a put while unlocked is found
    at once; every put is found after reopening or was said to be lost (once); nothing
    says "delete"."""
    path = Path(tempfile.mkdtemp(dir=tmp_path)) / "c.sqlite"
    first = len(said())
    cache = ResultCache(path, lock_wait=SHORT)
    other = sqlite3.connect(path, isolation_level=None, timeout=0, check_same_thread=False)
    model: dict[str, str] = {}
    locked = put_while_locked = False
    for op, key, value in steps:
        if op == "put":
            put_while_locked = put_while_locked or locked
            cache.put(key, value)
            model[key] = value
            assert cache.get(key) == value  # read back in the same run, stored or waiting
        elif op == "get":
            assert cache.get(key) in (None, model.get(key))
        elif op == "lock" and not locked:
            other.execute("BEGIN IMMEDIATE")
            other.execute("INSERT OR REPLACE INTO results VALUES ('zz', 'other', 0)")
            locked = True
        elif op == "unlock" and locked:
            other.execute("ROLLBACK")
            locked = False
    cache.close()
    if locked:
        other.execute("ROLLBACK")
    other.close()
    lines = said()[first:]
    again = ResultCache(path)
    found = {key: again.get(key) for key in model}
    again.close()
    assert all(found[key] in (None, value) for key, value in model.items())
    lost = [key for key, value in model.items() if found[key] is None]
    assert len(lines) <= 1 and (lines or not lost), (lines, lost)  # a loss is said, once
    assert not lines or put_while_locked  # said only when a result met the lock
    assert all("in use by another process" in line and "delete" not in line for line in lines)


def test_a_full_disk_mid_run_is_said_once_and_hits_still_served(
    tmp_path: Path, said: Callable[[], list[str]]
) -> None:
    path = tmp_path / "c.sqlite"
    cache = ResultCache(path, lock_wait=SHORT)
    cache.put("a", "1")
    pages = cache._db.execute("PRAGMA page_count").fetchone()[0]
    cache._db.execute(f"PRAGMA max_page_count = {pages}")  # no room for one more page
    for n in range(4):
        cache.put(f"big{n}", "x" * 100_000)
    assert cache.get("a") == "1" and cache.get("big1") is None
    cache.close()
    lines = said()
    assert len(lines) == 1 and "full" in lines[0] and str(path) in lines[0]
    assert "delete" not in lines[0] and "damaged" not in lines[0]


#: SQLite's result codes (primary and extended) by the cause that must be said.
CODES = {
    "in use by another process": [5, 6, 261, 517, 262],
    "cannot be written": [8, 264, 520, 776, 1032],
    "full": [13],
    "damaged": [11, 26, 267, 522],
    "failed": [10, 266, 778, 1034, 3338],
}


@settings(SCRATCH, max_examples=40)
@given(
    failures=st.lists(
        st.sampled_from([(cause, code) for cause, codes in CODES.items() for code in codes]),
        min_size=1, max_size=8,
    ),
    reads=st.lists(st.booleans(), min_size=8, max_size=8),
)  # fmt: skip
def test_each_failure_mid_run_is_said_once_by_its_cause_and_only_damage_says_delete(
    failures: list[tuple[str, int]], reads: list[bool], tmp_path: Path,
    said: Callable[[], list[str]],
) -> None:  # fmt: skip
    path = Path(tempfile.mkdtemp(dir=tmp_path)) / "c.sqlite"
    first = len(said())
    cache = ResultCache(path, lock_wait=SHORT)
    real = cache._db

    class Failing:
        def __init__(self, code: int) -> None:
            self.code = code

        def execute(self, sql: str, *args: Any) -> Any:
            if sql.startswith("PRAGMA busy_timeout") or sql == "ROLLBACK":
                return real.execute(sql, *args)
            error = sqlite3.OperationalError(f"sqlite failure {self.code}")
            error.sqlite_errorcode = self.code  # type: ignore[attr-defined]
            raise error

        def executemany(self, sql: str, *args: Any) -> Any:
            return self.execute(sql)

        def close(self) -> None:
            real.close()

    for (_, code), reading in zip(failures, reads, strict=False):
        cache._db = Failing(code)  # type: ignore[assignment]
        if reading:
            assert cache.get("never put") is None  # read from the file, not what waits
        else:
            cache.put("k", "v")
    cache._db = real
    cache.lock_wait = 0.0
    cache.close()
    lines = said()[first:]
    expected, read_only = set(), False
    for (cause, _code), reading in zip(failures, reads, strict=False):
        if not reading and read_only:
            continue  # read-only once: no write is tried again, so none fails
        if cause == "in use by another process" and not reading:
            continue  # a write that meets a lock waits for the next one (stored at close)
        if cause == "cannot be written":
            read_only = read_only or not reading
            cause = "cannot be written" if not reading else "cannot be read"
        expected.add(cause)
    assert len(lines) == len(expected), (lines, expected)  # each cause said once
    for cause in expected:
        assert any(cause in line for line in lines), (cause, lines)
    for line in lines:
        assert str(path) in line and "\n" not in line
        assert ("delete" in line) == ("damaged" in line), line


# --- from outside: the CLI with a cache another run holds ---


@pytest.fixture(scope="module")
def server() -> Iterator[FakeOpenAI]:
    with FakeOpenAI(casualty_responder) as fake:
        yield fake


def _bulk(server: FakeOpenAI, home: Path, articles: list[Path], output: Path) -> Any:
    args = ["bulk", *(str(a) for a in articles), "--cache", "--model", "openai/fake",
            "--base-url", server.base_url, "-o", str(output), "--progress", "none"]  # fmt: skip
    with restored_logging():
        return runner.invoke(app, args, env={"XDG_CACHE_HOME": str(home), "OPENAI_API_KEY": "k"})


def test_cli_a_cache_locked_by_another_process_is_in_use_not_damaged(
    server: FakeOpenAI, tmp_path: Path, holders: list[Holder], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache_module, "LOCK_WAIT_SECONDS", SHORT)
    home = tmp_path / "cache"
    file = home / "extractor" / "extractions.sqlite"
    articles = []
    for n in (3, 4):
        articles.append(tmp_path / f"a{n}.txt")
        articles[-1].write_text(kano(n), encoding="utf-8")
    assert _bulk(server, home, articles[:1], tmp_path / "first.jsonl").exit_code == 0
    # another run writing: the run goes on, its hit served, the new result said not stored
    holders.append(Holder(file, "BEGIN IMMEDIATE", "INSERT INTO results VALUES ('h', 'x', 0)"))
    result = _bulk(server, home, articles, tmp_path / "second.jsonl")
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in (tmp_path / "second.jsonl").read_text().splitlines()]
    assert sorted(row["cached"] for row in rows) == [False, True]
    assert "delete" not in result.output and "damaged" not in result.output
    holders.pop().release()
    # another process holding it exclusively: refused before any request, "in use"
    holders.append(Holder(file, "PRAGMA journal_mode=DELETE", "BEGIN EXCLUSIVE",
                          "SELECT count(*) FROM results"))  # fmt: skip
    before = len(server.log)
    result = _bulk(server, home, articles, tmp_path / "third.jsonl")
    assert result.exit_code == 2, result.output
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and str(file) in lines[0] and "in use by another process" in lines[0]
    assert "delete" not in lines[0] and "damaged" not in lines[0]
    assert len(server.log) == before
    assert int.from_bytes(file.read_bytes()[68:72], "big") == APPLICATION_ID


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.tuples(st.sampled_from(["put", "get", "close"]), st.integers(0, 3)),
                min_size=1, max_size=12))  # fmt: skip
def test_a_call_that_outlives_close_is_a_quiet_miss(
    said: Callable[[], list[str]], ops: list[tuple[str, int]]
) -> None:
    """A lookup or a store that comes after ``close()`` (an extraction that outlived the
    run's end, racing it from another thread) is a miss and is dropped without a word: it
    was said as a failed cache ("Cannot operate on a closed database ... check the disk it
    is on"), blaming a disk for the order of two calls. Before close, what is stored is
    found."""
    with tempfile.TemporaryDirectory() as folder:
        cache = ResultCache(Path(folder) / "c.sqlite")
        stored: dict[str, str] = {}
        closed = False
        for op, n in ops:
            key = f"k{n}"
            if op == "put":
                cache.put(key, f"v{n}")
                if not closed:
                    stored[key] = f"v{n}"
            elif op == "get":
                assert cache.get(key) == (None if closed else stored.get(key))
            else:
                cache.close()
                closed = True
        cache.close()
    assert said() == []
