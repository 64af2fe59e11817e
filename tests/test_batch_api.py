"""Provider batch APIs: the same requests and the same results as live calls, each paid once.

The invariants, checked on generated inputs against a fake OpenAI batch API
on loopback (:mod:`tests.fakes.batch_server`):

* ``build_requests`` produces, byte for byte, the bodies the live path sends
  (compared with the bytes a live extraction sent to the fake server, and with
  the bodies recorded in a cassette), re-asks included;
* ``parse_response`` turns the answers a live extraction received into the
  same result, record for record, token for token;
* ``parse_response`` always ends a call or continues it, within the re-ask
  and shorter-answer limits, whatever the answer;
* a bulk run through batches writes one line per document with the records a
  live run writes, whatever the batches do (expire, fail, lose or fail items,
  answer invalidly, cut answers off), and submits every request once;
* a run killed at any moment (SIGKILL, seeded random points) and rerun ends
  with every document exactly once and no request submitted twice.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import random
import re
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from extractor import Document, Extractor, build_requests, parse_response  # noqa: E402
from extractor.bulk.provider_batch import (  # noqa: E402
    BatchEntry,
    BatchState,
    ProviderBatchRun,
    batch_state_path,
)
from extractor.bulk.runner import BulkRun  # noqa: E402
from extractor.cli import app  # noqa: E402
from extractor.errors import ConfigurationError, ExtractionFailed  # noqa: E402
from extractor.io.output import check_output  # noqa: E402
from extractor.pipeline.requests import ModelRequest, Reply, assemble  # noqa: E402
from extractor.pipeline.result import Usage  # noqa: E402
from extractor.runtime import aio  # noqa: E402
from extractor.runtime.retrying import RetryPolicy  # noqa: E402
from tests.conftest import RECORDED_MODEL, RECORDING_BASE_URL, SEEDS  # noqa: E402
from tests.fakes.batch_server import BatchConfig, FakeBatchAPI  # noqa: E402
from tests.fakes.openai_server import (  # noqa: E402
    LOOPBACK_ONLY,
    SCHEMA_INVALID_CONTENT,
    RequestRecord,
)

pytestmark = pytest.mark.block_network(allowed_hosts=LOOPBACK_ONLY)

MODEL = "openai/fake-model"
CLEAN_ENV = {k: v for k, v in os.environ.items() if not k.startswith(("EXTRACTOR_", "OPENAI_"))}
HYPOTHESIS = settings(
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
COUNTRIES = ["France", "Germany", "Japan", "Brazil", "Kenya", "India", "Canada"]
EMPTY = {"visits": [], "meetings": [], "arms_transfers": [], "casualty_reports": []}
KANO = re.compile(r"\[(\d+)\] At least (\d+) people were killed in Kano")
MET = re.compile(r"\[(\d+)\] The foreign minister of (\w+) met the foreign minister of (\w+)")
ISO = {"France": "FRA", "Germany": "DEU", "Japan": "JPN", "Brazil": "BRA", "Kenya": "KEN",
       "India": "IND", "Canada": "CAN"}  # fmt: skip


# ------------------------------------------------------------ articles, answers


def kano(killed: int) -> str:
    return f"At least {killed} people were killed in Kano, Nigeria on Friday."


def meeting(a: str, b: str) -> str:
    return f"The foreign minister of {a} met the foreign minister of {b} on Tuesday."


sentences = st.one_of(
    st.integers(2, 400).map(kano),
    st.tuples(st.sampled_from(COUNTRIES), st.sampled_from(COUNTRIES))
    .filter(lambda pair: pair[0] != pair[1])
    .map(lambda pair: meeting(*pair)),
    st.sampled_from(["The weather was mild.", "Markets were closed for the holiday."]),
)
articles = st.lists(sentences, min_size=1, max_size=6).map(" ".join)


def _messages(body: dict[str, Any]) -> list[dict[str, Any]]:
    messages = body.get("messages")
    return messages if isinstance(messages, list) else []


def answer(body: dict[str, Any]) -> str:
    """The fake model: a casualty record per Kano sentence, a meeting per meeting sentence.

    Its first answer is invalid for some articles: JSON of the wrong shape when
    a toll is divisible by 9, a casualty in a country the article never names
    when it is divisible by 11 (both re-asked, then answered correctly).
    """
    messages = _messages(body)
    text = "\n".join(str(m.get("content")) for m in messages if m.get("role") != "assistant")
    first = not any(m.get("role") in ("assistant", "tool") for m in messages)
    tolls = [(int(n), int(k)) for n, k in KANO.findall(text)]
    if first and any(k % 9 == 0 for _, k in tolls):
        return SCHEMA_INVALID_CONTENT
    casualties = [
        {"killed": k, "injured": None, "qualifier": "at_least", "victims": None,
         "perpetrator": None, "country": "FRA" if first and k % 11 == 0 else "NGA",
         "place": None, "date": None, "scope": "event", "violence_type": None,
         "status": "occurred", "attribution": None, "evidence": [n]}
        for n, k in tolls
    ]  # fmt: skip
    meetings = [
        {"participants": [], "countries": [ISO[a], ISO[b]], "format": "bilateral",
         "place": None, "date": None, "topics": [], "status": "occurred",
         "attribution": None, "evidence": [int(n)]}
        for n, a, b in MET.findall(text)
    ]  # fmt: skip
    return json.dumps({**EMPTY, "casualty_reports": casualties, "meetings": meetings})


@pytest.fixture(scope="module")
def api() -> Iterator[FakeBatchAPI]:
    with FakeBatchAPI(answer) as server:
        yield server


def extractor_for(server: FakeBatchAPI, **options: Any) -> Extractor:
    options.setdefault("retry_policy", RetryPolicy(attempts=2, initial=0.01, maximum=0.02))
    return Extractor(MODEL, base_url=server.base_url, **options)


# ------------------------------------------------------------- byte identity


def test_the_requests_are_the_recorded_ones() -> None:
    """Every body build_requests makes for the seed article is one the cassette recorded."""
    cassette = ROOT / "tests" / "cassettes" / "test_recorded" / "seed_per_type.yaml"
    recorded = [i["request"]["body"] for i in yaml.safe_load(cassette.read_text())["interactions"]]
    text = (SEEDS / "000_e3df12fb75ba6b2b.txt").read_text(encoding="utf-8")
    document = Document("seed-000", text, published=date(2023, 5, 31))
    with Extractor(RECORDED_MODEL, base_url=RECORDING_BASE_URL, strategy="per-type") as ex:
        requests = build_requests(document, ex)
    assert sorted(r.body.decode("utf-8") for r in requests) == sorted(recorded)
    assert len({r.custom_id for r in requests}) == len(requests)


def _chain(
    server: FakeBatchAPI, log: list[RequestRecord], raw: list[bytes], document: Document,
    requests: list[ModelRequest],
) -> list[Reply]:  # fmt: skip
    """Carry ``requests`` through the answers the live run got: each body must be one it sent.

    The live path makes a document's calls one after the other; a call without a
    valid answer leaves the others going, any other failure stops the document. A
    batch sends them all. Carried in the live order, they stop where the live run
    stopped.
    """
    replies: list[Reply] = []
    for request in requests:
        current: ModelRequest | None = request
        while current is not None:
            assert current.body in raw, "a body the live path never sent"
            record = log[raw.index(current.body)]
            completion = server.core._completion(record)  # the very answer the live call got
            reply = parse_response(current, completion, document)
            replies.append(reply)
            if reply.error is not None and not isinstance(reply.error, ExtractionFailed):
                return replies
            current = reply.follow_up
    return replies


@settings(HYPOTHESIS, max_examples=25)
@given(
    text=articles,
    strategy=st.sampled_from(["single", "per-type"]),
    mode=st.sampled_from(["grammar", "json", "json_schema", "md_json"]),
    chunk_chars=st.integers(60, 500),
    max_retries=st.integers(0, 2),
)
def test_batch_requests_and_results_are_the_live_ones(
    api: FakeBatchAPI, text: str, strategy: str, mode: str, chunk_chars: int, max_retries: int
) -> None:
    """Live extraction vs build_requests + parse_response + assemble on the same answers."""
    document = Document("doc-1", text, published=date(2024, 3, 12))
    with extractor_for(api, strategy=strategy, mode=mode, chunk_chars=chunk_chars,
                       chunk_overlap=40, max_retries=max_retries) as ex:  # fmt: skip
        before = len(api.core.raw_chat)
        try:
            live = ex.extract(text, published=document.published, doc_id=document.doc_id)
            failure = None
        except ExtractionFailed as error:
            live, failure = None, error
        raw = api.core.raw_chat[before:]
        log = api.log[-len(raw) :] if raw else []
        assert [r.body for r in log] == [json.loads(b) for b in raw]
        requests = build_requests(document, ex)
        replies = _chain(api, log, raw, document, requests)
        assert len(replies) == len(raw)  # the same requests, no more, no fewer
        if failure is not None:
            with pytest.raises(ExtractionFailed) as caught:
                assemble(document, replies, ex)
            assert str(caught.value) == str(failure)
            return
        batch = assemble(document, replies, ex)
    assert live is not None
    assert [r.model_dump() for r in batch.records] == [r.model_dump() for r in live.records]
    mine, theirs = batch.metadata, live.metadata
    for name in ("usage", "calls", "reasks", "dropped", "warnings", "chunks", "prompt_version"):
        assert getattr(mine, name) == getattr(theirs, name), name


def test_tools_mode_requests_can_be_built() -> None:
    """instructor's tools mode names the function after the schema's root title."""
    with Extractor("openai/gpt-4o-mini", api_key="sk-test") as ex:  # OpenAI's own API: tools
        assert ex.spec.effective_mode == "tools"
        requests = build_requests(Document("d", kano(3)), ex)
    assert requests
    for request in requests:
        body = json.loads(request.body)
        (tool,) = body["tools"]
        name = tool["function"]["name"]
        assert name and body["tool_choice"]["function"]["name"] == name


# ----------------------------------------------------- parse_response alone


def completion(content: str | None, finish: str = "stop", refusal: str | None = None) -> Any:
    message = {"role": "assistant", "content": content, "refusal": refusal}
    return {"choices": [{"index": 0, "message": message, "finish_reason": finish}]}


contents = st.one_of(
    st.text(max_size=40), st.just(SCHEMA_INVALID_CONTENT), st.just(json.dumps(EMPTY))
)
completions = st.one_of(
    st.builds(completion, contents),
    st.builds(completion, st.text(max_size=20), st.just("length")),
    st.just(completion(None, refusal="I can't")),
    st.just({"choices": []}),
    st.just({"no": "choices"}),
    st.binary(max_size=30),
)


@settings(HYPOTHESIS, max_examples=60)
@given(answers=st.lists(completions, min_size=1, max_size=8), max_retries=st.integers(0, 3))
def test_every_answer_ends_or_continues_its_call_within_the_limits(
    answers: list[Any], max_retries: int
) -> None:
    document = Document("d", kano(12), published=date(2024, 1, 5))
    with Extractor(MODEL, base_url="http://127.0.0.1:9/v1", max_retries=max_retries,
                   types=["casualty_report"]) as ex:  # fmt: skip
        [request] = build_requests(document, ex)
    steps = 0
    current: ModelRequest | None = request
    while current is not None:
        reply = parse_response(current, answers[min(steps, len(answers) - 1)], document)
        steps += 1
        ends = [reply.records is not None, reply.follow_up is not None, reply.error is not None]
        assert sum(ends) == 1, reply
        if reply.follow_up is not None:
            assert reply.follow_up.is_reask
            assert reply.follow_up.custom_id != current.custom_id
        current = reply.follow_up
        assert steps <= (max_retries + 1) * 2, "a call that never ends"


# --------------------------------------------------------- whole batch runs


def write_corpus(folder: Path, tolls: list[int]) -> Path:
    rows = "".join(
        json.dumps({"id": f"d{n}", "text": f"{kano(k)} {meeting('Japan', 'Kenya')}"
                    if n % 4 == 0 else kano(k), "published": "2024-03-12"}) + "\n"
        for n, k in enumerate(tolls)
    )  # fmt: skip
    path = folder / "in.jsonl"
    path.write_text(rows, encoding="utf-8")
    return path


def read_lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def faulty(first_fault: Callable[[int], str | None], end: Callable[[int], str]) -> BatchConfig:
    """Batches that end as ``end(n)`` says; an item fails the first time its toll is asked."""
    seen: set[int] = set()

    def item_fault(body: dict[str, Any], first: bool) -> str | None:
        found = KANO.search(json.dumps(body).replace("\\n", "\n"))
        if found is None or int(found.group(2)) in seen:
            return None
        seen.add(int(found.group(2)))
        return first_fault(int(found.group(2)))

    return BatchConfig(end=end, item_fault=item_fault)


def run_batch(inputs: Path, output: Path, server: FakeBatchAPI, **options: Any) -> Any:
    options.setdefault("retry_policy", RetryPolicy(attempts=4, initial=0.01, maximum=0.02))
    run = ProviderBatchRun([str(inputs)], output, model=MODEL, base_url=server.base_url,
                           poll_interval=0.02, **options)  # fmt: skip
    return aio.run(run.run())


@settings(HYPOTHESIS, max_examples=4)
@given(
    tolls=st.lists(st.integers(2, 300), min_size=20, max_size=45),
    seed=st.integers(0, 10**6),
    reask=st.sampled_from(["batch", "live"]),
)
def test_a_batch_run_writes_what_a_live_run_writes(
    tmp_path_factory: pytest.TempPathFactory, tolls: list[int], seed: int, reask: str
) -> None:
    folder = tmp_path_factory.mktemp("batch")
    inputs = write_corpus(folder, tolls)
    rng = random.Random(seed)
    kinds = [None, None, None, "server_error", "drop", "length"]
    drawn = {k: rng.choice(kinds) for k in set(tolls)}
    # the first batches end badly at random; the resubmissions then go through
    ends = {n: rng.choice(["completed", "expired", "failed"]) for n in range(1, 4)}
    config = faulty(lambda k: drawn.get(k), lambda n: ends.get(n, "completed"))
    with FakeBatchAPI(answer, batch=config) as server:
        summary = run_batch(inputs, folder / "batch.jsonl", server, reask=reask,
                            max_batch_requests=rng.randint(3, 12),
                            max_batch_bytes=rng.randint(20_000, 80_000))  # fmt: skip
        submitted = server.core.submissions
        live_chat = len(server.core.raw_chat)
    assert set(submitted.values()) == {1}  # every request paid for once
    with FakeBatchAPI(answer) as plain:
        run = BulkRun([str(inputs)], folder / "live.jsonl", model=MODEL, base_url=plain.base_url)
        aio.run(run.run())
    batch, live = read_lines(folder / "batch.jsonl"), read_lines(folder / "live.jsonl")
    assert sorted(line["doc_id"] for line in batch) == sorted(f"d{n}" for n in range(len(tolls)))
    assert summary.documents == len(tolls)
    by_id = {line["doc_id"]: line for line in live}
    for line in batch:
        other = by_id[line["doc_id"]]
        assert (line["status"], line["counts"]) == (other["status"], other["counts"]), line
        assert line["records"] == other["records"]
        if any(k % 9 == 0 or k % 11 == 0 for k in [tolls[int(line["doc_id"][1:])]]):
            assert line["calls"] >= 2  # the invalid first answer was re-asked
    assert not batch_state_path(check_output(folder / "batch.jsonl")).exists()
    reasked = sum(1 for k in tolls if k % 9 == 0 or k % 11 == 0)
    if reask == "live":
        assert live_chat >= reasked  # re-asks went out at once, not in batches
    else:
        assert live_chat == 0


def _state(output: Path) -> Path:
    return batch_state_path(check_output(output))


def _run_until(output: Path, server: FakeBatchAPI, inputs: Path, done: Callable[[], bool]) -> None:
    """Start a batch run and stop it (as a kill would) once ``done()`` holds."""

    async def main() -> None:
        run = ProviderBatchRun([str(inputs)], output, model=MODEL, base_url=server.base_url,
                               poll_interval=0.02)  # fmt: skip
        task = asyncio.create_task(run.run())
        while not done() and not task.done():
            await asyncio.sleep(0.01)
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError, KeyboardInterrupt):
            await task

    aio.run(main())


def _batch_recorded(server: FakeBatchAPI, output: Path) -> bool:
    """The batch exists and the state file already names it (a kill now loses nothing)."""
    state = _state(output)
    return (
        bool(server.core.batches)
        and state.exists()
        and any(batch_id in state.read_text() for batch_id in server.core.batches)
    )


@pytest.mark.parametrize("lost", ["batch id", "file and batch ids"])
def test_a_submission_cut_short_is_resumed_not_paid_twice(tmp_path: Path, lost: str) -> None:
    """The state lost what a kill between two steps loses; the rerun pays each request once."""
    inputs = write_corpus(tmp_path, list(range(2, 30)))
    output = tmp_path / "out.jsonl"
    slow = BatchConfig(steps=("in_progress",) * 50)
    with FakeBatchAPI(answer, batch=slow) as server:
        _run_until(output, server, inputs, lambda: _batch_recorded(server, output))
        state = BatchState.load(_state(output))
        [entry] = state.entries
        entry.id = None
        if lost == "file and batch ids":
            # killed before the upload was recorded: the batch cannot have been created
            server.core.batches.clear()
            server.core.submissions.clear()
            entry.input_file_id = None
        state.save()
        server.core.batch = BatchConfig()
        summary = run_batch(inputs, output, server)
        assert set(server.core.submissions.values()) == {1}
    assert summary.documents == 28 and summary.ok == 28
    assert sorted(line["doc_id"] for line in read_lines(output)) == sorted(
        f"d{n}" for n in range(28)
    )


def test_a_batch_whose_creation_was_not_answered_is_found_not_created_again(
    tmp_path: Path,
) -> None:
    """The answer to ``batches.create`` is lost twice (a reset connection, as a timeout): the
    retry finds the batch it made instead of paying for it again."""
    inputs = write_corpus(tmp_path, list(range(2, 20)))
    with FakeBatchAPI(answer, batch=BatchConfig(lost_creates=2)) as server:
        summary = run_batch(inputs, tmp_path / "out.jsonl", server, max_batch_requests=6)
        assert set(server.core.submissions.values()) == {1}
    assert summary.ok == 18


def test_status_and_cancel_show_and_stop_the_batches_in_flight(tmp_path: Path) -> None:
    inputs = write_corpus(tmp_path, list(range(2, 12)))
    output = tmp_path / "out.jsonl"
    runner = CliRunner()
    slow = BatchConfig(steps=("in_progress",) * 1000)
    with FakeBatchAPI(answer, batch=slow) as server:
        where = ["--model", MODEL, "--base-url", server.base_url]
        nothing = runner.invoke(app, ["batch", "status", str(output), *where], env=CLEAN_ENV)
        assert nothing.exit_code == 0 and "no batch recorded" in nothing.stdout

        _run_until(output, server, inputs, lambda: _batch_recorded(server, output))
        shown = runner.invoke(app, ["batch", "status", str(output), *where], env=CLEAN_ENV)
        assert shown.exit_code == 0, shown.stderr
        assert "in_progress" in shown.stdout or "validating" in shown.stdout
        stopped = runner.invoke(app, ["batch", "cancel", str(output), *where], env=CLEAN_ENV)
        assert stopped.exit_code == 0, stopped.stderr
        assert "cancelling" in stopped.stdout
        server.core.batch = BatchConfig()
        summary = run_batch(inputs, output, server)  # what was cancelled is submitted again
        assert set(server.core.submissions.values()) == {1}
    assert summary.ok == 10 and len(read_lines(output)) == 10


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["--reask", "live"], "add --batch"),
        (["--batch", "--reask", "soon"], "--reask"),
        (["--batch", "--model", "local"], "local model has none"),
        (["--batch", "-o", "/dev/null"], "not a stream"),
    ],
)
def test_batch_options_that_cannot_work_are_one_line_and_exit_2(
    tmp_path: Path, args: list[str], said: str
) -> None:
    inputs = write_corpus(tmp_path, [3])
    command = ["bulk", str(inputs), "-o", str(tmp_path / "out.jsonl"), "--progress", "none"]
    if "--model" not in args:
        command += ["--model", MODEL, "--base-url", "http://127.0.0.1:9/v1"]
    result = CliRunner().invoke(app, [*command, *args], env=CLEAN_ENV)
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert result.exit_code == 2, result.stderr
    assert len(lines) == 1 and said in lines[0] and "Traceback" not in result.stderr


def test_the_cost_is_the_batch_price_for_batch_tokens(tmp_path: Path) -> None:
    inputs = write_corpus(tmp_path, [3])
    run = ProviderBatchRun([str(inputs)], tmp_path / "out.jsonl", model="openai/gpt-4o-mini",
                           api_key="sk-test")  # fmt: skip
    run.summary.prompt_tokens, run.summary.completion_tokens = 3_000_000, 1_000_000
    run.live_usage = Usage(prompt_tokens=1_000_000, completion_tokens=0)
    run._finish()
    # gpt-4o-mini lists at $0.15 / $0.60 per million: 2M + 1M in batches at half, 1M live
    assert run.summary.cost_usd == pytest.approx((2 * 0.15 + 0.60) / 2 + 0.15)
    # a user's --price is a list price too: batch tokens at half of it, live ones at all of it
    run.price = (1.0, 2.0)
    run._finish()
    assert run.summary.cost_usd == pytest.approx((2 * 1.0 + 2.0) / 2 + 1.0)
    with pytest.raises(ConfigurationError, match="poll_interval"):
        ProviderBatchRun([str(inputs)], tmp_path / "o.jsonl", model=MODEL,
                         base_url="http://127.0.0.1:9/v1", poll_interval=0)  # fmt: skip


def test_a_state_file_that_is_not_ours_is_refused_untouched(tmp_path: Path) -> None:
    inputs = write_corpus(tmp_path, [3])
    output = tmp_path / "out.jsonl"
    state = _state(output)
    state.write_text("{not json")
    with FakeBatchAPI(answer) as server, pytest.raises(ConfigurationError, match="move it aside"):
        run_batch(inputs, output, server)
    assert state.read_text() == "{not json"
    assert isinstance(BatchEntry("x", [], 0).describe(), str)


def test_batches_of_another_server_are_never_resumed_here(tmp_path: Path) -> None:
    """A state file names batches by the ids one server gave: against another server (the
    same ids may name other batches there) the run refuses, naming both, and touches
    nothing; against its own server it resumes."""
    inputs = write_corpus(tmp_path, [3, 4])
    output = tmp_path / "out.jsonl"
    state = _state(output)
    config = BatchConfig(steps=("in_progress",) * 100_000)  # never ends while we look
    with FakeBatchAPI(answer, batch=config) as first:
        run = ProviderBatchRun([str(inputs)], output, model=MODEL, base_url=first.base_url,
                               poll_interval=0.02)  # fmt: skip

        async def submit_then_stop() -> None:
            task = asyncio.create_task(run.run())
            while not (state.exists() and '"id": "batch' in state.read_text()):
                await asyncio.sleep(0.01)
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

        aio.run(submit_then_stop())
        saved = state.read_bytes()
        with FakeBatchAPI(answer) as other:
            with pytest.raises(ConfigurationError) as refused:
                run_batch(inputs, output, other)
            assert other.base_url in str(refused.value) and first.base_url in str(refused.value)
        assert state.read_bytes() == saved


# ------------------------------------------------------------- killed runs


def _wait(condition: Callable[[], bool], process: subprocess.Popen[bytes], limit: float) -> None:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline and process.poll() is None and not condition():
        time.sleep(0.01)


def test_a_thousand_documents_killed_at_random_moments_end_once_each(tmp_path: Path) -> None:
    """SIGKILL before the upload, around the submission, while results are written; then rerun."""
    rng = random.Random(20260117)
    count = 1000
    tolls = [rng.randint(2, 5000) for _ in range(count)]
    inputs = write_corpus(tmp_path, tolls)
    output = tmp_path / "out.jsonl"
    state = _state(output)
    config = faulty(lambda k: "server_error" if k % 13 == 0 else None,
                    lambda n: "expired" if n == 2 else "completed")  # fmt: skip
    config = BatchConfig(steps=("in_progress",) * 3 + ("finalizing",), end=config.end,
                         item_fault=config.item_fault)  # fmt: skip
    with FakeBatchAPI(answer, batch=config) as server:
        command = [
            sys.executable, "-m", "extractor", "bulk", str(inputs), "-o", str(output), "--batch",
            "--model", MODEL, "--base-url", server.base_url, "--types", "casualty_report",
            "--poll-interval", "0.05", "--progress", "none",
        ]  # fmt: skip

        def lines() -> int:
            return output.read_bytes().count(b"\n") if output.exists() else 0

        moments: list[Callable[[], bool]] = [
            lambda: False,  # a random moment while reading and building
            state.exists,  # around the first submission
            lambda: lines() > 0,  # while the answers are written
        ]
        limits = [rng.uniform(0.5, 4.0), 40.0, 40.0]
        for moment, limit in zip(moments, limits, strict=True):
            run = subprocess.Popen(command, cwd=ROOT, env=CLEAN_ENV, stderr=subprocess.DEVNULL)
            _wait(moment, run, limit)
            time.sleep(rng.uniform(0.0, 0.3))
            run.send_signal(signal.SIGKILL)
            run.wait(timeout=10)
        finished = subprocess.run(command, cwd=ROOT, env=CLEAN_ENV, capture_output=True,
                                  text=True, timeout=120)  # fmt: skip
        submissions = dict(server.core.submissions)
    assert finished.returncode == 0, finished.stderr[-2000:]
    written = read_lines(output)
    winners = {line["doc_id"]: line for line in written}
    assert len(winners) == count and set(winners) == {f"d{n}" for n in range(count)}
    assert len(written) == count, "a document written twice"
    assert all(line["status"] == "ok" for line in written)
    assert set(submissions.values()) == {1}, "a request paid for twice"
    for n, toll in enumerate(tolls):
        line = winners[f"d{n}"]
        assert [r["killed"]["low"] for r in line["records"]] == [toll]
        if toll % 9 == 0 or toll % 11 == 0:
            assert line["calls"] >= 2  # its invalid answer was re-asked in a follow-up batch
    assert not state.exists()
