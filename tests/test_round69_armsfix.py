"""Round 69 armsfix: the object of a verb of moving supplies only when one of its
conjuncts may be goods (SIPRI counts weapons and military equipment). A weapon or any
other good joined to relief keeps the sides in every language ("aide humanitaire et des
obus", "援助和弹药"); people, relief, buildings and energy moved mark no side; a noun of a
lot ("the first tranche of funds") takes the head of its "of" phrase."""

import itertools

import pytest

from extractor.types.arms_transfer import transfer_sides

PAIRS = [("France", "Ukraine", "FRA", "UKR"), ("Germany", "Poland", "DEU", "POL")]
NAMES = {
    "fr": {"France": "La France", "Germany": "L'Allemagne", "Ukraine": "l'Ukraine", "Poland": "la Pologne"},
    "es": {"France": "Francia", "Germany": "Alemania", "Ukraine": "Ucrania", "Poland": "Polonia"},
    "de": {"France": "Frankreich", "Germany": "Deutschland", "Ukraine": "die Ukraine", "Poland": "Polen"},
    "ru": {"France": "Франция", "Germany": "Германия", "Ukraine": "Украине", "Poland": "Польше"},
    "zh": {"France": "法国", "Germany": "德国", "Ukraine": "乌克兰", "Poland": "波兰"},
}  # fmt: skip

#: Relief joined to goods: the sides hold (fails on main in fr/zh).
JOINED = {
    "en": ["{S} delivered humanitarian aid and {W} to {R}.", "{S} delivered food and {W} to {R}."],
    "fr": ["{S} a livré de l'aide humanitaire et des {W} à {R}.", "{S} a livré des vivres et des {W} à {R}."],
    "es": ["{S} entregó ayuda humanitaria y {W} a {R}."],
    "de": ["{S} lieferte humanitäre Hilfe und {W} an {R}."],
    "zh": ["{S}向{R}提供了人道主义援助和{W}。", "{S}向{R}提供了粮食与{W}。"],
}  # fmt: skip
WEAPONS = {
    "en": ["shells", "tanks", "missiles"],
    "fr": ["obus", "chars", "missiles"],
    "es": ["proyectiles", "tanques", "misiles"],
    "de": ["Granaten", "Panzer", "Raketen"],
    "zh": ["弹药", "导弹", "坦克"],
}
#: Things that are no arms goods: no side (several sided on main).
NOT_GOODS = {
    "en": ["{S} sent troops to {R}.", "{S} transferred staff to {R}.", "{S} supplied gas to {R}.",
           "{S} handed over the embassy to {R}.", "{S} sent medical supplies to {R}.",
           "{S} delivered the first tranche of funds to {R}.",
           "{S} sent soldiers and diplomats to {R}."],
    "es": ["{S} envió tropas a {R}."],
    "fr": ["{S} a envoyé des troupes à {R}.", "{S} a livré du gaz à {R}."],
    "de": ["{S} schickte Truppen an {R}.", "{S} lieferte Gas an {R}."],
    "ru": ["{S} отправила гуманитарную помощь {R}.", "{S} направила войска {R}."],
    "zh": ["{S}向{R}派遣了军队。", "{S}向{R}提供了天然气。"],
}  # fmt: skip
#: Near misses: goods whose words resemble the things above keep their sides.
GOODS = {
    "en": ["{S} sent troops and tanks to {R}.", "{S} delivered the first tranche of tanks to {R}.",
           "{S} delivered armoured personnel carriers to {R}.", "{S} supplied gas masks and rifles to {R}.",
           "{S} delivered a batch of helicopters to {R}.", "{S} sold missiles to {R}."],
    "fr": ["{S} a livré des chars à {R}."],
    "es": ["{S} envió tropas y tanques a {R}."],
    "de": ["{S} lieferte Truppen und Panzer an {R}."],
    "zh": ["{S}向{R}提供了弹药。"],
}  # fmt: skip


def _fill(template: str, language: str, pair: tuple[str, str, str, str], **more: str) -> str:
    names = NAMES.get(language, {})
    supplier, recipient = (names.get(pair[0], pair[0]), names.get(pair[1], pair[1]))
    return template.format(S=supplier, R=recipient, **more)


JOINED_CASES = [
    (lang, _fill(t, lang, p, W=w), p)
    for lang, ts in JOINED.items()
    for t, w, p in itertools.product(ts, WEAPONS[lang], PAIRS)
]
NOT_GOODS_CASES = [
    (lang, _fill(t, lang, p), p) for lang, ts in NOT_GOODS.items() for t in ts for p in PAIRS
]
GOODS_CASES = [
    (lang, _fill(t, lang, p), p) for lang, ts in GOODS.items() for t in ts for p in PAIRS
]


@pytest.mark.parametrize(("language", "sentence", "pair"), JOINED_CASES + GOODS_CASES)
def test_goods_in_any_conjunct_keep_the_sides(language: str, sentence: str, pair: tuple) -> None:
    assert transfer_sides(sentence, language) == ({pair[2]}, {pair[3]})


@pytest.mark.parametrize(("language", "sentence", "pair"), NOT_GOODS_CASES)
def test_people_relief_buildings_energy_mark_no_side(
    language: str, sentence: str, pair: tuple
) -> None:
    assert transfer_sides(sentence, language) == (set(), set())
