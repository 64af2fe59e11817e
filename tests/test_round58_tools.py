"""Round 58: eval's options, the strict score's evidence, flatten's record_id, view's count.

1. ``eval --predictions`` scored from a saved run took ``--model``, ``--save-predictions``
   and the other options of a model run and dropped them (exit 0, nothing said), and
   ``--types`` did not narrow the scoring. Each option now applies to the paths of one
   table (eval_cmd._APPLIES): given to another, it is refused in one line (exit 2);
   ``--types`` narrows the gold and the predicted records alike.
2. The strict score took any substring of the article as evidence ("." or "Kenya").
   A quote must now state the record it is paired with
   (:mod:`extractor.evaluation.stating`): cutting a quote never raises strict true
   positives, a quote outside the gold evidence's sentences never counts, and strict
   is never above lenient.
3. flatten's ``record_id`` repeated when a line of another tool gave several records one
   id, and ``events JOIN meetings USING (record_id)`` multiplied rows. A repeat is renamed
   ``<id>#2`` ... in every table (checked in DuckDB).
4. ``view`` counted the results, not the documents its page shows; eval's report said
   "1 documents".
"""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from extractor.cli import app
from extractor.evaluation import render_report, score
from extractor.evaluation.gold import GoldDocument

ROOT = Path(__file__).resolve().parent.parent
DEV_GOLD = ROOT / "seeds" / "dev.gold.jsonl"
SAVED_RUN = ROOT / "bench" / "results" / "gold-1.5b-per-type.jsonl"
TYPES = ["visit", "meeting", "arms_transfer", "casualty_report"]

runner = CliRunner()
SETTINGS = settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


# ------------------------------------------------------------------ 1. eval's options

#: The options of a model run, each as typed (with a value where it takes one).
RUN_ONLY = {
    "--model": ["--model", "openai/fake"],
    "--base-url": ["--base-url", "http://127.0.0.1:9/v1"],
    "--strategy": ["--strategy", "single"],
    "--max-retries": ["--max-retries", "5"],
    "--second-look": ["--second-look"],
    "--no-second-look": ["--no-second-look"],
    "--cache": ["--cache"],
    "--no-cache": ["--no-cache"],
    "--save-predictions": ["--save-predictions", "{tmp}/saved.jsonl"],
}


@SETTINGS
@given(options=st.lists(st.sampled_from(sorted(RUN_ONLY)), min_size=1, max_size=3, unique=True))
def test_options_of_a_model_run_are_refused_with_predictions(
    options: list[str], tmp_path: Path
) -> None:
    args = ["eval", str(DEV_GOLD), "--predictions", str(SAVED_RUN), "-o", str(tmp_path / "r.json")]
    for option in options:
        args += [a.format(tmp=tmp_path) for a in RUN_ONLY[option]]
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output
    [line] = [line for line in result.stderr.splitlines() if line.strip()]
    assert "has no effect with --predictions" in line and "Traceback" not in result.output
    assert any(o.split("/")[0].replace("--no-", "--") in line for o in options), line
    assert not (tmp_path / "saved.jsonl").exists() and not (tmp_path / "r.json").exists()


def test_save_predictions_with_predictions_says_they_are_saved(tmp_path: Path) -> None:
    saved = tmp_path / "saved.jsonl"
    args = [
        "eval",
        str(DEV_GOLD),
        "--predictions",
        str(SAVED_RUN),
        "--save-predictions",
        str(saved),
    ]
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        "extractor: error: --save-predictions has no effect with --predictions: "
        "the predictions are already saved"
    )


def test_compare_refuses_what_it_does_not_use(tmp_path: Path) -> None:
    report = tmp_path / "r.json"
    made = runner.invoke(
        app, ["eval", str(DEV_GOLD), "--predictions", str(SAVED_RUN), "-o", str(report)]
    )
    assert made.exit_code == 0, made.output
    shown = runner.invoke(app, ["eval", str(DEV_GOLD), "--compare", str(report), str(report)])
    assert shown.exit_code == 0, shown.output  # the README's form: the gold file is allowed
    for extra in (["-o", str(tmp_path / "x.json")], ["--types", "visit"], ["--model", "m"]):
        result = runner.invoke(app, ["eval", "--compare", str(report), str(report), *extra])
        assert result.exit_code == 2 and "has no effect with --compare" in result.stderr
        assert not (tmp_path / "x.json").exists()


@pytest.fixture(scope="module")
def full_report(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    out = tmp_path_factory.mktemp("full") / "r.json"
    result = runner.invoke(
        app, ["eval", str(DEV_GOLD), "--predictions", str(SAVED_RUN), "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    return dict(json.loads(out.read_text(encoding="utf-8")))


@settings(
    max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(chosen=st.lists(st.sampled_from(TYPES), min_size=1, max_size=3, unique=True))
def test_types_narrows_the_gold_and_the_predictions(
    chosen: list[str], full_report: dict[str, Any], tmp_path: Path
) -> None:
    out = tmp_path / "narrow.json"
    args = ["eval", str(DEV_GOLD), "--predictions", str(SAVED_RUN), "--types", ",".join(chosen)]
    result = runner.invoke(app, [*args, "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "--types" in result.stderr and "intersected" in result.stderr
    report = json.loads(out.read_text(encoding="utf-8"))
    for kind in TYPES:
        counts = report["per_type"][kind]
        if kind in chosen:  # what the run was asked for is scored as without --types
            assert counts == full_report["per_type"][kind]
        else:  # neither a missed gold record nor a false positive of another type
            assert (counts["tp"], counts["fp"], counts["fn"]) == (0, 0, 0), (kind, counts)


# ------------------------------------------------------------------ 2. the strict score

PEOPLE = [("Macron", "France", "FRA", "Paris"), ("Scholz", "Germany", "DEU", "Berlin"),
          ("Ruto", "Kenya", "KEN", "Nairobi"), ("Kishida", "Japan", "JPN", "Tokyo")]  # fmt: skip
FILLERS = ["Markets were calm.", "It rained in {country} all week.", "Prices rose again.",
           "The {country} team won the match."]  # fmt: skip


@st.composite
def article(draw: st.DrawFn) -> tuple[str, dict[str, Any], str]:
    """A text with one visit's sentence among fillers: (text, gold visit, its sentence)."""
    visitor, host = draw(st.permutations(PEOPLE))[:2]
    sentence = f"President {visitor[0]} of {visitor[1]} visited {host[3]} on 3 May 2024."
    fillers = draw(st.lists(st.sampled_from(FILLERS), min_size=1, max_size=4))
    where = draw(st.integers(0, len(fillers)))
    parts = [f.format(country=draw(st.sampled_from(PEOPLE))[1]) for f in fillers]
    parts.insert(where, sentence)
    gold = {"type": "visit", "visitors": [visitor[0]], "visitor_country": visitor[2],
            "host_country": host[2], "place": host[3], "start": "2024-05-03", "end": None,
            "evidence": sentence}  # fmt: skip
    return " ".join(parts), gold, sentence


def _strict(text: str, gold: dict[str, Any], quote: str) -> tuple[int, int]:
    """(strict tp, lenient tp) of one prediction, the gold record with ``quote`` as evidence."""
    prediction = {**copy.deepcopy(gold), "evidence": quote}
    report = score([GoldDocument(id="d", text=text, records=[gold])], {"d": [prediction]})
    return report.strict_micro.tp, report.micro.tp


@SETTINGS
@given(case=article(), cut=st.tuples(st.integers(0, 400), st.integers(0, 400)), data=st.data())
def test_cutting_a_quote_never_raises_strict_and_strict_stays_below_lenient(
    case: tuple[str, dict[str, Any], str], cut: tuple[int, int], data: st.DataObject
) -> None:
    text, gold, _ = case
    start, end = sorted(c % (len(text) + 1) for c in cut)
    quote = text[start:end]
    inner_start = data.draw(st.integers(start, end))
    inner = text[inner_start : data.draw(st.integers(inner_start, end))]
    whole, lenient = _strict(text, gold, quote)
    part, part_lenient = _strict(text, gold, inner)
    assert part <= whole, (quote, inner)
    assert whole <= lenient and part <= part_lenient


@SETTINGS
@given(case=article(), data=st.data())
def test_a_quote_outside_the_gold_sentence_or_saying_nothing_is_no_strict_hit(
    case: tuple[str, dict[str, Any], str], data: st.DataObject
) -> None:
    text, gold, sentence = case
    at = text.index(sentence)
    assert _strict(text, gold, sentence) == (1, 1)  # the gold sentence itself states it
    outside = text[:at] + " " + text[at + len(sentence) :]
    fillers = [f for f in re.split(r"(?<=\.) ", outside.strip()) if f and f not in sentence]
    if fillers:
        filler = data.draw(st.sampled_from(fillers))
        assert _strict(text, gold, filler)[0] == 0, filler
    for nothing in (".", "of", " on "):
        assert _strict(text, gold, nothing)[0] == 0, nothing


def test_without_gold_evidence_a_quote_must_tell_the_event() -> None:
    """A key fact and a word of the type: "President Ruto of Kenya" names, it does not tell."""
    text = "Flights were delayed. President Ruto of Kenya visited Tokyo on 3 May 2024."
    gold = {"type": "visit", "visitors": ["Ruto"], "visitor_country": "KEN",
            "host_country": "JPN", "place": "Tokyo", "start": "2024-05-03", "end": None,
            "evidence": "not in this text at all"}  # fmt: skip
    assert _strict(text, gold, "Flights were delayed.")[0] == 0
    assert _strict(text, gold, ".")[0] == 0
    assert _strict(text, gold, "President Ruto of Kenya")[0] == 0
    assert _strict(text, gold, "President Ruto of Kenya visited Tokyo")[0] == 1


@SETTINGS
@given(st.sampled_from(["Amara Osei", "Lena Varga", "Tomas Reyes"]), st.data())
def test_another_sentence_that_tells_the_event_counts(name, data):
    """A model may cite another sentence than the annotator's and be right: one holding a
    key fact and a word of the type counts for strict; the name alone in it does not."""
    last = name.split()[-1]
    told = data.draw(st.sampled_from([f"{last} arrived in Tokyo on Monday.",
                                      f"During the visit, {last} toured a factory."]))  # fmt: skip
    text = f"{name} of Kenya is in Japan this week. {told} Markets were calm."
    gold = {"type": "visit", "visitors": [name], "visitor_country": "KEN",
            "host_country": "JPN", "place": None, "start": None, "end": None,
            "evidence": f"{name} of Kenya is in Japan this week."}  # fmt: skip
    assert _strict(text, gold, told)[0] == 1, told
    assert _strict(text, gold, last)[0] == 0


# ------------------------------------------------------------------ 3. flatten's record_id


def _templates() -> dict[str, dict[str, Any]]:
    line = json.loads(SAVED_RUN.read_text(encoding="utf-8").splitlines()[0])
    return {r["type"]: r for r in line["records"]}


TEMPLATES = _templates()


@settings(
    max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    documents=st.lists(
        st.lists(
            st.tuples(
                st.sampled_from(sorted(TEMPLATES)),
                st.sampled_from(["a", "b", "a#2"]),
                st.integers(0, 2),
            ),
            max_size=6,
        ),
        min_size=1,
        max_size=3,
    )
)
def test_record_id_is_a_key_of_every_table_in_duckdb(
    documents: list[list[tuple[str, str, int]]], tmp_path_factory: pytest.TempPathFactory
) -> None:
    duckdb = pytest.importorskip("duckdb")
    pytest.importorskip("pyarrow")
    from extractor.export.flatten import flatten

    folder = tmp_path_factory.mktemp("flat")
    lines = []
    for number, records in enumerate(documents):
        made = []
        for kind, rid, variant in records:  # variant 0 twice: a copy; else another record
            # ids repeat within a document; between documents they differ, as this tool's
            # do (the document is in their hash): record_id is then a key of each table
            record = {
                **copy.deepcopy(TEMPLATES[kind]),
                "id": f"{number}:{rid}",
                "doc_id": f"d{number}",
            }
            record["attribution"] = f"variant {variant}"
            made.append(record)
        lines.append({"doc_id": f"d{number}", "status": "ok", "text": "T.", "records": made})
    source = folder / "res.jsonl"
    source.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    target = folder / "t.duckdb"
    summary = flatten(source, target)
    total = sum(len(r) for r in documents)
    repeats = total - len(
        {(n, rid) for n, records in enumerate(documents) for _, rid, _ in records}
    )
    with duckdb.connect(str(target), read_only=True) as db:
        tables = ["events", *{_table(kind) for records in documents for kind, _, _ in records}]
        for table in tables:
            rows, keys = db.execute(
                f"select count(*), count(distinct record_id) from {table}"
            ).fetchone()
            assert rows == keys, table
        (events,) = db.execute("select count(*) from events").fetchone()
        assert events == total
        for kind in {kind for records in documents for kind, _, _ in records}:
            table = _table(kind)
            (own,) = db.execute(f"select count(*) from {table}").fetchone()
            (joined,) = db.execute(
                f"select count(*) from events join {table} using (record_id)"
            ).fetchone()
            assert joined == own, (table, own, joined)
    renamed = summary.renamed_ids + summary.copied_ids  # an id taken by a rename counts too
    assert (renamed >= repeats) and ((renamed == 0) == (repeats == 0)), summary


def _table(kind: str) -> str:
    from extractor.export.flatten import table_name
    from extractor.types.registry import get_type

    return table_name(get_type(kind))


# ------------------------------------------------------------------ 4. counts said


@SETTINGS
@given(results=st.integers(1, 3), others=st.integers(0, 3))  # none: refused, as before
def test_view_counts_the_documents_its_page_shows(
    results: int, others: int, tmp_path_factory: pytest.TempPathFactory
) -> None:
    folder = tmp_path_factory.mktemp("view")
    lines = [
        {"doc_id": f"r{n}", "status": "ok", "text": "A.", "records": []} for n in range(results)
    ]
    lines += [{"doc_id": f"o{n}", "text": "B.", "records": []} for n in range(others)]  # no status
    source = folder / "res.jsonl"
    source.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    page = folder / "page.html"
    result = runner.invoke(app, ["view", str(source), "-o", str(page)])
    cards = page.read_text(encoding="utf-8").count('class="doc"') if page.exists() else None
    total = results + others
    said = f"view: {total} document{'' if total == 1 else 's'}"
    assert said in result.stderr, result.stderr
    assert cards in (None, total)
    assert "1 documents" not in result.stderr and "1 records" not in result.stderr


def test_the_eval_report_says_one_document() -> None:
    gold = [GoldDocument(id="g", text="Nothing happened.", records=[])]
    report = score(gold, {"other": [], "g": []})
    from rich.console import Console

    console = Console(record=True, width=200)
    console.print(render_report(report))
    text = console.export_text()
    assert "predictions for 1 document not in the gold set" in text, text
