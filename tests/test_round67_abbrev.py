"""Round 67: a US state's abbreviation after a city proves the United States only where
the city is a place of that state.

The letters of the postal codes are also other states' codes for their provinces ("WA"
Western Australia, "TN" Tamil Nadu, "SC" Santa Catarina, "MI" Milan's province) and
degrees after a person's name ("Jane Roe, MA"). After a city the gazetteer knows only
abroad, or after a name it does not know at all, a code proves nothing; after a place of
that state, however small ("Delhi, N.Y.", "Cairo, Ill.", "Milan, MI"), it does.

Generated from the gazetteer: foreign cities x every postal code and AP form, names x
codes, US towns that foreign cities name x their state's codes."""

from __future__ import annotations

from extractor.text.gazetteer import (
    AP_STATE_ABBREVIATIONS,
    _small_us_places,
    gazetteer_cities,
    normalise_text,
    us_place_of_state,
    us_states,
)
from extractor.text.places import _city_states, place_country, place_proves_country

_POSTAL = sorted(frozenset(us_states().values()))
#: The codes but the capital's: "D.C." names Washington itself, wherever it is written.
_STATES = [code for code in _POSTAL if code != "DC"]
_AP = {code: written for written, code in AP_STATE_ABBREVIATIONS.items()}
_TEMPLATES = ("{city}, {code}", "in {city}, {code}", "near {city}, {code}")


def _both(place: str) -> tuple[str | None, str | None]:
    return place_country(place), place_proves_country(place)


def _foreign_only() -> list[tuple[str, str]]:
    """(city, alpha-2) for the cities of 200,000 people or more outside the United States
    whose name no US place bears in any state, as the gazetteer and its towns know."""
    towns = set().union(*_small_us_places().values())
    found = []
    for city in gazetteer_cities().values():
        name, key = str(city["name"]), normalise_text(str(city["name"]), accents=False)
        if city["countrycode"] == "US" or int(city["population"]) < 200_000:
            continue
        if key in towns or "USA" in _city_states(key) or "(" in name or "," in name:
            continue
        if key.split()[0] in ("central", "northern", "southern", "eastern", "western"):
            continue  # read without its compass word ("Central Coast")
        found.append((name, str(city["countrycode"])))
    return sorted(found)


def _foreign_corpus() -> list[str]:
    corpus = []
    for n, (city, _) in enumerate(_foreign_only()[::5]):  # the reader is slow
        code = _STATES[n % len(_STATES)]
        written = _AP.get(code, code) if n % 2 else code
        corpus.append(_TEMPLATES[n % 3].format(city=city, code=written))
    return corpus


def test_a_city_known_only_abroad_is_no_us_state() -> None:
    """Fails on main: every one ("Perth, WA", "Chennai, TN", "Florianopolis, SC")."""
    corpus = _foreign_corpus()
    assert len(corpus) > 300
    wrong = [p for p in corpus if "USA" in _both(p)]
    assert not wrong, f"{len(wrong)}/{len(corpus)}: {wrong[:20]}"


def test_a_foreign_city_keeps_its_country() -> None:
    """The city's own country, read as without the code, not None."""
    cities = _foreign_only()[1::9]
    wrong = [
        (city, code)
        for n, (city, _) in enumerate(cities)
        if place_country(f"{city}, {(code := _POSTAL[n % len(_POSTAL)])}") != place_country(city)
    ]
    assert not wrong, f"{len(wrong)}/{len(cities)}: {wrong[:20]}"


_GIVEN = ("Jane", "John", "Mary", "Maria", "Rahul", "Olu", "Amira", "Tomas", "Keiko", "Ivan")
_FAMILY = ("Roe", "Smith", "Lee", "Okafor", "Lindqvist", "Haddad", "Moreau", "Tanaka")


def test_a_persons_name_then_letters_is_no_state() -> None:
    """Fails on main: every postal code but the degrees MD, MS and PA ("Jane Roe, MA",
    "John Smith, ME")."""
    names = [
        f"{g} {f}, {code}"
        for i, g in enumerate(_GIVEN)
        for j, f in enumerate(_FAMILY)
        for code in _POSTAL[(i + j) % 6 :: 6]
    ]
    wrong = [n for n in names if "USA" in _both(n)]
    assert len(names) > 500
    assert not wrong, f"{len(wrong)}/{len(names)}: {wrong[:10]}"


def _us_towns_named_abroad() -> list[tuple[str, str]]:
    """(town, postal code): US places of 500 people or more that the gazetteer's cities
    of 100,000 or more abroad also name, in the town's own state (Delhi NY, Cairo IL)."""
    abroad = {
        normalise_text(str(c["name"]), accents=False): str(c["name"])
        for c in gazetteer_cities().values()
        if c["countrycode"] != "US" and int(c["population"]) >= 100_000
    }
    return sorted(
        (abroad[key], state)
        for state, names in _small_us_places().items()
        if state in _POSTAL
        for key in names & abroad.keys()
    )


def test_a_us_town_named_as_a_foreign_city_is_in_its_state() -> None:
    pairs = _us_towns_named_abroad()
    assert len(pairs) > 100
    corpus = [
        _TEMPLATES[n % 3].format(city=city, code=_AP.get(state, state) if n % 2 else state)
        for n, (city, state) in enumerate(pairs)
    ]
    wrong = [p for p in corpus if _both(p) != ("USA", "USA")]
    # a code that is also the ISO code of a country where the city lies is that country
    # ("Hamilton, CA" is Canada's)
    assert len(wrong) <= len(corpus) // 10, f"{len(wrong)}/{len(corpus)}: {wrong[:20]}"


def test_named_places() -> None:
    assert _both("Perth, WA") == ("AUS", "AUS")
    assert _both("Perth, Wash.") == ("AUS", None)  # AP form: Washington only (round 68)
    assert _both("Chennai, TN") == ("IND", "IND")
    assert _both("Milan, MI") == ("USA", "USA")  # Milan, Michigan
    assert _both("Delhi, N.Y.") == ("USA", "USA")
    assert _both("Smallville, Kan.") == ("USA", "USA")  # an AP dateline of a small town
    assert us_place_of_state("st. petersburg", "FL")
    assert not us_place_of_state("perth", "WA")
