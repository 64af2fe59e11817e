"""Every input row is one line under an identity that survives reruns (hostile round 59).

Two rows with the same text and no id are two input rows. ``extractor bulk`` named them
``<file>#<hash>`` and ``<file>#<hash>#2`` and wrote two lines; ``extract_rows`` gave both
rows one id (``sha256:<hash>``) and one line, so an analyst's count of rows and of lines
disagreed and the copy could never be told from the first. Both now name the n-th id-less
row of a text by one rule (:class:`~extractor.io.readers.ContentTurns`): the first under its
text's key, the n-th ``<key>#<n>`` (``extract_rows`` has no file: its key is
``sha256:<hash>``, the same hash's first digits). Generated here: rows drawn from a few texts,
with and without ids, titles and dates, run through both entry points twice, and bulk resumed
from an output cut short. Also: an input that cannot be read (a damaged zip member, a binary
file) beside one that can is its error line once; a rerun leaves it standing and exits 0.
"""

from __future__ import annotations

import hashlib
import io
import json
import tempfile
import zipfile
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor import Extractor
from extractor.bulk.runner import run_bulk
from extractor.integrations import rows as row_api
from tests.fakes.openai_server import LOOPBACK_ONLY, FakeOpenAI
from tests.test_python_api import SENTENCE

pytestmark = pytest.mark.block_network(allowed_hosts=LOOPBACK_ONLY)

SETTINGS = settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
WHEN = ["today", "yesterday", "on Monday", "last week"]
TEXTS = [SENTENCE.format(when=when) for when in WHEN] + [
    "The city council discussed the budget for next year and adjourned."
]
#: an id-less row: a text, perhaps a title or a date (the same text under another title is
#: still that text's next row); an explicit row: its id names its text, so a repeat is one
ID_LESS = st.builds(
    lambda t, title, day: {"text": TEXTS[t], **title, **day},
    st.integers(0, len(TEXTS) - 1),
    st.sampled_from([{}, {"title": "A title"}]),
    st.sampled_from([{}, {"published": "2024-01-02"}]),
)
EXPLICIT = st.integers(0, len(TEXTS) - 1).map(lambda t: {"id": f"n{t}", "text": TEXTS[t]})
ROWS = st.lists(st.one_of(ID_LESS, ID_LESS, EXPLICIT), min_size=1, max_size=7)


@pytest.fixture(scope="module")
def server(model_server: FakeOpenAI) -> FakeOpenAI:
    return model_server


@pytest.fixture(scope="module")
def engine(model_engine: Extractor) -> Extractor:
    return model_engine


def digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def turns(rows: list[dict[str, Any]]) -> list[str]:
    """Each row's name after its key, as a data engineer counts them: ``""`` for a row with
    an id or the first id-less row of a text, ``#<n>`` for the n-th id-less row of it."""
    seen: Counter[str] = Counter()
    out = []
    for row in rows:
        if "id" in row:
            out.append("")
            continue
        seen[row["text"]] += 1
        out.append("" if seen[row["text"]] == 1 else f"#{seen[row['text']]}")
    return out


def expected_bulk_ids(rows: list[dict[str, Any]], file: Path) -> set[str]:
    return {
        row["id"] if "id" in row else f"{file}#{digest(row['text'])[:12]}{turn}"
        for row, turn in zip(rows, turns(rows), strict=True)
    }


def expected_row_ids(rows: list[dict[str, Any]]) -> list[str]:
    return [
        row["id"] if "id" in row else f"sha256:{digest(row['text'])[:16]}{turn}"
        for row, turn in zip(rows, turns(rows), strict=True)
    ]


def bulk_lines(output: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]


@SETTINGS
@given(rows=ROWS)
def test_extract_rows_names_each_id_less_row_as_bulk_does(
    engine: Extractor, rows: list[dict[str, Any]]
) -> None:
    """One result per row, each id-less row under its own name (its text's turn), the same
    in a rerun; no two rows' records share a record id unless the rows share a doc_id."""
    first = row_api.extract_rows(rows, extractor=engine)
    again = row_api.extract_rows(rows, extractor=engine)
    names = [result["doc_id"] for result in first]
    assert names == expected_row_ids(rows), (rows, names)
    assert [result["doc_id"] for result in again] == names
    owners: dict[str, str] = {}
    for result in first:
        line = json.loads(result["line"])
        assert line["doc_id"] == result["doc_id"] and result["status"] == "ok", line
        for record in line["records"]:
            assert record["doc_id"] == result["doc_id"]
            assert owners.setdefault(record["id"], result["doc_id"]) == result["doc_id"]


@SETTINGS
@given(rows=ROWS, cut=st.integers(0, 7))
def test_bulk_and_rows_agree_and_a_resumed_run_loses_and_redoes_nothing(
    server: FakeOpenAI, engine: Extractor, rows: list[dict[str, Any]], cut: int
) -> None:
    """Bulk writes one line per id-less row and per distinct explicit id, under the names
    ``extract_rows`` gives (after the file's name, the same hash's digits and the same
    turn); a rerun writes nothing; a run killed after ``cut`` lines, resumed, asks only for
    the lines it lost and ends with every name once."""
    with tempfile.TemporaryDirectory() as tmp:
        file = Path(tmp).resolve() / "rows.jsonl"
        file.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
        output = Path(tmp) / "out.jsonl"
        summary = run_bulk([str(file)], output, extractor=engine)
        assert summary.exit_code == 0
        lines = bulk_lines(output)
        names = [line["doc_id"] for line in lines]
        expected = expected_bulk_ids(rows, file)
        assert sorted(names) == sorted(expected), (rows, names)  # each exactly once
        by_rows = {
            name.removeprefix("sha256:")[:12] + name[len("sha256:") + 16 :]
            if name.startswith("sha256:")
            else name
            for name in expected_row_ids(rows)
        }
        assert {name.removeprefix(f"{file}#") for name in names} == by_rows
        summary = run_bulk([str(file)], output, extractor=engine)
        assert (summary.documents, summary.exit_code) == (0, 0)
        assert bulk_lines(output) == lines
        kept = lines[: min(cut, len(lines))]
        output.write_text("".join(json.dumps(line) + "\n" for line in kept), encoding="utf-8")
        before = len(server.requests)
        summary = run_bulk([str(file)], output, extractor=engine)
        asked = sum(line["calls"] for line in lines[len(kept) :])
        assert summary.documents == len(lines) - len(kept)
        assert len(server.requests) - before == asked
        assert sorted(line["doc_id"] for line in bulk_lines(output)) == sorted(expected)


def damaged_zip(members: list[str]) -> bytes:
    """A zip of ``members`` (texts) and one member, ``bad.txt``, whose bytes are damaged."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for number, text in enumerate(members):
            archive.writestr(f"m{number}.txt", text)
        archive.writestr("bad.txt", TEXTS[0] * 20)
    data = bytearray(buffer.getvalue())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        info = archive.getinfo("bad.txt")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for at in range(start + 2, start + 12):
        data[at] ^= 0xFF
    return bytes(data)


@settings(SETTINGS, max_examples=6)
@given(members=st.lists(st.sampled_from(TEXTS), min_size=1, max_size=3, unique=True),
       binary=st.binary(min_size=8, max_size=40).map(lambda b: b"\x00\x01" + b))  # fmt: skip
def test_an_unreadable_input_is_its_error_line_once_and_a_rerun_exits_0(
    engine: Extractor, members: list[str], binary: bytes
) -> None:
    """The README's exit codes: 1 when a line the run wrote failed; an earlier error line
    left as it is (an input error met again) is standing, exit 0, never written again."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp).resolve()
        (folder / "a.zip").write_bytes(damaged_zip(members))
        (folder / "b.bin.txt").write_bytes(binary)
        inputs, output = [str(folder / "a.zip"), str(folder / "b.bin.txt")], folder / "o.jsonl"
        summary = run_bulk(inputs, output, extractor=engine)
        assert summary.exit_code == 1
        lines = bulk_lines(output)
        failed = sorted(line["doc_id"] for line in lines if line["status"] == "error")
        assert failed == sorted([f"{folder}/a.zip!bad.txt", f"{folder}/b.bin.txt"])
        assert len(lines) == len(members) + 2
        for _ in range(2):
            summary = run_bulk(inputs, output, extractor=engine)
            assert (summary.exit_code, summary.documents, summary.standing_inputs) == (0, 0, 2)
            assert bulk_lines(output) == lines
