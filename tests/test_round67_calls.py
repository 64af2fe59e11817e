"""Round 67: a side that took part at a distance, told in a sentence after the meeting's.

PLOVER CONSULT / CAMEO 040 code a talk at a distance as the sides' consultation, never a
visit: a side that joined by video, by phone or virtually was not there. News often
tells how a side took part after the meeting's own sentence ("Leaders of X and Y met on
Monday. The Y president, who joined by video link, said ..."): round 66 read the
evidence's sentence only, so the visit stood and the meeting stayed one in person. The
next sentences of the same paragraph tell of the same meeting; a later call with a third
party, another event joined at a distance, a third state's leader, another day or
another paragraph's occasion do not recode the meeting in person. Sentences are
generated over names, states, templates and languages.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings

from tests.roles_support import run
from tests.test_round57_languages import meeting
from tests.test_round61_calls import NAMES, STATES, TRIPLES, visit
from tests.test_round66_visits import ADJECTIVES

EACH = settings(max_examples=2, deadline=None)

#: The meeting's own sentence, one a language (en, es, fr, de), in the host state Y.
MET = (
    "President {A} of {X[0]} met President {B} of {Y[0]} in {Y[0]} on Monday.",
    "El presidente {A} de {X[1]} se reunió con el presidente {B} de {Y[1]} en {Y[1]} el lunes.",
    "Le président {A} ({X[2]}) a rencontré le président {B} ({Y[2]}) lundi en {Y[2]}.",
    "Präsident {A} ({X[3]}) traf Präsident {B} ({Y[3]}) am Montag in {Y[3]}.",
)


def _say(template: str, names: list[str], codes: list[str]) -> str:
    (a, b, c), (x, y, z) = names, codes
    parts = {"A": a, "B": b, "C": c, "SB": b.split()[-1], "X": STATES[x], "Y": STATES[y],
             "Z": STATES[z], "YA": ADJECTIVES[y], "ZA": ADJECTIVES[z]}  # fmt: skip
    return template.format(MET=[met.format(**parts) for met in MET], **parts)


def _kept(kind: str, text: str, draft: dict[str, Any]) -> list[tuple[str, Any]]:
    out = run(kind, text, **draft)
    return [
        (r.record_type, r.format if r.record_type == "meeting" else r.host_country)
        for r in out.records
    ]


#: B took part at a distance, told in one of the next sentences of the paragraph.
JOINED_AFTER = [
    "{MET[0]} The {YA[0]} president, who joined by video link, said trade had grown.",
    "{MET[0]} {B}, who joined by video link, said trade had grown.",
    "{MET[0]} {SB}, who took part by videoconference, praised the talks.",
    "{MET[0]} {B} joined the talks by video link from {Y[0]}.",
    "{MET[0]} {SB} took part remotely.",
    "{MET[0]} They discussed trade. The {YA[0]} leader, who joined virtually, agreed on a plan.",
    "{MET[1]} El presidente {YA[1]}, quien participó por videoconferencia, elogió el encuentro.",
    "{MET[1]} {SB}, quien participó de forma virtual, elogió el encuentro.",
    "{MET[2]} Le président {YA[2]}, qui participait par visioconférence, a salué la réunion.",
    "{MET[2]} {SB}, qui participait à distance, a salué la réunion.",
    "{MET[3]} Der {YA[3]} Präsident, der per Video zugeschaltet war, lobte das Treffen.",
    "{MET[3]} {SB}, der virtuell zugeschaltet war, lobte das Treffen.",
]  # fmt: skip


@pytest.mark.parametrize("template", JOINED_AFTER)
@EACH
@given(names=NAMES, codes=TRIPLES)
def test_a_side_that_joined_at_a_distance_after_the_evidence_is_no_visit(
    template: str, names: list[str], codes: list[str]
) -> None:
    """A visit drafted from the meeting's sentence is the sides' call, a meeting drafted
    in person is virtual and derives no visit (fails on main: every template)."""
    text = _say(template, names, codes)
    drafted = visit(names[0], codes[0], names[1], codes[1])
    assert _kept("visit", text, drafted) == [("meeting", "virtual")], text
    drafted = meeting(names[0], codes[0], names[1], codes[1])
    assert _kept("meeting", text, drafted) == [("meeting", "virtual")], text


#: The sides met in person: a later call or another event, a third state's leader or
#: another person, another day, another paragraph, or no one joined from afar.
MET_IN_PERSON = [
    "{MET[0]} {B} later joined a video call with President {C} of {Z[0]}.",
    "{MET[0]} {B} joined a video call with President {C} of {Z[0]} on Tuesday.",
    "{MET[0]} The {ZA[0]} president, who joined by video link, said trade had grown.",
    "{MET[0]} The {YA[0]} president, who joined last week's summit by video link, said trade had grown.",
    "{MET[0]} The wife of the {YA[0]} president, who joined by video link, said trade had grown.",
    "{MET[0]} On Tuesday, the {YA[0]} president, who joined by video link, addressed a summit.",
    "{MET[0]} {B} joined a meeting of NATO by video link.",
    "{MET[0]} The foreign minister, who joined virtually, said trade had grown.",
    "{MET[0]}\n\nAt a summit in Rome, the {YA[0]} president, who joined by video link, spoke of trade.",
    "{MET[0]} Virtually all ministers attended.",
    "{MET[0]} He later joined a video call with President {C} of {Z[0]}.",
    "{MET[1]} El presidente {ZA[1]}, quien participó por videoconferencia, elogió el encuentro.",
    "{MET[1]} El martes, {B} participó por videoconferencia en la cumbre del G20.",
    "{MET[2]} Le président {ZA[2]}, qui participait par visioconférence, a salué la réunion.",
    "{MET[3]} Der {ZA[3]} Präsident, der per Video zugeschaltet war, lobte das Treffen.",
]  # fmt: skip


@pytest.mark.parametrize("template", MET_IN_PERSON)
@EACH
@given(names=NAMES, codes=TRIPLES)
def test_a_meeting_in_person_stays_a_visit(
    template: str, names: list[str], codes: list[str]
) -> None:
    """The near misses of the rule above (kept on main too)."""
    text = _say(template, names, codes)
    drafted = visit(names[0], codes[0], names[1], codes[1])
    assert _kept("visit", text, drafted) == [("visit", codes[1])], text
    drafted = meeting(names[0], codes[0], names[1], codes[1])
    assert _kept("meeting", text, drafted) == [("meeting", "bilateral")], text


@EACH
@given(names=NAMES, codes=TRIPLES)
def test_a_virtual_meeting_at_a_place_derives_no_visit(names: list[str], codes: list[str]) -> None:
    """A meeting drafted at a place in Y, one side of which joined by video as the next
    sentence says, is virtual: no visit to Y is derived from it."""
    text = _say("{MET[0]} {B}, who joined by video link, said trade had grown.", names, codes)
    drafted = {**meeting(names[0], codes[0], names[1], codes[1]), "place": STATES[codes[1]][0]}
    out = run("meeting", text, **drafted)
    assert [r.record_type for r in out.records] == ["meeting"], (text, out.records)
    assert out.records[0].format == "virtual", text
