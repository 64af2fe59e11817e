"""iter_inputs: directories, globs, JSONL, CSV, zip, tar and WARC to one item per unit."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import tarfile
import time
import tracemalloc
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from extractor.errors import InputError
from extractor.io import InputFailure, Item, iter_inputs
from extractor.pipeline.document import Document

REAL_ZIP = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "wh-statements.zip"

ARTICLE = (
    "The defence minister visited the border region on Monday and met local commanders. "
    "He promised new equipment and said talks with the neighbouring government would "
    "continue next month in the capital, according to officials present at the meeting."
)


def html_page(title: str, *, published: str | None = None, body: str = ARTICLE) -> bytes:
    meta = f'<meta property="article:published_time" content="{published}">' if published else ""
    return (
        f"<html><head><title>{title}</title>{meta}<script>var s='SCRIPT_TEXT';</script></head>"
        f"<body><nav>NAV_TEXT</nav><article><h1>{title}</h1><p>{body}</p><p>{body}</p>"
        "</article><footer>FOOTER_TEXT</footer></body></html>"
    ).encode()


def by_id(items: list[Item]) -> dict[str, Item]:
    ids = [item.doc_id for item in items]
    assert len(ids) == len(set(ids)), ids
    return {item.doc_id: item for item in items}


def failure(item: Item) -> InputFailure:
    assert isinstance(item, InputFailure), item
    return item


def document(item: Item) -> Document:
    assert isinstance(item, Document), item
    return item


# --------------------------------------------------------------- directories


def text_key(text: str) -> str:
    """The content key of a row without an id: the first 12 hex of its text's sha256."""
    return Document(doc_id="-", text=text).text_sha256[:12]


def raw_key(line: str) -> str:
    """The content key of a row that has no text: its bytes' sha256."""
    return hashlib.sha256(line.strip().encode("utf-8")).hexdigest()[:12]


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    (root / "sub" / "deeper").mkdir(parents=True)
    (root / ".git").mkdir()
    (root / "a.txt").write_text("31-5-2023 (YANGON) Text A.", encoding="utf-8")
    (root / "empty.txt").write_bytes(b"")
    (root / "blank.txt").write_bytes(b" \n\t\n")
    (root / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    (root / "latin1.txt").write_bytes("Le café naïf.".encode("latin-1"))
    (root / "cp1252.txt").write_bytes("He said “hello” at the café.".encode("cp1252"))
    (root / "notes.pdf").write_bytes(b"%PDF-1.4")
    (root / "data.jsonl").write_text('{"text": "in a dir"}\n', encoding="utf-8")
    (root / ".hidden.txt").write_text("hidden", encoding="utf-8")
    (root / ".git" / "HEAD.txt").write_text("ref", encoding="utf-8")
    (root / "sub" / "b.md").write_text("---\ntitle: B\ndate: 2024-01-02\n---\nBody B.\n", "utf-8")
    (root / "sub" / "c.html").write_bytes(html_page("C", published="2022-03-04"))
    (root / "sub" / "deeper" / "d.markdown").write_text("Body D.", encoding="utf-8")
    (root / "sub" / "deeper" / "e.htm").write_bytes(
        b"<html><body><script>x()</script></body></html>"
    )
    return root


def test_directory_is_walked_recursively_in_sorted_order(tree: Path) -> None:
    items = list(iter_inputs([str(tree)]))
    assert [item.doc_id for item in items] == [
        ".hidden.txt",  # reported, not read; .git is clutter and passes without a line
        "a.txt",
        "binary.txt",
        "blank.txt",
        "cp1252.txt",
        f"data.jsonl#{text_key('in a dir')}",  # read; a line without id keyed by its text
        "empty.txt",
        "latin1.txt",
        "notes.pdf",
        "sub/b.md",
        "sub/c.html",
        "sub/deeper/d.markdown",
        "sub/deeper/e.htm",
    ]


def test_files_that_are_not_read_are_reported_as_skipped(tree: Path) -> None:
    items = by_id(list(iter_inputs([str(tree)])))
    hidden, pdf = failure(items[".hidden.txt"]), failure(items["notes.pdf"])
    assert (hidden.error, hidden.skipped) == ("hidden file, not read", True)
    assert (pdf.error, pdf.skipped) == ("unsupported file type '.pdf'", True)
    assert not failure(items["empty.txt"]).skipped  # unreadable, not skipped


def test_directory_documents_and_failures(tree: Path) -> None:
    items = by_id(list(iter_inputs([str(tree)])))
    a = document(items["a.txt"])
    assert a.published == date(2023, 5, 31)
    assert a.source == os.path.join(str(tree), "a.txt")
    assert failure(items["empty.txt"]).error == "empty file"
    assert failure(items["blank.txt"]).error == "no text (whitespace only)"
    assert failure(items["binary.txt"]).error == "binary file, not text"
    assert document(items["latin1.txt"]).text == "Le café naïf."
    assert document(items["cp1252.txt"]).text == "He said “hello” at the café."
    b = document(items["sub/b.md"])
    assert (b.text, b.title, b.published) == ("Body B.", "B", date(2024, 1, 2))
    c = document(items["sub/c.html"])
    assert c.published == date(2022, 3, 4)
    assert "SCRIPT_TEXT" not in c.text and "NAV_TEXT" not in c.text and "defence minister" in c.text
    assert failure(items["sub/deeper/e.htm"]).error == "no article text found in HTML"
    assert failure(items["empty.txt"]).source == os.path.join(str(tree), "empty.txt")


def test_a_file_has_one_identity_however_it_is_spelt(
    tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tree)
    real = str(tree / "sub" / "b.md")
    for spelling in ("sub/b.md", "./sub/b.md", "sub/../sub/b.md", real):
        (item,) = iter_inputs([spelling])
        assert item.doc_id == real
        assert document(item).text == "Body B."
    items = list(iter_inputs(["sub/b.md", "./sub/b.md", real]))  # given thrice, read once
    assert [item.doc_id for item in items] == [real]


def test_a_folder_alone_is_the_root_of_its_ids_however_it_is_spelt(
    tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tree.parent)
    expected = [item.doc_id for item in iter_inputs([str(tree)])]
    for spelling in ("corpus", "./corpus/", "corpus/sub/..", str(tree) + "/"):
        assert [item.doc_id for item in iter_inputs([spelling])] == expected
    assert [item.doc_id for item in iter_inputs(["corpus", "./corpus"])] == expected


def test_an_explicitly_named_unsupported_file_is_reported(tree: Path) -> None:
    (item,) = iter_inputs([str(tree / "notes.pdf")])
    assert failure(item).error == "unsupported file type '.pdf'"


def test_glob_patterns(tree: Path) -> None:
    items = list(iter_inputs([str(tree / "sub" / "**" / "*.m*")]))
    assert [item.doc_id for item in items] == [
        str(tree / "sub" / "b.md"),
        str(tree / "sub" / "deeper" / "d.markdown"),
    ]
    walked = list(iter_inputs([str(tree / "su*")]))  # the one matched directory is the root
    assert [item.doc_id for item in walked] == [
        "b.md",
        "c.html",
        "deeper/d.markdown",
        "deeper/e.htm",
    ]
    both = list(iter_inputs([str(tree / "[bs]*")]))  # several matches: absolute real paths
    assert [item.doc_id for item in both] == [
        str(tree / "binary.txt"),
        str(tree / "blank.txt"),
        str(tree / "sub" / "b.md"),
        str(tree / "sub" / "c.html"),
        str(tree / "sub" / "deeper" / "d.markdown"),
        str(tree / "sub" / "deeper" / "e.htm"),
    ]


def test_missing_paths_raise_before_anything_is_read(tree: Path) -> None:
    with pytest.raises(InputError, match=r"nope\.txt: no such file or directory"):
        iter_inputs([str(tree), str(tree / "nope.txt")])  # no next(): raised at call time
    with pytest.raises(InputError, match=r"no files match this pattern"):
        iter_inputs([str(tree / "*.docx")])


def test_a_single_string_path_is_not_split_into_characters(tree: Path) -> None:
    items = list(iter_inputs(str(tree / "a.txt")))
    assert [item.doc_id for item in items] == [str(tree / "a.txt")]


def test_two_folders_with_the_same_file_names_do_not_collide(tree: Path) -> None:
    other = tree.parent / "other"
    other.mkdir()
    (other / "a.txt").write_text("Another A.", encoding="utf-8")
    items = by_id(list(iter_inputs([str(tree), str(other)])))
    assert document(items[str(tree / "a.txt")]).text == "31-5-2023 (YANGON) Text A."
    assert document(items[str(other / "a.txt")]).text == "Another A."
    # a folder given again inside another: its files are read once
    again = list(iter_inputs([str(tree), str(tree / "sub"), str(tree / "a.txt")]))
    assert len(again) == len({item.doc_id for item in again}) == 13


def test_an_excluded_file_is_no_input_however_it_is_reached(tree: Path) -> None:
    out = tree / "sub" / "out.jsonl"  # a run's own output, inside the input folder
    out.write_text('{"doc_id": "a.txt", "status": "ok"}\n', encoding="utf-8")
    (tree / "hard.jsonl").hardlink_to(out)
    everything = {item.doc_id for item in iter_inputs([str(tree)])}
    line_key = raw_key('{"doc_id": "a.txt", "status": "ok"}')  # no text: keyed by its bytes
    own = {f"sub/out.jsonl#{line_key}", f"hard.jsonl#{line_key}"}
    assert own <= everything
    for spelling in (str(out), str(tree / "sub" / ".." / "sub" / "out.jsonl")):
        items = {item.doc_id for item in iter_inputs([str(tree)], exclude=[spelling])}
        assert items == everything - own
    later = tree / "later.jsonl"  # not there yet when the iteration starts
    pending = iter_inputs([str(tree), str(tree / "*.txt")], exclude=[later])
    later.write_text('{"text": "written by the run"}\n', encoding="utf-8")
    assert not any("later.jsonl" in item.doc_id for item in pending)


def test_duplicate_ids_become_failures_naming_the_first_source(tmp_path: Path) -> None:
    """An id twice in one file with two texts: the second is a failure naming the first.
    The same id and text again (in one file or two) is the same document, read once: a
    skipped repeat. The same id in two files with two texts is two documents (monthly
    exports numbered from 1): the second is ``<id>@<its file>``."""
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    first.write_text('{"id": "a", "text": "A."}\n{"id": "a", "text": "A twice."}\n')
    second.write_text('{"id": "a", "text": "Another A."}\n{"id": "b", "text": "A."}\n'
                      '{"id": "a", "text": "A."}\n')  # fmt: skip
    items = list(iter_inputs([str(first), str(second)]))
    assert [item.doc_id for item in items] == ["a", "a", f"a@{second}", "b", "a"]
    assert document(items[0]).text == "A."
    assert failure(items[1]).error == f"duplicate id (first seen in {first}:1)"
    assert items[1].source == f"{first}:2"
    repeat = failure(items[4])
    assert repeat.repeat and repeat.skipped and repeat.source == f"{second}:3"
    assert repeat.error == f"the same id and text as in {first}:1: read once"
    assert document(items[2]).text == "Another A."


# --------------------------------------------------------------- JSONL, CSV


def test_jsonl_lines(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl"
    lines = [
        json.dumps({"id": "n1", "text": "Text one.", "published": "2023-05-31", "title": "One"}),
        json.dumps({"text": "No id, so the line number is the id.", "lang": "en"}),
        "",
        "{not json",
        json.dumps({"id": "n4", "body": "wrong field"}),
        json.dumps(["an", "array"]),
        json.dumps(
            {"id": 5, "text": "WASHINGTON, January 30, 2026 - numeric id", "published": "?"}
        ),
        json.dumps({"id": "n1", "text": "same id again"}),
        json.dumps({"id": "n8", "text": "   "}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(iter_inputs([str(path)]))
    assert [item.doc_id for item in items] == [
        "n1",
        f"{path}#{text_key('No id, so the line number is the id.')}",
        f"{path}#{raw_key('{not json')}",
        "n4",
        f"{path}#{raw_key(json.dumps(['an', 'array']))}",
        "5",
        "n1",
        "n8",
    ]
    one = document(items[0])
    assert (one.text, one.title, one.published) == ("Text one.", "One", date(2023, 5, 31))
    assert one.source == f"{path}:1"
    assert document(items[1]).meta["fields"] == {"lang": "en"}
    assert failure(items[2]).error.startswith("line 4: not valid JSON")
    assert failure(items[3]).error == "no 'text' field"
    assert failure(items[4]).error.startswith("line 6: a JSON array, not an object")
    five = document(items[5])
    assert five.published == date(2026, 1, 30)  # unreadable date field -> dateline
    assert five.meta["unparsed_date"] == "?"
    assert failure(items[6]).error == f"duplicate id (first seen in {path}:1)"
    assert failure(items[7]).error == "field 'text' is empty"


def test_jsonl_custom_field_names(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl"
    record = {"uid": "u1", "body": "Body.", "day": "2021-02-03", "headline": "H", "text": "other"}
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    items = list(
        iter_inputs(
            [str(path)], id_field="uid", text_field="body", date_field="day", title_field="headline"
        )
    )
    doc = document(items[0])
    assert (doc.doc_id, doc.text, doc.published, doc.title) == (
        "u1",
        "Body.",
        date(2021, 2, 3),
        "H",
    )
    assert doc.meta["fields"] == {"text": "other"}


def test_jsonl_line_that_is_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl"
    path.write_bytes(b'{"id": "a", "text": "caf\xe9"}\n{"id": "b", "text": "ok"}\n')
    items = list(iter_inputs([str(path)]))
    legacy = document(items[0])  # decoded on its own, and said so
    assert (legacy.text, legacy.warnings) == (
        "café",
        ("this line is not UTF-8 text: decoded as cp1252",),
    )
    assert document(items[1]).text == "ok"


def test_csv_rows_with_long_and_multiline_cells(tmp_path: Path) -> None:
    path = tmp_path / "docs.csv"
    long_text = "word " * 60_000  # 300 KB, past csv's default 128 KB field limit
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "text", "published", "title", "extra"])
        writer.writerow(["c1", "Line one,\nline two.", "2020-01-02", "T1", "x"])
        writer.writerow(["", "No id.", "", "", ""])
        writer.writerow(["c3", long_text, "", "", ""])
        writer.writerow(["c4", "", "", "", ""])
    items = list(iter_inputs([str(path)]))
    assert [item.doc_id for item in items] == ["c1", f"{path}#{text_key('No id.')}", "c3", "c4"]
    c1 = document(items[0])
    assert (c1.text, c1.published, c1.title) == ("Line one,\nline two.", date(2020, 1, 2), "T1")
    assert c1.meta["fields"] == {"extra": "x"}
    assert document(items[1]).title is None
    assert document(items[2]).text == long_text
    assert failure(items[3]).error == "column 'text' is empty"  # the header has it


def test_csv_in_cp1252(tmp_path: Path) -> None:
    path = tmp_path / "docs.csv"
    path.write_bytes("id,text\nw1,“Quoted” at the café – naïve.\n".encode("cp1252"))
    (item,) = iter_inputs([str(path)])
    assert document(item).text == "“Quoted” at the café – naïve."


def test_csv_not_utf8_past_the_sniffed_head_is_decoded_alone(tmp_path: Path) -> None:
    path = tmp_path / "docs.csv"
    good_rows = "".join(f"r{i},Row {i} text that is plain UTF-8.\n" for i in range(40_000))
    path.write_bytes(b"id,text\n" + good_rows.encode() + b"bad,caf\xe9\nlast,still read\n")
    assert path.stat().st_size > 1024 * 1024  # the bad byte is past the encoding sniff
    items = list(iter_inputs([str(path)]))
    assert len(items) == 40_002
    assert all(isinstance(item, Document) for item in items[:40_000])
    legacy = document(items[40_000])
    assert (legacy.doc_id, legacy.source, legacy.text) == ("bad", f"{path}:40002", "café")
    assert legacy.warnings == ("this row is not UTF-8 text: decoded as cp1252",)
    assert document(items[-1]).text == "still read"


def test_csv_cell_past_the_size_cap_ends_the_file_with_one_failure(tmp_path: Path) -> None:
    path = tmp_path / "docs.csv"
    huge = "x" * 500 + "\n" + "y" * 500
    path.write_text(f'id,text\na,one\nb,"{huge}"\nc,"never, read"\n', encoding="utf-8")
    items = list(iter_inputs([str(path)], max_member_bytes=200))
    assert document(items[0]).text == "one"
    rest = failure(items[1])
    assert rest.doc_id == str(path) and len(items) == 2
    assert "field larger than field limit" in rest.error and "rest of file skipped" in rest.error


def test_binary_csv_is_one_failure(tmp_path: Path) -> None:
    path = tmp_path / "docs.csv"
    path.write_bytes(b"id,text\x00\x00\x01")
    (item,) = iter_inputs([str(path)])
    assert (item.doc_id, failure(item).error) == (str(path), "binary file, not text")


# -------------------------------------------------------------------- zip


def make_zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def test_zip_members(tmp_path: Path) -> None:
    archive = make_zip(
        tmp_path / "in.zip",
        {
            "docs/a.txt": b"2023-05-31 Text A.",
            "docs/b.md": b"---\ntitle: B\n---\nBody B.",
            "docs/c.html": html_page("C"),
            "docs/skip.bin": b"\x00\x01",
            "docs/.hidden.txt": b"hidden",
            "docs/.DS_Store": b"\x00",
            "docs/empty.txt": b"",
            "__MACOSX/docs/._a.txt": b"\x00\x05\x16\x07",
            "a/../safe.txt": b"Normalises inside the root.",
            "../evil.txt": b"escape",
            "/etc/abs.txt": b"absolute",
            "a/../../evil2.txt": b"escape",
        },
    )
    items = by_id(list(iter_inputs([str(archive)])))
    prefix = f"{archive}!"
    assert sorted(items) == sorted(
        prefix + name
        for name in (
            "docs/a.txt",
            "docs/b.md",
            "docs/c.html",
            "docs/empty.txt",
            "docs/skip.bin",
            "docs/.hidden.txt",
            "a/../safe.txt",
            "../evil.txt",
            "/etc/abs.txt",
            "a/../../evil2.txt",
        )
    )
    skipped = failure(items[prefix + "docs/skip.bin"])
    assert (skipped.error, skipped.skipped) == ("unsupported file type '.bin'", True)
    assert failure(items[prefix + "docs/.hidden.txt"]).error == "hidden file, not read"
    assert document(items[prefix + "docs/a.txt"]).published == date(2023, 5, 31)
    assert document(items[prefix + "docs/b.md"]).title == "B"
    assert "defence minister" in document(items[prefix + "docs/c.html"]).text
    assert failure(items[prefix + "docs/empty.txt"]).error == "empty file"
    assert document(items[prefix + "a/../safe.txt"]).source == prefix + "a/../safe.txt"
    for name in ("../evil.txt", "/etc/abs.txt", "a/../../evil2.txt"):
        assert failure(items[prefix + name]).error.startswith("unsafe member path")
    assert not (tmp_path / "evil.txt").exists()


def test_zip_member_over_the_cap(tmp_path: Path) -> None:
    archive = make_zip(
        tmp_path / "bomb.zip", {"big.txt": b"a" * 10_000, "small.txt": b"small text"}
    )
    items = list(iter_inputs([str(archive)], max_member_bytes=1_000))
    error = failure(items[0]).error
    assert error.startswith("expands past the size cap")
    assert "10000 bytes declared" in error  # caught from the header, before inflating
    assert document(items[1]).text == "small text"


def test_zip_member_lying_about_its_size_is_caught_while_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    archive = make_zip(tmp_path / "liar.zip", {"liar.txt": b"tiny"})

    def open_more_than_declared(self: zipfile.ZipFile, name: Any, *args: Any, **kw: Any) -> Any:
        return io.BytesIO(b"x" * 5_000_000)  # the header said 4 bytes

    monkeypatch.setattr(zipfile.ZipFile, "open", open_more_than_declared)
    (item,) = iter_inputs([str(archive)], max_member_bytes=1_000_000)
    assert failure(item).error == "expands past the size cap (more than 1000000 bytes per member)"


def test_zip_total_expanded_size_cap_stops_the_archive(tmp_path: Path) -> None:
    members = {f"m{i}.txt": b"b" * 600 for i in range(4)}
    archive = make_zip(tmp_path / "many.zip", members)
    items = list(iter_inputs([str(archive)], max_archive_bytes=1_000))
    assert len(items) == 2
    assert document(items[0]).doc_id.endswith("!m0.txt")
    assert "archive expands past the size cap" in failure(items[1]).error


def test_a_corrupt_zip_is_one_failure(tmp_path: Path) -> None:
    path = tmp_path / "broken.zip"
    path.write_bytes(b"this is not a zip archive at all")
    (item,) = iter_inputs([str(path)])
    assert item.doc_id == str(path)
    assert failure(item).error.startswith("not a readable zip archive")


def test_zip_is_read_lazily_one_member_at_a_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    archive = make_zip(tmp_path / "lazy.zip", {f"m{i}.txt": b"text" for i in range(50)})
    opened: list[str] = []
    real_open = zipfile.ZipFile.open

    def counting_open(self: zipfile.ZipFile, name: Any, *args: Any, **kw: Any) -> Any:
        opened.append(getattr(name, "filename", name))
        return real_open(self, name, *args, **kw)

    monkeypatch.setattr(zipfile.ZipFile, "open", counting_open)
    items = iter_inputs([str(archive)])
    assert opened == []
    next(items)
    assert opened == ["m0.txt"]


def test_zip_memory_stays_bounded_by_one_member(tmp_path: Path) -> None:
    member = ("Paragraph of text. " * 5_000).encode()  # ~95 KB each, ~19 MB in total
    archive = make_zip(tmp_path / "big.zip", {f"m{i:03}.txt": member for i in range(200)})
    tracemalloc.start()
    try:
        count = sum(1 for _ in iter_inputs([str(archive)]))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 200
    assert peak < 5_000_000, f"peak {peak} bytes: members are being accumulated"


# -------------------------------------------------------------------- tar


def add_member(archive: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    archive.addfile(info, io.BytesIO(data))


def make_tar(path: Path, members: dict[str, bytes], mode: str = "w:gz") -> Path:
    with tarfile.open(path, mode) as archive:  # type: ignore[call-overload]
        for name, data in members.items():
            add_member(archive, name, data)
        link = tarfile.TarInfo("link.txt")
        link.type = tarfile.SYMTYPE
        link.linkname = "/etc/passwd"
        archive.addfile(link)
    return path


@pytest.mark.parametrize(("suffix", "mode"), [(".tar.gz", "w:gz"), (".tgz", "w:gz"), (".tar", "w")])
def test_tar_members(tmp_path: Path, suffix: str, mode: str) -> None:
    archive = make_tar(
        tmp_path / f"in{suffix}",
        {
            "d/a.txt": b"May 31, 2023\nText A.",
            "d/b.md": b"---\ndate: 2021-01-01\n---\nB",
            "d/big.txt": b"c" * 5_000,
            "d/video.bin": b"\x00" * 100,
            "../evil.txt": b"escape",
        },
        mode,
    )
    items = by_id(list(iter_inputs([str(archive)], max_member_bytes=1_000)))
    prefix = f"{archive}!"
    assert sorted(items) == sorted(
        prefix + n
        for n in ("d/a.txt", "d/b.md", "d/big.txt", "d/video.bin", "../evil.txt", "link.txt")
    )
    link = failure(items[prefix + "link.txt"])
    assert (link.error, link.skipped) == ("symbolic link to '/etc/passwd', not followed", True)
    assert failure(items[prefix + "d/video.bin"]).error == "unsupported file type '.bin'"
    assert document(items[prefix + "d/a.txt"]).published == date(2023, 5, 31)
    assert document(items[prefix + "d/b.md"]).published == date(2021, 1, 1)
    assert "5000 bytes declared" in failure(items[prefix + "d/big.txt"]).error
    assert failure(items[prefix + "../evil.txt"]).error.startswith("unsafe member path")
    assert not (tmp_path / "evil.txt").exists()


def test_tar_skipped_members_count_towards_the_archive_cap(tmp_path: Path) -> None:
    archive = make_tar(tmp_path / "in.tar.gz", {"huge.bin": b"\x00" * 5_000, "a.txt": b"A"})
    items = list(iter_inputs([str(archive)], max_archive_bytes=1_000))
    assert [item.doc_id for item in items] == [f"{archive}!huge.bin"]
    assert "archive expands past the size cap" in failure(items[0]).error
    assert "the rest of the archive skipped" in failure(items[0]).error


def test_truncated_tar_gz_reports_after_the_good_members(tmp_path: Path) -> None:
    good = make_tar(
        tmp_path / "good.tar.gz", {"a.txt": b"A text.", "b.txt": os.urandom(200_000).hex().encode()}
    )
    broken = tmp_path / "broken.tar.gz"
    broken.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    items = list(iter_inputs([str(broken)]))
    assert document(items[0]).text == "A text."
    assert items[-1].doc_id == str(broken)
    assert "corrupt or truncated archive" in failure(items[-1]).error


# ------------------------------------------------------------------- WARC


def write_warc(path: Path, records: list[tuple[str, str, str, bytes, str]]) -> Path:
    """records: (uri, status, content type, payload, WARC-Date)."""
    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=str(path).endswith(".gz"))
        for uri, status, content_type, payload, warc_date in records:
            http = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                uri,
                "response",
                payload=io.BytesIO(payload),
                http_headers=http,
                warc_headers_dict={"WARC-Date": warc_date},
            )
            writer.write_record(record)
        request = writer.create_warc_record(
            "https://e.org/a", "request", payload=io.BytesIO(b"GET")
        )
        writer.write_record(request)
    return path


@pytest.mark.parametrize("suffix", [".warc.gz", ".warc"])
def test_warc_html_responses(tmp_path: Path, suffix: str) -> None:
    legacy = html_page("Café").replace(b"defence", "défense “x”".encode("cp1252"))
    warc = write_warc(
        tmp_path / f"crawl{suffix}",
        [
            ("https://e.org/a", "200 OK", "text/html; charset=utf-8", html_page("A"), "2024-02-03T04:05:06Z"),
            ("https://e.org/b", "200 OK", "text/html", html_page("B", published="2020-01-01"), "2024-02-03T00:00:00Z"),
            ("https://e.org/img.png", "200 OK", "image/png", b"\x89PNG\x00", "2024-02-03T00:00:00Z"),
            ("https://e.org/moved", "301 Moved", "text/html", b"<a href=x>moved</a>", "2024-02-03T00:00:00Z"),
            ("https://e.org/empty", "200 OK", "text/html", b"<html><body></body></html>", "2024-02-03T00:00:00Z"),
            ("https://e.org/legacy", "200 OK", "text/html; charset=windows-1252", legacy, "2024-02-03T00:00:00Z"),
            ("https://e.org/a", "200 OK", "text/html", html_page("A again"), "2024-02-04T00:00:00Z"),
        ],
    )  # fmt: skip
    items = list(iter_inputs([str(warc)]))
    assert [item.doc_id for item in items] == [
        "https://e.org/a",
        "https://e.org/b",
        f"{warc}!record-3",  # responses that are no page are reported, under the record number
        f"{warc}!record-4",
        "https://e.org/empty",
        "https://e.org/legacy",
        "https://e.org/a#capture=2024-02-04T00:00:00Z",  # a re-crawl: a capture of its own
    ]  # the request record describes another record: no unit of its own
    image, redirect = failure(items[2]), failure(items[3])
    assert image.skipped and image.error == "not an HTML page (image/png) at https://e.org/img.png"
    assert redirect.error == "HTTP status 301 for https://e.org/moved, not a page"
    del items[2:4]
    a = document(items[0])
    assert a.published == date(2024, 2, 3)  # no date in the page: the WARC-Date
    assert a.meta["date_source"] == "warc-date"
    assert a.url == "https://e.org/a"
    assert a.title == "A"
    assert "SCRIPT_TEXT" not in a.text and "FOOTER_TEXT" not in a.text
    assert document(items[1]).published == date(2020, 1, 1)  # the page's own date wins
    assert failure(items[2]).error == "no article text found in HTML"
    assert "The défense “x” minister" in document(items[3]).text
    assert document(items[4]).title == "A again" and document(items[4]).url == "https://e.org/a"


def test_a_file_that_is_not_a_warc_is_one_failure(tmp_path: Path) -> None:
    path = tmp_path / "bad.warc.gz"
    path.write_bytes(b"garbage, not a WARC\n" * 10)
    items = list(iter_inputs([str(path)]))
    assert [item.doc_id for item in items] == [str(path)]
    assert failure(items[0]).error.startswith("not a WARC file: it is plain text")


# ------------------------------------------------------------ mixed inputs


def test_every_unit_yields_exactly_one_item_across_input_kinds(tree: Path, tmp_path: Path) -> None:
    jsonl = tmp_path / "x.jsonl"
    jsonl.write_text('{"id": "j1", "text": "J"}\nbroken\n', encoding="utf-8")
    archive = make_zip(tmp_path / "x.zip", {"z.txt": b"Z", "z.html": b"<html></html>"})
    items = list(iter_inputs([str(tree), str(jsonl), str(archive)]))
    assert len(items) == 13 + 2 + 2
    assert (
        sum(isinstance(item, InputFailure) for item in items) == 6 + 1 + 1
    )  # .hidden.txt, empty, blank, binary, notes.pdf, e.htm; 'broken'; z.html


# --------------------------------------------------------------- real data


@pytest.mark.slow
@pytest.mark.skipif(not REAL_ZIP.exists(), reason="shared corpus not available")
def test_the_real_white_house_archive_streams_completely() -> None:
    started = time.perf_counter()
    count = failures = undated = 0
    ids: set[str] = set()
    for item in iter_inputs([str(REAL_ZIP)]):
        count += 1
        ids.add(item.doc_id)
        if isinstance(item, InputFailure):
            failures += 1
        elif item.published is None or not item.title or not item.url:
            undated += 1
    elapsed = time.perf_counter() - started
    assert count == 6903  # every .md member, and the LICENSE file reported as skipped
    assert len(ids) == count
    assert failures == 1
    assert undated == 0
    print(f"\nwh-statements.zip: {count} documents in {elapsed:.2f}s")
