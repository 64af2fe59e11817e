"""Round 65: the state that failed to stop the harm is not its perpetrator.

UCDP and ACLED code as actor the one the text names as doing the harm, never the
government that failed to prevent, stop or protect against it: "The government failed to
prevent the militants from killing 12" is the militants' deed. A verb of prevention or
protection governing the verb of harm ("prevent X from killing", "impedir que X mataran",
"empêcher X de tuer", "verhindern, dass X töteten", "помешать X убить") keeps its subject
from the deed, whether it failed or not; the one it names as kept from it stays the doer.
A subject with a verb of its own after a coordinator ("stopped a convoy and killed 12")
and a subject named as the killer stay the doers.

Each sentence is written for this test and generated over names, counts and templates.
"""

from __future__ import annotations

from tests.test_round64_casroles import _cases, _check

_STATES = {
    "en": ["The government", "The army", "The police", "Nigeria", "The interior ministry"],
    "es": ["El gobierno", "El ejército", "La policía", "Colombia"],
    "fr": ["Le gouvernement", "L'armée", "La police", "Le Mali"],
    "de": ["Die Regierung", "Die Armee", "Die Polizei", "Mali"],
    "ru": ["Правительство", "Армия", "Полиция"],
}
_DOERS = {
    "en": ["the militants", "the rebels", "gunmen", "Boko Haram"],
    "es": ["los rebeldes", "los sicarios", "el ELN"],
    "fr": ["les rebelles", "les jihadistes", "le JNIM"],
    "de": ["die Rebellen", "die Milizen", "Al-Shabaab"],
    "ru": ["боевикам", "повстанцам"],
}
_FAILED = {
    "en": [
        "{G} failed to prevent {D} from killing {N} villagers.",
        "{G} did nothing to stop {D} from killing {N} people.",
        "{G} could not stop {D} from killing {N} civilians.",
        "{G} was unable to stop {D} from killing {N} people in the village.",
        "{G} failed to protect the {N} villagers killed by {D}.",
        "{G} was unable to protect the {N} civilians whom {D} killed.",
    ],
    "es": [
        "{G} no logró impedir que {D} mataran a {N} civiles.",
        "{G} no pudo evitar que {D} asesinaran a {N} campesinos.",
        "{G} no hizo nada para impedir que {D} mataran a {N} personas.",
    ],
    "fr": [
        "{G} n'a pas pu empêcher {D} de tuer {N} civils.",
        "{G} n'a rien fait pour empêcher {D} de tuer {N} villageois.",
        "{G} n'a pas su protéger les {N} civils tués par {D}.",
    ],
    "de": [
        "{G} konnte nicht verhindern, dass {D} {N} Zivilisten töteten.",
        "{G} hat nichts getan, um zu verhindern, dass {D} {N} Menschen töteten.",
    ],
    "ru": [
        "{G} не смогло помешать {D} убить {N} мирных жителей.",
        "{G} ничего не сделало, чтобы помешать {D} убить {N} человек.",
    ],
}
#: The state's own deed, or a state named as the killer: it stays the doer.
_OWN = {
    "en": [
        "{G} stopped a convoy and killed {N} militants.",
        "{G} killed {N} militants to prevent an attack on the city.",
        "{G} protected the town and killed {N} attackers.",
        "{G} killed {N} gunmen who tried to stop the vote.",
        "{G} rescued 30 hostages, killing {N} kidnappers.",
        "{G} stopped the convoy, then killed {N} fighters.",
        "{G} protected the convoy, killing {N} attackers.",
    ],
    "es": ["{G} mató a {N} guerrilleros para evitar un ataque."],
    "fr": ["{G} a tué {N} jihadistes pour empêcher une attaque."],
    "de": ["{G} tötete {N} Kämpfer, um einen Anschlag zu verhindern."],
    "ru": ["{G} убила {N} боевиков, чтобы предотвратить нападение."],
}
_COUNTS = ["12", "37"]


def _failed_cases(language: str, *, key: str, doer: bool) -> list[tuple[str, str, bool]]:
    fillers = {"G": _STATES[language], "D": _DOERS[language], "N": _COUNTS}
    return _cases(_FAILED[language], fillers, key, doer=doer)


def test_the_state_that_failed_to_stop_the_harm_did_not_do_it() -> None:
    for language in _FAILED:
        _check(language, _failed_cases(language, key="G", doer=False))


def test_the_one_kept_from_the_harm_stays_its_doer() -> None:
    for language in _FAILED:
        cases = [c for c in _failed_cases(language, key="D", doer=True)]
        # "the N villagers killed by D" and "whom D killed" name D as the doer too
        _check(language, cases)


def test_a_state_that_prevents_with_a_deed_of_its_own_stays_the_doer() -> None:
    for language, templates in _OWN.items():
        fillers = {"G": _STATES[language], "N": _COUNTS}
        _check(language, _cases(templates, fillers, "G", doer=True))


def _corpus_failed() -> list[tuple[str, str, str, bool]]:
    """Every generated case, for the rates of the report: (language, name, text, doer)."""
    return [
        (language, name, text, doer)
        for language in _FAILED
        for key, want in (("G", False), ("D", True))
        for name, text, doer in _failed_cases(language, key=key, doer=want)
    ]


def _corpus_own() -> list[tuple[str, str, str, bool]]:
    return [
        (language, name, text, doer)
        for language, templates in _OWN.items()
        for name, text, doer in _cases(
            templates, {"G": _STATES[language], "N": _COUNTS}, "G", doer=True
        )
    ]
