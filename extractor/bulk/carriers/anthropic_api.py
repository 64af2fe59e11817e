"""Anthropic's Message Batches API as a carrier: ``/v1/messages/batches``, results as JSONL.

A batch is created by one ``POST /v1/messages/batches`` holding its requests
(``{"requests": [{"custom_id", "params"}, ...]}``, each ``params`` the body a
live call sends, byte for byte: :meth:`~extractor.pipeline.requests.
ModelRequest.batch_line`); there is no file to upload. Each request's
``custom_id`` is derived from ours
(:func:`~extractor.runtime.anthropic_wire.batch_custom_id`: Anthropic's are
at most 64 of ``[a-zA-Z0-9_-]``), so the results of any batch map back to
our requests without a stored map. A batch is ``in_progress``, then
``canceling`` if cancelled, then ``ended``; its results file says for each
request ``succeeded`` (the message), ``errored`` (an API error: judged as
the live path judges its status), ``canceled`` or ``expired`` (submitted
again under the retry policy).

**A create whose answer was lost.** Anthropic's batches carry no metadata
and no input file, so a batch cannot be found by what it was made from. The
run saves the batch's entry (its requests, the time) with status
``submitting`` just before the ``POST``; when the answer is lost (a reset
or timeout, retried at once, or a kill, settled by the rerun), the batch is
looked for among the provider's batches (newest first) created from
:data:`CREATE_SKEW` seconds before that time to the create's deadline after
it, holding as many requests as the entry, and not already named in the
state. One such batch is adopted. Of several, those that have ended are
checked by their results (the ``custom_id`` of every request); when more
than one still could be ours, the run stops and names them (extractor
cannot tell which was paid for by this run). An adopted batch's results are
checked when they arrive: a request it does not hold is submitted again.
"""

from __future__ import annotations

import contextlib
import importlib
import json
import logging
import time
from collections.abc import Collection
from datetime import datetime
from typing import IO, TYPE_CHECKING, Any

import httpx2

from extractor.bulk.carriers.base import (
    Answer,
    AnswerReader,
    BatchView,
    Outcome,
    SdkCarrier,
    Submitted,
    Undelivered,
    batch_id,
    batch_status,
    count,
    item_response,
    malformed,
    result_lines,
    retried,
    status_outcome,
    warn_gone,
)
from extractor.errors import ConfigurationError, IncompatibleServerError, TransientModelError
from extractor.redact import redact
from extractor.runtime.anthropic_wire import MESSAGES_PATH, batch_custom_id, sdk
from extractor.runtime.providers import mistyped

if TYPE_CHECKING:
    import anthropic
    from anthropic.types.messages import MessageBatch

    from extractor.bulk.provider_batch import BatchEntry
    from extractor.pipeline.engine import Extractor

__all__ = ["CREATE_SKEW", "MAX_BATCH_BYTES", "MAX_BATCH_REQUESTS", "AnthropicCarrier"]

logger = logging.getLogger(__name__)

#: Anthropic's limits on one batch: 100,000 requests, 256 MB for the create request (the
#: requests' lines, less room for the envelope).
MAX_BATCH_REQUESTS = 100_000
MAX_BATCH_BYTES = 250_000_000
BATCHES_PATH = "/v1/messages/batches"
#: Seconds the provider's clock may run behind ours when a lost batch is looked for.
CREATE_SKEW = 300.0
#: How many of the provider's batches are looked through for one created by a killed run.
FIND_LIMIT = 2000
#: How long a batch may stay in flight (Anthropic ends every batch within 24 hours).
LONGEST_BATCH = 24 * 3600.0
#: The HTTP status the live API answers for each error type an item can fail with.
ERROR_STATUS = {
    "invalid_request_error": 400, "authentication_error": 401, "billing_error": 402,
    "permission_error": 403, "not_found_error": 404, "request_too_large": 413,
    "rate_limit_error": 429, "api_error": 500, "timeout_error": 504, "overloaded_error": 529,
}  # fmt: skip


class AnthropicCarrier(SdkCarrier):
    """The Message Batches endpoints (and the Messages API for live re-asks)."""

    name = "anthropic"
    finds_submitted = False  # no metadata, no input file: nothing says what a batch holds
    max_requests = MAX_BATCH_REQUESTS
    max_bytes = MAX_BATCH_BYTES

    live_path = MESSAGES_PATH
    client: anthropic.AsyncAnthropic
    live: anthropic.AsyncAnthropic

    def __init__(self, extractor: Extractor) -> None:
        # the SDK on first use: this module imports without the anthropic extra
        super().__init__(extractor, sdk().AsyncAnthropic)  # a create carries up to 256 MB

    async def upload(self, handle: IO[bytes], name: str) -> str | None:
        return None  # the requests go in the create request itself

    async def create(
        self,
        entry: BatchEntry,
        handle: IO[bytes],
        metadata: dict[str, str],
        known: Collection[str],
    ) -> BatchView:
        handle.seek(0)
        body = b'{"requests": [' + b", ".join(handle.read().splitlines()) + b"]}"

        async def send() -> BatchView:
            batch = await self.client.post(
                BATCHES_PATH, cast_to=_message_batch(), content=body,
                options={"headers": {"Content-Type": "application/json"}},
            )  # fmt: skip
            return _view(batch)

        return await self.create_once(send, lambda: self._scan(entry, known))

    async def find(self, entry: BatchEntry, known: Collection[str]) -> BatchView | None:
        """The batch of an entry saved ``submitting`` (see the module doc); None otherwise."""
        if entry.status != "submitting":
            return None  # killed before the create was sent: nothing can exist
        return await retried(self.extractor, lambda: self._scan(entry, known), "list")

    async def submitted(self, known: Collection[str]) -> list[Submitted]:
        """The batches in flight that none of ``known`` names (created within the last day,
        newest first, at most :data:`FIND_LIMIT`): Anthropic's carry no metadata and no
        input file, so nothing says whose they are; the run says they exist, once."""

        async def scan() -> list[Submitted]:
            since = time.time() - LONGEST_BATCH - CREATE_SKEW
            found: list[Submitted] = []
            seen = 0
            async for batch in self.client.messages.batches.list(limit=100):
                created = _timestamp(batch.created_at)
                seen += 1
                if (created is not None and created < since) or seen > FIND_LIMIT:
                    break  # newest first: the rest have ended
                if batch.processing_status != "in_progress":
                    continue
                try:
                    view = _view(batch)
                except IncompatibleServerError:
                    continue
                if view.id not in known:
                    found.append(Submitted(view))
            return found

        return await retried(self.extractor, scan, "list")

    async def input_lines(self, input_file_id: str) -> dict[str, bytes] | None:
        return None  # no input file: the requests went in the create itself

    async def _scan(self, entry: BatchEntry, known: Collection[str]) -> BatchView | None:
        since = entry.created - CREATE_SKEW
        until = entry.created + self.batch_timeout + CREATE_SKEW
        count = len(entry.custom_ids)
        candidates: list[MessageBatch] = []
        seen = 0
        async for batch in self.client.messages.batches.list(limit=100):
            created = _timestamp(batch.created_at)
            if created is not None and created < since:
                break  # newest first: the rest are older
            seen += 1
            if (
                (created is None or created <= until)
                and not (isinstance(batch.id, str) and batch.id in known)  # a list: unhashable
                and _total(batch) == count
            ):
                candidates.append(batch)
            if seen >= FIND_LIMIT:
                break
        if len(candidates) > 1:
            candidates = [b for b in candidates if await self._may_hold(b, entry)]
        if len(candidates) > 1:
            names = redact(", ".join(repr(b.id)[:80] for b in candidates))
            raise ConfigurationError(
                f"a batch of {count:,} requests was submitted by an interrupted run, and "
                f"{len(candidates)} batches at the provider could be it ({names}): extractor "
                "cannot tell which one it paid for. Wait until they end and run again (their "
                "results show which holds these requests), or cancel the ones that are not "
                "this run's"
            )
        return _view(candidates[0]) if candidates else None

    async def _may_hold(self, batch: MessageBatch, entry: BatchEntry) -> bool:
        """Whether ``batch`` may hold the entry's requests: unknown until it ends, then its
        results say."""
        if batch.processing_status != "ended" or not batch.results_url:
            return True
        data = await self._download(batch.results_url)
        if data is None:
            return True  # its results are gone: nothing says it is not ours
        mine = {batch_custom_id(cid) for cid in entry.custom_ids}
        return mine == {line["custom_id"] for line in result_lines(data)}

    async def retrieve(self, batch_id: str) -> BatchView:
        return _view(await self._batch(batch_id))

    async def _batch(self, batch_id: str) -> MessageBatch:
        return await retried(
            self.extractor, lambda: self.client.messages.batches.retrieve(batch_id), "retrieve"
        )

    async def cancel(self, batch_id: str) -> BatchView:
        batch = await retried(
            self.extractor, lambda: self.client.messages.batches.cancel(batch_id), "cancel"
        )
        return _view(batch)

    async def results(self, entry: BatchEntry) -> dict[str, Outcome]:
        """The results file of the entry's ended batch, by our ``custom_id``."""
        assert entry.id is not None
        batch = await self._batch(entry.id)
        if not batch.results_url:
            return {}
        reader = AnswerReader(entry.id, {batch_custom_id(cid): cid for cid in entry.custom_ids})
        data = await self._download(batch.results_url)
        if data is None:
            warn_gone(entry.id, "(results_url)")
            return {}
        reader.read_file(data, _item_result)
        found = reader.found
        if reader.read and not found:
            logger.warning(
                f"batch {entry.id} holds none of the requests it was adopted for (another "
                "batch of the same size, created at the same time): they are submitted again"
            )
        return found

    async def _download(self, url: str) -> bytes | None:
        """The results file's bytes; None when the provider has none there (HTTP 404)."""

        async def read() -> bytes | None:
            try:
                response = await self.client.get(
                    url, cast_to=httpx2.Response,
                    options={"headers": {"Accept": "application/binary"}},
                )  # fmt: skip
            except sdk().NotFoundError:
                return None
            return bytes(response.content)

        return await retried(self.extractor, read, "download")


def _timestamp(value: Any) -> float | None:
    if isinstance(value, datetime):
        return value.timestamp()
    if isinstance(value, str):
        with contextlib.suppress(ValueError):
            return datetime.fromisoformat(value.replace("Z", "+00:00")).timestamp()
    return None


def _count(batch: MessageBatch, name: str) -> int:
    """One of the batch's request counts; 0 when it is none or no number (the SDK does not
    check them: a hostile server's string or NaN is no reason to stop the run)."""
    return count(getattr(getattr(batch, "request_counts", None), name, None)) or 0


def _total(batch: MessageBatch) -> int:
    return sum(
        _count(batch, name)
        for name in ("processing", "succeeded", "errored", "canceled", "expired")
    )


def _view(batch: MessageBatch) -> BatchView:
    """The batch in the run's words, read as hostile: an id that cannot be asked for again
    stops the run (:func:`~extractor.bulk.carriers.base.batch_id`), a status that is no
    string is said as the value it is (an unknown status, waited on)."""
    status = getattr(batch, "processing_status", None)
    failed = sum(_count(batch, n) for n in ("errored", "canceled", "expired"))
    return BatchView(
        id=batch_id(getattr(batch, "id", None)),
        status=batch_status(status),
        counts=(_count(batch, "succeeded"), failed, _total(batch)),
    )


def _item_result(line: dict[str, Any], batch_id: str) -> Outcome:
    """One line of a results file as what it means for its request."""
    result = line.get("result")
    if not isinstance(result, dict):
        return malformed(batch_id, mistyped("result", result, "an object"))
    kind = result.get("type")
    if kind == "succeeded":  # whatever its message, it is checked as a live answer is
        message = result.get("message")
        return Answer(message if isinstance(message, dict) else json.dumps(message))
    if kind == "errored":
        return status_outcome(_status_error(result.get("error")), batch_id)
    said = (
        {"canceled": "was cancelled", "expired": "expired"}.get(kind)
        if isinstance(kind, str)
        else None
    )
    if said is None:
        return malformed(
            batch_id, f"its result's type is {kind!r}, no type of the Message Batches API"
        )
    return Undelivered(
        TransientModelError(redact(f"batch {batch_id}: the request {said} before an answer")),
        True,
    )


def _status_error(body: Any) -> anthropic.APIStatusError:
    """The SDK's error for an item's error, with the status the live API gives its type."""
    inner = body.get("error") if isinstance(body, dict) else None
    kind = inner.get("type") if isinstance(inner, dict) else None
    status = ERROR_STATUS.get(str(kind), 500)
    message = "batch item failed"
    if isinstance(inner, dict) and inner.get("message"):
        message = str(inner["message"])
    response = item_response(status, body, MESSAGES_PATH)
    error: anthropic.APIStatusError = sdk().APIStatusError(message, response=response, body=body)
    return error


def _message_batch() -> type[MessageBatch]:
    batch: type[MessageBatch] = importlib.import_module("anthropic.types.messages").MessageBatch
    return batch
