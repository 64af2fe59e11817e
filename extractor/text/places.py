"""Which country a place is in: country names and capitals first, then a gazetteer.

The codebook rules that check roles need it: a visit takes place in the host
country; a casualty is coded to the country where it happened, not the one
whose government reports it. ``country_in_text`` knows names, adjectives and
capitals; cities ("Mogadishu", "Tillabéri", "Nay Pyi Taw", and their names in
other languages) come from :mod:`extractor.text.gazetteer`.
"""

from __future__ import annotations

import re

from extractor.text.countries import country_in_text
from extractor.text.gazetteer import city_index, shared_city_names
from extractor.text.grounding import normalise_text

_LEADING = re.compile(
    r"^(?:the|near|outside|in|at|to|from|central|northern|southern|eastern|western)\s+"
)


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
    cities = city_index()
    found: set[str] = set()
    for part in re.split(r"[,;/()]| - ", text):
        key = _LEADING.sub("", normalise_text(part, accents=False).strip())
        if key in cities:
            found.add(cities[key])
    return found.pop() if len(found) == 1 else None


def place_proves_country(text: str | None) -> str | None:
    """The country a place as written proves an event happened in, or None: that of its
    parts that are no city name cities of real size in two states bear
    (:func:`shared_city_names`). "Tripoli", "Valencia", "Hyderabad" or "Victoria" alone
    prove nothing, though :func:`place_country` names one homonym's state for them (the
    largest's, or a capital's); "Tripoli, Lebanon" is in Lebanon by the state it names.
    The codebook codes no state on a guess."""
    if not text:
        return None
    shared = shared_city_names()
    parts = re.split(r"[,;/()]| - ", text)
    kept = [
        p for p in parts if _LEADING.sub("", normalise_text(p, accents=False).strip()) not in shared
    ]
    if len(kept) == len(parts):
        return place_country(text)
    return place_country(", ".join(kept)) if any(p.strip() for p in kept) else None
