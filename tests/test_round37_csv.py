"""Round 37: carriage returns inside CSV cells, and symbolic links that lead nowhere.

* ``pandas.to_csv`` and ``csv.writer(lineterminator="\\n")`` leave a CR inside a
  cell unquoted. In a file whose rows end in LF (or CR LF) a lone CR is part of
  its cell, read as written, and a row whose CR was not quoted says so; the row
  is never cut in two (its tail a bogus "no 'text' column" row). A file whose
  rows end in a lone CR (classic Mac OS) is still read row by row.
* A symbolic link met in a folder walk gets the reason that fits it: a target
  that does not exist, a chain of links that loops (``ELOOP``), a folder that
  contains the link (a cycle the walk does not enter), or an alias of a file
  read in place.

The rules are the docstrings of :func:`extractor.io.readers._iter_csv`,
``_cr_warnings``, ``_symlink_failure`` and ``_broken_link``; everything goes
through the public entry point, :func:`extractor.io.readers.iter_inputs`.
"""

from __future__ import annotations

import csv
import io
import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor.io.decoding import normalise_newlines
from extractor.io.readers import InputFailure, Item, iter_inputs
from extractor.pipeline.document import Document

try:
    import pandas
except ImportError:  # pragma: no cover - pandas is in the dev extras
    pandas = None

HYPOTHESIS = settings(
    max_examples=60,
    deadline=None,
    database=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)

#: What a text cell is made of: words, every kind of line break, quotes, commas,
#: and the noncharacters the reader codes a lone CR with (a text may hold them too).
PIECES = st.sampled_from(
    ["\r", "\n", "\r\n", "\r\r", '"', ",", " ", "'", "\t", "\ufdd0", "\ufdd1", "é"]
)
WORD = st.text(alphabet="abcdefghijklmnop", min_size=1, max_size=8)
TEXT = (
    st.lists(st.one_of(WORD, PIECES), min_size=1, max_size=12)
    .filter(lambda parts: any(part.isalpha() for part in parts))
    .map("".join)
)
WRITERS = ["csv-lf", "csv-crlf", *(["pandas"] if pandas is not None else [])]


def cr_warnings(item: Item) -> list[str]:
    return [w for w in getattr(item, "warnings", ()) if "carriage return" in w or "CR LF" in w]


def write_table(path: Path, writer: str, columns: list[str], rows: list[dict[str, str]]) -> str:
    """Write ``rows`` as ``writer`` does; the row terminator it used."""
    if writer == "pandas":
        assert pandas is not None
        pandas.DataFrame(rows, columns=columns).to_csv(path, index=False)
        return os.linesep
    terminator = "\n" if writer == "csv-lf" else "\r\n"
    with open(path, "w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle, lineterminator=terminator)
        out.writerow(columns)
        out.writerows([row[column] for column in columns] for row in rows)
    return terminator


def quoted(cell: str, terminator: str) -> bool:
    """Whether a QUOTE_MINIMAL writer (csv, pandas) quoted ``cell``."""
    return any(char in cell for char in (",", '"', *terminator))


def read(path: Path) -> list[Item]:
    return list(iter_inputs([str(path)]))


@HYPOTHESIS
@given(
    texts=st.lists(TEXT, min_size=1, max_size=6),
    columns=st.permutations(["id", "text", "note"]),
    writer=st.sampled_from(WRITERS),
)
def test_every_row_is_read_back_with_its_text_whatever_its_line_breaks(
    texts: list[str], columns: list[str], writer: str
) -> None:
    """Rows written by csv.writer (LF or CR LF) or pandas, their texts holding CRs, LFs,
    CR LFs, quotes and commas: each row is one document, in order, with its text as
    written (line ends read as LF, as in any document); a row whose CR its writer left
    unquoted has one warning saying so, a row of quoted cells none."""
    rows = [{"id": f"r{n}", "text": text, "note": "plain note"} for n, text in enumerate(texts)]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "rows.csv"
        terminator = write_table(path, writer, columns, rows)
        items = read(path)
    assert [item.doc_id for item in items] == [row["id"] for row in rows], items
    for item, text in zip(items, texts, strict=True):
        assert isinstance(item, Document), item
        said = cr_warnings(item)
        if quoted(text, terminator) or "\r" not in text:
            assert item.text == normalise_newlines(text)
            assert said == [], said
            continue
        # an unquoted CR: the writer's lineterminator is LF, so the text holds no LF
        assert len(said) == 1, said
        ends_row = columns[-1] == "text" and text.endswith("\r")
        if ends_row:  # truly ambiguous: "...\r\n" is a CR LF row end
            assert "CR LF" in said[0], said
            assert item.text == normalise_newlines(text[:-1])
        else:
            assert item.text == normalise_newlines(text)
        if "\r" in (text[:-1] if ends_row else text):
            assert "is read as part of that cell" in said[0], said


#: A cell its writer did not quote: no delimiter, quote or LF in it, a CR anywhere.
UNQUOTED = st.lists(st.one_of(WORD, st.sampled_from(["\r", " ", "\r\r", "\ufdd0\ufdd1"])),
                    min_size=1, max_size=10).filter(
    lambda parts: any(part.isalpha() for part in parts) and not "".join(parts).endswith("\r")
).map("".join)  # fmt: skip


@HYPOTHESIS
@given(
    texts=st.lists(UNQUOTED, min_size=1, max_size=6),
    newline=st.sampled_from(["\n", "\r\n"]),
    text_first=st.booleans(),
)
def test_a_lone_cr_in_an_unquoted_cell_is_part_of_it_with_a_warning(
    texts: list[str], newline: str, text_first: bool
) -> None:
    """A file written by hand (or by a tool that never quotes) whose rows end in LF or CR
    LF: a lone CR in a cell is that cell's, the row is one document with its whole text,
    its id the row's own, and one warning names the line the CR is on."""
    header = "text,id" if text_first else "id,text"
    lines = [header]
    for n, text in enumerate(texts):
        lines.append(f"{text},r{n}" if text_first else f"r{n},{text}")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "rows.csv"
        path.write_bytes((newline.join(lines) + newline).encode())
        items = read(path)
    assert [item.doc_id for item in items] == [f"r{n}" for n in range(len(texts))], items
    for number, (item, text) in enumerate(zip(items, texts, strict=True), start=2):
        assert isinstance(item, Document), item
        assert item.text == normalise_newlines(text)
        said = cr_warnings(item)
        if "\r" in text:
            assert said == [
                f"line {number}: a carriage return (CR) in a cell that is not quoted is read "
                "as part of that cell, as written (rows of this file end in "
                f"{'LF' if newline == chr(10) else 'CR LF'})"
            ]
        else:
            assert said == []


def test_the_reported_pandas_file_is_one_row_with_a_warning(tmp_path: Path) -> None:
    """The reproducer: pandas leaves the CR unquoted; the row is whole, the next row next."""
    path = tmp_path / "pandas_cr.csv"
    path.write_bytes(
        b"id,text\np1,President Macron met Scholz in Paris. Scraped para one\rpara two of "
        b"the article\np2,next article\n"
    )
    items = read(path)
    assert [(type(item).__name__, item.doc_id) for item in items] == [
        ("Document", "p1"), ("Document", "p2")]  # fmt: skip
    first = items[0]
    assert isinstance(first, Document)
    assert first.text.endswith("para one\npara two of the article")
    assert len(cr_warnings(first)) == 1


@HYPOTHESIS
@given(
    texts=st.lists(
        st.lists(st.one_of(WORD, st.sampled_from(['"', ",", " ", "\r", "\r\r"])), min_size=1,
                 max_size=10).filter(lambda parts: any(p.isalpha() for p in parts)).map("".join),
        min_size=1, max_size=6),
)  # fmt: skip
def test_a_classic_mac_file_is_still_read_row_by_row(texts: list[str]) -> None:
    """Rows ending in a lone CR (classic Mac OS), cells holding CRs, quotes and commas
    (quoted by csv.writer): every row is a document with its text, no CR warning."""
    buffer = io.StringIO(newline="")
    out = csv.writer(buffer, lineterminator="\r")
    out.writerow(["id", "text"])
    out.writerows([f"r{n}", text] for n, text in enumerate(texts))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "mac.csv"
        path.write_bytes(buffer.getvalue().encode())
        items = read(path)
    assert [item.doc_id for item in items] == [f"r{n}" for n in range(len(texts))], items
    for item, text in zip(items, texts, strict=True):
        assert isinstance(item, Document), item
        assert item.text == normalise_newlines(text)
        assert cr_warnings(item) == []


# ------------------------------------------------------------------ symbolic links

#: Each kind of link: (what it points at, relative to the link's folder, as a function of
#: the folder's depth below the input folder), the reason's start, whether it is skipped.
LINKS: dict[str, tuple[str, bool]] = {
    "dangling": ("broken symbolic link (its target 'nowhere.txt' does not exist)", False),
    "self": ("symbolic link loop (", False),
    "pair": ("symbolic link loop (", False),
    "parent": ("symbolic link to a folder that contains it (", True),
    "here": ("symbolic link to a folder that contains it (", True),
    "above": ("symbolic link to a folder that contains it (", True),
    "sibling": ("symbolic link to '", True),
    "outside": ("symlink points outside the input folder", True),
}


def make_link(folder: Path, kind: str, name: str, depth: int, outside: Path) -> list[Path]:
    """The link (or links) of ``kind`` made in ``folder``, ``depth`` folders below the root."""
    link = folder / name
    if kind == "dangling":
        link.symlink_to("nowhere.txt")
    elif kind == "self":
        link.symlink_to(name)
    elif kind == "pair":
        other = folder / f"{name}-b"
        link.symlink_to(other.name)
        other.symlink_to(name)
        return [link, other]
    elif kind == "parent":
        link.symlink_to("..") if depth else link.symlink_to(".")
    elif kind == "here":
        link.symlink_to(".")
    elif kind == "above":
        link.symlink_to("/".join([".."] * (depth + 1)))  # out of the root: still an ancestor
    elif kind == "sibling":
        link.symlink_to("article.txt")
    else:
        link.symlink_to(outside / "secret.txt")
    return [link]


@settings(HYPOTHESIS, max_examples=30)
@given(
    shape=st.lists(
        st.tuples(st.integers(0, 3), st.sampled_from(sorted(LINKS))), min_size=1, max_size=8
    )
)
def test_every_link_gets_one_line_with_its_own_reason(shape: list[tuple[int, str]]) -> None:
    """A tree of folders 0..3 deep, each with an article, and links of every kind in them:
    each link is one line, whose reason says which it is; every article is read."""
    with tempfile.TemporaryDirectory() as tmp:
        root, outside = Path(tmp) / "in", Path(tmp) / "out"
        outside.mkdir()
        (outside / "secret.txt").write_text("Not an input.\n")
        folders = [root]
        for depth in range(1, 4):
            folders.append(folders[-1] / f"d{depth}")
        for folder in folders:
            folder.mkdir(parents=True, exist_ok=True)
            (folder / "article.txt").write_text(f"President Macron met Scholz in {folder.name}.\n")
        expected: dict[str, str] = {}
        for number, (depth, kind) in enumerate(shape):
            folder = folders[depth]
            for link in make_link(folder, kind, f"link{number}", depth, outside):
                expected[link.relative_to(root).as_posix()] = kind
        items = read(root)
    by_id = {item.doc_id: item for item in items}
    assert len(by_id) == len(items), "one line per unit"
    articles = {(folder.relative_to(root) / "article.txt").as_posix() for folder in folders}
    assert set(by_id) == articles | set(expected)
    for name in articles:
        assert isinstance(by_id[name], Document)
    for name, kind in expected.items():
        item = by_id[name]
        reason, skipped = LINKS[kind]
        assert isinstance(item, InputFailure), (name, kind, item)
        assert item.error.startswith(reason), (name, kind, item.error)
        assert item.skipped == skipped, (name, kind, item)
        assert "links loop)" not in item.error  # the old reason that named both


def test_a_link_loop_named_on_the_command_line_says_it_loops(tmp_path: Path) -> None:
    """A link given as an input that loops, or dangles, gets the reason the walk gives."""
    (tmp_path / "a").symlink_to("b")
    (tmp_path / "b").symlink_to("a")
    (tmp_path / "gone.txt").symlink_to("nowhere.txt")
    loop, gone = read(tmp_path / "a"), read(tmp_path / "gone.txt")
    assert [item.error for item in loop if isinstance(item, InputFailure)] == [
        "symbolic link loop (a -> b -> a: links that lead back to themselves reach no file); "
        "point one of them at a file, or remove it"
    ]
    assert [item.error for item in gone if isinstance(item, InputFailure)] == [
        "broken symbolic link (its target 'nowhere.txt' does not exist); point it at a file, "
        "or remove it"
    ]


@pytest.mark.parametrize("target", ["..", "../..", "../in"])
def test_the_reported_links_each_get_their_reason(tmp_path: Path, target: str) -> None:
    """``in/sub/loop`` -> ``..`` (the input folder), ``../..`` (above it), ``../in`` (which
    from ``in/sub`` is ``in/in``: it does not exist, a broken link, not a loop)."""
    sub = tmp_path / "in" / "sub"
    sub.mkdir(parents=True)
    (sub / "b.txt").write_text("President Macron met Scholz in Paris.\n")
    (sub / "loop").symlink_to(target)
    items = {item.doc_id: item for item in read(tmp_path / "in")}
    line = items["sub/loop"]
    assert isinstance(line, InputFailure)
    if target == "../in":
        assert line.error.startswith("broken symbolic link (its target '../in' does not exist)")
        assert not line.skipped
    else:
        assert line.error.startswith("symbolic link to a folder that contains it (")
        assert line.skipped
