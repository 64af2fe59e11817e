"""Record-level and field-level scores on hand-made gold/prediction pairs with known answers."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from extractor.evaluation import (
    DocUsage,
    EvalReport,
    GoldDocument,
    PredictionFormatError,
    compare,
    comparison_to_text,
    load_gold,
    render_report,
    report_to_text,
    score,
)

REPO = Path(__file__).resolve().parent.parent
SEED_GOLD = REPO / "seeds" / "000_e3df12fb75ba6b2b.gold.jsonl"
DEV_GOLD = Path(__file__).resolve().parents[1] / "seeds" / "dev.gold.jsonl"

TEXT = (
    "Chinese Foreign Minister Qin Gang visited Myanmar on May 30, 2023 and met junta leader "
    "Min Aung Hlaing in Naypyitaw. The United States approved the sale of 24 Hellfire missiles "
    "to Singapore for $22.3 million. A bombing in Peshawar on January 30, 2023 killed 100 "
    "worshippers. Beijing reportedly arms ethnic rebel groups."
)

VISIT: dict[str, Any] = {
    "type": "visit",
    "visitors": ["Qin Gang"],
    "visitor_country": "CHN",
    "host_country": "MMR",
    "place": "Naypyitaw",
    "start": "2023-05-30",
    "end": None,
    "evidence": "Chinese Foreign Minister Qin Gang visited Myanmar on May 30, 2023",
}
MEETING: dict[str, Any] = {
    "type": "meeting",
    "participants": ["Qin Gang", "Min Aung Hlaing"],
    "countries": ["CHN", "MMR"],
    "place": "Naypyitaw",
    "date": "2023-05-30",
    "evidence": "met junta leader Min Aung Hlaing in Naypyitaw",
}
ARMS: dict[str, Any] = {
    "type": "arms_transfer",
    "supplier": "USA",
    "recipient": "SGP",
    "items": ["Hellfire missiles"],
    "quantity": 24,
    "value": {"amount": 22_300_000, "currency": "USD"},
    "start": None,
    "end": None,
    "status": "approved",
    "evidence": "The United States approved the sale of 24 Hellfire missiles to Singapore",
}
CASUALTY: dict[str, Any] = {
    "type": "casualty_report",
    "killed": {"low": 100, "best": 100, "high": 100},
    "injured": None,
    "qualifier": "exact",
    "country": "PAK",
    "place": "Peshawar",
    "start": "2023-01-30",
    "end": None,
    "perpetrator": None,
    "victims": "worshippers",
    "scope": "event",
    "evidence": "A bombing in Peshawar on January 30, 2023 killed 100 worshippers.",
}
OPTIONAL_ARMS: dict[str, Any] = {
    "type": "arms_transfer",
    "supplier": "CHN",
    "recipient": "ethnic rebel groups",
    "items": [],
    "quantity": None,
    "value": None,
    "start": None,
    "end": None,
    "status": "alleged",
    "evidence": "Beijing reportedly arms ethnic rebel groups.",
    "optional": True,
}
REQUIRED = [VISIT, MEETING, ARMS, CASUALTY]


def doc(records: list[dict[str, Any]], doc_id: str = "d1", text: str = TEXT) -> GoldDocument:
    return GoldDocument(id=doc_id, text=text, records=copy.deepcopy(records))


def preds(*records: dict[str, Any]) -> list[dict[str, Any]]:
    """Deep copies of ``records`` (predictions must not alias the gold dicts)."""
    return [copy.deepcopy(r) for r in records]


def changed(record: dict[str, Any], **changes: Any) -> dict[str, Any]:
    return copy.deepcopy(record) | changes


def single(records: list[dict[str, Any]], predicted: list[dict[str, Any]]) -> EvalReport:
    return score([doc(records)], {"d1": predicted})


# ------------------------------------------------------------------ record level


def test_perfect_prediction() -> None:
    report = single(REQUIRED, preds(*REQUIRED))
    for rtype in ("visit", "meeting", "arms_transfer", "casualty_report"):
        c = report.per_type[rtype]
        assert (c.tp, c.fp, c.fn) == (1, 0, 0)
        assert c.precision == c.recall == c.f1 == 1.0
    assert (report.micro.tp, report.micro.fp, report.micro.fn) == (4, 0, 0)
    assert report.micro.f1 == 1.0
    assert report.fields_overall.accuracy == 1.0
    assert report.fields_overall.total == 6 + 4 + 8 + 10
    assert report.grounding.rate == 1.0
    assert report.missing_docs == []
    assert report.documents[0].missed == report.documents[0].false_positives == []


def test_one_missing_record_lowers_recall_only() -> None:
    report = single(REQUIRED, preds(VISIT, MEETING, CASUALTY))
    assert (report.micro.tp, report.micro.fp, report.micro.fn) == (3, 0, 1)
    assert report.micro.precision == 1.0
    assert report.micro.recall == 0.75
    assert report.micro.f1 == pytest.approx(6 / 7)
    assert report.per_type["arms_transfer"].recall == 0.0
    assert report.per_type["arms_transfer"].precision is None  # nothing predicted: undefined
    missed = report.documents[0].missed
    assert [(m.type, m.index) for m in missed] == [("arms_transfer", 2)]


def test_one_extra_record_lowers_precision_only() -> None:
    extra = changed(
        VISIT,
        visitors=["Joe Biden"],
        visitor_country="USA",
        host_country="FRA",
        place="Paris",
        evidence="Joe Biden visited Paris",
    )
    report = single(REQUIRED, preds(*REQUIRED, extra))
    assert (report.micro.tp, report.micro.fp, report.micro.fn) == (4, 1, 0)
    assert report.micro.precision == 0.8
    assert report.micro.recall == 1.0
    assert report.per_type["visit"].precision == 0.5
    fps = report.documents[0].false_positives
    assert [(f.type, f.index) for f in fps] == [("visit", 4)]
    # the extra record's evidence is not in the text: ungrounded
    assert report.documents[0].ungrounded == [4]
    assert report.grounding.rate == pytest.approx(4 / 5)


def test_wrong_country_still_matched_through_person() -> None:
    report = single([VISIT], [changed(VISIT, visitor_country="RUS")])
    assert (report.micro.tp, report.micro.fp, report.micro.fn) == (1, 0, 0)
    stat = report.fields["visit"]["visitor_country"]
    assert (stat.correct, stat.total, stat.accuracy) == (0, 1, 0.0)
    assert report.fields["visit"]["host_country"].accuracy == 1.0
    [match] = report.documents[0].matches
    assert [(m.field, m.gold, m.pred) for m in match.mismatches] == [
        ("visitor_country", "CHN", "RUS")
    ]


def test_no_shared_key_field_is_not_a_match() -> None:
    """Wrong person and wrong country pair: a false positive and a false negative, not a TP."""
    other = changed(VISIT, visitors=["Wang Yi"], host_country="THA")
    report = single([VISIT], [other])
    assert (report.micro.tp, report.micro.fp, report.micro.fn) == (0, 1, 1)
    assert report.fields["visit"]["visitors"].total == 0


def test_date_at_coarser_precision_is_right() -> None:
    report = single([VISIT], [changed(VISIT, start="2023-05")])
    assert report.fields["visit"]["start"].accuracy == 1.0
    report = single([VISIT], [changed(VISIT, start="2023-06")])
    assert report.fields["visit"]["start"].accuracy == 0.0
    report = single([VISIT], [changed(VISIT, end="2023-05-31")])  # gold end is null
    assert report.fields["visit"]["end"].accuracy == 0.0


def test_count_inside_and_outside_predicted_range() -> None:
    inside = changed(CASUALTY, killed={"low": 90, "best": 95, "high": 110}, qualifier="about")
    report = single([CASUALTY], [inside])
    assert report.fields["casualty_report"]["killed"].accuracy == 1.0

    outside = changed(CASUALTY, killed={"low": 50, "best": 60, "high": 80}, qualifier="about")
    report = single([CASUALTY], [outside])
    # still matched through country + date, but the count is wrong
    assert report.micro.tp == 1
    assert report.fields["casualty_report"]["killed"].accuracy == 0.0
    assert report.fields["casualty_report"]["qualifier"].accuracy == 0.0

    at_least = changed(CASUALTY, killed={"low": 80, "best": 80, "high": None}, qualifier="at_least")
    report = single([CASUALTY], [at_least])
    assert report.fields["casualty_report"]["killed"].accuracy == 1.0


def test_name_list_partial_credit_in_report() -> None:
    report = single([MEETING], [changed(MEETING, participants=["Min Aung Hlaing"])])
    stat = report.fields["meeting"]["participants"]
    assert (stat.correct, stat.total) == (0, 1)
    assert stat.accuracy == 0.0
    assert stat.partial == 0.5


# ------------------------------------------------------------------- optional gold


def test_optional_gold_matched_is_neither_tp_nor_fp() -> None:
    report = single([*REQUIRED, OPTIONAL_ARMS], preds(*REQUIRED, OPTIONAL_ARMS))
    assert (report.micro.tp, report.micro.fp, report.micro.fn) == (4, 0, 0)
    assert report.optional_matched == 1
    assert report.n_gold_required == 4
    assert report.n_gold_optional == 1
    optional_matches = [m for m in report.documents[0].matches if m.optional]
    assert [(m.gold_index, m.pred_index) for m in optional_matches] == [(4, 4)]
    # fields of optional matches are not counted
    assert report.fields["arms_transfer"]["status"].total == 1


def test_optional_gold_unmatched_is_not_fn() -> None:
    report = single([*REQUIRED, OPTIONAL_ARMS], preds(*REQUIRED))
    assert (report.micro.tp, report.micro.fp, report.micro.fn) == (4, 0, 0)
    assert report.optional_matched == 0
    assert report.documents[0].missed == []


def test_optional_gold_never_takes_a_prediction_from_required() -> None:
    """The optional record agrees with the prediction on more fields, yet the required one wins."""
    required = changed(ARMS, items=["Javelin"], value=None, quantity=None, status="delivered")
    optional = changed(ARMS, optional=True)
    report = single([required, optional], preds(ARMS))
    assert (report.micro.tp, report.micro.fp, report.micro.fn) == (1, 0, 0)
    assert report.optional_matched == 0


def test_only_optional_gold_and_a_prediction_of_it() -> None:
    report = single([OPTIONAL_ARMS], preds(OPTIONAL_ARMS))
    assert (report.micro.tp, report.micro.fp, report.micro.fn) == (0, 0, 0)
    assert report.micro.precision is None and report.micro.f1 is None
    assert report.empty_gold.docs == 0  # a doc with optional records is not an empty-gold doc


# ----------------------------------------------------------------- empty gold docs


def test_empty_gold_document_makes_every_prediction_false() -> None:
    negative = doc([], doc_id="neg")
    report = score([negative], {"neg": preds(VISIT, ARMS)})
    assert (report.micro.tp, report.micro.fp, report.micro.fn) == (0, 2, 0)
    assert report.micro.precision == 0.0
    assert report.empty_gold.docs == 1
    assert report.empty_gold.false_records == 2
    assert report.empty_gold.per_doc == 2.0

    silent = doc([], doc_id="neg2")
    report = score([negative, silent], {"neg": preds(VISIT, ARMS), "neg2": []})
    assert report.empty_gold.per_doc == 1.0


# ---------------------------------------------------------- assignment at doc level


def test_hungarian_beats_greedy_on_records() -> None:
    """Greedy pairs the perfect prediction P0 with G0 (6 of 6 fields) and leaves P1 unmatched.

    P1 can only match G0 (through the person); P0 can also match G1 (through
    the country pair). The optimal assignment matches both: 2 TP, 0 FP, 0 FN.
    """
    g0 = VISIT
    g1 = changed(VISIT, visitors=["Wang Yi"])
    p0 = copy.deepcopy(VISIT)
    p1 = changed(VISIT, host_country="THA", place="Bangkok")
    report = single([g0, g1], [p0, p1])
    assert (report.micro.tp, report.micro.fp, report.micro.fn) == (2, 0, 0)
    pairs = sorted((m.gold_index, m.pred_index) for m in report.documents[0].matches)
    assert pairs == [(0, 1), (1, 0)]


# ----------------------------------------------------------- bookkeeping and usage


def test_missing_and_extra_documents() -> None:
    d1, d2 = doc([VISIT], "d1"), doc([ARMS], "d2")
    report = score([d1, d2], {"d1": preds(VISIT), "zz": preds(ARMS)})
    assert report.missing_docs == ["d2"]
    assert report.extra_docs == ["zz"]
    assert (report.micro.tp, report.micro.fp, report.micro.fn) == (1, 0, 1)
    assert report.documents[1].predicted is False


def test_grounding_is_checked_against_the_text_never_the_records_flag() -> None:
    flagged_false = changed(VISIT, grounded=False)
    curly = changed(MEETING, evidence="met junta leader \u201cMin Aung Hlaing\u201d in  Naypyitaw")
    quoted_text = TEXT.replace("Min Aung Hlaing in", '"Min Aung Hlaing" in')
    report = score([doc([VISIT, MEETING], text=quoted_text)], {"d1": [flagged_false, curly]})
    assert report.documents[0].ungrounded == []  # both are in the text, whatever the flag says
    assert report.grounding.rate == 1.0 and report.grounding.verbatim == 0  # no offsets given
    invented = changed(VISIT, evidence="Qin Gang flew to Bangkok", grounded=True)
    assert single([VISIT], [invented]).grounding.rate == 0.0  # the flag cannot flatter


def test_verbatim_means_the_spans_are_the_text_at_their_offsets() -> None:
    quote = VISIT["evidence"]
    start = TEXT.index(quote)
    exact = changed(VISIT, evidence_spans=[[start, start + len(quote), quote]])
    shifted = changed(VISIT, evidence_spans=[[start + 1, start + 1 + len(quote), quote]])
    report = score([doc([VISIT], text=TEXT)], {"d1": [exact, shifted]})
    assert report.documents[0].not_verbatim == [1]
    assert report.grounding.verbatim == 1 and report.grounding.grounded == 2


def test_strict_scores_count_a_match_only_with_its_key_fields_right() -> None:
    reversed_visit = changed(
        VISIT, visitor_country=VISIT["host_country"], host_country=VISIT["visitor_country"]
    )
    report = single([VISIT], [reversed_visit])
    assert (report.micro.tp, report.micro.fp, report.micro.fn) == (1, 0, 0)
    assert (report.strict_micro.tp, report.strict_micro.fp, report.strict_micro.fn) == (0, 1, 1)
    assert single([VISIT], [VISIT]).strict_micro.f1 == 1.0


def test_usage_is_aggregated_per_document() -> None:
    d1, d2, d3 = doc([VISIT], "d1"), doc([ARMS], "d2"), doc([], "d3")
    usage = {
        "d1": DocUsage(prompt_tokens=1000, completion_tokens=100, seconds=2.0),
        "d2": DocUsage(prompt_tokens=3000, completion_tokens=300, seconds=4.0),
    }
    report = score([d1, d2, d3], {"d1": [], "d2": [], "d3": []}, usage=usage)
    assert report.usage is not None
    assert report.usage.docs == 2
    assert report.usage.prompt_tokens == 4000
    assert report.usage.prompt_tokens_per_doc == 2000.0
    assert report.usage.completion_tokens_per_doc == 200.0
    assert report.usage.seconds_per_doc == 3.0
    assert report.documents[0].usage == usage["d1"]
    assert score([d1], {"d1": []}).usage is None


def test_malformed_predictions_raise() -> None:
    with pytest.raises(PredictionFormatError, match="prediction 1 for document 'd1'"):
        single([VISIT], [copy.deepcopy(VISIT), {"type": "summit"}])
    with pytest.raises(PredictionFormatError, match="must be a list"):
        score([doc([VISIT])], {"d1": "visit"})  # type: ignore[dict-item]


def test_malformed_predicted_values_are_wrong_not_errors() -> None:
    bad = changed(VISIT, start=20230530, place=["Naypyitaw"])
    report = single([VISIT], [bad])
    assert report.micro.tp == 1
    assert report.fields["visit"]["start"].accuracy == 0.0
    assert report.fields["visit"]["place"].accuracy == 0.0


def test_report_json_round_trip() -> None:
    report = single([*REQUIRED, OPTIONAL_ARMS], preds(VISIT, changed(ARMS, quantity=25)))
    data = json.loads(report.model_dump_json())
    assert data["micro"]["recall"] == 0.5
    assert data["fields"]["arms_transfer"]["quantity"]["accuracy"] == 0.0
    assert EvalReport.model_validate_json(report.model_dump_json()) == report


# ---------------------------------------------------------------------- rendering


def test_render_report_and_comparison() -> None:
    good = score([doc(REQUIRED)], {"d1": preds(*REQUIRED)}, label="good")
    half = score(
        [doc(REQUIRED)], {"d1": preds(VISIT, changed(ARMS, status="delivered"))}, label="half"
    )
    text = report_to_text(half, details=True)
    assert "micro" in text and "0.500" in text
    assert "missed" in text and "arms_transfer.status" in text
    assert render_report(good) is not None

    cmp = compare(half, good)
    assert cmp.same_gold
    row = {r.metric: r for r in cmp.rows}["micro recall"]
    assert (row.a, row.b, row.delta) == (0.5, 1.0, 0.5)
    out = comparison_to_text(half, good)
    assert "half" in out and "good" in out and "+0.500" in out

    other = score([doc(REQUIRED, doc_id="other")], {}, label="other")
    assert not compare(good, other).same_gold
    assert "different gold sets" in comparison_to_text(good, other)


# ------------------------------------------------------------------- real gold


def test_seed_gold_scored_against_itself_is_perfect() -> None:
    gold = load_gold(SEED_GOLD)
    report = score(gold, {d.id: copy.deepcopy(d.records) for d in gold})
    assert report.n_gold_required == 6 and report.n_gold_optional == 1
    assert (report.micro.tp, report.micro.fp, report.micro.fn) == (6, 0, 0)
    assert report.micro.f1 == 1.0
    assert report.optional_matched == 1
    assert report.fields_overall.accuracy == 1.0
    assert report.grounding.rate == 1.0


def test_seed_gold_without_one_record() -> None:
    """Dropping the cumulative casualty record costs exactly one FN and nothing else."""
    gold = load_gold(SEED_GOLD)
    records = [r for r in gold[0].records if r["type"] != "casualty_report"]
    report = score(gold, {gold[0].id: copy.deepcopy(records)})
    assert (report.micro.tp, report.micro.fp, report.micro.fn) == (5, 0, 1)
    assert report.per_type["casualty_report"].recall == 0.0


@pytest.mark.skipif(not DEV_GOLD.exists(), reason="shared dev gold set not available")
def test_dev_gold_scored_against_itself_is_perfect() -> None:
    gold = load_gold(DEV_GOLD)
    report = score(gold, {d.id: copy.deepcopy(d.records) for d in gold})
    assert report.micro.f1 == 1.0
    assert report.micro.tp == report.n_gold_required == 32
    assert report.optional_matched == report.n_gold_optional == 16
    assert report.fields_overall.accuracy == 1.0
    assert report.empty_gold.docs == 3 and report.empty_gold.per_doc == 0.0
