"""Round 62: a call is read in its own clause and its own language.

Round 61 recoded a visit draft that describes a call as a meeting only when the two sides
talked with each other and nothing said the talk did not take place. A probe found that
the words saying so were looked for anywhere in the sentence and in every language at
once: "reported" (French "reporté"), "Narendra" (a French future), "María" (a Spanish
conditional), "the upcoming election" after the call, "who invited him" in a relative
clause all lost calls that happened; and that a future or wish said with words the
tables lacked ("is to", "mantendrá", "собирается", "愿同"), or a talk of someone else
("An aide to A", "C" in another clause) made meetings of calls that never were.

The rules now read (a) the talk's subject in its own clause (it ends at a clause break;
a name that complements another noun, "the wife of A", is no subject), its party list
over each party's state ("with C of Z and B of Y"), a party before the verb ("A hat mit
B telefoniert", "С B президент A провёл разговор"), and (b) the words that say a talk
did not take place only in that clause, from its subject to the end of its party and
time, and only of the sentence's language. A call the model drafted as a meeting with
other spellings of the same names ("Holm", "President Lars Holm") is not repeated.
Sentences are generated over names, states and templates in en, es, fr, de, ru, zh.
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.pipeline.answers import answer_model
from extractor.pipeline.resolve import Article, resolve
from extractor.text.sentences import split_sentences
from tests.roles_support import run
from tests.test_round57_direction import person
from tests.test_round61_calls import NAMES, STATES, TRIPLES, _both, _say, visit

EACH = settings(max_examples=3, deadline=None)
FAST = settings(max_examples=15, deadline=None)

#: Calls that took place, with words around them that say nothing of whether they did.
HAPPENED = [
    "President {A} of {X[0]} spoke by phone with President {B} of {Y[0]}, state media reported.",
    "President {A} of {X[0]} spoke by phone with President {B} of {Y[0]} on Monday, Reuters reported.",
    "President {A} of {X[0]} told reporters he had spoken by phone with President {B} of {Y[0]}.",
    "Prime Minister Narendra {A} of {X[0]} spoke by phone with President {B} of {Y[0]} on Monday.",
    "President Alexandra {A} of {X[0]} spoke by phone with President {B} of {Y[0]} on Monday.",
    "President {A} of {X[0]} spoke by phone with President María {B} of {Y[0]} on Monday.",
    "President {A} of {X[0]} spoke by phone with President {B} of {Y[0]} and invited him to Paris.",
    "President {A} of {X[0]} spoke by phone with President {B} of {Y[0]} and asked for help.",
    "President {A} of {X[0]} spoke by phone with President {B} of {Y[0]}, who thanked him for the invitation.",
    "President {A} of {X[0]} spoke by phone with President {B} of {Y[0]}, not for the first time.",
    "President {A} of {X[0]} spoke by phone with President {B} of {Y[0]} ahead of next week's summit.",
    "President {A} of {X[0]} spoke by phone with President {B} of {Y[0]} about the upcoming election.",
    "President {A} of {X[0]} spoke by phone with President {B} of {Y[0]} about whether to extend the truce.",
    "President {A} of {X[0]} spoke by phone with President {B} of {Y[0]} about the failed coup.",
    "President {A} of {X[0]} spoke by phone with President {B} of {Y[0]} about a proposed ceasefire.",
    "President {A} of {X[0]} spoke by phone with President {B} of {Y[0]} about delayed aid.",
    "President {A} of {X[0]} spoke by phone with President {B} of {Y[0]} about the can industry.",
    "President {A} of {X[0]} spoke by phone with President {B} of {Y[0]} about the camera ban.",
    "President {A} of {X[0]} spoke by phone with Chancellor {C} of {Z[0]} and President {B} of {Y[0]}.",
    "President {A} of {X[0]} and President {B} of {Y[0]} spoke by phone on Monday.",
    "El presidente {A} de {X[1]} habló por teléfono con la presidenta María {B} de {Y[1]}.",
    "El presidente {A} de {X[1]} habló por teléfono con el presidente {B} de {Y[1]} sobre la frontera.",
    "Con el presidente {B} de {Y[1]} habló por teléfono el presidente {A} de {X[1]}.",
    "Le président {A} ({X[2]}) a parlé au téléphone avec le président {B} ({Y[2]}) du programme nucléaire.",
    "Präsident {A} ({X[3]}) hat am Montag mit Präsident {B} ({Y[3]}) telefoniert.",
    "Am Montag hat Präsident {A} ({X[3]}) mit Präsident {B} ({Y[3]}) telefoniert.",
    "Präsident {A} ({X[3]}) telefonierte mit Präsident {B} ({Y[3]}), nachdem dieser noch gewarnt hatte.",
    "Präsident {A} ({X[3]}) telefonierte mit Präsident {B} ({Y[3]}) über das Programm.",
    "Президент {A} из {X[4]} провёл телефонный разговор с президентом {B} из {Y[4]}, который находится в Москве.",
    "Президент {A} из {X[4]} провёл телефонный разговор с президентом {B} из {Y[4]} о будущем отношений.",
    "С президентом {B} из {Y[4]} президент {A} из {X[4]} провёл телефонный разговор.",
    "{X[5]}总统{A}同{Y[5]}总理{B}通电话，双方同意不断深化合作。",
    "{X[5]}总统{A}同{Y[5]}总理{B}通电话，讨论将军事合作。",
    "{X[5]}总统{A}与{Y[5]}总理{B}通电话，希望加强合作。",
    "{X[5]}总统{A}同{Y[5]}总理{B}通电话，双方就不扩散问题交换意见。",
]  # fmt: skip

#: Calls only planned, wished for or denied, and calls of someone else than the sides.
NOT_HAPPENED = [
    "President {A} of {X[0]} is to speak by phone with President {B} of {Y[0]} on Friday.",
    "President {A} of {X[0]} is slated to hold a phone call with President {B} of {Y[0]}.",
    "President {A} of {X[0]} is poised to speak by phone with President {B} of {Y[0]}.",
    "President {A} of {X[0]} was supposed to speak by phone with President {B} of {Y[0]}.",
    "President {A} of {X[0]} wishes to speak by phone with President {B} of {Y[0]}.",
    "President {A} of {X[0]} aims to hold a phone call with President {B} of {Y[0]}.",
    "President {A} of {X[0]} is eager to hold a phone call with President {B} of {Y[0]}.",
    "President {A} of {X[0]} is preparing for a phone call with President {B} of {Y[0]}.",
    "President {A} of {X[0]} is looking forward to speaking by phone with President {B} of {Y[0]}.",
    "President {A} of {X[0]} awaits a phone call with President {B} of {Y[0]}.",
    "The Kremlin rejected reports that President {A} of {X[0]} spoke by phone with President {B} of {Y[0]}.",
    "Officials dismissed claims that President {A} of {X[0]} had spoken by phone with President {B} of {Y[0]}.",
    "Reports that President {A} of {X[0]} spoke by phone with President {B} of {Y[0]} were false.",
    "An aide to President {A} of {X[0]} spoke by phone with President {B} of {Y[0]}.",
    "The wife of President {A} of {X[0]} spoke by phone with President {B} of {Y[0]}.",
    "A spokesman for President {A} of {X[0]} spoke by phone with President {B} of {Y[0]}.",
    "Envoys sent by President {A} of {X[0]} spoke by phone with President {B} of {Y[0]}.",
    "Opponents of President {A} of {X[0]} held a phone call with President {B} of {Y[0]}.",
    "President {A} of {X[0]} criticised the deal, and Chancellor {C} of {Z[0]} spoke by phone with President {B} of {Y[0]}.",
    "President {A} of {X[0]} stayed silent; Chancellor {C} of {Z[0]} spoke by phone with President {B} of {Y[0]}.",
    "El presidente {A} de {X[1]} mantendrá una conversación telefónica con el presidente {B} de {Y[1]}.",
    "El presidente {A} de {X[1]} sostendrá una llamada con el presidente {B} de {Y[1]}.",
    "El presidente {A} de {X[1]} tendrá una llamada con el presidente {B} de {Y[1]} el viernes.",
    "Le président {A} ({X[2]}) compte s'entretenir au téléphone avec le président {B} ({Y[2]}).",
    "Le président {A} ({X[2]}) s'apprête à s'entretenir au téléphone avec le président {B} ({Y[2]}).",
    "Le président {A} ({X[2]}) a l'intention de parler au téléphone avec le président {B} ({Y[2]}).",
    "Präsident {A} ({X[3]}) telefoniert nächste Woche mit Präsident {B} ({Y[3]}).",
    "Президент {A} из {X[4]} обсудит по телефону с президентом {B} из {Y[4]} торговлю.",
    "Президент {A} из {X[4]} собирается поговорить по телефону с президентом {B} из {Y[4]}.",
    "Ожидается телефонный разговор президента {A} из {X[4]} с президентом {B} из {Y[4]}.",
    "Президент {A} из {X[4]} побеседует по телефону с президентом {B} из {Y[4]}.",
    "Президент {A} из {X[4]} свяжется по телефону с президентом {B} из {Y[4]}.",
    "{X[5]}总统{A}愿同{Y[5]}总理{B}通电话。",
    "{X[5]}总统{A}想同{Y[5]}总理{B}通电话。",
    "{X[5]}总统{A}下周同{Y[5]}总理{B}通电话。",
    "{X[5]}总统{A}定于周五同{Y[5]}总理{B}通电话。",
    "{X[5]}总统{A}同意与{Y[5]}总理{B}通电话。",
    "{X[5]}总统{A}期待同{Y[5]}总理{B}通电话。",
    "{X[5]}总统{A}寻求同{Y[5]}总理{B}通电话。",
    "{X[5]}总统{A}有望同{Y[5]}总理{B}通电话。",
    "{X[5]}总统{A}批评了协议，{Z[5]}总理{C}同{Y[5]}总理{B}通电话。",
]  # fmt: skip


@pytest.mark.parametrize("template", HAPPENED)
@EACH
@given(names=NAMES, codes=TRIPLES)
def test_a_call_that_happened_is_a_meeting_whatever_else_its_sentence_says(
    template: str, names: list[str], codes: list[str]
) -> None:
    text = _say(template, names, codes)
    out = run("visit", text, **visit(names[0], codes[0], names[1], codes[1]))
    assert [r.record_type for r in out.records] == ["meeting"], (text, out.drops)
    assert {a.name for a in out.records[0].participants} == set(names[:2])


@pytest.mark.parametrize("template", NOT_HAPPENED)
@EACH
@given(names=NAMES, codes=TRIPLES)
def test_no_meeting_of_a_call_only_planned_denied_or_of_someone_else(
    template: str, names: list[str], codes: list[str]
) -> None:
    text = _say(template, names, codes)
    out = run("visit", text, **visit(names[0], codes[0], names[1], codes[1]))
    assert "meeting" not in [r.record_type for r in out.records], (text, out.records)


@FAST
@given(NAMES, TRIPLES, st.sampled_from(["surname", "title"]))
def test_a_call_the_model_named_otherwise_is_not_repeated_from_its_visit(
    names: list[str], codes: list[str], spelling: str
) -> None:
    """The model's meeting names the people by surname ("Holm") or with their titles
    ("President Lars Holm"), its visit by their full names: the same talk, once."""
    (a, b, c), (x, y, z) = names, codes
    text = (
        f"President {a} of {STATES[x][0]} spoke by phone on Monday with President {b} of "
        f"{STATES[y][0]} and Prime Minister {c} of {STATES[z][0]} about trade."
    )
    if spelling == "surname":
        written = [n.split()[-1] for n in names]
    else:
        written = [f"President {a}", f"President {b}", f"Prime Minister {c}"]
    meeting = {"participants": [person(n, s) for n, s in zip(written, codes, strict=True)],
               "countries": list(codes), "format": "virtual", "place": None, "date": None,
               "topics": [], "status": "occurred", "attribution": None, "evidence": [1]}  # fmt: skip
    out = _both(text, visit(a, x, b, y), meeting)
    assert [r.record_type for r in out.records] == ["meeting"], (text, out.records)
    assert {p.name for p in out.records[0].participants} == set(written)


# -- Second pass: the sentence around the talk, the talk's own subject, names ---------------

#: Calls a source claims and the sentence doubts or denies outside the talk's clause, and
#: calls of two other people that a side reported: no meeting of the sides.
DOUBTED_OR_OTHERS = [
    "Sources claimed President {A} of {X[0]} spoke by phone with President {B} of {Y[0]}, but this could not be verified.",
    "Diplomats speculated that President {A} of {X[0]} had spoken by phone with President {B} of {Y[0]}.",
    "Officials doubted that President {A} of {X[0]} spoke by phone with President {B} of {Y[0]}.",
    "Nobody believes that President {A} of {X[0]} spoke by phone with President {B} of {Y[0]}.",
    "Rumours that President {A} of {X[0]} spoke by phone with President {B} of {Y[0]} spread on Monday.",
    "A blogger falsely claimed that President {A} of {X[0]} spoke by phone with President {B} of {Y[0]}.",
    "President {A} of {X[0]} allegedly spoke by phone with President {B} of {Y[0]}.",
    "President {A} of {X[0]} is unlikely to speak by phone with President {B} of {Y[0]}.",
    "President {A} of {X[0]} told reporters that Chancellor {C} of {Z[0]} had spoken by phone with President {B} of {Y[0]}.",
    "President {A} of {X[0]} said Chancellor {C} of {Z[0]} had spoken by phone with President {B} of {Y[0]}.",
    "The foreign minister of President {A} of {X[0]} spoke by phone with President {B} of {Y[0]}.",
    "Fuentes afirmaron que el presidente {A} de {X[1]} habló por teléfono con el presidente {B} de {Y[1]}, pero no se pudo verificar.",
    "Es falso que el presidente {A} de {X[1]} habló por teléfono con el presidente {B} de {Y[1]}.",
    "El presidente {A} de {X[1]} dijo que el canciller {C} de {Z[1]} habló por teléfono con el presidente {B} de {Y[1]}.",
    "Le président {A} ({X[2]}) a dit que le chancelier {C} ({Z[2]}) a parlé au téléphone avec le président {B} ({Y[2]}).",
    "Des rumeurs affirment que le président {A} ({X[2]}) a parlé au téléphone avec le président {B} ({Y[2]}).",
    "Es ist falsch, dass Präsident {A} ({X[3]}) mit Präsident {B} ({Y[3]}) telefoniert hat.",
    "Berichte, wonach Präsident {A} ({X[3]}) mit Präsident {B} ({Y[3]}) telefoniert hat, wurden dementiert.",
    "Präsident {A} ({X[3]}) wollte mit Präsident {B} ({Y[3]}) telefonieren, doch das Gespräch kam nicht zustande.",
    "Präsident {A} ({X[3]}) sagte, Kanzler {C} ({Z[3]}) habe mit Präsident {B} ({Y[3]}) telefoniert.",
    "Источники утверждают, что президент {A} из {X[4]} провёл телефонный разговор с президентом {B} из {Y[4]}, но подтверждений нет.",
    "Неправда, что президент {A} из {X[4]} провёл телефонный разговор с президентом {B} из {Y[4]}.",
    "Президент {A} из {X[4]} заявил, что канцлер {C} из {Z[4]} провёл телефонный разговор с президентом {B} из {Y[4]}.",
    "有传言称{X[5]}总统{A}同{Y[5]}总理{B}通电话，但未获证实。",
]  # fmt: skip

#: Calls that took place, reported by one of the sides or by a source that says nothing
#: against them.
HAPPENED_REPORTED = [
    "President {A} of {X[0]} said he had spoken by phone with President {B} of {Y[0]}.",
    "Officials said that President {A} of {X[0]} spoke by phone with President {B} of {Y[0]}.",
    "The ministry confirmed that President {A} of {X[0]} spoke by phone with President {B} of {Y[0]}.",
    "President {A} of {X[0]} spoke by phone with President {B} of {Y[0]}, who denied any role in the coup.",
    "Präsident {A} ({X[3]}) sagte, er habe mit Präsident {B} ({Y[3]}) telefoniert.",
    "El presidente {A} de {X[1]} dijo que habló por teléfono con el presidente {B} de {Y[1]}.",
]  # fmt: skip


@pytest.mark.parametrize("template", DOUBTED_OR_OTHERS)
@EACH
@given(names=NAMES, codes=TRIPLES)
def test_no_meeting_of_a_call_the_sentence_doubts_or_of_others_a_side_reported(
    template: str, names: list[str], codes: list[str]
) -> None:
    text = _say(template, names, codes)
    out = run("visit", text, **visit(names[0], codes[0], names[1], codes[1]))
    assert "meeting" not in [r.record_type for r in out.records], (text, out.records)


@pytest.mark.parametrize("template", HAPPENED_REPORTED)
@EACH
@given(names=NAMES, codes=TRIPLES)
def test_a_call_reported_without_doubt_is_a_meeting(
    template: str, names: list[str], codes: list[str]
) -> None:
    text = _say(template, names, codes)
    out = run("visit", text, **visit(names[0], codes[0], names[1], codes[1]))
    assert [r.record_type for r in out.records] == ["meeting"], (text, out.drops)


#: Names whose words are also words that say a talk did not take place, each with a
#: sentence of the language whose cue it looks like.
_EN = "President {A} of {X[0]} spoke by phone with President {B} of {Y[0]}."
_ES = "El presidente {A} de {X[1]} habló por teléfono con el presidente {B} de {Y[1]}."
_FR = "Le président {A} ({X[2]}) a parlé au téléphone avec le président {B} ({Y[2]})."
_DE = "Präsident {A} ({X[3]}) hat am Montag mit Präsident {B} ({Y[3]}) telefoniert."
_RU = "Президент {A} из {X[4]} провёл телефонный разговор с президентом {B} из {Y[4]}."
CUE_LIKE_NAMES = [(_EN, "Will Smith"), (_EN, "Hope Hicks"), (_EN, "Can Dündar"),
                  (_EN, "Denis Plan"), (_DE, "Hans Wird"), (_FR, "Jean Va"),
                  (_ES, "Iván Quiere"), (_RU, "Иван Будет")]  # fmt: skip


@pytest.mark.parametrize(("template", "name"), CUE_LIKE_NAMES)
@EACH
@given(names=NAMES, codes=TRIPLES)
def test_a_name_after_a_title_is_no_future_or_modal(
    template: str, name: str, names: list[str], codes: list[str]
) -> None:
    names = [name, *names[1:]]
    text = _say(template, names, codes)
    out = run("visit", text, **visit(names[0], codes[0], names[1], codes[1]))
    assert [r.record_type for r in out.records] == ["meeting"], (text, out.drops)


#: Two people who share a name word and are not one person.
NAMESAKES = [("King Charles", "Charles Michel"), ("Kim Yo Jong", "Kim Jong Un"),
             ("Wang Yi", "Wang Wenbin"), ("Prince William", "William Ruto"),
             ("Sheikh Mohammed", "Mohammed bin Salman"), ("Queen Margrethe", "Margrethe Vestager")]  # fmt: skip


@pytest.mark.parametrize(("one", "other"), NAMESAKES)
@EACH
@given(codes=TRIPLES)
def test_a_call_with_a_namesake_is_not_taken_for_the_models_meeting(
    one: str, other: str, codes: list[str]
) -> None:
    """The model's meeting of ``one`` and C, the visit of ``other`` to C from the next
    sentence: ``other``'s call is a talk of its own."""
    x, y, z = codes
    text = (
        f"{one} of {STATES[x][0]} spoke by phone with President Lars Holm of {STATES[z][0]}. "
        f"{other} of {STATES[y][0]} also spoke by phone with President Lars Holm of "
        f"{STATES[z][0]}."
    )
    meeting = {"participants": [person(one, x), person("Lars Holm", z)],
               "countries": [x, z], "format": "virtual", "place": None, "date": None,
               "topics": [], "status": "occurred", "attribution": None, "evidence": [1, 2]}  # fmt: skip
    out = _both(text, {**visit(other, y, "Lars Holm", z), "evidence": [2]}, meeting)
    assert [r.record_type for r in out.records] == ["meeting", "meeting"], (text, out.records)


@pytest.mark.parametrize(("one", "other"), [("President Lars Holm", "Lars Holm"),
                                            ("Holm", "Lars Holm"), ("Mr. L. Holm", "Lars Holm")])  # fmt: skip
def test_a_name_with_titles_or_initials_is_the_same_person(one: str, other: str) -> None:
    from extractor.pipeline.resolve import _same_person

    assert _same_person(one.casefold(), other.casefold())


THREE_PARTY = [
    "President {A} of {X[0]} spoke by phone with President {B} of {Y[0]} and Prime Minister {C} of {Z[0]}.",
    "El presidente {A} de {X[1]} habló por teléfono con el presidente {B} de {Y[1]} y el primer ministro {C} de {Z[1]}.",
    "Präsident {A} ({X[3]}) telefonierte mit Präsident {B} ({Y[3]}) und Premierminister {C} ({Z[3]}).",
]  # fmt: skip


@pytest.mark.parametrize("template", THREE_PARTY)
@EACH
@given(names=NAMES, codes=TRIPLES)
def test_a_call_of_three_drafted_as_two_visits_is_one_meeting(
    template: str, names: list[str], codes: list[str]
) -> None:
    (a, b, c), (x, y, z) = names, codes
    text = _say(template, names, codes)
    model = answer_model(("visit",))
    (plural,) = model.list_fields
    draft_class = model.model_fields[plural].annotation.__args__[0]
    drafts = [draft_class(**visit(a, x, b, y)), draft_class(**visit(a, x, c, z))]
    answer = model.model_construct(**{plural: drafts})
    article = Article(text=text, sentences=split_sentences(text), published=date(2025, 3, 12))
    out = resolve(answer, article)
    assert [r.record_type for r in out.records] == ["meeting"], (text, out.records)
    assert {p.name for p in out.records[0].participants} == {a, b, c}
    assert set(out.records[0].countries_involved) == {x, y, z}
