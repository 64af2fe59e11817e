"""Resume identity, round 52: why a rerun pays again, said by the run and its dry run alike.

Over corpora built here (seeded ids, texts and file kinds, files listed in drawn orders)
and the in-thread fake OpenAI server:

* a line redone because this run asks otherwise names each option that differs
  (``asked differently: other --strategy``), never a fixed "types/model" that leaves the
  strategy or second looks unsaid;
* ``bulk --dry-run`` says how many documents it would extract and why (new, changed text,
  each redo reason), adding up to ``to_extract``, and the run then extracts exactly those;
* the same document (same id and text) in two files, in either order, and texts moved
  between files and containers across runs, are one line each, never extracted twice.
"""

from __future__ import annotations

import io
import json
import random
import tarfile
import tempfile
import zipfile
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from extractor.bulk.estimate import estimate_run
from extractor.bulk.runner import BulkSummary, run_bulk
from extractor.cli.bulk_cmd import render_estimate
from extractor.io.output import latest_lines
from extractor.pipeline.engine import Extractor
from extractor.types.registry import RECORD_TYPES
from tests.fakes.kano import kano
from tests.fakes.openai_server import LOOPBACK_ONLY, FakeOpenAI

pytestmark = pytest.mark.block_network(allowed_hosts=LOOPBACK_ONLY)

HYPOTHESIS = settings(
    deadline=None,
    database=None,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],  # a failing corpus is shown as drawn
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
KINDS = ("jsonl", "csv", "zip", "tar")


def options_of(fake: FakeOpenAI, asked: dict[str, Any]) -> dict[str, Any]:
    return {"model": "openai/fake-model", "base_url": fake.base_url, "strategy": "single",
            "max_retries": 0, **asked}  # fmt: skip


def run(fake: FakeOpenAI, inputs: list[Path], out: Path, **asked: Any) -> BulkSummary:
    return run_bulk([str(path) for path in inputs], out, **options_of(fake, asked))


def rows_text(rows: list[tuple[str, int]]) -> str:
    return "".join(json.dumps({"id": doc_id, "text": kano(n)}) + "\n" for doc_id, n in rows)


def write(path: Path, rows: list[tuple[str, int]]) -> None:
    """``rows`` (id, figure) as a table of the kind ``path``'s suffix names; a zip or tar
    holds them as one JSONL member."""
    kind = path.suffix[1:]
    if kind == "jsonl":
        path.write_text(rows_text(rows))
    elif kind == "csv":
        path.write_text("id,text\n" + "".join(f'{i},"{kano(n)}"\n' for i, n in rows))
    elif kind == "zip":
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("rows.jsonl", rows_text(rows))
    else:
        data = rows_text(rows).encode()
        with tarfile.open(path, "w") as archive:
            info = tarfile.TarInfo("rows.jsonl")
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))


def corpus(rnd: random.Random, folder: Path, docs: list[tuple[str, int]]) -> list[Path]:
    """The documents spread over 1-3 files of drawn kinds (each in one file at least)."""
    files = [folder / f"f{n}.{rnd.choice(KINDS)}" for n in range(rnd.randint(1, 3))]
    spread: list[list[tuple[str, int]]] = [[] for _ in files]
    for doc in docs:
        spread[rnd.randrange(len(files))].append(doc)
    for path, rows in zip(files, spread, strict=True):
        if path.exists():
            path.unlink()
        if rows:
            write(path, rows)
    return [path for path in files if path.exists()]


ASKINGS = st.fixed_dictionaries(
    {
        "types": st.sampled_from([None, ("casualty_report",), ("visit",)]),
        "strategy": st.sampled_from(["single", "per-type"]),
        "second_look": st.booleans(),
        "model": st.sampled_from(["openai/fake-model", "openai/other-model", "fake-model"]),
    }
)


def differing(first: dict[str, Any], then: dict[str, Any]) -> list[str]:
    """The options a line asked by ``first`` is asked otherwise by ``then``, in the order
    the reason names them."""
    named = []
    covered = first["types"]  # None: every type was asked, so every type is covered
    asked = then["types"] if then["types"] is not None else RECORD_TYPES  # None: every type
    if covered is not None and not set(asked) <= set(covered):
        named.append("--types")
    if then["model"].removeprefix("openai/") != first["model"].removeprefix("openai/"):
        named.append("--model")
    # one type asked each time: ``single`` sends what ``per-type`` does, no redo for that
    one_each = all(asking["types"] is not None and len(asking["types"]) == 1
                   for asking in (first, then))  # fmt: skip
    if then["strategy"] != first["strategy"] and not one_each:
        named.append("--strategy")
    if then["second_look"] != first["second_look"]:
        named.append("--second-look")
    return named


def asked_kwargs(asked: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in asked.items() if value is not None}


@settings(HYPOTHESIS, max_examples=8)
@given(first=ASKINGS, then=ASKINGS, seed=st.integers(0, 2**16))
def test_a_line_asked_differently_names_every_option_that_differs(
    fake: FakeOpenAI, first: dict[str, Any], then: dict[str, Any], seed: int
) -> None:
    """A rerun with other options redoes each line and says why by the options' names; the
    dry run before it says the same reasons for the same documents (before: every such
    line was "asked for other types/model", a strategy or a second look left unsaid, and
    the dry run gave no reason at all)."""
    if first["types"] is None or first["types"] == ("visit",):
        first = {**first, "types": None}  # a line records every type asked: all of them
    rnd = random.Random(seed)
    docs = [(f"id-{rnd.randrange(10**6)}", rnd.randrange(2, 999)) for _ in range(rnd.randint(1, 4))]
    docs = list(dict(docs).items())
    with tempfile.TemporaryDirectory() as tmp:
        folder, out = Path(tmp), Path(tmp) / "out.jsonl"
        inputs = corpus(rnd, folder, docs)
        run(fake, inputs, out, **asked_kwargs(first))
        extractor = Extractor(**{**options_of(fake, asked_kwargs(then)), "max_retries": 0})
        try:
            plan = estimate_run([str(p) for p in inputs], out, extractor=extractor)
        finally:
            extractor.close()
        before = len(fake.requests)
        summary = run(fake, list(reversed(inputs)), out, **asked_kwargs(then))
        options = differing(first, then)
        if options:
            reason = "asked differently: other " + ", ".join(options)
            assert dict(summary.redone) == {reason: len(docs)}, (summary.redone, first, then)
            assert f"{len(docs)} redone: {reason}" in summary.render()
        else:
            assert not summary.redone and summary.unchanged == len(docs), (first, then)
        said = plan.to_dict()
        assert said["to_extract_by_reason"] == dict(summary.redone), (said, first, then)
        assert said["redone_by_reason"] == dict(summary.redone)
        assert sum(said["to_extract_by_reason"].values()) == said["to_extract"]
        shown = render_estimate(plan, None)
        for why, count in said["to_extract_by_reason"].items():
            assert f"{count:,} {why}" in shown, shown
        assert said["calls"] == len(fake.requests) - before  # no re-ask: each call once


@settings(HYPOTHESIS, max_examples=6)
@given(seed=st.integers(0, 2**16))
def test_a_dry_run_says_how_many_it_extracts_and_why_as_the_run_then_does(
    fake: FakeOpenAI, seed: int
) -> None:
    """Runs over a corpus whose texts are edited, added, moved between files and asked
    with another strategy: before each rerun the dry run's ``to_extract`` splits into new,
    changed text and redo reasons that add up to it, each the count the run then extracts
    for that reason (before: "extract N (a new lines, b changed, c redone)", where the new
    lines held error lines written without a call, so the parts did not add up to N, and
    a redo had no reason)."""
    rnd = random.Random(seed)
    numbers = iter(rnd.sample(range(2, 10_000), 60))
    docs = {f"d{n}": next(numbers) for n in range(rnd.randint(2, 5))}
    with tempfile.TemporaryDirectory() as tmp:
        folder, out = Path(tmp), Path(tmp) / "out.jsonl"
        strategy = "single"
        for _ in range(3):
            inputs = corpus(rnd, folder, list(docs.items()))
            rnd.shuffle(inputs)
            extractor = Extractor(**options_of(fake, {"strategy": strategy}))
            try:
                plan = estimate_run([str(p) for p in inputs], out, extractor=extractor)
            finally:
                extractor.close()
            before = len(fake.requests)
            summary = run(fake, inputs, out, strategy=strategy)
            said = plan.to_dict()
            extracted = Counter(
                {
                    "new": summary.new - summary.new_not_read,
                    "changed": summary.changed - summary.changed_not_read,
                    **summary.redone,
                }
            )
            assert Counter(said["to_extract_by_reason"]) == +extracted, (said, summary.to_dict())
            assert said["to_extract"] == summary.ok + summary.errors
            assert said["calls"] == len(fake.requests) - before
            # edits for the next run: a text changed, one added, the strategy perhaps
            docs[rnd.choice(list(docs))] = next(numbers)
            docs[f"d{len(docs)}"] = next(numbers)
            strategy = rnd.choice(["single", "per-type"])


@settings(HYPOTHESIS, max_examples=5)
@given(seed=st.integers(0, 2**16))
def test_one_document_in_two_files_and_moved_texts_are_one_line_each_in_any_order(
    fake: FakeOpenAI, seed: int
) -> None:
    """The same rows (id and text) in two files of drawn kinds, listed in either order,
    give the same winning lines; later runs move texts between files and containers
    (the files listed in new orders): nothing is extracted again and nothing is lost."""
    rnd = random.Random(seed)
    docs = [(f"r{rnd.randrange(10**6)}", rnd.randrange(2, 9999)) for _ in range(rnd.randint(2, 5))]
    docs = list(dict(docs).items())
    shared = rnd.sample(docs, rnd.randint(1, len(docs)))
    kinds = [rnd.choice(KINDS) for _ in range(2)]
    outcomes = []
    for order in (0, 1):
        with tempfile.TemporaryDirectory() as tmp:
            folder, out = Path(tmp), Path(tmp) / "out.jsonl"
            files = [folder / f"a.{kinds[0]}", folder / f"b.{kinds[1]}"]
            write(files[0], docs)
            write(files[1], shared)
            before = len(fake.requests)
            run(fake, files if order == 0 else files[::-1], out)
            for _ in range(2):  # texts moved between files and containers
                inputs = corpus(rnd, folder, docs)
                rnd.shuffle(inputs)
                again = run(fake, inputs, out)
                assert (again.new, again.changed) == (0, 0), again.to_dict()
            assert len(fake.requests) - before == len(docs)  # each document paid once
            lines = sorted((line["doc_id"], line["status"], line["text"])
                           for line in latest_lines(out))  # fmt: skip
            assert lines == sorted((i, "ok", kano(n)) for i, n in docs)
            outcomes.append(lines)
    assert outcomes[0] == outcomes[1]
