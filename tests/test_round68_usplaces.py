"""Round 68: a US state's code after a name argues against the foreign reading.

A town the gazetteer does not know in that state ("Berlin, CT", "Bethlehem, NY") leaves
the country open rather than proving its foreign namesake; press forms of US places
("Ft. Worth, TX", "Cherry Hill Township, NJ", "Dallas-Fort Worth, TX") are read as places
of the state. The letters still read a foreign state where they are its own ISO code or a
first-level division's ("Tunis, TN", "Perth, WA", "Chennai, TN").
"""

from __future__ import annotations

import itertools

import pycountry
import pytest

from extractor.text.gazetteer import AP_STATE_ABBREVIATIONS, _small_us_places, us_states
from extractor.text.places import place_proves_country

#: Well-known cities abroad whose names small US towns bear.
_NAMESAKES = (
    "Berlin", "Moscow", "Darwin", "Calgary", "Jerusalem", "Bethlehem", "Canterbury",
    "Naples", "Lisbon", "Madrid", "Vienna", "Dublin", "Warsaw", "Lima", "Delhi", "Cairo",
    "Damascus", "Lebanon", "Odessa", "Manchester", "Hamburg", "Amsterdam", "Oxford",
)  # fmt: skip


def _own_letters(country: str, written: str) -> bool:
    """Whether ``written`` is ``country``'s ISO code or a first-level division's."""
    state = pycountry.countries.get(alpha_3=country)
    if state is None or written != written.upper() or "." in written:
        return False
    division = pycountry.subdivisions.get(code=f"{state.alpha_2}-{written}")
    return state.alpha_2 == written or (division is not None and division.parent_code is None)


def _codes() -> list[str]:
    return sorted(set(us_states().values()) | set(AP_STATE_ABBREVIATIONS))


def test_us_code_never_proves_a_foreign_namesake() -> None:
    wrong = [
        (form, got)
        for city, code in itertools.product(_NAMESAKES, _codes())
        if (got := place_proves_country(form := f"{city}, {code}")) not in (None, "USA")
        and not _own_letters(got, code)
    ]
    assert not wrong, f"{len(wrong)}: {wrong[:10]}"  # fails on main: 1740/2162


@pytest.mark.parametrize(
    ("form", "country"),
    [("Tunis, TN", "TUN"), ("Mumbai, IN", "IND"), ("Berlin, DE", "DEU"),
     ("Perth, WA", "AUS"), ("Chennai, TN", "IND"), ("Paris, France", "FRA"),
     ("Munich, Bavaria", "DEU"), ("Kyiv, Ukraine", "UKR")],
)  # fmt: skip
def test_own_letters_and_named_states_still_read(form: str, country: str) -> None:
    assert place_proves_country(form) == country


@pytest.mark.parametrize("form", ["Perth, WA", "Chennai, TN", "Perth, Wash.", "Naples, ME"])
def test_foreign_names_do_not_prove_the_us(form: str) -> None:
    assert place_proves_country(form) != "USA"


def _press_forms() -> list[str]:
    """US places as the press writes them: "Ft."/"Mt." for a gazetteer's "Fort"/"Mount",
    a township with its kind, and a metro of two places of one state."""
    forms: list[str] = []
    for state, names in sorted(_small_us_places().items()):
        ordered = sorted(names)
        for name in ordered:
            for long, short in (("fort ", "Ft. "), ("mount ", "Mt. ")):
                if name.startswith(long) and " " not in name[len(long) :]:
                    forms.append(f"{short}{name[len(long) :].title()}, {state}")
        towns = [n for n in ordered if " " not in n and n.isalpha()][:3]
        forms += [f"{a.title()} Township, {state}" for a in towns[:1]]
        if len(towns) >= 3:
            forms.append(f"{towns[1].title()}-{towns[2].title()}, {state}")
    return forms


def test_press_forms_of_us_places_prove_the_us() -> None:
    forms = _press_forms()
    lost = [form for form in forms if place_proves_country(form) != "USA"]
    assert len(lost) <= len(forms) // 50, f"{len(lost)}/{len(forms)}: {lost[:10]}"  # main: 272/289
