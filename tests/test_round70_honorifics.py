"""Round 70: a word of office, rank, faith or address before a side's surname names no
other person, in every language the visit rules read, Russian included.

Round 69 (b9bf7a7) gave each language a table (people.HONORIFICS); a prober found
Russian without one ("Мэр Холм", "с послом Холмом" read "Мэр" as another person's given
name) and common titles missing elsewhere ("Professor", "Oberst", "Docteur", "Monseñor",
"Onorevole", "Doutor"). Sentences are built from titles x surnames x templates; the near
misses are given names before the surname, which still name another person."""

from __future__ import annotations

import itertools

import pytest

from extractor.text.people import is_an_honorific
from extractor.types.visit import _surname_names_the_side

TEMPLATES = {
    "en": ["{w} {s} met the minister in Vienna on Monday.", "In Vienna, {w} {s} praised the talks."],
    "de": ["{w} {s} traf am Montag in Wien die Ministerin.", "In Wien lobte {w} {s} die Gespräche."],
    "fr": ["{w} {s} a rencontré lundi la ministre à Vienne.", "À Vienne, {w} {s} a salué les discussions."],
    "es": ["{w} {s} se reunió el lunes con la ministra en Viena.", "En Viena, {w} {s} elogió las conversaciones."],
    "it": ["{w} {s} ha incontrato lunedì la ministra a Vienna.", "A Vienna, {w} {s} ha lodato i colloqui."],
    "pt": ["{w} {s} reuniu-se na segunda-feira com a ministra em Viena.", "Em Viena, {w} {s} elogiou as conversas."],
    "ru": ["{w} {s} в понедельник встретился с министром в Вене.", "В Вене {w} {s} похвалил переговоры."],
}  # fmt: skip
TITLES = {
    "en": ["Professor", "Prof.", "Father", "Lady", "Mufti", "Congressman", "Colonel"],
    "de": ["Professor", "Oberst", "Pfarrer", "Landrat", "Abgeordnete"],
    "fr": ["Docteur", "Professeur", "Préfet", "Député", "Patriarche"],
    "es": ["Doctor", "Coronel", "Monseñor", "Diputado", "Patriarca"],
    "it": ["Onorevole", "On.", "Dottor", "Monsignor", "Ambasciatore", "Governatore"],
    "pt": ["Doutor", "Coronel", "Deputado", "Embaixador", "Padre", "Governador"],
    "ru": ["Мэр", "Губернатор", "Посол", "Судья", "Митрополит", "Муфтий", "Господин", "Генерал"],
}
SIDES = {"ru": ["Ларс Холм", "Анна Берг"]}
GIVEN = {"en": ["Lars", "Maria"], "de": ["Lars", "Maria"], "ru": ["Ларс", "Мария"]}


def _cases(table: dict[str, list[str]]) -> list[tuple[str, str, str, str]]:
    cases = []
    for language, words in table.items():
        sides = SIDES.get(language, ["Lars Holm", "Ana Berg"])
        for word, side, template in itertools.product(words, sides, TEMPLATES[language]):
            if word == side.split()[0]:
                continue  # the side's own given name
            surname = side.split()[-1]
            cases.append((language, side, surname, template.format(w=word, s=surname)))
    return cases


@pytest.mark.parametrize(("language", "side", "surname", "text"), _cases(TITLES))
def test_a_title_before_the_surname_names_the_side(
    language: str, side: str, surname: str, text: str
) -> None:
    """With the Russian cases below, 162 of the 192 cases fail on main."""
    assert _surname_names_the_side(surname, side, text, text, language), text


@pytest.mark.parametrize(("language", "side", "surname", "text"), _cases(GIVEN))
def test_another_given_name_before_the_surname_names_another_person(
    language: str, side: str, surname: str, text: str
) -> None:
    assert not _surname_names_the_side(surname, side, text, text, language), text


@pytest.mark.parametrize(
    "word", ["послом", "мэра", "губернатору", "патриархом", "судьи", "председателем"]
)
def test_russian_titles_in_their_cases(word: str) -> None:
    assert is_an_honorific(word, "ru")
