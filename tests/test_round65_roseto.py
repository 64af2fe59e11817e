"""Round 65, datefix 5: a toll risen TO a figure is exact only when the preposition is
the verb of change's own; a conjunction or another preposition between them opens a new
clause or phrase whose preposition means "up to" ("subió y hasta 100 personas murieron",
"выросло и до 100 человек погибли", "stieg auf bis zu 100", "est passé à jusqu'à 100").
An adverb of the verb ("ya", "уже", "encore") may still stand between them (German and
Italian adverbs before "bis zu"/"fino a" read as a cap on main already: left as is)."""

from __future__ import annotations

import itertools

import pytest

from extractor.types.drafting import _count

#: (language, verb of change, joints that are no adverb, adverbs, preposition, tail)
PARTS = [
    ("es", "El número de muertos subió", ["y", "e", "o", "pero"], ["ya"], "hasta",
     "personas murieron."),
    ("ru", "Число погибших выросло", ["и", "а", "но", "в"], ["уже"], "до", "человек погибли."),
    ("de", "Die Zahl der Toten stieg", ["und", "oder", "auf", "aber"], [], "bis zu",
     "Menschen starben."),
    ("fr", "Le bilan est passé", ["et", "à", "ou", "mais"], ["encore"], "jusqu'à",
     "personnes sont mortes."),
    ("it", "Il bilancio è salito", ["e", "ma", "o", "a"], [], "fino a",
     "persone sono morte."),
]  # fmt: skip
NUMBERS = [17, 100]


def _joined() -> list[tuple[str, str, int]]:
    return [
        (lang, f"{verb} {joint} {prep} {n} {tail}", n)
        for (lang, verb, joints, _, prep, tail), n in itertools.product(PARTS, NUMBERS)
        for joint in joints
    ]


def _adverbs() -> list[tuple[str, str, int]]:
    return [
        (lang, f"{verb} {adverb} {prep} {n} {tail}", n)
        for (lang, verb, _, adverbs, prep, tail), n in itertools.product(PARTS, NUMBERS)
        for adverb in adverbs
    ]


@pytest.mark.parametrize(("language", "quote", "number"), _joined())
def test_a_preposition_after_a_conjunction_stays_a_cap(
    language: str, quote: str, number: int
) -> None:
    count = _count(number, "exact", quote, language)
    assert count is not None
    assert count.qualifier == "up_to", (quote, count)


@pytest.mark.parametrize(("language", "quote", "number"), _adverbs())
def test_an_adverb_of_the_verb_keeps_the_total_exact(
    language: str, quote: str, number: int
) -> None:
    count = _count(number, "exact", quote, language)
    assert count is not None
    assert count.qualifier == "exact", (quote, count)
