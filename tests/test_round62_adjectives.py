"""Round 62: English adjectives of nationality beyond the hand-written list, and the people
they name in the plural.

"Kenyan troops", "Nigerian police", "a Sri Lankan navy vessel", "Israelis were killed"
named no state in English text: the adjectives came from a short hand-written table. The
Unicode CLDR (via Babel) writes them in the English names of today's currencies ("Kenyan
Shilling"), and the state that spends a currency tells whose adjective it is. These
tests take every adjective from that derivation and check the text reader finds it, and
check the derivation against pycountry's names, a source it does not read.
"""

from __future__ import annotations

import pycountry
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.text.countries import ADJECTIVES, countries_in_text, country_in_text

#: Adjectives that do not start as any English name of their state does (exonyms).
EXONYMS = {
    "Cape Verdean", "Macedonian", "Swazi", "Turkish", "Emirati", "Danish", "British",
    "Dutch", "American", "Bissau-Guinean", "Irish", "Salvadoran", "East Timorese",
    "Ivorian", "I-Kiribati", "Kittitian", "Sammarinese", "Santomean",
}  # fmt: skip
SENTENCES = [
    "{A} troops crossed the border on Monday.",
    "The {A} foreign minister said the talks would go on.",
    "Officials said two {A} soldiers were among the dead.",
    "A {A}-flagged ship was seized.",
]


def _names(code: str) -> list[str]:
    country = pycountry.countries.get(alpha_3=code)
    fields = ("name", "common_name", "official_name")
    return [str(getattr(country, f)) for f in fields if country and getattr(country, f, None)]


def test_the_derivation_gives_the_states_news_names_most() -> None:
    for code in ("KEN", "NGA", "ETH", "MEX", "LKA", "ZAF", "GEO", "BLR", "ARG", "PHL"):
        assert code in ADJECTIVES, code
    assert "COD" not in ADJECTIVES and "COG" not in ADJECTIVES  # "Congolese" is of both


@pytest.mark.parametrize(("code", "adjective"), sorted(ADJECTIVES.items()))
def test_each_adjective_is_its_states_by_its_name(code: str, adjective: str) -> None:
    """An adjective starts as one of its state's names do, unless it is a known exonym."""
    if adjective in EXONYMS:
        return
    assert any(n[:3].lower() == adjective[:3].lower() for n in _names(code)), (code, adjective)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(sorted(ADJECTIVES.items())), st.sampled_from(SENTENCES))
def test_an_adjective_names_its_state_in_text(item: tuple[str, str], sentence: str) -> None:
    code, adjective = item
    text = sentence.format(A=adjective)
    assert code in countries_in_text(text, "en"), text


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(sorted((c, a) for c, a in ADJECTIVES.items() if a.endswith(("an", "i")))),
    st.sampled_from(["Three {P} were killed.", "The {P} voted on Sunday.", "{P} fled."]),
)
def test_the_people_in_the_plural_name_their_state(item: tuple[str, str], sentence: str) -> None:
    code, adjective = item
    text = sentence.format(P=f"{adjective}s")
    assert code in countries_in_text(text, "en"), text


@pytest.mark.parametrize("adjective", ["Kenyan", "Nigerian", "Sri Lankan", "Georgian"])
def test_a_place_written_with_an_adjective_alone_is_no_place(adjective: str) -> None:
    """country_in_text reads a place field: an adjective there still names its state, as
    "Chinese" did before (a place field rarely holds one)."""
    assert country_in_text(f"the {adjective} border") == ADJECTIVES_BY_NAME[adjective]


ADJECTIVES_BY_NAME = {adjective: code for code, adjective in ADJECTIVES.items()}


@pytest.mark.parametrize("word", ["kenyan", "nigerian", "congolese", "Congolese"])
def test_lower_case_or_shared_adjectives_name_no_state(word: str) -> None:
    assert countries_in_text(f"The {word} troops crossed.", "en") == []


#: Adjectives of states that spend a shared currency, so the CLDR's currency names do not
#: give them; some hold another state's adjective ("Equatorial Guinean", "Northern Irish").
SHARED_CURRENCY = {"Equatorial Guinean": "GNQ", "Bissau-Guinean": "GNB", "East Timorese": "TLS",
                   "Salvadoran": "SLV", "Bosnian": "BIH", "Irish": "IRL", "Northern Irish": "GBR"}  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(sorted(SHARED_CURRENCY.items())), st.sampled_from(SENTENCES))
def test_a_shared_currency_states_adjective_names_it_and_no_other(
    item: tuple[str, str], sentence: str
) -> None:
    """'The Equatorial Guinean foreign minister' is Equatorial Guinea's, not Guinea's (the
    "Guinean" inside it), and 'Northern Irish' is the United Kingdom's, not Ireland's."""
    adjective, code = item
    text = sentence.format(A=adjective)
    assert countries_in_text(text, "en") == [code], text
