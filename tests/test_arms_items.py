"""An arms transfer's items, quantities and price are what the article states.

A small model that finds a sale without a named weapon fills ``items`` from
the prompt's own guidance ("Leopard 2 tanks") or a guess; such an item is
dropped (with a warning), never coded. A quantity or price the article does
not state ("1" for "F-16s", a price from another deal) is left empty with a
warning, and the transfer is kept: supplier, recipient and weapon make a
transfer, a price is one of its attributes (SIPRI codes deals of unknown
value). Checked on generated sales.
"""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.pipeline.resolve import Article, draft_to_record
from extractor.text.sentences import split_sentences
from extractor.types.registry import get_type

WEAPONS = ["Patriot missiles", "Gripen fighter jets", "Hellfire missiles", "M1A2 tanks",
           "Caesar howitzers", "Bayraktar TB2 drones", "Type 052D destroyers", "HIMARS launchers"]  # fmt: skip
COUNTRIES = [("Poland", "POL"), ("Sweden", "SWE"), ("Kenya", "KEN"), ("Chile", "CHL")]


def _record(  # type: ignore[no-untyped-def]
    text: str, supplier: str, recipient: str, items: list[str],
    quantity: int | None = None, value: str | None = None,
):  # fmt: skip
    spec = get_type("arms_transfer")
    draft = spec.draft(
        supplier=supplier, recipient=recipient,
        items=[{"designation": item, "category": None, "quantity": quantity} for item in items],
        value=value, date=None, deal_status="ordered", transfer_type="sale",
        status="occurred", attribution=None, evidence=[1],
    )  # fmt: skip
    context = Article(text, split_sentences(text), date(2024, 5, 8), "doc").context()
    context["warnings"] = []
    return draft_to_record(draft, spec, context), context["warnings"]


@settings(max_examples=40, deadline=None)
@given(
    named=st.sampled_from(WEAPONS),
    invented=st.lists(st.sampled_from(WEAPONS), min_size=1, max_size=3, unique=True),
    pair=st.lists(st.sampled_from(COUNTRIES), min_size=2, max_size=2, unique=True),
    count=st.integers(2, 90),
)
def test_only_the_weapons_the_article_names_are_items(
    named: str, invented: list[str], pair: list[tuple[str, str]], count: int
) -> None:
    (seller, seller_code), (buyer, buyer_code) = pair
    others = [weapon for weapon in invented if weapon != named]
    text = f"{buyer} will buy {count} {named} from {seller}, the defence ministry said."
    record, warnings = _record(text, seller_code, buyer_code, [named, *others])
    assert [item.designation for item in record.items] == [named]
    if others:
        assert any("not in the article" in warning for warning in warnings)


def test_a_sale_with_no_named_weapon_keeps_the_sale_and_no_item() -> None:
    text = "China has sold arms worth $267 million to Myanmar since the coup, a UN expert said."
    record, warnings = _record(text, "CHN", "MMR", ["Leopard 2 tanks"])
    assert record.items == [] and (record.supplier, record.recipient) != (None, None)
    assert any("Leopard 2 tanks" in warning for warning in warnings)


WORDS = {2: "two", 3: "three", 12: "twelve", 40: "forty"}


@settings(max_examples=40, deadline=None)
@given(
    weapon=st.sampled_from(WEAPONS),
    pair=st.lists(st.sampled_from(COUNTRIES), min_size=2, max_size=2, unique=True),
    stated=st.none() | st.sampled_from(sorted(WORDS)),
    as_words=st.booleans(),
    answered=st.integers(1, 60),
)
def test_a_quantity_is_kept_only_as_the_cited_sentence_states_it(
    weapon: str, pair: list[tuple[str, str]], stated: int | None, as_words: bool, answered: int
) -> None:
    (seller, seller_code), (buyer, buyer_code) = pair
    written = "" if stated is None else (WORDS[stated] if as_words else str(stated)) + " "
    text = f"{seller} will deliver {written}{weapon} to {buyer}, officials said on Monday."
    record, warnings = _record(text, seller_code, buyer_code, [weapon], quantity=answered)
    [item] = record.items
    if answered == stated:
        assert item.quantity == stated
    else:
        assert item.quantity is None
        assert any(f"quantity of {weapon!r} {answered}" in warning for warning in warnings)


@settings(max_examples=30, deadline=None)
@given(
    weapon=st.sampled_from(WEAPONS),
    pair=st.lists(st.sampled_from(COUNTRIES), min_size=2, max_size=2, unique=True),
    millions=st.integers(2, 900),
    priced=st.booleans(),
)
def test_a_price_the_article_does_not_state_is_left_empty_and_the_transfer_kept(
    weapon: str, pair: list[tuple[str, str]], millions: int, priced: bool
) -> None:
    (seller, seller_code), (buyer, buyer_code) = pair
    price = f"${millions} million"
    worth = f" worth {price}" if priced else ""
    text = f"{seller} is donating {weapon}{worth} to {buyer}, the ministry said."
    record, warnings = _record(text, seller_code, buyer_code, [weapon], value=price)
    assert (record.supplier.country, record.recipient.country) == (seller_code, buyer_code)
    if priced:
        assert record.value is not None and record.value.amount == millions * 10**6
    else:
        assert record.value is None
        assert any(f"value {price} is in no sentence" in warning for warning in warnings)


AMOUNTS = st.builds(
    lambda symbol, number, scale, word: f"{symbol}{number} {scale}{word}".strip(),
    st.sampled_from(["$", "€", "£", "US$", ""]),
    st.integers(1, 999),
    st.sampled_from(["million", "billion", "m", "bn"]),
    st.sampled_from(["", " dollars", " euros", " USD"]),
).filter(lambda text: text[0] in "$€£U" or text.endswith(("dollars", "euros", "USD")))


@settings(max_examples=40, deadline=None)
@given(
    weapon=st.sampled_from(WEAPONS),
    pair=st.lists(st.sampled_from(COUNTRIES), min_size=2, max_size=2, unique=True),
    amount=AMOUNTS,
)
def test_a_price_is_no_item(weapon: str, pair: list[tuple[str, str]], amount: str) -> None:
    """The package's value is the transfer's ``value``; given as an item it is dropped, and
    the weapons the article names stay (the digits of "M1A2 tanks" are no price)."""
    (seller, seller_code), (buyer, buyer_code) = pair
    text = f"{seller} approved {amount} in aid to {buyer}, including {weapon}, on Monday."
    record, warnings = _record(text, seller_code, buyer_code, [amount, weapon])
    assert [item.designation for item in record.items] == [weapon]
    assert any(f"item {amount!r} is an amount" in warning for warning in warnings)
