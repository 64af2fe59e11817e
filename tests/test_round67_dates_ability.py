"""Round 67, dates (3): past a report's date, a modal cancels a later date of its own
clause ("said on Monday that X would visit Kyiv on Friday": a plan, no event that day),
but an ability achieved in the past states the event (ACLED/UCDP code what happened):
"could finally visit", "was able to visit", "managed to visit", "pudo visitar", "a pu se
rendre", "konnte besuchen", "смог посетить", "conseguiu visitar" keep Friday. Near misses:
a bare "could visit on Friday" is a possibility, and the conditional of every language
("podría", "pourrait", "könnte", "мог бы", "poderia") a wish: their dates stay cancelled."""

from __future__ import annotations

import itertools

import pytest
from roles_support import run

#: roles_support's publication date is 2025-03-12 (a Wednesday).
FRIDAY = "2025-03-07"

#: Per language: reports (a speaker, a verb of speech, Monday, a complementizer), the
#: subject, and ability clauses (achieved, unachieved) that date the visit Friday.
ABILITY = {
    "en": (["The ministry said on Monday that", "Officials announced on Monday that"],
           "German Chancellor Olaf Scholz",
           [" could finally visit Kyiv on Friday.", " could at last travel to Kyiv on Friday.",
            " could eventually visit Kyiv on Friday.", " was finally able to visit Kyiv on Friday.",
            " was able to visit Kyiv on Friday.", " managed to visit Kyiv on Friday."],
           [" could visit Kyiv on Friday.", " would visit Kyiv on Friday.",
            " may visit Kyiv on Friday.", " might be able to visit Kyiv on Friday.",
            " could not visit Kyiv on Friday."]),
    "es": (["El ministerio dijo el lunes que", "El gobierno anunció el lunes que"],
           "el canciller alemán Olaf Scholz",
           [" pudo visitar Kiev el viernes.", " por fin pudo visitar Kiev el viernes.",
            " logró visitar Kiev el viernes."],
           [" podría visitar Kiev el viernes.", " no pudo visitar Kiev el viernes."]),
    "fr": (["Le ministère a annoncé lundi que", "Des responsables ont indiqué lundi que"],
           "le chancelier allemand Olaf Scholz",
           [" a pu se rendre à Kiev vendredi.", " a enfin pu visiter Kiev vendredi.",
            " a réussi à visiter Kiev vendredi."],
           [" pourrait visiter Kiev vendredi.", " n'a pas pu visiter Kiev vendredi."]),
    "pt": (["O ministério disse na segunda-feira que"],
           "o chanceler alemão Olaf Scholz",
           [" conseguiu visitar Kiev na sexta-feira.", " pôde visitar Kiev na sexta-feira."],
           [" não conseguiu visitar Kiev na sexta-feira.", " deverá visitar Kiev na sexta-feira."]),
}  # fmt: skip


def _grid(achieved: bool) -> list[str]:
    return [
        f"{said} {subject}{clause}"
        for said_all, subject, done, undone in ABILITY.values()
        for said, clause in itertools.product(said_all, done if achieved else undone)
    ]


def starts(text: str) -> list[str | None]:
    """The start days of a right draft of Scholz's visit to Ukraine over ``text``."""
    result = run(
        "visit", text, visitors=[{"name": "Olaf Scholz", "title": None, "country": "DEU"}],
        visitor_country="DEU", hosts=[], host_country="UKR", place=None, date=None,
        end_date=None, purpose=None, status="occurred", attribution=None, evidence=[1],
    )  # fmt: skip
    return [r.start.value if r.start else None for r in result.records]


ACHIEVED = _grid(achieved=True)
UNACHIEVED = _grid(achieved=False)


@pytest.mark.parametrize("text", ACHIEVED)
def test_an_ability_achieved_keeps_the_events_date(text: str) -> None:
    assert starts(text) == [FRIDAY]


@pytest.mark.parametrize("text", UNACHIEVED)
def test_a_possibility_or_a_failure_still_cancels_the_date(text: str) -> None:
    assert FRIDAY not in starts(text)
