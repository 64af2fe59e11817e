"""Bulk reruns, round 55: exit codes a loop can wait on, counts that say what happened.

Over corpora built here (seeded Kano reports, empty files, a table with a bad row) and
the in-thread fake OpenAI server, whose answers a test switches between a good answer,
garbage (a model failure) and HTTP 500 (a server failure):

* ``--retry-errors`` over inputs whose error is permanent (an empty file) exited 1 on
  every rerun, so ``until extractor bulk ... --retry-errors; do sleep 60; done`` never
  ended, and the exit code followed a count (``failed_again``) that ``--summary-json``
  did not hold. The exit code now follows what the summary JSON says of the lines this
  run wrote; an input error left as it is stands (exit 0), with ``--retry-errors`` or not;
* an input edited since its error line is ``changed`` (was "redone: error lines retried"
  under ``--retry-errors``, "redone: failed on the server's side" after a server error);
* the progress count of inputs settled never passes the number of inputs read (lines
  ``--forget-unseen`` or a table that lost a bad row writes are no inputs);
* a hard link to the output inside an input folder says what to do (the reader's advice,
  "name it on the command line", is refused for the run's own output);
* the dry run and the run refuse the output given as an input through one public function;
* an input removed before the progress total is counted leaves no thread traceback.
"""

from __future__ import annotations

import json
import random
import shutil
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from extractor.bulk import estimate, runner
from extractor.bulk.estimate import estimate_run
from extractor.bulk.runner import BulkRun, BulkSummary
from extractor.cli import app, bulk_cmd
from extractor.io.output import latest_lines
from extractor.pipeline import engine
from extractor.pipeline.engine import Extractor
from extractor.runtime import aio
from extractor.runtime.retrying import RetryPolicy
from tests.fakes.kano import casualty_responder, kano
from tests.fakes.openai_server import LOOPBACK_ONLY, FakeOpenAI, Reply, RequestRecord

pytestmark = pytest.mark.block_network(allowed_hosts=LOOPBACK_ONLY)

HYPOTHESIS = settings(
    deadline=None,
    database=None,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
#: Unset for every run, whatever the developer's shell exports.
CLEAN_ENV: dict[str, str | None] = {
    name: None for name in ("EXTRACTOR_MODEL", "EXTRACTOR_BASE_URL", "EXTRACTOR_API_KEY",
                            "EXTRACTOR_MODE")
}  # fmt: skip


class Mode:
    """What the server answers: ``None`` a good answer, ``"model"`` garbage (a model
    failure), ``"server"`` HTTP 500 (a server failure)."""

    def __init__(self) -> None:
        self.failing: str | None = None

    def respond(self, body: dict[str, Any]) -> str:
        return "not json at all" if self.failing == "model" else casualty_responder(body)

    def reply(self, record: RequestRecord) -> Reply | None:
        if self.failing != "server":
            return None
        body = {"error": {"message": "boom", "type": "server_error"}}
        return Reply(status=500, body=json.dumps(body))


@pytest.fixture(scope="module", autouse=True)
def fast_retries() -> Iterator[None]:
    """A server failure retried within milliseconds, so a failing document is quick; the
    engine's policy is restored after the module."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(
            engine, "RetryPolicy", lambda: RetryPolicy(attempts=2, initial=0.01, maximum=0.02)
        )
        yield


@pytest.fixture(scope="module")
def mode() -> Mode:
    return Mode()


@pytest.fixture(scope="module")
def fake(mode: Mode) -> Iterator[FakeOpenAI]:
    with FakeOpenAI(mode.respond, replier=mode.reply) as server:
        yield server


def options_of(fake: FakeOpenAI) -> dict[str, Any]:
    return {"model": "openai/fake-model", "base_url": fake.base_url, "max_retries": 0,
            "strategy": "single"}  # fmt: skip


def run(
    fake: FakeOpenAI, inputs: list[Path], out: Path, progress: Any = None, **asked: Any
) -> BulkSummary:
    bulk = BulkRun([str(p) for p in inputs], out, progress=progress, **options_of(fake), **asked)
    return aio.run(bulk.run())


def dry_run(fake: FakeOpenAI, inputs: list[Path], out: Path, **asked: Any) -> dict[str, Any]:
    extractor = Extractor(**options_of(fake))
    try:
        return estimate_run([str(p) for p in inputs], out, extractor=extractor, **asked).to_dict()
    finally:
        extractor.close()


def cli(fake: FakeOpenAI, *args: str) -> Any:
    model = ["--model", "openai/fake-model", "--base-url", fake.base_url, "--max-retries", "0"]
    command = ["bulk", *args, *model, "--strategy", "single", "--progress", "none"]
    return CliRunner().invoke(app, command, env=CLEAN_ENV)


def corpus(rnd: random.Random, folder: Path) -> tuple[int, int]:
    """Kano reports and empty files in ``folder``: (documents, input errors)."""
    folder.mkdir()
    figures = iter(rnd.sample(range(2, 99_999), 12))
    documents, failures = rnd.randint(1, 4), rnd.randint(0, 3)
    for n in range(documents):
        (folder / f"doc{n}.txt").write_text(kano(next(figures)))
    for n in range(failures):
        (folder / f"empty{n}.txt").write_text(rnd.choice(["", "  \n", "\n\n"]))
    return documents, failures


def exit_of(said: dict[str, Any]) -> int:
    """The exit code the summary JSON implies: 1 when a line this run wrote failed or is
    incomplete, or an input it had read turned unreadable."""
    return int(bool(said["errors"] or said["incomplete"] or said["unreadable"]))


# ------------------------------------------------------------------- exit codes


@settings(HYPOTHESIS, max_examples=4)
@given(seed=st.integers(0, 2**16), failing=st.sampled_from([None, "model", "server"]))
def test_the_exit_code_is_what_the_summary_json_says_and_a_loop_ends(
    fake: FakeOpenAI, mode: Mode, seed: int, failing: str | None
) -> None:
    """A first run (the server drawn healthy, answering garbage or failing), then reruns
    with and without ``--retry-errors`` against a healthy server: every exit code is the
    one the run's ``--summary-json`` implies, and once the server is healthy the loop a
    user writes around the command (rerun until exit 0) ends at the first healthy rerun,
    empty files or not (before: ``--retry-errors`` exited 1 for ever on an empty file)."""
    rnd = random.Random(seed)
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp).resolve()
        documents, failures = corpus(rnd, base / "in")
        out, summary = base / "out.jsonl", base / "summary.json"
        mode.failing = failing
        try:
            first = cli(fake, str(base / "in"), "-o", str(out), "--summary-json", str(summary))
        finally:
            mode.failing = None
        said = json.loads(summary.read_text())
        assert first.exit_code == exit_of(said) == int(bool(failures or failing)), first.stderr
        for retry in [*rnd.sample([[], ["--retry-errors"]], 2), ["--retry-errors"]]:
            again = cli(fake, str(base / "in"), "-o", str(out), "--summary-json", str(summary),
                        *retry)  # fmt: skip
            said = json.loads(summary.read_text())
            assert again.exit_code == exit_of(said) == 0, (retry, again.stderr)
            assert said["standing_input_failures"] == failures
            assert said["errors"] == said["incomplete"] == 0
        winners = list(latest_lines(out))
        assert sum(line["status"] == "ok" for line in winners) == documents
        assert sum(line["status"] == "error" for line in winners) == failures


# ------------------------------------------------------- an edited input is changed


@settings(HYPOTHESIS, max_examples=6)
@given(
    seed=st.integers(0, 2**16),
    failing=st.sampled_from(["model", "server"]),
    retry=st.booleans(),
)
def test_an_input_edited_since_its_error_line_is_changed(
    fake: FakeOpenAI, mode: Mode, seed: int, failing: str, retry: bool
) -> None:
    """Every document fails (garbage or HTTP 500); some are edited; a healthy rerun (drawn:
    with ``--retry-errors``). The edited ones are ``changed``, the others redone for their
    error (before: an edited one was counted "redone" too, as if its text were the same);
    the dry run says the same. A model failure without ``--retry-errors`` stands."""
    rnd = random.Random(seed)
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp).resolve()
        folder, out = base / "in", base / "out.jsonl"
        documents, failures = corpus(rnd, folder)
        mode.failing = failing
        try:
            first = run(fake, [folder], out)
        finally:
            mode.failing = None
        assert first.errors == documents + failures
        edited = rnd.sample(range(documents), rnd.randint(1, documents))
        for n in edited:
            (folder / f"doc{n}.txt").write_text(kano(100_000 + n))
        said = dry_run(fake, [folder], out, retry_errors=retry)
        summary = run(fake, [folder], out, retry_errors=retry)
        assert summary.changed == len(edited) == said["changed"], summary.to_dict()
        redone = documents - len(edited) if (retry or failing == "server") else 0
        assert sum(summary.redone.values()) == redone == said["redone"]
        assert summary.redone == said["redone_by_reason"]
        left = documents - len(edited) - redone + failures  # empty files stand
        assert summary.unchanged == left == said["unchanged"]
        assert summary.ok == len(edited) + redone


# --------------------------------------------------------------------- progress


class Recorder:
    """A progress display that keeps what it was shown: (settled, total) at every call."""

    def __init__(self) -> None:
        self.seen: list[tuple[int, int | None]] = []

    def start(self, run: BulkRun) -> None:
        self.seen.append((run.summary.settled, run.total))

    def update(self, run: BulkRun) -> None:
        self.seen.append((run.summary.settled, run.total))

    def stop(self, run: BulkRun) -> None:
        self.seen.append((run.summary.settled, run.total))


@settings(HYPOTHESIS, max_examples=6)
@given(seed=st.integers(0, 2**16), forget=st.booleans())
def test_progress_never_counts_past_the_inputs_read(
    fake: FakeOpenAI, seed: int, forget: bool
) -> None:
    """Files deleted, a bad row dropped from its table; then a rerun (drawn: with
    ``--forget-unseen``). The lines written for inputs no longer there (forgotten, gone)
    are no input of this run: the count a progress display shows ends at the number of
    inputs read, and never passes it (before: it ended past its total)."""
    rnd = random.Random(seed)
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp).resolve()
        folder, out = base / "in", base / "out.jsonl"
        documents, failures = corpus(rnd, folder)
        (folder / "extra.txt").write_text(kano(123_456))
        rows = [json.dumps({"text": kano(200_000 + n)}) for n in range(rnd.randint(1, 3))]
        table = folder / "rows.jsonl"
        table.write_text("\n".join([*rows, "{not json"]) + "\n")
        run(fake, [folder], out)
        gone = rnd.sample(sorted(folder.glob("*.txt")), rnd.randint(1, documents + failures))
        for path in gone:
            path.unlink()
        table.write_text("\n".join(rows) + "\n")
        inputs = len(list(folder.iterdir())) - 1 + len(rows)  # the table is its rows
        recorder = Recorder()
        summary = run(fake, [folder], out, progress=recorder, forget_unseen=forget)
        assert summary.gone == 1 and summary.forgotten == (len(gone) if forget else 0)
        assert summary.settled == inputs, (summary.to_dict(), recorder.seen)
        assert all(done <= inputs for done, _ in recorder.seen), recorder.seen
        assert all(total in (None, inputs) for _, total in recorder.seen), recorder.seen


# --------------------------------------------------------- the output as an input


NAMES = st.sampled_from(["out.jsonl", "results.txt", "run.md", "x.jsonl.gz"])


@settings(HYPOTHESIS, max_examples=4)
@given(seed=st.integers(0, 2**16), name=NAMES, link=st.sampled_from(["copy.jsonl", "a.txt"]))
def test_a_hard_link_to_the_output_in_an_input_folder_says_what_works(
    fake: FakeOpenAI, seed: int, name: str, link: str
) -> None:
    """A hard link to the output left in the input folder is passed over (a skipped line);
    its line's advice is what then works: naming the link is refused (the run's own
    output), and a copy named instead is read (before: "name it on the command line",
    which the run refuses)."""
    if name.endswith(".gz"):
        name = name[: -len(".gz")]  # a gzipped output is written whole: not hard-linked here
    rnd = random.Random(seed)
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp).resolve()
        folder, out = base / "in", base / name
        corpus(rnd, folder)
        run(fake, [folder], out)
        (folder / link).hardlink_to(out)
        run(fake, [folder], out)
        (line,) = [x for x in latest_lines(out) if x["source"] == str(folder / link)]
        assert line["status"] == "skipped"
        advice = line["error"]["message"]
        assert "name it on the command line" not in advice and "copy" in advice, advice
        named = cli(fake, str(folder / link), "-o", str(out))
        assert named.exit_code == 2 and "copy" in named.stderr, named.stderr
        shutil.copyfile(folder / link, base / "copy.jsonl")
        copied = cli(fake, str(base / "copy.jsonl"), "-o", str(out))
        assert copied.exit_code in (0, 1), copied.stderr  # read: error lines of no text are 1


def test_the_run_and_the_dry_run_refuse_their_output_through_one_public_function() -> None:
    """One rule, one place: the dry run uses the runner's public function, not a private one."""
    assert estimate.refuse_output_as_input is runner.refuse_output_as_input
    assert "refuse_output_as_input" in runner.__all__
    assert not hasattr(runner, "_refuse_output_as_input")


# ------------------------------------------------- the count behind the progress bar


@pytest.fixture
def thread_failures() -> Iterator[list[BaseException | None]]:
    """What reaches ``threading.excepthook`` (a traceback on the user's terminal) while the
    test runs; the hook is restored after it."""
    caught: list[BaseException | None] = []
    before = threading.excepthook
    threading.excepthook = lambda args: caught.append(args.exc_value)
    try:
        yield caught
    finally:
        threading.excepthook = before


@settings(HYPOTHESIS, max_examples=5)
@given(seed=st.integers(0, 2**16), limit=st.sampled_from([None, 1, 3]))
def test_an_input_removed_before_it_is_counted_leaves_no_traceback(
    fake: FakeOpenAI, thread_failures: list[BaseException | None], seed: int, limit: int | None
) -> None:
    """The bar's total is counted in a thread that opens the inputs again; one of them
    removed meanwhile (drawn: a folder, a file, a table) made that thread die with a
    traceback on stderr ("Exception in thread bulk-count"), though the count is only an
    estimate. Now the count is given up quietly, as for any other failure while counting."""
    rnd = random.Random(seed)
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp).resolve()
        corpus(rnd, base / "in")
        (base / "note.txt").write_text(kano(4242))
        (base / "rows.jsonl").write_text(json.dumps({"text": kano(4343)}) + "\n")
        inputs = [base / "in", base / "note.txt", base / "rows.jsonl"]
        bulk = BulkRun([str(p) for p in inputs], base / "out.jsonl", **options_of(fake))
        try:
            gone = rnd.choice(inputs)
            if gone.is_dir():
                shutil.rmtree(gone)
            else:
                gone.unlink()
            if limit is None:
                bulk._start_counting()
            else:
                bulk_cmd._count_first(bulk, limit)
            for thread in threading.enumerate():
                if thread.name.startswith("bulk-count"):
                    thread.join(60)
        finally:
            bulk_cmd._discard(bulk)
        assert thread_failures == [] and bulk.total is None
