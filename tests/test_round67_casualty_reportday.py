"""Round 67: a date the model drafts is no event's date when the evidence writes it only
as the fronted day of the report.

Round 66 left a toll undated when its date, read from the evidence, opens a sentence whose
verb is one of speech with a reported clause after it ("On Monday, the ministry said that
30 people were killed", "В понедельник министерство сообщило, что", "El lunes, el
ministerio informó que", "Am Montag erklärte das Ministerium, dass", "Lundi, le ministère
a déclaré que"). A model that drafts that day itself ("2025-03-10", "On Monday") dated the
toll by it all the same. ACLED's event date is when the harm happened, not when it was
reported: the drafted day is left empty too. A day of the event's own clause ("On Monday,
gunmen killed 30 people, the ministry said"), or one the quote also writes in the
reported clause, stands.

Each sentence is written for this test and generated over speakers, days and clauses.
"""

from __future__ import annotations

import itertools

import pytest
from roles_support import run
from test_round65_reportdate import C
from test_round66_casualty_reportday import EVENTS, REPORTS

#: The day each written day is, publication being Wednesday 2025-03-12.
ISO = {"monday": "2025-03-10", "tuesday": "2025-03-11", "понедельник": "2025-03-10",
       "вторник": "2025-03-11", "lunes": "2025-03-10", "martes": "2025-03-11",
       "lundi": "2025-03-10", "mardi": "2025-03-11", "montag": "2025-03-10",
       "dienstag": "2025-03-11"}  # fmt: skip


def _iso(day: str) -> str:
    return ISO[day.split()[-1].lower()]


def _fronted() -> list[tuple[str, str]]:
    """(report whose day opens the sentence, that day as written)."""
    return [
        (template.format(D=day, S=speaker, E=event), day)
        for templates, speakers, days, events in REPORTS.values()
        for template, speaker, day, event in itertools.product(templates, speakers, days, events)
        if template.startswith("{D}")
    ]


def _drafted(text: str, date: str | None) -> object:
    (record,) = run("casualty_report", text, killed=30, **{**C, "date": date}, evidence=[1]).records
    return record


@pytest.mark.parametrize(("text", "day"), _fronted())
def test_a_drafted_day_of_the_report_does_not_date_the_toll(text: str, day: str) -> None:
    """Fails on main: 40/40 dated (by the drafted day as a date and as written)."""
    assert _drafted(text[0].upper() + text[1:], _iso(day)).date is None
    assert _drafted(text[0].upper() + text[1:], day).date is None


@pytest.mark.parametrize("text", EVENTS)
def test_a_drafted_day_of_the_event_dates_it(text: str) -> None:
    for date in ("2025-03-10", "Monday"):
        record = _drafted(text, date)
        assert record.date is not None and record.date.value == "2025-03-10"


@pytest.mark.parametrize(
    "text",
    [
        "On Monday, the ministry said that gunmen killed 30 people in Basra on Monday.",
        "El lunes, el ministerio informó que el lunes murieron 30 personas en Basora.",
    ],
)
def test_a_day_written_again_in_the_reported_clause_stands(text: str) -> None:
    for date in (None, "2025-03-10"):
        record = _drafted(text, date)
        assert record.date is not None and record.date.value == "2025-03-10"
