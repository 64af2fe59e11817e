"""extract_many: many articles, bounded concurrency, results as they finish, errors as results.

Every test talks to the in-thread fake OpenAI server on 127.0.0.1 through the
real Extractor (JSON mode with a response_format schema), so what is checked
is the whole path a pipeline uses, not a stub of it.
"""

from __future__ import annotations

import asyncio
import contextlib
import sys
from collections.abc import AsyncIterator, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # plain `pytest` (not `python -m pytest`) leaves the root out
    sys.path.insert(0, str(ROOT))

from extractor.bulk.batch import (  # noqa: E402
    BatchAborted,
    BatchResult,
    extract_many,
    extract_many_sync,
)
from extractor.errors import ClientModelError, ConfigurationError  # noqa: E402
from extractor.io import InputFailure  # noqa: E402
from extractor.pipeline.document import Document  # noqa: E402
from extractor.pipeline.engine import Extractor  # noqa: E402
from extractor.runtime.retrying import RetryPolicy  # noqa: E402
from tests.fakes.kano import casualty_responder, kano  # noqa: E402
from tests.fakes.openai_server import LOOPBACK_ONLY, FakeOpenAI, Fault  # noqa: E402

pytestmark = pytest.mark.block_network(allowed_hosts=LOOPBACK_ONLY)

FAST_RETRY = RetryPolicy(attempts=2, initial=0.01, maximum=0.02, total=5)


@pytest.fixture
def fake() -> Iterator[FakeOpenAI]:
    with FakeOpenAI(casualty_responder) as server:
        yield server


def make(server: FakeOpenAI, **options: Any) -> Extractor:
    options.setdefault("strategy", "single")  # the fake answers in the single-call shape
    return Extractor("openai/fake-model", base_url=server.base_url, **options)


async def collect(stream: AsyncIterator[BatchResult]) -> list[BatchResult]:
    return [result async for result in stream]


# ------------------------------------------------------------------ results


async def test_every_item_gives_one_result_with_its_id(fake: FakeOpenAI) -> None:
    items = [(f"d{n}", kano(n + 2), "2024-03-02") for n in range(6)]
    results = await collect(
        extract_many(items, model="openai/fake-model", base_url=fake.base_url, concurrency=3)
    )
    assert sorted(r.doc_id for r in results) == [f"d{n}" for n in range(6)]
    assert sorted(r.index for r in results) == list(range(6))
    for result in results:
        assert result.ok and result.status == "ok" and result.error is None
        (record,) = result.records
        assert record.doc_id == result.doc_id
        assert record.killed is not None and record.killed.low == result.index + 2  # type: ignore[attr-defined]
        assert result.counts()["casualty_report"] == 1
        assert result.usage.total_tokens > 0
        assert result.published == date(2024, 3, 2)


async def test_results_come_as_they_finish_not_in_input_order() -> None:
    # The first request to arrive is held back: its document must come out last.
    with FakeOpenAI(casualty_responder, faults={0: Fault.SLOW}, slow_delay=0.6) as server:
        items = [(f"d{n}", kano(n + 2)) for n in range(4)]
        results = await collect(extract_many(items, extractor=make(server), concurrency=2))
        held = server.log[0].message_text
    assert all(r.ok for r in results)
    last = results[-1]
    assert last.index in (0, 1)  # one of the first two sent, yet the last to come out
    assert kano(last.index + 2) in held


async def test_documents_and_input_failures_are_accepted(fake: FakeOpenAI) -> None:
    doc = Document("doc-1", kano(7), published=date(2024, 3, 2), source="a.txt", title="T")
    failure = InputFailure("bad.txt", "dir/bad.txt", "binary file, not text")
    results = {
        r.doc_id: r for r in await collect(extract_many([doc, failure], extractor=make(fake)))
    }
    assert results["doc-1"].ok and results["doc-1"].document is doc
    assert results["doc-1"].source == "a.txt"
    bad = results["bad.txt"]
    assert bad.status == "error" and bad.error is not None
    assert (bad.error.type, bad.error.kind, bad.error.message) == (
        "InputError", "input", "binary file, not text",
    )  # fmt: skip
    assert bad.source == "dir/bad.txt"
    assert len(fake.requests) == 1  # the failure never reached the model


async def test_errors_come_back_as_results_and_the_stream_goes_on(fake: FakeOpenAI) -> None:
    items: list[Any] = [
        ("empty", "   \n", None),
        ("bad-date", kano(3), "last Tuesday"),
        42,
        ("good", kano(4), None),
    ]
    results = {r.doc_id: r for r in await collect(extract_many(items, extractor=make(fake)))}
    assert set(results) == {"empty", "bad-date", "#2", "good"}
    assert results["good"].ok
    errors = {k: r.error for k, r in results.items() if k != "good"}
    assert all(e is not None for e in errors.values())
    assert errors["empty"].kind == "input" and "empty" in errors["empty"].message  # type: ignore[union-attr]
    assert errors["bad-date"].kind == "input" and "ISO 8601" in errors["bad-date"].message  # type: ignore[union-attr]
    assert errors["#2"].kind == "input" and "not int" in errors["#2"].message  # type: ignore[union-attr]


async def test_an_answer_that_never_validates_is_an_error_with_its_cost() -> None:
    with FakeOpenAI(casualty_responder, faults={0: Fault.SCHEMA_INVALID}) as server:
        extractor = make(server, max_retries=0)
        items = [("broken", kano(3)), ("fine", kano(4))]
        results = {
            r.doc_id: r
            for r in await collect(extract_many(items, extractor=extractor, concurrency=1))
        }
    broken = results["broken"]
    assert broken.error is not None and broken.error.type == "ExtractionFailed"
    assert broken.error.kind == "model"
    assert "casualty_reports: Field required" in broken.error.message  # the real reason
    assert broken.usage.total_tokens > 0  # the failed attempt was paid for
    assert results["fine"].ok


# ------------------------------------------------------------ stopping early


async def test_a_rejected_api_key_stops_the_run() -> None:
    with FakeOpenAI(casualty_responder, faults={0: Fault.UNAUTHORIZED}) as server:
        items = [(f"d{n}", kano(n + 2)) for n in range(20)]
        with pytest.raises(ClientModelError, match="API key"):
            await collect(extract_many(items, extractor=make(server), concurrency=1))
        assert len(server.requests) == 1  # nothing after the 401


async def test_configuration_errors_are_raised_not_returned(fake: FakeOpenAI) -> None:
    with pytest.raises(ConfigurationError, match="strategy"):
        await collect(extract_many([("a", kano(2))], model="openai/x", strategy="bogus"))
    with pytest.raises(ConfigurationError, match="provider"):
        await collect(extract_many([("a", kano(2))], model="nosuchprovider/model"))
    with pytest.raises(ConfigurationError, match="concurrency"):
        await collect(extract_many([], extractor=make(fake), concurrency=0))


async def test_a_dead_server_aborts_after_failures_in_a_row() -> None:
    with FakeOpenAI(fault_rate=1.0, fault_kinds=[Fault.SERVER_ERROR]) as server:
        extractor = make(server, retry_policy=FAST_RETRY)
        seen: list[BatchResult] = []
        with pytest.raises(BatchAborted, match="3 documents in a row") as raised:
            async for result in extract_many(
                [(f"d{n}", kano(2)) for n in range(50)], extractor=extractor, concurrency=1,
                abort_after=3,
            ):  # fmt: skip
                seen.append(result)
    assert len(seen) == 3 and all(r.error and r.error.status_code == 500 for r in seen)
    assert raised.value.failures == 3


async def test_input_errors_do_not_count_towards_aborting(fake: FakeOpenAI) -> None:
    items = [(f"e{n}", "", None) for n in range(5)]
    results = await collect(extract_many(items, extractor=make(fake), abort_after=2))
    assert len(results) == 5 and not any(r.ok for r in results)


# -------------------------------------------------------------- concurrency


async def _peak_in_flight(extractor: Extractor, documents: int, concurrency: int) -> int:
    """Run ``documents`` through extract_many; the most that were being extracted at once."""
    original = extractor.aextract
    active = peak = 0

    async def counting(*args: Any, **kwargs: Any) -> Any:
        nonlocal active, peak
        active += 1
        peak = max(peak, active)
        try:
            await asyncio.sleep(0.02)
            return await original(*args, **kwargs)
        finally:
            active -= 1

    extractor.aextract = counting  # type: ignore[method-assign]
    items = [(f"d{n}", kano(2)) for n in range(documents)]
    results = await collect(extract_many(items, extractor=extractor, concurrency=concurrency))
    assert len(results) == documents
    return peak


async def test_concurrency_is_bounded(fake: FakeOpenAI) -> None:
    assert await _peak_in_flight(make(fake), 12, concurrency=3) == 3


@pytest.mark.parametrize(
    ("served", "asked", "expected"), [(2, 8, 2), (1, 3, 1), (4, 3, 3), (None, 5, 5)]
)
async def test_no_more_documents_in_flight_than_the_server_takes(
    fake: FakeOpenAI, monkeypatch: pytest.MonkeyPatch, served: int | None, asked: int, expected: int
) -> None:
    # the embedded model's server: one document per slot, or articles push each other out
    monkeypatch.setattr(Extractor, "documents_at_once", property(lambda self: served))
    assert await _peak_in_flight(make(fake), 10, concurrency=asked) == expected


async def test_a_huge_iterator_is_consumed_lazily(fake: FakeOpenAI) -> None:
    pulled = 0

    def endless() -> Iterator[tuple[str, str]]:
        nonlocal pulled
        while True:
            pulled += 1
            yield (f"d{pulled}", kano(2))

    got = 0
    async with contextlib.aclosing(
        extract_many(endless(), extractor=make(fake), concurrency=2)
    ) as stream:
        async for _ in stream:
            got += 1
            if got == 5:
                break
    assert pulled <= 5 + 4 * 2  # the workers, the inbox and one item in the feeder's hand


async def test_async_iterables_are_accepted(fake: FakeOpenAI) -> None:
    async def items() -> AsyncIterator[tuple[str, str]]:
        for n in range(3):
            await asyncio.sleep(0)
            yield (f"a{n}", kano(n + 2))

    results = await collect(extract_many(items(), extractor=make(fake)))
    assert sorted(r.doc_id for r in results) == ["a0", "a1", "a2"]


async def test_one_rate_limit_pauses_every_worker() -> None:
    # Request 0 gets a 429 with Retry-After 0.5 s; request 1, sent alongside it, is held
    # 0.2 s so that its worker moves on while the pause is on. Every request sent after
    # the 429 must wait out the same pause, not only the retry of the limited one.
    faults = {0: Fault.RATE_LIMIT, 1: Fault.SLOW}
    with FakeOpenAI(
        casualty_responder, faults=faults, retry_after=0.5, latency=0.05, slow_delay=0.2
    ) as server:
        items = [(f"d{n}", kano(n + 2)) for n in range(6)]
        results = await collect(extract_many(items, extractor=make(server), concurrency=2))
        log = server.log
    assert all(r.ok for r in results)
    assert len(log) == 7  # six documents and one retry
    answered_at = log[0].time + 0.05
    later = [r for r in log if r.index > 1]
    assert later and all(r.time >= answered_at + 0.45 for r in later)


# --------------------------------------------------------------------- sync


def test_sync_wrapper_yields_every_result(fake: FakeOpenAI) -> None:
    items = [(f"d{n}", kano(n + 2)) for n in range(4)]
    results = list(
        extract_many_sync(items, model="openai/fake-model", base_url=fake.base_url, concurrency=2)
    )
    assert sorted(r.doc_id for r in results) == ["d0", "d1", "d2", "d3"]
    assert all(r.ok for r in results)


def test_sync_wrapper_stops_early_and_reuses_the_extractor(fake: FakeOpenAI) -> None:
    extractor = make(fake)
    items = [(f"d{n}", kano(2)) for n in range(50)]
    for result in extract_many_sync(items, extractor=extractor, concurrency=2):
        assert result.ok
        break
    assert len(fake.requests) < 10  # the rest were cancelled, not run
    again = list(extract_many_sync(items[:2], extractor=extractor))
    assert len(again) == 2 and all(r.ok for r in again)


async def test_sync_wrapper_works_inside_a_running_loop(fake: FakeOpenAI) -> None:
    # A notebook cell runs inside an event loop; the wrapper must not need this one.
    results = list(extract_many_sync([("x", kano(5))], extractor=make(fake)))
    assert results[0].ok


def test_sync_wrapper_raises_run_stopping_errors() -> None:
    with (
        FakeOpenAI(casualty_responder, faults={0: Fault.UNAUTHORIZED}) as server,
        pytest.raises(ClientModelError),
    ):
        list(extract_many_sync([("a", kano(2))], extractor=make(server)))
