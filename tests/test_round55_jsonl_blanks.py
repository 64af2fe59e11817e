"""A JSONL row with blanks JSON does not take around its object is read, not failed.

JSON allows only space, tab, CR and LF between tokens; a no-break space, an ideographic
space (an East Asian editor's indent) or a zero-width space copied from a web page before
``{`` or after ``}`` failed the row as "Expecting value at column 1", though the object
is whole and the blanks show nothing. Blanks and rows are generated.
"""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor.io import iter_inputs
from extractor.pipeline.document import Document

_BLANKS = st.text(
    st.sampled_from(" \t\u00a0\u2007\u202f\u3000\u200b\u2060\ufeff\u00ad"), max_size=4
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    rows=st.lists(st.tuples(_BLANKS, _BLANKS), min_size=1, max_size=5),
    words=st.lists(st.from_regex(r"[A-Za-z]{3,9}", fullmatch=True), min_size=3, max_size=8),
)
def test_blanks_around_an_object_are_no_data(tmp_path: Path, rows, words) -> None:
    path = tmp_path / "rows.jsonl"
    texts = [f"{' '.join(words)} number {n}." for n in range(len(rows))]
    lines = [
        f"{before}{json.dumps({'id': f'r{n}', 'text': texts[n]})}{after}"
        for n, (before, after) in enumerate(rows)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(iter_inputs([str(path)]))
    assert [(i.doc_id, i.text) for i in items if isinstance(i, Document)] == [
        (f"r{n}", text) for n, text in enumerate(texts)
    ], items
