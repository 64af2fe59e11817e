"""Round 69 regionfix: only the part right after a city can be its region.

A country named in any later part outranks everything after the city ("Paris, France, on
Monday", "Moscow, Russia - Reuters"); a part that reads as no place (a press credit, a
weekday or date, a lower-case descriptor such as "near the border") says nothing of the
city's state; and a region read as no division of the city's state may only doubt a proof,
never make one ("Clinton, Hillary", "Colorado, Chambers").

Corpora are generated: capitals x press credits x dateline forms, capitals x descriptors,
surname-first person names, and "Name, <descriptor>" phrases.
"""

from __future__ import annotations

import itertools

import pytest

from extractor.text.places import place_proves_country

#: Capitals whose name is a city's of one state alone or whose state a dateline names.
CAPITALS = {
    "Kyiv": ("UKR", "Ukraine"), "Baghdad": ("IRQ", "Iraq"), "Beirut": ("LBN", "Lebanon"),
    "Moscow": ("RUS", "Russia"), "Paris": ("FRA", "France"), "Berlin": ("DEU", "Germany"),
    "Cairo": ("EGY", "Egypt"), "Kabul": ("AFG", "Afghanistan"), "Khartoum": ("SDN", "Sudan"),
    "Damascus": ("SYR", "Syria"), "Tehran": ("IRN", "Iran"), "Caracas": ("VEN", "Venezuela"),
    "Nairobi": ("KEN", "Kenya"), "Lagos": ("NGA", "Nigeria"), "Manila": ("PHL", "Philippines"),
    "Tokyo": ("JPN", "Japan"), "Beijing": ("CHN", "China"), "Islamabad": ("PAK", "Pakistan"),
}  # fmt: skip

#: Press credits a dateline names after its place; several are a division's code ("AP").
CREDITS = ["AP", "AA", "CP", "AFP", "Reuters", "CNN", "Xinhua", "IRNA", "dpa", "UPI", "EFE",
           "TASS", "PTI", "Yonhap", "Kyodo", "AAP"]  # fmt: skip

#: Dateline forms with a country named: the country is the proof whatever follows it.
COUNTRY_FORMS = [
    "{c}, {n} ({a})", "{C}, {n} ({a})", "{c}, {n} - {a}", "{c}, {n}; {a}",
]  # fmt: skip

#: What may follow "City, Country": a descriptor, a date, a credit. None is a region.
TAILS = ["on Monday", "near the border", "the capital", "2024", "Tuesday", "March 3",
         "file photo", "Middle East", "Europe"]  # fmt: skip

#: What may follow a city alone and names no place.
NO_PLACE = ["Tuesday", "on Monday", "near the border", "March 3", "2024", "the capital"]


def _country_datelines() -> list[tuple[str, str]]:
    return [
        (form.format(c=city, C=city.upper(), n=name, a=credit), code)
        for (city, (code, name)), credit, form in itertools.product(
            CAPITALS.items(), CREDITS, COUNTRY_FORMS
        )
    ]


def _tail_datelines() -> list[tuple[str, str]]:
    out = []
    for (city, (code, name)), tail in itertools.product(CAPITALS.items(), TAILS):
        out += [(f"{city}, {name}, {tail}", code), (f"{city}, {name} ({tail})", code)]
    return out


def test_a_country_named_after_the_city_outranks_every_later_part() -> None:
    cases = _country_datelines() + _tail_datelines()
    wrong = [(t, c, got) for t, c in cases if (got := place_proves_country(t)) != c]
    assert len(cases) > 1000
    assert not wrong, f"{len(wrong)}/{len(cases)}: {wrong[:10]}"


@pytest.mark.parametrize("credit", CREDITS)
def test_a_press_credit_says_nothing_of_the_city(credit: str) -> None:
    """Whatever the city alone proves, it proves with a credit after it."""
    wrong = []
    for city in CAPITALS:
        alone = place_proves_country(city)
        for text in (f"{city} ({credit})", f"{city.upper()} ({credit})", f"{city} - {credit}"):
            if place_proves_country(text) != alone:
                wrong.append((text, alone, place_proves_country(text)))
    assert not wrong, wrong


def test_a_part_that_reads_as_no_place_says_nothing() -> None:
    cases = [(f"{city}, {tail}", city) for city, tail in itertools.product(CAPITALS, NO_PLACE)]
    wrong = [
        (t, got)
        for t, city in cases
        if (got := place_proves_country(t)) != place_proves_country(city)
    ]
    assert not wrong, f"{len(wrong)}/{len(cases)}: {wrong[:10]}"


#: Surnames that are also names of towns in one or several states, and given names.
SURNAMES = ["Bell", "Clinton", "Jackson", "Lincoln", "Nelson", "Austin", "Madison", "Franklin",
            "Lewis", "Carter", "Marshall", "Taylor", "Graham", "Douglas", "Hudson", "Milton",
            "Chester", "Wilson", "Harris", "Cooper", "Logan", "Tyler", "Monroe", "Grant"]  # fmt: skip
#: (Given names that are also a division's, "Linda", "Mary", "George", are left out: a division
#: read after a comma still reads a namesake there; see the report.)
GIVEN = ["Kenneth", "Hillary", "John", "James", "Robert", "Sarah", "Michael",
         "Laura", "Paul", "Anna", "Joseph", "Thomas"]  # fmt: skip

#: Words that describe a person or a body after a comma: no region.
DESCRIPTORS = ["Senior Bureau", "Nominee", "Self Help", "Chambers", "Pacific", "Commissioner",
               "Member", "Appointee", "Chairman", "Director", "Secretary", "President"]  # fmt: skip

#: First parts that are no city: US states, a continent, words.
NOT_CITIES = ["Arizona", "Colorado", "Asia", "Bank", "Barnes", "Bondy", "Texas", "Africa"]


def _proof_made(text: str, first: str) -> bool:
    """Whether ``text`` proves a state the part before its comma alone does not."""
    got = place_proves_country(text)
    return got is not None and got != place_proves_country(first)


def test_an_unread_region_makes_no_proof_of_a_surname() -> None:
    cases = [(f"{s}, {g}", s) for s, g in itertools.product(SURNAMES, GIVEN)]
    made = [(t, place_proves_country(t)) for t, first in cases if _proof_made(t, first)]
    assert not made, f"{len(made)}/{len(cases)}: {made[:10]}"


def test_an_unread_descriptor_makes_no_proof() -> None:
    firsts = NOT_CITIES + SURNAMES
    cases = [(f"{f}, {d}", f) for f, d in itertools.product(firsts, DESCRIPTORS + NO_PLACE)]
    made = [(t, place_proves_country(t)) for t, first in cases if _proof_made(t, first)]
    assert not made, f"{len(made)}/{len(cases)}: {made[:10]}"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Kyiv, Ukraine (AP)", "UKR"), ("Kyiv (AP)", "UKR"), ("Paris, France, on Monday", "FRA"),
        ("Paris, France (file photo)", "FRA"), ("Moscow, Russia - Reuters", "RUS"),
        ("Moscow, Tuesday", "RUS"), ("Colorado, near Denver", "USA"),
        ("Arizona, near the border", None), ("Asia, Pacific", None), ("Colorado, Chambers", None),
        ("Clinton, Hillary", None), ("Bell, Kenneth", None),
        # round 69's wins kept: a division reads the city in its state; unread keeps open
        ("Hamilton, Ontario", "CAN"), ("Windsor, Berkshire", None), ("Berlin, Manitoba", None),
        ("Darwin, Falkland Islands", "FLK"), ("Cartagena, Bolívar", "COL"),
        ("Munich, Bavaria", "DEU"), ("Durban, KZN", "ZAF"), ("Boston, Massachusetts. The", "USA"),
    ],
)  # fmt: skip
def test_examples(text: str, code: str | None) -> None:
    assert place_proves_country(text) == code
