"""Round 58: date expressions whose qualifiers were read by some rules and not others.

Each test generates expressions (weekdays x modifiers x languages, ranges in every form,
"since", approximators, numeric and ISO forms) against publication dates drawn across
year and month boundaries and leap days, and computes the expected value here with
``datetime`` arithmetic, never with the module under test. Before the fix: "since
October 7" was one day; "3-5 March 2025" was 5 March; "on Monday last week" was this
week's Monday; "the blast on Wednesday" a week early ("last" read inside "blast");
"el próximo lunes" a past Monday; "2025/03/04" the year only; "03/04/2025" a sure day;
"early last month" exact; "seven days ago" unresolved.
"""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st
from num2words import num2words

from extractor.text import dates

_BOUNDARIES = [
    day
    for year in (2003, 2004, 2019, 2020, 2024, 2025, 2028)
    for day in (
        date(year, 1, 1), date(year, 1, 6), date(year, 2, 28), date(year, 3, 1),
        date(year, 12, 31), date(year, 12, 28), date(year, 6, 30), date(year, 7, 1),
    )
] + [date(2004, 2, 29), date(2020, 2, 29), date(2024, 2, 29), date(2028, 2, 29)]  # fmt: skip
PUBLISHED = st.one_of(st.sampled_from(_BOUNDARIES), st.dates(date(2001, 1, 1), date(2075, 12, 31)))
SETTINGS = settings(max_examples=60, deadline=None)

EN_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December"]  # fmt: skip
ES_MONTHS = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
             "septiembre", "octubre", "noviembre", "diciembre"]  # fmt: skip
FR_MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
             "septembre", "octobre", "novembre", "décembre"]  # fmt: skip
DE_MONTHS = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
             "September", "Oktober", "November", "Dezember"]  # fmt: skip
RU_MONTHS_GEN = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
                 "сентября", "октября", "ноября", "декабря"]  # fmt: skip
AR_LEVANTINE = ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب",
                "أيلول", "تشرين الأول", "تشرين الثاني", "كانون الأول"]  # fmt: skip


# ------------------------------------------------------------ the expected values


def most_recent(published: date, weekday: int, strictly: bool = False) -> date:
    """The weekday on or before ``published`` (strictly before when ``strictly``)."""
    day = published - timedelta(days=1 if strictly else 0)
    while day.weekday() != weekday:
        day -= timedelta(days=1)
    return day


def soonest_after(published: date, weekday: int) -> date:
    day = published + timedelta(days=1)
    while day.weekday() != weekday:
        day += timedelta(days=1)
    return day


def of_week(published: date, weekday: int, weeks: int) -> date:
    monday = published
    while monday.weekday() != 0:
        monday -= timedelta(days=1)
    return monday + timedelta(days=7 * weeks + weekday)


def closest_year(month: int, day: int, published: date) -> int:
    years = (published.year - 1, published.year, published.year + 1)
    return min(years, key=lambda y: abs((date(y, month, day) - published).days))


def last_on_or_before(month: int, day: int, published: date) -> date:
    year = published.year
    while date(year, month, day) > published:
        year -= 1
    return date(year, month, day)


def months_before(published: date, n: int) -> str:
    year, month = published.year, published.month
    for _ in range(n):
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return f"{year:04d}-{month:02d}"


def shape(found: dates.ResolvedDate) -> tuple[str | None, str | None, str | None, str | None]:
    return found.value, found.precision, found.kind, found.end


# ------------------------------------------------------------ weekdays and their modifiers


@SETTINGS
@given(
    published=PUBLISHED,
    weekday=st.integers(0, 6),
    form=st.sampled_from([
        "on {w}", "{w}", "last {w}", "next {w}", "this coming {w}", "on {w} last week",
        "last week on {w}", "{w} of last week", "on {w} next week", "the blast on {w}",
        "a last-ditch attack on {w}", "the pastor spoke on {w}", "on {w} this week",
    ]),
)  # fmt: skip
def test_an_english_weekday_takes_its_own_modifiers_as_whole_words(
    published: date, weekday: int, form: str
) -> None:
    text = form.format(w=EN_WEEKDAYS[weekday])
    if "last week" in text:
        expected = of_week(published, weekday, -1)
    elif "next week" in text:
        expected = of_week(published, weekday, 1)
    elif "this week" in text:
        expected = of_week(published, weekday, 0)
    elif text.startswith(("next", "this coming")):
        expected = soonest_after(published, weekday)
    elif text.startswith("last "):
        expected = most_recent(published, weekday, strictly=True)
    else:  # "the blast on", "a last-ditch attack on": no "last" of the weekday's
        expected = most_recent(published, weekday)
    assert shape(dates.resolve_date(text, published)) == (expected.isoformat(), "day", "exact",
                                                         None), text  # fmt: skip
    # and the same sentence read from the evidence
    found = dates.find_dates(f"They met {text}, police said.", "en", published)
    if not text.startswith(("the ", "a ")):
        assert found and found[0][1].value == expected.isoformat(), (text, found)


_FOREIGN_WEEKDAYS = {
    "es": ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"],
    "fr": ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"],
    "de": ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"],
    "ru": ["понедельник", "вторник", "среду", "четверг", "пятницу", "субботу", "воскресенье"],
}
_RU_GENDER = ["m", "m", "f", "m", "f", "f", "n"]
_FOREIGN_FORMS = {
    "es": {"next": "el próximo {w}", "last": "el {w} pasado", "none": "el {w}"},
    "fr": {"next": "{w} prochain", "last": "{w} dernier", "none": "{w}"},
    "de": {"next": "nächsten {w}", "last": "letzten {w}", "none": "am {w}"},
    "ru": {"next": "в {next} {w}", "last": "в {last} {w}", "none": "в {w}"},
}
_RU_NEXT = {"m": "следующий", "f": "следующую", "n": "следующее"}
_RU_LAST = {"m": "прошлый", "f": "прошлую", "n": "прошлое"}


@SETTINGS
@given(
    published=PUBLISHED,
    weekday=st.integers(0, 6),
    language=st.sampled_from(sorted(_FOREIGN_FORMS)),
    direction=st.sampled_from(["next", "last", "none"]),
)
def test_a_foreign_weekday_takes_next_and_last(
    published: date, weekday: int, language: str, direction: str
) -> None:
    gender = _RU_GENDER[weekday]
    text = _FOREIGN_FORMS[language][direction].format(
        w=_FOREIGN_WEEKDAYS[language][weekday], next=_RU_NEXT[gender], last=_RU_LAST[gender]
    )
    if direction == "next":
        expected = soonest_after(published, weekday)
    else:
        expected = most_recent(published, weekday, strictly=direction == "last")
    found = dates.resolve_date(text, published, language)
    assert shape(found) == (expected.isoformat(), "day", "exact", None), text
    in_text = dates.find_dates(text, language, published)
    assert in_text and in_text[0][1].value == expected.isoformat(), (text, in_text)


@SETTINGS
@given(
    published=PUBLISHED,
    written=st.sampled_from([
        ("en", "the day before yesterday", -2), ("es", "anteayer", -2),
        ("de", "vorgestern", -2), ("fr", "avant-hier", -2), ("ru", "позавчера", -2),
        ("zh", "前天", -2), ("en", "the day after tomorrow", 2), ("de", "übermorgen", 2),
        ("fr", "après-demain", 2), ("ru", "послезавтра", 2), ("zh", "后天", 2),
    ]),
)  # fmt: skip
def test_two_days_off_are_two_days(published: date, written: tuple[str, str, int]) -> None:
    language, text, offset = written
    expected = (published + timedelta(days=offset)).isoformat()
    assert shape(dates.resolve_date(text, published, language)) == (expected, "day", "exact", None)


@SETTINGS
@given(published=PUBLISHED, month=st.integers(1, 12), day=st.integers(1, 28),
       when=st.sampled_from(["last", "next", "this"]))  # fmt: skip
def test_a_day_of_last_year_is_of_last_year(
    published: date, month: int, day: int, when: str
) -> None:
    year = published.year + {"last": -1, "next": 1, "this": 0}[when]
    for text in (f"on {EN_MONTHS[month - 1]} {day} {when} year",
                 f"{day} {EN_MONTHS[month - 1]} {when} year"):  # fmt: skip
        found = dates.resolve_date(text, published)
        assert found.value == date(year, month, day).isoformat(), text


# ------------------------------------------------------------ since


@SETTINGS
@given(
    published=PUBLISHED,
    month=st.integers(1, 12),
    day=st.integers(1, 28),
    years_back=st.integers(1, 6),
    form=st.integers(0, 7),
)
def test_since_is_a_range_to_the_publication_date(
    published: date, month: int, day: int, years_back: int, form: int
) -> None:
    year = published.year - years_back
    m_en = EN_MONTHS[month - 1]
    cases = [
        ("en", f"since {m_en} {day}", last_on_or_before(month, day, published).isoformat()),
        ("en", f"since {m_en} {year}", f"{year:04d}-{month:02d}"),
        ("en", f"ever since {day} {m_en} {year}", date(year, month, day).isoformat()),
        ("es", f"desde el {day} de {ES_MONTHS[month - 1]} de {year}",
         date(year, month, day).isoformat()),
        ("fr", f"depuis le {day} {FR_MONTHS[month - 1]} {year}", date(year, month, day).isoformat()),
        ("de", f"seit {DE_MONTHS[month - 1]} {year}", f"{year:04d}-{month:02d}"),
        ("ru", f"с {day} {RU_MONTHS_GEN[month - 1]} {year} года", date(year, month, day).isoformat()),
        ("zh", f"自{year}年{month}月{day}日以来", date(year, month, day).isoformat()),
    ]  # fmt: skip
    language, text, start = cases[form]
    found = dates.resolve_date(text, published, language)
    assert (found.value, found.kind, found.end) == (start, "range", published.isoformat()), text


# ------------------------------------------------------------ ranges


def _en_ranges(m: int, d1: int, d2: int, y: int) -> list[str]:
    name = EN_MONTHS[m - 1]
    return [
        f"{name} {d1}-{d2}, {y}", f"{name} {d1}–{d2}, {y}", f"{d1}-{d2} {name} {y}",
        f"between {d1} and {d2} {name} {y}", f"from {name} {d1} to {name} {d2}, {y}",
        f"from {d1} to {d2} {name} {y}", f"{d1} {name} to {d2} {name} {y}",
    ]  # fmt: skip


def _foreign_ranges(m: int, d1: int, d2: int, y: int) -> list[tuple[str, str]]:
    return [
        ("es", f"del {d1} al {d2} de {ES_MONTHS[m - 1]} de {y}"),
        ("es", f"entre el {d1} y el {d2} de {ES_MONTHS[m - 1]} de {y}"),
        ("fr", f"du {d1} au {d2} {FR_MONTHS[m - 1]} {y}"),
        ("de", f"vom {d1}. bis {d2}. {DE_MONTHS[m - 1]} {y}"),
        ("ru", f"с {d1} по {d2} {RU_MONTHS_GEN[m - 1]} {y} года"),
        ("zh", f"{y}年{m}月{d1}日至{d2}日"),
        ("zh", f"{y}年{m}月{d1}日到{d2}日"),
    ]


@SETTINGS
@given(
    published=PUBLISHED,
    month=st.integers(1, 12),
    days=st.tuples(st.integers(1, 28), st.integers(1, 28)).filter(lambda t: t[0] < t[1]),
    year=st.integers(2000, 2040),
    pick=st.integers(0, 13),
)
def test_a_range_of_days_keeps_both_ends(
    published: date, month: int, days: tuple[int, int], year: int, pick: int
) -> None:
    d1, d2 = days
    written = [("en", t) for t in _en_ranges(month, d1, d2, year)]
    written += _foreign_ranges(month, d1, d2, year)
    language, text = written[pick % len(written)]
    expected = (date(year, month, d1).isoformat(), "day", "range",
                date(year, month, d2).isoformat())  # fmt: skip
    assert shape(dates.resolve_date(text, published, language)) == expected, text
    found = dates.find_dates(f"Talks were held {text}.", language, published)
    assert found and shape(found[0][1]) == expected, (text, found)


@SETTINGS
@given(published=PUBLISHED, month=st.integers(1, 12), days=st.tuples(
    st.integers(1, 28), st.integers(1, 28)).filter(lambda t: t[0] < t[1]))  # fmt: skip
def test_a_range_without_its_year_is_near_the_publication_date(
    published: date, month: int, days: tuple[int, int]
) -> None:
    d1, d2 = days
    year = closest_year(month, d1, published)
    found = dates.resolve_date(f"{EN_MONTHS[month - 1]} {d1}-{d2}", published)
    assert shape(found) == (date(year, month, d1).isoformat(), "day", "range",
                            date(year, month, d2).isoformat())  # fmt: skip


@SETTINGS
@given(published=PUBLISHED, months=st.tuples(st.integers(1, 12), st.integers(1, 12)).filter(
    lambda t: t[0] < t[1]), year=st.integers(2000, 2040))  # fmt: skip
def test_a_range_of_months_keeps_both_ends(
    published: date, months: tuple[int, int], year: int
) -> None:
    m1, m2 = months
    for text in (f"between {EN_MONTHS[m1 - 1]} and {EN_MONTHS[m2 - 1]} {year}",
                 f"from {EN_MONTHS[m1 - 1]} to {EN_MONTHS[m2 - 1]} {year}"):  # fmt: skip
        found = dates.resolve_date(text, published)
        assert shape(found) == (f"{year:04d}-{m1:02d}", "month", "range",
                                f"{year:04d}-{m2:02d}"), text  # fmt: skip


# ------------------------------------------------------------ numeric and ISO forms


@SETTINGS
@given(published=PUBLISHED, day=st.dates(date(2000, 1, 1), date(2060, 12, 31)),
       hour=st.integers(0, 23), form=st.integers(0, 3))  # fmt: skip
def test_a_day_in_year_first_order_is_that_day(
    published: date, day: date, hour: int, form: int
) -> None:
    text = [
        f"{day.year}/{day.month:02d}/{day.day:02d}", f"{day.year}.{day.month:02d}.{day.day:02d}",
        f"{day.isoformat()}T{hour:02d}:30:00Z", f"{day.isoformat()}T{hour:02d}:30:00+02:00",
    ][form]  # fmt: skip
    assert shape(dates.resolve_date(text, published)) == (day.isoformat(), "day", "exact", None)


@SETTINGS
@given(published=PUBLISHED, first=st.integers(1, 12), second=st.integers(1, 12),
       year=st.integers(2000, 2060))  # fmt: skip
def test_an_ambiguous_numeric_day_is_no_sure_day(
    published: date, first: int, second: int, year: int
) -> None:
    text = f"{first:02d}/{second:02d}/{year}"
    found = dates.resolve_date(text, published)
    if first == second:
        assert found.value == date(year, first, first).isoformat()
    else:  # 3 April or 4 March: not a sure day either way
        assert not (found.kind == "exact" and found.precision == "day"), (text, found)
        assert found.value is None or found.value == f"{year:04d}"


@SETTINGS
@given(published=st.dates(date(2001, 1, 1), date(2075, 12, 31)), day=st.dates(
    date(2000, 1, 1), date(2095, 12, 31)), form=st.integers(0, 2))  # fmt: skip
def test_a_two_digit_year_is_a_year(published: date, day: date, form: int) -> None:
    if day.year > published.year + 20:
        return  # another century's reading
    short = day.year % 100
    month = EN_MONTHS[day.month - 1]
    text = [f"{day.day} {month[:3]} {short:02d}", f"{month} {day.day}, '{short:02d}",
            f"{day.day} {month} '{short:02d}"][form]  # fmt: skip
    assert dates.resolve_date(text, published).value == day.isoformat(), text


# ------------------------------------------------------------ approximators


@SETTINGS
@given(published=PUBLISHED, month=st.integers(1, 12), year=st.integers(2000, 2040),
       pick=st.integers(0, 11))  # fmt: skip
def test_an_approximator_makes_a_month_or_year_approximate_in_every_rule(
    published: date, month: int, year: int, pick: int
) -> None:
    last_month = months_before(published, 1)
    cases = [
        ("en", "early last month", last_month), ("en", "late last month", last_month),
        ("en", "late last year", f"{published.year - 1:04d}"),
        ("en", "mid last year", f"{published.year - 1:04d}"),
        ("de", f"Anfang {DE_MONTHS[month - 1]} {year}", f"{year:04d}-{month:02d}"),
        ("de", f"Mitte {year}", f"{year:04d}"),
        ("es", f"a principios de {ES_MONTHS[month - 1]} de {year}", f"{year:04d}-{month:02d}"),
        ("es", f"a mediados de {year}", f"{year:04d}"),
        ("fr", f"début {FR_MONTHS[month - 1]} {year}", f"{year:04d}-{month:02d}"),
        ("fr", f"mi-{FR_MONTHS[month - 1]} {year}", f"{year:04d}-{month:02d}"),
        ("ru", f"в начале {RU_MONTHS_GEN[month - 1]} {year} года", f"{year:04d}-{month:02d}"),
        ("zh", f"{year}年{month}月初", f"{year:04d}-{month:02d}"),
    ]  # fmt: skip
    language, text, value = cases[pick]
    found = dates.resolve_date(text, published, language)
    assert (found.value, found.kind) == (value, "approximate"), text


# ------------------------------------------------------------ counts, weeks, quarters, months


@SETTINGS
@given(published=PUBLISHED, n=st.integers(1, 40), unit=st.sampled_from(["day", "month", "year"]))
def test_ago_reads_its_number_in_words(published: date, n: int, unit: str) -> None:
    text = f"{num2words(n)} {unit}{'s' if n > 1 else ''} ago"
    found = dates.resolve_date(text, published)
    if unit == "day":
        expected = (published - timedelta(days=n)).isoformat()
    elif unit == "month":
        expected = months_before(published, n)
    else:
        expected = f"{published.year - n:04d}"
    assert found.value == expected, text


@SETTINGS
@given(published=PUBLISHED, n=st.integers(1, 4))
def test_fortnights_and_the_past_week(published: date, n: int) -> None:
    text = "a fortnight ago" if n == 1 else f"{num2words(n)} fortnights ago"
    assert (
        dates.resolve_date(text, published).value
        == (published - timedelta(days=14 * n)).isoformat()
    )
    found = dates.resolve_date("in the past week", published)
    assert shape(found) == ((published - timedelta(days=7)).isoformat(), "day", "range",
                            published.isoformat())  # fmt: skip


@SETTINGS
@given(published=PUBLISHED, quarter=st.integers(1, 4), year=st.integers(2000, 2040),
       form=st.integers(0, 2))  # fmt: skip
def test_a_quarter_is_its_three_months(published: date, quarter: int, year: int, form: int) -> None:
    ordinal = ["first", "second", "third", "fourth"][quarter - 1]
    text = [f"Q{quarter} {year}", f"the {ordinal} quarter of {year}", f"{year} Q{quarter}"][form]
    first = 3 * quarter - 2
    assert shape(dates.resolve_date(text, published)) == (
        f"{year:04d}-{first:02d}",
        "month",
        "range",
        f"{year:04d}-{first + 2:02d}",
    ), text
    assert dates.resolve_date(f"fiscal year {year}", published).kind == "approximate"


@SETTINGS
@given(published=PUBLISHED, day=st.dates(date(2000, 1, 1), date(2040, 12, 31)))
def test_levantine_arabic_months(published: date, day: date) -> None:
    text = f"{day.day} {AR_LEVANTINE[day.month - 1]} {day.year}"
    assert shape(dates.resolve_date(text, published, "ar")) == (
        day.isoformat(),
        "day",
        "exact",
        None,
    ), text


# ------------------------------------------------------------ round 58, second pass
#
# A day range swallowed a count ("detained March 3 to 5 people" was 3-5 March), a
# from-to period of years read as "since" ("с 2019 по 2021 год" ran to the publication
# date), and a day range at a sentence's end took its full stop ("3-5 March.").

COUNT_WORDS = ["people", "persons", "soldiers", "civilians", "children", "houses", "of them",
               "percent", "%", "per cent", "million", "times", "more", "others", "wounded"]  # fmt: skip
DATE_FOLLOWERS = ["", ".", ", police said", " in Geneva", " and then", " last year",
                  " when talks ended", " of last year"]  # fmt: skip


@SETTINGS
@given(
    published=PUBLISHED, month=st.integers(1, 12), first=st.integers(1, 26),
    width=st.integers(1, 2), sep=st.sampled_from(["-", " to ", " through ", "–"]),
    count=st.sampled_from(COUNT_WORDS), follower=st.sampled_from(DATE_FOLLOWERS),
)  # fmt: skip
def test_a_day_range_ends_at_no_count(
    published: date, month: int, first: int, width: int, sep: str, count: str, follower: str
) -> None:
    last = first + width
    written = f"{EN_MONTHS[month - 1]} {first}{sep}{last}"
    counted = dates.resolve_date(f"{written} {count}", published)
    day = date(closest_year(month, first, published), month, first).isoformat()
    assert shape(counted) == (day, "day", "exact", None), (written, count, counted)
    found = dates.find_dates(f"Police detained {written} {count} a day.", "en", published)
    assert all(read.kind != "range" for _, read in found), (written, count, found)
    # a date followed by what follows dates is still the range of its days
    year = closest_year(month, first, published)
    end = date(year, month, last).isoformat()
    ranged = dates.resolve_date(f"{written}{follower}", published)
    if follower.endswith("last year"):  # its year is the one named
        assert ranged.kind == "range", (written, follower, ranged)
    else:
        assert shape(ranged) == (date(year, month, first).isoformat(), "day", "range", end)
    found = dates.find_dates(f"Talks ran {written}{follower}.", "en", published)
    assert found and found[0][0].startswith(written) and found[0][1].kind == "range", found


FROM_TO_YEARS = {
    "ru": ["с {a} по {b} год", "с {a} по {b} годы", "с {a} до {b} года", "С {a} по {b} гг."],
    "es": ["desde {a} hasta {b}", "desde {a} a {b}", "de {a} a {b}"],
    "fr": ["depuis {a} jusqu'à {b}", "de {a} à {b}", "depuis {a} jusqu’en {b}"],
    "de": ["seit {a} bis {b}", "von {a} bis {b}"],
    "zh": ["自{a}年至{b}年", "从{a}年到{b}年", "{a}年至{b}年"],
    "en": ["since {a} to {b}", "since {a} until {b}", "from {a} to {b}"],
}


@SETTINGS
@given(
    published=PUBLISHED, a=st.integers(1900, 2040), width=st.integers(1, 30),
    language=st.sampled_from(sorted(FROM_TO_YEARS)), form=st.integers(0, 3),
)  # fmt: skip
def test_a_from_to_period_of_years_is_never_a_since_period(
    published: date, a: int, width: int, language: str, form: int
) -> None:
    b = min(a + width, 2099)
    forms = FROM_TO_YEARS[language]
    text = forms[form % len(forms)].format(a=a, b=b)
    assert shape(dates.resolve_date(text, published, language)) == (
        str(a),
        "year",
        "range",
        str(b),
    ), text
    # "since" alone still runs to the publication date
    since = {"ru": "с {a} года", "es": "desde {a}", "fr": "depuis {a}", "de": "seit {a}",
             "zh": "自{a}年以来", "en": "since {a}"}[language].format(a=a)  # fmt: skip
    if a <= published.year:
        assert shape(dates.resolve_date(since, published, language)) == (
            str(a),
            "year",
            "range",
            published.isoformat(),
        ), since


@SETTINGS
@given(
    published=PUBLISHED, month=st.integers(1, 12), first=st.integers(1, 26),
    form=st.sampled_from([
        ("en", "Talks ran {d1}-{d2} {m}. Then they left."),
        ("en", "Talks ran {d1} to {d2} {m}. Then they left."),
        ("en", "Talks ran between {d1} and {d2} {m}. Then they left."),
        ("de", "Die Gespräche liefen vom {d1}. bis {d2}. {m}. Dann reisten sie ab."),
        ("de", "Die Gespräche liefen {d1}.-{d2}. {m}. Dann reisten sie ab."),
        ("es", "Las negociaciones fueron del {d1} al {d2} de {m}. Luego se fueron."),
        ("fr", "Les pourparlers ont eu lieu du {d1} au {d2} {m}. Puis ils sont partis."),
    ]),
)  # fmt: skip
def test_a_day_range_at_a_sentence_end_leaves_its_full_stop(
    published: date, month: int, first: int, form: tuple[str, str]
) -> None:
    language, template = form
    names = {"en": EN_MONTHS, "de": DE_MONTHS, "es": ES_MONTHS, "fr": FR_MONTHS}[language]
    text = template.format(d1=first, d2=first + 2, m=names[month - 1])
    found = dates.find_dates(text, language, published)
    assert found, text
    written, read = found[0]
    assert written.endswith(names[month - 1]), (text, written)
    assert read.kind == "range" and read.end is not None, (text, read)


@SETTINGS
@given(published=PUBLISHED, month=st.integers(1, 12), first=st.integers(1, 26))
def test_an_abbreviated_month_keeps_its_full_stop(published: date, month: int, first: int) -> None:
    """The other side of the rule above: "3.-5. Okt." is written with the abbreviation's stop."""
    abbreviation = {1: "Jan", 2: "Feb", 4: "Apr", 8: "Aug", 9: "Sept", 10: "Okt", 11: "Nov",
                    12: "Dez"}.get(month)  # fmt: skip
    if abbreviation is None:
        return
    found = dates.find_dates(f"Vom {first}. bis {first + 2}. {abbreviation}. tagten sie.", "de",
                             published)  # fmt: skip
    assert found and found[0][0].endswith(f"{abbreviation}."), found
