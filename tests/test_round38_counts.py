"""One rule for "is this value a token count", whoever reads it; its warning on every line.

* A token count is a whole JSON number (``12.0`` is 12; ``true``, ``"12"``, NaN and the
  infinities are not) from 0 to a bound: one call's (``MAX_CALL_TOKENS``) in a server's
  answer of any API, OpenAI's or Anthropic's, an answer or a refusal, live or from a
  batch; a document's (``MAX_USAGE_TOKENS``) in a results line ``eval`` reads back. In an
  answer, one that is not a count is 0 and said (``UNKNOWN_USAGE_WARNING``); in a line,
  eval refuses it, naming the document and the field.
* The warning reaches the results line whatever its status: an error line's usage (what
  its failed calls cost) says a bad count as an ok line's does, in bulk and in eval.

The servers are real, on loopback, built here (both APIs, answers and refusals).
"""

from __future__ import annotations

import functools
import json
import math
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor.bulk.runner import BulkRun
from extractor.evaluation.gold import GoldDocument
from extractor.evaluation.run import _usage, extract_gold
from extractor.pipeline.document import Document
from extractor.pipeline.engine import Extractor
from extractor.pipeline.requests import build_requests, parse_response
from extractor.pipeline.result import (
    MAX_CALL_TOKENS,
    MAX_USAGE_TOKENS,
    UNKNOWN_USAGE_WARNING,
    Usage,
    answer_usage,
    token_count,
)
from extractor.runtime import aio, anthropic_wire, providers
from extractor.runtime.retrying import RetryPolicy
from tests.fakes.kano import kano
from tests.fakes.openai_server import LOOPBACK_ONLY
from tests.fakes.scripted_server import Answer, Received, ScriptedServer, json_answer

pytestmark = pytest.mark.block_network(allowed_hosts=LOOPBACK_ONLY)

FAST = RetryPolicy(attempts=2, initial=0.001, maximum=0.005, total=10)

#: Anything a server or a line may put in a count (JSON-encodable, as it arrives).
COUNTS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=-(10**400), max_value=10**400),
    st.integers(min_value=-5, max_value=MAX_CALL_TOKENS + 5),
    st.integers(min_value=MAX_USAGE_TOKENS - 5, max_value=MAX_USAGE_TOKENS + 5),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([1e308, -1e308, 5.0, 0.0, -0.0, 1e9, 1e9 + 1, 1e15, 0.5, math.nan]),
    st.text(max_size=12),
    st.sampled_from(["NaN", "12", "1e308", "-5", "0x10"]),
    st.lists(st.integers(), max_size=2),
    st.dictionaries(st.text(max_size=2), st.integers(), max_size=1),
)


def expected(value: Any, limit: int) -> int | None:
    """The rule, written out apart from the code: a whole JSON number in ``[0, limit]``."""
    if isinstance(value, bool):
        return None
    if isinstance(value, float):
        if not (math.isfinite(value) and value.is_integer()):
            return None
        value = int(value)
    if not isinstance(value, int):
        return None
    return value if 0 <= value <= limit else None


# ------------------------------------------------------------------ the readers


def _openai_refusal(prompt: Any, completion: Any) -> tuple[tuple[int, int], Usage | None]:
    data = {
        "choices": [{"index": 0, "finish_reason": "stop",
                     "message": {"role": "assistant", "content": None, "refusal": "no"}}],
        "usage": {"prompt_tokens": prompt, "completion_tokens": completion},
    }  # fmt: skip
    refused = providers.refusal(data)
    assert refused is not None
    return refused.tokens, refused.usage


def _anthropic_refusal(prompt: Any, completion: Any) -> tuple[tuple[int, int], Usage | None]:
    data = {
        "type": "message", "role": "assistant", "stop_reason": "refusal",
        "content": [{"type": "text", "text": "no"}],
        "usage": {"input_tokens": prompt, "output_tokens": completion},
    }  # fmt: skip
    refused = anthropic_wire.message_refusal(data)
    assert refused is not None
    return refused.tokens, refused.usage


def _read(usage: Usage | None) -> tuple[int, int, bool]:
    assert usage is not None
    return usage.prompt_tokens, usage.completion_tokens, usage.unknown


@settings(max_examples=400, deadline=None)
@given(prompt=COUNTS, completion=COUNTS)
def test_every_reader_of_a_servers_count_gives_the_same_outcome(
    prompt: Any, completion: Any
) -> None:
    """OpenAI's and Anthropic's answers and refusals: one count, one verdict."""
    want = [expected(v, MAX_CALL_TOKENS) for v in (prompt, completion)]
    unknown = any(
        v is not None and w is None for v, w in zip((prompt, completion), want, strict=True)
    )
    outcome = ((want[0] or 0), (want[1] or 0), unknown)
    assert _read(Usage.of_call(prompt, completion)) == outcome  # a live answer's hook
    openai = {"prompt_tokens": prompt, "completion_tokens": completion}
    anthropic = {"input_tokens": prompt, "output_tokens": completion}
    assert _read(answer_usage(openai, ("prompt_tokens", "completion_tokens"))) == outcome
    assert _read(answer_usage(anthropic, ("input_tokens", "output_tokens"))) == outcome
    for refusal in (_openai_refusal, _anthropic_refusal):
        tokens, usage = refusal(prompt, completion)
        assert _read(usage) == outcome, refusal.__name__
        assert tokens == outcome[:2] and all(type(t) is int for t in tokens)


@settings(max_examples=400, deadline=None)
@given(count=COUNTS)
def test_eval_reads_a_lines_count_by_the_same_rule(count: Any) -> None:
    """A line's count is a count exactly when a server's is (with a document's bound)."""
    line = {"usage": {"prompt_tokens": count, "completion_tokens": 1}}
    want = expected(count, MAX_USAGE_TOKENS)
    assert token_count(count, MAX_USAGE_TOKENS) == (0 if count is None else want)
    if count is not None and want is None:
        with pytest.raises(ValueError) as caught:
            _usage("doc-1", line)
        message = str(caught.value)
        assert "'doc-1'" in message and "prompt_tokens" in message and "\n" not in message
        assert len(message) < 300  # a 400-digit count is not printed whole
        return
    read = _usage("doc-1", line)
    assert read.prompt_tokens == want and read.completion_tokens == 1
    # what a server's answer counts, a line holding it reads back the same
    if expected(count, MAX_CALL_TOKENS) is not None:
        assert read.prompt_tokens == Usage.of_call(count, 0).prompt_tokens


@functools.cache
def batch_requests() -> dict[str, tuple[Any, Document]]:
    """One request of each API, as a provider batch carries it (built without a server)."""
    document = Document("d1", kano(3))
    made = {}
    for dialect, model in (("openai", "openai/fake-model"), ("anthropic", "anthropic/claude-x")):
        with Extractor(model, api_key="k", strategy="single") as ex:
            made[dialect] = (build_requests(document, ex)[0], document)
    return made


@settings(max_examples=60, deadline=None)
@given(prompt=COUNTS, completion=COUNTS)
def test_a_batch_refusal_counts_as_a_live_one(prompt: Any, completion: Any) -> None:
    """A refusal in a batch's results is read as the live one: its usage, a bad count said."""
    want = _read(Usage.of_call(prompt, completion))
    request, document = batch_requests()["openai"]
    answer = {
        "id": "c", "object": "chat.completion", "created": 0, "model": "fake-model",
        "choices": [{"index": 0, "finish_reason": "stop",
                     "message": {"role": "assistant", "content": None, "refusal": "no"}}],
        "usage": {"prompt_tokens": prompt, "completion_tokens": completion},
    }  # fmt: skip
    assert _read(parse_response(request, answer, document).usage) == want
    request, document = batch_requests()["anthropic"]
    message = {
        "id": "m", "type": "message", "role": "assistant", "model": "claude-x",
        "stop_reason": "refusal", "content": [{"type": "text", "text": "no"}],
        "usage": {"input_tokens": prompt, "output_tokens": completion},
    }  # fmt: skip
    assert _read(parse_response(request, message, document).usage) == want


# ------------------------------------------------------------------ error lines


class Served(ScriptedServer):
    """Answers both APIs: a refusal, or an answer that never validates, with ``usage``."""

    mode = "refusal"
    prompt: Any = 1
    completion: Any = 1

    def __init__(self) -> None:
        super().__init__(self.answer)

    def answer(self, request: Received) -> Answer:
        refused = self.mode == "refusal"
        data: dict[str, Any]
        if request.path.endswith("/messages"):
            data = {
                "id": "m", "type": "message", "role": "assistant", "model": "claude-x",
                "stop_reason": "refusal" if refused else "end_turn", "stop_sequence": None,
                "content": [{"type": "text", "text": "no" if refused else "not json"}],
                "usage": {"input_tokens": self.prompt, "output_tokens": self.completion},
            }  # fmt: skip
        else:
            message = {"role": "assistant", "content": None, "refusal": "no"} if refused else {
                "role": "assistant", "content": "not json"}  # fmt: skip
            data = {
                "id": "c", "object": "chat.completion", "created": 0, "model": "fake-model",
                "choices": [{"index": 0, "finish_reason": "stop", "message": message}],
                "usage": {"prompt_tokens": self.prompt, "completion_tokens": self.completion},
            }  # fmt: skip
        return json_answer(json.dumps(data).encode())


@pytest.fixture(scope="module")
def served() -> Iterator[Served]:
    with Served() as server:
        yield server


MODELS = {"openai": "openai/fake-model", "anthropic": "anthropic/claude-x"}


def make(server: Served, api: str) -> Extractor:
    return Extractor(MODELS[api], base_url=server.base_url, api_key="k", strategy="single",
                     timeout=8, retry_policy=FAST, max_retries=1)  # fmt: skip


def bulk_lines(server: Served, api: str) -> list[dict[str, Any]]:
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch, "in")
        folder.mkdir()
        (folder / "d1.txt").write_text(kano(4), encoding="utf-8")
        output = Path(scratch, "out.jsonl")
        ex = make(server, api)
        run = BulkRun([folder], output, extractor=ex, concurrency=1)

        async def go() -> None:
            try:
                await run.run()
            finally:
                await ex.aclose()

        aio.run(go())
        return [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]


#: Counts a server may send: good ones, and each kind of bad one.
SENT = st.sampled_from([7, 0, None, -5, 1e308, 10**400, "12", True, 2.5, [1], MAX_CALL_TOKENS + 1])


@settings(
    max_examples=16,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    api=st.sampled_from(["openai", "anthropic"]),
    mode=st.sampled_from(["refusal", "invalid"]),
    prompt=SENT,
    completion=st.sampled_from([3, -1]),
)
def test_an_error_lines_bad_count_is_said_as_an_ok_lines_is(
    served: Served, api: str, mode: str, prompt: Any, completion: Any
) -> None:
    served.mode, served.prompt, served.completion = mode, prompt, completion
    unknown = token_count(prompt) is None or token_count(completion) is None
    (line,) = bulk_lines(served, api)
    assert line["status"] == "error"
    assert line["error"]["kind"] == ("refusal" if mode == "refusal" else "model")
    calls = 1 if mode == "refusal" else 2  # an answer that never validates is re-asked once
    assert line["usage"]["prompt_tokens"] == (token_count(prompt) or 0) * calls
    assert line["warnings"].count(UNKNOWN_USAGE_WARNING) == (1 if unknown else 0)


def test_an_eval_error_line_says_a_bad_count(served: Served) -> None:
    served.mode, served.prompt, served.completion = "refusal", -5, 3
    gold = [GoldDocument(id="g1", text=kano(4))]
    for api in MODELS:
        with make(served, api) as ex:
            (line,) = extract_gold(gold, ex)
        assert line["status"] == "error" and line["usage"]["completion_tokens"] == 3
        assert line["warnings"] == [UNKNOWN_USAGE_WARNING]
        assert _usage("g1", line).prompt_tokens == 0  # and the saved line reads back
    served.prompt = 5
    with make(served, "openai") as ex:
        (line,) = extract_gold(gold, ex)
    assert line["warnings"] == [] and line["usage"]["prompt_tokens"] == 5
