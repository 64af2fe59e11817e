"""Round 41: ``extract_rows`` reads a row's fields by bulk's one rule, and says so as bulk does.

``extract_rows([{"id": "a", "text": T1, "Text": T2}])`` read ``text`` without a word, while
bulk, given the same row as a JSONL line, warns ``'text' is named 2 times ('text', 'Text');
'text' is read``. Both now read a row's fields through
:meth:`~extractor.io.formats.RecordFields.merged` and carry its notes into the line's
``warnings``: generated rows, their fields spelt in any case and with blanks around, some
spelt twice or three times with values or empty, give the same text, title, url, date,
status and warnings through ``extract_rows`` / ``extract_frame`` as through bulk.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from extractor.cli import app
from extractor.integrations import rows as row_api
from extractor.io import InputFailure, Item, iter_inputs
from extractor.pipeline.document import Document
from extractor.runtime.retrying import RetryPolicy
from tests.fakes.openai_server import LOOPBACK_ONLY, FakeOpenAI, named_meeting

pytestmark = pytest.mark.block_network(allowed_hosts=LOOPBACK_ONLY)

SETTINGS = settings(
    max_examples=15,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
CLEAN_ENV: dict[str, str | None] = {
    name: None for name in ("EXTRACTOR_MODEL", "EXTRACTOR_BASE_URL", "EXTRACTOR_API_KEY",
                            "EXTRACTOR_MODE")
}  # fmt: skip
MODEL = "openai/fake-model"
#: The fields compared between the two paths' lines.
COMPARED = ("status", "text", "title", "url", "published", "warnings")


@pytest.fixture(scope="module")
def server() -> Iterator[FakeOpenAI]:
    with FakeOpenAI(named_meeting()) as running:
        yield running


def spellings(field: str) -> st.SearchStrategy[str]:
    """``field`` in any case, with blanks around it or not (``Text``, `` TEXT ``)."""
    cases = st.lists(st.booleans(), min_size=len(field), max_size=len(field)).map(
        lambda upper: "".join(c.upper() if u else c for c, u in zip(field, upper, strict=True))
    )
    pad = st.sampled_from(["", " ", "  "])
    return st.builds(lambda left, name, right: left + name + right, pad, cases, pad)


def _spelt(field: str, most: int) -> st.SearchStrategy[list[str]]:
    return st.lists(spellings(field), min_size=1, max_size=most, unique=True)


@st.composite
def a_row(draw: st.DrawFn, number: int) -> dict[str, Any]:
    """One row: a unique id (another spelling of it empty), a text spelt 1-3 ways (each a
    distinct article, or empty, or null), and a title, url and date spelt 0-2 ways."""
    row: dict[str, Any] = {}
    ids = draw(_spelt("id", 2))
    row[ids[0]] = f"r{number}"
    for extra in ids[1:]:
        row[extra] = ""  # gives way to the spelling holding the id, in both
    for n, name in enumerate(draw(_spelt("text", 3))):
        row[name] = draw(
            st.sampled_from([f"Japan and India met in Tokyo (version {n}).", ""]) | st.just(None)
        )
    for field, values in (
        ("title", ["Talks", "Summit"]),
        ("url", ["https://e.org/a", "https://e.org/b"]),
        ("published", ["2024-05-04", "2023-01-02"]),
    ):
        for name in draw(st.lists(spellings(field), max_size=2, unique=True)):
            row[name] = draw(st.sampled_from(values))
    return row


ROWS = st.integers(1, 4).flatmap(lambda n: st.tuples(*(a_row(k) for k in range(n))).map(list))


def _compared(line: dict[str, Any]) -> dict[str, Any]:
    return {name: line.get(name) for name in COMPARED}


def _bulk_items(rows: list[dict[str, Any]]) -> list[Item]:
    """What bulk's JSONL reader makes of ``rows`` written one a line."""
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "rows.jsonl"
        source.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
        return list(iter_inputs([str(source)]))


def _read(item: Item) -> tuple[Any, ...]:
    if isinstance(item, InputFailure) or not item.text.strip():  # a blank text: an error
        return ("failed", item.doc_id)  # line in both (bulk's reader, the rows' extraction)
    return (item.doc_id, item.text, item.title, item.url, item.published, item.warnings)


def _bulk_lines(
    server: FakeOpenAI, rows: list[dict[str, Any]], *, failing: bool | None = False
) -> dict[str, dict[str, Any]]:
    """A whole bulk run over ``rows`` as a JSONL file: its lines by id (``failing``: some
    documents fail, which bulk's exit status says; None: either)."""
    with tempfile.TemporaryDirectory() as tmp:
        source, out = Path(tmp) / "rows.jsonl", Path(tmp) / "out.jsonl"
        source.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
        command = ["bulk", str(source), "-o", str(out), "--model", MODEL, "--base-url",
                   server.base_url, "--strategy", "single", "--progress", "none"]  # fmt: skip
        result = CliRunner().invoke(app, command, env=CLEAN_ENV)
        expected = (0, 1) if failing is None else (1 if failing else 0,)
        assert result.exit_code in expected, result.output
        lines = [json.loads(text) for text in out.read_text(encoding="utf-8").splitlines()]
    return {line["doc_id"]: line for line in lines}


def _rows_lines(server: FakeOpenAI, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = row_api.extract_rows(
        rows, model=MODEL, base_url=server.base_url, strategy="single",
        retry_policy=RetryPolicy(attempts=1),
    )  # fmt: skip
    return [json.loads(row["line"]) for row in out]


@settings(SETTINGS, max_examples=100)
@given(rows=ROWS)
def test_a_row_is_read_as_bulks_jsonl_reader_reads_it(rows: list[dict[str, Any]]) -> None:
    """The same id, text, title, url and date chosen and the same warnings (the notes of
    :meth:`RecordFields.merged` first), or both fail, for rows spelt in any case/spacing."""
    for row, item in zip(rows, _bulk_items(rows), strict=True):
        assert _read(row_api.row_item(row)) == _read(item), row


@SETTINGS
@given(rows=ROWS)
def test_extract_rows_says_what_bulk_says(server: FakeOpenAI, rows: list[dict[str, Any]]) -> None:
    """Through ``extract_rows`` against the fake server: the text bulk reads, and bulk's
    reading notes first in the line's warnings (the extraction's own follow, alike)."""
    for row, item, line in zip(rows, _bulk_items(rows), _rows_lines(server, rows), strict=True):
        if isinstance(item, InputFailure):
            assert line["status"] == "error", (row, line)
            continue
        assert line["text"] == item.text, row
        assert line["warnings"][: len(item.warnings)] == list(item.warnings), (row, line)


#: Rows whose fields are spelt as spreadsheets and merged exports spell them.
SPELT = [
    {"id": "a", "text": "Japan and India met in Tokyo.", "Text": "France and Germany met."},
    {"ID": "b", " text ": "", "TEXT": "India and Japan met.", "Title": "Talks", "URL": "https://e.org/b"},
    {" id ": "c", "Text": "France and India met.", "PUBLISHED": "2024-05-04", " title ": "1984"},
    {"id": "", "Id": "d", "text": "Japan and France met.", "tExt": "x", "teXt": ""},
]  # fmt: skip


def test_extract_rows_lines_are_bulks_lines(server: FakeOpenAI) -> None:
    """A whole bulk run and ``extract_rows`` over the same rows: the same lines' fields."""
    bulk = _bulk_lines(server, SPELT)
    lines = _rows_lines(server, SPELT)
    assert [line["doc_id"] for line in lines] == ["a", "b", "c", "d"]
    for line in lines:
        assert _compared(line) == _compared(bulk[line["doc_id"]]), line
    note = "'text' is named 2 times ('text', 'Text'); 'text' is read"
    assert lines[0]["text"] == SPELT[0]["text"] and lines[0]["warnings"][0] == note


def test_extract_frame_says_a_field_spelt_twice(server: FakeOpenAI) -> None:
    import pandas as pd

    frame = pd.DataFrame({"id": ["a"], "text": [""], " TEXT ": ["India and Japan met."]})
    out = row_api.extract_frame(frame, model=MODEL, base_url=server.base_url, strategy="single")
    line = json.loads(out["line"].iloc[0])
    assert line["text"] == "India and Japan met.", line
    assert line["warnings"][0] == "'text' is named 2 times ('text', ' TEXT '); ' TEXT ' is read"


# ------------------------------------------- round 41 (G): text, title, url, date by one rule

#: Titles bulk cleans: empty, runs of spaces, blanks around, a number (its digits).
TITLES = ["", "  ", "Talks  in   Tokyo", " Summit ", "1984", 1984, 2.5, "Plain"]
#: Published values: dates, a datetime, a date gone wrong, no date at all, a number, empty.
DATES = ["2024-05-04", "2024-05-04T10:00:00Z", "2024-13-01", "2023-02-30", "yesterday",
         "May 4, 2024", "", "   ", 20240101, None]  # fmt: skip
#: Texts: an article, one starting with a dateline, blank ones, none.
TEXTS = ["Japan and India met in Tokyo.", "WASHINGTON, January 30, 2026 - Japan and India met.",
         "31-5-2023 (YANGON) India and France met.", "", "   ", None]  # fmt: skip
_ABSENT = object()  # a field the row does not have


@st.composite
def a_plain_row(draw: st.DrawFn, number: int) -> dict[str, Any]:
    """A row whose title, url, date and text are any of the kinds the readers differed on,
    each present or absent."""
    row: dict[str, Any] = {"id": f"r{number}"}
    for field, values in (
        ("text", TEXTS), ("title", TITLES), ("published", DATES),
        ("url", ["https://e.org/a", "", " "]),
    ):  # fmt: skip
        value = draw(st.sampled_from([*values, _ABSENT]))
        if value is not _ABSENT:
            row[field] = value
    return row


PLAIN_ROWS = st.integers(1, 4).flatmap(
    lambda n: st.tuples(*(a_plain_row(k) for k in range(n))).map(list)
)


def _fields(item: Item) -> tuple[Any, ...]:
    """What a line takes of an item: a document's fields and warnings, or the failure's
    reason (strictly: a blank text is a reading failure on both paths, with bulk's reason)."""
    if isinstance(item, InputFailure):
        return ("failed", item.doc_id, item.error)
    return (item.doc_id, item.text, item.title, item.url, item.published, item.warnings)


@settings(SETTINGS, max_examples=200)
@given(rows=PLAIN_ROWS)
def test_a_rows_fields_are_read_by_bulks_one_rule(rows: list[dict[str, Any]]) -> None:
    """Empty, spaced and numeric titles, valid and invalid date strings, null, empty and
    missing texts, texts opening with a dateline: ``row_item`` gives the fields, warnings
    or failure reason bulk's JSONL reader gives the same object (before: an empty title
    was "" in rows, a bad date the row's error, a dateline not read)."""
    for row, item in zip(rows, _bulk_items(rows), strict=True):
        assert _fields(row_api.row_item(row)) == _fields(item), row


def test_a_published_date_object_is_a_date() -> None:
    """A frame's Timestamps, ``datetime.date``, ``datetime`` and numpy ``datetime64`` are
    dates (their day), NaT and NaN are no date (no warning), a string follows bulk's rule."""
    import datetime

    import numpy as np
    import pandas as pd

    day = datetime.date(2024, 5, 4)
    for value in (
        day, datetime.datetime(2024, 5, 4, 23, 59), pd.Timestamp("2024-05-04 10:00"),
        np.datetime64("2024-05-04T10:00:00.123456789"), np.datetime64("2024-05-04"),
    ):  # fmt: skip
        item = row_api.row_item({"id": "a", "text": "Japan met India.", "published": value})
        assert isinstance(item, Document) and item.published == day, value
        assert item.warnings == (), value
    for gap in (pd.NaT, np.datetime64("NaT"), float("nan"), pd.NA, None):
        item = row_api.row_item({"id": "a", "text": "Japan met India.", "published": gap})
        assert isinstance(item, Document) and item.published is None and not item.warnings
    frame = pd.DataFrame(
        {"id": ["a", "b"], "text": ["Japan met India.", "India met Japan."],
         "published": pd.to_datetime(["2024-05-04", None]), "title": ["Talks", None]}
    )  # fmt: skip
    items = [row_api.row_item(row) for row in frame.to_dict("records")]
    assert [(i.published, i.title, i.warnings) for i in items if isinstance(i, Document)] == [
        (day, "Talks", ()), (None, None, ()),
    ]  # fmt: skip


#: One row of each kind the two paths differed on.
DIFFERED = [
    {"id": "t1", "text": "Japan and India met in Tokyo.", "title": ""},
    {"id": "t2", "text": "Japan and India met in Tokyo.", "title": "Talks   in  Tokyo"},
    {"id": "t3", "text": "Japan and India met in Tokyo.", "title": 1984},
    {"id": "d1", "text": "Japan and India met in Tokyo.", "published": "2024-13-01"},
    {"id": "d2", "text": "WASHINGTON, January 30, 2026 - Japan and India met."},
    {"id": "n1", "text": None},
    {"id": "n2", "text": ""},
    {"id": "n3"},
]


def test_extract_rows_lines_are_bulks_lines_for_what_differed(server: FakeOpenAI) -> None:
    """Through ``extract_rows`` and a whole bulk run: the same fields, warnings, status and
    error message for each row that differed."""
    bulk = _bulk_lines(server, DIFFERED, failing=True)
    lines = _rows_lines(server, DIFFERED)
    assert [line["doc_id"] for line in lines] == [row["id"] for row in DIFFERED]
    for line in lines:
        twin = bulk[line["doc_id"]]
        assert _compared(line) == _compared(twin), line
        message = (line.get("error") or {}).get("message")
        assert message == (twin.get("error") or {}).get("message"), (line, twin)
    assert lines[3]["warnings"][0] == "field 'published' is not a date ('2024-13-01'); ignored"
    assert lines[4]["published"] == "2026-01-30" and lines[0]["title"] is None


# ------------------------------- round 47: rows repeating an id, with its text or another

#: Texts the fake model names a meeting in: an id may come back with its text or another.
REPEAT_TEXTS = ["Japan and India met in Tokyo.", "France and Germany met in Paris."]


@settings(SETTINGS, max_examples=12)
@given(
    rows=st.lists(
        st.tuples(st.sampled_from(["7", "8"]), st.sampled_from(REPEAT_TEXTS)),
        min_size=2,
        max_size=6,
    )
)
def test_extract_rows_names_repeats_and_copies_as_bulk_does(
    server: FakeOpenAI, rows: list[tuple[str, str]]
) -> None:
    """Rows repeating an id: bulk writes the first row of each (id, text) as that document,
    another text under the id as ``<id>#duplicate-<n>``, and a row repeating both as the
    same document again (one line). ``extract_rows`` gives each row the line bulk holds
    for it: a repeat gets its first copy's result (before: a ``#duplicate-N`` error), and
    the document is extracted once."""
    given_rows = [{"id": doc_id, "text": text} for doc_id, text in rows]
    bulk = _bulk_lines(server, given_rows, failing=None)
    before = len(server.requests)
    lines = _rows_lines(server, given_rows)
    assert len(server.requests) - before == sum(
        1 for line in bulk.values() if line["status"] == "ok"
    )
    assert {line["doc_id"] for line in lines} == set(bulk)
    for line in lines:
        assert _compared(line) == _compared(bulk[line["doc_id"]]), line


@settings(SETTINGS, max_examples=12)
@given(texts=st.lists(st.sampled_from(REPEAT_TEXTS), min_size=2, max_size=6))
def test_rows_without_ids_repeating_a_text_are_that_document_again(
    server: FakeOpenAI, texts: list[str]
) -> None:
    """A row without an id is keyed by its text: a later row with the same text is that
    document again, as bulk reads it (a document, never an error): it gets its first copy's
    result, and each text is extracted once (before: "duplicate id: this copy was not
    extracted", though the user gave no id)."""
    before = len(server.requests)
    lines = _rows_lines(server, [{"text": text} for text in texts])
    assert len(server.requests) - before == len(set(texts))
    assert [line["status"] for line in lines] == ["ok"] * len(texts), lines
    first: dict[str, dict[str, Any]] = {}
    for text, line in zip(texts, lines, strict=True):
        assert line["text"] == text
        assert _compared(line) == _compared(first.setdefault(text, line))


@settings(SETTINGS, max_examples=12)
@given(
    rows=st.lists(
        st.tuples(
            st.sampled_from(REPEAT_TEXTS),
            st.sampled_from([None, "2024-01-02", "2024-03-04"]),
            st.sampled_from([None, "A title", "Another"]),
        ),
        min_size=2,
        max_size=6,
    )
)
def test_rows_without_ids_sharing_a_text_but_not_a_date_or_title_are_documents_of_their_own(
    server: FakeOpenAI, rows: list[tuple[str, str | None, str | None]]
) -> None:
    """Without an id, a row is its text and what it says of it: the same text with another
    date or title is another document (its own date anchors its own relative dates), named
    by its turn as bulk names an id-less repeat; a row repeating all of it is extracted
    once, but its line has a name of its own all the same (two rows, two lines: round 59).
    Every row's line carries its own date and title; no line is an error."""
    given_rows = []
    for text, published, title in rows:
        row: dict[str, Any] = {"text": text}
        if published:
            row["published"] = published
        if title:
            row["title"] = title
        given_rows.append(row)
    before = len(server.requests)
    lines = _rows_lines(server, given_rows)
    assert len(server.requests) - before == len(set(rows))
    assert [line["status"] for line in lines] == ["ok"] * len(rows), lines
    for (text, published, title), line in zip(rows, lines, strict=True):
        assert (line["text"], line["published"], line["title"]) == (text, published, title)
    names = {line["doc_id"]: (line["text"], line["published"], line["title"]) for line in lines}
    assert len(names) == len(rows)  # one name per row: a copy is never merged away
