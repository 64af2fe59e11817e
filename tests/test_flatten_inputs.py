"""What ``flatten`` reads: every shape ``extract`` and ``bulk`` write, reruns, stdin, nothing.

Invariants, each over generated inputs:

* the last line of a ``doc_id`` wins (a rerun supersedes): one ``documents``
  row per id, holding that line's status and records, and only its records;
* the same results give the same rows whether they come as bulk JSONL, as
  ``extract``'s JSON (pretty-printed or compact, one object, JSONL of them or
  an array, with or without a final newline) or on stdin;
* a non-empty input from which nothing is read is an error naming the input
  (exit 1), results without records a warning, never silence; every message
  is one line, never a traceback;
* the output is chosen by its name, ``--to`` still works, and a file that is
  not a DuckDB database is never overwritten.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner, Result

from extractor import CasualtyReport, Meeting
from extractor.cli import app
from extractor.errors import InputError, OutputError
from extractor.evaluation import report_to_text
from extractor.export.flatten import flatten, flatten_csv, output_format, result_rows
from extractor.pipeline.result import ArticleExtraction, ExtractionMetadata
from extractor.types.columns import date_name
from extractor.types.parts import Actor, Count, DateValue, Evidence
from extractor.types.registry import registered_types
from tests.test_eval_scoring import ARMS, MEETING, VISIT, changed, single

runner = CliRunner()
SETTINGS = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def casualty(killed: int, doc_id: str) -> dict[str, Any]:
    record = CasualtyReport(
        doc_id=doc_id,
        killed=Count(best=killed, qualifier="exact"),
        country="NGA",
        date=DateValue(value="2024-03-01", text="on Friday"),
        evidence=Evidence(quote="Twelve were killed.", start=0, end=19, alignment="exact"),
    )
    return record.model_copy(update={"id": record.compute_id()}).model_dump(mode="json")


def meeting(doc_id: str) -> dict[str, Any]:
    record = Meeting(
        doc_id=doc_id,
        participants=[Actor(name="Wang Yi"), Actor(name="Antony Blinken")],
        date=DateValue(value="2023-10", text="in October"),
        evidence=Evidence(quote="They met.", start=0, end=9, alignment="exact"),
    )
    return record.model_copy(update={"id": record.compute_id()}).model_dump(mode="json")


def extraction(doc_id: str, killed: list[int], meetings: int) -> ArticleExtraction:
    return ArticleExtraction.model_validate(
        {
            "doc_id": doc_id,
            "published": "2024-03-02",
            "casualty_reports": [casualty(k, doc_id) for k in killed],
            "meetings": [meeting(doc_id) for _ in range(meetings)],
            "metadata": ExtractionMetadata(
                model="m", prompt_version="p", schema_version="s", strategy="single"
            ).model_dump(),
        }
    )


def bulk_line(doc_id: str, status: str, killed: list[int]) -> dict[str, Any]:
    records = [casualty(k, doc_id) for k in killed] if status == "ok" else []
    return {
        "doc_id": doc_id, "status": status, "source": f"in/{doc_id}.txt",
        "text_sha256": "ab" * 32, "published": "2024-03-02", "records": records,
        "counts": {"casualty_report": len(records)},
        "error": None if status == "ok" else {"type": "E", "kind": status, "message": "why"},
    }  # fmt: skip


def read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def events_csv(source: Any) -> list[dict[str, str]]:
    out = io.StringIO(newline="")
    flatten_csv(source, out, "events")
    return list(csv.DictReader(io.StringIO(out.getvalue(), newline="")))


def one_line(result: Result) -> None:
    assert "Traceback" not in result.output, result.output
    assert len([x for x in result.stderr.splitlines() if "error:" in x]) <= 1, result.stderr


# ------------------------------------------------------------------ reruns


lines = st.lists(
    st.tuples(
        st.sampled_from(["a", "b", "c", "d"]),
        st.sampled_from(["ok", "ok", "error", "skipped"]),
        st.lists(st.integers(0, 10_000), max_size=3),
    ),
    min_size=1,
    max_size=12,
)


@SETTINGS
@given(written=lines)
def test_the_last_line_of_each_doc_id_wins(
    written: list[tuple[str, str, list[int]]], tmp_path_factory: pytest.TempPathFactory
) -> None:
    folder = tmp_path_factory.mktemp("rerun")
    source = folder / "out.jsonl"
    source.write_text("".join(json.dumps(bulk_line(*w)) + "\n" for w in written))
    summary = flatten(source, folder / "t", parquet=False)
    last = {doc_id: (status, killed) for doc_id, status, killed in written}
    documents = {row["doc_id"]: row for row in read_csv(folder / "t" / "documents.csv")}
    assert summary.documents == len(last) == len(documents)
    for doc_id, (status, killed) in last.items():
        assert documents[doc_id]["run_status"] == status
        assert documents[doc_id]["records"] == str(len(killed) if status == "ok" else 0)
    expected = sorted(
        (doc_id, str(k)) for doc_id, (s, killed) in last.items() if s == "ok" for k in killed
    )
    rows = read_csv(folder / "t" / "casualty_reports.csv")
    assert sorted((r["doc_id"], r["killed_best"]) for r in rows) == expected
    assert len(read_csv(folder / "t" / "events.csv")) == len(expected)
    assert summary.statuses == {
        s: n for s in ("ok", "error", "skipped") if (n := [v[0] for v in last.values()].count(s))
    }


# ------------------------------------------------------------------ what extract writes


results = st.lists(
    st.tuples(st.lists(st.integers(0, 10_000), max_size=3), st.integers(0, 2)),
    min_size=1,
    max_size=4,
).map(lambda docs: [extraction(f"doc{n}", k, m) for n, (k, m) in enumerate(docs)])


def _shapes(found: list[ArticleExtraction]) -> Iterator[tuple[str, bytes]]:
    """The ways these results reach flatten: every shape extract and bulk write."""
    dumped = [r.model_dump(mode="json") for r in found]
    jsonl = "".join(json.dumps(d) + "\n" for d in dumped).encode()
    yield "jsonl", jsonl
    yield "jsonl without a final newline", jsonl.rstrip(b"\n")
    yield "pretty array", json.dumps(dumped, indent=2).encode()
    if len(found) == 1:
        yield "pretty object", json.dumps(dumped[0], indent=2).encode() + b"\n"
        yield "compact object", json.dumps(dumped[0]).encode()
    bulk = [
        {"doc_id": r.doc_id, "status": "ok", "published": "2024-03-02",
         "records": [rec.model_dump(mode="json") for rec in r.records]}
        for r in found
    ]  # fmt: skip
    yield "bulk lines", "".join(json.dumps(b) + "\n" for b in bulk).encode()


@SETTINGS
@given(found=results)
def test_every_shape_of_the_same_results_gives_the_same_rows(
    found: list[ArticleExtraction], tmp_path_factory: pytest.TempPathFactory
) -> None:
    folder = tmp_path_factory.mktemp("shapes")
    expected = [
        {k: "" if v is None else v for k, v in row.items()}
        for row in result_rows(found, tables=["events"])["events"]
    ]
    assert len(expected) == sum(len(r.records) for r in found)
    for name, data in _shapes(found):
        path = folder / "in.json"
        path.write_bytes(data)
        rows = events_csv(path)
        assert [r["record_id"] for r in rows] == [r["record_id"] for r in expected], name
        assert [r["event_date"] for r in rows] == [str(r["event_date"]) for r in expected], name
        assert rows == events_csv(io.BytesIO(data)), name  # a stream (stdin) reads the same


def test_flatten_reads_stdin_and_writes_duckdb(tmp_path: Path) -> None:
    duckdb = pytest.importorskip("duckdb")
    data = json.dumps(extraction("one", [12, 40], 1).model_dump(mode="json"), indent=2)
    result = runner.invoke(app, ["flatten", "-", "-o", str(tmp_path / "e.duckdb")], input=data)
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == str(tmp_path / "e.duckdb")
    con = duckdb.connect(str(tmp_path / "e.duckdb"), read_only=True)
    assert con.execute("SELECT count(*) FROM events").fetchone() == (3,)
    assert con.execute("SELECT run_status, records FROM documents").fetchall() == [("ok", 3)]
    assert con.execute("SELECT event_date FROM meetings").fetchall() == [(date(2023, 10, 1),)]
    con.close()


# ------------------------------------------------------------------ never silent


garbage = st.lists(
    st.one_of(
        st.binary(min_size=1, max_size=30).filter(lambda b: b.strip() != b""),
        st.dictionaries(st.sampled_from(["id", "status", "records", "text"]), st.integers())
        .map(json.dumps)
        .map(str.encode),
        st.just(b'{"doc_id": 7}'),
        st.just(b"[1, 2]"),
    ),
    min_size=1,
    max_size=5,
)


@SETTINGS
@given(raw=garbage)
@example(raw=[b"\x1f\x8b"])  # gzip's magic bytes, and no gzip after them
def test_a_non_empty_input_with_no_result_is_an_error_naming_it(
    raw: list[bytes], tmp_path_factory: pytest.TempPathFactory
) -> None:
    folder = tmp_path_factory.mktemp("garbage")
    source = folder / "notes.jsonl"
    source.write_bytes(b"\n".join(raw) + b"\n")
    result = runner.invoke(app, ["flatten", str(source), "-o", str(folder / "t")])
    one_line(result)
    if source.read_bytes().startswith(b"\x1f\x8b"):  # read as gzipped results: a broken one
        assert result.exit_code == 2 and "notes.jsonl" in result.stderr, result.output
        assert "gzip stream" in result.stderr
        with pytest.raises(OutputError, match="gzip stream"):
            flatten(source, folder / "u", parquet=False)
        return
    try:
        summary = flatten(source, folder / "u", parquet=False)
    except OutputError as refused:  # plainly not results (binary, other packing): nothing read
        assert result.exit_code == 2 and "notes.jsonl" in result.stderr, result.output
        assert refused.reason in result.stderr and "nothing is written" in result.stderr
        return
    except InputError as refused:  # read, and not one line was a result: nothing written
        assert "no result could be read" in str(refused), refused
        assert result.exit_code == 2 and "notes.jsonl" in result.stderr, result.output
        assert "untouched" in result.stderr and not (folder / "u").exists()
        return
    assert summary.documents > 0 and result.exit_code in (0, 1), result.output


def test_results_without_records_warn_and_an_empty_input_warns(tmp_path: Path) -> None:
    source = tmp_path / "out.jsonl"
    source.write_text(json.dumps(bulk_line("a", "error", [])) + "\n")
    result = runner.invoke(app, ["flatten", str(source), "-o", str(tmp_path / "t")])
    assert result.exit_code == 0 and "no records" in result.stderr and "1 error" in result.stderr
    source.write_text("\n  \n")
    result = runner.invoke(app, ["flatten", str(source), "-o", str(tmp_path / "t")])
    assert result.exit_code == 0 and "empty" in result.stderr
    source.write_text('{"doc_id": "a", "status": "ok", "recor')  # only a torn line
    result = runner.invoke(app, ["flatten", str(source), "-o", str(tmp_path / "t")])
    assert result.exit_code == 2 and "unfinished" in result.stderr and "untouched" in result.stderr
    one_line(result)


def test_records_of_a_type_not_installed_are_kept_in_events(tmp_path: Path) -> None:
    line = bulk_line("a", "ok", [3])
    line["records"].append({"type": "protest", "id": "protest:1", "status": "occurred"})
    source = tmp_path / "out.jsonl"
    source.write_text(json.dumps(line) + "\n")
    result = runner.invoke(app, ["flatten", str(source), "-o", str(tmp_path / "t")])
    assert result.exit_code == 0 and "'protest'" in result.stderr
    events = read_csv(tmp_path / "t" / "events.csv")
    assert sorted(e["record_type"] for e in events) == ["casualty_report", "protest"]


# ------------------------------------------------------------------ where it goes


@given(name=st.from_regex(r"[a-z]{1,8}", fullmatch=True), suffix=st.sampled_from(
    ["", ".csv", ".parquet", ".PARQUET", ".duckdb", ".ddb", ".db", ".json", ".d"]
))  # fmt: skip
def test_the_output_name_chooses_the_format(name: str, suffix: str) -> None:
    expected = {".parquet": "parquet", ".duckdb": "duckdb", ".ddb": "duckdb", ".db": "duckdb"}
    assert output_format(name + suffix) == expected.get(suffix.lower(), "csv")


def test_to_is_an_alias_and_a_foreign_file_is_never_overwritten(tmp_path: Path) -> None:
    source = tmp_path / "out.jsonl"
    source.write_text(json.dumps(bulk_line("a", "ok", [1])) + "\n")
    old = runner.invoke(app, ["flatten", str(source), "--to", str(tmp_path / "old")])
    assert old.exit_code == 0 and (tmp_path / "old" / "events.csv").exists()
    both = runner.invoke(app, ["flatten", str(source), "--to", "a", "-o", "b"])
    assert both.exit_code == 2
    one_line(both)
    precious = tmp_path / "notes.db"
    precious.write_text("my notes")
    refused = runner.invoke(app, ["flatten", str(source), "-o", str(precious)])
    assert refused.exit_code == 2 and "not a DuckDB database" in refused.stderr
    assert precious.read_text() == "my notes"
    one_line(refused)


def test_one_table_to_stdout(tmp_path: Path) -> None:
    source = tmp_path / "out.jsonl"
    source.write_text(json.dumps(bulk_line("a", "ok", [5, 6])) + "\n")
    result = runner.invoke(app, ["flatten", str(source), "-o", "-", "--table", "casualty_reports"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["killed_best"] for r in rows] == ["5", "6"]
    missing = runner.invoke(app, ["flatten", str(source), "-o", "-"])
    assert missing.exit_code == 2 and "--table" in missing.stderr


# ------------------------------------------------------------------ eval uses the same names


def test_the_eval_report_names_dates_like_the_tables() -> None:
    wrong = [changed(VISIT, start="2020-01-01"), changed(MEETING, date="2020-01-01"), ARMS]
    text = report_to_text(single([VISIT, MEETING, ARMS], wrong), details=True)
    for spec in registered_types():
        for name, kind in spec.gold.fields.items() if spec.gold else ():
            if kind == "date" and spec.name in ("visit", "meeting"):
                assert date_name(name) in text, (spec.name, name)
    assert "visit.start_date" in text and "meeting.event_date" in text
    assert "visit.start:" not in text and "meeting.date:" not in text
