"""Round 57: figures read from article text, every input generated.

Each test writes a number the way a reader of some language writes it (scale words of
European languages, comma runs, Chinese ordinals and ranges, Urdu and Bengali scales,
currency names and signs, approximators) and checks the reading gives the number back;
or feeds inputs long enough that work growing faster than the input would show, counting
calls rather than timing them.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from extractor.text import quantities
from extractor.text.quantities import (
    figures_in,
    find_figure,
    number_forms,
    parse_count,
    parse_money,
    parse_number,
)

SETTINGS = settings(max_examples=40, deadline=None)

#: (language, scale word, its value, a noun of that language that names the language).
EUROPEAN_SCALES = [
    ("de", "Tausend", 10**3, "Menschen"),
    ("de", "Millionen", 10**6, "Menschen"),
    ("it", "mila", 10**3, "persone"),
    ("it", "milioni", 10**6, "persone"),
    ("it", "miliardi", 10**9, "persone"),
    ("pt", "mil", 10**3, "pessoas"),
    ("pt", "milhões", 10**6, "pessoas"),
    ("pt", "bilhões", 10**9, "pessoas"),
    ("pt", "mil milhões", 10**9, "pessoas"),
    ("es", "mil", 10**3, "personas"),
    ("es", "millones", 10**6, "personas"),
    ("es", "mil millones", 10**9, "personas"),
    ("pl", "tysięcy", 10**3, "osób"),
    ("pl", "tys.", 10**3, "osób"),
    ("pl", "milionów", 10**6, "osób"),
    ("pl", "mld", 10**9, "osób"),
    ("uk", "тисяч", 10**3, "людей"),
    ("uk", "мільйонів", 10**6, "людей"),
    ("nl", "duizend", 10**3, "mensen"),
    ("nl", "miljoen", 10**6, "mensen"),
]


@SETTINGS
@given(st.sampled_from(EUROPEAN_SCALES), st.integers(1, 999), st.booleans())
def test_european_scale_words_scale_the_digits(entry, number, said):
    language, word, scale, noun = entry
    text = f"{number} {word} {noun}"
    assert parse_number(text, language if said else None) == number * scale, text
    money = f"{number} {word} euro"
    assert parse_money(money, language) == (number * scale, "EUR"), money


@SETTINGS
@given(st.lists(st.integers(0, 999), min_size=3, max_size=6), st.sampled_from(["en", "de", None]))
def test_a_comma_run_that_groups_nothing_is_a_list(numbers, language):
    """Outside Indian numbering, "5,10,15,100" is four numbers, never 51,015,100."""
    written = ",".join(str(n) for n in numbers)
    assume(not all(len(str(n)) == 3 for n in numbers[1:]) or len(str(numbers[0])) > 3)
    text = f"scores of {written} were given"
    assert [f.value for f in figures_in(text, language) if f.is_number] == [
        Decimal(n) for n in numbers
    ], text


def indian(number: int) -> str:
    text = str(number)
    head, tail = text[:-3], text[-3:]
    pairs: list[str] = []
    while head:
        head, pairs = head[:-2], [head[-2:], *pairs]
    return ",".join([*pairs, tail])


#: Where Indian numbering is in use: (template, language, scale of the figure).
INDIAN_CONTEXTS = [
    ("Rs {} loss", None, 1), ("₹{} loss", None, 1), ("{} lakh", None, 10**5),
    ("INR {}", None, 1), ("{} रुपये", None, 1), ("Rs {}, said the police", None, 1),
    ("{} people", "hi", 1), ("{} लाख", "hi", 10**5), ("{} people", "bn", 1),
]  # fmt: skip


@SETTINGS
@given(st.integers(10**5, 10**11), st.sampled_from(INDIAN_CONTEXTS))
def test_indian_grouping_where_indian_numbering_is_in_use(number, context):
    """A sentence comma after the figure ends it: "Rs 3,50,000, said" was 3.5."""
    template, language, scale = context
    text = template.format(indian(number))
    assert parse_number(text, language) == number * scale, text


@st.composite
def han_mixed(draw: st.DrawFn) -> tuple[int, str]:
    """An integer of 10,000 or more and a mixed form of it: "1万2千", "3万5000", "2亿300万"."""
    yi = draw(st.integers(0, 99))
    wan = draw(st.integers(0 if yi else 1, 9999))
    rest = draw(st.sampled_from([0, 1000 * draw(st.integers(1, 9)), draw(st.integers(1000, 9999))]))
    value = yi * 10**8 + wan * 10**4 + rest
    text = (f"{yi}亿" if yi else "") + (f"{wan}万" if wan else "")
    if rest:
        if yi and not wan:
            text += "零"
        text += f"{rest // 1000}千" if rest % 1000 == 0 and draw(st.booleans()) else str(rest)
    return value, text


@SETTINGS
@given(han_mixed())
def test_an_ordinal_han_run_is_no_count(drawn):
    value, text = drawn
    assert parse_number(f"{text}名", "zh") == value, text
    ordinal = f"第{text}名"
    assert [f for f in figures_in(ordinal, "zh") if f.is_number] == [], ordinal
    assert parse_count(ordinal, "zh") is None, ordinal


@SETTINGS
@given(
    st.integers(1, 9),
    st.integers(1, 9),
    st.sampled_from(["-", "～", "〜", "~", "至", "到"]),
    st.sampled_from([("万", 10**4), ("萬", 10**4), ("亿", 10**8), ("億", 10**8)]),
    st.booleans(),
)
def test_a_han_range_shares_its_unit(low, span, between, unit, numerals):
    high = low + span
    char, scale = unit
    if numerals and high < 10:
        written = "〇一二三四五六七八九"
        text = f"{written[low]}{between}{written[high]}{char}人"
    else:
        text = f"{low}{between}{high}{char}人"
    assert parse_count(text) == (low * scale, low * scale, high * scale, "exact"), text
    assert find_figure(text, low * scale) is not None, text


@SETTINGS
@given(st.integers(1, 99), st.integers(1, 9), st.sampled_from(["million", "billion"]))
def test_an_english_range_shares_its_scale(low, span, word):
    scale = 10**6 if word == "million" else 10**9
    text = f"{low} to {low + span} {word} people"
    assert find_figure(text, low * scale) is not None, text


@SETTINGS
@given(st.integers(10**4, 10**12), st.sampled_from(["zh", "ja"]))
def test_number_forms_have_the_mixed_han_forms_that_read_back(number, language):
    forms = number_forms(number, language)
    mixed = {f for f in forms if any(c.isdigit() for c in f) and any(c in "万萬亿億千" for c in f)}
    if number % 10**4 >= 1000:  # "3万5000"
        assert any(str(number % 10**4) in f for f in mixed), (number, sorted(mixed))
    for form in mixed:
        assert parse_number(form, "zh") == number, (number, form)


@SETTINGS
@given(st.integers(1, 999), st.sampled_from(["it", "pt", "pl", "nl", "uk", "ur", "hi"]))
def test_number_forms_of_languages_read_by_scales_read_back(number, language):
    value = number * 10**6
    scaled = [f for f in number_forms(value, language) if not f.replace(" ", "").isdigit()]
    scaled = [f for f in scaled if any(c.isalpha() for c in f) and f[0].isdigit()]
    local = [f for f in scaled if parse_number(f, language) == value]
    assert local, (value, language, scaled)


URDU_SCALES = [("ہزار", 10**3), ("لاکھ", 10**5), ("کروڑ", 10**7)]
URDU_WORDS = ["پولیس", "کے", "مطابق", "افراد", "ہلاک", "ہوئے", "روپے"]


@SETTINGS
@given(
    st.integers(1, 999),
    st.sampled_from(URDU_SCALES),
    st.lists(st.sampled_from(URDU_WORDS), max_size=4),
    st.sampled_from([0x30, 0x06F0]),
)
def test_urdu_is_told_by_its_letters(number, scale, words, zero):
    digits = "".join(chr(zero + int(c)) for c in str(number))
    text = " ".join([*words, digits, scale[0], "افراد"])
    assert parse_number(text) == number * scale[1], text


@SETTINGS
@given(st.integers(1, 999), st.sampled_from([("হাজার", 10**3), ("লাখ", 10**5), ("কোটি", 10**7)]))
def test_bengali_scales(number, scale):
    digits = "".join(chr(0x09E6 + int(c)) for c in str(number))
    text = f"{digits} {scale[0]} টাকা"
    assert parse_money(text) == (number * scale[1], "BDT"), text


HAN_CURRENCIES = [("港元", "HKD"), ("港币", "HKD"), ("新台币", "TWD"), ("台幣", "TWD"),
                  ("韩元", "KRW"), ("韓元", "KRW"), ("日圓", "JPY"), ("円", "JPY"),
                  ("人民币", "CNY"), ("圓", "CNY"), ("美元", "USD"), ("卢比", "INR"),
                  ("澳元", "AUD")]  # fmt: skip


@SETTINGS
@given(st.integers(1, 99), st.sampled_from(HAN_CURRENCIES), st.sampled_from(["万", "亿", "兆"]))
def test_han_currency_names_have_their_codes(number, currency, unit):
    word, code = currency
    scale = {"万": 10**4, "亿": 10**8, "兆": 10**12}[unit]
    text = f"{number}{unit}{word}"  # 兆 before a currency is the trillion
    assert parse_money(text, "zh") == (number * scale, code), text


LATIN_CURRENCY_WORDS = ["rs", "yen", "euro", "dollar", "pound", "rupee", "rubel", "yuan", "pfund"]


@SETTINGS
@given(
    st.integers(1, 999),
    st.sampled_from(LATIN_CURRENCY_WORDS),
    st.text("abcdefghiklmnopstuvw", min_size=1, max_size=4),
    st.text("abcdefghiklmnopstuvw", min_size=1, max_size=4),
)
def test_a_currency_word_inside_another_word_is_none(number, word, head, tail):
    """ "300 personas" is no amount in rupees: "rs" inside "personas" is no currency."""
    text = f"{number} {head}{word}{tail}"
    assert parse_money(text) == (number, "USD"), text


@SETTINGS
@given(
    st.integers(1, 999),
    st.sampled_from(
        [
            ("HK$", "HKD"),
            ("R$", "BRL"),
            ("NT$", "TWD"),
            ("₩", "KRW"),
            ("￥", "JPY"),
            ("₴", "UAH"),
            ("US$", "USD"),
            ("A$", "AUD"),
        ]
    ),
)
def test_every_currency_sign_reads(number, sign):
    symbol, code = sign
    assert parse_money(f"{symbol}{number} million") == (number * 10**6, code)


APPROXIMATED = [
    ("almeno {} persone", "at_least"), ("oltre {} persone", "at_least"),
    ("pelo menos {} pessoas", "at_least"), ("co najmniej {} osób", "at_least"),
    ("ponad {} osób", "at_least"), ("około {} osób", "about"), ("约{}人", "about"),
    ("約{}人", "about"), ("{}人左右", "about"), ("{}余人", "at_least"), ("多达{}人", "up_to"),
    ("{}人以下", "up_to"), ("लगभग {} लोग", "about"), ("कम से कम {} लोग", "at_least"),
    ("حوالي {} شخص", "about"), ("أكثر من {} قتيل", "at_least"), ("بیش از {} نفر", "at_least"),
    ("کم از کم {} افراد", "at_least"), ("under {} people", "up_to"), ("{}-odd people", "about"),
    ("{} or so people", "about"), ("approx. {} people", "about"), ("c. {} people", "about"),
    ("≈{} people", "about"), ("{}-plus people", "at_least"),
    # words that are no approximator where they are not right before the figure
    ("近日，{}人死亡", "exact"), ("约定{}人", "exact"), ("以下{}人", "exact"),
    ("{} people trapped under rubble", "exact"),
]  # fmt: skip


@SETTINGS
@given(st.integers(2, 999), st.sampled_from(APPROXIMATED))
def test_approximators(number, case):
    template, qualifier = case
    text = template.format(number)
    parsed = parse_count(text)
    assert parsed is not None and parsed[1] == number and parsed[3] == qualifier, (text, parsed)


def _calls(monkeypatch: pytest.MonkeyPatch, text: str) -> int:
    counter = [0]
    original = quantities._word_entry

    def counting(*args):  # type: ignore[no-untyped-def]
        counter[0] += 1
        return original(*args)

    with monkeypatch.context() as patch:
        patch.setattr(quantities, "_word_entry", counting)
        figures_in(text)
    return counter[0]


@pytest.mark.parametrize("unit", ["5 million ", "5 لاکھ ", "٣ مليارات ", "2 Millionen "])
def test_a_long_run_of_scaled_figures_is_read_in_linear_work(monkeypatch, unit):
    """Read with a recursion per figure that follows, 1,200 of them raised RecursionError
    and fewer took work growing with their square."""
    small = _calls(monkeypatch, unit * 150)
    large = _calls(monkeypatch, unit * 300)
    assert large <= 2 * small + 10, (small, large)
    assert len(figures_in(unit * 1200)) == 1200


@SETTINGS
@given(st.integers(10**28, 10**45), st.sampled_from(["en", "es", "fr", "de", "ru", "zh", "ja"]))
def test_number_forms_of_huge_numbers(number, language):
    forms = number_forms(number, language)
    assert str(number) in forms


@SETTINGS
@given(st.integers(1, 10**6), st.integers(1, 99), st.sampled_from([None, "de", "fr", "zh"]))
def test_number_forms_of_fractions(whole, cents, language):
    number = Decimal(whole) + Decimal(cents) / 100
    forms = number_forms(number, language)
    assert any(parse_number(f, language) == number for f in forms), (number, sorted(forms))


@SETTINGS
@given(
    st.sampled_from([("一", 1), ("两", 2), ("二", 2), ("三", 3), ("四", 4), ("五", 5), ("六", 6),
                     ("七", 7), ("八", 8)]),
    st.sampled_from([1, 2]),
    st.sampled_from([("", 1), ("十", 10), ("百", 100), ("千", 1000), ("万", 10**4),
                     ("十万", 10**5), ("亿", 10**8)]),
    st.sampled_from(["个人", "人", "名"]),
)  # fmt: skip
def test_neighbouring_han_numerals_are_a_range(low, step, unit, counted):
    """ "两三个人" is two or three people, never 23; "三四万人" is 30,000 to 40,000."""
    names = {1: "一", 2: "两", 3: "三", 4: "四", 5: "五", 6: "六", 7: "七", 8: "八", 9: "九"}
    (low_char, low_value), (unit_chars, scale) = low, unit
    high_value = low_value + step
    assume(high_value <= 9)
    text = f"{low_char}{names[high_value]}{unit_chars}{counted}"
    expected = (low_value * scale, low_value * scale, high_value * scale, "exact")
    assert parse_count(text, "zh") == expected, text


@SETTINGS
@given(st.sampled_from(["十", "二十", "三十", "一百", "五百", "3万"]))
def test_a_han_figure_then_ji_is_at_least_that_figure(head):
    """ "十几人" is ten-odd people, not the vague "几人" (a few)."""
    value = parse_number(f"{head}人", "zh")
    assert parse_count(f"{head}几人", "zh") == (value, value, None, "at_least")


@SETTINGS
@given(st.integers(1, 999), st.integers(1, 9), st.sampled_from(["万", "億", "亿"]))
def test_a_full_width_point_is_a_decimal_point(whole, tenth, unit):
    scale = 10**4 if unit == "万" else 10**8
    digits = "".join(chr(0xFF10 + int(c)) for c in f"{whole}") + "．" + chr(0xFF10 + tenth)
    text = f"{digits}{unit}人"
    assert parse_number(text) == (Decimal(whole) + Decimal(tenth) / 10) * scale, text


@SETTINGS
@given(st.integers(2, 9))
def test_german_thousands_written_as_one_word(number):
    from num2words import num2words

    word = num2words(number * 1000, lang="de")  # "zweitausend"
    assert parse_number(f"{word} Menschen", "de") == number * 1000, word


@SETTINGS
@given(
    st.integers(2, 9),
    st.sampled_from([("fr", "millions", 10**6), ("fr", "milliards", 10**9),
                     ("es", "millones", 10**6), ("de", "Millionen", 10**6)]),
)  # fmt: skip
def test_a_scale_after_another_languages_number_word(number, scale):
    """Guessed English, "cinq millions" was one million."""
    from num2words import num2words

    language, word, value = scale
    text = f"{num2words(number, lang=language)} {word}"
    assert parse_number(text) == number * value, text


@SETTINGS
@given(st.integers(10**5, 10**11), st.sampled_from([None, "en", "de", "fr"]))
def test_indian_grouping_with_a_zero_piece_is_the_indian_figure(number, language):
    """A list writes no "00" piece: "1,00,000 people" (with no rupee or lakh in the text)
    is 100,000 grouped the Indian way, never the list 1, 0, 0 nor no figure at all."""
    written = indian(number)
    assume(any(len(p) > 1 and p[0] == "0" for p in written.split(",")[1:]))
    text = f"{written} people"
    assert [f.value for f in figures_in(text, language) if f.is_number] == [number], text


@SETTINGS
@given(st.lists(st.integers(0, 9), min_size=3, max_size=5), st.sampled_from([None, "en"]))
def test_a_zero_piece_run_that_groups_nothing_is_no_figure(pieces, language):
    """ "5,00,1,000": a "00" piece, yet no grouping either way: no figure."""
    written = "5," + ",".join(f"0{p}" for p in pieces) + ",1"
    text = f"{written} people"
    assert [f for f in figures_in(text, language) if f.is_number] == [], text


@SETTINGS
@given(st.integers(1, 999), st.sampled_from([10**3, 10**6]), st.sampled_from([None, "uk"]))
def test_ukrainian_number_words(number, scale, language):
    """Ukrainian words ("п'ять тисяч", "дві тисячі"), apostrophe and all: with its scales
    alone "п'ять тисяч" was 1000."""
    from num2words import num2words

    text = num2words(number * scale, lang="uk").replace("'", "’") + " гривень"
    assert parse_number(text, language) == number * scale, text


#: (language, fraction as written, its value, the scale word or phrase, the scale).
FRACTIONS = [
    ("en", "half", "0.5", "a million", 10**6), ("en", "a half", "0.5", "million", 10**6),
    ("en", "a quarter of", "0.25", "a billion", 10**9),
    ("en", "three quarters of", "0.75", "a million", 10**6),
    ("en", "half", "0.5", "a dozen", 12),
    ("es", "medio", "0.5", "millón", 10**6), ("fr", "un demi-", "0.5", "million", 10**6),
    ("de", "eine halbe", "0.5", "Million", 10**6), ("ru", "полтора", "1.5", "миллиона", 10**6),
    ("ru", "пол", "0.5", "миллиона", 10**6), ("it", "mezzo", "0.5", "milione", 10**6),
    ("pt", "meio", "0.5", "milhão", 10**6),
]  # fmt: skip


@SETTINGS
@given(st.sampled_from(FRACTIONS), st.sampled_from(["", "about "]))
def test_a_fraction_of_a_scale(case, before):
    """ "half a million" is 500,000 (read without its fraction, it was 1,000,000)."""
    language, fraction, part, scale_words, scale = case
    joiner = "" if fraction.endswith("-") or fraction == "пол" else " "
    text = f"{before}{fraction}{joiner}{scale_words} people"
    assert parse_number(text, language) == Decimal(part) * scale, text


@SETTINGS
@given(st.integers(1, 99), st.sampled_from([("dozen", 12), ("hundred", 100)]))
def test_digits_before_dozen_or_hundred(number, word):
    text = f"{number} {word[0]} people"
    assert parse_number(text, "en") == number * word[1], text


COLLECTIVES = [("fr", "une", "dizaine", 10), ("fr", "une", "vingtaine", 20),
               ("fr", "une", "centaine", 100), ("fr", "un", "millier", 1000),
               ("es", "una", "decena", 10), ("es", "un", "centenar", 100),
               ("es", "un", "millar", 1000), ("es", "una", "veintena", 20)]  # fmt: skip


@SETTINGS
@given(st.sampled_from(COLLECTIVES), st.sampled_from([None, "said"]))
def test_approximate_collectives_are_about_their_figure(case, language_given):
    """ "une centaine de morts" is about a hundred dead (it was no count at all)."""
    language, article, word, value = case
    text = f"{article} {word} de {'morts' if language == 'fr' else 'muertos'}"
    parsed = parse_count(text, language if language_given else None)
    assert parsed == (None, value, None, "about"), (text, parsed)
