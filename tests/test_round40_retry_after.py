"""A ``Retry-After`` is read only as an HTTP server means it (RFC 9110).

Invariant (``extractor.runtime.retrying.parse_retry_after``): ``Retry-After = HTTP-date /
delay-seconds``, ``delay-seconds = 1*DIGIT``. ASCII digits (one ``.digits`` fraction
allowed) give their value, capped at ``MAX_RETRY_AFTER``; an ASCII HTTP-date gives the
seconds until it; surrounding whitespace is ignored. Anything else ``float()`` would read
(``inf``, ``1e3``, ``1_000``, ``+5``, ``-5``, Arabic-Indic digits) is None: the normal
backoff, never a week's wait that fails the document.
"""

from __future__ import annotations

import email.utils
import re

from hypothesis import assume, example, given
from hypothesis import strategies as st

from extractor.runtime.retrying import MAX_RETRY_AFTER, _retry_after, parse_retry_after

NOW = 1_700_000_000.0
_NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)?", re.ASCII)
_SPACE = st.text(alphabet=" \t", max_size=3)


def _is_date(text: str) -> bool:
    try:
        email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        return False
    return True


#: Numbers as ``float()`` spells them and no HTTP server means them.
SPELLINGS = [
    "inf", "Infinity", "-inf", "+inf", "nan", "1e3", "1E3", "1_000", "+5", "-5", "-0",
    "\u0663\u0660", "\uff15", "5.", ".5", "0x10", "1e999", "1.5e2", "\u00a05",
]  # fmt: skip
float_spellings = st.one_of(
    st.sampled_from(SPELLINGS),
    st.floats(allow_nan=True, allow_infinity=True)
    .map(repr)
    .filter(lambda text: not _NUMBER.fullmatch(text)),
    st.integers(min_value=1).map(lambda n: f"-{n}"),
    st.integers(min_value=0).map(lambda n: f"+{n}"),
    st.integers(min_value=0, max_value=10**9).map(lambda n: f"{n:_}").filter(lambda t: "_" in t),
    st.text(alphabet=st.characters(categories=["Nd"]), min_size=1).filter(
        lambda text: not text.isascii()
    ),
)


@given(text=st.text(max_size=40) | float_spellings)
@example(text="inf")
@example(text="Infinity")
@example(text="1e3")
@example(text="1_000")
@example(text="\u0663\u0660")
@example(text="+5")
def test_anything_but_digits_or_a_date_is_no_hint(text: str) -> None:
    stripped = text.strip(" \t\r\n")
    assume(not _NUMBER.fullmatch(stripped))
    assume(not (stripped.isascii() and _is_date(stripped)))
    assert parse_retry_after(text, now=NOW) is None
    assert parse_retry_after(text, milliseconds=True, now=NOW) is None
    assert _retry_after({"retry-after": text}) is None
    assert _retry_after({"retry-after-ms": text}) is None


@given(text=float_spellings)
def test_a_float_spelling_is_no_hint(text: str) -> None:
    assert parse_retry_after(text) is None
    assert parse_retry_after(text, milliseconds=True) is None


@given(
    whole=st.integers(min_value=0, max_value=10**30),
    fraction=st.none() | st.text(alphabet="0123456789", min_size=1, max_size=6),
    before=_SPACE,
    after=_SPACE,
)
@example(whole=5, fraction=None, before=" ", after=" ")
@example(whole=10**400, fraction=None, before="", after="")
def test_digits_give_their_value_capped(
    whole: int, fraction: str | None, before: str, after: str
) -> None:
    number = str(whole) + ("" if fraction is None else f".{fraction}")
    value = float(number)
    header = f"{before}{number}{after}"
    assert parse_retry_after(header) == min(value, MAX_RETRY_AFTER)
    assert parse_retry_after(header, milliseconds=True) == min(value / 1000, MAX_RETRY_AFTER)
    assert parse_retry_after(header.encode()) == min(value, MAX_RETRY_AFTER)


@given(offset=st.integers(min_value=-(10**9), max_value=10**9))
def test_an_http_date_gives_the_seconds_until_it(offset: int) -> None:
    header = email.utils.formatdate(NOW + offset, usegmt=True)
    asked = parse_retry_after(f" {header} ", now=NOW)
    assert asked == min(max(float(offset), 0.0), MAX_RETRY_AFTER)
    assert parse_retry_after(header, milliseconds=True, now=NOW) is None


def test_a_date_in_other_digits_is_no_hint() -> None:
    assert parse_retry_after("Sun, 06 Nov \u0661\u0669\u0669\u0664 08:49:37 GMT") is None
