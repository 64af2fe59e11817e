"""Visit: one side travels to another's territory (PLOVER CONSULT visit; CAMEO 042/043).

Everything the pipeline knows about visits is here: the record, the draft the
model fills, how a draft becomes a record, the words a visit needs, its table
columns, its gold-format mapping and the visits a meeting abroad entails.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any, ClassVar, Literal

from pydantic import Field, ValidationError, model_validator

from extractor.text.countries import country_in_text
from extractor.text.cues import MEETING_WORDS, WELCOME_WORDS, cue_pattern
from extractor.text.grounding import normalise_text
from extractor.types import columns as col
from extractor.types.base import Plover, Record, RecordType, _name_key, check_order
from extractor.types.drafting import (
    EVIDENCE_DESCRIPTION,
    Builder,
    Draft,
    PersonDraft,
    StatusText,
    draft_terms,
    person_terms,
)
from extractor.types.goldspec import FieldKind as K
from extractor.types.parts import Actor, CountryCode, DateValue, Place, Status
from extractor.types.registry import GoldSpec, RecordSpec

#: Words of travel: the lexical gate, and (with the words of a meeting and of
#: welcome) what a visit's evidence must say.
TRAVEL_WORDS = cue_pattern(
    [r"visit\w*", "trip", r"travel\w*", r"arriv\w*", r"tour\w*", "delegation", "hosted",
     "hosts?", "welcomed", "flew", "landed", "came to", "went to", "in town", "state visit"]
)  # fmt: skip

VisitLevel = Literal[
    "head_of_state", "head_of_government", "ministerial", "senior_official", "military",
    "parliamentary", "delegation", "other",
]  # fmt: skip


class Visit(Record):
    """One side travels to another's territory (PLOVER CONSULT, mode visit; CAMEO 042/043)."""

    record_type: ClassVar[RecordType] = "visit"
    # Its quote says someone travelled, met or was welcomed ("looks forward to
    # welcoming President Moon to the White House").
    evidence_cues: ClassVar[tuple[re.Pattern[str], ...]] = (
        TRAVEL_WORDS, MEETING_WORDS, WELCOME_WORDS,
    )  # fmt: skip
    evidence_cue_meaning: ClassVar[str] = "travelled"
    type: Literal["visit"] = "visit"
    visitors: list[Actor] = Field(default_factory=list)
    visitor_country: CountryCode | None = None
    hosts: list[Actor] = Field(default_factory=list)
    host_country: CountryCode | None = None
    place: Place | None = None
    start: DateValue | None = None
    end: DateValue | None = None
    purpose: str | None = None
    level: VisitLevel | None = None

    @model_validator(mode="after")
    def _visit_rules(self) -> Visit:
        if not self.visitors and not self.visitor_country:
            raise ValueError("a visit needs the visitors or at least the visiting country")
        if self.visitor_country and self.visitor_country == self.host_country:
            raise ValueError(
                f"visitor_country and host_country are both {self.visitor_country}: a visit "
                "crosses a border; domestic travel is not a visit record"
            )
        check_order(self.start, self.end)
        return self

    def key_fields(self) -> list[Any]:
        return [_name_key(self.visitors), self.visitor_country, self.host_country,
                self.start.value if self.start else None]  # fmt: skip

    def actors(self) -> list[Actor]:
        return [*self.visitors, *self.hosts]

    def countries(self) -> list[str]:
        return [c for c in (self.visitor_country, self.host_country) if c]

    def event_dates(self) -> list[DateValue]:
        return [d for d in (self.start,) if d]

    def plover(self) -> Plover:
        if self.status == Status.PLANNED:
            return Plover(category="AGREE", mode="visit")
        return Plover(category="CONSULT", mode="visit")


class VisitDraft(Draft):
    visitors: list[PersonDraft]
    visitor_country: str | None = Field(description="ISO alpha-3 code of the visiting side")
    hosts: list[PersonDraft]
    host_country: str | None = Field(description="ISO alpha-3 code of the country visited")
    place: str | None = Field(description="city or site as written")
    date: str | None = Field(description="start date as written, e.g. 'on Tuesday', 'May 3'")
    end_date: str | None
    purpose: str | None
    status: StatusText
    attribution: str | None = Field(description="who reports it, e.g. 'state media'")
    evidence: list[int] = Field(description=EVIDENCE_DESCRIPTION)


_LEVELS: tuple[tuple[str, VisitLevel], ...] = (
    ("prime minister", "head_of_government"),
    ("premier", "head_of_government"),
    ("chancellor", "head_of_government"),
    ("president", "head_of_state"),
    ("king", "head_of_state"),
    ("queen", "head_of_state"),
    ("amir", "head_of_state"),
    ("emir", "head_of_state"),
    ("minister", "ministerial"),
    ("secretary", "ministerial"),
    ("general", "military"),
    ("admiral", "military"),
    ("commander", "military"),
    ("senator", "parliamentary"),
    ("speaker", "parliamentary"),
    ("delegation", "delegation"),
)


def visit_level(titles: list[str]) -> VisitLevel | None:
    """The highest level among the visitors' titles (a deterministic coding rule)."""
    order: list[VisitLevel] = ["head_of_state", "head_of_government", "ministerial", "military",
                               "parliamentary", "delegation", "senior_official"]  # fmt: skip
    found: list[VisitLevel] = []
    for title in titles:
        low = normalise_text(title)
        if "vice" in low or "deputy" in low:
            found.append("senior_official")
            continue
        for word, level in _LEVELS:
            if word in low:
                found.append(level)
                break
        else:
            found.append("senior_official")
    return order[min(order.index(level) for level in found)] if found else None


def build(draft: VisitDraft, make: Builder) -> dict[str, Any]:
    visitor_country = make.country(draft.visitor_country)
    host_country = make.country(draft.host_country)
    visitors = make.actors(draft.visitors, visitor_country)
    if visitor_country is None and visitors and visitors[0].country:
        visitor_country = visitors[0].country
    return {
        "visitors": visitors,
        "visitor_country": visitor_country,
        "hosts": make.actors(draft.hosts, host_country),
        "host_country": host_country,
        "place": make.place(draft.place, host_country),
        "start": make.when(draft.date),
        "end": make.when(draft.end_date),
        "purpose": draft.purpose,
        "level": visit_level([p.title for p in draft.visitors if p.title]),
    }


def terms(draft: VisitDraft) -> tuple[set[str], set[str]]:
    names, codes = person_terms([*draft.visitors, *draft.hosts])
    return draft_terms(
        names, [draft.visitor_country, draft.host_country, *codes], [draft.place], set()
    )


def from_meetings(
    records: Sequence[Record], types: Sequence[str], context: dict[str, Any]
) -> list[Record]:
    """Visits by participants from abroad to the country where a meeting took place.

    A meeting held in a country that is foreign to a participant ("A met today
    in Washington with Saudi Vice Minister B") entails that participant's visit.
    """
    from extractor.types.meeting import Meeting

    derived: list[Record] = []
    for meeting in records:
        if not isinstance(meeting, Meeting) or meeting.place is None:
            continue
        host = meeting.place.country or country_in_text(meeting.place.text)
        if host is None:
            continue
        hosts = [a for a in meeting.participants if a.country == host]
        for person in meeting.participants:
            if person.country is None or person.country == host:
                continue
            data = {
                "visitors": [person],
                "visitor_country": person.country,
                "hosts": hosts,
                "host_country": host,
                "place": meeting.place,
                "start": meeting.date,
                "status": meeting.status,
                "attribution": meeting.attribution,
                "evidence": meeting.evidence.model_dump(),
            }
            try:
                derived.append(Visit.model_validate(data, context=context))
            except ValidationError:
                continue
    return derived


def _visit_end(record: Mapping[str, Any], line: Mapping[str, Any]) -> Any:
    """A visit's end: its own end date, else the end of a start given as a range."""
    return col.at(record, "end", "value") or col.at(record, "start", "end")


COLUMNS = (
    col.Column("visitors", "str", col.actor_names("visitors")),
    col.Column("visitor_titles", "str", col.actor_titles("visitors")),
    col.Column("visitor_country", "str", col.field_of("visitor_country")),
    col.Column("hosts", "str", col.actor_names("hosts")),
    col.Column("host_titles", "str", col.actor_titles("hosts")),
    col.Column("host_country", "str", col.field_of("host_country")),
    *col.place_columns(),
    col.Column("start", "str", col.field_of("start", "value")),
    col.Column("start_precision", "str", col.field_of("start", "precision")),
    col.Column("start_text", "str", col.field_of("start", "text")),
    col.Column("end", "str", _visit_end),
    col.Column("end_precision", "str", col.field_of("end", "precision")),
    col.Column("level", "str", col.field_of("level")),
    col.Column("purpose", "str", col.field_of("purpose")),
)

TABLE = (
    ("visitors", lambda v: col.display_names(v.visitors)),
    ("from", lambda v: v.visitor_country or ""),
    ("to", lambda v: v.host_country or ""),
    ("place", lambda v: v.place.text if v.place else ""),
    ("start", lambda v: col.show_date(v.start)),
    ("status", lambda v: v.status.value),
)


def to_gold(record: Record) -> dict[str, Any]:
    assert isinstance(record, Visit)
    start, start_end = (record.start.value, record.start.end) if record.start else (None, None)
    end = record.end.value if record.end else None
    return {
        "visitors": [a.name for a in record.visitors],
        "visitor_country": record.visitor_country,
        "host_country": record.host_country,
        "place": record.place.text if record.place else None,
        "start": start,
        "end": end or start_end,
    }


def from_gold(gold: Mapping[str, Any]) -> dict[str, Any]:
    from extractor.types.goldspec import gold_date

    return {
        "visitors": [Actor(name=n, country=gold.get("visitor_country")) for n in gold["visitors"]],
        "visitor_country": gold.get("visitor_country"),
        "host_country": gold.get("host_country"),
        "place": Place(text=gold["place"]) if gold.get("place") else None,
        "start": gold_date(gold.get("start")),
        "end": gold_date(gold.get("end")),
    }


def matchable(gold: Mapping[str, Any], pred: Mapping[str, Any]) -> bool:
    """A visitor name matches, or the (visitor, host) country pair with a known visitor."""
    from extractor.evaluation.matching import _country, _names_overlap

    if _names_overlap(gold.get("visitors"), pred.get("visitors")):
        return True
    gv = _country(gold.get("visitor_country"))
    return gv is not None and (gv, _country(gold.get("host_country"))) == (
        _country(pred.get("visitor_country")),
        _country(pred.get("host_country")),
    )


SPEC = RecordSpec(
    record=Visit,
    draft=VisitDraft,
    build=build,
    terms=terms,
    plural="visits",
    label="visits",
    cues={"en": TRAVEL_WORDS},
    cued_by=("meeting",),
    template="types/visit.j2",
    columns=COLUMNS,
    table=TABLE,
    derive=from_meetings,
    gold=GoldSpec(
        fields={
            "visitors": K.NAMES,
            "visitor_country": K.COUNTRY,
            "host_country": K.COUNTRY,
            "place": K.TEXT,
            "start": K.DATE,
            "end": K.DATE,
        },
        to_gold=to_gold,
        from_gold=from_gold,
        matchable=matchable,
        strict=("visitor_country", "host_country"),
    ),
)
