"""Round 68: a perpetrator named with a weapon word is still an actor when its head is one.

Round 67 left empty a perpetrator whose head is a thing (the means of harm: "a car bomb",
"Autobombe", "coche bomba"). The head of a name is its first noun phrase's head: in a
Romance compound the first noun ("homem-bomba", "hombre bomba": a person), in German the
compound's last element ("Fallschirmjäger": troops), in English the last noun before a
participle, a preposition or a coordinator ("Militants driving a car", "Russian troops and
tanks"). A noun of people formed on a weapon's ("танкисты", "ракетчики", "дроноводы") is
the weapon's crew, and a name that joins an actor to a means names the actor: when in
doubt, the actor is kept. The corpora are built from parts: actors x links x weapons x
languages, and near misses that name only the means and must stay dropped.
"""

from __future__ import annotations

import itertools

import pytest

from extractor.types.casualty_report import perpetrator_problem
from tests.test_round67_perp import _perpetrator

#: Per language, a frame with {N} the doer's slot, sentence-initial.
FRAME = {
    "en": "{N} killed 14 civilians in Kenya on Monday.",
    "de": "{N} töteten am Montag 14 Zivilisten in Kenia.",
    "es": "{N} mató a 14 civiles en Kenia el lunes.",
    "fr": "{N} a tué 14 civils au Kenya lundi.",
    "pt": "{N} matou 14 civis no Quênia na segunda-feira.",
    "it": "{N} ha ucciso lunedì 14 civili in Kenya.",
    "ru": "{N} убили 14 мирных жителей в Кении в понедельник.",
    "zh": "周一，{N}在肯尼亚打死14名平民。",
    "ar": "قتل {N} 14 مدنيا في كينيا يوم الاثنين.",
}

#: Romance suicide bombers: a person named by a bomb in apposition, the person first.
_PERSONS = {
    "pt": (["homem", "mulher"], "bomba", ["Um ", "O ", ""], ["", " do Estado Islâmico"]),
    "es": (["hombre", "mujer"], "bomba", ["Un ", "El ", ""], ["", " del Estado Islámico"]),
    "fr": (["homme", "femme"], "bombe", ["Un ", "L'", ""], ["", " de l'État islamique"]),
    "it": (["uomo", "donna"], "bomba", ["Un ", "L'", ""], ["", " dello Stato islamico"]),
}
ROMANCE = [
    (lang, f"{article}{person}{join}{bomb}{tail}")
    for lang, (persons, bomb, articles, tails) in _PERSONS.items()
    for person, join, article, tail in itertools.product(persons, ["-", " "], articles, tails)
]
#: Crews: nouns of people formed on a weapon's noun, and German troops named "-jäger".
CREWS = [
    ("ru", f"{adjective}{crew}{tail}")
    for crew in ["танкисты", "ракетчики", "дронщики", "дроноводы", "гранатомётчики", "танкист"]
    for adjective in ["", "Российские ", "Украинские "]
    for tail in ["", " ВСУ", " 93-й бригады"]
] + [
    ("de", f"{before}{troops}{tail}")
    for troops in ["Fallschirmjäger", "Gebirgsjäger", "Panzerjäger", "Kampfflieger", "Anhänger"]
    for before in ["", "Die ", "Russische "]
    for tail in ["", " der Armee", " des Islamischen Staates"]
]
#: English actors with what they did it with after a participle, preposition or coordinator.
_EN_ACTORS = [
    "Militants",
    "Russian troops",
    "RSF fighters",
    "Gunmen",
    "Israeli forces",
    "Pirates",
    "The army",
    "A man",
]
_EN_LINKS = [
    "driving",
    "using",
    "firing",
    "manning",
    "carrying",
    "backed by",
    "armed with",
    "aboard",
    "and",
    ", backed by",
    "with",
    "on",
    "in",
    "supported by",
]
_EN_MEANS = ["a car", "drones", "tanks", "artillery", "a truck bomb"]
TAILS = [
    ("en", f"{actor} {link} {means}".replace(" ,", ","))
    for actor, link, means in itertools.product(_EN_ACTORS, _EN_LINKS, _EN_MEANS)
] + [
    ("de", f"{actor} {link} {means}")
    for actor in ["Kämpfer", "Russische Soldaten", "Milizionäre", "Die Armee"]
    for link in ["mit", "und", "auf", "sowie"]
    for means in ["Drohnen", "Panzern", "Booten", "Raketen"]
] + [
    ("en", f"{article}{thing} {gerund} {head}")  # a compound's head after a gerund
    for article in ["", "The "]
    for thing in ["mine", "bomb", "drone", "rocket"]
    for gerund in ["clearing", "jamming", "launching"]
    for head in ["team", "unit", "crews"]
] + [
    (lang, f"{means} {link} {actor}")  # a coordination that holds an actor names one
    for lang, means, link, actor in [
        ("en", "Tanks", "and", "troops"), ("en", "Drones", "and", "RSF fighters"),
        ("es", "Tanques", "y", "soldados"), ("fr", "Des chars", "et", "des soldats"),
        ("de", "Panzer", "und", "Soldaten"), ("ru", "Танки", "и", "пехота"),
        ("pt", "Drones", "e", "milicianos"), ("it", "Carri armati", "e", "soldati"),
    ]
]  # fmt: skip
ACTORS = ROMANCE + CREWS + TAILS

#: Near misses: names of the means alone, also with a participle, preposition or
#: coordinator, that must stay without a perpetrator.
MEANS = [
    ("en", name)
    for name in [
        "A car bomb", "roadside bomb", "Artillery fire", "The incoming rockets",
        "A Russian guided bomb", "Russian gliding bombs", "Drones and missiles",
        "Tanks, drones and artillery", "A bomb planted by militants",
        "Mortars fired by militants", "A car driven by a suicide bomber",
        "A drone launched from Crimea", "Two guided missiles", "A remotely piloted aircraft",
        "Rockets fired from Gaza", "A truck bomb, detonated by Hamas", "Landmines",
        "North Korea's destabilizing ballistic missiles", "Hamas's incoming rockets",
        "Jets flying over Gaza", "Drones attacking the convoy", "Drones carrying explosives",
        "A drone operated by the RSF", "Bombs dropped by Russian jets",
    ]
] + [
    (lang, name)
    for lang, names in {
        "de": ["Autobombe", "Eine Autobombe mit 50 Kilo Sprengstoff", "Drohnen und Raketen",
               "Eine Drohne der Armee", "Raketen auf Wohnhäuser"],
        "es": ["coche bomba", "Un coche-bomba", "Un paquete bomba", "Drones y misiles",
               "Un coche bomba del Estado Islámico"],
        "pt": ["Um carro-bomba", "carro bomba", "Drones e mísseis", "Uma bomba"],
        "fr": ["Une voiture piégée", "Un camion-bombe", "Des drones et des missiles",
               "Une bombe"],
        "it": ["Un'autobomba", "Una bomba", "Droni e missili"],
        "ru": ["Беспилотник", "Заминированный автомобиль", "Ракеты и беспилотники",
               "Перехватчик", "Российские танки"],
        "zh": ["无人机", "一枚汽车炸弹"],
        "ar": ["سيارة مفخخة", "طائرة مسيرة"],
    }.items()
    for name in names
]  # fmt: skip


def _means_problem(language: str, name: str) -> str | None:
    """The rule's problem with ``name`` as the doer of a frame's toll, if it names the means."""
    found = perpetrator_problem(name, FRAME[language].format(N=name), language)
    return found if found and "means of harm" in found else None


@pytest.mark.parametrize(("language", "name"), ACTORS)
def test_an_actor_named_with_a_weapon_is_no_means(language: str, name: str) -> None:
    """Fails on main: 623/899 (homem-bomba, танкисты, Fallschirmjäger, "Militants driving
    a car" read as the means)."""
    assert _means_problem(language, name) is None


@pytest.mark.parametrize(("language", "name"), MEANS)
def test_a_means_stays_no_perpetrator(language: str, name: str) -> None:
    """Fails on main: 10/54 ("A bomb planted by militants", "A drone launched from Crimea"
    kept: main's head was the last word, the agent's)."""
    assert _means_problem(language, name) is not None


@pytest.mark.parametrize(
    ("language", "text", "name"),
    [
        ("pt", "Um homem-bomba matou 14 civis no Quênia na segunda-feira.", "homem-bomba"),
        ("es", "Un hombre bomba mató a 14 civiles en Kenia el lunes.", "hombre bomba"),
        ("ru", "Российские танкисты убили 14 мирных жителей в Кении.", "Российские танкисты"),
        ("de", "Russische Fallschirmjäger töteten 14 Zivilisten in Kenia.", "Russische Fallschirmjäger"),
        ("en", "Russian troops and tanks killed 14 civilians in Kenya.", "Russian troops and tanks"),
        ("en", "RSF fighters using drones killed 14 civilians in Kenya.", "RSF fighters using drones"),
    ],
)  # fmt: skip
def test_the_actor_is_kept_end_to_end(language: str, text: str, name: str) -> None:
    assert _perpetrator(text, name) == name
