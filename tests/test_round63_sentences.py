"""A sentence may open with a French or German quotation mark, a Spanish question or
exclamation mark, a dash of dialogue or a currency sign before its figure (round 63).

Only Latin quotes and brackets counted as what may stand before a sentence's first word, so
"Il a dit. « Nous partons »", "Basta. ¿Por qué …?" and "… was paid. $12 million …" were one
sentence: a record citing either half cited both, and the strict score credited a quote in
the half the gold did not cite. Generated over openers, languages and fillers."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractor.text.sentences import split_sentences

FIRSTS = {
    "fr": "Le ministre a parlé aux journalistes à Paris.",
    "es": "El ministro habló con la prensa en Madrid.",
    "de": "Der Minister sprach in Berlin mit Journalisten.",
    "ru": "Министр выступил перед журналистами в Москве.",
    "en": "The minister spoke to reporters in London.",
}
SECONDS = {
    "fr": ["« Nous ne céderons pas », a-t-il dit.", "« 12 soldats ont été tués »."],
    "es": ["¿Por qué ardieron 12 casas?", "¡Basta ya de violencia!", "«Nos iremos», dijo."],
    "de": ["„Wir geben nicht nach“, sagte er.", "‚Nie wieder‘ war sein Wort."],
    "ru": ["— Мы не уйдём, — сказал он.", "«Мы не уйдём», — сказал он."],
    "en": ["$12 million was paid in aid.", "€3 billion was pledged.", "£5m went missing."],
}
CASES = [
    (lang, first, second)
    for lang in FIRSTS
    for first, second in itertools.product([FIRSTS[lang]], SECONDS[lang])
]


@pytest.mark.parametrize(("lang", "first", "second"), CASES)
@pytest.mark.parametrize("gap", [" ", "  ", "\u00a0"])
def test_a_sentence_opening_with_a_quote_question_dash_or_price_is_its_own(
    lang: str, first: str, second: str, gap: str
) -> None:
    text = first + gap + second
    spans = [text[s.start : s.end] for s in split_sentences(text)]
    assert spans == [first, second]


@given(
    figure=st.integers(min_value=0, max_value=10**6),
    dots=st.integers(min_value=2, max_value=30),
    blanks=st.integers(min_value=1, max_value=4),
    sign=st.sampled_from("$€£¥₦₹"),
)
def test_a_price_list_s_leader_ends_no_sentence(
    figure: int, dots: int, blanks: int, sign: str
) -> None:
    """ "Equipment ........ $ 0": dots that lead to a price are no full stop."""
    text = "Major Defense Equipment " + "." * dots + " " * blanks + f"{sign}{figure} million"
    assert len(split_sentences(text)) == 1


@pytest.mark.parametrize("opener", ["« ", "„", "¿", "¡", "— "])
@pytest.mark.parametrize("word", ["the", "por", "nous", "мы"])
def test_a_lower_case_word_after_an_opener_opens_no_sentence(opener: str, word: str) -> None:
    """After "e.g." or "approx." a quotation goes on the sentence: only a capital, a figure
    or a caseless letter opens one."""
    text = f"He cited a phrase, e.g. {opener}{word} end, in full."
    assert len(split_sentences(text)) == 1


@given(st.text(alphabet="ab .«»¿?¡!—$€1 \n", max_size=80))
def test_every_sentence_is_a_slice_of_the_text_in_order(text: str) -> None:
    sentences = split_sentences(text)
    assert all(0 <= s.start < s.end <= len(text) for s in sentences)
    assert all(a.end <= b.start for a, b in itertools.pairwise(sentences))
    assert all(text[s.start : s.end].strip() for s in sentences)


ABBREVIATED = [
    "Боевики т.н.", "Die sog.", "Egypt paid ca.", "Los fondos de EE.UU.", "за прибл.",
    "Le groupe, i.e.", "Ils ont évoqué l’org.", "See Vol.", "Under Art.", "на ул.",
    "Fondos de EE. UU.", "They paid approx.", "Sie zahlten bzw.", "Se pagó aprox.",
]  # fmt: skip
SIGN_OPENERS = ["«Islamic State»", "„Reichsbürger“", "$2 billion", "€5 million", "¿qué?", "— X"]


@pytest.mark.parametrize("before", ABBREVIATED)
@pytest.mark.parametrize("opener", SIGN_OPENERS)
def test_an_abbreviation_before_a_sign_opener_ends_no_sentence(before: str, opener: str) -> None:
    """A quotation, a price or a dash follows exactly the abbreviations that end in a full
    stop ("so-called «…»", "approx. $2 billion", "i.e. «…»"): the actor before stays in the
    sentence of the deed."""
    text = f"{before} {opener} killed 12 people."
    sentences = split_sentences(text)
    last = text[sentences[-1].start : sentences[-1].end]
    assert last.endswith(f"{before.split()[-1]} {opener} killed 12 people.")


@given(
    start=st.integers(min_value=1, max_value=12),
    end=st.integers(min_value=1, max_value=12),
    dash=st.sampled_from("–—"),
    marks=st.sampled_from([("a.m.", "p.m."), ("a.m.", "a.m."), ("p.m.", "p.m.")]),
)
def test_a_dash_between_times_opens_no_sentence(
    start: int, end: int, dash: str, marks: tuple[str, str]
) -> None:
    text = f"Talks ran from {start} {marks[0]} {dash} {end} {marks[1]} on Monday."
    assert len(split_sentences(text)) == 1


@given(
    numbers=st.lists(st.integers(min_value=1, max_value=999), min_size=1, max_size=6),
    sign=st.sampled_from("$€£"),
    leader=st.sampled_from([". . . .", "……", "........"]),
)
def test_a_list_s_numbers_and_a_table_s_leaders_before_a_price_end_no_sentence(
    numbers: list[int], sign: str, leader: str
) -> None:
    lines = [f"{n}. {sign}{n} million for tanks" for n in numbers]
    text = "\n".join(lines)
    assert [text[s.start : s.end] for s in split_sentences(text)] == lines
    row = f"Totals {leader} {sign} {numbers[0]}"
    assert len(split_sentences(row)) == 1
