"""The OpenAI Batch API as a carrier: files upload, ``/v1/batches``, output and error files.

Also any OpenAI-compatible server that serves those endpoints (``--base-url``).
A batch is made from an uploaded input file (one line per request,
:meth:`~extractor.pipeline.requests.ModelRequest.batch_line`) and carries the
run's output name and the file's hash as metadata; a create whose answer was
lost is found again by its input file's id among the provider's batches.
"""

from __future__ import annotations

import json
from collections.abc import Collection
from typing import IO, TYPE_CHECKING, Any

import openai

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
    file_id,
    input_file_gone,
    input_lines,
    item_response,
    malformed,
    retried,
    warn_gone,
)
from extractor.bulk.carriers.base import status_outcome as _status_outcome
from extractor.errors import IncompatibleServerError, TransientModelError
from extractor.redact import redact
from extractor.runtime import wire
from extractor.runtime.providers import mistyped

if TYPE_CHECKING:
    from extractor.bulk.provider_batch import BatchEntry
    from extractor.pipeline.engine import Extractor

__all__ = ["MAX_BATCH_BYTES", "MAX_BATCH_REQUESTS", "OpenAICarrier"]

#: The provider's limits on one batch input file (OpenAI: 50,000 requests, 200 MB).
MAX_BATCH_REQUESTS = 50_000
MAX_BATCH_BYTES = 200_000_000
#: How many of the provider's batches are looked through for one created by a killed run.
FIND_LIMIT = 2000
#: The statuses of a batch an earlier run submitted that a run adopts (in flight, or
#: completed: its results are downloaded for free); one that failed, expired or was
#: cancelled is not adopted, its requests are submitted again.
ADOPTED_STATUSES = frozenset({"validating", "in_progress", "finalizing", "completed"})


class OpenAICarrier(SdkCarrier):
    """The provider's files and batches endpoints (and chat completions for live re-asks)."""

    name = "openai"
    finds_submitted = True
    max_requests = MAX_BATCH_REQUESTS
    max_bytes = MAX_BATCH_BYTES

    live_path = "/chat/completions"
    client: openai.AsyncOpenAI
    live: openai.AsyncOpenAI

    def __init__(self, extractor: Extractor) -> None:
        super().__init__(extractor, openai.AsyncOpenAI)

    async def upload(self, handle: IO[bytes], name: str) -> str | None:
        async def send() -> Any:
            handle.seek(0)
            return await self.client.files.create(file=(name, handle), purpose="batch")

        created = await retried(self.extractor, send, "upload")
        return str(created.id)

    async def create(
        self,
        entry: BatchEntry,
        handle: IO[bytes],
        metadata: dict[str, str],
        known: Collection[str],
    ) -> BatchView:
        file_id = entry.input_file_id
        assert file_id is not None, "upload first"

        async def send() -> BatchView:
            try:
                batch = await self.client.batches.create(
                    input_file_id=file_id, endpoint=wire.CHAT_COMPLETIONS_PATH,  # type: ignore[arg-type]
                    completion_window="24h", metadata=metadata,
                )  # fmt: skip
            except openai.APIStatusError as error:
                # refused: is it because the file it names is gone? (the provider's words
                # for that vary; whether the file is there does not)
                if error.status_code in (400, 404) and await self._content(file_id) is None:
                    raise input_file_gone(file_id) from None
                raise
            return _view(batch)

        return await self.create_once(send, lambda: self._scan(file_id))

    async def find(self, entry: BatchEntry, known: Collection[str]) -> BatchView | None:
        """The batch made from the entry's input file: none without one (never submitted)."""
        if entry.input_file_id is None:
            return None
        file_id = entry.input_file_id
        return await retried(self.extractor, lambda: self._scan(file_id), "list")

    async def submitted(self, known: Collection[str]) -> list[Submitted]:
        """The batches an earlier run of extractor made (they carry its metadata) that none
        of ``known`` names, in flight or completed: the newest :data:`FIND_LIMIT`."""

        async def scan() -> list[Submitted]:
            found: list[Submitted] = []
            seen = 0
            async for batch in self.client.batches.list(limit=100):
                seen += 1
                if seen > FIND_LIMIT:
                    break
                metadata = getattr(batch, "metadata", None)
                if not isinstance(metadata, dict):
                    continue
                sha = metadata.get("extractor_file_sha256")
                output = metadata.get("extractor_output")
                source = getattr(batch, "input_file_id", None)
                if not isinstance(sha, str) or not isinstance(source, str):
                    continue  # not made by extractor: never ours
                try:
                    view = _view(batch)
                except IncompatibleServerError:
                    continue  # an id no run can ask for: not adopted
                if view.id in known or view.status not in ADOPTED_STATUSES:
                    continue
                found.append(Submitted(view, sha, output if isinstance(output, str) else None,
                                       source))  # fmt: skip
            return found

        return await retried(self.extractor, scan, "list")

    async def input_lines(self, input_file_id: str) -> dict[str, bytes] | None:
        data = await self._content(input_file_id)
        return None if data is None else input_lines(data)

    async def _scan(self, input_file_id: str) -> BatchView | None:
        seen = 0
        async for batch in self.client.batches.list(limit=100):
            if batch.input_file_id == input_file_id:
                return _view(batch)
            seen += 1
            if seen >= FIND_LIMIT:
                break
        return None

    async def retrieve(self, batch_id: str) -> BatchView:
        batch = await retried(
            self.extractor, lambda: self.client.batches.retrieve(batch_id), "retrieve"
        )
        return _view(batch)

    async def cancel(self, batch_id: str) -> BatchView:
        batch = await retried(
            self.extractor, lambda: self.client.batches.cancel(batch_id), "cancel"
        )
        return _view(batch)

    async def results(self, entry: BatchEntry) -> dict[str, Outcome]:
        """The output and error files' lines for the entry's requests."""
        assert entry.id is not None
        reader = AnswerReader(entry.id, {cid: cid for cid in entry.custom_ids})
        for name in (entry.output_file_id, entry.error_file_id):
            if name:
                data = await self._content(name)
                if data is None:
                    warn_gone(entry.id, name)
                else:
                    reader.read_file(data, _item_result, name)
        return reader.found

    async def _content(self, name: str) -> bytes | None:
        """The file's bytes; None when the provider has no such file (deleted, expired)."""

        async def read() -> bytes | None:
            try:
                response = await self.client.files.content(name)
            except openai.NotFoundError:
                return None
            return bytes(response.content)

        return await retried(self.extractor, read, "download")


def _view(batch: Any) -> BatchView:
    """The provider's batch in the run's words, read as hostile (the SDK does not check
    its fields): an id that cannot be asked for again stops the run (:func:`batch_id`),
    a file id that cannot is none, counts that are no numbers are unsaid, a status that
    is no string is said as the value it is (an unknown status, waited on)."""
    name = batch_id(getattr(batch, "id", None))
    errors = getattr(getattr(batch, "errors", None), "data", None)
    message = None
    if isinstance(errors, list) and errors:
        first = errors[0]
        message = redact(f"{getattr(first, 'code', '')}: {getattr(first, 'message', '')}")
    status = getattr(batch, "status", None)
    return BatchView(
        id=name,
        status=batch_status(status),
        counts=_counts(getattr(batch, "request_counts", None)),
        output_file_id=file_id(getattr(batch, "output_file_id", None), name),
        error_file_id=file_id(getattr(batch, "error_file_id", None), name),
        message=message,
    )


def _counts(counts: Any) -> tuple[int, int, int] | None:
    """(completed, failed, total), a missing one 0; None when any is no number."""
    if counts is None:
        return None
    said = [getattr(counts, key, None) for key in ("completed", "failed", "total")]
    numbers = [0 if value is None else count(value) for value in said]
    if any(n is None for n in numbers):
        return None
    completed, failed, total = (int(n or 0) for n in numbers)
    return completed, failed, total


def _item_result(line: dict[str, Any], batch_id: str) -> Outcome:
    """One line of a batch output or error file as what it means for its request."""
    response = line.get("response")
    error = line.get("error")
    if isinstance(response, dict):
        status = response.get("status_code")
        body = response.get("body")
        if not isinstance(status, int) or isinstance(status, bool):
            return malformed(batch_id, mistyped("response.status_code", status, "an HTTP status"))
        if status == 200:  # whatever its body, it is checked as a live answer is
            return Answer(body if isinstance(body, dict | str) else json.dumps(body))
        return _status_outcome(_status_error(status, body), batch_id)
    if isinstance(error, dict):
        code = error.get("code") or "error"
        message = f"{code}: {error.get('message') or 'no message'}"
        return Undelivered(TransientModelError(redact(f"batch {batch_id}: {message}")), True)
    return malformed(batch_id, "its result line holds neither a response object nor an error")


def _status_error(status: int, body: Any) -> openai.APIStatusError:
    """The SDK's error for an HTTP status, so an item's failure is classified as a live one."""
    response = item_response(status, body, wire.CHAT_COMPLETIONS_PATH)
    message = "batch item failed"
    if isinstance(body, dict) and isinstance(body.get("error"), dict):
        message = str(body["error"].get("message") or message)
    return openai.APIStatusError(message, response=response, body=body)
