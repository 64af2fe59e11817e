"""The one fold for matching text (``normalise_text``) and the places that use it."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractor.evaluation.matching import names_match, text_match
from extractor.text.countries import _fold_word, country_in_text, to_alpha3
from extractor.text.grounding import contains, folded_article, normalise, normalise_text

# Every code point but surrogates, with the characters the fold treats
# specially drawn more often than chance would.
SPECIAL = "\u00a8\u00b4\u02bc\u0149\u0345\u2011\u2014\u2019\u201c\u2026\u2034\ufe58\u00a0\u2028İẞﬁÅ"
any_text = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8", exclude_categories=("Cs",)), st.sampled_from(SPECIAL)
    ),
    max_size=80,
)


@given(text=any_text, accents=st.booleans())
def test_the_fold_is_idempotent(text: str, accents: bool) -> None:
    folded = normalise_text(text, accents=accents)
    assert normalise_text(folded, accents=accents) == folded


@given(text=any_text, accents=st.booleans())
def test_the_fold_leaves_single_spaces_and_no_typographic_variants(
    text: str, accents: bool
) -> None:
    folded = normalise_text(text, accents=accents)
    assert folded == folded.strip() and "  " not in folded
    assert not any(c.isspace() and c != " " for c in folded)
    assert not set(folded) & set("\u2018\u2019\u201c\u201d\u2013\u2014\u2026\u02bc")
    if not accents:
        assert not any(unicodedata.combining(c) for c in folded)


@given(text=any_text, accents=st.booleans())
def test_the_offset_keeping_fold_is_the_fold_with_an_offset_per_character(
    text: str, accents: bool
) -> None:
    folded, index = normalise(text, accents=accents)
    assert folded == normalise_text(text, accents=accents)
    assert len(index) == len(folded)
    assert index == sorted(index) and all(0 <= i < len(text) for i in index)
    for char, source in zip(folded, index, strict=True):
        # Each folded character comes from the character its offset names.
        assert char == " " or char in normalise_text(text[source], accents=accents)


@given(text=any_text)
def test_folded_article_is_the_fold_of_the_whole_text_once(text: str) -> None:
    memo: dict[str, object] = {}
    context = {"text": text, "memo": memo}
    assert folded_article(context) == normalise_text(text)
    assert memo["folded_text"] == normalise_text(text)
    context["text"] = "something else"  # the memo is per chunk: not recomputed
    assert folded_article(context) == normalise_text(text)
    assert folded_article({"text": text}) == normalise_text(text)


@given(word=st.from_regex(r"\w+", fullmatch=True))
def test_the_fast_word_fold_is_the_fold(word: str) -> None:
    assert _fold_word(word) == normalise_text(word, accents=False)


def test_what_the_fold_folds() -> None:
    text = "  The Minister’s  “visit” to Côte d’Ivoire\u00a0— 3,500 killed…\n ＡＢＣ ß İ ¨x ʼ﹘ "
    assert normalise_text(text) == (
        "the minister's \"visit\" to co\u0302te d'ivoire - 3,500 killed... abc ss i \u0308x '-"
    )
    assert normalise_text(text, accents=False) == (
        "the minister's \"visit\" to cote d'ivoire - 3,500 killed... abc ss i x '-"
    )
    assert contains("The “Yangon” talks", '"yangon"')


@pytest.mark.parametrize(
    ("name", "code"),
    [("Côte d’Ivoire", "CIV"), ("cote d'ivoire", "CIV"), ("Congo–Kinshasa", "COD"),
     ("Türkiye", "TUR"), ("TURKIYE", "TUR"), ("the  United\nKingdom", "GBR")],
)  # fmt: skip
def test_country_names_are_matched_by_the_fold_without_accents(name: str, code: str) -> None:
    assert to_alpha3(name) == code


def test_places_are_matched_by_the_fold_without_accents() -> None:
    assert country_in_text("Abidjan, Côte d’Ivoire") == "CIV"
    assert country_in_text("Guinea\u2011Bissau") == "GNB"


def test_evaluation_compares_by_the_fold_without_accents() -> None:
    assert text_match("the “Azov” regiment", 'the "Azov" Regiment near Mariupol')
    assert text_match("Zaporizhzhia–Kherson road", "zaporizhzhia-kherson road")
    assert names_match("Sauli Niinistö", "President NIINISTO")
