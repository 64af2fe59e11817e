"""Lines say what was asked, and readers take them as a run means them (hostile round 19).

* ``extract --types T -f jsonl`` records ``T``: a bulk run asking for more types
  extracts the document again instead of taking the subset line as done.
* ``eval --predictions`` of a run asked for some types scores those types only; a
  predictions file with no document of the gold file is an error, not a report of zeros;
  an unfinished last line is left out with a warning, as flatten and view do.
* ``results_to_frame`` over a bulk output read back line by line keeps the last line of
  each document, as ``flatten`` does (generated histories of lines).
* An HTML page's date that is no whole date (an impossible day, a month) anchors nothing.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from extractor import results_to_frame
from extractor.cli import app
from extractor.io.formats import parse_html
from tests.fakes.kano import casualty_responder, kano
from tests.fakes.openai_server import LOOPBACK_ONLY, FakeOpenAI

pytestmark = pytest.mark.block_network(allowed_hosts=LOOPBACK_ONLY)
runner = CliRunner()
ENV = {"OPENAI_API_KEY": "sk-test"}


def _model(server: FakeOpenAI) -> list[str]:
    return ["--model", "openai/fake", "--base-url", server.base_url]


def test_an_extract_line_records_its_types_and_bulk_asks_for_the_rest(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(kano(4), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    with FakeOpenAI(casualty_responder) as server:
        extracted = runner.invoke(app, ["extract", str(article), "--types", "visit", "-f",
                                        "jsonl", *_model(server)], env=ENV)  # fmt: skip
        assert extracted.exit_code == 0, extracted.output
        out.write_text(extracted.stdout, encoding="utf-8")
        assert json.loads(extracted.stdout)["types"] == ["visit"]
        result = runner.invoke(app, ["bulk", str(article), "-o", str(out), "--progress", "none",
                                     "--summary-json", str(tmp_path / "s.json"),
                                     *_model(server)], env=ENV)  # fmt: skip
    assert result.exit_code == 0, result.output
    summary = json.loads((tmp_path / "s.json").read_text())
    assert sum(summary["redone"].values()) == 1  # asked for other types: extracted again
    last = [json.loads(line) for line in out.read_text().splitlines()][-1]
    assert last["counts"]["casualty_report"] == 1


def _gold(tmp_path: Path) -> Path:
    gold = tmp_path / "gold.jsonl"
    lines = (Path(__file__).resolve().parent.parent / "seeds" / "dev.gold.jsonl").read_text()
    gold.write_text("\n".join(lines.splitlines()[:6]) + "\n", encoding="utf-8")
    return gold


def _prediction(doc_id: str, types: list[str] | None) -> str:
    line: dict[str, Any] = {"doc_id": doc_id, "status": "ok", "source": doc_id, "records": [],
                            "counts": {}, "usage": {}, "error": None}  # fmt: skip
    if types is not None:
        line["types"] = types
    return json.dumps(line) + "\n"


def test_eval_scores_only_the_types_a_run_was_asked_for(tmp_path: Path) -> None:
    gold = _gold(tmp_path)
    ids = [json.loads(line)["id"] for line in gold.read_text().splitlines()]
    reports = {}
    for name, types in (("all", None), ("visits", ["visit"])):
        predictions = tmp_path / f"{name}.jsonl"
        predictions.write_text("".join(_prediction(i, types) for i in ids), encoding="utf-8")
        result = runner.invoke(app, ["eval", str(gold), "--predictions", str(predictions),
                                     "-o", str(tmp_path / f"{name}.json")])  # fmt: skip
        assert result.exit_code == 0, result.output
        reports[name] = json.loads((tmp_path / f"{name}.json").read_text())
        assert ("scoring only the types" in result.stderr) is (types is not None)
    assert reports["all"]["micro"]["fn"] > reports["visits"]["micro"]["fn"]
    assert {k for k, v in reports["visits"]["per_type"].items() if v["fn"]} <= {"visit"}


def test_predictions_of_no_gold_document_are_an_error(tmp_path: Path) -> None:
    gold = _gold(tmp_path)
    predictions = tmp_path / "p.jsonl"
    predictions.write_text(_prediction("other-1", None) + _prediction("other-2", None))
    result = runner.invoke(app, ["eval", str(gold), "--predictions", str(predictions)])
    assert result.exit_code == 2
    assert "none of its 2 document id(s) is in the gold file" in result.stderr


def test_an_unfinished_last_prediction_line_is_left_out_with_a_warning(tmp_path: Path) -> None:
    gold = _gold(tmp_path)
    first = json.loads(gold.read_text().splitlines()[0])["id"]
    predictions = tmp_path / "p.jsonl"
    predictions.write_text(_prediction(first, None) + '{"doc_id": "x", "stat')
    result = runner.invoke(app, ["eval", str(gold), "--predictions", str(predictions)])
    assert result.exit_code == 0, result.output
    assert "line 2 is unfinished" in result.stderr
    predictions.write_text('{"doc_id": "x", "stat\n' + _prediction(first, None))
    broken = runner.invoke(app, ["eval", str(gold), "--predictions", str(predictions)])
    assert broken.exit_code == 2 and "line 1 is not a result line" in broken.stderr


_EVENT = st.fixed_dictionaries({"doc": st.sampled_from(["a", "b", "c"]),
                                "skipped": st.booleans(), "killed": st.integers(1, 50)})  # fmt: skip


def _line(doc: str, skipped: bool, killed: int) -> dict[str, Any]:
    record = {"type": "casualty_report", "id": f"{doc}-{killed}", "doc_id": doc,
              "killed": {"low": killed, "best": killed, "high": killed},
              "evidence": {"quote": "x", "start": 0, "end": 1, "alignment": "exact"}}  # fmt: skip
    return {"doc_id": doc, "status": "skipped" if skipped else "ok", "source": doc,
            "records": [] if skipped else [record], "counts": {}, "usage": {},
            "error": None}  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(st.lists(_EVENT, min_size=1, max_size=12))
def test_a_frame_of_lines_read_back_keeps_each_document_s_last_line(events: list[Any]) -> None:
    lines = [_line(e["doc"], e["skipped"], e["killed"]) for e in events]
    last = {line["doc_id"]: line for line in lines}
    documents = results_to_frame(lines, "documents")
    assert sorted(documents["doc_id"]) == sorted(last)
    assert {row.doc_id: row.run_status for row in documents.itertuples()} == {
        doc: line["status"] for doc, line in last.items()
    }
    frame = results_to_frame(lines)
    expected = sorted(r["id"] for line in last.values() for r in line["records"])
    assert sorted(frame["record_id"] if "record_id" in frame else frame["id"]) == expected


@pytest.mark.parametrize(
    ("value", "published"),
    [("2024-02-30T10:00:00Z", None), ("2024-02", None), ("2023-02-29", None),
     ("2024-02-15T10:00:00Z", "2024-02-15"), ("2024-02-15", "2024-02-15")],
)  # fmt: skip
def test_a_page_date_that_is_no_whole_date_anchors_nothing(
    value: str, published: str | None
) -> None:
    page = (f'<html><head><title>T</title><meta property="article:published_time" '
            f'content="{value}"></head><body><article><p>Officials of Kenya met the delegation '
            "of India in Paris on Monday, and talked for an hour about trade.</p></article>"
            "</body></html>")  # fmt: skip
    document = parse_html(page, doc_id="p", source="p.html")
    assert (document.published.isoformat() if document.published else None) == published
    assert any("not a whole date" in w for w in document.warnings) is (published is None)


def test_results_given_as_objects_are_each_a_document_whatever_their_ids() -> None:
    """Two articles extracted under one id (the README's pipeline with a shared id) both
    stay in the frame: only lines read back from a bulk output supersede each other
    (hostile round 20: the round-19 rule had made one of them vanish)."""
    from extractor import Extractor

    with FakeOpenAI(casualty_responder) as server, Extractor(
        "openai/fake", base_url=server.base_url, api_key="sk-test", types=["casualty_report"]
    ) as extractor:  # fmt: skip
        first = extractor.extract(kano(3), doc_id="same")
        second = extractor.extract(kano(7), doc_id="same")
    frame = results_to_frame([first, second], "casualty_report")
    assert len(frame) == 2
    lines = [json.loads(first.model_dump_json()), json.loads(second.model_dump_json())]
    assert len(results_to_frame(lines, "casualty_report")) == 1  # read back: the last wins


@settings(max_examples=12, deadline=None)
@given(st.text(" \t\r\n\u00a0\u2028", max_size=12), st.booleans())
def test_predictions_with_no_result_line_are_an_error_not_a_report_without_gold(
    blank: str, torn: bool
) -> None:
    """An empty file, blanks, or only an unfinished line: no run over the gold file, so no
    report (which scored no type at all, and no gold record, exit 0)."""
    import tempfile

    with tempfile.TemporaryDirectory() as scratch:
        gold = _gold(Path(scratch))
        predictions = Path(scratch, "p.jsonl")
        predictions.write_text(blank + ('{"doc_id": "x", "sta' if torn else ""), "utf-8")
        result = runner.invoke(app, ["eval", str(gold), "--predictions", str(predictions)])
    assert result.exit_code == 2, result.output
    assert "holds no result line" in result.stderr
    assert "scoring only the types" not in result.stderr
