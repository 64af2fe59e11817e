"""``flatten -o`` a name that is not UTF-8 writes it, or refuses it in one line (round 46, B).

``extractor flatten out.jsonl -o $'\\xff.duckdb'`` was DuckDB's ``std::bad_cast``
traceback: DuckDB takes file names as UTF-8 only. Every output kind (a DuckDB file,
a Parquet folder, a CSV folder, one CSV file) is given generated names holding bytes
no UTF-8 decodes (the name, its folder, or both), written afresh and again over the
earlier output: each is written under exactly those bytes and holds the rows, or is
refused in one line naming it, exit 2. Where DuckDB cannot be given the name another
way (no ``/proc/self/fd``), the refusal is what is left.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from extractor.cli import app
from extractor.export import flatten as flatten_module
from extractor.redact import clean_surrogates

runner = CliRunner()
duckdb = pytest.importorskip("duckdb")
pytest.importorskip("pyarrow")

LINE = json.dumps({"doc_id": "a", "status": "ok", "source": "a", "records": [], "counts": {},
                   "usage": {}, "error": None}) + "\n"  # fmt: skip
#: Name stems: bytes that are not UTF-8 on their own, among ASCII letters.
stems = st.lists(
    st.sampled_from([b"a", b"z", b"\xff", b"\xe9", b"\x80", b"\xc3", b"%FF"]),
    min_size=1,
    max_size=4,
).map(b"".join)
#: suffix -> the extra options that kind needs
KINDS = {b".duckdb": [], b".ddb": [], b".db": [], b".parquet": [], b"": [],
         b".csv": ["--table", "documents"]}  # fmt: skip


def _documents_rows(path: bytes, suffix: bytes) -> int:
    """The rows of the documents table written at ``path``, read through a UTF-8 copy."""
    with tempfile.TemporaryDirectory() as folder:
        if suffix in (b".duckdb", b".ddb", b".db"):
            copy = os.path.join(folder, "copy.duckdb")
            shutil.copyfile(path, copy)
            with duckdb.connect(copy, read_only=True) as connection:
                return int(connection.execute("select count(*) from documents").fetchone()[0])
        if suffix == b".csv":
            return len(Path(os.fsdecode(path)).read_text(encoding="utf-8").splitlines()) - 1
        table = os.path.join(path, b"documents.parquet")
        copy = os.path.join(folder, "documents.parquet")
        shutil.copyfile(table, copy)
        return int(duckdb.sql(f"select count(*) from '{copy}'").fetchall()[0][0])


def _flatten(source: Path, target: bytes, options: list[str]) -> tuple[int, bytes, str]:
    result = runner.invoke(app, ["flatten", str(source), "-o", os.fsdecode(target), *options])
    return result.exit_code, result.stdout_bytes, result.stderr


@settings(
    max_examples=30,
    deadline=None,
    database=None,
)
@given(
    stem=stems,
    folder=st.one_of(st.none(), stems),
    suffix=st.sampled_from(sorted(KINDS)),
    proc=st.booleans(),
)
def test_every_output_kind_writes_a_name_that_is_not_utf8_or_refuses_it_in_one_line(
    stem: bytes, folder: bytes | None, suffix: bytes, proc: bool
) -> None:
    with pytest.MonkeyPatch.context() as patch, tempfile.TemporaryDirectory() as work:
        if not proc:  # a system without /proc/self/fd: DuckDB gets no other name for it
            patch.setattr(flatten_module, "_FD_FOLDER", "/nonexistent/fd")
        source = Path(work) / "out.jsonl"
        source.write_text(LINE, encoding="utf-8")
        parent = os.fsencode(work) if folder is None else os.path.join(os.fsencode(work), folder)
        target = os.path.join(parent, stem + suffix)
        os.makedirs(parent, exist_ok=True)  # (one CSV file is not written into a new folder)
        for attempt in ("new", "again"):  # the second replaces the first's output
            code, out, err = _flatten(source, target, KINDS[suffix])
            assert "Traceback" not in err and "bad_cast" not in err, err
            if code == 2:  # refused: one line naming the output (escaped); the earlier kept
                assert not proc and suffix in (b".duckdb", b".ddb", b".db"), (attempt, err)
                line = err.strip()
                assert len(line.splitlines()) == 1 and "not UTF-8" in line, err
                assert clean_surrogates(os.fsdecode(target)) in line, err
                break
            assert code == 0, (attempt, err)
            assert any(line.startswith(target) for line in out.splitlines()), out
            assert _documents_rows(target, suffix) == 1
        left = [name for _, _, files in os.walk(parent) for name in files if name.endswith(b".tmp")]
        assert not left  # no temporary file stays behind


def test_an_existing_database_of_someone_else_under_such_a_name_is_kept(tmp_path: Path) -> None:
    source = tmp_path / "out.jsonl"
    source.write_text(LINE, encoding="utf-8")
    target = os.path.join(os.fsencode(tmp_path), b"\xff.duckdb")
    with duckdb.connect(str(tmp_path / "theirs.duckdb")) as connection:
        connection.execute("create table mine as select 1 as a")
    os.replace(tmp_path / "theirs.duckdb", target)
    before = Path(os.fsdecode(target)).read_bytes()
    code, _, err = _flatten(source, target, [])
    assert code == 2 and "(mine)" in err and len(err.strip().splitlines()) == 1, err
    assert Path(os.fsdecode(target)).read_bytes() == before


def test_the_bytes_of_a_posix_command_line_reach_the_database(tmp_path: Path) -> None:
    """As the tester ran it: the name as bytes in argv, not a str made in Python."""
    source = tmp_path / "out.jsonl"
    source.write_text(LINE, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "extractor", "flatten", "out.jsonl", "-o", b"\xff.duckdb"],
        cwd=tmp_path, capture_output=True, check=False, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert _documents_rows(os.path.join(os.fsencode(tmp_path), b"\xff.duckdb"), b".duckdb") == 1
