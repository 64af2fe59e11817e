"""Round 54: tables in East Asian encodings, and Hugo's TOML front matter.

* A JSONL or CSV file written in Shift-JIS, EUC-JP, EUC-KR, GBK or Big5 (an export from a
  Japanese, Korean or Chinese system) is read with its characters: its lines were decoded
  one at a time among the single-byte code pages alone, so every row came out as another
  script's mojibake (EUC-KR as cp1251's Cyrillic, GBK as ISO 8859-5's), as U+FFFD, or,
  in JSONL, failed as "not valid JSON (Invalid \\escape)" (a Shift-JIS second byte is
  0x5C). The file's non-UTF-8 lines together now tell its encoding; rows it does not fit
  are still decoded alone, and a UTF-8 file with one windows-1252 row is as it was.
* A markdown or text file opening with TOML front matter (``+++`` ... ``+++``) has its
  date, title and URL read and its body as the text, as YAML's ``---`` block has: the
  block went to the model as article text, its date lost without a word. A block that is
  no TOML (or a bomb of brackets) leaves the text whole, with a warning: one document.

Corpora are generated (rows, words, encodings, delimiters, gzip, front matter values).
"""

from __future__ import annotations

import gzip
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor.io import decoding as decoding_module
from extractor.io import iter_inputs
from extractor.io import readers as readers_module
from extractor.io.documents import to_document
from extractor.io.readers import InputFailure
from extractor.pipeline.document import Document

SETTINGS = settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

#: Sentences of news text in each script, each encodable in the encodings it is listed under
#: (the Japanese hold Shift-JIS second bytes 0x5C ``\\`` and 0x7C: 表, ソ, ポ). A table of
#: three sentences or more is what the test reads: on a sentence or two, as on a short
#: ``.txt`` file, a multi-byte encoding is no surer a guess than a single-byte one.
_JAPANESE = [
    "東京で震度五の地震が発生し、気象庁は津波の心配はないと発表した。",
    "首相は大阪で記者会見を開き、新しい経済対策について説明した。",
    "台風十号の影響で、九州地方では交通機関に大きな乱れが出ている。",
    "警察によると、事故で三人がけがをしたが、いずれも命に別状はない。",
    "政府は来年度の予算案をまとめ、国会に提出する方針だ。",
    "ソフトウェアの不具合により、銀行のシステムが一時停止した。",
    "表示価格の誤りについて、会社は謝罪のコメントを出した。",
    "ポスターの展示会が名古屋で始まった。",
]
_KOREAN = [
    "서울에서 규모 4.5의 지진이 발생했다고 기상청이 밝혔다.",
    "대통령은 부산에서 열린 회담에서 경제 협력을 강조했다.",
    "태풍의 영향으로 제주도의 항공편이 모두 결항되었다.",
    "경찰은 사고 원인을 조사하고 있다고 말했다.",
    "정부는 내년도 예산안을 국회에 제출할 예정이다.",
]
_SIMPLIFIED = [
    "北京发生了五级地震，目前没有人员伤亡的报告。",
    "总理在上海举行的会议上强调了经济合作的重要性。",
    "受台风影响，广州的航班全部取消。",
    "警方表示正在调查事故的原因。",
    "政府将向议会提交明年的预算草案。",
]
_TRADITIONAL = [
    "臺北發生五級地震，目前沒有人員傷亡的報告。",
    "總統在高雄舉行的會議上強調了經濟合作的重要性。",
    "受颱風影響，台中的航班全部取消。",
    "警方表示正在調查事故的原因。",
    "政府將向立法院提交明年的預算草案。",
]
#: EUC-JP is left out: its Japanese ties with cp874's Thai reading in charset-normalizer's
#: measure on a few sentences, as a ``.txt`` file's does (the file's guess, not the table's).
SCRIPTS: dict[str, list[str]] = {
    "shift_jis": _JAPANESE,
    "euc_kr": _KOREAN,
    "gbk": _SIMPLIFIED,
    "big5": _TRADITIONAL,
}


@st.composite
def east_asian_rows(draw: Any) -> tuple[str, list[str]]:
    """An encoding and the texts of a table's rows in it: three sentences or more, with
    rows in plain ASCII among them (an export mixes them; those lines are UTF-8)."""
    encoding = draw(st.sampled_from(sorted(SCRIPTS)))
    sentences = SCRIPTS[encoding]
    texts = draw(st.lists(st.sampled_from(sentences), min_size=3, max_size=6, unique=True))
    ascii_rows = draw(st.lists(st.sampled_from(["Talks in Paris.", "He said so."]), max_size=3))
    for text in ascii_rows:
        texts.insert(draw(st.integers(0, len(texts))), text)
    return encoding, texts


def _read(path: Path) -> list[Any]:
    return list(iter_inputs([str(path)]))


def _texts(items: list[Any]) -> list[tuple[str, str]]:
    """Each item as (its id, its text); a failure as (its id, "failure: " + its message)."""
    return [
        (item.doc_id, item.text)
        if isinstance(item, Document)
        else (item.doc_id, f"failure: {item.error}")
        for item in items
    ]


def _jsonl(texts: list[str], encoding: str) -> bytes:
    return b"".join(
        b'{"id": "r%d", "text": "' % number + text.encode(encoding) + b'"}\n'
        for number, text in enumerate(texts)
    )


def _csv(texts: list[str], encoding: str, delimiter: str, quoted: bool) -> bytes:
    sep = delimiter.encode()
    rows = [b"id" + sep + b"text"]
    for number, text in enumerate(texts):
        cell = text.encode(encoding)
        rows.append(b"r%d" % number + sep + (b'"' + cell + b'"' if quoted else cell))
    return b"\r\n".join(rows) + b"\r\n"


@SETTINGS
@given(
    rows=east_asian_rows(),
    kind=st.sampled_from(["jsonl", "csv"]),
    delimiter=st.sampled_from([",", ";", "\t"]),
    quoted=st.booleans(),
    gzipped=st.booleans(),
)
def test_a_table_in_an_east_asian_encoding_is_read_with_its_characters(
    tmp_path: Path,
    rows: tuple[str, list[str]],
    kind: str,
    delimiter: str,
    quoted: bool,
    gzipped: bool,
) -> None:
    encoding, texts = rows
    data = _jsonl(texts, encoding) if kind == "jsonl" else _csv(texts, encoding, delimiter, quoted)
    path = tmp_path / (f"table.{kind}.gz" if gzipped else f"table.{kind}")
    path.write_bytes(gzip.compress(data) if gzipped else data)
    items = _read(path)
    assert _texts(items) == [(f"r{number}", text) for number, text in enumerate(texts)]
    for item, text in zip(items, texts, strict=True):
        if not text.isascii():  # decoded by the file's encoding, and said so
            assert any("not UTF-8 text" in warning for warning in item.warnings)


def test_a_row_longer_than_the_head_tells_the_encoding_too(tmp_path: Path) -> None:
    """A JSONL row of a whole article is longer than the head read to tell the encoding
    (8 KiB): that head is one cut line, which may end inside a character."""
    texts = ["東京で地震が発生した。表示ソフト" * 400, "大阪で祭り"]
    for cut in (0, 1):  # the head cut between characters, or inside one
        path = tmp_path / f"long{cut}.jsonl"
        path.write_bytes(_jsonl([" " * cut + texts[0], texts[1]], "shift_jis"))
        assert _texts(_read(path)) == [("r0", " " * cut + texts[0]), ("r1", texts[1])]


def test_the_east_asian_reading_needs_the_file_to_tell_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Proof the test above tests the file's encoding: decoded a row at a time alone, as
    before, without the script rule either (which reads such sentences alone since round
    56), the rows come out as another script's characters (or fail)."""
    texts = _KOREAN[:3]
    path = tmp_path / "korean.jsonl"
    path.write_bytes(_jsonl(texts, "euc_kr"))
    assert _texts(_read(path)) == [(f"r{n}", text) for n, text in enumerate(texts)]
    monkeypatch.setattr(readers_module, "table_encoding", lambda head: None)
    monkeypatch.setattr(decoding_module, "east_asian_script", lambda data: None)
    assert _texts(_read(path)) != [(f"r{n}", text) for n, text in enumerate(texts)]


def test_a_western_row_among_utf8_ones_is_still_decoded_alone(tmp_path: Path) -> None:
    """The file's encoding is an East Asian one only: a UTF-8 export with one
    windows-1252 row reads that row as before; a Shift-JIS file with one reads it so too,
    and its Shift-JIS rows by the encoding most of its non-UTF-8 lines are in."""
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(
        b'{"id": "a", "text": "caf\xc3\xa9 in M\xc3\xbcnchen"}\n'
        b'{"id": "b", "text": "caf\xe9 au lait \x93quoted\x94"}\n'
    )
    assert _texts(_read(path)) == [("a", "café in München"), ("b", "café au lait “quoted”")]
    path = tmp_path / "japanese_and_western.jsonl"
    path.write_bytes(
        _jsonl(_JAPANESE[:4], "shift_jis") + b'{"id": "w", "text": "caf\xe9 au lait \x93q\x94"}\n'
    )
    expected = [(f"r{number}", text) for number, text in enumerate(_JAPANESE[:4])]
    assert _texts(_read(path)) == [*expected, ("w", "café au lait “q”")]


# ----------------------------------------------------------------- TOML front matter

TITLE = st.text(
    st.characters(codec="utf-8", categories=["L", "N", "Zs"]), min_size=1, max_size=30
).filter(lambda text: text.strip() == text and text.strip())
DAY = st.dates(min_value=date(1990, 1, 1), max_value=date(2035, 12, 31))
BODY = st.lists(
    st.sampled_from(["Talks", "in", "Paris", "ended", "on", "Monday", "---", "+++"]),
    min_size=2,
    max_size=12,
).map(lambda words: "Talks " + " ".join(words) + ".")


def _toml_front(title: str, day: date, url: str | None, quoted_date: bool) -> str:
    lines = [f"title = {json.dumps(title, ensure_ascii=False)}"]
    lines.append(f'date = "{day.isoformat()}"' if quoted_date else f"date = {day.isoformat()}")
    if url:
        lines.append(f"url = {json.dumps(url)}")
    return "+++\n" + "\n".join(lines) + "\n+++\n"


@SETTINGS
@given(
    title=TITLE,
    day=DAY,
    body=BODY,
    url=st.sampled_from([None, "https://example.org/a"]),
    quoted_date=st.booleans(),
    suffix=st.sampled_from([".md", ".txt", ".markdown"]),
    crlf=st.booleans(),
)
def test_toml_front_matter_gives_the_date_and_title_and_leaves_the_body(
    tmp_path: Path,
    title: str,
    day: date,
    body: str,
    url: str | None,
    quoted_date: bool,
    suffix: str,
    crlf: bool,
) -> None:
    text = _toml_front(title, day, url, quoted_date) + body + "\n"
    path = tmp_path / f"page{suffix}"
    path.write_bytes((text.replace("\n", "\r\n") if crlf else text).encode())
    (item,) = _read(path)
    assert isinstance(item, Document), item
    assert (item.text, item.published, item.title) == (body, day, title)
    assert item.url == url
    assert item.warnings == ()
    # the same text given as a string is the same document (one path for every input)
    from_string = to_document(text)
    assert (from_string.text, from_string.published, from_string.title) == (body, day, title)


@SETTINGS
@given(
    block=st.one_of(
        st.sampled_from(["title = ", "date = 2024-13-45", "= x", "a = [[[", 'title = "x"\ntitle']),
        st.integers(200, 3000).map(lambda depth: "a = " + "[" * depth + "]" * depth),
    ),
    body=BODY,
)
def test_toml_front_matter_that_is_no_toml_keeps_the_text_whole_with_a_warning(
    tmp_path: Path, block: str, body: str
) -> None:
    text = f"+++\n{block}\n+++\n{body}\n"
    path = tmp_path / "page.md"
    path.write_text(text)
    (item,) = _read(path)
    assert isinstance(item, Document), item
    assert item.text == text.rstrip("\n") or item.text == text
    assert item.published is None
    assert any("front matter" in warning for warning in item.warnings), item.warnings


def test_toml_front_matter_alone_is_a_document_without_text(tmp_path: Path) -> None:
    path = tmp_path / "empty.md"
    path.write_text('+++\ntitle = "Only metadata"\ndate = 2024-05-06\n+++\n')
    (item,) = _read(path)
    assert isinstance(item, InputFailure)
    assert "front matter only" in item.error


def test_a_text_opening_with_plus_signs_that_close_no_block_is_text(tmp_path: Path) -> None:
    path = tmp_path / "news.txt"
    path.write_text("+++ Breaking +++\nTalks in Paris ended on Monday.\n")
    (item,) = _read(path)
    assert isinstance(item, Document)
    assert item.text.startswith("+++ Breaking +++")
    assert item.warnings == ()


@SETTINGS
@given(
    title=st.sampled_from(["[a, b]", "{x: 1}", "true", "[]", "{}"]),
    fence=st.sampled_from(["yaml", "toml"]),
)
def test_a_front_matter_title_that_is_no_text_is_said(
    tmp_path: Path, title: str, fence: str
) -> None:
    """A title that is a list or a table is dropped with a warning, as a JSONL row's is
    (before: dropped without a word)."""
    toml_title = {"[a, b]": '["a", "b"]', "{x: 1}": "{x = 1}", "[]": "[]", "{}": "{}"}
    if fence == "yaml":
        text = f"---\ntitle: {title}\n---\nTalks in Paris.\n"
    else:
        text = f"+++\ntitle = {toml_title.get(title, title)}\n+++\nTalks in Paris.\n"
    path = tmp_path / "page.md"
    path.write_text(text)
    (item,) = _read(path)
    assert isinstance(item, Document)
    assert (item.text, item.title) == ("Talks in Paris.", None)
    assert any("'title' is not text" in warning for warning in item.warnings), item.warnings


# ------------------------------------------------------------------ compressed names

COMPRESSIONS = [".bz2", ".xz", ".zst", ".lz4", ".7z", ".rar", ".lzma", ".br"]


@SETTINGS
@given(
    inner=st.sampled_from(["news.jsonl", "news.csv", "article.txt", "pages", "dump.warc"]),
    suffix=st.sampled_from(COMPRESSIONS),
    upper=st.booleans(),
    zipped=st.booleans(),
)
def test_a_file_compressed_as_nothing_reads_is_one_line_saying_to_decompress(
    tmp_path: Path, inner: str, suffix: str, upper: bool, zipped: bool
) -> None:
    """``x.jsonl.bz2`` (xz, zstd...) is one skipped line naming the compression and that
    it is to be decompressed first (before: "unsupported file type '.bz2'", as a .pdf)."""
    import zipfile

    name = inner + (suffix.upper() if upper else suffix)
    data = b"BZh9" + bytes(range(256))  # no real compressed bytes: the name decides
    if zipped:
        path = tmp_path / "bundle.zip"
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr(name, data)
            archive.writestr("ok.txt", "Talks in Paris.")
    else:
        path = tmp_path / name
        path.write_bytes(data)
    items = _read(path)
    refused = [item for item in items if isinstance(item, InputFailure)]
    assert len(refused) == 1 and refused[0].skipped
    assert suffix in refused[0].error.lower() and "decompress it first" in refused[0].error
    assert "\n" not in refused[0].error
    assert len(items) == (2 if zipped else 1)


# --------------------------------------------------- UTF-16/32 without a byte order mark

ALPHABETS = {
    "ru": ["Москва", "в", "понедельник", "произошло", "событие", "министр", "заявил"],
    "el": ["Αθήνα", "σεισμός", "μεγέθους", "σημειώθηκε", "τη", "Δευτέρα", "υπουργός"],
    "he": ["ירושלים", "רעידת", "אדמה", "התרחשה", "ביום", "שני", "השר"],
    "uk": ["Київ", "у", "понеділок", "відбулася", "подія", "міністр", "заявив"],
}


@SETTINGS
@given(
    alphabet=st.sampled_from(sorted(ALPHABETS)),
    data=st.data(),
    encoding=st.sampled_from(["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"]),
    kind=st.sampled_from(["txt", "jsonl", "csv"]),
)
def test_a_text_in_another_alphabet_without_a_byte_order_mark_is_read(
    tmp_path: Path, alphabet: str, data: Any, encoding: str, kind: str
) -> None:
    """A Russian, Greek or Hebrew UTF-16 or UTF-32 file saved without a byte order mark
    is read (before: "binary file, not text", for its zero bytes: only a text all in
    ASCII was told by them)."""
    words = ALPHABETS[alphabet]
    sentence = st.lists(st.sampled_from(words), min_size=3, max_size=10).map(
        lambda chosen: " ".join(chosen) + "."
    )
    texts = data.draw(st.lists(sentence, min_size=1, max_size=4))
    if kind == "txt":
        body = "\n".join(texts) + "\n"
    elif kind == "jsonl":
        body = "".join(
            json.dumps({"id": f"r{n}", "text": text}, ensure_ascii=False) + "\n"
            for n, text in enumerate(texts)
        )
    else:
        body = "id,text\n" + "".join(f"r{n},{text}\n" for n, text in enumerate(texts))
    path = tmp_path / f"wide.{kind}"
    path.write_bytes(body.encode(encoding))
    items = _read(path)
    if kind == "txt":
        (item,) = items
        assert isinstance(item, Document), item
        assert item.text == body
        assert any(encoding in warning for warning in item.warnings), item.warnings
    else:
        assert _texts(items) == [(f"r{n}", text) for n, text in enumerate(texts)]


# -- a Western row in an East Asian table --------------------------------------------------

_WESTERN_WORDS = ["Zürich", "Köln", "München", "café", "Genève", "Málaga", "Besançon", "straße"]


@settings(max_examples=40, deadline=None)
@given(
    words=st.lists(st.sampled_from(_WESTERN_WORDS), min_size=1, max_size=6),
    table=st.sampled_from(["gb18030", "gbk", "big5", "cp932", "euc_kr"]),
)
def test_a_western_row_in_an_east_asian_table_is_read_as_western(
    words: list[str], table: str
) -> None:
    """A windows-1252 row decodes in gb18030 or big5 too ("Zürich" as "Z黵ich"): the
    table's encoding is taken for a row only when it reads as words; else the row is
    guessed on its own, as in any table."""
    from extractor.io.decoding import unit_decoding

    row = " und ".join(words).encode("cp1252")
    assert unit_decoding(row, table).decode(row) == " und ".join(words)
