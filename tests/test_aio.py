"""The event loop choice: uvloop when installed, the standard loop on request."""

from __future__ import annotations

import asyncio

import pytest

from extractor.runtime import aio


async def _loop_module() -> str:
    return type(asyncio.get_running_loop()).__module__


def test_uvloop_runs_the_tool_when_installed(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("uvloop")
    monkeypatch.delenv("EXTRACTOR_EVENT_LOOP", raising=False)
    assert aio.run(_loop_module()).startswith("uvloop")
    loop = aio.new_event_loop()
    try:
        assert type(loop).__module__.startswith("uvloop")
    finally:
        loop.close()


def test_the_standard_loop_on_request(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EXTRACTOR_EVENT_LOOP", "asyncio")
    assert aio.loop_factory() is asyncio.new_event_loop
    assert aio.run(_loop_module()).startswith("asyncio")


async def test_a_swallowed_cancellation_stops_the_run_at_its_next_line() -> None:
    """Ctrl-C or SIGTERM cancels the run's task; an await below that loses the cancellation
    must not let the run go on to the end: the next line written stops it."""
    from extractor.bulk.runner import stop_if_interrupted

    async def run_lines(swallow: bool) -> int:
        written = 0
        for _ in range(3):
            try:
                await asyncio.sleep(0.05)
            except asyncio.CancelledError:
                if not swallow:
                    raise
            written += 1
            stop_if_interrupted()  # between lines, as the runners call it
        return written

    for swallow in (True, False):
        task = asyncio.create_task(run_lines(swallow))
        await asyncio.sleep(0.01)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
    assert await run_lines(True) == 3  # not cancelled: every line
