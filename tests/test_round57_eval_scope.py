"""``eval --predictions`` scores each gold document on the types its own line was asked for
(hostile round 57).

A bulk output can hold lines asked for different ``--types``: a run over the gold set asked
for one type, then a rerun with every type over part of it (or stopped partway), or lines
of other documents in the same file. Before, the union of every line's types was applied
to every gold document, so documents asked for one type were scored as missing every record
of the others, silently. Generated here: gold subsets, and for each document no line, a
line that does not say its types (older output), or a line asked for a subset of types.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from extractor.cli import app
from extractor.types import RECORD_TYPES
from tests.fakes.openai_server import LOOPBACK_ONLY

pytestmark = pytest.mark.block_network(allowed_hosts=LOOPBACK_ONLY)
runner = CliRunner()
GOLD = [
    json.loads(line)
    for line in (Path(__file__).resolve().parent.parent / "seeds" / "dev.gold.jsonl")
    .read_text(encoding="utf-8")
    .splitlines()
    if line.strip()
]
TYPES = sorted(RECORD_TYPES)
#: a document's line: absent, not saying its types, or asked for these types
SCOPE = st.one_of(
    st.just("absent"),
    st.just("unsaid"),
    st.lists(st.sampled_from(TYPES), min_size=1, max_size=4, unique=True),
)


def _line(doc_id: str, types: list[str] | None) -> str:
    line: dict[str, Any] = {"doc_id": doc_id, "status": "ok", "source": doc_id, "records": [],
                            "counts": {}, "usage": {}, "error": None}  # fmt: skip
    if types is not None:
        line["types"] = types
    return json.dumps(line) + "\n"


@settings(max_examples=25, deadline=None)
@given(
    picked=st.lists(st.integers(0, len(GOLD) - 1), min_size=2, max_size=8, unique=True),
    data=st.data(),
)
def test_each_document_is_scored_on_the_types_its_own_line_was_asked_for(
    picked: list[int], data: st.DataObject
) -> None:
    gold = [GOLD[i] for i in picked]
    scopes = [data.draw(SCOPE) for _ in gold]
    if all(scope == "absent" for scope in scopes):
        scopes[0] = "unsaid"  # a predictions file of no gold document is refused elsewhere
    lines = [
        _line(doc["id"], None if scope == "unsaid" else scope)
        for doc, scope in zip(gold, scopes, strict=True)
        if scope != "absent"
    ]
    # what a document with no line is scored on: what the lines asked together
    said = [scope for scope in scopes if scope != "absent"]
    union: set[str] = set(TYPES) if "unsaid" in said else {t for scope in said for t in scope}
    expected = dict.fromkeys(TYPES, 0)
    for doc, scope in zip(gold, scopes, strict=True):
        asked = union if scope == "absent" else set(TYPES) if scope == "unsaid" else set(scope)
        for record in doc.get("records", []):
            if record["type"] in asked and not record.get("optional"):
                expected[record["type"]] += 1  # no prediction: every scored gold record is FN
    with tempfile.TemporaryDirectory() as scratch:
        gold_file, predictions, report = (
            Path(scratch, n) for n in ("g.jsonl", "p.jsonl", "r.json")
        )
        gold_file.write_text("".join(json.dumps(doc) + "\n" for doc in gold), encoding="utf-8")
        predictions.write_text("".join(lines), encoding="utf-8")
        result = runner.invoke(
            app, ["eval", str(gold_file), "--predictions", str(predictions), "-o", str(report)]
        )
        assert result.exit_code == 0, result.output
        scored = json.loads(report.read_text(encoding="utf-8"))
    found = {t: scored["per_type"].get(t, {}).get("fn", 0) for t in TYPES}
    assert found == expected
    narrowed = any(
        scope not in ("unsaid", "absent") and set(scope) < set(TYPES) for scope in scopes
    )
    assert ("scoring only the types" in result.stderr) is (
        narrowed or (union < set(TYPES) and "absent" in scopes)
    )
