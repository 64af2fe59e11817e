"""A model answer run through the coding rules, as the role tests build it: one draft of
one record type, resolved against a one-article text published on a known Wednesday. The
rules (direction, venues, perpetrators, cue words, countries) are deterministic code, so
their tests need no model: the draft stands for what a model answered."""

from __future__ import annotations

from datetime import date
from typing import Any

from extractor.pipeline.answers import answer_model
from extractor.pipeline.resolve import Article, resolve
from extractor.text.sentences import split_sentences

PUBLISHED = date(2025, 3, 12)  # a Wednesday


def run(kind: str, text: str, **draft: Any) -> Any:
    """``resolve`` of one ``kind`` draft with fields ``draft`` over ``text``."""
    model = answer_model((kind,))
    (plural,) = model.list_fields
    draft_class = model.model_fields[plural].annotation.__args__[0]
    answer = model.model_construct(**{plural: [draft_class(**draft)]})
    article = Article(text=text, sentences=split_sentences(text), published=PUBLISHED, doc_id="t")
    return resolve(answer, article)
