"""Meeting: two or more sides meet, talk or hold a call (PLOVER CONSULT; planned: AGREE).

Everything the pipeline knows about meetings: the record, its draft and
builder, the words a meeting needs, its columns, its gold mapping, and the
meeting that a visit's evidence states between visitors and hosts.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any, ClassVar, Literal

from pydantic import ConfigDict, Field, ValidationError, model_validator

from extractor.text.cues import MEETING_CUES, MET_IN_PERSON_CUES, WELCOME_CUES, every_language
from extractor.text.grounding import normalise_text
from extractor.types import columns as col
from extractor.types.base import Plover, Record, RecordType, _name_key
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

MeetingFormat = Literal["bilateral", "multilateral", "third_party", "virtual"]


class Meeting(Record):
    """Two or more sides meet (PLOVER CONSULT; a planned meeting is AGREE)."""

    record_type: ClassVar[RecordType] = "meeting"
    evidence_cues: ClassVar[tuple[re.Pattern[str], ...]] = every_language(
        MEETING_CUES, WELCOME_CUES
    )
    evidence_cue_meaning: ClassVar[str] = "met or talked"
    type: Literal["meeting"] = "meeting"
    participants: list[Actor] = Field(default_factory=list)
    countries_involved: list[CountryCode] = Field(default_factory=list, alias="countries")
    format: MeetingFormat | None = None
    place: Place | None = None
    date: DateValue | None = None
    topics: list[str] = Field(default_factory=list)
    outcome: str | None = None

    model_config = ConfigDict(populate_by_name=True, serialize_by_alias=True)

    @model_validator(mode="after")
    def _meeting_rules(self) -> Meeting:
        sides = {normalise_text(a.display_name) for a in self.participants}
        if len(sides) < 2 and len(set(self.countries_involved)) < 2:
            raise ValueError(
                "a meeting needs at least two participants or two countries: list everyone "
                "who met, or drop the record if only one side is named"
            )
        self.countries_involved = list(dict.fromkeys(self.countries_involved))
        return self

    def key_fields(self) -> list[Any]:
        return [_name_key(self.participants), sorted(self.countries_involved),
                self.date.value if self.date else None]  # fmt: skip

    def actors(self) -> list[Actor]:
        return list(self.participants)

    def countries(self) -> list[str]:
        return list(self.countries_involved)

    def event_dates(self) -> list[DateValue]:
        return [self.date] if self.date else []

    def plover(self) -> Plover:
        if self.status == Status.PLANNED:
            return Plover(category="AGREE", mode="meet")
        mode = {"multilateral": "multilateral", "third_party": "third-party",
                "virtual": "phone"}.get(self.format or "")  # fmt: skip
        return Plover(category="CONSULT", mode=mode)


class MeetingDraft(Draft):
    participants: list[PersonDraft]
    countries: list[str] = Field(description="ISO alpha-3 codes of all sides")
    format: Literal["bilateral", "multilateral", "third_party", "virtual"] | None
    place: str | None
    date: str | None = Field(description="date as written")
    topics: list[str]
    status: StatusText
    attribution: str | None
    evidence: list[int] = Field(description=EVIDENCE_DESCRIPTION)


def build(draft: MeetingDraft, make: Builder) -> dict[str, Any]:
    participants = make.actors(draft.participants, None)
    countries = [c for c in (make.country(x) for x in draft.countries) if c]
    countries += [a.country for a in participants if a.country and a.country not in countries]
    return {
        "participants": participants,
        "countries": countries,
        "format": draft.format or ("bilateral" if len(set(countries)) == 2 else None),
        "place": make.place(draft.place),
        "date": make.when(draft.date) or make.when_in_evidence(),
        "topics": draft.topics,
    }


def terms(draft: MeetingDraft) -> tuple[set[str], set[str]]:
    names, codes = person_terms(list(draft.participants))
    return draft_terms(names, [*draft.countries, *codes], [draft.place], set())


def from_visits(
    records: Sequence[Record], types: Sequence[str], context: dict[str, Any]
) -> list[Record]:
    """The meeting a visit's evidence states between visitors and hosts ("X visited Y
    and met Z" is also a meeting: PLOVER CONSULT visit and CONSULT meet)."""
    from extractor.types.visit import Visit

    derived: list[Record] = []
    for visit in records:
        if not isinstance(visit, Visit) or not visit.visitors or not visit.hosts:
            continue
        if not any(p.search(visit.evidence.cited_text) for p in MET_IN_PERSON_CUES.values()):
            continue
        countries = [c for c in (visit.visitor_country, visit.host_country) if c]
        data = {
            "participants": [*visit.visitors, *visit.hosts],
            "countries": countries,
            "format": "bilateral" if len(set(countries)) == 2 else None,
            "place": visit.place,
            "date": visit.start,
            "status": visit.status,
            "attribution": visit.attribution,
            "evidence": visit.evidence.model_dump(),
        }
        try:
            derived.append(Meeting.model_validate(data, context=context))
        except ValidationError:
            continue
    return derived


COLUMNS = (
    col.Column("participants", "list", col.actor_names("participants")),
    col.Column("participant_titles", "list", col.actor_titles("participants")),
    col.Column("countries", "list", col.listed("countries")),
    col.Column("format", "str", col.field_of("format")),
    *col.place_columns(),
    *col.date_columns("date"),
    col.Column("topics", "list", col.listed("topics")),
    col.Column("outcome", "str", col.field_of("outcome")),
)

TABLE = (
    ("participants", lambda m: col.display_names(m.participants)),
    ("countries", lambda m: ", ".join(m.countries_involved)),
    ("place", lambda m: m.place.text if m.place else ""),
    ("date", lambda m: col.show_date(m.date)),
    ("status", lambda m: m.status.value),
)


def to_gold(record: Record) -> dict[str, Any]:
    assert isinstance(record, Meeting)
    return {
        "participants": [a.name for a in record.participants],
        "countries": list(record.countries_involved),
        "place": record.place.text if record.place else None,
        "date": record.date.value if record.date else None,
    }


def from_gold(gold: Mapping[str, Any]) -> dict[str, Any]:
    from extractor.types.goldspec import gold_date

    return {
        "participants": [Actor(name=n) for n in gold["participants"]],
        "countries": gold.get("countries") or [],
        "place": Place(text=gold["place"]) if gold.get("place") else None,
        "date": gold_date(gold.get("date")),
    }


def matchable(gold: Mapping[str, Any], pred: Mapping[str, Any]) -> bool:
    """A participant name matches, or the country sets are equal or share two countries."""
    from extractor.evaluation.matching import _country_set, _names_overlap

    if _names_overlap(gold.get("participants"), pred.get("participants")):
        return True
    gs, ps = _country_set(gold.get("countries")), _country_set(pred.get("countries"))
    if not gs or not ps:
        return False
    return gs == ps or len(gs & ps) >= 2


SPEC = RecordSpec(
    record=Meeting,
    draft=MeetingDraft,
    build=build,
    terms=terms,
    plural="meetings",
    label="meetings",
    cues=MEETING_CUES,
    template="types/meeting.j2",
    columns=COLUMNS,
    table=TABLE,
    derive=from_visits,
    gold=GoldSpec(
        fields={
            "participants": K.NAMES,
            "countries": K.COUNTRY_SET,
            "place": K.TEXT,
            "date": K.DATE,
        },
        to_gold=to_gold,
        from_gold=from_gold,
        matchable=matchable,
        strict=("countries",),
    ),
)
