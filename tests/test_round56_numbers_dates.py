"""Round 56: figures and dates written with digits of any script beside words or units.

Every input is generated: an integer or a date is written the way a reader writes it
(Chinese/Japanese units with digits of random scripts, Chinese numerals in dates,
Devanagari, Persian and Arabic-Indic digits with their scale words, the Indian grouping),
and the reading must give back the integer or the date.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.text.dates import find_dates, resolve_date
from extractor.text.quantities import figures_in, parse_money, parse_number
from extractor.types.parts import Count, DateValue, Money

SETTINGS = settings(max_examples=60, deadline=None)

#: Digit scripts: ASCII, full-width, Arabic-Indic, Devanagari.
DIGIT_ZEROS = (0x30, 0xFF10, 0x0660, 0x0966)
HAN = "〇一二三四五六七八九"


def in_script(number: int, zero: int) -> str:
    return "".join(chr(zero + int(c)) for c in str(number))


@st.composite
def mixed_chinese(draw: st.DrawFn) -> tuple[int, str]:
    """An integer and one way a Chinese or Japanese text writes it: each 万 group as
    digits or with the units 千/百/十, each digit in a random script or as a Chinese
    numeral, 零 where a place is skipped (as the written language does)."""
    value = draw(st.one_of(st.integers(1, 10**8), st.integers(1, 10**16 - 1)))
    big = draw(st.sampled_from([("兆", "亿", "万"), ("兆", "億", "萬")]))
    groups = [
        (value // 10**12, big[0]),
        (value // 10**8 % 10**4, big[1]),
        (value // 10**4 % 10**4, big[2]),
        (value % 10**4, ""),
    ]
    out: list[str] = []
    written = False  # a higher group or place was written
    gap = False  # a place was skipped since
    for group, unit in groups:
        if group == 0:
            gap = gap or written
            continue
        if written and (gap or group < 1000):
            out.append("零")
        if draw(st.booleans()):  # the group as digits: "3400万"
            out.append(in_script(group, draw(st.sampled_from(DIGIT_ZEROS))))
        else:  # the group with units: "3千4百万"
            places = [(group // 1000, "千"), (group // 100 % 10, "百"), (group // 10 % 10, "十"),
                      (group % 10, "")]  # fmt: skip
            started, inner_gap = False, False
            for digit, place in places:
                if digit == 0:
                    inner_gap = inner_gap or started
                    continue
                if inner_gap:
                    out.append("零")
                if draw(st.booleans()):
                    out.append(HAN[digit])
                else:
                    out.append(chr(draw(st.sampled_from(DIGIT_ZEROS)) + digit))
                out.append(place)
                started, inner_gap = True, False
        out.append(unit)
        written, gap = True, False
    return value, "".join(out)


@SETTINGS
@given(mixed_chinese(), st.sampled_from(["zh", "ja", None]))
def test_mixed_digits_and_han_units_are_one_figure(case: tuple[int, str], language: str | None):
    value, written = case
    # "人" after it: a lone numeral ("一") counts only before what it counts
    assert parse_number(f"{written}人", language) == value, written
    text = f"死亡{written}人"
    figures = [f for f in figures_in(text, language) if f.is_number]
    assert len(figures) == 1, (written, figures)
    (figure,) = figures
    assert figure.value == value
    assert text[figure.start : figure.end] == figure.text == written


@SETTINGS
@given(
    st.integers(min_value=1, max_value=99999).filter(lambda n: n % 10),
    st.sampled_from(DIGIT_ZEROS),
    st.sampled_from(["万", "萬", "亿", "億"]),
)
def test_decimal_before_a_han_unit(tenths: int, zero: int, unit: str):
    whole, fraction = divmod(tenths, 10)
    written = f"{in_script(whole, zero)}.{in_script(fraction, zero)}{unit}"
    scale = 10**4 if unit in "万萬" else 10**8
    assert parse_number(written, "zh") == Decimal(tenths) * scale / 10


@SETTINGS
@given(st.integers(min_value=1, max_value=9999), st.sampled_from(["瓦", "赫", "字节", "帕"]))
def test_zhao_before_a_unit_of_measure_is_mega_not_a_scale(number: int, unit: str):
    """ "500兆瓦" is 500 megawatts: the figure is 500, not 500 * 10**12."""
    assert parse_number(f"装机容量{number}兆{unit}", "zh") == number


# ------------------------------------------------------------------------------ dates


def han_small(number: int) -> str:
    """A month or day in Chinese numerals: "三", "十", "十二", "二十", "三十一"."""
    tens, ones = divmod(number, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else HAN[tens] + "十")
    return head + (HAN[ones] if ones else "")


@st.composite
def figure_as(draw: st.DrawFn, number: int, year: bool = False) -> str:
    style = draw(st.sampled_from(["digits", "han"]))
    if style == "digits":
        return in_script(number, draw(st.sampled_from(DIGIT_ZEROS)))
    if year:
        zero = draw(st.sampled_from("〇零○"))
        return "".join(zero if c == "0" else HAN[int(c)] for c in str(number))
    return han_small(number)


@SETTINGS
@given(
    st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)),
    st.booleans(),
    st.sampled_from(["zh", "ja", None]),
    st.data(),
)
def test_han_dates_resolve_as_their_ascii_spelling(
    day: date, with_year: bool, language: str | None, data: st.DataObject
):
    published = date(2023, 5, 1)
    year = data.draw(figure_as(day.year, year=True)) + "年" if with_year else ""
    month, dom = data.draw(figure_as(day.month)), data.draw(figure_as(day.day))
    mark = data.draw(st.sampled_from("日号"))
    written = f"{year}{month}月{dom}{mark}"
    ascii_form = (
        f"{day.year}年{day.month}月{day.day}日" if with_year else f"{day.month}月{day.day}日"
    )
    found = resolve_date(written, published, language)
    assert found.value is not None, written
    assert found == resolve_date(ascii_form, published, language)
    if with_year:
        assert (found.value, found.precision) == (day.isoformat(), "day")
    else:
        assert found.value[5:] == day.isoformat()[5:]
    # In running text, the expression is found as written, with the same value.
    sentence = f"据报道，{written}发生袭击。"
    dates = find_dates(sentence, language or "zh", published)
    assert [(text, value.value) for text, value in dates] == [(written, found.value)]


@SETTINGS
@given(
    st.integers(min_value=1900, max_value=2099),
    st.sampled_from(["{}年", "{}년", "{}г.", "{}م", "{} में", "{}年度"]),
    st.sampled_from(DIGIT_ZEROS),
    st.sampled_from([None, "zh", "ja", "ko", "ru", "ar", "hi", "und"]),
)
def test_year_alone_in_any_script_is_year_precision(
    year: int, form: str, zero: int, language: str | None
):
    written = form.format(in_script(year, zero))
    found = resolve_date(written, date(2023, 5, 1), language)
    assert (found.value, found.precision) == (f"{year:04d}", "year"), written


@SETTINGS
@given(
    st.sampled_from([(2, 30), (2, 31), (4, 31), (6, 31), (9, 31), (11, 31)]),
    st.integers(min_value=1900, max_value=2099),
    st.booleans(),
    st.sampled_from(["zh", "ja", None]),
)
def test_days_outside_the_month_stay_unresolved(
    month_day: tuple[int, int], year: int, with_year: bool, language: str | None
):
    month, day = month_day
    written = (f"{year}年" if with_year else "") + f"{han_small(month)}月{han_small(day)}日"
    found = resolve_date(written, date(2023, 5, 1), language)
    assert found.value is None
    assert found.note is not None and "calendar" in found.note
    assert find_dates(written, language or "zh", date(2023, 5, 1)) == []


# ---------------------------------------------------------------------- the public API

WRONG = st.one_of(
    st.floats(allow_nan=False),
    st.binary(max_size=4),
    st.booleans(),
    st.lists(st.integers(), max_size=2),
    st.dictionaries(st.text(max_size=2), st.integers(), max_size=1),
)


@SETTINGS
@given(WRONG)
def test_count_and_money_name_a_wrong_type(value: object):
    with pytest.raises(TypeError, match=rf"Count\.parse: text must be .*{type(value).__name__}"):
        Count.parse(value)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=rf"Money\.parse: text must be .*{type(value).__name__}"):
        Money.parse(value)  # type: ignore[arg-type]


def test_none_is_no_count_and_no_amount():
    assert Count.parse(None) is None
    assert Money.parse(None) is None
    assert DateValue.resolve(None, date(2023, 5, 31)) is None


@SETTINGS
@given(st.one_of(WRONG.filter(lambda v: not isinstance(v, bool)), st.integers()))
def test_published_of_a_wrong_type_is_named(value: object):
    for call in (
        lambda: DateValue.resolve("yesterday", value),  # type: ignore[arg-type]
        lambda: resolve_date("yesterday", value),  # type: ignore[arg-type]
        lambda: find_dates("ayer", "es", value),  # type: ignore[arg-type]
    ):
        with pytest.raises(TypeError, match=rf"published must be .*{type(value).__name__}"):
            call()


@SETTINGS
@given(
    st.dates(min_value=date(1, 1, 2), max_value=date(9999, 12, 30)),
    st.sampled_from(["yesterday", "today", "on Tuesday", "last month", "三月五日"]),
)
def test_published_as_iso_string_or_datetime_is_its_day(day: date, text: str):
    """As ``extract(..., published=...)`` takes it: a date, an ISO string, a datetime."""
    language = None if text.isascii() else "zh"
    expected = resolve_date(text, day, language)
    moment = datetime(day.year, day.month, day.day, 12, 30)
    assert resolve_date(text, day.isoformat(), language) == expected
    assert resolve_date(text, moment, language) == expected
    assert DateValue.resolve(text, day.isoformat(), language) == DateValue.resolve(
        text, day, language
    )
    if text == "yesterday":
        assert expected.value == (day - timedelta(days=1)).isoformat()


@SETTINGS
@given(st.one_of(WRONG, st.integers()))
def test_resolve_date_names_a_text_of_the_wrong_type(value: object):
    name = type(value).__name__
    with pytest.raises(TypeError, match=rf"resolve_date: text must be a str.*{name}"):
        resolve_date(value)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=rf"find_dates: text must be a str.*{name}"):
        find_dates(value, "zh", None)  # type: ignore[arg-type]


# ------------------------------------------------------------------ other scripts

SCALES = [
    ("हज़ार", 10**3, 0x0966), ("हजार", 10**3, 0x0966), ("लाख", 10**5, 0x0966),
    ("करोड़", 10**7, 0x0966), ("हज़ार", 10**3, 0x30),
    ("هزار", 10**3, 0x06F0), ("میلیون", 10**6, 0x06F0),
    ("ألف", 10**3, 0x0660), ("مليون", 10**6, 0x0660),
]  # fmt: skip


@SETTINGS
@given(st.integers(min_value=1, max_value=999), st.sampled_from(SCALES))
def test_digits_of_a_script_with_its_scale_word(number: int, scale: tuple[str, int, int]):
    word, value, zero = scale
    written = f"{in_script(number, zero)} {word}"
    assert parse_number(written) == number * value, written


def indian(number: int) -> str:
    """The Indian grouping: "3,50,000", "12,34,56,789"."""
    text = str(number)
    head, tail = text[:-3], text[-3:]
    pairs = []
    while head:
        head, pairs = head[:-2], [head[-2:], *pairs]
    return ",".join([*pairs, tail])


@SETTINGS
@given(st.integers(min_value=10**5, max_value=10**13), st.sampled_from([0x30, 0x0966]))
def test_indian_grouping(number: int, zero: int):
    written = "".join(chr(zero + int(c)) if c.isdigit() else c for c in indian(number))
    crore = "crore" if zero == 0x30 else "करोड़"
    assert parse_number(f"Rs {written} {crore} loss") == number * 10**7
    assert parse_number(f"{written} people") == number


@SETTINGS
@given(
    st.integers(min_value=1, max_value=999),
    st.integers(min_value=1, max_value=999),
    st.sampled_from([("مليارات", "مليون", 0x0660, "و"), ("میلیارد", "میلیون", 0x06F0, "و ")]),
)
def test_arabic_script_scales_joined_by_wa_are_one_amount(
    billions: int, millions: int, words: tuple[str, str, str | int, str]
):
    big, small, zero, joiner = words
    assert isinstance(zero, int)
    written = f"{in_script(billions, zero)} {big} {joiner}{in_script(millions, zero)} {small} دولار"
    assert parse_money(written) == (Decimal(billions * 10**9 + millions * 10**6), "USD")
