"""A degree word before a word of visiting: an adjective's superlative, or an adverb.

"the most visited venue in Chicago" says no one went (the participle is an adjective:
an article, a possessive or a hyphen comes with the degree word); "una vez más visitó
Lima", "el presidente que más visitó Lima", "a de plus visité Accra" say someone went
(the degree word is an adverb of a finite verb). Round 71's rule read every degree
word before "visit" as the first, and dropped those trips. Built from adverbial
phrases x finite verbs x cities, and articles x nouns x degree words x participles,
in en/es/fr/it/pt/de.
"""

from __future__ import annotations

import itertools

import pytest

from extractor.types.visit import visit_venues

#: {a}: an adverbial phrase ending in a degree word; {c}: the city gone to.
WENT = {
    "en": ("President Salo {a} visited {c} on Monday.", ["once more", "once again"]),
    "es": ("El presidente Salo {a} visitó {c} el lunes.", ["una vez más", "es quien más"]),
    "pt": (
        "O presidente Salo {a} visitou {c} na segunda-feira.",
        ["é quem mais", "foi o que mais"],
    ),
    "fr": ("Le président Salo a {a} visité {c} lundi.", ["de plus", "en plus", "une fois de plus"]),
    "it": ("Il presidente Salo, {a} visitò {c}, parlò.", ["che più", "colui che più"]),
}
#: {d}: a determiner and a noun and a degree word; {c}: the city.
NOBODY = {
    "en": ("{d} visited venue in {c} is the pier.", ["The most", "Its most", "The least"]),
    "es": ("El museo {d} visitado de {c} cerró el lunes.", ["más", "menos"]),
    "fr": ("Les sites {d} visités de {c} ferment lundi.", ["les plus", "les moins"]),
    "it": ("Il museo {d} visitato di {c} chiude lunedì.", ["più", "meno"]),
    "de": ("Der {d} besuchte Ort in {c} ist der Dom.", ["am meisten", "meist"]),
}
CITIES = {"Lima": "PER", "Accra": "GHA", "Nairobi": "KEN"}


@pytest.mark.parametrize(
    ("language", "sentence", "code"),
    [
        (language, template.format(a=adverb, c=city), code)
        for language, (template, adverbs) in WENT.items()
        for adverb, (city, code) in itertools.product(adverbs, CITIES.items())
    ],
)
def test_a_degree_adverb_before_a_finite_verb_keeps_the_trip(
    language: str, sentence: str, code: str
) -> None:
    assert code in visit_venues(sentence, language).went, sentence


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        (language, template.format(d=degree, c=city))
        for language, (template, degrees) in NOBODY.items()
        for degree, city in itertools.product(degrees, CITIES)
    ],
)
def test_a_superlative_participle_is_no_trip(language: str, sentence: str) -> None:
    assert not visit_venues(sentence, language).went, sentence
