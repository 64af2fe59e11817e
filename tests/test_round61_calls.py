"""Round 61: a visit recoded as a call stands only for a talk of its two sides that took place.

Round 60 rebuilt a visit draft that names no travel as the meeting of its sides when
its sentence had a word of talk anywhere. A probe found it made occurred meetings of
calls that were only planned, denied or cancelled, and of talks with someone else
("spoke with reporters about B"), and that a call among three states came out twice.
PLOVER CONSULT / CAMEO 040 code a consultation between two parties that occurred: the
recode now needs (a) a talk whose parties are the two sides, one in its "with" phrase
(avec, con, mit, с, 同) and the other its subject, both in its "between" phrase, or both
its coordinated subjects, and (b) a sentence that says the talk happened, not that it
will, may, should, was planned, proposed, asked for, denied or called off. Sentences
are generated over names, states, templates and languages (en, es, fr, de, ru, zh).
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.pipeline.answers import answer_model
from extractor.pipeline.resolve import Article, resolve
from extractor.text.sentences import split_sentences
from tests.roles_support import run
from tests.test_round57_direction import person

FAST = settings(max_examples=25, deadline=None)
#: Every template is run (parametrised), over a few names and states each.
EACH = settings(max_examples=4, deadline=None)

# code: en, es, fr, de, ru (prepositional, after «из»), zh
STATES: dict[str, tuple[str, str, str, str, str, str]] = {
    "DEU": ("Germany", "Alemania", "l'Allemagne", "Deutschland", "Германии", "德国"),
    "FRA": ("France", "Francia", "la France", "Frankreich", "Франции", "法国"),
    "JPN": ("Japan", "Japón", "le Japon", "Japan", "Японии", "日本"),
    "BRA": ("Brazil", "Brasil", "le Brésil", "Brasilien", "Бразилии", "巴西"),
    "POL": ("Poland", "Polonia", "la Pologne", "Polen", "Польши", "波兰"),
    "KEN": ("Kenya", "Kenia", "le Kenya", "Kenia", "Кении", "肯尼亚"),
}  # fmt: skip
NAMES = st.permutations(["Anna Berg", "Lars Holm", "Pedro Ruiz", "Luc Martin", "Mira Sato"]).map(
    lambda names: names[:3]
)
TRIPLES = st.permutations(sorted(STATES)).map(lambda codes: codes[:3])


def _say(template: str, names: list[str], codes: list[str]) -> str:
    (a, b, c), (x, y, z) = names, codes
    return template.format(A=a, B=b, C=c, X=STATES[x], Y=STATES[y], Z=STATES[z])


def visit(a: str, x: str, b: str, y: str) -> dict[str, Any]:
    """What the model drafted: a's trip to y, hosted by b, from the talk's sentence."""
    return {"visitors": [person(a, x)], "visitor_country": x, "hosts": [person(b, y)],
            "host_country": y, "place": None, "date": None, "end_date": None,
            "purpose": None, "status": "occurred", "attribution": None, "evidence": [1]}  # fmt: skip


#: A call between A and B that is only announced, wished, planned, denied or called off.
NOT_HAPPENED = [
    "President {A} of {X[0]} will speak by phone with President {B} of {Y[0]} on Friday.",
    "President {A} of {X[0]} is scheduled to hold a phone call with President {B} of {Y[0]}.",
    "President {A} of {X[0]} is expected to talk with President {B} of {Y[0]} by phone.",
    "President {A} of {X[0]} could speak with President {B} of {Y[0]} later this week.",
    "The Kremlin denied that President {A} of {X[0]} spoke by phone with President {B} of {Y[0]}.",
    "President {A} of {X[0]} cancelled a phone call with President {B} of {Y[0]}.",
    "President {A} of {X[0]} postponed his call with President {B} of {Y[0]}.",
    "President {A} of {X[0]} proposed a video call with President {B} of {Y[0]}.",
    "President {A} of {X[0]} asked to speak by phone with President {B} of {Y[0]}.",
    "President {A} of {X[0]} has yet to speak with President {B} of {Y[0]}.",
    "If re-elected, President {A} of {X[0]} will hold talks with President {B} of {Y[0]}.",
    "President {A} of {X[0]}'ll speak by phone with President {B} of {Y[0]} tomorrow.",
    "Le président {A} ({X[2]}) parlera au téléphone avec le président {B} ({Y[2]}) lundi.",
    "Le président {A} ({X[2]}) doit s'entretenir au téléphone avec le président {B} ({Y[2]}).",
    "Le président {A} ({X[2]}) a annulé son entretien téléphonique avec le président {B}.",
    "El presidente {A} de {X[1]} hablará por teléfono con el presidente {B} de {Y[1]}.",
    "El presidente {A} de {X[1]} canceló su llamada telefónica con el presidente {B}.",
    "Präsident {A} ({X[3]}) wird am Montag mit Präsident {B} ({Y[3]}) telefonieren.",
    "Präsident {A} ({X[3]}) soll mit Präsident {B} ({Y[3]}) telefonieren.",
    "Ein Telefonat von Präsident {A} ({X[3]}) mit Präsident {B} ({Y[3]}) ist geplant.",
    "Президент {A} из {X[4]} проведёт телефонный разговор с президентом {B} из {Y[4]}.",
    "Президент {A} из {X[4]} отменил телефонный разговор с президентом {B} из {Y[4]}.",
    "{X[5]}总统{A}没有同{Y[5]}总理{B}通电话。",
    "{X[5]}总统{A}将于周五同{Y[5]}总理{B}通电话。",
    "{X[5]}总统{A}拒绝同{Y[5]}总理{B}通电话。",
    "{X[5]}总统{A}计划同{Y[5]}总理{B}通电话。",
]

#: A talk of A with someone else, or no talk at all, that names B.
WITH_SOMEONE_ELSE = [
    "President {A} of {X[0]} spoke with reporters about President {B} of {Y[0]}.",
    "President {A} of {X[0]} spoke with Chancellor {C} of {Z[0]} about President {B} of {Y[0]}.",
    "President {A} of {X[0]} spoke with his aides by phone about President {B} of {Y[0]}.",
    "President {A} of {X[0]} held a call with donors, criticising President {B} of {Y[0]}.",
    "President {A} of {X[0]} spoke by phone with President {B}'s opponent, {C}.",
    "After his call with President {C} of {Z[0]}, President {A} of {X[0]} criticised President {B}.",
    "President {A} of {X[0]} held talks with rebels opposed to President {B} of {Y[0]}.",
    "President {A} of {X[0]} and President {B} of {Y[0]} spoke to reporters by phone.",
    "President {A} of {X[0]} spoke with journalists after President {B} of {Y[0]} left.",
    "El presidente {A} de {X[1]} habló por teléfono con periodistas sobre el presidente {B}.",
    "Le président {A} ({X[2]}) a critiqué au téléphone le président {B} ({Y[2]}).",
    "Le président {A} ({X[2]}) a parlé au téléphone avec ses ministres du président {B}.",
    "Präsident {A} ({X[3]}) sprach am Telefon mit Journalisten über Präsident {B} ({Y[3]}).",
    "Präsident {A} ({X[3]}) kritisierte in einem Telefoninterview Präsident {B} ({Y[3]}).",
    "Президент {A} из {X[4]} в телефонном интервью раскритиковал президента {B}.",
    "Президент {A} из {X[4]} провёл телефонный разговор с журналистами о президенте {B}.",
    "{X[5]}总统{A}在电话采访中批评了{Y[5]}总统{B}。",
    "Президент {A} ({X[4]}) обсудил с журналистами президента {B} ({Y[4]}).",
    "{X[5]}总统{A}与记者讨论了{Y[5]}总统{B}。",
]


@pytest.mark.parametrize("template", NOT_HAPPENED + WITH_SOMEONE_ELSE)
@EACH
@given(names=NAMES, codes=TRIPLES)
def test_no_meeting_of_a_call_that_did_not_happen_or_was_with_someone_else(
    template: str, names: list[str], codes: list[str]
) -> None:
    text = _say(template, names, codes)
    out = run("visit", text, **visit(names[0], codes[0], names[1], codes[1]))
    # No meeting is made of it ("held talks with" keeps the visit the model drafted: the
    # visit rules' own reading of "talks", not this recode's).
    assert [r for r in out.records if r.record_type == "meeting"] == [], (text, out.records)


#: A call of A and B that took place (A in the subject, B the party; or both coordinated).
HAPPENED = [
    ("President {A} of {X[0]} held a phone call on Monday with President {B} of {Y[0]}.", True),
    ("President {A} of {X[0]} and Prime Minister {B} of {Y[0]} held a phone call on Monday.",
     True),
    ("On Tuesday, President {A} of {X[0]} spoke by phone with his counterpart {B} of {Y[0]}.",
     True),
    ("President {A} of {X[0]} talked with President {B} of {Y[0]} on Monday evening.", False),
    ("President {A} of {X[0]} spoke by phone with President {B} of {Y[0]} and Prime Minister "
     "{C} of {Z[0]}.", True),
    ("There was a phone call between President {A} of {X[0]} and President {B} of {Y[0]}.",
     True),
    ("El presidente {A} de {X[1]} conversó por teléfono con el presidente {B} de {Y[1]}.",
     True),
    ("Le président {A} ({X[2]}) a parlé lundi au téléphone avec le président {B} ({Y[2]}).",
     True),
    ("Am Montag telefonierte Präsident {A} ({X[3]}) mit Präsident {B} ({Y[3]}).", True),
    ("Президент {A} из {X[4]} провёл телефонный разговор с президентом {B} из {Y[4]}.", True),
    ("{X[5]}总统{A}同{Y[5]}总理{B}通电话。", True),
    ("{X[5]}总统{A}和{Y[5]}总理{B}通了电话。", True),
]  # fmt: skip


@pytest.mark.parametrize("talk", HAPPENED)
@EACH
@given(names=NAMES, codes=TRIPLES)
def test_a_call_that_took_place_between_the_sides_is_their_meeting(
    talk: tuple[str, bool], names: list[str], codes: list[str]
) -> None:
    template, is_call = talk
    text = _say(template, names, codes)
    out = run("visit", text, **visit(names[0], codes[0], names[1], codes[1]))
    assert [r.record_type for r in out.records] == ["meeting"], (text, out.drops)
    (meeting,) = out.records
    assert {a.name for a in meeting.participants} == set(names[:2])
    assert set(meeting.countries_involved) == set(codes[:2])
    assert meeting.format == ("virtual" if is_call else "bilateral")


def _both(text: str, visit_draft: dict[str, Any], meeting_draft: dict[str, Any]) -> Any:
    """``resolve`` of a model answer with one visit and one meeting draft over ``text``."""
    model = answer_model(("visit", "meeting"))
    fields = {}
    for plural, kind in model.list_fields.items():
        draft_class = model.model_fields[plural].annotation.__args__[0]
        fields[plural] = [draft_class(**(visit_draft if kind == "visit" else meeting_draft))]
    answer = model.model_construct(**fields)
    article = Article(text=text, sentences=split_sentences(text), published=date(2025, 3, 12))
    return resolve(answer, article)


@FAST
@given(NAMES, TRIPLES, st.integers(min_value=2, max_value=3), st.booleans())
def test_a_call_the_model_drafted_as_a_meeting_is_not_repeated_from_its_visit(
    names: list[str], codes: list[str], size: int, dated: bool
) -> None:
    """A call among three states, drafted as their meeting and as a visit of two of them:
    the visit's meeting is part of the model's own, from the same sentence. (Where both
    are the same record, the same id, it is kept once as any record is.)"""
    (a, b, c), (x, y, z) = names, codes
    text = (
        f"President {a} of {STATES[x][0]} spoke by phone on Monday with President {b} of "
        f"{STATES[y][0]} and Prime Minister {c} of {STATES[z][0]} about trade."
    )
    people = [person(a, x), person(b, y), person(c, z)][:size]
    meeting = {"participants": people, "countries": [x, y, z][:size], "format": "virtual",
               "place": None, "date": "Monday" if dated else None, "topics": ["trade"],
               "status": "occurred", "attribution": None, "evidence": [1]}  # fmt: skip
    out = _both(text, visit(a, x, b, y), meeting)
    assert [r.record_type for r in out.records] == ["meeting"], (text, out.records)
    assert {p.name for p in out.records[0].participants} == {a, b, c}.intersection(
        p["name"] for p in people
    )


@FAST
@given(NAMES, TRIPLES)
def test_a_call_of_other_people_in_another_sentence_is_kept(
    names: list[str], codes: list[str]
) -> None:
    """The repeat is of the same sentence: a visit's call told apart from the meeting."""
    (a, b, c), (x, y, z) = names, codes
    text = (
        f"On Monday, President {a} of {STATES[x][0]}, Prime Minister {c} of {STATES[z][0]} "
        f"and President {b} of {STATES[y][0]} spoke by phone about trade. On Friday, "
        f"President {a} spoke by phone with President {b} about energy."
    )
    meeting = {"participants": [person(a, x), person(c, z), person(b, y)],
               "countries": [x, z, y], "format": "virtual", "place": None, "date": None,
               "topics": [], "status": "occurred", "attribution": None, "evidence": [1]}  # fmt: skip
    draft = {**visit(a, x, b, y), "evidence": [2]}
    out = _both(text, draft, meeting)
    assert [r.record_type for r in out.records] == ["meeting", "meeting"], out.records
    assert any("coded as the meeting it reports" in w for w in out.warnings)
