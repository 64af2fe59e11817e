"""``extractor flatten``: a bulk output file to one flat table per record type."""

from __future__ import annotations

import csv
import json
import sys
import tracemalloc
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # plain `pytest` (not `python -m pytest`) leaves the root out
    sys.path.insert(0, str(ROOT))

from extractor import ArmsItem, ArmsTransfer, CasualtyReport, Meeting, Visit  # noqa: E402
from extractor.bulk.batch import BatchResult, ErrorInfo  # noqa: E402
from extractor.bulk.runner import RunInfo, result_line  # noqa: E402
from extractor.cli import app  # noqa: E402
from extractor.export.flatten import flatten, parquet_available, table_columns  # noqa: E402
from extractor.pipeline.document import Document  # noqa: E402
from extractor.pipeline.result import ArticleExtraction, ExtractionMetadata, Usage  # noqa: E402
from extractor.types.parts import Actor, Count, DateValue, Evidence, Money, Place  # noqa: E402
from tests.fakes.openai_server import LOOPBACK_ONLY, FakeOpenAI  # noqa: E402

runner = CliRunner()
INFO = RunInfo(model="openai/m", prompt_version="p-1", schema_version="1.x", strategy="single")


def evidence(quote: str) -> Evidence:
    return Evidence(quote=quote, start=10, end=10 + len(quote), alignment="exact")


def records() -> dict[str, Any]:
    visit = Visit(
        doc_id="d1",
        visitors=[
            Actor(name="Wang Yi", title="foreign minister", country="CHN"),
            Actor(name="Li", canonical_name="Li Qiang", country="CHN"),
        ],
        visitor_country="CHN",
        hosts=[Actor(name="Antony Blinken", title="secretary of state", country="USA")],
        host_country="USA",
        place=Place(text="Washington", country="USA", lat=38.9, lon=-77.0),
        start=DateValue(text="on Thursday", value="2023-10-26"),
        end=DateValue(value="2023-10-28"),
        purpose="talks",
        level="ministerial",
        attribution="state media",
        evidence=evidence("Wang Yi visited Washington on Thursday."),
    )
    meeting = Meeting(
        doc_id="d1",
        participants=[Actor(name="Wang Yi"), Actor(name="Antony Blinken")],
        countries=["CHN", "USA"],
        format="bilateral",
        date=DateValue(value="2023-10", text="in October"),
        topics=["trade", "Taiwan"],
        evidence=evidence("Wang Yi met Antony Blinken."),
    )
    arms = ArmsTransfer(
        doc_id="d1",
        supplier=Actor(name="USA", country="USA"),
        recipient=Actor(name="Taiwan", country="TWN"),
        items=[
            ArmsItem(designation="F-16V", category="aircraft", quantity=66),
            ArmsItem(designation="AIM-9X", category="missiles", quantity=4),
        ],
        value=Money(amount=8_000_000_000, currency="USD", text="$8 billion"),
        order_date=DateValue(value="2019-08", end="2019-09", kind="range"),
        deal_status="approved",
        transfer_type="sale",
        evidence=evidence("The US approved the $8 billion sale of 66 F-16V jets to Taiwan."),
    )
    casualty = CasualtyReport(
        doc_id="d2",
        killed=Count(low=12, best=15, high=20, qualifier="at_least", text="at least 12"),
        injured=Count(best=30, qualifier="about", text="about 30"),
        country="NGA",
        place=Place(text="Kano", country="NGA", admin1="Kano State"),
        date=DateValue(text="on Friday", value="2024-03-01"),
        perpetrator=Actor(name="gunmen"),
        victims="villagers",
        violence_type="one_sided",
        evidence=evidence("At least 12 people were killed in Kano, Nigeria on Friday."),
    )
    return {"visit": visit, "meeting": meeting, "arms": arms, "casualty": casualty}


def metadata() -> ExtractionMetadata:
    return ExtractionMetadata(
        model="openai/m", prompt_version="p-1", schema_version="1.x", strategy="single",
        usage=Usage(prompt_tokens=100, completion_tokens=20), calls=1,
    )  # fmt: skip


def write_bulk_output(path: Path) -> None:
    """Three lines as `extractor bulk` writes them: two ok documents and a failure."""
    found = records()
    first = ArticleExtraction(
        doc_id="d1", published=date(2023, 10, 27), visits=[found["visit"]],
        meetings=[found["meeting"]], arms_transfers=[found["arms"]], metadata=metadata(),
    )  # fmt: skip
    second = ArticleExtraction(
        doc_id="d2", casualty_reports=[found["casualty"]], metadata=metadata()
    )
    doc = Document("d1", "text", published=date(2023, 10, 27), source="in/d1.txt", title="T1")
    results = [
        BatchResult("d1", 0, extraction=first, document=doc, source="in/d1.txt"),
        BatchResult("d2", 1, extraction=second, source="in/d2.txt"),
        BatchResult("d3", 2, error=ErrorInfo("InputError", "empty file", "input"), source="x"),
    ]
    with open(path, "w", encoding="utf-8") as handle:
        for result in results:
            handle.write(json.dumps(result_line(result, INFO)) + "\n")


def read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture
def output(tmp_path: Path) -> Path:
    path = tmp_path / "out.jsonl"
    write_bulk_output(path)
    return path


def test_one_table_per_record_type_with_flat_columns(tmp_path: Path, output: Path) -> None:
    summary = flatten(output, tmp_path / "tables", parquet=False)
    assert summary.rows == {
        "visits": 1, "meetings": 1, "arms_transfers": 1, "casualty_reports": 1, "events": 4,
        "documents": 3,
    }  # fmt: skip
    assert summary.documents == 3 and not summary.bad_lines
    (visit,) = read_csv(tmp_path / "tables" / "visits.csv")
    assert visit["record_id"].startswith("visit:") and visit["doc_id"] == "d1"
    assert visit["published"] == "2023-10-27" and visit["event_status"] == "occurred"
    assert visit["visitors"] == "Wang Yi; Li Qiang"
    assert visit["visitor_titles"] == "foreign minister; "
    assert (visit["visitor_country"], visit["hosts"], visit["host_country"]) == (
        "CHN", "Antony Blinken", "USA",
    )  # fmt: skip
    assert (visit["place"], visit["latitude"], visit["longitude"]) == (
        "Washington",
        "38.9",
        "-77.0",
    )
    assert (visit["start_date"], visit["start_date_precision"], visit["start_date_text"]) == (
        "2023-10-26", "day", "on Thursday",
    )  # fmt: skip
    assert (visit["end_date"], visit["level"], visit["purpose"]) == (
        "2023-10-28",
        "ministerial",
        "talks",
    )
    assert visit["attribution"] == "state media"
    assert visit["evidence"] == "Wang Yi visited Washington on Thursday."
    assert (visit["evidence_start"], visit["evidence_end"], visit["alignment"]) == (
        "10",
        "49",
        "exact",
    )
    assert (visit["plover_category"], visit["plover_mode"]) == ("CONSULT", "visit")

    (meeting,) = read_csv(tmp_path / "tables" / "meetings.csv")
    assert meeting["participants"] == "Wang Yi; Antony Blinken"
    assert (meeting["countries"], meeting["topics"]) == ("CHN; USA", "trade; Taiwan")
    assert (meeting["event_date"], meeting["event_date_precision"]) == ("2023-10-01", "month")
    assert (meeting["event_date_last"], meeting["event_date_text"]) == ("2023-10-31", "in October")

    (arms,) = read_csv(tmp_path / "tables" / "arms_transfers.csv")
    assert (arms["supplier_country"], arms["recipient_country"]) == ("USA", "TWN")
    assert arms["items"] == "F-16V x66; AIM-9X x4"
    assert (arms["item_categories"], arms["item_quantity"]) == ("aircraft; missiles", "70")
    assert (arms["value_amount"], arms["value_currency"]) == ("8000000000.0", "USD")
    assert (arms["order_date"], arms["order_date_last"]) == ("2019-08-01", "2019-09-30")

    (casualty,) = read_csv(tmp_path / "tables" / "casualty_reports.csv")
    assert [casualty[f"killed_{k}"] for k in ("low", "best", "high", "qualifier")] == [
        "12", "15", "20", "at_least",
    ]  # fmt: skip
    assert [casualty[f"injured_{k}"] for k in ("low", "best", "high", "qualifier")] == [
        "", "30", "", "about",
    ]  # fmt: skip
    assert (casualty["country"], casualty["place"], casualty["admin1"]) == (
        "NGA",
        "Kano",
        "Kano State",
    )
    assert (casualty["event_date"], casualty["scope"], casualty["violence_type"]) == (
        "2024-03-01", "event", "one_sided",
    )  # fmt: skip
    assert (casualty["perpetrator"], casualty["victims"]) == ("gunmen", "villagers")

    documents = {row["doc_id"]: row for row in read_csv(tmp_path / "tables" / "documents.csv")}
    assert documents["d1"]["visits"] == "1" and documents["d1"]["title"] == "T1"
    assert documents["d1"]["prompt_tokens"] == "100"
    assert documents["d3"]["run_status"] == "error"
    assert (documents["d3"]["error_kind"], documents["d3"]["error_message"]) == (
        "input", "empty file",
    )  # fmt: skip


def test_every_table_has_its_header_even_when_empty(tmp_path: Path) -> None:
    empty = tmp_path / "out.jsonl"
    empty.write_text("")
    summary = flatten(empty, tmp_path / "tables", parquet=False)
    assert summary.documents == 0
    for name, columns in table_columns().items():
        with open(tmp_path / "tables" / f"{name}.csv", encoding="utf-8") as handle:
            assert handle.read().strip() == ",".join(c.name for c in columns)


def test_a_torn_last_line_is_skipped_and_damage_elsewhere_reported(
    tmp_path: Path, output: Path
) -> None:
    with open(output, "ab") as handle:
        handle.write(b'{"doc_id": "d4", "status": "ok", "recor')
    result = runner.invoke(
        app, ["flatten", str(output), "--to", str(tmp_path / "t"), "--no-parquet"]
    )
    assert result.exit_code == 0, result.stderr
    assert "last line is unfinished" in result.stderr
    assert len(read_csv(tmp_path / "t" / "documents.csv")) == 3
    assert str(tmp_path / "t" / "visits.csv") in result.stdout.splitlines()

    lines = output.read_bytes().splitlines(keepends=True)
    output.write_bytes(lines[0] + b"not json\n" + lines[1])
    result = runner.invoke(
        app, ["flatten", str(output), "--to", str(tmp_path / "t"), "--no-parquet"]
    )
    assert result.exit_code == 1
    assert "line 2" in result.stderr
    assert len(read_csv(tmp_path / "t" / "documents.csv")) == 2


def test_a_missing_input_is_exit_2(tmp_path: Path) -> None:
    result = runner.invoke(app, ["flatten", str(tmp_path / "nope.jsonl"), "--to", str(tmp_path)])
    assert result.exit_code == 2 and "nope.jsonl" in result.stderr


def test_large_files_are_streamed(tmp_path: Path) -> None:
    """Rows go out as lines come in: what a longer file adds to the peak is its ids (one
    entry per input, for the latest line of each), not its lines. Measured as the growth
    between two lengths, so one-time costs (tables built on first use, which the tests run
    before may or may not have paid) are no part of it."""
    casualty = records()["casualty"]
    line = result_line(
        BatchResult(
            "d", 0, source="s",
            extraction=ArticleExtraction(doc_id="d", casualty_reports=[casualty], metadata=metadata()),
        ),
        INFO,
    )  # fmt: skip
    sizes, peaks = [], []
    for count in (10, 1000, 2000):
        path = tmp_path / f"big{count}.jsonl"
        with open(path, "w", encoding="utf-8") as handle:
            for n in range(count):
                handle.write(json.dumps({**line, "doc_id": f"d{n}", "pad": "x" * 2000}) + "\n")
        tracemalloc.start()
        try:
            summary = flatten(path, tmp_path / f"tables{count}", parquet=False)
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        assert summary.rows["casualty_reports"] == count
        sizes.append(path.stat().st_size)
        peaks.append(peak)
    grown, longer = peaks[2] - peaks[1], sizes[2] - sizes[1]
    assert grown < longer / 4, (peaks, sizes)


@pytest.mark.parametrize("missing", ["pyarrow", "duckdb"])
def test_typed_output_without_its_library_is_a_clear_error(
    tmp_path: Path, output: Path, missing: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without pyarrow (or duckdb) installed: one line naming the extra, nothing written."""
    monkeypatch.setitem(sys.modules, missing, None)  # `import missing` raises ImportError
    if missing == "pyarrow":
        monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
        assert not parquet_available()
    targets = [["-o", str(tmp_path / "e.duckdb")]]
    if missing == "pyarrow":
        targets += [["-o", str(tmp_path / "t.parquet")], ["--to", str(tmp_path), "--parquet"]]
    for target in targets:
        result = runner.invoke(app, ["flatten", str(output), *target])
        assert result.exit_code == 2, result.output
        assert "pip install 'extractor[tables]'" in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
    assert not [p for p in tmp_path.rglob("*") if p.suffix in (".parquet", ".duckdb", ".csv")]
    plain = runner.invoke(app, ["flatten", str(output), "-o", str(tmp_path / "csv")])
    assert plain.exit_code == 0 and (tmp_path / "csv" / "events.csv").exists()


def test_parquet_tables_match_the_csv(tmp_path: Path, output: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    summary = flatten(output, tmp_path / "tables", parquet=True)
    assert tmp_path / "tables" / "casualty_reports.parquet" in summary.files
    table = pq.read_table(tmp_path / "tables" / "casualty_reports.parquet")
    row = table.to_pylist()[0]
    assert (row["killed_low"], row["killed_qualifier"], row["place"]) == (12, "at_least", "Kano")
    assert row["latitude"] is None
    assert pq.read_table(tmp_path / "tables" / "visits.parquet").num_rows == 1
    assert pq.read_table(tmp_path / "tables" / "documents.parquet").num_rows == 3


@pytest.mark.block_network(allowed_hosts=LOOPBACK_ONLY)
def test_bulk_then_flatten_end_to_end(tmp_path: Path) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "kano.txt").write_text("At least 12 people were killed in Kano, Nigeria on Friday.")
    record = {
        "killed": 12, "injured": None, "qualifier": "at_least", "victims": None,
        "perpetrator": None, "country": "NGA", "place": "Kano", "date": "on Friday",
        "scope": "event", "violence_type": None, "status": "occurred", "attribution": None,
        "evidence": [1],
    }  # fmt: skip
    answer = {"visits": [], "meetings": [], "arms_transfers": [], "casualty_reports": [record]}
    out = tmp_path / "out.jsonl"
    with FakeOpenAI(lambda body: json.dumps(answer)) as server:
        result = runner.invoke(
            app,
            ["bulk", str(corpus), "-o", str(out), "--model", "openai/fake-model",
             "--base-url", server.base_url, "--strategy", "single", "--progress", "none"],
        )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    result = runner.invoke(app, ["flatten", str(out), "--to", str(tmp_path / "t"), "--no-parquet"])
    assert result.exit_code == 0, result.stderr
    (row,) = read_csv(tmp_path / "t" / "casualty_reports.csv")
    assert (row["doc_id"], row["killed_low"], row["killed_qualifier"]) == (
        "kano.txt",
        "12",
        "at_least",
    )
    assert (row["country"], row["place"], row["event_date_text"]) == ("NGA", "Kano", "on Friday")
    assert row["evidence"] == "At least 12 people were killed in Kano, Nigeria on Friday."
    assert (row["evidence_start"], row["evidence_end"]) == ("0", "58")
