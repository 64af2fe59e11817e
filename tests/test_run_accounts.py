"""What a run says it did and was given (hostile round 18).

* A text of nothing but blanks and control characters is empty, whatever carries it
  (a row, a string, a pipe), as a file of such bytes is binary: generated texts.
* A run served from the cache spent nothing: its summary counts the cached documents
  and leaves their tokens and cost out.
* A dry run with second looks says how many they may add.
* eval's saved predictions carry the gold text's hash, so reusing them against an
  edited gold file is caught; and a bulk run over a CRLF gold file is the gold's own.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from extractor import Extractor, InputError
from extractor.blank import is_blank_char
from extractor.cli import app
from extractor.export.flatten import flatten
from extractor.io.decoding import is_blank
from extractor.io.output import as_result_line
from tests.fakes.kano import casualty_responder, kano
from tests.fakes.openai_server import LOOPBACK_ONLY, FakeOpenAI

pytestmark = pytest.mark.block_network(allowed_hosts=LOOPBACK_ONLY)
runner = CliRunner()
ROOT = Path(__file__).resolve().parent.parent
_CONTROLS = st.sampled_from([chr(c) for c in (*range(0x20), *range(0x7F, 0xA0))] + [" ", "\u3000"])


@settings(max_examples=200, deadline=None)
@given(
    st.lists(_CONTROLS, max_size=30).map("".join),
    # a character that shows something: not whitespace, a control, a format character
    # (a BOM, a zero-width space) or another the one rule calls blank (``extractor.blank``)
    st.characters(blacklist_categories=["Cc", "Cf", "Zs", "Zl", "Zp"]).filter(
        lambda ch: not is_blank_char(ch)
    ),
)
def test_a_text_of_controls_and_blanks_is_blank_and_one_letter_is_not(
    noise: str, letter: str
) -> None:  # fmt: skip
    assert is_blank(noise)
    if not letter.isspace():
        assert not is_blank(noise + letter + noise)


def test_a_row_or_string_of_control_characters_is_an_input_error(tmp_path: Path) -> None:
    rows = tmp_path / "rows.jsonl"
    rows.write_text(json.dumps({"id": "n1", "text": "\u0000\u0000"}) + "\n"
                    + json.dumps({"id": "n2", "text": "\u0001\u0002 \u0003"}) + "\n"
                    + json.dumps({"id": "ok", "text": kano(3)}) + "\n", encoding="utf-8")  # fmt: skip
    out = tmp_path / "out.jsonl"
    with FakeOpenAI(casualty_responder) as server:
        result = runner.invoke(app, ["bulk", str(rows), "-o", str(out), "--model", "openai/fake",
                                     "--base-url", server.base_url, "--progress", "none"],
                               env={"OPENAI_API_KEY": "sk-test"})  # fmt: skip
        with (
            Extractor("openai/fake", base_url=server.base_url, api_key="sk-test") as extractor,
            pytest.raises(InputError, match="empty"),
        ):
            extractor.extract("\x00\x01 \x7f")
        sent = len(server.requests)
    lines = {line["doc_id"].rsplit("#", 1)[-1]: line
             for line in map(json.loads, out.read_text().splitlines())}  # fmt: skip
    assert result.exit_code == 1
    assert [lines[key]["status"] for key in ("n1", "n2", "ok")] == ["error", "error", "ok"]
    assert "is empty" in lines["n1"]["error"]["message"]
    assert sent == 1  # only the article was sent


def _bulk(server: FakeOpenAI, *args: str) -> dict[str, object]:
    result = runner.invoke(app, ["bulk", *args, "--model", "openai/fake", "--base-url",
                                 server.base_url, "--progress", "none", "--price", "10/10"],
                           env={"OPENAI_API_KEY": "sk-test"})  # fmt: skip
    assert result.exit_code == 0, result.output
    return {"stdout": result.output}


def test_a_run_served_from_the_cache_spent_nothing(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(4):
        (folder / f"{n}.txt").write_text(kano(n + 2), encoding="utf-8")
    with FakeOpenAI(casualty_responder) as server:
        _bulk(server, str(folder), "-o", str(tmp_path / "a.jsonl"), "--cache",
              "--summary-json", str(tmp_path / "a.json"))  # fmt: skip
        sent = len(server.requests)
        _bulk(server, str(folder), "-o", str(tmp_path / "b.jsonl"), "--cache",
              "--summary-json", str(tmp_path / "b.json"))  # fmt: skip
        assert len(server.requests) == sent  # nothing sent the second time
    first, second = (json.loads((tmp_path / f"{n}.json").read_text()) for n in "ab")
    assert first["usage"]["total_tokens"] > 0 and first["cost_usd"] > 0 and first["cached"] == 0
    assert second["cached"] == 4 and second["documents"] == 4
    assert second["usage"]["total_tokens"] == 0 and second["cost_usd"] == 0
    # extract's results say so as bulk's lines do
    with Extractor("openai/fake", base_url=server.base_url, api_key="sk-test", cache=True) as ex:
        again = ex.extract(kano(2), doc_id="x")
    assert again.metadata.cached and as_result_line(again)["cached"] is True
    # the tables say so too: summing the tokens of the rows not cached is what a run spent
    import duckdb

    for name, spent in (("a", first["usage"]["prompt_tokens"]), ("b", 0)):
        database = tmp_path / f"{name}.duckdb"
        flatten(tmp_path / f"{name}.jsonl", database)
        with duckdb.connect(str(database), read_only=True) as db:
            paid = db.sql("SELECT coalesce(sum(prompt_tokens), 0) FROM documents WHERE NOT cached")
            assert paid.fetchall() == [(spent,)]


def test_a_dry_run_says_what_second_looks_may_add(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("The ministers of Chile and Peru spoke by phone on Monday.")
    plans = {}
    for flag in ("--second-look", "--no-second-look"):
        summary = tmp_path / f"{flag}.json"
        result = runner.invoke(app, ["bulk", str(folder), "-o", str(tmp_path / "o.jsonl"),
                                     "--dry-run", "--model", "openai/fake", "--base-url",
                                     "http://127.0.0.1:9/v1", flag, "--summary-json", str(summary)],
                               env={"OPENAI_API_KEY": "sk-test"})  # fmt: skip
        assert result.exit_code == 0, result.output
        plans[flag] = json.loads(summary.read_text())
    looked, plain = plans["--second-look"], plans["--no-second-look"]
    assert looked["calls"] == plain["calls"] >= 1
    assert plain["second_looks_at_most"] == 0 < looked["second_looks_at_most"] <= looked["calls"]


def _gold(text: str) -> str:
    record = {"type": "casualty_report", "killed": {"low": 3, "best": 3, "high": 3},
              "injured": None, "qualifier": "at_least", "country": "NGA", "place": "Kano",
              "start": None, "end": None, "perpetrator": None, "victims": None,
              "scope": "event", "evidence": "3 people were killed"}  # fmt: skip
    return json.dumps({"id": "g1", "text": text, "published": "2024-03-12", "records": [record]})


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_a_bulk_run_over_the_gold_file_is_scored_whatever_its_line_ends(
    tmp_path: Path, newline: str
) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text(_gold(f"KANO, Nigeria —{newline}At least 3 people were killed in Kano on "
                          f"Monday.{newline}Police said so.") + "\n", encoding="utf-8")  # fmt: skip
    predictions = tmp_path / "pred.jsonl"
    with FakeOpenAI(casualty_responder) as server:
        _bulk(server, str(gold), "-o", str(predictions))
    result = runner.invoke(app, ["eval", str(gold), "--predictions", str(predictions)])
    assert result.exit_code == 0, result.output
    assert "other texts" not in result.output


def test_saved_predictions_are_checked_against_an_edited_gold_file(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    text = "KANO, Nigeria — At least 3 people were killed in Kano on Monday."
    gold.write_text(_gold(text) + "\n", encoding="utf-8")
    saved = tmp_path / "saved.jsonl"
    with FakeOpenAI(casualty_responder) as server:
        result = runner.invoke(app, ["eval", str(gold), "--model", "openai/fake", "--base-url",
                                     server.base_url, "--save-predictions", str(saved)],
                               env={"OPENAI_API_KEY": "sk-test"})  # fmt: skip
    assert result.exit_code == 0, result.output
    for line in map(json.loads, saved.read_text().splitlines()):
        assert "text_sha256" in line  # checked when the lines come back
        kinds = [record["type"] for record in line["records"]]
        assert {k: n for k, n in line["counts"].items() if n} == {k: kinds.count(k) for k in kinds}
    gold.write_text(_gold(text + " Another paragraph was added.") + "\n", encoding="utf-8")
    result = runner.invoke(app, ["eval", str(gold), "--predictions", str(saved)])
    assert "other texts" in result.output


def test_a_dry_run_with_a_password_in_the_base_url_and_no_key_plans_the_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The run sends such a password as Basic auth; the dry run used to trip over its own
    stand-in key ("an API key is set") and refuse a run that works (hostile round 19)."""
    for name in ("OPENAI_API_KEY", "EXTRACTOR_API_KEY", "EXTRACTOR_BASE_URL", "EXTRACTOR_MODEL"):
        monkeypatch.delenv(name, raising=False)
    article = tmp_path / "k.txt"
    article.write_text("Officials of Kenya met the delegation of India in Paris.")
    result = runner.invoke(app, ["bulk", str(article), "-o", str(tmp_path / "d.jsonl"),
                                 "--base-url", "http://alice:Pw0rdSECRET@127.0.0.1:9/v1",
                                 "--model", "fake", "--dry-run"])  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "Pw0rdSECRET" not in result.output
