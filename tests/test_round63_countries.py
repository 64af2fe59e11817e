"""Round 63: what the English adjectives of round 62 read that names no state, and a bare
"Congo" beside the DRC's initials.

* An adjective fused to the word before into another place or people names no state:
  "New Mexican", "West Indians", "West Timorese", "Latin/Central/South/Native/African
  Americans", "Native American Indians", "Scots-Irish", "Anglo-Irish", "a New Guinean
  tribe"; "X Americans" name an origin, not the state X. A word of the state's own name
  ("South Korean") and a compass adjective ("Eastern Ukrainian") leave it the state's.
* An adjective two places share names neither: "Dominican", "Samoan", "Macedonian".
* A state's short name is no adjective: "Brunei" (CLDR "Brunei Dollar") is a place.
* "USA" in capitals between two words in capitals is the verb "usa" (uses) in Italian,
  Portuguese, Spanish, Catalan and Galician ("MELONI USA IL VETO").
* A people's plural before a surname is a given name ("Thais Fersoza").
* A bare "Congo" that opens its clause, with the DRC's initials a party of that clause
  ("Congo accused the DRC", "Congo's foreign minister spoke to DRC President
  Tshisekedi"), or placed beside them ("north of the DRC"), is the Republic.
"""

from __future__ import annotations

import pycountry
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.text.countries import ADJECTIVES, ALIASES, DEMONYMS, countries_in_text
from extractor.types.visit import visit_venues

SETTINGS = settings(max_examples=150, deadline=None)

#: Words that make a people of their own with any adjective. A compass word or "New" fuses
#: only into a place the data names ("New Mexican", "West Indians": the examples below);
#: before any other adjective it places a region of the state ("East Ukrainian
#: separatists"; tests/test_round63_countries2.py).
FUSING = ["Latin", "Native", "Anglo", "Scots", "Papua", "African"]


def _state_names(code: str) -> set[str]:
    country = pycountry.countries.get(alpha_3=code)
    fields = ("name", "common_name", "official_name")
    names = {str(getattr(country, f)) for f in fields if country and getattr(country, f, None)}
    return {n.lower() for n in names} | {alias for alias, c in ALIASES.items() if c == code}


def _compound_is_a_state(qualifier: str, adjective: str, code: str) -> bool:
    """'South Korean' (of 'South Korea'), 'South African' (an adjective of its own)."""
    written = f"{qualifier} {adjective}"
    if any(written in words or f"{qualifier}-{adjective}" in words for words in DEMONYMS.values()):
        return True
    return any(name.startswith(f"{qualifier.lower()} ") for name in _state_names(code))


FUSED = sorted(
    (qualifier, adjective, code)
    for code, adjective in ADJECTIVES.items()
    for qualifier in FUSING
    if " " not in adjective and not _compound_is_a_state(qualifier, adjective, code)
)
FUSED_FRAMES = ["A {q} {a} rancher was in the news on Tuesday.",
                "{q} {a}s in the capital voted on Sunday.",
                "The {q}-{a} settlers arrived.", "Officials met {q} {a} leaders."]  # fmt: skip


@SETTINGS
@given(item=st.sampled_from(FUSED), frame=st.sampled_from(FUSED_FRAMES))
def test_an_adjective_fused_to_a_qualifier_names_no_state(
    item: tuple[str, str, str], frame: str
) -> None:
    qualifier, adjective, code = item
    if "{a}s" in frame and not adjective.endswith(("an", "i")):
        frame = frame.replace("{a}s", "{a}")  # "Philippines" is the state's name, no plural
    text = frame.format(q=qualifier, a=adjective)
    assert code not in countries_in_text(text, "en"), text


@pytest.mark.parametrize(
    ("text", "codes"),
    [("A New Mexican rancher was here.", set()), ("New Mexicans in Santa Fe voted.", set()),
     ("West Indians in London marched.", {"GBR"}),
     ("Native American Indians in Arizona voted.", set()),
     ("Latin Americans in Miami voted.", set()), ("African Americans in Chicago voted.", set()),
     ("Central Americans at the border waited.", set()),
     ("Scots-Irish settlers in Appalachia.", set()), ("The Anglo-Irish Agreement was signed.", set()),
     ("A New Guinean tribe lives there.", set()), ("West Timorese farmers in Kupang.", set()),
     ("An American Samoan delegate spoke.", {"ASM"}),
     ("Armenian Americans in Glendale voted.", set())],
)  # fmt: skip
def test_fused_people_from_the_probe_name_no_other_state(text: str, codes: set[str]) -> None:
    assert set(countries_in_text(text, "en")) == codes, text


DIASPORA_FRAMES = ["{a} Americans in the city voted on Sunday.",
                   "The {a}-Americans rallied.", "{a} American voters backed him."]  # fmt: skip


@SETTINGS
@given(item=st.sampled_from(sorted((c, a) for c, a in ADJECTIVES.items() if c != "USA")),
       frame=st.sampled_from(DIASPORA_FRAMES))  # fmt: skip
def test_the_origin_of_americans_is_no_state(item: tuple[str, str], frame: str) -> None:
    code, adjective = item
    text = frame.format(a=adjective)
    assert code not in countries_in_text(text, "en"), text


@pytest.mark.parametrize(
    ("text", "codes"),
    [("South Korean and North Korean troops met.", {"KOR", "PRK"}),
     ("Eastern Ukrainian towns were shelled.", {"UKR"}),
     ("A Northern Irish footballer scored.", {"GBR"}),
     ("Russian-American talks resumed.", {"RUS", "USA"}),
     ("Papua New Guinean and East Timorese officials met.", {"PNG", "TLS"}),
     ("South African and South Sudanese envoys met.", {"ZAF", "SSD"}),
     ("North Macedonian and Bruneian envoys met.", {"MKD", "BRN"}),
     ("Chinese and Korean officials met.", {"CHN", "KOR"})],
)  # fmt: skip
def test_a_states_own_compound_keeps_its_state(text: str, codes: set[str]) -> None:
    assert set(countries_in_text(text, "en")) == codes, text


@SETTINGS
@given(adjective=st.sampled_from(["Dominican", "Samoan", "Macedonian"]),
       frame=st.sampled_from(["A {a} friar spoke.", "The {a} delegate arrived.",
                              "{a} officials said on Monday.", "Two {a}s were hurt."]))  # fmt: skip
def test_an_adjective_two_places_share_names_neither(adjective: str, frame: str) -> None:
    text = frame.format(a=adjective)
    assert countries_in_text(text, "en") == [], text


def test_no_adjective_is_a_states_name() -> None:
    names = {n for code in ADJECTIVES for n in _state_names(code)} | set(ALIASES)
    assert [a for a in ADJECTIVES.values() if a.lower() in names] == []


@pytest.mark.parametrize("visitor", ["Xi Jinping", "The Indian prime minister", "Putin"])
def test_a_visit_to_brunei_goes_to_brunei(visitor: str) -> None:
    assert visit_venues(f"{visitor} visited Brunei on Monday.").went == {"BRN"}


#: Headlines in capitals where "USA" is the verb "usa" (uses), and where it is the noun.
USA_VERB = {"it": ["MELONI USA IL VETO", "LA RUSSIA USA MISSILI SULLA CITTÀ"],
            "pt": ["LULA USA DISCURSO PARA ATACAR", "GOVERNO USA VERBA"],
            "es": ["PEDRO USA EL VETO", "EL GOBIERNO USA MISILES"],
            "ca": ["EL GOVERN USA EL VET"], "gl": ["O GOBERNO USA O VETO"]}  # fmt: skip
USA_NOUN = {"it": ["GLI USA E LA CINA FIRMANO", "ELEZIONI USA", "Meloni e gli USA",
                   "DAZI USA E CINA"],
            "pt": ["OS USA E A CHINA", "Lula e os USA"], "es": ["LOS USA Y CHINA"],
            "ca": ["ELS USA I LA XINA"], "gl": ["OS USA E A CHINA"]}  # fmt: skip


@pytest.mark.parametrize(
    ("language", "text"), [(lang, t) for lang, texts in USA_VERB.items() for t in texts]
)
def test_usa_in_capitals_between_words_is_the_verb(language: str, text: str) -> None:
    assert "USA" not in countries_in_text(text, language), text


@pytest.mark.parametrize(
    ("language", "text"), [(lang, t) for lang, texts in USA_NOUN.items() for t in texts]
)
def test_usa_after_an_article_or_alone_is_the_state(language: str, text: str) -> None:
    assert "USA" in countries_in_text(text, language), text


#: One-word plurals: a given name is one word ("Thais", "Afghans" as written).
PLURALS = sorted(
    (c, f"{a}s") for c, a in ADJECTIVES.items() if a.endswith(("an", "i")) and a.isalpha()
)


@SETTINGS
@given(item=st.sampled_from(PLURALS), surname=st.sampled_from(["Fersoza", "Araújo", "Øster"]),
       frame=st.sampled_from(["{p} {s} posted a photo.", "Actress {p} {s} posted.",
                              "A foto de {p} {s} viralizou."]))  # fmt: skip
def test_a_peoples_plural_before_a_surname_is_a_given_name(
    item: tuple[str, str], surname: str, frame: str
) -> None:
    code, plural = item
    text = frame.format(p=plural, s=surname)
    assert code not in countries_in_text(text, "en"), text
    assert code not in countries_in_text(text, "pt"), text


#: A bare "Congo" opening its clause and the DRC's initials another party of the clause.
CONGO_PARTIES = ["Congo accused the DRC of backing rebels on {d}.",
                 "Congo deported 2,000 DRC citizens on {d}.",
                 "Congo hosted DRC President Tshisekedi on {d}.",
                 "Congo's foreign minister spoke to DRC President Tshisekedi on {d}.",
                 "Officials said Congo expelled DRC traders on {d}.",
                 "Congo, a small oil producer north of the DRC, voted on {d}.",
                 "Congo, whose army borders the DRC, voted on {d}."]  # fmt: skip


@SETTINGS
@given(frame=st.sampled_from(CONGO_PARTIES), day=st.sampled_from(["Monday", "Friday"]))
def test_a_bare_congo_and_initials_as_two_parties_are_two_states(frame: str, day: str) -> None:
    text = frame.format(d=day)
    assert {"COG", "COD"} <= set(countries_in_text(text, "en")), text


#: Initials in another clause than the bare name's, or the bare name a place: one state.
CONGO_ONE = ["Congo closed its border with Rwanda, DRC officials said on {d}.",
             "Congo's army said M23 rebels, backed by Rwanda, attacked DRC positions on {d}.",
             "M23 rebels advanced in eastern Congo on {d}, according to the DRC army."]  # fmt: skip


@SETTINGS
@given(frame=st.sampled_from(CONGO_ONE), day=st.sampled_from(["Monday", "Friday"]))
def test_initials_in_another_clause_restate_a_bare_congo(frame: str, day: str) -> None:
    text = frame.format(d=day)
    assert "COG" not in countries_in_text(text, "en"), text
