"""Round 38: an on-disk name is never another unit's id, a JSON key given twice is said,
and a link to the run's own output is said to be one.

- A file named ``a.zip!m.txt`` beside ``a.zip`` (which holds ``m.txt``) had that member's
  id and source, so one of the two was lost or took the other's line; so had ``b.txt#2``
  (a second member), ``rows.jsonl:3`` (a row) and ``rows.jsonl#<hash>`` (an id-less row).
  Every name in a path is now escaped as a member's name is (``%21``, ``%23``, ``%3A``,
  ``%25``): every unit gets one item, under an id and a source of its own; a path without
  these marks keeps its id and source (what resumes a run).
- ``{"id": "a", "text": "x", "text": "y"}`` read ``y`` without a word: the document now
  says which key was given twice, on which line, and that its last value is read, as a
  CSV header naming a column twice reads the last.
- A symbolic link in an input folder to the run's output or its ``.lock`` was "outside
  the input folder" or "an alias read in place": it is now the run's own output.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import tempfile
import warnings
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from extractor.bulk.runner import run_bulk
from extractor.io.output import latest_lines
from extractor.io.readers import InputFailure, Item, file_source, iter_inputs
from tests.fakes.kano import kano
from tests.fakes.openai_server import LOOPBACK_ONLY, FakeOpenAI

pytestmark = pytest.mark.block_network(allowed_hosts=LOOPBACK_ONLY)

SETTINGS = settings(
    max_examples=80,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
#: The marks the readers write after an id, and what could read as their escapes.
MARKS = re.compile(r"[!#]|:[0-9]+$|%(?:2[135]|3A)")

# ------------------------------------------------------------------ folder trees


@dataclass
class Tree:
    """A folder the test builds: every unit it holds, each with a text of its own."""

    root: Path
    #: marker text -> how many documents must hold it (each exactly one)
    texts: Counter[str] = field(default_factory=Counter)
    #: units that give a line but no document (a file of no known type)
    others: int = 0
    #: real path -> relative id of each plain document file whose path holds no mark
    plain: dict[str, str] = field(default_factory=dict)
    made: int = 0

    def marker(self) -> str:
        self.made += 1
        return f"Marker{self.made:04d}"

    def article(self, marker: str) -> str:
        return f"The President of France met the Chancellor of Germany. {marker}.\n"

    def text_file(self, path: Path) -> None:
        marker = self.marker()
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(self.article(marker))
        self.texts[marker] += 1
        relative = path.relative_to(self.root).as_posix()
        if not MARKS.search(relative):
            self.plain[os.path.realpath(path)] = relative

    def other_file(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("not read")
        self.others += 1

    def zip_file(self, path: Path, members: list[str]) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        with warnings.catch_warnings():  # a name given twice is what the test wants
            warnings.simplefilter("ignore")
            with zipfile.ZipFile(path, "w") as archive:
                for name in members:
                    marker = self.marker()
                    archive.writestr(name, self.article(marker))
                    self.texts[marker] += 1

    def jsonl_file(self, path: Path, rows: int) -> str:
        """Rows with ids ``r1``... and one without an id; the content key of that one."""
        path.parent.mkdir(parents=True, exist_ok=True)
        lines = []
        for number in range(1, rows + 1):
            marker = self.marker()
            lines.append(json.dumps({"id": f"r{number}-{marker}", "text": self.article(marker)}))
            self.texts[marker] += 1
        marker = self.marker()
        text = self.article(marker)
        lines.append(json.dumps({"text": text}))
        self.texts[marker] += 1
        path.write_text("\n".join(lines) + "\n")
        keyed = [i.source for i in iter_inputs(path) if i.source and "#" in i.source]
        assert len(keyed) == 1
        return keyed[0].rpartition("#")[2]


NAME = st.text(alphabet="ab1!#:%2A35", min_size=1, max_size=6)
FOLDER = st.lists(NAME, min_size=0, max_size=2)


@st.composite
def trees(draw: st.DrawFn) -> list[tuple[str, Any]]:
    """What to build: plain files, folders, archives and files named as their units."""
    plan: list[tuple[str, Any]] = []
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(["text", "other", "zip", "member-twin", "copy-twin",
                                     "row-twin", "escape-twin"]))  # fmt: skip
        plan.append((kind, (draw(FOLDER), draw(NAME), draw(NAME))))
    return plan


def build(root: Path, plan: list[tuple[str, Any]]) -> Tree:
    tree = Tree(root)
    root.mkdir()
    for index, (kind, (folders, name, other)) in enumerate(plan):
        where = root.joinpath(*folders) if folders else root
        stem = f"{name}{index}"  # names differ between entries, marks or not
        if kind == "text":
            tree.text_file(where / f"{stem}.txt")
        elif kind == "other":
            tree.other_file(where / f"{stem}.txt#{other}")
        elif kind == "zip":
            tree.zip_file(where / f"{stem}.zip", [f"{other}.txt", f"{name}!{other}.md"])
        elif kind == "member-twin":  # a.zip holds m.txt and s/x.txt; a.zip!m.txt beside it
            tree.zip_file(where / f"{stem}.zip", [f"{other}.txt", f"{other}/x.txt"])
            tree.text_file(where / f"{stem}.zip!{other}.txt")
            tree.text_file(where / f"{stem}.zip!{other}" / "x.txt")  # a folder's name
        elif kind == "copy-twin":  # c.zip holds d.txt twice; c.zip!d.txt#2 beside it
            tree.zip_file(where / f"{stem}.zip", ["d.txt", "d.txt"])
            tree.other_file(where / f"{stem}.zip!d.txt#2")
            tree.text_file(where / f"{stem}.zip%21d.txt")  # what the member's name escapes to
        elif kind == "row-twin":  # rows.jsonl row 2 has an id, one none; files named as both
            key = tree.jsonl_file(where / f"{stem}.jsonl", 2)
            tree.other_file(where / f"{stem}.jsonl:2")
            tree.other_file(where / f"{stem}.jsonl#{key}")
        else:  # names that hold what a mark escapes to, beside a name holding the mark
            tree.text_file(where / f"{stem}%21{other}.txt")
            tree.text_file(where / f"{stem}!{other}.txt")
            tree.text_file(where / f"{stem}%2521{other}.txt")
    return tree


def check_tree(tree: Tree, items: list[Item]) -> None:
    """One item per unit, every id and source its own, each text in one document."""
    failures = [item for item in items if isinstance(item, InputFailure)]
    assert not [f for f in failures if f.duplicate or not f.skipped], failures
    assert len(failures) == tree.others, failures
    documents = [item for item in items if not isinstance(item, InputFailure)]
    seen = Counter(m for d in documents for m in re.findall(r"Marker\d{4}", d.text))
    assert seen == tree.texts
    assert len(documents) == sum(tree.texts.values())
    ids = Counter(item.doc_id for item in items)
    assert [i for i, n in ids.items() if n > 1] == []
    sources = Counter(item.source for item in items)
    assert [s for s, n in sources.items() if n > 1] == []
    # a path without marks keeps its id and source: earlier outputs resume
    by_source = {item.source: item for item in documents}
    for real, relative in tree.plain.items():
        assert by_source[real].doc_id == relative


@SETTINGS
@given(plan=trees())
@example(plan=[("member-twin", ([], "a", "m"))])
@example(plan=[("copy-twin", (["x!"], "c", "d")), ("row-twin", (["x%21"], "r", "s"))])
def test_no_file_or_folder_name_is_another_units_id(plan: list[tuple[str, Any]]) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        tree = build(Path(scratch) / "in", plan)
        check_tree(tree, list(iter_inputs(tree.root)))
        # the same files named one by one (the member-twin named beside its archive)
        names = sorted(str(p) for p in tree.root.rglob("*") if p.is_file())
        items = list(iter_inputs(names))
        assert len({item.source for item in items}) == len(items)
        assert len({item.doc_id for item in items}) == len(items)


def test_the_reported_folder(tmp_path: Path) -> None:
    """/tmp/h38/mknm.py: ``a.zip`` holding ``m.txt``, and ``a.zip!m.txt`` beside it."""
    text = "The President of France met the Chancellor of Germany in Paris on Monday. "
    with zipfile.ZipFile(tmp_path / "a.zip", "w") as archive:
        archive.writestr("m.txt", text + "MEMBER")
    (tmp_path / "a.zip!m.txt").write_text(text + "PLAIN FILE")
    items = {item.doc_id: item for item in iter_inputs(tmp_path)}
    assert set(items) == {"a.zip!m.txt", "a.zip%21m.txt"}
    assert "MEMBER" in getattr(items["a.zip!m.txt"], "text", "")
    assert "PLAIN FILE" in getattr(items["a.zip%21m.txt"], "text", "")
    assert items["a.zip%21m.txt"].source == f"{tmp_path}/a.zip%21m.txt"


@given(st.lists(st.text(alphabet="ab!#:%0123A5/", max_size=12), min_size=2, max_size=2))
@settings(max_examples=300, deadline=None, database=None)
def test_file_source_is_one_to_one_and_keeps_names_without_marks(paths: list[str]) -> None:
    first, second = paths
    if first != second:
        assert file_source(first) != file_source(second)
    if not any(MARKS.search(name) for name in first.split("/")):
        assert file_source(first) == first
    assert "!" not in file_source(first) and "#" not in file_source(first)


def test_bulk_gives_each_twin_its_line_and_a_rerun_sends_nothing(
    tmp_path: Path, fake: FakeOpenAI
) -> None:
    """Through a bulk run: the member, its twin file and the copy's twin each one line."""
    folder = tmp_path / "in"
    folder.mkdir()
    with zipfile.ZipFile(folder / "a.zip", "w") as archive:
        archive.writestr("m.txt", kano(11))
    (folder / "a.zip!m.txt").write_text(kano(22))
    (folder / "b.txt#2").write_text(kano(33))  # no known type: a skipped line
    (folder / "plain.txt").write_text(kano(44))
    out = tmp_path / "out.jsonl"
    options: dict[str, Any] = {"model": "openai/fake-model", "base_url": fake.base_url,
                               "strategy": "single", "max_retries": 0}  # fmt: skip
    run_bulk([folder], out, **options)
    lines = {line["doc_id"]: line for line in latest_lines(out)}
    assert set(lines) == {"a.zip!m.txt", "a.zip%21m.txt", "b.txt%232", "plain.txt"}
    assert lines["plain.txt"]["source"] == str(folder / "plain.txt")
    figures = {key: line["records"][0]["killed"]["low"] for key, line in lines.items()
               if line["status"] == "ok"}  # fmt: skip
    assert figures == {"a.zip!m.txt": 11, "a.zip%21m.txt": 22, "plain.txt": 44}
    before = out.read_bytes()
    summary = run_bulk([folder], out, **options)
    assert summary.documents == 0 and summary.unchanged == 4
    assert out.read_bytes() == before


# ------------------------------------------------------------------ JSON keys twice

FIELD = st.sampled_from(["id", "text", "title", "published", "url", "topic"])
VALUE = st.text(alphabet="abc xyz", min_size=1, max_size=8)


def _value(key: str, value: str) -> str:
    return f"France met Germany in {value}." if key == "text" else value


@SETTINGS
@given(pairs=st.lists(st.tuples(FIELD, VALUE), min_size=1, max_size=8), blank=st.integers(0, 3))
@example(pairs=[("id", "a"), ("text", "x"), ("text", "y")], blank=0)
def test_a_key_given_twice_in_a_jsonl_object_is_said_and_its_last_value_read(
    pairs: list[tuple[str, str]], blank: int, tmp_path: Path
) -> None:
    pairs = [("text", "first"), *pairs]
    body = ", ".join(f"{json.dumps(k)}: {json.dumps(_value(k, v))}" for k, v in pairs)
    rows = tmp_path / f"rows{blank}-{abs(hash(body))}.jsonl"
    rows.write_text("\n" * blank + "{" + body + "}\n")
    [item] = list(iter_inputs(rows))
    assert not isinstance(item, InputFailure), item
    last = {k: _value(k, v) for k, v in pairs}
    assert item.text == last["text"] + "\n" or item.text == last["text"]
    if "id" in last:
        assert item.doc_id == last["id"].strip() or not last["id"].strip()
    if "topic" in last:
        assert item.meta["fields"]["topic"] == last["topic"]
    counts = Counter(k for k, _ in pairs)
    said = [w for w in item.warnings if "given" in w]
    assert len(said) == sum(1 for n in counts.values() if n > 1)
    for key, n in counts.items():
        if n > 1:
            assert (
                f"line {blank + 1}: key {key!r} is given {n} times in this object; "
                "its last value is read"
            ) in said
    # the rule a CSV header naming a column twice follows: the same text is read
    table = io.StringIO()
    writer = csv.writer(table)
    writer.writerow([k for k, _ in pairs])
    writer.writerow([_value(k, v) for k, v in pairs])
    as_csv = tmp_path / f"{rows.stem}.csv"
    as_csv.write_text(table.getvalue())
    [row] = list(iter_inputs(as_csv))
    assert not isinstance(row, InputFailure) and row.text == item.text


def test_a_nested_key_given_twice_is_no_warning_and_a_failure_says_it(tmp_path: Path) -> None:
    rows = tmp_path / "rows.jsonl"
    rows.write_text(
        '{"id": "n", "text": "France met Germany in Oslo.", "extra": {"a": 1, "a": 2}}\n'
        '{"id": "e", "text": "France met Germany in Rome.", "text": " "}\n'
    )
    first, second = iter_inputs(rows)
    assert not isinstance(first, InputFailure) and first.warnings == ()
    assert isinstance(second, InputFailure)
    assert "is empty" in second.error
    assert "line 2: key 'text' is given 2 times in this object" in second.error


# ------------------------------------------------------------------ own output


def test_a_link_to_the_runs_own_output_or_lock_is_said_to_be_one(tmp_path: Path) -> None:
    folder, elsewhere = tmp_path / "in", tmp_path / "runs#1"
    folder.mkdir()
    elsewhere.mkdir()
    (folder / "a.txt").write_text(kano(5))
    out = elsewhere / "out!2.jsonl"
    out.write_text('{"doc_id": "x", "status": "ok"}\n')
    Path(f"{out}.lock").write_text("")
    inner = folder / "inner.jsonl"
    inner.write_text('{"doc_id": "y", "status": "ok"}\n')
    Path(f"{inner}.lock").write_text("")
    (folder / "to-out.jsonl").symlink_to(out)
    (folder / "to-lock").symlink_to(f"{out}.lock")
    (folder / "to-inner.jsonl").symlink_to(inner)
    (folder / "to-inner-lock.txt").symlink_to(f"{inner}.lock")
    for exclude in ([out, inner], [os.path.relpath(out), os.path.relpath(inner)]):
        items = {item.doc_id: item for item in iter_inputs(folder, exclude=exclude)}
        # the output and its .lock give no line; the links each a skipped one saying so
        assert set(items) == {"a.txt", "to-out.jsonl", "to-lock", "to-inner.jsonl",
                              "to-inner-lock.txt"}  # fmt: skip
        for name in ("to-out.jsonl", "to-lock", "to-inner.jsonl", "to-inner-lock.txt"):
            failure = items[name]
            assert isinstance(failure, InputFailure) and failure.skipped
            assert failure.error.startswith("symbolic link to this run's own output ("), failure


@given(st.lists(st.text(alphabet="ab!#:%1235A/.", min_size=1, max_size=6), min_size=1, max_size=4))
def test_a_source_gives_its_real_path_back(names: list[str]) -> None:
    """``file_path`` undoes ``file_source`` for any path, marks and look-alike escapes too."""
    from extractor.io.readers import file_path

    real = os.sep + os.sep.join(names)
    assert file_path(file_source(real)) == real


def test_view_rereads_an_article_under_a_folder_with_a_mark(tmp_path: Path) -> None:
    """A line without text whose source is escaped (a folder called ``C#``) is found again."""
    from extractor.export.viewer import document_from_line
    from extractor.pipeline.document import Document

    folder = tmp_path / "C#" / "50%21"
    folder.mkdir(parents=True)
    article = folder / "a!b.txt"
    article.write_text("The President met the Chancellor in Paris.", encoding="utf-8")
    source = file_source(str(article))
    assert source != str(article)
    digest = Document(doc_id="-", text=article.read_text(encoding="utf-8")).text_sha256
    line = {"doc_id": "x", "status": "error", "source": source, "text_sha256": digest,
            "records": None, "error": "boom"}  # fmt: skip
    assert document_from_line(line).text == article.read_text(encoding="utf-8")
