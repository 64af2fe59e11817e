"""How the model server's answer is taken: its size, its token counts, its redirects.

* An answer is read up to ``providers.MAX_ANSWER_BYTES`` (raw and decompressed, a
  redirect's body too): an endless body, a declared huge one or a gzip bomb is an
  ``IncompatibleServerError`` (kind ``server``) naming the URL, at once, never retried;
  a bulk run stops after three documents. So is the CLI's probe of the server.
* A token count that is not a whole number in ``[0, 10**9]`` is unknown: counted as
  0 with one warning; the cost never raises.
* A redirect loop is the setup (``IncompatibleServerError``, kind ``config``), not an
  unreachable server: one series of redirects, no retries, a bulk run stops after three.

The servers are real, on loopback, built here (a body that never ends needs its own).
"""

from __future__ import annotations

import functools
import gzip
import json
import math
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx2
import openai
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor.bulk.batch import SAME_FAILURES_IN_A_ROW
from extractor.bulk.runner import BulkRun, estimate_cost, priced
from extractor.errors import BatchAborted, IncompatibleServerError
from extractor.pipeline.engine import Extractor
from extractor.pipeline.result import (
    MAX_CALL_TOKENS,
    MAX_USAGE_TOKENS,
    UNKNOWN_USAGE_WARNING,
    ExtractionMetadata,
    Usage,
    token_count,
)
from extractor.runtime import aio, providers
from extractor.runtime.retrying import RetryPolicy, classify
from tests.fakes.kano import EMPTY, kano
from tests.fakes.openai_server import LOOPBACK_ONLY
from tests.fakes.scripted_server import Answer, Received, ScriptedServer, json_answer

pytestmark = pytest.mark.block_network(allowed_hosts=LOOPBACK_ONLY)

FAST = RetryPolicy(attempts=3, initial=0.001, maximum=0.005, total=10)
#: The cap in these tests (the real one, 64 MiB, would make them slow).
CAP = 256 * 1024
#: What the endless body sends at most before it stalls: far past CAP, so a client without
#: the cap reads it all (and then waits for its deadline), one with it closes long before.
ENDLESS = 48 * 1024 * 1024
examples = settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def completion(usage: Any = None, *, pad: int = 0) -> bytes:
    """A valid chat completion (no records), ``pad`` bytes of JSON whitespace inside."""
    data = {
        "id": "c", "object": "chat.completion", "created": 0, "model": "fake-model",
        "choices": [{"index": 0, "finish_reason": "stop",
                     "message": {"role": "assistant", "content": EMPTY}}],
    }  # fmt: skip
    if usage is not None:
        data["usage"] = usage
    text = json.dumps(data)
    return (text[:-1] + " " * pad + "}").encode()


class Served(ScriptedServer):
    """Answers every request as last ``set``: ``mode`` ``ok`` (a completion holding
    ``usage``), ``declared`` (one longer than the cap), ``gzip`` (one inflating past it),
    ``endless`` (a body that never ends), ``redirect`` (to ``location``), with ``status``."""

    def set(
        self, mode: str = "ok", status: int = 200, usage: Any = None, location: str = ""
    ) -> None:
        self.reset(functools.partial(self.answer, mode, status, usage, location))

    def answer(self, mode: str, status: int, usage: Any, location: str, _: Received) -> Answer:
        if mode == "redirect":
            return Answer(status, {"Location": location})
        if mode == "endless":
            headers = {"Content-Type": "application/json"}
            if status in (301, 302, 303, 307, 308):
                headers["Location"] = "/v1/chat/completions"
            return Answer(status, headers, self.endless())
        if mode == "declared":  # a valid completion, longer than the cap
            return json_answer(completion(usage, pad=2 * CAP), status)
        if mode == "gzip":  # small on the wire, four caps once inflated
            body = gzip.compress(completion(usage, pad=4 * CAP), 9)
            return json_answer(body, status, {"Content-Encoding": "gzip"})
        return json_answer(completion(usage), status)

    def endless(self) -> Iterator[bytes]:
        chunk = b" " * 65536
        while self.sent < ENDLESS:
            yield chunk
        self.stopping.wait(30)  # stall: a client that reads it all waits for its deadline


@pytest.fixture(scope="module")
def served() -> Iterator[Served]:
    with Served() as server:
        server.set()
        with Extractor("openai/fake-model", base_url=server.base_url) as warm:
            warm.extract(kano(2))  # the date and place data load once, here
        yield server


@pytest.fixture(autouse=True)
def _small_cap(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(providers, "MAX_ANSWER_BYTES", CAP)


def make(server: Served, **options: Any) -> Extractor:
    options.setdefault("retry_policy", FAST)
    options.setdefault("strategy", "single")
    options.setdefault("timeout", 8)
    return Extractor("openai/fake-model", base_url=server.base_url, **options)


def bulk(server: Served, count: int, **options: Any) -> tuple[BulkRun, list[dict[str, Any]]]:
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch, "in")
        folder.mkdir()
        for number in range(count):
            (folder / f"d{number:02d}.txt").write_text(kano(number + 3), encoding="utf-8")
        output = Path(scratch, "out.jsonl")
        ex = make(server)
        run = BulkRun([folder], output, extractor=ex, concurrency=1, **options)

        async def go() -> None:
            try:
                await run.run()
            finally:
                await ex.aclose()

        try:
            aio.run(go())
        finally:
            text = output.read_text(encoding="utf-8") if output.exists() else ""
        return run, [json.loads(line) for line in text.splitlines()]


# ------------------------------------------------------------------ the size of an answer


@examples
@given(
    mode=st.sampled_from(["endless", "declared", "gzip"]),
    status=st.sampled_from([200, 201, 500, 503, 302]),
)
def test_an_answer_past_the_cap_is_a_server_error_at_once(
    served: Served, mode: str, status: int
) -> None:
    """Whatever the body (never ending, declared too long, inflating past the cap) and
    status (an answer, a retried server error, a redirect whose body is read), reading
    stops at the cap: one request, no retry, an error naming the URL and the cap."""
    served.set(mode=mode, status=status)
    started = time.monotonic()
    with make(served) as ex, pytest.raises(IncompatibleServerError) as caught:
        ex.extract(kano(5))
    elapsed = time.monotonic() - started
    message = str(caught.value)
    assert caught.value.kind == "server"
    assert served.base_url in message and "ran past" in message and "kB" in message
    assert "\n" not in message
    assert served.requests == 1  # not retried
    assert served.sent < ENDLESS // 2  # the client stopped reading long before the end
    assert elapsed < 6


def test_a_small_enough_answer_is_read_whole(served: Served) -> None:
    served.set(mode="ok", usage={"prompt_tokens": 7, "completion_tokens": 2})
    with make(served) as ex:
        result = ex.extract(kano(6))
    assert result.metadata.usage.prompt_tokens == 7 * result.metadata.calls
    assert not result.metadata.warnings


def test_an_endless_answer_stops_a_bulk_run_after_three_documents(served: Served) -> None:
    served.set(mode="endless")
    started = time.monotonic()
    with pytest.raises(BatchAborted) as caught:
        bulk(served, 8)
    assert caught.value.kind == "server" and "all failed the same way" in str(caught.value)
    assert served.requests == SAME_FAILURES_IN_A_ROW
    assert time.monotonic() - started < 20


def test_the_cli_probe_of_the_server_reads_no_more_than_the_cap(served: Served) -> None:
    """``extract`` asks ``GET /models`` first: that answer is capped, and cut at its
    deadline, too (it used to read an endless body until memory ran out)."""
    from extractor.cli.common import check_server

    served.set(mode="endless")
    outcome: list[BaseException | None] = []

    def probe() -> None:
        try:
            check_server(served.base_url, timeout=5.0)
            outcome.append(None)
        except BaseException as error:  # what check_server raises is the assertion's
            outcome.append(error)

    worker = threading.Thread(target=probe, daemon=True)
    started = time.monotonic()
    worker.start()
    worker.join(20)
    assert not worker.is_alive() and outcome == [None]  # not "unreachable": it answered
    assert served.sent < ENDLESS // 2
    assert time.monotonic() - started < 10


# ------------------------------------------------------------------ token counts

#: Anything a server may put in a count (JSON-encodable, as it arrives).
COUNTS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**400), max_value=10**400),
    st.integers(min_value=-5, max_value=MAX_CALL_TOKENS + 5),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([1e308, -1e308, 5.0, 1e9, 1e9 + 1, 0.5, -0.0]),
    st.text(max_size=12),
    st.sampled_from(["NaN", "12", "1e308", "-5"]),
    st.lists(st.integers(), max_size=2),
)


@settings(max_examples=400, deadline=None)
@given(value=COUNTS)
def test_a_count_is_a_whole_number_within_bounds_or_unknown(value: Any) -> None:
    count = token_count(value)
    if isinstance(value, float):
        whole = math.isfinite(value) and value.is_integer() and 0 <= value <= MAX_CALL_TOKENS
    else:
        whole = type(value) is int and 0 <= value <= MAX_CALL_TOKENS
    if value is None:
        assert count == 0
    elif whole:
        assert count == value and type(count) is int
    else:
        assert count is None


@settings(max_examples=300, deadline=None)
@given(prompt=COUNTS, completion=COUNTS, before=st.integers(0, 10**6))
def test_usage_holds_only_counts_and_says_when_one_was_not(
    prompt: Any, completion: Any, before: int
) -> None:
    usage = Usage(prompt_tokens=before, completion_tokens=before)
    usage.add(prompt, completion)
    unknown = token_count(prompt) is None or token_count(completion) is None
    assert usage.unknown == unknown
    assert usage.prompt_tokens == before + (token_count(prompt) or 0)
    assert usage.completion_tokens == before + (token_count(completion) or 0)
    # every other way in (our JSON read back, a cache entry) holds the same bounds
    read = Usage.model_validate({"prompt_tokens": prompt, "completion_tokens": completion})
    for count in (read.prompt_tokens, read.completion_tokens, *usage.model_dump().values()):
        assert type(count) is int and 0 <= count <= 2 * MAX_USAGE_TOKENS
    total = usage + read
    assert total.unknown == (usage.unknown or read.unknown)
    metadata = ExtractionMetadata(
        model="m", prompt_version="p", schema_version="s", strategy="single", usage=total
    )
    assert metadata.warnings.count(UNKNOWN_USAGE_WARNING) == (1 if total.unknown else 0)
    again = ExtractionMetadata.model_validate(json.loads(metadata.model_dump_json()))
    assert again.warnings.count(UNKNOWN_USAGE_WARNING) == (1 if total.unknown else 0)


@settings(max_examples=300, deadline=None)
@given(
    prompt=st.one_of(st.integers(min_value=-(10**400), max_value=10**400), st.integers(0, 10**6)),
    completion=st.integers(min_value=-(10**400), max_value=10**400),
    price=st.tuples(st.floats(0, 1e6), st.floats(0, 1e6)),
)
def test_a_cost_never_raises(prompt: int, completion: int, price: tuple[float, float]) -> None:
    cost = priced(price, prompt, completion)
    assert cost is None or math.isfinite(cost)
    listed = estimate_cost("openai/gpt-4o-mini", prompt, completion)
    assert listed is None or math.isfinite(listed)


@examples
@given(prompt=COUNTS, completion=COUNTS)
def test_a_servers_counts_reach_the_result_and_the_run_only_as_counts(
    served: Served, prompt: Any, completion: Any
) -> None:
    served.set(mode="ok", usage={"prompt_tokens": prompt, "completion_tokens": completion,
                                 "total_tokens": 1})  # fmt: skip
    run, lines = bulk(served, 2, price=(1.0, 1.0))
    unknown = token_count(prompt) is None or token_count(completion) is None
    for line in lines:
        assert line["status"] == "ok", line.get("error")
        calls = line.get("calls") or 1
        used = line["usage"]
        assert used["prompt_tokens"] == (token_count(prompt) or 0) * calls
        assert used["completion_tokens"] == (token_count(completion) or 0) * calls
        warnings = line.get("warnings") or []
        assert warnings.count(UNKNOWN_USAGE_WARNING) == (1 if unknown else 0)
    summary = run.summary
    assert summary.cost_usd is not None and math.isfinite(summary.cost_usd)
    assert summary.cost_usd >= 0 and summary.prompt_tokens >= 0


# ------------------------------------------------------------------ redirect loops


@examples
@given(
    status=st.sampled_from([301, 302, 303, 307, 308]),
    target=st.sampled_from(["same", "relative", "query", "other"]),
)
def test_a_redirect_loop_is_the_setup_and_not_retried(
    served: Served, status: int, target: str
) -> None:
    location = {
        "same": f"{served.base_url}/chat/completions",
        "relative": "/v1/chat/completions",
        "query": "/v1/chat/completions?again=1",
        "other": "/elsewhere",
    }[target]
    served.set(mode="redirect", status=status, location=location)
    started = time.monotonic()
    with make(served) as ex, pytest.raises(IncompatibleServerError) as caught:
        ex.extract(kano(5))
    message = str(caught.value)
    assert caught.value.kind == "config"
    assert served.base_url in message and "redirected" in message
    assert "could not reach" not in message
    assert served.requests == 1  # round 38: a model call's redirect is not followed, nor retried
    assert time.monotonic() - started < 6


def test_a_redirect_loop_stops_a_bulk_run_after_three_documents(served: Served) -> None:
    served.set(mode="redirect", status=302, location="/v1/chat/completions")
    with pytest.raises(BatchAborted) as caught:
        bulk(served, 8)
    assert caught.value.kind == "config"
    # three documents, one redirect each (round 38: not followed, not retried), no fourth
    assert SAME_FAILURES_IN_A_ROW <= served.requests <= SAME_FAILURES_IN_A_ROW + 1


def test_too_many_redirects_under_any_client_is_the_setup() -> None:
    """The classifier too, for a client that is not ours: under the SDK's "Connection
    error." lies httpx's TooManyRedirects."""
    request = httpx2.Request("POST", "http://127.0.0.1:9/v1/chat/completions")
    try:
        try:
            raise httpx2.TooManyRedirects("Exceeded maximum allowed redirects.", request=request)
        except httpx2.TooManyRedirects as error:
            raise openai.APIConnectionError(request=request) from error
    except openai.APIConnectionError as wrapped:
        mapped = classify(wrapped)
    assert isinstance(mapped, IncompatibleServerError) and mapped.kind == "config"
    assert "127.0.0.1:9" in str(mapped) and "loop" in str(mapped)


@examples
@given(
    status=st.sampled_from([301, 302, 303, 307, 308]),
    target=st.sampled_from(["dead port", "unknown host", "relative", "same"]),
)
def test_the_cli_probe_never_follows_a_redirect(served: Served, status: int, target: str) -> None:
    """Round 45: the probe followed a redirect, so a base URL redirecting to a dead port
    was reported as "refusing connections" (it listens: it answered). A redirect is not
    followed by the probe, whatever it points at; the extraction's call then says what it
    is (not followed either: ``redirected``, kind config)."""
    from extractor.cli.common import check_server

    location = {
        "dead port": "http://127.0.0.1:9/v1/models",
        "unknown host": "http://no-such-host.invalid/v1/models",
        "relative": "/elsewhere",
        "same": f"{served.base_url}/models",
    }[target]
    served.set(mode="redirect", status=status, location=location)
    check_server(served.base_url, timeout=5.0)  # it listens: no error, nothing followed
    assert served.requests == 1
    with make(served) as ex, pytest.raises(IncompatibleServerError) as caught:
        ex.extract(kano(5))
    assert caught.value.kind == "config" and "redirected" in str(caught.value)
