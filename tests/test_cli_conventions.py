"""The command line's conventions, checked on every registered command (issue #16).

* ``-h``/``--help`` and ``--version`` answer on the app and on every command,
  found by walking the command tree (a command added later is checked too);
  shell completion is offered.
* A usage error is one stderr line, ``extractor: error: <what>; try
  'extractor X -h'``, exit 2, naming what was wrong: generated unknown
  options, options without their value and numbers that are not numbers, on
  every command; generated paths that do not exist, are folders or FIFOs, on
  every input argument.
* ``-`` reads stdin and ``-o -`` writes stdout; reading a file through stdin
  gives what reading it by name gives.
* ``extract`` writes every ``--format``; each agrees with the JSON result (the
  same records, by id).
* An unreachable server is one line at once; no message suggests a
  ``--api-key`` flag (keys come from the environment); instructor's retry
  logs never reach stderr.
* Tables survive any text: lone surrogates, control characters, markup.
"""

from __future__ import annotations

import csv
import io
import json
import logging
import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
import typer.main
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner, Result

from extractor.cli import app
from extractor.cli._app import version_text
from extractor.cli.common import printable, safe_text
from extractor.cli.tables import render_tables
from extractor.pipeline.result import ArticleExtraction
from extractor.settings import KEY_VARIABLES
from tests.fakes.kano import kano
from tests.fakes.openai_server import LOOPBACK_ONLY, FakeOpenAI

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.block_network(allowed_hosts=LOOPBACK_ONLY)
runner = CliRunner()
#: One line, the shape every usage error has.
USAGE_LINE = re.compile(r"^extractor: error: .+; try 'extractor( [a-z-]+)* -h'$")
SEED_GOLD = ROOT / "seeds" / "dev.gold.jsonl"
SAVED_RUN = ROOT / "bench" / "results" / "gold-1.5b-per-type.jsonl"


@pytest.fixture(autouse=True)
def _in_a_folder_of_its_own(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)


def model_args(server: FakeOpenAI) -> list[str]:
    return ["--model", "openai/fake-model", "--base-url", server.base_url, "--strategy", "single"]


def commands() -> list[tuple[list[str], Any]]:
    """Every leaf command of the app, as (its words, its click command), from the tree."""
    found: list[tuple[list[str], Any]] = []

    def walk(command: Any, path: list[str]) -> None:
        subcommands = getattr(command, "commands", None)
        if subcommands:
            for name, sub in subcommands.items():
                walk(sub, [*path, name])
        else:
            found.append((path, command))

    walk(typer.main.get_command(app), [])
    return found


def groups() -> list[list[str]]:
    """The app and every command group, as their words."""
    out: list[list[str]] = [[]]

    def walk(command: Any, path: list[str]) -> None:
        for name, sub in (getattr(command, "commands", None) or {}).items():
            if getattr(sub, "commands", None):
                out.append([*path, name])
                walk(sub, [*path, name])

    walk(typer.main.get_command(app), [])
    return out


COMMANDS = commands()
COMMAND_NAMES = [" ".join(path) for path, _ in COMMANDS]


def one_error_line(result: Result, args: list[str]) -> str:
    """The single stderr line of a failed call; fails on a traceback, a panel or more lines."""
    where = f"extractor {args!r}: exit {result.exit_code}\n{result.output}"
    assert result.exception is None or isinstance(result.exception, SystemExit), where
    assert "Traceback" not in result.output and "╭" not in result.output, where
    lines = result.stderr.splitlines()
    assert len(lines) == 1, where
    return lines[0]


# ------------------------------------------------------------------ help, version, completion


@pytest.mark.parametrize("path", [p for p, _ in COMMANDS] + groups(), ids=str)
def test_help_and_version_on_every_command(path: list[str]) -> None:
    for flag in ("-h", "--help"):
        result = runner.invoke(app, [*path, flag])
        assert result.exit_code == 0, result.output
        assert "Usage: extractor" in result.stdout and result.stderr == ""
    version = runner.invoke(app, [*path, "--version"])
    assert version.exit_code == 0, version.output
    assert version.stdout.strip() == version_text()
    assert re.fullmatch(r"extractor \d+\.\d+\.\d+\S*", version_text())


def test_shell_completion_is_offered(monkeypatch: pytest.MonkeyPatch) -> None:
    listed = runner.invoke(app, ["-h"]).stdout
    assert "--install-completion" in listed and "--show-completion" in listed
    # typer tells the shell from the process tree (shellingham), which a test run does not
    # control: under nohup or CI there may be no shell above it. Say it is bash.
    import typer.completion

    monkeypatch.setattr(typer.completion, "_get_shell_name", lambda: "bash")
    script = runner.invoke(app, ["--show-completion"])
    assert script.exit_code == 0 and "_EXTRACTOR_COMPLETE" in script.stdout


# ------------------------------------------------------------------ usage errors

_LOWER = st.text(alphabet="abcdefghijklmnopqrstuvwxyz-", min_size=2, max_size=12)


def _options(command: Any) -> list[Any]:
    return [p for p in command.params if p.param_type_name == "option" and not p.hidden]


def _kind(param: Any) -> Any:
    bare = getattr(param, "bare_type", None)  # typer's own parameters
    if callable(bare):
        return bare()
    return getattr(getattr(param, "type", None), "name", None)  # click's


@st.composite
def usage_mistake(draw: st.DrawFn) -> tuple[list[str], str]:
    """(arguments, what the one error line must name): a mistake click itself catches."""
    path, command = draw(st.sampled_from(COMMANDS))
    options = _options(command)
    known = {opt for p in command.params for opt in (*p.opts, *p.secondary_opts)}
    valued = [p for p in options if not p.is_flag and p.nargs == 1]
    numeric = [p for p in valued if _kind(p) in (int, float)]
    kinds = ["unknown"] + (["no value"] if valued else []) + (["not a number"] if numeric else [])
    kind = draw(st.sampled_from(kinds))
    if kind == "unknown":
        name = "--" + draw(_LOWER.filter(lambda s: s.strip("-") and f"--{s}" not in known))
        name = name.rstrip("-")
        if name in known or name == "--version":
            name += "x"
        return [*path, name], name
    if kind == "no value":
        option = draw(st.sampled_from(valued))
        return [*path, option.opts[0]], option.opts[0]
    option = draw(st.sampled_from(numeric))
    value = draw(st.text(alphabet="abcxyz!%", min_size=1, max_size=6))
    return [*path, option.opts[0], value], option.opts[0]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mistake=usage_mistake())
def test_usage_errors_are_one_line_naming_the_mistake(mistake: tuple[list[str], str]) -> None:
    args, named = mistake
    result = runner.invoke(app, args)
    line = one_error_line(result, args)
    assert result.exit_code == 2, result.output
    assert USAGE_LINE.match(line), line
    assert named in line, line
    assert result.stdout == ""


@pytest.mark.parametrize("path", groups(), ids=str)
def test_an_unknown_command_is_one_line(path: list[str]) -> None:
    args = [*path, "no-such-command"]
    result = runner.invoke(app, args)
    line = one_error_line(result, args)
    assert result.exit_code == 2 and USAGE_LINE.match(line) and "no-such-command" in line


_NAME = st.text(
    alphabet=st.characters(
        blacklist_categories=("Cs",), blacklist_characters="/\x00", min_codepoint=1
    ),
    min_size=1,
    max_size=20,
).filter(lambda s: s not in (".", "..", "-") and len(os.fsencode(s)) < 200)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(name=_NAME, shape=st.sampled_from(["missing", "folder", "fifo"]), data=st.data())
def test_a_bad_input_path_is_one_line_naming_it(
    name: str, shape: str, data: st.DataObject, tmp_path_factory: pytest.TempPathFactory
) -> None:
    folder = tmp_path_factory.mktemp("inputs")
    path = folder / name
    if shape == "folder":
        path.mkdir()
    elif shape == "fifo":
        os.mkfifo(path)
    calls = [
        ["extract", str(path)],
        ["view", str(path)],
        ["eval", str(path)],
        ["eval", str(SEED_GOLD), "--predictions", str(path)],
    ]
    if shape == "missing":  # a folder is walked, a FIFO read as a stream: not mistakes
        calls.append(["bulk", str(path), "-o", str(folder / "out.jsonl")])
    args = data.draw(st.sampled_from(calls))
    result = runner.invoke(app, args)
    line = one_error_line(result, args)
    assert result.exit_code == 2, result.output
    assert line.startswith("extractor: error: ")
    assert safe_text(str(path)) in line, (line, safe_text(str(path)))


# ------------------------------------------------------------------ stdin and stdout


def _many_documents(kind: str, texts: list[str]) -> bytes:
    """Bytes that hold several documents: an archive, rows, or one of those gzipped."""
    import gzip
    import tarfile
    import zipfile

    buffer = io.BytesIO()
    if kind == "zip":
        with zipfile.ZipFile(buffer, "w") as archive:
            for n, text in enumerate(texts):
                archive.writestr(f"{n}.txt", text)
        return buffer.getvalue()
    if kind == "tar":
        with tarfile.open(fileobj=buffer, mode="w") as archive:
            for n, text in enumerate(texts):
                data = text.encode("utf-8")
                info = tarfile.TarInfo(f"{n}.txt")
                info.size = len(data)
                archive.addfile(info, io.BytesIO(data))
        return buffer.getvalue()
    rows = "".join(json.dumps({"id": f"r{n}", "text": t}) + "\n" for n, t in enumerate(texts))
    return gzip.compress(rows.encode("utf-8")) if kind == "jsonl.gz" else rows.encode("utf-8")


@settings(
    deadline=None, max_examples=12, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    kind=st.sampled_from(["zip", "tar", "jsonl", "jsonl.gz"]),
    numbers=st.lists(st.integers(2, 90), min_size=1, max_size=3),
)
def test_extract_refuses_many_documents_on_stdin_and_names_bulk(
    fake: FakeOpenAI, kind: str, numbers: list[int]
) -> None:
    """An archive or rows piped to ``extract -`` are many documents, not one article: one
    error line naming ``extractor bulk -`` and nothing sent (before: the bytes of a zip went
    to the model as the article's text)."""
    before = len(fake.requests)
    data = _many_documents(kind, [kano(n) for n in numbers])
    result = runner.invoke(app, ["extract", "-", *model_args(fake)], input=data)
    assert result.exit_code == 2, result.output
    assert "not one article" in result.stderr and "extractor bulk -" in result.stderr
    assert len(fake.requests) == before


@settings(
    deadline=None, max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    kind=st.sampled_from(["zip", "tar", "jsonl", "jsonl.gz", "txt.gz"]),
    numbers=st.lists(st.integers(2, 90), min_size=1, max_size=3),
    cut=st.floats(0.0, 1.0),
)
@example(kind="txt.gz", numbers=[5], cut=0.0)  # gzip's header alone: nothing unpacks
def test_extract_names_what_a_cut_stream_on_stdin_is(
    fake: FakeOpenAI, kind: str, numbers: list[int], cut: float
) -> None:
    """Any prefix of a packed stream piped to ``extract -`` is refused in one line that
    names what it is: a gzip cut before its first unpacked byte is "gzip data that is cut
    short or damaged", never "a tar archive" (before: the sniff's fallback), and nothing is
    sent to the model."""
    import gzip

    before = len(fake.requests)
    texts = [kano(n) for n in numbers]
    whole = (
        gzip.compress(texts[0].encode("utf-8"))
        if kind == "txt.gz"
        else _many_documents(kind, texts)
    )
    shortest = 263 if kind == "tar" else 8  # past the magic that says what it is
    data = whole[: max(shortest, int(len(whole) * cut))]
    result = runner.invoke(app, ["extract", "-", *model_args(fake)], input=data)
    errors = [line for line in result.stderr.splitlines() if line.startswith("extractor:")]
    assert result.exit_code == 2 and len(errors) == 1, result.stderr
    assert len(fake.requests) == before
    if kind != "tar":
        assert "tar archive" not in errors[0], errors
    if data[:2] == b"\x1f\x8b":
        assert "gzip" in errors[0] or ".gz)" in errors[0], errors


def test_extract_reads_stdin_and_writes_stdout_like_files(fake: FakeOpenAI, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(kano(31) + "\n", encoding="utf-8")
    common = [*model_args(fake), "--doc-id", "d", "--format", "json"]
    by_name = runner.invoke(app, ["extract", str(article), *common, "-o", "-"])
    by_stdin = runner.invoke(app, ["extract", "-", *common], input=article.read_bytes())
    to_file = runner.invoke(
        app, ["extract", "-", *common, "-o", "r.json"], input=article.read_text()
    )
    assert by_name.exit_code == by_stdin.exit_code == to_file.exit_code == 0, by_stdin.output
    results = [json.loads(by_name.stdout), json.loads(by_stdin.stdout)]
    results.append(json.loads((tmp_path / "r.json").read_text(encoding="utf-8")))
    for result in results:
        result["metadata"].pop("seconds")
    assert results[0] == results[1] == results[2]
    assert results[0]["casualty_reports"][0]["killed"]["best"] == 31


def test_eval_reads_gold_and_predictions_from_stdin(tmp_path: Path) -> None:
    by_name = runner.invoke(
        app, ["eval", str(SEED_GOLD), "--predictions", str(SAVED_RUN), "-o", "-", "--label", "x"]
    )
    predictions = runner.invoke(
        app,
        ["eval", str(SEED_GOLD), "--predictions", "-", "-o", "-", "--label", "x"],
        input=SAVED_RUN.read_bytes(),
    )
    gold = runner.invoke(
        app,
        ["eval", "-", "--predictions", str(SAVED_RUN), "-o", "-", "--label", "x"],
        input=SEED_GOLD.read_bytes(),
    )
    assert by_name.exit_code == predictions.exit_code == gold.exit_code == 0, gold.output
    reports = [json.loads(r.stdout) for r in (by_name, predictions, gold)]
    assert reports[0] == reports[1] == reports[2]
    assert reports[0]["label"] == "x"
    both = runner.invoke(app, ["eval", "-", "--predictions", "-"], input="")
    assert both.exit_code == 2 and "both" in one_error_line(both, ["eval", "-"])


def test_eval_json_is_the_old_spelling_of_o(tmp_path: Path) -> None:
    args = ["eval", str(SEED_GOLD), "--predictions", str(SAVED_RUN), "--label", "x"]
    old = runner.invoke(app, [*args, "--json", "old.json"])
    new = runner.invoke(app, [*args, "-o", "new.json"])
    assert old.exit_code == new.exit_code == 0, old.output
    assert json.loads(Path("old.json").read_text()) == json.loads(Path("new.json").read_text())


def test_schema_writes_stdout_a_file_or_a_folder(tmp_path: Path) -> None:
    printed = runner.invoke(app, ["schema"])
    dashed = runner.invoke(app, ["schema", "-o", "-"])
    filed = runner.invoke(app, ["schema", "-o", "s.json"])
    folder = runner.invoke(app, ["schema", "-o", "schemas/"])
    old = runner.invoke(app, ["schema", "--write", "old"])
    assert {r.exit_code for r in (printed, dashed, filed, folder, old)} == {0}
    assert json.loads(printed.stdout) == json.loads(dashed.stdout)
    assert json.loads(Path("s.json").read_text()) == json.loads(printed.stdout)
    assert sorted(p.name for p in Path("schemas").iterdir()) == sorted(
        p.name for p in Path("old").iterdir()
    )


def _fake_server_process(responder: str = "echo-valid") -> tuple[subprocess.Popen[str], str]:
    """The fake server as a process of its own, for a CLI that runs as a real process."""
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.fakes.openai_server", "--port", "0",
         "--responder", responder],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )  # fmt: skip
    assert process.stdout is not None
    ready = process.stdout.readline().strip()
    assert ready.startswith("READY "), ready
    return process, ready.removeprefix("READY ")


def test_bulk_reads_stdin_and_writes_stdout_as_a_real_process(tmp_path: Path) -> None:
    """A real process: ``-`` is the process's stdin, ``-o -`` its stdout."""
    rows = "".join(json.dumps({"id": f"r{n}", "text": kano(n + 3)}) + "\n" for n in range(5))
    server, url = _fake_server_process()
    try:
        run = subprocess.run(
            [sys.executable, "-m", "extractor", "bulk", "-", "-o", "-", "--model",
             "openai/fake-model", "--base-url", url, "--progress", "none"],
            cwd=ROOT, input=rows.encode(), capture_output=True, timeout=120,
        )  # fmt: skip
    finally:
        server.terminate()
        server.wait(10)
    lines = {line["doc_id"]: line for line in map(json.loads, run.stdout.decode().splitlines())}
    assert sorted(lines) == [f"r{n}" for n in range(5)], run.stderr
    assert all(lines[f"r{n}"]["text"] == kano(n + 3) for n in range(5))
    assert b"Traceback" not in run.stderr


# ------------------------------------------------------------------ extract's formats


@settings(
    max_examples=6,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(killed=st.lists(st.integers(2, 10**6), min_size=1, max_size=3, unique=True))
def test_every_format_holds_the_same_records(
    killed: list[int], fake: FakeOpenAI, tmp_path_factory: pytest.TempPathFactory
) -> None:
    folder = tmp_path_factory.mktemp("formats")
    article = folder / "a.txt"
    article.write_text("\n\n".join(kano(n) for n in killed) + "\n", encoding="utf-8")
    outputs: dict[str, str] = {}
    for fmt in ("json", "jsonl", "csv", "html", "table"):
        target = folder / f"out.{fmt}"
        args = ["extract", str(article), *model_args(fake), "-f", fmt, "-o", str(target)]
        result = runner.invoke(app, args)
        assert result.exit_code == 0, result.output
        outputs[fmt] = target.read_text(encoding="utf-8")
    records = ArticleExtraction.model_validate_json(outputs["json"]).records
    ids = sorted(record.id for record in records)
    assert ids
    line = json.loads(outputs["jsonl"])
    assert sorted(r["id"] for r in line["records"]) == ids
    assert line["text"] == article.read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(outputs["csv"])))
    assert sorted(row["record_id"] for row in rows) == ids
    for record_id in ids:
        assert record_id in outputs["html"]
    assert outputs["table"].count("Casualty reports") == 1
    assert outputs["table"].count("NGA") == len(records)  # a row per record


def test_the_o_suffix_picks_the_format_and_a_pipe_gets_json(
    fake: FakeOpenAI, tmp_path: Path
) -> None:
    (tmp_path / "a.txt").write_text(kano(44) + "\n", encoding="utf-8")
    for suffix, check in ((".html", "<!DOCTYPE html>"), (".csv", "record_id,"), (".jsonl", "{")):
        result = runner.invoke(app, ["extract", "a.txt", *model_args(fake), "-o", f"r{suffix}"])
        assert result.exit_code == 0, result.output
        assert (tmp_path / f"r{suffix}").read_text(encoding="utf-8").startswith(check)
    piped = runner.invoke(app, ["extract", "a.txt", *model_args(fake)])
    assert json.loads(piped.stdout)["casualty_reports"]


# ------------------------------------------------------------------ servers, keys, logs


def _refusing_url() -> str:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/v1"


def test_an_unreachable_server_is_one_line_at_once(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(kano(5) + "\n", encoding="utf-8")
    url = _refusing_url()
    for args in (
        ["extract", "a.txt", "--model", "openai/m", "--base-url", url],
        ["eval", str(SEED_GOLD), "--model", "openai/m", "--base-url", url, "--limit", "1"],
    ):
        started = time.monotonic()
        result = runner.invoke(app, args)
        line = one_error_line(result, args)
        assert time.monotonic() - started < 10
        assert result.exit_code == 2 and "connection refused" in line and url in line


@pytest.mark.parametrize("provider", sorted(KEY_VARIABLES))
def test_a_missing_key_names_its_variable_and_no_flag(provider: str, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(kano(5) + "\n", encoding="utf-8")
    blank = {name: "" for name in (*KEY_VARIABLES.values(), "EXTRACTOR_API_KEY")}
    args = ["extract", "a.txt", "--model", f"{provider}/some-model"]
    result = runner.invoke(app, args, env=blank)
    line = one_error_line(result, args)
    assert result.exit_code == 2
    assert KEY_VARIABLES[provider] in line and "EXTRACTOR_API_KEY" in line
    assert "--api-key" not in result.output


def test_retry_logs_never_reach_stderr_of_a_real_process(tmp_path: Path) -> None:
    """A real process (no test runner's log handlers in the way): a model that never answers
    JSON is re-asked, and the only line on stderr is the command's own error."""
    (tmp_path / "a.txt").write_text(kano(5) + "\n", encoding="utf-8")
    server, url = _fake_server_process("static:this is not JSON")
    try:
        run = subprocess.run(
            [sys.executable, "-m", "extractor", "extract", str(tmp_path / "a.txt"), "--model",
             "openai/fake-model", "--base-url", url, "--max-retries", "2"],
            cwd=ROOT, capture_output=True, timeout=120,
            env={**os.environ, "PYTHONWARNINGS": "default"},
        )  # fmt: skip
    finally:
        server.terminate()
        server.wait(10)
    [line] = run.stderr.decode().splitlines()
    assert run.returncode == 1 and line.startswith("extractor: error:"), run.stderr


def test_the_cli_quiets_instructor_only_while_a_command_runs(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(kano(5) + "\n", encoding="utf-8")
    chatty = logging.getLogger("instructor")
    level = chatty.level
    seen: list[int] = []
    chatty.setLevel(logging.DEBUG)
    try:
        with FakeOpenAI(lambda body: seen.append(chatty.level) or "not JSON") as server:
            result = runner.invoke(app, ["extract", "a.txt", *model_args(server)])
        after = chatty.level
    finally:
        chatty.setLevel(level)
    assert result.exit_code == 1 and seen and set(seen) == {logging.CRITICAL}
    assert after == logging.DEBUG  # a library caller's setting is left as it was


# ------------------------------------------------------------------ tables survive any text


@pytest.fixture(scope="module")
def extraction(fake: FakeOpenAI, tmp_path_factory: pytest.TempPathFactory) -> ArticleExtraction:
    article = tmp_path_factory.mktemp("table") / "a.txt"
    article.write_text(kano(7) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(article), *model_args(fake), "-f", "json"])
    assert result.exit_code == 0, result.output
    return ArticleExtraction.model_validate_json(result.stdout)


ANY_CHARACTER = st.characters(exclude_categories=())  # lone surrogates included
HOSTILE = st.lists(
    st.one_of(
        st.text(alphabet=ANY_CHARACTER, max_size=4),
        st.sampled_from(["\x1b[2J", "\x1b]0;owned\x07", "\r", "\x9b", "\u202e", "[/b]", "[red]"]),
    ),
    max_size=10,
).map("".join)
ANSI_SGR = re.compile(r"\x1b\[[0-9;]*m")
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(quote=HOSTILE, place=HOSTILE, warning=HOSTILE, color=st.booleans())
def test_tables_show_any_text_without_control_characters(
    extraction: ArticleExtraction, quote: str, place: str, warning: str, color: bool
) -> None:
    record = extraction.casualty_reports[0]  # type: ignore[attr-defined]
    evidence = record.evidence.model_copy(update={"quote": "SENTINEL " + quote, "spans": []})
    changed = record.model_copy(
        update={"evidence": evidence, "place": record.place.model_copy(update={"text": place})}
    )
    metadata = extraction.metadata.model_copy(update={"warnings": [warning]})
    groups = {**extraction.groups, "casualty_reports": [changed]}
    result = extraction.model_copy(update={"metadata": metadata, "groups": groups})
    shown = render_tables(result, color=color)
    visible = ANSI_SGR.sub("", shown)
    assert not CONTROL.search(visible), repr(visible)
    assert "\x1b" not in visible and "SENTINEL" in visible
    if not color:
        assert shown == visible


@given(text=st.text(alphabet=ANY_CHARACTER))
def test_printable_replaces_each_control_character_by_one_visible_one(text: str) -> None:
    out = printable(text)
    assert not CONTROL.search(out)
    out.encode("utf-8")  # raises on a lone surrogate
    assert len(out) == len(text) - text.count("\r\n")
    if not CONTROL.search(text) and "\r" not in text:
        assert out == text


_RESULTS = ROOT / "bench" / "results" / "gold-1.5b-per-type.jsonl"


@pytest.mark.parametrize(
    "args",
    [
        ["view", str(_RESULTS), "-o", "-"],
        ["schema", "-o", "-"],
        ["flatten", str(_RESULTS), "-o", "-", "--table", "events"],
        ["types"],
        ["--help"],
        ["extract", "--help"],
        ["--version"],
        ["model", "status"],
    ],
    ids=["view", "schema", "flatten", "types", "help", "extract-help", "version", "model"],
)
@pytest.mark.parametrize("wanted", [0, 10])
def test_a_reader_that_stops_early_ends_the_command_quietly(args: list[str], wanted: int) -> None:
    """``extractor view out.jsonl -o - | head``: the reader goes away after its first
    bytes. The command stops with exit 0 and says nothing (before: view printed "error:
    Broken pipe" and a traceback of a flush on a closed file; --help, --version, types
    exited 1)."""
    process = subprocess.Popen(
        [sys.executable, "-m", "extractor", *args],
        cwd=ROOT, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    assert process.stdout is not None and process.stderr is not None
    process.stdout.read(wanted)  # none: gone before the first write (typer's and rich's
    process.stdout.close()  # own answers to that were exit 1)
    stderr = process.stderr.read().decode()
    process.stderr.close()
    assert process.wait(timeout=60) == 0, stderr
    assert "Traceback" not in stderr and "error" not in stderr, stderr
