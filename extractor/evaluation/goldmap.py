"""Translate between the project's records and the gold format (shared/eval/GOLD_FORMAT.md).

The gold format is deliberately flatter than the records and independent of
them, so that a gold set keeps its meaning when the schema changes. This is
the one place that knows both shapes: the evaluator maps predictions through
:func:`record_to_gold`, and tests build records from gold with
:func:`gold_to_record` to prove the schema can express every gold fact.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from extractor.text.countries import is_alpha3, to_alpha3
from extractor.types.base import ArmsItem, ArmsTransfer, CasualtyReport, Meeting, Record, Visit
from extractor.types.parts import Actor, Count, DateValue, Evidence, Money, Place, Status


def _date_value(start: str | None, end: str | None = None) -> DateValue | None:
    if start is None:
        return None
    if end is not None and end != start:
        return DateValue(value=start, end=end, kind="range")
    return DateValue(value=start)


def _party(value: str | None) -> Actor:
    if value is None:
        return Actor(name="unknown")
    if is_alpha3(value):
        return Actor(name=value, country=value)
    return Actor(name=value)


def _count(value: dict[str, Any] | None, qualifier: str | None) -> Count | None:
    if not value or all(value.get(k) is None for k in ("low", "best", "high")):
        return None
    return Count(
        low=value.get("low"), best=value.get("best"), high=value.get("high"),
        qualifier=qualifier or "exact",
    )  # fmt: skip


def gold_to_record(
    gold: dict[str, Any], *, text: str, published: date | None, doc_id: str
) -> Record:
    """Build and validate (against the article) the record a gold line describes."""
    kind = gold["type"]
    status = Status.PLANNED if gold.get("status") == "planned" else Status.OCCURRED
    if gold.get("status") == "alleged":
        status = Status.ALLEGED
    common: dict[str, Any] = {"status": status, "evidence": Evidence(quote=gold["evidence"])}
    context = {"text": text, "published": published, "doc_id": doc_id}
    place = Place(text=gold["place"]) if gold.get("place") else None
    if kind == "visit":
        data: dict[str, Any] = {
            "visitors": [
                Actor(name=n, country=gold.get("visitor_country")) for n in gold["visitors"]
            ],
            "visitor_country": gold.get("visitor_country"),
            "host_country": gold.get("host_country"),
            "place": place,
            "start": _date_value(gold.get("start")),
            "end": _date_value(gold.get("end")),
        }
        return Visit.model_validate({**common, **data}, context=context)
    if kind == "meeting":
        data = {
            "participants": [Actor(name=n) for n in gold["participants"]],
            "countries": gold.get("countries") or [],
            "place": place,
            "date": _date_value(gold.get("date")),
        }
        return Meeting.model_validate({**common, **data}, context=context)
    if kind == "arms_transfer":
        value = gold.get("value")
        items = [ArmsItem(designation=i) for i in gold.get("items") or []]
        if items and gold.get("quantity") is not None:
            items[0] = items[0].model_copy(update={"quantity": gold["quantity"]})
        when = _date_value(gold.get("start"), gold.get("end"))
        delivered = gold.get("status") == "delivered"
        data = {
            "supplier": _party(gold.get("supplier")),
            "recipient": _party(gold.get("recipient")),
            "items": items,
            "value": Money(amount=value["amount"], currency=value["currency"]) if value else None,
            "delivery_date": when if delivered else None,
            "order_date": None if delivered else when,
            "deal_status": gold.get("status"),
        }
        if gold.get("status") == "alleged":
            data["status"] = Status.ALLEGED
        return ArmsTransfer.model_validate({**common, **data}, context=context)
    if kind == "casualty_report":
        qualifier = gold.get("qualifier")
        data = {
            "killed": _count(gold.get("killed"), qualifier),
            "injured": _count(gold.get("injured"), qualifier),
            "country": gold.get("country"),
            "place": place,
            "date": _date_value(gold.get("start"), gold.get("end")),
            "perpetrator": Actor(name=gold["perpetrator"]) if gold.get("perpetrator") else None,
            "victims": gold.get("victims"),
            "scope": gold.get("scope") or "event",
        }
        return CasualtyReport.model_validate({**common, **data}, context=context)
    raise ValueError(f"unknown gold record type {kind!r}")


def _code_or_name(actor: Actor) -> str | None:
    if actor.country:
        return actor.country
    if actor.name == "unknown":
        return None
    try:
        return to_alpha3(actor.name)
    except ValueError:
        return actor.name


def _span(value: DateValue | None) -> tuple[str | None, str | None]:
    if value is None:
        return None, None
    return value.value, value.end


def record_to_gold(record: Record) -> dict[str, Any]:
    """The gold-format dict for a record (what the scorer compares)."""
    base: dict[str, Any] = {
        "type": record.record_type,
        "evidence": record.evidence.quote,
        "grounded": record.evidence.alignment != "not_found",
        "status": record.status.value,
        "id": record.id,
    }
    if isinstance(record, Visit):
        start, start_end = _span(record.start)
        end, _ = _span(record.end)
        return {
            **base,
            "visitors": [a.name for a in record.visitors],
            "visitor_country": record.visitor_country,
            "host_country": record.host_country,
            "place": record.place.text if record.place else None,
            "start": start,
            "end": end or start_end,
        }
    if isinstance(record, Meeting):
        return {
            **base,
            "participants": [a.name for a in record.participants],
            "countries": list(record.countries_involved),
            "place": record.place.text if record.place else None,
            "date": record.date.value if record.date else None,
        }
    if isinstance(record, ArmsTransfer):
        when = record.order_date or record.delivery_date
        start, end = _span(when)
        if record.order_date and record.delivery_date:
            end = record.delivery_date.end or record.delivery_date.value
        quantities = [i.quantity for i in record.items if i.quantity is not None]
        status = record.deal_status
        if record.status == Status.ALLEGED:
            status = "alleged"
        return {
            **base,
            "supplier": _code_or_name(record.supplier),
            "recipient": _code_or_name(record.recipient),
            "items": [i.designation for i in record.items],
            "quantity": sum(quantities) if quantities else None,
            "value": (
                {"amount": float(record.value.amount), "currency": record.value.currency}
                if record.value
                else None
            ),
            "start": start,
            "end": end,
            "status": status,
        }
    if isinstance(record, CasualtyReport):
        start, end = _span(record.date)
        count = record.killed or record.injured
        return {
            **base,
            "killed": _count_dict(record.killed),
            "injured": _count_dict(record.injured),
            "qualifier": count.qualifier if count else None,
            "country": record.country,
            "place": record.place.text if record.place else None,
            "start": start,
            "end": end,
            "perpetrator": record.perpetrator.name if record.perpetrator else None,
            "victims": record.victims,
            "scope": record.scope,
        }
    raise TypeError(f"not a record: {type(record).__name__}")


def _count_dict(count: Count | None) -> dict[str, int | None] | None:
    if count is None:
        return None
    return {"low": count.low, "best": count.best, "high": count.high}
