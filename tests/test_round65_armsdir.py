"""Round 65: the direction of an arms transfer (SIPRI: supplier -> recipient) where the
seller receives money or a commercial paper, and where the text marks the sides with a
request, a pledge, an offer, an indirect object, a partner or a reported clause.

Money or a commercial document received ("received an order / payment / a $2 billion
deal from X", "recibió de X un pedido", "erhielt von X eine Zahlung", "从X获得了...订单")
is no weapon: its sender is the buyer, so a right draft must not be swapped, wherever
the object stands (after "from X" too). A supplier delivers, sells, pledges or offers;
a recipient receives, buys, requests or asks for: a reversed draft is set right.
"""

from __future__ import annotations

import itertools
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.roles_support import run
from tests.test_round57_direction import COUNTRIES

FAST = settings(max_examples=120, deadline=None)
PAIRS = st.sampled_from(list(itertools.permutations(sorted(COUNTRIES), 2)))
ITEM = {"en": "tanks", "es": "tanques", "fr": "chars", "de": "Panzer", "ru": "танков", "zh": "坦克"}


def arms(supplier: str, recipient: str, item: str) -> dict[str, Any]:
    return {"supplier": supplier, "recipient": recipient,
            "items": [{"designation": item, "category": None, "quantity": None}],
            "value": None, "date": None, "deal_status": None, "transfer_type": None,
            "status": "occurred", "attribution": None, "evidence": [1]}  # fmt: skip


def fill(template: str, a: str, b: str) -> str:
    """``template`` with seller A and buyer B in each language's forms."""
    fields = {f"A_{k}": v for k, v in COUNTRIES[a].items()}
    fields |= {f"B_{k}": v for k, v in COUNTRIES[b].items()}
    for side, code in (("A", a), ("B", b)):
        name = COUNTRIES[code]["fr_to"].removeprefix("à ").removeprefix("au ")
        name = "le " + name if COUNTRIES[code]["fr_to"].startswith("au ") else name
        fields[f"{side}_fr"] = name
        fields[f"{side}_frS"] = name[:1].upper() + name[1:]
    return template.format(**fields)


def sides(text: str, supplier: str, recipient: str, language: str) -> list[tuple[Any, Any]]:
    out = run("arms_transfer", text, **arms(supplier, recipient, ITEM[language]))
    return [(r.supplier.country, r.recipient.country) for r in out.records]


# The seller A receives money or a paper from the buyer B: nothing marks a transfer B -> A.
# Nouns and sums the rule did not know, and objects after "from X", in six languages.
SELLER_RECEIVES = [
    ("en", "{A_en} received from {B_en} a payment of $5 million for 20 tanks."),
    ("en", "{A_en} received from {B_en} an order for 20 tanks."),
    ("en", "{A_en} received a $2 billion deal from {B_en} for 20 tanks."),
    ("en", "{A_en} received an advance from {B_en} for 20 tanks."),
    ("en", "{A_en} received an enquiry from {B_en} about 20 tanks."),
    ("en", "{A_en} received the second installment from {B_en} for 20 tanks."),
    ("en", "{A_en} has received $450 million from {B_en} for 20 tanks."),
    ("en", "{A_en} got a deposit from {B_en} for 20 tanks."),
    ("en", "{A_en} obtained from {B_en} a tender for 20 tanks."),
    ("es", "{A_es} recibió de {B_es} un anticipo por 20 tanques, según el ministerio de defensa."),
    ("es", "{A_es} recibió de {B_es} el pedido de 20 tanques, según el ministerio de defensa."),
    ("fr", "{A_frS} a reçu un acompte {B_fr_of} pour 20 chars, a annoncé mardi le ministère."),
    ("fr", "{A_frS} a reçu {B_fr_of} un paiement pour 20 chars, a annoncé mardi le ministère."),
    ("de", "{A_de} erhielt von {B_de} eine Anzahlung für 20 Panzer, teilte das Ministerium mit."),
    (
        "de",
        "{A_de} hat von {B_de} einen Auftrag über 20 Panzer erhalten, teilte das Ministerium mit.",
    ),
    ("ru", "{A_ru_nom} получила от {B_ru_gen} аванс за 20 танков, сообщило министерство обороны."),
    ("ru", "{A_ru_nom} получила от {B_ru_gen} платеж за 20 танков, сообщило министерство обороны."),
    ("zh", "{A_zh}从{B_zh}获得了20辆坦克的订单，国防部周二在北京宣布。"),
    ("zh", "{A_zh}从{B_zh}获得了20辆坦克的预付款，国防部周二在北京宣布。"),
]


@FAST
@given(case=st.sampled_from(SELLER_RECEIVES), pair=PAIRS)
def test_a_seller_receiving_money_or_an_order_keeps_the_right_draft(
    case: tuple[str, str], pair: tuple[str, str]
) -> None:
    language, template = case
    a, b = pair
    assert sides(fill(template, a, b), a, b, language) == [(a, b)]


# A supplies B: the reversed draft B -> A is set right.
SUPPLIER_TO_RECIPIENT = [
    ("en", "The transfer to {B_en} of {A_en}'s tanks began on Monday."),
    ("en", "The delivery to {B_en} of {A_en}'s tanks ended in May."),
    ("en", "{B_en} asked {A_en} for 20 tanks."),
    ("en", "{B_en} is asking {A_en} for 20 more tanks."),
    ("en", "{B_en} has requested 20 tanks from {A_en}."),
    ("en", "{B_en} requested 12 howitzers from {A_en} in May."),
    ("en", "{A_en} offered {B_en} 20 tanks."),
    ("en", "{A_en} has pledged 20 tanks to {B_en}."),
    ("en", "{A_en} promised {B_en} 20 tanks."),
    ("en", "{A_en} gave {B_en} 20 tanks."),
    ("en", "{A_en} sent {B_en} 20 tanks on Monday."),
    ("en", "{B_en} will get 20 tanks from {A_en}."),
    ("en", "{B_en} got 20 tanks from {A_en} last year."),
    ("en", "{B_en} signed a deal with {A_en} to buy 20 tanks."),
    ("en", "{B_en} reached an agreement with {A_en} to purchase 20 tanks."),
    ("en", "{A_en} is supplying {B_en} with 20 tanks."),
    ("en", "{A_en} armed {B_en} with 20 tanks."),
    ("es", "{B_es} pidió a {A_es} 20 tanques, según el ministerio de defensa."),
    ("de", "{B_de} bestellte 20 Panzer bei {A_de}."),
    ("de", "{B_de} kaufte 20 Panzer bei {A_de}."),
    ("zh", "{B_zh}接收了{A_zh}交付的20辆坦克。"),
]


@FAST
@given(case=st.sampled_from(SUPPLIER_TO_RECIPIENT), pair=PAIRS, reversed_=st.booleans())
def test_the_text_sets_supplier_and_recipient(
    case: tuple[str, str], pair: tuple[str, str], reversed_: bool
) -> None:
    language, template = case
    a, b = pair
    drafted = (b, a) if reversed_ else (a, b)
    assert sides(fill(template, a, b), *drafted, language) == [(a, b)]


# Near misses: A supplies B, but the words the new rules read stand in another role.
# The right draft must stay as drafted.
NEAR_MISSES = [
    ("en", "{A_en} received a request from {B_en} and sold 20 tanks to {B_en}."),
    ("en", "{A_en} received 20 tanks' worth of payment from {B_en} and delivered them to {B_en}."),
    ("en", "{B_en} pledged to buy 20 tanks from {A_en}."),
    ("en", "{B_en} offered to pay {A_en} for 20 tanks."),
    ("en", "{A_en} gave {B_en} permission to use 20 tanks it sold to {B_en}."),
    ("en", "{A_en} sold {B_en} 20 tanks."),
    ("en", "{A_en}'s minister told {B_en} that {A_en} will deliver 20 tanks."),
    ("en", "{B_en} asked {A_en} to deliver 20 tanks to {B_en}."),
    ("en", "{A_en} signed a deal with {B_en} to sell 20 tanks."),
    ("en", "Tanks requested by {B_en} were delivered by {A_en}."),
    ("en", "{A_en} got an order from {B_en} for 20 tanks."),
    ("en", "{A_en} said it will send {B_en} 20 tanks."),
    ("de", "{A_de} erhielt bei {B_de} einen Auftrag über 20 Panzer."),
    ("zh", "{A_zh}向{B_zh}交付的20辆坦克已经抵达。"),
]


@FAST
@given(case=st.sampled_from(NEAR_MISSES), pair=PAIRS)
def test_near_misses_keep_the_right_draft(case: tuple[str, str], pair: tuple[str, str]) -> None:
    language, template = case
    a, b = pair
    assert sides(fill(template, a, b), a, b, language) == [(a, b)]
