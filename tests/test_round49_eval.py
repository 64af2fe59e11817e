"""eval reads a gold text as bulk reads it (round 49).

A hostile tester found two faults. A gold text holding a lone surrogate
(``"\\ud800"`` in JSON) made ``eval`` print a traceback (the gold fingerprint
encoded it); now :class:`~extractor.evaluation.GoldDocument` replaces each by
U+FFFD with a warning, as bulk and the Python API do. And ``bulk gold.jsonl``
then ``eval gold.jsonl --predictions`` scored as missing, "made from other texts
than the gold's", every gold text bulk reads otherwise than the gold file holds
it (front matter: its body is the text; a leading BOM dropped; a lone
surrogate); now the hash of the text as bulk's own reader reads the row is
accepted too (:func:`~extractor.evaluation.run._hashes_of`).

Both through the command line: gold files of generated texts, a real bulk run
against the fake server, and eval.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from extractor.cli import app
from extractor.redact import escape_surrogates
from tests.fakes.kano import kano
from tests.fakes.openai_server import LOOPBACK_ONLY, FakeOpenAI

pytestmark = pytest.mark.block_network(allowed_hosts=LOOPBACK_ONLY)
runner = CliRunner()
EXAMPLES = settings(
    max_examples=12,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
ENV = {"EXTRACTOR_API_KEY": "x"}


@st.composite
def gold_texts(draw: Any, killed: int) -> str:
    """A Kano report (the fake model finds one record in it) as a gold file may hold it:
    with front matter, a BOM, CRLF line ends and a sentence with a lone surrogate, each
    or not."""
    text = kano(killed)
    if draw(st.booleans()):
        text += " Broken \ud800 text." if draw(st.booleans()) else "\nA \udfff second line."
    if draw(st.booleans()):
        text = f"---\ntitle: Report {killed}\n---\n{text}"
    if draw(st.booleans()):
        text = text.replace("\n", "\r\n")
    if draw(st.booleans()):
        text = "\ufeff" + text
    return text


@st.composite
def gold_sets(draw: Any) -> list[str]:
    count = draw(st.integers(min_value=1, max_value=3))
    return [draw(gold_texts(10 + n)) for n in range(count)]


def _ids(count: int, broken: bool) -> list[str]:
    """Gold ids; with ``broken``, the first holds a lone surrogate (a JSON ``"\ud800"``)."""
    return [f"g{n}" + ("\ud800" if broken and n == 0 else "") for n in range(count)]


def _gold_file(folder: Path, texts: list[str], broken: bool = False) -> Path:
    path = folder / "gold.jsonl"
    ids = _ids(len(texts), broken)
    rows = [{"id": i, "text": t, "records": []} for i, t in zip(ids, texts, strict=True)]
    # json.dumps writes a lone surrogate as the escape "\ud800", as the tester's file had it
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


def _no_traceback(result: Any) -> None:
    """The command ended by itself or by its own exit, never by an exception."""
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    assert "Traceback" not in result.output


@EXAMPLES
@given(texts=gold_sets(), broken=st.booleans())
def test_bulk_over_the_gold_file_scores_every_gold_document(
    kano_server: FakeOpenAI,
    tmp_path_factory: pytest.TempPathFactory,
    texts: list[str],
    broken: bool,
) -> None:
    """``bulk gold.jsonl`` then ``eval gold.jsonl --predictions``: each gold document is
    scored by bulk's line of it, whatever bulk's reading of its text (front matter, BOM,
    CRLF, a lone surrogate) or of its id (a lone surrogate written out, as bulk names it:
    a traceback before); none is missing, none "made from other texts"."""
    folder = tmp_path_factory.mktemp("gold")
    gold = _gold_file(folder, texts, broken)
    out, report = folder / "pred.jsonl", folder / "report.json"
    result = runner.invoke(
        app,
        ["bulk", str(gold), "-o", str(out), "--model", "openai/fake-model",
         "--base-url", kano_server.base_url, "--strategy", "single"],
        env=ENV,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["eval", str(gold), "--predictions", str(out), "-o", str(report)])
    _no_traceback(result)
    assert result.exit_code == 0, result.output
    assert "other texts" not in result.stderr
    scored = json.loads(report.read_text(encoding="utf-8"))
    assert scored["missing_docs"] == [] and scored["extra_docs"] == []
    # every document was scored by its own line: the one casualty record of its report
    assert {d["id"]: (d["predicted"], d["n_predicted"]) for d in scored["documents"]} == {
        escape_surrogates(i): (True, 1) for i in _ids(len(texts), broken)
    }
    if any("\ud800" in t or "\udfff" in t for t in texts):
        assert "lone surrogates" in result.stderr


def test_live_eval_of_a_gold_text_with_a_lone_surrogate(
    kano_server: FakeOpenAI, tmp_path: Path
) -> None:
    """The tester's live run: ``eval gsur.jsonl --model ... --base-url ...`` on a gold text
    with a lone surrogate reads it with U+FFFD and says so, never a traceback; the saved
    run given back with ``--predictions`` is of the same text."""
    gold = tmp_path / "gsur.jsonl"
    gold.write_text(
        '{"id":"s","published":"2024-01-01","text":"Broken \\ud800 surrogate text.",'
        '"records":[]}\n',
        encoding="utf-8",
    )
    saved = tmp_path / "saved.jsonl"
    result = runner.invoke(
        app,
        ["eval", str(gold), "--model", "openai/fake-model", "--base-url", kano_server.base_url,
         "--strategy", "single", "--save-predictions", str(saved)],
        env=ENV,
    )  # fmt: skip
    _no_traceback(result)
    assert result.exit_code == 0, result.output
    assert "'s': 'text' held invalid characters (lone surrogates)" in result.stderr
    again = runner.invoke(app, ["eval", str(gold), "--predictions", str(saved)])
    _no_traceback(again)
    assert again.exit_code == 0, again.output
    assert "other texts" not in again.stderr
