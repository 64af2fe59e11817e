"""``extract_many`` holds a caller's values to the rules ``extract_rows`` holds them to.

* a tuple's ``published`` of a kind no date is (``20230531``, a list) is the input's
  error (kind ``input``), as a wrong-typed id is, not "internal: a bug, please report";
* an ``extractor`` that can extract nothing (a model name given as
  ``extractor="openai/gpt-4o-mini"``) is a TypeError at once: every document was an
  "internal" error, a run of any size went on to its end, and the sync form raised
  ``'str' object has no attribute 'aclose'`` from its cleanup, hiding the mistake.

Values are generated.
"""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor import Extractor, extract_many, extract_many_sync
from extractor.runtime.retrying import RetryPolicy
from tests.fakes.kano import casualty_responder, kano
from tests.fakes.openai_server import LOOPBACK_ONLY, FakeOpenAI

pytestmark = pytest.mark.block_network(allowed_hosts=LOOPBACK_ONLY)

_no_dates = st.one_of(
    st.integers(),
    st.floats(allow_nan=False),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
)


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(published=_no_dates)
def test_a_published_that_is_no_date_is_the_inputs_error(published: Any) -> None:
    with (
        FakeOpenAI(casualty_responder) as server,
        Extractor(
            "openai/fake", base_url=server.base_url, retry_policy=RetryPolicy(attempts=1)
        ) as ex,
    ):
        [result] = list(extract_many_sync([("d1", kano(5), published)], extractor=ex))
        assert not server.requests
    assert result.error is not None and result.error.kind == "input", result.error
    assert "internal" not in result.error.message


_not_extractors = st.one_of(
    st.sampled_from(["openai/gpt-4o-mini", "local", ""]),
    st.integers(),
    st.builds(object),
    st.lists(st.text(max_size=3), max_size=2),
)


@settings(max_examples=15, deadline=None)
@given(extractor=_not_extractors)
def test_an_extractor_that_extracts_nothing_is_refused_at_once(extractor: Any) -> None:
    items = [("d1", "some text")]
    with pytest.raises(TypeError, match="extractor must be an Extractor"):
        next(extract_many_sync(items, extractor=extractor))

    async def first() -> None:
        async for _ in extract_many(items, extractor=extractor):
            pass

    with pytest.raises(TypeError, match="extractor must be an Extractor"):
        asyncio.run(first())
