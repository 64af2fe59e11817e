"""Round 65, placefix: a place proves where a toll happened only when no city of real
size in another state bears its name, or the place names the state ("Tripoli, Lebanon").
A city two states share ("Tripoli": Libya and Lebanon; "Valencia": Venezuela and Spain)
leaves a country the text never names unproven: emptied with a warning, the toll kept.
Sentences built from parts; no sentence names a state."""

from __future__ import annotations

import itertools

import pytest
from roles_support import run

from extractor.text.places import place_country, place_proves_country

#: Shared names: (city, the gazetteer's pick, another state with a large city so named).
SHARED = [
    ("Tripoli", "LBY", "LBN"), ("Valencia", "VEN", "ESP"), ("Hyderabad", "IND", "PAK"),
    ("Santiago", "CHL", "DOM"), ("Cordoba", "ARG", "ESP"), ("Kingston", "JAM", "CAN"),
    ("San Jose", "USA", "CRI"), ("Birmingham", "GBR", "USA"),
]  # fmt: skip
#: Names one state's city of real size bears (a homonym elsewhere is small or none).
ALONE = [("Donetsk", "UKR"), ("Mogadishu", "SOM"), ("Basra", "IRQ"), ("Aleppo", "SYR"),
         ("Kandahar", "AFG"), ("Santiago de Cuba", "CUB")]  # fmt: skip
TEMPLATES = [
    "Clashes in {city} killed {n} people on Monday, police said.",
    "At least {n} people were killed when gunmen opened fire at a market in {city}.",
    "{n} civilians died in an attack near {city}, local officials said.",
    "Al menos {n} personas murieron en un tiroteo en {city}.",
    "Au moins {n} personnes ont été tuées dans une attaque à {city}.",
    "Mindestens {n} Menschen wurden bei einem Angriff in {city} getötet.",
]
C = dict(
    injured=None, qualifier="exact", victims=None, perpetrator=None, date=None,
    scope="event", violence_type=None, status="occurred", attribution=None,
)  # fmt: skip


def _toll(text: str, place: str, country: str) -> object:
    return run("casualty_report", text, killed=7, country=country, place=place, **C, evidence=[1])


def test_the_gazetteer_picks_one_state_for_a_shared_name() -> None:
    assert [place_country(city) for city, _, _ in SHARED] == [pick for _, pick, _ in SHARED]


@pytest.mark.parametrize(
    ("template", "city", "drafted"),
    [
        (t, c, d)
        for t, (c, pick, other) in itertools.product(TEMPLATES, SHARED)
        for d in (pick, other)
    ],
)
def test_a_shared_city_name_proves_no_country(template: str, city: str, drafted: str) -> None:
    """Fails on main: the gazetteer's pick kept, 48/96."""
    result = _toll(template.format(city=city, n=7), city, drafted)
    (record,) = result.records
    assert record.killed.conservative == 7
    assert record.country is None, (template, city, drafted)
    assert result.warnings


@pytest.mark.parametrize(
    ("template", "city", "code"), [(t, c, k) for t in TEMPLATES for c, k in ALONE]
)
def test_a_city_no_other_state_shares_places_the_toll(template: str, city: str, code: str) -> None:
    (record,) = _toll(template.format(city=city, n=7), city, code).records
    assert record.country == code


@pytest.mark.parametrize(("city", "pick", "other"), SHARED)
def test_a_place_naming_its_state_proves_it(city: str, pick: str, other: str) -> None:
    from extractor.text.countries import country_label

    assert place_proves_country(f"{city}, {country_label(other)}") == other
    assert place_proves_country(city) is None
