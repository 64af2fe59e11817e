"""Round 66: a place reached or left on the way proves no place or country of a toll.

ACLED codes where the harm happened. A place the evidence names only as a movement's end,
where people fled to or came from, where a convoy came from or was heading ("refugees who
fled to {city} said 14 people were killed", "a convoy from {city} was shelled", "huyeron
a", "procedente de", "ont fui vers", "flohen nach", "бежали в"), is not where it happened:
the drafted place is emptied with a warning, and a country the article names only so,
or only such a place proves, is emptied too; the toll stands. A place that is also the
event's ("fled to {city}, where ..."), a venue ("in {city}"), a distance ("20 km from
{city}") or a return ("returned to {city}") keeps both.

Each sentence is written for this test and generated over cities, templates and counts.
"""

from __future__ import annotations

import itertools

import pytest
from roles_support import run

C = dict(
    injured=None, qualifier="exact", victims=None, perpetrator=None, date=None,
    scope="event", violence_type=None, status="occurred", attribution=None,
)  # fmt: skip
#: Cities and the state each lies in (no sentence below names the state).
CITIES = [("Donetsk", "UKR"), ("Mogadishu", "SOM"), ("Aleppo", "SYR"), ("Kandahar", "AFG")]
#: (language, toll sentence naming {city} only as a movement's end).
MOVING = [
    ("en", "Refugees who fled to {city} said {n} people were killed in their village."),
    ("en", "Fighters who crossed from {city} killed {n} villagers."),
    ("en", "{n} migrants died on a boat heading to {city}."),
    ("en", "Survivors who escaped into {city} said {n} people died."),
    ("es", "Refugiados que huyeron a {city} dijeron que {n} personas murieron en su aldea."),
    ("fr", "Des habitants qui ont fui vers {city} ont dit que {n} personnes ont été tuées."),
    ("ru", "Жители, которые бежали в {city}, сообщили, что погибли {n} человек."),
]
#: (language, toll sentence naming {city} only as the end of a movement that crosses no
#: border): the place is emptied, the city's state kept (round 66 placefix2).
INSIDE = [
    ("en", "A convoy from {city} was attacked and {n} people were killed."),
    ("en", "{n} people were killed when a bus travelling towards {city} was ambushed."),
    ("es", "Un convoy procedente de {city} fue atacado y {n} personas murieron."),
    ("fr", "Un convoi venant de {city} a été attaqué et {n} personnes ont été tuées."),
    ("de", "Ein Konvoi aus {city} wurde angegriffen, {n} Menschen wurden getötet."),
]
#: The same words where {city} is the event's place.
VENUES = [
    ("en", "Refugees who fled to {city}, where {n} people were killed, spoke to reporters."),
    ("en", "A convoy was attacked in {city} and {n} people were killed."),
    ("en", "{n} people were killed in a village 20 km from {city}."),
    ("en", "Residents who returned to {city} were killed by mines, {n} in all."),
    ("en", "Shelling killed {n} people near {city} as residents fled the fighting."),
    ("es", "Al menos {n} personas murieron en un ataque en {city}."),
    ("fr", "Au moins {n} personnes ont été tuées dans une attaque à {city}."),
    ("de", "Mindestens {n} Menschen wurden bei einem Angriff in {city} getötet."),
    ("ru", "В {city} погибли {n} человек."),
]
#: (language, sentence naming a state only as a movement's end, the state).
STATES = [
    ("en", "Refugees who fled to Chad said {n} people were killed in their village.", "TCD"),
    ("en", "Fighters who crossed from Niger killed {n} villagers.", "NER"),
    ("es", "Refugiados que huyeron a Chad dijeron que {n} personas murieron.", "TCD"),
    ("fr", "Des habitants qui ont fui vers le Tchad ont dit que {n} personnes sont mortes.", "TCD"),
]


def _toll(text: str, place: str | None, country: str) -> object:
    return run("casualty_report", text, killed=14, country=country, place=place, **C, evidence=[1])


def _cases(templates: list[tuple[str, str]]) -> list[tuple[str, str, str]]:
    return [
        (template.format(city=city, n=14), city, code)
        for (_, template), (city, code) in itertools.product(templates, CITIES)
    ]


@pytest.mark.parametrize(("text", "city", "code"), _cases(MOVING))
def test_a_place_on_the_way_is_no_place_of_the_toll(text: str, city: str, code: str) -> None:
    """Fails on main: 48/48 keep the place and its state."""
    result = _toll(text, city, code)
    assert result.problems == []
    (record,) = result.records
    assert record.killed.conservative == 14
    assert record.place is None
    assert record.country is None
    assert any("movement" in w for w in result.warnings)


@pytest.mark.parametrize(("text", "city", "code"), _cases(INSIDE))
def test_a_place_on_the_way_inside_a_state_keeps_the_state(text: str, city: str, code: str) -> None:
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


@pytest.mark.parametrize(("language", "template", "code"), STATES)
def test_a_state_named_only_on_the_way_is_no_country(
    language: str, template: str, code: str
) -> None:
    """Fails on main: 4/4 keep the state."""
    result = _toll(template.format(n=14), None, code)
    (record,) = result.records
    assert record.killed.conservative == 14
    assert record.country is None


def test_a_state_named_elsewhere_stands() -> None:
    text = "Refugees who fled to Chad said 14 people were killed in Chad's east."
    (record,) = _toll(text, None, "TCD").records
    assert record.country == "TCD"
