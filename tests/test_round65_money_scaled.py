"""Round 65, second pass: a scaled amount is the text's amount wherever a currency is
written, and NIS (an agency's name too) is
the shekel only beside an amount's figure. Generated: amounts x continuations x templates."""

from decimal import Decimal
from itertools import product

import pytest

from extractor.text.quantities import parse_money

_BARE = [("2 billion", Decimal(2 * 10**9)), ("4.5 billion", Decimal(45 * 10**8)),
         ("300 million", Decimal(3 * 10**8)), ("1.2 million", Decimal(12 * 10**5))]  # fmt: skip
_LATER = ["$75 million", "80 million euros", "£60 million", "USD 70 million"]
_FIRST_WINS = [
    "The deal is worth {a}, including {b} for training.",
    "It was valued at {a} (about {b}).",
    "A deal for {a}, of which {b} was paid upfront.",
    "A deal worth {a}; {b} in offsets.",
    "The package, {a} in all, includes {b} for spare parts.",
]
_YEAR_FIRST = [  # the year, a count or a designation before the scaled amount is no amount
    ("In 2021, {a} U.S. dollars were paid.", "USD"),
    ("In 2021, {a} usd were paid.", "USD"),
    ("In 2021, a {h}-dollar deal was signed.", "USD"),
    ("In 2021, {a} pesos were paid.", "USD"),
    ("In 2021, {a} francs were paid.", "USD"),
    ("The 2019 contract for 36 Rafale jets, {a} kr, was signed.", "USD"),
]


@pytest.mark.parametrize(("template", "bare", "later"), list(product(_FIRST_WINS, _BARE, _LATER)))
def test_a_scaled_bare_amount_wins_over_a_later_figure(
    template: str, bare: tuple[str, Decimal], later: str
) -> None:
    found = parse_money(template.format(a=bare[0], b=later), "en")
    assert found is not None and found[0] == bare[1]


@pytest.mark.parametrize(("template", "bare"), list(product(_YEAR_FIRST, _BARE)))
def test_a_year_before_a_scaled_amount_is_no_amount(
    template: tuple[str, str], bare: tuple[str, Decimal]
) -> None:
    text = template[0].format(a=bare[0], h=bare[0].replace(" ", "-"))
    assert parse_money(text, "en") == (bare[1], template[1])


_NIS_AGENCY = [
    ("{n} NIS officers and {a} dollars", "USD"),
    ("{n} NIS agents were paid ${a}", "USD"),
    ("the 2020 NIS budget of {a}", "USD"),
    ("In 2019 the NIS spent {a} euros", "EUR"),
]
_NIS_MONEY = [
    "NIS {a}",
    "{a} NIS",
    "a fine of {a} NIS",
    "In 2019, NIS {a}",
    "{a} NIS ($800 million)",
]


@pytest.mark.parametrize(("case", "count", "bare"), list(product(_NIS_AGENCY, (3, 12), _BARE)))
def test_nis_the_agency_names_no_currency(
    case: tuple[str, str], count: int, bare: tuple[str, Decimal]
) -> None:
    assert parse_money(case[0].format(n=count, a=bare[0]), "en") == (bare[1], case[1])


@pytest.mark.parametrize(("template", "bare"), list(product(_NIS_MONEY, _BARE)))
def test_nis_beside_an_amount_is_the_shekel(template: str, bare: tuple[str, Decimal]) -> None:
    assert parse_money(template.format(a=bare[0]), "en") == (bare[1], "ILS")


_COUNTS = [  # near misses: a scaled count before the money is no amount
    "2 million rounds for $3 billion",
    "aid for 1.5 million refugees worth $3 billion",
    "2 million 155mm shells for $3 billion",
    "AIM-120 missiles worth $3 billion",
    "20 tanks for $3 billion in 2021",
]


@pytest.mark.parametrize("text", _COUNTS)
def test_a_scaled_count_stays_skipped(text: str) -> None:
    assert parse_money(text, "en") == (Decimal(3 * 10**9), "USD")
