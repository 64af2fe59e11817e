"""An input named on the command line and also met by walking its folder is one input.

``bulk d d/.notes.txt`` names a hidden file that the walk of ``d`` skips; so
do a link, a dangling link, a FIFO or a subfolder named beside the folder that
holds it. Before, the walk gave such an entry its own line (hidden, a link, a
FIFO: not read) under the same identity as the named unit's: a false
``#duplicate-2``, or a line that flipped between ok and skipped with the order
of the arguments.

Invariant, on generated trees and generated choices and orders of arguments:
every identity appears once, never as a duplicate, with the same outcome in
every order; a named entry is read as named (a hidden file named is read).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor.io import InputFailure, Item, iter_inputs
from extractor.pipeline.document import Document

KINDS = ("plain", "hidden", "link", "dangling", "fifo", "folder", "hidden_folder", "outside")
ARTICLE = "The minister visited the northern province on {n} and met officials there.\n"


@contextmanager
def tree(kinds: list[str]) -> Iterator[tuple[Path, list[Path]]]:
    """A folder ``d`` holding one entry of each kind given (in order), and their paths."""
    with tempfile.TemporaryDirectory() as scratch:
        base = Path(scratch)
        root, outside = base / "d", base / "outside.txt"
        root.mkdir()
        outside.write_text(ARTICLE.format(n="outside"), encoding="utf-8")
        anchor = root / "anchor.txt"  # what links inside the tree point at
        anchor.write_text(ARTICLE.format(n="anchor"), encoding="utf-8")
        entries: list[Path] = []
        for n, kind in enumerate(kinds):
            text = ARTICLE.format(n=n)
            if kind == "plain":
                entry = root / f"p{n}.txt"
                entry.write_text(text, encoding="utf-8")
            elif kind == "hidden":
                entry = root / f".h{n}.txt"
                entry.write_text(text, encoding="utf-8")
            elif kind == "link":
                entry = root / f"l{n}.txt"
                entry.symlink_to("anchor.txt")
            elif kind == "outside":
                entry = root / f"o{n}.txt"
                entry.symlink_to(outside)
            elif kind == "dangling":
                entry = root / f"x{n}.txt"
                entry.symlink_to(f"missing{n}.txt")
            elif kind == "fifo":
                entry = root / f"f{n}.txt"
                os.mkfifo(entry)
            else:
                entry = root / (f"s{n}" if kind == "folder" else f".s{n}")
                entry.mkdir()
                (entry / "in.txt").write_text(text, encoding="utf-8")
                (entry / ".in.txt").write_text(text + "hidden\n", encoding="utf-8")
            entries.append(entry)
        yield root, entries


def outcome(item: Item) -> str:
    if isinstance(item, Document):
        return "document"
    assert isinstance(item, InputFailure)
    return "skipped" if item.skipped else "error"


def read(paths: list[Path]) -> dict[str, str]:
    """Each identity's outcome; asserts each appears once and none as a duplicate."""
    items = list(iter_inputs([str(path) for path in paths], stream_wait=0.05))
    ids = [item.doc_id for item in items]
    assert len(ids) == len(set(ids)), sorted(ids)
    duplicates = [item for item in items if isinstance(item, InputFailure) and item.duplicate]
    assert not duplicates, duplicates
    return {item.doc_id: outcome(item) for item in items}


@settings(
    max_examples=40,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(
    kinds=st.lists(st.sampled_from(KINDS), min_size=1, max_size=5),
    data=st.data(),
)
def test_an_input_named_and_walked_is_one_input_in_every_order(
    kinds: list[str], data: st.DataObject
) -> None:
    with tree(kinds) as (root, entries):
        chosen = data.draw(st.lists(st.sampled_from(entries), min_size=1, unique=True))
        args = [root, *chosen]
        first = read(data.draw(st.permutations(args)))
        again = read(data.draw(st.permutations(args)))
        assert first == again
        for entry in chosen:  # read as named: a named hidden file is a document
            if entry.name.startswith(".h"):
                assert first[str(entry)] == "document", first
            if entry.is_dir():
                assert str(entry / ".in.txt") in first  # its walk, not skipped by the other
