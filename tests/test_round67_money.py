"""Round 67: an amount is money only as its currency binds to it, in the scale the text's
language gives. Generated corpora (figures x scales x currencies x languages x particles),
each with its near misses:

* a scale word of some languages alone ("mil", "mill", "bin") right after an amount read
  in a language that gives it no value: no amount ("US$ 2 mil" with no language is two
  thousand or two million dollars, never two);
* currencies by names the CLDR gives or translates: "Franken" (the Swiss franc) with no
  language given, "Czech crowns" (the CLDR's "Czech koruna"), a sign glued after a scale
  word ("2 millions€"), a Korean particle written on the unit ("5억원을");
* a range whose high end counts things ("$3 to 5 million troops") is no amount of money.
"""

from decimal import Decimal
from itertools import product

import pytest

from extractor.text.quantities import figures_in, money_at, parse_money, reading_language

#: (text, language given, expected reading or None for no amount)
_Case = tuple[str, str | None, tuple[Decimal, str] | None]


def _mil_cases() -> list[_Case]:
    """A language-dependent scale after the amount read where it has no value: no amount."""
    out: list[_Case] = []
    for (template, _), figure, word, language in product(
        [("US$ {n} {w}", "USD"), ("${n} {w}", "USD"), ("€{n} {w}", "EUR"), ("US$ 1-{n} {w}", "")],
        ["2", "45", "300"],
        ["mil", "mil.", "mill", "bin", "MIL"],
        [None, "en"],
    ):
        out.append((template.format(n=figure, w=word), language, None))
    return out


def _mil_kept() -> list[_Case]:
    """Near misses: the languages that give "mil" its value, and scale words that are no
    "mil" ("million", "milhões")."""
    out: list[_Case] = []
    for figure in (2, 45, 300):
        out += [
            (f"US$ {figure} mil", "es", (Decimal(figure * 10**3), "USD")),
            (f"US$ {figure} mil", "pt", (Decimal(figure * 10**3), "USD")),
            (f"{figure} mil dólares", None, (Decimal(figure * 10**3), "USD")),
            (f"US$ {figure} mil milhões", None, (Decimal(figure * 10**9), "USD")),
            (f"{figure} mil millones de dólares", None, (Decimal(figure * 10**9), "USD")),
            (f"{figure} mil. Kč", None, (Decimal(figure * 10**6), "CZK")),
            (f"{figure} mil. eur", None, (Decimal(figure * 10**6), "EUR")),
            (f"${figure} million", None, (Decimal(figure * 10**6), "USD")),
            (f"${figure} milion", "pl", (Decimal(figure * 10**6), "USD")),
            (f"{figure} bin dolar", "tr", (Decimal(figure * 10**3), "USD")),
            (f"{figure} mill. kr.", "da", (Decimal(figure * 10**6), "DKK")),
            (f"${figure} military aid", None, (Decimal(figure), "USD")),
        ]
    return out


_FIGURES = [("2", 2), ("45", 45), ("1.5", Decimal("1.5"))]


def _franken_cases() -> list[_Case]:
    """German's name of the Swiss franc, read with no language given too."""
    return [
        (f"{figure.replace('.', ',')}{scale} Franken", language, (Decimal(value) * multiple, "CHF"))
        for (figure, value), (scale, multiple), language in product(
            _FIGURES,
            [("", 1), (" Mio.", 10**6), (" Millionen", 10**6), (" Mrd.", 10**9), (" Mio", 10**6)],
            [None, "de"],
        )
    ]


_CROWNS = [("Czech", "CZK"), ("Swedish", "SEK"), ("Danish", "DKK"), ("Norwegian", "NOK"),
           ("Icelandic", "ISK")]  # fmt: skip


def _crown_cases() -> list[_Case]:
    """English's translation of koruna, krona, krone: the state's adjective tells which."""
    return [
        (f"{figure}{scale} {state} {unit}", language, (Decimal(value) * multiple, code))
        for (figure, value), (scale, multiple), (state, code), unit, language in product(
            _FIGURES,
            [("", 1), (" million", 10**6), (" bn", 10**9)],
            _CROWNS,
            ["crowns", "crown"],
            [None, "en"],
        )
    ]


def _glued_cases() -> list[_Case]:
    """A sign glued after a scale word written whole or abbreviated."""
    scales = [("millions", 10**6, None), ("million", 10**6, "en"), ("Millionen", 10**6, None),
              ("milliards", 10**9, None), ("Milliarden", 10**9, None), ("mln", 10**6, None),
              ("mld", 10**9, None), ("Mrd.", 10**9, None), ("millones", 10**6, None),
              ("billion", 10**9, "en")]  # fmt: skip
    signs = [("€", "EUR"), ("£", "GBP"), ("₹", "INR"), ("₽", "RUB"), ("$", "USD")]
    return [
        (f"{figure} {scale}{sign}", language, (Decimal(int(figure)) * multiple, code))
        for figure, (scale, multiple, language), (sign, code) in product(["2", "45"], scales, signs)
    ]


def _korean_cases() -> list[_Case]:
    """A particle written on the unit ("5억원을"), the unit apart or glued to the scale."""
    figures = [("5억", 5 * 10**8), ("1000만", 10**7), ("3조", 3 * 10**12)]
    units = [("원", "KRW"), ("유로", "EUR")]
    particles = ["을", "를", "이", "는", "의", "에", "도", "으로", "에서"]
    return [
        (f"{figure}{space}{unit}{particle}", language, (Decimal(value), code))
        for (figure, value), (unit, code), particle, space, language in product(
            figures[::2], units, particles, ["", " "], [None, "ko"]
        )
    ]


_COUNT_NOUNS = ["troops", "people", "rifles", "barrels", "children", "shells"]
_MONEY_AFTER = ["deal", "contract", "package", "in aid", "annually", "a year", "worth of arms",
                "dollars", "for the army", ""]  # fmt: skip
_RANGES = ["{s}3 to 5 million", "{s}3-5 million", "between {s}3 and 5 million", "{s}3 or 5 million"]


def _range_counts() -> list[_Case]:
    """A range whose high end counts things: no amount."""
    out: list[_Case] = [
        (f"{form.format(s=sign)} {noun}", language, None)
        for form, sign, noun, language in product(
            _RANGES, ["$", "US$ ", "€"], _COUNT_NOUNS, [None, "en"]
        )
    ]
    out += [
        ("US$ 3 a 5 millones de soldados", None, None),
        ("US$ 3 a 5 millones de personas", "es", None),
        ("de 3 à 5 millions de soldats $", "fr", None),
        ("3 à 5 millions d'habitants €", "fr", None),
    ]
    return out


def _range_money() -> list[_Case]:
    """Near misses: a range of money, its noun singular, an adverb or a phrase after it."""
    codes = {"$": "USD", "US$ ": "USD", "€": "EUR"}
    out: list[_Case] = [
        (f"{form.format(s=sign)} {after}".strip(), None, (Decimal(3 * 10**6), codes[sign]))
        for form, sign, after in product(_RANGES, list(codes), _MONEY_AFTER)
        if not (after == "dollars" and sign == "€")
    ]
    out += [
        ("de 3 a 5 millones de dólares", None, (Decimal(3 * 10**6), "USD")),
        ("entre 3 et 5 millions d'euros", "fr", (Decimal(3 * 10**6), "EUR")),
        ("$5 million troops deal", None, (Decimal(5 * 10**6), "USD")),
        ("$3 to 5 million Czech crowns", None, (Decimal(3 * 10**6), "USD")),
    ]
    return out


_CORPORA = {
    "mil_unread": _mil_cases(),
    "mil_kept": _mil_kept(),
    "franken": _franken_cases(),
    "crowns": _crown_cases(),
    "glued_sign": _glued_cases(),
    "korean_particle": _korean_cases(),
    "range_counts": _range_counts(),
    "range_money": _range_money(),
}


def _holds(case: _Case) -> bool:
    text, language, expected = case
    return parse_money(text, language) == expected


@pytest.mark.parametrize("name", list(_CORPORA))
def test_money_read_as_its_currency_binds(name: str) -> None:
    """Every case of the corpus ``name`` reads as expected (the failures listed)."""
    failures = [
        (text, language, parse_money(text, language), expected)
        for text, language, expected in _CORPORA[name]
        if parse_money(text, language) != expected
    ]
    assert not failures, failures[:10]


@pytest.mark.parametrize(
    "text",
    ["Senator Franken said 1.5 million voters came", "Al Franken won 1,200 votes",
     "Frankenstein 2 earned $3.5 million"],
)  # fmt: skip
def test_a_name_franken_is_no_hint_of_german(text: str) -> None:
    """Only "Franken" after a figure or its scale is the franc: a senator's name is no
    hint of German (read in German, "1.5 million" would change its decimal mark)."""
    assert reading_language(text) == "en"


@pytest.mark.parametrize("unit", ["crowns", "crown"])
def test_bare_crowns_name_no_currency(unit: str) -> None:
    """Bare, "crowns" is five states' currency: none is chosen (as "pesos")."""
    reading = parse_money(f"5 million {unit}")
    assert reading is None or reading[1] not in {code for _, code in _CROWNS}


#: Near misses in running text: no figure of these is an amount of money.
_NO_MONEY = [
    ("They sent 5 M-16 rifles to the front", "en"),
    ("Llegaron 2 mil soldados a la frontera", "es"),
    ("Call +1 202 555 0143 before 2025", None),
    ("In 2024 mil aid rose", None),
    ("The 3 to 5 million troops arrived in 2023", "en"),
    ("5억 명을 넘었다", "ko"),
    ("The contract of US$ 2 mil was signed", None),
    ("The contract of US$ 2 mil was signed", "en"),
]


@pytest.mark.parametrize(("text", "language"), _NO_MONEY)
def test_near_misses_carry_no_money(text: str, language: str | None) -> None:
    """A count, a designation, a phone number, a year, or an amount whose scale the text's
    language cannot tell ("mil" in English): no figure is written as money."""
    figures = [f for f in figures_in(text, language) if f.is_number]
    assert figures
    assert all(money_at(text, f, language) is None for f in figures)


def test_mil_is_read_where_the_language_tells_it() -> None:
    """The quote reader keeps "mil" where the language gives it its value."""
    text = "The contract of US$ 2 mil was signed"
    figure = next(f for f in figures_in(text, "es") if f.is_number)
    assert figure.value == 2000
    assert money_at(text, figure, "es") == ("USD", 16, 25)


def rates() -> dict[str, tuple[int, int]]:
    """Each corpus's (holding, total): the before -> after measure of the round."""
    return {name: (sum(map(_holds, corpus)), len(corpus)) for name, corpus in _CORPORA.items()}


if __name__ == "__main__":
    for name, (good, total) in rates().items():
        print(f"{name}: {good}/{total}")
