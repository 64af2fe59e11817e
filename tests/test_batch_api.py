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

import dataclasses
import json
import os
import random
import subprocess
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from extractor import Document, Extractor, build_requests, parse_response
from extractor.bulk.provider_batch import BatchEntry, BatchState, ProviderBatchRun
from extractor.bulk.runner import BulkRun
from extractor.cli import app
from extractor.errors import ConfigurationError, ExtractionFailed
from extractor.pipeline.requests import ModelRequest, assemble
from extractor.pipeline.result import Usage
from extractor.runtime import aio
from tests.batch_support import (
    EMPTY,
    BatchModel,
    answer_text,
    assert_as_live,
    assert_each_once,
    batch_recorded,
    chain,
    first_time,
    kill_when,
    line_count,
    meeting,
    read_lines,
    reasked,
    state_file,
    write_corpus,
)
from tests.conftest import RECORDED_MODEL, RECORDING_BASE_URL, SEEDS
from tests.fakes.batch_server import BatchConfig, FakeBatchAPI
from tests.fakes.kano import kano
from tests.fakes.openai_server import LOOPBACK_ONLY, SCHEMA_INVALID_CONTENT

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.block_network(allowed_hosts=LOOPBACK_ONLY)

MODEL = "openai/fake-model"
OPENAI = BatchModel(MODEL)
extractor_for = OPENAI.extractor
run_batch = OPENAI.run_batch
run_until = OPENAI.run_until
CLEAN_ENV = {k: v for k, v in os.environ.items() if not k.startswith(("EXTRACTOR_", "OPENAI_"))}
HYPOTHESIS = settings(
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
COUNTRIES = ["France", "Germany", "Japan", "Brazil", "Kenya", "India", "Canada"]


# ------------------------------------------------------------ articles, answers


sentences = st.one_of(
    st.integers(2, 400).map(kano),
    st.tuples(st.sampled_from(COUNTRIES), st.sampled_from(COUNTRIES))
    .filter(lambda pair: pair[0] != pair[1])
    .map(lambda pair: meeting(*pair)),
    st.sampled_from(["The weather was mild.", "Markets were closed for the holiday."]),
    # words of a meeting the fake model finds no meeting in: an empty answer, then a second look
    st.just("The two ministers talked by phone."),
)
articles = st.lists(sentences, min_size=1, max_size=6).map(" ".join)


def _messages(body: dict[str, Any]) -> list[dict[str, Any]]:
    messages = body.get("messages")
    return messages if isinstance(messages, list) else []


def answer(body: dict[str, Any]) -> str:
    """The fake model (:func:`answer_text`) on a chat request; a re-ask holds an earlier answer."""
    messages = _messages(body)
    text = "\n".join(str(m.get("content")) for m in messages if m.get("role") != "assistant")
    first = not any(m.get("role") in ("assistant", "tool") for m in messages)
    return answer_text(text, first)


def body_text(body: dict[str, Any]) -> str:
    """A chat request's text as :func:`first_time` looks for a toll in it: the JSON body."""
    return json.dumps(body).replace("\\n", "\n")


@pytest.fixture(scope="module")
def api() -> Iterator[FakeBatchAPI]:
    with FakeBatchAPI(answer) as server:
        yield server


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


@settings(HYPOTHESIS, max_examples=25)
@given(
    text=articles,
    strategy=st.sampled_from(["single", "per-type"]),
    mode=st.sampled_from(["grammar", "json", "json_schema", "md_json"]),
    chunk_chars=st.integers(60, 500),
    max_retries=st.integers(0, 2),
    second_look=st.booleans(),
)
# a second look after a first answer whose records were all dropped: the warnings of both
# looks in the live order
@example(text="At least 11 people were killed in Kano, Nigeria on Friday.", strategy="single",
         mode="grammar", chunk_chars=60, max_retries=0, second_look=True)  # fmt: skip
def test_batch_requests_and_results_are_the_live_ones(
    api: FakeBatchAPI, text: str, strategy: str, mode: str, chunk_chars: int, max_retries: int,
    second_look: bool,
) -> None:  # fmt: skip
    """Live extraction vs build_requests + parse_response + assemble on the same answers
    (second looks included: a batch asks them after the same empty answers)."""
    document = Document("doc-1", text, published=date(2024, 3, 12))
    with extractor_for(api, strategy=strategy, mode=mode, chunk_chars=chunk_chars,
                       chunk_overlap=40, max_retries=max_retries,
                       second_look=second_look) as ex:  # fmt: skip
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
        # the very answers the live calls got
        replies = chain(document, requests, raw, lambda i: api.core._completion(log[i]))
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


def faulty(first_fault: Callable[[int], str | None], end: Callable[[int], str]) -> BatchConfig:
    """Batches that end as ``end(n)`` says; an item fails the first time its toll is asked."""
    return BatchConfig(end=end, item_fault=first_time(first_fault, body_text))


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
    assert_as_live(batch, live, tolls)
    assert not state_file(folder / "batch.jsonl").exists()
    if reask == "live":
        assert live_chat >= sum(map(reasked, tolls))  # re-asks went out at once, not in batches
    else:
        assert live_chat == 0


@pytest.mark.parametrize("lost", ["batch id", "file and batch ids"])
def test_a_submission_cut_short_is_resumed_not_paid_twice(tmp_path: Path, lost: str) -> None:
    """The state lost what a kill between two steps loses; the rerun pays each request once."""
    inputs = write_corpus(tmp_path, list(range(2, 30)))
    output = tmp_path / "out.jsonl"
    slow = BatchConfig(steps=("in_progress",) * 50)
    with FakeBatchAPI(answer, batch=slow) as server:
        run_until(output, server, inputs, lambda: batch_recorded(server, output))
        state = BatchState.load(state_file(output))
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
        missing = runner.invoke(app, ["batch", "status", str(output), *where], env=CLEAN_ENV)
        assert missing.exit_code == 2 and "no such file" in missing.stderr  # a typo is said
        output.write_text("", encoding="utf-8")
        nothing = runner.invoke(app, ["batch", "status", str(output), *where], env=CLEAN_ENV)
        assert nothing.exit_code == 0 and "no batch recorded" in nothing.stdout
        output.unlink()

        run_until(output, server, inputs, lambda: batch_recorded(server, output))
        shown = runner.invoke(app, ["batch", "status", str(output), *where], env=CLEAN_ENV)
        assert shown.exit_code == 0, shown.stderr
        assert "in_progress" in shown.stdout or "validating" in shown.stdout
        # the same server spelt with a trailing slash is the same server
        slashed = ["--model", MODEL, "--base-url", server.base_url + "/"]
        again = runner.invoke(app, ["batch", "status", str(output), *slashed], env=CLEAN_ENV)
        assert again.exit_code == 0, again.stderr
        with FakeBatchAPI(answer, batch=slow) as other:
            # nothing said: the recorded model and server, even with another in the environment
            elsewhere = {**CLEAN_ENV, "EXTRACTOR_BASE_URL": other.base_url}
            recorded = runner.invoke(app, ["batch", "status", str(output)], env=elsewhere)
            assert recorded.exit_code == 0, recorded.stderr
            assert "in_progress" in recorded.stdout or "validating" in recorded.stdout
            # another server named: refused before the key or a batch id reaches it
            for command in ("status", "cancel"):
                wrong = ["batch", command, str(output), "--base-url", other.base_url]
                refused = runner.invoke(app, wrong, env=CLEAN_ENV)
                assert refused.exit_code == 2, refused.output
                assert server.base_url in refused.stderr and "Traceback" not in refused.output
            assert other.core.retrieves == 0 and not other.log
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
    state = state_file(output)
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
    state = state_file(output)
    config = BatchConfig(steps=("in_progress",) * 100_000)  # never ends while we look
    with FakeBatchAPI(answer, batch=config) as first:

        def submitted() -> bool:
            return state.exists() and '"id": "batch' in state.read_text()

        run_until(output, first, inputs, submitted)
        saved = state.read_bytes()
        with FakeBatchAPI(answer) as other:
            with pytest.raises(ConfigurationError) as refused:
                run_batch(inputs, output, other)
            assert other.base_url in str(refused.value) and first.base_url in str(refused.value)
        assert state.read_bytes() == saved


# ------------------------------------------------------------- killed runs


def test_a_thousand_documents_killed_at_random_moments_end_once_each(tmp_path: Path) -> None:
    """SIGKILL before the upload, around the submission, while results are written; then rerun."""
    rng = random.Random(20260117)
    count = 1000
    tolls = [rng.randint(2, 5000) for _ in range(count)]
    inputs = write_corpus(tmp_path, tolls)
    output = tmp_path / "out.jsonl"
    state = state_file(output)
    config = BatchConfig(
        steps=("in_progress",) * 3 + ("finalizing",),
        end=lambda n: "expired" if n == 2 else "completed",
        item_fault=first_time(lambda k: "server_error" if k % 13 == 0 else None, body_text),
    )
    with FakeBatchAPI(answer, batch=config) as server:
        command = OPENAI.command(inputs, output, server)
        moments: list[Callable[[], bool]] = [
            lambda: False,  # a random moment while reading and building
            state.exists,  # around the first submission
            lambda: line_count(output) > 0,  # while the answers are written
        ]
        limits = [rng.uniform(0.5, 4.0), 40.0, 40.0]
        for moment, limit in zip(moments, limits, strict=True):
            pause = rng.uniform(0.0, 0.3)
            kill_when(command, CLEAN_ENV, moment, limit, pause, stderr=subprocess.DEVNULL)
        finished = subprocess.run(command, cwd=ROOT, env=CLEAN_ENV, capture_output=True,
                                  text=True, timeout=120)  # fmt: skip
        submissions = dict(server.core.submissions)
    assert finished.returncode == 0, finished.stderr[-2000:]
    assert_each_once(read_lines(output), tolls)
    assert set(submissions.values()) == {1}, "a request paid for twice"
    assert not state.exists()


_WRONG = st.one_of(st.none(), st.integers(), st.text(max_size=4), st.lists(st.integers(), max_size=2),
                   st.dictionaries(st.text(max_size=2), st.integers(), max_size=2), st.booleans())  # fmt: skip


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    where=st.sampled_from(["batches", "entry", "field", "model", "deep"]),
    field=st.sampled_from([f.name for f in dataclasses.fields(BatchEntry)]),
    value=_WRONG,
)
def test_a_damaged_state_file_is_refused_in_one_line_never_a_traceback(
    tmp_path: Path, where: str, field: str, value: Any
) -> None:
    """A hand-edited or half-restored ``out.jsonl.batches.json`` (``"batches": "x"``, an
    entry ``1``, ``"status": [1]``, ``"custom_ids": 5``, nesting past what JSON reads) was
    an AttributeError or TypeError traceback in ``batch status``, ``cancel`` and ``bulk
    --batch``. It loads with every field of its type, or is refused in one line."""
    path = tmp_path / f"s{random.random()}.batches.json"
    state = BatchState(path, [BatchEntry("ab", ["x", "y"], 10, id="batch-1", status="in_progress")])
    state.model, state.server = "openai/m", "http://127.0.0.1:9/v1"
    state.save()
    data = json.loads(path.read_text())
    if where == "batches":
        data["batches"] = value
    elif where == "entry":
        data["batches"][0] = value
    elif where == "field":
        data["batches"][0][field] = value
    elif where == "model":
        data["model"] = value
    text = "[" * 100_000 + "]" * 100_000 if where == "deep" else json.dumps(data)
    path.write_text(text)
    try:
        loaded = BatchState.load(path)
    except ConfigurationError as error:
        assert "\n" not in str(error) and str(path) in str(error)
        return
    for entry in loaded.entries:  # accepted: every field is of its declared type
        assert isinstance(entry.custom_ids, list) and all(
            isinstance(c, str) for c in entry.custom_ids
        )
        assert isinstance(entry.status, str) and isinstance(entry.bytes, int)
        assert entry.id is None or isinstance(entry.id, str)
    assert loaded.model is None or isinstance(loaded.model, str)
