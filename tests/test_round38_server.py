"""How the model server is reached: its redirects, and a server that never answers.

* A model call is never redirected: any redirect answer (301, 302, 303, 307, 308 with a
  ``Location``), whatever it points at (another scheme such as ``file:``, a closed port,
  another host, an address with a login, a relative path), is an
  ``IncompatibleServerError`` (kind ``config``) at once: not followed, not retried,
  naming the server asked and where it redirected, without the login; a bulk run stops
  after three documents. It used to be "could not reach the model server", retried,
  naming a server the user never gave.
* ``Extractor(timeout=T)`` is the most one request waits for an answer, its retries and
  their waits included (``retrying.AnswerWindow``): a server that accepts connections
  and never answers, or refuses them, fails a request after about ``T`` (it took 125 s
  for ``T=15``): "did not answer in time: no answer within the timeout". An answer
  starts the window anew: a call whose re-ask comes after it still has its time.

The servers are real, on loopback, built here.
"""

from __future__ import annotations

import json
import socket
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor.bulk.batch import SAME_FAILURES_IN_A_ROW
from extractor.bulk.runner import BulkRun
from extractor.errors import BatchAborted, IncompatibleServerError, TransientModelError
from extractor.pipeline.engine import Extractor
from extractor.redact import without_userinfo
from extractor.runtime import aio
from extractor.runtime.retrying import RetryPolicy
from tests.fakes.kano import EMPTY, kano
from tests.fakes.openai_server import LOOPBACK_ONLY
from tests.fakes.scripted_server import Answer, ScriptedServer, json_answer

pytestmark = pytest.mark.block_network(allowed_hosts=LOOPBACK_ONLY)

FAST = RetryPolicy(attempts=3, initial=0.001, maximum=0.005, total=10)
examples = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
few = settings(examples, max_examples=4)


def completion(content: str = EMPTY) -> bytes:
    """A chat completion whose message holds ``content``."""
    return json.dumps({
        "id": "c", "object": "chat.completion", "created": 0, "model": "fake-model",
        "choices": [{"index": 0, "finish_reason": "stop",
                     "message": {"role": "assistant", "content": content}}],
    }).encode()  # fmt: skip


class Served(ScriptedServer):
    """Answers as set: ``redirect`` (``status`` to ``location``), or ``answers`` in turn
    (seconds to wait, body), the last one again and again."""

    def set(
        self,
        mode: str = "answers",
        status: int = 307,
        location: str = "",
        answers: list[tuple[float, bytes]] | None = None,
    ) -> None:
        if mode == "redirect":
            self.reset([Answer(status, {"Location": location})])
        else:
            script = answers or [(0.0, completion())]
            self.reset([json_answer(body, delay=delay) for delay, body in script])


@pytest.fixture(scope="module")
def served() -> Iterator[Served]:
    with Served() as server:
        server.set()
        with Extractor("openai/fake-model", base_url=server.base_url) as warm:
            warm.extract(kano(2))  # the date and place data load once, here
        yield server


class Silent:
    """A server that accepts connections, reads what comes and never answers."""

    def __init__(self) -> None:
        self.socket = socket.create_server(("127.0.0.1", 0))
        self.socket.settimeout(0.2)
        self.stop = threading.Event()
        self.connections: list[socket.socket] = []
        self.thread = threading.Thread(target=self.serve, daemon=True)
        self.thread.start()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.socket.getsockname()[1]}/v1"

    def serve(self) -> None:
        while not self.stop.is_set():
            try:
                connection, _ = self.socket.accept()
            except (TimeoutError, OSError):
                continue
            self.connections.append(connection)  # held open, never answered

    def close(self) -> None:
        self.stop.set()
        self.thread.join(5)
        for connection in self.connections:
            connection.close()
        self.socket.close()


@pytest.fixture
def silent() -> Iterator[Silent]:
    server = Silent()
    try:
        yield server
    finally:
        server.close()


def closed_port() -> int:
    """A loopback port nothing listens on (bound, then released)."""
    with socket.create_server(("127.0.0.1", 0)) as probe:
        return int(probe.getsockname()[1])


def make(base_url: str, **options: Any) -> Extractor:
    options.setdefault("retry_policy", FAST)
    options.setdefault("strategy", "single")
    options.setdefault("timeout", 8)
    return Extractor("openai/fake-model", base_url=base_url, **options)


# ------------------------------------------------------------------ redirects

_NAME = st.text("abcdefghijklmnopqrstuvwxyz0123456789", min_size=4, max_size=12)


@st.composite
def targets(draw: st.DrawFn) -> tuple[str, str | None, str | None]:
    """(a Location, its user, its password): the schemes, ports, hosts, logins and
    relative paths a server may redirect a model call to."""
    kind = draw(st.sampled_from(["scheme", "closed", "host", "login", "relative"]))
    path = draw(st.sampled_from(["/v1/chat/completions", "/", "/etc/passwd", "/v2/x?y=1"]))
    if kind == "scheme":
        scheme = draw(st.sampled_from(["file", "ftp", "gopher", "ws", "javascript", "data"]))
        return f"{scheme}://{path}" if scheme == "file" else f"{scheme}:{path}", None, None
    if kind == "closed":
        return f"http://127.0.0.1:{closed_port()}{path}", None, None
    if kind == "host":
        host = draw(st.sampled_from(["example.invalid", "10.255.255.1", "[::1]", "h.test:81"]))
        scheme = draw(st.sampled_from(["http", "https"]))
        return f"{scheme}://{host}{path}", None, None
    if kind == "login":
        user, password = "usr" + draw(_NAME), "pw" + draw(_NAME)
        where = draw(st.sampled_from([f"127.0.0.1:{closed_port()}", "example.invalid"]))
        login = draw(st.sampled_from([f"{user}:{password}", password]))
        return f"http://{login}@{where}{path}", user, password
    return draw(st.sampled_from([path, "chat/completions", "../x", "?again=1", "//"])), None, None


@examples
@given(status=st.sampled_from([301, 302, 303, 307, 308]), target=targets())
def test_any_redirect_of_a_model_call_is_the_setup_at_once(
    served: Served, status: int, target: tuple[str, str | None, str | None]
) -> None:
    location, user, password = target
    served.set(mode="redirect", status=status, location=location)
    started = time.monotonic()
    with make(served.base_url) as ex, pytest.raises(IncompatibleServerError) as caught:
        ex.extract(kano(5))
    message = str(caught.value)
    assert caught.value.kind == "config", message
    assert served.base_url in message and f"redirected the request (HTTP {status}) to" in message
    assert "could not reach" not in message and "\n" not in message
    shown = without_userinfo(urljoin(f"{served.base_url}/chat/completions", location))
    assert f"to {shown}, " in message  # where it pointed, made whole, without a login
    for secret in (user, password):
        assert secret is None or secret not in message
    assert served.requests == 1  # not followed, not retried
    assert time.monotonic() - started < 5


@few
@given(location=st.sampled_from(["file:///etc/passwd", "http://bob:hunter2pass@127.0.0.1:9/v1"]))
def test_a_redirect_stops_a_bulk_run_after_three_documents(served: Served, location: str) -> None:
    served.set(mode="redirect", status=307, location=location)
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch, "in")
        folder.mkdir()
        for number in range(8):
            (folder / f"d{number:02d}.txt").write_text(kano(number + 3), encoding="utf-8")
        ex = make(served.base_url)
        run = BulkRun([folder], Path(scratch, "out.jsonl"), extractor=ex, concurrency=1)

        async def go() -> None:
            try:
                await run.run()
            finally:
                await ex.aclose()

        with pytest.raises(BatchAborted) as caught:
            aio.run(go())
    assert caught.value.kind == "config"
    assert "hunter2pass" not in str(caught.value) and "could not reach" not in str(caught.value)
    assert SAME_FAILURES_IN_A_ROW <= served.requests <= SAME_FAILURES_IN_A_ROW + 1


# ------------------------------------------------------------------ a server that never answers


@few
@given(
    timeout=st.floats(min_value=0.4, max_value=1.2),
    max_retries=st.integers(0, 2),
    how=st.sampled_from(["silent", "refused"]),
)
def test_a_server_that_never_answers_costs_about_the_timeout(
    silent: Silent, timeout: float, max_retries: int, how: str
) -> None:
    """With the default retry schedule (6 attempts, waits of 1, 2, 4 ... s), not a fast one:
    the timeout bounds it, its retries and waits included."""
    base_url = silent.base_url if how == "silent" else f"http://127.0.0.1:{closed_port()}/v1"
    started = time.monotonic()
    with (
        make(base_url, timeout=timeout, max_retries=max_retries, retry_policy=RetryPolicy()) as ex,
        pytest.raises(TransientModelError) as caught,
    ):
        ex.extract(kano(3))
    elapsed = time.monotonic() - started
    assert caught.value.kind == "transient"
    assert elapsed < 4 * timeout + 2, elapsed
    if how == "silent":
        message = str(caught.value)
        assert "did not answer in time: no answer within the timeout" in message
        assert base_url in message


def test_an_answer_starts_the_window_anew(served: Served) -> None:
    """A call whose answer needs a re-ask takes longer than the timeout in all: each answer
    came within it, so the call is not cut."""
    served.set(answers=[(0.7, completion("not json at all")), (0.7, completion())])
    with make(served.base_url, timeout=1.0, max_retries=1) as ex:
        result = ex.extract(kano(4))
    assert result.metadata.reasks == 1 and served.requests == 2
