"""Round 64, dates: the year of a date written without one follows the event's status; a
date or a place is in the article only as whole words; a weekday of last or next week is
read in every language as in English. Sentences written for these tests."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.text.dates import earliest, find_dates, latest, resolve_date
from tests.roles_support import PUBLISHED, run

# -- 1. a date without its year takes the year its status says -------------------------

#: A month, and the 3rd of it, as each language writes them without a year (a bare month
#: name is read as a date in English and Chinese only).
YEARLESS: dict[str, tuple[str, ...]] = {
    "en": ("in {m}", "on {m} 3"),
    "es": ("el 3 de {m}",),
    "fr": ("le 3 {m}",),
    "de": ("am 3. {m}",),
    "zh": ("{n}月", "{n}月3日"),
}
MONTH_NAMES = {
    "en": [calendar.month_name[n] for n in range(1, 13)],
    "es": [
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ],
    "fr": [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
    "de": [
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    ],
    "zh": [str(n) for n in range(1, 13)],
}


def _yearless(language: str, month: int) -> list[str]:
    name = MONTH_NAMES[language][month - 1]
    return [form.format(m=name, n=month) for form in YEARLESS[language]]


@settings(max_examples=150, deadline=None)
@given(
    published=st.dates(date(2001, 1, 1), date(2098, 12, 31)),
    month=st.integers(1, 12),
    language=st.sampled_from(sorted(YEARLESS)),
)
def test_a_yearless_date_lies_on_the_side_its_tense_says(
    published: date, month: int, language: str
) -> None:
    for written in _yearless(language, month):
        past = resolve_date(written, published, language, "past")
        future = resolve_date(written, published, language, "future")
        assert past.value is not None and future.value is not None, written
        # the most recent occurrence on or before the publication date, and the next one
        assert earliest(past.value) <= published < earliest(past.value) + timedelta(days=366)
        assert latest(future.value) >= published > latest(future.value) - timedelta(days=366)
        nearest = resolve_date(written, published, language).value
        assert nearest in (past.value, future.value), written  # no tense: the nearest


MONTHS_EN = [calendar.month_name[n] for n in range(1, 13)]
VISITED = (
    "President Ana Ruiz of Chile visited Berlin, Germany {d} for talks with Chancellor Olaf Scholz."
)
WILL_VISIT = (
    "President Ana Ruiz of Chile will visit Berlin, Germany {d} for talks with Chancellor Olaf "
    "Scholz."
)


def _visit(status: str, written: str) -> dict[str, object]:
    return {
        "visitors": [{"name": "Ana Ruiz", "title": "president", "country": "CHL"}],
        "visitor_country": "CHL",
        "hosts": [{"name": "Olaf Scholz", "title": "chancellor", "country": "DEU"}],
        "host_country": "DEU", "place": "Berlin", "date": written, "end_date": None,
        "purpose": None, "status": status, "attribution": None, "evidence": [1],
    }  # fmt: skip


#: A stay told by its two ends, without a year (the month of :data:`PUBLISHED`).
STAYS = {
    "ongoing": "President Ana Ruiz of Chile is in Berlin, Germany for a visit {d}, holding talks with Chancellor Olaf Scholz.",
    "planned": "President Ana Ruiz of Chile will be in Berlin, Germany for a visit {d} for talks with Chancellor Olaf Scholz.",
}  # fmt: skip


@settings(max_examples=40, deadline=None)
@given(
    status=st.sampled_from(sorted(STAYS)),
    before=st.integers(0, 5),
    after=st.integers(1, 5),
    form=st.sampled_from(["from {m} {a} to {m} {b}", "from {a} to {b} {m}"]),
)
def test_a_stay_around_the_publication_date_keeps_both_ends_in_its_year(
    status: str, before: int, after: int, form: str
) -> None:
    """An ongoing or planned stay that began before the article and ends after it keeps
    both ends in the publication's year: the end followed the status to last year, and
    the record was dropped as ending before it began (h64 second probe)."""
    first, last = PUBLISHED - timedelta(days=before), PUBLISHED + timedelta(days=after)
    if first.month != last.month:
        return
    month = calendar.month_name[first.month]
    written = form.format(m=month, a=first.day, b=last.day)
    start, end = (written.split(" to ")[0].removeprefix("from "), written.split(" to ")[1])
    if form.startswith("from {a}"):
        start = f"{first.day} {month}"
    draft = {**_visit(status, start), "end_date": end}
    [record] = run("visit", STAYS[status].format(d=written), **draft).records
    assert record.start is not None and record.start.value == first.isoformat()
    assert record.end is not None and record.end.value == last.isoformat()


@pytest.mark.parametrize("month", MONTHS_EN)
@pytest.mark.parametrize("form", ["in {m}", "on {m} 3"])
def test_a_visit_that_occurred_in_a_yearless_month_is_kept_in_the_past(
    month: str, form: str
) -> None:
    written = form.format(m=month)
    outcome = run("visit", VISITED.format(d=written), **_visit("occurred", written))
    [record] = outcome.records  # was dropped as "after the publication date"
    assert record.start is not None and record.start.value is not None
    assert earliest(record.start.value) <= PUBLISHED
    assert earliest(record.start.value) > PUBLISHED - timedelta(days=366)


@pytest.mark.parametrize("month", MONTHS_EN)
@pytest.mark.parametrize("form", ["in {m}", "on {m} 3"])
def test_a_planned_visit_in_a_yearless_month_is_the_next_one(month: str, form: str) -> None:
    written = form.format(m=month)
    outcome = run("visit", WILL_VISIT.format(d=written), **_visit("planned", written))
    [record] = outcome.records
    assert record.start is not None and record.start.value is not None
    assert PUBLISHED <= latest(record.start.value) < PUBLISHED + timedelta(days=366)


# -- 2. a date or a place is in the article only as whole words ------------------------

#: Names of halls, funds and towns that begin with a month's abbreviation or a figure.
FRAGMENT_HOSTS = [("Dec", "Decker Hall"), ("Mar", "Marshall Fund"), ("Jun", "Juniper Centre"),
                  ("Aug", "Augustin Library"), ("3", "300 delegates")]  # fmt: skip
TALKS = (
    "President Ana Ruiz of Chile visited {city}, Germany for talks with Chancellor Olaf "
    "Scholz at the {venue} on trade."
)


@pytest.mark.parametrize(("fragment", "venue"), FRAGMENT_HOSTS)
@pytest.mark.parametrize("preposition", ["", "in ", "on "])
def test_a_date_that_is_a_fragment_of_a_word_is_not_written(
    fragment: str, venue: str, preposition: str
) -> None:
    text = TALKS.format(city="Berlin", venue=venue)
    outcome = run("visit", text, **_visit("occurred", preposition + fragment))
    [record] = outcome.records
    assert record.start is None, (fragment, venue)  # not "2025-12" from "Decker"
    assert any("not in the article" in w for w in outcome.warnings)


CITIES = ["Berlin", "Hamburg", "Dresden", "Leipzig"]


@pytest.mark.parametrize("city", CITIES)
def test_a_place_that_is_a_fragment_of_a_word_is_not_written(city: str) -> None:
    text = TALKS.format(city=city, venue="chancellery")
    draft = _visit("occurred", None)  # type: ignore[arg-type]
    for fragment in (city[:3], city[-3:], city[1:-1]):
        [record] = run("visit", text, **{**draft, "place": fragment}).records
        assert record.place is None, fragment
    [record] = run("visit", text, **{**draft, "place": city}).records
    assert record.place is not None and record.place.text == city


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("وصل الرئيس إلى بغداد يوم الاثنين لإجراء محادثات في العراق.", "بغداد"),
        ("وصل الرئيس ببغداد يوم الاثنين لإجراء محادثات في العراق.", "بغداد"),
        ("总统周一抵达北京进行会谈。", "北京"),
    ],
)
def test_a_place_joined_to_its_clitic_or_in_unspaced_text_is_written(text: str, place: str) -> None:
    from extractor.types.drafting import _in_article

    assert _in_article(place, {"text": text})
    if "北京" not in text:  # a Han word is any run of the text; an Arabic one is not
        assert not _in_article(place[1:-1], {"text": text})


# -- 3. a weekday of last or next week, in every language --------------------------------

#: Per language, each weekday (Monday first) and how a weekday is written "of last week"
#: and "of next week".
WEEKS: dict[str, tuple[list[str], str, str]] = {
    "es": (["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"],
           "el {w} de la semana pasada", "el {w} de la próxima semana"),
    "fr": (["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"],
           "{w} de la semaine dernière", "{w} de la semaine prochaine"),
    "de": (["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"],
           "am {w} letzter Woche", "am {w} nächster Woche"),
    "ru": (["понедельник", "вторник", "среду", "четверг", "пятницу", "субботу", "воскресенье"],
           "в {w} на прошлой неделе", "в {w} на следующей неделе"),
    "it": (["lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica"],
           "{w} della settimana scorsa", "{w} della prossima settimana"),
    "pt": (["segunda-feira", "terça-feira", "quarta-feira", "quinta-feira", "sexta-feira", "sábado", "domingo"],
           "na {w} da semana passada", "na {w} da próxima semana"),
    "zh": (list("一二三四五六日"), "上星期{w}", "下周{w}"),
    "ja": (["月曜日", "火曜日", "水曜日", "木曜日", "金曜日", "土曜日", "日曜日"], "先週{w}", "来週の{w}"),
    "ko": (["월요일", "화요일", "수요일", "목요일", "금요일", "토요일", "일요일"], "지난 주 {w}", "다음주 {w}"),
}  # fmt: skip
CJK_LAST = ["上周{w}", "上週{w}", "上个星期{w}", "上禮拜{w}"]


DESIGNATIONS = st.builds(
    lambda letters, dash, figure: f"{letters}{dash}{figure}",
    st.from_regex(r"[A-Z][A-Za-z]{0,3}", fullmatch=True),
    st.sampled_from(["", "-", " "]),
    st.integers(1, 999),
)


@settings(max_examples=80, deadline=None)
@given(
    designation=DESIGNATIONS,
    version=st.from_regex(r"[A-Z]{1,3}[0-9]{0,2}", fullmatch=True),
    noun=st.sampled_from(["tanks", "howitzers", "jets", "Panzer", "obuses"]),
)
def test_a_designation_is_written_in_its_versions_name(
    designation: str, version: str, noun: str
) -> None:
    """ "M777" is written in "M777A2", "T-72" in "T-72B3", "Leopard 2" in "Leopard 2A6": the
    letters of a version after a designation's figure name the same system (the
    whole-word rule of round 64 left such items empty); its figure alone, or a shorter
    one, is still no whole word of a longer number."""
    from extractor.types.drafting import _in_article

    text = f"The government will deliver 12 {designation}{version} {noun} next year."
    assert _in_article(designation, {"text": text}), text
    figure = designation[-1]
    assert not _in_article(figure, {"text": text.replace(designation, designation + "0")})


@settings(max_examples=60, deadline=None)
@given(
    published=st.dates(date(2010, 1, 1), date(2040, 12, 31)),
    language=st.sampled_from(sorted(WEEKS)),
    index=st.integers(0, 6),
)
def test_a_weekday_of_last_or_next_week_is_that_weeks(
    published: date, language: str, index: int
) -> None:
    days, last, following = WEEKS[language]
    monday = published - timedelta(days=published.weekday())
    forms = [(last, -1), (following, 1)]
    if language == "zh":
        forms += [(form, -1) for form in CJK_LAST]
    for form, weeks in forms:
        written = form.format(w=days[index])
        expected = (monday + timedelta(weeks=weeks, days=index)).isoformat()
        assert resolve_date(written, published, language).value == expected, written
        found = [r.value for _, r in find_dates(f"{written} .", language, published)]
        assert expected in found, (written, found)
