"""Round 62: who the evidence names as perpetrator (extractor.types.casualty_report).

Sentences written for these tests, over several names, events and fillers:

- a claim of an event whose relative clause has its own auxiliary ("claimed the bombing
  in which 12 people *were* killed", "that *was* said to *have* killed 12") claims it; the
  auxiliary is the relative clause's own, not the verb of a reported clause;
- "not just", "no solo", "pas seulement" add to a deed and deny nothing;
- "was not responsible for", "had nothing to do with", "n'est pour rien dans", "no tuvo
  nada que ver con", "war nicht beteiligt", "не причастен" deny the attack;
- a negation of another verb ("did not hesitate to kill", "has not stopped attacking",
  "wasted no time and killed") or of a denial ("never denied it was behind") denies
  nothing.
"""

from __future__ import annotations

import itertools

import pytest

from extractor.types.casualty_report import perpetrator_problem

NAMES = ["Hamas", "Boko Haram", "The Taliban", "Kessa Militia", "Al-Shabaab"]
EVENTS = ["bombing", "attack", "ambush", "raid", "siege", "assault", "rocket attack"]
TAILS = ["", " in Kaduna", ", officials said"]


def _perpetrator(name: str, sentence: str, language: str = "en") -> bool:
    return perpetrator_problem(name, sentence, language) is None


PASSIVE_RELATIVES = [
    "in which 12 people were killed",
    ", in which 12 people were killed",
    "during which 12 soldiers were killed",
    "where 12 soldiers were killed",
    "in which 12 people have been killed",
    "in which 12 people had been killed",
    "in which at least 12 people were reported killed",
    "that was said to have killed 12 people",
    "that saw 12 soldiers killed",
]
CLAIMS = ["claimed", "has claimed", "on Tuesday claimed", "said it was behind"]


@pytest.mark.parametrize(
    ("name", "claim", "event", "relative", "tail"),
    list(itertools.product(NAMES, CLAIMS, EVENTS, PASSIVE_RELATIVES, TAILS[:2])),
)
def test_a_claim_of_an_event_with_a_passive_relative_clause_claims_it(
    name: str, claim: str, event: str, relative: str, tail: str
) -> None:
    sep = "" if relative.startswith(",") else " "
    sentence = f"{name} {claim} the {event}{sep}{relative}{tail}."
    assert _perpetrator(name, sentence), sentence


@pytest.mark.parametrize(
    ("name", "event"), list(itertools.product(NAMES, ["bombing", "attack", "siege"]))
)
def test_a_relative_clause_followed_by_the_main_verb_still_reports(name: str, event: str) -> None:
    for sentence in (
        f"{name} claimed the {event} in which 12 people were killed was staged.",
        f"{name} claimed the {event} that killed 12 people was an accident.",
        f"{name} claimed the {event} in which 12 people died had been planned by the army.",
    ):
        assert not _perpetrator(name, sentence), sentence


ADDING = {
    "en": (
        ["Hamas", "Boko Haram", "Kessa Militia"],
        [
            "{G} did not just kill 12 soldiers; it also burned the village.",
            "{G} not just carried out the bombing that killed 12 people.",
            "{G} not merely claimed the bombing that killed 12 people.",
            "{G} didn't just kill 12 soldiers.",
            "{G} was not only behind the bombing that killed 12 people.",
        ],
    ),
    "es": (
        ["Hamás", "Boko Haram", "la Milicia Kessa"],
        [
            "{G} no solo mató a 12 soldados.",
            "{G} no sólo mató a 12 soldados.",
            "{G} no solamente mató a 12 soldados.",
            "{G} no solo estaba detrás del atentado que mató a 12 personas.",
            "{G} no sólo reivindicó el atentado que mató a 12 personas.",
        ],
    ),
    "fr": (
        ["Hamas", "Boko Haram", "la milice Kessa"],
        [
            "{G} n'a pas seulement tué 12 soldats.",
            "{G} n'a pas uniquement tué 12 soldats, il a aussi brûlé le village.",
        ],
    ),
}


@pytest.mark.parametrize(
    ("language", "name", "template"),
    [(lang, n, t) for lang, (ns, ts) in ADDING.items() for n in ns for t in ts],
)
def test_not_only_adds_to_the_deed(language: str, name: str, template: str) -> None:
    sentence = template.format(G=name[0].upper() + name[1:])
    assert _perpetrator(name[0].upper() + name[1:], sentence, language), sentence


DENIALS = {
    "en": (
        ["Hamas", "Boko Haram", "The Taliban", "Kessa Militia"],
        [
            "{G} was not responsible for the {e} that killed 12 people.",
            "{G} is not responsible for the {e} that killed 12 people.",
            "{G} was not involved in the {e} that killed 12 people.",
            "{G} was never directly involved in the {e} that killed 12 people.",
            "{G} had nothing to do with the {e} that killed 12 people.",
            "{G} is not believed to be behind the {e} that killed 12 people.",
            "{G} says it was not responsible for the {e} that killed 12 people.",
        ],
    ),
    "es": (
        ["Hamás", "Boko Haram", "La Milicia Kessa"],
        [
            "{G} no fue responsable del atentado que mató a 12 personas.",
            "{G} no tuvo nada que ver con el atentado que mató a 12 personas.",
            "{G} no estuvo implicado en el atentado que mató a 12 personas.",
            "{G} dijo que no era responsable del atentado que mató a 12 personas.",
        ],
    ),
    "fr": (
        ["Hamas", "Boko Haram", "La milice Kessa"],
        [
            "{G} n'est pour rien dans l'attentat qui a tué 12 personnes.",
            "{G} n'est pas responsable de l'attentat qui a tué 12 personnes.",
            "{G} n'a rien à voir avec l'attentat qui a tué 12 personnes.",
            "{G} n'était pas impliqué dans l'attentat qui a tué 12 personnes.",
        ],
    ),
    "de": (
        ["Die Hamas", "Boko Haram", "Die Kessa-Miliz"],
        [
            "{G} war nicht verantwortlich für den Anschlag, bei dem zwölf Menschen starben.",
            "{G} hat nichts mit dem Anschlag zu tun, bei dem zwölf Menschen starben.",
            "{G} war nicht an dem Anschlag beteiligt, bei dem zwölf Menschen starben.",
        ],
    ),
    "ru": (
        ["ХАМАС", "Боко Харам", "Милиция Кесса"],
        [
            "{G} не причастен к теракту, в котором погибли 12 человек.",
            "{G} не несёт ответственности за теракт, в котором погибли 12 человек.",
            "{G} не имеет отношения к теракту, в котором погибли 12 человек.",
        ],
    ),
}


@pytest.mark.parametrize(
    ("language", "name", "template", "event"),
    [
        (lang, n, t, e)
        for lang, (ns, ts) in DENIALS.items()
        for n in ns
        for t in ts
        for e in (["bombing", "attack", "ambush", "raid"] if lang == "en" else [""])
    ],
)
def test_a_denial_of_responsibility_is_no_perpetrator(
    language: str, name: str, template: str, event: str
) -> None:
    sentence = template.format(G=name, e=event)
    assert not _perpetrator(name, sentence, language), sentence


NOT_DENIALS = [
    "{G} never denied it was behind the {e} that killed 12 people.",
    "{G} did not deny carrying out the {e} that killed 12 people.",
    "{G} has not stopped attacking; it killed 12 people in the {e}.",
    "{G} did not hesitate to kill 12 villagers in the {e}.",
    "{G} wasted no time and killed 12 villagers in the {e}.",
]


@pytest.mark.parametrize(
    ("name", "template", "event"),
    list(itertools.product(NAMES, NOT_DENIALS, ["bombing", "attack", "raid"])),
)
def test_a_negation_of_another_verb_denies_nothing(name: str, template: str, event: str) -> None:
    sentence = template.format(G=name, e=event)
    assert _perpetrator(name, sentence), sentence


STILL_DENIALS = {
    "en": ["{G} did not kill 12 villagers.", "{G} did not directly kill 12 villagers.",
           "{G} has never killed civilians.", "{G} said it did not kill 12 villagers.",
           "{G} didn't carry out the bombing that killed 12 people.",
           "{G} denied it killed 12 villagers."],
    "es": ["{G} no mató a 12 soldados.", "{G} nunca ha matado a civiles.",
           "{G} no ha matado a 12 soldados."],
    "fr": ["{G} n'a pas tué 12 soldats.", "{G} ne les a jamais tués."],
    "de": ["{G} hat die zwölf Soldaten nicht getötet."],
    "ru": ["{G} не убивал 12 солдат.", "{G} никогда не убивал мирных жителей."],
}  # fmt: skip


@pytest.mark.parametrize(
    ("language", "name", "template"),
    [(lang, n, t) for lang, ts in STILL_DENIALS.items() for n in ("Hamas", "Kessa") for t in ts],
)
def test_a_negated_deed_still_denies(language: str, name: str, template: str) -> None:
    sentence = template.format(G=name)
    assert not _perpetrator(name, sentence, language), sentence


def test_negations_and_relatives_read_in_linear_time() -> None:
    import time

    def run(n: int) -> float:
        text = "Hamas " + " ".join(
            ["never denied it did not hesitate to claim the bombing in which 12 were killed"] * n
        )
        start = time.perf_counter()
        perpetrator_problem("Hamas", text)
        return time.perf_counter() - start

    run(50)
    small, large = min(run(200) for _ in range(3)), min(run(800) for _ in range(3))
    assert large < max(8 * small, 0.05), (small, large)


@pytest.mark.parametrize(
    ("name", "adverb", "blame", "event"),
    list(
        itertools.product(
            NAMES[:3],
            ["wrongly", "falsely", "mistakenly"],
            ["blamed for", "accused of"],
            ["bombing", "attack", "raid"],
        )
    ),
)
def test_a_blame_called_false_is_no_perpetrator(
    name: str, adverb: str, blame: str, event: str
) -> None:
    sentence = f"{name} was {adverb} {blame} the {event} that killed 12 people."
    assert not _perpetrator(name, sentence), sentence
    assert _perpetrator(name, f"{name} was {blame} the {event} that killed 12 people."), blame
