"""Round 62: a day's year written without its comma before a name or a figure.

Each test generates its sentences over month spellings, days, years and fillers. Before
the fix "On Oct. 7 2023 Hamas attacked Israel", "On May 5 2024 Israel closed the
crossing", "On Oct 7 2023 1,200 people were killed" and "On Oct. 7 2023 thousands of
rockets were fired" lost their year: only punctuation or a lower-case word after the
figure kept it, and the day was read as the one nearest publication (2024-10-07,
2025-05-05: a wrong date, silently, sometimes in the future). A name is no plural a count
takes, a count takes one figure, and "thousands of" is a count of its own, so the figure
is the year. A people in the plural or a capitalised word before a plural still makes the
figure a count ("Since Oct. 7 2000 Palestinians were killed").
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.text.dates import MONTH_NAMES, find_dates

SETTINGS = settings(max_examples=80, deadline=None)
PUBLISHED = "2024-11-20"
DAYS = st.integers(min_value=1, max_value=28)
YEARS = st.integers(min_value=1990, max_value=2024)

#: Whole names, dotted abbreviations and undotted ones ("Oct 7", Reuters style).
SPELLINGS = (
    [name.title() for name in MONTH_NAMES]
    + [f"{name[:3].title()}." for name in MONTH_NAMES if name != "may"]
    + [name[:3].title() for name in MONTH_NAMES if name != "may"]
    + ["Sept.", "Sept"]
)
OPENERS = ["On", "Since", "By", "After", "Until", "From"]
#: What follows the year: a name (singular, possessive, hyphenated, an acronym, a plural
#: place's name), another figure, or a count of its own.
NOT_A_COUNT = [
    "Hamas attacked Israel.", "Israel closed the crossing.", "Russia invaded Ukraine.",
    "Israel's army was surprised.", "Trump won the election.", "Netanyahu said so.",
    "Texas voted.", "Israel-Hamas war began.", "NATO met in Brussels.",
    "1,200 people were killed.", "12 soldiers died.", "about 1,200 people were killed.",
    "thousands of rockets were fired.", "hundreds of people fled.", "dozens of homes burned.",
]  # fmt: skip
#: What a figure after a day counts: a people in the plural, a capitalised adjective or
#: name before a plural, a title-case noun of persons, a lower-case plural.
COUNTED = [
    "Palestinians were killed.", "Israelis were taken.", "Jews were killed.",
    "Islamists were arrested.", "U.S. troops crossed.", "Russian troops crossed.",
    "Gaza residents fled.", "Hamas fighters died.", "Troops Died.", "troops crossed.",
    "people fled.", "armed men attacked.",
]  # fmt: skip


def _month_number(spelling: str) -> int:
    prefix = spelling.lower().rstrip(".")[:3]
    return next(i for i, n in enumerate(MONTH_NAMES, start=1) if n.startswith(prefix))


def _first_value(text: str) -> str | None:
    found = find_dates(text, "en", PUBLISHED)
    assert found, text
    return found[0][1].value


@SETTINGS
@given(
    st.sampled_from(OPENERS), st.sampled_from(SPELLINGS), DAYS, YEARS,
    st.sampled_from(NOT_A_COUNT),
)  # fmt: skip
def test_a_year_before_a_name_or_a_figure_is_its_year(
    opener: str, spelling: str, day: int, year: int, tail: str
) -> None:
    text = f"{opener} {spelling} {day} {year} {tail}"
    month = _month_number(spelling)
    assert _first_value(text) == f"{year}-{month:02d}-{day:02d}", text


@SETTINGS
@given(
    st.sampled_from(OPENERS), st.sampled_from(SPELLINGS), DAYS,
    st.sampled_from([1900, 1950, 2000]), st.sampled_from(COUNTED),
)  # fmt: skip
def test_a_figure_before_what_it_counts_stays_a_count(
    opener: str, spelling: str, day: int, figure: int, tail: str
) -> None:
    text = f"{opener} {spelling} {day} {figure} {tail}"
    month = _month_number(spelling)
    value = _first_value(text)
    assert value is not None and value.endswith(f"-{month:02d}-{day:02d}"), (text, value)
    assert not value.startswith(f"{figure}-"), (text, value)


@SETTINGS
@given(
    st.sampled_from(OPENERS), st.sampled_from(SPELLINGS), DAYS,
    YEARS.filter(lambda y: y % 50), st.sampled_from(COUNTED),
)  # fmt: skip
def test_a_figure_that_is_no_round_estimate_is_the_year_before_a_noun_too(
    opener: str, spelling: str, day: int, year: int, tail: str
) -> None:
    """Round 62 (lead): a count that large written as four bare digits is an estimate, and
    estimates are round: "On Feb. 24 2022 Russian troops invaded" is dated 2022-02-24, a
    count of 2000 before "Russian troops" stays a count (above)."""
    text = f"{opener} {spelling} {day} {year} {tail}"
    month = _month_number(spelling)
    assert _first_value(text) == f"{year}-{month:02d}-{day:02d}", text


#: Day, month and year with no separator in the other languages the reader claims: the
#: month's name stands between day and year, so the year is read before a name too.
DAY_MONTH_YEAR = {
    "fr": ("Le {d} octobre {y} Israël a été attaqué.", 10),
    "it": ("Il {d} ottobre {y} Hamas ha attaccato Israele.", 10),
    "de": ("Am {d}. Oktober {y} griff die Hamas Israel an.", 10),
    "ru": ("{d} октября {y} ХАМАС напал на Израиль.", 10),
    "es": ("El {d} de octubre de {y} Hamás atacó a Israel.", 10),
    "pt": ("Em {d} de outubro de {y} o Hamas atacou Israel.", 10),
    "en": ("On {d} October {y} Hamas attacked Israel.", 10),
}


@SETTINGS
@given(st.sampled_from(sorted(DAY_MONTH_YEAR)), DAYS, YEARS)
def test_a_day_month_year_before_a_name_keeps_its_year(language: str, day: int, year: int) -> None:
    template, month = DAY_MONTH_YEAR[language]
    text = template.format(d=day, y=year)
    found = find_dates(text, language, PUBLISHED)
    assert [r.value for _, r in found][:1] == [f"{year}-{month:02d}-{day:02d}"], text
