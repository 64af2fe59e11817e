"""Sentences of hard-wrapped text (text/sentences.py ``soft_breaks``).

Press releases and archives of them wrap every 60 to 80 characters, inside
sentences. The properties: a text wrapped at any width splits into the same
sentences as the text unwrapped; breaks that end lines on purpose (a list, a
paragraph per line, a short line) still end sentences; and for any text the
sentences are ordered, disjoint, trimmed, and cover every non-blank character.
"""

from __future__ import annotations

import textwrap

from hypothesis import example, given, settings
from hypothesis import strategies as st

from extractor.text.sentences import WRAP_WIDTH_MAX, soft_breaks, split_sentences

_WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzéü", min_size=2, max_size=12)
_SENTENCE = st.lists(_WORD, min_size=1, max_size=30).map(
    lambda words: " ".join([words[0].capitalize(), *words[1:]]) + "."
)
_PARAGRAPH = st.lists(_SENTENCE, min_size=1, max_size=6).map(" ".join)


def _sentences(text: str) -> list[str]:
    return [" ".join(text[s.start : s.end].split()) for s in split_sentences(text)]


@settings(max_examples=150, deadline=None)
@given(st.lists(_PARAGRAPH, min_size=1, max_size=5), st.integers(min_value=30, max_value=100))
def test_a_text_wrapped_at_any_width_has_the_sentences_of_the_text_unwrapped(
    paragraphs: list[str], width: int
) -> None:
    unwrapped = "\n\n".join(paragraphs)
    wrapped = "\n\n".join(
        textwrap.fill(p, width=width, break_long_words=False, break_on_hyphens=False)
        for p in paragraphs
    )
    assert _sentences(wrapped) == _sentences(unwrapped)


@settings(max_examples=100, deadline=None)
@given(st.lists(_PARAGRAPH, min_size=2, max_size=6), st.integers(min_value=30, max_value=100))
def test_wrapped_paragraphs_with_no_blank_line_between_stay_apart_at_their_full_stops(
    paragraphs: list[str], width: int
) -> None:
    """Wrapped paragraphs one after another with no blank line: every sentence of each
    is still one sentence (a full stop at a line's end ends it, as within a line)."""
    wrapped = "\n".join(
        textwrap.fill(p, width=width, break_long_words=False, break_on_hyphens=False)
        for p in paragraphs
    )
    assert _sentences(wrapped) == _sentences(" ".join(paragraphs))


_LINE = st.lists(_WORD, min_size=1, max_size=8).map(" ".join)


@settings(max_examples=100, deadline=None)
@given(st.lists(_LINE, min_size=2, max_size=8), st.sampled_from(["- ", "* ", "1. ", "# ", "> "]))
def test_list_items_and_headings_are_never_joined(lines: list[str], marker: str) -> None:
    text = "\n".join(marker + line for line in lines)
    assert soft_breaks(text) == []
    assert len(split_sentences(text)) == len(lines)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.lists(_WORD, min_size=20, max_size=40).map(lambda ws: " ".join(ws).capitalize()),
        min_size=2, max_size=6,
    )
)  # fmt: skip
def test_a_paragraph_per_line_is_not_wrapped(lines: list[str]) -> None:
    """Lines wider than any wrap (a paragraph per line, no final stop, the next opening
    with a capital) stay sentences of their own: no break of such a block is soft."""
    lines = [line for line in lines if len(line) > WRAP_WIDTH_MAX] or ["x" * (WRAP_WIDTH_MAX + 1)]
    text = "\n".join(lines)
    assert soft_breaks(text) == []


def test_a_short_line_ends_where_its_writer_ended_it() -> None:
    text = (
        "Statement by the Press Secretary\n"
        "The President spoke today with the Prime Minister of Norway about the\n"
        "security of the North Sea and their support for Ukraine in its defence\n"
        "against aggression. They agreed to stay in close touch."
    )
    assert _sentences(text) == [
        "Statement by the Press Secretary",
        "The President spoke today with the Prime Minister of Norway about the security of "
        "the North Sea and their support for Ukraine in its defence against aggression.",
        "They agreed to stay in close touch.",
    ]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from('aBЖж .!?\n\r\t-*#1)Ü。"”’(“'), max_size=300))
@example("a\n\nb")
@example(" \n\n")
def test_sentences_are_ordered_disjoint_trimmed_and_cover_every_non_blank_character(
    text: str,
) -> None:
    sentences = split_sentences(text)
    covered = set()
    previous_end = 0
    for number, sentence in enumerate(sentences, start=1):
        assert sentence.number == number
        assert previous_end <= sentence.start < sentence.end <= len(text)
        assert not text[sentence.start].isspace() and not text[sentence.end - 1].isspace()
        covered.update(range(sentence.start, sentence.end))
        previous_end = sentence.end
    assert all(i in covered for i, char in enumerate(text) if not char.isspace())
