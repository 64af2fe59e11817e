"""One article, one text, by every path: a page under front matter, a BOM before a row's
front matter, a NUL character anywhere.

Invariants, on generated articles:

* a ``.html`` file that opens with YAML front matter (a Jekyll or Hugo source) is a page
  whose front matter is its metadata: its text is the page's (no markup, no front matter),
  its title and date the front matter's (before: the front matter went to the model as
  text); the same bytes as ``.md``, ``.txt``, a row or a string are one markdown reading;
* a row's text that opens with a BOM is read as a file's text is (the BOM dropped), so
  its front matter is front matter (before: it went to the model as sentence 1);
* a text holding a NUL character is binary data, not text, by every path: a string, a
  ``Document``, a JSONL row (only that row: the others are read), as a file with one is.
"""

from __future__ import annotations

import json
import string
from datetime import date
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor import Document, Extractor
from extractor.errors import InputError
from extractor.io.documents import to_document
from extractor.io.readers import InputFailure, iter_inputs

pytestmark = pytest.mark.block_network

HYPOTHESIS = settings(
    max_examples=25,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

_WORD = st.text(string.ascii_lowercase, min_size=2, max_size=8)
_SENTENCE = st.lists(_WORD, min_size=4, max_size=10).map(lambda ws: " ".join(ws).capitalize() + ".")
_PARAGRAPHS = st.lists(
    st.lists(_SENTENCE, min_size=1, max_size=3).map(" ".join), min_size=1, max_size=4
)
_TAG = st.sampled_from(["p", "div", "section"])


@st.composite
def fronted_pages(draw: st.DrawFn) -> tuple[str, str, date]:
    """Front matter (a title, a date, other keys) over an HTML body; its title and date."""
    title = " ".join(draw(st.lists(_WORD, min_size=1, max_size=4))).title()
    day = draw(st.dates(date(1995, 1, 1), date(2030, 12, 31)))
    extra = draw(
        st.dictionaries(_WORD.filter(lambda w: w not in ("title", "date")), _WORD, max_size=2)
    )
    front = yaml.safe_dump({"title": title, "date": day, **extra}, sort_keys=False)
    tag = draw(_TAG)
    body = "\n".join(f"<{tag}>{paragraph}</{tag}>" for paragraph in draw(_PARAGRAPHS))
    return f"---\n{front}---\n{body}\n", title, day


def _read(path: Path) -> Document:
    (item,) = list(iter_inputs([str(path)]))
    assert isinstance(item, Document), item
    return item


@HYPOTHESIS
@given(page=fronted_pages(), crlf=st.booleans(), bom=st.booleans())
def test_a_page_under_front_matter_is_read_as_a_page_with_its_front_matters_metadata(
    tmp_path_factory: pytest.TempPathFactory, page: tuple[str, str, date], crlf: bool, bom: bool
) -> None:
    """A ``.html`` file is a page, whatever opens it: its front matter is metadata (title,
    date), never text; its text is the page's, with no markup. The same bytes under
    another name (``.md``, ``.txt``), in a row or a string are markdown, one reading."""
    root = tmp_path_factory.mktemp("fronted")
    plain, title, day = page
    written = ("\ufeff" if bom else "") + (plain.replace("\n", "\r\n") if crlf else plain)
    documents: dict[str, Document] = {}
    for suffix in (".html", ".md", ".txt"):
        path = root / f"page{suffix}"
        path.write_bytes(written.encode("utf-8"))
        documents[suffix] = _read(path)
    rows = root / "rows.jsonl"
    rows.write_text(json.dumps({"id": "r", "text": written}) + "\n", encoding="utf-8")
    documents["row"] = _read(rows)
    documents["str"] = to_document(written)
    page_read = documents.pop(".html")
    assert (page_read.title, page_read.published) == (title, day)
    # an empty front matter (``---`` then ``---``, as Jekyll pages open) is front matter too
    empty = root / "empty.html"
    empty.write_bytes(("---\n---\n" + plain.split("---\n", 2)[2]).encode("utf-8"))
    assert _read(empty).text == page_read.text
    assert "<" not in page_read.text and "---" not in page_read.text, page_read.text
    assert "title:" not in page_read.text
    readings = {(d.text, d.text_sha256, d.title, d.published) for d in documents.values()}
    assert len(readings) == 1, {n: (d.text[:40], d.title) for n, d in documents.items()}
    assert (documents["row"].title, documents["row"].published) == (title, day)


@HYPOTHESIS
@given(
    paragraphs=_PARAGRAPHS,
    title=_WORD,
    crlf=st.booleans(),
)
def test_a_rows_text_opening_with_a_bom_is_read_as_the_file_is(
    tmp_path_factory: pytest.TempPathFactory, paragraphs: list[str], title: str, crlf: bool
) -> None:
    root = tmp_path_factory.mktemp("bom")
    plain = f"---\ntitle: {title}\n---\n" + "\n\n".join(paragraphs) + "\n"
    written = "\ufeff" + (plain.replace("\n", "\r\n") if crlf else plain)
    (root / "a.md").write_bytes(written.encode("utf-8"))
    (root / "rows.jsonl").write_text(json.dumps({"id": "r", "text": written}) + "\n")
    from_file, from_row = _read(root / "a.md"), _read(root / "rows.jsonl")
    assert (from_row.text, from_row.text_sha256) == (from_file.text, from_file.text_sha256)
    assert from_row.title == title and not from_row.text.startswith(("\ufeff", "---"))


@HYPOTHESIS
@given(
    rows=st.lists(_SENTENCE, min_size=2, max_size=6),
    bad=st.data(),
)
def test_a_nul_in_a_rows_text_ends_that_row_alone_and_every_path_refuses_it(
    tmp_path_factory: pytest.TempPathFactory, rows: list[str], bad: st.DataObject
) -> None:
    root = tmp_path_factory.mktemp("nul")
    which = bad.draw(st.integers(0, len(rows) - 1))
    at = bad.draw(st.integers(0, len(rows[which])))
    texts = list(rows)
    texts[which] = texts[which][:at] + "\x00" + texts[which][at:]
    table = root / "rows.jsonl"
    table.write_text(
        "".join(json.dumps({"id": f"r{n}", "text": t}) + "\n" for n, t in enumerate(texts))
    )
    items = list(iter_inputs([str(table)]))
    assert [item.doc_id for item in items] == [f"r{n}" for n in range(len(texts))]
    for n, item in enumerate(items):
        if n == which:
            assert isinstance(item, InputFailure) and "NUL" in item.error, item
        else:
            assert isinstance(item, Document) and item.text == texts[n]
    # a string, and a Document built by hand, are refused before any request (the server
    # named is a closed port: a request would fail otherwise, and the network is blocked)
    extractor = Extractor(model="openai/fake-model", base_url="http://127.0.0.1:9/v1", api_key="k")
    try:
        for given_text in (texts[which], Document("d", texts[which])):
            with pytest.raises(InputError, match="NUL"):
                extractor.extract(given_text)
    finally:
        extractor.close()
