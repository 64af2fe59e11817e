"""Round 66 (armscope): a deal-status word recodes a delivery only as the deal's predicate.

Round 65 read any cancel, refuse or request word in the clause naming the weapons, so a
word about something else recoded a real delivery: another state's act in a
subordinate clause ("as Italy suspended its exports"), a relative clause on the items
("tanks that Italy had refused to sell"), a participle describing them ("the requested
tanks", "deliveries suspended in 2022"), or an adverbial request ("auf Bitten Polens").
The corpus combines state pairs x third states x templates in six languages; the
invariant: such a delivery stays delivered and occurred, while a status word that is the
predicate of the deal's own clause (its party or the deal as subject) still recodes.
"""

from __future__ import annotations

import itertools

import pytest

from tests.test_round65_armstatus_status import PAIRS, STATES, _item, _record

THIRD = {
    "ITA": {"en": "Italy", "es": "Italia", "fr": "l'Italie", "de": "Italien", "ru": "Италия",
            "zh": "意大利"},
    "ESP": {"en": "Spain", "es": "España", "fr": "l'Espagne", "de": "Spanien", "ru": "Испания",
            "zh": "西班牙"},
}  # fmt: skip

#: A delivery made; the status word is another clause's, the items' attribute, or a
#: request named as the reason.
KEPT = [
    # a subordinate clause with another subject
    "{S_en} delivered 20 tanks to {R_en} as {X_en} suspended its own arms exports.",
    "{S_en} delivered 20 tanks to {R_en} when {X_en} cancelled its order of frigates.",
    "{S_en} delivered 20 tanks to {R_en} once {X_en} lifted its suspension of exports.",
    "{S_es} entregó 20 tanques a {R_es} cuando {X_es} suspendió sus exportaciones de armas.",
    "{S_fr} a livré 20 chars à {R_fr} lorsque {X_fr} a suspendu ses exportations d'armes.",
    "{S_fr} a livré 20 chars à {R_fr} tandis que {X_fr} annulait sa commande.",
    "{S_de} lieferte 20 Panzer an {R_de} als {X_de} seine Bestellung stornierte.",
    "{S_ru} поставила 20 танков {R_ru} когда {X_ru} приостановила экспорт оружия.",
    "{S_ru} поставила {R_ru} 20 танков в то время как {X_ru} отказалась от поставок.",
    "{S_zh}在{X_zh}暂停武器出口之际向{R_zh}交付了20辆坦克。",
    # a relative clause on the items, or another state's verb
    "{S_en} delivered 20 tanks that {X_en} had refused to sell to {R_en}.",
    "{S_en} delivered to {R_en} 20 tanks that {X_en} would not sell.",
    "{S_en} delivered 20 tanks to {R_en} under a deal that replaced a cancelled order.",
    "{S_en} delivered 20 tanks to {R_en} in a move {X_en} rejected as provocative.",
    "{S_es} entregó a {R_es} 20 tanques que {X_es} se negó a vender.",
    "{S_es} entregó a {R_es} 20 tanques que {X_es} no vendería.",
    "{S_es} entregó 20 tanques a {R_es} en una medida que {X_es} rechazó.",
    "{S_fr} a livré à {R_fr} 20 chars que {X_fr} avait refusé de vendre.",
    "{S_fr} a livré à {R_fr} 20 chars que {X_fr} ne vendrait pas.",
    "{S_ru} поставила 20 танков {R_ru} в шаге который {X_ru} отвергла.",
    "{S_zh}向{R_zh}交付了{X_zh}拒绝出售的20辆坦克。",
    "{S_zh}向{R_zh}交付了{X_zh}不会出售的20辆坦克。",
    # a participle describing the items
    "{S_en} resumed deliveries of 20 tanks to {R_en} that had been suspended in 2022.",
    "{S_en} delivered the requested 20 tanks to {R_en}.",
    "{S_en} delivered the long-sought 20 tanks to {R_en} on Monday.",
    "{S_es} reanudó las entregas de 20 tanques a {R_es} suspendidas en 2022.",
    "{S_es} entregó a {R_es} los solicitados 20 tanques.",
    "{S_fr} a repris les livraisons de 20 chars à {R_fr} suspendues en 2022.",
    "{S_ru} возобновила приостановленные в 2022 году поставки 20 танков {R_ru}.",
    "{S_ru} поставила {R_ru} предложенные 20 танков.",
    "{S_zh}恢复向{R_zh}交付此前暂停的20辆坦克。",
    "{S_zh}向{R_zh}交付了其要求的20辆坦克。",
    # a request as the reason: a side, not a stage
    "In response to {R_en}'s request {S_en} delivered 20 tanks to {R_en}.",
    "{S_en} delivered 20 tanks to {R_en} as requested.",
    "{S_es} entregó 20 tanques a {R_es} según lo solicitado por su gobierno.",
    "Conformément à la demande de {R_fr}, {S_fr} a livré 20 chars à {R_fr}.",
    "Auf Bitten von {R_de} lieferte {S_de} 20 Panzer an {R_de}.",
    "По предложению {X_ru} {S_ru} поставила {R_ru} 20 танков.",
    "{S_zh}按照{R_zh}的要求向{R_zh}交付了20辆坦克。",
    "{S_zh}根据{R_zh}政府的请求向{R_zh}交付了20辆坦克。",
]

#: The status word is the deal's own predicate (a party or the deal as subject): the
#: draft's "delivered" is still recoded (status word, wanted deal_status, wanted status).
RECODED = [
    ("{R_en} cancelled its order of 20 tanks from {S_en} as {X_en} watched.", "cancelled", None),
    ("{S_en} said that it had suspended deliveries of 20 tanks to {R_en}.", "cancelled", None),
    ("The sale of 20 tanks to {R_en} was cancelled by {S_en}.", "cancelled", None),
    ("{S_en} denied that it had sold 20 tanks to {R_en}.", None, "denied"),
    ("{S_en} refused to sell {R_en} the tanks that it requested.", None, "denied"),
    ("{R_en} wanted the 20 tanks that {S_en} refused to sell.", None, "denied"),
    ("{R_es} quería los 20 tanques que {S_es} se negó a vender.", None, "denied"),
    ("{R_fr} voulait les 20 chars que {S_fr} a refusé de vendre.", None, "denied"),
    ("{R_en} has requested 20 tanks from {S_en} as {X_en} did.", "announced", None),
    ("La venta de 20 tanques a {R_es} fue cancelada por {S_es}.", "cancelled", None),
    ("{S_es} canceló la venta de 20 tanques a {R_es} cuando {X_es} protestó.", "cancelled", None),
    ("La vente de 20 chars à {R_fr} a été annulée par {S_fr}.", "cancelled", None),
    ("{S_fr} a annoncé qu'elle annulait la vente de 20 chars à {R_fr}.", "cancelled", None),
    ("{S_de} hat die Lieferung von mehr als 20 Panzern an {R_de} storniert.", "cancelled", None),
    ("{S_ru} приостановила поставку 20 танков {R_ru} когда {X_ru} протестовала.", "cancelled",
     None),
    ("{S_zh}取消了向{R_zh}出售20辆坦克的合同。", "cancelled", None),
    ("{S_zh}拒绝向{R_zh}出售坦克。", None, "denied"),
]  # fmt: skip


def _fill(template: str, s: str, r: str, x: str) -> str:
    fields = (
        {f"S_{k}": v for k, v in STATES[s].items()}
        | {f"R_{k}": v for k, v in STATES[r].items()}
        | {f"X_{k}": v for k, v in THIRD[x].items()}
    )
    return template.format(**fields)


CASES = list(itertools.product(PAIRS, THIRD))


@pytest.mark.parametrize("template", KEPT)
def test_a_status_word_not_the_deals_predicate_keeps_the_delivery(template: str) -> None:
    """Fails on main: 144/160 recoded (36/40 templates)."""
    recoded = []
    for (s, r), x in CASES:
        text = _fill(template, s, r, x)
        record = _record(text, s, r, _item(text), "delivered")
        if (record.deal_status, record.status) != ("delivered", "occurred"):
            recoded.append((text, record.deal_status, record.status))
    assert recoded == []


@pytest.mark.parametrize(("template", "deal_status", "status"), RECODED)
def test_the_deals_own_status_word_still_recodes(
    template: str, deal_status: str | None, status: str | None
) -> None:
    """The negatives: a party's or the deal's own status word still recodes."""
    for (s, r), x in CASES:
        text = _fill(template, s, r, x)
        record = _record(text, s, r, _item(text), "delivered")
        if deal_status is not None:
            assert record.deal_status == deal_status, text
        if status is not None:
            assert record.status == status, text
