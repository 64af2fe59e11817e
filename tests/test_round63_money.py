"""Round 63: amounts the money reader got wrong by a factor of a million or in the wrong
currency (a hostile probe's generated phrases).

Each test builds its phrases from fillers (figures, scale words, range words, currencies)
in every language the rule claims, and checks :func:`parse_money` against the amount a
reader of that language means.
"""

from __future__ import annotations

import itertools
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.text.quantities import is_amount, parse_count, parse_money

#: (language, scale words with their value, the range phrasings "{a}" .. "{b}", a
#: currency phrase written after the scale and its code)
_RANGES = [
    ("en", [("million", 10**6), ("billion", 10**9)],
     ["{a} to {b}", "between {a} and {b}", "{a}-{b}", "{a} or {b}"],
     [("dollars", "USD"), ("euros", "EUR")]),
    ("es", [("millones", 10**6), ("mil millones", 10**9)],
     ["de {a} a {b}", "entre {a} y {b}", "{a}-{b}"],
     [("de dólares", "USD"), ("de euros", "EUR")]),
    ("fr", [("millions", 10**6), ("milliards", 10**9)],
     ["de {a} à {b}", "entre {a} et {b}", "{a}-{b}"],
     [("d'euros", "EUR"), ("de dollars", "USD")]),
    ("de", [("Millionen", 10**6), ("Milliarden", 10**9)],
     ["{a} bis {b}", "zwischen {a} und {b}", "{a}-{b}"],
     [("Euro", "EUR"), ("Dollar", "USD")]),
    ("ru", [("млн", 10**6), ("млрд", 10**9)],
     ["от {a} до {b}", "между {a} и {b}", "{a}-{b}"],
     [("рублей", "RUB"), ("долларов", "USD")]),
    ("pt", [("milhões", 10**6), ("bilhões", 10**9)],
     ["de {a} a {b}", "entre {a} e {b}", "{a}-{b}", "{a} a {b}"],
     [("de reais", "BRL"), ("de dólares", "USD"), ("de euros", "EUR")]),
    ("it", [("milioni", 10**6), ("miliardi", 10**9)],
     ["da {a} a {b}", "tra {a} e {b}", "{a}-{b}"],
     [("di euro", "EUR"), ("di dollari", "USD")]),
    ("nl", [("miljoen", 10**6), ("miljard", 10**9)],
     ["{a} tot {b}", "tussen {a} en {b}", "{a}-{b}", "{a} à {b}"],
     [("euro", "EUR"), ("dollar", "USD")]),
    ("pl", [("mln", 10**6), ("mld", 10**9)],
     ["od {a} do {b}", "między {a} i {b}", "{a}-{b}"],
     [("złotych", "PLN"), ("euro", "EUR")]),
    ("tr", [("milyon", 10**6), ("milyar", 10**9)],
     ["{a} ila {b}", "{a}-{b}"],
     [("dolar", "USD"), ("euro", "EUR")]),
    ("id", [("juta", 10**6), ("miliar", 10**9)],
     ["{a} hingga {b}", "antara {a} dan {b}", "{a}-{b}"],
     [("dolar", "USD"), ("euro", "EUR")]),
    ("ar", [("ملايين", 10**6), ("مليارات", 10**9)],
     ["بين {a} و{b}", "من {a} إلى {b}", "{a}-{b}"],
     [("دولار", "USD"), ("يورو", "EUR")]),
]  # fmt: skip
_PAIRS = [(3, 5), (12, 15), (1, 2), (20, 40)]
#: Languages a text of no stated language is not guessed to be from these phrases ("mln"
#: is Italian and Russian too): read in English, "od 3 do 5" is no range.
_NOT_GUESSED = frozenset({"pl"})


def _range_cases() -> list[tuple[str, str, Decimal, str]]:
    cases = []
    for language, scales, phrasings, currencies in _RANGES:
        for (word, value), phrasing, (name, code), (low, high) in itertools.product(
            scales, phrasings, currencies, _PAIRS
        ):
            text = phrasing.format(a=low, b=high) + f" {word} {name}"
            cases.append((language, text, Decimal(low * value), code))
    return cases


@pytest.mark.parametrize(("language", "text", "amount", "code"), _range_cases())
def test_a_range_s_scale_and_currency_are_its_first_figure_s_too(
    language: str, text: str, amount: Decimal, code: str
) -> None:
    """In "A to B SCALE UNIT" the scale and currency after B apply to A (distributive):
    read alone, "3 tot 5 miljard euro" was 3 euros and "de 3 a 5 mil millones" 3 million."""
    assert parse_money(text, language) == (amount, code)
    if language not in _NOT_GUESSED:
        assert parse_money(text) == (amount, code)


@pytest.mark.parametrize(("sign", "code"), [("R", "ZAR"), ("Rp", "IDR"), ("KSh", "KES")])
@pytest.mark.parametrize(("low", "high"), _PAIRS)
@pytest.mark.parametrize(("word", "value"), [("million", 10**6), ("billion", 10**9), ("bn", 10**9)])
def test_a_letter_sign_written_again_keeps_the_range(
    sign: str, code: str, low: int, high: int, word: str, value: int
) -> None:
    """ "R3-R5 billion" starts at three billion rand, as "$3-$5 billion" at three billion dollars."""
    assert parse_money(f"{sign}{low}-{sign}{high} {word}", "en") == (Decimal(low * value), code)
    assert parse_money(f"{sign}{low} to {sign}{high} {word}", "en") == (Decimal(low * value), code)


_ABBREVIATIONS = [("M", 10**6), ("Md", 10**9), ("Mds", 10**9), ("Mrd", 10**9), ("k", 10**3)]


@pytest.mark.parametrize(("abbreviation", "value"), _ABBREVIATIONS)
@pytest.mark.parametrize(("sign", "code"), [("€", "EUR"), ("£", "GBP"), ("₹", "INR")])
@pytest.mark.parametrize("figure", ["3", "1,2", "45", "250"])
@pytest.mark.parametrize("language", ["fr", "de", "es", "it", "nl", "pt", None])
@pytest.mark.parametrize("space", ["", " ", "\u00a0"])
def test_a_scale_abbreviation_against_a_sign(
    abbreviation: str,
    value: int,
    sign: str,
    code: str,
    figure: str,
    language: str | None,
    space: str,
) -> None:
    """The press writes "3 M€", "1,2 Md€", "500 k€": millions, billions, thousands of euros.
    Read without the scale, "3 M€" was 3 (US dollars: the sign after "Md" was no sign)."""
    amount = Decimal(figure.replace(",", ".")) * value
    assert parse_money(f"{figure}{space}{abbreviation}{sign}", language) == (amount, code)
    assert parse_money(f"un budget de {figure}{space}{abbreviation}{sign} en 2024", language) == (
        amount,
        code,
    )


@pytest.mark.parametrize(
    ("text", "language"),
    [("The score was 3-1 and 2 million watched", "en"), ("Der Sieg 3 und 5 Millionen Euro", "de"),
     ("Il a marqué 3 e 5 milhões de reais", "pt"), ("Ze kregen 3 en 5 miljoen euro", "nl")],
)  # fmt: skip
def test_and_joins_two_figures_without_between(text: str, language: str) -> None:
    """ "and" alone joins any two things: no range, and the first figure keeps its value."""
    result = parse_money(text, language)
    assert result is not None and result[0] < 10**6


#: language: (the figure and scale before the name, [(a currency's whole name, its code;
#: None when it names no currency of today or cannot tell which)]).
_WHOLE_NAMES: dict[str, tuple[str, list[tuple[str, str | None]]]] = {
    "en": ("{n} million", [("West African CFA francs", "XOF"), ("Central African CFA francs", "XAF"),
                           ("Brunei dollars", "BND"), ("Zimbabwean dollars", None),
                           ("CFA francs", None)]),
    "nl": ("{n} miljoen", [("CFA-frank BCEAO", "XOF"), ("CFA-frank", None),
                           ("Zuid-Afrikaanse rand", "ZAR"), ("Zimbabwaanse dollar", None)]),
    "fr": ("{n} millions de", [("francs CFA (BCEAO)", "XOF"), ("francs CFA BEAC", "XAF"),
                               ("francs CFA", None)]),
    "de": ("{n} Mio.", [("Rand", "ZAR"), ("schwedische Kronen", "SEK"), ("türkische Lira", "TRY"),
                        ("Brunei-Dollar", "BND"), ("CFA-Franc (BCEAO)", "XOF")]),
    "es": ("{n} millones de", [("francos CFA de África Occidental", "XOF")]),
    "it": ("{n} milioni di", [("franchi CFA BCEAO", "XOF"), ("dollari del Brunei", "BND")]),
    "ar": ("{n} مليارات", [("ريال سعودي", "SAR"), ("جنيه مصري", "EGP"), ("درهم إماراتي", "AED"),
                          ("دينار عراقي", "IQD"), ("ليرة تركية", "TRY")]),
    "ru": ("{n} млн", [("брунейских долларов", "BND"), ("белорусских рублей", "BYN")]),
}  # fmt: skip
_SCALE_OF = {"en": 10**6, "nl": 10**6, "fr": 10**6, "de": 10**6, "es": 10**6, "it": 10**6,
             "ar": 10**9, "ru": 10**6}  # fmt: skip


def _whole_name_cases() -> list[tuple[str, str, Decimal, str | None]]:
    cases = []
    for language, (before, names) in _WHOLE_NAMES.items():
        for (name, code), figure in itertools.product(names, (3, 45, 120)):
            text = before.format(n=figure) + " " + name
            cases.append((language, text, Decimal(figure * _SCALE_OF[language]), code))
            cases.append((language, f"«{text}», a dit le ministre.", cases[-1][2], code))
    return cases


@pytest.mark.parametrize(("language", "text", "amount", "code"), _whole_name_cases())
def test_a_currency_s_whole_name_names_it(
    language: str, text: str, amount: Decimal, code: str | None
) -> None:
    """A currency's whole CLDR name after the figure is that currency: "West African CFA
    francs" (read word by word, "West African" was no state: US dollars), "Brunei dollars"
    (the state's bare name was read as a verb's object), "Zuid-Afrikaanse rand" (the
    hyphenated adjective a compound), "3 Mio. Rand" (the dot ended the phrase). A name of
    withdrawn currencies alone ("Zimbabwean dollars") or the start of two of today's (Dutch
    "CFA-frank", the CLDR's Central African franc and the start of "CFA-franc BCEAO") is no
    amount in a known currency."""
    expected = None if code is None else (amount, code)
    assert parse_money(text, language) == expected


@pytest.mark.parametrize("figure", ["3", "1,2", "450"])
@pytest.mark.parametrize(
    ("template", "language"),
    [("{n} milliards FCFA", "fr"), ("{n} milliards de FCFA", "fr"), ("FCFA {n} milliards", "fr"),
     ("{n} millions F CFA", "fr"), ("{n} million CFA", "en"), ("CFA {n} billion", "en"),
     ("{n} millones de FCFA", "es"), ("{n} Mio. FCFA", "de"), ("{n} milhões de FCFA", "pt")],
)  # fmt: skip
def test_the_cfa_franc_abbreviated_names_none(template: str, language: str, figure: str) -> None:
    """ "FCFA"/"CFA" is the West or the Central African franc; which one the abbreviation
    does not tell, so no amount, as for "francs CFA" (it was US dollars)."""
    text = template.format(n=figure)
    assert parse_money(text, language) is None
    assert parse_money(text) is None


# ---------------------------------------------------------------- second money probe (h63)

#: Words of every script, those that fold to more or fewer characters than they have
#: first, and figures written in it.
_SCRIPTS = [
    (
        "억 달러 규모 계약 원 조 미국 상당 케이맨 제도 무기 도입",
        "3억 5억 12억 3 450",
    ),  # Hangul: jamo
    ("مليون دُولارٍ أَمْرِيكِيّ رِيَال سعودي مليار", "3 ٣ 1,2"),  # Arabic with its vowel points
    ("करोड़ रुपये डॉलर लाख ख़र्च अरब", "3 ३ 12"),  # Devanagari: virama, nukta
    ("e\u0301 n\u0303 dólares u\u0308ber a\u0300", "3 1,2"),  # accents no letter takes
    ("ﬁnance ﬂ Straße İstanbul ß ǅ Ω Å", "3 450"),  # ligatures, sharp s, dotted capital I
    ("million milliards Mio. млн рублей $ € £ ₩ USD EUR - to à", "3 1.2 450"),
    ("ওকৌ ோ ൊ ෝ ཱི", "3 12"),  # Indic vowels NFD splits into two letters
]


@st.composite
def _any_script_text(draw: st.DrawFn) -> str:
    """A text of figures and words of one script or several, as a draft may hold it: a
    figure with words of its script after it ("3억 달러 규모 계약"), other scripts around."""
    words, figures = (part.split() for part in draw(st.sampled_from(_SCRIPTS)))
    figure = draw(st.sampled_from(figures))
    phrase = draw(st.lists(st.sampled_from(words), min_size=2, max_size=6))
    others = [word for words, _ in _SCRIPTS for word in words.split()]
    tail = draw(st.lists(st.sampled_from(others + figures), max_size=4))
    joiners = draw(st.lists(st.sampled_from([" ", "", "-", "\u00a0"]), min_size=len(tail),
                            max_size=len(tail)))  # fmt: skip
    return " ".join([figure, *phrase]) + "".join(
        joiner + piece for piece, joiner in zip(tail, joiners, strict=True)
    )


@settings(max_examples=400)
@given(_any_script_text(), st.sampled_from([None, "en", "ko", "ar", "hi", "fr", "de", "ru"]))
def test_the_money_readers_never_raise_on_any_script(text: str, language: str | None) -> None:
    """A folded Hangul syllable is two or three jamo and a vowel point folds to none: the
    folded text's positions read in the text raised IndexError ("3억 달러 규모 계약"), and
    in bulk the whole document was lost."""
    parse_money(text, language)
    is_amount(text, language)
    parse_count(text, language)


@pytest.mark.parametrize(
    "text",
    ["3억 달러 규모 계약", "5억 원 규모 무기 도입", "3억 미국 달러 상당", "5억 케이맨 제도 달러",
     "12억 달러 규모의 무기 도입 계약"],
)  # fmt: skip
def test_korean_words_after_an_amount_are_read_without_error(text: str) -> None:
    """The amount is read; which currency the probe left open (H5), so only its figure."""
    result = parse_money(text, "ko")
    assert result is None or result[0] >= 10**8


#: (language, the figure and scale, the CLDR name of a withdrawn currency the press writes
#: for today's, today's code).
_TODAY_BY_A_FORMER_NAME = [
    ("en", "{n} million", "Israeli shekels", "ILS"), ("en", "{n} million", "Burmese kyats", "MMK"),
    ("es", "{n} millones de", "zlotys polacos", "PLN"),
    ("de", "{n} Millionen", "polnische Zloty", "PLN"),
    ("es", "{n} millones de", "córdobas nicaragüenses", "NIO"),
    ("it", "{n} milioni di", "pesos uruguaiani", "UYU"),
    ("pt", "{n} milhões de", "cedis de Gana", "GHS"), ("pt", "{n} milhões de", "sol peruano", "PEN"),
    ("ru", "{n} млн", "туркменских манатов", "TMT"),
    ("sv", "{n} miljoner", "israeliska shekel", "ILS"),
]  # fmt: skip


@pytest.mark.parametrize(("language", "before", "name", "code"), _TODAY_BY_A_FORMER_NAME)
@pytest.mark.parametrize("figure", [3, 45, 120])
def test_today_s_currency_by_the_name_the_cldr_gives_the_one_it_replaced(
    language: str, before: str, name: str, code: str, figure: int
) -> None:
    """The CLDR's "Israeli Shekel" is 1980-1985's, today's the "Israeli New Shekel": a name
    of a withdrawn currency is today's of its state when that currency, named after the
    state, has the same unit (no amount at all since e24fbab; today's before)."""
    scale = 10**6
    assert parse_money(f"{before.format(n=figure)} {name}", language) == (
        Decimal(figure * scale),
        code,
    )


@pytest.mark.parametrize(
    ("text", "language"),
    [("3 million Zimbabwean dollars", "en"), ("3 million French francs", "en"),
     ("3 million Cypriot pounds", "en"), ("3 millions de francs français", "fr"),
     ("3 Millionen Zimbabwe-Dollar", "de"), ("3 million Cuban convertible pesos", "en"),
     ("1 milyon eski Türk lirası", "tr"), ("3 millones de francos marroquíes", "es"),
     ("3 million Portuguese escudos", "en"), ("3億ソ連 ルーブル", "ja")],
)  # fmt: skip
def test_a_withdrawn_currency_of_another_unit_stays_no_amount(text: str, language: str) -> None:
    """Zimbabwe's currency of today is its "gold" (the US dollar, legal there, is no
    Zimbabwean dollar); France's and Cyprus's the euro; the convertible peso, worth 24
    Cuban pesos, is no peso of today; Morocco's dirham no franc; the Cape Verdean escudo
    no Portuguese one; the Soviet ruble's states are many: no successor, no amount."""
    assert parse_money(text, language) is None


_DESIGNATIONS = ["AIM-120", "AGM-114", "MIM-104", "BGM-109", "GBU-39", "BMP-3", "BTR-82",
                 "BMD-4", "LAV-25", "RPG-7", "ZSU-23", "KAB-500", "FAB-500", "TOW-2", "PAC-3",
                 "JAS-39", "BMP 3"]  # fmt: skip


@pytest.mark.parametrize("designation", _DESIGNATIONS)
@pytest.mark.parametrize("count", ["", "12 ", "two "])
@pytest.mark.parametrize("language", [None, "en", "fr", "de", "es", "ru"])
def test_a_weapon_designation_is_no_amount(
    designation: str, count: str, language: str | None
) -> None:
    """Three capitals are a currency's code only when ISO 4217 gives one, and never
    joined to a figure by a hyphen: "AIM-120", "BMP-3" were amounts and the arms reader
    dropped them as no weapon."""
    assert not is_amount(count + designation, language)


@pytest.mark.parametrize("code", ["USD", "EUR", "GBP", "SAR", "ZAR"])
@pytest.mark.parametrize("template", ["{c} 3 million", "3 million {c}", "{c} 1.2bn", "{c}3m"])
def test_a_code_beside_its_amount_is_still_an_amount(code: str, template: str) -> None:
    text = template.format(c=code)
    assert is_amount(text)
    result = parse_money(text)
    assert result is not None and result[1] == code


#: (language, range, scale, a currency's name after the range, its code).
_RANGED_NAMES = [
    ("en", "{a} to {b}", "million", "Brunei dollars", "BND"),
    ("en", "between {a} and {b}", "million", "Saudi riyals", "SAR"),
    ("en", "{a}-{b}", "billion", "West African CFA francs", "XOF"),
    ("de", "{a} bis {b}", "Mio.", "Rand", "ZAR"),
    ("ru", "от {a} до {b}", "млн", "тенге", "KZT"),
    ("nl", "{a} tot {b}", "miljoen", "Zuid-Afrikaanse rand", "ZAR"),
    ("es", "entre {a} y {b}", "millones de", "riales saudíes", "SAR"),
    ("fr", "de {a} à {b}", "millions de", "francs CFA (BCEAO)", "XOF"),
]  # fmt: skip
_SCALES = {"million": 10**6, "billion": 10**9, "Mio.": 10**6, "млн": 10**6, "miljoen": 10**6,
           "millones de": 10**6, "millions de": 10**6}  # fmt: skip


@pytest.mark.parametrize(("language", "ranged", "scale", "name", "code"), _RANGED_NAMES)
@pytest.mark.parametrize(("low", "high"), [(3, 5), (2, 4), (12, 15)])
def test_a_range_s_currency_named_after_its_second_figure(
    language: str, ranged: str, scale: str, name: str, code: str, low: int, high: int
) -> None:
    """ "3 to 5 million Brunei dollars" is in Brunei dollars: the name was searched for
    from the first figure's end only, and the amount was US dollars."""
    text = f"{ranged.format(a=low, b=high)} {scale} {name}"
    assert parse_money(text, language) == (Decimal(low * _SCALES[scale]), code)


@pytest.mark.parametrize(
    ("language", "template"),
    [("pt", "morreram {a} e {b} ficaram feridos"), ("it", "sono morti {a} e {b} feriti"),
     ("nl", "er stierven {a} en {b} raakten gewond"), ("pl", "zginęło {a} i {b} rannych"),
     ("uk", "загинули {a} і {b} поранені"), ("id", "tewas {a} dan {b} luka-luka"),
     ("sv", "dödades {a} och {b} skadades"), ("ar", "قتل {a} و{b} جرحى"),
     ("fa", "کشته شدند {a} و {b} زخمی"), ("hi", "{a} मारे गए और {b} घायल"),
     ("en", "{a} killed and {b} wounded")],
)  # fmt: skip
@pytest.mark.parametrize(("a", "b"), [(3, 5), (12, 40), (7, 9)])
def test_and_alone_joins_two_counts_no_range(language: str, template: str, a: int, b: int) -> None:
    """ "And" joins any two things: a range only after "between" (as for money)."""
    result = parse_count(template.format(a=a, b=b), language)
    assert result is not None and result[2] != b


@pytest.mark.parametrize(
    ("language", "template"),
    [("pt", "entre {a} e {b} mortos"), ("it", "tra {a} e {b} morti"), ("nl", "tussen {a} en {b} doden"),
     ("en", "between {a} and {b} dead"), ("sv", "mellan {a} och {b} döda"), ("pt", "{a} a {b} mortos")],
)  # fmt: skip
def test_a_range_of_a_count_stays_one(language: str, template: str) -> None:
    assert parse_count(template.format(a=3, b=5), language) == (3, 3, 5, "exact")
