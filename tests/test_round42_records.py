"""A record belongs to the line that carries it (round 42).

A record's own ``doc_id`` may name another document (a hand-merged or edited file), or be
no string at all. Every reader files it under its line's ``doc_id`` all the same
(:func:`~extractor.io.output.predicted_records`) and says so once per document
(:func:`~extractor.io.output.foreign_records_note`). Invariant, on generated result
files (several lines, records of every registered type with random own ``doc_id`` and
some damaged fields): for every document, the rows of ``events``, of each type's table,
the counts of ``documents``, ``results_to_frame``'s rows, view's records and eval's
predictions all equal the records of its line that ``predicted_records`` reads.
"""

from __future__ import annotations

import json
import tempfile
import warnings
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import extractor
from extractor.evaluation.run import predictions_from_lines
from extractor.export.flatten import flatten, table_name
from extractor.export.viewer import documents_from_jsonl
from extractor.io.output import foreign_records_note, predicted_records
from extractor.types.registry import get_type, registered_types

duckdb = pytest.importorskip("duckdb")
pytest.importorskip("pandas")

_EVIDENCE = {
    "quote": "x",
    "start": 0,
    "end": 1,
    "alignment": "exact",
    "spans": [{"start": 0, "end": 1, "text": "x"}],
}
#: What each built-in type needs beyond the shared fields to be read back as its type.
_NEEDS: dict[str, dict[str, Any]] = {
    "visit": {"visitor_country": "FRA"},
    "meeting": {"countries": ["FRA", "DEU"]},
    "arms_transfer": {
        "supplier": {"name": "France", "country": "FRA"},
        "recipient": {"name": "Germany", "country": "DEU"},
    },
    "casualty_report": {"killed": {"best": 3, "text": "3"}},
}
TYPES = [spec.name for spec in registered_types() if spec.name in _NEEDS]
_ABSENT = object()
#: A record's own doc_id: none, its line's, another line's, or no string at all.
own_ids = st.one_of(
    st.just(_ABSENT),
    st.sampled_from([None, "x", "", [1], 1.5, 0, True, {"a": 1}]),
    st.sampled_from(["d0", "d1", "d2", "d3"]),
)
weird = st.sampled_from([None, True, -1, 1.5, 1e308, "", "x", [], {}, [1], {"a": 1}, "\x00"])


@st.composite
def records(draw: st.DrawFn) -> dict[str, Any]:
    kind = draw(st.sampled_from(TYPES))
    record: dict[str, Any] = {
        "id": f"{kind}:{draw(st.integers(0, 9))}",
        "type": kind,
        "status": "occurred",
        "evidence": dict(_EVIDENCE),
        **_NEEDS[kind],
    }
    own = draw(own_ids)
    if own is not _ABSENT:
        record["doc_id"] = own
    for key in draw(st.lists(st.sampled_from(["evidence", "status", "id", "countries"]))):
        record[key] = draw(weird)  # damaged: not read back as its type, still a record
    return record


@st.composite
def result_files(draw: st.DrawFn) -> list[dict[str, Any]]:
    count = draw(st.integers(1, 4))
    return [
        {
            "doc_id": f"d{n}",
            "status": draw(st.sampled_from(["ok", "ok", "ok", "error", "skipped"])),
            "published": "2024-03-12",
            "records": draw(st.lists(records(), max_size=4)),
            "error": None,
        }
        for n in range(count)
    ]


_REPRO = [
    {"doc_id": "m1", "status": "ok", "records": [{**_NEEDS["meeting"], "id": "meeting:1",
     "type": "meeting", "status": "occurred", "evidence": _EVIDENCE, "doc_id": "m1"}]},
    {"doc_id": "m2", "status": "ok", "records": [{**_NEEDS["meeting"], "id": "meeting:2",
     "type": "meeting", "status": "occurred", "evidence": _EVIDENCE, "doc_id": "m1"}]},
]  # fmt: skip


def _per_doc(con: Any, table: str) -> Counter[str]:
    return Counter(
        dict(con.execute(f'select doc_id, count(*) from "{table}" group by 1').fetchall())
    )


@given(result_files())
@example(_REPRO)
def test_every_reader_files_a_record_under_its_line(lines: list[dict[str, Any]]) -> None:
    expected = {line["doc_id"]: predicted_records(line) for line in lines}
    foreign = {line["doc_id"] for line in lines if foreign_records_note(line) is not None}
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "results.jsonl"
        path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
        summary = flatten(path, Path(folder) / "t.duckdb")
        con = duckdb.connect(str(Path(folder) / "t.duckdb"), read_only=True)
        try:
            events = _per_doc(con, "events")
            typed = {kind: _per_doc(con, table_name(get_type(kind))) for kind in TYPES}
            plurals = ", ".join(f'"{table_name(get_type(kind))}"' for kind in TYPES)
            documents = {
                row[0]: row[1:]
                for row in con.execute(
                    f"select doc_id, records, {plurals} from documents"
                ).fetchall()
            }
        finally:
            con.close()
        view = {document.doc_id: document for document in documents_from_jsonl(path)}
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        frame = extractor.results_to_frame(lines)
    assert sum("another doc_id" in str(w.message) for w in caught) == len(foreign)
    framed = Counter(frame["doc_id"]) if len(frame) else Counter()
    notes: list[str] = []
    try:
        predictions: dict[str, list[Any]] | None = predictions_from_lines(
            lines, on_unread=notes.append
        )[0]
    except ValueError as error:  # a damaged record is refused, naming its document
        assert str(error).startswith("document '")
        predictions = None
    for doc_id, records in expected.items():
        kinds = Counter(str(record["type"]) for record in records)
        assert all(record.get("doc_id") == doc_id for record in records)
        assert events[doc_id] == len(records) == framed[doc_id]
        assert documents[doc_id] == (len(records), *(kinds[kind] for kind in TYPES))
        for kind in TYPES:
            assert typed[kind][doc_id] == kinds[kind], (doc_id, kind)
        assert len(view[doc_id].records) == len(records)
        said = [w for w in view[doc_id].warnings if "another doc_id" in w]
        assert len(said) == (doc_id in foreign)
        if predictions is not None and doc_id in predictions:
            assert len(predictions[doc_id]) == len(records)
    assert sorted(note.split(":")[0] for note in summary.foreign) == sorted(
        f"document {doc_id!r}" for doc_id in foreign
    )
    if predictions is not None:
        assert sum("another doc_id" in note for note in notes) == len(foreign)


def test_the_reported_file_gives_each_document_its_record(tmp_path: Path) -> None:
    path = tmp_path / "rd.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in _REPRO), encoding="utf-8")
    summary = flatten(path, tmp_path / "rd.duckdb")
    con = duckdb.connect(str(tmp_path / "rd.duckdb"), read_only=True)
    try:
        assert sorted(con.execute("select doc_id from meetings").fetchall()) == [
            ("m1",),
            ("m2",),
        ]
    finally:
        con.close()
    assert summary.foreign == [foreign_records_note(_REPRO[1])]
    assert any("document 'm2'" in w and "'m1'" in w for w in summary.warnings())
    with pytest.warns(UserWarning, match="document 'm2'"):
        frame = extractor.results_to_frame(_REPRO)
    assert list(frame["doc_id"]) == ["m1", "m2"]
