"""The one rule for a blank string (:func:`is_blank`), for texts and for names.

A low module with no imports from the package: ``extractor.io`` (texts, field names),
``extractor.pipeline`` (doc_id) and ``extractor.cli`` (every option) all use it.
"""

from __future__ import annotations

import functools
import sys
import unicodedata

__all__ = ["blank_code_points", "is_blank", "is_blank_char", "strip_blank"]

#: Characters that are not blank by ``str.isspace`` or their category, yet render as
#: nothing: the Hangul fillers and the braille blank.
_SHOWS_NOTHING = frozenset("\u115f\u1160\u3164\uffa0\u2800")

#: Unicode's Default_Ignorable_Code_Point ranges (DerivedCoreProperties.txt, stable since
#: Unicode 5.2): code points a renderer shows nothing for when it cannot show them, among
#: them the combining grapheme joiner, the Khmer inherent vowels, the Mongolian free
#: variation selectors, variation selectors, the tag block and reserved points such as
#: U+2065 and U+FFF0-FFF8. Python's ``unicodedata`` does not expose the property.
_DEFAULT_IGNORABLE = (
    (0x00AD, 0x00AD), (0x034F, 0x034F), (0x061C, 0x061C), (0x115F, 0x1160),
    (0x17B4, 0x17B5), (0x180B, 0x180F), (0x200B, 0x200F), (0x202A, 0x202E),
    (0x2060, 0x206F), (0x3164, 0x3164), (0xFE00, 0xFE0F), (0xFEFF, 0xFEFF),
    (0xFFA0, 0xFFA0), (0xFFF0, 0xFFF8), (0x1BCA0, 0x1BCA3), (0x1D173, 0x1D17A),
    (0xE0000, 0xE0FFF),
)  # fmt: skip


def is_blank_char(ch: str) -> bool:
    """Whether the one character ``ch`` shows nothing: see :func:`is_blank`."""
    if ch.isspace() or ch in _SHOWS_NOTHING:
        return True
    if unicodedata.category(ch) in ("Cc", "Cf"):  # NUL, escape, C1 ...; ZWSP, BOM ...
        return True
    code = ord(ch)
    return any(low <= code <= high for low, high in _DEFAULT_IGNORABLE)


@functools.cache
def blank_code_points() -> frozenset[int]:
    """Every code point :func:`is_blank_char` calls blank, built once per process for a
    reader that needs them all at once (the redactor reads a key through the invisible
    ones). Built from what the rule names (whitespace, controls, format characters, the
    default-ignorable ranges, the fillers) in a scan of categories only, a tenth of the
    time asking :func:`is_blank_char` of all 1.1 million would take."""
    codes = {c for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)) in ("Cc", "Cf")}
    codes |= {c for c in range(sys.maxunicode + 1) if chr(c).isspace()}
    codes |= {ord(ch) for ch in _SHOWS_NOTHING}
    for low, high in _DEFAULT_IGNORABLE:
        codes.update(range(low, high + 1))
    return frozenset(codes)


def is_blank(text: str) -> bool:
    """Whether ``text`` shows nothing: empty, or every character whitespace (``str.isspace``:
    spaces, tabs, NBSP ...), a control (Cc: NUL, escape, C1), a format character (Cf: a
    zero-width space, a BOM, a word joiner, U+180E), a default-ignorable code point
    (variation selectors, the combining grapheme joiner, Khmer inherent vowels,
    Mongolian free variation selectors, the tag block, reserved ones such as U+2065),
    or a character drawn as nothing (Hangul fillers, braille blank).

    The one rule for "blank", for texts and for every name a user gives (a field name, a
    doc_id, a CLI option, an output path): two rules let a name pass one check and fail
    another, and an invisible name (``--id-field $'\\u200b'``, ``-o $'\\u00a0'``) reads as
    nothing to the user while the program keys rows or writes files by it. A file of such
    bytes is refused as binary (:func:`extractor.io.decoding.is_binary`); a row, a pipe or
    a Python string holding them is as empty as a blank one. Every layer (io, pipeline,
    cli) imports it from here; this module imports nothing of the package.
    """
    return all(is_blank_char(ch) for ch in text)


def _joins_what_precedes(ch: str) -> bool:
    """A blank character that belongs to the character before it (a variation selector
    after an emoji, a Mongolian free variation selector, the combining grapheme joiner:
    nonspacing marks; a tag of a flag's tag sequence): part of a name's last character."""
    return unicodedata.category(ch) == "Mn" or 0xE0000 <= ord(ch) <= 0xE007F


def strip_blank(text: str) -> str:
    """``text`` without the blank characters (:func:`is_blank_char`) around it: spaces and
    also a zero-width space, a BOM, a word joiner, a bidi mark, a control ... that a
    spreadsheet, a copy from a web page or an editor leaves at a name's edges, where they
    show nothing and only split one id into two. A mark that belongs to the last
    character before it (a variation selector of an emoji, a flag's tags) stays."""
    start, end = 0, len(text)
    while start < end and is_blank_char(text[start]):
        start += 1
    while end > start and is_blank_char(text[end - 1]) and not _joins_what_precedes(text[end - 1]):
        end -= 1
    return text[start:end]
