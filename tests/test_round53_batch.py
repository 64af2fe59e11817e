"""Round 53: a provider's batch view read as hostile by the carriers; a results file gone.

Invariants, on generated inputs (the SDKs' own unchecked construction of a
batch, and the fake OpenAI batch API on loopback):

* whatever fields a provider's batch holds (counts of any JSON type, a status or
  file id that is no string, ids with path separators or control characters),
  reading it raises nothing but our one-line ``IncompatibleServerError``, and
  what is taken from it is a state a rerun reads back;
* a batch id that cannot be asked for again stops the run with one line saying
  what to do, before any request is paid for twice (was: a ``ValueError`` or
  ``TypeError`` traceback, or the id was polled at another URL, found "lost",
  and its requests submitted again and again);
* a results file the provider no longer has (HTTP 404) leaves its requests to be
  submitted again, said in a warning (was: the run stopped with "the server does
  not know this model or endpoint: check --model and --base-url");
* a results line over the size cap is skipped and said, never parsed.
"""

from __future__ import annotations

import json
import logging
import shutil
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from anthropic._models import construct_type as anthropic_construct
from anthropic.types.messages import MessageBatch
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openai._models import construct_type as openai_construct
from openai.types import Batch

from extractor.bulk.carriers import anthropic_api, base, openai_api
from extractor.bulk.provider_batch import BatchEntry, BatchState
from extractor.errors import ExtractorError, IncompatibleServerError
from tests.batch_support import BatchModel, read_lines, write_corpus
from tests.fakes import batch_server
from tests.fakes.batch_server import FakeBatchAPI
from tests.fakes.openai_server import LOOPBACK_ONLY
from tests.test_batch_api import answer

pytestmark = pytest.mark.block_network(allowed_hosts=LOOPBACK_ONLY)

OPENAI = BatchModel("openai/fake-model")
HYPOTHESIS = settings(
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**70), 2**70) | st.floats() | st.text(max_size=6),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner, max_size=3)
    ),
    max_leaves=4,
)
#: Ids no provider makes: what would be another URL, a terminal escape, nothing, no string.
BAD_IDS = st.one_of(
    st.sampled_from(["", " ", "../../batch_1", "batch/1", "b?x=1", "b#1", "..", "a\x00b",
                     "batch_1\x1b[31m\n", " batch_1", "b" * 3000, "a\\b"]),
    st.text(min_size=1, max_size=8).map(lambda s: s + "/" + s),
    st.integers() | st.none() | st.lists(st.integers(), max_size=2),
)  # fmt: skip
IDS = st.one_of(BAD_IDS, st.just("batch_ok1"), JSON)
COUNTS = st.one_of(JSON, st.dictionaries(st.sampled_from(
    ["completed", "failed", "total", "processing", "succeeded", "errored", "canceled",
     "expired"]), JSON, max_size=8))  # fmt: skip


def _recorded(view: Any, tmp_path: Path) -> None:
    """Take ``view`` into a state, save it, read it back: what a rerun does."""
    path = tmp_path / "out.jsonl.batches.json"
    path.unlink(missing_ok=True)
    state = BatchState(path)
    entry = BatchEntry("0" * 64, ["c1", "c2"], 10)
    state.add(entry)
    entry.update(view)
    state.save()
    [again] = BatchState.load(path).entries
    assert again.id == view.id


@settings(HYPOTHESIS, max_examples=150)
@given(
    batch_id=IDS, status=st.one_of(JSON, st.sampled_from(["completed", "in_progress"])),
    counts=COUNTS, output_file_id=IDS, error_file_id=IDS, errors=JSON,
)  # fmt: skip
def test_whatever_an_openai_batch_holds_it_is_read_or_refused_in_one_line(
    tmp_path: Path, batch_id: Any, status: Any, counts: Any, output_file_id: Any,
    error_file_id: Any, errors: Any,
) -> None:  # fmt: skip
    """Was: counts of the wrong type raised ValueError/TypeError/AttributeError, a file id
    that is no string a TypeError, and a blank or path-like batch id was polled."""
    batch = openai_construct(type_=Batch, value={
        "id": batch_id, "status": status, "request_counts": counts, "errors": errors,
        "output_file_id": output_file_id, "error_file_id": error_file_id,
    })  # fmt: skip
    try:
        view = openai_api._view(batch)
    except IncompatibleServerError as error:
        assert base._id_problem(batch_id) is not None
        assert "\n" not in str(error) and "--base-url" in str(error)
        return
    assert view.id == batch_id
    for name in (view.output_file_id, view.error_file_id):
        assert name is None or "/" not in name
    _recorded(view, tmp_path)


@settings(HYPOTHESIS, max_examples=100)
@given(batch_id=IDS, status=JSON, counts=COUNTS)
def test_whatever_an_anthropic_batch_holds_it_is_read_or_refused_in_one_line(
    tmp_path: Path, batch_id: Any, status: Any, counts: Any
) -> None:
    batch = anthropic_construct(type_=MessageBatch, value={
        "id": batch_id, "processing_status": status, "request_counts": counts,
    })  # fmt: skip
    try:
        view = anthropic_api._view(batch)
    except IncompatibleServerError as error:
        assert base._id_problem(batch_id) is not None
        assert "\n" not in str(error) and "--base-url" in str(error)
        return
    assert view.counts is not None and min(view.counts) >= 0
    _recorded(view, tmp_path)


def _corpus(folder: Path, size: int) -> Path:
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    return write_corpus(folder, list(range(2, 2 + size)))


@settings(HYPOTHESIS, max_examples=6)
@given(bad=BAD_IDS)
def test_a_batch_id_that_cannot_be_asked_for_stops_the_run_before_paying_again(
    tmp_path: Path, bad: Any
) -> None:
    inputs = _corpus(tmp_path / "id", 3)
    output = tmp_path / "id" / "out.jsonl"
    original = batch_server._Batch.view

    def view(self: Any) -> dict[str, Any]:
        return {**original(self), "id": bad}

    with mock.patch.object(batch_server._Batch, "view", view), FakeBatchAPI(answer) as server:
        with pytest.raises(ExtractorError) as raised:
            OPENAI.run_batch(inputs, output, server, types=["casualty_report"])
        submitted = dict(server.core.submissions)
    assert isinstance(raised.value, IncompatibleServerError), raised.value
    assert "\n" not in str(raised.value) and "--base-url" in str(raised.value)
    assert set(submitted.values()) == {1}, "a request paid for twice"


@settings(HYPOTHESIS, max_examples=5)
@given(gone=st.lists(st.booleans(), min_size=1, max_size=2), size=st.integers(2, 4))
def test_a_results_file_the_provider_no_longer_has_is_submitted_again(
    tmp_path: Path, gone: list[bool], size: int, caplog: pytest.LogCaptureFixture
) -> None:
    """Was: a 404 on the output file stopped the run, blaming --model and --base-url."""
    inputs = _corpus(tmp_path / "gone", size)
    output = tmp_path / "gone" / "out.jsonl"
    original = batch_server._BatchCore._content
    asked: list[str] = []

    async def content(self: Any, request: Any) -> Any:
        name = request.match_info["id"]
        if name not in asked:
            asked.append(name)
            if len(asked) <= len(gone) and gone[len(asked) - 1]:
                return batch_server._error(404, "No such File object")
        return await original(self, request)

    caplog.set_level(logging.WARNING, logger="extractor")
    caplog.clear()
    patched = mock.patch.object(batch_server._BatchCore, "_content", content)
    with patched, FakeBatchAPI(answer) as server:
        summary = OPENAI.run_batch(inputs, output, server, types=["casualty_report"])
    written = read_lines(output)
    assert sorted(line["doc_id"] for line in written) == sorted(f"d{n}" for n in range(size))
    assert summary.ok == size
    said = [r.getMessage() for r in caplog.records if "404" in r.getMessage()]
    assert len(said) == sum(gone[: len(asked)])
    assert all("submitted again" in m for m in said)


@settings(HYPOTHESIS, max_examples=30)
@given(lengths=st.lists(st.integers(0, 300), min_size=1, max_size=6))
def test_a_results_line_over_the_cap_is_skipped_and_said(
    lengths: list[int], caplog: pytest.LogCaptureFixture
) -> None:
    """Was: a line of any size was parsed (a hostile file of one 200 MB line cost gigabytes)."""
    lines = []
    for n, pad in enumerate(lengths):
        body = {"pad": "x" * pad}
        lines.append(json.dumps({"custom_id": f"c{n}",
                                 "response": {"status_code": 200, "body": body}}).encode())  # fmt: skip
    cap = 200
    caplog.set_level(logging.WARNING, logger="extractor")
    caplog.clear()
    with mock.patch.object(base, "MAX_LINE_BYTES", cap):
        reader = base.AnswerReader("batch_1", {f"c{n}": f"c{n}" for n in range(len(lines))})
        reader.read_file(b"\r\n".join(lines), openai_api._item_result, "file-1")
    over = {f"c{n}" for n, line in enumerate(lines) if len(line) > cap}
    assert set(reader.found) == {f"c{n}" for n in range(len(lines))} - over
    said = [r.getMessage() for r in caplog.records if "bytes" in r.getMessage()]
    assert len(said) == (1 if over else 0)
