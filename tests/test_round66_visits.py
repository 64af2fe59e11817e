"""Round 66: a side described before "who joined" at a distance, a side that joined
virtually, and calls received in German and Chinese.

PLOVER CONSULT / CAMEO 040 code a talk at a distance as the sides' consultation, never a
visit: a side that joined by video, by phone or virtually was not there. Round 65 read a
relative clause of taking part at a distance as a side's only after a side's NAME; "the
French president, who joined by video link", "leaders of X and Y, who joined virtually"
describe a side by its title and state, and "joined virtually" had no means phrase at all:
the visit stood, and a meeting drafted from it stayed one in person. A call A received is
read in German only in the preterite ("erhielt einen Anruf von"): the perfect ("hat
einen Anruf von B erhalten"), "empfing einen Anruf" and the Chinese "A接到B的电话" were
lost or kept as a visit. Sentences are generated over names, states, templates and
languages; each template is run over two draws of names and states.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings

from tests.roles_support import run
from tests.test_round57_languages import meeting
from tests.test_round61_calls import NAMES, STATES, TRIPLES, visit

EACH = settings(max_examples=2, deadline=None)

#: The state's adjective: en, es, fr, de (after "der").
ADJECTIVES: dict[str, tuple[str, str, str, str]] = {
    "DEU": ("German", "alemán", "allemand", "deutsche"),
    "FRA": ("French", "francés", "français", "französische"),
    "JPN": ("Japanese", "japonés", "japonais", "japanische"),
    "BRA": ("Brazilian", "brasileño", "brésilien", "brasilianische"),
    "POL": ("Polish", "polaco", "polonais", "polnische"),
    "KEN": ("Kenyan", "keniano", "kényan", "kenianische"),
}  # fmt: skip


def _say(template: str, names: list[str], codes: list[str]) -> str:
    (a, b, c), (x, y, z) = names, codes
    return template.format(
        A=a, B=b, C=c, X=STATES[x], Y=STATES[y], Z=STATES[z], YA=ADJECTIVES[y], ZA=ADJECTIVES[z]
    )


def _kept(kind: str, text: str, draft: dict[str, Any]) -> list[tuple[str, Any]]:
    out = run(kind, text, **draft)
    return [
        (r.record_type, r.format if r.record_type == "meeting" else r.host_country)
        for r in out.records
    ]


#: B (or A) took part at a distance, described by title and state or joined virtually.
JOINED_AT_A_DISTANCE = [
    "President {A} of {X[0]} held talks with President {B} of {Y[0]} on Monday; the {YA[0]} president, who joined by video link, said trade had grown.",
    "President {A} of {X[0]} met President {B} of {Y[0]} on Monday, and the {YA[0]} leader, who took part by videoconference, praised the talks.",
    "President {A} of {X[0]} met President {B} of {Y[0]} on Monday; the leaders of {X[0]} and {Y[0]}, who joined virtually, agreed on trade.",
    "President {A} of {X[0]} met President {B} of {Y[0]} on Monday, who joined virtually.",
    "President {A} of {X[0]} held talks with President {B} of {Y[0]} on Monday; the {YA[0]} president, who took part remotely, said trade had grown.",
    "El presidente {A} de {X[1]} se reunió con el presidente {B} de {Y[1]} el lunes; el presidente {YA[1]}, quien participó por videoconferencia, elogió el encuentro.",
    "El presidente {A} de {X[1]} se reunió con el presidente {B} de {Y[1]} el lunes, quien participó de forma virtual.",
    "Le président {A} ({X[2]}) a rencontré le président {B} ({Y[2]}) lundi; le président {YA[2]}, qui participait par visioconférence, a salué la réunion.",
    "Le président {A} ({X[2]}) a rencontré le président {B} ({Y[2]}) lundi, qui participait à distance.",
    "Präsident {A} ({X[3]}) traf Präsident {B} ({Y[3]}) am Montag; der {YA[3]} Präsident, der per Video zugeschaltet war, lobte das Treffen.",
    "Präsident {A} ({X[3]}) traf Präsident {B} ({Y[3]}) am Montag, der virtuell zugeschaltet war.",
]  # fmt: skip


@pytest.mark.parametrize("template", JOINED_AT_A_DISTANCE)
@EACH
@given(names=NAMES, codes=TRIPLES)
def test_a_side_that_joined_at_a_distance_is_no_visit(
    template: str, names: list[str], codes: list[str]
) -> None:
    """A visit drafted from it is the sides' call, a meeting drafted in person is virtual
    (fails on main: 0/66 of the probe's drafts, visits and meetings)."""
    text = _say(template, names, codes)
    drafted = visit(names[0], codes[0], names[1], codes[1])
    assert _kept("visit", text, drafted) == [("meeting", "virtual")], text
    drafted = meeting(names[0], codes[0], names[1], codes[1])
    assert _kept("meeting", text, drafted) == [("meeting", "virtual")], text


#: A met B in Y in person: a title of a third state or none, another noun, another event,
#: or an adverb that is not of taking part.
MET_IN_PERSON = [
    "President {A} of {X[0]} met President {B} of {Y[0]} in {Y[0]} on Monday; the {ZA[0]} president, who joined by video link, told {A} that trade had grown.",
    "President {A} of {X[0]} met President {B} of {Y[0]} in {Y[0]} on Monday; the {YA[0]} president, who joined last week's summit by video link, said trade had grown.",
    "President {A} of {X[0]} met President {B} of {Y[0]} in {Y[0]} on Monday; the wife of the {YA[0]} president, who joined by video link, said trade had grown.",
    "President {A} of {X[0]} met President {B} of {Y[0]} in {Y[0]} on Monday; the {ZA[0]} president, who joined virtually, said trade had grown.",
    "President {A} of {X[0]} met President {B} of {Y[0]} in {Y[0]} on Monday, and virtually all ministers attended.",
    "President {A} of {X[0]} met President {B} of {Y[0]} in {Y[0]} on Monday; the foreign minister, who joined virtually, said trade had grown.",
    "President {A} of {X[0]} met President {B} of {Y[0]} in {Y[0]} on Monday to discuss keeping children safe online.",
    "President {A} of {X[0]} met President {B} of {Y[0]} in {Y[0]} on Monday, who joined virtually all the sessions.",
    "El presidente {A} de {X[1]} se reunió con el presidente {B} en {Y[1]} el lunes; el presidente {ZA[1]}, quien participó de forma virtual, elogió el encuentro.",
    "Präsident {A} ({X[3]}) traf Präsident {B} am Montag in {Y[3]}; der {ZA[3]} Präsident, der virtuell zugeschaltet war, lobte das Treffen.",
]  # fmt: skip


@pytest.mark.parametrize("template", MET_IN_PERSON)
@EACH
@given(names=NAMES, codes=TRIPLES)
def test_a_meeting_in_person_stays_a_visit(
    template: str, names: list[str], codes: list[str]
) -> None:
    """The near misses of the rule above (kept on main too: 30/30)."""
    text = _say(template, names, codes)
    drafted = visit(names[0], codes[0], names[1], codes[1])
    assert _kept("visit", text, drafted) == [("visit", codes[1])], text
    drafted = meeting(names[0], codes[0], names[1], codes[1])
    assert _kept("meeting", text, drafted) == [("meeting", "bilateral")], text


#: A call A received from B, in German tenses and Chinese words.
RECEIVED = [
    "Präsident {A} ({X[3]}) hat einen Anruf von Präsident {B} ({Y[3]}) erhalten.",
    "Präsident {A} ({X[3]}) hat am Montag einen Anruf von Präsident {B} ({Y[3]}) erhalten.",
    "Präsident {A} ({X[3]}) hat einen Telefonanruf von Präsident {B} ({Y[3]}) empfangen.",
    "Präsident {A} ({X[3]}) hatte am Montag einen Anruf von Präsident {B} ({Y[3]}) bekommen.",
    "Präsident {A} ({X[3]}) empfing einen Anruf von Präsident {B} ({Y[3]}).",
    "Präsident {A} ({X[3]}) erhielt am Montag einen Anruf von Präsident {B} ({Y[3]}).",
    "{X[5]}总统{A}应约同{Y[5]}总统{B}通电话。",
    "{X[5]}总统{A}与{Y[5]}总统{B}通电话。",
    "{X[5]}总统{A}接到{Y[5]}总统{B}的电话。",
    "{X[5]}总统{A}周一接到{Y[5]}总统{B}打来的电话。",
    "{X[5]}总统{A}接听了{Y[5]}总统{B}的电话。",
]  # fmt: skip
#: Not a call that took place, or not a call.
NOT_RECEIVED = [
    "Präsident {A} ({X[3]}) wird am Montag einen Anruf von Präsident {B} ({Y[3]}) erhalten.",
    "Präsident {A} ({X[3]}) hat keinen Anruf von Präsident {B} ({Y[3]}) erhalten.",
    "Präsident {A} ({X[3]}) hat einen Brief von Präsident {B} ({Y[3]}) erhalten.",
    "{X[5]}总统{A}将与{Y[5]}总统{B}通电话。",
    "{X[5]}总统{A}没有接到{Y[5]}总统{B}的电话。",
    "{X[5]}总统{A}拒绝与{Y[5]}总统{B}通电话。",
    "{X[5]}总统{A}接到{Y[5]}总统{B}的邀请。",
]  # fmt: skip


@pytest.mark.parametrize("template", RECEIVED)
@EACH
@given(names=NAMES, codes=TRIPLES)
def test_a_call_received_is_a_virtual_meeting(
    template: str, names: list[str], codes: list[str]
) -> None:
    """Fails on main for the German perfect, "empfing" and Chinese "接到" (probe: 27/48
    recoded before, 48/48 after)."""
    text = _say(template, names, codes)
    out = run("visit", text, **visit(names[0], codes[0], names[1], codes[1]))
    kept = [(r.record_type, r.format, set(r.countries_involved)) for r in out.records]
    assert kept == [("meeting", "virtual", {codes[0], codes[1]})], (text, out.records)


@pytest.mark.parametrize("template", NOT_RECEIVED)
@EACH
@given(names=NAMES, codes=TRIPLES)
def test_no_call_is_invented(template: str, names: list[str], codes: list[str]) -> None:
    """The near misses: a call to come, denied or refused, a letter, an invitation."""
    text = _say(template, names, codes)
    out = run("visit", text, **visit(names[0], codes[0], names[1], codes[1]))
    assert not out.records, (text, out.records)
