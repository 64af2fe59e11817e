"""Round 68 (arms): an approval moves goods only when it names them.

SIPRI counts transfers of military goods. A government that approves goods for a state
supplies them (its subject the supplier, the state after for/to the recipient), but a
"package", "tranche" or sum approved is goods only when it names weapons or military or
security assistance ("a security assistance package", "a package of air-defence
systems", "$800 million in weapons", "un paquete de ayuda militar", "Waffenlieferungen
... genehmigt"); a recovery, energy, loan or aid package, a budget, sanctions, an arms
control treaty or the use of force approved moves none. Each corpus is built from parts
(approvers x verbs x templates x recipients x languages) and asserts the invariant.
"""

from __future__ import annotations

import itertools

import pytest

from extractor.types.arms_transfer import transfer_sides

#: Who approves, per language, with the country each names.
APPROVERS = {
    "en": [("The United States", "USA"), ("Germany", "DEU"), ("Washington", "USA")],
    "de": [("Deutschland", "DEU"), ("Berlin", "DEU"), ("Frankreich", "FRA")],
    "es": [("Estados Unidos", "USA"), ("Alemania", "DEU"), ("España", "ESP")],
    "fr": [("La France", "FRA"), ("L'Allemagne", "DEU"), ("Washington", "USA")],
}
#: Who receives, per language.
RECEIVERS = {
    "en": [("Ukraine", "UKR"), ("Poland", "POL"), ("Taiwan", "TWN")],
    "de": [("die Ukraine", "UKR"), ("Polen", "POL"), ("Israel", "ISR")],
    "es": [("Ucrania", "UKR"), ("Polonia", "POL"), ("Israel", "ISR")],
    "fr": [("l'Ukraine", "UKR"), ("la Pologne", "POL"), ("Israël", "ISR")],
}
EN_VERBS = ["approved", "has approved", "authorized", "authorised", "cleared", "is authorizing"]

#: Goods approved: a lot that names weapons or military aid, a sum of weapons.
GOODS = {
    "en": [
        "{S} {v} a $300 million security assistance package for {R}.",
        "{S} {v} a military aid package for {R}.",
        "{S} {v} a $300 million weapons package for {R}.",
        "{S} {v} a package of air-defence systems for {R}.",
        "{S} {v} a new military assistance package for {R}.",
        "{S} {v} a military package for {R}.",
        "{S} {v} a $1 billion defence package for {R}.",
        "{S} {v} $800 million in weapons for {R}.",
        "{S} {v} $800 million in military aid for {R}.",
        "{S} {v} $800 million in security assistance to {R}.",
        "{S} {v} $800 million worth of weapons for {R}.",
        "{S} {v} $800 million of military aid for {R}.",
        "{S} {v} an additional $800 million in weapons for {R}.",
        "{S} {v} $1.2 billion in military assistance for {R}.",
        "{S} {v} 40 F-16s for {R}.",
    ],
    "de": [
        "{S} hat Waffenlieferungen an {R} genehmigt.",
        "{S} hat Waffenlieferungen an {R} gebilligt.",
        "{S} hat am Mittwoch Rüstungsexporte an {R} genehmigt.",
        "{S} hat die Lieferung von Panzern an {R} bewilligt.",
        "{S} hat ein Waffenpaket für {R} gebilligt.",
        "{S} wird Waffenlieferungen an {R} genehmigen.",
        "{S} hat ein Paket militärischer Hilfe für {R} gebilligt.",
        "{S} hatte den Export von Kampfpanzern an {R} genehmigt.",
    ],
    "es": [
        "{S} aprobó un paquete de ayuda militar para {R}.",
        "{S} ha aprobado un paquete de ayuda militar para {R}.",
        "{S} aprobó 800 millones de dólares en ayuda militar para {R}.",
        "{S} aprobó un paquete militar de 300 millones de dólares para {R}.",
        "{S} autorizó el envío de armas a {R}.",
    ],
    "fr": [
        "{S} a approuvé une aide militaire à {R}.",
        "{S} a approuvé un paquet d'aide militaire pour {R}.",
        "{S} a approuvé 800 millions de dollars d'aide militaire pour {R}.",
        "{S} a autorisé des livraisons d'armes à {R}.",
    ],
}
#: Near misses: a lot of other things, money, a budget, a limit on arms, force.
NOT_GOODS = {
    "en": [
        "{S} {v} a $300 million package for {R}.",
        "{S} {v} a $300 million recovery package for {R}.",
        "{S} {v} a $300 million energy package for {R}.",
        "{S} {v} a $300 million package for {R}'s farmers.",
        "{S} {v} a new aid package for {R}.",
        "{S} {v} a loan package for {R}.",
        "{S} {v} a 2 billion euro package for {R}.",
        "{S} {v} a reconstruction package for {R}.",
        "{S} {v} a $300 million tranche for {R}.",
        "{S} {v} a vaccine package for {R}.",
        "{S} {v} a $300 million budget for {R}.",
        "{S} {v} a law on arms control with {R}.",
        "{S} {v} an arms control treaty for {R}.",
        "{S} {v} an arms embargo on {R}.",
        "{S} {v} sanctions on {R}.",
        "{S} {v} the use of force against {R}.",
        "{S} {v} a package of reforms for {R}.",
        "{S} {v} $800 million in loans for {R}.",
        "{S} {v} $800 million in humanitarian aid for {R}.",
        "{S} {v} COVID-19 relief for {R}.",
        "{S} {v} a G-7 package for {R}.",
        "{S} {v} a defence budget for {R}.",
        "{S} {v} a systems upgrade for {R}.",
    ],
    "de": [
        "{S} hat den Haushalt für {R} genehmigt.",
        "{S} hat die Genehmigung für den Bau eines Gebäudes in {R} erteilt.",
        "{S} hat ein Gesetz zur Rüstungskontrolle mit {R} gebilligt.",
        "{S} hat Sanktionen gegen {R} genehmigt.",
        "{S} hat ein Reformpaket für {R} gebilligt.",
        "{S} hat den Waffenstillstand mit {R} gebilligt.",
        "{S} hat die Waffenruhe mit {R} gebilligt.",
        "{S} hat ein Hilfspaket für {R} genehmigt.",
        "{S} genehmigte ein Konjunkturpaket für {R}.",
        "{S} hat Kredite an {R} genehmigt.",
    ],
    "es": [
        "{S} aprobó un paquete de ayuda económica para {R}.",
        "{S} aprobó el presupuesto para {R}.",
        "{S} aprobó una ley de control de armas con {R}.",
        "{S} aprobó sanciones contra {R}.",
        "{S} aprobó un paquete de reformas para {R}.",
        "{S} aprobó un paquete de 300 millones de dólares para {R}.",
        "{S} autorizó el uso de la fuerza contra {R}.",
    ],
    "fr": [
        "{S} a approuvé un plan de relance pour {R}.",
        "{S} a approuvé le budget pour {R}.",
        "{S} a approuvé une loi sur le contrôle des armements avec {R}.",
        "{S} a approuvé des sanctions contre {R}.",
        "{S} a autorisé l'usage de la force contre {R}.",
        "{S} a approuvé une aide humanitaire à {R}.",
        "{S} a approuvé un paquet de réformes pour {R}.",
    ],
}


def _filled(language: str, template: str) -> list[tuple[str, str, str]]:
    """Each sentence of ``template`` with its supplier and recipient codes."""
    verbs = EN_VERBS if "{v}" in template else [""]
    return [
        (template.format(S=s, v=v, R=r), sc, rc)
        for v, (s, sc), (r, rc) in itertools.product(
            verbs, APPROVERS[language], RECEIVERS[language]
        )
    ]


def _cases(table: dict[str, list[str]]) -> list[tuple[str, str]]:
    return [(language, template) for language, templates in table.items() for template in templates]


@pytest.mark.parametrize(("language", "template"), _cases(GOODS))
def test_an_approval_of_named_goods_names_its_sides(language: str, template: str) -> None:
    """Fails on main: 450/963 sentences (the sums of weapons, the German verb-last
    approvals, "800 millones de dólares en ayuda militar") read no side."""
    read = [
        (text, ({s}, {r}), transfer_sides(text, language))
        for text, s, r in _filled(language, template)
    ]
    wrong = [(text, got) for text, expected, got in read if got != expected]
    assert not wrong, wrong


@pytest.mark.parametrize(("language", "template"), _cases(NOT_GOODS))
def test_an_approval_of_no_goods_names_no_side(language: str, template: str) -> None:
    """Fails on main: 873/1458 sentences (packages that name no goods, an arms control
    treaty, a defence budget, a "Konjunkturpaket") read a side."""
    read = [
        (text, (set(), set()), transfer_sides(text, language))
        for text, _, _ in _filled(language, template)
    ]
    wrong = [(text, got) for text, expected, got in read if got != expected]
    assert not wrong, wrong
