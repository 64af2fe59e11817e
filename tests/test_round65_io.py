"""One input, one document, whatever command wrote its lines; a WARC page's capture day
said to be one (hostile round 65, io).

``extractor extract FILE -f jsonl >> out.jsonl`` after ``extractor bulk FOLDER -o
out.jsonl`` named the file's line by its absolute path where bulk had named it by its
label in the folder (``a1.txt``): both lines carry the file's ``source``, but every reader
kept the last line per ``doc_id``, so flatten, view, eval and ``results_to_frame`` showed
two documents for one input (the older one stale when the file was edited before the
hand re-extraction), and a bulk rerun counted bulk's own line "not seen".

Generated here: folders of a few files, runs of ``bulk`` (in-process, as the command
runs it) and ``extract -f jsonl`` appends (through the command) in random order, with
edits between. Asserted: every reader (``latest_lines``, hence a rerun's plan;
``flatten``'s documents table; eval's ``read_lines``; ``results_to_frame``) sees exactly
one current document per input, carrying the text the newest line was made from, and a
final bulk rerun counts no line unseen.

A WARC page giving no date of its own took its record's WARC-Date (the capture time) as
``published`` without a word. Generated here: crawls of pages with and without their own
date (page metadata, a dateline), captured on random days; a dateless page's line says its
date is the capture day, a page with its own date (the near misses) says nothing of it.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from extractor import Extractor
from extractor.bulk.runner import run_bulk
from extractor.cli import app
from extractor.evaluation.run import read_lines
from extractor.export.flatten import flatten
from extractor.export.frames import results_to_frame
from extractor.io import readers
from extractor.io.identity import input_key
from extractor.io.output import latest_entries, latest_lines, line_key
from extractor.io.readers import capture_date_warning
from tests.fakes.openai_server import LOOPBACK_ONLY, FakeOpenAI

pytestmark = pytest.mark.block_network(allowed_hosts=LOOPBACK_ONLY)

SETTINGS = settings(
    max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

PEOPLE = ["The minister", "Le ministre", "Der Minister", "El ministro"]
PLACES = ["Paris", "Rome", "Kano", "Lima"]
CLEAN_ENV = {k: v for k, v in os.environ.items() if not k.startswith(("EXTRACTOR_", "OPENAI_"))}
CLEAN_ENV["OPENAI_API_KEY"] = "sk-test-round65-io"


def text_of(file: int, version: int) -> str:
    return f"{PEOPLE[file % 4]} visited {PLACES[version % 4]} on 3 May 2024 (v{version}).\n"


#: a step: ("bulk",), ("extract", file) or ("edit", file)
STEP = st.one_of(
    st.just(("bulk", 0)),
    st.tuples(st.just("extract"), st.integers(0, 3)),
    st.tuples(st.just("edit"), st.integers(0, 3)),
)


@pytest.fixture(scope="module")
def server(model_server: FakeOpenAI) -> FakeOpenAI:
    return model_server


@pytest.fixture(scope="module")
def engine(model_engine: Extractor) -> Extractor:
    return model_engine


def extract_append(file: Path, output: Path, server: FakeOpenAI, spelling: int) -> None:
    """``extractor extract FILE -f jsonl >> output``, the file spelt absolute, relative to
    the current folder or through ``./``."""
    shown = [str(file), os.path.relpath(file), os.path.join(".", os.path.relpath(file))][spelling]
    command = ["extract", shown, "-f", "jsonl", "--model", "openai/fake-model"]
    result = CliRunner().invoke(app, [*command, "--base-url", server.base_url], env=CLEAN_ENV)
    assert result.exit_code == 0, result.output
    with open(output, "a", encoding="utf-8") as handle:
        handle.write(result.stdout)


def current(folder: Path) -> dict[str, str]:
    """The text hash of every input in ``folder`` now, by source, as bulk reads it."""
    return {item.source or "": item.text_sha256 for item in readers.iter_inputs(folder)}


def assert_one_document_per_input(output: Path, tables: Path, made: dict[str, str]) -> None:
    latest = list(latest_lines(output))
    assert sorted(line["source"] for line in latest) == sorted(made), [
        (line["doc_id"], line["source"]) for line in latest
    ]
    assert {line["source"]: line["text_sha256"] for line in latest} == made
    flatten(output, tables, parquet=False, tables=["documents"])
    with open(tables / "documents.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert sorted(row["text_sha256"] for row in rows) == sorted(made.values()), rows
    scored = read_lines(output)
    assert sorted(line["source"] for line in scored) == sorted(made)
    everything = [json.loads(raw) for raw in output.read_text(encoding="utf-8").splitlines()]
    frame = results_to_frame(everything, "documents")
    assert len(frame) == len(made), frame


@SETTINGS
@given(
    files=st.integers(1, 4),
    steps=st.lists(STEP, min_size=1, max_size=5),
    spelling=st.integers(0, 2),
)
def test_bulk_and_extract_appends_keep_one_document_per_input(
    engine: Extractor,
    server: FakeOpenAI,
    tmp_path_factory: pytest.TempPathFactory,
    files: int,
    steps: list[tuple[str, int]],
    spelling: int,
) -> None:
    work = tmp_path_factory.mktemp("r65io")
    folder, output = work / "ed", work / "out.jsonl"
    folder.mkdir()
    versions = [0] * files
    for file in range(files):
        (folder / f"a{file}.txt").write_text(text_of(file, 0), encoding="utf-8")
    made: dict[str, str] = {}  # source -> the text its newest line was made from
    cwd = os.getcwd()
    os.chdir(work)
    try:
        assert run_bulk([str(folder)], output, extractor=engine).exit_code == 0
        made.update(current(folder))
        for kind, file in steps:
            if file >= files:
                continue
            path = (folder / f"a{file}.txt").resolve()
            if kind == "bulk":
                assert run_bulk([str(folder)], output, extractor=engine).exit_code == 0
                made.update(current(folder))
            elif kind == "extract":
                extract_append(path, output, server, spelling)
                made[str(path)] = current(folder)[str(path)]
            else:
                versions[file] += 1
                path.write_text(text_of(file, versions[file]), encoding="utf-8")
        assert_one_document_per_input(output, work / "tables", made)
        rerun = run_bulk([str(folder)], output, extractor=engine)
        assert rerun.exit_code == 0
        assert not rerun.unseen, rerun  # bulk's own lines are its inputs' lines
        assert_one_document_per_input(output, work / "tables2", current(folder))
    finally:
        os.chdir(cwd)


# ------------------------------------------------------------------ the key itself

NAMES = st.sampled_from(["a.txt", "sub/a.txt", "rows.jsonl#3f2a01", "crawl.warc.gz!http://x/1"])
FOLDERS = st.sampled_from(["/data/in", "/srv/x/y", "/home/u/c1"])


@settings(max_examples=100, deadline=None)
@given(name=NAMES, folder=FOLDERS, explicit=st.sampled_from(["1", "guid-7", "a.txt@x", "b.txt"]))
def test_a_path_made_id_is_keyed_by_its_source_an_explicit_id_by_itself(
    name: str, folder: str, explicit: str
) -> None:
    """Every spelling of a path-made name of one source is one input; an explicit id
    (an id column, ``--doc-id``) stays its own identity even beside that source."""
    source = f"{folder}/{name}"
    tails = {source, name, *(source.split("/", k)[-1] for k in range(1, source.count("/")))}
    assert {input_key(tail, source) for tail in tails} == {("source", source)}
    if not source.endswith("/" + explicit):
        assert input_key(explicit, source) == ("id", explicit)
    # two files with the same label under two folders are two inputs
    assert input_key(name, source) != input_key(name, f"/other{source}")


def test_whole_json_entries_are_one_per_input() -> None:
    """An array of results (``extract -o r.json`` entries gathered) keeps one per input."""
    entries = [
        {"doc_id": "a.txt", "source": "/d/a.txt", "status": "ok", "text_sha256": "1"},
        {"doc_id": "/d/a.txt", "source": "/d/a.txt", "status": "ok", "text_sha256": "2"},
        {"doc_id": "a.txt", "source": "/e/a.txt", "status": "ok", "text_sha256": "3"},
        {"doc_id": "7", "source": "/d/rows.csv:2", "status": "ok", "text_sha256": "4"},
    ]
    kept = [entry for _, entry in latest_entries(entries)]
    assert [line_key(e) for e in kept] == [
        ("source", "/d/a.txt"),
        ("source", "/e/a.txt"),
        ("id", "7"),
    ]
    assert [e["text_sha256"] for e in kept] == ["2", "3", "4"]


# ------------------------------------------------------------------ WARC capture dates

CITIES = ["Paris", "Kano", "Lima", "Rome"]
#: how a page gives its own date (None: it gives none), as (head, body opening)
OWN_DATE = st.sampled_from(
    [
        None,
        ('<meta property="article:published_time" content="{iso}T10:00:00Z">', ""),
        ('<meta name="date" content="{iso}">', ""),
        ("", "{city}, {long} - "),
        ("", "Published: {iso}. "),
    ]
)
DAYS = st.dates(datetime.date(2005, 1, 1), datetime.date(2025, 12, 31))


def page(city: str, own: tuple[str, str] | None, day: datetime.date) -> str:
    head, opening = own or ("", "")
    fill = {"iso": day.isoformat(), "city": city.upper(), "long": f"{day:%B} {day.day}, {day.year}"}
    body = f"Yesterday the minister visited {city} and met the president there."
    return (
        f"<html><head>{head.format(**fill)}</head><body><article><p>"
        f"{opening.format(**fill)}{body}</p></article></body></html>"
    )


def warc_bytes(pages: list[tuple[str, str, datetime.date]]) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for uri, html, captured in pages:
        headers = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.0"
        )
        record = writer.create_warc_record(
            uri,
            "response",
            payload=io.BytesIO(html.encode()),
            http_headers=headers,
            warc_headers_dict={"WARC-Date": f"{captured.isoformat()}T00:00:00Z"},
        )
        writer.write_record(record)
    return buffer.getvalue()


@settings(max_examples=60, deadline=None)
@given(
    pages=st.lists(st.tuples(OWN_DATE, DAYS, DAYS), min_size=1, max_size=4),
)
def test_a_warc_pages_capture_day_is_said_to_be_one(
    tmp_path_factory: pytest.TempPathFactory,
    pages: list[tuple[tuple[str, str] | None, datetime.date, datetime.date]],
) -> None:
    """A page without its own date: ``published`` is its capture day, and its warnings say
    so, once. A page with its own date (the near misses): that date, and no such warning."""
    folder = tmp_path_factory.mktemp("warc")
    crawl = [
        (f"http://news.example/{n}", page(CITIES[n % 4], own, day), captured)
        for n, (own, day, captured) in enumerate(pages)
    ]
    (folder / "crawl.warc.gz").write_bytes(warc_bytes(crawl))
    documents = {item.doc_id: item for item in readers.iter_inputs(folder)}
    assert len(documents) == len(pages), documents
    for n, (own, day, captured) in enumerate(pages):
        document = documents[f"http://news.example/{n}"]
        said = [w for w in document.warnings if "WARC-Date" in w]
        if own is None:
            assert document.published == captured
            assert said == [capture_date_warning(captured)], document.warnings
            assert document.meta.get("date_source") == "warc-date"
        else:
            assert document.published == day, (own, document.published)
            assert said == [], document.warnings


def test_the_capture_warning_reaches_the_line(engine: Extractor, tmp_path: Path) -> None:
    """The warning is written on the page's line (as a front matter date that is no date
    is), and a page with its own date has none."""
    captured = datetime.date(2019, 7, 1)
    own = ('<meta property="article:published_time" content="{iso}T10:00:00Z">', "")
    crawl = [
        ("http://news.example/dated", page("Paris", own, datetime.date(2015, 3, 2)), captured),
        ("http://news.example/bare", page("Rome", None, captured), captured),
    ]
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "crawl.warc.gz").write_bytes(warc_bytes(crawl))
    output = tmp_path / "out.jsonl"
    assert run_bulk([str(tmp_path / "in")], output, extractor=engine).exit_code == 0
    lines = {line["doc_id"]: line for line in latest_lines(output)}
    bare, dated = lines["http://news.example/bare"], lines["http://news.example/dated"]
    assert bare["published"] == "2019-07-01"
    assert capture_date_warning(captured) in bare["warnings"], bare["warnings"]
    assert dated["published"] == "2015-03-02"
    assert not any("WARC-Date" in w for w in dated["warnings"]), dated["warnings"]
