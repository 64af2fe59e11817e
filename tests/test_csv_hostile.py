"""The CSV reader against a hostile tester's files: nothing read wrong, nothing lost silently.

Five classes of file, each generated (hypothesis) rather than written out:

* rows with more cells than the header (unquoted delimiters in prose);
* blank and whitespace-only lines above the header (and between rows);
* headers written with a space after the delimiter (``id; text``);
* files in UTF-8, UTF-8 with BOM, UTF-16 and UTF-32 (LE and BE, by their BOM);
* unbalanced quotes, closing on a later line or never.

Everything goes through the public entry point, :func:`extractor.io.readers.iter_inputs`,
from a file or a nameless pipe; one case runs ``extractor bulk`` against the fake server.
The rules tested are the readers' docstrings (:func:`extractor.io.readers._csv_rows`,
``_fit_row``, ``_dialect``, ``_reads_as_row``).
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from extractor.cli import app
from extractor.io.formats import RecordFields
from extractor.io.output import latest_lines
from extractor.io.readers import InputFailure, Item, _quote_spans, _Tape, iter_inputs
from extractor.pipeline.document import Document
from tests.corpus_support import read_items
from tests.fakes.kano import kano
from tests.fakes.openai_server import LOOPBACK_ONLY, FakeOpenAI

HYPOTHESIS = settings(
    max_examples=40,
    deadline=None,
    database=None,  # nothing written into the working tree
    derandomize=True,  # the same files on every run: a failure is reproducible
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
DELIMITERS = [",", ";", "\t", "|"]
#: Prose: letters and spaces, never a digit or a hyphen (so never shaped like a row id).
WORDS = st.text(alphabet="abcdefghij klmnop", min_size=1, max_size=12).map(lambda s: f"w{s}q")
BLANKS = st.lists(st.sampled_from(["", " ", "\t", "  \t ", "   "]), max_size=4)
CLEAN_ENV: dict[str, str | None] = {
    name: None for name in ("EXTRACTOR_MODEL", "EXTRACTOR_BASE_URL", "EXTRACTOR_API_KEY",
                            "EXTRACTOR_MODE")
}  # fmt: skip


# ------------------------------------------------------------------ helpers


read = read_items


def documents(items: list[Item]) -> dict[str, Document]:
    """The items by id, all of them Documents (a failure fails the test, naming itself)."""
    failures = [item for item in items if not isinstance(item, Document)]
    assert not failures, failures
    docs = {item.doc_id: item for item in items if isinstance(item, Document)}
    assert len(docs) == len(items), "two items share an id"
    return docs


def written(rows: list[list[str]], delimiter: str = ",", newline: str = "\n") -> str:
    """Rows as a well-formed CSV writer writes them."""
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=delimiter, lineterminator=newline).writerows(rows)
    return buffer.getvalue()


def quoted(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


# ------------------------------------------------- 1. more cells than columns


@HYPOTHESIS
@given(
    layout=st.sampled_from(["text", "id,text", "text,note", "id,text,published"]),
    rows=st.lists(
        st.tuples(st.lists(WORDS, min_size=1, max_size=4), st.integers(0, 2)),
        min_size=1,
        max_size=5,
    ),
)
def test_cells_past_the_header_are_never_dropped_silently(
    layout: str, rows: list[tuple[list[str], int]]
) -> None:
    """A text with unquoted commas splits into more cells than the header has columns. A
    one-column text file keeps each line whole (no comma in it can be a delimiter); a text
    column that is the last one takes the rest back, with a warning; otherwise the dropped
    cells are named in a warning with their line. Trailing empty cells hold nothing and
    pass without one."""
    header = layout.split(",")
    lines = [layout]
    expected: dict[str, tuple[str, str | None]] = {}  # id: (text, warning prefix)
    for number, (pieces, trailing) in enumerate(rows):
        line_no = len(lines) + 1
        prose = ", ".join(pieces)
        cells = {"id": f"r{number}", "text": prose, "note": "n", "published": "2024-01-02"}
        line = ",".join(cells[column] for column in header) + "," * trailing
        lines.append(line)
        count = len(header) + len(pieces) - 1  # cells read, trailing empty ones not counted
        extra = len(pieces) - 1
        prefix = f"line {line_no}: {count} cells for {len(header)} columns; the {extra} cell(s)"
        if layout == "text":
            expected[f"#{line_no}"] = (prose, None)
        elif layout == "id,text":
            expected[f"r{number}"] = (prose, prefix if extra else None)
        else:
            expected[f"#{line_no}" if "id" not in header else f"r{number}"] = (
                pieces[0],
                prefix if extra else None,
            )
    items = read(("\n".join(lines) + "\n").encode())
    assert len(items) == len(rows)  # one item per row, whatever its cells
    for item, (key, (text, said)) in zip(items, expected.items(), strict=True):
        assert isinstance(item, Document), item
        if key.startswith("r"):
            assert item.doc_id == key
        if layout in ("text", "id,text"):
            assert item.text == text  # the whole text, commas and all
        else:
            assert item.text.startswith(text)
        overflow = [w for w in item.warnings if "cells for" in w]
        if said is None:
            assert not overflow, item.warnings
        else:
            (warning,) = overflow
            assert warning.startswith(said), (warning, said)
            assert ("rest of its text" if layout == "id,text" else "dropped") in warning


def test_the_testers_one_column_file_keeps_the_whole_line() -> None:
    (item,) = read(b"text\nHello, world, again\n")
    assert isinstance(item, Document) and item.text == "Hello, world, again"


# ------------------------------------------- 2. blank lines above the header


@HYPOTHESIS
@given(
    delimiter=st.sampled_from(DELIMITERS),
    columns=st.permutations(["id", "text", "title"]),
    above=BLANKS,
    between=st.lists(BLANKS, min_size=5, max_size=5),
    texts=st.lists(
        st.text(alphabet='ab ,;|\t"\n', min_size=1, max_size=25).map(lambda s: f"x{s}"),
        min_size=1,
        max_size=5,
    ),
    newline=st.sampled_from(["\n", "\r\n"]),
    bom=st.booleans(),
    piped=st.booleans(),
)
def test_blank_lines_above_the_header_change_nothing(
    delimiter: str,
    columns: list[str],
    above: list[str],
    between: list[list[str]],
    texts: list[str],
    newline: str,
    bom: bool,
    piped: bool,
) -> None:
    """Blank and whitespace-only lines before the header (and between rows) are no rows and
    do not decide the delimiter: the first line that is not blank is the header."""
    body = "".join(line + newline for line in above) + written([columns], delimiter, newline)
    for number, text in enumerate(texts):
        cells = {
            "id": f"row-{number}",
            "text": text,
            "title": f"T{delimiter.strip() or ';'}{number}",
        }
        body += written([[cells[column] for column in columns]], delimiter, newline)
        body += "".join(line + newline for line in between[number])
    data = (codecs.BOM_UTF8 if bom else b"") + body.encode()
    docs = documents(read(data, piped=piped))
    assert {doc_id: (doc.text, doc.title, doc.warnings) for doc_id, doc in docs.items()} == {
        f"row-{number}": (text, f"T{delimiter.strip() or ';'}{number}", ())
        for number, text in enumerate(texts)
    }


def test_the_testers_semicolon_file_after_a_blank_line() -> None:
    docs = documents(read(b"\n\n  \nid;text\n1;Hello, world\n"))
    assert {doc_id: doc.text for doc_id, doc in docs.items()} == {"1": "Hello, world"}


# --------------------------------------- 3. spaces after the header's delimiter


@HYPOTHESIS
@given(
    delimiter=st.sampled_from(DELIMITERS),
    columns=st.permutations(["id", "text", "title"]),
    spaces=st.lists(st.integers(0, 3), min_size=3, max_size=3).filter(lambda s: any(s[1:])),
    padding=st.lists(st.integers(0, 3), min_size=9, max_size=9),
    texts=st.lists(
        st.text(alphabet='ab ,;|\t"', min_size=0, max_size=20).map(lambda s: f"x{s}y"),
        min_size=1,
        max_size=3,
    ),
    piped=st.booleans(),
)
def test_a_header_with_spaces_after_its_delimiter(
    delimiter: str,
    columns: list[str],
    spaces: list[int],
    padding: list[int],
    texts: list[str],
    piped: bool,
) -> None:
    """``id; text``: the delimiter is found, the names read without their spaces, and the
    space after each delimiter in a row is layout: a quoted cell after it is read as quoted
    (its delimiters inside), and no cell keeps that space."""
    header = delimiter.join(
        " " * n + name + " " * (n % 2) for n, name in zip(spaces, columns, strict=True)
    )
    lines = [header]
    for number, text in enumerate(texts):
        cells = {"id": f"r{number}", "text": quoted(text), "title": quoted(f"T {number}")}
        pad = padding[3 * number : 3 * number + 3]
        lines.append(
            delimiter.join(
                " " * (pad[n] if n else 0) + cells[column] for n, column in enumerate(columns)
            )
        )
    docs = documents(read(("\n".join(lines) + "\n").encode(), piped=piped))
    assert {doc_id: (doc.text, doc.title, doc.warnings) for doc_id, doc in docs.items()} == {
        f"r{number}": (text, f"T {number}", ()) for number, text in enumerate(texts)
    }


def test_without_spaces_in_the_header_cells_keep_their_spaces() -> None:
    """Only a header written ``id; text`` makes the reader skip spaces after a delimiter: a
    file written without them keeps every cell as it is."""
    (item,) = read(b"id,text\n1,  two spaces first\n")
    assert isinstance(item, Document) and item.text == "  two spaces first"
    (item,) = read(b"id; text\n1;   spaced\n")
    assert isinstance(item, Document) and item.text == "spaced"


# ------------------------------------------------------ 4. byte-order marks

ENCODINGS = {  # codec: the BOM the file starts with (None: the codec writes its own)
    "utf-8": b"",
    "utf-8-sig": None,
    "utf-16": None,
    "utf-16-le": codecs.BOM_UTF16_LE,
    "utf-16-be": codecs.BOM_UTF16_BE,
    "utf-32": None,
    "utf-32-le": codecs.BOM_UTF32_LE,
    "utf-32-be": codecs.BOM_UTF32_BE,
}


@HYPOTHESIS
@given(
    encoding=st.sampled_from(sorted(ENCODINGS)),
    delimiter=st.sampled_from(DELIMITERS),
    texts=st.lists(
        st.text(alphabet="abc äöü ñ 日本 жё ,;\n\"'", min_size=1, max_size=20).map(
            lambda s: f"x{s}"
        ),
        min_size=1,
        max_size=4,
    ),
    above=BLANKS,
    newline=st.sampled_from(["\n", "\r\n"]),
    piped=st.booleans(),
)
def test_a_csv_in_any_utf_encoding_reads_as_in_utf8(
    encoding: str,
    delimiter: str,
    texts: list[str],
    above: list[str],
    newline: str,
    piped: bool,
) -> None:
    """UTF-32-LE's mark begins with UTF-16-LE's: a UTF-32 file read as UTF-16 was garbage.
    Every UTF encoding with its BOM reads as the same file in UTF-8 (the one BOM table,
    ``decoding.bom_encoding``)."""
    rows = [["id", "text"], *([f"r{n}", text] for n, text in enumerate(texts))]
    body = "".join(line + newline for line in above) + written(rows, delimiter, newline)
    bom = ENCODINGS[encoding]
    data = (bom or b"") + body.encode(encoding)
    docs = documents(read(data, piped=piped))
    assert {doc_id: (doc.text, doc.warnings) for doc_id, doc in docs.items()} == {
        f"r{n}": (text, ()) for n, text in enumerate(texts)
    }


def test_the_testers_utf32_file() -> None:
    data = codecs.BOM_UTF32_LE + "id,text\n1,Grüße aus Köln\n".encode("utf-32-le")
    (item,) = read(data)
    assert isinstance(item, Document) and (item.doc_id, item.text) == ("1", "Grüße aus Köln")


# --------------------------------------------------------- 5. unbalanced quotes


@HYPOTHESIS
@given(
    texts=st.lists(WORDS, min_size=2, max_size=7),
    at=st.integers(0, 6),
    with_id=st.booleans(),
    delimiter=st.sampled_from(DELIMITERS),
    blank_inside=st.booleans(),
)
def test_a_quote_that_never_closes_fails_its_row_and_the_rows_after_it_are_read(
    texts: list[str], at: int, with_id: bool, delimiter: str, blank_inside: bool
) -> None:
    """``1,"He said hello`` and rows after it: ``csv`` made the rest of the file one cell of
    row 1, silently. That row is an error naming its line and how many lines the quote
    swallowed; the lines after it are read as rows, under their own line numbers, with the
    ids they have once the quote is closed (so a rerun after the fix changes only that row).
    A quote left open on the last line swallowed nothing: that row is read, with a warning."""
    at = min(at, len(texts) - 1)
    header = ["id", "text"] if with_id else ["text"]

    def file(stray: bool) -> bytes:
        lines = [delimiter.join(header)]
        for number, text in enumerate(texts):
            cell = f'"{text}' if stray and number == at else text
            lines.append(delimiter.join([f"r{number}", cell] if with_id else [cell]))
            if blank_inside and number == at:
                lines.append("")
        return ("\n".join(lines) + "\n").encode()

    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "rows.csv"
        path.write_bytes(file(stray=True))
        items = list(iter_inputs([str(path)]))
        again = list(iter_inputs([str(path)]))
        path.write_bytes(file(stray=False))
        fixed = list(iter_inputs([str(path)]))
    assert [item.doc_id for item in items] == [item.doc_id for item in again]  # stable
    assert len(items) == len(texts)  # one item per row, the stray one too
    opened = at + 2
    swallowed = len(texts) - 1 - at + (1 if blank_inside else 0)
    stray = items[at]
    others = [item for number, item in enumerate(items) if number != at]
    if at < len(texts) - 1 or blank_inside:
        assert isinstance(stray, InputFailure), stray
        assert stray.error.startswith(f"line {opened}: a quote opened here never closes"), stray
        assert f"the {swallowed} line(s) after it" in stray.error
        if with_id:
            assert (stray.doc_id, stray.source) == (f"r{at}", f"{path}:{opened}")
        else:
            assert stray.doc_id.startswith(f"{path}#")
    else:  # nothing after it: read, with a warning
        assert isinstance(stray, Document), stray
        assert stray.text.strip() == texts[at]
        assert stray.warnings == (f"line {opened}: a quote opened here never closes; its cell "
                                  "is read to the end of the file",)  # fmt: skip
    for item in others:
        assert isinstance(item, Document) and not item.warnings, item
    assert [getattr(doc, "text", None) for doc in others] == [
        t for n, t in enumerate(texts) if n != at
    ]
    # the rows after the stray one keep the ids and sources they have once it is fixed
    assert [(i.doc_id, i.source) for i in others] == [
        (i.doc_id, i.source) for n, i in enumerate(fixed) if n != at
    ]


@HYPOTHESIS
@given(
    texts=st.lists(WORDS, min_size=3, max_size=7),
    at=st.integers(0, 4),
    span=st.integers(1, 4),
    closing=st.sampled_from(["clean", "text after"]),
    delimiter=st.sampled_from(DELIMITERS),
)
def test_a_stray_quote_that_closes_rows_later_is_said_on_its_row(
    texts: list[str], at: int, span: int, closing: str, delimiter: str
) -> None:
    """A stray quote closed by a later one (``3,Third"`` or ``3,"Third"``) swallows the rows
    between into one cell. The row is read as ``csv`` reads it, but it says so: the line the
    quote opens on, how many lines it runs over, and which of them read as rows."""
    at = min(at, len(texts) - 2)
    close = min(at + span, len(texts) - 1)
    lines = [f"id{delimiter}text"]
    for number, text in enumerate(texts):
        if number == at:
            cell = f'"{text}'
        elif number == close:
            cell = f'{text}"' if closing == "clean" else f'"{text}"'
        else:
            cell = text
        lines.append(f"r{number}{delimiter}{cell}")
    items = read(("\n".join(lines) + "\n").encode())
    docs = documents(items)
    swallowed = {f"r{n}" for n in range(at + 1, close + 1)}
    assert set(docs) == {f"r{n}" for n in range(len(texts))} - swallowed
    stray = docs[f"r{at}"]
    rows = ", ".join(str(n + 2) for n in range(at + 1, close + 1)[:5])
    (warning,) = stray.warnings
    assert warning.startswith(
        f"line {at + 2}: a quoted cell opens here and runs over {close - at + 1} lines, "
        f"to line {close + 2}; "
    ), warning
    assert f"{close - at} line(s) inside it read as rows ({rows}" in warning
    assert ("closes where no cell can end" in warning) == (closing == "text after")
    for doc_id, doc in docs.items():
        if doc_id != stray.doc_id:
            assert not doc.warnings


@HYPOTHESIS
@given(
    layout=st.sampled_from([["id", "text"], ["text", "id"], ["id", "title", "text"], ["text"]]),
    paragraphs=st.lists(
        st.lists(
            st.text(alphabet="ab ,;\"'", min_size=0, max_size=12).map(lambda s: f"P{s}"),
            min_size=1,
            max_size=4,
        ),
        min_size=1,
        max_size=4,
    ),
    delimiter=st.sampled_from(DELIMITERS),
)
def test_well_formed_multi_line_cells_give_no_warning(
    layout: list[str], paragraphs: list[list[str]], delimiter: str
) -> None:
    """A text of several paragraphs, quoted by a CSV writer, is the common case: read whole,
    with no warning, its quotes and delimiters and all."""
    rows = [layout]
    for number, lines in enumerate(paragraphs):
        cells = {"id": f"row-{number}", "text": "\n".join(lines), "title": f"T{number}"}
        rows.append([cells[column] for column in layout])
    items = read(written(rows, delimiter).encode())
    assert len(items) == len(paragraphs)
    for item, lines in zip(items, paragraphs, strict=True):
        assert isinstance(item, Document) and item.text == "\n".join(lines) and not item.warnings


@settings(HYPOTHESIS, max_examples=150)
@given(
    contents=st.lists(st.text(alphabet='"a ,', max_size=8), min_size=1, max_size=8),
    delimiter=st.sampled_from([",", ";"]),
)
def test_no_row_vanishes_without_a_line_or_a_warning_covering_it(
    contents: list[str], delimiter: str
) -> None:
    """Lines ``r<n>,<anything with quotes>``: every row is an item of its own id, or lies
    inside a quoted cell that a warning on another row names (opening line to closing line),
    or was re-read after an unclosed quote. Nothing is swallowed without a word."""
    lines = [f"id{delimiter}text"] + [
        f"r{number}{delimiter}{content.replace(',', delimiter)}"
        for number, content in enumerate(contents)
    ]
    items = read(("\n".join(lines) + "\n").encode())
    ids = {item.doc_id for item in items}
    covered: set[int] = set()
    for item in items:  # a Document's warnings, a failure's error
        said = item.error if isinstance(item, InputFailure) else "\n".join(item.warnings)
        for found in re.finditer(
            r"line (\d+): a quoted cell [^;]* over \d+ lines, to line (\d+);", said
        ):
            covered.update(range(int(found.group(1)), int(found.group(2)) + 1))
    for number in range(len(contents)):
        assert f"r{number}" in ids or number + 2 in covered, (number, items)


@settings(HYPOTHESIS, max_examples=200)
@given(
    text=st.text(alphabet='"a ,\n', max_size=40),
    skip=st.booleans(),
)
def test_the_quote_scanner_follows_the_csv_parser(text: str, skip: bool) -> None:
    """The quoted cells the reader judges are the ones ``csv`` reads: a row of several lines
    has one running over lines, ending on its last line; a row the input ran out in has one
    left open; a row whose multi-line cells all close cleanly is valid strict CSV, the same."""
    tape = _Tape(io.StringIO(text, newline=""))
    reader = csv.reader(tape, skipinitialspace=skip)
    while True:
        tape.clear()
        try:
            row = next(reader)
        except StopIteration:
            break
        lines = list(tape.taken)
        spans = _quote_spans(lines, reader.dialect)
        unclosed = bool(spans) and spans[-1].closed is None
        assert unclosed == tape.ended, (lines, spans)
        if len(lines) > 1:
            assert spans, lines
            assert unclosed or spans[-1].closed == len(lines) - 1, (lines, spans)
        for span in spans:
            assert span.closed is None or span.opened < span.closed < len(lines)
        if len(lines) > 1 and not unclosed and all(span.clean for span in spans):
            strict = csv.reader(lines, skipinitialspace=skip, strict=True)
            try:
                assert next(strict) == row
            except csv.Error as exc:  # a stray quote within one line: not a spanning one
                assert "expected after" in str(exc), exc


def test_rows_are_still_read_by_the_private_entry_with_a_plain_reader() -> None:
    """``_csv_rows`` takes any ``csv`` reader over a tape (the existing hostile tests
    build one themselves): a strict one rejects an unclosed quote as a malformed row."""
    from extractor.io.readers import _csv_rows, _Place

    tape = _Tape(io.StringIO('text\nfine\n"open\nmore\n', newline=""))
    reader = csv.reader(tape, strict=True)
    items = list(_csv_rows(reader, "utf-8", _Place("r.csv", "/d/r.csv"), RecordFields(), tape))
    assert isinstance(items[0], Document) and items[0].text == "fine"
    assert isinstance(items[1], InputFailure) and "line 3: malformed CSV row" in items[1].error


# ------------------------------------------------------------------ the CLI


@pytest.mark.block_network(allowed_hosts=LOOPBACK_ONLY)
def test_bulk_writes_the_stray_quote_as_an_error_line_and_a_fix_redoes_only_that_row(
    tmp_path: Path, fake: FakeOpenAI
) -> None:
    """Through ``extractor bulk``: a file with a blank first line, a header written ``id,
    text`` and an unclosed quote gives one line per row: an error naming the line for the
    stray row, the others extracted (a Kano report's unquoted comma kept in its text, with a
    warning on its line). Closing the quote and rerunning extracts that row alone."""
    table = tmp_path / "rows.csv"

    def write(fixed: bool) -> None:
        stray = f'"{kano(11)}"' if fixed else f'"{kano(11)}'
        table.write_text(
            f"\nid, text\na1, {kano(10)}\na2, {stray}\na3, {kano(12)}\na4, {kano(13)}\n",
            encoding="utf-8",
        )

    def bulk() -> dict[str, dict[str, object]]:
        command = ["bulk", str(table), "-o", str(out), "--model", "openai/fake-model",
                   "--base-url", fake.base_url, "--strategy", "single", "--progress", "none"]  # fmt: skip
        result = CliRunner().invoke(app, command, env=CLEAN_ENV)
        assert result.exit_code in (0, 1), result.output
        return {str(line["doc_id"]): line for line in latest_lines(out)}

    out = tmp_path / "out.jsonl"
    write(fixed=False)
    lines = bulk()
    assert set(lines) == {"a1", "a2", "a3", "a4"}
    error = lines["a2"]["error"]
    assert lines["a2"]["status"] == "error" and isinstance(error, dict)
    assert "line 4: a quote opened here never closes" in str(error["message"])
    for doc_id, killed in (("a1", 10), ("a3", 12), ("a4", 13)):
        line = lines[doc_id]
        assert line["status"] == "ok", line
        records = line["records"]
        assert isinstance(records, list) and records[0]["killed"]["low"] == killed
        said = line["warnings"]
        assert isinstance(said, list) and len(said) == 1, said
        assert "3 cells for 2 columns" in said[0] and "rest of its text" in said[0]
    before = len(fake.requests)
    write(fixed=True)
    lines = bulk()
    assert len(fake.requests) == before + 1  # the fixed row alone
    assert all(line["status"] == "ok" for line in lines.values()), lines
    assert json.dumps(lines["a2"]["records"]).count('"low": 11') == 1


# ------------------------------------------------ header names as spreadsheets write them

cased = (
    st.sampled_from(["id", "ID", "Id", " id", "iD "]),
    st.sampled_from(["text", "Text", "TEXT", " Text "]),
)


@settings(HYPOTHESIS, max_examples=30)
@given(names=st.tuples(*cased), ids=st.lists(st.integers(1, 999), min_size=1, max_size=4,
                                              unique=True), as_jsonl=st.booleans())  # fmt: skip
def test_id_and_text_columns_are_found_in_any_case(
    names: tuple[str, str], ids: list[int], as_jsonl: bool
) -> None:
    """``ID,Text`` (as a spreadsheet or a database export writes it) is the id and text:
    before, every row failed for want of a 'text' column and the ids were not used."""
    id_name, text_name = names
    if as_jsonl:
        data = "".join(json.dumps({id_name: n, text_name: kano(n)}) + "\n" for n in ids)
        items = read(data.encode(), name="rows.jsonl")
    else:
        data = f"{id_name},{text_name}\n" + "".join(f"{n},{kano(n)}\n" for n in ids)
        items = read(data.encode())
    assert [item.doc_id for item in items] == [str(n) for n in ids]
    assert all(isinstance(item, Document) and item.text == kano(int(item.doc_id))
               for item in items)  # fmt: skip


@settings(HYPOTHESIS, max_examples=20)
@given(given=st.sampled_from([True, False, {"a": 1}, [1, 2], []]))
def test_an_id_that_is_no_id_is_said_and_the_row_keyed_by_its_text(given: object) -> None:
    """A kind no id can be is the row's error line, keyed by its content, as in extract_rows
    (round 38: one rule, tests/test_round38_ids.py)."""
    data = json.dumps({"id": given, "text": kano(5)}).encode() + b"\n"
    [item] = read(data, name="rows.jsonl")
    assert isinstance(item, InputFailure) and "#" in item.doc_id  # keyed by its content
    assert "'id' must be a string or a number" in item.error


@settings(deadline=None, max_examples=25)
@given(
    columns=st.permutations(["id", "text", "title"]),
    blanks=st.lists(st.sampled_from(["", " ", "\t", None]), min_size=1, max_size=4),
    piped=st.booleans(),
)
def test_an_empty_text_cell_is_said_to_be_empty_not_missing(
    columns: list[str], blanks: list[str | None], piped: bool
) -> None:
    """A row whose text cell is empty or blank fails as "column 'text' is empty" (the header
    has the column), never "no 'text' column"; a row with text beside it is read."""
    rows = [columns]
    for number, blank in enumerate(blanks):
        text = f"Ministers met in Oslo, row {number}." if blank is None else blank
        cells = {"id": f"r{number}", "text": text, "title": "T"}
        rows.append([cells[column] for column in columns])
    items = read(written(rows).encode(), piped=piped)
    assert len(items) == len(blanks)
    for item, blank in zip(items, blanks, strict=True):
        if blank is None:
            assert isinstance(item, Document), item
        else:
            assert not isinstance(item, Document) and "column 'text' is empty" in item.error, item


# ------------------------------------------------- Excel's sep= line


@HYPOTHESIS
@given(
    delimiter=st.sampled_from([",", ";", "\t", "|", ":", "^"]),
    spelling=st.sampled_from(["sep={}", "SEP={}", "Sep={} "]),
    columns=st.permutations(["id", "text", "title"]),
    texts=st.lists(
        st.text(alphabet='ab ,;:^|\t"\n', min_size=1, max_size=25).map(lambda s: f"x{s}"),
        min_size=1,
        max_size=5,
    ),
    newline=st.sampled_from(["\n", "\r\n"]),
    bom=st.booleans(),
    piped=st.booleans(),
)
def test_an_excel_sep_line_names_the_delimiter_and_is_no_row(
    delimiter: str,
    spelling: str,
    columns: list[str],
    texts: list[str],
    newline: str,
    bom: bool,
    piped: bool,
) -> None:
    """Excel writes (and reads) ``sep=;`` as a CSV's first line so that the file opens alike
    in every locale: it names the delimiter, even one no header sniffing would try, and is
    neither the header nor a row."""
    rows = [columns] + [
        [{"id": f"row-{n}", "text": text, "title": f"T{n}"}[c] for c in columns]
        for n, text in enumerate(texts)
    ]
    body = spelling.format(delimiter) + newline + written(rows, delimiter, newline)
    data = (codecs.BOM_UTF8 if bom else b"") + body.encode()
    docs = documents(read(data, piped=piped))
    assert {doc_id: (doc.text, doc.title, doc.warnings) for doc_id, doc in docs.items()} == {
        f"row-{n}": (text, f"T{n}", ()) for n, text in enumerate(texts)
    }
