"""Round 63: perpetrator roles under implicative verbs and sequenced clauses (perpetrator_problem).

A verb of ability or attempt is implicative: its negation denies the verb it governs ("did
not manage to kill" killed no one), as an affirmed verb of failure does ("failed to kill",
"a échoué à tuer", "未能杀死", "не удалось убить"); a verb of reluctance is not ("did not
hesitate to kill" killed). Round 62 let only auxiliaries stand between a negation and its
verb of harm, so every negated ability kept its subject as the perpetrator of a killing that
never happened. A verb of harm sequenced after another with no subject of its own ("vowed
revenge, then killed 12", "a juré de se venger, puis a tué", "schwor Rache; dann tötete
sie") is the first verb's subject's deed: round 62 read only the name's first clause and lost
it. Each sentence is written for this test and generated over actors, victims and counts,
in every language the rules claim.
"""

from __future__ import annotations

import itertools

import pytest

from extractor.types.casualty_report import perpetrator_problem

_COUNTS = ("12", "30")


def _sentences(templates: list[str], actors: list[str], victims: list[str]) -> list[str]:
    """Every template filled with every actor, victim and count."""
    return [
        template.format(A=actor, V=victim, N=count)
        for template, actor, victim, count in itertools.product(templates, actors, victims, _COUNTS)
    ]


def _name(sentence: str, actors: list[str]) -> str:
    """The actor as the sentence spells it."""
    return next(actor for actor in actors if actor in sentence)


_NOT_DONE: dict[str, tuple[list[str], list[str], list[str]]] = {
    "en": (
        ["The army", "Hamas", "The rebels", "Security forces"],
        ["hostages", "soldiers", "civilians"],
        [
            "{A} did not manage to kill the {N} {V}.",
            "{A} never managed to kill the {N} {V}.",
            "{A} did not succeed in killing the {N} {V}.",
            "{A} was not able to kill the {N} {V}.",
            "{A} did not dare to kill the {N} {V}.",
            "{A} did not try to kill the {N} {V}.",
            "{A} did not attempt to kill the {N} {V}.",
            "{A} failed to kill the {N} {V}.",
            "{A} was unable to kill the {N} {V}.",
            "{A} failed in its attempt to kill the {N} {V}.",
        ],
    ),
    "fr": (
        ["L'armée", "Le Hamas", "Les rebelles"],
        ["otages", "soldats", "civils"],
        [
            "{A} n'a pas pu tuer les {N} {V}.",
            "{A} n'a pas réussi à tuer les {N} {V}.",
            "{A} n'est pas parvenu à tuer les {N} {V}.",
            "{A} n'a pas osé tuer les {N} {V}.",
            "{A} n'a pas essayé de tuer les {N} {V}.",
            "{A} n'a pas tenté de tuer les {N} {V}.",
            "{A} a échoué à tuer les {N} {V}.",
            "{A} a échoué dans sa tentative de tuer les {N} {V}.",
        ],
    ),
    "es": (
        ["Los militares", "Las FARC", "Los rebeldes"],
        ["rehenes", "soldados", "civiles"],
        [
            "{A} no llegaron a matar a los {N} {V}.",
            "{A} no lograron matar a los {N} {V}.",
            "{A} no consiguieron matar a los {N} {V}.",
            "{A} no pudieron matar a los {N} {V}.",
            "{A} no se atrevieron a matar a los {N} {V}.",
            "{A} no intentaron asesinar a los {N} {V}.",
            "{A} no fueron capaces de matar a los {N} {V}.",
            "{A} fracasaron en su intento de matar a los {N} {V}.",
        ],
    ),
    "de": (
        ["Die Armee", "Die Hamas", "Die Rebellen"],
        ["Geiseln", "Soldaten", "Zivilisten"],
        [
            "{A} schaffte es nicht, die {N} {V} zu töten.",
            "{A} wagte nicht, die {N} {V} zu töten.",
            "{A} versuchte nicht, die {N} {V} zu töten.",
            "{A} scheiterte daran, die {N} {V} zu töten.",
            "{A} konnte die {N} {V} nicht töten.",
        ],
    ),
    "ru": (
        ["Боевики", "Военные", "Повстанцы"],
        ["заложников", "солдат", "мирных жителей"],
        [
            "{A} не смогли убить {N} {V}.",
            "{A} не сумели убить {N} {V}.",
            "{A} не успели убить {N} {V}.",
            "{A} не решились убить {N} {V}.",
            "{A} не пытались убить {N} {V}.",
        ],
    ),
    "zh": (["军队", "叛军"], ["人质", "士兵"], ["{A}未能杀死{N}名{V}。"]),
}

_DONE: dict[str, tuple[list[str], list[str], list[str]]] = {
    "en": (
        _NOT_DONE["en"][0],
        _NOT_DONE["en"][1],
        [
            "{A} did not hesitate to kill the {N} {V}.",
            "{A} did not fail to kill the {N} {V}.",
            "{A} killed the {N} {V}.",
            "{A} vowed revenge, then killed {N} {V}.",
            "{A} vowed revenge; then it killed {N} {V}.",
            "{A} vowed revenge, and then killed {N} {V}.",
            "{A} vowed revenge then killed {N} {V}.",
        ],
    ),
    "fr": (
        _NOT_DONE["fr"][0],
        _NOT_DONE["fr"][1],
        [
            "{A} n'a pas hésité à tuer les {N} {V}.",
            "{A} a juré de se venger, puis a tué {N} {V}.",
            "{A} a juré de se venger ; ensuite il a tué {N} {V}.",
        ],
    ),
    "es": (
        _NOT_DONE["es"][0],
        _NOT_DONE["es"][1],
        [
            "{A} no dudaron en matar a los {N} {V}.",
            "{A} juraron venganza; luego mataron a {N} {V}.",
            "{A} juraron venganza, y luego mataron a {N} {V}.",
        ],
    ),
    "de": (
        _NOT_DONE["de"][0],
        _NOT_DONE["de"][1],
        [
            "{A} zögerte nicht, die {N} {V} zu töten.",
            "{A} schwor Rache; dann tötete sie {N} {V}.",
            "{A} schwor Rache, dann tötete sie {N} {V}.",
        ],
    ),
    "ru": (
        _NOT_DONE["ru"][0],
        _NOT_DONE["ru"][1],
        [
            "{A} не побоялись убить {N} {V}.",
            "{A} поклялись отомстить, а затем убили {N} {V}.",
            "{A} поклялись отомстить, затем убили {N} {V}.",
            "{A} поклялись отомстить; потом они убили {N} {V}.",
        ],
    ),
}


def _cases(table: dict[str, tuple[list[str], list[str], list[str]]]) -> list[tuple[str, str, str]]:
    return [
        (language, _name(sentence, actors), sentence)
        for language, (actors, victims, templates) in table.items()
        for sentence in _sentences(templates, actors, victims)
    ]


@pytest.mark.parametrize(("language", "name", "sentence"), _cases(_NOT_DONE))
def test_a_negated_ability_or_a_failure_denies_the_deed(
    language: str, name: str, sentence: str
) -> None:
    assert perpetrator_problem(name, sentence, language) is not None, sentence


@pytest.mark.parametrize(("language", "name", "sentence"), _cases(_DONE))
def test_a_negated_reluctance_or_a_sequenced_deed_keeps_the_doer(
    language: str, name: str, sentence: str
) -> None:
    assert perpetrator_problem(name, sentence, language) is None, sentence


def test_another_subject_after_then_is_not_the_name() -> None:
    """A verb of harm after "then" with a subject of its own is that subject's deed."""
    for sentence in (
        "Hamas vowed revenge, then the army killed 12 soldiers.",
        "Hamas vowed revenge; then police killed 12 soldiers.",
    ):
        assert perpetrator_problem("Hamas", sentence, "en") is not None, sentence


#: The speaker's own fighters do the harm in a relative clause of the event's occasion: the
#: speaker is the perpetrator, whatever it called the raid.
_OWN_RELATIVE: dict[str, tuple[list[str], list[str], list[str]]] = {
    "en": (
        ["The army", "Hamas", "The rebels"],
        ["soldiers", "militants", "guards"],
        [
            "{A} described the raid, in which its fighters killed {N} {V}, as a success.",
            "{A} called the ambush, during which its fighters killed {N} {V}, a victory.",
        ],
    ),
    "es": (
        ["El ejército", "Las FARC"],
        ["guerrilleros", "soldados"],
        ["{A} calificó de éxito la operación, en la que sus soldados mataron a {N} {V}."],
    ),
    "fr": (
        ["L'armée", "Le Hamas"],
        ["combattants", "soldats"],
        ["{A} a qualifié de succès le raid, au cours duquel ses soldats ont tué {N} {V}."],
    ),
    "de": (
        ["Die Armee", "Die Hamas"],
        ["Kämpfer", "Soldaten"],
        ["{A} bezeichnete den Angriff, bei dem ihre Soldaten {N} {V} töteten, als Erfolg."],
    ),
}


@pytest.mark.parametrize(("language", "name", "sentence"), _cases(_OWN_RELATIVE))
def test_its_own_fighters_in_a_relative_clause_keep_the_speaker(
    language: str, name: str, sentence: str
) -> None:
    assert perpetrator_problem(name, sentence, language) is None, sentence


def test_another_subject_in_the_relative_clause_leaves_a_speaker() -> None:
    for sentence in (
        "The army described the raid, in which gunmen killed 12 soldiers, as a crime.",
        "The army called the raid, in which its soldiers were killed, a crime.",
    ):
        assert perpetrator_problem("The army", sentence, "en") is not None, sentence


#: Words that bound a count before the harmed: of the count, not a preposition ("at",
#: "between") nor words that push the harmed out of the verb's reach.
_QUALIFIED: dict[str, tuple[list[str], list[str]]] = {
    "en": (
        ["Hamas", "Hezbollah", "ISIS"],
        [
            "Troops killed at least {N} {G} fighters.",
            "Troops killed as many as {N} {G} fighters.",
            "Troops killed more than {N} {G} fighters.",
            "Troops killed between 10 and {N} members of {G}.",
        ],
    ),
    "es": (
        ["las FARC", "el ELN"],
        [
            "Las tropas mataron a al menos {N} miembros de {G}.",
            "Las tropas mataron a más de {N} miembros de {G}.",
            "Las tropas mataron a cerca de {N} miembros de {G}.",
        ],
    ),
    "fr": (
        ["Hamas", "Hezbollah"],
        [
            "L'armée a tué entre 10 et {N} combattants du {G}.",
            "L'armée a tué au moins {N} combattants du {G}.",
        ],
    ),
    "de": (
        ["Hamas", "Hisbollah"],
        [
            "Die Armee tötete zwischen 10 und {N} Kämpfer der {G}.",
            "Die Armee tötete mindestens {N} Kämpfer der {G}.",
        ],
    ),
    "ru": (["ХАМАС", "ИГИЛ"], ["Армия убила не менее {N} боевиков {G}."]),
}


@pytest.mark.parametrize(
    ("language", "name", "sentence"),
    [
        (language, group, template.format(G=group, N=count))
        for language, (groups, templates) in _QUALIFIED.items()
        for group, template, count in itertools.product(groups, templates, _COUNTS)
    ],
)
def test_a_group_after_a_qualified_count_is_harmed(language: str, name: str, sentence: str) -> None:
    assert perpetrator_problem(name, sentence, language) is not None, sentence


# Round 63, second pass: the sequencer, the relative clause of occasion and the verbs of
# failure read a deed as the name's that another subject did, and lost one the name did.

#: A verb sequenced after a reported clause ("said troops stormed the camp, then killed")
#: or after another subject ("then troops killed", "luego mataron los paramilitares a",
#: "dann töteten die Rebellen", "а затем убили военные") continues that subject's clause;
#: "then" inside a clause of another subject ("after troops later killed") is its own.
_NOT_THE_NAMES: dict[str, tuple[list[str], list[str], list[str]]] = {
    "en": (
        ["The army", "Hamas", "The police"],
        ["people", "villagers"],
        [
            "{A} said troops stormed the camp, then killed {N} {V}.",
            "{A} said gunmen surrounded the village; then they killed {N} {V}.",
            "{A} accused troops of storming the camp, then killing {N} {V}.",
            "{A} said that rebels stormed the camp, then killed {N} {V}.",
            "{A} vowed revenge, then troops killed {N} {V}.",
            "{A} vowed revenge, and then militants killed {N} {V}.",
            "{A} called for calm; then soldiers killed {N} {V}.",
            "{A} vowed revenge after troops later killed {N} {V}.",
            "{A} called for calm after troops then killed {N} {V}.",
            "{A} vowed revenge because militants then killed {N} {V}.",
        ],
    ),
    "es": (
        ["El ejército", "La policía"],
        ["personas", "aldeanos"],
        [
            "{A} dijo que los paramilitares rodearon el pueblo; luego mataron a {N} {V}.",
            "{A} dijo que los rebeldes rodearon el pueblo, luego mataron a {N} {V}.",
            "{A} juró venganza; luego mataron los paramilitares a {N} {V}.",
            "{A} juró venganza, y luego mataron los rebeldes a {N} {V}.",
            "{A} juró venganza; luego mataron los paramilitares armados a {N} {V}.",
        ],
    ),
    "fr": (
        ["L'armée", "La police"],
        ["personnes", "villageois"],
        [
            "{A} a dit que les rebelles ont encerclé le village, puis ont tué {N} {V}.",
            "{A} a affirmé que les rebelles ont encerclé le village ; ensuite ils ont tué {N} {V}.",
        ],
    ),
    "de": (
        ["Die Armee", "Die Polizei"],
        ["Menschen", "Dorfbewohner"],
        [
            "{A} schwor Rache; dann töteten die Rebellen {N} {V}.",
            "{A} schwor Rache, danach töteten die Milizen {N} {V}.",
        ],
    ),
    "ru": (
        ["Армия", "Полиция"],
        ["человек", "жителей"],
        [
            "{A} поклялась отомстить, а затем убили военные {N} {V}.",
            "{A} поклялась отомстить, затем убили боевики {N} {V}.",
        ],
    ),
}


@pytest.mark.parametrize(("language", "name", "sentence"), _cases(_NOT_THE_NAMES))
def test_a_sequenced_deed_of_another_subject_is_not_the_names(
    language: str, name: str, sentence: str
) -> None:
    assert perpetrator_problem(name, sentence, language) is not None, sentence


#: The relative's "its" / "they" is the nearest owner's of the noun it hangs on: a
#: possessor, a "by X" agent, a state's adjective. Only a noun with no owner lends it to
#: the speaker (:data:`_OWN_RELATIVE`).
_OWNED_RELATIVE: tuple[list[str], list[str], list[str]] = (
    ["Hamas", "The rebels", "The ministry"],
    ["people", "civilians"],
    [
        "{A} condemned the army's raid, in which its soldiers killed {N} {V}.",
        "{A} said Israel's raid on Jenin, in which its soldiers killed {N} {V}, was a massacre.",
        "{A} condemned the raid by Israeli troops, in which they killed {N} {V}.",
        "{A} condemned the Russian strike, in which its drones killed {N} {V}.",
        "{A} condemned the raid of the police, in which its officers killed {N} {V}.",
    ],
)


@pytest.mark.parametrize(("language", "name", "sentence"), _cases({"en": _OWNED_RELATIVE}))
def test_a_relative_of_an_owned_event_is_its_owners(
    language: str, name: str, sentence: str
) -> None:
    assert perpetrator_problem(name, sentence, language) is not None, sentence


#: A failure or thwarted verb of another subject (a relative clause on the name, with its
#: own subject), an affirmed ability, or a Chinese word of failure of another verb, deny
#: nothing of the name's main verb of harm.
_KEPT: dict[str, tuple[list[str], list[str], list[str]]] = {
    "en": (
        ["The rebels", "The gunmen"],
        ["people", "villagers"],
        [
            "{A} police were unable to kill killed {N} {V}.",
            "{A} that police failed to stop killed {N} {V}.",
            "{A} whom soldiers could not kill killed {N} {V}.",
        ],
    ),
    "es": (
        ["Los rebeldes", "Los sicarios"],
        ["personas", "aldeanos"],
        [
            "{A} que la policía no logró abatir mataron a {N} {V}.",
            "{A}, a los que la policía no pudo neutralizar, mataron a {N} {V}.",
            "{A} que el ejército fue incapaz de matar mataron a {N} {V}.",
        ],
    ),
    "fr": (
        ["Les rebelles", "Les djihadistes"],
        ["personnes", "villageois"],
        [
            "{A} que la police n'a pas réussi à abattre ont tué {N} {V}.",
            "{A} que l'armée n'a pas pu neutraliser ont tué {N} {V}.",
        ],
    ),
    "de": (
        ["Die Armee", "Die Miliz"],
        ["Kämpfer", "Dorfbewohner"],
        [
            "{A} war in der Lage, {N} {V} zu töten.",
            "{A} waren in der Lage, {N} {V} zu töten.",
        ],
    ),
    "zh": (
        ["武装分子", "叛军"],
        ["村民", "士兵"],
        [
            "{A}在警方未能及时赶到的情况下杀死了{N}名{V}。",
            "{A}在无人机无法到达的山区杀死了{N}名{V}。",
            "{A}在未遂政变后杀死了{N}名{V}。",
        ],
    ),
}


@pytest.mark.parametrize(("language", "name", "sentence"), _cases(_KEPT))
def test_another_subjects_failure_keeps_the_doer(language: str, name: str, sentence: str) -> None:
    assert perpetrator_problem(name, sentence, language) is None, sentence


def test_the_names_own_failure_and_its_own_sequel_still_read() -> None:
    """The bounds above leave the name's own failure and its own sequel as they were."""
    for name, sentence, language in (
        ("The army", "The army on Monday failed to kill the hostages.", "en"),
        ("Los rebeldes", "Los rebeldes no lograron matar a los rehenes.", "es"),
        ("Die Armee", "Die Armee war nicht in der Lage, die Geiseln zu töten.", "de"),
        ("军队", "军队未能成功杀死人质。", "zh"),
    ):
        assert perpetrator_problem(name, sentence, language) is not None, sentence
    for name, sentence, language in (
        ("Hamas", "Hamas vowed revenge, then its fighters killed 12 soldiers.", "en"),
        ("Hamas", "Hamas vowed revenge and later killed 12 soldiers.", "en"),
        ("Hamas", "Hamas vowed that it would retaliate and killed 12 soldiers.", "en"),
        ("Hamas", "Hamas announced a ceasefire, then killed 12 soldiers.", "en"),
        ("El ejército", "El ejército juró que se vengaría y mató a 12 guerrilleros.", "es"),
        ("El ejército", "El ejército juró venganza; luego atacaron la base y mataron a 12.", "es"),
        ("El ejército", "El ejército juró venganza; luego mataron sus soldados a 12.", "es"),
        ("Die Armee", "Die Armee schwor Rache; dann tötete sie zwölf Kämpfer.", "de"),
        ("El ejército", "El ejército juró venganza; luego mataron a 12 guerrilleros.", "es"),
    ):
        assert perpetrator_problem(name, sentence, language) is None, sentence
