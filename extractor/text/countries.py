"""Country and currency codes: ISO 3166-1 alpha-3 and ISO 4217, via pycountry.

Models write "China", "CN", "Chinese" or "Burma"; coders need "CHN". Everything
that names a country goes through :func:`to_alpha3`, so the records hold one
spelling and an unknown name fails validation with a message the model can act
on when re-asked.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

import pycountry

from extractor.text.grounding import normalise_text

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
    "congo-brazzaville": "COG",
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
# "Beijing supports"). Used to check that evidence names a record's country.
DEMONYMS: dict[str, tuple[str, ...]] = {
    "AFG": ("Afghan", "Kabul"),
    "ARE": ("Emirati", "UAE", "Abu Dhabi"),
    "AUS": ("Australian", "Canberra"),
    "BGD": ("Bangladeshi", "Dhaka"),
    "BEL": ("Belgian", "Brussels"),
    "BRA": ("Brazilian", "Brasilia"),
    "CAN": ("Canadian", "Ottawa"),
    "CHE": ("Swiss", "Geneva", "Bern"),
    "CHN": ("Chinese", "Beijing", "PRC"),
    "DEU": ("German", "Berlin"),
    "DNK": ("Danish", "Copenhagen"),
    "EGY": ("Egyptian", "Cairo"),
    "ESP": ("Spanish", "Madrid"),
    "FIN": ("Finnish", "Helsinki"),
    "FRA": ("French", "Paris"),
    "GBR": ("British", "UK", "London"),
    "IND": ("Indian", "New Delhi"),
    "IRN": ("Iranian", "Tehran"),
    "IRQ": ("Iraqi", "Baghdad"),
    "ISR": ("Israeli", "Jerusalem"),
    "ITA": ("Italian", "Rome"),
    "JOR": ("Jordanian", "Amman"),
    "JPN": ("Japanese", "Tokyo"),
    "KHM": ("Cambodian", "Phnom Penh"),
    "KOR": ("Korean", "Seoul", "ROK"),
    "KWT": ("Kuwaiti",),
    "MMR": ("Myanmar", "Burmese", "Naypyidaw", "Yangon"),
    "MYS": ("Malaysian", "Kuala Lumpur"),
    "NLD": ("Dutch", "The Hague", "Amsterdam"),
    "NOR": ("Norwegian", "Oslo"),
    "NZL": ("New Zealand", "Wellington"),
    "PAK": ("Pakistani", "Islamabad"),
    "POL": ("Polish", "Warsaw"),
    "PRK": ("North Korean", "Pyongyang", "DPRK"),
    "PSE": ("Palestinian", "Gaza"),
    "QAT": ("Qatari", "Doha"),
    "RUS": ("Russian", "Moscow", "Kremlin"),
    "SAU": ("Saudi", "Riyadh"),
    "SGP": ("Singaporean",),
    "SWE": ("Swedish", "Stockholm"),
    "SYR": ("Syrian", "Damascus"),
    "THA": ("Thai", "Bangkok"),
    "TUR": ("Turkish", "Ankara", "Türkiye"),
    "TWN": ("Taiwanese", "Taipei"),
    "UKR": ("Ukrainian", "Kyiv", "Kiev"),
    "USA": ("American", "U.S.", "US", "United States", "Washington", "White House"),
    "VNM": ("Vietnamese", "Hanoi"),
    "XKX": ("Kosovar", "Pristina"),
    "YEM": ("Yemeni", "Sanaa", "Houthi"),
}


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
def to_alpha3(value: str) -> str:
    """Return the ISO 3166-1 alpha-3 code for a code, name or common alias.

    Raises ``ValueError`` with a re-ask friendly message when nothing matches.
    """
    raw = value.strip()
    if not raw:
        raise ValueError("empty country: give an ISO 3166-1 alpha-3 code such as 'USA', or null")
    upper = raw.upper()
    if upper in EXTRA_ALPHA3:
        return upper
    folded = normalise_text(raw, accents=False).removeprefix("the ")
    if folded in ALIASES:
        return ALIASES[folded]
    try:
        return str(pycountry.countries.lookup(raw).alpha_3)
    except LookupError:
        pass
    if folded in _demonym_index():
        return _demonym_index()[folded]
    raise ValueError(
        f"unknown country {value!r}: give an ISO 3166-1 alpha-3 code such as 'USA' or 'CHN', "
        "or null if the text names no country"
    )


def is_alpha3(value: str) -> bool:
    """True when ``value`` is already a known alpha-3 code (no alias folding)."""
    return value in EXTRA_ALPHA3 or pycountry.countries.get(alpha_3=value) is not None


@cache
def country_names(code: str) -> tuple[str, ...]:
    """Ways a text may name the country ``code``: names, aliases, demonyms, capitals."""
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
    return tuple(sorted(names, key=len, reverse=True))


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
    pairs: set[tuple[str, str]] = set()
    codes = [c.alpha_3 for c in pycountry.countries] + list(EXTRA_ALPHA3)
    for code in codes:
        for name in country_names(code):
            folded = normalise_text(name, accents=False)
            if len(folded) >= 4 or folded in ("uk", "us", "u.s."):
                pairs.add((folded, code))
    return sorted(pairs, key=lambda p: len(p[0]), reverse=True)


def country_in_text(text: str) -> str | None:
    """The one country a short text (a place as written) names, or None if none or several.

    "Kuala Lumpur, Malaysia" -> "MYS"; "Washington" -> "USA" (capitals count).
    """
    folded = normalise_text(text, accents=False)
    found: set[str] = set()
    for name, code in _name_index():
        if re.search(rf"(?<![\w]){re.escape(name)}(?![\w])", folded):
            found.add(code)
            folded = folded.replace(name, " ")
    return found.pop() if len(found) == 1 else None


_WORD = re.compile(r"\w+")


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


_SHORT = re.compile(r"(?<![\w.])(U\.S\.|US|UK)(?!\w)")
_SHORT_CODES = {"U.S.": "USA", "US": "USA", "UK": "GBR"}


@lru_cache(maxsize=1 << 14)
def _fold_word(word: str) -> str:
    """``normalise_text(word, accents=False)`` of one ``\\w+`` word, faster.

    Country names and the words of a text are compared by the package's one
    fold with accents dropped ("Türkiye" ~ "turkiye"); for an ASCII word (most
    of them) that fold is just lower case.
    """
    return word.lower() if word.isascii() else normalise_text(word, accents=False)


_CAPITALISED = re.compile(r"(?<!\w)[A-ZÀ-ÖØ-Þ]\w*")


def countries_in_text(text: str) -> list[str]:
    """Codes of the countries ``text`` names (by name, adjective or capital), first mention first.

    The engine shows this list to the model so that a small model picks
    codes the article supports instead of guessing them. Names start with a
    capital in English prose, so only capitalised words are looked up (a
    fifth of the words of a news article). "US" and "UK" count only in
    capitals, so that the pronoun "us" is not the United States.
    """
    index = _mention_index()
    hits: list[tuple[int, str]] = []
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
            hits.append((match.start(), code))
            break
    hits += [(m.start(), _SHORT_CODES[m.group(1)]) for m in _SHORT.finditer(text)]
    seen: dict[str, None] = {}
    for _, code in sorted(hits):
        seen.setdefault(code, None)
    return list(seen)


def country_label(code: str) -> str:
    """A short English name for ``code`` ("MMR" -> "Myanmar"), for prompts and messages."""
    if code in EXTRA_ALPHA3:
        return EXTRA_ALPHA3[code]
    country = pycountry.countries.get(alpha_3=code)
    if country is None:
        return code
    return str(getattr(country, "common_name", None) or country.name).split(",")[0]
