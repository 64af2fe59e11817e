"""One month grammar (``extractor.text.dates``) for dates, datelines and sentence ends."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from extractor.io.formats import parse_dateline
from extractor.text.dates import (
    MONTH_ABBREVIATIONS,
    MONTH_NAMES,
    MONTHS,
    WEEKDAY_NAMES,
    WEEKDAYS,
    resolve_date,
)
from extractor.text.sentences import split_sentences


def test_the_grammar() -> None:
    assert len(MONTH_NAMES) == 12 and len(WEEKDAY_NAMES) == 7
    assert {MONTHS[m] for m in MONTH_NAMES} == set(range(1, 13))
    assert MONTHS["sept"] == MONTHS["sep"] == MONTHS["september"] == 9
    assert "may" not in MONTH_ABBREVIATIONS and "jun" in MONTH_ABBREVIATIONS
    assert all(MONTHS[a] == MONTHS[MONTH_NAMES[MONTHS[a] - 1]] for a in MONTH_ABBREVIATIONS)
    assert date(2023, 5, 29).weekday() == WEEKDAYS["monday"]


spellings = st.sampled_from(sorted(MONTHS)).flatmap(
    lambda m: st.sampled_from([m, m.upper(), m.capitalize()])
)


@given(spelling=spellings, day=st.integers(min_value=1, max_value=28))
def test_every_spelling_is_a_month_for_dates_and_datelines(spelling: str, day: int) -> None:
    month = MONTHS[spelling.lower()]
    expected = date(2023, month, day)
    assert parse_dateline(f"{spelling} {day}, 2023") == expected
    assert parse_dateline(f"{day} {spelling} 2023") == expected
    assert resolve_date(f"{spelling} {day}, 2023").value == expected.isoformat()


@given(abbreviation=st.sampled_from(MONTH_ABBREVIATIONS))
def test_an_abbreviated_month_ends_no_sentence(abbreviation: str) -> None:
    text = f"They met on {abbreviation.capitalize()}. 5 in Kyiv. Talks ended."
    assert [text[s.start : s.end] for s in split_sentences(text)] == [
        f"They met on {abbreviation.capitalize()}. 5 in Kyiv.",
        "Talks ended.",
    ]


def test_may_is_a_whole_name_and_ends_a_sentence() -> None:
    assert len(split_sentences("They met in May. Talks ended.")) == 2
