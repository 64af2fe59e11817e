"""The result cache never touches a file that is not its own (round 41).

``cache=PATH`` (or ``--cache`` at the XDG path) may name a file the user owns: their JSONL
results, ``/etc/passwd``, their application's SQLite database. Such a file is refused in one
line naming it, advising a new path (never "delete it"), and its bytes stay as they were:
no ``results`` table added, no switch to WAL. The cache's own file (marked when made, or
the exact layout an earlier version made) opens as before; an empty file is a new cache;
"delete it" is said only of a damaged file that carries the cache's mark. A yes/no string
(``cache="no"``) is refused instead of becoming a database file named ``no``.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from extractor.cli import app
from extractor.errors import ConfigurationError
from extractor.pipeline.engine import Extractor
from extractor.runtime.cache import APPLICATION_ID, ResultCache
from tests.fakes.kano import casualty_responder, kano
from tests.fakes.openai_server import LOOPBACK_ONLY, FakeOpenAI

pytestmark = pytest.mark.block_network(allowed_hosts=LOOPBACK_ONLY)
runner = CliRunner()
SCRATCH = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
OLD_LAYOUT = (
    "CREATE TABLE IF NOT EXISTS results "
    "(key TEXT PRIMARY KEY, value TEXT NOT NULL, created REAL NOT NULL)"
)

names = st.from_regex(r"[a-z_][a-z0-9_]{0,11}", fullmatch=True).filter(
    lambda n: not n.startswith("sqlite_")
)
tables = st.dictionaries(names, st.lists(names, min_size=1, max_size=3, unique=True), min_size=1,
                         max_size=3)  # fmt: skip


@st.composite
def foreign_files(draw: st.DrawFn) -> tuple[str, Any]:
    """What a user's file at the cache path may be: bytes, text, or their own database."""
    return draw(
        st.one_of(
            st.binary(min_size=1, max_size=300).map(lambda b: ("bytes", b)),
            st.binary(max_size=300).map(lambda b: ("bytes", b"SQLite format 3\x00" + b)),
            st.lists(
                st.dictionaries(names, st.one_of(st.text(max_size=20), st.integers())),
                min_size=1, max_size=5,
            ).map(lambda rows: ("bytes", "".join(json.dumps(r) + "\n" for r in rows).encode())),
            st.tuples(tables, st.booleans(), st.booleans()).map(lambda t: ("sqlite", t)),
        )
    )  # fmt: skip


def _build_sqlite(path: Path, spec: tuple[dict[str, list[str]], bool, bool]) -> None:
    """A database of the user's: random tables (with a row each), maybe in WAL mode, maybe
    also holding a table laid out exactly as the cache's own ``results``."""
    layout, wal, with_results = spec
    db = sqlite3.connect(path)
    if wal:
        db.execute("PRAGMA journal_mode=WAL")
    for table, columns in layout.items():
        if table == "results":
            continue
        quoted = ", ".join(f'"{c}"' for c in columns)
        db.execute(f'CREATE TABLE "{table}" ({quoted})')
        db.execute(f'INSERT INTO "{table}" VALUES ({", ".join("?" for _ in columns)})',
                   [1] * len(columns))  # fmt: skip
    if with_results or not any(t != "results" for t in layout):
        db.execute(OLD_LAYOUT)
        if not any(t != "results" for t in layout):
            db.execute("CREATE TABLE users (id INTEGER)")
    db.commit()
    db.close()


def _state(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}


@SCRATCH
@given(foreign=foreign_files(), named=st.sampled_from(["c.sqlite", "my_results.jsonl", "db"]))
def test_a_file_that_is_not_the_cache_is_refused_and_left_as_it_is(
    foreign: tuple[str, Any], named: str, tmp_path: Path
) -> None:
    folder = Path(tempfile.mkdtemp(dir=tmp_path))
    path = folder / named
    how, detail = foreign
    if how == "bytes":
        path.write_bytes(detail)
    else:
        _build_sqlite(path, detail)
    before = _state(folder)
    with pytest.raises(ConfigurationError) as caught:
        ResultCache(path)
    message = str(caught.value)
    assert str(path) in message and "\n" not in message
    assert "delete" not in message and "new file path" in message
    assert _state(folder) == before


@settings(SCRATCH, max_examples=10)
@given(keys=st.dictionaries(st.text(min_size=1, max_size=8), st.text(max_size=30), max_size=6))
def test_the_cache_s_own_file_old_or_new_or_empty_opens_and_keeps_its_entries(
    keys: dict[str, str], tmp_path: Path
) -> None:
    folder = Path(tempfile.mkdtemp(dir=tmp_path))
    old = folder / "old.sqlite"  # made by an earlier, unmarked version of the cache
    db = sqlite3.connect(old)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute(OLD_LAYOUT)
    db.executemany("INSERT INTO results VALUES (?, ?, 0)", list(keys.items()))
    db.commit()
    db.close()
    empty = folder / "empty.sqlite"
    empty.write_bytes(b"")
    for path in (old, empty, folder / "new.sqlite"):
        cache = ResultCache(path)
        if path != old:
            for key, value in keys.items():
                cache.put(key, value)
        cache.close()
        assert int.from_bytes(path.read_bytes()[68:72], "big") == APPLICATION_ID
        again = ResultCache(path)  # marked now: opens as its own
        assert all(again.get(key) == value for key, value in keys.items())
        again.close()


def test_a_damaged_file_with_the_cache_s_mark_is_one_to_delete(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite"
    cache = ResultCache(path)
    for n in range(40):
        cache.put(f"k{n}", "x" * 500)
    cache.close()
    path.write_bytes(path.read_bytes()[:1500])
    with pytest.raises(ConfigurationError, match="delete it") as caught:
        ResultCache(path)
    assert str(path) in str(caught.value)


@given(
    word=st.sampled_from(["yes", "no", "true", "false", "on", "off", "y", "n", "1", "0"]),
    case=st.sampled_from([str.lower, str.upper, str.title]),
    pad=st.sampled_from(["", " "]),
)
@settings(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_a_yes_no_string_is_not_a_cache_path(
    word: str, case: Any, pad: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ConfigurationError, match="cache= takes True or False") as caught:
        Extractor(model="openai/x", base_url="http://127.0.0.1:9/v1", api_key="k",
                  cache=pad + case(word))  # fmt: skip
    assert f"./{case(word)}" in str(caught.value)
    assert list(tmp_path.iterdir()) == []


def test_a_file_really_named_yes_is_given_as_dot_slash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Extractor(
        model="openai/x", base_url="http://127.0.0.1:9/v1", api_key="k", cache="./yes"
    ).close()
    assert (tmp_path / "yes").is_file()


@pytest.mark.parametrize("command", ["extract", "bulk"])
def test_cli_refuses_a_user_database_at_the_cache_path_and_leaves_it(
    command: str, tmp_path: Path
) -> None:
    home = tmp_path / "cache"
    file = home / "extractor" / "extractions.sqlite"
    file.parent.mkdir(parents=True)
    _build_sqlite(file, ({"users": ["id", "name"]}, True, False))
    before = _state(file.parent)
    article = tmp_path / "a.txt"
    article.write_text(kano(4), encoding="utf-8")
    output = tmp_path / "out.jsonl"
    with FakeOpenAI(casualty_responder) as server:
        args = [command, str(article), "--cache", "--model", "openai/fake", "--base-url",
                server.base_url, "-o", str(output)]  # fmt: skip
        args += ["--progress", "none"] if command == "bulk" else ["-f", "jsonl"]
        result = runner.invoke(app, args, env={"XDG_CACHE_HOME": str(home), "OPENAI_API_KEY": "k"})
        assert server.log == []
    assert result.exit_code == 2, result.output
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and str(file) in lines[0] and "not an extractor cache" in lines[0]
    assert "delete" not in lines[0]
    assert _state(file.parent) == before
