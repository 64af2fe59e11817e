"""Round 68: English adjectives of states whose currency names none (the CFA francs, the
East Caribbean and Australian dollars, the euro and others) are read as their states, as
the other languages' are since round 67: "Senegalese", "Chadian", "Ivorian", "Nigerien".
Adjectives two places share ("Congolese", "Dominican", "Samoan") stay unread, and the
adjectives of namesake states stay apart ("Nigerien" is Niger's, "Nigerian" Nigeria's)."""

from __future__ import annotations

import itertools

import pycountry
import pytest

from extractor.text.countries import ADJECTIVES, DEMONYMS, country_in_text

#: (adjective, alpha-3), as English news writes them.
STATES = [
    ("Beninese", "BEN"), ("Burkinabe", "BFA"), ("Belizean", "BLZ"), ("Ivorian", "CIV"),
    ("Cameroonian", "CMR"), ("Gabonese", "GAB"), ("Grenadian", "GRD"), ("Nigerien", "NER"),
    ("Senegalese", "SEN"), ("Chadian", "TCD"), ("Togolese", "TGO"), ("Malagasy", "MDG"),
    ("Monegasque", "MCO"), ("Sammarinese", "SMR"), ("Liechtensteiner", "LIE"),
    ("Antiguan", "ATG"), ("Kittitian", "KNA"), ("Saint Lucian", "LCA"),
    ("Trinidadian", "TTO"), ("Tuvaluan", "TUV"), ("Nauruan", "NRU"), ("Palauan", "PLW"),
    ("Marshallese", "MHL"), ("Ni-Vanuatu", "VUT"), ("Faroese", "FRO"),
    ("Greenlandic", "GRL"), ("Santomean", "STP"), ("Mosotho", "LSO"),
    # controls, read before
    ("Malian", "MLI"), ("Guinean", "GIN"), ("Nigerian", "NGA"), ("Kenyan", "KEN"),
]  # fmt: skip
TEMPLATES = [
    "{a} troops opened fire on protesters on Monday.",
    "The {a} army said 12 soldiers were killed.",
    "A {a} official met the minister in the capital.",
    "Security forces of the {a} government arrested three men.",
]
#: Adjectives that name two places, and so no state.
SHARED = ["Congolese", "Dominican", "Samoan"]


@pytest.mark.parametrize(("adjective", "code", "template"), [
    (a, c, t) for (a, c), t in itertools.product(STATES, TEMPLATES)
])  # fmt: skip
def test_adjective_reads_its_state(adjective: str, code: str, template: str) -> None:
    assert country_in_text(template.format(a=adjective)) == code


@pytest.mark.parametrize(("adjective", "template"), itertools.product(SHARED, TEMPLATES))
def test_shared_adjective_names_no_state(adjective: str, template: str) -> None:
    assert country_in_text(template.format(a=adjective)) is None


@pytest.mark.parametrize(("adjective", "code"), [(a, c) for a, c in STATES if a.endswith("an")])
def test_people_in_plural(adjective: str, code: str) -> None:
    assert country_in_text(f"Twelve {adjective}s were killed on Monday.") == code


def test_sovereign_states_without_english_adjective_are_few() -> None:
    """Of the UN's African states, all but the two Congos (whose adjective is shared) and
    the Central African Republic (whose adjective is a region's) have one."""
    african = {
        "BEN", "BFA", "CIV", "CMR", "GAB", "NER", "SEN", "TCD", "TGO", "MDG", "LSO", "STP",
        "MLI", "GIN", "GNB", "GNQ", "NGA", "GHA", "KEN", "SOM", "ETH", "SDN", "SSD", "LBR",
    }  # fmt: skip
    codes = {c.alpha_3 for c in pycountry.countries}
    missing = {c for c in african & codes if c not in ADJECTIVES and c not in DEMONYMS}
    assert missing == set()
