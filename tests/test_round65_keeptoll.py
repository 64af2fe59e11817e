"""Round 65, keeptoll: a casualty report whose country the article does not spell out
keeps its toll. The place fixes the country when the gazetteer puts it in exactly that
state; a state the text never names and the place does not lie in is emptied with a
warning, never coded on the model's word, and never drops the record."""

from __future__ import annotations

import itertools

import pytest
from roles_support import run

from extractor.text.places import place_country

#: Cities and the state each lies in (no state named in any sentence below).
CITIES = [("Donetsk", "UKR"), ("Idlib", "SYR"), ("Mogadishu", "SOM"), ("Kandahar", "AFG")]
#: A state that none of the cities lies in and no sentence names.
ELSEWHERE = {"UKR": "RUS", "SYR": "TUR", "SOM": "KEN", "AFG": "PAK"}
#: Toll sentences: {n} the count as written, {city} the place; (language, template).
TEMPLATES = [
    ("en", "At least {n} people were killed when shells hit a market in {city} on Monday."),
    ("en", "{n} civilians died in an air strike on a village near {city}."),
    ("es", "Al menos {n} personas murieron cuando proyectiles alcanzaron un mercado en {city}."),
    ("fr", "Au moins {n} personnes ont été tuées lorsque des obus ont frappé un marché à {city}."),
    ("de", "Mindestens {n} Menschen wurden getötet, als Granaten einen Markt in {city} trafen."),
]
COUNTS = [14]

C = dict(
    injured=None, qualifier="exact", victims=None, perpetrator=None, date=None,
    scope="event", violence_type=None, status="occurred", attribution=None,
)  # fmt: skip


def _cases() -> list[tuple[str, str, str, int]]:
    return [
        (template.format(n=n, city=city), city, code, n)
        for (_, template), (city, code), n in itertools.product(TEMPLATES, CITIES, COUNTS)
    ]


def _toll(text: str, city: str, country: str, n: int) -> object:
    return run("casualty_report", text, killed=n, country=country, place=city, **C, evidence=[1])


def test_gazetteer_places_the_cities() -> None:
    assert all(place_country(city) == code for city, code in CITIES)


@pytest.mark.parametrize(("text", "city", "code", "n"), _cases())
def test_place_fixes_an_unnamed_country(text: str, city: str, code: str, n: int) -> None:
    """The draft's country is where its place lies: kept, with its toll (fails on main:
    all 20 dropped, 'country ... is not mentioned')."""
    result = _toll(text, city, code, n)
    assert result.problems == []
    (record,) = result.records
    assert record.killed.conservative == n
    assert record.country == code


@pytest.mark.parametrize(("text", "city", "code", "n"), _cases())
def test_unnamed_state_elsewhere_is_emptied_not_dropped(
    text: str, city: str, code: str, n: int
) -> None:
    """A state the text never names and the place does not lie in is no country of the
    record, but the toll stands (fails on main: all 20 dropped)."""
    result = _toll(text, city, ELSEWHERE[code], n)
    assert result.problems == []
    (record,) = result.records
    assert record.killed.conservative == n
    assert record.country != ELSEWHERE[code]
    assert any("not named in the article" in w or "is not where" in w for w in result.warnings)


def test_named_country_stands() -> None:
    """Negative: a country the article names is kept as drafted, with no warning about it."""
    text = "At least 14 people were killed when shells hit a market in Ukraine on Monday."
    result = run("casualty_report", text, killed=14, country="UKR", place=None, **C, evidence=[1])
    (record,) = result.records
    assert record.country == "UKR"
    assert not any("not named in the article" in w for w in result.warnings)
