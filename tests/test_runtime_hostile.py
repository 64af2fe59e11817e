"""The model server at its worst: slow drips, nonsense retry hints, answers that are not OpenAI's.

Invariants, each tested with generated inputs or against the fault-injecting
server on loopback:

* every request ends within its deadline, however slowly the server sends
  (a deadline is a TransientModelError that says so);
* whatever a ``Retry-After`` header holds, the wait is a finite number of
  seconds within the policy's bounds, never an exception;
* an answer that is not an OpenAI chat completion is an
  IncompatibleServerError of kind ``server`` or ``config`` naming the URL,
  never a model failure, and a bulk run whose first documents all get one
  stops early;
* a failed extraction says why (the last validation error), an HTTP error
  its status and a short excerpt of what the server said.
"""

from __future__ import annotations

import asyncio
import email.utils
import json
import math
import time
from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from extractor.bulk.batch import BatchAborted, BatchResult, ErrorInfo, extract_many
from extractor.cli import app
from extractor.errors import (
    ERROR_KINDS,
    ClientModelError,
    ConfigurationError,
    ExtractionFailed,
    ExtractorError,
    IncompatibleServerError,
    InputError,
    LocalModelError,
    ModelError,
    ModelRefusal,
    TransientModelError,
)
from extractor.errors import (
    BatchAborted as BatchAbortedError,
)
from extractor.pipeline import engine
from extractor.pipeline.engine import Extractor
from extractor.runtime.retrying import (
    EXCERPT_CHARS,
    MAX_RETRY_AFTER,
    RetryPolicy,
    _retry_after,
    excerpt,
    parse_retry_after,
)
from tests.fakes.kano import casualty_responder, kano
from tests.fakes.openai_server import (
    LOOPBACK_ONLY,
    NOT_OPENAI_FAULTS,
    FakeOpenAI,
    Fault,
    static,
)
from tests.test_engine_faults import ARTICLE, PUBLISHED, VALID, answer

pytestmark = pytest.mark.block_network(allowed_hosts=LOOPBACK_ONLY)
runner = CliRunner()
FAST = RetryPolicy(attempts=3, initial=0.01, maximum=0.05, total=10, honour_retry_after_up_to=0.2)


def extractor(server: FakeOpenAI, **options: Any) -> Extractor:
    options.setdefault("retry_policy", FAST)
    return Extractor("openai/fake-model", base_url=server.base_url, **options)


@pytest.fixture(scope="module", autouse=True)
def _warm() -> None:
    """One extraction first: loading the date and place data takes seconds, once, and the
    timings below are about the server, not about that."""
    with FakeOpenAI(static(VALID)) as server, extractor(server) as ex:
        ex.extract(ARTICLE, published=PUBLISHED)


# ------------------------------------------------------------------ Retry-After


def _assert_sane(wait: float | None) -> None:
    assert wait is None or (math.isfinite(wait) and 0.0 <= wait <= MAX_RETRY_AFTER)


@given(st.one_of(st.text(), st.binary(), st.none(), st.integers(), st.floats()))
@example("soon")
@example("-5")
@example("1e999")
@example("-1e999")
@example("nan")
@example("inf")
@example("")
@example("   ")
@example("Wed, 21 Oct 2015 07:28:00 GMT")
@example("Fri, 31 Dec 9999 23:59:59 GMT")
@example("Mon, 32 Foo 2024 99:99:99 GMT")
@example("0x10")
@example("1_000")
def test_any_retry_after_is_a_bounded_wait_or_none(value: Any) -> None:
    _assert_sane(parse_retry_after(value))
    _assert_sane(parse_retry_after(value, milliseconds=True))


@given(st.dictionaries(st.sampled_from(["retry-after", "retry-after-ms", "x"]), st.text()))
def test_any_rate_limit_headers_give_a_bounded_wait_or_none(headers: dict[str, str]) -> None:
    _assert_sane(_retry_after(headers))


def test_retry_after_values_mean_what_they_say() -> None:
    now = 1_700_000_000.0
    assert parse_retry_after("7") == 7.0
    assert parse_retry_after(" 2.5 ") == 2.5
    assert parse_retry_after("-5") is None  # not RFC 9110 delay-seconds: the normal backoff
    assert parse_retry_after("1e999") is None and parse_retry_after("9" * 400) == MAX_RETRY_AFTER
    assert parse_retry_after("soon") is None and parse_retry_after("nan") is None
    assert parse_retry_after("") is None and parse_retry_after(None) is None
    assert parse_retry_after("1500", milliseconds=True) == 1.5
    future = email.utils.formatdate(now + 30, usegmt=True)
    assert parse_retry_after(future, now=now) == pytest.approx(30, abs=1)
    assert parse_retry_after(email.utils.formatdate(now - 30, usegmt=True), now=now) == 0.0
    assert _retry_after({"retry-after-ms": "junk", "retry-after": "3"}) == 3.0
    assert _retry_after(object()) is None  # not a mapping at all


@given(st.floats(allow_nan=True, allow_infinity=True) | st.none())
def test_the_policy_waits_within_its_bounds_whatever_the_hint(hint: float | None) -> None:
    from tenacity import RetryCallState

    policy = RetryPolicy(maximum=30.0, honour_retry_after_up_to=120.0)
    state = RetryCallState(None, None, (), {})  # type: ignore[arg-type]
    state.attempt_number = 3
    state.set_exception((TransientModelError, TransientModelError("x", retry_after=hint), None))
    wait = policy.wait()(state)
    assert math.isfinite(wait) and 0.0 <= wait <= 120.0


@pytest.mark.parametrize(
    "header", ["soon", "-5", "1e999", "nan", "", "Wed, 21 Oct 2015 07:28:00 GMT", "0x1f"]
)
def test_a_nonsense_retry_after_is_waited_sanely(header: str) -> None:
    with (
        FakeOpenAI(
            static(VALID), faults={0: Fault.RATE_LIMIT}, retry_after_header=header
        ) as server,
        extractor(server) as ex,
    ):
        started = time.monotonic()
        result = ex.extract(ARTICLE, published=PUBLISHED)
        assert len(server.log) == 2
    assert len(result.casualty_reports) == 1
    assert time.monotonic() - started < 5


def test_a_nonsense_retry_after_is_no_traceback_in_extract(
    tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(engine, "RetryPolicy", lambda: FAST)
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE)
    faults = [Fault.RATE_LIMIT] * 10
    with FakeOpenAI(static(VALID), faults=faults, retry_after_header="soon") as server:
        result = runner.invoke(
            app, ["extract", str(article), "--model", "openai/fake-model",
                  "--base-url", server.base_url, "--published", PUBLISHED],
        )  # fmt: skip
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    [line] = [line for line in result.stderr.splitlines() if "error:" in line]
    assert "HTTP 429" in line and "try again later" in line


async def collect(stream: AsyncIterator[BatchResult]) -> list[BatchResult]:
    return [result async for result in stream]


async def test_a_nonsense_retry_after_costs_no_document_in_bulk() -> None:
    faults = {0: Fault.RATE_LIMIT, 2: Fault.RATE_LIMIT}
    with FakeOpenAI(casualty_responder, faults=faults, retry_after_header="soon") as server:
        ex = extractor(server, strategy="single")
        items = [(f"d{n}", kano(n + 2)) for n in range(4)]
        results = await collect(extract_many(items, extractor=ex, concurrency=2))
        await ex.aclose()
    assert sorted(r.doc_id for r in results) == ["d0", "d1", "d2", "d3"]
    assert all(r.ok for r in results), [r.error for r in results]


# ------------------------------------------------------------------ deadlines


def test_a_server_that_drips_its_answer_is_cut_off_at_the_deadline() -> None:
    # One byte every 0.05 s: the read timeout (0.4 s) never fires, the answer takes minutes.
    faults = [Fault.DRIP] * 10
    with (
        FakeOpenAI(static(VALID), faults=faults, drip_interval=0.05) as server,
        extractor(server, timeout=0.4) as ex,
    ):
        started = time.monotonic()
        with pytest.raises(TransientModelError, match="in time") as caught:
            ex.extract(ARTICLE, published=PUBLISHED)
        elapsed = time.monotonic() - started
        assert len(server.log) == 1  # cut at the timeout, which bounds its retries (round 38)
    assert "total deadline" in str(caught.value) and caught.value.kind == "transient"
    assert elapsed < FAST.attempts * 0.4 + 3


def test_a_dripped_answer_that_completes_in_time_is_used() -> None:
    with (
        FakeOpenAI(static(VALID), faults={0: Fault.DRIP}, drip_interval=0.0005) as server,
        extractor(server, timeout=20) as ex,
    ):
        result = ex.extract(ARTICLE, published=PUBLISHED)
    assert len(result.casualty_reports) == 1


def test_retries_stop_at_the_policys_total_time() -> None:
    policy = RetryPolicy(attempts=50, initial=0.01, maximum=0.05, total=1.0)
    with (
        FakeOpenAI(static(VALID), faults=[Fault.DRIP] * 100, drip_interval=0.05) as server,
        extractor(server, timeout=0.3, retry_policy=policy) as ex,
    ):
        started = time.monotonic()
        with pytest.raises(TransientModelError):
            ex.extract(ARTICLE, published=PUBLISHED)
        elapsed = time.monotonic() - started
        assert len(server.log) < 10  # not 50 attempts
    assert elapsed <= policy.budget(ex.call_deadline)
    assert elapsed < 3


def test_the_hard_cap_ends_a_request_stuck_outside_its_calls(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(engine, "CALL_SLACK", 0.1)
    policy = RetryPolicy(attempts=3, initial=0.01, maximum=0.05, total=0.2)
    with (
        FakeOpenAI(static(VALID)) as server,
        extractor(server, timeout=0.1, max_retries=0, retry_policy=policy) as ex,
    ):
        ex.backoff.push(60)  # another worker's 429 pause: longer than the whole budget
        started = time.monotonic()
        with pytest.raises(TransientModelError, match="gave up"):
            ex.extract(ARTICLE, published=PUBLISHED)
        assert time.monotonic() - started < 2
        assert server.log == []


# ------------------------------------------------------------------ not OpenAI


@pytest.mark.parametrize(
    ("fault", "kind"),
    [(Fault.REDIRECT_GET, "config"), (Fault.HTML_200, "config"), (Fault.EMPTY_OBJECT, "server"),
     (Fault.NO_CHOICES, "server"), (Fault.NOT_A_COMPLETION, "server"),
     (Fault.NULL_CONTENT, "server"), (Fault.EMPTY_MESSAGE, "server"),
     (Fault.FINISH_ERROR, "server"), (Fault.EMPTY_CONTENT, "server")],
)  # fmt: skip
def test_an_answer_that_is_not_a_chat_completion_is_a_server_error(fault: Fault, kind: str) -> None:
    with (
        FakeOpenAI(static(VALID), fault_rate=1.0, fault_kinds=[fault]) as server,
        extractor(server) as ex,
    ):
        with pytest.raises(IncompatibleServerError) as caught:
            ex.extract(ARTICLE, published=PUBLISHED)
        assert len(server.log) == 1  # neither retried nor re-asked: it cannot help
        url = server.base_url
    error = caught.value
    assert error.kind == kind and not isinstance(error, ExtractionFailed)
    message = str(error)
    assert f"the server at {url} did not answer like an OpenAI-compatible API" in message
    assert "larger model" not in message


def test_the_cli_reports_a_non_openai_server_in_one_line_and_exit_1(
    tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(engine, "RetryPolicy", lambda: FAST)
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE)
    with FakeOpenAI(static(VALID), fault_rate=1.0, fault_kinds=[Fault.HTML_200]) as server:
        result = runner.invoke(
            app, ["extract", str(article), "--model", "openai/fake-model",
                  "--base-url", server.base_url],
        )  # fmt: skip
    assert result.exit_code == 1  # a server error, as every answer that is no API's
    [line] = result.stderr.strip().splitlines()
    assert "did not answer like an OpenAI-compatible API" in line and "larger model" not in line


@pytest.mark.parametrize("fault", NOT_OPENAI_FAULTS)
async def test_bulk_stops_when_its_first_documents_all_get_one_non_openai_answer(
    fault: Fault,
) -> None:
    with FakeOpenAI(casualty_responder, fault_rate=1.0, fault_kinds=[fault]) as server:
        ex = extractor(server, strategy="single")
        items = [(f"d{n}", kano(n + 2)) for n in range(20)]
        seen: list[BatchResult] = []
        with pytest.raises(BatchAborted) as caught:
            async for result in extract_many(items, extractor=ex, concurrency=1):
                seen.append(result)
        await ex.aclose()
        requests = len(server.log)
    assert len(seen) == 3 and requests == 3
    assert all(r.error is not None and r.error.type == "IncompatibleServerError" for r in seen)
    assert "the first 3 documents all failed the same way" in str(caught.value)
    assert caught.value.kind in ("server", "config")


async def test_bulk_goes_on_through_fewer_alike_failures_than_the_limit() -> None:
    # ok, 2 alike, ok, 2 alike, ok: no three in a row, so nothing stops
    faults = {n: Fault.EMPTY_OBJECT for n in (1, 2, 4, 5)}
    with FakeOpenAI(casualty_responder, faults=faults) as server:
        ex = extractor(server, strategy="single")
        items = [(f"d{n}", kano(n + 2)) for n in range(7)]
        results = await collect(extract_many(items, extractor=ex, concurrency=1))
        await ex.aclose()
    oks = [r.ok for r in sorted(results, key=lambda r: r.index)]
    assert oks == [True, False, False, True, False, False, True]
    assert {r.error.kind for r in results if r.error} == {"server"}


async def test_bulk_stops_at_three_alike_failures_in_a_row_after_successes() -> None:
    faults = {n: Fault.EMPTY_OBJECT for n in range(1, 20)}
    with FakeOpenAI(casualty_responder, faults=faults) as server:
        ex = extractor(server, strategy="single")
        items = [(f"d{n}", kano(n + 2)) for n in range(20)]
        seen: list[BatchResult] = []
        with pytest.raises(BatchAborted) as caught:
            async for result in extract_many(items, extractor=ex, concurrency=1):
                seen.append(result)
        await ex.aclose()
    assert [r.ok for r in seen] == [True, False, False, False]
    assert "3 documents in a row all failed the same way" in str(caught.value)


# ------------------------------------------------------------------ the reasons


def test_an_exhausted_extraction_names_the_last_validation_error() -> None:
    invented = answer(killed=40, injured=None)
    with (
        FakeOpenAI(static("not json at all")) as server,
        extractor(server, max_retries=1) as ex,
        pytest.raises(ExtractionFailed) as caught,
    ):
        ex.extract(ARTICLE, published=PUBLISHED)
    error = caught.value
    message = str(error)
    assert "<failed_attempts>" not in message and "\n" not in message
    assert "after 2 attempt(s); last error:" in message
    assert error.reason is not None and "JSON" in error.reason and error.reason in message
    assert error.kind == "model"
    record = json.loads(invented)
    record["casualty_reports"][0]["evidence"] = ["x"]
    with (
        FakeOpenAI(static(json.dumps(record))) as server,
        extractor(server, max_retries=0) as ex,
        pytest.raises(ExtractionFailed) as caught,
    ):
        ex.extract(ARTICLE, published=PUBLISHED)
    assert caught.value.reason is not None and "evidence" in caught.value.reason


def test_an_html_error_page_is_reported_by_status_and_a_short_excerpt() -> None:
    faults = [Fault.BAD_GATEWAY_HTML] * 5
    with (
        FakeOpenAI(static(VALID), faults=faults) as server,
        extractor(server) as ex,
        pytest.raises(TransientModelError) as caught,
    ):
        ex.extract(ARTICLE, published=PUBLISHED)
    message = str(caught.value)
    assert "HTTP 502: 502 Bad Gateway" in message and "<" not in message
    assert caught.value.status_code == 502


@given(st.text(max_size=3000))
def test_an_excerpt_is_short_one_line_text(body: str) -> None:
    shown = excerpt(body)
    assert len(shown) <= EXCERPT_CHARS
    assert "\n" not in shown and "\r" not in shown
    assert shown == shown.strip()


@given(st.text(min_size=1, max_size=300), st.sampled_from(ERROR_KINDS) | st.none())
def test_every_error_has_a_kind_that_error_info_carries(message: str, kind: Any) -> None:
    errors: list[BaseException] = [
        InputError(message), ConfigurationError(message), LocalModelError(message),
        ModelError(message, kind=kind), TransientModelError(message, status_code=503),
        ClientModelError(message, status_code=401), ClientModelError(message, status_code=413),
        IncompatibleServerError(message, kind=kind or "server"), ExtractionFailed(message),
        BatchAbortedError(message, failures=3, last_error=TransientModelError(message)),
        ValueError(message), RuntimeError(message),
    ]  # fmt: skip
    for error in errors:
        info = ErrorInfo.from_exception(error)
        assert info.kind in ERROR_KINDS
        expected = error.kind if isinstance(error, ExtractorError) else "internal"
        assert info.kind == expected
        assert info.to_dict()["kind"] == expected
        assert info.message.encode("utf-8")  # never a lone surrogate
        assert info.reason()  # countable, whatever the message
    assert ClientModelError(message, status_code=413).kind == "input"
    assert ClientModelError(message, status_code=401).kind == "config"
    assert TransientModelError(message).kind == "transient"
    assert ExtractionFailed(message).kind == "model"


@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None, max_examples=30)
@given(st.text(max_size=500))
def test_an_unexpected_bug_is_an_internal_error_line_not_a_crash(message: str) -> None:
    async def run() -> list[BatchResult]:
        class Broken(Extractor):
            async def aextract(self, *args: Any, **kwargs: Any) -> Any:
                raise KeyError(message)

        ex = Broken("openai/fake-model", base_url="http://127.0.0.1:9/v1")
        return [r async for r in extract_many([("a", "text")], extractor=ex)]

    [result] = asyncio.run(run())
    assert result.error is not None and result.error.kind == "internal"
    assert result.error.reason() == "internal: KeyError"


# ----------------------------------------------------- empty answers, generated

_MESSAGE_VALUES = st.sampled_from([
    None, "", "  \n", "x", [], {}, [{"id": "t", "function": {"name": "f", "arguments": ""}}],
    [{"id": "t", "function": {"name": "f", "arguments": "{}"}}], {"name": "f", "arguments": ""},
    {"name": "f", "arguments": "{}"},
])  # fmt: skip


def _holds(value: Any) -> bool:
    """The test's own reading of "says something": non-blank text, or a call with arguments."""
    if isinstance(value, str):
        return value.strip() != ""
    if isinstance(value, list):
        return any(_holds(v) for v in value)
    if isinstance(value, dict):
        inner = value.get("function", value)
        return _holds(inner.get("arguments")) if "arguments" in inner else bool(value)
    return value is not None


def _well_typed(message: dict[str, Any]) -> bool:
    """The test's own reading of the JSON types a message's parts must have (round 43)."""
    if any(not isinstance(message.get(k), str | None) for k in ("content", "refusal")):
        return False
    calls = message.get("tool_calls")
    if not isinstance(calls, list | None):
        return False
    functions = [c.get("function") if isinstance(c, dict) else None for c in calls or []]
    if message.get("function_call") is not None:
        functions.append(message["function_call"])
    return all(
        isinstance(f, dict)
        and isinstance(f.get("name"), str)
        and isinstance(f.get("arguments"), str)
        for f in functions
    )


@settings(deadline=None, max_examples=200)
@given(
    message=st.dictionaries(
        st.sampled_from(["role", "content", "tool_calls", "function_call", "refusal"]),
        _MESSAGE_VALUES,
    ),
    finish=st.sampled_from([None, "stop", "length", "tool_calls", "content_filter", "error"]),
)
def test_only_a_message_with_something_in_it_is_an_answer(
    message: dict[str, Any], finish: str | None
) -> None:
    """A completion is an answer when its message holds non-blank content, a tool call with
    arguments or a refusal, or when it was cut off or filtered (handled as such); an empty
    message or a failed generation is the server's failure, reported as such, never
    re-asked of the model, and three documents in a row of it stop a run."""
    import httpx2

    from extractor.runtime.providers import answer_problem

    body = {"choices": [{"index": 0, "message": message, "finish_reason": finish}]}
    request = httpx2.Request("POST", "http://127.0.0.1:9/v1/chat/completions")
    problem = answer_problem(httpx2.Response(200, json=body, request=request))
    parts = [message.get(k) for k in ("content", "tool_calls", "function_call", "refusal")]
    empty = not any(_holds(value) for value in parts)
    typed = _well_typed(message)
    expected = (
        not typed or finish == "error" or (empty and finish not in ("length", "content_filter"))
    )
    assert (problem is not None) == expected, (message, finish, problem)
    if problem is not None and not typed:  # a part of the wrong type, named
        assert problem[0] == "server" and "does not speak this API" in problem[2]
    elif problem is not None:
        assert problem[0] == "server" and ("empty" in problem[2] or "'error'" in problem[2])


@pytest.mark.parametrize("api", ["openai", "anthropic"])
def test_a_dripped_answer_is_cut_at_the_deadline_and_a_refusal_is_seen_in_either_sdk(
    api: str,
) -> None:
    """Both SDKs' clients, whatever way they read an answer: the anthropic SDK from 2.17
    asks for every answer as a stream and reads it afterwards, which took the body past
    the request's deadline and its check (a refusal was re-asked, a wrong answer blamed on
    the model). A dripped answer is cut at the deadline; a refusal is a refusal."""
    from tests.fakes.scripted_server import Answer, ScriptedServer, json_answer

    model = {"openai": "openai/fake-model", "anthropic": "anthropic/claude-x"}[api]
    message = {"id": "m", "type": "message", "role": "assistant", "model": "claude-x",
               "content": [{"type": "text", "text": "I can't help with that."}],
               "stop_reason": "refusal", "stop_sequence": None,
               "usage": {"input_tokens": 5, "output_tokens": 3}}  # fmt: skip
    completion = {"id": "c", "object": "chat.completion", "created": 1, "model": "m",
                  "choices": [{"index": 0, "finish_reason": "stop", "message": {
                      "role": "assistant", "content": None,
                      "refusal": "I can't help with that."}}],
                  "usage": {"prompt_tokens": 5, "completion_tokens": 3, "total_tokens": 8}}  # fmt: skip
    refusal = json.dumps(message if api == "anthropic" else completion).encode()

    def drip() -> Iterator[bytes]:
        for byte in refusal:
            time.sleep(0.05)
            yield bytes([byte])

    with ScriptedServer([Answer(200, {"Content-Type": "application/json"}, drip())]) as server:
        with Extractor(model, base_url=server.base_url, api_key="k", strategy="single",
                       timeout=0.4, retry_policy=FAST, max_retries=0) as ex:  # fmt: skip
            started = time.monotonic()
            with pytest.raises(TransientModelError, match="in time") as caught:
                ex.extract(ARTICLE, published=PUBLISHED)
            assert "total deadline" in str(caught.value)
            assert time.monotonic() - started < FAST.attempts * 0.4 + 3
        server.reset([json_answer(refusal)])
        with (
            Extractor(model, base_url=server.base_url, api_key="k", strategy="single",
                      retry_policy=FAST, max_retries=2) as ex,
            pytest.raises(ModelRefusal),
        ):  # fmt: skip
            ex.extract(ARTICLE, published=PUBLISHED)
        assert server.requests == 1  # neither retried nor re-asked


@pytest.mark.parametrize("api", ["openai", "anthropic"])
def test_an_event_stream_answer_to_a_plain_call_is_a_server_error(api: str) -> None:
    """Round 46: a server answering a plain (not streamed) call with ``text/event-stream``
    was blamed on the model and re-asked: extractor never asks for a stream, so such an
    answer is the server's, said once (kind ``server``), neither retried nor re-asked."""
    from tests.fakes.scripted_server import Answer, ScriptedServer

    model = {"openai": "openai/fake-model", "anthropic": "anthropic/claude-x"}[api]
    body = b'data: {"id": "c", "object": "chat.completion"}\n\ndata: [DONE]\n\n'
    with (
        ScriptedServer([Answer(200, {"Content-Type": "text/event-stream"}, body)]) as server,
        Extractor(model, base_url=server.base_url, api_key="k", strategy="single",
                  retry_policy=FAST, max_retries=2) as ex,
        pytest.raises(IncompatibleServerError) as caught,
    ):  # fmt: skip
        ex.extract(ARTICLE, published=PUBLISHED)
    assert caught.value.kind == "server" and "text/event-stream" in str(caught.value)
    assert server.requests == 1
