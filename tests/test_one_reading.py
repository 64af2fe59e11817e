"""One article, one reading: the same bytes give the same text, hash and spans by every path.

An article reaches extractor as a file given to ``extract`` or ``bulk``, as
bytes piped to either, or as a string given to the Python API. Before, a
``.txt`` file opening with YAML front matter was read verbatim by ``bulk``
(the front matter went to the model as sentence 1) while ``extract`` re-read
the text it had read and cut the front matter off for the model, then wrote the
uncut text: the evidence offsets of its line did not index the line's own text,
and its hash equalled bulk's, so a resume kept the wrong line.

Invariants tested on generated articles (front matter of generated keys and
values, or a ``---`` rule that is no front matter, before generated prose):

* every evidence span of every line is ``text[start:end]`` of that line's text;
* ``extract FILE``, ``extract -`` (piped), ``bulk FILE``, ``bulk -`` and a JSONL row
  holding it write one text and one text hash for one article, whatever its name says
  (``.txt``, ``.md``), its line ends (CRLF) or a BOM before it; the Python API reads a
  string with front matter alike (before: CRLF or a BOM hid the front matter from it, and
  a row's text kept its front matter as sentence 1).
"""

from __future__ import annotations

import json
import re
import string
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from extractor.cli import app
from extractor.io.documents import to_document
from tests.corpus_support import nameless_pipe
from tests.fakes.kano import EMPTY
from tests.fakes.openai_server import LOOPBACK_ONLY, FakeOpenAI

pytestmark = pytest.mark.block_network(allowed_hosts=LOOPBACK_ONLY)
runner = CliRunner()

_CITED = re.compile(r"\[(\d+)\] At least (\d+) people were killed in Kano")


def cite_kano(body: dict[str, Any]) -> str:
    """One casualty record citing the Kano sentence by the number the prompt gives it."""
    text = "\n".join(str(m.get("content")) for m in body.get("messages", []))
    found = _CITED.search(text)
    if found is None:
        return EMPTY
    record = {
        "killed": int(found.group(2)), "injured": None, "qualifier": "at_least",
        "victims": None, "perpetrator": None, "country": "NGA", "place": "Kano", "date": None,
        "scope": "event", "violence_type": None, "status": "occurred", "attribution": None,
        "evidence": [int(found.group(1))],
    }  # fmt: skip
    return json.dumps({**json.loads(EMPTY), "casualty_reports": [record]})


@pytest.fixture(scope="module")
def fake() -> Iterator[FakeOpenAI]:
    with FakeOpenAI(cite_kano) as server:
        yield server


def model_args(server: FakeOpenAI) -> list[str]:
    return ["--model", "openai/fake-model", "--base-url", server.base_url, "--strategy", "single"]


_WORD = st.text(string.ascii_lowercase, min_size=1, max_size=8)
_VALUE = st.one_of(
    _WORD, st.integers(0, 9999), st.dates(date(1990, 1, 1), date(2030, 12, 31)).map(str)
)
#: A usable front matter block (a YAML mapping), or a rule that is none (prose between rules).
_FRONT = st.one_of(
    # a date that is no date: a warning, said once on every path's line
    st.dictionaries(_WORD, _VALUE, max_size=3)
    .map(lambda d: {**d, "date": "no-date-here"})
    .map(lambda d: ("---\n" + yaml.safe_dump(d, sort_keys=False) + "---\n", True)),
    st.dictionaries(_WORD, _VALUE, min_size=1, max_size=4).map(
        lambda d: ("---\n" + yaml.safe_dump(d, sort_keys=False) + "---\n", True)
    ),
    st.lists(_WORD, min_size=1, max_size=5).map(
        lambda ws: ("---\n" + " ".join(ws) + "\n---\n", False)
    ),
)
_PROSE = st.lists(
    st.lists(_WORD, min_size=3, max_size=9).map(lambda ws: " ".join(ws).capitalize() + "."),
    max_size=3,
)


def _article(front: str, before: list[str], killed: int, after: list[str]) -> str:
    kano = f"At least {killed} people were killed in Kano, Nigeria on Friday."
    return front + "\n" + "\n\n".join([*before, kano, *after]) + "\n"


def _one_line(path: Path) -> dict[str, Any]:
    lines = [json.loads(raw) for raw in path.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == 1, lines
    return lines[0]


def _spans_index_the_text(line: dict[str, Any]) -> int:
    """Asserts every span of ``line`` is a slice of its text; returns how many there were."""
    text, seen = line["text"], 0
    for record in line["records"]:
        for span in record["evidence"]["spans"]:
            assert text[span["start"] : span["end"]] == span["text"], (span, text)
            seen += 1
    return seen


@settings(
    max_examples=12,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    front=_FRONT,
    before=_PROSE,
    after=_PROSE,
    killed=st.integers(2, 999),
    suffix=st.sampled_from([".txt", ".md"]),
    crlf=st.booleans(),
    bom=st.booleans(),
)
def test_every_path_reads_an_article_alike_and_its_spans_index_its_line(
    fake: FakeOpenAI,
    tmp_path_factory: pytest.TempPathFactory,
    front: tuple[str, bool],
    before: list[str],
    after: list[str],
    killed: int,
    suffix: str,
    crlf: bool,
    bom: bool,
) -> None:
    root = tmp_path_factory.mktemp("reading")
    block, usable = front
    plain = _article(block, before, killed, after)
    # as written on Windows, or by an editor that puts a BOM first: the same article
    written = ("\ufeff" if bom else "") + (plain.replace("\n", "\r\n") if crlf else plain)
    path = root / f"a{suffix}"
    path.write_bytes(written.encode("utf-8"))
    rows = root / "rows.jsonl"  # the article as a table's text (a file's text put in a cell)
    rows.write_text(json.dumps({"id": "r", "text": written}) + "\n")
    args = model_args(fake)
    lines: dict[str, dict[str, Any]] = {}
    for name, command in {
        "extract": ["extract", str(path), "-f", "jsonl"],
        "bulk": ["bulk", str(path)],
        "bulk rows": ["bulk", str(rows)],
    }.items():
        out = root / f"{name.replace(' ', '-')}.jsonl"
        done = runner.invoke(app, [*command, *args, "-o", str(out)])
        assert done.exit_code == 0, done.output
        lines[name] = _one_line(out)
    for name, command in {"extract -": ["extract"], "bulk -": ["bulk"]}.items():
        out = root / f"{name[:-2]}-piped.jsonl"
        with nameless_pipe(written.encode("utf-8")) as pipe:
            done = runner.invoke(app, [*command, pipe, *args, "-o", str(out)])
        assert done.exit_code == 0, done.output
        lines[name] = _one_line(out)
    for name, line in lines.items():
        assert _spans_index_the_text(line) == 1, name  # the Kano sentence, found by all
    texts = {(line["text"], line["text_sha256"]) for line in lines.values()}
    # extract and bulk say one input's warnings alike, once (a .md file's name makes an
    # unusable block worth a warning; a piped text, like a .txt, is text: no warning)
    for one, other in (("extract", "bulk"), ("extract -", "bulk -")):
        assert lines[one]["warnings"] == lines[other]["warnings"], (one, lines[one]["warnings"])
    if suffix == ".txt":
        assert lines["extract"]["warnings"] == lines["extract -"]["warnings"]
    assert len(texts) == 1, {name: line["text"][:40] for name, line in lines.items()}
    # the Python API makes the same text of the same string (one opening with a --- block
    # is read as markdown, the block kept with a warning when it is no front matter)
    if usable:  # a string opening with a rule that is no front matter is verbatim, as any
        assert to_document(written).text == lines["bulk"]["text"]  # plain string is
    # usable front matter is never sent as article text; a rule that is none is kept
    assert lines["bulk"]["text"].startswith("---") is not usable
