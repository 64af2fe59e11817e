"""Round 67, dates (2): a date after a verb of speech is the report's, not the event's
(round 65), also when the speech names its own hearer or setting between them ("told
reporters on Monday", "said in an interview on Monday", "dijo a los periodistas el
lunes", "a déclaré dans un entretien lundi", "sagte in einem Interview am Montag"), in
the plural ("anunciaron el lunes", "anunciaram na segunda-feira") and split around it
("gab am Montag bekannt"). Near misses, by principle: a bare noun after "said" opens the
reported clause (a zero complementizer), so a date inside it is the event's ("said a car
bomb on Monday killed 12", "said the talks on Monday were useful"), as is a date after a
complementizer ("said that on Monday"), a German "gab" that is no speech ("Es gab am
Montag einen Anschlag"), and a speech whose setting is the event itself ("said during
talks in Berlin on Monday" dates the talks)."""

from __future__ import annotations

import itertools

import pytest
from roles_support import run
from test_round66_reportdate import meeting

#: roles_support's publication date is 2025-03-12 (a Wednesday).
MONDAY, SUNDAY = "2025-03-10", "2025-03-09"
C = dict(
    injured=None, qualifier="exact", victims=None, perpetrator=None, country=None,
    place=None, date=None, scope="event", violence_type=None, status="occurred",
    attribution=None,
)  # fmt: skip

#: Per language: speakers, speeches with their own hearer or setting before Monday, and
#: the reported toll (with a complementizer).
REPORTS = {
    "en": (["Officials", "The ministry"],
           ["told reporters on Monday", "told the BBC on Monday", "told a news conference on Monday",
            "said in an interview on Monday", "said at a news conference in Baghdad on Monday",
            "said in a statement on Monday", "announced on state television on Monday",
            "told reporters in Baghdad on Monday"],
           "that 12 people were killed in Basra."),
    "es": (["El ministerio", "La policía"],
           ["dijo a los periodistas el lunes", "informó en un comunicado el lunes",
            "afirmó en una entrevista el lunes", "declaró durante una rueda de prensa el lunes"],
           "que 12 personas murieron en Basora."),
    "es-pl": (["Los ministros", "Las autoridades"],
              ["anunciaron el lunes", "informaron el lunes", "afirmaron en un comunicado el lunes"],
              "que 12 personas murieron en Basora."),
    "fr": (["Le ministère", "La police"],
           ["a déclaré dans un entretien lundi", "a indiqué aux journalistes lundi",
            "a annoncé lors d'une conférence de presse lundi", "a affirmé à la presse lundi"],
           "que 12 personnes ont été tuées à Bassora."),
    "de": (["Das Ministerium", "Die Polizei"],
           ["sagte in einem Interview am Montag,", "erklärte bei einer Pressekonferenz am Montag,",
            "gab am Montag bekannt,", "teilte am Montag mit,"],
           "dass 12 Menschen in Basra getötet wurden."),
    "de-pl": (["Die Behörden"], ["gaben am Montag bekannt,", "teilten am Montag mit,"],
              "dass 12 Menschen in Basra getötet wurden."),
    # the verb before its subject (a phrase fronted): the date is still the verb's
    "de-v2": (["In Bagdad", "Nach Angaben aus Basra"],
              ["sagte die Polizei am Montag,", "erklärte Polizeisprecher Ali Hassan am Montag,",
               "teilte das irakische Innenministerium am Montag mit,"],
              "12 Menschen seien in Basra getötet worden."),
    "pt": (["As autoridades"], ["anunciaram na segunda-feira", "disseram em entrevista na segunda-feira"],
           "que 12 pessoas morreram em Basra."),
}  # fmt: skip


def _reports() -> list[str]:
    return [
        f"{speaker} {speech} {event}"
        for speakers, speeches, event in REPORTS.values()
        for speaker, speech in itertools.product(speakers, speeches)
    ]


def dates(text: str) -> list[str | None]:
    """The dates of a right draft of the Basra toll over ``text``."""
    result = run("casualty_report", text, killed=12, **C, evidence=[1])
    return [r.date.value if r.date else None for r in result.records]


SPOKEN = _reports()


@pytest.mark.parametrize("text", SPOKEN)
def test_the_speechs_own_date_does_not_date_the_toll(text: str) -> None:
    assert dates(text) == [None]


#: Near misses: the date is the event's.
EVENTS_DATED = [
    "Officials said a car bomb on Monday killed 12 people in Basra.",
    "Officials said the bombing on Monday killed 12 people in Basra.",
    "Officials told reporters that on Monday 12 people were killed in Basra.",
    "Officials said that on Monday 12 people were killed in Basra.",
    "A car bomb killed 12 people in Basra on Monday, officials told reporters.",
    "Es gab am Montag einen Anschlag in Basra, bei dem 12 Menschen getötet wurden.",
    "La policía dijo que el lunes murieron 12 personas en Basora.",
    "La police a indiqué que lundi 12 personnes ont été tuées à Bassora.",
    "Die Polizei sagte, Angreifer hätten am Montag 12 Menschen in Basra getötet.",
    "Bei dem Anschlag in Basra am Montag wurden 12 Menschen getötet, sagte die Polizei.",
]


@pytest.mark.parametrize("text", EVENTS_DATED)
def test_a_date_of_the_reported_clause_still_dates_the_toll(text: str) -> None:
    assert dates(text) == [MONDAY]


@pytest.mark.parametrize(
    "text",
    [
        "Officials told reporters on Monday that 12 people were killed in Basra on Sunday.",
        "A spokesman said in an interview on Monday that 12 people were killed in Basra on Sunday.",
        "La policía dijo a los periodistas el lunes que 12 personas murieron en Basora el domingo.",
    ],
)
def test_the_events_own_date_after_the_reports_still_dates_it(text: str) -> None:
    assert dates(text) == [SUNDAY]


#: A speech whose setting is the meeting itself is made on the meeting's day.
AT_TALKS = [
    "French President Emmanuel Macron and German Chancellor Olaf Scholz said during talks in"
    " Berlin on Monday that they back a joint plan.",
    "French President Emmanuel Macron and German Chancellor Olaf Scholz announced at their"
    " meeting in Paris on Monday a joint plan.",
]


@pytest.mark.parametrize("text", AT_TALKS)
def test_a_speech_set_in_the_talks_dates_them(text: str) -> None:
    (record,) = meeting(text).records
    assert record.date is not None and record.date.value == MONDAY


@pytest.mark.parametrize(
    "text",
    [
        "The ministry told reporters on Monday that German Chancellor Olaf Scholz visited Kyiv.",
        "A spokesman said in an interview on Monday that German Chancellor Olaf Scholz visited Kyiv.",
        "El ministerio dijo a los periodistas el lunes que el canciller alemán Olaf Scholz visitó Kiev.",
        "Los ministros anunciaron el lunes que el canciller alemán Olaf Scholz visitó Kiev.",
    ],
)
def test_a_report_of_a_visit_with_its_hearer_is_not_dated_by_the_report(text: str) -> None:
    result = run(
        "visit", text, visitors=[{"name": "Olaf Scholz", "title": None, "country": "DEU"}],
        visitor_country="DEU", hosts=[], host_country="UKR", place=None, date=None,
        end_date=None, purpose=None, status="occurred", attribution=None, evidence=[1],
    )  # fmt: skip
    assert [r.start for r in result.records] == [None]
