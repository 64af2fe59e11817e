"""Round 67, dates2: two readings of a visit's or meeting's date from its evidence.

1. A clause takes its time from its main verb: past a report's date, a modal, future or
   negation of the main verb governs a date in its time clause or conjunct ("will visit
   Kyiv after he arrives in Poland on Friday", "would fly to Warsaw, and travel on to
   Kyiv on Friday", "visitará Kiev cuando regrese el viernes"), so that date is no past
   day of the event. Near misses: a clause with its own finite past verb ("could not
   stay long but visited Kyiv on Friday", "pero visitó") and a closed aside ("Scholz
   (who would not confirm the trip) visited") keep Friday.
2. A frame that opens with a participle is judged by its verb: being at or closing the
   event ("Wrapping up his visit to Kyiv, X said on Monday", "Hosting talks in Berlin")
   sets the speech at the event, on its day; intention, asking or judging ("Planning a
   visit", "Criticised for his visit") does not.
"""

from __future__ import annotations

import itertools

import pytest
from roles_support import run

#: roles_support's publication date is 2025-03-12 (a Wednesday).
FRIDAY, MONDAY = "2025-03-07", "2025-03-10"


def starts(text: str) -> list[str | None]:
    """The start days of a right draft of Scholz's visit to Ukraine over ``text``."""
    result = run(
        "visit", text, visitors=[{"name": "Olaf Scholz", "title": None, "country": "DEU"}],
        visitor_country="DEU", hosts=[], host_country="UKR", place=None, date=None,
        end_date=None, purpose=None, status="occurred", attribution=None, evidence=[1],
    )  # fmt: skip
    return [r.start.value if r.start else None for r in result.records]


def meeting_dates(text: str) -> list[str | None]:
    """The dates of a right draft of a Macron-Scholz meeting over ``text``."""
    result = run(
        "meeting", text,
        participants=[{"name": "Emmanuel Macron", "title": None, "country": "FRA"},
                      {"name": "Olaf Scholz", "title": None, "country": "DEU"}],
        countries=["FRA", "DEU"], format=None, place=None, date=None, topics=[],
        status="occurred", attribution=None, evidence=[1],
    )  # fmt: skip
    return [r.date.value if r.date else None for r in result.records]


# 1. A main verb's modal governs its time clause -----------------------------------

REPORTS = ["Officials announced on Monday that", "The ministry said on Monday that"]
SUBJECT = " German Chancellor Olaf Scholz"
MODAL_MAINS = [" will visit Kyiv", " would travel to Kyiv", " could visit Kyiv",
               " will not visit Kyiv", " is expected to visit Kyiv"]  # fmt: skip
TIME_CLAUSES = [" after he arrives in Poland on Friday.", " when he is in Europe on Friday.",
                " once he lands in Rzeszow on Friday.", " before NATO ministers meet on Friday.",
                " while Zelensky hosts leaders on Friday.", " as Chancellor on Friday.",
                ", and travel on to Lviv on Friday.", " but go to Warsaw on Friday.",
                " because Zelensky is away on Friday."]  # fmt: skip
GOVERNED_X = [
    "El gobierno anunció el lunes que el canciller alemán Olaf Scholz visitará Kiev cuando Zelensky regrese el viernes.",
    "El gobierno anunció el lunes que el canciller alemán Olaf Scholz no visitará Kiev pero irá a Varsovia el viernes.",
    "El ministerio dijo el lunes que el canciller alemán Olaf Scholz viajará a Kiev después de que llegue a Polonia el viernes.",
    "Le ministère a annoncé lundi que le chancelier allemand Olaf Scholz se rendra à Kiev quand il sera en Pologne vendredi.",
    "Le ministère a annoncé lundi que le chancelier allemand Olaf Scholz ne visitera pas Kiev mais ira à Varsovie vendredi.",
]  # fmt: skip
GOVERNED = [
    r + SUBJECT + m + c for r, m, c in itertools.product(REPORTS, MODAL_MAINS, TIME_CLAUSES)
] + GOVERNED_X

#: Near misses: the date's clause has its own finite past verb, or the modal sits in a
#: closed aside.
OWN_PAST = [" could not stay long but visited Kyiv on Friday.",
            " would not confirm the trip but travelled to Kyiv on Friday.",
            " will not comment, but he flew to Kyiv on Friday.",
            " would not say where he was going, and later arrived in Kyiv on Friday.",
            " would not confirm the trip before he arrived in Kyiv on Friday.",
            " (who would not confirm the trip) visited Kyiv on Friday.",
            " - who would not confirm the trip - visited Kyiv on Friday.",
            ", who will stand again, visited Kyiv on Friday."]  # fmt: skip
KEPT_X = [
    "El gobierno anunció el lunes que el canciller alemán Olaf Scholz no quiso quedarse pero visitó Kiev el viernes.",
    "El gobierno anunció el lunes que el canciller alemán Olaf Scholz, quien no quiso confirmar el viaje, visitó Kiev el viernes.",
    "Le ministère a annoncé lundi que le chancelier allemand Olaf Scholz ne voulait pas rester mais a visité Kiev vendredi.",
    "Le ministère a annoncé lundi que le chancelier allemand Olaf Scholz, qui ne voulait pas confirmer le voyage, a visité Kiev vendredi.",
]  # fmt: skip
KEPT = [r + SUBJECT + c for r, c in itertools.product(REPORTS, OWN_PAST)] + KEPT_X


@pytest.mark.parametrize("text", GOVERNED)
def test_a_main_verbs_modal_governs_its_time_clause(text: str) -> None:
    assert FRIDAY not in starts(text)


@pytest.mark.parametrize("text", KEPT)
def test_a_clause_with_its_own_past_verb_keeps_its_date(text: str) -> None:
    assert starts(text) == [FRIDAY]


# 2. A frame's opening participle judged by its verb --------------------------------

SPEECHES = ["German Chancellor Olaf Scholz said on Monday that Ukraine would get more help.",
            "German Chancellor Olaf Scholz told reporters on Monday that Ukraine would get more help."]  # fmt: skip
AT_EVENT = ["Wrapping up his visit to {c},", "Concluding his two-day visit to {c},",
            "Ending his trip to {c},", "Closing his visit to {c},", "Completing his trip to {c},",
            "Winding up his visit to {c},", "Finishing his tour of {c},"]  # fmt: skip
NOT_AT_EVENT = ["Planning a visit to {c},", "Hoping for a visit to {c},",
                "Defending his visit to {c},", "Criticised for his visit to {c},",
                "Asked about his visit to {c},", "Preparing for his trip to {c},",
                "Praised for his visit to {c},", "Questioned about his trip to {c},"]  # fmt: skip
CITIES = ["Kyiv", "Lviv", "Odesa"]


def _framed(frames: list[str]) -> list[str]:
    return [f"{f.format(c=c)} {s}" for f, c, s in itertools.product(frames, CITIES, SPEECHES)]


MEETING_AT = ["Hosting talks in Berlin,", "Concluding their talks in Berlin,",
              "Wrapping up their meeting in Berlin,", "Ending a summit in Berlin,"]  # fmt: skip
MEETING_NOT = ["Planning talks in Berlin,", "Asked about their meeting in Berlin,",
               "Criticised for their talks in Berlin,"]  # fmt: skip
SPOKEN = " French President Emmanuel Macron and German Chancellor Olaf Scholz said on Monday they back a joint plan."


@pytest.mark.parametrize("text", _framed(AT_EVENT))
def test_a_participle_of_closing_the_visit_dates_the_speech(text: str) -> None:
    assert starts(text) == [MONDAY]


@pytest.mark.parametrize("text", _framed(NOT_AT_EVENT))
def test_a_participle_of_intention_or_judging_does_not(text: str) -> None:
    assert MONDAY not in starts(text)


@pytest.mark.parametrize("frame", MEETING_AT)
def test_a_participle_of_holding_the_meeting_dates_the_speech(frame: str) -> None:
    assert meeting_dates(frame + SPOKEN) == [MONDAY]


@pytest.mark.parametrize("frame", MEETING_NOT)
def test_a_meeting_frame_of_intention_or_judging_does_not(frame: str) -> None:
    assert MONDAY not in meeting_dates(frame + SPOKEN)
