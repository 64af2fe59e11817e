"""Round 57's coding rules, second look: what a read-only prober found the new rules got
wrong on ordinary, correctly answered sentences.

* Arms: a seller "received an order / a request / a letter of request / payment from" its
  buyer. What is received there is no weapon, so its "from X" is the buyer and its
  subject no recipient; the answer (seller supplies buyer) was swapped.
* Casualties: "Egypt condemned the Israeli air strike that killed 12": the attack is
  Israel's own (an English noun takes its modifiers before it: "missile strike",
  "airstrike,"), so Israel did it; the perpetrator was emptied as one who "speaks about
  the attack".
Sentences are templates written for the test, drawn with hypothesis.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.roles_support import run
from tests.test_round57_casualties import run as casualty
from tests.test_round57_direction import COUNTRIES, PAIRS, arms

FAST = settings(max_examples=40, deadline=None)
RECEIVED = st.sampled_from([
    "received an order", "received a firm order", "has received a new order",
    "received a request", "received a formal request", "received a letter of request",
    "received payment", "received the first payment", "received a contract",
])  # fmt: skip
WEAPONS = st.sampled_from(["four MEKO frigates", "180 K2 tanks", "26 Rafale fighters",
                           "the S-400 air defence systems", "32 F-35 fighters"])  # fmt: skip


@FAST
@given(pair=PAIRS, received=RECEIVED, weapon=WEAPONS)
def test_a_seller_receiving_an_order_is_no_recipient(
    pair: tuple[str, str], received: str, weapon: str
) -> None:
    seller, buyer = pair
    text = f"{COUNTRIES[seller]['en']} {received} from {COUNTRIES[buyer]['en']} for {weapon}."
    outcome = run("arms_transfer", text, **arms(seller, buyer, weapon.split(" ", 1)[1]))
    assert [(r.supplier.country, r.recipient.country) for r in outcome.records] == [
        (seller, buyer)
    ], (text, outcome.warnings, outcome.problems)
    assert not any("swapped" in w for w in outcome.warnings), outcome.warnings


@FAST
@given(pair=PAIRS, weapon=WEAPONS)
def test_a_buyer_receiving_weapons_from_a_seller_still_says_the_direction(
    pair: tuple[str, str], weapon: str
) -> None:
    """The true reading stays: the weapons received come from the supplier."""
    seller, buyer = pair
    text = f"{COUNTRIES[buyer]['en']} received {weapon} from {COUNTRIES[seller]['en']}."
    outcome = run("arms_transfer", text, **arms(buyer, seller, weapon.split(" ", 1)[1]))
    assert [(r.supplier.country, r.recipient.country) for r in outcome.records] == [
        (seller, buyer)
    ], (text, outcome.warnings, outcome.problems)


ATTACKERS = {
    "Israel": "Israeli",
    "Russia": "Russian",
    "Pakistan": "Pakistani",
    "Azerbaijan": "Azerbaijani",
}
VERBS = st.sampled_from(["condemned", "denounced", "criticised", "criticized"])
MODIFIERS = st.sampled_from(["", "missile ", "air ", "drone ", "artillery ", "rocket "])
EVENTS = st.sampled_from(["strike", "attack", "airstrike", "shelling", "raid", "bombardment"])
CLAUSES = st.sampled_from(["that killed 12 people", ", which killed 12 people,"])


@FAST
@given(
    attacker=st.sampled_from(sorted(ATTACKERS)), condemner=st.sampled_from(
        ["Egypt", "Officials", "The United Nations", "Jordan"]),
    verb=VERBS, modifier=MODIFIERS, event=EVENTS, clause=CLAUSES,
)  # fmt: skip
def test_the_attacker_named_by_its_attack_stays_its_perpetrator(
    attacker: str, condemner: str, verb: str, modifier: str, event: str, clause: str
) -> None:
    text = (f"{condemner} {verb} the {ATTACKERS[attacker]} {modifier}{event}{clause} "
            "in Lebanon on Tuesday.").replace(" ,", ",")  # fmt: skip
    outcome = casualty(text, perpetrator=attacker, country="LBN")
    assert [r.perpetrator.name if r.perpetrator else None for r in outcome.records] == [attacker], (
        text,
        outcome.warnings,
        outcome.problems,
    )


@FAST
@given(
    condemner=st.sampled_from(["Egypt", "Jordan", "France"]), verb=VERBS,
    modifier=MODIFIERS, event=EVENTS,
)  # fmt: skip
def test_the_condemner_is_still_no_perpetrator(
    condemner: str, verb: str, modifier: str, event: str
) -> None:
    text = f"{condemner} {verb} the {modifier}{event} that killed 12 people in Lebanon."
    outcome = casualty(text, perpetrator=condemner, country="LBN")
    assert [r.perpetrator for r in outcome.records] == [None], (text, outcome.warnings)
