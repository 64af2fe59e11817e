"""Round 65: Portuguese and Italian perpetrators are read as Spanish and French are.

The role tables had no Portuguese or Italian words, so a speaker after the toll ("o
exército matou 12 civis, disse o governo", "l'esercito ha ucciso 12 civili, ha detto il
governo"), a government that condemns an attack told in a relative clause ("o governo
condenou o ataque em que rebeldes mataram 12"), a source ("segundo o governo", "secondo
il governo"), a passive's agent ("mortos pelos rebeldes", "uccisi dai ribelli"), a denial
("negou") and a state that failed to prevent the harm were all read as doers. The tables
now hold these languages' words, in the structure of the Spanish and French ones.

Each sentence is written for this test and generated over names, counts and templates.
"""

from __future__ import annotations

from tests.test_round64_casroles import _cases, _check

_NAMES = {
    "pt": {
        "D": ["o exército", "a polícia", "os rebeldes", "o Comando Vermelho"],
        "S": ["o governo", "o ministério", "a ONU", "o Brasil"],
    },
    "it": {
        "D": ["l'esercito", "la polizia", "i ribelli", "la milizia"],
        "S": ["il governo", "il ministero", "l'ONU", "l'Italia"],
    },
}
_COUNTS = ["12", "37"]
#: (template, name key, doer)
_TEMPLATES = {
    "pt": [
        ("{D} matou {N} civis, disse {S}.", "D", True),
        ("{D} matou {N} civis, disse {S}.", "S", False),
        ("Segundo {S}, {D} matou {N} pessoas na aldeia.", "S", False),
        ("Segundo {S}, {D} matou {N} pessoas na aldeia.", "D", True),
        ("{S} condenou o ataque em que {D} mataram {N} pessoas.", "S", False),
        ("{N} civis foram mortos por {D}, informou {S}.", "S", False),
        ("{S} negou ter matado {N} civis.", "S", False),
        ("{S} não conseguiu impedir que {D} matassem {N} civis.", "S", False),
        ("{S} não conseguiu impedir que {D} matassem {N} civis.", "D", True),
        ("{D} atacou a aldeia e matou {N} pessoas.", "D", True),
    ],
    "it": [
        ("{D} ha ucciso {N} civili, ha detto {S}.", "D", True),
        ("{D} ha ucciso {N} civili, ha detto {S}.", "S", False),
        ("Secondo {S}, {D} ha ucciso {N} persone nel villaggio.", "S", False),
        ("Secondo {S}, {D} ha ucciso {N} persone nel villaggio.", "D", True),
        ("{S} ha condannato l'attacco in cui {D} hanno ucciso {N} persone.", "S", False),
        ("{N} civili sono stati uccisi da {D}, ha riferito {S}.", "S", False),
        ("{S} ha negato di aver ucciso {N} civili.", "S", False),
        ("{S} non è riuscito a impedire che {D} uccidessero {N} civili.", "S", False),
        ("{S} non è riuscito a impedire che {D} uccidessero {N} civili.", "D", True),
        ("{D} ha attaccato il villaggio e ha ucciso {N} persone.", "D", True),
    ],
}


def _language_cases(language: str) -> list[tuple[str, str, bool]]:
    fillers = {**_NAMES[language], "N": _COUNTS}
    cases: list[tuple[str, str, bool]] = []
    for template, key, doer in _TEMPLATES[language]:
        cases += _cases([template], fillers, key, doer=doer)
    return cases


def _corpus_romance() -> list[tuple[str, str, str, bool]]:
    return [(lang, n, t, d) for lang in _TEMPLATES for n, t, d in _language_cases(lang)]


def test_portuguese_roles_are_read_as_spanish_ones() -> None:
    _check("pt", _language_cases("pt"))


def test_italian_roles_are_read_as_french_ones() -> None:
    _check("it", _language_cases("it"))
