"""A line rewritten without a model call is never counted as "changed (extracted again)".

A hostile tester's case: ``{"id": "d", ...}`` twice in ``r.jsonl`` gives ``d`` and the
error line ``d#duplicate-2`` ("duplicate id (first seen in .../r.jsonl:1)"); a row inserted
above them, or the folder renamed, moved where the first ``d`` sits, so the failure's
reason read otherwise and the plan took the line for a changed input: rewritten with no
call, and counted ``1 changed (extracted again)`` by the run and by the dry run alike. So
were error lines whose reason says ``line N:`` (a row that is no JSON, an id of a kind no id
can be). A failure that only moved is the same failure (see
:func:`extractor.bulk.runner.placeless`): its line stands, unchanged.

Invariants, over generated JSONL files (ids repeated, rows that are no JSON, rows with an id
no id can be, a null text) and mutations between runs (rows inserted, removed, edited, the
folder and the file renamed):

* ``changed`` is the number of ids whose current text differs from their line's;
* ``new`` is the number of ids that had no line before;
* the model is asked once per new or changed document, and for nothing else;
* the dry run (:func:`~extractor.bulk.estimate.estimate_run`) says the run's counts.
"""

from __future__ import annotations

import itertools
import json
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from extractor.bulk.estimate import estimate_run
from extractor.bulk.runner import placeless, run_bulk
from extractor.io.output import latest_lines
from extractor.pipeline.engine import Extractor
from tests.fakes.kano import kano
from tests.fakes.openai_server import LOOPBACK_ONLY, FakeOpenAI

pytestmark = pytest.mark.block_network(allowed_hosts=LOOPBACK_ONLY)

HYPOTHESIS = settings(
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


#: A row: ("doc", id, text number), ("null", id) (its text is null: an error line under the
#: id), ("broken", n) (no JSON: an error line keyed by content, "line N: ..."), or
#: ("bool", n) (``"id": true``: "line N: field 'id' must be ...").
Row = tuple[str, Any, int]
IDS = st.sampled_from(["a", "b", "c", "d"])


def rows_of(draw: st.DrawFn, fresh: Iterator[int]) -> Row:
    kind = draw(st.sampled_from(["doc", "doc", "doc", "null", "broken", "bool"]))
    return (kind, draw(IDS), next(fresh))


def render(row: Row) -> str:
    kind, doc_id, number = row
    if kind == "doc":
        return json.dumps({"id": doc_id, "text": kano(number)})
    if kind == "null":
        return json.dumps({"id": doc_id, "text": None})
    if kind == "broken":
        return "{broken " + str(number)
    return json.dumps({"id": True, "text": kano(number)})


@st.composite
def histories(draw: st.DrawFn) -> tuple[list[Row], list[tuple[str, int, Row]]]:
    """A first file's rows and the mutations made before each rerun: (what, where, row)."""
    fresh = itertools.count(10)
    first = [rows_of(draw, fresh) for _ in range(draw(st.integers(1, 6)))]
    steps = []
    for _ in range(draw(st.integers(1, 4))):
        what = draw(st.sampled_from(["insert", "insert", "remove", "edit", "folder", "file"]))
        steps.append((what, draw(st.integers(0, 10)), rows_of(draw, fresh)))
    return first, steps


def mutate(rows: list[Row], what: str, where: int, row: Row) -> list[Row]:
    rows = list(rows)
    at = where % (len(rows) + (what == "insert")) if rows or what == "insert" else 0
    if what == "insert":
        rows.insert(at, row)
    elif what == "remove" and len(rows) > 1:
        del rows[at]
    elif what == "edit" and rows[at][0] == "doc":
        rows[at] = ("doc", rows[at][1], row[2])  # the same id, another text
    return rows


def texts_by_id(rows: list[Row]) -> dict[str, str | None]:
    """Each explicit id's document text: its first row's (None for a null text)."""
    texts: dict[str, str | None] = {}
    for kind, doc_id, number in rows:
        if kind in ("doc", "null"):
            texts.setdefault(doc_id, kano(number) if kind == "doc" else None)
    return texts


def copies_of(rows: list[Row]) -> set[str]:
    """The ids of the error lines of ids given again: ``<id>#duplicate-<n>``."""
    seen: dict[str, int] = {}
    for kind, doc_id, _ in rows:
        if kind in ("doc", "null"):
            seen[doc_id] = seen.get(doc_id, 0) + 1
    return {
        f"{doc_id}#duplicate-{n}" for doc_id, count in seen.items() for n in range(2, count + 1)
    }


def changed_ids(before: dict[str, dict[str, Any]], rows: list[Row]) -> tuple[set[str], set[str]]:
    """(ids whose input really changed, those of them to extract): an id with a line whose
    text differs, or whose line says its input was gone (a ``skipped`` line: a removed
    copy's "no longer in" the file), and that input is there again."""
    texts = texts_by_id(rows)
    there: dict[str, str | None] = {**dict.fromkeys(copies_of(rows)), **texts}
    changed = {
        doc_id
        for doc_id, text in there.items()
        if doc_id in before
        and (before[doc_id]["status"] == "skipped" or before[doc_id]["text"] != text)
    }
    return changed, {doc_id for doc_id in changed if there[doc_id] is not None}


def winners(out: Path) -> dict[str, dict[str, Any]]:
    return {line["doc_id"]: line for line in latest_lines(out)} if out.exists() else {}


def check_run(
    fake: FakeOpenAI, extractor: Extractor, inputs: list[str], out: Path, rows: list[Row]
) -> None:
    before = winners(out)
    changed, to_extract = changed_ids(before, rows)
    options: dict[str, Any] = {"model": "openai/fake-model", "base_url": fake.base_url,
                               "strategy": "single", "max_retries": 0}  # fmt: skip
    plan = estimate_run(inputs, out, extractor=extractor)
    asked = len(fake.requests)
    summary = run_bulk(inputs, out, **options)
    after = winners(out)
    new_ids = set(after) - set(before)
    assert summary.changed == len(changed), (summary.to_dict(), changed, rows)
    assert summary.new == len(new_ids), (summary.to_dict(), new_ids, rows)
    extracted = sum(after[i]["status"] == "ok" for i in new_ids) + len(to_extract)
    assert len(fake.requests) - asked == extracted, summary.to_dict()
    assert f"{summary.changed - summary.changed_not_read:,} changed (extracted again)" in (
        summary.render()
    )
    said = plan.to_dict()
    run = summary.to_dict()
    for key in ("new", "changed", "unchanged", "repeated", "not_read", "forgotten"):
        assert said[key] == run[key], (key, said, run, rows)
    assert (said["lines"], said["to_extract"], said["failures"]) == (
        run["documents"], run["ok"], run["errors"]
    )  # fmt: skip


@settings(HYPOTHESIS, max_examples=25)
@given(history=histories())
@example(  # the hostile tester's: a row inserted above an id given twice, then a move
    history=(
        [("doc", "d", 1), ("doc", "d", 2)],
        [("insert", 0, ("doc", "z", 3)), ("folder", 0, ("doc", "a", 4))],
    )
)
@example(  # an id-less failure ("line 2: not valid JSON") pushed down a line
    history=([("doc", "a", 1), ("broken", "a", 2)], [("insert", 0, ("doc", "b", 3))])
)
def test_only_new_and_changed_texts_are_counted_and_the_dry_run_agrees(
    fake: FakeOpenAI, history: tuple[list[Row], list[tuple[str, int, Row]]]
) -> None:
    rows, steps = history
    with (
        tempfile.TemporaryDirectory() as tmp,
        Extractor("openai/fake-model", base_url=fake.base_url, strategy="single") as extractor,
    ):
        folders = itertools.cycle([Path(tmp) / "one", Path(tmp) / "two"])
        names = itertools.cycle(["r.jsonl", "s.jsonl"])
        folder, name = next(folders), next(names)
        folder.mkdir()
        out = Path(tmp) / "out.jsonl"

        def write_and_run() -> None:
            (folder / name).write_text("".join(render(row) + "\n" for row in rows))
            check_run(fake, extractor, [str(folder / name)], out, rows)

        write_and_run()
        for what, where, row in steps:
            if what == "folder":
                moved = next(folders)
                folder.rename(moved)
                folder = moved
            elif what == "file":
                renamed = next(names)
                (folder / name).rename(folder / renamed)
                name = renamed
            rows = mutate(rows, what, where, row)
            write_and_run()


@given(
    reason=st.sampled_from([
        "duplicate id (first seen in {file}:{n}): this copy was not extracted",
        "line {n}: not valid JSON (Expecting value at column 1)",
        "lines {n}-{m} longer than the size cap",
        "cannot read {folder}/other.jsonl",
    ]),
    places=st.lists(st.tuples(st.sampled_from(["/d/one", "/d/two/sub"]),
                              st.sampled_from(["r.jsonl", "s.jsonl"]),
                              st.integers(1, 99), st.integers(1, 99)),
                    min_size=2, max_size=2),
)  # fmt: skip
@HYPOTHESIS
def test_a_reason_is_the_same_wherever_its_input_sits(
    reason: str, places: list[tuple[str, str, int, int]]
) -> None:
    """:func:`placeless`: a reason read at two places (folders, files, line numbers) is one
    reason; two reasons that differ other than in places stay two."""
    said = []
    for folder, name, n, m in places:
        file = f"{folder}/{name}"
        text = reason.format(file=file, folder=folder, n=n, m=m)
        said.append(placeless(text, f"{file}:{n + m}"))
    assert said[0] == said[1]
    other = placeless("line 3: field 'text' is null", "/d/one/r.jsonl:3")
    assert other != placeless("line 3: field 'text' is empty", "/d/one/r.jsonl:3")
