"""Round 63: amounts the money reader got wrong by a factor of a million or in the wrong
currency (a hostile probe's generated phrases).

Each test builds its phrases from fillers (figures, scale words, range words, currencies)
in every language the rule claims, and checks :func:`parse_money` against the amount a
reader of that language means.
"""

from __future__ import annotations

import itertools
from decimal import Decimal

import pytest

from extractor.text.quantities import parse_money

#: (language, scale words with their value, the range phrasings "{a}" .. "{b}", a
#: currency phrase written after the scale and its code)
_RANGES = [
    ("en", [("million", 10**6), ("billion", 10**9)],
     ["{a} to {b}", "between {a} and {b}", "{a}-{b}", "{a} or {b}"],
     [("dollars", "USD"), ("euros", "EUR")]),
    ("es", [("millones", 10**6), ("mil millones", 10**9)],
     ["de {a} a {b}", "entre {a} y {b}", "{a}-{b}"],
     [("de dólares", "USD"), ("de euros", "EUR")]),
    ("fr", [("millions", 10**6), ("milliards", 10**9)],
     ["de {a} à {b}", "entre {a} et {b}", "{a}-{b}"],
     [("d'euros", "EUR"), ("de dollars", "USD")]),
    ("de", [("Millionen", 10**6), ("Milliarden", 10**9)],
     ["{a} bis {b}", "zwischen {a} und {b}", "{a}-{b}"],
     [("Euro", "EUR"), ("Dollar", "USD")]),
    ("ru", [("млн", 10**6), ("млрд", 10**9)],
     ["от {a} до {b}", "между {a} и {b}", "{a}-{b}"],
     [("рублей", "RUB"), ("долларов", "USD")]),
    ("pt", [("milhões", 10**6), ("bilhões", 10**9)],
     ["de {a} a {b}", "entre {a} e {b}", "{a}-{b}", "{a} a {b}"],
     [("de reais", "BRL"), ("de dólares", "USD"), ("de euros", "EUR")]),
    ("it", [("milioni", 10**6), ("miliardi", 10**9)],
     ["da {a} a {b}", "tra {a} e {b}", "{a}-{b}"],
     [("di euro", "EUR"), ("di dollari", "USD")]),
    ("nl", [("miljoen", 10**6), ("miljard", 10**9)],
     ["{a} tot {b}", "tussen {a} en {b}", "{a}-{b}", "{a} à {b}"],
     [("euro", "EUR"), ("dollar", "USD")]),
    ("pl", [("mln", 10**6), ("mld", 10**9)],
     ["od {a} do {b}", "między {a} i {b}", "{a}-{b}"],
     [("złotych", "PLN"), ("euro", "EUR")]),
    ("tr", [("milyon", 10**6), ("milyar", 10**9)],
     ["{a} ila {b}", "{a}-{b}"],
     [("dolar", "USD"), ("euro", "EUR")]),
    ("id", [("juta", 10**6), ("miliar", 10**9)],
     ["{a} hingga {b}", "antara {a} dan {b}", "{a}-{b}"],
     [("dolar", "USD"), ("euro", "EUR")]),
    ("ar", [("ملايين", 10**6), ("مليارات", 10**9)],
     ["بين {a} و{b}", "من {a} إلى {b}", "{a}-{b}"],
     [("دولار", "USD"), ("يورو", "EUR")]),
]  # fmt: skip
_PAIRS = [(3, 5), (12, 15), (1, 2), (20, 40)]
#: Languages a text of no stated language is not guessed to be from these phrases ("mln"
#: is Italian and Russian too): read in English, "od 3 do 5" is no range.
_NOT_GUESSED = frozenset({"pl"})


def _range_cases() -> list[tuple[str, str, Decimal, str]]:
    cases = []
    for language, scales, phrasings, currencies in _RANGES:
        for (word, value), phrasing, (name, code), (low, high) in itertools.product(
            scales, phrasings, currencies, _PAIRS
        ):
            text = phrasing.format(a=low, b=high) + f" {word} {name}"
            cases.append((language, text, Decimal(low * value), code))
    return cases


@pytest.mark.parametrize(("language", "text", "amount", "code"), _range_cases())
def test_a_range_s_scale_and_currency_are_its_first_figure_s_too(
    language: str, text: str, amount: Decimal, code: str
) -> None:
    """In "A to B SCALE UNIT" the scale and currency after B apply to A (distributive):
    read alone, "3 tot 5 miljard euro" was 3 euros and "de 3 a 5 mil millones" 3 million."""
    assert parse_money(text, language) == (amount, code)
    if language not in _NOT_GUESSED:
        assert parse_money(text) == (amount, code)


@pytest.mark.parametrize(("sign", "code"), [("R", "ZAR"), ("Rp", "IDR"), ("KSh", "KES")])
@pytest.mark.parametrize(("low", "high"), _PAIRS)
@pytest.mark.parametrize(("word", "value"), [("million", 10**6), ("billion", 10**9), ("bn", 10**9)])
def test_a_letter_sign_written_again_keeps_the_range(
    sign: str, code: str, low: int, high: int, word: str, value: int
) -> None:
    """ "R3-R5 billion" starts at three billion rand, as "$3-$5 billion" at three billion dollars."""
    assert parse_money(f"{sign}{low}-{sign}{high} {word}", "en") == (Decimal(low * value), code)
    assert parse_money(f"{sign}{low} to {sign}{high} {word}", "en") == (Decimal(low * value), code)


_ABBREVIATIONS = [("M", 10**6), ("Md", 10**9), ("Mds", 10**9), ("Mrd", 10**9), ("k", 10**3)]


@pytest.mark.parametrize(("abbreviation", "value"), _ABBREVIATIONS)
@pytest.mark.parametrize(("sign", "code"), [("€", "EUR"), ("£", "GBP"), ("₹", "INR")])
@pytest.mark.parametrize("figure", ["3", "1,2", "45", "250"])
@pytest.mark.parametrize("language", ["fr", "de", "es", "it", "nl", "pt", None])
@pytest.mark.parametrize("space", ["", " ", "\u00a0"])
def test_a_scale_abbreviation_against_a_sign(
    abbreviation: str,
    value: int,
    sign: str,
    code: str,
    figure: str,
    language: str | None,
    space: str,
) -> None:
    """The press writes "3 M€", "1,2 Md€", "500 k€": millions, billions, thousands of euros.
    Read without the scale, "3 M€" was 3 (US dollars: the sign after "Md" was no sign)."""
    amount = Decimal(figure.replace(",", ".")) * value
    assert parse_money(f"{figure}{space}{abbreviation}{sign}", language) == (amount, code)
    assert parse_money(f"un budget de {figure}{space}{abbreviation}{sign} en 2024", language) == (
        amount,
        code,
    )


@pytest.mark.parametrize(
    ("text", "language"),
    [("The score was 3-1 and 2 million watched", "en"), ("Der Sieg 3 und 5 Millionen Euro", "de"),
     ("Il a marqué 3 e 5 milhões de reais", "pt"), ("Ze kregen 3 en 5 miljoen euro", "nl")],
)  # fmt: skip
def test_and_joins_two_figures_without_between(text: str, language: str) -> None:
    """ "and" alone joins any two things: no range, and the first figure keeps its value."""
    result = parse_money(text, language)
    assert result is not None and result[0] < 10**6


#: language: (the figure and scale before the name, [(a currency's whole name, its code;
#: None when it names no currency of today or cannot tell which)]).
_WHOLE_NAMES: dict[str, tuple[str, list[tuple[str, str | None]]]] = {
    "en": ("{n} million", [("West African CFA francs", "XOF"), ("Central African CFA francs", "XAF"),
                           ("Brunei dollars", "BND"), ("Zimbabwean dollars", None),
                           ("CFA francs", None)]),
    "nl": ("{n} miljoen", [("CFA-frank BCEAO", "XOF"), ("CFA-frank", None),
                           ("Zuid-Afrikaanse rand", "ZAR"), ("Zimbabwaanse dollar", None)]),
    "fr": ("{n} millions de", [("francs CFA (BCEAO)", "XOF"), ("francs CFA BEAC", "XAF"),
                               ("francs CFA", None)]),
    "de": ("{n} Mio.", [("Rand", "ZAR"), ("schwedische Kronen", "SEK"), ("türkische Lira", "TRY"),
                        ("Brunei-Dollar", "BND"), ("CFA-Franc (BCEAO)", "XOF")]),
    "es": ("{n} millones de", [("francos CFA de África Occidental", "XOF")]),
    "it": ("{n} milioni di", [("franchi CFA BCEAO", "XOF"), ("dollari del Brunei", "BND")]),
    "ar": ("{n} مليارات", [("ريال سعودي", "SAR"), ("جنيه مصري", "EGP"), ("درهم إماراتي", "AED"),
                          ("دينار عراقي", "IQD"), ("ليرة تركية", "TRY")]),
    "ru": ("{n} млн", [("брунейских долларов", "BND"), ("белорусских рублей", "BYN")]),
}  # fmt: skip
_SCALE_OF = {"en": 10**6, "nl": 10**6, "fr": 10**6, "de": 10**6, "es": 10**6, "it": 10**6,
             "ar": 10**9, "ru": 10**6}  # fmt: skip


def _whole_name_cases() -> list[tuple[str, str, Decimal, str | None]]:
    cases = []
    for language, (before, names) in _WHOLE_NAMES.items():
        for (name, code), figure in itertools.product(names, (3, 45, 120)):
            text = before.format(n=figure) + " " + name
            cases.append((language, text, Decimal(figure * _SCALE_OF[language]), code))
            cases.append((language, f"«{text}», a dit le ministre.", cases[-1][2], code))
    return cases


@pytest.mark.parametrize(("language", "text", "amount", "code"), _whole_name_cases())
def test_a_currency_s_whole_name_names_it(
    language: str, text: str, amount: Decimal, code: str | None
) -> None:
    """A currency's whole CLDR name after the figure is that currency: "West African CFA
    francs" (read word by word, "West African" was no state: US dollars), "Brunei dollars"
    (the state's bare name was read as a verb's object), "Zuid-Afrikaanse rand" (the
    hyphenated adjective a compound), "3 Mio. Rand" (the dot ended the phrase). A name of
    withdrawn currencies alone ("Zimbabwean dollars") or the start of two of today's (Dutch
    "CFA-frank", the CLDR's Central African franc and the start of "CFA-franc BCEAO") is no
    amount in a known currency."""
    expected = None if code is None else (amount, code)
    assert parse_money(text, language) == expected


@pytest.mark.parametrize("figure", ["3", "1,2", "450"])
@pytest.mark.parametrize(
    ("template", "language"),
    [("{n} milliards FCFA", "fr"), ("{n} milliards de FCFA", "fr"), ("FCFA {n} milliards", "fr"),
     ("{n} millions F CFA", "fr"), ("{n} million CFA", "en"), ("CFA {n} billion", "en"),
     ("{n} millones de FCFA", "es"), ("{n} Mio. FCFA", "de"), ("{n} milhões de FCFA", "pt")],
)  # fmt: skip
def test_the_cfa_franc_abbreviated_names_none(template: str, language: str, figure: str) -> None:
    """ "FCFA"/"CFA" is the West or the Central African franc; which one the abbreviation
    does not tell, so no amount, as for "francs CFA" (it was US dollars)."""
    text = template.format(n=figure)
    assert parse_money(text, language) is None
    assert parse_money(text) is None
