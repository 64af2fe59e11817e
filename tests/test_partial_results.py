"""One call without a valid answer costs its own records, never the document's others.

With one call per type, a small model that loops on an article's meetings
(its answer cut off at the length limit twice) or never gets their schema
right still answers the visits and casualties of the same article. The
invariant, on the live path and on the batch path (``assemble``) alike, over
every subset of failing calls:

* some call answered: the result is ok, holds the answered calls' records,
  and names each failed call (types, chunk, reason) in
  ``metadata.failed_calls`` and in a warning; ``complete`` is False;
* every call failed: the document fails with the first call's error,
  carrying the tokens the whole document cost.

In bulk, such a line carries ``failed_calls``, counts as incomplete in the
summary, makes the exit code 1, and is asked again by ``--retry-errors``
only (a plain rerun keeps it, as it keeps a model's error line).
"""

from __future__ import annotations

import itertools
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from extractor import Document, ExtractionFailed, Extractor, build_requests, parse_response
from extractor.cli import app
from extractor.pipeline.requests import ModelRequest, Reply, assemble
from extractor.runtime.retrying import RetryPolicy
from tests.fakes.openai_server import LOOPBACK_ONLY, FakeOpenAI

pytestmark = pytest.mark.block_network(allowed_hosts=LOOPBACK_ONLY)

#: One sentence with each type's words, so per-type asks about every type.
ARTICLE = (
    "President Ruto of Kenya visited Tokyo on Monday. "
    "He met Prime Minister Kishida of Japan in Tokyo on Monday. "
    "Japan will deliver 12 howitzers and other weapons to Kenya, the ministry said. "
    "At least 5 people were killed in Kano, Nigeria on Friday."
)
PUBLISHED = date(2024, 3, 12)
FAST = RetryPolicy(attempts=2, initial=0.01, maximum=0.05, total=10)
HYPOTHESIS = settings(
    deadline=None, max_examples=40,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)  # fmt: skip
CLEAN_ENV: dict[str, str | None] = {
    name: None for name in ("EXTRACTOR_MODEL", "EXTRACTOR_BASE_URL", "EXTRACTOR_API_KEY",
                            "EXTRACTOR_MODE")
}  # fmt: skip
KILLED = {
    "killed": 5, "injured": None, "qualifier": "at_least", "victims": None, "perpetrator": None,
    "country": "NGA", "place": "Kano", "date": None, "scope": "event", "violence_type": None,
    "status": "occurred", "attribution": None, "evidence": [4],
}  # fmt: skip


def asked(body: dict[str, Any]) -> str:
    """The list a request's answer model asks for (``visits``, ``meetings`` ...)."""
    (plural,) = body["response_format"]["schema"]["properties"]
    return str(plural)


def good(plural: str) -> str:
    """A valid answer: the casualty call finds the Kano toll, the others nothing."""
    return json.dumps({plural: [KILLED] if plural == "casualty_reports" else []})


BAD = '{"not the schema": true'  # never valid JSON: re-asked, then the call fails


def completion(content: str) -> dict[str, Any]:
    message = {"role": "assistant", "content": content}
    return {"choices": [{"index": 0, "message": message, "finish_reason": "stop"}],
            "usage": {"prompt_tokens": 10, "completion_tokens": 3}}  # fmt: skip


def plurals(extractor: Extractor) -> list[str]:
    document = Document("d", ARTICLE, published=PUBLISHED)
    return [asked(json.loads(r.body)) for r in build_requests(document, extractor)]


def check(result_or_error: Any, calls: list[str], failing: set[str]) -> None:
    """The invariant of the module doc for one subset of failing calls."""
    if failing == set(calls):
        assert isinstance(result_or_error, ExtractionFailed), result_or_error
        assert result_or_error.usage is not None
        assert result_or_error.usage.prompt_tokens >= 10 * len(calls)  # every call's tokens
        return
    result = result_or_error
    assert not isinstance(result, BaseException), result
    named = [call.types for call in result.metadata.failed_calls]
    plural_of = {"visit": "visits", "meeting": "meetings", "arms_transfer": "arms_transfers",
                 "casualty_report": "casualty_reports"}  # fmt: skip
    assert [plural_of[t] for types in named for t in types] == [c for c in calls if c in failing]
    assert result.complete is (not failing)
    for call in result.metadata.failed_calls:
        assert call.reason
        assert any(t in w and "missing" in w for t in call.types for w in result.metadata.warnings)
    killed = [r.killed.low for r in result.casualty_reports if r.killed is not None]
    assert killed == ([] if "casualty_reports" in failing else [5])


# ------------------------------------------------------------- batch path


@given(data=st.data())
@HYPOTHESIS
def test_assembled_results_keep_the_answered_calls(data: st.DataObject) -> None:
    document = Document("d", ARTICLE, published=PUBLISHED)
    with Extractor("openai/m", base_url="http://127.0.0.1:9/v1", max_retries=1) as ex:
        requests = build_requests(document, ex)
        calls = [asked(json.loads(r.body)) for r in requests]
        assert set(calls) == {"visits", "meetings", "arms_transfers", "casualty_reports"}
        failing = data.draw(st.sets(st.sampled_from(calls)), label="failing")
        replies: list[Reply] = []
        for request in requests:
            current: ModelRequest | None = request
            while current is not None:
                plural = asked(json.loads(current.body))
                answer = BAD if plural in failing else good(plural)
                reply = parse_response(current, completion(answer), document)
                replies.append(reply)
                current = reply.follow_up
        order = data.draw(st.permutations(replies), label="order")  # replies in any order
        try:
            outcome: Any = assemble(document, order, ex)
        except ExtractionFailed as error:
            outcome = error
    check(outcome, calls, failing)


# -------------------------------------------------------------- live path


def responder(failing: set[str]) -> Any:
    def answer(body: dict[str, Any]) -> str:
        plural = asked(body)
        return BAD if plural in failing else good(plural)

    return answer


CALLS = ["visits", "meetings", "arms_transfers", "casualty_reports"]


@pytest.mark.parametrize(
    "failing",
    [set(chosen) for n in range(len(CALLS) + 1) for chosen in itertools.combinations(CALLS, n)],
    ids=lambda failing: "+".join(sorted(failing)) or "none",
)
def test_live_results_keep_the_answered_calls(failing: set[str]) -> None:
    with (
        FakeOpenAI(responder(failing)) as server,
        Extractor("openai/m", base_url=server.base_url, max_retries=1, retry_policy=FAST) as ex,
    ):
        calls = plurals(ex)
        try:
            outcome: Any = ex.extract(ARTICLE, published=PUBLISHED, doc_id="d")
        except ExtractionFailed as error:
            outcome = error
    assert calls == CALLS
    check(outcome, calls, failing)


# ------------------------------------------------------------------- bulk


def read(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_bulk_marks_keeps_and_retries_an_incomplete_line(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    rows = [{"id": "whole", "text": "At least 5 people were killed in Kano, Nigeria on Friday.",
             "published": "2024-03-12"},
            {"id": "partial", "text": ARTICLE, "published": "2024-03-12"}]  # fmt: skip
    source.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    summary = tmp_path / "summary.json"
    runner = CliRunner()
    with FakeOpenAI(responder({"meetings"})) as server:
        command = ["bulk", str(source), "-o", str(out), "--model", "openai/m", "--base-url",
                   server.base_url, "--progress", "none", "--max-retries", "1"]  # fmt: skip
        first = runner.invoke(app, [*command, "--summary-json", str(summary)], env=CLEAN_ENV)
        assert first.exit_code == 1, first.output  # a document is incomplete
        lines = {line["doc_id"]: line for line in read(out)}
        assert [line["status"] for line in lines.values()] == ["ok", "ok"]
        assert "failed_calls" not in lines["whole"]
        [missing] = lines["partial"]["failed_calls"]
        assert missing["types"] == ["meeting"] and missing["chunk"] == 0 and missing["reason"]
        assert lines["partial"]["counts"]["casualty_report"] == 1
        assert json.loads(summary.read_text())["incomplete"] == 1
        assert "1 incomplete" in first.stderr

        again = runner.invoke(app, command, env=CLEAN_ENV)
        assert again.exit_code == 0, again.output  # nothing written: kept, as a model's error
        assert len(read(out)) == 2

        served = len(server.log)
        retried = runner.invoke(app, [*command, "--retry-errors"], env=CLEAN_ENV)
        assert retried.exit_code == 1, retried.output  # the model still fails on meetings
        new = read(out)[2:]
        assert [line["doc_id"] for line in new] == ["partial"]
        asked_again = {asked(record.body) for record in server.log[served:]}
        assert asked_again == set(CALLS)  # the whole document is asked again


def test_extract_writes_what_it_has_and_says_what_is_missing(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "a.json"
    with FakeOpenAI(responder({"visits"})) as server:
        result = CliRunner().invoke(
            app,
            ["extract", str(article), "-o", str(out), "--model", "openai/m", "--base-url",
             server.base_url, "--max-retries", "1", "--published", "2024-03-12"],
            env=CLEAN_ENV,
        )  # fmt: skip
    assert result.exit_code == 1, result.output
    written = json.loads(out.read_text(encoding="utf-8"))
    assert len(written["casualty_reports"]) == 1
    assert [c["types"] for c in written["metadata"]["failed_calls"]] == [["visit"]]
    [said] = [line for line in result.stderr.splitlines() if "missing" in line]
    assert "visit" in said and "a.txt" in said and "Traceback" not in result.stderr
