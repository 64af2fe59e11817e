"""Round 63's third probe: what the fixers' own scope, subject and call rules broke.

- A Spanish name after a verb of harm is its subject only when that verb is active and
  takes an object ("mataron los militares a 12"): after "murieron", "perdieron la vida" or
  a passive the name is who was harmed.
- A running total is one whatever follows English "since" ("since the Hamas-led attack"),
  after a span or a clause of beginning ("desde hace tres años", "depuis que"), and a
  partitive or an ordinary word is no superlative ("Most of the 300 killed since",
  "самолёты", "plus de", "以来最少").
- A telephone is a device before it is a call: "seized satellite phones" is no meeting.
Generated over actors, counts and periods."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractor.text.cues import MEETING_CUES
from extractor.types.casualty_report import perpetrator_problem, toll_period

ES_GROUPS = ["los militares", "los soldados", "los guerrilleros", "las FARC", "los policías"]
ES_HARMED = [
    "En el ataque murieron {g}.", "Murieron {g} en la emboscada.",
    "Resultaron heridos {g} en el ataque.", "Fueron asesinados {g} en la aldea.",
    "Perdieron la vida {g} durante el combate.",
]  # fmt: skip
ES_DOERS = ["Mataron {g} a {n} civiles.", "En la aldea mataron {g} a {n} campesinos."]


@given(group=st.sampled_from(ES_GROUPS), template=st.sampled_from(ES_HARMED))
def test_a_name_after_a_verb_without_object_or_a_passive_is_the_harmed(
    group: str, template: str
) -> None:
    problem = perpetrator_problem(group, template.format(g=group), "es")
    assert problem is not None and "harmed" in problem


@given(
    group=st.sampled_from(ES_GROUPS),
    template=st.sampled_from(ES_DOERS),
    count=st.integers(min_value=2, max_value=90),
)
def test_a_name_after_an_active_verb_of_harm_with_no_a_is_its_subject(
    group: str, template: str, count: int
) -> None:
    assert perpetrator_problem(group, template.format(g=group, n=count), "es") is None


PUBLISHED = date(2024, 6, 15)
TOTALS = [
    ("en", "Airstrikes have killed {n} people since the Hamas-led attack on Israel."),
    ("en", "Troops have killed {n} people since the military seized power."),
    ("en", "At least {n} civilians have been killed since the fall of Kabul."),
    ("en", "Most of the {n} people killed since January 2022 were civilians."),
    ("en", "The first {n} deaths recorded since the war began were soldiers."),
    ("es", "Los ataques han matado a {n} personas desde hace tres años."),
    ("es", "Han muerto {n} civiles desde que los talibanes tomaron el poder."),
    ("fr", "Les frappes ont tué {n} civils depuis que les talibans ont pris le pouvoir."),
    ("fr", "Selon les autorités plus de {n} civils ont été tués depuis janvier."),
    ("fr", "Les combats ont tué {n} personnes depuis trois ans."),
    ("ru", "Российские самолёты убили {n} человек с начала года."),
    ("zh", "自2022年以来最少有{n}名平民被杀。"),
]  # fmt: skip
EVENTS = [
    ("en", "Gunmen killed {n} people on Tuesday in the deadliest attack since 2019."),
    ("es", "Militares dispararon desde un edificio y mataron a {n} personas."),
    ("fr", "Des tirs depuis un drone ont tué {n} civils mardi."),
    ("de", "Die seit Jahren verfeindeten Milizen töteten {n} Menschen."),
]


@pytest.mark.parametrize(("language", "template"), TOTALS)
@given(count=st.integers(min_value=12, max_value=900))
def test_a_total_over_a_period_is_cumulative(language: str, template: str, count: int) -> None:
    assert toll_period(template.format(n=count), language, PUBLISHED) is not False


@pytest.mark.parametrize(("language", "template"), EVENTS)
@given(count=st.integers(min_value=12, max_value=900))
def test_a_comparison_or_a_place_is_no_period(language: str, template: str, count: int) -> None:
    assert toll_period(template.format(n=count), language, PUBLISHED) is False


DEVICES = [
    ("en", "Russian troops seized rifles and satellite {d} from the unit."),
    ("en", "Police confiscated mobile {d} at the border."),
    ("es", "Las tropas incautaron {d} satelitales."),
]
CALLS = [
    ("en", "Biden phoned Macron on Monday."), ("en", "They spoke by telephone."),
    ("es", "Hablaron por teléfono el lunes."), ("es", "Mantuvieron una conversación telefónica."),
    ("es", "Sánchez telefoneó a Macron."),
]  # fmt: skip


@pytest.mark.parametrize(("language", "template"), DEVICES)
@pytest.mark.parametrize("device", ["phones", "telephones", "teléfonos"])
def test_a_device_is_no_word_of_a_meeting(language: str, template: str, device: str) -> None:
    assert not MEETING_CUES[language].search(template.format(d=device))


@pytest.mark.parametrize(("language", "text"), CALLS)
def test_a_call_is_still_a_word_of_a_meeting(language: str, text: str) -> None:
    assert MEETING_CUES[language].search(text)
