"""The fake OpenAI server, checked through the real ``openai`` client.

What matters is not the fake's own responses but what the client *makes* of
them: each fault must surface as the exception (or the 200 content) that the
extraction code will have to handle, or the fault tests built on this server
would be testing nothing.

Every test here opens sockets to 127.0.0.1. pytest-recording's
``block_network`` marker with ``LOOPBACK_ONLY`` lets exactly that host through,
under the project's ``--block-network`` and without it (see the top of
``tests/fakes/openai_server.py``).
"""

from __future__ import annotations

import contextlib
import json
import select
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openai
import pytest
from pydantic import BaseModel

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # plain `pytest` (not `python -m pytest`) leaves the root out
    sys.path.insert(0, str(ROOT))

from tests.fakes.openai_server import (  # noqa: E402
    INVALID_JSON_CONTENT,
    LOOPBACK_ONLY,
    REFUSAL_TEXT,
    SCHEMA_INVALID_CONTENT,
    FakeOpenAI,
    Fault,
    echo_valid,
    minimal_instance,
    sequence,
    static,
)

pytestmark = pytest.mark.block_network(allowed_hosts=LOOPBACK_ONLY)

MESSAGES: list[Any] = [
    {"role": "system", "content": "Extract events as JSON."},
    {"role": "user", "content": "The minister visited Paris on 3 May."},
]
RECORDS = '{"records": [{"kind": "visit", "place": "Paris"}]}'


def client(server: FakeOpenAI, timeout: float = 2.0) -> openai.OpenAI:
    return openai.OpenAI(base_url=server.base_url, api_key="test", max_retries=0, timeout=timeout)


def ask(c: openai.OpenAI, text: str | None = None) -> Any:
    messages: list[Any] = MESSAGES if text is None else [{"role": "user", "content": text}]
    return c.chat.completions.create(model="gpt-test", messages=messages)


@pytest.fixture
def server() -> Iterator[FakeOpenAI]:
    with FakeOpenAI(static(RECORDS)) as s:
        yield s


# --------------------------------------------------------------------------- success


def test_success_returns_a_valid_completion(server: FakeOpenAI) -> None:
    c = client(server)
    completion = ask(c)

    assert completion.object == "chat.completion"
    assert completion.model == "gpt-test"
    choice = completion.choices[0]
    assert choice.finish_reason == "stop"
    assert choice.message.role == "assistant"
    assert json.loads(choice.message.content or "") == json.loads(RECORDS)
    prompt_chars = sum(len(m["content"]) for m in MESSAGES)
    assert completion.usage is not None
    assert completion.usage.prompt_tokens == prompt_chars // 4
    assert completion.usage.completion_tokens == len(RECORDS) // 4
    assert completion.usage.total_tokens == prompt_chars // 4 + len(RECORDS) // 4

    assert [m.id for m in c.models.list()] == ["fake-model"]
    assert server.requests == [{"model": "gpt-test", "messages": MESSAGES}]
    (record,) = server.log
    assert (record.index, record.fault, record.status) == (0, None, 200)
    assert record.headers["authorization"] == "Bearer test"
    assert "visited Paris" in record.message_text


def test_default_responder_answers_empty_object() -> None:
    with FakeOpenAI() as s:
        assert ask(client(s)).choices[0].message.content == "{}"


async def test_works_from_an_async_test_with_the_async_client() -> None:
    with FakeOpenAI(static(RECORDS), faults={0: Fault.RATE_LIMIT}) as s:
        c = openai.AsyncOpenAI(base_url=s.base_url, api_key="test", max_retries=0, timeout=2)
        with pytest.raises(openai.RateLimitError):
            await c.chat.completions.create(model="m", messages=MESSAGES)
        completion = await c.chat.completions.create(model="m", messages=MESSAGES)
        assert completion.choices[0].message.content == RECORDS
        await c.close()


# --------------------------------------------------------------------------- HTTP errors


@pytest.mark.parametrize(
    ("fault", "exc_type", "status", "error_type"),
    [
        (Fault.RATE_LIMIT, openai.RateLimitError, 429, "rate_limit_error"),
        (Fault.RATE_LIMIT_NO_HEADER, openai.RateLimitError, 429, "rate_limit_error"),
        (Fault.SERVER_ERROR, openai.InternalServerError, 500, "server_error"),
        (Fault.BAD_GATEWAY, openai.InternalServerError, 502, "server_error"),
        (Fault.UNAVAILABLE, openai.InternalServerError, 503, "server_error"),
        (Fault.UNAUTHORIZED, openai.AuthenticationError, 401, "invalid_request_error"),
        (Fault.BAD_REQUEST, openai.BadRequestError, 400, "invalid_request_error"),
    ],
)
def test_http_error_faults_raise_the_matching_openai_error(
    fault: Fault, exc_type: type[openai.APIStatusError], status: int, error_type: str
) -> None:
    with FakeOpenAI(faults={0: fault}) as s:
        with pytest.raises(exc_type) as info:
            ask(client(s))
        exc = info.value
        assert isinstance(exc, openai.APIStatusError)
        assert exc.status_code == status
        assert exc.type == error_type
        assert exc.response.headers["content-type"].startswith("application/json")
        assert s.log[0].fault is fault and s.log[0].status == status


def test_rate_limit_carries_retry_after_and_an_openai_error_body() -> None:
    with FakeOpenAI(faults=[Fault.RATE_LIMIT, Fault.RATE_LIMIT_NO_HEADER], retry_after=3) as s:
        c = client(s)
        with pytest.raises(openai.RateLimitError) as first:
            ask(c)
        assert first.value.response.headers["retry-after"] == "3"
        assert first.value.code == "rate_limit_exceeded"
        assert isinstance(first.value.body, dict)
        assert first.value.body["type"] == "rate_limit_error"

        with pytest.raises(openai.RateLimitError) as second:
            ask(c)
        assert "retry-after" not in second.value.response.headers


def test_bad_gateway_html_is_a_502_whose_body_is_not_json() -> None:
    with (
        FakeOpenAI(faults={0: Fault.BAD_GATEWAY_HTML}) as s,
        pytest.raises(openai.InternalServerError) as info,
    ):
        ask(client(s))
    assert info.value.status_code == 502
    assert info.value.response.headers["content-type"].startswith("text/html")
    assert isinstance(info.value.body, str) and "<h1>502 Bad Gateway</h1>" in info.value.body


def test_scripted_faults_hit_their_index_then_requests_succeed() -> None:
    with FakeOpenAI(static(RECORDS), faults={0: Fault.RATE_LIMIT, 1: Fault.SERVER_ERROR}) as s:
        c = client(s)
        with pytest.raises(openai.RateLimitError):
            ask(c)
        with pytest.raises(openai.InternalServerError):
            ask(c)
        assert ask(c).choices[0].message.content == RECORDS
        assert ask(c).choices[0].message.content == RECORDS
    assert [r.fault for r in s.log] == [Fault.RATE_LIMIT, Fault.SERVER_ERROR, None, None]
    assert [r.status for r in s.log] == [429, 500, 200, 200]
    assert s.stats()["statuses"] == {"429": 1, "500": 1, "200": 2}


def test_client_retries_go_through_to_success() -> None:
    """With retries on, the client absorbs transient faults; the log shows each try.

    The reset comes first because the client backs off 0.5 s, 1 s, 2 s on faults
    without ``Retry-After``; the 429s then ask for 50 ms, keeping the test short.
    """
    faults = [Fault.CONNECTION_RESET, Fault.RATE_LIMIT, Fault.RATE_LIMIT]
    with FakeOpenAI(static(RECORDS), faults=faults, retry_after=0.05) as s:
        c = openai.OpenAI(base_url=s.base_url, api_key="test", max_retries=3, timeout=2)
        started = time.monotonic()
        assert ask(c).choices[0].message.content == RECORDS
    assert time.monotonic() - started < 1.8
    assert [r.fault for r in s.log] == [*faults, None]
    assert [r.headers.get("x-stainless-retry-count") for r in s.log] == ["0", "1", "2", "3"]


# --------------------------------------------------------------------------- transport faults


def test_timeout_fault_trips_the_client_timeout() -> None:
    with FakeOpenAI(faults={0: Fault.TIMEOUT}) as s:
        started = time.monotonic()
        with pytest.raises(openai.APITimeoutError):
            ask(client(s, timeout=0.3))
        assert time.monotonic() - started < 1.0
        assert ask(client(s)).choices[0].message.content == "{}"  # the server is not stuck


def test_stop_cuts_a_hanging_request_short() -> None:
    """A TIMEOUT fault (30 s by default) must not hold up teardown."""
    s = FakeOpenAI(faults={0: Fault.TIMEOUT}).start()
    outcome: list[BaseException] = []

    def call() -> None:
        try:
            ask(client(s, timeout=10))
        except BaseException as exc:
            outcome.append(exc)

    caller = threading.Thread(target=call)
    caller.start()
    deadline = time.monotonic() + 2
    while not s.log and time.monotonic() < deadline:
        time.sleep(0.01)
    assert s.log, "the request never arrived"

    started = time.monotonic()
    s.stop()
    caller.join(timeout=5)
    assert time.monotonic() - started < 1.0
    assert len(outcome) == 1 and isinstance(outcome[0], openai.APIConnectionError)
    assert s.log[0].status is None
    s.stop()  # idempotent


@pytest.mark.parametrize("fault", [Fault.CONNECTION_RESET, Fault.TRUNCATED_BODY])
def test_broken_connections_raise_api_connection_error(fault: Fault) -> None:
    with FakeOpenAI(static(RECORDS), faults={0: fault}) as s:
        c = client(s)
        with pytest.raises(openai.APIConnectionError) as info:
            ask(c)
        assert not isinstance(info.value, openai.APITimeoutError)
        assert ask(c).choices[0].message.content == RECORDS  # and the next one is fine


# --------------------------------------------------------------------------- 200 faults


def test_invalid_json_fault_returns_prose() -> None:
    with FakeOpenAI(static(RECORDS), faults={0: Fault.INVALID_JSON}) as s:
        content = ask(client(s)).choices[0].message.content
    assert content == INVALID_JSON_CONTENT
    with pytest.raises(json.JSONDecodeError):
        json.loads(content)


def test_schema_invalid_fault_returns_json_of_the_wrong_shape() -> None:
    with FakeOpenAI(static(RECORDS), faults={0: Fault.SCHEMA_INVALID}) as s:
        content = ask(client(s)).choices[0].message.content
    assert content == SCHEMA_INVALID_CONTENT
    assert json.loads(content) == {"unexpected": True}


def test_length_fault_cuts_content_mid_json() -> None:
    with FakeOpenAI(static(RECORDS), faults={0: Fault.LENGTH}) as s:
        choice = ask(client(s)).choices[0]
    assert choice.finish_reason == "length"
    content = choice.message.content or ""
    assert content and RECORDS.startswith(content) and content != RECORDS
    with pytest.raises(json.JSONDecodeError):
        json.loads(content)


def test_refusal_fault_has_null_content_and_a_refusal() -> None:
    with FakeOpenAI(static(RECORDS), faults={0: Fault.REFUSAL}) as s:
        choice = ask(client(s)).choices[0]
    assert choice.finish_reason == "stop"
    assert choice.message.content is None
    assert choice.message.refusal == REFUSAL_TEXT


def test_slow_fault_answers_normally_after_the_extra_delay() -> None:
    with FakeOpenAI(static(RECORDS), faults={0: Fault.SLOW}, slow_delay=0.3) as s:
        c = client(s)
        started = time.monotonic()
        assert ask(c).choices[0].message.content == RECORDS
        slow = time.monotonic() - started
        started = time.monotonic()
        ask(c)
        fast = time.monotonic() - started
    assert slow >= 0.3
    assert fast < 0.2


def test_latency_and_jitter_apply_to_every_response() -> None:
    with FakeOpenAI(latency=0.15, jitter=0.05, faults={1: Fault.SERVER_ERROR}) as s:
        c = client(s)
        for expect_error in (False, True):
            started = time.monotonic()
            try:
                ask(c)
            except openai.InternalServerError:
                assert expect_error
            assert 0.1 - 0.01 <= time.monotonic() - started < 0.5


# --------------------------------------------------------------------------- responders


def test_sequence_hands_out_contents_in_order_and_repeats_the_last() -> None:
    responder = sequence('{"n": 1}', '{"n": 2}')
    with FakeOpenAI(responder, faults={1: Fault.RATE_LIMIT}) as s:
        c = client(s)
        assert ask(c).choices[0].message.content == '{"n": 1}'
        with pytest.raises(openai.RateLimitError):  # an error does not use up an entry
            ask(c)
        assert ask(c).choices[0].message.content == '{"n": 2}'
        assert ask(c).choices[0].message.content == '{"n": 2}'


class Visit(BaseModel):
    place: str
    day: str | None
    people: list[str]
    count: int


class Extraction(BaseModel):
    records: list[Visit]
    first: Visit
    kind: str = "visit"


def test_minimal_instance_satisfies_a_pydantic_schema() -> None:
    Extraction.model_validate(minimal_instance(Extraction.model_json_schema()))


def test_echo_valid_answers_with_the_requested_schema_in_content_or_tool_call() -> None:
    schema = Extraction.model_json_schema()
    with FakeOpenAI(echo_valid()) as s:
        c = client(s)
        fmt: Any = {"type": "json_schema", "json_schema": {"name": "Extraction", "schema": schema}}
        as_content = c.chat.completions.create(model="m", messages=MESSAGES, response_format=fmt)
        Extraction.model_validate_json(as_content.choices[0].message.content or "")

        tool: Any = {"type": "function", "function": {"name": "Extraction", "parameters": schema}}
        forced: Any = {"type": "function", "function": {"name": "Extraction"}}
        as_tool = c.chat.completions.create(
            model="m", messages=MESSAGES, tools=[tool], tool_choice=forced
        )
        calls = as_tool.choices[0].message.tool_calls
        assert calls and calls[0].type == "function"
        Extraction.model_validate_json(calls[0].function.arguments)


# --------------------------------------------------------------------------- fault rate


def fault_schedule(seed: int, n: int = 40) -> list[Fault | None]:
    kinds = [Fault.RATE_LIMIT, Fault.SERVER_ERROR, Fault.SCHEMA_INVALID]
    with FakeOpenAI(fault_rate=0.3, fault_kinds=kinds, seed=seed) as s:
        c = client(s)
        for _ in range(n):
            with contextlib.suppress(openai.APIStatusError):
                ask(c)
    assert [r.index for r in s.log] == list(range(n))
    return [r.fault for r in s.log]


def test_fault_rate_is_deterministic_for_a_seed() -> None:
    first = fault_schedule(seed=7)
    assert fault_schedule(seed=7) == first
    assert fault_schedule(seed=8) != first
    faulted = [f for f in first if f is not None]
    assert 4 <= len(faulted) <= 20  # about 30% of 40
    assert len(set(faulted)) > 1


def test_scripted_faults_override_the_rate_without_shifting_it() -> None:
    kinds = [Fault.SERVER_ERROR]
    plain = FakeOpenAI(fault_rate=0.5, fault_kinds=kinds, seed=3)
    scripted = FakeOpenAI(fault_rate=0.5, fault_kinds=kinds, seed=3, faults={2: Fault.REFUSAL})
    schedules = []
    for server in (plain, scripted):
        with server:
            c = client(server)
            for _ in range(12):
                with contextlib.suppress(openai.InternalServerError):
                    ask(c)
        schedules.append([r.fault for r in server.log])
    assert schedules[1][2] is Fault.REFUSAL
    assert schedules[0][:2] + schedules[0][3:] == schedules[1][:2] + schedules[1][3:]


def test_invalid_configuration_is_refused() -> None:
    with pytest.raises(ValueError):
        FakeOpenAI(fault_rate=1.5)
    with pytest.raises(ValueError):
        FakeOpenAI(fault_rate=0.5, fault_kinds=[])


# --------------------------------------------------------------------------- request log


def test_log_shows_what_a_client_sent_after_an_error() -> None:
    """The hook for "an API error message never reaches the model" asserts."""
    with FakeOpenAI(faults={0: Fault.BAD_REQUEST}) as s:
        c = client(s)
        with pytest.raises(openai.BadRequestError) as info:
            ask(c, "first try")
        error_message = info.value.message
        ask(c, "second try")  # a well-behaved client does not echo the error
        ask(c, f"third try, after: {error_message}")  # a leaky one does
    first, second, third = s.log
    assert first.fault is Fault.BAD_REQUEST and first.time <= second.time <= third.time
    assert "Invalid value for 'messages'" in error_message
    assert "Invalid value for 'messages'" not in second.message_text
    assert "Invalid value for 'messages'" in third.message_text


def test_non_json_request_body_gets_a_400_and_is_logged() -> None:
    with FakeOpenAI() as s:
        request = urllib.request.Request(
            s.base_url + "/chat/completions", data=b"not json", method="POST"
        )
        with pytest.raises(urllib.error.HTTPError) as info:
            urllib.request.urlopen(request, timeout=2)
        assert info.value.code == 400
        assert s.requests == [{"_raw": "not json"}]


def test_max_log_keeps_only_the_newest_records() -> None:
    with FakeOpenAI(max_log=2) as s:
        c = client(s)
        for i in range(4):
            ask(c, f"request {i}")
    assert [r.index for r in s.log] == [2, 3]
    assert s.stats()["requests"] == 4


# --------------------------------------------------------------------------- process mode


def read_line(proc: subprocess.Popen[str], timeout: float) -> str:
    assert proc.stdout is not None
    ready, _, _ = select.select([proc.stdout], [], [], timeout)
    if not ready:
        raise TimeoutError("no output from the server process")
    return proc.stdout.readline().strip()


def test_process_mode_prints_ready_answers_and_stops_on_sigterm() -> None:
    command = [
        sys.executable,
        "-m",
        "tests.fakes.openai_server",
        "--port",
        "0",
        "--latency",
        "0.05",
        "--jitter",
        "0.01",
        "--responder",
        "static:" + RECORDS,
        "--faults",
        "0=rate_limit",
        "--retry-after",
        "2",
    ]
    proc = subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        line = read_line(proc, timeout=10)
        assert line.startswith("READY http://127.0.0.1:")
        base_url = line.removeprefix("READY ")
        assert base_url.endswith("/v1")

        c = openai.OpenAI(base_url=base_url, api_key="test", max_retries=0, timeout=2)
        with pytest.raises(openai.RateLimitError) as info:
            ask(c)
        assert info.value.response.headers["retry-after"] == "2"
        assert ask(c).choices[0].message.content == RECORDS

        with urllib.request.urlopen(base_url.removesuffix("/v1") + "/_fake/stats") as r:
            stats = json.load(r)
        assert stats == {
            "requests": 2,
            "faults": {"rate_limit": 1, "none": 1},
            "statuses": {"429": 1, "200": 1},
        }
        with urllib.request.urlopen(base_url.removesuffix("/v1") + "/_fake/log?since=1") as r:
            (entry,) = json.load(r)
        assert entry["index"] == 1 and entry["body"]["messages"] == MESSAGES

        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=5) == 0
        assert proc.stderr is not None
        assert proc.stderr.read() == ""
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_process_mode_rejects_an_unknown_fault() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "tests.fakes.openai_server", "--faults", "0=meteor"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=10,
    )
    assert result.returncode == 2
    assert "unknown fault 'meteor'" in result.stderr


def test_named_meeting_responder_answers_a_record_that_grounds() -> None:
    from extractor import Extractor
    from tests.fakes.openai_server import named_meeting

    article = "The Finnish president met the US president in Washington on Friday. It rained."
    with (
        FakeOpenAI(named_meeting()) as server,
        Extractor("openai/fake-model", base_url=server.base_url, strategy="single") as ex,
    ):
        [meeting] = ex.extract(article, published="2022-03-05").meetings
        lonely = ex.extract("Officials met in Helsinki today.", published="2022-03-05")
    assert sorted(meeting.countries()) == ["FIN", "USA"]
    assert meeting.evidence.quote == article.split(" It rained")[0]
    assert lonely.records == [] and lonely.metadata.calls == 1  # one country: empty lists
