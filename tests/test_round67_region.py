"""Round 67 region: a second part after a city doubts the city's state only for a reason.

Round 66 voided the proof of any city followed by a part the module cannot read, so
"Munich, Bavaria", "Goma, North Kivu" or "Kharkiv, the capital" proved no state. The
codebook codes the state a place names: a city whose name is its own keeps its state
whatever unread words follow it; the proof is doubted only when the part after it reads
as a place of another state ("London, Ontario", "Sydney, Nova Scotia": namesakes there).
Places are generated over gazetteer cities, descriptors, forms and regions written for
this test.
"""

from __future__ import annotations

import itertools
import random

import pytest

from extractor.text.gazetteer import city_name_states, main_city_index, shared_city_names
from extractor.text.places import place_proves_country

#: Words after a city that name no place: descriptors and directions.
DESCRIPTORS = [
    "the capital", "the regional capital", "the country's second-largest city", "northeast",
    "in the south", "north-west", "city centre", "near the border", "a suburb", "the port city",
]  # fmt: skip
#: How a place writes its second part.
FORMS = ["{c}, {d}", "{c} ({d})", "{c} - {d}", "{c}, {d}."]


def _cities(count: int) -> list[str]:
    """Gazetteer cities of one-word or two-word ASCII names no other state's city shares."""
    shared = shared_city_names()
    names = sorted(
        key
        for key in main_city_index()
        if key.replace(" ", "").isalpha() and key.isascii() and key not in shared
    )
    return [name.title() for name in random.Random(67).sample(names, count)]


CITIES = _cities(60)


def test_an_unread_descriptor_keeps_the_city_state() -> None:
    """Fails on main: 2,400/2,400 lose the state. Round 69: only a name of one state's
    places keeps it ("Moreno" is Argentina's and Brazil's: tests/test_round69_region.py)."""
    lost = [
        (place, alone)
        for city, form, descriptor in itertools.product(CITIES, FORMS, DESCRIPTORS)
        if (alone := place_proves_country(city)) is not None
        and len(city_name_states(city.lower())) == 1
        and place_proves_country(place := form.format(c=city, d=descriptor)) != alone
    ]
    assert lost == []


#: Cities and a region of their own state as texts write it, read or not by the module.
OWN_REGIONS = [
    ("Munich", "Bavaria", "DEU"), ("Lyon", "Rhône", "FRA"), ("Chengdu", "Sichuan", "CHN"),
    ("Goma", "North Kivu", "COD"), ("Goma", "Nord-Kivu", "COD"), ("El Fasher", "North Darfur", "SDN"),
    ("Glasgow", "Scotland", "GBR"), ("Calgary", "Alberta", "CAN"), ("Avdiivka", "Donetsk", "UKR"),
    ("Kupiansk", "Kharkiv", "UKR"), ("Mosul", "Ninewa", "IRQ"), ("Maiduguri", "Borno", "NGA"),
    ("Mumbai", "Maharashtra", "IND"), ("Quetta", "Balochistan", "PAK"), ("Bunia", "Ituri", "COD"),
    ("Sydney", "New South Wales", "AUS"), ("Kharkiv", "Kharkivska oblast", "UKR"),
    ("Milan", "Lombardy", "ITA"),
]  # fmt: skip
# Round 69: "Lviv, Galicia" left: ISO's Galicia is Spain's division, where no Lviv lies, so
# the state stays open as for "Berlin, Manitoba".


@pytest.mark.parametrize(
    ("place", "code"),
    [
        (form.format(c=city, d=region), code)
        for (city, region, code), form in itertools.product(OWN_REGIONS, FORMS[:3])
    ],
)
def test_a_region_of_the_city_state_keeps_it(place: str, code: str) -> None:
    """Fails on main: 54/57."""
    assert place_proves_country(place) == code


#: Cities and a region of another state, where a namesake lies (or could): no proof.
CITIES_ELSEWHERE = [("London", "GBR"), ("Sydney", "AUS"), ("Berlin", "DEU"), ("Lyon", "FRA"),
                    ("Moscow", "RUS"), ("Perth", "AUS"), ("Cambridge", "GBR")]  # fmt: skip
REGIONS_ELSEWHERE = [("Ontario", "CAN"), ("Nova Scotia", "CAN"), ("Queensland", "AUS"),
                     ("Western Cape", "ZAF"), ("Manitoba", "CAN"), ("Tasmania", "AUS")]  # fmt: skip


@pytest.mark.parametrize(
    "place",
    [
        form.format(c=city, d=region)
        for (city, state), (region, other), form in itertools.product(
            CITIES_ELSEWHERE, REGIONS_ELSEWHERE, FORMS[:2] + FORMS[3:]
        )
        if state != other
    ],
)
def test_a_region_of_another_state_proves_nothing(place: str) -> None:
    """Not the city's best-known state. Round 69: the region's state where the city's
    name is a place there too ("London, Ontario", "Sydney, Nova Scotia": Canada's), else
    none ("Berlin, Manitoba")."""
    city, region = (part.strip(" .") for part in place.replace("(", ",").split(",")[:2])
    other = dict(REGIONS_ELSEWHERE)[region.rstrip(")")]
    expected = other if other in city_name_states(city.lower()) else None
    assert place_proves_country(place) == expected
