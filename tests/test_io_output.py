"""JsonlWriter and resume: lines are complete or gone, damage is reported."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.errors import InputError
from extractor.io import JsonlWriter, completed_ids
from extractor.io.output import open_for_resume


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


def test_a_lone_surrogate_is_written_as_valid_json(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    with JsonlWriter(path) as writer:
        writer.write({"doc_id": "s", "text": "broken \ud800 input"})
    assert json.loads(path.read_bytes())["text"] == "broken \ud800 input"


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


def test_an_invalid_last_line_with_newline_is_cut_off(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    path.write_bytes(b'{"doc_id": "a"}\n{"doc_id": "b\x00\xff garbage\n')
    assert completed_ids(path) == {"a"}
    assert path.read_bytes() == b'{"doc_id": "a"}\n'


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
    with pytest.raises(InputError, match=message) as info:
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
    with pytest.raises(InputError, match="partial line"):
        JsonlWriter(path)
    done, writer = open_for_resume(path)
    with writer:
        writer.write({"doc_id": "b"})
    assert done == {"a"}
    assert [json.loads(line) for line in lines_of(path)] == [{"doc_id": "a"}, {"doc_id": "b"}]


record_ids = st.text(min_size=1, max_size=12)
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
