"""Archive members named like folders, and WARC files cut short: every input ends as one line.

The tests build their inputs (hypothesis draws them):

* zips and tars whose members have names ending in ``/``, ``//`` or ``./``,
  holding ``!``, ``#``, ``%``, ``:`` and non-ASCII letters, some holding bytes,
  some empty folder entries, with the attributes tools write (a Unix
  directory or file mode, the MS-DOS directory bit, nothing). Every member
  that holds bytes (or whose attributes call it a file) must give exactly one
  line, under ``<archive>!<its name as written>``; a true empty folder entry
  none. zipfile and tarfile call such a member a directory, and it was lost
  without a line;
* WARCs (plain and gzipped) of page and request records, cut at any byte.
  Every whole record before the cut must be read, and the cut must be one
  error line naming the archive and saying the file ends there (``the WARC
  ends inside record 4 (its gzip stream is cut short)``), never a Python
  error's text (warcio fails on a half-read header with an AttributeError).
"""

from __future__ import annotations

import io
import re
import stat
import tarfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from extractor.io import InputFailure, Item
from extractor.io.archives import Member, MemberFailure, SizeCaps, is_junk_name, iter_warc
from extractor.io.readers import _member_label
from extractor.pipeline.document import Document
from tests.test_io_hostile import collect_file

ARTICLE = "The President of France met the Chancellor of Germany in Paris on Monday, {}."
SETTINGS = settings(
    deadline=None,
    database=None,  # nothing written into the working tree
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
NO_PYTHON_ERROR = re.compile(r"AttributeError|TypeError|KeyError|IndexError|Traceback")

# ------------------------------------------------------------- folder-like names

STEMS = st.text(alphabet=st.sampled_from("abz09 -_!#%:éü中ß"), min_size=1, max_size=12)
#: How a name ends: a document suffix or none, with or without folder slashes.
ENDINGS = st.sampled_from(["", ".txt", ".md", "/", "//", ".txt/", ".md/", ".txt//", "/./"])
PREFIXES = st.sampled_from(["", "d/", "./", "d//", "a!b/"])
NAMES = st.builds(lambda prefix, stem, ending: prefix + stem + ending, PREFIXES, STEMS, ENDINGS)

#: A zip entry's external attributes: (Unix mode, MS-DOS attributes).
ZIP_DIR = (stat.S_IFDIR | 0o755) << 16 | 0x10
ZIP_ATTRIBUTES = {
    "unix-dir": ZIP_DIR,
    "dos-dir": 0x10,
    "none": 0,
    "unix-file": (stat.S_IFREG | 0o644) << 16,
    "dos-file": 0x20,
}


@dataclass(frozen=True)
class Entry:
    name: str
    data: bytes
    kind: str  # zip: the attributes; tar: the type flag

    def silent_in_zip(self) -> bool:
        """A true directory entry: a name ending in "/", no bytes, attributes not a file's."""
        folder_attrs = self.kind in ("unix-dir", "dos-dir", "none")
        return self.name.endswith("/") and not self.data and folder_attrs

    def silent_in_tar(self) -> bool:
        """A directory entry (type 5), or an old-style (type NUL) "/" entry with no bytes."""
        if self.kind == "dir":
            return True
        return self.kind == "areg" and self.name.endswith("/") and not self.data


def entries(kinds: list[str]) -> st.SearchStrategy[list[Entry]]:
    data = st.integers(0, 3).map(lambda n: b"" if n == 0 else ARTICLE.format(n).encode())
    return st.lists(
        st.builds(Entry, NAMES, data, st.sampled_from(kinds)),
        min_size=1,
        max_size=8,
        unique_by=lambda entry: entry.name,
    ).filter(lambda found: not any(is_junk_name(entry.name) for entry in found))


def expected_lines(archive: Path, found: list[Entry], silent: list[bool]) -> list[str]:
    return sorted(
        f"{archive}!{_member_label(entry.name)}"
        for entry, quiet in zip(found, silent, strict=True)
        if not quiet
    )


def check_one_line_each(items: list[Item], archive: Path, expected: list[str]) -> None:
    ids = [item.doc_id for item in items]
    assert sorted(ids) == expected, [(item.doc_id, getattr(item, "error", "")) for item in items]
    for item in items:
        if isinstance(item, InputFailure):
            assert not NO_PYTHON_ERROR.search(item.error), item


def article_of(entry: Entry, items: list[Item], archive: Path) -> None:
    """A member read as a document holds its own bytes' text."""
    wanted = f"{archive}!{_member_label(entry.name)}"
    for item in items:
        if item.doc_id == wanted and isinstance(item, Document):
            assert item.text.strip() == entry.data.decode().strip()


@SETTINGS
@given(found=entries(list(ZIP_ATTRIBUTES)))
def test_a_zip_member_named_like_a_folder_that_holds_bytes_is_one_line(
    found: list[Entry],
) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for entry in found:
            info = zipfile.ZipInfo(entry.name)
            info.external_attr = ZIP_ATTRIBUTES[entry.kind]
            archive.writestr(info, entry.data)
    items = collect_file(buffer.getvalue(), "members.zip")
    path = Path(items[0].doc_id.split("!", 1)[0]) if items else Path("members.zip")
    silent = [entry.silent_in_zip() for entry in found]
    if all(silent):  # no member at all: the archive's own line
        assert len(items) == 1 and "no files" in getattr(items[0], "error", ""), items
        return
    check_one_line_each(items, path, expected_lines(path, found, silent))
    for entry in found:
        article_of(entry, items, path)


def tar_bytes(found: list[Entry]) -> bytes:
    buffer = io.BytesIO()
    types = {"reg": tarfile.REGTYPE, "areg": tarfile.AREGTYPE, "dir": tarfile.DIRTYPE}
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.GNU_FORMAT) as archive:
        for entry in found:
            info = tarfile.TarInfo(entry.name)
            info.type = types[entry.kind]
            if entry.kind == "dir":
                archive.addfile(info)  # a directory's size field is not read: nothing follows
            else:
                info.size = len(entry.data)
                archive.addfile(info, io.BytesIO(entry.data))
    return buffer.getvalue()


@SETTINGS
@given(found=entries(["reg", "areg", "dir"]))
def test_a_tar_file_entry_named_like_a_folder_that_holds_bytes_is_one_line(
    found: list[Entry],
) -> None:
    found = [entry for entry in found if len(entry.name.encode()) < 100]  # no GNU long names
    items = collect_file(tar_bytes(found), "members.tar")
    silent = [entry.silent_in_tar() for entry in found]
    if all(silent):
        assert len(items) == 1 and "no files" in getattr(items[0], "error", ""), items
        return
    path = Path(items[0].doc_id.split("!", 1)[0])
    check_one_line_each(items, path, expected_lines(path, found, silent))
    for entry in found:
        article_of(entry, items, path)


def test_the_hostile_zip_and_tar(tmp_path: Path) -> None:
    """The tester's zip (/tmp/h38/mkarc2.py): ``slash.txt/`` with bytes is read; and an
    old-style tar file entry ``a.txt/`` with bytes no longer reads as damage."""
    text = ARTICLE.format("slash").encode()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("slash.txt/", text)
        archive.writestr("normal.txt", text)
        archive.writestr("empty/", b"")
    items = collect_file(buffer.getvalue(), "slash.zip")
    assert [item.doc_id.rsplit("!", 1)[1] for item in items] == ["slash.txt/", "normal.txt"]
    assert all(isinstance(item, Document) for item in items)
    found = [Entry("a.txt/", text, "areg"), Entry("b.txt", text, "reg")]
    items = collect_file(tar_bytes(found), "areg.tar")
    assert [item.doc_id.rsplit("!", 1)[1] for item in items] == ["a.txt/", "b.txt"]
    assert all(isinstance(item, Document) for item in items), items


# ------------------------------------------------------------- WARCs cut short


def page(number: int) -> bytes:
    return (
        f"<html><head><title>P{number}</title></head><body><p>President Biden met "
        f"Chancellor Scholz of Germany in Berlin on Tuesday, report {number}. They "
        "discussed trade at length and agreed on a plan.</p></body></html>"
    ).encode()


@dataclass(frozen=True)
class Warc:
    data: bytes
    ends: list[int]  # where each record (its gzip member) ends
    pages: list[str | None]  # each record's page URI; None for a request record
    gzipped: bool


def build_warc(kinds: list[bool], gzipped: bool) -> Warc:
    """Records in order: True a page (a response), False a request (passed over)."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzipped)
    ends: list[int] = []
    pages: list[str | None] = []
    for number, is_page in enumerate(kinds):
        uri = f"http://ex.example/p{number}"
        if is_page:
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1"
            )
            payload, kind = page(number), "response"
        else:
            headers = StatusAndHeaders(
                "GET /p HTTP/1.1", [("Host", "ex.example")], is_http_request=True
            )
            payload, kind = b"", "request"
        record = writer.create_warc_record(
            uri, kind, payload=io.BytesIO(payload), http_headers=headers
        )
        writer.write_record(record)
        ends.append(buffer.tell())
        pages.append(uri if is_page else None)
    return Warc(buffer.getvalue(), ends, pages, gzipped)


def check_cut(warc: Warc, cut: int, pages: list[str], failures: list[tuple[str, str]]) -> None:
    """``pages``: the ids read as pages; ``failures``: (id, error) of every failure line."""
    whole = sum(1 for end in warc.ends if end <= cut)
    wanted = [uri for uri in warc.pages[:whole] if uri is not None]
    assert pages[: len(wanted)] == wanted, (cut, pages, failures)
    at_boundary = cut in warc.ends
    # a plain WARC cut in the blank lines closing a record: its content is whole
    in_closing = not warc.gzipped and any(0 < end - cut <= 4 for end in warc.ends)
    if at_boundary or in_closing:
        assert len(failures) <= int(in_closing), (cut, failures)
        return
    assert len(failures) == 1, (cut, pages, failures)
    ((_, error),) = failures
    assert not NO_PYTHON_ERROR.search(error), error
    assert "cut short" in error, error
    why = "its gzip stream is cut short" if warc.gzipped else "the file is cut short"
    assert why in error, error
    told = re.search(r"the WARC ends (?:inside|after) record ([0-9]+)", error)
    assert told is not None, error
    number = int(told[1])
    if " after record " in error:  # the last record's content whole, its gzip end missing
        assert whole == number - 1, (cut, error)
        assert pages == [uri for uri in warc.pages[:number] if uri is not None], (cut, pages)
    else:
        assert number == whole + 1, (cut, error)
        assert pages == wanted, (cut, pages, error)


KINDS = st.lists(st.booleans(), min_size=1, max_size=5).map(lambda kinds: [True, *kinds])


@SETTINGS
@given(kinds=KINDS, gzipped=st.booleans(), where=st.floats(0.0, 1.0))
def test_a_warc_cut_anywhere_keeps_its_whole_records_and_says_where_it_ends(
    kinds: list[bool], gzipped: bool, where: float
) -> None:
    """Read as the readers read it: the cut's line names the archive (its id or source)."""
    warc = build_warc(kinds, gzipped)
    cut = max(1, min(len(warc.data) - 1, int(len(warc.data) * where)))
    name = "crawl.warc.gz" if gzipped else "crawl.warc"
    items = collect_file(warc.data[:cut], name)
    pages = [item.doc_id for item in items if isinstance(item, Document)]
    failed = [item for item in items if isinstance(item, InputFailure)]
    for failure in failed:
        assert failure.source.split("!", 1)[0].endswith(name), failure
    check_cut(warc, cut, pages, [(failure.doc_id, failure.error) for failure in failed])


@settings(SETTINGS, max_examples=4)  # each example tries every byte: thousands of cuts
@given(kinds=KINDS, gzipped=st.booleans())
def test_every_cut_of_a_warc_is_one_line_saying_so(kinds: list[bool], gzipped: bool) -> None:
    """Every byte of a WARC as the cut, through the archive reader."""
    warc = build_warc(kinds, gzipped)
    for cut in range(1, len(warc.data)):
        entries = list(iter_warc(io.BytesIO(warc.data[:cut]), SizeCaps()))
        pages = [entry.name for entry in entries if isinstance(entry, Member)]
        failures = [
            (entry.name or "", entry.error) for entry in entries if isinstance(entry, MemberFailure)
        ]
        check_cut(warc, cut, [str(name) for name in pages], failures)


def test_the_hostile_warc_cut_at_four_fifths() -> None:
    """The tester's WARC (/tmp/h38/mkwarc2.py): four pages gzipped, cut at 80%."""
    warc = build_warc([True] * 4, gzipped=True)
    items = collect_file(warc.data[: int(len(warc.data) * 0.8)], "trunc.warc.gz")
    assert [item.doc_id for item in items[:3]] == warc.pages[:3]
    (failure,) = items[3:]
    assert isinstance(failure, InputFailure)
    assert failure.error.startswith(
        "the WARC ends inside record 4 (its gzip stream is cut short); the records before it "
        "were read"
    ), failure
