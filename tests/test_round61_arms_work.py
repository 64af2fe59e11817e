"""Round 61: the publisher's office and "our" are read in work linear in the evidence.

Each title that decides a transfer looked for the start of its clause by scanning the quote
from its first character, and each "our" split the whole rest of the quote to read three
words: quadratic in a long quote (123k characters took 6.6 s). The clause starts are found
once, the words after "our" in a bounded window; what they decide is unchanged.
"""

from __future__ import annotations

import re
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

import extractor.types.arms_transfer as arms
from extractor.text.countries import countries_in_text


def _old_office_decides(quote: str, language: str) -> bool:
    """The round-60 reading, kept here to pin that the linear one decides the same."""
    reading = None if language == "en" else language
    for match in arms._OFFICE_DECIDES.finditer(quote):
        start = max(
            (m.end() for m in arms._CLAUSE_START.finditer(quote, 0, match.start())), default=0
        )
        before = quote[start : match.start()].split()[-arms._TITLE_WORDS :]
        office = " ".join([*before, match.group(0)])
        if not countries_in_text(office, reading) and not any(map(arms._ACRONYM.fullmatch, before)):
            return True
    return False


PIECES = [
    "President Biden announced",
    "Danish Defence Minister Lars Holm announced",
    "NATO Secretary General announced",
    "the Government pledged",
    "Norway's government approved",
    "le président a annoncé",
    "el gobierno aprobó",
    "der Präsident genehmigte",
    "howitzers",
    "to Ukraine",
    "on Monday",
    "which",
]
JOINERS = [" ", ", ", "; ", ". ", ": ", "\n", "，", " and "]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from(JOINERS)), max_size=8),
    st.sampled_from(["en", "fr", "es", "de"]),
)
def test_the_office_deciding_is_read_as_before(parts: list[tuple[str, str]], language: str):
    quote = "".join(piece + joiner for piece, joiner in parts)
    assert arms._office_decides(quote, language) == _old_office_decides(quote, language)


class _CountingPattern:
    """A pattern that counts the characters its scans are given."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.scanned = 0

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Any:
        end = len(text) if endpos is None else min(endpos, len(text))
        self.scanned += max(0, end - pos)
        return self.pattern.finditer(text, pos, end)


def test_clause_starts_are_scanned_once_per_quote(monkeypatch) -> None:
    counting = _CountingPattern(arms._CLAUSE_START)
    monkeypatch.setattr(arms, "_CLAUSE_START", counting)
    scanned = []
    for n in (50, 200):
        counting.scanned = 0
        quote = "Danish Defence Minister Lars Holm announced, " * n
        arms._office_decides(quote, "en")
        scanned.append((counting.scanned, len(quote)))
    (small, small_len), (large, large_len) = scanned
    assert small <= small_len and large <= large_len, scanned
