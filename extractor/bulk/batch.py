"""Many articles through one extractor, concurrently: the Python API for pipelines.

:func:`extract_many` takes an iterable (or async iterable) of items and yields
one :class:`BatchResult` per item *as it finishes*, in completion order, each
carrying its ``doc_id`` and its position in the input (``index``). An item is
a :class:`~extractor.document.Document`, an ``(id, text, published)`` tuple
(``published`` may be a date, an ISO string or None; ``(id, text)`` also
works), or an :class:`~extractor.io.InputFailure` that is passed through as an
error result, so a bulk run keeps one result per input unit. Ids are unique
within a call: an item whose id an earlier item has is not extracted, its
result the ``input`` error ``<id>#duplicate-<n>`` (``duplicate_of`` the id), as
bulk names a repeated id, so that no reader keyed by id loses a document. ``n``
is the first number that makes a name no item of the input has as its own id
(``("a", "a", "a#duplicate-2")`` names the copy ``a#duplicate-3`` and extracts
the third), so these results, and those of items whose id cannot be read
(``#<index>``), come once the input ran out. An id with lone surrogates is
escaped as bulk escapes it (:func:`~extractor.redact.escape_surrogates`), a
Document's and an InputFailure's too.

Why results and not exceptions: a pipeline over 100k articles must not lose
its place because article 4,711 was empty or the model garbled one answer.
Every per-document failure (bad input, a server error that survived the
retries, an answer that never validated, even an unexpected bug) comes back
as a result with ``status == "error"``, the error's type, kind and message
(secrets redacted), and the tokens spent on it.

What does end the stream, by raising:

* ``KeyboardInterrupt`` and cancellation, as always;
* a :class:`~extractor.errors.ConfigurationError` or
  :class:`~extractor.errors.LocalModelError` (no model, no key, the local
  server would not start), and a :class:`~extractor.errors.ClientModelError`
  for HTTP 401, 403 or 404 (bad key, no permission, unknown model or URL)
  or for a connection the setup refused (TLS to a plain-HTTP server, an
  untrusted certificate):
  every later document would fail the same way, so writing thousands of
  identical error results would only hide the one thing to fix. Other client
  errors (400, 413, 422) can be caused by one document (too long, refused
  content) and stay per-document results;
* :class:`BatchAborted`, when :data:`SAME_FAILURES_IN_A_ROW` documents in a
  row fail with the same request error, one that does not depend on the
  document: the same ``config`` or ``server`` error (HTTP 400, 405, 422, a
  context window too small for even a short article, an answer that is not
  an OpenAI chat completion: an HTML page, ``{}``, ``choices: []``, a
  redirect). Three different articles refused alike say the request is
  wrong, and so will every other one; the message is the error's, which says
  what to fix in the setup (it is never the model's fault);
* :class:`BatchAborted`, when ``abort_after`` documents in a row have failed
  because of the server (kinds ``transient``, ``server``, ``config``) with
  none answered in between: the server is down, overloaded or unreachable
  ("the model server at <url> keeps answering HTTP 502"). The extractor's
  shared :class:`~extractor.runtime.retrying.Backoff` makes these quick: once
  one request has spent its whole retry schedule on server failures, later
  ones are not retried until the server answers again.

A document answered by the server, even with an invalid answer (kinds
``model``, ``refusal``), ends both streaks; a bad input (kind ``input``)
says nothing about the server and leaves them as they are.

The document that raised a stopping error gets no result, and neither do the
documents in flight or not yet started, so a resumed bulk run does them once
the problem is fixed; the documents that failed before the stop have error
lines, which ``retry_errors`` (``--retry-errors``) redoes.

Concurrency: up to ``concurrency`` worker tasks take items from a bounded queue
that one feeder task fills, so an iterator over millions of items is consumed
lazily, at most about ``2 * concurrency`` items ahead of the workers. Workers
are started by the feeder only when an item is waiting and no worker is idle,
so a huge ``concurrency`` on a small input costs one task per document in
flight, not one per unit asked for; ``concurrency`` above
:data:`MAX_CONCURRENCY` is refused (a typo such as ``-j 100000000`` once took
7 GB before the first request). The
worker count is the bound on requests in flight (no separate semaphore is
needed). Results go through a bounded queue too, so a slow consumer slows
the workers instead of piling up results. A synchronous item iterator is
advanced in a worker thread, because reading an archive member or parsing
HTML would otherwise stall every request in flight. One
:class:`~extractor.engine.Extractor` serves all workers, so they share its
HTTP client and its rate-limit backoff (a 429 pauses them all).
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import logging
import os
import threading
import time
from collections.abc import (
    AsyncGenerator,
    AsyncIterable,
    AsyncIterator,
    Iterable,
    Iterator,
    Mapping,
)
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Literal, TypeAlias

from extractor.blank import is_blank
from extractor.errors import (
    BatchAborted,
    ClientModelError,
    ConfigurationError,
    ErrorKind,
    ExtractionFailed,
    ExtractorError,
    InputError,
    LocalModelError,
    ModelError,
)
from extractor.io import InputFailure
from extractor.io.documents import string_id, with_visible_id
from extractor.pipeline.document import Document, as_date, as_doc_id
from extractor.pipeline.engine import Extractor, fs_path
from extractor.pipeline.options import whole_option
from extractor.pipeline.result import ArticleExtraction, FailedCall, Usage
from extractor.redact import clean_surrogates, escape_surrogates, redact
from extractor.runtime import aio
from extractor.types.base import Record

logger = logging.getLogger(__name__)

__all__ = [
    "FATAL_CLIENT_STATUSES",
    "BatchAborted",
    "BatchInput",
    "BatchResult",
    "ErrorInfo",
    "ErrorKind",
    "extract_many",
    "extract_many_sync",
]

BatchInput: TypeAlias = (
    Document
    | InputFailure
    | tuple[str, str]
    | tuple[str, str, date | str | None]
    | str
    | os.PathLike[str]
)
"""What :func:`extract_many` accepts per item: what :meth:`Extractor.extract` takes (a
Document, an article as a ``str``, a ``pathlib.Path`` to read), an ``(id, text)`` or
``(id, text, published)`` tuple, or a reader's InputFailure (passed on as its error)."""

#: Client errors that cannot depend on the document: the run stops on them.
FATAL_CLIENT_STATUSES = frozenset({401, 403, 404})
DEFAULT_CONCURRENCY = 8
#: The most documents in flight one run accepts: far above what one model
#: server answers concurrently, far below what exhausts memory or sockets.
MAX_CONCURRENCY = 1024
#: The default ``abort_after`` grows with the concurrency (every document in
#: flight may fail in one outage) but never beyond this: a server that failed
#: 100 documents in a row with none answered is down.
MAX_ABORT_AFTER = 100
#: The run stops when this many documents in a row fail with one request error (see above).
SAME_FAILURES_IN_A_ROW = 3
IDENTICAL_FIRST_FAILURES = SAME_FAILURES_IN_A_ROW  # the name of earlier releases
#: Kinds of failure that say something about the server or the setup, not the document.
SERVER_KINDS: frozenset[str] = frozenset({"transient", "server", "config"})
#: Longest message kept in an ErrorInfo (a server's page can be long).
MAX_MESSAGE_CHARS = 2000


@dataclass(frozen=True, slots=True)
class ErrorInfo:
    """Why one document failed: the exception's type name, its message, and its kind.

    ``kind`` (:data:`~extractor.errors.ErrorKind`) sorts failures by who can
    fix them: ``input`` (the document), ``config`` (the setup: model, key,
    URL), ``server`` (the server answered something unusable), ``transient``
    (the server failed; trying again later may work), ``model`` (the model
    never gave a valid answer), ``refusal`` (the model or the provider's
    content filter declined the document; the message quotes the refusal,
    redacted and clipped) and ``internal`` (a bug: please report it).
    ``status_code`` is the HTTP status of a model error when the server sent
    one; ``usage`` is what the failed attempts cost (known for
    :class:`~extractor.errors.ExtractionFailed`, else zero).

    The message is what goes into output lines and summaries, so it is
    redacted (:mod:`extractor.redact`) and made encodable as UTF-8 here,
    whatever built it.
    """

    type: str
    message: str
    kind: ErrorKind
    status_code: int | None = None
    usage: Usage = field(default_factory=Usage)

    def __post_init__(self) -> None:
        message = clean_surrogates(redact(self.message))
        if len(message) > MAX_MESSAGE_CHARS:
            message = message[: MAX_MESSAGE_CHARS - 1] + "…"
        object.__setattr__(self, "message", message)

    @classmethod
    def from_exception(cls, error: BaseException) -> ErrorInfo:
        usage = error.usage if isinstance(error, ExtractionFailed) else None
        status = error.status_code if isinstance(error, ModelError) else None
        message = redact(error).strip() or type(error).__name__
        kind: ErrorKind = error.kind if isinstance(error, ExtractorError) else "internal"
        return cls(type(error).__name__, message, kind, status, (usage or Usage()).model_copy())

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape written to output files."""
        data: dict[str, Any] = {"type": self.type, "kind": self.kind, "message": self.message}
        if self.status_code is not None:
            data["status_code"] = self.status_code
        return data

    def reason(self, doc_id: str | None = None) -> str:
        """A short, countable reason: ``input: empty file``, ``transient: HTTP 500``,
        ``model: no valid answer``, ``internal: TypeError``."""
        if self.kind == "input":
            message = self.message
            if doc_id:
                message = message.removeprefix(f"{doc_id}: ")
            return f"input: {message.split(' (')[0].split(';')[0].strip()}"
        if self.kind in SERVER_KINDS:
            if self.type == "IncompatibleServerError":
                return f"{self.kind}: not an OpenAI-compatible answer"
            if self.status_code:
                return f"{self.kind}: HTTP {self.status_code}"
            return f"{self.kind}: {self.message.split(' (')[0].split(':')[0].strip()}"
        if self.kind == "model":
            return "model: no valid answer"
        if self.kind == "refusal":
            filtered = self.message.startswith("the provider's content filter")
            return "refusal: content filter" if filtered else "refusal: the model declined"
        return f"internal: {self.type}"

    def signature(self) -> tuple[str, str, int | None, str]:
        """What makes two failures "the same error" for the early stop."""
        return self.type, self.kind, self.status_code, self.reason()


@dataclass(frozen=True, slots=True)
class BatchResult:
    """The outcome for one item: an extraction, or the error that replaced it.

    ``index`` is the item's 0-based position in the input, so a caller can
    restore input order. ``document`` is the input Document when there was
    one (None for tuples and input failures); ``source`` says where the item
    came from when known.

    ``doc_id`` is unique within one :func:`extract_many` call: an item whose id an
    earlier item has is not extracted but named as bulk names it (``<id>#duplicate-<n>``,
    an ``input`` error, ``duplicate_of`` the id), so that results keyed by id (a dict, a
    table, the lines read back) never lose one document to another.
    """

    doc_id: str
    index: int
    extraction: ArticleExtraction | None = None
    error: ErrorInfo | None = None
    document: Document | None = None
    source: str | None = None
    seconds: float = 0.0
    #: The id this item repeated (its own result is ``<id>#duplicate-<n>``), else None.
    duplicate_of: str | None = None

    @property
    def status(self) -> Literal["ok", "error"]:
        return "ok" if self.extraction is not None else "error"

    @property
    def ok(self) -> bool:
        return self.extraction is not None

    @property
    def records(self) -> list[Record]:
        return self.extraction.records if self.extraction is not None else []

    @property
    def failed_calls(self) -> list[FailedCall]:
        """The calls of an ok result that gave no valid answer (its missing records)."""
        return self.extraction.metadata.failed_calls if self.extraction is not None else []

    @property
    def usage(self) -> Usage:
        """Tokens spent on this item, failed attempts included."""
        if self.extraction is not None:
            return self.extraction.metadata.usage
        return self.error.usage if self.error is not None else Usage()

    @property
    def published(self) -> date | None:
        if self.extraction is not None and self.extraction.published is not None:
            return self.extraction.published
        return self.document.published if self.document is not None else None

    def counts(self) -> dict[str, int]:
        return self.extraction.counts() if self.extraction is not None else {}


# ----------------------------------------------------------------- public API


async def extract_many(
    items: Iterable[BatchInput] | AsyncIterable[BatchInput],
    *,
    extractor: Extractor | None = None,
    concurrency: int = DEFAULT_CONCURRENCY,
    abort_after: int | None = None,
    **extractor_options: Any,
) -> AsyncGenerator[BatchResult, None]:
    """Extract every item concurrently; yield results as they finish (see the module doc).

    Pass an ``extractor`` to share one across calls (it is left open), or
    ``extractor_options`` (``model=``, ``base_url=``, ``strategy=`` ...) to
    have one made and closed here. ``abort_after`` is how many documents in a
    row may fail with a model error before :class:`BatchAborted` stops the
    run; the default ``max(10, 2 * concurrency)``, at most
    :data:`MAX_ABORT_AFTER`, tolerates a burst of failures while the server
    recovers; 0 never aborts.
    """
    _check_items(items)
    concurrency = whole_option("concurrency", concurrency, at_least=1, hint=_CONCURRENCY_HINT)
    if abort_after is not None:
        abort_after = whole_option("abort_after", abort_after, at_least=0, hint=_ABORT_HINT)
    if concurrency > MAX_CONCURRENCY:
        raise ConfigurationError(
            f"concurrency must be between 1 and {MAX_CONCURRENCY} documents in flight, "
            f"got {concurrency}"
        )
    checked_extractor(extractor)
    if extractor is not None and extractor_options:
        raise ConfigurationError("pass either an extractor or extractor options, not both")
    owned = extractor is None
    engine = extractor if extractor is not None else Extractor(**extractor_options)
    limit = default_abort_after(concurrency) if abort_after is None else abort_after
    served = getattr(engine, "documents_at_once", None)  # duck-typed extractors have none
    if served is not None and served < concurrency:
        # more documents than the server has slots would push each other's
        # articles out of its prompt cache between their calls
        logger.info("the model server takes %d document(s) at a time: %d in flight, not %d",
                    served, served, concurrency)  # fmt: skip
        concurrency = served
    try:
        run = _Run(engine, items, concurrency, limit)
        async for result in run.results():
            yield result
    finally:
        if owned:
            await engine.aclose()
            engine.close()


def _check_items(items: Any) -> None:
    """A TypeError, before any call, for ``items`` that iterate into something else than
    documents: a str (one document per character), bytes, a path, a mapping (its keys)
    or a table (a DataFrame iterates over its column names)."""
    table = hasattr(items, "itertuples") or hasattr(items, "columns")
    iterable = isinstance(items, Iterable | AsyncIterable)
    if not iterable or isinstance(items, str | bytes | os.PathLike | Mapping) or table:
        what = "a table" if table else type(items).__name__
        raise TypeError(
            f"extract_many takes an iterable of documents (Documents, str articles, paths or "
            f"(id, text) tuples), not {what}: pass a list, [article] for one, or a table's "
            "rows as Documents ([Document(r.id, r.text) for r in df.itertuples()])"
        )


_CONCURRENCY_HINT = f"the documents in flight at once, between 1 and {MAX_CONCURRENCY} (say 8)"
_ABORT_HINT = "the model failures in a row that stop a run, 0 for never"


def default_abort_after(concurrency: int) -> int:
    """Failures in a row that stop a run: room for every document in flight, capped."""
    return min(max(10, 2 * concurrency), MAX_ABORT_AFTER)


def extract_many_sync(
    items: Iterable[BatchInput],
    *,
    extractor: Extractor | None = None,
    concurrency: int = DEFAULT_CONCURRENCY,
    abort_after: int | None = None,
    **extractor_options: Any,
) -> Iterator[BatchResult]:
    """Blocking :func:`extract_many`: a plain iterator of results as they finish.

    The extraction runs on an event loop in a background thread that keeps
    working while the caller handles a result, and that works even where a
    loop is already running (a notebook). Stopping early (``break``, an
    exception, Ctrl-C) cancels the documents in flight.
    """
    checked_extractor(extractor)  # here, not at the first result: the cleanup needs one
    stream = extract_many(
        items, extractor=extractor, concurrency=concurrency, abort_after=abort_after,
        **extractor_options,
    )  # fmt: skip
    loop = aio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, name="extract-many", daemon=True)
    thread.start()
    interrupted = False
    try:
        while True:
            pending = asyncio.run_coroutine_threadsafe(_next(stream), loop)
            try:
                yield pending.result()
            except StopAsyncIteration:
                return
            except BaseException:
                interrupted = not pending.done()  # Ctrl-C while waiting: cancel the wait
                if interrupted:
                    pending.cancel()
                raise
    finally:
        _shutdown(loop, thread, stream, extractor, interrupted=interrupted)


async def _next(stream: AsyncIterator[BatchResult]) -> BatchResult:
    return await stream.__anext__()


def _shutdown(
    loop: asyncio.AbstractEventLoop,
    thread: threading.Thread,
    stream: AsyncGenerator[BatchResult, None],
    extractor: Extractor | None,
    *,
    interrupted: bool,
) -> None:
    """Cancel what is in flight, release the loop's HTTP client, stop the loop."""

    async def close() -> None:
        if interrupted:  # let the cancelled wait unwind first: aclose() needs an idle stream
            others = asyncio.all_tasks() - {asyncio.current_task()}
            if others:
                await asyncio.wait(others, timeout=30)
        await stream.aclose()
        if extractor is not None:  # the caller's extractor: its client for this loop dies here
            await extractor.aclose()

    try:
        asyncio.run_coroutine_threadsafe(close(), loop).result(timeout=60)
    finally:
        loop.call_soon_threadsafe(loop.stop)
        thread.join(timeout=10)
        if not thread.is_alive():
            loop.close()


# ------------------------------------------------------------------ the run


@dataclass(frozen=True, slots=True)
class _Done:
    """A worker finished (the input ran out)."""


@dataclass(frozen=True, slots=True)
class _Fed:
    """The feeder put every item and one end marker per worker it started."""


@dataclass(frozen=True, slots=True)
class _Stop:
    """A feeder or worker hit an error that ends the run."""

    error: BaseException


_Outcome: TypeAlias = BatchResult | _Done | _Fed | _Stop
#: An item for a worker: its index in the input, the item, the id its result has.
_Entry: TypeAlias = tuple[int, BatchInput, str]


@dataclass(frozen=True, slots=True)
class _Held:
    """An item named once the input ran out: a copy of an earlier id (``item`` its error,
    ``repeated`` that id, ``source`` the copy's own), or an item whose id could not be read
    (``repeated`` None)."""

    index: int
    item: BatchInput
    repeated: str | None
    source: str | None


class _Run:
    """One extract_many call: a feeder, up to ``concurrency`` workers, two bounded queues."""

    def __init__(
        self,
        extractor: Extractor,
        items: Iterable[BatchInput] | AsyncIterable[BatchInput],
        concurrency: int,
        abort_after: int,
    ) -> None:
        self.extractor = extractor
        self.items = items
        self.concurrency = concurrency
        self.abort_after = abort_after
        self.inbox: asyncio.Queue[_Entry | None] = asyncio.Queue(concurrency)
        self.outbox: asyncio.Queue[_Outcome] = asyncio.Queue(concurrency)
        self.failures_in_a_row = 0
        # The request error the last documents failed with, and how many in a row.
        self.same: tuple[str, str, int | None, str] | None = None
        self.same_count = 0
        self.answered = False  # some document was answered (ok, or a model answer)
        self.identical_limit = min(SAME_FAILURES_IN_A_ROW, abort_after)  # 0: never
        self.tasks: list[asyncio.Task[None]] = []
        self.workers = 0
        self.idle = 0  # workers waiting for an item
        self.seen: set[str] = set()  # the ids given so far, derived ones included
        # an item's index -> the id it repeated, and its own source (a tuple has none)
        self.repeated: dict[int, tuple[str, str | None]] = {}
        # the items named only once the input ran out (see _named_apart), in input order
        self.held: list[_Held] = []

    async def results(self) -> AsyncIterator[BatchResult]:
        self.tasks.append(asyncio.create_task(self._feed(), name="extract-many-feeder"))
        try:
            fed = False
            finished = 0
            while not (fed and finished == self.workers):
                outcome = await self.outbox.get()
                if isinstance(outcome, _Done):
                    finished += 1
                elif isinstance(outcome, _Fed):
                    fed = True
                elif isinstance(outcome, _Stop):
                    raise outcome.error
                else:
                    yield outcome
                    self._check_health(outcome)
        finally:
            await _cancel(self.tasks)

    async def _feed(self) -> None:
        """Put (index, item, id) into the inbox, then the held items named (see
        :meth:`_named_apart`), then one end marker per worker started."""
        try:
            index = 0
            async for item in _aiter(self.items):
                entry = self._named_apart(index, visible_item(item))
                if entry is not None:
                    await self._put(entry)
                index += 1
        except Exception as error:  # a broken input iterator ends the run, loudly
            await self.outbox.put(_Stop(error))
            return
        for held in self.held:
            await self._put(self._named_last(held))
        self.held.clear()
        for _ in range(self.workers):
            await self.inbox.put(None)
        await self.outbox.put(_Fed())

    async def _put(self, entry: _Entry) -> None:
        if self.inbox.qsize() >= self.idle and self.workers < self.concurrency:
            self._start_worker()
        await self.inbox.put(entry)

    def _named_apart(self, index: int, item: BatchInput) -> _Entry | None:
        """``item`` under its own id, or None when it is held to be named last: an item
        whose id an earlier item has (its result the error ``<id>#duplicate-<n>``,
        :func:`~extractor.bulk.runner.as_duplicate`, bulk's one rule), or one whose id
        cannot be read (its error under ``#<index>``).

        Two results under one id were two documents to the caller but one to every reader
        keyed by id: the lines read back (the last of an id supersedes the others), a dict,
        a table's key. A name made up here must not be one a later item has as its own:
        ``("a", "a", "a#duplicate-2")`` once named the copy ``a#duplicate-2`` and then
        refused the third document, a unique id, as a copy of it. So the made-up names are
        given once the input ran out, in input order, each the first free one among every
        id the input holds: the same on every run of the same input, whatever order the
        documents finish in. The held items are errors that ask no server; what is kept of
        a copy is its id and source, never its text. Bulk's items are named apart already
        and pass unchanged."""
        doc_id, _, source = _identify(item, index)
        if doc_id is None:
            self.held.append(_Held(index, item, None, None))
            return None
        if doc_id not in self.seen:
            self.seen.add(doc_id)
            return index, item, doc_id
        reason = item.error if isinstance(item, InputFailure) else "duplicate id"
        stand_in = InputFailure(doc_id, source or doc_id, reason)
        self.held.append(_Held(index, stand_in, doc_id, source))
        return None

    def _named_last(self, held: _Held) -> _Entry:
        """A held item (see :meth:`_named_apart`) under the first name no item has."""
        from extractor.bulk.runner import as_duplicate  # runner imports this module

        if held.repeated is None:  # an item whose id could not be read
            name = f"#{held.index}"
            if name in self.seen:
                stand_in = InputFailure(name, name, "an item whose id cannot be read")
                name = as_duplicate(stand_in, self.seen).doc_id
            self.seen.add(name)
            return held.index, held.item, name
        assert isinstance(held.item, InputFailure)
        failure = as_duplicate(held.item, self.seen)
        self.seen.add(failure.doc_id)
        self.repeated[held.index] = held.repeated, held.source
        return held.index, failure, failure.doc_id

    def _start_worker(self) -> None:
        """One more worker: an item is about to wait and no idle worker is left to take it."""
        self.idle += 1  # it waits for an item as soon as it runs
        name = f"extract-many-worker-{self.workers}"
        self.workers += 1
        self.tasks.append(asyncio.create_task(self._work(), name=name))

    async def _work(self) -> None:
        while True:
            try:
                entry = await self.inbox.get()
            finally:
                self.idle -= 1
            if entry is None:
                await self.outbox.put(_Done())
                return
            try:
                result = await _extract_one(self.extractor, *entry)
            except Exception as error:  # only the run-stopping errors get here
                await self.outbox.put(_Stop(error))
                return
            repeated = self.repeated.pop(entry[0], None)
            if repeated is not None:
                original, source = repeated
                result = dataclasses.replace(result, duplicate_of=original, source=source)
            await self.outbox.put(result)
            self.idle += 1

    def _check_health(self, result: BatchResult) -> None:
        """Raise BatchAborted when every further document would fail alike (see the module doc).

        Two rules: :data:`SAME_FAILURES_IN_A_ROW` documents in a row failing
        with one request error (``config`` or ``server``); and ``abort_after``
        server failures in a row (``transient`` too). A document the server
        answered ends both streaks; a bad input leaves them as they are.
        """
        error = result.error
        if result.ok or (error is not None and error.kind in ("model", "refusal")):
            self.failures_in_a_row = 0
            self.same, self.same_count = None, 0
            self.answered = True
            return
        if error is None or error.kind not in SERVER_KINDS:
            return  # a bad input (or a bug) says nothing about the server
        self.failures_in_a_row += 1
        if error.kind == "transient":
            self.same, self.same_count = None, 0
        else:
            signature = error.signature()
            self.same_count = self.same_count + 1 if signature == self.same else 1
            self.same = signature
            if self.identical_limit and self.same_count >= self.identical_limit:
                count = f"{self.same_count} documents in a row"
                if not self.answered:
                    count = f"the first {self.same_count} documents"
                raise self._aborted(
                    f"{count} all failed the same way, so every other one would too (the "
                    f"request is refused, not the article): {_clip(error.message, 600)}",
                    error,
                )
        if self.abort_after and self.failures_in_a_row >= self.abort_after:
            raise self._aborted(self._down_message(error), error)

    def _down_message(self, error: ErrorInfo) -> str:
        """``the model server at <url> keeps answering HTTP 502: ...; resume later ...``."""
        url = self.extractor.spec.base_url
        server = f"the model server at {redact(url)}" if url else "the model server"
        if error.status_code is not None and error.status_code >= 400:
            doing = f"keeps answering HTTP {error.status_code}"
        elif error.kind == "transient":
            doing = "keeps failing"
        else:
            doing = "keeps answering what is not a chat completion"
        if error.status_code == 429:
            fix = "wait until its rate limit or quota resets (or use fewer --jobs)"
        else:
            fix = "check that it is running, reachable and not overloaded"
        return (
            f"{server} {doing}: {self.failures_in_a_row} documents in a row failed (last: "
            f"{_clip(error.message)}); {fix}, then resume later: rerun the same command, "
            "with --retry-errors to redo the documents that failed"
        )

    def _aborted(self, message: str, error: ErrorInfo) -> BatchAborted:
        last = ModelError(error.message, status_code=error.status_code, kind=error.kind)
        return BatchAborted(message, failures=self.failures_in_a_row, last_error=last)


def _clip(text: str, limit: int = 300) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


async def _aiter(items: Iterable[BatchInput] | AsyncIterable[BatchInput]) -> AsyncIterator[Any]:
    """Iterate sync or async items; a sync iterator is advanced in a thread (see module doc)."""
    if isinstance(items, AsyncIterable):
        async for item in items:
            yield item
        return
    if isinstance(items, list | tuple):  # in memory already: nothing to wait for
        for item in items:
            yield item
        return
    iterator = iter(items)
    while True:
        advanced = await asyncio.to_thread(_advance, iterator)
        if advanced is _END:
            return
        yield advanced


_END = object()


def _advance(iterator: Iterator[BatchInput]) -> object:
    return next(iterator, _END)


async def _cancel(tasks: list[asyncio.Task[None]]) -> None:
    for task in tasks:
        task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await asyncio.gather(*tasks, return_exceptions=True)


async def _extract_one(
    extractor: Extractor, index: int, item: BatchInput, doc_id: str
) -> BatchResult:
    """One item to one result under ``doc_id`` (the name the feeder gave it); raises only
    the errors that must stop the run."""
    started = time.perf_counter()
    _, document, source = _identify(item, index)
    if isinstance(item, InputFailure):
        failure = ErrorInfo("InputError", item.error, "input")
        return BatchResult(doc_id, index, error=failure, source=source)
    try:
        extraction = await _extract(extractor, item)
    except Exception as error:
        if _stops_the_run(error):
            raise
        return BatchResult(
            doc_id, index, error=ErrorInfo.from_exception(error), document=document,
            source=source, seconds=_since(started),
        )  # fmt: skip
    return BatchResult(
        doc_id, index, extraction=extraction, document=document, source=source,
        seconds=_since(started),
    )  # fmt: skip


def visible_item(item: Any) -> Any:
    """``item`` with the names it carries (a Document's or an InputFailure's id, source
    and URL) made valid UTF-8, as bulk names its inputs and as the extraction names the
    document (:func:`~extractor.io.documents.with_visible_id`): each lone surrogate
    escaped one-to-one (:func:`escape_surrogates`), so that a result's ``doc_id`` is its
    extraction's and its records', never a second spelling, and a table or a JSON line
    made of it takes it. A name without a lone surrogate (every one bulk hands on, named
    visibly already) is left exactly as it is: the escape is not idempotent."""
    if isinstance(item, Document):
        changed = with_visible_id(item)  # its warning says so, as extract() gives it
        source, url = visible_name(item.source), visible_name(item.url)
        if source is not item.source or url is not item.url:
            changed = dataclasses.replace(changed, source=source, url=url)
        return changed
    if isinstance(item, InputFailure):
        doc_id, source = visible_name(item.doc_id), visible_name(item.source)
        if doc_id is not item.doc_id or source is not item.source:
            return dataclasses.replace(item, doc_id=doc_id, source=source)
    return item


def visible_name(name: Any) -> Any:
    """``name`` escaped (:func:`escape_surrogates`) when it holds a lone surrogate, else
    the very same object."""
    if isinstance(name, str) and clean_surrogates(name) is not name:
        return escape_surrogates(name)
    return name


def _identify(item: BatchInput, index: int) -> tuple[str | None, Document | None, str | None]:
    """The item's id (None when it cannot be read), its Document (if it is one) and its
    source, without failing.

    The id this module reads off a tuple or a path is spelt as the extraction spells it
    (lone surrogates escaped, :func:`escape_surrogates`, as ``extract(doc_id=...)`` and
    bulk name a document), so that a result's ``doc_id`` is its extraction's and its
    records', never a second spelling of it. A Document's and an InputFailure's id is
    carried as :func:`visible_item` made it: a bulk driver waits for its result under the
    name it gave."""
    try:
        doc_id, document, source = _identified(item, index)
    except Exception:  # a user's object that fails being looked at: _extract says why
        return None, None, None
    if doc_id is None or isinstance(item, Document | InputFailure):
        return doc_id, document, source
    return escape_surrogates(doc_id), document, source and escape_surrogates(source)


def _identified(item: BatchInput, index: int) -> tuple[str | None, Document | None, str | None]:
    if isinstance(item, Document):
        return item.doc_id, item, item.source
    if isinstance(item, InputFailure):
        return item.doc_id, None, item.source
    if isinstance(item, tuple) and item:
        try:
            return as_doc_id(item[0]), None, None
        except (TypeError, ValueError):
            pass  # reported by _extract as the item's error
    if isinstance(item, os.PathLike):
        try:
            path = _path_of(item)
        except InputError:
            return None, None, None  # its error says what the object is
        # extract(Path(...))'s id: the path, whole where it is blank
        return (os.path.abspath(path) if is_blank(path) else path), None, path
    if isinstance(item, str):
        return string_id(item), None, None  # extract(text)'s id
    return None, None, None


async def _extract(extractor: Extractor, item: BatchInput) -> ArticleExtraction:
    if isinstance(item, Document):
        return await extractor.aextract_document(item)
    if isinstance(item, os.PathLike):
        return await extractor.aextract(Path(_path_of(item)))  # as extract() takes a path
    if isinstance(item, str):
        return await extractor.aextract(item)  # as extract() takes it
    if not isinstance(item, tuple) or len(item) not in (2, 3):
        shape = f"a {len(item)}-tuple" if isinstance(item, tuple) else type(item).__name__
        raise InputError(
            "an item must be what extract() takes (a Document, a str, a pathlib.Path) or an "
            f"(id, text) or (id, text, published) tuple, not {shape}"
        )
    doc_id, text, *rest = item
    published = rest[0] if rest else None
    try:  # a user's values, not a bug of ours: the id's and the date's kind alike
        ident, day = as_doc_id(doc_id), as_date(published)
    except TypeError as error:
        raise InputError(str(error)) from None
    return await extractor.aextract(text, published=day, doc_id=ident)


def _path_of(item: os.PathLike[Any]) -> str:
    """The path an ``os.PathLike`` item names, as a str, as ``extract()`` reads one
    (:func:`~extractor.pipeline.engine.fs_path`): an object whose ``__fspath__`` fails or
    gives no path is that item's InputError naming it, never a traceback that stops the
    run from inside the feeder or the reader."""
    return fs_path(item)


def checked_extractor(extractor: Any) -> None:
    """A TypeError naming what ``extractor`` is when it can extract nothing: a model name
    given as ``extractor="openai/gpt-4o-mini"`` made every document an "internal" error
    (a run of 100,000 never stopped) and hid the mistake. An object that extracts as an
    Extractor does (``aextract`` and ``aclose``) is taken."""
    if extractor is None or isinstance(extractor, Extractor):
        return
    if callable(getattr(extractor, "aextract", None)) and callable(
        getattr(extractor, "aclose", None)
    ):
        return
    raise TypeError(
        f"extractor must be an Extractor, not {type(extractor).__name__}: pass "
        "Extractor(model=...), or the options themselves (model=..., base_url=...)"
    )


def _stops_the_run(error: BaseException) -> bool:
    if isinstance(error, ConfigurationError | LocalModelError):
        return True
    # A client error with no HTTP status never got an answer: the setup refused the
    # connection itself (a TLS handshake with a plain-HTTP server, an untrusted certificate).
    return isinstance(error, ClientModelError) and (
        error.status_code in FATAL_CLIENT_STATUSES or error.status_code is None
    )


def _since(started: float) -> float:
    return round(time.perf_counter() - started, 3)
