"""What the two fake batch APIs share (OpenAI's :mod:`tests.fakes.batch_server`, Anthropic's
:mod:`tests.fakes.anthropic_server`): the chat server's core with their batches and
counters, the server class around it, the lines of their results files, and the pages of
their batch lists.

Like :mod:`tests.fakes.openai_server`, a test imports what it needs from the server
module itself; this one holds only what the two would otherwise each write.
"""

from __future__ import annotations

import itertools
import json
import threading
from collections import Counter
from typing import Any, Generic, Protocol, TypeVar

from aiohttp import web

from tests.fakes.openai_server import FakeConfig, FakeOpenAI, Responder, _Core

__all__ = ["BatchCore", "FakeBatchServer", "jsonl_line"]


class _Listed(Protocol):
    """A batch as the list endpoints see it (its id and order), whichever API made it."""

    id: str
    number: int


BatchT = TypeVar("BatchT", bound=_Listed)
ConfigT = TypeVar("ConfigT")


class BatchCore(_Core, Generic[BatchT, ConfigT]):
    """The chat server's core with the batches and submission counts both fake APIs keep."""

    # batch: how the batch endpoints behave; batches: every batch made; submissions: how
    # often each custom_id was in a created batch

    def __init__(self, config: FakeConfig, batch: ConfigT) -> None:
        super().__init__(config)
        self.batch = batch
        self.batches: dict[str, BatchT] = {}
        self.submissions: Counter[str] = Counter()
        self._ids = itertools.count(1)
        self._seen_bodies: set[str] = set()
        self._batch_lock = threading.Lock()

    def _first_time(self, body: dict[str, Any]) -> bool:
        """Whether ``body`` is new, so that ``item_fault`` can fail it once, then let it through."""
        key = json.dumps(body, sort_keys=True)
        first = key not in self._seen_bodies
        self._seen_bodies.add(key)
        return first

    def _page(self, request: web.Request, after: str) -> tuple[list[BatchT], dict[str, Any]]:
        """A page of batches, newest first, and its cursor fields: both APIs page this way."""
        # after: the query parameter naming the cursor (OpenAI's after, Anthropic's after_id)
        limit = int(request.query.get("limit", "20"))
        cursor = request.query.get(after)
        newest = sorted(self.batches.values(), key=lambda b: b.number, reverse=True)
        if cursor is not None:
            newest = [b for b in newest if b.number < self.batches[cursor].number]
        page = newest[:limit]
        return page, {
            "has_more": len(newest) > limit,
            "first_id": page[0].id if page else None,
            "last_id": page[-1].id if page else None,
        }


def jsonl_line(item: dict[str, Any]) -> bytes:
    """``item`` as one line of a results (or errors) file, as both APIs write them."""
    return json.dumps(item).encode("utf-8") + b"\n"


CoreT = TypeVar("CoreT", bound=BatchCore[Any, Any])


class FakeBatchServer(FakeOpenAI, Generic[CoreT, ConfigT]):
    """:class:`FakeOpenAI`'s thread, loop, log and stop around a batch API's core (``core``)."""

    def __init__(
        self, responder: Responder | None = None, *, batch: ConfigT | None = None,
        **options: Any,
    ) -> None:  # fmt: skip
        super().__init__(responder, **options)
        self.core = self._batch_core(self.config, batch)
        self._core = self.core

    def _batch_core(self, config: FakeConfig, batch: ConfigT | None) -> CoreT:
        """The API's own core, its batch endpoints behaving as ``batch`` says (None: defaults)."""
        raise NotImplementedError
