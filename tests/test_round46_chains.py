"""An error of ours carries no echoed key in its chain.

Round 46: a server answered 400/401/500 with a body echoing the request's API key;
``extractor.extract`` raised our error with the key redacted from its message, but
raised it ``from`` the openai SDK's error, whose message, body and response held the
key, and Python's traceback prints that chain. The invariant, for generated keys,
statuses and echo forms, through the function and the class API: the whole rendering
of the error (``traceback.format_exception``), and every link of its chain (causes,
contexts shown or not, an ``ExtractionFailed``'s ``cause``), hold neither the key nor
any form the redactor removes (a fragment, the key spread out, its base64); the
chain's class names are still those of the SDK's errors.
"""

from __future__ import annotations

import base64
import json
import traceback
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import extractor
from extractor.errors import ExtractionFailed, ExtractorError, RedactedError
from extractor.pipeline.engine import Extractor
from extractor.runtime.retrying import RetryPolicy
from tests.fakes.kano import EMPTY, kano
from tests.fakes.openai_server import LOOPBACK_ONLY, FakeOpenAI, Reply, RequestRecord, static
from tests.redaction_forms import (
    ALPHABETS,
    HYPOTHESIS,
    key_fragments,
    letters_and_digits,
    spread_keys,
)

pytestmark = pytest.mark.block_network(allowed_hosts=LOOPBACK_ONLY)

#: How the server's answer echoes the key it was sent.
ECHOES = {
    "raw": lambda key: key,
    "json": lambda key: json.dumps(key)[1:-1],
    "header": lambda key: f"Authorization: Bearer {key}",
    "spread": lambda key: ", ".join(key),
    "base64": lambda key: base64.b64encode(key.encode()).decode(),
}
#: What the server answers: a status, and how its body is shaped around the echo.
ANSWERS = {
    "400 json": (400, "json"),
    "401 json": (401, "json"),
    "500 json": (500, "json"),
    "400 text": (400, "text"),
    "502 html": (502, "html"),
    "200 html": (200, "html"),
    "200 invalid content": (200, "content"),
}

#: What the next request is answered with (set by each example; the server is shared).
PLAN: dict[str, str] = {"answer": "400 json", "echo": "raw"}


def _echoing(record: RequestRecord) -> Reply:
    key = record.headers.get("authorization", "").removeprefix("Bearer ")
    status, shape = ANSWERS[PLAN["answer"]]
    said = f"we refused key {ECHOES[PLAN['echo']](key)} for this request"
    if shape == "json":
        body = json.dumps({"error": {"message": said, "type": "invalid_request_error"}})
        return Reply(status=status, body=body)
    if shape == "text":
        return Reply(status=status, body=said, content_type="text/plain")
    if shape == "html":
        return Reply(status=status, body=f"<html><body><pre>{said}</pre></body></html>",
                     content_type="text/html")  # fmt: skip
    completion = {
        "id": "x", "object": "chat.completion", "created": 0, "model": "fake-model",
        "choices": [{"index": 0, "finish_reason": "stop",
                     "message": {"role": "assistant", "content": f"Sure! {said} {{"}}],
        "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
    }  # fmt: skip
    return Reply(status=200, body=json.dumps(completion))


@pytest.fixture(scope="module")
def server() -> Iterator[FakeOpenAI]:
    with FakeOpenAI(static(EMPTY), replier=_echoing) as fake:
        yield fake


def _links(error: BaseException) -> Iterator[BaseException]:
    """Every exception reachable from ``error``'s chain, shown or not, once each."""
    seen: set[int] = set()
    queue: list[Any] = [error]
    while queue:
        current = queue.pop()
        if not isinstance(current, BaseException) or id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        queue += [current.__cause__, current.__context__, getattr(current, "cause", None)]


def _assert_holds_no_key(key: str, text: str) -> None:
    assert key not in text, text[-3000:]
    lowered = text.lower()
    assert not any(window in lowered for window in key_fragments(key)), text[-3000:]
    assert letters_and_digits(key) not in letters_and_digits(text), text[-3000:]
    needle = key.encode()
    for _, read in ALPHABETS.values():
        assert not any(needle in reading for reading in read(text)), text[-3000:]


def _assert_clean(key: str, error: ExtractorError) -> None:
    rendered = "".join(traceback.format_exception(error))
    _assert_holds_no_key(key, rendered)
    links = list(_links(error))
    for link in links:
        _assert_holds_no_key(key, f"{link}\n{link.args!r}\n{getattr(link, '__notes__', '')}")
        if link is not error:  # every link below ours is a redacted stand-in
            assert isinstance(link, RedactedError), type(link)
    cause = getattr(error, "cause", None)
    if isinstance(cause, BaseException):
        _assert_holds_no_key(key, "".join(traceback.format_exception(cause)))


POLICY = RetryPolicy(attempts=1, initial=0.001, maximum=0.002, total=5)
ONCE = {"retry_policy": POLICY, "max_retries": 0, "strategy": "single"}


def _call(how: str, key: str, server: FakeOpenAI) -> ExtractorError:
    try:
        if how == "function":
            extractor.extract(kano(3), model="openai/fake-model", base_url=server.base_url,
                              api_key=key, **ONCE)  # fmt: skip
        else:
            with Extractor(
                "openai/fake-model", base_url=server.base_url, api_key=key, **ONCE
            ) as ex:
                ex.extract(kano(3))
    except ExtractorError as error:
        return error
    raise AssertionError("the echoing server's answer was taken")


keys = st.one_of(spread_keys(), spread_keys().map(lambda key: f"sk-proj-{key}"))


@settings(HYPOTHESIS, max_examples=40, database=None)
@given(keys, st.sampled_from(sorted(ANSWERS)), st.sampled_from(sorted(ECHOES)),
       st.sampled_from(["function", "class"]))  # fmt: skip
def test_no_link_of_the_error_holds_the_echoed_key(
    server: FakeOpenAI, key: str, answer: str, echo: str, how: str
) -> None:
    PLAN.update(answer=answer, echo=echo)
    before = len(server.log)
    error = _call(how, key, server)
    assert key in server.log[before].headers["authorization"]  # the server was sent the key
    assert error.__cause__ is not None or error.__context__ is not None  # a chain to clean
    _assert_clean(key, error)


def test_the_chain_keeps_the_sdk_errors_names_and_the_reason(server: FakeOpenAI) -> None:
    """What a reader of the traceback learns is kept: the SDK's class names, the status
    and the server's words, the key masked."""
    key = "sk-proj-Zq8Wx7Vc6Bn5Ml4Kj3Hg2Fd1"
    PLAN.update(answer="401 json", echo="raw")
    error = _call("function", key, server)
    rendered = "".join(traceback.format_exception(error))
    assert "openai.AuthenticationError" in rendered
    assert "we refused key" in rendered and "***" in rendered
    names = [type(link).__name__ for link in _links(error)]
    assert "AuthenticationError" in names


def test_an_extraction_failure_keeps_its_cause_redacted(server: FakeOpenAI) -> None:
    key = "tok-Ab3dE5fG7hJ9kL1mN3pQ-live"
    PLAN.update(answer="200 invalid content", echo="raw")
    error = _call("class", key, server)
    assert isinstance(error, ExtractionFailed)
    assert isinstance(error.cause, RedactedError)
    _assert_clean(key, error)


@settings(HYPOTHESIS, max_examples=20, database=None)
@given(keys, st.sampled_from([400, 401, 500]), st.sampled_from(sorted(ECHOES)))
def test_a_batch_call_s_error_holds_no_echoed_key(key: str, status: int, echo: str) -> None:
    """The batch carriers' calls (upload, create, list, download) go through ``retried``:
    the SDK's status error it maps holds the provider's echo of the key."""
    import openai

    from extractor.bulk.carriers.base import item_response, retried
    from extractor.runtime import aio

    said = f"we refused key {ECHOES[echo](key)}"
    body = {"error": {"message": said}}

    async def action() -> None:
        response = item_response(status, body, "/v1/files")
        raise openai.APIStatusError(said, response=response, body=body)

    unused = "http://127.0.0.1:9/v1"  # never asked: the action raises at once
    with (
        Extractor("openai/fake-model", base_url=unused, api_key=key, **ONCE) as ex,
        pytest.raises(ExtractorError) as caught,
    ):
        aio.run(retried(ex, action, "upload"))
    assert isinstance(caught.value.__cause__, RedactedError)
    _assert_clean(key, caught.value)
