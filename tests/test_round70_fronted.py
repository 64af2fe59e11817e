"""Round 70, fronted dates (regressions of round 69's fronted speech date).

1. A report's date bounds its events: a draft of the publication day, later than a fronted
   report date ("On Monday, the militants announced they had killed 12"), never stands;
   a verb of speech with a noun object ("announced the delivery of 12 tanks") is the
   event itself, its fronted date the event's.
2. A date of the reported clause passes the same "another clause" tests as any other: a
   participle's date about a noun of the clause ("said that the truce agreed on March 3
   still holds") dates no event.
3. Chinese one-character verbs of speech (称, 说) are no verb inside another word
   ("被称为", "据说", "自称", "号称", "俗称").
4. A remembered or believed clause is background; a date as its clause's subject ("we
   remember that June 6, 1944, stands as") dates nothing.
7. German: a place's phrase inside a noun phrase between determiner, date and participle
   ("der in Kano am Montag getöteten Soldaten").
Each family is built from parts; near misses check the rules do not fire elsewhere."""

from __future__ import annotations

import itertools
from datetime import date

import pytest

from extractor.pipeline.requests import validation_context
from extractor.types.drafting import Builder

PUBLISHED = date(2025, 3, 12)  # a Wednesday
DAY = PUBLISHED.isoformat()
DATES = [("On Monday", "2025-03-10"), ("Yesterday", "2025-03-11"), ("On March 10", "2025-03-10"),
         ("Monday", "2025-03-10")]  # fmt: skip


def _builder(text: str) -> Builder:
    return Builder(validation_context(text, PUBLISHED, "x"), text)


def _when(text: str, draft: str | None = DAY) -> str | None:
    """The date a draft of the publication day is coded as over ``text``."""
    found = _builder(text).when(draft)
    return found.value if found is not None else None


def _in_evidence(text: str) -> str | None:
    found = _builder(text).when_in_evidence(at_event=True)
    return found.value if found is not None else None


# 1. A report's date bounds the event ------------------------------------------------
SPEAKERS = ["the army", "the militants", "Germany", "the ministry", "Olaf Scholz"]
REPORTED = ["announced they had killed 12 soldiers in Kano",
            "announced that gunmen had killed 12 soldiers in Kano",
            "said it had delivered 12 tanks to Ukraine",
            "told William Ruto in Nairobi that Germany had sent help",
            "told reporters in Nairobi after meeting William Ruto that ties were strong",
            "announced the delivery of 12 tanks to Ukraine",
            "announced the capture of Kano"]  # fmt: skip
BOUNDED = [(f"{d}, {s} {r}.", v) for (d, v), s, r in itertools.product(DATES, SPEAKERS, REPORTED)]


@pytest.mark.parametrize(("text", "day"), BOUNDED)
def test_a_publication_day_draft_never_stands_after_the_report(text: str, day: str) -> None:
    """Fails on main: 140/140 (the publication day stood)."""
    assert _when(text) == day


NOUN_OBJECTS = ["announced the delivery of 12 tanks to Ukraine", "announced the capture of Kano",
                "announced his intent to nominate Jane Roe as ambassador",
                "announced a new package of aid for Kenya",
                "announced their support for the ceasefire plan"]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "day"),
    [(f"{d}, {s} {o}.", v) for (d, v), s, o in itertools.product(DATES, SPEAKERS, NOUN_OBJECTS)],
)
def test_a_speech_with_a_noun_object_is_the_event(text: str, day: str) -> None:
    """Fails on main: 100/100 (the date taken for a report's, no event's)."""
    assert _in_evidence(text) == day


#: Near misses: no date of the report before the event's own, a plan, or a reported
#: clause with no draft (round 69: a report dates no event by itself).
PLANNED = [
    f"{d}, {s} said Olaf Scholz would visit Kenya."
    for (d, _), s in itertools.product(DATES, SPEAKERS)
]


@pytest.mark.parametrize("text", PLANNED)
def test_a_plan_is_not_bounded_by_its_report(text: str) -> None:
    assert _when(text) == DAY


@pytest.mark.parametrize(
    "text",
    [
        f"{d}, {s} said the gunmen had killed 12 soldiers."
        for (d, _), s in itertools.product(DATES, SPEAKERS)
    ]
    + [
        f"{d}, {s} announced that gunmen killed 12 soldiers."
        for (d, _), s in itertools.product(DATES, SPEAKERS)
    ],
)
def test_a_reported_clause_is_no_noun_object(text: str) -> None:
    assert _in_evidence(text) is None


@pytest.mark.parametrize("opener", ["Today", "This morning"])
def test_a_report_of_today_keeps_the_publication_day(opener: str) -> None:
    assert _when(f"{opener}, the army announced that gunmen had killed 12 soldiers.") == DAY


# 2. The reported clause's own participles --------------------------------------------
NESTED = ["said that the ceasefire agreed on March 3, 2021, still holds",
          "said that the truce signed on May 5, 2019, remains in force",
          "announced that funding for the law passed on May 5, 2019, has risen",
          "declared that a disaster exists in the areas hit by the storm beginning on January 20, 2020",
          "said that the accord reached on June 2, 2018, is working"]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "day"),
    [(f"{d}, the {who} {c}.", v)
     for (d, v), who, c in itertools.product([("Today", DAY), ("Yesterday", "2025-03-11")],
                                             ["ministry", "President", "government"], NESTED)],
)  # fmt: skip
def test_a_reported_clause_participle_dates_its_noun(text: str, day: str) -> None:
    """Fails on main: 30/30 (the nested participle's date taken for the event's)."""
    assert _when(text) == day


@pytest.mark.parametrize(
    "text",
    ["Today, the ministry said that gunmen killed 12 people on March 3.",
     "Today, the ministry said that the army attacked Kano on March 3.",
     "Today, the ministry said that the rebels seized the town on March 3."],
)  # fmt: skip
def test_a_reported_event_keeps_its_date(text: str) -> None:
    assert _when(text) == "2025-03-03"


# 3. Chinese one-character verbs of speech ----------------------------------------------
ZH_DATES = [("周一", "2025-03-10"), ("昨天", "2025-03-11"), ("3月10日", "2025-03-10")]
ZH_NAMES = ["被称为博科圣地的武装分子", "据说武装分子", "一名自称圣战者的枪手", "号称伊斯兰国的武装分子",
            "俗称土匪的武装分子", "听说武装分子", "简称博科圣地的组织"]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "day"),
    [(f"{d}，{n}在卡诺杀害了12人。", v) for (d, v), n in itertools.product(ZH_DATES, ZH_NAMES)],
)
def test_a_chinese_speech_character_inside_a_word_is_no_speech(text: str, day: str) -> None:
    """Fails on main: 21/21 (the event's date read as a report's)."""
    assert _in_evidence(text) == day


@pytest.mark.parametrize(
    "text",
    [f"{d}，{s}{v}，武装分子在卡诺杀害了12人。"
     for (d, _), s, v in itertools.product(ZH_DATES, ["警方", "外交部", "政府发言人"], ["称", "说", "表示"])],
)  # fmt: skip
def test_a_chinese_speaker_and_verb_still_report(text: str) -> None:
    assert _in_evidence(text) is None


# 4. Remembered clauses and dates as subjects ------------------------------------------
KNOWING = ["We remember that", "We recall that", "We know that", "It is true that",
           "Americans remember that", "We believe that"]  # fmt: skip
HISTORIC = ["August 26, 1920,", "March 3, 2003,", "June 6, 1944,"]
PREDICATES = ["stands as a reminder of our promise.", "marked the start of a new era.",
              "remains a day of mourning."]  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [f"{k} {d} {p}" for k, d, p in itertools.product(KNOWING, HISTORIC, PREDICATES)],
)
def test_a_date_as_a_clause_subject_dates_nothing(text: str) -> None:
    """Fails on main: 54/54 (the historic date replaced the draft)."""
    assert _when(text) == DAY


@pytest.mark.parametrize(
    "text",
    ["We know that on March 3 the ministry published a memo.",
     "It is clear that on March 3 the ministry published a memo.",
     "Officials recalled that on March 3 the ministry published a memo."],
)  # fmt: skip
def test_a_known_clause_still_dates_its_event(text: str) -> None:
    """Near misses (round 69's knowing verbs): passes on main and after."""
    assert _when(text) == "2025-03-03"


# 7. German noun phrases with a place ---------------------------------------------------
DE_PHRASES = ["die Familien der in Kano am Montag getöteten Soldaten",
              "das am Montag in Berlin unterzeichnete Abkommen",
              "die bei Kano am Montag entführten Schüler",
              "den am Montag in Nairobi vereinbarten Plan"]  # fmt: skip
DE_VERBS = ["Scholz lobte in Nairobi", "Scholz besuchte in Nairobi", "Ruto erwähnte"]


@pytest.mark.parametrize("text", [f"{v} {p}." for v, p in itertools.product(DE_VERBS, DE_PHRASES)])
def test_a_german_date_inside_a_noun_phrase_dates_its_noun(text: str) -> None:
    """Fails on main: 12/12."""
    assert _when(text) == DAY


@pytest.mark.parametrize(
    "text",
    ["Am Montag töteten Bewaffnete in Kano 12 Soldaten.",
     "Die Bewaffneten töteten am Montag in Kano 12 Soldaten.",
     "Bewaffnete töteten am Montag in Kano 12 Soldaten."],
)  # fmt: skip
def test_a_german_date_of_the_verb_stays_the_events(text: str) -> None:
    assert _when(text) == "2025-03-10"
