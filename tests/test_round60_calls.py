"""Round 60: a call drafted as a visit is the meeting it reports.

A small model codes "X spoke by phone with Y" as a visit. Nobody travelled, so the
visit is dropped (its evidence has no word of travel), and the talk was lost with it.
A talk between two states is a meeting (PLOVER CONSULT; a call is mode phone, format
"virtual"), built and checked as the model's own meetings are. It stands only where
the sentence says the sides talked and they are of two states: "called on Congress"
is no talk, a governor's call is no meeting between states, and a sentence that says
someone travelled keeps its visit. Sentences are generated over names, countries,
titles, verbs and languages (en, es, fr, de, ru, zh).
"""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.text.cues import CALL_CUES, states_any
from tests.roles_support import run
from tests.test_round57_direction import person

FAST = settings(max_examples=30, deadline=None)

# code: en, es, fr, de, ru (instrumental, after «с»), zh
STATES: dict[str, tuple[str, str, str, str, str, str]] = {
    "DEU": ("Germany", "Alemania", "l'Allemagne", "Deutschland", "Германией", "德国"),
    "FRA": ("France", "Francia", "la France", "Frankreich", "Францией", "法国"),
    "JPN": ("Japan", "Japón", "le Japon", "Japan", "Японией", "日本"),
    "BRA": ("Brazil", "Brasil", "le Brésil", "Brasilien", "Бразилией", "巴西"),
    "POL": ("Poland", "Polonia", "la Pologne", "Polen", "Польшей", "波兰"),
    "KEN": ("Kenya", "Kenia", "le Kenya", "Kenia", "Кенией", "肯尼亚"),
}  # fmt: skip
EN, ES, FR, DE, RU, ZH = range(6)
NAMES = st.permutations(["Anna Berg", "Lars Holm", "Pedro Ruiz", "Luc Martin", "Mira Sato"]).map(
    lambda names: names[:2]
)
PAIRS = st.permutations(sorted(STATES)).map(lambda codes: codes[:2])

#: (template, is a call): {A} of {X} talks with {B} of {Y}, no word of travel.
TALKS = [
    ("President {A} of {X[0]} spoke by phone with Prime Minister {B} of {Y[0]} on Monday.", True),
    ("President {A} of {X[0]} held a phone call with President {B} of {Y[0]} today.", True),
    ("On the call, President {A} of {X[0]} and Chancellor {B} of {Y[0]} agreed on energy.", True),
    ("{A}, the leader of {X[0]}, and {B} of {Y[0]} talked by video link about trade.", True),
    ("President {A} of {X[0]} spoke today with President {B} of {Y[0]} about trade.", False),
    ("El presidente {A} de {X[1]} conversó por teléfono con el primer ministro {B} de {Y[1]}.",
     True),
    ("Le président {A} ({X[2]}) a parlé au téléphone avec {B} ({Y[2]}) lundi.", True),
    ("Präsident {A} ({X[3]}) telefonierte am Montag mit Regierungschef {B} ({Y[3]}).", True),
    ("Президент {A} ({X[0]}) провёл телефонный разговор с президентом {B} ({Y[0]}).", True),
    ("{X[5]}总统{A}同{Y[5]}总理{B}通电话。", True),
]  # fmt: skip


def visit(a: str, x: str, b: str, y: str, **overrides: Any) -> dict[str, Any]:
    """What the model drafted: a's trip to y, hosted by b, from the talk's sentence."""
    draft = {"visitors": [person(a, x)], "visitor_country": x, "hosts": [person(b, y)],
             "host_country": y, "place": None, "date": None, "end_date": None,
             "purpose": None, "status": "occurred", "attribution": None, "evidence": [1]}  # fmt: skip
    return {**draft, **overrides}


def _talk(template: str, names: list[str], codes: list[str]) -> str:
    (a, b), (x, y) = names, codes
    return template.format(A=a, B=b, X=STATES[x], Y=STATES[y])


@FAST
@given(st.sampled_from(TALKS), NAMES, PAIRS)
def test_a_talk_drafted_as_a_visit_is_a_meeting_of_both_sides(
    talk: tuple[str, bool], names: list[str], codes: list[str]
) -> None:
    template, is_call = talk
    text = _talk(template, names, codes)
    out = run("visit", text, **visit(names[0], codes[0], names[1], codes[1]))
    assert [r.record_type for r in out.records] == ["meeting"], (text, out.drops)
    (meeting,) = out.records
    assert set(meeting.countries_involved) == set(codes)
    assert {a.name for a in meeting.participants} == set(names)
    assert meeting.place is None  # no shared venue: no visit derived from it either
    assert meeting.format == ("virtual" if is_call else "bilateral")
    assert meeting.evidence.cited_text == text[meeting.evidence.start : meeting.evidence.end]
    assert any("coded as the meeting it reports" in w for w in out.warnings)


#: Sentences that name two states' people and say no talk between them.
NO_TALK = [
    "President {A} of {X[0]} called on President {B} of {Y[0]} to release the prisoners.",
    "President {A} of {X[0]} praised the courage of President {B} of {Y[0]}.",
    "President {A} of {X[0]} answered the call for help from President {B} of {Y[0]}.",
    "{A} of {X[0]} sent condolences to {B} of {Y[0]} after the floods.",
    "President {A} of {X[0]} refused to talk to President {B} of {Y[0]}, his office said.",
    "There was no call between President {A} of {X[0]} and President {B} of {Y[0]} on Monday.",
    "President {A} of {X[0]} is ready to talk with President {B} of {Y[0]}.",
    "President {A} of {X[0]} has no plans to speak with President {B} of {Y[0]}.",
    "President {A} of {X[0]} spoke to reporters about President {B} of {Y[0]}.",
    "In a phone interview, President {A} of {X[0]} criticised President {B} of {Y[0]}.",
    "President {A} of {X[0]} renewed his call for President {B} of {Y[0]} to negotiate.",
    "President {A} of {X[0]} spoke of President {B} of {Y[0]} with admiration.",
]


@FAST
@given(st.sampled_from(NO_TALK), NAMES, PAIRS)
def test_a_visit_drafted_from_no_talk_stays_dropped(
    template: str, names: list[str], codes: list[str]
) -> None:
    text = _talk(template, names, codes)
    out = run("visit", text, **visit(names[0], codes[0], names[1], codes[1]))
    assert out.records == [], (text, out.records)
    assert any("does not say that anyone travelled" in d for d in out.drops)


@FAST
@given(st.sampled_from([t for t, _ in TALKS[:5]]), NAMES, st.sampled_from(sorted(STATES)))
def test_a_call_within_one_state_is_no_meeting_between_states(
    template: str, names: list[str], code: str
) -> None:
    """A president's call with his own governor crosses no border: the visit the model
    drafted (to its own country) is dropped, and no meeting is made of it."""
    text = _talk(template, names, [code, code])
    out = run("visit", text, **visit(names[0], code, names[1], code))
    assert out.records == [], (text, out.records)


@FAST
@given(NAMES, PAIRS)
def test_a_sentence_that_says_someone_travelled_keeps_its_visit(
    names: list[str], codes: list[str]
) -> None:
    (a, b), (x, y) = names, codes
    text = (
        f"President {a} of {STATES[x][EN]} travelled to {STATES[y][EN]} on Monday and spoke "
        f"with President {b}."
    )
    out = run("visit", text, **visit(a, x, b, y))
    assert [r.record_type for r in out.records] == ["visit"], (text, out.drops)
    assert (out.records[0].visitor_country, out.records[0].host_country) == (x, y)


def test_the_words_of_a_call_are_not_the_words_of_a_demand() -> None:
    calls = CALL_CUES.values()
    for said in ("spoke by phone", "held a call with", "on the call", "by video link",
                 "a videoconference", "telefonierte", "通电话", "телефонный разговор"):  # fmt: skip
        assert states_any(calls, f"The leaders {said} today."), said
    for said in ("called on", "called for", "the call for peace", "answered the call to serve",
                 "a video message", "so-called"):  # fmt: skip
        assert not states_any(calls, f"The President {said} the allies."), said
