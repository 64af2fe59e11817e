"""A row's own id is its own in every order of the rows (hostile round 60).

Bulk names a JSONL or CSV file's id-less rows by their text, ``<file>#<hash>`` and the n-th
copy ``<file>#<hash>#<n>`` (:class:`~extractor.io.readers.ContentTurns`). A row may state an
id that spells such a name. Read after the copy, it lost its id (``<id>@<file>``); read
before, the copy became ``<name>@<name>``: the ids depended on the rows' order. The ids a
file's rows state are now reserved before any id-less row is named, so the copy skips them
(the next turn) in every order, as ``extract_rows`` (which has every row) does. Generated
here: id-less copies of a few texts, hostile rows stating the names those copies would take
(with ids of other JSON types beside them), shuffled, through bulk (JSONL and CSV) and
``extract_rows``; a run resumed from an output the earlier rule wrote writes nothing new.
Also: flatten names the doc ids and record ids that differ only in Unicode composition.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import random
import tempfile
import unicodedata
import warnings
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor import Extractor
from extractor.bulk.runner import run_bulk
from extractor.export.flatten import FlattenSummary, _Rows, _specs, result_rows, table_columns
from extractor.integrations import rows as row_api
from extractor.io import readers
from tests.fakes.openai_server import LOOPBACK_ONLY, FakeOpenAI
from tests.test_python_api import SENTENCE

pytestmark = pytest.mark.block_network(allowed_hosts=LOOPBACK_ONLY)

SETTINGS = settings(
    max_examples=5, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
WHEN = ["today", "yesterday", "on Monday"]
TEXTS = [SENTENCE.format(when=when) for when in WHEN]
#: texts only hostile rows carry: a stated id names another text than the one it spells
OTHER = [
    "The council met on Friday and adjourned.",
    "Le conseil s'est réuni vendredi.",
    "Der Rat tagte am Freitag.",
]
#: rows of other JSON id types beside them: each its own id, never a made name
ODD_IDS: list[Any] = [7, 2.0, "x#2", "n0", 10**20]


def digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


#: a table: id-less copies (text index, count), hostile ids (text index spelt, turn, text
#: index carried), odd ids, and the seed of the order the rows are written in
TABLE = st.tuples(
    st.lists(st.tuples(st.integers(0, 2), st.integers(1, 3)), min_size=1, max_size=3),
    st.lists(
        st.tuples(st.integers(0, 2), st.integers(1, 4), st.integers(0, 2)),
        min_size=1,
        max_size=3,
        unique_by=lambda hostile: hostile[:2],
    ),
    st.lists(st.sampled_from(range(len(ODD_IDS))), max_size=2, unique=True),
    st.integers(0, 2**32),
)


def table_rows(table: Any, name: Any) -> list[dict[str, Any]]:
    """The rows of ``table``, a hostile row's id made by ``name(text, turn)``, shuffled."""
    copies, hostile, odd, seed = table
    rows: list[dict[str, Any]] = [
        {"text": TEXTS[text]} for text, count in copies for _ in range(count)
    ]
    rows += [{"id": name(TEXTS[spelt], turn), "text": OTHER[own]} for spelt, turn, own in hostile]
    rows += [{"id": ODD_IDS[at], "text": OTHER[at % len(OTHER)]} for at in odd]
    random.Random(seed).shuffle(rows)
    return rows


def bulk_name(file: Path) -> Any:
    def name(text: str, turn: int) -> str:
        return f"{file}#{digest(text)[:12]}" + (f"#{turn}" if turn > 1 else "")

    return name


def row_name(text: str, turn: int) -> str:
    return f"sha256:{digest(text)[:16]}" + (f"#{turn}" if turn > 1 else "")


def stated(row: dict[str, Any]) -> str:
    given = row["id"]
    return str(given) if not isinstance(given, float) else str(int(given))


@pytest.fixture(scope="module")
def server(model_server: FakeOpenAI) -> FakeOpenAI:
    return model_server


@pytest.fixture(scope="module")
def engine(model_engine: Extractor) -> Extractor:
    return model_engine


def lines_of(output: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]


def write(file: Path, rows: list[dict[str, Any]]) -> None:
    if file.suffix == ".jsonl":
        file.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
        return
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["id", "text"])
    writer.writerows([[stated(row) if "id" in row else "", row["text"]] for row in rows])
    file.write_text(buffer.getvalue(), encoding="utf-8")


def id_less_names(names: list[str], prefix: str) -> Counter[tuple[str, str]]:
    """The made names as (the text's first 12 hash digits, the turn ``#<n>`` or ``""``),
    counted: what both entry points must agree on (their prefixes differ)."""
    out: Counter[tuple[str, str]] = Counter()
    for name in names:
        key, mark, turn = name.removeprefix(prefix).partition("#")
        out[(key[:12], mark + turn)] += 1
    return out


@SETTINGS
@given(table=TABLE, suffix=st.sampled_from([".jsonl", ".csv"]))
def test_bulk_keeps_every_stated_id_in_every_order(
    engine: Extractor, table: Any, suffix: str
) -> None:
    """Each row one line; each row stating an id under that id, in two orders of the same
    rows; the set of names the same in both; a rerun writes nothing."""
    with tempfile.TemporaryDirectory() as tmp:
        file = Path(tmp).resolve() / f"rows{suffix}"
        name = bulk_name(file)
        rows = table_rows(table, name)
        seen: list[set[str]] = []
        for seed in (0, 1):
            order = list(rows)
            random.Random(seed).shuffle(order)
            write(file, order)
            output = Path(tmp) / f"out{seed}.jsonl"
            assert run_bulk([str(file)], output, extractor=engine).exit_code == 0
            lines = lines_of(output)
            names = [line["doc_id"] for line in lines]
            assert len(names) == len(rows) == len(set(names)), (order, names)
            for row in order:
                if "id" in row:
                    assert stated(row) in names, (order, names)
            assert not any("@" in name for name in names), (order, names)
            seen.append(set(names))
            summary = run_bulk([str(file)], output, extractor=engine)
            assert (summary.documents, summary.exit_code) == (0, 0)
        assert seen[0] == seen[1], rows


@SETTINGS
@given(table=TABLE)
def test_extract_rows_and_bulk_name_the_copies_alike(engine: Extractor, table: Any) -> None:
    """The same rows, hostile ids spelt for each entry point (a later copy's name: the
    first turn's spelt only in bulk, see below), give the id-less rows the same turns."""
    copies, hostile, odd, seed = table
    later = [entry for entry in hostile if entry[1] > 1] or [(0, 2, 0)]
    table = (copies, later, odd, seed)
    given_rows = table_rows(table, row_name)
    results = row_api.extract_rows(given_rows, extractor=engine)
    row_names = [r["doc_id"] for r in results]
    for row, result in zip(given_rows, results, strict=True):
        assert result["status"] == "ok", result
        if "id" in row:
            assert result["doc_id"] == stated(row), (given_rows, row_names)
    with tempfile.TemporaryDirectory() as tmp:
        file = Path(tmp).resolve() / "rows.jsonl"
        write(file, table_rows(table, bulk_name(file)))
        output = Path(tmp) / "out.jsonl"
        run_bulk([str(file)], output, extractor=engine)
        bulk_names = [line["doc_id"] for line in lines_of(output)]
    made = [n for n, row in zip(row_names, given_rows, strict=True) if "id" not in row]
    bulk_made = [n for n in bulk_names if n.startswith(f"{file}#")]
    hostile_bulk = {bulk_name(file)(TEXTS[s], t) for s, t, _ in later}
    bulk_made = [n for n in bulk_made if n not in hostile_bulk]
    assert id_less_names(made, "sha256:") == id_less_names(bulk_made, f"{file}#"), (
        made, bulk_made,
    )  # fmt: skip


@settings(SETTINGS, max_examples=4)
@given(table=TABLE)
def test_ordinary_rows_keep_the_names_an_earlier_run_wrote(
    engine: Extractor, table: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Rows no id of which spells a made name (copies, ids of every JSON type) are named as
    the rule before reservations named them: an output an earlier run wrote is this run's
    own, and a rerun writes no line."""
    copies, _, odd, seed = table
    with tempfile.TemporaryDirectory() as tmp:
        file = Path(tmp).resolve() / "rows.jsonl"
        write(file, table_rows((copies, [], odd, seed), bulk_name(file)))
        output = Path(tmp) / "out.jsonl"
        with monkeypatch.context() as patch:
            patch.setattr(readers, "_stated_keys", lambda *_: frozenset(), raising=False)
            assert run_bulk([str(file)], output, extractor=engine).exit_code == 0
        before = lines_of(output)
        summary = run_bulk([str(file)], output, extractor=engine)
        assert (summary.documents, summary.exit_code) == (0, 0)
        assert lines_of(output) == before


# ------------------------------------------------------------------ flatten

WORDS = ["é", "Åsa", "ñandú", "Ελληνικά", "ễ", "Zoë"]


def record(record_id: str, killed: int) -> dict[str, Any]:
    return {
        "type": "casualty_report", "id": record_id, "doc_id": "d", "country": "NGA",
        "killed": {"low": killed, "best": killed, "high": None, "qualifier": "exact",
                   "text": str(killed)},
        "evidence": {"quote": "x", "start": 0, "end": 1},
    }  # fmt: skip


@settings(max_examples=40, deadline=None)
@given(
    word=st.sampled_from(WORDS),
    where=st.sampled_from(["doc", "record"]),
    filler=st.lists(st.sampled_from(["a", "b7", "Ωmega", "ß"]), max_size=3, unique=True),
)
def test_flatten_names_ids_written_two_ways(word: str, where: str, filler: list[str]) -> None:
    """Ids that differ only in composition stay two ids, as written, and one warning names
    them; ids that differ otherwise are said nothing of."""
    composed, decomposed = (unicodedata.normalize(form, word) for form in ("NFC", "NFD"))
    assert composed != decomposed
    plain = [{"doc_id": f"doc-{w}", "status": "ok", "text": "x y",
              "records": [record(f"r-{w}", 1)]} for w in filler]  # fmt: skip
    if where == "doc":
        twins = [{"doc_id": f"doc-{form}", "status": "ok", "text": "x y",
                  "records": [record(f"r{n}", 1)]}
                 for n, form in enumerate((composed, decomposed))]  # fmt: skip
    else:
        twins = [{"doc_id": "doc", "status": "ok", "text": "x y",
                  "records": [record(f"r-{composed}", 1), record(f"r-{decomposed}", 2)]}]  # fmt: skip
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        rows = result_rows([*plain, *twins])
    said = [str(w.message) for w in caught if "composition" in str(w.message)]
    assert len(said) == 1, [str(w.message) for w in caught]
    assert ascii(composed)[1:-1] in said[0] and ascii(decomposed)[1:-1] in said[0]
    key = "doc_id" if where == "doc" else "record_id"
    assert {f"{'doc' if where == 'doc' else 'r'}-{composed}",
            f"{'doc' if where == 'doc' else 'r'}-{decomposed}"} <= {
        row[key] for row in rows["events"]}  # fmt: skip
    summary = FlattenSummary()
    flat = _Rows(table_columns(), _specs(), summary)
    for line in [*plain, *twins]:
        list(flat.of(line))
    assert sum("composition" in note for note in summary.warnings()) == 1
    quiet = FlattenSummary()
    flat = _Rows(table_columns(), _specs(), quiet)
    for line in [*plain, twins[0]] if where == "doc" else plain:
        list(flat.of(line))
    assert not any("composition" in note for note in quiet.warnings())
