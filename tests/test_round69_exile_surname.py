"""Round 69: a word of office, faith, dignity or address before a side's surname names no
other bearer of it. Round 68 read any capitalised word missing from the title list as a
given name, so "Mayor Holm", "Rabbi Holm", "Scheich Holm", "Sa Majesté Holm", "Mandatario
Holm", "Premiê Holm" named someone else and the side was lost. The corpus is built here:
sides x honorifics x languages x templates; the near misses keep a real given name before
the surname, alone or after the honorific. Fails on main: 344/352; the near misses pass on both."""

from __future__ import annotations

import itertools

from extractor.types.visit import _surname_names_the_side
from tests.test_round68_adjsurname_surname import TEMPLATES

SIDES = ["Lars Holm", "Ana Berg", "Mira Sato", "Piet Kowal"]
HONORIFICS = {
    "en": ["Mme", "Judge", "Pope", "Cardinal", "Rabbi", "Imam", "Mayor", "Chairman", "Comrade",
           "Marshal", "Bishop", "Ayatollah", "Reverend", "Commissioner"],
    "de": ["Scheich", "Bürgermeister", "Kardinal", "Rabbiner", "Genossin", "Richterin"],
    "fr": ["Sa Majesté", "Maire", "Juge", "Rabbin", "Camarade", "Maréchal"],
    "es": ["Mandatario", "Alcalde", "Jueza", "Cardenal", "Camarada", "Jeque"],
    "it": ["Sindaco", "Giudice", "Cardinale", "Sceicco", "Maresciallo", "Rabbino"],
    "pt": ["Premiê", "Prefeito", "Juíza", "Cardeal", "Xeque", "Marechal"],
}  # fmt: skip
OTHERS = ["Erik", "Lee", "Anna", "Jin", "Duke", "Justice"]


def _misread(words: dict[str, list[str]], expected: bool) -> list[str]:
    wrong = []
    for language, templates in TEMPLATES.items():
        for side, word, template in itertools.product(SIDES, words[language], templates):
            surname = side.split()[-1]
            sentence = template.format(w=word, s=surname)
            if _surname_names_the_side(surname, side, sentence, sentence, language) is not expected:
                wrong.append(sentence)
    return wrong


def test_an_honorific_before_the_surname_names_no_other_person() -> None:
    misread = _misread(HONORIFICS, True)
    assert misread == [], (len(misread), misread[:10])


def test_another_given_name_stays_another_person() -> None:
    # near misses: a given name alone, or after an honorific ("Mayor Erik Holm")
    words = {
        language: OTHERS
        + [f"{h} {o}" for h, o in itertools.product(HONORIFICS[language][:2], OTHERS)]
        for language in TEMPLATES
    }
    misread = _misread(words, False)
    assert misread == [], (len(misread), misread[:10])
