"""Round 68: a US town the gazetteer names with its kind ("Gloucester City", "Ocean
Township", "Middlesex County") is a place of its state when the press writes it bare
before the state's abbreviation ("Gloucester, N.J.", "Ocean, NJ"): the abbreviation then
proves the United States, also where the bare name is a city abroad (Gloucester is
England's and Canada's too). The namesakes abroad stay theirs ("Perth, WA", "Chennai,
TN"), and a postal code after an unknown name proves nothing ("Jane Roe, MA")."""

from __future__ import annotations

import random

import pycountry
import pytest

from extractor.text.gazetteer import _small_us_places
from extractor.text.places import place_proves_country

_KINDS = (" township", " city")


def _bare_towns() -> list[str]:
    """ "Name, ST" for a sample of the US places listed only with their kind; not after a
    code that is also a country's ("Hamilton, CA" may be Canada's)."""
    found = []
    for state, names in sorted(_small_us_places().items()):
        if pycountry.countries.get(alpha_2=state) is not None:
            continue
        for name in sorted(names):
            for kind in _KINDS:
                bare = name.removesuffix(kind)
                if name.endswith(kind) and bare not in names and bare.isalpha() and len(bare) >= 5:
                    found.append(f"{bare.title()}, {state}")
    return random.Random(68).sample(found, min(120, len(found)))


@pytest.mark.parametrize(
    "text", ["Gloucester, NJ", "Gloucester, N.J.", "Ocean, NJ", *_bare_towns()]
)
def test_bare_town_before_its_state_is_american(text: str) -> None:
    assert place_proves_country(text) == "USA", text


@pytest.mark.parametrize(("text", "expected"), [
    ("Perth, WA", "AUS"), ("Perth, Wash.", None), ("Chennai, TN", "IND"), ("Tunis, TN", "TUN"),
    ("Mumbai, IN", "IND"), ("Jane Roe, MA", None), ("Gloucester", None),
])  # fmt: skip
def test_namesakes_abroad_stay_theirs(text: str, expected: str | None) -> None:
    assert place_proves_country(text) == expected
