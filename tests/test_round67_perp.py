"""Round 67: a perpetrator is an actor, never the means of its harm.

ACLED's actor1 and UCDP's side are a state, an armed group or a person; the bomb, the
drone or the artillery fire that killed is how they did it. A draft that names the
means ("A car bomb killed 14 civilians" -> perpetrator "car bomb") keeps no perpetrator.
Only the name's head decides: an actor named with a weapon word ("the drone unit of the
3rd Brigade", "Hamas's rocket squad", "Drohneneinheit", "la unidad de drones") is still
the one the evidence names as the doer. The corpora are built from parts: means x
sentence frames x languages, and actors with weapon words x the same frames.
"""

from __future__ import annotations

import pytest

from tests.roles_support import run

PLACE = {
    "en": "Kenya",
    "es": "Kenia",
    "fr": "au Kenya",
    "de": "Kenia",
    "ru": "Кении",
    "zh": "肯尼亚",
    "pt": "no Quênia",
    "it": "in Kenya",
    "ar": "كينيا",
    "ja": "ケニア",
}
#: Per language, frames with {N} the perpetrator's slot (sentence-initial) and {Y} a place.
FRAMES = {
    "en": [
        "{N} killed 14 civilians in {Y} on Monday.",
        "On Monday, {N} killed 14 soldiers in {Y}.",
        "14 civilians were killed by {N} in {Y} on Monday.",
    ],
    "es": ["{N} mató a 14 civiles en {Y} el lunes.", "El lunes, {N} mató a 14 soldados en {Y}."],
    "fr": ["{N} a tué 14 civils {Y} lundi.", "Lundi, {N} a tué 14 soldats {Y}."],
    "de": [
        "{N} tötete am Montag 14 Zivilisten in {Y}.",
        "Am Montag tötete {N} 14 Soldaten in {Y}.",
    ],
    "ru": ["{N} убил 14 мирных жителей в {Y} в понедельник."],
    "zh": ["周一，{N}在{Y}炸死14名平民。"],
    "pt": ["{N} matou 14 civis {Y} na segunda-feira."],
    "it": ["{N} ha ucciso lunedì 14 civili {Y}."],
    "ar": ["قتلت {N} 14 مدنيا في {Y} يوم الاثنين."],
    "ja": ["月曜日、{Y}で{N}が爆発し、民間人14人が死亡した。"],
}
#: Means of harm per language: (as written in the sentence, as the draft names it).
MEANS = {
    "en": [
        "A car bomb",
        "A roadside bomb",
        "A landmine",
        "A drone",
        "A missile",
        "An explosive device",
        "Artillery fire",
        "A suicide truck bomb",
        "Mortar shells",
        "A barrel bomb",
        "Rockets",
        "A grenade",
    ],
    "es": [
        "Un coche bomba",
        "Una bomba",
        "Un dron",
        "Una mina terrestre",
        "Un misil",
        "Un artefacto explosivo",
        "Un cohete",
        "Una granada",
    ],
    "fr": [
        "Une voiture piégée",
        "Une bombe",
        "Un drone",
        "Un missile",
        "Une roquette",
        "Un engin explosif",
        "Une mine",
    ],
    "de": [
        "Eine Autobombe",
        "Eine Bombe",
        "Eine Drohne",
        "Eine Landmine",
        "Eine Rakete",
        "Ein Sprengsatz",
        "Eine Granate",
    ],
    "ru": ["Заминированный автомобиль", "Бомба", "Беспилотник", "Ракета", "Снаряд"],
    "zh": ["一枚汽车炸弹", "一架无人机", "一枚导弹", "一枚地雷", "一枚炮弹"],
    "pt": ["Um carro-bomba", "Uma bomba", "Um drone", "Um míssil", "Uma mina"],
    "it": ["Un'autobomba", "Una bomba", "Un drone", "Un missile", "Un ordigno"],
    "ar": ["سيارة مفخخة", "قنبلة", "طائرة مسيرة", "صاروخ", "عبوة ناسفة"],
    "ja": ["自動車爆弾", "ドローン", "ミサイル", "地雷"],
}
#: Actors named with a weapon word: the head is the actor, the rule must keep them.
ACTORS = {
    "en": ["The drone unit of the 3rd Brigade", "Hamas's rocket squad",
           "The Rocket Forces", "A missile brigade", "The Bomb Squad Militia"],
    "es": ["La unidad de drones de la 3.ª Brigada", "El escuadrón de cohetes de Hamás"],
    "fr": ["L'unité de drones de la 3e brigade", "La brigade de missiles"],
    "de": ["Die Drohneneinheit der Nordbrigade", "Die Raketenbrigade"],
    "ru": ["Ракетные войска", "Бригада беспилотников"],
    "zh": ["无人机部队", "导弹旅"],
    "pt": ["A unidade de drones da 3ª Brigada"],
    "it": ["L'unità droni della 3ª Brigata"],
    "ar": ["وحدة الطائرات المسيرة"],
    "ja": ["ドローン部隊"],
}  # fmt: skip
_ARTICLES = (
    "A ",
    "An ",
    "Un ",
    "Una ",
    "Une ",
    "Eine ",
    "Ein ",
    "Um ",
    "Uma ",
    "Un'",
    "一枚",
    "一架",
)


def _draft_name(written: str) -> str:
    """The name a draft gives: the sentence's phrase without its indefinite article."""
    for article in _ARTICLES:
        if written.startswith(article):
            return written[len(article) :]
    return written


def _perpetrator(text: str, name: str, victims: str = "civilians") -> str | None:
    """The perpetrator the rules keep of a draft that names ``name`` for ``text``'s toll."""
    draft = {"killed": 14, "injured": None, "qualifier": "exact", "victims": victims,
             "perpetrator": name, "country": "KEN", "place": None, "date": None,
             "scope": "event", "violence_type": None, "status": "occurred",
             "attribution": None, "evidence": [1]}  # fmt: skip
    records = run("casualty_report", text, **draft).records
    assert records, text
    return records[0].perpetrator.name if records[0].perpetrator else None


MEANS_CORPUS = [
    (
        lang,
        text
        if text.index(written) == 0
        else text.replace(written, written[0].lower() + written[1:]),
        name,
    )
    for lang, frames in FRAMES.items()
    for frame in frames
    for written in MEANS[lang]
    for text in [frame.format(N=written, Y=PLACE[lang])]
    for name in [_draft_name(written)]
]
ACTOR_CORPUS = [
    (lang, frame.format(N=written, Y=PLACE[lang]), written)
    for lang, frames in FRAMES.items()
    for frame in frames
    for written in ACTORS[lang]
]


@pytest.mark.parametrize(("language", "text", "name"), MEANS_CORPUS)
def test_a_means_of_harm_is_no_perpetrator(language: str, text: str, name: str) -> None:
    """Fails on main: 107/107 (every means kept as the perpetrator)."""
    assert _perpetrator(text, name) is None


@pytest.mark.parametrize(("language", "text", "name"), ACTOR_CORPUS)
def test_an_actor_named_with_a_weapon_word_stays(language: str, text: str, name: str) -> None:
    assert _perpetrator(text, name) is not None


@pytest.mark.parametrize(
    "text",
    [
        "Mine workers killed 14 guards in Kenya on Monday.",
        "14 civilians were killed by mine workers in Kenya on Monday, a missile defence official said.",
    ],
)
def test_people_named_with_a_weapon_word_stay(text: str) -> None:
    assert _perpetrator(text, "mine workers") is not None
