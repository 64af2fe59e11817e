"""Why a table row failed over its text field is data, not wording.

Invariants, tested with generated field names (quotes, spaces, the words of the messages
themselves) and generated rows:

* every row read from a JSONL or CSV table that fails over its text field says which way
  in ``InputFailure.text_field``: False when the row has no such key, True when the key
  holds null, an empty or blank value, or no string; any other failure says None;
* the check for a misnamed text field (``FieldCheck``) decides from that flag alone: a
  table none of whose first rows has the key is refused, one where some row has it (even
  with a useless value) is read row by row, whatever the messages say.
"""

from __future__ import annotations

import csv
import json
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractor.bulk.runner import InputOptions
from extractor.errors import TextFieldError, UnusedField
from extractor.io import InputFailure, iter_inputs
from extractor.io.field_check import FIELD_CHECK_ROWS
from extractor.io.formats import RecordFields, record_to_document

#: Field names a user may give, the messages' own words among them.
names = st.one_of(
    st.sampled_from(["body", "text", "field 'body' ", "no 'text' field", "column", "x y"]),
    st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Z")), min_size=1,
            max_size=8),
).filter(lambda name: name.strip() and name not in ("id", "published", "title"))  # fmt: skip

#: What a row holds under the text field: nothing (no key), a useless value, or a text.
MISSING = object()
values = st.sampled_from([MISSING, None, "", "   ", 7, "An article."])


def _state(value: object) -> bool | None:
    """The ``text_field`` a row holding ``value`` must fail with (None: it is read)."""
    if value is MISSING:
        return False
    return None if value == "An article." else True


def _write(folder: Path, fmt: str, name: str, cells: list[object]) -> Path:
    rows = [
        {"id": f"r{n}", **({} if cell is MISSING else {name: cell})} for n, cell in enumerate(cells)
    ]
    path = folder / f"rows.{fmt}"
    if fmt == "jsonl":
        path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    else:  # a CSV row lacks a key only when the header lacks the column
        header = ["id", *([name] if any(cell is not MISSING for cell in cells) else [])]
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, fieldnames=header)
            writer.writeheader()
            writer.writerows(rows)
    return path


@given(name=names, value=values)
def test_record_to_document_says_whether_the_key_is_there(name: str, value: object) -> None:
    record: dict[str, Any] = {} if value is MISSING else {name: value}
    fields = RecordFields(text=name)
    expected = _state(value)
    if expected is None:
        assert record_to_document(record, fields=fields, doc_id="d", source="s", fmt="jsonl")
        return
    with pytest.raises(TextFieldError) as caught:
        record_to_document(record, fields=fields, doc_id="d", source="s", fmt="jsonl")
    assert caught.value.present is expected


@given(
    name=names,
    cells=st.lists(values, min_size=1, max_size=6),
    fmt=st.sampled_from(["jsonl", "csv"]),
)
def test_every_row_failure_carries_its_text_field_state(
    name: str, cells: list[object], fmt: str
) -> None:
    if fmt == "csv":  # a CSV cell holds text only: a column present is a string
        cells = [cell if cell is MISSING or isinstance(cell, str) else "" for cell in cells]
        if any(cell is not MISSING for cell in cells):  # the header has the column: every row too
            cells = ["" if cell is MISSING else cell for cell in cells]
    with tempfile.TemporaryDirectory() as folder:
        path = _write(Path(folder), fmt, name, cells)
        items = list(iter_inputs([path], text_field=name))
    assert len(items) == len(cells)
    for item, cell in zip(items, cells, strict=True):
        state = _state(cell)
        if state is None:
            assert not isinstance(item, InputFailure), item
        else:
            assert isinstance(item, InputFailure) and item.text_field is state, (item, cell)


@given(
    name=names,
    useless=st.lists(st.sampled_from([None, "", "   ", 7]), max_size=3),
    lacking=st.integers(1, FIELD_CHECK_ROWS + 3),
)
def test_a_row_holding_the_key_with_no_text_keeps_the_table_read(
    name: str, useless: list[object], lacking: int
) -> None:
    """Rows without the key, and (or not) some with it but no text: refused exactly when
    no row has the key, since only then is the field misnamed."""
    cells: list[object] = [MISSING] * lacking + list(useless)
    with tempfile.TemporaryDirectory() as folder:
        path = _write(Path(folder), "jsonl", name, cells)
        items = InputOptions(text_field=name).read([str(path)])
        if useless and lacking < FIELD_CHECK_ROWS:
            read = list(items)
            assert len(read) == len(cells)
            assert all(isinstance(item, InputFailure) for item in read)
        else:
            with pytest.raises(UnusedField):
                next(items)
