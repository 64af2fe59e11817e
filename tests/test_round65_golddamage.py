"""Round 65, rules that damaged a correct draft (gold records drafted perfectly).

C7: a toll that rises TO a figure states its new total, exact in every language, though
the preposition (Russian "до", Spanish "hasta", French "jusqu'à", German "bis zu", Italian
"fino a") also means "up to". A figure after such a preposition with no verb of change
stays a cap. Sentences are built here from parts, none from a development document.
"""

from __future__ import annotations

import itertools

import pytest

from extractor.types.drafting import _count

#: (language, subject, verbs of change, preposition, noun after the figure)
_RISING = [
    ("ru", "Число погибших при обстреле", ["возросло", "выросло", "увеличилось"], "до",
     "человек"),
    ("es", "La cifra de muertos del ataque", ["ascendió", "aumentó", "subió"], "hasta",
     "personas"),
    ("fr", "Le bilan de l'attaque", ["est passé", "a grimpé", "est monté"], "jusqu'à",
     "morts"),
    ("de", "Die Zahl der Toten", ["stieg", "ist gestiegen", "hat sich erhöht"], "bis auf",
     "Menschen"),
    ("it", "Il numero dei morti", ["è salito", "è aumentato", "è cresciuto"], "fino a",
     "persone"),
]  # fmt: skip
_NUMBERS = [17, 40, 125]


def _risen() -> list[tuple[str, str, int]]:
    return [
        (lang, f"{subject} {verb} {prep} {n} {noun}.", n)
        for (lang, subject, verbs, prep, noun), n in itertools.product(_RISING, _NUMBERS)
        for verb in verbs
    ]


#: A cap in each language: the preposition with no verb of change before it.
_CAPS = {"ru": ("до", "человек погибли."), "es": ("hasta", "personas murieron."),
         "fr": ("jusqu'à", "personnes sont mortes."), "de": ("bis zu", "Menschen starben."),
         "it": ("fino a", "persone sono morte.")}  # fmt: skip


def _capped() -> list[tuple[str, str, int]]:
    """The same prepositions without a verb of change: a cap, "up to"."""
    return [
        (lang, f"{prep.capitalize()} {n} {tail}", n)
        for (lang, (prep, tail)), n in itertools.product(_CAPS.items(), _NUMBERS)
    ] + [("en", f"The toll rose to up to {n} people.", n) for n in _NUMBERS]


@pytest.mark.parametrize(("language", "quote", "number"), _risen())
def test_a_toll_risen_to_a_figure_is_exact(language: str, quote: str, number: int) -> None:
    count = _count(number, "exact", quote, language)
    assert count is not None
    assert count.qualifier == "exact", (quote, count)
    assert (count.low, count.best, count.high) == (number, number, number)


@pytest.mark.parametrize(("language", "quote", "number"), _capped())
def test_the_preposition_alone_stays_a_cap(language: str, quote: str, number: int) -> None:
    count = _count(number, "exact", quote, language)
    assert count is not None
    assert count.qualifier == "up_to", (quote, count)
