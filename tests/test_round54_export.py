"""Round 54, export: flatten's CSV, Parquet and DuckDB tables, ``results_to_frame`` and
``extract_frame`` read as a hostile analyst reads them.

The defects, each a class, each tested on generated inputs:

* **A gap named by its kind.** A row without a text is keyed by its text's hash, a gap's
  being the empty text's; a float NaN (true, unlike None) was hashed as ``"nan"`` and NaT
  as ``"NaT"``, so one frame's empty text cell named a document apart from another's by
  the column's dtype. Every missing value (None, NaN, NA, NaT, an infinity) is one key.
* **A frame whose labels name no field.** A MultiIndex frame (tuple keys) or an
  int-labelled one (a CSV read with ``header=None``) gave one error line per row, each
  saying its row had no 'text' field: one InputError now, before any call.
* **A bulk output read back through pandas.** ``pandas.read_json(lines=True)`` leaves NaN
  where a line lacks a field (``records`` on an error line); ``results_to_frame`` refused
  those lines as results whose records are "not a list". A gap is an absent field: the
  frame gives the rows the JSON lines give.
* **A text column's dtype by its cells.** ``results_to_frame`` gave an all-null text
  column ``object`` and the same column with a value ``str`` (pandas 3): two runs' frames
  disagreed on a column's type. Text columns take pandas' text dtype always.
* **A formula behind blanks.** A CSV cell `` =HYPERLINK(...)`` or ``"\\n@SUM(...)"`` kept
  its formula: spreadsheets trim a cell's leading blanks before reading it.
* **A value read as another.** A count of ``true`` was 1, ``3.7`` was 3, ``"١٢"``
  (Arabic-Indic digits) 12: each is a value that is no count, an empty cell counted in
  ``bad_values``, as the module's rule says.

And the round trip: a generated bulk output (superseded lines, error and skipped lines,
records of an unknown type, hostile unicode, empty lists) flattens to as many rows as its
latest lines hold, in CSV (read back by ``csv`` and pandas), Parquet and DuckDB alike, and
``results_to_frame`` gives the same count from the JSON lines or from pandas' read-back.
"""

from __future__ import annotations

import csv
import decimal
import io
import json
import math
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor.errors import ConfigurationError, InputError
from extractor.export.flatten import (
    FORMULA_STARTS,
    csv_text,
    flatten,
    result_rows,
    table_columns,
)
from extractor.export.frames import results_to_frame, table_rows
from extractor.integrations.rows import extract_frame, row_item, stop_row
from tests.fakes.openai_server import LOOPBACK_ONLY, FakeOpenAI

pd = pytest.importorskip("pandas")
np = pytest.importorskip("numpy")
pytestmark = pytest.mark.block_network(allowed_hosts=LOOPBACK_ONLY)

SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))


def _empty(body: dict[str, Any]) -> str:
    schema = (body.get("response_format") or {}).get("schema") or {}
    return json.dumps({plural: [] for plural in schema.get("properties", {})})


@pytest.fixture(scope="module")
def server() -> Iterator[FakeOpenAI]:
    with FakeOpenAI(_empty) as running:
        yield running


# ------------------------------------------------------------------ gaps in rows

GAPS = [
    None, float("nan"), float("inf"), -float("inf"), np.nan, np.float32("nan"),
    np.float16("nan"), pd.NA, pd.NaT, np.datetime64("NaT"), decimal.Decimal("NaN"),
    complex("nan+0j"),
]  # fmt: skip


@SETTINGS
@given(
    gap=st.sampled_from(GAPS),
    spelling=st.sampled_from(["text", "Text", " TEXT "]),
    extra=st.dictionaries(st.sampled_from(["title", "url", "note"]), st.text(max_size=5)),
)
def test_a_row_whose_text_is_a_gap_of_any_kind_is_keyed_as_none_is(
    gap: Any, spelling: str, extra: dict[str, Any]
) -> None:
    """One document key for every missing text: the key a None text gets."""
    none = row_item({"text": None, **extra})
    item = row_item({spelling: gap, **extra})
    assert item.doc_id == none.doc_id, (gap, item.doc_id, none.doc_id)


@SETTINGS
@given(column=st.lists(st.sampled_from(GAPS[:6] + ["x"] * 2), min_size=2, max_size=5))
def test_frame_gaps_in_the_text_column_name_the_same_document(
    server: FakeOpenAI, column: list[Any]
) -> None:
    """Rows without an id whose text cells are gaps (of whatever kind the column's dtype
    gives) are one document's copies, named alike, whatever each gap is."""
    frame = pd.DataFrame({"text": pd.Series(column, dtype=object)})
    out = extract_frame(frame, model="openai/fake", base_url=server.base_url, jobs=2)
    ids = {
        result["doc_id"].split("#")[0]
        for (_, result), text in zip(out.iterrows(), column, strict=True)
        if text != "x"
    }
    assert len(ids) <= 1, ids


# ------------------------------------------------------------------ frames' labels

NAMES = ["id", "text", "title", "published", "note"]


@SETTINGS
@given(
    levels=st.lists(st.lists(st.sampled_from(NAMES), min_size=2, max_size=2), min_size=2,
                    max_size=3, unique_by=tuple),
    rows=st.integers(min_value=1, max_value=4),
)  # fmt: skip
def test_a_multiindex_frame_is_refused_once_before_any_call(
    levels: list[list[str]], rows: int
) -> None:
    columns = pd.MultiIndex.from_tuples([tuple(pair) for pair in levels])
    if columns.duplicated().any():
        return
    frame = pd.DataFrame(
        [[f"cell {r} {c} of a text" for c in range(len(levels))] for r in range(rows)],
        columns=columns,
    )
    with FakeOpenAI(_empty) as fake:
        with pytest.raises(InputError) as refused:
            extract_frame(frame, model="openai/fake", base_url=fake.base_url)
        assert fake.log == []
    message = str(refused.value)
    assert "\n" not in message and "MultiIndex" in message and "get_level_values" in message


@SETTINGS
@given(
    labels=st.lists(
        st.one_of(st.integers(-3, 40), st.sampled_from(["note", "id", "title", 2.5])),
        min_size=1, max_size=5, unique=True,
    ),
    with_text=st.booleans(),
    rows=st.integers(min_value=1, max_value=3),
)  # fmt: skip
def test_a_frame_whose_labels_are_no_names_is_refused_once_unless_one_is_its_text(
    server: FakeOpenAI, labels: list[Any], with_text: bool, rows: int
) -> None:
    """An int-labelled frame without a text column: one InputError naming its labels; one
    with a ``text`` column among int labels is read (the others are ignored, as any
    unknown column is); one whose labels are all names keeps its rows' own errors."""
    labels = [*labels, "text"] if with_text else labels
    frame = pd.DataFrame(
        [[f"row {r} cell {c} some text" for c in range(len(labels))] for r in range(rows)],
        columns=labels,
    )
    nameless = [label for label in labels if not isinstance(label, str)]
    if nameless and not with_text:
        with pytest.raises(InputError) as refused:
            extract_frame(frame, model="openai/fake", base_url=server.base_url)
        message = str(refused.value)
        assert "\n" not in message and repr(nameless[0]) in message and "'text'" in message
        return
    out = extract_frame(frame, model="openai/fake", base_url=server.base_url, jobs=2)
    assert len(out) == rows
    statuses = set(out["status"])
    assert statuses == ({"ok"} if with_text else {"error"})


# ------------------------------------------------------------------ a generated bulk output

TYPES = ["visit", "meeting", "casualty_report", "arms_transfer", "my_own_type"]
HOSTILE = [
    "=cmd|' /C calc'!A0", " =1+1", "\n@SUM(A1)", "\u200b-2+3", "\u202eevil", "e\u0301",
    "\ud800", "a\x00b", "\r\n=y", "<script>alert(1)</script>", "\u05e9\u05dc\u05d5\u05dd",
    "", "null", "NA", "#", '"', "a,b",
]  # fmt: skip
texts = st.one_of(st.sampled_from(HOSTILE), st.text(max_size=8))


@st.composite
def a_record(draw: st.DrawFn) -> dict[str, Any]:
    kind = draw(st.sampled_from(TYPES))
    quote = draw(texts)
    spans = [
        {"start": s, "end": s + 3, "text": draw(texts)} for s in range(draw(st.integers(0, 6)))
    ]
    record: dict[str, Any] = {
        "type": kind, "id": f"{kind}:{draw(st.integers(0, 99))}", "status": "occurred",
        "evidence": {"quote": quote, "start": 0, "end": len(quote), "alignment": "exact",
                     "spans": spans},
    }  # fmt: skip
    if kind == "visit":
        record["visitors"] = draw(st.lists(st.fixed_dictionaries({"name": texts}), max_size=3))
        record["hosts"] = []
        record["purpose"] = draw(texts)
    if kind == "casualty_report":
        record["killed"] = draw(
            st.fixed_dictionaries({}, optional={"low": st.integers(0, 10**6),
                                                "high": st.integers(0, 10**25)})
        )  # fmt: skip
    if kind == "arms_transfer":
        record["value"] = {"amount": draw(st.floats(0, 1e300)), "currency": draw(texts)}
        record["items"] = []
    return record


@st.composite
def a_line(draw: st.DrawFn, doc_ids: list[str]) -> dict[str, Any]:
    status = draw(st.sampled_from(["ok", "ok", "ok", "error", "skipped"]))
    line: dict[str, Any] = {"doc_id": draw(st.sampled_from(doc_ids)), "status": status}
    if status == "ok":
        line["records"] = draw(st.lists(a_record(), max_size=4))
    else:
        line["error"] = {"type": "InputError", "kind": "input", "message": draw(texts)}
    for key in ("title", "source", "url"):
        if draw(st.booleans()):
            line[key] = draw(texts)
    if draw(st.booleans()):
        line["warnings"] = draw(st.lists(texts, max_size=2))
    return line


outputs = st.lists(a_line(["a", "b", "c", "d\u0301", "\u202ee", "=f", "1"]), min_size=1,
                   max_size=9)  # fmt: skip


def _write(path: Path, lines: list[dict[str, Any]]) -> None:
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="ascii")


def _expected(lines: list[dict[str, Any]]) -> tuple[int, int]:
    """Documents (one per id, its latest line) and records (of the latest ok lines)."""
    latest = {line["doc_id"]: line for line in lines}
    records = sum(
        len(line.get("records", [])) for line in latest.values() if line["status"] == "ok"
    )
    return len(latest), records


def _pandas_lines(path: Path) -> list[dict[str, Any]]:
    """The lines as a pandas user reads them back (gaps NaN where a line lacks a field)."""
    frame = pd.read_json(path, lines=True, dtype=False, precise_float=True)
    return frame.to_dict("records")  # type: ignore[no-any-return]


@settings(max_examples=8, deadline=None, suppress_health_check=list(HealthCheck))
@given(lines=outputs)
def test_every_table_round_trips_the_records_the_latest_lines_hold(
    tmp_path_factory: pytest.TempPathFactory, lines: list[dict[str, Any]]
) -> None:
    folder = tmp_path_factory.mktemp("round54")
    source = folder / "out.jsonl"
    _write(source, lines)
    documents, records = _expected(lines)
    csv_summary = flatten(source, folder / "csv", parquet=False)
    assert csv_summary.rows["documents"] == documents
    assert csv_summary.rows["events"] == records
    for name, rows in csv_summary.rows.items():
        path = folder / "csv" / f"{name}.csv"
        body = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))[1:]
        assert len(body) == rows, name
        assert len(pd.read_csv(path, dtype=str, keep_default_na=False)) == rows, name
        for row in body:
            for cell in row:
                assert not _formula(cell), (name, cell)
    if _has("pyarrow"):
        import pyarrow.parquet as pq

        summary = flatten(source, folder / "t.parquet")
        assert summary.rows == csv_summary.rows
        arrow = {"str": "string", "int": "int64", "float": "double", "bool": "bool",
                 "date": "date32[day]", "list": "list<element: string>"}  # fmt: skip
        for name, rows in summary.rows.items():
            table = pq.read_table(folder / "t.parquet" / f"{name}.parquet")
            assert table.num_rows == rows
            # each column typed by its kind, all null or not: every file has one schema
            kinds = {c.name: arrow[c.kind] for c in table_columns()[name]}
            assert {f.name: str(f.type) for f in table.schema} == kinds, name
    if _has("duckdb") and _has("pyarrow"):
        import duckdb

        summary = flatten(source, folder / "t.duckdb")
        assert summary.rows == csv_summary.rows
        con = duckdb.connect(str(folder / "t.duckdb"), read_only=True)
        try:
            for name, rows in summary.rows.items():
                assert con.execute(f"SELECT count(*) FROM {name}").fetchall() == [(rows,)]
        finally:
            con.close()
    parsed = [json.loads(raw) for raw in source.read_text(encoding="ascii").splitlines()]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # foreign or unread records, said
        for table in ("documents", "events"):
            from_json = table_rows(parsed, table)
            assert len(from_json) == csv_summary.rows[table]
            assert len(results_to_frame(parsed, table)) == csv_summary.rows[table]
        if not any("\\ud800" in json.dumps(line) for line in lines):  # pandas refuses those
            read_back = _pandas_lines(source)
            for table in ("documents", "events"):
                assert table_rows(read_back, table) == table_rows(parsed, table), table


def _has(module: str) -> bool:
    try:
        __import__(module)
    except ImportError:
        return False
    return True


def _formula(cell: str) -> bool:
    """Whether a spreadsheet would run ``cell``: a formula start after any blanks, and not
    a plain signed number."""
    start = cell.lstrip(" \t\r\n\u00a0\u200b\ufeff\x00\x0b\x0c\u2028")
    if not start or cell.startswith("'"):
        return False
    if start[0] in "+-" and start.strip().lstrip("+-").replace(".", "", 1).isdigit():
        return False
    return start.startswith(FORMULA_STARTS)


# ------------------------------------------------------------------ pandas read-back


@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
@given(lines=outputs)
def test_a_bulk_output_read_back_through_pandas_gives_the_rows_its_lines_give(
    tmp_path_factory: pytest.TempPathFactory, lines: list[dict[str, Any]]
) -> None:
    """NaN where a line lacks a field is that field absent: the same rows, every table."""
    lines = [json.loads(json.dumps(line).replace("\\ud800", "?")) for line in lines]
    source = tmp_path_factory.mktemp("round54pd") / "out.jsonl"
    _write(source, lines)
    read_back = _pandas_lines(source)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        for table in table_columns():
            assert table_rows(read_back, table) == table_rows(lines, table), table


def test_a_gap_in_a_read_back_line_is_an_absent_field() -> None:
    ok = {"doc_id": "a", "status": "ok", "records": [], "error": math.nan, "url": pd.NA}
    failed = {"doc_id": "b", "status": "error", "records": np.nan, "counts": pd.NaT,
              "error": {"type": "X", "kind": "input", "message": "m"}}  # fmt: skip
    rows = table_rows([ok, failed], "documents")
    assert [row["run_status"] for row in rows] == ["ok", "error"]
    assert rows[1]["error_type"] == "X" and rows[0]["url"] is None


# ------------------------------------------------------------------ dtypes


@SETTINGS
@given(filled=st.lists(st.sampled_from([*HOSTILE[:6], "plain"]), min_size=1, max_size=3))
def test_a_text_column_has_one_dtype_whether_it_holds_a_value_or_not(filled: list[str]) -> None:
    """Two frames of one table, a column all null in one and filled in the other, agree on
    every column's dtype (as flatten's Parquet files agree on its schema)."""
    empty_line = {
        "doc_id": "a",
        "status": "ok",
        "records": [
            {"type": "visit", "id": "v", "visitors": [], "hosts": [], "evidence": {"quote": "q"}}
        ],
    }
    full_line = {"doc_id": "b", "status": "ok", "title": filled[0], "url": filled[-1],
                 "records": [{"type": "visit", "id": "w", "purpose": filled[0],
                              "attribution": filled[-1], "visitors": [], "hosts": [],
                              "evidence": {"quote": "q"}}]}  # fmt: skip
    for table in ("documents", "visits", "events"):
        empty = results_to_frame([empty_line], table)
        full = results_to_frame([full_line], table)
        none = results_to_frame([], table)
        assert empty.dtypes.to_dict() == full.dtypes.to_dict() == none.dtypes.to_dict(), table


# ------------------------------------------------------------------ CSV formulas

BLANKS = [" ", "  ", "\n", "\r\n", "\u00a0", "\u200b", "\ufeff", "\x00", "\u3000", "\t "]


@SETTINGS
@given(
    lead=st.lists(st.sampled_from(BLANKS), min_size=1, max_size=3).map("".join),
    start=st.sampled_from(["=", "+", "-", "@", "\uff1d", "\uff0b", "\uff0d", "\uff20"]),
    tail=st.sampled_from(["1+1", "cmd|' /C calc'!A0", 'HYPERLINK("x")', "SUM(A1:A9)", "x"]),
    space=st.sampled_from(["", " ", "  "]),
    sign=st.sampled_from(["+", "-"]),
    whole=st.integers(0, 10**12),
    fraction=st.none() | st.integers(0, 999),
    word=st.text(st.characters(categories=["L", "N"]), min_size=1, max_size=5),
)
def test_a_formula_behind_blanks_is_neutralised_and_nothing_else(
    lead: str, start: str, tail: str, space: str, sign: str, whole: int,
    fraction: int | None, word: str,
) -> None:  # fmt: skip
    """A formula after blanks gets its ``'``; an id ``-5`` (after a space or not) still
    joins with its source table, a word is a word and a number cell a number."""
    text = lead + start + tail
    assert csv_text(text) == "'" + text
    signed = f"{sign}{whole}" + ("" if fraction is None else f".{fraction}")
    assert csv_text(space + signed) == space + signed
    assert csv_text(space + word) == space + word
    assert csv_text(-whole) == -whole


# ------------------------------------------------------------------ numbers

NOT_COUNTS = [True, False, 3.7, -0.5, "\u0661\u0662", "1_000", "12abc", "3.5", "1e3", [1],
              {"n": 1}, "\uff11\uff12", "0x10", 2**70, -(2**64)]  # fmt: skip
COUNTS = [(3, 3), (3.0, 3), ("12", 12), (" 7 ", 7), ("-4", -4), (0, 0), (2**62, 2**62)]


@SETTINGS
@given(
    bad=st.lists(st.sampled_from(NOT_COUNTS), min_size=1, max_size=3),
    good=st.lists(st.sampled_from(COUNTS), min_size=0, max_size=3),
)
def test_a_value_that_is_no_count_is_an_empty_cell_counted(
    bad: list[Any], good: list[tuple[Any, int]]
) -> None:
    """A count of ``true`` or ``3.7`` or ``"١٢"`` is no count: empty and counted, never 1,
    3 or 12; a whole number, however written in ASCII, is itself."""
    values = [*bad, *(given_value for given_value, _ in good)]
    records = [
        {"type": "casualty_report", "id": f"k{n}", "killed": {"low": value},
         "evidence": {"quote": "q"}}
        for n, value in enumerate(values)
    ]  # fmt: skip
    line = {"doc_id": "a", "status": "ok", "records": records}
    rows = result_rows([line], tables=["casualty_reports"])["casualty_reports"]
    assert [row["killed_low"] for row in rows] == [None] * len(bad) + [n for _, n in good]


@SETTINGS
@given(
    bad=st.lists(st.sampled_from([True, "\u0661\u0662", "1_0", "nan", "inf", "1e999", [1.0]]),
                 min_size=1, max_size=3),
    good=st.lists(st.sampled_from([(1.5, 1.5), ("-77.25", -77.25), (3, 3.0), (".5", 0.5)]),
                  max_size=3),
)  # fmt: skip
def test_a_value_that_is_no_real_number_is_an_empty_cell(
    tmp_path_factory: pytest.TempPathFactory,
    bad: list[Any],
    good: list[tuple[Any, float]],
) -> None:
    values = [*bad, *(given_value for given_value, _ in good)]
    records = [
        {"type": "visit", "id": f"v{n}", "visitors": [], "hosts": [],
         "place": {"text": "x", "lat": value}, "evidence": {"quote": "q"}}
        for n, value in enumerate(values)
    ]  # fmt: skip
    line = {"doc_id": "a", "status": "ok", "records": records}
    source = tmp_path_factory.mktemp("round54n") / "out.jsonl"
    _write(source, [line])
    summary = flatten(source, source.parent / "csv", parquet=False)
    assert summary.bad_values == len(bad)
    rows = result_rows([line], tables=["visits"])["visits"]
    assert [row["latitude"] for row in rows] == [None] * len(bad) + [x for _, x in good]


# ------------------------------------------------------------------ result rows carried

NOT_LINES = ["[1]", "{}", '"x"', "null", "3", '{"doc_id": "a"}', '{"type": "X", "message": "m"}',
             '{"doc_id": "a", "status": "done"}', '{"doc_id": "a", "status": "ok", "records": 3}']  # fmt: skip


@SETTINGS
@given(
    good=st.lists(st.sampled_from(["a", "b", "c", "\u202ed"]), max_size=3, unique=True),
    bad=st.one_of(
        st.sampled_from(NOT_LINES).map(lambda line: {"doc_id": "z", "status": "ok",
                                                     "reason": None, "line": line}),
        st.text(max_size=20).map(lambda message: stop_row(ConfigurationError(message or "x"))),
    ),
    at=st.integers(0, 3),
)  # fmt: skip
def test_a_result_row_whose_line_is_no_result_is_refused_naming_it(
    good: list[str], bad: dict[str, Any], at: int
) -> None:
    """A result row of ``extract_rows`` stands for the line it carries: a row whose line is
    no result line (or the row of a stopped run, whose line is the error) is a TypeError
    naming its position, never a document without records or without an id."""
    rows: list[dict[str, Any]] = [
        {"doc_id": doc_id, "status": "ok", "reason": None,
         "line": json.dumps({"doc_id": doc_id, "status": "ok", "records": []})}
        for doc_id in good
    ]  # fmt: skip
    assert len(table_rows(rows, "documents")) == len(good)
    position = min(at, len(rows))
    rows.insert(position, bad)
    with pytest.raises(TypeError, match=rf"results\[{position}\]") as refused:
        table_rows(rows, "documents")
    assert "\n" not in str(refused.value)
    if bad["status"] == "stopped":
        assert "stopped" in str(refused.value)
