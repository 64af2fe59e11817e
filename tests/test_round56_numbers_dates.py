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
    # "人" after it: a lone numeral ("一") counts only before what it counts. 兆 is the
    # trillion in Japanese and in money; in Chinese it is "mega" (see the tests of 兆 below)
    counted = "元" if "兆" in written and language != "ja" else "人"
    assert parse_number(f"{written}{counted}", language) == value, written
    text = f"死亡{written}{counted}"
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
    # one number only where Indian numbering is in use: the language says so (round 57)
    assert parse_number(f"{written} people", "hi") == number


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


# --------------------------------------------- round 56 mended: 兆, long runs, eras, months

CURRENCIES_AFTER = ["元", "円", "圓", "美元", "日元", "韩元", "台币", "新台幣", "欧元", "歐元"]


@st.composite
def small_figure(draw: st.DrawFn) -> tuple[int, str]:
    """A figure of 1 to 9999 as digits of any script or Chinese numerals with units."""
    number = draw(st.integers(min_value=1, max_value=9999))
    if draw(st.booleans()):
        return number, in_script(number, draw(st.sampled_from(DIGIT_ZEROS)))
    import cn2an

    return number, str(cn2an.an2cn(number))


@SETTINGS
@given(small_figure(), st.sampled_from(CURRENCIES_AFTER), st.sampled_from(["zh", "ja", None]))
def test_zhao_in_money_is_a_trillion(case: tuple[int, str], currency: str, language: str | None):
    number, written = case
    expected = number * 10**12
    assert parse_number(f"预算{written}兆{currency}", language) == expected, written


@SETTINGS
@given(
    small_figure(),
    st.sampled_from(["政府債務は{}兆に達した", "売上高は{}兆を超えた", "{}兆ドルの資産"]),
    st.sampled_from(["ja", None]),
)
def test_zhao_in_japanese_is_a_trillion(case: tuple[int, str], form: str, language: str | None):
    number, written = case
    assert parse_number(form.format(written + ""), language) == number * 10**12


@SETTINGS
@given(
    small_figure(),
    st.sampled_from(
        ["带宽达到{}兆宽带", "{}兆内存", "下载速度{}兆每秒", "文件大小为{}兆。", "{}兆的流量"]
    ),
    st.sampled_from(["zh", None]),
)
def test_zhao_in_mainland_chinese_is_mega(case: tuple[int, str], form: str, language: str | None):
    """ "100兆宽带" is 100 megabits: the figure is the number before 兆, never 10**14."""
    number, written = case
    text = form.format(written)
    assert parse_number(text, language) == number, text
    assert all(f.value < 10**12 for f in figures_in(text, language)), text


NUMERAL_ALPHABETS = ["一", "〇", "一二三四五六七八九〇", "一十百千万亿兆两", "1一2二3三"]


@settings(max_examples=25, deadline=None)
@given(
    st.sampled_from(NUMERAL_ALPHABETS),
    st.integers(min_value=200, max_value=3000),
    st.randoms(use_true_random=False),
)
def test_long_runs_of_numerals_are_read_with_bounded_work(alphabet: str, length: int, rng: object):
    """A run longer than any number ("一" * 10000) is no number: cn2an, whose work grows
    with the square of what it is given, never reads more than a number's length, and
    the figures around it are still read."""
    import random

    import cn2an

    assert isinstance(rng, random.Random)
    run = "".join(rng.choice(alphabet) for _ in range(length))
    text = f"死亡三人，{run}，受伤25人"
    given_lengths: list[int] = []
    real = cn2an.cn2an

    def counting(value: str, *args: object, **kwargs: object) -> object:
        given_lengths.append(len(value))
        return real(value, *args, **kwargs)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(cn2an, "cn2an", counting)
        values = [f.value for f in figures_in(text, "zh") if f.is_number]
    assert max(given_lengths, default=0) <= 40
    assert sum(given_lengths) <= 200
    assert values[0] == 3 and values[-1] == 25


ERAS = {"明治": (1867, 45), "大正": (1911, 15), "昭和": (1925, 64), "平成": (1988, 31),
        "令和": (2018, 30)}  # fmt: skip


@SETTINGS
@given(st.sampled_from(sorted(ERAS)), st.data(), st.sampled_from(["ja", None]))
def test_japanese_era_dates_are_their_gregorian_dates(
    era: str, data: st.DataObject, language: str | None
):
    base, last = ERAS[era]
    number = data.draw(st.integers(min_value=1, max_value=last))
    month = data.draw(st.integers(min_value=1, max_value=12))
    dom = data.draw(st.integers(min_value=1, max_value=28))
    first = number == 1 and data.draw(st.booleans())
    era_year = "元" if first else data.draw(figure_as(number))
    written = f"{era}{era_year}年{data.draw(figure_as(month))}月{data.draw(figure_as(dom))}日"
    gregorian = date(base + number, month, dom)
    published = date(2024, 6, 1)
    found = resolve_date(written, published, language)
    assert (found.value, found.precision) == (gregorian.isoformat(), "day"), written
    assert resolve_date(f"{era}{era_year}年", published, language).value == str(base + number)
    sentence = f"事件は{written}に起きた。"
    dates = find_dates(sentence, language or "ja", published)
    assert [(text, value.value) for text, value in dates] == [(written, gregorian.isoformat())]


@SETTINGS
@given(
    st.integers(min_value=180, max_value=209).map(lambda d: d * 10),
    st.sampled_from(
        ["{}年代", "{}년대", "{}s", "the {}s", "{}年代前半", "{}年代后半", "{}年代後半"]
    ),
    st.sampled_from(["zh", "ja", "ko", None]),
)
def test_a_decade_is_a_range_of_years(decade: int, form: str, language: str | None):
    written = form.format(decade)
    found = resolve_date(written, date(2024, 6, 1), language)
    start, end = decade, decade + 9
    if "前半" in form:
        end = decade + 4
    elif "半" in form:
        start = decade + 5
    assert (found.value, found.end, found.kind) == (str(start), str(end), "range"), written


@SETTINGS
@given(
    st.integers(min_value=1900, max_value=2099),
    st.sampled_from(
        [
            "约{}年",
            "大约{}年",
            "{}年左右",
            "{}年前后",
            "{}年頃",
            "{}年ごろ",
            "약 {}년",
            "{}년경",
            "about {}",
        ]
    ),
    st.sampled_from(["zh", "ja", "ko", None]),
)
def test_cjk_approximators_make_a_date_approximate(year: int, form: str, language: str | None):
    written = form.format(year)
    found = resolve_date(written, date(2024, 6, 1), language)
    assert (found.value, found.kind) == (str(year), "approximate"), written
    # the year alone, or in New York, is exact
    assert resolve_date(f"纽约{year}年", date(2024, 6, 1), language).kind == "exact"


DETERMINERS = "同每这這那单统上本该此整隔逐"


@SETTINGS
@given(
    st.integers(min_value=1, max_value=12),
    st.sampled_from(DETERMINERS),
    st.sampled_from(["内", "都有", "里", "的工资", ""]),
    st.sampled_from(["zh", "ja"]),
)
def test_a_counted_month_is_no_month(month: int, determiner: str, tail: str, language: str):
    """ "同一月内", "每一月": one month (a duration), not January."""
    text = f"两起事故发生在{determiner}{han_small(month)}月{tail}。"
    assert find_dates(text, language, date(2024, 6, 1)) == [], text
    # a duration after it: "三月有余", "五月天"
    text = f"他离开了{han_small(month)}月{'有余' if month % 2 else '天'}。"
    assert find_dates(text, language, date(2024, 6, 1)) == [], text


@SETTINGS
@given(
    st.integers(min_value=1, max_value=12),
    st.integers(min_value=1, max_value=28),
    st.sampled_from(
        [
            "他于{m}月抵达",
            "去年{m}月发生",
            "2023年{m}月",
            "{m}月{d}日",
            "在{m}月{d}号",
            "这{m}月{d}日",
        ]
    ),
    st.sampled_from(["zh", "ja"]),
)
def test_an_anchored_chinese_numeral_month_is_a_month(
    month: int, dom: int, form: str, language: str
):
    text = form.format(m=han_small(month), d=han_small(dom))
    found = find_dates(text, language, date(2024, 6, 1))
    months = [value.value[5:7] for _, value in found if value.value and len(value.value) >= 7]
    assert months == [f"{month:02d}"], (text, found)
