"""A key echoed into a model's answer never reaches a record or an output file (hostile
round 46, finding 1).

A server (or the model behind it) that writes the API key into an answer's fields (a
participant's title, a topic, the attribution) put it verbatim into the records, the output
JSONL and the tables and pages built from it: only errors and logs were redacted. Every
string of a server's answer now passes the redactor's known-secret pattern when it is parsed
(``providers.answer_json``), before the SDK, instructor or the pipeline see it.

Invariant, over generated fields and spellings of the key: no output line holds the key in
any form the redactor knows (plain, upper case, base64), and the rest of the answer is used.
"""

from __future__ import annotations

import base64
import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor.bulk.runner import run_bulk
from tests.fakes.openai_server import LOOPBACK_ONLY, FakeOpenAI, static

pytestmark = pytest.mark.block_network(allowed_hosts=LOOPBACK_ONLY)

KEY = "sk-test-SECRET123456789abcdef"
TEXT = (
    "Chinese Foreign Minister Yang Yang met Myanmar's foreign minister in Beijing on "
    "Tuesday to discuss military cooperation, the ministry said."
)
FORMS = st.sampled_from([KEY, KEY.upper(), base64.b64encode(KEY.encode()).decode()])
FIELDS = st.sampled_from(["title", "topic", "attribution", "name"])


def answer(field: str, form: str) -> str:
    meeting = {
        "participants": [{"name": f"Yang Yang {form}" if field == "name" else "Yang Yang",
                          "title": form if field == "title" else "foreign minister",
                          "country": "CHN"}],
        "countries": ["CHN", "MMR"], "format": "bilateral", "place": None, "date": None,
        "topics": [f"military {form} cooperation" if field == "topic" else "military cooperation"],
        "status": "occurred",
        "attribution": form if field == "attribution" else "the ministry", "evidence": [1],
    }  # fmt: skip
    return json.dumps({"visits": [], "meetings": [meeting], "arms_transfers": [],
                       "casualty_reports": []})  # fmt: skip


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(field=FIELDS, form=FORMS)
def test_a_key_the_model_echoes_is_in_no_output_line(field: str, form: str) -> None:
    with tempfile.TemporaryDirectory() as tmp, FakeOpenAI(static(answer(field, form))) as server:
        article = Path(tmp) / "a.txt"
        article.write_text(TEXT, encoding="utf-8")
        out = Path(tmp) / "out.jsonl"
        run_bulk([str(article)], out, model="openai/fake-model", base_url=server.base_url,
                 api_key=KEY, strategy="single", max_retries=0)  # fmt: skip
        written = out.read_text(encoding="utf-8")
        for spelling in (KEY, KEY.upper(), base64.b64encode(KEY.encode()).decode()):
            assert spelling not in written
        assert "SECRET123456" not in written.upper()
        [line] = [json.loads(raw) for raw in written.splitlines() if '"doc_id"' in raw]
        assert line["status"] == "ok" and line["records"], line  # the rest of it is used
