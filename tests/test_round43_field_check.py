"""Round 43: the misnamed-text-field check, whatever the order of the tables; bad lines
and id-less rows (content-keyed sources) are rows of their table; repeats counted apart
(hostile round 43, findings 2, 3, 5).

Invariants, tested with generated tables:

* every checked table is checked on its own first rows, whatever came before it: a run
  over tables with and without the text field is refused (one line, exit 2) whatever
  their order, with the message naming the table that lacks it, and nothing of a
  refused table is let through (nor written); a table holding the field is read exactly
  as the readers give it;
* a row keyed by its content (a line that is no JSON, an id-less row: ``<table>#<hash>``)
  is a row of its table: held with the others, neither having nor lacking the field, so
  bad lines anywhere among a misnamed table's rows never reach the output;
* a repeat (the same id and text read again) writes no line and is counted as
  ``repeated``, never as ``unchanged``: on a fresh output and on a rerun alike.
"""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from extractor.bulk.runner import InputOptions
from extractor.cli import app
from extractor.errors import UnusedField
from extractor.io import InputFailure, iter_inputs
from extractor.io.field_check import FIELD_CHECK_ROWS
from extractor.pipeline.document import Document
from tests.fakes.kano import EMPTY
from tests.fakes.openai_server import LOOPBACK_ONLY, FakeOpenAI, static

runner = CliRunner()
WORDS = st.sampled_from(["President A met B.", "Talks in Paris.", "x", "Kano, Friday"])
BAD = st.sampled_from(["{bad", "[1, 2", "not json at all", '{"id": "q", '])


@st.composite
def table_lines(draw: st.DrawFn, *, holds: bool, tag: str) -> list[str]:
    """A JSONL table's lines: 1..12 rows with or without "body" (ids or none), and up
    to 4 lines that are no JSON at random places among them."""
    rows = []
    for n in range(draw(st.integers(1, 12))):
        row: dict[str, Any] = {"id": f"{tag}{n}"} if draw(st.booleans()) else {}
        row["body" if holds else "text_"] = f"{draw(WORDS)} ({tag} {n})"
        rows.append(json.dumps(row))
    for _ in range(draw(st.integers(0, 4))):
        rows.insert(draw(st.integers(0, len(rows))), draw(BAD))
    return rows


@st.composite
def runs(draw: st.DrawFn) -> list[tuple[str, bool, list[str]]]:
    """1..4 tables (name, holds the field, lines), at least one lacking the field."""
    count = draw(st.integers(1, 4))
    lacking = draw(st.integers(0, count - 1))
    return [
        (f"t{n}", n != lacking, draw(table_lines(holds=n != lacking, tag=f"t{n}_")))
        for n in range(count)
    ]


def _write(folder: Path, name: str, lines: list[str]) -> Path:
    path = folder / f"{name}.jsonl"
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def _table_of(item: Any, paths: list[Path]) -> Path | None:
    return next((path for path in paths if (item.source or "").startswith(str(path))), None)


@settings(max_examples=60)
@given(tables=runs(), order=st.randoms(use_true_random=False))
def test_any_order_of_tables_is_refused_alike_and_nothing_of_the_refused_one_passes(
    tables: list[tuple[str, bool, list[str]]], order: Any
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        paths = {name: _write(Path(folder), name, lines) for name, _, lines in tables}
        refused = next(paths[name] for name, holds, _ in tables if not holds)
        with pytest.raises(UnusedField) as alone:
            list(InputOptions(text_field="body").read([str(refused)]))
        names = [name for name, _, _ in tables]
        order.shuffle(names)
        given_paths = [paths[name] for name in names]
        passed: list[Any] = []
        with pytest.raises(UnusedField) as caught:
            for item in InputOptions(text_field="body").read([str(p) for p in given_paths]):
                passed.append(item)
        assert str(caught.value) == str(alone.value)  # the same message, wherever it stands
        assert refused.name in str(caught.value)
        assert all(_table_of(item, given_paths) != refused for item in passed)
        before = given_paths[: given_paths.index(refused)]
        expected = [item for path in before for item in iter_inputs([str(path)], text_field="body")]
        assert passed == expected  # every table before it is read exactly as the readers give it


@settings(max_examples=40)
@given(lines=table_lines(holds=False, tag="r"), holding=table_lines(holds=True, tag="h"))
def test_bad_lines_among_a_misnamed_tables_rows_are_held_with_them(
    lines: list[str], holding: list[str]
) -> None:
    """Content-keyed failures (bad JSON, id-less rows) are rows of their table: refused
    with it, before it or after a table holding the field; a table holding the field with
    bad lines among its rows is read as the readers give it."""
    with tempfile.TemporaryDirectory() as folder:
        bad = _write(Path(folder), "bad", lines)
        good = _write(Path(folder), "good", holding)
        plain = list(iter_inputs([str(good)], text_field="body"))
        assert list(InputOptions(text_field="body").read([str(good)])) == plain
        for paths in ([bad], [bad, good], [good, bad]):
            passed: list[Any] = []
            with pytest.raises(UnusedField, match=r"^text_field 'body': .*bad\.jsonl"):
                for item in InputOptions(text_field="body").read([str(p) for p in paths]):
                    passed.append(item)
            assert all(_table_of(item, [bad]) is None for item in passed)
            assert passed == (plain if paths[0] == good else [])


# ------------------------------------------------------------------ the command


def _bulk(server: FakeOpenAI, *args: str) -> Any:
    base = ["--model", "openai/fake-model", "--base-url", server.base_url]
    return runner.invoke(app, ["bulk", *args, *base, "--strategy", "single", "--progress", "none"])


def _lines(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.mark.block_network(allowed_hosts=LOOPBACK_ONLY)
@settings(max_examples=8, suppress_health_check=[HealthCheck.too_slow])
@given(lines=table_lines(holds=False, tag="r"), holding=table_lines(holds=True, tag="h"))
def test_a_refused_table_is_one_line_and_exit_2_before_or_after_lines_are_written(
    lines: list[str], holding: list[str]
) -> None:
    with tempfile.TemporaryDirectory() as folder, FakeOpenAI(static(EMPTY)) as server:
        bad = _write(Path(folder), "bad", lines)
        good = _write(Path(folder), "good", holding)
        for n, paths in enumerate(([bad, good], [good, bad])):
            out = Path(folder) / f"out{n}.jsonl"
            result = _bulk(server, *map(str, paths), "-o", str(out), "--text-field", "body")
            assert result.exit_code == 2, result.output
            errors = [line for line in result.output.splitlines() if "error" in line]
            assert errors and errors[0].startswith("extractor: error: --text-field 'body': ")
            assert "bad.jsonl" in errors[0]
            written = _lines(out)  # whole lines, none of the refused table
            assert not [line for line in written if str(bad) in (line.get("source") or "")]
            if paths[0] == bad:
                assert not out.exists()
        # corrected: the refused table left out, the lines written stay and are skipped
        summary = Path(folder) / "s.json"
        result = _bulk(server, str(good), "-o", str(out), "--text-field", "body",
                       "--summary-json", str(summary))  # fmt: skip
        assert result.exit_code in (0, 1), result.output
        counts = json.loads(summary.read_text(encoding="utf-8"))
        assert counts["unchanged"] == len(written)


@st.composite
def repeated_rows(draw: st.DrawFn) -> tuple[list[str], int, int]:
    """JSONL lines with unique ids, then copies (same id, same text) of some at random
    later places: (lines, documents, repeats)."""
    count = draw(st.integers(1, 6))
    rows = [json.dumps({"id": f"d{n}", "text": f"{draw(WORDS)} ({n})"}) for n in range(count)]
    lines = list(rows)
    copies = draw(st.lists(st.integers(0, count - 1), max_size=5))
    for index in copies:
        after = lines.index(rows[index]) + 1
        lines.insert(draw(st.integers(after, len(lines))), rows[index])
    return lines, count, len(copies)


@pytest.mark.block_network(allowed_hosts=LOOPBACK_ONLY)
@settings(max_examples=8, suppress_health_check=[HealthCheck.too_slow])
@given(case=repeated_rows())
def test_repeats_are_counted_apart_on_a_fresh_output_and_a_rerun(
    case: tuple[list[str], int, int],
) -> None:
    lines, documents, repeats = case
    with tempfile.TemporaryDirectory() as folder, FakeOpenAI(static(EMPTY)) as server:
        path = _write(Path(folder), "rows", lines)
        out, summary = Path(folder) / "out.jsonl", Path(folder) / "s.json"
        for unchanged, written in ((0, documents), (documents, 0)):  # fresh, then a rerun
            result = _bulk(server, str(path), "-o", str(out), "--summary-json", str(summary))
            assert result.exit_code == 0, result.output
            counts = json.loads(summary.read_text(encoding="utf-8"))
            assert (counts["documents"], counts["unchanged"], counts["repeated"]) == (
                written, unchanged, repeats
            )  # fmt: skip
            assert len(_lines(out)) == documents
            said = f"{repeats:,} repeated (the same document read again: one line)"
            assert (said in result.output) == bool(repeats), result.output
            assert f"; {unchanged:,} unchanged (already in the output)" in result.output


def test_a_row_is_held_with_its_table_whatever_its_source_is_keyed_by() -> None:
    """The example of finding 3: two bad lines, then rows lacking the field."""
    with tempfile.TemporaryDirectory() as folder:
        rows = [json.dumps({"id": f"r{n}", "body": "x"}) for n in range(5)]
        path = _write(Path(folder), "bad2", ["{bad", "{bad", *rows])
        items = InputOptions(text_field="bdoy").read([str(path)])
        with pytest.raises(UnusedField, match=r"bad2\.jsonl"):
            next(items)
        kinds = {type(item) for item in iter_inputs([str(path)], text_field="bdoy")}
        assert kinds == {InputFailure} and Document not in kinds
        assert len(rows) + 2 < FIELD_CHECK_ROWS


@settings(max_examples=60)
@given(
    bad=st.lists(BAD, max_size=60),
    lacking=st.integers(1, 30),
    held=st.sampled_from([FIELD_CHECK_ROWS + 5, 1_000]),
    data=st.data(),
)
def test_lines_that_say_nothing_never_switch_the_check_off(
    bad: list[str], lacking: int, held: int, data: st.DataObject
) -> None:
    """However many lines that are no JSON stand among (or atop) a table's rows, a table
    whose rows all lack the field is refused, its message counting those rows only
    (before: 20 bad lines atop it filled the window and let every row through as an
    error line). Past FIELD_CHECK_HELD held lines the check still refuses the table."""
    rows = [json.dumps({"id": f"r{n}", "text_": "Talks in Paris."}) for n in range(lacking)]
    lines = list(rows)
    for line in bad:
        lines.insert(data.draw(st.integers(0, len(lines))), line)
    with tempfile.TemporaryDirectory() as folder:
        path = _write(Path(folder), "t", lines)
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr("extractor.io.field_check.FIELD_CHECK_HELD", held)
            passed: list[Any] = []
            with pytest.raises(UnusedField) as caught:
                for item in InputOptions(text_field="body").read([str(path)]):
                    passed.append(item)
        said = re.search(r"the only row|none of the (?:first )?([0-9]+) rows", str(caught.value))
        assert said is not None, caught.value
        counted = int(said.group(1) or 1)  # rows lacking the field, never the bad lines
        if len(lines) <= held:
            assert counted == min(lacking, FIELD_CHECK_ROWS)
        else:  # refused among the first `held` lines: the rows lacking it there
            assert 1 <= counted <= min(lacking, FIELD_CHECK_ROWS)
        assert all(isinstance(item, InputFailure) and item.text_field is None for item in passed)
