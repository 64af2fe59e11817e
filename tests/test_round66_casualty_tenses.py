"""Round 66: a harm verb in any tense names its doer as its subject, and its passive names
who suffered it, in every Romance language the casualty rules read.

- The compound tenses ("a tué", "ont tué", "ha ucciso", "ha matado", "tem matado", "tinha
  matado", "avait tué") read the subject as the doer, as the simple past does.
- The passive of es, it and pt ("fueron asesinados por", "han sido asesinados por",
  "sono stati uccisi da", "foram mortos por") names the harmed, as "were killed by" and
  "ont été tués par" did: the agent table held only active forms, so the subject of such
  a passive was accepted as the perpetrator.
- A speaker after a toll ("..., a indiqué le gouvernement", "indicó", "señaló") speaks
  about it; the compound French forms and these Spanish verbs were no speech.

Each sentence is written for this test and generated over names, counts and templates.
"""

from __future__ import annotations

from tests.test_round64_casroles import _cases, _check

D = {
    "fr": ["l'armée", "les rebelles", "la milice"],
    "it": ["l'esercito", "i ribelli", "la milizia"],
    "es": ["el ejército", "los rebeldes", "la milicia"],
    "pt": ["o exército", "os rebeldes", "a milícia"],
}
S = {
    "fr": ["le gouvernement", "l'ONU"],
    "it": ["il governo", "l'ONU"],
    "es": ["el gobierno", "la ONU"],
    "pt": ["o governo", "a ONU"],
}
#: (template, name key, doer): {D} a group, {S} a government or body.
TEMPLATES = {
    "fr": [
        ("{D} a tué {N} civils dans le village.", "D", True),
        ("Selon {S}, {D} ont tué {N} civils.", "D", True),
        ("{D} avait tué {N} civils.", "D", True),
        ("{D} aurait tué {N} civils, selon {S}.", "D", True),
        ("{D} a bombardé le village et a tué {N} personnes.", "D", True),
        ("{S} a accusé {D} d'avoir tué {N} civils.", "D", True),
        ("{N} civils ont été tués par {D}, a indiqué {S}.", "S", False),
        ("{N} civils ont été tués par {D}, a précisé {S}.", "S", False),
        ("{D} ont été tués par {S}.", "D", False),
        ("{S} a accusé {D} d'avoir tué {N} civils.", "S", False),
    ],
    "it": [
        ("{D} ha ucciso {N} civili nel villaggio.", "D", True),
        ("{D} hanno ucciso {N} civili.", "D", True),
        ("{D} aveva ucciso {N} civili.", "D", True),
        ("{S} ha accusato {D} di aver ucciso {N} civili.", "D", True),
        ("{D} sono stati uccisi da {S}.", "D", False),
        ("{D} è stata colpita e {N} miliziani sono stati uccisi da {S}.", "D", False),
        ("{N} civili sono stati uccisi da {D}, ha riferito {S}.", "S", False),
    ],
    "es": [
        ("{D} ha matado a {N} civiles en la aldea.", "D", True),
        ("{D} han matado a {N} civiles.", "D", True),
        ("{D} había matado a {N} civiles.", "D", True),
        ("{D} ha matado a {N} rebeldes que habían sido heridos.", "D", True),
        ("{S} acusó a {D} de haber matado a {N} civiles.", "D", True),
        ("{D} fueron asesinados por {S}.", "D", False),
        ("{D} han sido asesinados por {S}.", "D", False),
        ("{N} civiles fueron asesinados por {D}, indicó {S}.", "S", False),
        ("{N} civiles fueron asesinados por {D}, señaló {S}.", "S", False),
    ],
    "pt": [
        ("{D} matou {N} civis na aldeia.", "D", True),
        ("{D} tem matado {N} civis.", "D", True),
        ("{D} tinha matado {N} civis.", "D", True),
        ("{D} havia matado {N} civis.", "D", True),
        ("{S} acusou {D} de ter matado {N} civis.", "D", True),
        ("{D} foram mortos por {S}.", "D", False),
        ("{D} foram assassinados por {S}.", "D", False),
        ("{D} ficaram feridos no ataque de {S}.", "D", False),
    ],
}
COUNTS = ["12", "40"]


def _language_cases(language: str) -> list[tuple[str, str, bool]]:
    cases: list[tuple[str, str, bool]] = []
    for template, key, doer in TEMPLATES[language]:
        fillers = {"D": D[language], "S": S[language], "N": COUNTS}
        for name, text, is_doer in _cases([template], fillers, key, doer=doer):
            if text.lower().startswith(name.lower()):
                name = name[0].upper() + name[1:]
            cases.append((name, text[0].upper() + text[1:], is_doer))
    return cases


def test_french_tenses_and_passives() -> None:
    """Fails on main: 24/120 (the speaker after "a indiqué", "a précisé")."""
    _check("fr", _language_cases("fr"))


def test_italian_tenses_and_passives() -> None:
    """Fails on main: 24/84 (the subject of "sono stati uccisi da")."""
    _check("it", _language_cases("it"))


def test_spanish_tenses_and_passives() -> None:
    """Fails on main: 48/108 (the passive's subject, "indicó", "señaló")."""
    _check("es", _language_cases("es"))


def test_portuguese_tenses_and_passives() -> None:
    """Fails on main: 24/96 (the subject of "foram mortos por")."""
    _check("pt", _language_cases("pt"))
