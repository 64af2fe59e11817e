"""Worker processes for ``extractor bulk --workers N`` (``extractor.bulk.processes``).

What must hold, checked over corpora the tests generate:

* every input identity ends as exactly one line, the line of its own text (the
  fake model answers each Kano report with its own figure, so a line on the
  wrong document shows), and the lines are a plain run's lines but for their
  timings; a rerun writes nothing;
* a worker killed mid-run stops the run with one line saying how many
  documents have no result; a driver stopped with SIGTERM (exit 130) or killed
  with SIGKILL leaves no worker process behind; after all three, a rerun of
  the same command leaves every id exactly once;
* a rejected key (HTTP 401) stops the run like a plain one: exit 2, one line,
  no key anywhere, while the key did reach the workers through the environment;
* ``--workers`` with ``--batch`` and ``--address`` without Ray are usage errors.

Each run with workers starts two processes (imports and first-call warm-up,
a few seconds of CPU each): corpora are kept small and runs few.
"""

from __future__ import annotations

import json
import os
import random
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # plain `pytest` (not `python -m pytest`) leaves the root out
    sys.path.insert(0, str(ROOT))

from extractor.bulk.processes import ProcessBulkRun, shares  # noqa: E402
from extractor.bulk.runner import run_bulk  # noqa: E402
from extractor.cli import app  # noqa: E402
from extractor.errors import ConfigurationError  # noqa: E402
from tests.corpus_support import build_corpus, check_lines, clean_env, read_lines, timeless  # noqa: E402
from tests.fakes.kano import casualty_responder, kano  # noqa: E402
from tests.fakes.openai_server import LOOPBACK_ONLY, FakeOpenAI, Fault  # noqa: E402

pytestmark = pytest.mark.block_network(allowed_hosts=LOOPBACK_ONLY)
MODEL = {"model": "openai/fake-model", "strategy": "single"}
runner = CliRunner()


def responder(body: dict[str, Any]) -> str:
    """:func:`casualty_responder`'s answer (one record with the document's own figure), without
    its place: resolving "Kano" to a country costs some 50 ms of CPU per record (and seconds
    once per process), which two worker processes and this one would pay on two shared cores."""
    answer = json.loads(casualty_responder(body))
    for record in answer["casualty_reports"]:
        record["place"] = None
    return json.dumps(answer)


def command(root: Path, out: Path, base_url: str, *more: str) -> list[str]:
    return ["bulk", str(root), "-o", str(out), "--model", "openai/fake-model",
            "--base-url", base_url, "--strategy", "single", "--progress", "none", *more]  # fmt: skip


# ------------------------------------------------------------------ processes


def children(pid: int) -> set[int]:
    """The processes whose parent is ``pid`` (Linux /proc)."""
    found = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.add(int(entry.name))
    return found


def running(pid: int) -> bool:
    """Alive and not a zombie (a reparented zombie waits on a PID 1 that may not reap)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def wait_for_lines(out: Path, driver: subprocess.Popen[bytes], count: int) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and driver.poll() is None:
        if out.exists() and out.read_bytes().count(b"\n") >= count:
            return
        time.sleep(0.02)


def wait_gone(pids: set[int], seconds: float = 15.0) -> set[int]:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and any(running(pid) for pid in pids):
        time.sleep(0.05)
    return {pid for pid in pids if running(pid)}


needs_proc = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc")


# ------------------------------------------------------------------ tests


@given(st.integers(1, 512), st.integers(1, 16))
def test_the_jobs_are_shared_out_evenly(jobs: int, workers: int) -> None:
    split = shares(jobs, workers)
    assert len(split) == workers and min(split) >= 1
    assert max(split) - min(split) <= 1
    assert sum(split) == max(jobs, workers)  # -j in all, one each at least


def test_each_document_once_the_lines_a_plain_run_writes_and_a_rerun_writes_nothing(
    tmp_path: Path,
) -> None:
    seed = random.randrange(10**9)
    root, out, plain = tmp_path / "in", tmp_path / "out.jsonl", tmp_path / "plain.jsonl"
    expected = build_corpus(root, random.Random(seed), 300, big=2)
    summary_json = tmp_path / "summary.json"
    with FakeOpenAI(responder) as fake:
        args = command(root, out, fake.base_url, "--workers", "2", "-j", "8")
        first = runner.invoke(app, [*args, "--summary-json", str(summary_json)],
                              env={"EXTRACTOR_MODEL": None})  # fmt: skip
        assert first.exit_code == 1, (seed, first.stderr)  # the empty file, the copies: errors
        assert "Traceback" not in first.stderr
        run_bulk([str(root)], plain, base_url=fake.base_url, **MODEL)
        before = out.read_bytes()
        again = runner.invoke(app, args, env={"EXTRACTOR_MODEL": None})
    lines = read_lines(out)
    check_lines(lines, root, expected)
    assert {i: timeless(line) for i, line in lines.items()} == {
        i: timeless(line) for i, line in read_lines(plain).items()
    }, seed
    summary = json.loads(summary_json.read_text())
    assert summary["documents"] == summary["new"] == len(expected) == 300, seed
    assert summary["ok"] + summary["errors"] + summary["not_read"] == 300
    assert summary["not_read"] == 1 and summary["records"]["casualty_report"] == summary["ok"]
    assert sum(summary["errors_by_reason"].values()) == summary["errors"]
    assert again.exit_code == 0, again.stderr
    assert "documents  0 written" in again.stderr and "300 unchanged" in again.stderr
    assert out.read_bytes() == before


def start_driver(
    args: list[str], out: Path, lines: int
) -> tuple[subprocess.Popen[bytes], set[int]]:
    """``extractor`` with ``args`` in a process of its own, once ``out`` has ``lines`` more
    lines; and the processes it started (the two workers, multiprocessing's tracker)."""
    before = out.read_bytes().count(b"\n") if out.exists() else 0
    driver = subprocess.Popen(
        [sys.executable, "-m", "extractor", *args], cwd=ROOT, env=clean_env(),
        stderr=subprocess.PIPE,
    )  # fmt: skip
    wait_for_lines(out, driver, before + lines)
    spawned = children(driver.pid)
    workers = {pid for pid in spawned if "spawn_main" in cmdline(pid)}
    if len(workers) != 2:
        driver.kill()
        _, stderr = driver.communicate(timeout=30)
        raise AssertionError(f"workers {workers}, exit {driver.returncode}: {stderr.decode()}")
    return driver, spawned


def kill_a_worker(out: Path, lines: int, killed: list[set[int]]) -> None:
    """Once ``out`` has ``lines`` lines, SIGKILL one of this process's worker processes;
    ``killed`` gets the workers it saw."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if out.exists() and out.read_bytes().count(b"\n") >= lines:
            break
        time.sleep(0.02)
    workers = {pid for pid in children(os.getpid()) if "spawn_main" in cmdline(pid)}
    workers = {pid for pid in workers if running(pid)}
    if len(workers) == 2:
        os.kill(min(workers), signal.SIGKILL)
        killed.append(workers)


def ended(driver: subprocess.Popen[bytes], spawned: set[int]) -> tuple[int, str]:
    """The driver's exit code and stderr, once it and every process it started are gone."""
    code = driver.wait(timeout=60)
    assert driver.stderr is not None
    stderr = driver.stderr.read().decode()
    driver.stderr.close()
    left = wait_gone(spawned)
    assert not left, f"left running: {[cmdline(pid) for pid in left]}"
    return code, stderr


@needs_proc
def test_killed_workers_and_drivers_leave_no_process_and_a_rerun_completes(
    tmp_path: Path,
) -> None:
    """One output through four runs of the same command: a worker killed (the run stops
    with one line), the driver stopped with SIGTERM (as Ctrl-C: exit 130), the driver
    killed with SIGKILL (its workers exit on their own), then a run to the end. No process
    outlives its run, and every id ends exactly once, with the record of its own text."""
    seed = random.randrange(10**9)
    root, out = tmp_path / "in", tmp_path / "out.jsonl"
    expected = build_corpus(root, random.Random(seed), 120)
    with FakeOpenAI(responder, latency=0.15) as server:  # -j 4: 27 documents a second at most
        args = command(root, out, server.base_url, "--workers", "2", "-j", "4")

        # 1: a worker killed (this process is the driver; a thread kills one of its workers)
        killed: list[set[int]] = []
        killer = threading.Thread(target=kill_a_worker, args=(out, 2, killed), daemon=True)
        killer.start()
        stopped = runner.invoke(app, args, env={"EXTRACTOR_MODEL": None})
        killer.join(timeout=10)
        assert killed, (seed, stopped.stderr)
        assert not wait_gone(killed[0]), "a worker outlived the run"
        errors = [
            line for line in stopped.stderr.splitlines() if line.startswith("extractor: error")
        ]
        assert stopped.exit_code == 2 and len(errors) == 1, (seed, stopped.stderr)  # stopped
        assert "Traceback" not in stopped.stderr
        assert "ended unexpectedly (killed by SIGKILL)" in errors[0], errors
        assert "rerun the same command" in errors[0], errors
        # killed between batches, the worker held no document: then the line names none
        lost = re.search(r"leaving ([\d,]+) document\(s\) without a result", errors[0])
        left = int(lost.group(1).replace(",", "")) if lost else 0
        written = read_lines(out)
        assert len(written) + left <= len(expected), errors

        driver, spawned = start_driver(args, out, 2)  # 2: SIGTERM, as Ctrl-C
        driver.send_signal(signal.SIGTERM)
        code, stderr = ended(driver, spawned)
        assert code == 130 and "interrupted" in stderr and "Traceback" not in stderr, stderr

        driver, spawned = start_driver(args, out, 2)  # 3: SIGKILL: nobody cleans up
        driver.send_signal(signal.SIGKILL)
        ended(driver, spawned)
        written = read_lines(out)
        assert len(written) < len(expected), seed

        finished = runner.invoke(app, args, env={"EXTRACTOR_MODEL": None})  # 4: to the end
    lines = read_lines(out)
    check_lines(lines, root, expected)
    assert finished.exit_code in (0, 1) and "Traceback" not in finished.stderr, finished.stderr
    # the inputs line counts what this run extracted new; a unit it wrote as not read
    # (skipped) is counted apart
    passed = sum(line["status"] == "skipped" and i not in written for i, line in lines.items())
    new = len(expected) - len(written) - passed
    assert f"inputs     {new:,} new" in finished.stderr, finished.stderr
    assert (f"{passed:,} new or changed but not read" in finished.stderr) is bool(passed)


def test_a_rejected_key_stops_the_run_with_exit_2_and_no_key_shown(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    """A 401 stops a plain run (exit 2, one line); with workers too. The key reaches the
    workers through their environment only, and no output shows it."""
    root, out = tmp_path / "in", tmp_path / "out.jsonl"
    build_corpus(root, random.Random(), 30)
    key = "sk-" + "".join(random.choices("abcdefghijklmnopqrstuvwxyz0123456789", k=40))
    with FakeOpenAI(responder, fault_rate=1.0, fault_kinds=[Fault.UNAUTHORIZED]) as bad:
        args = command(root, out, bad.base_url, "--workers", "2", "-j", "4")
        result = runner.invoke(
            app,
            args,
            env={"EXTRACTOR_MODEL": None, "EXTRACTOR_API_KEY": None, "OPENAI_API_KEY": key},
        )
        sent = {record.headers.get("authorization") for record in bad.log}
    assert result.exit_code == 2, result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("extractor: error")]
    assert len(errors) == 1 and "rejected the API key" in errors[0], result.stderr
    assert "Traceback" not in result.stderr
    assert sent == {f"Bearer {key}"}  # the workers had it, from their environment
    workers_said = capfd.readouterr()  # what the worker processes wrote to the real stderr
    for text in (result.stderr, result.stdout, workers_said.err, workers_said.out):
        assert key not in text and key[3:20] not in text
    if out.exists() and out.read_bytes():
        assert key[3:20] not in out.read_text()
        assert all(line["status"] != "ok" for line in read_lines(out).values())
    mine = [pid for pid in children(os.getpid()) if "spawn_main" in cmdline(pid)]
    assert not [pid for pid in mine if running(pid)], "the workers outlived the run"


_FAKE = ["--model", "openai/fake-model", "--base-url", "http://127.0.0.1:9/v1"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--workers", "2", "--batch"], "--workers cannot be combined with --batch"),
        (["--workers", "1", "--batch"], "--workers cannot be combined with --batch"),
        (["--address", "auto"], "--address needs --engine ray"),
        (["--address", "auto", "--workers", "2"], "--address needs --engine ray"),
        (["--workers", "100000", *_FAKE], "give --workers at most -j"),
        (["--workers", "9", "-j", "8", *_FAKE], "give --workers at most -j"),
    ],
)
def test_worker_usage_errors_are_one_line(tmp_path: Path, args: list[str], message: str) -> None:
    (tmp_path / "a.txt").write_text(kano(3))
    command = ["bulk", str(tmp_path / "a.txt"), "-o", str(tmp_path / "out.jsonl"), *args]
    result = runner.invoke(app, command, env={"EXTRACTOR_MODEL": None})
    assert result.exit_code == 2
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and message in lines[0], result.stderr
    assert not (tmp_path / "out.jsonl").exists()


@settings(max_examples=40, deadline=None)
@given(workers=st.integers(1, 3000), jobs=st.integers(1, 1024))
def test_more_workers_than_documents_in_flight_is_refused_before_any_process(
    tmp_path_factory: pytest.TempPathFactory, workers: int, jobs: int
) -> None:
    """``--workers 100000`` (a typo for ``-j``) started processes until memory ran out, and
    each worker holding one document at least ran past ``-j``: more workers than ``-j`` is
    refused, before a process starts; any other count is accepted."""
    folder = tmp_path_factory.mktemp("w")
    (folder / "a.txt").write_text(kano(3))
    options = {"model": "openai/fake-model", "base_url": "http://127.0.0.1:9/v1"}
    before = set(children(os.getpid()))
    if workers > jobs:
        with pytest.raises(ConfigurationError, match="give --workers at most -j"):
            ProcessBulkRun([folder / "a.txt"], folder / "o.jsonl", workers=workers,
                           concurrency=jobs, **options)  # fmt: skip
    else:
        run = ProcessBulkRun([folder / "a.txt"], folder / "o.jsonl", workers=workers,
                             concurrency=jobs, **options)  # fmt: skip
        assert sum(run.shares) == max(jobs, workers) and len(run.shares) == workers
        run.extractor.close()
    assert set(children(os.getpid())) == before


def test_the_embedded_model_is_refused_and_so_is_an_extractor(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(kano(3))
    with pytest.raises(ConfigurationError, match="embedded model server"):
        ProcessBulkRun([tmp_path / "a.txt"], tmp_path / "out.jsonl", model="local")
    with pytest.raises(ConfigurationError, match="instead of extractor="):
        ProcessBulkRun([tmp_path / "a.txt"], tmp_path / "out.jsonl", extractor=object())


@needs_proc
def test_a_stopped_worker_is_said_once_and_the_run_ends_when_it_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """A worker stopped (SIGSTOP) while it holds documents: alive, so nothing fails, but
    the driver says so once, naming its pid and how to resume it; continued, the run ends
    with every id once."""
    from extractor.bulk import processes

    monkeypatch.setattr(processes, "WATCH_SECONDS", 0.2)
    root, out = tmp_path / "in", tmp_path / "out.jsonl"
    expected = build_corpus(root, random.Random(7), 40)
    stopped: list[int] = []

    def stop_then_continue() -> None:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not (
            out.exists() and out.read_bytes().count(b"\n") >= 2
        ):
            time.sleep(0.02)
        workers = sorted(p for p in children(os.getpid()) if "spawn_main" in cmdline(p))
        if workers:
            os.kill(workers[0], signal.SIGSTOP)
            stopped.append(workers[0])
            time.sleep(1.5)
            os.kill(workers[0], signal.SIGCONT)

    with FakeOpenAI(responder, latency=0.15) as server:
        args = command(root, out, server.base_url, "--workers", "2", "-j", "4")
        thread = threading.Thread(target=stop_then_continue, daemon=True)
        thread.start()
        result = runner.invoke(app, args, env={"EXTRACTOR_MODEL": None})
        thread.join(timeout=10)
    assert stopped, result.stderr
    said = [r.getMessage() for r in caplog.records if "is stopped" in r.getMessage()]
    assert len(said) == 1 and f"pid {stopped[0]}" in said[0] and "kill -CONT" in said[0], said
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert sorted(line["doc_id"] for line in lines) == sorted(expected), result.stderr


@pytest.mark.parametrize(
    ("ending", "said"),
    [
        (lambda: os.kill(os.getpid(), signal.SIGKILL), "killed by SIGKILL"),
        (lambda: os._exit(3), "exit code 3"),
        (lambda: None, "ConnectionResetError: reset"),
    ],
)
def test_a_dead_workers_line_names_how_it_ended_whatever_its_pipe_said_first(
    ending: Any, said: str
) -> None:
    """A killed worker's pipe may read as reset before it reads as closed (CI drew it):
    the exit status is the cause and the line names it; only a worker that ended cleanly
    is described by its pipe's error."""
    import multiprocessing
    from types import SimpleNamespace

    from extractor.bulk.processes import _Worker

    process = multiprocessing.get_context("fork").Process(target=ending)
    process.start()
    process.join(10)
    reader, writer = multiprocessing.Pipe(duplex=False)
    worker = _Worker(0, process, reader, 1, broken="ConnectionResetError: reset")
    run = SimpleNamespace(_pool=[worker, worker])
    line = str(ProcessBulkRun._death(run, worker, {"a.txt"}))  # type: ignore[arg-type]
    reader.close(), writer.close()
    assert f"worker process 1 of 2 (pid {process.pid}) ended unexpectedly ({said})" in line
    assert "leaving 1 document(s) without a result (e.g. a.txt)" in line


def test_a_worker_answering_for_a_document_it_was_not_sent_stops_the_run_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The driver waits for each id it sent: a worker that answers under another name (a
    bug in the worker's reading of a row once did this) must stop the run with one line
    naming both, not leave the driver waiting for ever with every process idle."""
    import extractor.bulk.processes as processes
    from extractor.errors import WorkerLost
    from extractor.runtime import aio
    from tests.fakes.workers import renaming

    monkeypatch.setattr(processes, "work", renaming)
    names = [f"{random.choice('abc')}{n}.txt" for n in range(random.randint(2, 6))]
    for number, name in enumerate(names):
        (tmp_path / name).write_text(kano(number + 3))
    out = tmp_path / "out.jsonl"
    outcome: list[BaseException | None] = []

    def drive() -> None:
        try:
            run = ProcessBulkRun([tmp_path], out, workers=2, base_url=fake.base_url,
                                 concurrency=2, **MODEL)  # fmt: skip
            aio.run(run.run())
            outcome.append(None)
        except BaseException as error:
            outcome.append(error)

    with FakeOpenAI(responder) as fake:
        thread = threading.Thread(target=drive, daemon=True)
        thread.start()
        thread.join(120)
    assert not thread.is_alive(), "the driver still waits for a result that cannot come"
    assert isinstance(outcome[0], WorkerLost), outcome
    line = str(outcome[0])
    assert "\n" not in line and "#renamed" in line and "not holding" in line
    assert "#renamed" not in (out.read_text() if out.exists() else "")  # nothing under it
