"""Round 43: one rule for a result line's identity (``is_doc_id``).

A result's ``doc_id`` is a string that is not blank (:func:`extractor.blank.is_blank`). A line
whose ``doc_id`` is blank (``""``, spaces, NBSP, a zero-width space, a BOM, a Hangul filler, a
control ...) is no result to any reader: flatten and view count it a bad line (never a table
row, never a document's card), ``results_to_frame`` refuses it as any dict that is no result,
eval names it, and bulk reading an output holding one says the output is damaged. A doc_id of
odd but visible characters is a result to all of them alike. ``null`` stays an anonymous
result (not tested again here).
"""

from __future__ import annotations

import csv
import io
import json
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractor.blank import is_blank
from extractor.errors import ConfigurationError, InputError
from extractor.evaluation.run import read_lines
from extractor.export.flatten import csv_text, flatten_csv
from extractor.export.frames import results_to_frame
from extractor.export.viewer import JsonlDocuments
from extractor.io.output import (
    JsonlWriter,
    is_doc_id,
    is_result,
    latest_lines,
    open_output,
)
from extractor.io.readers import iter_inputs

QUOTE = "President A of France met President B."
#: One of each class :func:`is_blank` calls blank: spaces (incl. NBSP, line separator),
#: controls, format characters (ZWSP, BOM, U+180E), a variation selector, the combining
#: grapheme joiner, Hangul fillers, the braille blank.
BLANK_CHARS = " \t\n\r\x0b\x0c\u00a0\u2028\u3000\x00\x1b\x7f\x85\u200b\u200d\u2060\ufeff\u180e" \
    "\ufe0f\u034f\u115f\u1160\u3164\uffa0\u2800"  # fmt: skip

blank_ids = st.text(alphabet=st.sampled_from(BLANK_CHARS), max_size=6)
#: Visible text, maybe wrapped in blank characters: an odd id, but an id.
odd_ids = st.builds(
    lambda before, core, after: before + core + after,
    st.text(alphabet=st.sampled_from(BLANK_CHARS), max_size=2),
    st.text(st.characters(categories=["L", "N", "P", "S"]), min_size=1, max_size=8).filter(
        lambda core: not is_blank(core)  # a Hangul filler is a letter (Lo) drawn as nothing
    ),
    st.text(alphabet=st.sampled_from(" \u00a0\u200b"), max_size=2),
)


def _line(doc_id: Any, n: int = 0) -> dict[str, Any]:
    return {
        "doc_id": doc_id, "status": "ok", "source": f"{n}.txt", "records": [], "counts": {},
        "usage": {"prompt_tokens": 1, "completion_tokens": 1}, "error": None, "text": QUOTE,
        "text_sha256": None,
    }  # fmt: skip


@contextmanager
def _file(lines: list[dict[str, Any]], *, whole: bool = False) -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "out.jsonl"
        if whole:  # one JSON document (an array of results), as extract's JSON is read
            path.write_text(json.dumps(lines, indent=1), encoding="utf-8")
        else:
            path.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
        yield path


def _documents_csv(path: Path) -> tuple[list[dict[str, str]], list[int]]:
    out = io.StringIO()
    summary = flatten_csv(path, out, "documents")
    return list(csv.DictReader(io.StringIO(out.getvalue()))), summary.bad_lines


def _view(path: Path) -> tuple[list[str], list[int], int]:
    reader = JsonlDocuments(path)
    shown = [document.doc_id for document in reader if document.status != "error"]
    return shown, reader.bad_lines, reader.documents


@given(blank=blank_ids)
def test_the_rule_is_is_blank(blank: str) -> None:
    assert is_blank(blank)
    assert not is_doc_id(blank)
    assert not is_result(_line(blank))


@given(blank=blank_ids, whole=st.booleans())
def test_flatten_and_view_count_a_blank_doc_id_as_a_bad_line(blank: str, whole: bool) -> None:
    with _file([_line("good"), _line(blank, 1)], whole=whole) as path:
        rows, bad = _documents_csv(path)
        assert [row["doc_id"] for row in rows] == ["good"]
        assert bad == [2]
        shown, bad_view, documents = _view(path)
        assert shown == ["good"]  # no card under an invisible id
        assert bad_view == [2]
        assert documents == 1
        cards = [d for d in JsonlDocuments(path) if d.status == "error"]
        assert len(cards) == 1 and "doc_id is blank" in (cards[0].error or "")


@given(blank=blank_ids)
def test_a_blank_doc_id_is_no_line_of_latest_lines(blank: str) -> None:
    with _file([_line("good"), _line(blank, 1)]) as path:
        bad: list[int] = []
        kept = list(latest_lines(path, on_bad_line=lambda n, _raw: bad.append(n)))
        assert [line["doc_id"] for line in kept] == ["good"]
        assert bad == [2]


@given(blank=blank_ids, carried=st.booleans())
def test_results_to_frame_refuses_a_blank_doc_id(blank: str, carried: bool) -> None:
    given_result: dict[str, Any] = _line(blank)
    if carried:  # a result row of extract_rows carries its line as JSON text
        given_result = {"doc_id": "x", "status": "ok", "line": json.dumps(given_result)}
    with pytest.raises(TypeError, match="doc_id is blank"):
        results_to_frame([_line("good"), given_result], "documents")


@given(blank=blank_ids, whole=st.booleans())
def test_eval_names_a_blank_doc_id(blank: str, whole: bool) -> None:
    with (
        _file([_line("good"), _line(blank, 1)], whole=whole) as path,
        pytest.raises(InputError, match=r"(line|entry) 2 .*its doc_id is blank"),
    ):
        read_lines(path)


@given(blank=blank_ids, first=st.booleans())
def test_bulk_says_an_output_with_a_blank_doc_id_is_damaged(blank: str, first: bool) -> None:
    lines = [_line(blank, 1), _line("good")] if first else [_line("good"), _line(blank, 1)]
    lines.append(_line("last", 2))
    with _file(lines) as path:
        before = path.read_bytes()
        with pytest.raises(ConfigurationError, match=r"line [12] has a blank doc_id.*damaged"):
            open_output(path)
        assert path.read_bytes() == before  # refused untouched


@given(doc_id=odd_ids, whole=st.booleans())
def test_an_odd_visible_doc_id_is_a_result_to_every_reader(doc_id: str, whole: bool) -> None:
    assert is_doc_id(doc_id)
    with _file([_line("good"), _line(doc_id, 1)], whole=whole) as path:
        rows, bad = _documents_csv(path)
        expected = ["good"] if doc_id == "good" else ["good", doc_id]
        assert [row["doc_id"] for row in rows] == [csv_text(x) for x in expected]
        assert bad == []
        shown, bad_view, documents = _view(path)
        assert (shown, bad_view, documents) == (expected, [], len(expected))
        assert [line["doc_id"] for line in read_lines(path)] == expected
        frame = results_to_frame([_line("good"), _line(doc_id, 1)], "documents")
        assert list(frame["doc_id"]) == expected
        if not whole:
            with open_output(path) as output:
                assert set(output.done) == set(expected)


@given(
    names=st.lists(
        st.text(alphabet=st.sampled_from(BLANK_CHARS.replace("\x00", "")), min_size=1, max_size=3),
        min_size=1,
        max_size=3,
        unique=True,
    ),
    suffix=st.sampled_from(["", ".txt"]),
)
def test_a_file_with_a_blank_name_gets_an_id_that_is_not_blank(
    names: list[str], suffix: str
) -> None:
    """A bulk run never writes a blank doc_id: a file called " " or U+200B in the folder given
    (whose relative path would be its id) is named by its path, as a file given alone is, so
    that the run's output resumes (bulk refuses an output with a blank doc_id as damaged)."""
    with tempfile.TemporaryDirectory() as folder:
        for name in names:
            (Path(folder) / (name + suffix)).write_text(QUOTE, encoding="utf-8")
        ids = [item.doc_id for item in iter_inputs(folder)]
    assert len(ids) == len(names)
    assert not any(is_blank(doc_id) for doc_id in ids), ids
    assert len(set(ids)) == len(ids)


@given(blank=blank_ids)
def test_the_writer_refuses_a_blank_doc_id(blank: str) -> None:
    """What the writer writes, bulk reads back: a blank doc_id is refused before it is written."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "out.jsonl"
        with JsonlWriter(path) as writer:
            writer.write(_line("good"))
            with pytest.raises(ValueError, match="not blank"):
                writer.write(_line(blank, 1))
        with open_output(path) as output:
            assert set(output.done) == {"good"}
