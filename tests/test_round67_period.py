"""Round 67: a running total is dated by its period, never by the day it was reported.

"Since the war began, 3,200 civilians have been killed in Sudan, the ministry said on
Tuesday": the toll is cumulative over a period with no datable start that ends on the day
of the report. A drafted day (the speech's, or the publication's) is no date of the toll
and is left empty; a start the text writes dates the period ("2021年以来": Japanese writes
the time before its "since", as Chinese does). Near-misses: a single event dated by its
own day keeps it; a period with a written start keeps its range.

Each sentence is written for this test and generated over languages, places, tolls and
drafted dates.
"""

from __future__ import annotations

from itertools import product

import pytest

from tests.roles_support import run

#: language: (templates with {n} and {Y}, places, the number as written).
UNDATED = {
    "en": (["Since the war started, {n} civilians have died in {Y}, officials said on Monday.",
            "So far, {n} people have been killed in {Y}, the agency said on Tuesday.",
            "The number of people killed in {Y} since the conflict erupted now stands at {n}, "
            "the group said this week."],
           ["Sudan", "Yemen"], "4,100"),
    "es": (["Desde el inicio del conflicto han muerto {n} civiles en {Y}, dijo el lunes el grupo.",
            "Desde que estalló la guerra, {n} personas han muerto en {Y}, informó el martes la ONU."],
           ["Sudán", "Yemen"], "4.100"),
    "fr": (["Depuis le début du conflit, {n} civils ont été tués au {Y}, a déclaré lundi l'ONU."],
           ["Soudan", "Yémen"], "4 100"),
    "de": (["Seit Beginn des Konflikts sind in {Y} {n} Zivilisten getötet worden, sagte die "
            "UNO am Montag."],
           ["Sudan", "Jemen"], "4.100"),
    "ru": (["С начала конфликта в {Y} погибли {n} мирных жителей, заявили в ООН в понедельник."],
           ["Судане", "Йемене"], "4100"),
    "zh": (["联合国周一表示，自冲突爆发以来，{Y}已有{n}名平民死亡。"], ["苏丹", "也门"], "4100"),
    "ja": (["国連は月曜日、紛争開始以来、{Y}で民間人{n}人が死亡したと発表した。"],
           ["スーダン", "イエメン"], "4100"),
}  # fmt: skip
CODES = {"Sudan": "SDN", "Sudán": "SDN", "Soudan": "SDN", "Судане": "SDN", "苏丹": "SDN",
         "スーダン": "SDN", "Yemen": "YEM", "Yémen": "YEM", "Jemen": "YEM", "Йемене": "YEM",
         "也门": "YEM", "イエメン": "YEM"}  # fmt: skip
DRAFTED = ["2025-03-10", "2025-03-11", "2025-03-12"]


def _draft(killed: int, country: str, when: str | None) -> dict[str, object]:
    return dict(
        killed=killed, injured=None, qualifier="exact", victims="civilians", perpetrator=None,
        country=country, place=None, date=when, scope="event", violence_type=None,
        status="occurred", attribution=None, evidence=[1],
    )  # fmt: skip


def _cases() -> list[tuple[str, str, str]]:
    return [
        (lang, tpl.format(n=n, Y=place), CODES[place])
        for lang, (tpls, places, n) in UNDATED.items()
        for tpl, place in product(tpls, places)
    ]


@pytest.mark.parametrize(("lang", "text", "code"), _cases())
def test_a_total_with_no_dated_start_keeps_no_single_day(lang: str, text: str, code: str) -> None:
    for when in DRAFTED:
        (record,) = run("casualty_report", text, **_draft(4100, code, when)).records
        assert record.scope == "cumulative", (lang, text)
        assert record.date is None or record.date.kind == "range", (lang, text, when, record.date)


#: A start the text writes, in the languages that write it before their "since".
DATED = [
    ("ja", "2021年以来、スーダンでは民間人4100人が死亡したと昨日発表された報告書が伝えた。", "2021"),
    ("ja", "2019年以来、イエメンで民間人4100人が死亡した。", "2019"),
    ("zh", "自2021年以来，苏丹已有4100名平民死亡。", "2021"),
    ("en", "Since 2020, 4,100 civilians have been killed in Sudan, the agency said on Monday.", "2020"),
]  # fmt: skip


@pytest.mark.parametrize(("lang", "text", "start"), DATED)
def test_a_written_start_dates_the_period(lang: str, text: str, start: str) -> None:
    code = "YEM" if ("イエメン" in text) else "SDN"
    for when in [None, *DRAFTED]:
        (record,) = run("casualty_report", text, **_draft(4100, code, when)).records
        assert record.scope == "cumulative", text
        assert record.date is not None and record.date.kind == "range", (text, record.date)
        assert record.date.value == start


#: Near-misses: one event dated by its own day keeps the day.
EVENTS = [
    "Gunmen killed 12 civilians in Sudan on Monday, the ministry said on Tuesday.",
    "A bomb killed 12 people in Sudan on Monday.",
    "Un atentado mató el lunes a 12 civiles en Sudán, informó el martes el ministerio.",
    "国連によると、月曜日にスーダンで民間人12人が死亡した。",
]


@pytest.mark.parametrize("text", EVENTS)
def test_one_event_keeps_its_day(text: str) -> None:
    (record,) = run("casualty_report", text, **_draft(12, "SDN", "2025-03-10")).records
    assert record.scope == "event", text
    assert record.date is not None and record.date.value == "2025-03-10", (text, record.date)
