"""``extractor bulk``: archives to JSONL, resumable, one line per input document.

Each test builds its own inputs in tmp_path and runs the real command: in
process through typer's CliRunner (fast, and the in-thread fake server's
request log can be inspected), and as real processes where only a process
will do (killing a run with SIGKILL, then resuming it).
"""

from __future__ import annotations

import io
import json
import os
import re
import select
import signal
import socket
import subprocess
import sys
import time
import urllib.request
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # plain `pytest` (not `python -m pytest`) leaves the root out
    sys.path.insert(0, str(ROOT))

from extractor.bulk.runner import drop_error_lines, estimate_cost  # noqa: E402
from extractor.cli import app  # noqa: E402
from extractor.errors import ConfigurationError  # noqa: E402
from extractor.io import iter_inputs  # noqa: E402
from extractor.io.output import latest_lines  # noqa: E402
from extractor.pipeline import engine  # noqa: E402
from extractor.pipeline.document import Document  # noqa: E402
from extractor.runtime.retrying import RetryPolicy  # noqa: E402
from tests.fakes.kano import EMPTY, casualty_responder, kano  # noqa: E402
from tests.fakes.openai_server import LOOPBACK_ONLY, FakeOpenAI, Fault, static  # noqa: E402

pytestmark = pytest.mark.block_network(allowed_hosts=LOOPBACK_ONLY)

REAL_ZIP = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "wh-statements.zip"
RECORD_TYPES = ["visit", "meeting", "arms_transfer", "casualty_report"]
LINE_FIELDS = {
    "doc_id", "status", "source", "text_sha256", "published", "title", "url", "records",
    "counts", "usage", "model", "prompt_version", "schema_version", "strategy", "seconds",
    "calls", "cached", "warnings", "error",
}  # fmt: skip
runner = CliRunner()


@pytest.fixture
def fake() -> Iterator[FakeOpenAI]:
    with FakeOpenAI(casualty_responder) as server:
        yield server


@pytest.fixture
def fast_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    """Transient failures retried twice within milliseconds, so a failing document is quick."""
    monkeypatch.setattr(
        engine, "RetryPolicy", lambda: RetryPolicy(attempts=2, initial=0.01, maximum=0.02)
    )


def bulk(server: FakeOpenAI | None, *args: str, env: dict[str, str] | None = None) -> Result:
    model = ["--model", "openai/fake-model", "--base-url", server.base_url] if server else []
    # the fake answers in the single-call shape unless a test asks for per-type
    strategy = [] if "--strategy" in args else ["--strategy", "single"]
    return runner.invoke(app, ["bulk", *args, *model, *strategy, "--progress", "log"], env=env)


def read_output(path: Path) -> list[dict[str, Any]]:
    """Every line parsed; fails unless each is valid JSON and each id appears once."""
    raw = path.read_bytes()
    assert raw.endswith(b"\n"), "the file must end with a complete line"
    lines = [json.loads(line) for line in raw.splitlines()]
    ids = [line["doc_id"] for line in lines]
    assert len(ids) == len(set(ids)), f"repeated ids: {sorted(ids)}"
    return lines


def by_id(path: Path) -> dict[str, dict[str, Any]]:
    return {line["doc_id"]: line for line in read_output(path)}


def write_corpus(folder: Path, count: int = 3) -> Path:
    """count Kano reports plus one markdown file with front matter, one in a subfolder."""
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        (folder / f"kano{n}.txt").write_text(kano(n + 10) + "\n", encoding="utf-8")
    (folder / "sub").mkdir()
    (folder / "sub" / "talks.md").write_text(
        "---\ndate: '2024-05-06'\ntitle: Talks in Paris\nsource_url: https://e.org/talks\n---\n"
        "The foreign ministers of France and Japan met in Paris on Monday.\n",
        encoding="utf-8",
    )
    return folder


def write_warc(path: Path, pages: list[tuple[str, str]]) -> Path:
    """(uri, paragraph) pairs as HTML responses in a WARC.gz."""
    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for uri, text in pages:
            html = f"<html><head><title>T</title></head><body><article><p>{text}</p>"
            html += "<p>Officials said more details would be released later in the week.</p>"
            html += "</article></body></html>"
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            record = writer.create_warc_record(
                uri, "response", payload=io.BytesIO(html.encode()), http_headers=headers,
                warc_headers_dict={"WARC-Date": "2024-03-02T10:00:00Z"},
            )  # fmt: skip
            writer.write_record(record)
    return path


# --------------------------------------------------------------- the basics


def test_a_directory_becomes_one_line_per_document(tmp_path: Path, fake: FakeOpenAI) -> None:
    corpus = write_corpus(tmp_path / "in")
    out = tmp_path / "out.jsonl"
    result = bulk(fake, str(corpus), "-o", str(out), "-j", "2")
    assert result.exit_code == 0, result.stderr
    lines = by_id(out)
    assert set(lines) == {"kano0.txt", "kano1.txt", "kano2.txt", "sub/talks.md"}
    for line in lines.values():
        assert set(line) >= LINE_FIELDS
        assert line["status"] == "ok" and line["error"] is None
        assert line["model"] == "openai/fake-model" and line["strategy"] == "single"
        assert line["usage"]["total_tokens"] > 0
        assert set(line["counts"]) == set(RECORD_TYPES)
    (record,) = lines["kano1.txt"]["records"]
    assert record["type"] == "casualty_report" and record["killed"]["low"] == 11
    assert record["doc_id"] == "kano1.txt" and record["evidence"]["start"] == 0
    assert lines["kano1.txt"]["counts"]["casualty_report"] == 1
    talks = lines["sub/talks.md"]
    assert (talks["published"], talks["title"], talks["url"]) == (
        "2024-05-06", "Talks in Paris", "https://e.org/talks",
    )  # fmt: skip
    assert talks["source"] == str(corpus / "sub" / "talks.md")
    assert "documents  4 written: 4 ok, 0 failed" in result.stderr
    assert "records    3 (" in result.stderr and "casualty_report 3" in result.stderr


def test_either_event_loop_writes_the_same_lines(tmp_path: Path, fake: FakeOpenAI) -> None:
    """uvloop (when installed) and the standard loop run the same coroutines."""
    corpus = write_corpus(tmp_path / "in")
    records = {}
    for loop in ("uvloop-if-installed", "asyncio"):
        out = tmp_path / f"{loop}.jsonl"
        result = bulk(fake, str(corpus), "-o", str(out), env={"EXTRACTOR_EVENT_LOOP": loop})
        assert result.exit_code == 0, result.stderr
        records[loop] = {doc: line["records"] for doc, line in by_id(out).items()}
    assert records["asyncio"] == records["uvloop-if-installed"]
    assert sum(len(found) for found in records["asyncio"].values()) >= 3


def test_zip_jsonl_csv_and_warc_inputs(tmp_path: Path, fake: FakeOpenAI) -> None:
    archive = tmp_path / "news.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("2024/a.txt", kano(20))
        z.writestr("2024/b.md", "---\ndate: 2024-03-01\n---\n" + kano(21))
        z.writestr("2024/image.png", b"\x89PNG\x00")
    rows = tmp_path / "rows.jsonl"
    rows.write_text(
        json.dumps({"id": "j1", "text": kano(30), "published": "2024-03-02"}) + "\n"
        + json.dumps({"id": "j2", "text": "The talks went on."}) + "\n",
        encoding="utf-8",
    )  # fmt: skip
    warc = write_warc(tmp_path / "crawl.warc.gz", [("https://e.org/k", kano(40))])
    out = tmp_path / "out.jsonl"
    result = bulk(fake, str(archive), str(rows), str(warc), "-o", str(out))
    assert result.exit_code == 0, result.stderr  # a file the readers skip is no failure
    lines = by_id(out)
    assert set(lines) == {
        f"{archive}!2024/a.txt",
        f"{archive}!2024/b.md",
        f"{archive}!2024/image.png",
        "j1",
        "j2",
        "https://e.org/k",
    }
    image = lines[f"{archive}!2024/image.png"]
    assert image["status"] == "skipped" and "unsupported file type" in image["error"]["message"]
    assert image["text_sha256"] is None and image["records"] == []
    assert "1 not read" in result.stderr
    assert lines[f"{archive}!2024/b.md"]["published"] == "2024-03-01"
    assert lines["j1"]["published"] == "2024-03-02"
    assert lines["j1"]["records"][0]["killed"]["low"] == 30
    assert lines["https://e.org/k"]["records"][0]["killed"]["low"] == 40
    assert lines["https://e.org/k"]["url"] == "https://e.org/k"

    table = tmp_path / "rows.csv"
    table.write_text(f'article_id,body,day\nc1,"{kano(50)}",2024-01-02\n', encoding="utf-8")
    result = bulk(
        fake, str(table), "-o", str(tmp_path / "csv.jsonl"),
        "--id-field", "article_id", "--text-field", "body", "--date-field", "day",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    (line,) = read_output(tmp_path / "csv.jsonl")
    assert (line["doc_id"], line["published"]) == ("c1", "2024-01-02")
    assert line["records"][0]["killed"]["low"] == 50


def test_bad_inputs_become_error_lines(tmp_path: Path, fake: FakeOpenAI) -> None:
    corpus = write_corpus(tmp_path / "in", count=1)
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "blank.txt").write_text("  \n\t\n", encoding="utf-8")
    (corpus / "binary.txt").write_bytes(bytes(range(256)) * 4)
    out = tmp_path / "out.jsonl"
    result = bulk(fake, str(corpus), "-o", str(out))
    assert result.exit_code == 1, result.stderr
    lines = by_id(out)
    assert len(lines) == 5
    for name in ("empty.txt", "blank.txt", "binary.txt"):
        assert lines[name]["status"] == "error", name
        assert lines[name]["error"]["kind"] == "input"
        assert lines[name]["records"] == []
    assert "binary" in lines["binary.txt"]["error"]["message"]
    assert lines["kano0.txt"]["status"] == "ok"
    assert len(fake.requests) == 2  # bad inputs never reach the model
    assert "failed" in result.stderr and "input: " in result.stderr


# ------------------------------------------------------------------- resume


def test_a_finished_file_is_not_redone(tmp_path: Path, fake: FakeOpenAI) -> None:
    corpus = write_corpus(tmp_path / "in")
    out = tmp_path / "out.jsonl"
    assert bulk(fake, str(corpus), "-o", str(out)).exit_code == 0
    before, requests = out.read_bytes(), len(fake.requests)
    result = bulk(fake, str(corpus), "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert len(fake.requests) == requests  # not a single request the second time
    assert out.read_bytes() == before
    assert "4 unchanged" in result.stderr


def test_a_changed_text_is_extracted_again_and_its_new_line_wins(
    tmp_path: Path, fake: FakeOpenAI
) -> None:
    corpus = write_corpus(tmp_path / "in")
    out, summary = tmp_path / "out.jsonl", tmp_path / "summary.json"
    assert bulk(fake, str(corpus), "-o", str(out)).exit_code == 0
    (corpus / "kano1.txt").write_text(kano(77) + "\n", encoding="utf-8")
    requests = len(fake.requests)
    result = bulk(fake, str(corpus), "-o", str(out), "--summary-json", str(summary))
    assert result.exit_code == 0, result.stderr
    assert len(fake.requests) == requests + 1
    data = json.loads(summary.read_text())
    assert (data["documents"], data["new"], data["changed"], data["unchanged"]) == (1, 0, 1, 3)
    assert "0 new, 1 changed" in result.stderr
    lines = [json.loads(line) for line in out.read_bytes().splitlines()]
    assert len(lines) == 5 and lines[-1]["doc_id"] == "kano1.txt"  # appended: it supersedes
    winners = {line["doc_id"]: line for line in latest_lines(out)}
    assert len(winners) == 4
    assert winners["kano1.txt"]["records"][0]["killed"]["low"] == 77
    current = {item.doc_id: item for item in iter_inputs([str(corpus)])}["kano1.txt"]
    assert isinstance(current, Document)
    assert winners["kano1.txt"]["text_sha256"] == current.text_sha256
    assert current.text_sha256 != lines[1]["text_sha256"]


def test_a_torn_last_line_is_cut_and_redone(tmp_path: Path, fake: FakeOpenAI) -> None:
    corpus = write_corpus(tmp_path / "in")
    out = tmp_path / "out.jsonl"
    assert bulk(fake, str(corpus), "-o", str(out)).exit_code == 0
    complete = out.read_bytes()
    last = json.loads(complete.splitlines()[-1])
    out.write_bytes(complete[: len(complete) - 25])  # killed mid-write
    requests = len(fake.requests)
    result = bulk(fake, str(corpus), "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert len(fake.requests) == requests + 1
    lines = by_id(out)
    assert len(lines) == 4 and lines[last["doc_id"]]["status"] == "ok"


def test_duplicate_ids_are_reported_and_every_id_is_written_once(
    tmp_path: Path, fake: FakeOpenAI
) -> None:
    rows = tmp_path / "rows.jsonl"
    texts = [("a", kano(2)), ("b", kano(3)), ("a", kano(4)), ("a", kano(5))]
    rows.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in texts))
    out = tmp_path / "out.jsonl"
    result = bulk(fake, str(rows), "-o", str(out))
    assert result.exit_code == 1, result.stderr
    lines = by_id(out)
    assert set(lines) == {"a", "b", "a#duplicate-2", "a#duplicate-3"}
    assert lines["a"]["status"] == "ok" and lines["a"]["records"][0]["killed"]["low"] == 2
    for copy in ("a#duplicate-2", "a#duplicate-3"):
        assert lines[copy]["status"] == "error" and lines[copy]["duplicate_of"] == "a"
        assert "duplicate id" in lines[copy]["error"]["message"]
    assert len(fake.requests) == 2
    assert "input: duplicate id" in result.stderr

    # A run killed after a duplicate's line but before its first occurrence finished:
    # the duplicate's line must not make "a" look done.
    out.write_text(json.dumps(lines["a#duplicate-2"]) + "\n" + json.dumps(lines["b"]) + "\n")
    requests = len(fake.requests)
    assert bulk(fake, str(rows), "-o", str(out)).exit_code == 1
    assert len(fake.requests) == requests + 1
    assert set(by_id(out)) == {"a", "b", "a#duplicate-2", "a#duplicate-3"}
    assert bulk(fake, str(rows), "-o", str(out)).exit_code == 0  # nothing left to do
    assert len(fake.requests) == requests + 1


def test_a_rerun_says_which_failures_it_left_as_they_were(tmp_path: Path) -> None:
    """Model failures are not redone by a plain rerun (they would fail alike): the rerun
    says they stand and what asks again (before: "0 failed", exit 0, not a word)."""
    corpus = write_corpus(tmp_path / "in")
    out, summary = tmp_path / "out.jsonl", tmp_path / "summary.json"
    with FakeOpenAI(static("not json at all")) as broken:
        assert bulk(broken, str(corpus), "-o", str(out), "--max-retries", "0").exit_code == 1
        failed = sum(line["status"] == "error" for line in latest_lines(out))
        assert failed
        again = bulk(broken, str(corpus), "-o", str(out), "--summary-json", str(summary))
    assert again.exit_code == 0, again.stderr
    assert f"{failed}  earlier failed or incomplete, unchanged: rerun with --retry-errors" in (
        again.stderr
    )
    assert json.loads(summary.read_text())["standing_failures"] == failed
    with FakeOpenAI(casualty_responder) as healthy:
        retried = bulk(healthy, str(corpus), "-o", str(out), "--retry-errors")
    assert retried.exit_code == 0 and "--retry-errors to ask again" not in retried.stderr


def test_a_plain_rerun_redoes_only_the_server_failures(tmp_path: Path, fast_retries: None) -> None:
    """A document that failed on the server's side (its error says nothing about it) is redone
    by rerunning the same command, superseding its error line; nothing else is sent again."""
    corpus = write_corpus(tmp_path / "in")
    out = tmp_path / "out.jsonl"
    faults = {0: Fault.SERVER_ERROR, 1: Fault.SERVER_ERROR}
    with FakeOpenAI(casualty_responder, faults=faults) as failing:
        assert bulk(failing, str(corpus), "-o", str(out), "-j", "1").exit_code == 1
    assert sum(line["status"] == "error" for line in read_output(out)) == 1
    with FakeOpenAI(casualty_responder) as healthy:
        result = bulk(healthy, str(corpus), "-o", str(out))
        assert result.exit_code == 0, result.stderr
        assert len(healthy.requests) == 1
        assert "1 redone: failed on the server's side" in result.stderr
        assert bulk(healthy, str(corpus), "-o", str(out), "--retry-errors").exit_code == 0
        assert len(healthy.requests) == 1  # no error line is left to retry
    lines = list(latest_lines(out))
    assert len(lines) == 4 and all(line["status"] == "ok" for line in lines)


def _line(doc_id: str, status: str, **extra: Any) -> dict[str, Any]:
    base = {"doc_id": doc_id, "status": status, "source": None, "records": [], "counts": {},
            "usage": {}, "error": None}  # fmt: skip
    return {**base, **extra}


def test_drop_error_lines_keeps_everything_else(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    lines = [_line("a", "ok"), _line("b", "error"), _line("s", "skipped")]
    out.write_text("".join(json.dumps(line) + "\n" for line in lines) + '{"doc_id": "c", "sta')
    assert drop_error_lines(out) == 1
    assert out.read_text() == json.dumps(lines[0]) + "\n" + json.dumps(lines[2]) + "\n"
    assert drop_error_lines(tmp_path / "missing.jsonl") == 0


def test_drop_error_lines_judges_an_id_by_its_last_line(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    lines = [
        _line("a", "ok", text_sha256="1"), _line("b", "error"), _line("a", "error"),
        _line("b", "ok", text_sha256="2"), _line("c", "ok", text_sha256="3"),
    ]  # fmt: skip
    out.write_text("".join(json.dumps(line) + "\n" for line in lines))
    assert drop_error_lines(out) == 1  # "a" failed last: all its lines go; "b" is ok now
    assert [json.loads(line) for line in out.read_text().splitlines()] == [lines[3], lines[4]]
    foreign = tmp_path / "notes.jsonl"
    foreign.write_text('{"doc_id": "x", "status": "error"}\n')
    with pytest.raises(ConfigurationError, match="not an extractor output file"):
        drop_error_lines(foreign)
    assert foreign.read_text() == '{"doc_id": "x", "status": "error"}\n'


# ------------------------------------------------------------ server faults


def test_a_server_error_fails_one_document_and_exits_1(tmp_path: Path, fast_retries: None) -> None:
    corpus = write_corpus(tmp_path / "in")
    out = tmp_path / "out.jsonl"
    faults = {0: Fault.SERVER_ERROR, 1: Fault.SERVER_ERROR}  # both attempts of the first doc
    with FakeOpenAI(casualty_responder, faults=faults) as server:
        result = bulk(server, str(corpus), "-o", str(out), "-j", "1")
    assert result.exit_code == 1, result.stderr
    lines = by_id(out)
    assert len(lines) == 4
    failed = [line for line in lines.values() if line["status"] == "error"]
    assert [line["doc_id"] for line in failed] == ["kano0.txt"]
    assert failed[0]["error"]["kind"] == "transient" and failed[0]["error"]["status_code"] == 500
    assert failed[0]["records"] == [] and failed[0]["model"] == "openai/fake-model"
    assert "transient: HTTP 500" in result.stderr


def test_a_rate_limit_is_waited_out(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "in")
    out = tmp_path / "out.jsonl"
    with FakeOpenAI(casualty_responder, faults={0: Fault.RATE_LIMIT}, retry_after=0.2) as server:
        result = bulk(server, str(corpus), "-o", str(out), "-j", "2")
        statuses = [record.status for record in server.log]
    assert result.exit_code == 0, result.stderr
    assert statuses.count(429) == 1 and statuses.count(200) == 4
    assert all(line["status"] == "ok" for line in read_output(out))


def test_a_rejected_key_stops_the_run_with_exit_2(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "in")
    out = tmp_path / "out.jsonl"
    with FakeOpenAI(casualty_responder, faults={0: Fault.UNAUTHORIZED}) as server:
        result = bulk(server, str(corpus), "-o", str(out), "-j", "1")
        assert len(server.requests) == 1
    assert result.exit_code == 2
    (message,) = [line for line in result.stderr.splitlines() if "error:" in line]
    assert "API key" in message and "resume" in message
    assert out.read_bytes() == b""  # the document that hit the 401 is not marked done
    with FakeOpenAI(casualty_responder) as server:
        assert bulk(server, str(corpus), "-o", str(out)).exit_code == 0
    assert len(read_output(out)) == 4


# ------------------------------------------------------------ usage errors


def test_a_missing_input_is_exit_2_before_anything_is_written(
    tmp_path: Path, fake: FakeOpenAI
) -> None:
    out = tmp_path / "out.jsonl"
    result = bulk(fake, str(tmp_path / "nope"), "-o", str(out))
    assert result.exit_code == 2
    assert "nope: no such file or directory" in result.stderr and "check the path" in result.stderr
    assert not out.exists()


def test_a_damaged_output_file_is_exit_2(tmp_path: Path, fake: FakeOpenAI) -> None:
    corpus = write_corpus(tmp_path / "in")
    out = tmp_path / "out.jsonl"
    content = (
        json.dumps(_line("kano0.txt", "ok")) + "\ngarbage\n" + json.dumps(_line("k1", "ok")) + "\n"
    )
    out.write_text(content)
    result = bulk(fake, str(corpus), "-o", str(out))
    assert result.exit_code == 2
    assert "line 2" in result.stderr and "move it aside" in result.stderr
    assert len(fake.requests) == 0
    assert out.read_text() == content


def test_bad_options_are_exit_2(tmp_path: Path, fake: FakeOpenAI) -> None:
    corpus = write_corpus(tmp_path / "in", count=1)
    out = str(tmp_path / "out.jsonl")
    for extra in (["--strategy", "bogus"], ["--types", "visit,parade"], ["-j", "0"]):
        result = bulk(fake, str(corpus), "-o", out, *extra)
        assert result.exit_code == 2, (extra, result.stderr)
    result = runner.invoke(app, ["bulk", str(corpus), "-o", out, "--model", "nosuchprovider/m"])
    assert result.exit_code == 2 and "provider" in result.stderr
    assert runner.invoke(app, ["bulk", str(corpus)]).exit_code == 2  # no -o


def test_a_server_that_is_not_listening_is_exit_2_at_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("HTTPS_PROXY", "HTTP_PROXY", "ALL_PROXY", "https_proxy", "http_proxy"):
        monkeypatch.delenv(name, raising=False)
    with socket.socket() as probe:  # a port that was free a moment ago: nothing listens there
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    corpus = write_corpus(tmp_path / "in", count=1)
    out = tmp_path / "out.jsonl"
    started = time.monotonic()
    result = runner.invoke(
        app, ["bulk", str(corpus), "-o", str(out), "--base-url", f"http://127.0.0.1:{port}/v1"]
    )
    assert result.exit_code == 2
    assert "cannot reach the model server" in result.stderr and "--base-url" in result.stderr
    assert time.monotonic() - started < 10
    assert not out.exists() or out.read_bytes() == b""


def test_model_and_server_come_from_the_environment(tmp_path: Path, fake: FakeOpenAI) -> None:
    corpus = write_corpus(tmp_path / "in", count=1)
    out = tmp_path / "out.jsonl"
    env = {"EXTRACTOR_BASE_URL": fake.base_url, "EXTRACTOR_MODEL": "openai/env-model"}
    result = bulk(None, str(corpus), "-o", str(out), env=env)
    assert result.exit_code == 0, result.stderr
    assert {line["model"] for line in read_output(out)} == {"openai/env-model"}
    assert {body["model"] for body in fake.requests} == {"env-model"}


def test_summary_json_and_types(tmp_path: Path, fake: FakeOpenAI) -> None:
    corpus = write_corpus(tmp_path / "in", count=2)
    (corpus / "empty.txt").write_bytes(b"")
    out, summary = tmp_path / "out.jsonl", tmp_path / "summary.json"
    result = bulk(
        fake, str(corpus), "-o", str(out), "--summary-json", str(summary),
        "--types", "casualty_report", "--strategy", "per-type",
    )  # fmt: skip
    assert result.exit_code == 1, result.stderr
    data = json.loads(summary.read_text())
    assert (data["documents"], data["ok"], data["errors"]) == (4, 3, 1)
    assert data["errors_by_reason"] == {"input: empty file": 1}
    assert data["records"]["casualty_report"] == 2
    assert data["usage"]["total_tokens"] > 0 and data["cost_usd"] is None
    assert {line["strategy"] for line in read_output(out)} == {"per-type"}


def test_cost_estimates() -> None:
    assert estimate_cost("openai/gpt-4o-mini", 1_000_000, 1_000_000) == pytest.approx(0.75)
    assert estimate_cost("openai/gpt-4o-mini-2024-07-18", 2_000_000, 0) == pytest.approx(0.30)
    assert estimate_cost("openai/gpt-4o", 1_000_000, 0) == pytest.approx(2.50)
    assert estimate_cost("anthropic/claude-3-5-haiku-latest", 0, 1_000_000) == pytest.approx(4.0)
    assert estimate_cost("local/1.5b", 10**9, 10**9) == 0.0
    assert estimate_cost("openai/fake-model", 100, 100) is None
    assert estimate_cost("openai/gpt-4o-mini", 100, 100, "http://127.0.0.1:8080/v1") is None


# -------------------------------------------------------- real processes


def _start_fake_server(latency: float) -> tuple[subprocess.Popen[str], str]:
    server = subprocess.Popen(
        [
            sys.executable, "-m", "tests.fakes.openai_server", "--port", "0",
            "--latency", str(latency), "--responder", f"static:{EMPTY}",
        ],
        cwd=ROOT, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert server.stdout is not None
    ready, _, _ = select.select([server.stdout], [], [], 20)
    line = server.stdout.readline() if ready else ""
    if not line.startswith("READY "):
        server.kill()
        pytest.fail(f"the fake server did not start: {line!r}")
    return server, line.split()[1]


def _clean_env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith(("EXTRACTOR_", "OPENAI_"))}


def test_a_killed_run_resumes_with_every_id_exactly_once(tmp_path: Path) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    for n in range(30):
        (corpus / f"doc{n:02d}.txt").write_text(f"Report number {n}. " + kano(n + 2))
    out = tmp_path / "out.jsonl"
    server, base_url = _start_fake_server(latency=0.2)
    try:
        command = [
            sys.executable, "-m", "extractor", "bulk", str(corpus), "-o", str(out),
            "--model", "openai/fake-model", "--base-url", base_url, "-j", "2",
            "--strategy", "single", "--progress", "none",
        ]  # fmt: skip
        run = subprocess.Popen(command, cwd=ROOT, env=_clean_env(), stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and run.poll() is None:
            if out.exists() and out.read_bytes().count(b"\n") >= 4:
                break
            time.sleep(0.02)
        run.send_signal(signal.SIGKILL)
        run.wait(timeout=10)
        written = out.read_bytes().count(b"\n")
        assert 4 <= written < 30, "the run must be killed mid-way"

        finished = subprocess.run(
            command, cwd=ROOT, env=_clean_env(), capture_output=True, text=True, timeout=60
        )
        assert finished.returncode == 0, finished.stderr
        lines = read_output(out)  # valid JSON on every line, every id once
        assert sorted(line["doc_id"] for line in lines) == [f"doc{n:02d}.txt" for n in range(30)]
        assert all(line["status"] == "ok" for line in lines)
        with urllib.request.urlopen(base_url.removesuffix("/v1") + "/_fake/stats") as answer:
            requests = json.load(answer)["requests"]
        assert requests <= 30 + 2  # at most the two in flight at the kill were asked twice
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.mark.skipif(not REAL_ZIP.exists(), reason="the shared corpus is not on this machine")
def test_a_slice_of_the_real_archive_converts(tmp_path: Path) -> None:
    archive = tmp_path / "slice.zip"
    with zipfile.ZipFile(REAL_ZIP) as real, zipfile.ZipFile(archive, "w") as part:
        names = [n for n in real.namelist() if n.endswith(".md")][:50]
        for name in names:
            part.writestr(name, real.read(name))
    out = tmp_path / "out.jsonl"
    with FakeOpenAI(casualty_responder) as server:
        result = bulk(server, str(archive), "-o", str(out), "-j", "8")
    assert result.exit_code == 0, result.stderr
    lines = read_output(out)
    assert sorted(line["doc_id"] for line in lines) == sorted(f"{archive}!{n}" for n in names)
    for line in lines:
        assert line["status"] == "ok"
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", line["published"])  # from the front matter
        assert line["title"] and line["url"].startswith("https://")
    assert "documents  50 written: 50 ok, 0 failed" in result.stderr
