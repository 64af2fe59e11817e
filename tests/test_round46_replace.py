"""``extract -o`` never replaces another document's line (hostile round 46, issue #14 A).

``extract a.txt -o FILE -f json`` replaced FILE when it was the one-line output
``bulk`` wrote for another document: the check counted documents, it did not ask
which. Invariant 2 (an output is never something else's): ``extract`` replaces a
file only when it holds the same document's result (a rerun, in either format), or
extract's JSON of one document (a result file, which the last extract replaces).

Generated here: two documents (names with marks the readers escape, or none), each
read from a path, from stdin, or with ``--doc-id``; a first writer (``extract -f
json``, ``extract -f jsonl``, ``bulk``) and then ``extract`` in either format over the
same file, in every order. Another document's line is refused in one line naming the
file and the document, exit 2, the file byte for byte as it was; everything else is
replaced.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from extractor.cli import app
from tests.fakes.openai_server import LOOPBACK_ONLY, FakeOpenAI, static

pytestmark = pytest.mark.block_network(allowed_hosts=LOOPBACK_ONLY)
runner = CliRunner()
EMPTY = json.dumps({"visits": [], "meetings": [], "arms_transfers": [], "casualty_reports": []})

#: Document file names: plain, and with the marks a source escapes (``#``, ``!``, ``:7``).
NAMES = ["a.txt", "b#2.txt", "c!m.txt", "d e.txt", "f:7.txt", "é.md"]
#: How a document is given to a writer (bulk has no --doc-id).
HOW = ["path", "stdin", "doc-id"]
WRITERS = ["extract json", "extract jsonl", "bulk"]


@pytest.fixture(scope="module")
def server() -> Iterator[FakeOpenAI]:
    with FakeOpenAI(static(EMPTY)) as fake:
        yield fake


@pytest.fixture(autouse=True)
def _key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test")
    for name in ("EXTRACTOR_MODEL", "EXTRACTOR_BASE_URL", "EXTRACTOR_API_KEY"):
        monkeypatch.delenv(name, raising=False)


def _run(server: FakeOpenAI, writer: str, how: str, doc: Path, doc_id: str, target: Path) -> Any:
    """``writer`` writing ``doc`` (given ``how``) to ``target``."""
    model = ["--model", "openai/fake", "--base-url", server.base_url]
    given = "-" if how == "stdin" else str(doc)
    text = doc.read_text(encoding="utf-8") if how == "stdin" else None
    if writer == "bulk":
        command = ["bulk", given, "-o", str(target), "--progress", "none", *model]
        if how == "stdin":  # bulk reads stdin's own file, which CliRunner does not replace
            done = subprocess.run(
                [sys.executable, "-m", "extractor", *command], input=text, text=True,
                capture_output=True, check=False, timeout=120,
            )  # fmt: skip
            return SimpleNamespace(exit_code=done.returncode, output=done.stderr)
    else:
        fmt = writer.split()[1]
        ident = ["--doc-id", doc_id] if how == "doc-id" else []
        command = ["extract", given, "-f", fmt, "-o", str(target), *ident, *model]
    return runner.invoke(app, command, input=text)


def _identity(doc: int, how: str, doc_id: str) -> tuple[str, Any]:
    """What names a document's result: its file, its text (piped), or the id given."""
    return ("id", doc_id) if how == "doc-id" else (how, doc)


@settings(
    max_examples=40,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    names=st.lists(st.sampled_from(NAMES), min_size=2, max_size=2, unique=True),
    texts=st.sampled_from([("Talks in Lima.", "Talks in Oslo."), ("Same text.", "Same text.")]),
    first=st.tuples(st.sampled_from(WRITERS), st.integers(0, 1), st.sampled_from(HOW)),
    second=st.tuples(st.sampled_from(["json", "jsonl"]), st.integers(0, 1), st.sampled_from(HOW)),
    ids=st.tuples(st.sampled_from(["id-1", "id-2"]), st.sampled_from(["id-1", "id-2"])),
)
def test_extract_replaces_only_its_own_documents_result(
    server: FakeOpenAI,
    names: list[str],
    texts: tuple[str, str],
    first: tuple[str, int, str],
    second: tuple[str, int, str],
    ids: tuple[str, str],
) -> None:
    writer, doc1, how1 = first
    fmt, doc2, how2 = second
    if writer == "bulk" and how1 == "doc-id":
        how1 = "path"
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        docs = [work / name for name in names]
        for doc, text in zip(docs, texts, strict=True):
            doc.write_text(text + "\n", encoding="utf-8")
        target = work / "target.jsonl"
        made = _run(server, writer, how1, docs[doc1], ids[0], target)
        assert made.exit_code == 0, made.output
        before, inode = target.read_bytes(), target.stat().st_ino
        result = _run(server, f"extract {fmt}", how2, docs[doc2], ids[1], target)
        ours = _identity(doc1, how1, ids[0]) == _identity(doc2, how2, ids[1])
        piped_same_text = how1 == how2 == "stdin" and texts[doc1] == texts[doc2]
        if writer == "extract json" or ours or piped_same_text:
            assert result.exit_code == 0, (first, second, result.output)
            assert target.stat().st_ino != inode  # a new file renamed over the old
            written = target.read_text(encoding="utf-8")
            assert ("metadata" in json.loads(written)) if fmt == "json" else (
                len(written.splitlines()) == 1 and "status" in json.loads(written)
            )  # fmt: skip
        else:
            assert result.exit_code == 2, (first, second, result.output)
            assert target.read_bytes() == before and target.stat().st_ino == inode
            message = result.stderr.strip()
            assert len(message.splitlines()) == 1, message
            held = json.loads(before.splitlines()[0])["doc_id"]
            assert "target.jsonl" in message and "another document" in message
            assert repr(held) in message, (held, message)
            assert "extractor bulk" in message and "another -o" in message


def test_a_gzipped_line_of_another_document_is_refused_without_append_advice(
    server: FakeOpenAI, tmp_path: Path
) -> None:
    import gzip

    line = json.dumps({"doc_id": "other", "status": "ok", "source": "other", "records": [],
                       "counts": {}, "usage": {}, "error": None}) + "\n"  # fmt: skip
    target = tmp_path / "target.jsonl"  # gzipped, by its bytes
    target.write_bytes(gzip.compress(line.encode()))
    before = target.read_bytes()
    (tmp_path / "a.txt").write_text("Talks in Lima.\n", encoding="utf-8")
    result = _run(server, "extract json", "path", tmp_path / "a.txt", "", target)
    assert result.exit_code == 2 and target.read_bytes() == before
    assert "'other', gzipped" in result.stderr and ">>" not in result.stderr
