"""A batch's results file: every line that names a request is read, whatever lines
stand beside it.

Round 45: a line nested 100,000 deep (``[[[...]]]``) at the top of a completed batch's
output raised ``RecursionError`` out of the reader, so ``bulk --batch`` crashed before
writing the answers it had paid for, and on every rerun. The invariant, on generated
files: the reader yields exactly the lines that are JSON objects with a string
``custom_id``, in order, and raises for no line.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.bulk.carriers.base import result_lines
from extractor.errors import TooDeepJSON
from extractor.runtime.providers import answer_json

DEEP = 100_000
JUNK = st.sampled_from(
    [
        b"[" * DEEP + b"]" * DEEP,
        b'{"custom_id": "x", "a": ' + b"[" * DEEP + b"]" * DEEP + b"}",
        b"{" + b'"a":{' * DEEP,  # deep and never closed
        b"not json",
        b'{"custom_id": 7}',
        b"[]",
        b"\xff\xfe",
        b"",
    ]
)


@st.composite
def good_lines(draw: st.DrawFn) -> tuple[bytes, str]:
    custom_id = draw(st.text(min_size=1, max_size=12))
    body = {"custom_id": custom_id, "response": {"status_code": 200, "body": {"n": 1}}}
    return json.dumps(body).encode(), custom_id


@settings(max_examples=25, deadline=None)
@given(st.lists(st.one_of(good_lines(), JUNK.map(lambda line: (line, None))), max_size=8))
def test_every_line_naming_a_request_is_read_and_no_line_raises(
    lines: list[tuple[bytes, str | None]],
) -> None:
    read = [line["custom_id"] for line in result_lines(b"\n".join(raw for raw, _ in lines))]
    assert read == [custom_id for _, custom_id in lines if custom_id is not None]


def test_json_nested_too_deep_is_a_value_error() -> None:
    with pytest.raises(TooDeepJSON):
        answer_json(b"[" * DEEP + b"]" * DEEP)
    assert issubclass(TooDeepJSON, ValueError)


# ------------------------------------------- what one line means for its request

from extractor.bulk.carriers import anthropic_api, openai_api  # noqa: E402
from extractor.bulk.carriers.base import Answer, Undelivered  # noqa: E402
from extractor.errors import IncompatibleServerError, TransientModelError  # noqa: E402

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=5),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner, max_size=3)
    ),
    max_leaves=6,
)
STATUS = st.one_of(st.sampled_from([200, 400, 401, 404, 429, 500, 503]), JSON)


@settings(max_examples=300, deadline=None)
@given(
    response=st.one_of(JSON, st.fixed_dictionaries({"status_code": STATUS, "body": JSON})),
    error=st.one_of(st.none(), JSON, st.fixed_dictionaries({"code": JSON, "message": JSON})),
)
def test_an_openai_result_line_means_one_thing_and_a_malformed_one_is_a_server_error(
    response: object, error: object
) -> None:
    """Round 45: a ``status_code`` of ``"200"`` was "no answer" (transient, submitted again
    for ever), a ``body`` that is a list "refused the request (HTTP 200)" (a setup error).
    A line is an answer only with the integer status 200, whatever its body (checked then
    as a live answer is); an error object is a transient failure; anything else is a
    server error, never resubmitted."""
    outcome = openai_api._item_result(
        {"custom_id": "c", "response": response, "error": error}, "b1"
    )
    status = response.get("status_code") if isinstance(response, dict) else None
    whole = isinstance(status, int) and not isinstance(status, bool)
    if isinstance(response, dict) and whole and status == 200:
        assert isinstance(outcome, Answer)
    elif isinstance(response, dict) and whole:
        assert isinstance(outcome, Undelivered)  # judged as the live path judges the status
    elif not isinstance(response, dict) and isinstance(error, dict):
        assert isinstance(outcome, Undelivered) and outcome.retry
        assert isinstance(outcome.error, TransientModelError)
    else:
        assert isinstance(outcome, Undelivered) and not outcome.retry
        assert isinstance(outcome.error, IncompatibleServerError)
        assert outcome.error.kind == "server" and "batch b1" in str(outcome.error)


@settings(max_examples=300, deadline=None)
@given(
    result=st.one_of(
        JSON,
        st.fixed_dictionaries({
            "type": st.one_of(st.sampled_from(["succeeded", "errored", "canceled", "expired"]), JSON),
            "message": JSON, "error": JSON,
        }),
    )
)  # fmt: skip
def test_an_anthropic_result_line_means_one_thing_and_a_malformed_one_is_a_server_error(
    result: object,
) -> None:
    outcome = anthropic_api._item_result({"custom_id": "c", "result": result}, "b1")
    kind = result.get("type") if isinstance(result, dict) else None
    if kind == "succeeded":
        assert isinstance(outcome, Answer)
    elif kind == "errored":
        assert isinstance(outcome, Undelivered)
    elif kind in ("canceled", "expired"):
        assert isinstance(outcome, Undelivered) and outcome.retry
    else:
        assert isinstance(outcome, Undelivered) and not outcome.retry
        assert isinstance(outcome.error, IncompatibleServerError)
        assert outcome.error.kind == "server" and "batch b1" in str(outcome.error)
