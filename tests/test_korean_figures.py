"""Korean figures written in parts: the large scales (만, 억, 조) multiply their whole group.

"2천5백만" is (2천 + 5백)만, twenty-five million; read part by part it was five
million. The figures here are generated: any number below ten thousand trillion,
each of its four-digit groups written either as digits ("2500만") or in the small
scales ("2천5백만"), the groups written together, with a unit of money or of people.
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from extractor.text.quantities import parse_count, parse_money

_LARGE = ((10**12, "조"), (10**8, "억"), (10**4, "만"), (1, ""))


@st.composite
def korean_figures(draw: st.DrawFn) -> tuple[int, str]:
    """A number and a way of writing it in Korean digits and scales."""
    value = draw(st.integers(min_value=1, max_value=10**16 - 1))
    parts: list[str] = []
    for size, unit in _LARGE:
        group = value // size % 10**4
        if not group:
            continue
        if draw(st.booleans()) and group % 100 == 0:  # "2천5백": the small scales
            thousands, hundreds = divmod(group // 100, 10)
            written = (f"{thousands}천" if thousands else "") + (
                f"{hundreds}백" if hundreds else ""
            )
        else:
            written = str(group)
        parts.append(written + unit)
    return value, "".join(parts)


@given(korean_figures(), st.sampled_from([" 원", "원", " 원을"]))
def test_a_korean_amount_is_the_number_it_writes(figure: tuple[int, str], unit: str) -> None:
    value, written = figure
    assert parse_money(f"예산은 {written}{unit} 규모다.", "ko") == (Decimal(value), "KRW"), written


@given(korean_figures())
def test_a_korean_count_is_the_number_it_writes(figure: tuple[int, str]) -> None:
    value, written = figure
    count = parse_count(f"{written} 명이 숨졌다.", "ko")
    assert count is not None and count[:3] == (value, value, value), (written, count)


def test_more_than_inside_a_figure_stays_at_least() -> None:
    """ "여" (more than) between the parts keeps its reading: at least the figure."""
    assert parse_count("2천5백여만 명이 숨졌다.", "ko") == (
        25_000_000,
        25_000_000,
        None,
        "at_least",
    )
    assert parse_count("5천여만 명이 숨졌다.", "ko") == (50_000_000, 50_000_000, None, "at_least")
