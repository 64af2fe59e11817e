"""Round 69: after a Korean, Chinese or Japanese scale the next word decides what the
figure is. A currency's name, with any particle or suffix of an amount written on it
("5억 원대의", "5억 엔어치", "5亿多美元"), makes it an amount in that currency; any other
word (a counter or unit: "5만 톤", "10万发", "5万台") makes it a count, no amount, and
never one in the default US dollars. English "bil" abbreviates billion in lower case
only: in capitals ("5 BIL projects") it is an acronym (the Bipartisan Infrastructure Law);
round 71: beside a currency ("$5 BIL") it is the billion, as "BN" is.
"""

from __future__ import annotations

import itertools
from decimal import Decimal

import pytest

from extractor.text.quantities import parse_money

FIGURES = [("5", 5), ("30", 30)]

KO_SCALES = [("만", 10**4), ("억", 10**8), ("조", 10**12)]
#: (the Korean press's name of a currency, its code)
KO_CURRENCIES = [
    ("원", "KRW"), ("달러", "USD"), ("엔", "JPY"), ("엔화", "JPY"), ("위안", "CNY"),
    ("유로", "EUR"), ("파운드", "GBP"), ("루블", "RUB"),
]  # fmt: skip
#: Suffixes of an amount and particles, alone and stacked
KO_ENDINGS = ["", "대", "어치", "가량", "정도", "규모", "상당", "씩", "대의", "어치를", "가량이",
              "을", "으로", "이상", "짜리"]  # fmt: skip
KO_COUNTERS = ["명", "톤", "대", "척", "개", "발", "가구", "배럴", "인구", "규모", "명분", "톤의"]

ZH_SCALES = [("万", 10**4), ("亿", 10**8)]
ZH_CURRENCIES = [
    ("美元", "USD"), ("欧元", "EUR"), ("日元", "JPY"), ("人民币", "CNY"), ("元", "CNY"),
    ("港元", "HKD"), ("英镑", "GBP"), ("卢布", "RUB"), ("新台币", "TWD"), ("新加坡元", "SGD"),
]  # fmt: skip
ZH_MORE_THAN = ["", "多", "余"]
ZH_COUNTERS = ["人", "名", "发", "台", "吨", "枚", "架", "艘", "辆", "的资金", "次"]

JA_SCALES = [("万", 10**4), ("億", 10**8), ("兆", 10**12)]
JA_CURRENCIES = [
    ("円", "JPY"), ("ドル", "USD"), ("米ドル", "USD"), ("ユーロ", "EUR"), ("人民元", "CNY"),
    ("元", "CNY"), ("ウォン", "KRW"), ("ポンド", "GBP"), ("台湾ドル", "TWD"), ("香港ドル", "HKD"),
]  # fmt: skip
JA_COUNTERS = ["人", "名", "台", "発", "機", "隻", "トン", "件", "の資金"]


def _ko_money() -> list[tuple[str, tuple[int, str]]]:
    cases = []
    for (f, n), (s, m), (c, code), ending, gap in itertools.product(
        FIGURES, KO_SCALES, KO_CURRENCIES, KO_ENDINGS, ["", " "]
    ):
        cases.append((f"{f}{s}{gap}{c}{ending}", (n * m, code)))
    return cases


def _han_money() -> list[tuple[str, str, tuple[int, str]]]:
    cases = []
    for (f, n), (s, m), (c, code), more in itertools.product(
        FIGURES, ZH_SCALES, ZH_CURRENCIES, ZH_MORE_THAN
    ):
        cases.append((f"{f}{s}{more}{c}", "zh", (n * m, code)))
    for (f, n), (s, m), (c, code) in itertools.product(FIGURES, JA_SCALES, JA_CURRENCIES):
        cases.append((f"{f}{s}{c}", "ja", (n * m, code)))
    return cases


def _counts() -> list[tuple[str, str]]:
    cases = []
    for (f, _), (s, _), counter, gap in itertools.product(
        FIGURES, KO_SCALES, KO_COUNTERS, ["", " "]
    ):
        cases.append((f"{f}{s}{gap}{counter}", "ko"))
    for (f, _), (s, _), counter in itertools.product(FIGURES, ZH_SCALES, ZH_COUNTERS):
        cases.append((f"{f}{s}{counter}", "zh"))
    for (f, _), (s, _), counter in itertools.product(FIGURES, JA_SCALES, JA_COUNTERS):
        cases.append((f"{f}{s}{counter}", "ja"))
    return cases


def test_korean_currency_with_suffix_after_scale_is_that_currency() -> None:
    wrong = [
        (text, got)
        for text, want in _ko_money()
        if (got := parse_money(text, "ko")) != (Decimal(want[0]), want[1])
    ]
    assert not wrong, f"{len(wrong)}/{len(_ko_money())}: {wrong[:10]}"


def test_han_currency_after_scale_is_that_currency() -> None:
    wrong = [
        (text, got)
        for text, language, want in _han_money()
        if (got := parse_money(text, language)) != (Decimal(want[0]), want[1])
    ]
    assert not wrong, f"{len(wrong)}/{len(_han_money())}: {wrong[:10]}"


def test_any_other_word_after_scale_is_a_count_not_money() -> None:
    wrong = [
        (text, got) for text, lang in _counts() if (got := parse_money(text, lang)) is not None
    ]
    assert not wrong, f"{len(wrong)}/{len(_counts())}: {wrong[:10]}"


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("$5 billion", "en", (5 * 10**9, "USD")), ("5억 달러", "ko", (5 * 10**8, "USD")),
    ("3조원", "ko", (3 * 10**12, "KRW")), ("10亿美元", "zh", (10**9, "USD")),
    ("100億円", "ja", (10**10, "JPY")), ("50万人", "zh", None), ("5억 명", "ko", None),
    ("5억 대만 달러", "ko", (5 * 10**8, "TWD")), ("5억 미국 달러를", "ko", (5 * 10**8, "USD")),
    ("5억 미 달러", "ko", (5 * 10**8, "USD")), ("5억여 원", "ko", (5 * 10**8, "KRW")),
    ("5억여원", "ko", (5 * 10**8, "KRW")), ("1조 2천억 원", "ko", (12 * 10**11, "KRW")),
    ("50만 명에게 1인당 10만 원", "ko", (10**5, "KRW")), ("5억 원 규모의 사업", "ko", (5 * 10**8, "KRW")),
    ("20만 위안부 피해자", "ko", None), ("5亿台币", "zh", (5 * 10**8, "TWD")),
    ("5亿人民币", "zh", (5 * 10**8, "CNY")), ("5億～10億円", "ja", (5 * 10**8, "JPY")),
    ("约5亿美元左右", "zh", (5 * 10**8, "USD")), ("5兆ウォン", "ja", (5 * 10**12, "KRW")),
])  # fmt: skip
def test_near_misses(text: str, language: str, expected: tuple[int, str] | None) -> None:
    want = None if expected is None else (Decimal(expected[0]), expected[1])
    assert parse_money(text, language) == want, text


@pytest.mark.parametrize("template", ["${f} BIL funding", "US${f} BIL grants", "${f} BIL"])
@pytest.mark.parametrize("figure", ["2", "5", "40"])
def test_bil_in_capitals_beside_a_currency_is_a_billion(template: str, figure: str) -> None:
    # Round 71: beside a currency an abbreviation in capitals is the scale, as "BN" and
    # "MLN" are (the wire services' capitals); the acronym stands with no currency beside.
    assert parse_money(template.format(f=figure), "en") == (Decimal(figure) * 10**9, "USD")


@pytest.mark.parametrize("template", ["{f} BIL projects", "{f} BIL grants"])
@pytest.mark.parametrize("figure", ["2", "5", "40"])
def test_bil_in_capitals_with_no_currency_is_an_acronym(template: str, figure: str) -> None:
    assert parse_money(template.format(f=figure), "en") == (Decimal(figure), "USD")


@pytest.mark.parametrize("template", ["${f} bil", "${f} Bil.", "${f}bil", "${f} BN", "${f} bn"])
@pytest.mark.parametrize("figure", ["2", "5", "40"])
def test_bil_in_lower_case_and_bn_are_a_billion(template: str, figure: str) -> None:
    assert parse_money(template.format(f=figure), "en") == (Decimal(figure) * 10**9, "USD")
