"""An article's paragraphs are its chunks' units whatever line break its writer used.

Chunking split paragraphs at LF only, while the sentence splitter (round 55) ends a line
at every break ``str.splitlines`` knows: an article with CR line ends (classic Mac OS),
U+2029 (word processors) or NEL had no paragraphs, and its chunks were cut wherever the
budget ran out. Articles of generated paragraphs, joined by every kind of break.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.pipeline.chunking import _units, chunk_text

_BREAKS = ["\n", "\r\n", "\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"]

_words = st.lists(st.from_regex(r"[A-Za-z]{2,9}", fullmatch=True), min_size=3, max_size=12)
_sentences = _words.map(lambda w: " ".join(w).capitalize() + ".")
_paragraphs = st.lists(
    st.lists(_sentences, min_size=1, max_size=4).map(" ".join), min_size=3, max_size=8
)


@settings(max_examples=60, deadline=None)
@given(paragraphs=_paragraphs, joiner=st.sampled_from(_BREAKS), blank=st.booleans())
def test_chunks_end_at_paragraphs_whatever_the_line_break(
    paragraphs: list[str], joiner: str, blank: bool
) -> None:
    separator = joiner * 2 if blank else joiner
    text = separator.join(paragraphs)
    longest = max(len(p) for p in paragraphs)
    chunks = chunk_text(text, max_chars=longest + len(separator), overlap_chars=0)
    ends = {0, len(text)}
    position = 0
    for paragraph in paragraphs:
        ends |= {position, position + len(paragraph)}
        position += len(paragraph) + len(separator)
    for chunk in chunks:
        assert chunk.text == text[chunk.start : chunk.end]
        assert chunk.start in ends and chunk.end in ends, (chunk, joiner)


@settings(max_examples=40, deadline=None)
@given(paragraphs=_paragraphs, indent=st.sampled_from([" ", "  ", "\t"]))
def test_a_crlf_before_an_indented_line_is_no_blank_line(
    paragraphs: list[str], indent: str
) -> None:
    """CR LF is one break: an indented line after it goes on its paragraph, as after LF."""
    for newline in ("\n", "\r\n"):
        text = (newline + indent).join(paragraphs)
        assert _units(text, len(text)) == [(0, len(text))], repr(newline)
