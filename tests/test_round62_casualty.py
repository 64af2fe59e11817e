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
  nothing;
- a negated denial of another's deed ("did not deny that the army killed", "no negó que el
  ejército mató", "не отрицала, что армия убила") or a negated blame ("did not blame the
  army for", "was not to blame for") names no doer;
- a negation reaches its verb over the adverbials of its clause ("did not in fact kill",
  "n'a pas à ce moment-là tué", "n'a pas été impliqué", "no en ningún momento mató");
- a relative clause on the name ("X, which was falsely accused of the 2019 bombing,
  killed 12") and "nicht nur", "nach eigenen Angaben" do not decide its deed.
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


# --- casfix4: a negated denial, a negation's adverbials, a relative clause on the name ---

NAMES_BY_LANGUAGE = {
    "en": NAMES[:4],
    "es": ["Hamas", "Boko Haram", "la milicia Kessa"],
    "fr": ["Le Hamas", "Boko Haram", "La milice Kessa"],
    "de": ["Hamas", "Boko Haram", "Die Kessa-Miliz"],
    "ru": ["ХАМАС", "Боко Харам", "Милиция Кесса"],
}
OTHERS = {
    "en": ["the army", "government troops", "Israel", "the police"],
    "es": ["el ejército", "la policía", "las tropas del gobierno"],
    "fr": ["l'armée", "la police", "les troupes gouvernementales"],
    "ru": ["армия", "полиция", "правительственные войска"],
}
#: A negated denial of another's deed, or a negated blame: the speaker is named as no doer.
ANOTHERS_DEED = {
    "en": ["{G} did not deny that {O} killed 12 people.",
           "{G} never denied that {O} killed 12 villagers.",
           "{G} has not denied that {O} carried out the {e} that killed 12.",
           "{G} did not blame {O} for the {e} that killed 12.",
           "{G} never blamed {O} for the {e} that killed 12.",
           "{G} did not blame anyone for the {e} that killed 12.",
           "{G} did not accuse {O} of killing 12 villagers.",
           "{G} never accused {O} of the {e} that killed 12.",
           "{G} was not to blame for the {e} that killed 12."],
    "es": ["{G} no negó que {O} mató a 12 personas.",
           "{G} nunca negó que {O} matara a 12 soldados.",
           "{G} no culpó a {O} del atentado que mató a 12 personas.",
           "{G} no acusó a {O} de matar a 12 personas."],
    "fr": ["{G} n'a pas nié que {O} a tué 12 personnes.",
           "{G} n'a jamais nié que {O} avait tué 12 soldats.",
           "{G} n'a pas accusé {O} d'avoir tué 12 personnes."],
    "ru": ["{G} не отрицала, что {O} убила 12 человек.",
           "{G} никогда не отрицала, что {O} убили 12 солдат.",
           "{G} не обвиняла {O} в убийстве 12 человек."],
}  # fmt: skip
#: A negated denial of its own deed: the deed stays.
OWN_DEED = {
    "en": ["{G} never denied it was behind the {e} that killed 12.",
           "{G} did not deny that it killed 12 soldiers.",
           "{G} has not denied that its fighters killed 12 soldiers.",
           "{G} did not deny carrying out the {e} that killed 12."],
    "es": ["{G} nunca negó haber matado a 12 soldados.",
           "{G} no negó que mató a 12 soldados."],
    "fr": ["{G} n'a jamais nié avoir tué 12 soldats.",
           "{G} n'a pas nié qu'il avait tué 12 soldats."],
    "ru": ["{G} никогда не отрицала, что убила 12 солдат."],
}  # fmt: skip


def _cases(table: dict[str, list[str]], others: bool = True) -> list[tuple[str, str, str]]:
    out = []
    for language, templates in table.items():
        for template, name in itertools.product(templates, NAMES_BY_LANGUAGE[language]):
            for other in OTHERS[language][:2] if others and "{O}" in template else [""]:
                for event in ["bombing", "attack"] if "{e}" in template else [""]:
                    sentence = template.format(G=name, O=other, e=event)
                    out.append((language, name, sentence[0].upper() + sentence[1:]))
    return out


@pytest.mark.parametrize(("language", "name", "sentence"), _cases(ANOTHERS_DEED))
def test_a_negated_denial_of_anothers_deed_names_no_doer(
    language: str, name: str, sentence: str
) -> None:
    assert not _perpetrator(name, sentence, language), sentence


@pytest.mark.parametrize(("language", "name", "sentence"), _cases(OWN_DEED, others=False))
def test_a_negated_denial_of_its_own_deed_keeps_it(language: str, name: str, sentence: str) -> None:
    assert _perpetrator(name, sentence, language), sentence


#: Adverbials of the negated verb's own clause between the negation and the verb.
GAP_ADVERBIALS = {
    "en": (["in fact", "at any point", "on Monday", "at all", "this time", "so far",
            "in any way", "ever again", "as alleged", "after all", "on that day"],
           ["{G} did not {a} kill the 12 soldiers.", "{G} has not {a} killed anyone in Kaduna.",
            "{G} never {a} killed the 12 villagers."]),
    "fr": (["non plus", "du tout", "lui-même", "en aucun cas", "à ce moment-là", "jamais"],
           ["{G} n'a pas {a} tué les 12 soldats."]),
    "es": (["en ningún momento", "en realidad", "tampoco", "nunca jamás"],
           ["{G} no {a} mató a los 12 soldados."]),
}  # fmt: skip
#: Negations that reach their verb in other ways: "été", "стала", a leading "tampoco".
OTHER_NEGATIONS = {
    "fr": ["{G} n'a pas été impliqué dans l'attaque qui a tué 12 personnes.",
           "{G} n'a jamais été impliqué dans l'attaque qui a tué 12 personnes.",
           "{G} n'a pas été responsable de l'attaque qui a tué 12 personnes.",
           "{G} n'a pas été mêlé à l'attaque qui a tué 12 personnes.",
           "{G} n'y est pour rien."],
    "es": ["{G} tampoco mató a los 12 soldados.",
           "{G} no participó en el ataque que mató a 12 personas.",
           "No fue {G} quien mató a los 12 soldados."],
    "ru": ["{G} не стала убивать 12 заложников."],
    "de": ["{G} war an dem Angriff nicht beteiligt, bei dem 12 Menschen getötet wurden."],
    "en": ["{G} was not at all involved in the {e} that killed 12.",
           "{G} is in no way responsible for the {e} that killed 12.",
           "{G} has never been involved in the {e} that killed 12.",
           "{G} could not be blamed for the {e} that killed 12.",
           "{G} was cleared of the {e} that killed 12.",
           "{G} was unfairly blamed for the {e} that killed 12.",
           "{G}, which denied any role in the {e} that killed 12, said it would fight on.",
           "{G}, which was blamed for the {e}, denied it killed 12 people."],
}  # fmt: skip


@pytest.mark.parametrize(
    ("language", "name", "sentence"),
    [
        (language, name, template.format(G=name, a=adverbial))
        for language, (adverbials, templates) in GAP_ADVERBIALS.items()
        for adverbial, template in itertools.product(adverbials, templates)
        for name in NAMES_BY_LANGUAGE[language]
    ]
    + _cases(OTHER_NEGATIONS, others=False),
)
def test_a_negation_reaches_its_verb_over_its_clauses_adverbials(
    language: str, name: str, sentence: str
) -> None:
    assert not _perpetrator(name, sentence, language), sentence


#: The negation still governs another verb, or adds: the deed stays.
STILL_DEEDS = {
    "en": ["{G} did not hesitate to kill 12 villagers.",
           "{G} did not stop at killing 12 soldiers.",
           "{G} did not spare anyone and killed 12 villagers.",
           "{G} did not warn anyone before it killed 12 villagers.",
           "{G} did not say why it killed 12 soldiers.",
           "{G} did not only kill 12 soldiers.",
           "{G} did not in fact hesitate to kill 12 villagers.",
           "{G} did not on Monday hesitate to kill 12 soldiers.",
           "{G} did not at first hesitate to kill 12 soldiers.",
           "{G} was not in Kaduna when it killed 12 soldiers.",
           "{G}, which killed 12 soldiers on Monday, said it would fight on.",
           "{G}, whose fighters killed 12 soldiers, said it would fight on.",
           "{G}, which has not been sanctioned, killed 12 people.",
           "{G}, which had never attacked the city before, killed 12 people on Monday.",
           "{G}, which was falsely accused of the 2019 {e}, killed 12 people on Monday.",
           "{G}, which was wrongly blamed for an earlier raid, claimed the {e} that killed 12."],
    "es": ["{G} no tardó en matar a 12 rehenes.", "{G} no dudó en matar a 12 soldados.",
           "{G}, que no ha sido sancionado, mató a 12 personas."],
    "fr": ["{G} n'a pas seulement tué 12 soldats.", "{G} n'a pas hésité à tuer 12 soldats.",
           "{G} n'a pas du tout hésité à tuer 12 soldats.",
           "{G}, qui n'avait jamais frappé la ville, a revendiqué l'attentat qui a tué 12 personnes."],
    "de": ["{G} war nicht nur beteiligt, sie tötete 12 Soldaten.",
           "{G} war nicht nur für den Anschlag verantwortlich, bei dem 12 Menschen getötet wurden.",
           "{G} war nach eigenen Angaben an dem Anschlag beteiligt, bei dem 12 Menschen starben.",
           "{G} hat nach eigenen Angaben den Anschlag verübt, bei dem 12 Menschen starben.",
           "{G} steckte nach eigenen Angaben hinter dem Anschlag, bei dem 12 Menschen starben."],
    "ru": ["{G} не побоялась убить 12 солдат.", "{G} не остановилась и убила 12 солдат."],
}  # fmt: skip


@pytest.mark.parametrize(("language", "name", "sentence"), _cases(STILL_DEEDS, others=False))
def test_a_negation_of_another_clause_leaves_the_deed(
    language: str, name: str, sentence: str
) -> None:
    assert _perpetrator(name, sentence, language), sentence


def test_a_negations_adverbials_read_in_linear_time() -> None:
    import time

    def run(n: int) -> float:
        text = "Hamas did not " + " ".join(["in fact at any point on Monday"] * n) + " kill 12."
        text += " Hamas " + " ".join(["did not deny that the army did not in fact"] * n) + " kill."
        start = time.perf_counter()
        perpetrator_problem("Hamas", text)
        return time.perf_counter() - start

    run(50)
    small, large = min(run(200) for _ in range(3)), min(run(800) for _ in range(3))
    assert large < max(8 * small, 0.05), (small, large)


#: A negated verb of carrying out whose object is the event with the toll denies it.
CARRIED_OUT = {
    "en": (["did not order", "never planned", "has not staged", "did not organise",
            "did not mount", "never perpetrated", "did not commit", "had not ordered"],
           ["{G} {v} the {e} that killed 12 people.", "{G} {v} the {e} in which 12 died."]),
    "es": (["no cometió", "no perpetró", "no ordenó", "no ha cometido"],
           ["{G} {v} el atentado que mató a 12 personas."]),
    "fr": (["n'a pas commis", "n'a jamais perpétré", "n'a pas ordonné"],
           ["{G} {v} l'attentat qui a tué 12 personnes."]),
    "ru": (["не совершала", "не организовывала", "не планировала"],
           ["{G} {v} теракт, в котором погибли 12 человек."]),
}  # fmt: skip


@pytest.mark.parametrize(
    ("language", "name", "sentence"),
    [
        (language, name, template.format(G=name, v=verb, e=event))
        for language, (verbs, templates) in CARRIED_OUT.items()
        for verb, template, name in itertools.product(verbs, templates, NAMES_BY_LANGUAGE[language])
        for event in (["bombing", "attack", "raid"] if language == "en" else [""])
    ],
)
def test_a_negated_deed_of_carrying_out_the_event_denies_it(
    language: str, name: str, sentence: str
) -> None:
    assert not _perpetrator(name, sentence, language), sentence


@pytest.mark.parametrize(
    ("name", "sentence"),
    [
        (name, template.format(G=name))
        for name in NAMES[:4]
        for template in [
            "{G} ordered the bombing that killed 12 people.",
            "{G} did not commit to the truce and killed 12 soldiers.",
            "{G} did not plan to stop; it staged the attack that killed 12.",
        ]
    ],
)
def test_a_negation_of_another_object_leaves_the_deed(name: str, sentence: str) -> None:
    assert _perpetrator(name, sentence), sentence


GERMAN_NAMES = NAMES_BY_LANGUAGE["de"]


@pytest.mark.parametrize(
    ("name", "sentence"),
    [
        (name, template.format(G=name, n=negation))
        for name in GERMAN_NAMES
        for negation in ["nicht", "nie", "niemals"]
        for template in [
            "{G} tötete die zwölf Soldaten {n}.",
            "{G} tötete die Geiseln {n}, sagte die Polizei.",
            "{G} erschoss die 12 Dorfbewohner {n}.",
        ]
    ],
)
def test_a_german_negation_at_the_end_of_its_clause_denies(name: str, sentence: str) -> None:
    assert not _perpetrator(name, sentence, "de"), sentence


@pytest.mark.parametrize(
    ("name", "sentence"),
    [
        (name, template.format(G=name))
        for name in GERMAN_NAMES
        for template in [
            "{G} zögerte nicht und tötete 12 Soldaten.",
            "{G} zögerte nie, aber tötete 12 Soldaten.",
            "{G} tötete 12 Soldaten und zerstörte die Brücke nicht.",
            "{G} tötete 12 Soldaten, die nicht bewaffnet waren.",
            "{G} tötete nicht nur 12 Soldaten, sondern auch Zivilisten.",
        ]
    ],
)
def test_a_german_negation_of_another_verb_leaves_the_deed(name: str, sentence: str) -> None:
    assert _perpetrator(name, sentence, "de"), sentence
