"""``bulk --dry-run`` refuses what the run refuses, and smaller option mistakes (h10 #3, #9).

* The dry run reads "exactly as the run would" (README): over generated
  combinations of ``bulk``'s options, every one the run refuses as a usage
  error (exit 2) the dry run refuses with the same one line, and every one
  the dry run accepts the run runs (exit 0 or 1), and vice versa. The run
  here resumes a finished output, so it has nothing to extract: it starts no
  worker process and sends no call, and a sweep stays quick.
* ``--types ""`` and ``--types ","`` name no type: a usage error naming the
  option and the known types, not a silent "every type".
* ``extract`` reads a FIFO or a pipe (``extract <(zcat a.txt.gz)``) as it
  reads ``-``; a FIFO nothing writes to is one line, at once, not a hang.
* ``EXTRACTOR_EVENT_LOOP`` holding neither ``uvloop`` nor ``asyncio`` is a
  warning line naming the variable and its values, in every command that
  calls the model, which then runs on the default loop (the results are the
  same); the library warns once.
"""

from __future__ import annotations

import importlib.util
import json
import logging
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner, Result

from extractor.cli import app
from extractor.cli.common import parse_types
from extractor.settings import EVENT_LOOPS, Settings
from extractor.types.registry import type_names
from tests.fakes.kano import kano
from tests.fakes.openai_server import LOOPBACK_ONLY, FakeOpenAI

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.block_network(allowed_hosts=LOOPBACK_ONLY)
runner = CliRunner()
FUSSY = [HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
HAS_RAY = importlib.util.find_spec("ray") is not None
ENVIRONMENT = ("EXTRACTOR_MODEL", "EXTRACTOR_BASE_URL", "EXTRACTOR_API_KEY", "EXTRACTOR_MODE",
               "EXTRACTOR_EVENT_LOOP")  # fmt: skip


@pytest.fixture(autouse=True)
def _in_a_folder_of_its_own(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("EXTRACTOR_EVENT_LOOP", raising=False)  # the rest: conftest
    monkeypatch.chdir(tmp_path)


def model_args(server: FakeOpenAI) -> list[str]:
    return ["--model", "openai/fake-model", "--base-url", server.base_url, "--strategy", "single"]


@pytest.fixture(scope="module")
def finished(fake: FakeOpenAI, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """An input folder and an output holding all of it: a run resuming it has nothing to do."""
    root = tmp_path_factory.mktemp("finished")
    corpus = root / "corpus"
    corpus.mkdir()
    (corpus / "k1.txt").write_text(kano(31) + "\n", encoding="utf-8")
    (corpus / "k2.txt").write_text(kano(47) + "\n", encoding="utf-8")
    out = root / "out.jsonl"
    made = runner.invoke(
        app, ["bulk", str(corpus), "-o", str(out), *model_args(fake), "--progress", "none"]
    )
    assert made.exit_code == 0, made.output
    return corpus, out


def error_lines(result: Result) -> list[str]:
    return [line for line in result.stderr.splitlines() if "error:" in line.lower()]


def both(args: list[str], env: dict[str, str] | None = None) -> tuple[Result, Result]:
    """``bulk ARGS --dry-run``, then ``bulk ARGS``."""
    dry = runner.invoke(app, ["bulk", *args, "--dry-run"], env=env)
    real = runner.invoke(app, ["bulk", *args], env=env)
    return dry, real


def assert_same_verdict(dry: Result, real: Result, args: list[str]) -> None:
    """Refused alike (exit 2, one identical error line), or accepted by both."""
    where = f"bulk {args!r}\n--- dry run ({dry.exit_code}):\n{dry.output}\n--- run " \
            f"({real.exit_code}):\n{real.output}"  # fmt: skip
    for result in (dry, real):
        assert result.exception is None or isinstance(result.exception, SystemExit), where
        assert "Traceback" not in result.output, where
    said = [[line for line in r.stderr.splitlines() if "warning:" in line] for r in (dry, real)]
    assert said[0] == said[1], where
    if dry.exit_code == 2 or real.exit_code == 2:
        assert dry.exit_code == real.exit_code == 2, where
        assert len(error_lines(dry)) == 1, where
        assert error_lines(dry) == error_lines(real), where
    else:
        assert dry.exit_code == 0, where
        assert real.exit_code in (0, 1), where
        assert not error_lines(dry), where


def run_copy(finished: tuple[Path, Path], folder: Path) -> tuple[Path, Path]:
    """The finished corpus, and a copy of its output in ``folder``."""
    corpus, out = finished
    folder.mkdir(parents=True, exist_ok=True)
    copy = folder / "out.jsonl"
    shutil.copyfile(out, copy)
    return corpus, copy


# ------------------------------------------------------------ the hostile report's cases

REFUSED = [
    (["--engine", "bogus"], "--engine 'bogus': use one of local, ray"),
    (["--reask", "bogus"], "--reask 'bogus'"),
    (["--reask", "live"], "apply to --batch runs"),
    (["--poll-interval", "60"], "apply to --batch runs"),
    (["--poll-interval", "-1", "--batch"], "--poll-interval -1: give a number of seconds"),
    (["--poll-interval", "nan", "--batch"], "--poll-interval nan"),
    (["--workers", "2", "--model", "local"], "worker processes would each start"),
    (["--workers", "2", "--batch"], "--workers cannot be combined with --batch"),
    (["--address", "ray://head:10001"], "--address needs --engine ray"),
    (["--batch", "--model", "local"], "the embedded local model has none"),
    (["--types", ","], "--types ',' names no type"),
    (["--types", ""], "--types '' names no type"),
    (["--types", "visit,parade"], "unknown type(s) parade"),
    (["--strategy", "bogus"], "--strategy 'bogus'"),
    (["--progress", "bogus"], "--progress 'bogus'"),
    (["--price", "cheap"], "--price"),
    (["--forget-unseen", "--limit", "1"], "--forget-unseen needs every input read"),
    (["-o", "-", "--summary-json", "-"], "stdout carries the results"),
    (["-j", "0"], "'--jobs'"),
]
if not HAS_RAY:  # the run needs Ray Data: so does the dry run
    REFUSED.append((["--engine", "ray"], "the Ray engine needs Ray Data"))


@pytest.mark.parametrize(("extra", "said"), REFUSED, ids=[" ".join(e) for e, _ in REFUSED])
def test_the_dry_run_refuses_what_the_run_refuses(
    extra: list[str], said: str, fake: FakeOpenAI, finished: tuple[Path, Path], tmp_path: Path
) -> None:
    corpus, out = run_copy(finished, tmp_path / "run")
    before = out.read_bytes()
    requests = len(fake.log)
    args = [str(corpus), "-o", str(out), *model_args(fake), "--progress", "none", *extra]
    dry, real = both(args)
    assert_same_verdict(dry, real, args)
    assert dry.exit_code == 2
    assert said in error_lines(dry)[0], error_lines(dry)
    assert out.read_bytes() == before
    assert len(fake.log) == requests


def test_a_batch_run_to_stdout_is_refused_dry_and_real(
    fake: FakeOpenAI, finished: tuple[Path, Path]
) -> None:
    """``-o -`` is the process's real stdout: in a child process, not the test runner's."""
    corpus, _ = finished
    args = [sys.executable, "-m", "extractor", "bulk", str(corpus), "-o", "-", "--batch",
            *model_args(fake)]  # fmt: skip
    env = {k: v for k, v in os.environ.items() if k not in ENVIRONMENT}
    dry, real = (
        subprocess.run(args + more, capture_output=True, text=True, env=env, timeout=120)
        for more in (["--dry-run"], [])
    )
    for run in (dry, real):
        assert run.returncode == 2, run.stderr
        assert run.stdout == ""
    assert dry.stderr == real.stderr
    assert dry.stderr.count("\n") == 1 and "--batch needs a file for -o" in dry.stderr


def test_every_bulk_refusal_is_checked_before_the_dry_run_branches() -> None:
    """The dry run and the run share one check (``_checked``) and one construction
    (``_construct``): a check added to either way of running alone would be a copy."""
    import inspect

    from extractor.cli import bulk_cmd

    body = inspect.getsource(bulk_cmd.bulk)
    assert body.count("_checked(") == 1
    assert "fail_usage" not in body
    assert "_construct(" in body
    assert "_construct(" in inspect.getsource(bulk_cmd._dry_run)
    assert "batch_run_options" in inspect.getsource(bulk_cmd._checked)
    assert "engine_run_options" in inspect.getsource(bulk_cmd._checked)


# ------------------------------------------------------------------ generated sweep


#: bulk's options: values each fine on its own, values each refused on its own. A combination
#: of fine values may still be refused (--reask live without --batch, --workers 2 with it).
OPTIONS: dict[str, tuple[list[str], list[str]]] = {
    "--engine": (["local"], ["bogus", ""] + ([] if HAS_RAY else ["ray"])),
    "--workers": (["1", "2"], ["0", "-3", "many"]),
    "--address": ([], ["ray://head:10001"]),
    "--reask": (["batch", "live"], ["bogus", ""]),
    "--poll-interval": (["30", "5", "inf"], ["0", "-1", "nan", "soon"]),
    "--types": (["casualty_report", "visit, casualty_report"], [",", "", " , ", "bogus"]),
    "--strategy": (["single"], ["bogus"]),
    "--progress": (["none", "log", "bar"], ["bogus"]),
    "--price": (["0/0", "0.15/0.60"], ["cheap", "-1/2", "1/"]),
    "--limit": (["1", "5"], ["0"]),
    "-j": (["2", "64"], ["0", "1000"]),
    "--summary-json": (["summary.json"], ["-", "."]),
}
#: EXTRACTOR_EVENT_LOOP: known values, and one that is warned about.
LOOPS = [None, "asyncio", "UVLOOP", "bogus"]


@st.composite
def bulk_options(draw: st.DrawFn) -> tuple[list[str], dict[str, str]]:
    """A combination of bulk's options, at most two of them wrong on their own, and an
    environment."""
    count = draw(st.sampled_from([0, 0, 1, 2]))  # a third of the draws: no value wrong alone
    names = st.sampled_from(list(OPTIONS))
    wrong = set(draw(st.lists(names, min_size=count, max_size=count, unique=True)))
    chosen: dict[str, str] = {}
    for option, (good, bad) in OPTIONS.items():
        value = draw(st.sampled_from(bad if option in wrong else [None, *good]))
        if value is not None:
            chosen[option] = value
    if chosen.get("--workers") == "2" and chosen.get("--types") in OPTIONS["--types"][0]:
        del chosen["--types"]  # other types redo every line: worker processes would start
    batch = draw(st.booleans())
    flags = [
        flag for flag in ("--forget-unseen", "--retry-errors", "--fsync") if draw(st.booleans())
    ]
    if draw(st.booleans()):  # half the draws: fine values that also go together
        for option in ("--workers", "--engine") if batch else ("--reask", "--poll-interval"):
            chosen.pop(option, None)
        if "--forget-unseen" in flags:
            chosen.pop("--limit", None)
    args = [part for option, value in chosen.items() for part in (option, value)]
    args += ["--batch", *flags] if batch else flags
    # the embedded model only where the run refuses it (so that no run ever starts it)
    if (batch or chosen.get("--workers") == "2") and draw(st.integers(0, 3)) == 0:
        args.extend(["--model", "local"])
    loop = draw(st.sampled_from(LOOPS))
    return args, {} if loop is None else {"EXTRACTOR_EVENT_LOOP": loop}


@settings(max_examples=60, deadline=None, suppress_health_check=FUSSY)
@given(drawn=bulk_options())
def test_generated_options_get_the_same_verdict_dry_and_real(
    drawn: tuple[list[str], dict[str, str]],
    fake: FakeOpenAI,
    finished: tuple[Path, Path],
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    extra, env = drawn
    folder = tmp_path_factory.mktemp("sweep")
    corpus, out = run_copy(finished, folder)
    extra = [str(folder / value) if value in ("summary.json", ".") else value for value in extra]
    # model_args first: a drawn --model or --strategy comes later and wins
    args = [str(corpus), "-o", str(out), *model_args(fake), "--progress", "none", *extra]
    before = out.read_bytes()
    dry = runner.invoke(app, ["bulk", *args, "--dry-run"], env=env)
    assert out.read_bytes() == before, "a dry run wrote the output"
    real = runner.invoke(app, ["bulk", *args], env=env)
    assert_same_verdict(dry, real, args)
    event("refused" if dry.exit_code == 2 else "accepted")


# ------------------------------------------------------------------ --types


@pytest.mark.parametrize("value", ["", ",", " , ", ",,,"])
@pytest.mark.parametrize("command", ["extract", "bulk", "eval"])
def test_types_naming_no_type_is_a_usage_error(
    value: str, command: str, fake: FakeOpenAI, tmp_path: Path
) -> None:
    article = tmp_path / "a.txt"
    article.write_text(kano(12) + "\n", encoding="utf-8")
    where = {"extract": [str(article)], "bulk": [str(article), "-o", str(tmp_path / "o.jsonl")],
             "eval": [str(ROOT / "seeds" / "dev.gold.jsonl")]}[command]  # fmt: skip
    requests = len(fake.log)
    result = runner.invoke(app, [command, *where, *model_args(fake), "--types", value])
    assert result.exit_code == 2, result.output
    [line] = error_lines(result)
    assert line.startswith(f"extractor: error: --types {value!r} names no type")
    for name in type_names():
        assert name in line
    assert len(fake.log) == requests
    assert not (tmp_path / "o.jsonl").exists()


def test_parse_types_keeps_names_and_the_default() -> None:
    assert parse_types(None) is None
    assert parse_types(" visit , meeting,") == ["visit", "meeting"]


# ------------------------------------------------------------------ extract <(...)


def test_extract_reads_a_pipe_as_it_reads_stdin(fake: FakeOpenAI, tmp_path: Path) -> None:
    data = (kano(23) + "\n").encode()
    common = [*model_args(fake), "--doc-id", "d", "--format", "json"]
    by_stdin = runner.invoke(app, ["extract", "-", *common], input=data)
    assert by_stdin.exit_code == 0, by_stdin.output
    read_end, write_end = os.pipe()

    def feed() -> None:
        with os.fdopen(write_end, "wb") as handle:
            handle.write(data)

    writer = threading.Thread(target=feed)
    writer.start()
    try:
        by_pipe = runner.invoke(app, ["extract", f"/dev/fd/{read_end}", *common])
    finally:
        writer.join(10)
        os.close(read_end)
    assert by_pipe.exit_code == 0, by_pipe.output
    assert _records(by_pipe.stdout) == _records(by_stdin.stdout)


def _records(output: str) -> dict[str, object]:
    """The JSON result but its metadata (timings)."""
    result = json.loads(output)
    assert isinstance(result, dict)
    result.pop("metadata")
    assert result["casualty_reports"], "the fake server's report was not extracted"
    return result


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_extract_reads_a_named_fifo_its_writer_fills(fake: FakeOpenAI, tmp_path: Path) -> None:
    fifo = tmp_path / "feed.html"
    os.mkfifo(fifo)
    page = f"<html><body><p>{kano(8)}</p></body></html>".encode()

    def feed() -> None:
        with open(fifo, "wb") as handle:  # blocks until extract opens it
            handle.write(page)

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    result = runner.invoke(app, ["extract", str(fifo), *model_args(fake), "-f", "jsonl"])
    writer.join(10)
    assert result.exit_code == 0, result.output
    assert f'"doc_id": "{fifo}#' in result.stdout  # keyed by its text, as bulk keys a stream's
    assert "<p>" not in result.stdout  # read as HTML: its name says so


def _filled(fifo: Path, data: bytes) -> threading.Thread:
    """A thread that writes ``data`` into ``fifo`` once a reader opens it."""

    def feed() -> None:
        with open(fifo, "wb") as handle:
            handle.write(data)

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    return writer


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
@pytest.mark.parametrize("spelling", ["relative", "dotted", "absolute", "symlink"])
def test_a_fifo_is_one_document_however_its_path_is_spelt(
    fake: FakeOpenAI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, spelling: str
) -> None:
    """``extract f1``, ``extract w/f1`` and ``bulk w/f1`` keyed one text three ways (the
    path as typed), so bulk paid again for what extract wrote. A FIFO is named by its
    real path, as a file is, by extract and bulk alike."""
    (tmp_path / "w").mkdir()
    fifo = tmp_path / "w" / "feed.txt"
    os.mkfifo(fifo)
    (tmp_path / "link.txt").symlink_to(fifo)
    monkeypatch.chdir(tmp_path)
    typed = {"relative": "w/feed.txt", "dotted": "./w/../w/feed.txt", "absolute": str(fifo),
             "symlink": "link.txt"}[spelling]  # fmt: skip
    text = kano(9).encode()
    writer = _filled(fifo, text)
    result = runner.invoke(app, ["extract", typed, *model_args(fake), "-f", "jsonl"])
    writer.join(10)
    assert result.exit_code == 0, result.output
    line = json.loads(result.stdout)
    assert line["doc_id"].startswith(f"{fifo.resolve()}#"), line["doc_id"]
    out = tmp_path / "out.jsonl"
    out.write_text(result.stdout, encoding="utf-8")
    calls = len(fake.requests)
    writer = _filled(fifo, text)
    again = runner.invoke(app, ["bulk", "w/feed.txt", "-o", str(out), *model_args(fake),
                                "--progress", "none"])  # fmt: skip
    writer.join(10)
    assert again.exit_code == 0, again.output
    assert len(fake.requests) == calls and "1 unchanged" in again.stderr, again.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_nothing_writes_to_is_one_line_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "lonely.txt"
    os.mkfifo(fifo)
    result = runner.invoke(app, ["extract", str(fifo), "--model", "openai/x", "--base-url",
                                 "http://127.0.0.1:9/v1"])  # fmt: skip
    assert result.exit_code == 2, result.output
    [line] = error_lines(result)
    assert str(fifo) in line and "nothing writes to this FIFO" in line


def test_extract_still_refuses_a_device(tmp_path: Path) -> None:
    result = runner.invoke(app, ["extract", "/dev/zero"])
    assert result.exit_code == 2
    [line] = error_lines(result)
    assert "/dev/zero: not a regular file" in line


# ------------------------------------------------------------------ EXTRACTOR_EVENT_LOOP


@pytest.mark.parametrize("command", ["extract", "bulk", "bulk --dry-run", "eval", "batch"])
def test_an_unknown_event_loop_is_said_once_and_the_default_used(
    command: str, fake: FakeOpenAI, tmp_path: Path
) -> None:
    article = tmp_path / "a.txt"
    article.write_text(kano(5) + "\n", encoding="utf-8")
    out = tmp_path / "o.jsonl"
    args = {
        "extract": ["extract", str(article), *model_args(fake)],
        "bulk": ["bulk", str(article), "-o", str(out), *model_args(fake)],
        "bulk --dry-run": ["bulk", str(article), "-o", str(out), *model_args(fake), "--dry-run"],
        "eval": ["eval", str(ROOT / "seeds" / "dev.gold.jsonl"), *model_args(fake),
                 "--limit", "1"],
        "batch": ["batch", "status", str(out), "--model", "openai/x", "--base-url",
                  fake.base_url],
    }[command]  # fmt: skip
    for _ in range(2):  # every run says it, not only a process's first
        result = runner.invoke(app, args, env={"EXTRACTOR_EVENT_LOOP": "tokio"})
        assert "Traceback" not in result.output
        said = [line for line in result.stderr.splitlines() if "EXTRACTOR_EVENT_LOOP" in line]
        assert len(said) == 1, result.stderr
        assert said[0].startswith("extractor: warning: EXTRACTOR_EVENT_LOOP='tokio'")
        for name in EVENT_LOOPS:
            assert name in said[0]
        if command == "batch":  # no batch run on that output: what it says without the variable
            assert result.exit_code == runner.invoke(app, args).exit_code
        else:
            assert result.exit_code == 0, result.output


@pytest.mark.parametrize("value", ["asyncio", "AsyncIO", "uvloop", " uvloop "])
def test_the_known_event_loops_run(value: str, fake: FakeOpenAI, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(kano(6) + "\n", encoding="utf-8")
    result = runner.invoke(
        app, ["extract", str(article), *model_args(fake)], env={"EXTRACTOR_EVENT_LOOP": value}
    )
    assert result.exit_code == 0, result.output


def test_the_library_warns_once_about_an_unknown_event_loop(
    caplog: pytest.LogCaptureFixture,
) -> None:
    read = Settings.from_env({"EXTRACTOR_EVENT_LOOP": "curio-for-this-test"})
    assert read.event_loop_problem is not None
    with caplog.at_level(logging.WARNING, logger="extractor"):
        assert read.uses_uvloop and read.uses_uvloop  # the default kept
    warnings = [r for r in caplog.records if "EXTRACTOR_EVENT_LOOP" in r.getMessage()]
    assert len(warnings) == 1
    assert "uvloop, asyncio" in warnings[0].getMessage()
    assert Settings.from_env({"EXTRACTOR_EVENT_LOOP": "asyncio"}).event_loop_problem is None
    assert not Settings.from_env({"EXTRACTOR_EVENT_LOOP": "asyncio"}).uses_uvloop
    assert Settings.from_env({}).event_loop_problem is None
