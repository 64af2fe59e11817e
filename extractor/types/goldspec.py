"""The gold format's field kinds: how a record type's gold fields are compared.

A record type declares its gold fields with these kinds
(``RecordSpec.gold``); the evaluator (:mod:`extractor.evaluation`) validates
and compares each field by its kind, so a user's type is scored with the same
rules as the built-in ones.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from extractor.types.parts import Actor, Count, DateValue


class FieldKind(StrEnum):
    """How a gold field is validated and compared.

    The kind, not the field name, decides the agreement rule, so that ``start``
    of a visit and ``date`` of a meeting are judged the same way.
    """

    NAMES = "names"  # list of person names, as written
    COUNTRY = "country"  # ISO 3166-1 alpha-3 or null
    COUNTRY_SET = "country_set"  # list of ISO3, order irrelevant
    ACTOR = "actor"  # ISO3 or a named non-state actor
    DATE = "date"  # YYYY, YYYY-MM or YYYY-MM-DD
    COUNT = "count"  # {"low", "best", "high"}
    MONEY = "money"  # {"amount", "currency"}
    ITEMS = "items"  # list of free text
    QUANTITY = "quantity"  # int
    ENUM = "enum"  # one of ENUM_VALUES
    TEXT = "text"  # free text


def gold_date(start: str | None, end: str | None = None) -> DateValue | None:
    """A gold date (or range) as a DateValue."""
    from extractor.types.parts import DateValue

    if start is None:
        return None
    if end is not None and end != start:
        return DateValue(value=start, end=end, kind="range")
    return DateValue(value=start)


def gold_count(value: dict[str, Any] | None, qualifier: str | None) -> Count | None:
    """A gold count as a Count."""
    from extractor.types.parts import Count

    if not value or all(value.get(k) is None for k in ("low", "best", "high")):
        return None
    return Count(
        low=value.get("low"), best=value.get("best"), high=value.get("high"),
        qualifier=qualifier or "exact",
    )  # fmt: skip


def count_dict(count: Count | None) -> dict[str, int | None] | None:
    """A Count in the gold format."""
    if count is None:
        return None
    return {"low": count.low, "best": count.best, "high": count.high}


def gold_party(value: str | None) -> Actor:
    """A gold supplier or recipient (an ISO code or a group's name) as an Actor."""
    from extractor.text.countries import is_alpha3
    from extractor.types.parts import Actor

    if value is None:
        return Actor(name="unknown")
    if is_alpha3(value):
        return Actor(name=value, country=value)
    return Actor(name=value)


def code_or_name(actor: Actor) -> str | None:
    """An actor in the gold format: its country code, else its name."""
    from extractor.text.countries import to_alpha3

    if actor.country:
        return actor.country
    if actor.name == "unknown":
        return None
    try:
        return to_alpha3(actor.name)
    except ValueError:
        return actor.name
