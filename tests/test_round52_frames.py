"""extract_frame with a frame whose column names repeat: refused in one line naming the
repeated name, before any call, never one column's cells read as the other's.

Frames are generated with column names drawn from a small pool (the fields a row is read
by and others), repeats included; a frame without repeats is extracted against the fake
server on loopback and each result row is its own input row's document.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor.errors import InputError
from extractor.integrations.rows import extract_frame
from tests.fakes.openai_server import LOOPBACK_ONLY, FakeOpenAI

pd = pytest.importorskip("pandas")
pytestmark = pytest.mark.block_network(allowed_hosts=LOOPBACK_ONLY)

POOL = ["id", "doc_id", "text", "Text", "published", "title", "url", "source", "note", "0"]


def _empty(body: dict[str, Any]) -> str:
    schema = (body.get("response_format") or {}).get("schema") or {}
    return json.dumps({plural: [] for plural in schema.get("properties", {})})


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    names=st.lists(st.sampled_from(POOL), min_size=1, max_size=6),
    rows=st.integers(min_value=1, max_value=3),
)
def test_a_repeated_column_name_is_refused_naming_it(names: list[str], rows: int) -> None:
    cells = [[f"cell {r} {c} of the frame" for c in range(len(names))] for r in range(rows)]
    frame = pd.DataFrame(cells, columns=names)
    repeated = sorted(n for n, k in Counter(names).items() if k > 1)
    with FakeOpenAI(_empty) as server:
        if repeated:
            with pytest.raises(InputError) as refused:
                extract_frame(frame, model="openai/fake", base_url=server.base_url)
            message = str(refused.value)
            assert "\n" not in message
            assert all(repr(n) in message for n in repeated), message
            assert server.log == []  # refused before any call
            return
        out = extract_frame(frame, model="openai/fake", base_url=server.base_url)
    assert len(out) == rows and list(out.index) == list(frame.index)
    for (_, row), (_, result) in zip(frame.iterrows(), out.iterrows(), strict=True):
        line = json.loads(result["line"])
        given_id = row.get("doc_id", row.get("id"))
        if given_id is not None:
            assert result["doc_id"] == given_id  # each result is its own row's document
        if "text" in names and line.get("text_sha256"):
            assert line["status"] in ("ok", "error", "skipped")
