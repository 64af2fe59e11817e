"""An answer whose fields are of the wrong JSON type is not an answer of the API.

The SDKs build their answer without validating it, so a chat completion whose
``message.content`` was a number, a list or an object, or whose tool call's
``function.arguments`` was no string, reached instructor as the model's answer: "no
valid answer" (kind ``model``) for every document, re-asked, a multi-line pydantic
serializer warning on stderr, and a bulk run never stopping early. Now any such field,
of either API (a Messages API block's ``text`` no string, a ``tool_use`` ``input`` no
object), is an ``IncompatibleServerError`` (kind ``server``) naming the field, in one
line, asked once, nothing on stderr; live and in a batch's results alike (one check,
``providers.answer_problem``). Valid answers (text, or null beside tool calls) pass.

The servers are real, on loopback, built here.
"""

from __future__ import annotations

import copy
import functools
import json
import tempfile
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from extractor.bulk.batch import SAME_FAILURES_IN_A_ROW
from extractor.bulk.runner import BulkRun
from extractor.errors import BatchAborted, IncompatibleServerError, ModelRefusal
from extractor.pipeline.document import Document
from extractor.pipeline.engine import Extractor
from extractor.pipeline.requests import build_requests, parse_response
from extractor.runtime import aio
from extractor.runtime.anthropic_wire import MESSAGES
from extractor.runtime.providers import CHAT_COMPLETIONS, MAX_ANSWER_PARTS
from extractor.runtime.retrying import RetryPolicy
from tests.fakes.kano import EMPTY, kano
from tests.fakes.openai_server import LOOPBACK_ONLY
from tests.fakes.scripted_server import Answer, Received, ScriptedServer, json_answer

pytestmark = pytest.mark.block_network(allowed_hosts=LOOPBACK_ONLY)

FAST = RetryPolicy(attempts=3, initial=0.001, maximum=0.005, total=10)
MODELS = {"openai": "openai/fake-model", "anthropic": "anthropic/claude-x"}
live = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

#: Any JSON value.
JSON: st.SearchStrategy[Any] = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=6),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner, max_size=3)
    ),
    max_leaves=6,
)


def is_text(value: Any) -> bool:
    return isinstance(value, str)


def text_or_null(value: Any) -> bool:
    return value is None or isinstance(value, str)


def is_object(value: Any) -> bool:
    return isinstance(value, dict)


def object_or_null(value: Any) -> bool:
    return value is None or isinstance(value, dict)


def list_or_null(value: Any) -> bool:
    return value is None or isinstance(value, list)


def completion(message: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": "c", "object": "chat.completion", "created": 0, "model": "fake-model",
        "choices": [{"index": 0, "finish_reason": "stop", "message": message}],
        "usage": {"prompt_tokens": 5, "completion_tokens": 3},
    }  # fmt: skip


def messages_answer(blocks: list[Any]) -> dict[str, Any]:
    return {
        "id": "m", "type": "message", "role": "assistant", "model": "claude-x",
        "content": blocks, "stop_reason": "end_turn", "stop_sequence": None,
        "usage": {"input_tokens": 5, "output_tokens": 3},
    }  # fmt: skip


def call(arguments: Any = EMPTY, name: Any = "extract") -> dict[str, Any]:
    return {"id": "t1", "type": "function", "function": {"name": name, "arguments": arguments}}


#: (API, the field's path as the error names it, the answer with ``value`` there, whether
#: ``value`` is valid there).
Spot = tuple[str, str, Callable[[Any], dict[str, Any]], Callable[[Any], bool]]
SPOTS: list[Spot] = [
    ("openai", "message.content",
     lambda v: completion({"role": "assistant", "content": v}), text_or_null),
    ("openai", "message.refusal",
     lambda v: completion({"role": "assistant", "content": EMPTY, "refusal": v}), text_or_null),
    ("openai", "message.tool_calls",
     lambda v: completion({"role": "assistant", "content": EMPTY, "tool_calls": v}), list_or_null),
    ("openai", "message.tool_calls[0]",
     lambda v: completion({"role": "assistant", "content": None, "tool_calls": [v]}), is_object),
    ("openai", "message.tool_calls[0].function",
     lambda v: completion({"role": "assistant", "content": None,
                           "tool_calls": [{"id": "t1", "type": "function", "function": v}]}),
     is_object),
    ("openai", "message.tool_calls[0].function.arguments",
     lambda v: completion({"role": "assistant", "content": None, "tool_calls": [call(v)]}),
     is_text),
    ("openai", "message.tool_calls[0].function.name",
     lambda v: completion({"role": "assistant", "content": None,
                           "tool_calls": [call(name=v)]}), is_text),
    ("openai", "message.function_call",
     lambda v: completion({"role": "assistant", "content": EMPTY, "function_call": v}),
     object_or_null),
    ("openai", "message.function_call.arguments",
     lambda v: completion({"role": "assistant", "content": None,
                           "function_call": {"name": "extract", "arguments": v}}), is_text),
    ("anthropic", "content[0]", lambda v: messages_answer([v]), is_object),
    ("anthropic", "content[0].type",
     lambda v: messages_answer([{"type": v, "text": "ok"}]), is_text),
    ("anthropic", "content[0].text",
     lambda v: messages_answer([{"type": "text", "text": v}]), is_text),
    ("anthropic", "content[1].input",
     lambda v: messages_answer([{"type": "text", "text": "ok"},
                                {"type": "tool_use", "id": "t1", "name": "x", "input": v}]),
     is_object),
    ("anthropic", "content[0].name",
     lambda v: messages_answer([{"type": "tool_use", "id": "t1", "name": v, "input": {}}]),
     is_text),
]  # fmt: skip


#: The spots where a value of the right type is valid whatever it holds.
LEAVES = {"message.content", "message.refusal", "message.tool_calls[0].function.arguments",
          "message.tool_calls[0].function.name", "message.function_call.arguments",
          "content[0].text", "content[1].input", "content[0].name"}  # fmt: skip


class Served(ScriptedServer):
    """Answers with ``body``, whatever is asked."""

    body = b"{}"

    def __init__(self) -> None:
        super().__init__(self.answer)

    def answer(self, request: Received) -> Answer:
        return json_answer(self.body)


@pytest.fixture(scope="module")
def served() -> Iterator[Served]:
    with Served() as server:
        yield server


def mistyped(draw: st.DrawFn) -> tuple[Spot, Any]:
    spot = draw(st.sampled_from(SPOTS))
    value = draw(JSON)
    assume(not spot[3](value))
    return spot, value


@live
@given(data=st.data())
def test_a_live_answer_with_a_mistyped_field_is_a_server_error(
    served: Served, capfd: pytest.CaptureFixture[str], data: st.DataObject
) -> None:
    (api, path, build, _), value = mistyped(data.draw)
    served.reset(served.answer)
    served.body = json.dumps(build(value)).encode()
    capfd.readouterr()
    with warnings.catch_warnings(record=True) as caught_warnings:
        warnings.simplefilter("always")
        with (
            Extractor(MODELS[api], base_url=served.base_url, api_key="k", strategy="single",
                      timeout=8, retry_policy=FAST, max_retries=2) as ex,
            pytest.raises(IncompatibleServerError) as caught,
        ):  # fmt: skip
            ex.extract(kano(3))
    message = str(caught.value)
    assert caught.value.kind == "server", message
    assert f"its answer's {path} " in message and "\n" not in message, message
    assert served.requests == 1  # neither retried nor re-asked
    assert [str(w.message) for w in caught_warnings] == []
    assert capfd.readouterr().err == ""


@functools.cache
def batch_request(api: str) -> tuple[Any, Document]:
    """One request of ``api`` as a provider batch carries it (built without a server)."""
    document = Document("d1", kano(3))
    with Extractor(MODELS[api], api_key="k", strategy="single") as ex:
        return build_requests(document, ex)[0], document


@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_a_batch_answer_with_a_mistyped_field_is_a_server_error(data: st.DataObject) -> None:
    (api, path, build, _), value = mistyped(data.draw)
    request, document = batch_request(api)
    with warnings.catch_warnings(record=True) as caught_warnings:
        warnings.simplefilter("always")
        reply = parse_response(request, json.dumps(build(value)), document)
    assert isinstance(reply.error, IncompatibleServerError), reply.error
    assert reply.error.kind == "server"
    assert f"its answer's {path} " in str(reply.error)
    assert [str(w.message) for w in caught_warnings] == []


@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_valid_fields_pass_the_check(data: st.DataObject) -> None:
    """Any value valid in its place (text, null beside a tool call, any object) passes,
    as long as the answer says something."""
    api, _, build, valid = data.draw(st.sampled_from([s for s in SPOTS if s[1] in LEAVES]))
    value = data.draw(JSON.filter(valid) | st.text().filter(valid))
    answer = copy.deepcopy(build(value))
    check = CHAT_COMPLETIONS if api == "openai" else MESSAGES
    said = check.shape(answer)
    if said is not None:  # only ever that nothing was said
        assert "message is empty" in said, said


@pytest.mark.parametrize("form", ["text", "tool call"])
def test_a_valid_live_answer_is_untouched(served: Served, form: str) -> None:
    def answer(request: Received) -> Answer:
        tools = request.json().get("tools") or [{"function": {"name": "extract"}}]
        message: dict[str, Any] = {"role": "assistant", "content": EMPTY}
        if form == "tool call":
            message = {"role": "assistant", "content": None,
                       "tool_calls": [call(EMPTY, tools[0]["function"]["name"])]}  # fmt: skip
        return json_answer(json.dumps(completion(message)).encode())

    served.reset(answer)
    mode = "tools" if form == "tool call" else "grammar"
    with Extractor(MODELS["openai"], base_url=served.base_url, api_key="k", mode=mode,
                   strategy="single", timeout=8, retry_policy=FAST) as ex:  # fmt: skip
        result = ex.extract(kano(3))
    assert result.complete, result
    assert served.requests == 1


@pytest.mark.parametrize("path", ["message.content", "message.tool_calls[0].function.arguments"])
def test_a_mistyped_answer_stops_a_bulk_run_early(served: Served, path: str) -> None:
    (build,) = [spot[2] for spot in SPOTS if spot[1] == path]
    served.reset(served.answer)
    served.body = json.dumps(build(7)).encode()
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch, "in")
        folder.mkdir()
        for number in range(8):
            (folder / f"d{number:02d}.txt").write_text(kano(number + 3), encoding="utf-8")
        ex = Extractor(MODELS["openai"], base_url=served.base_url, api_key="k",
                       strategy="single", timeout=8, retry_policy=FAST)  # fmt: skip
        run = BulkRun([folder], Path(scratch, "out.jsonl"), extractor=ex, concurrency=1)

        async def go() -> None:
            try:
                await run.run()
            finally:
                await ex.aclose()

        with pytest.raises(BatchAborted) as caught:
            aio.run(go())
    assert caught.value.kind == "server" and path in str(caught.value)
    assert SAME_FAILURES_IN_A_ROW <= served.requests <= SAME_FAILURES_IN_A_ROW + 1


#: Where an answer holds a list of parts: (API, the path named, the answer with n parts).
PARTS: list[tuple[str, str, Callable[[int], dict[str, Any]]]] = [
    ("openai", "choices", lambda n: {**completion({"role": "assistant", "content": EMPTY}),
                                     "choices": completion({"role": "assistant",
                                                            "content": EMPTY})["choices"] * n}),
    ("openai", "message.tool_calls",
     lambda n: completion({"role": "assistant", "content": None, "tool_calls": [call()] * n})),
    ("anthropic", "content", lambda n: messages_answer([{"type": "text", "text": EMPTY}] * n)),
]  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(spot=st.sampled_from(PARTS), parts=st.integers(1, 20 * MAX_ANSWER_PARTS))
def test_an_answer_of_more_parts_than_a_call_asks_for_is_a_server_error(
    spot: tuple[str, str, Callable[[int], dict[str, Any]]], parts: int
) -> None:
    """Round 43: 700,000 tool calls (or a million choices) fit in the size cap yet took
    minutes and gigabytes to build into objects, past the timeout. More than
    MAX_ANSWER_PARTS is a server error naming the list, before anything is built; up to
    it, the answer is read as before."""
    api, path, build = spot
    request, document = batch_request(api)
    reply = parse_response(request, json.dumps(build(parts)), document)
    if parts > MAX_ANSWER_PARTS:
        assert isinstance(reply.error, IncompatibleServerError), reply.error
        assert reply.error.kind == "server" and f"its answer's {path} holds {parts:,}" in str(
            reply.error
        )
    else:
        assert not isinstance(reply.error, IncompatibleServerError), reply.error


#: Answers that say nothing, each API's way: (API, the answer).
SILENT = st.one_of(
    st.tuples(st.just("anthropic"), st.lists(
        st.sampled_from([{"type": "text", "text": t} for t in ("", " ", "\n\t")]), max_size=3,
    ).map(messages_answer)),
    st.tuples(st.just("openai"), st.sampled_from(["", " ", None]).map(
        lambda content: completion({"role": "assistant", "content": content}))),
)  # fmt: skip


@settings(max_examples=40, deadline=None)
@given(silent=SILENT, stop=st.sampled_from([None, "cut", "refused"]))
def test_an_answer_that_says_nothing_is_a_server_error_in_either_api(
    silent: tuple[str, dict[str, Any]], stop: str | None
) -> None:
    """Round 45: a Messages API answer with no block that says anything (``content: []``,
    blank text blocks) was the model's failure, re-asked for every document, while the
    same empty answer from a chat completions server was a server error that stops a
    run early. Both are server errors now; an answer cut off at the token limit or a
    refusal says what it is instead."""
    api, answer = silent
    answer = copy.deepcopy(answer)
    if stop is not None and api == "anthropic":
        answer["stop_reason"] = {"cut": "max_tokens", "refused": "refusal"}[stop]
    elif stop is not None:
        answer["choices"][0]["finish_reason"] = "length" if stop == "cut" else "stop"
        if stop == "refused":
            answer["choices"][0]["message"]["refusal"] = "I can't help with that."
    request, document = batch_request(api)
    reply = parse_response(request, json.dumps(answer), document)
    if stop is None:
        assert isinstance(reply.error, IncompatibleServerError), reply.error
        assert reply.error.kind == "server" and "message is empty" in str(reply.error)
    else:
        assert not isinstance(reply.error, IncompatibleServerError), reply.error
        if stop == "refused":
            assert isinstance(reply.error, ModelRefusal), reply.error
