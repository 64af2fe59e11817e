"""Round 38: one rule for a row's id in bulk and in ``extract_rows``, a narrow float's id
its own shortest text, and a wrong kind of argument one TypeError saying what is needed.

- A JSONL ``"id": true`` (or a list, an object) was keyed by its text with a warning in
  bulk, and an error line in ``extract_rows``: both now follow
  :func:`~extractor.pipeline.document.row_id`, the README's rule (a kind no id can be is
  the row's error line; a missing value keys the row by its text).
- ``numpy.float32(0.1)`` was the id ``"0.10000000149011612"``; it is ``"0.1"``, the
  shortest text that reads back as it at its own width (float16 too).
- ``extract_frame(series)`` failed inside pandas' ``to_dict``; every public function of
  the rows integration and of ``export.frames`` given an argument of the wrong kind says
  in one line what it needs.
"""

from __future__ import annotations

import asyncio
import decimal
import json
import math
import tempfile
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor import Document, Extractor
from extractor.errors import ExtractorError
from extractor.export.frames import results_to_frame, table_name, table_rows
from extractor.integrations import rows as row_api
from extractor.io import iter_inputs, readers
from extractor.io.formats import RecordFields
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


def _one_line(message: str, *names: str) -> None:
    assert "\n" not in message and all(name in message for name in names), message


@pytest.fixture(scope="module")
def server() -> Iterator[FakeOpenAI]:
    with FakeOpenAI(casualty_responder) as running:
        yield running


# ----------------------------------------------------------------- 1. one rule for ids

_FLOAT_KINDS = st.sampled_from([float, np.float16, np.float32, np.float64])
_INT_KINDS = st.sampled_from([int, np.int8, np.int32, np.int64, np.uint16])

#: Id values of every kind: JSON's own (bool, list, object, null, NaN, numbers, strings)
#: and what only a caller or a DataFrame gives (sets, bytes, numpy scalars, pd.NA, Decimal).
IDS = st.one_of(
    st.booleans(),
    st.booleans().map(np.bool_),
    st.lists(st.integers(0, 9), max_size=2),
    st.dictionaries(st.sampled_from("ab"), st.integers(0, 9), max_size=2),
    st.sets(st.integers(0, 9), max_size=2),
    st.binary(max_size=3),
    st.sampled_from([None, pd.NA, pd.NaT, np.datetime64("NaT")]),
    st.builds(lambda kind, v: kind(v), _FLOAT_KINDS, st.sampled_from([math.nan, math.inf])),
    st.builds(lambda kind, v: kind(v), _FLOAT_KINDS, st.floats(-1000, 1000, width=16)),
    st.builds(lambda kind, v: kind(v), _INT_KINDS, st.integers(0, 100)),
    st.decimals(allow_nan=True, allow_infinity=True, places=3),
    st.text(max_size=4),
    st.complex_numbers(max_magnitude=10),
)

_TEXT = kano(7)


def _json_native(value: Any) -> bool:
    """Whether ``value`` is what JSON's own reading gives (so a JSONL file can hold it)."""
    if value is None or type(value) in (bool, int, str):
        return True
    if type(value) is float:
        return True  # NaN and Infinity too: Python writes and reads them
    if type(value) is list:
        return all(_json_native(item) for item in value)
    return type(value) is dict and all(_json_native(item) for item in value.values())


def _bulk_item(value: Any) -> tuple[Any, bool]:
    """The item bulk's JSONL reader gives a row ``{"id": value, "text": ...}``, and whether
    it is keyed by its content (no id of its own): read from a file when JSON holds the
    value, else from the record as the reader has parsed it."""
    if _json_native(value):
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "rows.jsonl"
            path.write_text(json.dumps({"id": value, "text": _TEXT}) + "\n", encoding="utf-8")
            [item] = list(iter_inputs([str(path)]))
        return item, item.doc_id.startswith(f"{path}#")
    place = readers._Place("rows.jsonl:1", "rows.jsonl:1")
    item = readers._record_item({"id": value, "text": _TEXT}, place, RecordFields(), "jsonl")
    return item, item.doc_id == place.doc_id


@settings(SETTINGS, max_examples=80)
@given(value=IDS)
def test_an_id_cell_is_one_id_or_none_or_one_error_in_bulk_and_in_extract_rows(
    server: FakeOpenAI, value: Any
) -> None:
    """Read by bulk's JSONL reader and by ``extract_rows``, a row's id gives the same id
    (or none: keyed by its text), the same status and the same kind of warning; a value of
    a kind no id can be is the row's error in both, naming the id field."""
    item, keyed = _bulk_item(value)
    [out] = row_api.extract_rows(
        [{"id": value, "text": _TEXT}], model="openai/fake-model", base_url=server.base_url,
        retry_policy=RetryPolicy(attempts=1),
    )  # fmt: skip
    bulk_status = "error" if isinstance(item, InputFailure) else "ok"
    assert (bulk_status, out["status"]) in (("ok", "ok"), ("error", "error")), (item, out)
    if keyed:
        assert out["doc_id"].startswith("sha256:"), (item, out)
    else:
        assert out["doc_id"] == item.doc_id == as_doc_id(value), (item, out)
    line = json.loads(out["line"])
    if isinstance(item, InputFailure):
        _one_line(item.error, "'id'", "must be a string or a number")
        _one_line(out["reason"], "id", "must be a string or a number")
        return
    said = [w for w in item.warnings if "not an id" in w]
    assert len(said) == len([w for w in line["warnings"] if "not an id" in w]) <= 1, (item, out)


# ------------------------------------------------------------ 2. narrow floats' ids


def _reads_back(kind: type, text: str, value: Any) -> bool:
    return bool(kind(text) == value)


def _shorter_texts(text: str) -> Iterator[str]:
    """Each decimal with one significant digit fewer than ``text``, rounded down and up."""
    number = Decimal(text)
    digits = len(number.as_tuple().digits)
    if digits <= 1:
        return
    quantum = Decimal(1).scaleb(number.adjusted() - (digits - 2))
    for rounding in (decimal.ROUND_FLOOR, decimal.ROUND_CEILING):
        yield str(number.quantize(quantum, rounding=rounding))


@settings(SETTINGS, max_examples=200)
@given(
    kind=st.sampled_from([np.float16, np.float32, np.float64]),
    value=st.floats(allow_nan=False, allow_infinity=False, width=32) | st.floats(-4, 4),
)
def test_a_float_id_is_the_shortest_text_that_reads_back_at_its_width(
    kind: type, value: float
) -> None:
    """A non-integral float16, float32 or float64 is the shortest decimal that reads back
    as it at its own width (``numpy.float32(0.1)``: ``"0.1"``); an integral one is its
    digits, as before; the same id as a Document's and a row's."""
    with np.errstate(over="ignore"):
        number = kind(value)
    if not math.isfinite(number):
        return
    text = as_doc_id(number)
    assert row_api.row_item({"id": number, "text": "x"}).doc_id == text
    if float(number) % 1 == 0:
        assert text == str(int(number)), (number, text)
        return
    assert _reads_back(kind, text, number), (number, text)
    for shorter in _shorter_texts(text):
        assert not _reads_back(kind, shorter, number), (number, text, shorter)
    if kind is np.float64:
        assert text == repr(float(number))


@settings(SETTINGS, max_examples=10)
@given(
    values=st.lists(st.floats(-100, 100, width=16).filter(lambda f: f % 1 != 0), min_size=1,
                    max_size=3, unique=True),
    dtype=st.sampled_from(["float32", "float16", "Float32"]),
)  # fmt: skip
def test_a_frames_narrow_float_id_column_is_its_values_shortest_text(
    server: FakeOpenAI, values: list[float], dtype: str
) -> None:
    """``to_dict`` makes a float32 cell a Python float (``0.10000000149011612``):
    ``extract_frame`` reads the column's own values."""
    column = pd.Series(values, dtype=dtype)
    frame = pd.DataFrame({"id": column, "text": [kano(n + 2) for n in range(len(values))]})
    out = row_api.extract_frame(
        frame, model="openai/fake-model", base_url=server.base_url,
        retry_policy=RetryPolicy(attempts=1),
    )  # fmt: skip
    narrow = np.float16 if dtype == "float16" else np.float32
    assert list(out["doc_id"]) == [as_doc_id(narrow(value)) for value in column], out
    assert all(len(text) <= len(repr(float(narrow(text)))) for text in out["doc_id"])


# ----------------------------------------------------- 3. wrong kinds of arguments

#: Arguments of every kind a caller passes by mistake.
WRONG = st.sampled_from([
    None, 0, 1.5, True, "abc", b"abc", {"text": "x"}, [{"text": "x"}], ["x"], {1, 2},
    object(), pd.Series(["x"]), pd.DataFrame({"text": ["x"]}), np.array([1]),
    ValueError("x"), Document("d", "x"),
])  # fmt: skip


def _rows_like(value: Any) -> bool:
    return isinstance(value, list | set | tuple | np.ndarray)


def _entry_points(extractor: Extractor) -> dict[str, tuple[Callable[[Any], Any], Any, str]]:
    """Each public function with one argument replaced: (the call, what it accepts, a word
    its message names)."""

    def aextract(rows: Any) -> Any:
        return asyncio.run(row_api.aextract_rows(rows, extractor=extractor))

    def rows_with(engine: Any) -> Any:
        return row_api.extract_rows([{"text": "x"}], extractor=engine)

    return {
        "extract_frame": (row_api.extract_frame, lambda v: isinstance(v, pd.DataFrame),
                          "DataFrame"),
        "extract_rows": (row_api.extract_rows, _rows_like, "rows"),
        "aextract_rows": (aextract, _rows_like, "rows"),
        "extractor": (rows_with, lambda v: v is None, "extractor"),
        "row_item": (row_api.row_item, lambda v: isinstance(v, dict), "row"),
        "item_row": (row_api.item_row, lambda v: isinstance(v, Document), "item"),
        "frame_of rows": (lambda v: row_api.frame_of(v, ["a"]), _rows_like, "rows"),
        "frame_of columns": (lambda v: row_api.frame_of([], v), _rows_like, "columns"),
        "stop_row": (row_api.stop_row, lambda v: isinstance(v, ExtractorError), "error"),
        "stopped_error": (row_api.stopped_error, lambda v: isinstance(v, str), "line"),
        "table_name": (table_name, lambda v: v is None or isinstance(v, str | type), "type"),
        "table_rows": (table_rows, lambda v: False, "results"),
        "results_to_frame": (results_to_frame, lambda v: False, "results"),
    }  # fmt: skip


@pytest.fixture(scope="module")
def engine(server: FakeOpenAI) -> Iterator[Extractor]:
    with Extractor(model="openai/fake-model", base_url=server.base_url) as made:
        yield made


@SETTINGS
@given(value=WRONG)
def test_an_argument_of_the_wrong_kind_is_one_type_error_saying_what_is_needed(
    engine: Extractor, value: Any
) -> None:
    """``extract_frame(series)`` failed inside pandas; a dict, a Series, a DataFrame, a
    string... where another kind is needed is one TypeError naming what is needed, before
    any call, in every public function of the rows integration and of export.frames."""
    points = _entry_points(engine)
    for point, (call, accepts, word) in points.items():
        if accepts(value):
            continue
        with pytest.raises(TypeError) as caught:
            call(value)
        _one_line(str(caught.value), word)
        assert point


def test_a_series_given_to_extract_frame_says_to_make_a_frame_of_it() -> None:
    with pytest.raises(TypeError) as caught:
        row_api.extract_frame(pd.Series([_TEXT]))
    _one_line(str(caught.value), "DataFrame", "to_frame(", "Series")
