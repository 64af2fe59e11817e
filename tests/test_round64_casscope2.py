"""Round 64 (second pass): the clause that holds the count decides its period.

- a running total told in a relative clause or a participle keeps the period of that clause,
  whatever the main clause dates ("The insurgency, which has killed 300 people since 2019,
  flared again on Tuesday", "Der Aufstand, der seit 2019 300 Menschen getötet hat",
  "Мятеж, унесший с 2019 года жизни 300 человек", "التمرد الذي أودى بحياة 300 شخص منذ 2019");
- a toll noun with a period is a running total wherever its clause stands: in a participle
  after the event ("…, bringing the toll since 2019 to 300") or the noun a relative clause
  about its period describes ("The toll, which has climbed since 2019, reached 300");
- a modifier that does not hold the count still dates its noun ("The gang, active since
  2019, killed 12 on Tuesday").
"""

from __future__ import annotations

from itertools import product

import pytest

from extractor.types.casualty_report import toll_period
from extractor.types.parts import DateValue
from tests.roles_support import PUBLISHED

YEARS = ("2014", "2020")
COUNTS = ("250", "1,400")
#: The main clause's noun, per language (two fillers each).
NOUNS = {
    "en": ("insurgency", "feud"),
    "es": ("insurgencia", "guerrilla"),
    "fr": ("insurrection", "rébellion"),
    "de": ("Aufstand", "Bandenkrieg"),
    "ru": ("Мятеж", "Бандитизм"),
    "ar": ("التمرد", "الاقتتال"),
}

#: A running total in a relative clause or participle, the main clause telling another day.
IN_A_MODIFIER = [
    ("en", "The {c}, which has killed {n} people since {y}, flared again on Thursday."),
    ("en", "Police said the {c}, which has claimed {n} lives since {y}, was spreading."),
    ("es", "La {c}, que ha matado a {n} personas desde {y}, volvió a estallar el jueves."),
    ("es", "La {c}, que ha dejado {n} muertos desde {y}, volvió a estallar el jueves."),
    ("fr", "L'{c}, qui a tué {n} personnes depuis {y}, a repris jeudi."),
    ("de", "Der {c}, der seit {y} {n} Menschen getötet hat, brach am Donnerstag neu aus."),
    ("de", "Der {c}, bei dem seit {y} {n} Menschen getötet wurden, brach am Donnerstag aus."),
    ("ru", "{c}, унесший с {y} года жизни {n} человек, вновь вспыхнул в четверг."),
    ("ru", "{c}, в ходе которого с {y} года погибли {n} человек, вспыхнул в четверг."),
    ("ar", "تجدد يوم الخميس {c} الذي أودى بحياة {n} شخص منذ {y}."),
]

#: A toll noun with its period in a participle or under a relative clause.
TOLL_NOUNS = [
    ("en", "Raiders killed 9 people on Thursday, {v} the toll since {y} to {n}."),
    ("en", "Raiders killed 9 people on Thursday, {v} the number of civilians killed since {y} "
           "to {n}."),
    ("en", "The toll, which has climbed since {y}, stood at {n} on Thursday."),
    ("en", "The death toll, which has risen steadily since {y}, hit {n} on Thursday."),
    ("es", "Unos sicarios mataron a 9 personas el jueves, elevando el balance desde {y} a {n}."),
    ("fr", "Des assaillants ont tué 9 personnes jeudi, portant le bilan depuis {y} à {n}."),
    ("de", "Angreifer töteten am Donnerstag 9 Menschen, womit die Zahl der Toten seit {y} auf "
           "{n} stieg."),
    ("ru", "Налётчики убили 9 человек в четверг, и число погибших с {y} года достигло {n}."),
]  # fmt: skip
VERBS = ("bringing", "raising", "pushing")

#: A modifier without the count dates its noun, not the toll.
NOUN_ONLY = [
    ("en", "The {c}, simmering since {y}, killed {n} people on Thursday."),
    ("en", "The {c}, which has smouldered since {y}, killed {n} people on Thursday."),
    ("es", "La {c}, activa desde {y}, mató a {n} personas el jueves."),
    ("de", "Der {c}, der seit {y} schwelt, tötete am Donnerstag {n} Menschen."),
    ("ru", "{c}, тлеющий с {y} года, унёс в четверг жизни {n} человек."),
]


def _count(written: str) -> int:
    return int(written.replace(",", ""))


@pytest.mark.parametrize(
    ("language", "text", "count", "year"),
    [
        (lang, t.format(c=c, n=n, y=y), _count(n), y)
        for (lang, t), n, y in product(IN_A_MODIFIER, COUNTS, YEARS)
        for c in NOUNS[lang]
    ],
)
def test_a_total_in_a_relative_clause_keeps_that_clauses_period(
    language: str, text: str, count: int, year: str
) -> None:
    period = toll_period(text, language, PUBLISHED, [count])
    assert isinstance(period, DateValue) and period.value == year, (text, period)


@pytest.mark.parametrize(
    ("language", "text", "count", "year"),
    [
        (lang, t.format(v=v, n=n, y=y), _count(n), y)
        for (lang, t), v, n, y in product(TOLL_NOUNS, VERBS, COUNTS, YEARS)
        if v == VERBS[0] or "{v}" in t
    ],
)
def test_a_toll_noun_with_a_period_is_a_running_total(
    language: str, text: str, count: int, year: str
) -> None:
    period = toll_period(text, language, PUBLISHED, [count])
    assert isinstance(period, DateValue) and period.value == year, (text, period)


@pytest.mark.parametrize(
    ("language", "text", "count"),
    [
        (lang, t.format(c=c, n=n, y=y), _count(n))
        for (lang, t), n, y in product(NOUN_ONLY, ("12", "37"), YEARS)
        for c in NOUNS[lang]
    ],
)
def test_a_modifier_without_the_count_dates_its_noun(language: str, text: str, count: int) -> None:
    assert toll_period(text, language, PUBLISHED, [count]) is False, text


#: A toll summed over the year so far, with or without a "since" (the year's start).
YEAR_SO_FAR = [
    ("en", "The {c} has claimed {n} lives this year."),
    ("en", "Gangs linked to the {c} have killed {n} people this year, police said."),
    ("en", "So far this year, the {c} has left {n} people dead."),
    ("en", "Since the start of the year, the {c} has killed {n} people."),
    ("es", "En lo que va de año, la {c} ha dejado {n} muertos."),
    ("fr", "Depuis le début de l'année, l'{c} a fait {n} morts."),
    ("de", "Seit Jahresbeginn wurden im {c} {n} Menschen getötet."),
    ("ru", "С начала года {c} унёс жизни {n} человек."),
]
#: The year named by an event's past tense or a comparison sums nothing.
YEAR_OF_AN_EVENT = [
    ("en", "The {c} flared earlier this year when raiders killed {n} people."),
    (
        "en",
        "Raiders killed {n} people on Thursday, the deadliest raid of the {c} so far this year.",
    ),
]


@pytest.mark.parametrize(
    ("language", "text", "count"),
    [
        (lang, t.format(c=c, n=n), _count(n))
        for (lang, t), n in product(YEAR_SO_FAR, COUNTS)
        for c in NOUNS[lang]
    ],
)
def test_the_year_so_far_dates_a_running_total_by_its_year(
    language: str, text: str, count: int
) -> None:
    period = toll_period(text, language, PUBLISHED, [count])
    want = f"{PUBLISHED.year:04d}"
    assert isinstance(period, DateValue) and period.value == want, (text, period)


@pytest.mark.parametrize(
    ("text", "count"),
    [(t.format(c=c, n=n), _count(n)) for (_, t), n in product(YEAR_OF_AN_EVENT, COUNTS)
     for c in NOUNS["en"]],
)  # fmt: skip
def test_the_year_of_an_event_is_no_period(text: str, count: int) -> None:
    assert not isinstance(toll_period(text, "en", PUBLISHED, [count]), DateValue), text


@pytest.mark.parametrize(
    ("month", "number"), [("Jan", 1), ("Feb", 2), ("Aug", 8), ("Sept", 9), ("Oct", 10)]
)
@pytest.mark.parametrize("day", (3, 24))
def test_a_months_abbreviation_keeps_the_date_whole(month: str, number: int, day: int) -> None:
    text = f"Since {month}. {day}, 2021, raids have killed 640 people in the province."
    period = toll_period(text, "en", PUBLISHED, [640])
    assert isinstance(period, DateValue), text
    assert period.value == f"2021-{number:02d}-{day:02d}", (text, period)


@pytest.mark.parametrize(
    "toll",
    [
        "The toll since {y} now stands at {n}.",
        "The number of civilians killed since {y} has reached {n}.",
        "The death toll since {y} is {n}.",
    ],
)
@pytest.mark.parametrize(("n", "y"), list(product(COUNTS, YEARS)))
def test_a_toll_nouns_sentence_is_its_counts_own(toll: str, n: str, y: str) -> None:
    text = "A drone strike killed 9 people on Thursday. " + toll.format(n=n, y=y)
    period = toll_period(text, "en", PUBLISHED, [_count(n)])
    assert isinstance(period, DateValue) and period.value == y, (text, period)


@pytest.mark.parametrize(("month", "number"), [("gennaio", 1), ("febbraio", 2), ("marzo", 3)])
@pytest.mark.parametrize(
    "template",
    ["Da {m} sono state uccise {n} persone nella regione.",
     "Da {m} gli attacchi hanno ucciso {n} civili."],
)  # fmt: skip
@pytest.mark.parametrize("n", COUNTS)
def test_an_italian_da_before_a_month_opens_a_period(
    month: str, number: int, template: str, n: str
) -> None:
    text = template.format(m=month, n=n)
    period = toll_period(text, "it", PUBLISHED, [_count(n)])
    assert isinstance(period, DateValue), text
    assert period.value == f"{PUBLISHED.year:04d}-{number:02d}", (text, period)
