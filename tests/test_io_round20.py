"""Hostile round 20, the readers: three ways an input lost articles without a word.

* A JSONL object wrapped over lines by hand, its closing brace at the end of
  its last line (``{"id": "j2",`` then `` "text": "..."}``), was an error line
  per physical line: only a line *starting* with ``}`` ended a spread value.
  Now the value ends where its brackets close (:func:`extractor.io.readers._gather`).
* A WARC ``response`` record of ``text/plain`` (a wire story, a press release
  served as .txt) was a ``skipped`` line, where the same text as a ``resource``
  record is read. Now both are read alike, keyed by their URI.
* An HTML page nested deeper than libxml2's 256 levels (old pages leave
  ``<font>`` open) lost everything past that depth, status ok; and tags left
  open a dozen deep cost the paragraph at the end of the chain. Now such a
  page's whole visible text is read, with a warning saying why.

Every input is generated: records written compact, indented or split at random
token boundaries; WARCs of random record kinds, content types, charsets and line
ends; pages nested at random depths with random tags, closed or not.
"""

from __future__ import annotations

import io
import json
import re
import tempfile
import time
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from extractor.io.readers import InputFailure, Item, iter_inputs
from extractor.pipeline.document import Document
from tests.corpus_support import read_items

SETTINGS = settings(
    max_examples=40,
    deadline=None,
    database=None,  # nothing written into the working tree
    derandomize=True,  # the same inputs on every run: a failure is reproducible
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def read_path(data: bytes, name: str) -> list[Item]:
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / name
        path.write_bytes(data)
        return list(iter_inputs([str(path)]))


# -------------------------------------------------------------------- JSONL

TEXTS = st.text(
    alphabet=st.sampled_from(list('abc xyz{}[]",:\n\\/é中ß😀')), min_size=0, max_size=30
).map(lambda s: f"t{s}")
#: How a record is written: compact on one line, indented by json.dumps, or split by hand
#: at token boundaries (the breaks, and each new line's indent).
LAYOUTS = st.one_of(
    st.just(("line", None)),
    st.tuples(st.just("indent"), st.sampled_from([1, 2, 4, "\t"])),
    st.tuples(
        st.just("wrapped"),
        st.lists(st.tuples(st.booleans(), st.integers(0, 3)), min_size=40, max_size=40),
    ),
)
#: The tokens of a compact JSON text: strings whole, brackets, colons, commas, the rest.
TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[][{}:,]|[^\s"\[\]{}:,]+')


def wrapped(compact: str, breaks: list[tuple[bool, int]], drop: int | None = None) -> str:
    """``compact`` broken into lines before tokens as ``breaks`` says, each new line
    indented so, its token number ``drop`` left out; a line opening with a bracket is
    indented (at the start of a line a bracket opens the next row, as a pretty-printer
    writes one)."""
    tokens = TOKEN.findall(compact)
    out = tokens[0]
    for number, token in enumerate(tokens[1:], start=1):
        broken, indent = breaks[(number - 1) % len(breaks)]
        if number == drop:
            continue
        if broken:
            indent = max(indent, 1) if token in "{[" else indent
            out += "\n" + " " * indent + token
        else:
            out += (" " if token not in ",:}]" else "") + token
    return out + "\n"


def written(record: dict[str, object], layout: tuple[str, object]) -> str:
    kind, how = layout
    if kind == "line":
        return json.dumps(record, ensure_ascii=False) + "\n"
    if kind == "indent":
        assert isinstance(how, int | str)
        return json.dumps(record, ensure_ascii=False, indent=how) + "\n"
    assert isinstance(how, list)
    return wrapped(json.dumps(record, ensure_ascii=False), how)


@settings(SETTINGS, max_examples=150)
@given(
    rows=st.lists(st.tuples(TEXTS, LAYOUTS, st.booleans()), min_size=1, max_size=6),
    crlf=st.booleans(),
    piped=st.booleans(),
)
@example(  # the hostile tester's file: closing braces at the ends of lines
    rows=[
        ("tFrance met Germany", ("line", None), False),
        ("tItaly met Spain", ("wrapped", [(False, 0)] * 4 + [(True, 1)]), False),
        ("tItaly met Spain j5", ("wrapped", [(False, 0)] * 6 + [(True, 2)]), False),
    ],
    crlf=False,
    piped=False,
)
def test_a_row_spread_over_lines_anyhow_is_one_row(
    rows: list[tuple[str, tuple[str, object], bool]], crlf: bool, piped: bool
) -> None:
    """Every record is read as exactly one row, in order, with its id and text, and no
    error, however its lines are broken: after any token, the closing brace on the last
    line of content or alone, nested objects and arrays closing at a line's end too,
    lines ended by LF or CRLF."""
    data = ""
    for number, (text, layout, nested) in enumerate(rows):
        record: dict[str, object] = {"id": f"row-{number}", "text": text}
        if nested:
            record = {"id": f"row-{number}", "meta": {"tags": ["a", {"b": [text]}]}, "text": text}
        data += written(record, layout)
    if crlf:
        data = data.replace("\n", "\r\n")
    items = read_items(data.encode(), piped=piped, name="rows.jsonl")
    assert [item for item in items if not isinstance(item, Document)] == []
    assert [(item.doc_id, item.text) for item in items if isinstance(item, Document)] == [
        (f"row-{number}", text) for number, (text, _, _) in enumerate(rows)
    ]


@settings(SETTINGS, max_examples=100)
@given(
    before=st.lists(TEXTS, max_size=2),
    text=TEXTS,
    breaks=st.lists(st.tuples(st.booleans(), st.integers(0, 3)), min_size=12, max_size=12),
    after=st.lists(TEXTS, min_size=1, max_size=2),
    piped=st.booleans(),
)
def test_a_broken_spread_row_names_the_line_it_breaks_on(
    before: list[str], text: str, breaks: list[tuple[bool, int]], after: list[str], piped: bool
) -> None:
    """A spread object missing the comma between its members fails on its first line,
    naming the file line where the comma is missing (not a column of its first line
    read alone), and costs no row before or after it."""
    good = [json.dumps({"id": f"b{n}", "text": t}, ensure_ascii=False) + "\n" for n, t in
            enumerate(before)]  # fmt: skip
    compact = json.dumps({"id": "broken", "text": text, "n": 1}, ensure_ascii=False)
    # the comma after the id's value lost (token 4): the parser stops at "text", token 5
    lines = wrapped(compact, [(True, 1), *breaks], drop=4).splitlines(keepends=True)
    marked = wrapped(compact.replace('"text"', '"TEXT"'), [(True, 1), *breaks], drop=4)
    stops = next(n for n, line in enumerate(marked.splitlines()) if '"TEXT"' in line)
    tail = [json.dumps({"id": f"a{n}", "text": t}, ensure_ascii=False) + "\n" for n, t in
            enumerate(after)]  # fmt: skip
    data = "".join([*good, *lines, *tail])
    items = read_items(data.encode(), piped=piped, name="rows.jsonl")
    documents = [(item.doc_id, item.text) for item in items if isinstance(item, Document)]
    assert documents == [
        *((f"b{n}", t) for n, t in enumerate(before)),
        *((f"a{n}", t) for n, t in enumerate(after)),
    ]
    opening = len(before) + 1
    first = next(item for item in items if isinstance(item, InputFailure))
    assert first.error.startswith(f"line {opening}: not valid JSON (")
    assert f" at line {opening + stops} column " in first.error
    assert f"over lines {opening}-{opening + len(lines) - 1}" in first.error


def test_a_thousand_line_row_is_read_in_linear_time() -> None:
    """Rows of 900 lines each are gathered a line at a time, not re-parsed per line."""
    rows = [
        {"id": f"big-{n}", "text": f"text {n}", "tags": [f"tag {k}" for k in range(900)]}
        for n in range(40)
    ]
    data = "".join(json.dumps(row, indent=1) + "\n" for row in rows).encode()
    started = time.monotonic()
    items = read_items(data, name="rows.jsonl")
    assert [item.doc_id for item in items if isinstance(item, Document)] == [
        f"big-{n}" for n in range(40)
    ]
    assert time.monotonic() - started < 5


# --------------------------------------------------------------------- WARC

SENTENCES = st.lists(
    st.sampled_from(["Kano", "Zürich", "café", "naïve", "Straße", "minister", "said", "flood"]),
    min_size=3,
    max_size=10,
).map(lambda words: "The " + " ".join(words) + " on Monday.")
RECORDS = st.lists(
    st.tuples(
        st.sampled_from(["response", "resource"]),
        st.sampled_from(["text/html", "text/plain", "image/png", "application/pdf"]),
        st.sampled_from([None, "utf-8", "UTF-8", "iso-8859-1", "windows-1252"]),
        st.booleans(),  # CRLF line ends
        st.lists(SENTENCES, min_size=1, max_size=3),
    ),
    min_size=1,
    max_size=8,
)


def body_of(media: str, charset: str | None, crlf: bool, lines: list[str]) -> bytes:
    newline = "\r\n" if crlf else "\n"
    if media == "text/plain":
        return newline.join(lines).encode(charset or "utf-8")
    if media == "text/html":
        paragraphs = "".join(f"<p>{line}</p>{newline}" for line in lines)
        page = f"<html><head><title>T</title></head><body><article>{paragraphs}</article></body></html>"
        return page.encode(charset or "utf-8")
    return b"\x89PNG\r\n\x1a\n" + bytes(range(256))


@SETTINGS
@given(records=RECORDS, gz=st.booleans())
@example(
    records=[("response", "text/plain", "utf-8", True, ["The wire story on Monday."])], gz=False
)
def test_every_text_record_of_a_warc_is_a_document_keyed_by_its_uri(
    records: list[tuple[str, str, str | None, bool, list[str]]], gz: bool
) -> None:
    """A text/plain or HTML record, response or resource, in any charset, is one document
    under its URI, its text decoded by its charset with its line ends made LF; any other
    record is a skipped line naming its content type."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gz)
    uris = []
    for number, (kind, media, charset, crlf, lines) in enumerate(records):
        uri = f"https://news.example/{kind}/{number}.txt"
        uris.append(uri)
        content_type = f"{media}; charset={charset}" if charset and "text" in media else media
        body = io.BytesIO(body_of(media, charset, crlf, lines))
        if kind == "response":
            http = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
            made = writer.create_warc_record(uri, "response", payload=body, http_headers=http)
        else:
            made = writer.create_warc_record(
                uri, "resource", payload=body, warc_content_type=content_type
            )
        writer.write_record(made)
    items = read_path(buffer.getvalue(), "crawl.warc.gz" if gz else "crawl.warc")
    assert len(items) == len(records)
    for number, (item, uri, (_, media, _, _, lines)) in enumerate(
        zip(items, uris, records, strict=True)
    ):
        if media == "text/plain":
            assert isinstance(item, Document), item
            assert (item.doc_id, item.url, item.text) == (uri, uri, "\n".join(lines))
        elif media == "text/html":
            assert isinstance(item, Document), item
            assert item.doc_id == uri and all(line in item.text for line in lines)
        else:
            assert isinstance(item, InputFailure) and item.skipped, item
            assert item.doc_id.endswith(f"!record-{number + 1}") and media in item.error


def test_a_crawlers_own_text_files_are_skipped_lines() -> None:
    """The robots.txt a crawler stores beside the pages is no article: a skipped line."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=False)
    for uri, body in (
        ("https://news.example/robots.txt", b"User-agent: *\nDisallow: /private/\n"),
        ("https://news.example/.well-known/security.txt", b"Contact: mailto:s@news.example\n"),
        ("https://news.example/wire/1.txt", b"KANO, Nigeria - Floods hit the city on Monday.\n"),
    ):
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/plain")], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=http)
        )
    robots, security, story = read_path(buffer.getvalue(), "crawl.warc")
    for skipped, uri in ((robots, "robots.txt"), (security, "security.txt")):
        assert isinstance(skipped, InputFailure) and skipped.skipped
        assert "a crawler's own file" in skipped.error and uri in skipped.error
    assert isinstance(story, Document) and story.doc_id == "https://news.example/wire/1.txt"


# --------------------------------------------------------------------- HTML

PARAGRAPH = "France met Germany in Berlin on Monday."


def deep_page(depth: int, tag: str, closed: bool) -> str:
    attrs = " size=2" if tag == "font" else ""
    lines = "".join(f"<{tag}{attrs}>Line {n} of the report. " for n in range(depth))
    closing = f"</{tag}>" * depth if closed else ""
    return (
        "<html><head><title>Old page</title></head><body>"
        f"{lines}<p>{PARAGRAPH}</p>{closing}</body></html>"
    )


@SETTINGS
@given(
    depth=st.integers(1, 3000),
    tag=st.sampled_from(["font", "div", "b", "span", "em", "section", "blockquote", "td"]),
    closed=st.booleans(),
)
@example(depth=300, tag="font", closed=False)  # the hostile tester's page
@example(depth=300, tag="div", closed=True)  # "no article text found in HTML"
@example(depth=12, tag="span", closed=False)  # deep enough to lose the paragraph
@example(depth=255, tag="b", closed=False)
@example(depth=2049, tag="div", closed=False)  # past libxml2's huge_tree limit too
@example(depth=3000, tag="font", closed=True)
def test_no_text_of_a_deeply_nested_page_is_lost(depth: int, tag: str, closed: bool) -> None:
    """Every line of the page and its paragraph reach the document, nested how deep they
    may be; a page read otherwise than by the article extractor says so."""
    started = time.monotonic()
    (item,) = read_path(deep_page(depth, tag, closed).encode(), "page.html")
    assert time.monotonic() - started < 3
    assert isinstance(item, Document), item
    assert PARAGRAPH in item.text
    assert f"Line {depth - 1} of the report." in item.text
    assert all(f"Line {n} of the report." in item.text for n in range(0, depth, 97))
    if depth >= 12 and tag != "td":  # read otherwise than by trafilatura: said (libxml2
        # closes an open <td> at the next: no nesting, read as any page)
        assert any("whole visible text" in warning for warning in item.warnings)


ARTICLE_TEXT = st.lists(SENTENCES, min_size=2, max_size=5)


@SETTINGS
@given(
    wrappers=st.integers(0, 60),
    paragraphs=ARTICLE_TEXT,
    inline=st.integers(0, 4),
)
def test_an_ordinary_page_is_left_to_the_article_extractor(
    wrappers: int, paragraphs: list[str], inline: int
) -> None:
    """Wrappers many deep (as page builders nest their divs) and inline tags nested as
    correct markup nests them are no deep page: no warning, the page's menu left out."""
    open_inline = "".join(f"<{tag}>x " for tag in ["b", "i", "em", "span"][:inline])
    close_inline = "".join(f"</{tag}>" for tag in reversed(["b", "i", "em", "span"][:inline]))
    body = "".join(f"<p>{text} {open_inline}{close_inline}</p>" for text in paragraphs)
    page = (
        "<html><head><title>News</title></head><body>"
        '<nav><ul><li><a href="/a">Home</a></li><li><a href="/b">Sport</a></li></ul></nav>'
        + '<div class="wrap">' * wrappers
        + f"<article>{body}</article>"
        + "</div>" * wrappers
        + "<footer>Copyright News Ltd</footer></body></html>"
    )
    (item,) = read_path(page.encode(), "page.html")
    assert isinstance(item, Document), item
    assert not any("whole visible text" in warning for warning in item.warnings)
    assert all(text in item.text for text in paragraphs)
    assert "Copyright News Ltd" not in item.text
