"""Identities inside archives (see :mod:`extractor.io.readers`), against hostile archives.

Three classes of input that a crawl or an archive of articles really holds:

* **Re-crawls.** A WARC (or a crawl's several WARC files) holding one URI captured
  more than once, at other dates, with other content: each capture is a document of
  its own, the first keeps the URI as its id (as before), a later one is
  ``<URI>#capture=<WARC-Date>``; a record equal to an earlier one in URI, date
  and payload is that document again, read once.
* **Member names that spell the readers' own marks**: ``a.zip!b.txt`` beside the
  member ``b.txt`` of ``a.zip``, ``x.txt#2`` beside two members named ``x.txt``,
  ``x.txt#duplicate-2``, ``rows.jsonl#<content hash>``, ``%21``, ``:3``, unicode:
  every member is exactly one unit, under an id no other unit has (the name escaped
  as a URL escapes, only where it holds such a mark).
* **An earlier run's output inside an archive** is a ``skipped`` line naming it, as it
  is in a folder, not its lines re-extracted as articles.

Checked through :func:`~extractor.io.readers.iter_inputs` and through ``bulk`` against
the in-thread fake OpenAI server, a rerun of which must send and write nothing.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import re
import sys
import tarfile
import tempfile
import warnings
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from extractor.bulk.runner import BulkSummary, run_bulk
from extractor.cli import app
from extractor.io import InputFailure, Item, iter_inputs
from extractor.io.archives import is_unsafe_member_name
from extractor.io.output import latest_lines
from extractor.pipeline.document import Document
from tests.corpus_support import nameless_pipe
from tests.fakes.kano import kano
from tests.fakes.openai_server import LOOPBACK_ONLY, FakeOpenAI

pytestmark = pytest.mark.block_network(allowed_hosts=LOOPBACK_ONLY)

HYPOTHESIS = settings(
    deadline=None,
    database=None,  # nothing written into the working tree
    derandomize=True,  # the same archives on every run: a failure is reproducible
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)
CLEAN_ENV: dict[str, str | None] = {
    name: None
    for name in ("EXTRACTOR_MODEL", "EXTRACTOR_BASE_URL", "EXTRACTOR_API_KEY", "EXTRACTOR_MODE")
}


def run(server: FakeOpenAI, inputs: list[str], out: Path) -> BulkSummary:
    return run_bulk(
        inputs,
        out,
        model="openai/fake-model",
        base_url=server.base_url,
        strategy="single",
        max_retries=0,
    )


def lines_of(out: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in out.read_bytes().splitlines() if line.strip()]


def text_key(text: str) -> str:
    """The content key the readers give an id-less row of this text."""
    return Document(doc_id="-", text=text).text_sha256[:12]


def rerun_writes_nothing(server: FakeOpenAI, inputs: list[str], out: Path) -> None:
    """A rerun of the same command: no request, no byte written, everything unchanged."""
    before, written = len(server.requests), out.read_bytes()
    again = run(server, inputs, out)
    assert len(server.requests) == before
    assert out.read_bytes() == written
    assert (again.new, again.changed, again.exit_code) == (0, 0, 0), again


# ------------------------------------------------------------- member names

#: Pieces of hostile member names: the readers' marks, escapes, digits, unicode.
PIECES = ["a", "x", "!", "#", "%", "21", "23", "25", "3A", ":", "2", "9", "duplicate-2",
          "é", "中", "😀", " ", "-"]  # fmt: skip
#: How names end: documents, and names that end as a mark would (unsupported: skipped).
ENDINGS = [".txt", ".txt", ".md", ".txt#2", ".txt#duplicate-2", ".txt:3", ".txt%23"]
ARCHIVES = ["zip", "tar", "tar.gz"]


def escaped(name: str) -> str:
    """A member name as its id writes it (the readers' documented rule, restated)."""
    name = re.sub(r"%(?=2[135]|3A)", "%25", name)
    name = re.sub(r":(?=[0-9]+\Z)", "%3A", name)
    return name.replace("!", "%21").replace("#", "%23")


@dataclass
class Expected:
    """What an archive must give: each unit's id, and the text of each document."""

    ids: Counter[str] = field(default_factory=Counter)
    texts: dict[str, str] = field(default_factory=dict)
    skipped: set[str] = field(default_factory=set)
    counter: int = 0

    def text(self) -> str:
        self.counter += 1
        return kano(self.counter + 100)


@dataclass
class Entry:
    """A member to write: its name and bytes (``inner``: the members of a nested archive)."""

    name: str
    data: bytes = b""
    inner: list[Entry] | None = None
    inner_kind: str = "zip"


def write_archive(kind: str, entries: list[Entry]) -> bytes:
    buffer = io.BytesIO()
    if kind == "zip":
        with warnings.catch_warnings(), zipfile.ZipFile(buffer, "w") as archive:
            warnings.simplefilter("ignore")  # zipfile warns of the duplicate names it writes
            for entry in entries:
                archive.writestr(entry.name, _bytes(entry))
        return buffer.getvalue()
    mode = "w:gz" if kind == "tar.gz" else "w"
    with tarfile.open(fileobj=buffer, mode=mode, format=tarfile.PAX_FORMAT) as archive:
        for entry in entries:
            data = _bytes(entry)
            info = tarfile.TarInfo(entry.name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


def _bytes(entry: Entry) -> bytes:
    return entry.data if entry.inner is None else write_archive(entry.inner_kind, entry.inner)


def expect(entries: list[Entry], at: str, expected: Expected) -> None:
    """Record the ids (and texts) the members of an archive with id ``at`` must give."""
    uses: Counter[str] = Counter()
    for entry in entries:
        uses[entry.name] += 1
        label = escaped(entry.name) + (f"#{uses[entry.name]}" if uses[entry.name] > 1 else "")
        doc_id = f"{at}!{label}"
        if is_unsafe_member_name(entry.name):
            expected.ids[doc_id] += 1
        elif entry.inner is not None:
            expect(entry.inner, doc_id, expected)
        elif entry.name.endswith(".jsonl"):
            text = json.loads(entry.data)["text"]
            row = f"{doc_id}#{text_key(text)}"
            expected.ids[row] += 1
            expected.texts[row] = text
        elif entry.name.endswith((".txt", ".md")):
            expected.ids[doc_id] += 1
            expected.texts[doc_id] = entry.data.decode()
        else:
            expected.ids[doc_id] += 1
            expected.skipped.add(doc_id)


names = st.builds(
    lambda pieces, ending, folder: ("d/" if folder else "") + "".join(pieces) + ending,
    st.lists(st.sampled_from(PIECES), min_size=1, max_size=4),
    st.sampled_from(ENDINGS),
    st.booleans(),
)


@st.composite
def hostile_archives(draw: st.DrawFn) -> tuple[str, list[Entry], Expected]:
    """An archive of hostile names, names used twice, a nested archive, and members whose
    names spell the ids the readers give other members (its kind, members, what it gives)."""
    expected = Expected()
    chosen = draw(st.lists(names, min_size=1, max_size=6))
    entries = [Entry(name, expected.text().encode()) for name in chosen]
    for name in draw(st.lists(st.sampled_from(chosen), max_size=2)):  # used again
        entries.append(Entry(name, expected.text().encode()))
    for name in sorted(set(chosen)):  # the ids the readers give the second, third copy
        if draw(st.booleans()):
            copy = draw(st.sampled_from(["#2", "#3", "#duplicate-2"]))
            entries.append(Entry(name + copy, expected.text().encode()))
    if draw(st.booleans()):  # a nested archive, and members named as its members' ids
        inner_names = draw(st.lists(names, min_size=1, max_size=3))
        inner = [Entry(name, expected.text().encode()) for name in inner_names]
        inner_kind = draw(st.sampled_from(ARCHIVES))
        nest = draw(st.sampled_from(["in.zip", "in!x.zip", "in#2.tar", "n%21.tar"]))
        nest = nest.rsplit(".", 1)[0] + "." + inner_kind
        entries.append(Entry(nest, inner=inner, inner_kind=inner_kind))
        for name in inner_names[:2]:
            entries.append(Entry(f"{nest}!{name}", expected.text().encode()))
    if draw(st.booleans()):  # an id-less row, and a member named as that row's id
        text = expected.text()
        entries.append(Entry("rows.jsonl", json.dumps({"text": text}).encode() + b"\n"))
        entries.append(Entry(f"rows.jsonl#{text_key(text)}", expected.text().encode()))
    order = draw(st.permutations(range(len(entries))))
    kind = draw(st.sampled_from(ARCHIVES))
    return kind, [entries[index] for index in order], expected


def check_items(items: list[Item], expected: Expected) -> None:
    """Every unit exactly once, under its own id; each document with its own text."""
    ids = Counter(item.doc_id for item in items)
    assert ids == expected.ids, (ids - expected.ids, expected.ids - ids)
    for item in items:
        assert not (isinstance(item, InputFailure) and "duplicate id" in item.error), item
        if item.doc_id in expected.texts:
            assert isinstance(item, Document), item
            assert item.text.strip() == expected.texts[item.doc_id], item.doc_id
        if item.doc_id in expected.skipped:
            assert isinstance(item, InputFailure) and item.skipped, item
    assert len({item.source for item in items}) == len(items)


def hostile_file(folder: Path, archive: tuple[str, list[Entry], Expected]) -> tuple[Path, Expected]:
    """The drawn archive written into ``folder``, and what reading it must give."""
    kind, entries, _ = archive
    path = folder.resolve() / f"hostile.{kind}"
    path.write_bytes(write_archive(kind, entries))
    expected = Expected()
    expect(entries, str(path), expected)
    return path, expected


@settings(HYPOTHESIS, max_examples=40)
@given(archive=hostile_archives())
def test_every_member_is_one_unit_under_its_own_id(
    archive: tuple[str, list[Entry], Expected],
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path, expected = hostile_file(Path(tmp), archive)
        items = list(iter_inputs([str(path)]))
        check_items(items, expected)
        assert [item.doc_id for item in iter_inputs([str(path)])] == [i.doc_id for i in items]


@settings(HYPOTHESIS, max_examples=12)
@given(archive=hostile_archives())
def test_every_member_is_one_line_and_a_rerun_writes_nothing(
    fake: FakeOpenAI, archive: tuple[str, list[Entry], Expected]
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path, expected = hostile_file(Path(tmp), archive)
        out = Path(tmp) / "out.jsonl"
        summary = run(fake, [str(path)], out)
        lines = lines_of(out)
        assert Counter(line["doc_id"] for line in lines) == expected.ids
        assert summary.new == len(lines)
        for line in lines:
            if line["doc_id"] in expected.texts:
                assert line["status"] == "ok", line
                assert line["text"].strip() == expected.texts[line["doc_id"]]
            else:
                assert line["status"] in ("skipped", "error"), line
            assert "duplicate_of" not in line, line
        rerun_writes_nothing(fake, [str(path)], out)


def test_ordinary_member_names_keep_their_ids(tmp_path: Path) -> None:
    """Only names holding a mark change: earlier outputs of ordinary archives resume."""
    plain = ["a.txt", "d/b c.md", "100%.txt", "caf%C3%A9.txt", "é/中.txt", "x:y.txt", "a@b.txt"]
    path = tmp_path / "plain.zip"
    path.write_bytes(write_archive("zip", [Entry(n, kano(n.__len__()).encode()) for n in plain]))
    assert [item.doc_id for item in iter_inputs([str(path)])] == [f"{path}!{n}" for n in plain]


def test_the_marks_of_the_example_are_apart(tmp_path: Path) -> None:
    """The tester's archive: ``a!b.txt`` beside ``b.txt`` in ``a.zip`` (named ``a.zip!b.txt``
    too), ``x.txt`` twice beside ``x.txt#2`` and ``x.txt#duplicate-2``."""
    entries = [
        Entry("a.zip", inner=[Entry("b.txt", kano(1).encode())]),
        Entry("a.zip!b.txt", kano(2).encode()),
        Entry("a!b.txt", kano(3).encode()),
        Entry("x.txt", kano(4).encode()),
        Entry("x.txt", kano(5).encode()),
        Entry("x.txt#2", kano(6).encode()),
        Entry("x.txt#duplicate-2", kano(7).encode()),
    ]
    path = tmp_path / "t.zip"
    path.write_bytes(write_archive("zip", entries))
    assert [item.doc_id.removeprefix(f"{path}!") for item in iter_inputs([str(path)])] == [
        "a.zip!b.txt",
        "a.zip%21b.txt",
        "a%21b.txt",
        "x.txt",
        "x.txt#2",
        "x.txt%232",
        "x.txt%23duplicate-2",
    ]


def test_a_piped_archive_keeps_its_members_apart(tmp_path: Path) -> None:
    """``bulk <(cat a.zip)``: a member is ``<stream>!<member>#<text hash>``, so a member
    literally named ``x.txt#<that hash>`` is another unit, and so is each copy."""
    key = text_key(kano(1))
    entries = [
        Entry("x.txt", kano(1).encode()),
        Entry("x.txt", kano(2).encode()),
        Entry(f"x.txt#{key}", kano(3).encode()),
        Entry(f"x.txt#2#{text_key(kano(2))}", kano(4).encode()),
    ]
    data = write_archive("zip", entries)
    with nameless_pipe(data) as stream:
        items = list(iter_inputs([stream], stream_wait=5))
    ids = [item.doc_id for item in items]
    assert len(ids) == len(set(ids)) == 4, ids
    stream = ids[0].partition("!")[0]  # the stream's name (see stream_name)
    assert [doc_id.removeprefix(f"{stream}!") for doc_id in ids] == [
        f"x.txt#{key}",
        f"x.txt#2#{text_key(kano(2))}",
        f"x.txt%23{key}",
        f"x.txt%232%23{text_key(kano(2))}",
    ]


# ------------------------------------------------------------------- WARC

URIS = ["https://e.org/a", "https://e.org/b", "https://e.org/a#frag"]
DATES = ["2024-01-01T00:00:00Z", "2024-01-02T00:00:00Z"]
#: A URI that is literally the id a re-crawl of https://e.org/a gets.
HOSTILE_URI = f"https://e.org/a#capture={DATES[1]}"


def page(text: str) -> bytes:
    return (
        f"<html><head><title>T</title></head><body><article><p>{text}</p>"
        "<p>Officials said more details would be released later in the week.</p>"
        "</article></body></html>"
    ).encode()


@dataclass(frozen=True)
class Capture:
    uri: str
    date: str
    number: int  # the text: kano(number)

    @property
    def key(self) -> tuple[str, str, int]:
        return self.uri, self.date, self.number


def write_warc(path: Path, captures: list[Capture], *, gz: bool) -> None:
    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=gz)
        for capture in captures:
            http = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            record = writer.create_warc_record(
                capture.uri,
                "response",
                payload=io.BytesIO(page(kano(capture.number))),
                http_headers=http,
                warc_headers_dict={"WARC-Date": capture.date},
            )
            writer.write_record(record)


captures_strategy = st.lists(
    st.builds(
        Capture,
        st.sampled_from([*URIS, HOSTILE_URI]),
        st.sampled_from(DATES),
        st.integers(1, 3),
    ),
    min_size=1,
    max_size=7,
)


def write_crawl(folder: Path, captures: list[Capture], split: int, gz: bool) -> list[Path]:
    """The captures in one WARC, or in two (a crawl's files, read in sorted order)."""
    folder.mkdir()
    suffix = ".warc.gz" if gz else ".warc"
    parts = [captures[:split], captures[split:]] if 0 < split < len(captures) else [captures]
    paths = []
    for number, part in enumerate(parts):
        path = folder / f"crawl-{number:05d}{suffix}"
        write_warc(path, part, gz=gz)
        paths.append(path)
    return paths


def check_captures(items: list[Item], captures: list[Capture], split: int = 0) -> None:
    """One unit per capture, in order. A capture with a text no earlier capture of its URI
    had is a document with that text, never lost; only a repeat of an earlier capture's
    URI and text may be a duplicate (within one file it must be, for the same date). Ids
    are distinct; a URI's first capture keeps the URI; a re-crawl in the same file is
    ``<URI>#capture=...``, a URI met again in another file with another text is
    ``<URI>@<that file>``."""
    assert len(items) == len(captures), [item.doc_id for item in items]
    in_file = [0 if 0 < split < len(captures) and n < split else 1 for n in range(len(captures))]
    texts: dict[str, set[int]] = {}
    keys: set[tuple[int, tuple[str, str, int]]] = set()
    ids: list[str] = []
    for n, (item, capture) in enumerate(zip(items, captures, strict=True)):
        file_key = (in_file[n], capture.key)
        earlier = texts.setdefault(capture.uri, set())
        if file_key in keys:  # the same record twice in one file: the same document, read once
            assert isinstance(item, InputFailure) and item.repeat and item.skipped, item
            continue
        keys.add(file_key)
        if isinstance(item, InputFailure):  # the same text under the URI in another file
            assert item.repeat and capture.number in earlier, item
            continue
        assert isinstance(item, Document), item
        assert kano(capture.number) in item.text and item.url == capture.uri
        assert item.doc_id.startswith(capture.uri)
        if not earlier and capture.uri in URIS:
            assert item.doc_id == capture.uri  # as before: earlier outputs resume
        elif earlier and item.doc_id != capture.uri:
            assert item.doc_id.startswith((f"{capture.uri}#capture=", f"{capture.uri}@"))
        earlier.add(capture.number)
        ids.append(item.doc_id)
    assert len(ids) == len(set(ids)), ids


@settings(HYPOTHESIS, max_examples=30)
@given(captures=captures_strategy, split=st.integers(0, 7), gz=st.booleans())
def test_every_capture_of_a_recrawled_uri_is_a_document(
    captures: list[Capture], split: int, gz: bool
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp).resolve() / "crawl"
        write_crawl(folder, captures, split, gz)
        items = list(iter_inputs([str(folder)]))
        check_captures(items, captures, split)
        assert [item.doc_id for item in iter_inputs([str(folder)])] == [i.doc_id for i in items]


@settings(HYPOTHESIS, max_examples=25)
@given(
    pages=st.lists(
        st.tuples(st.integers(1, 9999), st.sampled_from(["page", "page+text", "text"])),
        min_size=1, max_size=6,
    ),
    gz=st.booleans(),
)  # fmt: skip
def test_a_conversion_of_a_page_read_already_is_a_skipped_line_and_alone_a_document(
    pages: list[tuple[int, str]], gz: bool
) -> None:
    """A crawler's text of a page (a WARC ``conversion`` record after the ``response``) is
    the same article: one skipped line naming it, not a second document and a second bill.
    A conversion alone (a WET file holds nothing else) is the article, read."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp).resolve() / f"crawl.warc{'.gz' if gz else ''}"
        with open(path, "wb") as handle:
            writer = WARCWriter(handle, gzip=gz)
            for index, (number, kind) in enumerate(pages):
                uri, date = f"https://e.org/{index}", "2024-02-03T00:00:00Z"
                if "page" in kind:
                    http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")],
                                            protocol="HTTP/1.1")  # fmt: skip
                    writer.write_record(writer.create_warc_record(
                        uri, "response", payload=io.BytesIO(page(kano(number))),
                        http_headers=http, warc_headers_dict={"WARC-Date": date}))  # fmt: skip
                if "text" in kind:
                    writer.write_record(writer.create_warc_record(
                        uri, "conversion", payload=io.BytesIO(kano(number).encode()),
                        warc_content_type="text/plain",
                        warc_headers_dict={"WARC-Date": date}))  # fmt: skip
        items = list(iter_inputs([str(path)]))
        assert len(items) == sum(2 if kind == "page+text" else 1 for _, kind in pages)
        documents = [item for item in items if isinstance(item, Document)]
        assert [d.url for d in documents] == [f"https://e.org/{i}" for i in range(len(pages))]
        assert all(kano(n) in d.text for d, (n, _) in zip(documents, pages, strict=True))
        skipped = [item for item in items if isinstance(item, InputFailure)]
        assert all(item.skipped and "conversion record" in item.error for item in skipped)
        assert len(skipped) == sum(kind == "page+text" for _, kind in pages)
        ids = [item.doc_id for item in items]
        assert len(set(ids)) == len(ids)
        assert [item.doc_id for item in iter_inputs([str(path)])] == ids  # the same next run


def test_a_recrawl_is_named_by_its_date_and_a_same_date_recrawl_by_its_record(
    tmp_path: Path,
) -> None:
    a = "https://e.org/a"
    path = tmp_path / "c.warc.gz"
    write_warc(
        path,
        [Capture(a, DATES[0], 1), Capture(a, DATES[1], 2), Capture(a, DATES[1], 3),
         Capture(a, DATES[0], 1)],
        gz=True,
    )  # fmt: skip
    items = list(iter_inputs([str(path)]))
    assert [item.doc_id for item in items[:2]] == [a, f"{a}#capture={DATES[1]}"]
    payload = hashlib.sha256(page(kano(3))).hexdigest()[:12]
    assert items[2].doc_id == f"{a}#capture={DATES[1]};sha256={payload}"
    assert isinstance(items[3], InputFailure) and items[3].doc_id == a
    assert items[3].repeat and items[3].skipped  # the same record again: read once
    assert [item.source for item in items[:2]] == [f"{path}!{a}", f"{path}!{a}#capture={DATES[1]}"]


@settings(HYPOTHESIS, max_examples=8)
@given(captures=captures_strategy, split=st.integers(0, 7), gz=st.booleans())
def test_recrawls_through_bulk_one_line_each_and_a_rerun_writes_nothing(
    fake: FakeOpenAI, captures: list[Capture], split: int, gz: bool
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp).resolve() / "crawl"
        write_crawl(folder, captures, split, gz)
        out = Path(tmp) / "out.jsonl"
        run(fake, [str(folder)], out)
        lines = lines_of(out)
        # a record written again (the same URI and text) is the same document: read once
        distinct = len({capture.key for capture in captures})
        assert len(lines) == distinct
        assert len({line["doc_id"] for line in lines}) == len(lines)
        for line in lines:
            assert line["status"] == "ok", line
            assert line["doc_id"].startswith(line["url"])
            figures = [record["killed"]["low"] for record in line["records"]]
            assert figures == [int(line["text"].split()[2])], line  # its own text's
        rerun_writes_nothing(fake, [str(folder)], out)


# ------------------------------------------------------ an output in an archive


@settings(HYPOTHESIS, max_examples=6)
@given(
    kind=st.sampled_from(ARCHIVES),
    nested=st.booleans(),
    blank_lines=st.integers(0, 2),
    count=st.integers(1, 3),
    gzipped=st.booleans(),
    suffix=st.sampled_from([".jsonl", ".txt", ".md"]),
)
def test_an_earlier_output_inside_an_archive_is_a_skipped_line(
    fake: FakeOpenAI,
    kind: str,
    nested: bool,
    blank_lines: int,
    count: int,
    gzipped: bool,
    suffix: str,
) -> None:
    """``bulk in -o run1.jsonl``, then the articles and run1.jsonl archived together and
    given to ``bulk``: run 1's output is one ``skipped`` line naming it, not its articles
    again; a JSONL of rows beside it is read; a rerun writes nothing."""
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp).resolve()
        folder = base / "in"
        folder.mkdir()
        for n in range(count):
            (folder / f"{n}.txt").write_text(kano(n + 60))
        first = base / "run1.jsonl"
        assert run(fake, [str(folder)], first).new == count
        members = [Entry(f"{n}.txt", kano(n + 60).encode()) for n in range(count)]
        kept = b"\n" * blank_lines + first.read_bytes()
        kept_as = f"run1{suffix}.gz" if gzipped else f"run1{suffix}"  # an article's name too
        members.append(Entry(kept_as, gzip.compress(kept) if gzipped else kept))
        members.append(Entry("rows.jsonl", json.dumps({"text": kano(99)}).encode() + b"\n"))
        if nested:
            members = [Entry("inner.zip", inner=members, inner_kind="zip")]
        archive = base / f"bundle.{kind}"
        archive.write_bytes(write_archive(kind, members))
        out = base / "out.jsonl"
        before = len(fake.requests)
        summary = run(fake, [str(archive)], out)
        assert len(fake.requests) - before == count + 1  # the articles and the row only
        where = f"{archive}!inner.zip" if nested else str(archive)
        lines = {line["doc_id"]: line for line in latest_lines(out)}
        output_line = lines[f"{where}!{kept_as}"]
        assert output_line["status"] == "skipped"
        assert "extractor output" in output_line["error"]["message"]
        assert lines[f"{where}!rows.jsonl#{text_key(kano(99))}"]["status"] == "ok"
        assert summary.new == count + 2 == len(lines)
        rerun_writes_nothing(fake, [str(archive)], out)


# ------------------------------------------------------------------ the CLI


def test_bulk_cli_reads_a_hostile_crawl_folder_and_a_rerun_writes_nothing(
    tmp_path: Path, fake: FakeOpenAI
) -> None:
    """``extractor bulk`` over a folder holding a zip of hostile names with an earlier output
    in it and two WARC files of re-crawls (one record written twice): one line per unit,
    distinct ids, the record written twice read once; the same command again sends and
    writes nothing."""
    folder = tmp_path / "in"
    folder.mkdir()
    earlier = tmp_path / "earlier.jsonl"
    (tmp_path / "one").mkdir()
    (tmp_path / "one" / "k.txt").write_text(kano(70))
    assert run(fake, [str(tmp_path / "one")], earlier).new == 1
    entries = [
        Entry("a.zip", inner=[Entry("b.txt", kano(71).encode())]),
        Entry("a.zip!b.txt", kano(72).encode()),
        Entry("x.txt", kano(73).encode()),
        Entry("x.txt", kano(74).encode()),
        Entry("x.txt#2", kano(75).encode()),
        Entry("x.txt#duplicate-2", kano(76).encode()),
        Entry("out.jsonl", earlier.read_bytes()),
    ]
    (folder / "bundle.zip").write_bytes(write_archive("zip", entries))
    a = "https://e.org/a"
    write_warc(folder / "crawl-1.warc.gz", [Capture(a, DATES[0], 77)], gz=True)
    write_warc(
        folder / "crawl-2.warc.gz", [Capture(a, DATES[1], 78), Capture(a, DATES[1], 78)], gz=True
    )
    out = tmp_path / "out.jsonl"
    command = ["bulk", str(folder), "-o", str(out), "--model", "openai/fake-model",
               "--base-url", fake.base_url, "--strategy", "single", "--progress", "log"]  # fmt: skip
    result = CliRunner().invoke(app, command, env=CLEAN_ENV)
    assert result.exit_code == 0, result.output  # the identical record is read once
    lines = {line["doc_id"]: line for line in lines_of(out)}
    assert len(lines) == len(lines_of(out)) == 9
    status = {doc_id: line["status"] for doc_id, line in lines.items()}
    recrawl = f"{a}@{(folder / 'crawl-2.warc.gz').resolve()}"
    assert status == {
        "bundle.zip!a.zip!b.txt": "ok",
        "bundle.zip!a.zip%21b.txt": "ok",
        "bundle.zip!x.txt": "ok",
        "bundle.zip!x.txt#2": "ok",
        "bundle.zip!x.txt%232": "skipped",
        "bundle.zip!x.txt%23duplicate-2": "skipped",
        "bundle.zip!out.jsonl": "skipped",
        a: "ok",
        recrawl: "ok",  # the URI in another WARC file, with another text; its copy read once
    }
    assert lines[recrawl]["text"].startswith(kano(78))
    before, written = len(fake.requests), out.read_bytes()
    again = CliRunner().invoke(app, command, env=CLEAN_ENV)
    assert again.exit_code == 0, again.output
    assert len(fake.requests) == before
    assert out.read_bytes() == written


# ------------------------------------------------------------------ Content-Encoding


def _encoded(body: bytes, coding: str) -> bytes:
    import zlib

    import brotli

    if coding in ("gzip", "x-gzip"):
        return gzip.compress(body)
    if coding == "deflate":
        return zlib.compress(body)
    if coding == "br":
        return brotli.compress(body)
    return body


#: (Content-Encoding header, how the body is written): what each must give.
_CODINGS = {
    ("", "plain"): "page", ("identity", "plain"): "page", ("gzip", "gzip"): "page",
    ("deflate", "deflate"): "page", ("br", "br"): "page", ("BR", "br"): "page",
    ("gzip", "plain"): "page",  # a header that lies over a plain page: read as it is
    ("br", "garbled"): "damaged", ("gzip", "garbled"): "damaged",
    ("zstd", "garbled"): "cannot undo", ("gzip, br", "garbled"): "cannot undo",
}  # fmt: skip


@settings(max_examples=30, deadline=None)
@given(
    records=st.lists(st.sampled_from(sorted(_CODINGS)), min_size=1, max_size=6),
    gz=st.booleans(),
)
def test_a_compressed_page_is_read_or_said_never_sent_as_bytes(
    tmp_path_factory: pytest.TempPathFactory, records: list[tuple[str, str]], gz: bool
) -> None:
    """A page stored as the server sent it (``Content-Encoding: br`` from a browser crawl)
    failed as "undecodable text", and a damaged one was an article of junk bytes sent to
    the model. A body is undone (gzip, deflate, br) or read as it is when the header lied
    over plain text; one that cannot be undone is a line naming its coding."""
    folder = tmp_path_factory.mktemp("enc")
    path = folder / ("crawl.warc.gz" if gz else "crawl.warc")
    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=gz)
        for number, (header, how) in enumerate(records):
            html = page(kano(number + 2))
            body = b"\x8b\x03\x80 not compressed \x00\x01" * 3 if how == "garbled" else html
            headers = [("Content-Type", "text/html; charset=utf-8")]
            if header:
                headers.append(("Content-Encoding", header))
            writer.write_record(writer.create_warc_record(
                f"http://example.org/{number}", "response", payload=io.BytesIO(_encoded(body, how)),
                http_headers=StatusAndHeaders("200 OK", headers, protocol="HTTP/1.1"),
            ))  # fmt: skip
    items = {item.doc_id: item for item in iter_inputs([str(path)])}
    assert len(items) == len(records)
    for number, key in enumerate(records):
        item = items[f"http://example.org/{number}"]
        if _CODINGS[key] == "page":
            assert isinstance(item, Document), item
            assert kano(number + 2) in item.text
        else:
            assert isinstance(item, InputFailure), item
            assert _CODINGS[key] in item.error and key[0].split(",")[0].lower() in item.error


def test_a_brotli_bomb_meets_the_member_cap_not_the_memory(tmp_path: Path) -> None:
    """A few kilobytes of br that inflate to 200 MB: read a chunk at a time, the record is
    "too large" at the cap, and the record after it is read."""
    import resource

    import brotli

    bomb = brotli.compress(b"<p>" + b"a" * 200_000_000, quality=1)
    assert len(bomb) < 1_000_000
    path = tmp_path / "bomb.warc"
    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=False)
        for uri, body, coding in (
            ("http://x/bomb", bomb, "br"),
            ("http://x/ok", page(kano(5)), ""),
        ):
            headers = [("Content-Type", "text/html")] + (
                [("Content-Encoding", coding)] if coding else []
            )
            writer.write_record(writer.create_warc_record(
                uri, "response", payload=io.BytesIO(body),
                http_headers=StatusAndHeaders("200 OK", headers, protocol="HTTP/1.1"),
            ))  # fmt: skip
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    items = {i.doc_id: i for i in iter_inputs([str(path)], max_member_bytes=5_000_000)}
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert (
        isinstance(items["http://x/bomb"], InputFailure) and "cap" in items["http://x/bomb"].error
    )
    assert isinstance(items["http://x/ok"], Document)
    assert grown_mb < 100, grown_mb


def test_what_warcio_mends_is_not_printed_raw_amid_the_tools_lines(tmp_path: Path) -> None:
    """warcio logged "Replacing spaces in invalid WARC-Target-URI" through Python's last
    resort: a raw line on stderr outside the tool's format. The record is read all the same."""
    path = tmp_path / "spaces.warc"
    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=False)
        writer.write_record(writer.create_warc_record(
            "http://example.org/a page", "response", payload=io.BytesIO(page(kano(4))),
            http_headers=StatusAndHeaders("200 OK", [("Content-Type", "text/html")],
                                          protocol="HTTP/1.1"),
        ))  # fmt: skip
    import subprocess

    # a process of its own: pytest's log capture gives the root logger handlers, so the
    # last resort that printed the line never runs in here
    result = subprocess.run(
        [sys.executable, "-m", "extractor", "bulk", str(path), "-o", str(tmp_path / "o.jsonl"),
         "--dry-run", "--model", "openai/fake-model", "--base-url", "http://127.0.0.1:9/v1"],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "1 documents read" in result.stdout + result.stderr
    assert "WARC-Target-URI" not in result.stderr


@settings(HYPOTHESIS, max_examples=15)
@given(
    schemes=st.lists(
        st.sampled_from(["http", "HTTP", "Http", "https", "HTTPS", "hTtPs"]),
        min_size=1, max_size=5,
    ),
    gz=st.booleans(),
)  # fmt: skip
def test_a_target_uris_scheme_is_read_in_any_case(schemes: list[str], gz: bool) -> None:
    """A scheme is case-insensitive (RFC 3986), warcio's test of it is not: a response
    captured as ``HTTP://e.org/p`` was a skipped line "without HTTP headers" (a page lost,
    exit 0). Every capture is a document, keyed by its URI with the scheme in lower case,
    so ``HTTP://`` and ``http://`` name one page."""
    captures = [Capture(f"{s}://e.org/p{n}", DATES[0], n % 3 + 1) for n, s in enumerate(schemes)]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / ("c.warc.gz" if gz else "c.warc")
        write_warc(path, captures, gz=gz)
        items = list(iter_inputs([str(path)]))
    assert all(isinstance(item, Document) for item in items), items
    assert [item.doc_id for item in items] == [
        f"{s.lower()}://e.org/p{n}" for n, s in enumerate(schemes)
    ]
    assert [item.text.count(kano(n % 3 + 1)) for n, item in enumerate(items)] == [1] * len(items)
