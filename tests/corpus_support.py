"""Generated corpora for the tests of the bulk engines that run elsewhere than this process
(worker processes: ``tests/test_bulk_processes.py``; Ray: ``tests/test_ray_engine.py``).

Both check the same invariant over the same kind of corpus: every input identity ends as
exactly one line, the line of its own text (the fake model answers each Kano report with
its own figure, so a line on the wrong document shows).
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import tempfile
import threading
import time
import unicodedata
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from extractor.io.readers import Item, iter_inputs
from tests.fakes.kano import kano


def clean_env() -> dict[str, str]:
    """This environment, now, without the shell's model settings: for a driver process."""
    # read at each call: a Ray cluster started here sets RAY_AUTH_MODE, which a driver needs
    return {k: v for k, v in os.environ.items() if not k.startswith(("EXTRACTOR_", "OPENAI_"))}


def build_corpus(
    root: Path, rng: random.Random, documents: int, *, files: tuple[int, int] = (3, 12),
    big: int = 0,
) -> dict[str, int | None]:  # fmt: skip
    """A folder of ``documents`` input units of every kind; every identity and its figure."""
    # Mostly JSONL rows (with and without dates), .txt files in subfolders (``files``: how
    # many, at least and at most), ids repeated in the JSONL (their copies become
    # ``#duplicate-n`` errors), an empty file (an error) and a picture (skipped). The figure
    # is None for the units that get no records. ``big`` of the rows are long articles (some
    # 300 kB: more than a pipe holds, each way).
    root.mkdir()
    expected: dict[str, int | None] = {"empty.txt": None, "picture.png": None}
    (root / "empty.txt").write_text("")
    (root / "picture.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(64)))
    for n in range(rng.randint(*files)):
        folder = root / f"part{n % 3}"
        folder.mkdir(exist_ok=True)
        number = rng.randint(2, 10_000)
        # one name decomposed, as a Mac writes "café" (the label keeps the spelling)
        name = unicodedata.normalize("NFD", f"café-{n}.txt") if n == 1 else f"{n}.txt"
        (folder / name).write_text(kano(number) + "\nNo group claimed it.\n")
        expected[f"part{n % 3}/{name}"] = number
    rows: list[str] = []
    ids: list[str] = []
    copies: dict[str, int] = {}
    while len(expected) < documents:
        if ids and rng.random() < 0.02:
            repeated = rng.choice(ids)
            copies[repeated] = copies.get(repeated, 1) + 1
            expected[f"{repeated}#duplicate-{copies[repeated]}"] = None
            rows.append(json.dumps({"id": repeated, "text": kano(rng.randint(2, 99))}))
            continue
        doc_id, number = f"row-{len(ids)}-{rng.randrange(10**6)}", rng.randint(2, 10_000)
        text = kano(number)
        if len(ids) < big:
            text += " The market reopened on Monday." * 10_000
        row: dict[str, Any] = {"id": doc_id, "text": text}
        if rng.random() < 0.5:
            row["published"] = date(2024, rng.randint(1, 12), rng.randint(1, 28)).isoformat()
        rows.append(json.dumps(row))
        ids.append(doc_id)
        expected[doc_id] = number
    (root / "rows.jsonl").write_text("\n".join(rows) + "\n")
    return expected


def read_lines(path: Path) -> dict[str, dict[str, Any]]:
    """The output's lines by id; fails unless each is complete JSON and each id appears once."""
    raw = path.read_bytes()
    assert raw.endswith(b"\n"), "the file must end with a complete line"
    lines = [json.loads(line) for line in raw.splitlines()]
    ids = [line["doc_id"] for line in lines]
    repeated = sorted({doc_id for doc_id in ids if ids.count(doc_id) > 1})
    assert not repeated, f"ids written more than once: {repeated[:5]}"
    return {line["doc_id"]: line for line in lines}


def check_lines(
    lines: dict[str, dict[str, Any]], root: Path, expected: dict[str, int | None]
) -> None:
    """Every identity exactly once, each ok line the record of its own text."""
    # a file's id is its real path, a row's its own id: the corpus names both relatively
    prefix = str(root.resolve()) + "/"
    relative = {doc_id.removeprefix(prefix): line for doc_id, line in lines.items()}
    assert set(relative) == set(expected)
    for doc_id, number in expected.items():
        line = relative[doc_id]
        if number is None:
            assert line["status"] in ("error", "skipped"), line
            assert line["records"] == [] and line["error"]["message"]
        else:
            assert line["status"] == "ok", line
            assert [r["killed"]["low"] for r in line["records"]] == [number], line


def timeless(line: dict[str, Any]) -> dict[str, Any]:
    """A line without its timing, the one field two runs of the same document may differ in."""
    return {key: value for key, value in line.items() if key != "seconds"}


@contextlib.contextmanager
def nameless_pipe(data: bytes, pieces: Sequence[int] = ()) -> Iterator[str]:
    """A nameless pipe holding ``data``, as ``<(...)`` gives one: its ``/dev/fd/N`` name,
    written by a thread as a shell would, closed after the block. With ``pieces`` the
    thread writes pieces of those sizes first, pausing between them, so the reader's
    reads come short as a slow producer's do."""
    read_end, write_end = os.pipe()

    def write() -> None:
        try:
            with open(write_end, "wb", buffering=0) as pipe:
                at = 0
                for size in pieces:
                    pipe.write(data[at : at + size])
                    at += size
                    time.sleep(0.001)
                pipe.write(data[at:])
        except BrokenPipeError:  # the reader gave up: its failure says why
            pass

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    try:
        yield f"/dev/fd/{read_end}"
    finally:
        writer.join(10)
        os.close(read_end)


def read_items(data: bytes, *, piped: bool = False, name: str = "rows.csv") -> list[Item]:
    """The items the readers make of ``data``, from a file called ``name`` or a nameless
    pipe (a thread writes it, as a shell would)."""
    if not piped:
        with tempfile.TemporaryDirectory() as scratch:
            path = Path(scratch) / name
            path.write_bytes(data)
            return list(iter_inputs([str(path)]))
    with nameless_pipe(data) as stream:
        return list(iter_inputs([stream], stream_wait=5))
