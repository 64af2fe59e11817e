"""A scale abbreviation written apart from its digits, beside a currency.

Two invariants, over every abbreviation the package reads beside a currency:
- a scale word of several letters is read the same whatever word follows it: "$5
  BIL of military aid" is five billion as "$5 BIL." is (words of size and "of" bar
  only the one-letter scales: "5 m long", "$5 m of cable");
- in Chinese or Japanese text, Latin letters followed by a digit or a hyphen start a
  designation, no scale: "$5 M16步枪" is five dollars, as "$2 B-52s" is in English.
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from extractor.text.quantities import _SCALES_BESIDE_CURRENCY, parse_money

SIGNS = ["$", "US$", "€", "£"]
#: The multi-letter scales English reads after a currency sign, in the case the press
#: writes them (lower and upper).
WORDS = sorted(
    written
    for word in _SCALES_BESIDE_CURRENCY
    if len(word) > 1 and word.isascii() and word.isalpha()
    for written in (word, word.upper())
    if parse_money(f"$5 {written}.", "en") not in (None, (Decimal(5), "USD"))
)
FOLLOWING = ["of", "in", "for", "worth", "to", "and", "military", "aid", "long", "high", "away"]


def test_the_scales_were_found() -> None:
    assert {"bn", "BIL", "MIO", "mln", "MRD"} <= set(WORDS), WORDS


@given(st.sampled_from(WORDS), st.sampled_from(SIGNS), st.lists(st.sampled_from(FOLLOWING)))
def test_a_scale_word_reads_the_same_before_any_word(
    word: str, sign: str, following: list[str]
) -> None:
    alone = parse_money(f"The budget is {sign}5 {word}.", "en")
    followed = parse_money(f"The budget is {sign}5 {word} {' '.join(following)} today.", "en")
    assert followed == alone, (word, following)


@given(
    st.sampled_from(sorted({w for w in _SCALES_BESIDE_CURRENCY if w.isascii() and w.isalpha()})),
    st.booleans(),
    st.sampled_from(["16", "-52", "‐52", "2"]),
    st.sampled_from(["以$5 ", "以US$5 ", "售价$5"]),
)
def test_latin_letters_before_a_digit_or_hyphen_are_no_scale_in_chinese(
    word: str, upper: bool, tail: str, opening: str
) -> None:
    written = word.upper() if upper else word
    figure = parse_money(f"美国{opening}{written}{tail}步枪", "zh")
    assert figure == (Decimal(5), "USD"), (written, tail, figure)
