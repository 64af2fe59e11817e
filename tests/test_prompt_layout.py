"""The prompt layout keeps what servers can cache in front (``pipeline/prompting.py``).

Invariants, on generated articles, dates and type sets:

* every call of every run starts with the same text, the rules
  (``codebook_message``), so a server evaluates them once, and the embedded
  model's server restores them from disk (``LocalServer.prime``);
* the calls about one chunk share their whole system message (rules and
  article), so the article is evaluated once per chunk; only the task after
  it differs.
"""

from __future__ import annotations

import os
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.pipeline.chunking import Chunk
from extractor.pipeline.prompting import codebook_message
from extractor.pipeline.requests import plan_chunk
from extractor.types.registry import RECORD_TYPES

EXAMPLES = int(os.environ.get("HYPOTHESIS_EXAMPLES", "60"))
WORDS = (
    "President", "Macron", "visited", "Berlin", "met", "Chancellor", "talks", "killed",
    "injured", "people", "attack", "sold", "tanks", "missiles", "$40 million", "Kenya",
    "China", "Myanmar", "on Tuesday", "delegation", "arrived", "in", "the", "and", ".",
    "ARTICLE", "<<<", ">>>", "{{ x }}", "{% if %}", "\n\n",
)  # fmt: skip

sentences = st.lists(st.sampled_from(WORDS), min_size=3, max_size=18).map(
    lambda words: " ".join(words).rstrip(" .") + "."
)
articles = st.lists(sentences, min_size=1, max_size=8).map(" ".join)
type_sets = st.lists(st.sampled_from(RECORD_TYPES), min_size=1, max_size=4, unique=True).map(tuple)
days = st.one_of(st.none(), st.dates(date(1990, 1, 1), date(2030, 12, 31)))


def _calls(text: str, types: tuple[str, ...], strategy: str, day: date | None):  # type: ignore[no-untyped-def]
    return plan_chunk(Chunk(0, 0, text), day, "doc", types, strategy).calls


@settings(max_examples=EXAMPLES, deadline=None)
@given(
    st.lists(articles, min_size=1, max_size=3),
    type_sets,
    st.sampled_from(["per-type", "single"]),
    days,
)
def test_every_call_starts_with_the_rules(
    texts: list[str], types: tuple[str, ...], strategy: str, day: date | None
) -> None:
    rules = codebook_message()["content"]
    for text in texts:
        for call in _calls(text, types, strategy, day):
            system = call.messages[0]["content"]
            assert system.startswith(rules)
            assert system[len(rules) :].startswith("\n\nARTICLE")  # the article comes right after


@settings(max_examples=EXAMPLES, deadline=None)
@given(articles, type_sets, days)
def test_the_calls_about_a_chunk_share_the_system_message(
    text: str, types: tuple[str, ...], day: date | None
) -> None:
    calls = _calls(text, types, "per-type", day)
    assert len({call.messages[0]["content"] for call in calls}) <= 1
    assert all(call.messages[-1]["role"] == "user" for call in calls)  # the task comes last


def test_the_rules_name_no_article() -> None:
    rules = codebook_message()["content"]
    assert "ARTICLE" not in rules and "<<<" not in rules and rules.startswith("You are")
