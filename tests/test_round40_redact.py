"""A known key in wrapped base64 is never recoverable, whatever the breaks look like.

Round 39 read a base64 run joined across single breaks (CRLF, CR, LF, one space or tab,
``\\n`` or ``\\r\\n`` escaped once). A break may also be escaped twice or more (``\\\\n``:
a repr of a JSON body, a second JSON encoding) or be several characters (a line break
and indentation, header folding ``\\r\\n ``). The invariant, over generated breaks of
every such kind: a reader that drops whitespace and escaped line breaks (any number of
backslashes) and decodes the rest from every alignment never gets the key back. Bounded
breaks keep redaction linear in the text.
"""

from __future__ import annotations

import base64
import json
import re
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.redact import MARK, Redactor
from tests.redaction_forms import (
    ALPHABETS,
    BREAKS,
    HANG,
    HYPOTHESIS,
    assert_wrapped_key_cut,
    blobs,
    keys,
    wrapped,
)

#: What a reader drops before decoding: any whitespace, and a line break or tab escaped
#: with any number of backslashes (base64 and hex hold no backslash).
UNBREAK = re.compile(r"\\+[rnt]|\s")

#: One escaped line break: ``\n``, ``\r\n`` (or a tab) with 1 to 4 backslashes before each letter.
escaped = st.builds(
    lambda slashes, letters: "".join("\\" * slashes + letter for letter in letters),
    st.integers(1, 4),
    st.sampled_from(["n", "r", "rn", "t"]),
)
#: A run of whitespace of up to 16 characters: indentation, header folding, blank lines.
spaces = st.text(" \t\r\n\f\v", min_size=1, max_size=16)
#: A break: round 39's kinds, a whitespace run, an escaped break, or an escaped break
#: followed by indentation (a JSON dump of an indented text).
breaks = st.one_of(
    st.sampled_from(BREAKS),
    spaces,
    escaped,
    st.builds(lambda esc, pad: esc + " " * pad, escaped, st.integers(1, 12)),
    st.sampled_from(["\\\\n", "\\\\r\\\\n", "\r\n ", "\n    ", "\\n    ", "\\\\n\\t"]),
)


def readings(alphabet: str, text: str) -> list[bytes]:
    return ALPHABETS[alphabet][1](UNBREAK.sub("", text))


@settings(HYPOTHESIS, max_examples=300)
@given(
    data=st.data(),
    key=keys,
    alphabet=st.sampled_from(sorted(ALPHABETS)),
    width=st.integers(4, 100),
    brk=breaks,
    padded=st.booleans(),
)
def test_a_key_in_base64_wrapped_with_any_break_is_never_recoverable(
    data: st.DataObject, key: str, alphabet: str, width: int, brk: str, padded: bool
) -> None:
    assert_wrapped_key_cut(key, data.draw(blobs(key)), alphabet, width, brk, padded, UNBREAK)


@pytest.mark.parametrize("brk", ["\n", "\\n", "\\\\n", "\\\\r\\\\n", "\n    ", "\r\n "])
def test_the_reported_breaks_are_cut(brk: str) -> None:
    """The tester's case: a JSON dump of the headers in base64, 12 characters a line."""
    key = "sk-test-SECRET123"
    redactor = Redactor(use_settings=False)
    redactor.register_secret(key)
    coded = base64.b64encode(json.dumps({"authorization": f"Bearer {key}", "host": "h"}).encode())
    out = redactor.redact("headers were: " + wrapped(coded.decode(), 12, brk))
    assert MARK in out
    assert not any(key.encode() in reading for reading in readings("base64", out)), out


def test_long_breaks_and_backslash_runs_stay_linear() -> None:
    """Texts made of short base64 runs and breaks just past the bounds (17 spaces, five
    backslashes), 200,000 characters long, never hang."""
    key = "sk-test-SECRET123"
    redactor = Redactor(use_settings=False)
    redactor.register_secret(key)
    for text in (
        ("a" + " " * 17) * 11_111,
        ("a" + " " * 15) * 12_500,
        ("a" + "\\" * 5 + "n") * 28_571,
        ("a" + "\\\\n" * 16 + "\\") * 4_000,
        ("a" + "\\n " * 16) * 4_000,
        "\\" * 200_000,
        ("ab" + "\\\\\\\\") * 33_333,
    ):
        started = time.perf_counter()
        redactor.redact(text)
        assert time.perf_counter() - started < HANG, text[:20]
