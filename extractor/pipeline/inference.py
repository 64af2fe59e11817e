"""Codebook inferences: records that other records entail.

Event-data codebooks code one sentence as several events when it states
several. Two rules cover most of what small models miss:

* a visit during which the visitor met named hosts ("X visited Y and met Z")
  is also a meeting between them (PLOVER CONSULT visit and CONSULT meet);
* a meeting held in a country that is foreign to a participant ("A met today
  in Washington with Saudi Vice Minister B") entails that participant's
  visit to that country.

Derived records go through the same validation as the model's, against the
same article and with the same evidence, so they are grounded like any other;
duplicates of records the model did find are merged afterwards.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import ValidationError

from extractor.text.countries import country_in_text
from extractor.types.base import Meeting, Record, RecordType, Visit

_MET = re.compile(
    r"\b(met|meet|meets|meeting|talks|held discussions|discussed|spoke with|hosted|received)\b",
    re.I,
)


def _evidence(record: Record) -> dict[str, Any]:
    return {"quote": record.evidence.quote, "start": record.evidence.start}


def meeting_from_visit(visit: Visit, context: dict[str, Any]) -> Meeting | None:
    """The meeting a visit's evidence states between visitors and hosts, if any."""
    if not visit.visitors or not visit.hosts or not _MET.search(visit.evidence.quote):
        return None
    countries = [c for c in (visit.visitor_country, visit.host_country) if c]
    data = {
        "participants": [*visit.visitors, *visit.hosts],
        "countries": countries,
        "format": "bilateral" if len(set(countries)) == 2 else None,
        "place": visit.place,
        "date": visit.start,
        "status": visit.status,
        "attribution": visit.attribution,
        "evidence": _evidence(visit),
    }
    try:
        return Meeting.model_validate(data, context=context)
    except ValidationError:
        return None


def visits_from_meeting(meeting: Meeting, context: dict[str, Any]) -> list[Visit]:
    """Visits by participants from abroad to the country where the meeting took place."""
    if meeting.place is None:
        return []
    host = meeting.place.country or country_in_text(meeting.place.text)
    if host is None:
        return []
    visits = []
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
            "evidence": _evidence(meeting),
        }
        try:
            visits.append(Visit.model_validate(data, context=context))
        except ValidationError:
            continue
    return visits


def infer(
    records: list[Record], types: tuple[RecordType, ...], context: dict[str, Any]
) -> list[Record]:
    """Records entailed by ``records`` (validated against ``context``), not yet deduplicated."""
    derived: list[Record] = []
    for record in records:
        if isinstance(record, Visit) and "meeting" in types:
            meeting = meeting_from_visit(record, context)
            if meeting is not None:
                derived.append(meeting)
        if isinstance(record, Meeting) and "visit" in types:
            derived.extend(visits_from_meeting(record, context))
    return derived
