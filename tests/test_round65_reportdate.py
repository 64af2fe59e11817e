"""Round 65, keeptoll C6: a date filled from the evidence is the event's own, never the
date of the verb of speech that reports it ("Officials said today that the toll of last
month's bombing has risen to 30" is not dated today)."""

from __future__ import annotations

import itertools

import pytest
from roles_support import run

C = dict(
    injured=None, qualifier="exact", victims=None, perpetrator=None, country=None,
    place=None, date=None, scope="event", violence_type=None, status="occurred",
    attribution=None,
)  # fmt: skip

#: (language, speaker + speech verb, date of the report, that-word, event clause) parts.
REPORTS = {
    "en": (["Officials said", "The ministry announced"], ["today", "on Monday"], "that",
           ["the toll from the bombing in Basra has risen to {n}",
            "{n} people were killed in the bombing in Basra"]),
    "es": (["El ministerio anunció", "La policía informó"], ["hoy", "el lunes"], "que",
           ["{n} personas murieron en el atentado en Basora"]),
    "fr": (["Le ministère a déclaré", "La police a indiqué"], ["aujourd'hui", "lundi"], "que",
           ["{n} personnes ont été tuées dans l'attentat à Bassora"]),
    "de": (["Das Ministerium erklärte", "Die Polizei sagte"], ["heute", "am Montag"], "dass",
           ["{n} Menschen bei dem Anschlag in Basra getötet wurden"]),
}  # fmt: skip


def _reports() -> list[str]:
    cases = []
    for speakers, dates, that, events in REPORTS.values():
        for speaker, when, event in itertools.product(speakers, dates, events):
            cases.append(f"{speaker} {when} {that} {event.format(n=30)}.")
    return cases


@pytest.mark.parametrize("text", _reports())
def test_the_date_of_the_report_does_not_date_the_event(text: str) -> None:
    result = run("casualty_report", text, killed=30, **C, evidence=[1])
    (record,) = result.records
    assert record.date is None


NEGATIVES = [
    "Shelling killed 12 people today in Basra, officials said.",
    "Shelling killed 12 people in Basra on Monday, officials said.",
    "Un bombardeo mató hoy a 12 personas en Basora, dijo la policía.",
    "Un bombardement a tué 12 personnes lundi à Bassora, a indiqué la police.",
]


@pytest.mark.parametrize("text", NEGATIVES)
def test_the_events_own_date_still_dates_it(text: str) -> None:
    result = run("casualty_report", text, killed=12, **C, evidence=[1])
    (record,) = result.records
    assert record.date is not None
