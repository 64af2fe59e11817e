"""iter_inputs against generated hostile inputs: nothing lost, nothing hung, nothing raised.

The tests build random corpora on disk (folders, nested zip/tar archives,
JSONL and CSV with bad bytes, truncated archives and WARCs, symlinks of every
kind, FIFOs, duplicate file names, front matter with impossible dates and
alias bombs) while keeping a ledger of every unit they create and the id it
must get. Then they check the invariants of :mod:`extractor.io.readers`:

* iterating never raises and finishes within a time bound;
* every unit created appears exactly once, as a Document or an InputFailure,
  under the id the ledger expects, and nothing else appears;
* ids are unique, the same on a second iteration and however the root is spelt;
* no document text comes from outside the root.
"""

from __future__ import annotations

import codecs
import csv
import gzip
import io
import json
import os
import random
import re
import tarfile
import tempfile
import threading
import time
import warnings
import zipfile
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from extractor.io import InputFailure, Item, is_rereadable, iter_inputs
from extractor.io.formats import split_front_matter
from extractor.io.readers import MAX_NESTING, stream_suffix
from extractor.pipeline.document import Document

SECRET = "SECRET-OUTSIDE-THE-ROOT"
TIME_BOUND = 20.0
ARTICLE = "The minister visited the northern province on Monday and met officials there."
NAMES = ("01", "02", "report", "a")  # few names, so folders share file names
NOT_PATHS = ("row-", "csv-", "https://")  # ids from id columns and URIs, not from paths
SETTINGS = settings(
    max_examples=8,
    deadline=None,
    database=None,  # nothing written into the working tree
    derandomize=True,  # the same corpora on every run: a failure is reproducible
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


# ------------------------------------------------------------------ ledger


@dataclass
class Ledger:
    """The ids a corpus must yield: each required one exactly once, optional ones at most once.

    ``optional_under``: prefixes of ids that may appear at most once (the
    members of a truncated archive). ``reported``: groups of ids (and a
    prefix) of which at least one must be a failure (a truncated file must
    say so somewhere).
    """

    required: Counter[str] = field(default_factory=Counter)
    optional: set[str] = field(default_factory=set)
    optional_under: list[str] = field(default_factory=list)
    reported: list[tuple[set[str], str]] = field(default_factory=list)
    units: int = 0
    counter: int = 0

    def add(self, doc_id: str) -> None:
        self.required[doc_id] += 1
        self.units += 1

    def unique(self, stem: str) -> str:
        self.counter += 1
        return f"{stem}-{self.counter}"

    def rebased(self, root: Path) -> Ledger:
        """The ledger for ``root`` given among several inputs: path ids become absolute."""

        def move(doc_id: str) -> str:
            return doc_id if doc_id.startswith(NOT_PATHS) else f"{root}/{doc_id}"

        return Ledger(
            required=Counter({move(doc_id): n for doc_id, n in self.required.items()}),
            optional={move(doc_id) for doc_id in self.optional},
            optional_under=[move(prefix) for prefix in self.optional_under],
            reported=[({move(d) for d in group}, move(under)) for group, under in self.reported],
            units=self.units,
        )


def collect(paths: list[str], **options: float) -> list[Item]:
    """All items, in a thread: a reader that blocks (on a FIFO) fails the time bound."""
    result: list[Item] = []
    errors: list[BaseException] = []

    def run() -> None:
        try:
            result.extend(iter_inputs(paths, **options))  # type: ignore[arg-type]
        except BaseException as exc:  # reported below, in the test's thread
            errors.append(exc)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(TIME_BOUND)
    assert not worker.is_alive(), f"iteration did not finish within {TIME_BOUND}s"
    assert not errors, f"iteration raised {errors[0]!r}"
    return result


#: A unit keyed by content: ``<container id>#<12 hex>``, ``#<n>`` for its n-th copy.
CONTENT_KEY = re.compile(r"^(?P<place>.*)#(?P<key>[0-9a-f]{12})(?:#(?P<copy>[0-9]+))?$")


def by_order(items: list[Item]) -> list[str]:
    """The ids, a content-keyed unit's as ``<container>#row-<k>`` for the k-th of its container.

    The generators cannot know a row's content key without reading it as the
    readers do; they know its place in the file. This checks the key is its
    text's hash (its bytes' when it has no text) and that copies count up.
    """
    ordinal: Counter[str] = Counter()
    copies: Counter[tuple[str, str]] = Counter()
    ids = []
    for item in items:
        match = CONTENT_KEY.match(item.doc_id)
        if match is None:
            ids.append(item.doc_id)
            continue
        place, key = match["place"], match["key"]
        if isinstance(item, Document):
            assert item.text_sha256.startswith(key), item
        copies[place, key] += 1
        assert int(match["copy"] or 1) == copies[place, key], item.doc_id
        assert item.source and item.source.endswith(f"#{item.doc_id.split('#', 1)[1]}")
        ordinal[place] += 1
        ids.append(f"{place}#row-{ordinal[place]}")
    return ids


def check_ledger(items: list[Item], ledger: Ledger) -> None:
    ids = Counter(by_order(items))
    twice = {doc_id: n for doc_id, n in ids.items() if n > 1}
    assert not twice, f"ids yielded more than once: {twice}"
    missing = set(ledger.required) - set(ids)
    assert not missing, f"units that vanished: {sorted(missing)}"
    unexpected = {
        doc_id
        for doc_id in set(ids) - set(ledger.required) - ledger.optional
        if not doc_id.startswith(tuple(ledger.optional_under))
    }
    assert not unexpected, f"items for no unit created: {sorted(unexpected)}"
    assert all(n == 1 for n in ledger.required.values()), "the test built a duplicate id"
    failed = {
        doc_id
        for item, doc_id in zip(items, by_order(items), strict=True)
        if isinstance(item, InputFailure)
    }
    for group, under in ledger.reported:
        found = group & failed or {doc_id for doc_id in failed if doc_id.startswith(under)}
        assert found, f"damage not reported: none of {sorted(group)[:5]} failed"
    for item in items:
        if isinstance(item, Document):
            assert SECRET not in item.text, f"{item.doc_id} holds text from outside the root"
            assert item.text_sha256 and len(item.text_sha256) == 64
        else:
            assert item.error and item.source


# ------------------------------------------------------------- content


def text_bytes(rng: random.Random) -> bytes:
    """Mostly articles; sometimes empty, blank, binary, legacy-encoded or with bad bytes."""
    choice = rng.random()
    if choice < 0.6:
        return f"{ARTICLE} {rng.randint(0, 10**6)}".encode()
    if choice < 0.7:
        return b""
    if choice < 0.75:
        return b" \n\t "
    if choice < 0.85:
        return bytes(rng.randrange(256) for _ in range(rng.randint(1, 300)))
    return ARTICLE.encode() + bytes(rng.randrange(0x80, 0x100) for _ in range(5))


def front_matter(rng: random.Random) -> str:
    """Front matter as hostile as a file can be: bad dates, alias bombs, junk YAML."""
    kinds: list[Callable[[], str]] = [
        lambda: (
            f"title: T\ndate: {rng.randint(1990, 2030)}-{rng.randint(1, 14)}-{rng.randint(1, 35)}\n"
        ),
        lambda: "date: 2023-02-30\npublished: 2023-02-29T10:00:00\n",
        lambda: (
            "a: &a [x, x, x, x, x, x, x, x, x]\n"
            + "".join(
                f"{c}: &{c} [{', '.join([f'*{p}'] * 9)}]\n"
                for p, c in zip("abcdefgh", "bcdefghi", strict=True)
            )
        ),
        lambda: "a: &a [*a]\n",
        lambda: "".join(rng.choice(":-[]{}&*!|>'\"%@` \n\tab1") for _ in range(rng.randint(0, 80))),
        lambda: "title: [unclosed\n",
        lambda: "x: " + "y" * 70_000 + "\n",
        lambda: "? [a, b]\n: 1\n",
        lambda: "date: !!binary zzz\n",
        lambda: "- just\n- a list\n",
        lambda: "n: " + "[" * 200 + "]" * 200 + "\n",
    ]
    return rng.choice(kinds)()


def markdown_bytes(rng: random.Random) -> bytes:
    body = rng.choice([ARTICLE, "", "   ", f"# Heading\n\n{ARTICLE}"])
    closing = rng.choice(["---", "...", ""])  # "" leaves the block unclosed
    return f"---\n{front_matter(rng)}{closing}\n{body}\n".encode()


def html_bytes(rng: random.Random) -> bytes:
    if rng.random() < 0.3:
        return b"<html><body><script>x()</script></body></html>"
    return f"<html><body><article><p>{ARTICLE}</p><p>{ARTICLE}</p></article></body></html>".encode()


def jsonl_bytes(rng: random.Random, ledger: Ledger, place: str) -> tuple[bytes, list[str]]:
    """JSONL lines of every kind, and the ids they must get (id column or ``place#row-<n>``)."""
    lines: list[bytes] = []
    ids: list[str] = []
    idless = 0
    for _ in range(1, rng.randint(0, 6) + 1):
        kind = rng.random()
        if kind < 0.1:
            lines.append(rng.choice([b"", b"   ", b"\t"]))  # blank: not a unit
            continue
        if kind < 0.35:
            doc_id = ledger.unique("row")
            lines.append(
                json.dumps({"id": doc_id, "text": ARTICLE, "published": "2023-02-30"}).encode()
            )
            ids.append(doc_id)
            continue
        idless += 1
        ids.append(f"{place}#row-{idless}")  # keyed by content: see by_order
        lines.append(
            rng.choice(
                [
                    json.dumps({"text": ARTICLE}).encode(),
                    b'{"text": "caf' + bytes(rng.randrange(0x80, 0x100) for _ in range(3)) + b'"}',
                    b"{not json",
                    b"[1, 2]",
                    b"[" * 5000 + b"]" * 5000,
                    b'{"text": "lone \\ud800 surrogate"}',
                    b'{"text": 42}',
                    b'{"n": 1' + b"0" * 5000 + b', "text": "x"}',
                ]
            )
        )
    data = b"\n".join(lines) + (b"\n" if rng.random() < 0.7 else b"")
    return data, ids


def csv_bytes(rng: random.Random, ledger: Ledger, place: str) -> tuple[bytes, list[str]]:
    """A CSV with bad bytes in some rows, and the ids its rows must get."""
    with_id = rng.random() < 0.5
    rows = [b"id,text,published" if with_id else b"text,title"]
    ids: list[str] = []
    for _ in range(rng.randint(0, 5)):
        text = rng.choice(
            [ARTICLE.encode(), b"", b"caf" + bytes(rng.randrange(0x80, 0x100) for _ in range(2))]
        )
        line = len(rows) + 1
        if with_id:
            doc_id = ledger.unique("csv")
            rows.append(doc_id.encode() + b',"' + text + b'",2023-02-30')
            ids.append(doc_id)
        else:
            rows.append(b'"' + text + b'",T')
            ids.append(f"{place}#row-{line - 1}")  # every row is id-less: see by_order
    return b"\n".join(rows) + b"\n", ids


# ------------------------------------------------------------- archives


def member_set(
    rng: random.Random, ledger: Ledger, place: str, depth: int, *, tar: bool
) -> list[tuple[str, object]]:
    """Members for an archive read at ``depth``; records the ids they must give.

    A member is (name, bytes) or (name, ("hardlink"|"symlink"|"fifo"|"dir", target)).
    """
    members: list[tuple[str, object]] = []
    for index in range(rng.randint(0, 5)):
        folder = rng.choice(["", "docs/", "2024/", "a/b/"])
        kind = rng.choice(
            [
                "txt",
                "txt",
                "md",
                "jsonl",
                "csv",
                "zip",
                "tar",
                "bin",
                "hidden",
                "junk",
                "dir",
                "unsafe",
            ]
            + (["hardlink", "symlink", "fifo"] if tar else [])
        )
        name = f"{folder}{rng.choice(NAMES)}-{index}"
        member_place = f"{place}!"
        if kind in ("txt", "md"):
            name += f".{kind}"
            members.append((name, text_bytes(rng) if kind == "txt" else markdown_bytes(rng)))
            ledger.add(member_place + name)
        elif kind in ("jsonl", "csv", "zip", "tar"):
            name += {"jsonl": ".jsonl", "csv": ".csv", "zip": ".zip", "tar": ".tar.gz"}[kind]
            inner = member_place + name
            if depth >= MAX_NESTING:  # too deep: reported, not read
                data = b"not read"
                ledger.add(inner)
            elif kind == "jsonl":
                data, ids = jsonl_bytes(rng, ledger, inner)
                add_container(ledger, inner, ids)
            elif kind == "csv":
                data, ids = csv_bytes(rng, ledger, inner)
                add_container(ledger, inner, ids)
            else:
                data = build_archive(rng, ledger, inner, depth + 1, kind)
            members.append((name, data))
        elif kind == "bin":
            name += rng.choice([".pdf", ".bin", ".docx", ""])
            members.append((name, b"%PDF-1.4 \x00\x01"))
            ledger.add(member_place + name)
        elif kind == "hidden":
            name = f"{folder}.{name.rsplit('/', 1)[-1]}.txt"
            members.append((name, ARTICLE.encode()))
            ledger.add(member_place + name)
        elif kind == "junk":
            junk = rng.choice([f"__MACOSX/._x{index}.txt", f"d{index}/.DS_Store", f".git/{index}"])
            members.append((junk, b"\x00\x05"))
        elif kind == "dir":
            members.append((f"{folder}empty-{index}/", ("dir", "")))
        elif kind == "unsafe":
            name = rng.choice(["../evil.txt", "/etc/abs.txt", "a/../../evil.txt"])
            if not any(existing == name for existing, _ in members):
                members.append((name, b"escape"))
                ledger.add(member_place + name)
        else:  # tar links and special members
            name += ".txt"
            target = members[0][0] if members else "nowhere.txt"
            members.append((name, (kind, target)))
            ledger.add(member_place + name)
    return members


def add_container(ledger: Ledger, place: str, ids: list[str]) -> None:
    """A JSONL/CSV/archive's ids; one that holds no unit is itself one failure."""
    if not ids:
        ledger.add(place)
    for doc_id in ids:
        ledger.add(doc_id)


def build_archive(rng: random.Random, ledger: Ledger, place: str, depth: int, kind: str) -> bytes:
    before = ledger.units
    members = member_set(rng, ledger, place, depth, tar=kind == "tar")
    if ledger.units == before:  # nothing but folders and clutter: the archive is one failure
        ledger.add(place)
    buffer = io.BytesIO()
    if kind == "zip":
        with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for name, data in members:
                if isinstance(data, bytes):
                    archive.writestr(name, data)
                else:
                    archive.writestr(zipfile.ZipInfo(name), b"")  # a folder entry
    else:
        with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
            for name, data in members:
                info = tarfile.TarInfo(name.rstrip("/"))
                if isinstance(data, bytes):
                    info.size = len(data)
                    archive.addfile(info, io.BytesIO(data))
                    continue
                link_kind, target = data  # type: ignore[misc]
                info.type = {
                    "hardlink": tarfile.LNKTYPE,
                    "symlink": tarfile.SYMTYPE,
                    "fifo": tarfile.FIFOTYPE,
                    "dir": tarfile.DIRTYPE,
                }[link_kind]
                info.linkname = target
                archive.addfile(info)
    return buffer.getvalue()


def build_warc(rng: random.Random, ledger: Ledger, place: str) -> tuple[bytes, list[str]]:
    data, ids, _ = build_warc_with_ends(rng, ledger, place)
    return data, ids


def build_warc_with_ends(
    rng: random.Random, ledger: Ledger, place: str
) -> tuple[bytes, list[str], list[int]]:
    """A WARC of pages, non-pages and requests: its bytes, ids in record order, record ends."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=rng.random() < 0.5)
    ids: list[str] = []
    ends: list[int] = []
    for number in range(1, rng.randint(1, 5) + 1):
        uri = f"https://example.org/{ledger.unique('page')}"
        kind = rng.choice(["page", "page", "image", "redirect", "request"])
        if kind == "request":
            record = writer.create_warc_record(
                uri, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")
            )
            writer.write_record(record)
            ends.append(buffer.tell())
            continue
        status, content_type, payload = {
            "page": ("200 OK", "text/html; charset=utf-8", html_bytes(rng)),
            "image": ("200 OK", "image/png", b"\x89PNG\x00" * 40),
            "redirect": ("301 Moved", "text/html", b"<a href=x>moved</a>" * 20),
        }[kind]
        http = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            uri, "response", payload=io.BytesIO(payload), http_headers=http
        )
        writer.write_record(record)
        ends.append(buffer.tell())
        ids.append(uri if kind == "page" else f"{place}!record-{number}")
    return buffer.getvalue(), ids, ends


# ------------------------------------------------------------------ trees


@dataclass
class Corpus:
    root: Path
    outside: Path
    ledger: Ledger
    rng: random.Random
    fifos: list[Path] = field(default_factory=list)

    def rel(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix()

    def build(self, folder: Path, depth: int = 0) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        for index in range(self.rng.randint(1 if depth == 0 else 0, 7)):
            kind = self.rng.choice(
                ["txt", "txt", "md", "md", "html", "jsonl", "csv", "zip", "tgz", "warc", "bin", "hidden",
                 "hidden_dir", "junk", "link_in", "link_out", "link_broken", "link_cycle", "fifo",
                 "dir", "dir", "broken_zip", "broken_tgz", "broken_warc"]
            )  # fmt: skip
            stem = f"{self.rng.choice(NAMES)}-{index}"
            getattr(self, f"make_{kind}")(folder, stem, depth)

    # one method per kind of entry; each records the ids it must give
    def make_txt(self, folder: Path, stem: str, depth: int) -> None:
        self.file(folder / f"{stem}.txt", text_bytes(self.rng))

    def make_md(self, folder: Path, stem: str, depth: int) -> None:
        self.file(folder / f"{stem}.md", markdown_bytes(self.rng))

    def make_html(self, folder: Path, stem: str, depth: int) -> None:
        self.file(folder / f"{stem}.html", html_bytes(self.rng))

    def make_bin(self, folder: Path, stem: str, depth: int) -> None:
        self.file(folder / f"{stem}{self.rng.choice(['.pdf', '.gz', '.docx', ''])}", b"\x00\x01")

    def make_hidden(self, folder: Path, stem: str, depth: int) -> None:
        self.file(folder / f".{stem}.txt", ARTICLE.encode())

    def make_hidden_dir(self, folder: Path, stem: str, depth: int) -> None:
        hidden = folder / f".{stem}"
        hidden.mkdir()
        (hidden / "inside.txt").write_text(ARTICLE)  # not a unit: the folder is reported
        self.ledger.add(self.rel(hidden))

    def make_junk(self, folder: Path, stem: str, depth: int) -> None:
        (folder / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
        (folder / f"._{stem}.txt").write_bytes(b"\x00\x05\x16\x07")
        (folder / ".git").mkdir(exist_ok=True)
        (folder / ".git" / "HEAD.txt").write_text(SECRET)

    def make_jsonl(self, folder: Path, stem: str, depth: int) -> None:
        path = folder / f"{stem}.jsonl"
        data, ids = jsonl_bytes(self.rng, self.ledger, self.rel(path))
        path.write_bytes(data)
        add_container(self.ledger, self.rel(path), ids)

    def make_csv(self, folder: Path, stem: str, depth: int) -> None:
        path = folder / f"{stem}.csv"
        data, ids = csv_bytes(self.rng, self.ledger, self.rel(path))
        path.write_bytes(data)
        add_container(self.ledger, self.rel(path), ids)

    def make_zip(self, folder: Path, stem: str, depth: int) -> None:
        path = folder / f"{stem}.zip"
        path.write_bytes(build_archive(self.rng, self.ledger, self.rel(path), 0, "zip"))

    def make_tgz(self, folder: Path, stem: str, depth: int) -> None:
        path = folder / f"{stem}.tar.gz"
        path.write_bytes(build_archive(self.rng, self.ledger, self.rel(path), 0, "tar"))

    def make_warc(self, folder: Path, stem: str, depth: int) -> None:
        path = folder / f"{stem}.warc.gz"
        data, ids = build_warc(self.rng, self.ledger, self.rel(path))
        path.write_bytes(data)
        add_container(self.ledger, self.rel(path), ids)

    def make_broken_zip(self, folder: Path, stem: str, depth: int) -> None:
        path = folder / f"{stem}.zip"
        scratch = Ledger(counter=self.ledger.counter)
        data = build_archive(self.rng, scratch, self.rel(path), 0, "zip")
        self.ledger.counter = scratch.counter
        path.write_bytes(data[: self.rng.randint(0, len(data) - 1)])  # the directory is at the end
        # whatever was whole before the cut, read from its local header, at most once; the
        # cut is the archive's own line
        everything = set(scratch.required) | {self.rel(path)}
        self.ledger.optional |= everything
        self.ledger.optional_under.append(f"{self.rel(path)}!")
        self.ledger.reported.append((everything, f"{self.rel(path)}!"))
        self.ledger.units += 1

    def make_broken_tgz(self, folder: Path, stem: str, depth: int) -> None:
        path = folder / f"{stem}.tar.gz"
        scratch = Ledger(counter=self.ledger.counter)
        data = build_archive(self.rng, scratch, self.rel(path), 0, "tar")
        self.ledger.counter = scratch.counter
        path.write_bytes(data[: self.rng.randint(0, len(data) - 1)])
        # whatever was read before the cut, at most once; a member cut short fails as a whole
        everything = set(scratch.required) | {self.rel(path)}
        self.ledger.optional |= everything
        self.ledger.optional_under.append(f"{self.rel(path)}!")
        self.ledger.reported.append((everything, f"{self.rel(path)}!"))
        self.ledger.units += 1

    def make_broken_warc(self, folder: Path, stem: str, depth: int) -> None:
        path = folder / f"{stem}.warc"
        scratch = Ledger(counter=self.ledger.counter)
        data, ids, ends = build_warc_with_ends(self.rng, scratch, self.rel(path))
        self.ledger.counter = scratch.counter
        # a cut at a record's end leaves a shorter, valid WARC: cut inside a record
        inside = [
            cut for cut in range(1, len(data)) if all(not 0 <= cut - end <= 4 for end in ends)
        ]
        path.write_bytes(data[: self.rng.choice(inside)])
        numbered = {f"{self.rel(path)}!record-{n}" for n in range(1, len(ends) + 1)}
        everything = {*ids, *numbered, self.rel(path)}  # a cut header leaves no URI to name
        self.ledger.optional |= everything
        self.ledger.reported.append((everything, f"{self.rel(path)}!"))
        self.ledger.units += 1

    def make_link_in(self, folder: Path, stem: str, depth: int) -> None:
        targets = [path for path in self.root.rglob("*") if not path.is_symlink()] or [self.root]
        link = folder / f"{stem}-in.txt"
        link.symlink_to(self.rng.choice(targets))
        self.ledger.add(self.rel(link))

    def make_link_out(self, folder: Path, stem: str, depth: int) -> None:
        link = folder / f"{stem}-out{self.rng.choice(['.txt', '.jsonl', ''])}"
        link.symlink_to(
            self.rng.choice(
                [self.outside, self.outside / "secret.txt", self.outside / "rows.jsonl"]
            )
        )
        self.ledger.add(self.rel(link))

    def make_link_broken(self, folder: Path, stem: str, depth: int) -> None:
        link = folder / f"{stem}-broken.md"
        link.symlink_to(folder / "does-not-exist.md")
        self.ledger.add(self.rel(link))

    def make_link_cycle(self, folder: Path, stem: str, depth: int) -> None:
        first, second = folder / f"{stem}-loop1.txt", folder / f"{stem}-loop2.txt"
        first.symlink_to(second)
        second.symlink_to(first)
        up = folder / f"{stem}-up"
        up.symlink_to(self.root)  # a folder link back to the root: a walk that followed it loops
        for link in (first, second, up):
            self.ledger.add(self.rel(link))

    def make_fifo(self, folder: Path, stem: str, depth: int) -> None:
        fifo = folder / f"{stem}-fifo{self.rng.choice(['.txt', '.jsonl', '.csv'])}"
        os.mkfifo(fifo)  # nobody writes: opening it would block for ever
        self.fifos.append(fifo)
        self.ledger.add(self.rel(fifo))

    def make_dir(self, folder: Path, stem: str, depth: int) -> None:
        if depth < 3:
            self.build(folder / stem, depth + 1)

    def file(self, path: Path, data: bytes) -> None:
        path.write_bytes(data)
        self.ledger.add(self.rel(path))


@contextmanager
def random_corpus(seed: int) -> Iterator[Corpus]:
    with tempfile.TemporaryDirectory() as scratch:
        base = Path(scratch).resolve()
        outside = base / "outside"
        outside.mkdir()
        (outside / "secret.txt").write_text(f"{SECRET} {ARTICLE}")
        (outside / "rows.jsonl").write_text(json.dumps({"text": SECRET}) + "\n")
        corpus = Corpus(base / "root", outside, Ledger(), random.Random(seed))
        corpus.build(corpus.root)
        yield corpus


# ------------------------------------------------------------------- tests


@SETTINGS
@given(seed=st.integers(0, 2**32 - 1))
def test_a_random_tree_gives_every_unit_exactly_once(seed: int) -> None:
    with random_corpus(seed) as corpus:
        items = collect([str(corpus.root)])
        check_ledger(items, corpus.ledger)
        by_id = {item.doc_id: item for item in items}
        for fifo in corpus.fifos:  # an error line saying how to read it, never a silent skip
            item = by_id[corpus.rel(fifo)]
            assert isinstance(item, InputFailure) and not item.skipped
            assert "FIFO" in item.error and "command line" in item.error
        again = collect([str(corpus.root)])
        assert [item.doc_id for item in again] == [item.doc_id for item in items]
        assert [getattr(item, "text_sha256", None) for item in again] == [
            getattr(item, "text_sha256", None) for item in items
        ]


@SETTINGS
@given(seed=st.integers(0, 2**32 - 1))
def test_ids_do_not_depend_on_how_the_root_is_spelt(seed: int) -> None:
    with random_corpus(seed) as corpus:
        expected = [item.doc_id for item in collect([str(corpus.root)])]
        alias = corpus.root.parent / "alias"
        alias.symlink_to(corpus.root)
        here = os.getcwd()
        os.chdir(corpus.root.parent)
        try:
            for spelling in ("root", "./root/", "root/../root", "alias", str(corpus.root) + "/"):
                assert [item.doc_id for item in collect([spelling])] == expected, spelling
            assert [item.doc_id for item in collect(["root", "./root", "alias"])] == expected
        finally:
            os.chdir(here)


@SETTINGS
@given(seed=st.integers(0, 2**32 - 1))
def test_several_roots_never_collide_and_a_file_given_twice_is_read_once(seed: int) -> None:
    with random_corpus(seed) as corpus:
        root, twin = corpus.root, corpus.root.parent / "twin"
        twin.mkdir()
        ledger = corpus.ledger.rebased(root)
        for folder in (root, twin):  # the same names in both roots
            (folder / "01.txt").write_text(ARTICLE)
            (folder / "01.md").write_text(f"---\ntitle: x\n---\n{ARTICLE}")
            (folder / "rows.jsonl").write_text(json.dumps({"text": ARTICLE}) + "\n")
            for doc_id in ("01.txt", "01.md", "rows.jsonl#row-1"):
                ledger.add(f"{folder}/{doc_id}")
        spellings = [
            str(root),
            str(twin),
            str(root / "01.txt"),
            f"{twin}/./01.md",
            str(twin / ".."),
        ]
        check_ledger(collect(spellings[:4]), ledger)


@settings(max_examples=150, deadline=None, database=None, derandomize=True)
@given(
    data=st.binary(max_size=600),
    suffix=st.sampled_from(
        [".txt", ".md", ".html", ".jsonl", ".csv", ".zip", ".tar.gz", ".tgz", ".warc", ".warc.gz"]
    ),
    nest=st.sampled_from([None, "zip", "tar"]),
)
def test_any_bytes_in_any_format_give_items_and_never_raise(
    data: bytes, suffix: str, nest: str | None
) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch).resolve() / f"input{suffix}"
        place = str(path)
        if nest is None:
            path.write_bytes(data)
        else:  # the same bytes as a member of an archive
            outer = path.with_name("outer.zip" if nest == "zip" else "outer.tar")
            if nest == "zip":
                with zipfile.ZipFile(outer, "w") as archive:
                    archive.writestr(path.name, data)
            else:
                with tarfile.open(outer, "w") as archive:
                    info = tarfile.TarInfo(path.name)
                    info.size = len(data)
                    archive.addfile(info, io.BytesIO(data))
            path, place = outer, f"{outer}!{path.name}"
        items = collect([str(path)])
        assert items, "a file vanished without a line"
        ids = [item.doc_id for item in items]
        assert len(ids) == len(set(ids)) or suffix in (".jsonl", ".csv")  # id columns may repeat
        assert all(
            item.source.startswith(place) or not item.doc_id.startswith("/") for item in items
        )
        if suffix in (".txt", ".md", ".html"):
            assert ids == [place]
        if suffix == ".jsonl":
            lines = data.removeprefix(b"\xef\xbb\xbf").split(b"\n")
            assert len(items) == max(1, sum(1 for line in lines if line.strip()))


@settings(max_examples=150, deadline=None, database=None, derandomize=True)
@given(
    front=st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20) | st.dates(),
        lambda inner: (
            st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
        ),
        max_leaves=12,
    ),
    garbage=st.text(max_size=200),
    anchors=st.booleans(),
)
def test_front_matter_never_raises_and_never_loses_the_body(
    front: object, garbage: str, anchors: bool
) -> None:
    block = (
        json.dumps(front, default=str)
        if not anchors
        else f"a: &x {json.dumps(front, default=str)}\nb: *x"
    )
    for text in (f"---\n{block}\n---\nBody.\n", f"---\n{garbage}\n---\nBody.\n", f"---\n{garbage}"):
        matter, body, error = split_front_matter(text)
        assert "Body." in body or text.startswith(f"---\n{garbage}")
        if anchors and text.startswith(f"---\n{block}"):
            assert matter is None and error is not None  # refused (or not YAML at all)
            assert "aliases" in error or "malformed" in error


def test_front_matter_bombs_and_impossible_dates_are_warnings(tmp_path: Path) -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{c}: &{c} [{', '.join([f'*{p}'] * 9)}]\n"
        for p, c in zip("abcdefgh", "bcdefghi", strict=True)
    )
    (tmp_path / "bomb.md").write_text(f"---\n{bomb}---\n{ARTICLE}\n")
    (tmp_path / "loop.md").write_text(f"---\na: &a [*a]\n---\n{ARTICLE}\n")
    (tmp_path / "date.md").write_text(f"---\ntitle: T\ndate: 2023-02-30\n---\n{ARTICLE}\n")
    items = {item.doc_id: item for item in collect([str(tmp_path)])}
    for name in ("bomb.md", "loop.md"):
        doc = items[name]
        assert isinstance(doc, Document)
        assert doc.warnings == ("front matter refused: YAML aliases (*name) are not allowed",)
    dated = items["date.md"]
    assert isinstance(dated, Document)
    assert (dated.title, dated.published) == ("T", None)
    assert dated.warnings == ("front matter 'date' is not a date ('2023-02-30'); ignored",)


@pytest.mark.parametrize("suffix", [".jsonl", ".csv", ".zip", ".tar.gz", ".txt", ".warc.gz"])
def test_a_fifo_is_read_once_and_said_not_to_be_rereadable(tmp_path: Path, suffix: str) -> None:
    ledger = Ledger()
    place = str(tmp_path / f"feed{suffix}")
    if suffix == ".jsonl":
        data = b"".join(
            json.dumps({"text": f"{ARTICLE} {n}"}).encode() + b"\n" for n in range(3000)
        )
        ids = [f"{place}#row-{n}" for n in range(1, 3001)]
    elif suffix == ".csv":  # bigger than the encoding sniff, so the head must not be lost
        data = b"text\n" + b"".join(f'"{ARTICLE} {n}"\n'.encode() for n in range(20_000))
        ids = [f"{place}#row-{n}" for n in range(1, 20_001)]
    elif suffix == ".txt":
        data, ids = ARTICLE.encode(), [f"{place}#row-1"]  # a stream's text is its identity
    elif suffix == ".warc.gz":
        data, ids = build_warc(random.Random(3), ledger, place)
    else:
        data = build_archive(
            random.Random(5), ledger, place, 0, "zip" if suffix == ".zip" else "tar"
        )
        ids = list(ledger.required)
    fifo = Path(place)
    os.mkfifo(fifo)
    writer = threading.Thread(target=fifo.write_bytes, args=(data,), daemon=True)
    writer.start()
    assert not is_rereadable(fifo)
    assert not is_rereadable(str(tmp_path / "feed*"))
    items = collect([place])
    writer.join(5)
    if suffix in (".zip", ".tar.gz"):  # a stream's members add their text's hash to their ids
        copy = tmp_path / f"copy{suffix}"
        copy.write_bytes(data)
        filed = [outcome(item, str(copy), keyed=True) for item in collect([str(copy)])]
        assert sorted(outcome(item, place) for item in items) == sorted(filed)
        assert len(filed) == len(ids)
        return
    assert sorted(by_order(items)) == sorted(ids)


def test_rereadable_inputs(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE)
    assert is_rereadable(tmp_path)
    assert is_rereadable(tmp_path / "a.txt")
    assert is_rereadable(str(tmp_path / "*.txt"))
    assert is_rereadable(tmp_path / "missing.txt")


def test_deep_trees_nested_archives_and_bombs_stay_bounded(tmp_path: Path) -> None:
    deep = tmp_path / "deep"
    folder = deep
    for level in range(120):  # deeper than any recursion-based walk would like
        folder = folder / f"d{level}"
    folder.mkdir(parents=True)
    (folder / "bottom.txt").write_text(ARTICLE)
    blob, name = ARTICLE.encode(), "doc.txt"
    for level in range(8):  # zip in zip in zip ...
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr(name, blob)
        blob, name = buffer.getvalue(), f"level{level}.zip"
    (deep / "nested.zip").write_bytes(blob)
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for index in range(20):
            archive.writestr(f"inner{index}.zip", zipped_zeros(400_000))
    (deep / "bomb.zip").write_bytes(bomb.getvalue())
    items = collect([str(deep)], max_archive_bytes=2_000_000)
    ids = [item.doc_id for item in items]
    assert len(ids) == len(set(ids))
    assert "/".join(f"d{level}" for level in range(120)) + "/bottom.txt" in ids
    too_deep = "nested.zip!level6.zip!level5.zip!level4.zip!level3.zip"
    assert too_deep in ids and "nested" in next(i for i in items if i.doc_id == too_deep).error
    bomb_items = [item for item in items if item.doc_id.startswith("bomb.zip")]
    assert any("size cap" in getattr(item, "error", "") for item in bomb_items)
    assert len(bomb_items) < 20  # stopped at the cap, shared by the nested archives


def zipped_zeros(size: int) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("zeros.txt", b"0" * size)
    return buffer.getvalue()


# ------------------------------------------------- one row's bytes, one row's text

#: Legacy encodings a row may be written in (all write the CSV and JSON delimiters as ASCII).
LEGACY = ("cp1252", "latin-1", "cp1251", "cp1253", "cp1250")
row_texts = st.text(
    st.characters(exclude_categories=("Cs", "Cc", "Zl", "Zp")), min_size=0, max_size=30
).map(lambda text: f"x{text}")  # never blank: an empty text is another failure
rows_strategy = st.lists(
    st.tuples(row_texts, st.sampled_from([None, None, *LEGACY])), min_size=1, max_size=8
)


def encoded_rows(kind: str, rows: list[tuple[str, str | None]]) -> list[tuple[str, bytes]]:
    """(id, bytes of its line) per row: UTF-8, or the row's legacy encoding."""
    lines = []
    for number, (text, encoding) in enumerate(rows):
        doc_id = f"r{number}"
        if kind == "csv":
            buffer = io.StringIO()
            csv.writer(buffer, lineterminator="\n").writerow([doc_id, text])
            line = buffer.getvalue()
        else:
            line = json.dumps({"id": doc_id, "text": text}, ensure_ascii=False) + "\n"
        lines.append((doc_id, line.encode(encoding or "utf-8", "replace")))
    return lines


def parsed_text(kind: str, line: str) -> str:
    """The text cell of one decoded line, as the file format reads it."""
    if kind == "csv":
        return next(csv.reader(io.StringIO(line)))[1].replace("\r\n", "\n").replace("\r", "\n")
    return str(json.loads(line)["text"]).replace("\r\n", "\n").replace("\r", "\n")


def read_rows(
    folder: Path, name: str, kind: str, lines: list[tuple[str, bytes]]
) -> dict[str, Item]:
    header = b"id,text\n" if kind == "csv" else b""
    path = folder / f"{name}.{kind}"
    path.write_bytes(header + b"".join(line for _, line in lines))
    items = collect([str(path)])
    ids = [item.doc_id for item in items]
    assert sorted(ids) == sorted(doc_id for doc_id, _ in lines), "a row vanished or was split"
    return {item.doc_id: item for item in items}


@settings(max_examples=120, deadline=None, database=None, derandomize=True)
@given(kind=st.sampled_from(["csv", "jsonl"]), rows=rows_strategy)
def test_each_row_is_decoded_from_its_own_bytes(
    kind: str, rows: list[tuple[str, str | None]]
) -> None:
    """UTF-8 rows read the same with or without legacy rows beside them, and a row that is
    not UTF-8 says how it was decoded, truthfully: its text is its bytes in that encoding."""
    lines = encoded_rows(kind, rows)
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        mixed = read_rows(folder, "mixed", kind, lines)
        utf8 = [(doc_id, line) for doc_id, line in lines if _is_utf8(line)]
        alone = read_rows(folder, "alone", kind, utf8) if utf8 else {}
    for doc_id, line in lines:
        item = mixed[doc_id]
        assert isinstance(item, Document), item
        if _is_utf8(line):
            assert item.text == parsed_text(kind, line.decode("utf-8"))
            assert not item.warnings
            twin = alone[doc_id]
            assert isinstance(twin, Document) and (twin.text, twin.warnings) == (
                item.text,
                item.warnings,
            ), "a UTF-8 row read differently because of its neighbours"
            continue
        (warning,) = item.warnings
        unit = "row" if kind == "csv" else "line"
        assert warning.startswith(f"this {unit} is not UTF-8 text"), warning
        used = warning.rpartition("decoded as ")[2] if "decoded as " in warning else None
        decoded = line.decode(used) if used else line.decode("utf-8", "replace")
        assert item.text == parsed_text(kind, decoded)
        encoding = rows[int(doc_id[1:])][1]
        if used == encoding or (used, encoding) == ("cp1252", "latin-1"):
            assert item.text == rows[int(doc_id[1:])][0] or "?" in item.text  # "replace"d


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def test_a_legacy_row_among_utf8_rows_leaves_them_alone(tmp_path: Path) -> None:
    """The tester's case: one Latin-1 byte used to turn every other row's "café" into mojibake."""
    path = tmp_path / "mixed.csv"
    path.write_bytes(
        "id,text\nu1,café in Zürich\n".encode() + b"l1,caf\xe9 cr\xe8me\n" + "u2,naïve\n".encode()
    )
    items = {item.doc_id: item for item in collect([str(path)])}
    assert [getattr(items[i], "text", None) for i in ("u1", "l1", "u2")] == [
        "café in Zürich",
        "café crème",
        "naïve",
    ]
    legacy = items["l1"]
    assert isinstance(legacy, Document)
    assert legacy.warnings == ("this row is not UTF-8 text: decoded as cp1252",)


# ------------------------------------------------------------ streams and FIFOs


def stream_input(kind: str, rng: random.Random) -> bytes:
    """The bytes of one input of ``kind``, of a shape a nameless stream can be told by."""
    ledger = Ledger()
    if kind == "jsonl":
        data, _ = jsonl_bytes(rng, ledger, "P")
        return json.dumps({"text": ARTICLE}).encode() + b"\n" + data
    if kind == "csv":
        return csv_bytes(rng, ledger, "P")[0]
    if kind in ("zip", "tgz"):
        return build_archive(rng, ledger, "P", 0, "zip" if kind == "zip" else "tar")
    if kind == "warc":
        return build_warc(rng, ledger, "P")[0]
    if kind == "md":
        return markdown_bytes(rng)
    if kind == "html":
        return html_bytes(rng)
    if kind == "json":  # an array of records: not read, from a pipe as from a .json file
        rows = [{"text": f"{ARTICLE} {n}"} for n in range(rng.randint(0, 3))]
        return (" " * rng.randint(0, 2) + json.dumps(rows, indent=rng.choice([None, 2]))).encode()
    return f"{ARTICLE} {rng.randint(0, 99)}".encode()


SUFFIXES = {"jsonl": ".jsonl", "csv": ".csv", "zip": ".zip", "tgz": ".tar.gz", "warc": ".warc.gz",
            "md": ".md", "html": ".html", "txt": ".txt", "json": ".json"}  # fmt: skip


def outcome(item: Item, prefix: str, *, keyed: bool = False) -> tuple[str, str, str]:
    """An item with its input's path replaced, to compare a stream with a file; ``keyed``: the
    id a stream gives a file's item, its lone document or archive member adding its text's
    hash (a row is keyed by its content already)."""
    text = item.text if isinstance(item, Document) else item.error.replace(prefix, "@")
    doc_id = item.doc_id
    if keyed and isinstance(item, Document):
        digest = f"#{item.text_sha256[:12]}"
        if doc_id == prefix or ("!" in doc_id and not doc_id.endswith(digest)):
            doc_id += digest
    return doc_id.replace(prefix, "@"), type(item).__name__, text


@SETTINGS
@given(seed=st.integers(0, 2**32 - 1), kind=st.sampled_from(sorted(SUFFIXES)))
def test_a_nameless_stream_reads_as_the_same_file_would(seed: int, kind: str) -> None:
    """``bulk <(cat x.jsonl)``: a pipe has no name, so its format is told from its bytes;
    it gives the items the file gives, except tar hard links, which need a second read."""
    data = stream_input(kind, random.Random(seed))
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch).resolve() / f"input{SUFFIXES[kind]}"
        path.write_bytes(data)
        keyed = kind not in ("jsonl", "csv", "warc")  # rows and pages have keys of their own
        from_file = [outcome(item, str(path), keyed=keyed) for item in collect([str(path)])]
    read_end, write_end = os.pipe()
    writer = threading.Thread(target=_write_and_close, args=(write_end, data), daemon=True)
    writer.start()
    try:
        name = f"/dev/fd/{read_end}"
        assert not is_rereadable(name)
        piped = collect([name])
        # a descriptor's number changes from run to run: it is named as any pipe is
        from_pipe = [outcome(item, "/dev/stdin") for item in piped]
    finally:
        writer.join(5)
        os.close(read_end)
    assert len(from_pipe) == len(from_file)
    for streamed, filed in zip(sorted(from_pipe), sorted(from_file), strict=True):
        if "cannot be read again from a stream" in streamed[2]:
            assert streamed[0] == filed[0]  # a tar hard link: the same unit, said why
        else:
            assert streamed == filed


WORD = st.from_regex(r"\A[a-z]{2,9}\Z")


@SETTINGS
@given(
    credit=st.lists(WORD, min_size=1, max_size=6),
    colon=st.booleans(),
    sentences=st.lists(st.lists(st.lists(WORD, min_size=1, max_size=5), min_size=3, max_size=6),
                       min_size=1, max_size=4),
    column=st.sampled_from(["Text", "text", "TEXT"]),
)  # fmt: skip
def test_prose_whose_first_line_names_a_column_is_not_read_as_a_table(
    credit: list[str], colon: bool, sentences: list[list[list[str]]], column: str
) -> None:
    """An article piped in whose first line is "Text, photos: AFP" (or "Text, pictures by
    AFP" and then sentences with more commas than that line) is one article, not rows cut
    at its commas; a table with that header and cells of its own number is one."""
    first = f"{column}, {' '.join(credit)}" if not colon else f"{column}, {credit[0]}: AFP"
    body = [", ".join(" ".join(words) for words in parts) + "." for parts in sentences]
    prose = "\n".join([first, *body]) + "\n"
    assert stream_suffix(prose.encode()) == ".txt", prose
    if not colon and len(credit) <= 4:  # the same header over rows of two cells: a table
        table = "\n".join([first, *(f'"{line}", x' for line in body)]) + "\n"
        assert stream_suffix(table.encode()) == ".csv", table


PARAGRAPH = st.lists(WORD, min_size=3, max_size=30).map(" ".join)


@SETTINGS
@given(
    columns=st.permutations(["id", "text", "published"]),
    index=st.booleans(),
    cells=st.lists(st.lists(st.lists(PARAGRAPH, min_size=1, max_size=4), min_size=1, max_size=3)
                   .map(lambda parts: "\n\n".join(", ".join(p) for p in parts)),
                   min_size=1, max_size=8),
    gzipped=st.booleans(),
    newline=st.sampled_from(["\n", "\r\n", "\r"]),
    data=st.data(),
)  # fmt: skip
def test_a_table_piped_in_is_read_as_a_table_whatever_its_cells(
    columns: list[str],
    index: bool,
    cells: list[str],
    gzipped: bool,
    newline: str,
    data: st.DataObject,
) -> None:
    """A CSV export (pandas' index column or not, the text column anywhere, cells of
    paragraphs with commas and blank lines, gzipped or not) is a table from a pipe as from
    a file, whatever length of its start the pipe's first read gives."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator=newline)
    writer.writerow(([data.draw(st.sampled_from(["", "Unnamed: 0"]))] if index else []) + columns)
    for number, text in enumerate(cells):
        row = {"id": f"r{number}", "text": text, "published": "2024-05-01"}
        writer.writerow(([str(number)] if index else []) + [row[c] for c in columns])
    raw = out.getvalue().encode()
    whole = gzip.compress(raw) if gzipped else raw
    cut = data.draw(st.integers(min(512, len(whole)), len(whole)), label="head")
    assert stream_suffix(whole[:cut]) == (".csv.gz" if gzipped else ".csv"), raw[:cut]


@SETTINGS
@given(
    doc_id=st.text(max_size=30),
    status=st.sampled_from(["ok", "error", "skipped"]),
    text=st.text(min_size=50, max_size=400),
    cap=st.integers(64, 600),
)
def test_an_earlier_output_is_known_by_its_first_line_however_long(
    doc_id: str, status: str, text: str, cap: int
) -> None:
    """An output whose first line (an article of many megabytes) is longer than what is read
    of it is still an output, not a table of rows to pay for again; a table whose rows
    have a ``doc_id`` and a text is never one."""
    from extractor.io import readers

    line = {"doc_id": doc_id, "status": status, "source": "a.txt", "text": text, "records": [],
            "counts": {}, "usage": {}, "error": None}  # fmt: skip
    data = json.dumps(line).encode() + b"\n"
    head = len(json.dumps({"doc_id": doc_id, "status": status}).encode())
    row = json.dumps({"doc_id": doc_id, "text": text}).encode() + b"\n"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(readers, "_RESULT_LINE_CAP", cap)
        if head <= cap:
            assert readers._starts_with_result(io.BytesIO(data), "run1.jsonl")
        assert not readers._starts_with_result(io.BytesIO(row), "rows.jsonl")


def collect_file(data: bytes, name: str) -> list[Item]:
    """The items of ``data`` read from a file called ``name``."""
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / name
        path.write_bytes(data)
        return collect([str(path)])


def collect_piped(data: bytes) -> list[Item]:
    """The items of ``data`` read through a nameless pipe (``/dev/fd/N``, as ``<(...)``)."""
    read_end, write_end = os.pipe()
    writer = threading.Thread(target=_write_and_close, args=(write_end, data), daemon=True)
    writer.start()
    try:
        return collect([f"/dev/fd/{read_end}"])
    finally:
        writer.join(5)
        os.close(read_end)


def _write_and_close(fd: int, data: bytes) -> None:
    try:
        with open(fd, "wb") as pipe:
            pipe.write(data)
    except BrokenPipeError:  # the reader gave up: its failure says why
        pass


@pytest.mark.parametrize("suffix", [".jsonl", ".txt", ""])
@pytest.mark.parametrize("writer", ["none", "slow", "silent"])
def test_a_fifo_on_the_command_line_never_hangs(tmp_path: Path, suffix: str, writer: str) -> None:
    """No writer: one failure naming the FIFO after the wait. A writer that is there but slow:
    waited for, its rows read. A writer that closes without writing: an empty input."""
    fifo = tmp_path / f"feed{suffix}"
    os.mkfifo(fifo)
    payload = json.dumps({"id": "late", "text": ARTICLE}).encode() + b"\n"

    def write() -> None:
        with open(fifo, "wb") as handle:  # blocks until the reader opens it
            if writer == "slow":
                time.sleep(1.0)  # longer than the wait: the writer is there, not yet writing
                handle.write(payload)

    if writer != "none":
        threading.Thread(target=write, daemon=True).start()
    started = time.monotonic()
    items = collect([str(fifo)], stream_wait=0.3)
    assert time.monotonic() - started < 10
    (item,) = items
    if writer == "none":
        assert isinstance(item, InputFailure) and item.doc_id == str(fifo)
        assert "nothing writes to this FIFO" in item.error and "start its writer" in item.error
    elif writer == "slow":
        expected = "late" if suffix != ".txt" else f"{fifo}#{item.text_sha256[:12]}"
        assert isinstance(item, Document) and item.doc_id == expected
    else:
        assert isinstance(item, InputFailure) and item.doc_id == str(fifo)
        assert item.error in ("empty file", "no records in this file")


# ------------------------------------------------- tar hard links and repeated names

link_archives = st.lists(
    st.one_of(
        st.tuples(
            st.just("file"), st.sampled_from(["a.txt", "b.txt", "d/c.txt"]), st.integers(0, 99)
        ),
        st.tuples(st.just("link"), st.sampled_from(["a.txt", "b.txt", "d/c.txt", "gone.txt"])),
    ),
    min_size=1,
    max_size=9,
)


def tar_with_links(
    members: list[tuple[Any, ...]],
) -> tuple[bytes, dict[str, str | None], list[tuple[str, str]]]:
    """A tar of files (names repeat) and hard links; what each link must read (None: nothing),
    and the files as (name, text) in archive order."""
    buffer = io.BytesIO()
    expected: dict[str, str | None] = {}
    files: list[tuple[str, str]] = []
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        for index, member in enumerate(members):
            if member[0] == "file":
                text = f"{ARTICLE} {member[2]}"
                info = tarfile.TarInfo(member[1])
                info.size = len(text.encode())
                archive.addfile(info, io.BytesIO(text.encode()))
                files.append((member[1], text))
                continue
            name, target = f"link-{index}.txt", member[1]
            info = tarfile.TarInfo(name)
            info.type, info.linkname = tarfile.LNKTYPE, target
            archive.addfile(info)
            before = [text for file, text in files if file == target]
            later = [m for m in members[index:] if m[0] == "file" and m[1] == target]
            expected[name] = before[-1] if before else f"{ARTICLE} {later[0][2]}" if later else None
    return buffer.getvalue(), expected, files


@settings(max_examples=60, deadline=None, database=None, derandomize=True)
@given(members=link_archives, how=st.sampled_from(["file", "nested", "stream"]))
def test_tar_hard_links_read_their_target_and_repeated_names_are_all_read(
    members: list[tuple[Any, ...]], how: str
) -> None:
    data, links, files = tar_with_links(members)
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch).resolve()
        if how == "nested":
            outer = folder / "outer.zip"
            with zipfile.ZipFile(outer, "w") as archive:
                archive.writestr("inner.tar.gz", data)
            name, prefix = str(outer), f"{outer}!inner.tar.gz!"
            items = collect([name])
        elif how == "file":
            path = folder / "links.tar.gz"
            path.write_bytes(data)
            prefix = f"{path}!"
            items = collect([str(path)])
        else:
            read_end, write_end = os.pipe()
            threading.Thread(target=_write_and_close, args=(write_end, data), daemon=True).start()
            prefix = "/dev/stdin!"  # a descriptor's number is no name
            try:
                items = collect([f"/dev/fd/{read_end}"])
            finally:
                os.close(read_end)

    def member_id(item: Item) -> str:
        doc_id = item.doc_id.removeprefix(prefix)
        if how == "stream" and isinstance(item, Document):  # keyed by its text as well
            digest = f"#{item.text_sha256[:12]}"
            assert doc_id.endswith(digest), doc_id
            doc_id = doc_id.removesuffix(digest)
        return doc_id

    by_id = {member_id(item): item for item in items}
    assert len(by_id) == len(items) == len(members), "a member vanished or was read twice"
    uses: Counter[str] = Counter()
    for name, text in files:  # every version of a repeated name, in order, under its own id
        uses[name] += 1
        doc_id = name if uses[name] == 1 else f"{name}#{uses[name]}"
        item = by_id[doc_id]
        assert isinstance(item, Document) and item.text == text, (doc_id, item)
        assert (uses[name] > 1) == any("read as" in warning for warning in item.warnings)
    for name, target_text in links.items():
        item = by_id[name]
        if how == "stream":
            assert isinstance(item, InputFailure) and "cannot be read again" in item.error
        elif target_text is None:
            assert isinstance(item, InputFailure) and "hard link to" in item.error
            assert "does not hold" in item.error
        else:
            assert isinstance(item, Document) and item.text == target_text, (name, item)
            assert any(warning.startswith("hard link to") for warning in item.warnings)


def test_repeated_names_in_a_zip_are_all_read(tmp_path: Path) -> None:
    path = tmp_path / "twice.zip"
    with warnings.catch_warnings(), zipfile.ZipFile(path, "w") as archive:
        warnings.simplefilter("ignore")  # zipfile warns of the duplicate name it writes
        for number in range(3):
            archive.writestr("doc.txt", f"{ARTICLE} {number}")
    items = collect([str(path)])
    assert [
        (item.doc_id.removeprefix(f"{path}!"), getattr(item, "text", "")) for item in items
    ] == [
        ("doc.txt", f"{ARTICLE} 0"),
        ("doc.txt#2", f"{ARTICLE} 1"),
        ("doc.txt#3", f"{ARTICLE} 2"),
    ]


@SETTINGS
@given(
    texts=st.lists(st.text(alphabet="abc xyz", min_size=1, max_size=20), min_size=1, max_size=6),
    above=st.lists(st.text(alphabet="klm", min_size=1, max_size=8), max_size=4),
    at=st.integers(0, 6),
)
def test_a_malformed_csv_row_is_keyed_by_its_bytes_not_its_line(
    texts: list[str], above: list[str], at: int
) -> None:
    """A row the CSV reader rejects is one failure naming its line, keyed like any id-less row
    by its content: rows inserted above it move its line number, not its id. (A strict
    dialect makes the reader reject a stray quote; the default one rejects little.)"""
    from extractor.io.formats import RecordFields
    from extractor.io.readers import _csv_rows, _Place, _Tape

    bad = 'x,"broken" quote'

    def ids(rows: list[str]) -> list[tuple[str, str]]:
        lines = ["text", *rows]
        lines.insert(1 + min(at, len(rows)), bad)
        tape = _Tape(io.StringIO("\n".join(lines) + "\n", newline=""))
        reader = csv.reader(tape, strict=True)
        place = _Place("rows.csv", "/data/rows.csv")
        items = list(_csv_rows(reader, "utf-8", place, RecordFields(), tape))
        return [(item.doc_id, type(item).__name__) for item in items]

    before, after = ids(texts), ids([*above, *texts])
    failed = [doc_id for doc_id, kind in before if kind == "InputFailure"]
    assert len(failed) == 1 and ":" not in failed[0], before
    assert failed[0] in {doc_id for doc_id, kind in after if kind == "InputFailure"}


@SETTINGS
@given(
    delimiter=st.sampled_from([",", ";", "\t", "|"]),
    columns=st.permutations(["id", "text", "note"]),
    texts=st.lists(
        st.text(alphabet="ab ,;|\t\"'\n", min_size=1, max_size=30).filter(str.strip),
        min_size=1,
        max_size=5,
    ),
    via_stream=st.booleans(),
)
def test_a_csv_is_read_with_the_delimiter_its_header_is_written_with(
    delimiter: str, columns: list[str], texts: list[str], via_stream: bool
) -> None:
    """A spreadsheet in much of Europe exports ``;``; a ``.tsv`` renamed ``.csv`` uses tabs:
    the header row that names the text column tells the delimiter, from a file or a pipe,
    whatever the cells hold (delimiters and quotes included)."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(columns)
    for n, text in enumerate(texts):
        cells = {"id": f"row-{n}", "text": f"{ARTICLE} {text}", "note": f"x{delimiter}y"}
        writer.writerow([cells[column] for column in columns])
    data = buffer.getvalue().encode()
    items = collect_piped(data) if via_stream else collect_file(data, "rows.csv")
    got = {item.doc_id: getattr(item, "text", None) for item in items}
    assert got == {
        f"row-{n}": Document(doc_id="-", text=f"{ARTICLE} {text}").text
        for n, text in enumerate(texts)
    }


@SETTINGS
@given(
    spellings=st.lists(st.sampled_from(["text", "Text", "TEXT", " text"]), min_size=1,
                       max_size=3),
    kind=st.sampled_from(["csv", "jsonl"]),
    empty=st.one_of(st.none(), st.integers(0, 2)),
)  # fmt: skip
def test_a_field_named_twice_in_any_case_is_said_and_one_rule_picks_it(
    spellings: list[str], kind: str, empty: int | None
) -> None:
    """``text`` and ``Text`` (or ``text`` twice in a header) name one field: every row says
    which is read, the one spelt exactly as the field when there is one such, else the
    last; one that holds nothing (two exports concatenated) gives way to one that holds a
    value; a field named once says nothing."""
    if kind == "jsonl" and len(set(spellings)) < len(spellings):
        return  # a JSON object cannot hold a key twice (json keeps the last: no choice)
    if empty is not None and (empty >= len(spellings) or len(spellings) < 2):
        return
    values = [f"{ARTICLE} {n}" if n != empty else "" for n in range(len(spellings))]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"rows.{kind}"
        if kind == "csv":
            out = io.StringIO()
            csv.writer(out).writerows([["id", *spellings], ["a", *values]])
            path.write_text(out.getvalue(), encoding="utf-8")
        else:
            record = {"id": "a", **dict(zip(spellings, values, strict=True))}
            path.write_text(json.dumps(record) + "\n", encoding="utf-8")
        (item,) = collect([str(path)])
    assert isinstance(item, Document), item
    stripped = [name.strip() for name in spellings] if kind == "csv" else spellings
    if kind == "csv":  # a header naming "text" twice: the row's dict keeps the last
        kept = {name: n for n, name in enumerate(stripped)}
        stripped = [name if kept[name] == n else "" for n, name in enumerate(stripped)]
    named = [n for n, name in enumerate(stripped) if name]
    exact = [n for n in named if stripped[n] == "text"]
    order = exact + [n for n in reversed(named) if n not in exact]
    chosen = next((n for n in order if values[n]), order[0])
    assert item.text == values[chosen]
    said = [w for w in item.warnings if "'text' is named" in w]
    assert len(said) == (len(spellings) > 1), item.warnings


@SETTINGS
@given(
    texts=st.lists(
        st.text(alphabet="abc äöü ñ 日本 жё", min_size=1, max_size=20).filter(str.strip),
        min_size=1,
        max_size=5,
    ),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be",
                              "utf-32", "utf-32-le", "utf-32-be"]),
    newline=st.sampled_from(["\n", "\r\n"]),
    via_stream=st.booleans(),
)  # fmt: skip
def test_a_jsonl_file_in_a_wide_encoding_reads_as_in_utf8(
    texts: list[str], encoding: str, newline: str, via_stream: bool
) -> None:
    """A JSONL file saved as UTF-16 or UTF-32 with its byte-order mark (a Windows editor):
    the same rows as in UTF-8, from a file or a pipe (it gave one error line per half row)."""
    rows = "".join(
        json.dumps({"id": f"r{n}", "text": f"{ARTICLE} {text}"}, ensure_ascii=False) + newline
        for n, text in enumerate(texts)
    )
    bom = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE,
           "utf-32-le": codecs.BOM_UTF32_LE, "utf-32-be": codecs.BOM_UTF32_BE}  # fmt: skip
    data = bom.get(encoding, b"") + rows.encode(encoding)
    items = collect_piped(data) if via_stream else collect_file(data, "rows.jsonl")
    got = {item.doc_id: getattr(item, "text", None) for item in items}
    assert got == {
        f"r{n}": Document(doc_id="-", text=f"{ARTICLE} {text}").text for n, text in enumerate(texts)
    }


# ------------------------------------------------------- JSONL line ends of every kind


@settings(SETTINGS, max_examples=40)
@given(
    texts=st.lists(st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=1,
                           max_size=30).filter(str.strip), min_size=1, max_size=6),
    ends=st.lists(st.sampled_from(["\n", "\r\n", "\r"]), min_size=6, max_size=6),
    spaced=st.booleans(),
    broken=st.integers(-1, 5),
)  # fmt: skip
def test_jsonl_rows_ended_by_cr_lf_or_crlf_are_one_document_each(
    texts: list[str], ends: list[str], spaced: bool, broken: int
) -> None:
    """Rows of a JSONL file exported with classic Mac line ends (a lone CR), or a mix of all
    three, are each a document with its own text and the id the same rows get with LF; a
    JSON object whose blank space holds a CR stays one row."""
    separators = (",\r ", ":") if spaced else (",", ":")  # a CR as blank space between keys
    rows = [json.dumps({"text": text, "lang": "en"}, separators=separators) for text in texts]
    if 0 <= broken < len(rows):
        rows[broken] = rows[broken][:-2]  # a row cut short: its own error, no other row's
    with tempfile.TemporaryDirectory() as tmp:
        mixed, plain = Path(tmp) / "mixed.jsonl", Path(tmp) / "plain.jsonl"
        mixed.write_bytes(
            "".join(row + end for row, end in zip(rows, ends[: len(rows)], strict=True)).encode()
        )
        plain.write_bytes("".join(row + "\n" for row in rows).encode())
        got = list(iter_inputs([str(mixed)]))
        want = list(iter_inputs([str(plain)]))
    assert [type(item) for item in got] == [type(item) for item in want]
    assert [getattr(item, "text", None) for item in got] == [getattr(i, "text", None) for i in want]
    keys = [item.doc_id.rpartition("#")[2] for item in got]
    assert keys == [item.doc_id.rpartition("#")[2] for item in want]


# ------------------------------------------------------- numeric ids in JSONL


@settings(deadline=None, max_examples=80)
@given(
    ids=st.lists(
        st.one_of(
            st.integers(-(10**12), 10**12),
            st.integers(-(10**6), 10**6).map(float),  # 7.0, -0.0 ...
            st.floats(allow_nan=True, allow_infinity=True),
        ),
        min_size=1,
        max_size=6,
    )
)
def test_a_jsonl_number_id_is_the_id_the_python_api_gives_it(ids: list[Any]) -> None:
    """A row's numeric id is what ``Document``/``extract(doc_id=...)`` make of it (7.0 is
    "7"), so a JSONL export and the DataFrame read from it name documents alike; NaN or
    an infinity is no id: the row is keyed by its text, with a warning naming why."""
    import math

    from extractor.pipeline.document import as_doc_id

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "rows.jsonl"
        rows = [
            json.dumps({"id": value, "text": f"text number {n}"}) for n, value in enumerate(ids)
        ]
        path.write_text("\n".join(rows) + "\n", encoding="utf-8")
        items = list(iter_inputs([path]))
    assert len(items) == len(ids)
    taken: set[str] = set()
    for value, item in zip(ids, items, strict=True):
        if isinstance(value, float) and not math.isfinite(value):
            assert isinstance(item, Document) and "#" in item.doc_id
            assert any("NaN or infinite" in w for w in item.warnings)
            continue
        expected = as_doc_id(value)
        if expected in taken:  # a second row under one id: a duplicate, never a merge
            assert isinstance(item, InputFailure) and "duplicate id" in item.error
        else:
            assert item.doc_id == expected
        taken.add(expected)


@settings(deadline=None, max_examples=30)
@given(digits=st.integers(1, 6000).flatmap(
    lambda n: st.from_regex(rf"\A[1-9][0-9]{{{n - 1}}}\Z")))  # fmt: skip
def test_a_jsonl_integer_id_of_any_length_is_its_digits(digits: str) -> None:
    """An integer id is its digits however long (Python refuses to print an int of more
    than 4,300 digits; before, such a row was "not valid JSON" naming a setting of Python)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "rows.jsonl"
        path.write_text(f'{{"id": {digits}, "text": "a text"}}\n', encoding="utf-8")
        (item,) = iter_inputs([path])
    assert isinstance(item, Document) and item.doc_id == digits


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner),
    max_leaves=6,
)


@settings(deadline=None, max_examples=60)
@given(title=json_values)
def test_a_title_is_read_or_said_to_be_ignored(title: Any) -> None:
    """Whatever a row's title holds, the document has it as text (a number as its digits)
    or carries a warning naming the field: a title is never dropped in silence."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "rows.jsonl"
        row = json.dumps({"id": "t", "text": "a text", "title": title})  # NaN: Python's JSON
        path.write_text(row + "\n", encoding="utf-8")
        (item,) = iter_inputs([path])
    assert isinstance(item, Document)
    said = [w for w in item.warnings if "'title'" in w]
    blank = (isinstance(title, str) and not title.split()) or title is None
    assert (item.title is not None) != (bool(said) or blank), (item.title, item.warnings)
    if isinstance(title, int) and not isinstance(title, bool):
        assert item.title == str(title)
    elif isinstance(title, float) and item.title:
        assert float(item.title) == title


@settings(deadline=None, max_examples=30)
@given(names=st.lists(st.from_regex(r"\A[a-zA-Z0-9]{1,4}:[a-z0-9:]{0,4}\.txt\Z"), min_size=1,
                      max_size=4, unique=True))  # fmt: skip
def test_a_colon_in_a_member_name_is_part_of_the_name(names: list[str]) -> None:
    """``e:1.txt`` or ``notes:v2.txt`` in a zip is a name, read as any other (before: refused
    as "absolute or escaping the archive root"); only ``C:/`` and ``C:\\`` are drive paths."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "names.zip"
        with zipfile.ZipFile(path, "w") as archive:
            for n, name in enumerate(names):
                archive.writestr(name, f"text number {n}")
        items = list(iter_inputs([path]))
    assert [type(item) for item in items] == [Document] * len(names), items


@settings(deadline=None, max_examples=20)
@given(texts=st.lists(st.from_regex(r"\A[A-Za-z][A-Za-z ,.]{4,40}\Z"), min_size=1, max_size=4))
def test_a_tsv_file_reads_as_the_same_rows_in_a_csv_file(texts: list[str]) -> None:
    """``.tsv`` is a CSV file with tabs (before: skipped as an unsupported file type)."""
    with tempfile.TemporaryDirectory() as tmp:
        rows = "".join(f"r{n}\t{text}\n" for n, text in enumerate(texts))
        (Path(tmp) / "rows.tsv").write_text("id\ttext\n" + rows, encoding="utf-8")
        (Path(tmp) / "rows.csv").write_text("id\ttext\n" + rows, encoding="utf-8")
        tsv = list(iter_inputs([Path(tmp) / "rows.tsv"]))
        csv_ = list(iter_inputs([Path(tmp) / "rows.csv"]))
    assert all(isinstance(item, Document) for item in tsv), tsv
    assert [(i.doc_id, i.text) for i in tsv] == [(i.doc_id, i.text) for i in csv_]  # type: ignore[union-attr]


@settings(deadline=None, max_examples=25)
@given(
    texts=st.lists(st.from_regex(r"\A[A-Za-z][A-Za-z ,.]{4,40}\Z"), min_size=1, max_size=5),
    kind=st.sampled_from(["jsonl", "csv"]),
    cut=st.integers(0, 400),
)
def test_a_gzipped_file_reads_as_the_file_it_holds(texts: list[str], kind: str, cut: int) -> None:
    """``rows.jsonl.gz`` (a file, or a member of an archive) is ``rows.jsonl`` read as it
    streams (before: "unsupported file type '.gz'"); a truncated one gives the rows before
    the damage and one failure that says so, never an exception and never "unreadable"
    (which would keep an old result)."""
    import gzip as gz

    if kind == "jsonl":
        data = "".join(json.dumps({"id": f"r{n}", "text": t}) + "\n" for n, t in enumerate(texts))
    else:
        data = "id,text\n" + "".join(f'r{n},"{t}"\n' for n, t in enumerate(texts))
    with tempfile.TemporaryDirectory() as tmp:
        plain, packed = Path(tmp) / f"rows.{kind}", Path(tmp) / f"rows.{kind}.gz"
        plain.write_text(data, encoding="utf-8")
        whole = gz.compress(data.encode("utf-8"))
        packed.write_bytes(whole)
        expected = [(i.doc_id, getattr(i, "text", None)) for i in iter_inputs([plain])]
        assert [(i.doc_id, getattr(i, "text", None)) for i in iter_inputs([packed])] == expected
        bundle = Path(tmp) / "bundle.zip"  # a member gzipped alone is read alike
        with zipfile.ZipFile(bundle, "w") as archive:
            archive.writestr(packed.name, whole)
        texts_read = [getattr(i, "text", None) for i in iter_inputs([bundle])]
        assert texts_read == [text for _, text in expected]
        packed.write_bytes(whole[: min(cut, len(whole) - 1)])
        items = list(iter_inputs([packed]))
    documents = [(i.doc_id, i.text) for i in items if isinstance(i, Document)]
    assert documents == [pair for pair in expected if pair in documents]  # a prefix, in order
    failures = [i for i in items if isinstance(i, InputFailure)]
    assert failures and not any(f.unread for f in failures), items


@settings(deadline=None, max_examples=30)
@given(
    texts=st.lists(st.from_regex(r"\A[A-Za-z][A-Za-z ,.]{4,40}\Z"), min_size=1, max_size=4),
    kind=st.sampled_from(["jsonl", "csv", "txt"]),
    encoding=st.sampled_from(["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"]),
)
def test_wide_text_without_a_byte_order_mark_reads_as_utf8_does(
    texts: list[str], kind: str, encoding: str
) -> None:
    """A "Unicode" export without its byte order mark (UTF-16 or UTF-32, zero bytes between
    the letters) reads as the same file in UTF-8 (before: one "not valid JSON" line per
    row and a phantom one, or "binary file")."""
    if kind == "jsonl":
        data = "".join(json.dumps({"id": f"r{n}", "text": t}) + "\n" for n, t in enumerate(texts))
    elif kind == "csv":
        data = "id,text\n" + "".join(f'r{n},"{t}"\n' for n, t in enumerate(texts))
    else:
        data = " ".join(texts) + "\n"
    with tempfile.TemporaryDirectory() as tmp:
        plain, wide = Path(tmp) / f"plain.{kind}", Path(tmp) / f"wide.{kind}"
        plain.write_bytes(data.encode("utf-8"))
        wide.write_bytes(data.encode(encoding))
        expected = [getattr(i, "text", None) for i in iter_inputs([plain])]
        got = list(iter_inputs([wide]))
    assert [getattr(i, "text", None) for i in got] == expected, got
    assert all(isinstance(i, Document) for i in got)


_CASES = st.sampled_from([str.lower, str.upper, str.title, lambda s: f" {s.title()} "])


@SETTINGS
@given(
    spell=st.fixed_dictionaries(
        {field: _CASES for field in ("id", "text", "published", "title", "url")}
    ),
    kind=st.sampled_from(["csv", "jsonl", "rows"]),
)
def test_every_field_is_read_in_any_case(spell: dict[str, Any], kind: str) -> None:
    """``ID,TEXT,URL,TITLE,PUBLISHED``: every field a row may name is read in any case and
    with blanks around it, by bulk's CSV and JSONL readers and the rows integration alike
    (before: a ``URL`` column was dropped without a word, while the others were read)."""
    from extractor.integrations.rows import row_item

    values = {"id": "r1", "text": f"{ARTICLE} one", "published": "2024-01-02",
              "title": "A title", "url": "https://news.example/a"}  # fmt: skip
    row = {spell[field](field): value for field, value in values.items()}
    with tempfile.TemporaryDirectory() as tmp:
        if kind == "rows":
            item = row_item(row)
        else:
            path = Path(tmp) / f"rows.{kind}"
            if kind == "csv":
                out = io.StringIO()
                csv.writer(out).writerows([list(row), list(row.values())])
                path.write_text(out.getvalue(), encoding="utf-8")
            else:
                path.write_text(json.dumps(row) + "\n", encoding="utf-8")
            (item,) = collect([str(path)])
    assert isinstance(item, Document), item
    assert (item.doc_id, item.title, item.url) == ("r1", "A title", "https://news.example/a")
    assert str(item.published) == "2024-01-02" and item.text.endswith("one")
