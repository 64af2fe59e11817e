"""Round 59: a range of days used as a noun's modifier, and ranges joined by until words.

Each test generates ranges over months (whole names and abbreviations, with and without
the abbreviation's full stop), days, separators, determiners and the nouns they modify,
in every language the rule claims, against publication dates across year boundaries,
and computes the expected value here with ``datetime`` arithmetic. Before the fix: "the
March 3-5 summit" was 3 March (the count guard read "5 summit" as a count); "the Oct. 3
to 5 meetings" was found in no English text (no abbreviation was tried there); "desde el
3 hasta el 5 de marzo", "du 3 jusqu'au 5 mars", "dal 3 fino al 5 marzo", "de 3 até 5 de
março" and "do dia 3 ao dia 5 de março" were 5 March. Counts stay counts.

The fix's own regressions, tested below: a count before an until word was read as the
range's first day ("La cifra de muertos llegó a 12 hasta el 5 de marzo" was 12 March, "I
morti erano 40 fino al 28 marzo" no date); "that" after a verb of saying, and a determiner
before a count ("Police told her March 3 to 5 people were killed"), made a range; and a
lower-case "mar", "may" made one, or a span its value did not read ("the may 3 to 5 group"
was the span "may 3 to 5" with the value 3 May).
"""

from __future__ import annotations

import re
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.text import dates

_BOUNDARIES = [
    day
    for year in (2003, 2004, 2020, 2024, 2025, 2028)
    for day in (date(year, 1, 1), date(year, 1, 6), date(year, 6, 30), date(year, 12, 31))
]
PUBLISHED = st.one_of(st.sampled_from(_BOUNDARIES), st.dates(date(2001, 1, 1), date(2075, 12, 31)))
SETTINGS = settings(max_examples=80, deadline=None)

#: Every English spelling of each month a writer uses before a day.
EN_MONTHS: dict[int, tuple[str, ...]] = {
    1: ("January", "Jan.", "Jan"), 2: ("February", "Feb.", "Feb"), 3: ("March", "Mar."),
    4: ("April", "Apr.", "Apr"), 5: ("May",), 6: ("June", "Jun."), 7: ("July", "Jul."),
    8: ("August", "Aug.", "Aug"), 9: ("September", "Sept.", "Sep.", "Sept"),
    10: ("October", "Oct.", "Oct"), 11: ("November", "Nov.", "Nov"),
    12: ("December", "Dec.", "Dec"),
}  # fmt: skip
SEPARATORS = ["-", "–", " - ", " to ", " through ", " until "]
NOUNS = ["summit", "talks", "meetings", "visit", "conference", "exercises", "strikes",
         "elections", "negotiations", "state visit", "air raids"]  # fmt: skip
#: What makes the date a modifier: a determiner or a possessive before it.
DETERMINERS = ["the", "The", "a", "an", "this", "these", "its", "their", "Iran's", "Kenya’s"]


def closest_year(month: int, day: int, published: date) -> int:
    years = (published.year - 1, published.year, published.year + 1)
    return min(years, key=lambda y: abs((date(y, month, day) - published).days))


def shape(found: dates.ResolvedDate) -> tuple[str | None, str | None, str | None, str | None]:
    return found.value, found.precision, found.kind, found.end


def day_range(year: int, month: int, first: int, last: int) -> tuple[str, str, str, str]:
    return date(year, month, first).isoformat(), "day", "range", date(year, month, last).isoformat()


# ------------------------------------------------------------ English: a date as a modifier


@SETTINGS
@given(
    published=PUBLISHED, month=st.integers(1, 12), spelling=st.integers(0, 3),
    first=st.integers(1, 25), width=st.integers(1, 3), sep=st.sampled_from(SEPARATORS),
    determiner=st.sampled_from(DETERMINERS), noun=st.sampled_from(NOUNS),
    month_first=st.booleans(),
)  # fmt: skip
def test_a_day_range_before_its_noun_keeps_both_ends(
    published: date, month: int, spelling: int, first: int, width: int, sep: str,
    determiner: str, noun: str, month_first: bool,
) -> None:  # fmt: skip
    names = EN_MONTHS[month]
    name = names[spelling % len(names)]
    last = first + width
    written = f"{name} {first}{sep}{last}" if month_first else f"{first}{sep}{last} {name}"
    sentence = f"Officials attended {determiner} {written} {noun} in Geneva."
    expected = day_range(closest_year(month, first, published), month, first, last)
    assert shape(dates.resolve_date(sentence, published)) == expected, sentence
    found = dates.find_dates(sentence, "en", published)
    assert found and found[0][0] == written and shape(found[0][1]) == expected, (sentence, found)


@SETTINGS
@given(
    published=PUBLISHED, month=st.integers(1, 12), spelling=st.integers(0, 3),
    first=st.integers(1, 25), sep=st.sampled_from(SEPARATORS), year=st.integers(2000, 2040),
)  # fmt: skip
def test_an_abbreviated_month_range_is_found_in_english_text(
    published: date, month: int, spelling: int, first: int, sep: str, year: int
) -> None:
    names = EN_MONTHS[month]
    name = names[spelling % len(names)]
    for written in (
        f"{name} {first}{sep}{first + 2}, {year}",
        f"{first}{sep}{first + 2} {name} {year}",
    ):
        found = dates.find_dates(f"Talks ran {written}, officials said.", "en", published)
        assert found and found[0][0] == written, (written, found)
        assert shape(found[0][1]) == day_range(year, month, first, first + 2), (written, found)


COUNT_NOUNS = ["people", "soldiers", "civilians", "children", "houses", "others", "times"]


@SETTINGS
@given(
    published=PUBLISHED, month=st.integers(1, 12), first=st.integers(1, 25),
    sep=st.sampled_from(SEPARATORS), noun=st.sampled_from(COUNT_NOUNS),
    verb=st.sampled_from(["killed", "detained", "wounded", "arrested"]),
)  # fmt: skip
def test_a_count_after_a_date_is_still_no_range(
    published: date, month: int, first: int, sep: str, noun: str, verb: str
) -> None:
    """Without a determiner the noun after the last day is counted by it."""
    name = EN_MONTHS[month][0]
    for sentence in (
        f"Police {verb} {name} {first}{sep}{first + 2} {noun}.",
        f"Gunmen {verb} {first}{sep}{first + 2} {noun} on {name} {first}.",
        f"Gunmen {verb} between {first} and {first + 2} {noun} in {name}.",
    ):
        found = dates.find_dates(sentence, "en", published)
        assert all(read.kind != "range" for _, read in found), (sentence, found)
        assert dates.resolve_date(sentence, published).kind != "range", sentence


# ------------------------------------------------------------ from-until words, every language

MONTHS: dict[str, dict[int, tuple[str, ...]]] = {
    "es": {1: ("enero", "ene."), 2: ("febrero", "feb."), 3: ("marzo", "mar."), 4: ("abril",),
           5: ("mayo",), 6: ("junio",), 7: ("julio",), 8: ("agosto", "ago."),
           9: ("septiembre", "setiembre", "sept."), 10: ("octubre", "oct."),
           11: ("noviembre", "nov."), 12: ("diciembre", "dic.")},
    "fr": {1: ("janvier", "janv."), 2: ("février", "févr."), 3: ("mars",), 4: ("avril", "avr."),
           5: ("mai",), 6: ("juin",), 7: ("juillet", "juil."), 8: ("août",),
           9: ("septembre", "sept."), 10: ("octobre", "oct."), 11: ("novembre", "nov."),
           12: ("décembre", "déc.")},
    "de": {1: ("Januar", "Jan."), 2: ("Februar", "Feb."), 3: ("März",), 4: ("April", "Apr."),
           5: ("Mai",), 6: ("Juni",), 7: ("Juli",), 8: ("August", "Aug."),
           9: ("September", "Sept."), 10: ("Oktober", "Okt."), 11: ("November", "Nov."),
           12: ("Dezember", "Dez.")},
    "it": {1: ("gennaio",), 2: ("febbraio",), 3: ("marzo",), 4: ("aprile",), 5: ("maggio",),
           6: ("giugno",), 7: ("luglio",), 8: ("agosto",), 9: ("settembre",),
           10: ("ottobre",), 11: ("novembre",), 12: ("dicembre",)},
    "pt": {1: ("janeiro",), 2: ("fevereiro",), 3: ("março",), 4: ("abril",), 5: ("maio",),
           6: ("junho",), 7: ("julho",), 8: ("agosto",), 9: ("setembro",), 10: ("outubro",),
           11: ("novembro",), 12: ("dezembro",)},
    "ru": {1: ("января",), 2: ("февраля",), 3: ("марта",), 4: ("апреля",), 5: ("мая",),
           6: ("июня",), 7: ("июля",), 8: ("августа",), 9: ("сентября",), 10: ("октября",),
           11: ("ноября",), 12: ("декабря",)},
}  # fmt: skip
FROM_UNTIL: dict[str, list[str]] = {
    "es": ["desde el {a} hasta el {b} de {m}", "del {a} al {b} de {m}", "desde el {a} al {b} de {m}",
           "del {a} hasta el {b} de {m}", "desde el día {a} hasta el día {b} de {m}",
           "del {a} al {b} de {m} de {y}"],
    "fr": ["du {a} au {b} {m}", "du {a} jusqu'au {b} {m}", "depuis le {a} jusqu’au {b} {m}",
           "du {a} au {b} {m} {y}"],
    "de": ["vom {a}. bis {b}. {m}", "vom {a}. bis zum {b}. {m}", "vom {a}. bis {b}. {m} {y}"],
    "it": ["dal {a} al {b} {m}", "dal {a} fino al {b} {m}", "dal {a} al {b} {m} {y}"],
    "pt": ["de {a} a {b} de {m}", "de {a} até {b} de {m}", "do dia {a} ao dia {b} de {m}",
           "de {a} a {b} de {m} de {y}"],
    "ru": ["с {a} по {b} {m}", "с {a} до {b} {m}", "с {a} по {b} {m} {y} года"],
}  # fmt: skip
CONTEXT = {
    "es": "La cumbre se celebró {d} en Ginebra.",
    "fr": "Le sommet s'est tenu {d} à Genève.",
    "de": "Der Gipfel fand {d} in Genf statt.",
    "it": "Il vertice si è svolto {d} a Ginevra.",
    "pt": "A cúpula foi realizada {d} em Genebra.",
    "ru": "Саммит прошёл {d} в Женеве.",
}


@SETTINGS
@given(
    published=PUBLISHED, language=st.sampled_from(sorted(FROM_UNTIL)), form=st.integers(0, 5),
    month=st.integers(1, 12), spelling=st.integers(0, 2), first=st.integers(1, 25),
    width=st.integers(1, 3), year=st.integers(2000, 2040),
)  # fmt: skip
def test_a_from_until_range_of_days_keeps_both_ends(
    published: date, language: str, form: int, month: int, spelling: int, first: int,
    width: int, year: int,
) -> None:  # fmt: skip
    forms, names = FROM_UNTIL[language], MONTHS[language][month]
    template = forms[form % len(forms)]
    last = first + width
    text = template.format(a=first, b=last, m=names[spelling % len(names)], y=year)
    if "{y}" not in template:
        year = closest_year(month, first, published)
    expected = day_range(year, month, first, last)
    assert shape(dates.resolve_date(text, published, language)) == expected, text
    sentence = CONTEXT[language].format(d=text)
    found = dates.find_dates(sentence, language, published)
    assert found and shape(found[0][1]) == expected, (sentence, found)


# ------------------------------------------------------------ a count before an until word
#
# "hasta", "jusqu'au", "fino al", "até", "ao" also end a count's period: "La cifra de muertos
# llegó a 12 hasta el 5 de marzo" counts 12 dead up to 5 March. Before the fix the count was
# read as the range's first day (12 March; "3 hasta el 28 de marzo" 3 to 28 March; "40 fino
# al 28 marzo" no day at all). Only a from word or an article before the first figure makes
# it a day.

#: Per language: what comes before a count (a verb, a noun of the toll, a quantifier with
#: "de"), and the until phrases that join the count to the day ({b} the day, {m} the month).
COUNT_UNTIL: dict[str, tuple[list[str], list[str]]] = {
    "es": (["La cifra de muertos llegó a", "Se registraron", "Murieron", "Los heridos eran",
            "El balance subió a", "Hubo un total de", "Se contaron más de",
            "La cifra era de"],
           ["hasta el {b} de {m}", "hasta {b} de {m}", "hasta el día {b} de {m}"]),
    "fr": (["Le bilan est passé à", "On a compté", "Les morts étaient", "Il y a eu",
            "Le nombre de blessés a atteint", "Le bilan était de"],
           ["jusqu'au {b} {m}", "jusqu’au {b} {m}"]),
    "it": (["I morti erano", "Si contavano", "Il bilancio è salito a", "Sono stati uccisi",
            "Le vittime erano", "Le vittime sono passate da"],
           ["fino al {b} {m}", "fino a {b} {m}"]),
    "pt": (["O número de mortos chegou a", "Foram registrados", "Morreram", "Eram",
            "Houve um total de", "Foram mais de",
            "O número passou de"],
           ["até {b} de {m}", "até o dia {b} de {m}", "ao dia {b} de {m}", "ao {b} de {m}"]),
}  # fmt: skip


@SETTINGS
@given(
    published=PUBLISHED, language=st.sampled_from(sorted(COUNT_UNTIL)), filler=st.integers(0, 7),
    until=st.integers(0, 3), month=st.integers(1, 12), spelling=st.integers(0, 2),
    count=st.integers(1, 80), last=st.integers(1, 28),
)  # fmt: skip
def test_a_count_before_an_until_word_leaves_the_end_day_alone(
    published: date, language: str, filler: int, until: int, month: int, spelling: int,
    count: int, last: int,
) -> None:  # fmt: skip
    fillers, untils = COUNT_UNTIL[language]
    names = MONTHS[language][month]
    phrase = untils[until % len(untils)].format(b=last, m=names[spelling % len(names)])
    sentence = f"{fillers[filler % len(fillers)]} {count} {phrase}."
    expected = (date(closest_year(month, last, published), month, last).isoformat(), "day",
                "exact", None)  # fmt: skip
    found = dates.find_dates(sentence, language, published)
    assert [shape(read) for _, read in found] == [expected], (sentence, found)
    assert found[0][0].startswith(str(last)), (sentence, found)  # the count is no part of it
    assert shape(dates.resolve_date(sentence, published, language)) == expected, sentence


# ------------------------------------------------------------ English: no determiner, a count

SAYING = ["said", "says", "reported", "announced", "confirmed", "stated", "claimed", "added",
          "warned", "told reporters"]  # fmt: skip
PERSONS = ["people", "soldiers", "civilians", "children", "others", "fighters", "policemen"]


@SETTINGS
@given(
    published=PUBLISHED, month=st.integers(1, 12), spelling=st.integers(0, 3),
    first=st.integers(1, 25), sep=st.sampled_from(SEPARATORS), verb=st.sampled_from(SAYING),
    noun=st.sampled_from(PERSONS),
)  # fmt: skip
def test_that_after_a_verb_of_saying_opens_a_clause_whose_figure_is_a_count(
    published: date, month: int, spelling: int, first: int, sep: str, verb: str, noun: str
) -> None:
    """ "Police said that March 3 to 5 people were killed": 5 people, on 3 March."""
    names = EN_MONTHS[month]
    name = names[spelling % len(names)]
    sentence = f"Police {verb} that {name} {first}{sep}{first + 2} {noun} were killed."
    found = dates.find_dates(sentence, "en", published)
    assert all(read.kind != "range" for _, read in found), (sentence, found)
    assert dates.resolve_date(sentence, published).kind != "range", sentence
    # a preposition before "that" makes it the determiner of the noun the date modifies
    meeting = f"Officials spoke at that {name} {first}{sep}{first + 2} summit."
    expected = day_range(closest_year(month, first, published), month, first, first + 2)
    found = dates.find_dates(meeting, "en", published)
    assert found and shape(found[0][1]) == expected, (meeting, found)


@SETTINGS
@given(
    published=PUBLISHED, month=st.integers(1, 12), spelling=st.integers(0, 3),
    first=st.integers(1, 25), sep=st.sampled_from(SEPARATORS),
    determiner=st.sampled_from(["her", "its", "his", "their", "the", "Iran's", "Kenya’s"]),
    rest=st.sampled_from([f"{noun} were killed" for noun in PERSONS]
                         + ["were killed", "died", "of them were wounded", "percent"]),
    opening=st.sampled_from(["Police told", "On", "During", "She said", "After"]),
)  # fmt: skip
def test_a_determiner_before_a_date_and_a_count_keeps_the_count(
    published: date, month: int, spelling: int, first: int, sep: str, determiner: str,
    rest: str, opening: str,
) -> None:  # fmt: skip
    """A date modifies the noun of its determiner's phrase; a noun of persons, a verb, "of
    them" or "percent" after its last day is what that figure counts ("Police told her March
    3 to 5 people were killed")."""
    names = EN_MONTHS[month]
    name = names[spelling % len(names)]
    sentence = f"{opening} {determiner} {name} {first}{sep}{first + 2} {rest}."
    found = dates.find_dates(sentence, "en", published)
    assert all(read.kind != "range" for _, read in found), (sentence, found)
    assert dates.resolve_date(sentence, published).kind != "range", sentence


#: Lower-case words spelt like a month's abbreviation, or the verb "may".
LOWER_MONTHS = ["may", "mar", "sept", "sep", "jan", "dec", "aug", "jun", "oct", "nov", "feb",
                "apr", "jul"]  # fmt: skip


@SETTINGS
@given(
    published=PUBLISHED, word=st.sampled_from(LOWER_MONTHS), first=st.integers(1, 25),
    sep=st.sampled_from(SEPARATORS),
    template=st.sampled_from(["the {w} {r} group", "They {w} {r} times a week.",
                              "Officials said the {w} {r} plan failed.", "{r} {w}", "{w} {r}"]),
)  # fmt: skip
def test_a_lower_case_abbreviation_is_no_month_and_a_span_reads_its_value(
    published: date, word: str, first: int, sep: str, template: str
) -> None:
    """Running English text capitalises a month's abbreviation, and "may" in lower case is
    the verb: neither writes a range. Every span found reads as exactly its value: a span of
    two days joined is a range, one of one day is that day ("the may 3 to 5 group" was the
    span "may 3 to 5" with the value 3 May)."""
    sentence = template.format(w=word, r=f"{first}{sep}{first + 2}")
    for written, read in dates.find_dates(sentence, "en", published):
        assert read.kind != "range", (sentence, written, read)
        assert len(re.findall(r"\d+", written)) == 1, (sentence, written, read)
        assert word == "may" or word not in written, (sentence, written, read)
