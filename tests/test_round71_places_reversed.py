"""Round 71, places: a place written region first ("Georgia, Atlanta", "Ontario, London",
"Andalusia, Córdoba") is the same place as "Atlanta, Georgia": the division contains the
city in either order, and proves its state where the city is a place of it.

Before, the first part read as the city and the second as its region: "Georgia, Atlanta"
was the country Georgia (GEO), "Ontario, London" the United Kingdom. Generated: US states
x the gazetteer's cities of each, ISO 3166-2 divisions (by their ISO name and their names
in other languages) x city names places of several states bear; the reversed order must
read as the city-first order does. Near misses: a city of the country Georgia after
"Georgia" (Tbilisi, Batumi), a country first ("Colombia, Bogotá"), two US states.
"""

from __future__ import annotations

import pytest

from extractor.text.gazetteer import state_city_names, us_states
from extractor.text.places import place_country, place_proves_country


def _us_cases() -> list[tuple[str, str]]:
    """(state first, city first) for every US state and every third of its cities."""
    cases = []
    for name, code in sorted(us_states().items()):
        for city in sorted(c for c in state_city_names(code) if not c.startswith("the "))[::3]:
            state, town = name.title(), city.title()
            cases.append((f"{state}, {town}", f"{town}, {state}"))
    return cases


US_CASES = _us_cases()
#: Divisions other than US states written before a city of theirs, as en, es, fr, de, ru
#: and ms texts write them; each city's name has namesakes in other states.
DIVISIONS = [
    ("Ontario", ["London", "Hamilton", "Kingston", "Windsor"], "CAN"),
    ("Andalusia", ["Córdoba", "San Fernando"], "ESP"),
    ("Andalousie", ["Cordoue"], "ESP"),
    ("Andalusien", ["Córdoba"], "ESP"),
    ("Андалусия", ["Кордова"], "ESP"),
    ("Penang", ["Georgetown", "George Town"], "MYS"),
    ("Pulau Pinang", ["George Town"], "MYS"),
    ("Sindh", ["Hyderabad"], "PAK"),
    ("Telangana", ["Hyderabad"], "IND"),
    ("Western Australia", ["Perth"], "AUS"),
    ("Scotland", ["Perth"], "GBR"),
]
DIVISION_CASES = [
    (f"{region}, {city}", state) for region, cities, state in DIVISIONS for city in cities
]


def test_the_corpus_is_wide() -> None:
    assert len(US_CASES) >= 150
    assert len(DIVISION_CASES) >= 15


def test_a_us_state_first_reads_as_after_its_city() -> None:
    """Fails on main: the states named like a country ("Georgia, Atlanta": GEO) and those
    a city's foreign namesake outweighs."""
    wrong = [
        (first, got, want)
        for first, last in US_CASES
        if (got := place_proves_country(first)) != (want := place_proves_country(last))
        and want == "USA"
    ]
    assert not wrong, f"{len(wrong)}/{len(US_CASES)}: {wrong[:10]}"


@pytest.mark.parametrize(("text", "state"), DIVISION_CASES)
def test_a_division_first_proves_the_city_state(text: str, state: str) -> None:
    assert place_proves_country(text) == state, text
    assert place_country(text) == state, text


@pytest.mark.parametrize(
    ("text", "state"),
    [(f"Georgia, {city}", "USA") for city in ("Atlanta", "Savannah", "Augusta", "Columbus")],
)
def test_a_us_state_named_like_a_country_first(text: str, state: str) -> None:
    assert place_proves_country(text) == state, text
    assert place_country(text) == state, text


#: Near misses: the country Georgia's cities, a country first, two US states, a city
#: first: read as before.
NEAR_MISSES = [
    *((f"Georgia, {city}", "GEO") for city in ("Tbilisi", "Batumi", "Kutaisi", "Rustavi")),
    *((f"{city}, Georgia", "GEO") for city in ("Tbilisi", "Batumi", "Kutaisi")),
    ("Atlanta, Georgia", "USA"), ("Colombia, Bogotá", "COL"), ("Jordan, Amman", "JOR"),
    ("Florida, Georgia", "USA"), ("London, Ontario", "CAN"), ("Karrada, Baghdad", "IRQ"),
    ("Kibera, Nairobi", "KEN"), ("Hyderabad", None), ("Georgia", "GEO"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "code"), NEAR_MISSES)
def test_near_misses(text: str, code: str | None) -> None:
    assert place_proves_country(text) == code, text
