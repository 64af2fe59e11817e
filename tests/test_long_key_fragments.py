"""Fragments of a long key (a JWT access token of hundreds or thousands of characters).

A key's fragments go into the redaction pattern as its suffixes; for a key of 1,600
characters that trie no longer compiled, and the fallback pattern held the whole forms
only, so a server echoing a cut token ("eyJhbGci...<800 characters>") leaked it. The
invariant, for a key of any length: after redaction no run of half the key is left, a
long key's runs are broken into pieces shorter than a quarter of it, and the text around
stays. Keys up to ``LONG_KEY`` keep the stronger rule (no run of ``fragment_length``),
tested in ``test_round43_redact_fragments``.
"""

from __future__ import annotations

import string

from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.redact import LONG_KEY, MARK, fragment_length
from tests.redaction_forms import key_redactor

#: What a JWT or an opaque bearer token is written with.
TOKEN = string.ascii_letters + string.digits + "-_."
#: Text around the echo, of characters no key here holds: a key run cannot grow into it.
PROSE = st.text(" !?,;:()", max_size=40)


def _longest_key_run(key: str, text: str) -> int:
    """The length of the longest run of ``text`` that is also a run of ``key``, ignoring case."""
    key, text = key.lower(), text.lower()
    best = 0
    for start in range(len(text)):
        while start + best < len(text) and text[start : start + best + 1] in key:
            best += 1
    return best


@st.composite
def long_keys(draw: st.DrawFn) -> str:
    # sizes spread over the range: left to itself, hypothesis draws near the lower bound
    size = draw(st.sampled_from((LONG_KEY + 1, 400, 800, 1200, 2000, 3000)))
    size += draw(st.integers(0, 50))
    # random, as a token's signature is: a generated key of few distinct characters would
    # share its runs with the prose and with itself
    seed = draw(st.randoms(use_true_random=False))
    return "eyJ" + "".join(seed.choice(TOKEN) for _ in range(size))


@settings(max_examples=25, deadline=None)
@given(long_keys(), st.data(), PROSE, PROSE)
def test_no_long_run_of_a_long_key_survives(
    key: str, data: st.DataObject, before: str, after: str
) -> None:
    least = fragment_length(key)
    start = data.draw(st.integers(0, len(key) - least))
    end = data.draw(st.integers(start + least, len(key)))
    cut = data.draw(st.sampled_from(["...", "\u2026", " [truncated]", ""]))
    text = f"{before}upstream: {key[start:end]}{cut}{after}"
    out = key_redactor(key).redact(text)
    assert MARK in out
    assert _longest_key_run(key, out) < least // 2, (len(key), start, end)
    assert out.startswith(f"{before}upstream: ") and out.endswith(f"{cut}{after}")


@settings(max_examples=10, deadline=None)
@given(long_keys(), st.booleans())
def test_a_whole_long_key_goes_whole(key: str, upper: bool) -> None:
    shown = key.upper() if upper else key
    out = key_redactor(key).redact(f"the token {shown} was refused")
    assert out == f"the token {MARK} was refused"
