"""The Ray Data engine (``extractor bulk --engine ray``, ``extractor.integrations.ray``).

What must hold, checked over corpora and rows the tests generate:

* the rows between driver and workers carry a document exactly (any text,
  lone surrogates included), and any row at all becomes a document or that
  row's error, never an exception;
* every input identity ends as exactly one line, the line of its own text,
  and a line is the one a plain bulk run writes;
* a driver killed with SIGKILL mid-run, then rerun, leaves every id exactly once;
* a failure in one document is its error line; an error that stops a plain run
  (a rejected key) stops the Ray run with that error, not a Ray traceback;
* without Ray, ``--engine ray`` is one line saying what to install.

The Ray tests share one local cluster (2 CPUs) started by a module fixture and
are skipped when Ray is not installed (``pip install -e '.[ray]'``).
"""

from __future__ import annotations

import importlib.util
import json
import logging
import random
import re
import signal
import subprocess
import sys
import time
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # plain `pytest` (not `python -m pytest`) leaves the root out
    sys.path.insert(0, str(ROOT))

from extractor import errors  # noqa: E402
from extractor.blank import is_blank  # noqa: E402
from extractor.bulk.runner import run_bulk  # noqa: E402
from extractor.cli import app  # noqa: E402
from extractor.integrations import ray as engine  # noqa: E402
from extractor.integrations import rows as row_api  # noqa: E402
from extractor.io import InputFailure, iter_inputs  # noqa: E402
from extractor.pipeline.document import Document  # noqa: E402
from extractor.runtime import aio  # noqa: E402
from tests.corpus_support import build_corpus, check_lines, clean_env, read_lines, timeless  # noqa: E402
from tests.fakes.kano import casualty_responder, kano  # noqa: E402
from tests.fakes.openai_server import LOOPBACK_ONLY, FakeOpenAI, Fault  # noqa: E402

pytestmark = [
    pytest.mark.block_network(allowed_hosts=LOOPBACK_ONLY),
    pytest.mark.filterwarnings("ignore::DeprecationWarning:ray.*"),  # Ray's own, of its own
]
HAS_RAY = importlib.util.find_spec("ray") is not None
HAS_PANDAS = importlib.util.find_spec("pandas") is not None
needs_ray = pytest.mark.skipif(not HAS_RAY, reason="Ray is not installed: pip install -e '.[ray]'")
MODEL = {"model": "openai/fake-model", "strategy": "single"}
FILES = (5, 40)  # .txt files in a corpus: the rest are rows
HYPOTHESIS = settings(
    deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
runner = CliRunner()


@pytest.fixture(scope="module")
def cluster() -> Iterator[str]:
    """A local Ray cluster for the module; its GCS address lets a CLI driver join it."""
    ray = pytest.importorskip("ray")
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, logging_level=logging.ERROR)
    try:
        yield str(ray.get_runtime_context().gcs_address)
    finally:
        ray.shutdown()


# ------------------------------------------------------------------ generated inputs


def figure(text: str) -> int:
    found = re.search(r"At least (\d+) people", text)
    assert found is not None
    return int(found.group(1))


def items_of(root: Path) -> list[Document | InputFailure]:
    return list(iter_inputs([str(root)]))


# ------------------------------------------------------------------ rows (no Ray needed)

texts = st.text(max_size=40) | st.builds(
    lambda a, b: a + "\udcff" + b, st.text(max_size=5), st.text(max_size=5)
)  # lone surrogates: what a file name or text undecodable as UTF-8 becomes
optional = st.none() | texts
#: Ids as the readers hand them on, in any spelling: a row's id is composed (NFC, see
#: readers._record_id) but a path label is the file's name as written (``café.txt``
#: decomposed, from a Mac); both come back exactly. A blank id is none (Document refuses
#: it; a reader makes one from the source instead).
ids = (texts | texts.map(lambda text: unicodedata.normalize("NFD", text))).filter(
    lambda doc_id: not is_blank(doc_id)  # extractor/blank.py: NUL, zero-width ... too
)
documents = st.builds(
    Document, doc_id=ids, text=texts, published=st.none() | st.dates(),
    source=optional, title=optional, url=optional, warnings=st.lists(texts, max_size=3).map(tuple),
)  # fmt: skip
failures = st.builds(
    InputFailure, doc_id=ids, source=texts, error=texts.filter(bool),
    skipped=st.booleans(),
)  # fmt: skip


@HYPOTHESIS
@given(st.lists(documents | failures, max_size=8), st.booleans())
def test_rows_carry_an_item_exactly(items: list[Document | InputFailure], via_frame: bool) -> None:
    rows = [row_api.item_row(item) for item in items]
    assert all(set(row) == set(row_api.INPUT_COLUMNS) for row in rows)
    if via_frame and HAS_PANDAS:  # the driver ships blocks as DataFrames
        rows = row_api.frame_of(rows, row_api.INPUT_COLUMNS).to_dict("records")
    back = [row_api.row_item(row) for row in rows]
    assert back == items
    for before, after in zip(items, back, strict=True):
        if isinstance(before, Document):
            assert isinstance(after, Document) and after.text_sha256 == before.text_sha256


cells = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(), texts, st.binary(max_size=20),
    st.dates(), st.lists(texts, max_size=2), st.dictionaries(texts, st.integers(), max_size=2),
)  # fmt: skip
any_rows = st.dictionaries(
    st.sampled_from([*row_api.INPUT_COLUMNS, "id", "body"]) | texts, cells, max_size=6
)


@HYPOTHESIS
@given(any_rows)
def test_any_row_is_a_document_or_its_own_error(row: dict[str, Any]) -> None:
    item = row_api.row_item(row)
    assert isinstance(item.doc_id, str) and item.doc_id
    if isinstance(item, Document):
        assert isinstance(row.get("text"), str | bytes)
        assert not (isinstance(row.get("error"), str) and row["error"])
        assert isinstance(item.text, str)
    else:
        assert item.error.strip()
        if row.get("text") is None and not (isinstance(row.get("error"), str) and row["error"]):
            assert "text" in item.error  # the message names what is wrong


@settings(HYPOTHESIS, max_examples=10)
@given(st.lists(any_rows | st.builds(lambda n: {"id": n % 4, "text": kano(n)}, st.integers(2, 999)),
                min_size=1, max_size=10))  # fmt: skip
def test_extract_rows_gives_one_result_per_row_in_order(
    fake: FakeOpenAI, rows: list[dict[str, Any]]
) -> None:
    """One result per row, in order, each under its own id: an id repeated in the rows
    (ids ``n % 4``, texts without ids alike) is named as bulk names it, never two lines
    under one id (every reader keeps the last line of an id: one document would vanish),
    except a row repeating an earlier row's document (its id and text), which is that
    document again: the same line. A user's ``error`` or ``duplicate_of`` column is the
    user's data, never read."""
    results = row_api.extract_rows(rows, base_url=fake.base_url, jobs=3, **MODEL)
    assert len(results) == len(rows)
    seen: set[str] = set()
    firsts: dict[str, tuple[dict[str, Any], Any]] = {}  # a result id -> its first row's
    for row, result in zip(rows, results, strict=True):
        assert set(result) == set(row_api.RESULT_COLUMNS)
        line = json.loads(result["line"])
        user = {name: value for name, value in row.items() if name not in row_api.DRIVER_COLUMNS}
        item = row_api.row_item(user)
        own = item.doc_id
        assert line["doc_id"] == result["doc_id"]
        assert line["status"] == result["status"]
        assert (result["reason"] is None) == (result["status"] != "error")
        if result["doc_id"] in firsts:  # one id twice only for the same document again
            first, first_item = firsts[result["doc_id"]]
            assert isinstance(item, Document) and isinstance(first_item, Document)
            assert item.text_sha256 == first_item.text_sha256
            assert result == first
            continue
        firsts[result["doc_id"]] = (result, item)
        if own in seen:
            if not result["doc_id"].startswith(f"{own}#duplicate-"):
                # a row without an id of its own, repeating a text under another date or
                # title: a document of its own, named by its turn as bulk names it
                assert own.startswith("sha256:") and result["doc_id"].startswith(f"{own}#")
                continue
            assert line["status"] == "error" and line["duplicate_of"] == own
            continue
        seen.add(own)
        assert result["doc_id"] == own and "duplicate_of" not in line
        text = row.get("text")
        if isinstance(row_api.row_item(user), Document) and str(text).startswith("At least"):
            assert result["status"] == "ok" and line["records"][0]["killed"]["low"] == figure(text)


@settings(HYPOTHESIS, max_examples=8)
@given(st.lists(st.tuples(st.integers(2, 999), st.sampled_from(row_api.DRIVER_COLUMNS),
                          st.text(min_size=1, max_size=12) | st.booleans()),
                min_size=1, max_size=6, unique_by=lambda row: row[0]))  # fmt: skip
def test_a_users_columns_named_like_the_drivers_are_the_users_data(
    fake: FakeOpenAI, rows: list[tuple[int, str, Any]]
) -> None:
    """A scraper's ``error`` column, a deduplicator's ``duplicate_of``: every article is
    extracted, under its own id, whatever those columns hold."""
    given_rows = [{"id": f"n{n}", "text": kano(n), column: value} for n, column, value in rows]
    results = row_api.extract_rows(given_rows, base_url=fake.base_url, jobs=3, **MODEL)
    assert [result["doc_id"] for result in results] == [f"n{n}" for n, _, _ in rows]
    for (n, _, _), result in zip(rows, results, strict=True):
        line = json.loads(result["line"])
        assert result["status"] == "ok" and line["records"][0]["killed"]["low"] == n


@pytest.mark.skipif(not HAS_PANDAS, reason="pandas comes with the ray extra")
def test_extract_frame_over_partitions_is_extract_rows(fake: FakeOpenAI) -> None:
    """What Dask ``map_partitions`` and Spark ``mapInPandas`` do: frames in, frames out."""
    import pandas

    rng = random.Random()
    numbers = [rng.randint(2, 5000) for _ in range(rng.randint(5, 30))]
    frame = pandas.DataFrame({"id": range(len(numbers)), "text": [kano(n) for n in numbers]})
    cut = rng.randint(1, len(numbers) - 1)
    parts = [frame.iloc[:cut], frame.iloc[cut:]]
    out = pandas.concat(
        [row_api.extract_frame(part, base_url=fake.base_url, jobs=4, **MODEL) for part in parts]
    )
    assert list(out.columns) == list(row_api.RESULT_COLUMNS)
    assert list(out["doc_id"]) == [str(n) for n in range(len(numbers))]
    found = [json.loads(line)["records"][0]["killed"]["low"] for line in out["line"]]
    assert found == numbers


def test_extract_frame_under_dask(fake: FakeOpenAI) -> None:
    dd = pytest.importorskip("dask.dataframe")
    import pandas

    numbers = random.Random().sample(range(2, 5000), 12)
    frame = pandas.DataFrame({"id": [f"d{n}" for n in numbers], "text": [kano(n) for n in numbers]})
    meta = pandas.DataFrame({name: pandas.Series(dtype=object) for name in row_api.RESULT_COLUMNS})
    result = (
        dd.from_pandas(frame, npartitions=3)
        .map_partitions(row_api.extract_frame, base_url=fake.base_url, jobs=4, meta=meta, **MODEL)
        .compute(scheduler="threads")
    )
    assert sorted(result["doc_id"]) == sorted(f"d{n}" for n in numbers)
    assert set(result["status"]) == {"ok"}


# ------------------------------------------------------------------ the CLI without Ray


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--engine", "spark"], "--engine 'spark': use one of local, ray"),
        (["--workers", "2", "--batch"], "--workers cannot be combined with --batch"),
        (["--address", "auto"], "--address needs --engine ray"),
        (["--engine", "ray", "--batch"], "--engine ray cannot be combined with --batch"),
    ],
)
def test_engine_usage_errors_are_one_line(tmp_path: Path, args: list[str], message: str) -> None:
    (tmp_path / "a.txt").write_text(kano(3))
    command = ["bulk", str(tmp_path / "a.txt"), "-o", str(tmp_path / "out.jsonl"), *args]
    result = runner.invoke(app, command, env={k: None for k in ("EXTRACTOR_MODEL",)})
    assert result.exit_code == 2
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and message in lines[0], result.stderr
    assert not (tmp_path / "out.jsonl").exists()


def test_without_ray_the_engine_is_one_line_saying_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "ray", None)  # import ray now raises ImportError
    monkeypatch.setitem(sys.modules, "ray.data", None)
    (tmp_path / "a.txt").write_text(kano(3))
    command = ["bulk", str(tmp_path / "a.txt"), "-o", str(tmp_path / "out.jsonl"),
               "--engine", "ray", "--model", "openai/fake-model",
               "--base-url", "http://127.0.0.1:9/v1"]  # fmt: skip
    result = runner.invoke(app, command)
    assert result.exit_code == 2
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "pip install 'extractor[ray]'" in lines[0], result.stderr
    assert not (tmp_path / "out.jsonl").exists()


# ------------------------------------------------------------------ on a Ray cluster


@needs_ray
def test_500_documents_each_once_and_a_rerun_does_nothing(
    tmp_path: Path, fake: FakeOpenAI, cluster: str
) -> None:
    seed = random.randrange(10**9)
    root, out = tmp_path / "in", tmp_path / "out.jsonl"
    expected = build_corpus(root, random.Random(seed), 500, files=FILES)
    options = {"base_url": fake.base_url, "workers": 2, "concurrency": 8, **MODEL}
    summary = aio.run(engine.RayBulkRun([str(root)], out, **options).run())

    check_lines(read_lines(out), root, expected)
    assert summary.documents == len(expected) == 500, seed
    assert summary.ok + summary.errors + summary.not_read == summary.documents
    assert summary.not_read == 1 and summary.records["casualty_report"] == summary.ok
    assert sum(summary.errors_by_reason.values()) == summary.errors

    before = out.read_bytes()
    again = aio.run(engine.RayBulkRun([str(root)], out, **options).run())
    assert (again.documents, again.unchanged) == (0, 500)
    assert out.read_bytes() == before


@needs_ray
def test_extract_dataset_writes_the_lines_plain_bulk_writes(
    tmp_path: Path, fake: FakeOpenAI, cluster: str
) -> None:
    ray = pytest.importorskip("ray")
    root = tmp_path / "in"
    build_corpus(root, random.Random(), 40, files=FILES)
    plain = tmp_path / "plain.jsonl"
    run_bulk([str(root)], plain, base_url=fake.base_url, **MODEL)
    items = items_of(root)
    seen: dict[str, int] = {}
    rows = []
    for item in items:  # the plan's duplicate ids, as the bulk driver derives them
        seen[item.doc_id] = seen.get(item.doc_id, 0) + 1
        if seen[item.doc_id] > 1:
            continue
        rows.append(row_api.item_row(item))
    dataset = ray.data.from_items(rows)
    results = engine.extract_dataset(
        dataset, base_url=fake.base_url, concurrency=2, jobs=4, num_cpus=0.5,
        driver_rows=True, **MODEL,
    ).take_all()  # fmt: skip
    assert sorted(r["doc_id"] for r in results) == sorted(r["doc_id"] for r in rows)
    want = {doc_id: timeless(line) for doc_id, line in read_lines(plain).items()}
    for result in results:
        assert timeless(json.loads(result["line"])) == want[result["doc_id"]]


@needs_ray
def test_a_rejected_key_stops_the_run_with_one_line(tmp_path: Path, cluster: str) -> None:
    """A 401 stops a plain run (exit 2, one line); on Ray too, not as a Ray traceback."""
    root = tmp_path / "in"
    build_corpus(root, random.Random(), 20, files=FILES)
    out = tmp_path / "out.jsonl"
    with FakeOpenAI(casualty_responder, fault_rate=1.0, fault_kinds=[Fault.UNAUTHORIZED]) as bad:
        command = ["bulk", str(root), "-o", str(out), "--engine", "ray", "--workers", "1",
                   "--model", "openai/fake-model", "--base-url", bad.base_url,
                   "--strategy", "single", "--progress", "none"]  # fmt: skip
        result = runner.invoke(app, command, env={"EXTRACTOR_MODEL": None})
    assert result.exit_code == 2, result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("extractor: error")]
    assert len(errors) == 1 and "rejected the API key" in errors[0], result.stderr
    assert "Traceback" not in result.stderr and "ray." not in errors[0]
    lines = read_lines(out) if out.stat().st_size else {}
    assert all(line["status"] != "ok" for line in lines.values())  # nothing claims success


stopping = st.one_of(
    st.builds(errors.ConfigurationError, st.text(min_size=1)),
    st.builds(errors.LocalModelError, st.text(min_size=1)),
    st.builds(lambda m, s: errors.ClientModelError(m, status_code=s), st.text(min_size=1),
              st.sampled_from([401, 403, 404])),
    st.builds(lambda m, n: errors.BatchAborted(m, failures=n, last_error=errors.ModelError(m)),
              st.text(min_size=1), st.integers(1, 50)),
)  # fmt: skip


@HYPOTHESIS
@given(stopping)
def test_an_error_that_stops_the_run_crosses_as_itself(error: errors.ExtractorError) -> None:
    """A worker's stopping error reaches the driver with its class, message and status."""
    row = row_api.stop_row(error)  # what aextract_rows returns when it catches the error
    assert row["status"] == row_api.STOPPED and set(row) == set(row_api.RESULT_COLUMNS)
    rebuilt = row_api.stopped_error(row["line"])
    assert type(rebuilt) is type(error)
    assert str(rebuilt) == " ".join(str(error).split())
    assert getattr(rebuilt, "status_code", None) == getattr(error, "status_code", None)


@needs_ray
def test_a_killed_driver_resumes_with_every_id_exactly_once(tmp_path: Path, cluster: str) -> None:
    seed = random.randrange(10**9)
    root, out = tmp_path / "in", tmp_path / "out.jsonl"
    expected = build_corpus(root, random.Random(seed), 160, files=FILES)
    with FakeOpenAI(casualty_responder, latency=0.05) as server:
        command = [
            sys.executable, "-m", "extractor", "bulk", str(root), "-o", str(out),
            "--engine", "ray", "--address", cluster, "--workers", "2", "-j", "2",
            "--model", "openai/fake-model", "--base-url", server.base_url,
            "--strategy", "single", "--progress", "none",
        ]  # fmt: skip
        driver = subprocess.Popen(command, cwd=ROOT, env=clean_env(), stderr=subprocess.PIPE)
        # a bound for a loaded machine, no speed claim: the loop ends at the first line, and
        # with another test file running beside (xdist) Ray's actors took over a minute
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline and driver.poll() is None:
            if out.exists() and out.read_bytes().count(b"\n") >= 1:
                break
            time.sleep(0.02)
        driver.send_signal(signal.SIGKILL)
        driver.wait(timeout=10)
        assert driver.stderr is not None
        kept = out.read_bytes() if out.exists() else b""
        written = kept.count(b"\n")
        assert 1 <= written < len(expected), (seed, written, driver.stderr.read()[-2000:])
        driver.stderr.close()
        done_before = {json.loads(line)["doc_id"] for line in kept.splitlines(keepends=True)
                       if line.endswith(b"\n")}  # fmt: skip

        # the same command again, in this process (a driver of the same cluster): cheaper
        finished = runner.invoke(app, command[3:], env={"EXTRACTOR_MODEL": None})
    lines = read_lines(out)
    failed_now = [
        i for i, line in lines.items() if line["status"] == "error" and i not in done_before
    ]
    # exit 1 when this run wrote a failure (the empty file, a duplicate id), whichever run got them
    assert finished.exit_code == (1 if failed_now else 0), (seed, failed_now, finished.stderr)
    assert "Traceback" not in finished.stderr
    check_lines(lines, root, expected)
    # the inputs line counts what this run extracted new; a unit it wrote as not read
    # (skipped) is counted apart
    passed = sum(line["status"] == "skipped" and i not in done_before for i, line in lines.items())
    assert f"inputs     {len(expected) - written - passed:,} new" in finished.stderr, (
        finished.stderr
    )
    assert (f"{passed:,} new or changed but not read" in finished.stderr) is bool(passed)


@needs_ray
def test_lines_reach_the_output_as_the_job_runs(tmp_path: Path, cluster: str) -> None:
    """A driver killed mid-run loses at most the documents its workers have in flight
    (``-j`` per worker), as a plain run does: the lines of finished blocks are written as
    they come, not held until a large block ends (a small run's every line was)."""
    root, out = tmp_path / "in", tmp_path / "out.jsonl"
    build_corpus(root, random.Random(7), 40, files=FILES)
    workers, jobs = 2, 2
    with FakeOpenAI(casualty_responder, latency=1.0) as server:
        command = [
            sys.executable, "-m", "extractor", "bulk", str(root), "-o", str(out),
            "--engine", "ray", "--address", cluster, "--workers", str(workers),
            "-j", str(jobs), "--model", "openai/fake-model", "--base-url", server.base_url,
            "--strategy", "single", "--progress", "none",
        ]  # fmt: skip
        driver = subprocess.Popen(command, cwd=ROOT, env=clean_env(), stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 300  # as above: the loop ends when the requests are in
        while time.monotonic() < deadline and driver.poll() is None:
            if server.stats()["requests"] >= 4 * workers * jobs:
                break
            time.sleep(0.02)
        asked = server.stats()["requests"]  # answered, or in flight
        driver.send_signal(signal.SIGKILL)
        driver.wait(timeout=10)
    written = out.read_bytes().count(b"\n") if out.exists() else 0
    assert asked >= 4 * workers * jobs
    # in flight, and what finished while Ray handed the lines back (well under a round)
    assert asked - written <= 2 * workers * jobs, (asked, written)


@pytest.mark.filterwarnings("ignore:PySpark does not yet fully support pandas:FutureWarning")
def test_extract_frame_under_spark(
    fake: FakeOpenAI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The README's Spark recipe as written: ``mapInPandas`` with one extractor per partition,
    on a local Spark session (a JVM; skipped where pyspark or Java is missing)."""
    pyspark_sql = pytest.importorskip("pyspark.sql")
    import shutil

    if shutil.which("java") is None:
        pytest.skip("Spark needs Java")
    from extractor import Extractor

    numbers = random.Random().sample(range(2, 5000), 10)
    monkeypatch.setenv("PYSPARK_PYTHON", sys.executable)  # workers in this environment
    spark = (
        pyspark_sql.SparkSession.builder.master("local[2]")
        .appName("extractor-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .config("spark.local.dir", str(tmp_path))
        .getOrCreate()
    )
    base_url = fake.base_url

    def extract_partition(frames: Any) -> Any:
        with Extractor(base_url=base_url, **MODEL) as extractor:
            for frame in frames:
                yield row_api.extract_frame(frame, extractor=extractor, jobs=4)

    try:
        articles = spark.createDataFrame(
            [(f"d{n}", kano(n), None) for n in numbers], "id string, text string, published string"
        ).repartition(3)
        rows = (
            articles.select("id", "text", "published")
            .mapInPandas(
                extract_partition, "doc_id string, status string, reason string, line string"
            )
            .collect()
        )
    finally:
        spark.stop()
    assert sorted(row.doc_id for row in rows) == sorted(f"d{n}" for n in numbers)
    found = {row.doc_id: json.loads(row.line)["records"][0]["killed"]["low"] for row in rows}
    assert found == {f"d{n}": n for n in numbers}


@settings(HYPOTHESIS, max_examples=5)
@given(st.lists(st.integers(2, 999), min_size=1, max_size=5, unique=True))
def test_result_rows_make_the_frames_their_lines_make(fake: FakeOpenAI, numbers: list[int]) -> None:
    """``results_to_frame(extract_rows(...))``: a result row stands for the line it carries
    (it was read as an ok result with no records)."""
    from extractor import results_to_frame

    rows = [{"id": f"n{n}", "text": kano(n)} for n in numbers]
    results = row_api.extract_rows(rows, base_url=fake.base_url, jobs=3, **MODEL)
    lines = [json.loads(result["line"]) for result in results]
    for table in ("events", "documents", "casualty_reports"):
        assert results_to_frame(results, table).equals(results_to_frame(lines, table))
    assert len(results_to_frame(results)) == len(numbers)


@settings(HYPOTHESIS, max_examples=5)
@given(st.lists(st.one_of(st.integers(2, 999).map(lambda n: {"id": f"n{n}", "text": kano(n)}),
                          st.text(max_size=10), st.integers(), st.none()),
                min_size=1, max_size=6))  # fmt: skip
def test_a_row_that_is_no_mapping_is_its_own_error_line(fake: FakeOpenAI, rows: list[Any]) -> None:
    results = row_api.extract_rows(rows, base_url=fake.base_url, jobs=3, **MODEL)
    assert len(results) == len(rows)
    # one id per row, but a row repeating another (same id and text) is that document again
    repeated = (
        len(rows)
        - len({repr(row) for row in rows if isinstance(row, dict)})
        - sum(not isinstance(row, dict) for row in rows)
    )
    assert len({result["doc_id"] for result in results}) == len(rows) - repeated
    for row, result in zip(rows, results, strict=True):
        if not isinstance(row, dict):
            assert result["status"] == "error" and "mapping of columns" in result["reason"]
