"""Round 66: a currency written out in full is its currency in every language the money
reading knows: a name the CLDR gives with its state's words taken away ("convertible
marks", "marcos convertibles", "конвертируемых марок"), a one-syllable Hangul unit ("원",
"엔화"), a bare shared name the tables read as one currency ("rubli", "rublů" are the
ruble as "rubles" is). Withdrawn currencies stay no amount. Generated: figures x names x
languages x language given or not."""

from decimal import Decimal
from itertools import product

import pytest

from extractor.text.quantities import parse_money

#: (language, figure as written, its value)
_FIGURES = {
    "en": [("10 million", 10**7), ("2.5 billion", 25 * 10**8)],
    "fr": [("10 millions", 10**7), ("2,5 milliards", 25 * 10**8)],
    "es": [("10 millones", 10**7), ("2,5 millones", 25 * 10**5)],
    "de": [("10 Millionen", 10**7), ("2,5 Milliarden", 25 * 10**8)],
    "ru": [("10 млн", 10**7), ("2,5 млрд", 25 * 10**8)],
    "pl": [("10 mln", 10**7), ("2,5 mld", 25 * 10**8)],
    "it": [("10 milioni", 10**7), ("2,5 miliardi", 25 * 10**8)],
    "ko": [("1000만", 10**7), ("25억", 25 * 10**8)],
}
#: Names whose currency the text's language tells (given), and the forms read with no
#: language given too (``anywhere``).
_NAMED = [
    ("en", "convertible marks", "BAM", True),
    ("fr", "de marks convertibles", "BAM", False),
    ("es", "de marcos convertibles", "BAM", True),
    ("de", "Konvertible Mark", "BAM", True),
    ("ru", "конвертируемых марок", "BAM", True),
    ("pl", "marek zamiennych", "BAM", False),
    ("it", "di marchi convertibili", "BAM", True),
    ("pl", "rubli", "RUB", False),
    ("ko", "원", "KRW", True),
    ("ko", "유로", "EUR", True),
]
_CASES = [
    (language, figure, value, name, code, anywhere)
    for language, name, code, anywhere in _NAMED
    for figure, value in _FIGURES[language]
]


@pytest.mark.parametrize(("language", "figure", "value", "name", "code", "anywhere"), _CASES)
def test_a_currency_named_in_full_is_its_currency(
    language: str, figure: str, value: int, name: str, code: str, anywhere: bool
) -> None:
    text = f"{figure} {name}"
    assert parse_money(text, language) == (Decimal(value), code)
    if anywhere:
        assert parse_money(text) == (Decimal(value), code)


#: Withdrawn currencies written out: no amount, as before (by design).
_WITHDRAWN = [
    ("en", "{f} Deutsche marks"),
    ("en", "{f} French francs"),
    ("de", "{f} D-Mark"),
    ("fr", "{f} de francs français"),
    ("es", "{f} de pesetas"),
]


@pytest.mark.parametrize(("case", "at"), list(product(_WITHDRAWN, range(2))))
def test_a_withdrawn_currency_is_still_no_amount(case: tuple[str, str], at: int) -> None:
    language, template = case
    figure = _FIGURES[language][at][0]
    assert parse_money(template.format(f=figure), language) is None


#: Names several of today's currencies share bare, none of them read as one by the
#: tables: still no state's ("pesos", "CFA francs" of two states).
_STILL_NONE = [
    ("es", "10 millones de pesos"),
    ("fr", "10 millions de francs CFA"),
    ("en", "10 million riyals"),
]


@pytest.mark.parametrize(("language", "text"), _STILL_NONE)
def test_a_name_shared_by_states_names_none_of_them(language: str, text: str) -> None:
    found = parse_money(text, language)
    assert found is None or found[1] == "USD"
