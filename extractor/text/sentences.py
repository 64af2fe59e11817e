"""Number an article's sentences so the model cites evidence by number.

Copying a quote verbatim is where small models fail most: they paraphrase,
swap curly quotes, splice two sentences or copy the wrong one, and every
copied token costs generation time. Instead, the prompt shows the article
with ``[n]`` before each sentence and the model answers with sentence
numbers; the quote and its offsets are then taken from the text itself, so
evidence is verbatim and exactly aligned by construction. Whether the cited
sentences actually carry the record's facts is still checked by validation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from extractor.text.dates import MONTH_ABBREVIATIONS

_SENTENCE_END = re.compile(
    r"(?<=[.!?…])[\"”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9À-ÖØ-Þ])|(?<=[。！？])|(?<=[.!?…][\"”’])(?=\s)"
)
# Words whose full stop ends no sentence ("Maj. Gen. Smith", "the U.S. Navy",
# "Jan. 5"), and single initials ("John F. Kennedy"). Month abbreviations come
# from the month grammar in dates.py.
_SHORT_FORMS = (
    "Mr", "Mrs", "Ms", "Dr", "Gen", "Lt", "Col", "Maj", "Sgt", "Capt", "Adm", "Gov", "Sen",
    "Rep", "St", "Mt", "No", *(m.capitalize() for m in MONTH_ABBREVIATIONS),
    r"U\.S", r"U\.K", r"U\.N", r"E\.U", "Jr", "Sr", "Inc", "Ltd", "Co", "vs", "etc", "approx",
)  # fmt: skip
_ABBREVIATIONS = re.compile(rf"(?:\b(?:{'|'.join(_SHORT_FORMS)})\.|\b[A-Z]\.)$")
#: A day written as an ordinal, "4." in "am 4. März" or "1. und 2. Februar": German and
#: other languages write the day's full stop before the month, which ends no sentence.
_ORDINAL_DAY = re.compile(r"(?<![\d.])\d{1,2}\.$")


def _opens_with_month(text: str, at: int) -> bool:
    """Whether ``text`` at ``at`` starts with a month name of a language that writes days as
    ordinals ("März"; English writes "March 4"), or with a joiner before a second ordinal
    day ("und 2. Februar")."""
    word = _NEXT_WORD.match(text, at)
    if word is None:
        return False
    first = word.group(1).casefold()
    if first in _JOINERS:
        return word.group(2) is not None  # "und 2.", never "A man ..."
    return first in _foreign_months()


_NEXT_WORD = re.compile(r"(\w+)(\s+\d{1,2}\.)?")
_JOINERS = frozenset({"und", "bis", "oder", "a", "až", "og", "och", "ja", "és"})


@lru_cache(maxsize=1)
def _foreign_months() -> frozenset[str]:
    from extractor.text.dates import ordinal_day_months

    return ordinal_day_months()


@dataclass(frozen=True, slots=True)
class Sentence:
    number: int
    start: int
    end: int


def split_sentences(text: str) -> list[Sentence]:
    """Sentence spans (1-based numbers) covering every non-blank part of ``text``."""
    spans: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text):
        position = line.start()
        for match in _SENTENCE_END.finditer(text, line.start(), line.end()):
            candidate = text[position : match.start()].rstrip()
            if _ABBREVIATIONS.search(candidate, max(0, len(candidate) - 10)):
                continue  # "Maj. Gen. Smith" is one sentence
            if _ORDINAL_DAY.search(candidate) and _opens_with_month(text, match.end()):
                continue  # "am 4. März" is one sentence
            if candidate.strip():
                spans.append((position, position + len(candidate)))
            position = match.end()
        tail = text[position : line.end()]
        if tail.strip():
            spans.append((position, position + len(tail.rstrip())))
    out = []
    for number, (start, end) in enumerate(spans, start=1):
        while start < end and text[start].isspace():
            start += 1
        out.append(Sentence(number, start, end))
    return out


def numbered(text: str, sentences: list[Sentence]) -> str:
    """The text with ``[n] `` before each sentence, line breaks kept."""
    parts: list[str] = []
    position = 0
    for sentence in sentences:
        parts.append(text[position : sentence.start])
        parts.append(f"[{sentence.number}] ")
        position = sentence.start
    parts.append(text[position:])
    return "".join(parts)
