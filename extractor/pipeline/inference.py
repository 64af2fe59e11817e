"""Codebook inferences: records that other records entail.

Event-data codebooks code one sentence as several events when it states
several. Each record type may declare the records of other types that entail
one of its own (``RecordSpec.derive``): a visit during which the visitor met
the hosts is also a meeting; a meeting held abroad entails the foreign
participants' visits (see the built-in types' modules).

Derived records go through the same validation as the model's, against the
same article and with the same evidence, so they are grounded like any other;
duplicates of records the model did find are merged afterwards.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from extractor.types.base import Record
from extractor.types.registry import get_type


def infer(records: list[Record], types: Sequence[str], context: dict[str, Any]) -> list[Record]:
    """Records entailed by ``records`` (validated against ``context``), not yet deduplicated.

    Only types among ``types`` are derived; each record is looked at in turn,
    so derived records follow the order of the records they come from.
    """
    rules = [spec.derive for spec in map(get_type, types) if spec.derive is not None]
    derived: list[Record] = []
    for record in records:
        for rule in rules:
            derived.extend(rule([record], types, context))
    return derived
