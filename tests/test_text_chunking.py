"""Chunk boundaries are sentence boundaries, as the one sentence splitter sees them."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.pipeline.chunking import Chunk, chunk_text
from extractor.text.sentences import split_sentences

# Words whose full stop ends no sentence, each followed by a word that could
# start one: a splitter without abbreviations breaks "Mr. Smith" in two.
ABBREVIATED = ("Mr. Smith", "U.S. Navy", "Gen. Éric Lee", "Dr. Ñúñez", "Jan. 5", "Sept. 11",
               "Maj. Gen. Ødegaard", "the U.K. Foreign Office", "John F. Kennedy")  # fmt: skip
AFTER_ABBREVIATION = re.compile(r"\b(?:Mr|U\.S|Gen|Dr|Jan|Sept|Maj|U\.K|[A-Z])\.$")
# Words a sentence may start with: capitals the splitter knows ("É", "Ø"),
# digits, an opening quote.
FIRST = ("The", "Éric", "Ødegaard", "Delegates", "Zürich", "Officials", "42", "“Talks")
WORDS = ("talks", "in", "Kyiv", "Straße", "İzmir", "東京", "naïve", "café", "3,500", "killed",
         "met", "ministers", "on", "Tuesday", "near", "the", "border", "Œuvre", "Москва")  # fmt: skip


@st.composite
def sentences(draw: st.DrawFn) -> str:
    words = [draw(st.sampled_from(FIRST))]
    words += draw(st.lists(st.sampled_from(WORDS + ABBREVIATED), min_size=1, max_size=12))
    words += draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=2))
    body = " ".join(words)
    end = draw(st.sampled_from([".", "!", "?", "…"]))
    return f"{body}{end}”" if body.startswith("“") else f"{body}{end}"


@st.composite
def articles(draw: st.DrawFn) -> tuple[str, set[int], set[int]]:
    """An article and where its sentences start and end."""
    paragraphs = draw(
        st.lists(st.lists(sentences(), min_size=1, max_size=8), min_size=1, max_size=6)
    )
    text = ""
    starts: set[int] = set()
    ends: set[int] = set()
    for p, paragraph in enumerate(paragraphs):
        if p:
            text += draw(st.sampled_from(["\n\n", "\n", "\n \n"]))
        for s, sentence in enumerate(paragraph):
            if s:
                text += draw(st.sampled_from([" ", "  ", "\n    "]))
            starts.add(len(text))
            text += sentence
            ends.add(len(text))
    return text, starts, ends


def _check_offsets(text: str, chunks: list[Chunk]) -> None:
    assert chunks and chunks[0].index == 0
    for number, chunk in enumerate(chunks):
        assert chunk.index == number
        assert chunk.text == text[chunk.start : chunk.start + len(chunk.text)]
    covered = {i for chunk in chunks for i in range(chunk.start, chunk.end)}
    assert all(i in covered for i, char in enumerate(text) if not char.isspace())


@settings(max_examples=200, deadline=None)
@given(article=articles(), data=st.data())
def test_chunks_map_back_cover_the_text_and_never_end_after_an_abbreviation(
    article: tuple[str, set[int], set[int]], data: st.DataObject
) -> None:
    text, starts, ends = article
    longest = max(e - s for s, e in zip(sorted(starts), sorted(ends), strict=True))
    # Every sentence fits, so a sentence end is always there to cut at.
    max_chars = data.draw(st.integers(min_value=longest, max_value=max(longest, 400)))
    overlap = data.draw(st.integers(min_value=0, max_value=200))
    chunks = chunk_text(text, max_chars=max_chars, overlap_chars=overlap)
    _check_offsets(text, chunks)
    if len(chunks) == 1:
        return
    for chunk in chunks:
        assert chunk.start in starts, (chunk.start, text[chunk.start - 20 : chunk.start + 20])
        assert chunk.end in ends | {len(text)}, text[chunk.end - 20 : chunk.end + 20]
        assert not AFTER_ABBREVIATION.search(text[: chunk.start].rstrip())
        if chunk.end < len(text):
            assert not AFTER_ABBREVIATION.search(chunk.text.rstrip())


@settings(max_examples=200, deadline=None)
@given(
    text=st.lists(
        st.sampled_from([*"ab Cé. !?…\n\t”“)(。Ü東", "Mr.", "U.S.", "Gen.", " D. "]), max_size=300
    ).map("".join),
    max_chars=st.integers(min_value=1, max_value=120),
    overlap=st.integers(min_value=0, max_value=60),
)
def test_any_text_chunks_map_back_and_cover_it(text: str, max_chars: int, overlap: int) -> None:
    if not text.strip():  # blank text is refused before chunking (InputError), never chunked
        chunks = chunk_text(text, max_chars=max_chars, overlap_chars=overlap)
        assert all(not chunk.text.strip() for chunk in chunks)
        return
    _check_offsets(text, chunk_text(text, max_chars=max_chars, overlap_chars=overlap))


def test_a_paragraph_is_cut_where_the_splitter_ends_a_sentence() -> None:
    text = "Talks ended. Then Mr. Smith flew to the U.S. capital. “We agreed,” he said."
    chunks = chunk_text(text, max_chars=45, overlap_chars=0)
    assert [c.text for c in chunks] == [
        "Talks ended.",  # not "Talks ended. Then Mr."
        "Then Mr. Smith flew to the U.S. capital.",
        "“We agreed,” he said.",
    ]
    assert [c.text for c in chunks] == [text[s.start : s.end] for s in split_sentences(text)]


def test_a_closing_quote_stays_in_its_chunk() -> None:
    text = "He said: “We will build it.” " + "Then it was built. " * 3
    chunks = chunk_text(text.strip(), max_chars=40, overlap_chars=0)
    assert chunks[0].text == "He said: “We will build it.”"
