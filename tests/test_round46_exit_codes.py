"""``extractor extract`` exits with one code for one class of failure: every answer that is
not an answer of the API is a server error, one line on stderr, exit 1.

The class (``IncompatibleServerError``) holds an HTML page, ``{}``, ``choices: []``, a
redirect, a wrong content type, a field of the wrong type and an answer that breaks HTTP;
its kind says who likely fixes it (``config`` for a page or a redirect at the base URL,
``server`` for the rest), and the exit code used to follow the kind: a login page exited 2,
``{}`` exited 1. The README's fault table gives the class exit 1. The answers are generated
and served on loopback (an HTTP server for well-formed answers, a raw socket for the ones
that break HTTP); the CLI runs in-process.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from extractor.cli import app
from extractor.pipeline import engine
from extractor.runtime.retrying import RetryPolicy
from tests.fakes.kano import kano
from tests.fakes.openai_server import LOOPBACK_ONLY
from tests.fakes.scripted_server import Answer, Raw, RawServer, ScriptedServer
from tests.test_round46_protocol import malformed

pytestmark = pytest.mark.block_network(allowed_hosts=LOOPBACK_ONLY)

runner = CliRunner()
FAST = RetryPolicy(attempts=2, initial=0.001, maximum=0.005, total=10)
#: The exit code of the class, as the README's fault table states it.
SERVER_ERROR_EXIT = 1
examples = settings(
    max_examples=12,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def message(content: object, finish: str = "stop") -> bytes:
    return json.dumps({
        "id": "c", "object": "chat.completion", "created": 1, "model": "fake-model",
        "choices": [{"index": 0, "finish_reason": finish,
                     "message": {"role": "assistant", "content": content}}],
    }).encode()  # fmt: skip


def _json(body: bytes, status: int = 200, kind: str = "application/json") -> Answer:
    return Answer(status, {"Content-Type": kind}, body)


#: One of each member of the class, by name.
MEMBERS: dict[str, Answer] = {
    "html_200": _json(b"<html><body>Sign in</body></html>", kind="text/html"),
    "empty_object": _json(b"{}"),
    "no_choices": _json(json.dumps({"id": "x", "choices": []}).encode()),
    "redirect": Answer(302, {"Location": "/elsewhere"}, b""),
    "event_stream": _json(b"data: {}\n\n", kind="text/event-stream"),
    "plain_text": _json(b"hello", kind="text/plain"),
    "mistyped_content": _json(message(5)),
    "finish_error": _json(message("", finish="error")),
}

pages = st.text(min_size=0, max_size=60).map(lambda text: f"<html><p>{text}</p></html>".encode())
not_completions = st.one_of(
    st.dictionaries(st.text(max_size=8).filter(lambda k: k not in ("choices", "error")),
                    st.integers() | st.text(max_size=8), max_size=4),
    st.fixed_dictionaries({"choices": st.just([]) | st.lists(st.integers(), max_size=3)}),
    st.fixed_dictionaries({"choices": st.lists(st.fixed_dictionaries({}), min_size=1, max_size=2)}),
).map(lambda data: json.dumps(data).encode())  # fmt: skip
#: Well-formed HTTP answers that are no chat completion.
answers = st.one_of(
    st.tuples(st.sampled_from([200, 201, 203]), pages,
              st.sampled_from(["text/html", "text/plain", "application/json", ""])).map(
        lambda d: _json(d[1], d[0], d[2])
    ),
    st.tuples(st.sampled_from([200, 201]), not_completions).map(lambda d: _json(d[1], d[0])),
    st.tuples(st.sampled_from([301, 302, 303, 307, 308]),
              st.sampled_from(["/elsewhere", "http://127.0.0.1:9/v1", "file:///etc/passwd"])).map(
        lambda d: Answer(d[0], {"Location": d[1]}, b"")
    ),
    st.sampled_from(sorted(MEMBERS)).map(MEMBERS.__getitem__),
)  # fmt: skip


@pytest.fixture(scope="module", autouse=True)
def _fast_retries() -> Iterator[None]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(engine, "RetryPolicy", lambda: FAST)
        yield


@pytest.fixture(scope="module")
def article(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("round46") / "a.txt"
    path.write_text(kano(4), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def http() -> Iterator[ScriptedServer]:
    with ScriptedServer() as server:
        yield server


@pytest.fixture(scope="module")
def raw() -> Iterator[RawServer]:
    with RawServer() as server:
        yield server


def extract(article: Path, base_url: str) -> tuple[int, list[str]]:
    """``extract``'s exit code and its stderr lines."""
    result = runner.invoke(
        app, ["extract", str(article), "--model", "openai/fake-model", "--base-url", base_url,
              "--strategy", "single"],
    )  # fmt: skip
    return result.exit_code, result.stderr.strip().splitlines()


def model_calls(paths: list[str]) -> int:
    return sum(path.endswith("/chat/completions") for path in paths)


def said_once(code: int, lines: list[str]) -> None:
    assert code == SERVER_ERROR_EXIT, lines
    assert len(lines) == 1, lines
    assert "did not answer like an OpenAI-compatible API" in lines[0], lines
    assert "Traceback" not in lines[0] and "larger model" not in lines[0]


@pytest.mark.parametrize("member", sorted(MEMBERS))
def test_every_member_of_the_class_exits_alike(
    article: Path, http: ScriptedServer, member: str
) -> None:
    http.reset([MEMBERS[member]])
    code, lines = extract(article, http.base_url)
    said_once(code, lines)
    assert model_calls([request.path for request in http.received]) == 1


@examples
@given(answer=answers)
def test_a_generated_non_api_answer_exits_with_the_class_code(
    article: Path, http: ScriptedServer, answer: Answer
) -> None:
    http.reset([answer])
    code, lines = extract(article, http.base_url)
    said_once(code, lines)


@examples
@given(answer=malformed)
def test_an_answer_that_breaks_http_exits_with_the_class_code(
    article: Path, raw: RawServer, answer: bytes
) -> None:
    raw.reset([Raw(answer)])
    code, lines = extract(article, raw.base_url)
    said_once(code, lines)
    assert model_calls([request.path for request in raw.received]) == 1  # not retried
