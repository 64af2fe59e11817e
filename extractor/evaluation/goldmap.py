"""Translate between the project's records and the gold format (shared/eval/GOLD_FORMAT.md).

The gold format is deliberately flatter than the records and independent of
them, so that a gold set keeps its meaning when the schema changes. Each
record type declares its own mapping (``RecordSpec.gold``, in its module);
this module applies it: the evaluator maps predictions through
:func:`record_to_gold`, and tests build records from gold with
:func:`gold_to_record` to prove the schema can express every gold fact.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from extractor.types.base import Record
from extractor.types.parts import Evidence, Status
from extractor.types.registry import GoldSpec, get_type


def _gold_spec(kind: str) -> GoldSpec:
    spec = get_type(kind).gold
    if spec is None or spec.to_gold is None or spec.from_gold is None:
        raise ValueError(f"record type {kind!r} has no gold-format mapping")
    return spec


def gold_to_record(
    gold: dict[str, Any], *, text: str, published: date | None, doc_id: str
) -> Record:
    """Build and validate (against the article) the record a gold line describes."""
    kind = gold["type"]
    try:
        spec = get_type(kind)
    except Exception:
        raise ValueError(f"unknown gold record type {kind!r}") from None
    status = Status.PLANNED if gold.get("status") == "planned" else Status.OCCURRED
    if gold.get("status") == "alleged":
        status = Status.ALLEGED
    common: dict[str, Any] = {"status": status, "evidence": Evidence(quote=gold["evidence"])}
    context = {"text": text, "published": published, "doc_id": doc_id}
    data = _gold_spec(kind).from_gold(gold)  # type: ignore[misc]
    return spec.record.model_validate({**common, **data}, context=context)


def record_to_gold(record: Record) -> dict[str, Any]:
    """The gold-format dict for a record (what the scorer compares)."""
    base: dict[str, Any] = {
        "type": record.record_type,
        "evidence": record.evidence.cited_text,
        "evidence_spans": [[s.start, s.end, s.text] for s in record.evidence.spans],
        "grounded": record.evidence.alignment != "not_found",
        "status": record.status.value,
        "id": record.id,
    }
    return {**base, **_gold_spec(record.record_type).to_gold(record)}  # type: ignore[misc]
