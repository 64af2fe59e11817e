"""Merge the records found in overlapping chunks (and repeated by the model).

Two records are the same event when they have the same stable id (same type
and key fields) or when they are of one type and their evidence spans overlap
in the article. The fuller of the two is kept (first wins on ties), as
LangExtract merges its passes.
"""

from __future__ import annotations

import re

from extractor.text.grounding import normalise_text
from extractor.types.base import Record


def _filled(record: Record) -> int:
    dumped = record.model_dump(exclude={"id", "doc_id", "evidence"}, exclude_none=True)
    return sum(1 for value in dumped.values() if value not in ([], "", {}))


def _overlap(a: Record, b: Record) -> bool:
    return a.evidence.overlaps(b.evidence)


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


def _tokens(record: Record) -> set[str]:
    words: set[str] = set()
    for actor in record.actors():
        words.update(
            w for w in re.findall(r"\w{3,}", normalise_text(actor.display_name, accents=False))
        )
    return words


def _same_parties(a: Record, b: Record) -> bool:
    """Whether two same-type records with overlapping quotes are one event.

    One sentence rarely states two events of one type, but it does happen
    ("A met B; C met D"): require a shared name word or the same countries.
    """
    if _tokens(a) & _tokens(b):
        return True
    return bool(a.countries()) and set(a.countries()) == set(b.countries())
