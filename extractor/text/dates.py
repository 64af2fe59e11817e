"""Resolve date expressions as written against the article's publication date.

Small models copy "on Tuesday" or "earlier this month" faithfully but get the
calendar arithmetic wrong, so the model reports the expression and this module
turns it into an ISO 8601 value at the precision the text supports. In the
seed article, dated 2023-05-31 (a Wednesday), "Tuesday" is 2023-05-30 and
"earlier this month" is 2023-05.

The rules are deliberately conservative: what cannot be pinned down is
``unresolved`` (with the text kept), never guessed.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Literal

Precision = Literal["year", "month", "day"]
DateKind = Literal["exact", "approximate", "range", "unresolved"]

# The month grammar, in one place: every spelling of a month that the date
# rules, the dateline parser (extractor.io.formats) and the sentence splitter
# (an abbreviation's full stop ends no sentence) accept. English by design and
# spelt out rather than read from ``calendar``, whose names follow the
# process's locale.
MONTH_NAMES: tuple[str, ...] = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
#: Every accepted spelling, lower case -> month number: full names, the
#: three-letter abbreviations and "sept".
MONTHS: dict[str, int] = {
    **{
        spelling: number
        for number, name in enumerate(MONTH_NAMES, start=1)
        for spelling in (name, name[:3])
    },
    "sept": 9,
}
#: The spellings that are abbreviations (written with a full stop: "Jan.");
#: "may" is a whole name.
MONTH_ABBREVIATIONS: tuple[str, ...] = tuple(m for m in MONTHS if m not in MONTH_NAMES)
#: A regex alternation of every spelling, longest first; lower case, so use it
#: case-insensitively (``re.I`` or ``(?i:...)``).
MONTH_PATTERN = "|".join(sorted(MONTHS, key=len, reverse=True))

WEEKDAY_NAMES: tuple[str, ...] = (
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
)  # fmt: skip
#: Weekday name, lower case -> ``date.weekday()`` number (Monday is 0).
WEEKDAYS: dict[str, int] = {name: number for number, name in enumerate(WEEKDAY_NAMES)}

# ASCII digits: ``\d`` is any script's, and a value of Arabic-Indic or fullwidth digits
# ("٢٠٢٣") is no ISO 8601 value (expressions are read in ASCII digits, :func:`_ascii_digits`).
_ISO = re.compile(r"^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?$")
_ISO_ANY = re.compile(r"\b([0-9]{4})-([0-9]{2})-([0-9]{2})\b")
_MDY = re.compile(
    rf"\b({MONTH_PATTERN})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?\b", re.I
)
_DMY = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({MONTH_PATTERN})\.?(?:,?\s+(\d{{4}}))?\b", re.I
)
_MY = re.compile(rf"\b({MONTH_PATTERN})\.?(?:\s+of)?,?\s+(\d{{4}})\b", re.I)
_M = re.compile(rf"\b({MONTH_PATTERN})\b", re.I)
_NUMERIC_DMY = re.compile(r"\b(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\b")
# A year stands apart from other digits and Latin letters ("FY2023" is no year) but may
# touch another script's word: "2023年", "2023년", "2023г.", "于2023年" are years.
_YEAR = re.compile(r"(?<![0-9A-Za-z_])(1[89][0-9]{2}|20[0-9]{2})(?![0-9A-Za-z_])")
#: Chinese and Japanese text: its dates ("2023年3月5日", "三月五日") are read with the
#: Chinese grammar (:func:`_words`) when no language is given.
_HAN_OR_KANA = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
_APPROX = re.compile(
    r"\b(about|around|circa|approximately|late|early|mid|end of|beginning of)\b", re.I
)


@dataclass(frozen=True, slots=True)
class ResolvedDate:
    """The outcome of resolving one expression."""

    value: str | None
    precision: Precision | None
    kind: DateKind
    end: str | None = None
    #: Why an expression that reads as a date was left unresolved, for the caller to
    #: warn with (a value outside the calendar); None otherwise.
    note: str | None = field(default=None, compare=False)


UNRESOLVED = ResolvedDate(None, None, "unresolved")


def in_calendar(value: str) -> bool:
    """Whether an ISO value (YYYY, YYYY-MM or YYYY-MM-DD) lies within ``datetime.date``'s
    calendar, years 0001 to 9999: "0000-12" (a month before year 1) or "10000" do not."""
    try:
        precision_of(value)
        earliest(value)
        latest(value)
    except ValueError:
        return False
    return True


def _within_calendar(found: ResolvedDate, text: str, published: date | None) -> ResolvedDate:
    """``found``, or unresolved with a note when its value or end falls outside the calendar.

    A publication date at the calendar's edge (0001-01-01 is Go's and Hugo's "no date",
    read from front matter) puts "on Tuesday" or "next year" before year 1 or after 9999:
    no such date exists, so the expression stays unresolved and the record keeps it as
    written (a warning says why) instead of the whole answer failing on an OverflowError.
    """
    if all(v is None or in_calendar(v) for v in (found.value, found.end)):
        return found
    return _out_of_calendar(text, published)


def _out_of_calendar(text: str, published: date | None) -> ResolvedDate:
    against = f" against the publication date {published.isoformat()}" if published else ""
    return ResolvedDate(
        None, None, "unresolved",
        note=f"date {text!r} falls outside the calendar (years 0001 to 9999) when resolved"
        f"{against}: left unresolved; check the publication date",
    )  # fmt: skip


def precision_of(value: str) -> Precision:
    """Precision of an ISO 8601 string: YYYY, YYYY-MM or YYYY-MM-DD."""
    match = _ISO.match(value)
    if not match:
        raise ValueError(f"date {value!r} is not ISO 8601 YYYY, YYYY-MM or YYYY-MM-DD")
    if match.group(3):
        date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        return "day"
    if match.group(2):
        if not 1 <= int(match.group(2)) <= 12:
            raise ValueError(f"date {value!r} has no month {match.group(2)}")
        return "month"
    return "year"


def earliest(value: str) -> date:
    """First day covered by an ISO value at its precision."""
    parts = [int(p) for p in value.split("-")]
    return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def latest(value: str) -> date:
    """Last day covered by an ISO value at its precision."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        return date(*parts)
    if len(parts) == 2:
        return date(parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1])
    return date(parts[0], 12, 31)


def _month(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def _year(year: int) -> str:
    return f"{year:04d}"


def _shift_month(day: date, months: int) -> tuple[int, int]:
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1


def _closest_year(month: int, day: int | None, published: date) -> int:
    """Year that puts month/day closest to the publication date."""

    def distance(year: int) -> int:
        try:
            candidate = date(year, month, day or 15)
        except ValueError:
            return 10**6
        return abs((candidate - published).days)

    return min((published.year - 1, published.year, published.year + 1), key=distance)


def _day(day: date) -> str:
    return day.isoformat()


#: English date expressions a sentence may carry (the relative ones need the publication date).
DATE_IN_TEXT = re.compile(
    r"\b(?:today|yesterday|tonight|this (?:morning|afternoon|evening|week)|last (?:night|week)|"
    r"(?:on |last |this )?(?:" + "|".join(WEEKDAY_NAMES) + r")\b|"
    r"(?:on )?(?:" + "|".join(MONTH_NAMES) + r") \d{1,2}(?:, \d{4})?|"
    r"(?:on )?\d{1,2} (?:" + "|".join(MONTH_NAMES) + r")(?: \d{4})?)",
    re.IGNORECASE,
)


def resolve_date(
    text: str | None, published: date | str | None = None, language: str | None = None
) -> ResolvedDate:
    """Resolve an expression ("Tuesday", "May 2023", "earlier this month") to ISO.

    Relative expressions need ``published``; without it they stay unresolved.
    ``language`` (ISO 639-1): an expression in another language than English
    ("el martes", "14 mars") is read with that language's words (:func:`find_dates`).

    Calendar arithmetic never raises: a value outside years 0001 to 9999 ("yesterday"
    of 0001-01-01) is unresolved, with a :attr:`ResolvedDate.note` saying why.
    (A malformed ISO value, "2023-02-30", is still a ValueError.)

    ``published`` is read as ``extract(..., published=...)`` reads it: a date, a
    datetime (its day) or an ISO 8601 string; another type is a TypeError naming it.
    """
    if text is not None and not isinstance(text, str):
        raise TypeError(
            f"resolve_date: text must be a str (the date as written) or None, "
            f"not {type(text).__name__} ({_shown(text)})"
        )
    published = publication_day(published)
    if text is None or not text.strip():
        return UNRESOLVED
    try:
        found = _resolve(text, published, language)
    except OverflowError:  # date arithmetic past date.min or date.max
        return _out_of_calendar(text, published)
    return _within_calendar(found, text, published)


def _shown(value: object, limit: int = 80) -> str:
    """A value's repr for an error message, clipped (a list of a million items is no line)."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def publication_day(published: object) -> date | None:
    """``published`` as a date, one reading for every public function (see
    :func:`extractor.pipeline.document.as_date`): a datetime is its day, an ISO string
    ("2023-05-31") is read. Taken as it was, a string failed deep in the calendar
    arithmetic ("unsupported operand type(s) for -: 'str' and 'datetime.timedelta'") and
    a datetime's "yesterday" was no ISO day, so it was called outside the calendar."""
    if published is None:
        return None
    if isinstance(published, date) and not isinstance(published, datetime):
        return published
    from extractor.pipeline.document import as_date

    return as_date(published)


def _ascii_digits(text: str) -> str:
    """``text`` with its digits in ASCII: an Arabic, Persian, Devanagari or fullwidth
    "٣ مايو ٢٠٢٣" is read, and its value written, as "3 مايو 2023"."""
    if text.isascii():
        return text
    return "".join(
        str(unicodedata.decimal(c)) if c.isdecimal() and not c.isascii() else c for c in text
    )


def _resolve(text: str, published: date | None, language: str | None) -> ResolvedDate:
    """``text`` resolved; approximate when a Chinese, Japanese or Korean approximator
    qualifies it ("约2023年", "2023年前后"), as the English ones do ("about 2023")."""
    found = _resolve_plain(text, published, language)
    if found.kind == "exact" and _CJK_APPROX.search(text):
        return ResolvedDate(found.value, found.precision, "approximate", found.end, found.note)
    return found


def _resolve_plain(text: str, published: date | None, language: str | None) -> ResolvedDate:
    raw = _ascii_digits(" ".join(text.strip().split()))
    # A Japanese era's year ("令和5年", "昭和六十四年", "平成元年") is its Gregorian year.
    raw = _ERA_YEAR.sub(lambda m: str(_era_year(m.group(1), m.group(2))), raw)
    decade = _decade(raw)
    if decade is not None:  # "1990年代", "the 1990s": the decade's years, not its first
        return decade
    # A year in Chinese numerals digit by digit ("二〇二三年") is the year's digits.
    raw = _CJK_YEAR.sub(lambda m: str(_cjk_int(m.group(1))), raw)
    low = raw.lower()
    approx = bool(_APPROX.search(low))
    kind: DateKind = "approximate" if approx else "exact"

    iso = _ISO.match(raw)
    if iso:
        return ResolvedDate(raw, precision_of(raw), "exact")
    found = _explicit(raw, published, kind)
    if language in (None, "und") and _HAN_OR_KANA.search(raw):
        language = "zh"  # "2023年3月5日" with no language: its script says how to read it
    foreign_language = language not in (None, "en", "und")
    if found is not None:
        # The English rules read only the year of "le 3 mai 2023" or "15 января 2024
        # года" (no English month in it): the language's own reading says the day.
        if foreign_language and found.precision != "day":
            foreign = _foreign(raw, published, str(language))
            if foreign is not None and (foreign.note is not None or _finer(foreign, found)):
                return foreign  # a finer reading, or a day outside the calendar
        return found
    if published is not None:
        relative = _relative(low, published)
        if relative is not None:
            return relative
    if foreign_language:
        foreign = _foreign(raw, published, str(language))
        if foreign is not None and (foreign.value is not None or foreign.note is not None):
            return foreign
    return _dateparser_fallback(raw, published)


_RANK = {"year": 0, "month": 1, "day": 2}


def _finer(one: ResolvedDate, other: ResolvedDate) -> bool:
    """Whether ``one`` is at a finer precision than ``other`` (a day than a year)."""
    return (
        one.precision is not None
        and (other.value is None or other.precision is None
             or _RANK[one.precision] > _RANK[other.precision])
    )  # fmt: skip


def _explicit(raw: str, published: date | None, kind: DateKind) -> ResolvedDate | None:
    match = _ISO_ANY.search(raw)
    if match:
        value = match.group(0)
        precision_of(value)
        return ResolvedDate(value, "day", kind)
    match = _NUMERIC_DMY.search(raw)  # "31-5-2023": day first, as outside the US
    if match:
        d, m, y = (int(g) for g in match.groups())
        if m > 12 and d <= 12:
            d, m = m, d
        try:
            return ResolvedDate(date(y, m, d).isoformat(), "day", kind)
        except ValueError:
            return None
    for pattern, day_group, month_group in ((_MDY, 2, 1), (_DMY, 1, 2)):
        match = pattern.search(raw)
        if match:
            month = MONTHS[match.group(month_group).lower()]
            day = int(match.group(day_group))
            year_text = match.group(3)
            if year_text:
                year = int(year_text)
            elif published is not None:
                year = _closest_year(month, day, published)
            else:
                return ResolvedDate(None, None, "unresolved")
            try:
                return ResolvedDate(date(year, month, day).isoformat(), "day", kind)
            except ValueError:
                return None
    match = _MY.search(raw)
    if match:
        return ResolvedDate(
            _month(int(match.group(2)), MONTHS[match.group(1).lower()]), "month", kind
        )
    match = _YEAR.search(raw)
    if match and not _M.search(raw):
        year_text = match.group(1)
        if re.search(r"\bsince\b", raw, re.I) and published is not None:
            return ResolvedDate(year_text, "year", "range", _day(published))
        return ResolvedDate(year_text, "year", kind)
    match = _M.search(raw)
    # Lower-case "may" is the verb ("may visit"), not the month.
    if match and published is not None and not re.search(r"\bmay\b", raw):
        month = MONTHS[match.group(1).lower()]
        return ResolvedDate(_month(_closest_year(month, None, published), month), "month", kind)
    if (
        match
        and published is not None
        and re.fullmatch(r"(in |early |late |mid-?)?may", raw.lower())
    ):
        return ResolvedDate(_month(_closest_year(5, None, published), 5), "month", kind)
    return None


def _relative(low: str, published: date) -> ResolvedDate | None:
    approx: DateKind = "approximate" if re.search(r"\b(recent|lately|ago)\b", low) else "exact"
    if re.search(r"\btoday\b|\bthis morning\b|\btonight\b|\bthis evening\b", low):
        return ResolvedDate(_day(published), "day", "exact")
    if "yesterday" in low or "last night" in low:
        return ResolvedDate(_day(published - timedelta(days=1)), "day", "exact")
    if "tomorrow" in low:
        return ResolvedDate(_day(published + timedelta(days=1)), "day", "exact")
    for name, index in WEEKDAYS.items():
        if re.search(rf"\b{name}\b", low):
            delta = (published.weekday() - index) % 7
            if re.search(r"\b(next|coming|upcoming)\b", low):
                ahead = (index - published.weekday()) % 7 or 7
                return ResolvedDate(_day(published + timedelta(days=ahead)), "day", "exact")
            if "last" in low and delta == 0:
                delta = 7
            return ResolvedDate(_day(published - timedelta(days=delta)), "day", "exact")
    if re.search(r"\blast week\b|\bpast week\b", low):
        start = published - timedelta(days=published.weekday() + 7)
        return ResolvedDate(_day(start), "day", "range", _day(start + timedelta(days=6)))
    if re.search(r"\bthis week\b|\bearlier this week\b", low):
        start = published - timedelta(days=published.weekday())
        return ResolvedDate(_day(start), "day", "range", _day(published))
    if re.search(r"\b(this|earlier this|later this|current) month\b", low):
        return ResolvedDate(_month(published.year, published.month), "month", "exact")
    if re.search(r"\b(last|past|previous) month\b", low):
        y, m = _shift_month(published, -1)
        return ResolvedDate(_month(y, m), "month", "exact")
    if re.search(r"\bnext month\b", low):
        y, m = _shift_month(published, 1)
        return ResolvedDate(_month(y, m), "month", "exact")
    if re.search(r"\b(this|earlier this|later this|current) year\b", low):
        return ResolvedDate(_year(published.year), "year", "exact")
    if re.search(r"\b(last|past|previous) year\b", low):
        return ResolvedDate(_year(published.year - 1), "year", "exact")
    if re.search(r"\bnext year\b", low):
        return ResolvedDate(_year(published.year + 1), "year", "exact")
    ago = re.search(r"\b(\d+|a|one|two|three|four|five|six)\s+(day|week|month|year)s?\s+ago\b", low)
    if ago:
        words = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
        n = int(ago.group(1)) if ago.group(1).isdigit() else words[ago.group(1)]
        unit = ago.group(2)
        if unit == "day":
            return ResolvedDate(_day(published - timedelta(days=n)), "day", "exact")
        if unit == "week":
            return ResolvedDate(_day(published - timedelta(weeks=n)), "day", "approximate")
        if unit == "month":
            y, m = _shift_month(published, -n)
            return ResolvedDate(_month(y, m), "month", "approximate")
        return ResolvedDate(_year(published.year - n), "year", "approximate")
    if re.search(r"\brecent(ly)?\b|\bin recent (days|weeks)\b", low):
        return ResolvedDate(_month(published.year, published.month), "month", approx)
    return None


def _dateparser_fallback(raw: str, published: date | None) -> ResolvedDate:
    """Last resort for forms the rules above do not cover ("3 weeks ago" ...)."""
    if published is None or not re.search(r"\d", raw):
        return UNRESOLVED
    try:
        import dateparser
    except ImportError:  # pragma: no cover - dateparser is a dependency
        return UNRESOLVED
    settings = {
        "RELATIVE_BASE": datetime(published.year, published.month, published.day),
        "PREFER_DATES_FROM": "past",
        "RETURN_AS_TIMEZONE_AWARE": False,
        "REQUIRE_PARTS": [],
    }
    data = dateparser.date.DateDataParser(languages=["en"], settings=settings).get_date_data(raw)
    if data is None or data.date_obj is None:
        return UNRESOLVED
    found = data.date_obj.date()
    period = data.period or "day"
    if period == "year":
        return ResolvedDate(_year(found.year), "year", "approximate")
    if period == "month":
        return ResolvedDate(_month(found.year, found.month), "month", "approximate")
    return ResolvedDate(found.isoformat(), "day", "approximate")


# ------------------------------------------------------------ other languages
#
# The rules above read English. An article in another language writes its dates
# in its own words ("los días 10 y 11 de mayo", "am Dienstag", "6月15日"), and a
# small model translates them ("May 10") or computes them ("2022-05-10"): neither
# is in the article, so the date was dropped. The words of every language come
# from dateparser's locale data (CLDR month, weekday and relative-day names), not
# from lists written here; the grammar that joins them (a day, a month, a year, a
# range of two days) and the calendar arithmetic are the same as English's.

#: The relative expressions read, as dateparser's locale data names them.
_RELATIVE_KEYS = ("0 day ago", "1 day ago", "in 1 day", "0 week ago", "1 week ago",
                  "0 month ago", "1 month ago", "0 year ago", "1 year ago")  # fmt: skip
#: What joins the two days of a range ("10 y 11 de mayo", "10.-11. Mai").
_DAY_RANGE = r"(?:\s*(?:-|–|y|e|et|und|bis|и|по)\s*)"
#: What may follow a day's figure ("1er", "1.", "1º", "1-го").
_DAY_MARK = r"(?:er|\.|º|°|-?го)?"


@dataclass(frozen=True)
class _Words:
    """One language's date words, lower case -> number (month 1-12, weekday 0-6)."""

    months: dict[str, int]
    weekdays: dict[str, int]
    relative: dict[str, str]
    pattern: re.Pattern[str]


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


#: Languages that write a day as an ordinal with a full stop ("4. März", "4. marca").
ORDINAL_DAY_LANGUAGES = ("de", "da", "nb", "fi", "cs", "sk", "pl", "hu", "sl", "hr", "sr",
                         "et", "lv", "lt", "is")  # fmt: skip


def ordinal_day_months() -> frozenset[str]:
    """The month names (lower case) of the languages that write "4. März": the full stop
    of such a day ends no sentence (:mod:`extractor.text.sentences`)."""
    names: set[str] = set()
    for language in ORDINAL_DAY_LANGUAGES:
        words = _words(language)
        if words is not None:
            names.update(form.rstrip(".") for form in words.months)
    # "May" is also the English modal ("... killed 12. May they rest in peace")
    return frozenset(name for name in names if len(name) >= 3 and name != "may")


@lru_cache(maxsize=64)
def _words(language: str) -> _Words | None:
    """The date grammar of ``language`` (ISO 639-1), or None if dateparser has no locale."""
    try:
        from dateparser.languages.loader import default_loader

        info = default_loader.get_locale(language).info
    except Exception:  # no such locale, or dateparser missing: no grammar
        return None
    months: dict[str, int] = {}
    weekdays: dict[str, int] = {}
    for number, name in enumerate(MONTH_NAMES, start=1):
        for form in info.get(name, []):
            if len(form) >= 3 and not any(ch.isdigit() for ch in form):
                months[form.lower()] = number
    for number, name in enumerate(WEEKDAY_NAMES):
        for form in info.get(name, []):
            # a weekday's abbreviation is often a month's too ("mar"): whole names only
            if len(form) >= 4 or (language in ("zh", "ja") and len(form) >= 2):
                weekdays[form.lower()] = number
    for form in [f for f in months if f in weekdays]:
        del months[form], weekdays[form]
    relative = {
        form.lower(): key
        for key in _RELATIVE_KEYS
        for form in info.get("relative-type", {}).get(key, [])
        if len(form) >= 2
    }
    # an abbreviation may end with its full stop ("févr."); a whole name never takes the
    # sentence's own ("... 11 de mayo.")
    month = "|".join(
        re.escape(form) + (r"\.?" if len(form) <= 4 else "")
        for form in sorted(months, key=len, reverse=True)
    )
    day = rf"\d{{1,2}}{_DAY_MARK}"
    year = r"\d{4}"
    parts = [
        # "10 y 11 de mayo de 2022", "14 mars 2022", "4. März", "3 сентября 2024 года"
        rf"(?P<d1>{day})(?:{_DAY_RANGE}(?P<d2>{day}))?\s+(?:de\s+)?(?P<m1>{month})"
        rf"(?:,?\s+(?:de\s+|del\s+)?(?P<y1>{year}))?",
        # "mayo de 2022", "März 2022"
        rf"(?P<m3>{month})\s+(?:de\s+|del\s+)?(?P<y3>{year})",
    ]
    if str(info.get("date_order", "DMY")).startswith("M"):  # "March 14, 2022"
        parts.append(rf"(?P<m2>{month})\s+(?P<d3>\d{{1,2}})(?:,?\s+(?P<y2>{year}))?")
    if weekdays:
        parts.append(rf"(?P<w>{_alternation(weekdays)})")
    if relative:
        parts.append(rf"(?P<r>{_alternation(relative)})")
    if language in ("zh", "ja"):  # "2023年6月15日", "6月15日", "2023年6月", "二〇二三年三月五日"
        parts.insert(
            0,
            rf"(?<![\d{_CJK_ZEROS}{_CJK_ONES}十])(?:(?P<zy>\d{{4}}|[{_CJK_ZEROS}{_CJK_ONES}]{{4}})年"
            rf"|{_ERA_YEAR_GROUPS})?"
            rf"(?P<zm>\d{{1,2}}|十[一二]?|[{_CJK_ONES}])月"
            rf"(?:(?P<zd>\d{{1,2}}|[二三]?十[{_CJK_ONES}]?|[{_CJK_ONES}])[日号號])?",
        )
    edge_before, edge_after = ("", "") if language in ("zh", "ja") else (r"(?<!\w)", r"(?!\w)")
    pattern = re.compile(rf"{edge_before}(?:{'|'.join(parts)}){edge_after}", re.IGNORECASE)
    return _Words(months, weekdays, relative, pattern)


#: Chinese numerals in a date: years digit by digit ("二〇二三", "二零二三", "二○二三"),
#: months and days with 十 ("十二月三十一日").
_CJK_ZEROS = "〇零○"
_CJK_ONES = "一二三四五六七八九"


#: Japanese eras: the Gregorian year before each era's first ("令和5年" is 2018 + 5). The
#: first year is 元年; the year is written in digits or Chinese numerals ("昭和六十四年").
_ERAS = {"明治": 1867, "大正": 1911, "昭和": 1925, "平成": 1988, "令和": 2018}
_ERA_NUMBER = rf"元|\d{{1,3}}|[{_CJK_ONES}十]{{1,3}}"
_ERA_YEAR_GROUPS = rf"(?P<era>{'|'.join(_ERAS)})\s*(?P<ey>{_ERA_NUMBER})年"
_ERA_YEAR = re.compile(rf"({'|'.join(_ERAS)})\s*({_ERA_NUMBER})(?=年)")


def _era_year(era: str, number: str) -> int:
    """The Gregorian year of an era's year: "令和", "5" -> 2023; "令和", "元" -> 2019."""
    return _ERAS[era] + (1 if number == "元" else _cjk_int(number))


#: A decade ("1990年代", "1990년대", "the 1990s"), and the half of it a text may name
#: ("2020年代前半"): a range of years, not the year it starts with.
_DECADE = re.compile(
    r"(?<![0-9A-Za-z_])(1[0-9]{2}0|20[0-9]0)\s*(?:年代|년대|'?s(?![A-Za-z]))"
    r"\s*(?P<half>前半|前期|初め|初头|初頭|초반|後半|后半|後期|后期|末|후반)?"
)
#: The approximators of Chinese, Japanese and Korean dates ("约2023年", "2023年前后",
#: "3月頃", "3월경"): the date is approximate, as "about 2023" is. "纽约" (New York) is none.
_CJK_APPROX = re.compile(
    r"(?<![纽紐])[约約]|大概|左右|前后|前後|上下|頃|(?<=[0-9日月年])\s*[ごこ]ろ|약(?=\s*[0-9])|(?<=[0-9일월년])\s*경(?!\w)"
)


def _decade(raw: str) -> ResolvedDate | None:
    """A decade as the range of its years (a half of it, its five)."""
    match = _DECADE.search(raw)
    if match is None:
        return None
    first = int(match.group(1))
    half = match.group("half")
    if half in ("前半", "前期", "初め", "初头", "初頭", "초반"):
        start, end = first, first + 4
    elif half:
        start, end = first + 5, first + 9
    else:
        start, end = first, first + 9
    return ResolvedDate(_year(start), "year", "range", _year(end))


_CJK_YEAR = re.compile(rf"(?<![{_CJK_ZEROS}{_CJK_ONES}十])([{_CJK_ZEROS}{_CJK_ONES}]{{4}})(?=年)")


def _cjk_int(text: str) -> int:
    """A date's figure as written: digits of any script ("１２"), Chinese numerals digit by
    digit ("二〇二三") or with 十 ("三十一", "十二")."""
    if text.isdecimal():
        return int(text)
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (_cjk_int(tens) if tens else 1) * 10 + (_cjk_int(ones) if ones else 0)
    digits = {c: 0 for c in _CJK_ZEROS} | {c: n for n, c in enumerate(_CJK_ONES, start=1)}
    return int("".join(str(digits[c]) for c in text))


def find_dates(
    text: str, language: str, published: date | str | None
) -> list[tuple[str, ResolvedDate]]:
    """Every date expression ``text`` writes in ``language``, as written, with its value
    (resolved against ``published``, read as :func:`resolve_date` reads it; relative ones
    need it). English uses the rules above."""
    if not isinstance(text, str):
        raise TypeError(
            f"find_dates: text must be a str, not {type(text).__name__} ({_shown(text)})"
        )
    published = publication_day(published)
    if language in ("en", "und", ""):
        found = []
        for match in DATE_IN_TEXT.finditer(text):
            resolved = resolve_date(match.group(0), published)
            if resolved.value is not None:
                found.append((match.group(0), resolved))
        return found
    words = _words(language)
    if words is None:
        return []
    results = []
    for match in words.pattern.finditer(text):
        if _counted_months(match):
            continue
        try:
            read = _resolve_match(match, words, published)
        except OverflowError:  # past the calendar's edge: no date (see resolve_date)
            continue
        if read is not None:
            read = _within_calendar(read, match.group(0), published)
        if read is not None and read.value is not None:
            results.append((match.group(0), read))
    return results


def _foreign(raw: str, published: date | None, language: str) -> ResolvedDate | None:
    """``raw`` read as one date expression of ``language``, or None."""
    words = _words(language)
    if words is None:
        return None
    match = words.pattern.search(raw)
    if match is not None and _counted_months(match):
        return None
    return _resolve_match(match, words, published) if match is not None else None


#: What makes a month written in one Chinese numeral a number of months ("同一月内", "每一月",
#: "这一月", "三月有余"): a determiner or numeral before it, a word of duration after it.
_MONTH_DETERMINERS = frozenset("同每这這那单單统統上下本该該此哪几幾整半前后後头頭首隔个個逐")
_MONTH_DURATIONS = re.compile(r"有余|有餘|之内|之內|[内內多余餘天]")


def _counted_months(match: re.Match[str]) -> bool:
    """Whether a match is a count of months, not a month: its month is Chinese numerals with
    neither a year nor a day to anchor it, and a determiner precedes it or a duration
    follows it ("同一月内", "每一月", "五月天"). "五月", "去年五月", "一月十日" are months."""
    groups = match.groupdict()
    month = groups.get("zm")
    if not month or month.isdecimal() or groups.get("zy") or groups.get("era") or groups.get("zd"):
        return False
    text, start, end = match.string, match.start(), match.end()
    before = text[start - 1] if start > 0 else ""
    return before in _MONTH_DETERMINERS or _MONTH_DURATIONS.match(text, end) is not None


def _resolve_match(
    match: re.Match[str], words: _Words, published: date | None
) -> ResolvedDate | None:
    groups = match.groupdict()
    try:
        if groups.get("zm"):
            month = _cjk_int(groups["zm"])
            year = _cjk_int(groups["zy"]) if groups.get("zy") else None
            if groups.get("era"):
                year = _era_year(groups["era"], groups["ey"])
            day = _cjk_int(groups["zd"]) if groups.get("zd") else None
            return _calendar(year, month, day, None, published)
        if groups.get("m1"):
            first = int(re.sub(r"\D", "", groups["d1"]))
            last = int(re.sub(r"\D", "", groups["d2"])) if groups.get("d2") else None
            year = int(groups["y1"]) if groups.get("y1") else None
            return _calendar(
                year, words.months[groups["m1"].lower().rstrip(".")], first, last, published
            )
        if groups.get("m2"):
            year = int(groups["y2"]) if groups.get("y2") else None
            month = words.months[groups["m2"].lower().rstrip(".")]
            return _calendar(year, month, int(groups["d3"]), None, published)
        if groups.get("m3"):
            return ResolvedDate(_month(int(groups["y3"]), words.months[groups["m3"].lower().rstrip(".")]),
                                "month", "exact")  # fmt: skip
    except ValueError:
        # "二月三十日", "2023年2月30日": a day that is not in the month. Unresolved, with a
        # note; read by its other rules, "2023年2月30日" was the year 2023.
        return ResolvedDate(
            None, None, "unresolved",
            note=f"date {match.group(0)!r} is no day of the calendar: left unresolved",
        )  # fmt: skip
    except KeyError:
        return None
    if published is None:
        return None
    if groups.get("w"):
        delta = (published.weekday() - words.weekdays[groups["w"].lower()]) % 7
        return ResolvedDate(_day(published - timedelta(days=delta)), "day", "exact")
    if groups.get("r"):
        return _relative_key(words.relative[groups["r"].lower()], published)
    return None


def _relative_key(key: str, published: date) -> ResolvedDate | None:
    """A relative expression by dateparser's name for it ("1 day ago", "0 month ago")."""
    offsets = {"0 day ago": 0, "1 day ago": -1, "in 1 day": 1}
    if key in offsets:
        return ResolvedDate(_day(published + timedelta(days=offsets[key])), "day", "exact")
    english = {
        "0 week ago": "this week",
        "1 week ago": "last week",
        "0 month ago": "this month",
        "1 month ago": "last month",
        "0 year ago": "this year",
        "1 year ago": "last year",
    }
    return _relative(english[key], published) if key in english else None


def _calendar(
    year: int | None, month: int, day: int | None, last: int | None, published: date | None
) -> ResolvedDate | None:
    """A day (or a month, or a range of days) whose year is written or is the one nearest
    the publication date; None when neither says the year."""
    if year is None:
        if published is None:
            return None
        year = _closest_year(month, day, published)
    if day is None:
        return ResolvedDate(_month(year, month), "month", "exact")
    start = date(year, month, day)
    if last is not None and last > day:
        return ResolvedDate(_day(start), "day", "range", _day(date(year, month, last)))
    return ResolvedDate(_day(start), "day", "exact")
