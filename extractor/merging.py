"""Merge the records found in overlapping chunks (and repeated by the model).

Two records are the same event when they have the same stable id (same type
and key fields) or when they are of one type and their evidence spans overlap
in the article. The fuller of the two is kept (first wins on ties), as
LangExtract merges its passes.
"""

from __future__ import annotations

from .records import Record


def _filled(record: Record) -> int:
    dumped = record.model_dump(exclude={"id", "doc_id", "evidence"}, exclude_none=True)
    return sum(1 for value in dumped.values() if value not in ([], "", {}))


def _overlap(a: Record, b: Record) -> bool:
    ea, eb = a.evidence, b.evidence
    if ea.start is None or ea.end is None or eb.start is None or eb.end is None:
        return False
    return max(ea.start, eb.start) < min(ea.end, eb.end)


def merge_records(records: list[Record]) -> tuple[list[Record], int]:
    """Deduplicate; return the kept records (in first-seen order) and how many merged."""
    kept: list[Record] = []
    merged = 0
    for record in records:
        twin = next(
            (
                i for i, k in enumerate(kept)
                if k.id == record.id or (k.record_type == record.record_type and _overlap(k, record)
                                         and _same_parties(k, record))
            ),
            None,
        )  # fmt: skip
        if twin is None:
            kept.append(record)
            continue
        merged += 1
        if _filled(record) > _filled(kept[twin]):
            kept[twin] = record
    return kept, merged


def _same_parties(a: Record, b: Record) -> bool:
    """Overlapping quotes can state two events (a visit and its meeting are different
    types, but two meetings in one sentence are not): require shared actors or countries."""
    names_a = {x.display_name.casefold() for x in a.actors()} | set(a.countries())
    names_b = {x.display_name.casefold() for x in b.actors()} | set(b.countries())
    return names_a == names_b
