"""Round 63 (second fixer): a talk at a distance is a call, never a visit; a trip told in
passing is no visit this sentence reports; every word of a call is a meeting's evidence.

PLOVER CONSULT / CAMEO code a telephone or video talk as a consultation (040, mode phone),
a visit (042/043) only when someone travelled. A probe found a visit's evidence check
satisfied by the call's own words ("s'est entretenu au téléphone", "held phone talks",
"举行视频会晤", "received a phone call", "B welcomed the talks") and by a trip the sentence
only mentions ("ahead of his trip to Y", "who visited Y last year", "after his visit to Y
was postponed", "phoned B to invite him to visit X"), so the draft was never recoded to
the call it reports; and calls told with "phoned", "sostuvo una videollamada", "a
téléphoné à", "позвонил", "致电" were lost, the meeting's evidence lacking the call words
the recode itself reads. Sentences are generated over names, states, templates and
languages (en, es, fr, de, ru, zh).
"""

from __future__ import annotations

import pytest
from hypothesis import given

from tests.roles_support import run
from tests.test_round61_calls import EACH, NAMES, TRIPLES, visit
from tests.test_round61_calls import _say as _said
from tests.test_round63_calls import _RU_TO


def _say(template: str, names: list[str], codes: list[str]) -> str:
    """The sentence of ``template``, with {R} the accusative of Y's Russian name."""
    return _said(template.replace("{R}", _RU_TO[codes[1]]), names, codes)


#: A call of A and B that took place, worded with a word of meeting or welcome too.
CALLS_THAT_HAPPENED = [
    "President {A} of {X[0]} held phone talks with President {B} of {Y[0]} on Monday.",
    "President {A} of {X[0]} held video talks with President {B} of {Y[0]} on Monday.",
    "Le président {A} ({X[2]}) s'est entretenu au téléphone avec le président {B} ({Y[2]}) lundi.",
    "Le président {A} ({X[2]}) s'est entretenu en visioconférence avec le président {B} ({Y[2]}).",
    "El presidente {A} de {X[1]} se reunió por videoconferencia con el presidente {B} de {Y[1]}.",
    "Präsident {A} ({X[3]}) traf sich per Videokonferenz mit Präsident {B} ({Y[3]}).",
    "Президент {A} из {X[4]} провёл переговоры по телефону с президентом {B} из {Y[4]}.",
    "{X[5]}总统{A}与{Y[5]}总统{B}举行视频会晤。",
]  # fmt: skip

#: A call worded so, or its welcome, that did not happen or tells nobody's travel.
NO_VISIT = [
    *CALLS_THAT_HAPPENED,
    "Le président {A} ({X[2]}) ne s'est pas entretenu au téléphone avec le président {B} ({Y[2]}).",
    "Le président {A} ({X[2]}) s'entretiendra au téléphone avec le président {B} ({Y[2]}) lundi.",
    "Le Kremlin a démenti que le président {A} ({X[2]}) s'est entretenu au téléphone avec le président {B} ({Y[2]}).",
    "President {A} of {X[0]} received a phone call from President {B} of {Y[0]} on Monday.",
    "President {A} of {X[0]} did not meet in person but spoke by phone with President {B} of {Y[0]}.",
    "President {A} of {X[0]} spoke by phone with President {C} of {Z[0]}, and President {B} of {Y[0]} welcomed the talks.",
    "Präsident {A} ({X[3]}) telefonierte mit Präsident {C} ({Z[3]}), und Präsident {B} ({Y[3]}) begrüßte das Gespräch.",
    "Президент {A} из {X[4]} поговорил по телефону с президентом {C} из {Z[4]}, и президент {B} из {Y[4]} приветствовал переговоры.",
    "President {A} of {X[0]} spoke by phone with President {C} of {Z[0]}, and President {B} of {Y[0]} welcomed it.",
    "Президент {A} из {X[4]} провёл телефонный разговор с президентом {C} из {Z[4]}, и президент {B} из {Y[4]} приветствовал это.",
    # a trip told in passing: a relative clause, an adjunct, a plan, a postponed trip
    "President {A} of {X[0]} spoke by phone with President {B} of {Y[0]} ahead of his trip to {Y[0]} next week.",
    "President {A} of {X[0]}, who visited {Y[0]} last year, spoke by phone with President {B} of {Y[0]} on Monday.",
    "President {A} of {X[0]} spoke by phone with President {B} of {Y[0]} after his visit to {Y[0]} was postponed.",
    "President {A} of {X[0]} phoned President {B} of {Y[0]} to invite him to visit {X[0]}.",
    "President {A} of {X[0]}, who is visiting {Z[0]}, spoke by phone with President {B} of {Y[0]} on Monday.",
    "During his visit to {Z[0]}, President {A} of {X[0]} spoke by phone with President {B} of {Y[0]}.",
    "El presidente {A} de {X[1]} habló por teléfono con el presidente {B} de {Y[1]} antes de su viaje a {Y[1]} la próxima semana.",
    "El presidente {A} de {X[1]}, que visitó {Y[1]} el año pasado, habló por teléfono con el presidente {B} de {Y[1]}.",
    "Le président {A} ({X[2]}), qui a visité {Y[2]} l'an dernier, a parlé au téléphone avec le président {B} ({Y[2]}).",
    "Präsident {A} ({X[3]}) telefonierte mit Präsident {B} ({Y[3]}) vor seiner Reise nach {Y[3]} nächste Woche.",
    "Präsident {A} ({X[3]}), der {Y[3]} letztes Jahr besuchte, telefonierte mit Präsident {B} ({Y[3]}).",
    "Президент {A} из {X[4]} поговорил по телефону с президентом {B} из {Y[4]} накануне своего визита в {R}.",
    "Президент {A} из {X[4]}, который посетил {R} в прошлом году, поговорил по телефону с президентом {B} из {Y[4]}.",
    "{X[5]}总统{A}同{Y[5]}总统{B}通电话，此前{A}去年访问了{Y[5]}。",
    "{X[5]}总统{A}在访问{Y[5]}前夕同{Y[5]}总统{B}通电话。",
]  # fmt: skip


@pytest.mark.parametrize("template", NO_VISIT)
@EACH
@given(names=NAMES, codes=TRIPLES)
def test_a_call_is_no_visit(template: str, names: list[str], codes: list[str]) -> None:
    """A's drafted visit to B's state, from a sentence of a call: no visit to it stands."""
    text = _say(template, names, codes)
    out = run("visit", text, **visit(names[0], codes[0], names[1], codes[1]))
    visits = [(r.visitor_country, r.host_country) for r in out.records if r.record_type == "visit"]
    assert (codes[0], codes[1]) not in visits, (text, out.records)


#: A call of A and B told with a verb of calling: its meeting's evidence.
CALLED = [
    "President {A} of {X[0]} phoned President {B} of {Y[0]} on Monday.",
    "President {A} of {X[0]} telephoned President {B} of {Y[0]} on Monday.",
    "President {A} of {X[0]} had a telephone conversation with President {B} of {Y[0]} on Monday.",
    "El presidente {A} de {X[1]} sostuvo una videollamada con el presidente {B} de {Y[1]} el lunes.",
    "Le président {A} ({X[2]}) a téléphoné au président {B} ({Y[2]}) lundi.",
    "Президент {A} из {X[4]} позвонил президенту {B} из {Y[4]} в понедельник.",
    "{X[5]}总统{A}致电{Y[5]}总统{B}。",
]  # fmt: skip


@pytest.mark.parametrize("template", CALLED + CALLS_THAT_HAPPENED)
@EACH
@given(names=NAMES, codes=TRIPLES)
def test_a_call_that_happened_is_a_virtual_meeting(
    template: str, names: list[str], codes: list[str]
) -> None:
    assert_one_virtual_meeting(template, names, codes)


def assert_one_virtual_meeting(template: str, names: list[str], codes: list[str]) -> None:
    """A's visit to B drafted from ``template`` ends as one meeting of A's and B's states at a
    distance (a call), not a visit."""
    text = _say(template, names, codes)
    out = run("visit", text, **visit(names[0], codes[0], names[1], codes[1]))
    kept = [(r.record_type, r.format, set(r.countries_involved)) for r in out.records]
    assert kept == [("meeting", "virtual", {codes[0], codes[1]})], (text, out.records, out.drops)


#: A's visit to B's state told beside a call: still a visit.
VISIT_AND_CALL = [
    "President {A} of {X[0]} arrived in {Y[0]} on Monday, a day after a phone call with President {B}.",
    "President {A} of {X[0]} visited {Y[0]} on Monday after speaking by phone with President {C} of {Z[0]} and met President {B}.",
    "President {B} of {Y[0]} welcomed President {A} of {X[0]} in {Y[0]} on Monday, a week after their phone call.",
    "El presidente {A} de {X[1]} visitó {Y[1]} el lunes, un día después de una llamada telefónica con el presidente {B}.",
    "Präsident {A} ({X[3]}) besuchte {Y[3]} am Montag, einen Tag nach einem Telefonat mit Präsident {B}.",
    "{X[5]}总统{A}周一抵达{Y[5]}进行访问，此前曾与{Y[5]}总统{B}通电话。",
]  # fmt: skip


@pytest.mark.parametrize("template", VISIT_AND_CALL)
@EACH
@given(names=NAMES, codes=TRIPLES)
def test_a_visit_told_beside_a_call_stands(
    template: str, names: list[str], codes: list[str]
) -> None:
    text = _say(template, names, codes)
    out = run("visit", text, **visit(names[0], codes[0], names[1], codes[1]))
    visits = [(r.visitor_country, r.host_country) for r in out.records if r.record_type == "visit"]
    assert visits == [(codes[0], codes[1])], (text, out.records, out.drops)
