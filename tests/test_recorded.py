"""The engine and the CLI on the seed article, replayed from cassettes.

The cassettes were recorded from the embedded Qwen2.5-Coder-1.5B model served
by llama.cpp (scripts/record_cassettes.py). Replay needs no server and no
network; a request that was not recorded fails the test.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from extractor import ArticleExtraction, TransientModelError
from extractor.cli import app
from extractor.pipeline.prompting import prompt_version
from tests.conftest import RECORDED_MODEL, RECORDING_BASE_URL, SEED_ID, SEEDS

SEED_CASSETTE = "seed_per_type.yaml"
CASSETTES = Path(__file__).parent / "cassettes"


def assert_grounded(result: ArticleExtraction, text: str) -> None:
    for record in result.records:
        evidence = record.evidence
        assert evidence.alignment == "exact", record
        assert evidence.start is not None and evidence.end is not None
        span = text[evidence.start : evidence.end]
        for fragment in evidence.quote.split(" ... "):
            assert fragment in span


@pytest.mark.vcr
@pytest.mark.default_cassette(SEED_CASSETTE)
def test_seed_article_yields_grounded_records(recorded_extractor: Any, seed_text: str) -> None:
    with recorded_extractor(strategy="per-type") as ex:
        result = ex.extract(seed_text, published="2023-05-31", doc_id="seed-000")

    kinds = {record.record_type for record in result.records}
    assert kinds == {"visit", "meeting", "arms_transfer", "casualty_report"}  # all four
    assert_grounded(result, seed_text)

    visit = next(v for v in result.visits if "Yang" in v.visitors[0].name)
    assert (visit.visitor_country, visit.host_country) == ("CHN", "MMR")
    assert visit.start is not None and visit.start.value == "2023-05-30"  # "on Tuesday"
    meeting = result.meetings[0]
    assert {"CHN", "MMR"} <= set(meeting.countries_involved)
    toll = result.casualty_reports[0]
    assert toll.killed is not None and (toll.killed.low, toll.killed.qualifier) == (
        3500,
        "at_least",
    )
    assert toll.country == "MMR"
    [arms] = result.arms_transfers  # $267 million of arms and equipment from China
    assert (arms.supplier.country, arms.recipient.country) == ("CHN", "MMR")
    assert arms.value is not None and (arms.value.amount, arms.value.currency) == (
        267_000_000,
        "USD",
    )
    assert "$267 million" in arms.evidence.quote

    meta = result.metadata
    assert meta.model == RECORDED_MODEL and meta.strategy == "per-type"
    assert meta.prompt_version == prompt_version()
    assert meta.usage.prompt_tokens > 1000 and meta.usage.completion_tokens > 50
    assert meta.calls >= 4  # one per type the gate lets through (the seed has cues for all four)


@pytest.mark.vcr(record_mode="none")  # replays what the test above recorded
@pytest.mark.default_cassette(SEED_CASSETTE)
def test_cli_extract_prints_the_records_as_json() -> None:
    result = CliRunner().invoke(
        app,
        ["extract", str(SEEDS / f"{SEED_ID}.txt"), "--model", RECORDED_MODEL,
         "--base-url", RECORDING_BASE_URL, "--published", "2023-05-31", "--doc-id", "seed-000",
         "--strategy", "per-type"],
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    output = json.loads(result.stdout)
    assert output["doc_id"] == "seed-000"
    assert output["visits"] and output["casualty_reports"]
    assert output["metadata"]["prompt_version"] == prompt_version()


@pytest.mark.vcr(record_mode="none")  # never records, even when re-recording the others
@pytest.mark.default_cassette(SEED_CASSETTE)
def test_a_request_without_a_recording_fails_and_never_reaches_a_network(
    recorded_extractor: Any, seed_text: str, cassette_misses: list[str]
) -> None:
    with (
        recorded_extractor(strategy="per-type") as ex,
        pytest.raises(TransientModelError) as caught,
    ):
        ex.extract(seed_text + "\nA new sentence nobody recorded.", published="2023-05-31")
    chain = []
    error: BaseException | None = caught.value
    while error is not None:
        chain.append(type(error).__name__)
        error = error.__cause__ or error.__context__
    assert "CannotOverwriteExistingCassetteException" in chain
    assert cassette_misses  # noted, so that a miss fails any other recorded test
    cassette_misses.clear()  # this one was meant


SECRET = re.compile(
    r"(?im)^\s*-?\s*(authorization|x-api-key|api-key|cookie|set-cookie):|bearer\s+\S{8,}|\bsk-[\w-]{12,}"
)


def test_cassettes_hold_no_keys_or_auth_headers() -> None:
    files = list(CASSETTES.rglob("*.yaml"))
    assert files, "no cassettes found"
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert not SECRET.search(text), f"{path} contains a key or an auth header"
