""" "visiting" before a role noun: an adjective after a determiner, else a verb.

"a visiting research fellow in Vienna", "the visiting scholars" hold a post or name a
guest: no one in the sentence went. "Ruiz, visiting displaced students in Accra,
pledged aid" and "spent Monday visiting researchers at a lab in Vienna" tell a trip:
"visiting" is a verb whose object is the role noun. Round 71 read every role noun
after "visiting" as a post. Built from every English role noun of the rule x frames x
cities.
"""

from __future__ import annotations

import itertools

import pytest

from extractor.types.visit import _VISITING_ROLES, visit_venues

ROLES = sorted(r for r in _VISITING_ROLES if r.isascii() and r.endswith("s") and r != "teams")
CITIES = {"Accra": "GHA", "Vienna": "AUT", "Lima": "PER"}
VERB_FRAMES = [
    "Foreign Minister Ana Ruiz, visiting {r} in {c}, pledged aid on Monday.",
    "President Salo spent Monday visiting {r} in {c}.",
    "Ruiz, visiting displaced {r} at a camp in {c}, spoke to reporters.",
]
ADJECTIVE_FRAMES = [
    "The visiting {r} in {c} met the minister on Monday.",
    "Their visiting {r} in {c} wrote to the minister.",
    "Salo, a former visiting {r} in {c}, met the minister on Monday.",
]


@pytest.mark.parametrize(
    ("sentence", "code"),
    [
        (frame.format(r=role, c=city), code)
        for frame, role, (city, code) in itertools.product(VERB_FRAMES, ROLES, CITIES.items())
    ],
)
def test_visiting_a_role_is_a_trip(sentence: str, code: str) -> None:
    assert code in visit_venues(sentence, "en").went, sentence


@pytest.mark.parametrize(
    "sentence",
    [
        frame.format(r=role, c=city)
        for frame, role, city in itertools.product(ADJECTIVE_FRAMES, ROLES, CITIES)
    ],
)
def test_a_visiting_role_after_a_determiner_is_no_trip(sentence: str) -> None:
    assert not visit_venues(sentence, "en").went, sentence
