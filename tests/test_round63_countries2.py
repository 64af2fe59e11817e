"""Round 63, second pass: what round 63's own adjective rules took from states.

* A people's plural is a given name only where a name stands: never after a numeral, a
  determiner or a quantifier ("12 Nigerians", "three Israelis", "The Israelis"), never
  before a weekday, a month, a state's or an institution's name ("Israelis Monday").
* A compass word or "New" before an adjective fuses into another place only when the data
  names that place ("New Mexican": New Mexico, the US's; "West Indians"; "Central
  Americans"); otherwise it places a region of the state ("East Ukrainian separatists",
  "The South Lebanese town") or opens a sentence ("New Russian strikes").
* "X American" is a diaspora as a plural or before a noun of people ("Korean American
  voters"); before an event or a relation it is two states ("The Russian American
  summit"). An adjective of origin before another state's people adjective and a noun of
  people names the second state ("Greek Cypriot leader": Cyprus).
* "USA" in capitals before a preposition, a participle, or after a noun of office, is
  the noun ("TRUPPE USA IN SIRIA", "SOLDATI USA UCCISI", "PRESIDENTE USA BIDEN").
* A bare "Congo" qualifying a noun ("Congo rebels") beside the DRC's initials is the DRC.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.text.countries import countries_in_text

SETTINGS = settings(max_examples=120, deadline=None)

PLURALS = {"Nigerians": "NGA", "Israelis": "ISR", "Americans": "USA", "Ukrainians": "UKR",
           "Iraqis": "IRQ", "Syrians": "SYR", "Afghans": "AFG", "Pakistanis": "PAK",
           "Palestinians": "PSE", "Germans": "DEU", "Thais": "THA", "Kenyans": "KEN"}  # fmt: skip
COUNTERS = ["12", "three", "two", "the", "many", "several", "dozens of", "some"]
NOT_SURNAMES = ["Sunday", "Monday night", "Saturday.", "Friday in the north", "March",
                "Hamas", "Kremlin", "Pentagon", "Moscow", "Putin's"]  # fmt: skip


@SETTINGS
@given(item=st.sampled_from(sorted(PLURALS.items())), counter=st.sampled_from(COUNTERS),
       after=st.sampled_from(NOT_SURNAMES))  # fmt: skip
def test_a_counted_plural_is_no_given_name(item: tuple[str, str], counter: str, after: str) -> None:
    plural, code = item
    text = f"Gunmen freed {counter} {plural} {after} officials said."
    assert code in countries_in_text(text, "en"), text


@SETTINGS
@given(item=st.sampled_from(sorted(PLURALS.items())),
       after=st.sampled_from(["Sunday", "Monday", "Saturday", "Pentagon"]))  # fmt: skip
def test_a_plural_before_a_weekday_is_no_given_name(item: tuple[str, str], after: str) -> None:
    plural, code = item
    text = f"{plural} {after} marked the anniversary of the war."
    assert code in countries_in_text(text, "en"), text


ADJECTIVES = {"Ukrainian": "UKR", "Syrian": "SYR", "Lebanese": "LBN", "Chinese": "CHN",
              "Russian": "RUS", "Israeli": "ISR", "Iranian": "IRN", "Iraqi": "IRQ",
              "Turkish": "TUR", "Greek": "GRC", "Nigerian": "NGA", "Polish": "POL",
              "Yemeni": "YEM", "Afghan": "AFG", "Pakistani": "PAK", "Malian": "MLI",
              "Libyan": "LBY", "Egyptian": "EGY", "Kenyan": "KEN", "Ethiopian": "ETH"}  # fmt: skip
QUALIFIERS = ["North", "South", "East", "West", "Central", "New"]
REGION_FRAMES = ["{q} {a} separatists shelled the town on Monday.",
                 "The {q} {a} town of Zaria was hit on Monday.",
                 "{q} {a} strikes killed 12 on Monday.",
                 "Officials said: {q} {a} Sanctions Target Banks",
                 "Residents of {q} {a} villages fled on Monday."]  # fmt: skip


@SETTINGS
@given(item=st.sampled_from(sorted(ADJECTIVES.items())), qualifier=st.sampled_from(QUALIFIERS),
       frame=st.sampled_from(REGION_FRAMES))  # fmt: skip
def test_a_compass_word_or_new_before_an_adjective_keeps_its_state(
    item: tuple[str, str], qualifier: str, frame: str
) -> None:
    adjective, code = item
    text = frame.format(q=qualifier, a=adjective)
    assert code in countries_in_text(text, "en"), text


#: Compounds the data names as another place or a region: no state of the adjective.
FUSED_PLACES = [("New", "Mexican", "MEX"), ("West", "Indian", "IND"),
                ("West", "Indians", "IND"), ("Central", "American", "USA"),
                ("South", "Americans", "USA"), ("North", "American", "USA"),
                ("West", "Timorese", "TLS"), ("New", "Guinean", "GIN"),
                ("West", "Bengali", "BGD"), ("Latin", "American", "USA")]  # fmt: skip


@SETTINGS
@given(item=st.sampled_from(FUSED_PLACES),
       frame=st.sampled_from(["{q} {a} farmers rallied on Monday.",
                              "The {q} {a} delegate spoke on Monday.",
                              "{q} {a} strikes began on Monday."]))  # fmt: skip
def test_a_compound_that_the_data_names_a_place_still_names_no_state(
    item: tuple[str, str, str], frame: str
) -> None:
    qualifier, adjective, code = item
    text = frame.format(q=qualifier, a=adjective)
    assert code not in countries_in_text(text, "en"), text


EVENTS = ["summit", "talks", "relations", "deal", "agreement", "treaty"]


@SETTINGS
@given(item=st.sampled_from(sorted(ADJECTIVES.items())), event=st.sampled_from(EVENTS),
       city=st.sampled_from(["Geneva", "Vienna", "Helsinki"]))  # fmt: skip
def test_an_adjective_and_american_before_an_event_are_two_states(
    item: tuple[str, str], event: str, city: str
) -> None:
    adjective, code = item
    text = f"The {adjective} American {event} ended in {city} on Monday."
    assert {code, "USA"} <= set(countries_in_text(text, "en")), text


@SETTINGS
@given(item=st.sampled_from(sorted(ADJECTIVES.items())),
       noun=st.sampled_from(["voters", "community", "businessman", "senator", "families"]))  # fmt: skip
def test_an_adjective_and_american_before_people_is_a_diaspora(
    item: tuple[str, str], noun: str
) -> None:
    adjective, code = item
    text = f"The {adjective} American {noun} rallied on Monday."
    assert code not in countries_in_text(text, "en"), text


#: (origin, people's adjective, its state, the origin's state)
ORIGINS = [("Greek", "Cypriot", "CYP", "GRC"), ("Turkish", "Cypriot", "CYP", "TUR"),
           ("Chinese", "Malaysian", "MYS", "CHN"), ("Chinese", "Indonesian", "IDN", "CHN"),
           ("Indian", "Singaporean", "SGP", "IND")]  # fmt: skip


@SETTINGS
@given(item=st.sampled_from(ORIGINS),
       noun=st.sampled_from(["leader", "community", "politician", "businessman"]),
       name=st.sampled_from(["Nikos Christodoulides", "Ersin Tatar", "Lim Wei"]))  # fmt: skip
def test_an_origin_before_a_peoples_adjective_names_the_second_state(
    item: tuple[str, str, str, str], noun: str, name: str
) -> None:
    origin, adjective, state, origin_state = item
    found = countries_in_text(f"{origin} {adjective} {noun} {name} spoke on Monday.", "en")
    assert state in found, found
    assert origin_state not in found, found


#: Nouns "USA" qualifies in headlines, the words after it that make it the noun, and places.
USA_NOUNS = {"it": ["DAZI", "TRUPPE", "SANZIONI", "BASI", "DRONI", "SOLDATI", "ATTACCO"],
             "es": ["TROPAS", "SANCIONES", "BASES", "DRONES", "ARANCELES"],
             "pt": ["TROPAS", "SANÇÕES", "BASES", "DRONES", "TARIFAS"]}  # fmt: skip
USA_AFTER = {"it": ["IN", "SU", "SULLA", "CONTRO", "A", "NEL", "DI", "UCCISI IN", "SCHIERATE IN"],
             "es": ["EN", "SOBRE", "CONTRA", "PARA", "DESPLEGADAS EN"],
             "pt": ["EM", "SOBRE", "CONTRA", "PARA", "NA", "ENVIADAS PARA"]}  # fmt: skip
PLACES = ["SIRIA", "GAZA", "MOSCA", "TAIWAN", "YEMEN"]


@SETTINGS
@given(language=st.sampled_from(sorted(USA_NOUNS)), data=st.data())
def test_usa_before_a_preposition_or_a_participle_is_the_noun(
    language: str, data: st.DataObject
) -> None:
    noun = data.draw(st.sampled_from(USA_NOUNS[language]))
    after = data.draw(st.sampled_from(USA_AFTER[language]))
    text = f"{noun} USA {after} {data.draw(st.sampled_from(PLACES))}"
    assert "USA" in countries_in_text(text, language), text


@pytest.mark.parametrize(
    ("language", "text"),
    [("it", "PRESIDENTE USA BIDEN"), ("it", "SEGRETARIO USA BLINKEN A PECHINO"),
     ("es", "PRESIDENTE USA BIDEN"), ("pt", "EMBAIXADOR USA EM BRASÍLIA")],
)  # fmt: skip
def test_usa_after_a_noun_of_office_is_the_noun(language: str, text: str) -> None:
    assert "USA" in countries_in_text(text, language), text


@SETTINGS
@given(noun=st.sampled_from(["rebels", "militia", "river", "basin fighters", "militiamen"]),
       place=st.sampled_from(["Goma", "Bunia", "Beni"]),
       day=st.sampled_from(["Monday", "Friday"]))  # fmt: skip
def test_a_bare_congo_qualifying_a_noun_beside_the_drc_is_the_drc(
    noun: str, place: str, day: str
) -> None:
    text = f"Congo {noun} killed 12 DRC soldiers near {place} on {day}."
    found = countries_in_text(text, "en")
    assert "COD" in found, text
    assert "COG" not in found, text
