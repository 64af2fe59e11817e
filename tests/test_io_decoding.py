"""decode_bytes, decode_unit and parse_dateline: what counts as text, how one row of a legacy
export is decoded, and which dates are datelines."""

from __future__ import annotations

import codecs
from datetime import date

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from extractor.errors import InputError
from extractor.io import decode_bytes, parse_dateline
from extractor.io.decoding import decode_unit, is_ascii_compatible, unit_decoding

# ---------------------------------------------------------------- decoding


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty file"),
        (b"  \n\t\r\n  ", r"no text \(whitespace only\)"),
        (codecs.BOM_UTF8 + b"\n", r"no text \(whitespace only\)"),
        (b"PK\x03\x04\x00\x00binary", "binary file, not text"),
        (b"text with one NUL\x00 byte", "binary file, not text"),
        (bytes(range(1, 9)) * 100, "binary file, not text"),
    ],
)
def test_non_text_is_rejected_with_a_reason_naming_the_source(data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message) as info:
        decode_bytes(data, source="in/x.txt")
    assert info.value.source == "in/x.txt"
    assert str(info.value).startswith("in/x.txt: ")


def test_utf8_with_and_without_bom() -> None:
    text = "Café in Zürich — “quoted” 東京"
    assert decode_bytes(text.encode("utf-8")) == text
    assert decode_bytes(codecs.BOM_UTF8 + text.encode("utf-8")) == text


def test_utf16_with_bom_is_text_not_binary() -> None:
    text = "Minister visits Paris."
    assert decode_bytes(text.encode("utf-16")) == text


@pytest.mark.parametrize(
    "text",
    [
        "café",
        "naïve",
        "Le café est naïve, dit-il.",
        "He said “hello” and left — it was naïve.",
        "“We will meet again,” the minister said.",
        "Der Minister besuchte Paris am Dienstag. Straße, Größe, Übung.",
    ],
)
def test_cp1252_text_decodes_right(text: str) -> None:
    assert decode_bytes(text.encode("cp1252")) == text


@pytest.mark.parametrize(
    "text", ["café", "naïve", "El niño comió piña en el café del señor Muñoz."]
)
def test_latin1_text_decodes_right(text: str) -> None:
    assert decode_bytes(text.encode("latin-1")) == text


def test_a_clear_non_western_encoding_is_not_forced_to_cp1252() -> None:
    text = "Привет, как дела? Это тест кириллицы в кодировке."
    assert decode_bytes(text.encode("cp1251")) == text


def test_a_declared_charset_is_used_when_utf8_fails() -> None:
    text = "Zażółć gęślą jaźń"
    assert decode_bytes(text.encode("iso-8859-2"), charset_hint="iso-8859-2") == text


@pytest.mark.parametrize(
    "hint", ["idna", "undefined", "unicode_escape", "utf-7", "rot13", "zlib", "no-such-codec", " "]
)
def test_a_hostile_declared_charset_is_ignored_not_raised(hint: str) -> None:
    data = "Le café \\x41 naïf.".encode("cp1252")
    assert decode_bytes(data, charset_hint=hint) == "Le café \\x41 naïf."


def test_newlines_are_normalised() -> None:
    assert decode_bytes(b"one\r\ntwo\rthree\n") == "one\ntwo\nthree\n"


def test_large_text_is_not_truncated() -> None:
    text = "word " * 3_000_000
    assert decode_bytes(text.encode("utf-8")) == text


# ---------------------------------------------------------------- datelines


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("31-5-2023 (YANGON) A high-ranking official", date(2023, 5, 31)),
        ("WASHINGTON, January 30, 2026 - The President", date(2026, 1, 30)),
        ("May 31, 2023\nThe minister said", date(2023, 5, 31)),
        ("2023-05-31 text", date(2023, 5, 31)),
        ("Big news\n\nGeneva, 31 May 2023 — Talks resumed", date(2023, 5, 31)),
        ("Published: 3 June 2024\nText", date(2024, 6, 3)),
        ("**WASHINGTON** — Sept. 5, 2023 — text", date(2023, 9, 5)),
        ("Tuesday, May 30, 2023\ntext", date(2023, 5, 30)),
        ("NEW YORK, N.Y., March 3, 2022 -- text", date(2022, 3, 3)),
        ("31.05.2023 Berlin", date(2023, 5, 31)),
        ("5/31/2023 text", date(2023, 5, 31)),
        ("31/5/2023 text", date(2023, 5, 31)),
    ],
)
def test_datelines(text: str, expected: date) -> None:
    assert parse_dateline(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Today, the President declared flooding from August 5 to August 6, 2024.",
        "On May 31, 2023 the minister arrived.",
        "YANGON, May 31 (Reuters) - no year",
        "5/6/2023 is ambiguous between May and June",
        "2023-02-30 is not a date",
        "1800-01-01 is out of range",
        "Mayor 5, 2023 is not a month",
        "",
    ],
)
def test_non_datelines_give_none(text: str) -> None:
    assert parse_dateline(text) is None


def test_dateline_must_start_within_the_first_200_characters() -> None:
    assert parse_dateline("x" * 150 + "\nMay 31, 2023") == date(2023, 5, 31)
    assert parse_dateline("x" * 250 + "\nMay 31, 2023") is None


# ------------------------------------------------------------- one row at a time

#: Words of news sentences in the scripts legacy exports are written in, and their code pages.
VOCABULARIES = {
    "western": (
        "le ministre a visité la province du nord lundi et rencontré les responsables à Genève "
        "où il a dîné der Minister besuchte die nördliche Provinz für Gespräche über Straßen "
        "el ministro visitó Bogotá según el diario “citado” – naïve … café crème Zürich São"
    ),
    "cyrillic": (
        "Министр посетил северную провинцию в понедельник и встретился там с чиновниками "
        "сообщил представитель министерства Москва Киев погибли не менее человек"
    ),
    "greek": (
        "Ο υπουργός επισκέφθηκε τη βόρεια επαρχία τη Δευτέρα και συναντήθηκε με "
        "αξιωματούχους εκεί σκοτώθηκαν τουλάχιστον άνθρωποι"
    ),
}
CODE_PAGES = {
    "western": ("cp1252", "latin-1"),
    "cyrillic": ("cp1251", "koi8_r"),
    "greek": ("cp1253",),
}


@settings(max_examples=60, deadline=None, database=None, derandomize=True)
@given(data=st.data(), script=st.sampled_from(sorted(VOCABULARIES)))
def test_an_article_length_row_in_a_legacy_code_page_decodes_right(
    data: st.DataObject, script: str
) -> None:
    """A row of a legacy export holds an article: long enough, and with words varied enough,
    for its code page to show."""
    words = data.draw(
        st.lists(st.sampled_from(VOCABULARIES[script].split()), min_size=30, max_size=90)
    )
    assume(len(set(words)) >= 10 and any(not word.isascii() for word in words))
    encoding = data.draw(st.sampled_from(CODE_PAGES[script]))
    text = " ".join(words)
    assume(text.encode(encoding, "ignore").decode(encoding) == text)  # latin-1 has no “quotes”
    decoded, warning = decode_unit(text.encode(encoding))
    assert decoded == text, warning
    assert warning is not None and warning.startswith("not UTF-8 text: decoded as ")
    assert decode_unit(text.encode("utf-8")) == (text, None)  # UTF-8 first, and silently


@settings(max_examples=300, deadline=None, database=None, derandomize=True)
@given(data=st.binary(max_size=300))
def test_any_bytes_decode_as_the_warning_says(data: bytes) -> None:
    how = unit_decoding(data)
    text = how.decode(data)
    try:
        utf8: str | None = data.decode("utf-8")
    except UnicodeDecodeError:
        utf8 = None
    assert (how.warning is None) == (utf8 is not None)
    if utf8 is not None:
        assert text == utf8
    elif how.errors == "strict":
        assert text == data.decode(how.encoding) and how.encoding in (how.warning or "")
        assert is_ascii_compatible(how.encoding)
    else:
        assert text == data.decode("utf-8", "replace") and "U+FFFD" in (how.warning or "")
