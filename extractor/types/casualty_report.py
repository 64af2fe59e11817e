"""CasualtyReport: people killed or injured, in one event or in all (UCDP GED, ACLED).

Everything the pipeline knows about casualty reports: the record, its draft
and builder, the words a toll needs, its columns and its gold mapping.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, Literal, get_args

from pydantic import Field, model_validator

from extractor.text.cues import cue_pattern
from extractor.types import columns as col
from extractor.types.base import Plover, Record, RecordType
from extractor.types.drafting import (
    EVIDENCE_DESCRIPTION,
    Builder,
    Draft,
    StatusText,
    draft_terms,
    figure_forms,
)
from extractor.types.goldspec import FieldKind as K
from extractor.types.parts import Actor, Count, CountQualifier, CountryCode, DateValue, Place
from extractor.types.registry import GoldSpec, RecordSpec

CASUALTY_WORDS = cue_pattern(
    [r"kill\w*", "dead", "deaths?", "died", "dying", r"injur\w*", r"wound\w*", r"casualt\w*",
     r"fatalit\w*", "death toll", "lost their lives", "lives", "bodies", r"massacre\w*", "shot",
     r"murder\w*", "slain"]
)  # fmt: skip
Scope = Literal["event", "cumulative"]

ViolenceType = Literal["state_based", "non_state", "one_sided"]


class CasualtyReport(Record):
    """People killed or injured, in one event or cumulatively (UCDP GED, ACLED fatalities)."""

    record_type: ClassVar[RecordType] = "casualty_report"
    type: Literal["casualty_report"] = "casualty_report"
    killed: Count | None = None
    injured: Count | None = None
    victims: str | None = Field(default=None, description="Who was harmed ('civilians').")
    perpetrator: Actor | None = None
    country: CountryCode | None = None
    place: Place | None = None
    date: DateValue | None = None
    scope: Scope = "event"
    violence_type: ViolenceType | None = None

    @model_validator(mode="after")
    def _casualty_rules(self) -> CasualtyReport:
        if self.killed is None and self.injured is None:
            raise ValueError("a casualty report needs a killed or an injured count")
        if self.country is None and self.place is not None and self.place.country:
            self.country = self.place.country
        return self

    def key_fields(self) -> list[Any]:
        return [
            self.killed.conservative if self.killed else None,
            self.injured.conservative if self.injured else None,
            self.country,
            self.date.value if self.date else None,
            self.scope,
        ]

    def actors(self) -> list[Actor]:
        return [self.perpetrator] if self.perpetrator else []

    def countries(self) -> list[str]:
        codes = [self.country] if self.country else []
        if self.place and self.place.country and self.place.country not in codes:
            codes.append(self.place.country)
        return codes

    def key_numbers(self) -> list[tuple[Any, str | None]]:
        return [(c.conservative, c.text) for c in (self.killed, self.injured) if c is not None]

    def event_dates(self) -> list[DateValue]:
        return [self.date] if self.date else []

    def mention_terms(self) -> list[str]:
        terms = [self.place.text] if self.place else []
        return [*terms, *([self.victims] if self.victims else [])]

    def plover(self) -> Plover | None:
        if self.violence_type == "one_sided":
            return Plover(category="ASSAULT", mode="kill")
        if self.violence_type in ("state_based", "non_state"):
            return Plover(category="FIGHT", mode=None)
        return None


class CasualtyDraft(Draft):
    killed: int | None
    injured: int | None
    qualifier: CountQualifier
    victims: str | None
    perpetrator: str | None
    country: str | None = Field(description="ISO alpha-3 code")
    place: str | None
    date: str | None = Field(description="date as written")
    scope: Scope
    violence_type: ViolenceType | None
    status: StatusText
    attribution: str | None
    evidence: list[int] = Field(description=EVIDENCE_DESCRIPTION)


def build(draft: CasualtyDraft, make: Builder) -> dict[str, Any]:
    country = make.country(draft.country)
    return {
        "killed": make.count(draft.killed, draft.qualifier),
        "injured": make.count(draft.injured, draft.qualifier),
        "victims": draft.victims,
        "perpetrator": Actor(name=draft.perpetrator) if draft.perpetrator else None,
        "country": country,
        "place": make.place(draft.place, country),
        "date": make.when(draft.date),
        "scope": draft.scope,
        "violence_type": draft.violence_type,
    }


def terms(draft: CasualtyDraft) -> tuple[set[str], set[str]]:
    figures = figure_forms(draft.killed, draft.injured)
    return draft_terms(set(), [draft.country], [draft.place, draft.perpetrator], figures)


COLUMNS = (
    *col.count_columns("killed"),
    *col.count_columns("injured"),
    col.Column("country", "str", col.field_of("country")),
    *col.place_columns(),
    *col.date_columns("date", "date"),
    col.Column("scope", "str", col.field_of("scope")),
    col.Column("violence_type", "str", col.field_of("violence_type")),
    col.Column("perpetrator", "str", col.actor_name("perpetrator")),
    col.Column("perpetrator_country", "str", col.field_of("perpetrator", "country")),
    col.Column("victims", "str", col.field_of("victims")),
)

TABLE = (
    ("killed", lambda c: col.show_count(c.killed)),
    ("injured", lambda c: col.show_count(c.injured)),
    ("country", lambda c: c.country or ""),
    ("place", lambda c: c.place.text if c.place else ""),
    ("date", lambda c: col.show_date(c.date)),
    ("scope", lambda c: c.scope),
)


def to_gold(record: Record) -> dict[str, Any]:
    from extractor.types.goldspec import count_dict

    assert isinstance(record, CasualtyReport)
    start, end = (record.date.value, record.date.end) if record.date else (None, None)
    count = record.killed or record.injured
    return {
        "killed": count_dict(record.killed),
        "injured": count_dict(record.injured),
        "qualifier": count.qualifier if count else None,
        "country": record.country,
        "place": record.place.text if record.place else None,
        "start": start,
        "end": end,
        "perpetrator": record.perpetrator.name if record.perpetrator else None,
        "victims": record.victims,
        "scope": record.scope,
    }


def from_gold(gold: Mapping[str, Any]) -> dict[str, Any]:
    from extractor.types.goldspec import gold_count, gold_date

    qualifier = gold.get("qualifier")
    return {
        "killed": gold_count(gold.get("killed"), qualifier),
        "injured": gold_count(gold.get("injured"), qualifier),
        "country": gold.get("country"),
        "place": Place(text=gold["place"]) if gold.get("place") else None,
        "date": gold_date(gold.get("start"), gold.get("end")),
        "perpetrator": Actor(name=gold["perpetrator"]) if gold.get("perpetrator") else None,
        "victims": gold.get("victims"),
        "scope": gold.get("scope") or "event",
    }


def matchable(gold: Mapping[str, Any], pred: Mapping[str, Any]) -> bool:
    """The killed or injured count agrees, or the country and the start date do."""
    from extractor.evaluation.matching import (
        _country,
        _gold_count_target,
        count_matches,
        countries_match,
        dates_match,
    )

    qualifier = pred.get("qualifier")
    for key in ("killed", "injured"):
        if _gold_count_target(gold.get(key)) is not None and count_matches(
            gold.get(key), pred.get(key), qualifier
        ):
            return True
    return (
        _country(gold.get("country")) is not None
        and countries_match(gold.get("country"), pred.get("country"))
        and gold.get("start") is not None
        and pred.get("start") is not None
        and dates_match(gold.get("start"), pred.get("start"))
    )


SPEC = RecordSpec(
    record=CasualtyReport,
    draft=CasualtyDraft,
    build=build,
    terms=terms,
    plural="casualty_reports",
    label="casualty reports",
    cues={"en": CASUALTY_WORDS},
    optional_figures=("killed", "injured"),
    template="types/casualty_report.j2",
    columns=COLUMNS,
    table=TABLE,
    gold=GoldSpec(
        fields={
            "killed": K.COUNT,
            "injured": K.COUNT,
            "qualifier": K.ENUM,
            "country": K.COUNTRY,
            "place": K.TEXT,
            "start": K.DATE,
            "end": K.DATE,
            "perpetrator": K.TEXT,
            "victims": K.TEXT,
            "scope": K.ENUM,
        },
        enums={
            "qualifier": frozenset(get_args(CountQualifier)),
            "scope": frozenset(get_args(Scope)),
        },
        to_gold=to_gold,
        from_gold=from_gold,
        matchable=matchable,
        strict=("killed", "injured", "country"),
    ),
)
