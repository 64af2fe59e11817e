"""What a model server can answer, generated: each answer ends as the right typed error, in
bounded time, and a bulk run stops as soon as every further document would fail alike.

Every test talks to the fault-injecting server on loopback (``tests/fakes/openai_server.py``)
through the real Extractor, with statuses, bodies, headers and refusal texts drawn by
hypothesis, and small deadlines so that the module stays fast. The invariants:

* **Retry-After** (F5): whatever a 429 asks for (a day, a date centuries ahead), the wait is
  at most ``honour_retry_after_up_to`` and the call deadline; the WARNING that says so is
  logged once per extractor, however many workers and documents see it; a server that keeps
  asking fails the document as "rate limited: the server asked to wait N s".
* **Refusals** (F6): ``message.refusal`` or ``finish_reason="content_filter"`` is a
  ModelRefusal (kind ``refusal``), after one request (never re-asked), its text redacted and
  clipped; a refusal never stops a bulk run.
* **Classification** (F7): 2xx and 3xx answers that are not chat completions are
  IncompatibleServerError after one request; 408, 409, 425, 429 and 5xx are
  TransientModelError after every attempt of the policy; any other 4xx is a ClientModelError
  after one request, kind ``config`` (``input`` for 413, and for a context-length error on a
  long article).
* **Early stop** (F7): three documents in a row refused alike by a request error, or
  ``abort_after`` in a row failed by the server, stop a bulk run with one line that says what
  to do; once a request has spent its whole schedule on server failures the others are not
  retried; and a rerun once the server is fixed ends every document as exactly one line.
"""

from __future__ import annotations

import email.utils
import itertools
import json
import logging
import re
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from extractor.bulk.batch import (
    SAME_FAILURES_IN_A_ROW,
    SERVER_KINDS,
    BatchAborted,
    BatchResult,
    ErrorInfo,
    extract_many,
)
from extractor.bulk.runner import BulkRun
from extractor.errors import (
    ClientModelError,
    ExtractionFailed,
    IncompatibleServerError,
    ModelRefusal,
    TransientModelError,
)
from extractor.io.output import latest_lines
from extractor.pipeline import engine
from extractor.pipeline.engine import Extractor
from extractor.runtime import aio
from extractor.runtime.providers import REFUSAL_CHARS
from extractor.runtime.retrying import (
    MAX_RETRY_AFTER,
    TINY_REQUEST_CHARS,
    Backoff,
    RetryPolicy,
    parse_retry_after,
)
from tests.fakes.kano import EMPTY, KANO, kano
from tests.fakes.openai_server import LOOPBACK_ONLY, FakeOpenAI, Reply, RequestRecord, static

pytestmark = pytest.mark.block_network(allowed_hosts=LOOPBACK_ONLY)

ATTEMPTS = 3
#: Retries in milliseconds; a Retry-After is waited 0.05 s at most.
FAST = RetryPolicy(
    attempts=ATTEMPTS, initial=0.001, maximum=0.005, total=10, honour_retry_after_up_to=0.05
)
CAP = FAST.honour_retry_after_up_to
examples = settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
few = settings(examples, max_examples=8)
FILLER = "The market reopened on Saturday and traffic was light. "
LONG_ARTICLE_REPEAT = TINY_REQUEST_CHARS // len(FILLER) + 2


# ------------------------------------------------------------------ the server


class Script:
    """What the server answers, set by each example: ``reply(record)``, None for a normal
    answer (a valid one, with no record)."""

    def __init__(self) -> None:
        self.reply: Callable[[RequestRecord], Reply | None] = lambda record: None

    def __call__(self, record: RequestRecord) -> Reply | None:
        return self.reply(record)


class Server:
    def __init__(self, fake: FakeOpenAI, script: Script) -> None:
        self.fake, self.script = fake, script

    @property
    def base_url(self) -> str:
        return self.fake.base_url

    def requests(self) -> int:
        return len(self.fake.log)


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    script = Script()
    # Normal answers hold no record: grounding one costs more CPU than the whole request.
    with FakeOpenAI(static(EMPTY), replier=script) as fake:
        yield Server(fake, script)


@pytest.fixture(autouse=True)
def _normal(server: Server) -> None:
    server.script.reply = lambda record: None


@pytest.fixture(scope="module", autouse=True)
def _warm(server: Server) -> None:
    """One extraction first: loading the date and place data takes seconds, once."""
    with make(server) as ex:
        ex.extract(kano(2))


def make(server: Server, **options: Any) -> Extractor:
    options.setdefault("retry_policy", FAST)
    options.setdefault("strategy", "single")
    return Extractor("openai/fake-model", base_url=server.base_url, **options)


def error_json(
    message: str, *, code: str | None = None, kind: str = "invalid_request_error"
) -> str:
    return json.dumps({"error": {"message": message, "type": kind, "param": None, "code": code}})


def completion(
    content: str | None, *, refusal: str | None = None, finish: str = "stop", prompt: int = 50
) -> str:
    message = {"role": "assistant", "content": content, "refusal": refusal}
    return json.dumps({
        "id": "chatcmpl-gen", "object": "chat.completion", "created": 0, "model": "fake-model",
        "choices": [{"index": 0, "message": message, "finish_reason": finish, "logprobs": None}],
        "usage": {"prompt_tokens": prompt, "completion_tokens": 3, "total_tokens": prompt + 3},
    })  # fmt: skip


def for_first(count: int, reply: Reply) -> Callable[[RequestRecord], Reply | None]:
    """``reply`` for the first ``count`` requests, then normal answers."""
    seen = itertools.count()
    return lambda record: reply if next(seen) < count else None


def doc_number(record: RequestRecord) -> int | None:
    found = KANO.search(record.message_text)
    return int(found.group(1)) if found else None


class Warnings(logging.Handler):
    """The lines the retry module logs at ``level`` (WARNING unless told), as formatted."""

    def __init__(self, level: int = logging.WARNING) -> None:
        super().__init__(level)
        self.lines: list[str] = []
        self.logger = logging.getLogger("extractor.runtime.retrying")
        self.saved = self.logger.level

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno == self.level:
            self.lines.append(record.getMessage())

    def __enter__(self) -> list[str]:
        self.logger.addHandler(self)
        self.logger.setLevel(min(self.level, self.logger.getEffectiveLevel()))
        return self.lines

    def __exit__(self, *exc: object) -> None:
        self.logger.removeHandler(self)
        self.logger.setLevel(self.saved)


def one_line(text: str) -> bool:
    return "\n" not in text and "\r" not in text


# ------------------------------------------------------------------ F5: Retry-After


def _http_date(seconds_ahead: int) -> str:
    return email.utils.formatdate(time.time() + seconds_ahead, usegmt=True)


#: Longer than any wait we take: seconds, fractions, exponents, dates up to centuries ahead.
huge_retry_after = st.one_of(
    st.integers(min_value=121, max_value=10**12).map(str),
    st.floats(min_value=121, max_value=1e15).map(repr),
    st.integers(min_value=3600, max_value=10**10).map(_http_date),
)


def _asked(message: str) -> float | None:
    found = re.search(r"asked to wait (?:more than )?([\d.]+) s", message)
    return float(found.group(1)) if found else None


class TestRetryAfter:
    @examples
    @given(header=huge_retry_after, then=st.sampled_from([None, 503, 429]))
    def test_a_huge_wait_is_capped_and_said_once(
        self, server: Server, header: str, then: int | None
    ) -> None:
        """Asked for longer than we wait, a request waits the cap once; a 503 or a short 429
        after that is retried as usual."""
        asked = parse_retry_after(header)
        assert asked is not None and asked > CAP
        replies = [Reply(429, error_json("slow"), {"Retry-After": header})]
        if then is not None:
            replies.append(Reply(then, error_json("busy"), {"Retry-After": "0"}))
        sent = itertools.count()
        server.script.reply = lambda record: (
            replies[n] if (n := next(sent)) < len(replies) else None
        )
        before = server.requests()
        with Warnings() as warned, make(server) as ex:
            started = time.monotonic()
            result = ex.extract(kano(4))
            elapsed = time.monotonic() - started
        assert result.metadata.calls == server.requests() - before == len(replies) + 1
        assert elapsed < CAP + 2.0  # never the day it asked for
        [line] = warned
        assert "asked to wait" in line and f"waiting {CAP:g} s instead" in line
        said = _asked(line)
        assert said is not None and said == pytest.approx(min(asked, MAX_RETRY_AFTER), abs=5)

    @examples
    @given(header=huge_retry_after)
    def test_a_server_that_keeps_asking_fails_the_document_as_rate_limited(
        self, server: Server, header: str
    ) -> None:
        server.script.reply = lambda record: Reply(
            429, error_json("quota exhausted"), {"Retry-After": header}
        )
        before = server.requests()
        with Warnings() as warned, make(server) as ex, pytest.raises(TransientModelError) as caught:
            started = time.monotonic()
            ex.extract(kano(4))
        elapsed = time.monotonic() - started
        error = caught.value
        message = str(error)
        assert server.requests() - before == 2  # one capped wait, then it asked again: give up
        assert elapsed < CAP + 2.0
        assert message.startswith("rate limited: the server asked to wait ") and one_line(message)
        assert error.status_code == 429 and error.kind == "transient"
        assert ErrorInfo.from_exception(error).reason() == "transient: HTTP 429"
        assert len(warned) == 1

    @settings(examples, max_examples=5)
    @given(timeout=st.floats(min_value=0.3, max_value=0.5))
    def test_the_call_deadline_caps_the_wait_when_it_is_shorter(
        self, server: Server, timeout: float, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setattr(engine, "CALL_SLACK", 0.05)
        policy = RetryPolicy(attempts=2, initial=0.001, maximum=0.005, total=10)  # 120 s cap
        server.script.reply = for_first(1, Reply(429, error_json("x"), {"Retry-After": "86400"}))
        with (
            Warnings() as warned,
            make(server, timeout=timeout, max_retries=0, retry_policy=policy) as ex,
        ):
            deadline = ex.call_deadline
            started = time.monotonic()
            ex.extract(kano(4))
            elapsed = time.monotonic() - started
        assert deadline < policy.honour_retry_after_up_to
        assert elapsed < deadline + 1.5
        [line] = warned
        assert "86400 s (1 day)" in line

    @given(
        honour=st.floats(min_value=0, max_value=1e6),
        deadline=st.none() | st.floats(allow_nan=True, allow_infinity=True),
    )
    def test_the_cap_is_the_smaller_of_the_policy_and_the_deadline(
        self, honour: float, deadline: float | None
    ) -> None:
        cap = RetryPolicy(honour_retry_after_up_to=honour).retry_after_cap(deadline)
        assert 0 <= cap <= honour
        if deadline is not None and 0 < deadline < float("inf"):
            assert cap == min(honour, deadline)

    @few
    @given(concurrency=st.integers(1, 4))
    def test_every_worker_pauses_and_the_warning_is_logged_once_per_run(
        self, server: Server, concurrency: int
    ) -> None:
        limited: set[int | None] = set()  # each document's first request gets a 429

        def reply(record: RequestRecord) -> Reply | None:
            number = doc_number(record)
            if number in limited:
                return None
            limited.add(number)
            return Reply(429, error_json("slow"), {"Retry-After": "86400"})

        server.script.reply = reply
        items = [(f"d{n}", kano(n + 2)) for n in range(6)]
        with Warnings() as warned:
            results = _collect(items, make(server), concurrency=concurrency)
        assert sorted(r.doc_id for r in results) == [f"d{n}" for n in range(6)]
        assert all(r.ok for r in results), [r.error for r in results]
        assert len(warned) == 1


# ------------------------------------------------------------------ F6: refusals


SECRET_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_"


class TestRefusals:
    @examples
    @given(
        said=st.text(max_size=3000),
        finish=st.sampled_from(["stop", "content_filter"]),
        secret=st.text(alphabet=SECRET_CHARS, min_size=12, max_size=40),
        at=st.integers(min_value=0, max_value=3000),
        prompt=st.integers(min_value=1, max_value=10**6),
    )
    def test_a_refusal_is_reported_as_one_after_one_request(
        self, server: Server, said: str, finish: str, secret: str, at: int, prompt: int
    ) -> None:
        assume(secret not in said)  # else the text shows it, redacted key or not
        key = "sk-" + secret
        text = said[:at] + key + said[at:] if said.strip() else said  # the key echoed inside
        refused = bool(text.strip()) or finish == "content_filter"
        body = completion(
            None if refused else EMPTY, refusal=text or None, finish=finish, prompt=prompt
        )
        server.script.reply = lambda record: Reply(200, body)
        before = server.requests()
        with make(server, api_key=key) as ex:
            if not refused:
                assert ex.extract(kano(4)).metadata.calls == 1
                return
            with pytest.raises(ModelRefusal) as caught:
                ex.extract(kano(4))
        assert server.requests() - before == 1  # not re-asked, not retried
        error = caught.value
        info = ErrorInfo.from_exception(error)
        assert isinstance(error, ExtractionFailed) and error.kind == info.kind == "refusal"
        assert info.reason() in ("refusal: the model declined", "refusal: content filter")
        assert (info.reason() == "refusal: content filter") == (finish == "content_filter")
        assert len(error.refusal) <= REFUSAL_CHARS and one_line(str(error))
        for shown in (str(error), error.refusal, info.message, json.dumps(info.to_dict())):
            assert key not in shown and secret not in shown
        assert error.usage is not None and error.usage.prompt_tokens == prompt
        assert "JSON" not in str(error) and "larger model" not in str(error)

    @few
    @given(
        status=st.sampled_from([400, 403]),
        shape=st.sampled_from(["azure", "openai"]),
        said=st.text(max_size=200),
        concurrency=st.integers(1, 3),
    )
    def test_a_request_the_content_filter_refuses_is_a_refusal_of_that_document_alone(
        self, server: Server, status: int, shape: str, said: str, concurrency: int
    ) -> None:
        """A 400 (or 403) whose error code is a content filter's declines the article, as a
        refused answer does: each document so refused is one line of kind ``refusal`` and
        the run goes on, where three in a row used to stop it as a broken setup."""
        inner = {"code": "ResponsibleAIPolicyViolation", "content_filter_result": {}}
        body = {
            "azure": json.dumps({"error": {"message": said, "type": None, "param": "prompt",
                                           "code": "content_filter", "status": status,
                                           "innererror": inner}}),
            "openai": error_json(said, code="content_policy_violation"),
        }[shape]  # fmt: skip
        count = SAME_FAILURES_IN_A_ROW + 3
        refused = {n + 2 for n in range(count) if n % 4 != 3}  # one in four goes through
        server.script.reply = lambda record: (
            Reply(status, body) if doc_number(record) in refused else None
        )
        with tempfile.TemporaryDirectory() as scratch:
            folder, output = _folder(Path(scratch), count), Path(scratch) / "out.jsonl"
            _bulk(folder, output, make(server), concurrency=concurrency)
            lines = _lines(output)
        assert len(lines) == count
        kinds = sorted(line["error"]["kind"] for line in lines if line["error"])
        assert kinds == ["refusal"] * len(refused)
        assert [line["status"] for line in lines].count("error") == len(refused)

    @given(said=st.text(max_size=2000), secret=st.text(alphabet=SECRET_CHARS, min_size=16))
    def test_a_refusal_that_reaches_instructor_is_a_refusal_too(
        self, said: str, secret: str
    ) -> None:
        """A provider whose answers bypass our HTTP client: instructor's TOOLS mode raises an
        AssertionError for ``message.refusal``, which is still reported as a refusal (an
        OpenAI-style key in it, known to no one, redacted all the same)."""
        from instructor.core.exceptions import InstructorRetryException

        assume(secret not in said)
        try:
            raise AssertionError(f"Unable to generate a response due to {said} sk-{secret}")
        except AssertionError as cause:
            wrapped = InstructorRetryException("failed", n_attempts=1, total_usage=0)
            wrapped.__cause__ = cause
        error = engine._exhausted(wrapped, engine._Tally())
        assert isinstance(error, ModelRefusal) and error.kind == "refusal"
        assert len(error.refusal) <= REFUSAL_CHARS and secret not in str(error) + error.refusal
        assert one_line(str(error))


# ------------------------------------------------------------------ F7: classification


CONTEXT_MESSAGES = (
    "This model's maximum context length is 512 tokens. However, your messages resulted in "
    "903 tokens. Please reduce the length of the messages.",
    "the request exceeds the available context size, try increasing it",
    "prompt is too long: 204815 tokens > 200000 maximum",
    "Input validation error: `inputs` tokens + `max_new_tokens` must be <= 2048",
)
messages = st.text(max_size=200).filter(
    lambda m: not re.search(r"(?i)context|token|n_ctx|too long", m)
)
bodies = st.one_of(
    messages.map(error_json),
    messages.map(
        lambda m: f"<html><head><title>Error</title></head><body><h1>{m}</h1></body></html>"
    ),
    messages,
    st.just(""),
)
TRANSIENT = (408, 409, 425, 429, *range(500, 600))
statuses = st.one_of(
    st.sampled_from([200, 201, 202, 299, 300, 301, 302, 303, 307, 308]),
    st.integers(400, 599).filter(lambda s: s not in (401, 403, 404)),
)


def long_article(killed: int) -> str:
    return kano(killed) + " " + FILLER * LONG_ARTICLE_REPEAT


class TestClassification:
    @examples
    @given(status=statuses, body=bodies, html=st.booleans())
    def test_every_answer_ends_as_its_typed_error(
        self, server: Server, status: int, body: str, html: bool
    ) -> None:
        kind = "text/html" if html else "application/json"
        server.script.reply = lambda record: Reply(status, body, content_type=kind)
        before = server.requests()
        with make(server) as ex, pytest.raises(Exception) as caught:
            ex.extract(kano(4))
        error, requests = caught.value, server.requests() - before
        message = str(error)
        assert one_line(message) and "larger model" not in message
        if status < 400:
            assert isinstance(error, IncompatibleServerError) and requests == 1
            assert error.kind in ("config", "server") and "OpenAI-compatible" in message
        elif status in TRANSIENT:
            assert isinstance(error, TransientModelError) and requests == ATTEMPTS
            assert error.status_code == status and f"HTTP {status}" in message
        else:
            assert isinstance(error, ClientModelError) and requests == 1
            assert error.status_code == status and f"HTTP {status}" in message
            assert error.kind == ("input" if status == 413 else "config")

    @examples
    @given(
        wording=st.sampled_from(CONTEXT_MESSAGES),
        status=st.sampled_from([400, 413, 422]),
        long=st.booleans(),
    )
    def test_a_context_length_error_is_the_setup_on_a_short_article_else_the_document(
        self, server: Server, wording: str, status: int, long: bool
    ) -> None:
        server.script.reply = lambda record: Reply(
            status, error_json(wording, code="context_length_exceeded")
        )
        article = long_article(4) if long else kano(4)
        assert (len(article) > TINY_REQUEST_CHARS) == long
        before = server.requests()
        with make(server) as ex, pytest.raises(ClientModelError) as caught:
            ex.extract(article)
        assert server.requests() - before == 1
        error = caught.value
        assert error.kind == ("input" if long else "config")
        assert "context window" in str(error) and "chunk_chars" in str(error)


# ------------------------------------------------------------------ F7: early stop


def _folder(root: Path, count: int) -> Path:
    folder = root / "in"
    folder.mkdir()
    for n in range(count):
        (folder / f"d{n:02d}.txt").write_text(kano(n + 2), encoding="utf-8")
    return folder


def _bulk(folder: Path, output: Path, ex: Extractor, **options: Any) -> BulkRun:
    run = BulkRun([folder], output, extractor=ex, **options)

    async def go() -> None:
        try:
            await run.run()
        finally:
            await ex.aclose()

    aio.run(go())
    return run


def _lines(output: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]


def _resume_completes(server: Server, folder: Path, output: Path, count: int) -> None:
    """A rerun with a working server ends every document as exactly one line, all ok with
    ``retry_errors``."""
    server.script.reply = lambda record: None
    _bulk(folder, output, make(server))
    # issue #14: the plain rerun redoes the server-side failures the stop left (their
    # new lines supersede the error lines); judged by the winning line of each id
    winners = list(latest_lines(output))
    assert len({line["doc_id"] for line in winners}) == len(winners) == count
    assert not [w for w in winners if w["error"] and w["error"]["kind"] in SERVER_KINDS]
    _bulk(folder, output, make(server), retry_errors=True)
    lines = list(latest_lines(output))
    assert len(lines) == count and all(line["status"] == "ok" for line in lines)


#: Request errors that would fail every document alike, and what the stop line must say.
ALIKE: dict[str, tuple[Reply, str]] = {
    "bad_request": (Reply(400, error_json("Invalid value for 'response_format'")), "check --model"),
    "unprocessable": (Reply(422, error_json("unknown field")), "check --model"),
    "method": (Reply(405, "Method Not Allowed", content_type="text/plain"), "check --base-url"),
    "context": (
        Reply(400, error_json(CONTEXT_MESSAGES[0], code="context_length_exceeded")),
        "raise the server's context size",
    ),
    "html_200": (
        Reply(200, "<html><body>Sign in</body></html>", content_type="text/html"),
        "check --base-url",
    ),
    "empty_object": (Reply(200, "{}"), "not answer like an OpenAI-compatible API"),
    "no_choices": (
        Reply(200, json.dumps({"id": "x", "object": "chat.completion", "choices": []})),
        "empty 'choices' list",
    ),
    "redirect": (Reply(302, "", {"Location": "/_fake/landing"}), "check --base-url"),
}


class TestEarlyStop:
    @few
    @given(
        family=st.sampled_from(sorted(ALIKE)),
        concurrency=st.integers(1, 3),
        ok_first=st.integers(0, 2),
    )
    def test_alike_request_errors_stop_the_run_and_a_rerun_completes_it(
        self, server: Server, family: str, concurrency: int, ok_first: int
    ) -> None:
        reply, says = ALIKE[family]
        count = 12
        server.script.reply = lambda record: (
            None if (doc_number(record) or 0) - 2 < ok_first else reply
        )
        with tempfile.TemporaryDirectory() as scratch:
            folder, output = _folder(Path(scratch), count), Path(scratch) / "out.jsonl"
            before = server.requests()
            with pytest.raises(BatchAborted) as caught:
                _bulk(folder, output, make(server), concurrency=concurrency)
            lines = _lines(output)
            message = str(caught.value)
            assert one_line(message) and says in message
            assert "all failed the same way" in message and "larger model" not in message
            assert SAME_FAILURES_IN_A_ROW <= len(lines) < count
            assert [line["status"] for line in lines[-SAME_FAILURES_IN_A_ROW:]] == ["error"] * 3
            assert server.requests() - before <= len(lines) + concurrency  # none retried
            _resume_completes(server, folder, output, count)

    @few
    @given(status=st.sampled_from([401, 403, 404]), concurrency=st.integers(1, 3))
    def test_a_rejected_key_or_model_stops_at_once(
        self, server: Server, status: int, concurrency: int
    ) -> None:
        server.script.reply = lambda record: Reply(status, error_json("no"))
        with tempfile.TemporaryDirectory() as scratch:
            folder, output = _folder(Path(scratch), 6), Path(scratch) / "out.jsonl"
            with pytest.raises(ClientModelError) as caught:
                _bulk(folder, output, make(server), concurrency=concurrency)
            assert caught.value.status_code == status and one_line(str(caught.value))
            assert _lines(output) == []  # the documents that met it are done again on resume
            _resume_completes(server, folder, output, 6)

    @few
    @given(
        status=st.sampled_from([500, 502, 503, 504, 520, 529, 599]),
        page=st.booleans(),
        concurrency=st.integers(1, 3),
        abort_after=st.integers(2, 6),
    )
    def test_a_persistent_server_error_stops_the_run_quickly_and_a_rerun_completes_it(
        self, server: Server, status: int, page: bool, concurrency: int, abort_after: int
    ) -> None:
        body = f"<html><h1>{status} Bad Gateway</h1></html>" if page else error_json("down")
        server.script.reply = lambda record: Reply(
            status, body, content_type="text/html" if page else "application/json"
        )
        count = 12
        with tempfile.TemporaryDirectory() as scratch:
            folder, output = _folder(Path(scratch), count), Path(scratch) / "out.jsonl"
            before = server.requests()
            started = time.monotonic()
            with pytest.raises(BatchAborted) as caught:
                _bulk(
                    folder, output, make(server), concurrency=concurrency, abort_after=abort_after
                )
            elapsed = time.monotonic() - started
            requests = server.requests() - before
            message = str(caught.value)
            assert f"the model server at {server.base_url} keeps answering HTTP {status}" in message
            assert "resume later" in message and one_line(message)
            assert len(_lines(output)) == abort_after
            # the first documents spend the schedule; after that, one attempt each
            assert requests <= concurrency * ATTEMPTS + abort_after + concurrency
            assert elapsed < 5
            _resume_completes(server, folder, output, count)

    def test_once_the_server_is_down_a_document_costs_one_request(self, server: Server) -> None:
        server.script.reply = lambda record: Reply(502, error_json("down"))
        policy = RetryPolicy(attempts=5, initial=0.001, maximum=0.005, total=10)
        with tempfile.TemporaryDirectory() as scratch:
            folder, output = _folder(Path(scratch), 12), Path(scratch) / "out.jsonl"
            before = server.requests()
            with pytest.raises(BatchAborted):
                _bulk(
                    folder, output, make(server, retry_policy=policy), concurrency=1, abort_after=8
                )
            assert server.requests() - before == 5 + 7  # not 8 * 5

    @examples
    @given(
        outcomes=st.lists(
            st.sampled_from(
                ["ok", "refusal", "model", "bad_request", "not_json", "transient", "input"]
            ),
            min_size=1,
            max_size=14,
        ),
        abort_after=st.integers(0, 6),
    )
    def test_only_a_streak_the_server_causes_stops_the_run(
        self, server: Server, outcomes: list[str], abort_after: int
    ) -> None:
        """With one worker, documents finish in order, so when the run stops is known: at three
        alike request errors in a row, or ``abort_after`` server failures in a row; an answer
        (ok, invalid, refused) ends both streaks and a bad input neither."""
        replies = {
            "refusal": Reply(200, completion(None, refusal="I can't help with that")),
            "model": Reply(200, completion("not json")),
            "bad_request": Reply(400, error_json("bad")),
            "not_json": Reply(200, "<html>login</html>", content_type="text/html"),
            "transient": Reply(503, error_json("busy")),
        }
        by_doc = {n + 2: outcome for n, outcome in enumerate(outcomes)}
        server.script.reply = lambda record: replies.get(by_doc.get(doc_number(record) or 0, "ok"))
        items = [
            (f"d{n:02d}", "  " if outcome == "input" else kano(n + 2))
            for n, outcome in enumerate(outcomes)
        ]
        seen: list[BatchResult] = []
        stopped = False
        try:
            _collect(items, make(server, max_retries=0), abort_after=abort_after, into=seen)
        except BatchAborted:
            stopped = True
        stop = _expected_stop(outcomes, abort_after)
        assert stopped == (stop is not None)
        assert len(seen) == (len(outcomes) if stop is None else stop + 1)


def _collect(
    items: list[tuple[str, str]],
    ex: Extractor,
    *,
    into: list[BatchResult] | None = None,
    **options: Any,
) -> list[BatchResult]:
    """extract_many to the end (or the stop), on a loop of its own; the results so far in
    ``into``."""
    results = into if into is not None else []
    options.setdefault("concurrency", 1)

    async def go() -> None:
        try:
            async for result in extract_many(items, extractor=ex, **options):
                results.append(result)
        finally:
            await ex.aclose()

    aio.run(go())
    return results


def _expected_stop(outcomes: list[str], abort_after: int) -> int | None:
    """The index of the document whose result stops the run (see the module doc of batch.py)."""
    in_a_row, same, same_count = 0, "", 0
    for index, outcome in enumerate(outcomes):
        if outcome in ("ok", "refusal", "model"):
            in_a_row, same, same_count = 0, "", 0
            continue
        if outcome == "input":
            continue
        in_a_row += 1
        if outcome == "transient":
            same, same_count = "", 0
        else:
            same_count = same_count + 1 if outcome == same else 1
            same = outcome
            limit = min(SAME_FAILURES_IN_A_ROW, abort_after)  # abort_after=0: never stop
            if limit and same_count >= limit:
                return index
        if abort_after and in_a_row >= abort_after:
            return index
    return None


# ------------------------------------------------------------------ the shared breaker


class TestServerDown:
    @given(
        events=st.lists(
            st.sampled_from(
                ["answered", "failed_5xx", "failed_timeout", "failed_429", "failed_429_long"]
            ),
            max_size=30,
        )
    )
    def test_down_means_the_server_refused_a_whole_request_since_the_last_answer(
        self, events: list[str]
    ) -> None:
        backoff = Backoff()
        backoff.retry_after_cap = 120.0
        refusing = ("failed_5xx", "failed_timeout", "failed_429_long")
        errors = {
            "failed_5xx": TransientModelError("HTTP 502", status_code=502),
            "failed_timeout": TransientModelError("the model server did not answer in time"),
            "failed_429": TransientModelError("rate limited", status_code=429, retry_after=60),
            "failed_429_long": TransientModelError("a day", status_code=429, retry_after=86400),
        }
        down, outages = False, 0
        with Warnings(logging.DEBUG) as warned:
            for event in events:
                if event == "answered":
                    backoff.answered()
                    down = False
                else:
                    backoff.gave_up(errors[event], "http://u:hunter2-pass@h/v1")
                    if event in refusing:
                        outages += not down
                        down = True
                assert backoff.server_down == down
        # one line (DEBUG) each time the server goes down, never the URL's password
        assert len(warned) == outages
        assert all("hunter2" not in line and "***@h/v1" in line for line in warned)

    async def test_an_answer_ends_the_outage(self, server: Server) -> None:
        policy = RetryPolicy(attempts=4, initial=0.001, maximum=0.005, total=10)
        ex = make(server, retry_policy=policy)
        server.script.reply = lambda record: Reply(502, error_json("down"))
        with pytest.raises(TransientModelError):
            await ex.aextract(kano(3))
        assert ex.backoff.server_down
        before = server.requests()
        server.script.reply = for_first(1, Reply(502, error_json("down")))
        with pytest.raises(TransientModelError):
            await ex.aextract(kano(3))  # down: one attempt, not four
        assert server.requests() - before == 1
        await ex.aextract(kano(3))  # it answers: the outage is over
        assert not ex.backoff.server_down
        before = server.requests()
        server.script.reply = for_first(1, Reply(502, error_json("blip")))
        await ex.aextract(kano(3))  # a failure is retried again
        assert server.requests() - before == 2
        await ex.aclose()
