"""Round 55, server faults: what a hostile server's answer costs after the wire.

The request's deadline bounds the wire; what is done with an answer afterwards runs on the
event loop, every worker waiting. Redaction costs seconds per MB of text, so its work must
not grow with what a server chose to send:

* an error answer (HTTP 4xx, 5xx) to a model call keeps only its first
  ``providers.MAX_ERROR_BODY_BYTES``: the SDK's error quoted the whole body, and the failed
  request's error chain, redacted link by link, cost half a minute for a 4 MB error page
  (many minutes within the 64 MiB answer cap); the error is still typed by its status and
  its words (a context-length error among them);
* a model call's answer is parsed (and its strings redacted) once: the answer check's parse
  is the one the SDK gets, not a second one;
* the one-line reason of a failed call reads a bounded head of the error's text.

Generated statuses, bodies and answers against the fake server on loopback.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor.errors import ClientModelError, IncompatibleServerError, TransientModelError
from extractor.pipeline import engine
from extractor.pipeline.engine import Extractor
from extractor.runtime import providers
from extractor.runtime.retrying import RetryPolicy
from tests.fakes.kano import EMPTY, kano
from tests.fakes.openai_server import LOOPBACK_ONLY, FakeOpenAI, Reply, RequestRecord, static

pytestmark = pytest.mark.block_network(allowed_hosts=LOOPBACK_ONLY)

FAST = RetryPolicy(
    attempts=2, initial=0.001, maximum=0.005, total=10, honour_retry_after_up_to=0.01
)
#: The error-body cap in these tests (the real one, 64 KiB, would make the bodies large).
CAP = 2048
SLACK = 4096
CONTEXT = "This model's maximum context length is 4096 tokens, your request has 9000 tokens. "


class Script:
    def __init__(self) -> None:
        self.reply: Any = lambda record: None

    def __call__(self, record: RequestRecord) -> Reply | None:
        return self.reply(record)


@pytest.fixture(scope="module")
def served() -> Iterator[tuple[FakeOpenAI, Script]]:
    script = Script()
    with FakeOpenAI(static(EMPTY), replier=script) as fake:
        with make(fake) as ex:  # the date and place data load once, here
            ex.extract(kano(2))
        yield fake, script


@pytest.fixture(autouse=True)
def _normal(served: tuple[FakeOpenAI, Script]) -> None:
    served[1].reply = lambda record: None


def make(fake: FakeOpenAI) -> Extractor:
    return Extractor(
        "openai/fake-model", base_url=fake.base_url, retry_policy=FAST, strategy="single",
        max_retries=0, timeout=20,
    )  # fmt: skip


def chain(error: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    todo: list[BaseException | None] = [error]
    while todo:
        link = todo.pop()
        if link is None or id(link) in seen:
            continue
        seen.add(id(link))
        yield link
        cause = getattr(link, "cause", None)
        todo += [
            link.__cause__,
            link.__context__,
            cause if isinstance(cause, BaseException) else None,
        ]


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    status=st.sampled_from([400, 403, 404, 413, 422, 429, 500, 502, 503]),
    size=st.integers(CAP + 2 * SLACK, 12 * CAP),
    word=st.text(
        st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]), min_size=1, max_size=12
    ),
    as_json=st.booleans(),
    context=st.booleans(),
)
def test_an_error_answer_costs_its_head_not_its_size(
    served: tuple[FakeOpenAI, Script],
    monkeypatch: pytest.MonkeyPatch,
    status: int,
    size: int,
    word: str,
    as_json: bool,
    context: bool,
) -> None:
    """However long an error answer, no link of the failed request's error chain holds more
    than the kept head of it; the error is typed by its status, and a context-length error
    is still said as one."""
    fake, script = served
    monkeypatch.setattr(providers, "MAX_ERROR_BODY_BYTES", CAP, raising=False)
    said = (CONTEXT if context else "failure ") + (word + " ") * (size // (len(word) + 1))
    body = json.dumps({"error": {"message": said, "type": "x"}}) if as_json else said
    script.reply = lambda record: Reply(
        status, body, content_type="application/json" if as_json else "text/plain"
    )
    with make(fake) as ex, pytest.raises((ClientModelError, TransientModelError)) as caught:
        ex.extract(kano(7))
    error = caught.value
    assert f"HTTP {status}" in str(error)
    if status in (429, 500, 502, 503):
        assert isinstance(error, TransientModelError)
    else:
        assert isinstance(error, ClientModelError)
        if context and status in (400, 413, 422):
            assert "context window" in str(error)
    longest = max(len(str(link)) for link in chain(error))
    assert longest <= CAP + SLACK, f"a link of the chain quotes {longest} characters of the body"


answers = st.fixed_dictionaries(
    {"system_fingerprint": st.text(max_size=30), "service_tier": st.text(max_size=10)},
    optional={"note": st.lists(st.text(max_size=20), max_size=5)},
)


@settings(
    max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(extra=answers, documents=st.integers(1, 3))
def test_an_answer_is_parsed_once(
    served: tuple[FakeOpenAI, Script],
    monkeypatch: pytest.MonkeyPatch,
    extra: dict[str, Any],
    documents: int,
) -> None:
    """Each answer to a model call is parsed (its strings redacted) once, whatever it holds."""
    fake, script = served
    parses: list[int] = []
    real = providers.answer_json

    def counted(raw: Any, **kwargs: Any) -> Any:
        parses.append(len(raw))
        return real(raw, **kwargs)

    monkeypatch.setattr(providers, "answer_json", counted)
    message = {"role": "assistant", "content": EMPTY}
    answer = {
        "id": "c", "object": "chat.completion", "created": 0, "model": "fake-model",
        "choices": [{"index": 0, "message": message, "finish_reason": "stop"}],
        "usage": {"prompt_tokens": 5, "completion_tokens": 2, "total_tokens": 7}, **extra,
    }  # fmt: skip
    script.reply = lambda record: Reply(200, json.dumps(answer))
    before = len(fake.log)
    with make(fake) as ex:
        for number in range(documents):
            ex.extract(kano(100 + number))
    assert len(parses) == len(fake.log) - before == documents


@settings(max_examples=20, deadline=None)
@given(head=st.text(max_size=50), size=st.integers(10_000, 200_000))
def test_the_reason_of_a_failed_call_reads_a_bounded_head(head: str, size: int) -> None:
    """The one-line reason redacts a bounded head of the error's text, however long it is,
    and is at most 300 characters."""
    seen: list[int] = []
    real = engine.redact

    def measured(text: str) -> str:
        seen.append(len(text))
        return real(text)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(engine, "redact", measured)
        line = engine._one_line(head + " word" * (size // 5))
    assert len(line) <= 300
    assert max(seen) <= 8192


@settings(
    max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(status=st.integers(600, 999), body=st.sampled_from(["", "{}", EMPTY, "<html>x</html>"]))
def test_a_status_http_does_not_have_is_the_server(
    served: tuple[FakeOpenAI, Script], status: int, body: str
) -> None:
    """A status past 599 is no answer of any address: the server's fault (kind ``server``),
    said at once, never a wrong base URL to check."""
    fake, script = served
    script.reply = lambda record: Reply(status, body)
    before = len(fake.log)
    with make(fake) as ex, pytest.raises(IncompatibleServerError) as caught:
        ex.extract(kano(9))
    assert caught.value.kind == "server"
    assert f"HTTP {status}" in str(caught.value)
    assert "--base-url" not in str(caught.value)
    assert len(fake.log) - before == 1
