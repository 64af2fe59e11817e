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
from extractor.text.gazetteer import city_index
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
