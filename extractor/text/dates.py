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
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import cached_property, lru_cache
from typing import Literal

Precision = Literal["year", "month", "day"]
DateKind = Literal["exact", "approximate", "range", "unresolved"]
#: Which side of the publication date the event lies on, as its status or tense says: a
#: date written without its year ("in April", "on December 3") takes the year that puts it
#: there (:func:`_closest_year`).
Tense = Literal["past", "future"]

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
# A day in ISO order, alone or inside a timestamp ("2025-03-03T23:30:00Z": no word boundary
# before the "T"), with "/" or "." as well ("2025/03/04", "2025.03.04"), one separator.
_ISO_ANY = re.compile(r"(?<![0-9])([0-9]{4})([-/.])([0-9]{1,2})\2([0-9]{1,2})(?![0-9])")
_MDY = re.compile(
    rf"\b({MONTH_PATTERN})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(\d{{4}}))?\b", re.I
)
_DMY = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({MONTH_PATTERN})\.?(?:,?\s+(\d{{4}}))?\b", re.I
)
_MY = re.compile(rf"\b({MONTH_PATTERN})\.?(?:\s+of)?,?\s+(\d{{4}})\b", re.I)
_M = re.compile(rf"\b({MONTH_PATTERN})\b", re.I)
_NUMERIC_DMY = re.compile(r"\b(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\b")
# A day with a two-digit year: "3 Mar 25", "3 March '25", "March 3, '25" (the year's
# apostrophe is what tells "March 3, '25" from "March 3, 25 people").
_DMY2 = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({MONTH_PATTERN})\.?,?\s+'?(\d{{2}})\b(?![.:,]?\d)",
    re.I,
)
_MDY2 = re.compile(rf"\b({MONTH_PATTERN})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+'(\d{{2}})\b", re.I)
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


def _closest_year(month: int, day: int | None, published: date, tense: Tense | None = None) -> int:
    """Year of a month (or a day) written without one, as news coding reads it.

    An event that happened takes the most recent occurrence on or before the publication
    date ("visited Berlin in April", published in March: last April), one still to come
    the next on or after it ("will visit in January", published 31 December: next
    January). With no tense, the occurrence nearest the publication date. A month is on or
    before the publication date when it begins by then, on or after when it ends by then.
    """
    sided = _sided_years(month, day, published, tense) if tense is not None else []
    if sided:
        return max(sided) if tense == "past" else min(sided)

    def distance(year: int) -> int:
        try:
            candidate = date(year, month, day or 15)
        except ValueError:
            return 10**6
        return abs((candidate - published).days)

    return min((published.year - 1, published.year, published.year + 1), key=distance)


def _sided_years(month: int, day: int | None, published: date, tense: Tense) -> list[int]:
    """The years near ``published`` (four either side: a 29 February) whose month/day lies
    on ``tense``'s side of it: begun by then for "past", not yet over for "future"."""
    years = []
    for year in range(published.year - 4, published.year + 5):
        try:
            first = date(year, month, day or 1)
            last = date(year, month, day or calendar.monthrange(year, month)[1])
        except ValueError:  # no 29 February that year
            continue
        if (first <= published) if tense == "past" else (last >= published):
            years.append(year)
    return years


def _day(day: date) -> str:
    return day.isoformat()


def resolve_date(
    text: str | None,
    published: date | str | None = None,
    language: str | None = None,
    tense: Tense | None = None,
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

    ``tense``: the side of the publication date the event lies on, as its status says
    ("past" for one that occurred, "future" for one planned): a month or day written
    without its year takes the year that puts it there (:func:`_closest_year`); None,
    the nearest.
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
        found = _resolve(text, published, language, tense)
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


def _resolve(
    text: str, published: date | None, language: str | None, tense: Tense | None = None
) -> ResolvedDate:
    """``text`` resolved, then qualified by the words around the date, whatever rule read it.

    Approximate when an approximator of the text's language qualifies a month or a year
    ("early last month", "Anfang März 2025", "2025年3月初", "约2023年"); a range running to
    the publication date when "since" (desde, depuis, seit, с, 以来, منذ ...) opens it:
    "since October 7" is the period from then to the article, not the day. Each rule read
    its own subset of these words ("since" only before a bare year, approximators only in
    English explicit dates), so the same qualifier changed one reading and not the next.
    """
    found = _resolve_plain(text, published, language, tense)
    if found.value is None or found.precision is None:
        return found
    if found.kind == "exact" and (
        _CJK_APPROX.search(text) or (found.precision != "day" and _approximated(text, language))
    ):
        found = ResolvedDate(found.value, found.precision, "approximate", found.end, found.note)
    if found.kind in ("exact", "approximate") and found.precision == "year":
        years = _YEARS_TO.search(_ascii_digits(text))
        first = str(found.value)
        if years is not None and years.group(1) == first and str(years.group(2)) > first:
            # "с 2019 по 2021 год", "desde 2019 hasta 2021", "自2019年至2021年": both ends
            return ResolvedDate(found.value, "year", "range", years.group(2), found.note)
    since = _SINCE.search(text)
    if (
        published is not None
        and found.kind in ("exact", "approximate")
        and since is not None
        and not _until_end(text, since.end(), language)
    ):
        start = str(found.value)
        if earliest(start) > published and found.precision != "year" and not _YEAR.search(text):
            # "since March 20" of an article of March 12: last year's, a "since" looks back
            start = f"{int(start[:4]) - 1:04d}{start[4:]}"
            if not in_calendar(start):
                return found
        if earliest(start) <= published:
            return ResolvedDate(start, found.precision, "range", _day(published), found.note)
    return found


#: The words that open a period running to the publication date ("since 2021", "desde
#: marzo", "depuis le 7 octobre", "seit Montag", "с 2021 года", "自2021年以来", "منذ 2021").
#: Russian "с" is also "with": only before a figure is it "since".
_SINCE = re.compile(
    r"(?<!\w)(?:ever\s+since|since|desde|depuis|seit|sinds|dalla|dal|منذ)(?!\w)"
    r"|(?<!\w)[сС]о?(?=\s+\d)|以来|以來|以降|이후|이래",
    re.IGNORECASE,
)

#: The words that close a period at its written end ("по", "до", "bis", "hasta", "jusqu'à",
#: "until", "至"): "с 2019 по 2021 год" runs to 2021, not to the publication date.
_UNTIL = (
    r"(?:(?<!\w)(?:to|until|till|through|thru|bis(?:\s+zum|\s+zur)?|hasta|jusqu\s*['’]\s*(?:à|au|en)"
    r"|au|à|al|a|até|ate|fino\s+al?|tot|по|до|إلى|حتى)(?!\w)|至|到|~|〜|～)"
)
_UNTIL_AFTER = re.compile(
    rf"{_UNTIL}\s*(?:(?:el|la|le|l['’]|il|lo|o|the|der|dem)\s*)?(?P<next>\d|[^\W\d_]+)",
    re.IGNORECASE,
)
#: Two years joined by such a word ("2019 по 2021", "2019年至2021年", "2019 bis 2021").
_YEARS_TO = re.compile(
    r"(?<![0-9])((?:1[89]|20)[0-9]{2})\s*(?:(?:года|год|году|гг?\.|г\.|年|년)\s*)?"
    rf"{_UNTIL}\s*(?:(?:el|la|le|l['’]|il|lo|o|the|der|dem)\s*)?((?:1[89]|20)[0-9]{{2}})(?![0-9])",
    re.IGNORECASE,
)


def _until_end(text: str, start: int, language: str | None) -> bool:
    """Whether ``text`` writes an end after ``start`` ("по 2021", "hasta mayo", "to March
    5"): a from-to period, which is never a "since" one running to the publication date."""
    words = _words(language) if language not in (None, "en", "und", "") else None
    for match in _UNTIL_AFTER.finditer(_ascii_digits(text), start):
        following = match.group("next").lower()
        if following[0].isdigit() or following in MONTHS:
            return True
        if words is not None and following in words.months:
            return True
    return False


#: Per language, the words that make a month or a year approximate ("early March",
#: "a mediados de 2024", "Mitte 2024", "в начале марта"): one list per language, applied
#: after any rule has read the date (the Chinese, Japanese and Korean ones are
#: :data:`_CJK_APPROX`). English's are read in every language (a model's translation).
_APPROXIMATOR_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("about", "around", "circa", "approximately", "roughly", "early", "late", "mid",
           "end of", "beginning of", "start of", "turn of", "some time in", "sometime in",
           "towards the end of", "toward the end of", "summer", "winter", "spring", "autumn"),
    "es": ("a principios de", "principios de", "a comienzos de", "comienzos de", "a inicios de",
           "inicios de", "a mediados de", "mediados de", "a finales de", "finales de",
           "a fines de", "fines de", "alrededor de", "hacia", "aproximadamente", "en torno a"),
    "fr": ("début", "mi", "fin", "vers", "environ", "aux alentours de", "courant"),
    "de": ("anfang", "mitte", "ende", "gegen", "etwa", "ungefähr", "circa", "ca."),
    "ru": ("в начале", "начале", "в середине", "середине", "в конце", "конце", "около",
           "примерно", "приблизительно"),
    "pt": ("no início de", "início de", "no inicio de", "inicio de", "em meados de",
           "meados de", "no final de", "final de", "no fim de", "fim de", "cerca de",
           "por volta de"),
    "it": ("all'inizio di", "inizio", "a metà", "metà", "alla fine di", "fine", "verso",
           "circa"),
    "ar": ("أوائل", "مطلع", "بداية", "منتصف", "أواسط", "أواخر", "نهاية", "حوالي", "نحو"),
}  # fmt: skip


def _approximator_words(language: str | None) -> str:
    """English's approximators and ``language``'s, as a regex alternation."""
    words = set(_APPROXIMATOR_WORDS["en"]) | set(_APPROXIMATOR_WORDS.get(language or "en", ()))
    return "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)
    )


@lru_cache(maxsize=64)
def _approximator_pattern(language: str | None) -> re.Pattern[str]:
    # "ca." ends in a full stop: no word edge after it is needed
    return re.compile(
        rf"(?<!\w)(?:{_approximator_words(language)})(?:(?<=\.)|(?!\w))", re.IGNORECASE
    )


@lru_cache(maxsize=64)
def _approximator_before(language: str | None) -> re.Pattern[str]:
    """An approximator ending the text before a date ("a principios de ", "Anfang ")."""
    return re.compile(
        rf"(?<!\w)(?:{_approximator_words(language)})\W*(?:(?:de|del|di|du|des|of)\s+)?$",
        re.IGNORECASE,
    )


def _approximated(text: str, language: str | None) -> bool:
    """Whether an approximator of ``language`` (or English) is written in ``text``."""
    return _approximator_pattern(language).search(text) is not None


#: Words after a Chinese or Japanese month or year that make it approximate ("3月初").
_CJK_APPROX_AFTER = re.compile(r"\s*(?:初|上旬|中旬|下旬|底|末|頃|ごろ|左右|前后|前後)")


def _resolve_plain(
    text: str, published: date | None, language: str | None, tense: Tense | None = None
) -> ResolvedDate:
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
    month = _drafted_month(low, language)
    drafted = _calendar(None, month, None, None, published, tense) if month else None
    if drafted is not None:
        return drafted
    found = _explicit(raw, published, kind, language, tense)
    if language in (None, "und") and _HAN_OR_KANA.search(raw):
        language = "zh"  # "2023年3月5日" with no language: its script says how to read it
    foreign_language = language not in (None, "en", "und")
    if found is not None:
        # The English rules read only the year of "le 3 mai 2023" or "15 января 2024
        # года" (no English month in it): the language's own reading says the day. They
        # read only the last day of "du 3 au 5 sept." ("5 sept" is English too): the
        # language's own reading says both ends.
        if foreign_language and found.kind != "range":
            foreign = _foreign(raw, published, str(language), tense)
            if foreign is not None and (
                foreign.kind == "range"
                or (
                    found.precision != "day"
                    and (foreign.note is not None or _finer(foreign, found))
                )
            ):
                return foreign  # both ends, a finer reading, or a day outside the calendar
        return found
    if published is not None:
        relative = _relative(low, published)
        if relative is not None:
            return relative
    if foreign_language:
        foreign = _foreign(raw, published, str(language), tense)
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


def _explicit(
    raw: str,
    published: date | None,
    kind: DateKind,
    language: str | None = None,
    tense: Tense | None = None,
) -> ResolvedDate | None:
    match = _ISO_ANY.search(raw)
    if match:
        y, m, d = int(match.group(1)), int(match.group(3)), int(match.group(4))
        value = f"{y:04d}-{m:02d}-{d:02d}"
        if match.group(2) == "-":
            precision_of(value)  # "2023-02-30" is a ValueError, as a whole ISO value is
        elif not in_calendar(value):
            return _no_such_day(match.group(0))
        return ResolvedDate(value, "day", kind)
    ranged = _range(raw, published, tense)
    if ranged is not None:
        return ranged
    match = _NUMERIC_DMY.search(raw)  # "31-5-2023": day first, as outside the US
    if match:
        d, m, y = (int(g) for g in match.groups())
        if m > 12 and d <= 12:
            d, m = m, d
        try:
            value = date(y, m, d).isoformat()
        except ValueError:
            return None
        if d != m and d <= 12 and m <= 12 and language in (None, "en", "und"):
            # "03/04/2025" is 3 April in London and 4 March in New York; English says not
            # which. Its year is sure: kept, approximate, with a note for the warning.
            return ResolvedDate(
                _year(y), "year", "approximate",
                note=f"date {match.group(0)!r} reads as day/month or month/day: only its year "
                "is kept; write the month's name to keep the day",
            )  # fmt: skip
        return ResolvedDate(value, "day", kind)
    quarter = _quarter(raw)
    if quarter is not None:
        return quarter
    hint = _year_hint(raw, published)
    for pattern, day_group, month_group, two_digit in (
        (_DMY2, 1, 2, True), (_MDY2, 2, 1, True), (_MDY, 2, 1, False), (_DMY, 1, 2, False),
    ):  # fmt: skip
        match = pattern.search(raw)
        if match:
            month = MONTHS[match.group(month_group).lower()]
            day = int(match.group(day_group))
            year_text = match.group(3)
            if year_text and two_digit:
                year = _century(int(year_text), published)
            elif year_text:
                year = int(year_text)
            elif hint is not None:
                year = hint
            elif published is not None:
                year = _closest_year(month, day, published, tense)
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
    fiscal = _FISCAL.search(raw)
    if fiscal:
        return _fiscal(fiscal, published)
    match = _YEAR.search(raw)
    if match and not _M.search(raw):
        return ResolvedDate(match.group(1), "year", kind)
    match = _M.search(raw)
    # Lower-case "may" is the verb ("may visit"), not the month.
    if match and published is not None and not re.search(r"\bmay\b", raw):
        month = MONTHS[match.group(1).lower()]
        year = hint if hint is not None else _closest_year(month, None, published, tense)
        return ResolvedDate(_month(year, month), "month", kind)
    if (
        match
        and published is not None
        and re.fullmatch(r"(in |early |late |mid-?)?may", raw.lower())
    ):
        return ResolvedDate(_month(_closest_year(5, None, published, tense), 5), "month", kind)
    return None


def _no_such_day(written: str) -> ResolvedDate:
    return ResolvedDate(
        None, None, "unresolved",
        note=f"date {written!r} is no day of the calendar: left unresolved",
    )  # fmt: skip


def _century(year: int, published: date | None) -> int:
    """A two-digit year's century: the one that puts it at most 20 years after the
    publication date ("'25" of an article of 2024 is 2025; "'98" is 1998)."""
    anchor = published.year if published is not None else 2000
    full = anchor - anchor % 100 + year
    if full > anchor + 20:
        full -= 100
    elif full <= anchor - 80:
        full += 100
    return full


#: "last year", "next year", "this year" after a day or a month without its year ("on March
#: 3 last year"): the year it names, not the one nearest the publication date.
_YEAR_HINT = re.compile(r"\b(last|previous|past|next|this|the following|the previous)\s+year\b")


def _year_hint(raw: str, published: date | None) -> int | None:
    if published is None:
        return None
    match = _YEAR_HINT.search(raw.lower())
    if match is None:
        return None
    word = match.group(1)
    if word in ("last", "previous", "past", "the previous"):
        return published.year - 1
    if word in ("next", "the following"):
        return published.year + 1
    return published.year


#: A quarter of a year: "Q3 2024", "2024 Q3", "the first quarter of 2024", "3Q24" is none.
_QUARTER = re.compile(
    r"\b(?:q([1-4])\s*,?\s*(?:of\s+)?(\d{4})|(\d{4})\s*q([1-4])"
    r"|(first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter\s*(?:of\s+)?,?\s*(\d{4}))\b",
    re.IGNORECASE,
)
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3,
             "4th": 4}  # fmt: skip
#: A fiscal year: "FY2024", "fiscal year 2024", "FY 2023-24". Its months depend on who
#: keeps it (October in the US government, April in India and Japan): its year, approximate.
_FISCAL = re.compile(
    r"(?<![A-Za-z])(?:fy|fiscal(?:\s+year)?|financial\s+year)\s*'?(\d{4}|\d{2})"
    r"(?:\s*[-–/]\s*(\d{4}|\d{2}))?(?![0-9])",
    re.IGNORECASE,
)


def _quarter(raw: str) -> ResolvedDate | None:
    """A calendar quarter as the range of its months; a fiscal quarter is its year, approximate."""
    match = _QUARTER.search(raw)
    if match is None:
        return None
    if match.group(1):
        number, year = int(match.group(1)), int(match.group(2))
    elif match.group(3):
        number, year = int(match.group(4)), int(match.group(3))
    else:
        number, year = _ORDINALS[match.group(5).lower()], int(match.group(6))
    if _FISCAL.search(raw) or re.search(r"\bfiscal\b", raw, re.IGNORECASE):
        return ResolvedDate(_year(year), "year", "approximate")
    first = 3 * (number - 1) + 1
    return ResolvedDate(_month(year, first), "month", "range", _month(year, first + 2))


def _fiscal(match: re.Match[str], published: date | None) -> ResolvedDate:
    start = int(match.group(1))
    if start < 100:
        start = _century(start, published)
    if match.group(2):
        end = int(match.group(2))
        if end < 100:
            end = start - start % 100 + end
        if end == start + 1:
            return ResolvedDate(_year(start), "year", "range", _year(end))
    return ResolvedDate(_year(start), "year", "approximate")


# ------------------------------------------------------------ ranges
#
# One grammar for a range written in English: its two ends are both read, and the start
# is never replaced by the end (read day by day, "3-5 March 2025" was 5 March).

_R_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_R_YEAR = r"\d{4}"
#: "between" or "from" before the first end; "and" joins the ends only after "between"
#: ("3 and 5 March" are two days, "between 3 and 5 March" the days between them).
_R_OPEN = r"(?:(?P<b>between|from)\s+)?"
_R_SEP = r"\s*(?P<s>-|–|—|to|through|thru|till|until|and)\s*"
#: A month's full stop, only after an abbreviation ("Mar."): after a whole name ("3-5
#: March.") it is the sentence's, and is no part of the date.
_R_ABBREVIATION_DOT = (
    "(?:"
    + "|".join(
        rf"(?<={abbreviation})\." for abbreviation in sorted(set(MONTH_ABBREVIATIONS), key=len)
    )
    + ")?"
)
#: The words a date may be followed by (prepositions, conjunctions, determiners, the verbs
#: "is", "was" ...): after a range's last day any other lower-case word makes that day a
#: count ("March 3 to 5 people", "March 3-5 of them", "March 3 to 5 %"), not a date.
_R_AFTER_DATE_WORDS = (
    "about|above|across|after|against|ahead|along|amid|amidst|among|and|are|around|as|at|"
    "because|before|behind|below|besides|between|beyond|both|but|by|despite|during|each|"
    "except|following|for|from|had|has|have|however|if|in|including|inclusive|inside|into|"
    "is|its|last|local|near|next|nor|of|on|onto|or|outside|over|prior|respectively|since|so|"
    "than|that|the|their|then|these|this|those|through|throughout|thru|till|to|toward|"
    "towards|under|until|upon|via|was|were|when|where|whereas|which|while|who|will|with|"
    "within|without|would|a|an|his|her|our|my|your|saw|marked"
)
#: What makes the figure before it a count whatever comes before the date: a percentage, a
#: thousands group, "of" that names no year ("March 3-5 of them"; "March 3-5 of last year",
#: "of 2025" name its year).
_R_COUNT_AFTER = (
    r"\s*%|,\d{3}(?!\d)|\s+(?:per\s*cent|percent)\b"
    r"|\s+(?-i:of)\b(?!\s+(?:the\s+)?(?:(?:last|this|next|previous|same|that|the\s+following)"
    r"\s+year|\d{4})\b)"
)
_R_COUNTED = rf"(?!{_R_COUNT_AFTER}|\s+(?-i:(?!(?:{_R_AFTER_DATE_WORDS})\b)[a-z]))"


#: The determiners that make a date the modifier of the noun after it ("the March 3-5
#: summit", "an Oct. 3 to 5 meeting", "Iran's May 12-14 talks"): the noun phrase is the
#: determiner's, so the last day is no count of that noun, and the count guard
#: (:data:`_R_COUNTED`) is replaced by :data:`_R_COUNTED_AFTER_DETERMINER`. Each is a
#: lookbehind of its own width, so the determiner is no part of the date as written; the
#: group is possessive (``?+``): a written determiner is always taken, so a date it rejects
#: is not retried as a date without one (the union of both guards let "her March 3-5 were
#: killed" through as a range).
_R_DETERMINERS = ("the", "a", "an", "this", "these", "those", "its", "their", "his",
                  "her", "our", "your", "my")  # fmt: skip
#: "that" is a determiner after a preposition ("at that March 3-5 summit") or opening its
#: sentence ("That March 3-5 summit ended"); after a verb it is the conjunction that opens a
#: clause ("Police said that March 3 to 5 people were killed": 5 people, 3 March).
_R_THAT_AFTER = ("at", "in", "on", "of", "for", "from", "to", "by", "with", "during", "after",
                 "before", "since", "until", "about", "over", "like", "despite")  # fmt: skip
_R_DETERMINED = (
    "(?=[JFMASONDjfmasond])(?P<det>"
    + "|".join(rf"(?<=\b{word}\s)" for word in _R_DETERMINERS)
    + "".join(rf"|(?<=\b{word}\sthat\s)" for word in _R_THAT_AFTER)
    + r"|(?<=\bthat\s)(?<![\w,;:]\sthat\s)"
    + r"|(?<=['’]s\s))?+"  # a possessive: "Iran's May 12-14 talks"
)
#: The participles of harm whose subject is the persons a count counts ("were killed",
#: "are missing").
_HARM_PARTICIPLES = "dead|killed|wounded|injured|hurt|missing|arrested|detained|abducted|kidnapped"
#: The words after a range's last day that leave a determiner's noun phrase without its
#: noun, so the day counts them: a verb ("On the March 3 to 5 were killed") or a noun of
#: persons, which a date does not modify ("her March 3 to 5 people", "its March 3-5
#: soldiers": the object pronoun "her", or a possessive of the people counted).
_R_COUNTED_AFTER_DETERMINER = (
    "am|are|is|was|were|be|been|had|has|have|will|would|could|can|may|might|must|should|"
    f"died|{_HARM_PARTICIPLES}|"
    "people|persons?|soldiers?|civilians?|children|child|kids|women|men|troops|fighters?|"
    "militants?|rebels?|insurgents?|police(?:men)?|officers?|others|members?|victims?|"
    "bodies|hostages?|prisoners?|detainees?|residents?|migrants?|refugees?|journalists?|"
    "students?|workers?|protesters?|demonstrators?|passengers?|staff|personnel|guards?|"
    "gunmen|attackers?|suspects?|individuals?|adults?|boys?|girls?|infants?|babies|"
    "families|villagers?|farmers?|miners?|pilgrims?|worshippers?|patients?|doctors?|"
    "nurses?|teachers?|marines?|sailors?|airmen|recruits?|conscripts?|mercenaries|"
    "combatants?|jihadists?|terrorists?|extremists?|militiamen|policemen"
)
#: After a range's last day: no count; after a determiner the date may modify its noun
#: ("the March 3-5 summit"), but a percentage, "of them", a verb or a noun of persons
#: still makes the last day a count.
_R_NOT_COUNTED = (
    rf"(?(det)(?!{_R_COUNT_AFTER}|\s+(?:{_R_COUNTED_AFTER_DETERMINER})\b)|{_R_COUNTED})"
)


def _range_forms(month: str) -> list[str]:
    """The range forms with named groups (d1 m1 y1, d2 m2 y2), ``month`` the month alternation."""
    m1 = rf"(?P<m1>{month}){_R_ABBREVIATION_DOT}"
    m2 = rf"(?P<m2>{month}){_R_ABBREVIATION_DOT}"
    y1 = rf"(?:,?\s+(?P<y1>{_R_YEAR}))?"
    y2 = rf"(?:,?\s+(?P<y2>{_R_YEAR}))?"
    d1 = rf"(?P<d1>{_R_DAY})"
    d2 = rf"(?P<d2>{_R_DAY})"
    of = r"(?:of\s+)?"
    return [
        # "March 30 to April 2, 2025", "from December 30, 2024 to January 2, 2025"
        rf"{_R_OPEN}{_R_DETERMINED}{m1}\s+{d1}{y1}{_R_SEP}{m2}\s+{d2}(?![:.]?\d){_R_NOT_COUNTED}{y2}",
        # "30 March to 2 April 2025"
        rf"{_R_OPEN}{d1}\s+{of}{m1}{y1}{_R_SEP}{d2}\s+{of}{m2}{y2}",
        # "3-5 March 2025", "between 3 and 5 March"
        rf"{_R_OPEN}{d1}{_R_SEP}{d2}\s+{of}{m2}{y2}",
        # "March 3-5, 2025"
        rf"{_R_OPEN}{_R_DETERMINED}{m1}\s+{d1}{_R_SEP}{d2}(?![:.]?\d){_R_NOT_COUNTED}{y2}",
        # "between January and March 2025", "from December 2024 to February 2025"
        rf"{_R_OPEN}{m1}(?:\s+(?P<y1b>{_R_YEAR}))?{_R_SEP}{m2}{y2}",
        # "from 2020 to 2023", "2020-2023"
        rf"{_R_OPEN}(?P<ya>(?:1[89]|20)\d\d){_R_SEP}(?P<yb>(?:1[89]|20)\d\d)",
    ]


_RANGES = [
    re.compile(rf"(?<![\w-]){form}(?![\w-])", re.IGNORECASE) for form in _range_forms(MONTH_PATTERN)
]


def _unnamed(pattern: str) -> str:
    """``pattern`` with its named groups made non-capturing (to join it into another)."""
    return re.sub(r"\(\?P<\w+>", "(?:", pattern)


#: English date expressions a sentence may carry (the relative ones need the publication
#: date): a range first (its two ends; read day by day, "3-5 March" was 5 March), a weekday
#: with its modifiers ("next Monday", "Monday last week"), a day with "last year".
_FULL_MONTHS = "|".join(MONTH_NAMES)


#: A month in a range of :data:`DATE_IN_TEXT`: its whole name, or its abbreviation with or
#: without its full stop ("Oct. 3-5", "3-5 Sept"), as :data:`_RANGES` reads it (without the
#: abbreviations, "the Oct. 3 to 5 meetings" was found in no text). Running English text
#: capitalises an abbreviated month ("the mar 3 to 5 group" is no date), and "may" in lower
#: case is the verb, as :func:`_range` reads it (a range found in text and read as one day
#: wrote a span its value did not read: "the may 3 to 5 group").
_ABBREVIATED_MONTHS = "|".join(sorted(MONTH_ABBREVIATIONS, key=len, reverse=True))
_CAPITALISED_ABBREVIATIONS = "|".join(
    spelling
    for abbreviation in sorted(MONTH_ABBREVIATIONS, key=len, reverse=True)
    for spelling in (abbreviation.title(), abbreviation.upper())
)
_MONTH_IN_RANGE = (
    "(?:"
    + "|".join(name for name in MONTH_NAMES if name != "may")
    + rf"|(?-i:May|MAY)|(?-i:{_CAPITALISED_ABBREVIATIONS})\.?)"
)
#: An abbreviated month next to a figure: a text may write a range with it.
_ABBREVIATED_MONTH_HINT = re.compile(
    rf"\b(?:{_ABBREVIATED_MONTHS})\.?\s*\d|\d\s*(?:{_ABBREVIATED_MONTHS})\b", re.IGNORECASE
)


def _ranges_in_text() -> str:
    """:func:`_range_forms` of whole month names, unnamed and joined by their first end (a
    month, a day or a year): the same ranges, tried once per word instead of once per form
    (six forms, each tried at every word and figure, made finding dates several times slower)."""
    month, day, year = _MONTH_IN_RANGE, _R_DAY, r"(?:1[89]|20)\d\d"
    sep, opt_year, of = _unnamed(_R_SEP), rf"(?:,?\s+{_R_YEAR})?", r"(?:of\s+)?"
    day_end = rf"(?![:.]?\d){_R_NOT_COUNTED}{opt_year}"
    return (
        rf"{_unnamed(_R_OPEN)}(?:"
        # "March 30 to April 2, 2025", "March 3-5, 2025"; "between January and March 2025"
        rf"{_R_DETERMINED}{month}(?:\s+{day}(?:{opt_year}{sep}{month}\s+{day}{day_end}|{sep}{day}{day_end})"
        rf"|(?:\s+{_R_YEAR})?{sep}{month}{opt_year})"
        # "30 March to 2 April 2025"; "3-5 March 2025"
        rf"|{day}(?:\s+{of}{month}{opt_year}{sep}{day}\s+{of}{month}{opt_year}"
        rf"|{sep}{day}\s+{of}{month}{opt_year})"
        # "from 2020 to 2023"
        rf"|{year}{sep}{year}"
        r")(?![\w-])"
    )


#: The space inside a date of running text: any run of spaces (a no-break space, a tab, two
#: spaces: "March\u00a05" was no date) holding at most one line break (two end a paragraph).
_GAP = r"(?:[^\S\n]+(?:\n[^\S\n]*)?|\n[^\S\n]*)"
_SAME_LINE_GAP = r"[^\S\n]+"
_LINE_BREAK_GAP = r"[^\S\n]*\n[^\S\n]*"
_DAY_OF_MONTH = r"\d{1,2}(?!\d)"
_YEAR_WORDS = r"(?: (?:last|this|next) year)?"
#: The whole month names of one day's date in running text; "may" in lower case is the verb
#: ("it may 12 times fail", "Prices may\n20 percent rise" were 12 May and 20 May).
_WHOLE_MONTHS_OF_DAY = "|".join(name for name in MONTH_NAMES if name != "may") + "|(?-i:May|MAY)"
#: A month of one day's date in running text: its whole name, or its abbreviation as news
#: (AP style: "Oct. 3", "Sept. 3, 2024") writes it, capitalised, with its full stop; "mar
#: 3" in lower case is no date.
_MONTH_OF_DAY = rf"(?:{_WHOLE_MONTHS_OF_DAY}|(?-i:{_CAPITALISED_ABBREVIATIONS})(?:\.|(?!\w)))"
_DOTTED_MONTH = rf"(?:{_WHOLE_MONTHS_OF_DAY}|(?-i:{_CAPITALISED_ABBREVIATIONS})\.)"
#: An abbreviation without its full stop ("Oct 7") is also a word or a code ("Mar" is a
#: currency's sign, "SEP" a programme's name), so its figure is a day only where a day's
#: figure can stand: not before a quantity's unit or scale ("Mar 5 billion", "Aug 10
#: percent"), nor after a noun that takes a code ("Flight Oct 7 landed", "Model Oct 7").
#: Any other word after it is the noun the date modifies, with or without a determiner
#: (Reuters writes "in Oct 7 attack", "Trump pardoned Jan 6 rioters"). In capitals ("OCT
#: 7") it is a date as a dateline writes it (closing its line or before a dash, a colon or
#: a bracket: "OCT 7 (AP) —") or after a determiner before a noun that takes no code ("The
#: OCT 7 memorial"; "The SEP 11 program" is no date).
_TITLE_ABBREVIATIONS = "|".join(
    a.title() for a in sorted(MONTH_ABBREVIATIONS, key=len, reverse=True)
)
_UPPER_ABBREVIATIONS = "|".join(
    a.upper() for a in sorted(MONTH_ABBREVIATIONS, key=len, reverse=True)
)
#: The units, scales and measures a figure counts: after a day's figure they make it a
#: quantity ("Mar 5 billion", "Aug 10 percent", "Oct 7 tons").
_QUANTITY_NOUNS = (
    "hundreds?|thousands?|millions?|billions?|trillions?|bn|mn|mln|m|k|per\\s*cent|percent"
    "|percentage|points?|cents?|dollars?|euros?|pounds?|yen|yuan|rubles?|roubles?|rupees?"
    "|shekels?|shares?|barrels?|tons?|tonnes?|km|kg|kilomet(?:er|re)s?|kilograms?|grams?"
    "|met(?:er|re)s?|miles?|feet|foot|inch(?:es)?|acres?|hectares?|lit(?:er|re)s?|gallons?"
    "|mw|gw|mph|kph|degrees?|times|years?|months?|weeks?|days?|hours?|minutes?|seconds?"
)
_UNIT_AFTER_DAY = rf"\s*%|\s+(?:{_QUANTITY_NOUNS})\b"
#: The nouns that take a code or a number ("Flight Oct 7", "the SEP 11 program"): a month's
#: abbreviation next to one is part of that code, no date.
_CODE_NOUNS = (
    "flight", "model", "type", "version", "series", "class", "program", "programme",
    "project", "mission", "rocket", "missile", "team", "unit", "route", "gate", "terminal",
    "platform", "room", "engine", "satellite", "module", "system", "vehicle", "variant",
    "aircraft", "jet", "drone", "tank", "chip", "prototype", "squadron", "battalion",
    "brigade", "division", "regiment", "bus", "highway", "lane", "phase", "batch",
)  # fmt: skip
_CODE_NOUN_BEFORE = "".join(rf"(?<!\b{noun}\s)" for noun in _CODE_NOUNS)
_CODE_NOUN_AFTER = "|".join(_CODE_NOUNS)
#: The pronouns that may open a clause after a date ("On Oct 7 they met").
_PRONOUNS_AFTER_DATE = "they|he|she|we|it|you|i|there"
_DAY_GUARD = rf"(?!{_R_COUNT_AFTER}|{_UNIT_AFTER_DAY})"
_DETERMINER_BEFORE = (
    "(?:" + "|".join(rf"(?<=\b{word}\s)" for word in _R_DETERMINERS) + r"|(?<=['’]s\s))"
)
#: No determiner before the month: the bare form's guard (:data:`_DAY_GUARD`) would let a
#: noun of persons after a determiner's date through ("the Oct 7 people died").
_NO_DETERMINER_BEFORE = "".join(rf"(?<!\b{word}\s)" for word in _R_DETERMINERS) + r"(?<!['’]s\s)"
_DETERMINED_DAY_GUARD = (
    rf"(?!{_R_COUNT_AFTER}|{_UNIT_AFTER_DAY}|\s+(?:{_R_COUNTED_AFTER_DETERMINER})\b)"
)
#: After a determiner an undotted abbreviation's date may also be the subject of a verb
#: ("after the Feb 3 was a Monday"); a noun of the persons counted still makes it a count.
_DETERMINED_UNDOTTED_DAY_GUARD = (
    rf"(?!{_R_COUNT_AFTER}|{_UNIT_AFTER_DAY}"
    rf"|\s+(?!(?-i:{_R_AFTER_DATE_WORDS})\b)(?:{_R_COUNTED_AFTER_DETERMINER})\b)"
)
#: A day's figure at the start of a line after its month ("held in March\n12 people died")
#: is the day only where a day may stand: no unit, scale or noun of the persons counted
#: follows it (a wrapped line joins a date, not a month and a count).
_LINE_DAY_GUARD = _DETERMINED_DAY_GUARD
#: The words after a year that a bare count does not take (a count of more than one takes a
#: plural noun or verb): a preposition, a conjunction, a determiner, a singular verb
#: ("Jan. 1 2024 was cold", "On March 5 2023 in Geneva").
_NOT_AFTER_A_COUNT = frozenset({"are", "were", "have", "had", "will", "would", "local",
                                "both", "each", "last", "next"})  # fmt: skip
_WORDS_AFTER_A_YEAR = "|".join(
    w for w in _R_AFTER_DATE_WORDS.split("|") if w not in _NOT_AFTER_A_COUNT
)
#: The words after a figure that make it a count of what follows ("2000 more troops",
#: "2000 new recruits"): no singular noun of a year's date.
_COUNT_MODIFIERS = "more|other|others|fewer|less|new|additional|extra|further|several"
#: The plurals written without an "s" ("2000 armed men").
_UNMARKED_PLURALS = (
    "people|children|men|women|police|policemen|gunmen|militiamen|airmen|staff|personnel"
    "|youth|clergy|cattle|sheep|livestock|aircraft|fish"
)
#: A plural noun (a word in "-s" that is no verb or preposition: "was", "across") or one
#: written without its "s" ("men", "people"): what a figure before it counts.
_PLURAL_NOUN = rf"(?:(?!(?-i:{_R_AFTER_DATE_WORDS})\b)[a-z]*s\b|(?:{_UNMARKED_PLURALS})\b)"
#: A singular noun after the figure: a count of more than one takes a plural, so the figure
#: is the year of the date modifying it ("Oct 7 2023 attack"); an adjective before a plural
#: ("2000 armed men", "2000 new recruits") makes it a count.
_SINGULAR_NOUN_AFTER_YEAR = (
    rf"\s+(?-i:(?!(?:{_R_COUNTED_AFTER_DETERMINER}|{_QUANTITY_NOUNS}|{_COUNT_MODIFIERS})\b)"
    r"[a-z]+(?<!s)\b)"
    rf"(?!\s+{_PLURAL_NOUN})"
)
#: The peoples, faiths and sects whose English plural is no adjective's in "-an", "-i",
#: "-ite" or "-ist" (:data:`_PEOPLE_PLURAL`).
_OTHER_PEOPLE_PLURALS = (
    "Jews|Arabs|Kurds|Turks|Muslims|Moslems|Sikhs|Hindus|Serbs|Croats|Poles|Greeks|Swedes"
    "|Danes|Finns|Czechs|Slovaks|Thais|Uyghurs|Uighurs|Brits|Scots|Bedouins|Druze|Copts"
    "|Hutus|Tutsis|Tamils|Rohingya|Roma|Pashtuns|Baluch|Tatars|Berbers|Jains|Catholics"
)
#: A people in the plural, a count's noun though capitalised: as English names it from its
#: adjective in "-an" or "-i" ("Palestinians", "Gazans", "Israelis"), a faith's or a
#: movement's in "-ite" or "-ist" ("Shiites", "Islamists"), or another
#: (:data:`_OTHER_PEOPLE_PLURALS`: "Jews", "Kurds").
_PEOPLE_PLURAL = rf"(?-i:[A-Z][a-z]+(?:an|i|ite|ist)s\b|(?:{_OTHER_PEOPLE_PLURALS})\b)"
#: The verbs whose subject is who suffers or flees, in a tense that marks no number
#: ("2000 Taliban fled", "2000 Lebanese had been displaced").
_VICTIM_VERBS = "died|fled|perished|drowned|starved|disappeared|surrendered"
_SUFFERED_PARTICIPLES = (
    f"{_HARM_PARTICIPLES}|displaced|evacuated|deported|expelled|executed|massacred|taken"
)
#: A verb that makes the capitalised words before it a counted subject: one that agrees
#: with a plural ("were", "are", "have", "remain": a name that acts is singular, "Hamas
#: has", "Israel was"), or a verb or passive whose subject is who suffers or flees ("died",
#: "fled", "had been killed"). A name that acts takes a verb that marks no number and an
#: object ("Hamas attacked Israel", "Israel had closed the crossing").
_VERB_OF_A_COUNTED_SUBJECT = (
    rf"(?-i:(?:are|were|have|remain)\b|(?:had\s+(?:been\s+)?)?(?:{_VICTIM_VERBS})\b"
    rf"|had\s+been\s+(?:{_SUFFERED_PARTICIPLES})\b)"
)
#: Where the peoples a state's adjective names without a plural ending stand in the
#: patterns below ("French", "Swiss", "British", "Kyrgyz"): the countries module knows
#: them and imports this one (through the sentences module), so they are filled in when
#: the patterns are first compiled (:func:`_peoples_of_states`).
_PEOPLES_OF_STATES = "(?:<peoples of states>)"
#: The peoples and groups English names in the plural outside :data:`_PEOPLE_PLURAL`'s
#: endings ("Filipinos", "Britons", "Uzbeks") or by a word with no plural ending
#: ("Taliban", "Fulani", "Hausa"); a name of them before a verb counts them, not before a
#: noun ("Taliban leader Mullah Omar").
_OTHER_COUNTED_PEOPLES = (
    "Filipinos|Latinos|Britons|Chechens|Uzbeks|Kazakhs|Tajiks|Nigeriens|Burkinabe|Fulani"
    "|Hausa|Maasai|Tuareg|Sahrawi|Inuit|Taliban|Hamas"
)
#: A people named without a plural ending: an adjective in "-ese" ("Lebanese",
#: "Senegalese", "Congolese": English forms peoples' names so, "Reese" is no such word),
#: a state's adjective that English also writes as the people's noun
#: (:data:`_PEOPLES_OF_STATES`) or a group (:data:`_OTHER_COUNTED_PEOPLES`), after a
#: point of the compass or not ("South Sudanese", "East Timorese", "Northern Irish").
_UNMARKED_PEOPLE = (
    r"(?-i:(?:(?:North|South|East|West)(?:ern)?\s+|Central\s+)?"
    rf"(?:[A-Z][a-z]+(?<!e)ese|{_PEOPLES_OF_STATES}|{_OTHER_COUNTED_PEOPLES})\b)"
)
#: A people named without a plural ending (:data:`_UNMARKED_PEOPLE`) as the subject of a
#: verb that counts it (:data:`_VERB_OF_A_COUNTED_SUBJECT`): "Since Oct. 7 2000 Lebanese
#: were killed" counts 2000 of them. Any capitalised words before such a verb made a
#: team, a person or a title a count ("On May 1 2000 Manchester United were beaten",
#: "Since Oct. 7 2000 Princess Diana died" lost their year, b2d420f): a name of one is
#: no people, and the verb alone does not tell it from one.
_PEOPLE_AS_A_COUNTED_SUBJECT = rf"{_UNMARKED_PEOPLE}\s+{_VERB_OF_A_COUNTED_SUBJECT}"
#: A capitalised name after a day's figure is the subject or object of the clause the date
#: opens ("On Oct. 7 2023 Hamas attacked Israel", "On May 5 2024 Israel's army ..."), so
#: the figure is no count of it: a name is no plural a count takes. A people in the plural
#: (:data:`_PEOPLE_PLURAL`) or as a counted subject
#: (:data:`_PEOPLE_AS_A_COUNTED_SUBJECT`), a title-case noun of persons or a verb ("Since
#: Oct 7 2000 Troops Died") or a capitalised word before a plural ("U.S. troops", "Russian
#: soldiers": a nationality's adjective) may be counted.
_NAME_AFTER_YEAR = (
    rf"\s+(?!{_PEOPLE_PLURAL}|(?:{_R_COUNTED_AFTER_DETERMINER})\b|{_PEOPLE_AS_A_COUNTED_SUBJECT})"
    rf"(?-i:[A-Z][\w.'’-]*+)(?!\s+{_PLURAL_NOUN})"
)
#: Another figure ("On Oct 7 2023 1,200 people were killed": a count takes one figure) or
#: an approximate count of its own ("thousands of rockets") after a day's figure: that
#: figure is the date's year.
_COUNT_OF_ITS_OWN_AFTER_YEAR = (
    r"[^\S\n]+(?:[-+−]?\d|(?:dozens|scores|tens|hundreds|thousands|millions)\s+of\b)"
)
#: A figure that is no round hundred before a noun a count takes, capitalised or plural,
#: with an adjective or not ("On Feb. 24 2022 Russian troops invaded", "On Sept. 11 2001
#: hijackers flew"): the day's year. A count that large written as four bare digits is an
#: estimate, and estimates are round, to a hundred or fifty ("Since Oct. 7 2000
#: Palestinians have been killed"); a
#: count before a verb ("2023 were killed"), "percent" or "of" stays one.
_UNROUND_YEAR_BEFORE_A_NOUN = (
    rf"(?<!00)(?<!50)(?=\s+(?-i:[A-Z])|\s+{_PLURAL_NOUN}|\s+(?-i:[a-z]+)\s+{_PLURAL_NOUN})"
)
#: A year written without its comma is a year only where no count may stand: before a
#: sentence's punctuation, a word a count does not take, a pronoun, a singular noun, a
#: name or a count of its own, or when it is no round figure; before a noun a count takes
#: ("Since Oct. 7 2000 Palestinians have been killed", "On Jan. 1 2000 U.S. troops") a
#: round figure may count it, and the day keeps no year.
_YEAR_GUARD = (
    rf"(?!{_R_COUNT_AFTER})(?=[^\S\n]*(?:[^\w\s%$€£]|\Z)|\s+(?-i:(?:{_WORDS_AFTER_A_YEAR})\b)"
    rf"|\s+(?:{_PRONOUNS_AFTER_DATE})\b|{_SINGULAR_NOUN_AFTER_YEAR}|{_NAME_AFTER_YEAR}"
    rf"|{_COUNT_OF_ITS_OWN_AFTER_YEAR}|{_UNROUND_YEAR_BEFORE_A_NOUN})"
)
#: A day's year, with a comma or, where no count may stand, without ("Jan. 1 2024 was cold"
#: ignored its year; "Jan. 1 2000 troops" keeps none).
_YEAR_OF_DAY = rf"(?:,{_GAP}\d{{4}}|{_GAP}(?:1[89]|20)\d\d(?!\d){_YEAR_GUARD})(?!\d)"
#: The prepositions that make the date after them a time ("the raid of Oct 7 left 4
#: dead", "from Oct 7 until ..."): only a quantity's unit then makes its figure no day.
_TIME_PREPOSITIONS = ("of", "from", "by", "until", "till", "before", "after", "at")
_PREPOSITION_BEFORE = "|".join(rf"(?<=\b{word}\s)" for word in _TIME_PREPOSITIONS)
_TIME_DAY_GUARD = rf"(?!{_R_COUNT_AFTER}|{_UNIT_AFTER_DAY})"
_UNDOTTED_MONTH_DAY = (
    rf"(?:{_DETERMINER_BEFORE}(?-i:{_TITLE_ABBREVIATIONS}){_GAP}{_DAY_OF_MONTH}"
    rf"(?:{_YEAR_OF_DAY}|{_DETERMINED_UNDOTTED_DAY_GUARD})"
    rf"|(?:since |on |{_PREPOSITION_BEFORE})(?-i:{_TITLE_ABBREVIATIONS}){_GAP}{_DAY_OF_MONTH}"
    rf"(?:{_YEAR_OF_DAY}|{_TIME_DAY_GUARD})"
    rf"|(?=(?-i:{_TITLE_ABBREVIATIONS})\s){_NO_DETERMINER_BEFORE}{_CODE_NOUN_BEFORE}"
    rf"(?-i:{_TITLE_ABBREVIATIONS})"
    rf"{_GAP}{_DAY_OF_MONTH}"
    rf"(?:{_YEAR_OF_DAY}|{_DAY_GUARD})"
    rf"|{_DETERMINER_BEFORE}(?-i:{_UPPER_ABBREVIATIONS}){_SAME_LINE_GAP}{_DAY_OF_MONTH}"
    rf"{_DETERMINED_DAY_GUARD}(?=\s+(?-i:[a-z]))(?!\s+(?:{_CODE_NOUN_AFTER})\b)"
    rf"|(?-i:{_UPPER_ABBREVIATIONS}){_GAP}{_DAY_OF_MONTH}(?:,?{_GAP}\d{{4}}(?!\d))?"
    r"(?=[^\S\n]*(?:[(—–:-]|\n|\Z)))"
)
#: The day after its month: on the same line, or at the start of the next where a day may
#: stand there (:data:`_LINE_DAY_GUARD`).
_DAY_AFTER_MONTH = (
    rf"(?:{_SAME_LINE_GAP}{_DAY_OF_MONTH}|{_LINE_BREAK_GAP}{_DAY_OF_MONTH}{_LINE_DAY_GUARD})"
)
_DAY_MONTH_IN_TEXT = (
    rf"\d{{1,2}}{_GAP}" + _MONTH_OF_DAY + rf"(?:{_GAP}\d{{4}})?(?: (?:last|this|next) year)?"
)
#: The dates of one day, a word's first letter checked once before the words are tried
#: (each tried at every figure of a long text made finding its dates slower).
_SINGLE_IN_TEXT = (
    r"(?=[a-z])(?:"
    r"(?:(?:last|this|next) week,? )?"
    r"(?:on |last |this coming |this |next |coming )?(?:" + "|".join(WEEKDAY_NAMES) + r")\b"
    r"(?:,? (?:of )?(?:last|this|next) week\b)?|"
    r"(?:the day before )?yesterday|today|tonight|this (?:morning|afternoon|evening|week)\b|"
    r"last (?:night|week)\b|"
    rf"(?:since |on )?{_DOTTED_MONTH}{_DAY_AFTER_MONTH}(?:{_YEAR_OF_DAY})?{_YEAR_WORDS}|"
    rf"{_UNDOTTED_MONTH_DAY}{_YEAR_WORDS}|"
    rf"(?:since |on ){_DAY_MONTH_IN_TEXT})|{_DAY_MONTH_IN_TEXT}"
)
#: The endings of the adjectives of states that English also writes as the people's noun
#: in the plural: a hissing sound ("the French", "the British", "the Swiss", "the
#: Lebanese", "2,000 Kyrgyz"); "Kenyan" and "Greek" take an "-s" (:data:`_PEOPLE_PLURAL`).
_HISSING_ENDINGS = ("ch", "sh", "ss", "z", "ois", "ese")


@lru_cache(maxsize=1)
def _peoples_of_states() -> str:
    """The one-word adjectives of states that name their people in the plural (endings of
    :data:`_HISSING_ENDINGS`), as an alternation for :data:`_PEOPLES_OF_STATES`. The
    countries module is imported here, not at the top: it imports this one (through the
    sentences module)."""
    from extractor.text.countries import ADJECTIVES, DEMONYMS

    words = {*ADJECTIVES.values(), *(word for names in DEMONYMS.values() for word in names)}
    return _alternation(w for w in words if w.isalpha() and w.endswith(_HISSING_ENDINGS))


class _CompiledOnFirstUse:
    """A pattern of dates in text, compiled when it is first searched: it names the peoples
    of :func:`_peoples_of_states`, which cannot be read while this module loads."""

    def __init__(self, source: str) -> None:
        self._source = source

    @cached_property
    def compiled(self) -> re.Pattern[str]:
        peoples = f"(?:{_peoples_of_states()})"
        return re.compile(self._source.replace(_PEOPLES_OF_STATES, peoples), re.IGNORECASE)

    def search(self, string: str) -> re.Match[str] | None:
        return next(self.finditer(string), None)

    def finditer(self, string: str) -> Iterator[re.Match[str]]:
        return (m for m in self.compiled.finditer(string) if not _names_a_day(m))


#: A capitalised word glued before a weekday that reads as a date's own word, not a name's
#: ("On Monday", "Late Sunday", "Last Friday").
_TIME_WORDS_BEFORE = frozenset(
    ("on", "late", "early", "by", "since", "until", "till", "last", "this", "next", "past",
     "coming", "from", "through", "before", "after", "every", "each", "overnight", "midday")
)  # fmt: skip
#: Adjectives that make a name of the weekday after them at a sentence's start, where
#: every word is capitalised anyway ("Good Friday is a holiday", "Black Friday sales
#: rose"): the capital proves nothing there, so only a known name's adjective does;
#: "Nigeria Monday condemned", "Troops Monday killed" are a subject and its date.
_NAMED_DAY_ADJECTIVES = frozenset(
    ("good", "black", "bloody", "holy", "super", "cyber", "ash", "easter", "palm", "maundy",
     "shrove", "great", "fat", "blue", "whit", "passion", "plough", "spy")
)  # fmt: skip
#: What before that capitalised word makes it a place or a name's part, not an adjective
#: of a named day: a preposition of place or a comma ("in Denver Monday", "Minneapolis,
#: Minnesota Monday"), or another capitalised word ("President Biden Monday").
_PLACE_BEFORE_NAME = re.compile(
    r"(?:(?<!\w)(?:in|at|to|into|from|near|outside|across|around|toward|towards)\s+|,\s*"
    r"|(?-i:[A-Z])[\w.'’-]*\s+)$",
    re.IGNORECASE,
)


def _names_a_day(match: re.Match[str]) -> bool:
    """Whether an English bare weekday ``match`` ("Friday") is part of a name of a day:
    English capitalises a weekday anyway, so a capitalised adjective glued before it
    ("the Good Friday Agreement", "the Bloody Sunday inquiry", "during Black Friday
    sales", "the Super Tuesday primaries") makes a name, not a date of this week. Not a
    word of the date's own ("On Monday", "Late Sunday"), a place ("in Denver Monday",
    ", Minnesota Monday") nor a name written before the weekday ("President Biden
    Monday"): those are the weekday's news-style adjunct."""
    if match.group(0).lower() not in WEEKDAYS:
        return False
    before = match.string[: match.start()]
    glued = re.search(r"(?<![\w'’-])((?-i:[A-Z])[a-z]+)\s+$", before)
    if glued is None or glued.group(1).lower() in _TIME_WORDS_BEFORE:
        return False
    if glued.group(1).endswith("ing"):  # "Starting Monday", "Beginning Friday"
        return False
    if glued.group(1).lower() in _NAMED_DAY_ADJECTIVES:  # "Orthodox Easter Sunday" too
        return True
    if _opens_a_sentence(before[: glued.start()]):
        if _a_subject(glued.group(1)):
            return False
        return _NOUN_AFTER_NAMED_DAY.match(match.string, match.end()) is not None
    return _PLACE_BEFORE_NAME.search(before[: glued.start()]) is None


#: The end of a sentence before a word: a full stop after a lower-case word (not an
#: initial's "U.S. " nor a title's "Gov. "), or a question or exclamation mark.
_TITLES_BEFORE_A_STOP = ("Gov", "Sen", "Rep", "Gen", "Col", "Capt", "Sgt", "Lt", "Prof", "Mr",
                         "Mrs", "Ms", "Dr", "St", "Jr", "Sr")  # fmt: skip
_SENTENCE_END = re.compile(
    r"(?:(?<![A-Z])" + "".join(rf"(?<!\b{title})" for title in _TITLES_BEFORE_A_STOP) + r"\."
    r"|[!?])[\"'”’)\]]*\s+$"
)


def _opens_a_sentence(before: str) -> bool:
    """Whether the text ``before`` a word ends where a sentence starts: nothing but
    punctuation, or a sentence's end ("... in Derry. Remembrance Sunday marches")."""
    return not re.search(r"\w", before) or _SENTENCE_END.search(before) is not None


def _a_subject(word: str) -> bool:
    """Whether a capitalised word glued before a weekday at a sentence's start is a subject
    the weekday dates, never the adjective of a named day: a plural ("Troops Monday
    overran", "Officials Sunday urged", "Gunmen Friday stormed"; the adjectives of named
    days are singular: "Palm", "Remembrance", "Mad") or the name of a state or of a city
    ("Russia Sunday rejects", "Kenya Monday sought", "Moscow Sunday drove")."""
    low = word.lower()
    if low.endswith("s") and not low.endswith(("ss", "us", "is", "as")):
        return True
    if low.endswith("men") or low in ("police", "people"):
        return True
    from extractor.text.countries import state_named  # countries reads dates: no cycle
    from extractor.text.gazetteer import main_city_index  # loaded on first use, no cycle
    from extractor.text.grounding import normalise_text

    if state_named(word) is not None:
        return True
    return normalise_text(low, accents=False) in main_city_index()


#: What after a weekday, at a sentence's start after a capitalised word, makes the pair a
#: name's subject, not a subject and its date: a lower-case noun ("Remembrance Sunday
#: commemorations were held", "Mad Friday marches drew") where the date's reading has
#: its verb ("Nigeria Monday condemned", "Officials Monday said", "Troops Monday also
#: killed"): not a past form, an adverb, an auxiliary, a conjunction or preposition, or a
#: part of the day ("Police Sunday night arrested").
_NOUN_AFTER_NAMED_DAY = re.compile(
    r"[ \t]+(?!(?:[a-z]+(?:ed|ly)|said|told|met|held|left|sent|won|lost|fought|struck|hit|"
    r"shot|took|gave|made|began|went|came|saw|led|fled|spoke|wrote|flew|set|put|ran|"
    r"is|are|was|were|has|have|had|will|would|can|could|may|might|must|shall|should|"
    r"did|does|do|also|again|not|never|still|already|once|and|or|but|in|at|on|to|for|"
    r"with|by|from|of|that|as|after|before|during|night|morning|afternoon|evening"
    r")(?![\w'’-]))(?-i:[a-z])[a-z'’-]*(?![\w.])"
    # a verb's object after it: an article, a determiner, a figure or a name ("Biden
    # Monday rejects the plan", "Police Monday say 12 died", "Ruto Sunday met Biden")
    r"(?![ \t]+(?:(?:the|a|an|this|that|these|those|his|her|its|their|our|some|all|no|"
    r"him|them|it|us|up|out|off|down)(?![\w'’-])|\d|(?-i:[A-Z])))"
)


DATE_IN_TEXT = _CompiledOnFirstUse(rf"\b(?:{_ranges_in_text()}|{_SINGLE_IN_TEXT})")
#: :data:`DATE_IN_TEXT` without its ranges, for a text that writes none: every range names
#: a month or joins two years, and trying the ranges at each figure of a long text made
#: finding its dates several times slower.
_SINGLE_DATE_IN_TEXT = _CompiledOnFirstUse(rf"\b(?:{_SINGLE_IN_TEXT})")
_YEARS_RANGE_HINT = re.compile(
    rf"(?:1[89]|20)[0-9]{{2}}{_unnamed(_R_SEP)}(?:1[89]|20)[0-9]{{2}}", re.IGNORECASE
)


def _may_write_range(text: str) -> bool:
    """Whether ``text`` may write a range of :data:`DATE_IN_TEXT`: it names a month, writes
    an abbreviated one next to a figure, or joins two years. A cheap test (a literal search
    per month), no proof."""
    low = text.lower()
    return (
        any(name in low for name in MONTH_NAMES)
        or _ABBREVIATED_MONTH_HINT.search(text) is not None
        or _YEARS_RANGE_HINT.search(text) is not None
    )


def _range(raw: str, published: date | None, tense: Tense | None = None) -> ResolvedDate | None:
    """A range of days, months or years written in ``raw`` ("3-5 March 2025", "March 3-5",
    "between January and March 2025", "from 2020 to 2023"), or None."""
    best: re.Match[str] | None = None
    for pattern in _RANGES:
        match = pattern.search(raw)
        if match is not None and (best is None or match.start() < best.start()):
            best = match
    if best is None:
        return None
    groups = best.groupdict()
    if groups.get("s", "").lower() == "and" and not groups.get("b"):
        return None  # "3 and 5 March": two days, read one by one
    for name in ("m1", "m2"):
        if groups.get(name) == "may":  # lower case: the verb ("3 to 5 may die")
            return None
    try:
        return _range_value(groups, published, best.group(0), tense)
    except ValueError:
        return _no_such_day(best.group(0))


def _range_value(
    groups: dict[str, str | None], published: date | None, written: str, tense: Tense | None = None
) -> ResolvedDate | None:
    def number(name: str) -> int | None:
        text = groups.get(name)
        return int(re.sub(r"\D", "", text)) if text else None

    if groups.get("ya"):
        first, last = number("ya"), number("yb")
        assert first is not None and last is not None
        if last <= first:
            return None
        return ResolvedDate(_year(first), "year", "range", _year(last))
    m1 = MONTHS[str(groups.get("m1") or groups.get("m2")).lower()]
    m2 = MONTHS[str(groups.get("m2") or groups.get("m1")).lower()]
    d1, d2 = number("d1"), number("d2")
    y2 = number("y2")
    y1 = number("y1") or number("y1b")
    if d1 is not None and d2 is not None and m1 == m2 and d2 < d1 and not groups.get("m1"):
        m1 = m1 - 1 or 12  # "30-2 April": from 30 March
        if y1 is None and y2 is not None and m1 == 12:
            y1 = y2 - 1
    if y2 is None and y1 is None:
        if published is None:
            return ResolvedDate(None, None, "unresolved")
        y1 = _closest_year(m1, d1, published, tense)
    if d1 is None or d2 is None:  # months
        if y1 is None:
            assert y2 is not None
            y1 = y2 if m1 <= m2 else y2 - 1
        if y2 is None:
            y2 = y1 if m2 >= m1 else y1 + 1
        if (y2, m2) <= (y1, m1):
            return None
        return ResolvedDate(_month(y1, m1), "month", "range", _month(y2, m2))
    if y1 is None:
        assert y2 is not None
        y1 = y2 if (m1, d1) <= (m2, d2) else y2 - 1
    if y2 is None:
        y2 = y1 if (m2, d2) >= (m1, d1) else y1 + 1
    start, end = date(y1, m1, d1), date(y2, m2, d2)
    if end <= start:
        return _no_such_day(written) if end < start else ResolvedDate(_day(start), "day", "exact")
    return ResolvedDate(_day(start), "day", "range", _day(end))


#: A weekday's own modifiers, as whole words next to it: "last Monday", "next Friday",
#: "this coming Sunday", "Monday next" (a test of "last" anywhere in the text moved "the
#: blast on Wednesday" a week back).
_WEEKDAY = re.compile(rf"\b({'|'.join(WEEKDAY_NAMES)})\b")
_WEEKDAY_BEFORE_NEXT = re.compile(r"\b(?:next|coming|upcoming|following)\s+$")
_WEEKDAY_BEFORE_LAST = re.compile(r"\b(?:last|past|previous|preceding)\s+$")
_WEEKDAY_AFTER = re.compile(
    r"^\s+(?:(next|last)\b(?!\s+[a-z])|(?:of\s+)?(?:the\s+)?"
    r"(last|past|previous|this|current|next|coming|following)\s+week\b)"
)
#: The week a weekday is of when the text names it apart ("last week on Monday").
_WEEK = re.compile(r"\b(last|past|previous|this|current|next|coming|following)\s+week\b")
_WEEK_OFFSET = {"last": -1, "past": -1, "previous": -1, "this": 0, "current": 0, "next": 1,
                "coming": 1, "following": 1}  # fmt: skip
#: "a", "an" and the words that count: "seven days ago", "a fortnight ago", "twenty years ago".
_AGO = re.compile(r"\b((?:[a-z0-9]+[\s-]+){0,4}?)(days?|weeks?|fortnights?|months?|years?)\s+ago\b")


def _weekday(low: str, published: date) -> ResolvedDate | None:
    """A weekday, with the modifiers written next to it: the weekday of the week named
    ("Monday last week"), the next one strictly after ("next Monday"), the last one
    strictly before ("last Monday"), else the nearest on or before the publication date."""
    match = _WEEKDAY.search(low)
    if match is None:
        return None
    index = WEEKDAYS[match.group(1)]
    before, after = low[: match.start()], low[match.end() :]
    attached = _WEEKDAY_AFTER.match(after)
    week = None
    if attached is not None and attached.group(2):
        week = attached.group(2)
    else:
        named = _WEEK.search(low)
        week = named.group(1) if named is not None else None
    if week is not None:
        return _day_of_week(published, _WEEK_OFFSET[week], index)
    if _WEEKDAY_BEFORE_NEXT.search(before) or (
        attached is not None and attached.group(1) == "next"
    ):
        return ResolvedDate(_day(_weekday_after(published, index)), "day", "exact")
    strictly = bool(_WEEKDAY_BEFORE_LAST.search(before)) or (
        attached is not None and attached.group(1) == "last"
    )
    return ResolvedDate(_day(_weekday_before(published, index, strictly)), "day", "exact")


def _day_of_week(published: date, weeks: int, index: int) -> ResolvedDate:
    """Weekday ``index`` of the week ``weeks`` from the publication date's (-1: last
    week's, 1: next week's), weeks running Monday to Sunday."""
    monday = published - timedelta(days=published.weekday())
    return ResolvedDate(_day(monday + timedelta(weeks=weeks, days=index)), "day", "exact")


def _weekday_after(published: date, index: int) -> date:
    return published + timedelta(days=(index - published.weekday()) % 7 or 7)


def _weekday_before(published: date, index: int, strictly: bool) -> date:
    delta = (published.weekday() - index) % 7
    return published - timedelta(days=delta or (7 if strictly else 0))


def _ago(low: str, published: date) -> ResolvedDate | None:
    """ "N units ago", N in figures or words ("seven", "twenty", "a", "a fortnight")."""
    match = _AGO.search(low)
    if match is None:
        return None
    words = re.split(r"[\s-]+", match.group(1).strip())
    n = _count(words)
    if n is None:
        return None
    unit = match.group(2).rstrip("s")
    if unit == "fortnight":
        n, unit = 2 * n, "week"
    if unit == "day":
        return ResolvedDate(_day(published - timedelta(days=n)), "day", "exact")
    if unit == "week":
        return ResolvedDate(_day(published - timedelta(weeks=n)), "day", "approximate")
    if unit == "month":
        y, m = _shift_month(published, -n)
        return ResolvedDate(_month(y, m), "month", "approximate")
    return ResolvedDate(_year(published.year - n), "year", "approximate")


def _count(words: list[str]) -> int | None:
    """The number the last words before a unit write ("seven", "twenty one", "12", "a"):
    the longest run of number words ending at the unit (the words before it are the
    sentence's: "killed 3 people two days ago" is two days)."""
    words = [w for w in words if w]
    if not words:
        return None
    if words[-1] in ("a", "an"):
        return 1
    if words[-1].isdigit():
        return int(words[-1])
    from extractor.text.quantities import parse_number

    found = None
    for start in range(len(words) - 1, -1, -1):
        if words[start].isdigit():
            break
        phrase = " ".join(words[start:])
        value = parse_number(phrase, "en")
        if value is None or value != value.to_integral_value():
            break
        found = int(value)
    return found


def _relative(low: str, published: date) -> ResolvedDate | None:
    approx: DateKind = "approximate" if re.search(r"\b(recent|lately|ago)\b", low) else "exact"
    if re.search(r"\bthe\s+day\s+before\s+yesterday\b", low):
        return ResolvedDate(_day(published - timedelta(days=2)), "day", "exact")
    if re.search(r"\bthe\s+day\s+after\s+tomorrow\b", low):
        return ResolvedDate(_day(published + timedelta(days=2)), "day", "exact")
    if re.search(r"\btoday\b|\bthis morning\b|\btonight\b|\bthis evening\b", low):
        return ResolvedDate(_day(published), "day", "exact")
    if "yesterday" in low or "last night" in low:
        return ResolvedDate(_day(published - timedelta(days=1)), "day", "exact")
    if "tomorrow" in low:
        return ResolvedDate(_day(published + timedelta(days=1)), "day", "exact")
    weekday = _weekday(low, published)
    if weekday is not None:
        return weekday
    if re.search(r"\b(?:past|last)\s+(?:7|seven)\s+days\b|\bpast\s+week\b", low):
        # "in the past week": the seven days to the article, not the calendar week before
        return ResolvedDate(_day(published - timedelta(days=7)), "day", "range", _day(published))
    if re.search(r"\blast week\b|\bprevious week\b", low):
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
    ago = _ago(low, published)
    if ago is not None:
        return ago
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
_RELATIVE_KEYS = ("0 day ago", "1 day ago", "2 day ago", "in 1 day", "in 2 day", "0 week ago",
                  "1 week ago", "0 month ago", "1 month ago", "0 year ago", "1 year ago")  # fmt: skip
#: What joins the two days of a range ("10 y 11 de mayo", "10.-11. Mai").
#: One list for every language, the same range grammar as English's (:func:`_range_forms`):
#: "del 3 al 5 de marzo", "du 3 au 5 mars", "dal 3 al 5 marzo", "de 3 a 5 de março",
#: "с 3 по 5 марта", "3 до 5 марта"; the until words too ("desde el 3 hasta el 5 de marzo",
#: "du 3 jusqu'au 5 mars", "dal 3 fino al 5 marzo", "de 3 até 5 de março", "do dia 3 ao dia 5
#: de março"). Without them the range was read from its second figure: "del 3 al 5 de
#: marzo", then "desde el 3 hasta el 5 de marzo", was 5 March.
_DAY_RANGE = (
    r"(?:\s*(?:-|–|—|y|e|et|und|bis(?:\s+zum)?|и|по|до|hasta|jusqu\s*['’]\s*(?:au|à)"
    r"|fino\s+al?|até|ate|ao|al|au|à|a|to)(?:\s+(?:el|le|il|o))?(?:\s+d[ií]a)?\s*)"
)
#: What may follow a day's figure ("1er", "1.", "1º", "1-го").
_DAY_MARK = r"(?:er|\.|º|°|-?го)?"
#: The until words of :data:`_DAY_RANGE`: unlike "al", "au", "a", "до", they also end a
#: count's period ("La cifra llegó a 12 hasta el 5 de marzo", "I morti erano 40 fino al 28
#: marzo"), so they join two days only when the first is marked as a day (:func:`_marked_as_day`).
_UNTIL_WORD = re.compile(r"(?<!\w)(?:hasta|jusqu|fino|até|ate|ao)(?!\w)", re.IGNORECASE)
#: The word before a range's first figure that marks it as a day: a from word ("desde el",
#: "del", "du", "depuis le", "dal", "dall'", "do dia", "vom", "с"; "desde el", "depuis le",
#: "a partir del" end with one of them), or an article ("el 3", "le 3", "il 3").
_DAY_START_WORDS = frozenset({
    "desde", "depuis", "dès", "del", "du", "dal", "dai", "dall'", "dall’", "do",
    "vom", "von", "ab", "с", "со", "от", "el", "le", "il", "lo",
})  # fmt: skip
#: A day word between that mark and the figure ("el día 3", "do dia 3", "le jour 3"); the
#: article "o" ("o dia 3"), "no", "em" mark a day only with it ("2 o 3" is "2 or 3").
_DAY_WORDS = frozenset({"día", "dia", "giorno", "jour"})
#: The plural day words, a mark of their own: "los días 3 al 5 de marzo", "nei giorni 3 al 5".
_DAYS_WORDS = frozenset({"días", "dias", "giorni", "jours", "дни", "числа", "tage"})
_DAY_START_WITH_DAY_WORD = frozenset({"o", "no", "em", "de", "desde", "do", "el"})
#: Spanish and Portuguese write a range's start with a bare "de" ("de 3 a 5 de marzo", "de 3
#: até 5 de março"); French and Italian never ("du 3", "dal 3"): their "de", "da" before a
#: figure is a quantity's ("Le bilan était de 12", "da 10 fino a 12 persone").
_BARE_DE_LANGUAGES = frozenset({"es", "pt"})
#: The words before that "de" that make the figure after it a count by themselves: a
#: quantifier, a noun of the toll or a verb of a count's change ("un total de 3", "más de
#: 12", "cerca de 5", "o número passou de 12", "aumentó de 3").
_AMOUNT_BEFORE_DE = frozenset({
    "total", "cifra", "balance", "saldo", "máximo", "maximo", "mínimo", "minimo", "más", "mas",
    "mais", "menos", "cerca", "alrededor", "número", "numero", "acima", "perto", "volta",
    "muertos", "mortos", "muertes", "mortes", "víctimas", "vítimas", "heridos", "feridos",
    "pasó", "pasaron", "passou", "passaram", "subió", "subiu", "aumentó", "aumentou", "creció",
    "cresceu", "bajó", "cayó", "caiu", "diminuiu", "disminuyó", "ficou",
})  # fmt: skip
#: The copulas before that "de": they make the figure a count only when a noun of amount is
#: their subject ("la cifra era de 12", "o total de mortos foi de 3"); after any other
#: subject "de 3 a 5 de marzo" is the frame of a range of days ("La cumbre será de 3 a 5 de
#: marzo", "O evento é de 10 a 12 de março" lost their first day as counts).
_COPULAS_BEFORE_DE = frozenset({
    "es", "era", "eran", "fue", "fueron", "será", "sería", "son", "é", "foi", "foram", "eram",
    "seria", "serão", "serán", "estará", "estarão",
})  # fmt: skip
#: How many words before a copula its subject's head is looked for ("el foro con más de cien
#: países será de": six words).
_COPULA_SUBJECT_WORDS = 7
#: The Spanish and Portuguese determiners that open a noun phrase: the first word after the
#: last one no preposition governs is the copula's subject's head ("la cumbre", "a cúpula").
_DETERMINERS_BEFORE_DE = frozenset({
    "el", "la", "los", "las", "un", "una", "unos", "unas", "este", "esta", "estos", "estas",
    "ese", "esa", "esos", "esas", "su", "sus", "o", "a", "os", "as", "um", "uma", "uns", "umas",
    "esse", "essa", "esses", "essas", "seu", "sua", "seus", "suas",
})  # fmt: skip
#: The prepositions whose object a determiner after them opens ("sobre las víctimas", "a los
#: heridos"): that noun phrase is a complement, not the subject.
_PREPOSITIONS_BEFORE_DE = frozenset({
    "de", "del", "en", "con", "sobre", "para", "por", "entre", "sin", "tras", "desde", "hasta",
    "hacia", "contra", "ante", "a", "al", "em", "com", "sem", "sob", "até", "do", "da", "dos",
    "das", "no", "na", "nos", "nas", "pelo", "pela", "pelos", "pelas", "ao", "aos",
})  # fmt: skip
#: Every word before "de" that may make the figure after it a count, for the other
#: languages' kin (:data:`_COUNT_BEFORE_FIGURE`).
_COUNT_BEFORE_DE = _AMOUNT_BEFORE_DE | _COPULAS_BEFORE_DE
#: How far before a range's first day its start mark is looked for (a constant window, not
#: the text before it: a long text's hits each read only this), wide enough for a copula's
#: subject ("la conferencia sobre víctimas será de": :data:`_COPULA_SUBJECT_WORDS`).
_DAY_START_WINDOW = 80


def _marked_as_day(before: str, language: str) -> bool:
    """Whether the text just before a figure marks it, in ``language``, as a range's first
    day (:data:`_DAY_START_WORDS`), and nothing makes it a count ("un total de 3")."""
    if not before or not (before[-1].isspace() or before[-1] in "'’"):
        return False
    words = before.lower().split()[-3:]
    if words and words[-1] in _DAYS_WORDS:
        return True
    if words and words[-1] in _DAY_WORDS:
        words.pop()
        if words and words[-1] in _DAY_START_WITH_DAY_WORD:
            return True
    if not words:
        return False
    if words[-1] == "de":
        return language in _BARE_DE_LANGUAGES and not _counted_after_de(
            before.lower().split()[-2 - _COPULA_SUBJECT_WORDS : -1]
        )
    return words[-1] in _DAY_START_WORDS


def _counted_after_de(words: list[str]) -> bool:
    """Whether ``words``, the words before a Spanish or Portuguese "de", make the figure
    after it a count: a word of amount just before it, or a copula whose subject's head is
    one ("la cifra era de 3", "el número de muertos fue de 3"; "la cumbre será de 3 a 5 de
    marzo", "Mas a cúpula será de 3 a 5 de março", "La conferencia sobre víctimas será de
    10 a 12 de mayo" are ranges of days: "mas" and "víctimas" are no subject's head)."""
    if not words:
        return False
    if words[-1] in _AMOUNT_BEFORE_DE:
        return True
    return words[-1] in _COPULAS_BEFORE_DE and _subject_head(words[:-1]) in _AMOUNT_BEFORE_DE


def _subject_head(words: list[str]) -> str | None:
    """The head of the noun phrase ``words`` (the words before a copula) end with: the word
    after the last determiner no preposition governs, or the copula's neighbour when no
    determiner is written ("víctimas fueron de 3"); ``None`` for no words."""
    words = [w.strip(",;:()«»\"'") for w in words]
    words = [w for w in words if w]
    for i in range(len(words) - 2, -1, -1):
        if words[i] in _DETERMINERS_BEFORE_DE and (
            i == 0 or words[i - 1] not in _PREPOSITIONS_BEFORE_DE
        ):
            return words[i + 1]
    return words[-1] if words else None


def _marked_until_range(match: re.Match[str], words: _Words) -> re.Match[str] | None:
    """``match``, or the date its last day writes alone when a word joins two figures and the
    first is no range's first day: nothing marks it as a day (a from word, an article, its
    own mark "3." or "1er"; an until word wants a word before it), or it is not before the
    second. The first is a count ("Se registraron 3 hasta el 28 de marzo" is 28 March, not 3
    to 28 March; "12 hasta el 5 de marzo", "Le bilan s'élevait à 12 au 5 mars" were 12 March)."""
    groups = match.groupdict()
    if not groups.get("d2") or not groups.get("d1"):
        return match
    text = match.string
    joiner = text[match.end("d1") : match.start("d2")]
    if _JOINING_WORD.search(joiner) is None:
        return match  # "3-5 марта", "10 y 11 de mayo": two days whatever comes before
    before = text[max(0, match.start() - _DAY_START_WINDOW) : match.start()]
    if _can_start_range(groups["d1"], groups["d2"]) and (
        _marked_as_day(before, words.language)
        or (
            _UNTIL_WORD.search(joiner) is None
            and (not groups["d1"].isdigit() or not _counted_figure(before))
        )
    ):
        return match
    return words.pattern.match(text, match.start("d2"))


#: The words just before a figure that make it a count, not a day ("Le bilan s'élevait à 3
#: au 5 mars", "I morti erano 3 al 5 marzo", «Погибших было 3 до 5 марта», "Die Zahl stieg
#: auf 3 bis 5. März"): a copula, a verb of a count's level or change, a noun of the toll or
#: a quantifier; those Spanish and Portuguese write before "de" (:data:`_COUNT_BEFORE_DE`)
#: and their kin in the other languages. A preposition of amount may stand between them
#: and the figure (:data:`_AMOUNT_PREPOSITIONS`).
_COUNT_BEFORE_FIGURE = _COUNT_BEFORE_DE | frozenset({
    # fr
    "était", "étaient", "est", "sont", "fut", "sera", "serait", "s'élevait", "s'élève",
    "s’élevait", "s’élève", "élevé", "atteint", "atteignait", "passé", "passait", "monté",
    "grimpé", "comptait", "compte", "bilan", "plus", "moins", "environ",
    # it
    "erano", "è", "sono", "fu", "furono", "salito", "salita", "saliti", "arrivato", "arrivata",
    "giunto", "giunta", "cresciuto", "aumentato", "sceso", "bilancio", "oltre", "circa",
    # es, pt
    "llegó", "ascendió", "ascendía", "alcanzó", "chegou", "ascendeu", "atingiu", "eran",
    # de
    "war", "waren", "ist", "sind", "stieg", "steigt", "betrug", "beträgt", "lag", "liegt",
    "gestiegen", "erreichte", "insgesamt", "mindestens", "über", "rund", "etwa",
    # ru, uk
    "было", "была", "были", "был", "составило", "составляло", "составил", "составила",
    "выросло", "вырос", "выросла", "достигло", "достиг", "увеличилось", "погибли", "погибло",
    "було", "були", "становило", "зросло", "зросла", "сягнуло", "загинули",
    "более", "около", "понад", "близько",
    # en
    "was", "were", "is", "are", "rose", "reached", "stood", "totalled", "totaled",
})  # fmt: skip
#: The prepositions that put an amount after a count's verb ("s'élevait à 3", "salito a 3",
#: "stieg auf 3", "выросло до 3", "rose to 3", "era de 3").
_AMOUNT_PREPOSITIONS = frozenset({"à", "a", "auf", "до", "на", "de", "da", "di", "to", "at"})


def _counted_figure(before: str) -> bool:
    """Whether the text just before a figure makes it a count: its last word, or the one
    before a preposition of amount, is a count's verb or word (:data:`_COUNT_BEFORE_FIGURE`);
    such a figure opens no range of days unless marked as a day."""
    words = before.lower().split()[-2:]
    if len(words) == 2 and words[-1] in _AMOUNT_PREPOSITIONS:
        words.pop()
    return bool(words) and words[-1] in _COUNT_BEFORE_FIGURE


#: A word joining two figures in :data:`_DAY_RANGE` ("al", "au", "до", "bis", "hasta"), not
#: a dash or a conjunction ("10 y 11 de mayo" lists two days): after a count such a word
#: also ends its period ("Le bilan s'élevait à 12 au 5 mars", "Погибших было 7 до 5 марта").
_JOINING_WORD = re.compile(r"(?<!\w)(?!(?:y|e|et|und|и)(?!\w))\w", re.IGNORECASE)


def _can_start_range(first: str, last: str) -> bool:
    """Whether day ``first`` can open a range of one month that ends on day ``last``: it comes
    before it ("du 3 au 5 mars"; "12 au 5 mars" is a count of 12 up to 5 March)."""
    return int(re.sub(r"\D.*", "", first)) < int(re.sub(r"\D.*", "", last))


#: Month names a language writes that dateparser's locale lacks: the Syriac (Levantine)
#: months of Arabic in Syria, Lebanon, Jordan, Palestine and Iraq ("3 آذار 2025"); the
#: prepositional (locative) case of Russian and Ukrainian months, which a month without
#: its day takes ("в марте 2024 года", "у березні 2024 року": March 2024, not 2024; the
#: locale has only the nominative and genitive).
_EXTRA_MONTHS: dict[str, dict[str, int]] = {
    "ru": {
        "январе": 1, "феврале": 2, "марте": 3, "апреле": 4, "мае": 5, "июне": 6, "июле": 7,
        "августе": 8, "сентябре": 9, "октябре": 10, "ноябре": 11, "декабре": 12,
    },
    "uk": {
        "січні": 1, "лютому": 2, "березні": 3, "квітні": 4, "травні": 5, "червні": 6,
        "липні": 7, "серпні": 8, "вересні": 9, "жовтні": 10, "листопаді": 11, "грудні": 12,
    },
    "ar": {
        "كانون الثاني": 1, "شباط": 2, "آذار": 3, "اذار": 3, "نيسان": 4, "أيار": 5, "ايار": 5,
        "حزيران": 6, "تموز": 7, "آب": 8, "اب": 8, "أيلول": 9, "ايلول": 9, "تشرين الأول": 10,
        "تشرين الاول": 10, "تشرين الثاني": 11, "كانون الأول": 12, "كانون الاول": 12,
    },
}  # fmt: skip

#: Per language, the words after a weekday that name its week, as English's "of last week"
#: (:data:`_WEEKDAY_AFTER`): "el lunes de la semana pasada" is last week's Monday, not the
#: last Monday (read so, the modifier was lost and the day was this week's).
_WEEK_AFTER_WEEKDAY: dict[str, dict[str, int]] = {
    "es": {"de la semana pasada": -1, "de la pasada semana": -1, "de la semana anterior": -1,
           "de la próxima semana": 1, "de la proxima semana": 1, "de la semana próxima": 1,
           "de la semana que viene": 1, "de la semana siguiente": 1, "de esta semana": 0},
    "fr": {"de la semaine dernière": -1, "de la semaine passée": -1,
           "de la semaine précédente": -1, "de la semaine prochaine": 1,
           "de la semaine suivante": 1, "de cette semaine": 0},
    "de": {"letzter woche": -1, "vergangener woche": -1, "voriger woche": -1,
           "der letzten woche": -1, "der vergangenen woche": -1, "nächster woche": 1,
           "kommender woche": 1, "der nächsten woche": 1, "der kommenden woche": 1,
           "dieser woche": 0},
    "ru": {"на прошлой неделе": -1, "прошлой недели": -1, "на прошедшей неделе": -1,
           "на следующей неделе": 1, "следующей недели": 1, "на будущей неделе": 1,
           "на этой неделе": 0, "этой недели": 0},
    "it": {"della settimana scorsa": -1, "della scorsa settimana": -1,
           "della settimana passata": -1, "della settimana prossima": 1,
           "della prossima settimana": 1, "di questa settimana": 0},
    "pt": {"da semana passada": -1, "da última semana": -1, "da ultima semana": -1,
           "da semana anterior": -1, "da próxima semana": 1, "da proxima semana": 1,
           "da semana que vem": 1, "da semana seguinte": 1, "desta semana": 0,
           "dessa semana": 0},
}  # fmt: skip
#: Chinese, Japanese and Korean write the week before its day, as one word: "上周三",
#: "上星期三", "上個禮拜三" (last week's Wednesday), "下週五", "先週(の)月曜日", "来週金曜日",
#: "지난 주 월요일". Read as "last" with the weekday alone, "上星期三" was the last Wednesday.
_WEEK_BEFORE_WEEKDAY: dict[str, int] = {
    "上": -1, "下": 1, "本": 0, "这": 0, "這": 0, "先週": -1, "前週": -1, "来週": 1, "今週": 0,
    "지난": -1, "다음": 1, "이번": 0,
}  # fmt: skip
_CJK_WEEK_DAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6,
                  "月": 0, "火": 1, "水": 2, "木": 3, "金": 4, "土": 5,
                  "월": 0, "화": 1, "수": 2, "목": 3, "금": 4, "토": 5, "일": 6}  # fmt: skip
#: Those words with their weekday, per language (groups ``cw``, the week, and ``cd``).
_WEEK_AND_WEEKDAY: dict[str, str] = {
    "zh": r"(?P<cw>[上下本这這])(?:个|個)?(?:周|週|星期|礼拜|禮拜)(?P<cd>[一二三四五六日天])",
    "ja": r"(?P<cw>先週|前週|来週|今週)の?(?P<cd>[月火水木金土日])曜日?",
    "ko": r"(?P<cw>지난|다음|이번)\s*주\s*(?P<cd>[월화수목금토일])요일(?:에는|에|의|은)?",
}

#: Per language, the words that move a weekday to the next one after the publication date
#: or the last one strictly before it ("el próximo lunes", "lundi dernier", "nächsten
#: Montag", "в прошлый понедельник", "下周一"): read as whole words next to the weekday.
_WEEKDAY_NEXT: dict[str, tuple[str, ...]] = {
    "es": ("próximo", "próxima", "proximo", "proxima", "que viene", "siguiente"),
    "fr": ("prochain", "prochaine"),
    "de": ("nächsten", "nächste", "nächster", "kommenden", "kommende", "kommender"),
    "ru": ("следующий", "следующую", "следующее", "следующая", "будущий", "ближайший",
           "ближайшую"),
    "pt": ("próximo", "próxima", "proximo", "proxima", "que vem"),
    "it": ("prossimo", "prossima"),
    "ar": ("المقبل", "القادم", "المقبلة", "القادمة"),
    "zh": ("下", "下个", "下個"),
    "ja": ("来週の", "来週"),
}  # fmt: skip
_WEEKDAY_LAST: dict[str, tuple[str, ...]] = {
    "es": ("pasado", "pasada", "último", "última", "ultimo", "ultima", "anterior"),
    "fr": ("dernier", "dernière", "passé", "passée"),
    "de": ("letzten", "letzte", "letzter", "vergangenen", "vergangene", "vorigen", "vorige"),
    "ru": ("прошлый", "прошлую", "прошлое", "прошлая", "прошедший", "прошедшую"),
    "pt": ("passado", "passada", "último", "última", "ultimo", "ultima"),
    "it": ("scorso", "scorsa"),
    "ar": ("الماضي", "الماضية", "السابق"),
    "zh": ("上", "上个", "上個"),
    "ja": ("先週の", "先週"),
}  # fmt: skip


def _week_after(text: str, end: int, language: str) -> int | None:
    """The week named just after a weekday ending at ``end`` ("lundi de la semaine
    dernière": -1), in weeks from the publication date's; None when none is."""
    pattern = _week_after_pattern(language)
    if pattern is None:
        return None
    found = pattern.match(text[end : end + 60].lower())
    return _WEEK_AFTER_WEEKDAY[language][" ".join(found.group(1).split())] if found else None


@lru_cache(maxsize=64)
def _week_after_pattern(language: str) -> re.Pattern[str] | None:
    phrases = _WEEK_AFTER_WEEKDAY.get(language)
    if not phrases:
        return None
    words = "|".join(
        r"\s+".join(re.escape(w) for w in p.split()) for p in sorted(phrases, key=len, reverse=True)
    )
    return re.compile(rf",?\s+({words})(?!\w)")


def _weekday_modifier(text: str, start: int, end: int, language: str) -> str | None:
    """ "next" or "last" when a word of ``language`` that says so is written next to the
    weekday at ``text[start:end]`` (up to two words before or after it), else None."""
    before, after = text[max(0, start - 40) : start].lower(), text[end : end + 40].lower()
    for name, (before_pattern, after_pattern) in _weekday_modifier_patterns(language):
        if before_pattern.search(before) or (
            after_pattern is not None and after_pattern.match(after)
        ):
            return name
    return None


@lru_cache(maxsize=64)
def _weekday_modifier_patterns(
    language: str,
) -> tuple[tuple[str, tuple[re.Pattern[str], re.Pattern[str] | None]], ...]:
    """The compiled patterns of :func:`_weekday_modifier`, once per language (built at each
    weekday of a long text, they made finding its dates several times slower)."""
    found: list[tuple[str, tuple[re.Pattern[str], re.Pattern[str] | None]]] = []
    for name, table in (("next", _WEEKDAY_NEXT), ("last", _WEEKDAY_LAST)):
        forms = table.get(language, ())
        if not forms:
            continue
        words = _alternation(forms)
        if language in ("zh", "ja"):
            found.append((name, (re.compile(rf"(?:{words})\s*$"), None)))
            continue
        found.append((name, (
            re.compile(rf"(?<!\w)(?:{words})(?!\w)\s+(?:\w+\s+)?$"),
            re.compile(rf"^\s+(?:\w+\s+)?(?:{words})(?!\w)"),
        )))  # fmt: skip
    return tuple(found)


#: The preposition of time a language writes before a month alone ("en febrero", "en
#: février", "im Februar", "в феврале", "em fevereiro", "a febbraio"): so written, the
#: whole month's name is a date of month precision (as "in February" is in English), its
#: year the one the tense gives (:func:`_closest_year`). Without it a month's name is too
#: often something else ("Mai" a name, "mars" a planet).
_MONTH_ALONE_AFTER: dict[str, tuple[str, ...]] = {
    "es": ("en", "En"), "fr": ("en", "En"), "de": ("im", "Im"), "ru": ("в", "В", "во", "Во"),
    "pt": ("em", "Em"), "it": ("a", "A", "in", "In"),
}  # fmt: skip


#: What a month alone must not run into: a compound or a name ("August-Bebel-Haus",
#: "Mai-Programm"), or a phrase that writes its year ("marzo del año pasado", "mars de
#: l'année dernière", "März letzten Jahres", "марте прошлого года", "de hace dos años"),
#: after a comma too ("en febrero, hace dos años"): the written year sets the month's,
#: never the tense, so the month is not read alone.
_NO_YEAR_PHRASE = (
    r"(?![\w-])(?!,?\s+(?:\S+\s+){0,4}?(?:\w+['’])?(?i:años?|année|ans?|anos?|anno|anni|jahr\w*|"
    r"vorjahr\w*|год\w*|лет)(?!\w))"
)


#: The words that join two months into one phrase of time ("febrero y marzo", "février
#: et mars", "Februar und März", "феврале и марте", "maggio e giugno").
_COORDINATORS = "y|e|et|und|и|and|ou|o|oder|или"


@dataclass(frozen=True)
class _Words:
    """One language's date words, lower case -> number (month 1-12, weekday 0-6)."""

    months: dict[str, int]
    weekdays: dict[str, int]
    relative: dict[str, str]
    pattern: re.Pattern[str]
    language: str = ""


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


def month_words(language: str) -> frozenset[str]:
    """The month names (lower case, full and short) ``language`` writes: English's own
    (:data:`MONTHS`), else dateparser's locale data. The one place other modules learn
    them (the strict score reads "7 mars", "7 марта" as a date, not a count of 7)."""
    if language == "en":
        return frozenset(MONTHS)
    words = _words(language)
    return frozenset(words.months) if words is not None else frozenset()


@lru_cache(maxsize=64)
def reads_dates(language: str) -> bool:
    """Whether dates written in ``language`` (ISO 639-1) can be read: English, or a
    language with a date grammar (:func:`_words`: its month and weekday names)."""
    return language == "en" or (language not in ("und", "") and _words(language) is not None)


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
    months.update(_EXTRA_MONTHS.get(language, {}))
    for form, number in list(months.items()):  # decomposed ("Ma\u0308rz"): März all the same
        months.setdefault(unicodedata.normalize("NFD", form), number)
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
    # sentence's own ("... 11 de mayo.", "3. bis 5. März."). An abbreviation is a short
    # form shorter than its month's longest ("mär", "mrz" of "märz"; "mai" of "maio").
    longest = {
        number: max(len(unicodedata.normalize("NFC", f)) for f, n in months.items() if n == number)
        for number in set(months.values())
    }
    month = "|".join(
        re.escape(form) + (r"\.?" if _abbreviation(form, longest[months[form]]) else "")
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
    whole = [f for f in months if not _abbreviation(f, longest[months[f]])]
    opens = _MONTH_ALONE_AFTER.get(language)
    if opens and whole:  # "en febrero", "en février", "im Februar", "в феврале"
        alone = _alternation(whole)
        after = "|".join(rf"(?<=(?<!\w){word}\s)" for word in opens)
        # a month joined to one that writes its year takes that year: "en febrero y marzo
        # de 2022", "im Februar und März 2022", "в феврале и марте 2022 года"
        partner = rf"(?:{_alternation(opens)})\s+"
        parts.append(
            rf"(?:{after})(?P<m5>{alone})(?=\s+(?:{_COORDINATORS})\s+(?:{partner})?"
            rf"(?:{month})\s+(?:de\s+|del\s+)?(?P<y5>{year})(?!\d))"
        )
        parts.append(rf"(?:{after})(?P<m4>{alone}){_NO_YEAR_PHRASE}")
    if str(info.get("date_order", "DMY")).startswith("M"):  # "March 14, 2022"
        parts.append(rf"(?P<m2>{month})\s+(?P<d3>\d{{1,2}})(?:,?\s+(?P<y2>{year}))?")
    if weekdays:
        parts.append(rf"(?P<w>{_alternation(weekdays)})")
    if relative:
        parts.append(rf"(?P<r>{_alternation(relative)})")
    if language in _WEEK_AND_WEEKDAY:  # "上周三", "先週月曜日", "지난 주 월요일": first
        parts.insert(0, _WEEK_AND_WEEKDAY[language])
    if language in ("zh", "ja"):  # "2023年6月15日", "6月15日", "2023年6月", "二〇二三年三月五日"
        # and a range of days: "3月3日至5日", "3月3日到5日", "3月3-5日"
        cjk_day = rf"\d{{1,2}}|[二三]?十[{_CJK_ONES}]?|[{_CJK_ONES}]"
        cjk_to = r"\s*(?:至|到|-|–|—|~|〜|～)\s*"
        parts.insert(
            0,
            rf"(?<![\d{_CJK_ZEROS}{_CJK_ONES}十])(?:(?P<zy>\d{{4}}|[{_CJK_ZEROS}{_CJK_ONES}]{{4}})年"
            rf"|{_ERA_YEAR_GROUPS})?"
            rf"(?P<zm>\d{{1,2}}|十[一二]?|[{_CJK_ONES}])月"
            rf"(?:(?P<zd>{cjk_day})(?:[日号號](?:{cjk_to}(?P<zd2>{cjk_day})[日号號])?"
            rf"|{cjk_to}(?P<zd3>{cjk_day})[日号號]))?",
        )
    edge_before, edge_after = ("", "") if language in ("zh", "ja") else (r"(?<!\w)", r"(?!\w)")
    pattern = re.compile(rf"{edge_before}(?:{'|'.join(parts)}){edge_after}", re.IGNORECASE)
    return _Words(months, weekdays, relative, pattern, language)


def _drafted_month(text: str, language: str | None) -> int | None:
    """The month a date field names by its full name alone ("febrero", "Februar",
    "февраль"), read at month precision like "en febrero". Only a whole date field is
    read so: in running text a month's name alone is too often something else ("Mayo",
    "Kanzler Mai"), so :func:`find_dates` reads it only after its preposition of time."""
    if language not in _MONTH_ALONE_AFTER:
        return None
    words = _words(str(language))
    month = words.months.get(text) if words is not None else None
    if words is None or month is None:
        return None
    spellings = [form for form, number in words.months.items() if number == month]
    longest = max(len(unicodedata.normalize("NFC", form)) for form in spellings)
    return None if _abbreviation(text, longest) else month


def _abbreviation(form: str, longest: int) -> bool:
    """Whether month spelling ``form`` is an abbreviation (may take a full stop): a short
    form shorter than its month's ``longest``, counted in composed letters ("ma\u0308r" is
    "mär")."""
    size = len(unicodedata.normalize("NFC", form))
    return size <= 4 and size < longest


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
    # the part of a month or a year: "3月初", "3月中旬", "2024年底", "2024年末"
    r"|(?<=月)\s*(?:初|上旬|中旬|下旬|底|末)|(?<=年)\s*年?(?:初|底|末)|(?<=年)年中"
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
        pattern = DATE_IN_TEXT if _may_write_range(text) else _SINGLE_DATE_IN_TEXT
        memo: dict[str, ResolvedDate] = {}  # "on Tuesday" written ten times is read once
        for match in pattern.finditer(text):
            written = match.group(0)
            resolved = memo.get(written)
            if resolved is None:
                resolved = memo[written] = resolve_date(written, published)
            if resolved.value is not None:
                found.append((written, resolved))
        return found
    words = _words(language)
    if words is None:
        return []
    results = []
    for written_match in words.pattern.finditer(text):
        date_match = _marked_until_range(written_match, words)
        if date_match is None or _counted_months(date_match):
            continue
        try:
            read = _resolve_match(date_match, words, published)
        except OverflowError:  # past the calendar's edge: no date (see resolve_date)
            continue
        if read is not None:
            read = _within_calendar(read, date_match.group(0), published)
        if read is not None and read.value is not None and not _in_a_name(date_match, language):
            results.append((date_match.group(0), _qualified(read, date_match, language)))
    return results


#: Languages that write their weekdays, months and relative days in lower case: a
#: capitalised one inside a sentence is a name ("el Viernes Santo", "Domingo").
_LOWER_CASE_DATES = frozenset({"es", "fr", "it", "pt", "ru"})
#: A capitalised adjective glued before a weekday inside a sentence (after a word, not a
#: sentence's end), in a language that writes its adjectives in lower case, so that the
#: capital makes a name: "Чёрная пятница", "Кровавое воскресенье", "der Schwarze
#: Freitag" (German capitalises its weekdays, as every noun, but no adjective).
_ADJECTIVE_GLUED: dict[str, re.Pattern[str]] = {
    "ru": re.compile(r"(?<=[\w,] )(?-i:[А-ЯЁ])[а-яё]*(?:ая|яя|ое|ее|ый|ий|ой)\s+$"),
    "de": re.compile(r"(?<=[\w,] )(?-i:[A-ZÄÖÜ])[a-zäöüß]*(?:e|er|es|en|em)\s+$"),
}


#: What after a capitalised date makes it a feast's name: a holy word ("el Viernes
#: Santo", "le Vendredi saint", "Venerdì Santo") or a capitalised name it is of ("el
#: Domingo de Ramos", "le Lundi de Pâques", "Lunedì dell'Angelo").
_HOLY_AFTER = re.compile(
    r"\s+(?:(?i:sant[oa]|saint|sainte)(?!\w)|(?i:de|des|del|di|da|do|du)\s+(?-i:[A-ZÀ-Ý])"
    r"|(?i:dell['’])(?-i:[A-ZÀ-Ý]))"
)
#: Words next to a date that are its own or its sentence's, never a name's adjective: an
#: article, a demonstrative, a preposition, a conjunction or a part of the day ("El
#: Viernes", "Ce Lundi", "В Понедельник", "Lundi Soir"); with :data:`_WEEKDAY_NEXT` and
#: :data:`_WEEKDAY_LAST` ("El pasado Viernes", "Vendredi Dernier").
_DATE_WORDS_AROUND = frozenset(
    ("el", "la", "los", "las", "lo", "le", "les", "il", "gli", "i", "o", "a", "os", "as", "un",
     "una", "une", "um", "uma", "este", "esta", "ese", "esa", "ce", "cet", "cette", "questo",
     "questa", "neste", "nesta", "nesse", "nessa", "cada", "chaque", "ogni", "todo", "todos",
     "tous", "en", "em", "de", "del", "al", "du", "au", "des", "di", "da", "do", "dal", "nel", "na",
     "no", "desde", "depuis", "dès", "hasta", "até", "fino", "para", "por", "pour", "y", "e",
     "et", "ou", "mismo", "même", "mañana", "tarde", "noche", "matin", "soir", "midi",
     "mattina", "sera", "notte", "manhã", "noite", "в", "во", "на", "с", "со", "до", "к",
     "по", "за", "и", "этот", "эту", "этой", "этом", "каждый", "каждую", "минувший",
     "минувшую", "прошлой", "прошлом", "утром", "вечером", "днём", "днем", "ночью")
)  # fmt: skip


#: Lower-case words that may follow a weekday of a date in French and are no adjective of
#: a name: verbs and their auxiliaries, pronouns, prepositions, adverbs.
_FRENCH_NOT_ADJECTIVES = frozenset(
    ("a", "as", "est", "sont", "ont", "fut", "était", "étaient", "sera", "avait", "avaient",
     "se", "il", "elle", "ils", "elles", "on", "nous", "vous", "qui", "que", "dont", "où",
     "à", "dans", "pour", "par", "sur", "avec", "sans", "contre", "vers", "chez", "entre",
     "après", "avant", "pendant", "lors", "alors", "puis", "aussi", "encore", "déjà", "ne",
     "plus", "très", "tout", "toute", "selon", "depuis", "jusqu", "prochain", "dernier")
)  # fmt: skip
#: Lower-case words ending as an adjective agreeing with a weekday does (-o, -a) that are
#: prepositions, adverbs or verbs after a date in Spanish, Portuguese and Italian.
_ROMANCE_NOT_ADJECTIVES = frozenset(
    ("para", "hasta", "como", "pero", "cerca", "contra", "todo", "toda", "todos", "todas",
     "otra", "otro", "luego", "tampoco", "mismo", "misma", "dopo", "circa", "verso", "prima",
     "contro", "sopra", "senza", "ancora", "quando", "anche", "solo", "sobre", "fora",
     "agora", "ainda", "cuando", "durante", "tanto", "poco", "muito", "molto", "mentre",
     "sono", "hanno", "fanno", "vanno", "stanno", "erano", "furono", "foram", "estaba",
     "estava", "había", "habia", "hubo", "era", "fue", "foi", "ha", "está", "esta")
)  # fmt: skip


def _adjective_after(text: str, end: int, language: str, dated: set[str]) -> bool:
    """Whether a lower-case adjective follows a capitalised weekday at ``end``, so that the
    two are a name ("le Mardi gras", "Lors du Dimanche rouge,", "el Viernes negro", "il
    Martedì grasso", "a Sexta-feira negra"): a language that writes its weekdays in lower
    case capitalises one only in a name, and a date's weekday is followed by its verb,
    its clause's next phrase or a word of the day or week ("el Lunes murieron", "Lundi
    l'attaque", "Desde el Lunes rige", "el Viernes pasado", "Lundi soir"). French
    adjectives have no ending of their own: any lower-case word but a verb's, a
    pronoun's, a preposition's or an adverb's; Spanish, Portuguese and Italian ones agree
    with the weekday (-o, -a)."""
    found = re.match(r"[ \t]+((?-i:[a-zà-ÿ])[a-zà-ÿ]*)(?![\w'’-])", text[end:])
    if found is None:
        return False
    word = found.group(1)
    if word in _DATE_WORDS_AROUND or word in dated or len(word) < 3:
        return False
    if word in _NOT_ADJECTIVES_AFTER_A_DAY:
        return False
    if language == "fr":
        return word not in _FRENCH_NOT_ADJECTIVES and not word.endswith(("ait", "aient", "ent"))
    if language in ("es", "pt", "it"):
        return word.endswith(_agreeing_ending(text, end)) and word not in _ROMANCE_NOT_ADJECTIVES
    return False


def _agreeing_ending(text: str, end: int) -> str:
    """The ending of an adjective that agrees with the weekday ending at ``end``: a
    named day is one day, so singular; feminine after Portuguese "-feira" and Italian
    "Domenica", else masculine ("el Viernes negro", "a Sexta-feira negra", "il Martedì
    grasso"). "El Lunes llega", "Sexta-feira cedo" end otherwise."""
    weekday = re.search(r"[\w-]+$", text[:end])
    written = weekday.group(0).lower() if weekday else ""
    return "a" if written.endswith(("feira", "domenica")) else "o"


#: Lower-case words after a capitalised weekday of a date that end as an adjective may but
#: are none: determiners, possessives, numerals, adverbs of time ("El Martes cuatro
#: personas", "El Lunes temprano", "Lundi aux premières heures", "Le Lundi suivant").
_NOT_ADJECTIVES_AFTER_A_DAY = frozenset(
    ("unos", "unas", "varios", "varias", "algunos", "algunas", "alguno", "alguna", "ningún",
     "ninguno", "ninguna", "mucho", "mucha", "poco", "poca", "nuestro", "nuestra",
     "vuestro", "vuestra", "nosso", "nossa", "vosso", "vossa", "nostro", "nostra",
     "vostro", "vostra", "algum", "alguma", "nenhum", "nenhuma", "alcuni", "alcune",
     "qualche", "nessuno", "nessuna", "cuatro", "cinco", "ocho", "quatro", "oito",
     "quattro", "otto", "cento", "ciento", "treinta", "cuarenta", "cincuenta", "trinta",
     "quarenta", "trenta", "quaranta", "temprano", "cedo", "presto", "pronto", "tardi",
     "aux", "ces", "ses", "son", "sa", "leur", "leurs", "nos", "vos", "notre", "votre",
     "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "douze",
     "vingt", "cent", "plusieurs", "quelques", "certains", "certaines", "suivant",
     "suivante", "précédent", "précédente", "tôt", "tard", "environ", "vers", "lorsque",
     "quand", "seguinte", "successivo", "successiva", "precedente", "siguiente")
)  # fmt: skip


def _names_by_its_neighbours(match: re.Match[str], language: str) -> bool:
    """Whether a capitalised date ``match`` of a language that writes its dates in lower
    case has a name's own evidence next to it: a capital alone makes no name (a sentence's
    first word, a headline's words). A holy word or the name it is of after it
    (:data:`_HOLY_AFTER`), or a capitalised word glued to it that is no date's or
    sentence's word (:data:`_DATE_WORDS_AROUND`): an adjective before it ("Страстная
    Пятница", "Santo Domingo") or after it ("el Viernes Negro"), not in a run of
    capitalised words (a headline: "Кремль В Понедельник Осудил Нападение")."""
    text, start, end = match.string, match.start(), match.end()
    if _HOLY_AFTER.match(text, end):
        return True
    words = {w for ws in (_WEEKDAY_NEXT, _WEEKDAY_LAST) for w in ws.get(language, ())}
    if match.groupdict().get("w") and _adjective_after(text, end, language, words):
        return True
    capital = r"(?-i:[A-ZÀ-ÝА-ЯЁ])[\w'’-]*"
    after = re.match(rf"[ \t]+({capital})(?!\w)(?![ \t]+{capital})", text[end:])
    # a date word opening the sentence ("В Страстную Пятницу", "El Santo Domingo") is no
    # headline's run of capitals
    opening = rf"(?:^|[^\w\s]\s*)(?:(?:{_alternation(_DATE_WORDS_AROUND)})\s+)?"
    before = re.search(
        rf"(?:{opening}|(?-i:[a-zà-ýа-яё])[\w'’-]*\s+)({capital})\s+$", text[:start], re.I
    )
    return any(
        found is not None and found.group(1).lower() not in _DATE_WORDS_AROUND | words
        for found in (after, before)
    )


def _in_a_name(match: re.Match[str], language: str) -> bool:
    """Whether a one-word date ``match`` of a language other than English is part of a
    name of a day, not a date: capitalised where the language writes its dates in lower
    case, with a name's own evidence next to it (:func:`_names_by_its_neighbours`: "el
    Viernes Santo", "le Vendredi saint", "Страстная Пятница"; not "El Viernes, …", "Ce
    Lundi", "В Понедельник"), or a weekday after a capitalised adjective glued to it
    (:data:`_ADJECTIVE_GLUED`: "Чёрная пятница", "der Schwarze Freitag"). As English's
    :func:`_names_a_day`."""
    written = match.group(0)
    if len(written.split()) != 1:
        return False
    before = match.string[: match.start()]
    glued = _ADJECTIVE_GLUED.get(language)
    if glued is not None and match.groupdict().get("w") and glued.search(before):
        return True
    if language not in _LOWER_CASE_DATES or not written[:1].isupper():
        return False
    alone = match.groupdict().get("m4") or match.groupdict().get("m5")
    if alone and _capital_inside(match, language):
        return True
    return _names_by_its_neighbours(match, language)


def _capital_inside(match: re.Match[str], language: str) -> bool:
    """Whether a capitalised month alone (after its preposition, "en febrero") of a
    language that writes its months in lower case follows a lower-case preposition, so
    that neither the sentence's start nor a headline's capitals explain its capital: a
    name ("detenido en Julio Argentino Roca", "terminó en Mayo y Avenida", "atterri en
    Mars"). "En Mayo, ..." and "Murieron 12 Personas En Mayo" may be a sentence's or a
    headline's capitals: read by :func:`_names_by_its_neighbours`."""
    if language in _CAPITAL_MONTHS_WRITTEN:
        return False
    after = re.match(r"[ \t]+([\w'’-]+)", match.string[match.end() :])
    if after is not None and after.group(1).lower() in _month_words_after(language):
        return False  # "en Mayo pasado", "en Mai dernier": a date's own word follows
    before = re.search(
        r"(?<![\w'’-])((?-i:[a-zà-ýа-яё])[\w'’-]*)[ \t]+$", match.string[: match.start()]
    )
    return before is not None


#: Languages whose spelling capitalised the months until lately, so that a capital month
#: is no sign of a name: Portuguese before the 1990 agreement ("em Maio", still the usage
#: of many texts from Portugal).
_CAPITAL_MONTHS_WRITTEN = frozenset({"pt"})


@lru_cache(maxsize=16)
def _month_words_after(language: str) -> frozenset[str]:
    """Words that follow a month of a date, none a name's: of the last or next one
    (:data:`_WEEKDAY_LAST`, :data:`_WEEKDAY_NEXT`: "Mayo pasado", "Mai dernier")."""
    words = (*_WEEKDAY_LAST.get(language, ()), *_WEEKDAY_NEXT.get(language, ()))
    return frozenset(word for word in words if " " not in word)


def _qualified(read: ResolvedDate, match: re.Match[str], language: str) -> ResolvedDate:
    """``read`` approximate when an approximator of ``language`` is written just before
    the match ("a principios de marzo de 2025", "Anfang März") or, in Chinese and Japanese,
    just after it ("3月初"): as :func:`resolve_date` reads the expression alone."""
    if read.kind != "exact" or read.precision == "day" or read.value is None:
        return read
    text = match.string
    before = text[max(0, match.start() - 30) : match.start()]
    approximate = _approximator_before(language).search(before) is not None or (
        language in ("zh", "ja") and _CJK_APPROX_AFTER.match(text, match.end()) is not None
    )
    if not approximate:
        return read
    return ResolvedDate(read.value, read.precision, "approximate", read.end, read.note)


def _foreign(
    raw: str, published: date | None, language: str, tense: Tense | None = None
) -> ResolvedDate | None:
    """``raw`` read as one date expression of ``language``, or None."""
    words = _words(language)
    if words is None:
        return None
    found = words.pattern.search(raw)
    match = _marked_until_range(found, words) if found is not None else None
    if match is not None and _counted_months(match):
        return None
    return _resolve_match(match, words, published, tense) if match is not None else None


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
    match: re.Match[str], words: _Words, published: date | None, tense: Tense | None = None
) -> ResolvedDate | None:
    groups = match.groupdict()
    try:
        if groups.get("zm"):
            month = _cjk_int(groups["zm"])
            year = _cjk_int(groups["zy"]) if groups.get("zy") else None
            if groups.get("era"):
                year = _era_year(groups["era"], groups["ey"])
            day = _cjk_int(groups["zd"]) if groups.get("zd") else None
            last_text = groups.get("zd2") or groups.get("zd3")
            last = _cjk_int(last_text) if last_text else None
            return _calendar(year, month, day, last, published, tense)
        if groups.get("m1"):
            first = int(re.sub(r"\D", "", groups["d1"]))
            last = int(re.sub(r"\D", "", groups["d2"])) if groups.get("d2") else None
            year = int(groups["y1"]) if groups.get("y1") else None
            month = words.months[groups["m1"].lower().rstrip(".")]
            return _calendar(year, month, first, last, published, tense)
        if groups.get("m2"):
            year = int(groups["y2"]) if groups.get("y2") else None
            month = words.months[groups["m2"].lower().rstrip(".")]
            return _calendar(year, month, int(groups["d3"]), None, published, tense)
        if groups.get("m5"):
            return ResolvedDate(_month(int(groups["y5"]), words.months[groups["m5"].lower()]),
                                "month", "exact")  # fmt: skip
        if groups.get("m4"):
            return _calendar(None, words.months[groups["m4"].lower()], None, None, published, tense)
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
    if groups.get("cw"):
        weeks = _WEEK_BEFORE_WEEKDAY[groups["cw"]]
        return _day_of_week(published, weeks, _CJK_WEEK_DAYS[groups["cd"]])
    if groups.get("w"):
        index = words.weekdays[groups["w"].lower()]
        named = _week_after(match.string, match.end(), words.language)
        if named is not None:
            return _day_of_week(published, named, index)
        modifier = _weekday_modifier(match.string, match.start(), match.end(), words.language)
        if modifier == "next":
            return ResolvedDate(_day(_weekday_after(published, index)), "day", "exact")
        before = _weekday_before(published, index, strictly=modifier == "last")
        return ResolvedDate(_day(before), "day", "exact")
    if groups.get("r"):
        return _relative_key(words.relative[groups["r"].lower()], published)
    return None


def _relative_key(key: str, published: date) -> ResolvedDate | None:
    """A relative expression by dateparser's name for it ("1 day ago", "0 month ago")."""
    offsets = {"0 day ago": 0, "1 day ago": -1, "2 day ago": -2, "in 1 day": 1, "in 2 day": 2}
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
    year: int | None,
    month: int,
    day: int | None,
    last: int | None,
    published: date | None,
    tense: Tense | None = None,
) -> ResolvedDate | None:
    """A day (or a month, or a range of days) whose year is written or is the one the
    publication date and the tense give (:func:`_closest_year`); None when neither says
    the year."""
    if year is None:
        if published is None:
            return None
        year = _closest_year(month, day, published, tense)
    if day is None:
        return ResolvedDate(_month(year, month), "month", "exact")
    start = date(year, month, day)
    if last is not None and last > day:
        return ResolvedDate(_day(start), "day", "range", _day(date(year, month, last)))
    return ResolvedDate(_day(start), "day", "exact")


#: Any day to resolve against where only whether a text writes a time matters.
_ANY_DAY = date(2000, 1, 1)
#: English's times of a period (:data:`_WEEK`, :data:`_YEAR_HINT`, :data:`_AGO` read them
#: as dates): "last month", "the previous year", "this week", "two weeks ago".
_EN_PERIOD = re.compile(
    r"(?<!\w)(?:(?:last|past|previous|next|coming|this|current)\s+(?:week|month|year)"
    r"|(?:[a-z0-9]+[\s-]+){0,4}?(?:days?|weeks?|fortnights?|months?|years?)\s+ago)(?!\w)",
    re.IGNORECASE,
)
#: An English month written alone ("in January"), capitalised, and not the modal "may".
_EN_MONTH = re.compile(
    rf"(?<!\w)(?-i:{'|'.join(m.capitalize() for m in MONTH_NAMES if m != 'may')})(?!\w)"
)


def writes_time(text: str, language: str) -> bool:
    """Whether ``text`` writes a time of its own in ``language``: a date :func:`find_dates`
    reads ("on Monday", "lundi", "3 марта", "1月"), a month alone ("in January", "en
    janvier", "im Januar", "в январе", "em março"), a year ("his 2024 visit"), or a
    period before or after now ("last month", "el mes pasado", "del mes pasado", "letzte
    Woche", "two weeks ago", "hace dos semanas", "il y a deux semaines", "vor zwei
    Wochen", "две недели назад", "两周前"). The one place that knows what a time
    expression is, for a caller that asks whether a phrase is dated, not of what day
    (:mod:`extractor.types.drafting`: a visit's frame "during his visit in January" is
    January's, so a speech inside it is not on the visit's day)."""
    if _YEAR.search(text) or find_dates(text, language, _ANY_DAY):
        return True
    if language in ("en", "und", ""):
        return bool(_EN_MONTH.search(text) or _EN_PERIOD.search(text))
    pattern = _time_words(language)
    return pattern is not None and pattern.search(text) is not None


@lru_cache(maxsize=64)
def _time_words(language: str) -> re.Pattern[str] | None:
    """What :func:`find_dates` leaves of a time in ``language``: a month's whole name
    (not an abbreviation: "mar" is the sea), a relative period with or without its
    article ("el mes pasado", "del mes pasado"), and "ago" with a unit of time, the
    count between them written in words or figures ("hace dos semanas", "vor 2 Wochen",
    "две недели назад"), from dateparser's locale data (:func:`_words`)."""
    words = _words(language)
    if words is None:
        return None
    try:
        from dateparser.languages.loader import default_loader

        info = default_loader.get_locale(language).info
    except Exception:  # pragma: no cover - _words read the same locale
        return None
    longest = {
        n: max(len(f) for f, m in words.months.items() if m == n) for n in words.months.values()
    }
    months = [f for f, n in words.months.items() if not _abbreviation(f, longest[n])]
    relative = {
        *words.relative,
        *(r.split(None, 1)[1] for r in words.relative if _ARTICLED.match(r)),
    }
    joined = language in ("zh", "ja")
    units = [
        u
        for key in ("day", "week", "month", "year")
        for u in info.get(key, [])
        if joined or len(u) >= 3
    ]
    ago = [a for a in info.get("ago", []) if a]
    gap = r"\s*" if joined else r"\s+(?:\S+\s+){0,2}?"
    after = r"\s*" if joined else r"\s+"
    parts = [_alternation(months), _alternation(relative)]
    if units and ago:
        parts += [
            rf"(?:{_alternation(ago)}){gap}(?:{_alternation(units)})",
            rf"(?:{_alternation(units)}){after}(?:{_alternation(ago)})",
        ]
    edge_before, edge_after = ("", "") if joined else (r"(?<!\w)", r"(?!\w)")
    alternatives = "|".join(f"(?:{part})" for part in parts if part)
    return re.compile(rf"{edge_before}(?:{alternatives}){edge_after}", re.IGNORECASE)


#: A relative period that opens with a short article ("el mes pasado", "le mois dernier",
#: "la semana pasada"): it is also written after a preposition that holds the article
#: ("del mes pasado", "du mois dernier").
_ARTICLED = re.compile(r"^\w{1,3}\s+\S")
