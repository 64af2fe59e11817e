"""Anthropic models through the Message Batches API: the live path's requests and results.

Against a fake Anthropic API on loopback (:mod:`tests.fakes.anthropic_server`),
as ``tests/test_batch_api.py`` checks the OpenAI batch API:

* a live extraction with an ``anthropic/...`` model works at a base URL, and
  ``build_requests`` produces its bodies byte for byte (re-asks and
  shorter-answer retries included); ``parse_response`` on the answers it got
  gives its result, record for record, token for token; refusals, cut-off
  answers and answers that are no message end a call as they end it live;
* a ``--batch`` run writes the lines a live run writes, whatever the batches
  do (expire, fail or drop items, answer invalidly), and submits every
  request once; ``batch status`` and ``batch cancel`` work; a batch whose
  creation was not answered, or whose id a kill lost, is adopted, not paid
  twice;
* 320 documents killed at random moments (SIGKILL) and rerun end with every
  document once and every request submitted once; the key is never written;
* without the anthropic package, one line says what to install.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import httpx2
import pytest
from typer.testing import CliRunner

from extractor import Document, Extractor, build_requests, parse_response
from extractor.bulk.provider_batch import BatchState, ProviderBatchRun
from extractor.bulk.runner import BulkRun
from extractor.cli import app
from extractor.errors import (
    ConfigurationError,
    IncompatibleServerError,
    ModelRefusal,
)
from extractor.pipeline.requests import TRUNCATED_NOTE, ModelRequest, Reply, assemble
from extractor.pipeline.result import Usage
from extractor.runtime import aio
from extractor.runtime.anthropic_wire import CUSTOM_ID, batch_custom_id
from tests.batch_support import (
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
from tests.fakes.anthropic_server import AnthropicBatchConfig, FakeAnthropic
from tests.fakes.kano import kano
from tests.fakes.openai_server import LOOPBACK_ONLY, Fault

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.block_network(allowed_hosts=LOOPBACK_ONLY)

MODEL = "anthropic/claude-x"
KEY = "sk-ant-api03-FAKEkey-never-written-7f3a9c21"
CLEAN_ENV = {
    k: v for k, v in os.environ.items() if not k.startswith(("EXTRACTOR_", "OPENAI_", "ANTHROPIC_"))
}
ENV = {**CLEAN_ENV, "ANTHROPIC_API_KEY": KEY}
ANTHROPIC = BatchModel(MODEL, KEY)
extractor_for = ANTHROPIC.extractor
run_batch = ANTHROPIC.run_batch
run_until = ANTHROPIC.run_until


def answer(view: dict[str, Any]) -> str:
    """The fake model (:func:`answer_text`) on a Messages request seen as chat."""
    messages = view["messages"]
    text = "\n".join(str(m["content"]) for m in messages if m["role"] != "assistant")
    # a re-ask: the answer back as the assistant's turn (tools), or quoted (instructor's JSON)
    first = not any(
        m["role"] == "assistant" or "Validation Error" in m["content"] for m in messages
    )
    return answer_text(text, first)


@pytest.fixture(scope="module")
def api() -> Iterator[FakeAnthropic]:
    with FakeAnthropic(answer) as server:
        yield server


# ------------------------------------------------------- live path, byte identity


def _chain(
    server: FakeAnthropic, start: int, document: Document, requests: list[ModelRequest]
) -> list[Reply]:
    """:func:`chain` through the very answers the live run got, from request ``start`` on."""
    log = server.log[start:]

    def answer_to(index: int) -> dict[str, Any]:
        record = log[index]
        kind = {Fault.REFUSAL: "refusal", Fault.LENGTH: "length"}.get(record.fault or Fault.SLOW)
        return server.core.message(record.body, kind, record.index)

    return chain(document, requests, server.core.raw_messages[start:], answer_to)


ARTICLES = [
    (kano(18), "single", "auto"),  # invalid JSON shape first: re-asked
    (f"{kano(22)} {meeting('Japan', 'Kenya')}", "per-type", "auto"),  # ungrounded country
    (f"The weather was mild. {kano(7)} {meeting('France', 'Brazil')} {kano(27)}", "single", "auto"),
    (f"{kano(36)} {meeting('Japan', 'Kenya')}", "single", "json"),  # instructor's JSON mode
]


@pytest.mark.parametrize(
    ("text", "strategy", "mode"), ARTICLES, ids=["shape", "grounding", "mixed", "json-mode"]
)
def test_live_requests_and_results_are_the_batch_ones(
    api: FakeAnthropic, text: str, strategy: str, mode: str
) -> None:
    """A live Anthropic extraction at a base URL, then build_requests + parse_response +
    assemble on the answers it got: the same bodies (byte for byte) and the same result."""
    document = Document("doc-1", text, published=date(2024, 3, 12))
    options = {"strategy": strategy, "mode": mode, "chunk_chars": 90, "chunk_overlap": 20}
    with extractor_for(api, **options) as ex:
        start = len(api.core.raw_messages)
        live = ex.extract(text, published=document.published, doc_id=document.doc_id)
        sent = len(api.core.raw_messages) - start
        requests = build_requests(document, ex)
        replies = _chain(api, start, document, requests)
        batch = assemble(document, replies, ex)
    assert sent == len(replies) and live.metadata.reasks >= 1
    assert [r.model_dump() for r in batch.records] == [r.model_dump() for r in live.records]
    assert sorted(r.killed.low for r in live.casualty_reports) == sorted(
        int(k) for k in re.findall(r"At least (\d+)", text)
    )
    for name in ("usage", "calls", "reasks", "dropped", "warnings", "chunks"):
        assert getattr(batch.metadata, name) == getattr(live.metadata, name), name
    body = json.loads(requests[0].body)
    assert "temperature" not in body and body["model"] == "claude-x"
    assert body["system"][0]["type"] == "text"
    assert ("tool_choice" in body) == (mode == "auto")


def test_modes_the_anthropic_handlers_do_not_serve_as_asked_are_refused() -> None:
    for mode in ("md_json", "json_schema", "grammar"):
        with pytest.raises(ConfigurationError, match="take --mode auto, tools, json"):
            Extractor(MODEL, api_key=KEY, mode=mode)  # type: ignore[arg-type]


def test_a_cut_off_answer_and_a_refusal_end_the_call_as_live() -> None:
    """``max_tokens``: asked again, shorter (the same body live and in a batch); ``refusal``:
    a ModelRefusal, not re-asked, with the same words on both paths."""
    document = Document("d", kano(12))
    faults = {0: Fault.LENGTH, 2: Fault.REFUSAL}
    with (
        FakeAnthropic(answer, faults=faults) as server,
        extractor_for(server, types=["casualty_report"]) as ex,
    ):
        live = ex.extract(document.text, doc_id="d")
        [request] = build_requests(document, ex)
        replies = _chain(server, 0, document, [request])
        with pytest.raises(ModelRefusal) as refused:
            ex.extract(document.text, doc_id="d")
        refused_answer = server.core.message(server.log[2].body, "refusal", 2)
        refusal = parse_response(request, refused_answer, document)
    assert [r.killed.low for r in live.casualty_reports] == [12]
    assert replies[0].follow_up is not None and replies[0].follow_up.truncations == 1
    assert TRUNCATED_NOTE in replies[0].follow_up.body.decode()
    batch = assemble(document, replies, ex)
    assert [r.model_dump() for r in batch.records] == [r.model_dump() for r in live.records]
    assert (batch.metadata.usage, batch.metadata.calls) == (
        live.metadata.usage,
        live.metadata.calls,
    )
    assert isinstance(refusal.error, ModelRefusal) and refusal.follow_up is None
    assert str(refusal.error) == Exception.__str__(refused.value)
    assert refusal.usage.prompt_tokens > 0


def test_an_answer_that_is_no_message_is_refused_on_both_paths() -> None:
    document = Document("d", kano(5))
    faults = {0: Fault.NOT_A_COMPLETION}
    with (
        FakeAnthropic(answer, faults=faults) as server,
        extractor_for(server, types=["casualty_report"]) as ex,
    ):
        with pytest.raises(IncompatibleServerError, match="Anthropic Messages API"):
            ex.extract(document.text, doc_id="d")
        [request] = build_requests(document, ex)
    chat = {"choices": [{"index": 0, "message": {"role": "assistant", "content": "{}"}}]}
    for wrong in (chat, {"status": "ok"}, b"<html>nope</html>", b"[]"):
        reply = parse_response(request, wrong, document)
        assert isinstance(reply.error, IncompatibleServerError), wrong
        assert "not an Anthropic message" in str(reply.error)


def test_batch_custom_ids_are_anthropics_and_derived() -> None:
    rng = random.Random(7)
    ours = [
        f"{rng.getrandbits(64):016x}-{rng.randint(0, 9)}-casualty_report+meeting+visit-"
        f"{rng.randint(1, 3)}.{rng.randint(0, 1)}.{rng.randint(0, 4)}-{rng.getrandbits(48):012x}"
        for _ in range(300)
    ]
    mapped = [batch_custom_id(cid) for cid in ours]
    assert all(CUSTOM_ID.match(m) for m in mapped)
    assert len(set(mapped)) == len(ours)
    assert mapped == [batch_custom_id(cid) for cid in ours]  # the same in every run


# ---------------------------------------------------------------- batch runs


def view_text(view: dict[str, Any]) -> str:
    """A request's chat view's text, as :func:`first_time` looks for a toll in it."""
    return "\n".join(m["content"] for m in view["messages"])


@pytest.mark.parametrize(("seed", "reask"), [(3, "batch"), (11, "live")])
def test_a_batch_run_writes_what_a_live_run_writes(tmp_path: Path, seed: int, reask: str) -> None:
    rng = random.Random(seed)
    tolls = rng.sample(range(2, 300), 36)
    inputs = write_corpus(tmp_path, tolls)
    kinds = [None, None, None, "errored", "drop", "length"]
    drawn = {k: rng.choice(kinds) for k in tolls}
    config = AnthropicBatchConfig(
        end=lambda n: "expired" if n == 1 else "ended", item_fault=first_time(drawn.get, view_text)
    )
    with FakeAnthropic(answer, batch=config) as server:
        summary = run_batch(inputs, tmp_path / "batch.jsonl", server, reask=reask,
                            max_batch_requests=rng.randint(5, 12))  # fmt: skip
        submitted = dict(server.core.submissions)
        live_calls = len(server.core.raw_messages)
    assert set(submitted.values()) == {1}  # every request paid for once
    with FakeAnthropic(answer) as plain:
        run = BulkRun([str(inputs)], tmp_path / "live.jsonl", model=MODEL,
                      base_url=plain.base_url, api_key=KEY)  # fmt: skip
        aio.run(run.run())
    batch, live = read_lines(tmp_path / "batch.jsonl"), read_lines(tmp_path / "live.jsonl")
    assert summary.documents == summary.ok == len(tolls)
    assert sorted(line["doc_id"] for line in live) == sorted(line["doc_id"] for line in batch)
    assert_as_live(batch, live, tolls)
    for line in batch:
        toll = tolls[int(line["doc_id"][1:])]
        assert [r["killed"]["low"] for r in line["records"] if "killed" in r] == [toll]
    reasks = sum(map(reasked, tolls))
    assert (live_calls >= reasks) if reask == "live" else (live_calls == 0)
    assert not state_file(tmp_path / "batch.jsonl").exists()


def test_an_item_the_api_refuses_as_invalid_is_not_sent_again(tmp_path: Path) -> None:
    tolls = list(range(2, 14))
    inputs = write_corpus(tmp_path, tolls)
    invalid = first_time(lambda k: "invalid" if k == 5 else None, view_text)
    config = AnthropicBatchConfig(item_fault=invalid)
    with FakeAnthropic(answer, batch=config) as server:
        summary = run_batch(inputs, tmp_path / "out.jsonl", server)
        assert set(server.core.submissions.values()) == {1}
    lines = {line["doc_id"]: line for line in read_lines(tmp_path / "out.jsonl")}
    assert summary.errors == 1 and lines["d3"]["status"] == "error"
    assert "HTTP 400" in lines["d3"]["error"]["message"]


def test_a_batch_whose_creation_was_not_answered_is_found_not_created_again(
    tmp_path: Path,
) -> None:
    inputs = write_corpus(tmp_path, list(range(2, 20)))
    with FakeAnthropic(answer, batch=AnthropicBatchConfig(lost_creates=2)) as server:
        summary = run_batch(inputs, tmp_path / "out.jsonl", server, max_batch_requests=6)
        assert set(server.core.submissions.values()) == {1}
        lost = [server.core.batches[f"msgbatch_fake{n:06d}"] for n in (1, 2)]
        assert all(b.status == "ended" for b in lost)  # adopted and read, not made again
    assert summary.ok == 18


def test_a_batch_whose_id_a_kill_lost_is_adopted_and_a_doubt_is_said(tmp_path: Path) -> None:
    """The state says ``submitting`` (killed between the create and its answer): the rerun
    adopts the one batch of that size created then; with a second one it cannot tell which
    is its own and says so, until that one's results show it is not."""
    inputs = write_corpus(tmp_path, list(range(2, 14)))
    output = tmp_path / "out.jsonl"
    slow = AnthropicBatchConfig(steps=1000)
    with FakeAnthropic(answer, batch=slow) as server:
        run_until(output, server, inputs, lambda: batch_recorded(server, output))
        state = BatchState.load(state_file(output))
        [entry] = state.entries
        entry.id, entry.status = None, "submitting"
        state.save()
        decoy = [{"custom_id": f"other-{n}", "params": {"model": "m", "max_tokens": 5,
                  "messages": [{"role": "user", "content": "hi"}]}}
                 for n in range(len(entry.custom_ids))]  # fmt: skip
        made = httpx2.post(f"{server.base_url}/v1/messages/batches", json={"requests": decoy},
                           headers={"x-api-key": "someone-else"}).json()  # fmt: skip
        with pytest.raises(ConfigurationError, match="cannot tell which") as doubt:
            run_batch(inputs, output, server)
        assert made["id"] in str(doubt.value) and "\n" not in str(doubt.value)
        server.core.batch = AnthropicBatchConfig(steps=0)
        for _ in range(2):  # the other batch ends: its results are not this run's requests
            httpx2.get(f"{server.base_url}/v1/messages/batches/{made['id']}",
                       headers={"x-api-key": "someone-else"})  # fmt: skip
        summary = run_batch(inputs, output, server)
        ours = {c: n for c, n in server.core.submissions.items() if not c.startswith("other-")}
    assert set(ours.values()) == {1}  # adopted, not submitted again
    assert summary.ok == 12 and len(read_lines(output)) == 12


def test_status_and_cancel_show_and_stop_the_batches_in_flight(tmp_path: Path) -> None:
    inputs = write_corpus(tmp_path, list(range(2, 12)))
    output = tmp_path / "out.jsonl"
    runner = CliRunner()
    with FakeAnthropic(answer, batch=AnthropicBatchConfig(steps=1000)) as server:
        where = ["--base-url", server.base_url]  # the model: the one the state records
        status = ["batch", "status", str(output), "--model", MODEL, *where]
        missing = runner.invoke(app, status, env=ENV)
        assert missing.exit_code == 2 and "no such file" in missing.stderr  # a typo is said
        output.write_text("", encoding="utf-8")
        nothing = runner.invoke(app, status, env=ENV)
        assert nothing.exit_code == 0 and "no batch recorded" in nothing.stdout
        output.unlink()

        run_until(output, server, inputs, lambda: batch_recorded(server, output))
        shown = runner.invoke(app, ["batch", "status", str(output), *where], env=ENV)
        assert shown.exit_code == 0, shown.stderr
        assert "in_progress" in shown.stdout and re.search(r"0/\d+ requests", shown.stdout)
        stopped = runner.invoke(app, ["batch", "cancel", str(output), *where], env=ENV)
        assert stopped.exit_code == 0, stopped.stderr
        assert "canceling" in stopped.stdout
        server.core.batch = AnthropicBatchConfig()
        summary = run_batch(inputs, output, server)  # what was cancelled is submitted again
        assert set(server.core.submissions.values()) == {1}
        assert server.core.unauthenticated == 0
    assert summary.ok == 10 and len(read_lines(output)) == 10
    for text in (nothing.output, shown.output, stopped.output):
        assert KEY not in text


def test_the_cost_is_the_batch_price_for_batch_tokens(tmp_path: Path) -> None:
    inputs = write_corpus(tmp_path, [3])
    run = ProviderBatchRun([str(inputs)], tmp_path / "out.jsonl",
                           model="anthropic/claude-3-5-haiku-latest", api_key=KEY)  # fmt: skip
    assert (run.max_batch_requests, run.max_batch_bytes) == (100_000, 250_000_000)
    run.summary.prompt_tokens, run.summary.completion_tokens = 3_000_000, 1_000_000
    run.live_usage = Usage(prompt_tokens=1_000_000, completion_tokens=0)
    run._finish()
    # claude-3-5-haiku lists at $0.80 / $4.00 per million: 2M + 1M in batches at half, 1M live
    assert run.summary.cost_usd == pytest.approx((2 * 0.80 + 4.00) / 2 + 0.80)


def test_without_the_anthropic_package_one_line_says_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "anthropic", None)  # import anthropic: ImportError
    with pytest.raises(ConfigurationError, match=r"pip install 'extractor\[anthropic\]'"):
        Extractor(MODEL, api_key=KEY)
    inputs = write_corpus(tmp_path, [3])
    for extra in (["--batch"], []):
        result = CliRunner().invoke(
            app, ["bulk", str(inputs), "-o", str(tmp_path / "out.jsonl"), "--model", MODEL,
                  "--progress", "none", *extra], env=ENV,
        )  # fmt: skip
        lines = [line for line in result.stderr.splitlines() if line.strip()]
        assert result.exit_code == 2, result.output
        assert len(lines) == 1 and "pip install 'extractor[anthropic]'" in lines[0]
    assert not (tmp_path / "out.jsonl").exists()


def test_the_sdks_debug_log_never_shows_the_key(caplog: pytest.LogCaptureFixture) -> None:
    """The anthropic SDK logs request options (headers included) at debug level."""
    import logging

    with Extractor(MODEL, api_key=KEY), caplog.at_level(logging.DEBUG, logger="anthropic"):
        headers = {"Authorization": f"Bearer {KEY}", "X-Api-Key": KEY}
        logging.getLogger("anthropic._base_client").debug("Request options: %s", headers)
    assert caplog.records and KEY not in caplog.text


# ------------------------------------------------------------------ killed runs


def test_documents_killed_at_random_moments_end_once_each(tmp_path: Path) -> None:
    """SIGKILL while reading, while the batch is created (its id lost: adopted by the rerun),
    while results are written; then rerun. Every document once, every request submitted
    once, the key nowhere."""
    rng = random.Random(20260517)
    count = 320
    tolls = [rng.randint(2, 5000) for _ in range(count)]
    inputs = write_corpus(tmp_path, tolls)
    output = tmp_path / "out.jsonl"
    state = state_file(output)
    config = AnthropicBatchConfig(
        steps=3,
        end=lambda n: "expired" if n == 2 else "ended",
        item_fault=first_time(lambda k: "errored" if k % 13 == 0 else None, view_text),
        create_delay=0.4,  # a kill while the create is answered: the state says "submitting"
    )
    seen_states: list[str] = []
    errors: list[Path] = []
    with FakeAnthropic(answer, batch=config) as server:
        command = ANTHROPIC.command(inputs, output, server)

        def watch(condition: Callable[[], bool]) -> Callable[[], bool]:
            def check() -> bool:
                with contextlib.suppress(OSError):
                    seen_states.append(state.read_text())
                return condition()

            return check

        def submitting() -> bool:
            return state.exists() and '"submitting"' in state.read_text()

        moments: list[Callable[[], bool]] = [
            lambda: False,  # a random moment while reading and building
            watch(submitting),  # while the batch is created: the rerun adopts it
            watch(lambda: line_count(output) > 0),  # while the answers are written
        ]
        limits = [rng.uniform(0.5, 3.0), 40.0, 40.0]
        for number, (moment, limit) in enumerate(zip(moments, limits, strict=True)):
            errors.append(tmp_path / f"stderr-{number}.txt")
            pause = rng.uniform(0.0, 0.3)
            with errors[-1].open("wb") as stderr:
                kill_when(command, ENV, moment, limit, pause, stderr=stderr)
        finished = subprocess.run(command, cwd=ROOT, env=ENV, capture_output=True, timeout=120)
        submissions = dict(server.core.submissions)
        assert server.core.unauthenticated == 0
    assert finished.returncode == 0, finished.stderr[-2000:]
    assert_each_once(read_lines(output), tolls)
    assert set(submissions.values()) == {1}, "a request paid for twice"
    assert not state.exists()
    assert seen_states, "the state file was never seen"
    for text in [output.read_text(), *seen_states, *(e.read_text() for e in errors),
                 finished.stderr.decode(), finished.stdout.decode()]:  # fmt: skip
        assert KEY not in text and KEY[10:30] not in text
