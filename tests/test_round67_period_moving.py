"""Round 67: a movement to a city keeps that city's state only when nothing puts the way
elsewhere.

"A plane flying to Kharkiv from Baku crashed in Kazakhstan" was coded to Ukraine: a way
by air or sea leaves a state, and a text that names another state or one of its cities
on the way ("from Baku", "in Kazakhstan", "off the coast of Libya") does not tell that
the harm happened in the end's state. A bus or convoy travelling to a city with nothing
else named stays in its state (ACLED codes where the harm happened, and no state on a
guess).

Each sentence is written for this test and generated over cities, vehicles and places.
"""

from __future__ import annotations

from itertools import product

import pytest

from extractor.text.places import movement_crosses_border
from tests.roles_support import run

CITIES = [("Kharkiv", "UKR"), ("Aleppo", "SYR"), ("Mosul", "IRQ"), ("Kandahar", "AFG")]
#: A way by air or sea, or another state named on the way.
CROSSING = [
    "A plane flying to {c} crashed shortly after take-off, killing nine people.",
    "A helicopter heading to {c} went down, killing nine people.",
    "A boat heading to {c} capsized, killing nine people.",
    "A ship sailing to {c} was struck by a missile, killing nine sailors.",
    "A convoy travelling to {c} from Baku was ambushed, killing nine people.",
    "A convoy heading to {c} was attacked near the border with Kazakhstan, killing nine people.",
    "Un avión que viajaba hacia {c} se estrelló y murieron nueve personas.",
    "Un convoi venant de {c} a été attaqué en Libye et neuf personnes ont été tuées.",
]
#: Nothing puts the way elsewhere: the end's state holds.
INSIDE = [
    "A drone hit a bus travelling to {c}, killing nine people.",
    "A Russian drone hit a bus travelling to {c}, killing nine people.",
    "A convoy heading to {c} was ambushed, killing nine people, officials said.",
    "Un autobús que viajaba hacia {c} fue atacado y murieron nueve personas.",
    "Ein Konvoi aus {c} wurde angegriffen, neun Menschen wurden getötet.",
    "Un convoi venant de {c} a été attaqué et neuf personnes ont été tuées.",
]
LANGUAGE = {"Un avión": "es", "Un autobús": "es", "Un convoi": "fr", "Ein Konvoi": "de"}


def _language(text: str) -> str:
    return next((lang for head, lang in LANGUAGE.items() if text.startswith(head)), "en")


def _draft(city: str, code: str) -> dict[str, object]:
    return dict(
        killed=9, injured=None, qualifier="exact", victims=None, perpetrator=None,
        country=code, place=city, date=None, scope="event", violence_type=None,
        status="occurred", attribution=None, evidence=[1],
    )  # fmt: skip


@pytest.mark.parametrize(("template", "city"), list(product(CROSSING, CITIES)))
def test_a_way_elsewhere_leaves_the_state_open(template: str, city: tuple[str, str]) -> None:
    text = template.format(c=city[0])
    assert movement_crosses_border(city[0], text, _language(text)), text
    for record in run("casualty_report", text, **_draft(*city)).records:
        assert record.country != city[1], (text, record.country)


@pytest.mark.parametrize(("template", "city"), list(product(INSIDE, CITIES)))
def test_a_way_inside_keeps_the_state(template: str, city: tuple[str, str]) -> None:
    text = template.format(c=city[0])
    assert not movement_crosses_border(city[0], text, _language(text)), text
    (record,) = run("casualty_report", text, **_draft(*city)).records
    assert record.country == city[1], (text, record.country)
