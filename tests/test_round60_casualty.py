"""Round 60: a military verb that kills only people ("neutralize", "eliminate", "уничтожить",
"abatir", "éliminer") makes its subject the perpetrator only with people as its object;
with a thing ("a bomb", "беспилотник", "die Steuer") it says nothing of a killing, and the
speaker of "said it neutralized a bomb" is no perpetrator of a later blast."""

import itertools

import pytest

from extractor.types.casualty_report import perpetrator_problem

#: language -> (speaker, frames with {v} and {o}, verbs, people objects, thing objects,
#: a later killing that is not the speaker's)
_MILITARY = {
    "en": ("The army", ["{s} said it {v} {o}", "{s} said it had {v} {o}", "{s} {v} {o}"],
           ["neutralized", "eliminated", "neutralised"],
           ["12 militants", "the attackers", "a senior commander", "them", "two terrorists"],
           ["a bomb", "the explosive device", "a drone", "the fuel subsidy", "the threat"],
           ", but 12 people died in a second blast."),
    "fr": ("L'armée", ["{s} affirme avoir {v} {o}", "{s} a déclaré avoir {v} {o}", "{s} a {v} {o}"],
           ["neutralisé", "éliminé", "abattu"],
           ["12 terroristes", "trois assaillants", "les tireurs", "12 jihadistes"],
           ["une bombe", "un engin explosif", "un drone", "la taxe", "la menace"],
           ", mais 12 personnes sont mortes dans une seconde explosion."),
    "es": ("El ejército", ["{s} dijo haber {v} {o}", "{s} afirmó haber {v} {o}"],
           ["neutralizado", "abatido", "eliminado"],
           ["a 12 terroristas", "a tres pistoleros", "a los atacantes"],
           ["un artefacto explosivo", "un dron", "el impuesto", "la amenaza", "una bomba"],
           ", pero 12 personas murieron en otra explosión."),
    "de": ("Die Armee", ["{s} {v} {o}", "{s} hat {o} {v}"],
           ["eliminierte", "neutralisierte"],
           ["zwölf Kämpfer", "drei Terroristen", "die Attentäter"],
           ["eine Bombe", "einen Sprengsatz", "eine Drohne", "die Steuer", "die Bedrohung"],
           ", doch zwölf Menschen starben bei einer zweiten Explosion."),
    "ru": ("Армия", ["{s} заявила, что {v} {o}", "{s} сообщила, что {v} {o}", "{s} {v} {o}"],
           ["уничтожила", "ликвидировала"],
           ["12 боевиков", "трех террористов", "двух диверсантов"],
           ["склад боеприпасов", "беспилотник", "бомбу", "угрозу", "блокпост"],
           ", но 12 человек погибли при втором взрыве."),
}  # fmt: skip


def _sentences(kind: str) -> list[tuple[str, str, str]]:
    """(language, speaker, sentence) with people (``kind`` "people") or things as object."""
    out = []
    for language, (speaker, frames, verbs, people, things, later) in _MILITARY.items():
        objects = people if kind == "people" else things
        for frame, verb, object_ in itertools.product(frames, verbs, objects):
            if language == "de" and " hat " in frame:
                verb = verb.removesuffix("e")  # "hat zwölf Kämpfer eliminiert"
            sentence = frame.format(s=speaker, v=verb, o=object_) + later
            out.append((language, speaker, sentence))
    return out


@pytest.mark.parametrize("language, speaker, sentence", _sentences("things"))
def test_a_military_verb_of_a_thing_kills_no_one(language, speaker, sentence):
    assert perpetrator_problem(speaker, sentence, language) is not None, sentence


@pytest.mark.parametrize("language, speaker, sentence", _sentences("people"))
def test_a_military_verb_of_people_is_the_killing(language, speaker, sentence):
    assert perpetrator_problem(speaker, sentence, language) is None, sentence


#: A claim of something else, the attack named after a preposition of time or place that
#: starts another phrase: (language, name, sentences).
_CLAIMS_OF_ELSE = [
    ("en", "Qorvan Front", [
        f"Qorvan Front {v} {o} {p} {a} that killed 12 people."
        for v in ("took responsibility for", "claimed responsibility for", "claimed")
        for o in ("security at the stadium", "the evacuation", "victory")
        for p in ("after", "following", "during")
        for a in ("the attack", "the bombing")
    ]),
    ("fr", "Qorvan", [
        f"Le Qorvan {v} {o} {p} {a} qui a tué 12 personnes."
        for v in ("a revendiqué",)
        for o in ("la victoire", "la sécurité du stade", "l'évacuation")
        for p in ("après", "lors de")
        for a in ("l'attentat", "l'attaque")
    ]),
    ("es", "Qorvan", [
        f"El Qorvan {v} {o} {p} {a} que mató a 12 personas."
        for v in ("reivindicó", "se atribuyó")
        for o in ("la victoria", "la seguridad del estadio", "la evacuación")
        for p in ("tras", "durante", "después de")
        for a in ("el atentado", "el ataque")
    ]),
    ("ru", "Зорбаки", [
        f"Зорбаки взяли на себя ответственность за {o} {p} {a}, в котором погибли 12 человек."
        for o in ("охрану стадиона", "охрану рынка")
        for p in ("после", "во время")
        for a in ("теракта", "нападения")
    ]),
]  # fmt: skip


@pytest.mark.parametrize(
    "language, name, sentence",
    [(language, name, s) for language, name, sentences in _CLAIMS_OF_ELSE for s in sentences],
)
def test_a_claim_of_something_else_before_the_attack_is_no_claim(language, name, sentence):
    assert perpetrator_problem(name, sentence, language) is not None, sentence


_SPEECH_OF_ANOTHER = [
    f"Qorvan Front {v} {s} {d} the attack that killed 12 people."
    for v in ("claimed that", "claimed", "alleged that")
    for s in ("Zelbar", "the army", "rival militants")
    for d in ("carried out", "was behind", "were behind", "launched")
] + [
    f"Qorvan Front vowed to {k} those responsible for the attack that killed 12 people."
    for k in ("kill", "hunt down", "punish")
]


@pytest.mark.parametrize("sentence", _SPEECH_OF_ANOTHER)
def test_claiming_that_another_did_it_is_speech(sentence):
    assert perpetrator_problem("Qorvan Front", sentence, "en") is not None, sentence


_OWN_CLAIMS = [
    f"Qorvan Front {v}{t}"
    for v in (
        "claimed responsibility for the attack", "claimed the attack", "claimed the bombing",
        "claimed to have carried out the attack", "claimed to have killed 12 soldiers",
        "claimed that it carried out the attack", "claimed its fighters had killed 12 soldiers",
        "claimed killing 12 soldiers", "claimed victory after killing 12 soldiers",
        "claimed responsibility for killing 12 soldiers", "said it neutralized 12 soldiers",
    )
    for t in (" that killed 12 people.", ", a statement said.", " on Tuesday.")
]  # fmt: skip


@pytest.mark.parametrize("sentence", _OWN_CLAIMS)
def test_a_claim_of_its_own_deed_stays(sentence):
    assert perpetrator_problem("Qorvan Front", sentence, "en") is None, sentence


#: Attacks named with modifiers before their head noun ("the suicide attack", "Tuesday's car
#: bomb"): the article (or possessive) and its modifiers make one noun phrase with the noun
#: of harm, not a subject and its verb.
_MODIFIED_ATTACKS = [
    f"{m} {h}"
    for m in ("suicide", "rocket", "mortar", "knife", "market", "Tuesday", "deadly roadside")
    for h in ("attack", "bomb", "raid", "bombing")
]
_CLAIMS_OF_A_MODIFIED_ATTACK = [
    f"Qorvan Front {frame.format(a=attack)}"
    for attack in _MODIFIED_ATTACKS
    for frame in (
        "claimed the {a} that killed 12 people.",
        "claimed Tuesday's {a}, which killed 12 people.",
        "said it was behind the {a} that killed 12 people.",
        "claimed responsibility for the deadly {a} that killed 12 people.",
        "claimed the {a} on its news agency; 12 people died.",
    )
]


@pytest.mark.parametrize("sentence", _CLAIMS_OF_A_MODIFIED_ATTACK)
def test_a_claim_of_an_attack_named_with_modifiers_stays(sentence):
    assert perpetrator_problem("Qorvan Front", sentence, "en") is None, sentence


@pytest.mark.parametrize(
    "sentence",
    [f"Qorvan Front claimed the {s} {v} the market on Tuesday." for s in ("army", "rival militia")
     for v in ("attacked", "bombed", "shot at", "struck")],
)  # fmt: skip
def test_a_subject_and_its_past_verb_after_a_claim_stay_speech(sentence):
    assert perpetrator_problem("Qorvan Front", sentence, "en") is not None, sentence


#: language -> (speaker, frames with {n} a count and {o}, people nouns no list of people
#: needs to hold, things, a later killing not the speaker's). A noun of people is known by
#: its word or its form (round 61: "Zorbakis", "zorbakistes" as "Houthis", "jihadistes");
#: an unknown noun of no such form ("12 Zorbaks") counts things, as "12 howitzers" does.
_COUNTED_OBJECTS = {
    "en": ("The army", ["{s} neutralized {n} {o}", "{s} said it had eliminated {n} {o}"],
           ["12", "three", "dozens of"],
           ["bandits", "kidnappers", "Houthis", "elements", "poachers", "Zorbakis"],
           ["drones", "bombs", "rocket launchers", "boats", "depots"]),
    "fr": ("L'armée", ["{s} a neutralisé {n} {o}", "{s} affirme avoir éliminé {n} {o}"],
           ["12", "trois"], ["bandits", "ravisseurs", "braconniers", "zorbakistes"],
           ["drones", "roquettes", "véhicules", "dépôts"]),
    "es": ("El ejército", ["{s} neutralizó {n} {o}", "{s} dijo haber eliminado {n} {o}"],
           ["12", "tres"], ["bandidos", "secuestradores", "narcos", "zorbakistas"],
           ["drones", "cohetes", "lanchas", "tanques"]),
    "de": ("Die Armee", ["{s} eliminierte {n} {o}", "{s} hat {n} {o} neutralisiert"],
           ["12", "zwölf"], ["Banditen", "Entführer", "Schmuggler", "Zorbakisten"],
           ["Drohnen", "Raketen", "Fahrzeuge", "Boote"]),
    "ru": ("Армия", ["{s} уничтожила {n} {o}", "{s} заявила, что ликвидировала {n} {o}"],
           ["12", "трех"], ["бандитов", "похитителей", "контрабандистов", "зорбакистов"],
           ["беспилотников", "катеров", "складов", "танков"]),
}  # fmt: skip
_LATER = {
    "en": ", but 12 people died in a second blast.",
    "fr": ", mais 12 personnes sont mortes dans une seconde explosion.",
    "es": ", pero 12 personas murieron en otra explosión.",
    "de": ", doch zwölf Menschen starben bei einer zweiten Explosion.",
    "ru": ", но 12 человек погибли при втором взрыве.",
}


def _counted(kind: str) -> list[tuple[str, str, str]]:
    """(language, speaker, sentence) with a count of people or of things as the object."""
    out = []
    for language, (speaker, frames, counts, people, things) in _COUNTED_OBJECTS.items():
        objects = people if kind == "people" else things
        for frame, count, object_ in itertools.product(frames, counts, objects):
            sentence = frame.format(s=speaker, n=count, o=object_) + _LATER[language]
            out.append((language, speaker, sentence))
    return out


@pytest.mark.parametrize("language, speaker, sentence", _counted("people"))
def test_a_count_of_any_people_noun_is_a_killing(language, speaker, sentence):
    assert perpetrator_problem(speaker, sentence, language) is None, sentence


@pytest.mark.parametrize("language, speaker, sentence", _counted("things"))
def test_a_count_of_things_kills_no_one(language, speaker, sentence):
    assert perpetrator_problem(speaker, sentence, language) is not None, sentence
