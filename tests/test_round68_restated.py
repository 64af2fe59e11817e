"""Round 68: a count written in words and restated in digits, as procurement notices
write it ("up to one hundred (100) AGM-114R Hellfire Missiles"), is the count of the
item that follows: SIPRI counts the units a notice states. Round 65 required the figure
to be written on its item, and the bracket between them hid it, so every such count of
a notice was emptied with a warning (fails on main: all of THE_COUNT).

The corpus is built here: counts in words x items x notice frames. Near misses: the
restated count of another noun before the item stays no count of it."""

from __future__ import annotations

import itertools

import pytest

from tests.test_round65_armstatus import _quantity

COUNTS = [(3, "three"), (12, "twelve"), (40, "forty"), (100, "one hundred"),
          (730, "seven hundred thirty")]  # fmt: skip
ITEMS = ["AGM-114R Hellfire Missiles", "M777 howitzers", "Javelin missiles", "F-16 aircraft"]
THE_COUNT = [
    "The Government of France has requested to buy from Germany up to {w} ({n}) {I}.",
    "The Government of France has requested to buy from Germany {w} ({n}) {I}; and two (2) trailers.",
    "The Government of France has requested to buy from Germany two (2) trailers and {w} ({n}) {I}.",
    "Germany will deliver {w} ({n}) {I} to France, officials said.",
]  # fmt: skip
NOT_THE_COUNT = [
    "Germany will deliver {w} ({n}) trucks and {I} to France, officials said.",
    "The Government of France has requested to buy from Germany {I} and {w} ({n}) trailers.",
]


@pytest.mark.parametrize("template", THE_COUNT)
def test_a_count_restated_in_digits_is_the_items(template: str) -> None:
    lost = [
        (item, n)
        for (n, words), item in itertools.product(COUNTS, ITEMS)
        if _quantity(template.format(w=words, n=n, I=item), item, n) != n
    ]
    assert lost == []


@pytest.mark.parametrize("template", NOT_THE_COUNT)
def test_another_nouns_restated_count_is_none(template: str) -> None:
    kept = [
        (item, n)
        for (n, words), item in itertools.product(COUNTS, ITEMS)
        if _quantity(template.format(w=words, n=n, I=item), item, n) == n
    ]
    assert kept == []
