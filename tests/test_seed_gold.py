"""The seed's gold records are expressible as model instances and ground in the article."""

from datetime import date
from typing import Any

from extractor import ArmsTransfer, CasualtyReport, Meeting, Visit
from extractor.evaluation.goldmap import gold_to_record, record_to_gold


def test_every_seed_gold_record_validates_against_the_article(
    seed_text: str, seed_gold: dict[str, Any]
) -> None:
    published = date.fromisoformat(seed_gold["published"])
    assert seed_gold["text"] == seed_text
    records = [
        gold_to_record(g, text=seed_text, published=published, doc_id=seed_gold["id"])
        for g in seed_gold["records"]
    ]
    kinds = [type(r) for r in records]
    assert kinds.count(Visit) == 2 and kinds.count(Meeting) == 2
    assert kinds.count(ArmsTransfer) == 2 and kinds.count(CasualtyReport) == 1
    for gold, record in zip(seed_gold["records"], records, strict=True):
        evidence = record.evidence
        assert evidence.alignment == "exact"
        assert evidence.start is not None and evidence.end is not None
        assert seed_text[evidence.start : evidence.end] == gold["evidence"]
        assert record.doc_id == "seed-000"
    assert len({r.id for r in records}) == len(records)


def test_seed_gold_round_trips_through_the_gold_mapping(
    seed_text: str, seed_gold: dict[str, Any]
) -> None:
    published = date.fromisoformat(seed_gold["published"])
    for gold in seed_gold["records"]:
        record = gold_to_record(gold, text=seed_text, published=published, doc_id="seed-000")
        back = record_to_gold(record)
        for key, value in gold.items():
            if key in ("optional", "note"):
                continue
            if key == "status" and gold["type"] in ("visit", "meeting"):
                continue
            assert back[key] == value, (gold["type"], key, back[key], value)


def test_the_seed_transfer_is_267_million_usd(seed_text: str, seed_gold: dict[str, Any]) -> None:
    gold = next(r for r in seed_gold["records"] if r["type"] == "arms_transfer" and r.get("value"))
    record = gold_to_record(gold, text=seed_text, published=date(2023, 5, 31), doc_id="s")
    assert isinstance(record, ArmsTransfer) and record.value is not None
    assert record.value.amount == 267_000_000 and record.value.currency == "USD"
