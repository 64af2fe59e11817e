"""An integer too long for Python to convert never makes a server's answer unreadable.

Python refuses to convert an integer of more than 4,300 digits (``sys.
get_int_max_str_digits()``): ``json.loads`` raised ``ValueError``, so a valid answer
whose ``usage.prompt_tokens`` had 4,301 digits was "not JSON" (exit 1), while 4,300
digits was the documented "count is 0 with the bad-count warning". Every parse of a
server's JSON (ours, the openai and anthropic SDKs' own, a batch's results and a live
re-ask's answer) reads such an integer as an infinity (``providers.answer_json``): a
token count that is one is 0, said once; in any other field (``created``, an ``index``,
a field nobody reads) it changes nothing. The process-wide limit is left as it is.

The servers are real, on loopback, built here (both APIs).
"""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor.bulk.carriers.base import result_lines
from extractor.pipeline.document import Document
from extractor.pipeline.engine import Extractor
from extractor.pipeline.requests import build_requests, parse_response
from extractor.pipeline.result import UNKNOWN_USAGE_WARNING
from extractor.runtime import providers
from extractor.runtime.retrying import RetryPolicy
from tests.fakes.kano import EMPTY, kano
from tests.fakes.openai_server import LOOPBACK_ONLY
from tests.fakes.scripted_server import Answer, Received, ScriptedServer, json_answer

pytestmark = pytest.mark.block_network(allowed_hosts=LOOPBACK_ONLY)

FAST = RetryPolicy(attempts=2, initial=0.001, maximum=0.005, total=10)
#: Where a big integer goes in each API's answer, and whether it is a token count there.
FIELDS = {
    "openai": {"prompt_tokens": True, "completion_tokens": True, "created": False,
               "index": False, "extra": False},
    "anthropic": {"input_tokens": True, "output_tokens": True, "extra": False},
}  # fmt: skip
MODELS = {"openai": "openai/fake-model", "anthropic": "anthropic/claude-x"}
BIG = "__BIG__"

#: Digit counts around Python's limit (4,300) and far past it.
DIGITS = st.one_of(
    st.integers(min_value=4290, max_value=4400),
    st.sampled_from([4300, 4301, 5000, 20_000, 200_000]),
)


def number(digits: int, negative: bool) -> str:
    return ("-" if negative else "") + "9" * digits


def answer(api: str, field: str, value: str, tool: str | None = None) -> bytes:
    """A valid answer of ``api`` (an empty extraction), ``field`` holding ``value`` as sent."""
    data: dict[str, Any]
    if api == "openai":
        data = {
            "id": "c", "object": "chat.completion", "created": 1, "model": "fake-model",
            "choices": [{"index": 0, "finish_reason": "stop",
                         "message": {"role": "assistant", "content": EMPTY}}],
            "usage": {"prompt_tokens": 5, "completion_tokens": 3},
        }  # fmt: skip
        place = data["usage"] if field.endswith("_tokens") else data
        if field == "index":
            place = data["choices"][0]
    else:
        content: dict[str, Any] = (
            {"type": "tool_use", "id": "t1", "name": tool, "input": json.loads(EMPTY)}
            if tool
            else {"type": "text", "text": EMPTY}
        )
        data = {
            "id": "m", "type": "message", "role": "assistant", "model": "claude-x",
            "content": [content], "stop_reason": "tool_use" if tool else "end_turn",
            "stop_sequence": None, "usage": {"input_tokens": 5, "output_tokens": 3},
        }  # fmt: skip
        place = data["usage"] if field.endswith("_tokens") else data
    place[field] = BIG
    return json.dumps(data).replace(json.dumps(BIG), value).encode()


class Served(ScriptedServer):
    """Answers either API (by the path) with ``field`` holding ``value`` as sent."""

    field = "prompt_tokens"
    value = "1"

    def __init__(self) -> None:
        super().__init__(self.answer)

    def answer(self, request: Received) -> Answer:
        choice = request.json().get("tool_choice")
        tool = choice.get("name") if isinstance(choice, dict) else None
        api = "anthropic" if request.path.endswith("/messages") else "openai"
        return json_answer(answer(api, self.field, self.value, tool))


@pytest.fixture(scope="module")
def served() -> Iterator[Served]:
    with Served() as server:
        yield server


def expect_read(usage: Any, warned: int, api: str, field: str) -> None:
    """The answer was read: a big count is 0 and said (``warned`` times: once); elsewhere
    it changes nothing."""
    prompt = 0 if field in ("prompt_tokens", "input_tokens") else 5
    completion = 0 if field in ("completion_tokens", "output_tokens") else 3
    assert (usage.prompt_tokens, usage.completion_tokens) == (prompt, completion)
    assert warned == (1 if FIELDS[api][field] else 0)


SPOTS = st.sampled_from([(api, field) for api, fields in FIELDS.items() for field in fields])


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(spot=SPOTS, digits=DIGITS, negative=st.booleans())
def test_a_live_answer_with_a_huge_integer_is_read(
    served: Served, spot: tuple[str, str], digits: int, negative: bool
) -> None:
    api, field = spot
    served.field, served.value = field, number(digits, negative)
    with Extractor(MODELS[api], base_url=served.base_url, api_key="k", strategy="single",
                   timeout=8, retry_policy=FAST, max_retries=1) as ex:  # fmt: skip
        result = ex.extract(kano(3))
    assert result.complete, result
    warned = result.metadata.warnings.count(UNKNOWN_USAGE_WARNING)
    expect_read(result.metadata.usage, warned, api, field)
    assert sys.get_int_max_str_digits() == 4300  # the process-wide limit is untouched


@functools.cache
def batch_request(api: str) -> tuple[Any, Document]:
    """One request of ``api`` as a provider batch carries it (built without a server)."""
    document = Document("d1", kano(3))
    with Extractor(MODELS[api], api_key="k", strategy="single") as ex:
        return build_requests(document, ex)[0], document


@settings(max_examples=60, deadline=None)
@given(spot=SPOTS, digits=DIGITS, negative=st.booleans())
def test_a_batch_answer_with_a_huge_integer_is_read(
    spot: tuple[str, str], digits: int, negative: bool
) -> None:
    """A batch's results file (its lines) and a live re-ask's answer (bytes), both APIs."""
    api, field = spot
    request, document = batch_request(api)
    choice = json.loads(request.body).get("tool_choice")
    tool = choice.get("name") if isinstance(choice, dict) else None
    body = answer(api, field, number(digits, negative), tool)
    line = b'{"custom_id": "r1", "response": {"status_code": 200, "body": ' + body + b"}}"
    (read,) = list(result_lines(b"\n" + line + b"\n"))  # not skipped as "not JSON"
    for raw in (body, read["response"]["body"]):
        reply = parse_response(request, raw, document)
        assert reply.error is None, reply.error
        expect_read(reply.usage, int(reply.usage.unknown), api, field)


@settings(max_examples=60, deadline=None)
@given(digits=DIGITS, negative=st.booleans())
def test_answer_json_reads_every_integer(digits: int, negative: bool) -> None:
    """A convertible integer is itself; a longer one an infinity of its sign, which
    ``token_count`` does not take for a count."""
    text = number(digits, negative)
    parsed = providers.answer_json(f'{{"n": {text}, "m": [{text}]}}')
    if digits <= sys.get_int_max_str_digits():
        assert parsed == {"n": int(text), "m": [int(text)]}
    else:
        inf = float("-inf") if negative else float("inf")
        assert parsed == {"n": inf, "m": [inf]}
