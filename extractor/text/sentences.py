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

import itertools
import re
from dataclasses import dataclass
from functools import lru_cache

from extractor.text.dates import MONTH_ABBREVIATIONS

# A full stop, then blanks, then what may open a sentence: a word character, after an opening
# quote or bracket. Whether it does is :func:`_opens_sentence`'s to say (``re`` has no
# class for "not lower case" in every script).
_SENTENCE_END = re.compile(
    r"(?<=[.!?…])([\"”’)\]]*)\s+(?=[\"“‘(\[]?\w)|(?<=[。！？])|(?<=[.!?…][\"”’])(?=\s)"
)
_OPENER = re.compile(r"[\"“‘(\[]?(\w)")


def _opens_sentence(text: str, at: int) -> bool:
    """Whether the text at ``at`` (just after a full stop and blanks) can open a sentence:
    a capital of any script (Latin, Cyrillic, Greek ...), a letter of a script without
    case (Arabic, Hebrew, Devanagari, Han ...), or a figure; never a lower-case letter.
    Only capitals of Latin-1 used to count, so a Russian or Greek paragraph was one
    sentence."""
    opener = _OPENER.match(text, at)
    if opener is None:  # the end of a quote, or an ideographic full stop: nothing to check
        return True
    return not opener.group(1).islower()


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


#: The widest line a hard-wrapped paragraph has (e-mail and press releases wrap at 60 to
#: 80 characters): a block of longer lines holds a paragraph per line, never wrapped.
WRAP_WIDTH_MAX = 100
#: A line shorter than this share of its block's widest ends where its writer ended it
#: (a paragraph's last line, a dateline), not where the width ran out.
_FULL_LINE = 0.5
#: A line that opens a list item, a heading, a quote or a table row starts anew.
_BLOCK_START = re.compile(r"\s*(?:[-*+•>#|]|\d{1,3}[.)])\s")


#: A line break: every one ``str.splitlines`` knows, CR LF as one. A text given to the API
#: keeps its own (only files read are turned to LF), and a lone CR (classic Mac OS), a
#: NEL, a form feed or U+2028/U+2029 (word processors, JavaScript) ended no line: a
#: headline and the paragraphs after it were one sentence, cited whole as evidence.
BREAKS = "\n\r\v\f\x1c-\x1e\x85\u2028\u2029"  # a regular expression class's insides
_BREAK = re.compile(rf"\r\n|[{BREAKS}]")
_LINE = re.compile(rf"[^{BREAKS}]+")


def _line_ends(text: str) -> list[tuple[int, str]]:
    """Each line of ``text`` with the position of the break after it (``len(text)`` for the
    last line)."""
    lines: list[tuple[int, str]] = []
    position = 0
    for found in _BREAK.finditer(text):
        lines.append((found.start(), text[position : found.start()]))
        position = found.end()
    lines.append((len(text), text[position:]))
    return lines


def soft_breaks(text: str) -> list[int]:
    """The positions of the line breaks of ``text`` that only wrap a paragraph.

    Press releases, e-mail and archives of them (the White House statements
    among them) are hard-wrapped: a newline every 60 to 80 characters, inside
    sentences. Read as sentence ends, they cut "welcomed Chancellor Olaf
    Scholz of" from "Germany to the White House", and the model was shown
    the fragments numbered apart. A break wraps when it stands where greedy
    wrapping would have put it: its line is one of a block of lines (no
    blank line between them) no wider than :data:`WRAP_WIDTH_MAX`, at least
    half the block's widest, and the next line's first word would not have
    fitted after it (in most of the block's lines: wrapped by hand, some end
    early, and those wrap too). A line that opens a list item, heading, quote
    or table row is never joined to the one before.
    """
    breaks: list[int] = []
    block: list[tuple[int, str]] = []  # (where the line ends, the line)
    for end, line in [*_line_ends(text), (len(text) + 1, "")]:
        if line.strip() and not (block and _BLOCK_START.match(line)):
            block.append((end, line))
            continue
        breaks += _wrapped(block)
        block = [(end, line)] if line.strip() else []
    return breaks


def _wrapped(block: list[tuple[int, str]]) -> list[int]:
    """The wrapping breaks after the lines of one block (lines with no blank line between):
    where greedy wrapping broke (:func:`_greedy`), or a sentence plainly goes on (a line
    with no closing mark, the next opening in lower case)."""
    going_on = [
        end for (end, line), (_, following) in itertools.pairwise(block)
        if not _CLOSED.search(line) and following.lstrip()[:1].islower()
    ]  # fmt: skip
    return sorted({*_greedy(block), *going_on})


#: What ends a line that ends a sentence or a clause on purpose.
_CLOSED = re.compile(r"[.!?…:;。！？\"”’)\]]\s*$")


def _greedy(block: list[tuple[int, str]]) -> list[int]:
    if len(block) < 2:
        return []
    widths = [len(line.rstrip()) for _, line in block]
    narrow = [used for used in widths if used <= WRAP_WIDTH_MAX]
    # A line wider than any wrap is a paragraph of its own, or one long word (a link)
    # that wrapping could not break; a block mostly of them is not wrapped.
    if 2 * len(narrow) <= len(widths):
        return []
    width = max(narrow)
    full = [
        (end, used + 1 + len(following.split()[0]) > width)
        for (end, _), used, (_, following) in zip(block, widths, block[1:], strict=False)
        if used >= _FULL_LINE * width
    ]
    # Wrapped by hand or by an editor with a wider margin, some lines end early; the
    # block is wrapped when most of its full lines end where greedy wrapping ends them.
    if 2 * sum(greedy for _, greedy in full) < len(full):
        return []
    return [end for end, _ in full]


def _lines(text: str) -> list[tuple[int, int]]:
    """The spans of ``text``'s lines, a wrapped paragraph's lines joined into one."""
    soft = set(soft_breaks(text))
    spans: list[tuple[int, int]] = []
    joined = False
    for line in _LINE.finditer(text):
        if joined and spans:
            spans[-1] = (spans[-1][0], line.end())
        else:
            spans.append((line.start(), line.end()))
        joined = line.end() in soft
    return spans


def split_sentences(text: str) -> list[Sentence]:
    """Sentence spans (1-based numbers) covering every non-blank part of ``text``.

    A line break ends a sentence unless it only wraps a paragraph
    (:func:`soft_breaks`): a sentence of a hard-wrapped text spans its lines.
    """
    spans: list[tuple[int, int]] = []
    for line_start, line_end in _lines(text):
        position = line_start
        for match in _SENTENCE_END.finditer(text, line_start, line_end):
            if match.end() > match.start() and not _opens_sentence(text, match.end()):
                continue  # "e.g. the", "approx. five"
            closing = match.end(1) if match.group(1) else match.start()  # 'said "Go."'
            candidate = text[position:closing].rstrip()
            if _ABBREVIATIONS.search(candidate, max(0, len(candidate) - 10)):
                continue  # "Maj. Gen. Smith" is one sentence
            if _ORDINAL_DAY.search(candidate) and _opens_with_month(text, match.end()):
                continue  # "am 4. März" is one sentence
            if candidate.strip():
                spans.append((position, position + len(candidate)))
            position = match.end()
        tail = text[position:line_end]
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
