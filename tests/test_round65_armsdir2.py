"""Round 65, second pass: the direct object decides an arms transfer's direction.

An indirect object or "to X" marks a recipient only when the object is goods; "get" and
"ask for" mark acquiring only with goods as their object; a pledge or a gift of money
or a paper supplies nothing ("B gave S an order for 20 tanks", "B pledged $300 million
to S"). Money is the object only as its head noun: not "$X of/in arms", "for/por/pour/
für/на $X", "tanks worth $X", "im Wert von", "价值…的坦克" (the buyer still buys).
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.test_round65_armsdir import PAIRS, fill, sides

FAST = settings(max_examples=120, deadline=None)

# A sells to B; nothing in the text moves goods from B to A: the right draft stays.
RIGHT_KEPT = [
    ("en", "{B_en} gave {A_en} an order for 20 tanks."),
    ("en", "{B_en} sent {A_en} a request for 20 tanks."),
    ("en", "{B_en} sent {A_en} a letter requesting 20 tanks."),
    ("en", "{B_en} handed {A_en} a $300 million payment for 20 tanks."),
    ("en", "{B_en} pledged $300 million to {A_en} for 20 tanks."),
    ("en", "{A_en} got a boost from {B_en}, which bought 20 tanks."),
    ("en", "{A_en} signed a deal with {B_en} to get access to its ports in exchange for 20 tanks."),
    ("en", "{A_en} asked {B_en} for payment for 20 tanks."),
    ("en", "{A_en} asked {B_en} for $300 million for 20 tanks."),
]


@FAST
@given(case=st.sampled_from(RIGHT_KEPT), pair=PAIRS)
def test_money_or_a_paper_given_keeps_the_right_draft(
    case: tuple[str, str], pair: tuple[str, str]
) -> None:
    language, template = case
    a, b = pair
    assert sides(fill(template, a, b), a, b, language) == [(a, b)]


# A supplies B, with money beside the goods or "get" of another thing: a reversed draft
# is set right, a right one kept.
SET_RIGHT = [
    ("en", "{B_en} received $300 million in weapons from {A_en}."),
    ("en", "{B_en} received $300 million of arms from {A_en}."),
    ("en", "{B_en} received €300m in arms from {A_en}."),
    ("en", "{B_en} received tanks worth $300 million from {A_en}."),
    ("en", "{B_en} received from {A_en} tanks worth $300 million."),
    ("en", "{B_en} received weapons and $300 million from {A_en}."),
    ("en", "{B_en} bought tanks for $300 million from {A_en}."),
    ("en", "{B_en} purchased $300 million of tanks from {A_en}."),
    ("en", "{B_en} ordered tanks worth $300 million from {A_en}."),
    ("en", "{B_en} bought 300 million dollars of tanks from {A_en}."),
    ("en", "{A_en} is getting ready to deliver 20 tanks to {B_en}."),
    ("en", "{A_en} got the green light to deliver 20 tanks to {B_en}."),
    ("en", "{A_en} got permission to sell 20 tanks to {B_en}."),
    ("en", "{B_en} got 20 tanks from {A_en}."),
    ("en", "{B_en} asked {A_en} for 20 tanks."),
    ("es", "{B_es} compró tanques por 300 millones de dólares a {A_es}."),
    ("es", "{B_es} recibió de {A_es} tanques por valor de 300 millones de dólares."),
    ("fr", "{B_frS} a acheté des chars pour 300 millions de dollars à {A_fr}."),
    ("fr", "{B_frS} a acheté {A_fr_of} des chars pour 300 millions d'euros."),
    ("de", "{B_de} erhielt von {A_de} Panzer im Wert von 300 Millionen Euro."),
    ("de", "{B_de} kaufte Panzer für 300 Millionen Euro bei {A_de}."),
    ("de", "{B_de} kaufte bei {A_de} Panzer für 300 Millionen Euro."),
    ("ru", "{B_ru_nom} закупила 20 танков на 300 млн долларов у {A_ru_gen}."),
    ("ru", "{B_ru_nom} получила от {A_ru_gen} 20 танков на 300 млн долларов."),
    ("zh", "{B_zh}从{A_zh}购买了价值3亿美元的坦克。"),
]


@FAST
@given(case=st.sampled_from(SET_RIGHT), pair=PAIRS, reversed_=st.booleans())
def test_money_beside_the_goods_still_marks_the_sides(
    case: tuple[str, str], pair: tuple[str, str], reversed_: bool
) -> None:
    language, template = case
    a, b = pair
    drafted = (b, a) if reversed_ else (a, b)
    assert sides(fill(template, a, b), *drafted, language) == [(a, b)]
