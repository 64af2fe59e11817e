"""``extractor bulk`` against a hostile world: reruns, kills, changed texts, a second run,
foreign files, symlinks, a full disk, paths that cannot be written.

The invariants (stated in :mod:`extractor.bulk.runner` and :mod:`extractor.io.output`)
are checked over generated sequences of operations, not a list of cases:

* after the final run every current input identity has exactly one winning line (its
  last), and that line's ``text_sha256`` is the hash of the current text;
* no line, winning or superseded, describes another article's text;
* a file that is not an extractor output is never modified;
* one run per output; output problems are one stderr line and exit 2.

Runs go through typer's CliRunner against the in-thread fake OpenAI server.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import signal
import stat
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner, Result

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # plain `pytest` (not `python -m pytest`) leaves the root out
    sys.path.insert(0, str(ROOT))

from extractor.bulk.runner import BulkRun  # noqa: E402
from extractor.cli import app  # noqa: E402
from extractor.errors import ConfigurationError  # noqa: E402
from extractor.io import iter_inputs  # noqa: E402
from extractor.io.output import OUTPUT_KEYS, latest_lines, open_output  # noqa: E402
from extractor.pipeline.document import Document  # noqa: E402
from tests.fakes.kano import casualty_responder, kano  # noqa: E402
from tests.fakes.openai_server import LOOPBACK_ONLY, FakeOpenAI  # noqa: E402

pytestmark = pytest.mark.block_network(allowed_hosts=LOOPBACK_ONLY)

runner = CliRunner()
#: Unset for every run, whatever the developer's shell exports.
CLEAN_ENV: dict[str, str | None] = {
    name: None for name in ("EXTRACTOR_MODEL", "EXTRACTOR_BASE_URL", "EXTRACTOR_API_KEY",
                            "EXTRACTOR_MODE")
}  # fmt: skip
HYPOTHESIS = settings(
    deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)


def bulk(server: FakeOpenAI, *args: str) -> Result:
    model = ["--model", "openai/fake-model", "--base-url", server.base_url]
    command = ["bulk", *args, *model, "--strategy", "single", "--progress", "none"]
    return runner.invoke(app, command, env=CLEAN_ENV)


def error_lines(result: Result) -> list[str]:
    """The stderr lines of a refused run (callers unpack exactly one), never a traceback."""
    assert "Traceback" not in result.stderr, result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return [line for line in result.stderr.splitlines() if line.strip()]


def killed(line: dict[str, Any]) -> list[int]:
    return [record["killed"]["low"] for record in line["records"]]


# ------------------------------------------------------- generated histories


@dataclass
class Corpus:
    """A folder of Kano reports (``N.txt`` files) and a JSONL of rows without ids.

    ``texts`` maps every text hash the readers ever produced to the casualty
    figure of that text, so any line can be checked against the text it names.
    """

    folder: Path
    files: dict[str, int] = field(default_factory=dict)
    rows: list[int] = field(default_factory=list)
    texts: dict[str, int] = field(default_factory=dict)

    def write(self) -> None:
        for name, number in self.files.items():
            (self.folder / name).write_text(kano(number) + "\n", encoding="utf-8")
        rows = "".join(json.dumps({"text": kano(number)}) + "\n" for number in self.rows)
        (self.folder / "rows.jsonl").write_text(rows, encoding="utf-8")
        for document in self.current().values():
            self.texts[document.text_sha256] = _figure(document.text)

    def current(self) -> dict[str, Document]:
        """Every input identity the readers give now, and its document."""
        items = {item.doc_id: item for item in iter_inputs([str(self.folder)])}
        documents = {
            doc_id: item
            for doc_id, item in items.items()
            if isinstance(item, Document) and not doc_id.startswith("out.jsonl")
        }
        names = set(self.files) | set(row_ids("rows.jsonl", [kano(n) for n in self.rows]))
        assert set(documents) == names  # the model of the corpus and the readers agree
        return documents


def row_ids(place: str, texts: list[str]) -> list[str]:
    """The ids of id-less rows with these texts: ``<place>#<text hash>``, ``#<n>`` for the
    n-th copy of a text (see :mod:`extractor.io.readers`)."""
    copies: dict[str, int] = {}
    ids = []
    for text in texts:
        key = Document(doc_id="-", text=text).text_sha256[:12]
        copies[key] = copies.get(key, 0) + 1
        ids.append(f"{place}#{key}" if copies[key] == 1 else f"{place}#{key}#{copies[key]}")
    return ids


def _figure(text: str) -> int:
    found = re.search(r"At least (\d+) people", text)
    assert found is not None
    return int(found.group(1))


operations = st.lists(
    st.one_of(
        st.tuples(st.just("run"), st.sampled_from(["1", "3"])),
        st.tuples(st.just("cut"), st.floats(min_value=0, max_value=1)),
        st.tuples(st.just("edit"), st.integers(0, 3), st.integers(2, 60)),
        st.tuples(st.just("insert"), st.integers(2, 60)),
        st.tuples(st.just("add"), st.integers(2, 60)),
    ),
    min_size=1,
    max_size=5,
)


@settings(HYPOTHESIS, max_examples=8)
@given(history=operations, inside=st.booleans())
def test_every_input_ends_with_one_winning_line_for_its_current_text(
    fake: FakeOpenAI, history: list[tuple[Any, ...]], inside: bool
) -> None:
    """Runs, kills (the output cut at any byte), texts edited between runs, rows inserted at
    the top of a JSONL without ids (every row after it changes id): after a final run, the
    output is exactly right, and one more run does nothing."""
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Corpus(Path(tmp) / "in", files={"a.txt": 2, "b.txt": 3}, rows=[4, 5])
        corpus.folder.mkdir()
        corpus.write()
        out = corpus.folder / "out.jsonl" if inside else Path(tmp) / "out.jsonl"
        for operation in [*history, ("run", "3")]:
            kind = operation[0]
            if kind == "run":
                result = bulk(fake, str(corpus.folder), "-o", str(out), "-j", operation[1])
                assert result.exit_code == 0, result.stderr
            elif kind == "cut" and out.exists():
                # a kill tears the line being written; a tear inside the very first line
                # is repaired only with the lock's record of it (tests/test_io_output.py
                # kills real runs there), so a cut by hand keeps the first line whole
                data = out.read_bytes()
                first = data.find(b"\n") + 1
                out.write_bytes(data[: max(first, round(operation[1] * len(data)))])
            elif kind == "edit":
                names = sorted(corpus.files)
                corpus.files[names[operation[1] % len(names)]] = operation[2]
            elif kind == "insert":
                corpus.rows.insert(0, operation[1])
            elif kind == "add":
                corpus.files[f"n{len(corpus.files)}.txt"] = operation[1]
            corpus.write()

        current = corpus.current()
        raw = out.read_bytes()
        assert raw.endswith(b"\n")
        every = [json.loads(line) for line in raw.splitlines()]
        for line in every:  # superseded or not, a line describes the text it names
            assert line["status"] == "ok", line
            assert killed(line) == [corpus.texts[line["text_sha256"]]], line
        winners = {line["doc_id"]: line for line in latest_lines(out)}
        assert set(winners) >= set(current)  # ids of removed rows may stay: they are not inputs
        for doc_id, document in current.items():
            assert winners[doc_id]["text_sha256"] == document.text_sha256, doc_id
            assert killed(winners[doc_id]) == [_figure(document.text)]
            assert winners[doc_id]["source"].startswith(str(corpus.folder))

        requests = len(fake.requests)
        summary = Path(tmp) / "summary.json"
        again = bulk(fake, str(corpus.folder), "-o", str(out), "--summary-json", str(summary))
        assert again.exit_code == 0, again.stderr
        assert len(fake.requests) == requests and out.read_bytes() == raw
        counts = json.loads(summary.read_text())
        assert (counts["new"], counts["changed"], counts["documents"]) == (0, 0, 0)
        assert counts["unchanged"] == len(current)


def test_the_summary_counts_new_changed_and_unchanged(tmp_path: Path, fake: FakeOpenAI) -> None:
    corpus = Corpus(tmp_path / "in", files={"a.txt": 2, "b.txt": 3}, rows=[4])
    corpus.folder.mkdir()
    corpus.write()
    out, summary = tmp_path / "out.jsonl", tmp_path / "summary.json"
    assert bulk(fake, str(corpus.folder), "-o", str(out)).exit_code == 0
    corpus.files["a.txt"] = 20
    corpus.files["c.txt"] = 30
    corpus.write()
    result = bulk(fake, str(corpus.folder), "-o", str(out), "--summary-json", str(summary))
    assert result.exit_code == 0, result.stderr
    counts = json.loads(summary.read_text())
    assert (counts["new"], counts["changed"], counts["unchanged"]) == (1, 1, 2)
    assert counts["documents"] == counts["ok"] == 2
    assert "1 new, 1 changed (extracted again), 2 unchanged" in result.stderr


# ------------------------------------------------------------------- the lock


def test_a_second_run_on_the_same_output_is_refused_at_once(tmp_path: Path) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    for n in range(3):
        (corpus / f"k{n}.txt").write_text(kano(n + 2))
    out = tmp_path / "out.jsonl"
    lock = tmp_path / "out.jsonl.lock"
    with FakeOpenAI(casualty_responder, latency=0.6) as slow:
        first: list[Any] = []
        run = BulkRun(
            [str(corpus)], out, concurrency=1, model="openai/fake-model",
            base_url=slow.base_url, strategy="single",
        )  # fmt: skip
        thread = threading.Thread(target=lambda: first.append(_run(run)), daemon=True)
        thread.start()
        deadline = time.monotonic() + 20
        while not lock.exists() and time.monotonic() < deadline:
            time.sleep(0.01)
        assert lock.exists(), "the first run never took the lock"
        started = time.monotonic()
        second = bulk(slow, str(corpus), "-o", str(out))
        assert time.monotonic() - started < 5
        assert second.exit_code == 2
        (message,) = error_lines(second)
        assert "being written by another extractor run" in message and str(out) in message
        assert thread.is_alive()  # refused while the first run was still going
        thread.join(timeout=30)
    summary = first[0]
    assert summary.documents == 3 and summary.ok == 3
    assert not lock.exists()  # released at the end
    assert sorted(line["doc_id"] for line in latest_lines(out)) == ["k0.txt", "k1.txt", "k2.txt"]


def _run(run: BulkRun) -> Any:
    from extractor.runtime import aio

    return aio.run(run.run())


# ---------------------------------------------------------- foreign files


foreign_contents = st.one_of(
    st.binary(min_size=1, max_size=200).filter(lambda b: not b.lstrip().startswith(b"{")),
    st.text(min_size=1, max_size=80).map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.dictionaries(
        st.sampled_from([*sorted(OUTPUT_KEYS), "id", "text"]), st.none() | st.text(max_size=5)
    )
    .filter(lambda d: not d.keys() >= OUTPUT_KEYS)
    .map(lambda d: json.dumps(d).encode() + b"\n"),
    st.lists(st.integers(), max_size=3).map(lambda v: json.dumps(v).encode() + b"\nmore\n"),
)


def _a_torn_first_line(content: bytes) -> bool:
    """Whether the file is only a torn result line (after blank lines): that one is ours."""
    lines = content.split(b"\n")
    while lines and not lines[0].strip() and len(lines) > 1:
        lines.pop(0)
    prefix = b'{"doc_id": '
    return len(lines) == 1 and (lines[0].startswith(prefix) or prefix.startswith(lines[0]))


@settings(HYPOTHESIS, max_examples=25)
@given(content=foreign_contents)
def test_a_file_that_is_not_an_output_is_never_modified(fake: FakeOpenAI, content: bytes) -> None:
    assume(content.strip() and not _a_torn_first_line(content))
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "in"
        corpus.mkdir()
        (corpus / "k.txt").write_text(kano(5))
        notes = Path(tmp) / "notes.txt"
        notes.write_bytes(content)
        requests = len(fake.requests)
        for extra in ([], ["--retry-errors"]):
            result = bulk(fake, str(corpus), "-o", str(notes), *extra)
            assert result.exit_code == 2
            (message,) = error_lines(result)
            assert "is not an extractor output file" in message and "another -o" in message
        assert notes.read_bytes() == content
        assert sorted(p.name for p in Path(tmp).iterdir()) == ["in", "notes.txt"]
        assert len(fake.requests) == requests


# ------------------------------------------------------------- rewrites


def test_mode_and_symlink_survive_retry_errors_and_repair(tmp_path: Path, fake: FakeOpenAI) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "k.txt").write_text(kano(5))
    (corpus / "empty.txt").write_bytes(b"")  # an error line for --retry-errors to drop
    real = tmp_path / "private" / "out.jsonl"
    real.parent.mkdir()
    link = tmp_path / "out.jsonl"
    link.symlink_to(real)
    assert bulk(fake, str(corpus), "-o", str(link)).exit_code == 1
    real.chmod(0o600)
    owner = (real.stat().st_uid, real.stat().st_gid)

    result = bulk(fake, str(corpus), "-o", str(link), "--retry-errors")
    assert result.exit_code == 0, result.stderr  # empty.txt stands: no failure of this run
    data = real.read_bytes()
    real.write_bytes(data[:-7])  # killed mid-line: repaired in place on the next run
    cut = json.loads(data.splitlines()[-1])["doc_id"]  # written again: exit 1 if it fails
    again = bulk(fake, str(corpus), "-o", str(link), "--retry-errors")
    assert again.exit_code == int(cut == "empty.txt"), again.stderr

    assert link.is_symlink() and link.resolve() == real
    assert stat.S_IMODE(real.stat().st_mode) == 0o600
    assert (real.stat().st_uid, real.stat().st_gid) == owner
    winners = {line["doc_id"]: line for line in latest_lines(real)}
    assert set(winners) == {"k.txt", "empty.txt"} and winners["k.txt"]["status"] == "ok"
    assert sorted(p.name for p in real.parent.iterdir()) == ["out.jsonl"]


# ------------------------------------------------- the output is never input


def test_the_output_inside_the_input_folder_is_never_read(tmp_path: Path, fake: FakeOpenAI) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "k.txt").write_text(kano(5))
    (corpus / "rows.jsonl").write_text(json.dumps({"id": "r1", "text": kano(6)}) + "\n")
    out = corpus / "results.jsonl"
    for inputs in ([str(corpus)], [str(corpus / "*")], [str(corpus / "*.jsonl"), str(corpus)]):
        result = bulk(fake, *inputs, "-o", str(out))
        assert result.exit_code == 0, result.stderr
        assert {line["doc_id"] for line in latest_lines(out)} <= {
            "k.txt", "r1", str(corpus / "k.txt"),
        }  # fmt: skip
    itself = bulk(fake, str(out), "-o", str(out))
    assert itself.exit_code == 2
    (message,) = error_lines(itself)
    assert "also given as an input" in message


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_input_is_read_once(tmp_path: Path, fake: FakeOpenAI) -> None:
    """The progress total is not counted from a FIFO: a second reader would steal its rows,
    or wait forever for a writer that is gone."""
    feed = tmp_path / "feed.jsonl"
    os.mkfifo(feed)
    rows = [json.dumps({"id": f"r{n}", "text": kano(n + 2)}) + "\n" for n in range(5)]

    def write() -> None:  # row by row, so that a second reader would get some of them
        with open(feed, "w", encoding="utf-8") as handle:
            for row in rows:
                handle.write(row)
                handle.flush()
                time.sleep(0.1)

    out = tmp_path / "out.jsonl"
    outcome: list[Result] = []
    command = ["bulk", str(feed), "-o", str(out), "--model", "openai/fake-model",
               "--base-url", fake.base_url, "--strategy", "single", "--progress", "log"]  # fmt: skip
    threads = [
        threading.Thread(target=write, daemon=True),
        threading.Thread(
            target=lambda: outcome.append(runner.invoke(app, command, env=CLEAN_ENV)), daemon=True
        ),
    ]
    for thread in threads:
        thread.start()
    threads[1].join(timeout=30)
    hung = threads[1].is_alive()
    while any(thread.is_alive() for thread in threads):  # a reader still waits: give it an end
        with contextlib.suppress(OSError):
            os.close(os.open(feed, os.O_WRONLY | os.O_NONBLOCK))
        with contextlib.suppress(OSError):
            os.close(os.open(feed, os.O_RDONLY | os.O_NONBLOCK))
        for thread in threads:
            thread.join(timeout=0.5)
    assert not hung, "the run waited for a FIFO that was already read"
    (result,) = outcome
    assert result.exit_code == 0, result.stderr
    assert sorted(line["doc_id"] for line in latest_lines(out)) == [f"r{n}" for n in range(5)]


# ------------------------------------------------------------ write errors


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full")
def test_a_full_disk_stops_the_run_with_one_line(tmp_path: Path, fake: FakeOpenAI) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    for n in range(20):
        (corpus / f"k{n}.txt").write_text(kano(n + 2))
    started = time.monotonic()
    result = bulk(fake, str(corpus), "-o", "/dev/full", "-j", "2")
    assert time.monotonic() - started < 30
    assert result.exit_code == 2
    assert "Traceback" not in result.stderr
    (message,) = [line for line in result.stderr.splitlines() if "error:" in line]
    assert "/dev/full" in message and "No space left on device" in message


def _refuse_writes_to(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make ``path`` unwritable even for root (which chmod alone cannot)."""
    path.chmod(0o444)
    if os.geteuid() != 0:
        return
    real_open = os.open

    def guarded(name: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        same = os.path.realpath(os.fspath(name)) == os.path.realpath(path)
        if same and flags & (os.O_WRONLY | os.O_RDWR):
            raise PermissionError(13, "Permission denied", str(name))
        return real_open(name, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", guarded)


@pytest.mark.parametrize(
    ("case", "message"),
    [
        ("folder", "is a folder"),
        ("missing folder", "does not exist"),
        ("file as folder", "cannot be used"),
        ("read-only", "cannot be written"),
        ("summary in a missing folder", "does not exist"),
        ("summary is a folder", "is a folder"),
        ("summary is the output", "which this run reads or writes"),
        ("summary is an input", "which this run reads"),
        ("summary inside an input folder", "inside the input folder"),
        ("summary under a file", "is not a folder"),
        ("summary name too long", "File name too long"),
        ("summary is - as the results are", "stdout carries the results"),
    ],
)
def test_an_output_that_cannot_be_written_is_one_line_and_exit_2_before_any_work(
    tmp_path: Path, fake: FakeOpenAI, monkeypatch: pytest.MonkeyPatch, case: str, message: str
) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "k.txt").write_text(kano(5))
    (tmp_path / "plain.txt").write_text("x")
    out, extra = tmp_path / "out.jsonl", []
    if case == "folder":
        out = tmp_path / "in"
    elif case == "missing folder":
        out = tmp_path / "nope" / "out.jsonl"
    elif case == "file as folder":
        out = tmp_path / "plain.txt" / "out.jsonl"
    elif case == "read-only":
        out.write_text("")
        _refuse_writes_to(out, monkeypatch)
    elif case == "summary in a missing folder":
        extra = ["--summary-json", str(tmp_path / "nope" / "summary.json")]
    elif case == "summary is the output":
        extra = ["--summary-json", str(tmp_path / "." / "out.jsonl")]
    elif case == "summary is an input":
        extra = ["--summary-json", str(corpus / "k.txt")]
    elif case == "summary inside an input folder":  # not there yet: the next run would read it
        extra = ["--summary-json", str(tmp_path / "." / "in" / "deeper" / ".." / "s.json")]
    elif case == "summary under a file":
        extra = ["--summary-json", str(tmp_path / "plain.txt" / "s.json")]
    elif case == "summary name too long":
        extra = ["--summary-json", str(tmp_path / ("s" * 300))]
    elif case == "summary is - as the results are":  # -o - with --summary-json -
        out, extra = Path("-"), ["--summary-json", "-"]
    else:
        extra = ["--summary-json", str(tmp_path)]
    requests = len(fake.requests)
    result = bulk(fake, str(corpus), "-o", str(out), *extra)
    monkeypatch.undo()
    assert result.exit_code == 2
    (line,) = error_lines(result)
    assert message in line and line.startswith("extractor: error: ")
    named = extra[-1] if extra else str(out)
    assert named in line
    assert len(fake.requests) == requests  # refused before any work
    if case not in ("folder", "read-only"):
        assert not (tmp_path / "out.jsonl").exists()
    assert (corpus / "k.txt").read_text() == kano(5)  # no input replaced


# ------------------------------------------------------------------ speed


def test_the_progress_and_the_summary_give_one_rate(tmp_path: Path, fake: FakeOpenAI) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    for n in range(6):
        (corpus / f"k{n}.txt").write_text(kano(n + 2))
    seen: list[float] = []

    class Capture:
        def start(self, run: BulkRun) -> None:
            pass

        def update(self, run: BulkRun) -> None:
            pass

        def stop(self, run: BulkRun) -> None:
            seen.append(run.rate())

    run = BulkRun(
        [str(corpus)], tmp_path / "out.jsonl", progress=Capture(), concurrency=2,
        model="openai/fake-model", base_url=fake.base_url, strategy="single",
    )  # fmt: skip
    summary = _run(run)
    assert summary.documents == 6 and 0 < summary.working <= summary.elapsed
    assert seen == [summary.docs_per_second] and summary.docs_per_second == pytest.approx(
        summary.documents / summary.working
    )
    result = runner.invoke(
        app,
        ["bulk", str(corpus), "-o", str(tmp_path / "again.jsonl"), "--model",
         "openai/fake-model", "--base-url", fake.base_url, "--strategy", "single",
         "--progress", "log"],
        env=CLEAN_ENV,
    )  # fmt: skip
    rates = re.findall(r"([\d.,]+) documents/s", result.stderr)
    assert len(rates) >= 2 and rates[-1] == rates[-2]  # the last progress line and the summary


# ------------------------------------------------------ ids across runs (issue #14)


def _all_lines(out: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in out.read_bytes().splitlines() if line.strip()]


@settings(HYPOTHESIS, max_examples=6)
@given(
    trees=st.lists(
        st.lists(
            st.sampled_from(["01.txt", "02.txt", "sub/01.txt", "rows.jsonl"]),
            min_size=1,
            max_size=3,
            unique=True,
        ),
        min_size=2,
        max_size=3,
    ),
    runs=st.lists(
        st.lists(st.integers(0, 2), min_size=1, max_size=2, unique=True), min_size=1, max_size=4
    ),
)
def test_an_id_from_another_folder_is_never_the_same_document(
    fake: FakeOpenAI, trees: list[list[str]], runs: list[list[int]]
) -> None:
    """Folders holding the same relative names, run alone or together into one output, in any
    order: no line ever describes another input's text, an id's winning line never passes to
    another input, every input of every run has an ok line of its own (a label taken by
    another file gives way to the full path: no error), and rerunning is a no-op."""
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp).resolve()
        figure_of: dict[str, int] = {}  # source -> the casualty figure of its text
        folders = []
        for number, names in enumerate(trees):
            folder = base / f"f{number}"
            folders.append(folder)
            for name in names:
                path = folder / name
                path.parent.mkdir(parents=True, exist_ok=True)
                figure = 2 + len(figure_of)
                if name == "rows.jsonl":
                    path.write_text(json.dumps({"text": kano(figure)}) + "\n")
                    (row,) = row_ids(str(path), [kano(figure)])
                    figure_of[row] = figure
                else:
                    path.write_text(kano(figure))
                    figure_of[str(path)] = figure
        out = base / "out.jsonl"
        owner: dict[str, str] = {}  # id -> the source of its first line
        command: list[str] = []
        for run in runs:
            chosen = [folders[index % len(folders)] for index in run]
            command = list(dict.fromkeys(str(folder) for folder in chosen))
            result = bulk(fake, *command, "-o", str(out))
            assert result.exit_code == 0, result.stderr
            for line in _all_lines(out):  # superseded or not, a line describes its own text
                owner.setdefault(line["doc_id"], line["source"])
                assert line["status"] == "ok", line
                assert killed(line) == [figure_of[line["source"]]], line
            winners = list(latest_lines(out))
            for line in winners:
                assert line["source"] == owner[line["doc_id"]], f"{line['doc_id']} passed on"
            by_source = Counter(line["source"] for line in winners)
            for source in figure_of:
                if any(source.startswith(f"{folder}/") for folder in command):
                    assert by_source[source] == 1, source  # one winning line per input
        requests, raw = len(fake.requests), out.read_bytes()
        again = bulk(fake, *command, "-o", str(out))
        assert again.exit_code == 0, again.stderr
        assert len(fake.requests) == requests and out.read_bytes() == raw  # ids are stable


def test_the_same_name_in_another_folder_is_another_document(
    tmp_path: Path, fake: FakeOpenAI
) -> None:
    """The tester's case: ``bulk a/`` then ``bulk b/`` into one output, b holding 01.txt too,
    unchanged or changed: a's line stays, b's file is extracted under its full path; then
    all three folders together cost nothing more."""
    out = tmp_path / "out.jsonl"
    for folder, figure in (("a", 5), ("b", 5), ("c", 7)):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "01.txt").write_text(kano(figure))
    assert bulk(fake, str(tmp_path / "a"), "-o", str(out)).exit_code == 0
    for folder in ("b", "c"):
        result = bulk(fake, str(tmp_path / folder), "-o", str(out))
        assert result.exit_code == 0, result.stderr
        assert "1 new" in result.stderr
    winners = {line["doc_id"]: line for line in latest_lines(out)}
    assert winners["01.txt"]["source"] == str(tmp_path / "a" / "01.txt")
    assert killed(winners["01.txt"]) == [5]
    for folder, figure in (("b", 5), ("c", 7)):
        source = str(tmp_path / folder / "01.txt")
        assert winners[source]["source"] == source and killed(winners[source]) == [figure]
    requests = len(fake.requests)
    result = bulk(fake, *(str(tmp_path / f) for f in "abc"), "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert len(fake.requests) == requests and "3 unchanged" in result.stderr


@settings(HYPOTHESIS, max_examples=6)
@given(
    names=st.lists(
        st.sampled_from(["a.txt", "b.txt", "c.md", "d/e.txt", "rows.jsonl"]),
        min_size=1,
        max_size=5,
        unique=True,
    ),
    fate=st.lists(st.sampled_from(["keep", "delete", "rename"]), min_size=5, max_size=5),
)
def test_lines_of_inputs_that_went_away_are_kept_and_counted(
    fake: FakeOpenAI, names: list[str], fate: list[str]
) -> None:
    """Deleted or renamed inputs keep their lines (the file is only appended to), and the
    summary says how many lines this run did not see an input for."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp).resolve() / "in"
        for number, name in enumerate(names):
            path = folder / name
            path.parent.mkdir(parents=True, exist_ok=True)
            rows = [json.dumps({"text": kano(number + 2)}), json.dumps({"text": kano(90)})]
            path.write_text("\n".join(rows) + "\n" if name.endswith(".jsonl") else kano(number + 2))
        out, summary = Path(tmp) / "out.jsonl", Path(tmp) / "summary.json"
        assert bulk(fake, str(folder), "-o", str(out)).exit_code == 0
        before = out.read_bytes()
        for name, what in zip(names, fate, strict=False):
            if what == "delete":
                (folder / name).unlink()
            elif what == "rename":
                (folder / name).rename(folder / f"renamed-{Path(name).name}")
        if not any(folder.rglob("*.*")):
            (folder / "new.txt").write_text(kano(77))  # a run needs an input
        result = bulk(fake, str(folder), "-o", str(out), "--summary-json", str(summary))
        assert result.exit_code == 0, result.stderr
        assert out.read_bytes().startswith(before)  # nothing lost, only appended
        current = {item.doc_id for item in iter_inputs([str(folder)]) if item.doc_id != "out.jsonl"}
        old = {json.loads(line)["doc_id"] for line in before.splitlines()}
        counts = json.loads(summary.read_text())
        assert counts["unseen"] == len(old - current)
        if old - current:
            assert f"{len(old - current)} lines from inputs not seen in this run" in result.stderr
        else:
            assert "not seen in this run" not in result.stderr
        assert {line["doc_id"] for line in latest_lines(out)} == old | current


# ---------------------------------------------------------- streams on the command line


def test_a_nameless_pipe_is_read_and_a_fifo_without_writer_is_one_error_line(
    tmp_path: Path, fake: FakeOpenAI, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``bulk <(cat rows.jsonl)`` reads the rows (it used to skip the /dev/fd path and exit 0);
    a FIFO nobody writes to is an error line naming it after the wait, never a hang; a FIFO in
    a folder is an error line, not a silent skip."""
    import extractor.io.readers as readers

    monkeypatch.setattr(readers, "STREAM_WAIT_SECONDS", 0.3)
    rows = "".join(json.dumps({"id": f"r{n}", "text": kano(n + 2)}) + "\n" for n in range(4))
    read_end, write_end = os.pipe()
    threading.Thread(target=lambda: os.write(write_end, rows.encode()) and os.close(write_end),
                     daemon=True).start()  # fmt: skip
    out = tmp_path / "out.jsonl"
    try:
        result = bulk(fake, f"/dev/fd/{read_end}", "-o", str(out))
    finally:
        os.close(read_end)
    assert result.exit_code == 0, result.stderr
    assert sorted(line["doc_id"] for line in latest_lines(out)) == [f"r{n}" for n in range(4)]

    lonely, folder = tmp_path / "lonely.jsonl", tmp_path / "in"
    os.mkfifo(lonely)
    folder.mkdir()
    os.mkfifo(folder / "inner.txt")
    (folder / "k.txt").write_text(kano(9))
    started = time.monotonic()
    result = bulk(fake, str(lonely), str(folder), "-o", str(out))
    assert time.monotonic() - started < 30
    assert result.exit_code == 1, result.stderr
    winners = {line["doc_id"]: line for line in latest_lines(out)}
    assert "nothing writes to this FIFO" in winners[str(lonely)]["error"]["message"]
    inner = winners[str(folder / "inner.txt")]
    assert inner["status"] == "error" and "command line" in inner["error"]["message"]
    assert winners[str(folder / "k.txt")]["status"] == "ok"


# ------------------------------------------------------- one lock per file, any name


_ERROR_LINE = {key: None for key in OUTPUT_KEYS} | {"doc_id": "a", "status": "error"}
SPELLINGS = ("real", "hardlink", "symlink", "symlink-to-hardlink", "dotted", "relative")


@settings(max_examples=30, deadline=None, database=None)
@given(first=st.sampled_from(SPELLINGS), second=st.sampled_from(SPELLINGS))
def test_every_name_of_one_output_shares_its_lock(first: str, second: str) -> None:
    """Two runs on one output file are refused however each names it (hard links included),
    before the second touches it (its --retry-errors would rewrite it); a different file is
    never refused; the lock goes with the run."""
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp).resolve()
        real = base / "data" / "out.jsonl"
        real.parent.mkdir()
        real.write_text(json.dumps(_ERROR_LINE) + "\n")
        (base / "other").mkdir()
        hard = base / "other" / "hard.jsonl"
        os.link(real, hard)
        (base / "sym.jsonl").symlink_to(real)
        (base / "symhard.jsonl").symlink_to(hard)
        here = os.getcwd()
        os.chdir(base / "other")
        try:
            names = {
                "real": str(real), "hardlink": str(hard), "symlink": str(base / "sym.jsonl"),
                "symlink-to-hardlink": str(base / "symhard.jsonl"),
                "dotted": f"{base}/other/../data/./out.jsonl", "relative": "../data/out.jsonl",
            }  # fmt: skip
            with open_output(names[first]):
                content, inode = real.read_bytes(), real.stat().st_ino
                with pytest.raises(ConfigurationError, match="being written by another"):
                    open_output(names[second], retry_errors=True)
                assert (real.read_bytes(), real.stat().st_ino) == (content, inode)
                open_output(base / "unrelated.jsonl").close()
            open_output(names[second]).close()
        finally:
            os.chdir(here)


def test_the_lock_follows_the_file_a_rewrite_makes(tmp_path: Path) -> None:
    """--retry-errors replaces the file (a new inode): a hard link made to the new file then
    is still the same output."""
    out = tmp_path / "out.jsonl"
    out.write_text(json.dumps(_ERROR_LINE) + "\n")
    inode = out.stat().st_ino
    with open_output(out, retry_errors=True) as held:
        assert held.dropped == 1 and out.stat().st_ino != inode
        os.link(out, tmp_path / "late.jsonl")
        with pytest.raises(ConfigurationError, match="another name of the same file"):
            open_output(tmp_path / "late.jsonl")
    open_output(tmp_path / "late.jsonl").close()


# ------------------------------------------------------- how the process is started and ended


def _cli(args: list[str], **options: Any) -> subprocess.Popen[bytes]:
    env = {**os.environ, "EXTRACTOR_MODEL": "openai/fake-model"}
    env.pop("EXTRACTOR_BASE_URL", None)
    options = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, **options}
    return subprocess.Popen(
        [sys.executable, "-m", "extractor", *args], env=env, cwd=str(ROOT), **options
    )


@pytest.mark.parametrize("closed", [0, 1, 2])
def test_a_closed_standard_stream_does_not_abort_a_run(tmp_path: Path, closed: int) -> None:
    """cron and ``cmd <&-`` start a process with stdin, stdout or stderr closed: the run still
    writes every line and exits 0 (uvloop used to abort on it, exit 134)."""
    corpus = tmp_path / "in"
    corpus.mkdir()
    for n in range(3):
        (corpus / f"k{n}.txt").write_text(kano(n + 2))
    out = tmp_path / "out.jsonl"
    with FakeOpenAI(casualty_responder) as server:
        process = _cli(
            ["bulk", str(corpus), "-o", str(out), "--base-url", server.base_url,
             "--strategy", "single"],
            preexec_fn=lambda: os.close(closed),
            **({"stdout": None} if closed == 1 else {"stderr": None} if closed == 2 else {}),
        )  # fmt: skip
        process.communicate(timeout=120)
    assert process.returncode == 0
    assert sorted(line["doc_id"] for line in latest_lines(out)) == ["k0.txt", "k1.txt", "k2.txt"]


def _sigint_ignored() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)


@pytest.mark.parametrize("background", [False, True], ids=["foreground", "background-job"])
def test_sigterm_ends_a_run_as_ctrl_c_does(tmp_path: Path, background: bool) -> None:
    """``docker stop``, systemd and ``timeout`` send SIGTERM: the run stops as on Ctrl-C, with
    its lines kept, the summary said and the lock removed; a rerun completes the file. Also
    as a script's background job (``extractor bulk ... &``), which starts with SIGINT
    ignored (before, the run then went on to the end)."""
    corpus = tmp_path / "in"
    corpus.mkdir()
    # enough documents (0.5 s each, one at a time) that a busy machine which delays the
    # signal by seconds after the first line still finds the run mid-way, not finished
    documents = 40
    for n in range(documents):
        (corpus / f"k{n:02d}.txt").write_text(kano(n + 2))
    out = tmp_path / "out.jsonl"
    with FakeOpenAI(casualty_responder, latency=0.5) as slow:
        args = ["bulk", str(corpus), "-o", str(out), "--base-url", slow.base_url,
                "--strategy", "single", "-j", "1"]  # fmt: skip
        process = _cli(args, preexec_fn=_sigint_ignored if background else None)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not (out.exists() and out.read_bytes().count(b"\n")):
            time.sleep(0.05)
        process.send_signal(signal.SIGTERM)
        _, stderr = process.communicate(timeout=60)
        assert process.returncode == 130, stderr
        assert b"interrupted" in stderr
        assert not Path(f"{out}.lock").exists()
        written = len(list(latest_lines(out)))
        assert 1 <= written < documents
        again = _cli(args)
        again.communicate(timeout=180)
    assert again.returncode == 0
    assert len(list(latest_lines(out))) == documents


@pytest.mark.parametrize(
    ("kind", "said"),
    [("symlink", "is a symbolic link"), ("dangling", "is a symbolic link"),
     ("hardlink", "has other names"), ("fifo", "is not a regular file")],
)  # fmt: skip
def test_a_lock_file_that_is_not_a_plain_file_is_refused(
    tmp_path: Path, fake: FakeOpenAI, kind: str, said: str
) -> None:
    """``out.jsonl.lock`` as a symlink, a hard link to another file or a FIFO: the run refuses
    (exit 2) at once instead of writing its pid and a result line into the file it shares,
    creating a file elsewhere, or blocking for ever on the FIFO."""
    (tmp_path / "k.txt").write_text(kano(4))
    precious = tmp_path / "precious.txt"
    precious.write_text("keep me\n")
    out = tmp_path / "out.jsonl"
    lock = f"{out}.lock"
    if kind == "symlink":
        os.symlink(precious, lock)
    elif kind == "dangling":
        os.symlink(tmp_path / "missing.txt", lock)
    elif kind == "hardlink":
        os.link(precious, lock)
    else:
        os.mkfifo(lock)
    started = time.monotonic()
    result = bulk(fake, str(tmp_path / "k.txt"), "-o", str(out))
    assert time.monotonic() - started < 30
    assert result.exit_code == 2
    (line,) = error_lines(result)
    assert said in line
    assert precious.read_text() == "keep me\n"
    assert not (tmp_path / "missing.txt").exists()


@settings(HYPOTHESIS, max_examples=8)
@given(count=st.integers(1, 4), cut=st.sampled_from(["newline", "half", "nothing"]))
def test_a_last_line_that_lost_only_its_newline_is_kept(
    fake: FakeOpenAI, count: int, cut: str
) -> None:
    """``truncate -s -1 out.jsonl`` (an editor, a copy cut short): the last result is whole
    and stays (not paid for again, no older line wins); half a line is still cut off and
    redone (a file holding only half a line is not proven ours: refused, tested above)."""
    assume(cut != "half" or count > 1)
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "in"
        corpus.mkdir()
        for n in range(count):
            (corpus / f"k{n}.txt").write_text(kano(n + 30))
        out = Path(tmp) / "out.jsonl"
        assert bulk(fake, str(corpus), "-o", str(out)).exit_code == 0
        data = out.read_bytes()
        if cut == "newline":
            out.write_bytes(data[:-1])
        elif cut == "half":
            last = data.rstrip(b"\n").rfind(b"\n") + 1
            out.write_bytes(data[: last + (len(data) - last) // 2])
        before = len(fake.requests)
        again = bulk(fake, str(corpus), "-o", str(out))
        assert again.exit_code == 0, again.stderr
        assert len(fake.requests) - before == (1 if cut == "half" else 0)
        ids = [line["doc_id"] for line in latest_lines(out)]
        assert sorted(ids) == [f"k{n}.txt" for n in range(count)]
        assert out.read_bytes().endswith(b"\n")


def test_stdin_redirected_from_the_output_and_a_closed_stdout_lose_nothing(
    tmp_path: Path,
) -> None:
    """``extract - -o a.txt < a.txt`` replaced the article; ``bulk -o -`` with stdout closed
    paid for every result and sent it to /dev/null, exit 0. Both are refused (exit 2)."""
    article = tmp_path / "a.txt"
    article.write_text(kano(6))
    with open(article, "rb") as stdin:
        process = _cli(["extract", "-", "-o", str(article)], stdin=stdin)
        _, stderr = process.communicate(timeout=120)
    assert process.returncode == 2 and b"that is the input file" in stderr
    assert article.read_text() == kano(6)
    with FakeOpenAI(casualty_responder) as server:
        process = _cli(
            ["bulk", str(article), "-o", "-", "--base-url", server.base_url],
            preexec_fn=lambda: os.close(1), stdout=None,
        )  # fmt: skip
        _, stderr = process.communicate(timeout=120)
        assert process.returncode == 2 and b"stdout is closed" in stderr
        assert not server.requests


@pytest.mark.parametrize("command", ["extract", "eval"])
def test_sigterm_mid_request_says_interrupted_and_nothing_else(
    tmp_path: Path, command: str
) -> None:
    """A call abandoned by Ctrl-C or SIGTERM is cancelled and given time to finish, so that
    asyncio never reports a pending task at exit ("Task was destroyed but it is pending!",
    with source paths): one line, exit 130."""
    article = tmp_path / "a.txt"
    article.write_text(kano(9), encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "g", "published": "2024-03-05", "text": kano(9),
                                "records": []}) + "\n", encoding="utf-8")  # fmt: skip
    with FakeOpenAI(casualty_responder, latency=30) as slow:
        target = [str(article), "-f", "json"] if command == "extract" else [str(gold)]
        process = _cli([command, *target, "--base-url", slow.base_url, "--strategy", "single"])
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not slow.stats()["requests"]:  # a call in flight
            time.sleep(0.05)
        process.send_signal(signal.SIGTERM)
        _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stderr
    lines = [line for line in stderr.decode().splitlines() if line.strip()]
    assert lines[-1] == "extractor: interrupted", lines
    assert not any("Task was destroyed" in line or "Traceback" in line for line in lines)


@settings(HYPOTHESIS, max_examples=6)
@given(
    kept=st.lists(st.integers(0, 4), min_size=1, max_size=5, unique=True),  # 4: none
    body=st.sampled_from([b'{"version": 1, "batches": []}\n', b"{", b"\x00\x01", b"text\n"]),
)
def test_a_runs_own_files_beside_it_are_never_inputs_counted_or_planned(
    tmp_path_factory: pytest.TempPathFactory, fake: FakeOpenAI, kept: list[int], body: bytes
) -> None:
    """Every file a run keeps beside its output (the output, its lock, a rewrite, a batch
    run's state and that state's temporary), left in the input folder by any engine (a
    killed `--batch` run), is no input: no line, not in the progress total, not in a dry
    run's plan. Before, a plain rerun counted the batch state as a document."""
    from extractor.bulk.estimate import estimate_run
    from extractor.bulk.provider_batch import BatchState, batch_state_path
    from extractor.io.output import check_output
    from extractor.pipeline.engine import Extractor

    folder = tmp_path_factory.mktemp("own")
    for n in range(3):
        (folder / f"k{n}.txt").write_text(kano(n + 2))
    out = folder / "out.jsonl"
    target = check_output(out)
    state = batch_state_path(target)  # where each engine keeps its files, by its own code
    own = [target.lock_path, target.rewrite_path, state, BatchState(state).temporary_path]
    for index in kept:
        if index < len(own):
            own[index].write_bytes(body)
    options = {"model": "openai/fake-model", "base_url": fake.base_url, "strategy": "single"}
    planned = estimate_run([str(folder)], out, extractor=Extractor(**options))
    assert planned.lines == 3, planned
    run = BulkRun([str(folder)], out, progress=None, **options)
    summary = _run(run)
    for thread in threading.enumerate():
        if thread.name.startswith("bulk-count"):
            thread.join(10)
    assert summary.documents == 3 and run.total == 3
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert sorted(Path(line["source"]).name for line in lines) == ["k0.txt", "k1.txt", "k2.txt"]
