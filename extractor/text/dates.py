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
from dataclasses import dataclass
from datetime import date, timedelta
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

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_ISO_ANY = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_MDY = re.compile(
    rf"\b({MONTH_PATTERN})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?\b", re.I
)
_DMY = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({MONTH_PATTERN})\.?(?:,?\s+(\d{{4}}))?\b", re.I
)
_MY = re.compile(rf"\b({MONTH_PATTERN})\.?(?:\s+of)?,?\s+(\d{{4}})\b", re.I)
_M = re.compile(rf"\b({MONTH_PATTERN})\b", re.I)
_NUMERIC_DMY = re.compile(r"\b(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\b")
_YEAR = re.compile(r"\b(1[89]\d{2}|20\d{2})\b")
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


UNRESOLVED = ResolvedDate(None, None, "unresolved")


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


def resolve_date(text: str | None, published: date | None = None) -> ResolvedDate:
    """Resolve an expression ("Tuesday", "May 2023", "earlier this month") to ISO.

    Relative expressions need ``published``; without it they stay unresolved.
    """
    if text is None or not text.strip():
        return UNRESOLVED
    raw = " ".join(text.strip().split())
    low = raw.lower()
    approx = bool(_APPROX.search(low))
    kind: DateKind = "approximate" if approx else "exact"

    iso = _ISO.match(raw)
    if iso:
        return ResolvedDate(raw, precision_of(raw), "exact")
    found = _explicit(raw, published, kind)
    if found is not None:
        return found
    if published is not None:
        relative = _relative(low, published)
        if relative is not None:
            return relative
    return _dateparser_fallback(raw, published)


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
        return ResolvedDate(str(published.year), "year", "exact")
    if re.search(r"\b(last|past|previous) year\b", low):
        return ResolvedDate(str(published.year - 1), "year", "exact")
    if re.search(r"\bnext year\b", low):
        return ResolvedDate(str(published.year + 1), "year", "exact")
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
        return ResolvedDate(str(published.year - n), "year", "approximate")
    if re.search(r"\brecent(ly)?\b|\bin recent (days|weeks)\b", low):
        return ResolvedDate(_month(published.year, published.month), "month", approx)
    return None


def _dateparser_fallback(raw: str, published: date | None) -> ResolvedDate:
    """Last resort for forms the rules above do not cover ("3 weeks ago" ...)."""
    if published is None or not re.search(r"\d", raw):
        return UNRESOLVED
    try:
        from datetime import datetime

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
        return ResolvedDate(str(found.year), "year", "approximate")
    if period == "month":
        return ResolvedDate(_month(found.year, found.month), "month", "approximate")
    return ResolvedDate(found.isoformat(), "day", "approximate")
