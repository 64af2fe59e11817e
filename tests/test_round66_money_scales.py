"""Round 66: a scale written after an amount's figure belongs to it, abbreviated or not, in
every language the money reading knows ("$2 bln", "2 Md. Euro", "2 mil. Kč", "€45 M",
"2 M d'euros"), and a scale written once after a range belongs to both ends, whatever
language the range's word is of ("3 bis 5 Mio Euro" read with no language given).
Generated: figures x scales x currencies x languages x range forms; near misses too."""

from decimal import Decimal
from itertools import product

import pytest

from extractor.text.quantities import figures_in, parse_count, parse_money

_K, _M, _B = 10**3, 10**6, 10**9
_FIGURES = [("2", Decimal(2)), ("1.5", Decimal("1.5")), ("45", Decimal(45))]

#: language -> (scales as written after the figure, currencies around it, decimal comma)
_WRITTEN: dict[str, tuple[list[tuple[str, int]], list[tuple[str, str]], bool]] = {
    "en": (
        [("bln", _B), ("bln.", _B), ("BLN", _B), ("Bln", _B), ("bn", _B), ("mln", _M),
         ("mn", _M), ("mlrd", _B), ("b", _B), ("B", _B), ("m", _M), ("M", _M), ("k", _K)],
        [("${n} {s}", "USD"), ("{n} {s} USD", "USD"), ("{n} {s} dollars", "USD"),
         ("€{n} {s}", "EUR"), ("{n} {s} euros", "EUR"), ("£{n} {s}", "GBP"),
         ("US$ {n} {s}", "USD")],
        False,
    ),
    "de": (
        [("Mio.", _M), ("Mrd.", _B), ("Md.", _B), ("Tsd.", _K), ("Mio", _M)],
        [("{n} {s} Euro", "EUR"), ("{n} {s} €", "EUR"), ("{n} {s} US-Dollar", "USD")],
        True,
    ),
    "fr": (
        [("M", _M), ("Md", _B), ("Mds", _B), ("millions", _M)],
        [("{n} {s} d'euros", "EUR"), ("{n} {s} de dollars", "USD")],
        True,
    ),
    "es": (
        [("mdd", _M), ("mn", _M), ("millones", _M)],
        [("{n} {s} de euros", "EUR"), ("US$ {n} {s}", "USD")],
        True,
    ),
    "ru": (
        [("млн", _M), ("млрд", _B), ("тыс.", _K)],
        [("{n} {s} рублей", "RUB"), ("{n} {s} долларов", "USD")],
        True,
    ),
    "pl": ([("mln", _M), ("mld", _B), ("tys.", _K)], [("{n} {s} zł", "PLN")], True),
    "it": ([("mln", _M), ("mld", _B)], [("{n} {s} di euro", "EUR")], True),
    "cs": (
        [("mil.", _M), ("mld.", _B), ("milionů", _M), ("miliard", _B)],
        [("{n} {s} korun", "CZK"), ("{n} {s} Kč", "CZK")],
        True,
    ),
}  # fmt: skip

_RANGES: dict[str, list[str]] = {
    "en": ["between {a} and {b}", "{a} to {b}", "{a}-{b}", "{a} or {b}", "from {a} to {b}"],
    "de": ["zwischen {a} und {b}", "{a} bis {b}", "{a}-{b}"],
    "fr": ["entre {a} et {b}", "{a} à {b}", "de {a} à {b}", "{a}-{b}"],
    "es": ["entre {a} y {b}", "de {a} a {b}", "{a}-{b}"],
    "ru": ["от {a} до {b}", "между {a} и {b}", "{a}-{b}"],
    "pl": ["od {a} do {b}", "między {a} i {b}", "{a}-{b}"],
    "it": ["tra {a} e {b}", "da {a} a {b}", "{a}-{b}"],
    "cs": ["od {a} do {b}", "mezi {a} a {b}", "{a}-{b}"],
}


def _figure(written: str, comma: bool) -> str:
    return written.replace(".", ",") if comma else written


def _single(language: str) -> list[tuple[str, tuple[Decimal, str]]]:
    scales, currencies, comma = _WRITTEN[language]
    return [
        (template.format(n=_figure(figure, comma), s=scale), (value * multiple, code))
        for (scale, multiple), (template, code), (figure, value) in product(
            scales, currencies, _FIGURES
        )
    ]


def _ranged(language: str) -> list[tuple[str, tuple[Decimal, str]]]:
    scales, currencies, _ = _WRITTEN[language]
    cases = []
    for (scale, multiple), (template, code), form in product(scales, currencies, _RANGES[language]):
        if len(scale) == 1:
            continue  # "between $3 and 5 m": a letter apart from its figure, read alone
        sign, _, rest = template.partition("{n}")
        text = ("{n}" + rest).format(n=form.format(a=sign + "3", b="5"), s=scale)
        cases.append((text, (Decimal(3) * multiple, code)))
    return cases


@pytest.mark.parametrize("given", [True, False])
@pytest.mark.parametrize("language", sorted(_WRITTEN))
def test_a_scale_after_the_figure_is_its_scale(language: str, given: bool) -> None:
    wrong = [
        (text, found, expected)
        for text, expected in _single(language)
        if (found := parse_money(text, language if given else None)) != expected
    ]
    assert not wrong, f"{len(wrong)}/{len(_single(language))}: {wrong[:5]}"


@pytest.mark.parametrize("given", [True, False])
@pytest.mark.parametrize("language", sorted(_RANGES))
def test_a_scale_written_once_after_a_range_is_both_ends(language: str, given: bool) -> None:
    """The low end, scaled: the rule "$3-5 million" was already read by, for every form."""
    wrong = [
        (text, found, expected)
        for text, expected in _ranged(language)
        if (found := parse_money(text, language if given else None)) != expected
    ]
    assert not wrong, f"{len(wrong)}/{len(_ranged(language))}: {wrong[:5]}"


#: One letter apart from its figure with no currency beside it: a unit, a name, a grade.
_LETTER_NOT_A_SCALE = [
    "The wall is {n} m long.",
    "The mast stands {n} m high.",
    "Students of grade {n} B passed.",
    "He ran {n} k on Sunday.",
    "The {n} m sprint was won by Lee.",
    "Flight {n} M was late.",
    "Block {n} b was hit.",
    "It was {n} m in length.",
]
#: A letter beside a currency that still is no scale: a hyphen, a word of size after it.
_LETTER_BESIDE_A_SIGN = [
    ("$2 B-52 parts", Decimal(2)),
    ("$5 m long cables", Decimal(5)),
    ("€3 m wide", Decimal(3)),
]


@pytest.mark.parametrize(("template", "figure"), list(product(_LETTER_NOT_A_SCALE, ["2", "45"])))
def test_a_letter_apart_from_its_figure_with_no_currency_is_no_scale(
    template: str, figure: str
) -> None:
    text = template.format(n=figure)
    assert next(f.value for f in figures_in(text, "en") if f.is_number) == Decimal(figure)
    found = parse_money(text, "en")
    assert found is None or found[0] == Decimal(figure)


@pytest.mark.parametrize(("text", "amount"), _LETTER_BESIDE_A_SIGN)
def test_a_letter_beside_a_sign_before_a_hyphen_or_a_size_is_no_scale(
    text: str, amount: Decimal
) -> None:
    found = parse_money(text, "en")
    assert found is not None and found[0] == amount


#: Words between two figures that are no range in the text's language, nor after a
#: "between" or a "from" in any: two figures, each its own.
_NOT_RANGES = [
    "Der Sieg {a} und {b} Millionen Euro",
    "{a} soldiers and {b} civilians were killed",
    "{a} y {b} personas murieron",
    "morreram {a} e {b} ficaram feridos",
    "{a} i {b} osób zginęło",
    "{a} и {b} человек погибли",
    "{a} og {b} døde",
]


@pytest.mark.parametrize("given", [True, False])
@pytest.mark.parametrize(("template", "ends"), list(product(_NOT_RANGES, [(3, 5), (2, 40)])))
def test_a_joining_word_without_between_makes_no_range(
    template: str, ends: tuple[int, int], given: bool
) -> None:
    """A range is read (low, low, high); two figures, each its own or their parts, not."""
    text = template.format(a=ends[0], b=ends[1])
    found = parse_count(text, None if not given else _language_of(template))
    assert found is None or found[2] is None or found[0] == found[2]


def _language_of(template: str) -> str:
    for language, word in (("de", "und"), ("es", " y "), ("pt", " e "), ("pl", " i "),
                           ("ru", " и "), ("da", " og ")):  # fmt: skip
        if word in template:
            return language
    return "en"


def test_an_article_between_two_figures_is_the_range_word_read_alone() -> None:
    """ "3 à 5 millions €" read in English: "à" folds to "a", the article; the ends are
    still the figures around it."""
    assert parse_money("3 à 5 millions €") == (Decimal(3 * 10**6), "EUR")
    assert parse_money("da 3 a 5 mld di euro") == (Decimal(3 * 10**9), "EUR")


#: Korean writes the scale and what follows together after the digits ("5억원", "3만명").
_KO_SCALES = [("만", 10**4), ("억", 10**8), ("조", 10**12)]
_KO_AFTER = [("원", "KRW"), ("달러", "USD"), ("유로", "EUR")]


@pytest.mark.parametrize(
    ("scale", "after", "figure"), list(product(_KO_SCALES, _KO_AFTER, ["5", "25", "1000"]))
)
def test_a_korean_scale_written_against_its_currency_is_the_figures(
    scale: tuple[str, int], after: tuple[str, str], figure: str
) -> None:
    text = f"{figure}{scale[0]}{after[0]} 규모의 계약"
    assert parse_money(text) == (Decimal(figure) * scale[1], after[1])


@pytest.mark.parametrize("figure", ["3", "12", "250"])
def test_a_korean_scale_written_against_its_counter_is_the_figures(figure: str) -> None:
    found = parse_count(f"{figure}만명이 숨졌다", "ko")
    assert found is not None and found[1] == int(figure) * 10**4
