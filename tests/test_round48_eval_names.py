"""eval finds a gold document's prediction that bulk wrote under another name (round 48).

``extractor bulk jan.jsonl gold.jsonl`` with both files numbered from 1 writes
the gold's document ``1`` as ``1@<gold file>`` (the same id in two files with
two texts is two documents), and the line under ``1`` is jan's article. eval
took jan's line as gold 1's prediction, said it was of another text, scored gold
1 as missing and the right prediction as an extra document. Now
(:func:`~extractor.evaluation.run.check_texts`) a gold document whose line is of
another text, or absent, is scored by the one line that has its text under an id
no gold document has, said in one line; two such lines are not guessed between
(said, and named in the "made from other texts" message); a line whose id and
text agree is never replaced by one with the same text.

Prediction lines are written as bulk writes them: ids by the reader's own
:func:`~extractor.io.readers.beside_label`, hashes by ``Document.text_sha256``,
or by a real bulk run against the fake server.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from extractor.cli import app
from extractor.evaluation import GoldDocument, GoldFormatError, load_gold, score
from extractor.evaluation.run import SHOWN_IDS, check_texts, predictions_from_lines, read_lines
from extractor.io.readers import beside_label
from extractor.pipeline.document import Document
from tests.fakes.kano import kano
from tests.fakes.openai_server import LOOPBACK_ONLY, FakeOpenAI

pytestmark = pytest.mark.block_network(allowed_hosts=LOOPBACK_ONLY)
runner = CliRunner()
EXAMPLES = settings(
    max_examples=40,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
#: Ids that look like bulk's own names: a repeated id's copy, a renamed one, digits.
HOSTILE_IDS = ["1", "x@y", "a#duplicate-2", "2@/tmp/gold.jsonl", "a%23b"]
ids = st.one_of(
    st.sampled_from(HOSTILE_IDS),
    st.text(st.sampled_from("ab19@#%-:/."), min_size=1, max_size=8),
)
#: What each gold document's prediction lines are, as a run writes them:
#: own: a line under its id with its text; decoy: that, and its text again under another
#: id; unhashed: a line under its id without text_sha256 (older output: trusted);
#: renamed: a line under its id of another file's text, its own under ``<id>@<gold file>``;
#: renamed_only: only the latter; twice: the line of another text, and its text in two
#: lines; twice_only: only the two; other: only the line of another text; none: no line.
KINDS = ["own", "decoy", "unhashed", "renamed", "renamed_only", "twice", "twice_only",
         "other", "none"]  # fmt: skip


def _hash(text: str) -> str:
    """The text_sha256 bulk records of a text it read."""
    return Document(doc_id="any", text=text).text_sha256


def _line(doc_id: str, source: str, text: str | None, origin: str) -> dict[str, Any]:
    """A bulk output line (no records: which line is scored is told by ``title``)."""
    line: dict[str, Any] = {"doc_id": doc_id, "status": "ok", "source": source, "records": [],
                            "title": origin}  # fmt: skip
    if text is not None:
        line["text_sha256"] = _hash(text)
    return line


def _gold_file(folder: Path, drawn: list[str], texts: list[str]) -> Path:
    path = folder / "gold.jsonl"
    rows = [{"id": i, "text": t, "records": []} for i, t in zip(drawn, texts, strict=True)]
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


def _lines_for(
    doc: GoldDocument, number: int, kind: str, gold: Path, jan: Path
) -> list[dict[str, Any]]:
    """The lines a run over ``jan`` and ``gold`` leaves for gold document ``doc``."""
    own_source, jan_source = f"{gold}:{number}", f"{jan}:{number}"
    renamed = beside_label(doc.id, own_source)  # what bulk names it beside jan's row
    jan_text = f"Another article, number {number}."
    lines = []
    if kind in ("renamed", "twice", "other"):
        lines.append(_line(doc.id, jan_source, jan_text, "jan"))
    if kind in ("own", "decoy"):
        lines.append(_line(doc.id, own_source, doc.text, "own"))
    if kind == "unhashed":
        lines.append(_line(doc.id, own_source, None, "own"))
    if kind in ("renamed", "renamed_only", "twice", "twice_only"):
        lines.append(_line(renamed, own_source, doc.text, "renamed"))
    if kind in ("decoy", "twice", "twice_only"):
        lines.append(_line(f"copy-{number}", f"{jan}:{number + 100}", doc.text, "copy"))
    return lines


@EXAMPLES
@given(
    drawn=st.lists(ids, min_size=1, max_size=SHOWN_IDS),
    data=st.data(),
)
def test_a_gold_document_is_scored_by_the_one_line_with_its_text(
    tmp_path_factory: pytest.TempPathFactory, drawn: list[str], data: st.DataObject
) -> None:
    folder = tmp_path_factory.mktemp("names")
    gold = _gold_file(
        folder, drawn, [f"Gold article {n}: talks in Geneva." for n in range(len(drawn))]
    )
    try:
        documents = load_gold(gold)
    except GoldFormatError:  # two drawn ids that read as one (a duplicate id)
        assume(False)
        raise
    jan = folder / "jan.jsonl"
    kinds = data.draw(st.lists(st.sampled_from(KINDS), min_size=len(drawn), max_size=len(drawn)))
    lines = [
        line
        for number, (doc, kind) in enumerate(zip(documents, kinds, strict=True), start=1)
        for line in _lines_for(doc, number, kind, gold, jan)
    ]
    lines = data.draw(st.permutations(lines))  # read in any order
    check = check_texts(lines, documents)

    kind_of = {doc.id: kind for doc, kind in zip(documents, kinds, strict=True)}
    scored = {line["doc_id"]: line for line in check.lines}
    for doc in documents:
        kind = kind_of[doc.id]
        if kind in ("own", "decoy", "unhashed"):  # ids agree: its own line, text or no text
            assert scored[doc.id]["title"] == "own", (doc.id, kind)
        elif kind in ("renamed", "renamed_only"):  # the line with its text, under its id
            assert scored[doc.id]["title"] == "renamed", (doc.id, kind)
            assert scored[doc.id]["text_sha256"] == _hash(doc.text)
        else:  # another text, two lines with its text, or none: nothing scored for it
            assert doc.id not in scored, (doc.id, kind, scored[doc.id])
    renamed = [d.id for d in documents if kind_of[d.id] in ("renamed", "renamed_only")]
    assert check.matched == {
        d: beside_label(d, f"{gold}:{n}")
        for n, d in enumerate((x.id for x in documents), start=1)
        if d in renamed
    }
    assert check.renamed_by_bulk == set(renamed)
    mismatched = [d.id for d in documents if kind_of[d.id] in ("twice", "other")]
    assert check.mismatched == mismatched
    unguessed = [d.id for d in documents if kind_of[d.id] in ("twice", "twice_only")]
    assert sorted(check.ambiguous) == sorted(unguessed)

    notes = check.notes()
    if renamed:  # one line names every gold document and the line it was matched to
        [said] = [n for n in notes if "matched to the line with their text" in n]
        for gold_id, line_id in check.matched.items():
            assert f"gold {gold_id!r} to the prediction {line_id!r}" in said
        assert "its id was renamed by bulk" in said
    message = check.mismatch_message()
    assert (message is None) == (not mismatched)
    if message is not None:  # names each id, and the lines with its text it did not guess
        assert f"{len(mismatched)} prediction(s) were made from other texts" in message
        for gold_id in mismatched:
            assert repr(gold_id) in message
            if kind_of[gold_id] == "twice":
                for line_id in check.ambiguous[gold_id]:
                    assert repr(line_id) in message
    if any(kind_of[d] == "twice_only" for d in unguessed):
        assert any("have no prediction under their id" in n for n in notes)
    assert all("\n" not in note for note in notes)

    # scored: the renamed documents are neither missing nor extra
    predictions, usage, _ = predictions_from_lines(check.lines)
    report = score(documents, predictions, usage=usage)
    assert report.missing_docs == [
        d.id for d in documents if kind_of[d.id] in ("twice", "twice_only", "other", "none")
    ]
    unmatched = [  # a copy, and a line whose text is in another line too
        line["doc_id"]
        for line in lines
        if line["title"] == "copy" or (line["title"] == "renamed" and line["doc_id"] not in
                                       check.matched.values())
    ]  # fmt: skip
    assert sorted(report.extra_docs) == sorted(unmatched)


def test_a_line_two_gold_documents_share_is_not_guessed(tmp_path: Path) -> None:
    """Two gold documents with one text, neither with a line of its own text: the one line
    with that text is either's, so neither takes it."""
    gold = _gold_file(tmp_path, ["1", "2"], ["The same article."] * 2)
    documents = load_gold(gold)
    lines = [_line("1", f"{tmp_path}/jan.jsonl:1", "Jan's article.", "jan"),
             _line("1@elsewhere", f"{tmp_path}/x.jsonl:1", "The same article.", "copy")]  # fmt: skip
    check = check_texts(lines, documents)
    assert check.matched == {}
    assert check.mismatched == ["1"]
    assert check.ambiguous == {"1": ["1@elsewhere"], "2": ["1@elsewhere"]}
    assert "as another gold document's is: not guessed" in (check.mismatch_message() or "")
    assert [line["doc_id"] for line in check.lines] == ["1@elsewhere"]


# --------------------------------------------------------------- a real bulk run


def _bulk(server: FakeOpenAI, inputs: list[Path], out: Path) -> None:
    result = runner.invoke(
        app,
        ["bulk", *map(str, inputs), "-o", str(out), "--model", "openai/fake-model",
         "--base-url", server.base_url, "--strategy", "single"],
        env={"EXTRACTOR_API_KEY": "x"},
    )  # fmt: skip
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("gold_first", [False, True])
def test_bulk_names_are_matched_to_their_gold_documents(
    kano_server: FakeOpenAI, tmp_path: Path, gold_first: bool
) -> None:
    """``bulk jan.jsonl gold.jsonl`` (jan first: the gold's rows are renamed) then eval:
    every gold document is scored by its own article's line, with its records filed under
    the gold id; gold first, its lines keep their ids and are not touched."""
    drawn = ["1", "x@y", "a#duplicate-2"]
    gold = _gold_file(tmp_path, drawn, [kano(10 + n) for n in range(len(drawn))])
    jan = tmp_path / "jan.jsonl"
    jan.write_text(
        "".join(json.dumps({"id": i, "text": f"Talks {n} were held."}) + "\n"
                for n, i in enumerate(drawn)),
        encoding="utf-8",
    )  # fmt: skip
    out = tmp_path / "pred.jsonl"
    _bulk(kano_server, [gold, jan] if gold_first else [jan, gold], out)
    documents = load_gold(gold)
    lines = read_lines(out)
    check = check_texts(lines, documents)
    notes: list[str] = []
    predictions, usage, _ = predictions_from_lines(check.lines, on_unread=notes.append)
    report = score(documents, predictions, usage=usage)
    assert report.missing_docs == [] and check.mismatch_message() is None
    assert notes == []  # the records of a renamed line are the gold document's, not foreign
    # each gold text is a Kano report: one casualty record each, from its own line
    assert {doc.id: len(predictions[doc.id]) for doc in documents} == {d.id: 1 for d in documents}
    if gold_first:
        assert check.matched == {} and check.lines == lines
        assert report.extra_docs == sorted(str(line["doc_id"]) for line in lines
                                           if "jan.jsonl" in line["source"])  # fmt: skip
    else:
        assert report.extra_docs == []
        assert check.renamed_by_bulk == {d.id for d in documents}
        assert check.matched == {d.id: f"{d.id}@{os.path.realpath(gold)}" for d in documents}


def test_eval_command_scores_the_renamed_prediction(
    kano_server: FakeOpenAI, tmp_path: Path
) -> None:
    """The hostile tester's run: ``eval gold --predictions pred`` after ``bulk jan gold``."""
    gold = _gold_file(tmp_path, ["1", "2"], [kano(21), kano(22)])
    jan = tmp_path / "jan.jsonl"
    jan.write_text(json.dumps({"id": "1", "text": "Talks were held."}) + "\n", encoding="utf-8")
    out, report = tmp_path / "pred.jsonl", tmp_path / "report.json"
    _bulk(kano_server, [jan, gold], out)
    result = runner.invoke(app, ["eval", str(gold), "--predictions", str(out), "-o", str(report)])
    assert result.exit_code == 0, result.output
    scored = json.loads(report.read_text(encoding="utf-8"))
    assert scored["missing_docs"] == [] and scored["extra_docs"] == []
    renamed = f"1@{os.path.realpath(gold)}"
    [said] = [line for line in result.stderr.splitlines() if "matched" in line]
    assert f"gold '1' to the prediction {renamed!r}" in said and "renamed by bulk" in said
    assert "from other texts" not in result.stderr
