"""Round 52 (a lost fix, redone): every input ends as exactly one line; no input kills a run.

* A nameless stream (``extractor bulk -``, ``extractor extract -``, a pipe) is sniffed by
  one function, of one window of its bytes (the first line past leading blank lines whole,
  and a tar header's magic number's place), whatever sizes the pipe's reads have: bulk and
  extract read every stream alike. A ``{`` or ``[`` opening is JSON only when it parses as
  JSON; markup (HTML, XML, after a byte-order mark or in UTF-16) is HTML for both; a WARC
  is a whole ``WARC/1.x`` version line, not a text opening with "WARC/".
* A row given to the Python rows API whose text is missing (None, absent, NaN, pandas'
  NA, NaT) is exactly one result line, an error under the row's name; ids name rows as
  before (``<id>#duplicate-N``; an id-less row by its text's hash).
"""

from __future__ import annotations

import codecs
import gzip
import io
import json
import tarfile
import zipfile
from typing import Any

import pandas
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor.cli.extract_cmd import _stream_document
from extractor.errors import InputError
from extractor.integrations import rows as row_api
from extractor.io import iter_inputs
from extractor.io.formats import RecordFields
from extractor.io.readers import _read_head, _sniff, stream_suffix
from extractor.pipeline.document import Document
from tests.corpus_support import nameless_pipe
from tests.fakes.kano import kano
from tests.fakes.openai_server import LOOPBACK_ONLY

pytestmark = pytest.mark.block_network(allowed_hosts=LOOPBACK_ONLY)

SETTINGS = settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
MODEL = {"model": "openai/fake-model", "strategy": "single"}

WORD = st.sampled_from(["talks", "in", "Paris", "met", "the", "minister", "said", "on", "Monday"])
SENTENCE = st.lists(WORD, min_size=4, max_size=14).map(lambda words: " ".join(words) + ".")
PROSE = st.lists(SENTENCE, min_size=1, max_size=12).map(" ".join)
#: Openings that look like a container's or a format's, of texts that are none.
TEXT_OPENINGS = st.sampled_from([
    "", "{Editor's note: updated.} ", "{{template}} ", "[ ] ", "[] to do: ", "[x] ",
    "WARC/ARC formats: ", "WARC/1.0 is a version. ", "<3 ", "<< ", '{"quote"} said ',
    '{"a": 1} and ', "PK ", "BZh ",
])  # fmt: skip


def _wide(text: str, how: str) -> bytes:
    """``text`` as a file may hold it: UTF-8, after a byte-order mark, or UTF-16."""
    if how == "bom":
        return codecs.BOM_UTF8 + text.encode()
    if how == "utf-16":
        return text.encode("utf-16")
    return text.encode()


@st.composite
def streams(draw: st.DrawFn) -> tuple[str, bytes, str]:
    """A stream of one kind, its bytes, and the suffix both commands must read it as."""
    kind = draw(st.sampled_from([
        "text", "html", "xml", "jsonl", "pretty", "array", "csv", "zip", "tar", "tar.gz",
        "text.gz", "jsonl.gz", "warc",
    ]))  # fmt: skip
    blank = draw(st.sampled_from(["", "\n", "\n\n  \n", "\r\n"]))
    long = draw(st.integers(0, 2)) * 12_000  # a first line past any fixed read size
    prose = draw(PROSE) + " " + "Paris " * long
    if kind == "text":
        how = draw(st.sampled_from(["utf-8", "bom", "utf-16"]))
        body = blank + draw(TEXT_OPENINGS) + prose + "\n" + draw(PROSE) + "\n"
        return kind, _wide(body, how), ".txt"
    if kind == "html":
        how = draw(st.sampled_from(["utf-8", "bom", "utf-16"]))
        page = f"{blank}<!DOCTYPE html><html><body><p>{prose}</p></body></html>\n"
        return kind, _wide(page, how), ".html"
    if kind == "xml":
        return kind, f'{blank}<?xml version="1.0"?>\n<a><p>{prose}</p></a>\n'.encode(), ".html"
    rows = [{"id": f"r{n}", "text": prose if n == 0 else draw(PROSE)} for n in range(3)]
    if kind in ("jsonl", "jsonl.gz"):
        data = (blank + "".join(json.dumps(row) + "\n" for row in rows)).encode()
        return kind, gzip.compress(data) if kind == "jsonl.gz" else data, f".{kind}"
    if kind == "pretty":
        return (
            kind,
            (blank + "".join(json.dumps(r, indent=2) + "\n" for r in rows)).encode(),
            ".jsonl",
        )
    if kind == "array":
        return (
            kind,
            (blank + json.dumps(rows, indent=draw(st.sampled_from([None, 2])))).encode(),
            ".json",
        )
    if kind == "csv":
        lines = ["id,text"] + [f'{row["id"]},"{row["text"]}"' for row in rows]
        return kind, "\r\n".join(lines).encode() + b"\r\n", ".csv"
    if kind == "text.gz":
        return kind, gzip.compress((draw(TEXT_OPENINGS) + prose + "\n").encode()), ".txt.gz"
    if kind == "warc":
        record = (
            "WARC/1.0\r\nWARC-Type: resource\r\nWARC-Target-URI: http://a.example/\r\n"
            f"Content-Type: text/plain\r\nContent-Length: {len(prose)}\r\n\r\n{prose}\r\n\r\n"
        )
        return kind, record.encode(), ".warc"
    files = {f"r{n}.txt": row["text"].encode() for n, row in enumerate(rows)}
    buffer = io.BytesIO()
    if kind == "zip":
        with zipfile.ZipFile(buffer, "w") as archive:
            for name, content in files.items():
                archive.writestr(name, content)
        return kind, buffer.getvalue(), ".zip"
    with tarfile.open(fileobj=buffer, mode="w:gz" if kind == "tar.gz" else "w") as archive:
        for name, content in files.items():
            info = tarfile.TarInfo(name)
            info.size = len(content)
            archive.addfile(info, io.BytesIO(content))
    return kind, buffer.getvalue(), f".{kind}"


class _Pieces(io.RawIOBase):
    """A pipe's read end as a reader sees it: each read gives the next piece, however
    large the read asked for (short reads, of any size, down to one byte)."""

    def __init__(self, data: bytes, sizes: list[int]) -> None:
        self._data = data
        self._sizes = sizes
        self._at = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        size = self._sizes.pop(0) if self._sizes else len(self._data)
        piece = self._data[self._at : self._at + min(size, len(buffer))]
        buffer[: len(piece)] = piece
        self._at += len(piece)
        return len(piece)


def _extract_reading(data: bytes) -> tuple[str, str]:
    """How ``extract -`` reads ``data``: one document's format, or the suffix it refuses."""
    try:
        document = _stream_document(data, "stdin")
    except InputError as error:
        return "refused", str(error)
    return "document", document.meta["format"]


@SETTINGS
@given(stream=streams(), sizes=st.lists(st.integers(1, 700), max_size=12))
def test_bulk_and_extract_sniff_a_stream_alike_however_the_pipe_cuts_it(
    stream: tuple[str, bytes, str], sizes: list[int]
) -> None:
    kind, data, suffix = stream
    head = _read_head(io.BufferedReader(_Pieces(data, list(sizes))))
    assert data.startswith(head), kind
    assert _sniff(head, RecordFields()) == suffix, (kind, data[:300])  # bulk -
    assert stream_suffix(data) == suffix, (kind, data[:300])  # extract -
    reading, said = _extract_reading(data)
    if suffix in (".txt", ".html"):
        assert (reading, said) == ("document", {".txt": "text", ".html": "html"}[suffix])
    else:
        assert reading == "refused" and f"({suffix})" in said, said


@settings(SETTINGS, max_examples=12)
@given(stream=streams(), sizes=st.lists(st.integers(1, 3000), min_size=1, max_size=6))
def test_a_piped_text_is_one_document_read_as_extract_reads_it(
    stream: tuple[str, bytes, str], sizes: list[int]
) -> None:
    """Through a real pipe, bulk's reading of a text or a page is one document of the
    format extract gives it; every other stream is what extract refuses it as."""
    kind, data, suffix = stream
    with nameless_pipe(data, sizes) as pipe:
        items = list(iter_inputs([pipe], stream_wait=10))
    reading, said = _extract_reading(data)
    if reading == "document":
        assert len(items) == 1 and isinstance(items[0], Document), (kind, items)
        assert items[0].meta["format"] == said
    else:
        assert f"({suffix})" in said


@given(
    first=st.integers(600, 150_000),
    blank=st.sampled_from(["", "\n\n", " \r\n\t\n"]),
    sizes=st.lists(st.integers(1, 5000), max_size=10),
)
@settings(SETTINGS, max_examples=15)
def test_the_head_holds_the_first_line_whole(first: int, blank: str, sizes: list[int]) -> None:
    """A JSONL row whose article runs past any fixed read size: the head ends past its
    line end, so the row is seen whole (not cut where a read ended)."""
    line = json.dumps({"id": "a", "text": "x" * first}) + "\n"
    data = (blank + line + '{"id": "b", "text": "y"}\n').encode()
    head = _read_head(io.BufferedReader(_Pieces(data, list(sizes))))
    assert len(head) >= len(blank) + len(line)


@given(rest=PROSE, version=st.sampled_from(["", "0.9", "1.x", "2.0", "1.0 draft"]))
def test_only_a_whole_warc_version_line_is_a_warc(rest: str, version: str) -> None:
    text = f"WARC/{version} {rest}\n".encode()
    assert stream_suffix(text) == ".txt"
    assert stream_suffix(gzip.compress(text)) == ".txt.gz"
    assert stream_suffix(b"WARC/1.1\r\nWARC-Type: warcinfo\r\n") == ".warc"


# ------------------------------------------------------------------------- rows

MISSING = st.sampled_from(["absent", None, float("nan"), pandas.NA, pandas.NaT])


@st.composite
def missing_rows(draw: st.DrawFn) -> dict[str, Any]:
    row: dict[str, Any] = {}
    if draw(st.booleans()):
        row["id"] = draw(st.sampled_from(["a", "b", 7]))
    text = draw(MISSING)
    if not isinstance(text, str):  # "absent": no text field at all
        row["text"] = text
    if draw(st.booleans()):
        row["title"] = draw(st.sampled_from(["T", None]))
    return row


@settings(SETTINGS, max_examples=15)
@given(st.lists(missing_rows() | st.integers(2, 99).map(lambda n: {"id": f"n{n}",
                                                                 "text": kano(n)}),
                min_size=1, max_size=8))  # fmt: skip
def test_a_row_without_text_is_one_error_line_under_its_name(
    fake: Any, rows: list[dict[str, Any]]
) -> None:
    results = row_api.extract_rows(rows, base_url=fake.base_url, jobs=2, **MODEL)
    assert len(results) == len(rows)
    seen: set[str] = set()
    for row, result in zip(rows, results, strict=True):
        own = row_api.row_item(row).doc_id
        line = json.loads(result["line"])
        assert line["doc_id"] == result["doc_id"]
        if own in seen and not (isinstance(row.get("text"), str) and result["doc_id"] == own):
            assert result["doc_id"].startswith(f"{own}#duplicate-")
        else:
            assert result["doc_id"] == own
        seen.add(own)
        if not isinstance(row.get("text"), str):
            assert result["status"] == "error" and "text" in line["error"]["message"]
            if "id" not in row:  # an id-less row keeps its name: its text's hash
                assert own.startswith("sha256:")


def test_a_frame_with_missing_texts_is_one_line_a_row(fake: Any) -> None:
    frame = pandas.DataFrame(
        {"text": pandas.array([kano(3), pandas.NA, None], dtype="string")}
    ).astype(object)
    frame.loc[1, "text"] = pandas.NA
    results = row_api.extract_frame(frame, base_url=fake.base_url, **MODEL)
    assert len(results) == 3
    assert list(results["status"]) == ["ok", "error", "error"]
