"""Whole-file writers never destroy extraction results (hostile round 17, #4 and #5).

``extract -o``, ``view -o``, ``eval -o``, ``schema -o`` and ``bulk --summary-json`` write
a file whole. Over a corpus of targets the test builds (a bulk output of one or several
documents, the output of a run still writing it, a file of the user's), each writer
either writes, or refuses in one line with exit 2 and leaves the target byte for byte as
it was. Which: a file a run is writing is refused by every writer; results of several
documents by all; one document's results by all but ``extract`` writing results of that
same document (its last line). Saved predictions are no bulk output: a rerun replaces them.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from extractor.cli import app
from extractor.errors import OutputError
from extractor.io.output import check_replaceable, open_output, run_holding
from tests.fakes.openai_server import LOOPBACK_ONLY, FakeOpenAI, static

pytestmark = pytest.mark.block_network(allowed_hosts=LOOPBACK_ONLY)
runner = CliRunner()
ROOT = Path(__file__).resolve().parent.parent
EMPTY = json.dumps({"visits": [], "meetings": [], "arms_transfers": [], "casualty_reports": []})


def result_line(doc_id: str) -> str:
    return json.dumps({"doc_id": doc_id, "status": "ok", "source": doc_id, "records": [],
                       "counts": {}, "usage": {}, "error": None}) + "\n"  # fmt: skip


@pytest.fixture(scope="module")
def server() -> Iterator[FakeOpenAI]:
    with FakeOpenAI(static(EMPTY)) as fake:
        yield fake


#: writer -> (the results it may replace: "none", "one" or "any"; its command, given -o)
WRITERS: dict[str, tuple[str, Any]] = {
    "extract -f jsonl": ("one", lambda t, s, w: ["extract", str(w / "a.txt"), "-f", "jsonl",
                                                  "-o", str(t), *model(s)]),
    "extract -f json": ("one", lambda t, s, w: ["extract", str(w / "a.txt"), "-f", "json",
                                                 "-o", str(t), *model(s)]),
    "extract -f table": ("none", lambda t, s, w: ["extract", str(w / "a.txt"), "-f", "table",
                                                   "-o", str(t), *model(s)]),
    "view": ("none", lambda t, s, w: ["view", str(w / "results.jsonl"), "-o", str(t)]),
    "eval -o": ("none", lambda t, s, w: ["eval", str(w / "gold.jsonl"), "--predictions",
                                         str(w / "results.jsonl"), "-o", str(t)]),
    "eval --save-predictions": ("none", lambda t, s, w: [
        "eval", str(w / "gold.jsonl"), "--save-predictions", str(t), *model(s)]),
    "schema": ("none", lambda t, s, w: ["schema", "-o", str(t)]),
    "bulk --summary-json": ("none", lambda t, s, w: [
        "bulk", str(w / "a.txt"), "-o", str(w / "run.jsonl"), "--summary-json", str(t),
        "--progress", "none", *model(s)]),
}  # fmt: skip
#: target -> (its content, documents whose results it holds, held by a running run)
TARGETS = {
    "several documents": ("".join(result_line(f"doc-{n}") for n in range(3)), 3, False),
    "one document": (result_line("doc-0"), 1, False),
    "a running run's output": (result_line("doc-0"), 1, True),
    "the user's notes": ("my notes\n", 0, False),
    # what extract -o r.json writes: one document's results, pretty-printed
    "extract's JSON": (
        json.dumps(
            {
                "doc_id": "x",
                "published": None,
                "visits": [],
                "meetings": [],
                "metadata": {"model": "m", "warnings": []},
            },
            indent=2,
        )
        + "\n",
        1,
        False,
    ),
    # what eval --save-predictions wrote before: results every reader takes, which only a
    # rerun of eval --save-predictions replaces
    "an earlier eval's predictions": (
        json.dumps({"doc_id": "g", "status": "ok", "records": []}) + "\n",
        1,
        False,
    ),
}
#: The one writer that replaces saved predictions of several documents: its own rerun.
SAVED_BY = "eval --save-predictions"


def model(server: FakeOpenAI) -> list[str]:
    return ["--model", "openai/fake", "--base-url", server.base_url]


def _workspace(folder: Path) -> Path:
    (folder / "a.txt").write_text("Officials met in Lima on Monday.", encoding="utf-8")
    gold = (ROOT / "seeds" / "dev.gold.jsonl").read_text(encoding="utf-8").splitlines()[0]
    (folder / "gold.jsonl").write_text(gold + "\n", encoding="utf-8")
    # a prediction for the gold's document, so that eval has something to score
    (folder / "results.jsonl").write_text(result_line(json.loads(gold)["id"]), encoding="utf-8")
    return folder


@pytest.mark.parametrize("target_kind", sorted(TARGETS))
@pytest.mark.parametrize("writer", sorted(WRITERS))
def test_a_whole_file_writer_never_replaces_results_it_should_keep(
    tmp_path: Path, server: FakeOpenAI, writer: str, target_kind: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test")
    work = _workspace(tmp_path)
    content, documents, running = TARGETS[target_kind]
    target = work / "target.jsonl"
    target.write_text(content, encoding="utf-8")
    allows, command = WRITERS[writer]
    limit = {"none": 0, "one": 1, "any": 10**9}[allows]
    own = target_kind == "an earlier eval's predictions" and writer == SAVED_BY
    # extract replaces one document's results only when they are its own document's, or
    # extract's JSON (a result file): a bulk line or saved predictions of another are kept
    foreign = writer.startswith("extract -f json") and target_kind in (
        "one document",
        "an earlier eval's predictions",
    )
    expected_refusal = running or (documents > limit and not own) or foreign
    if running:
        with open_output(target):  # a bulk run holds it while the writer runs
            assert run_holding(target) is not None
            result = runner.invoke(app, command(target, server, work))
    else:
        result = runner.invoke(app, command(target, server, work))
    if expected_refusal:
        assert result.exit_code == 2, (writer, target_kind, result.output)
        assert target.read_text(encoding="utf-8") == content
        message = result.output.strip().splitlines()[-1]
        assert "target.jsonl" in message and ("extractor run" in message or "results" in message)
    else:
        assert result.exit_code in (0, 1), (writer, target_kind, result.output)
        assert target.read_text(encoding="utf-8") != content


@pytest.mark.parametrize("how", ["plain", "gzipped", "symlink"])
@pytest.mark.parametrize("target_kind", sorted(TARGETS))
def test_schema_into_a_folder_never_replaces_results_it_should_keep(
    tmp_path: Path, target_kind: str, how: str
) -> None:
    """``schema -o FOLDER/`` writes one file per type: each is checked as ``-o FILE`` is,
    before any is written. A file of results under a schema's name (gzipped, or a
    symlink to a run's output elsewhere) is refused and the folder left as it was."""
    import gzip

    content, documents, running = TARGETS[target_kind]
    if running and how == "gzipped":
        return  # a run writes its output plain: no run holds a gzipped file
    folder, elsewhere = tmp_path / "schemas", tmp_path / "elsewhere"
    folder.mkdir()
    elsewhere.mkdir()
    target = folder / "visit.schema.json"
    data = content.encode("utf-8")
    if how == "gzipped":
        data = gzip.compress(data)
    if how == "symlink":
        real = elsewhere / "out.jsonl"
        real.write_bytes(data)
        target.symlink_to(real)
    else:
        target.write_bytes(data)
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    if running:
        with open_output(target):
            result = runner.invoke(app, ["schema", "-o", f"{folder}/"])
    else:
        result = runner.invoke(app, ["schema", "-o", f"{folder}/"])
    if running or documents > 0:
        assert result.exit_code == 2, (target_kind, how, result.output)
        assert {p.name: p.read_bytes() for p in folder.iterdir()} == before  # nothing written
        assert target.read_bytes() == data
    else:
        assert result.exit_code == 0, (target_kind, how, result.output)
        assert json.loads(target.read_text(encoding="utf-8"))["title"]
        assert target.is_symlink() == (how == "symlink")  # written through the link
    assert "Traceback" not in result.output


def test_a_run_holding_its_output_is_seen_and_let_go(tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    assert run_holding(target) is None  # nothing there
    with open_output(target):
        assert run_holding(target) is not None
        assert run_holding(tmp_path / "./out.jsonl") is not None  # however it is spelt
        with pytest.raises(OutputError, match="being written by an extractor run"):
            check_replaceable(target, "page", allows="any")
    assert run_holding(target) is None
    check_replaceable(target, "page", allows="any")


def test_a_writer_killed_mid_write_leaves_nothing_the_next_one_keeps(tmp_path: Path) -> None:
    """A page or table killed while written leaves ``.<name>.<pid>.tmp``; the next
    writer of the same file removes those of pids no longer running, and keeps those of
    a process still running (perhaps writing it now)."""
    import subprocess
    import sys

    from extractor.io.output import Replacement

    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True).stdout.strip()  # fmt: skip
    target = tmp_path / "page.html"
    left = tmp_path / f".page.html.{dead}.tmp"
    left.write_bytes(b"x" * 1000)
    alive = tmp_path / ".page.html.1.tmp"  # pid 1 runs
    alive.write_bytes(b"y")
    other = tmp_path / f".other.html.{dead}.tmp"  # another file's: not this writer's
    other.write_bytes(b"z")
    page = Replacement.of(target)
    with page.open("w", encoding="utf-8") as out:
        out.write("<html></html>")
    page.commit()
    assert target.read_text(encoding="utf-8") == "<html></html>"
    assert not left.exists() and alive.exists() and other.exists()


@pytest.mark.parametrize("writer", sorted(WRITERS))
def test_a_name_ending_in_a_slash_is_a_folder_and_nothing_is_written(
    tmp_path: Path, server: FakeOpenAI, writer: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``-o newdir/`` says "a folder": a writer given one refuses in one line (exit 2) and
    creates nothing, never a file named ``newdir`` (hostile round 20). ``schema`` is the
    one writer of a folder: it writes one file per type there."""
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test")
    work = _workspace(tmp_path)
    before = sorted(path.name for path in work.iterdir())
    _, command = WRITERS[writer]
    result = runner.invoke(app, command(f"{work / 'newdir'}/", server, work))
    if writer == "schema":
        assert result.exit_code == 0 and (work / "newdir").is_dir()
        return
    assert result.exit_code == 2, (writer, result.output)
    assert "folder" in result.output.strip().splitlines()[-1]
    # bulk --summary-json may write its run's output; nothing named newdir appears
    assert not (work / "newdir").exists()
    assert set(before) <= {path.name for path in work.iterdir()}


def test_bulk_output_ending_in_a_slash_is_refused(tmp_path: Path, server: FakeOpenAI) -> None:
    work = _workspace(tmp_path)
    command = ["bulk", str(work / "a.txt"), "-o", f"{work / 'out'}/", *model(server)]
    calls = len(server.log)
    result = runner.invoke(app, command, env={"OPENAI_API_KEY": "sk-test"})
    assert result.exit_code == 2 and "folder" in result.output
    assert not (work / "out").exists() and len(server.log) == calls


@pytest.mark.parametrize("suffix", [".parquet", ".duckdb", ".xlsx", ".tsv", ".sqlite", ".feather"])
def test_extract_refuses_a_table_format_it_does_not_write(
    tmp_path: Path, server: FakeOpenAI, suffix: str
) -> None:
    """``extract -o x.parquet`` would be JSON under a name that says Parquet; refused
    before the model is called, naming what to do instead."""
    work = _workspace(tmp_path)
    target = work / f"x{suffix}"
    command = ["extract", str(work / "a.txt"), "-o", str(target), *model(server)]
    calls = len(server.log)
    result = runner.invoke(app, command, env={"OPENAI_API_KEY": "sk-test"})
    assert result.exit_code == 2 and f"x{suffix}" in result.output
    assert not target.exists() and len(server.log) == calls


@pytest.mark.parametrize("documents", [2, 40])
@pytest.mark.parametrize("writer", sorted(WRITERS))
def test_gzipped_results_are_results_too(
    tmp_path: Path, server: FakeOpenAI, writer: str, documents: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    """A run's output kept gzipped (``out.jsonl.gz``, renamed or not) is as precious as the
    plain file: a writer that refuses the plain results refuses them gzipped (round 22)."""
    import gzip

    monkeypatch.setenv("OPENAI_API_KEY", "sk-test")
    work = _workspace(tmp_path)
    target = work / "target.jsonl"
    content = gzip.compress("".join(result_line(f"doc-{n}") for n in range(documents)).encode())
    target.write_bytes(content)
    _, command = WRITERS[writer]
    result = runner.invoke(app, command(target, server, work))
    assert result.exit_code == 2, (writer, result.output)
    assert target.read_bytes() == content
