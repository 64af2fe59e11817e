"""A known key in base64 that is wrapped into lines never survives redaction in a recoverable form.

MIME (``base64.encodebytes``: 76 characters a line), PEM/openssl (64) and other writers
break a long base64 run into lines (LF, CRLF, CR); an error excerpt may show each break
as a space, a tab or a ``\\n`` escape. The invariant, checked with generated keys
embedded at generated offsets in generated blobs, encoded (standard and URL-safe base64)
and wrapped at generated widths with generated breaks: removing the breaks from the
redacted text and decoding it from every alignment never gives the key back. Redaction
stays linear in the text, and the pattern is built as quickly as before.
"""

from __future__ import annotations

import base64
import functools
import json
import re
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.redact import MARK, Redactor, _longest_first, _variants
from tests.fakes.openai_server import LOOPBACK_ONLY, Reply, RequestRecord
from tests.redaction_forms import (
    ALPHABETS,
    BREAKS,
    HANG,
    HYPOTHESIS,
    assert_echo_reaches_no_error_line,
    assert_wrapped_key_cut,
    blobs,
    keys,
    wrapped,
)

pytestmark = pytest.mark.block_network(allowed_hosts=LOOPBACK_ONLY)

#: What a reader drops before decoding: every break of ``BREAKS`` (escapes first).
UNBREAK = re.compile(r"\\r\\n|\\[rn]|[\r\n \t]")


def readings(alphabet: str, text: str) -> list[bytes]:
    """Whatever a reader decodes from ``text``, its breaks removed, from every alignment."""
    return ALPHABETS[alphabet][1](UNBREAK.sub("", text))


@settings(HYPOTHESIS, max_examples=300)
@given(
    data=st.data(),
    key=keys,
    alphabet=st.sampled_from(sorted(ALPHABETS)),
    width=st.integers(4, 100),
    brk=st.sampled_from(BREAKS),
    padded=st.booleans(),
)
def test_a_key_in_wrapped_base64_is_never_recoverable(
    data: st.DataObject, key: str, alphabet: str, width: int, brk: str, padded: bool
) -> None:
    assert_wrapped_key_cut(key, data.draw(blobs(key)), alphabet, width, brk, padded, UNBREAK)


@pytest.mark.parametrize("pad", range(80))
def test_every_padding_of_the_reported_mime_blob_is_cut(pad: int) -> None:
    """The tester's case: ``base64.encodebytes`` of a JSON dump of the Authorization header
    after ``pad`` bytes, so the key crosses each of the 76-character lines' breaks."""
    key = "sk-test-SECRET123"
    redactor = Redactor(use_settings=False)
    redactor.register_secret(key)
    blob = b"y" * pad + json.dumps({"Authorization": f"Bearer {key}"}).encode()
    for text in (
        base64.encodebytes(blob).decode(),
        wrapped(base64.b64encode(blob).decode(), 64, "\r\n"),
    ):
        out = redactor.redact(text)
        assert MARK in out
        assert not any(key.encode() in reading for reading in readings("base64", out)), out


@settings(HYPOTHESIS, max_examples=40)
@given(key=keys, brk=st.sampled_from(BREAKS))
def test_what_surrounds_a_wrapped_key_is_kept(key: str, brk: str) -> None:
    """Only the span from the key's first encoded character to its last goes: the text
    before and after the run, and the blob's own start, stay as they were."""
    redactor = Redactor(use_settings=False)
    redactor.register_secret(key)
    coded = base64.b64encode(b"head-" * 12 + key.encode()).decode()
    text = f"before: {wrapped(coded, 16, brk)} :after"
    out = redactor.redact(text)
    assert out.startswith(f"before: {wrapped(coded, 16, brk)[:64]}")
    assert out.endswith(" :after") and MARK in out


def test_redaction_stays_linear_and_the_pattern_quick_to_build() -> None:
    """A 200-character key's pattern is built as quickly as before (wrapped runs are read
    joined, not spelled into the pattern), and texts made of breaks and short base64 runs,
    200,000 characters long, never hang."""
    key = ("eyJhbGciOi&<>\"'%+/=\\" * 10)[:200]
    started = time.perf_counter()
    pattern = _longest_first(_variants.__wrapped__(key))
    assert time.perf_counter() - started < HANG
    redactor = Redactor(use_settings=False)
    redactor.register_secret(key)
    assert redactor._pattern(redactor.secrets()) is not None
    echo = base64.encodebytes(json.dumps({"authorization": f"Bearer {key}"}).encode()).decode()
    for text in (
        "a b " * 50_000,
        "ab\n" * 66_666,
        "a\\n" * 66_666,
        "a\r\n\r\n" * 40_000,
        "=" * 200_000,
        "x" * 199_999 + "\n",
        (echo * 400)[:200_000],
    ):
        started = time.perf_counter()
        out = redactor.redact(text)
        assert time.perf_counter() - started < HANG, text[:20]
        assert key.encode() not in b"".join(readings("base64", out))
    assert pattern.pattern


# ------------------------------------------------------------------ the reproducer


class MimeEcho:
    """A server answering HTTP 400 with the MIME base64 of the request's Authorization
    header (after 20 bytes), as the tester's server did."""

    def __call__(self, record: RequestRecord) -> Reply:
        auth = record.headers.get("authorization", "")
        blob = base64.encodebytes(b"y" * 20 + json.dumps({"Authorization": auth}).encode())
        message = f"bad request; we saw (base64):\n{blob.decode()}"
        return Reply(400, json.dumps({"error": {"message": message}}))


@pytest.mark.parametrize("key", ["sk-test-SECRET123", "xsk-test-SECRET123", "xysk-test-SECRET123"])
def test_the_reported_mime_echo_reaches_no_error_line(key: str, tmp_path: Path) -> None:
    assert_echo_reaches_no_error_line(
        MimeEcho(), key, tmp_path, functools.partial(readings, "base64")
    )
