"""The event loop the tool runs its own coroutines on.

In bulk runs the client's CPU per model call decides how close throughput
gets to the latency limit (C/L): one asyncio thread parses every HTTP answer,
validates every record and writes every line. uvloop, when installed
(``pip install 'extractor[fast]'``), runs the same coroutines with less
overhead per callback and socket event. It is optional: the standard loop
gives the same results, and ``EXTRACTOR_EVENT_LOOP=asyncio`` chooses it.
"""

from __future__ import annotations

import asyncio
import importlib
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

from extractor.settings import settings

T = TypeVar("T")


def loop_factory() -> Callable[[], asyncio.AbstractEventLoop]:
    """uvloop's loop constructor if it is installed and not turned off, else asyncio's."""
    if settings().uses_uvloop:
        try:
            uvloop = importlib.import_module("uvloop")
        except ImportError:
            pass
        else:
            factory: Callable[[], asyncio.AbstractEventLoop] = uvloop.new_event_loop
            return factory
    return asyncio.new_event_loop


def new_event_loop() -> asyncio.AbstractEventLoop:
    """A new loop of the kind :func:`loop_factory` chooses."""
    return loop_factory()()


def run(coroutine: Coroutine[Any, Any, T]) -> T:
    """``asyncio.run`` on the chosen loop."""
    with asyncio.Runner(loop_factory=loop_factory()) as runner:
        return runner.run(coroutine)
