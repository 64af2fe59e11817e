"""Round 71, drafting: regressions of round 70's fronted report dates (f90b184).

The principle (ACLED, UCDP): the event's date is the one its own clause bears; a report's
date dates no event by itself, it only bounds the events its own sentence reports.

1. A verb of speech's object is the event only when its head noun is a noun of the event
   (a visit, meeting, delivery, sale, attack; an intent or a capture its speaker
   announces), in the text's language: "announced the delivery of 12 tanks". A reported
   clause with an irregular or present verb ("said the gunmen shot 12 soldiers"), a name
   that starts like a French determiner ("said Lavrov met"), or a noun of what is reported
   on ("announced the death toll from the attack") left the report's day on the event.
2. A reported clause's event participle keeps its date ("said that the convoy attacked on
   March 3 was carrying aid"), and so does a date that is its clause's subject when the
   clause tells the event ("said that March 3 was the day gunmen killed 12").
3. A plan is not bounded back to its report's day: German Konjunktiv I futures ("Scholz
   werde Kenia besuchen"), Russian perfective futures ("посетит"), a date of the evidence
   on or after the publication day ("is visiting Kenya this week"); and a report bounds
   only the events of its own sentence, not those of another.
4. Chinese words that hold 称/说 and are no speech (著称, 又称, 别称, 所称, 小说家, 演说家)
   keep the date the event's; "警方自称，" (the police themselves said) is speech.
Near misses check the round 70 readings still hold."""

from __future__ import annotations

import itertools
from datetime import date

import pytest

from extractor.pipeline.requests import validation_context
from extractor.types.drafting import Builder

PUBLISHED = date(2025, 3, 12)  # a Wednesday
DAY = PUBLISHED.isoformat()
EN_DATES = [("On Monday", "2025-03-10"), ("Yesterday", "2025-03-11")]
SPEAKERS = ["the army", "the ministry", "police"]


def _builder(text: str) -> Builder:
    return Builder(validation_context(text, PUBLISHED, "x"), text)


def _when(text: str) -> str | None:
    """The date a draft of the publication day is coded as over ``text``."""
    found = _builder(text).when(DAY)
    return found.value if found is not None else None


def _in_evidence(text: str) -> str | None:
    found = _builder(text).when_in_evidence(at_event=True)
    return found.value if found is not None else None


# 1. Noun objects -------------------------------------------------------------------------
SUBJECTS = ["the gunmen", "the president", "Lavrov", "Sanchez", "Lebanon's army", "unknown gunmen",
            "several gunmen", "a bomb blast"]  # fmt: skip
PREDICATES = ["shot 12 soldiers in Kano", "met William Ruto in Nairobi", "hit a bus in Kano",
              "tore through a market in Kano", "sets fire to a school"]  # fmt: skip
CLAUSES = [
    f"{d}, {s} said {who} {p}."
    for (d, _), s, who, p in itertools.product(EN_DATES, SPEAKERS, SUBJECTS, PREDICATES)
]


@pytest.mark.parametrize("text", CLAUSES)
def test_a_reported_clause_is_no_noun_object(text: str) -> None:
    """A reported clause's verb, whatever its tense or form: the report dates nothing."""
    assert _in_evidence(text) is None


NOT_THE_EVENT = ["announced his candidacy for president",
                 "announced the death toll from the attack in Kano",
                 "announced the names of 12 soldiers killed in Kano",
                 "announced the results of an inquiry into the Kano attack"]  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [f"{d}, {s} {o}." for (d, _), s, o in itertools.product(EN_DATES, SPEAKERS, NOT_THE_EVENT)],
)
def test_a_noun_of_what_is_reported_is_no_event(text: str) -> None:
    assert _in_evidence(text) is None


#: Near misses: a noun of the event as the object, in each language with one.
EVENT_OBJECTS = [
    (f"{d}, {s} {o}.", v)
    for (d, v), s, o in itertools.product(
        EN_DATES,
        ["Germany", "the ministry"],
        ["announced the delivery of 12 tanks to Ukraine", "announced the sale of 12 jets",
         "announced a visit to Kenya", "announced the capture of Kano",
         "announced a new package of aid for Kenya", "announced his intent to visit Kenya"],
    )
] + [
    (f"{d}, {s} {o}.", "2025-03-10")
    for d, s, o in [
        ("El lunes", "Alemania", "anunció la entrega de 12 tanques a Ucrania"),
        ("El lunes", "el ministerio", "anunció la venta de 12 aviones"),
        ("Lundi", "l'Allemagne", "a annoncé la livraison de 12 chars à l'Ukraine"),
        ("Lundi", "le ministère", "a annoncé la vente de 12 avions"),
        ("В понедельник", "министерство", "сообщило о поставке 12 танков Украине"),
    ]
]  # fmt: skip


@pytest.mark.parametrize(("text", "day"), EVENT_OBJECTS)
def test_a_noun_of_the_event_makes_the_speech_the_event(text: str, day: str) -> None:
    assert _in_evidence(text) == day


# 2. Participles and subjects of a reported clause ----------------------------------------
NOUNS = ["the convoy", "the village", "the checkpoint"]
PARTICIPLES = ["attacked", "bombed", "shelled", "raided", "ambushed"]
TAILS = ["was carrying aid", "is near Kano", "had been evacuated"]


@pytest.mark.parametrize(
    "text",
    [
        f"The ministry said that {n} {p} on March 3 {t}."
        for n, p, t in itertools.product(NOUNS, PARTICIPLES, TAILS)
    ],
)
def test_a_reported_event_participle_keeps_its_date(text: str) -> None:
    assert _when(text) == "2025-03-03"


@pytest.mark.parametrize(
    "text",
    [f"{s} that March 3 was the day gunmen killed 12 soldiers."
     for s in ["The ministry said", "Police said", "Officials confirmed"]],
)  # fmt: skip
def test_a_date_subject_of_the_event_dates_it(text: str) -> None:
    assert _when(text) == "2025-03-03"


@pytest.mark.parametrize(
    "text",
    [f"{s} that {p}." for s, p in itertools.product(
        ["The ministry said", "We remember"],
        ["the truce agreed on March 3 still holds", "March 3 stands as a reminder of our promise",
         "the law passed on March 3 will change lives"])],
)  # fmt: skip
def test_a_participle_or_subject_of_no_event_dates_nothing(text: str) -> None:
    """Near misses: round 70's own readings."""
    assert _when(text) == DAY


# 3. Plans and other sentences ----------------------------------------------------------
PLANS = [
    f"{d} {v}, Scholz {c}."
    for d, v, c in itertools.product(
        ["Am Montag", "Gestern"],
        ["sagte das Ministerium", "teilte das Ministerium mit"],
        ["werde Kenia besuchen", "werde nach Kenia reisen", "plane eine Reise nach Kenia"],
    )
] + [
    f"{d} {s}, что Шольц {c}."
    for d, s, c in itertools.product(
        ["В понедельник", "Вчера"],
        ["министерство заявило", "министерство сообщило"],
        ["посетит Кению", "прибудет в Кению", "приедет в Кению"],
    )
] + [
    f"{d}, {s} said {c} this week."
    for (d, _), s, c in itertools.product(
        EN_DATES, SPEAKERS, ["Olaf Scholz is visiting Kenya", "Olaf Scholz travels to Kenya",
                             "talks with Ruto are set for"]
    )
]  # fmt: skip


@pytest.mark.parametrize("text", PLANS)
def test_a_plan_is_not_bounded_by_its_report(text: str) -> None:
    assert _when(text) == DAY


OTHER_SENTENCE = [
    f"{event} {d}, {s} said {other}."
    for event, (d, _), s, other in itertools.product(
        ["Gunmen killed 12 soldiers in Kano.", "Scholz arrived in Nairobi.",
         "Germany delivered 12 tanks to Ukraine."],
        EN_DATES, SPEAKERS, ["it had closed the border", "the deal was signed long ago"],
    )
]  # fmt: skip


@pytest.mark.parametrize("text", OTHER_SENTENCE)
def test_a_report_bounds_only_its_own_sentence(text: str) -> None:
    assert _when(text) == DAY


#: Near misses: a report of a past event in its own sentence still bounds it, in every
#: language the bound reads.
BOUNDED = [
    (f"{d}, {s} said gunmen had killed 12 soldiers in Kano.{after}", v)
    for (d, v), s, after in itertools.product(
        EN_DATES, SPEAKERS, ["", " The attack was the deadliest this year."]
    )
] + [
    ("El lunes, el ejército anunció que había matado a 12 soldados en Kano.", "2025-03-10"),
    ("Ayer, el ejército dijo que los pistoleros habían matado a 12 soldados.", "2025-03-11"),
    ("Lundi, l'armée a annoncé avoir tué 12 soldats à Kano.", "2025-03-10"),
    ("Am Montag sagte die Armee, Bewaffnete hätten 12 Soldaten getötet.", "2025-03-10"),
    ("В понедельник армия заявила, что боевики убили 12 солдат.", "2025-03-10"),
    ("周一，军方称，武装分子在卡诺杀害了12人。", "2025-03-10"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "day"), BOUNDED)
def test_a_report_still_bounds_its_past_event(text: str, day: str) -> None:
    assert _when(text) == day


# 4. Chinese words with 称/说 -----------------------------------------------------------
ZH_DATES = [("周一", "2025-03-10"), ("3月10日", "2025-03-10")]
ZH_WORDS = ["以残暴著称的武装分子", "又称博科圣地的组织", "别称土匪的武装分子", "昵称为屠夫的枪手",
            "所称的武装分子", "一名小说家的儿子", "一名演说家的保镖", "一名说唱歌手的保镖"]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "day"),
    [(f"{d}，{w}在卡诺杀害了12人。", v) for (d, v), w in itertools.product(ZH_DATES, ZH_WORDS)],
)
def test_a_chinese_word_with_a_speech_character_is_no_speech(text: str, day: str) -> None:
    assert _in_evidence(text) == day


@pytest.mark.parametrize(
    "text",
    [f"{d}，{s}，武装分子在卡诺杀害了12人。"
     for (d, _), s in itertools.product(ZH_DATES, ["警方自称", "外交部发言人说", "发言人称",
                                                   "警方也称", "外交部说道"])],
)  # fmt: skip
def test_a_chinese_speaker_still_reports(text: str) -> None:
    """Near misses: a speaker and a verb of speech, "自称" before a comma among them."""
    assert _in_evidence(text) is None
