"""A log record's message is clipped before it is redacted.

Round 45: instructor logs every failed attempt as ``f"API call failed ...: {e}"``, the
server's whole error body inside; the redacting filter on its logger redacted a 16 MB body
six times, on the event loop, and the other documents of an ``extract_many`` run failed as
"did not answer in time" though their server had answered in two seconds. The invariant:
whatever the size of a message or traceback, the redactor is handed at most
``LOG_MESSAGE_MOST`` characters (and a few of the note), and no key survives.
"""

from __future__ import annotations

import logging
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor import redact as redact_module
from extractor.redact import LOG_MESSAGE_MOST, MARK, RedactingFilter

KEY = "sk-test-clipKEY0123456789abcdefXYZ"


@settings(max_examples=20, deadline=None)
@given(
    size=st.integers(0, 3 * LOG_MESSAGE_MOST),
    at=st.floats(0, 1),
    traced=st.booleans(),
)
def test_the_redactor_sees_at_most_the_clip_and_no_key_survives(
    size: int, at: float, traced: bool
) -> None:
    handed: list[int] = []
    real = redact_module.redact

    def spy(text: object) -> str:
        handed.append(len(str(text)))
        return real(text)

    body = "x" * size
    cut = int(at * size)
    body = body[:cut] + KEY + body[cut:]
    record = logging.LogRecord(
        "instructor", logging.ERROR, __file__, 1, "failed: %s", (body,), None
    )
    if traced:
        try:
            raise RuntimeError(body)
        except RuntimeError:
            record.exc_info = sys.exc_info()
    redact_module.register_secret(KEY)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(redact_module, "redact", spy)
        assert RedactingFilter().filter(record)
    assert handed and max(handed) <= LOG_MESSAGE_MOST + 100
    shown = record.getMessage() + (record.exc_text or "")
    assert KEY not in shown
    if len("failed: ") + len(body) <= LOG_MESSAGE_MOST:
        assert record.getMessage() == f"failed: {body}".replace(KEY, MARK)
    else:
        assert record.getMessage().endswith("characters not shown]")
