"""Round 62: UTF-16 without a byte order mark beyond ASCII, and legacy files with UTF-8 in.

Before the fix a UTF-16 text without a byte order mark was refused as "binary file, not
text" whenever one of its characters was beyond ASCII and not of one script: an English
sentence with a dash, curly quotes or "€", Polish, Turkish or Vietnamese words, English
with Chinese. A windows-1255 file with a German UTF-8 paragraph appended (0x9F, "ß"'s
second byte, is no windows-1255 character) was refused whole as "undecodable text", or,
short, read as windows-1252 mojibake. Binary files (random bytes, images, archives, PDF)
are still refused.
"""

from __future__ import annotations

import io
import random
import zipfile
import zlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.errors import InputError
from extractor.io.decoding import decode_bytes, decode_file

SETTINGS = settings(max_examples=60, deadline=None)

#: Sentences written mostly in ASCII with characters beyond it of a few blocks.
SENTENCES = [
    "The talks in Paris ended on Monday \u2014 a deal on tariffs was reached by both sides.",
    "The minister said \u201cwe will not retreat\u201d after the vote on Tuesday.",
    "Prices rose by 5 \u20ac a barrel in Rotterdam on Monday, the report said.",
    "Rozmowy w Warszawie zako\u0144czy\u0142y si\u0119 w poniedzia\u0142ek porozumieniem.",
    "Ankara'daki g\u00f6r\u00fc\u015fmeler pazartesi g\u00fcn\u00fc anla\u015fmayla sona erdi.",
    "C\u00e1c cu\u1ed9c \u0111\u00e0m ph\u00e1n t\u1ea1i H\u00e0 N\u1ed9i \u0111\u00e3 k\u1ebft th\u00fac.",
    "Talks in \u5317\u4eac ended with a deal, the spokesman of the ministry said.",
    "Les n\u00e9gociations \u00e0 Paris se sont achev\u00e9es lundi \u2014 \u00ab un accord \u00bb.",
]
PREFIXES = ["", "Title\n\n", "id,text\n1,", '{"text": "', "<p>"]


@SETTINGS
@given(
    st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=12),
    st.sampled_from(PREFIXES),
    st.sampled_from(["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"]),
)
def test_wide_text_without_a_mark_beyond_ascii_is_read(
    sentences: list[str], prefix: str, encoding: str
) -> None:
    text = prefix + " ".join(sentences) + "\n"
    assert decode_bytes(text.encode(encoding)) == text


def _random_bytes(seed: int, size: int) -> bytes:
    return random.Random(seed).randbytes(size)


def _zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("a.txt", "The talks ended. " * 200)
    return buffer.getvalue()


BINARY_HEADS = {
    "png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    "gif": b"GIF89a\x10\x00\x10\x00\x80\x00\x00",
    "jpeg": b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00",
    "pe": b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00",
    "ole": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00\x00\x00",
    "sqlite": b"SQLite format 3\x00\x10\x00\x01\x01",
}


@SETTINGS
@given(st.integers(min_value=0, max_value=10**6), st.sampled_from([256, 1000, 5000]))
def test_random_bytes_with_zeros_are_still_binary(seed: int, size: int) -> None:
    data = _random_bytes(seed, size) + b"\x00\x00"
    with pytest.raises(InputError, match="binary"):
        decode_bytes(data)


@pytest.mark.parametrize("kind", sorted(BINARY_HEADS))
def test_files_of_binary_formats_are_still_binary(kind: str) -> None:
    data = BINARY_HEADS[kind] + _random_bytes(len(kind), 4000) + bytes(16)
    with pytest.raises(InputError, match="binary"):
        decode_bytes(data)


def test_archives_and_pdf_are_still_binary() -> None:
    pdf = (
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Filter /FlateDecode >>\nstream\n"
        + zlib.compress(b"BT /F1 12 Tf (hello) Tj ET" * 100)
        + b"\nendstream\nendobj\n"
    )
    for data in (_zip(), pdf, zlib.compress(b"hello world " * 500)):
        with pytest.raises(InputError):
            decode_bytes(data)


HEBREW = "\u05d4\u05e9\u05d9\u05d7\u05d5\u05ea \u05d1\u05d9\u05e8\u05d5\u05e9\u05dc\u05d9\u05dd \u05d4\u05e1\u05ea\u05d9\u05d9\u05de\u05d5 \u05d1\u05d9\u05d5\u05dd \u05e9\u05e0\u05d9. "
GERMAN = (
    "Die Gespr\u00e4che in Berlin \u00fcber Z\u00f6lle endeten mit einer Einigung. Stra\u00dfe."
)
RUSSIAN = "\u0412 \u043f\u043e\u043d\u0435\u0434\u0435\u043b\u044c\u043d\u0438\u043a \u0432 \u041c\u043e\u0441\u043a\u0432\u0435 \u043f\u0440\u043e\u0448\u043b\u0438 \u043f\u0435\u0440\u0435\u0433\u043e\u0432\u043e\u0440\u044b. "
LEGACY = {"cp1255": HEBREW, "cp1251": RUSSIAN}


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(sorted(LEGACY)), st.integers(min_value=1, max_value=60))
def test_a_legacy_file_with_utf8_lines_reads_each_line_in_its_own(
    encoding: str, repeats: int
) -> None:
    legacy = LEGACY[encoding] * repeats
    data = legacy.encode(encoding) + b"\n" + GERMAN.encode("utf-8") + b"\n"
    text, warning = decode_file(data)
    assert text == f"{legacy}\n{GERMAN}\n"
    assert warning is not None and encoding in warning


def test_a_legacy_text_with_a_stray_byte_past_the_guessed_sample_is_read() -> None:
    """The guess reads a sample (64 KB); a byte its encoding does not define after it (0x98
    in windows-1251) refused the whole file as undecodable text."""
    legacy = RUSSIAN * 1600
    data = legacy.encode("cp1251") + b"\x98 " + RUSSIAN.encode("cp1251")
    text, warning = decode_file(data)
    assert text == f"{legacy}\ufffd {RUSSIAN}"
    assert warning is not None and "cp1251" in warning and "U+FFFD" in warning
