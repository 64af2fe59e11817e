"""llama.cpp's own server, ``llama-server``, built from the sources we already depend on.

Why a second server: ``python -m llama_cpp.server`` answers one request at a
time, so a bulk run with ``-j 8`` is no faster than ``-j 1``. ``llama-server``
decodes the requests of several *slots* together (continuous batching:
generation is memory-bound on a CPU, so four sequences cost little more than
one), keeps each slot's evaluated prompt and reuses its longest common prefix
with the next request (so the codebook rules that open every prompt are
evaluated once per slot, not once per document), and saves prompt states to a
RAM cache when a slot moves on.

Where it comes from: the ``llama-cpp-python`` sdist vendors the exact llama.cpp
that the ``[local]`` extra builds, so :func:`build` downloads that sdist with
pip (the same client, mirrors and ``EXTRACTOR_WHEELHOUSE`` as the weights),
and builds only the ``llama-server`` target with CMake. None of the package's
own build code runs, the web UI is left out (its build would fetch assets from
a hub), and the binary is statically linked against llama.cpp, so it keeps
working when the Python package is upgraded. llama.cpp is MIT-licensed.

Layout under the data directory::

    bin/llama-server        the binary (renamed into place only once built)
    bin/llama-server.json   what it was built from, and how
    build/                  sources and objects while building; removed after

``EXTRACTOR_LOCAL_SERVER`` overrides the choice: a path (or a command on
``PATH``) to another ``llama-server``, or ``python`` for ``llama_cpp.server``.
"""

from __future__ import annotations

import contextlib
import importlib.metadata
import json
import os
import re
import shlex
import shutil
import subprocess
import tarfile
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from extractor.errors import LocalModelError
from extractor.runtime.local import weights
from extractor.settings import settings

__all__ = [
    "BINARY",
    "PYTHON_SERVER",
    "Built",
    "binary_path",
    "build",
    "built_info",
    "find",
    "server_arguments",
    "states_dir",
]

BINARY = "llama-server"
SOURCE_PACKAGE = "llama-cpp-python"
#: ``EXTRACTOR_LOCAL_SERVER`` value that asks for ``python -m llama_cpp.server``.
PYTHON_SERVER = "python"

#: CMake options for a server-only build that never touches the network.
_CMAKE_OPTIONS = (
    "-DCMAKE_BUILD_TYPE=Release",
    "-DBUILD_SHARED_LIBS=OFF",  # one self-contained binary
    "-DLLAMA_BUILD_SERVER=ON",
    "-DLLAMA_BUILD_TOOLS=ON",
    "-DLLAMA_BUILD_TESTS=OFF",
    "-DLLAMA_BUILD_EXAMPLES=OFF",
    "-DLLAMA_BUILD_UI=OFF",  # npm build of the web UI
    "-DLLAMA_USE_PREBUILT_UI=OFF",  # or a download of it from a model hub
    "-DLLAMA_OPENSSL=OFF",  # it only ever listens on 127.0.0.1 over plain HTTP
)

#: One change to llama.cpp's sources before building: the whitespace its JSON-schema
#: grammar allows between tokens is narrowed to one optional space, as in
#: llama-cpp-python's own converter (what ``llama_cpp.server`` enforces). With
#: llama.cpp's rule (newlines and up to 20 spaces or tabs) the 1.5B model pretty-prints
#: some answers, which more than doubles the tokens it generates for them.
_GRAMMAR_FILE = "common/json-schema-to-grammar.cpp"
_SPACE_RULE = re.compile(r'^const std::string SPACE_RULE = ".*";$', re.MULTILINE)
_COMPACT_SPACE_RULE = 'const std::string SPACE_RULE = "\\" \\"?";'
PATCHES = ("compact-json-whitespace",)

LogCallback = Callable[[str], None]
"""Receives one line of build progress at a time."""


@dataclass(frozen=True)
class Built:
    """What an installed ``llama-server`` was built from (``bin/llama-server.json``)."""

    path: Path
    source: str
    cmake_args: tuple[str, ...]
    seconds: float
    patches: tuple[str, ...] = ()


def states_dir(data_dir: Path | str | None = None) -> Path:
    """Where evaluated prompt prefixes are saved (:meth:`LocalServer.prime`)."""
    return weights.data_dir(data_dir) / "prompt-states"


def binary_path(data_dir: Path | str | None = None) -> Path:
    """Where :func:`build` puts the binary (it may not exist yet)."""
    return weights.data_dir(data_dir) / "bin" / BINARY


def built_info(data_dir: Path | str | None = None) -> Built | None:
    """The installed binary and its build record, or ``None`` if there is none."""
    path = binary_path(data_dir)
    if not _executable(path):
        return None
    try:
        raw = json.loads(path.with_name(BINARY + ".json").read_text("utf-8"))
        return Built(path, str(raw["source"]), tuple(raw["cmake_args"]), float(raw["seconds"]),
                     tuple(raw.get("patches", ())))  # fmt: skip
    except (OSError, ValueError, KeyError, TypeError):
        return Built(path, "unknown", (), 0.0)


def find(data_dir: Path | str | None = None) -> Path | None:
    """The ``llama-server`` to run, or ``None`` to run ``llama_cpp.server`` instead.

    ``EXTRACTOR_LOCAL_SERVER`` wins: ``python`` picks ``llama_cpp.server``,
    anything else must name an executable (a path, or a command on ``PATH``).
    Otherwise the one :func:`build` installed, if any.
    """
    choice = settings().local_server
    if choice:
        if choice.lower() == PYTHON_SERVER:
            return None
        path = Path(choice).expanduser()
        if _executable(path):
            return path
        found = shutil.which(choice)
        if found:
            return Path(found)
        raise LocalModelError(
            f"EXTRACTOR_LOCAL_SERVER={choice!r} is not an executable llama-server: give its "
            f"path, or '{PYTHON_SERVER}' for llama_cpp.server, or unset it to use the one "
            "`extractor model install` builds"
        )
    path = binary_path(data_dir)
    return path if _executable(path) else None


def server_arguments(
    *,
    model: Path,
    threads: int,
    n_ctx: int,
    slots: int,
    cache_mib: int,
    states: Path,
) -> list[str]:
    """``llama-server``'s options for one model (``{alias}``, ``{host}``, ``{port}`` filled later).

    Each slot gets the whole ``n_ctx`` (the context is split between slots, so
    it is multiplied here). The RAM prompt cache is capped at ``cache_mib``
    (llama.cpp's default is 8 GiB). ``states`` is where slots are saved and
    restored (:meth:`LocalServer.prime`). Sampling stays whatever each request asks.
    """
    return [
        "--model", str(model),
        "--alias", "{alias}",
        "--host", "{host}",
        "--port", "{port}",
        "--ctx-size", str(n_ctx * slots),
        "--parallel", str(slots),
        "--cont-batching",
        "--threads", str(threads),
        "--threads-batch", str(threads),
        "--cache-ram", str(cache_mib),
        "--slot-save-path", str(states),
        "--no-webui",
    ]  # fmt: skip


def build(
    data_dir: Path | str | None = None,
    *,
    jobs: int | None = None,
    log: LogCallback | None = None,
    force: bool = False,
    downloader: weights.Downloader | None = None,
) -> Built:
    """Build ``llama-server`` from the installed llama-cpp-python's sdist; return it.

    A no-op when a binary built from the same source version is installed
    (``force`` rebuilds). ``CMAKE_ARGS`` from the environment is passed on, as
    llama-cpp-python's own build does (``-DGGML_NATIVE=OFF`` for a binary that
    runs on other CPUs than this one); ``CMAKE_BUILD_PARALLEL_LEVEL`` or
    ``jobs`` sets the parallel compile jobs. Raises :class:`LocalModelError`
    with what to do when CMake or a compiler is missing or the build fails;
    the log's tail is quoted.
    """
    say = log or (lambda line: None)
    version = _source_version()
    source = f"{SOURCE_PACKAGE}=={version}"
    target = binary_path(data_dir)
    current = built_info(data_dir)
    if current is not None and (current.source, current.patches) == (source, PATCHES) and not force:
        return current
    cmake = shutil.which("cmake")
    if cmake is None:
        raise LocalModelError(
            "building llama-server needs CMake and a C++ compiler: install them "
            "(e.g. `pip install cmake` or your system's cmake and g++) and run "
            "`extractor model install` again"
        )
    env = settings()
    cmake_args = tuple(shlex.split(env.cmake_args or ""))
    parallel = jobs or _positive(env.cmake_jobs) or usable_cpus()
    fetch = downloader or _download_sources
    root = weights.data_dir(data_dir)
    root.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    with weights.install_lock(root / "bin" / f".{BINARY}.lock"):
        work = Path(tempfile.mkdtemp(prefix="build-", dir=_build_dir(root)))
        try:
            say(f"downloading the {source} sources")
            fetch(source, work)
            sources = _unpack(work, version)
            patches = _patch(sources, say)
            build_dir = work / "build"
            log_path = work / "cmake.log"
            generator = ["-G", "Ninja"] if shutil.which("ninja") else []
            say(f"configuring llama.cpp ({' '.join(cmake_args) or 'default CMAKE_ARGS'})")
            _run(
                [cmake, "-S", str(sources), "-B", str(build_dir), *generator,
                 *_CMAKE_OPTIONS, *cmake_args],
                log_path,
            )  # fmt: skip
            say(f"compiling llama-server with {parallel} job(s); a few minutes")
            _run(
                [cmake, "--build", str(build_dir), "--target", BINARY,
                 "--parallel", str(parallel)],
                log_path,
            )  # fmt: skip
            produced = build_dir / "bin" / BINARY
            if not _executable(produced):
                raise LocalModelError(f"the build finished without {produced}; log {log_path}")
            target.parent.mkdir(parents=True, exist_ok=True)
            partial = target.with_name(BINARY + ".partial")
            shutil.copy2(produced, partial)
            partial.chmod(0o755)
            os.replace(partial, target)
            seconds = round(time.monotonic() - started, 1)
            record = {"source": source, "cmake_args": list(cmake_args), "seconds": seconds,
                      "patches": list(patches)}  # fmt: skip
            target.with_name(BINARY + ".json").write_text(json.dumps(record), "utf-8")
        except BaseException:
            # keep the log of a failed build for the error message, drop the rest
            _keep_log(work)
            raise
        shutil.rmtree(work, ignore_errors=True)
    say(f"built {target} in {seconds:.0f} s")
    return Built(target, source, cmake_args, seconds, patches)


# -- internals -----------------------------------------------------------------


def _source_version() -> str:
    try:
        return importlib.metadata.version(SOURCE_PACKAGE)
    except importlib.metadata.PackageNotFoundError:
        raise LocalModelError(
            "llama-server is built from the same llama.cpp as the local runtime, which is "
            "not installed: pip install 'extractor[local]'"
        ) from None


def _download_sources(requirement: str, dest: Path) -> None:
    weights.pip_download(requirement, dest, source=True)


def _build_dir(root: Path) -> Path:
    path = root / "build"
    path.mkdir(parents=True, exist_ok=True)
    return path


def _unpack(work: Path, version: str) -> Path:
    """Unpack the sdist safely (no links out, no special files); return llama.cpp's root."""
    archives = sorted(work.glob("*.tar.gz"))
    if not archives:
        raise LocalModelError(f"pip downloaded no sdist of {SOURCE_PACKAGE}=={version}")
    try:
        with tarfile.open(archives[0]) as tar:
            tar.extractall(work / "src", filter="data")
    except (tarfile.TarError, OSError) as exc:
        raise LocalModelError(f"could not unpack the sdist {archives[0].name}: {exc}") from None
    found = sorted((work / "src").glob("*/vendor/llama.cpp/CMakeLists.txt"))
    if not found:
        raise LocalModelError(f"the {SOURCE_PACKAGE} {version} sdist has no vendor/llama.cpp")
    return found[0].parent


def _patch(sources: Path, say: LogCallback) -> tuple[str, ...]:
    """Apply :data:`PATCHES`; a source that no longer has the line is built as it is."""
    path = sources / _GRAMMAR_FILE
    try:
        text = path.read_text("utf-8")
    except OSError:
        text = ""
    patched, count = _SPACE_RULE.subn(_COMPACT_SPACE_RULE, text)
    if count != 1:
        say("note: llama.cpp's JSON whitespace rule was not found; building it unchanged")
        return ()
    path.write_text(patched, "utf-8")
    return PATCHES


def _run(cmd: Sequence[str], log_path: Path) -> None:
    with log_path.open("ab") as log:
        log.write(("$ " + shlex.join(cmd) + "\n").encode())
        log.flush()
        proc = subprocess.run(cmd, stdout=log, stderr=subprocess.STDOUT, check=False)
    if proc.returncode != 0:
        tail = "\n".join(log_path.read_text("utf-8", "replace").strip().splitlines()[-15:])
        raise LocalModelError(
            f"building llama-server failed ({Path(cmd[0]).name} exit code {proc.returncode}); "
            f"the local model still runs on llama_cpp.server. Log {log_path}:\n{tail}"
        )


def _keep_log(work: Path) -> None:
    with contextlib.suppress(OSError):
        for entry in work.iterdir():
            if entry.name != "cmake.log":
                if entry.is_dir():
                    shutil.rmtree(entry, ignore_errors=True)
                else:
                    entry.unlink()


def _executable(path: Path) -> bool:
    return path.is_file() and os.access(path, os.X_OK)


def _positive(raw: str | None) -> int | None:
    try:
        value = int(raw or "")
    except ValueError:
        return None
    return value if value > 0 else None


def usable_cpus() -> int:
    """The CPUs this process may run on (cgroups/taskset aware), not every CPU of the host."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)  # pragma: no cover - non-Linux
