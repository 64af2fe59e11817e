"""``flatten`` on whatever a result file holds: it never crashes, and its CSV is safe to open.

The lines are generated: shaped like bulk's lines, with arbitrary unicode
(lone surrogates included, as ``"\\ud800"`` escapes: what bulk writes for a
file name that is not UTF-8), formula-like text, numbers out of range, NaN,
wrong shapes anywhere, and raw lines that are not JSON at all. Invariants:

* :func:`flatten` writes every table from a file holding a result line; a file in
  which no line is a result is refused with one line naming it (an ExtractorError),
  and the tables an earlier run wrote into the folder are left byte for byte;
* every CSV file is valid UTF-8 and parses, one header and one row per record;
* no text cell starts with a formula character (``=``, ``+``, ``-``, ``@``,
  tab, CR, or their full-width forms); numeric cells are finite numbers.
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from extractor.cli import app
from extractor.errors import ExtractorError
from extractor.export.flatten import FORMULA_STARTS, csv_text, flatten, table_columns
from extractor.types.registry import registered_types

runner = CliRunner()
TYPES = [spec.name for spec in registered_types()]
KINDS = {name: {c.name: c.kind for c in columns} for name, columns in table_columns().items()}

surrogates = st.sampled_from(["\ud800", "\udfff", "\udce9", "\udc80", "\ud83d"])
formulas = st.sampled_from(
    [
        "=1+1",
        "+cmd|' /C calc'!A0",
        "-2+3",
        "@SUM(A1:A9)",
        "\t=x",
        "\r=y",
        "＝1+1",
        '=HYPERLINK("x")',
    ]
)
texts = st.one_of(
    st.text(max_size=30),
    formulas,
    st.lists(st.one_of(st.text(max_size=5), surrogates, formulas), max_size=6).map("".join),
)
numbers = st.one_of(
    st.integers(),
    st.integers(min_value=2**63 - 2, max_value=2**80),
    st.floats(allow_nan=True, allow_infinity=True),
)
scalars = st.one_of(st.none(), st.booleans(), numbers, texts)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)
iso_like = st.one_of(
    st.sampled_from(["2023-02-30", "0000-01", "2023-13", "99999-01-01", "2023-1-1", "2024",
                     "2024-02-29", "1-01-01", "2023-10", "２０２３"]),
    st.dates().map(str),
    texts,
)  # fmt: skip
DATES = ["date", "start", "end", "order_date", "delivery_date"]
date_values = st.fixed_dictionaries(
    {}, optional={"value": iso_like, "end": iso_like, "text": texts, "precision": texts}
)
FIELDS = [
    "id", "doc_id", "status", "evidence", "place", "date", "start", "end", "killed", "injured",
    "visitors", "hosts", "participants", "countries", "items", "value", "supplier", "recipient",
    "attribution", "plover_event", "country", "perpetrator", "victims", "quantity", "purpose",
]  # fmt: skip
records = st.fixed_dictionaries(
    {"type": st.one_of(st.sampled_from(TYPES), texts)},
    optional={name: values for name in FIELDS if name not in ("evidence", "place")}
    | {name: st.one_of(date_values, values) for name in DATES}
    | {
        "evidence": st.fixed_dictionaries(
            {"quote": texts, "start": numbers, "end": numbers, "alignment": texts}
        ),
        "place": st.fixed_dictionaries({"text": texts, "lat": numbers, "lon": numbers}),
    },
)
LINE_FIELDS = [
    "doc_id", "status", "published", "title", "url", "source", "counts", "usage", "model",
    "prompt_version", "schema_version", "strategy", "seconds", "warnings", "error",
    "duplicate_of",
]  # fmt: skip
lines = st.fixed_dictionaries(
    {"doc_id": st.one_of(texts, numbers)},
    optional={name: values for name in LINE_FIELDS if name not in ("doc_id", "counts", "error")}
    | {
        "records": st.one_of(st.lists(st.one_of(records, values), max_size=4), values),
        "counts": st.dictionaries(st.sampled_from(TYPES), values),
        "error": st.fixed_dictionaries({"type": texts, "kind": texts, "message": texts}),
    },
)
raw_lines = st.one_of(
    lines.map(lambda line: json.dumps(line).encode()),  # ensure_ascii: "\ud800" escapes
    lines.map(lambda line: json.dumps(line, ensure_ascii=False).encode("utf-8", "surrogatepass")),
    values.map(lambda v: json.dumps(v).encode()),
    st.binary(max_size=40),
    st.just(b"[" * 5000),
    st.just(b'{"doc_id": "x", "records": [' * 3000),
)


def assert_safe_tables(folder: Path, summary: Any) -> None:
    for path in summary.files:
        name = path.stem
        raw = path.read_bytes()
        text = raw.decode("utf-8")  # strict: valid UTF-8 or this raises
        rows = list(csv.reader(io.StringIO(text, newline="")))
        header, body = rows[0], rows[1:]
        assert header == list(KINDS[name])
        assert len(body) == summary.rows[name]
        for row in body:
            assert len(row) == len(header)
            for column, cell in zip(header, row, strict=True):
                kind = KINDS[name][column]
                if kind in ("int", "float") and cell:
                    assert math.isfinite(float(cell)), (column, cell)
                else:  # a formula is neutralised; a signed number is a number
                    is_number = re.fullmatch(r"[+-][0-9]+(\.[0-9]+)?", cell) is not None
                    assert is_number or not cell.startswith(FORMULA_STARTS), (name, column, cell)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@example(
    raw=[json.dumps({"doc_id": "d", "status": "ok", "source": "dir/caf\udce9.txt"}).encode()],
    torn=False,
)
@example(
    raw=[b'{"doc_id": "a", "status": "ok", "records": [{"type": "visit", "purpose": "=1+1"}]}'],
    torn=True,
)
@given(raw=st.lists(raw_lines, max_size=8), torn=st.booleans())
def test_flatten_never_crashes_and_writes_safe_csv(
    raw: list[bytes], torn: bool, tmp_path_factory: pytest.TempPathFactory
) -> None:
    folder = tmp_path_factory.mktemp("flat")
    earlier = folder / "earlier.jsonl"
    earlier.write_text(json.dumps({"doc_id": "kept", "status": "ok", "records": []}) + "\n")
    flatten(earlier, folder / "tables", parquet=False)
    before = snapshot(folder / "tables")
    source = folder / "out.jsonl"
    body = b"\n".join(raw) + (b"" if torn else b"\n")
    source.write_bytes(body)
    summary = flatten_or_refusal(source, folder / "tables", raw, parquet=False)
    if summary is None:
        assert snapshot(folder / "tables") == before
    else:
        assert_safe_tables(folder / "tables", summary)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def holds_a_result(raw: list[bytes]) -> bool:
    """Whether a generated line is, as JSON, a result: a string ``doc_id`` and a status or
    extract's metadata (an input row with a doc_id is none)."""
    for line in raw:
        try:
            value = json.loads(line)
        except (ValueError, RecursionError):
            continue
        if (
            isinstance(value, dict)
            and isinstance(value.get("doc_id"), str)
            and (value.get("status") in ("ok", "error", "skipped")
                 or isinstance(value.get("metadata"), dict))
        ):  # fmt: skip
            return True
    return False


def flatten_or_refusal(source: Path, output: Path, raw: list[bytes], **options: Any) -> Any:
    """The summary of flatten, or None when it refused a file that holds no result
    line, with one line that names the file."""
    try:
        return flatten(source, output, **options)
    except ExtractorError as error:
        assert not holds_a_result(raw), error
        assert "\n" not in str(error) and str(source) in str(error), error
        return None


@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(raw=st.lists(raw_lines, max_size=6), torn=st.booleans())
def test_typed_outputs_hold_the_same_rows_whatever_the_lines(
    raw: list[bytes], torn: bool, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Parquet and DuckDB take every row CSV takes: a value that cannot be its type is null."""
    duckdb = pytest.importorskip("duckdb")
    pq = pytest.importorskip("pyarrow.parquet")
    folder = tmp_path_factory.mktemp("typed")
    source = folder / "out.jsonl"
    source.write_bytes(b"\n".join(raw) + (b"" if torn else b"\n"))
    first = flatten_or_refusal(source, folder / "csv", raw, parquet=False)
    if first is None:  # refused alike, whatever the table format
        for target in ("t.parquet", "t.duckdb"):
            with pytest.raises(ExtractorError, match=r"no result could be read|not text"):
                flatten(source, folder / target)
        return
    expected = first.rows
    assert flatten(source, folder / "t.parquet").rows == expected
    assert flatten(source, folder / "t.duckdb").rows == expected
    con = duckdb.connect(str(folder / "t.duckdb"), read_only=True)
    for table, rows in expected.items():
        assert pq.read_table(folder / "t.parquet" / f"{table}.parquet").num_rows == rows
        assert con.execute(f"SELECT count(*) FROM {table}").fetchone() == (rows,)
    con.close()


def test_formula_cells_are_neutralised_in_csv_only_as_text() -> None:
    for text in ("=1+1", "+x", "-x", "@x", "\tx", "\rx", "＝x"):
        assert csv_text(text) == "'" + text
    assert csv_text("a=1") == "a=1" and csv_text(-77.0) == -77.0 and csv_text(3) == 3


@given(
    number=st.integers() | st.decimals(allow_nan=False, allow_infinity=False, places=3),
    sign=st.sampled_from(["-", "+"]),
    tail=st.sampled_from(["", "+1", "*2", " ", "e3", "-A1"]),
)
def test_a_signed_number_stays_a_number_and_anything_more_is_neutralised(
    number: Any, sign: str, tail: str
) -> None:
    """An id ``-5`` joins back to its source table; ``-5+1`` or ``-2*A1`` is a formula."""
    text = sign + str(abs(number))
    expected = text if not tail and "E" not in text else "'" + text + tail
    assert csv_text(text + tail) == expected


def test_a_line_with_a_lone_surrogate_and_formulas_flattens(tmp_path: Path) -> None:
    record = {
        "type": "visit", "id": "v1", "purpose": "=cmd|'/C calc'!A0",
        "evidence": {"quote": "-5 dead\ud800", "start": 0, "end": 7},
        "place": {"text": "@home", "lat": -77.5, "lon": "nan"},
    }  # fmt: skip
    line = {"doc_id": "d\udce9", "status": "ok", "source": "in/caf\udce9.txt", "records": [record]}
    source = tmp_path / "out.jsonl"
    source.write_text(json.dumps(line) + "\n", encoding="ascii")
    summary = flatten(source, tmp_path / "tables", parquet=False)
    assert summary.rows["visits"] == 1 and summary.bad_values == 1  # lon "nan"
    with open(tmp_path / "tables" / "visits.csv", encoding="utf-8", newline="") as handle:
        [visit] = list(csv.DictReader(handle))
    assert visit["purpose"] == "'=cmd|'/C calc'!A0"
    assert visit["evidence"] == "'-5 dead\ufffd"
    assert visit["place"] == "'@home" and visit["latitude"] == "-77.5" and visit["longitude"] == ""
    with open(tmp_path / "tables" / "documents.csv", encoding="utf-8", newline="") as handle:
        [document] = list(csv.DictReader(handle))
    assert document["source"] == "in/caf\ufffd.txt" and document["doc_id"] == "d\ufffd"


def test_the_cli_prints_tables_written_to_a_folder_whose_name_is_not_utf8(tmp_path: Path) -> None:
    source = tmp_path / "out.jsonl"
    source.write_text(json.dumps({"doc_id": "a", "status": "ok", "records": []}) + "\n")
    folder = os.fsdecode(os.path.join(os.fsencode(tmp_path), b"t\xe9bles"))
    result = runner.invoke(app, ["flatten", str(source), "--to", folder])
    assert result.exit_code == 0, result.output
    assert os.path.join(os.fsencode(tmp_path), b"t\xe9bles", b"visits.csv") in result.stdout_bytes


@settings(
    max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(surrogate=surrogates)
def test_a_file_name_that_was_not_utf8_keeps_its_events_facts(
    tmp_path: Path, surrogate: str
) -> None:
    """A document read from a file whose name is not UTF-8 carries a lone surrogate in its
    id and source (as bulk writes it): its events row still has the record's date, countries
    and actors (pydantic refused the whole record, and the row came out empty)."""
    recorded = Path(__file__).resolve().parent.parent / "bench/results/gold-1.5b-per-type.jsonl"
    line = next(
        json.loads(raw)
        for raw in recorded.read_text(encoding="utf-8").splitlines()
        if '"type": "meeting"' in raw
    )
    line["doc_id"] = f"caf{surrogate}.txt"
    line["source"] = f"in/caf{surrogate}.txt"
    for record in line["records"]:
        record["doc_id"] = line["doc_id"]
    source = tmp_path / "out.jsonl"
    source.write_text(json.dumps(line) + "\n", encoding="ascii")
    out = tmp_path / "tables"
    flatten(source, out, parquet=False)
    with open(out / "events.csv", encoding="utf-8", newline="") as handle:
        events = list(csv.DictReader(handle))
    meetings = [row for row in events if row.get("record_type") == "meeting"]
    assert meetings and all(row["countries"] for row in meetings), meetings


# ------------------------------------------------- view and flatten agree on what a result is

_result = {"status": "ok", "source": None, "records": [], "counts": {}, "usage": {}, "error": None}
result_lines = st.one_of(
    st.sampled_from(["a", "b", "c"]).map(lambda doc_id: {**_result, "doc_id": doc_id}),
    st.just({**_result, "doc_id": None}),  # the library's result made without a doc_id
    st.just({k: v for k, v in _result.items()}),  # doc_id absent: the same
    st.just({"text": "an article row, not a result"}),
    st.just({"doc_id": None, "text": "a row with a null id"}),
    st.just("not json {"),
    st.just([1, 2]),
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(lines=st.lists(result_lines, min_size=1, max_size=8), newline_at_end=st.booleans())
def test_view_and_flatten_count_the_same_results_and_the_same_bad_lines(
    tmp_path_factory: pytest.TempPathFactory, lines: list[Any], newline_at_end: bool
) -> None:
    """Whatever a results file mixes (repeated ids, results without an id, article rows,
    garbage, a last line without its newline), the page and the tables count the same
    documents and name the same lines as not results; a file with none both refuse."""
    from extractor.export.viewer import JsonlDocuments

    folder = tmp_path_factory.mktemp("agree")
    source = folder / "out.jsonl"
    raw = "\n".join(line if isinstance(line, str) else json.dumps(line) for line in lines)
    source.write_text(raw + ("\n" if newline_at_end else ""))
    reader = JsonlDocuments(source)
    shown = list(reader)
    if reader.documents == 0 and (reader.bad_lines or reader.torn_last_line):
        with pytest.raises(ExtractorError, match="no result could be read"):  # both refuse
            flatten(source, folder / "tables", parquet=False)
        return
    summary = flatten(source, folder / "tables", parquet=False)
    assert reader.documents == summary.documents, (reader.documents, summary.documents)
    assert reader.bad_lines == summary.bad_lines
    assert reader.torn_last_line == summary.torn_last_line
    anonymous = sum(
        isinstance(line, dict) and line.get("doc_id") is None and "records" in line
        for line in lines
    )  # fmt: skip
    ids = {line["doc_id"] for line in lines if isinstance(line, dict) and line.get("doc_id")}
    if newline_at_end or not lines or not isinstance(lines[-1], str):
        assert summary.documents == anonymous + len(ids)
    assert len(shown) >= summary.documents


_OURS = sorted(table_columns())


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    objects=st.lists(
        st.one_of(
            st.tuples(st.just("table"), st.sampled_from([*_OURS, "mine", "visits_2023", "t"])),
            st.tuples(st.just("view"), st.sampled_from(["v", "recent", _OURS[0] + "_v"])),
            st.tuples(st.just("schema"), st.sampled_from(["staging", "s"])),
        ),
        max_size=4,
        unique=True,
    )
)
def test_a_duckdb_output_holding_anything_flatten_does_not_write_is_kept(
    tmp_path_factory: pytest.TempPathFactory, objects: list[tuple[str, str]]
) -> None:
    """``-o warehouse.db`` naming the user's own database replaced it whole: every table
    of theirs gone, exit 0. A DuckDB file is replaced only when it holds nothing but
    flatten's tables (an earlier output); else it is refused and left as it was."""
    duckdb = pytest.importorskip("duckdb")
    folder = tmp_path_factory.mktemp("db")
    source = folder / "r.jsonl"
    source.write_text(json.dumps({"doc_id": "d", "status": "ok", "records": []}) + "\n")
    target = folder / "warehouse.db"
    with duckdb.connect(str(target)) as connection:
        connection.execute("create table if not exists documents(doc_id varchar)")
        for kind, name in objects:
            if kind == "table" and name != "documents":
                connection.execute(f'create table "{name}"(x integer)')
            elif kind == "view":
                connection.execute(f'create view "{name}" as select 1 as x')
            elif kind == "schema":
                connection.execute(f'create schema "{name}"')
                connection.execute(f'create table "{name}".kept(x integer)')
    before = target.read_bytes()
    foreign = [name for kind, name in objects if kind != "table" or name not in _OURS]
    result = runner.invoke(app, ["flatten", str(source), "-o", str(target)])
    if foreign:
        assert result.exit_code == 2, result.output
        assert "does not write" in result.stderr and "Traceback" not in result.output
        assert target.read_bytes() == before
    else:
        assert result.exit_code == 0, result.output
        with duckdb.connect(str(target), read_only=True) as connection:
            tables = {row[0] for row in connection.execute("show tables").fetchall()}
        assert tables == set(_OURS)


@pytest.mark.parametrize("kind", ["IOException", "TransactionException"])
def test_duckdb_failing_to_write_is_one_line_and_the_old_database_stays(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    """``flatten -o t.duckdb`` on a full disk was duckdb's TransactionException traceback:
    DuckDB says a full disk with its own exceptions, not OSError. One line, exit 2, and
    the earlier database untouched, as for CSV and Parquet."""
    duckdb = pytest.importorskip("duckdb")
    from extractor.export import flatten as flatten_module

    source = tmp_path / "r.jsonl"
    source.write_text(json.dumps({"doc_id": "d", "status": "ok", "records": []}) + "\n")
    target = tmp_path / "t.duckdb"
    assert runner.invoke(app, ["flatten", str(source), "-o", str(target)]).exit_code == 0
    before = target.read_bytes()

    def full(*args: Any, **kwargs: Any) -> None:
        raise getattr(duckdb, kind)(
            f'Failed to commit: Could not write file "{tmp_path}/.t.tmp.wal": No space left on device'
        )

    monkeypatch.setattr(flatten_module._DuckSink, "_insert", full)
    monkeypatch.setattr(flatten_module._Database, "finish", full)
    result = runner.invoke(app, ["flatten", str(source), "-o", str(target)])
    assert result.exit_code == 2, result.output
    assert ("Traceback" not in result.output and result.exception is None) or isinstance(
        result.exception, SystemExit
    )
    errors = [line for line in result.stderr.splitlines() if "error:" in line]
    assert len(errors) == 1 and "No space left on device" in errors[0]
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.jsonl", "t.duckdb"]


not_results = st.one_of(
    st.lists(st.text(st.characters(exclude_characters="\n{"), min_size=1), min_size=1)
    .map(lambda rows: ("\n".join(rows) + "\n").encode("utf-8", "surrogatepass"))
    .filter(lambda data: data.strip() != b""),  # a CSV of articles, a log: no object begins
    st.binary(min_size=1).filter(lambda data: data.strip() != b""),
    st.just(b'{"doc_id": "cut", "records": ['),  # a run killed in its first line
    st.lists(st.sampled_from([b"[1, 2]", b'{"text": "a row"}', b'"s"', b"null"]), min_size=1).map(
        lambda lines: b"\n".join(lines) + b"\n"
    ),
    st.lists(st.dictionaries(st.sampled_from(["app", "id", "text", "level"]), st.integers())).map(
        lambda objects: json.dumps(objects, indent=2).encode()
    ),  # [] and arrays of others
    st.dictionaries(st.sampled_from(["app", "id", "records"]), st.integers(), min_size=1).map(
        lambda value: json.dumps(value, indent=2).encode()
    ),  # a pretty object, not a result
    st.lists(
        st.fixed_dictionaries(
            {"doc_id": st.text(min_size=1, max_size=4)},
            optional={
                "text": st.text(max_size=10),
                "records": st.just([]),
                "status": st.none(),
                "title": st.text(max_size=5),
            },
        ),
        min_size=1,
        max_size=3,
    ).map(lambda rows: "".join(json.dumps(row) + "\n" for row in rows).encode()),  # input rows
    st.sampled_from(
        [  # damaged results: records no list of objects, a status of no result
            {"doc_id": "x", "status": "ok", "records": "abc"},
            {"doc_id": "x", "status": "ok", "records": [5]},
            {"doc_id": "x", "status": "weird", "records": []},
            {"doc_id": "x", "metadata": {}, "meetings": "abc"},
            {"doc_id": "x", "metadata": {}, "visits": {"type": "visit"}},
            {"doc_id": "x", "metadata": "abc", "meetings": []},
        ]
    ).map(lambda line: (json.dumps(line) + "\n").encode()),
)


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(body=not_results)
def test_a_file_without_a_result_never_replaces_earlier_tables_or_page(
    body: bytes, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """`flatten rows.csv` or `view app.log` into the folder or page an earlier run wrote,
    or onto stdout: one line naming the file, exit 2, what was there left byte for byte,
    and nothing on stdout."""
    folder = tmp_path_factory.mktemp("kept")
    good = folder / "good.jsonl"
    good.write_text(json.dumps({"doc_id": "kept", "status": "ok", "records": []}) + "\n")
    assert runner.invoke(app, ["flatten", str(good), "-o", str(folder / "tables")]).exit_code == 0
    assert runner.invoke(app, ["view", str(good), "-o", str(folder / "page.html")]).exit_code == 0
    tables, page = snapshot(folder / "tables"), (folder / "page.html").read_bytes()
    source = folder / "input.txt"
    source.write_bytes(body)
    for command in (["flatten", str(source), "-o", str(folder / "tables")],
                    ["view", str(source), "-o", str(folder / "page.html")],
                    ["flatten", str(source), "-o", "-", "--table", "events"],
                    ["view", str(source), "-o", "-"]):  # fmt: skip
        result = runner.invoke(app, command)
        assert result.exit_code == 2, (command, result.output)
        assert result.stdout == "", command  # no empty table or page on stdout either
        errors = result.stderr.splitlines()
        assert len(errors) == 1 and str(source) in errors[0], result.output
    assert snapshot(folder / "tables") == tables
    assert (folder / "page.html").read_bytes() == page


@settings(max_examples=20, deadline=None)
@given(
    block=st.integers(1, 20_000),
    article=st.sampled_from([10, 3_000, 12_000, 40_000]),
    over=st.booleans(),
    tail=st.sampled_from([b"", b"\x00" * 5000]),
)
def test_a_crashs_nul_block_before_result_lines_is_a_bad_line_not_a_binary_file(
    block: int, article: int, over: bool, tail: bytes, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """A block of NUL bytes where a crash left one (a line of its own, or over the start of
    the first line), then result lines, each holding its article: the intact results
    are read and the block counted as a bad line, however the block falls against the
    buffers a reader fills or the length of the lines (before, a block was "binary"
    when no line started within the first 4 KB, then 8 KB)."""
    folder = tmp_path_factory.mktemp("nul")
    source = folder / "out.jsonl"
    lines = [
        json.dumps({"doc_id": f"d{n}", "status": "ok", "text": "x" * article, "records": []})
        for n in range(3)
    ]
    body = "\n".join(lines).encode() + b"\n"
    if over:  # the block replaces the first line's start: that line is lost, the rest kept
        body = b"\x00" * block + body[block:] if block < len(lines[0]) else b"\x00" + body
    else:
        body = b"\x00" * block + b"\n" + body
    source.write_bytes(body + tail)
    summary = flatten(source, folder / "tables", parquet=False)
    assert summary.documents == (2 if over else 3) and summary.bad_lines, summary
