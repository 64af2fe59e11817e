"""Adjectives of states whose money today is the euro or the US dollar (round 63).

Round 62 read English adjectives of nationality from the CLDR's names of today's
currencies, so a state that spends a shared currency had only its hand-written adjective:
"Greek", "Portuguese", "Austrian", "Slovak" or "Ecuadorian" named no state, and "Greek
Prime Minister A met B" attached no state to A. The CLDR dates each territory's former
currencies ("Greek Drachma", "Portuguese Escudo", "Ecuadorian Sucre"), which write them."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractor.text.countries import countries_in_text

FORMER_CURRENCY_STATES = {
    "Greek": "GRC", "Portuguese": "PRT", "Austrian": "AUT", "Slovak": "SVK",
    "Slovenian": "SVN", "Estonian": "EST", "Latvian": "LVA", "Lithuanian": "LTU",
    "Maltese": "MLT", "Cypriot": "CYP", "Croatian": "HRV", "Ecuadorian": "ECU",
    "Andorran": "AND", "Burmese": "MMR",
}  # fmt: skip
FRAMES = [
    "{adj} officials met the delegation on Monday.",
    "The {adj} Prime Minister arrived on Tuesday.",
    "Police said {adj} troops had withdrawn.",
    "A {adj} navy vessel docked at the port.",
]


@pytest.mark.parametrize(("adjective", "code"), sorted(FORMER_CURRENCY_STATES.items()))
@given(frame=st.sampled_from(FRAMES))
def test_an_adjective_written_by_a_former_currency_names_its_state(
    adjective: str, code: str, frame: str
) -> None:
    assert countries_in_text(frame.format(adj=adjective), "en") == [code]


@pytest.mark.parametrize("word", ["Hard", "New", "Convertible", "Old"])
def test_a_currency_s_qualifier_is_no_adjective(word: str) -> None:
    """ "Yugoslavian Hard Dinar", "Israeli New Shekel": the word before the currency's noun
    is an adjective only when it ends as one or begins as its state's name does."""
    assert countries_in_text(f"{word} officials met on Monday.", "en") == []
