"""Bulk resume, round 54: a rerun counts what it did, and the dry run says the same.

Over corpora built here (seeded files: Kano reports, empty files, a table with repeated
ids) and the in-thread fake OpenAI server:

* ``--retry-errors`` over an output holding *input* error lines (an empty file, a
  repeated id's ``#duplicate-N`` copy) asks again only the documents that have a text:
  an input that fails as before has nothing to ask, so its line is left as it is (it
  was rewritten, the same error again, and counted "redone: error lines retried" for
  an extraction that never happened; the dry run promised the same phantom redo);
* a document ``--forget-unseen`` forgot (its line superseded by a ``skipped`` line)
  that comes back is extracted as ``new`` (its result is not in the output's tables),
  never "changed": its forgotten line holds no text that could have changed;
* the dry run refuses the output given among the inputs (a symlink, a hard link, another
  spelling) with the run's own line, instead of planning a run that never starts.
"""

from __future__ import annotations

import json
import random
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from extractor.bulk.estimate import estimate_run
from extractor.bulk.runner import BulkSummary, run_bulk
from extractor.io.output import latest_lines
from extractor.pipeline.engine import Extractor
from tests.fakes.kano import casualty_responder, kano
from tests.fakes.openai_server import LOOPBACK_ONLY, FakeOpenAI

pytestmark = pytest.mark.block_network(allowed_hosts=LOOPBACK_ONLY)

HYPOTHESIS = settings(
    deadline=None,
    database=None,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


class Switch:
    """A responder that answers garbage (a model failure) while ``broken`` is set."""

    def __init__(self) -> None:
        self.broken = False

    def __call__(self, body: dict[str, Any]) -> str:
        return "not json at all" if self.broken else casualty_responder(body)


@pytest.fixture(scope="module")
def switch() -> Switch:
    return Switch()


@pytest.fixture(scope="module")
def fake(switch: Switch) -> Iterator[FakeOpenAI]:
    with FakeOpenAI(switch) as server:
        yield server


def options_of(fake: FakeOpenAI) -> dict[str, Any]:
    return {"model": "openai/fake-model", "base_url": fake.base_url, "max_retries": 0,
            "strategy": "single"}  # fmt: skip


def run(fake: FakeOpenAI, inputs: list[Path], out: Path, **asked: Any) -> BulkSummary:
    return run_bulk([str(path) for path in inputs], out, **options_of(fake), **asked)


def dry_run(fake: FakeOpenAI, inputs: list[Path], out: Path, **asked: Any) -> dict[str, Any]:
    extractor = Extractor(**options_of(fake))
    try:
        return estimate_run([str(p) for p in inputs], out, extractor=extractor, **asked).to_dict()
    finally:
        extractor.close()


def agree(said: dict[str, Any], summary: BulkSummary) -> None:
    """The dry run's plan is what the run then did, count for count."""
    done = summary.to_dict()
    for key in ("new", "changed", "unchanged", "repeated", "not_read", "forgotten"):
        assert said[key] == done[key], (key, said, done)
    assert said["redone_by_reason"] == done["redone"], (said, done)
    assert (said["lines"], said["to_extract"], said["failures"]) == (
        done["documents"], done["ok"], done["errors"]
    )  # fmt: skip


def build(rnd: random.Random, folder: Path) -> tuple[list[Path], int, int]:
    """A folder of Kano reports and empty files, and a table whose ids repeat: (inputs,
    documents with a text, input failures)."""
    folder.mkdir()
    documents = failures = 0
    figures = iter(rnd.sample(range(2, 99_999), 12))
    for n in range(rnd.randint(1, 4)):
        (folder / f"doc{n}.txt").write_text(kano(next(figures)))
        documents += 1
    for n in range(rnd.randint(0 if documents else 1, 3)):
        (folder / f"empty{n}.txt").write_text(rnd.choice(["", "  \n", "\n\n"]))
        failures += 1
    table = folder.parent / "rows.jsonl"
    ids = [rnd.choice("abc") for _ in range(rnd.randint(1, 5))]
    rows = []
    for doc_id in ids:
        rows.append(json.dumps({"id": doc_id, "text": kano(next(figures))}) + "\n")
    table.write_text("".join(rows))
    documents += len(set(ids))
    failures += len(ids) - len(set(ids))  # each later copy: <id>#duplicate-N
    return [folder, table], documents, failures


@settings(HYPOTHESIS, max_examples=6)
@given(seed=st.integers(0, 2**16), model_failed=st.booleans())
def test_retry_errors_asks_only_what_has_a_text(
    fake: FakeOpenAI, switch: Switch, seed: int, model_failed: bool
) -> None:
    """Input errors (empty files, repeated ids) and, drawn, model failures of every
    document; then ``--retry-errors`` with a healthy server. Only the model failures are
    redone; each input error's line stays the one line it was (before: rewritten and
    counted "redone: error lines retried", with no extraction behind it), and the dry
    run says exactly what the run does."""
    rnd = random.Random(seed)
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp).resolve()
        inputs, documents, failures = build(rnd, base / "in")
        out = base / "out.jsonl"
        switch.broken = model_failed
        try:
            first = run(fake, inputs, out)
        finally:
            switch.broken = False
        assert first.errors == failures + documents * model_failed, first.to_dict()
        before = out.read_bytes()
        said = dry_run(fake, inputs, out, retry_errors=True)
        asked = len(fake.requests)
        summary = run(fake, inputs, out, retry_errors=True)
        agree(said, summary)
        retried = documents if model_failed else 0
        assert dict(summary.redone) == ({"error lines retried": retried} if retried else {})
        assert summary.documents == retried == summary.ok
        assert summary.unchanged == failures + documents - retried
        # the input errors stand, and the summary does not send the user to --retry-errors
        assert summary.standing == summary.standing_inputs == failures
        assert "--retry-errors to ask again" not in summary.render()
        # an input error met again as before stands, with --retry-errors too: exit 0, so
        # that a loop rerunning until exit 0 ends (the summary counts it, to be mended)
        assert summary.exit_code == 0
        assert (len(fake.requests) > asked) == bool(retried)
        lines = out.read_bytes()
        assert lines[: len(before)] == before  # nothing rewritten in place
        added = [json.loads(line) for line in lines[len(before) :].splitlines()]
        assert all(line["status"] == "ok" for line in added), added
        winners = list(latest_lines(out))
        assert len(winners) == documents + failures
        assert sum(line["status"] == "error" for line in winners) == failures


@settings(HYPOTHESIS, max_examples=5)
@given(seed=st.integers(0, 2**16), edit=st.booleans())
def test_a_forgotten_document_that_comes_back_is_new(
    fake: FakeOpenAI, seed: int, edit: bool
) -> None:
    """Files moved out, a run with ``--forget-unseen`` (their lines superseded by
    ``skipped`` lines), the files moved back (drawn: one edited meanwhile): they are
    extracted again and counted ``new``, as their ids have no result in the output
    (before: "changed (extracted again)", an edit that never was); the dry run agrees."""
    rnd = random.Random(seed)
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp).resolve()
        folder, away, out = base / "in", base / "away", base / "out.jsonl"
        folder.mkdir()
        away.mkdir()
        figures = rnd.sample(range(2, 99_999), 6)
        count = rnd.randint(2, 5)
        for n in range(count):
            (folder / f"doc{n}.txt").write_text(kano(figures[n]))
        run(fake, [folder], out)
        moved = rnd.sample(range(count), rnd.randint(1, count - 1))
        for n in moved:
            shutil.move(str(folder / f"doc{n}.txt"), str(away / f"doc{n}.txt"))
        assert run(fake, [folder], out, forget_unseen=True).forgotten == len(moved)
        for n in moved:
            shutil.move(str(away / f"doc{n}.txt"), str(folder / f"doc{n}.txt"))
        if edit:
            (folder / f"doc{moved[0]}.txt").write_text(kano(figures[-1]))
        said = dry_run(fake, [folder], out)
        summary = run(fake, [folder], out)
        agree(said, summary)
        assert (summary.new, summary.changed, summary.ok) == (len(moved), 0, len(moved))
        assert said["to_extract_by_reason"] == {"new": len(moved)}
        assert summary.unchanged == count - len(moved)
        winners = {line["doc_id"]: line for line in latest_lines(out)}
        assert len(winners) == count and all(w["status"] == "ok" for w in winners.values())


SPELLINGS = st.sampled_from(["symlink", "hardlink", "relative", "dotted", "itself"])


@settings(HYPOTHESIS, max_examples=6)
@given(seed=st.integers(0, 2**16), spelling=SPELLINGS, first=st.booleans())
def test_a_dry_run_refuses_the_output_given_as_an_input_as_the_run_does(
    fake: FakeOpenAI, seed: int, spelling: str, first: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The output named among the inputs under another spelling (a symlink, a hard link,
    a relative or dotted path): the run refuses it at once ("a run never reads its own
    output"), but the dry run planned it as an input, promising a run that never starts.
    Now both stop with the same line, and nothing is written or sent."""
    rnd = random.Random(seed)
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp).resolve()
        inputs, _, _ = build(rnd, base / "in")
        out = base / "out.jsonl"
        run(fake, inputs, out)
        monkeypatch.chdir(base)
        named: Path = {
            "symlink": base / "in" / "also.jsonl",
            "hardlink": base / "twin.jsonl",
            "relative": Path("out.jsonl"),
            "dotted": Path("in") / ".." / "out.jsonl",
            "itself": out,
        }[spelling]
        if spelling == "symlink":
            named.symlink_to(out)
        elif spelling == "hardlink":
            named.hardlink_to(out)
        given_inputs = [named, *inputs] if first else [*inputs, named]
        before, asked = out.read_bytes(), len(fake.requests)
        with pytest.raises(Exception) as planned:
            dry_run(fake, given_inputs, out)
        with pytest.raises(Exception) as ran:
            run(fake, given_inputs, out)
        assert "a run never reads its own output" in str(ran.value)
        assert (type(planned.value), str(planned.value)) == (type(ran.value), str(ran.value))
        assert out.read_bytes() == before and len(fake.requests) == asked


@settings(HYPOTHESIS, max_examples=6)
@given(
    seed=st.integers(0, 2**16),
    mended=st.booleans(),
    forget=st.booleans(),
    shuffled=st.booleans(),
)
def test_a_bad_row_gone_from_its_table_is_not_counted_forgotten(
    fake: FakeOpenAI, seed: int, mended: bool, forget: bool, shuffled: bool
) -> None:
    """A table with bad rows (not JSON), then the table without them (drawn: mended in
    place, or deleted; rows reordered): each bad row's error line is superseded by a
    ``skipped`` line ("no longer in" the file). That is no ``--forget-unseen`` at work:
    it was counted "forgotten" (the README: the lines ``--forget-unseen`` superseded) in
    runs never asked to forget; now it is counted ``gone``, apart, by the run and its
    dry run alike, and ``forgotten`` holds only what ``--forget-unseen`` did."""
    rnd = random.Random(seed)
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp).resolve()
        table, out = base / "rows.jsonl", base / "out.jsonl"
        figures = rnd.sample(range(2, 99_999), 8)
        good = [json.dumps({"id": f"g{n}", "text": kano(figures[n])}) for n in range(3)]
        bad = [f'{{"id": "b{n}", "text": "cut {figures[4 + n]}' for n in range(rnd.randint(1, 3))]
        rows = good + bad
        rnd.shuffle(rows)
        table.write_text("".join(row + "\n" for row in rows))
        first = run(fake, [table], out)
        assert (first.ok, first.errors) == (len(good), len(bad)), first.to_dict()
        then = list(good)
        if mended:  # the same rows, whole now: documents of their own
            then += [json.dumps({"id": f"b{n}", "text": kano(figures[4 + n])})
                     for n in range(len(bad))]  # fmt: skip
        if shuffled:
            rnd.shuffle(then)
        table.write_text("".join(row + "\n" for row in then))
        said = dry_run(fake, [table], out, forget_unseen=forget)
        summary = run(fake, [table], out, forget_unseen=forget)
        agree(said, summary)
        assert said["gone"] == summary.gone == len(bad), summary.to_dict()
        assert summary.forgotten == 0 and "forgotten" not in summary.render()
        assert summary.new == (len(bad) if mended else 0) and summary.changed == 0
        assert summary.documents == (summary.new + summary.changed + summary.forgotten
                                     + summary.gone + sum(summary.redone.values()))  # fmt: skip
        winners = list(latest_lines(out))
        assert sum(line["status"] == "skipped" for line in winners) == len(bad)
        assert sum(line["status"] == "ok" for line in winners) == len(then)
