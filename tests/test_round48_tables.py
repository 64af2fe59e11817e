"""Round 48: two ways a table lost good rows.

* **A NUL byte in one CSV cell.** The table was refused whole ("binary file,
  not text") when the NUL was in its first MiB, and the row was read, NUL and
  all, when it was further on. A NUL in a cell is its row's fault: that row
  alone is an error line (its text "holds NUL characters", as a JSONL line's
  is), the others are read, wherever it is, from a file, a gzip file, an
  archive or a pipe. A file that is no text at all (a zip, a PNG renamed
  ``.csv``) is still one line.
* **A damaged gzip table** (``rows.jsonl.gz``, ``rows.csv.gz``, as a file or an
  archive member) lost about a read buffer of good rows before the damage, all
  of them in a small file. Every row whole in the bytes that decompress before
  the damage is read, the row the damage cut is not, and one error line names
  the last row read.

The rules are the docstrings of :func:`extractor.io.decoding.is_binary_table`,
:func:`extractor.io.readers._iter_csv` and :class:`extractor.io.readers._Gunzipped`;
everything goes through :func:`extractor.io.readers.iter_inputs`.
"""

from __future__ import annotations

import csv
import gzip
import io
import itertools
import json
import random
import tempfile
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor.io.readers import InputFailure, Item, iter_inputs
from extractor.pipeline.document import NUL_TEXT, Document
from tests.corpus_support import nameless_pipe

SETTINGS = settings(
    max_examples=40,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

#: A text a row may hold: words, commas, quotes and line breaks (a CSV quotes them).
WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=9)
GLUE = st.sampled_from([" ", ", ", ' "', '" ', "\n", ". "])
TEXT = st.lists(st.tuples(WORD, GLUE), min_size=1, max_size=12).map(
    lambda parts: "".join(word + glue for word, glue in parts) + "end"
)


@dataclass(frozen=True)
class Table:
    """A table's bytes, and where each of its rows ends in them (after its line break)."""

    data: bytes
    ends: list[int]  # of row n (the header is no row)
    start: int  # where the first row begins (after a CSV's header)


def table(kind: str, texts: list[str], *, pretty: bool = False) -> Table:
    """Rows ``r0``, ``r1``, ... holding ``texts``, as JSONL (one object a line, or written
    over several lines by ``json.dumps(indent=2)``) or CSV (quoted as ``csv`` quotes)."""
    out = io.BytesIO()
    if kind == "csv":
        out.write(b"id,text\n")
    start = out.tell()
    ends = []
    for n, text in enumerate(texts):
        if kind == "csv":
            line = io.StringIO()
            csv.writer(line, lineterminator="\n").writerow([f"r{n}", text])
            out.write(line.getvalue().encode("utf-8"))
        else:
            record = {"id": f"r{n}", "text": text}
            out.write(json.dumps(record, indent=2 if pretty else None).encode("utf-8") + b"\n")
        ends.append(out.tell())
    return Table(out.getvalue(), ends, start)


def read(data: bytes, name: str, *, how: str = "file") -> list[Item]:
    """The items of ``data`` as a file called ``name``, a member of a zip, or a pipe."""
    if how == "pipe":
        with nameless_pipe(data) as stream:
            return list(iter_inputs([stream], stream_wait=5))
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / name
        if how == "zip":
            path = Path(scratch) / "bundle.zip"
            with zipfile.ZipFile(path, "w") as archive:
                archive.writestr(name, data)
        else:
            path.write_bytes(data)
        return list(iter_inputs([str(path)]))


def documents(items: list[Item]) -> list[tuple[str, str]]:
    return [(item.doc_id, item.text) for item in items if isinstance(item, Document)]


def failures(items: list[Item]) -> list[InputFailure]:
    return [item for item in items if isinstance(item, InputFailure)]


def plain_rows(kind: str, data: bytes) -> list[tuple[str, str]]:
    """The rows a table gives when nothing is wrong with it: the ids and texts expected."""
    items = read(data, f"rows.{kind}")
    assert not failures(items), items
    return documents(items)


# ------------------------------------------------------------------ NUL in a cell


@SETTINGS
@given(
    texts=st.lists(TEXT, min_size=1, max_size=25),
    data=st.data(),
    how=st.sampled_from(["file", "gzip", "zip", "pipe"]),
    far=st.booleans(),
)
def test_a_nul_in_one_csv_cell_fails_that_row_alone(
    texts: list[str], data: st.DataObject, how: str, far: bool
) -> None:
    """The row whose text holds a NUL is one error line under its id; every other row is
    read, whether the NUL is in the table's first MiB (before: the whole table was one
    "binary file" line) or past it (before: read, NUL and all)."""
    if far:  # a first row of more than a MiB: the NUL row is past the first MiB
        texts = ["long " * 220_000 + "end", *texts]
    bad = data.draw(st.integers(0, len(texts) - 1), label="row with the NUL")
    at = data.draw(st.integers(0, len(texts[bad])), label="where in its text")
    clean = plain_rows("csv", table("csv", texts).data)
    texts = [*texts]
    texts[bad] = texts[bad][:at] + "\x00" + texts[bad][at:]
    raw = table("csv", texts).data
    if how == "gzip":
        items = read(gzip.compress(raw), "rows.csv.gz")
    else:
        items = read(raw, "rows.csv", how=how)
    assert documents(items) == [row for row in clean if row[0] != f"r{bad}"]
    (failure,) = failures(items)
    assert failure.doc_id == f"r{bad}" and NUL_TEXT in failure.error, failure


def test_the_testers_table_with_a_nul_in_row_b() -> None:
    """/tmp/h48's ``r.csv``: rows a and c are read, b is one error line (before: one
    "binary file, not text" line for the table, from a file and from ``cat r.csv |``)."""
    raw = (
        b"id,text\na,The President of France met the Prime Minister of Japan. Talks A.\n"
        b"b,The President of France met the Prime Minister of Japan. Talks B\x00.\n"
        b"c,The President of France met the Prime Minister of Japan. Talks C.\n"
    )
    for how in ("file", "pipe"):
        items = read(raw, "r.csv", how=how)
        assert [item.doc_id for item in items] == ["a", "b", "c"], items
        (failure,) = failures(items)
        assert failure.source.endswith(":3") and NUL_TEXT in failure.error


def _zip_of_a_table() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_STORED) as archive:
        archive.writestr("rows.csv", "id,text\n" + "".join(f"r{n},text {n}\n" for n in range(50)))
    return out.getvalue()


@SETTINGS
@given(
    kind=st.sampled_from(["zip", "gzip", "png", "ole", "random"]),
    seed=st.integers(0, 2**32 - 1),
    size=st.integers(2048, 20_000),
)
@pytest.mark.parametrize("name", ["table.csv", "table.jsonl"])
def test_a_binary_file_named_csv_is_still_one_line(
    kind: str, seed: int, size: int, name: str
) -> None:
    """A file that is no text (a zip holding a table uncompressed, a gzip file, a PNG, an
    old Excel file, random bytes) named ``.csv`` or ``.jsonl`` is one "binary file" line,
    never one line per bogus row (a JSONL file: by its lines' control bytes alone, its
    first line being a row; a zip holding text uncompressed is lines of text to it)."""
    noise = random.Random(seed).randbytes(size)
    data = {
        "zip": _zip_of_a_table(),
        "gzip": gzip.compress(noise),
        "png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + noise,
        "ole": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 16 + noise,
        "random": noise,
    }[kind]
    if name.endswith(".jsonl") and kind == "zip":
        return
    items = read(data, name)
    assert [(type(item), getattr(item, "error", None)) for item in items] == [
        (InputFailure, "binary file, not text")
    ]


# ------------------------------------------------------------------ damaged gzip


def intact_rows(packed: bytes, cut: int, rows: Table) -> int:
    """How many rows are whole in what the first ``cut`` bytes of ``packed`` decompress to."""
    unpacker = zlib.decompressobj(16 + zlib.MAX_WBITS)
    prefix = len(unpacker.decompress(packed[:cut]) + unpacker.flush())
    return sum(1 for end in rows.ends if end <= prefix)


@SETTINGS
@given(
    kind=st.sampled_from(["jsonl", "csv"]),
    texts=st.lists(TEXT, min_size=1, max_size=120),
    pretty=st.booleans(),
    level=st.sampled_from([1, 9]),
    how=st.sampled_from(["file", "zip"]),
    data=st.data(),
)
def test_a_cut_gzip_table_gives_every_row_before_the_cut(
    kind: str, texts: list[str], pretty: bool, level: int, how: str, data: st.DataObject
) -> None:
    """A gzip table cut at any byte gives exactly the rows whole in what its bytes
    decompress to, in order, then one error line naming the last of them (before: about a
    buffer of them was lost, all in a small file, and the line named an earlier row)."""
    rows = table(kind, texts, pretty=pretty and kind == "jsonl")
    packed = gzip.compress(rows.data, compresslevel=level, mtime=0)
    cut = data.draw(st.integers(1, len(packed) - 1), label="cut")
    items = read(packed[:cut], f"rows.{kind}.gz", how=how)
    intact = intact_rows(packed, cut, rows)
    assert documents(items) == plain_rows(kind, rows.data)[:intact]
    (failure,) = failures(items)
    where = f"after 'r{intact - 1}'" if intact else "at its start"
    assert f"reading stopped {where}" in failure.error and "damaged gzip" in failure.error
    assert not failure.unread and items[-1] is failure


def test_the_testers_gzip_of_30_rows_cut_at_half() -> None:
    """/tmp/h48: 30 rows (10.5 KB) gzipped and cut at half gave 0 rows; 300 gave 117 of
    the ~150 intact."""
    for count in (30, 100, 300):
        rows = table("jsonl", [f"{n} " + "words of an article " * 17 for n in range(count)])
        packed = gzip.compress(rows.data, mtime=0)
        items = read(packed[: len(packed) // 2], "rows.jsonl.gz")
        intact = intact_rows(packed, len(packed) // 2, rows)
        assert intact and len(documents(items)) == intact, (count, intact)
        assert len(failures(items)) == 1


@SETTINGS
@given(
    kind=st.sampled_from(["jsonl", "csv"]),
    texts=st.lists(TEXT, min_size=1, max_size=20),
    data=st.data(),
    tail=st.sampled_from([b"", b"\x00" * 7, b"junk after the end"]),
)
def test_a_gzip_of_several_members_reads_them_all(
    kind: str, texts: list[str], data: st.DataObject, tail: bytes
) -> None:
    """``cat a.gz b.gz`` is one gzip file (as ``gzip -d`` reads it, split anywhere) and zeros
    padding its end are nothing; other bytes after it are one damage line after every row."""
    rows = table(kind, texts)
    splits = data.draw(st.lists(st.integers(1, len(rows.data) - 1), max_size=4), label="splits")
    bounds = [0, *sorted(set(splits)), len(rows.data)]
    packed = b"".join(
        gzip.compress(rows.data[begin:stop], mtime=0) for begin, stop in itertools.pairwise(bounds)
    )
    items = read(packed + tail, f"rows.{kind}.gz")
    assert documents(items) == plain_rows(kind, rows.data)
    if tail.strip(b"\x00"):
        (failure,) = failures(items)
        assert "not gzip data" in failure.error and f"after 'r{len(texts) - 1}'" in failure.error
    else:
        assert not failures(items)


def test_a_damaged_gzip_document_is_one_line_never_a_part() -> None:
    """A gzipped article cut short is refused whole: never a part of it sent as the text."""
    packed = gzip.compress(b"The President met the Prime Minister. " * 3000, mtime=0)
    (item,) = read(packed[: len(packed) // 2], "note.txt.gz")
    assert isinstance(item, InputFailure) and "damaged gzip" in item.error, item


def stored_blocks(packed: bytes) -> list[tuple[int, int]]:
    """Where each block of a gzip file written at level 0 starts, and how many bytes it
    stores (a stored block: a header byte, its length, the length's complement, the bytes)."""
    blocks, at = [], 10  # after gzip.compress's header
    while True:
        assert (packed[at] >> 1) & 3 == 0, "not a stored block"
        size = int.from_bytes(packed[at + 1 : at + 3], "little")
        blocks.append((at, size))
        final, at = packed[at] & 1, at + 5 + size
        if final:
            return blocks


@SETTINGS
@given(
    kind=st.sampled_from(["jsonl", "csv"]),
    count=st.integers(200, 3000),
    data=st.data(),
)
def test_corrupt_data_gives_the_rows_before_it(kind: str, count: int, data: st.DataObject) -> None:
    """Data zlib refuses in the middle of the stream (a block whose length does not match
    its check): every row whole before it is read, whatever read buffer it falls in, then
    one line naming the last of them."""
    rows = table(kind, [f"row {n} " + "text " * 30 for n in range(count)])
    packed = bytearray(gzip.compress(rows.data, compresslevel=0, mtime=0))
    blocks = stored_blocks(bytes(packed))
    bad = data.draw(st.integers(0, len(blocks) - 1), label="block")
    at, _ = blocks[bad]
    packed[at + 3] ^= 0xFF  # its length's complement, wrong
    before = sum(size for _, size in blocks[:bad])
    intact = sum(1 for end in rows.ends if end <= before)
    items = read(bytes(packed), f"rows.{kind}.gz")
    assert documents(items) == plain_rows(kind, rows.data)[:intact]
    (failure,) = failures(items)
    where = f"after 'r{intact - 1}'" if intact else "at its start"
    assert f"reading stopped {where}" in failure.error and "corrupt data" in failure.error


@SETTINGS
@given(rows=st.integers(2, 40), data=st.data())
def test_a_raw_nul_in_one_jsonl_row_fails_that_row_alone(rows: int, data: st.DataObject) -> None:
    """A JSONL row holding a raw NUL byte (no JSON) is that row's error; the file is text and
    its other rows are read, wherever the row is (the first one too, beside others)."""
    bad = data.draw(st.integers(0, rows - 1))
    lines = [
        json.dumps({"id": f"r{n}", "text": f"Row {n} of the table, some words."}).encode()
        for n in range(rows)
    ]
    lines[bad] = lines[bad].replace(b"Row", b"R\x00ow", 1)
    items = read(b"\n".join(lines) + b"\n", "t.jsonl")
    assert [item.doc_id for item in items][:bad] == [f"r{n}" for n in range(bad)]
    assert len(items) == rows
    assert len(failures(items)) == 1


@SETTINGS
@given(rows=st.integers(1, 60), at=st.integers(1, 8), flip=st.integers(1, 255))
def test_a_gzip_whose_checksum_fails_says_its_rows_may_be_damaged(
    rows: int, at: int, flip: int
) -> None:
    """A wrong checksum or length at a member's end is found after its rows were read
    (deflate cannot see a flipped byte that still decodes): the one error line says those
    rows may be damaged too, never only that the rest was skipped."""
    raw = b"".join(
        json.dumps({"id": f"r{n}", "text": f"Row {n}."}).encode() + b"\n" for n in range(rows)
    )
    packed = bytearray(gzip.compress(raw))
    packed[-at] ^= flip  # the trailer: CRC-32, then the length
    items = read(bytes(packed), "t.jsonl.gz")
    (failure,) = failures(items)
    assert "may be damaged too" in failure.error, failure.error
