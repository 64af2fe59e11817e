"""Bulk output files: lines are complete or gone, the last line of an id wins, damage is
reported, one run holds a file, foreign files are left alone, rewrites keep the file."""

from __future__ import annotations

import errno
import json
import os
import stat
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.blank import is_blank
from extractor.errors import ConfigurationError
from extractor.io import JsonlWriter, completed_ids
from extractor.io.output import (
    UNKNOWN_HASH,
    check_output,
    drop_error_lines,
    latest_lines,
    open_for_resume,
    open_output,
)


def lines_of(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def test_writer_appends_one_flushed_line_per_record(tmp_path: Path) -> None:
    path = tmp_path / "out" / "records.jsonl"  # the parent is created
    with JsonlWriter(path) as writer:
        writer.write({"doc_id": "a", "text": "multi\nline “é”"})
        # flushed: visible to another reader while the writer is still open
        assert json.loads(lines_of(path)[0]) == {"doc_id": "a", "text": "multi\nline “é”"}
        writer.write({"doc_id": "b", "n": 2})
    assert writer.closed
    assert [json.loads(line)["doc_id"] for line in lines_of(path)] == ["a", "b"]
    assert "“é”" in path.read_text(encoding="utf-8")  # UTF-8, not \\u escapes
    with JsonlWriter(path) as writer:  # reopening appends
        writer.write({"doc_id": "c"})
    assert [json.loads(line)["doc_id"] for line in lines_of(path)] == ["a", "b", "c"]


def test_fsync_is_called_per_line_when_asked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[int] = []
    monkeypatch.setattr(os, "fsync", calls.append)
    with JsonlWriter(tmp_path / "a.jsonl") as writer:
        writer.write({"doc_id": "a"})
    assert calls == []
    with JsonlWriter(tmp_path / "b.jsonl", fsync=True) as writer:
        writer.write({"doc_id": "a"})
        writer.write({"doc_id": "b"})
    assert len(calls) == 2


@pytest.mark.parametrize(
    ("record", "error"),
    [
        ({"text": "no id"}, ValueError),
        ({"doc_id": 3}, ValueError),
        ({"doc_id": "a", "x": object()}, TypeError),
        ({"doc_id": "a", "score": float("nan")}, ValueError),
    ],
)
def test_a_bad_record_raises_without_touching_the_file(
    tmp_path: Path, record: dict[str, object], error: type[Exception]
) -> None:
    path = tmp_path / "out.jsonl"
    with JsonlWriter(path) as writer:
        writer.write({"doc_id": "ok"})
        with pytest.raises(error):
            writer.write(record)
    assert path.read_bytes() == b'{"doc_id": "ok"}\n'


def test_a_lone_surrogate_is_written_as_valid_utf8_json(tmp_path: Path) -> None:
    """Strict readers (DuckDB, jq) refuse a ``\\ud800`` escape: what a bulk run has not
    named already (see ``escape_surrogates``) is replaced, so the line is UTF-8."""
    path = tmp_path / "out.jsonl"
    with JsonlWriter(path) as writer:
        writer.write({"doc_id": "s", "text": "broken \ud800 input"})
    raw = path.read_bytes()
    assert json.loads(raw.decode("utf-8", "strict"))["text"] == "broken \ufffd input"
    assert b"\\ud800" not in raw


def test_completed_ids_of_a_missing_file_is_empty(tmp_path: Path) -> None:
    assert completed_ids(tmp_path / "none.jsonl") == set()
    assert not (tmp_path / "none.jsonl").exists()


def test_a_torn_last_line_is_cut_off(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    path.write_bytes(b'{"doc_id": "a"}\n{"doc_id": "b"}\n{"doc_id": "c", "te')
    assert completed_ids(path) == {"a", "b"}
    assert path.read_bytes() == b'{"doc_id": "a"}\n{"doc_id": "b"}\n'


def test_a_complete_json_object_without_its_newline_is_torn_too(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    path.write_bytes(b'{"doc_id": "a"}\n{"doc_id": "b"}')
    assert completed_ids(path) == {"a"}
    assert path.read_bytes() == b'{"doc_id": "a"}\n'


LAST_LINES = [b"# reviewed by alice: see ticket 42", b'{"note": "mine"}', b"\0" * 9,
              b'{"doc_id": "b", "sta', b'{"do', b'{"doc_id": "b"}\0\0']  # fmt: skip


@settings(deadline=None, max_examples=150)
@given(
    last=st.one_of(  # one line: a newline in it would make the line after it the last
        st.binary(max_size=40).map(lambda data: data.replace(b"\n", b"")),
        st.sampled_from(LAST_LINES),
    ),
    newline=st.booleans(),
)
def test_only_an_unfinished_line_of_ours_is_ever_cut_off(last: bytes, newline: bool) -> None:
    """The last line of an output: cut off (with a warning) only when it has no newline and
    begins as every line written here does, zero bytes a crash left included; a whole line
    that is no result line (a note a user appended) is refused and the file left as it was
    (before: any last line that was not JSON was deleted without a word)."""
    head = b'{"doc_id": "a"}\n'
    last += b"\n" if newline else b""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "out.jsonl"
        path.write_bytes(head + last)
        try:
            ids = completed_ids(path)
        except ConfigurationError as error:
            assert "line 2" in str(error) and "last line" in str(error)
            assert path.read_bytes() == head + last  # refused untouched
            return
        after = path.read_bytes()
    if last and after == head:  # cut off: only what may be an unfinished line of ours
        start = last.rstrip(b"\0")
        assert not newline and last.strip(), last
        assert start.startswith(b'{"doc_id": ') or b'{"doc_id": '.startswith(start), last
        assert ids == {"a"}
    else:  # kept: a result line, a blank line, or one of ours given its lost newline
        assert after in (head + last, head + last + b"\n"), after
        assert ids >= {"a"}


@pytest.mark.parametrize(
    ("middle", "message"),
    [
        (b'{"doc_id": "b", oops}', r"line 2 is not valid JSON"),
        (b'["doc_id", "b"]', r"line 2 is not a JSON object with a string 'doc_id'"),
        (b'{"id": "b"}', r"line 2 is not a JSON object with a string 'doc_id'"),
    ],
)
def test_damage_before_the_last_line_is_reported_not_dropped(
    tmp_path: Path, middle: bytes, message: str
) -> None:
    path = tmp_path / "out.jsonl"
    content = b'{"doc_id": "a"}\n' + middle + b'\n{"doc_id": "c"}\n'
    path.write_bytes(content)
    with pytest.raises(ConfigurationError, match=message) as info:
        completed_ids(path)
    assert str(path) in str(info.value)
    assert path.read_bytes() == content  # nothing repaired on a damaged file


def test_blank_lines_are_tolerated(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    path.write_bytes(b'{"doc_id": "a"}\n\n{"doc_id": "b"}\n')
    assert completed_ids(path) == {"a", "b"}


def test_the_writer_refuses_a_torn_file_and_resume_repairs_it(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    path.write_bytes(b'{"doc_id": "a"}\n{"doc_id": "b", "x"')
    with pytest.raises(ConfigurationError, match="partial line"):
        JsonlWriter(path)
    done, writer = open_for_resume(path)
    with writer:
        writer.write({"doc_id": "b"})
    assert done == {"a"}
    assert [json.loads(line) for line in lines_of(path)] == [{"doc_id": "a"}, {"doc_id": "b"}]


record_ids = st.text(min_size=1, max_size=12).filter(lambda s: not is_blank(s))  # is_doc_id
payloads = st.text(max_size=30)


@settings(max_examples=200, deadline=None)
@given(
    records=st.lists(st.tuples(record_ids, payloads), max_size=12),
    cut=st.floats(min_value=0, max_value=1),
)
def test_resume_after_any_truncation_point(records: list[tuple[str, str]], cut: float) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "out.jsonl"
        with JsonlWriter(path) as writer:
            for doc_id, text in records:
                writer.write({"doc_id": doc_id, "text": text})
        full = path.read_bytes()
        size = round(cut * len(full))
        path.write_bytes(full[:size])

        complete = full[:size].count(b"\n")  # lines whose newline survived
        expected = {doc_id for doc_id, _ in records[:complete]}

        assert completed_ids(path) == expected
        repaired = path.read_bytes()
        assert full.startswith(repaired)
        assert repaired == b"" or repaired.endswith(b"\n")
        assert [json.loads(line)["doc_id"] for line in repaired.splitlines()] == [
            doc_id for doc_id, _ in records[:complete]
        ]
        assert completed_ids(path) == expected  # idempotent


# ------------------------------------------------------------ the last line wins


def result(doc_id: str, text_sha256: str | None = "h", status: str = "ok") -> dict[str, Any]:
    """A line with the keys that mark a file as an extractor output."""
    return {
        "doc_id": doc_id, "status": status, "source": None, "text_sha256": text_sha256,
        "records": [], "counts": {}, "usage": {}, "error": None,
    }  # fmt: skip


def write_lines(path: Path, lines: list[dict[str, Any]]) -> bytes:
    path.write_bytes(b"".join(json.dumps(line).encode() + b"\n" for line in lines))
    return path.read_bytes()


@settings(max_examples=150, deadline=None)
@given(
    writes=st.lists(st.tuples(st.sampled_from("abcd"), st.text(max_size=8)), max_size=14),
    cut=st.floats(min_value=0, max_value=1),
)
def test_the_last_complete_line_of_an_id_wins_after_any_truncation(
    writes: list[tuple[str, str]], cut: float
) -> None:
    """open_output's done, latest_lines and drop_error_lines agree on the winner of each id;
    a last line that lost only its newline is whole and counts."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "out.jsonl"
        full = write_lines(path, [result(doc_id, digest) for doc_id, digest in writes])
        path.write_bytes(full[: round(cut * len(full))])
        data = path.read_bytes()
        # a cut that took only the last newline leaves a whole result line: it is kept
        whole = bool(data) and not data.endswith(b"\n") and full[len(data) : len(data) + 1] == b"\n"
        complete = writes[: data.count(b"\n") + whole]
        expected = {doc_id: digest for doc_id, digest in complete}  # the last one stays

        if not complete and path.read_bytes():  # a piece of a first line no run marked
            with pytest.raises(ConfigurationError, match="only an unfinished line"):
                open_output(path)
            assert path.read_bytes() == full[: round(cut * len(full))]
            return

        bad: list[tuple[int, bytes]] = []
        winners = list(latest_lines(path, on_bad_line=lambda n, raw: bad.append((n, raw))))
        assert {line["doc_id"]: line["text_sha256"] for line in winners} == expected
        assert len(winners) == len(expected)  # one line per id
        assert all(not raw.endswith(b"\n") for _, raw in bad)  # only a torn tail is reported

        with open_output(path) as output:
            assert output.done == expected
        assert path.read_bytes() == full[: len(path.read_bytes())]  # repaired: a prefix
        assert path.read_bytes().count(b"\n") == len(complete)


def test_a_line_without_a_hash_is_trusted_and_a_null_hash_is_no_text(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    legacy = {k: v for k, v in result("old").items() if k != "text_sha256"}
    write_lines(path, [legacy, result("failed", None, "error")])
    with open_output(path) as output:
        assert output.done == {"old": UNKNOWN_HASH, "failed": None}


def test_latest_lines_reports_damaged_lines_and_refuses_a_stream(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    path.write_bytes(
        json.dumps(result("a", "1")).encode() + b"\nnot json\n[1]\n"
        + json.dumps(result("a", "2")).encode() + b'\n{"doc_id": "b", "st'
    )  # fmt: skip
    bad: list[tuple[int, bytes]] = []
    winners = list(latest_lines(path, on_bad_line=lambda n, raw: bad.append((n, raw))))
    assert [(line["doc_id"], line["text_sha256"]) for line in winners] == [("a", "2")]
    assert bad == [(2, b"not json\n"), (3, b"[1]\n"), (5, b'{"doc_id": "b", "st')]
    with pytest.raises(ConfigurationError, match="not a regular file"):
        list(latest_lines("/dev/null"))


# ---------------------------------------------------------------- checking


def test_paths_that_cannot_take_the_output_are_refused_up_front(tmp_path: Path) -> None:
    (tmp_path / "file.txt").write_text("x")
    cases = {
        tmp_path: "is a folder",
        tmp_path / "nope" / "out.jsonl": "does not exist",
        tmp_path / "file.txt" / "out.jsonl": "cannot be used",
    }
    for path, message in cases.items():
        with pytest.raises(ConfigurationError, match=message) as info:
            check_output(path)
        assert str(path) in str(info.value) and "\n" not in str(info.value)
    assert check_output(tmp_path / "new.jsonl").kind == "new"
    assert check_output("/dev/null").kind == "stream"
    link = tmp_path / "link.jsonl"
    link.symlink_to(tmp_path / "file.txt")
    assert check_output(link).target == tmp_path / "file.txt"


@settings(max_examples=30, deadline=None)
@given(
    stem=st.from_regex(r"\A[a-z][a-z0-9_-]{0,8}(\.jsonl)?\Z"),
    suffix=st.sampled_from([".gz", ".GZ", ".bz2", ".xz", ".zst", ".zip", ".tgz", ".tar"]),
)
def test_a_compressed_output_name_is_refused_with_the_name_to_give(stem: str, suffix: str) -> None:
    """``-o run.jsonl.gz`` would get plain JSONL under a gzip name (and, found later in an
    input folder, a "damaged gzip" error): refused in one line naming the plain name."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"{stem}{suffix}"
        with pytest.raises(ConfigurationError) as info:
            check_output(path)
        message = str(info.value)
        plain = stem if stem.endswith(".jsonl") else f"{stem}.jsonl"
        assert "\n" not in message and str(path) in message and f"-o {Path(tmp) / plain}" in message
        assert list(Path(tmp).iterdir()) == []


@pytest.mark.parametrize(
    "content",
    [b"hello", b"hello\nworld", b'{"doc_id": "a", "status": "ok"}\n', b"[]\n", b"\x00\xff" * 9],
)
def test_a_foreign_file_is_refused_untouched(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "notes.txt"
    path.write_bytes(content)
    with pytest.raises(ConfigurationError, match="not an extractor output file"):
        open_output(path)
    assert path.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]  # no lock left


# ----------------------------------------------------------------- locking


def test_one_open_output_per_file_and_the_lock_goes_with_it(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    link = tmp_path / "link.jsonl"
    link.symlink_to(path)
    with open_output(path) as output:
        output.write(result("a"))
        lock = tmp_path / "out.jsonl.lock"
        assert lock.read_text().splitlines()[0] == str(os.getpid())
        for other in (path, link):  # the same file under another name is the same lock
            with pytest.raises(
                ConfigurationError, match=f"another extractor run \\(pid {os.getpid()}\\)"
            ):
                open_output(other)
    assert not lock.exists()
    with open_output(link) as output:  # released: the next run goes ahead
        assert output.done == {"a": "h"}


def test_a_stale_lock_file_from_a_killed_run_is_taken_over(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    (tmp_path / "out.jsonl.lock").write_text("99999999\n")  # nobody holds it
    with open_output(path):
        pass
    assert not (tmp_path / "out.jsonl.lock").exists()


# ----------------------------------------------------------------- writing


def test_a_failed_write_leaves_no_torn_line_and_raises_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "out.jsonl"
    real_write = os.write
    with JsonlWriter(path) as writer:
        writer.write({"doc_id": "a"})

        def half_then_full(fd: int, data: Any) -> int:
            if len(data) > 4:
                return real_write(fd, bytes(data[: len(data) // 2]))
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr(os, "write", half_then_full)
        with pytest.raises(ConfigurationError, match="No space left on device"):
            writer.write({"doc_id": "b", "text": "x" * 100})
        monkeypatch.undo()
    assert path.read_bytes() == b'{"doc_id": "a"}\n'


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full")
def test_a_full_device_raises_instead_of_looping() -> None:
    with (
        JsonlWriter("/dev/full") as writer,
        pytest.raises(ConfigurationError, match="No space left"),
    ):
        writer.write({"doc_id": "a"})


# --------------------------------------------------------------- rewriting


@pytest.mark.parametrize("mode", [0o600, 0o640, 0o604])
def test_a_rewrite_keeps_the_mode_and_writes_through_a_symlink(tmp_path: Path, mode: int) -> None:
    real = tmp_path / "real" / "out.jsonl"
    real.parent.mkdir()
    write_lines(real, [result("a"), result("b", None, "error"), result("a", "h2")])
    real.chmod(mode)
    owner = (real.stat().st_uid, real.stat().st_gid)
    link = tmp_path / "link.jsonl"
    link.symlink_to(real)
    assert drop_error_lines(link) == 1
    assert link.is_symlink() and link.resolve() == real
    assert stat.S_IMODE(real.stat().st_mode) == mode
    assert (real.stat().st_uid, real.stat().st_gid) == owner
    assert [json.loads(line)["text_sha256"] for line in real.read_text().splitlines()] == ["h2"]
    assert sorted(p.name for p in real.parent.iterdir()) == ["out.jsonl"]  # no temporary left


# ------------------------------------------ a one-line file is not ours by its shape


def _prefixes(line: bytes) -> st.SearchStrategy[bytes]:
    return st.integers(min_value=1, max_value=len(line)).map(lambda n: line[:n])


result_line = json.dumps(result("a")).encode()
user_line = json.dumps({"doc_id": "mine", "text": "precious"}).encode()
#: Files a user may have, many of which look like our torn first line.
not_result_files = st.one_of(
    st.binary(min_size=1, max_size=120),
    st.text(min_size=1, max_size=60).map(lambda t: t.encode("utf-8", "surrogatepass")),
    _prefixes(result_line),  # no run of ours marked it: a prefix is still not proof
    _prefixes(user_line),
    st.tuples(st.sampled_from([b"", b"\n", b"\n\n  \n"]), _prefixes(result_line)).map(b"".join),
    st.dictionaries(
        st.sampled_from([*sorted(result("a")), "id", "text"]), st.none() | st.text(max_size=5)
    ).map(lambda d: json.dumps(d).encode() + (b"\n" if len(d) % 2 else b"")),
)


def looks_like_a_result_file(content: bytes) -> bool:
    """The oracle: empty or blank complete lines, or a first line with our keys (a whole
    result line that lost only its newline counts)."""
    lines = content.split(b"\n")
    while len(lines) > 1 and not lines[0].strip():
        lines.pop(0)
    if len(lines) == 1 and lines[0] == b"":
        return True
    try:
        first = json.loads(lines[0])
    except (ValueError, RecursionError):
        return False
    return isinstance(first, dict) and first.keys() >= {
        "doc_id", "status", "source", "records", "counts", "usage", "error"
    }  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(content=not_result_files, stale=st.sampled_from(["none", "other file", "other line"]))
def test_a_file_that_is_not_a_result_file_is_refused_byte_identical(
    content: bytes, stale: str
) -> None:
    """Finding 8: never a byte cut from a file not proven ours, whatever sidecar lies beside it."""
    if looks_like_a_result_file(content):
        return
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "mine.jsonl"
        path.write_bytes(content)
        info = os.stat(path)
        sidecar = Path(tmp) / "mine.jsonl.lock"
        if stale == "other file":  # a killed run's mark, for another inode
            sidecar.write_bytes(b"1\nappends %d %d 0\n" % (info.st_dev, info.st_ino + 1) + content)
        elif stale == "other line":  # this inode, but the line that run wrote differs
            sidecar.write_bytes(b"1\nappends %d %d 0\n" % (info.st_dev, info.st_ino) + b"{}\n")
        for attempt in (open_output, drop_error_lines):
            with pytest.raises(ConfigurationError, match="not an extractor output file") as info_:
                attempt(path)
            message = str(info_.value)
            assert "\n" not in message and str(path) in message and "another -o" in message
            assert path.read_bytes() == content


KILLED_RUN = """
import os, sys
from extractor.io.output import open_output
output = open_output(sys.argv[1])
for n in range(int(sys.argv[2])):
    output.write({"doc_id": f"d{n}", "status": "ok", "source": None, "text_sha256": str(n),
                  "records": [], "counts": {}, "usage": {}, "error": None})
os._exit(0)  # killed: no close, the sidecar and its mark stay
"""


def _killed_run(path: Path, lines: int) -> None:
    import subprocess
    import sys

    subprocess.run([sys.executable, "-c", KILLED_RUN, str(path), str(lines)], check=True)


def test_a_real_output_torn_at_every_byte_keeps_every_complete_line(tmp_path: Path) -> None:
    """A run killed at any byte of any line: the next run cuts exactly the torn piece."""
    path = tmp_path / "out.jsonl"
    _killed_run(path, 3)
    full = path.read_bytes()
    sidecar = tmp_path / "out.jsonl.lock"
    mark = sidecar.read_bytes()
    assert full.count(b"\n") == 3 and mark.splitlines()[2] + b"\n" == full.splitlines(True)[0]
    for size in range(len(full) + 1):
        with open(path, "r+b") as handle:  # the same inode, as the killed run left it
            handle.write(full)
            handle.truncate(size)
        sidecar.write_bytes(mark)
        kept = full[: full.rfind(b"\n", 0, size) + 1]
        if full[size : size + 1] == b"\n" and size > len(kept):  # only the newline went
            kept = full[: size + 1]  # the whole line stays, given its newline back
        with open_output(path) as output:
            assert output.done == {f"d{n}": str(n) for n in range(kept.count(b"\n"))}
        assert path.read_bytes() == kept, size


def test_a_run_killed_during_its_first_line_twice_is_still_ours(tmp_path: Path) -> None:
    """The mark is written again by the run that repaired the file (it did not create it)."""
    path = tmp_path / "out.jsonl"
    for _ in range(2):
        _killed_run(path, 1)
        line = path.read_bytes()
        with open(path, "r+b") as handle:
            handle.truncate(len(line) // 2)
        with open_output(path) as output:
            assert output.done == {}
        assert path.read_bytes() == b""
    path.write_bytes(b"\n")  # a blank line is fine, and is kept: the mark starts after it
    _killed_run(path, 1)
    with open(path, "r+b") as handle:
        handle.truncate(5)
    with open_output(path):
        pass
    assert path.read_bytes() == b"\n"
