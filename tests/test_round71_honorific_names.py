"""Round 71: a word of people.HONORIFICS that is also a given name ("Shah", "Sultan",
"Papa", "Kaiser", "Prince") reads as a title only in a title's place, opening the name;
after a title of its own it is a person's first name.

On main "Foreign Minister Shah Holm", "il ministro Papa Holm", "посол Султан Холм" were
read as a title before the surname, so the surname alone named the side Lars Holm,
though the article names another person Holm (Shah Mahmood Qureshi's "Shah", Papa
Wemba's "Papa"). Near misses: the honorific opening the name ("Shah Holm", "Papa Holm")
still names the side, as does a title alone ("Minister Holm"). Built from titles x
honorific given names x surnames x templates in en/es/fr/de/it/pt/ru; Chinese and
Japanese write no space between a title and a name, and are not read this way.
"""

from __future__ import annotations

import itertools

import pytest

from extractor.types.visit import _surname_names_the_side

#: {t}: a title of office, {w}: an honorific that is also a given name, {s}: the surname.
TEMPLATES = {
    "en": "{t} {w} {s} met the minister in Vienna on Monday.",
    "es": "El {t} {w} {s} se reunió el lunes con la ministra en Viena.",
    "fr": "Le {t} {w} {s} a rencontré lundi la ministre à Vienne.",
    "de": "Der {t} {w} {s} traf am Montag in Wien die Ministerin.",
    "it": "Il {t} {w} {s} ha incontrato lunedì la ministra a Vienna.",
    "pt": "O {t} {w} {s} reuniu-se na segunda-feira com a ministra em Viena.",
    "ru": "{t} {w} {s} в понедельник встретился с министром в Вене.",
}
TITLES = {
    "en": ["Foreign Minister", "President", "Ambassador"],
    "es": ["canciller", "presidente", "ministro"],
    "fr": ["ministre", "président", "Premier ministre"],
    "de": ["Minister", "Präsident", "Außenminister"],
    "it": ["ministro", "presidente"],
    "pt": ["ministro", "presidente"],
    "ru": ["Посол", "Мэр", "Губернатор"],
}
WORDS = {
    "en": ["Shah", "Sultan", "Dame"],
    "es": ["Papa", "Sultán"],
    "fr": ["Prince", "Sultan"],
    "de": ["Kaiser", "Sultan"],
    "it": ["Papa", "Re"],
    "pt": ["Papa", "Rei"],
    "ru": ["Султан", "Принц"],
}
SIDES = {"ru": ["Ларс Холм", "Анна Берг"]}


def _cases(with_title: bool) -> list[tuple[str, str, str, str]]:
    cases = []
    for language, template in TEMPLATES.items():
        sides = SIDES.get(language, ["Lars Holm", "Ana Berg"])
        for title, word, side in itertools.product(TITLES[language], WORDS[language], sides):
            surname = side.split()[-1]
            text = template.format(t=title, w=word, s=surname)
            if not with_title:
                text = text.replace(f"{title} ", "", 1)
                text = text[0].upper() + text[1:]
            cases.append((language, side, surname, text))
    return cases


def test_corpus_is_large_enough() -> None:
    assert len(_cases(True)) >= 60


@pytest.mark.parametrize(("language", "side", "surname", "text"), _cases(True))
def test_an_honorific_after_a_title_is_another_persons_first_name(
    language: str, side: str, surname: str, text: str
) -> None:
    """Fails on main: 82/82."""
    assert not _surname_names_the_side(surname, side, text, text, language), text


@pytest.mark.parametrize(("language", "side", "surname", "text"), _cases(False)[::3])
def test_an_honorific_opening_the_name_is_a_title(
    language: str, side: str, surname: str, text: str
) -> None:
    assert _surname_names_the_side(surname, side, text, text, language), text


@pytest.mark.parametrize(
    ("language", "text"),
    [("en", "Foreign Minister Holm met the minister."), ("it", "Il ministro Holm ha parlato."),
     ("ru", "Посол Холм встретился с министром."), ("de", "Der Minister Holm traf sie.")],
)  # fmt: skip
def test_a_title_alone_names_the_side(language: str, text: str) -> None:
    side = "Ларс Холм" if language == "ru" else "Lars Holm"
    assert _surname_names_the_side(side.split()[-1], side, text, text, language), text


# Session 48: only an honorific that is a given name may be one; any other after a title
# is part of the title, and a style of address opens a title, not a name.
from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from extractor.text.people import HONORIFICS  # noqa: E402
from extractor.types.visit import _HONORIFIC_GIVEN_NAMES  # noqa: E402

#: English honorifics that are no given name, capitalised as a title is.
RANKS = sorted(
    word.capitalize()
    for word in HONORIFICS["en"]
    if word not in _HONORIFIC_GIVEN_NAMES and word.isalpha() and len(word) > 3
)
MODIFIERS = ["Lieutenant", "Vice", "Deputy", "Acting", "Lord", "Chief", "Senior", "Reverend"]


@given(st.sampled_from(MODIFIERS), st.sampled_from(RANKS), st.sampled_from(["Holm", "Berg"]))
def test_a_compound_title_is_one_persons(modifier: str, rank: str, surname: str) -> None:
    """ "Lieutenant Colonel Holm", "Deputy Mayor Holm", "Chief Rabbi Holm": the second word
    is the title's, and the surname names the side (round 71 read it as a first name)."""
    text = f"{modifier} {rank} {surname} met the minister in Vienna on Monday."
    assert _surname_names_the_side(surname, f"Lars {surname}", text, text, "en"), text


@given(
    st.sampled_from(["His Majesty", "Her Majesty", "His Highness", "His Excellency"]),
    st.sampled_from(["Sultan", "Prince", "Shah", "King"]),
)
def test_a_style_opens_the_title(style: str, title: str) -> None:
    text = f"{style} {title} Holm met the minister in Vienna on Monday."
    assert _surname_names_the_side("Holm", "Lars Holm", text, text, "en"), text
