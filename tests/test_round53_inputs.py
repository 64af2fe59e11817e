"""Round 53: streams the earlier sniff and WARC tests never built; each unit is one item.

* JSONL rows ended by lone CRs (old Mac, some exports), piped in, are rows, as the same
  bytes in a ``.jsonl`` file are: the sniff judged a JSON first line's end by LF alone,
  so ``{...}\\r{...}\\r`` read as one text of the whole stream (one article made of rows).
* A gzipped JSONL or CSV file gives its last row when no line break ends it, and a
  gzipped UTF-16 or UTF-32 one its rows at all: the gzip reader held the bytes after the
  last line break until more came, and dropped them when the file ended (the last row
  silently; a UTF-16 line break's second byte, so the decoder failed the whole file).
* A WARC gzipped whole (``gzip crawl.warc``: one gzip member for all its records, not one
  per record) is read record by record, from a file and from a pipe: warcio refuses such
  a file after its first record, and its multi-line refusal was the rest's one failure.

Corpora are generated (rows, records, line ends, encodings, how a pipe cuts its bytes).
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor.io import iter_inputs
from extractor.io.readers import InputFailure, stream_suffix
from extractor.pipeline.document import Document
from tests.corpus_support import nameless_pipe

SETTINGS = settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

WORD = st.sampled_from(["talks", "in", "Paris", "met", "the", "minister", "said", "Monday"])
SENTENCE = st.lists(WORD, min_size=3, max_size=10).map(lambda words: " ".join(words) + ".")
PIECES = st.lists(st.integers(1, 700), max_size=6)  # how a slow producer's pipe cuts it


def _piped(data: bytes, pieces: list[int]) -> list[Any]:
    with nameless_pipe(data, pieces) as stream:
        return list(iter_inputs([stream], stream_wait=5))


def _filed(data: bytes, folder: Path, name: str) -> list[Any]:
    path = folder / name
    path.write_bytes(data)
    try:
        return list(iter_inputs([str(path)]))
    finally:
        path.unlink()


def _pages(items: list[Any]) -> list[tuple[str, str]]:
    """Each item as (its id, its text); a failure as ("failure", its message)."""
    return [
        (item.doc_id, item.text) if isinstance(item, Document) else ("failure", item.error)
        for item in items
    ]


# ------------------------------------------------------------------- CR-ended JSONL


@SETTINGS
@given(
    texts=st.lists(SENTENCE, min_size=1, max_size=6),
    ends=st.lists(st.sampled_from(["\r", "\n", "\r\n"]), min_size=6, max_size=6),
    first_end=st.sampled_from(["\r", "\r\n", "\n"]),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]),
    gzipped=st.booleans(),
    pieces=PIECES,
)
def test_jsonl_rows_are_rows_whatever_ends_their_lines(
    tmp_path_factory: Any,
    texts: list[str],
    ends: list[str],
    first_end: str,
    encoding: str,
    gzipped: bool,
    pieces: list[int],
) -> None:
    rows = [{"id": f"r{n}", "text": text} for n, text in enumerate(texts)]
    ends = [first_end, *ends[1:]]
    body = "".join(json.dumps(row) + end for row, end in zip(rows, ends, strict=False))
    data = body.encode(encoding)
    suffix = ".jsonl.gz" if gzipped else ".jsonl"
    data = gzip.compress(data) if gzipped else data
    assert stream_suffix(data) == suffix  # extract - refuses it as rows, as bulk reads it
    expected = [(row["id"], row["text"]) for row in rows]
    piped = _piped(data, pieces)
    filed = _filed(data, tmp_path_factory.mktemp("rows"), "rows" + suffix)
    assert _pages(piped) == expected  # one document a row, never one text
    assert _pages(filed) == expected
    # and said alike: a row its lone CR ended is noted the same from a pipe as from a file
    assert [item.warnings for item in piped] == [item.warnings for item in filed]


# --------------------------------------------------------- a gzipped table's last row


@SETTINGS
@given(
    texts=st.lists(SENTENCE, min_size=1, max_size=6),
    kind=st.sampled_from(["jsonl", "csv"]),
    end=st.sampled_from(["\n", "\r\n", "\r"]),
    last=st.sampled_from(["", "line end"]),
    encoding=st.sampled_from(["utf-8", "utf-16", "utf-32"]),
    members=st.integers(1, 3),
    pieces=PIECES,
)
def test_a_gzipped_table_gives_every_row_however_it_ends(
    tmp_path_factory: Any,
    texts: list[str],
    kind: str,
    end: str,
    last: str,
    encoding: str,
    members: int,
    pieces: list[int],
) -> None:
    if kind == "csv":
        lines = ["id,text"] + [f'r{n},"{text}"' for n, text in enumerate(texts)]
    else:
        lines = [json.dumps({"id": f"r{n}", "text": text}) for n, text in enumerate(texts)]
    body = end.join(lines) + (end if last else "")  # a last row with no line break, or one
    data = body.encode(encoding)
    # in ``members`` gzip members (``cat a.gz b.gz``), cut anywhere, even inside a character
    cut = max(1, -(-len(data) // members))
    data = b"".join(gzip.compress(data[at : at + cut]) for at in range(0, len(data), cut))
    expected = [(f"r{n}", text) for n, text in enumerate(texts)]
    filed = _filed(data, tmp_path_factory.mktemp("table"), f"rows.{kind}.gz")
    assert _pages(filed) == expected  # the last row too, never silently dropped
    assert _pages(_piped(data, pieces)) == expected  # piped, sniffed: read alike


# ------------------------------------------------------------- a WARC gzipped whole


def _record(uri: str, text: str, end: str) -> bytes:
    payload = f"HTTP/1.1 200 OK{end}Content-Type: text/html{end}{end}<html><p>{text}</p></html>"
    body = payload.encode()
    header = end.join([
        "WARC/1.0", "WARC-Type: response", f"WARC-Target-URI: {uri}",
        "WARC-Date: 2024-05-01T10:00:00Z", "Content-Type: application/http; msgtype=response",
        f"Content-Length: {len(body)}",
    ])  # fmt: skip
    return (header + end + end).encode() + body + (end + end).encode()


@SETTINGS
@given(
    texts=st.lists(SENTENCE, min_size=1, max_size=6),
    end=st.sampled_from(["\r\n", "\n"]),
    members=st.integers(1, 3),
    pieces=PIECES,
)
def test_a_warc_gzipped_whole_is_read_record_by_record(
    tmp_path_factory: Any, texts: list[str], end: str, members: int, pieces: list[int]
) -> None:
    records = [_record(f"http://news.example/{n}", text, end) for n, text in enumerate(texts)]
    # the records in ``members`` runs of one gzip member each (``gzip`` of a whole file, or
    # of parts of it joined: ``cat a.warc.gz b.warc.gz``), never one member a record
    cut = max(1, -(-len(records) // members))
    data = b"".join(
        gzip.compress(b"".join(records[at : at + cut])) for at in range(0, len(records), cut)
    )
    expected = [(f"http://news.example/{n}", text) for n, text in enumerate(texts)]
    filed = _filed(data, tmp_path_factory.mktemp("crawl"), "crawl.warc.gz")
    assert _pages(filed) == expected, [i.error for i in filed if isinstance(i, InputFailure)]
    assert stream_suffix(data) == ".warc.gz"
    assert _pages(_piped(data, pieces)) == expected
