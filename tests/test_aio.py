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
