"""Split long articles into overlapping chunks on paragraph and sentence boundaries.

A small model's context is a few thousand tokens and its attention fades over
long inputs, so an article longer than the budget is split; nothing is ever
truncated. Each chunk knows its offset in the whole text, so evidence offsets
found in a chunk map back to the article. Chunks overlap by a sentence or two
so that an event stated across a boundary is seen whole at least once; the
records found twice are merged afterwards (see merging.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractor.pipeline.options import whole_option
from extractor.text.sentences import BREAKS, split_sentences

# ~4 characters per token for English news; a conservative default budget
# leaves room for the rules, the schema and the answer in a 8k context.
DEFAULT_MAX_CHARS = 6000
DEFAULT_OVERLAP_CHARS = 400

#: a blank line, or a line break before a line that starts unindented: every break the
#: sentence splitter knows (a lone CR, U+2029), not only LF, or a CR-only article was one
#: paragraph cut wherever the budget ran out
_NEWLINE = rf"(?>\r\n|[{BREAKS}])"  # atomic: CR LF is one break, never a blank line
_PARAGRAPH = re.compile(rf"{_NEWLINE}\s*{_NEWLINE}|{_NEWLINE}(?=\S)")
_ANY_BREAK = re.compile(f"[{BREAKS}]")


@dataclass(frozen=True, slots=True)
class Chunk:
    """A slice of the article: ``text == article[start:start + len(text)]``."""

    index: int
    start: int
    text: str

    @property
    def end(self) -> int:
        return self.start + len(self.text)


def _units(text: str, max_chars: int) -> list[tuple[int, int]]:
    """Spans of paragraphs, split further into sentences (then hard cuts) when too long."""
    spans: list[tuple[int, int]] = []
    position = 0
    for match in [*_PARAGRAPH.finditer(text), None]:
        end = match.start() if match else len(text)
        if end > position:
            spans.extend(_split_long(text, position, end, max_chars))
        position = match.end() if match else len(text)
    return spans


def _split_long(text: str, start: int, end: int, max_chars: int) -> list[tuple[int, int]]:
    """A paragraph's sentences, each from its start to the next one's, less the space between.

    Where sentences start is the sentence splitter's call (``text/sentences.py``,
    the one the prompt numbers sentences with), so the full stop of "Mr." or
    "U.S." is no boundary. The splitter also starts a sentence at every line;
    here a line break inside a paragraph (an indented line) is read as a space,
    so only a sentence end splits a paragraph. A sentence's span runs on to the
    next sentence, so a closing quote or bracket after its full stop stays with it.
    """
    if end - start <= max_chars:
        return [(start, end)]
    spans: list[tuple[int, int]] = []
    position = start
    # Same length as the paragraph, so the sentences' offsets are the paragraph's.
    for sentence in split_sentences(_ANY_BREAK.sub(" ", text[start:end]))[1:]:
        boundary = start + sentence.start
        stop = position + len(text[position:boundary].rstrip())
        if stop > position:
            spans.append((position, stop))
        position = boundary
    if position < end:
        spans.append((position, end))
    out: list[tuple[int, int]] = []
    for a, b in spans:  # a sentence longer than the budget: cut at whitespace
        while b - a > max_chars:
            cut = text.rfind(" ", a, a + max_chars)
            cut = cut if cut > a else a + max_chars
            out.append((a, cut))
            a = cut
        out.append((a, b))
    return out


def chunk_sizes(chunk_chars: object, chunk_overlap: object) -> tuple[int, int]:
    """``Extractor(chunk_chars=..., chunk_overlap=...)`` as whole numbers, checked.

    ``chunk_chars`` is at least 1 and ``chunk_overlap`` 0 or more; anything
    else (0, a negative number, ``nan``, ``"6000"``) is a
    :class:`~extractor.errors.ConfigurationError` naming the option, raised
    when the extractor is made, before any call.
    """
    chars = whole_option(
        "chunk_chars",
        chunk_chars,
        at_least=1,
        hint=f"give the most characters of article per model call (default {DEFAULT_MAX_CHARS})",
    )
    overlap = whole_option(
        "chunk_overlap",
        chunk_overlap,
        at_least=0,
        hint=f"give the characters consecutive chunks share, 0 for none "
        f"(default {DEFAULT_OVERLAP_CHARS})",
    )
    return chars, overlap


def chunk_text(
    text: str, *, max_chars: int = DEFAULT_MAX_CHARS, overlap_chars: int = DEFAULT_OVERLAP_CHARS
) -> list[Chunk]:
    """Chunks of at most ``max_chars`` (plus overlap), covering the whole text.

    The sizes are checked as :func:`chunk_sizes` checks the options they come from.
    """
    max_chars, overlap_chars = chunk_sizes(max_chars, overlap_chars)
    if len(text) <= max_chars:
        return [Chunk(0, 0, text)]
    units = _units(text, max_chars)
    chunks: list[Chunk] = []
    group: list[tuple[int, int]] = []
    for unit in units:
        if group and unit[1] - group[0][0] > max_chars:
            chunks.append(_make(text, len(chunks), group))
            group = [u for u in group if group[-1][1] - u[0] <= overlap_chars and u != group[0]]
        group.append(unit)
    if group:
        chunks.append(_make(text, len(chunks), group))
    return chunks


def _make(text: str, index: int, group: list[tuple[int, int]]) -> Chunk:
    start, end = group[0][0], group[-1][1]
    return Chunk(index, start, text[start:end])
