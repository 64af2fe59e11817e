"""Round 40: a JSON number is a number in every JSONL field, whatever its size or form.

A JSON integer of more than 4,000 digits is kept as its digits (so an id can be them);
those digits passed for a string: ``"text": 5`` was an error line but ``"text":`` 4,001
digits was a text sent to the model, a url of digits was a url and ``1111…`` a date.
"""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor.io import iter_inputs
from extractor.io.readers import InputFailure

SETTINGS = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
_TEXT = "Gunmen killed 3 villagers in Kano on Monday, police said."
_FIELDS = ("text", "title", "url", "published")

_long_ints = st.builds(
    lambda sign, first, digits, length: sign + first + digits * length,
    st.sampled_from(["", "-"]),
    st.sampled_from("123456789"),
    st.text("0123456789", min_size=1, max_size=8),
    st.integers(4001, 6000),
).map(lambda s: s[: 4001 + len(s) % 2000])
_small_ints = st.integers(-(10**30), 10**30).map(str)
_floats = (
    st.floats(allow_nan=False, allow_infinity=False)
    .map(repr)
    .filter(lambda s: "e" in s or "." in s)
)
_exponents = st.builds(
    lambda mantissa, sign, exponent: f"{mantissa}e{sign}{exponent}",
    st.sampled_from(["1", "-2.5", "7", "0.3333333333333333333334"]),
    st.sampled_from(["", "+", "-"]),
    st.sampled_from(["1", "308", "400", "4400", "99999999999999999999"]),
)
NUMBERS = st.one_of(_long_ints, _small_ints, _floats, _exponents)


def _read(field: str, literal: str) -> Any:
    record = '{"id": "d1", ' + ", ".join(
        f'"{name}": ' + (literal if name == field else json.dumps(_value(name)))
        for name in ("text", "title", "url", "published")
        if name == field or name == "text"
    )
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "rows.jsonl"
        path.write_text(record + "}\n")
        [item] = list(iter_inputs([str(path)]))
    return item


def _value(name: str) -> str:
    return _TEXT if name == "text" else ""


def _masked(message: str) -> str:
    """A message with the value it quotes left out: the outcome, not the number's spelling."""
    return re.sub(r"\(.*\)", "(...)", message)


def _outcome(item: Any) -> tuple[Any, ...]:
    if isinstance(item, InputFailure):
        return ("failure", _masked(item.error))
    return (
        "document",
        item.text,
        item.url,
        item.published,
        item.title is None,
        tuple(_masked(w) for w in item.warnings),
        "unparsed_date" in item.meta,
    )


def _finite(literal: str) -> bool:
    is_int = "e" not in literal.lower() and "." not in literal
    return is_int or abs(float(literal)) < float("inf")


@SETTINGS
@given(field=st.sampled_from(_FIELDS), literal=NUMBERS)
def test_a_number_of_any_size_reads_as_a_small_number_in_every_document_field(
    field: str, literal: str
) -> None:
    """Text: "not a string"; url: none; date: not a date, kept as given; title: its digits
    (an infinite float is no title, with a warning, as it was)."""
    small = "5" if field != "title" or _finite(literal) else "1e400"
    assert _outcome(_read(field, literal)) == _outcome(_read(field, small))


@SETTINGS
@given(literal=_long_ints)
def test_a_long_integer_date_is_kept_as_written(literal: str) -> None:
    item = _read("published", literal)
    assert not isinstance(item, InputFailure)
    assert item.published is None
    assert item.meta["unparsed_date"] == literal


def test_the_reported_line_is_an_error_like_its_small_twin() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "rows.jsonl"
        path.write_text('{"id": "t1", "text": 5}\n{"id": "t2", "text": ' + "7" * 4001 + "}\n")
        items = list(iter_inputs([str(path)]))
    assert [type(i) for i in items] == [InputFailure, InputFailure]
    assert all("field 'text' is not a string" in i.error for i in items)
