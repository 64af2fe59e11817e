"""Produce the predictions an evaluation scores: run extraction, or read a bulk output.

Both paths end in the same shape, gold-format dicts per document id (mapped
with :mod:`extractor.goldmap`) plus what each document cost, so a run scored
live and a run scored from a saved ``extractor bulk`` file are comparable.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter

from ..engine import Extractor
from ..errors import ExtractorError, InputError
from ..goldmap import record_to_gold
from ..records import AnyRecord, Record
from .gold import GoldDocument
from .scoring import DocUsage

Predictions = dict[str, list[dict[str, Any]]]
_RECORD = TypeAdapter(AnyRecord)


def predictions_from_extraction(
    documents: Iterable[GoldDocument],
    extractor: Extractor,
    *,
    on_document: Callable[[GoldDocument, int, str | None], None] | None = None,
) -> tuple[Predictions, dict[str, DocUsage], dict[str, str]]:
    """Extract every gold document; failures are recorded, not raised."""
    predictions: Predictions = {}
    usage: dict[str, DocUsage] = {}
    failures: dict[str, str] = {}
    for document in documents:
        try:
            result = extractor.extract(
                document.text, published=document.published, doc_id=document.id
            )
        except ExtractorError as error:
            failures[document.id] = f"{type(error).__name__}: {error}"
            predictions[document.id] = []
            spent = getattr(error, "usage", None)
            usage[document.id] = DocUsage(
                prompt_tokens=getattr(spent, "prompt_tokens", None),
                completion_tokens=getattr(spent, "completion_tokens", None),
            )
            if on_document is not None:
                on_document(document, 0, failures[document.id])
            continue
        predictions[document.id] = [record_to_gold(r) for r in result.records]
        meta = result.metadata
        usage[document.id] = DocUsage(
            prompt_tokens=meta.usage.prompt_tokens,
            completion_tokens=meta.usage.completion_tokens,
            seconds=meta.seconds,
        )
        if on_document is not None:
            on_document(document, len(result.records), None)
    return predictions, usage, failures


def predictions_from_file(path: Path) -> tuple[Predictions, dict[str, DocUsage], dict[str, str]]:
    """Read an ``extractor bulk`` output file (one JSON line per document)."""
    predictions: Predictions = {}
    usage: dict[str, DocUsage] = {}
    failures: dict[str, str] = {}
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                doc_id = str(row["doc_id"])
            except (json.JSONDecodeError, KeyError, TypeError) as error:
                raise InputError(
                    f"line {number} is not a bulk output line ({error})", source=str(path)
                ) from None
            records: list[Record] = [_RECORD.validate_python(r) for r in row.get("records") or []]
            predictions[doc_id] = [record_to_gold(r) for r in records]
            spent = row.get("usage") or {}
            usage[doc_id] = DocUsage(
                prompt_tokens=spent.get("prompt_tokens"),
                completion_tokens=spent.get("completion_tokens"),
                seconds=row.get("seconds"),
            )
            if row.get("status") == "error":
                problem = row.get("error") or {}
                failures[doc_id] = f"{problem.get('type', 'error')}: {problem.get('message', '')}"
    return predictions, usage, failures
