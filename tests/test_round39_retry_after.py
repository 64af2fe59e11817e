"""A server's ``Retry-After`` is a floor, never a reason to wait less than the schedule.

Invariant (``extractor.runtime.retrying.retry_wait``): the wait before a retry is
``max(the schedule's backoff for that attempt, the parsed Retry-After capped)``, and the
pause shared by every worker of an extractor is that same wait. A 429 or 503 saying
``Retry-After: 0``, a negative value, a date in the past or nonsense is waited like one
without the header; a longer one is waited (capped) as before; no wait is longer than
either alone could be, so no deadline grows (``RetryPolicy.total`` still stops a request).
"""

from __future__ import annotations

import email.utils
import itertools
import math
import random
import time
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from tenacity import RetryCallState

from extractor.errors import TransientModelError
from extractor.pipeline.engine import Extractor
from extractor.runtime.retrying import (
    Backoff,
    RetryPolicy,
    _retry_after,
    rate_limited,
    retry_wait,
)
from tests.fakes.openai_server import LOOPBACK_ONLY, FakeOpenAI, Fault, static
from tests.test_engine_faults import ARTICLE, PUBLISHED, VALID

pytestmark = pytest.mark.block_network(allowed_hosts=LOOPBACK_ONLY)

#: Header values a hostile server sends: zero, negative, tiny, past and future dates,
#: garbage and huge numbers.
SPECIAL = [
    "0", "-0", "-1", "-86400", "-1e999", "0.0001", "0.5", "1", "nan", "inf", "-inf", "soon",
    "", "   ", "1e999", "9" * 400, "1_0", "2, 3", "\u0663", "0x10",
    "Thu, 01 Jan 1970 00:00:00 GMT", "Wed, 21 Oct 2015 07:28:00 GMT",
    "Fri, 31 Dec 9999 23:59:59 GMT", "Mon, 32 Foo 2024 99:99:99 GMT",
]  # fmt: skip


def _http_date(offset: float) -> str:
    return email.utils.formatdate(time.time() + offset, usegmt=True)


header_values = st.one_of(
    st.sampled_from(SPECIAL),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.floats(-1e4, 1e4).map(lambda seconds: f"{seconds:.3f}"),
    st.integers(-(10**12), 10**12).map(str),
    st.floats(-1e9, 1e9).map(_http_date),  # past and future HTTP dates
    st.text(max_size=40),
)


def _wait(
    policy: RetryPolicy, deadline: float | None, attempt: int, error: BaseException, seed: int
) -> float:
    """The policy's wait after ``error`` on ``attempt``, with the jitter drawn from ``seed``."""
    state = RetryCallState(None, None, (), {})  # type: ignore[arg-type]
    state.attempt_number = attempt
    state.set_exception((type(error), error, None))
    saved = random.getstate()
    random.seed(seed)
    try:
        return policy.wait(deadline)(state)
    finally:
        random.setstate(saved)


@given(
    header=header_values,
    key=st.sampled_from(["retry-after", "retry-after-ms"]),
    status=st.sampled_from([429, 503]),
    attempt=st.integers(1, 12),
    initial=st.floats(0.001, 5.0),
    maximum=st.floats(0.001, 60.0),
    honour=st.floats(0.0, 200.0),
    deadline=st.none() | st.floats(0.01, 100.0),
    seed=st.integers(0, 2**32),
)
@example(header="0", key="retry-after", status=429, attempt=1, initial=1.0, maximum=30.0,
         honour=120.0, deadline=None, seed=0)  # fmt: skip
@example(header="Thu, 01 Jan 1970 00:00:00 GMT", key="retry-after", status=503, attempt=3,
         initial=1.0, maximum=30.0, honour=120.0, deadline=None, seed=0)  # fmt: skip
def test_a_retry_after_never_shortens_the_schedules_wait(
    header: str,
    key: str,
    status: int,
    attempt: int,
    initial: float,
    maximum: float,
    honour: float,
    deadline: float | None,
    seed: int,
) -> None:
    policy = RetryPolicy(initial=initial, maximum=maximum, honour_retry_after_up_to=honour)
    asked = _retry_after({key: header})
    error = TransientModelError("x", status_code=status, retry_after=asked)
    schedule = _wait(policy, deadline, attempt, TransientModelError("x", status_code=status), seed)
    wait = _wait(policy, deadline, attempt, error, seed)
    cap = policy.retry_after_cap(deadline)
    assert math.isfinite(wait)
    assert wait >= schedule  # the same jitter: exactly the schedule's wait, or longer
    assert wait >= min(initial * 2 ** (attempt - 1), maximum)  # whatever the jitter
    assert wait <= max(maximum, cap)  # no longer than either wait alone could be
    if asked is not None:
        assert wait >= min(asked, cap)  # a longer hint is still honoured, capped
        assert wait == max(schedule, min(asked, cap))


@given(
    schedule=st.floats(allow_nan=True, allow_infinity=True),
    asked=st.none() | st.floats(allow_nan=True, allow_infinity=True),
    cap=st.floats(0.0, 1e6),
    maximum=st.floats(0.0, 1e6),
)
def test_retry_wait_is_the_larger_of_schedule_and_capped_hint(
    schedule: float, asked: float | None, cap: float, maximum: float
) -> None:
    wait = retry_wait(schedule, asked, cap=cap, maximum=maximum)
    planned = retry_wait(schedule, None, cap=cap, maximum=maximum)
    assert math.isfinite(wait) and 0.0 <= wait <= max(maximum, cap)
    assert 0.0 <= planned <= maximum and wait >= planned
    if math.isfinite(schedule) and schedule >= 0:
        assert planned == min(schedule, maximum)


@pytest.mark.parametrize("header", ["0", "-0.5", "Thu, 01 Jan 1970 00:00:00 GMT"])
async def test_the_shared_pause_is_at_least_the_schedules_wait(header: str) -> None:
    """The pause every worker waits out after a 429 is the floored wait, not the hint."""
    policy = RetryPolicy(attempts=2, initial=0.3, maximum=1.0, total=10)
    backoff = Backoff()
    failed_at: list[float] = []
    async for attempt in policy.retrying(backoff):
        with attempt:
            if not failed_at:
                failed_at.append(time.monotonic())
                raise rate_limited("slow down", _retry_after({"retry-after": header}))
    assert backoff._resume_at >= failed_at[0] + 0.3


@pytest.mark.parametrize(
    "header", ["0", "-7", "0.001", "Thu, 01 Jan 1970 00:00:00 GMT", "Mon, 32 Foo 2024"]
)
def test_retries_after_a_zero_retry_after_keep_the_schedule(header: str) -> None:
    """Against a server on loopback: the gaps between attempts follow the schedule."""
    policy = RetryPolicy(attempts=4, initial=0.1, maximum=1.0, total=30)
    faults = [Fault.RATE_LIMIT] * 3
    with (
        FakeOpenAI(static(VALID), faults=faults, retry_after_header=header) as server,
        Extractor("openai/fake-model", base_url=server.base_url, retry_policy=policy) as ex,
    ):
        result = ex.extract(ARTICLE, published=PUBLISHED)
        times = [record.time for record in server.log]
    assert len(result.casualty_reports) == 1
    assert len(times) == 4
    gaps = [later - earlier for earlier, later in itertools.pairwise(times)]
    for attempt, gap in enumerate(gaps, start=1):
        assert gap >= 0.1 * 2 ** (attempt - 1) - 0.01, gaps


def test_the_floor_makes_no_request_outlast_its_total() -> None:
    """A schedule longer than ``total`` still stops the request within ``total``."""
    policy = RetryPolicy(attempts=6, initial=0.4, maximum=5.0, total=1.0)
    with (
        FakeOpenAI(static(VALID), faults=[Fault.RATE_LIMIT] * 6, retry_after_header="0") as s,
        Extractor("openai/fake-model", base_url=s.base_url, retry_policy=policy) as ex,
    ):
        started = time.monotonic()
        with pytest.raises(Exception, match="429"):
            ex.extract(ARTICLE, published=PUBLISHED)
        elapsed = time.monotonic() - started
        requests: Any = len(s.log)
    assert elapsed < 1.0 + 1.0, elapsed
    assert 1 <= requests <= 2
