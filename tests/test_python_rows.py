"""Rows and DataFrames from results: one table whatever shape the results are in.

A caller holds an ArticleExtraction (``extract``), a BatchResult
(``extract_many``) or a bulk line read back from JSONL. The invariants:

* the rows of a table do not depend on the shape: the same documents give the
  same ``events`` and per-type rows from any of the shapes, mixed or not;
* they are the rows ``extractor flatten`` writes: flattening the bulk output
  to CSV gives the same cells;
* every record is exactly one row of ``events`` and of its type's table, and
  every document (failures included) one row of ``documents``.

Results come from the real pipeline against the fake server on loopback,
over generated corpora.
"""

from __future__ import annotations

import csv
import json
import random
import sys
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pandas
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor import (
    ArticleExtraction,
    BatchResult,
    ConfigurationError,
    Document,
    Extractor,
    Visit,
    extract_many_sync,
    results_to_frame,
)
from extractor.bulk.runner import run_bulk
from extractor.export.flatten import csv_cell, flatten, table_columns
from extractor.runtime.retrying import RetryPolicy
from tests.fakes.openai_server import LOOPBACK_ONLY, FakeOpenAI
from tests.test_python_api import SENTENCE, kano_model

pytestmark = pytest.mark.block_network(allowed_hosts=LOOPBACK_ONLY)

WHEN = ["yesterday", "today", "on Monday", "on Saturday", "3 days ago", "last week"]
NO_EVENT = "The city council discussed the budget for next year and adjourned."


@pytest.fixture(scope="module")
def server() -> Iterator[FakeOpenAI]:
    with FakeOpenAI(kano_model) as running:
        yield running


@pytest.fixture(scope="module")
def extractor(server: FakeOpenAI) -> Iterator[Extractor]:
    with Extractor(
        "openai/fake-model", base_url=server.base_url, retry_policy=RetryPolicy(attempts=1)
    ) as ex:
        yield ex


def corpus_row(index: int, kind: str, when: str, published: date) -> dict[str, Any]:
    """One input row: a casualty report, a text with no event, or an empty text (an error)."""
    text = {"event": SENTENCE.format(when=when), "none": NO_EVENT, "empty": ""}[kind]
    return {"id": f"d{index:03d}", "text": text, "published": published.isoformat()}


CORPORA = st.lists(
    st.tuples(
        st.sampled_from(["event", "event", "none", "empty"]),
        st.sampled_from(WHEN),
        st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 12, 31)),
    ),
    min_size=1,
    max_size=5,
).map(lambda rows: [corpus_row(i, *row) for i, row in enumerate(rows)])


def batch(extractor: Extractor, rows: list[dict[str, Any]]) -> list[BatchResult]:
    documents = [
        Document(row["id"], row["text"], published=date.fromisoformat(row["published"]))
        for row in rows
    ]
    return sorted(extract_many_sync(documents, extractor=extractor), key=lambda r: r.index)


def cells(frame: pandas.DataFrame) -> list[dict[str, Any]]:
    """The frame's rows as plain values, a missing value as None (as in the rows)."""
    return frame.astype(object).where(frame.notna(), None).to_dict("records")


def by_record(frame: pandas.DataFrame) -> list[dict[str, Any]]:
    return sorted(cells(frame), key=lambda row: str(row["record_id"]))


@settings(
    max_examples=10, deadline=None, database=None, derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)  # fmt: skip
@given(rows=CORPORA)
def test_every_shape_of_the_same_results_gives_the_same_rows(
    extractor: Extractor, rows: list[dict[str, Any]]
) -> None:
    results = batch(extractor, rows)
    extractions = [r.extraction for r in results if r.extraction is not None]
    dumped = [json.loads(e.model_dump_json()) for e in extractions]  # `extractor extract` JSON
    mixed = [*results[:1], *extractions[1:]]
    records = [record for r in results for record in r.records]

    for table in (None, "casualty_report"):
        frames = [results_to_frame(shape, table) for shape in (results, extractions, dumped)]
        expected = by_record(frames[0])
        for frame in frames[1:]:
            assert by_record(frame) == expected
        if len(results) > 1 and results[0].ok:
            assert by_record(results_to_frame(mixed, table)) == expected
        # every record exactly once
        assert sorted(frames[0]["record_id"]) == sorted(r.id for r in records)
        assert list(frames[0].columns) == [
            c.name for c in table_columns()["events" if table is None else "casualty_reports"]
        ]

    documents = results_to_frame(results, "documents")
    assert list(documents["doc_id"]) == [row["id"] for row in rows]
    assert list(documents["run_status"]) == [r.status for r in results]
    assert [bool(r.ok) for r in results] == [bool(row["text"]) for row in rows]
    for extraction in extractions:  # one result's rows are its share of the frame's
        assert extraction.rows() == [
            row for row in cells(results_to_frame(results)) if row["doc_id"] == extraction.doc_id
        ]  # fmt: skip


def test_the_rows_are_the_cells_extractor_flatten_writes(
    tmp_path: Path, server: FakeOpenAI
) -> None:
    chance = random.Random(16)
    kinds = ["event"] * 8 + ["none"] * 3 + ["empty"] * 2
    chance.shuffle(kinds)
    rows = [
        corpus_row(i, kind, chance.choice(WHEN), date(2020, 1, 1) + timedelta(chance.randrange(3000)))
        for i, kind in enumerate(kinds)
    ]  # fmt: skip
    inputs = tmp_path / "in.jsonl"
    inputs.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    run_bulk(
        [inputs], out, model="openai/fake-model", base_url=server.base_url,
        retry_policy=RetryPolicy(attempts=1),
    )  # fmt: skip
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert sorted(line["doc_id"] for line in lines) == [row["id"] for row in rows]

    tables = tmp_path / "tables"
    flatten(out, tables, parquet=False)

    for table, columns in table_columns().items():
        frame = results_to_frame(lines, table)
        with open(tables / f"{table}.csv", encoding="utf-8", newline="") as handle:
            written = list(csv.DictReader(handle))
        assert len(written) == len(frame), table
        expected = [{k: str(csv_cell(v)) for k, v in row.items()} for row in cells(frame)]
        key = "record_id" if "record_id" in frame.columns else "doc_id"
        assert sorted(written, key=lambda r: r[key]) == sorted(expected, key=lambda r: r[key])
        for column in columns:  # a count is an integer, missing or not; a date a date
            if column.kind == "int":
                assert str(frame[column.name].dtype) == "Int64"
            if column.kind == "date":
                values = [row[column.name] for row in cells(frame)]
                assert all(v is None or isinstance(v, date) for v in values)
    events = results_to_frame(lines)
    assert len(events) == kinds.count("event") == len(set(events["record_id"]))


def test_no_results_is_an_empty_frame_with_the_tables_columns() -> None:
    for table, columns in table_columns().items():
        frame = results_to_frame([], table)
        assert frame.empty and list(frame.columns) == [c.name for c in columns]
    assert list(results_to_frame([], Visit).columns) == [c.name for c in table_columns()["visits"]]


def test_without_pandas_the_error_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # import pandas now raises ImportError
    with pytest.raises(ConfigurationError, match=r"pip install 'extractor\[pandas\]'"):
        results_to_frame([])


@settings(max_examples=40, deadline=None, database=None, derandomize=True)
@given(name=st.from_regex(r"[a-z_]{1,15}", fullmatch=True))
def test_an_unknown_table_is_one_line_listing_the_choices(name: str) -> None:
    if name in table_columns() or name in {"visit", "meeting", "arms_transfer", "casualty_report"}:
        return
    with pytest.raises(ConfigurationError) as caught:
        results_to_frame([], name)
    assert "\n" not in str(caught.value) and "visit" in str(caught.value)


@settings(max_examples=40, deadline=None, database=None, derandomize=True)
@given(junk=st.one_of(st.integers(), st.text(max_size=5), st.none(), st.floats(allow_nan=False)))
def test_an_item_that_is_no_result_is_named_by_its_position(junk: Any) -> None:
    good = ArticleExtraction.model_validate(
        {"doc_id": "a", "metadata": {"model": "m", "prompt_version": "p", "schema_version": "s",
                                     "strategy": "single"}}
    )  # fmt: skip
    with pytest.raises(TypeError) as caught:
        results_to_frame([good, junk])
    assert "results[1]" in str(caught.value) and type(junk).__name__ in str(caught.value)


@settings(
    max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(order=st.permutations(range(4)), start=st.integers(-5, 100))
def test_extract_frame_keeps_the_input_frames_index(
    extractor: Extractor, order: list[int], start: int
) -> None:
    """A fresh 0..n-1 index attached the results of a filtered or sorted frame to other
    rows: ``df["status"] = extract_frame(df)["status"]`` must line up."""
    from extractor.integrations.rows import extract_frame

    texts = [f"{SENTENCE} Row {n}." if n % 2 else "" for n in range(4)]
    frame = pandas.DataFrame({"id": [f"r{n}" for n in range(4)], "text": texts})
    frame.index = [start + 10 * n for n in range(4)]
    frame = frame.iloc[order]
    out = extract_frame(frame, extractor=extractor)
    assert list(out.index) == list(frame.index)
    frame["status"] = out["status"]
    for _, row in frame.iterrows():
        assert row["status"] == ("ok" if row["text"] else "error"), row


def test_an_infinite_row_id_is_no_id(extractor: Extractor) -> None:
    """extract_frame keyed rows with an id of inf as the document "inf"; bulk reads the
    same id as none, and Document(inf) is refused: each such row gets the id of a row
    without one."""
    import decimal

    import numpy

    from extractor.integrations.rows import extract_frame

    frame = pandas.DataFrame({"id": [1.0, numpy.float32("inf"), decimal.Decimal("-Infinity")],
                              "text": [SENTENCE, SENTENCE + " Two.", SENTENCE + " Three."]})  # fmt: skip
    out = extract_frame(frame, extractor=extractor)
    ids = list(out["doc_id"])
    assert ids[0] == "1" and "inf" not in ids and "-inf" not in ids, ids
    assert len(set(ids)) == 3
