from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractor.text.dates import WEEKDAYS, earliest, latest, precision_of, resolve_date

PUBLISHED = date(2023, 5, 31)  # the seed article's date, a Wednesday


@pytest.mark.parametrize(
    ("text", "value", "precision", "kind"),
    [
        ("Tuesday", "2023-05-30", "day", "exact"),
        ("on Tuesday", "2023-05-30", "day", "exact"),
        ("Wednesday (May 31)", "2023-05-31", "day", "exact"),
        ("earlier this month", "2023-05", "month", "exact"),
        ("last month", "2023-04", "month", "exact"),
        ("In March", "2023-03", "month", "exact"),
        ("earlier this year", "2023", "year", "exact"),
        ("last year", "2022", "year", "exact"),
        ("in 2017", "2017", "year", "exact"),
        ("yesterday", "2023-05-30", "day", "exact"),
        ("today", "2023-05-31", "day", "exact"),
        ("31-5-2023", "2023-05-31", "day", "exact"),
        ("May 11, 2023", "2023-05-11", "day", "exact"),
        ("30 May", "2023-05-30", "day", "exact"),
        ("June 2022", "2022-06", "month", "exact"),
        ("2023-05-30", "2023-05-30", "day", "exact"),
        ("2023-05", "2023-05", "month", "exact"),
        ("late May", "2023-05", "month", "approximate"),
        ("next Monday", "2023-06-05", "day", "exact"),
        ("since 2021", "2021", "year", "range"),
    ],
)
def test_relative_and_absolute_expressions(
    text: str, value: str, precision: str, kind: str
) -> None:
    found = resolve_date(text, PUBLISHED)
    assert (found.value, found.precision, found.kind) == (value, precision, kind)


def test_since_a_year_runs_to_the_publication_date() -> None:
    assert resolve_date("since 2021", PUBLISHED).end == "2023-05-31"


@pytest.mark.parametrize("text", ["since the coup", "at some point", "", "soon"])
def test_what_cannot_be_pinned_down_stays_unresolved(text: str) -> None:
    found = resolve_date(text, PUBLISHED)
    assert found.kind == "unresolved" and found.value is None


def test_relative_dates_need_the_publication_date() -> None:
    assert resolve_date("Tuesday", None).kind == "unresolved"
    assert resolve_date("May 30", None).kind == "unresolved"
    assert resolve_date("May 30, 2023", None).value == "2023-05-30"


def test_precision_and_bounds() -> None:
    assert precision_of("2023") == "year"
    assert precision_of("2023-02") == "month"
    assert latest("2024-02") == date(2024, 2, 29)
    assert earliest("2023") == date(2023, 1, 1)
    with pytest.raises(ValueError):
        precision_of("2023-13")
    with pytest.raises(ValueError):
        precision_of("31/05/2023")


dates = st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 12, 31))


@given(published=dates, weekday=st.sampled_from(sorted(WEEKDAYS)))
def test_a_bare_weekday_is_the_latest_such_day_on_or_before_publication(
    published: date, weekday: str
) -> None:
    found = resolve_date(f"on {weekday.capitalize()}", published)
    assert found.value is not None
    day = date.fromisoformat(found.value)
    assert 0 <= (published - day).days <= 6
    assert day.weekday() == WEEKDAYS[weekday]


@given(published=dates, days=st.integers(min_value=1, max_value=300))
def test_days_ago_counts_back_from_publication(published: date, days: int) -> None:
    found = resolve_date(f"{days} days ago", published)
    assert found.value == (published - timedelta(days=days)).isoformat()


@given(published=dates, month=st.integers(min_value=1, max_value=12))
def test_a_bare_month_is_the_occurrence_nearest_publication(published: date, month: int) -> None:
    import calendar

    found = resolve_date(f"in {calendar.month_name[month]}", published)
    assert found.value is not None and found.precision == "month"
    year, resolved_month = (int(p) for p in found.value.split("-"))
    assert resolved_month == month
    assert abs((date(year, month, 15) - published).days) <= 366 // 2 + 31


@given(day=dates)
def test_iso_dates_resolve_to_themselves(day: date) -> None:
    found = resolve_date(day.isoformat(), PUBLISHED)
    assert found.value == day.isoformat() and found.precision == "day"


# ------------------------------------------------------------ other languages
# Month and weekday names written here for the test (the code reads dateparser's).

MONTHS_IN = {
    "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
           "septiembre", "octubre", "noviembre", "diciembre"],
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
           "septembre", "octobre", "novembre", "décembre"],
    "de": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
           "September", "Oktober", "November", "Dezember"],
    "ru": ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
           "сентября", "октября", "ноября", "декабря"],
}  # fmt: skip
FULL_DATE = {
    "es": "el {d} de {m} de {y}", "fr": "le {d} {m} {y}", "de": "am {d}. {m} {y}",
    "ru": "{d} {m} {y} года", "zh": "{y}年{n}月{d}日",
}  # fmt: skip
WEEKDAY_IN = {  # Tuesday
    "es": "el martes",
    "fr": "mardi",
    "de": "am Dienstag",
    "ru": "во вторник",
    "zh": "周二",
}
TODAY_IN = {"es": "hoy", "fr": "aujourd'hui", "de": "heute", "ru": "сегодня", "zh": "今天"}
SENTENCE = {
    "es": "El ministro llegó a Madrid {x} para conversar.",
    "fr": "Le ministre est arrivé à Paris {x} pour des entretiens.",
    "de": "Der Minister traf {x} in Berlin ein.",
    "ru": "Министр прибыл в Москву {x} для переговоров.",
    "zh": "部长{x}抵达北京进行会谈。",
}


@given(
    language=st.sampled_from(sorted(FULL_DATE)),
    day=st.dates(date(1990, 1, 1), date(2035, 12, 31)),
    published=st.dates(date(2000, 1, 1), date(2030, 12, 31)),
)
def test_a_date_written_in_another_language_reads_as_in_english(
    language: str, day: date, published: date
) -> None:
    """A full date in the article's words is found and read to the same day; a weekday or
    "today" in its words resolves against the publication date as English ones do."""
    from extractor.text.dates import find_dates

    month = MONTHS_IN.get(language, [""] * 12)[day.month - 1]
    written = FULL_DATE[language].format(d=day.day, m=month, y=day.year, n=day.month)
    found = find_dates(SENTENCE[language].format(x=written), language, published)
    assert [(f.value, f.precision) for _, f in found] == [(day.isoformat(), "day")]
    ((expression, _),) = found
    assert expression in written  # as written, a piece of the text

    for words, english in ((WEEKDAY_IN, "on Tuesday"), (TODAY_IN, "today")):
        text = SENTENCE[language].format(x=words[language])
        [(_, read)] = find_dates(text, language, published)
        assert read.value == resolve_date(english, published).value
        assert resolve_date(words[language], published, language).value == read.value


@given(
    language=st.sampled_from(sorted(MONTHS_IN)),
    month=st.integers(0, 11),
    number=st.integers(1, 28),
    published=st.dates(date(2000, 1, 1)),
)
def test_words_that_are_no_date_are_not_read_as_one(
    language: str, month: int, number: int, published: date
) -> None:
    """A month name alone (it may be a name: "Mayo"), a figure alone, a sentence without a
    date, a month before the day in a language that writes the day first: nothing found."""
    from extractor.text.dates import find_dates

    name = MONTHS_IN[language][month]
    for text in (SENTENCE[language].format(x=""), name, str(number), f"{name} {number}"):
        assert find_dates(text, language, published) == [], text


# ------------------------------------------------- published: all of it a date, or none

_TAILS = st.sampled_from(["", "abc", "99", "T25:99:99garbage", "T08:00:00Z", "T08:00:00+02:00",
                          " 08:00", "T00:00:00.000000000", "x", "T08:00:00Zjunk", "-01"])  # fmt: skip


@given(day=st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)), tail=_TAILS)
def test_published_is_a_whole_iso_date_or_time_or_refused(day: date, tail: str) -> None:
    """``2024-01-0199`` or ``2024-01-01T25:99:99garbage`` was cut to its first ten
    characters and anchored every "yesterday" of the article. Every way a ``published``
    comes in (``Document``, a rows table, a file's metadata in bulk) reads the whole value:
    an ISO 8601 date or date-time gives its day; anything else is refused (the API, a
    row) or left unread (a file's metadata, then read from the article's dateline)."""
    from datetime import datetime

    from extractor import Document, InputError
    from extractor.integrations.rows import _row_date
    from extractor.io.formats import coerce_date

    value = day.isoformat() + tail
    try:
        datetime.fromisoformat(value.replace(".000000000", ".000000"))
        expected: date | None = day
    except ValueError:
        expected = None
    try:
        by_document = Document("x", "t", published=value).published
    except InputError:
        by_document = None
    try:
        by_row = _row_date(value)
    except ValueError:
        by_row = None
    assert by_document == by_row == coerce_date(value) == expected, value
