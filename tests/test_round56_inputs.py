"""Round 56, inputs: what a reader still made of ordinary files gone slightly wrong.

* Hugo's JSON front matter (a ``.md`` opening with ``{ "title": ..., "date": ... }``) went to
  the model as text, its date and title lost.
* A zip cut short (no central directory) was one "File is not a zip file" although its
  members before the cut were whole.
* A text, a page or a gzipped text named ``.warc`` was a "corrupt WARC", as if damaged.
* CSV files joined together: the header of each one after the first (after its BOM) was
  read as a document.
* A CSV file whose first MiB is ASCII: its later Shift-JIS rows were U+FFFD.
* A sentence or two of Japanese, Korean or Chinese in a legacy encoding was decoded as
  another script's characters (Shift-JIS as cp949's Hangul, EUC-JP as cp874's Thai, EUC-KR
  as cp1251's Cyrillic), silently.

Every input is generated here.
"""

from __future__ import annotations

import gzip
import json
import re
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor.io import iter_inputs
from extractor.io.decoding import decode_file, east_asian_script, table_encoding, unit_decoding
from extractor.io.readers import InputFailure, read_file
from extractor.pipeline.document import Document
from tests.archive_support import WriteOnly

SETTINGS = settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

WORDS = st.sampled_from(
    ["flood", "council", "river", "storm", "minister", "harbour", "bridge", "market"]
)
SENTENCE = st.lists(WORDS, min_size=3, max_size=9).map(lambda w: " ".join(w).capitalize() + ".")


def _items(*paths: Path) -> list[Document | InputFailure]:
    return list(iter_inputs([str(path) for path in paths]))


# ------------------------------------------------------------------ JSON front matter


@SETTINGS
@given(
    title=SENTENCE,
    day=st.dates(min_value=__import__("datetime").date(1990, 1, 1)),
    body=st.lists(SENTENCE, min_size=1, max_size=4).map(" ".join),
    extra=st.dictionaries(st.sampled_from(["draft", "tags", "weight"]), st.integers(0, 9)),
    indent=st.sampled_from([None, 2, 4]),
    gap=st.sampled_from(["\n", "\n\n", " \n\n"]),
)
def test_json_front_matter_gives_date_and_title(
    tmp_path: Path,
    title: str,
    day: object,
    body: str,
    extra: dict[str, int],
    indent: int | None,
    gap: str,
) -> None:
    """Hugo's third front matter form: one JSON object, then the body."""
    front = {"title": title, "date": str(day), **extra}
    path = tmp_path / "post.md"
    path.write_text(json.dumps(front, indent=indent) + gap + body + "\n", encoding="utf-8")
    doc = read_file(path)
    assert (doc.title, doc.published, doc.text) == (title, day, body)


@pytest.mark.parametrize(
    "text",
    [
        '{"title": "Only an object"}\n',  # a JSON document, no body: no front matter
        "{braces} open this text, which is prose.\n",
        '{"title": "x"} and text on the same line.\n',
        "[1, 2]\nA list is no front matter.\n",
    ],
)
def test_a_text_opening_with_a_brace_is_read_whole(tmp_path: Path, text: str) -> None:
    path = tmp_path / "post.md"
    path.write_text(text, encoding="utf-8")
    doc = read_file(path)
    assert doc.text.strip() == text.strip() and not doc.warnings


def test_toml_front_matter_still_gives_date_and_title(tmp_path: Path) -> None:
    path = tmp_path / "post.md"
    path.write_text('+++\ntitle = "Storm"\ndate = 2021-03-04\n+++\n\nA storm hit.\n')
    doc = read_file(path)
    assert (doc.title, str(doc.published), doc.text) == ("Storm", "2021-03-04", "A storm hit.")


# ------------------------------------------------------------------ zip cut short


def _zip(texts: list[str], method: int, streamed: bool) -> tuple[bytes, list[int]]:
    """A zip of ``texts`` and the offset each member's local header ends its data at."""
    pipe = WriteOnly()  # not seekable: zipfile writes data descriptors
    raw = pipe.raw
    ends = []
    with zipfile.ZipFile(pipe if streamed else raw, "w", method) as archive:
        archive.writestr("folder/", "")
        for number, text in enumerate(texts):
            archive.writestr(f"folder/{number}.txt", text)
            ends.append(len(raw.getvalue()))
    return raw.getvalue(), ends


@SETTINGS
@given(
    texts=st.lists(
        st.lists(SENTENCE, min_size=1, max_size=30).map(" ".join), min_size=2, max_size=5
    ),
    streamed=st.booleans(),
    data=st.data(),
)
def test_a_zip_cut_short_gives_its_whole_members(
    tmp_path: Path, texts: list[str], streamed: bool, data: st.DataObject
) -> None:
    """Every member whole before the cut is read; the cut is one failure of the archive's,
    naming the member it falls in, saying the file was cut and what to do."""
    blob, ends = _zip(texts, zipfile.ZIP_DEFLATED, streamed)
    cut = data.draw(st.integers(ends[0] - 5, len(blob) - 23))  # not the end record alone
    path = tmp_path / "part.zip"
    path.write_bytes(blob[:cut])
    items = _items(path)
    whole = sum(1 for end in ends if end <= cut)
    docs = [item for item in items if isinstance(item, Document)]
    assert [doc.text for doc in docs] == texts[:whole]
    [failure] = [item for item in items if isinstance(item, InputFailure)]
    assert "cut short" in failure.error and "download" in failure.error
    # the archive's line, not the member's: its text is unknown, not changed
    assert failure.doc_id == str(path), failure
    if "inside its member" in failure.error:
        assert f"'folder/{whole}.txt'" in failure.error


def test_a_cut_stored_member_with_a_data_descriptor_is_read(tmp_path: Path) -> None:
    """Its end is where its data descriptor sizes it (round 57): read; the missing index is
    one line."""
    blob, _ = _zip(["A storm hit the town."], zipfile.ZIP_STORED, streamed=True)
    path = tmp_path / "part.zip"
    path.write_bytes(blob[: blob.find(b"PK\x01\x02")])
    doc, failure = _items(path)
    assert isinstance(doc, Document) and doc.text == "A storm hit the town."
    assert isinstance(failure, InputFailure) and "central directory" in failure.error


# ------------------------------------------------------------------ no WARC at all


@SETTINGS
@given(
    kind=st.sampled_from(["plain text", "HTML or XML", "JSON"]),
    body=st.lists(SENTENCE, min_size=1, max_size=5).map("\n".join),
    packed=st.booleans(),
    name=st.sampled_from(["crawl.warc", "crawl.warc.gz"]),
)
def test_a_file_named_warc_that_is_none_says_so(
    tmp_path: Path, kind: str, body: str, packed: bool, name: str
) -> None:
    content = {
        "plain text": body,
        "HTML or XML": f"<html><body><p>{body}</p></body></html>",
        "JSON": json.dumps({"text": body}),
    }[kind].encode()
    path = tmp_path / name
    path.write_bytes(gzip.compress(content) if packed else content)
    [failure] = _items(path)
    assert isinstance(failure, InputFailure) and failure.doc_id == str(path)
    assert failure.error.startswith("not a WARC file"), failure.error
    assert kind in failure.error and ("gzip" in failure.error) == packed


# ------------------------------------------------------------------ CSV files joined


@SETTINGS
@given(
    parts=st.lists(
        st.tuples(st.booleans(), st.lists(SENTENCE, min_size=1, max_size=3)),
        min_size=2,
        max_size=4,
    ),
    with_ids=st.booleans(),
    crlf=st.booleans(),
)
def test_csv_files_joined_read_each_header_as_a_header(
    tmp_path: Path, parts: list[tuple[bool, list[str]]], with_ids: bool, crlf: bool
) -> None:
    """Each part's BOM is dropped and its header is no document, BOM or not."""
    end = "\r\n" if crlf else "\n"
    blob = b""
    expected = []
    for number, (bom, texts) in enumerate(parts):
        lines = ["id,text" if with_ids else "text"]
        for row, text in enumerate(texts):
            key = f"p{number}r{row}"
            lines.append(f"{key},{text}" if with_ids else text)
            expected.append((key, text))
        blob += ("\ufeff" if bom else "").encode() + end.join(lines).encode() + end.encode()
    path = tmp_path / "joined.csv"
    path.write_bytes(blob)
    items = _items(path)
    docs = [item for item in items if isinstance(item, Document)]
    texts = [doc.text for doc in docs]
    assert [text for _, text in expected if texts.count(text) == 1] == [
        text for text in texts if texts.count(text) == 1
    ]
    assert all("\ufeff" not in doc.text and "\ufeff" not in doc.doc_id for doc in docs)
    if with_ids:
        assert [doc.doc_id for doc in docs] == [key for key, _ in expected]
    headers = [item for item in items if isinstance(item, InputFailure) and "header" in item.error]
    assert len(headers) == len(parts) - 1 and all(item.skipped for item in headers)
    assert not any(doc.text in ("text", "id,text") for doc in docs)


# ------------------------------------------------------------------ East Asian text

#: Words each sentence is made of, per language, with how the language joins them.
_LANGUAGES: dict[str, tuple[list[str], list[str], str, list[str]]] = {
    # nouns, endings, joiner, encodings
    "ja": (
        ["東京", "大阪", "政府", "首相", "警察", "台風", "地震", "会社", "記者", "九州"],
        ["は", "が", "で", "の", "を", "から", "によると", "について"],
        "",
        ["shift_jis", "cp932", "euc_jp"],
    ),
    "ko": (
        ["서울", "정부", "대통령", "경찰", "태풍", "지진", "회사", "기자", "부산", "국회"],
        ["은", "는", "이", "가", "에서", "의", "을", "와"],
        " ",
        ["euc_kr", "cp949"],
    ),
    "zh": (
        ["北京", "政府", "总理", "警方", "台风", "地震", "公司", "记者", "上海", "会议"],
        ["的", "在", "了", "和", "对", "发生", "表示", "举行"],
        "",
        ["gb2312", "gbk", "gb18030"],
    ),
    "zh-tw": (
        ["臺北", "政府", "總統", "警方", "颱風", "地震", "公司", "記者", "高雄", "會議"],
        ["的", "在", "了", "和", "對", "發生", "表示", "舉行"],
        "",
        ["big5"],
    ),
}
_STOPS = {"ja": "。", "ko": ".", "zh": "。", "zh-tw": "。"}


@st.composite
def _east_asian(draw: st.DrawFn) -> tuple[str, str]:
    language = draw(st.sampled_from(sorted(_LANGUAGES)))
    nouns, endings, joiner, encodings = _LANGUAGES[language]
    pieces = draw(st.lists(st.tuples(st.sampled_from(nouns), st.sampled_from(endings)),
                           min_size=2, max_size=5))  # fmt: skip
    sentence = joiner.join(noun + ending for noun, ending in pieces) + _STOPS[language]
    if language == "ja":
        sentence = sentence[:-1] + draw(st.sampled_from(["した。", "です。", "ました。"]))
    return sentence, draw(st.sampled_from(encodings))


@settings(max_examples=120, deadline=None)
@given(case=_east_asian(), whole_file=st.booleans())
def test_a_short_east_asian_text_is_read_in_its_own_script(
    case: tuple[str, str], whole_file: bool
) -> None:
    """A sentence, as a file or as a row alone, decodes to itself, whatever its encoding."""
    sentence, encoding = case
    data = sentence.encode(encoding)
    if whole_file:
        text, warning = decode_file(data)
    else:
        how = unit_decoding(data)
        text, warning = how.decode(data), how.warning
    assert text == sentence, (encoding, text, warning)


_SINGLE_BYTE = [
    ("Москва сегодня объявила новые меры против наводнения.", "cp1251"),
    ("Правительство провело заседание в понедельник.", "koi8_r"),
    ("Η κυβέρνηση ανακοίνωσε νέα μέτρα για τις πλημμύρες.", "cp1253"),
    ("Rząd ogłosił nowe środki przeciw powodzi w Gdańsku.", "cp1250"),
    ("Le conseil a annoncé des mesures à Genève et à Zürich.", "cp1252"),
    ("Hükümet İstanbul'da yeni önlemler açıkladı.", "cp1254"),
    ("הממשלה הודיעה על צעדים חדשים נגד השיטפונות.", "cp1255"),
]


@pytest.mark.parametrize(("sentence", "encoding"), _SINGLE_BYTE)
def test_single_byte_text_is_no_east_asian_script(sentence: str, encoding: str) -> None:
    """The script rule takes no alphabet's code page for Chinese, Japanese or Korean."""
    data = sentence.encode(encoding)
    assert east_asian_script(data) is None
    for text in (decode_file(data)[0], unit_decoding(data).decode(data)):
        assert not _CJK.search(text), (encoding, text)


_CJK = re.compile("[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7a3\uff61-\uff9f]")


# ------------------------------------------------------------------ CSV: late legacy rows

_LATE_ROWS = [
    ("東京で大きな地震がありました。", "shift_jis"),
    ("台風が九州に上陸した。", "cp932"),
    ("서울에서 지진이 발생했습니다.", "euc_kr"),
    ("北京发生了地震。", "gbk"),
    ("總統在記者會上宣布辭職。", "big5"),
    ("Café crème à Genève, naïve.", "cp1252"),
    ("Zürich und Köln.", "latin_1"),
]


@pytest.mark.parametrize(
    "rows",
    [
        [_LATE_ROWS[0]],  # Shift-JIS alone
        [_LATE_ROWS[5], _LATE_ROWS[1], _LATE_ROWS[2]],  # Western, Japanese, Korean
        [_LATE_ROWS[6], _LATE_ROWS[4], _LATE_ROWS[3]],  # Western, Big5, GBK
    ],
)
def test_csv_rows_after_a_mib_of_ascii_are_decoded_right(
    tmp_path: Path, rows: list[tuple[str, str]]
) -> None:
    """The head (1 MiB) tells no encoding; each later row still reads as written."""
    ascii_rows = b"".join(b"a%d,Plain row %d of enough words to fill.\n" % (n, n)
                          for n in range(30000))  # fmt: skip
    assert len(ascii_rows) > 1024 * 1024
    late = b"".join(b"z%d," % n + text.encode(enc) + b"\n" for n, (text, enc) in enumerate(rows))
    path = tmp_path / "late.csv"
    path.write_bytes(b"id,text\n" + ascii_rows + late)
    read = {item.doc_id: item for item in _items(path) if item.doc_id.startswith("z")}
    for n, (text, _) in enumerate(rows):
        item = read[f"z{n}"]
        assert isinstance(item, Document) and item.text == text, item


# ------------------------------------------------------------------ alphabets are no CJK

#: Words of the alphabets whose single-byte code pages East Asian readings took (two high
#: bytes make a Hangul syllable or a common ideograph by chance), with their code pages.
_ALPHABET_WORDS: dict[str, tuple[list[str], list[str], bool]] = {
    # words, encodings, cased
    "ru": (
        [
            "москва",
            "иван",
            "дела",
            "вода",
            "небо",
            "беда",
            "газета",
            "кремль",
            "европа",
            "новости",
            "зима",
            "дома",
            "август",
            "деньги",
            "россия",
            "введение",
            "идея",
        ],
        ["cp1251", "koi8_r", "iso8859_5"],
        True,
    ),
    "el": (
        [
            "ελλαδα",
            "αθηνα",
            "κρητη",
            "νεα",
            "ειδησεις",
            "κυπρος",
            "παοκ",
            "ολυμπιακος",
            "κυβέρνηση",
            "μέτρα",
            "σήμερα",
        ],
        ["cp1253", "iso8859_7"],
        True,
    ),
    "th": (
        [
            "ไทย",
            "ประเทศไทย",
            "กรุงเทพมหานคร",
            "ข่าววันนี้",
            "นายกรัฐมนตรี",
            "เศรษฐกิจ",
            "การเมือง",
            "ภาษาไทย",
            "สวัสดี",
            "ตำรวจ",
            "น้ำท่วม",
            "โรงเรียน",
            "รัฐบาล",
        ],
        ["cp874"],
        False,
    ),
    "he": (["שלום", "ישראל", "ירושלים", "חדשות", "היום", "הממשלה", "הודיעה"], ["cp1255"], False),
    "ar": (
        ["القاهرة", "مصر", "بغداد", "أخبار", "اليوم", "بابا", "الحكومة", "أعلنت"],
        ["cp1256"],
        False,
    ),
    "fr": (
        [
            "été",
            "élève",
            "œuvre",
            "français",
            "déjà",
            "à",
            "Genève",
            "Zürich",
            "Ökonomie",
            "über",
            "naïve",
            "ÉCOLE",
            "ÉTÉ",
        ],
        ["cp1252", "latin_1"],
        True,
    ),
}


@st.composite
def _alphabet_text(draw: st.DrawFn) -> tuple[str, str]:
    """One to thirty words of one alphabet, cased alike (all capitals, all small or
    capitalised) where it has case, spaced and punctuated in ASCII, and a code page of it."""
    words, encodings, cased = _ALPHABET_WORDS[draw(st.sampled_from(sorted(_ALPHABET_WORDS)))]
    chosen = draw(st.lists(st.sampled_from(words), min_size=1, max_size=30))
    if cased:
        case = draw(st.sampled_from([str.upper, str.lower, str.capitalize]))
        chosen = [case(word) for word in chosen]
    text = " ".join(chosen) + draw(st.sampled_from(["", ".", "!", "?", ","]))
    encoding = draw(st.sampled_from(encodings))
    try:
        text.encode(encoding)
    except UnicodeEncodeError:  # œ is in windows-1252, not Latin-1
        text = text.replace("œ", "oe").replace("Œ", "OE")
    return text, encoding


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=_alphabet_text())
def test_an_alphabets_legacy_text_is_never_read_as_east_asian(case: tuple[str, str]) -> None:
    """Cyrillic, Greek, Thai, Hebrew, Arabic or accented Latin words in their code pages
    decode, as a file, a row alone or a table's rows, to no Han, Hangul or kana; and the
    same text in UTF-8 is itself."""
    text, encoding = case
    data = text.encode(encoding)
    how = unit_decoding(data)
    readings = {"file": decode_file(data)[0], "row": how.decode(data)}
    for where, reading in readings.items():
        assert not _CJK.search(reading), (where, encoding, text, reading)
    assert table_encoding(b"id,text\n1," + data + b"\n2," + data + b"\n") is None
    assert decode_file(text.encode("utf-8"))[0] == text
    assert unit_decoding(text.encode("utf-8")).decode(text.encode("utf-8")) == text
