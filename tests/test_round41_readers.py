"""Round 41: one rule for what a result line predicts (``predicted_records``).

Only an ``ok`` line's records are read; an ``error`` or ``skipped`` line predicts nothing,
whatever records a damaged or edited file gives it, and whatever its ``counts`` say. Every
reader (flatten's tables, view's page, ``results_to_frame``, eval) follows the rule, so they
agree on how many records each document has, and each says once per document that records
were not read.
"""

from __future__ import annotations

import csv
import io
import json
import warnings
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor.evaluation.run import predictions_from_lines
from extractor.export.flatten import flatten, flatten_csv
from extractor.export.frames import results_to_frame
from extractor.export.viewer import JsonlDocuments
from extractor.io.output import predicted_records, unread_records_note
from extractor.types.registry import registered_types

QUOTE = "President A of France met President B."
EVIDENCE = {"quote": QUOTE, "start": 0, "end": len(QUOTE), "alignment": "exact",
            "spans": [{"start": 0, "end": len(QUOTE), "text": QUOTE}]}  # fmt: skip
#: Records that read back as their type (eval validates what it scores).
FACTS: dict[str, dict[str, Any]] = {
    "visit": {"visitor_country": "FRA"},
    "meeting": {"countries": ["FRA", "DEU"]},
    "arms_transfer": {"supplier": {"name": "France", "country": "FRA"},
                      "recipient": {"name": "Germany", "country": "DEU"}},
}  # fmt: skip
KINDS = [spec.name for spec in registered_types()]
PLURALS = {spec.name: spec.plural for spec in registered_types()}


def _record(kind: str, n: int, doc_id: str) -> dict[str, Any]:
    return {"id": f"{kind}:{n}", "doc_id": doc_id, "type": kind, "status": "occurred",
            "evidence": EVIDENCE, **FACTS[kind]}  # fmt: skip


@st.composite
def result_lines(draw: st.DrawFn) -> list[dict[str, Any]]:
    """Result lines of distinct documents: random status, records and (lying) counts."""
    lines = []
    for number in range(draw(st.integers(1, 6))):
        doc_id = f"d{number}"
        kinds = draw(st.lists(st.sampled_from(sorted(FACTS)), max_size=4))
        status = draw(st.sampled_from(["ok", "error", "skipped"]))
        error = {"type": "ProviderError", "message": "boom"} if status == "error" else None
        lines.append({
            "doc_id": doc_id, "status": status, "source": f"{doc_id}.txt",
            "records": [_record(kind, n, doc_id) for n, kind in enumerate(kinds)],
            "counts": {kind: draw(st.integers(0, 9)) for kind in KINDS},
            "usage": {"prompt_tokens": 1, "completion_tokens": 1}, "error": error,
            "text": QUOTE,
        })  # fmt: skip
    return lines


def _expected(line: dict[str, Any]) -> Counter[str]:
    return Counter(r["type"] for r in line["records"]) if line["status"] == "ok" else Counter()


def _csv(path: Path, table: str) -> list[dict[str, str]]:
    out = io.StringIO()
    flatten_csv(path, out, table)
    return list(csv.DictReader(io.StringIO(out.getvalue())))


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=result_lines())
def test_every_reader_counts_the_records_an_ok_line_has(
    lines: list[dict[str, Any]], tmp_path: Path
) -> None:
    path = tmp_path / "out.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    expected = {line["doc_id"]: _expected(line) for line in lines}
    total = {doc_id: sum(kinds.values()) for doc_id, kinds in expected.items()}
    unread = {line["doc_id"] for line in lines if line["status"] != "ok" and line["records"]}

    # the rule itself
    for line in lines:
        assert len(predicted_records(line)) == total[line["doc_id"]]
        assert (unread_records_note(line) is not None) == (line["doc_id"] in unread)

    # flatten: documents table (its own counts, never the line's), events, type tables
    documents = {row["doc_id"]: row for row in _csv(path, "documents")}
    for doc_id, kinds in expected.items():
        assert int(documents[doc_id]["records"]) == total[doc_id]
        for kind in KINDS:
            assert int(documents[doc_id][PLURALS[kind]]) == kinds.get(kind, 0)
    assert Counter(row["doc_id"] for row in _csv(path, "events")) == +Counter(total)
    for kind in FACTS:
        per_doc = Counter(row["doc_id"] for row in _csv(path, PLURALS[kind]))
        assert per_doc == +Counter({d: k.get(kind, 0) for d, k in expected.items()})
    summary = flatten(path, tmp_path / "tables", parquet=False)
    assert summary.records == sum(total.values())
    said = [w for w in summary.warnings() if "not read" in w]
    assert len(said) == len(unread) and all(any(repr(d) in w for w in said) for d in unread)

    # view
    shown = {doc.doc_id: doc for doc in JsonlDocuments(path)}
    for doc_id in expected:
        assert len(shown[doc_id].records) == total[doc_id]
        notes = [w for w in shown[doc_id].warnings if "not read" in w]
        assert len(notes) == (doc_id in unread)

    # results_to_frame
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        frame = results_to_frame(lines, "documents")
        events = results_to_frame(lines)
    by_id = frame.set_index("doc_id")
    for doc_id, kinds in expected.items():
        assert by_id.loc[doc_id, "records"] == total[doc_id]
        for kind in KINDS:
            assert by_id.loc[doc_id, PLURALS[kind]] == kinds.get(kind, 0)
    assert Counter(events["doc_id"]) == +Counter(total)
    assert {str(w.message) for w in caught} == {unread_records_note(line) for line in lines} - {
        None
    }

    # eval: an error line is a failure, a skipped one a prediction of nothing
    notes: list[str] = []
    found, _, failures = predictions_from_lines(lines, on_unread=notes.append)
    for line in lines:
        doc_id = line["doc_id"]
        if line["status"] == "error":
            assert doc_id in failures and doc_id not in found
        else:
            assert len(found[doc_id]) == total[doc_id]
    assert len(notes) == len(unread)


def test_the_reported_error_line_with_a_lying_count(tmp_path: Path) -> None:
    """An error line carrying one meeting and ``"meeting": 7``: no reader reads either."""
    line = {"doc_id": "c1", "status": "error", "source": "c.csv:2",
            "records": [_record("meeting", 0, "c1")],
            "counts": {**dict.fromkeys(KINDS, 0), "meeting": 7},
            "usage": {}, "error": {"type": "X", "message": "failed"}, "text": QUOTE}  # fmt: skip
    path = tmp_path / "out.jsonl"
    path.write_text(json.dumps(line) + "\n", encoding="utf-8")
    [row] = _csv(path, "documents")
    assert (row["records"], row["meetings"]) == ("0", "0")
    assert _csv(path, "events") == []
    summary = flatten(path, tmp_path / "tables", parquet=False)
    assert "document 'c1': an error line carries 1 record; not read" in summary.warnings()[0]
    [doc] = list(JsonlDocuments(path))
    assert doc.records == [] and "not read" in doc.warnings[-1]
    with pytest.warns(UserWarning, match="'c1': an error line carries 1 record"):
        assert len(results_to_frame([line])) == 0
    notes: list[str] = []
    found, _, failures = predictions_from_lines([line], on_unread=notes.append)
    assert found == {} and "c1" in failures and len(notes) == 1


def test_an_ok_lines_counts_are_its_records_not_its_counts(tmp_path: Path) -> None:
    line = {"doc_id": "a", "status": "ok", "source": "a.txt",
            "records": [_record("visit", 0, "a")],
            "counts": {**dict.fromkeys(KINDS, 0), "meeting": 7}, "usage": {}, "error": None}  # fmt: skip
    path = tmp_path / "out.jsonl"
    path.write_text(json.dumps(line) + "\n", encoding="utf-8")
    [row] = _csv(path, "documents")
    assert (row["records"], row["visits"], row["meetings"]) == ("1", "1", "0")


def test_extract_json_is_an_ok_result() -> None:
    result = {"doc_id": "e", "metadata": {"model": "m"}, "visits": [_record("visit", 0, "e")]}
    assert len(predicted_records(result)) == 1 and unread_records_note(result) is None
