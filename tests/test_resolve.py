"""Resolution as a pure function: a model's answer and an article in, records out.

No HTTP and no instructor: ``resolve`` is called on answer models built from
the registry, on sentences written for these tests.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.errors import EvidenceError, MissingFigure, ResolutionError
from extractor.pipeline.answers import answer_model
from extractor.pipeline.resolve import Article, _about_evidence, _caused_by, resolve
from extractor.text.sentences import split_sentences

PUBLISHED = date(2024, 5, 15)  # a Wednesday


def article(text: str) -> Article:
    return Article(text=text, sentences=split_sentences(text), published=PUBLISHED, doc_id="t")


def answer(kind: str, **draft: Any) -> Any:
    model = answer_model((kind,))
    (plural,) = model.list_fields
    return model.model_construct(
        **{plural: [model.model_fields[plural].annotation.__args__[0](**draft)]}
    )


def casualty(**overrides: Any) -> dict[str, Any]:
    draft = {"killed": 12, "injured": None, "qualifier": "exact", "victims": "villagers",
             "perpetrator": None, "country": "NER", "place": "Tillaberi", "date": "on Monday",
             "scope": "event", "violence_type": None, "status": "occurred", "attribution": None,
             "evidence": [2]}  # fmt: skip
    return {**draft, **overrides}


TEXT = (
    "The region has been tense for months. Gunmen killed 12 villagers near Tillaberi, Niger, "
    "on Monday, officials said. Markets reopened on Tuesday."
)


def test_a_sound_draft_becomes_a_grounded_record() -> None:
    outcome = resolve(answer("casualty_report", **casualty()), article(TEXT))
    assert outcome.problems == [] and outcome.dropped == 0
    [record] = outcome.records
    quote = record.evidence.quote
    assert record.evidence.start is not None
    assert TEXT[record.evidence.start : record.evidence.start + len(quote)] == quote
    assert record.date is not None and record.date.value == "2024-05-13"  # "on Monday"


def test_a_wrong_citation_is_re_anchored_to_the_sentence_with_the_facts() -> None:
    outcome = resolve(answer("casualty_report", **casualty(evidence=[3])), article(TEXT))
    [record] = outcome.records
    assert "killed 12 villagers" in record.evidence.quote
    assert any("re-anchored from sentences [3] to [2]" in w for w in outcome.warnings)


def test_a_figure_in_no_sentence_is_left_empty_when_another_stays() -> None:
    text = TEXT.replace("killed 12 villagers", "killed 12 villagers and wounded 5")
    outcome = resolve(answer("casualty_report", **casualty(injured=40)), article(text))
    [record] = outcome.records
    assert record.killed is not None and record.injured is None
    assert any("injured 40 is in no sentence" in w for w in outcome.warnings)


def test_an_unsupported_record_is_a_problem_not_a_record() -> None:
    outcome = resolve(answer("casualty_report", **casualty(killed=400)), article(TEXT))
    assert outcome.records == [] and outcome.dropped == 1
    assert outcome.problems[0].startswith("casualty_reports[0]: ")
    assert "does not contain the figure 400" in outcome.problems[0]


def test_a_value_no_evidence_can_fix_is_not_re_anchored() -> None:
    outcome = resolve(answer("casualty_report", **casualty(country="XQZ")), article(TEXT))
    assert outcome.records == [] and "unknown country" in outcome.problems[0]
    assert not any("re-anchored" in w for w in outcome.warnings)


def test_failures_are_typed() -> None:
    assert issubclass(MissingFigure, EvidenceError) and issubclass(EvidenceError, ResolutionError)
    assert issubclass(ResolutionError, ValueError)
    assert _about_evidence(EvidenceError("x")) and not _about_evidence(ValueError("x"))
    assert _caused_by(MissingFigure("x"), EvidenceError)


def test_resolution_is_pure() -> None:
    """The same answer and article give the same outcome, however often."""
    first = resolve(answer("casualty_report", **casualty(evidence=[3])), article(TEXT))
    second = resolve(answer("casualty_report", **casualty(evidence=[3])), article(TEXT))
    assert [r.model_dump() for r in first.records] == [r.model_dump() for r in second.records]
    assert first.warnings == second.warnings and first.problems == second.problems


_WORDS = st.sampled_from(["the", "village", "council", "said", "rain", "fell", "market", "Ñandú",
                          "東京", "officials", "reported", "calm"])  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(
    before=st.lists(st.lists(_WORDS, min_size=3, max_size=8), max_size=4),
    after=st.lists(st.lists(_WORDS, min_size=3, max_size=8), max_size=4),
    cited=st.integers(min_value=1, max_value=9),
)
def test_every_quote_is_a_slice_of_the_article(
    before: list[list[str]], after: list[list[str]], cited: int
) -> None:
    """Whatever sentence the model cites, a record's quote is text[start:start+len]."""
    filler = [" ".join(words).capitalize() + "." for words in before]
    tail = [" ".join(words).capitalize() + "." for words in after]
    event = "Gunmen killed 12 villagers near Tillaberi, Niger, on Monday, officials said."
    text = " ".join([*filler, event, *tail])
    outcome = resolve(answer("casualty_report", **casualty(evidence=[cited])), article(text))
    for record in outcome.records:
        start = record.evidence.start
        assert start is not None
        assert text[start : start + len(record.evidence.quote)] == record.evidence.quote
    assert outcome.records or outcome.problems
