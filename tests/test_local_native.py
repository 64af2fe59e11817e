"""llama-server: where it is found, how it is built, what it is started with.

The build is exercised for real (CMake and the C compiler) on a tiny sdist
whose ``vendor/llama.cpp`` is a one-file C project with a ``llama-server``
target, so that the download, unpack, configure, compile, install and
failure paths all run; the real llama.cpp build takes minutes and runs in
``extractor model install`` (CI's live step).
"""

from __future__ import annotations

import io
import json
import os
import shutil
import stat
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

from extractor.errors import LocalModelError
from extractor.runtime.local import native
from extractor.runtime.local import server as server_mod
from extractor.runtime.local.server import LocalServer

needs_cmake = pytest.mark.skipif(
    shutil.which("cmake") is None or shutil.which("cc") is None,
    reason="needs cmake and a C compiler",
)

MAIN_C = '#include <stdio.h>\nint main(void) { puts("fake llama-server"); return 0; }\n'
GOOD_CMAKE = """cmake_minimum_required(VERSION 3.16)
project(fake C)
set(CMAKE_RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/bin)
add_executable(llama-server main.c)
"""


# the line of llama.cpp's sources that the build narrows (native.PATCHES)
GRAMMAR_CPP = r'const std::string SPACE_RULE = "| \" \" | \"\\n\"{1,2} [ \\t]{0,20}";' + "\n"


def _sdist(
    dest: Path, version: str, cmake: str = GOOD_CMAKE, extra: tarfile.TarInfo | None = None
) -> None:
    """Write ``llama_cpp_python-<version>.tar.gz`` with a fake vendored llama.cpp."""
    root = f"llama_cpp_python-{version}/vendor/llama.cpp"
    dest.mkdir(parents=True, exist_ok=True)
    with tarfile.open(dest / f"llama_cpp_python-{version}.tar.gz", "w:gz") as tar:
        files = (("CMakeLists.txt", cmake), ("main.c", MAIN_C),
                 ("common/json-schema-to-grammar.cpp", GRAMMAR_CPP))  # fmt: skip
        for name, text in files:
            data = text.encode()
            info = tarfile.TarInfo(f"{root}/{name}")
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
        if extra is not None:
            tar.addfile(extra, io.BytesIO(b"x" * extra.size))


@pytest.fixture
def fake_version(monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setattr(native.importlib.metadata, "version", lambda name: "9.9.9")
    monkeypatch.delenv("EXTRACTOR_LOCAL_SERVER", raising=False)
    monkeypatch.setenv("CMAKE_ARGS", "-DFAKE_OPTION=1")
    return "9.9.9"


def _downloader(calls: list[str], **kwargs: object):  # type: ignore[no-untyped-def]
    def fetch(requirement: str, dest: Path) -> None:
        calls.append(requirement)
        _sdist(dest, requirement.split("==")[1], **kwargs)  # type: ignore[arg-type]

    return fetch


@needs_cmake
def test_build_installs_a_working_binary_once(tmp_path: Path, fake_version: str) -> None:
    calls: list[str] = []
    lines: list[str] = []
    built = native.build(tmp_path, jobs=1, log=lines.append, downloader=_downloader(calls))
    assert calls == ["llama-cpp-python==9.9.9"]  # the sources of the installed runtime
    assert built.path == native.binary_path(tmp_path) == tmp_path / "bin" / "llama-server"
    assert (
        subprocess.run([built.path], capture_output=True, text=True).stdout == "fake llama-server\n"
    )
    assert built.source == "llama-cpp-python==9.9.9" and built.cmake_args == ("-DFAKE_OPTION=1",)
    assert built.patches == native.PATCHES
    assert native.built_info(tmp_path) == built
    assert not list((tmp_path / "build").iterdir())  # sources and objects removed
    assert native.find(tmp_path) == built.path
    assert any("compiling" in line for line in lines)

    # same source: nothing downloaded or built again; force rebuilds
    assert native.build(tmp_path, downloader=_downloader(calls)) == built
    assert len(calls) == 1
    native.build(tmp_path, jobs=1, force=True, downloader=_downloader(calls))
    assert len(calls) == 2


@needs_cmake
def test_a_failed_build_keeps_the_installed_binary_and_quotes_the_log(
    tmp_path: Path, fake_version: str
) -> None:
    native.build(tmp_path, jobs=1, downloader=_downloader([]))
    before = native.binary_path(tmp_path).read_bytes()
    broken = GOOD_CMAKE.replace("main.c", "missing.c")
    with pytest.raises(
        LocalModelError, match=r"building llama-server failed.*llama_cpp\.server"
    ) as info:
        native.build(tmp_path, jobs=1, force=True, downloader=_downloader([], cmake=broken))
    assert "missing.c" in str(info.value)  # the log's tail says what went wrong
    assert native.binary_path(tmp_path).read_bytes() == before
    assert not (tmp_path / "bin" / "llama-server.partial").exists()


def test_the_grammar_whitespace_patch(tmp_path: Path) -> None:
    source = tmp_path / "common" / "json-schema-to-grammar.cpp"
    source.parent.mkdir()
    source.write_text("// before\n" + GRAMMAR_CPP + "// after\n")
    lines: list[str] = []
    assert native._patch(tmp_path, lines.append) == native.PATCHES
    assert source.read_text() == '// before\nconst std::string SPACE_RULE = "\\" \\"?";\n// after\n'
    assert native._patch(tmp_path, lines.append) == native.PATCHES  # idempotent
    assert not lines
    source.write_text("// a later llama.cpp without the line\n")
    assert native._patch(tmp_path, lines.append) == ()  # built as it is, and said
    assert lines and "unchanged" in lines[0]


def test_a_hostile_sdist_is_refused(tmp_path: Path, fake_version: str) -> None:
    escape = tarfile.TarInfo("../../escaped.txt")
    escape.size = 3
    with pytest.raises(LocalModelError, match="sdist"):
        native.build(tmp_path, downloader=_downloader([], extra=escape))
    assert not (tmp_path.parent / "escaped.txt").exists()
    assert native.built_info(tmp_path) is None


def test_missing_cmake_or_runtime_say_what_to_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fake_version: str
) -> None:
    monkeypatch.setattr(native.shutil, "which", lambda name: None)
    with pytest.raises(LocalModelError, match="needs CMake and a C\\+\\+ compiler"):
        native.build(tmp_path, downloader=_downloader([]))

    def missing(name: str) -> str:
        raise native.importlib.metadata.PackageNotFoundError(name)

    monkeypatch.setattr(native.importlib.metadata, "version", missing)
    with pytest.raises(LocalModelError, match=r"pip install 'extractor\[local\]'"):
        native.build(tmp_path)


def _executable(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("#!/bin/sh\nexit 0\n")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return path


def test_find_follows_the_environment_then_the_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("EXTRACTOR_LOCAL_SERVER", raising=False)
    assert native.find(tmp_path) is None  # nothing built: llama_cpp.server
    built = _executable(native.binary_path(tmp_path))
    assert native.find(tmp_path) == built
    assert native.built_info(tmp_path) is not None  # no record: still usable, source unknown

    other = _executable(tmp_path / "elsewhere" / "my-llama-server")
    monkeypatch.setenv("EXTRACTOR_LOCAL_SERVER", str(other))
    assert native.find(tmp_path) == other
    monkeypatch.setenv("EXTRACTOR_LOCAL_SERVER", "PYTHON")
    assert native.find(tmp_path) is None
    monkeypatch.setenv("PATH", f"{other.parent}{os.pathsep}{os.environ.get('PATH', '')}")
    monkeypatch.setenv("EXTRACTOR_LOCAL_SERVER", "my-llama-server")
    assert native.find(tmp_path) == other
    for bad in (str(tmp_path / "nope"), str(tmp_path)):
        monkeypatch.setenv("EXTRACTOR_LOCAL_SERVER", bad)
        with pytest.raises(LocalModelError, match="EXTRACTOR_LOCAL_SERVER="):
            native.find(tmp_path)


def _options(args: list[str]) -> dict[str, str]:
    """``--name value`` pairs; a flag with no value maps to ``""``."""
    options: dict[str, str] = {}
    for i, arg in enumerate(args):
        if arg.startswith("--"):
            value = args[i + 1] if i + 1 < len(args) else ""
            options[arg] = "" if value.startswith("--") else value
    return options


def test_local_server_runs_llama_server_with_slots_when_built(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("EXTRACTOR_LOCAL_SERVER", raising=False)
    monkeypatch.delenv("EXTRACTOR_LOCAL_SLOTS", raising=False)
    model = tmp_path / "m.gguf"
    model.write_bytes(b"GGUF")
    binary = _executable(native.binary_path(tmp_path))
    srv = LocalServer("0.5b", model=model, threads=2, n_ctx=4096, slots=3, data_dir=tmp_path)
    cmd = srv._llama_command()
    assert cmd[0] == str(binary) and srv.native and srv.slots == 3
    options = _options(cmd[1:])
    assert options["--ctx-size"] == str(4096 * 3)  # every slot gets the whole window
    assert options["--parallel"] == "3" and options["--threads"] == "2"
    assert options["--host"] == "{host}" and options["--alias"] == "{alias}"
    assert int(options["--cache-ram"]) <= 4096  # not llama.cpp's 8 GiB default
    assert "--no-webui" in options and "--cont-batching" in options

    monkeypatch.setenv("EXTRACTOR_LOCAL_SERVER", "python")
    monkeypatch.setattr(server_mod.importlib.util, "find_spec", lambda name: object())
    python = LocalServer("0.5b", model=model, slots=3, data_dir=tmp_path)
    assert python._llama_command()[:3] == [sys.executable, "-m", "llama_cpp.server"]
    assert not python.native and python.slots == 1


def test_slots_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EXTRACTOR_LOCAL_SLOTS", "6")
    assert server_mod.LocalSettings.resolve().slots == 6
    for bad in ("0", "many"):
        monkeypatch.setenv("EXTRACTOR_LOCAL_SLOTS", bad)
        with pytest.raises(LocalModelError, match="EXTRACTOR_LOCAL_SLOTS"):
            server_mod.LocalSettings.resolve()


@pytest.mark.parametrize(
    "name", ["LLAMA_ARG_HOST", "LLAMA_ARG_PORT", "llama_arg_n_parallel", "LLAMA_API_KEY", "API_KEY"]
)
def test_variables_either_server_reads_are_not_passed_on(name: str) -> None:
    assert server_mod._server_setting(name)


@pytest.mark.parametrize("name", ["PATH", "HOME", "EXTRACTOR_LOCAL_SLOTS", "MYLLAMA_X"])
def test_other_variables_are_passed_on(name: str) -> None:
    assert not server_mod._server_setting(name)


def test_build_record_is_json_with_the_source(tmp_path: Path) -> None:
    binary = _executable(native.binary_path(tmp_path))
    record = {"source": "llama-cpp-python==1.2.3", "cmake_args": ["-DX=1"], "seconds": 12.5}
    binary.with_name("llama-server.json").write_text(json.dumps(record))
    info = native.built_info(tmp_path)
    assert info is not None and info.source == "llama-cpp-python==1.2.3" and info.seconds == 12.5


# -- extractor model install / status -------------------------------------------


def _cli(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, build):  # type: ignore[no-untyped-def]
    from typer.testing import CliRunner

    from extractor.cli import app
    from extractor.runtime.local import weights

    monkeypatch.setenv("EXTRACTOR_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("EXTRACTOR_LOCAL_SERVER", raising=False)
    model = tmp_path / "models" / "m.gguf"
    monkeypatch.setattr(weights, "install", lambda size, **kw: model)
    calls: list[bool] = []

    def fake_build(*, force: bool = False, log=None):  # type: ignore[no-untyped-def]
        calls.append(force)
        return build()

    monkeypatch.setattr(native, "build", fake_build)
    from extractor.cli import model_cmd

    monkeypatch.setattr(model_cmd, "_prime_codebook", lambda spec, console: calls.append(None))  # type: ignore[arg-type]
    return CliRunner(), app, calls


def test_install_builds_the_server_and_a_failed_build_is_only_a_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def ok() -> native.Built:
        return native.Built(
            _executable(native.binary_path(tmp_path)), "llama-cpp-python==1", (), 1.0
        )

    runner, app, calls = _cli(monkeypatch, tmp_path, ok)
    result = runner.invoke(app, ["model", "install"])
    assert result.exit_code == 0, result.output
    assert calls == [False, None] and "llama-server ready" in result.stderr  # built, then primed
    assert runner.invoke(app, ["model", "install", "--no-server"]).exit_code == 0
    assert calls == [False, None]  # --no-server: no build
    assert runner.invoke(app, ["model", "install", "--rebuild-server"]).exit_code == 0
    assert calls == [False, None, True, None]
    status = runner.invoke(app, ["model", "status"])
    assert "server: llama-server" in status.stdout

    def broken() -> native.Built:
        raise LocalModelError("building llama-server failed (cmake exit code 1)")

    runner, app, calls = _cli(monkeypatch, tmp_path / "other", broken)
    result = runner.invoke(app, ["model", "install"])
    assert result.exit_code == 0  # the model is installed and usable on llama_cpp.server
    assert "warning: building llama-server failed" in result.stderr
    assert "llama_cpp.server" in result.stderr and calls == [False]  # not primed
    status = runner.invoke(app, ["model", "status"])
    assert "server: llama_cpp.server" in status.stdout


# -- priming: the run's codebook evaluated once per machine ----------------------------

FAKE_LLAMA_SERVER = '''#!{python}
"""A stand-in for llama-server: its options, /v1/models, chat completions and slot files."""
import json, sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

args = sys.argv[1:]
opt = {{args[i]: args[i + 1] for i in range(len(args) - 1) if args[i].startswith("--")}}
states, log = Path(opt["--slot-save-path"]), Path({log!r})
slots = int(opt["--parallel"])
last = {{}}

class Handler(BaseHTTPRequestHandler):
    def _send(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        self._send(200, {{"data": [{{"id": opt["--alias"]}}]}})

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        with log.open("a") as fh:
            fh.write(json.dumps({{"path": self.path, "body": body}}) + "\\n")
        if {broken} and self.path.startswith("/slots"):
            return self._send(501, {{"error": "slot saving is disabled"}})
        if self.path == "/v1/chat/completions":
            last[body.get("id_slot", 0)] = body["messages"]
            return self._send(200, {{"choices": [{{"message": {{"content": "x"}}}}]}})
        slot, action = int(self.path.split("/")[2].split("?")[0]), self.path.rsplit("=", 1)[1]
        target = states / body["filename"]
        if slot >= slots:
            return self._send(400, {{"error": "Invalid slot ID"}})
        if action == "save":
            target.write_text(json.dumps(last[slot]))
            return self._send(200, {{"id_slot": slot}})
        if not target.is_file():
            return self._send(400, {{"error": "file not found"}})
        return self._send(200, {{"id_slot": slot}})

    def log_message(self, *a):
        pass

ThreadingHTTPServer((opt["--host"], int(opt["--port"])), Handler).serve_forever()
'''


def _fake_llama(tmp_path: Path, *, broken: bool = False) -> Path:
    log = tmp_path / "requests.jsonl"
    binary = native.binary_path(tmp_path)
    binary.parent.mkdir(parents=True, exist_ok=True)
    binary.write_text(FAKE_LLAMA_SERVER.format(python=sys.executable, log=str(log), broken=broken))
    binary.chmod(0o755)
    return log


def _requests(log: Path) -> list[tuple[str, dict[str, object]]]:
    if not log.is_file():
        return []
    rows = [json.loads(line) for line in log.read_text().splitlines()]
    log.unlink()
    return [(row["path"], row["body"]) for row in rows]


def test_prime_evaluates_the_codebook_once_per_machine_and_restores_it_in_every_slot(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("EXTRACTOR_LOCAL_SERVER", raising=False)
    log = _fake_llama(tmp_path)
    model = tmp_path / "m.gguf"
    model.write_bytes(b"GGUF")
    codebook = [{"role": "system", "content": "rules and guidance"}]
    with LocalServer("0.5b", model=model, slots=3, data_dir=tmp_path) as first:
        assert first.native
        assert first.prime(codebook)
        sent = _requests(log)
        assert [path for path, _ in sent] == [
            "/v1/chat/completions", "/slots/0?action=save",
            "/slots/0?action=restore", "/slots/1?action=restore", "/slots/2?action=restore",
        ]  # fmt: skip
        assert sent[0][1]["messages"] == codebook and sent[0][1]["id_slot"] == 0
        saved = {body["filename"] for _, body in sent[1:]}
        assert len(saved) == 1 and (native.states_dir(tmp_path) / saved.pop()).is_file()
        assert first.prime(codebook) and not _requests(log)  # once per server
    with LocalServer("0.5b", model=model, slots=2, data_dir=tmp_path) as second:
        assert second.prime(codebook)  # a later start: restored, not evaluated
        assert [path for path, _ in _requests(log)] == [
            "/slots/0?action=restore",
            "/slots/1?action=restore",
        ]
        other = [{"role": "system", "content": "another run's types"}]
        assert second.prime(other)
        assert [path for path, _ in _requests(log)][:2] == [
            "/v1/chat/completions",
            "/slots/0?action=save",
        ]
    assert len(list(native.states_dir(tmp_path).glob("*.bin"))) == 2


def test_a_server_that_cannot_save_slots_only_loses_the_speed_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("EXTRACTOR_LOCAL_SERVER", raising=False)
    _fake_llama(tmp_path, broken=True)
    model = tmp_path / "m.gguf"
    model.write_bytes(b"GGUF")
    with LocalServer("0.5b", model=model, slots=2, data_dir=tmp_path) as srv:
        assert srv.prime([{"role": "system", "content": "rules"}]) is False
        assert srv.running
    monkeypatch.setenv("EXTRACTOR_LOCAL_SERVER", "python")
    python = LocalServer("0.5b", model=model, data_dir=tmp_path)
    assert (
        python.prime([{"role": "system", "content": "rules"}]) is False
    )  # not native, not started


def test_saved_states_are_pruned_oldest_first(tmp_path: Path) -> None:
    for i in range(12):
        state = tmp_path / f"{i:02d}.bin"
        state.write_bytes(b"x")
        os.utime(state, (1_000_000 + i, 1_000_000 + i))
    server_mod._prune(tmp_path, keep=8)
    assert sorted(p.name for p in tmp_path.glob("*.bin")) == [f"{i:02d}.bin" for i in range(4, 12)]


def test_documents_at_once_is_one_per_slot_of_llama_server_and_one_otherwise(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from extractor import Extractor

    monkeypatch.setenv("EXTRACTOR_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("EXTRACTOR_LOCAL_SERVER", raising=False)
    monkeypatch.setenv("EXTRACTOR_LOCAL_SLOTS", "3")
    assert server_mod.documents_at_once() == 1  # llama_cpp.server: one request at a time
    _executable(native.binary_path(tmp_path))
    assert server_mod.documents_at_once() == 3
    monkeypatch.setenv("EXTRACTOR_LOCAL_SERVER", "python")
    assert server_mod.documents_at_once() == 1
    monkeypatch.delenv("EXTRACTOR_LOCAL_SERVER")
    assert Extractor("local").documents_at_once == 3  # the server is not started to know
    assert Extractor("openai/m", base_url="http://127.0.0.1:9/v1").documents_at_once is None


@pytest.mark.parametrize(("cpus", "slots"), [(1, 1), (2, 1), (4, 1), (8, 2), (16, 4)])
def test_default_slots_follow_the_cpus(
    cpus: int, slots: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # measured on two cores: batching four documents did not pay (BENCHMARKS.md)
    monkeypatch.delenv("EXTRACTOR_LOCAL_SLOTS", raising=False)
    monkeypatch.setattr(server_mod, "_default_threads", lambda: cpus)
    assert server_mod.LocalSettings.resolve().slots == slots
