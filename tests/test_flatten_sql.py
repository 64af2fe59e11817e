"""The tables as an analyst queries them: real DuckDB, real pandas, generated records.

Records are built with the pipeline's own types (hypothesis draws their
people, countries, dates at every precision, ranges, counts and amounts),
written as `extractor bulk` writes its lines, flattened to Parquet and to a
DuckDB file, then read back. Invariants:

* every record is in its type's table exactly once and in ``events`` exactly
  once, with its type; every input is one ``documents`` row;
* a date column holds the first day of the period the date covers, its
  ``_precision`` the precision and its ``_last`` the last day, so
  ``date_trunc('month', start_date)`` works without a cast and selects exactly
  the visits of that month;
* Parquet is typed (pandas sees dates, integers, lists) and DuckDB too;
* no column of any table of any registered type (a user's plugin included,
  and a generated type whose fields are named like SQL keywords) needs
  quoting: every one is selected bare.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Literal, get_args

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

duckdb = pytest.importorskip("duckdb")
pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")
pd = pytest.importorskip("pandas")

from extractor import ArmsItem, ArmsTransfer, CasualtyReport, Meeting, Record, Visit  # noqa: E402
from extractor.bulk.batch import BatchResult, ErrorInfo  # noqa: E402
from extractor.bulk.runner import RunInfo, result_line  # noqa: E402
from extractor.export.flatten import flatten, table_columns  # noqa: E402
from extractor.pipeline.result import ArticleExtraction, ExtractionMetadata  # noqa: E402
from extractor.types import columns as col  # noqa: E402
from extractor.types.generic import generic_spec  # noqa: E402
from extractor.types.parts import Actor, Count, DateValue, Evidence, Money, Place  # noqa: E402
from extractor.types.registry import register, reload  # noqa: E402
from tests.plugins.protest import Protest  # noqa: E402

INFO = RunInfo(model="openai/m", prompt_version="p-1", schema_version="1.x", strategy="single")
COUNTRIES = ["CHN", "USA", "NGA", "FRA", "IND", "BRA", "RUS", "TWN", "UKR", "MMR"]
PEOPLE = ["Wang Yi", "Antony Blinken", "Li Qiang", "Emmanuel Macron", "Narendra Modi", "gunmen"]
PLACES = ["Washington", "Kano", "Paris", "Yangon", "Kyiv"]


# ------------------------------------------------------------------ generated records


@st.composite
def dates(draw: st.DrawFn, after: date | None = None) -> DateValue:
    """A date at day, month or year precision, sometimes a range, never before ``after``."""
    low = after or date(1990, 1, 1)
    day = draw(st.dates(min_value=low, max_value=max(low, date(2035, 12, 31))))
    precision = draw(st.sampled_from(["day", "month", "year"]))
    value = {"day": day.isoformat(), "month": f"{day:%Y-%m}", "year": f"{day:%Y}"}[precision]
    if after is not None and col.first_day(value) < after:
        value = day.isoformat()  # a coarser period would start before ``after``
    end = None
    if draw(st.booleans()):
        later = day + timedelta(days=draw(st.integers(0, 900)))
        end = draw(st.sampled_from([later.isoformat(), f"{later:%Y-%m}", f"{later:%Y}"]))
    text = draw(st.sampled_from([None, "on Tuesday", "in March", "=1+1", "-2 days"]))
    return DateValue(text=text, value=value, end=end)


def actors(countries: list[str] | None = None) -> st.SearchStrategy[Actor]:
    return st.builds(
        Actor,
        name=st.sampled_from(PEOPLE),
        title=st.sampled_from([None, "foreign minister", "president"]),
        country=st.sampled_from([None, *(countries or COUNTRIES)]),
    )


def evidence(quote: str) -> Evidence:
    return Evidence(quote=quote, start=10, end=10 + len(quote), alignment="exact")


@st.composite
def visits(draw: st.DrawFn) -> Visit:
    visitor, host = draw(st.lists(st.sampled_from(COUNTRIES), min_size=2, max_size=2, unique=True))
    start = draw(st.none() | dates())
    end = draw(st.none() | dates(after=start.last_day if start else None))
    return Visit(
        visitors=draw(st.lists(actors([visitor]), min_size=1, max_size=3)),
        visitor_country=visitor,
        hosts=draw(st.lists(actors([host]), max_size=2)),
        host_country=host,
        place=draw(st.none() | st.builds(Place, text=st.sampled_from(PLACES))),
        start=start,
        end=end,
        evidence=evidence("The minister visited the capital."),
    )


@st.composite
def meetings(draw: st.DrawFn) -> Meeting:
    return Meeting(
        participants=draw(st.lists(actors(), max_size=3)),
        countries=draw(st.lists(st.sampled_from(COUNTRIES), min_size=2, max_size=4, unique=True)),
        date=draw(st.none() | dates()),
        topics=draw(st.lists(st.sampled_from(["trade", "Taiwan", "=SUM(A1)"]), max_size=3)),
        evidence=evidence("The two ministers met."),
    )


@st.composite
def arms_transfers(draw: st.DrawFn) -> ArmsTransfer:
    supplier, recipient = draw(
        st.lists(st.sampled_from(COUNTRIES), min_size=2, max_size=2, unique=True)
    )
    order = draw(st.none() | dates())
    categories = get_args(ArmsItem.model_fields["category"].annotation)[0]
    return ArmsTransfer(
        supplier=Actor(name=supplier, country=supplier),
        recipient=Actor(name=recipient, country=recipient),
        items=draw(
            st.lists(
                st.builds(
                    ArmsItem,
                    designation=st.sampled_from(["F-16V", "AIM-9X", "T-72"]),
                    category=st.none() | st.sampled_from(list(categories)),
                    quantity=st.none() | st.integers(0, 500),
                ),
                max_size=3,
            )
        ),
        value=draw(
            st.none()
            | st.builds(
                Money,
                amount=st.integers(1, 10**12),
                currency=st.sampled_from(["USD", "EUR"]),
            )
        ),
        order_date=order,
        delivery_date=draw(st.none() | dates(after=order.last_day if order else None)),
        evidence=evidence("The sale was approved."),
    )


@st.composite
def counts(draw: st.DrawFn) -> Count:
    low, best, high = sorted(draw(st.lists(st.integers(0, 10**6), min_size=3, max_size=3)))
    keep = draw(st.lists(st.booleans(), min_size=3, max_size=3).filter(any))
    return Count(
        low=low if keep[0] else None,
        best=best if keep[1] else None,
        high=high if keep[2] else None,
        qualifier=draw(st.sampled_from(["exact", "at_least", "about", "up_to"])),
    )


@st.composite
def casualty_reports(draw: st.DrawFn) -> CasualtyReport:
    killed = draw(st.none() | counts())
    return CasualtyReport(
        killed=killed,
        injured=draw(counts() if killed is None else st.none() | counts()),
        country=draw(st.none() | st.sampled_from(COUNTRIES)),
        date=draw(st.none() | dates()),
        evidence=evidence("Twelve people were killed."),
    )


RECORDS = st.one_of(visits(), meetings(), arms_transfers(), casualty_reports())


@st.composite
def corpora(draw: st.DrawFn) -> list[tuple[str, list[Record] | None]]:
    """Documents by id: their records, or None for a document that failed."""
    size = draw(st.integers(1, 6))
    # one record per id in a document, as the pipeline's merge leaves them (records that
    # differ only outside their key fields share an id)
    unique = st.lists(RECORDS, max_size=5, unique_by=lambda r: r.compute_id())
    return [(f"doc{n}", draw(st.none() | unique)) for n in range(size)]


def metadata() -> ExtractionMetadata:
    return ExtractionMetadata(
        model="openai/m", prompt_version="p-1", schema_version="1.x", strategy="single"
    )


def write_lines(path: Path, corpus: list[tuple[str, list[Record] | None]]) -> list[Record]:
    """The corpus as bulk writes it; returns every record, as read back from JSON."""
    written: list[Record] = []
    with open(path, "w", encoding="utf-8") as handle:
        for index, (doc_id, found) in enumerate(corpus):
            if found is None:
                result = BatchResult(doc_id, index, error=ErrorInfo("E", "boom", "model"))
            else:
                records = [r.model_copy(update={"doc_id": doc_id}) for r in found]
                records = [r.model_copy(update={"id": r.compute_id()}) for r in records]
                groups: dict[str, list[Record]] = {}
                for record in records:
                    groups.setdefault(_plural(record), []).append(record)
                extraction = ArticleExtraction(
                    doc_id=doc_id, published=date(2024, 1, 31), metadata=metadata(), **groups
                )
                result = BatchResult(doc_id, index, extraction=extraction, source=f"in/{doc_id}")
                written += records
            handle.write(json.dumps(result_line(result, INFO)) + "\n")
    return written


def _plural(record: Record) -> str:
    return {"visit": "visits", "meeting": "meetings", "arms_transfer": "arms_transfers",
            "casualty_report": "casualty_reports"}[record.record_type]  # fmt: skip


# ------------------------------------------------------------------ round trip


SETTINGS = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@SETTINGS
@given(corpus=corpora())
def test_every_record_once_typed_in_parquet_and_duckdb(
    corpus: list[tuple[str, list[Record] | None]], tmp_path_factory: pytest.TempPathFactory
) -> None:
    folder = tmp_path_factory.mktemp("sql")
    source = folder / "out.jsonl"
    records = write_lines(source, corpus)
    flatten(source, folder / "t.parquet")
    flatten(source, folder / "events.duckdb")
    con = duckdb.connect(str(folder / "events.duckdb"), read_only=True)
    try:
        by_table = Counter((_plural(r), r.id) for r in records)
        for table in ("visits", "meetings", "arms_transfers", "casualty_reports"):
            expected = Counter({rid: n for (t, rid), n in by_table.items() if t == table})
            in_db = Counter(
                rid for (rid,) in con.execute(f"SELECT record_id FROM {table}").fetchall()
            )
            in_parquet = Counter(
                pq.read_table(folder / "t.parquet" / f"{table}.parquet")["record_id"].to_pylist()
            )
            assert in_db == expected == in_parquet, table
        events = Counter(con.execute("SELECT record_type, record_id FROM events").fetchall())
        assert events == Counter((r.record_type, r.id) for r in records)
        documents = con.execute("SELECT doc_id, run_status, records FROM documents").fetchall()
        assert sorted(documents) == sorted(
            (doc_id, "error" if found is None else "ok", len(found or []))
            for doc_id, found in corpus
        )
        _check_visit_dates(con, [r for r in records if isinstance(r, Visit)])
        _check_event_dates(con, records)
        _check_parquet_types(folder / "t.parquet")
    finally:
        con.close()


def _check_visit_dates(con: Any, found: list[Visit]) -> None:
    rows = {
        rid: rest
        for rid, *rest in con.execute(
            "SELECT record_id, start_date, start_date_precision, start_date_last, end_date, "
            "visitors FROM visits"
        ).fetchall()
    }
    for visit in found:
        start, precision, last, end, names = rows[visit.id]
        if visit.start is None:
            assert (start, precision, last) == (None, None, None)
        else:
            assert (start, precision, last) == (
                visit.start.first_day, visit.start.precision, visit.start.last_day,
            )  # fmt: skip
        upto = visit.end.value if visit.end else visit.start.end if visit.start else None
        assert end == (col.first_day(upto) if upto else None)
        assert names == [a.display_name for a in visit.visitors]
    for month in {v.start.first_day.replace(day=1) for v in found if v.start and v.start.first_day}:
        chosen = con.execute(
            "SELECT record_id FROM visits WHERE date_trunc('month', start_date) = ?", [month]
        ).fetchall()
        expected = {v.id for v in found if v.start and v.start.first_day.replace(day=1) == month}
        assert {rid for (rid,) in chosen} == expected


def _check_event_dates(con: Any, records: list[Record]) -> None:
    rows = {
        rid: rest
        for rid, *rest in con.execute(
            "SELECT record_id, event_date, event_date_last, countries, actors FROM events"
        ).fetchall()
    }
    for record in records:
        first, last, countries, actors = rows[record.id]
        dated = [d for d in record.event_dates() if d.value]
        assert first == (dated[0].first_day if dated else None)
        assert last == (max(d.last_day for d in dated) if dated else None)
        assert first is None or first <= last
        assert countries == record.countries()
        assert actors == [a.display_name for a in record.actors()]


def _check_parquet_types(folder: Path) -> None:
    visits = pd.read_parquet(folder / "visits.parquet", dtype_backend="pyarrow")
    assert str(visits["start_date"].dtype).startswith("date32")
    assert str(visits["visitors"].dtype).startswith("list<")
    assert str(visits["evidence_start"].dtype) == "int64[pyarrow]"
    casualties = pd.read_parquet(folder / "casualty_reports.parquet", dtype_backend="pyarrow")
    assert str(casualties["killed_low"].dtype) == "int64[pyarrow]"
    arms = pd.read_parquet(folder / "arms_transfers.parquet", dtype_backend="pyarrow")
    assert str(arms["value_amount"].dtype) == "double[pyarrow]"
    assert str(arms["items"].dtype).startswith("list<")
    plain = pd.read_parquet(folder / "events.parquet")
    assert all(isinstance(d, date) for d in plain["event_date"].dropna())


def test_a_month_precision_date_is_its_first_day_with_its_precision(tmp_path: Path) -> None:
    meeting = Meeting(
        participants=[Actor(name="Wang Yi"), Actor(name="Antony Blinken")],
        date=DateValue(value="2023-10", text="in October"),
        evidence=evidence("They met."),
    )
    source = tmp_path / "out.jsonl"
    write_lines(source, [("d", [meeting])])
    flatten(source, tmp_path / "e.duckdb")
    con = duckdb.connect(str(tmp_path / "e.duckdb"), read_only=True)
    row = con.execute(
        "SELECT event_date, event_date_precision, event_date_last FROM meetings"
    ).fetchone()
    assert row == (date(2023, 10, 1), "month", date(2023, 10, 31))
    con.close()


# ------------------------------------------------------------------ names SQL reads bare


def _keywords() -> set[str]:
    found = duckdb.sql(
        "SELECT keyword_name FROM duckdb_keywords() "
        "WHERE keyword_category IN ('reserved', 'type_function')"
    ).fetchall()
    return {name for (name,) in found}


@pytest.fixture
def with_plugin() -> Iterator[None]:
    register(Protest)
    yield
    reload()


def test_our_keyword_list_covers_the_installed_duckdb() -> None:
    missing = _keywords() - col.SQL_KEYWORDS
    assert not missing, f"add to extractor.types.columns.SQL_KEYWORDS: {sorted(missing)}"


def test_every_column_of_every_registered_type_is_selected_bare(
    with_plugin: None, tmp_path: Path
) -> None:
    keywords = _keywords()
    tables = table_columns()
    assert "protests" in tables
    for table, columns in tables.items():
        assert col.is_bare_name(table) and table not in keywords
        for column in columns:
            assert col.is_bare_name(column.name) and column.name not in keywords, (table, column)
    source = tmp_path / "out.jsonl"
    source.write_text('{"doc_id": "d", "status": "ok", "records": []}\n')
    flatten(source, tmp_path / "all.duckdb")
    con = duckdb.connect(str(tmp_path / "all.duckdb"), read_only=True)
    for table, columns in tables.items():
        con.execute(f"SELECT {', '.join(c.name for c in columns)} FROM {table}").fetchall()
    con.execute("SELECT start_date, end_date FROM visits").fetchall()
    con.close()


RECORD_NAMES = set(dir(Record)) | set(Record.model_fields) | {"type"}
FIELD_NAMES = st.one_of(
    st.sampled_from(sorted(col.SQL_KEYWORDS - RECORD_NAMES)),
    st.from_regex(r"[a-z][a-z0-9]{0,8}", fullmatch=True).filter(lambda n: n not in RECORD_NAMES),
)
SHAPES: list[Any] = [str | None, int | None, DateValue | None, list[str], Actor | None,
                     Count | None, list[Actor], Place | None, Money | None]  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(fields=st.dictionaries(FIELD_NAMES, st.sampled_from(SHAPES), min_size=1, max_size=6))
def test_a_users_type_with_keyword_fields_gets_bare_columns(fields: dict[str, Any]) -> None:
    from pydantic import create_model

    user_type: Any = create_model(  # type: ignore[call-overload]
        "Generated",
        __base__=Record,
        type=(Literal["generated"], "generated"),
        **{name: (shape, [] if shape in (list[str], list[Actor]) else None)
           for name, shape in fields.items()},
    )  # fmt: skip
    columns = table_columns([generic_spec(user_type)])["generateds"]
    names = [c.name for c in columns]
    assert all(col.is_bare_name(n) for n in names) and len(set(names)) == len(names), names
    schema = pa.schema([(n, pa.string()) for n in names])
    con = duckdb.connect()
    con.from_arrow(pa.Table.from_pylist([], schema=schema)).create("generateds")
    con.execute(f"SELECT {', '.join(names)} FROM generateds").fetchall()
    con.close()


@given(name=st.from_regex(r"[a-z][a-z0-9_]{0,12}", fullmatch=True) | st.sampled_from(["date"]))
def test_date_names_follow_one_scheme(name: str) -> None:
    stem = col.date_name(name)
    assert stem.endswith("_date") and col.date_name(stem) == stem
    assert stem == (
        "event_date" if name == "date" else name if name.endswith("_date") else f"{name}_date"
    )
    names = [c.name for c in col.date_columns(name)]
    assert names == [stem, f"{stem}_precision", f"{stem}_last", f"{stem}_text"]


INNER_VALUES = st.fixed_dictionaries({
    "a": st.integers(-(10**6), 10**6),
    "b": st.none() | st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=20),
})  # fmt: skip


@settings(max_examples=40, deadline=None)
@given(inner=INNER_VALUES)
def test_a_users_nested_model_is_a_json_cell_duckdb_reads(inner: dict[str, Any]) -> None:
    """A field holding a user's own model is written as JSON, which DuckDB's
    ``json_extract`` reads back, not as Python's repr of a dict (``{'a': 5}``)."""
    from pydantic import BaseModel, create_model

    class Inner(BaseModel):
        a: int = 0
        b: str | None = None

    user_type: Any = create_model(  # type: ignore[call-overload]
        "Nested", __base__=Record, type=(Literal["nested"], "nested"), extra=(Inner | None, None)
    )
    record = user_type(extra=Inner(**inner), evidence=evidence("A rally."))
    stored = json.loads(record.model_dump_json())  # as a run's line holds it
    (column,) = [
        c for c in table_columns([generic_spec(user_type)])["nesteds"] if c.name == "extra"
    ]
    cell = column.get(stored, {})
    assert json.loads(cell) == inner
    con = duckdb.connect()
    try:
        table = pa.Table.from_pylist([{"extra": cell}], schema=pa.schema([("extra", pa.string())]))
        con.from_arrow(table).create("nesteds")
        found = con.execute(
            "SELECT json_extract(extra, '$.a')::BIGINT, json_extract_string(extra, '$.b') "
            "FROM nesteds"
        ).fetchall()
    finally:
        con.close()
    assert found == [(inner["a"], inner["b"])]
