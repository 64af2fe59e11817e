"""Records, warnings and scores that hostile inputs used to break (issue #14).

* Any document id keeps its records: ids with lone surrogates (an undecodable
  file name, ``--doc-id $'\\xff'``, a JSONL ``"\\ud800"`` escape) or NUL used
  to make the record-id hash raise, and every record was dropped with "ok, 0
  records". For generated ids, the records equal those of a plain id (but for
  ``id``/``doc_id``), the id is stable (cache hit or not), and the bulk line
  is written and read back under the same id.
* No API key reaches a result through a warning: a fake server echoes a
  generated ``EXTRACTOR_API_KEY`` into field values, which resolution quotes
  in warnings ("place '...' is not in the article"); none is in the line,
  stdout, stderr or ``metadata.warnings``.
* ``eval --predictions`` scores no prediction made from another text: lines
  whose ``text_sha256`` is not the gold text's are named once and scored as
  missing (all of them: exit 2).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from extractor.blank import is_blank, strip_blank
from extractor.cli import app
from extractor.evaluation import load_gold
from extractor.io.output import latest_lines
from extractor.pipeline.engine import Extractor
from extractor.redact import MARK, escape_surrogates
from extractor.runtime.cache import ResultCache
from tests.fakes.kano import EMPTY, KANO, casualty_responder, kano
from tests.fakes.openai_server import LOOPBACK_ONLY, FakeOpenAI

pytestmark = pytest.mark.block_network(allowed_hosts=LOOPBACK_ONLY)
runner = CliRunner()
ROOT = Path(__file__).resolve().parent.parent
DEV_GOLD = ROOT / "seeds" / "dev.gold.jsonl"
MODEL = ["--model", "openai/fake-model", "--strategy", "single"]
SLOW = settings(
    max_examples=10,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Every code point, lone surrogates (category Cs) and NUL included; hypothesis seldom
# draws a surrogate from the whole range, so they and other hostile ones are drawn apart too.
any_char = st.characters(exclude_categories=())
hostile_chars = st.one_of(
    st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF, exclude_categories=()),
    st.sampled_from("\x00\x1f\x7f\ufffe\uffff\u202e"),
    any_char,
)


def _shows_something(doc_id: str) -> bool:
    return not is_blank(doc_id)


# (st.text would drop the surrogates: a list of characters, joined, keeps them)
doc_ids = (
    st.lists(hostile_chars, min_size=1, max_size=20).map("".join).filter(_shows_something)
)  # a blank id is refused (extractor/blank.py: NUL, zero-width ... are blank too)


@pytest.fixture(autouse=True)
def _no_openai_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)  # EXTRACTOR_*: conftest


@pytest.fixture(scope="module")
def extractor(
    kano_server: FakeOpenAI, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Extractor]:
    cache = ResultCache(tmp_path_factory.mktemp("cache") / "cache.sqlite")
    with Extractor(
        "openai/fake-model", base_url=kano_server.base_url, api_key="x", strategy="single",
        cache=cache,
    ) as extractor:  # fmt: skip
        yield extractor


def without_identity(record: Any) -> dict[str, Any]:
    data: dict[str, Any] = record.model_dump(mode="json")
    data.pop("id")
    data.pop("doc_id")
    return data


# ------------------------------------------------------------- any doc id keeps its records

# The id a JSONL reader sees: escapes of a surrogate pair ("\\ud800\\udc00") are one character.
jsonl_ids = doc_ids.map(lambda doc_id: str(json.loads(json.dumps(doc_id))))


@settings(max_examples=60, deadline=None)
@given(doc_id=doc_ids, killed=st.integers(min_value=2, max_value=5))
def test_any_doc_id_keeps_the_records_of_a_plain_id(
    extractor: Extractor, doc_id: str, killed: int
) -> None:
    """Extracted twice (the second time from the cache), with a plain id and the generated one."""
    plain = extractor.extract(kano(killed), doc_id="plain")
    first = extractor.extract(kano(killed), doc_id=doc_id)
    again = extractor.extract(kano(killed), doc_id=doc_id)
    assert len(plain.records) == 1, plain.metadata.warnings
    for result in (first, again):
        assert [without_identity(r) for r in result.records] == [
            without_identity(r) for r in plain.records
        ], result.metadata.warnings
        # an id with a lone surrogate is written with U+FFFD escapes, as bulk names it
        shown = escape_surrogates(doc_id) if re.search("[\ud800-\udfff]", doc_id) else doc_id
        assert [r.doc_id for r in result.records] == [shown]
        assert not any("codec" in w for w in result.metadata.warnings)
    assert [r.id for r in again.records] == [r.id for r in first.records]  # rerun-stable
    assert again.metadata.cached
    if doc_id != "plain":
        assert first.records[0].id != plain.records[0].id


def _as_read(doc_id: str) -> str:
    """An id cell as the readers read it: composed (NFC), without blanks around it."""
    return strip_blank(unicodedata.normalize("NFC", doc_id))


@SLOW
@given(ids=st.lists(jsonl_ids.filter(_shows_something), min_size=1, max_size=4, unique_by=_as_read))
def test_jsonl_ids_with_any_characters_round_trip_through_bulk(
    kano_server: FakeOpenAI, tmp_path_factory: pytest.TempPathFactory, ids: list[str]
) -> None:
    """One line per input, under its own id, holding its record, read back by latest_lines.

    (The reader takes an id composed and without what shows nothing around it; a blank id
    gets a derived one.)
    """
    folder = tmp_path_factory.mktemp("ids")
    rows = [{"id": doc_id, "text": kano(n + 2)} for n, doc_id in enumerate(ids)]
    source = folder / "in.jsonl"
    source.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="ascii")
    out = folder / "out.jsonl"
    result = runner.invoke(
        app, ["bulk", str(source), "-o", str(out), "--base-url", kano_server.base_url, *MODEL],
        env={"EXTRACTOR_API_KEY": "x"},
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    lines = list(latest_lines(out))
    assert len(lines) == len(ids) == len(out.read_bytes().splitlines())
    killed = {line["doc_id"]: [r["killed"] for r in line["records"]] for line in lines}
    # an id no UTF-8 can carry (a lone "\ud800") is written escaped (escape_surrogates)
    by_id = {escape_surrogates(_as_read(row["id"])): row for row in rows}
    assert set(killed) == set(by_id)
    for doc_id, found in killed.items():
        expected = KANO.search("[1] " + by_id[doc_id]["text"])
        assert expected is not None
        assert [c["low"] for c in found] == [int(expected.group(1))], lines


@pytest.mark.skipif(sys.platform != "linux", reason="file names are bytes on Linux only")
@SLOW
@given(
    names=st.lists(
        st.binary(min_size=1, max_size=8).map(
            lambda raw: bytes(b if b not in b"/\0" else 0xE9 for b in raw) + b".txt"
        ),
        min_size=1, max_size=3, unique=True,
    )
)  # fmt: skip
def test_undecodable_file_names_keep_their_records(
    kano_server: FakeOpenAI, tmp_path_factory: pytest.TempPathFactory, names: list[bytes]
) -> None:
    folder = tmp_path_factory.mktemp("names")
    (folder / "in").mkdir()
    for n, name in enumerate(names):
        assume(not name.startswith(b"."))  # hidden files are skipped on purpose
        (folder / "in" / os.fsdecode(name)).write_text(kano(n + 2), encoding="utf-8")
    out = folder / "out.jsonl"
    result = runner.invoke(
        app, ["bulk", str(folder / "in"), "-o", str(out), "--base-url", kano_server.base_url,
              *MODEL],
        env={"EXTRACTOR_API_KEY": "x"},
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    lines = list(latest_lines(out))
    assert len(lines) == len(names)
    assert all(line["status"] == "ok" and len(line["records"]) == 1 for line in lines), lines
    assert {line["doc_id"] for line in lines} == {
        escape_surrogates(os.fsdecode(name)) for name in names
    }


# ------------------------------------------------------------- no key in a warning

# What real keys are made of: no spaces, anything else printable (no "sk-" prefix, which
# the redactor removes by its pattern whether it knows the key or not).
KEY_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.~+/=!$%*:@&#'\"\\"
keys = st.text(alphabet=KEY_CHARS, min_size=12, max_size=48)


def echoing(key: str) -> Any:
    """The Kano casualty record, with the key as its place (not in the article: warned of)."""

    def respond(body: dict[str, Any]) -> str:
        answer = json.loads(casualty_responder(body))
        for record in answer["casualty_reports"]:
            record.update(place=key)
        return json.dumps(answer) if answer["casualty_reports"] else EMPTY

    return respond


@SLOW
@given(key=keys)
def test_a_key_echoed_into_field_values_reaches_no_warning(
    key: str,
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
    capfd: pytest.CaptureFixture[str],
) -> None:
    assume(key not in kano(3) and key.strip() == key)
    monkeypatch.setenv("EXTRACTOR_API_KEY", key)
    folder = tmp_path_factory.mktemp("keys")
    (folder / "in").mkdir()
    for n in range(2):
        (folder / "in" / f"d{n}.txt").write_text(kano(n + 3), encoding="utf-8")
    out = folder / "out.jsonl"
    with FakeOpenAI(echoing(key)) as server:
        common = ["--base-url", server.base_url, *MODEL]
        env = {"EXTRACTOR_API_KEY": key}
        extracted = runner.invoke(app, ["extract", str(folder / "in" / "d0.txt"), *common], env=env)
        bulked = runner.invoke(
            app, ["bulk", str(folder / "in"), "-o", str(out), "--progress", "log", *common], env=env
        )
        with Extractor("openai/fake-model", base_url=server.base_url, strategy="single") as ex:
            result = ex.extract(kano(3), doc_id="d")
        answered = len(server.log)
    assert answered >= 4  # extract, two bulk documents and the Python call
    assert extracted.exit_code == 0 and bulked.exit_code == 0, extracted.output + bulked.output
    captured = capfd.readouterr()
    lines = out.read_text(encoding="utf-8").splitlines()
    for text in (extracted.stdout, extracted.stderr, bulked.stdout, bulked.stderr,
                 captured.out, captured.err, *lines, *result.metadata.warnings):  # fmt: skip
        assert key not in text, f"the key leaked: {text[:400]!r}"
    # The warnings are still there, the key replaced: the echo was seen and redacted.
    assert any("place" in w and MARK in w for w in result.metadata.warnings), result.metadata
    assert all(any(MARK in w for w in json.loads(line)["warnings"]) for line in lines), lines


# ------------------------------------------------------------- eval: predictions of other texts


def _gold_subset(folder: Path, count: int) -> tuple[Path, list[str]]:
    gold = folder / "gold.jsonl"
    rows = [json.loads(line) for line in DEV_GOLD.read_text(encoding="utf-8").splitlines()[:count]]
    gold.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return gold, [row["id"] for row in rows]


@SLOW
@given(
    count=st.integers(min_value=1, max_value=6),
    data=st.data(),
)
def test_predictions_of_other_texts_are_named_and_scored_as_missing(
    tmp_path_factory: pytest.TempPathFactory, count: int, data: st.DataObject
) -> None:
    folder = tmp_path_factory.mktemp("eval")
    gold, ids = _gold_subset(folder, count)
    texts = {doc.id: doc.text for doc in load_gold(gold)}
    # per gold document: a prediction from its text, from an edited text, without a hash, or none
    kinds = data.draw(
        st.lists(
            st.sampled_from(["same", "other", "unhashed", "none"]), min_size=count, max_size=count
        )
    )
    edits = data.draw(st.lists(st.text(min_size=1, max_size=5), min_size=count, max_size=count))
    lines = []
    for doc_id, kind, edit in zip(ids, kinds, edits, strict=True):
        if kind == "none":
            continue
        line: dict[str, Any] = {"doc_id": doc_id, "status": "ok", "records": []}
        if kind != "unhashed":
            text = texts[doc_id] + (edit if kind == "other" else "")
            line["text_sha256"] = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
        lines.append(line)
    predictions = folder / "pred.jsonl"
    predictions.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    report = folder / "report.json"
    result = runner.invoke(
        app, ["eval", str(gold), "--predictions", str(predictions), "-o", str(report)]
    )
    other = [doc_id for doc_id, kind in zip(ids, kinds, strict=True) if kind == "other"]
    predicted = [doc_id for doc_id, kind in zip(ids, kinds, strict=True) if kind != "none"]
    if not predicted:  # no result line at all: no run over the gold file, not a report
        assert result.exit_code == 2 and "holds no result line" in result.stderr, result.output
        return
    if other and other == predicted:
        assert result.exit_code == 2, result.output
        assert f"all {len(other)} prediction(s) were made from other texts" in result.stderr
        assert result.stderr.count("\n") == 1, result.stderr
        return
    assert result.exit_code == 0, result.output
    warned = [line for line in result.stderr.splitlines() if "from other texts" in line]
    if not other:
        assert warned == []
    else:
        assert len(warned) == 1, result.stderr  # once per run
        assert f"{len(other)} prediction(s) were made from other texts" in warned[0]
        assert repr(other[0]) in warned[0] and warned[0].endswith("they are scored as missing")
    scored = json.loads(report.read_text(encoding="utf-8"))
    expected_missing = [doc_id for doc_id, kind in zip(ids, kinds, strict=True)
                        if kind in ("other", "none")]  # fmt: skip
    assert scored["missing_docs"] == expected_missing


@SLOW
@given(
    good=st.integers(min_value=0, max_value=3),
    bad=st.sampled_from([
        {"type": "meeting", "countries": "CHN"},  # no evidence, countries not a list
        {"type": "visit", "visitor_country": 7, "evidence": {"quote": "x"}},
        {"type": "protest_x", "a": 1},  # a plugin's type, not installed here
        {"type": None},
        5, "x", None, [1],  # no object at all
    ]),
)  # fmt: skip
def test_a_bad_predicted_record_is_named_by_document_record_and_field(
    tmp_path_factory: pytest.TempPathFactory, good: int, bad: dict[str, Any]
) -> None:
    """eval said "a record is not in the bulk output format (2 validation errors for
    Meeting)": which document, which record and which field went unsaid."""
    folder = tmp_path_factory.mktemp("badrecord")
    gold, ids = _gold_subset(folder, 1)
    fine = {"type": "meeting", "countries": ["CHN", "MMR"], "status": "occurred",
            "evidence": {"quote": "talks", "start": 0, "end": 5, "alignment": "exact"}}  # fmt: skip
    records = [fine] * good + [bad]
    line = {"doc_id": ids[0], "status": "ok", "records": records}
    predictions = folder / "pred.jsonl"
    predictions.write_text(json.dumps(line) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["eval", str(gold), "--predictions", str(predictions)])
    assert result.exit_code == 2, result.output
    [message] = result.stderr.splitlines()
    assert "pred.jsonl" in message and repr(ids[0]) in message, message
    assert f"record {good}" in message, message


@SLOW
@given(
    records=st.sampled_from(["x", {"type": "meeting"}, 5, [5]]),
    types=st.sampled_from([None, ["meeting"], ["bogus"], "meeting", [5], ["meeting", "bogus"]]),
)
def test_predictions_whose_records_or_types_are_no_such_thing_are_one_line(
    tmp_path_factory: pytest.TempPathFactory, records: Any, types: Any
) -> None:
    """A line's ``records`` that is a string or a dict was read item by item, or dropped;
    ``types`` naming no type scored a run as asked for it: one line, exit 2."""
    folder = tmp_path_factory.mktemp("badline")
    gold, ids = _gold_subset(folder, 1)
    line: dict[str, Any] = {"doc_id": ids[0], "status": "ok", "records": records}
    if types is not None:
        line["types"] = types
    predictions = folder / "pred.jsonl"
    predictions.write_text(json.dumps(line) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["eval", str(gold), "--predictions", str(predictions)])
    assert result.exit_code == 2, result.output
    [message] = [line for line in result.stderr.splitlines() if "error:" in line]
    assert "pred.jsonl" in message and repr(ids[0]) in message, message


@SLOW
@given(
    line=st.sampled_from([
        {"status": "ok", "records": [], "usage": "x"},
        {"status": "ok", "records": [], "usage": {"prompt_tokens": "12"}},
        {"status": "ok", "records": [], "seconds": "fast"},
        {"status": "ok", "records": [], "types": "meeting"},
        {"metadata": {}, "meetings": "abc"},
        {"metadata": {}, "arms_transfers": {"type": "arms_transfer"}},  # one record, no list
        {"status": "weird"},
        {"metadata": "abc", "meetings": []},
    ])
)  # fmt: skip
def test_a_damaged_result_is_no_prediction_of_nothing(
    tmp_path_factory: pytest.TempPathFactory, line: dict[str, Any]
) -> None:
    """Extract's JSON with one record not in a list, or a status of no result, was scored
    as a document with no predictions (exit 0): one line naming file and document."""
    folder = tmp_path_factory.mktemp("damaged")
    gold, ids = _gold_subset(folder, 1)
    predictions = folder / "pred.jsonl"
    predictions.write_text(json.dumps({"doc_id": ids[0], **line}) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["eval", str(gold), "--predictions", str(predictions)])
    assert result.exit_code == 2, result.output
    [message] = [text for text in result.stderr.splitlines() if "error:" in text]
    assert "pred.jsonl" in message and repr(ids[0]) in message, message
