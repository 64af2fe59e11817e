"""Round 52: a provider's batch results and views read as hostile; redone lines counted once.

Invariants, on generated inputs against the fake OpenAI batch API on loopback:

* whatever a results file holds (good lines, garbage, lines without ``custom_id``,
  unknown ids, the same id twice, bodies of the wrong shape, unknown statuses),
  a ``--batch`` run raises nothing and writes exactly one line per document;
* a request whose answer is in the file is never paid for again because another
  line names it too (an answer beats a failure), and skipped lines are said in a
  warning naming the batch;
* whatever a provider says of a batch (status, counts, file ids, message), the
  state it is saved in is one a rerun reads back, and an unknown status is said;
* a document a rerun redoes (asked differently) is counted as redone, once, as a
  live run counts it, not as changed.
"""

from __future__ import annotations

import json
import logging
import random
import shutil
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor.bulk.carriers import BatchView
from extractor.bulk.carriers.openai_api import OpenAICarrier
from extractor.bulk.provider_batch import BatchEntry, BatchState, ProviderBatchRun
from extractor.bulk.runner import BulkRun
from extractor.runtime import aio
from tests.batch_support import BatchModel, read_lines, write_corpus
from tests.fakes.batch_server import FakeBatchAPI
from tests.fakes.openai_server import LOOPBACK_ONLY
from tests.test_batch_api import answer

pytestmark = pytest.mark.block_network(allowed_hosts=LOOPBACK_ONLY)

MODEL = "openai/fake-model"
OPENAI = BatchModel(MODEL)
HYPOTHESIS = settings(
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=5),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner, max_size=3)
    ),
    max_leaves=5,
)
GARBAGE = st.sampled_from(
    [b"not json", b"\xff\xfe", b"[]", b"{", b'{"custom_id": 7}', b'{"no": "id"}', b"null",
     b'{"custom_id": "someone-else", "response": {"status_code": 200, "body": {}}}',
     b"[" * 5000 + b"]" * 5000, b"x" * 200_000]
)  # fmt: skip
#: What a line of ours becomes: kept, lost, repeated, its id lost, its body or status odd.
FATES = st.sampled_from(["keep", "drop", "twice", "no id", "odd body", "odd status", "error"])


def _fate(line: dict[str, Any], fate: str, odd: Any) -> list[bytes]:
    raw = json.dumps(line).encode()
    if fate == "drop":
        return []
    if fate == "twice":
        return [raw, raw]
    if fate == "no id":
        return [json.dumps({k: v for k, v in line.items() if k != "custom_id"}).encode()]
    if fate == "odd body":
        return [json.dumps({**line, "response": {"status_code": 200, "body": odd}}).encode()]
    if fate == "odd status":
        return [json.dumps({**line, "response": {"status_code": odd, "body": {}}}).encode()]
    if fate == "error":
        return [json.dumps({**line, "response": None, "error": odd}).encode()]
    return [raw]


def _hostile(data: bytes, rng: random.Random, fates: list[str], junk: list[bytes],
             odd: list[Any]) -> bytes:  # fmt: skip
    out: list[bytes] = []
    for n, raw in enumerate(data.splitlines()):
        out += _fate(json.loads(raw), fates[n % len(fates)], odd[n % len(odd)])
        if junk:
            out.append(junk[n % len(junk)])
    rng.shuffle(out)
    return b"\n".join(out)


def _corpus(folder: Path, size: int) -> Path:
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    return write_corpus(folder, list(range(2, 2 + size)))


@settings(HYPOTHESIS, max_examples=6)
@given(
    fates=st.lists(FATES, min_size=1, max_size=6),
    junk=st.lists(GARBAGE, max_size=3),
    odd=st.lists(JSON, min_size=1, max_size=3),
    seed=st.integers(0, 10**6),
)
def test_whatever_a_results_file_holds_each_document_is_one_line(
    tmp_path: Path, fates: list[str], junk: list[bytes], odd: list[Any], seed: int
) -> None:
    rng = random.Random(seed)
    inputs = _corpus(tmp_path / "hostile", 8)
    output = tmp_path / "hostile" / "out.jsonl"
    original = OpenAICarrier._content

    async def content(self: OpenAICarrier, file_id: str) -> bytes:
        return _hostile(await original(self, file_id), rng, fates, junk, odd)

    with mock.patch.object(OpenAICarrier, "_content", content), FakeBatchAPI(answer) as server:
        summary = OPENAI.run_batch(inputs, output, server, types=["casualty_report"])
    ids = [line["doc_id"] for line in read_lines(output)]
    assert sorted(ids) == sorted(f"d{n}" for n in range(8))  # each once, none lost
    assert summary.documents == 8


@settings(HYPOTHESIS, max_examples=4)
@given(
    others=st.lists(
        st.one_of(JSON.map(lambda odd: ("error", odd)), JSON.map(lambda odd: ("odd status", odd)),
                  st.just(("no id", None)), GARBAGE.map(lambda raw: ("raw", raw))),
        min_size=1, max_size=3,
    ),
    first=st.booleans(),
)  # fmt: skip
def test_an_answer_in_the_file_is_never_traded_for_a_failure_naming_it_too(
    tmp_path: Path, others: list[tuple[str, Any]], first: bool, caplog: pytest.LogCaptureFixture
) -> None:
    """Each answer stands beside lines that also name its request (a failure, a status that
    is no status) or name none: the answer is taken, no request is paid for twice, and the
    lines set aside are said in one warning naming the batch (was: the last line won, so a
    paid answer was submitted again or its document failed; junk went unsaid)."""
    inputs = _corpus(tmp_path / "twice", 6)
    output = tmp_path / "twice" / "out.jsonl"
    original = OpenAICarrier._content

    async def content(self: OpenAICarrier, file_id: str) -> bytes:
        lines: list[bytes] = []
        for raw in (await original(self, file_id)).splitlines():
            beside: list[bytes] = []
            for fate, odd in others:
                beside += [odd] if fate == "raw" else _fate(json.loads(raw), fate, odd)
            lines += [raw, *beside] if first else [*beside, raw]
        return b"\n".join(lines)

    caplog.set_level(logging.WARNING, logger="extractor")
    with mock.patch.object(OpenAICarrier, "_content", content), FakeBatchAPI(answer) as server:
        summary = OPENAI.run_batch(inputs, output, server, types=["casualty_report"])
        submitted = dict(server.core.submissions)
    assert set(submitted.values()) == {1}, "a request paid for twice"
    assert summary.ok == 6 and summary.documents == 6
    assert len(read_lines(output)) == 6
    said = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert any("skipped" in m and "batch " in m for m in said), said


names = st.one_of(st.text(max_size=12), st.sampled_from(["", " ", "\n", "a\x00b", "x" * 3000]))


@settings(HYPOTHESIS, max_examples=80)
@given(
    status=st.one_of(names, st.sampled_from(["completed", "in_progress", "paused"])),
    counts=st.one_of(st.none(), st.tuples(*[st.integers(-(2**70), 2**70)] * 3)),
    output_file_id=st.one_of(st.none(), names),
    error_file_id=st.one_of(st.none(), names),
    message=st.one_of(st.none(), names),
)
def test_whatever_a_provider_says_of_a_batch_a_rerun_reads_the_state_back(
    tmp_path: Path, status: str, counts: tuple[int, int, int] | None,
    output_file_id: str | None, error_file_id: str | None, message: str | None,
) -> None:  # fmt: skip
    """Was: a status, file id or count no run writes (blank, a control character, a
    negative count) was saved as the provider said it, and the rerun refused the state
    ("is not a batch state extractor can read"): a hostile answer stopped every resume."""
    path = tmp_path / "out.jsonl.batches.json"
    state = BatchState(path)
    entry = BatchEntry("0" * 64, ["c1", "c2"], 10)
    state.add(entry)
    entry.update(BatchView("batch_1", status, counts, output_file_id, error_file_id, message))
    state.save()
    [again] = BatchState.load(path).entries
    assert again.id == "batch_1"
    if status == "completed":
        assert again.terminal


def test_an_unknown_status_is_said_once_and_waited_on(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING, logger="extractor")
    entry = BatchEntry("0" * 64, ["c1"], 10)
    for _ in range(3):
        entry.update(BatchView("batch_1", "paused"))
    said = [r.getMessage() for r in caplog.records if "paused" in r.getMessage()]
    assert len(said) == 1 and "batch_1" in said[0]
    assert not entry.terminal


def test_a_redone_document_is_counted_as_redone_once_as_a_live_run_counts_it(
    tmp_path: Path,
) -> None:
    """A rerun asking for other types redoes every line: counted under ``redone`` by why,
    as the live engine counts it (was: counted as ``changed``, and the plan kept each)."""
    inputs = _corpus(tmp_path / "redo", 5)
    got = {}
    with FakeBatchAPI(answer) as server:
        for engine in (BulkRun, ProviderBatchRun):
            output = tmp_path / "redo" / f"{engine.__name__}.jsonl"
            extra: dict[str, Any] = {"poll_interval": 0.02} if engine is ProviderBatchRun else {}
            options = {"model": MODEL, "base_url": server.base_url, **extra}
            aio.run(engine([str(inputs)], output, types=["casualty_report"], **options).run())
            run = engine([str(inputs)], output, **options)
            summary = aio.run(run.run())
            assert not run._plan.redone, "a redone entry left in the plan"
            assert len(read_lines(output)) == 10
            got[engine] = (summary.documents, summary.new, summary.changed, dict(summary.redone))
    assert got[ProviderBatchRun] == got[BulkRun]
    assert got[BulkRun][0] == 5 and sum(got[BulkRun][3].values()) == 5
