"""LocalServer lifecycle, checked against a tiny fake OpenAI-style server.

The fake is a stdlib HTTP server run through the same ``command`` hook the
real llama.cpp command goes through; it also spawns a grandchild so the tests
can tell that the whole process group is stopped, not just the direct child.
The ``live`` test at the end starts the real llama.cpp server.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from extractor.errors import LocalModelError
from extractor.runtime.local import server as server_mod
from extractor.runtime.local import weights
from extractor.runtime.local.server import LocalServer, LocalSettings

FAKE_SERVER = textwrap.dedent(
    """
    import json, subprocess, sys, time
    from http.server import BaseHTTPRequestHandler, HTTPServer

    host, port, alias, child_pid_file = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
    # A grandchild, like a worker a real server might spawn; it must not outlive us.
    grandchild = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])
    with open(child_pid_file, "w") as fh:
        fh.write(str(grandchild.pid))

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            if self.path != "/v1/models":
                self.send_error(404)
                return
            body = json.dumps({"object": "list", "data": [{"id": alias}]}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    time.sleep(0.3)  # the server is not up at once: start() must wait for it
    print("fake server listening", flush=True)
    HTTPServer((host, port), Handler).serve_forever()
    """
)


@pytest.fixture
def allowed_hosts() -> list[str]:
    """Let the project's ``--block-network`` (pytest-recording) allow loopback only."""
    return [r"127\.0\.0\.1"]


@pytest.fixture
def fake_cmd(tmp_path: Path) -> list[str]:
    script = tmp_path / "fake_server.py"
    script.write_text(FAKE_SERVER)
    return [sys.executable, str(script), "{host}", "{port}", "{alias}", str(tmp_path / "gc.pid")]


def make_server(tmp_path: Path, command: list[str], **kwargs: object) -> LocalServer:
    return LocalServer(
        "0.5b",
        command=command,
        data_dir=tmp_path / "data",
        startup_timeout=kwargs.pop("startup_timeout", 20.0),  # type: ignore[arg-type]
        **kwargs,  # type: ignore[arg-type]
    )


def alive(pid: int) -> bool:
    """True if ``pid`` exists and is not a zombie."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return True


def wait_gone(pid: int, timeout: float = 5.0) -> bool:
    # The grandchild is re-parented to init when its parent dies, so it may take
    # a moment to be reaped even after SIGKILL.
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not alive(pid):
            return True
        time.sleep(0.05)
    return False


def grandchild_pid(tmp_path: Path) -> int:
    return int((tmp_path / "gc.pid").read_text())


def get_models(base_url: str) -> dict[str, object]:
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    with opener.open(f"{base_url}/models", timeout=5) as resp:
        result: dict[str, object] = json.loads(resp.read())
        return result


@pytest.fixture(autouse=True)
def _no_leaks() -> Iterator[None]:
    yield
    leaked = list(server_mod._LIVE)
    for s in leaked:
        s.stop()
    assert not leaked, "a test left a server running"


def test_base_url_serves_and_with_block_stops_everything(
    tmp_path: Path, fake_cmd: list[str]
) -> None:
    with make_server(tmp_path, fake_cmd) as srv:
        assert srv.base_url == f"http://127.0.0.1:{srv.port}/v1"
        assert get_models(srv.base_url)["data"] == [{"id": "qwen2.5-coder-0.5b-instruct"}]
        pid = srv.pid
        assert pid is not None and alive(pid)
        gc = grandchild_pid(tmp_path)
        assert alive(gc)
        assert os.getpgid(pid) == pid != os.getpgid(0), "child must lead its own process group"
        log = srv.log_path
    assert not alive(pid)
    assert wait_gone(gc), "grandchild survived stop()"
    assert not srv.running
    assert log is not None and "fake server listening" in log.read_text()
    assert log.parent == tmp_path / "data" / "logs"


def test_exception_inside_with_stops_server(tmp_path: Path, fake_cmd: list[str]) -> None:
    with pytest.raises(RuntimeError, match="boom"), make_server(tmp_path, fake_cmd) as srv:
        pid = srv.pid
        raise RuntimeError("boom")
    assert pid is not None and not alive(pid)
    assert wait_gone(grandchild_pid(tmp_path))


def test_keyboard_interrupt_inside_with_stops_server(tmp_path: Path, fake_cmd: list[str]) -> None:
    with pytest.raises(KeyboardInterrupt), make_server(tmp_path, fake_cmd) as srv:
        pid = srv.pid
        raise KeyboardInterrupt
    assert pid is not None and not alive(pid)
    assert wait_gone(grandchild_pid(tmp_path))


def test_stop_kills_a_server_that_ignores_sigterm(tmp_path: Path) -> None:
    script = tmp_path / "stubborn.py"
    script.write_text(
        FAKE_SERVER.replace(
            "time.sleep(0.3)", "import signal; signal.signal(signal.SIGTERM, signal.SIG_IGN)"
        )
    )
    cmd = [sys.executable, str(script), "{host}", "{port}", "{alias}", str(tmp_path / "gc.pid")]
    srv = make_server(tmp_path, cmd).start()
    pid = srv.pid
    assert pid is not None
    started = time.monotonic()
    srv.stop(grace=0.5)
    assert time.monotonic() - started < 5
    assert not alive(pid)
    assert wait_gone(grandchild_pid(tmp_path))


def test_crashing_command_raises_with_its_stderr(tmp_path: Path) -> None:
    cmd = [
        sys.executable,
        "-c",
        "import sys; print('loading model...'); "
        "sys.stderr.write('error: unable to load model file\\n'); sys.exit(3)",
    ]
    srv = make_server(tmp_path, cmd)
    with pytest.raises(LocalModelError) as err:
        srv.start()
    message = str(err.value)
    assert "unable to load model file" in message
    assert "exit code 3" in message
    assert not srv.running and srv.pid is None


def test_startup_timeout_stops_the_process(tmp_path: Path) -> None:
    # Alive but never answering: start() must give up, and not leave it behind.
    cmd = [sys.executable, "-c", "import time; print('stuck', flush=True); time.sleep(600)"]
    srv = make_server(tmp_path, cmd, startup_timeout=1.0)
    with pytest.raises(LocalModelError, match="did not answer"):
        srv.start()
    assert srv.pid is None
    assert not server_mod._LIVE


def test_foreign_server_on_port_is_not_taken_for_ours(tmp_path: Path, fake_cmd: list[str]) -> None:
    # A server answering /v1/models for another alias is not ours: keep waiting.
    srv = LocalServer(
        "0.5b",
        alias="expected",
        command=[*fake_cmd[:4], "someone-else", fake_cmd[5]],
        data_dir=tmp_path / "data",
        startup_timeout=1.5,
    )
    with pytest.raises(LocalModelError, match="did not answer"):
        srv.start()


def test_stop_is_idempotent_and_start_reuses_running(tmp_path: Path, fake_cmd: list[str]) -> None:
    srv = make_server(tmp_path, fake_cmd)
    srv.stop()  # never started: no-op
    srv.start()
    pid = srv.pid
    assert srv.start().pid == pid
    srv.stop()
    srv.stop()
    assert pid is not None and not alive(pid)
    with pytest.raises(LocalModelError, match="not started"):
        _ = srv.base_url


def test_atexit_hook_stops_live_servers(tmp_path: Path, fake_cmd: list[str]) -> None:
    srv = make_server(tmp_path, fake_cmd).start()
    pid = srv.pid
    server_mod._stop_all()
    assert pid is not None and not alive(pid)


REPO_ENV = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}


def user_script(tmp_path: Path, fake_cmd: list[str], ending: str) -> Path:
    """A user's script that starts a server, prints its pid, then runs ``ending``."""
    script = tmp_path / "user.py"
    script.write_text(
        textwrap.dedent(
            f"""
            from extractor.runtime.local.server import LocalServer
            srv = LocalServer("0.5b", command={fake_cmd!r}, data_dir={str(tmp_path)!r})
            srv.start()
            print(srv.pid, flush=True)
            {ending}
            """
        )
    )
    return script


def test_interpreter_exit_stops_server(tmp_path: Path, fake_cmd: list[str]) -> None:
    """End to end: a script that starts a server and exits (or dies of Ctrl-C) leaves nothing."""
    for ending in ("pass", "raise KeyboardInterrupt"):
        script = user_script(tmp_path, fake_cmd, ending)
        out = subprocess.run(
            [sys.executable, str(script)], capture_output=True, text=True, timeout=60, env=REPO_ENV
        )
        pid = int(out.stdout.split()[0])
        assert wait_gone(pid), f"server outlived its parent ({ending})"
        assert wait_gone(grandchild_pid(tmp_path))


@pytest.mark.parametrize("how", ["SIGTERM", "SIGKILL"])
def test_parent_killed_without_cleanup_leaves_no_server(
    tmp_path: Path, fake_cmd: list[str], how: str
) -> None:
    """Neither atexit nor ``finally`` runs when the parent is killed; the guard stops it."""
    script = user_script(tmp_path, fake_cmd, "import time; time.sleep(600)")
    parent = subprocess.Popen(
        [sys.executable, str(script)], stdout=subprocess.PIPE, text=True, env=REPO_ENV
    )
    try:
        assert parent.stdout is not None
        guard = int(parent.stdout.readline())
        server = grandchild_pid(tmp_path)  # the fake server's own child, two levels down
        assert alive(guard) and alive(server)
        parent.send_signal(getattr(signal, how))
        parent.wait(timeout=30)
        assert wait_gone(guard, timeout=15), f"server outlived a parent killed by {how}"
        assert wait_gone(server, timeout=15)
    finally:
        parent.kill()
        parent.wait()


def test_shared_server_is_reused_per_settings(
    tmp_path: Path, fake_cmd: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    made: list[LocalServer] = []
    real_init = LocalServer.__init__

    def init(self: LocalServer, *args: object, **kwargs: object) -> None:
        kwargs.update(command=fake_cmd, data_dir=tmp_path / "data")
        real_init(self, *args, **kwargs)  # type: ignore[arg-type]
        made.append(self)

    monkeypatch.setattr(LocalServer, "__init__", init)
    monkeypatch.setenv("EXTRACTOR_LOCAL_SIZE", "0.5b")
    monkeypatch.setenv("EXTRACTOR_LOCAL_THREADS", "2")
    try:
        a = server_mod.shared_server()
        b = server_mod.shared_server(threads=2, n_ctx=8192)
        assert a is b and len(made) == 1
        c = server_mod.shared_server(n_ctx=4096)
        assert c is not a
        a.stop()  # died (or was stopped): the next call starts a new one
        d = server_mod.shared_server()
        assert d is not a and d.running
    finally:
        server_mod.stop_shared_servers()
    assert not any(s.running for s in made)


def test_settings_from_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("EXTRACTOR_LOCAL_SIZE", raising=False)
    monkeypatch.delenv("EXTRACTOR_LOCAL_THREADS", raising=False)
    monkeypatch.delenv("EXTRACTOR_LOCAL_CTX", raising=False)
    default = LocalSettings.resolve()
    assert default.size == "1.5b" and default.n_ctx == 8192 and default.threads >= 1

    monkeypatch.setenv("EXTRACTOR_LOCAL_SIZE", "0.5B")
    monkeypatch.setenv("EXTRACTOR_LOCAL_THREADS", "3")
    monkeypatch.setenv("EXTRACTOR_LOCAL_CTX", "4096")
    assert LocalSettings.resolve() == LocalSettings("0.5b", 3, 4096)
    assert LocalSettings.resolve("1.5b", threads=1) == LocalSettings("1.5b", 1, 4096)

    monkeypatch.setenv("EXTRACTOR_LOCAL_CTX", "lots")
    with pytest.raises(LocalModelError, match="EXTRACTOR_LOCAL_CTX"):
        LocalSettings.resolve()


def test_llama_command_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(server_mod.importlib.util, "find_spec", lambda name: object())
    monkeypatch.delenv("EXTRACTOR_LOCAL_SERVER", raising=False)
    model = tmp_path / "m.gguf"
    model.write_bytes(b"GGUF")
    # no llama-server built in this data dir: llama_cpp.server (tests/test_local_native.py)
    srv = LocalServer("0.5b", model=model, threads=2, n_ctx=4096, cache=True, data_dir=tmp_path)
    cmd = srv._llama_command()
    assert cmd[:3] == [sys.executable, "-m", "llama_cpp.server"]
    args = dict(zip(cmd[3::2], cmd[4::2], strict=True))
    assert args == {
        "--model": str(model),
        "--model_alias": "{alias}",
        "--host": "{host}",
        "--port": "{port}",
        "--n_ctx": "4096",
        "--n_threads": "2",
        "--cache": "true",
        "--cache_type": "ram",
    }
    assert "--cache" not in LocalServer("0.5b", model=model, data_dir=tmp_path)._llama_command()


def test_missing_runtime_and_missing_model_say_what_to_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(server_mod.importlib.util, "find_spec", lambda name: None)
    with pytest.raises(LocalModelError, match=r"pip install 'extractor\[local\]'"):
        LocalServer("0.5b", data_dir=tmp_path).start()

    monkeypatch.setattr(server_mod.importlib.util, "find_spec", lambda name: object())
    with pytest.raises(LocalModelError, match=r"run `extractor model install --size 0.5b`"):
        LocalServer("0.5b", data_dir=tmp_path).start()
    with pytest.raises(LocalModelError, match=r"run `extractor model install`$"):
        LocalServer("1.5b", data_dir=tmp_path).start()
    assert not server_mod._LIVE


def test_child_environment_cannot_reconfigure_server(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # llama_cpp.server reads API_KEY, HOST, CONFIG_FILE... from the environment.
    dump = tmp_path / "env.json"
    script = tmp_path / "envdump.py"
    script.write_text(
        FAKE_SERVER.replace(
            "time.sleep(0.3)",
            f"import os; json.dump(dict(os.environ), open({str(dump)!r}, 'w'))",
        )
    )
    monkeypatch.setenv("API_KEY", "secret")
    monkeypatch.setenv("CONFIG_FILE", "/etc/other.json")
    monkeypatch.setenv("host", "0.0.0.0")
    monkeypatch.setenv("UNRELATED_SETTING", "kept")
    cmd = [sys.executable, str(script), "{host}", "{port}", "{alias}", str(tmp_path / "gc.pid")]
    with make_server(tmp_path, cmd):
        env = json.loads(dump.read_text())
    assert "API_KEY" not in env and "CONFIG_FILE" not in env and "host" not in env
    assert env["UNRELATED_SETTING"] == "kept"


# -- the real thing -----------------------------------------------------------


def _live_model() -> Path | None:
    import importlib.util

    if importlib.util.find_spec("llama_cpp") is None:
        return None
    return weights.model_path("0.5b")


@pytest.mark.live
@pytest.mark.skipif(
    _live_model() is None,
    reason="needs llama-cpp-python[server] and `extractor model install --size 0.5b`",
)
def test_live_chat_completion_and_clean_exit() -> None:
    import openai

    started = time.monotonic()
    with LocalServer("0.5b", threads=2, n_ctx=2048) as srv:
        startup = time.monotonic() - started
        pid = srv.pid
        client = openai.OpenAI(base_url=srv.base_url, api_key="local", max_retries=0)
        t0 = time.monotonic()
        reply = client.chat.completions.create(
            model=srv.alias,
            messages=[{"role": "user", "content": "Answer with one word: the capital of France?"}],
            temperature=0,
            max_tokens=8,
        )
        latency = time.monotonic() - t0
    content = reply.choices[0].message.content or ""
    print(f"\nstartup {startup:.2f} s, one call {latency:.2f} s, reply {content!r}")
    assert "paris" in content.lower()
    assert pid is not None and wait_gone(pid)
    with pytest.raises(ProcessLookupError):
        os.killpg(pid, 0)  # no member of the server's process group is left
