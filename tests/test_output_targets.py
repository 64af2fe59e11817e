"""Where results and summaries go: pipes, FIFOs, folders of tables, and what a rerun redoes.

Invariants (hostile round 21), each over inputs the tests build:

* a summary or table target that is a pipe, a FIFO or a device is never read to
  see what it holds (that read waits for a writer forever): ``--summary-json``
  writes into a pipe, and a FIFO nothing reads is one line at once;
* ``flatten`` writes into a folder only what it owns: a folder holding a table
  file flatten would not write now, or a table file holding extraction results,
  is refused in one line (exit 2) and left byte for byte as it was; ``-o ''``
  is refused, never the current folder;
* a rerun redoes a document whose ``url`` now names another publishing
  government (a readout's own state need not be named), and no other url edit;
* ``view`` never puts a local file into a page unless it is the text the line
  was extracted from (its ``text_sha256``).
"""

from __future__ import annotations

import io
import json
import os
import random
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from extractor.bulk.runner import run_bulk
from extractor.cli import app
from extractor.export.flatten import table_columns
from extractor.export.viewer import document_from_line
from extractor.text.countries import government_country
from tests.fakes.kano import kano
from tests.fakes.openai_server import LOOPBACK_ONLY, FakeOpenAI

pytestmark = pytest.mark.block_network(allowed_hosts=LOOPBACK_ONLY)
runner = CliRunner()
ROOT = Path(__file__).resolve().parent.parent
MODEL = {"model": "openai/fake-model", "strategy": "single"}
HYPOTHESIS = settings(
    deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
ENV = {"OPENAI_API_KEY": "sk-test", "EXTRACTOR_MODEL": None, "EXTRACTOR_BASE_URL": None}


def _corpus(folder: Path, count: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(count):
        (folder / f"{number}.txt").write_text(kano(number + 2), encoding="utf-8")
    return folder


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "extractor", *args]


# --------------------------------------------------------------- summaries into pipes


def test_the_summary_goes_into_a_pipe_without_waiting(tmp_path: Path, fake: FakeOpenAI) -> None:
    """``--summary-json /dev/stdout | jq``: stdout is a pipe, which is written, never read."""
    corpus = _corpus(tmp_path / "in", 3)
    command = _cli(
        "bulk", str(corpus), "-o", str(tmp_path / "out.jsonl"), "--summary-json", "/dev/stdout",
        "--model", MODEL["model"], "--base-url", fake.base_url, "--progress", "none",
    )  # fmt: skip
    env = {**os.environ, "OPENAI_API_KEY": "sk-test"}
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["documents"] == 3


def test_summary_dash_is_stdout_unless_the_results_are(tmp_path: Path, fake: FakeOpenAI) -> None:
    corpus = _corpus(tmp_path / "in", 2)
    model = ["--model", MODEL["model"], "--base-url", fake.base_url, "--progress", "none"]
    out = str(tmp_path / "out.jsonl")
    result = runner.invoke(app, ["bulk", str(corpus), "-o", out, "--summary-json", "-", *model],
                           env=ENV)  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["documents"] == 2
    both = runner.invoke(app, ["bulk", str(corpus), "-o", "-", "--summary-json", "-", *model],
                         env=ENV)  # fmt: skip
    assert both.exit_code == 2 and "stdout carries the results" in both.stderr


def test_a_summary_fifo_nothing_reads_is_one_line_and_the_results_stay(
    tmp_path: Path, fake: FakeOpenAI, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Never probed before the run (that would end a waiting reader); when nothing reads
    it by the end, one line and exit 2, the run's lines written."""
    import extractor.cli.bulk_cmd as bulk_cmd

    monkeypatch.setattr(bulk_cmd, "SUMMARY_READER_SECONDS", 0.3)
    corpus = _corpus(tmp_path / "in", 2)
    fifo, out = tmp_path / "summary.fifo", tmp_path / "o.jsonl"
    os.mkfifo(fifo)
    args = ["bulk", str(corpus), "-o", str(out), "--summary-json", str(fifo),
            "--model", MODEL["model"], "--base-url", fake.base_url, "--progress", "none"]  # fmt: skip
    result = runner.invoke(app, args, env=ENV)
    assert result.exit_code == 2 and "Traceback" not in result.output
    errors = [line for line in result.stderr.splitlines() if line.startswith("extractor: error")]
    assert len(errors) == 1 and "summary.fifo" in errors[0] and "nothing reads" in errors[0]
    assert len(out.read_text(encoding="utf-8").splitlines()) == 2


@pytest.mark.parametrize("count", [1, 2])
def test_a_reader_waiting_on_the_summary_fifo_gets_the_summary(
    tmp_path: Path, fake: FakeOpenAI, count: int
) -> None:
    """``jq . < fifo`` started first: it reads the whole summary, not an early end of file."""
    import threading

    corpus = _corpus(tmp_path / "in", count)
    fifo = tmp_path / "summary.fifo"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    args = ["bulk", str(corpus), "-o", str(tmp_path / "o.jsonl"), "--summary-json", str(fifo),
            "--model", MODEL["model"], "--base-url", fake.base_url, "--progress", "none"]  # fmt: skip
    result = runner.invoke(app, args, env=ENV)
    reader.join(timeout=30)
    assert result.exit_code == 0, result.stderr
    assert got and json.loads(got[0])["documents"] == count


def test_flatten_into_a_fifo_is_one_line_at_once(tmp_path: Path, fake: FakeOpenAI) -> None:
    corpus = _corpus(tmp_path / "in", 2)
    results = tmp_path / "res.jsonl"
    run_bulk([corpus], results, base_url=fake.base_url, **MODEL)
    fifo = tmp_path / "tables.duckdb"
    os.mkfifo(fifo)
    done = subprocess.run(_cli("flatten", str(results), "-o", str(fifo)), capture_output=True,
                          text=True, timeout=60)  # fmt: skip
    assert done.returncode == 2
    lines = [line for line in done.stderr.splitlines() if line.startswith("extractor: error")]
    assert len(lines) == 1 and str(fifo.name) in lines[0] and "Traceback" not in done.stderr


# --------------------------------------------------------------- flatten into folders

OURS = sorted(table_columns())
RESULT_LINE = json.dumps({"doc_id": "d", "status": "ok", "source": "d", "records": [],
                          "counts": {}, "usage": {}, "error": None}) + "\n"  # fmt: skip
#: (stem, suffix, content) of a file already in the folder
entries = st.tuples(
    st.sampled_from([*OURS, "protests", "my data", "notes", "events_old"]),
    st.sampled_from([".csv", ".parquet", ".txt"]),
    st.sampled_from(["user", "results"]),
)


@pytest.fixture(scope="module")
def results_file(fake: FakeOpenAI) -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch, "res.jsonl")
        run_bulk([_corpus(Path(scratch, "in"), 3)], path, base_url=fake.base_url, **MODEL)
        yield path


@HYPOTHESIS
@given(st.lists(entries, max_size=5, unique_by=lambda entry: entry[:2]))
def test_flatten_writes_into_a_folder_only_what_it_owns(
    results_file: Path, files: list[tuple[str, str, str]]
) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch, "tables")
        folder.mkdir()
        for stem, suffix, content in files:
            body = RESULT_LINE if content == "results" else "my own data\n"
            (folder / f"{stem}{suffix}").write_text(body, encoding="utf-8")
        before = {path.name: path.read_bytes() for path in folder.iterdir()}
        foreign = any(suffix != ".txt" and stem not in OURS for stem, suffix, _ in files)
        losing = any(
            suffix != ".txt" and stem in OURS and content == "results"
            for stem, suffix, content in files
        )
        result = runner.invoke(app, ["flatten", str(results_file), "-o", str(folder)])
        if foreign or losing:
            assert result.exit_code == 2, result.output
            assert "Traceback" not in result.output
            assert {path.name: path.read_bytes() for path in folder.iterdir()} == before
        else:
            assert result.exit_code == 0, result.output
            events = (folder / "events.csv").read_text(encoding="utf-8").splitlines()
            assert len(events) == 1 + 3  # a header and the three documents' records


def test_flatten_to_an_empty_name_is_refused_not_the_current_folder(
    results_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["flatten", str(results_file), "-o", ""])
    assert result.exit_code == 2 and "empty" in result.output
    assert list(tmp_path.iterdir()) == []


# --------------------------------------------------------------- a url edit on rerun

URLS = [
    None, "https://www.whitehouse.gov/briefing-room/a", "https://www.state.gov/b",
    "https://www.gov.uk/c", "https://example.com/d", "https://example.com/e",
]  # fmt: skip


@settings(HYPOTHESIS, max_examples=12)
@given(st.lists(st.tuples(st.sampled_from(URLS), st.sampled_from(URLS)), min_size=1, max_size=5))
def test_a_rerun_redoes_a_row_whose_url_names_another_publisher(
    fake: FakeOpenAI, urls: list[tuple[str | None, str | None]]
) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        rows = Path(scratch, "rows.jsonl")
        out = Path(scratch, "out.jsonl")

        def write(which: int) -> None:
            lines = [
                json.dumps({"id": f"r{n}", "text": kano(n + 2), "url": pair[which]})
                for n, pair in enumerate(urls)
            ]
            rows.write_text("\n".join(lines) + "\n", encoding="utf-8")

        write(0)
        run_bulk([rows], out, base_url=fake.base_url, **MODEL)
        write(1)
        summary = run_bulk([rows], out, base_url=fake.base_url, **MODEL)
        moved = sum(government_country(a) != government_country(b) for a, b in urls)
        assert summary.changed == moved
        assert summary.unchanged == len(urls) - moved


# --------------------------------------------------------------- view and local files


@HYPOTHESIS
@given(st.sampled_from([".txt", ".md", ".html"]), st.booleans())
def test_view_shows_a_source_file_only_as_the_text_the_line_was_extracted_from(
    suffix: str, hashed: bool
) -> None:
    import hashlib

    with tempfile.TemporaryDirectory() as scratch:
        secret = Path(scratch, f"notes{suffix}")
        secret.write_text("my private notes, never to be shared", encoding="utf-8")
        line = {"doc_id": "x", "status": "ok", "source": str(secret), "records": []}
        if hashed:  # the line is this file's: its text may be shown
            text = "my private notes, never to be shared"
            line["text_sha256"] = hashlib.sha256(text.encode()).hexdigest()
        document = document_from_line(line)
        if hashed and suffix != ".html":
            assert document.text is not None and "private notes" in document.text
        elif not hashed:
            assert document.text is None and document.text_note is not None
            assert "text_sha256" in document.text_note


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40) | st.builds(lambda a, b: f"http://{a}[{b}/p", st.text(max_size=8),
                                        st.text(max_size=8)))  # fmt: skip
def test_any_url_names_a_publisher_or_none_and_never_raises(url: str) -> None:
    found = government_country(url)
    assert found is None or (len(found) == 3 and found.isupper())


def test_a_row_whose_url_does_not_parse_is_extracted_and_reruns_read_it(
    tmp_path: Path, fake: FakeOpenAI
) -> None:
    rows, out = tmp_path / "rows.jsonl", tmp_path / "out.jsonl"
    lines = [json.dumps({"id": f"r{n}", "text": kano(n + 2), "url": url})
             for n, url in enumerate(["http://[x/y", "https://[::1", "http://ok.example/a"])]  # fmt: skip
    rows.write_text("\n".join(lines) + "\n", encoding="utf-8")
    first = run_bulk([rows], out, base_url=fake.base_url, **MODEL)
    assert first.ok == 3
    again = run_bulk([rows], out, base_url=fake.base_url, **MODEL)  # reads those lines back
    assert again.unchanged == 3 and again.documents == 0


# --------------------------------------------------------------- extract's JSON, read back


@settings(HYPOTHESIS, max_examples=6)
@given(st.lists(st.integers(2, 900), min_size=1, max_size=4, unique=True), st.booleans(),
       st.sampled_from([2, 4, None]))  # fmt: skip
def test_every_reader_takes_extracts_json_however_it_is_laid_out(
    fake: FakeOpenAI, numbers: list[int], as_array: bool, indent: int | None
) -> None:
    """``extract -o r.json`` (one pretty object), or an array of them: flatten, view and
    eval read the same documents and records from it as from its JSONL lines."""
    from extractor.evaluation.run import read_lines
    from extractor.export.flatten import flatten_csv
    from extractor.export.viewer import JsonlDocuments
    from extractor.pipeline.engine import Extractor

    with Extractor(base_url=fake.base_url, **MODEL) as extractor:
        results = [
            extractor.extract(kano(n), doc_id=f"d{n}").model_dump(mode="json") for n in numbers
        ]
    if not as_array:
        results = results[:1]
    payload = results if as_array else results[0]
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch, "r.json")
        path.write_text(json.dumps(payload, indent=indent) + "\n", encoding="utf-8")
        lines = read_lines(path)
        documents = list(JsonlDocuments(path))
        import io

        table = io.StringIO()
        summary = flatten_csv(path, table, "events")
    ids = [result["doc_id"] for result in results]
    assert [line["doc_id"] for line in lines] == ids
    assert [document.doc_id for document in documents] == ids
    assert summary.documents == len(ids) and summary.rows["events"] == len(ids)
    assert [len(document.records) for document in documents] == [1] * len(ids)


_entries = st.lists(
    st.one_of(
        st.builds(
            lambda d, n: {"doc_id": d, "status": "ok", "records": [], "n": n},
            st.sampled_from(["a", "b", "c"]),
            st.integers(0, 99),
        ),
        st.sampled_from([1, "x", None, [], {"records": []}, {"doc_id": 7}]),
    ),
    max_size=12,
)


@settings(HYPOTHESIS, max_examples=60)
@given(_entries)
def test_the_entries_of_a_whole_json_file_win_as_lines_do(entries: list[object]) -> None:
    """An array of results read whole keeps what its JSONL lines keep: the last entry of
    each doc_id, in place; whatever is no result comes back, numbered, for the reader."""
    from extractor.io.output import latest_entries, latest_lines

    kept = list(latest_entries(entries))
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch, "r.jsonl")
        path.write_text("".join(json.dumps(e) + "\n" for e in entries), encoding="utf-8")
        bad: list[int] = []
        winners = list(latest_lines(path, on_bad_line=lambda n, raw: bad.append(n)))
    assert [e for _, e in kept if isinstance(e, dict) and isinstance(e.get("doc_id"), str)] == (
        winners
    )
    assert [
        n for n, e in kept if not (isinstance(e, dict) and isinstance(e.get("doc_id"), str))
    ] == (bad)


# --------------------------------------------------------------- appending with >>


@pytest.mark.parametrize("ending", ["newline lost", "cut mid-line", "whole", "gzipped"])
def test_extract_appends_a_line_of_its_own_to_any_output(
    tmp_path: Path, fake: FakeOpenAI, ending: str
) -> None:
    """The README's ``extract a.txt -f jsonl >> out.jsonl``, onto an output whose last line
    lost its newline (an editor): the new document is a line of its own, never glued to
    the last one. Onto a last line cut off mid-line (a killed run) it is refused before
    any call (exit 2), the file as it was; a bulk rerun then repairs and finishes it."""
    corpus = _corpus(tmp_path / "in", 2)
    out = tmp_path / "out.jsonl"
    run_bulk([corpus], out, base_url=fake.base_url, **MODEL)
    data = out.read_bytes()
    if ending == "newline lost":
        out.write_bytes(data.rstrip(b"\n"))
    elif ending == "cut mid-line":
        out.write_bytes(data[: len(data) - 40])
    elif ending == "gzipped":  # the results kept gzipped: plain lines after it, no reader's
        import gzip

        out.write_bytes(gzip.compress(data))
    article = tmp_path / "extra.txt"
    article.write_text(kano(77), encoding="utf-8")
    env = {**os.environ, "OPENAI_API_KEY": "sk-test"}
    command = _cli("extract", str(article), "-f", "jsonl", "--model", MODEL["model"],
                   "--base-url", fake.base_url, "--strategy", "single")  # fmt: skip
    before, calls = out.read_bytes(), len(fake.log)
    with open(out, "ab") as append:
        done = subprocess.run(command, stdout=append, stderr=subprocess.PIPE, timeout=120, env=env)
    if ending == "gzipped":
        assert done.returncode == 2 and b"gzipped" in done.stderr, done.stderr
        assert out.read_bytes() == before and len(fake.log) == calls
        refused = subprocess.run(  # nor is it replaced, and no >> is suggested onto it
            [*command, "-o", str(out)], stderr=subprocess.PIPE, timeout=120, env=env
        )
        assert refused.returncode == 2 and b">>" not in refused.stderr, refused.stderr
        assert out.read_bytes() == before
        return
    if ending == "cut mid-line":
        assert done.returncode == 2 and b"unfinished" in done.stderr
        assert out.read_bytes() == before and len(fake.log) == calls
        summary = run_bulk([corpus], out, base_url=fake.base_url, **MODEL)
        assert summary.ok + summary.unchanged == 2
        return
    assert done.returncode == 0, done.stderr
    last = json.loads(out.read_bytes().splitlines()[-1])
    assert last["doc_id"] == str(article.resolve()) and last["status"] == "ok"
    assert len([json.loads(line) for line in out.read_bytes().splitlines()]) == 3
    summary = run_bulk([corpus], out, base_url=fake.base_url, **MODEL)  # finishes the file
    assert summary.ok + summary.unchanged == 2


# --------------------------------------------------------------- results kept gzipped


@settings(HYPOTHESIS, max_examples=8)
@given(cut=st.floats(0.0, 0.98), level=st.sampled_from([1, 6, 9]))
def test_results_kept_gzipped_read_as_the_plain_file_and_a_broken_one_is_refused(
    results_file: Path, cut: float, level: int
) -> None:
    """``gzip out.jsonl``: flatten, view and eval read out.jsonl.gz as out.jsonl (told by its
    bytes, not its name). Cut short anywhere, it is one error naming the file, and a page
    or table written before from the good file stays as it was."""
    import gzip
    import io

    from extractor.errors import OutputError
    from extractor.evaluation.run import read_lines
    from extractor.export.flatten import flatten, flatten_csv
    from extractor.export.viewer import JsonlDocuments

    plain = results_file.read_bytes()
    packed = gzip.compress(plain, compresslevel=level)
    with tempfile.TemporaryDirectory() as scratch:
        whole = Path(scratch, "out.jsonl.gz")
        whole.write_bytes(packed)
        for source in (results_file, whole):
            table = io.StringIO()
            flatten_csv(source, table, "documents")
            if source == results_file:
                expected = table.getvalue()
        assert table.getvalue() == expected
        assert [d.doc_id for d in JsonlDocuments(whole)] == [
            d.doc_id for d in JsonlDocuments(results_file)
        ]
        assert read_lines(whole) == read_lines(results_file)

        broken = Path(scratch, "cut.jsonl.gz")
        broken.write_bytes(packed[: max(3, int(len(packed) * cut))])
        database = Path(scratch, "t.duckdb")
        flatten(whole, database)
        before = database.read_bytes()
        with pytest.raises(OutputError, match="gzip stream is cut short"):
            flatten(broken, database)
        assert database.read_bytes() == before
        with pytest.raises(OutputError, match="gzip stream is cut short"):
            list(JsonlDocuments(broken))
        with pytest.raises(OutputError, match="gzip stream is cut short"):
            read_lines(broken)
        # on stdin, the error is about stdin, not the copy the reader made of it
        for read in (
            lambda stream: flatten_csv(stream, io.StringIO(), "documents"),
            lambda stream: list(JsonlDocuments(stream)),
        ):
            with pytest.raises(OutputError, match="gzip stream is cut short") as caught:
                read(io.BytesIO(broken.read_bytes()))
            assert caught.value.path == "stdin"


@settings(HYPOTHESIS, max_examples=10)
@given(st.binary(max_size=40))
def test_a_file_that_only_looks_gzipped_is_replaced_like_any_other(tail: bytes) -> None:
    """A page or table to be replaced that starts with gzip's magic bytes and is no gzip
    is not a results file: replacing it is allowed, not an error about its gzip stream."""
    from extractor.io.output import check_replaceable

    with tempfile.TemporaryDirectory() as scratch:
        page = Path(scratch, "page.html")
        page.write_bytes(b"\x1f\x8b" + tail)
        check_replaceable(page, "the page")  # no exception


def test_whole_json_reads_no_more_than_its_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    """A file over the limit is not read at all; a gzip stream that unpacks past it (blank
    lines, or one endless line) is read no further than the limit."""
    import gzip

    import extractor.io.output as output

    monkeypatch.setattr(output, "WHOLE_JSON_LIMIT", 65536)
    with tempfile.TemporaryDirectory() as scratch:
        big = Path(scratch, "big.json")
        big.write_text("[" + " " * 70000 + "]", encoding="utf-8")
        assert output.whole_json(big) is None
        for content in (b"\n" * 10_000_000, b"[" + b" " * 10_000_000 + b"]"):
            bomb = Path(scratch, "bomb.json.gz")
            bomb.write_bytes(gzip.compress(content))
            assert bomb.stat().st_size < 65536
            read: list[int] = []
            real = output._Ungzipped.readinto

            def counting(self: Any, buffer: Any, real: Any = real, read: list[int] = read) -> int:
                n = real(self, buffer)
                read.append(n)
                return int(n)

            monkeypatch.setattr(output._Ungzipped, "readinto", counting)
            assert output.whole_json(bomb) is None
            assert sum(read) < 65536 * 4  # read up to the limit (and a buffer), not 10 MB
            monkeypatch.setattr(output._Ungzipped, "readinto", real)


def test_a_result_without_an_id_reads_alike_whole_and_as_a_line(fake: FakeOpenAI) -> None:
    """extract's JSON of a text given no id (doc_id null) is one document, whether the file
    holds it whole (``[obj]``) or as a JSONL line."""
    import io

    from extractor.export.flatten import flatten_csv
    from extractor.export.viewer import JsonlDocuments
    from extractor.pipeline.engine import Extractor

    with Extractor(base_url=fake.base_url, **MODEL) as extractor:
        result = extractor.extract(kano(5)).model_dump(mode="json")
    result["doc_id"] = None
    with tempfile.TemporaryDirectory() as scratch:
        whole, line = Path(scratch, "w.json"), Path(scratch, "l.jsonl")
        whole.write_text(json.dumps([result], indent=2), encoding="utf-8")
        line.write_text(json.dumps(result) + "\n", encoding="utf-8")
        tables, pages = [], []
        for path in (whole, line):
            table = io.StringIO()
            summary = flatten_csv(path, table, "events")
            tables.append((table.getvalue(), summary.documents, summary.bad_lines))
            documents = JsonlDocuments(path)
            pages.append([len(d.records) for d in documents])
    assert tables[0] == tables[1] and tables[0][1] == 1 and tables[0][2] == []
    assert pages == [[1], [1]]


@settings(HYPOTHESIS, max_examples=5)
@given(lines=st.integers(1, 5), cut=st.floats(0.1, 0.9))
def test_a_gzipped_gold_file_is_read_as_the_plain_one(lines: int, cut: float) -> None:
    """eval reads predictions gzipped or not; the gold file too. A broken one is a gold
    format error saying so, not a codec error."""
    import gzip

    from extractor.errors import GoldFormatError
    from extractor.evaluation.gold import load_gold

    root = Path(__file__).resolve().parent.parent
    text = "".join(
        line + "\n"
        for line in (root / "seeds" / "dev.gold.jsonl").read_text("utf-8").splitlines()[:lines]
    )
    with tempfile.TemporaryDirectory() as scratch:
        plain, packed = Path(scratch, "g.jsonl"), Path(scratch, "g.jsonl.gz")
        plain.write_text(text, encoding="utf-8")
        data = gzip.compress(text.encode("utf-8"))
        packed.write_bytes(data)
        assert load_gold(packed) == load_gold(plain)
        packed.write_bytes(data[: max(3, int(len(data) * cut))])
        with pytest.raises(GoldFormatError, match="gzip stream is cut short"):
            load_gold(packed)


@settings(HYPOTHESIS, max_examples=4)
@given(
    kind=st.sampled_from(["prose", "jsonl", "gzipped jsonl"]),
    numbers=st.lists(st.integers(2, 900), min_size=1, max_size=3, unique=True),
)
def test_stdin_redirected_from_a_file_is_read_as_piped(
    fake: FakeOpenAI, kind: str, numbers: list[int]
) -> None:
    """``bulk - < file`` is ``cat file | bulk -``: the same documents under the same names
    (its format told by its bytes, never by the file's name), so either finds the other's
    lines done."""
    import gzip

    rows = "".join(json.dumps({"id": f"r{n}", "text": kano(n)}) + "\n" for n in numbers)
    data = {"prose": kano(numbers[0]).encode(), "jsonl": rows.encode(),
            "gzipped jsonl": gzip.compress(rows.encode())}[kind]  # fmt: skip
    env = {**os.environ, "OPENAI_API_KEY": "sk-test"}
    with tempfile.TemporaryDirectory() as scratch:
        source = Path(scratch, "input")  # no extension: nothing to tell a type by
        source.write_bytes(data)
        outputs = []
        for how in ("redirected", "piped"):
            out = Path(scratch, f"{how}.jsonl")
            command = _cli("bulk", "-", "-o", str(out), "--model", MODEL["model"],
                           "--base-url", fake.base_url, "--strategy", "single",
                           "--progress", "none")  # fmt: skip
            if how == "redirected":
                with open(source, "rb") as stdin:
                    done = subprocess.run(command, stdin=stdin, capture_output=True,
                                          timeout=120, env=env)  # fmt: skip
            else:
                done = subprocess.run(command, input=data, capture_output=True, timeout=120,
                                      env=env)  # fmt: skip
            assert done.returncode == 0, done.stderr
            outputs.append(sorted(
                (line["doc_id"], line["status"]) for line in map(json.loads, out.read_text().splitlines())
            ))  # fmt: skip
    assert outputs[0] == outputs[1]
    assert all(status == "ok" for _, status in outputs[0])


@pytest.mark.parametrize("packed", [False, True])
def test_eval_reads_gold_and_predictions_that_open_with_a_bom(packed: bool) -> None:
    """A UTF-8 byte-order mark (spreadsheets and Windows editors write one) is no
    character of the first line, for eval as for bulk, flatten and view."""
    import gzip

    from extractor.evaluation.gold import load_gold
    from extractor.evaluation.run import read_lines

    root = Path(__file__).resolve().parent.parent
    gold_text = "".join(
        line + "\n"
        for line in (root / "seeds" / "dev.gold.jsonl").read_text("utf-8").splitlines()[:2]
    )
    doc_id = json.loads(gold_text.splitlines()[0])["id"]
    prediction = json.dumps({"doc_id": doc_id, "status": "ok", "records": []}) + "\n"
    with tempfile.TemporaryDirectory() as scratch:
        files = {}
        for name, text in (("gold", gold_text), ("pred", prediction)):
            data = b"\xef\xbb\xbf" + text.encode("utf-8")
            path = Path(scratch, f"{name}.jsonl")
            path.write_bytes(gzip.compress(data) if packed else data)
            files[name] = path
        plain = Path(scratch, "plain.jsonl")
        plain.write_text(gold_text, encoding="utf-8")
        assert load_gold(files["gold"]) == load_gold(plain)
        assert [line["doc_id"] for line in read_lines(files["pred"])] == [doc_id]


def test_pages_and_tables_kept_beside_the_articles_are_not_read_as_articles(
    tmp_path: Path, fake: FakeOpenAI
) -> None:
    """The README's commands with their outputs kept in the input folder
    (``view in/out.jsonl -o in/page.html``, ``flatten ... -o in/tables``): the next ``bulk
    in`` skips the page and the tables, saying so, and pays for no article of them."""
    from extractor.export.flatten import flatten, table_columns
    from extractor.io.output import TABLE_HEADS

    for columns in table_columns().values():  # the heads the readers know are flatten's
        assert ",".join(c.name for c in columns).startswith(TABLE_HEADS)
    folder = _corpus(tmp_path / "in", 3)
    out = tmp_path / "out.jsonl"
    run_bulk([folder], out, base_url=fake.base_url, **MODEL)
    viewed = CliRunner().invoke(app, ["view", str(out), "-o", str(folder / "page.html")])
    assert viewed.exit_code == 0, viewed.output
    flatten(out, folder / "tables", parquet=False)
    made = (("table", "0.table.txt"), ("table", "0.table.md"), ("csv", "0.csv"), ("html", "0.html"))
    for form, name in made:
        kept = CliRunner().invoke(
            app,
            ["extract", str(folder / "0.txt"), "-f", form, "-o", str(folder / name),
             "--base-url", fake.base_url, "--model", MODEL["model"]],
            env=ENV,
        )  # fmt: skip
        assert kept.exit_code == 0, kept.output
    calls = len(fake.log)
    again = tmp_path / "again.jsonl"
    summary = run_bulk([folder], again, base_url=fake.base_url, **MODEL)
    lines = [json.loads(line) for line in again.read_text().splitlines()]
    skipped = {Path(line["doc_id"]).name for line in lines if line["status"] == "skipped"}
    assert "page.html" in skipped and {"documents.csv", "events.csv"} <= skipped
    assert {name for _, name in made} <= skipped  # extract's own outputs, each form
    assert summary.ok == 3 and len(fake.log) - calls == 3  # the articles only


@HYPOTHESIS
@given(cut=st.integers(1, 6), extra=st.sampled_from(["text", "title", "body", "url"]))
def test_an_authors_csv_that_starts_like_a_table_of_ours_is_read(
    tmp_path_factory: Any, cut: int, extra: str
) -> None:
    """``record_id,doc_id,text`` was skipped as a table of flatten: only a header that opens
    as one of flatten's does (four columns of a record table or ``events``, seven of
    ``documents``) is ours; an author's that shares fewer is read."""
    from extractor.export.flatten import table_columns
    from extractor.io.output import TABLE_HEADS, made_by_a_command

    folder = tmp_path_factory.mktemp("csvhead")
    for name, columns in table_columns().items():
        names = [column.name for column in columns]
        ours = folder / f"{name}.csv"
        ours.write_text(",".join(names) + "\n")
        assert made_by_a_command(ours) is not None, name
        [head] = [head for head in TABLE_HEADS if ",".join(names).startswith(head)]
        if cut < head.count(",") and names[cut] != extra:
            mine = folder / f"mine-{name}.csv"
            mine.write_text(",".join([*names[:cut], extra]) + "\nx,y,z\n")
            assert made_by_a_command(mine) is None, (name, cut)


_PANEL = ["Weather", "┏━━━━━━━━━━━━━┓", "┃ Key facts   ┃", "┡━━━━━━━━━━━━━┩", "└─────────────┘",
          "Kyiv · Lviv · Odesa", "Reuters · AP · 3 min read", "model · single · 12 tokens",
          "12 calls · 3.0 s · prompt p-abc", "warning: heavy rain"]  # fmt: skip


@HYPOTHESIS
@given(
    lines=st.lists(
        st.sampled_from(_PANEL) | st.text(st.characters(exclude_categories=["Cs"]), max_size=80),
        max_size=8,
    ),
    suffix=st.sampled_from([".txt", ".md", ".markdown", ".html"]),
)
def test_no_article_is_taken_for_a_text_extractor_wrote(
    tmp_path_factory: Any, lines: Any, suffix: str
) -> None:
    """An article with a boxed key-facts panel under its headline, or a line of "·"
    separated words, is read: only extract's own summary line (model, strategy, tokens,
    calls, seconds, the prompt's version) marks a table text as ours."""
    from extractor.io.output import made_by_a_command

    path = tmp_path_factory.mktemp("prose") / f"a{suffix}"
    path.write_text("\n".join(lines), encoding="utf-8")
    assert made_by_a_command(path) is None


def _packed(kind: str, plain: bytes) -> bytes:
    """``plain`` as a user may have kept it: compressed otherwise than by gzip, re-saved as
    UTF-16, or replaced by bytes that are no text at all."""
    import bz2
    import lzma
    import zipfile

    if kind == "xz":
        return lzma.compress(plain)
    if kind == "bzip2":
        return bz2.compress(plain)
    if kind == "zip":
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr("out.jsonl", plain)
        return buffer.getvalue()
    if kind == "UTF-16":
        return plain.decode("utf-8").encode("utf-16")
    return bytes(random.Random(len(plain)).randrange(256) for _ in range(2000)) + b"\0"


@settings(HYPOTHESIS, max_examples=10)
@given(
    kind=st.sampled_from(["xz", "bzip2", "zip", "UTF-16", "binary"]),
    reader=st.sampled_from(["flatten", "flatten_csv", "view", "eval", "stdin"]),
)
def test_results_packed_otherwise_or_not_text_are_refused_before_anything_is_replaced(
    results_file: Path, kind: str, reader: str
) -> None:
    """``xz out.jsonl`` (or bzip2, zip, UTF-16, a binary file) given to flatten or view
    replaced good tables and pages with empty ones, blaming "a bulk run still running or
    killed". It is one error naming the file and what it is, and what was written from
    the good file stays as it was."""
    from extractor.errors import OutputError
    from extractor.evaluation.run import read_lines
    from extractor.export.flatten import flatten, flatten_csv
    from extractor.export.viewer import JsonlDocuments

    data = _packed(kind, results_file.read_bytes())
    with tempfile.TemporaryDirectory() as scratch:
        packed = Path(scratch, "out.jsonl.x")
        packed.write_bytes(data)
        database = Path(scratch, "t.duckdb")
        flatten(results_file, database)
        before = database.read_bytes()
        said = "is compressed with" if kind not in ("UTF-16", "binary") else "text"
        with pytest.raises(OutputError, match=said) as caught:
            if reader == "flatten":
                flatten(packed, database)
            elif reader == "flatten_csv":
                flatten_csv(packed, io.StringIO(), "documents")
            elif reader == "view":
                list(JsonlDocuments(packed))
            elif reader == "eval":
                read_lines(packed)
            else:
                flatten_csv(io.BytesIO(data), io.StringIO(), "documents")
        assert caught.value.path == ("stdin" if reader == "stdin" else str(packed))
        assert kind.lower().replace("-", "")[:3] in str(caught.value).lower().replace("-", "")
        assert database.read_bytes() == before
