"""Round 56: a batch run whose state file is missing, broken or wrong neither pays twice
silently nor loses a document; an input file gone before its batch was made is said as such.

Invariants, against the fake batch servers on loopback, on generated corpora and state faults:

* whatever happened to ``<output>.batches.json`` while a batch was in flight (deleted,
  emptied, cut short, taken from another output, a batch or file id edited, a status
  edited to ended), the rerun (after moving aside a file it refuses to read) pays for each
  request once, and every document ends as exactly one line. Was: with the state gone the
  rerun created and paid for a second batch of the same requests, unsaid; with an edited
  batch id or status its requests were submitted again while the first batch ran;
* OpenAI-compatible batches are found by their ``extractor_file_sha256`` metadata and their
  input file, and the adoption is said once; Anthropic's carry no metadata, and the batches
  in flight that no state names are said before the requests are paid for again;
* an input file the provider lost between the upload and the create is uploaded again once;
  gone again, the run stops saying so and that a rerun uploads it again (was: "the server
  rejected the request as malformed; check --model ... json_schema"), and the rerun does.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import random
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from extractor.bulk.carriers import openai_api  # noqa: E402
from extractor.bulk.provider_batch import BatchState, ProviderBatchRun  # noqa: E402
from extractor.errors import ClientModelError, ConfigurationError  # noqa: E402
from extractor.runtime import aio  # noqa: E402
from tests.batch_support import (  # noqa: E402
    BatchModel,
    batch_recorded,
    read_lines,
    state_file,
    write_corpus,
)
from tests.fakes.anthropic_server import AnthropicBatchConfig, FakeAnthropic  # noqa: E402
from tests.fakes.batch_server import BatchConfig, FakeBatchAPI  # noqa: E402
from tests.fakes.openai_server import LOOPBACK_ONLY  # noqa: E402
from tests.test_batch_anthropic import KEY as ANTHROPIC_KEY  # noqa: E402
from tests.test_batch_anthropic import MODEL as ANTHROPIC_MODEL  # noqa: E402
from tests.test_batch_anthropic import answer as anthropic_answer  # noqa: E402
from tests.test_batch_api import answer  # noqa: E402

pytestmark = pytest.mark.block_network(allowed_hosts=LOOPBACK_ONLY)

OPENAI = BatchModel("openai/fake-model")
ANTHROPIC = BatchModel(ANTHROPIC_MODEL, ANTHROPIC_KEY)
SLOW = BatchConfig(steps=("in_progress",) * 200)

#: What may happen to a state file while its batch is in flight.
FAULTS = [
    "missing", "empty", "truncated", "another output", "batch id unknown",
    "file id unknown", "status edited to ended",
]  # fmt: skip


@pytest.fixture
def warnings_said(caplog: pytest.LogCaptureFixture) -> Iterator[pytest.LogCaptureFixture]:
    """The extractor's warnings of the test (caplog restores the level it sets)."""
    caplog.set_level(logging.INFO, logger="extractor")
    yield caplog


def assert_each_once(written: list[dict[str, Any]], tolls: list[int]) -> None:
    """Every document exactly once, ok, with its own toll: nothing lost, nothing twice."""
    assert sorted(line["doc_id"] for line in written) == sorted(f"d{n}" for n in range(len(tolls)))
    for line in written:
        assert line["status"] == "ok", line
        killed = [r["killed"]["low"] for r in line["records"] if "killed" in r]
        assert killed == [tolls[int(line["doc_id"][1:])]]


def _tolls(seed: int, n: int) -> list[int]:
    """A generated corpus: distinct tolls, some of them re-asked (a follow-up batch)."""
    return random.Random(seed).sample(range(2, 400), n)


def _edit(path: Path, change: Any) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data["batches"][0])
    path.write_text(json.dumps(data), encoding="utf-8")


def _break(fault: str, output: Path, server: FakeBatchAPI, other: Path) -> None:
    """Do ``fault`` to the state of ``output`` (its first batch in flight at ``server``)."""
    state = state_file(output)
    if fault == "missing":
        state.unlink()
    elif fault == "empty":
        state.write_bytes(b"")
    elif fault == "truncated":
        state.write_bytes(state.read_bytes()[: len(state.read_bytes()) // 2])
    elif fault == "another output":
        state.write_bytes(state_file(other).read_bytes())
    elif fault == "batch id unknown":
        _edit(state, lambda entry: entry.update(id="batch-999999"))
    elif fault == "file id unknown":
        _edit(state, lambda entry: entry.update(id=None, input_file_id="file-999999",
                                                status="uploaded"))  # fmt: skip
    elif fault == "status edited to ended":
        _edit(state, lambda entry: entry.update(status="completed"))
    else:  # pragma: no cover
        raise AssertionError(fault)


@pytest.mark.parametrize("seed", range(len(FAULTS)))
def test_a_state_fault_never_pays_twice_nor_loses_a_document(
    tmp_path: Path, seed: int, warnings_said: pytest.LogCaptureFixture
) -> None:
    fault = FAULTS[seed]
    tolls = _tolls(seed, 6 + seed % 3)
    inputs = write_corpus(tmp_path, tolls)
    output = tmp_path / "out.jsonl"
    folder = tmp_path / "other"
    folder.mkdir()
    other_inputs = write_corpus(folder, [t + 1000 for t in _tolls(seed + 99, 3)])
    other = folder / "elsewhere.jsonl"
    with FakeBatchAPI(answer, batch=SLOW) as server:
        if fault == "another output":
            OPENAI.run_until(other, server, other_inputs, lambda: batch_recorded(server, other))
        OPENAI.run_until(output, server, inputs, lambda: batch_recorded(server, output))
        ours = {cid for cid in server.core.submissions}
        _break(fault, output, server, other)
        server.core.batch = BatchConfig()  # the batches in flight end now
        try:
            OPENAI.run_batch(inputs, output, server)
        except ConfigurationError as error:  # a state no run wrote: refused, nothing sent
            assert fault in ("empty", "truncated"), error
            assert "move it aside" in str(error)
            state_file(output).rename(tmp_path / "aside.json")
            OPENAI.run_batch(inputs, output, server)
        paid = server.core.submissions
        assert set(paid.values()) == {1}, f"{fault}: a request paid for twice"
        # a body submitted again under a new id is paid for twice too
        assert set(server.core.bodies.values()) == {1}, f"{fault}: a body paid for twice"
        assert ours <= set(paid)
    assert_each_once(read_lines(output), tolls)
    said = [r.getMessage() for r in warnings_said.records if r.levelno == logging.WARNING]
    if fault in ("missing", "empty", "truncated", "another output", "file id unknown"):
        assert sum("adopted" in line for line in said) == 1, said  # said once


def test_anthropic_says_it_cannot_find_batches_a_lost_state_named(
    tmp_path: Path, warnings_said: pytest.LogCaptureFixture
) -> None:
    """Anthropic's batches carry no metadata: the run says so before paying again."""
    tolls = _tolls(7, 5)
    inputs = write_corpus(tmp_path, tolls)
    output = tmp_path / "out.jsonl"
    with FakeAnthropic(anthropic_answer, batch=AnthropicBatchConfig(steps=200)) as server:
        ANTHROPIC.run_until(output, server, inputs, lambda: batch_recorded(server, output))
        state_file(output).unlink()
        server.core.batch = AnthropicBatchConfig()
        ANTHROPIC.run_batch(inputs, output, server)
    assert_each_once(read_lines(output), tolls)
    said = [r.getMessage() for r in warnings_said.records if r.levelno == logging.WARNING]
    assert sum("carry no metadata" in line for line in said) == 1, said


@pytest.mark.parametrize("vanishes", [1, 2])
def test_an_input_file_gone_before_its_batch_is_uploaded_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, vanishes: int
) -> None:
    """The provider loses the uploaded file ``vanishes`` times before the batch is made."""
    tolls = _tolls(vanishes, 4)
    inputs = write_corpus(tmp_path, tolls)
    output = tmp_path / "out.jsonl"
    upload = openai_api.OpenAICarrier.upload
    with FakeBatchAPI(answer) as server:
        lost: list[str] = []

        async def losing(self: Any, handle: Any, name: str) -> str | None:
            file_id = await upload(self, handle, name)
            if file_id is not None and len(lost) < vanishes:
                lost.append(file_id)
                del server.core.files[file_id]
            return file_id

        monkeypatch.setattr(openai_api.OpenAICarrier, "upload", losing)
        if vanishes == 1:
            OPENAI.run_batch(inputs, output, server)
        else:
            with pytest.raises(ClientModelError) as stopped:
                OPENAI.run_batch(inputs, output, server)
            message = str(stopped.value)
            assert lost[-1] in message and "no longer at the provider" in message
            assert "uploads the file again" in message and "json_schema" not in message
            [entry] = BatchState.load(state_file(output)).entries
            assert entry.input_file_id is None and entry.id is None  # forgotten
            OPENAI.run_batch(inputs, output, server)
        assert set(server.core.submissions.values()) == {1}
        assert set(server.core.bodies.values()) == {1}
    assert_each_once(read_lines(output), tolls)


def test_batches_grouped_otherwise_are_found_by_their_input_files(
    tmp_path: Path, warnings_said: pytest.LogCaptureFixture
) -> None:
    """The lost state's run split the requests in several batches, the rerun would send one
    (another limit, or some documents already written): no file hash matches, the input
    files of the batches made for this output say which requests they hold."""
    tolls = _tolls(11, 9)
    inputs = write_corpus(tmp_path, tolls)
    output = tmp_path / "out.jsonl"
    with FakeBatchAPI(answer, batch=SLOW) as server:

        async def main() -> None:
            run = ProviderBatchRun([str(inputs)], output, model=OPENAI.model,
                                   base_url=server.base_url, poll_interval=0.02,
                                   max_batch_requests=4)  # fmt: skip
            task = asyncio.create_task(run.run())
            while len(server.core.batches) < 3 and not task.done():
                await asyncio.sleep(0.01)
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError, KeyboardInterrupt):
                await task

        aio.run(main())
        first = len(server.core.batches)
        assert first >= 3
        state_file(output).unlink()
        server.core.batch = BatchConfig()
        OPENAI.run_batch(inputs, output, server)
        assert set(server.core.submissions.values()) == {1}
        assert set(server.core.bodies.values()) == {1}
    assert_each_once(read_lines(output), tolls)
    said = [r.getMessage() for r in warnings_said.records if r.levelno == logging.WARNING]
    assert sum(f"adopted {first} batch(es)" in line for line in said) == 1, said


def test_a_server_that_lists_no_batches_still_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, warnings_said: pytest.LogCaptureFixture
) -> None:
    """An OpenAI-compatible server without ``GET /batches``: nothing to adopt, said once,
    and the run goes on (the listing is no new reason for a run to fail)."""
    from aiohttp import web

    from tests.fakes import batch_server

    async def unlisted(self: Any, request: web.Request) -> web.Response:
        return web.json_response({"error": {"message": "not found"}}, status=404)

    monkeypatch.setattr(batch_server._BatchCore, "_list_batches", unlisted)
    tolls = _tolls(5, 4)
    inputs = write_corpus(tmp_path, tolls)
    output = tmp_path / "out.jsonl"
    with FakeBatchAPI(answer) as server:
        OPENAI.run_batch(inputs, output, server)
        assert set(server.core.submissions.values()) == {1}
    assert_each_once(read_lines(output), tolls)
    said = [r.getMessage() for r in warnings_said.records if r.levelno == logging.WARNING]
    assert sum("does not list its batches" in line for line in said) == 1, said
