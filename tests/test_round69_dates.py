"""Round 69, dates: a date written before its verb of speech is the speech's, as one after
it is ("On Monday, the ministry said X had visited Kyiv on Friday", "Lundi, le ministère
a déclaré que", "El lunes, el ministerio dijo que", "Am Montag sagte das Ministerium",
"В понедельник министерство заявило, что", "德国外交部周一表示，"): the report's date
dates no event, and a date of the reported clause after it is the event's.

Near misses: a fronted date of the event's own verb stays the event's ("On Monday, X
visited Kyiv", "德国总理朔尔茨周一访问了基辅"); a report with no date of the event
gives it none; a plan after the report ("said ... would visit on Friday") is no date of
the visit; a speech after the event's clause ("X visited Kyiv on Monday, officials said")
leaves the date the event's."""

from __future__ import annotations

import itertools

import pytest
from roles_support import run

MONDAY, FRIDAY = "2025-03-10", "2025-03-07"  # roles_support publishes on 2025-03-12

#: Per language: the visitor's name as written, the fronted report (speaker + verb + opener
#: of the reported clause), the reported visit with a day {D}, and the Friday it names.
LANGS = {
    "en": ("Olaf Scholz",
           ["On Monday, the ministry said", "On Monday, officials said", "Officials on Monday said",
            "On Monday, the German government announced that", "Yesterday, a spokesman told reporters"],
           ["German Chancellor Olaf Scholz visited Kyiv{D}.", "German Chancellor Olaf Scholz had visited Kyiv{D}.",
            "German Chancellor Olaf Scholz flew to Kyiv{D}."], " on Friday"),
    "fr": ("Olaf Scholz",
           ["Lundi, le ministère a déclaré que", "Lundi, la porte-parole a indiqué que"],
           ["le chancelier allemand Olaf Scholz s'est rendu à Kiev{D}.",
            "le chancelier allemand Olaf Scholz a visité Kiev{D}."], " vendredi"),
    "es": ("Olaf Scholz",
           ["El lunes, el ministerio dijo que", "El lunes, el portavoz anunció que"],
           ["el canciller alemán Olaf Scholz visitó Kiev{D}.",
            "el canciller alemán Olaf Scholz viajó a Kiev{D}."], " el viernes"),
    "de": ("Olaf Scholz",
           ["Am Montag sagte das Ministerium,", "Am Montag erklärte die Regierung,"],
           ["der deutsche Bundeskanzler Olaf Scholz habe{D} Kiew besucht."], " am Freitag"),
    "ru": ("Олаф Шольц",
           ["В понедельник министерство заявило, что", "В понедельник пресс-секретарь сообщил, что"],
           ["канцлер Германии Олаф Шольц{D} посетил Киев."], " в пятницу"),
    "zh": ("朔尔茨",
           ["德国外交部周一表示，", "德国外交部周一称，", "周一，德国政府发言人说，"],
           ["德国总理朔尔茨{D}访问了基辅。"], "周五"),
}  # fmt: skip


def starts(text: str, name: str) -> list[str | None]:
    """The start days of a right draft of Scholz's visit to Ukraine over ``text``."""
    result = run(
        "visit", text, visitors=[{"name": name, "title": None, "country": "DEU"}],
        visitor_country="DEU", hosts=[], host_country="UKR", place=None, date=None,
        end_date=None, purpose=None, status="occurred", attribution=None, evidence=[1],
    )  # fmt: skip
    return [r.start.value if r.start else None for r in result.records]


def _join(report: str, clause: str) -> str:
    return report + ("" if report.endswith("，") else " ") + clause


def _cases(dated: bool) -> list[tuple[str, str]]:
    return [
        (name, _join(report, clause.format(D=day if dated else "")))
        for name, reports, clauses, day in LANGS.values()
        for report, clause in itertools.product(reports, clauses)
    ]


@pytest.mark.parametrize(("name", "text"), _cases(dated=True))
def test_a_fronted_report_date_leaves_the_visit_its_own(name: str, text: str) -> None:
    # fails on main: 27/27 (the report's Monday taken for the visit)
    assert starts(text, name) == [FRIDAY]


@pytest.mark.parametrize(("name", "text"), _cases(dated=False))
def test_a_fronted_report_date_dates_no_visit(name: str, text: str) -> None:
    # fails on main: 27/27
    assert starts(text, name) == [None]


#: Near misses: the fronted date is the visit's own, or the speech comes after the event.
OWN = [
    ("Olaf Scholz", "On Monday, German Chancellor Olaf Scholz visited Kyiv."),
    ("Olaf Scholz", "On Monday, German Chancellor Olaf Scholz visited Kyiv and said talks went well."),
    ("Olaf Scholz", "German Chancellor Olaf Scholz visited Kyiv on Monday, officials said."),
    ("Olaf Scholz", "On Monday, during his visit to Kyiv, German Chancellor Olaf Scholz said talks went well."),
    ("Olaf Scholz", "Lundi, le chancelier allemand Olaf Scholz s'est rendu à Kiev."),
    ("Olaf Scholz", "El lunes, el canciller alemán Olaf Scholz visitó Kiev."),
    ("Олаф Шольц", "В понедельник канцлер Германии Олаф Шольц посетил Киев."),
    ("朔尔茨", "德国总理朔尔茨周一访问了基辅。"),
    ("朔尔茨", "德国总理朔尔茨周一访问基辅时表示，会谈富有成果。"),
]  # fmt: skip


@pytest.mark.parametrize(("name", "text"), OWN)
def test_a_fronted_date_of_the_event_stays_its_own(name: str, text: str) -> None:
    """Passes on main and after."""
    assert starts(text, name) == [MONDAY]


PLANS = [
    "On Monday, the ministry said German Chancellor Olaf Scholz would visit Kyiv on Friday.",
    "On Monday, the ministry said German Chancellor Olaf Scholz will visit Kyiv in March.",
    "El lunes, el ministerio dijo que el canciller alemán Olaf Scholz visitará Kiev el viernes.",
]


@pytest.mark.parametrize("text", PLANS)
def test_a_plan_after_a_fronted_report_dates_no_visit(text: str) -> None:
    assert starts(text, "Olaf Scholz") in ([None], [])
