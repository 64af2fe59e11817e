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


def _sdist(
    dest: Path, version: str, cmake: str = GOOD_CMAKE, extra: tarfile.TarInfo | None = None
) -> None:
    """Write ``llama_cpp_python-<version>.tar.gz`` with a fake vendored llama.cpp."""
    root = f"llama_cpp_python-{version}/vendor/llama.cpp"
    dest.mkdir(parents=True, exist_ok=True)
    with tarfile.open(dest / f"llama_cpp_python-{version}.tar.gz", "w:gz") as tar:
        for name, text in (("CMakeLists.txt", cmake), ("main.c", MAIN_C)):
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
