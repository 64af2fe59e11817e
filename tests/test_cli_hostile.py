"""Every user mistake is one line on stderr and exit 2 (or 1), never a traceback, never a hang.

The commands (``extract``, ``view``, ``flatten``, ``eval``, ``schema``, ``model``) are
run with hostile arguments: paths that do not exist, folders where files are
expected, a FIFO with no writer and /dev/zero (which would hang or never
end if opened), files that are empty, binary, not JSON or of the wrong
shape, names that are not UTF-8, too long, or hold a NUL, output targets
that cannot be written, and bad option values. A corpus runs every path
through every command; hypothesis then combines them with bad options.

Tests run as root, where ``chmod 000`` does not stop a read; a FIFO and a
folder stand in for unreadable files. Each run is guarded by a timeout: a
command that blocks on the FIFO fails the test instead of hanging it.
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
import tempfile
import threading
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner, Result

from extractor.cli import app
from tests.fakes.openai_server import LOOPBACK_ONLY, FakeOpenAI, Fault, named_meeting

pytestmark = pytest.mark.block_network(allowed_hosts=LOOPBACK_ONLY)
runner = CliRunner()
GUARD_SECONDS = 30


@pytest.fixture(autouse=True)
def _in_a_scratch_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Commands that default to a folder in the working directory (flatten's tables/)
    write into the test's own folder, never into the checkout."""
    monkeypatch.chdir(tmp_path)


@pytest.fixture(scope="module")
def place(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Hostile paths by name (inputs and output targets)."""
    root = tmp_path_factory.mktemp("hostile")
    (root / "folder").mkdir()
    os.mkfifo(root / "fifo.txt")
    os.mkfifo(root / "fifo.jsonl")
    (root / "zero.txt").symlink_to("/dev/zero")
    (root / "dangling.txt").symlink_to(root / "nowhere")
    (root / "empty.txt").write_bytes(b"")
    (root / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (root / "notjson.jsonl").write_bytes(b"{not json\n\xff\xfe\n[1, 2\n")
    (root / "shapes.jsonl").write_text(
        '[1, 2]\n"text"\n{"doc_id": 5, "records": "x"}\n{"id": []}\n'
    )
    (root / "existing.json").write_text("{}")
    deep = "[" * 5000 + "]" * 5000  # past what JSON reads at Python's recursion limit
    (root / "deep.jsonl").write_text(f'{{"id": "a", "doc_id": "a", "text": "t", "x": {deep}}}\n')
    latin = os.path.join(os.fsencode(root), b"caf\xe9.txt")
    with open(latin, "wb") as handle:
        handle.write(bytes(range(256)) * 4)
    return {
        "missing": str(root / "missing.txt"),
        "folder": str(root / "folder"),
        "fifo": str(root / "fifo.txt"),
        "fifo_jsonl": str(root / "fifo.jsonl"),
        "zero": str(root / "zero.txt"),
        "dangling": str(root / "dangling.txt"),
        "empty": str(root / "empty.txt"),
        "binary": str(root / "binary.txt"),
        "notjson": str(root / "notjson.jsonl"),
        "shapes": str(root / "shapes.jsonl"),
        "existing": str(root / "existing.json"),
        "deep": str(root / "deep.jsonl"),
        "not_utf8": os.fsdecode(latin),
        "too_long": str(root / ("x" * 300 + ".txt")),
        "nul": str(root / "a\x00b.txt"),
        "no_parent": "/proc/no-such-dir/out.json",
    }


INPUTS = ["missing", "folder", "fifo", "fifo_jsonl", "zero", "dangling", "binary", "notjson",
          "shapes", "not_utf8", "too_long", "nul", "deep"]  # fmt: skip
#: Where a file cannot be written (for --json, --save-predictions).
FILE_TARGETS = ["folder", "fifo", "no_parent", "too_long", "nul"]
#: Where a folder cannot be made (for --write, --to).
FOLDER_TARGETS = ["fifo", "existing", "no_parent", "too_long", "nul"]


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """A fake server that refuses every key: a command that reaches it fails fast (exit 2)."""
    with FakeOpenAI(fault_rate=1.0, fault_kinds=[Fault.UNAUTHORIZED]) as server:
        yield {
            "EXTRACTOR_BASE_URL": server.base_url,
            "EXTRACTOR_MODEL": "openai/fake-model",
            "EXTRACTOR_DATA_DIR": str(tmp_path_factory.mktemp("data")),
            "EXTRACTOR_API_KEY": "",
        }


def _unblock(paths: dict[str, str]) -> None:
    """Give any reader blocked on a FIFO an end of file."""
    for name in ("fifo", "fifo_jsonl"):
        with contextlib.suppress(OSError):
            os.close(os.open(paths[name], os.O_RDWR | os.O_NONBLOCK))


def invoke(args: list[str], env: dict[str, str], paths: dict[str, str]) -> Result:
    outcome: list[Result] = []
    thread = threading.Thread(
        target=lambda: outcome.append(runner.invoke(app, args, env=env, input="")), daemon=True
    )
    thread.start()
    thread.join(GUARD_SECONDS)
    if thread.is_alive():
        _unblock(paths)
        thread.join(10)
        pytest.fail(f"extractor {args!r} hung (more than {GUARD_SECONDS}s)")
    return outcome[0]


def assert_user_error(result: Result, args: list[str]) -> None:
    where = f"extractor {args!r}:\n{result.output}"
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        where + f"\n{result.exception!r}"
    )
    assert "Traceback" not in result.output, where
    assert result.exit_code in (1, 2), where
    errors = [line for line in result.stderr.splitlines() if "error:" in line.lower()]
    assert len(errors) <= 1, where


# ------------------------------------------------------------------ the corpus


def commands_for(name: str, paths: dict[str, str]) -> list[list[str]]:
    path = paths[name]
    runs = [
        ["extract", path],
        ["view", path, "-o", paths["folder"] + "/view.html"],
        ["flatten", path, "--to", paths["folder"] + "/tables"],
        ["eval", path],
        ["eval", "--compare", path, path],
    ]
    if name != "folder":
        runs.append(["extract", paths["empty"], "--published", "2024-02-30", "--doc-id", path])
    return runs


@pytest.mark.parametrize("name", INPUTS)
def test_every_command_refuses_a_hostile_input_path(
    name: str, place: dict[str, str], env: dict[str, str]
) -> None:
    for args in commands_for(name, place):
        assert_user_error(invoke(args, env, place), args)


@pytest.mark.parametrize("name", FILE_TARGETS)
def test_eval_refuses_a_hostile_output_file_before_any_work(
    name: str, place: dict[str, str], env: dict[str, str]
) -> None:
    for option in ("--json", "--save-predictions"):
        args = ["eval", place["shapes"], option, place[name]]
        assert_user_error(invoke(args, env, place), args)


@pytest.mark.parametrize("name", FOLDER_TARGETS)
def test_schema_and_flatten_refuse_a_hostile_output_folder(
    name: str, place: dict[str, str], env: dict[str, str]
) -> None:
    for args in (
        ["schema", "--write", place[name]],
        ["flatten", place["shapes"], "--to", place[name]],
    ):
        result = invoke(args, env, place)
        assert_user_error(result, args)
        assert result.exit_code == 2


@pytest.mark.parametrize(
    "args",
    [
        ["extract", "-", "--published", "yesterday"],
        ["extract", "-", "--format", "xml"],
        ["extract", "-", "--strategy", "bogus"],
        ["extract", "-", "--types", "bogus,,"],
        ["extract", "-", "--max-retries", "-1"],
        ["extract", "-"],
        ["eval"],
        ["eval", "--limit", "0"],
        ["eval", "--limit", "many"],
        ["schema", "--type", "bogus"],
        ["model", "path", "--size", "7b"],
        ["model", "install", "--size", "../../etc"],
        ["model", "bogus"],
        ["flatten"],
        ["bogus-command"],
    ],
)
def test_bad_option_values_are_usage_errors(
    args: list[str], place: dict[str, str], env: dict[str, str]
) -> None:
    assert_user_error(invoke(args, env, place), args)


# ------------------------------------------------------------------ generated


BAD_OPTIONS: dict[str, list[list[str]]] = {
    "extract": [["--published", "2024-13-45"], ["--published", ""], ["--strategy", "x"],
                ["--format", ""], ["--types", ","], ["--max-retries", "-7"], ["--cache"],
                ["--doc-id", "\ud800"]],
    "flatten": [["--parquet"], ["--no-parquet"]],
    "eval": [["--limit", "-2"], ["--strategy", ""], ["--types", "nope"], ["--details"],
             ["--label", "\x00"]],
    "schema": [["--type", "nope"], ["--type", ""]],
}  # fmt: skip


@st.composite
def hostile_call(draw: st.DrawFn, paths: dict[str, str]) -> list[str]:
    command = draw(st.sampled_from(["extract", "flatten", "eval", "schema", "model"]))
    path = st.sampled_from(INPUTS).map(paths.__getitem__)
    target = st.sampled_from(FILE_TARGETS).map(paths.__getitem__)
    folder = st.sampled_from(FOLDER_TARGETS).map(paths.__getitem__)
    if command == "model":
        sub = draw(st.sampled_from(["path", "install"]))
        size = draw(st.text(min_size=1, max_size=8).filter(lambda s: s not in ("0.5b", "1.5b")))
        return ["model", sub, "--size", size]
    if command == "schema":
        args = ["schema", "--write", draw(folder)]
    elif command == "flatten":
        args = ["flatten", draw(path)]
        if draw(st.booleans()):
            args += ["--to", draw(folder)]
    elif command == "eval":
        args = ["eval", draw(path)]
        for option in ("--predictions", "--json", "--save-predictions"):
            if draw(st.booleans()):
                args += [option, draw(path if option == "--predictions" else target)]
    else:
        args = ["extract", draw(path)]
    for option in draw(st.lists(st.sampled_from(BAD_OPTIONS.get(command, [[]])), max_size=3)):
        args += option
    return args


@settings(
    max_examples=80,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_generated_hostile_calls_end_in_one_line_and_exit_1_or_2(
    data: st.DataObject, place: dict[str, str], env: dict[str, str]
) -> None:
    args = data.draw(hostile_call(place))
    assert_user_error(invoke(args, env, place), args)


def test_a_real_process_refuses_a_fifo_and_a_non_utf8_name(
    place: dict[str, str], tmp_path: Path
) -> None:
    """Outside the test runner too: the streams are real, the arguments real bytes."""
    import subprocess
    import sys

    root = Path(__file__).resolve().parent.parent
    for path in (place["fifo"], place["not_utf8"]):
        run = subprocess.run(
            [sys.executable, "-m", "extractor", "extract", path],
            cwd=root, capture_output=True, timeout=60,
            env={**os.environ, "EXTRACTOR_BASE_URL": "http://127.0.0.1:9/v1"},
        )  # fmt: skip
        assert run.returncode == 2, run.stderr
        [line] = run.stderr.decode("utf-8").splitlines()
        assert line.startswith("extractor: error:") and b"Traceback" not in run.stderr


def test_model_commands_print_a_data_folder_whose_name_is_not_utf8(
    place: dict[str, str], env: dict[str, str], tmp_path: Path
) -> None:
    folder = os.fsdecode(os.path.join(os.fsencode(tmp_path), b"d\xe9ta"))
    for args in (["model", "status"], ["model", "path", "--size", "0.5b"]):
        result = invoke(args, {**env, "EXTRACTOR_DATA_DIR": folder}, place)
        assert result.exception is None or isinstance(result.exception, SystemExit), result
        assert "Traceback" not in result.output and result.exit_code in (0, 1)


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    command=st.sampled_from(["extract", "view", "eval", "eval --predictions", "eval --save"]),
    spelling=st.sampled_from(["same", "dot", "absolute", "symlink", "hardlink"]),
)
def test_output_naming_the_input_is_refused_however_spelt(
    tmp_path: Path, command: str, spelling: str
) -> None:
    """``extract a.txt -o a.txt`` replaced the article with its result, ``eval g.jsonl -o
    g.jsonl`` the gold set with its report: an input, however its name is spelt
    (``./a.txt``, absolute, a symlink or hard link to it), is no output."""
    folder = tmp_path / f"{command.replace(' ', '_')}-{spelling}"
    folder.mkdir(exist_ok=True)
    article = folder / ("a.txt" if command == "extract" else "a.jsonl")
    content = "At least 3 people were killed in Kano, Nigeria on Friday.\n"
    article.write_text(content)
    output = {
        "same": str(article), "dot": str(folder / "." / article.name),
        "absolute": str(article.resolve()), "symlink": str(folder / "link"),
        "hardlink": str(folder / "hard"),
    }[spelling]  # fmt: skip
    with contextlib.suppress(FileExistsError):
        if spelling == "symlink":
            os.symlink(article, output)
        elif spelling == "hardlink":
            os.link(article, output)
    env = {"EXTRACTOR_MODEL": "openai/fake-model", "EXTRACTOR_BASE_URL": "http://127.0.0.1:9/v1"}
    gold = folder / "gold.jsonl"
    gold.write_text("")
    args = {
        "eval --predictions": ["eval", str(gold), "--predictions", str(article), "-o", output],
        "eval --save": ["eval", str(article), "--save-predictions", output],
    }.get(command, [command, str(article), "-o", output])
    result = runner.invoke(app, args, env=env)
    assert result.exit_code == 2, result.output
    assert "that is the input file" in result.stderr
    assert article.read_text() == content


#: Every command option that names a file or folder the tool writes.
_OUTPUT_OPTIONS = [
    (["extract", "{input}", "-o"], "out.json"),
    (["view", "{results}", "-o"], "page.html"),
    (["flatten", "{results}", "-o"], "tables"),
    (["flatten", "{results}", "-o"], "events.duckdb"),
    (["eval", "{results}", "--json"], "report.json"),
    (["schema", "-o"], "schemas.json"),
]


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    option=st.sampled_from(_OUTPUT_OPTIONS),
    packed=st.sampled_from([".gz", ".GZ", ".bz2", ".xz", ".zip", ".tar", ".tgz", ".zst", ".7z"]),
)
def test_an_output_named_as_compressed_is_refused_and_nothing_is_written(
    option: tuple[list[str], str], packed: str, tmp_path: Path, env: dict[str, str],
    place: dict[str, str],
) -> None:  # fmt: skip
    """The tool writes plain files: a name promising compression would lie about its bytes."""
    folder = tmp_path / f"run{abs(hash((tuple(option[0]), option[1], packed)))}"
    folder.mkdir()
    article = folder / "a.txt"
    article.write_text("The minister visited Paris on Monday.\n")
    results = folder / "out.jsonl"
    results.write_text("")
    words, name = option
    target = folder / f"{name}{packed}"
    args = [w.format(input=article, results=results) for w in words] + [str(target)]
    result = invoke(args, env, place)
    assert_user_error(result, args)
    assert result.exit_code == 2, result.output
    assert packed in result.stderr and str(target.with_suffix("")) in result.stderr
    assert not target.exists()
    assert sorted(p.name for p in folder.iterdir()) == ["a.txt", "out.jsonl"]


_SEED_LINE = Path(__file__).parent / "fixtures" / "viewer" / "seed_line.json"
#: A command writing a whole file, and the file of it the test looks at ({out} is -o).
_WHOLE_FILE_WRITERS = {
    "schema": (["schema", "-o", "{out}"], "schemas.json", ""),
    "view": (["view", "{results}", "-o", "{out}"], "page.html", ""),
    "flatten duckdb": (["flatten", "{results}", "-o", "{out}"], "t.duckdb", ""),
    "flatten csv": (["flatten", "{results}", "-o", "{out}"], "tables", "events.csv"),
    "flatten parquet": (["flatten", "{results}", "-o", "{out}"], "tables", "events.parquet"),
}


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    writer=st.sampled_from(sorted(_WHOLE_FILE_WRITERS)),
    mode=st.sampled_from([0o600, 0o640, 0o604, 0o644, 0o660]),
    linked=st.booleans(),
)
def test_a_rewritten_output_keeps_its_mode_and_its_symlink(
    writer: str, mode: int, linked: bool, tmp_path: Path
) -> None:
    """``view -o`` and ``flatten -o`` made a private (0600) page or table world-readable, and
    replaced a symlinked output with a file: every whole-file writer keeps the mode, owner
    and link of what it replaces, as bulk does with its output."""
    words, name, inner = _WHOLE_FILE_WRITERS[writer]
    folder = tmp_path / f"{writer.replace(' ', '_')}-{mode:o}-{linked}"
    folder.mkdir()
    results = folder / "results.jsonl"
    results.write_text(json.dumps(json.loads(_SEED_LINE.read_text())) + "\n")
    out = folder / name
    real = folder / "elsewhere" / (inner or name)
    real.parent.mkdir()
    looked_at = out / inner if inner else out
    if inner:
        out.mkdir()
    if writer == "flatten duckdb":
        runner.invoke(app, ["flatten", str(results), "-o", str(real)])  # an earlier output
    else:
        real.write_text("old")
    os.chmod(real, mode)
    if linked:
        looked_at.symlink_to(real)
    else:
        os.replace(real, looked_at)
    args = [w.format(out=out, results=results) for w in words]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert looked_at.is_symlink() == linked
    written = real if linked else looked_at
    assert stat.S_IMODE(os.stat(written).st_mode) == mode
    assert written.read_bytes() != b"old"
    assert not [p.name for p in written.parent.iterdir() if p.name.endswith(".tmp")]


@pytest.fixture(scope="module")
def answering() -> Any:
    """A fake server that answers: what fails is in the way, not at the server."""
    with FakeOpenAI(named_meeting()) as server:
        yield server


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    command=st.sampled_from(["extract", "bulk"]),
    variable=st.sampled_from(["HTTP_PROXY", "ALL_PROXY", "http_proxy", "all_proxy"]),
    password=st.booleans(),
    bypass=st.booleans(),
)
def test_a_dead_proxy_is_named_not_the_server_and_no_proxy_goes_direct(
    command: str, variable: str, password: bool, bypass: bool, tmp_path: Path,
    answering: FakeOpenAI,
) -> None:  # fmt: skip
    """With ``HTTP_PROXY`` pointing at nothing, the error said "cannot reach the model
    server ... start it" about a server that was up. The proxy is named (its password
    never), at once, before a request; with the server's host in NO_PROXY the run works."""
    folder = Path(tempfile.mkdtemp(dir=tmp_path))
    article = folder / "a.txt"
    article.write_text("Leaders of France and Japan met in Paris on Tuesday.\n")
    proxy = f"http://{'user:s3cret-pw@' if password else ''}127.0.0.1:1"
    env = {variable: proxy, "NO_PROXY": "127.0.0.1" if bypass else "other.example",
           "EXTRACTOR_MODEL": "openai/fake-model", "EXTRACTOR_BASE_URL": answering.base_url}  # fmt: skip
    args = [command, str(article), "-o", str(folder / "out.jsonl")]
    args += ["--strategy", "single"]
    args += ["--progress", "none"] if command == "bulk" else ["-f", "jsonl"]
    before = len(answering.log)
    result = runner.invoke(app, args, env=env)
    assert "Traceback" not in result.output and "s3cret-pw" not in result.output
    if bypass:
        assert result.exit_code == 0, result.output
        assert len(answering.log) > before
    else:
        assert result.exit_code == 2, result.output
        assert "cannot reach the proxy http://" in result.stderr
        assert "cannot reach the model server" not in result.stderr
        assert len(answering.log) == before


#: Proxy values the HTTP client cannot use: no port number, an unclosed IPv6 address, a port
#: past 65535, a scheme it does not speak.
_BAD_PROXIES = st.one_of(
    st.sampled_from(
        [
            "::::",
            "http://[::1",
            "http://127.0.0.1:99999",
            "ftp://proxy:21",
            "socks9://proxy:1",
            "http://:80",
            "http://",
        ]
    ),
    st.builds(
        "http://{}proxy.example:{}".format,
        st.sampled_from(["", "user:s3cret-pw@"]),
        st.text("abcxyz:", min_size=1, max_size=5),
    ),
)


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    command=st.sampled_from(["extract", "bulk"]),
    variable=st.sampled_from(["HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy"]),
    proxy=_BAD_PROXIES,
)
def test_a_proxy_variable_the_client_cannot_use_is_one_line_before_any_work(
    command: str, variable: str, proxy: str, tmp_path: Path, answering: FakeOpenAI
) -> None:
    """``HTTP_PROXY=::::`` was a traceback in extract and an "internal" error line for every
    document of a bulk run (which a rerun then called unchanged). Now: one line naming the
    proxy (its password hidden), exit 2, no request and no line written."""
    folder = Path(tempfile.mkdtemp(dir=tmp_path))
    article = folder / "a.txt"
    article.write_text("Leaders of France and Japan met in Paris on Tuesday.\n")
    env = {variable: proxy, "NO_PROXY": "other.example",
           "EXTRACTOR_MODEL": "openai/fake-model", "EXTRACTOR_BASE_URL": answering.base_url}  # fmt: skip
    output = folder / "out.jsonl"
    args = [command, str(article), "-o", str(output), "--strategy", "single"]
    args += ["--progress", "none"] if command == "bulk" else ["-f", "jsonl"]
    before = len(answering.log)
    result = runner.invoke(app, args, env=env)
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output and "s3cret-pw" not in result.output
    assert any("the proxy" in line and "fix or unset" in line for line in lines), lines
    assert len(answering.log) == before
    assert not output.exists() or output.read_text() == ""


@pytest.mark.parametrize("command", ["extract", "bulk"])
def test_a_tls_proxy_that_speaks_plain_http_is_named_not_the_server(
    command: str, tmp_path: Path, answering: FakeOpenAI
) -> None:
    """``HTTP_PROXY=https://...`` for a plain-HTTP proxy: the TLS handshake that fails is the
    proxy's, so the proxy is named (its password hidden), not ``--base-url``."""
    article = tmp_path / "a.txt"
    article.write_text("Leaders of France and Japan met in Paris on Tuesday.\n")
    port = answering.base_url.split(":")[2].split("/")[0]  # a plain-HTTP server as the proxy
    env = {"HTTP_PROXY": f"https://user:s3cret-pw@127.0.0.1:{port}", "NO_PROXY": "other.example",
           "EXTRACTOR_MODEL": "openai/fake-model",
           "EXTRACTOR_BASE_URL": "http://model.example.invalid:8000/v1"}  # fmt: skip
    args = [command, str(article), "-o", str(tmp_path / "out.jsonl"), "--strategy", "single"]
    args += ["--progress", "none"] if command == "bulk" else ["-f", "jsonl"]
    result = runner.invoke(app, args, env=env)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output and "s3cret-pw" not in result.output
    assert "the proxy https://" in result.stderr and "--base-url" not in result.stderr


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full here")
@pytest.mark.parametrize(
    "command",
    ["types", "schema --type visit -o -", "extract {article} -f json", "extract {article} -f csv",
     "eval {gold} --predictions {results}", "view {results} -o -",
     "flatten {results} -o - --table events"],
)  # fmt: skip
def test_standard_output_on_a_full_disk_is_one_line(
    command: str, tmp_path: Path, answering: FakeOpenAI
) -> None:
    """``extract a.txt > out.json`` on a full disk (``/dev/full``) was a 40-line OSError
    traceback: output that cannot be written is one line naming why, exit 2."""
    import subprocess
    import sys

    article = tmp_path / "a.txt"
    article.write_text("Leaders of France and Japan met in Paris on Tuesday.\n")
    gold = Path(__file__).resolve().parent.parent / "seeds" / "000_e3df12fb75ba6b2b.gold.jsonl"
    results = tmp_path / "results.jsonl"  # a line for the gold's document: eval has a score
    line = {**json.loads(_SEED_LINE.read_text()), "doc_id": json.loads(gold.read_text())["id"]}
    results.write_text(json.dumps(line) + "\n")
    args = command.format(article=article, results=results, gold=gold).split()
    env = {**os.environ, "EXTRACTOR_MODEL": "openai/fake-model",
           "EXTRACTOR_BASE_URL": answering.base_url, "OPENAI_API_KEY": "sk-test"}  # fmt: skip
    with open("/dev/full", "wb") as full:
        result = subprocess.run(
            [sys.executable, "-m", "extractor", *args], stdout=full, stderr=subprocess.PIPE,
            text=True, env=env, timeout=120,
        )  # fmt: skip
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr and "Exception ignored" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if "error:" in line]
    assert len(errors) == 1 and "No space left on device" in errors[0], result.stderr


@pytest.mark.parametrize(
    "command", ["types", "types --json", "schema --type visit -o -", "schema", "view {results} -o -", "flatten {results} -o -"
                " --table events"],
)  # fmt: skip
def test_a_plugin_that_fails_to_load_is_one_line_in_every_command(
    command: str, tmp_path: Path
) -> None:
    """A record-type plugin whose import raised was a traceback in ``types`` and ``schema``,
    its cause printed raw (a key in it too): one line, redacted, exit 2, as elsewhere."""
    import subprocess
    import sys

    plugin = _broken_plugin(tmp_path)
    results = tmp_path / "results.jsonl"
    results.write_text(json.dumps(json.loads(_SEED_LINE.read_text())) + "\n")
    env = {**os.environ, "PYTHONPATH": str(plugin), "OPENAI_API_KEY": "sk-test-S3CRET9"}
    args = command.format(results=results).split()
    result = subprocess.run([sys.executable, "-m", "extractor", *args], capture_output=True,
                            text=True, env=env, timeout=120)  # fmt: skip
    assert "Traceback" not in result.stderr and "S3CRET9" not in result.stderr + result.stdout
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    if args[0] == "view":  # a page needs no plugin: shown, with a warning naming the broken one
        assert result.returncode == 0, result.stderr
        lines = [line for line in lines if "plugin" in line]
        assert "warning" in lines[0]
    else:
        assert result.returncode == 2, result.stderr
    [line] = lines
    assert "plugin 'boom'" in line and "failed to load" in line


def _broken_plugin(
    tmp_path: Path, body: str = 'raise RuntimeError("exploded sk-test-S3CRET9")\n'
) -> Path:
    """A folder for PYTHONPATH holding a record-type plugin whose import raises."""
    plugin = tmp_path / "plug"
    (plugin / "badplug-0.1.dist-info").mkdir(parents=True)
    (plugin / "badplug-0.1.dist-info" / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: badplug\nVersion: 0.1\n"
    )
    (plugin / "badplug-0.1.dist-info" / "entry_points.txt").write_text(
        "[extractor.record_types]\nboom = badplug.boom:Boom\n"
    )
    (plugin / "badplug").mkdir()
    (plugin / "badplug" / "__init__.py").write_text("")
    (plugin / "badplug" / "boom.py").write_text(body)
    return plugin


@pytest.mark.parametrize("body", ["import sys\nsys.exit(3)\n", "raise SystemExit\n"])
def test_a_plugin_that_exits_while_loading_is_one_line_not_a_silent_end(
    tmp_path: Path, body: str
) -> None:
    """A plugin calling sys.exit() while loading ended every command, bulk with exit 0 and
    nothing done: it is a plugin that failed to load, said in one line, exit 2."""
    import subprocess
    import sys

    env = {**os.environ, "PYTHONPATH": str(_broken_plugin(tmp_path, body))}
    result = subprocess.run([sys.executable, "-m", "extractor", "types"], capture_output=True,
                            text=True, env=env, timeout=120)  # fmt: skip
    assert result.returncode == 2, result.stderr
    [line] = [line for line in result.stderr.splitlines() if line.strip()]
    assert "plugin 'boom'" in line and "sys.exit" in line, line


def test_a_plugin_that_failed_to_load_fails_every_later_use_too(tmp_path: Path) -> None:
    """In Python the first use raised the plugin's error and a second went on without it
    (and without every plugin after it), no word said: each use raises it again."""
    import subprocess
    import sys

    script = (
        "from extractor import Extractor\n"
        "from extractor.types.registry import registered_types\n"
        "for use in (registered_types, registered_types, lambda: Extractor(model='x/y')):\n"
        "    try:\n"
        "        use()\n"
        "        print('used')\n"
        "    except Exception as error:\n"
        "        print(type(error).__name__, 'boom' in str(error))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(_broken_plugin(tmp_path))}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          env=env, timeout=120)  # fmt: skip
    assert done.stdout.splitlines() == ["ConfigurationError True"] * 3, done.stdout + done.stderr


def _resolves_as_unknown(host: str) -> bool:
    import socket

    try:
        socket.getaddrinfo(host, 80)
    except socket.gaierror as error:
        return error.errno == socket.EAI_NONAME
    return False


@settings(
    max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    command=st.sampled_from(["extract", "bulk"]),
    name=st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=3, max_size=10),
    via=st.sampled_from(["--base-url", "proxy"]),
)
def test_a_host_name_nobody_knows_is_one_line_at_once(
    command: str, name: str, via: str, tmp_path: Path, answering: FakeOpenAI
) -> None:
    """``--base-url http://locahost:8000/v1`` (a typo) was 36 s of retries and "Connection
    error", 16 error lines in bulk: a host name no resolver knows, the server's or the
    proxy's, is one line saying so, before any request (exit 2)."""
    host = f"{name}.invalid"  # RFC 2606: never resolves
    if not _resolves_as_unknown(host):
        pytest.skip("this machine's resolver does not answer 'unknown' for .invalid")
    folder = Path(tempfile.mkdtemp(dir=tmp_path))
    article = folder / "a.txt"
    article.write_text("Leaders of France and Japan met in Paris on Tuesday.\n")
    if via == "proxy":
        env = {"HTTP_PROXY": f"http://{host}:3128", "EXTRACTOR_BASE_URL": answering.base_url}
    else:
        env = {"EXTRACTOR_BASE_URL": f"http://{host}:8000/v1"}
    env |= {"EXTRACTOR_MODEL": "openai/fake-model", "NO_PROXY": ""}
    args = [command, str(article), "-o", str(folder / "out.jsonl"), "--strategy", "single"]
    before = len(answering.log)
    result = runner.invoke(app, args, env=env)
    assert result.exit_code == 2, result.output
    [line] = [line for line in result.stderr.splitlines() if "error:" in line]
    assert "is not known" in line and host in line.replace("'", "") + (env.get("HTTP_PROXY") or "")
    assert len(answering.log) == before
    assert not (folder / "out.jsonl").exists() or not (folder / "out.jsonl").read_text()


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(name=st.text(st.characters(blacklist_characters="/\x00", blacklist_categories=["Cs"]),
                    min_size=1, max_size=12).filter(lambda n: n not in (".", "..")))  # fmt: skip
def test_an_input_is_named_once_in_its_error_whatever_its_name(name: str, tmp_path: Path) -> None:
    """A name holding a newline or a tab is printed on one line: it was named twice, once
    as given and once as the printable message holds it."""
    folder = Path(tempfile.mkdtemp(dir=tmp_path))
    article = folder / f"{name}.txt"
    article.write_bytes(b"")
    result = runner.invoke(app, ["extract", str(article), "--model", "openai/fake",
                                 "--base-url", "http://127.0.0.1:9/v1"],
                           env={"OPENAI_API_KEY": "k"})  # fmt: skip
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert result.exit_code == 2 and len(lines) == 1, result.output
    assert lines[0].count("empty") == 1 and lines[0].count(folder.name) == 1, lines
