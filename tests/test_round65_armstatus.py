"""Round 65 (armstatus): an item's quantity is the figure written on that item.

A small model takes any number of the cited sentence as an item's count (a day, a
duration, a percent, an age, a year, another item's count). The corpus combines
weapons x figures x templates in several languages; the invariant: a count written on
the item is kept, any other figure is not.
"""

from __future__ import annotations

import itertools

import pytest

from tests.roles_support import run

WEAPONS = ["howitzers", "Gepard tanks", "Patriot missiles", "drones", "M777 howitzers"]
FIGURES = [11, 14, 23, 30]

NOT_THE_COUNT = [
    "Germany delivered {W} to France on March {n}, officials said.",
    "Germany will deliver {W} to France within {n} days, officials said.",
    "Germany will deliver {W} and {n} trucks to France, officials said.",
    "Germany will deliver {W} to France, raising its exports by {n}%, officials said.",
    "Germany will deliver {W}, some {n} years old, to France, officials said.",
    "Germany will deliver {W} and F-{n} parts to France, officials said.",
    "Deutschland wird {W} innerhalb von {n} Tagen an Frankreich liefern, teilte das Ministerium mit.",
    "Alemania entregará {W} a Francia en {n} días, según el ministerio de defensa.",
]
THE_COUNT = [
    "Germany will deliver {n} {W} to France, officials said.",
    "Germany will deliver {n} more {W} to France, officials said.",
    "Germany will deliver {n} units of {W} to France, officials said.",
    "Germany delivered {n} {W} to France on March 3, officials said.",
    "Alemania entregará {n} {W} a Francia, según el ministerio de defensa.",
]


def _draft(item: str, quantity: int) -> dict[str, object]:
    return {
        "supplier": "DEU", "recipient": "FRA",
        "items": [{"designation": item, "category": None, "quantity": quantity}],
        "value": None, "date": None, "deal_status": None, "transfer_type": None,
        "status": "occurred", "attribution": None, "evidence": [1],
    }  # fmt: skip


def _quantity(text: str, item: str, n: int) -> int | None:
    out = run("arms_transfer", text, **_draft(item, n))
    assert out.records, out.problems
    assert out.records[0].items, out.warnings
    return out.records[0].items[0].quantity


@pytest.mark.parametrize("template", NOT_THE_COUNT)
def test_a_figure_elsewhere_is_no_count(template: str) -> None:
    """Fails on main: 160/160 kept (every figure the sentence writes)."""
    kept = [
        (w, n)
        for w, n in itertools.product(WEAPONS, FIGURES)
        if _quantity(template.format(W=w, n=n), w, n) == n
    ]
    assert kept == []


@pytest.mark.parametrize("template", THE_COUNT)
def test_the_count_on_the_item_is_kept(template: str) -> None:
    """The negatives: a count written on the item stays."""
    lost = [
        (w, n)
        for w, n in itertools.product(WEAPONS, FIGURES)
        if _quantity(template.format(W=w, n=n), w, n) != n
    ]
    assert lost == []


@pytest.mark.parametrize(
    ("text", "item", "n", "want"),
    [
        ("德国将向法国交付20辆坦克，国防部周二在北京宣布。", "坦克", 20, 20),
        ("德国将在11天内向法国交付坦克，国防部周二在北京宣布。", "坦克", 11, None),
        ("Германия поставит Франции 20 танков, сообщило министерство обороны.", "танков", 20, 20),
        (
            "Германия поставит Франции танки за 11 дней, сообщило министерство обороны.",
            "танки",
            11,
            None,
        ),
        (
            "L'Allemagne livrera 20 chars à la France dans 11 jours, a annoncé le ministère.",
            "chars",
            11,
            None,
        ),
        (
            "L'Allemagne livrera 20 chars à la France dans 11 jours, a annoncé le ministère.",
            "chars",
            20,
            20,
        ),
    ],
)
def test_other_scripts(text: str, item: str, n: int, want: int | None) -> None:
    assert _quantity(text, item, n) == want
