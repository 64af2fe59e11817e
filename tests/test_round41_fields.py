"""Round 41: a field option that no row holds (hostile round 40, repro3_typo_field.sh).

Invariants, tested with generated names and tables:

* a blank field name (empty or only spaces) is a ValueError naming the option where the
  fields are made (``RecordFields``, ``InputOptions``, ``iter_inputs``), and a usage error
  (one line, exit 2) on the command line, before anything is read;
* a text field that none of the first rows of the first table holds stops the reading
  with ``UnusedField`` before any of that table's rows is let through (a run writes
  nothing, its dry run says the same line); one that some of them hold is read exactly
  as before (a row lacking it is that row's error); units that are no rows (text files)
  are never refused;
* a rerun with the right field extracts every row.
"""

from __future__ import annotations

import csv
import json
import string
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from extractor.bulk.runner import InputOptions
from extractor.cli import app
from extractor.errors import UnusedField
from extractor.io import InputFailure, iter_inputs
from extractor.io.field_check import FIELD_CHECK_ROWS
from extractor.io.formats import RecordFields
from tests.fakes.kano import EMPTY
from tests.fakes.openai_server import LOOPBACK_ONLY, FakeOpenAI, static

runner = CliRunner()
ROLES = ("id", "text", "date", "title")
KEYS = ("id", "body", "title", "lang")  # what the generated rows use; the text is "body"
TAKEN = {*KEYS, "text", "published", "url"}
WORDS = st.sampled_from(["President A met B.", "Talks in Paris.", "x", "Kano, Friday"])

blanks = st.text(alphabet=" \t\n\u00a0", max_size=3)
misnamed = st.text(alphabet=string.ascii_lowercase + "_", min_size=1, max_size=8).filter(
    lambda name: name not in TAKEN
)


def _rows(draw: st.DrawFn, count: int, *, body: bool) -> list[dict[str, Any]]:
    rows = []
    for n in range(count):
        row: dict[str, Any] = {"id": f"r{n}"}
        if body:
            row["body"] = draw(WORDS)
        for key in ("title", "lang"):
            if draw(st.booleans()):
                row[key] = draw(WORDS)
        rows.append(row)
    return rows


@st.composite
def tables(draw: st.DrawFn) -> tuple[str, list[dict[str, Any]]]:
    """A JSONL or CSV table of 1..30 rows whose text is under "body"."""
    count = draw(st.integers(1, FIELD_CHECK_ROWS + 10))
    return draw(st.sampled_from(["jsonl", "csv"])), _rows(draw, count, body=True)


def _write(folder: Path, fmt: str, rows: list[dict[str, Any]], name: str = "rows") -> Path:
    path = folder / f"{name}.{fmt}"
    if fmt == "jsonl":
        path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    else:
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, fieldnames=KEYS)
            writer.writeheader()
            writer.writerows(rows)
    return path


# ------------------------------------------------------------------ blank names


@given(role=st.sampled_from(ROLES), blank=blanks)
def test_a_blank_field_name_is_refused_where_the_fields_are_made(role: str, blank: str) -> None:
    option = f"{role}_field"
    with pytest.raises(ValueError, match=f"^{option} "):
        RecordFields(**{role: blank})
    with pytest.raises(ValueError, match=f"^{option} "):
        InputOptions(**{option: blank})  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=f"^{option} "):
        iter_inputs(["."], **{option: blank})


@settings(max_examples=25)  # each runs the command
@given(role=st.sampled_from(ROLES), blank=blanks, dry=st.booleans())
def test_a_blank_field_option_is_a_usage_error(role: str, blank: str, dry: bool) -> None:
    with tempfile.TemporaryDirectory() as folder:
        table = _write(Path(folder), "jsonl", [{"id": "a", "body": "x"}])
        out = Path(folder) / "out.jsonl"
        args = ["bulk", str(table), "-o", str(out), f"--{role}-field", blank]
        args += ["--model", "openai/m", "--base-url", "http://127.0.0.1:9/v1"]
        result = runner.invoke(app, [*args, *(["--dry-run"] if dry else [])])
        assert result.exit_code == 2, result.output
        lines = result.output.strip().splitlines()
        assert len(lines) == 1 and f"--{role}-field" in lines[0], result.output
        assert not out.exists()


# ------------------------------------------------------------------ a misnamed text field


def _read(options: InputOptions, paths: list[Path]) -> Iterator[Any]:
    return options.read([str(path) for path in paths])


@given(table=tables(), name=misnamed)
def test_a_text_field_no_row_holds_stops_before_any_row(
    table: tuple[str, list[dict[str, Any]]], name: str
) -> None:
    fmt, rows = table
    with tempfile.TemporaryDirectory() as folder:
        path = _write(Path(folder), fmt, rows)
        items = _read(InputOptions(text_field=name), [path])
        with pytest.raises(UnusedField) as caught:
            next(items)  # nothing is let through before the refusal
        message = str(caught.value)
        assert message.startswith(f"text_field {name!r}: ") and path.name in message
        assert "body" in message  # the keys the rows do use are shown
        assert "\n" not in message


@st.composite
def partly_named(draw: st.DrawFn) -> list[dict[str, Any]]:
    """JSONL rows under a field some of the first rows hold (the rest lack it)."""
    count = draw(st.integers(1, FIELD_CHECK_ROWS + 10))
    rows = _rows(draw, count, body=False)
    holding = draw(st.sets(st.integers(0, min(count, FIELD_CHECK_ROWS) - 1), min_size=1))
    for n in holding:
        rows[n]["body"] = draw(WORDS)
    for row in rows[FIELD_CHECK_ROWS:]:
        if draw(st.booleans()):
            row["body"] = draw(WORDS)
    return rows


@given(rows=partly_named())
def test_a_text_field_some_rows_hold_is_read_as_before(rows: list[dict[str, Any]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = _write(Path(folder), "jsonl", rows)
        checked = list(_read(InputOptions(text_field="body"), [path]))
        plain = list(iter_inputs([str(path)], text_field="body"))
        assert checked == plain
        lacking = [item for item in plain if isinstance(item, InputFailure)]
        assert len(lacking) == sum("body" not in row for row in rows)


@given(texts=st.integers(1, 4), name=misnamed, table=st.booleans())
def test_text_files_are_never_refused(texts: int, name: str, table: bool) -> None:
    """A folder of text files, alone or beside a table that holds the field."""
    with tempfile.TemporaryDirectory() as folder:
        for n in range(texts):
            (Path(folder) / f"{n}.txt").write_text(f"Article {n}.", encoding="utf-8")
        if table:
            path = Path(folder) / "rows.jsonl"
            path.write_text(json.dumps({"id": "r", name: "A text."}) + "\n", encoding="utf-8")
        checked = list(_read(InputOptions(text_field=name), [Path(folder)]))
        assert checked == list(iter_inputs([folder], text_field=name))
        assert len(checked) == texts + table


@given(name=misnamed)
def test_a_table_lacking_the_field_after_one_holding_it_is_refused_too(name: str) -> None:
    """Each table is checked on its own (round 43): one that held the field says nothing
    of the next, so a later table lacking it is refused, nothing of it let through."""
    with tempfile.TemporaryDirectory() as folder:
        first = Path(folder) / "a.jsonl"
        first.write_text(json.dumps({"id": "a", name: "A text."}) + "\n", encoding="utf-8")
        _write(Path(folder), "csv", [{"id": "b", "body": "Another."}], name="b")
        passed = []
        with pytest.raises(UnusedField, match=r"b\.csv"):
            for item in _read(InputOptions(text_field=name), [Path(folder)]):
                passed.append(item)
        assert [type(item).__name__ for item in passed] == ["Document"]


# ------------------------------------------------------------------ the command


@pytest.mark.block_network(allowed_hosts=LOOPBACK_ONLY)
def test_the_typo_run_writes_nothing_and_the_corrected_rerun_extracts_every_row(
    tmp_path: Path,
) -> None:
    rows = [{"id": f"r{n}", "body": f"President A met B in Paris, meeting {n}."} for n in range(40)]
    (tmp_path / "c5").mkdir()
    _write(tmp_path / "c5", "jsonl", rows)
    out = tmp_path / "out.jsonl"
    with FakeOpenAI(static(EMPTY)) as server:
        args = ["bulk", str(tmp_path / "c5"), "-o", str(out), "--model", "openai/fake-model"]
        args += ["--base-url", server.base_url, "--strategy", "single", "--progress", "none"]
        for dry in ([], ["--dry-run"]):
            result = runner.invoke(app, [*args, "--text-field", "bdoy", *dry])
            assert result.exit_code == 2, result.output
            line = result.output.strip()
            assert line.startswith("extractor: error: --text-field 'bdoy': none of the first")
            assert "rows.jsonl" in line and "(their keys: id, body)" in line
            assert len(line.splitlines()) == 1
            assert not out.exists()
        assert not [r for r in server.requests if "chat" in str(r)]  # nothing was asked
        result = runner.invoke(app, [*args, "--text-field", "body"])
        assert result.exit_code == 0, result.output
    written = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert sorted(line["doc_id"] for line in written) == sorted(row["id"] for row in rows)
    assert {line["status"] for line in written} == {"ok"}


@given(texts=st.integers(0, 3), table=tables())
def test_with_the_default_field_only_a_table_named_as_an_input_is_refused(
    texts: int, table: tuple[str, list[dict[str, Any]]]
) -> None:
    """No row holds "text" (the default): a table found in a folder (a metadata CSV beside
    the articles) is read as before, its rows each an error line; the same table named as
    an input is refused, as a chosen field is wherever its table is found."""
    fmt, rows = table
    with tempfile.TemporaryDirectory() as folder:
        for n in range(texts):
            (Path(folder) / f"{n}.txt").write_text(f"Article {n}.", encoding="utf-8")
        path = _write(Path(folder), fmt, rows)
        found = list(_read(InputOptions(), [Path(folder)]))
        assert found == list(iter_inputs([folder]))
        assert sum(isinstance(item, InputFailure) for item in found) == len(rows)
        with pytest.raises(UnusedField, match=r"^text_field 'text': "):
            next(_read(InputOptions(), [path]))
        with pytest.raises(UnusedField, match=r"^text_field 'body_': "):
            list(_read(InputOptions(text_field="body_"), [Path(folder)]))


@given(nulls=st.integers(1, FIELD_CHECK_ROWS + 5), good=st.integers(0, 3), chosen=st.booleans())
def test_a_field_present_but_null_is_the_rows_error_not_a_misnamed_field(
    nulls: int, good: int, chosen: bool
) -> None:
    """Rows holding the field with a null value use the field: each is its own error line
    ("field 'body' is null"), the rows after them are read, nothing is refused."""
    name = "body" if chosen else "text"
    rows: list[dict[str, Any]] = [{"id": f"n{n}", name: None} for n in range(nulls)]
    rows += [{"id": f"g{n}", name: f"Article {n}."} for n in range(good)]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "rows.jsonl"
        path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
        items = list(_read(InputOptions(text_field=name), [path]))
    failures = [item for item in items if isinstance(item, InputFailure)]
    assert len(items) == nulls + good and len(failures) == nulls
    assert all(item.error.endswith(f"field {name!r} is null") for item in failures)
