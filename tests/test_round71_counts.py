"""Round 71: Korean hundreds and Japanese "more than" after the counter.

A prober found Korean "5백 명" (five hundred people) read as 5: the scale table had
thousands, ten thousands and up, but no "백" (hundred), so "5백여 명" (more than 500) was
5 exact and "3백억 원" 3 won. Japanese writes "more than" after the counter as well as
before the figure ("5000人超が死亡", "3万人余が死亡"): those were exact counts. Counts are
built from figures x scales x endings; near misses keep their readings."""

from __future__ import annotations

import itertools

import pytest

from extractor.text.quantities import parse_count, parse_money

KO_FIGURES = [(1, "1"), (3, "3"), (5, "5"), (9, "9")]
KO_ENDINGS = ["{F}백 명이 숨졌다", "{F}백명이 사망했다", "{F}백 명의 사망자"]
KO_MORE = ["{F}백여 명이 숨졌다", "{F}백여명이 사망했다"]


@pytest.mark.parametrize(
    ("text", "value"),
    [(e.format(F=f), v * 100) for (v, f), e in itertools.product(KO_FIGURES, KO_ENDINGS)],
)
def test_a_korean_hundred_scales_its_figure(text: str, value: int) -> None:
    """Fails on main: 12/12."""
    assert parse_count(text, "ko") == (value, value, value, "exact")


@pytest.mark.parametrize(
    ("text", "value"),
    [(e.format(F=f), v * 100) for (v, f), e in itertools.product(KO_FIGURES, KO_MORE)],
)
def test_a_korean_hundred_with_more_than_is_at_least(text: str, value: int) -> None:
    """Fails on main: 8/8."""
    assert parse_count(text, "ko") == (value, value, None, "at_least")


@pytest.mark.parametrize(
    ("text", "value", "code"),
    [("3백억 원", 3 * 10**10, "KRW"), ("5백만 달러", 5 * 10**6, "USD"), ("2백억 엔", 2 * 10**10, "JPY"),
     ("5천억 원", 5 * 10**11, "KRW")],
)  # fmt: skip
def test_a_korean_hundred_before_a_larger_scale_multiplies_it(
    text: str, value: int, code: str
) -> None:
    """Fails on main: 2/4 ("5백만" and "5천억" were read)."""
    money = parse_money(text, "ko")
    assert money is not None and money[0] == value and money[1] == code


JA_FIGURES = [(5000, "5000"), (30000, "3万"), (120, "120")]
JA_MORE = ["{F}人超が死亡した", "{F}人余が死亡した", "{F}人余の死者", "{F}人超、負傷者多数"]


@pytest.mark.parametrize(
    ("text", "value"),
    [(e.format(F=f), v) for (v, f), e in itertools.product(JA_FIGURES, JA_MORE)],
)
def test_a_japanese_more_than_after_the_counter_is_at_least(text: str, value: int) -> None:
    """Fails on main: 12/12."""
    assert parse_count(text, "ja") == (value, value, None, "at_least")


@pytest.mark.parametrize(
    ("text", "language", "value"),
    [("5000人が死亡した", "ja", 5000), ("100人超市", "zh", 100), ("3万人の死者", "ja", 30000),
     ("5천 명이 숨졌다", "ko", 5000)],
)  # fmt: skip
def test_near_misses_stay_exact(text: str, language: str, value: int) -> None:
    """Near misses: no "more than" after the counter, or "超" opening another word."""
    assert parse_count(text, language) == (value, value, value, "exact")
