"""Run llama.cpp's OpenAI-compatible server as a child process we fully own.

The extraction code talks to every model through the OpenAI client, so the
embedded model is served the same way, on ``127.0.0.1`` at a free port, and
callers point ``base_url`` at it: llama.cpp's own ``llama-server`` with
parallel slots when ``extractor model install`` has built it (:mod:`.native`),
else ``python -m llama_cpp.server``, which answers one request at a time.
Running it out of process keeps a crash or an out-of-memory kill in llama.cpp
from taking the caller down, and lets one loaded model serve every thread of
a process.

The hard part is never leaving a 1-2 GB server behind. A :class:`LocalServer`

* starts the child in its own session (process group), so terminal Ctrl-C is
  delivered to us, not to it, and we decide how it ends;
* stops the whole group (SIGTERM, then SIGKILL after a grace period) from
  ``stop()``, from ``__exit__`` (including on ``KeyboardInterrupt``), when
  ``start()`` itself fails or is interrupted, and from an ``atexit`` hook;
* starts it through a small guard (``_guard.py``) that stops the group when
  this process dies without running any of the above (SIGTERM, SIGKILL);
* sends output to a log file rather than a pipe nobody reads (a full pipe
  would block the server), and quotes that log when startup fails.

It listens on 127.0.0.1 only; neither server has authentication.
"""

from __future__ import annotations

import atexit
import contextlib
import hashlib
import importlib.util
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Self

from extractor.errors import LocalModelError
from extractor.runtime.local import native, weights
from extractor.settings import settings as environment_settings

__all__ = [
    "HOST",
    "LocalServer",
    "LocalSettings",
    "documents_at_once",
    "shared_server",
    "stop_shared_servers",
]

HOST = "127.0.0.1"
DEFAULT_CTX = 8192


#: Requests llama-server decodes together, by default: one per four usable CPUs. On
#: two cores (BENCHMARKS.md) four slots decoded together made 1.4x the tokens/s of one
#: but documents slower (each waits for the others' prompts), and a bulk run of four
#: documents at once was slower than one at a time; batching pays where generation is
#: memory-bound, with cores to spare. ``EXTRACTOR_LOCAL_SLOTS`` overrides it.
def default_slots() -> int:
    return max(1, _default_threads() // 4)


#: Cap of llama-server's RAM cache of prompt states (its default is 8 GiB).
DEFAULT_CACHE_MIB = 2048
DEFAULT_STARTUP_TIMEOUT = 120.0
DEFAULT_STOP_GRACE = 5.0

RUNTIME_MISSING = (
    "the local runtime is not installed: pip install 'extractor[local]' "
    "(builds llama.cpp from source, about 5 minutes)"
)

# Modules `python -m llama_cpp.server` imports; the ``[server]`` extra provides
# all but the first. Checked with find_spec so that a missing piece is reported
# before a child is spawned, without loading llama.cpp's shared library here.
_RUNTIME_MODULES = ("llama_cpp", "uvicorn", "fastapi", "sse_starlette", "pydantic_settings")

# llama_cpp.server reads its settings from environment variables of the same
# name (pydantic-settings, case-insensitive) for every option not given on the
# command line, and CONFIG_FILE replaces the command line altogether (host
# included). Names as of llama-cpp-python 0.3.36; stripped from the child's
# environment so that an unrelated API_KEY, MODEL or CONFIG_FILE in the
# caller's environment cannot change what we start.
_SERVER_SETTING_NAMES = frozenset(
    (
        "config_file",
        "model",
        "model_alias",
        "n_gpu_layers",
        "split_mode",
        "main_gpu",
        "tensor_split",
        "vocab_only",
        "use_mmap",
        "use_mlock",
        "kv_overrides",
        "rpc_servers",
        "seed",
        "n_ctx",
        "n_batch",
        "n_ubatch",
        "n_threads",
        "n_threads_batch",
        "rope_scaling_type",
        "rope_freq_base",
        "rope_freq_scale",
        "yarn_ext_factor",
        "yarn_attn_factor",
        "yarn_beta_fast",
        "yarn_beta_slow",
        "yarn_orig_ctx",
        "mul_mat_q",
        "logits_all",
        "embedding",
        "offload_kqv",
        "flash_attn",
        "last_n_tokens_size",
        "lora_base",
        "lora_path",
        "numa",
        "chat_format",
        "chat_template_kwargs",
        "clip_model_path",
        "cache",
        "cache_type",
        "cache_size",
        "hf_tokenizer_config_path",
        "hf_pretrained_model_name_or_path",
        "hf_model_repo_id",
        "draft_model",
        "draft_model_num_pred_tokens",
        "type_k",
        "type_v",
        "verbose",
        "host",
        "port",
        "ssl_keyfile",
        "ssl_certfile",
        "api_key",
        "interrupt_requests",
        "disable_ping_events",
        "root_path",
        "models",
    )
)


def _server_setting(name: str) -> bool:
    """True for a variable either server would read as one of its options.

    llama-server reads ``LLAMA_ARG_*`` (and ``LLAMA_API_KEY``, ``LLAMA_CACHE``
    ...) for every option not on its command line, llama_cpp.server the names
    above: neither may change what we start.
    """
    return name.lower() in _SERVER_SETTING_NAMES or name.upper().startswith("LLAMA_")


_LOGS_KEPT = 20  # per-start log files; older ones are pruned at each start
_PORT_ATTEMPTS = 3  # another process may take the probed port before the server binds it


def _positive_int(name: str, raw: str | None, default: int) -> int:
    """``raw``, the text of the variable ``name``, as a whole number >= 1 (``default`` if unset)."""
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise LocalModelError(f"{name}={raw!r} is not an integer") from None
    if value < 1:
        raise LocalModelError(f"{name}={raw!r} must be at least 1")
    return value


def _default_threads() -> int:
    # Oversubscribing the CPUs this process may use makes llama.cpp much slower, not faster.
    return native.usable_cpus()


@dataclass(frozen=True)
class LocalSettings:
    """How the embedded server is run; hashable, so it keys :func:`shared_server`."""

    size: str
    threads: int
    n_ctx: int
    cache: bool = False
    slots: int = 1

    @classmethod
    def resolve(
        cls,
        size: str | None = None,
        threads: int | None = None,
        n_ctx: int | None = None,
        cache: bool = False,
        slots: int | None = None,
    ) -> LocalSettings:
        """Fill unset values from the environment, then from defaults.

        ``EXTRACTOR_LOCAL_SIZE`` (default :data:`~.weights.DEFAULT_SIZE`),
        ``EXTRACTOR_LOCAL_THREADS`` (default: usable CPUs), ``EXTRACTOR_LOCAL_CTX``
        (default 8192: room for a long article plus instructions and the answer),
        ``EXTRACTOR_LOCAL_SLOTS`` (default :func:`default_slots`; llama-server only).
        """
        env = environment_settings()
        spec = weights.get_spec(size or env.local_size or weights.DEFAULT_SIZE)
        if threads is None:
            threads = _positive_int(
                "EXTRACTOR_LOCAL_THREADS", env.local_threads, _default_threads()
            )
        if n_ctx is None:
            n_ctx = _positive_int("EXTRACTOR_LOCAL_CTX", env.local_ctx, DEFAULT_CTX)
        if slots is None:
            slots = _positive_int("EXTRACTOR_LOCAL_SLOTS", env.local_slots, default_slots())
        if threads < 1 or n_ctx < 1 or slots < 1:
            raise LocalModelError(
                "threads, n_ctx and slots must be positive "
                f"(got threads={threads}, n_ctx={n_ctx}, slots={slots})"
            )
        return cls(size=spec.size, threads=threads, n_ctx=n_ctx, cache=cache, slots=slots)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((HOST, 0))
        port: int = s.getsockname()[1]
        return port


# A proxy-less opener: HTTP(S)_PROXY in the environment must not route the
# readiness probe for 127.0.0.1 through a corporate proxy.
_OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


class LocalServer:
    """One llama.cpp server child process, serving one model on 127.0.0.1.

    Use as a context manager, or call :meth:`start` and :meth:`stop`::

        with LocalServer(size="0.5b") as server:
            client = openai.OpenAI(base_url=server.base_url, api_key="local")
            client.chat.completions.create(model=server.alias, messages=...)

    ``command`` replaces the llama.cpp command line (tests use a tiny fake
    server). Its arguments may contain ``{port}``, ``{host}`` and ``{alias}``,
    which are substituted; no runtime or model check is made for it. The
    server is considered up when ``GET /v1/models`` answers 200 and lists
    ``alias``, which also tells our child apart from a stranger that took the
    port first.
    """

    def __init__(
        self,
        size: str | None = None,
        *,
        model: Path | str | None = None,
        alias: str | None = None,
        threads: int | None = None,
        n_ctx: int | None = None,
        cache: bool = False,
        slots: int | None = None,
        startup_timeout: float = DEFAULT_STARTUP_TIMEOUT,
        data_dir: Path | str | None = None,
        log_path: Path | str | None = None,
        command: Sequence[str] | None = None,
    ) -> None:
        self.settings = LocalSettings.resolve(size, threads, n_ctx, cache, slots)
        spec = weights.get_spec(self.settings.size)
        self.alias: str = alias or spec.alias
        self.startup_timeout = startup_timeout
        self._model = Path(model) if model is not None else None
        self._data_dir = weights.data_dir(data_dir)
        self._log_path_override = Path(log_path) if log_path is not None else None
        self._command = list(command) if command is not None else None
        self._proc: subprocess.Popen[bytes] | None = None
        self._lifeline: int | None = None
        self._port: int | None = None
        self._log_path: Path | None = None
        self._lock = threading.RLock()
        self._native = False
        self._identity: list[str] = []
        self._primed: set[str] = set()

    # -- properties ---------------------------------------------------------

    @property
    def port(self) -> int:
        """The port the server listens on; only valid after :meth:`start`."""
        if self._port is None:
            raise LocalModelError("the local server is not started")
        return self._port

    @property
    def base_url(self) -> str:
        """OpenAI-compatible base URL, e.g. ``http://127.0.0.1:PORT/v1``."""
        return f"http://{HOST}:{self.port}/v1"

    @property
    def pid(self) -> int | None:
        """Process id of the server's guard (its parent and process group leader), if started."""
        return self._proc.pid if self._proc is not None else None

    @property
    def log_path(self) -> Path | None:
        """Where the server's stdout and stderr go (set by :meth:`start`)."""
        return self._log_path

    @property
    def running(self) -> bool:
        """True while the child process is alive."""
        return self._proc is not None and not _has_exited(self._proc)

    # -- lifecycle ----------------------------------------------------------

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    def start(self) -> Self:
        """Spawn the server and block until it answers; a no-op if it already runs.

        Raises :class:`LocalModelError` when the runtime or model is missing,
        when the process exits during startup (its log's tail is quoted), or
        when it does not answer within ``startup_timeout`` seconds. On any
        failure or interruption the process group is stopped before raising.
        """
        with self._lock:
            if self.running:
                return self
            base_cmd = self._command if self._command is not None else self._llama_command()
            for attempt in range(1, _PORT_ATTEMPTS + 1):
                port = _free_port()
                try:
                    self._spawn(base_cmd, port)
                    self._wait_ready()
                    return self
                except LocalModelError as exc:
                    self.stop()
                    retry = "address already in use" in str(exc).lower()
                    if not retry or attempt == _PORT_ATTEMPTS:
                        raise
                except BaseException:
                    self.stop()  # KeyboardInterrupt while loading the model, etc.
                    raise
        raise AssertionError("unreachable")  # pragma: no cover

    def stop(self, grace: float = DEFAULT_STOP_GRACE) -> None:
        """Stop the server's whole process group: SIGTERM, then SIGKILL after ``grace`` s.

        Idempotent and safe to call from ``atexit``. A second Ctrl-C while
        waiting still ends in SIGKILL (``finally``), so nothing survives.
        """
        with self._lock:
            proc = self._proc
            if proc is None:
                return
            try:
                if not _has_exited(proc):
                    _signal_group(proc, signal.SIGTERM)
                    _wait_exited(proc, grace)
            finally:
                # Sweep the group even if the leader left on its own: workers or
                # helpers it spawned must not outlive it. The leader is not yet
                # reaped here, so its pid (the group id) cannot have been reused.
                _signal_group(proc, _SIGKILL)
                with contextlib.suppress(OSError):
                    proc.kill()  # in case it is somehow not its group's leader
                try:
                    proc.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    raise LocalModelError(
                        f"the local server (pid {proc.pid}) did not exit after SIGKILL"
                    ) from None
                self._proc = None
                if self._lifeline is not None:
                    os.close(self._lifeline)
                    self._lifeline = None
                self._port = None  # a stale base_url would point at a closed (or reused) port
                _LIVE.discard(self)

    # -- internals ----------------------------------------------------------

    @property
    def native(self) -> bool:
        """True when this server runs llama.cpp's ``llama-server`` (parallel slots)."""
        return self._native

    @property
    def slots(self) -> int:
        """Requests the server decodes together: ``settings.slots`` for llama-server, else 1."""
        return self.settings.slots if self._native else 1

    def prime(self, messages: list[dict[str, str]]) -> bool:
        """Start every slot from ``messages`` already evaluated; True if they now do.

        ``messages`` is a prefix that every request begins with (the rules:
        ``codebook_message`` in ``pipeline/prompting.py``). llama-server reuses a slot's
        longest common prefix with the next request, so once a slot holds it,
        no request evaluates it again. Here it is evaluated once *per
        machine*: the slot is saved to a file under the data directory
        (keyed by the server binary, the model and the messages) and restored
        into every slot on each later start, which takes milliseconds where
        evaluating takes seconds (about 8 s for the 1.5B model's rules on two
        cores). Only for llama-server; a failure only costs the speed-up.
        """
        if not self._native or not self.running:
            return False
        key = hashlib.sha256(json.dumps([self._identity, messages]).encode("utf-8")).hexdigest()
        name = f"{key[:32]}.bin"
        with self._lock:
            if name in self._primed:
                return True
            states = native.states_dir(self._data_dir)
            base = f"http://{HOST}:{self.port}"
            try:
                if not (states / name).is_file():
                    body = {"model": self.alias, "messages": messages, "max_tokens": 1,
                            "temperature": 0.0, "id_slot": 0, "cache_prompt": True}  # fmt: skip
                    _post(f"{base}/v1/chat/completions", body)
                    _post(f"{base}/slots/0?action=save", {"filename": name})
                    _prune(states, keep=_STATES_KEPT)
                for slot in range(self.slots):
                    _post(f"{base}/slots/{slot}?action=restore", {"filename": name})
                os.utime(states / name)  # recently used: pruned last
            except (OSError, ValueError):
                return False
            self._primed.add(name)
            return True

    def _llama_command(self) -> list[str]:
        binary = native.find(self._data_dir)
        if binary is None:
            missing = [m for m in _RUNTIME_MODULES if importlib.util.find_spec(m) is None]
            if missing:
                raise LocalModelError(f"{RUNTIME_MISSING} (missing: {', '.join(missing)})")
        model = self._model
        if model is None:
            model = weights.model_path(self.settings.size, data_dir=self._data_dir)
        if model is None or not model.is_file():
            size = self.settings.size
            flag = "" if size == weights.DEFAULT_SIZE else f" --size {size}"
            what = f"{model}" if self._model is not None else f"the {size} model"
            raise LocalModelError(f"{what} is not installed: run `extractor model install{flag}`")
        s = self.settings
        if binary is not None:
            self._native = True
            states = native.states_dir(self._data_dir)
            states.mkdir(parents=True, exist_ok=True)
            arguments = native.server_arguments(
                model=model, threads=s.threads, n_ctx=s.n_ctx, slots=s.slots,
                cache_mib=DEFAULT_CACHE_MIB, states=states,
            )  # fmt: skip
            self._identity = [str(binary), _built_from(binary, self._data_dir), model.name]
            return [str(binary), *arguments]
        cmd = [
            sys.executable,
            "-m",
            "llama_cpp.server",
            "--model",
            str(model),
            "--model_alias",
            "{alias}",
            "--host",
            "{host}",
            "--port",
            "{port}",
            "--n_ctx",
            str(s.n_ctx),
            "--n_threads",
            str(s.threads),
        ]
        if s.cache:
            # RAM cache of evaluated prompt states: per-type calls that share
            # the article as a prefix skip re-reading it. Off by default because
            # it can change what a small model generates.
            cmd += ["--cache", "true", "--cache_type", "ram"]
        return cmd

    def _spawn(self, base_cmd: Sequence[str], port: int) -> None:
        subst = {"{port}": str(port), "{host}": HOST, "{alias}": self.alias}
        cmd = []
        for arg in base_cmd:
            for key, value in subst.items():
                arg = arg.replace(key, value)
            cmd.append(arg)

        log_path = self._log_path_override or self._default_log_path(port)
        log_path.parent.mkdir(parents=True, exist_ok=True)
        env = {k: v for k, v in os.environ.items() if not _server_setting(k)}
        env["PYTHONUNBUFFERED"] = "1"  # so a crash's last words reach the log
        # The guard holds the read end of a pipe whose only write end is ours:
        # when this process dies, however it dies, the guard stops the server.
        lifeline_read, lifeline = os.pipe()
        with log_path.open("wb") as log:
            try:
                self._proc = subprocess.Popen(
                    [sys.executable, str(_GUARD), *cmd],
                    stdin=lifeline_read,
                    stdout=log,
                    stderr=subprocess.STDOUT,
                    env=env,
                    start_new_session=True,
                    close_fds=True,
                )
            except OSError as exc:
                os.close(lifeline)
                raise LocalModelError(f"could not start the local server {cmd[0]}: {exc}") from exc
            finally:
                os.close(lifeline_read)
        self._lifeline = lifeline
        self._port = port
        self._log_path = log_path
        _LIVE.add(self)

    def _default_log_path(self, port: int) -> Path:
        logs = self._data_dir / "logs"
        if logs.is_dir():
            old = sorted(logs.glob("server-*.log"), key=_mtime, reverse=True)
            for stale in old[_LOGS_KEPT - 1 :]:
                with contextlib.suppress(OSError):
                    stale.unlink()
        return logs / f"server-{self.alias}-{os.getpid()}-{port}.log"

    def _log_tail(self, lines: int = 25) -> str:
        if self._log_path is None:
            return ""
        try:
            with self._log_path.open("rb") as fh:
                fh.seek(0, os.SEEK_END)
                fh.seek(max(0, fh.tell() - 16384))
                text = fh.read().decode("utf-8", "replace")
        except OSError:
            return ""
        return "\n".join(text.strip().splitlines()[-lines:])

    def _wait_ready(self) -> None:
        proc = self._proc
        assert proc is not None
        url = f"http://{HOST}:{self.port}/v1/models"
        deadline = time.monotonic() + self.startup_timeout
        delay = 0.05
        while True:
            if _has_exited(proc):
                self.stop()  # sweeps the group, then reaps: sets returncode
                raise LocalModelError(
                    f"the local server exited during startup (exit code {proc.returncode}); "
                    f"log {self._log_path}:\n{self._log_tail()}"
                )
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise LocalModelError(
                    f"the local server did not answer {url} within {self.startup_timeout:g} s; "
                    "raise startup_timeout on a slow machine, or use a smaller model "
                    f"(--size 0.5b). Log {self._log_path}:\n{self._log_tail()}"
                )
            if self._probe(url, min(2.0, remaining)):
                return
            time.sleep(min(delay, max(0.0, deadline - time.monotonic())))
            delay = min(delay * 2, 0.5)

    def _probe(self, url: str, timeout: float) -> bool:
        try:
            with _OPENER.open(url, timeout=timeout) as resp:
                if resp.status != 200:
                    return False
                body = json.loads(resp.read() or b"{}")
        except (OSError, ValueError):  # refused, reset, timeout, HTTP error, bad JSON
            return False
        models = body.get("data") if isinstance(body, dict) else None
        if not isinstance(models, list):
            return False
        return any(isinstance(m, dict) and m.get("id") == self.alias for m in models)


_STATES_KEPT = 8  # saved prompt prefixes (tens of MB each); the oldest go first


def _built_from(binary: Path, data_dir: Path) -> str:
    built = native.built_info(data_dir)
    if built is not None and built.path == binary:
        return built.source
    try:
        return str(binary.stat().st_mtime_ns)  # another binary: a rebuild changes the key
    except OSError:
        return ""


def _post(url: str, body: dict[str, object], timeout: float = 600.0) -> None:
    request = urllib.request.Request(
        url, data=json.dumps(body).encode("utf-8"), headers={"Content-Type": "application/json"}
    )
    with _OPENER.open(request, timeout=timeout) as resp:
        resp.read()


def _prune(directory: Path, keep: int) -> None:
    files = sorted(directory.glob("*.bin"), key=_mtime, reverse=True)
    for stale in files[keep:]:
        with contextlib.suppress(OSError):
            stale.unlink()


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


_SIGKILL: signal.Signals = getattr(signal, "SIGKILL", signal.SIGTERM)
_GUARD = Path(__file__).with_name("_guard.py")


def _signal_group(proc: subprocess.Popen[bytes], sig: signal.Signals) -> None:
    """Signal the child's process group (it leads its own session); ignore if gone."""
    if hasattr(os, "killpg"):
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(proc.pid, sig)
    else:  # pragma: no cover - Windows: no process groups to sweep
        with contextlib.suppress(OSError):
            proc.send_signal(sig)


def _has_exited(proc: subprocess.Popen[bytes]) -> bool:
    """True once the child has exited, *without* reaping it (where the OS allows).

    Leaving the zombie in place keeps its pid, which is also the process group
    id, from being reused by an unrelated process before the final SIGKILL
    sweep of the group in :meth:`LocalServer.stop`.
    """
    if proc.returncode is not None:
        return True
    waitid = getattr(os, "waitid", None)
    if waitid is None:  # pragma: no cover - platforms without waitid
        return proc.poll() is not None
    try:
        return waitid(os.P_PID, proc.pid, os.WEXITED | os.WNOHANG | os.WNOWAIT) is not None
    except ChildProcessError:  # reaped elsewhere
        return True


def _wait_exited(proc: subprocess.Popen[bytes], timeout: float) -> bool:
    """Wait up to ``timeout`` s for the child to exit, without reaping it."""
    deadline = time.monotonic() + timeout
    while not _has_exited(proc):
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.05)
    return True


# -- process-wide bookkeeping --------------------------------------------------

_LIVE: set[LocalServer] = set()
_SHARED: dict[LocalSettings, LocalServer] = {}
_SHARED_LOCK = threading.Lock()


def shared_server(
    size: str | None = None,
    *,
    threads: int | None = None,
    n_ctx: int | None = None,
    cache: bool = False,
    slots: int | None = None,
    startup_timeout: float = DEFAULT_STARTUP_TIMEOUT,
) -> LocalServer:
    """The process's server for these settings, started on first use and reused after.

    Loading a model takes seconds and a gigabyte or two of RAM, so every
    extraction in a process should share one server. Unset arguments come from
    the environment (see :meth:`LocalSettings.resolve`). Different settings get
    different servers; a server that died is restarted. All are stopped at exit.
    """
    settings = LocalSettings.resolve(size, threads, n_ctx, cache, slots)
    with _SHARED_LOCK:
        server = _SHARED.get(settings)
        if server is not None and server.running:
            return server
        server = LocalServer(
            settings.size,
            threads=settings.threads,
            n_ctx=settings.n_ctx,
            cache=settings.cache,
            slots=settings.slots,
            startup_timeout=startup_timeout,
        )
        server.start()
        _SHARED[settings] = server
        return server


def documents_at_once(size: str | None = None) -> int:
    """Documents the embedded model's server can work on together without thrashing.

    Each llama-server slot keeps the article of the document it works on, and
    every call about that document reuses it; a call about another document
    in between would push it out, and the next call would evaluate it again.
    So bulk runs keep at most one document per slot in flight: the
    ``EXTRACTOR_LOCAL_SLOTS`` setting with llama-server, one with
    llama_cpp.server. The server is not started to answer.
    """
    if native.find() is None:
        return 1
    return LocalSettings.resolve(size).slots


def stop_shared_servers() -> None:
    """Stop every server started by :func:`shared_server` (next use starts afresh)."""
    with _SHARED_LOCK:
        servers = list(_SHARED.values())
        _SHARED.clear()
    for server in servers:
        server.stop()


@atexit.register
def _stop_all() -> None:
    # Runs at normal interpreter exit, including after an unhandled
    # KeyboardInterrupt; servers started in their own session would otherwise
    # survive the parent.
    stop_shared_servers()
    for server in list(_LIVE):
        with contextlib.suppress(Exception):
            server.stop()
