"""Table columns: how a record type's fields become flat, typed cells.

Each record type lists its columns (``RecordSpec.columns``); ``extractor
flatten`` writes them, ACLED style: one row per event, one value per cell.
The helpers here build the usual shapes: a place, a date with its precision,
a count range, a list of names.

A column has a kind, and the kind is what the cell holds in every format:
``date`` a :class:`datetime.date`, ``list`` a list of strings (a Parquet
``list<string>``, a DuckDB ``VARCHAR[]``, a ``"; "``-joined CSV cell), ``int``
and ``float`` numbers, ``str`` text. Analysts query the tables with SQL, so:

* **One naming scheme for dates.** A date field becomes four columns sharing
  a stem (:func:`date_name`: ``start`` -> ``start_date``, ``date`` ->
  ``event_date``, ``order_date`` stays): ``<stem>`` the first day the date
  covers (a month-precision date is stored as the month's first day),
  ``<stem>_precision`` (``day``, ``month`` or ``year``), ``<stem>_last`` the
  last day it covers (the end of a range, else the end of the month or year;
  the day itself at day precision) and ``<stem>_text`` as written. So
  ``[<stem>, <stem>_last]`` is always the period the text allows, and
  ``date_trunc`` works without a cast. The eval report names dates the same.
* **No SQL keyword as a name.** A column named ``end`` or ``left`` cannot be
  selected bare in DuckDB (or PostgreSQL); :func:`column_name` gives such a
  name a trailing underscore, for a user's type too, and a test checks every
  column of every registered type against DuckDB's own keyword list.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from extractor.text.dates import earliest, latest, precision_of

Kind = Literal["str", "int", "float", "bool", "date", "list"]
Getter = Callable[[Mapping[str, Any], Mapping[str, Any]], Any]
"""(record, line) -> cell value."""

#: How a list cell is joined in CSV (and terminal tables).
SEPARATOR = "; "

#: Words DuckDB does not accept as a bare column name: its ``reserved`` and
#: ``type_function`` keywords (``SELECT duckdb_keywords()``; ``left`` and
#: ``join`` fail like ``end`` does). Kept here so that writing CSV needs no
#: DuckDB; ``tests/test_flatten_sql.py`` checks it still covers the installed
#: DuckDB's list.
SQL_KEYWORDS = frozenset((
    "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "both",
    "case", "cast", "check", "collate", "column", "constraint", "create", "default",
    "deferrable", "desc", "describe", "distinct", "do", "else", "end", "except", "false",
    "fetch", "for", "foreign", "from", "group", "having", "in", "initially", "intersect",
    "into", "lambda", "lateral", "leading", "limit", "not", "null", "offset", "on",
    "only", "or", "order", "pivot", "pivot_longer", "pivot_wider", "placing", "primary",
    "qualify", "references", "returning", "select", "show", "some", "summarize",
    "symmetric", "table", "then", "to", "trailing", "true", "union", "unique", "unpivot",
    "using", "variadic", "when", "where", "window", "with",
    "anti", "asof", "at", "authorization", "binary", "by", "collation", "columns",
    "concurrently", "cross", "freeze", "full", "glob", "ilike", "inner", "is", "isnull",
    "join", "left", "like", "map", "natural", "notnull", "outer", "overlaps",
    "positional", "right", "semi", "similar", "struct", "tablesample", "try_cast",
    "tuple", "unpack", "verbose", "generated",
))  # fmt: skip
_BARE = re.compile(r"[a-z_][a-z0-9_]*")


def column_name(name: str) -> str:
    """``name`` as a column an analyst can write bare in SQL.

    Lower case (DuckDB folds unquoted names), and a keyword gets a trailing
    underscore (``end`` -> ``end_``), so a user's type with a field called
    ``order`` or ``end`` still gives a table that ``SELECT order_`` reads.
    """
    low = name.lower()
    return f"{low}_" if low in SQL_KEYWORDS else low


def is_bare_name(name: str) -> bool:
    """Whether ``name`` can be written unquoted in SQL (an identifier, not a keyword)."""
    return bool(_BARE.fullmatch(name)) and name not in SQL_KEYWORDS


def date_name(field: str) -> str:
    """The column stem of a date field: ``date`` -> ``event_date``, ``start`` ->
    ``start_date``; a name ending in ``_date`` is kept (the function is idempotent)."""
    if field == "date":
        return "event_date"
    return field if field.endswith("_date") else f"{field}_date"


@dataclass(frozen=True, slots=True)
class Column:
    """One output column: its name, the kind of value its cells hold, how to read it."""

    name: str
    kind: Kind
    get: Getter


def at(data: Any, *path: str | int) -> Any:
    """``data[path[0]][path[1]]...``, None as soon as a step is missing."""
    for step in path:
        if isinstance(step, int):
            data = data[step] if isinstance(data, list) and len(data) > step else None
        else:
            data = data.get(step) if isinstance(data, Mapping) else None
        if data is None:
            return None
    return data


def field_of(*path: str | int) -> Getter:
    return lambda record, line: at(record, *path)


def _items(record: Mapping[str, Any], key: str) -> list[Any]:
    values = record.get(key)
    return values if isinstance(values, list) else []


def actor_names(key: str) -> Getter:
    """The display names of a list of actors (a list cell)."""

    def get(record: Mapping[str, Any], line: Mapping[str, Any]) -> list[str]:
        names = (display(a) for a in _items(record, key))
        return [n for n in names if n]

    return get


def actor_titles(key: str) -> Getter:
    """The actors' titles, one per actor named (None where an actor has none), so that
    ``visitor_titles[i]`` is the title of ``visitors[i]``; empty when no one has a title."""

    def get(record: Mapping[str, Any], line: Mapping[str, Any]) -> list[str | None]:
        named = [a for a in _items(record, key) if display(a)]
        titles = [str(a["title"]) if a.get("title") else None for a in named]
        return titles if any(titles) else []

    return get


def display(actor: Any) -> str | None:
    if not isinstance(actor, Mapping):
        return None
    name = actor.get("canonical_name") or actor.get("name")
    return str(name) if name else None


def actor_name(key: str) -> Getter:
    return lambda record, line: display(record.get(key))


def listed(key: str) -> Getter:
    """A list field as a list cell (values as text, empty values left out)."""

    def get(record: Mapping[str, Any], line: Mapping[str, Any]) -> list[str]:
        return [as_text(v) for v in _items(record, key) if v is not None and v != ""]

    return get


def text_of(key: str) -> Getter:
    """A field as a text cell: its text, a number's digits, or JSON for a nested value
    (:func:`as_text`)."""
    return lambda record, line: None if (value := record.get(key)) is None else as_text(value)


def as_text(value: Any) -> str:
    """``value`` as a cell's text: a string as it is, a mapping or a list (a user's nested
    model) as JSON, which DuckDB's ``json_extract`` and pandas' ``json.loads`` read back,
    where ``str`` would give Python's repr (``{'a': 5}``) that nothing reads."""
    if isinstance(value, str):
        return value
    if isinstance(value, Mapping | list):
        return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    return str(value)


def from_line(key: str) -> Getter:
    return lambda record, line: line.get(key)


def place_columns(key: str = "place") -> list[Column]:
    return [
        Column("place", "str", field_of(key, "text")),
        Column("place_country", "str", field_of(key, "country")),
        Column("admin1", "str", field_of(key, "admin1")),
        Column("latitude", "float", field_of(key, "lat")),
        Column("longitude", "float", field_of(key, "lon")),
    ]


def first_day(value: Any) -> date | None:
    """The first day an ISO date (YYYY, YYYY-MM or YYYY-MM-DD) covers; ValueError if not one."""
    if value is None:
        return None
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise ValueError(f"not an ISO date: {value!r}")
    precision_of(value)  # validates
    return earliest(value)


def last_day(value: Any, end: Any = None) -> date | None:
    """The last day a date covers: the end of its range, else the end of its period."""
    if value is None:
        return None
    upto = end if end is not None else value
    if not isinstance(upto, str):
        raise ValueError(f"not an ISO date: {upto!r}")
    precision_of(upto)
    return latest(upto)


def date_group(stem: str, read: Callable[[Mapping[str, Any]], Any]) -> list[Column]:
    """The four columns of one date (see the module doc); ``read(record)`` gives the
    date's JSON object (``{"value", "precision", "end", "text", ...}``) or None."""

    def value(record: Mapping[str, Any], line: Mapping[str, Any]) -> Any:
        return at(read(record), "value")

    def precision(record: Mapping[str, Any], line: Mapping[str, Any]) -> Any:
        found = value(record, line)
        return precision_of(found) if isinstance(found, str) else None

    def last(record: Mapping[str, Any], line: Mapping[str, Any]) -> date | None:
        found = read(record)
        return last_day(at(found, "value"), at(found, "end"))

    return [
        Column(stem, "date", value),
        Column(f"{stem}_precision", "str", precision),
        Column(f"{stem}_last", "date", last),
        Column(f"{stem}_text", "str", lambda record, line: at(read(record), "text")),
    ]


def date_columns(key: str, name: str | None = None) -> list[Column]:
    """The columns of the date field ``key``, under the stem :func:`date_name` gives."""
    return date_group(date_name(name or key), lambda record: record.get(key))


def count_columns(key: str) -> list[Column]:
    return [
        Column(f"{key}_low", "int", field_of(key, "low")),
        Column(f"{key}_best", "int", field_of(key, "best")),
        Column(f"{key}_high", "int", field_of(key, "high")),
        Column(f"{key}_qualifier", "str", field_of(key, "qualifier")),
        Column(f"{key}_text", "str", field_of(key, "text")),
    ]


# -- terminal tables ------------------------------------------------------------


def display_names(actors: Any) -> str:
    """Actors' names joined for a terminal table."""
    return SEPARATOR.join(a.display_name for a in actors)


def show_date(value: Any) -> str:
    """A DateValue for a terminal table: ISO value (range), or the text in brackets."""
    if value is None or value.value is None:
        return "" if value is None else f"({value.text})"
    return str(value.value) + (f"..{value.end}" if value.end else "")


def show_count(count: Any) -> str:
    """A Count for a terminal table: ≥3500, ~40, ≤12, 7."""
    if count is None:
        return ""
    prefix = {"at_least": "≥", "about": "~", "up_to": "≤", "exact": ""}[count.qualifier]
    return f"{prefix}{count.best if count.best is not None else count.conservative}"
