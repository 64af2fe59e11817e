"""An arms transfer's items are weapons the article names, as written.

A small model that finds a sale without a named weapon fills ``items`` from
the prompt's own guidance ("Leopard 2 tanks") or a guess; such an item is
dropped (with a warning), never coded. Checked on generated sales.
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


def _record(text: str, supplier: str, recipient: str, items: list[str]):  # type: ignore[no-untyped-def]
    spec = get_type("arms_transfer")
    draft = spec.draft(
        supplier=supplier, recipient=recipient,
        items=[{"designation": item, "category": None, "quantity": None} for item in items],
        value=None, date=None, deal_status="ordered", transfer_type="sale",
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
