"""``extract_rows`` never gives a row's own id to a name it makes (hostile round 57).

The names ``extract_rows`` makes -- a repeated id's copy (``<id>#duplicate-<n>``), a row
that is no mapping (``row-<n>``), an id-less row repeating a text under another date
(``sha256:…#<turn>``) -- were chosen while the rows were still being read, so a later
row whose own id was that name was refused as a duplicate of it, never extracted.
Generated here: rows of ids drawn from a small alphabet that holds those names.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor.integrations import rows as row_api
from extractor.pipeline.document import input_id
from extractor.runtime.retrying import RetryPolicy
from tests.fakes.kano import casualty_responder
from tests.fakes.openai_server import LOOPBACK_ONLY, FakeOpenAI

pytestmark = pytest.mark.block_network(allowed_hosts=LOOPBACK_ONLY)
TEXTS = ["Two people died in a storm.", "A bridge was opened.", "Rain fell all day."]
#: the start of the id an id-less row of a text is named by (``sha256:`` and 16 hex digits)
HASHED = [f"sha256:{hashlib.sha256(t.encode()).hexdigest()[:16]}" for t in TEXTS]
IDS = st.sampled_from(
    ["a", "a#duplicate-2", "a#duplicate-3", "row-1", "row-2", "row-3", "row-4",
     *(f"{h}#2" for h in HASHED), None]
)  # fmt: skip
ROW = st.one_of(
    st.builds(lambda i, t, d: {"id": i, "text": t, "published": d}, IDS, st.sampled_from(TEXTS),
              st.sampled_from([None, "2024-01-02", "2024-03-04"])).map(
        lambda row: {k: v for k, v in row.items() if v is not None}
    ),
    st.just(7),  # no mapping: that row's error, named ``row-<n>``
)  # fmt: skip


@pytest.fixture(scope="module")
def server() -> Iterator[FakeOpenAI]:
    with FakeOpenAI(casualty_responder) as running:
        yield running


@settings(max_examples=30, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])  # fmt: skip
@given(rows=st.lists(ROW, min_size=1, max_size=6))
def test_a_made_name_never_takes_a_rows_own_id(server: FakeOpenAI, rows: list[Any]) -> None:
    out = row_api.extract_rows(
        rows, model="openai/fake-model", base_url=server.base_url,
        retry_policy=RetryPolicy(attempts=1),
    )  # fmt: skip
    assert len(out) == len(rows)
    firsts: dict[str, tuple[str, str | None]] = {}  # own id -> its first row's text, date
    for row, result in zip(rows, out, strict=True):
        if not isinstance(row, dict) or "id" not in row:
            continue
        key = (row["text"], row.get("published"))
        if row["id"] not in firsts:  # the first row of an id is extracted under it
            firsts[row["id"]] = key
            assert result["doc_id"] == input_id(row["id"], "id").text, (rows, out)
            assert result["status"] == "ok", (rows, out)
    # a row that repeats a document (same id and text) shares its line; any other result
    # has an id of its own
    lines: dict[str, Any] = {}
    for row, result in zip(rows, out, strict=True):
        earlier = lines.setdefault(result["doc_id"], (row, result))
        if earlier[1] is not result:
            same = isinstance(row, dict) and isinstance(earlier[0], dict) and (
                row.get("id"), row["text"]) == (earlier[0].get("id"), earlier[0]["text"])  # fmt: skip
            assert same, (rows, out)
