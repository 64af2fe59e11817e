"""Round 39: one value, one id in every API, for numbers of every type and size.

- ``numpy.longdouble("0.1")`` was the id of its 67 exact digits; a numpy float of any width
  is now the shortest text that reads back as it at its own width (``"0.1"``).
- A JSON integer of more than 4,300 digits was its digits in bulk and refused by
  ``Document`` / ``extract_rows``: an integer is now its digits at any length everywhere.
- A JSON number with a fraction or an exponent is the decimal its text writes in bulk
  (``0.33333333333333333334``, ``1e400``), as the same value given to ``extract_rows`` as a
  Decimal or a longdouble is; a number whose exponent would add more than 4,300 zeros is
  refused alike in both.
"""

from __future__ import annotations

import json
import math
import sys
import tempfile
from collections.abc import Iterator
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor import Document
from extractor.integrations import rows as row_api
from extractor.io import iter_inputs
from extractor.io.readers import InputFailure
from extractor.pipeline.document import as_doc_id
from extractor.runtime.retrying import RetryPolicy
from tests.fakes.kano import casualty_responder, kano
from tests.fakes.openai_server import LOOPBACK_ONLY, FakeOpenAI

pytestmark = pytest.mark.block_network(allowed_hosts=LOOPBACK_ONLY)

SETTINGS = settings(
    max_examples=60,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
_TEXT = kano(7)


@pytest.fixture(scope="module")
def server() -> Iterator[FakeOpenAI]:
    with FakeOpenAI(casualty_responder) as running:
        yield running


def _digits(number: int) -> str:
    """An int's digits whatever its length (the test's own printing, not the library's)."""
    limit = sys.get_int_max_str_digits()
    sys.set_int_max_str_digits(0)
    try:
        return str(number)
    finally:
        sys.set_int_max_str_digits(limit)


def _json_text(value: Any) -> str:
    """The JSON number a file holds for ``value``: its value written in decimal, as a
    person or an exporter writes it (an int its digits, a float numpy's shortest text at
    its width or, integral, its digits, a Decimal its own text)."""
    if isinstance(value, int | np.integer):
        return _digits(int(value))
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, Fraction):
        return str(Decimal(value.numerator) / Decimal(value.denominator))
    if float(value) % 1 == 0 if not isinstance(value, np.longdouble) else value % 1 == 0:
        return _digits(int(value))
    return np.format_float_scientific(value, unique=True, trim="-")


def _read_as(text: str, value: Any) -> Any:
    """What bulk reads the JSON number ``text`` (written for ``value``) as: the float whose
    own shortest text it is, as ``json.dumps`` writes a float (``1E+23`` is the float
    1e23, as a DataFrame's JSONL export of it must be), else ``value``, its decimal."""
    if not any(mark in text for mark in ".eE"):
        return value
    number = float(text)
    return number if math.isfinite(number) and Decimal(repr(number)) == Decimal(text) else value


def _api(value: Any) -> str:
    """The id ``Document`` gives, or ``"refused"`` naming the limit."""
    try:
        return Document(value, _TEXT).doc_id
    except ValueError as error:
        assert "give it as a string" in str(error) and "\n" not in str(error), error
        return "refused"


def _bulk(literal: str) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "rows.jsonl"
        path.write_text('{"id": ' + literal + ', "text": ' + json.dumps(_TEXT) + "}\n")
        [item] = list(iter_inputs([str(path)]))
    if isinstance(item, InputFailure):
        assert "give it as a string" in item.error and "'id'" in item.error, item
        return "refused"
    return item.doc_id


_FLOATS = st.floats(allow_nan=False, allow_infinity=False)
_SMALL = st.floats(-1e6, 1e6, allow_nan=False).filter(lambda f: f % 1 != 0)
#: Numbers of every type and size an id may be.
NUMBERS = st.one_of(
    st.integers(),
    st.builds(lambda e, n: 10**e + n, st.integers(4290, 4310), st.integers(-9, 9)),  # 4300
    st.integers(1, 10**6).map(lambda n: 10**5000 - n),
    st.integers(1, 10**6).map(lambda n: -(10**6000) + n),
    st.sampled_from([np.int8, np.int32, np.int64, np.uint64]).flatmap(
        lambda kind: st.integers(np.iinfo(kind).min, np.iinfo(kind).max).map(kind)
    ),
    _SMALL,
    _FLOATS.filter(lambda f: f % 1 != 0 or abs(f) < 1e16),  # json.dumps writes it exactly
    st.builds(np.float16, st.floats(-60000, 60000, width=16)),  # and NUMPY_FLOATS
    st.builds(np.float32, st.floats(width=32, allow_nan=False, allow_infinity=False)),
    st.builds(np.longdouble, st.decimals(allow_nan=False, allow_infinity=False).map(str)),
    st.builds(
        lambda n, d: np.longdouble(n) / np.longdouble(d),
        st.integers(-999, 999),
        st.integers(1, 999),
    ),
    st.builds(np.longdouble, st.sampled_from(["1e4000", "-1.5e-4000", "1e300", "0.1"])),
    st.decimals(allow_nan=False, allow_infinity=False),
    st.builds(lambda m, e: Decimal(f"{m}E{e}"), st.integers(-999, 999), st.integers(-6000, 6000)),
    st.builds(Fraction, st.integers(), st.sampled_from([1, 2, 4, 5, 8, 10, 1000, 1024])),
)


#: numpy floats of every width.
NUMPY_FLOATS = st.one_of(
    st.builds(np.float16, st.floats(-60000, 60000, width=16)),
    st.builds(np.float32, st.floats(width=32, allow_nan=False, allow_infinity=False)),
    st.builds(np.float64, _FLOATS),
    st.builds(np.longdouble, st.decimals(allow_nan=False, allow_infinity=False).map(str)),
    st.builds(
        lambda n, d: np.longdouble(n) / np.longdouble(d),
        st.integers(-999, 999),
        st.integers(1, 999),
    ),
)


@settings(SETTINGS, max_examples=150)
@given(value=NUMBERS)
def test_a_number_is_one_id_or_one_refusal_in_document_and_in_bulk(value: Any) -> None:
    """A number id written to a JSONL file as its decimal value, read by bulk, and given to
    ``Document`` as itself: the same id, or both refuse it naming the limit."""
    text = _json_text(value)
    assert _bulk(text) == _api(_read_as(text, value)), value


@settings(SETTINGS, max_examples=150)
@given(value=NUMPY_FLOATS)
def test_a_numpy_float_id_is_numpys_shortest_text_at_its_own_width(value: Any) -> None:
    """Any width, longdouble too: the text numpy prints for it, read back equal."""
    text = _api(value)
    if value % 1 == 0:
        assert text == _digits(int(value))
        return
    assert type(value)(text) == value, (value, text)
    assert Decimal(text) == Decimal(np.format_float_positional(value, unique=True)), text


def test_the_reported_cases() -> None:
    assert as_doc_id(np.longdouble("0.1")) == "0.1"
    assert as_doc_id(10**5000 - 1) == "9" * 5000
    assert _bulk("9" * 5000) == "9" * 5000
    assert _bulk("1e5000") == _api(Decimal("1e5000")) == "refused"
    assert _bulk("0.33333333333333333334") == "0.33333333333333333334"


@settings(SETTINGS, max_examples=25)
@given(value=NUMBERS)
def test_extract_rows_gives_bulks_id_or_its_refusal(server: FakeOpenAI, value: Any) -> None:
    """Through ``extract_rows`` against the fake server: bulk's id, or an error line."""
    text = _json_text(value)
    expected = _bulk(text)
    [out] = row_api.extract_rows(
        [{"id": _read_as(text, value), "text": _TEXT}], model="openai/fake-model", base_url=server.base_url,
        retry_policy=RetryPolicy(attempts=1),
    )  # fmt: skip
    if expected == "refused":
        assert out["status"] == "error" and "give it as a string" in out["reason"], out
    else:
        assert out["doc_id"] == expected and out["status"] == "ok", (value, out)


def test_extract_frame_reads_a_longdouble_column_as_extract_rows_does(server: FakeOpenAI) -> None:
    import pandas as pd

    frame = pd.DataFrame({"id": np.array([0.1, 0.25], dtype=np.longdouble), "text": [_TEXT] * 2})
    out = row_api.extract_frame(frame, model="openai/fake-model", base_url=server.base_url)
    assert out["doc_id"].tolist() == [as_doc_id(v) for v in frame["id"]]
