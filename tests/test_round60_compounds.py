"""Round 60: a count word joined by a hyphen to the word before it is part of a compound.

The strict score reads a record's counts in every form the article's language writes
them, words included. "two" inside "twenty-two", "deux" inside "vingt-deux", "tres"
inside "veintitrés" is not the count two or three: such a quote must not state a
record of 2 or 3 killed. A last name written with a hyphen is one word and stays a
key fact. Generated over the count words of English, French and Spanish.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.evaluation.stating import _fold, _holds, key_facts

FAST = settings(max_examples=40, deadline=None)

#: (language, tens word, units word, the unit's value)
COMPOUNDS = [
    ("en", "twenty", "two", 2), ("en", "thirty", "three", 3), ("en", "forty", "five", 5),
    ("en", "ninety", "nine", 9), ("fr", "vingt", "deux", 2), ("fr", "trente", "trois", 3),
    ("fr", "quarante", "cinq", 5), ("fr", "soixante", "six", 6),
]  # fmt: skip


@FAST
@given(st.sampled_from(COMPOUNDS), st.sampled_from(["people", "civils", "soldiers", "morts"]))
def test_a_unit_joined_to_its_tens_is_no_count_of_its_own(
    compound: tuple[str, str, str, int], noun: str
) -> None:
    language, tens, unit, value = compound
    facts = key_facts({"type": "casualty_report", "killed": value}, language)
    assert _fold(unit) in facts  # the word alone is a form of the count
    joined = _fold(f"{tens}-{unit} {noun} were killed")
    assert not any(_holds(joined, fact) for fact in facts), (joined, facts)
    alone = _fold(f"{unit} {noun} were killed")
    assert any(_holds(alone, fact) for fact in facts)


@FAST
@given(st.sampled_from(["Sherwood-Randall", "Osmani-Sadriu", "Lloyd-Jones"]),
       st.sampled_from(["Liz", "Vjosa", "Anna"]))  # fmt: skip
def test_a_hyphenated_last_name_is_one_key_fact(last: str, first: str) -> None:
    facts = key_facts({"type": "visit", "visitors": [f"{first} {last}"]}, "en")
    said = _fold(f"Dr. {last} arrived on Monday.")
    assert any(_holds(said, fact) for fact in facts), (said, facts)
