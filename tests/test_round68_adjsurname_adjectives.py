"""Round 68: a state's regular adjective is only as sure as its stem. Round 67's rules made
adjectives of every one-word state name, so a name that is also a large city's of another
state ("Guadalupe", Mexico's city and Guadeloupe's Spanish name; "Granada", Spain's city
and Grenada's) made the city's adjective ("guadalupano", "granadense"), and "-ino" after
a consonant made a saint's ("catarino", of Catarina, from "Catar"). The corpus is built
here: adjectives x gender and number x templates x languages; the near misses are the
states' own adjectives, which still read."""

from __future__ import annotations

import itertools

from extractor.text.countries import countries_in_text

#: (language, masculine singular) of adjectives of a city, a region or a saint that round
#: 67's rules read as a state (Guadeloupe, Grenada, Qatar).
NOT_STATES = [
    ("es", "guadalupano"), ("es", "guadalupense"), ("es", "granadense"), ("es", "granadés"),
    ("pt", "guadalupano"), ("pt", "guadalupense"), ("pt", "granadense"), ("pt", "catarino"),
    ("it", "guadalupano"), ("it", "guadalupese"),
]  # fmt: skip
#: (language, masculine singular, state) that must still read.
STATES = [
    ("es", "salvadoreño", "SLV"), ("es", "jamaicano", "JAM"), ("es", "armenio", "ARM"),
    ("es", "montenegrino", "MNE"), ("es", "catarí", "QAT"), ("es", "keniano", "KEN"),
    ("it", "montenegrino", "MNE"), ("it", "ruandese", "RWA"), ("it", "maliano", "MLI"),
    ("pt", "jamaicano", "JAM"), ("pt", "catariano", "QAT"), ("pt", "maliano", "MLI"),
    ("fr", "salvadorien", "SLV"), ("fr", "arménien", "ARM"), ("fr", "malien", "MLI"),
]  # fmt: skip
TEMPLATES = {
    "es": ("Miles de peregrinos {p} llegaron el martes a la basílica.",
           "La comunidad {fs} celebró su fiesta el domingo.",
           "El gobierno {ms} anunció nuevas medidas el lunes."),
    "pt": ("Milhares de fiéis {p} chegaram na terça-feira à basílica.",
           "A comunidade {fs} celebrou a sua festa no domingo.",
           "O governo {ms} anunciou novas medidas na segunda-feira."),
    "it": ("Migliaia di pellegrini {p} sono arrivati martedì alla basilica.",
           "La comunità {fs} ha celebrato la sua festa domenica.",
           "Il governo {ms} ha annunciato nuove misure lunedì."),
    "fr": ("Des milliers de pèlerins {p} sont arrivés mardi à la basilique.",
           "La communauté {fs} a célébré sa fête dimanche.",
           "Le gouvernement {ms} a annoncé lundi de nouvelles mesures."),
}  # fmt: skip


def _forms(adjective: str, language: str) -> dict[str, str]:
    """Masculine singular, feminine singular and masculine plural."""
    if language == "fr":
        fem = adjective + "ne" if adjective.endswith("en") else adjective + "e"
        return {"ms": adjective, "fs": fem, "p": adjective + "s"}
    if adjective.endswith("o"):
        plural = adjective[:-1] + "i" if language == "it" else adjective + "s"
        return {"ms": adjective, "fs": adjective[:-1] + "a", "p": plural}
    if adjective.endswith(("és", "ês")):
        stem = adjective[:-2] + "e"
        return {"ms": adjective, "fs": stem + "sa", "p": stem + "ses"}
    if adjective.endswith("í"):
        return {"ms": adjective, "fs": adjective, "p": adjective + "es"}
    plural = adjective[:-1] + "i" if language == "it" else adjective + "s"
    return {"ms": adjective, "fs": adjective, "p": plural}


def _sentences(language: str, adjective: str) -> list[str]:
    forms = _forms(adjective, language)
    return [template.format(**forms) for template in TEMPLATES[language]]


def test_a_citys_or_saints_adjective_names_no_state() -> None:
    # fails on main: 29/30
    read = [
        (sentence, found)
        for language, adjective in NOT_STATES
        for sentence in _sentences(language, adjective)
        if (found := countries_in_text(sentence, language))
    ]
    assert read == [], (len(read), read[:8])


def test_a_states_own_adjective_still_reads() -> None:
    missed = [
        sentence
        for (language, adjective, state), at in itertools.product(STATES, range(3))
        for sentence in [_sentences(language, adjective)[at]]
        if state not in countries_in_text(sentence, language)
    ]
    assert missed == [], (len(missed), missed[:8])
