"""Round 68: after a Korean, Chinese or Japanese scale the word that follows decides what
a figure is: a currency's name makes it an amount in that currency (Korean writes "엔" and
"위안" as often as the CLDR's "엔화", "위안화"), a counter of people or things makes it a
count, no amount at all ("5억 명", "5亿人"). English "bil" abbreviates billion as "bln"
does: "$2 bil" is two billion dollars, never two."""

from __future__ import annotations

import itertools

import pytest

from extractor.text.quantities import parse_money

FIGURES = [("5", 5), ("100", 100), ("3", 3)]
KO_SCALES = [("억", 10**8), ("만", 10**4), ("조", 10**12)]
#: (Korean currency as the press writes it, code)
KO_CURRENCIES = [
    ("엔", "JPY"), ("엔화", "JPY"), ("위안", "CNY"), ("위안화", "CNY"), ("원", "KRW"),
    ("달러", "USD"), ("유로", "EUR"), ("대만 달러", "TWD"),
]  # fmt: skip
KO_SPACING = ["{f}{s} {c}", "{f}{s}{c}", "정부는 {f}{s} {c}을 지원했다"]
KO_COUNTERS = ["명", "명이", "명의", "개", "대", "곳", "건"]
HAN = [("5亿人", "zh"), ("3万名", "zh"), ("100億人", "ja"), ("20万件", "ja"), ("3亿个", "zh")]


@pytest.mark.parametrize(("figure", "scale", "currency", "template"), list(
    itertools.product(FIGURES, KO_SCALES, KO_CURRENCIES, KO_SPACING)
))  # fmt: skip
def test_korean_currency_after_scale_decides(
    figure: tuple[str, int], scale: tuple[str, int], currency: tuple[str, str], template: str
) -> None:
    text = template.format(f=figure[0], s=scale[0], c=currency[0])
    assert parse_money(text, "ko") == (figure[1] * scale[1], currency[1]), text


@pytest.mark.parametrize(("figure", "scale", "counter"), list(
    itertools.product(FIGURES, KO_SCALES, KO_COUNTERS)
))  # fmt: skip
def test_korean_counter_after_scale_is_no_money(
    figure: tuple[str, int], scale: tuple[str, int], counter: str
) -> None:
    for text in (f"{figure[0]}{scale[0]} {counter}", f"{figure[0]}{scale[0]}{counter}"):
        assert parse_money(text, "ko") is None, text


@pytest.mark.parametrize(("text", "language"), HAN)
def test_han_counter_after_scale_is_no_money(text: str, language: str) -> None:
    assert parse_money(text, language) is None


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("100亿日元", "zh", "JPY"), ("100亿台币", "zh", "TWD"), ("100億円", "ja", "JPY"),
    ("5亿美元", "zh", "USD"), ("100억 대만 달러", "ko", "TWD"),
])  # fmt: skip
def test_han_and_korean_currencies_still_read(text: str, language: str, expected: str) -> None:
    money = parse_money(text, language)
    assert money is not None and money[1] == expected, text


@pytest.mark.parametrize("figure", ["2", "1.5", "40"])
@pytest.mark.parametrize("template", ["${f} bil", "${f} bil.", "US${f} bil", "a ${f} bil deal"])
def test_bil_is_a_billion(figure: str, template: str) -> None:
    from decimal import Decimal

    assert parse_money(template.format(f=figure), "en") == (Decimal(figure) * 10**9, "USD")
