"""The one rule for a blank string (:func:`is_blank`), for texts and for names.

A low module with no imports from the package: ``extractor.io`` (texts, field names),
``extractor.pipeline`` (doc_id) and ``extractor.cli`` (every option) all use it.
"""

from __future__ import annotations

import unicodedata

__all__ = ["is_blank", "is_blank_char"]

#: Characters that are not blank by ``str.isspace`` or their category, yet render as
#: nothing: the Hangul fillers and the braille blank.
_SHOWS_NOTHING = frozenset("\u115f\u1160\u3164\uffa0\u2800")


def is_blank_char(ch: str) -> bool:
    """Whether the one character ``ch`` shows nothing: see :func:`is_blank`."""
    if ch.isspace() or ch in _SHOWS_NOTHING:
        return True
    category = unicodedata.category(ch)
    if category in ("Cc", "Cf"):  # NUL, escape, C1 ...; ZWSP, BOM, word joiner, U+180E ...
        return True
    # variation selectors (U+FE00-FE0F, U+E0100-E01EF) and the combining grapheme joiner
    return ch == "\u034f" or "\ufe00" <= ch <= "\ufe0f" or "\U000e0100" <= ch <= "\U000e01ef"


def is_blank(text: str) -> bool:
    """Whether ``text`` shows nothing: empty, or every character whitespace (``str.isspace``:
    spaces, tabs, NBSP ...), a control (Cc: NUL, escape, C1), a format character (Cf: a
    zero-width space, a BOM, a word joiner, U+180E), a variation selector or the combining
    grapheme joiner, or a character drawn as nothing (Hangul fillers, braille blank).

    The one rule for "blank", for texts and for every name a user gives (a field name, a
    doc_id, a CLI option, an output path): two rules let a name pass one check and fail
    another, and an invisible name (``--id-field $'\\u200b'``, ``-o $'\\u00a0'``) reads as
    nothing to the user while the program keys rows or writes files by it. A file of such
    bytes is refused as binary (:func:`extractor.io.decoding.is_binary`); a row, a pipe or
    a Python string holding them is as empty as a blank one. Every layer (io, pipeline,
    cli) imports it from here; this module imports nothing of the package.
    """
    return all(is_blank_char(ch) for ch in text)
