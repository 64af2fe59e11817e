"""Damaged tars and WARC page records: nothing is lost without a line saying so.

The tests build their inputs (hypothesis draws them, derandomized):

* tars of 1 to 7 members (ustar, GNU with long names, pax with non-ASCII
  names), plain or gz/bz2/xz, on their own, nested in a zip or read from a
  FIFO, with one to three members' header blocks damaged (a checksum bit
  flipped, zeroed, overwritten with noise) or the tar cut inside a member.
  Every member before the damage must be read with its exact text; the
  damage must give a failure line for the archive naming the last good
  member and the byte where it broke; the members after a damaged header
  must be read too (reading resumes at the next valid header, as GNU tar
  does), while a cut loses them with the failure saying so;
* WARCs mixing response, resource, conversion, request, metadata, revisit
  and continuation records with random content types: every page record
  (a 2xx HTML response; a resource or conversion of HTML or text) gives
  exactly one item, a Document under its URI; every other response,
  resource, conversion or unknown record a skipped line; records that
  describe others (request, metadata, revisit, warcinfo) none.

No exception may escape ``iter_inputs`` (:func:`tests.test_io_hostile.collect`).
"""

from __future__ import annotations

import bz2
import gzip
import io
import lzma
import os
import tarfile
import tempfile
import threading
import time
import zipfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from extractor.io import InputFailure, Item, iter_inputs
from extractor.pipeline.document import Document
from tests.test_io_hostile import SETTINGS as HOSTILE_SETTINGS
from tests.test_io_hostile import collect

BLOCK = tarfile.BLOCKSIZE
WORDS = ("river", "minister", "bridge", "village", "harvest", "council", "storm", "school", "café")
FORMATS = {"ustar": tarfile.USTAR_FORMAT, "gnu": tarfile.GNU_FORMAT, "pax": tarfile.PAX_FORMAT}
COMPRESSIONS = ("", ".gz", ".bz2", ".xz")
#: Damage to a header block; "cut" ends the tar inside a member instead.
HEADER_DAMAGE = ("checksum", "zeros", "noise")
SETTINGS = settings(HOSTILE_SETTINGS, max_examples=40)  # reproducible, writes nothing


# ------------------------------------------------------------------- tars


@dataclass
class Layout:
    """An undamaged tar and where its members lie (bytes of the uncompressed tar)."""

    fmt: str
    raw: bytes
    names: list[str]
    texts: list[str]
    chains: list[int]  # where each member's header chain (extended headers too) starts
    ends: list[int]  # where each member's padded data ends
    headers: list[list[int]]  # each member's header blocks (those with the ustar magic)


@dataclass
class DamagedTar:
    layout: Layout
    data: bytes  # the damaged, uncompressed tar
    damaged: list[int]  # members whose header blocks are damaged (or the one cut)
    damage: str
    suffix: str
    nested: bool

    @property
    def first(self) -> int:
        return self.damaged[0]

    def __repr__(self) -> str:  # short: hypothesis prints it for a failing case
        layout = self.layout
        return (
            f"DamagedTar({layout.fmt}, names={layout.names}, chains={layout.chains}, "
            f"headers={layout.headers}, damage={self.damage!r} to {self.damaged}, "
            f"{len(self.data)} bytes left, suffix={self.suffix!r}, nested={self.nested})"
        )

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:  # hypothesis's printer
        printer.text(repr(self))


def build_tar(fmt: str, texts: list[str], odd_names: list[bool]) -> Layout:
    names = []
    for number, odd in enumerate(odd_names):
        name = f"m{number}.txt"
        if odd and fmt == "gnu":  # a GNU long name: a ././@LongLink header first
            name = f"{'d' * 110}/m{number}.txt"
        elif odd and fmt == "pax":  # a non-ASCII name: a pax header first
            name = f"m{number}-ü.txt"
        names.append(name)
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=FORMATS[fmt]) as archive:
        for name, text in zip(names, texts, strict=True):
            data = text.encode()
            info = tarfile.TarInfo(name)
            info.size = len(data)
            info.mtime = 1_700_000_000
            archive.addfile(info, io.BytesIO(data))
    raw = buffer.getvalue()
    with tarfile.open(fileobj=io.BytesIO(raw)) as archive:
        members = archive.getmembers()
    assert [member.name for member in members] == names
    chains = [member.offset for member in members]
    ends = [member.offset_data + -(-member.size // BLOCK) * BLOCK for member in members]
    headers = [
        [
            block
            for block in range(member.offset, member.offset_data, BLOCK)
            if raw[block + 257 : block + 262] == b"ustar"
        ]
        for member in members
    ]
    return Layout(fmt, raw, names, texts, chains, ends, headers)


@st.composite
def member_texts(draw: st.DrawFn, number: int) -> str:
    """A short English text, unique to its member, of one to a few dozen blocks' size."""
    words = draw(st.lists(st.sampled_from(WORDS), min_size=3, max_size=12))
    sentence = f"Report {number} says the " + " ".join(words) + f" mattered on day {number}."
    return " ".join([sentence] * draw(st.integers(1, 60)))


@st.composite
def damaged_tars(draw: st.DrawFn) -> DamagedTar:
    fmt = draw(st.sampled_from(sorted(FORMATS)))
    count = draw(st.integers(1, 7))
    texts = [draw(member_texts(number)) for number in range(count)]
    odd_names = draw(st.lists(st.booleans(), min_size=count, max_size=count))
    layout = build_tar(fmt, texts, odd_names)
    damage = draw(st.sampled_from((*HEADER_DAMAGE, "cut")))
    suffix = draw(st.sampled_from(COMPRESSIONS))
    nested = draw(st.booleans())
    data = bytearray(layout.raw)
    if damage == "cut":
        member = draw(st.integers(0, count - 1))
        # strictly inside the member: a cut exactly between two members leaves a valid,
        # shorter tar (GNU tar accepts one without its end-of-archive blocks too)
        cut = draw(st.integers(layout.chains[member] + 1, layout.ends[member] - 1))
        return DamagedTar(layout, bytes(data[:cut]), [member], damage, suffix, nested)
    damaged = sorted(draw(st.sets(st.integers(0, count - 1), min_size=1, max_size=3)))
    for member in damaged:
        block = draw(st.sampled_from(layout.headers[member]))
        if damage == "checksum":
            data[block + 148] ^= 1  # the first digit of the checksum field
        elif damage == "zeros":
            data[block : block + BLOCK] = bytes(BLOCK)
        else:
            data[block : block + BLOCK] = draw(st.binary(min_size=BLOCK, max_size=BLOCK))
    return DamagedTar(layout, bytes(data), damaged, damage, suffix, nested)


def compress(data: bytes, suffix: str) -> bytes:
    if suffix == ".gz":
        return gzip.compress(data, mtime=0)
    if suffix == ".bz2":
        return bz2.compress(data)
    if suffix == ".xz":
        return lzma.compress(data)
    return data


def write_case(case: DamagedTar, folder: Path) -> tuple[Path, str]:
    """The input file and the id of the tar in it (the zip's member when nested)."""
    tar_name = f"in.tar{case.suffix}"
    tar_bytes = compress(case.data, case.suffix)
    if not case.nested:
        path = folder / tar_name
        path.write_bytes(tar_bytes)
        return path, str(path)
    path = folder / "outer.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("before.txt", "A text before the tar in the zip.")
        archive.writestr(tar_name, tar_bytes)
    return path, f"{path}!{tar_name}"


def check_damaged_tar(
    case: DamagedTar, items: list[Item], tar_id: str, member_id: dict[int, str]
) -> None:
    """The invariants of a damaged tar's items; ``member_id``: the id each member must get."""
    layout = case.layout
    documents = {item.doc_id: item for item in items if isinstance(item, Document)}
    # nothing invented: every document is one member's exact text, each at most once
    texts = Counter(item.text for item in documents.values())
    assert set(texts) <= set(layout.texts) | {"A text before the tar in the zip."}
    assert all(n == 1 for n in texts.values()), texts
    # every member before the damage is read, with its exact text
    for number in range(case.first):
        doc = documents.get(member_id[number])
        assert doc is not None, f"member {layout.names[number]!r} before the damage lost"
        assert doc.text == layout.texts[number]
    # the damage is told, once, by a failure line for the tar
    (failure,) = [item for item in items if item.doc_id == tar_id]
    assert isinstance(failure, InputFailure) and not failure.skipped
    assert failure.source == tar_id
    if case.damage == "cut":
        return  # what follows a cut is lost, as the failure says
    # after a damaged header, reading resumes: every undamaged member is read
    for number in range(case.first + 1, len(layout.names)):
        if number in case.damaged:
            continue
        doc = documents.get(member_id[number])
        assert doc is not None, f"member {layout.names[number]!r} after the damage lost"
        assert doc.text == layout.texts[number]
    if failure.error.startswith("not a readable tar archive"):
        assert case.damaged == list(range(len(layout.names)))  # nothing to resume at
        return
    # each run of damaged members is one damaged place, told with its byte and the
    # member read before it
    for number in case.damaged:
        if number - 1 in case.damaged:
            continue
        assert f"(byte {layout.chains[number]} of the tar)" in failure.error, failure.error
        before = f"after member {layout.names[number - 1]!r}" if number else "at its start"
        assert before in failure.error, failure.error


@SETTINGS
@given(case=damaged_tars())
def test_a_damaged_tar_is_read_up_to_the_damage_and_past_it_and_says_so(
    case: DamagedTar,
) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch).resolve()
        path, tar_id = write_case(case, folder)
        items = collect([str(path)])
    member_id = {number: f"{tar_id}!{name}" for number, name in enumerate(case.layout.names)}
    check_damaged_tar(case, items, tar_id, member_id)
    if case.nested:  # the zip's other member is untouched by the tar's damage
        assert any(item.doc_id == f"{path}!before.txt" for item in items)


def _feed(fifo: Path, data: bytes) -> None:
    try:
        with open(fifo, "wb") as pipe:  # blocks until the reader opens it
            pipe.write(data)
    except BrokenPipeError:  # the reader gave up: its failure says why
        pass


@settings(SETTINGS, max_examples=12)
@given(case=damaged_tars())
def test_a_damaged_tar_from_a_pipe_is_read_the_same_way(case: DamagedTar) -> None:
    """A FIFO cannot be seeked: reading still resumes after a damaged header, or says why not."""
    case.nested = False
    with tempfile.TemporaryDirectory() as scratch:
        fifo = Path(scratch).resolve() / f"feed.tar{case.suffix}"
        os.mkfifo(fifo)
        writer = threading.Thread(
            target=_feed, args=(fifo, compress(case.data, case.suffix)), daemon=True
        )
        writer.start()
        items = collect([str(fifo)], stream_wait=10.0)
        writer.join(5)
    # a piped archive's members are keyed by their text (see the readers): map them back
    member_id = {}
    for number, text in enumerate(case.layout.texts):
        prefix = f"{fifo}!{case.layout.names[number]}#"
        found = [item.doc_id for item in items if item.doc_id.startswith(prefix)]
        member_id[number] = found[0] if found else f"{prefix}(missing)"
        for doc_id in found:
            item = next(item for item in items if item.doc_id == doc_id)
            assert not isinstance(item, Document) or item.text == text
    check_damaged_tar(case, items, str(fifo), member_id)


def five_member_tar() -> Layout:
    texts = [f"Member {n} says the river rose on day {n}." for n in range(5)]
    return build_tar("ustar", texts, [False] * 5)


def test_the_reported_case_a_flipped_checksum_loses_only_its_member(tmp_path: Path) -> None:
    """The bug report: one flipped checksum bit used to drop m2..m4 without a word."""
    layout = five_member_tar()
    data = bytearray(layout.raw)
    data[layout.chains[2] + 148] ^= 1
    assert layout.chains[2] == 2048
    path = tmp_path / "five.tar"
    path.write_bytes(data)
    items = collect([str(path)])
    docs = {item.doc_id: item.text for item in items if isinstance(item, Document)}
    assert docs == {f"{path}!m{n}.txt": layout.texts[n] for n in (0, 1, 3, 4)}
    (failure,) = [item for item in items if isinstance(item, InputFailure)]
    assert failure.doc_id == str(path)
    assert failure.error.startswith("tar damaged after member 'm1.txt' (byte 2048 of the tar)")
    assert "reading resumed" in failure.error


def test_a_tar_cut_inside_any_header_block_ends_with_a_failure(tmp_path: Path) -> None:
    """Cut in a header chain (a GNU long name): a partial block is never taken for a header
    (a scan that looked at it again and again once hung here)."""
    layout = build_tar("gnu", ["The first text. " * 300, "The second text."], [True, True])
    cuts = [block + offset for block in (0, 512, 1024) for offset in (1, 257, 300, 511)]
    cuts += [layout.chains[1] + offset for offset in (1, 262, 300, 511, 512, 1100)]
    for cut in cuts:
        path = tmp_path / f"cut-{cut}.tar"
        path.write_bytes(layout.raw[:cut])
        items = collect([str(path)])
        assert any(item.doc_id == str(path) and isinstance(item, InputFailure) for item in items)
        if cut > layout.chains[1]:
            assert items[0].doc_id == f"{path}!{layout.names[0]}"
            assert items[0].text == layout.texts[0]  # type: ignore[union-attr]


def test_zeros_after_the_end_are_no_damage_and_concatenated_tars_are_read(
    tmp_path: Path,
) -> None:
    layout = five_member_tar()
    padded = tmp_path / "padded.tar.gz"
    padded.write_bytes(gzip.compress(layout.raw + bytes(50 * BLOCK)) + bytes(64))
    assert all(isinstance(item, Document) for item in collect([str(padded)]))
    joined = tmp_path / "joined.tar"  # cat a.tar b.tar: GNU tar needs -i to see b
    joined.write_bytes(layout.raw + layout.raw)
    items = collect([str(joined)])
    assert all(isinstance(item, Document) for item in items)
    assert len(items) == 10 and f"{joined}!m4.txt#2" in {item.doc_id for item in items}
    members = tmp_path / "members.tar.gz"  # two gzip members, as cat a.gz b.gz makes
    members.write_bytes(gzip.compress(layout.raw[:2048]) + gzip.compress(layout.raw[2048:]))
    items = collect([str(members)])
    assert [item.text for item in items if isinstance(item, Document)] == layout.texts


def test_bytes_after_the_end_are_told(tmp_path: Path) -> None:
    layout = five_member_tar()
    trailing = tmp_path / "trailing.tar.gz"
    trailing.write_bytes(gzip.compress(layout.raw) + b"not gzip data")
    items = collect([str(trailing)])
    assert [item.text for item in items if isinstance(item, Document)] == layout.texts
    assert items[-1].doc_id == str(trailing) and "no gz data" in items[-1].error  # type: ignore[union-attr]
    junk = tmp_path / "junk.tar"
    junk.write_bytes(layout.raw + b"junk after the end-of-archive blocks".ljust(BLOCK, b"!"))
    items = collect([str(junk)])
    assert [item.text for item in items if isinstance(item, Document)] == layout.texts
    assert items[-1].doc_id == str(junk)
    assert "the rest of the archive could not be read" in items[-1].error  # type: ignore[union-attr]


def test_a_hard_link_to_a_member_past_the_damage_is_resolved(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.USTAR_FORMAT) as archive:
        for name in ("a.txt", "b.txt", "c.txt"):
            data = f"The text of {name}.".encode()
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
        link = tarfile.TarInfo("link.txt")
        link.type, link.linkname = tarfile.LNKTYPE, "c.txt"
        archive.addfile(link)
    data = bytearray(buffer.getvalue())
    data[BLOCK * 2 + 148] ^= 1  # b.txt's header
    path = tmp_path / "links.tar"
    path.write_bytes(data)
    items = {item.doc_id: item for item in collect([str(path)])}
    assert set(items) == {f"{path}!a.txt", f"{path}!c.txt", f"{path}!link.txt", str(path)}
    assert items[f"{path}!link.txt"].text == "The text of c.txt."  # type: ignore[union-attr]


def test_reading_past_damage_stays_within_the_caps_and_time(tmp_path: Path) -> None:
    """A bad first header before 40 MB of one repeated byte pair: scanned fast, capped."""
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.USTAR_FORMAT) as archive:
        for name, data in (("big.bin", b"ab" * 20_000_000), ("z.txt", b"The last text.")):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    data = bytearray(buffer.getvalue())
    data[148] ^= 1
    path = tmp_path / "bomb.tar.gz"
    path.write_bytes(gzip.compress(bytes(data), 1))
    started = time.monotonic()
    items = collect([str(path)])
    assert [item.doc_id for item in items] == [f"{path}!z.txt", str(path)]
    assert "tar damaged at its start (byte 0 of the tar)" in items[1].error  # type: ignore[union-attr]
    items = collect([str(path)], max_archive_bytes=5_000_000)
    (failure,) = items
    assert isinstance(failure, InputFailure) and "expands past the size cap" in failure.error
    assert time.monotonic() - started < 15


# ------------------------------------------------------------------- WARC

#: Record types that describe other records: passed over without a line, by design.
DESCRIBING = ("request", "metadata", "revisit")
RECORD_KINDS = ("response", "resource", "conversion", *DESCRIBING, "continuation")
CONTENT_TYPES = (
    "text/html; charset=utf-8",
    "text/html",
    "application/xhtml+xml",
    "text/plain",
    "text/plain; charset=utf-8",
    "text/markdown",
    "image/png",
    "application/pdf",
    "text/css",
    "application/json",
    "",
)


@dataclass
class Record:
    kind: str
    content_type: str
    status: str
    sentence: str


def is_page(record: Record) -> bool:
    media = record.content_type.split(";")[0].strip().lower()
    if record.kind == "response":
        # a crawl's plain-text answers are articles as much as its HTML ones (round 20)
        return record.status.startswith("2") and (
            "html" in media or media in ("text/plain", "text/markdown")
        )
    if record.kind in ("resource", "conversion"):
        return "html" in media or media in ("text/plain", "text/markdown")
    return False


def payload(record: Record) -> bytes:
    media = record.content_type.split(";")[0].strip().lower()
    if "html" in media:
        return (
            f"<html><head><title>Page</title></head><body><article><p>{record.sentence}</p>"
            "</article></body></html>"
        ).encode()
    if media == "text/markdown":
        return f"# A heading\n\n{record.sentence}\n".encode()
    if media.startswith("text/"):
        return record.sentence.encode()
    return b"\x89PNG\r\n\x1a\n" + bytes(range(256))


records = st.lists(
    st.builds(
        Record,
        kind=st.sampled_from(RECORD_KINDS),
        content_type=st.sampled_from(CONTENT_TYPES),
        status=st.sampled_from(["200 OK", "200 OK", "404 Not Found"]),
        sentence=st.lists(st.sampled_from(WORDS), min_size=4, max_size=12).map(
            lambda words: "The minister said the " + " ".join(words) + " was discussed on Monday."
        ),
    ),
    min_size=1,
    max_size=8,
)


def write_warc(path: Path, entries: list[Record], *, gz: bool) -> list[str]:
    """The WARC (a warcinfo record first); the URI of each entry."""
    uris = []
    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=gz)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "tests"}))
        for number, record in enumerate(entries):
            uri = f"https://example.org/{record.kind}/{number}"
            uris.append(uri)
            body = io.BytesIO(payload(record))
            if record.kind == "response":
                http = StatusAndHeaders(
                    record.status, [("Content-Type", record.content_type)], protocol="HTTP/1.1"
                )
                made = writer.create_warc_record(uri, "response", payload=body, http_headers=http)
            elif record.kind == "revisit":
                http = StatusAndHeaders(
                    "200 OK", [("Content-Type", record.content_type)], protocol="HTTP/1.1"
                )
                made = writer.create_revisit_record(
                    uri, "sha1:AAAA", uri, "2024-05-01T00:00:00Z", http_headers=http
                )
            elif record.kind == "request":
                request = io.BytesIO(b"GET / HTTP/1.1\r\nHost: example.org\r\n\r\n")
                made = writer.create_warc_record(uri, "request", payload=request)
            else:
                made = writer.create_warc_record(
                    uri, record.kind, payload=body, warc_content_type=record.content_type or None
                )
            writer.write_record(made)
    return uris


@SETTINGS
@given(entries=records, gz=st.booleans())
def test_every_warc_page_record_gives_exactly_one_item(entries: list[Record], gz: bool) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch).resolve() / ("pages.warc.gz" if gz else "pages.warc")
        uris = write_warc(path, entries, gz=gz)
        items = collect([str(path)])
    ids = Counter(item.doc_id for item in items)
    assert all(n == 1 for n in ids.values()), ids
    by_id = {item.doc_id: item for item in items}
    expected = set()
    for number, (record, uri) in enumerate(zip(entries, uris, strict=True)):
        numbered = f"{path}!record-{number + 2}"  # the warcinfo record is record 1
        if is_page(record):
            expected.add(uri)
            doc = by_id.get(uri)
            assert isinstance(doc, Document), (record, doc)
            assert record.sentence in doc.text
            if record.content_type.startswith("text/plain"):
                assert doc.text == record.sentence
            assert doc.url == uri
        elif record.kind in DESCRIBING:
            assert uri not in by_id and numbered not in by_id  # passed over by design
        else:
            expected.add(numbered)
            skipped = by_id.get(numbered)
            assert isinstance(skipped, InputFailure) and skipped.skipped, (record, skipped)
            if record.kind == "response":
                assert "HTTP status" in skipped.error or "not an HTML page" in skipped.error
            else:
                assert f"WARC {record.kind} record" in skipped.error
    if not expected:  # a WARC of nothing readable still gives its line
        assert list(by_id) == [str(path)]
    else:
        assert set(by_id) == expected


def test_a_webrecorder_style_warc_reads_its_resource_pages(tmp_path: Path) -> None:
    """ArchiveWeb.page stores pages as resource records; a text one is read as text."""
    path = tmp_path / "archiveweb.warc.gz"
    text = "Plain text of the page.\n\nA second paragraph with <angle> brackets."
    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for uri, kind, content_type, body in (
            ("urn:text:https://e.org/a", "resource", "text/plain; charset=utf-8", text.encode()),
            ("https://e.org/b", "conversion", "image/jpeg", b"\xff\xd8\xff"),
            ("https://e.org/c", "continuation", "application/http", b"more"),
        ):
            record = writer.create_warc_record(
                uri, kind, payload=io.BytesIO(body), warc_content_type=content_type
            )
            writer.write_record(record)
    items = {item.doc_id: item for item in collect([str(path)])}
    doc = items["urn:text:https://e.org/a"]
    assert isinstance(doc, Document) and doc.text == text
    skipped = items[f"{path}!record-2"]
    assert isinstance(skipped, InputFailure) and skipped.skipped
    assert skipped.error == "WARC conversion record of image/jpeg at https://e.org/b, not a page"
    unknown = items[f"{path}!record-3"]
    assert isinstance(unknown, InputFailure) and unknown.skipped
    assert unknown.error == "WARC continuation record, not read"
    assert len(items) == 3


def test_iter_inputs_is_used_directly_too(tmp_path: Path) -> None:
    """``collect`` runs in a thread; the plain generator gives the same items."""
    layout = five_member_tar()
    data = bytearray(layout.raw)
    data[layout.chains[2] : layout.chains[2] + BLOCK] = bytes(BLOCK)
    path = tmp_path / "zeroed.tar.xz"
    path.write_bytes(lzma.compress(bytes(data)))
    assert [item.doc_id for item in iter_inputs([str(path)])] == [
        item.doc_id for item in collect([str(path)])
    ]
