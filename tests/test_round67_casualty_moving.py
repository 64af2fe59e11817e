"""Round 67: a place a German clause names only as a movement's end, verb last, is no
place of a toll.

Round 66 read the movements whose verb comes before the place ("fled to", "huyeron a",
"flohen nach"). German puts the verb of a subordinate clause last ("als der Bus nach
{city} fuhr", "die nach {city} flohen", "der aus {city} kommende Konvoi") and names a way
by a noun ("auf dem Weg nach {city}", "auf der Flucht nach {city}"): the place was reached
or left on the way, not where the harm happened (ACLED). The place is emptied; the
city's state stays unless the move may cross a border (fleeing, refugees). A place that
is also the event's ("..., wo {n} getötet wurden"), a venue ("in {city} getötet, nachdem
sie aus ... geflohen waren"), a return or a shelling of it keeps both.

Each sentence is written for this test and generated over cities, templates and counts.
"""

from __future__ import annotations

import itertools

import pytest
from roles_support import run

from extractor.text.places import movement_crosses_border, movement_ends

C = dict(
    injured=None, qualifier="exact", victims=None, perpetrator=None, date=None,
    scope="event", violence_type=None, status="occurred", attribution=None,
)  # fmt: skip
#: Cities and the state each lies in (no sentence below names the state).
CITIES = [("Donetsk", "UKR"), ("Mogadishu", "SOM"), ("Aleppo", "SYR"), ("Kandahar", "AFG")]
#: Another city for the near misses, where people came from before the harm.
ELSEWHERE = "Charkiw"
#: Toll sentences naming {city} only as the end of a flight (the state is left open).
FLED = [
    "Flüchtlinge, die nach {city} flohen, sagten, {n} Menschen seien getötet worden.",
    "Bewohner, die nach {city} geflohen waren, berichteten, dass {n} Menschen starben.",
    "{n} Menschen starben, als sie aus {city} flüchteten.",
    "Auf der Flucht nach {city} kamen {n} Menschen ums Leben.",
    "Familien, die aus {city} geflüchtet waren, sagten, {n} Menschen seien getötet worden.",
]
#: Toll sentences naming {city} only as the end of a move inside a state (state kept).
INSIDE = [
    "{n} Menschen wurden getötet, als der Bus nach {city} fuhr.",
    "Auf dem Weg nach {city} wurden {n} Menschen getötet.",
    "Ein aus {city} kommender Konvoi wurde angegriffen, {n} Menschen wurden getötet.",
    "Der Bus, der nach {city} unterwegs war, wurde beschossen, {n} Menschen starben.",
    "{n} Menschen wurden getötet, als ihr Auto aus {city} in Richtung Westen fuhr.",
    "Der Zug, der nach {city} gefahren war, wurde getroffen, {n} Menschen starben.",
]
#: The same words where {city} is the event's place.
VENUES = [
    "Flüchtlinge, die nach {city} flohen, wo {n} Menschen getötet wurden, sprachen mit uns.",
    "{n} Menschen wurden in {city} getötet, nachdem sie aus " + ELSEWHERE + " geflohen waren.",
    "In {city} wurden {n} Menschen getötet, die aus " + ELSEWHERE + " gekommen waren.",
    "{n} Menschen kamen durch Beschuss von {city} ums Leben.",
    "Als der Bus in {city} hielt, wurden {n} Menschen getötet.",
    "Bewohner, die nach {city} zurückkehrten, wurden getötet, {n} insgesamt.",
    "Mindestens {n} Menschen wurden bei einem Angriff in {city} getötet.",
    "{n} people were killed in {city} after fleeing " + ELSEWHERE + ".",
]


def _toll(text: str, place: str | None, country: str) -> object:
    return run("casualty_report", text, killed=14, country=country, place=place, **C, evidence=[1])


def _cases(templates: list[str]) -> list[tuple[str, str, str]]:
    return [
        (template.format(city=city, n=14), city, code)
        for template, (city, code) in itertools.product(templates, CITIES)
    ]


@pytest.mark.parametrize(("text", "city", "code"), _cases(FLED))
def test_a_place_fled_to_verb_last_is_no_place_nor_state(text: str, city: str, code: str) -> None:
    """Fails on main: 20/20 keep the place."""
    result = _toll(text, city, code)
    assert result.problems == []
    (record,) = result.records
    assert record.killed.conservative == 14
    assert record.place is None
    assert record.country is None
    assert any("movement" in w for w in result.warnings)


@pytest.mark.parametrize(("text", "city", "code"), _cases(INSIDE))
def test_a_place_on_the_way_verb_last_keeps_the_state(text: str, city: str, code: str) -> None:
    """Fails on main: 24/24 keep the place."""
    result = _toll(text, city, code)
    assert result.problems == []
    (record,) = result.records
    assert record.place is None
    assert record.country == code


@pytest.mark.parametrize(("text", "city", "code"), _cases(VENUES))
def test_a_place_of_the_event_stands(text: str, city: str, code: str) -> None:
    result = _toll(text, city, code)
    (record,) = result.records
    assert record.place is not None and record.place.text == city
    assert record.country == code
    assert not any("movement" in w for w in result.warnings)


@pytest.mark.parametrize("template", FLED + INSIDE)
def test_the_end_of_a_verb_last_movement_is_read(template: str) -> None:
    """The reader itself: the city is an end, and a flight is one that may cross a border,
    a drive or a way is not."""
    text = template.format(city="Aleppo", n=14)
    assert "Aleppo" in [text[a:b] for a, b in movement_ends(text, "de")]
    assert movement_crosses_border("Aleppo", text, "de") is (template in FLED)


@pytest.mark.parametrize("template", VENUES[:-1])
def test_a_verb_last_venue_is_no_movement_end(template: str) -> None:
    text = template.format(city="Aleppo", n=14)
    assert "Aleppo" not in [text[a:b] for a, b in movement_ends(text, "de")]
