"""Shared fixtures: the seed article and its gold records."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED_ID = "000_e3df12fb75ba6b2b"


@pytest.fixture(scope="session")
def seed_text() -> str:
    return (SEEDS / f"{SEED_ID}.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_gold() -> dict[str, Any]:
    line = (SEEDS / f"{SEED_ID}.gold.jsonl").read_text(encoding="utf-8").splitlines()[0]
    return json.loads(line)


@pytest.fixture(scope="session")
def seed_published() -> date:
    return date(2023, 5, 31)


# -- cassettes ---------------------------------------------------------------
# Recorded from the embedded llama.cpp model (scripts/record_cassettes.py);
# replayed offline. Requests match on method, path and body, so a changed
# prompt or schema fails until the cassettes are re-recorded; the host and
# port are not matched because the recording server's port is random.
RECORDED_MODEL = "openai/qwen2.5-coder-1.5b-instruct"
RECORDING_BASE_URL = os.environ.get("EXTRACTOR_TEST_BASE_URL", "http://127.0.0.1:8085/v1")
SECRET_HEADERS = [
    "authorization", "api-key", "x-api-key", "openai-organization", "openai-project",
    "cookie", "set-cookie", "x-goog-api-key", "anthropic-api-key",
]  # fmt: skip


def _scrub_response(response: dict[str, Any]) -> dict[str, Any]:
    headers = response.get("headers", {})
    for name in list(headers):
        if name.lower() in SECRET_HEADERS:
            del headers[name]
    return response


@pytest.fixture(scope="module")
def vcr_config() -> dict[str, Any]:
    return {
        "filter_headers": SECRET_HEADERS,
        "filter_query_parameters": ["api_key", "key"],
        "before_record_response": _scrub_response,
        "match_on": ["method", "path", "body"],
        "decode_compressed_response": True,
        "allowed_hosts": ["127.0.0.1", "localhost"],
    }


@pytest.fixture
def recorded_extractor() -> Any:
    """An Extractor aimed at the recording server; replays from the test's cassette."""
    from extractor.pipeline.engine import Extractor
    from extractor.runtime.retrying import RetryPolicy

    def make(**options: Any) -> Extractor:
        options.setdefault("retry_policy", RetryPolicy(attempts=1))
        return Extractor(RECORDED_MODEL, base_url=RECORDING_BASE_URL, **options)

    return make
