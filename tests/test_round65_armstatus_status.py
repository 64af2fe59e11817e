"""Round 65 (armstatus): a deal's status is read against the cited clause.

A small model copies "ordered" or "delivered" onto a deal the text says was cancelled,
refused, denied, only requested or offered, or a possible sale notified. The corpus
combines state pairs x templates x languages; the invariant: the record's deal status
(and status) says what the clause says; near misses (another deal cancelled, calls to
cancel, a delivery made at a request) keep the draft.
"""

from __future__ import annotations

import itertools

import pytest

from tests.roles_support import run

STATES = {
    "DEU": {"en": "Germany", "es": "Alemania", "de": "Deutschland", "ru": "Германия", "zh": "德国",
            "fr": "L'Allemagne"},
    "FRA": {"en": "France", "es": "Francia", "de": "Frankreich", "ru": "Франции", "zh": "法国",
            "fr": "la France"},
    "POL": {"en": "Poland", "es": "Polonia", "de": "Polen", "ru": "Польше", "zh": "波兰",
            "fr": "la Pologne"},
}  # fmt: skip
PAIRS = [("DEU", "FRA"), ("DEU", "POL")]

#: (template with {S} supplier and {R} recipient in the language, item, the told status)
CANCELLED = [
    "{R_en} cancelled its order of 20 tanks from {S_en}.",
    "{S_en} scrapped the sale of 20 howitzers to {R_en} on Monday.",
    "{S_en} suspended deliveries of drones to {R_en}.",
    "{R_es} canceló la compra de 20 tanques a {S_es}, según el ministerio de defensa.",
    "{R_es} anuló el pedido de 20 tanques a {S_es}, según el ministerio de defensa.",
    "{S_fr} a annulé la vente de 20 chars à {R_fr}, a annoncé le ministère.",
    "{R_de} hat den Kauf von 20 Panzern aus {S_de} storniert, teilte das Ministerium mit.",
    "{S_de} hat die Lieferung von 20 Panzern an {R_de} abgesagt, teilte das Ministerium mit.",
    "{S_ru} отменила поставку 20 танков {R_ru}, сообщило министерство обороны.",
    "{S_zh}取消了向{R_zh}出售20辆坦克的合同，国防部周二宣布。",
]
REFUSED = [
    "{S_en} refused to sell 20 tanks to {R_en}.",
    "{S_en} will not deliver tanks to {R_en}, the chancellor said.",
    "{S_en} denied that it had sold 20 tanks to {R_en}.",
    "{S_es} se negó a vender 20 tanques a {R_es}, según el ministerio de defensa.",
    "{S_de} lehnte die Lieferung von 20 Panzern an {R_de} ab, teilte das Ministerium mit.",
    "{S_ru} отказалась поставлять танки {R_ru}, сообщило министерство обороны.",
    "{S_zh}拒绝向{R_zh}出售坦克，国防部周二宣布。",
]
SOUGHT = [
    "{R_en} asked {S_en} for 20 tanks.",
    "{R_en} has requested 20 tanks from {S_en}.",
    "{S_en} offered to sell 20 tanks to {R_en}.",
    "{S_en} is considering selling 20 tanks to {R_en}.",
    "{R_es} pidió 20 tanques a {S_es}, según el ministerio de defensa.",
]
#: Near misses: the draft's "delivered" stands.
KEPT = [
    "{S_en} delivered 20 tanks to {R_en} after Spain cancelled its order of frigates.",
    "{S_en} delivered 20 tanks to {R_en} despite calls to cancel the deal.",
    "{S_en} delivered 20 tanks to {R_en} at the request of its government.",
    "{S_en} delivered 20 tanks to {R_en}, rejecting criticism from Spain.",
    "{S_en} delivered 20 tanks to {R_en} on Monday, officials said.",
    "{S_es} entregó 20 tanques a {R_es} a petición del gobierno, según el ministerio.",
    "{S_de} hat 20 Panzer an {R_de} geliefert, nachdem Spanien den Kauf von Fregatten storniert hatte.",
    "{S_en} delivered 20 tanks to {R_en}, which had not received any since 2020.",
]


def _fill(template: str, s: str, r: str) -> str:
    fields = {f"S_{k}": v for k, v in STATES[s].items()} | {
        f"R_{k}": v for k, v in STATES[r].items()
    }
    return template.format(**fields)


def _record(text: str, s: str, r: str, item: str, deal_status: str = "delivered"):  # type: ignore[no-untyped-def]
    out = run(
        "arms_transfer", text, supplier=s, recipient=r,
        items=[{"designation": item, "category": None, "quantity": None}],
        value=None, date=None, deal_status=deal_status, transfer_type=None,
        status="occurred", attribution=None, evidence=[1],
    )  # fmt: skip
    assert out.records, (text, out.problems)
    return out.records[0]


def _item(text: str) -> str:
    for word in ("tanks", "howitzers", "drones", "tanques", "chars", "Panzern", "Panzer",
                 "танков", "танки", "坦克"):  # fmt: skip
        if word in text:
            return word
    raise AssertionError(text)


@pytest.mark.parametrize(("template", "s_r"), list(itertools.product(CANCELLED, PAIRS)))
def test_a_cancelled_deal_is_cancelled(template: str, s_r: tuple[str, str]) -> None:
    """Fails on main: 20/20 kept as drafted ("ordered")."""
    text = _fill(template, *s_r)
    assert _record(text, *s_r, _item(text), "ordered").deal_status == "cancelled"


@pytest.mark.parametrize(("template", "s_r"), list(itertools.product(REFUSED, PAIRS)))
def test_a_refused_transfer_is_denied(template: str, s_r: tuple[str, str]) -> None:
    """Fails on main: 14/14 kept as occurred."""
    text = _fill(template, *s_r)
    assert _record(text, *s_r, _item(text), "delivered").status == "denied"


@pytest.mark.parametrize(("template", "s_r"), list(itertools.product(SOUGHT, PAIRS)))
def test_a_request_or_offer_is_no_delivery(template: str, s_r: tuple[str, str]) -> None:
    """Fails on main: 10/10 kept as delivered."""
    text = _fill(template, *s_r)
    record = _record(text, *s_r, _item(text), "delivered")
    assert record.deal_status == "announced"
    assert record.delivery_date is None


def test_a_possible_sale_is_approved() -> None:
    """Fails on main: kept as delivered, its date a delivery date."""
    for state, name in (("POL", "Poland"), ("FRA", "France")):
        text = (
            f"The State Department approved a possible Foreign Military Sale to {name} of 20 tanks."
        )
        record = _record(text, "USA", state, "tanks", "delivered")
        assert record.deal_status == "approved"


@pytest.mark.parametrize(("template", "s_r"), list(itertools.product(KEPT, PAIRS)))
def test_near_misses_keep_the_draft(template: str, s_r: tuple[str, str]) -> None:
    text = _fill(template, *s_r)
    record = _record(text, *s_r, _item(text), "delivered")
    assert (record.deal_status, record.status) == ("delivered", "occurred")
