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
