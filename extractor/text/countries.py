"""Country and currency codes: ISO 3166-1 alpha-3 and ISO 4217, via pycountry.

Models write "China", "CN", "Chinese" or "Burma"; coders need "CHN". Everything
that names a country goes through :func:`to_alpha3`, so the records hold one
spelling and an unknown name fails validation with a message the model can act
on when re-asked.

Names are known in English and, per language, in the languages of
:data:`LOCAL_NAMES` (and in any other the Unicode CLDR names countries in).
A function given a text uses the English names and those of the text's
language; English text is read with the English names only, exactly as
before other languages were added.
"""

from __future__ import annotations

import gettext
import re
import sys
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from datetime import date
from functools import cache, lru_cache
from itertools import pairwise, product
from typing import NamedTuple

import pycountry

from extractor.text.cues import MEETING_WORDS, SPEECH_WORDS
from extractor.text.dates import MONTHS, WEEKDAYS
from extractor.text.gazetteer import (
    RIVAL_POPULATION,
    alpha3_of,
    city_countries,
    gazetteer_cities,
    main_city_names,
    us_states,
)
from extractor.text.grounding import normalise_text
from extractor.text.language import (
    ATTACHED_PREFIXES,
    ATTACHED_SUFFIXES,
    UNDETERMINED,
    UNSPACED,
    WORD,
    attached_forms,
    detect_language,
)
from extractor.text.sentences import TERMINATORS

# User-assigned codes in wide use by event datasets (ACLED, UCDP, the EU) for
# entities ISO 3166-1 does not list.
EXTRA_ALPHA3: dict[str, str] = {"XKX": "Kosovo"}

# Short and historical names pycountry's lookup does not resolve.
ALIASES: dict[str, str] = {
    "russia": "RUS",
    "burma": "MMR",
    "uk": "GBR",
    "u.k.": "GBR",
    "britain": "GBR",
    "great britain": "GBR",
    "england": "GBR",
    "united kingdom": "GBR",
    "us": "USA",
    "u.s.": "USA",
    "u.s.a.": "USA",
    "america": "USA",
    "united states of america": "USA",
    "turkey": "TUR",
    "türkiye": "TUR",
    "kosovo": "XKX",
    "ivory coast": "CIV",
    "cote d'ivoire": "CIV",
    "palestine": "PSE",
    "gaza": "PSE",
    "west bank": "PSE",
    "macedonia": "MKD",
    "vatican": "VAT",
    "holy see": "VAT",
    "dr congo": "COD",
    "drc": "COD",
    "democratic republic of congo": "COD",
    "democratic republic of the congo": "COD",
    "congo-kinshasa": "COD",
    # AP style, which news datelines follow ("GOMA, Congo (AP)"): a bare "Congo" is the
    # Democratic Republic; the Republic is always named as such.
    "congo": "COD",
    "congo-brazzaville": "COG",
    "republic of congo": "COG",
    "republic of the congo": "COG",
    "congo republic": "COG",
    "cape verde": "CPV",
    "swaziland": "SWZ",
    "micronesia": "FSM",
    "brunei": "BRN",
    "holland": "NLD",
    "the netherlands": "NLD",
    "south sudan": "SSD",
    "east timor": "TLS",
    "czechia": "CZE",
    "uae": "ARE",
    "emirates": "ARE",
    "iran": "IRN",
    "syria": "SYR",
    "north korea": "PRK",
    "dprk": "PRK",
    "south korea": "KOR",
    "republic of korea": "KOR",
    # The Republic's own English short name ("the Bank of Korea", "Korea's exports"); the
    # North is always named as such. Without it a bare "Korea" named no state at all.
    "korea": "KOR",
    "rok": "KOR",
    "laos": "LAO",
    "vietnam": "VNM",
    "taiwan": "TWN",
    "moldova": "MDA",
    "bolivia": "BOL",
    "venezuela": "VEN",
    "tanzania": "TZA",
    "prc": "CHN",
    "people's republic of china": "CHN",
}

# Adjectives and capitals that news text uses for states ("Chinese official",
# "Beijing supports"). Used to check that evidence names a record's country. The CLDR's
# currency names give most other English adjectives (:func:`_cldr_adjectives`); those of
# states that spend a shared currency ("Equatorial Guinean", "Salvadoran"), that CLDR writes
# with the state's name ("Brunei Dollar": "Bruneian") or without the word of the name that
# tells two places apart ("Macedonian Denar": "North Macedonian"), and a people's name
# that is no adjective in "-an" or "-i" with its plural ("Philippine Peso": "Filipinos"),
# are written here.
DEMONYMS: dict[str, tuple[str, ...]] = {
    "AFG": ("Afghan", "Kabul"),
    "ARE": ("Emirati", "UAE", "Abu Dhabi"),
    "AUS": ("Australian", "Canberra"),
    "BGD": ("Bangladeshi", "Dhaka"),
    "BLR": ("Belarusian", "Belarussian", "Byelorussian", "Belorussian", "Minsk"),
    "BEL": ("Belgian", "Brussels"),
    "BIH": ("Bosnian",),
    "ASM": ("American Samoan",),
    "BRA": ("Brazilian", "Brasilia"),
    "BRN": ("Bruneian",),
    "CAN": ("Canadian", "Ottawa"),
    "CHE": ("Swiss", "Geneva", "Bern"),
    "CHN": ("Chinese", "Beijing", "PRC"),
    "DEU": ("German", "Berlin"),
    "DNK": ("Danish", "Copenhagen"),
    "EGY": ("Egyptian", "Cairo"),
    "ESP": ("Spanish", "Madrid"),
    "FIN": ("Finnish", "Helsinki"),
    "FRA": ("French", "Paris"),
    "GBR": ("British", "UK", "London", "Northern Irish"),
    "GNB": ("Bissau-Guinean",),
    "GNQ": ("Equatorial Guinean",),
    "IND": ("Indian", "New Delhi"),
    "IRL": ("Irish",),
    "IRN": ("Iranian", "Tehran"),
    "IRQ": ("Iraqi", "Baghdad"),
    "ISR": ("Israeli", "Jerusalem"),
    "ITA": ("Italian", "Rome"),
    "JOR": ("Jordanian", "Amman"),
    "JPN": ("Japanese", "Tokyo"),
    "KHM": ("Cambodian", "Phnom Penh"),
    "KOR": ("Korean", "Seoul", "ROK"),
    "KWT": ("Kuwaiti",),
    "MKD": ("North Macedonian",),
    "MMR": ("Myanmar", "Burmese", "Naypyidaw", "Yangon"),
    "MNE": ("Montenegrin",),
    "MYS": ("Malaysian", "Kuala Lumpur"),
    "NLD": ("Dutch", "The Hague", "Amsterdam"),
    "NOR": ("Norwegian", "Oslo"),
    "NZL": ("New Zealand", "Wellington"),
    "PAK": ("Pakistani", "Islamabad"),
    "PHL": ("Filipino", "Filipinos"),
    "POL": ("Polish", "Warsaw"),
    "PRK": ("North Korean", "Pyongyang", "DPRK"),
    "PSE": ("Palestinian", "Gaza"),
    "QAT": ("Qatari", "Doha"),
    "RUS": ("Russian", "Moscow", "Kremlin"),
    "SAU": ("Saudi", "Riyadh"),
    "SGP": ("Singaporean",),
    "SLV": ("Salvadoran", "Salvadorean"),
    "SWE": ("Swedish", "Stockholm"),
    "SYR": ("Syrian", "Damascus"),
    "THA": ("Thai", "Bangkok"),
    "TLS": ("East Timorese", "Timorese"),
    "TUR": ("Turkish", "Ankara", "Türkiye"),
    "TWN": ("Taiwanese", "Taipei"),
    "UKR": ("Ukrainian", "Kyiv", "Kiev"),
    "USA": ("American", "U.S.", "US", "United States", "Washington", "White House"),
    "VNM": ("Vietnamese", "Hanoi"),
    "XKX": ("Kosovar", "Pristina"),
    "YEM": ("Yemeni", "Sanaa", "Houthi"),
    # States and territories that spend a shared currency (the CFA francs, the East
    # Caribbean and Australian dollars, the euro, the Swiss franc, the US dollar) or one
    # named for another place, so that no CLDR currency names their adjective; the
    # Congos' "Congolese", Samoa's "Samoan" and the Dominicas' "Dominican" name two
    # places (:data:`_SHARED_ADJECTIVES`) and stay unread.
    "BEN": ("Beninese",),
    "BFA": ("Burkinabe", "Burkinabè"),
    "BLZ": ("Belizean",),
    "CIV": ("Ivorian", "Ivoirian"),
    "CMR": ("Cameroonian",),
    "GAB": ("Gabonese",),
    "GRD": ("Grenadian",),
    "NER": ("Nigerien",),
    "SEN": ("Senegalese",),
    "TCD": ("Chadian",),
    "TGO": ("Togolese",),
    "MDG": ("Malagasy",),
    "MCO": ("Monegasque", "Monégasque"),
    "SMR": ("Sammarinese",),
    "LIE": ("Liechtensteiner",),
    "ATG": ("Antiguan",),
    "KNA": ("Kittitian",),
    "LCA": ("Saint Lucian",),
    "TTO": ("Trinidadian",),
    "TUV": ("Tuvaluan",),
    "NRU": ("Nauruan",),
    "PLW": ("Palauan",),
    "MHL": ("Marshallese",),
    "KIR": ("I-Kiribati",),
    "VUT": ("Ni-Vanuatu",),
    "NIU": ("Niuean",),
    "FRO": ("Faroese",),
    "GRL": ("Greenlandic",),
    "PRI": ("Puerto Rican",),
    "GUM": ("Guamanian",),
    "CYM": ("Caymanian",),
    "GIB": ("Gibraltarian",),
    "LSO": ("Basotho", "Mosotho"),
    "STP": ("Santomean",),
    "SLB": ("Solomon Islander",),
    "NCL": ("New Caledonian",),
    "CUW": ("Curaçaoan",),
}

#: How an English adjective of nationality ends ("Kenyan", "Nepalese", "Polish", "Czech",
#: "Omani", "Icelandic", "Argentine"): the words before a currency's unit that end so are one.
_ADJECTIVE_ENDING = re.compile(r"(?:an|ese|ish|ch|i|ic|ine)$")
#: Adjectives two places share, which name neither state: "Congolese" (both Congos),
#: "Dominican" (Dominica and the Dominican Republic; also the friars' order), "Samoan"
#: (Samoa and American Samoa), "Macedonian" (North Macedonia and Greece's Macedonia).
_SHARED_ADJECTIVES = frozenset({"Congolese", "Dominican", "Samoan", "Macedonian"})


#: The first day of the currencies whose names still name a people: the CLDR dates each
#: territory's tender back to the nineteenth century, and a state that took the euro or the
#: US dollar ("Greek Drachma", "Portuguese Escudo", "Ecuadorian Sucre") or renamed its
#: money is written in the name of its former currency only.
_CURRENCIES_SINCE = date(1800, 1, 1)


def _cldr_adjectives() -> dict[str, str]:
    """English adjectives of nationality from the Unicode CLDR (via Babel), the states'
    list above left short: the English names of currencies write them ("Kenyan Shilling",
    "Sri Lankan Rupee", "Papua New Guinean Kina", "Greek Drachma"), and the one state whose
    tender the currency is or was tells whose adjective it is. Today's currencies decide
    first; a former one only adds an adjective no state has yet, and only one that begins
    as the state's name does today: a former currency may carry a former name ("Rhodesian
    Dollar", "Zairean Zaire"), which reads as history, not as today's state."""
    former = {
        adjective: code
        for adjective, code in _currency_adjectives(_CURRENCIES_SINCE).items()
        if any(adjective[:3].lower() == name[:3].lower() for name in _state_names(code))
    }
    return {**former, **_currency_adjectives(None)}


def _state_names(code: str) -> list[str]:
    """The names pycountry gives the state ``code``: short, common and official."""
    country = pycountry.countries.get(alpha_3=code)
    fields = ("name", "common_name", "official_name")
    return [str(getattr(country, f)) for f in fields if country and getattr(country, f, None)]


def _currency_adjectives(since: date | None) -> dict[str, str]:
    """The adjective each currency's English name gives its one state (currencies legal
    tender today, or at any time from ``since``). A currency several states spend names the
    one whose English name starts as the adjective does, or none ("East Caribbean Dollar");
    a state's name, the short one of :data:`ALIASES` too, is no adjective ("New Taiwan
    Dollar", "Brunei Dollar"); an adjective two states' currencies give names neither. The
    word before the currency's noun is the adjective when it ends as English adjectives of
    nationality do ("-an", "-ese", "-ish", "-i") or begins as its state's name does
    ("Greek", "Slovak", "Cypriot")."""
    from babel import Locale

    spenders = _spenders(since)
    state_names = {country.alpha_3: country.name for country in pycountry.countries}
    names = {
        n.lower() for c in pycountry.countries for n in (c.name, getattr(c, "common_name", ""))
    } | set(ALIASES)
    found: dict[str, set[str]] = {}
    for currency, name in Locale("en").currencies.items():
        words = _ACCOUNT.sub("", name).split()  # "Spanish Peseta (A account)"
        adjective = " ".join(words[:-1])
        if (
            currency not in spenders
            or len(words) < 2
            or words[-2].lower() in names
            or adjective in _SHARED_ADJECTIVES
        ):
            continue
        states = {
            code
            for code in spenders[currency]
            if len(spenders[currency]) == 1
            or state_names[code][:4].lower() == adjective[:4].lower()
        }
        if len(states) == 1 and _reads_as_adjective(words[-2], state_names[next(iter(states))]):
            found.setdefault(adjective, set()).update(states)
    return {adjective: codes.pop() for adjective, codes in found.items() if len(codes) == 1}


@cache
def _spenders(since: date | None) -> dict[str, set[str]]:
    """Currency -> the states whose tender it is today (``since`` None) or was at any time
    from ``since``, by the CLDR."""
    from babel.numbers import get_territory_currencies

    spenders: dict[str, set[str]] = {}
    for country in pycountry.countries:
        until = date.today() if since else None
        for currency in get_territory_currencies(country.alpha_2, since, until):
            spenders.setdefault(currency, set()).add(country.alpha_3)
    return spenders


#: A bracketed qualifier of a currency's name: its years or its kind of account.
_ACCOUNT = re.compile(r"\s*\([^)]*\)")


def _reads_as_adjective(word: str, state: str) -> bool:
    """Whether ``word``, before a currency's noun, is an adjective of nationality of
    ``state``: by its ending, or by beginning as the state's name does."""
    return bool(_ADJECTIVE_ENDING.search(word)) or (
        word[:4].lower() == state[:4].lower() and word.isalpha()
    )


#: The English adjective of each state: the first word of its entry above, else CLDR's.
ADJECTIVES: dict[str, str] = {
    **{code: adjective for adjective, code in _cldr_adjectives().items()},
    **{code: words[0] for code, words in DEMONYMS.items() if _ADJECTIVE_ENDING.search(words[0])},
}
for _code, _adjective in ADJECTIVES.items():
    if _adjective not in DEMONYMS.get(_code, ()):
        DEMONYMS[_code] = (_adjective, *DEMONYMS.get(_code, ()))


def _plural_adjective(code: str) -> str | None:
    """The people of a state as English names them with its adjective in "-an" or "-i"
    ("Kenyans", "Israelis", "Afghans"); "Nepalese", "Polish" and "Czech" take no "-s"."""
    adjective = ADJECTIVES.get(code)
    return f"{adjective}s" if adjective and adjective.endswith(("an", "i")) else None


# Government bodies whose name alone says which state acts: a US arms-sale
# notice names the Defense Security Cooperation Agency and never the country.
INSTITUTIONS: dict[str, tuple[str, ...]] = {
    "USA": (
        "Pentagon", "Defense Security Cooperation Agency", "Department of Defense",
        "State Department", "Department of State", "U.S. Government",
    ),
    "GBR": ("Downing Street", "Ministry of Defence of the United Kingdom"),
    "RUS": ("Kremlin",),
}  # fmt: skip


@cache
def _demonym_index() -> dict[str, str]:
    return {
        normalise_text(word, accents=False): code
        for code, words in DEMONYMS.items()
        for word in words
    }


@cache
def to_alpha3(value: str, language: str | None = None) -> str:
    """Return the ISO 3166-1 alpha-3 code for a code, name or common alias.

    A name that no English name matches is looked up among the names of
    ``language`` ("Alemania" in "es"), or of every language of
    :data:`LOCAL_NAMES` when ``language`` is None (a model reading a Russian
    article may write "Китай"); a name two languages give to different
    countries is not resolved. Raises ``ValueError`` with a re-ask friendly
    message when nothing matches.
    """
    raw = value.strip()
    if not raw:
        raise ValueError("empty country: give an ISO 3166-1 alpha-3 code such as 'USA', or null")
    upper = raw.upper()
    if upper in EXTRA_ALPHA3:
        return upper
    english = _english_alpha3(raw)
    if english is not None:
        return english
    folded = normalise_text(raw, accents=False).removeprefix("the ")
    if folded in _demonym_index():
        return _demonym_index()[folded]
    local = _local_alpha3(folded, language)
    if local is not None:
        return local
    raise ValueError(
        f"unknown country {value!r}: give an ISO 3166-1 alpha-3 code such as 'USA' or 'CHN', "
        "or null if the text names no country"
    )


def _english_alpha3(raw: str) -> str | None:
    """The alpha-3 code an English name, alias or code of a state gives (pycountry's
    lookup reads codes and names alike), or None."""
    folded = normalise_text(raw, accents=False).removeprefix("the ")
    if folded in ALIASES:
        return ALIASES[folded]
    try:
        return str(pycountry.countries.lookup(raw).alpha_3)
    except LookupError:
        return None


@lru_cache(maxsize=256)
def state_named(word: str) -> str | None:
    """The alpha-3 code of the state an English name or alias names ("Kenya", "Russia",
    "the Netherlands"), or None: for a code too ("CAN", "ARE" are words in prose), an
    adjective ("Russian") or another language's name. Readers of prose ask this, not
    :func:`to_alpha3`, which takes whatever a model may write for a country."""
    return None if len(word.strip()) <= 3 else _english_alpha3(word)


def is_alpha3(value: str) -> bool:
    """True when ``value`` is already a known alpha-3 code (no alias folding)."""
    return value in EXTRA_ALPHA3 or pycountry.countries.get(alpha_3=value) is not None


@cache
def country_names(code: str, language: str = "en") -> tuple[str, ...]:
    """Ways a text may name the country ``code``: names, aliases, demonyms, capitals.

    In English, and also in ``language`` (ISO 639-1) when it is another
    ("Pekín", "chinos" for "es"; "Китая" for "ru"), longest first.
    """
    english = _english_names(code)
    if language in ("en", UNDETERMINED) or not has_local_names(language):
        return english
    local = _local_index(language).names.get(code, ())
    return _longest_first({*english, *local})


@lru_cache(maxsize=4096)
def folded_country_names(code: str, language: str = "en") -> dict[str, str]:
    """Each of :func:`country_names` -> its ``normalise_text``, what the checks of a record
    compare with the folded article. Folded once per process: the checks of every record
    of every answer asked for them, tens of thousands of folds per bulk run.

    The mapping is shared: read it, never change it.
    """
    return {name: normalise_text(name) for name in country_names(code, language)}


@cache
def _english_names(code: str) -> tuple[str, ...]:
    names: set[str] = set()
    if code in EXTRA_ALPHA3:
        names.add(EXTRA_ALPHA3[code])
    country = pycountry.countries.get(alpha_3=code)
    if country is not None:
        for attr in ("name", "common_name", "official_name"):
            name = getattr(country, attr, None)
            if name:
                names.add(name)
                # "Korea, Republic of" -> "Korea"
                names.add(name.split(",")[0])
    names.update(alias for alias, c in ALIASES.items() if c == code and len(alias) > 3)
    names.update(DEMONYMS.get(code, ()))
    names.update(INSTITUTIONS.get(code, ()))
    if plural := _plural_adjective(code):
        names.add(plural)
    return _longest_first(names)


def _longest_first(names: set[str]) -> tuple[str, ...]:
    """``names`` longest first, names of one length in alphabetical order: the order of a
    set changes with each process's string hashing, and the first name that matches is
    the one a check reports."""
    return tuple(sorted(names, key=lambda name: (-len(name), name)))


@cache
def to_currency(value: str) -> str:
    """Return the ISO 4217 code for a code or symbol ("$" -> "USD")."""
    raw = value.strip()
    symbol = CURRENCY_SYMBOLS.get(raw) or CURRENCY_SYMBOLS.get(raw.lower())
    if symbol:
        return symbol
    try:
        return str(pycountry.currencies.lookup(raw).alpha_3)
    except LookupError:
        raise ValueError(
            f"unknown currency {value!r}: give an ISO 4217 code such as 'USD' or 'EUR'"
        ) from None


CURRENCY_SYMBOLS: dict[str, str] = {
    "$": "USD",
    "us$": "USD",
    "usd": "USD",
    "dollar": "USD",
    "dollars": "USD",
    "€": "EUR",
    "euro": "EUR",
    "euros": "EUR",
    "£": "GBP",
    "pound": "GBP",
    "pounds": "GBP",
    "¥": "JPY",
    "yen": "JPY",
    "₹": "INR",
    "rupees": "INR",
    "₽": "RUB",
    "roubles": "RUB",
    "rubles": "RUB",
    "yuan": "CNY",
    "renminbi": "CNY",
    "a$": "AUD",
    "c$": "CAD",
}


@cache
def _name_index() -> list[tuple[str, str]]:
    """(folded name, code) for every country, longest names first."""
    owners: dict[str, set[str]] = {}
    heads: dict[str, set[str]] = {}  # names that are only the head of a code's name
    codes = [c.alpha_3 for c in pycountry.countries] + list(EXTRA_ALPHA3)
    for code in codes:
        whole = {normalise_text(name, accents=False) for name in _whole_names(code)}
        for name in _english_names(code):
            folded = normalise_text(name, accents=False)
            if len(folded) >= 4 or folded in ("uk", "us", "u.s."):
                owners.setdefault(folded, set()).add(code)
                if folded not in whole:
                    heads.setdefault(folded, set()).add(code)
    aliases = {normalise_text(alias, accents=False): code for alias, code in ALIASES.items()}
    pairs = [
        (name, code)
        for name, found in owners.items()
        for code in ([aliases[name]] if name in aliases else _owner(found, heads.get(name, set())))
    ]
    return sorted(pairs, key=lambda p: (-len(p[0]), p))


def _whole_names(code: str) -> set[str]:
    """The names of ``code`` as pycountry and :data:`ALIASES` write them, not cut at a comma."""
    country = pycountry.countries.get(alpha_3=code)
    names = {alias for alias, c in ALIASES.items() if c == code}
    if country is not None:
        names |= {getattr(country, a, None) or "" for a in ("name", "common_name", "official_name")}
    return names - {""}


def _owner(codes: set[str], heads: set[str]) -> list[str]:
    """The code a name names when :data:`ALIASES` does not say: one that has the name whole ("Congo", the Republic's name)
    over one that has it only as the head of its own ("Congo, The Democratic Republic
    of the"); a name two codes have alike ("Virgin Islands") names neither. Chosen, not
    left to the order of a set, which changes with each process's string hashing."""
    if len(codes) == 1:
        return list(codes)
    whole = codes - heads
    return list(whole) if len(whole) == 1 else []


@cache
def _name_patterns() -> list[tuple[str, str, re.Pattern[str]]]:
    """:func:`_name_index` with each name's whole-word pattern, compiled once (compiled per
    call, ~1,000 of them overflowed ``re``'s cache: 200 ms of CPU per document)."""
    return [(name, code, re.compile(rf"(?<![\w]){re.escape(name)}(?![\w])"))
            for name, code in _name_index()]  # fmt: skip


def country_in_text(text: str, language: str | None = None) -> str | None:
    """The one country a short text (a place as written) names, or None if none or several.

    "Kuala Lumpur, Malaysia" -> "MYS"; "Washington" -> "USA" (capitals count).
    English names first: when one matches, the answer is the English one.
    Else the names of ``language`` (the article's), or of the text's own
    language when it can be told ("Москва", "北京"; a lone "Pekín" cannot
    be told: give ``language``).
    A place name of several words that holds another country's name is read whole
    (:func:`_whole_places`): "Benin City" names no Benin, "New Mexico" no Mexico.
    """
    return _named_country(_without_whole_places(text), language)


def _named_country(text: str, language: str | None = None) -> str | None:
    """:func:`country_in_text` without reading place names whole first."""
    folded = normalise_text(text, accents=False)
    found: set[str] = set()
    for name, code, pattern in _name_patterns():
        if name in folded and pattern.search(folded):  # a substring test first: C speed
            found.add(code)
            folded = folded.replace(name, " ")
    found |= {_SHORT_CODES[m.group(1)] for m in _short_hits(text, language)}
    if not found:
        language = language or _language_of(text)
        if has_local_names(language):
            hits = _local_hits(text, language, running=False)
            found = {code for _, _, code in hits if code is not None}
    return _placed(text, found.pop()) if len(found) == 1 else None


def _placed(text: str, code: str) -> str:
    """``code``, or the state a city before a bare shared name in ``text`` places it in
    ("Brazzaville, Congo" is the Republic: :func:`_bare_name_owners`)."""
    if _sharers(code) is None:
        return code
    for word in _ONE_WORD.finditer(text):
        if _fold(word.group()) in _bare_words("en") and (
            placed := _placed_owner(text, word.start(), code)
        ):
            return placed
    return code


_WORD = WORD  # a word with its marks: "भारत" is one, not "भ" and "रत"


@cache
def _mention_index() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """First word of a country name (case-folded) -> (rest of its words, code), longest first.

    Looking up each article word in a dict keeps the scan to one pass
    whatever the number of names (a regex alternation of ~1,000 names costs
    a millisecond per article).
    """
    index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for name, code in _name_index():
        words = tuple(_WORD.findall(name))
        if words and len(name) >= 4:
            index.setdefault(words[0], []).append((words[1:], code))
    for entries in index.values():
        entries.sort(key=lambda entry: len(entry[0]), reverse=True)
    return index


#: States' initials of up to three letters, found only in capitals and as a word of their
#: own ("the UAE", "the DRC's army", "US-UK ties"; not "AN/PRC-158 radios"): "US" and "UK" and the short
#: aliases and initials of :data:`ALIASES` and :data:`DEMONYMS` ("UAE", "PRC", "ROK").
_SHORT_CODES = {
    "U.S.": "USA",
    "USA": "USA",
    **{alias.upper(): code for alias, code in ALIASES.items() if len(alias) <= 3},
    **{name: code for code, names in DEMONYMS.items() for name in names
       if len(name) <= 3 and name.isupper()},
}  # fmt: skip
_SHORT = re.compile(
    r"(?<![\w./])("
    + "|".join(re.escape(s) for s in sorted(_SHORT_CODES, key=len, reverse=True))
    + r")(?![\w/]|-\d)"
)
#: Languages whose press writes the state with initials of its own name, in its own word
#: order ("la RDC", "los EAU", "la RPC", "die VAE", "VR China", "DRK", "ZEA", "ChRL",
#: "KDR", "SAE", "ČLR", "BAE", "ÇHC"): there the English letters are another body's
#: ("la DRC", a regional directorate). Everywhere else the English initials are the
#: state's, as the press writes them ("Serikali ya DRC", "Kerajaan UAE", "i UAE").
_OWN_INITIALS_LANGUAGES = frozenset(
    {"fr", "es", "it", "pt", "ca", "ro", "de", "pl", "cs", "sk", "tr", "hu"}
)
#: Initials of a state's name in several words and the languages where they name no state:
#: those of :data:`_OWN_INITIALS_LANGUAGES`, save Dutch "DRC" of "Democratische Republiek
#: Congo" (Dutch writes "VAE", "VRC" otherwise); and where the letters are a word: Polish,
#: Czech, Slovak, Croatian, Serbian, Bosnian and Slovene "ROK" is "year"/"deadline" in a
#: headline ("NOWY ROK 2025"). Initials not listed ("US", "UK", "USA") are read in every
#: language ("US-Präsident", "UK-ul").
_SHORT_ELSEWHERE: dict[str, frozenset[str]] = {
    "DRC": _OWN_INITIALS_LANGUAGES,
    "UAE": _OWN_INITIALS_LANGUAGES | {"nl"},
    "PRC": _OWN_INITIALS_LANGUAGES | {"nl"},
    "ROK": _OWN_INITIALS_LANGUAGES | {"nl", "pl", "cs", "sk", "hr", "sl", "sr", "bs"},
}
#: Words that join the capitalised words of a name whose initials skip them ("Department
#: of State", "Council for Refugees"), read back from a parenthesis.
_DEFINITION_LINKS = frozenset({"of", "for", "and", "the", "on", "in", "&"})
_PARENTHESISED = re.compile(r"\(\s*([A-Z]{2,5})\s*\)")
_DEFINED_AFTER = re.compile(r"(?<![\w./])([A-Z]{2,5})\s*\(\s*([A-Z][^()]{2,80})\)")


def _short_hits(text: str, language: str | None) -> list[re.Match[str]]:
    """The state initials of ``text`` (:data:`_SHORT`) that name a state in ``language``
    (:data:`_SHORT_ELSEWHERE`; any, when not known) and that the text does not define as
    another name's (:func:`_defined_initials`)."""
    hits = [
        match
        for match in _SHORT.finditer(text)
        if language is None
        or (
            language not in _SHORT_ELSEWHERE.get(match.group(1), ())
            and not _capitalised_word(text, match.start(), match.end(), language)
        )
    ]
    if not hits:
        return hits
    defined = _defined_initials(text)
    return [match for match in hits if match.group(1) not in defined]


#: Initials that are an ordinary word of a language, written in capitals in a headline:
#: "usa" (uses) in Italian, Portuguese, Spanish, Catalan and Galician ("MELONI USA IL VETO",
#: "LULA USA DISCURSO"), and the words that make them the noun there ("GLI USA", "OS USA").
_INITIALS_AS_WORDS: dict[str, frozenset[str]] = {"USA": frozenset({"it", "pt", "es", "ca", "gl"})}
_NOUN_BEFORE = frozenset({"GLI", "DEGLI", "NEGLI", "AGLI", "DAGLI", "SUGLI", "LOS", "LAS", "OS",
                          "DOS", "NOS", "AOS", "PELOS", "ELS", "DELS", "ALS", "PELS", "E", "Y",
                          "I", "O", "CON", "COM", "CONTRO", "CONTRA", "TRA", "FRA", "ENTRE"})  # fmt: skip
_CAPS_BEFORE = re.compile(r"(?<![\w'’])([^\W\d_a-z]{2,})[ \t]+$")
_CAPS_AFTER = re.compile(r"[ \t]+(?![EYI](?![\w'’]))([^\W\d_a-z]+)(?![\w'’])")
#: Words after the initials that make them the noun a noun before them qualifies ("DAZI
#: USA SULLA CINA", "TRUPPE USA IN SIRIA", "TROPAS USA EN SIRIA", "BASES USA EM PORTUGAL",
#: "AMBASCIATA USA A ROMA"): prepositions, with their articles, of it/pt/es/ca/gl; a verb's
#: object after "usa" (uses) is an article's noun or a bare one ("USA IL VETO", "USA
#: MISSILI"), never a preposition's.
_PREPOSITION_AFTER = frozenset({
    "IN", "SU", "SUL", "SULLO", "SULLA", "SUI", "SUGLI", "SULLE", "CONTRO", "A", "AD", "AL",
    "ALLO", "ALLA", "AI", "AGLI", "ALLE", "DI", "DEL", "DELLO", "DELLA", "DEI", "DEGLI",
    "DELLE", "DA", "DAL", "DALLA", "DAI", "NEL", "NELLO", "NELLA", "NEI", "NEGLI", "NELLE",
    "PER", "VERSO", "TRA", "FRA", "SENZA", "EN", "EM", "NO", "NA", "NOS", "NAS", "PARA",
    "POR", "PELO", "PELA", "DE", "DO", "DOS", "DAS", "SOBRE", "CONTRA", "ENTRE", "HACIA",
    "SIN", "AO", "AOS", "À", "ÀS", "ALL", "DELL", "DALL", "NELL", "SULL", "ALS", "DELS",
})  # fmt: skip
#: The endings of a past participle in it/pt/es/ca/gl ("SOLDATI USA UCCISI", "TROPAS USA
#: DESPLEGADAS"), which qualify a noun the initials qualify too: no object of a verb.
_PARTICIPLE_ENDING = re.compile(
    r"(?:AT|UT|IT|AD|ID)[OAIE]S?$|(?:UCCIS|PRES|MESS|ESPLOS)[OAIE]$"
    r"|^(?:MUERT|MORT|ABIERT|ABERT|CUBIERT|COBERT|HECH|FEIT|FATT|ESCRIT|SCRITT|ELEIT|ELETT)"
    r"[OAIE]S?$"
)
#: The third person plural of a verb's present or past in it/pt/es/ca/gl ("TRUPPE USA
#: LASCIANO", "FUERZAS USA ATACAN", "TROPAS USA DEIXAM", "MARINES USA ABANDONARON"): its
#: subject is plural, so the initials before it qualify that subject's noun; "usa" (uses),
#: a singular, never stands before another verb. Nouns of those endings ("IMAGEN",
#: "MENSAGEM", "ORDEN") end in -GEN/-GEM/-MEN/-DEN/-DEM, which are left out.
_PLURAL_VERB = re.compile(r"^[^\W\d_]{3,}(?:AN|AM|(?<![GMD])E[NM]|[AO]NO|ARON|IERON|RONO)$")
#: Nouns of office in it/pt/es/ca/gl that "USA" qualifies before a holder's name
#: ("PRESIDENTE USA BIDEN", "SEGRETARIO USA BLINKEN"): no subject of a verb "usa".
_OFFICES_BEFORE = frozenset({
    "PRESIDENTE", "VICEPRESIDENTE", "SEGRETARIO", "SECRETARIO", "SECRETÁRIO", "MINISTRO",
    "MINISTRA", "AMBASCIATORE", "EMBAJADOR", "EMBAIXADOR", "INVIATO", "ENVIADO", "GENERALE",
    "GENERAL", "CAPO", "JEFE", "CHEFE", "SENATORE", "SENADOR", "PREMIER",
})  # fmt: skip


def _capitalised_word(text: str, start: int, end: int, language: str) -> bool:
    """Whether initials ``match`` are the ordinary word of ``language`` they also spell
    (:data:`_INITIALS_AS_WORDS`), written in capitals between two words in capitals: a verb
    after its subject and before its object ("LA RUSSIA USA MISSILI", "O GOBERNO USA O
    VETO"). An article or a preposition before makes them the noun ("GLI USA E LA CINA");
    so does no word in capitals on either side ("gli USA", "ELEZIONI USA"), "and" after
    ("DAZI USA E CINA"), a preposition, a participle or a plural verb after
    (:data:`_PREPOSITION_AFTER`, :data:`_PARTICIPLE_ENDING`, :data:`_PLURAL_VERB`: "TRUPPE USA
    IN SIRIA", "SOLDADOS USA MUERTOS", "FUERZAS USA ATACAN") or a noun of office before
    ("PRESIDENTE USA BIDEN")."""
    if language not in _INITIALS_AS_WORDS.get(text[start:end], ()):
        return False
    before = _CAPS_BEFORE.search(text, max(0, start - 40), start)
    after = _CAPS_AFTER.match(text, end)
    return (
        before is not None
        and before.group(1).upper() == before.group(1)
        and before.group(1) not in _NOUN_BEFORE
        and before.group(1) not in _OFFICES_BEFORE
        and after is not None
        and after.group(1) not in _PREPOSITION_AFTER
        and not _PARTICIPLE_ENDING.search(after.group(1))
        and not (_PLURAL_VERB.match(after.group(1)) and _plural_noun(before.group(1), language))
    )


#: The endings of a plural noun in capitals: -S in es/pt/ca/gl ("SOLDADOS", "TROPAS",
#: "MARINES"), -I or -E in Italian ("SOLDATI", "TRUPPE"), -S in its loans ("MARINES").
_PLURAL_NOUN_ENDINGS = {"it": ("I", "E", "S")}


def _plural_noun(word: str, language: str) -> bool:
    """Whether ``word``, the subject before "USA", is a plural noun: only a plural subject
    takes the plural verb :data:`_PLURAL_VERB` reads after "USA"; "usa" (uses) has a
    singular one, and its object may end as a plural verb does ("EL GOBIERNO USA
    CARBONO", "LA POLICÍA USA PANTANO")."""
    return word.endswith(_PLURAL_NOUN_ENDINGS.get(language, ("S",)))


def _defined_initials(text: str) -> frozenset[str]:
    """State initials that ``text`` defines as the abbreviation of another name, in the
    whole text: "the Danish Refugee Council (DRC)", "the Pesticide Residue Committee (PRC)",
    "DRC (Disaster Recovery Center)". Initials are short for what the writer spelled out
    with them; a name that is the state's own ("Democratic Republic of Congo (DRC)") leaves
    them the state's."""
    defined: set[str] = set()
    for match in _PARENTHESISED.finditer(text):
        letters = match.group(1)
        if letters in _SHORT_CODES:
            words = _initial_words(text[max(0, match.start() - 120) : match.start()], letters)
            if words and not _names_state(words, _SHORT_CODES[letters]):
                defined.add(letters)
    for match in _DEFINED_AFTER.finditer(text):
        letters, words = match.group(1), match.group(2)
        if (
            letters in _SHORT_CODES
            and _initials(words.split()) == letters
            and not _names_state(words, _SHORT_CODES[letters])
        ):
            defined.add(letters)
    return frozenset(defined)


def _initial_words(before: str, letters: str) -> str | None:
    """The words that end ``before`` and whose capitals spell ``letters`` (skipping
    :data:`_DEFINITION_LINKS`), or None."""
    words = before.split()
    for size in range(len(letters), min(len(words), 2 * len(letters)) + 1):
        tail = words[-size:]
        if tail[0][:1].isupper() and _initials(tail) == letters:
            return " ".join(tail)
    return None


def _initials(words: list[str]) -> str:
    """The capitals that start ``words``, or "" when a word is neither capitalised nor
    one of :data:`_DEFINITION_LINKS` (no name's initials)."""
    if not all(word[:1].isupper() or word.lower() in _DEFINITION_LINKS for word in words):
        return ""
    return "".join(word[0] for word in words if word.lower() not in _DEFINITION_LINKS)


def _names_state(words: str, code: str) -> bool:
    """Whether ``words`` hold a name of state ``code`` ("Democratic Republic of Congo")."""
    folded = _fold(words)
    return any(name in folded for name in _names_of().get(code, ()))


@cache
def _names_of() -> dict[str, tuple[str, ...]]:
    """:func:`_name_index` by code: each state's folded English names of four letters or
    more (a substring test: "us" is in "House")."""
    names: dict[str, list[str]] = {}
    for name, code in _name_index():
        if len(name) >= 4:
            names.setdefault(code, []).append(name)
    return {code: tuple(found) for code, found in names.items()}


@lru_cache(maxsize=1 << 14)
def _fold_word(word: str) -> str:
    """``normalise_text(word, accents=False)`` of one ``\\w+`` word, faster.

    Country names and the words of a text are compared by the package's one
    fold with accents dropped ("Türkiye" ~ "turkiye"); for an ASCII word (most
    of them) that fold is just lower case.
    """
    return word.lower() if word.isascii() else normalise_text(word, accents=False)


_CAPITALISED = re.compile(r"(?<!\w)[A-ZÀ-ÖØ-Þ]\w*")


def countries_in_text(text: str, language: str | None = None) -> list[str]:
    """Codes of the countries ``text`` names (by name, adjective or capital), first mention first.

    The engine shows this list to the model so that a small model picks
    codes the article supports instead of guessing them. Names start with a
    capital in English prose, so only capitalised words are looked up (a
    fifth of the words of a news article). "US" and "UK" count only in
    capitals, so that the pronoun "us" is not the United States.

    A text in another language (``language``, detected when not given) is
    also read with that language's names ("Pekín", "Russland", "Китая",
    "中国"); English text is read with the English names alone.
    """
    language = language or detect_language(text)
    text = _without_whole_places(text)
    if language in ("en", UNDETERMINED) or not has_local_names(language):
        english = _bare_name_owners(text, _english_spans(text, language), "en")
        return _first_mentions(
            [(start, code) for start, _, code in english if code is not None]
            + _elided_sides(text, english, "en")
            + _plural_hits(text, "en" if language == UNDETERMINED else language)
        )
    local = [
        hit
        for hit in _local_hits(text, language)
        if not _capitalised_word(text, *hit[:2], language)
    ]
    spans = _bare_name_owners(
        text, _longest_spans([*local, *_english_spans(text, language)]), language
    )
    hits = [(start, code) for start, _, code in spans if code is not None]
    if language in ABBREVIATIONS:
        hits += _abbreviation_hits(text, language)
    hits += _elided_sides(text, spans, language)
    return _first_mentions(hits + _plural_hits(text, language))


def _without_whole_places(text: str) -> str:
    """``text`` with each place name of several words that holds another country's name
    blanked out (:func:`_whole_places`): "Benin City" is Nigeria's, "New Mexico" a US
    state, and neither mentions Benin or Mexico. Offsets are kept."""
    pattern = _whole_places()
    return pattern.sub(lambda m: " " * len(m.group()), text) if pattern else text


@cache
def _whole_places() -> re.Pattern[str] | None:
    """The gazetteer's city names of several words (cities of :data:`RIVAL_POPULATION`
    people or more) and the US states' names that hold the name of a country other than
    their own ("Benin City", "Spanish Town", "Jersey City", "New Mexico"):
    read whole before their parts, as :func:`extractor.text.places.place_country` reads a
    place. None when there is none."""
    places = [
        (str(city["name"]), alpha3_of(str(city["countrycode"])))
        for city in gazetteer_cities().values()
        if int(city.get("population") or 0) >= RIVAL_POPULATION
    ]
    places += [(name, "USA") for name in us_states()]
    names = sorted({name for name, code in places if _holds_other_country(name, code)}, key=len)
    if not names:
        return None
    alternatives = "|".join(
        r"[\s-]+".join(map(re.escape, re.split(r"[\s-]+", name))) for name in reversed(names)
    )
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def _holds_other_country(name: str, code: str) -> bool:
    """:func:`holds_other_country` for running text: a name whose first word is a compass
    word is kept ("East London" may be London's east end)."""
    return holds_other_country(name, code, compass=False)


def holds_other_country(name: str, code: str, compass: bool = True) -> bool:
    """Whether place ``name`` of several words, in country ``code``, names another country
    by its words without the first or without the last ("Benin City": Benin).

    One test for both readers of whole names: :func:`_whole_places` blanks them in running
    text, :func:`extractor.text.places.place_country` reads a place as written whole. They
    differ on a first compass word only (``compass``): in running text "East London" or
    "East Jerusalem" is also a part of the place it qualifies, and the country the rest
    names stays a mention; a place as written that is a city's whole main name ("East
    London", South Africa's) is that city. The compass words are :data:`_COMPASS`, the one
    table of them in this module."""
    key = normalise_text(name, accents=False)
    words = re.split(r"[\s-]+", key)
    if len(words) < 2 or (words[0] in _COMPASS and not compass):
        return False
    named = _named_country(key)
    if named is None or named == code:
        return False
    return any(_named_country(" ".join(span)) == named for span in (words[1:], words[:-1]))


#: Per language: the plural of a name that two states share, which names both ("the two
#: Koreas", "les Corées du Nord et du Sud", "las Coreas", "both Sudans", "the two Congos"),
#: and the adjective of what passes between them ("inter-Korean talks", "intercoréen").
#: Only where the plural is no other word (Dutch "Korea's" is also the possessive, German
#: "Koreas" the genitive, "Republik Koreas": there only after a number or an article of its
#: own, "die beiden Koreas", "zwischen den Koreas").
_KOREAS = ("PRK", "KOR")
_PLURAL_NAMES: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {"Koreas": _KOREAS, "Congos": ("COG", "COD"), "Sudans": ("SDN", "SSD"),
           "inter-Korean": _KOREAS, "Inter-Korean": _KOREAS},
    "fr": {"Corées": _KOREAS, "Congos": ("COG", "COD"), "Soudans": ("SDN", "SSD"),
           **dict.fromkeys(("intercoréen", "intercoréens", "intercoréenne", "intercoréennes",
                            "inter-coréen", "inter-coréens", "inter-coréenne",
                            "inter-coréennes"), _KOREAS)},
    "es": {"Coreas": _KOREAS, "Congos": ("COG", "COD"), "Sudanes": ("SDN", "SSD"),
           **dict.fromkeys(("intercoreano", "intercoreanos", "intercoreana",
                            "intercoreanas"), _KOREAS)},
    "pt": {"Coreias": _KOREAS, "Congos": ("COG", "COD"), "Sudões": ("SDN", "SSD"),
           **dict.fromkeys(("intercoreano", "intercoreanos", "intercoreana",
                            "intercoreanas"), _KOREAS)},
    "it": {"Coree": _KOREAS, **dict.fromkeys(("intercoreano", "intercoreani", "intercoreana",
                                               "intercoreane"), _KOREAS)},
    "de": {**dict.fromkeys(("beiden Koreas", "beide Koreas", "beider Koreas", "zwei Koreas",
                            "die Koreas", "den Koreas", "der Koreas", "Die Koreas", "Beide Koreas",
                            "Zwei Koreas"), _KOREAS),
           **dict.fromkeys(("innerkoreanisch", "innerkoreanische", "innerkoreanischen",
                            "innerkoreanischer", "innerkoreanisches", "innerkoreanischem"),
                           _KOREAS)},
}  # fmt: skip


@cache
def _plural_pattern(language: str) -> re.Pattern[str] | None:
    """:data:`_PLURAL_NAMES` of ``language``, capitalised or in capitals."""
    names = _PLURAL_NAMES.get(language)
    if not names:
        return None
    written = [form for name in names for form in (name, name.upper())]
    return re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, written))})(?![\w'’])")


def _plural_hits(text: str, language: str) -> list[tuple[int, str]]:
    """(offset, code) of the states each shared plural name in ``text`` names."""
    pattern = _plural_pattern(language)
    if pattern is None:
        return []
    table = {name.upper(): codes for name, codes in _PLURAL_NAMES[language].items()}
    return [
        (match.start(), code)
        for match in pattern.finditer(text)
        for code in table[match.group().upper()]
    ]


#: States named by a side of one name, and the state of the other side: "North and South
#: Korea" names both, its first name cut short as coordination cuts the shared word.
#: "North and South Sudan" names Sudan and South Sudan (called "North Sudan" beside it).
_SIDED_STATES: dict[str, tuple[int, str]] = {
    "PRK": (1, "KOR"),
    "KOR": (0, "PRK"),
    "SSD": (0, "SDN"),
}
#: Per language: the words of the north side, of the south side (with their inflections),
#: the conjunctions, and the words of a prepositional side ("del Sur", "du Nord").
_SIDE_WORDS: dict[str, tuple[str, str, str, str]] = {
    "en": (r"North", r"South", r"and|or", ""),
    "es": (r"Norte", r"Sur", r"y|o", r"del"),
    "fr": (r"Nord", r"Sud", r"et|ou", r"du"),
    "pt": (r"Norte", r"Sul", r"e|ou", r"do"),
    "it": (r"Nord", r"Sud", r"e|o", r"del"),
    "de": (r"Nord", r"Süd", r"und|oder", ""),
    "nl": (r"Noord", r"Zuid", r"en|of", ""),
    "ru": (r"Северн\w*", r"Южн\w*", r"и|или", ""),
    "uk": (r"Північн\w*", r"Південн\w*", r"і|й|та|або", ""),
    "pl": (r"Północn\w*", r"Południow\w*", r"i|lub|oraz", ""),
    "cs": (r"Severn\w*", r"Jižn\w*", r"a|nebo", ""),
}


@cache
def _side_patterns(language: str) -> tuple[tuple[re.Pattern[str], re.Pattern[str]], ...]:
    """Per side (north, south): the side's word and a conjunction just before a name
    ("North and |South Korea", "Nord- und |Südkorea", "Северная и |Южная Корея"), and a
    conjunction and the side's word just after one ("Corea del Norte| y del Sur", "Korea
    Północna| i Południowa"). Found in any case, a headline's capitals too ("NORTH AND
    SOUTH KOREA"): the side word itself must start with a capital (:func:`_capital_side`)."""
    north, south, conjunctions, preposition = _SIDE_WORDS[language]
    of = rf"(?:{preposition}\s+)?" if preposition else ""
    return tuple(
        (
            re.compile(rf"(?<!\w)(?P<side>{side})-?\s+(?:{conjunctions})\s+\Z", re.I),
            re.compile(rf"\s+(?:{conjunctions})\s+{of}(?P<side>{side})(?![\w-])", re.I),
        )
        for side in (north, south)
    )


@cache
def _side_before(language: str) -> re.Pattern[str]:
    """A side word right before a name that does not hold it: the adjective "Korean" of
    "South Korean officials" (read as a name of its own), whose side says the state."""
    north, south, _, _ = _SIDE_WORDS[language]
    return re.compile(rf"(?<!\w)(?:(?P<north>{north})|(?P<south>{south}))[ \t]+\Z", re.I)


#: The state of each side (north, south) of the adjective "Korean", read as South Korea's
#: alone: "North Korean" is the North's (Sudan's sides have adjectives of their own).
_STATE_OF_SIDE: dict[int, str] = {0: "PRK", 1: "KOR"}


def _capital_side(found: re.Match[str] | None) -> re.Match[str] | None:
    """``found`` when its side word starts with a capital, as a name's does, else None."""
    return found if found and found.group("side")[:1].isupper() else None


def _elided_sides(
    text: str, spans: Iterable[tuple[int, int, str | None]], language: str
) -> list[tuple[int, str]]:
    """(offset of its side, code) of the states named by the other side of a sided name, written with
    the shared word cut ("North and South Korea", "Corea del Norte y del Sur", "Nord- und
    Südkorea", "Korea Północna i Południowa" name both Koreas; read alone, each named one)."""
    if language not in _SIDE_WORDS:
        return []
    spans = list(spans)
    named = sorted((start, end) for start, end, _ in spans)
    hits: list[tuple[int, str]] = []
    for start, end, code in spans:
        if code not in _SIDED_STATES:
            continue
        sided = (
            _side_before(language).search(text, max(0, start - 16), start)
            if code in _STATE_OF_SIDE.values()
            else None
        )
        if sided and sided.group()[:1].isupper() and not _inside(named, sided.start()):
            code = _STATE_OF_SIDE[0 if sided.group("north") else 1]
            start = sided.start()
        side, other = _SIDED_STATES[code]
        before, after = _side_patterns(language)[side]
        found = _capital_side(before.search(text, max(0, start - 40), start))
        if found and (_inside(named, found.start()) or _ends_a_name(text, found.start(), language)):
            found = None
        found = found or _capital_side(after.match(text, end))
        if found and found.start() == end and _starts_a_name(text, found.end(), language):
            found = None
        if found:
            hits.append((found.start() if found.start() < start else end, other))
    return hits


#: Per language: the lowercase words that join the words of a place's name ("Norte de
#: África", "South of France", "Nord dell'Africa"), read after a side word.
_NAME_LINKS: dict[str, frozenset[str]] = {
    "en": frozenset({"of", "the"}),
    "es": frozenset({"de", "del", "la", "los", "las"}),
    "fr": frozenset({"de", "du", "des", "la", "l", "d"}),
    "pt": frozenset({"de", "do", "da", "dos", "das"}),
    "it": frozenset({"di", "del", "della", "dell", "dello", "dei", "degli", "delle"}),
}
#: Languages that capitalise every noun: a capital there starts no name by itself.
_NOUNS_CAPITALISED = frozenset({"de"})
_NEXT_WORD = re.compile(r"[ \t]*\n?[ \t]*(\w+)['’]?")


def _inside(spans: list[tuple[int, int]], at: int) -> bool:
    """Whether offset ``at`` lies in one of ``spans`` (sorted (start, end) pairs)."""
    index = bisect_right(spans, (at, sys.maxsize)) - 1
    return index >= 0 and spans[index][0] <= at < spans[index][1]


def _starts_a_name(text: str, end: int, language: str) -> bool:
    """Whether a name follows ``end`` (after its linking words): the side word before it is
    that name's own ("North Korea and South Africa", "Corea del Sur y Norte de África",
    "Северная Корея и Южная Африка"), no side of the Korea before it cut short."""
    if language in _NOUNS_CAPITALISED:
        return False
    links = _NAME_LINKS.get(language, frozenset())
    for _ in range(3):
        word = _NEXT_WORD.match(text, end)
        if word is None:
            return False
        if word.group(1)[0].isupper():
            return True
        if word.group(1) not in links:
            return False
        end = word.end()
    return False


def _ends_a_name(text: str, start: int, language: str) -> bool:
    """Whether the side word at ``start`` ends the name before it ("Carolina del Norte y
    Corea del Sur", "Macedonia Północna i Korea Południowa"): the preposition of a side
    after its name or, where nouns take no capital, a capitalised word that starts no
    sentence and owns nothing ("Envoys of North and South Korea" cut the shared word)."""
    word = _word_before(text, start)
    if not word:
        return False
    if word == _SIDE_WORDS[language][3]:
        return True
    return (
        language not in _NOUNS_CAPITALISED
        and word[0].isupper()
        and not (len(word) > 1 and word.isupper())  # a headline's capitals tell nothing
        and not word.endswith(("'s", "’s"))
        and not _starts_sentence(text, text.rfind(word, 0, start))
    )


def _longest_spans(
    spans: list[tuple[int, int, str | None]],
) -> list[tuple[int, int, str | None]]:
    """``spans`` without those inside a longer one: the longest name wins over its own
    tail or head ("República Democrática del Congo" is no mention of "Congo", "Guinea
    Ecuatorial" none of "Guinea", "Korea Południowa" none of "Korea"). The English and
    the local names are read apart, so each finds the short name the other's long name
    holds; a phrase that names no country ("América Latina") hides its names the same
    way, and one that names nothing as long as a name hides it. Sorted by start, longest
    first: one pass, each span compared with the furthest end seen."""
    kept: list[tuple[int, int, str | None]] = []
    reach = -1
    for start, end, code in sorted(spans, key=lambda span: (span[0], -span[1], span[2] or "")):
        same = bool(kept) and kept[-1][:2] == (start, end) and kept[-1][2] is not None
        if end <= reach and not same:
            continue
        kept.append((start, end, code))
        reach = max(reach, end)
    return kept


#: Words an abbreviation of a state ends in Chinese and Japanese, that are no
#: compound of states after it: "今日中美" is "today" then "China-US", "一日中" "all day".
_BEFORE_RUN = "今昨明每毎前本当次翌近终終全半逐连連两兩隔某一朝"
#: ... and before one abbreviation with a side or an office: "单独首脑" ("单独"
#: "alone"), "新米首相" ("新米" "novice"), "精英军" ("精英" "elite").
_BEFORE_ONE = "単单孤唯新白玄精完审審宪憲依司方"


@cache
def _abbreviation_pattern(language: str) -> re.Pattern[str]:
    """Compounds of abbreviations of ``language`` (:data:`ABBREVIATIONS`): two or more
    before a relation (:data:`_COMPOUND_FOLLOWERS`), or one before a side or an office
    (:data:`_SIDE_FOLLOWERS`); for Korean, words of two or more, or joined by "·"."""
    letters = "".join(ABBREVIATIONS[language])
    one = "".join(c for c in letters if c not in _NO_SIDE.get(language, ""))
    if language == "ko":
        return re.compile(
            rf"(?<![가-힣])(?P<dots>[{letters}](?:\s*[·ㆍ・]\s*[{letters}])+)"
            rf"|(?<![가-힣])(?P<word>[{letters}][가-힣]*)(?P<side>\s*측)?"
        )
    return re.compile(
        rf"(?<![{_BEFORE_RUN}])(?P<run>[{letters}]{{2,6}})(?=(?:{_COMPOUND_FOLLOWERS[language]}))"
        rf"|(?<![{_BEFORE_ONE}])(?P<one>[{one}])(?=(?:{_SIDE_FOLLOWERS[language]}))"
    )


def _abbreviation_hits(text: str, language: str) -> list[tuple[int, str]]:
    """(offset, code) of each state that a compound of one-character abbreviations names
    in a Chinese, Japanese or Korean ``text`` ("中美两国", "日露外相会談", "英首相",
    "米側", "한미", "한·미", "북측"); a lone one ("日", "中", "米", "한") is an ordinary
    word. One pass over the text."""
    table = ABBREVIATIONS[language]
    hits: list[tuple[int, str]] = []
    for match in _abbreviation_pattern(language).finditer(unicodedata.normalize("NFC", text)):
        group = next(name for name, value in match.groupdict().items() if value is not None)
        if group == "word":
            hits += _korean_compound(match, table)
            continue
        written = match.group(group or 0)
        letters = [c for c in written if c in table]
        if group == "run" and len(set(letters)) < len(letters):
            continue  # "日日" is "daily"
        if group == "run" and any(word in written for word in _NOT_RUNS.get(language, ())):
            continue
        if group == "one" and _inside_word(match.string, match.start(), written, language):
            continue
        hits += [(match.start() + written.index(c), table[c]) for c in letters]
    return hits


#: Runs of abbreviations that are the name of a region: Japanese "中米" is Central
#: America (China and the US are "米中").
_NOT_RUNS: dict[str, tuple[str, ...]] = {"ja": ("中米",)}
#: Japanese writes its particles in kana: a kanji before an abbreviation makes a word
#: with it ("欧米" the West, "北米", "南米", "富豪" a rich man, "今朝" this morning,
#: "王朝" a dynasty), but for these prefixes ("元米大統領" a former US president,
#: "駐日米大使") and another abbreviation.
_JA_PREFIXES = "元前現駐対在両新"
#: Chinese has no such mark: the characters that make a word with an abbreviation
#: before a side or an office ("合法政府" lawful government, "非法军火", "执法大使",
#: "清朝政府" the Qing government, "王朝政府", "完美方案").
_ZH_WORDS: dict[str, str] = {
    "法": "合非执執立司违違守宪憲护護依办辦语語文手做说說看想用书書兵刑民商税稅国國魔佛戏戲算"
    "军軍方立司执執变變章家",
    "朝": "清明王今翌早唐宋元皇天历歷当當前本北南两兩隔一每六汉漢隋晋晉周商夏秦",
    "美": "审審完健优優精甜华華赞讚欧歐南北中选選媲醇俊秀壮壯",
    "英": "精群菁蒲落俊",
    "德": "道品美公师師厚",
    "印": "复複影烙手打刻排翻",
    "韩": "三",
    "俄": "",
}
_HAN_CHAR = re.compile(r"[\u3400-\u9fff\uf900-\ufaff々]")


def _inside_word(text: str, start: int, letter: str, language: str) -> bool:
    """Whether the one abbreviation ``letter`` at ``start`` (before a side or an office)
    is the last character of a word, not a state (:data:`_JA_PREFIXES`, :data:`_ZH_WORDS`)."""
    before = text[start - 1] if start else ""
    if not before:
        return False
    if before + letter in _NOT_RUNS.get(language, ()):  # "中米側": Central America's side
        return True
    if language == "ja":
        return (
            bool(_HAN_CHAR.match(before))
            and before not in _JA_PREFIXES
            and before not in ABBREVIATIONS["ja"]
        )
    return before in _ZH_WORDS.get(letter, "")


def _korean_compound(match: re.Match[str], table: dict[str, str]) -> list[tuple[int, str]]:
    """A Korean word that is a compound of abbreviations ("한미", "한미일과": its
    particles after it), or one of them before "측" ("북측", "미 측")."""
    word, at = match.group("word"), match.start()
    size = 0
    while size < len(word) and size < 4 and word[size] in table:
        size += 1
    form, rest = word[:size], word[size:]
    if size == 1:
        if form not in _NO_SIDE["ko"] and (
            rest.startswith("측") or (not rest and match.group("side"))
        ):
            after = match.string[match.end() :]
            particle = rest[1:] or re.split(r"[^가-힣]", after, maxsplit=1)[0]
            if form in _KOREAN_POINTS and not _korean_party(particle, after[len(particle) :]):
                return []
            return [(at, table[form])]
        return []
    if (
        size >= 2
        and (not rest or rest in _KOREAN_PARTICLES)
        and len(set(form)) == size
        and form not in _NOT_COMPOUNDS["ko"]
        and _fold(form) not in _local_index("ko").exact
    ):
        return [(at + i, table[c]) for i, c in enumerate(form)]
    return []


_KOREAN_PARTICLES = frozenset(ATTACHED_SUFFIXES["ko"])
#: "북측" and "남측" are also the north and south side of a place ("건물 북측에", "남측
#: 출입구"): one is a state only as a party, the subject of a clause ("북측은", "북측이")
#: or before its delegation or officials (:data:`_KOREAN_DELEGATES`).
_KOREAN_POINTS = "북남"
_KOREAN_SUBJECT = frozenset({"은", "는", "이", "가", "도", "과", "와", "만", "으로서는"})
_KOREAN_DELEGATES = ("대표", "당국", "인사", "관계자", "정부", "위원", "단장", "수석", "선수단",
                     "연락관", "요원", "지도부", "입장", "제안")  # fmt: skip


def _korean_party(particle: str, after: str) -> bool:
    """Whether "북측"/"남측" with ``particle`` joined to it and ``after`` it is a party."""
    if particle:
        return particle in _KOREAN_SUBJECT
    return after.lstrip().startswith(_KOREAN_DELEGATES)


def country_as_written(text: str, code: str, language: str) -> str | None:
    """The first name of country ``code`` as ``text`` writes it in ``language``
    ("Пакистан", "Alemania", "德国"), or None: what a place the model translated
    ("Pakistan") is called in the article. Adjectives ("chinesischen") are no names
    of a place: a name starts with a capital where the script has capitals."""
    if language in ("en", UNDETERMINED) or not has_local_names(language):
        return None
    for start, end, found, kind in _local_matches(text, language):
        written = text[start:end]
        if found == code and kind != _ADJECTIVE and not written[:1].islower():
            return written
    return None


def _first_mentions(hits: list[tuple[int, str]]) -> list[str]:
    seen: dict[str, None] = {}
    for _, code in sorted(hits):
        seen.setdefault(code, None)
    return list(seen)


def _english_hits(text: str) -> list[tuple[int, str]]:
    """(offset, code) of every English country name, adjective or capital in ``text``."""
    return [(start, code) for start, _, code in _english_spans(text)]


def _english_spans(text: str, language: str | None = None) -> list[tuple[int, int, str]]:
    """(start, end, code) of every English country name, adjective or capital in ``text``,
    and of the state initials read in ``language`` (:func:`_short_hits`)."""
    index = _mention_index()
    hits: list[tuple[int, int, str]] = []
    resume = 0
    for match in _CAPITALISED.finditer(text):
        if match.start() < resume:
            continue
        word = match.group()
        entries = index.get(_fold_word(word))
        if not entries:
            continue
        following: list[re.Match[str]] = []
        folded: tuple[str, ...] = ()
        for rest, code in entries:
            if rest:
                if not following:
                    following = list(_WORD.finditer(text, match.end(), match.end() + 80))
                    folded = tuple(_fold_word(w.group()) for w in following)
                if folded[: len(rest)] != rest:
                    continue
                resume = following[len(rest) - 1].end()
            end = following[len(rest) - 1].end() if rest else match.end()
            if not rest and _names_language(text, match.start(), end, "en"):
                break  # "She speaks Turkish", "the French language"
            if not _fused_people(text, match.start(), end) and not _given_name(
                text, word, match.start(), end
            ):
                hits.append((match.start(), end, code))
            break
    hits += [(m.start(), m.end(), _SHORT_CODES[m.group(1)]) for m in _short_hits(text, language)]
    return hits


#: Capitalised words that, joined to an adjective of nationality by a space or a hyphen,
#: make the name of a people of their own whatever follows: "Latin Americans", "Native
#: Americans", "African Americans", "Papua"'s tribes, "Anglo-Irish", "Scots-Irish". A
#: compass word or "New" fuses only into a place that the data names
#: (:func:`_fused_places`): "New Mexican", "West Indians", "Central Americans"; otherwise it
#: places a region of the state ("East Ukrainian separatists", "The South Lebanese town")
#: or opens a sentence ("New Russian strikes").
_FUSING_WORDS = frozenset({"Latin", "Native", "Anglo", "Scots", "Papua", "African", "Asian"})
_WORD_BEFORE = re.compile(r"(?<![\w'’.-])([A-Z][a-z]+)[ -]$")
#: The diaspora's head after an adjective of origin: "Korean Americans", "Haitian-Americans",
#: and the singular before a noun of people ("Lebanese American voters"); the singular
#: before anything else is a pair of states ("Russian-American talks", "The Russian
#: American summit").
_DIASPORA_AFTER = re.compile(r"(?: Americans|-Americans)(?![\w-])")
_HEAD_AFTER = re.compile(r"[ -]([A-Z][a-z]+)(?:[ \t]+([a-z]+))?")
#: English nouns of people an adjective of origin qualifies ("Lebanese American voters",
#: "Greek Cypriot leader"): before one, the adjective nearest it is the people's state.
_PEOPLE_NOUNS = frozenset({
    "voter", "voters", "community", "communities", "family", "families", "businessman",
    "businessmen", "businesswoman", "businesswomen", "senator", "senators", "congressman",
    "congresswoman", "lawmaker", "lawmakers", "politician", "politicians", "scientist",
    "scientists", "actor", "actors", "actress", "writer", "writers", "author", "authors",
    "student", "students", "journalist", "journalists", "activist", "activists", "leader",
    "leaders", "man", "men", "woman", "women", "boy", "boys", "girl", "girls", "children",
    "population", "residents", "immigrant", "immigrants", "refugees", "youth", "youths",
    "athlete", "athletes", "player", "players", "singer", "artist", "artists", "doctor",
    "doctors", "entrepreneur", "entrepreneurs", "veteran", "veterans", "minority",
    "minorities", "descent", "origin", "heritage", "ancestry", "diaspora", "citizens",
    "citizen",
})  # fmt: skip


def _fused_people(text: str, start: int, end: int, origin: bool = True) -> bool:
    """Whether the adjective of nationality (or its plural) at ``start:end`` is fused to the
    word before into the name of another place or people (:data:`_FUSING_WORDS`,
    :func:`_fused_places`; a fused adjective in turn: "Native American Indians"), or, when
    ``origin``, names the origin of a people another adjective names (:func:`_origin_of`).
    A word before that belongs to the state's own name ("South Korean", of "South Korea")
    or that places a region of it ("East Ukrainian") leaves it the state's."""
    word = _fold(text[start:end])
    if word not in _people_words():
        return False
    if origin and _origin_of(text, word, end):
        return True
    before = _WORD_BEFORE.search(text, max(0, start - 20), start)
    if before is None:
        return False
    qualifier = before.group(1)
    code = _demonym_index().get(word) or _plural_owner(word)
    own = _names_of().get(code or "", ())
    if f"{qualifier.lower()} " in {name[: len(qualifier) + 1] for name in own}:
        return False  # "South Korean", "East Timorese"
    if qualifier in _FUSING_WORDS or _fused_place(qualifier, word, code):
        return True
    return _fold(qualifier) in _people_words() and _fused_people(
        text, before.start(1), before.end(1), origin=word in ("american", "americans")
    )


#: The plurals of :data:`_PEOPLE_NOUNS` ("leaders", "men"), whose collectives
#: ("community", "minority", "population", "diaspora") are singular.
_PLURAL_PEOPLE_NOUNS = frozenset(
    noun for noun in _PEOPLE_NOUNS if noun.endswith("s") or noun in ("men", "women", "children")
)


def _origin_of(text: str, word: str, end: int) -> bool:
    """Whether the adjective ``word`` (folded) names the origin of a people another state's
    adjective after it names: of Americans as a plural ("Korean Americans", "Haitian-
    Americans"), or of a people's adjective before a noun of people ("Lebanese American
    voters", "Greek Cypriot leader": a Cypriot). Before a noun of events or relations the
    two adjectives are two states ("The Russian American summit", "Russian-American
    talks"); so they are before a plural of people other than Americans, which lists
    two peoples as often ("Israeli Palestinian leaders met")."""
    if word not in ("american", "americans") and _DIASPORA_AFTER.match(text, end):
        return True
    head = _HEAD_AFTER.match(text, end)
    if head is None or head.group(2) not in _PEOPLE_NOUNS or _meeting_of(text, head.end(2)):
        return False
    other = _fold(head.group(1))
    if other not in _people_words():
        return False
    if other != "american" and head.group(2) in _PLURAL_PEOPLE_NOUNS:
        return False
    mine = _demonym_index().get(word) or _plural_owner(word)
    return (_demonym_index().get(other) or _plural_owner(other)) not in (None, mine)


#: A word and what follows it, after a noun of people.
_EVENT_AFTER = re.compile(r"[ \t]+([a-z]+)(?:[ \t]+([\w'’]+))?")


def _meeting_of(text: str, end: int) -> bool:
    """Whether the noun of people ending at ``end`` qualifies a noun of a meeting after it
    ("Russian Ukrainian leader talks", "Israeli Palestinian leader summit"): the two
    adjectives are then the meeting's two sides, not a people and its origin. A verb of
    meeting with its object ("Greek Cypriot leader meets the envoy", "... meets Guterres")
    or a past ("... leader called for calm", "... spoke in Nicosia"), or a verb of talking with someone ("... leader
    talks with ...", "... talks to ...") is the people's own act."""
    found = _EVENT_AFTER.match(text, end)
    if found is None or not MEETING_WORDS.fullmatch(found.group(1)):
        return False
    event, following = found.groups()
    return (
        event.endswith(("s", "ing", "summit", "readout", "call"))  # nouns: no "spoke", "met"
        and (following or "").lower() not in _OBJECT_OPENERS | _RELATIONS | {"to"}
        and not (following or " ")[0].isupper()
    )


def _fused_place(qualifier: str, word: str, code: str | None) -> bool:
    """Whether ``qualifier`` and the adjective ``word`` (folded) spell, word for word, a place
    of another state or a region of several (:func:`_fused_places`): "New Mexican" (New
    Mexico, the US's), "West Indians" (West Indies), "Central Americans" (Central America),
    "West Bengali" (India's West Bengal). The place's word must run as the adjective does
    save its ending ("Mexic-o", "Indi-es"); an adjective of two words is a state's own
    ("Western Cape Verdean" is no "Western Cape")."""
    if " " in word or "-" in word:
        return False
    for name, owners in _fused_places().get(qualifier.lower(), ()):
        common = len(_common_prefix(name, word))
        if common >= 4 and common >= len(name) - 2 and code not in owners:
            return True
    return False


def _common_prefix(first: str, second: str) -> str:
    """The letters ``first`` and ``second`` begin with alike."""
    size = 0
    for a, b in zip(first, second, strict=False):
        if a != b:
            break
        size += 1
    return first[:size]


#: Regions that neither ISO 3166 nor the CLDR names, whose words are a compass word and a
#: state's name: the adjective that joins the two names no state of that name.
_UNLISTED_REGIONS: dict[str, tuple[str, ...]] = {
    "west indies": (), "east indies": (), "new guinea": ("PNG", "IDN"), "west timor": ("IDN",),
    "west papua": ("IDN",),
}  # fmt: skip


@cache
def _fused_places() -> dict[str, tuple[tuple[str, frozenset[str]], ...]]:
    """Places of two words or more whose first is a capitalised qualifier, by that word
    (folded): the rest of the name (folded, one word) and the states it lies in. From
    ISO 3166-2 subdivisions ("New Mexico": USA), state names and :data:`ALIASES` ("East
    Timor": TLS), the CLDR's regions ("Latin America", "Central America": none) and
    :data:`_UNLISTED_REGIONS`."""
    from babel import Locale

    found: dict[str, set[str]] = {}

    def add(name: str, code: str | None) -> None:
        folded = _fold(name)
        found.setdefault(folded, set()).update([code] if code else [])

    for subdivision in pycountry.subdivisions:
        country = pycountry.countries.get(alpha_2=subdivision.country_code)
        add(subdivision.name, country.alpha_3 if country else None)
    for name, code in _name_index():
        add(name, code)
    for territory, name in Locale("en").territories.items():
        if territory.isdigit():
            add(name, None)
    for region, states in _UNLISTED_REGIONS.items():
        found.setdefault(region, set()).update(states)
    by_qualifier: dict[str, list[tuple[str, frozenset[str]]]] = {}
    for name, owners in found.items():
        words = name.split()
        if len(words) == 2 and words[1].isalpha():
            by_qualifier.setdefault(words[0], []).append((words[1], frozenset(owners)))
    return {q: tuple(places) for q, places in by_qualifier.items()}


#: A capitalised word and what follows it: a surname, when running text goes on.
_SURNAME_AFTER = re.compile(r"[ \t]+([^\W\d_]+)(?:[ \t]+[^\W\d_A-Z]|\s*[,.;:!?)/(]|[ \t]*$)", re.M)
_WORD_ENDING = re.compile(r"([^\W\d_]+|\d+)[^\w]*$")
_WORD_AFTER = re.compile(r"[ \t]+([^\W\d_]+)")
#: Words before a plural noun that count or determine it ("12 Nigerians", "three Israelis",
#: "the Israelis", "os tailandeses"), in English, Portuguese and Spanish: a given name
#: follows none of them.
_COUNTING_WORDS = frozenset({
    "the", "a", "an", "these", "those", "some", "many", "most", "all", "both", "few", "several",
    "other", "more", "fewer", "no", "two", "three", "four", "five", "six", "seven", "eight",
    "nine", "ten", "eleven", "twelve", "dozen", "dozens", "hundreds", "thousands", "millions",
    "fellow", "our", "their", "young", "os", "as", "dois", "duas", "três", "muitos", "muitas",
    "los", "las", "dos", "tres", "muchos", "muchas", "varios", "vários", "alguns", "algunos",
})  # fmt: skip


def _given_name(text: str, word: str, start: int, end: int) -> bool:
    """Whether ``word``, a people's plural ("Thais"), is a given name: a capitalised word
    that is a surname follows it before running text goes on ("Thais Fersoza postou",
    "actress Thais Fersoza."); a plural noun is followed by no proper name in prose. No
    given name follows a numeral, a determiner or a quantifier ("12 Nigerians Sunday",
    "three Israelis Saturday", "The Israelis Hamas talks"), nor precedes a weekday, a month,
    a state's or an institution's name, which are no surnames. In a headline in title case
    ("Thais Vote In Election", "Nigerians Flee to Chad") the next word is capitalised too,
    and says nothing (:func:`_title_case_line`)."""
    if _plural_owner(_fold(word)) is None:
        return False
    after = _SURNAME_AFTER.match(text, end)
    if after is None and _title_case_line(text, start, end):
        # "Thais Fersoza Reveals Pregnancy": a headline's name runs on into its verb
        after = _WORD_AFTER.match(text, end)
        if after is None or not _named_elsewhere(text, after.group(1), after.start(1)):
            return False
    if after is None or not after.group(1).istitle():  # "Araújo", not "voted"
        return False
    if (
        _title_case_line(text, start, end)
        and _headline_after(text, after)
        and not _named_elsewhere(text, after.group(1), after.start(1))
    ):
        return False  # "Nigerians Flee to Chad": every word is capitalised there
    before = _WORD_ENDING.search(text, max(0, start - 30), start)
    if before is not None and (
        before.group(1).isdigit() or before.group(1).lower() in _COUNTING_WORDS
    ):
        return False
    surname = after.group(1)
    return (
        _fold(surname) not in _mention_index()
        and surname.lower() not in WEEKDAYS
        and surname.lower() not in MONTHS
        and surname not in _institution_words()
    )


def _named_elsewhere(text: str, word: str, at: int) -> bool:
    """Whether the capitalised ``word`` (after a people's plural at ``at``, in a headline
    in title case) is a name by the rest of the text: written with a capital again inside
    a sentence of running text, after a lower-case word or a comma ("Thais Fersoza Reveals
    Pregnancy ... the actress Fersoza said"). A verb of the headline ("Thais Flee
    Floods") is written in lower case in prose, or opens a sentence."""
    for found in re.finditer(rf"(?<![\w'’-]){re.escape(word)}(?![\w'’-])", text):
        if found.start() == at or _title_case_line(text, found.start(), found.end()):
            continue
        before = text[max(0, found.start() - 30) : found.start()]
        if re.search(r"(?:[a-z]|,)[ \t]+$", before):
            return True
    return False


#: A word of four letters or more: a headline in title case capitalises every one (the
#: press's style books leave only articles, conjunctions and short prepositions lowercase).
_LONG_WORD = re.compile(r"(?<![\w'’-])[^\W\d_]{4,}")


def _title_case_line(text: str, start: int, end: int) -> bool:
    """Whether the line holding ``text[start:end]`` is written in title case: every word of
    four letters or more begins with a capital ("Nigerians
    Flee to Chad", "Thousands of Afghans Stranded at Border"). There a capital shows no
    proper name, so a people's plural before a capitalised word is no given name by
    capitals alone; in running text ("Thais Fersoza posted a photo") it is."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    return all(
        word.group()[0].isupper() for word in _LONG_WORD.finditer(text, line_start, line_end)
    )


#: Words that open a byline, a credit or a contact line ("By Thais Fersoza", "Reporting by
#: ...; Editing by ...", "Por ...", "Contact: ..."): a line of names, no headline.
_BYLINE = re.compile(
    r"^\W*(?:by|por|par|von|reporting|additional|editing|writing|written|compiled|contact"
    r"|photo|photos|foto|fotos|text|texto|interview)\b",
    re.I,
)
#: What ends a name in a line of names: the line's end or a mark that closes a credit.
_NAME_ENDS = re.compile(r"[ \t]*(?:$|[,;:/(|])", re.M)


def _headline_after(text: str, after: re.Match[str]) -> bool:
    """Whether the capitalised word ``after`` a people's plural, in a line in title case,
    reads as a headline's and not as a surname's: a headline goes on after its verb
    ("Nigerians Flee to Chad") or ends with a participle ("Kenyans Evacuated"), while a
    byline, a credit or a caption is names ("By Thais Fersoza", "Reporting by Thais
    Araujo; Editing by ...", "Thais Fersoza (Globo)"), its name ending the line or the
    credit."""
    line_start = text.rfind("\n", 0, after.start()) + 1
    if _BYLINE.match(text, line_start):
        return False
    word = after.group(1)
    return word.lower().endswith("ed") or not _NAME_ENDS.match(text, after.end(1))


@cache
def _institution_words() -> frozenset[str]:
    """The one-word names of :data:`INSTITUTIONS` ("Pentagon", "Kremlin")."""
    return frozenset(n for names in INSTITUTIONS.values() for n in names if " " not in n)


@cache
def _people_words() -> frozenset[str]:
    """The folded English adjectives of nationality of :data:`ADJECTIVES` and
    :data:`DEMONYMS` ("korean", "irish") and their plurals ("koreans")."""
    words = {adjective for adjective in ADJECTIVES.values()}
    words |= {w for names in DEMONYMS.values() for w in names if _ADJECTIVE_ENDING.search(w)}
    words |= {plural for code in ADJECTIVES if (plural := _plural_adjective(code))}
    return frozenset(_fold(word) for word in words)


@cache
def _plural_owner(word: str) -> str | None:
    """The state whose people ``word`` (folded) names in the plural ("koreans"), or None."""
    for code in ADJECTIVES:
        plural = _plural_adjective(code)
        if plural and _fold(plural) == word:
            return code
    return None


def country_label(code: str) -> str:
    """A short English name for ``code`` ("MMR" -> "Myanmar"), for prompts and messages."""
    if code in EXTRA_ALPHA3:
        return EXTRA_ALPHA3[code]
    country = pycountry.countries.get(alpha_3=code)
    if country is None:
        return code
    return str(getattr(country, "common_name", None) or country.name).split(",")[0]


# ---------------------------------------------------------------- other languages
#
# Names of countries in other languages come from two maintained sources: the
# Unicode CLDR's territory names (via Babel: the names news text uses,
# "Rusia", "Corée du Sud") and the iso-codes translations pycountry ships
# (official names: "Federación Rusa", "Китайская Народная Республика"). Below
# are what neither has: adjectives (inflected by :func:`_forms`), capitals and
# seats of government, and short forms ("EE. UU.", "США", "中方"), for the
# languages the cue words cover. An entry that starts in lower case is an
# adjective (found in any case); one in capitals of up to five letters is an
# abbreviation (found only in capitals); any other is a name (found only with
# a capital initial, so that Spanish "cuba", a vat, is not Cuba).
LOCAL_NAMES: dict[str, dict[str, str]] = {
    "es": {
        "AFG": "afgano | Kabul",
        "ARE": "emiratí | Abu Dabi | Emiratos",
        "AUS": "australiano | Canberra",
        "BEL": "belga | Bruselas",
        "BLR": "bielorruso | Minsk",
        "BRA": "brasileño | Brasilia",
        "CAN": "canadiense | Ottawa",
        "CHE": "suizo | Berna | Ginebra",
        "CHN": "chino | Pekín | Beijing | República Popular China",
        "COL": "colombiano | Bogotá",
        "CUB": "cubano | La Habana",
        "DEU": "alemán | Berlín",
        "DNK": "danés | Copenhague",
        "EGY": "egipcio | El Cairo",
        "ESP": "español | Madrid",
        "FIN": "finlandés | Helsinki",
        "FRA": "francés | París | Elíseo",
        "GBR": "británico | Londres | Gran Bretaña | Inglaterra",
        "GRC": "griego | Atenas",
        "IND": "Nueva Delhi",
        "IRN": "iraní | Teherán",
        "IRQ": "iraquí | Bagdad",
        "ISR": "israelí | Jerusalén",
        "ITA": "italiano | Roma",
        "JOR": "jordano | Amán",
        "JPN": "japonés | Tokio",
        "KHM": "camboyano | Nom Pen",
        "KOR": "surcoreano | coreano | Seúl | Corea del Sur | República de Corea",
        "KWT": "kuwaití",
        "LBN": "libanés | Beirut",
        "MEX": "mexicano | Ciudad de México",
        "MMR": "birmano | Birmania | Naipyidó",
        "MYS": "malasio | Kuala Lumpur",
        "NLD": "neerlandés | holandés | La Haya | Ámsterdam | Holanda",
        "NOR": "noruego | Oslo",
        "NZL": "neozelandés | Wellington",
        "PAK": "paquistaní | pakistaní | Islamabad",
        "PHL": "filipino | Manila",
        "POL": "polaco | Varsovia",
        "PRK": "norcoreano | Pionyang | Corea del Norte",
        "PSE": "palestino | Gaza | Cisjordania",
        "QAT": "catarí | qatarí | Doha",
        "RUS": "ruso | Moscú | Kremlin",
        "SAU": "saudí | saudita | Riad",
        "SRB": "serbio | Belgrado",
        "SWE": "sueco | Estocolmo",
        "SYR": "sirio | Damasco",
        "THA": "tailandés | Bangkok",
        "TUR": "turco | Ankara",
        "TWN": "taiwanés | Taipéi",
        "UKR": "ucraniano | Kiev | Kyiv",
        "USA": (
            "estadounidense | norteamericano | EE. UU. | EE.UU. | EEUU | EUA | USA | Washington"
            " | Casa Blanca | Pentágono | Estados Unidos de América"
        ),
        "VEN": "venezolano | Caracas",
        "VNM": "vietnamita | Hanói",
        "XKX": "kosovar | Pristina",
        "YEM": "yemení | Saná | hutí",
        # the states of the CFA francs, whose currency no adjective of the CLDR names
        "CIV": "marfileño",
        "TGO": "togolés",
        "NER": "nigerino",
        "BFA": "burkinés",
        "CAF": "centroafricano",
        "GNQ": "ecuatoguineano",
    },
    "fr": {
        "AFG": "afghan | Kaboul",
        "ARE": "émirien | Abou Dabi | Abu Dhabi | EAU",
        "AUS": "australien | Canberra",
        "BEL": "belge | Bruxelles",
        "BLR": "biélorusse | Minsk",
        "BRA": "brésilien | Brasilia",
        "CAN": "canadien | Ottawa",
        "CHE": "suisse | Berne | Genève",
        "CHN": "chinois | Pékin | Beijing",
        "DEU": "allemand | Berlin | RFA",
        "DNK": "danois | Copenhague",
        "EGY": "égyptien | Le Caire",
        "ESP": "espagnol | Madrid",
        "FIN": "finlandais | Helsinki",
        "FRA": "français | Paris | Élysée | Quai d'Orsay",
        "GBR": "britannique | Londres | Grande-Bretagne | Angleterre",
        "GRC": "grec | grecque | Athènes",
        "IND": "indien | New Delhi",
        "IRN": "iranien | Téhéran",
        "IRQ": "irakien | Bagdad",
        "ISR": "israélien | Jérusalem",
        "ITA": "italien | Rome",
        "JOR": "jordanien | Amman",
        "JPN": "japonais | Tokyo",
        "KHM": "cambodgien | Phnom Penh",
        "KOR": "sud-coréen | coréen | Séoul | République de Corée",
        "KWT": "koweïtien",
        "LBN": "libanais | Beyrouth",
        "MEX": "mexicain",
        "MMR": "birman | Birmanie | Naypyidaw",
        "MYS": "malaisien | Kuala Lumpur",
        "NLD": "néerlandais | La Haye | Amsterdam | Hollande",
        "NOR": "norvégien | Oslo",
        "NZL": "néo-zélandais | Wellington",
        "PAK": "pakistanais | Islamabad",
        "PHL": "philippin | Manille",
        "POL": "polonais | Varsovie",
        "PRK": "nord-coréen | Pyongyang | RPDC",
        "PSE": "palestinien | Gaza | Cisjordanie | Palestine",
        "QAT": "qatari | qatarien | Doha",
        "RUS": "russe | Moscou | Kremlin",
        "SAU": "saoudien | Riyad | Arabie saoudite",
        "SRB": "serbe | Belgrade",
        "SWE": "suédois | Stockholm",
        "SYR": "syrien | Damas",
        "THA": "thaïlandais | Bangkok",
        "TUR": "turc | turque | Ankara",
        "TWN": "taïwanais | Taipei",
        "UKR": "ukrainien | Kiev | Kyiv",
        "USA": (
            "américain | USA | Washington | Maison Blanche | Maison-Blanche | Pentagone | Amérique"
        ),
        "VEN": "vénézuélien | Caracas",
        "VNM": "vietnamien | Hanoï",
        "XKX": "kosovar | Pristina",
        "YEM": "yéménite | Sanaa | houthiste",
        # the states of the CFA francs, whose currency no adjective of the CLDR names
        "CIV": "ivoirien",
        "BFA": "burkinabè",
        "CAF": "centrafricain",
        "GNQ": "équato-guinéen",
        "GNB": "bissau-guinéen",
    },
    "de": {
        "AFG": "afghanisch | Kabul",
        "ARE": "emiratisch | Abu Dhabi | VAE | Emirate",
        "AUS": "australisch | Canberra | Australier",
        "BEL": "belgisch | Brüssel",
        "BLR": "belarussisch | weißrussisch | Minsk | Weißrussland",
        "BRA": "brasilianisch | Brasília | Brasilia",
        "CAN": "kanadisch | Ottawa | Kanadier",
        "CHE": "schweizerisch | Bern | Genf | Schweizer",
        "CHN": "chinesisch | Peking | Beijing | Chinesen | Volksrepublik",
        "DEU": "deutsch | Berlin | Bundesrepublik | BRD | Deutsche | Deutschen",
        "DNK": "dänisch | Kopenhagen",
        "EGY": "ägyptisch | Kairo",
        "ESP": "spanisch | Madrid | Spanier",
        "FIN": "finnisch | Helsinki | Finnen",
        "FRA": "französisch | Paris | Élysée | Elysee | Franzosen",
        "GBR": "britisch | London | Großbritannien | England | Briten",
        "GRC": "griechisch | Athen | Griechen",
        "IND": "indisch | Neu-Delhi | Inder",
        "IRN": "iranisch | Teheran | Iraner",
        "IRQ": "irakisch | Bagdad",
        "ISR": "israelisch | Jerusalem | Israelis",
        "ITA": "italienisch | Rom | Italiener",
        "JOR": "jordanisch | Amman",
        "JPN": "japanisch | Tokio | Japaner",
        "KHM": "kambodschanisch | Phnom Penh",
        "KOR": "südkoreanisch | koreanisch | Seoul | Südkoreaner | Republik Korea",
        "KWT": "kuwaitisch",
        "LBN": "libanesisch | Beirut",
        "MEX": "mexikanisch | Mexiko-Stadt",
        "MMR": "myanmarisch | birmanisch | Birma | Burma | Naypyidaw",
        "MYS": "malaysisch | Kuala Lumpur",
        "NLD": "niederländisch | holländisch | Den Haag | Amsterdam | Holland | Niederländer",
        "NOR": "norwegisch | Oslo | Norweger",
        "NZL": "neuseeländisch | Wellington",
        "PAK": "pakistanisch | Islamabad",
        "PHL": "philippinisch | Manila",
        "POL": "polnisch | Warschau | Polen",
        "PRK": "nordkoreanisch | Pjöngjang | Nordkoreaner",
        "PSE": "palästinensisch | Gaza | Westjordanland | Palästinenser | Palästina",
        "QAT": "katarisch | Doha",
        "RUS": "russisch | Moskau | Kreml | Russen",
        "SAU": "saudisch | saudi-arabisch | Riad",
        "SRB": "serbisch | Belgrad",
        "SWE": "schwedisch | Stockholm | Schweden",
        "SYR": "syrisch | Damaskus",
        "THA": "thailändisch | Bangkok",
        "TUR": "türkisch | Ankara | Türken",
        "TWN": "taiwanisch | Taipeh | Taipei",
        "UKR": "ukrainisch | Kiew | Kyjiw | Ukrainer",
        "USA": (
            "amerikanisch | USA | Washington | Weiße Haus | Pentagon | Amerika"
            " | Amerikaner | Vereinigte Staaten von Amerika"
        ),
        "VEN": "venezolanisch | Caracas",
        "VNM": "vietnamesisch | Hanoi",
        "XKX": "kosovarisch | Pristina",
        "YEM": "jemenitisch | Sanaa | Huthi | Huthis",
        # the states of the CFA francs, whose currency no adjective of the CLDR names
        "CIV": "ivorisch",
        "NER": "nigrisch",
        "BFA": "burkinisch",
        "CAF": "zentralafrikanisch",
        "GNQ": "äquatorialguineisch",
    },
    "ru": {
        "AFG": "афганский | Кабул",
        "ARE": "эмиратский | Абу-Даби | ОАЭ | Эмираты",
        "AUS": "австралийский | Канберра",
        "BEL": "бельгийский | Брюссель",
        "BLR": "белорусский | Минск | Белоруссия",
        "BRA": "бразильский | Бразилиа",
        "CAN": "канадский | Оттава",
        "CHE": "швейцарский | Берн | Женева",
        "CHN": "китайский | Пекин | КНР | Поднебесная",
        "DEU": "германский | немецкий | Берлин | ФРГ",
        "DNK": "датский | Копенгаген",
        "EGY": "египетский | Каир | Египта | Египте | Египту | Египтом",
        "ESP": "испанский | Мадрид",
        "FIN": "финский | финляндский | Хельсинки",
        "FRA": "французский | Париж | Елисейский дворец",
        "GBR": "британский | Лондон | Англия | Британия",
        "GRC": "греческий | Афины | Афин | Афинах | Афинам",
        "IND": "индийский | Нью-Дели",
        "IRN": "иранский | Тегеран",
        "IRQ": "иракский | Багдад",
        "ISR": "израильский | Иерусалим",
        "ITA": "итальянский | Рим",
        "JOR": "иорданский | Амман",
        "JPN": "японский | Токио",
        "KHM": "камбоджийский | Пномпень",
        "KOR": "южнокорейский | корейский | Сеул | Южная Корея",
        "KWT": "кувейтский",
        "LBN": "ливанский | Бейрут",
        "MEX": "мексиканский | Мехико",
        "MMR": "мьянманский | бирманский | Бирма | Нейпьидо",
        "MYS": "малайзийский | Куала-Лумпур",
        "NLD": "нидерландский | голландский | Гаага | Амстердам | Голландия",
        "NOR": "норвежский | Осло",
        "NZL": "новозеландский | Веллингтон",
        "PAK": "пакистанский | Исламабад",
        "PHL": "филиппинский | Манила",
        "POL": "польский | Варшава",
        "PRK": "северокорейский | Пхеньян | КНДР | Северная Корея",
        "PSE": "палестинский | Газа | Палестина",
        "QAT": "катарский | Доха",
        "RUS": "российский | русский | Москва | Кремль | РФ | Россия",
        "SAU": "саудовский | Эр-Рияд | Рияд",
        "SRB": "сербский | Белград",
        "SWE": "шведский | Стокгольм",
        "SYR": "сирийский | Дамаск",
        "THA": "таиландский | тайский | Бангкок | Таиланд",
        "TUR": "турецкий | Анкара",
        "TWN": "тайваньский | Тайбэй",
        "UKR": "украинский | Киев | Украина",
        "USA": (
            "американский | США | Вашингтон | Белый дом | Пентагон | Америка"
            " | Соединённые Штаты | Соединенные Штаты"
        ),
        "VEN": "венесуэльский | Каракас",
        "VNM": "вьетнамский | Ханой",
        "XKX": "косовский | Приштина",
        "YEM": "йеменский | Сана | хуситы | хуситов | хуситами",
    },
    "zh": {
        "AFG": "喀布尔",
        "ARE": "阿联酋 | 阿布扎比",
        "AUS": "澳洲 | 堪培拉",
        "BEL": "布鲁塞尔",
        "BRA": "巴西利亚",
        "CAN": "渥太华",
        "CHE": "伯尔尼 | 日内瓦",
        "CHN": "北京 | 中方 | 中华人民共和国",
        "DEU": "柏林 | 德方",
        "DNK": "哥本哈根",
        "EGY": "开罗",
        "ESP": "马德里",
        "FIN": "赫尔辛基",
        "FRA": "巴黎 | 法方 | 爱丽舍宫",
        "GBR": "伦敦 | 英方",
        "GRC": "雅典",
        "IND": "新德里 | 印方",
        "IRN": "德黑兰 | 伊方",
        "IRQ": "巴格达",
        "ISR": "耶路撒冷",
        "ITA": "罗马",
        "JOR": "安曼",
        "JPN": "东京 | 日方",
        "KHM": "金边 | 柬方",
        "KOR": "首尔 | 韩方 | 南韩",
        "LBN": "贝鲁特",
        "MMR": "内比都 | 缅方",
        "MYS": "吉隆坡 | 马方",
        "NLD": "海牙 | 阿姆斯特丹 | 荷方",
        "NOR": "奥斯陆",
        "NZL": "惠灵顿",
        "PAK": "伊斯兰堡 | 巴基斯坦",
        "PHL": "马尼拉 | 菲方",
        "POL": "华沙",
        "PRK": "平壤 | 朝方 | 北韩",
        "PSE": "加沙 | 约旦河西岸",
        "QAT": "多哈",
        "RUS": "莫斯科 | 俄方 | 克里姆林宫 | 俄国",
        "SAU": "沙特 | 利雅得",
        "SRB": "贝尔格莱德",
        "SWE": "斯德哥尔摩",
        "SYR": "大马士革",
        "THA": "曼谷 | 泰方",
        "TUR": "安卡拉",
        "TWN": "台北",
        "UKR": "基辅 | 乌方",
        "USA": "华盛顿 | 美方 | 白宫 | 五角大楼 | 美利坚合众国",
        "VEN": "加拉加斯",
        "VNM": "河内 | 越方",
        "XKX": "普里什蒂纳",
        "YEM": "萨那 | 胡塞",
    },
    # Short names and capitals of the most reported states, for the other languages the
    # cue words cover (CLDR gives "대한민국", news writes "한국").
    "ar": {
        "ARE": "الإمارات | أبوظبي",
        "CHN": "الصين | بكين",
        "DEU": "ألمانيا | برلين",
        "EGY": "القاهرة",
        "FRA": "باريس",
        "GBR": "بريطانيا | لندن",
        "IRN": "إيران | طهران",
        "IRQ": "بغداد",
        "JPN": "طوكيو",
        "KOR": "كوريا الجنوبية | سيول",
        "LBN": "بيروت",
        "PSE": "فلسطين | غزة",
        "QAT": "الدوحة",
        "RUS": "روسيا | موسكو | الكرملين",
        "SAU": "السعودية | الرياض",
        "SYR": "سوريا | دمشق",
        "TUR": "تركيا | أنقرة",
        "UKR": "أوكرانيا | كييف",
        "USA": "أمريكا | أميركا | الولايات المتحدة | واشنطن | البيت الأبيض",
    },
    "fa": {
        "CHN": "چین | پکن",
        "FRA": "فرانسه | پاریس",
        "GBR": "انگلیس | بریتانیا | لندن",
        "IRN": "ایران | تهران",
        "IRQ": "عراق | بغداد",
        "RUS": "روسیه | مسکو",
        "SAU": "عربستان | ریاض",
        "USA": "آمریکا | واشنگتن | کاخ سفید",
    },
    "hi": {
        "CHN": "चीन | बीजिंग",
        "FRA": "फ्रांस | पेरिस",
        "GBR": "ब्रिटेन | लंदन",
        "IND": "भारत | नई दिल्ली",
        "JPN": "जापान | टोक्यो",
        "PAK": "पाकिस्तान | इस्लामाबाद",
        "RUS": "रूस | मॉस्को",
        "USA": "अमेरिका | अमरीका | वाशिंगटन",
    },
    "ja": {
        "CHN": "中国 | 北京",
        "DEU": "ベルリン",
        "FRA": "パリ",
        "GBR": "英国 | ロンドン",
        "JPN": "日本 | 東京",
        "KOR": "韓国 | ソウル",
        "PRK": "北朝鮮 | 平壌",
        "RUS": "ロシア | モスクワ",
        "USA": "米国 | アメリカ | ワシントン | ホワイトハウス",
    },
    "ko": {
        "CHN": "중국 | 베이징",
        "DEU": "독일 | 베를린",
        "FRA": "프랑스 | 파리",
        "GBR": "영국 | 런던",
        "JPN": "일본 | 도쿄",
        "KOR": "한국 | 남한 | 서울",
        "PRK": "북한 | 평양",
        "RUS": "러시아 | 모스크바",
        "USA": "미국 | 워싱턴 | 백악관",
    },
    "tr": {
        "CHN": "Çin | Pekin",
        "DEU": "Almanya | Berlin",
        "GBR": "İngiltere | Londra",
        "GRC": "Yunanistan | Atina",
        "RUS": "Rusya | Moskova | Kremlin",
        "TUR": "Türkiye | Ankara",
        "USA": "ABD | Amerika | Washington | Beyaz Saray",
    },
    "uk": {
        "CHN": "Китай | Пекін",
        "DEU": "Берлін",
        "FRA": "Париж",
        "GBR": "Британія | Лондон",
        "POL": "Варшава",
        "RUS": "Росія | Москва | Кремль",
        "UKR": "Україна | Київ",
        "USA": "США | Америка | Вашингтон | Білий дім",
    },
}

#: Initials and short forms of states that news writes and neither source has ("RD Congo",
#: "DR Kongo"), for languages with or without a list in :data:`LOCAL_NAMES`; read in a
#: text of the language only. "RDC" only where it is no other common initialism (in
#: Italian the citizens' income, in Brazilian Portuguese a regulator's resolution).
SHORT_NAMES: dict[str, dict[str, str]] = {
    "es": {"COD": "RDC | RD Congo | RD del Congo | R. D. del Congo"},
    "fr": {"COD": "RDC | RD Congo | RD du Congo | R.D. Congo", "SSD": "Sud-Soudan"},
    "pt": {"COD": "RD Congo | RD do Congo | República Democrática do Congo"},
    "it": {"COD": "RD Congo | RD del Congo"},
    "de": {"COD": "DR Kongo | Demokratische Republik Kongo", "SSD": "Süd-Sudan"},
    "nl": {"COD": "DR Congo | Democratische Republiek Congo"},
}

#: Words that begin or contain a name but mean something else: a match of one
#: of them is skipped ("马里兰" is Maryland, not Mali; "其中方案" holds "中方"); and
#: phrases of an adjective of nationality that name no state ("Japon balığı" a goldfish,
#: "İngiliz anahtarı" a wrench, "caffè turco", "orzech włoski" a walnut).
NOT_NAMES: dict[str, tuple[str, ...]] = {
    "es": ("América Latina", "América del Sur", "América del Norte", "América Central",
           "ruleta rusa", "montaña rusa", "llave inglesa"),
    "fr": ("Amérique latine", "Amérique du Sud", "Amérique du Nord", "Amérique centrale",
           "roulette russe", "montagnes russes", "clé anglaise"),
    "de": ("Lateinamerika", "Südamerika", "Nordamerika", "Mittelamerika", "Long Island",
           "Rhode Island"),
    "ru": ("Того", "Латинская Америка", "Южная Америка", "Северная Америка",
           "Центральная Америка"),
    "tr": ("türk kahvesi", "türk hamamı", "japon balığı", "ingiliz anahtarı", "rus ruleti", "rus salatası", "hint kumaşı",
           "hindistan cevizi", "fransız kaldı", "fransız kaldım", "fransız kaldık", "fransız kalmak", "amerikan salatası", "amerikan futbolu"),
    "nl": ("spaans benauwd", "spaanse griep"),
    "pl": ("orzech włoski", "włoski orzech", "orzechy włoskie", "ruletka rosyjska",
           "rosyjska ruletka", "klucz francuski", "francuski klucz", "ciasto francuskie",
           "kapusta włoska"),
    "it": ("caffè turco", "bagno turco", "fuoco greco", "insalata russa", "montagne russe", "roulette russa",
           "chiave inglese", "zuppa inglese", "patate americane"),
    "pt": ("roleta russa", "salada russa", "chave inglesa", "pão francês", "beijo francês",
           "batata inglesa", "para inglês ver"),
    "zh": ("马里兰", "阿曼达", "其中方", "完美方", "中非", "道德方", "今日方", "打印方",
           "日方面", "法方面", "德方面"),
}  # fmt: skip

#: Adjectives of nationality ("tedesco", "Duitse", "ryska", "niemiecki", "Rus") of the
#: languages :data:`LOCAL_NAMES` has no list for, in their base form (masculine singular,
#: lower case: an adjective, found in any case); :func:`_inflections` makes their other
#: forms by each language's regular rules ("tedesco" -> "tedeschi", "niemiecki" ->
#: "niemieckim", "duits" -> "duitse"). Neither source of names has them (the CLDR Babel
#: ships has no demonyms, nor has iso-codes), and no rule makes "tedesco" of "Germania":
#: a hand list of the most reported states, kept here with the other hand lists. Where
#: the adjective is the name with a regular suffix (Arabic, Persian, Urdu, Hindi and
#: Hebrew nisba "-ي", "-ی", "-ी", "-י"; Turkish "-li"), :func:`_derived_adjectives` makes
#: it of every country's name, and only the irregular ones are listed ("أمريكي").
#: A text of a language of :data:`LOCAL_NAMES` has its adjectives there.
DEMONYM_NAMES: dict[str, dict[str, str]] = {
    "it": {
        "USA": "americano | statunitense", "CHN": "cinese", "RUS": "russo", "DEU": "tedesco",
        "FRA": "francese", "GBR": "britannico", "JPN": "giapponese",
        "KOR": "sudcoreano | coreano", "PRK": "nordcoreano", "IND": "indiano",
        "PAK": "pakistano", "IRN": "iraniano", "IRQ": "iracheno", "ISR": "israeliano",
        "PSE": "palestinese", "SYR": "siriano", "TUR": "turco", "UKR": "ucraino",
        "POL": "polacco", "ITA": "italiano", "ESP": "spagnolo", "NLD": "olandese",
        "BEL": "belga", "SWE": "svedese", "NOR": "norvegese", "DNK": "danese",
        "FIN": "finlandese", "CAN": "canadese", "AUS": "australiano", "BRA": "brasiliano",
        "ARG": "argentino", "MEX": "messicano", "EGY": "egiziano", "SAU": "saudita",
        "GRC": "greco", "CHE": "svizzero", "AUT": "austriaco", "VNM": "vietnamita",
        "HUN": "ungherese", "LBN": "libanese", "AFG": "afghano", "BLR": "bielorusso",
        # the states of the CFA francs (and Qatar's "qatarino", no form the rules make:
        # see _REGULAR_ADJECTIVES on "-ino"), whose currency no adjective of the CLDR names
        "CIV": "ivoriano",
        "CMR": "camerunense",
        "NER": "nigerino",
        "BFA": "burkinabé",
        "CAF": "centrafricano",
        "QAT": "qatariota | qatarino",
    },
    "pt": {
        "USA": "americano | norte-americano | estadunidense | estado-unidense",
        "CHN": "chinês", "RUS": "russo", "DEU": "alemão", "FRA": "francês",
        "GBR": "britânico", "JPN": "japonês", "KOR": "sul-coreano | coreano",
        "PRK": "norte-coreano", "IND": "indiano", "PAK": "paquistanês", "IRN": "iraniano",
        "IRQ": "iraquiano", "ISR": "israelense | israelita", "PSE": "palestino",
        "SYR": "sírio", "TUR": "turco", "UKR": "ucraniano", "POL": "polonês | polaco",
        "ITA": "italiano", "ESP": "espanhol", "NLD": "holandês | neerlandês", "BEL": "belga",
        "SWE": "sueco", "NOR": "norueguês", "DNK": "dinamarquês", "FIN": "finlandês",
        "CAN": "canadense | canadiano", "AUS": "australiano", "BRA": "brasileiro",
        "ARG": "argentino", "MEX": "mexicano", "EGY": "egípcio", "SAU": "saudita",
        "GRC": "grego", "CHE": "suíço", "AUT": "austríaco", "VNM": "vietnamita",
        "VEN": "venezuelano", "AGO": "angolano", "MOZ": "moçambicano", "PRT": "português",
        "CHL": "chileno", "COL": "colombiano",
        # the states of the CFA francs, whose currency no adjective of the CLDR names
        "CIV": "marfinense",
        "CMR": "camaronês",
        "GAB": "gabonês",
        "NER": "nigerino",
        "BFA": "burquinense",
        "CAF": "centro-africano",
    },
    # Dutch writes these with a capital ("Duitse"); "Frans" alone is also a given name.
    "nl": {
        "USA": "amerikaans", "CHN": "chinees", "RUS": "russisch", "DEU": "duits",
        "FRA": "franse", "GBR": "brits", "JPN": "japans", "KOR": "zuid-koreaans | koreaans",
        "PRK": "noord-koreaans", "IND": "indiaas", "PAK": "pakistaans", "IRN": "iraans",
        "IRQ": "iraaks", "ISR": "israëlisch", "PSE": "palestijns", "SYR": "syrisch",
        "TUR": "turks", "UKR": "oekraïens", "POL": "pools", "ITA": "italiaans",
        "ESP": "spaans", "NLD": "nederlands", "BEL": "belgisch", "SWE": "zweeds",
        "NOR": "noors", "DNK": "deens", "FIN": "fins", "CAN": "canadees",
        "AUS": "australisch", "BRA": "braziliaans", "MEX": "mexicaans", "EGY": "egyptisch",
        "SAU": "saoedisch", "GRC": "grieks", "CHE": "zwitsers", "AUT": "oostenrijks",
        "HUN": "hongaars", "AFG": "afghaans",
    },
    "sv": {
        "USA": "amerikansk", "CHN": "kinesisk", "RUS": "rysk", "DEU": "tysk", "FRA": "fransk",
        "GBR": "brittisk", "JPN": "japansk", "KOR": "sydkoreansk | koreansk",
        "PRK": "nordkoreansk", "IND": "indisk", "PAK": "pakistansk", "IRN": "iransk",
        "IRQ": "irakisk", "ISR": "israelisk", "PSE": "palestinsk", "SYR": "syrisk",
        "TUR": "turkisk", "UKR": "ukrainsk", "POL": "polsk", "ITA": "italiensk",
        "ESP": "spansk", "NLD": "nederländsk | holländsk", "BEL": "belgisk",
        "SWE": "svensk", "NOR": "norsk", "DNK": "dansk", "FIN": "finsk | finländsk",
        "CAN": "kanadensisk", "AUS": "australisk", "BRA": "brasiliansk", "EGY": "egyptisk",
        "SAU": "saudisk | saudiarabisk", "GRC": "grekisk", "CHE": "schweizisk",
        "AUT": "österrikisk", "HUN": "ungersk", "EST": "estnisk", "LVA": "lettisk",
        "LTU": "litauisk", "AFG": "afghansk",
    },
    "da": {
        "USA": "amerikansk", "CHN": "kinesisk", "RUS": "russisk", "DEU": "tysk",
        "FRA": "fransk", "GBR": "britisk", "JPN": "japansk", "KOR": "sydkoreansk",
        "PRK": "nordkoreansk", "IND": "indisk", "IRN": "iransk", "ISR": "israelsk",
        "PSE": "palæstinensisk", "SYR": "syrisk", "TUR": "tyrkisk", "UKR": "ukrainsk",
        "POL": "polsk", "ITA": "italiensk", "ESP": "spansk", "NLD": "hollandsk | nederlandsk",
        "SWE": "svensk", "NOR": "norsk", "DNK": "dansk", "FIN": "finsk", "CAN": "canadisk",
        "EGY": "egyptisk", "GRC": "græsk", "IRQ": "irakisk", "PAK": "pakistansk",
    },
    "no": {
        "USA": "amerikansk", "CHN": "kinesisk", "RUS": "russisk", "DEU": "tysk",
        "FRA": "fransk", "GBR": "britisk", "JPN": "japansk", "KOR": "sørkoreansk",
        "PRK": "nordkoreansk", "IND": "indisk", "IRN": "iransk", "ISR": "israelsk",
        "PSE": "palestinsk", "SYR": "syrisk", "TUR": "tyrkisk", "UKR": "ukrainsk",
        "POL": "polsk", "ITA": "italiensk", "ESP": "spansk", "NLD": "nederlandsk",
        "SWE": "svensk", "NOR": "norsk", "DNK": "dansk", "FIN": "finsk", "IRQ": "irakisk",
        "PAK": "pakistansk", "EGY": "egyptisk",
    },
    "pl": {
        "USA": "amerykański", "CHN": "chiński", "RUS": "rosyjski", "DEU": "niemiecki",
        "FRA": "francuski", "GBR": "brytyjski", "JPN": "japoński",
        "KOR": "południowokoreański | koreański", "PRK": "północnokoreański",
        "IND": "indyjski", "PAK": "pakistański", "IRN": "irański", "IRQ": "iracki",
        "ISR": "izraelski", "PSE": "palestyński", "SYR": "syryjski", "TUR": "turecki",
        "UKR": "ukraiński", "POL": "polski", "ITA": "włoski", "ESP": "hiszpański",
        "NLD": "holenderski | niderlandzki", "BEL": "belgijski", "SWE": "szwedzki",
        "NOR": "norweski", "DNK": "duński", "FIN": "fiński", "CAN": "kanadyjski",
        "AUS": "australijski", "BRA": "brazylijski", "EGY": "egipski", "SAU": "saudyjski",
        "GRC": "grecki", "CHE": "szwajcarski", "AUT": "austriacki", "HUN": "węgierski",
        "CZE": "czeski", "SVK": "słowacki", "LTU": "litewski", "LVA": "łotewski",
        "EST": "estoński", "BLR": "białoruski", "AFG": "afgański",
    },
    "uk": {
        "USA": "американський", "CHN": "китайський", "RUS": "російський",
        "DEU": "німецький", "FRA": "французький", "GBR": "британський", "JPN": "японський",
        "KOR": "південнокорейський | корейський", "PRK": "північнокорейський",
        "IND": "індійський", "PAK": "пакистанський", "IRN": "іранський", "IRQ": "іракський",
        "ISR": "ізраїльський", "PSE": "палестинський", "SYR": "сирійський",
        "TUR": "турецький", "UKR": "український", "POL": "польський", "ITA": "італійський",
        "ESP": "іспанський", "NLD": "нідерландський", "BEL": "бельгійський",
        "SWE": "шведський", "NOR": "норвезький", "DNK": "данський", "FIN": "фінський",
        "CAN": "канадський", "AUS": "австралійський", "BRA": "бразильський",
        "EGY": "єгипетський", "SAU": "саудівський", "GRC": "грецький",
        "CHE": "швейцарський", "AUT": "австрійський", "HUN": "угорський", "CZE": "чеський",
        "BLR": "білоруський", "MDA": "молдовський", "GEO": "грузинський",
        "LTU": "литовський", "LVA": "латвійський", "EST": "естонський",
    },
    "cs": {
        "USA": "americký", "CHN": "čínský", "RUS": "ruský", "DEU": "německý",
        "FRA": "francouzský", "GBR": "britský", "JPN": "japonský", "KOR": "jihokorejský",
        "PRK": "severokorejský", "IND": "indický", "IRN": "íránský", "ISR": "izraelský",
        "UKR": "ukrajinský", "POL": "polský", "ITA": "italský", "ESP": "španělský",
        "TUR": "turecký", "CZE": "český", "SVK": "slovenský", "AUT": "rakouský",
        "HUN": "maďarský", "SYR": "syrský", "PSE": "palestinský", "SWE": "švédský",
        "CAN": "kanadský", "EGY": "egyptský", "GRC": "řecký", "NLD": "nizozemský",
        "IRQ": "irácký", "PAK": "pákistánský",
    },
    # Turkish ethnonyms that are no "-li" of the name ("Rus" of "Rusya", "Alman").
    "tr": {
        "RUS": "rus", "DEU": "alman", "FRA": "fransız", "GBR": "ingiliz | britanyalı",
        "TUR": "türk", "GRC": "yunan", "JPN": "japon", "ITA": "italyan", "ESP": "ispanyol",
        "USA": "amerikan | amerikalı", "ARM": "ermeni", "GEO": "gürcü", "IND": "hintli",
        "KOR": "güney koreli", "PRK": "kuzey koreli", "SAU": "suudi", "NLD": "hollandalı",
    },
    # Irregular nisbas only; the regular ones are made of every name.
    "ar": {
        "USA": "أمريكي | أميركي", "GBR": "بريطاني", "KOR": "كوري جنوبي",
        "PRK": "كوري شمالي", "SAU": "سعودي", "ARE": "إماراتي", "PSE": "فلسطيني",
        "AUT": "نمساوي",
    },
    "fa": {"USA": "آمریکایی", "GBR": "انگلیسی | بریتانیایی", "RUS": "روس", "SAU": "سعودی"},
    "ur": {"USA": "امریکی", "GBR": "برطانوی", "RUS": "روسی", "CHN": "چینی"},
    "hi": {"USA": "अमेरिकी | अमरीकी", "FRA": "फ्रांसीसी | फ़्रांसीसी", "GBR": "ब्रिटिश"},
    "he": {"USA": "אמריקני | אמריקאי", "GBR": "בריטי", "ITA": "איטלקי", "POL": "פולני",
           "IND": "הודי"},
}  # fmt: skip
DEMONYM_NAMES["nb"] = DEMONYM_NAMES["no"]

#: One-character abbreviations of states that Chinese, Japanese and Korean news write in
#: compounds ("中美两国", "日露外相会談", "한미 정상회담") and before a side or an office
#: ("美方", "米側", "英首相", "북측"). Alone each is an ordinary word (日 "day", 中
#: "middle", 米 "rice", 英 "hero", 한 "one"), so one counts only in such a compound:
#: see :func:`_abbreviation_hits`.
ABBREVIATIONS: dict[str, dict[str, str]] = {
    "zh": {"中": "CHN", "美": "USA", "俄": "RUS", "日": "JPN", "韩": "KOR", "韓": "KOR",
           "朝": "PRK", "英": "GBR", "法": "FRA", "德": "DEU", "印": "IND", "澳": "AUS",
           "加": "CAN", "意": "ITA", "義": "ITA", "越": "VNM", "乌": "UKR", "菲": "PHL"},
    "ja": {"米": "USA", "英": "GBR", "仏": "FRA", "独": "DEU", "露": "RUS", "中": "CHN",
           "韓": "KOR", "日": "JPN", "朝": "PRK", "印": "IND", "豪": "AUS", "加": "CAN",
           "伊": "ITA", "比": "PHL", "越": "VNM", "台": "TWN", "宇": "UKR"},
    "ko": {"한": "KOR", "남": "KOR", "미": "USA", "중": "CHN", "일": "JPN", "러": "RUS",
           "북": "PRK", "영": "GBR", "프": "FRA", "독": "DEU"},
}  # fmt: skip
#: What follows a compound of abbreviations of two or more states in a text of that
#: language: the pair's relation or its meeting ("中美两国", "日米首脳会談").
_COMPOUND_FOLLOWERS: dict[str, str] = {
    "zh": "两国|兩國|双边|雙邊|关系|關係|元首|首脑|首腦|峰会|峰會|会谈|會談|会晤|會晤|外长|外長|"
    "防长|领导人|領導人|战略|戰略|合作|贸易|貿易|联合|聯合|边境|友好|建交|对话|對話|磋商|经贸|"
    "軍演|军演|同盟|之间|之間|间|間|外交|总统|總統|总理|總理|首相|等国|三国|四国|联盟|自贸|"
    "冲突|衝突|战争|戰爭",
    "ja": "両国|関係|首脳|外相|会談|協議|間|政府|外務|国防|防衛|貿易|同盟|合同|共同|対話|"
    "経済|戦略|協力|首相|大統領|三か国|3か国|3カ国|三カ国|友好|紛争|戦争|衝突",
}
#: What follows one abbreviation when it stands for its state: its side, government,
#: forces or head ("美方", "米側", "英首相", "仏大統領", "美军").
_SIDE_FOLLOWERS: dict[str, str] = {
    "zh": "方(?![面法案式向针便位才能可言圆形程正阵块略子寸剂志舟物差得丈])|总统|總統|总理|總理|"
    "首相|外长|外長|防长|军(?!事)|軍(?!事)|政府|驻华|駐華|大使",
    "ja": "側|政府|首相|大統領|外相|国防相|国務長官|軍(?!事)|大使|首脳|外務省|議会",
}
#: Abbreviations that begin too many ordinary words before these followers to count
#: alone ("中政府" in "その中政府", "日軍" in "毎日軍..."; "加军" in "增加军费").
_NO_SIDE = {"zh": "中日加意越乌菲", "ja": "中日加伊比台宇", "ko": "한영프독"}
#: Korean compounds of abbreviations that are also ordinary words or other places:
#: "중미" (Central America), "북미", "남미", "중남미" (the Americas), "한남" (a district of
#: Seoul), "미남" (a handsome man).
_NOT_COMPOUNDS: dict[str, frozenset[str]] = {
    "ko": frozenset({"중미", "북미", "남미", "중남미", "한남", "미남", "남중", "중남", "미러",
                     "중독", "영남", "남영", "영일", "미영", "한영", "영한"}),
}  # fmt: skip


_ADJECTIVE, _NAME, _ABBREVIATION = "adjective", "name", "abbreviation"
#: Russian nouns and the adjectives of names decline: the endings that replace
#: a final letter or two, in the order nominative, genitive, dative,
#: accusative, instrumental, prepositional ("Китай", "Китая", "Китаю", ...).
_RU_CASES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ия", ("ия", "ии", "ии", "ию", "ией", "ии")),
    ("ая", ("ая", "ой", "ой", "ую", "ой", "ой")),
    ("ые", ("ые", "ых", "ым", "ые", "ыми", "ых")),
    ("ие", ("ие", "их", "им", "ие", "ими", "их")),
    ("ое", ("ое", "ого", "ому", "ое", "ым", "ом")),
    ("ий", ("ий", "ого", "ому", "ий", "им", "ом")),
    ("ый", ("ый", "ого", "ому", "ый", "ым", "ом")),
    ("ство", ("ство", "ства", "ству", "ство", "ством", "стве")),
    ("я", ("я", "и", "е", "ю", "ей", "е")),
    ("а", ("а", "ы", "е", "у", "ой", "е")),
    ("й", ("й", "я", "ю", "й", "ем", "е")),
    ("ь", ("ь", "я", "ю", "ь", "ем", "е")),
    ("ы", ("ы", "ов", "ам", "ы", "ами", "ах")),
)
#: A Russian adjective of nationality ("китайский") in every gender, number and case.
_RU_ADJECTIVE = ("ий", "ая", "ое", "ие", "ого", "ому", "ой", "ую", "им", "ом", "их", "ими", "ою")
_VOWEL_ACCENTS = str.maketrans("áéíóú", "aeiou")


def _russian_cases(word: str) -> list[str]:
    """The six cases of a Russian noun or adjective of a name; one form if it does not decline."""
    low = word.lower()
    for ending, cases in _RU_CASES:
        if low.endswith(ending):
            stem = word[: len(word) - len(ending)]
            if ending == "а" and low[-2:-1] in tuple("кгхжшчщ"):  # "Америки", not "Америкы"
                cases = ("а", "и", "е", "у", "ой", "е")
            return [stem + case for case in cases]
    if low[-1:] in tuple("аеёиоуыэюя") or not low[-1:].isalpha():
        return [word]  # "Токио", "Чили"
    return [word + case for case in ("", "а", "у", "", "ом", "е")]  # "Иран", "Ирана"


#: Case endings of the other Slavic languages whose names decline (Ukrainian, Polish):
#: a name's last letters (its stem vowel) -> the endings that replace them, the
#: cases of a noun and, for a name that is an adjective ("Південна", "Saudyjska"),
#: of an adjective. Replaced on the stem, not listed per name: "Україна" ->
#: "України", "Франція" -> "Франції", "Francja" -> "Francji", "Iran" -> "Iranie".
#: "" stands for a stem ending in a consonant. Forms no text uses cost nothing.
_SLAVIC_CASES: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {
    "uk": (
        ("ія", ("ія", "ії", "ію", "ією")),
        ("я", ("я", "і", "ї", "ю", "ею", "єю")),
        ("а", ("а", "и", "і", "у", "ою", "ої", "ій", "ої")),
        ("ий", ("ий", "ого", "ому", "им", "ім")),
        ("ий", ("ий", "ого", "ому", "им", "ім")),
        ("і", ("і", "их", "им", "ими")),
        ("и", ("и", "ів", "ам", "ами", "ах")),
        ("й", ("й", "ю", "єм", "ї", "ї")),
        ("ь", ("ь", "я", "ю", "ем", "і")),
        ("", ("", "а", "у", "ові", "ом", "і", "ом")),
    ),
    "pl": (
        ("ja", ("ja", "ji", "ję", "ją")),
        ("ia", ("ia", "ii", "ię", "ią")),
        ("ka", ("ka", "ki", "ce", "kę", "ką", "kiej")),
        ("ga", ("ga", "gi", "dze", "gę", "gą", "giej")),
        ("a", ("a", "y", "i", "ie", "ę", "ą", "ej", "iej")),
        ("e", ("e", "ych", "ym", "ymi", "ich", "im", "imi")),
        ("y", ("y", "", "ów", "om", "ami", "ach")),
        ("i", ("i", "", "ów", "om", "ami", "ach")),
        ("", ("", "u", "a", "owi", "em", "iem", "ie")),
    ),
}
#: Polish softens a stem's last consonant before the locative "-e" ("Egipt" ->
#: "Egipcie", "Ameryka" -> "Ameryce", "Kuba" -> "Kubie"): the soft form of each.
_PL_SOFT = {"t": "cie", "d": "dzie", "r": "rze", "ł": "le", "k": "ce", "g": "dze",
            "ch": "sze", "st": "ście", "s": "sie", "z": "zie", "n": "nie", "m": "mie",
            "w": "wie", "b": "bie", "p": "pie", "f": "fie"}  # fmt: skip


def _slavic_cases(word: str, language: str) -> list[str]:
    """The cases of a Ukrainian or Polish name (:data:`_SLAVIC_CASES`); one form if its
    last letter is no letter."""
    low = word.lower()
    if not low[-1:].isalpha():
        return [word]
    forms = [word]
    for ending, endings in _SLAVIC_CASES[language]:
        if ending and not low.endswith(ending):
            continue
        if not ending and low[-1] in "аеєиіїоуюяaeiouyąęó":
            break
        stem = word[: len(word) - len(ending)]
        forms += [stem + e for e in endings]
        if language == "pl":
            tail = stem.lower()
            soft = next((_PL_SOFT[k] for k in ("ch", "st") if tail.endswith(k)), None)
            cut = 2 if soft else 1
            soft = soft or _PL_SOFT.get(tail[-1:])
            if soft:
                forms.append(stem[:-cut] + soft)
        break
    return list(dict.fromkeys(forms))


def _inflections(word: str, language: str, kind: str) -> list[str]:
    """The forms of one word of a name or adjective that a text may use ("chino" -> "chinas").

    The first is ``word``; for a Russian name the six cases, in order.
    """
    low = word.lower()
    if kind == _ABBREVIATION or not low[-1:].isalpha():
        return [word]
    forms: list[str] = [word]
    if language == "ru":
        if kind == _ADJECTIVE and low.endswith(("ий", "ый")):
            return [word, *(word[:-2] + e for e in _RU_ADJECTIVE)]
        return _russian_cases(word)
    if language in _SLAVIC_CASES and kind == _NAME:
        return _slavic_cases(word, language)
    if language == "de":
        if kind == _ADJECTIVE:
            forms += [word + e for e in ("e", "en", "er", "es", "em")]
        elif low.endswith(("e", "es", "er")) and word[:1].isupper():
            # an adjective of a name: "Vereinigtes" -> "Vereinigten", "Weiße" -> "Weißen"
            stem = word[: -1 if low.endswith("e") else -2]
            forms += [stem + e for e in ("e", "en", "er", "es", "em")]
        elif low.endswith(("s", "ß", "x", "z")):  # genitive: "Hauses"
            forms.append(word + "es")
        else:  # genitive: "Chinas", "Russlands"
            forms += [word + "s", word + "es"]
    elif language == "es" and kind == _ADJECTIVE:
        if low.endswith("o"):
            forms += [word[:-1] + e for e in ("a", "os", "as")]
        elif low.endswith(("e", "a")):
            forms.append(word + "s")
        elif low.endswith(("í", "i")):
            forms += [word + "es", word + "s"]
        else:  # "alemán" -> "alemana", "alemanes"; "español" -> "española"
            base = word[:-2] + word[-2].translate(_VOWEL_ACCENTS) + word[-1]
            forms += [base + e for e in ("a", "es", "as")]
    elif language == "fr" and kind == _ADJECTIVE:
        if low.endswith("en"):
            forms += [word + e for e in ("s", "ne", "nes")]
        elif low.endswith(("s", "x")):
            forms += [word + "e", word + "es"]
        elif low.endswith("e"):
            forms.append(word + "s")
        else:
            forms += [word + e for e in ("e", "s", "es")]
    elif kind == _ADJECTIVE and language in _ADJECTIVE_RULES:
        forms += _ADJECTIVE_RULES[language](word, low)
    return forms


def _italian(word: str, low: str) -> list[str]:
    if low.endswith(("co", "go")):  # "tedesco" -> "tedeschi"; "greco" -> "greci"
        return [word[:-1] + e for e in ("a", "i", "he", "hi", "he")]
    if low.endswith("o"):
        return [word[:-1] + e for e in ("a", "i", "e")]
    if low.endswith("e"):
        return [word[:-1] + "i"]
    if low.endswith("a"):  # "belga" -> "belgi", "saudita" -> "sauditi"
        return [word[:-1] + e for e in ("i", "he", "e")]
    return []


def _portuguese(word: str, low: str) -> list[str]:
    if low.endswith("ês"):  # "chinês" -> "chinesa", "chineses"
        return [word[:-2] + "es" + e for e in ("a", "as", "es")]
    if low.endswith("ão"):  # "alemão" -> "alemã", "alemães"
        return [word[:-2] + e for e in ("ã", "ãs", "ães", "ões")]
    if low.endswith("ol"):  # "espanhol" -> "espanhola", "espanhóis"
        return [word + "a", word + "as", word[:-2] + "óis"]
    if low.endswith("o"):
        return [word[:-1] + e for e in ("a", "os", "as")]
    if low.endswith(("e", "a")):
        return [word + "s"]
    return []


def _dutch(word: str, low: str) -> list[str]:
    # The inflected "-e": a long vowel before one consonant is then written once
    # ("chinees" -> "chinese", "indiaas" -> "indiase"); "duits" -> "duitse".
    if re.search(r"(aa|ee|oo|uu)[^aeiou]$", low):
        return [word[:-2] + word[-1] + "e"]
    return [word + "e"] if not low.endswith("e") else []


def _nordic(word: str, low: str) -> list[str]:  # "rysk" -> "ryska", "ryskt", "ryske"
    return [word + e for e in ("a", "e", "t")] if low.endswith("sk") else []


def _polish(word: str, low: str) -> list[str]:
    # "niemiecki" -> "niemiecka", "niemieckim", ... and "niemieccy"
    if low.endswith(("ki", "gi")):
        stem = word[:-1]
        forms = [stem + e for e in ("a", "ie", "iego", "iej", "iemu", "im", "imi", "ich")]
        return [*forms, word[:-1] + "ą", word[:-2] + ("cy" if low.endswith("ki") else "dzy")]
    return []


def _ukrainian(word: str, low: str) -> list[str]:  # "російський" -> "російська", ...
    if low.endswith("ий"):
        endings = ("ого", "ому", "им", "ім", "а", "ої", "ій", "у", "ою", "е", "і", "их", "ими")
        return [word[:-2] + e for e in endings]
    return []


def _czech(word: str, low: str) -> list[str]:  # "ruský" -> "ruská", "ruského", "ruští"
    if not low.endswith("ý"):
        return []
    forms = [word[:-1] + e for e in ("á", "é", "ého", "ému", "ém", "ým", "ou", "í", "ých", "ými")]
    if low.endswith("ský"):
        forms.append(word[:-3] + "ští")
    elif low.endswith("cký"):
        forms.append(word[:-3] + "čtí")
    return forms


def _turkish(word: str, low: str) -> list[str]:  # the plural: "Ruslar", "Çinliler"
    vowels = [c for c in low if c in "aıoueiöü"]
    return [word + ("lar" if vowels and vowels[-1] in "aıou" else "ler")]


def _arabic(word: str, low: str) -> list[str]:  # "مصري" -> "مصرية", "مصريون", "مصريين"
    return [word + e for e in ("ة", "ون", "ين", "ات")] if word.endswith("ي") else []


def _hebrew(word: str, low: str) -> list[str]:  # "רוסי" -> "רוסית", "רוסים", "רוסיות"
    return [word + e for e in ("ת", "ם", "ות")] if word.endswith("י") else []


_ADJECTIVE_RULES = {
    "it": _italian, "pt": _portuguese, "nl": _dutch, "sv": _nordic, "da": _nordic,
    "no": _nordic, "nb": _nordic, "pl": _polish, "uk": _ukrainian, "cs": _czech,
    "tr": _turkish, "ar": _arabic, "he": _hebrew,
}  # fmt: skip
#: Hebrew's final letters, written in their usual form before a suffix ("יפן" -> "יפני").
_HEBREW_FINALS = str.maketrans("ךםןףץ", "כמנפצ")
_HINDI_VOWEL_SIGNS = re.compile("[ा-ौ]$")
#: Names whose regular adjective is chiefly another word: Hebrew "קובי" (a given name).
_NOT_DERIVED: dict[str, frozenset[str]] = {"he": frozenset({"קובי"})}


def _derived_adjectives(name: str, language: str) -> list[str]:
    """The adjective a country's name makes by its language's regular suffix, or none.

    Arabic, Persian, Urdu, Hindi and Hebrew make it by the nisba ("مصر" -> "مصري",
    "روسيا" -> "روسي", "روسیه" -> "روسی", "آمریکا" -> "آمریکایی", "रूस" -> "रूसी",
    "भारत" -> "भारतीय", "סין" -> "סיני", "רוסיה" -> "רוסי"), Turkish by "-li"
    ("Çin" -> "Çinli", "İran" -> "İranlı"). Only one-word names; a stem of fewer than
    three letters makes none (too short not to be part of other words).
    """
    if len(_WORD.findall(name)) != 1 or not _WORD.fullmatch(name):
        return []
    bases: list[str] = []
    if language == "ar":
        bare = _POINTS.sub("", name).removeprefix("ال")
        stem = (
            bare[:-2] if bare.endswith("يا") else bare[:-1] if bare.endswith(("ا", "ة")) else bare
        )
        if len(stem) >= 3 and not bare.endswith("ي"):
            bases.append(stem + "ي")
    elif language in ("fa", "ur"):
        bare = _POINTS.sub("", name)
        if bare.endswith(("یه", "ية")):  # "روسیه" -> "روسی", "ترکیه" -> "ترکی"
            bases.append(bare[:-2] + "ی")
        elif bare.endswith(("ه", "ہ", "ة")):  # "فرانسه" -> "فرانسوی", "امریکہ" -> "امریکی"
            bases += [bare[:-1] + "ی"] + ([bare[:-1] + "وی"] if language == "fa" else [])
        elif bare.endswith(("ا", "و")):
            bases += [bare + "یی", bare + "ئی"]
        elif not bare.endswith(("ی", "ي", "ے")):
            bases.append(bare + "ی")
        bases = [b for b in bases if len(b) >= 4]
    elif language == "hi":
        if name.endswith("ा"):  # "अमेरिका" -> "अमेरिकी", "श्रीलंकाई"
            bases += [name[:-1] + "ी", name + "ई"]
        elif not _HINDI_VOWEL_SIGNS.search(name):
            bases += [name + "ी", name + "ीय"]
        bases = [b for b in bases if len(b) >= 3]
    elif language == "he":
        bare = _POINTS.sub("", name)
        if bare.endswith("יה"):
            stem = bare[:-1]  # "רוסיה" -> "רוסי"
        elif bare.endswith("ים"):
            stem = bare[:-2] + "י"  # "מצרים" -> "מצרי"
        elif bare.endswith(("ה", "י", "ו")):
            stem = bare[:-1] + "י" if bare.endswith("ה") else ""
        else:
            stem = bare.translate(_HEBREW_FINALS) + "י"
        if len(stem) >= 4:
            bases.append(stem)
    elif language == "tr" and name[:1].isupper() and len(name) >= 3:
        vowels = [c for c in name.lower() if c in "aıoueiöü"]
        last = vowels[-1] if vowels else "e"
        suffix = {"a": "lı", "ı": "lı", "o": "lu", "u": "lu", "ö": "lü", "ü": "lü"}.get(last, "li")
        bases.append(name + suffix)
    bad = _NOT_DERIVED.get(language, frozenset())
    return [base for base in dict.fromkeys(bases) if base not in bad]


#: The regular ways German, French, Spanish, Italian and Portuguese make a state's
#: adjective of its one-word name, as the nisba makes the Arabic one (:func:`_derived_adjectives`):
#: per language, (ending of the folded name, ((letters cut, suffix), ...)), the first
#: ending that fits deciding ("" fits any). "Kenia" -> "kenianisch", "Libyen" -> "libysch",
#: "Tschad" -> "tschadisch", "Sénégal" -> "sénégalais", "Géorgie" -> "géorgien", "Chad" ->
#: "chadiano", "Malí" -> "maliense", "Georgia" -> "georgiano", "Togo" -> "togolese". The
#: forms a rule makes that are no adjective in use are no word either ("kenisch", "chadino"),
#: so they stay unread; the CLDR's adjectives of currencies (:func:`_currency_adjectives_in`)
#: and the hand lists decide first. The rules fill in the states whose currency names no
#: adjective: the CFA and other shared francs, the "Kenia-Schilling" German writes. No
#: "-ino" follows a consonant: none of the 201 such forms the rule made in Spanish,
#: Italian and Portuguese was a source's adjective, and one was a saint's ("catarino", of
#: Catarina, made of "Catar").
_REGULAR_ADJECTIVES: dict[str, tuple[tuple[str, tuple[tuple[int, str], ...]], ...]] = {
    "de": (
        ("yen", ((2, "sch"),)),
        ("ien", ((3, "isch"),)),
        ("ia", ((2, "isch"), (1, "anisch"))),
        ("istan", ((5, "isch"), (0, "isch"))),
        ("a", ((1, "isch"), (0, "nisch"), (0, "isch"))),
        ("e", ((1, "isch"),)),
        ("er", ((2, "risch"),)),
        ("o", ((0, "lesisch"), (0, "isch"))),
        ("", ((0, "isch"), (0, "esisch"))),
    ),
    "fr": (
        ("ie", ((1, "en"),)),
        ("e", ((1, "ais"), (1, "ien"), (1, "en"), (1, "ain"))),
        ("a", ((1, "ais"), (1, "ien"), (1, "éen"), (1, "ain"))),
        ("o", ((0, "lais"), (0, "ais"))),
        ("i", ((0, "en"),)),
        ("", ((0, "ais"), (0, "ien"), (0, "ain"), (0, "ois"))),
    ),
    "es": (
        ("ia", ((0, "no"),)),
        ("a", ((1, "és"), (1, "ense"), (1, "ano"), (1, "iano"), (1, "ino"), (1, "eño"))),
        ("e", ((1, "és"), (1, "ense"), (1, "ano"), (1, "iano"), (1, "ino"), (0, "no"))),
        ("o", ((1, "és"), (1, "ense"), (1, "ano"), (1, "iano"), (1, "ino"))),
        ("i", ((0, "ano"), (0, "ense"))),
        ("u", ((0, "ano"),)),
        ("", ((0, "és"), (0, "í"), (0, "iano"), (0, "ense"))),
    ),
    "it": (
        ("ia", ((0, "no"),)),
        ("o", ((0, "lese"), (1, "ese"), (1, "ano"), (1, "iano"), (1, "ino"))),
        ("a", ((1, "ese"), (1, "ano"), (1, "iano"), (1, "ino"))),
        ("e", ((1, "ese"), (1, "ano"), (1, "iano"), (1, "ino"))),
        ("i", ((0, "ano"), (0, "ese"))),
        ("", ((0, "ese"), (0, "iano"), (0, "ita"))),
    ),
    "pt": (
        ("ia", ((0, "no"),)),
        ("a", ((1, "ês"), (1, "ense"), (1, "ano"), (1, "iano"), (1, "ino"))),
        ("e", ((1, "ês"), (1, "ense"), (1, "ano"), (1, "iano"), (1, "ino"))),
        ("o", ((0, "lês"), (1, "ês"), (1, "ense"), (1, "ano"), (1, "iano"))),
        ("i", ((0, "ano"), (0, "ense"))),
        ("", ((0, "ês"), (0, "iano"), (0, "ense"))),
    ),
}
#: Forms the rules make that are words of another sense: German "kubisch" (cubic, of
#: "Kuba"), "italisch" (Italic, of the ancient peoples); Spanish "indiano" (one back rich
#: from the Americas), Spanish and Portuguese "granadino" (of the city of Granada, not of
#: Grenada); Italian "cipriano" (a given name; Cyprus's adjective is "cipriota").
_NOT_REGULAR: dict[str, frozenset[str]] = {
    "de": frozenset({"kubisch", "italisch"}),
    "es": frozenset({"indiano", "granadino"}),
    "it": frozenset({"cipriano"}),
    "pt": frozenset({"granadino"}),
}


def _regular_adjectives(states: list[tuple[str, str]], language: str) -> list[tuple[str, str]]:
    """(adjective, alpha-3) that :data:`_REGULAR_ADJECTIVES` makes of the one-word names
    ``states`` gives in ``language``. A stem of fewer than four letters makes none, nor
    does one that begins a word of another state's name ("Dominica" and "República
    Dominicana", "Niger" and "Nigeria"), nor a name's word two states share ("Congo",
    "Guinea", "Samoa"): such an adjective names neither state, as English "Congolese". A
    name of more than three words is a territory's long description ("Islas Georgia del
    Sur y Sandwich del Sur") and blocks none. Nor does a name that is also a large city's of
    another state (:func:`_city_stems`: "Guadalupe", "Granada")."""
    rules = _REGULAR_ADJECTIVES.get(language)
    if not rules:
        return []
    short = [(name, code) for name, code in states if len(_WORD.findall(name)) <= 3]
    shared = _shared_name_words(short)
    words: dict[str, set[str]] = {}  # code -> the folded words of its names
    for name, code in short:
        words.setdefault(code, set()).update(_fold(w) for w in _WORD.findall(name))
    not_regular = _NOT_REGULAR.get(language, frozenset())
    cities = _city_stems()
    found: list[tuple[str, str]] = []
    for name, code in states:
        if len(_WORD.findall(name)) != 1 or not _WORD.fullmatch(name):
            continue
        if _fold(name).startswith(shared) or cities.get(_bare_stem(name), frozenset()) - {code}:
            continue  # "Guinea" of two states; "Granada" a city's name too
        for folded_stem, adjective in _made_of(name, rules):
            if any(
                word.startswith(folded_stem)
                for other, others in words.items()
                if other != code
                for word in others
            ):
                continue
            key = _fold(adjective)
            if key not in not_regular:
                found.append((adjective, code))
    return list(dict.fromkeys(found))


def _made_of(
    name: str, rules: tuple[tuple[str, tuple[tuple[int, str], ...]], ...]
) -> list[tuple[str, str]]:
    """(folded stem, adjective) that ``rules`` (one language's :data:`_REGULAR_ADJECTIVES`)
    make of the one-word ``name``, lower case; a stem of fewer than four letters makes none."""
    low = name.lower()
    cuts = next(made for ending, made in rules if _fold(name).endswith(ending))
    stems = [(low[: len(low) - cut], suffix) for cut, suffix in cuts]
    return [(_fold(stem), stem + suffix) for stem, suffix in stems if len(_fold(stem)) >= 4]


def _bare_stem(name: str) -> str:
    """``name`` folded, less one final vowel: the part a Romance name's forms share
    ("Guadalupe", "Guadalupa": "guadalup")."""
    folded = _fold(name)
    return folded[:-1] if folded[-1:] in "aeo" else folded


@cache
def _city_stems() -> dict[str, frozenset[str]]:
    """:func:`_bare_stem` of the one-word main names of the gazetteer's cities of
    :data:`~extractor.text.gazetteer.RIVAL_POPULATION` or more -> their alpha-3 codes. A
    derived adjective is only as sure as its stem: a state's name that is also a city's of
    another state ("Guadalupe", Mexico's, and Guadeloupe's in Spanish, "Guadalupa" in
    Italian; "Granada", Spain's, and Grenada's) makes the city's adjective as well
    ("guadalupano", "granadense"), which names neither. A town rivals no state for its
    name (Brazil's Montenegro, and "montenegrino")."""
    found: dict[str, set[str]] = {}
    for city in gazetteer_cities().values():
        name = str(city["name"])
        if _WORD.fullmatch(name) and int(city.get("population") or 0) >= RIVAL_POPULATION:
            found.setdefault(_bare_stem(name), set()).add(alpha3_of(str(city["countrycode"])))
    return {stem: frozenset(codes) for stem, codes in found.items()}


#: Languages whose CLDR names of currencies write the adjective of the one state that
#: spends or spent each ("Portugiesischer Escudo", "escudo portugais", "Португальское
#: эскудо") and whose rules below give that adjective's base form, as :data:`ADJECTIVES`
#: takes the English ones from the English names.
_CURRENCY_ADJECTIVE_LANGUAGES = frozenset({"de", "fr", "es", "it", "pt", "ru"})
#: A German adjective of nationality in "-isch" with a strong ending ("Griechische").
_DE_ADJECTIVE = re.compile(r"(\w+isch)(?:e|er|es|en|em)?")
#: A Russian adjective in "-ский"/"-цкий" in any gender ("Португальское", "Эстонская").
_RU_ADJECTIVE_STEM = re.compile(r"(\w+к)(?:ий|ая|ое|ие|ой)")
#: French feminine endings and their masculine ("estonienne", "maltaise", "grecque").
_FR_MASCULINE = (("enne", "en"), ("aise", "ais"), ("oise", "ois"), ("cque", "c"), ("ine", "in"))


def _masculine_bases(word: str, language: str) -> list[str]:
    """The base forms (lower case, masculine singular) a currency's adjective ``word`` may
    stand for in ``language``: the name agrees with its noun's gender ("corona eslovaca",
    "Slowakische Krone"), which the CLDR does not give, so a feminine-looking form yields
    the masculine too ("eslovaca" -> "eslovaco"; an epicene "croata" yields a "croato"
    no Spanish text writes, and Italian does)."""
    low = word.lower()
    if language == "de":
        found = _DE_ADJECTIVE.fullmatch(low)
        return [found.group(1)] if found else []
    if language == "ru":
        found = _RU_ADJECTIVE_STEM.fullmatch(low)
        return [found.group(1) + "ий"] if found else []
    bases = [low]
    if language == "fr":
        bases += [low[: -len(fem)] + masc for fem, masc in _FR_MASCULINE if low.endswith(fem)][:1]
    elif low.endswith("esa") and language in ("es", "pt"):
        bases.append(low[:-3] + ("és" if language == "es" else "ês"))
    elif low.endswith("a"):
        bases.append(low[:-1] + "o")
    return bases


@cache
def _currency_adjectives_in(language: str) -> list[tuple[str, str]]:
    """(adjective, alpha-3) of the CLDR's names of currencies in ``language`` (via Babel):
    the word of the name of a currency spent today, or since :data:`_CURRENCIES_SINCE`,
    that begins as a word of the name of one of its states in the language does and is
    no state's name ("escudo portugais": Portugal, not the colonies that spent it;
    "colón salvadoreño": El Salvador; "Zypern-Pfund" gives none), in its base forms
    (:func:`_masculine_bases`). A territory named with another state's adjective
    ("Britische Jungferninseln") is not the state of that adjective, and an adjective
    of a word two states' names share ("franc congolais") names neither. A former currency of a former name ("Jugoslawischer
    Dinar", "Rhodesian") names no state of today."""
    from babel import Locale, UnknownLocaleError

    if language not in _CURRENCY_ADJECTIVE_LANGUAGES:
        return []
    try:
        currency_names = Locale.parse(language).currencies
    except (UnknownLocaleError, ValueError):
        return []
    states = _cldr_names(language)
    # German and Russian adjectives, known by their endings, may keep fewer of the name's
    # letters ("irisch" of "Irland"): two there, three elsewhere.
    size = 2 if language in ("de", "ru") else 3
    beginnings: dict[str, set[str]] = {}  # code -> the first letters of its name's words
    borrowed: dict[str, set[str]] = {}  # code -> the words of its names of several words
    for name, code in states:
        words = _WORD.findall(name)
        beginnings.setdefault(code, set()).update(
            _fold(word)[:size] for word in words if len(word) >= 4
        )
        if len(words) > 1:
            borrowed.setdefault(code, set()).update(_fold(word) for word in words)
    names_written = {name for name, _ in states}
    folded_names = {_fold(name) for name in names_written}
    shared = _shared_name_words(states)
    found: list[tuple[str, str]] = []
    for since in (None, _CURRENCIES_SINCE):
        for currency, spenders in _spenders(since).items():
            written = currency_names.get(currency) or ""
            for word in _qualifiers(_ACCOUNT.sub("", written), language):
                if len(word) < 5 or word in names_written:
                    continue
                begins = _fold(word)[:size]
                bases = _masculine_bases(word, language)
                forms = {
                    _fold(f) for base in bases for f in _inflections(base, language, _ADJECTIVE)
                }
                codes = [
                    c
                    for c in spenders
                    if begins in beginnings.get(c, ()) and not borrowed.get(c, set()) & forms
                ]
                if len(codes) == 1 and not _fold(word).startswith(shared):
                    # a base that is a name stays one: "siria", "Siria"
                    found += [(base, codes[0]) for base in bases if base not in folded_names]
    return list(dict.fromkeys(found))


#: German nouns of a people made of its adjective in "-isch", with their plural and
#: feminine: "marokkanisch" -> "Marokkaner" (and "Marokkanern", "Marokkanerin"),
#: "mongolisch" -> "Mongole" ("Mongolen", "Mongolin"), "belgisch" -> "Belgier". Which of
#: the three a people takes is no rule, so each is made; the two others are no words
#: ("Marokkane", "Mongoler"), save those of :data:`_NEVER_ADJECTIVES`.
_DE_PEOPLE_NOUNS = ("er", "ern", "erin", "erinnen", "e", "en", "in", "innen", "ier", "iern",
                    "ierin", "ierinnen")  # fmt: skip


def _people_nouns(
    adjectives: Iterable[tuple[str, str | None]], language: str
) -> list[tuple[str, str | None]]:
    """(noun, alpha-3) of the people of each (adjective, alpha-3) in ``language``, where its
    nouns differ from its adjectives (German: :data:`_DE_PEOPLE_NOUNS`; in French, Italian,
    Spanish and Portuguese the adjective is the noun: "un marocchino", "un marroquí")."""
    if language != "de":
        return []
    return [
        (stem + ending, code)
        for adjective, code in adjectives
        if (stem := adjective.lower().removesuffix("isch")) != adjective.lower() and len(stem) >= 2
        for ending in _DE_PEOPLE_NOUNS
    ]


def _shared_name_words(states: list[tuple[str, str]]) -> tuple[str, ...]:
    """The words (folded, four letters or more) that the names of two states or more share
    ("Congo", "Guinée", "Corea"): an adjective made of one ("congolais", "guinéen") is
    either state's, as English "Congolese" is (:data:`_SHARED_ADJECTIVES`)."""
    owners: dict[str, set[str]] = {}
    for name, code in states:
        for word in _WORD.findall(name):
            if len(word) >= 4:
                owners.setdefault(_fold(word), set()).add(code)
    return tuple(sorted(word for word, codes in owners.items() if len(codes) > 1))


def _qualifiers(name: str, language: str) -> list[str]:
    """The words of a currency's ``name`` that may be its adjective: in French, Spanish,
    Italian and Portuguese those after the noun, which comes first, and in lower case
    (a capitalised word there is a place's name: "livre de Sainte-Hélène"); in German and
    Russian any word, which :func:`_masculine_bases` takes only with an adjective's
    ending."""
    words = [word.strip(".,()") for word in name.split()]
    if language in ("de", "ru"):
        return words
    return [word for word in words[1:] if word[:1].islower()]


def _kind(name: str) -> str:
    letters = [c for c in name if c.isalpha()]
    if letters and not any(c.islower() for c in letters) and any(c.isupper() for c in letters):
        return _ABBREVIATION if len(letters) <= 5 else _NAME
    return _ADJECTIVE if letters and letters[0].islower() else _NAME


def _word_forms(name: str, language: str, kind: str) -> list[list[str]]:
    """The forms of each word of ``name``: an adjective of several words ("nord-coréen")
    declines in its last word, a German name in its adjectives and its last word
    ("des Vereinigten Königreichs"), a Russian name in every word ("Южной Кореи")."""
    words = _WORD.findall(name)
    last = len(words) - 1
    return [
        _inflections(word, language, kind)
        if i == last
        or (kind == _NAME and (language == "ru" or language in _SLAVIC_CASES))
        or (kind == _NAME and language == "de" and word.endswith(("e", "es", "er")))
        else [word]
        for i, word in enumerate(words)
    ]


def _written_forms(name: str, language: str, kind: str, limit: int = 32) -> list[str]:
    """``name`` as a text may write it: its words in their forms, separators kept.

    A Russian name declines word by word in the same case ("Южной Кореи");
    elsewhere every combination counts, up to ``limit``.
    """
    spans = [m.span() for m in _WORD.finditer(name)]
    choices = _word_forms(name, language, kind)
    if not spans:
        return [name]
    if language == "ru" and kind == _NAME:
        combinations: Iterable[tuple[str, ...]] = (
            tuple(forms[case] if len(forms) == 6 else forms[0] for forms in choices)
            for case in range(6)
        )
    else:
        combinations = product(*choices)
    forms = [name]
    for combination in combinations:
        if len(forms) >= limit:
            break
        pieces, last = [], 0
        for (a, b), word in zip(spans, combination, strict=True):
            pieces += [name[last:a], word]
            last = b
        written = "".join(pieces) + name[last:]
        if written not in forms:
            forms.append(written)
    return forms


def _territory_code(code: str) -> str | None:
    if code == "XK":
        return "XKX"
    if len(code) != 2 or not code.isalpha():
        return None  # regions ("150"), "EU", "UN"
    country = pycountry.countries.get(alpha_2=code)
    return str(country.alpha_3) if country is not None else None


def _cldr_names(language: str) -> list[tuple[str, str]]:
    """(name, alpha-3) from the Unicode CLDR's territory names in ``language`` (via Babel)."""
    from babel import Locale, UnknownLocaleError

    pairs: list[tuple[str, str]] = []
    for tag in ("zh", "zh_Hant") if language == "zh" else (language,):
        try:
            territories = Locale.parse(tag).territories
        except (UnknownLocaleError, ValueError):
            continue
        for code, name in territories.items():
            alpha3 = _territory_code(str(code))
            if alpha3 is not None:
                pairs.append((re.split(r"\s*[(（]", str(name))[0].strip(), alpha3))
    return pairs


def _iso_names(language: str) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(name, alpha-3) from the iso-codes translations pycountry ships: full names, and
    the part before a comma ("Corea, República de" -> "Corea") apart, as less sure."""
    full: list[tuple[str, str]] = []
    short: list[tuple[str, str]] = []
    for tag in ("zh_CN", "zh_TW") if language == "zh" else (language,):
        try:
            catalogue = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[tag])
        except OSError:
            continue
        for country in pycountry.countries:
            for attr in ("name", "official_name", "common_name"):
                english = getattr(country, attr, None)
                translated = catalogue.gettext(english) if english else None
                if translated and translated != english:
                    full.append((translated, country.alpha_3))
                    if "," in translated:
                        short.append((translated.split(",")[0], country.alpha_3))
    return full, short


#: States whose one-word name news gives to another: AP style, which the agencies'
#: datelines follow in every language ("GOMA, Congo", «GOMA, Congo (AFP)», "Goma, Kongo"),
#: writes the Democratic Republic as a bare "Congo" and the Republic of Congo always as
#: such ("République du Congo", "Congo-Brazzaville"); iso-codes gives the bare name to the
#: Republic. (Not in the languages written without spaces, where a bare "刚果" is neither.)
_BARE_NAME_OWNERS: dict[str, str] = {"COG": "COD"}


def _bare_names(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """``pairs`` with each one-word name of a state of :data:`_BARE_NAME_OWNERS` given to
    the state news means by it."""
    return [
        (name, _BARE_NAME_OWNERS.get(code, code) if _ONE_WORD.fullmatch(name) else code)
        for name, code in pairs
    ]


_ONE_WORD = re.compile(r"\w+")


@cache
def _bare_words(language: str) -> frozenset[str]:
    """The folded one-word names, in English and ``language``, of the states of
    :data:`_BARE_NAME_OWNERS` ("congo", "kongo", "конго"): the bare word itself, which news
    gives to another state; not every one-word name of that other state ("DRC", "RDC" name
    the Democratic Republic alone, and so tell that a bare "Congo" beside them is the
    Republic)."""
    shared = set(_BARE_NAME_OWNERS)
    names = [name for code in shared for name in _english_names(code)]
    if language not in ("en", UNDETERMINED) and language not in UNSPACED:
        full, short = _iso_names(language)
        names += [name for name, code in [*_cldr_names(language), *full, *short] if code in shared]
    return frozenset(_fold(name) for name in names if _ONE_WORD.fullmatch(name))


def _bare_name_owners(
    text: str, spans: Sequence[tuple[int, int, str | None]], language: str
) -> list[tuple[int, int, str | None]]:
    """``spans`` with each bare shared name given to the state the text means by it.

    A city of either state right before it tells which ("BRAZZAVILLE, Congo" is the
    Republic, "GOMA, Congo" the Democratic Republic), and a dateline's state (its city
    opening a line, with the bare name or before an agency: "KINSHASA (AFP) -",
    "BRAZZAVILLE, Jan 5 (Reuters) -") is what the bare name means in the rest of its
    article; a city named
    elsewhere ("crossing the river to Brazzaville, Congo") tells only its own mention. Else
    the text's own names of the two states tell, as :class:`_BareReading` reads them."""
    words = _bare_words(language)
    bare = [_fold(text[start:end]) in words for start, end, _ in spans]
    placed = [
        _placed_owner(text, start, code) if is_bare else None
        for (start, _, code), is_bare in zip(spans, bare, strict=True)
    ]
    datelined = {
        place
        for (start, _, _), place in zip(spans, placed, strict=True)
        if place is not None and _DATELINE.fullmatch(text, text.rfind("\n", 0, start) + 1, start)
    }
    dateline = next(iter(datelined)) if len(datelined) == 1 else None
    if dateline is None and any(bare):
        dateline = _opening_city(
            text, next(span for span, b in zip(spans, bare, strict=True) if b)[2]
        )
    reading = _BareReading(text, spans, bare, language)
    return [
        (start, end, (place or dateline or reading.owner(index)) if is_bare else code)
        for index, ((start, end, code), is_bare, place) in enumerate(
            zip(spans, bare, placed, strict=True)
        )
    ]


#: Languages whose press keeps the bare shared name for the state iso-codes gives it to:
#: French news writes the Democratic Republic "la RDC", "la RD Congo", and "le Congo" is
#: the Republic (Congo-Brazzaville). Elsewhere the agencies' datelines, in English as in
#: Spanish, Italian, German, Dutch, Portuguese or Russian ("GOMA, Congo", "im Ostkongo", "il
#: Papa in Congo"), give it to the Democratic Republic (:data:`_BARE_NAME_OWNERS`).
_BARE_NAME_KEPT = frozenset({"fr"})
#: Where one sentence ends and the next starts; a name farther than this is in another.
_SENTENCE_END = re.compile(rf"[{re.escape(TERMINATORS)}]\s|\n\s*\n")
_SENTENCE_REACH = 300


#: A comma and the word after a city: "Brazzaville, Congo".
_PLACING = re.compile(r"[ \t]*,[ \t]*(\w+)")
#: Conjunctions that offer the same thing under another name: "The DRC, or Congo, ..."
#: restates, as a parenthesis ("Congo (DRC)") and an apposition ("Congo, the DRC, said")
#: do; "and" and a list's comma name two things.
_DISJUNCTIONS = frozenset({"or", "o", "ou", "oder", "of", "или", "або", "lub", "nebo"})


#: An apposition after a comma that locates its head within a state, up to the state's
#: name: ", the largest city in eastern ", ", la plus grande ville de l'est de la ", ", a
#: town in the ". A short word (an article) may follow the preposition, and one word (a
#: compass point) the article.
_LOCATING_APPOSITION = re.compile(
    r",\s*(?:[^,;:()\n]{0,80}?\s)?"
    r"(?:in|of|de|du|des|del|della|di|do|da|dans|en|im|von|van|w)\s+"
    r"(?:[^\W\d_]{1,3}(?:['’]\s*|\s+))?(?:[^\W\d_]+\s+)?(?:[^\W\d_]{1,3}(?:['’]\s*|\s+))?"
)
#: Prepositions of place ("in", "à", "en", "im"): one opening a clause sets its scene ("À
#: Kinshasa, le Congo a voté", "In Goma, the army said").
_LOCATIVES = frozenset({"in", "at", "à", "au", "aux", "dans", "en", "a", "em", "no", "na", "im",
                        "bei", "nel", "nella", "w", "i", "di", "katika", "sa"})  # fmt: skip
#: Verbs that report where news was learned or said ("a-t-on appris à Kinshasa", "officials
#: said in Goma"): the place of reporting is a dateline in prose.
_REPORTED = SPEECH_WORDS | {"appris", "apprend", "learned", "learnt", "erfuhr", "appreso"}
#: Where a clause starts, looking back from a city.
_CLAUSE_BREAK = re.compile(r"[,;:()\n]|[.!?]\s")
#: How far back from a city its clause is read.
_CLAUSE_REACH = 120


def _sets_scene(text: str, start: int) -> bool:
    """Whether the city at ``start`` sets the scene of its clause, as a cue to where the
    text is: opening the clause as its subject ("Kinshasa accuse Kigali"), after a
    preposition of place that opens it ("À Kinshasa, le Congo a voté"), or where the news
    was learned ("a-t-on appris à Kinshasa"). A city further into a clause is one event's
    circumstance -- where talks were held, where a delegation went, where refugees came
    from, a third party's office ("flew to Brazzaville", "venus de Kinshasa", "a WHO office
    in Brazzaville", "les violences à Goma") -- which can be anywhere."""
    reach = max(0, start - _CLAUSE_REACH)
    breaks = [match.end() for match in _CLAUSE_BREAK.finditer(text, reach, start)]
    words = [w.lower() for w in _ONE_WORD.findall(text, breaks[-1] if breaks else reach, start)]
    if not words:
        return True
    if words[-1] not in _LOCATIVES:
        return False
    return len(words) == 1 or words[-2] in _REPORTED or words[-2] in _SEATED


#: Nouns of a government's people before a locative that open a clause: "Officials in
#: Brazzaville said", "les autorités à Kinshasa": the state whose seat the city is speaks,
#: as where the news was learned does (:data:`_REPORTED`).
_SEATED = frozenset({"officials", "authorities", "government", "sources", "diplomats",
                     "spokesman", "spokeswoman", "spokesperson", "officiels", "autorités",
                     "responsables", "gouvernement", "autoridades", "gobierno",
                     "governo", "funcionarios", "behörden", "regierung"})  # fmt: skip


#: Prepositions of relation between two states ("with", "against", "between"), each language.
_RELATIONS = frozenset({"with", "against", "between", "versus", "vs", "avec", "contre", "entre",
                        "con", "contra", "mit", "gegen", "zwischen", "met", "tegen", "tussen",
                        "com", "contro", "tra", "fra"})  # fmt: skip
#: Compass points, and words of adjacency, that place one state beside another ("Congo,
#: north of the DRC", "whose country borders the DRC"): two states.
_COMPASS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast",
                      "southwest", "nord", "sud", "est", "ouest", "norden", "süden", "osten",
                      "westen"})  # fmt: skip
_ADJACENCY = _COMPASS | {"borders", "bordering", "neighbouring", "neighboring", "limítrofe",
                         "voisin", "voisine", "frontalier", "frontalière"}  # fmt: skip
#: Where a clause ends, between two parties of one: :data:`_CLAUSE_BREAK` save a comma
#: between digits ("deported 2,000 DRC citizens").
_PARTY_BREAK = re.compile(r"[;:()\n]|,(?!\d)|[.!?]\s")
#: How far before an apposition's comma the city it places may start.
_CITY_REACH = 40


#: A lower-case noun and the lower-case word after it, after a bare name ("Congo rebels
#: killed"): the name qualifies the noun.
_MODIFIED_NOUN = re.compile(r"[ \t]+([a-z]+)[ \t]+([a-z]+)\b")
#: Words after a subject that are its verb, or open what comes before its verb.
_VERB_AFTER_SUBJECT = frozenset({"is", "was", "has", "had", "have", "will", "would", "can",
                                 "could", "may", "might", "must", "shall", "should", "does",
                                 "did", "also", "then", "later", "again", "and", "or", "on",
                                 "in", "at", "to"})  # fmt: skip
#: Words that open the object of a verb ("Congo rejects the DRC's claims").
_OBJECT_OPENERS = frozenset({"the", "a", "an", "its", "his", "her", "their", "this", "that"})


def _noun_modifier(text: str, end: int) -> bool:
    """Whether the bare name ending at ``end`` qualifies the lower-case noun after it ("Congo
    rebels killed", "Congo river flooded", "Congo basin forests"): a noun, not the verb of
    a subject (no '-ed' past, no word of speech or auxiliary, and no object or name after it:
    "Congo accused", "Congo says", "Congo rejects DRC claims"). A name that qualifies a
    noun is where the noun's people are, no party opposite another state in the clause."""
    found = _MODIFIED_NOUN.match(text, end)
    if found is None:
        return False
    noun, following = found.groups()
    return (
        not noun.endswith("ed")
        and noun not in _REPORTED
        and noun not in _VERB_AFTER_SUBJECT
        and following not in _OBJECT_OPENERS
    )


class _BareReading:
    """Which of the two states sharing a bare name ("Congo") the text means by it.

    A text names the two states apart, so a bare name read beside a name of one sharer
    follows from how it stands to that name:

    * restating it, it is that state: in a parenthesis ("eastern Congo (DRC)"), an
      apposition ("Congo, the DRC, said"), after "or" ("The DRC, or Congo, is huge");
    * coordinated with it by "and" or a list's comma, or before its spelled-out name in one
      sentence, it is the other sharer: "Congo and the Democratic Republic of Congo", "Congo
      and the DRC", «La RDC et le Congo», "Officials from Congo met envoys of the Democratic
      Republic of Congo" (no writer gives a state its short name first and its full name
      after, in one sentence); initials alone later in the sentence are another short form
      ("rebels in Congo took Goma, the largest city in eastern DRC");
    * after it otherwise, it refers back to it, as a short form does: "Democratic
      Republic of Congo ... Congo's army" (Reuters), "Republic of Congo President Sassou
      Nguesso said Congo will hold a vote" -- when the text has spelled out one sharer's
      name before it ("République du Congo", "Congo-Kinshasa"); initials ("DRC", "RDC",
      "RD Congo") are a short form of their own, so no bare name refers back to them;
    * else the cities the text names, when they are of one sharer alone ("À Kinshasa, le
      Congo a voté": :func:`main_city_names`);
    * else the language's reading: :data:`_BARE_NAME_KEPT`, or the Democratic Republic
      (AP style); :func:`to_alpha3` reads the bare name in a model's field as English does.
    """

    def __init__(
        self,
        text: str,
        spans: Sequence[tuple[int, int, str | None]],
        bare: list[bool],
        language: str,
    ) -> None:
        self.text, self.spans, self.language = text, spans, language
        self.words = _bare_words(language)
        #: the spans that name a sharer by a name other than the bare one, by start
        self.named = sorted(
            span for span, is_bare in zip(spans, bare, strict=True)
            if not is_bare and _sharers(span[2]) is not None
        )  # fmt: skip
        self.starts = [start for start, _, _ in self.named]
        words = _SIDE_WORDS[language][2] if language in _SIDE_WORDS else "and|or"
        conjunctions = "|".join(w for w in words.split("|") if w not in _DISJUNCTIONS)
        disjunctions = "|".join(w for w in words.split("|") if w in _DISJUNCTIONS) or "or"
        article = r"(?:[^\W\d_]{1,3}(?:['’]\s*|\s+))?"
        self.coordinated = re.compile(
            rf"\s*(?:,\s*(?:(?:{conjunctions})\s+)?|(?:{conjunctions})\s+){article}"
        )
        self.restating = re.compile(rf"\s*(?:\(\s*|,?\s*(?:{disjunctions})\s+){article}")
        self.apposed = re.compile(rf"\s*,\s*{article}")
        self.listed = re.compile(rf"\s*,\s*(?!(?:{words})\b)[^\W\d_]")
        self._cue: str | None = ""

    def owner(self, index: int) -> str | None:
        """The state the bare name of span ``index`` means."""
        start, end, code = self.spans[index]
        sharers = _sharers(code)
        if sharers is None:
            return code
        position = bisect_left(self.starts, start)
        before = self.named[position - 1] if position else None
        after = self.named[position] if position < len(self.named) else None
        contrasted = None
        if before is not None and (joined := self._joined(before[1], start, end)):
            if joined == "same":
                return before[2]
            contrasted = before[2]
        elif after is not None and (joined := self._joined(end, after[0], after[1])):
            if joined == "same":
                return after[2]
            contrasted = after[2]
        elif after is not None and self._one_sentence(end, after[0]):
            if self._places_within(end, after):
                return after[2]
            if (
                not self._initials(after)
                or self._related(end, after)
                or self._party_of_clause(start, end, after)
            ):
                contrasted = after[2]
        if contrasted is not None:
            return sharers[0] if contrasted == sharers[1] else sharers[1]
        antecedents = {span[2] for span in self.named[:position] if self._spelled_out(span)}
        if len(antecedents) == 1:
            return antecedents.pop()
        if cue := self.cue(sharers):
            return cue
        return sharers[0] if self.language in _BARE_NAME_KEPT else sharers[1]

    def _joined(self, first_end: int, second_start: int, second_end: int) -> str | None:
        """How two names joined between ``first_end`` and ``second_start`` stand: "same"
        (a restatement: parenthesis, "or", an apposition closed by a comma and a lowercase
        word), "other" (coordinated), or None (not joined)."""
        if self.restating.fullmatch(self.text, first_end, second_start):
            return "same"
        if not self.coordinated.fullmatch(self.text, first_end, second_start):
            return None
        if self.apposed.fullmatch(self.text, first_end, second_start):
            follows = self.listed.match(self.text, second_end)
            if follows and follows.group()[-1].islower():
                return "same"
        return "other"

    def cue(self, sharers: tuple[str, str]) -> str | None:
        """The one sharer whose cities the text names (:func:`_city_cue`), if one. A city
        written with the bare name ("crossing to Brazzaville, Congo") places that mention
        alone (:func:`_placed_owner`), and is no cue for the others; nor is a city that sets
        no scene (:func:`_sets_scene`)."""
        if self._cue == "":
            named = [
                sharer
                for sharer in sharers
                if any(
                    match.group()[0].isupper()
                    and not self._placing(match.end())
                    and _sets_scene(self.text, match.start())
                    for match in _city_cue(sharer).finditer(self.text)
                )
            ]
            self._cue = named[0] if len(named) == 1 else None
        return self._cue

    def _placing(self, end: int) -> bool:
        """Whether the city ending at ``end`` is written with the bare name after a comma."""
        written = _PLACING.match(self.text, end)
        return written is not None and _fold(written.group(1)) in self.words

    def _places_within(self, end: int, after: tuple[int, int, str | None]) -> bool:
        """Whether initials ``after`` close an apposition that places a city of their state
        within it ("rebels in Congo took Goma, the largest city in eastern DRC"): the bare
        name before is the same state, said again. Initials that are a verb's object or
        complement ("Congo closed its border with the DRC", "Congo accused the DRC") are
        another state, as a spelled-out name would be."""
        comma = self.text.rfind(",", end, after[0])
        if comma < 0 or not self._initials(after):
            return False
        if not _LOCATING_APPOSITION.fullmatch(self.text, comma, after[0]):
            return False
        head = self.text[max(end, comma - _CITY_REACH) : comma].rstrip()
        return any(
            match.end() == len(head) and match.group()[0].isupper()
            for match in _city_cue(str(after[2])).finditer(head)
        )

    def _one_sentence(self, start: int, end: int) -> bool:
        return end - start <= _SENTENCE_REACH and not _SENTENCE_END.search(self.text, start, end)

    def _related(self, end: int, after: tuple[int, int, str | None]) -> bool:
        """Whether initials ``after`` are what the bare name ending at ``end`` deals with: a
        preposition of relation stands right before them ("Congo closed its border with the
        DRC", "tensions between Congo and ... against the DRC"). Initials elsewhere in the
        sentence ("in eastern Congo, according to the DRC army", "Congo's North Kivu, DRC
        officials said") restate the bare name: the news that names the DRC by initials
        calls it "Congo" too."""
        breaks = [match.end() for match in _PARTY_BREAK.finditer(self.text, end, after[0])]
        opening = breaks[-1] if breaks else end
        words = [w.lower() for w in _ONE_WORD.findall(self.text, opening, after[0])][-3:]
        return (
            any(word in _RELATIONS for word in words[-2:])
            or any(
                first in _ADJACENCY and second in ("of", "de", "du", "von", "van", "di", "do", "da")
                for first, second in pairwise(words)
            )
            or any(word in _ADJACENCY and word not in _COMPASS for word in words)
        )

    def _party_of_clause(self, start: int, end: int, after: tuple[int, int, str | None]) -> bool:
        """Whether the bare name from ``start`` to ``end`` opens its clause as its subject
        (or the subject's possessor or attribute: "Congo's foreign minister", "Congo
        President Sassou Nguesso"; no noun modifier, :func:`_noun_modifier`: "Congo rebels
        killed 12 DRC soldiers" are the DRC's) and initials ``after`` stand in the same clause, as
        another of its parties: "Congo accused the DRC", "Congo deported 2,000 DRC
        citizens", "Congo's foreign minister spoke to DRC President Tshisekedi". A writer
        restates a state only in apposition; one named as actor is not named again as its
        own object. A bare name that is a place ("fighting in eastern Congo, according to
        the DRC army") and initials in another clause ("Congo closed its border with
        Rwanda, DRC officials said") are left to read as one state."""
        if _PARTY_BREAK.search(self.text, end, after[0]):
            return False
        reach = max(0, start - _CLAUSE_REACH)
        breaks = [match.end() for match in _PARTY_BREAK.finditer(self.text, reach, start)]
        opening = breaks[-1] if breaks else reach
        if not breaks and reach > 0:
            return False
        words = [w.lower() for w in _ONE_WORD.findall(self.text, opening, start)]
        opens = not words or words[-1] in _REPORTED or words[-1] in ("that", "que", "dass")
        return opens and not _noun_modifier(self.text, end)

    def _initials(self, span: tuple[int, int, str | None]) -> bool:
        """Whether ``span`` is initials alone ("DRC", "RDC"), without the bare word."""
        return not self._spelled_out(span) and not any(
            _fold(word) in self.words for word in _ONE_WORD.findall(self.text, span[0], span[1])
        )

    def _spelled_out(self, span: tuple[int, int, str | None]) -> bool:
        """Whether ``span`` spells its state's name out: a capitalised word besides the
        bare one ("Democratic Republic of Congo", "Congo-Brazzaville"), not initials
        ("DRC", "RD du Congo", "ДР Конго")."""
        start, end, _ = span
        return any(
            word[0].isupper() and word[1:].islower() and _fold(word) not in self.words
            for word in _ONE_WORD.findall(self.text, start, end)
        )


def _sharers(code: str | None) -> tuple[str, str] | None:
    """The two states of a shared bare name, the one iso-codes gives it to first ("COG",
    "COD"), when ``code`` is one of them."""
    for kept, given in _BARE_NAME_OWNERS.items():
        if code in (kept, given):
            return kept, given
    return None


#: A dateline before a country's name: a place of one to three words opening its line.
_DATELINE = re.compile(r"[ \t]*(?:[^\W\d_][\w'’.-]*[ \t]+){0,2}[^\W\d_][\w'’.-]*,[ \t]*")
#: The words right before a country's name and its comma: the dateline's "BRAZZAVILLE,
#: Congo", "Pointe-Noire, Congo (AFP)"; a place is looked up by its last one to three words.
_PLACE_BEFORE = re.compile(r"((?:[^\W\d_][\w'’.-]*[ \t]+){0,2}[^\W\d_][\w'’.-]*),[ \t]*$")


def _placed_owner(text: str, start: int, code: str | None) -> str | None:
    """The state of the city named right before the bare name at ``start`` and a comma,
    when it is one of the states that share the name (:func:`_sharers`), else None. A bare
    name's span carries the state news gives it to (``code``, the second sharer)."""
    sharers = _sharers(code)
    if sharers is None or code != sharers[1]:
        return None
    before = _PLACE_BEFORE.search(text[max(0, start - 60) : start])
    return _sharer_of_city(before.group(1).split() if before else [], sharers)


def _sharer_of_city(words: list[str], sharers: tuple[str, str]) -> str | None:
    """The one sharer with a city named by the last one to three of ``words``: the country
    written next to a city is the one of its homonyms meant ("KABINDA, Congo" is the
    Democratic Republic's Kabinda, not Angola's more populous Cabinda)."""
    cities = city_countries()
    for size in (3, 2, 1):
        tail = words[-size:] if len(words) >= size else []
        found = tail and (cities.get(_fold(" ".join(tail))) or cities.get(_fold("-".join(tail))))
        if found:  # "POINTE NOIRE" is the gazetteer's "Pointe-Noire"
            named = [sharer for sharer in sharers if sharer in found]
            return named[0] if len(named) == 1 else None
    return None


#: A dateline that opens an article with its city and no country, before the agency's
#: name in parentheses and a dash: "KINSHASA (AFP) -", "BRAZZAVILLE, Jan 5 (Reuters) -".
_OPENING = re.compile(
    r"^[ \t]*((?:[^\W\d_][\w'’.-]*[ \t]+){0,2}[^\W\d_][\w'’.-]*)[ \t]*"
    r"(?:,[^\n(]{1,40})?\([^()\n]{1,30}\)[ \t]*[-–—]",
    re.MULTILINE,
)
#: How far into a text its dateline may open (after a headline and a byline).
_OPENING_REACH = 400


def _opening_city(text: str, code: str | None) -> str | None:
    """The sharer (:func:`_sharers` of ``code``) whose city opens ``text``'s dateline."""
    sharers = _sharers(code)
    match = _OPENING.search(text, 0, _OPENING_REACH) if sharers else None
    return _sharer_of_city(match.group(1).split(), sharers) if match and sharers else None


@cache
def _city_cue(code: str) -> re.Pattern[str]:
    """The main names of the cities of state ``code`` (:func:`main_city_names`)."""
    names = sorted(main_city_names(code), key=len, reverse=True)
    return re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, names)) or '(?!)'})(?!\w)", re.I)


class _Entry(NamedTuple):
    rest: tuple[frozenset[str], ...]  # the forms of each following word
    code: str | None  # None: a phrase that holds a name but names no country
    kind: str


class _LocalIndex(NamedTuple):
    """The country names of one language other than English."""

    words: dict[str, list[_Entry]]  # first word (folded, each form) -> entries, longest first
    pattern: re.Pattern[str] | None  # languages without spaces: every name, longest first
    table: dict[str, str | None]  # their matches -> code
    names: dict[str, tuple[str, ...]]  # code -> every form as written
    exact: dict[str, str]  # folded name (each form) -> code
    #: forms of the adjectives of :data:`DEMONYM_NAMES` and of :func:`_derived_adjectives`
    #: (not of :data:`LOCAL_NAMES`): read in a text of the language, never in a field
    #: whose language is not known (Italian "Indiana", Polish "Polski")
    adjectives: frozenset[str]
    #: forms of :func:`_derived_adjectives` alone: weaker, see :func:`_weak_adjective`
    derived: frozenset[str]


_POINTS = re.compile("[\u0591-\u05c7\u064b-\u065f\u0670\u093c]")


def _fold(name: str) -> str:
    return normalise_text(name, accents=False)


def has_local_names(language: str) -> bool:
    """Whether country names are known in ``language`` besides English."""
    return language not in ("en", UNDETERMINED) and bool(_local_index(language).names)


def _hand_names(language: str) -> dict[str, str]:
    """Code -> "name | name" of :data:`LOCAL_NAMES` and :data:`SHORT_NAMES` in ``language``."""
    hand = dict(LOCAL_NAMES.get(language, {}))
    for code, short in SHORT_NAMES.get(language, {}).items():
        hand[code] = f"{hand[code]} | {short}" if code in hand else short
    return hand


@cache
def _local_index(language: str) -> _LocalIndex:
    hand = _hand_names(language)
    demonyms: list[tuple[str, str | None]] = [
        (n.strip(), code)
        for code, names in DEMONYM_NAMES.get(language, {}).items()
        for n in names.split("|")
    ]
    tiers: list[list[tuple[str, str | None]]] = [
        [(n, None) for n in NOT_NAMES.get(language, ())]
        + [(n.strip(), code) for code, names in hand.items() for n in names.split("|")]
        + demonyms,
    ]
    derived: list[tuple[str, str | None]] = []
    if language not in ("en", UNDETERMINED):
        full, short = _iso_names(language)
        cldr = _cldr_names(language)
        # the regular adjectives of the names of countries (not of capitals: "بغدادي" is
        # a man's name), less sure than any name
        if language not in UNSPACED:
            cldr, full, short = (_bare_names(pairs) for pairs in (cldr, full, short))
        derived = [
            (adjective, code)
            for name, code in [*cldr, *full]
            for adjective in _derived_adjectives(name, language)
        ]
        derived += _currency_adjectives_in(language)
        hand_adjectives = [
            (n.strip(), code) for code, names in hand.items() for n in names.split("|")
        ]
        derived += _people_nouns([*hand_adjectives, *derived], language)
        # the regular adjectives, surest last: a form an earlier tier has is decided there
        regular: list[tuple[str, str | None]] = [*_regular_adjectives([*cldr, *full], language)]
        tiers += [[*cldr], [*full], [*short], derived, regular]
        derived += regular
    adjectives = {_fold(n) for n, _ in [*demonyms, *derived]}
    hand_keys = {_fold(n.strip()) for names in hand.values() for n in names.split("|")}
    listed_keys = {_fold(n) for n, _ in demonyms}
    derived_keys = {_fold(n) for n, _ in derived} - listed_keys - hand_keys
    new_forms: set[str] = set()
    derived_forms: set[str] = set()
    # A name goes to the country of the surest source that has it (the lists
    # above, then CLDR, then iso-codes); a name one source gives to two
    # countries ("Corea" for both Koreas) names neither.
    chosen: dict[str, tuple[str, str | None]] = {}  # folded name -> (name, code)
    decided: set[str] = set()
    for tier in tiers:
        codes: dict[str, set[str | None]] = {}
        first: dict[str, str] = {}
        for name, code in tier:
            key = _fold(name)
            if len(key) >= 2 and key not in decided:
                codes.setdefault(key, set()).add(code)
                first.setdefault(key, name)
        for key, found in codes.items():
            decided.add(key)
            if len(found) == 1:
                chosen[key] = (first[key], found.pop())
    words: dict[str, list[_Entry]] = {}
    table: dict[str, str | None] = {}
    names: dict[str, set[str]] = {}
    exact: dict[str, str] = {}
    for key, (name, code) in chosen.items():
        # an adjective however written: Dutch and Turkish write theirs with a capital
        kind = _ADJECTIVE if key in adjectives else _kind(name)
        written = _written_forms(name, language, kind)
        # Arabic and Hebrew write their vowel points and shadda mostly not at all: CLDR's
        # "السّعوديّة" is "السعودية" in the news, and the checks of a record keep marks.
        bare = [_POINTS.sub("", form) for form in written]
        written += [form for form in bare if form not in written]
        if code is not None:
            # A short adjective ("rus", "türk") is read as a word of the text, never as
            # letters anywhere in a sentence ("virus"), which is how these are compared.
            names.setdefault(code, set()).update(
                form for form in written if kind != _ADJECTIVE or len(form) >= 5 or key in hand_keys
            )
            for form in written:
                exact.setdefault(_fold(form), code)
            if key in adjectives and key not in hand_keys:
                new_forms.update(_fold(form) for form in written)
            if key in derived_keys:
                derived_forms.update(_fold(form) for form in written)
        if language in UNSPACED:
            table.update({form: code for form in written})
            continue
        per_word = [
            frozenset(_fold(w) for w in forms) for forms in _word_forms(name, language, kind)
        ]
        if not per_word or (len(_fold(name)) < 3 and kind != _ABBREVIATION):
            continue
        for first_form in per_word[0]:
            words.setdefault(first_form, []).append(_Entry(tuple(per_word[1:]), code, kind))
    for entries in words.values():
        entries.sort(key=lambda entry: (-len(entry.rest), entry.code is not None))
    pattern = None
    if table:
        alternatives = sorted(table, key=len, reverse=True)
        pattern = re.compile("|".join(re.escape(a) for a in alternatives), re.I)
    return _LocalIndex(
        words=words,
        pattern=pattern,
        table={form.casefold(): code for form, code in table.items()},
        names={c: _longest_first(f) for c, f in names.items()},
        exact={k: v for k, v in exact.items() if len(k) >= 2},
        adjectives=frozenset(new_forms),
        derived=frozenset(derived_forms),
    )


def _local_hits(
    text: str, language: str, running: bool = True
) -> list[tuple[int, int, str | None]]:
    """(start, end, code) of every country name of ``language`` in ``text``."""
    return [(s, e, code) for s, e, code, _ in _local_matches(text, language, running)]


def _local_matches(
    text: str, language: str, running: bool = True
) -> list[tuple[int, int, str | None, str]]:
    """:func:`_local_hits` with the kind of each name (an adjective names no place).

    In ``running`` text an adjective is weighed by its neighbours (:func:`_surname`,
    :func:`_weak_adjective`); a place as written (:func:`country_in_text`) has none.
    """
    index = _local_index(language)
    if index.pattern is not None:
        return [
            (m.start(), m.end(), index.table.get(m.group().casefold()), _NAME)
            for m in index.pattern.finditer(text)
            if not (running and _joined_language_name(text, m.start(), m.end(), language))
        ]
    tokens = list(_WORD.finditer(text))
    folded = [_fold_word(token.group()) for token in tokens]
    hits: list[tuple[int, int, str | None, str]] = []
    at = 0
    while at < len(tokens):
        taken = 0
        word = tokens[at].group()
        # A word may carry the clitics its language joins to words ("بالعراق", "בישראל"):
        # each form without them is looked up, the word as written first.
        for first in attached_forms(folded[at], language):
            for entry in index.words.get(first, ()):
                # Case tells a name ("Cuba") from a word ("cuba", a vat) only in a script
                # that has case: Arabic, Hebrew, Hindi or Korean have none, so their
                # names were never found.
                if (entry.kind == _NAME and first == folded[at] and word[0].islower()) or (
                    entry.kind == _ABBREVIATION and any(c.islower() for c in word)
                ):
                    continue
                if (
                    entry.kind == _ADJECTIVE
                    and not entry.rest
                    and entry.code is not None
                    and running
                    and (
                        _name_first_in_sentence(
                            index, language, first, entry.code, at, text, tokens
                        )
                        or _surname(text, tokens[at].start(), word, language)
                        or _weak_adjective(index, language, first, folded, at, text, tokens)
                        or _names_language(text, tokens[at].start(), tokens[at].end(), language)
                    )
                ):
                    continue
                if (
                    entry.kind == _NAME
                    and language == "de"
                    and not entry.rest
                    and running
                    and _names_language(text, tokens[at].start(), tokens[at].end(), language)
                ):
                    continue  # the people's noun as the language: "ins Deutsche übersetzt"
                wanted = len(entry.rest)
                following = folded[at + 1 : at + 1 + wanted]
                if len(following) == wanted and all(
                    form in forms for form, forms in zip(following, entry.rest, strict=True)
                ):
                    end = tokens[at + wanted].end()
                    hits.append((tokens[at].start(), end, entry.code, entry.kind))
                    taken = wanted + 1
                    break
            if taken:
                break
        at += taken or 1
    return hits


#: Languages that write an adjective of nationality after its noun ("la economía china",
#: "l'esercito ucraino"): a capitalised form first in a sentence that is also the state's
#: own name ("China", "Ucraina", "Argentina", "Suiza") is the name, never the adjective.
_ADJECTIVE_AFTER_NOUN = frozenset({"es", "it", "pt", "ca", "ro", "gl"})
#: Words that follow a state's name as a subject and never a noun an adjective modifies:
#: conjunctions, prepositions, particles and the commonest verbs ("Polska i Francja",
#: "Polska jest", "Polska nie", "Polska ma"). Read in a language that writes the adjective
#: before its noun, where "Polska gospodarka" is the adjective.
_AFTER_SUBJECT: dict[str, frozenset[str]] = {
    language: frozenset(words.split())
    for language, words in {
        "pl": "i oraz a ale lub albo czy ani nie też także jednak zaś więc bo jest są był była "
        "było będzie ma mają może mogą chce musi powinna zostanie została się już wciąż nadal "
        "w we z ze na do od za po przez dla o u przy jako to jak",
        "cs": "a i ani ale nebo či však je jsou byl bylo bude má může chce se už v ve z ze na "
        "do od za po pro o u při jako",
        "sk": "a i ani ale alebo či však je sú bol bolo bude má môže chce sa už v vo z zo na "
        "do od za po pre o u pri ako",
        "hr": "i a ali ili te je su bila će ima može želi se već u iz na do od za po o pri kao",
        "sl": "in ali pa je so bila bo ima lahko želi se že v iz na do od za po o pri kot",
    }.items()
}  # fmt: skip
#: Endings of the past and present verb forms of a singular subject in those languages
#: ("Polska podpisała", "Polska kupuje"): a verb after the name, no noun.
_VERB_ENDINGS: dict[str, tuple[str, ...]] = {
    "pl": ("ła", "ło", "ły", "li", "uje", "ują", "iła", "yła"),
    "cs": ("la", "lo", "ly", "uje", "ují"),
    "sk": ("la", "lo", "li", "uje", "ujú"),
}


def _name_first_in_sentence(
    index: _LocalIndex,
    language: str,
    form: str,
    code: str,
    at: int,
    text: str,
    tokens: list[re.Match[str]],
) -> bool:
    """Whether the capitalised word ``at``, first in its sentence, whose ``form`` is both
    ``code``'s adjective and its own name ("Polska", "China", "Ucraina"), is the name: a
    capital there tells nothing, so its neighbour does. Where the adjective follows its
    noun, it is always the name; elsewhere unless a noun it modifies follows ("Polska
    gospodarka"): the name before a pause, a conjunction, a preposition or a verb ("Polska
    i Francja rozmawiały", "Polska podpisała"). Read as the adjective, a sentence that
    opened with the state lost its name."""
    word = tokens[at].group()
    if language not in _LOWER_ADJECTIVES | _ADJECTIVE_AFTER_NOUN:
        return False  # a capital tells a noun or a name from the adjective anywhere
    if not word[:1].isupper() or word.isupper():
        return False
    if not any(e.kind == _NAME and e.code == code and not e.rest for e in index.words[form]):
        return False
    if not _starts_sentence(text, tokens[at].start()):
        return False
    if language in _ADJECTIVE_AFTER_NOUN:
        return True
    if at + 1 >= len(tokens) or text[tokens[at].end() : tokens[at + 1].start()].strip():
        return True  # a pause or the end: "Polska.", "Polska, Francja"
    following = tokens[at + 1].group()
    if following[:1].isupper():
        return False  # a name it is part of: "Polska Agencja Prasowa"
    lower = following.lower()
    return lower in _AFTER_SUBJECT.get(language, ()) or lower.endswith(
        _VERB_ENDINGS.get(language, ())
    )


#: Languages that write an adjective of nationality in lower case: one written with a
#: capital inside a sentence is a name ("Jan Niemiecki", "Francesco Turco", "Іван
#: Турецький", "il signor Greco"), not the adjective. French is not one of them: it writes
#: the noun of a people with a capital in the adjective's own form ("des Afghans", "les
#: Français"), a mention of the state.
_LOWER_ADJECTIVES = frozenset(
    {"pl", "uk", "cs", "sk", "it", "pt", "es", "sv", "da", "no", "nb", "ru"}
)
#: What may stand between a sentence's end and its first word.
_OPENERS = "\"'«»„“”‘’‚‹›([{—–-*•·"


def _surname(text: str, start: int, word: str, language: str) -> bool:
    """Whether ``word`` (an adjective of nationality at ``start``) is written with a capital
    where its language would write the adjective in lower case: not first in a sentence.
    A word all in capitals (a headline) is no such name."""
    if not word[:1].isupper() or word.isupper():
        return False
    if language in _CAPITAL_NOUNS:
        # the people's noun has the adjective's form: a name only after a given name
        previous = _word_before(text, start)
        if not previous:
            return False
        if previous.lower() in _TITLES:
            return True
        return previous[:1].isupper() and previous.lower() not in _DETERMINERS
    if language not in _LOWER_ADJECTIVES:
        return False
    return not _starts_sentence(text, start)


#: Languages that write the noun of a people with a capital in the adjective's own form
#: ("des Afghans"): there the capital makes no name, a given name before it does ("Jean
#: Allemand").
_CAPITAL_NOUNS = frozenset({"fr"})
#: French words that open a noun phrase, capitalised at a sentence's start ("Les Afghans").
_DETERMINERS = frozenset(
    [
        "le",
        "la",
        "les",
        "l'",
        "l’",
        "un",
        "une",
        "des",
        "du",
        "de",
        "d'",
        "d’",
        "aux",
        "au",
        "ces",
        "ce",
        "cet",
        "cette",
        "deux",
        "trois",
        "quatre",
        "plusieurs",
        "quelques",
        "certains",
        "certaines",
        "nos",
        "vos",
        "leurs",
        "tous",
        "toutes",
    ]
)
#: French titles before a surname ("monsieur Allemand", "le général Russe").
_TITLES = frozenset(
    [
        "monsieur",
        "madame",
        "mademoiselle",
        "m",
        "mme",
        "mlle",
        "maître",
        "me",
        "docteur",
        "dr",
        "dre",
        "professeur",
        "général",
        "colonel",
        "capitaine",
        "commandant",
        "ministre",
        "président",
        "présidente",
        "père",
        "frère",
        "sœur",
        "saint",
        "sainte",
        "abbé",
        "monseigneur",
    ]
)


def _word_before(text: str, start: int) -> str:
    """The word (``\\w[\\w'’-]*``) that blanks (spaces, tabs) separate from ``start``, or "".

    Read backwards from ``start``: a regular expression anchored there and searched from
    the text's start tried every earlier position, so a long French text with many
    adjectives took time in the square of its length.
    """
    at = start
    while at > 0 and text[at - 1] in " \t":
        at -= 1
    if at == start:
        return ""
    end = at
    while at > 0 and (_is_word(text[at - 1]) or text[at - 1] in "'’-"):
        at -= 1
    while at < end and not _is_word(text[at]):
        at += 1
    return text[at:end]


def _is_word(char: str) -> bool:
    """What ``\\w`` matches in a ``str`` pattern: a letter or digit of any script, or "_"."""
    return char.isalnum() or char == "_"


def _starts_sentence(text: str, start: int) -> bool:
    """Whether the word at ``start`` is the first of its sentence (or of a line)."""
    at = start - 1
    while at >= 0 and (text[at].isspace() or text[at] in _OPENERS):
        if text[at] in "\n\r":
            return True
        at -= 1
    return at < 0 or text[at] in TERMINATORS + ":;"


#: Nouns for a language: an adjective of nationality next to one names the language, no
#: state ("la lingua turca", "el idioma español", "die türkische Sprache", "język polski",
#: "the Russian-language press").
_LANGUAGE_NOUNS: dict[str, str] = {
    "en": "language languages",
    "it": "lingua lingue idioma idiomi dialetto",
    "es": "idioma idiomas lengua lenguas",
    "fr": "langue langues idiome",
    "pt": "língua línguas idioma idiomas",
    "de": "sprache sprachen",
    "nl": "taal talen",
    "pl": "język języka języku językiem",
    "sv": "språk språket språken",
    "da": "sprog sproget",
    "no": "språk språket",
    "nb": "språk språket",
    "cs": "jazyk jazyka jazyce jazykem",
    "ru": "язык языка языке языком языку языки языков языках",
    "uk": "мова мови мову мовою мові",
}
#: Words whose object is a language ("parla turco", "habla el español", "spricht
#: Deutsch", "speaks Turkish") and prepositions before one ("in italiano", "en français",
#: "em português", "auf Deutsch", "in het Nederlands"; English "in French waters" and
#: Swedish "på svenska fartyg" are adjectives, so neither has its preposition here).
_LANGUAGE_CUES: dict[str, str] = {
    "en": "speak speaks spoke spoken speaking learn learns learned learnt learning teach "
    "teaches taught teaching understand understands understood write writes wrote written "
    "translate translates translated translating fluent in into from read reads",
    "it": "parla parlano parlare parlava parlavano parlato parlo parli insegna insegnare "
    "impara imparare studia studiare tradotto tradotta tradurre in capisce capiscono capire "
    "scritto scritta scritte scritti tradotti tradotte",
    "es": "habla hablan hablar hablaba hablaban hablado hablo aprende aprender enseña "
    "enseñar estudia estudiar traducido traducida traducir en entiende entienden entender "
    "escrito escrita escritos escritas traducidos traducidas",
    "fr": "parle parlent parler parlait parlaient parlé apprend apprendre enseigne "
    "enseigner étudie étudier traduit traduite traduire en comprend comprennent comprendre "
    "compris écrit écrite écrits écrites traduits traduites",
    "pt": "fala falam falar falava falavam falado falo aprende aprender ensina ensinar "
    "estuda estudar traduzido traduzida traduzir em entende entendem entender escrito "
    "escrita escritos escritas traduzidos traduzidas",
    "de": "spricht sprechen sprach sprachen gesprochen lernt lernen lehrt lehren "
    "übersetzt übersetzen auf versteht verstehen verstand schreibt schreiben geschrieben "
    "in ins im aus",
    "nl": "spreekt spreken sprak spraken gesproken leert leren vertaald vertalen in",
    "sv": "talar tala talade pratar prata lär",
    "da": "taler tale talte",
    "no": "snakker snakke snakket",
    "nb": "snakker snakke snakket",
    "ru": "на",
}
#: Definite articles before a language's name as a noun ("il turco", "el español", "le
#: français", "das Türkische", "het Spaans"); also skipped after a cue ("parla il turco").
_LANGUAGE_ARTICLES: dict[str, str] = {
    "en": "the",
    "it": "il lo l",
    "es": "el",
    "fr": "le l",
    "pt": "o",
    "de": "das",
    "nl": "het",
}
#: Words between a cue and a language's name that the cue reaches over: contractions of a
#: preposition and the article ("traduit du russe", "traducido al ruso", "tradotto dal
#: russo", "traduzido do russo", "aus dem Russischen") and Portuguese "para o" ("traduzido
#: para o russo").
_LANGUAGE_LINKS: dict[str, str] = {
    "it": "dal dall al all nel nell",
    "es": "del al",
    "fr": "du au",
    "pt": "do ao para",
    "de": "dem",
}
#: How well one speaks, between the cue and the language ("spricht fließend Deutsch").
_LANGUAGE_ADVERBS = frozenset(
    _fold(word)
    for word in ["fluent", "fluently", "good", "perfect", "fließend", "gut", "perfekt", "bene",
     "fluentemente", "perfettamente", "bien", "perfectamente", "couramment", "parfaitement",
     "bem", "vloeiend", "goed", "flytande", "flydende", "flytende"]
)  # fmt: skip
#: What ends the clause a language's name is the subject of.
_CLAUSE_STOP = re.compile(r"[.!?;:\n]")


@cache
def _language_words(language: str) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """:data:`_LANGUAGE_NOUNS`, :data:`_LANGUAGE_CUES`, :data:`_LANGUAGE_ARTICLES` of
    ``language``, folded."""
    return (
        frozenset(_fold(w) for w in _LANGUAGE_NOUNS.get(language, "").split()),
        frozenset(_fold(w) for w in _LANGUAGE_CUES.get(language, "").split()),
        frozenset(_fold(w) for w in _LANGUAGE_ARTICLES.get(language, "").split()),
    )


@cache
def _language_links(language: str) -> frozenset[str]:
    """:data:`_LANGUAGE_LINKS` of ``language``, folded."""
    return frozenset(_fold(w) for w in _LANGUAGE_LINKS.get(language, "").split())


@cache
def _cldr_language_names(language: str) -> frozenset[str]:
    """The names of languages in ``language`` (the Unicode CLDR, through babel: "russo",
    "Russisch", "русский", "俄语"), folded; one-word names only, or all in a language
    written without spaces. Empty for a locale babel does not know."""
    from babel import Locale, UnknownLocaleError

    try:
        names = Locale.parse(language).languages.values()
    except (UnknownLocaleError, ValueError):
        return frozenset()
    return frozenset(_fold(str(name)) for name in names if " " not in str(name))


@cache
def _language_bases(language: str) -> frozenset[str]:
    """The uninflected names of languages that are also adjectives of nationality: the
    base (masculine singular: "turco", "español", "français", "Spaans", "Russisch"), or
    in English the names of languages (ISO 639: "Turkish"), with the CLDR's names of
    languages in ``language`` (:func:`_cldr_language_names`: "portoghese")."""
    if language == "en":
        return frozenset(
            _fold(str(each.name)) for each in pycountry.languages if " " not in each.name
        ) | _cldr_language_names("en")  # "Greek": ISO 639 says "Greek, Modern (1453-)"
    bases = [
        name.strip()
        for table in (LOCAL_NAMES.get(language, {}), DEMONYM_NAMES.get(language, {}))
        for names in table.values()
        for name in names.split("|")
    ]
    forms = {_fold(base) for base in bases if _kind(base) == _ADJECTIVE}
    return frozenset(forms | _cldr_language_names(language))


@cache
def _language_forms(language: str) -> frozenset[str]:
    """The forms of an adjective of nationality that name a language as a noun: the bases
    (:func:`_language_bases`); German also the noun's inflections ("ins Türkische", "aus
    dem Türkischen"), Russian its prepositional ("на турецком")."""
    forms = set(_language_bases(language))
    if language == "de":
        forms |= {form + ending for form in forms for ending in ("e", "en")}
    if language == "ru":
        # of the CLDR's names alone: "на русском", never "на российском", which names a state
        endings = tuple(_fold(ending) for ending in ("ий", "ый", "ой"))  # "й" folds to "и"
        names = _cldr_language_names(language)
        forms |= {name[:-2] + "ом" for name in names if name.endswith(endings)}
    return frozenset(forms)


#: What a language's name joins with a hyphen to say its speakers or its press
#: ("Russian-speaking", "Russisch-sprachige"), or German's participle after the noun
#: ("Russisch sprechende Bürger").
_SPEAKING = re.compile(
    r"(?:[\-‐](?:speaking|speakers?|sprachige?[nmrs]?)|[ \t\-‐]sprechende[nmrs]?)(?!\w)",
    re.I,
)


#: The longest a language's name written without spaces runs past the state's name in it
#: ("西班牙" + "语", "ポルトガル" + "語").
_JOINED_SUFFIX_REACH = 3


def _joined_language_name(text: str, start: int, end: int, language: str) -> bool:
    """Whether the state's name at ``text[start:end]``, in a language written without
    spaces, begins the name of a language (:func:`_cldr_language_names`: "西班牙语",
    "ポルトガル語"; also the written language: "西班牙文"), which names a tongue, no state.
    A state's name and "语" ("語") is its language in any case ("印尼语")."""
    if text[end : end + 1] in ("语", "語") and language in ("zh", "ja"):
        return True
    names = _cldr_language_names(language)
    return any(
        _fold(text[start:stop]) in names or _fold(text[start : stop - 1] + "语") in names
        for stop in range(end + 1, min(len(text), end + _JOINED_SUFFIX_REACH) + 1)
        if language != "zh" or text[stop - 1] in "语語" or _written_language(text, stop)
    )


def _written_language(text: str, stop: int) -> bool:
    """Whether "文" ends ``text[:stop]`` as the written language ("俄文", "英文"), not the
    first character of a word ("文化" culture, "文件" document, "文章" article)."""
    return text[stop - 1] == "文" and not text.startswith(_WEN_WORDS, stop - 1)


#: Words that start with "文" after a state's name and are no written language.
_WEN_WORDS = ("文化", "文件", "文章", "文物", "文明", "文献", "文学", "文本", "文艺", "文字")


def _before_a_noun(text: str, end: int) -> bool:
    """Whether a capitalised word, in German a noun, follows ``end`` on its line."""
    match = re.match(r"[ \t]+(\w)", text[end : end + 3])
    return match is not None and match.group(1).isupper()


def _german_language_noun(text: str, start: int, end: int) -> bool:
    """Whether a capitalised German word is the uninflected name of a language: German
    writes the adjective in lower case and inflects it before its noun ("russische
    Truppen"), so a capitalised "Russisch" or "Deutsch" is the language, a noun ("spricht
    Russisch", "auf Deutsch", "Russisch sprechende Bürger")."""
    word = text[start:end]
    return word[:1].isupper() and _fold_word(word) in _language_bases("de")


def _names_language(text: str, start: int, end: int, language: str, *, listed: bool = True) -> bool:
    """Whether the adjective of nationality at ``text[start:end]`` names a language, not
    its state: next to a noun for a language (:data:`_LANGUAGE_NOUNS`), or in its base
    form as a noun, the object of a cue (:data:`_LANGUAGE_CUES`: "parla turco", "en
    español"), the complement of a noun for a language ("his native language is Russian")
    or the subject of a clause that calls it a language ("Il turco è una lingua", "Le
    français est une langue"). "Il governo turco", "tropas españolas" stay mentions of
    the state. A name joined by a comma or a conjunction to one that names a language is
    one too ("speaks Russian, Hindi and French"), unless it modifies a noun; ``listed``
    False reads the name alone (the reading of the list's next name asks it)."""
    nouns, cues, articles = _language_words(language)
    if not nouns:
        return False
    if language == "de" and _german_language_noun(text, start, end):
        return True
    if language == "de" and _before_a_noun(text, end):
        after = _WORD.search(text, end)
        # an inflected adjective before a noun names the state ("aus dem Deutschen Reich"),
        # unless the noun is one for a language ("die türkische Sprache")
        return after is not None and _fold_word(after.group()) in nouns
    if _SPEAKING.match(text, end) and _fold_word(text[start:end]) in _language_bases(language):
        return True  # "Russian-speaking", "russophone" in two words
    is_base = _fold_word(text[start:end]) in _language_forms(language)
    if language == "de" and not text[start].isupper():
        is_base = False  # German writes a language, a noun, with a capital: "auf Türkisch",
        # never "auf türkische Truppen"
    if language == "en" and not is_base:
        return False  # an English hit may be a name or a capital ("Kabul"), no adjective
    before = _fold_word(_word_before(text, start).rstrip("'’-"))
    stop = _CLAUSE_STOP.search(text, end, end + 80)
    following = [
        _fold_word(m.group()) for m in _WORD.finditer(text, end, stop.start() if stop else end + 80)
    ][:5]
    if before in nouns or (
        following and following[0] in nouns and re.match(r"[\s\-‐]+\w", text[end : end + 3])
    ):
        return True  # "la lingua turca", "die türkische Sprache", "Russian-language"
    if not is_base:
        return False
    links = _language_links(language)
    if before in articles or before in _LANGUAGE_ADVERBS or before in links:
        # "il turco", "fließend Deutsch", "traduit du russe", "parle couramment le russe",
        # "traduzido para o russo": the cue, if any, is a word before those
        at = start
        for _ in range(3):
            while at > 0 and text[at - 1] in " \t":
                at -= 1
            while at > 0 and not text[at - 1].isspace():
                at -= 1
            previous = _fold_word(_word_before(text, at))
            if previous in cues:
                return not _modifies_next(text, end, language)  # "parla il turco Erdogan"
            if not (previous in articles or previous in _LANGUAGE_ADVERBS or previous in links):
                break
        if before in articles and _called_a_language(following, nouns):
            return True
    elif language == "en" and not before and _called_a_language(following, nouns):
        return True  # "Turkish is a Turkic language"
    if before in cues or _complement_of_language(text, start, nouns):
        return not _modifies_next(text, end, language)
    return (
        listed
        and _listed_after_a_language(text, start, language)
        and not _modifies_next(text, end, language)
    )


#: Nouns whose "of" phrase is a language ("knowledge of Russian", "command of French").
_KNOWING_OF = frozenset({"knowledge", "command", "mastery", "proficiency", "grasp"})


def _complement_of_language(text: str, start: int, nouns: frozenset[str]) -> bool:
    """Whether the name at ``start`` follows a noun for a language and a copula ("native
    language is Russian", "sa langue maternelle est le russe", "Muttersprache ist
    Türkisch": German compounds end in the noun; :data:`_COPULAS`)
    or, in English, a noun of knowing and "of" ("working knowledge of Russian")."""
    articles = _language_words_articles()
    at = start
    words: list[str] = []
    while len(words) < 3:
        word = _word_before(text, at)
        if not word:
            break
        folded = _fold_word(word)
        at = text.rindex(word, 0, at)
        if folded in articles:
            continue
        if not words and folded not in _COPULAS and folded != "of":
            return False  # read back no further: most names follow none of these
        words.append(folded)
    if len(words) < 2:
        return False
    if words[0] in _COPULAS:  # an adjective may stand between: "langue maternelle est"
        return any(
            word in nouns or any(word.endswith(noun) for noun in nouns if len(noun) > 4)
            for word in words[1:3]
        )
    return words[0] == "of" and words[1] in _KNOWING_OF


@cache
def _language_words_articles() -> frozenset[str]:
    """Every table's articles before a language's name ("el", "le", "das"), folded."""
    return frozenset(_fold(w) for words in _LANGUAGE_ARTICLES.values() for w in words.split())


def _listed_after_a_language(text: str, start: int, language: str) -> bool:
    """Whether the name at ``start`` follows, after a comma or a conjunction
    (:data:`_COORDINATORS`), a name that names a language: lists share their reading
    ("parle russe et espagnol", "Hindi and Russian")."""
    at = start
    while at > 0 and text[at - 1] in " \t":
        at -= 1
    joined = at > 0 and text[at - 1] == ","
    if joined:
        at -= 1
    elif language == "en" and text[:at].endswith("as well as"):
        at -= len("as well as")
    else:
        word = _word_before(text, start)
        if _fold_word(word) not in _coordinators(language):
            return False
        at = text.rindex(word, 0, start)
    while at > 0 and text[at - 1] in " \t,":
        at -= 1
    first = at
    while first > 0 and _is_word(text[first - 1]):
        first -= 1
    return first < at and _names_language(text, first, at, language)


#: Words after a language's name that leave it a noun ("speaks Russian fluently", "parla
#: turco e inglese", "habla español con"): conjunctions, prepositions, adverbs of how.
_AFTER_A_NOUN: dict[str, str] = {
    "en": "and or but too well as at in on to with from for by since the a an this that",
    "ru": "и или но а с в на по из для от к о что как",
    "nl": "en of maar ook goed met in aan op te van voor als de het een",
}
#: Languages whose adjectives come before their noun, so a small word after a language's
#: name may be the noun it modifies ("teach Ukrainian pilots", "in Franse dienst").
_ADJECTIVE_FIRST = frozenset({"en", "nl", "ru"})
#: Endings of adverbs of manner: "fluently", "fluentemente", "couramment".
_ADVERB_ENDINGS = ("ly", "mente", "ment")


def _modifies_next(text: str, end: int, language: str) -> bool:
    """Whether the adjective of nationality ending at ``end`` modifies the word after it,
    so names the state ("teach Ukrainian pilots", "learned Russian forces had crossed",
    "parla il turco Erdogan", "in Franse dienst"): a noun or a name follows, no
    conjunction, preposition or adverb; or a hyphen joins it to the next word ("in
    Russian-occupied Kherson"). German is left to its capital (the noun)."""
    if language == "de":
        return False
    if re.match(r"[\-‐]\w", text[end : end + 2]):
        return True  # a compound adjective; "Russian-speaking" was read before
    match = _NEXT_IN_LINE.match(text[end : end + 40])
    if match is None:
        return False  # a stop, a comma, the text's end: "speaks Russian."
    word = match.group(1)
    folded = _fold_word(word)
    if word[0].isupper():
        return True
    if language not in _ADJECTIVE_FIRST:
        return False  # "publicado en turco el año pasado": its adjectives follow the noun
    if folded in _coordinators(language):
        return _coordinated_modifies(text, end + match.end(), language)
    return folded not in _after_a_noun(language) and not _adverb_of_manner(folded, language)


#: The next word on the line or, the line wrapped, on the next ("in Chinese\ncompanies").
_NEXT_IN_LINE = re.compile(r"(?:[ \t]+|[ \t]*\n[ \t]*)(\w+)")
#: English nouns that end as adverbs of manner do ("in Russian supply lines").
_LY_NOUNS = frozenset(
    {"supply", "family", "assembly", "ally", "rally", "monopoly", "anomaly", "reply", "fly",
     "homily", "belly", "jelly", "lily", "bully"}
)  # fmt: skip


def _adverb_of_manner(folded: str, language: str) -> bool:
    """Whether a folded word is an adverb of manner by its ending (:data:`_ADVERB_ENDINGS`):
    in English "-ly" alone ("fluently", not "government"), save nouns (:data:`_LY_NOUNS`)."""
    if language == "en":
        return folded.endswith("ly") and folded not in _LY_NOUNS
    return folded.endswith(_ADVERB_ENDINGS)


#: Words that join two adjectives of one noun ("Ukrainian and Polish pilots") or the
#: names of a list (:func:`_listed_after_a_language`: "parle russe et espagnol").
_COORDINATORS: dict[str, str] = {
    "en": "and or", "it": "e ed o", "es": "y e o u", "fr": "et ou", "pt": "e ou",
    "de": "und oder", "nl": "en of", "ru": "и или",
}  # fmt: skip


@cache
def _coordinators(language: str) -> frozenset[str]:
    return frozenset(_fold(w) for w in _COORDINATORS.get(language, "").split())


def _coordinated_modifies(text: str, at: int, language: str) -> bool:
    """Whether, after a conjunction at ``at``, another adjective of nationality follows
    that modifies a noun: coordinated adjectives share their noun, so "teach Ukrainian and
    Polish pilots" and "learned Russian and Belarusian troops had crossed" name both states,
    while "speaks Russian and Ukrainian fluently" and "teach Russian and Chinese languages"
    name two languages."""
    match = re.match(r"[ \t]+(\w+)", text[at : at + 40])
    if match is None or not match.group(1)[0].isupper():
        return False
    if not _is_nationality(_fold_word(match.group(1)), language):
        return False  # "speaks Russian and Putin knows it"
    start, end = at + match.start(1), at + match.end(1)
    # the second adjective's own reading decides: "Russian and Chinese languages" are two
    # languages, as "Chinese languages" alone is
    return _modifies_next(text, end, language) and not _names_language(
        text, start, end, language, listed=False
    )


def _is_nationality(folded: str, language: str) -> bool:
    """Whether a folded word is an adjective of nationality or a language's name."""
    if folded in _language_forms(language):
        return True
    if language == "en":
        return folded in _demonym_index()
    return _local_index(language).exact.get(folded) is not None


@cache
def _after_a_noun(language: str) -> frozenset[str]:
    """:data:`_AFTER_A_NOUN` of ``language``, folded once."""
    return frozenset(_fold(w) for w in _AFTER_A_NOUN.get(language, "").split())


#: Copulas, singular and plural: what says what the subject is ("Il turco è una lingua",
#: "his native languages are Russian and French").
_COPULAS = frozenset(
    _fold(w)
    for w in ["is", "was", "è", "era", "es", "fue", "est", "était", "é", "foi", "ist", "war",
              "are", "were", "sono", "son", "sont", "sind", "são"]
)  # fmt: skip


def _called_a_language(following: list[str], nouns: frozenset[str]) -> bool:
    """Whether the words after a subject say that it is a language: a copula, then a noun
    for a language within three words ("è una lingua", "es un idioma oficial")."""
    return bool(following) and following[0] in _COPULAS and any(w in nouns for w in following[1:5])


#: Derived adjectives (and a few listed ones) that are also a common word or a name:
#: Hindi "चीनी" (sugar), "ईरानी" and "मिस्री" (surnames, and "मिस्री" rock sugar), Persian
#: and Urdu "چینی" (porcelain, sugar), Persian "ترکی" (the Turkish language), Hebrew
#: "ספרדי" (Sephardi), "לובי" (lobby), Arabic "قطري" (national, of a country: "البرنامج
#: القطري"). One counts only next to a word of a state's
#: office or people (:data:`_STATE_NOUNS`); those of :data:`_NEVER_ADJECTIVES` never.
_COLLISIONS: dict[str, frozenset[str]] = {
    "hi": frozenset({"चीनी", "ईरानी", "मिस्री"}),
    "fa": frozenset({"چینی", "ترکی"}),
    "ur": frozenset({"چینی"}),
    "he": frozenset({"ספרדי", "ספרדית", "ספרדים", "ספרדיות", "לובי"}),
    "ar": frozenset({"قطري", "قطرية"}),
}
#: Regular forms that are no adjective in use: Hindi "भारती" (a name; the adjective is
#: "भारतीय").
_NEVER_ADJECTIVES: dict[str, frozenset[str]] = {
    "hi": frozenset({"भारती"}),
    # Forms the CLDR never writes, made from its adjectives of currencies
    # (:func:`_currency_adjectives_in`), that are common words of another sense:
    # French "malaise(s)" (unease, a fainting fit; made from "malais"), Spanish "indio(s)",
    # "indias" (indigenous Americans; made from "rupia india").
    "fr": frozenset({"malaise", "malaises"}),
    # German nouns made of adjectives (:func:`_people_nouns`) that are words of another
    # sense: "Maler" (a painter; of "malisch"), "Ester" (of "estnisch"), "Lettern"
    # (type), "Malteser" (the order), "George", "Georgen" and "Türker" (names).
    "de": frozenset(
        {
            "male",
            "malen",
            "maler",
            "malern",
            "malerin",
            "malerinnen",
            "malin",
            "ester",
            "estern",
            "lettern",
            "malteser",
            "george",
            "georgen",
            "turker",
            "letter",
        }
    ),
    "es": frozenset({"indio", "indios", "indias"}),
}
#: Adjectives that after a preposition make an idiom with no noun: Italian "in serbo"
#: (in reserve: "tenere in serbo una sorpresa").
_IDIOMS_AFTER: dict[str, dict[str, tuple[str, ...]]] = {"it": {"serbo": ("in",)}}
#: Words of a state's office or people next to which an adjective of :data:`_COLLISIONS`
#: is one (Hindi and Urdu write the adjective before its noun, Persian and Hebrew after).
_STATE_NOUNS: dict[str, tuple[str, ...]] = {
    "hi": ("विदेश", "मंत्री", "सरकार", "राष्ट्रपति", "प्रधानमंत्री", "प्रधान", "सेना", "सैनिक",
           "सैन्य", "अधिकारी", "दूतावास", "राजदूत", "प्रतिनिधिमंडल", "नागरिक", "कंपनी",
           "समकक्ष", "नेता", "रक्षा", "नौसेना", "वायुसेना", "पक्ष", "युद्धपोत", "विमान"),
    "ur": ("ہم منصب", "وزیر", "حکومت", "صدر", "وزیراعظم", "فوج", "حکام", "سفیر", "سفارت",
           "وفد", "کمپنی", "شہری", "رہنما", "بحریہ", "افواج", "عہدیدار"),
    "fa": ("همتای", "وزیر", "دولت", "رئیس", "ارتش", "مقامات", "مقام", "سفیر", "سفارت",
           "هیئت", "شرکت", "نیروهای", "نیروی", "شهروندان", "رهبران", "رهبر", "دیپلمات",
           "طرف", "سربازان", "ناوگان"),
    "he": ("עמית", "שר", "השר", "ממשלת", "הממשלה", "הצבא", "הנשיא", "השגריר", "המשלחת",
           "החוץ", "השלטונות", "הכוחות", "הצי", "האזרחים"),
    "ar": ("وزير", "الوزير", "نظيره", "نظيرها", "نظيرهم", "الأمير", "أمير", "الجانب",
           "الرئيس", "الحكومة", "الخارجية", "الوفد", "السفير", "المسؤول", "المسؤولين", "الجيش",
           "القوات", "الشيخ", "الديوان", "المواطن", "المواطنين", "الدولة", "السلطات", "الطرف",
           "الوسيط", "الوساطة", "الدفاع", "الداخلية"),
}  # fmt: skip
_AFTER_NOUN = frozenset({"fa", "he", "ar"})
# compared with words as folded (the fold drops the virama: "मिस्री" -> "मिसरी")
_COLLISIONS = {
    language: frozenset(normalise_text(w, accents=False) for w in words)
    for language, words in _COLLISIONS.items()
}
_NEVER_ADJECTIVES = {
    language: frozenset(normalise_text(w, accents=False) for w in words)
    for language, words in _NEVER_ADJECTIVES.items()
}
#: Arabic and Hebrew clitics before the article ("بال", "وال", "לה" is "ל" + "ה").
_AR_DEFINITE = re.compile(r"^(?:[وفبكل]?ال|لل)")
_AR_POSSESSIVE = ("ه", "ها", "هم", "هما", "كم", "نا")


def _weak_adjective(
    index: _LocalIndex,
    language: str,
    form: str,
    folded: list[str],
    at: int,
    text: str,
    tokens: list[re.Match[str]],
) -> bool:
    """Whether the adjective ``form`` matched in word ``at`` is too weak to count.

    A derived Arabic or Hebrew nisba is also a word or a name ("الصينية" a tray,
    "كندي" Kennedy, "أحمد المصري" a surname, "סיני" Sinai, "ברזילי" Barzilai): one
    counts only as an adjective is written after its noun, with the article, the
    noun before it definite too in Arabic ("الوزير المصري", "بنظيره المصري", "השר
    הסיני"); an Arabic plural ("صينيين") counts alone. A form of :data:`_COLLISIONS`
    counts only next to a word of :data:`_STATE_NOUNS` (and, a nisba, as above).
    """
    if form in _NEVER_ADJECTIVES.get(language, ()):
        return True
    if at and folded[at - 1] in _IDIOMS_AFTER.get(language, {}).get(form, ()):
        return True
    if form in _COLLISIONS.get(language, ()):
        if language in _AFTER_NOUN:
            before = text[: tokens[at].start()].rstrip()
            if not before.endswith(_STATE_NOUNS[language]):
                return True
        elif not text[tokens[at].end() :].lstrip().startswith(_STATE_NOUNS[language]):
            return True
    if form not in index.derived or language not in ("ar", "he"):
        return False
    word = folded[at]
    prefix = word[: len(word) - len(form)] if word.endswith(form) else ""
    if language == "he":
        return not prefix.endswith("ה") or at == 0
    if not _AR_DEFINITE.search(prefix):
        return not form.endswith(("ون", "ين"))
    if at == 0:
        return True
    previous = folded[at - 1]
    definite = bool(_AR_DEFINITE.match(previous)) or previous.endswith(_AR_POSSESSIVE)
    return not definite or previous in ("الله", "لله")


_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_HAN = re.compile(r"[\u4e00-\u9fff]")
#: Scripts that one language writes above all others: what a few words of them are,
#: when too few to detect (Han and Cyrillic are tried first, as before).
_SCRIPTS = (
    (re.compile(r"[\u3040-\u30ff]"), "ja"),
    (re.compile(r"[\uac00-\ud7af]"), "ko"),
    (re.compile(r"[\u0900-\u097f]"), "hi"),
    (re.compile(r"[\u0590-\u05ff]"), "he"),
    (re.compile(r"[\u0e00-\u0e7f]"), "th"),
    (re.compile(r"[\u067e\u0686\u0698\u06a9\u06af\u06cc]"), "fa"),  # پ چ ژ ک گ ی
    (re.compile(r"[\u0600-\u06ff]"), "ar"),
)


def _language_of(text: str) -> str:
    """The language of ``text``; for a few words, a guess from its script (Cyrillic, Han)."""
    language = detect_language(text)
    if language == UNDETERMINED:
        kana = _SCRIPTS[0][0].search(text)
        if _HAN.search(text) and not kana:
            return "zh"
        if _CYRILLIC.search(text):
            return "ru"
        return next((each for script, each in _SCRIPTS if script.search(text)), language)
    return language


@cache
def _local_exact(language: str | None) -> dict[str, str]:
    """Folded name -> code in ``language``, or in every language of :data:`LOCAL_NAMES`
    (names two languages give to different countries left out)."""
    if language is not None:
        return _local_index(language).exact if has_local_names(language) else {}
    merged: dict[str, str | None] = {}
    # Without a language the forms of adjectives of :data:`DEMONYM_NAMES` and the derived
    # ones are no evidence: "Indiana", "Portuguesa", "Greco", "Polski" are as often a
    # state of the US, a club, a surname or a word as Italian or Polish adjectives.
    for each in LOCAL_NAMES:
        index = _local_index(each)
        for key, code in index.exact.items():
            if key not in index.adjectives:
                merged[key] = code if merged.get(key, code) == code else None
    return {key: code for key, code in merged.items() if code is not None}


def _local_alpha3(folded: str, language: str | None) -> str | None:
    """The country a name, adjective or abbreviation of ``language`` (every language when
    None) names: as written, without the clitics its language joins to it ("الأمريكي",
    "הרוסי"), without a side after it ("中国側", "米側", "중국 측"), or as the words of
    a compound that all name the same state ("US-amerikanischen")."""
    if language in ("en", UNDETERMINED):
        return None
    exact = _local_exact(language)
    languages = (language,) if language is not None else tuple(ATTACHED_PREFIXES)
    for each in languages:
        for form in attached_forms(folded, each):
            if form in exact:
                return exact[form]
    composed = unicodedata.normalize("NFC", folded)  # the fold leaves Hangul in jamo
    side = _SIDE.sub("", composed)
    abbreviations = _abbreviation_table(language)
    if side != composed:
        if side in abbreviations:
            return abbreviations[side]
        return _local_alpha3(_fold(side), language) if side else None
    if composed in abbreviations:  # a field of its own: "露" is Russia, as a model writes it
        return abbreviations[composed]
    parts = [part for part in re.split(r"[-‐]", folded) if part]
    if len(parts) > 1:
        codes = {_part_code(part, language) for part in parts}
        if len(codes) == 1:
            return codes.pop()
    return None


def _part_code(part: str, language: str | None) -> str | None:
    try:
        return to_alpha3(part, language)
    except ValueError:
        return None


#: A side or government written after a state's name or abbreviation ("中国側", "美方").
_SIDE = re.compile(r"\s*(?:側|侧|方|측|政府|정부)$")


@cache
def _abbreviation_table(language: str | None) -> dict[str, str]:
    """The one-character abbreviations of ``language``, or of every language when None
    (one two languages give to different states left out)."""
    if language is not None:
        return ABBREVIATIONS.get(language, {})
    merged: dict[str, str | None] = {}
    for table in ABBREVIATIONS.values():
        for key, code in table.items():
            merged[key] = code if merged.get(key, code) == code else None
    return {key: code for key, code in merged.items() if code is not None}


# ---------------------------------------------------------------- the publisher's state

#: Second-level labels under a country code that only its government registers
#: ("gov.uk", "gouv.fr", "gob.mx", "go.jp", "govt.nz", "gv.at").
_GOVERNMENT_LABELS = frozenset({"gov", "gouv", "gob", "go", "govt", "gv", "government"})
#: Government domains that follow no such rule, each of a country-code domain's own state.
_GOVERNMENT_DOMAINS = {"gc.ca": "CAN", "admin.ch": "CHE", "bund.de": "DEU", "europa.eu": ""}


def government_country(url: str | None) -> str | None:
    """The state whose government publishes at ``url``, from its domain alone; None if none.

    A readout on whitehouse.gov or state.gov says "President Biden spoke
    today with ..." and never names the United States: its publisher is the
    speaker's government. The rule is the registries': ``.gov`` and ``.mil``
    are the United States government's (RFC 1591, RFC 2146); a
    government label under a country code ("gov.uk", "gouv.fr", "gob.mx",
    "go.jp") is that country's. No list of people or offices is needed.
    """
    if not url:
        return None
    from urllib.parse import urlsplit

    try:  # a url is metadata: one that does not parse ("http://[x/y") names no publisher
        host = (urlsplit(url if "//" in url else f"//{url}").hostname or "").rstrip(".").lower()
    except ValueError:
        return None
    labels = host.split(".")
    if len(labels) < 2:
        return None
    if labels[-1] in ("gov", "mil"):
        return "USA"
    for domain, code in _GOVERNMENT_DOMAINS.items():
        if host == domain or host.endswith("." + domain):
            return code or None
    if labels[-2] in _GOVERNMENT_LABELS and len(labels[-1]) == 2:
        alpha2 = "GB" if labels[-1] == "uk" else labels[-1].upper()
        country = pycountry.countries.get(alpha_2=alpha2)
        return str(country.alpha_3) if country is not None else None
    return None
