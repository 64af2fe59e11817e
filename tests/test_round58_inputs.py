"""Round 58: legacy and wide encodings told by their words, and WARC captures that are no
HTTP message under an http(s) URI.

* Polish, Czech, Slovak, Hungarian and Croatian in windows-1250 or ISO 8859-2 were read
  as windows-1252 ("spotkał się" as "spotka³ siê"): each letter is some Western
  language's, together they are none's.
* UTF-16 without a byte order mark in Chinese, Japanese, Korean or Thai was refused as a
  binary file (its spaces and line ends are NULs, Thai's high bytes controls).
* A few Hebrew words in windows-1255 read as KOI8-R capitals ("ДЫПИИМ ЦПЕ АЫИЗЕС").
* WARC response records whose WARC-Target-URI is missing, empty, a URN or ftp:// were
  skipped as "without HTTP headers", whatever they held.
"""

from __future__ import annotations

import gzip
import io
import random
import zipfile
import zlib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor.errors import InputError
from extractor.io import iter_inputs
from extractor.io.decoding import decode_file, is_binary, unit_decoding
from extractor.io.readers import InputFailure
from extractor.pipeline.document import Document


def _split(text: str) -> list[str]:
    return text.split()


SETTINGS = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

# ------------------------------------------------------------ Central European code pages

#: Words of each language, and words among them whose letters read in windows-1252 are
#: no one Western language's (one of them is in every text drawn: "się", "Orbán" or
#: "mluvčí" alone read as French, Spanish or Catalan words there, and no rule tells).
CENTRAL = {
    "polish": (
        _split(
            "Prezydent Polski spotkał się we wtorek prezydentem Francji Warszawie rząd może "
            "powiedział minister spraw zagranicznych będzie rozmowy dotyczyły współpracy"
        ),
        ["spotkał", "rząd", "powiedział", "współpracy", "może"],
    ),
    "czech": (
        _split(
            "Premiér se úterý Praze setkal prezidentem řekl mluvčí vláda jednání bylo "
            "ministr zahraničí uvedl že dohoda česká strana"
        ),
        ["příští", "těžké", "můžeme"],
    ),
    "hungarian": (
        _split(
            "Orbán Viktor kedden Budapesten találkozott francia elnökkel hétfőn miniszter "
            "kormány szóvivője közölte tárgyalások megállapodás"
        ),
        ["hétfőn", "szóvivője", "kormányfő"],
    ),
    "croatian": (
        _split(
            "Hrvatski premijer sastao se utorak Zagrebu češkim kolegom rekao je "
            "glasnogovornik ministar vanjskih poslova će sljedeći tjedan"
        ),
        ["češkim", "državni"],
    ),
}
#: Western texts in windows-1252 keep their reading.
WESTERN = _split(
    "Le président français rencontré mardi Pékin où il était déjà été reçu "
    "Der Außenminister traf Dienstag Berlin Gespräche über Zölle München "
    "El ministro español reunió con su homólogo en Madrid año señor"
)


@st.composite
def central_texts(draw: Any) -> tuple[str, str]:
    language = draw(st.sampled_from(sorted(CENTRAL)))
    words, markers = CENTRAL[language]
    body = draw(st.lists(st.sampled_from(words), min_size=2, max_size=30))
    body.insert(draw(st.integers(0, len(body))), draw(st.sampled_from(markers)))
    lines = draw(st.integers(1, 3))
    line = " ".join(body) + "."
    return language, "\n".join([line] * lines) + "\n"


@SETTINGS
@given(found=central_texts(), encoding=st.sampled_from(["cp1250", "iso-8859-2"]))
def test_central_european_text_is_read_in_its_code_page(
    found: tuple[str, str], encoding: str
) -> None:
    """Each file, and each line of it as a row, reads back as written."""
    _, text = found
    data = text.encode(encoding)
    decoded, warning = decode_file(data, source="x.txt")
    assert decoded == text
    assert warning is not None
    line = data.splitlines()[0]
    assert unit_decoding(line).decode(line) == text.splitlines()[0]


@SETTINGS
@given(words=st.lists(st.sampled_from(WESTERN), min_size=1, max_size=30))
def test_western_text_keeps_windows_1252(words: list[str]) -> None:
    """A guard: Western words keep windows-1252 ("à à" alone is cp1251's "а а" too, and
    stays a coin toss, so it is not drawn)."""
    text = " ".join(words) + ".\n"
    data = text.encode("cp1252")
    if data.isascii():
        return
    assert decode_file(data, source="x.txt")[0] == text


# ------------------------------------------------------------ UTF-16 without a BOM

WIDE_WORDS = {
    "chinese": [
        "中国",
        "国家",
        "主席",
        "周二",
        "在",
        "北京",
        "会见",
        "了",
        "法国",
        "总统",
        "。",
        "，",
    ],
    "japanese": [
        "岸田",
        "首相",
        "は",
        "火曜日",
        "、",
        "東京",
        "で",
        "フランス",
        "の",
        "大統領",
        "と",
    ],
    "korean": ["윤석열 ", "대통령은 ", "화요일 ", "서울에서 ", "일본 ", "총리와 ", "회담했다. "],
    "thai": ["นายกรัฐมนตรี", "ไทย", "พบ", "กับ", "ประธานาธิบดี", "ฝรั่งเศส", "ที่", "กรุงเทพฯ", " "],
}


@st.composite
def wide_texts(draw: Any) -> str:
    words = WIDE_WORDS[draw(st.sampled_from(sorted(WIDE_WORDS)))]
    lines = draw(
        st.lists(st.lists(st.sampled_from(words), min_size=1, max_size=12), min_size=1, max_size=6)
    )
    text = "\n".join("".join(line) for line in lines) + "\n"
    letters = {char for char in text if not char.isspace() and char not in "。，、."}
    if len([c for c in text if c in letters]) < 12 or len(letters) < 6:
        text = "".join(words) * 2 + "\n" + text  # enough characters to tell the script by
    return text


@SETTINGS
@given(text=wide_texts(), encoding=st.sampled_from(["utf-16-le", "utf-16-be"]))
def test_utf16_without_bom_in_a_script_beyond_ascii_is_text(text: str, encoding: str) -> None:
    decoded, warning = decode_file(text.encode(encoding), source="x.txt")
    assert decoded == text
    assert warning is not None and encoding in warning


def _binaries(seed: int) -> dict[str, bytes]:
    rng = random.Random(seed)
    noise = bytes(rng.getrandbits(8) for _ in range(rng.randrange(64, 4096)))
    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w") as archive:
        archive.writestr("a.txt", "中国国家主席" * 50)
    return {
        "png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + noise,
        "zip": packed.getvalue(),
        "gzip": gzip.compress("中国国家主席".encode("utf-16-le") * 20),
        "zlib": zlib.compress(noise),
        "pdf": b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n" + zlib.compress(noise),
        "elf": b"\x7fELF\x02\x01\x01\x00" + bytes(8) + noise,
        "jpeg": b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + noise,
        "noise": noise + b"\x00\x00",
        "ascii with a NUL": b"plain words of an ASCII text with a stray NUL\x00 in them " * 9,
    }


@pytest.mark.parametrize("seed", range(6))
def test_binary_files_stay_binary(seed: int) -> None:
    for name, data in _binaries(seed).items():
        for size in (len(data), len(data) - len(data) % 2, 64, 32):
            if not is_binary(data[:size]):  # no NUL and few controls: not told by this rule
                continue
            with pytest.raises(InputError, match="binary"):
                decode_file(data[:size], source=name)


@settings(max_examples=200, deadline=None)
@given(data=st.binary(min_size=1, max_size=600))
def test_random_bytes_are_never_read_as_wide_script_text(data: bytes) -> None:
    if not is_binary(data):
        return
    try:
        _, warning = decode_file(data, source="x.bin")
    except InputError:
        return
    assert "by its characters" not in str(warning)


# ------------------------------------------------------------ Hebrew, not KOI8 capitals

HEBREW = _split("ראש הממשלה נפגש ביום שלישי בירושלים עם נשיא צרפת השניים דנו בשיתוף פעולה")


@SETTINGS
@given(words=st.lists(st.sampled_from(HEBREW), min_size=3, max_size=8))
def test_a_few_hebrew_words_are_no_cyrillic_capitals(words: list[str]) -> None:
    """Hebrew's letters are KOI8-R's capitals byte for byte; a text of capitals only is
    no Russian text. (They are cp1251's small letters too: a reading in small letters is
    told by the letters' frequencies, and a few words may still go either way.)"""
    text = " ".join(words) + ".\n"
    data = text.encode("cp1255")
    for decoded in (
        decode_file(data, source="x.txt")[0],
        unit_decoding(data.rstrip()).decode(data.rstrip()),
    ):
        cyrillic = [char for char in decoded if "\u0400" <= char <= "\u04ff"]
        assert not cyrillic or not all(char.isupper() for char in cyrillic), decoded


def test_mixed_case_russian_in_koi8_stays_russian() -> None:
    text = "Москва, 12 марта. Переговоры продлились три часа, сообщил министр.\n"
    assert decode_file(text.encode("koi8_r"), source="x.txt")[0] == text


# ------------------------------------------------------------ WARC responses by their type

PAGE = (
    "<html><body><p>Talks in Paris ended on Tuesday with a joint statement by the two "
    "ministers, {n}.</p></body></html>"
)
RECORD_ID = "<urn:uuid:0b7c1a3e-58aa-4f00-9b1e-{n:012d}>"


def _response(uri: bytes | None, content_type: bytes, n: int) -> bytes:
    http = content_type.startswith(b"application/http")
    page = PAGE.format(n=n).encode()
    body = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" if http else b"") + page
    head = b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Date: 2026-03-02T10:00:00Z\r\n"
    head += b"WARC-Record-ID: " + RECORD_ID.format(n=n).encode() + b"\r\n"
    if uri is not None:
        head += b"WARC-Target-URI: " + uri + b"\r\n"
    head += b"Content-Type: " + content_type + b"\r\nContent-Length: %d\r\n\r\n" % len(body)
    return head + body + b"\r\n\r\n"


URIS = st.sampled_from([None, b"", b"urn:x:y", b"ftp://files.example.org/a.html"])


def _unique(uri: bytes | None, n: int) -> bytes | None:
    """Each record its own URI: captures of one URI are told apart by their date."""
    return uri + b"/%d" % n if uri else uri


TYPES = st.sampled_from([b"application/http; msgtype=response", b"text/html", b"text/plain"])


@SETTINGS
@given(
    records=st.lists(st.tuples(URIS, TYPES), min_size=1, max_size=4),
    gzipped=st.booleans(),
)
def test_a_response_is_read_by_its_own_content_type_not_its_uri_scheme(
    tmp_path: Path, records: list[tuple[bytes | None, bytes]], gzipped: bool
) -> None:
    records = [(_unique(uri, n), kind) for n, (uri, kind) in enumerate(records)]
    raws = [_response(uri, kind, n) for n, (uri, kind) in enumerate(records)]
    raw = b"".join(gzip.compress(r) for r in raws) if gzipped else b"".join(raws)
    path = tmp_path / ("c.warc.gz" if gzipped else "c.warc")
    path.write_bytes(raw)
    items = list(iter_inputs([str(path)]))
    assert len(items) == len(records)
    for n, (item, (uri, _)) in enumerate(zip(items, records, strict=True)):
        assert isinstance(item, Document), getattr(item, "error", item)
        assert "Talks in Paris ended on Tuesday with a joint statement" in item.text
        assert f"ministers, {n}." in item.text
        assert item.doc_id == (uri.decode() if uri else RECORD_ID.format(n=n))


@pytest.mark.parametrize(
    "uri", [b"http://example.org/a", b"HTTP://example.org/a", b"https://e.org/"]
)
def test_http_responses_keep_their_reading_and_names(tmp_path: Path, uri: bytes) -> None:
    path = tmp_path / "c.warc"
    path.write_bytes(
        _response(uri, b"application/http; msgtype=response", 0)
        + _response(uri, b"text/html", 1)  # no HTTP message under an http URI: as before
    )
    first, second = list(iter_inputs([str(path)]))
    assert isinstance(first, Document)
    assert first.doc_id == uri.decode().replace("HTTP://", "http://")
    assert isinstance(second, InputFailure) and "record-2" in second.doc_id
