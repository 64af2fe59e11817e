"""An answer's ``usage`` that is JSON but no object is said, not counted 0 in silence.

Round 45: ``"usage": []`` (or a string, a number) gave an ok line with 0 tokens and no
warning, though a bad count *inside* ``usage`` is said. The invariant, for both APIs:
any usage that is not an object and not null carries the unknown-usage warning; a null
or absent usage (a server that does not count) carries none.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor.pipeline.engine import Extractor
from extractor.pipeline.result import UNKNOWN_USAGE_WARNING
from extractor.runtime.retrying import RetryPolicy
from tests.fakes.kano import EMPTY, kano
from tests.fakes.openai_server import LOOPBACK_ONLY
from tests.test_round43_answer_shape import Served, completion, messages_answer

pytestmark = pytest.mark.block_network(allowed_hosts=LOOPBACK_ONLY)

FAST = RetryPolicy(attempts=2, initial=0.001, maximum=0.005, total=10)
NOT_AN_OBJECT = st.one_of(
    st.lists(st.integers(), max_size=2),
    st.text(max_size=5),
    st.integers(),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
)


@pytest.fixture(scope="module")
def served() -> Iterator[Served]:
    with Served() as server:
        yield server


def _answer(api: str, usage: Any) -> dict[str, Any]:
    if api == "openai":
        body = completion({"role": "assistant", "content": EMPTY})
    else:
        block = {"type": "tool_use", "id": "t1", "name": "extract", "input": json.loads(EMPTY)}
        body = messages_answer([block])
    body["usage"] = usage
    return body


def _warnings(served: Served, api: str, usage: Any) -> list[str]:
    served.reset(served.answer)
    served.body = json.dumps(_answer(api, usage)).encode()
    model = "openai/fake-model" if api == "openai" else "anthropic/claude-x"
    with Extractor(
        model, base_url=served.base_url, api_key="k", strategy="single", timeout=8,
        retry_policy=FAST, max_retries=1,
    ) as ex:  # fmt: skip
        result = ex.extract(kano(3))
    assert result.complete and result.records == []
    return list(result.metadata.warnings)


@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(usage=NOT_AN_OBJECT, api=st.sampled_from(["openai", "anthropic"]))
def test_a_usage_that_is_no_object_is_said(served: Served, usage: Any, api: str) -> None:
    assert UNKNOWN_USAGE_WARNING in _warnings(served, api, usage)


@pytest.mark.parametrize("api", ["openai", "anthropic"])
def test_no_usage_is_no_warning(served: Served, api: str) -> None:
    assert UNKNOWN_USAGE_WARNING not in _warnings(served, api, None)
