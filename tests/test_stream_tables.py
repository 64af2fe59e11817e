"""A table piped in whose header lacks the text column is a table, refused by the field
check, never one article made of its rows (hostile round 45, finding 2).

Before, a nameless stream (``bulk -``, ``<(...)``) was taken for a CSV only when its header
named the text column: ``id,body`` rows piped in were sent to the model whole, as one
article, while the same rows in ``rows.csv`` were refused with a message naming the field.

Invariants, tested with generated tables and texts:

* a head whose first line is two or more bare column names split by one delimiter, with
  every row below holding as many cells (one row when the header names a field the run
  reads, two otherwise), is a CSV whatever the delimiter and cells: ``bulk -`` refuses it in
  one line naming ``--text-field``, exit 2, writing nothing;
* a text whose first line is a sentence (words with spaces between them) is a text.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from extractor.cli import app
from extractor.io.readers import stream_suffix
from tests.corpus_support import nameless_pipe

runner = CliRunner()
#: Column names: bare words, never the text field's.
NAMES = st.from_regex(r"[A-Za-z][A-Za-z0-9_]{0,11}", fullmatch=True).filter(
    lambda name: name.casefold() != "text"
)
KNOWN = st.sampled_from(["id", "ID", "published", "title", "url"])
WORDS = st.sampled_from(["talks", "in", "Paris,", "met", "the", "minister", "said;", "|x"])
CELLS = st.one_of(
    st.lists(WORDS, min_size=1, max_size=8).map(" ".join),
    st.integers(0, 10**6).map(str),
    st.just(""),
)


@st.composite
def tables(draw: st.DrawFn) -> tuple[bytes, str]:
    """A CSV (its bytes, its delimiter) whose header lacks the text column."""
    names = draw(st.lists(st.one_of(NAMES, KNOWN), min_size=2, max_size=5, unique_by=str.casefold))
    delimiter = draw(st.sampled_from([",", ";", "\t", "|"]))
    known = any(name.casefold() in {"id", "published", "title", "url"} for name in names)
    count = draw(st.integers(1 if known else 2, 6))
    out = io.StringIO()
    quoting = draw(st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL]))  # "id","body" too
    writer = csv.writer(
        out, delimiter=delimiter, quoting=quoting,
        lineterminator=draw(st.sampled_from(["\n", "\r\n"])),
    )  # fmt: skip
    writer.writerow(names)
    for _ in range(count):
        row = draw(st.lists(CELLS, min_size=len(names), max_size=len(names)))
        if not any(cell.strip() for cell in row):
            row[0] = "x"  # a row of blanks is no row
        writer.writerow(row)
    return out.getvalue().encode(), delimiter


@given(table=tables())
def test_a_table_lacking_the_text_column_is_sniffed_as_a_table(table: tuple[bytes, str]) -> None:
    raw, _ = table
    assert stream_suffix(raw) == ".csv", raw


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(table=tables())
def test_bulk_refuses_such_a_table_piped_in_and_writes_nothing(
    table: tuple[bytes, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("EXTRACTOR_MODEL", "EXTRACTOR_BASE_URL", "EXTRACTOR_API_KEY"):
        monkeypatch.delenv(name, raising=False)
    out = tmp_path / "out.jsonl"
    out.unlink(missing_ok=True)
    raw, delimiter = table
    header = next(csv.reader(io.StringIO(raw.decode()), delimiter=delimiter))
    with nameless_pipe(raw) as stream:  # as `bulk -` or <(...) reads one
        result = runner.invoke(
            app, ["bulk", stream, "-o", str(out), "--model", "openai/m",
                  "--base-url", "http://127.0.0.1:9/v1", "--dry-run"],
        )  # fmt: skip
    assert result.exit_code == 2, result.output
    message = [line for line in result.output.splitlines() if "error:" in line]
    assert len(message) == 1 and "--text-field 'text'" in message[0], result.output
    keys = message[0].partition("(their keys: ")[2].partition(")")[0].casefold().split(", ")
    assert sorted(keys) == sorted(name.casefold() for name in header), message  # what it has
    assert not out.exists()


SENTENCE = st.lists(WORDS, min_size=3, max_size=12).map(" ".join)


@given(
    first=SENTENCE,
    paragraphs=st.lists(SENTENCE, max_size=6),
    newline=st.sampled_from(["\n", "\r\n", "\n\n"]),
)
def test_a_text_opening_with_a_sentence_is_a_text(
    first: str, paragraphs: list[str], newline: str
) -> None:
    raw = newline.join([first, *paragraphs]).encode()
    assert stream_suffix(raw) == ".txt", raw
