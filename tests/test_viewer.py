"""The evidence viewer (``extractor view``, :mod:`extractor.export.viewer`).

Unit tests read the page back with :class:`html.parser.HTMLParser`: the text
of every document and of every span is rebuilt from the markup and compared
with the input, so escaping, overlap splitting and span counts are checked
on what a browser would parse, including for hypothesis-generated hostile
text. The browser test opens the page in a real headless Chromium, driven
over the DevTools protocol on a pipe (``--remote-debugging-pipe``: no socket,
no dependency), clicks it like a user and takes a screenshot (into
``$EXTRACTOR_SCREENSHOT_DIR`` when set). It is skipped only when no Chromium
binary is installed (``apt-get install chromium``).

``fixtures/viewer/seed_line.json`` is a bulk line for the seed article: the
four records the 1.5B model found in it (bench/results), whose spans point
into ``seeds/000_e3df12fb75ba6b2b.txt``.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import io
import json
import os
import re
import select
import shutil
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Iterator, Mapping
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # plain `pytest` (not `python -m pytest`) leaves the root out
    sys.path.insert(0, str(ROOT))

from extractor import Actor, ArticleExtraction, DateValue, Evidence, Visit  # noqa: E402
from extractor.bulk.batch import BatchResult, ErrorInfo  # noqa: E402
from extractor.bulk.runner import RunInfo, result_line  # noqa: E402
from extractor.cli import app  # noqa: E402
from extractor.export.viewer import (  # noqa: E402
    CONTENT_SECURITY_POLICY,
    PALETTE,
    JsonlDocuments,
    ViewDocument,
    clean_text,
    colour_index,
    document_from_extraction,
    document_from_line,
    documents_from_jsonl,
    extraction_html,
    iter_html,
    render_html,
    type_colour,
)
from extractor.pipeline.document import Document  # noqa: E402
from extractor.pipeline.result import ExtractionMetadata  # noqa: E402

FIXTURES = Path(__file__).parent / "fixtures" / "viewer"
SEED_TEXT = ROOT / "seeds" / "000_e3df12fb75ba6b2b.txt"
runner = CliRunner()


# ------------------------------------------------------------------ helpers


def span(text: str, fragment: str, occurrence: int = 0) -> dict[str, Any]:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(fragment, start + 1)
    return {"start": start, "end": start + len(fragment), "text": fragment}


def record(
    kind: str, spans: list[dict[str, Any]], status: str = "occurred", **fields: Any
) -> dict[str, Any]:
    first = spans[0] if spans else {"start": None, "end": None, "text": ""}
    return {
        "type": kind,
        "id": f"{kind}:{len(spans)}{first['start']}",
        "status": status,
        **fields,
        "evidence": {
            "quote": first["text"],
            "start": first["start"],
            "end": first["end"],
            "alignment": "exact",
            "spans": spans,
        },
    }


OVERLAP_TEXT = (
    "GENEVA, May 2 - Foreign Minister Ana Reyes arrived in Geneva on Monday and met her "
    'counterpart <script>alert("x")</script> Lee Min-ho. Protesters gathered outside & '
    "chanted; police said 40 people were hurt. \u202eRTL override\u202c and a NUL \x00 here."
)


def overlap_document() -> ViewDocument:
    """Four records of four types (one a plugin type) whose spans overlap."""
    text = OVERLAP_TEXT
    arrived = span(text, "Foreign Minister Ana Reyes arrived in Geneva on Monday")
    met = span(text, "Ana Reyes arrived in Geneva on Monday and met her counterpart")
    protest = span(text, "Protesters gathered outside & chanted")
    hurt = span(text, "chanted; police said 40 people were hurt.")
    return ViewDocument(
        doc_id="overlap <b>doc</b>",
        title='A "hostile" title <script>',
        text=text,
        published="2024-05-02",
        records=[
            record(
                "visit",
                [arrived],
                visitors=[
                    {
                        "name": "Ana Reyes",
                        "title": "foreign minister",
                        "canonical_name": None,
                        "country": "PHL",
                        "sector": "government",
                    }
                ],
                start={
                    "text": "on Monday",
                    "value": "2024-04-29",
                    "precision": "day",
                    "kind": "exact",
                    "end": None,
                },
            ),
            record(
                "meeting",
                [met, span(text, "Lee Min-ho")],
                status="planned",
                countries=["PHL", "KOR"],
                topics=["<script>alert(1)</script>"],
            ),
            record(
                "protest",
                [protest],
                status="alleged",
                participants=None,
                demands='"quotes" & <tags>',
            ),
            record(
                "casualty_report",
                [hurt],
                injured={
                    "low": 40,
                    "best": 40,
                    "high": None,
                    "qualifier": "exact",
                    "text": "40 people",
                },
            ),
        ],
        warnings=["a warning with <script>alert(2)</script>"],
    )


class Page(HTMLParser):
    """What a browser would read from the page: documents' texts, segments, cards."""

    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.scripts = 0
        self.doc: str | None = None
        self.in_text = False
        self.mark: dict[str, str] | None = None
        self.texts: dict[str, str] = defaultdict(str)  # doc id -> its text as shown
        self.span_text: dict[str, str] = defaultdict(str)  # span key -> its text
        self.span_records: dict[str, set[str]] = defaultdict(set)  # record key -> span keys
        self.segments: list[tuple[set[str], set[str], str]] = []  # records, spans, text
        self.cards: dict[str, dict[str, str]] = {}
        self.links: dict[str, list[str]] = defaultdict(list)  # record key -> linked span keys
        self.card: str | None = None
        self.feed(markup)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {k: v or "" for k, v in attrs}
        self.tags.add(tag)
        classes = found.get("class", "").split()
        if tag == "script":
            self.scripts += 1
        if tag == "details" and "doc" in classes:
            self.doc = found["id"]
        if tag == "div" and "text" in classes:
            self.in_text = True
        if tag == "mark":
            assert self.in_text, "a highlight outside a document's text"
            self.mark = found
            records, spans = set(found["data-r"].split()), set(found["data-s"].split())
            self.segments.append((records, spans, ""))
            for key in spans:
                self.span_records[key.rsplit("-s", 1)[0]].add(key)
        if tag == "article" and "card" in classes:
            self.card = found["id"]
            self.cards[found["id"]] = found
        if tag == "a" and "go" in classes and self.card:
            self.links[self.card].append(found["data-span"])

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark":
            self.mark = None
        elif tag == "div" and self.in_text:
            self.in_text = False
        elif tag == "article":
            self.card = None

    def handle_data(self, data: str) -> None:
        if self.in_text and self.doc:
            self.texts[self.doc] += data
        if self.mark is not None:
            for key in self.mark["data-s"].split():
                self.span_text[key] += data
            records, spans, text = self.segments[-1]
            self.segments[-1] = (records, spans, text + data)


ALLOWED_TAGS = {
    "html", "head", "meta", "link", "title", "style", "script", "body", "main", "details",
    "summary", "span", "bdi", "p", "div", "mark", "article", "header", "b", "dl", "dt", "dd",
    "time", "q", "ul", "ol", "li", "a", "footer", "nav", "button", "output", "fieldset",
    "legend", "label", "input", "h1", "i",
}  # fmt: skip


def check_page(markup: str, documents: list[ViewDocument]) -> Page:
    """What every page must satisfy, whatever its input."""
    assert markup.lower().count("<script") == 1  # the page's own, nothing from the input
    markup.encode("utf-8")  # strict: no lone surrogate reached the output
    assert "\x00" not in markup
    page = Page(markup)
    assert page.scripts == 1
    assert page.tags <= ALLOWED_TAGS, page.tags - ALLOWED_TAGS
    for index, document in enumerate(documents):
        if document.text is not None:
            assert page.texts[f"d{index}"] == clean_text(document.text)
        for number, data in enumerate(document.records):
            key = f"d{index}-r{number}"
            expected = placed_spans(data, document.text)
            shown = sorted(page.span_records.get(key, set()))
            assert len(shown) == len(expected)
            assert page.links[key] == shown == [f"{key}-s{i}" for i in sorted(expected)]
            for i, text in expected.items():
                assert page.span_text[f"{key}-s{i}"] == clean_text(text)
    return page


def placed_spans(data: Mapping[str, Any], text: str | None) -> dict[int, str]:
    """The record's spans that are the text at their offsets, by position."""
    spans = data["evidence"]["spans"]
    return {
        i: s["text"]
        for i, s in enumerate(spans)
        if text is not None
        and 0 <= s["start"] < s["end"] <= len(text)
        and text[s["start"] : s["end"]] == s["text"]
    }


def seed_line(**changes: Any) -> dict[str, Any]:
    line = json.loads((FIXTURES / "seed_line.json").read_text(encoding="utf-8"))
    line["text"] = SEED_TEXT.read_text(encoding="utf-8")
    line.update(changes)
    return {k: v for k, v in line.items() if v is not ...}


# ------------------------------------------------------------------ rendering


def test_seed_spans_are_highlighted_one_element_set_per_span() -> None:
    document = document_from_line(seed_line())
    markup = render_html([document])
    page = check_page(markup, [document])
    assert len(page.cards) == 4
    assert sum(len(v) for v in page.span_records.values()) == 5  # 2 + 1 + 1 + 1 spans
    assert {c["data-type"] for c in page.cards.values()} == {
        "visit",
        "meeting",
        "arms_transfer",
        "casualty_report",
    }
    assert "2023-05-30" in markup and ">day<" in markup  # the date with its precision
    assert "evidence re-anchored" in markup  # the document's warnings


def test_overlapping_spans_are_split_and_list_every_record() -> None:
    document = overlap_document()
    page = check_page(render_html([document]), [document])
    covering = [records for records, _, _ in page.segments]
    # "Ana Reyes arrived in Geneva on Monday" is cited by the visit and the meeting
    both = [text for records, _, text in page.segments if records == {"d0-r0", "d0-r1"}]
    assert both == ["Ana Reyes arrived in Geneva on Monday"]
    # "chanted" by the protest and the casualty report
    assert [t for r, _, t in page.segments if r == {"d0-r2", "d0-r3"}] == ["chanted"]
    assert {"d0-r0"} in covering and {"d0-r1"} in covering
    # a meeting span apart from the others is its own segment
    assert page.span_text["d0-r1-s1"] == "Lee Min-ho"


def test_overlap_segments_carry_both_type_colours() -> None:
    markup = render_html([overlap_document()])
    visit, meeting = colour_index("visit"), colour_index("meeting")
    assert re.search(rf'class="seg c{visit} u{meeting} many" data-r="d0-r0 d0-r1"', markup)


def test_hostile_text_is_escaped_and_shown() -> None:
    document = overlap_document()
    markup = render_html([document])
    check_page(markup, [document])
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in markup
    assert "\u2400" in markup  # the NUL, visible
    assert 'dir="auto"' in markup and "<bdi" in markup  # RTL cannot leak out of a value


HOSTILE = [
    "<script>alert(1)</script>", "</script><script>", "<SCRIPT src=//x>", "<scr<script>ipt>",
    '"', "'", "&", "&amp;", "&#60;script", "<!--", "-->", "<img src=x onerror=alert(1)>",
    "\x00", "\x07", "\x1b", "\x7f", "\ud800", "\udfff", "\u202e", "\u2066", "\r\n", "\r", "\n",
    "\u2028", "\ufeff", "\uffff", "]]>", "`${x}`", "</div>", "</mark>", "<mark>", "\t",
]  # fmt: skip
hostile_text = st.lists(
    st.one_of(st.sampled_from(HOSTILE), st.text(max_size=6)), min_size=1, max_size=30
).map("".join)


@st.composite
def hostile_documents(draw: st.DrawFn) -> ViewDocument:
    text = draw(hostile_text)
    kinds = st.sampled_from(["visit", "meeting", "protest", "<script>x", 'a"b', "\ud800"])
    records = []
    for _ in range(draw(st.integers(0, 4))):
        spans = []
        for _ in range(draw(st.integers(1, 3))):
            if not text or (draw(st.booleans()) and draw(st.booleans())):  # sometimes misplaced
                spans.append({"start": 0, "end": 3, "text": draw(hostile_text)})
                continue
            start = draw(st.integers(0, len(text) - 1))
            end = draw(st.integers(start + 1, len(text)))
            spans.append({"start": start, "end": end, "text": text[start:end]})
        records.append(
            record(
                draw(kinds),
                spans,
                status=draw(st.sampled_from(["occurred", "<b>", "x y"])),
                purpose=draw(hostile_text),
                place={"text": draw(hostile_text), "country": None},
                visitors=[{"name": draw(hostile_text), "title": draw(hostile_text)}],
            )
        )
    return ViewDocument(
        doc_id=draw(hostile_text),
        title=draw(hostile_text),
        source=draw(hostile_text),
        text=text if draw(st.integers(0, 5)) else None,
        records=records,
        warnings=[draw(hostile_text)],
        error=draw(st.none() | hostile_text),
    )


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(hostile_documents(), min_size=1, max_size=3), hostile_text)
def test_hostile_input_never_escapes_its_text(documents: list[ViewDocument], title: str) -> None:
    markup = render_html(documents, title=title)
    check_page(markup, documents)


def test_inline_script_and_style_are_the_ones_the_policy_allows() -> None:
    markup = render_html([overlap_document()])
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', markup)
    assert policy and policy.group(1) == CONTENT_SECURITY_POLICY
    assert "default-src 'none'" in CONTENT_SECURITY_POLICY
    assert "unsafe-inline" not in CONTENT_SECURITY_POLICY
    for tag, directive in (("script", "script-src"), ("style", "style-src")):
        body = re.search(rf"<{tag}>(.*?)</{tag}>", markup, re.DOTALL)
        assert body
        digest = base64.b64encode(hashlib.sha256(body.group(1).encode()).digest()).decode()
        assert f"{directive} 'sha256-{digest}'" in CONTENT_SECURITY_POLICY
    assert not re.search(r"(src|href)=\"(https?:)?//", markup)  # nothing to fetch
    assert "@import" not in markup and "url(" not in markup


def test_misplaced_spans_are_not_highlighted_but_shown_on_the_card() -> None:
    line = seed_line()
    line["records"][0]["evidence"]["spans"][1]["start"] += 1  # no longer the text there
    document = document_from_line(line)
    markup = render_html([document])
    page = check_page(markup, [document])
    assert page.span_records["d0-r0"] == {"d0-r0-s0"}
    assert "not at 550–652" in markup
    assert "are not this text at their offsets" in markup


def test_type_colours_are_stable_and_distinct_for_builtins() -> None:
    builtins = [colour_index(k) for k in ("visit", "meeting", "arms_transfer", "casualty_report")]
    assert builtins == [0, 1, 2, 3]
    assert colour_index("protest") == colour_index("protest")
    assert 4 <= colour_index("protest") < len(PALETTE)
    assert type_colour("visit") == PALETTE[0][0]
    assert all(4 <= colour_index(name) < len(PALETTE) for name in ("a", "zz", "\ud800", "<x>"))


def test_many_documents_stream_and_stay_small() -> None:
    seed = seed_line()
    consumed = 0

    def documents() -> Iterator[ViewDocument]:
        nonlocal consumed
        for n in range(1000):
            consumed += 1
            yield document_from_line({**seed, "doc_id": f"doc-{n}"})

    pieces = iter_html(documents(), page_size=20)
    head, first = next(pieces), next(pieces)
    assert consumed == 1  # one document at a time
    started = time.monotonic()
    markup = head + first + "".join(pieces)
    assert time.monotonic() - started < 20
    source_size = len(json.dumps(seed, ensure_ascii=False)) * 1000
    assert len(markup) < 2 * source_size  # text, records and markup: no blow-up
    assert markup.count('class="doc"') == 1000
    assert 'data-page-size="20"' in markup


# ------------------------------------------------------------------ documents


def test_a_line_without_text_shows_its_records_and_says_so() -> None:
    document = document_from_line(seed_line(text=..., source=None))
    markup = render_html([document])
    page = check_page(markup, [document])
    assert "text unavailable" in markup
    assert not page.segments and len(page.cards) == 4
    assert "This visit marks the latest" in markup  # the quotes are on the cards


def test_the_source_file_is_read_again_when_its_hash_matches(tmp_path: Path) -> None:
    (tmp_path / "article.txt").write_bytes(SEED_TEXT.read_bytes())
    digest = Document(doc_id="x", text=SEED_TEXT.read_text(encoding="utf-8")).text_sha256
    line = seed_line(text=..., source="article.txt", text_sha256=digest)
    document = document_from_line(line, base_dir=tmp_path)
    assert document.text is not None and document.text_note is None
    check_page(render_html([document]), [document])
    changed = document_from_line({**line, "text_sha256": "0" * 64}, base_dir=tmp_path)
    assert changed.text is None and "has changed since the run" in (changed.text_note or "")
    assert "has changed since the run" in render_html([changed])
    elsewhere = document_from_line(line, base_dir=tmp_path / "nowhere")
    assert elsewhere.text is None and "is not a .txt" in (elsewhere.text_note or "")


def test_result_lines_of_a_bulk_run_with_and_without_text() -> None:
    text = "Wang Yi visited Washington on Thursday. Talks followed."
    quote = "Wang Yi visited Washington on Thursday."
    visit = Visit(
        doc_id="d1",
        visitors=[Actor(name="Wang Yi", country="CHN")],
        visitor_country="CHN",
        host_country="USA",
        start=DateValue(text="on Thursday", value="2023-10-26"),
        evidence=Evidence(quote=quote, start=0, end=len(quote), alignment="exact"),
    )
    extraction = ArticleExtraction(
        doc_id="d1",
        published=date(2023, 10, 27),
        visits=[visit],
        metadata=ExtractionMetadata(
            model="m", prompt_version="p", schema_version="s", strategy="single", warnings=["w <1>"]
        ),
    )
    info = RunInfo(model="m", prompt_version="p", schema_version="s", strategy="single")
    ok = result_line(
        BatchResult(
            doc_id="d1",
            index=0,
            extraction=extraction,
            document=Document(doc_id="d1", text=text, title="T"),
        ),
        info,
    )
    failed = result_line(
        BatchResult(
            doc_id="d2",
            index=1,
            error=ErrorInfo(type="InputError", message="empty file", kind="input"),
        ),
        info,
    )
    documents = [document_from_line({**ok, "text": text}), document_from_line(failed)]
    markup = render_html(documents)
    page = check_page(markup, documents)
    assert page.span_text["d0-r0-s0"] == quote
    assert "input (InputError): empty file" in markup
    assert documents[1].text is None and "text unavailable" not in markup.split('id="d1"')[1]


def test_one_extraction_as_a_page() -> None:
    text = "Wang Yi visited Washington on Thursday."
    visit = Visit(
        doc_id="a",
        visitors=[Actor(name="Wang Yi")],
        visitor_country="CHN",
        host_country="USA",
        evidence=Evidence(quote=text, start=0, end=len(text), alignment="exact"),
    )
    result = ArticleExtraction(
        doc_id="a",
        visits=[visit],
        metadata=ExtractionMetadata(
            model="m", prompt_version="p", schema_version="s", strategy="single"
        ),
    )
    document = document_from_extraction(result, text, source="a.txt")
    page = check_page(render_html([document]), [document])
    assert page.span_text["d0-r0-s0"] == text
    markup = extraction_html(result, text, source="a.txt")
    assert markup.startswith("<!DOCTYPE html>") and "<title>Evidence: a</title>" in markup


def test_jsonl_reading_reports_bad_and_torn_lines(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    path.write_text(
        json.dumps(seed_line()) + "\n[1, 2]\nnot json\n\n" + '{"doc_id": "torn"', encoding="utf-8"
    )
    documents = list(documents_from_jsonl(path))
    assert [d.doc_id for d in documents] == ["000_e3df12fb75ba6b2b", "line 2", "line 3"]
    assert documents[1].status == "error" and "not a JSON object" in (documents[1].error or "")


def _nested(shape: list[str], leaf: str) -> Any:
    """A value nested ``len(shape)`` deep: a list or an object per level."""
    value: Any = leaf
    for kind in reversed(shape):
        value = [value, 1] if kind == "list" else {"k": value, "n": None}
    return value


@settings(max_examples=30, deadline=None)
@given(
    shape=st.lists(st.sampled_from(["list", "map"]), min_size=1, max_size=40).flatmap(
        lambda head: st.integers(0, 900).map(
            lambda depth: (head * (depth // len(head) + 1))[:depth]
        )
    ),
    pick=st.integers(0, 1000),
)
@example(shape=["list"] * 900, pick=3)
@example(shape=["map", "list"] * 300, pick=2)
def test_a_record_nested_however_deep_is_a_page(
    tmp_path_factory: pytest.TempPathFactory, shape: list[str], pick: int
) -> None:
    """A hand-edited or foreign line whose field is nested hundreds deep (as deep as JSON
    reads) is shown, its deep part as JSON text, never a RecursionError."""
    line = seed_line()
    record = line["records"][pick % len(line["records"])]
    fields = sorted(set(record) - {"id", "type", "doc_id", "evidence", "attribution"})
    record[fields[pick % len(fields)]] = _nested(shape, "<leaf>")
    path = tmp_path_factory.mktemp("deep") / "out.jsonl"
    path.write_text(json.dumps(line) + "\n", encoding="utf-8")
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(1000)  # the CLI's: hypothesis raises it while a test runs
    try:
        documents = list(documents_from_jsonl(path))
        markup = render_html(documents)
    finally:
        sys.setrecursionlimit(limit)
    check_page(markup, documents)
    assert "&lt;leaf&gt;" in markup or "nested too deep" in markup or "…" in markup


# Reruns append a line per edited document: (doc_id index, text edit) in run order, with
# now and then a line that is not JSON in between.
rerun_events = st.lists(
    st.tuples(st.integers(min_value=0, max_value=4), st.text(max_size=12), st.booleans()),
    min_size=1,
    max_size=20,
)


@settings(max_examples=60, deadline=None)
@given(events=rerun_events, stream=st.booleans())
def test_the_page_shows_each_document_once_with_its_latest_text(
    tmp_path_factory: pytest.TempPathFactory, events: list[tuple[int, str, bool]], stream: bool
) -> None:
    """Last line per doc_id wins, in file order (as in flatten); bad lines stay error documents."""
    path = tmp_path_factory.mktemp("reruns") / "out.jsonl"
    raw: list[bytes] = []
    last: dict[str, tuple[int, str]] = {}
    bad: list[int] = []
    for index, edit, garbage in events:
        if garbage:
            raw.append(b"not json {\n")
            bad.append(len(raw))
        doc_id = f"doc-{index}.txt"
        text = f"At least {index} people were killed in Kano. {edit}"
        raw.append(json.dumps({"doc_id": doc_id, "status": "ok", "text": text,
                               "records": []}).encode() + b"\n")  # fmt: skip
        last[doc_id] = (len(raw), text)
    path.write_bytes(b"".join(raw))
    reader = JsonlDocuments(io.BytesIO(path.read_bytes()) if stream else path)
    documents = list(reader)
    results = [d for d in documents if d.status == "ok"]
    order = sorted(last, key=lambda doc_id: last[doc_id][0])
    assert [d.doc_id for d in results] == order
    assert [d.text for d in results] == [last[doc_id][1] for doc_id in order]
    assert reader.bad_lines == bad
    assert [d.doc_id for d in documents if d.status == "error"] == [f"line {n}" for n in bad]
    assert reader.documents == len(results) and not reader.torn_last_line  # results only


def test_the_view_command_shows_only_the_latest_line(tmp_path: Path) -> None:
    old = {"doc_id": "a.txt", "status": "ok", "text": "Old text of a.", "records": []}
    new = {**old, "text": "New text of a."}
    path = write_results(
        tmp_path / "out.jsonl", [old, {**old, "doc_id": "b.txt", "text": "B."}, new]
    )
    result = runner.invoke(app, ["view", str(path), "-o", str(tmp_path / "out.html")])
    assert result.exit_code == 0, result.output
    page = (tmp_path / "out.html").read_text(encoding="utf-8")
    assert "New text of a." in page and "Old text of a." not in page
    assert "view: 2 documents" in result.stderr


# ------------------------------------------------------------------ command line


def write_results(path: Path, lines: list[dict[str, Any]]) -> Path:
    with path.open("w", encoding="utf-8") as out:
        for line in lines:
            out.write(json.dumps(line, ensure_ascii=False) + "\n")
    return path


def overlap_line() -> dict[str, Any]:
    document = overlap_document()
    return {
        "doc_id": document.doc_id,
        "status": "ok",
        "title": document.title,
        "published": document.published,
        "text": document.text,
        "records": list(document.records),
        "warnings": list(document.warnings),
        "error": None,
    }


def test_cli_view_writes_a_page(tmp_path: Path) -> None:
    results = write_results(tmp_path / "results.jsonl", [seed_line(), overlap_line()])
    report = tmp_path / "out" / "report.html"
    outcome = runner.invoke(app, ["view", str(results), "-o", str(report)])
    assert outcome.exit_code == 0, outcome.output
    markup = report.read_text(encoding="utf-8")
    assert markup.count('class="doc"') == 2
    assert "2 documents, 8 records" in outcome.stderr
    assert not list(report.parent.glob(".*tmp"))
    default = runner.invoke(app, ["view", str(results)])
    assert default.exit_code == 0 and (tmp_path / "results.html").is_file()


def test_cli_view_reads_stdin_and_writes_stdout() -> None:
    data = (json.dumps(seed_line()) + "\n").encode()
    outcome = runner.invoke(app, ["view", "-", "-o", "-"], input=data)
    assert outcome.exit_code == 0, outcome.stderr
    assert outcome.stdout.startswith("<!DOCTYPE html>")
    assert outcome.stdout.count('class="card ') == 4


def test_cli_view_errors(tmp_path: Path) -> None:
    missing = runner.invoke(app, ["view", str(tmp_path / "none.jsonl")])
    assert missing.exit_code == 2 and "no such file" in missing.stderr
    results = tmp_path / "r.jsonl"
    results.write_text(json.dumps(seed_line()) + "\n{oops\n", encoding="utf-8")
    damaged = runner.invoke(app, ["view", str(results), "-o", str(tmp_path / "r.html")])
    assert damaged.exit_code == 1
    assert "1 line(s) are not results of `extractor bulk`" in damaged.stderr
    assert "(line 2)" in damaged.stderr
    assert "line 2" in (tmp_path / "r.html").read_text(encoding="utf-8")
    rows = tmp_path / "articles.jsonl"  # the bulk input, not its output: refused, no page
    rows.write_text(json.dumps({"id": "a", "text": "Hello."}) + "\n", encoding="utf-8")
    inputs = runner.invoke(app, ["view", str(rows), "-o", str(tmp_path / "a.html")])
    assert inputs.exit_code == 2 and "no result could be read" in inputs.stderr
    assert not (tmp_path / "a.html").exists()
    same = runner.invoke(app, ["view", str(results), "-o", str(results)])
    assert same.exit_code == 2


# ------------------------------------------------------------------ the browser

CHROMIUM_NAMES = ("chromium", "chromium-browser", "chromium-headless-shell")


def find_chromium() -> str | None:
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def _high_pipe() -> tuple[int, int]:
    """A pipe whose ends are numbered 10 or more (close-on-exec)."""
    import fcntl

    ends = os.pipe()
    high = [fcntl.fcntl(end, fcntl.F_DUPFD_CLOEXEC, 10) for end in ends]
    for end in ends:
        os.close(end)
    return high[0], high[1]


class Browser:
    """Headless Chromium driven over the DevTools protocol on a pipe (its fds 3 and 4)."""

    def __init__(self, binary: str, profile: Path, *, width: int = 1440, height: int = 900) -> None:
        to_child, self._to_child = _high_pipe()
        self._from_child, from_child = _high_pipe()

        def plumb() -> None:  # in the child, before exec: the pipe ends become fds 3 and 4
            os.dup2(to_child, 3)  # the ends are >= 10, so neither is 3 or 4 already
            os.dup2(from_child, 4)

        args = [
            binary,
            # chromium-headless-shell is the old headless mode, and only that
            "--headless" if "headless-shell" in Path(binary).name else "--headless=new",
            "--disable-gpu",
            "--no-sandbox",
            "--remote-debugging-pipe",
            f"--user-data-dir={profile}",
            "--no-first-run",
            "--no-default-browser-check",
            "--disable-extensions",
            "--disable-background-networking",
            "--disable-sync",
            "--disable-component-update",
            "--disable-default-apps",
            "--no-pings",
            "--disable-domain-reliability",
            "--mute-audio",
            "--hide-scrollbars",
            f"--window-size={width},{height}",
            "about:blank",
        ]
        self.log = profile / "chromium.log"
        self._log = self.log.open("wb")
        self.process = subprocess.Popen(
            args,
            stdin=subprocess.DEVNULL,
            stdout=self._log,
            stderr=self._log,
            preexec_fn=plumb,
            close_fds=False,
        )
        os.close(to_child)
        os.close(from_child)
        self._buffer = b""
        self._next_id = 0
        self.events: list[dict[str, Any]] = []
        self.session: str | None = None
        self.size = (width, height)

    def send(
        self,
        method: str,
        params: dict[str, Any] | None = None,
        *,
        browser: bool = False,
        timeout: float = 30.0,
    ) -> dict[str, Any]:
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params or {}}
        if self.session and not browser:
            message["sessionId"] = self.session
        os.write(self._to_child, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            reply = self._read(deadline)
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return dict(reply.get("result", {}))
            self.events.append(reply)

    def wait_event(self, method: str, *, timeout: float = 30.0) -> dict[str, Any]:
        for index, event in enumerate(self.events):
            if event.get("method") == method:
                return self.events.pop(index)
        deadline = time.monotonic() + timeout
        while True:
            event = self._read(deadline)
            if event.get("method") == method:
                return event
            self.events.append(event)

    def _read(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"chromium did not answer in time; see {self.log}")
            ready, _, _ = select.select([self._from_child], [], [], left)
            if ready:
                chunk = os.read(self._from_child, 1 << 20)
                if not chunk:
                    raise RuntimeError(f"chromium exited ({self.process.poll()}); see {self.log}")
                self._buffer += chunk
        raw, _, self._buffer = self._buffer.partition(b"\0")
        return dict(json.loads(raw))

    def open(self, url: str) -> None:
        target = self.send("Target.createTarget", {"url": "about:blank"}, browser=True)
        attached = self.send(
            "Target.attachToTarget",
            {"targetId": target["targetId"], "flatten": True},
            browser=True,
        )
        self.session = attached["sessionId"]
        for domain in ("Page.enable", "Runtime.enable", "Log.enable"):
            self.send(domain)
        width, height = self.size
        self.send(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False},
        )
        self.send("Page.navigate", {"url": url})
        self.wait_event("Page.loadEventFired")

    def evaluate(self, expression: str) -> Any:
        result = self.send(
            "Runtime.evaluate",
            {"expression": expression, "returnByValue": True, "awaitPromise": True},
        )
        if "exceptionDetails" in result:
            raise RuntimeError(f"page script failed: {result['exceptionDetails']}")
        return result["result"].get("value")

    def click(self, selector: str) -> None:
        """A real mouse click on the element (scrolled into view first)."""
        x, y = self.evaluate(
            f"(() => {{ const el = document.querySelector({json.dumps(selector)});"
            " el.scrollIntoView({block: 'center'});"
            " const r = el.getClientRects()[0] || el.getBoundingClientRect();"
            " return [r.left + Math.min(r.width / 2, 6), r.top + Math.min(r.height / 2, 6)]; })()"
        )
        for kind in ("mouseMoved", "mousePressed", "mouseReleased"):
            self.send(
                "Input.dispatchMouseEvent",
                {"type": kind, "x": x, "y": y, "button": "left", "clickCount": 1},
            )

    def screenshot(self, path: Path) -> Path:
        data = self.send("Page.captureScreenshot", {"format": "png"})["data"]
        path.write_bytes(base64.b64decode(data))
        return path

    def problems(self) -> list[str]:
        """Console errors, uncaught exceptions and error log entries (CSP violations) so far."""
        found: list[str] = []
        for event in self.events:
            method, params = event.get("method"), event.get("params", {})
            if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
                found.append(f"console.{params['type']}: {params.get('args')}")
            elif method == "Runtime.exceptionThrown":
                found.append(f"exception: {params.get('exceptionDetails')}")
            elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
                found.append(f"log: {params['entry'].get('text')}")
        return found

    def close(self) -> None:
        with contextlib.suppress(OSError, RuntimeError, TimeoutError):
            self.send("Browser.close", browser=True, timeout=5)
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        for fd in (self._to_child, self._from_child):
            os.close(fd)
        self._log.close()


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[Browser]:
    binary = find_chromium()
    if binary is None:
        pytest.skip(
            "no Chromium binary (chromium, chromium-browser or chromium-headless-shell) on PATH: "
            "`apt-get install chromium` to run the browser test"
        )
    profile = tmp_path / "profile"
    profile.mkdir()
    running = Browser(binary, profile)
    try:
        yield running
    finally:
        running.close()


def screenshot_dir(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("EXTRACTOR_SCREENSHOT_DIR") or tmp_path / "screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


# Per record card: the span keys its links name, the keys of the highlighted
# segments that carry its id, and each span's text as shown.
SPANS_IN_PAGE = """(() => {
  const out = {};
  for (const card of document.querySelectorAll("article.card")) {
    const links = [...card.querySelectorAll("a.go")].map(a => a.dataset.span);
    const keys = new Set(), texts = {};
    for (const seg of document.querySelectorAll(`mark.seg[data-r~="${card.id}"]`)) {
      for (const key of seg.dataset.s.split(" ")) {
        if (key.startsWith(card.id + "-s")) {
          keys.add(key);
          texts[key] = (texts[key] || "") + seg.textContent;
        }
      }
    }
    out[card.id] = {links, keys: [...keys].sort(), texts, type: card.dataset.type};
  }
  return out;
})()"""

VISIBLE = (
    "(el => !!el && getComputedStyle(el).display !== 'none' && el.getClientRects().length > 0)"
)


def test_the_page_in_a_real_browser(tmp_path: Path, browser: Browser) -> None:
    filler = [
        {**seed_line(), "doc_id": f"filler-{n:02d}", "records": [], "warnings": []}
        for n in range(30)
    ]
    missing = seed_line(doc_id="no-text", text=..., source=None)
    failed = {
        "doc_id": "failed",
        "status": "error",
        "records": [],
        "warnings": [],
        "error": {"type": "InputError", "kind": "input", "message": "empty file"},
    }
    lines = [seed_line(), overlap_line(), missing, failed, *filler]
    results = write_results(tmp_path / "results.jsonl", lines)
    report = tmp_path / "report.html"
    outcome = runner.invoke(app, ["view", str(results), "-o", str(report), "--page-size", "25"])
    assert outcome.exit_code == 0, outcome.output
    documents = [document_from_line(line) for line in lines]

    browser.open(report.as_uri())
    assert browser.evaluate("document.documentElement.classList.contains('ready')")
    assert browser.problems() == []
    shots = screenshot_dir(tmp_path)
    browser.screenshot(shots / "viewer.png")

    # every record's spans are highlighted, once each, with the record's text
    found = browser.evaluate(SPANS_IN_PAGE)
    for index, document in enumerate(documents):
        for number, data in enumerate(document.records):
            key = f"d{index}-r{number}"
            expected = placed_spans(data, document.text)
            assert found[key]["keys"] == [f"{key}-s{i}" for i in sorted(expected)], key
            assert found[key]["links"] == found[key]["keys"]
            for i, text in expected.items():
                assert found[key]["texts"][f"{key}-s{i}"] == clean_text(text)
    assert len(found) == 4 + 4 + 4  # the records of the seed, the overlap and the no-text doc

    # one page of 25 documents at a time
    assert (
        browser.evaluate(f"[...document.querySelectorAll('.doc')].filter({VISIBLE}).length") == 25
    )
    assert browser.evaluate("document.querySelector('#pages').textContent") == "2"

    # a card's link focuses its span and flashes it
    browser.click("#d1-r1 a.go[data-span='d1-r1-s1']")
    focused = browser.evaluate("document.activeElement.dataset.s || ''")
    assert "d1-r1-s1" in focused.split()
    assert browser.evaluate("document.activeElement.textContent") == "Lee Min-ho"
    assert browser.evaluate("document.activeElement.classList.contains('flash')")
    browser.screenshot(shots / "viewer-overlap.png")

    # a span leads back to its card
    browser.click("mark.seg[data-r='d0-r3']")
    assert browser.evaluate("document.activeElement.id") == "d0-r3"

    # the type filter hides that type's cards and unlights their spans
    browser.click("input.f-type[value='visit']")
    assert (
        browser.evaluate("document.querySelector(\"input.f-type[value='visit']\").checked") is False
    )
    states = browser.evaluate(
        f"[...document.querySelectorAll('.doc.cur article.card')].map(c => [c.dataset.type, {VISIBLE}(c)])"
    )
    assert states and all(shown == (kind != "visit") for kind, shown in states), states
    assert browser.evaluate(
        "document.querySelector(\"mark.seg[data-r='d1-r0']\").classList.contains('dim')"
    )
    assert not browser.evaluate(
        "document.querySelector(\"mark.seg[data-r='d1-r0 d1-r1']\").classList.contains('dim')"
    )

    # the status filter too
    browser.click("input.f-status[value='planned']")
    assert not browser.evaluate(f"{VISIBLE}(document.getElementById('d1-r1'))")
    assert browser.evaluate(f"{VISIBLE}(document.getElementById('d1-r2'))")

    # the next page
    browser.click("#next")
    assert browser.evaluate("document.querySelector('#page').textContent") == "2"
    assert browser.evaluate(f"[...document.querySelectorAll('.doc')].filter({VISIBLE}).length") == 9

    # nothing may be fetched: the policy stops it before any request
    blocked = browser.evaluate(
        """new Promise(done => {
             document.addEventListener("securitypolicyviolation", e => done(e.violatedDirective));
             const img = new Image(); img.src = "https://example.invalid/x.png";
             setTimeout(() => done("not blocked"), 3000);
           })"""
    )
    assert blocked == "img-src"
    assert [p for p in browser.problems() if "example.invalid" not in p] == []
    browser.evaluate("console.error('probe')")  # the capture itself works
    assert any("probe" in p for p in browser.problems())
