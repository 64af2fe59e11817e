"""A run of more digits than Python's decimal context holds (28) is a figure like any.

A case, phone or serial number of 29 digits or more in the sentence a record cites
raised ``decimal.InvalidOperation`` while the figures were read: the whole document
failed as "the model gave no valid answer", the model's valid record lost, and
``Count.parse`` raised too. Digit runs and where they stand are generated.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor import Count, Extractor
from extractor.runtime.retrying import RetryPolicy
from extractor.text.quantities import parse_count
from tests.fakes.kano import EMPTY
from tests.fakes.openai_server import LOOPBACK_ONLY, FakeOpenAI

pytestmark = pytest.mark.block_network(allowed_hosts=LOOPBACK_ONLY)

_long = st.integers(29, 80).flatmap(
    lambda n: st.from_regex(rf"[1-9][0-9]{{{n - 1}}}", fullmatch=True)
)


@settings(max_examples=30, deadline=None)
@given(digits=_long)
def test_a_long_run_of_digits_reads_as_its_number(digits: str) -> None:
    assert parse_count(f"{digits} people") is not None
    assert Count.parse(f"{digits} people") is not None


def _one_casualty(body: dict) -> str:
    record = {
        "killed": 5, "injured": None, "qualifier": "at_least", "victims": None,
        "perpetrator": None, "country": "NGA", "place": "Kano", "date": None, "scope": "event",
        "violence_type": None, "status": "occurred", "attribution": None, "evidence": [1],
    }  # fmt: skip
    return json.dumps({**json.loads(EMPTY), "casualty_reports": [record]})


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(digits=_long, label=st.sampled_from(["case", "file no.", "tel.", "ref"]))
def test_a_long_number_in_the_cited_sentence_costs_no_record(digits: str, label: str) -> None:
    text = f"At least 5 people were killed in Kano, Nigeria on Friday, {label} {digits}."
    with (
        FakeOpenAI(_one_casualty) as server,
        Extractor(
            "openai/fake-model", base_url=server.base_url, retry_policy=RetryPolicy(attempts=1)
        ) as ex,
    ):
        result = ex.extract(text, doc_id="long-figure")
    assert [r.killed.best for r in result.casualty_reports] == [5]
