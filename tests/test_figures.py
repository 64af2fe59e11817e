"""Figures in every language: digits, words, scales, money, vague words, parts, one death.

The readings are documented in :mod:`extractor.text.quantities`; these tests
generate the texts (numbers written by num2words, cn2an and Babel, sentences
built from parts) and check the invariants: a number written any way reads
back as itself, parts of a toll add up only when they are listed as one toll,
and what the pipeline keeps is grounded in the quote.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

import cn2an
import pytest
from babel.numbers import format_decimal
from hypothesis import given, settings
from hypothesis import strategies as st
from num2words import num2words

from extractor.pipeline.resolve import Article, draft_to_record
from extractor.text.quantities import (
    STATE_WORDS,
    VAGUE_COUNTS,
    figures_in,
    find_figure,
    number_forms,
    parse_count,
    parse_money,
    parse_number,
    written_in,
)
from extractor.text.sentences import split_sentences
from extractor.types.casualty_report import CASUALTY_CUES
from extractor.types.registry import get_type

SPACED = ["en", "es", "fr", "de", "ru"]
HARM = tuple(CASUALTY_CUES.values())
FAST = settings(max_examples=60, deadline=None)


# -- numbers read back as themselves -------------------------------------------------


@FAST
@given(language=st.sampled_from(SPACED), number=st.integers(0, 10**9), data=st.data())
def test_a_number_in_words_reads_back_in_every_language(
    language: str, number: int, data: st.DataObject
) -> None:
    kwargs = {}
    if language == "ru":  # Russian numbers decline and have genders
        kwargs = {
            "case": data.draw(st.sampled_from("ngdaip")),
            "gender": data.draw(st.sampled_from("mfn")),
        }
    written = num2words(number, lang=language, **kwargs)
    if language == "fr" and number == 1:  # "un" is the article too: documented, no figure
        assert parse_number(written, language) is None
        return
    assert parse_number(written, language) == number, written


@FAST
@given(number=st.integers(0, 10**9), counted=st.sampled_from(["人", "名", "架", "美元"]))
def test_chinese_numerals_read_back(number: int, counted: str) -> None:
    written = str(cn2an.an2cn(number))
    value = parse_number(written + counted, "zh")
    assert value == number
    assert find_figure(f"袭击造成{written}{counted}", number, "zh") is not None


@FAST
@given(
    language=st.sampled_from(["en", "es", "fr", "de", "ru", "zh"]),
    number=st.one_of(
        st.integers(0, 10**12),
        st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False),
    ),
)
def test_digits_read_back_with_each_languages_separators(
    language: str, number: int | Decimal
) -> None:
    written = format_decimal(number, locale=language, group_separator=True)
    assert parse_number(written, language) == Decimal(number), written


@FAST
@given(number=st.integers(1, 999), fraction=st.integers(1, 9))
def test_a_mark_before_other_than_three_digits_is_a_decimal_mark(
    number: int, fraction: int
) -> None:
    for language in ("en", "de", None):
        assert (
            parse_number(f"{number},{fraction} million", language)
            == Decimal(f"{number}.{fraction}") * 10**6
        )
        assert (
            parse_number(f"{number}.{fraction} million", language)
            == Decimal(f"{number}.{fraction}") * 10**6
        )


def test_three_digits_after_one_mark_follow_the_language() -> None:
    assert parse_number("3,500") == 3500
    assert parse_number("3.500", "de") == 3500
    assert parse_number("3.500", "en") == Decimal("3.5")
    assert parse_number("3 500", "fr") == 3500


# -- money ---------------------------------------------------------------------------

#: (language, how it writes a scale, what it is worth, currency words) for the generator.
SCALES = {
    "en": [("million", 10**6), ("billion", 10**9), ("m", 10**6), ("bn", 10**9)],
    "es": [("millones", 10**6), ("mil millones", 10**9), ("millardos", 10**9)],
    "fr": [("millions", 10**6), ("milliards", 10**9), ("Mds", 10**9)],
    "de": [("Millionen", 10**6), ("Milliarden", 10**9), ("Mio.", 10**6), ("Mrd.", 10**9)],
    "ru": [("млн", 10**6), ("млрд", 10**9), ("миллионов", 10**6), ("миллиардов", 10**9)],
    "zh": [("万", 10**4), ("亿", 10**8)],
}
CURRENCIES = {
    "en": [("dollars", "USD"), ("euros", "EUR"), ("pounds", "GBP")],
    "es": [("dólares", "USD"), ("euros", "EUR"), ("libras", "GBP")],
    "fr": [("de dollars", "USD"), ("d'euros", "EUR"), ("de roubles", "RUB")],
    "de": [("US-Dollar", "USD"), ("Euro", "EUR"), ("Pfund", "GBP")],
    "ru": [("долларов", "USD"), ("евро", "EUR"), ("рублей", "RUB")],
    "zh": [("美元", "USD"), ("欧元", "EUR"), ("人民币", "CNY")],
}


@FAST
@given(language=st.sampled_from(list(SCALES)), whole=st.integers(1, 999), data=st.data())
def test_money_is_read_in_every_common_spelling(
    language: str, whole: int, data: st.DataObject
) -> None:
    scale_word, scale = data.draw(st.sampled_from(SCALES[language]))
    word, currency = data.draw(st.sampled_from(CURRENCIES[language]))
    tenth = data.draw(st.one_of(st.none(), st.integers(1, 9)))
    mark = "." if language in ("en", "zh") else ","
    figure = f"{whole}{mark}{tenth}" if tenth else str(whole)
    amount = (Decimal(whole) + (Decimal(tenth) / 10 if tenth else 0)) * scale
    joiner = "" if language == "zh" or scale_word in ("m", "bn") else " "
    spellings = [f"{figure}{joiner}{scale_word} {word}".strip()]
    if language in ("en", "es", "fr", "de"):
        symbol = {"USD": "$", "EUR": "€", "GBP": "£", "RUB": "₽"}[currency]
        spellings += [
            f"{symbol}{figure}{joiner}{scale_word}",
            f"{currency} {figure}{joiner}{scale_word}",
        ]
    for text in spellings:
        assert parse_money(text, language) == (amount, currency), text
    # Without a language, the scale and currency words tell it ("millones", "US-Dollar").
    assert parse_money(spellings[0]) == (amount, currency), spellings[0]


def test_money_of_the_brief() -> None:
    assert parse_money("$150 million") == (Decimal(150_000_000), "USD")
    assert parse_money("USD 1.2 billion") == (Decimal(1_200_000_000), "USD")
    assert parse_money("€40m") == (Decimal(40_000_000), "EUR")
    assert parse_money("150 millions de dollars") == (Decimal(150_000_000), "USD")
    assert parse_money("an undisclosed sum") is None


@FAST
@given(millions=st.integers(1, 99_999).map(lambda n: n * 10))  # round: ends in a zero
def test_round_amounts_keep_their_zeros_in_the_forms(millions: int) -> None:
    """ "$150 million" is 150 million, never "15 million" (trailing zeros of a whole number)."""
    forms = number_forms(millions * 10**6)
    assert f"{millions} million" in forms
    assert f"{str(millions).rstrip('0')} million" not in forms


# -- vague words: one reading ----------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "word"), [(lang, w) for lang, words in VAGUE_COUNTS.items() for w in words]
)
def test_each_vague_word_reads_as_its_documented_figure_at_least(language: str, word: str) -> None:
    value = VAGUE_COUNTS[language][word]
    assert parse_count(word, language) == (value, value, None, "at_least")
    assert find_figure(f"... {word} ...", value, language) is not None


def test_dozens_is_twelve_and_counted_dozens_are_counts() -> None:
    assert parse_count("dozens") == (12, 12, None, "at_least")
    assert parse_count("two dozen") == (24, 24, 24, "exact")
    assert parse_count("a dozen") == (12, 12, 12, "exact")
    assert parse_count("zwei Dutzend", "de") == (24, 24, 24, "exact")


# -- parts of one toll -----------------------------------------------------------------

NOUNS = {
    "en": ["children", "teachers", "soldiers", "civilians", "police officers"],
    "es": ["niños", "maestros", "soldados", "civiles"],
    "fr": ["enfants", "enseignants", "soldats", "civils"],
    "de": ["Kinder", "Lehrer", "Soldaten", "Zivilisten"],
    "ru": ["детей", "учителей", "солдат", "мирных жителей"],
}
AND = {"en": "and", "es": "y", "fr": "et", "de": "und", "ru": "и"}
KILLED = {"en": "were killed", "es": "murieron", "fr": "ont été tués", "de": "wurden getötet",
          "ru": "погибли"}  # fmt: skip


@FAST
@given(
    language=st.sampled_from(SPACED),
    counts=st.lists(st.integers(2, 500), min_size=2, max_size=4),
    words=st.lists(st.booleans(), min_size=4, max_size=4),
    data=st.data(),
)
def test_parts_listed_as_one_toll_add_up(
    language: str, counts: list[int], words: list[bool], data: st.DataObject
) -> None:
    nouns = [data.draw(st.sampled_from(NOUNS[language])) for _ in counts]
    written = [
        num2words(n, lang=language) if as_words else str(n)
        for n, as_words in zip(counts, words, strict=False)
    ]
    parts = [f"{w} {noun}" for w, noun in zip(written, nouns, strict=True)]
    listed = ", ".join(parts[:-1]) + f" {AND[language]} " + parts[-1]
    sentence = f"{listed} {KILLED[language]}."
    figure = find_figure(sentence, sum(counts), language, HARM)
    assert figure is not None and figure.kind == "parts", sentence
    assert sentence[figure.start : figure.end] == figure.text
    assert parse_count(figure.text, language, HARM) == (sum(counts),) * 3 + ("exact",)


@FAST
@given(language=st.sampled_from(SPACED), killed=st.integers(2, 500), injured=st.integers(2, 500))
def test_two_counts_with_a_word_of_harm_between_are_not_parts(
    language: str, killed: int, injured: int
) -> None:
    """ "5 killed and 10 injured" is two counts: no sum is ever read from it."""
    harm = {"en": ("killed", "injured"), "es": ("muertos", "heridos"), "fr": ("morts", "blessés"),
            "de": ("Tote", "Verletzte"), "ru": ("погибших", "раненых")}[language]  # fmt: skip
    sentence = f"{killed} {harm[0]} {AND[language]} {injured} {harm[1]}"
    assert find_figure(sentence, killed + injured, language, HARM) is None
    assert parse_count(sentence, language) == (killed,) * 3 + ("exact",)
    assert find_figure(sentence, injured, language, HARM) is not None


def test_a_list_with_an_article_and_the_uvalde_sentence() -> None:
    assert parse_count("two soldiers and a civilian") == (3, 3, 3, "exact")
    quote = "the 19 children and two teachers who were killed in their classrooms"
    figure = find_figure(quote, 21, "en", HARM)
    assert figure is not None and figure.text == "19 children and two teachers"
    assert find_figure(quote, 19, "en", HARM) is not None


# -- one death ---------------------------------------------------------------------------

DEATH = {
    "en": "the shooting death of former Prime Minister {name}",
    "es": "la muerte de {name}",
    "fr": "la mort de {name}",
    "de": "den Tod von {name}",
    "ru": "гибель {name}",
}
NAMES = {
    "en": st.from_regex(r"[A-Z][a-z]{2,8} [A-Z][a-z]{2,8}", fullmatch=True),
    "ru": st.from_regex(r"[А-Я][а-я]{2,8} [А-Я][а-я]{2,8}", fullmatch=True),
}


@FAST
@given(language=st.sampled_from(SPACED), data=st.data())
def test_the_death_of_one_named_person_is_one(language: str, data: st.DataObject) -> None:
    name = data.draw(NAMES["ru" if language == "ru" else "en"])
    sentence = "We mourn " + DEATH[language].format(name=name) + "."
    figure = find_figure(sentence, 1, language, HARM)
    assert figure is not None and figure.kind == "death" and name in figure.text
    assert parse_count(figure.text, language) == (1, 1, 1, "exact")
    assert find_figure(sentence, 2, language, HARM) is None


def test_an_article_states_one_only_before_the_words_of_harm() -> None:
    assert find_figure("A police officer was killed on Monday.", 1, "en", HARM) is not None
    assert find_figure("A bomb exploded near the market.", 1, "en", HARM) is None
    assert find_figure("A bomb killed 5 people.", 1, "en", HARM) is None  # the figure is 5
    assert find_figure("Un soldado murió en el ataque.", 1, "es", HARM) is not None


# -- where a figure is, and that it is whole ----------------------------------------------


@FAST
@given(
    language=st.sampled_from(SPACED),
    numbers=st.lists(st.integers(0, 10**6), min_size=1, max_size=4),
    filler=st.sampled_from(["people", "on Tuesday", "—", "(", "in 2021", ""]),
)
def test_every_figure_is_a_verbatim_slice(language: str, numbers: list[int], filler: str) -> None:
    text = f" {filler} ".join(num2words(n, lang=language) for n in numbers)
    for figure in figures_in(text, language):
        assert text[figure.start : figure.end] == figure.text


@FAST
@given(number=st.integers(1, 10**6), digit=st.integers(0, 9))
def test_a_figure_is_written_only_as_a_whole_number(number: int, digit: int) -> None:
    assert written_in(f"toll of {number} people", str(number))
    assert not written_in(f"toll of {number}{digit} people", str(number))
    assert not written_in(f"toll of {digit}{number} people", str(number))
    assert written_in("十名", "十") and not written_in("二十名", "十")


def test_state_words_cover_every_language() -> None:
    assert set(STATE_WORDS) == {"en", "es", "fr", "de", "ru", "zh"}


# -- through the pipeline: a toll in words is kept, grounded in its quote -------------------

TOLL = {
    "en": "A car bomb in Kabul killed {n} civilians on Tuesday, officials said.",
    "es": "Un coche bomba en Kabul mató a {n} civiles el martes, según las autoridades.",
    "fr": "Une voiture piégée a tué {n} civils à Kaboul mardi, selon les autorités.",
    "de": "Eine Autobombe in Kabul hat am Dienstag {n} Zivilisten getötet.",
    "ru": "Взрыв заминированного автомобиля в Кабуле унёс жизни {n} мирных жителей, погибли все.",
}


def _toll_record(text: str, killed: int) -> object:
    spec = get_type("casualty_report")
    article = Article(text, split_sentences(text), date(2024, 5, 8), "doc")
    draft = spec.draft(
        killed=killed, injured=None, qualifier="exact", victims=None, perpetrator=None,
        country="AFG", place=None, date=None, scope="event", violence_type=None,
        status="occurred", attribution=None, evidence=[1],
    )  # fmt: skip
    context = article.context()
    context["warnings"] = []
    return draft_to_record(draft, spec, context)


@settings(max_examples=25, deadline=None)
@given(language=st.sampled_from(SPACED), killed=st.integers(2, 99))
def test_a_toll_written_in_words_is_kept_in_every_language(language: str, killed: int) -> None:
    kwargs = {"case": "g"} if language == "ru" else {}
    text = TOLL[language].format(n=num2words(killed, lang=language, **kwargs))
    record = _toll_record(text, killed)
    count = record.killed  # type: ignore[attr-defined]
    assert count is not None and count.best == killed
    assert count.text and re.sub(r"\s+", " ", count.text) in re.sub(r"\s+", " ", text)


def test_the_chinese_toll_and_the_brief_examples_are_kept() -> None:
    record = _toll_record("阿富汗首都喀布尔周二发生汽车炸弹袭击，造成十名平民死亡。", 10)
    assert record.killed.best == 10  # type: ignore[attr-defined]
    abe = _toll_record(
        "We mourn the tragic and violent shooting death of former Prime Minister Abe "
        "Shinzo of Afghanistan.",
        1,
    )
    assert abe.killed.best == 1  # type: ignore[attr-defined]


# -- abbreviated scales only multiply --------------------------------------------------

ABBREVIATIONS = {"en": ["mn", "bn", "tn"], "de": ["Mio", "Mrd", "Tsd", "Bio"], "fr": ["Md", "Mds"],
                 "ru": ["тыс", "млн", "млрд", "трлн"]}  # fmt: skip


@FAST
@given(
    language=st.sampled_from(sorted(ABBREVIATIONS)),
    data=st.data(),
    count=st.integers(min_value=2, max_value=999),
)
def test_an_abbreviated_scale_multiplies_a_number_but_is_never_one(
    language: str, data: st.DataObject, count: int
) -> None:
    # "40 тыс." is 40,000; "Тыс" alone (a surname, a word) is no number at all
    abbreviation = data.draw(st.sampled_from(ABBREVIATIONS[language]))
    word = data.draw(
        st.sampled_from([abbreviation, abbreviation.capitalize(), abbreviation.upper()])
    )
    assert parse_count(word, language) is None
    low, best, high, _ = parse_count(f"{count} {abbreviation}", language) or (0, 0, 0, "")
    assert low == best == high and best >= count * 1000
