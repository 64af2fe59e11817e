"""``Extractor.close()`` never strands a call another thread has running.

An exception leaving ``with Extractor(...)`` while a thread pool still ran ``extract``
stopped the background loop under those calls: each waited on a future no loop would
ever finish, for ever. Now each is cancelled and fails with one error saying the
Extractor was closed. The number of threads and when close() comes are generated.
"""

from __future__ import annotations

import threading
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractor import Extractor
from extractor.errors import ConfigurationError
from extractor.runtime.retrying import RetryPolicy
from tests.fakes.kano import casualty_responder, kano
from tests.fakes.openai_server import LOOPBACK_ONLY, FakeOpenAI

pytestmark = pytest.mark.block_network(allowed_hosts=LOOPBACK_ONLY)


@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(threads=st.integers(1, 4), wait=st.floats(0.2, 0.6))
def test_close_ends_the_calls_in_flight_with_one_error(threads: int, wait: float) -> None:
    outcomes: list[object] = []
    with FakeOpenAI(casualty_responder, latency=3.0) as server:
        ex = Extractor(
            "openai/fake", base_url=server.base_url, retry_policy=RetryPolicy(attempts=1)
        )

        def work(n: int) -> None:
            try:
                outcomes.append(ex.extract(kano(n + 1), doc_id=f"d{n}"))
            except BaseException as error:  # what the call ended with
                outcomes.append(error)

        workers = [threading.Thread(target=work, args=(n,), daemon=True) for n in range(threads)]
        for worker in workers:
            worker.start()
        time.sleep(wait)  # the requests are in flight
        ex.close()
        for worker in workers:
            worker.join(timeout=20)
        assert not any(worker.is_alive() for worker in workers), "a call was stranded"
    assert len(outcomes) == threads
    for outcome in outcomes:
        assert isinstance(outcome, ConfigurationError) and "closed" in str(outcome), outcome
