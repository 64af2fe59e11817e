"""A known key's base64, escaped once more by the server that echoes it, never leaks.

Round 41: a server echoed the base64 of the Authorization header with ``+ / =``
percent-encoded, as HTML references or PHP's ``\\/``, and its line breaks as ``%0A`` or
``&#10;``. The invariant, over generated keys, blobs, alphabets and escapes (each
applied to a random subset of the base64 characters and breaks, mixed in one string):
a reader that decodes each escape once, drops whitespace and decodes the rest as
base64 from every alignment never gets the key back. Text with percent signs and
entities that holds no key is left as written, and long escaped texts stay linear.
"""

from __future__ import annotations

import base64
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.redact import _SPELLED_RUN, MARK, Redactor, _joined, _read_run
from tests.redaction_forms import (
    ALPHABETS,
    CHAR_ESCAPES,
    ESCAPED_BREAKS,
    HANG,
    HYPOTHESIS,
    NAMED_ESCAPES,
    PRINTABLE,
    blobs,
    keys,
    unescape_once,
)

#: Keys whose base64 holds ``+`` and ``/`` (the characters a server escapes).
SLASHY = "sk-live-Ab?Cd>Ef~Gh??Ij>>Kl~~"


@st.composite
def escaped(draw: st.DrawFn, coded: str) -> str:
    """``coded`` with a random subset of its characters escaped, each in a drawn escape."""
    out = []
    for char in coded:
        choices = [
            *(escape(char) for escape in CHAR_ESCAPES.values()),
            *NAMED_ESCAPES.get(char, []),
        ]
        out.append(draw(st.sampled_from(choices)) if draw(st.booleans()) else char)
    return "".join(out)


def redacted(key: str, text: str) -> str:
    redactor = Redactor(use_settings=False)
    redactor.register_secret(key)
    return redactor.redact(text)


def leaks(alphabet: str, needle: bytes, text: str) -> list[bytes]:
    return [reading for reading in ALPHABETS[alphabet][1](unescape_once(text)) if needle in reading]


@settings(HYPOTHESIS, max_examples=300)
@given(
    data=st.data(),
    key=st.one_of(keys, st.text("?>~\u00e9" + PRINTABLE, min_size=6, max_size=40)),
    alphabet=st.sampled_from(sorted(ALPHABETS)),
    width=st.one_of(st.none(), st.integers(4, 80)),
    brk=st.sampled_from(ESCAPED_BREAKS),
    padded=st.booleans(),
    prefix=st.text("abc %&#;=+/\\", max_size=12),
)
def test_a_key_in_escaped_base64_is_never_recoverable(
    data: st.DataObject,
    key: str,
    alphabet: str,
    width: int | None,
    brk: str,
    padded: bool,
    prefix: str,
) -> None:
    blob, needle = data.draw(blobs(key))
    coded = ALPHABETS[alphabet][0](blob).decode()
    coded = coded if padded else coded.rstrip("=")
    body = data.draw(escaped(coded))
    if width is not None:  # wrap the escaped text at about ``width`` characters of base64
        pieces = [data.draw(escaped(coded[at : at + width])) for at in range(0, len(coded), width)]
        body = brk.join(pieces)
    text = f"echo: {prefix}{body} (end)"
    assert leaks(alphabet, needle, f"echo: {body} (end)")  # the echo holds the key
    out = redacted(key, text)
    assert not leaks(alphabet, needle, out), out
    assert MARK in out


@pytest.mark.parametrize(
    "spell",
    [
        lambda b: b.replace("+", "%2B").replace("/", "%2F").replace("=", "%3D"),
        lambda b: b.replace("+", "%2b").replace("/", "%2f").replace("=", "%3d"),
        lambda b: b.replace("/", "\\/"),
        lambda b: b.replace("+", "&#43;"),
        lambda b: b.replace("+", "&#x2B;").replace("/", "&#47;"),
        lambda b: b.replace("+", "&plus;").replace("/", "&sol;").replace("=", "&equals;"),
        lambda b: "%0A".join(b[at : at + 8] for at in range(0, len(b), 8)),
        lambda b: "%0D%0A".join(b[at : at + 8] for at in range(0, len(b), 8)),
        lambda b: "&#10;".join(b[at : at + 8] for at in range(0, len(b), 8)),
        lambda b: "&#13;&#10;".join(b[at : at + 8] for at in range(0, len(b), 8)),
    ],
)
def test_the_reported_escapes_are_cut(spell: object) -> None:
    """The tester's cases: ``Bearer <key>`` in base64, escaped once by the echo."""
    coded = base64.b64encode(f"Bearer {SLASHY}".encode()).decode()
    assert "+" in coded and "/" in coded
    out = redacted(SLASHY, "echo: " + spell(coded))  # type: ignore[operator]
    assert MARK in out
    assert not leaks("base64", SLASHY.encode(), out), out


#: Prose and URLs with percent signs, entities and escapes, none of them a key.
ORDINARY = [
    "100%", "50% off", "%20", "%2B", "a+b", "AT&amp;T", "&#43;", "&sol;", "&lt;b&gt;",
    "rock&roll", "\\/", "\\u002b", "\\x2f", "path/to/file", "x=1", "&", "%", ";", " ",
    "\n", "%0A", "&#10;", "Hello", "world", "QmVhcmVy", "2024", "--", "__init__",
]  # fmt: skip


@settings(HYPOTHESIS, max_examples=200)
@given(key=keys, words=st.lists(st.sampled_from(ORDINARY), max_size=60))
def test_ordinary_escaped_text_is_left_alone(key: str, words: list[str]) -> None:
    text = "".join(words)
    out = redacted(key, text)
    assert out == text or key in text or MARK in text


#: The characters of base64 runs, breaks and escapes, mixed at random.
RUN_CHARS = list("aZ9+/=_- \n\t\\nr%2B0A&#x;43usol")


@settings(HYPOTHESIS, max_examples=300)
@given(st.text(st.sampled_from(RUN_CHARS), max_size=200))
def test_the_fast_and_the_mapped_reading_of_a_run_agree(text: str) -> None:
    """Where a run holds a key is found by :func:`_joined` (no mapping) and located by
    :func:`_read_run`: both read every run the same, or a key would be missed."""
    for run in _SPELLED_RUN.finditer(text):
        joined, starts, ends = _read_run(text, run.start(), run.end())
        assert joined == _joined(run.group())
        assert len(starts) == len(ends) == len(joined)


def test_a_megabyte_of_mixed_escapes_stays_linear() -> None:
    """Long texts of escapes, breaks and base64 (a key's base64 among them) never hang."""
    coded = base64.b64encode(f"Bearer {SLASHY}".encode()).decode()
    key_spelled = coded.replace("+", "%2B").replace("/", "&#47;")
    pieces = ["%2B", "&#x2F;", "&plus;", "\\/", "%0A", "&#10;", "\\u002b", "QUJD", " ", "%3F"]
    for text in (
        "".join(pieces) * 40_000 + key_spelled,
        "%2B" * 333_333,
        ("a" + "%0A" * 17) * 19_000,
        ("&#43;" + " " * 17) * 45_000,
        "&#" * 500_000,
        ("ab" + "%0D%0A" * 16 + "\\") * 10_000,
    ):
        started = time.perf_counter()
        out = redacted(SLASHY, text)
        assert time.perf_counter() - started < HANG, text[:20]
        if key_spelled in text:
            assert not leaks("base64", SLASHY.encode(), out[-400:])
