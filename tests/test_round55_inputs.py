"""Round 55: how the rows of a table that are not UTF-8 are decoded, and archives not read.

* Western (windows-1252) rows among the rows of a Shift-JIS, EUC-KR or Big5 table made
  the lines together read best as gb18030: every East Asian row came out as Chinese
  mojibake (or failed as "not valid JSON"). Lines that are plain Western words, or
  UTF-8 with a stray byte, now take no part in telling the table's encoding.
* A JSONL file told its encoding from its first 8 KiB alone: East Asian rows after
  8 KiB of ASCII ones, or one row longer than that cut inside a character, were read
  alone, as a single-byte code page's mojibake. The first line that is not UTF-8 (and
  what follows it) now tells it.
* A UTF-8 row with one stray byte in an East Asian table was decoded in the table's
  encoding ("北京" as gb18030's "鍖椾含"): a row's decoding must never be worse than its
  UTF-8 reading with U+FFFD for that byte.
* ``x.7z`` and ``x.rar`` were called compressions ("decompress it first"): they are
  archives of files in a format that is not read; the line says so, and what to do.

Corpora are generated (rows, their order, encodings, stray bytes, table kinds, suffixes).
"""

from __future__ import annotations

import gzip
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor.io import iter_inputs
from extractor.io.decoding import unit_decoding
from extractor.io.readers import InputFailure
from extractor.pipeline.document import Document

SETTINGS = settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

SCRIPTS: dict[str, list[str]] = {
    "shift_jis": [
        "東京で震度五の地震が発生し、気象庁は津波の心配はないと発表した。",
        "首相は大阪で記者会見を開き、新しい経済対策について説明した。",
        "台風十号の影響で、九州地方では交通機関に大きな乱れが出ている。",
        "警察によると、事故で三人がけがをしたが、いずれも命に別状はない。",
        "ソフトウェアの不具合により、銀行のシステムが一時停止した。",
    ],
    "euc_kr": [
        "서울에서 규모 4.5의 지진이 발생했다고 기상청이 밝혔다.",
        "대통령은 부산에서 열린 회담에서 경제 협력을 강조했다.",
        "태풍의 영향으로 제주도의 항공편이 모두 결항되었다.",
        "경찰은 사고 원인을 조사하고 있다고 말했다.",
        "정부는 내년도 예산안을 국회에 제출할 예정이다.",
    ],
    "gbk": [
        "北京发生了五级地震，目前没有人员伤亡的报告。",
        "总理在上海举行的会议上强调了经济合作的重要性。",
        "受台风影响，广州的航班全部取消。",
        "警方表示正在调查事故的原因。",
        "政府将向议会提交明年的预算草案。",
    ],
    "big5": [
        "臺北發生五級地震，目前沒有人員傷亡的報告。",
        "總統在高雄舉行的會議上強調了經濟合作的重要性。",
        "受颱風影響，台中的航班全部取消。",
        "警方表示正在調查事故的原因。",
        "政府將向立法院提交明年的預算草案。",
    ],
}
WESTERN = [
    "Zürich und Köln",
    "café au lait à Genève",
    "Málaga, straße",
    "Besançon: “quoted” – dash",
    "São Paulo, Açores",
    "Ärger in Düsseldorf",
]


def _read(path: Path) -> list[Any]:
    return list(iter_inputs([str(path)]))


def _texts(items: list[Any]) -> list[tuple[str, str]]:
    return [
        (item.doc_id, item.text)
        if isinstance(item, Document)
        else (item.doc_id, f"failure: {item.error}")
        for item in items
    ]


def _table(rows: list[tuple[str, bytes]], kind: str) -> bytes:
    """(id, encoded text) rows as JSONL or as a CSV with a quoted text column."""
    if kind == "jsonl":
        return b"".join(b'{"id": "%s", "text": "%s"}\n' % (key.encode(), raw) for key, raw in rows)
    body = b"".join(b'%s,"%s"\r\n' % (key.encode(), raw) for key, raw in rows)
    return b"id,text\r\n" + body


@SETTINGS
@given(
    encoding=st.sampled_from(sorted(SCRIPTS)),
    data=st.data(),
    kind=st.sampled_from(["jsonl", "csv"]),
    gzipped=st.booleans(),
)
def test_western_rows_among_east_asian_ones_leave_both_read_right(
    tmp_path: Path, encoding: str, data: Any, kind: str, gzipped: bool
) -> None:
    """Two Western rows or more, anywhere among three East Asian ones or more."""
    east = data.draw(st.lists(st.sampled_from(SCRIPTS[encoding]), min_size=3, max_size=5))
    west = data.draw(st.lists(st.sampled_from(WESTERN), min_size=2, max_size=4))
    texts: list[tuple[str, str]] = [(text, encoding) for text in east]
    for text in west:
        texts.insert(data.draw(st.integers(0, len(texts))), (text, "cp1252"))
    rows = [(f"r{number}", text.encode(codec)) for number, (text, codec) in enumerate(texts)]
    raw = _table(rows, kind)
    path = tmp_path / (f"t.{kind}.gz" if gzipped else f"t.{kind}")
    path.write_bytes(gzip.compress(raw) if gzipped else raw)
    assert _texts(_read(path)) == [(f"r{n}", text) for n, (text, _) in enumerate(texts)]


@SETTINGS
@given(
    encoding=st.sampled_from(sorted(SCRIPTS)),
    data=st.data(),
    ascii_rows=st.integers(120, 300),
)
def test_east_asian_rows_after_a_long_ascii_head_are_read_right(
    tmp_path: Path, encoding: str, data: Any, ascii_rows: int
) -> None:
    """The encoding is told where the first row that is not UTF-8 is, not from 8 KiB."""
    east = data.draw(st.lists(st.sampled_from(SCRIPTS[encoding]), min_size=3, max_size=5))
    rows = [
        (f"a{n}", b"plain ascii row %d about talks in Paris and more" % n)
        for n in range(ascii_rows)
    ]
    rows += [(f"e{n}", text.encode(encoding)) for n, text in enumerate(east)]
    path = tmp_path / "late.jsonl"
    path.write_bytes(_table(rows, "jsonl"))
    assert _texts(_read(path))[ascii_rows:] == [(f"e{n}", text) for n, text in enumerate(east)]


@SETTINGS
@given(
    encoding=st.sampled_from(["gbk", "euc_kr", "big5", "shift_jis"]),
    data=st.data(),
    pad=st.integers(0, 3),
)
def test_one_row_longer_than_the_head_is_read_right_wherever_the_head_cuts_it(
    tmp_path: Path, encoding: str, data: Any, pad: int
) -> None:
    """A whole article in one JSONL row, past the head read first, cut by it anywhere."""
    sentences = data.draw(st.permutations(SCRIPTS[encoding]))
    article = "".join(sentences)  # an article, not one sentence: one Japanese alone reads as cp949
    long = " " * pad + article * (9000 // len(article.encode(encoding)) + 2)
    short = data.draw(st.sampled_from(SCRIPTS[encoding]))
    path = tmp_path / "long.jsonl"
    path.write_bytes(
        _table([("r0", long.encode(encoding)), ("r1", short.encode(encoding))], "jsonl")
    )
    assert _texts(_read(path)) == [("r0", long), ("r1", short)]


UTF8_TEXT = (
    st.lists(
        st.sampled_from(
            ["北京发生了地震", "in", "东京", "café", "München", "Zürich", "会议", "ok"]
        ),
        min_size=2,
        max_size=6,
    )
    .map(" ".join)
    .filter(lambda text: not text.isascii())
)  # else a legacy row: "€in in"


@settings(max_examples=60, deadline=None)
@given(
    text=UTF8_TEXT,
    stray=st.integers(0x80, 0xFF),
    data=st.data(),
    table=st.sampled_from(["gb18030", "gbk", "big5", "cp932", "shift_jis", "euc_kr", None]),
)
def test_a_utf8_row_with_a_stray_byte_stays_utf8(
    text: str, stray: int, data: Any, table: str | None
) -> None:
    """Whatever the table's encoding, one stray byte costs that byte (U+FFFD), not the row."""
    at = data.draw(st.integers(0, len(text)))
    row = text[:at].encode() + bytes([stray]) + text[at:].encode()
    how = unit_decoding(row, table)
    assert how.decode(row) == text[:at] + "\ufffd" + text[at:]
    assert how.warning is not None and "U+FFFD" in how.warning


@SETTINGS
@given(
    encoding=st.sampled_from(sorted(SCRIPTS)),
    data=st.data(),
    text=UTF8_TEXT,
    stray=st.integers(0x80, 0xFF),
)
def test_a_utf8_row_with_a_stray_byte_in_an_east_asian_table_file(
    tmp_path: Path, encoding: str, data: Any, text: str, stray: int
) -> None:
    east = data.draw(st.lists(st.sampled_from(SCRIPTS[encoding]), min_size=3, max_size=5))
    at = data.draw(st.integers(0, len(text)))
    bad = text[:at].encode() + bytes([stray]) + text[at:].encode()
    rows = [(f"e{n}", t.encode(encoding)) for n, t in enumerate(east)] + [("u", bad)]
    path = tmp_path / "stray.jsonl"
    path.write_bytes(_table(rows, "jsonl"))
    got = _texts(_read(path))
    assert got[:-1] == [(f"e{n}", t) for n, t in enumerate(east)]
    if bytes([stray]) in b'"\\':  # pragma: no cover - a stray byte is never ASCII here
        return
    assert got[-1] == ("u", text[:at] + "\ufffd" + text[at:])


ARCHIVES = {".7z": "7z x", ".rar": "unrar x", ".cab": "cabextract", ".iso": "7z x"}


@SETTINGS
@given(
    suffix=st.sampled_from(sorted(ARCHIVES)),
    inner=st.sampled_from(["news.jsonl", "news", "pages.csv", "dump"]),
    upper=st.booleans(),
    zipped=st.booleans(),
)
def test_an_archive_in_a_format_not_read_is_said_to_be_one(
    tmp_path: Path, suffix: str, inner: str, upper: bool, zipped: bool
) -> None:
    """One skipped line naming the archive kind and the command that unpacks it, never
    "compression" (a .7z holds files, not one compressed file)."""
    import zipfile

    name = inner + (suffix.upper() if upper else suffix)
    data = b"7z\xbc\xaf\x27\x1c" + bytes(range(256))
    sub = Path(tempfile.mkdtemp(dir=tmp_path))
    if zipped:
        path = sub / "bundle.zip"
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr(name, data)
            archive.writestr("ok.txt", "Talks in Paris.")
    else:
        path = sub / name
        path.write_bytes(data)
        (sub / "ok.txt").write_text("Talks in Paris.")
    items = list(iter_inputs([str(sub)]))
    refused = [item for item in items if isinstance(item, InputFailure)]
    assert len(refused) == 1 and refused[0].skipped
    error = refused[0].error
    assert suffix in error.lower() and " archive" in error and ARCHIVES[suffix] in error
    assert "compression" not in error and "\n" not in error
    assert len(items) == 2


# ------------------------------------------------------------- zip members not readable


def _flag_member(data: bytes, name: bytes, *, flag: int = 0, method: int | None = None) -> bytes:
    """The zip ``data`` with member ``name``'s local and central headers given general
    purpose ``flag`` bits and compression ``method`` (as an encrypting or Deflate64 zip
    tool writes them)."""
    import struct

    raw = bytearray(data)
    for signature, flag_at, method_at, name_at in (
        (b"PK\x03\x04", 6, 8, 30),
        (b"PK\x01\x02", 8, 10, 46),
    ):
        start = 0
        while (at := raw.find(signature, start)) >= 0:
            start = at + 4
            length = struct.unpack_from("<H", raw, at + (26 if name_at == 30 else 28))[0]
            if bytes(raw[at + name_at : at + name_at + length]) != name:
                continue
            raw[at + flag_at] |= flag
            if method is not None:
                struct.pack_into("<H", raw, at + method_at, method)
    return bytes(raw)


@SETTINGS
@given(
    how=st.sampled_from(
        [
            ("flag", 1, None),
            ("aes", 0, 99),
            ("deflate64", 0, 9),
            ("ppmd", 0, 98),
            ("unknown", 0, 77),
        ]
    ),
    others=st.integers(1, 3),
    position=st.integers(0, 3),
)
def test_an_encrypted_or_unreadably_compressed_zip_member_is_one_line_saying_what_to_do(
    tmp_path: Path, how: tuple[str, int, int | None], others: int, position: int
) -> None:
    """Before: "unreadable member (RuntimeError: File <ZipInfo filename='a.txt' filemode=...>
    is encrypted, password required for extraction)", or "(NotImplementedError: That
    compression method is not supported)": Python's words, and nothing to do."""
    import io
    import zipfile

    names = [f"ok{n}.txt" for n in range(others)]
    names.insert(min(position, len(names)), "locked.txt")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in names:
            archive.writestr(name, f"Talks in Paris, file {name}.")
    kind, flag, method = how
    path = tmp_path / "bundle.zip"
    path.write_bytes(_flag_member(buffer.getvalue(), b"locked.txt", flag=flag, method=method))
    items = _read(path)
    assert [item.doc_id.rsplit("!", 1)[-1] for item in items] == names
    refused = [item for item in items if isinstance(item, InputFailure)]
    assert len(refused) == 1 and refused[0].doc_id.endswith("!locked.txt")
    error = refused[0].error
    assert "\n" not in error and "ZipInfo" not in error and "Error" not in error
    assert "7z x" in error and "folder" in error
    if kind in ("flag", "aes"):
        assert "encrypted" in error and "password" in error
    else:
        assert f"zip method {method}" in error


# ------------------------------------------------- a JSON array written an object a line


@SETTINGS
@given(
    count=st.integers(1, 6),
    layout=st.sampled_from(["own-lines", "first-and-last", "mixed"]),
    crlf=st.booleans(),
)
def test_a_json_array_written_an_object_a_line_gives_every_row(
    tmp_path: Path, count: int, layout: str, crlf: bool
) -> None:
    """``[`` / ``{...},`` / ``{...}`` / ``]`` (or ``[{...},`` ... ``{...}]``) named .jsonl:
    before, every row but the last failed as "Extra data" and the brackets as "Expecting
    value"; now each object is its row, with a warning, and the brackets are no rows."""
    import json

    rows = [json.dumps({"id": f"r{n}", "text": f"Talks in Paris, day {n}."}) for n in range(count)]
    body = ",\n".join(rows)
    if layout == "own-lines":
        data = "[\n" + body + "\n]\n"
    elif layout == "first-and-last":
        data = "[" + body + "]\n"
    else:
        data = "[\n" + body + "]\n"
    if crlf:
        data = data.replace("\n", "\r\n")
    path = tmp_path / "array.jsonl"
    path.write_text(data, encoding="utf-8", newline="")
    items = _read(path)
    if layout == "first-and-last" and count == 1:  # one whole line: an array, said so
        assert len(items) == 1 and "a JSON array, not an object" in items[0].error
        return
    assert _texts(items) == [(f"r{n}", f"Talks in Paris, day {n}.") for n in range(count)]


@SETTINGS
@given(parts=st.integers(2, 4), rows=st.integers(1, 3))
def test_jsonl_files_joined_each_with_its_byte_order_mark_read_every_row(
    tmp_path: Path, parts: int, rows: int
) -> None:
    """``cat a.jsonl b.jsonl`` of files a Windows tool saved with a UTF-8 BOM: the second
    file's first row failed as "Unexpected UTF-8 BOM (decode using utf-8-sig)"."""
    data = b""
    expected = []
    for part in range(parts):
        data += b"\xef\xbb\xbf"
        for row in range(rows):
            key = f"p{part}r{row}"
            data += b'{"id": "%s", "text": "Row %s."}\r\n' % (key.encode(), key.encode())
            expected.append((key, f"Row {key}."))
    path = tmp_path / "joined.jsonl"
    path.write_bytes(data)
    assert _texts(_read(path)) == expected


# ------------------------------------------------------------------- WARC record framing

PAGE = (
    b"<html><head><title>T</title></head><body><p>"
    + b"Talks in Paris ended on Monday after a long night. " * 12
    + b"</p></body></html>"
)


def _warc_record(uri: bytes, *, short_by: int = 0, after: bytes = b"\r\n\r\n") -> bytes:
    body = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + PAGE
    head = (
        b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: " + uri + b"\r\n"
        b"Content-Type: application/http; msgtype=response\r\n"
        b"Content-Length: %d\r\n\r\n" % (len(body) - short_by)
    )
    return head + body + after


@SETTINGS
@given(
    count=st.integers(2, 4),
    data=st.data(),
    gzipped=st.booleans(),
)
def test_a_warc_record_longer_than_its_content_length_is_one_failure_and_no_stderr(
    tmp_path: Path, count: int, data: Any, gzipped: bool, capfd: Any
) -> None:
    """A record whose Content-Length is short was read as a page cut short, and warcio wrote
    three raw lines on stderr ("WARNING: Record not followed by newline ..."); now it is
    that record's one failure line, and the records around it are read."""
    bad = data.draw(st.integers(0, count - 1))
    short_by = data.draw(st.integers(5, 60))
    records = [
        _warc_record(b"http://example.org/%d" % n, short_by=short_by if n == bad else 0)
        for n in range(count)
    ]
    raw = b"".join(gzip.compress(record) for record in records) if gzipped else b"".join(records)
    path = tmp_path / ("crawl.warc.gz" if gzipped else "crawl.warc")
    path.write_bytes(raw)
    capfd.readouterr()
    items = _read(path)
    assert capfd.readouterr().err == ""
    assert [item.doc_id for item in items] == [f"http://example.org/{n}" for n in range(count)]
    for number, item in enumerate(items):
        if number == bad:
            assert isinstance(item, InputFailure) and "Content-Length" in item.error
            assert "\n" not in item.error
        else:
            assert isinstance(item, Document) and item.text.startswith("Talks in Paris")


@SETTINGS
@given(junk=st.binary(min_size=1, max_size=40).filter(lambda b: b.strip() != b""))
def test_a_warc_error_quoting_the_bytes_it_read_is_one_printable_line(
    tmp_path: Path, junk: bytes
) -> None:
    """warcio's "Invalid WARC record, first line: ..." quotes the line, its newline and any
    escape codes in it: the failure was two lines, or coloured a terminal."""
    path = tmp_path / "junk.warc"
    path.write_bytes(
        _warc_record(b"http://example.org/a", after=b"") + b"\r\n\r\n" + junk + b"\r\n"
    )
    for item in _read(path):
        if isinstance(item, InputFailure):
            assert item.error.isprintable(), item.error
