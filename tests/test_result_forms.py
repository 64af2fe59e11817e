"""Every reader of results takes both forms the tool writes: bulk's line and extract's JSON.

``extract a.txt | view -`` showed "No records" and ``eval --predictions seed.json`` scored a
document as predicting nothing: view and eval read only a line's ``records``, while extract's
JSON (the default in a pipe) holds them under each type's plural. And a failed extraction
was scored as a prediction of nothing: it is a failure, named and counted as missing.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.evaluation.run import predictions_from_lines
from extractor.export.viewer import document_from_line
from extractor.types.registry import registered_types

SEED_LINE = Path(__file__).parent / "fixtures" / "viewer" / "seed_line.json"


def extract_json(line: dict[str, Any]) -> dict[str, Any]:
    """The line as ``extractor extract -f json`` prints it: records under each plural."""
    plural = {spec.name: spec.plural for spec in registered_types()}
    out: dict[str, Any] = {"doc_id": line["doc_id"], "published": line.get("published"),
                           "metadata": {"model": line.get("model"), "warnings": []}}  # fmt: skip
    for name in plural.values():
        out[name] = []
    for record in line["records"]:
        out[plural[record["type"]]].append(record)
    return out


@settings(max_examples=20, deadline=None)
@given(keep=st.lists(st.booleans(), min_size=4, max_size=4))
def test_view_and_eval_read_extracts_json_as_the_line_it_stands_for(keep: list[bool]) -> None:
    line = json.loads(SEED_LINE.read_text(encoding="utf-8"))
    line["records"] = [r for r, k in zip(line["records"], keep, strict=False) if k]
    as_json = extract_json(line)
    assert len(document_from_line(as_json).records) == len(document_from_line(line).records)
    assert len(document_from_line(line).records) == sum(keep)
    assert predictions_from_lines([as_json])[0] == predictions_from_lines([line])[0]


def test_a_failed_line_is_a_failure_not_a_prediction_of_nothing() -> None:
    line = json.loads(SEED_LINE.read_text(encoding="utf-8"))
    failed = {**line, "status": "error", "records": [],
              "error": {"type": "TransientModelError", "kind": "server", "message": "HTTP 503"}}  # fmt: skip
    predictions, _, failures = predictions_from_lines([failed])
    assert line["doc_id"] not in predictions  # scored as missing, not as "found nothing"
    assert "HTTP 503" in failures[line["doc_id"]]
