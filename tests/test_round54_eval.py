"""Round 54: scores that cannot flatter, as invariants over generated gold sets and runs.

A score is a property of what a run predicted, not of how it is written down: the
order of its records, their ids, the names of the documents must not move it. Each
property here is checked over gold sets and predictions built from small pools of
people, countries, places, dates and counts, so that records share key fields, ties
between assignments are common and a repeated record has another gold record to take:

* every ratio is in [0, 1] or ``None`` (undefined), never NaN, and the report is strict JSON;
* the strict score never exceeds the lenient one;
* reordering a document's predictions or gold records, renaming record ids or document
  ids consistently, changes no score;
* repeating a prediction never raises precision (a repeat is a false positive, never a
  second true positive) and never changes recall;
* adding a correct prediction never lowers recall, lenient or strict.

Also: a span's offsets are checked against the text as ``extractor bulk`` reads the gold
line (CRLF made LF, a BOM dropped), and any span whose offsets point elsewhere, out of
range or below zero is not verbatim.
"""

from __future__ import annotations

import copy
import json
import math
from typing import Any

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from extractor.evaluation import GoldDocument, render_comparison, render_report, score
from extractor.evaluation.scoring import EvalReport, _said_again, text_readings

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

TEXT = (
    "Antony Blinken visited Beijing, China and Tokyo, Japan. Wang Yi met Lloyd Austin. "
    "The United States sent HIMARS and F-16 jets to Ukraine. "
    "At least 12 people were killed and 30 injured in Kharkiv."
)
QUOTES = ["Antony Blinken visited Beijing", "Wang Yi met Lloyd Austin", "sent HIMARS",
          "12 people were killed", "F-16 jets to Ukraine"]  # fmt: skip

NAMES = st.lists(st.sampled_from(["Antony Blinken", "Wang Yi", "Lloyd Austin"]), max_size=2)
COUNTRY = st.sampled_from(["USA", "CHN", "JPN", None])
PLACE = st.sampled_from(["Beijing", "Tokyo", None])
DATE = st.sampled_from([None, "2023-05", "2023-05-30", "2023-06-01"])
COUNT = st.sampled_from([None, {"best": 12}, {"low": 10, "high": 15}, {"best": 30}])

VISIT = st.fixed_dictionaries(
    {"type": st.just("visit"), "visitors": NAMES, "visitor_country": COUNTRY,
     "host_country": COUNTRY, "place": PLACE, "start": DATE}
)  # fmt: skip
MEETING = st.fixed_dictionaries(
    {"type": st.just("meeting"), "participants": NAMES, "place": PLACE, "date": DATE,
     "countries": st.lists(st.sampled_from(["USA", "CHN", "JPN"]), unique=True, max_size=3)}
)  # fmt: skip
TRANSFER = st.fixed_dictionaries(
    {"type": st.just("arms_transfer"), "supplier": st.sampled_from(["USA", "RUS", None]),
     "recipient": st.sampled_from(["UKR", "USA", None]), "quantity": st.sampled_from([None, 4]),
     "items": st.sampled_from([[], ["HIMARS"], ["F-16 jets"]])}
)  # fmt: skip
CASUALTY = st.fixed_dictionaries(
    {"type": st.just("casualty_report"), "killed": COUNT, "injured": COUNT,
     "country": st.sampled_from(["UKR", None]), "start": DATE}
)  # fmt: skip
KINDS = [VISIT, MEETING, TRANSFER, CASUALTY]


def quoted(kind: Any) -> Any:
    return st.tuples(kind, st.sampled_from(QUOTES)).map(lambda p: {**p[0], "evidence": p[1]})


RECORD = quoted(st.one_of(*KINDS))


def gold_records(kind: Any) -> Any:
    return st.tuples(kind, st.booleans()).map(
        lambda pair: {**pair[0], "optional": True} if pair[1] else pair[0]
    )


@st.composite
def runs(draw: Any) -> tuple[list[GoldDocument], dict[str, list[dict[str, Any]]]]:
    """A gold set of 1-3 documents (some with no records) and a run over it: each
    prediction a gold record, perhaps with a field changed, or a record of its own."""
    gold: list[GoldDocument] = []
    predictions: dict[str, list[dict[str, Any]]] = {}
    for n in range(draw(st.integers(1, 3))):
        # one type only, half the time: records of a type compete for the same predictions
        kind = quoted(draw(st.sampled_from(KINDS))) if draw(st.booleans()) else RECORD
        records = draw(st.lists(gold_records(kind), max_size=4))
        if len(records) > 1 and draw(st.booleans()):  # near twins: one record, fields varied
            records = [
                {**records[0], **{k: v for k, v in r.items() if k in draw(st.sets(st.sampled_from(
                    sorted(set(r) & set(records[0]) - {"type"})), max_size=2))}}
                if r["type"] == records[0]["type"] else r
                for r in records
            ]  # fmt: skip
        doc = GoldDocument(id=f"doc-{n}", text=TEXT, records=records)
        gold.append(doc)
        preds: list[dict[str, Any]] = []
        for k in range(draw(st.integers(0, 5))):
            if records and draw(st.booleans()):
                pred = {k2: v for k2, v in draw(st.sampled_from(records)).items()
                        if k2 != "optional"}  # fmt: skip
                if draw(st.booleans()):
                    # a field of another gold record of the document: two such predictions
                    # cross, and assignments tie
                    changed = draw(st.sampled_from(records) | RECORD)
                    if changed["type"] == pred["type"]:
                        key = draw(
                            st.sampled_from(sorted(set(changed) - {"type", "evidence", "optional"}))
                        )
                        pred[key] = changed[key]
            else:
                pred = draw(RECORD)
            preds.append({**pred, "id": f"r{n}-{k}"})
        if draw(st.integers(0, 4)):  # sometimes the run has no line for the document
            predictions[doc.id] = preds
    return gold, predictions


def scores(report: EvalReport) -> dict[str, Any]:
    """Everything a report says of the run, without what names its records or documents."""
    data = report.model_dump(mode="json")
    kept = ["n_docs", "n_gold_required", "n_gold_optional", "n_predicted", "per_type", "micro",
            "strict_per_type", "strict_micro", "optional_matched", "fields", "fields_overall",
            "grounding", "empty_gold"]  # fmt: skip
    return {key: data[key] for key in kept}


def ratios(report: EvalReport) -> list[tuple[str, Any]]:
    found = []
    for name, counts in [("micro", report.micro), ("strict", report.strict_micro)] + [
        (t, c) for t, c in {**report.per_type, **report.strict_per_type}.items()
    ]:
        found += [(name, counts.precision), (name, counts.recall), (name, counts.f1)]
    found += [("grounding", report.grounding.rate), ("verbatim", report.grounding.verbatim_rate)]
    found += [(f, s.accuracy) for t in report.fields.values() for f, s in t.items()]
    return found


def at_most(a: float | None, b: float | None) -> bool:
    """``a <= b`` where both are defined (a strict ratio is undefined exactly when the
    lenient one is: they share their denominators)."""
    return (a is None) == (b is None) and (a is None or b is None or a <= b + 1e-12)


@given(runs())
@SETTINGS
def test_every_ratio_is_in_range_and_the_report_is_strict_json(run: Any) -> None:
    gold, predictions = run
    report = score(gold, predictions)
    for name, value in ratios(report):
        assert value is None or (math.isfinite(value) and 0 <= value <= 1), (name, value)
    json.dumps(report.model_dump(mode="json"), allow_nan=False)
    render_report(report, details=True)  # undefined ratios shown, not divided by zero
    render_comparison(report, report)


@given(runs())
@SETTINGS
def test_the_strict_score_never_exceeds_the_lenient_one(run: Any) -> None:
    gold, predictions = run
    report = score(gold, predictions)
    pairs = (
        [(report.strict_micro, report.micro)]
        + [(report.strict_per_type[t], report.per_type[t]) for t in report.per_type]
        + [(d.strict_per_type[t], d.per_type[t]) for d in report.documents for t in d.per_type]
    )
    for strict, lenient in pairs:
        assert strict.tp <= lenient.tp
        assert strict.tp + strict.fp == lenient.tp + lenient.fp  # the same predictions
        assert strict.tp + strict.fn == lenient.tp + lenient.fn  # the same gold records
        for a, b in [(strict.precision, lenient.precision), (strict.recall, lenient.recall),
                     (strict.f1, lenient.f1)]:  # fmt: skip
            assert at_most(a, b)


@given(runs(), st.randoms(use_true_random=False))
@SETTINGS
def test_reordering_records_changes_no_score(run: Any, rnd: Any) -> None:
    gold, predictions = run
    shuffled_preds = {k: rnd.sample(v, len(v)) for k, v in predictions.items()}
    shuffled_gold = [
        GoldDocument(id=d.id, text=d.text, records=rnd.sample(d.records, len(d.records)))
        for d in rnd.sample(gold, len(gold))
    ]
    expected = scores(score(gold, predictions))
    assert scores(score(gold, shuffled_preds)) == expected
    assert scores(score(shuffled_gold, shuffled_preds)) == expected


@given(runs(), st.randoms(use_true_random=False))
@SETTINGS
def test_renaming_ids_consistently_changes_no_score(run: Any, rnd: Any) -> None:
    gold, predictions = run
    record_ids = [p["id"] for preds in predictions.values() for p in preds]
    new_ids = dict(zip(record_ids, rnd.sample(record_ids, len(record_ids)), strict=True))
    doc_ids = [d.id for d in gold]
    new_docs = dict(
        zip(doc_ids, [f"z{i}" for i in rnd.sample(range(9), len(doc_ids))], strict=True)
    )
    renamed_gold = [GoldDocument(id=new_docs[d.id], text=d.text, records=d.records) for d in gold]
    renamed = {
        new_docs[doc]: [{**p, "id": new_ids[p["id"]]} for p in preds]
        for doc, preds in predictions.items()
    }
    assert scores(score(renamed_gold, renamed)) == scores(score(gold, predictions))


@given(runs(), st.data())
@SETTINGS
def test_a_repeated_prediction_never_raises_precision(run: Any, data: Any) -> None:
    gold, predictions = run
    having = sorted(doc for doc, preds in predictions.items() if preds)
    if not having:
        return
    doc = data.draw(st.sampled_from(having))
    repeat = copy.deepcopy(data.draw(st.sampled_from(predictions[doc])))
    repeat.update(id="again", evidence=data.draw(st.sampled_from(QUOTES)))  # said again
    if data.draw(st.booleans()):  # an empty list left out reads as the empty list
        repeat = {k: v for k, v in repeat.items() if v != []}
    same = [r for r in next(d for d in gold if d.id == doc).records if r["type"] == repeat["type"]]
    # the gold lists one event twice: a second saying may find it (round 55)
    assume(
        not any(
            _said_again(repeat["type"], a, b) for i, a in enumerate(same) for b in same[i + 1 :]
        )
    )
    before = score(gold, predictions)
    after = score(gold, {**predictions, doc: [*predictions[doc], repeat]})
    for old, new in [(before.micro, after.micro), (before.strict_micro, after.strict_micro)]:
        # from undefined (every prediction went to an optional record) only to 0
        assert new.precision is not None
        assert new.precision <= (old.precision if old.precision is not None else 0.0)
        assert (new.tp, new.fn) == (old.tp, old.fn)
        assert new.fp == old.fp + 1


@given(runs(), st.data())
@SETTINGS
def test_a_correct_prediction_never_lowers_recall(run: Any, data: Any) -> None:
    gold, predictions = run
    required = [(d.id, r) for d in gold for r in d.required_records]
    if not required:
        return
    doc, record = data.draw(st.sampled_from(required))
    before = score(gold, predictions)
    after = score(gold, {**predictions, doc: [*predictions.get(doc, []), dict(record)]})
    for old, new in [(before.micro, after.micro), (before.strict_micro, after.strict_micro)]:
        assert new.tp >= old.tp
        assert old.recall is not None and new.recall is not None and new.recall >= old.recall


def test_a_repeat_cannot_take_the_same_visitors_other_visit() -> None:
    """The example behind the property: one visit said twice is not two visits, whether
    the repeat is a copy, quotes it otherwise or leaves out an empty list."""
    may = {"type": "visit", "visitors": [], "visitor_country": "USA", "host_country": "CHN",
           "start": "2023-05", "evidence": QUOTES[0]}  # fmt: skip
    june = {**may, "start": "2023-06-01"}  # the same country pair: either visit may match
    without = {k: v for k, v in may.items() if k != "visitors"}
    for repeat in (may, {**may, "evidence": "Tokyo, Japan", "id": "2"}, without):
        gold = GoldDocument(id="d", text=TEXT, records=[may, june])
        report = score([gold], {"d": [may, repeat]})
        assert (report.micro.tp, report.micro.fp, report.micro.fn) == (1, 1, 1), repeat


#: Per type: a record, a key field with two values, another field with two values.
TWINS = [
    ({"type": "visit", "visitors": ["Antony Blinken"], "visitor_country": "USA"},
     "host_country", ("CHN", "JPN"), "place", ("Beijing", "Tokyo")),
    ({"type": "visit", "visitors": ["Wang Yi"], "host_country": "USA"},
     "visitor_country", ("CHN", "JPN"), "start", ("2023-05", "2023-06-01")),
    ({"type": "meeting", "participants": ["Wang Yi"]},
     "countries", (["CHN", "USA"], ["CHN", "JPN"]), "date", ("2023-05-30", "2023-06-01")),
    ({"type": "arms_transfer", "supplier": "USA", "quantity": 4},
     "recipient", ("UKR", "JPN"), "items", (["HIMARS"], ["F-16 jets"])),
    ({"type": "casualty_report", "killed": {"best": 12}},
     "country", ("UKR", "JPN"), "start", ("2023-05", "2023-06-01")),
]  # fmt: skip


@given(st.sampled_from(TWINS), st.permutations([0, 1]), st.permutations([0, 1]))
@SETTINGS
def test_crossed_twins_score_the_same_in_any_order(twins: Any, g: list[int], p: list[int]) -> None:
    """Two gold records that differ in a key field and another field, and two predictions
    each with the other field crossed: both assignments have the same agreement, one has
    every key field right. The strict score takes it, in any order of either list."""
    base, key, keys, other, others = twins
    gold = [{**base, key: keys[i], other: others[i], "evidence": QUOTES[0]} for i in (0, 1)]
    preds = [{**base, key: keys[i], other: others[1 - i], "evidence": QUOTES[0]} for i in (0, 1)]
    document = GoldDocument(id="d", text=TEXT, records=[gold[i] for i in g])
    report = score([document], {"d": [preds[i] for i in p]})
    assert (report.micro.tp, report.strict_micro.tp) == (2, 2)
    assert scores(report) == scores(score([document], {"d": preds}))


def test_the_strict_score_does_not_depend_on_how_ties_are_broken() -> None:
    """Two assignments with the same field agreement, one with every host right: the
    strict score is that of the pairs with the key fields right, in either order."""
    base = {"type": "visit", "visitors": ["Antony Blinken"], "visitor_country": "USA",
            "evidence": QUOTES[0]}  # fmt: skip
    gold = [{**base, "host_country": "CHN", "place": "Beijing"},
            {**base, "host_country": "JPN", "place": "Tokyo"}]  # fmt: skip
    preds = [{**base, "host_country": "CHN", "place": "Tokyo"},
             {**base, "host_country": "JPN", "place": "Beijing"}]  # fmt: skip
    for order in (preds, preds[::-1]):
        report = score([GoldDocument(id="d", text=TEXT, records=gold)], {"d": order})
        assert report.strict_micro.tp == 2


LINES = st.lists(
    st.sampled_from(["Antony Blinken visited Beijing.", "Talks followed.", "", "\u00e9t\u00e9"]),
    min_size=1, max_size=4,
)  # fmt: skip


@given(LINES, st.sampled_from(["\r\n", "\n", "\r"]), st.booleans(), st.integers(-3, 3))
@SETTINGS
def test_offsets_are_checked_against_the_text_bulk_reads(
    lines: list[str], newline: str, bom: bool, shift: int
) -> None:
    """A span is verbatim when it is the text at its offsets in the gold text or in
    bulk's reading of it, and only then: shifted, negative or past the end, it is not."""
    body = newline.join(["Report:", *lines, "Antony Blinken visited Beijing."])
    text = ("\ufeff" if bom else "") + body
    quote = "Antony Blinken visited Beijing"
    bulk_text = text_readings(text)[-1]
    start = bulk_text.rindex(quote) + shift
    span = [start, start + len(quote), quote]
    visit = {"type": "visit", "visitors": ["Antony Blinken"], "evidence": quote,
             "evidence_spans": [span]}  # fmt: skip
    report = score([GoldDocument(id="d", text=text, records=[])], {"d": [visit]})
    exact = start >= 0 and any(t[start : start + len(quote)] == quote for t in text_readings(text))
    assert report.documents[0].not_verbatim == ([] if exact else [0])
    as_bools = {**visit, "evidence_spans": [[False, True, text[:1]]]}  # JSON false, true
    assert (
        score([GoldDocument(id="d", text=text, records=[])], {"d": [as_bools]}).grounding.verbatim
        == 0
    )
    assert report.documents[0].ungrounded == []  # the quote is there, whatever the offsets
    if shift == 0:
        assert exact


# -- a gold value of the wrong shape in an enumerated field ----------------------------------

_JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner, max_size=3)
    ),
    max_leaves=6,
)


@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_an_enum_field_of_any_json_value_is_a_sentence_never_a_crash(data: st.DataObject) -> None:
    """A list or an object where one enumerated value is wanted (``"scope": []``) was a
    ``TypeError: unhashable`` out of the gold reader; every JSON value is judged in words."""
    from extractor.evaluation.gold import ENUM_VALUES, validate_record

    rtype, name = data.draw(st.sampled_from(sorted(ENUM_VALUES)), label="field")
    value = data.draw(_JSON_VALUES, label="value")
    problems = validate_record({"type": rtype, "evidence": "x", name: value})
    allowed = ENUM_VALUES[(rtype, name)]
    if value is None or (isinstance(value, str) and value in allowed):
        assert not any(repr(name) in p for p in problems), problems
    else:
        assert any(repr(name) in p for p in problems), problems
