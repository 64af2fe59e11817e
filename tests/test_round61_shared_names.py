"""Round 61: which state a shared or short name means, from what the text itself says.

AP style gives the bare "Congo" to the Democratic Republic, but a dateline's city tells
which Congo an agency means ("BRAZZAVILLE, Congo" is the Republic), and that is what the
bare name means in the rest of its article. States' initials in capitals ("DRC", "UAE",
"PRC", "ROK") name their states as "US" and "UK" do, but not inside an equipment code
("AN/PRC-158"). Cities come from the gazetteer itself, not a list written for the test.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.text.countries import countries_in_text, country_in_text
from extractor.text.gazetteer import gazetteer_cities
from extractor.text.places import place_country

_ALPHA3 = {"CG": "COG", "CD": "COD"}
_PLAIN = re.compile(r"[A-Za-z][A-Za-z' -]+[A-Za-z]")


def _cities(alpha2: str) -> list[str]:
    """The gazetteer's cities of one Congo whose English name is plain Latin and names no
    city of any other state (the test asks the gazetteer, never a list of its own)."""
    elsewhere = {
        city["name"] for city in gazetteer_cities().values() if city["countrycode"] != alpha2
    }
    return sorted(
        city["name"]
        for city in gazetteer_cities().values()
        if city["countrycode"] == alpha2
        and _PLAIN.fullmatch(city["name"])
        and city["name"] not in elsewhere
        and "Congo" not in city["name"]
    )


CITIES = {code: _cities(alpha2) for alpha2, code in _ALPHA3.items()}

DATELINES = [
    "{CITY}, Congo (AP) — {REST}",
    "{CAPS}, Congo (Reuters) - {REST}",
    "{CAPS}, Congo, March 3 (AFP) — {REST}",
]
RESTS = [
    "The government of Congo said on Monday that the talks would resume.",
    "Congo's foreign minister met the envoy of Angola.",
    "Officials in Congo denied the report.",
]


def test_the_gazetteer_holds_cities_of_both_congos() -> None:
    assert len(CITIES["COG"]) >= 2 and len(CITIES["COD"]) >= 10


@settings(max_examples=120, deadline=None)
@given(
    code=st.sampled_from(["COG", "COD"]),
    data=st.data(),
    dateline=st.sampled_from(DATELINES),
    rest=st.sampled_from(RESTS),
)
def test_a_datelines_city_tells_which_congo_the_whole_article_means(
    code: str, data: st.DataObject, dateline: str, rest: str
) -> None:
    city = data.draw(st.sampled_from(CITIES[code]))
    text = dateline.format(CITY=city, CAPS=city.upper(), REST=rest)
    found = countries_in_text(text)
    assert code in found, (text, found)
    other = {"COG": "COD", "COD": "COG"}[code]
    assert other not in found, (text, found)


@settings(max_examples=60, deadline=None)
@given(code=st.sampled_from(["COG", "COD"]), data=st.data())
def test_a_place_written_city_comma_congo_lies_in_the_citys_congo(
    code: str, data: st.DataObject
) -> None:
    city = data.draw(st.sampled_from(CITIES[code]))
    assert country_in_text(f"{city}, Congo") == code
    assert place_country(f"{city}, Congo") == code


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the Democratic Republic by its initials beside a bare "Congo": both states
        ("Congo and the DRC signed a border pact on Monday.", {"COG", "COD"}),
        ("The DRC and Congo signed a border pact on Monday.", {"COG", "COD"}),
        # a city of a third state before a bare "Congo" decides nothing
        ("Paris, Congo and Rwanda were named in the report.", {"FRA", "COD", "RWA"}),
    ],
)
def test_shared_names_beside_other_names(text: str, expected: set[str]) -> None:
    assert set(countries_in_text(text)) == expected


INITIALS = {"DRC": "COD", "UAE": "ARE", "PRC": "CHN", "ROK": "KOR", "US": "USA", "UK": "GBR"}
NAMED = [
    "The {A} said on Monday that it would send aid.",
    "Officials of the {A} met in Geneva.",
    "The {A}'s army said the border was calm.",
    "{A}-led talks resumed.",
]
NOT_NAMED = [
    "The unit received AN/{A}-158 radios.",
    "Model {A}-7 engines were ordered.",
    "See section {A}/4 of the annex.",
]


@settings(max_examples=150, deadline=None)
@given(initials=st.sampled_from(sorted(INITIALS)), template=st.sampled_from(NAMED))
def test_a_states_initials_in_capitals_name_it(initials: str, template: str) -> None:
    text = template.format(A=initials)
    assert INITIALS[initials] in countries_in_text(text), text
    assert country_in_text(f"the {initials}") == INITIALS[initials]


@settings(max_examples=100, deadline=None)
@given(initials=st.sampled_from(sorted(INITIALS)), template=st.sampled_from(NOT_NAMED))
def test_initials_inside_an_equipment_or_section_code_name_no_state(
    initials: str, template: str
) -> None:
    text = template.format(A=initials)
    assert INITIALS[initials] not in countries_in_text(text), text


@settings(max_examples=60, deadline=None)
@given(
    initials=st.sampled_from(["DRC", "UAE", "PRC", "ROK"]),
    template=st.sampled_from(NAMED[:3]),
)
def test_initials_in_lower_case_name_no_state(initials: str, template: str) -> None:
    text = template.format(A=initials.lower())
    assert INITIALS[initials] not in countries_in_text(text), text


@settings(max_examples=60, deadline=None)
@given(
    data=st.data(),
    opening=st.sampled_from(
        ["KINSHASA (Reuters) - ", "NAIROBI, Kenya (AP) — ", "Fighting in eastern Congo went on. "]
    ),
)
def test_a_city_named_inside_the_text_tells_only_its_own_mention(
    data: st.DataObject, opening: str
) -> None:
    """Only a dateline (a city opening its line) sets the bare name for the whole article:
    "crossing the river to Brazzaville, Congo" names the Republic there, and the bare
    "Congo" of the rest of a Kinshasa story is still the Democratic Republic."""
    city = data.draw(st.sampled_from(CITIES["COG"]))
    text = (
        f"{opening}Thousands fled fighting in eastern Congo, some crossing to {city}, Congo. "
        "Congo's army said rebels advanced."
    )
    found = countries_in_text(text, "en")
    assert "COD" in found and "COG" in found, (text, found)
