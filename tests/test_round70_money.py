"""Round 70: "more than" written between a figure and its scale ("50여억 달러", "50余亿美元",
"5000多万美元", "三十多万人") is part of the figure, which is at least the scaled one; read
as the figure alone, "50여억 달러" was 50 dollars. A state's name between a Korean scale
and its currency keeps the currency's particles and suffixes readable ("5억 미국
달러어치" is 500 million US dollars, as "5억 달러어치" and "5억 미국 달러를" are).
"""

from __future__ import annotations

import itertools
from decimal import Decimal

import pytest

from extractor.text.quantities import parse_count, parse_money

FIGURES = [("5", 5), ("30", 30), ("50", 50), ("120", 120)]
KO_SCALES = [("만", 10**4), ("억", 10**8), ("조", 10**12)]
KO_CURRENCIES = [("원", "KRW"), ("달러", "USD"), ("엔", "JPY"), ("유로", "EUR"), ("위안", "CNY")]
KO_ENDINGS = ["", "를", "어치", "가량", "대의", "상당", "규모의", "어치를"]
#: (a state's Korean name written before "달러", the code of its dollar)
KO_DOLLAR_STATES = [("미국", "USD"), ("대만", "TWD"), ("캐나다", "CAD"), ("홍콩", "HKD"),
                    ("호주", "AUD"), ("싱가포르", "SGD"), ("미", "USD")]  # fmt: skip
HAN_FIGURES = [("5", 5), ("30", 30), ("50", 50), ("5000", 5000), ("三十", 30), ("五十", 50)]
ZH_SCALES = [("万", 10**4), ("亿", 10**8)]
ZH_MORE = ["余", "多", "餘"]
ZH_CURRENCIES = [("美元", "USD"), ("元", "CNY"), ("欧元", "EUR"), ("日元", "JPY"), ("港元", "HKD")]
JA_SCALES = [("万", 10**4), ("億", 10**8)]
JA_CURRENCIES = [("円", "JPY"), ("ドル", "USD"), ("ユーロ", "EUR"), ("ウォン", "KRW")]


def _more_than_money() -> list[tuple[str, str, tuple[int, str]]]:
    cases = []
    for (f, n), (s, m), (c, code), gap in itertools.product(
        FIGURES, KO_SCALES, KO_CURRENCIES, ["", " "]
    ):
        cases.append((f"{f}여{s}{gap}{c}", "ko", (n * m, code)))
    for (f, n), (s, m), more, (c, code) in itertools.product(
        HAN_FIGURES, ZH_SCALES, ZH_MORE, ZH_CURRENCIES
    ):
        cases.append((f"{f}{more}{s}{c}", "zh", (n * m, code)))
    for (f, n), (s, m), (c, code) in itertools.product(HAN_FIGURES, JA_SCALES, JA_CURRENCIES):
        cases.append((f"{f}余{s}{c}", "ja", (n * m, code)))
    return cases


def _state_dollars() -> list[tuple[str, tuple[int, str]]]:
    return [
        (f"{f}{s} {state} 달러{ending}", (n * m, code))
        for (f, n), (s, m), (state, code), ending in itertools.product(
            FIGURES[:2], KO_SCALES, KO_DOLLAR_STATES, KO_ENDINGS
        )
    ]


def _more_than_counts() -> list[tuple[str, str, int]]:
    cases = []
    for (f, n), (s, m), (counter, verb) in itertools.product(
        FIGURES, KO_SCALES[:2], [("명", "이 숨졌다"), ("명", "이 다쳤다")]
    ):
        cases.append((f"{f}여{s} {counter}{verb}", "ko", n * m))
    for (f, n), (s, m), more, counter in itertools.product(
        HAN_FIGURES, ZH_SCALES, ZH_MORE, ["人死亡", "人受伤", "名平民遇难"]
    ):
        cases.append((f"{f}{more}{s}{counter}", "zh", n * m))
    return cases


def test_more_than_before_a_scale_keeps_the_scale_of_an_amount() -> None:
    wrong = [
        (text, got)
        for text, language, want in _more_than_money()
        if (got := parse_money(text, language)) != (Decimal(want[0]), want[1])
    ]
    assert not wrong, f"{len(wrong)}/{len(_more_than_money())}: {wrong[:10]}"


def test_state_before_a_korean_currency_with_its_suffix_is_that_states() -> None:
    wrong = [
        (text, got)
        for text, want in _state_dollars()
        if (got := parse_money(text, "ko")) != (Decimal(want[0]), want[1])
    ]
    assert not wrong, f"{len(wrong)}/{len(_state_dollars())}: {wrong[:10]}"


def test_more_than_before_a_scale_is_an_at_least_count_of_the_scaled_figure() -> None:
    wrong = []
    for text, language, want in _more_than_counts():
        got = parse_count(text, language)
        if got is None or got[0] != want or got[3] != "at_least":
            wrong.append((text, got))
    assert not wrong, f"{len(wrong)}/{len(_more_than_counts())}: {wrong[:10]}"


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("5억여 원", "ko", (5 * 10**8, "KRW")), ("5억여원", "ko", (5 * 10**8, "KRW")),
    ("5억 달러여", "ko", (5 * 10**8, "USD")), ("1000만달러", "ko", (10**7, "USD")),
    ("5천만 원", "ko", (5 * 10**7, "KRW")), ("1조 2천억 원", "ko", (12 * 10**11, "KRW")),
    ("50여억 명", "ko", None), ("5亿多美元", "zh", (5 * 10**8, "USD")),
    ("1万余元", "zh", (10**4, "CNY")), ("50余亿人", "zh", None), ("三十多万人", "zh", None),
    ("5億～10億円", "ja", (5 * 10**8, "JPY")), ("5억 미국 달러", "ko", (5 * 10**8, "USD")),
])  # fmt: skip
def test_money_near_misses(text: str, language: str, expected: tuple[int, str] | None) -> None:
    want = None if expected is None else (Decimal(expected[0]), expected[1])
    assert parse_money(text, language) == want, text


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("50여 명이 숨졌다", "ko", (50, "at_least")), ("50명이 숨졌다", "ko", (50, "exact")),
    ("5천 명이 숨졌다", "ko", (5000, "exact")), ("여러 명이 숨졌다", "ko", None),
    ("十多人死亡", "zh", (10, "at_least")), ("500余人死亡", "zh", (500, "at_least")),
    ("3万人死亡", "zh", (30000, "exact")), ("20多名平民", "zh", (20, "at_least")),
])  # fmt: skip
def test_count_near_misses(text: str, language: str, expected: tuple[int, str] | None) -> None:
    got = parse_count(text, language)
    assert (None if got is None else (got[0], got[3])) == expected, (text, got)
