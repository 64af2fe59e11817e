"""Round 65 (armstatus): an arms transfer's date at the text's precision.

Russian and Ukrainian write a month without its day in the prepositional case ("в марте
2024 года", "у березні 2024 року"); a model computes "2024-03-01" for "March 2024"; a
planned delivery ("will deliver ... by 2027") is dated by its expected delivery. The
corpus combines months x years x templates; the invariant: the month the text states.
"""

from __future__ import annotations

import itertools
from datetime import date

import pytest

from extractor.text.dates import resolve_date
from tests.roles_support import run

RU = ["январе", "феврале", "марте", "апреле", "мае", "июне", "июле", "августе", "сентябре",
      "октябре", "ноябре", "декабре"]  # fmt: skip
UK = ["січні", "лютому", "березні", "квітні", "травні", "червні", "липні", "серпні",
      "вересні", "жовтні", "листопаді", "грудні"]  # fmt: skip
EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
      "October", "November", "December"]  # fmt: skip
PUBLISHED = date(2025, 3, 12)


@pytest.mark.parametrize(("month", "year"), list(itertools.product(range(12), (2019, 2023, 2024))))
def test_prepositional_month(month: int, year: int) -> None:
    """Fails on main: 36/36 Russian and 36/36 Ukrainian read as the year only."""
    want = f"{year}-{month + 1:02d}"
    assert resolve_date(f"в {RU[month]} {year} года", PUBLISHED, "ru").value == want
    assert resolve_date(f"у {UK[month]} {year} року", PUBLISHED, "uk").value == want


def _draft(date_text: str | None, deal_status: str) -> dict[str, object]:
    return {
        "supplier": "DEU", "recipient": "FRA",
        "items": [{"designation": "tanks", "category": None, "quantity": 20}],
        "value": None, "date": date_text, "deal_status": deal_status, "transfer_type": None,
        "status": "occurred", "attribution": None, "evidence": [1],
    }  # fmt: skip


@pytest.mark.parametrize(("month", "year"), [(2, 2024), (6, 2023), (10, 2022), (0, 2024)])
def test_a_computed_first_day_is_the_stated_month(month: int, year: int) -> None:
    """Fails on main: the date is emptied (the model's '2024-03-01' is not in the text)."""
    text = f"Germany delivered 20 tanks to France in {EN[month]} {year}, officials said."
    out = run("arms_transfer", text, **_draft(f"{year}-{month + 1:02d}-01", "delivered"))
    got = out.records[0].delivery_date
    assert got is not None and (got.value, got.precision) == (f"{year}-{month + 1:02d}", "month")


def test_a_computed_first_day_of_another_day_is_not_the_month() -> None:
    text = "Germany delivered 20 tanks to France in March 2024, officials said."
    out = run("arms_transfer", text, **_draft("2024-03-15", "delivered"))
    assert out.records[0].delivery_date is None


@pytest.mark.parametrize(
    "text",
    [
        "Germany will deliver 20 tanks to France by {y}, officials said.",
        "Germany is to deliver 20 tanks to France in {y}, officials said.",
        "Alemania entregará 20 tanques a Francia en {y}, según el ministerio de defensa.",
    ],
)
@pytest.mark.parametrize("year", [2026, 2027, 2030])
def test_a_planned_delivery_is_kept_and_dated_by_its_delivery(text: str, year: int) -> None:
    """Fails on main: dropped as future-dated (status 'occurred')."""
    out = run("arms_transfer", text.format(y=year), **_draft(str(year), "ordered"))
    assert out.records, out.problems
    record = out.records[0]
    assert record.status == "planned"
    assert record.delivery_date is not None and record.delivery_date.value == str(year)
    assert record.order_date is None
