"""Round 66: the day a speaker says or counts a toll dates the report, not the event, in
Russian as in the other languages, and wherever the date stands.

"Министерство сообщило в понедельник, что ...", "заявил во вторник", "the ministry said
on Monday it had counted 30 dead" were read as the report's already (the date right after
the verb of speech). A date that opens the sentence before its speaker and a reported
clause ("В понедельник министерство сообщило, что", "On Monday, the ministry said that",
"El lunes, el ministerio informó que", "Am Montag erklärte das Ministerium, dass", "On
Monday the ministry said it had counted") dated the toll: it is the saying's too, and the
toll is left undated. A date of the event's own clause stands ("В понедельник в
результате взрыва погибли 30 человек, сообщило министерство", "On Monday, gunmen killed
30 people, the ministry said", "said that on Monday 30 were killed").

Each sentence is written for this test and generated over speakers, days and clauses.
"""

from __future__ import annotations

import itertools

import pytest
from roles_support import run
from test_round65_reportdate import C

#: language: (templates of a report, speakers, days, reported tolls); {S} {D} {E}.
REPORTS = {
    "ru": (["{D} {S} сообщило, что {E}.", "{S} сообщило {D}, что {E}.",
            "{E}, сообщило {D} {S}."],
           ["министерство", "ведомство"], ["в понедельник", "во вторник"],
           ["30 человек погибли при взрыве в Басре", "при взрыве в Басре погибли 30 человек"]),
    "en": (["{D}, {S} said that 30 people were killed in {E}.",
            "{D} {S} said it had counted 30 dead after {E}.",
            "{S} said {D} it had counted 30 dead after {E}."],
           ["the ministry", "officials"], ["On Monday", "On Tuesday"],
           ["the bombing in Basra"]),
    "es": (["{D}, {S} informó que {E}.", "{D} {S} dijo que {E}."],
           ["el ministerio", "la policía"], ["El lunes", "El martes"],
           ["30 personas murieron en el atentado en Basora"]),
    "fr": (["{D}, {S} a déclaré que {E}.", "{D}, {S} a indiqué que {E}."],
           ["le ministère", "la police"], ["Lundi", "Mardi"],
           ["30 personnes ont été tuées dans l'attentat à Bassora"]),
    "de": (["{D} erklärte {S}, dass {E}.", "{D} sagte {S}, dass {E}."],
           ["das Ministerium", "die Polizei"], ["Am Montag", "Am Dienstag"],
           ["30 Menschen bei dem Anschlag in Basra getötet wurden"]),
}  # fmt: skip
#: Where the day is the event's own.
EVENTS = [
    "В понедельник при взрыве в Басре погибли 30 человек, сообщило министерство.",
    "Министерство сообщило, что в понедельник при взрыве в Басре погибли 30 человек.",
    "On Monday, gunmen killed 30 people in Basra, the ministry said.",
    "On Monday, 30 people were killed in Basra, the ministry said that night.",
    "The ministry said that on Monday 30 people were killed in Basra.",
    "On Monday a bomb killed 30 people in Basra, and the ministry said that it was a crime.",
    "El lunes murieron 30 personas en Basora, informó el ministerio.",
    "Lundi, 30 personnes ont été tuées à Bassora, a déclaré le ministère.",
    "Am Montag wurden in Basra 30 Menschen getötet, sagte die Polizei.",
]


def _reports() -> list[str]:
    return [
        template.format(D=day, S=speaker, E=event).strip()
        for templates, speakers, days, events in REPORTS.values()
        for template, speaker, day, event in itertools.product(templates, speakers, days, events)
    ]


def _capital(text: str) -> str:
    return text[0].upper() + text[1:]


@pytest.mark.parametrize("text", [_capital(t) for t in _reports()])
def test_the_day_of_the_saying_does_not_date_the_toll(text: str) -> None:
    """Fails on main: 40/60 (every fronted day) dated."""
    (record,) = run("casualty_report", text, killed=30, **C, evidence=[1]).records
    assert record.date is None


@pytest.mark.parametrize("text", EVENTS)
def test_the_day_of_the_event_dates_it(text: str) -> None:
    (record,) = run("casualty_report", text, killed=30, **C, evidence=[1]).records
    assert record.date is not None and record.date.value in ("2025-03-10", "2025-03-11")
