"""Round 65 (statusfix): a status word overrides a delivered draft only when it governs the deal.

The deal-status rule read any refusal, cancellation or request word in the clause
that names the weapons, and any negation near a supply verb: "delivered 20 tanks and
rejected criticism" became a denial, "did not hesitate and delivered" or "not only
delivered" a refusal, "which asked for tanks" a mere request. The corpus combines
state pairs x templates in six languages; the invariant: a delivery the clause
affirms stays delivered and occurred when the status word belongs to a coordinated
predicate, a relative clause on one side, or a negation of another verb.
"""

from __future__ import annotations

import itertools

import pytest

from tests.test_round65_armstatus_status import PAIRS, _fill, _item, _record

#: A delivery made, with a status word that is not about the deal.
KEPT = [
    "{S_en} delivered 20 tanks to {R_en} and rejected Russian criticism.",
    "{S_en} delivered 20 tanks to {R_en} and refused to comment on the price.",
    "{S_en} delivered 20 tanks to {R_en} and cancelled a planned visit.",
    "{S_en} did not hesitate and delivered 20 tanks to {R_en}.",
    "{S_en} not only delivered 20 tanks to {R_en} but also trained their crews.",
    "{S_en} did not rule out more aid and delivered 20 tanks to {R_en}.",
    "{R_en}, which asked for tanks in 2022, received 20 tanks from {S_en}.",
    "{S_es} entregó 20 tanques a {R_es} y rechazó las críticas rusas.",
    "{S_es} entregó 20 tanques a {R_es} y canceló una visita prevista.",
    "{S_es} no dudó y entregó 20 tanques a {R_es}.",
    "{R_es}, que pidió tanques en 2022, recibió 20 tanques de {S_es}.",
    "{S_fr} a livré 20 chars à {R_fr} et a rejeté les critiques russes.",
    "{S_fr} a livré 20 chars à {R_fr} et a annulé une visite prévue.",
    "{S_fr} n'a pas hésité et a livré 20 chars à {R_fr}.",
    "{S_de} lieferte 20 Panzer an {R_de} und wies russische Kritik zurück.",
    "{S_de} lieferte 20 Panzer an {R_de} und lehnte russische Kritik ab.",
    "{S_de} lieferte 20 Panzer an {R_de} und sagte einen Besuch ab.",
    "{S_ru} поставила 20 танков {R_ru} и отвергла критику России.",
    "{S_ru} поставила 20 танков {R_ru} и отменила запланированный визит.",
    "{S_ru} не только поставила 20 танков {R_ru}, но и обучила экипажи.",
    "{S_zh}向{R_zh}交付了20辆坦克并拒绝透露价格。",
    "{S_zh}向{R_zh}交付了20辆尚未公开价格的坦克。",
    "{S_zh}向{R_zh}交付了20辆坦克并取消了一次访问。",
]


@pytest.mark.parametrize(("template", "s_r"), list(itertools.product(KEPT, PAIRS)))
def test_a_status_word_not_about_the_deal_keeps_the_delivery(
    template: str, s_r: tuple[str, str]
) -> None:
    """Fails on main (see the commit message for the count)."""
    text = _fill(template, *s_r)
    record = _record(text, *s_r, _item(text), "delivered")
    assert (record.deal_status, record.status) == ("delivered", "occurred"), text


#: A status word or negation that governs the deal: still recoded (the rule's positives
#: beyond tests/test_round65_armstatus_status.py).
REFUSED = [
    "{S_en} has not yet delivered 20 tanks to {R_en}, the chancellor said.",
    "{S_en} will not deliver tanks and howitzers to {R_en}, the chancellor said.",
    "{S_en} refused to sell and deliver tanks to {R_en}.",
    "{S_en} delivered trucks to {R_en} and refused to sell 20 tanks.",
    "{S_es} no venderá tanques a {R_es}, según el ministerio de defensa.",
    "{S_fr} ne livrera pas de chars à {R_fr}, a annoncé le ministère.",
    "{S_de} wird keine Panzer an {R_de} liefern, teilte das Ministerium mit.",
    "{S_ru} не будет поставлять танки {R_ru}, сообщило министерство обороны.",
    "{S_zh}不会向{R_zh}出售坦克，国防部周二宣布。",
    "{S_zh}尚未向{R_zh}交付坦克，国防部周二宣布。",
    "{S_zh}没有交付坦克给{R_zh}，国防部周二宣布。",
]


@pytest.mark.parametrize(("template", "s_r"), list(itertools.product(REFUSED, PAIRS)))
def test_a_status_word_on_the_deal_still_denies(template: str, s_r: tuple[str, str]) -> None:
    """The rule is narrowed, not removed: a refusal or negation of the supply stands."""
    text = _fill(template, *s_r)
    assert _record(text, *s_r, _item(text), "delivered").status == "denied", text
