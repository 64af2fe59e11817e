"""An id is what a person reading it would say it is, wherever it is read.

The same id spelt in Unicode's composed or decomposed form ("café" with é, or
with e and a combining accent, as macOS tools export it), or given as a number
or as its digits, names one document: in a JSONL or CSV input, in the rows the
Python integrations take, in a gold file and in the predictions ``extractor
eval`` scores.
"""

from __future__ import annotations

import csv
import io
import json
import tempfile
import unicodedata
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.blank import blank_code_points, is_blank, strip_blank
from extractor.evaluation.gold import parse_gold_document
from extractor.evaluation.run import predictions_from_lines
from extractor.integrations.rows import row_item
from extractor.io import iter_inputs
from extractor.pipeline.document import DUPLICATE_MARK, Document, input_id, row_id

#: Ids with letters that have both a composed and a decomposed form, and others.
IDS = st.text(alphabet="aeiouncAEOÅåéèñüçǅ-_ 0123456789\u0301\u0308", min_size=1, max_size=12)
FORMS = st.sampled_from(["NFC", "NFD"])


def read_rows(rows: list[dict[str, object]], kind: str) -> list[str]:
    """The ids the bulk readers give ``rows`` written as a JSONL or CSV file."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"rows.{kind}"
        if kind == "jsonl":
            path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
        else:
            out = io.StringIO()
            writer = csv.DictWriter(out, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
            path.write_text(out.getvalue(), encoding="utf-8")
        items = list(iter_inputs([str(path)]))
    assert all(isinstance(item, Document) for item in items), items
    return [item.doc_id for item in items]


@settings(deadline=None, max_examples=40)
@given(doc_id=IDS, form=FORMS, kind=st.sampled_from(["jsonl", "csv"]),
       column=st.sampled_from(["id", "ID"]))  # fmt: skip
def test_an_id_is_one_id_however_it_is_spelt(
    doc_id: str, form: str, kind: str, column: str
) -> None:
    if not doc_id.strip() or not unicodedata.normalize("NFC", doc_id).strip():
        return
    spelt = unicodedata.normalize(form, doc_id)
    [read] = read_rows([{column: spelt, "text": "Ministers met in Oslo."}], kind)
    assert read == unicodedata.normalize("NFC", doc_id.strip())
    item = row_item({column: spelt, "text": "x y z"})  # the rows integration reads it alike
    assert item.doc_id == read


_FIELD_NAMES = ("id", "text", "published", "title")


def _spellings(name: str) -> st.SearchStrategy[str]:
    """``name`` as spreadsheets and exports write headers: any case, blanks around."""
    cased = st.lists(st.booleans(), min_size=len(name), max_size=len(name)).map(
        lambda upper: "".join(c.upper() if u else c for c, u in zip(name, upper, strict=True))
    )
    return st.tuples(st.sampled_from(["", " "]), cased, st.sampled_from(["", " "])).map("".join)


@settings(deadline=None, max_examples=40)
@given(
    names=st.tuples(*(_spellings(name) for name in _FIELD_NAMES)),
    kind=st.sampled_from(["jsonl", "csv"]),
    doc_id=st.text("abcXYZ-_ 019", min_size=1, max_size=8),
)
def test_a_row_read_by_bulk_and_by_the_rows_integration_is_one_document(
    names: tuple[str, ...], kind: str, doc_id: str
) -> None:
    """``ID``, ``Text ``, ``PUBLISHED``: the headers bulk's readers take in any case are
    the rows integration's too, so a frame gives the same documents either way."""
    if not doc_id.strip():
        return
    row = dict(zip(names, [doc_id, "Ministers met in Oslo.", "2024-03-01", "A title"],
                   strict=True))  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"rows.{kind}"
        if kind == "jsonl":
            path.write_text(json.dumps(row) + "\n", encoding="utf-8")
        else:
            out = io.StringIO()
            writer = csv.DictWriter(out, fieldnames=list(row))
            writer.writeheader()
            writer.writerow(row)
            path.write_text(out.getvalue(), encoding="utf-8")
        [read] = list(iter_inputs([str(path)]))
    item = row_item(row)
    assert isinstance(read, Document) and isinstance(item, Document), (read, item)
    assert (item.doc_id, item.text, item.published, item.title) == (
        read.doc_id,
        read.text,
        read.published,
        read.title,
    )


@settings(deadline=None, max_examples=30)
@given(doc_id=IDS, gold_form=FORMS, predicted_form=FORMS, number=st.integers(0, 10**9))
def test_gold_and_predictions_meet_under_any_spelling(
    doc_id: str, gold_form: str, predicted_form: str, number: int
) -> None:
    if not doc_id.strip():
        return
    gold = parse_gold_document(
        {"id": unicodedata.normalize(gold_form, doc_id), "text": "Nothing.", "records": []},
        path="gold.jsonl", line=1,
    )  # fmt: skip
    line = {"doc_id": unicodedata.normalize(predicted_form, doc_id), "status": "ok", "records": []}
    predictions, _, _ = predictions_from_lines([line])
    assert gold.id in predictions
    numbered = parse_gold_document({"id": number, "text": "Nothing.", "records": []},
                                   path="gold.jsonl", line=1)  # fmt: skip
    numbered_line = {"doc_id": str(number), "status": "ok", "records": []}
    assert numbered.id in predictions_from_lines([numbered_line])[0]


@settings(deadline=None, max_examples=30)
@given(
    names=st.tuples(_spellings("id"), _spellings("text")),
    empty=st.sampled_from([None, "", float("nan")]),
    first=st.booleans(),
)
def test_two_exports_concatenated_keep_every_rows_id_and_text(
    names: tuple[str, str], empty: object, first: bool
) -> None:
    """``pd.concat`` of an ``id,text`` export and an ``ID,Text`` one: each row holds its
    values under one spelling and nothing under the other. The spelling holding a value is
    read, by the rows integration as by bulk's JSONL reader."""
    id_name, text_name = names
    if id_name == "id" or text_name == "text":
        return  # one spelling only: nothing to choose
    row: dict[str, object] = (
        {"id": empty, "text": empty, id_name: "b1", text_name: "Japan and India met."}
        if first else {id_name: empty, text_name: empty, "id": "b1", "text": "Japan and India met."}
    )  # fmt: skip
    item = row_item(row)
    assert isinstance(item, Document), item
    assert (item.doc_id, item.text) == ("b1", "Japan and India met.")
    if empty is None or empty == "":
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "rows.jsonl"
            path.write_text(json.dumps(row) + "\n", encoding="utf-8")
            [read] = list(iter_inputs([str(path)]))
        assert isinstance(read, Document) and (read.doc_id, read.text) == (item.doc_id, item.text)


#: Characters that show nothing (the blank rule's), as spreadsheets, web pages and editors
#: leave them at a cell's edges: spaces, a zero-width space, a BOM, a word joiner, bidi
#: marks, a control, a Hangul filler ...
EDGE = st.sampled_from(sorted(blank_code_points())).map(chr)
#: Those that end a name's last character (a variation selector, a flag's tag) stay on it.
TRAILING = EDGE.filter(
    lambda ch: unicodedata.category(ch) != "Mn" and not 0xE0000 <= ord(ch) <= 0xE007F
)


@settings(deadline=None, max_examples=60)
@given(
    doc_id=IDS.filter(lambda doc_id: not is_blank(doc_id)),
    before=st.lists(EDGE, max_size=3).map("".join),
    after=st.lists(TRAILING, max_size=3).map("".join),
    kind=st.sampled_from(["jsonl", "csv"]),
)
def test_what_shows_nothing_at_an_ids_edges_is_no_part_of_it(
    doc_id: str, before: str, after: str, kind: str
) -> None:
    """``"\\u200bA-17\\ufeff"`` and ``" A-17 "`` are ``A-17`` wherever an id is read: bulk's
    JSONL and CSV rows, the rows integration, gold files and predictions, and ``extract
    --doc-id`` (which reads its value as a cell is read, :func:`row_id`). Before, spaces
    were stripped and the invisible characters kept, so one id split into two documents."""
    plain = strip_blank(unicodedata.normalize("NFC", doc_id))
    spelt = before + doc_id + after
    if "\x00" in spelt or "\r" in spelt or "\n" in spelt:  # no CSV cell holds these unquoted
        kind = "jsonl"
    [read] = read_rows([{"id": spelt, "text": "Ministers met in Oslo."}], kind)
    assert read == plain
    assert row_item({"id": spelt, "text": "x y z"}).doc_id == plain
    assert row_id(spelt, "--doc-id").text == plain
    gold = parse_gold_document({"id": spelt, "text": "Nothing.", "records": []},
                               path="gold.jsonl", line=1)  # fmt: skip
    assert gold.id == plain
    line = {"doc_id": before + doc_id + after, "status": "ok", "records": []}
    assert plain in predictions_from_lines([line])[0]


#: Ids and tails that read like the name of a repeated id's copy, or that name escaped.
_TAILS = st.sampled_from(["", "#duplicate-", "%23duplicate-", "%2523duplicate-", "%25duplicate-"])


@settings(deadline=None, max_examples=200)
@given(
    pairs=st.lists(
        st.tuples(
            st.text(st.sampled_from("a1#%-23 d"), min_size=1, max_size=6),
            _TAILS,
            st.sampled_from(["", "2", "17"]),
        ),
        min_size=1,
        max_size=12,
    )
)
def test_an_input_id_never_reads_as_a_copys_name_and_two_ids_never_meet(
    pairs: list[tuple[str, str, str]],
) -> None:
    """``input_id``: no id of an input ends as a repeated id's copy is named
    (``<id>#duplicate-<n>``, so the two never claim one name), the escape is one to one
    (two ids never share a name), and an id without such a tail is left as it is."""
    given_ids = {head + tail + number for head, tail, number in pairs}
    named = {raw: input_id(raw, "id").text for raw in given_ids if not is_blank(raw)}
    assert len(set(named.values())) == len(named)  # one to one
    for raw, name in named.items():
        assert name is not None
        _, mark, number = name.rpartition(DUPLICATE_MARK)
        assert not (mark and number.isdigit()), (raw, name)
        if name != row_id(raw, "id").text:  # changed only when it read like a copy's name
            assert "duplicate-" in raw
