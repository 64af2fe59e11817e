"""Table columns: how a record type's fields become flat, typed cells.

Each record type lists its columns (``RecordSpec.columns``); ``extractor
flatten`` writes them, ACLED style: one row per event, one value per cell.
The helpers here build the usual shapes: a place, a date with its precision,
a count range, a list of names.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

Kind = Literal["str", "int", "float", "bool"]
Getter = Callable[[Mapping[str, Any], Mapping[str, Any]], Any]
"""(record, line) -> cell value."""

SEPARATOR = "; "


@dataclass(frozen=True, slots=True)
class Column:
    """One output column: its name, its Parquet type, and how to read it from a record."""

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


def actor_names(key: str) -> Getter:
    """The display names of a list of actors, joined."""

    def get(record: Mapping[str, Any], line: Mapping[str, Any]) -> str | None:
        actors = record.get(key) or []
        names = [display(a) for a in actors if isinstance(a, Mapping)]
        return SEPARATOR.join(n for n in names if n) or None

    return get


def actor_titles(key: str) -> Getter:
    def get(record: Mapping[str, Any], line: Mapping[str, Any]) -> str | None:
        actors = record.get(key) or []
        titles = [str(a.get("title") or "") for a in actors if isinstance(a, Mapping)]
        return SEPARATOR.join(titles) if any(titles) else None

    return get


def display(actor: Any) -> str | None:
    if not isinstance(actor, Mapping):
        return None
    name = actor.get("canonical_name") or actor.get("name")
    return str(name) if name else None


def actor_name(key: str) -> Getter:
    return lambda record, line: display(record.get(key))


def joined(key: str) -> Getter:
    def get(record: Mapping[str, Any], line: Mapping[str, Any]) -> str | None:
        values = record.get(key) or []
        return SEPARATOR.join(str(v) for v in values if v is not None) or None

    return get


def date_end(key: str) -> Getter:
    return lambda record, line: at(record, key, "end")


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


def date_columns(key: str, name: str) -> list[Column]:
    return [
        Column(name, "str", field_of(key, "value")),
        Column(f"{name}_end", "str", date_end(key)),
        Column(f"{name}_precision", "str", field_of(key, "precision")),
        Column(f"{name}_text", "str", field_of(key, "text")),
    ]


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
