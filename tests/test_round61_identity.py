"""Every row one line under an id that survives reordering and inserting rows, whatever
carries the table (hostile round 61).

Round 60 reserved the made names (``<file>#<hash>``) a table's rows state before naming its
id-less rows, so a row's own id stays its own in every order. Two carriers escaped it:

* a gzip file (``rows.jsonl.gz``, ``rows.csv.gz``, a ``.gz`` member of a zip) was read as a
  stream, so nothing was reserved though its bytes can be unpacked twice: ids hung on the
  rows' order, a row's own id became ``<id>@/abs/path/rows.jsonl.gz`` (a moved folder
  changed it) and a rerun of the same rows reordered paid again;
* a stream (stdin, a FIFO) is read once and cannot reserve: read after a row stating its
  name, an id-less copy is ``<name>@<name>``, and the runner did not match that to the
  ``<name>`` line an earlier order wrote, so one document had two lines (flatten counted
  its records twice) and was paid for again.

Generated here: id-less copies of a few texts, rows stating the names those copies take,
shuffled and with a row inserted, through bulk (folder walks of gzip files and of a zip
holding one, a FIFO) and a piped ``bulk -``; reruns send nothing but the inserted row.
"""

from __future__ import annotations

import gzip
import json
import os
import random
import subprocess
import sys
import tempfile
import threading
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor import Extractor
from extractor.bulk.runner import made_name, run_bulk
from extractor.io import readers
from extractor.io.output import latest_lines
from tests.fakes.openai_server import LOOPBACK_ONLY, FakeOpenAI
from tests.test_round60_identity import OTHER, TEXTS, digest, write

pytestmark = pytest.mark.block_network(allowed_hosts=LOOPBACK_ONLY)

SETTINGS = settings(
    max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
#: a text no table holds before a rerun inserts it
INSERTED = "Die Regierung teilte am Dienstag mit, dass drei Menschen verletzt wurden."

#: id-less copies (text index, count), rows stating a copy's name (text index spelt, turn,
#: text index carried), the seed of the rows' order
TABLE = st.tuples(
    st.lists(st.tuples(st.integers(0, 2), st.integers(1, 2)), min_size=1, max_size=3),
    st.lists(
        st.tuples(st.integers(0, 2), st.integers(1, 2), st.integers(0, 2)),
        min_size=1,
        max_size=2,
        unique_by=lambda hostile: hostile[:2],
    ),
    st.integers(0, 2**32),
)


def rows_of(table: Any, label: str) -> list[dict[str, Any]]:
    """The rows of ``table``, a stating row's id the made name under ``label``."""
    copies, hostile, seed = table
    rows: list[dict[str, Any]] = [
        {"text": TEXTS[text]} for text, count in copies for _ in range(count)
    ]
    for spelt, turn, own in hostile:
        name = f"{label}#{digest(TEXTS[spelt])[:12]}" + (f"#{turn}" if turn > 1 else "")
        rows.append({"id": name, "text": OTHER[own]})
    random.Random(seed).shuffle(rows)
    return rows


def reordered(rows: list[dict[str, Any]], seed: int, *, insert: bool) -> list[dict[str, Any]]:
    order = list(rows)
    random.Random(seed).shuffle(order)
    if insert:
        order.insert(random.Random(seed).randint(0, len(order)), {"text": INSERTED})
    return order


@pytest.fixture(scope="module")
def server(model_server: FakeOpenAI) -> FakeOpenAI:
    return model_server


@pytest.fixture(scope="module")
def engine(model_engine: Extractor) -> Extractor:
    return model_engine


def texts_by_id(output: Path) -> dict[str, str]:
    return {line["doc_id"]: line.get("text") for line in latest_lines(output)}


# ------------------------------------------------------------------ gzip files and members


def table_bytes(rows: list[dict[str, Any]], suffix: str) -> bytes:
    with tempfile.TemporaryDirectory() as tmp:
        plain = Path(tmp) / f"rows{suffix}"
        write(plain, rows)
        return plain.read_bytes()


def put(folder: Path, carrier: str, rows: list[dict[str, Any]]) -> None:
    """``rows`` in ``folder`` as ``carrier``: a gzip file or a zip holding one."""
    inner = carrier.removeprefix("a.zip!")
    data = gzip.compress(table_bytes(rows, Path(inner).suffixes[0]))
    if carrier.startswith("a.zip!"):
        with zipfile.ZipFile(folder / "a.zip", "w") as archive:
            archive.writestr(inner, data)
    else:
        (folder / carrier).write_bytes(data)


CARRIERS = ["rows.jsonl.gz", "rows.csv.gz", "a.zip!rows.jsonl.gz", "a.zip!rows.csv.gz"]


@SETTINGS
@given(table=TABLE, carrier=st.sampled_from(CARRIERS))
def test_a_gzip_tables_ids_are_those_of_its_rows_in_every_order(table: Any, carrier: str) -> None:
    """The ids of a gzip file's rows (or a zip member's) are the same in every order and
    wherever the folder is; every stated id is its row's own, as in a plain file."""
    rows = rows_of(table, carrier)
    seen = []
    for seed in (0, 1):
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp) / f"moved{seed}"
            folder.mkdir()
            put(folder, carrier, reordered(rows, seed, insert=False))
            items = list(readers.iter_inputs(folder))
        names = sorted(item.doc_id for item in items)
        assert len(names) == len(rows) == len(set(names)), names
        assert not any("@" in name or tmp in name for name in names), names
        for row in rows:
            if "id" in row:
                assert row["id"] in names, names
        seen.append(names)
    assert seen[0] == seen[1], rows


@SETTINGS
@given(table=TABLE, carrier=st.sampled_from(CARRIERS))
def test_a_gzip_tables_rerun_reordered_pays_only_for_an_inserted_row(
    engine: Extractor, server: FakeOpenAI, table: Any, carrier: str
) -> None:
    """Bulk over a folder, then over the same rows shuffled with one row inserted: one
    document written (the inserted one), one line per row."""
    rows = rows_of(table, carrier)
    with tempfile.TemporaryDirectory() as tmp:
        folder, output = Path(tmp) / "in", Path(tmp) / "out.jsonl"
        folder.mkdir()
        put(folder, carrier, reordered(rows, 0, insert=False))
        assert run_bulk([str(folder)], output, extractor=engine).exit_code == 0
        assert not any("@" in name for name in texts_by_id(output)), texts_by_id(output)
        put(folder, carrier, reordered(rows, 1, insert=True))
        again = run_bulk([str(folder)], output, extractor=engine)
        assert (again.documents, again.exit_code) == (1, 0), texts_by_id(output)
        assert len(texts_by_id(output)) == len(rows) + 1, texts_by_id(output)


# ------------------------------------------------------------------ streams


def through_fifo(fifo: Path, data: bytes, output: Path, engine: Extractor) -> Any:
    """Bulk reading ``data`` from a FIFO (a stream, read once), written by a thread."""

    def feed() -> None:
        with open(fifo, "wb") as handle:
            handle.write(data)

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    summary = run_bulk([str(fifo)], output, extractor=engine)
    writer.join(timeout=30)
    return summary


def jsonl(rows: list[dict[str, Any]]) -> bytes:
    return "".join(json.dumps(row) + "\n" for row in rows).encode()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
@SETTINGS
@given(table=TABLE, seeds=st.tuples(st.integers(0, 99), st.integers(0, 99)))
def test_a_streams_rows_keep_their_lines_in_every_order(
    engine: Extractor, table: Any, seeds: tuple[int, int]
) -> None:
    """A FIFO's rows, then the same rows in another order, then with a row inserted: each
    row one line, the reruns writing nothing but the inserted row."""
    with tempfile.TemporaryDirectory() as tmp:
        fifo, output = Path(tmp).resolve() / "feed.jsonl", Path(tmp) / "out.jsonl"
        os.mkfifo(fifo)
        rows = rows_of(table, str(fifo))
        first = through_fifo(fifo, jsonl(reordered(rows, seeds[0], insert=False)), output, engine)
        assert first.exit_code == 0
        assert len(texts_by_id(output)) == len(rows), texts_by_id(output)
        again = through_fifo(fifo, jsonl(reordered(rows, seeds[1], insert=False)), output, engine)
        assert (again.documents, again.exit_code) == (0, 0), texts_by_id(output)
        assert len(texts_by_id(output)) == len(rows), texts_by_id(output)
        more = through_fifo(fifo, jsonl(reordered(rows, seeds[0], insert=True)), output, engine)
        assert (more.documents, more.exit_code) == (1, 0), texts_by_id(output)
        assert len(texts_by_id(output)) == len(rows) + 1, texts_by_id(output)


def test_piped_rows_reordered_keep_one_line_each(tmp_path: Path, server: FakeOpenAI) -> None:
    """The prober's case through the command: a row stating the name an id-less row's text
    takes on stdin, piped in both orders: two lines, and the second run sends nothing."""
    first = {"text": TEXTS[0]}
    stating = {"id": f"/dev/stdin#{digest(TEXTS[0])[:12]}", "text": OTHER[1]}
    output = tmp_path / "out.jsonl"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("EXTRACTOR_", "OPENAI_"))}
    command = [sys.executable, "-m", "extractor", "bulk", "-", "-o", str(output), "--model",
               "openai/fake-model", "--base-url", server.base_url, "--strategy", "single",
               "--progress", "none"]  # fmt: skip
    sent = []
    for order in ([first, stating], [stating, first]):
        done = subprocess.run(
            command, input=jsonl(order), capture_output=True, env=env, timeout=120
        )
        assert done.returncode == 0, done.stderr.decode()
        sent.append(len(server.requests))
    assert sent[1] == sent[0], "the reordered rerun sent requests"
    assert sorted(texts_by_id(output).values()) == sorted([TEXTS[0], OTHER[1]])


@given(
    name=st.sampled_from(["/dev/stdin#0123456789ab", "/d/rows.jsonl#0123456789ab#2"]),
    times=st.integers(0, 3),
)
def test_a_made_name_that_gave_way_is_still_made(name: str, times: int) -> None:
    """``<name>@<name>`` (any number of times) is the id-less row's made name; an id a row
    states, given way to another file's (``<id>@<its file>``), is not."""
    assert made_name(name + f"@{name}" * times, name)
    assert not made_name(f"{name}@/d/other.jsonl", "/d/other.jsonl:3")
