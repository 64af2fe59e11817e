"""Document identity across reruns (issue #14): one line per input, whatever the spelling.

The invariants (stated in :mod:`extractor.io.readers` and :mod:`extractor.bulk.runner`),
checked over generated folder trees, command spellings and edits between runs, through
:func:`~extractor.bulk.runner.run_bulk` against the in-thread fake OpenAI server:

* every current input has exactly one winning line, for its current text, title and date;
* no line, winning or superseded, describes another article's text;
* nothing already extracted is sent again because the command was spelled differently,
  a folder was moved, rows were inserted, deleted or shuffled;
* a line asked for other types/model/strategy is redone; a server failure is redone by a
  plain rerun, a model failure only by ``--retry-errors``, which never drops a line.
"""

from __future__ import annotations

import csv
import gzip
import itertools
import json
import os
import random
import re
import shutil
import sys
import tempfile
import threading
import unicodedata
import zipfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from extractor.bulk.runner import REDO_FORGOTTEN, BulkSummary, run_bulk
from extractor.cli import app
from extractor.io.output import latest_lines
from extractor.pipeline.document import Document
from tests.fakes.kano import KANO, casualty_responder, kano
from tests.fakes.openai_server import LOOPBACK_ONLY, FakeOpenAI
from tests.test_archive_identity import Capture, write_warc

pytestmark = pytest.mark.block_network(allowed_hosts=LOOPBACK_ONLY)

HYPOTHESIS = settings(
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
CLEAN_ENV: dict[str, str | None] = {
    name: None for name in ("EXTRACTOR_MODEL", "EXTRACTOR_BASE_URL", "EXTRACTOR_API_KEY",
                            "EXTRACTOR_MODE")
}  # fmt: skip
#: Articles that make the fake model answer prose: a model failure, never a server one.
BROKEN = "Lagos"


def responder(body: dict[str, Any]) -> str:
    text = "\n".join(str(m.get("content")) for m in body.get("messages", []))
    return "no JSON here" if BROKEN in text else casualty_responder(body)


@pytest.fixture(scope="module")
def fake() -> Iterator[FakeOpenAI]:
    with FakeOpenAI(responder) as server:
        yield server


def run(server: FakeOpenAI, inputs: list[str], out: Path, **options: Any) -> BulkSummary:
    options = {"model": "openai/fake-model", "base_url": server.base_url,
               "strategy": "single", "max_retries": 0, **options}  # fmt: skip
    return run_bulk(inputs, out, **options)


def run_piped(
    server: FakeOpenAI, data: bytes, out: Path, *, shift: int = 0, opened: list[int] | None = None
) -> BulkSummary:
    """``bulk <(...)``: ``data`` through a pipe named ``/dev/fd/N``; ``shift`` more descriptors
    are held open first, so that N differs from run to run as a shell's does."""
    held = [os.open(os.devnull, os.O_RDONLY) for _ in range(shift)]
    read_end, write_end = os.pipe()
    for fd in held:
        os.close(fd)
    if opened is not None:
        opened.append(read_end)

    def write() -> None:
        with open(write_end, "wb") as handle:
            handle.write(data)

    thread = threading.Thread(target=write, daemon=True)
    thread.start()
    try:
        return run(server, [f"/dev/fd/{read_end}"], out)
    finally:
        thread.join(5)
        os.close(read_end)


def figure(text: str) -> int:
    found = re.search(r"At least (\d+) people", text)
    assert found is not None, text
    return int(found.group(1))


def killed(line: dict[str, Any]) -> list[int]:
    return [record["killed"]["low"] for record in line["records"]]


def all_lines(out: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in out.read_bytes().splitlines() if line.strip()]


def check_output(out: Path, texts: dict[str, str]) -> dict[str, dict[str, Any]]:
    """Every line describes the text it names; every current text (``texts``: source ->
    text) has exactly one winning line, ok, for that text. Returns the winners by source."""
    for line in all_lines(out):
        if line["status"] == "ok" and line["text"] is not None:
            assert killed(line) == [figure(line["text"])], line
            digest = Document(doc_id="-", text=line["text"]).text_sha256
            assert line["text_sha256"] == digest
    winners = list(latest_lines(out))
    by_source = Counter(line["source"] for line in winners)
    owned = {line["source"]: line for line in winners}
    for source, text in texts.items():
        assert by_source[source] == 1, (source, by_source)
        line = owned[source]
        assert line["status"] == "ok" and line["text"] == text, line
    return owned


# ------------------------------------------------------------ command spellings


def spellings(folder: Path, names: list[str], other: Path) -> list[list[str]]:
    """Ways of naming the files of ``folder`` on a command line (``other`` is another folder)."""
    relative = os.path.relpath(folder)
    return [
        [str(folder)],
        [str(folder) + "/"],
        [relative],
        [f"./{relative}/../{folder.name}"],
        [str(folder / "*")],
        [str(folder / name) for name in names],
        [str(folder), str(other)],
        [str(other), str(folder)],
    ]


@settings(HYPOTHESIS, max_examples=8)
@given(
    names=st.lists(
        st.sampled_from(["a.txt", "b.md", "c.txt", "rows.jsonl"]),
        min_size=1,
        max_size=4,
        unique=True,
    ),
    order=st.lists(st.integers(0, 7), min_size=2, max_size=4),
)
def test_the_same_files_are_never_extracted_twice_however_the_command_is_spelt(
    fake: FakeOpenAI, names: list[str], order: list[int]
) -> None:
    """Any sequence of spellings (a folder alone, with a slash, relative, a glob, its files,
    with another folder): after the first run that reads a file, it costs nothing again and
    gets no second winning line."""
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp).resolve()
        folder, other = base / "in", base / "other"
        folder.mkdir()
        other.mkdir()
        texts: dict[str, str] = {}
        for number, name in enumerate(names):
            text = kano(number + 2)
            if name == "rows.jsonl":
                (folder / name).write_text(json.dumps({"text": text}) + "\n")
                key = Document(doc_id="-", text=text).text_sha256[:12]
                texts[f"{folder / name}#{key}"] = text
            else:
                (folder / name).write_text(text)
                texts[str(folder / name)] = text
        (other / "a.txt").write_text(kano(90))  # the same name, another text
        texts[str(other / "a.txt")] = kano(90)
        out = base / "out.jsonl"
        here = os.getcwd()
        os.chdir(base)
        try:
            ways = spellings(folder, names, other)
            sent = Counter[str]()
            for index in order:
                before = len(fake.requests)
                summary = run(fake, ways[index], out)
                assert summary.exit_code == 0
                assert summary.documents == len(fake.requests) - before
                for line in all_lines(out)[len(all_lines(out)) - summary.documents :]:
                    sent[line["source"]] += 1
        finally:
            os.chdir(here)
        assert all(n == 1 for n in sent.values()), sent  # nothing paid for twice
        seen = {s for s in texts if any(s.startswith(str(f)) for f in (folder, other))}
        check_output(out, {s: texts[s] for s in seen if sent[s]})


def test_a_moved_folder_is_no_error(tmp_path: Path, fake: FakeOpenAI) -> None:
    """``bulk d; mv d d2; bulk d2``: the moved files are new sources, extracted, exit 0; the
    old lines are kept and counted as unseen."""
    folder = tmp_path / "d"
    folder.mkdir()
    for n in range(3):
        (folder / f"{n}.txt").write_text(kano(n + 2))
    out = tmp_path / "out.jsonl"
    assert run(fake, [str(folder)], out).exit_code == 0
    moved = tmp_path / "d2"
    shutil.move(folder, moved)
    summary = run(fake, [str(moved)], out)
    assert (summary.exit_code, summary.new, summary.unseen) == (0, 3, 3)
    check_output(out, {str(moved / f"{n}.txt"): kano(n + 2) for n in range(3)})


@settings(HYPOTHESIS, max_examples=8)
@given(
    count=st.integers(1, 4),
    blank_lines=st.integers(0, 2),
    gzipped=st.booleans(),
    suffix=st.sampled_from([".jsonl", ".txt", ".md", ".html"]),
)
def test_an_earlier_output_in_the_input_folder_is_not_read_as_articles(
    fake: FakeOpenAI, count: int, blank_lines: int, gzipped: bool, suffix: str
) -> None:
    """``bulk in -o in/run1.jsonl`` then ``bulk in -o in/run2.jsonl``: run 1's output (even
    one whose only line lost its newline, or kept gzipped, or saved under an article's
    suffix, ``run1.txt``) is a skipped line in run 2, not ``count`` more articles (nor one
    article of JSON); a JSONL one named on the command line is read, its texts extracted
    again."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp).resolve() / "in"
        folder.mkdir()
        for n in range(count):
            (folder / f"{n}.txt").write_text(kano(n + 60))
        first, second = folder / "run1.jsonl", folder / "run2.jsonl"
        assert run(fake, [str(folder)], first).new == count
        first = first.rename(first.with_suffix(suffix))
        first.write_bytes(b"\n" * blank_lines + first.read_bytes()[: -1 if count == 1 else None])
        if gzipped:
            packed = first.with_name(f"run1{suffix}.gz")
            packed.write_bytes(gzip.compress(first.read_bytes()))
            first.unlink()
            first = packed
        before = len(fake.requests)
        summary = run(fake, [str(folder)], second)
        assert len(fake.requests) - before == count  # the articles, not run 1's lines
        lines = {line["source"]: line for line in latest_lines(second)}
        assert lines[str(first)]["status"] == "skipped"
        assert "extractor output" in lines[str(first)]["error"]["message"]
        assert summary.new == count + 1
        if suffix == ".jsonl":
            again = Path(tmp) / "again.jsonl"
            assert run(fake, [str(first)], again).new == count  # named: its texts are read


@pytest.mark.parametrize("name", ["a.txt", "z.txt"])  # read before / after rows.jsonl
@pytest.mark.parametrize("runs", ["one", "file then rows", "rows then file"])
def test_an_explicit_id_equal_to_a_files_label_is_another_document(
    tmp_path: Path, fake: FakeOpenAI, name: str, runs: str
) -> None:
    """A row whose id column says ``z.txt`` beside (or after) a file labelled ``z.txt``: two
    documents, both extracted, neither replacing the other, in one run or two, whichever
    is read first; rerunning sends nothing."""
    folder = tmp_path / "docs"
    folder.mkdir()
    other = tmp_path / "other"
    other.mkdir()
    (folder / name).write_text(kano(71))
    rows_home = folder if runs == "one" else other
    rows = rows_home / "rows.jsonl"
    rows.write_text(json.dumps({"id": name, "text": kano(72)}) + "\n")
    out = tmp_path / "out.jsonl"
    commands = {"one": [[folder]], "file then rows": [[folder], [rows]],
                "rows then file": [[rows], [folder]]}[runs]  # fmt: skip
    for inputs in commands:
        assert run(fake, [str(p) for p in inputs], out).exit_code == 0
    winners = list(latest_lines(out))
    assert sorted(line["text"] for line in winners) == [kano(71), kano(72)]
    assert all(line["status"] == "ok" for line in winners)
    before = len(fake.requests)
    for inputs in commands:
        run(fake, [str(p) for p in inputs], out)
    assert len(fake.requests) == before  # nothing paid twice
    assert sorted(line["text"] for line in latest_lines(out)) == [kano(71), kano(72)]


@pytest.mark.parametrize("nested", [False, True])
def test_a_container_that_could_not_be_read_and_now_can_leaves_no_stale_error(
    tmp_path: Path, fake: FakeOpenAI, nested: bool
) -> None:
    """A damaged zip gets an error line; mended, its members are extracted and its error
    line is superseded by a ``skipped`` line saying so (it stayed an error for ever, beside
    its own members); a third run sends nothing."""
    import io
    import zipfile

    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    archive = folder / "sub" / "a.zip" if nested else folder / "a.zip"
    archive.write_bytes(b"PK\x03\x04 not really a zip")
    out = tmp_path / "out.jsonl"
    run(fake, [str(folder)], out)
    [broken] = [line for line in latest_lines(out) if line["source"] == str(archive)]
    assert broken["status"] == "error"

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zipped:
        for n in range(2):
            zipped.writestr(f"m{n}.txt", kano(80 + n))
    archive.write_bytes(buffer.getvalue())
    run(fake, [str(folder)], out)
    winners = {line["source"]: line for line in latest_lines(out)}
    assert winners[str(archive)]["status"] == "skipped"
    assert "read now" in winners[str(archive)]["error"]["message"]
    assert sorted(w["text"] for w in winners.values() if w["status"] == "ok") == [
        kano(80),
        kano(81),
    ]
    before = len(fake.requests)
    third = run(fake, [str(folder)], out)
    assert len(fake.requests) == before and third.new == 0 and third.unseen == 0


# ---------------------------------------------------------------- id-less rows


rows_history = st.lists(
    st.one_of(
        st.tuples(st.just("insert"), st.integers(0, 9), st.integers(2, 30)),
        st.tuples(st.just("delete"), st.integers(0, 9)),
        st.tuples(st.just("edit"), st.integers(0, 9), st.integers(2, 30)),
        st.tuples(st.just("shuffle"), st.integers(0, 2**16)),
        st.tuples(st.just("run")),
    ),
    min_size=1,
    max_size=6,
)


@settings(HYPOTHESIS, max_examples=10)
@given(start=st.lists(st.integers(2, 30), min_size=1, max_size=5), history=rows_history)
def test_rows_without_ids_keep_their_results_through_inserts_deletes_and_shuffles(
    fake: FakeOpenAI, start: list[int], history: list[tuple[Any, ...]]
) -> None:
    """A JSONL without ids, changed between runs: no result ever moves to another article,
    a row already extracted is never sent again (identical rows are counted as copies), and
    each current row has one winning line."""
    with tempfile.TemporaryDirectory() as tmp:
        rows_file = Path(tmp) / "rows.jsonl"
        out = Path(tmp) / "out.jsonl"
        rows = list(start)
        extracted: Counter[int] = Counter()  # figure -> copies extracted so far (most ever)

        def write_and_run() -> None:
            if not rows:  # an empty file is one error line: nothing to check here
                return
            rows_file.write_text("".join(json.dumps({"text": kano(n)}) + "\n" for n in rows))
            before = len(fake.requests)
            summary = run(fake, [str(rows_file)], out, concurrency=2)
            assert summary.exit_code == 0
            sent = [figure(str(r["messages"])) for r in fake.requests[before:]]
            copies = Counter(rows)
            for number, n in Counter(sent).items():  # only copies never extracted before
                assert n <= copies[number] - extracted[number], (number, sent, extracted)
            for number, n in copies.items():
                extracted[number] = max(extracted[number], n)

        for operation in [*history, ("run",)]:
            kind = operation[0]
            if kind == "insert":
                rows.insert(operation[1] % (len(rows) + 1), operation[2])
            elif kind == "delete" and rows:
                rows.pop(operation[1] % len(rows))
            elif kind == "edit" and rows:
                rows[operation[1] % len(rows)] = operation[2]
            elif kind == "shuffle":
                random.Random(operation[1]).shuffle(rows)
            else:
                write_and_run()
        if not out.exists():  # every run met an empty file
            return
        for line in all_lines(out):
            assert killed(line) == [figure(line["text"])], line
        winners = list(latest_lines(out))
        current = Counter(kano(n) for n in rows)
        have = Counter(
            line["text"] for line in winners if line["source"].startswith(str(rows_file))
        )
        assert all(have[text] >= n for text, n in current.items())


def test_two_different_streams_never_replace_each_other(tmp_path: Path, fake: FakeOpenAI) -> None:
    """``... | bulk -``: a pipe's name says nothing; two batches piped one after the other
    both keep their lines, and piping the first again costs nothing, though the shell gives
    the pipe another descriptor (``/dev/fd/63`` one run, ``/dev/fd/62`` the next)."""
    out = tmp_path / "out.jsonl"
    descriptors: list[int] = []

    def pipe(numbers: list[int]) -> BulkSummary:
        data = "".join(json.dumps({"text": kano(n)}) + "\n" for n in numbers).encode()
        return run_piped(fake, data, out, shift=len(descriptors), opened=descriptors)

    assert pipe([11]).new == 1
    assert pipe([22]).new == 1
    before = len(fake.requests)
    again = pipe([11])
    assert (again.new, again.unchanged, len(fake.requests)) == (0, 1, before)
    texts = sorted(line["text"] for line in latest_lines(out))
    assert texts == sorted([kano(11), kano(22)])
    assert len(set(descriptors)) > 1


@settings(
    max_examples=4, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    numbers=st.lists(st.integers(2, 9999), min_size=1, max_size=4, unique=True), rows=st.booleans()
)
def test_one_stream_is_one_name_whether_piped_to_dash_or_through_a_descriptor(
    tmp_path_factory: pytest.TempPathFactory, fake: FakeOpenAI, numbers: list[int], rows: bool
) -> None:
    """``... | bulk -`` one day, ``bulk <(...)`` the next: the same text, the same ids, so
    the second run sends nothing (stdin and a numbered descriptor are both ``/dev/stdin``)."""
    import subprocess

    out = tmp_path_factory.mktemp("dash") / "out.jsonl"
    if rows:
        data = "".join(json.dumps({"text": kano(n)}) + "\n" for n in numbers).encode()
    else:
        data, numbers = kano(numbers[0]).encode(), numbers[:1]
    env = {k: v for k, v in os.environ.items() if not k.startswith(("EXTRACTOR_", "OPENAI_"))}
    command = [sys.executable, "-m", "extractor", "bulk", "-", "-o", str(out), "--model",
               "openai/fake-model", "--base-url", fake.base_url, "--strategy", "single",
               "--progress", "none"]  # fmt: skip
    first = subprocess.run(command, input=data, capture_output=True, env=env, timeout=120)
    assert first.returncode == 0, first.stderr.decode()
    before = len(fake.requests)
    again = run_piped(fake, data, out, shift=3)
    assert (again.new, again.unchanged, len(fake.requests)) == (0, len(numbers), before)
    assert {line["doc_id"].partition("#")[0] for line in latest_lines(out)} == {"/dev/stdin"}


def test_two_archives_piped_with_the_same_member_names_are_different_documents(
    tmp_path: Path, fake: FakeOpenAI
) -> None:
    """``tar c d | bulk -`` twice, different articles under the same member names: a
    stream's member is keyed by its text too, so neither run replaces the other's lines,
    and piping the first archive again sends nothing."""
    import io
    import tarfile

    out = tmp_path / "out.jsonl"

    def archive(numbers: list[int]) -> bytes:
        buffer = io.BytesIO()
        with tarfile.open(fileobj=buffer, mode="w") as tar:
            for index, n in enumerate(numbers):
                data = kano(n).encode()
                info = tarfile.TarInfo(f"d/{index}.txt")
                info.size = len(data)
                tar.addfile(info, io.BytesIO(data))
        return buffer.getvalue()

    def pipe(data: bytes) -> BulkSummary:
        return run_piped(fake, data, out)

    first, second = archive([31, 32]), archive([41, 42])
    assert pipe(first).new == 2
    assert pipe(second).new == 2
    before = len(fake.requests)
    again = pipe(first)
    assert (again.new, again.changed, again.unchanged) == (0, 0, 2)
    assert len(fake.requests) == before
    texts = sorted(line["text"] for line in latest_lines(out))
    assert texts == sorted(kano(n) for n in (31, 32, 41, 42))


# ------------------------------------------------------------- what was asked


@settings(HYPOTHESIS, max_examples=6)
@given(
    edits=st.lists(
        st.sampled_from(["published", "title", "body", "nothing"]), min_size=1, max_size=3
    )
)
def test_an_edit_of_the_date_or_title_is_a_change(fake: FakeOpenAI, edits: list[str]) -> None:
    """Front matter ``published``/``title`` and JSONL fields change the result: an edit of any
    of them is extracted again; no edit costs nothing."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        out = Path(tmp) / "out.jsonl"
        state = {"published": 1, "title": 1, "body": 5}

        def write() -> None:
            day, title, body = state["published"], state["title"], state["body"]
            (folder / "a.md").write_text(
                f"---\ntitle: T{title}\ndate: 2024-01-{day:02d}\n---\n{kano(body)}\n"
            )
            record = {"id": "r", "text": kano(body), "title": f"T{title}",
                      "published": f"2024-02-{day:02d}"}  # fmt: skip
            (folder / "rows.jsonl").write_text(json.dumps(record) + "\n")

        write()
        assert run(fake, [str(folder)], out).new == 2
        for edit in edits:
            if edit != "nothing":
                state[edit] += 1
            write()
            summary = run(fake, [str(folder)], out)
            assert summary.changed == (0 if edit == "nothing" else 2), edit
            assert summary.unchanged == (2 if edit == "nothing" else 0)
        for line in latest_lines(out):
            assert line["title"] == f"T{state['title']}"
            assert line["published"].endswith(f"-{state['published']:02d}")


@settings(HYPOTHESIS, max_examples=6)
@given(spellings=st.lists(st.sampled_from(["fake-model", "openai/fake-model", "fake-model ",
                                           " openai/fake-model\t"]), min_size=2, max_size=4))  # fmt: skip
def test_two_spellings_of_one_model_ask_the_same(fake: FakeOpenAI, spellings: list[str]) -> None:
    """``fake-model`` and ``openai/fake-model`` send the same requests: switching between
    them redoes nothing (before: every document was paid for again); so do blanks pasted
    around the name, as the variable is read."""
    with tempfile.TemporaryDirectory() as tmp:
        article = Path(tmp) / "a.txt"
        article.write_text(kano(7))
        out = Path(tmp) / "out.jsonl"
        before = len(fake.requests)
        for model in spellings:
            run(fake, [str(article)], out, model=model)
        assert len(fake.requests) - before == 1
        another = run(fake, [str(article)], out, model="openai/other-model")
        assert another.redone == {"asked differently: other --model": 1}


@settings(HYPOTHESIS, max_examples=5)
@given(count=st.integers(1, 4), other=st.booleans())
def test_the_output_piped_back_in_is_not_read_again(
    fake: FakeOpenAI, count: int, other: bool
) -> None:
    """``cat out.jsonl | bulk - -o out.jsonl``: the pipe starts as the run's own output, so
    it is one skipped line, and nothing is paid for again (before: every text re-extracted);
    another run's output piped in is read, as a file named on the command line is."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        for n in range(count):
            (folder / f"{n}.txt").write_text(kano(n + 30))
        out, elsewhere = Path(tmp) / "out.jsonl", Path(tmp) / "other.jsonl"
        run(fake, [str(folder)], out)
        run(fake, [str(folder / "0.txt")], elsewhere)
        before = len(fake.requests)
        piped = run_piped(fake, (elsewhere if other else out).read_bytes(), out)
        if other:
            assert piped.new == 1 and len(fake.requests) == before + 1
        else:
            assert (piped.new, piped.not_read, len(fake.requests)) == (1, 1, before)


def test_other_types_model_or_strategy_are_redone(tmp_path: Path, fake: FakeOpenAI) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(2):
        (folder / f"{n}.txt").write_text(kano(n + 2))
    out = tmp_path / "out.jsonl"
    assert run(fake, [str(folder)], out, types=["visit"]).new == 2
    asked = run(fake, [str(folder)], out, types=["casualty_report"])
    assert (asked.changed, asked.redone["asked differently: other --types"]) == (0, 2)
    assert "0 changed (extracted again), 2 redone: asked differently: other --types" in (
        asked.render()
    )
    assert run(fake, [str(folder)], out, types=["casualty_report"]).unchanged == 2
    both = run(fake, [str(folder)], out, types=["visit", "casualty_report"])
    assert sum(both.redone.values()) == 2  # visit was asked for, but not on these lines
    assert run(fake, [str(folder)], out, types=["casualty_report"]).unchanged == 2  # covered
    assert sum(run(fake, [str(folder)], out, strategy="per-type").redone.values()) == 2
    assert run(fake, [str(folder)], out, strategy="per-type").unchanged == 2
    for line in latest_lines(out):
        assert line["strategy"] == "per-type" and line["types"]
    # second looks are a way of asking: turned on, the lines are asked again, and say so
    looked = run(fake, [str(folder)], out, strategy="per-type", second_look=True)
    assert sum(looked.redone.values()) == 2
    assert run(fake, [str(folder)], out, strategy="per-type", second_look=True).unchanged == 2
    for line in latest_lines(out):
        assert line["strategy"] == "per-type+second-look"


# ---------------------------------------------------------------- error lines


@settings(HYPOTHESIS, max_examples=5)
@given(
    kinds=st.lists(st.sampled_from(["ok", "broken", "empty"]), min_size=2, max_size=5),
    subset=st.integers(1, 2**5),
    limit=st.none() | st.integers(1, 4),
)
def test_retry_errors_never_drops_a_line_it_does_not_redo(
    fake: FakeOpenAI, kinds: list[str], subset: int, limit: int | None
) -> None:
    """Error lines of inputs not in this run, or past ``--limit``, stay; those redone are
    superseded. A model failure stays through a plain rerun."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        files = []
        for number, kind in enumerate(kinds):
            path = folder / f"{number}.txt"
            text = {"ok": kano(number + 2), "broken": f"{BROKEN} {number}", "empty": ""}[kind]
            path.write_text(text)
            files.append(str(path))
        out = Path(tmp) / "out.jsonl"
        first = run(fake, files, out)
        errors = {line["source"] for line in latest_lines(out) if line["status"] == "error"}
        for line in latest_lines(out):  # the model's failures and the inputs', no server's
            assert line["error"] is None or line["error"]["kind"] in ("model", "input"), line
        assert len(errors) == first.errors
        before = len(fake.requests)
        assert run(fake, files, out).documents == 0  # model and input errors stay
        assert len(fake.requests) == before
        chosen = [f for i, f in enumerate(files) if subset >> i & 1] or files[:1]
        command = ["bulk", *chosen, "-o", str(out), "--model", "openai/fake-model",
                   "--base-url", fake.base_url, "--strategy", "single", "--progress", "none",
                   "--retry-errors", "--max-retries", "0"]  # fmt: skip
        if limit is not None:
            command += ["--limit", str(limit)]
        result = CliRunner().invoke(app, command, env=CLEAN_ENV)
        assert result.exit_code in (0, 1), result.stderr
        winners = {line["source"]: line for line in latest_lines(out)}
        assert set(winners) == set(files)  # every input still has its line
        redo = [f for f in chosen if f in errors][: limit if limit is not None else None]
        for source in errors - set(redo):
            assert winners[source]["status"] == "error"  # kept, not redone


def test_extract_then_bulk_is_one_document(tmp_path: Path, fake: FakeOpenAI) -> None:
    """``extract a.txt -f jsonl >> out`` then ``bulk dir -o out``: the extract line records
    the real path, so bulk finds it done; no collision, nothing sent again."""
    folder = tmp_path / "d"
    folder.mkdir()
    (folder / "a1.txt").write_text(kano(7))
    out = tmp_path / "out.jsonl"
    here = os.getcwd()
    os.chdir(folder)
    try:
        result = CliRunner().invoke(
            app,
            [
                "extract",
                "a1.txt",
                "-f",
                "jsonl",
                "--model",
                "openai/fake-model",
                "--base-url",
                fake.base_url,
                "--strategy",
                "single",
            ],
            env=CLEAN_ENV,
        )
    finally:
        os.chdir(here)
    assert result.exit_code == 0, result.stderr
    line = json.loads(result.stdout)
    assert line["source"] == str(folder / "a1.txt")
    out.write_text(result.stdout)
    before = len(fake.requests)
    summary = run(fake, [str(folder)], out)
    assert (summary.exit_code, summary.unchanged, summary.new) == (0, 1, 0)
    assert len(fake.requests) == before
    assert KANO.pattern  # the fake model's article family is what was extracted


@settings(HYPOTHESIS, max_examples=6)
@given(
    numbers=st.lists(st.integers(2, 9999), min_size=2, max_size=3, unique=True),
    shape=st.sampled_from(["{}", "---\ntitle: T\n---\n{}", "<html><body><p>{}</p></body></html>"]),
    again=st.integers(0, 2),
)
def test_texts_piped_to_extract_are_lines_of_their_own_that_bulk_finds(
    tmp_path_factory: pytest.TempPathFactory, fake: FakeOpenAI, numbers: list[int], shape: str,
    again: int,
) -> None:  # fmt: skip
    """``... | extract - -f jsonl >> out.jsonl`` named every piped text ``stdin``: a second
    text replaced the first in flatten and view, and ``bulk -`` paid for it again. Each
    piped text is keyed by its text under the stream's name, as bulk keys it."""
    out = tmp_path_factory.mktemp("piped") / "out.jsonl"
    texts = [shape.format(kano(n)) for n in numbers]
    command = ["extract", "-", "-f", "jsonl", "--model", "openai/fake-model", "--base-url",
               fake.base_url, "--strategy", "single"]  # fmt: skip
    for text in texts:
        result = CliRunner().invoke(app, command, env=CLEAN_ENV, input=text)
        assert result.exit_code == 0, result.stderr
        with out.open("a") as handle:
            handle.write(result.stdout)
    winners = {line["doc_id"]: line for line in latest_lines(out)}
    assert len(winners) == len(texts)  # one line each: none replaces another
    before = len(fake.requests)
    summary = run_piped(fake, texts[again % len(texts)].encode(), out, shift=2)
    assert (summary.new, summary.unchanged, len(fake.requests)) == (0, 1, before)


@settings(HYPOTHESIS, max_examples=6)
@given(spellings=st.lists(st.sampled_from(["plain", "dot", "absolute", "up", "symlink"]),
                          min_size=2, max_size=3))  # fmt: skip
def test_extract_keys_a_files_records_as_bulk_does_however_it_is_spelt(
    tmp_path_factory: pytest.TempPathFactory, fake: FakeOpenAI, spellings: list[str]
) -> None:
    """``extract art.txt -f jsonl`` gave the line the real path but its records the path as
    typed: events named a document the documents table did not hold, and each spelling
    gave other record ids. A file's records carry its real path, and the ids bulk gives."""
    root = tmp_path_factory.mktemp("spelt")
    folder = root / "d"
    folder.mkdir()
    article = folder / "a1.txt"
    article.write_text(kano(17))
    (root / "link.txt").symlink_to(article)
    spelt = {"plain": "a1.txt", "dot": "./a1.txt", "absolute": str(article),
             "up": "../d/a1.txt", "symlink": "../link.txt"}  # fmt: skip
    here = os.getcwd()
    os.chdir(folder)
    try:
        lines = []
        for spelling in spellings:
            result = CliRunner().invoke(
                app, ["extract", spelt[spelling], "-f", "jsonl", "--model", "openai/fake-model",
                      "--base-url", fake.base_url, "--strategy", "single"], env=CLEAN_ENV,
            )  # fmt: skip
            assert result.exit_code == 0, result.stderr
            lines.append(json.loads(result.stdout))
    finally:
        os.chdir(here)
    out = root / "bulk.jsonl"
    run(fake, [str(article)], out)
    [bulk_line] = latest_lines(out)
    for line in lines:
        assert line["doc_id"] == str(article.resolve())
        assert [(r["doc_id"], r["id"]) for r in line["records"]] == [
            (r["doc_id"], r["id"]) for r in bulk_line["records"]
        ]
        assert all(r["doc_id"] == line["doc_id"] for r in line["records"])


@settings(HYPOTHESIS, max_examples=5)
@given(rows=st.lists(st.integers(2, 6), min_size=1, max_size=5), new=st.integers(7, 9))
def test_lines_keyed_by_line_number_are_found_again(
    fake: FakeOpenAI, rows: list[int], new: int
) -> None:
    """An output written when id-less rows were ``rows.jsonl:<line>``: its rows are found
    again by file and text, so the upgrade sends nothing; a row inserted later costs one."""
    with tempfile.TemporaryDirectory() as tmp:
        rows_file = Path(tmp).resolve() / "rows.jsonl"
        out = Path(tmp) / "out.jsonl"
        rows_file.write_text("".join(json.dumps({"text": kano(n)}) + "\n" for n in rows))
        assert run(fake, [str(rows_file)], out).new == len(rows)
        old_ids: dict[str, int] = {}  # today's id -> its line number
        copies: Counter[str] = Counter()
        for number, figure_ in enumerate(rows, start=1):
            key = Document(doc_id="-", text=kano(figure_)).text_sha256[:12]
            copies[key] += 1
            suffix = key if copies[key] == 1 else f"{key}#{copies[key]}"
            old_ids[f"{rows_file}#{suffix}"] = number
        lines = []
        for line in all_lines(out):  # as the old version wrote them
            number = old_ids[line["doc_id"]]
            line.update(doc_id=f"{rows_file}:{number}", source=f"{rows_file}:{number}")
            for key in ("input_sha256", "types"):
                line.pop(key)
            lines.append(json.dumps(line) + "\n")
        out.write_text("".join(lines))
        before = len(fake.requests)
        again = run(fake, [str(rows_file)], out)
        assert (again.new, again.unchanged, len(fake.requests)) == (0, len(rows), before)
        rows_file.write_text("".join(json.dumps({"text": kano(n)}) + "\n" for n in [new, *rows]))
        inserted = run(fake, [str(rows_file)], out)
        assert (inserted.new, inserted.unchanged, len(fake.requests)) == (1, len(rows), before + 1)
        check_output(out, {})


def test_a_damaged_tar_rerun_writes_nothing_new(tmp_path: Path, fake: FakeOpenAI) -> None:
    """A tar damaged in its middle: the first run reads what it can and writes one damage
    line; an unchanged rerun sends and writes nothing (its damage line kept its own id, never
    a duplicate)."""
    import io
    import tarfile

    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w") as tar:
        for n in range(3):
            data = kano(90 + n).encode()
            info = tarfile.TarInfo(f"m{n}.txt")
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    raw = bytearray(buffer.getvalue())
    raw[1024 : 1024 + 64] = b"\\xff" * 64  # the second member's header
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "bad.tar").write_bytes(bytes(raw))
    out = tmp_path / "out.jsonl"
    run(fake, [str(folder)], out)
    first = out.read_bytes()
    assert any(line["status"] == "error" for line in latest_lines(out))
    for _ in range(2):
        before = len(fake.requests)
        again = run(fake, [str(folder)], out)
        assert len(fake.requests) == before and again.new == again.changed == 0
        assert out.read_bytes() == first
    assert not any("#duplicate" in line["doc_id"] for line in latest_lines(out))


# ------------------------------------- one id in several files, runs in any order


def write_exports(folder: Path, rows: list[list[tuple[str, int]]], kind: str) -> list[str]:
    """One JSONL or CSV export per list of (id, figure) rows, ``export-<n>.<kind>``."""
    paths = []
    for index, content in enumerate(rows):
        path = folder / f"export-{index}.{kind}"
        if kind == "jsonl":
            path.write_text("".join(json.dumps({"id": i, "text": kano(n)}) + "\n"
                                    for i, n in content))  # fmt: skip
        else:
            path.write_text("id,text\n" + "".join(f'{i},"{kano(n)}"\n' for i, n in content))
        paths.append(str(path))
    return paths


exports = st.lists(
    st.lists(st.sampled_from(["1", "2", "3"]), min_size=1, max_size=3, unique=True),
    min_size=2, max_size=3,
)  # fmt: skip


@settings(HYPOTHESIS, max_examples=12)
@given(files=exports, data=st.data(), kind=st.sampled_from(["jsonl", "csv", "warc.gz"]))
def test_one_id_in_several_files_is_one_document_each_whatever_runs_read_them(
    fake: FakeOpenAI, files: list[list[str]], data: st.DataObject, kind: str
) -> None:
    """Monthly exports numbered from 1 (``jan.csv`` and ``feb.csv`` both have row ``1``):
    each row is a document, extracted once, whether the files come in one run, in separate
    runs, or both, in any order. Before, a later run's row replaced the earlier file's
    result, and a run given both then paid for both again."""
    numbers = iter(range(100, 10_000))
    rows = [[(doc_id, next(numbers)) for doc_id in ids] for ids in files]
    with tempfile.TemporaryDirectory() as tmp:
        if kind == "warc.gz":  # one URI in several crawls
            paths = []
            for index, content in enumerate(rows):
                path = Path(tmp) / f"export-{index}.{kind}"
                captures = [Capture(f"https://e.org/{i}", "2024-02-03T00:00:00Z", n)
                            for i, n in content]  # fmt: skip
                write_warc(path, captures, gz=True)
                paths.append(str(path))
        else:
            paths = write_exports(Path(tmp), rows, kind)
        out = Path(tmp) / "out.jsonl"
        runs = data.draw(st.lists(st.permutations(paths).flatmap(
            lambda order: st.integers(1, len(order)).map(lambda k: order[:k])),
            min_size=1, max_size=3))  # fmt: skip
        runs.append(data.draw(st.permutations(paths)))  # at last, every file
        before = len(fake.requests)
        for given in runs:
            run(fake, list(given), out)
        total = sum(len(content) for content in rows)
        assert len(fake.requests) - before == total  # every row paid for once
        current = [line for line in latest_lines(out) if line["status"] == "ok"]
        figures = Counter(figure(line["text"]) for line in current)
        assert figures == Counter(n for content in rows for _, n in content)
        for line in current:
            assert killed(line) == [figure(line["text"])]
        again = run(fake, list(reversed(paths)), out)
        assert (again.new, again.changed, len(fake.requests) - before) == (0, 0, total)


@settings(HYPOTHESIS, max_examples=10)
@given(
    files=exports, data=st.data(), kind=st.sampled_from(["jsonl", "csv"]),
    copies=st.lists(st.tuples(st.integers(0, 2), st.integers(0, 2)), max_size=3),
)  # fmt: skip
def test_one_row_in_several_files_is_one_document_whatever_runs_read_them(
    fake: FakeOpenAI, files: list[list[str]], data: st.DataObject, kind: str,
    copies: list[tuple[int, int]],
) -> None:  # fmt: skip
    """The same row (the same id and text) in two exports: one document, paid once, one
    line, and never a failure, whether one run reads both files or runs read them one by
    one in any order (before: a duplicate-id error in one run, nothing across runs)."""
    numbers = iter(range(100, 10_000))
    rows = [[(doc_id, next(numbers)) for doc_id in ids] for ids in files]
    for source, target in copies:  # a row of one export repeated in another
        if source < len(rows) and target < len(rows) and source != target:
            row = rows[source][0]
            if row[0] not in {doc_id for doc_id, _ in rows[target]}:  # else: one file, two texts
                rows[target].append(row)
    with tempfile.TemporaryDirectory() as tmp:
        paths = write_exports(Path(tmp), rows, kind)
        out = Path(tmp) / "out.jsonl"
        runs = data.draw(st.lists(st.permutations(paths).flatmap(
            lambda order: st.integers(1, len(order)).map(lambda k: order[:k])),
            min_size=1, max_size=3))  # fmt: skip
        runs.append(data.draw(st.permutations(paths)))  # at last, every file
        before = len(fake.requests)
        for given in runs:
            run(fake, list(given), out)
        distinct = {row for content in rows for row in content}
        assert len(fake.requests) - before == len(distinct)  # every document paid for once
        current = list(latest_lines(out))
        assert all(line["status"] == "ok" for line in current), current
        assert sorted(figure(line["text"]) for line in current) == sorted(n for _, n in distinct)
        again = run(fake, list(reversed(paths)), out)
        assert (again.new, again.changed, again.errors) == (0, 0, 0)


#: Exports whose ids may repeat inside one file (with another text each time), some spelt
#: as a repeated id's copy is named (``1#duplicate-2``) or as that name escaped.
repeating_exports = st.lists(
    st.lists(
        st.sampled_from(["1", "2", "1#duplicate-2", "1%23duplicate-2", "1#duplicate-3"]),
        min_size=1, max_size=4,
    ),
    min_size=2, max_size=3,
)  # fmt: skip


@settings(HYPOTHESIS, max_examples=15)
@given(files=repeating_exports, data=st.data(), kind=st.sampled_from(["jsonl", "csv"]))
def test_an_id_repeated_in_one_file_is_the_same_duplicate_whatever_the_order_of_files(
    fake: FakeOpenAI, files: list[list[str]], data: st.DataObject, kind: str
) -> None:
    """An id named twice in one file (with two texts) and again in other files: in every
    file its first row is a document and each later row there one error line
    ``<that document's id>#duplicate-<n>``, whichever order runs read the files in; a rerun
    in any other order finds everything done (before: reading the files in another order
    named the repeated row ``<id>@<file>@<file>``, extracted it, and called its error line
    "no longer in" the file). A row whose own id reads like such a name (``1#duplicate-2``)
    is a document of its own in every order (before: the second ``1`` took that name first
    in one order, and the row became a duplicate of it, not extracted)."""
    numbers = iter(range(100, 10_000))
    rows = [[(doc_id, next(numbers)) for doc_id in ids] for ids in files]
    firsts = [n for content in rows for i, n in dict(reversed(content)).items()]
    repeats = sum(len(content) - len({i for i, _ in content}) for content in rows)
    with tempfile.TemporaryDirectory() as tmp:
        paths = write_exports(Path(tmp), rows, kind)
        out = Path(tmp) / "out.jsonl"
        before = len(fake.requests)
        for _ in range(2):  # a first run and a rerun, each in an order of its own
            run(fake, list(data.draw(st.permutations(paths))), out)
        assert len(fake.requests) - before == len(firsts)  # every first row paid for once
        current = list(latest_lines(out))
        ok = [line for line in current if line["status"] == "ok"]
        assert sorted(figure(line["text"]) for line in ok) == sorted(firsts)
        errors = [line for line in current if line["status"] != "ok"]
        assert len(errors) == repeats, errors  # no "no longer in" line beside them
        names = {line["doc_id"] for line in ok}
        for line in errors:
            assert line["status"] == "error" and "duplicate id" in line["error"]["message"]
            assert line["duplicate_of"] in names  # named after a document of this output
            assert re.fullmatch(re.escape(line["duplicate_of"]) + r"#duplicate-[0-9]+",
                                line["doc_id"])  # fmt: skip
        assert not any(line["doc_id"].count("@") > 1 for line in current)
        again = run(fake, list(data.draw(st.permutations(paths))), out)
        assert (again.new, again.changed, len(fake.requests) - before) == (0, 0, len(firsts))


#: The tails a copy's name ends in (``#duplicate-2``) and those tails escaped, as ids.
copy_tails = st.lists(
    st.tuples(st.sampled_from(["#", "%23", "%2523"]), st.integers(2, 4)).map(
        lambda tail: f"{tail[0]}duplicate-{tail[1]}"
    ),
    min_size=1, max_size=3, unique=True,
)  # fmt: skip


@settings(HYPOTHESIS, max_examples=12)
@given(
    base=st.sampled_from(["1", "a b", "x#y"]),
    copies=st.integers(2, 4),
    tails=copy_tails,
    data=st.data(),
    kind=st.sampled_from(["jsonl", "csv"]),
)
def test_an_id_spelt_like_a_copys_name_is_a_document_of_its_own_in_every_order(
    fake: FakeOpenAI, base: str, copies: int, tails: list[str], data: st.DataObject, kind: str
) -> None:
    """Rows whose own ids end like a repeated id's copy (``1#duplicate-2``, or that escaped)
    beside a file repeating ``1``: each such row is one document, extracted once, and the
    repeats error lines, in every order of the files and of the rows (before: in one order
    the second ``1`` took the name ``1#duplicate-2`` first and the row holding that id
    became a duplicate of it, never extracted)."""
    numbers = iter(range(100, 10_000))
    repeated = [(base, next(numbers)) for _ in range(copies)]
    spelt = [(base + tail, next(numbers)) for tail in tails]
    rows = [repeated, data.draw(st.permutations(spelt))]
    with tempfile.TemporaryDirectory() as tmp:
        paths = write_exports(Path(tmp), rows, kind)
        out = Path(tmp) / "out.jsonl"
        before = len(fake.requests)
        for _ in range(3):  # after every run, in any order: each document once, and ok
            run(fake, list(data.draw(st.permutations(paths))), out)
            current = list(latest_lines(out))
            ok = sorted(figure(line["text"]) for line in current if line["status"] == "ok")
            assert ok == sorted([repeated[0][1], *(n for _, n in spelt)])
            assert sum(line["status"] == "error" for line in current) == copies - 1
        assert len(fake.requests) - before == 1 + len(spelt)  # each document paid once


@pytest.mark.parametrize("copied", [0, 1])
def test_a_copy_of_one_of_two_rows_sharing_an_id_is_paid_once_in_every_order(
    fake: FakeOpenAI, tmp_path: Path, copied: int
) -> None:
    """One id in two files with two texts, and a third file holding a copy of either row:
    three files, two documents, each paid once, whichever runs read which files in which
    order (before: the copy of the row named ``<id>@<file>`` was paid for again)."""
    folder = tmp_path / "in"
    folder.mkdir()
    texts = [kano(601), kano(602)]
    paths = []
    for name, text in zip("abc", [*texts, texts[copied]], strict=True):
        path = folder / f"{name}.jsonl"
        path.write_text(json.dumps({"id": "7", "text": text}) + "\n")
        paths.append(str(path))
    for order in itertools.permutations(paths):
        for together in range(1, 4):  # the first files one by one, the rest in one run
            out = tmp_path / f"out-{'-'.join(Path(p).stem for p in order)}-{together}.jsonl"
            before = len(fake.requests)
            for path in order[:together]:
                run(fake, [path], out)
            run(fake, list(order[together:]) or list(order), out)
            assert len(fake.requests) - before == 2, (order, together)
            current = [line for line in latest_lines(out) if line["status"] == "ok"]
            assert sorted(figure(line["text"]) for line in current) == [601, 602], order
            again = run(fake, list(reversed(order)), out)
            assert (again.new, again.changed, again.errors) == (0, 0, 0), order


@pytest.mark.parametrize("case", ["row-spells-a-file", "row-spells-an-at-name"])
def test_an_id_that_spells_another_documents_name_never_takes_its_line(
    fake: FakeOpenAI, tmp_path: Path, case: str
) -> None:
    """An explicit id that spells a file's path, or the ``<id>@<file>`` name another
    document gets: every file read alone, in every order, then all together: each document
    keeps its own line, paid once (before: in one order the later one replaced it)."""
    folder = tmp_path / "in"
    folder.mkdir()
    if case == "row-spells-a-file":
        article = folder / "a1.txt"
        article.write_text(kano(501))
        rows = folder / "f4.jsonl"
        rows.write_text(json.dumps({"id": str(article), "text": kano(502)}) + "\n")
        inputs = [str(article), str(rows)]
    else:
        one, two, three = (folder / f"f{n}.jsonl" for n in (1, 2, 3))
        one.write_text(json.dumps({"id": "1", "text": kano(511)}) + "\n")
        two.write_text(json.dumps({"id": "1", "text": kano(512)}) + "\n")
        three.write_text(json.dumps({"id": f"1@{two}", "text": kano(513)}) + "\n")
        inputs = [str(one), str(two), str(three)]
    figures = sorted(figure(Path(path).read_text()) for path in inputs)
    for order in itertools.permutations(inputs):
        out = tmp_path / f"out-{'-'.join(Path(p).stem for p in order)}.jsonl"
        before = len(fake.requests)
        for path in order:
            run(fake, [path], out)
        run(fake, list(order), out)
        assert len(fake.requests) - before == len(inputs), order  # each paid once
        current = [line for line in latest_lines(out) if line["status"] == "ok"]
        assert sorted(figure(line["text"]) for line in current) == figures, order
        for line in current:
            assert killed(line) == [figure(line["text"])], line


# ------------------------------------------------- --forget-unseen: the current state only


@settings(HYPOTHESIS, max_examples=5)
@given(
    numbers=st.lists(st.integers(2, 9999), min_size=3, max_size=6, unique=True),
    edits=st.lists(st.sampled_from(["rename", "delete", "edit-row", "keep"]), min_size=3,
                   max_size=6),
    repeated_id=st.booleans(),
)  # fmt: skip
def test_forget_unseen_leaves_only_the_current_inputs_in_the_tables(
    fake: FakeOpenAI, numbers: list[int], edits: list[str], repeated_id: bool
) -> None:
    """Files renamed or deleted and id-less rows edited: a rerun with --forget-unseen marks
    their old lines skipped, so flatten counts each current article once; nothing is
    deleted, nothing current is paid twice, and a damaged archive's members are kept.
    A table that also names one id twice (a duplicate-id error line) was still read
    whole: its edited rows' old lines are forgotten too."""
    from extractor.export.flatten import flatten

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        half = len(numbers) // 2
        for n in numbers[:half]:
            (folder / f"{n}.txt").write_text(kano(n))
        rows = folder / "rows.jsonl"
        twice = [{"id": "dup", "text": kano(10001)}, {"id": "dup", "text": kano(10002)}]
        extra = "".join(json.dumps(row) + "\n" for row in twice) if repeated_id else ""
        rows.write_text("".join(json.dumps({"text": kano(n)}) + "\n" for n in numbers[half:])
                        + extra)  # fmt: skip
        zipped = folder / "kept.zip"
        with zipfile.ZipFile(zipped, "w") as archive:
            archive.writestr("z.txt", kano(1))
        out = Path(tmp) / "out.jsonl"
        run(fake, [str(folder)], out)
        current = {*numbers, 1, *([10001] if repeated_id else [])}
        for n, edit in zip(numbers[:half], edits, strict=False):
            if edit == "rename":
                (folder / f"{n}.txt").rename(folder / f"{n}-moved.txt")
            elif edit == "delete":
                (folder / f"{n}.txt").unlink()
                current.discard(n)
        texts = [kano(n) for n in numbers[half:]]
        if "edit-row" in edits:
            texts[0] = texts[0].replace("Kano", "Kano State")
        rows.write_text("".join(json.dumps({"text": t}) + "\n" for t in texts) + extra)
        zipped.write_bytes(b"PK\x03\x04 damaged since")  # unreadable now: not forgotten
        lines_before = len(all_lines(out))
        before = len(fake.requests)
        summary = run(fake, [str(folder)], out, forget_unseen=True)
        moved = sum(edit == "rename" for edit in edits[:half])
        assert len(fake.requests) - before == moved + ("edit-row" in edits)
        assert len(all_lines(out)) >= lines_before  # nothing deleted
        tables = Path(tmp) / "tables"
        flatten(out, tables, parquet=False)
        with open(tables / "casualty_reports.csv", encoding="utf-8") as handle:
            figures = sorted(int(row["killed_low"]) for row in csv.DictReader(handle))
        assert figures == sorted(current)
        deleted = sum(edit == "delete" for edit in edits[:half])
        # forgotten: each renamed or deleted file, the edited row's old line; no extraction
        assert summary.forgotten == moved + deleted + ("edit-row" in edits)
        assert summary.changed == 0 and REDO_FORGOTTEN not in summary.redone
        assert summary.documents == (summary.new + summary.changed
                                     + sum(summary.redone.values()) + summary.forgotten)  # fmt: skip
        again = run(fake, [str(folder)], out, forget_unseen=True)
        # unseen: the damaged zip's document alone, kept (what the forgotten lines were is not)
        assert (again.new, again.changed, again.forgotten, again.unseen) == (0, 0, 0, 1)


@settings(HYPOTHESIS, max_examples=6)
@given(
    rows=st.integers(1, 4),
    files=st.integers(0, 3),
    fault=st.sampled_from(["torn row", "folder emptied", "all rows bad", "none"]),
    stub=st.sampled_from([None, "lost+found", ".DS_Store", "Thumbs.db"]),
)
@example(rows=1, files=2, fault="folder emptied", stub="lost+found")
@example(rows=1, files=2, fault="folder emptied", stub=".DS_Store")
def test_forget_unseen_never_forgets_what_a_failure_leaves_unknown(
    fake: FakeOpenAI, rows: int, files: int, fault: str, stub: str | None
) -> None:
    """A table with ids and a folder of files, extracted; then one of them fails on a rerun
    with --forget-unseen: a row torn in the table (which row it was is unknown: every line
    of the table is kept), the folder emptied (an unmounted share, maybe an empty
    ``lost+found`` left: its lines are kept),
    every input failing (no document read: nothing is forgotten). Without a fault,
    nothing current is forgotten either."""
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp).resolve()
        table, folder = base / "rows.jsonl", base / "share"
        folder.mkdir()
        table.write_text("".join(json.dumps({"id": f"r{n}", "text": kano(n + 2)}) + "\n"
                                 for n in range(rows)))  # fmt: skip
        for n in range(files):
            (folder / f"{n}.txt").write_text(kano(n + 100))
        out = base / "out.jsonl"
        run(fake, [str(table), str(folder)], out)
        before = {line["doc_id"]: line for line in latest_lines(out)}
        if fault == "torn row":
            kept = table.read_text().splitlines()[1:]
            table.write_text("".join(line + "\n" for line in kept) + '{"id": "r0", "te\n')
        elif fault in ("folder emptied", "all rows bad"):
            for entry in folder.iterdir():
                entry.unlink()
            if stub == "lost+found":  # what a mount point holds once the share is gone
                (folder / stub).mkdir()
            elif stub:  # or the clutter a desktop leaves there
                (folder / stub).write_bytes(b"\x00\x01")
        if fault == "all rows bad":
            table.write_text('{"id": "r0", "te\n')
        summary = run(fake, [str(table), str(folder)], out, forget_unseen=True)
        after = {line["doc_id"]: line for line in latest_lines(out)}
        for doc_id, line in before.items():
            assert after[doc_id]["status"] == line["status"], (fault, doc_id, after[doc_id])
        assert summary.forgotten == 0
        # a folder empty from the start failed alike before: a standing failure, exit 0
        turned_bad = fault != "none" and not (fault == "folder emptied" and files == 0)
        assert summary.exit_code == int(turned_bad)


@settings(HYPOTHESIS, max_examples=4)
@given(first=st.lists(st.integers(2, 999), min_size=1, max_size=3, unique=True),
       then=st.lists(st.integers(1000, 1999), min_size=1, max_size=3, unique=True),
       piped=st.booleans())  # fmt: skip
def test_a_bad_row_gone_from_its_file_is_past_but_a_pipe_holds_other_rows_each_run(
    fake: FakeOpenAI, first: list[int], then: list[int], piped: bool
) -> None:
    """A table with a bad row, then the table without it: the row's error line is
    superseded (``skipped``, no longer in the file) since the file was read whole; the
    same two batches piped in are two batches of one stream, and the bad row of the
    first stays an error line (``--retry-errors`` can still find it)."""
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp).resolve()
        table, out = base / "rows.jsonl", base / "out.jsonl"
        batches = [
            "".join(json.dumps({"text": kano(n)}) + "\n" for n in first) + '{"text": "cut\n',
            "".join(json.dumps({"text": kano(n)}) + "\n" for n in then),
        ]
        for data in batches:
            if piped:
                run_piped(fake, data.encode(), out)
            else:
                table.write_text(data, encoding="utf-8")
                run(fake, [str(table)], out)
        bad = [line for line in latest_lines(out) if "not valid JSON" in json.dumps(line)
               or "no longer in" in json.dumps(line)]  # fmt: skip
        assert len(bad) == 1, bad
        assert bad[0]["status"] == ("error" if piped else "skipped"), bad[0]


@settings(HYPOTHESIS, max_examples=4)
@given(
    stem=st.text(alphabet="aeiouncéèñüçÅ-", min_size=1, max_size=8).filter(
        lambda stem: not unicodedata.is_normalized("NFD", stem)
    ),
    edit=st.booleans(),
)
def test_an_output_written_with_decomposed_ids_is_found_again(
    fake: FakeOpenAI, stem: str, edit: bool
) -> None:
    """An output written before ids were taken in composed form (NFC) holds an id
    decomposed as its input spelt it: a rerun finds that line (nothing is paid for an
    unchanged text), and an edited text's new line supersedes it, under its id."""
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp).resolve()
        table, out = base / "rows.jsonl", base / "out.jsonl"
        table.write_text(json.dumps({"id": unicodedata.normalize("NFD", stem),
                                     "text": kano(7)}) + "\n")  # fmt: skip
        run(fake, [str(table)], out)
        [line] = all_lines(out)
        line["doc_id"] = unicodedata.normalize("NFD", stem)  # as an earlier version wrote it
        out.write_text(json.dumps(line) + "\n")
        if edit:
            table.write_text(json.dumps({"id": stem, "text": kano(8)}) + "\n")
        before = len(fake.requests)
        summary = run(fake, [str(table)], out)
        assert len(fake.requests) - before == (1 if edit else 0)
        assert (summary.new, summary.changed, summary.unchanged) == (0, int(edit), int(not edit))
        [winner] = latest_lines(out)
        assert winner["doc_id"] == unicodedata.normalize("NFD", stem)
        assert winner["text"] == kano(8 if edit else 7)


@settings(HYPOTHESIS, max_examples=6)
@given(
    stem=st.text(alphabet="aeiouncéèñüçÅ-7", min_size=1, max_size=8),
    edges=st.tuples(*[st.text(alphabet="\u200b\ufeff\u2060\u200e \t", max_size=2)] * 2).filter(any),
    edit=st.booleans(),
)
def test_an_output_written_with_invisible_characters_at_id_edges_is_found_again(
    fake: FakeOpenAI, stem: str, edges: tuple[str, str], edit: bool
) -> None:
    """An output written before an id's invisible edges (a zero-width space, a BOM, a word
    joiner) were stripped holds the id as its input spelt it: a rerun finds that line
    (nothing paid for an unchanged text), an edited text supersedes it under its id."""
    spelt = edges[0] + stem + edges[1]
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp).resolve()
        table, out = base / "rows.jsonl", base / "out.jsonl"
        table.write_text(json.dumps({"id": spelt, "text": kano(7)}) + "\n")
        run(fake, [str(table)], out)
        [line] = all_lines(out)
        assert line["doc_id"] == stem
        line["doc_id"] = spelt  # as an earlier version wrote it
        out.write_text(json.dumps(line) + "\n")
        if edit:
            table.write_text(json.dumps({"id": spelt, "text": kano(8)}) + "\n")
        before = len(fake.requests)
        summary = run(fake, [str(table)], out)
        assert len(fake.requests) - before == (1 if edit else 0)
        assert (summary.new, summary.changed, summary.unchanged) == (0, int(edit), int(not edit))
        [winner] = latest_lines(out)
        assert winner["doc_id"] == spelt and winner["text"] == kano(8 if edit else 7)


@settings(HYPOTHESIS, max_examples=4)
@given(stem=st.text(alphabet="aeiouncéèñüçÅ-", min_size=1, max_size=8).filter(
    lambda stem: not unicodedata.is_normalized("NFD", stem)),
    order=st.sampled_from(["second", "both", "swapped"]))  # fmt: skip
@example(stem="café", order="second")
@example(stem="café", order="swapped")
def test_one_decomposed_id_in_two_files_keeps_each_files_document(
    fake: FakeOpenAI, stem: str, order: str
) -> None:
    """One id in two files, written to an output in decomposed form by an earlier version
    (``café`` and ``café@<other file>``): a rerun of either file, or both in either order,
    pays nothing and leaves each file's text under the line it had, as on a composed
    output."""
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp).resolve()
        first, second, out = base / "rows.jsonl", base / "other.jsonl", base / "out.jsonl"
        first.write_text(json.dumps({"id": stem, "text": kano(7)}) + "\n")
        second.write_text(json.dumps({"id": stem, "text": kano(8)}) + "\n")
        run(fake, [str(first), str(second)], out)
        lines = all_lines(out)
        for line in lines:
            line["doc_id"] = unicodedata.normalize("NFD", line["doc_id"])
        out.write_text("".join(json.dumps(line) + "\n" for line in lines))
        texts = {line["doc_id"]: line["text"] for line in lines}
        inputs = {"second": [second], "both": [first, second], "swapped": [second, first]}[order]
        before = len(fake.requests)
        summary = run(fake, [str(path) for path in inputs], out)
        assert len(fake.requests) == before and summary.unchanged == len(inputs), summary
        assert {line["doc_id"]: line["text"] for line in latest_lines(out)} == texts


def test_forget_unseen_with_limit_is_refused_before_any_work(
    tmp_path: Path, fake: FakeOpenAI
) -> None:
    """--limit reads some inputs only: forgetting what it did not read would drop results."""
    (tmp_path / "a.txt").write_text(kano(5))
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(app, [
        "bulk", str(tmp_path / "a.txt"), "-o", str(out), "--model", "openai/fake-model",
        "--base-url", fake.base_url, "--forget-unseen", "--limit", "1"])  # fmt: skip
    assert result.exit_code == 2 and "drop --limit" in result.stderr
    assert not out.exists()


# ------------------------------------------- an input's line says its current state

#: What a file may hold between runs: a text, or bytes that each fail in their own way.
FILE_STATES: dict[str, bytes] = {
    "text": kano(12).encode(),
    "other text": kano(13).encode(),
    "empty": b"",
    "blank": b" \n\t\n",
    "NUL bytes": b"hello\x00world",
    "binary": bytes(range(256)) * 4,
    "undecodable": b"\x81\x8d\x8f\x90\x9d" * 40,
}


def _state(line: dict[str, Any]) -> tuple[Any, ...]:
    """What a line says of its input: status, error, figures (not its timing or usage)."""
    error = line.get("error") or {}
    return line["status"], error.get("kind"), error.get("message"), line.get("text_sha256")


@settings(HYPOTHESIS, max_examples=12)
@given(history=st.lists(st.sampled_from(sorted(FILE_STATES)), min_size=2, max_size=5))
@example(history=["empty", "NUL bytes"])  # hostile round 30: "unchanged", the old reason kept
@example(history=["NUL bytes", "empty", "text", "binary"])
def test_a_rerun_line_says_what_a_fresh_run_would(fake: FakeOpenAI, history: list[str]) -> None:
    """Whatever a file turns into between runs, the rerun's latest line for it says what a
    run into a new output would: a failure that changed its reason (an empty file that
    holds a NUL byte now) is news, not "unchanged" with the old reason; the same failure
    again is unchanged."""
    with tempfile.TemporaryDirectory() as tmp:
        folder, out = Path(tmp, "in"), Path(tmp, "out.jsonl")
        folder.mkdir()
        article = folder / "x.txt"
        previous = None
        for number, state in enumerate(history):
            article.write_bytes(FILE_STATES[state])
            summary = run(fake, [str(folder)], out)
            fresh = Path(tmp, f"fresh{number}.jsonl")
            run(fake, [str(folder)], fresh)
            [now] = latest_lines(out)
            [expected] = latest_lines(fresh)
            assert _state(now) == _state(expected), (history, number)
            same = previous is not None and _state(expected) == previous
            assert summary.unchanged == int(same), (history, number, summary)
            previous = _state(expected)


@settings(HYPOTHESIS, max_examples=10)
@given(
    hidden=st.integers(1, 2),
    links=st.integers(0, 2),
    runs=st.lists(st.lists(st.booleans(), min_size=4, max_size=4), min_size=2, max_size=4),
)
def test_a_file_named_once_then_passed_over_by_a_walk_keeps_its_result(
    fake: FakeOpenAI, hidden: int, links: int, runs: list[list[bool]]
) -> None:
    """``bulk d d/.h.txt``, then ``bulk d`` (which passes over the hidden file), then the first
    again, in any sequence: the hidden file's result stands (before: the walk's skipped line
    superseded it, and naming the file again paid for it again), and a link's skipped line
    is the same whichever way the command is spelt (before: its reason named the target
    relative to a folder given alone, else by full path, and every change of spelling
    rewrote it as changed)."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp).resolve() / "d"
        folder.mkdir()
        (folder / "a.txt").write_text(kano(300))
        secret = [folder / f".h{n}.txt" for n in range(hidden)]
        for n, path in enumerate(secret):
            path.write_text(kano(310 + n))
        for n in range(links):
            (folder / f"l{n}.txt").symlink_to("a.txt")
        out = Path(tmp) / "out.jsonl"
        before = len(fake.requests)
        named_ever: set[Path] = set()
        for number, choice in enumerate(runs):
            named = [path for path, pick in zip(secret, choice, strict=False) if pick]
            extra = [str(folder / "a.txt")] if choice[-1] else []
            summary = run(fake, [str(folder), *map(str, named), *extra], out)
            if number and set(named) <= named_ever:  # nothing this run could call news
                assert (summary.new, summary.changed) == (0, 0), summary
            named_ever |= set(named)
            lines = {line["source"]: line for line in latest_lines(out)}
            for path in named_ever:  # read once, kept since
                assert lines[str(path)]["status"] == "ok", lines[str(path)]
        assert len(fake.requests) - before == 1 + len(named_ever)  # each article paid once
