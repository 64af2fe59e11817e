"""Round 71: the head noun of what a verb of supplying moves decides whether it marks
sides (SIPRI counts weapons and military equipment, whatever their role; not money,
aid or people, whatever qualifies them).

A prober found three faults in ``transfer_sides``:

1. Round 70 listed Spanish "médicos" (doctors) as people; as a whole word it also
   matched the plural adjective "médicos" (medical) after a goods noun, so
   "Alemania entregó helicópteros médicos a Ucrania" marked no side. Spanish and French
   put the head first and its adjectives after it: a listed word after another noun is
   that noun's adjective, and the object is the noun's (helicopters: goods).
2. "supplied R with <money, aid or people>" was never checked: "France supplied Poland
   with humanitarian aid" marked France and Poland. The object after the party and its
   "with" ("belieferte R mit", "a fourni à R") is judged as every other object is.
3. A listed non-good with a modifier marked sides ("military advisers", "food aid",
   "Militärberater", "военных советников", "军事顾问", "asesores militares"). The head
   decides: the last noun of the phrase or compound in English, German, Russian and
   Chinese, the first in Spanish and French. A military word makes a thing military
   ("military technology", "tecnología militar") but leaves people and aid what they are.

Sentences are built from parts: suppliers x recipients x verb frames x objects, per
language, with near misses that must keep their sides.
"""

from __future__ import annotations

import itertools

import pytest

from extractor.types.arms_transfer import transfer_sides
from tests.test_round70_arms import FORMS

PARTIES = {
    "en": [("Germany", "DEU", "Ukraine", "UKR"), ("France", "FRA", "Poland", "POL"),
           ("Italy", "ITA", "Egypt", "EGY")],
    "de": [("Deutschland", "DEU", "die Ukraine", "UKR"), ("Frankreich", "FRA", "Polen", "POL")],
    "ru": [("Германия", "DEU", "Украине", "UKR"), ("Франция", "FRA", "Польше", "POL")],
    "zh": [("德国", "DEU", "乌克兰", "UKR"), ("法国", "FRA", "波兰", "POL")],
    "es": [("Alemania", "DEU", "Ucrania", "UKR"), ("Francia", "FRA", "Polonia", "POL")],
    "fr": [("L'Allemagne", "DEU", "la Pologne", "POL"), ("La France", "FRA", "l'Ukraine", "UKR")],
}  # fmt: skip
#: "{S} moves {O} to {R}" frames.
TO_FORMS = FORMS  # round 70's frames
#: "{S} supplies {R} with {O}" frames: the party before the object.
WITH_FORMS = {
    "en": ["{S} supplied {R} with {O}.", "{S} provided {R} with {O}.",
           "{S} has supplied {R} with {O}."],
    "de": ["{S} belieferte {R} mit {O}."],
    "es": ["{S} suministró a {R} {O}.", "{S} entregó a {R} {O}."],
    "fr": ["{S} a fourni à {R} {O}.", "{S} a livré à {R} {O}."],
}  # fmt: skip
#: Money, aid and people, bare or with a modifier: the head decides, no side.
NOT_GOODS = {
    "en": ["military advisers", "military instructors", "military doctors", "food aid",
           "development aid", "emergency aid", "military trainers", "volunteers",
           "mercenaries", "humanitarian aid", "financial aid", "military personnel"],
    "de": ["Militärberater", "Lebensmittelhilfe", "Entwicklungshilfe", "Militärausbilder",
           "Freiwillige", "Söldner", "Friedenstruppen"],
    "ru": ["военных советников", "военных инструкторов", "продовольственную помощь",
           "добровольцев", "наёмников", "миротворцев"],
    "zh": ["军事顾问", "维和人员", "粮食援助", "军事教官", "志愿者", "雇佣兵", "发展援助"],
    "es": ["asesores militares", "médicos militares", "ayuda alimentaria", "voluntarios",
           "mercenarios", "instructores militares", "nuevos asesores"],
    "fr": ["des conseillers militaires", "des médecins militaires", "une aide alimentaire",
           "des volontaires", "des mercenaires", "des instructeurs militaires"],
}  # fmt: skip
#: The objects of the "with" frames (German "mit" takes the dative).
WITH_NOT_GOODS = {
    "en": ["humanitarian aid", "loans", "food aid", "military advisers", "cash", "funds"],
    "de": ["Krediten", "humanitärer Hilfe", "Lebensmittelhilfe", "Geld"],
    "es": ["préstamos", "asesores militares", "ayuda humanitaria", "fondos"],
    "fr": ["des prêts", "des conseillers militaires", "une aide humanitaire", "des fonds"],
}  # fmt: skip
#: Goods, whatever their role or a non-good word qualifying them (adjectives follow
#: the head in Spanish and French: "helicópteros médicos" are helicopters).
GOODS = {
    "en": ["tanks", "medical helicopters", "police rifles", "military technology",
           "weapons and financial aid", "advisers and tanks", "military aid"],
    "de": ["Panzer", "Sanitätsfahrzeuge", "Beraterflugzeuge", "Militärtechnologie",
           "Waffen und Finanzhilfe"],
    "ru": ["танки", "медицинские вертолёты", "военную технику", "оружие и финансовую помощь"],
    "zh": ["坦克", "医疗直升机", "人员运输车", "坦克和顾问", "武器和财政援助"],
    "es": ["helicópteros médicos", "vehículos médicos", "aviones médicos", "tanques",
           "tecnología militar", "armas y ayuda financiera", "ayuda militar",
           "drones policiales"],
    "fr": ["des hélicoptères médicaux", "des véhicules médicaux", "des chars",
           "de la technologie militaire", "des armes et une aide financière"],
}  # fmt: skip
#: The objects of the "with" frames that are goods.
WITH_GOODS = {
    "en": ["tanks", "howitzers and ammunition", "weapons and financial aid"],
    "de": ["Panzern", "Waffen und Krediten"],
    "es": ["tanques", "helicópteros médicos"],
    "fr": ["des chars", "des hélicoptères médicaux"],
}


def _cases(
    forms: dict[str, list[str]], objects: dict[str, list[str]]
) -> list[tuple[str, str, str, str]]:
    cases = []
    for language, things in objects.items():
        for (s, s_code, r, r_code), form, thing in itertools.product(
            PARTIES[language], forms[language], things
        ):
            cases.append((language, form.format(S=s, R=r, O=thing), s_code, r_code))
    return cases


@pytest.mark.parametrize(
    ("language", "text", "supplier", "recipient"),
    _cases(TO_FORMS, NOT_GOODS) + _cases(WITH_FORMS, WITH_NOT_GOODS),
)
def test_money_aid_and_people_mark_no_side(
    language: str, text: str, supplier: str, recipient: str
) -> None:
    """Fails on main in 300 of 334 cases."""
    suppliers, recipients = transfer_sides(text, language)
    assert supplier not in suppliers and recipient not in recipients, (text, suppliers, recipients)


@pytest.mark.parametrize(
    ("language", "text", "supplier", "recipient"),
    _cases(TO_FORMS, GOODS) + _cases(WITH_FORMS, WITH_GOODS),
)
def test_goods_keep_both_sides(language: str, text: str, supplier: str, recipient: str) -> None:
    """Near misses: goods whatever qualifies them; the Spanish adjective "médicos" and
    French "médicaux" after a goods noun (round 70's regression). Fails on main in 16 of
    218 cases, all Spanish "médicos"."""
    suppliers, recipients = transfer_sides(text, language)
    assert supplier in suppliers and recipient in recipients, (text, suppliers, recipients)
