"""Round 63: a call's parties end where a clause of their own begins, and only a word
that governs the talk says it did not take place.

Round 62 read a talk's party list over each party's state ("with C of Z and B of Y") and
looked for words of doubt over the talk's whole sentence and for words of the future or
of a wish over the talk's clause. A probe found (a) that the list ran on over ", and"
into the subject of another clause ("..., and B of Y praised the call" made a call of A
and B that never was), and (b) that doubt words in the talk's topic ("about the alleged
attack") or in a later clause with an object of its own ("and condemned the fake news
campaign"), and words of the future inside an adjunct the clause was not cut at ("de
cara a la próxima cumbre", "im Vorfeld des nächsten Gipfels", "a long-awaited call",
"通电话并同意加强合作") lost calls that took place.

Principles: a name followed by its own finite verb is the subject of a new clause, never
a party of the talk; doubt about the talk is a word governing the clause that reports it
(a matrix "claimed that", "allegedly", a later "could not be verified" about it), not one
inside its topic or in a coordinated clause with its own object; an adjunct of occasion
or purpose ends what is said of the talk. Sentences are generated over names, states and
templates in en, es, fr, de, ru, zh.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings

from tests.roles_support import run
from tests.test_round61_calls import NAMES, TRIPLES, _say, visit
from tests.test_round63_join import _meetings, _resolve

EACH = settings(max_examples=4, deadline=None)

#: B is the subject of a clause of its own after A's call with C: no call of A and B.
ANOTHER_CLAUSE = [
    "President {A} of {X[0]} spoke by phone with President {C} of {Z[0]}, and President {B} of {Y[0]} praised the call.",
    "President {A} of {X[0]} held a phone call with President {C} of {Z[0]}, and President {B} of {Y[0]} said he was not consulted.",
    "President {A} of {X[0]} spoke by phone with President {C} of {Z[0]} and President {B} of {Y[0]} denounced it.",
    "{A} of {X[0]} spoke by phone with {C} of {Z[0]}, and {B} of {Y[0]} also criticised the call.",
    "El presidente {A} de {X[1]} habló por teléfono con el presidente {C} de {Z[1]}, y el presidente {B} de {Y[1]} criticó la llamada.",
    "{A} ({X[1]}) habló por teléfono con {C} ({Z[1]}) y {B} ({Y[1]}) lamentó la llamada.",
    "Le président {A} ({X[2]}) s'est entretenu au téléphone avec le président {C} ({Z[2]}), et {B} ({Y[2]}) a salué l'appel.",
    "Präsident {A} ({X[3]}) telefonierte mit Präsident {C} ({Z[3]}), und {B} ({Y[3]}) begrüßte das Gespräch.",
    "Президент {A} из {X[4]} провёл телефонный разговор с президентом {C} из {Z[4]}, и {B} из {Y[4]} раскритиковал его.",
]  # fmt: skip

#: B is the last party of A's call, after which comes a time, a mode, a topic or the
#: talk's own verb: the call of A, C and B.
LISTED_PARTY = [
    "President {A} of {X[0]} spoke by phone with President {C} of {Z[0]} and President {B} of {Y[0]} on Monday.",
    "President {A} of {X[0]} spoke by phone with President {C} of {Z[0]}, and President {B} of {Y[0]}, state media said.",
    "President {A} of {X[0]} held a video call with President {C} of {Z[0]} and President {B} of {Y[0]} yesterday.",
    "President {A} of {X[0]} spoke by phone with President {C} of {Z[0]} and President {B} of {Y[0]} about trade.",
    "El presidente {A} de {X[1]} habló por teléfono con el presidente {C} de {Z[1]} y el presidente {B} de {Y[1]} el lunes.",
    "Le président {A} ({X[2]}) a parlé au téléphone avec le président {C} ({Z[2]}) et le président {B} ({Y[2]}) lundi.",
    "Präsident {A} ({X[3]}) hat mit Präsident {C} ({Z[3]}) und Präsident {B} ({Y[3]}) telefoniert.",
    "Präsident {A} ({X[3]}) telefonierte mit Präsident {C} ({Z[3]}) und Präsident {B} ({Y[3]}) am Montag.",
    "Президент {A} из {X[4]} провёл телефонный разговор с президентом {C} из {Z[4]} и президентом {B} из {Y[4]} в понедельник.",
]  # fmt: skip


@pytest.mark.parametrize("template", ANOTHER_CLAUSE)
@EACH
@given(names=NAMES, codes=TRIPLES)
def test_a_name_with_its_own_verb_is_no_party_of_the_call(
    template: str, names: list[str], codes: list[str]
) -> None:
    text = _say(template, names, codes)
    out = run("visit", text, **visit(names[0], codes[0], names[1], codes[1]))
    assert "meeting" not in [r.record_type for r in out.records], (text, out.records)


@pytest.mark.parametrize("template", LISTED_PARTY)
@EACH
@given(names=NAMES, codes=TRIPLES)
def test_the_last_party_of_a_list_is_still_a_party(
    template: str, names: list[str], codes: list[str]
) -> None:
    text = _say(template, names, codes)
    out = run("visit", text, **visit(names[0], codes[0], names[1], codes[1]))
    assert [r.record_type for r in out.records] == ["meeting"], (text, out.drops)
    assert set(names[:2]) <= {a.name for a in out.records[0].participants}


#: Calls that took place, with a word of doubt in their topic or in a later clause with
#: its own object, or a word of the future or of a wish inside an adjunct or another word.
HAPPENED = [
    "President {A} of {X[0]} spoke by phone with President {B} of {Y[0]} about the alleged attack on a convoy.",
    "President {A} of {X[0]} spoke by phone with President {B} of {Y[0]} about claims that {Z[0]} had violated the truce.",
    "President {A} of {X[0]} spoke by phone with President {B} of {Y[0]} on Monday and condemned the fake news campaign.",
    "President {A} of {X[0]} spoke by phone with President {B} of {Y[0]} on Monday; both rejected the claims that {Z[0]} was involved.",
    "President {A} of {X[0]} spoke by phone with President {B} of {Y[0]}, their first call since an alleged coup attempt.",
    "President {A} of {X[0]} held a long-awaited phone call with President {B} of {Y[0]} on Monday.",
    "President {A} of {X[0]} spoke by phone with President {B} of {Y[0]} in an eagerly awaited call.",
    "President {A} of {X[0]} spoke by phone with President {B} of {Y[0]} in preparation for the summit.",
    "El presidente {A} de {X[1]} habló por teléfono con el presidente {B} de {Y[1]} sobre las supuestas violaciones del alto el fuego.",
    "El presidente {A} de {X[1]} habló por teléfono con el presidente {B} de {Y[1]} de cara a la próxima cumbre.",
    "El presidente {A} de {X[1]} habló por teléfono con el presidente {B} de {Y[1]} en vísperas de la próxima cumbre.",
    "El presidente {A} de {X[1]} habló por teléfono con el presidente {B} de {Y[1]} en busca de una desescalada.",
    "El presidente {A} de {X[1]} habló el lunes por la mañana por teléfono con el presidente {B} de {Y[1]}.",
    "Le président {A} ({X[2]}) a parlé au téléphone avec le président {B} ({Y[2]}) des prétendues violations de la trêve.",
    "Le président {A} ({X[2]}) a parlé au téléphone avec le président {B} ({Y[2]}) en vue du prochain sommet.",
    "Präsident {A} ({X[3]}) telefonierte am Montag mit Präsident {B} ({Y[3]}) im Vorfeld des nächsten Gipfels.",
    "Präsident {A} ({X[3]}) telefonierte am Montag mit Präsident {B} ({Y[3]}) über angebliche Verstöße gegen die Waffenruhe.",
    "Präsident {A} ({X[3]}) hat gestern Morgen mit Präsident {B} ({Y[3]}) telefoniert.",
    "Президент {A} из {X[4]} провёл телефонный разговор с президентом {B} из {Y[4]} в преддверии следующего саммита.",
    "Президент {A} из {X[4]} провёл телефонный разговор с президентом {B} из {Y[4]} и обсудил слухи о перемирии.",
    "{X[5]}总统{A}同{Y[5]}总理{B}通电话并同意加强合作。",
    "{X[5]}总统{A}同{Y[5]}总理{B}通电话，双方驳斥了有关传言。",
    "{X[5]}总统{A}同{Y[5]}总理{B}就落实两国元首共识和思想交流通电话。",
]  # fmt: skip

#: Calls the sentence doubts or denies after the talk, about the talk: still no meeting.
DOUBTED_AFTER = [
    "President {A} of {X[0]} spoke by phone with President {B} of {Y[0]} about the attack, but this could not be verified.",
    "President {A} of {X[0]} spoke by phone with President {B} of {Y[0]}, but the report was denied.",
    "El presidente {A} de {X[1]} habló por teléfono con el presidente {B} de {Y[1]} sobre la cumbre, pero no se pudo verificar.",
    "Le président {A} ({X[2]}) a parlé au téléphone avec le président {B} ({Y[2]}), mais cela n'a pas été confirmé.",
    "Präsident {A} ({X[3]}) telefonierte mit Präsident {B} ({Y[3]}) über den Gipfel, doch das wurde dementiert.",
    "Президент {A} из {X[4]} провёл телефонный разговор с президентом {B} из {Y[4]}, но подтверждений нет.",
    "{X[5]}总统{A}同{Y[5]}总理{B}就合作通电话，但未获证实。",
]  # fmt: skip


@pytest.mark.parametrize("template", HAPPENED)
@EACH
@given(names=NAMES, codes=TRIPLES)
def test_a_doubt_or_future_word_about_something_else_keeps_the_call(
    template: str, names: list[str], codes: list[str]
) -> None:
    text = _say(template, names, codes)
    out = run("visit", text, **visit(names[0], codes[0], names[1], codes[1]))
    assert [r.record_type for r in out.records] == ["meeting"], (text, out.drops)
    assert {a.name for a in out.records[0].participants} == set(names[:2])


@pytest.mark.parametrize("template", DOUBTED_AFTER)
@EACH
@given(names=NAMES, codes=TRIPLES)
def test_a_later_clause_that_doubts_the_talk_still_denies_it(
    template: str, names: list[str], codes: list[str]
) -> None:
    text = _say(template, names, codes)
    out = run("visit", text, **visit(names[0], codes[0], names[1], codes[1]))
    assert "meeting" not in [r.record_type for r in out.records], (text, out.records)


# -- A visit to come decides no direction ------------------------------------------------

#: Accusative country names for Russian "посетить X".
_RU_TO = {"DEU": "Германию", "FRA": "Францию", "JPN": "Японию", "BRA": "Бразилию",
          "POL": "Польшу", "KEN": "Кению"}  # fmt: skip

#: A's state hosted B's: B visited X. A's or B's visit to Y is only invited or planned.
RETURN_VISIT = [
    "President {A} of {X[0]} hosted President {B} of {Y[0]} on Tuesday and accepted an invitation to visit {Y[0]} next year.",
    "President {A} of {X[0]} hosted President {B} of {Y[0]} on Tuesday and said she will visit {Y[0]} in May.",
    "President {A} of {X[0]} received President {B} of {Y[0]}, who invited her to visit {Y[0]}.",
    "President {A} of {X[0]} welcomed President {B} of {Y[0]} on Tuesday and plans to visit {Y[0]} next year.",
    "El presidente {A} de {X[1]} recibió al presidente {B} de {Y[1]} el martes y aceptó una invitación para visitar {Y[1]}.",
    "El presidente {A} de {X[1]} recibió al presidente {B} de {Y[1]} el martes y visitará {Y[1]} en mayo.",
    "Le président {A} ({X[2]}) a reçu le président {B} ({Y[2]}) mardi et a accepté une invitation à visiter {Y[2]}.",
    "Президент {A} из {X[4]} принял президента {B} из {Y[4]} и принял приглашение посетить {R}.",
    "{X[5]}总统{A}会见{Y[5]}总统{B}，并接受邀请访问{Y[5]}。",
    "{X[5]}总统{A}会见{Y[5]}总统{B}，{A}将于明年访问{Y[5]}。",
]  # fmt: skip

#: A trip made at someone's invitation is a trip that took place: it still decides.
AT_INVITATION = [
    "President {B} of {Y[0]} visited {X[0]} at the invitation of President {A}.",
    "El presidente {B} de {Y[1]} visitó {X[1]} por invitación del presidente {A}.",
    "{Y[5]}总统{B}应{X[5]}总统{A}邀请访问{X[5]}。",
    "{Y[5]}总统{B}应邀访问{X[5]}，同{X[5]}总统{A}会谈。",
]  # fmt: skip


def _visited(template: str, names: list[str], codes: list[str], swapped: bool) -> Any:
    """The visit of B (of Y) to X drafted the right way or the wrong way round."""
    (a, b, _), (x, y, _) = names, codes
    text = _say(template.replace("{R}", _RU_TO[codes[1]]), names, codes)
    draft = visit(a, x, b, y) if swapped else visit(b, y, a, x)
    return text, run("visit", text, **draft)


@pytest.mark.parametrize("template", RETURN_VISIT)
@EACH
@given(names=NAMES, codes=TRIPLES)
def test_an_invited_or_planned_return_visit_does_not_reverse_a_right_draft(
    template: str, names: list[str], codes: list[str]
) -> None:
    text, out = _visited(template, names, codes, swapped=False)
    visits = [(r.visitor_country, r.host_country) for r in out.records if r.record_type == "visit"]
    assert visits == [(codes[1], codes[0])], (text, out.records, out.drops)


@pytest.mark.parametrize("template", AT_INVITATION)
@EACH
@given(names=NAMES, codes=TRIPLES)
def test_a_trip_made_at_an_invitation_still_puts_a_reversed_draft_right(
    template: str, names: list[str], codes: list[str]
) -> None:
    text, out = _visited(template, names, codes, swapped=True)
    visits = [(r.visitor_country, r.host_country) for r in out.records if r.record_type == "visit"]
    assert visits == [(codes[1], codes[0])], (text, out.records, out.drops)


PLANNED_VISIT = [
    "President {B} of {Y[0]} will visit {X[0]} next week to meet President {A}.",
    "El presidente {B} de {Y[1]} visitará {X[1]} la próxima semana para reunirse con el presidente {A}.",
    "{Y[5]}总统{B}将访问{X[5]}，同{X[5]}总统{A}会谈。",
]  # fmt: skip


@pytest.mark.parametrize("template", PLANNED_VISIT)
@EACH
@given(names=NAMES, codes=TRIPLES)
def test_a_planned_visits_own_destination_still_puts_its_draft_right(
    template: str, names: list[str], codes: list[str]
) -> None:
    """A planned visit is where someone will go: its plan is its venue."""
    (a, b, _), (x, y, _) = names, codes
    text = _say(template, names, codes)
    out = run("visit", text, **{**visit(a, x, b, y), "status": "planned"})
    visits = [(r.visitor_country, r.host_country) for r in out.records if r.record_type == "visit"]
    assert visits == [(y, x)], (text, out.records, out.drops)


# -- Second pass (h63 p2calls) -----------------------------------------------------------

#: One talk of three whose sentence has a word only beginning as a distributive one does
#: ("Separatistenführer", "Separatismus", "getrenntgeschlechtlich" is not "getrennt";
#: "командир отдельной бригады" is a separate brigade, not separate talks).
NOT_DISTRIBUTIVE = [
    "Der Separatistenführer {A} ({X[3]}) telefonierte am Montag mit Präsident {B} ({Y[3]}) und Präsident {C} ({Z[3]}).",
    "Präsident {A} ({X[3]}) telefonierte mit Präsident {B} ({Y[3]}) und Präsident {C} ({Z[3]}) über den Separatismus.",
    "Президент {A} из {X[4]}, бывший командир отдельной бригады, провёл телефонный разговор с президентом {B} из {Y[4]} и президентом {C} из {Z[4]}.",
    "Президент {A} из {X[4]} провёл телефонный разговор с президентом {B} из {Y[4]} и президентом {C} из {Z[4]} об отдельном соглашении.",
    "Президент {A} из {X[4]} провёл телефонный разговор с президентом {B} из {Y[4]} и президентом {C} из {Z[4]} по ряду отдельных вопросов.",
]  # fmt: skip


@pytest.mark.parametrize("template", NOT_DISTRIBUTIVE)
@EACH
@given(names=NAMES, codes=TRIPLES)
def test_a_word_only_beginning_as_a_distributive_one_splits_no_talk(
    template: str, names: list[str], codes: list[str]
) -> None:
    (a, b, c), (x, y, z) = names, codes
    text = _say(template, names, codes)
    out = _resolve(text, visit(a, x, b, y), visit(a, x, c, z))
    assert _meetings(out) == [{a, b, c}], (text, out.records)


#: B of Y went to X: a word of plan, invitation or the future in the sentence governs no
#: going word of this trip (a participle before the noun, "as planned", a lead followed by
#: a coordinated finite verb of going, a future of another verb, "being on a visit").
MADE_DESPITE_A_LEAD = [
    "President {B} of {Y[0]} made a long-planned visit to {X[0]} on Monday and met President {A}.",
    "President {B} of {Y[0]} began a scheduled two-day visit to {X[0]} on Monday and met President {A}.",
    "President {B} of {Y[0]} paid an expected visit to {X[0]} on Monday and met President {A}.",
    "President {B} of {Y[0]} accepted the invitation and arrived in {X[0]} on Monday to meet President {A}.",
    "President {B} of {Y[0]} and President {A} agreed to expand trade during the visit to {X[0]} on Monday.",
    "President {B} of {Y[0]} will stay until Friday after arriving in {X[0]} on Monday to meet President {A}.",
    "El presidente {B} de {Y[1]} aceptó la invitación y viajó a {X[1]} el lunes para reunirse con el presidente {A}.",
    "El presidente {B} de {Y[1]} inició la esperada visita a {X[1]} el lunes y se reunió con el presidente {A}.",
    "Präsident {B} ({Y[3]}) ist wie geplant am Montag nach {X[3]} gereist und hat Präsident {A} getroffen.",
    "Президент {B} из {Y[4]}, будучи с визитом в {L}, встретился с президентом {A}.",
    "{Y[5]}总统{B}按计划抵达{X[5]}，会见{X[5]}总统{A}。",
    "{Y[5]}总统{B}准备就绪后抵达{X[5]}，会见{X[5]}总统{A}。",
]  # fmt: skip

#: Prepositional country names for Russian "в X".
_RU_IN = {"DEU": "Германии", "FRA": "Франции", "JPN": "Японии", "BRA": "Бразилии",
          "POL": "Польше", "KEN": "Кении"}  # fmt: skip


@pytest.mark.parametrize("template", MADE_DESPITE_A_LEAD)
@EACH
@given(names=NAMES, codes=TRIPLES)
def test_a_lead_that_governs_no_going_word_still_puts_a_reversed_draft_right(
    template: str, names: list[str], codes: list[str]
) -> None:
    text, out = _visited(template.replace("{L}", _RU_IN[codes[0]]), names, codes, swapped=True)
    visits = [(r.visitor_country, r.host_country) for r in out.records if r.record_type == "visit"]
    assert visits == [(codes[1], codes[0])], (text, out.records, out.drops)


#: A lead that governs the going word: an invitation or plan with its infinitive, a future.
GOVERNED_RETURN = [
    "President {A} of {X[0]} hosted President {B} of {Y[0]} on Tuesday and is expected to visit {Y[0]} next year.",
    "President {A} of {X[0]} hosted President {B} of {Y[0]} on Tuesday and will also visit {Y[0]} in May.",
    "El presidente {A} de {X[1]} recibió al presidente {B} de {Y[1]} el martes y planea viajar a {Y[1]} en mayo.",
    "El presidente {A} de {X[1]} recibió al presidente {B} de {Y[1]} el martes y va a visitar {Y[1]} en mayo.",
    "Le président {A} ({X[2]}) a reçu le président {B} ({Y[2]}) mardi et prévoit de se rendre en {Y[2]}.",
]  # fmt: skip


@pytest.mark.parametrize("template", GOVERNED_RETURN)
@EACH
@given(names=NAMES, codes=TRIPLES)
def test_a_governed_return_visit_still_does_not_reverse_a_right_draft(
    template: str, names: list[str], codes: list[str]
) -> None:
    text, out = _visited(template, names, codes, swapped=False)
    visits = [(r.visitor_country, r.host_country) for r in out.records if r.record_type == "visit"]
    assert visits == [(codes[1], codes[0])], (text, out.records, out.drops)


#: A relative or appositive right after the talk has the talk as its antecedent, and a
#: doubt word with no object or the talk's own report as object is about the talk: no call.
DOUBTED_BY_A_RELATIVE = [
    "President {A} of {X[0]} spoke by phone with President {B} of {Y[0]}, which {Y[0]} later denied.",
    "President {A} of {X[0]} spoke by phone with President {B} of {Y[0]}, a claim {Y[0]} dismissed as fake.",
    "President {A} of {X[0]} spoke by phone with President {B} of {Y[0]} on Monday, but officials called it a hoax.",
    "President {A} of {X[0]} spoke by phone with President {B} of {Y[0]} on Monday, a report {Y[0]} officials dismissed as false.",
    "President {A} of {X[0]} spoke by phone with President {B} of {Y[0]} on Monday, which {Y[0]} later denied.",
    "President {A} of {X[0]} spoke by phone with President {B} of {Y[0]}, but {Y[0]} officials denied the account.",
    "El presidente {A} de {X[1]} habló por teléfono con el presidente {B} de {Y[1]} el lunes, algo que {Y[1]} desmintió.",
    "El presidente {A} de {X[1]} habló por teléfono con el presidente {B} de {Y[1]}, lo que {Y[1]} negó.",
    "Le président {A} ({X[2]}) a parlé au téléphone avec le président {B} ({Y[2]}), ce que {Y[2]} a démenti.",
    "Präsident {A} ({X[3]}) telefonierte am Montag mit Präsident {B} ({Y[3]}), was {Y[3]} dementierte.",
    "Президент {A} из {X[4]} провёл телефонный разговор с президентом {B} из {Y[4]}, но официальные лица это отрицают.",
    "Президент {A} из {X[4]} провёл телефонный разговор с президентом {B} из {Y[4]}, что {Y[4]} опроверг.",
    "{X[5]}总统{A}同{Y[5]}总理{B}通电话，但{Y[5]}方否认通话。",
    "{X[5]}总统{A}同{Y[5]}总理{B}通电话，{Y[5]}方对此予以否认。",
    "President {A} of {X[0]} spoke by phone with President {B} of {Y[0]} on Monday, but officials said nobody had called.",
    "El presidente {A} de {X[1]} habló por teléfono con el presidente {B} de {Y[1]} el lunes, pero {Y[1]} lo calificó de rumor.",
    "Präsident {A} ({X[3]}) telefonierte am Montag mit Präsident {B} ({Y[3]}), doch {Y[3]} bestritt das.",
    "Президент {A} из {X[4]} провёл телефонный разговор с президентом {B} из {Y[4]}, однако официальные лица выразили сомнения.",
    "{X[5]}总统{A}同{Y[5]}总理{B}通电话，{Y[5]}方称此为谣言。",
]  # fmt: skip


@pytest.mark.parametrize("template", DOUBTED_BY_A_RELATIVE)
@EACH
@given(names=NAMES, codes=TRIPLES)
def test_a_relative_on_the_talk_that_denies_it_drops_the_call(
    template: str, names: list[str], codes: list[str]
) -> None:
    text = _say(template, names, codes)
    out = run("visit", text, **visit(names[0], codes[0], names[1], codes[1]))
    assert "meeting" not in [r.record_type for r in out.records], (text, out.records)


#: B is the last party of A's call, followed by an adverb or a time of any kind, no verb
#: of its own: the call of A, C and B.
LISTED_PARTY_THEN_ADVERB = [
    "President {A} of {X[0]} spoke by phone with President {C} of {Z[0]} and President {B} of {Y[0]} minutes later.",
    "President {A} of {X[0]} spoke by phone with President {C} of {Z[0]} and President {B} of {Y[0]} privately.",
    "President {A} of {X[0]} spoke by phone with President {C} of {Z[0]} and President {B} of {Y[0]} once more.",
    "El presidente {A} de {X[1]} habló por teléfono con el presidente {C} de {Z[1]} y el presidente {B} de {Y[1]} hace dos días.",
    "El presidente {A} de {X[1]} habló por teléfono con el presidente {C} de {Z[1]} y el presidente {B} de {Y[1]} también.",
    "Präsident {A} ({X[3]}) hat mit Präsident {C} ({Z[3]}) und Präsident {B} ({Y[3]}) ausführlich telefoniert.",
    "Präsident {A} ({X[3]}) telefonierte mit Präsident {C} ({Z[3]}) und Präsident {B} ({Y[3]}) erneut.",
    "Президент {A} из {X[4]} провёл телефонный разговор с президентом {C} из {Z[4]} и президентом {B} из {Y[4]} также.",
]  # fmt: skip


@pytest.mark.parametrize("template", LISTED_PARTY_THEN_ADVERB)
@EACH
@given(names=NAMES, codes=TRIPLES)
def test_an_adverb_after_the_last_party_is_no_verb_of_its_own(
    template: str, names: list[str], codes: list[str]
) -> None:
    text = _say(template, names, codes)
    out = run("visit", text, **visit(names[0], codes[0], names[1], codes[1]))
    assert [r.record_type for r in out.records] == ["meeting"], (text, out.drops)
    assert set(names[:2]) <= {a.name for a in out.records[0].participants}
