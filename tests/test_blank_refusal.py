"""A blank ``message.refusal`` beside a valid answer is no refusal, in every mode.

Round 45: a server that sends ``"refusal": ""`` (or spaces, or a zero-width space) beside
a valid tool call had every document end as "refusal: the model declined" in TOOLS mode
(instructor asserts the field is None), and with a zero-width space in every mode (the
refusal was read with ``str.strip``, not the one blank rule); refusals never stop a run,
so every document was sent and lost. The invariant, over the blank rule's own code points
and every mode: such an answer is the answer; a refusal with visible text stays one.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor.errors import ModelRefusal
from extractor.pipeline.engine import Extractor
from extractor.runtime.retrying import RetryPolicy
from tests.blank_support import blank_texts
from tests.fakes.kano import EMPTY, kano
from tests.fakes.openai_server import LOOPBACK_ONLY
from tests.test_round43_answer_shape import Served, call, completion

pytestmark = pytest.mark.block_network(allowed_hosts=LOOPBACK_ONLY)

FAST = RetryPolicy(attempts=2, initial=0.001, maximum=0.005, total=10)
BLANKS = st.one_of(
    st.just(""),
    blank_texts(max_size=3),
)
MODES = ("tools", "json", "md_json", "json_schema", "grammar")


@pytest.fixture(scope="module")
def served() -> Iterator[Served]:
    with Served() as server:
        yield server


def _answer(mode: str, refusal: str) -> bytes:
    if mode == "tools":
        message = {"role": "assistant", "content": None, "tool_calls": [call(EMPTY)]}
    else:
        message = {"role": "assistant", "content": EMPTY}
    return json.dumps(completion({**message, "refusal": refusal})).encode()


def _extractor(served: Served, mode: str) -> Extractor:
    return Extractor(
        "openai/fake-model", base_url=served.base_url, api_key="k", strategy="single",
        mode=mode, timeout=8, retry_policy=FAST, max_retries=1,
    )  # fmt: skip


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(refusal=BLANKS, mode=st.sampled_from(MODES))
def test_a_blank_refusal_beside_an_answer_is_the_answer(
    served: Served, refusal: str, mode: str
) -> None:
    served.reset(served.answer)
    served.body = _answer(mode, refusal)
    with _extractor(served, mode) as ex:
        result = ex.extract(kano(3))
    assert result.complete and result.records == []


@pytest.mark.parametrize("mode", MODES)
def test_a_refusal_with_text_stays_a_refusal(served: Served, mode: str) -> None:
    served.reset(served.answer)
    served.body = _answer(mode, "\u200bI can't help with that.")
    with _extractor(served, mode) as ex, pytest.raises(ModelRefusal, match="can't help"):
        ex.extract(kano(3))
