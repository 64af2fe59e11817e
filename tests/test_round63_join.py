"""Round 63: two recoded calls are one meeting only when one clause tells one talk of all.

Round 62 joined two visit drafts recoded as calls ("A spoke by phone with B and C" as
visits A->B and A->C) into one meeting of all their parties whenever they shared a
person, cited overlapping sentences and had equal drafted fields. A probe found that it
so invented three-party meetings of separate talks: "A held separate phone calls with B
and C", "A spoke with B, and B then phoned C", "A分别同B和C通电话", and two talks told in
two sentences the model cited together. Two drafts are now joined only when one clause
of the text both cite, around one word of talk, has every party of both as its subject
or its party, with no word that distributes the talk over its parties ("separately",
"respectively", "por separado", "séparément", "getrennt", "отдельно", "分别"), and the
dates read from each draft's evidence do not differ. Sentences are generated over
names, states and templates in en, es, fr, de, ru, zh.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from hypothesis import Phase, given, settings
from hypothesis import strategies as st

from extractor.pipeline.answers import answer_model
from extractor.pipeline.resolve import Article, Resolution, resolve
from extractor.text.sentences import split_sentences
from tests.test_round61_calls import NAMES, TRIPLES, _say, visit

#: Few examples of each template, no shrinking: a failing example is already a plain sentence.
EACH = settings(max_examples=4, deadline=None, phases=[Phase.generate])


def _resolve(text: str, *drafts: dict[str, Any]) -> Resolution:
    """``resolve`` of a model answer of visit drafts over ``text``."""
    model = answer_model(("visit",))
    (plural,) = model.list_fields
    draft_class = model.model_fields[plural].annotation.__args__[0]
    answer = model.model_construct(**{plural: [draft_class(**d) for d in drafts]})
    article = Article(text=text, sentences=split_sentences(text), published=date(2025, 3, 12))
    return resolve(answer, article)


def _each_alone_a_meeting(text: str, *drafts: dict[str, Any]) -> None:
    """Each draft alone is recoded as its call (else a test would check the visit's
    reading of the call, not the joining of two)."""
    for draft in drafts:
        alone = _resolve(text, draft).records
        assert [r.record_type for r in alone] == ["meeting"], (text, draft, alone)


def _meetings(out: Resolution) -> list[set[str]]:
    """The people of each record, which must all be meetings."""
    assert [r.record_type for r in out.records] == ["meeting"] * len(out.records), out.records
    return [{p.name for p in r.participants} for r in out.records]  # type: ignore[attr-defined]


#: One person's separate talks with two others, told in one clause with a word that
#: distributes the talk over its parties.
SEPARATE = [
    "President {A} of {X[0]} held separate phone calls with President {B} of {Y[0]} and Prime Minister {C} of {Z[0]} on Monday.",
    "President {A} of {X[0]} spoke separately by phone with President {B} of {Y[0]} and Prime Minister {C} of {Z[0]}.",
    "President {A} of {X[0]} spoke by phone with President {B} of {Y[0]} and Prime Minister {C} of {Z[0]} respectively.",
    "President {A} of {X[0]} held phone calls separately with President {B} of {Y[0]} and Prime Minister {C} of {Z[0]}.",
    "El presidente {A} de {X[1]} habló por separado por teléfono con el presidente {B} de {Y[1]} y el primer ministro {C} de {Z[1]}.",
    "El presidente {A} de {X[1]} habló por teléfono por separado con el presidente {B} de {Y[1]} y el primer ministro {C} de {Z[1]}.",
    "Le président {A} ({X[2]}) a parlé séparément au téléphone avec le président {B} ({Y[2]}) et le président {C} ({Z[2]}).",
    "Le président {A} ({X[2]}) a parlé respectivement au téléphone avec le président {B} ({Y[2]}) et le président {C} ({Z[2]}).",
    "Präsident {A} ({X[3]}) telefonierte getrennt mit Präsident {B} ({Y[3]}) und Premierminister {C} ({Z[3]}).",
    "Präsident {A} ({X[3]}) telefonierte jeweils mit Präsident {B} ({Y[3]}) und Premierminister {C} ({Z[3]}).",
    "Президент {A} из {X[4]} отдельно провёл телефонный разговор с президентом {B} из {Y[4]} и президентом {C} из {Z[4]}.",
    "Президент {A} из {X[4]} по отдельности провёл телефонный разговор с президентом {B} из {Y[4]} и президентом {C} из {Z[4]}.",
    "{X[5]}总统{A}分别同{Y[5]}总统{B}和{Z[5]}总理{C}通电话。",
    "{X[5]}总统{A}先后同{Y[5]}总统{B}和{Z[5]}总理{C}通电话。",
]  # fmt: skip


@pytest.mark.parametrize("template", SEPARATE)
@EACH
@given(names=NAMES, codes=TRIPLES)
def test_separate_calls_with_two_parties_are_two_meetings(
    template: str, names: list[str], codes: list[str]
) -> None:
    (a, b, c), (x, y, z) = names, codes
    text = _say(template, names, codes)
    drafts = visit(a, x, b, y), visit(a, x, c, z)
    _each_alone_a_meeting(text, *drafts)
    out = _resolve(text, *drafts)
    assert sorted(map(sorted, _meetings(out))) == sorted([sorted({a, b}), sorted({a, c})]), text


#: A talk of A with B, then another of B with C, in one sentence.
CHAIN = [
    "President {A} of {X[0]} spoke by phone with President {B} of {Y[0]}, and {B} then phoned Prime Minister {C} of {Z[0]}.",
    "President {A} of {X[0]} spoke by phone with President {B} of {Y[0]}; {B} later spoke by phone with Prime Minister {C} of {Z[0]}.",
    "El presidente {A} de {X[1]} habló por teléfono con el presidente {B} de {Y[1]}, y luego {B} habló por teléfono con el primer ministro {C} de {Z[1]}.",
    "Le président {A} ({X[2]}) a parlé au téléphone avec le président {B} ({Y[2]}), et ensuite {B} a parlé au téléphone avec le Premier ministre {C} ({Z[2]}).",
    "Präsident {A} ({X[3]}) telefonierte mit Präsident {B} ({Y[3]}), und danach telefonierte {B} mit Premierminister {C} ({Z[3]}).",
    "Президент {A} из {X[4]} провёл телефонный разговор с президентом {B} из {Y[4]}, а затем {B} провёл телефонный разговор с премьер-министром {C} из {Z[4]}.",
    "{X[5]}总统{A}同{Y[5]}总统{B}通电话，随后{B}同{Z[5]}总理{C}通电话。",
]  # fmt: skip


@pytest.mark.parametrize("template", CHAIN)
@EACH
@given(names=NAMES, codes=TRIPLES)
def test_a_call_then_another_of_its_party_are_two_meetings(
    template: str, names: list[str], codes: list[str]
) -> None:
    (a, b, c), (x, y, z) = names, codes
    text = _say(template, names, codes)
    drafts = visit(a, x, b, y), visit(b, y, c, z)
    _each_alone_a_meeting(text, *drafts)
    out = _resolve(text, *drafts)
    assert sorted(map(sorted, _meetings(out))) == sorted([sorted({a, b}), sorted({b, c})]), text


#: Two talks of one person on two days, in two sentences.
TWO_DAYS = [
    "President {A} of {X[0]} spoke by phone with President {B} of {Y[0]} on Monday. On Tuesday, {A} spoke by phone with Prime Minister {C} of {Z[0]}.",
    "El presidente {A} de {X[1]} habló por teléfono con el presidente {B} de {Y[1]} el lunes. El martes, {A} habló por teléfono con el primer ministro {C} de {Z[1]}.",
    "Le président {A} ({X[2]}) a parlé au téléphone avec le président {B} ({Y[2]}) lundi. Mardi, {A} a parlé au téléphone avec le Premier ministre {C} ({Z[2]}).",
    "Präsident {A} ({X[3]}) telefonierte am Montag mit Präsident {B} ({Y[3]}). Am Dienstag telefonierte {A} mit Premierminister {C} ({Z[3]}).",
    "Президент {A} из {X[4]} в понедельник провёл телефонный разговор с президентом {B} из {Y[4]}. Во вторник {A} провёл телефонный разговор с премьер-министром {C} из {Z[4]}.",
    "{X[5]}总统{A}周一同{Y[5]}总统{B}通电话。周二，{A}同{Z[5]}总理{C}通电话。",
]  # fmt: skip


@pytest.mark.parametrize("template", TWO_DAYS)
@pytest.mark.parametrize("cited", [([1, 2], [1, 2]), ([1], [1, 2]), ([1, 2], [2])])
@EACH
@given(names=NAMES, codes=TRIPLES)
def test_calls_told_in_two_sentences_cited_together_are_two_meetings(
    template: str, cited: tuple[list[int], list[int]], names: list[str], codes: list[str]
) -> None:
    (a, b, c), (x, y, z) = names, codes
    text = _say(template, names, codes)
    one, other = ({**visit(a, x, b, y), "evidence": cited[0]},
                  {**visit(a, x, c, z), "evidence": cited[1]})  # fmt: skip
    _each_alone_a_meeting(text, one, other)
    out = _resolve(text, one, other)
    assert sorted(map(sorted, _meetings(out))) == sorted([sorted({a, b}), sorted({a, c})]), text


#: One talk of three, drafted as two visits: one clause names every party.
ONE_TALK = [
    "President {A} of {X[0]} spoke by phone with President {B} of {Y[0]} and Prime Minister {C} of {Z[0]}.",
    "President {A} of {X[0]} held a three-way call with President {B} of {Y[0]} and Prime Minister {C} of {Z[0]} on Monday.",
    "President {A} of {X[0]} held a joint video call with President {B} of {Y[0]} and Prime Minister {C} of {Z[0]}.",
    "President {A} of {X[0]} held a trilateral video call with President {B} of {Y[0]} and Prime Minister {C} of {Z[0]}.",
    "El presidente {A} de {X[1]} habló por teléfono con el presidente {B} de {Y[1]} y el primer ministro {C} de {Z[1]}.",
    "Le président {A} ({X[2]}) a parlé au téléphone avec le président {B} ({Y[2]}) et le président {C} ({Z[2]}).",
    "Präsident {A} ({X[3]}) telefonierte mit Präsident {B} ({Y[3]}) und Premierminister {C} ({Z[3]}).",
    "Президент {A} из {X[4]} провёл телефонный разговор с президентом {B} из {Y[4]} и президентом {C} из {Z[4]}.",
    "{X[5]}总统{A}同{Y[5]}总统{B}和{Z[5]}总理{C}通电话。",
]  # fmt: skip


@pytest.mark.parametrize("template", ONE_TALK)
@EACH
@given(names=NAMES, codes=TRIPLES)
def test_one_call_of_three_drafted_as_two_visits_is_one_meeting(
    template: str, names: list[str], codes: list[str]
) -> None:
    (a, b, c), (x, y, z) = names, codes
    text = _say(template, names, codes)
    drafts = visit(a, x, b, y), visit(a, x, c, z)
    _each_alone_a_meeting(text, *drafts)
    out = _resolve(text, *drafts)
    assert _meetings(out) == [{a, b, c}], text


@EACH
@given(names=NAMES, codes=TRIPLES, day=st.sampled_from(["Monday", "Tuesday"]))
def test_one_call_of_three_cited_with_a_later_sentence_is_one_meeting(
    names: list[str], codes: list[str], day: str
) -> None:
    """A sentence cited with the talk's that tells no talk of the parties does not part
    them: one clause of the text both cite names all three."""
    (a, b, c), (x, y, z) = names, codes
    text = _say(
        "President {A} of {X[0]} spoke by phone with President {B} of {Y[0]} and Prime "
        "Minister {C} of {Z[0]} on " + day + ". Trade was high on the agenda.",
        names,
        codes,
    )
    drafts = visit(a, x, b, y), {**visit(a, x, c, z), "evidence": [1, 2]}
    _each_alone_a_meeting(text, *drafts)
    out = _resolve(text, *drafts)
    assert _meetings(out) == [{a, b, c}], text


@pytest.mark.parametrize(
    ("one", "other", "differ"),
    [(["2025-03-10"], ["2025-03-11"], True), (["2025-03-10"], ["2025-03-10"], False),
     (["2025-03-10"], [], False), ([], [], False)],
)  # fmt: skip
def test_talks_read_on_two_days_are_not_one(one: list[str], other: list[str], differ: bool) -> None:
    """The days each record read from its evidence: two days are two talks; a day one of
    them does not know is no other day."""
    from types import SimpleNamespace

    from extractor.pipeline.resolve import _other_days
    from extractor.types.parts import DateValue

    def record(days: list[str]) -> Any:
        return SimpleNamespace(event_dates=lambda: [DateValue(value=d) for d in days])

    assert _other_days(record(one), record(other)) is differ
