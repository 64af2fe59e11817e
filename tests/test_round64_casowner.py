"""Round 64 (casowner): an occasion the speaker owns keeps the speaker as perpetrator, and
nouns of people are no animals.

- A relative clause's "its soldiers killed 12" on an event noun with an owner is that
  owner's (round 64 casroles), but an owner is another only when it is not the speaker:
  the same state by another of its names ("Israel" and "the Israeli operation",
  "Washington" and "the US strike", "the Kremlin" and "the Russian raid"), the same word
  ("The IDF" and "the IDF operation"), or a bare force of no state ("the army raid", "la
  operación militar") when the speaker is a state or a state's body and does not condemn
  it. A non-state speaker, another state, or a condemnation keeps the owner another's.
- Russian nouns of animals are written with their endings: a word of people that begins
  with an animal's stem ("барановичцев", "скотников", "животноводов") is no animal.

Each sentence is written for this test and generated over speakers, owners and counts, in
every language the rule claims.
"""

from __future__ import annotations

import pytest

from extractor.text.people import is_an_animal
from tests.test_round64_casroles import _cases, _check

#: (speaker, owner modifier) pairs where the owner is the speaker's own.
_OWN: dict[str, tuple[list[tuple[str, str]], list[str]]] = {
    "en": (
        [("Israel", "Israeli"), ("Jerusalem", "Israeli"), ("Israeli officials", "Israeli"),
         ("The IDF", "IDF"), ("Israel", "IDF"), ("Washington", "US"), ("The Pentagon", "US"),
         ("The White House", "US"), ("US Central Command", "US"), ("The United States", "US"),
         ("Moscow", "Russian"), ("The Kremlin", "Russian"), ("Kyiv", "Ukrainian"),
         ("Nigeria", "army"), ("Pakistan", "military"), ("The government", "army"),
         ("The Defence Ministry", "military"), ("Kenya", "police"),
         ("The interior ministry", "police")],
        [
            "{G} said the {O} raid, in which its soldiers killed {N} militants, was a success.",
            "{G} defended the {O} strike, in which its forces killed {N} fighters.",
            "{G} said the {O} operation, during which its troops killed {N} gunmen, had ended.",
        ],
    ),
    "es": (
        [("Washington", "estadounidense"), ("Israel", "israelí"), ("Moscú", "rusa"),
         ("Colombia", "militar"), ("El gobierno", "militar")],
        ["{G} defendió la operación {O}, en la que sus soldados mataron a {N} milicianos."],
    ),
    "fr": (
        [("Washington", "américain"), ("Israël", "israélien"), ("Le Mali", "militaire"),
         ("Le gouvernement", "militaire")],
        ["{G} a défendu le raid {O}, au cours duquel ses soldats ont tué {N} combattants."],
    ),
    "de": (
        [("Washington", "amerikanischen"), ("Israel", "israelischen"), ("Mali", "militärischen"),
         ("Die Regierung", "militärischen")],
        ["{G} verteidigte den {O} Einsatz, bei dem seine Soldaten {N} Kämpfer töteten."],
    ),
}  # fmt: skip

#: (speaker, owner modifier) pairs where the owner is another: a non-state speaker, another
#: state, or a state or body that condemns the raid.
_OTHERS: dict[str, tuple[list[tuple[str, str]], list[str]]] = {
    "en": (
        [("Hamas", "army"), ("Hamas", "IDF"), ("Hamas", "US"), ("Amnesty International", "army"),
         ("Iran", "US"), ("Iran", "Israeli"), ("Iran", "IDF"), ("Washington", "Russian"),
         ("Israel", "NATO"), ("Nigeria", "rebel")],
        ["{G} said the {O} raid, in which its soldiers killed {N} people, was a massacre.",
         "{G} condemned the {O} strike, in which its forces killed {N} civilians."],
    ),
    "es": (
        [("Hamás", "militar"), ("Irán", "israelí"), ("El gobierno", "militar")],
        ["{G} condenó la operación {O}, en la que sus soldados mataron a {N} civiles."],
    ),
    "fr": (
        [("Le Hamas", "militaire"), ("L'Iran", "israélien"), ("Le gouvernement", "militaire")],
        ["{G} a condamné le raid {O}, au cours duquel ses soldats ont tué {N} civils."],
    ),
    "de": (
        [("Die Hamas", "militärischen"), ("Iran", "israelischen"),
         ("Die Regierung", "militärischen")],
        ["{G} verurteilte den {O} Einsatz, bei dem seine Soldaten {N} Zivilisten töteten."],
    ),
}  # fmt: skip


def _paired(
    pairs: list[tuple[str, str]], templates: list[str], *, doer: bool
) -> list[tuple[str, str, bool]]:
    """Every template filled with every (speaker, owner) pair and count."""
    return [
        case
        for speaker, owner in pairs
        for case in _cases(templates, {"G": [speaker], "O": [owner], "N": ["12", "30"]}, "G",
                           doer=doer)
    ]  # fmt: skip


@pytest.mark.parametrize("language", sorted(_OWN))
def test_an_occasion_the_speaker_owns_keeps_the_speaker_as_perpetrator(language: str) -> None:
    pairs, templates = _OWN[language]
    _check(language, _paired(pairs, templates, doer=True))


@pytest.mark.parametrize("language", sorted(_OTHERS))
def test_an_occasion_of_another_owner_is_not_the_speakers(language: str) -> None:
    pairs, templates = _OTHERS[language]
    _check(language, _paired(pairs, templates, doer=False))


#: Russian words of people that begin with an animal's stem, and the animals' own forms.
_RU_PEOPLE = ["барановичцев", "барановичи", "скотников", "скотник", "животноводов",
              "верблюдоводы", "собаководов", "птицеводы", "свинарки", "слонимцы", "козаков",
              "ослабленных", "конюхов"]  # fmt: skip
_RU_ANIMALS = ["баран", "баранов", "скот", "скота", "скоту", "коров", "коровы", "быков",
               "овец", "овцы", "коз", "козы", "верблюдов", "лошадей", "свиней", "собак",
               "птиц", "животных", "слонов", "носорогов", "львов", "ослов", "телят",
               "ягнят", "рыбы", "лошадей", "свиней", "рыбой", "телёнок"]  # fmt: skip


@pytest.mark.parametrize("word", _RU_PEOPLE)
def test_a_russian_word_of_people_is_no_animal(word: str) -> None:
    assert not is_an_animal(word, "ru"), word


@pytest.mark.parametrize("word", _RU_ANIMALS)
def test_a_russian_animal_stays_an_animal(word: str) -> None:
    assert is_an_animal(word, "ru"), word


@pytest.mark.parametrize("word", ["Rinderzüchter", "Rinderzüchterin", "Rinderhirten"])
def test_a_german_word_of_cattle_people_is_no_animal(word: str) -> None:
    assert not is_an_animal(word, "de"), word


@pytest.mark.parametrize("word", ["Rinder", "Rindern", "Rinderherde", "Milchkühe"])
def test_german_cattle_stay_animals(word: str) -> None:
    assert is_an_animal(word, "de"), word
