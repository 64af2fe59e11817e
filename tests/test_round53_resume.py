"""Resume, round 53: a dry run refuses what the run refuses, and no redo pays for nothing.

Over corpora built here (seeded ids and texts, tables of drawn kinds) and the in-thread
fake OpenAI server:

* ``bulk --dry-run`` over an output the run would refuse to resume (a line before the
  last that is no result line: bytes that are no JSON, an object without a ``doc_id``, a
  blank one; a last line that is no line of ours) fails with the run's own one-line
  error, instead of planning over the lines it could read and promising a run that then
  stops with exit 2; an unfinished last line of ours (a killed run) is still planned as
  the run plans it, the dry run leaving the file as it is;
* a rerun that switches ``--strategy`` while asking about one type, as the line was,
  sends the very calls it sent (``single`` joins types only when it has several), so it
  redoes nothing and never says "asked differently: other --strategy"; with several
  types the switch still redoes every line.
"""

from __future__ import annotations

import json
import random
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from extractor.bulk.estimate import estimate_run
from extractor.bulk.runner import BulkSummary, run_bulk
from extractor.errors import ConfigurationError
from extractor.pipeline.engine import Extractor
from tests.fakes.kano import kano
from tests.fakes.openai_server import LOOPBACK_ONLY, FakeOpenAI

pytestmark = pytest.mark.block_network(allowed_hosts=LOOPBACK_ONLY)

HYPOTHESIS = settings(
    deadline=None,
    database=None,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
#: A sentence the gate lets through for meetings and visits too: several types to join.
MEETING = " The foreign ministers of Chad and Niger met in Abuja on Monday to discuss security."


def options_of(fake: FakeOpenAI, **asked: Any) -> dict[str, Any]:
    return {"model": "openai/fake-model", "base_url": fake.base_url, "max_retries": 0,
            "strategy": "single", **asked}  # fmt: skip


def run(fake: FakeOpenAI, inputs: list[Path], out: Path, **asked: Any) -> BulkSummary:
    return run_bulk([str(path) for path in inputs], out, **options_of(fake, **asked))


def dry_run(fake: FakeOpenAI, inputs: list[Path], out: Path, **asked: Any) -> dict[str, Any]:
    extractor = Extractor(**options_of(fake, **asked))
    try:
        return estimate_run([str(path) for path in inputs], out, extractor=extractor).to_dict()
    finally:
        extractor.close()


def corpus(rnd: random.Random, folder: Path, *, extra: str = "", least: int = 1) -> list[Path]:
    """``least``-4 documents with ids in a JSONL or CSV table of a drawn kind."""
    figures = rnd.sample(range(2, 99_999), rnd.randint(least, 4))
    rows = [(f"id-{rnd.randrange(10**6)}-{n}", kano(figure) + extra)
            for n, figure in enumerate(figures)]  # fmt: skip
    if rnd.random() < 0.5:
        path = folder / "rows.jsonl"
        path.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in rows))
    else:
        path = folder / "rows.csv"
        path.write_text("id,text\n" + "".join(f'{i},"{t}"\n' for i, t in rows))
    return [path]


#: What a hand, another program or a bad disk leaves in an output: (where, the bytes).
#: ``inside`` replaces a line before the last; ``last`` is appended as the last line.
DAMAGES = [
    ("inside", b'{"doc_id": "x", "status": "ok", "sou\n'),  # cut short, a newline after
    ("inside", b"\x00\x00\x00\x00\n"),
    ("inside", b'{"note": "checked by hand"}\n'),
    ("inside", b'{"doc_id": "  ", "status": "ok"}\n'),
    ("inside", b"[1, 2, 3]\n"),
    ("last", b"checked by Ann, 3 May\n"),
    ("last", b"checked by Ann, 3 May"),
    ("last", b'{"note": 1}\n'),
]


@settings(HYPOTHESIS, max_examples=10)
@given(seed=st.integers(0, 2**16), damage=st.sampled_from(DAMAGES))
def test_a_dry_run_refuses_a_damaged_output_as_the_run_does(
    fake: FakeOpenAI, seed: int, damage: tuple[str, bytes]
) -> None:
    """The dry run read the output with the reader that leaves bad lines out, the run
    with the one that refuses them: the dry run said "extract 1 (1 new), skip 3
    unchanged" over an output whose second line was damaged, and the run it promised
    stopped at once with "line 2 is not valid JSON ... the output file is damaged
    before its last line" (exit 2). Now both stop with that same line, and the dry run
    changes nothing and sends nothing."""
    rnd = random.Random(seed)
    where, bad = damage
    with tempfile.TemporaryDirectory() as tmp:
        folder, out = Path(tmp), Path(tmp) / "out.jsonl"
        inputs = corpus(rnd, folder)
        run(fake, inputs, out)
        lines = out.read_bytes().splitlines(keepends=True)
        if where == "inside":
            lines.append(lines[-1])  # a line after the damaged one, so it is not the last
            lines[rnd.randrange(len(lines) - 1)] = bad
        else:
            lines.append(bad)
        damaged = b"".join(lines)
        out.write_bytes(damaged)
        before = len(fake.requests)
        with pytest.raises(ConfigurationError) as planned:
            dry_run(fake, inputs, out)
        assert out.read_bytes() == damaged and len(fake.requests) == before
        with pytest.raises(ConfigurationError) as ran:
            run(fake, inputs, out)
        assert str(planned.value) == str(ran.value)
        assert out.read_bytes() == damaged and len(fake.requests) == before


@settings(HYPOTHESIS, max_examples=6)
@given(seed=st.integers(0, 2**16))
def test_a_dry_run_still_plans_over_an_unfinished_last_line_of_ours(
    fake: FakeOpenAI, seed: int
) -> None:
    """The control: a run killed mid-write leaves the start of a line of ours, which the
    run cuts off and extracts again; the dry run leaves it, plans that one document and
    nothing else, as the run then does. (A file holding only an unfinished line is
    another case: ours only when the lock file says so, see ``check_own_output``.)"""
    rnd = random.Random(seed)
    with tempfile.TemporaryDirectory() as tmp:
        folder, out = Path(tmp), Path(tmp) / "out.jsonl"
        inputs = corpus(rnd, folder, least=2)
        run(fake, inputs, out)
        lines = out.read_bytes().splitlines(keepends=True)
        torn = b"".join(lines[:-1]) + lines[-1][: rnd.randrange(1, len(lines[-1]) - 1)]
        out.write_bytes(torn)
        said = dry_run(fake, inputs, out)
        assert out.read_bytes() == torn
        summary = run(fake, inputs, out)
        assert said["to_extract_by_reason"] == {"new": 1} == {"new": summary.new}
        assert said["unchanged"] == summary.unchanged == len(lines) - 1


ONE_TYPE = st.sampled_from(["casualty_report", "meeting", "visit"])


@settings(HYPOTHESIS, max_examples=8)
@given(
    seed=st.integers(0, 2**16),
    first_type=ONE_TYPE,
    then_type=ONE_TYPE,
    strategies=st.sampled_from([("single", "per-type"), ("per-type", "single")]),
    looks=st.tuples(st.booleans(), st.booleans()),
)
def test_another_strategy_over_one_type_redoes_nothing_for_it(
    fake: FakeOpenAI,
    seed: int,
    first_type: str,
    then_type: str,
    strategies: tuple[str, str],
    looks: tuple[bool, bool],
) -> None:
    """A line asked about one type, rerun about one type with the other strategy: the
    calls are the same (``single`` asks one type alone, as ``per-type`` does), so the
    strategy is no reason to pay again (before: every line was redone, "asked
    differently: other --strategy", for byte-identical requests). Another type or
    another --second-look still redoes it, named as such; the dry run says the same."""
    rnd = random.Random(seed)
    with tempfile.TemporaryDirectory() as tmp:
        folder, out = Path(tmp), Path(tmp) / "out.jsonl"
        inputs = corpus(rnd, folder, extra=MEETING)
        first = {"types": (first_type,), "strategy": strategies[0], "second_look": looks[0]}
        then = {"types": (then_type,), "strategy": strategies[1], "second_look": looks[1]}
        documents = run(fake, inputs, out, **first).ok
        said = dry_run(fake, inputs, out, **then)
        before = len(fake.requests)
        summary = run(fake, inputs, out, **then)
        named = ["--types"] * (first_type != then_type) + ["--second-look"] * (looks[0] != looks[1])
        expected = {f"asked differently: other {', '.join(named)}": documents} if named else {}
        assert dict(summary.redone) == expected, (summary.redone, first, then)
        assert said["to_extract_by_reason"] == expected
        assert said["unchanged"] == summary.unchanged == (0 if named else documents)
        if not named:
            assert len(fake.requests) == before


@settings(HYPOTHESIS, max_examples=4)
@given(seed=st.integers(0, 2**16), strategies=st.permutations(["single", "per-type"]))
def test_another_strategy_over_several_types_still_redoes_every_line(
    fake: FakeOpenAI, seed: int, strategies: list[str]
) -> None:
    """Over several types the strategy changes the calls (one joined call against one
    per type): the switch redoes every line and names --strategy, as before."""
    rnd = random.Random(seed)
    with tempfile.TemporaryDirectory() as tmp:
        folder, out = Path(tmp), Path(tmp) / "out.jsonl"
        inputs = corpus(rnd, folder, extra=MEETING)
        types = ("casualty_report", "meeting")
        documents = run(fake, inputs, out, types=types, strategy=strategies[0]).ok
        said = dry_run(fake, inputs, out, types=types, strategy=strategies[1])
        summary = run(fake, inputs, out, types=types, strategy=strategies[1])
        expected = {"asked differently: other --strategy": documents}
        assert dict(summary.redone) == expected == said["to_extract_by_reason"]
