"""JSON objects written over several lines (``jq .``, ``json.dumps(indent=2)``) in a JSONL
file or pipe: each is one row, and a broken or unclosed one costs no row after it.

The rule tested is :func:`extractor.io.readers._iter_jsonl`'s docstring. Files are
generated: records compact or indented at random, with texts holding quotes, braces,
brackets, escaped line breaks and non-ASCII; then the same with objects broken or cut
short among them.
"""

from __future__ import annotations

import json

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from extractor.io.readers import InputFailure, Item
from extractor.pipeline.document import Document
from tests.corpus_support import read_items

HYPOTHESIS = settings(
    max_examples=60,
    deadline=None,
    database=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
TEXTS = st.text(
    alphabet=st.sampled_from(list('abc xyz{}[]",:\n\\é中')), min_size=1, max_size=40
).map(lambda s: f"t{s}")
INDENTS = st.sampled_from([None, 1, 2, 4, "\t"])


def read(data: bytes, *, piped: bool) -> list[Item]:
    return read_items(data, piped=piped, name="rows.jsonl")


def rendered(record: dict[str, object], indent: int | str | None) -> str:
    return json.dumps(record, ensure_ascii=False, indent=indent) + "\n"


@HYPOTHESIS
@given(
    rows=st.lists(st.tuples(TEXTS, INDENTS, st.booleans()), min_size=1, max_size=6),
    piped=st.booleans(),
)
@example(rows=[("t{", 2, True), ("t}", None, False)], piped=False)
def test_every_object_is_one_row_however_it_is_indented(
    rows: list[tuple[str, int | str | None, bool]], piped: bool
) -> None:
    data = ""
    for number, (text, indent, nested) in enumerate(rows):
        record: dict[str, object] = {"id": f"row-{number}", "text": text}
        if nested:
            record["meta"] = {"tags": ["a", {"b": [text]}], "n": number}
        data += rendered(record, indent)
    items = read(data.encode(), piped=piped)
    assert [(item.doc_id, item.text) for item in items if isinstance(item, Document)] == [
        (f"row-{number}", text) for number, (text, _, _) in enumerate(rows)
    ]
    assert len(items) == len(rows)


@HYPOTHESIS
@given(
    rows=st.lists(
        st.tuples(TEXTS, INDENTS, st.sampled_from(["good", "cut", "broken"])),
        min_size=1,
        max_size=6,
    ),
    piped=st.booleans(),
)
@example(rows=[("tx", 2, "cut"), ("ty", None, "good")], piped=False)
@example(rows=[("tx", 2, "broken"), ("ty", 2, "good")], piped=True)
def test_a_broken_or_unclosed_object_costs_no_row_after_it(
    rows: list[tuple[str, int | str | None, str]], piped: bool
) -> None:
    """Every good row is read whatever comes before it; every line of a bad object is in
    some error's line range (each error names its line), none read as a document."""
    data = ""
    for number, (text, indent, state) in enumerate(rows):
        body = rendered({"id": f"row-{number}", "text": text}, indent)
        if state == "cut":  # the object stops before its last line, as a truncated paste
            body = (
                body[: body.rfind("}")].rstrip() + "\n" if indent is not None else body[:-3] + "\n"
            )
            body = body if body.strip() else "{\n"
        elif state == "broken":  # a comma lost between two members
            body = body.replace('",', '"', 1)
        data += body
    items = read(data.encode(), piped=piped)
    documents = {item.doc_id: item.text for item in items if isinstance(item, Document)}
    good = {f"row-{n}": text for n, (text, _, state) in enumerate(rows) if state == "good"}
    assert {doc_id: documents[doc_id] for doc_id in good if doc_id in documents} == good
    assert set(good) <= set(documents)
    assert set(documents) <= set(good) | {
        f"row-{n}" for n, (_, indent, state) in enumerate(rows) if indent is None
    }
    assert all(isinstance(item, Document | InputFailure) for item in items)
