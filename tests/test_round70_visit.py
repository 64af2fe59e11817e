"""Round 70, visit direction and the states a visit may name.

1. A visit reported with a speech tag after it ("..., informó la agencia de Austria",
   "..., teilte das Ministerium von Peru mit", "..., the agency of Ghana reported"), and a
   day written between the verb and its object ("besuchte am Montag Wien", "visitó el
   lunes Viena", "a visité lundi Vienne"): the place visited decides the direction, the
   tag's subject never does. A draft with visitor and host swapped is put right, a right
   one kept, in en/es/de/fr/it/pt.
2. A state the article names only by the city the visit went to ("visitó Lima", "ウィーンを
   訪れ") is named: the city proves its state. Near misses: a capital that names its
   government ("Vienna said", "informó Viena") names no state, and a draft coded to it is
   refused.

The corpus is built from templates x names x states x languages; no sentence of a
development document.
"""

from __future__ import annotations

import itertools
from typing import Any

from extractor.text.places import place_proves_country
from tests.roles_support import run
from tests.test_round69_visitpart import STATES, _draft

PAIRS = [("PER", "AUT"), ("KEN", "GHA"), ("AUT", "PER"), ("GHA", "KEN")]
LATIN = [("Irina Salo", "Peter Wik"), ("Maria Berg", "Hans Ruiz")]
JAPANESE = [("イリーナ・サロ", "ピーター・ウィク"), ("アンナ・ホルム", "ハンス・ルイス")]

#: {B} of {Y} visits {X}; {C} is X's capital, {XN} its name, {T} the state whose agency or
#: ministry speaks in the tag (host's or guest's).
TAGGED: dict[str, list[str]] = {
    "en": ["President {B} of {Y} visited {C} on Monday, the news agency of {T} reported.",
           "President {B} of {Y} visited {XN} on Monday and met {A}, the ministry of {T} said."],
    "es": ["El presidente de {Y}, {B}, visitó {C} el lunes, informó la agencia de {T}.",
           "El presidente de {Y}, {B}, visitó el lunes {C}, informó el ministerio de {T}.",
           "El presidente de {Y}, {B}, visitó {C} el lunes y se reunió con {A}, informó la "
           "agencia de {T}."],
    "de": ["Der Präsident von {Y}, {B}, besuchte am Montag {C}, teilte das Ministerium von {T} mit.",
           "Der Präsident von {Y}, {B}, besuchte {C} am Montag, teilte die Agentur von {T} mit.",
           "Der Präsident von {Y}, {B}, besuchte am Montag {C} und traf {A}, teilte das "
           "Ministerium von {T} mit."],
    "fr": ["Le président de {Y}, {B}, a visité {C} lundi, a annoncé l'agence de {T}.",
           "Le président de {Y}, {B}, a visité lundi {C} et a rencontré {A}, a indiqué le "
           "ministère de {T}."],
    "it": ["Il presidente di {Y}, {B}, ha visitato {C} lunedì, ha riferito l'agenzia di {T}.",
           "Il presidente di {Y}, {B}, ha visitato lunedì {C} e ha incontrato {A}, ha riferito "
           "il ministero di {T}."],
    "pt": ["O presidente de {Y}, {B}, visitou {C} na segunda-feira, informou a agência de {T}.",
           "O presidente de {Y}, {B}, visitou na segunda-feira {C} e reuniu-se com {A}, informou "
           "o ministério de {T}."],
}  # fmt: skip
#: A sentence after the visit naming the host person, so that the host side is named.
SPOKE = {"en": "{A} spoke.", "es": "{A} habló.", "de": "{A} sprach.", "fr": "{A} a parlé.",
         "it": "{A} ha parlato.", "pt": "{A} falou."}  # fmt: skip

#: The host's state named only by the city gone to; {Y} the guest's state.
CITY_ONLY: dict[str, list[str]] = {
    "en": ["Foreign Minister {B} of {Y} travelled to {C} on Friday and met Minister {A}."],
    "es": ["El canciller de {Y}, {B}, viajó el viernes a {C}, donde se reunió con {A}."],
    "de": ["Der Außenminister von {Y}, {B}, reiste am Freitag nach {C} und traf {A}."],
    "fr": ["Le ministre de {Y}, {B}, s'est rendu vendredi à {C}, où il a rencontré {A}."],
    "it": ["Il ministro di {Y}, {B}, si è recato venerdì a {C} per incontrare {A}."],
    "pt": ["O ministro de {Y}, {B}, viajou na sexta-feira a {C}, onde se reuniu com {A}."],
    "ja": ["{Y}の{B}外相は金曜日、{C}を訪れ、{A}外相と会談した。",
           "{Y}の{B}外相は金曜日、{C}を訪問し、{A}外相と会談した。"],
}  # fmt: skip

#: Near misses: the host's capital is only the voice of its government ("{C} said"); the
#: meeting took place in the guest's capital {D}. A draft coding the host's state names a
#: state the article never names, and is refused.
METONYM: dict[str, list[str]] = {
    "en": ["Foreign Minister {B} of {Y} met Minister {A} in {D} on Friday, {C} said."],
    "es": ["El canciller de {Y}, {B}, se reunió el viernes en {D} con {A}, informó {C}."],
    "de": ["Der Außenminister von {Y}, {B}, traf am Freitag in {D} {A}, teilte {C} mit."],
    "fr": ["Le ministre de {Y}, {B}, a rencontré vendredi à {D} {A}, a indiqué {C}."],
    "it": ["Il ministro di {Y}, {B}, ha incontrato venerdì a {D} {A}, ha riferito {C}."],
    "pt": ["O ministro de {Y}, {B}, reuniu-se na sexta-feira em {D} com {A}, informou {C}."],
    "ja": ["{C}によると、{Y}の{B}外相は金曜日、{D}で{A}外相と会談した。"],
}  # fmt: skip


Case = tuple[str, str, str, str, str, str]


def _tagged_cases() -> list[Case]:
    cases = []
    for lang, templates in TAGGED.items():
        for template, (x, y), (a, b), speaker in itertools.product(
            templates, PAIRS, LATIN, ("host", "guest")
        ):
            text = template.format(
                A=a, B=b, Y=STATES[y][lang][0], XN=STATES[x][lang][0], C=STATES[x][lang][1],
                T=STATES[x if speaker == "host" else y][lang][0],
            )  # fmt: skip
            cases.append((lang, f"{text} {SPOKE[lang].format(A=a)}", a, b, x, y))
    return cases


def _city_cases(table: dict[str, list[str]]) -> list[Case]:
    cases = []
    for lang, templates in table.items():
        names = JAPANESE if lang == "ja" else LATIN
        for template, (x, y), (a, b) in itertools.product(templates, PAIRS, names):
            text = template.format(
                A=a, B=b, Y=STATES[y][lang][0], C=STATES[x][lang][1], D=STATES[y][lang][1]
            )
            cases.append((lang, text, a, b, x, y))
    return cases


TAGGED_CASES = _tagged_cases()
CITY_CASES = _city_cases(CITY_ONLY)
METONYM_CASES = _city_cases(METONYM)


def _sides(text: str, guest: tuple[str, str], host: tuple[str, str]) -> tuple[Any, ...]:
    resolved = run("visit", text, **_draft(guest, host))
    visits = [r for r in resolved.records if r.record_type == "visit"]
    if not visits:
        return ("dropped", *resolved.problems)
    return (visits[0].visitor_country, visits[0].host_country)


def _wrong(cases: list[Case], swap: bool) -> list[tuple[str, str, Any]]:
    wrong = []
    for lang, text, a, b, x, y in cases:
        guest, host = ((a, x), (b, y)) if swap else ((b, y), (a, x))
        got = _sides(text, guest, host)
        if got != (y, x):
            wrong.append((lang, text, got))
    return wrong


def test_corpus_is_large_enough() -> None:
    assert len(TAGGED_CASES) >= 200 and len(CITY_CASES) >= 50 and len(METONYM_CASES) >= 50


def test_a_speech_tag_after_a_visit_decides_nothing() -> None:
    """The place visited decides, whoever speaks in the tag after it and wherever the day
    stands (fails on main: 256/448 right and swapped drafts dropped or left swapped)."""
    wrong = _wrong(TAGGED_CASES, swap=False) + _wrong(TAGGED_CASES, swap=True)
    assert not wrong, f"{len(wrong)}/{2 * len(TAGGED_CASES)}: {wrong[:4]}"


def _proved(lang: str, state: str) -> bool:
    """Whether the capital of ``state`` as ``lang`` writes it proves its state: Japanese
    "リマ" is also a town of another state, so the visit names no state there."""
    return place_proves_country(STATES[state][lang][1]) == state


def test_a_city_gone_to_names_its_state() -> None:
    """A state named only by the city the visit went to is named when the city proves it
    (fails on main: 120/120 dropped, 'country ... is not mentioned anywhere')."""
    proved = [case for case in CITY_CASES if _proved(case[0], case[4])]
    wrong = _wrong(proved, swap=False) + _wrong(proved, swap=True)
    assert len(proved) >= 50
    assert not wrong, f"{len(wrong)}/{2 * len(proved)}: {wrong[:4]}"


def test_a_city_of_two_states_names_none() -> None:
    """A city gone to that two states have ("リマ") proves neither: the draft is refused."""
    unproved = [case for case in CITY_CASES if not _proved(case[0], case[4])]
    assert unproved
    for _lang, text, a, b, x, y in unproved:
        assert _sides(text, (b, y), (a, x))[0] == "dropped", text


def test_a_capital_speaking_for_its_government_names_no_state() -> None:
    """ "Vienna said": the capital is the government's voice, no place of the visit; a
    draft that codes its state is refused, as on main."""
    kept = []
    for lang, text, a, b, x, y in METONYM_CASES:
        got = _sides(text, (b, y), (a, x))
        if got[0] != "dropped" or "not mentioned anywhere" not in " ".join(got[1:]):
            kept.append((lang, text, got))
    assert not kept, f"{len(kept)}/{len(METONYM_CASES)}: {kept[:4]}"


#: {B} of {Y} goes to the mission of {X} in {Y}'s own capital {D}: no trip to {X}.
MISSION_VISITS: dict[str, list[str]] = {
    "ar": ["زار وزير خارجية {Y} {B} سفارة {X} في {D} يوم الجمعة والتقى السفيرة {A}.",
           "زار الرئيس {B} من {Y} سفارة {X} في {D} يوم الجمعة والتقى السفيرة {A}."],
    "ja": ["{Y}の{B}外相は金曜日、{D}の{X}大使館を訪れ、{A}大使と会談した。"],
}  # fmt: skip
AR_STATES = {"AUT": ("النمسا", "فيينا"), "GHA": ("غانا", "أكرا"), "KEN": ("كينيا", "نيروبي")}
JA_STATES = {code: (STATES[code]["ja"][0], STATES[code]["ja"][1]) for code in AR_STATES}
AR_NAMES = [("إيرينا سالو", "بيتر ويك")]


def _mission_cases() -> list[Case]:
    cases = []
    for lang, templates in MISSION_VISITS.items():
        table, names = (AR_STATES, AR_NAMES) if lang == "ar" else (JA_STATES, JAPANESE)
        for template, x, y, (a, b) in itertools.product(templates, table, table, names):
            if x != y:
                text = template.format(A=a, B=b, X=table[x][0], Y=table[y][0], D=table[y][1])
                cases.append((lang, text, a, b, x, y))
    return cases


MISSION_CASES = _mission_cases()


def test_a_mission_in_the_visitors_own_capital_moves_no_side() -> None:
    """A state's embassy is no soil of its state: a guest who goes to it in their own
    capital is not made the host (fails on main: 12/24 right drafts swapped)."""
    wrong = []
    for lang, text, a, b, x, y in MISSION_CASES:
        got = _sides(text, (b, y), (a, x))
        if got != (y, x):
            wrong.append((lang, text, got))
    assert len(MISSION_CASES) >= 18
    assert not wrong, f"{len(wrong)}/{len(MISSION_CASES)}: {wrong[:4]}"
