"""Round 65, datefix 1: a date after a verb of speech is the report's only as that
verb's own adjunct ("said today that", "anunció el lunes que"). A date after the
complementizer ("said that on Monday gunmen killed", "dijo que el lunes murieron",
"sagte, dass am Montag"), after a pronoun subject ("said it on Monday killed") or a
possessive of the event's noun ("said Monday's bombing killed") dates the event, and a
draft that left the date empty takes it from the evidence."""

from __future__ import annotations

import itertools

import pytest
from roles_support import run

C = dict(
    injured=None, qualifier="exact", victims=None, perpetrator=None, country=None,
    place=None, date=None, scope="event", violence_type=None, status="occurred",
    attribution=None,
)  # fmt: skip

#: (speakers + speech verbs, joints that open the reported clause, dates, event clauses)
#: per language: the date always stands inside the reported clause.
EMBEDDED = {
    "en": (["Police said", "The ministry announced"], ["that"],
           ["on Monday", "yesterday", "on March 3"],
           ["gunmen killed 12 people in Basra", "12 people were killed in Basra"]),
    "es": (["La policía dijo", "El ministerio informó"], ["que"],
           ["el lunes", "ayer", "el 3 de marzo"], ["murieron 12 personas en Basora"]),
    "fr": (["La police a indiqué", "Le ministère a annoncé"], ["que"],
           ["lundi", "le 3 mars"], ["12 personnes ont été tuées à Bassora"]),
    "de": (["Die Polizei sagte,", "Das Ministerium erklärte,"], ["dass"],
           ["am Montag", "gestern"], ["12 Menschen in Basra getötet wurden"]),
    "ru": (["Полиция сообщила,", "Министерство заявило,"], ["что"],
           ["в понедельник", "вчера"], ["в Басре погибли 12 человек"]),
    "pt": (["A polícia disse", "O ministério informou"], ["que"],
           ["na segunda-feira", "ontem"], ["12 pessoas morreram em Basra"]),
}  # fmt: skip

#: An English date owned by the event's noun or by a subject's clause.
OWNED = [
    "{s} {d}'s bombing in Basra killed 12 people.",
    "{s} {d}'s attack in Basra killed 12 people.",
    "{s} it {o} killed 12 militants near Basra.",
    "{s} they attacked {d}, killing 12 soldiers near Basra.",
]
SPEAKERS = ["Officials said", "The ministry said", "Witnesses reported"]


def _embedded() -> list[str]:
    cases = []
    for speakers, joints, dates, events in EMBEDDED.values():
        for speaker, joint, when, event in itertools.product(speakers, joints, dates, events):
            cases.append(f"{speaker} {joint} {when} {event}.")
    return sorted(set(cases))


def _owned() -> list[str]:
    return [
        t.format(s=s, d=d, o=o)
        for t, s, (d, o) in itertools.product(
            OWNED, SPEAKERS, [("Monday", "on Monday"), ("yesterday", "yesterday")]
        )
    ]


@pytest.mark.parametrize("text", _embedded() + _owned())
def test_a_date_in_the_reported_clause_dates_the_event(text: str) -> None:
    result = run("casualty_report", text, killed=12, **C, evidence=[1])
    (record,) = result.records
    assert record.date is not None, text


#: The verb's own adjunct, with its optional preposition/article, still dates the report.
ADJUNCTS = [
    "Officials said on Monday that 12 people were killed in Basra.",
    "Officials said late on Monday that 12 people were killed in Basra.",
    "Officials said on Monday the toll had risen to 12 in Basra.",
    "La policía informó el lunes que murieron 12 personas en Basora.",
    "La police a déclaré lundi que 12 personnes ont été tuées à Bassora.",
    "Die Polizei sagte am Montag, dass 12 Menschen in Basra getötet wurden.",
]


@pytest.mark.parametrize("text", ADJUNCTS)
def test_the_verbs_own_date_still_dates_the_report(text: str) -> None:
    result = run("casualty_report", text, killed=12, **C, evidence=[1])
    (record,) = result.records
    assert record.date is None, (text, record.date)
