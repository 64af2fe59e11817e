"""Bulk runs through a provider's batch API: half the price, answers within a day, paid once.

``extractor bulk IN -o OUT.jsonl --batch`` does what a bulk run does (the same
inputs, plan, lines and summary: this is a :class:`~extractor.bulk.runner.BulkRun`)
but carries the model calls in batches instead of one HTTP request each. The
batch API is the model's provider's: OpenAI's (files and ``/v1/batches``; also
an OpenAI-compatible server with ``--base-url``) or Anthropic's Message
Batches, each a carrier (:mod:`extractor.bulk.carriers`); what follows is
shared by both:

1. every document is read and turned into its requests
   (:func:`~extractor.pipeline.requests.build_requests`: the same bodies as
   the live path, byte for byte);
2. the requests no batch holds yet are written as batch lines, split at the
   provider's limits (OpenAI: 50,000 requests, 200 MB; Anthropic: 100,000
   requests, 256 MB), and submitted (OpenAI: a file uploaded, then a batch
   made from it; Anthropic: one create request holding them);
3. the batches are polled (each status change is logged) until they end;
   their results are downloaded;
4. each answer is validated and grounded exactly as a live call's
   (:func:`~extractor.pipeline.requests.parse_response`); an answer that
   fails validation is re-asked in a follow-up batch, or at once with
   ``reask="live"``; a request the batch did not answer (an item that
   failed, a batch that expired, failed or was cancelled) is submitted again
   under a new id, as often as the retry policy allows a live request;
5. a document whose calls have all ended becomes its line, written with the
   bulk run's own writer (:func:`~extractor.bulk.runner.result_line`).

**Exactly once.** Which batch holds which request (by its deterministic
``custom_id``) lives in a state file beside the output
(``<output>.batches.json``), replaced atomically at every step. A rerun of
the same command after a kill at any moment rebuilds the same requests,
finds them in the state and resumes their batches; none is paid for twice:

* killed before a file is uploaded: nothing was submitted, nothing is known;
* killed after the upload, before or while the batch is created: the state
  holds the file's id (written before ``batches.create``), and the rerun
  looks for a batch of that file among the provider's batches, adopting it
  if it exists and submitting otherwise;
* (Anthropic, no file) killed while the batch is created: the state holds the
  entry as ``submitting`` with the time, and the rerun adopts the one batch
  of that size created then that no other entry names (see
  :mod:`extractor.bulk.carriers.anthropic_api`: several candidates stop the
  run, naming them; an adopted batch's results are checked request by request);
* killed while polling or downloading: the batch ids are in the state, the
  files are downloaded again (downloads are free);
* killed after some lines were written: those documents are done (the bulk
  plan skips them) and their answers are no longer needed;
* the state file deleted, lost, left on another machine, taken from another
  output, or naming batches the provider does not know: before paying for a
  request no entry holds, the run lists the provider's batches once (the
  newest 2,000) and adopts those an earlier run made for it, in flight or
  completed, said in one warning (OpenAI-compatible: found by the
  ``extractor_file_sha256`` metadata of their input file, or by the lines of
  the input files of batches made for this output's name; see
  :meth:`ProviderBatchRun._adopt`). Anthropic's batches carry no metadata and
  no input file: the batches in flight no state names are said in a warning
  before the requests are paid for again. A batch the state says has ended is
  asked about again (a hand edit must not make a batch in flight be paid twice).

An input file the provider lost between the upload and the create (deleted,
expired) is uploaded again once; lost again, the run stops saying so, and
the state forgets the file, so that the rerun uploads it again.

The state file goes when no batch it names is in flight or needed. Usage
and cost: tokens are counted as on a live run; the cost estimate applies
:data:`BATCH_PRICE_FACTOR` (the batch price is half the list price) to the
tokens spent in batches, the list price to live re-asks.

:func:`batch_status` and :func:`cancel_batches` show and stop what a state
file has in flight (``extractor batch status|cancel OUT.jsonl``).
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import hashlib
import json
import logging
import os
import tempfile
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Literal

from pydantic import TypeAdapter, ValidationError

from extractor.blank import is_blank
from extractor.bulk.batch import FATAL_CLIENT_STATUSES as FATAL
from extractor.bulk.batch import BatchResult, ErrorInfo
from extractor.bulk.carriers import (
    CARRIERS,
    Answer,
    BatchView,
    Carrier,
    Submitted,
    Undelivered,
    check_batch_support,
    is_input_file_gone,
    limits,
    open_carrier,
)
from extractor.bulk.carriers.openai_api import MAX_BATCH_BYTES, MAX_BATCH_REQUESTS
from extractor.bulk.runner import (
    BulkRun,
    _Plan,
    result_line,
)
from extractor.errors import (
    ClientModelError,
    ConfigurationError,
    ExtractionFailed,
    ExtractorError,
    IncompatibleServerError,
    LocalModelError,
    ModelError,
    ModelRefusal,
    TransientModelError,
)
from extractor.io import InputFailure, Item
from extractor.io.output import (
    OutputFile,
    OutputTarget,
    check_output,
    open_output,
    temporary_beside,
)
from extractor.pipeline.document import Document
from extractor.pipeline.engine import Extractor
from extractor.pipeline.requests import (
    ModelRequest,
    Reply,
    assemble,
    build_requests,
    failed_delivery,
    parse_response,
)
from extractor.pipeline.result import Usage
from extractor.redact import redact
from extractor.runtime.providers import canonical_base_url

__all__ = [
    "BATCH_PRICE_FACTOR",
    "MAX_BATCH_BYTES",
    "MAX_BATCH_REQUESTS",
    "BatchEntry",
    "BatchState",
    "ProviderBatchRun",
    "ReaskMode",
    "batch_state_path",
    "batch_status",
    "cancel_batches",
    "check_batch_support",
]

logger = logging.getLogger(__name__)

#: The batch price as a share of the list price (OpenAI and Anthropic: half).
BATCH_PRICE_FACTOR = 0.5
#: The longest wait between two polls by default; polling starts at a second and backs off.
DEFAULT_POLL_INTERVAL = 30.0
#: Batch statuses after which nothing changes: OpenAI's, Anthropic's ("ended"), and "lost" (the
#: provider no longer knows the batch).
TERMINAL = frozenset({"completed", "failed", "expired", "cancelled", "ended", "lost"})
_STATE_VERSION = 1

ReaskMode = Literal["batch", "live"]
REASK_MODES: tuple[ReaskMode, ...] = ("batch", "live")


def batch_state_path(output: OutputTarget) -> Path:
    """Where the batches of a run on ``output`` are recorded: beside the file written."""
    return output.batch_state_path


# ------------------------------------------------------------------ the state


@dataclass
class BatchEntry:
    """One batch input file and what became of it.

    ``custom_ids`` are the requests in it; ``input_file_id`` is set once the
    upload is done (OpenAI), ``id`` once the batch exists. An entry without
    ``id`` is a submission a killed run may or may not have completed (see the
    module doc). ``carrier`` names the batch API that holds it (states written
    before Anthropic was spoken hold OpenAI's); ``created`` is when it was
    submitted (Anthropic: what a lost batch is looked for by).
    """

    file_sha256: str
    custom_ids: list[str]
    bytes: int
    input_file_id: str | None = None
    id: str | None = None
    status: str = "uploading"
    output_file_id: str | None = None
    error_file_id: str | None = None
    completed: int = 0
    failed: int = 0
    total: int = 0
    message: str | None = None
    created: float = field(default_factory=time.time)
    carrier: str = "openai"

    @property
    def terminal(self) -> bool:
        return self.status in TERMINAL

    def update(self, batch: BatchView) -> bool:
        """Take the provider's view of the batch; True when its status or counts changed.

        The view is the provider's, read as hostile (:func:`_recordable`): what is kept
        is what a rerun reads back from the state, so no answer of the provider's makes
        the state refused; an unknown status is said once (when it is new), then waited
        on as a batch in flight.
        """
        batch = _recordable(batch)
        if batch.status not in KNOWN_STATUSES and batch.status != self.status:
            logger.warning(
                redact(
                    f"batch {batch.id[:200]}: the provider says its status is "
                    f"{batch.status!r}, which extractor does not know: it is waited on as a "
                    "batch in flight (`extractor batch cancel` stops it)"
                )
            )
        before = (self.status, self.completed, self.failed)
        self.id = batch.id
        self.status = batch.status
        # a blank file id is none (a state holding one would be refused when read again)
        self.output_file_id = batch.output_file_id or None
        self.error_file_id = batch.error_file_id or None
        if batch.counts is not None:
            self.completed, self.failed, self.total = batch.counts
        if batch.message:
            self.message = redact(batch.message)
        return before != (self.status, self.completed, self.failed)

    def describe(self) -> str:
        """'batch_abc: in_progress, 1,200/5,000 requests done (3 failed)'."""
        total = self.total or len(self.custom_ids)
        failed = f" ({self.failed:,} failed)" if self.failed else ""
        said = f"; {self.message}" if self.message and self.status in ("failed", "lost") else ""
        return (
            f"batch {self.id or '(not created)'}: {self.status}, "
            f"{self.completed:,}/{total:,} requests done{failed}{said}"
        )


#: Every batch status the providers document, and this tool's own (see TERMINAL).
KNOWN_STATUSES = TERMINAL | {
    "uploading", "uploaded", "submitting",  # ours, before the batch exists
    "validating", "in_progress", "finalizing", "cancelling", "canceling",
}  # fmt: skip
#: The most input files of earlier batches made for this output a run downloads to find which
#: of its requests they hold (downloads are free; each may be hundreds of megabytes).
_MOST_INPUT_DOWNLOADS = 20
#: The longest message about a batch a state keeps (a provider's error can be long).
_MOST_MESSAGE_CHARS = 500


def _recordable(batch: BatchView) -> BatchView:
    """``batch`` as the state may record it: a status, file id or count no run could
    read back (blank, control characters, out of range) is replaced (a file id by none:
    what it held is asked for again), so a broken server never makes the rerun refuse
    the state. The state is a file we write, so what a server echoed of a secret into its
    words is redacted there as everywhere (a file id that held one is none)."""
    status = batch.status
    if _name_problem(status) is not None:
        status = repr(status)[:80]  # printable, never blank: the word said, escaped
    status = redact(status)
    files = [batch.output_file_id, batch.error_file_id]
    for n, file_id in enumerate(files):
        if file_id is not None and (
            _name_problem(file_id) is not None or redact(file_id) != file_id
        ):
            logger.warning(
                redact(
                    f"batch {batch.id[:200]}: the provider names a results file "
                    f"{file_id[:80]!r} that cannot be asked for: its requests are submitted "
                    "again"
                )
            )
            files[n] = None
    counts = batch.counts
    if counts is not None:
        counts = (_count(counts[0]), _count(counts[1]), _count(counts[2]))
    message = batch.message
    if message is not None:
        message = "".join(c if c.isprintable() else " " for c in message)
        message = redact(" ".join(message.split())[:_MOST_MESSAGE_CHARS]) or None
    return dataclasses.replace(
        batch, status=status, counts=counts, output_file_id=files[0],
        error_file_id=files[1], message=message,
    )  # fmt: skip


def _count(value: int) -> int:
    """A provider's count as the state may hold it (0 to ``_MOST_COUNT``)."""
    return min(max(0, value), _MOST_COUNT)


#: The entries of a state file, checked field by field.
_ENTRIES = TypeAdapter(list[BatchEntry])
#: The longest name a state may hold (a batch, file or request id, a model, a server): far
#: above any the providers or this tool make, far below what would flood a terminal.
_MOST_NAME_CHARS = 2048
#: The largest count (of bytes or requests) a state may hold: any batch's, many times over.
_MOST_COUNT = 2**53
#: The latest ``created`` time a state may hold (the end of year 9999, what a date shows).
_LATEST_CREATED = 253_402_300_799.0


def _name_problem(value: str) -> str | None:
    """What is wrong with ``value`` as a name the state holds, or None."""
    if is_blank(value):
        return "is blank"
    if len(value) > _MOST_NAME_CHARS:
        return f"is {len(value):,} characters long (at most {_MOST_NAME_CHARS:,})"
    if value != value.strip():
        return "has spaces around it"
    if not value.isprintable():
        return "holds a control or invisible character"
    return None


def _check_names(data: dict[str, Any], entries: list[BatchEntry]) -> None:
    """Raise ValueError naming the first field of a state whose value no run wrote.

    Every string that names something (the model, the server, and each entry's
    batch, file and request ids, status and carrier) is what a provider or this
    tool made: non-blank, of a sane length, without control characters. A
    blank or mangled one (a hand edit, a half-restored backup) would otherwise
    reach the provider's client (``batches.retrieve("")`` is a ValueError
    traceback) or the terminal; it is refused here, where the state is read, so
    ``batch status``, ``batch cancel`` and ``bulk --batch`` refuse it alike,
    before anything is sent. The numbers are counts and a time a date can show.
    """
    named: list[tuple[str, str | None]] = [(key, data.get(key)) for key in ("model", "server")]
    for n, entry in enumerate(entries):
        at = f"batches.{n}."
        named += [(f"{at}custom_ids.{i}", cid) for i, cid in enumerate(entry.custom_ids)]
        named += [(at + key, getattr(entry, key)) for key in ("file_sha256", "input_file_id",
                  "id", "status", "output_file_id", "error_file_id", "carrier")]  # fmt: skip
        if entry.carrier not in CARRIERS:
            raise ValueError(f"{at}carrier: is none of {', '.join(CARRIERS)}")
        for key in ("bytes", "completed", "failed", "total"):
            if not 0 <= getattr(entry, key) <= _MOST_COUNT:
                raise ValueError(f"{at}{key}: is not a count (0 to {_MOST_COUNT:,})")
        if not 0 <= entry.created <= _LATEST_CREATED:
            raise ValueError(f"{at}created: is not a time (seconds since 1970)")
    for where, value in named:
        problem = None if value is None else _name_problem(value)
        if problem is not None:
            raise ValueError(f"{where}: {problem}")


def _why_unread(error: BaseException) -> str:
    """A state file's problem in a few words: the first field that is wrong, and how."""
    if isinstance(error, RecursionError):
        return "nested too deep"
    if isinstance(error, ValidationError):
        first = error.errors()[0]
        where = ".".join(["batches", *(str(part) for part in first["loc"])])
        return f"{where}: {first['msg']}"
    return str(error)


class BatchState:
    """The batches of one output file, saved beside it (see the module doc).

    Written by one process at a time: the run that holds the output's lock.
    """

    def __init__(self, path: Path, entries: list[BatchEntry] | None = None) -> None:
        self.path = path
        self.entries: list[BatchEntry] = entries or []
        self.model: str | None = None
        self.server: str | None = None
        self._index: dict[str, BatchEntry] | None = None

    @classmethod
    def load(cls, path: Path) -> BatchState:
        """The state saved at ``path``; an empty one when there is none.

        A file that is not a state this version wrote is refused (one line
        naming it): it may hold batches in flight, so it is never overwritten.
        """
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            return cls(path)
        except OSError as error:
            raise ConfigurationError(
                f"{path}: cannot read the batch state ({error.strerror or error})"
            ) from error
        try:
            data = json.loads(raw)
            if not isinstance(data, dict) or data.get("version") != _STATE_VERSION:
                raise ValueError("not a batch state of this version")
            # every field of every entry of the type it has, or the file is refused here,
            # not met later as a traceback (a hand edit, a half-restored backup)
            entries = _ENTRIES.validate_python(data["batches"])
            for key in ("model", "server"):
                if not isinstance(data.get(key), str | None):
                    raise ValueError(f"{key!r} is not a string")
            _check_names(data, entries)
        except (ValueError, TypeError, KeyError, RecursionError) as error:
            raise ConfigurationError(
                f"{path}: is not a batch state extractor can read ({_why_unread(error)}); it "
                "may name batches in flight: look at it, then move it aside to start over"
            ) from None
        state = cls(path, entries)
        state.model = data.get("model")
        state.server = data.get("server")
        return state

    def check_server(self, extractor: Extractor) -> str | None:
        """The server ``extractor`` sends to, as recorded (redacted); a ConfigurationError
        when batches are recorded and were submitted elsewhere: their ids mean nothing to
        another server, or name other batches there, and asking would send the key to
        a server that never saw them."""
        server = redact(extractor.spec.base_url) if extractor.spec.base_url else None
        recorded = canonical_base_url(self.server) if self.server else None  # older states
        if self.entries and recorded != server:
            raise ConfigurationError(
                f"{self.path}: holds batches submitted to "
                f"{self.server or 'the provider itself'}, not {server or 'the provider itself'}"
                ": give that server's --base-url to resume, show or cancel them there, then "
                "move the file aside to start over here"
            )
        return server

    def save(self) -> None:
        """Replace the file atomically (a temporary file beside it, fsync, rename)."""
        if not self.entries:
            self.remove()
            return
        payload = {
            "version": _STATE_VERSION,
            "model": self.model,
            "server": self.server,
            "batches": [dataclasses.asdict(entry) for entry in self.entries],
        }
        data = json.dumps(payload, indent=1).encode("utf-8")
        temporary = self.temporary_path
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            with open(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temporary, self.path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            raise
        _fsync_folder(self.path.parent)
        self._index = None

    def remove(self) -> None:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(self.path)
        self._index = None

    @property
    def temporary_path(self) -> Path:
        return temporary_beside(self.path)

    def add(self, entry: BatchEntry) -> None:
        self.entries.append(entry)
        self._index = None

    def index_changed(self) -> None:
        """An entry's batch id changed: what names which batch is read again."""
        self._index = None

    def discard(self, entry: BatchEntry) -> None:
        self.entries.remove(entry)
        self._index = None

    def locate(self, custom_id: str) -> BatchEntry | None:
        """The batch that holds the request ``custom_id`` (the latest, if several)."""
        if self._index is None:
            self._index = {cid: entry for entry in self.entries for cid in entry.custom_ids}
        return self._index.get(custom_id)


def _fsync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


# ---------------------------------------------------------------- the results

#: What a carrier brought back for a request (see :mod:`extractor.bulk.carriers.base`).
_Answer = Answer
_Undelivered = Undelivered


# ------------------------------------------------------------------- the jobs


class _Job:
    """One document in flight: the request each call is at, and every reply so far."""

    def __init__(self, document: Document, index: int, requests: list[ModelRequest]) -> None:
        self.document = document
        self.index = index
        self.heads: dict[int, ModelRequest] = {r.call: r for r in requests}
        self.replies: list[Reply] = []
        self.ended: set[int] = set()
        self.failed = False
        self.live_usage = Usage()
        self.started = time.perf_counter()

    def open(self) -> list[ModelRequest]:
        return [r for call, r in self.heads.items() if call not in self.ended]

    def settle(self, reply: Reply, *, live: bool = False) -> None:
        self.replies.append(reply)
        if live:
            self.live_usage.add(reply.usage.prompt_tokens, reply.usage.completion_tokens)
        call = reply.request.call
        if reply.follow_up is not None:
            self.heads[call] = reply.follow_up
            return
        self.ended.add(call)
        # a call without a valid answer leaves the others standing (see assemble); any
        # other failure fails the document, and the rest is not waited for
        self.failed = self.failed or (
            reply.error is not None and not isinstance(reply.error, ExtractionFailed)
        )

    @property
    def done(self) -> bool:
        """Every call ended, or one failed on the carrier's side (the document fails)."""
        return self.failed or len(self.ended) == len(self.heads)

    def result(self, extractor: Extractor) -> BatchResult:
        doc = self.document
        seconds = round(time.perf_counter() - self.started, 3)
        try:
            extraction = assemble(doc, self.replies, extractor, seconds=seconds)
        except ExtractorError as error:
            return BatchResult(doc.doc_id, self.index, error=ErrorInfo.from_exception(error),
                               document=doc, source=doc.source, seconds=seconds)  # fmt: skip
        return BatchResult(doc.doc_id, self.index, extraction=extraction, document=doc,
                           source=doc.source, seconds=seconds)  # fmt: skip


# -------------------------------------------------------------------- the run


def _file_digest(lines: Iterable[bytes]) -> tuple[str, int]:
    """The sha256 and size of the batch input file made of ``lines``, read once, none held:
    how an entry names its file, whether this run writes it or finds it made already."""
    digest = hashlib.sha256()
    size = 0
    for line in lines:
        digest.update(line)
        size += len(line)
    return digest.hexdigest(), size


def _written(handle: IO[bytes], lines: Iterable[bytes]) -> Iterator[bytes]:
    """``lines``, each written to ``handle`` as it passes."""
    for line in lines:
        handle.write(line)
        yield line


class ProviderBatchRun(BulkRun):
    """A :class:`~extractor.bulk.runner.BulkRun` whose calls go through the provider's
    batch API (see the module doc).

    ``reask`` is where answers that fail validation are asked again: in a
    follow-up batch (``batch``) or at once (``live``, at the list price).
    ``poll_interval`` is the longest wait between two polls.
    ``max_batch_requests`` and ``max_batch_bytes`` split the input files
    (the provider's limits by default). Checked on construction, with
    everything a bulk run checks: a model without a batch API, an output
    that is a stream (a batch run must be resumable) or a bad option is a
    :class:`~extractor.errors.ConfigurationError` before any work.
    """

    def __init__(
        self,
        inputs: Sequence[str | os.PathLike[str]],
        output: str | os.PathLike[str],
        *,
        reask: ReaskMode = "batch",
        poll_interval: float = DEFAULT_POLL_INTERVAL,
        max_batch_requests: int | None = None,
        max_batch_bytes: int | None = None,
        **options: Any,
    ) -> None:
        if reask not in REASK_MODES:
            raise ConfigurationError(f"reask {reask!r}: use one of {', '.join(REASK_MODES)}")
        if not poll_interval > 0:
            raise ConfigurationError(f"poll_interval must be positive, got {poll_interval}")
        if (max_batch_requests is not None and max_batch_requests < 1) or (
            max_batch_bytes is not None and max_batch_bytes < 1
        ):
            raise ConfigurationError("max_batch_requests and max_batch_bytes must be positive")
        if options.get("cache"):  # taken, it was neither read nor filled: paid again unsaid
            raise ConfigurationError(
                "--batch does not use the result cache (--cache): its requests go to the "
                "provider's batch API and its answers to the output, which a rerun reads; "
                "drop --cache, or run without --batch to use it"
            )
        target = check_output(output)
        if target.kind == "stream":
            raise ConfigurationError(
                f"{output}: --batch needs a file for -o (a run in batches is resumed from it), "
                "not a stream"
            )
        # a state no run wrote is refused now, in one line, before anything is read or sent
        BatchState.load(batch_state_path(target))
        super().__init__(inputs, output, **options)
        most_requests, most_bytes = limits(self.extractor.spec)  # checks the model's support
        self.reask: ReaskMode = reask
        self.poll_interval = poll_interval
        self.max_batch_requests = max_batch_requests or most_requests
        self.max_batch_bytes = max_batch_bytes or most_bytes
        self.state_path = batch_state_path(self.target)  # one of target.own_paths()
        self.submitted = 0
        self.batches = 0
        self.live_usage = Usage()
        self._api: Carrier | None = None
        #: The provider's batches no state named when this run first submitted (listed once).
        self._earlier: list[Submitted] | None = None

    # -- running -------------------------------------------------------------
    async def _convert(self, output: OutputFile, plan: _Plan) -> None:
        """The batch engine's work: results already delivered are written, then the batches
        are submitted, polled and read (see the module doc)."""
        self._api = open_carrier(self.extractor)
        ready, jobs = await asyncio.to_thread(self._read)
        for result in ready:
            self._write(output, result)
        await self._work(output, jobs)

    async def _close(self) -> None:
        if self._api is not None:
            await self._api.aclose()

    def _read(self) -> tuple[list[BatchResult], list[_Job]]:
        """Every input item: a result to write at once, or a job with its requests (a thread)."""
        ready: list[BatchResult] = []
        jobs: list[_Job] = []
        for index, item in enumerate(self._plan.items(self.items)):
            result, job = self._prepare(index, item)
            if result is not None:
                ready.append(result)
            if job is not None:
                jobs.append(job)
        return ready, jobs

    def _prepare(self, index: int, item: Item) -> tuple[BatchResult | None, _Job | None]:
        if isinstance(item, InputFailure):
            failure = ErrorInfo("InputError", item.error, "input")
            return BatchResult(item.doc_id, index, error=failure, source=item.source), None
        try:
            requests = build_requests(item, self.extractor)
        except (ConfigurationError, LocalModelError):
            raise
        except Exception as error:  # one document's problem: its line says why
            info = ErrorInfo.from_exception(error)
            return BatchResult(item.doc_id, index, error=info, document=item,
                               source=item.source), None  # fmt: skip
        job = _Job(item, index, requests)
        if not requests:  # the gate found nothing to ask: the document is done
            return job.result(self.extractor), None
        return None, job

    def _write(self, output: OutputFile, result: BatchResult, live: Usage | None = None) -> None:
        plan = self._plan
        changed, not_read = plan.written(result.doc_id)
        # popped as it is written, as a live run does: counted once, by why, not as "changed"
        redone = plan.redone.pop(result.doc_id, None)
        line = result_line(
            result, self._info(), duplicate_of=plan.duplicate_of.get(result.doc_id),
            not_read=not_read,
        )  # fmt: skip
        output.write(line)
        self.summary.add(result, changed=changed, not_read=not_read, redone=redone)
        if live is not None:
            self.live_usage = self.live_usage + live
        self._refresh()

    async def _work(self, output: OutputFile, jobs: list[_Job]) -> None:
        """Submit, poll, download and settle until every job has its line (see the module doc)."""
        api = self._api
        assert api is not None
        state = BatchState.load(self.state_path)
        server = state.check_server(self.extractor)
        state.model = self.extractor.spec.label
        state.server = server
        await self._reconcile(api, state)
        pending = {job.document.doc_id: job for job in jobs}
        results: dict[str, _Answer | _Undelivered] = {}
        fetched: set[str] = set()
        delay = min(1.0, self.poll_interval)
        while True:
            self._settle(output, pending, results)
            if not pending:
                break
            heads = {r.custom_id: r for job in pending.values() for r in job.open()}
            if self.reask == "live":
                live = [r for cid, r in heads.items() if r.is_reask and state.locate(cid) is None]
                if live:
                    await self._ask_live(api, live, results)
                    continue
            unplaced: list[ModelRequest] = []
            waiting: dict[str, BatchEntry] = {}
            for cid, request in heads.items():
                entry = state.locate(cid)
                if entry is None:
                    unplaced.append(request)
                elif entry.id is not None and entry.id in fetched:
                    results[cid] = _missing(entry)
                elif entry.id is not None:
                    waiting[entry.id] = entry
            if unplaced:
                await self._submit(api, state, unplaced, results)
                continue
            if any(cid in results for cid in heads):
                continue
            ended = await self._poll(api, state, waiting.values())
            for entry in ended:
                await self._fetch(api, entry, heads, results)
                assert entry.id is not None
                fetched.add(entry.id)
            if ended:
                delay = min(1.0, self.poll_interval)
            else:
                await asyncio.sleep(delay)
                delay = min(delay * 2, self.poll_interval)
        self._tidy(state, fetched)
        if self.batches:
            logger.info(
                f"{self.submitted:,} request(s) sent in {self.batches:,} batch(es) by this run; "
                "the cost estimate counts their tokens at the batch price "
                f"({BATCH_PRICE_FACTOR:g} of the list price)"
            )

    def _settle(
        self,
        output: OutputFile,
        pending: dict[str, _Job],
        results: dict[str, _Answer | _Undelivered],
    ) -> None:
        """Feed every result that arrived to its request; write the jobs that are done."""
        attempts = self.extractor.retry_policy.attempts
        for doc_id, job in list(pending.items()):
            for request in job.open():
                result = results.pop(request.custom_id, None)
                if result is None:
                    continue
                if isinstance(result, _Answer):
                    reply = parse_response(request, result.body, job.document)
                    job.settle(reply, live=result.live)
                elif result.retry and request.resubmits + 1 < attempts:
                    job.settle(Reply(request, follow_up=request.resubmitted(), answered=False))
                else:
                    job.settle(failed_delivery(request, result.error, result.usage))
                if job.done:
                    break
            if job.done:
                self._write(output, job.result(self.extractor), job.live_usage)
                del pending[doc_id]

    async def _reconcile(self, api: Carrier, state: BatchState) -> None:
        """Settle the submissions a killed run left half done (see the module doc)."""
        changed = False
        for entry in list(state.entries):
            if entry.carrier != api.name:
                continue  # another provider's entry is not this run's to settle
            if entry.id is not None:
                changed = await self._refresh_ended(api, entry) or changed
                continue
            found = await api.find(entry, _known(state))
            if found is not None:
                entry.update(found)
                logger.info(f"resuming {entry.describe()} (submitted by an interrupted run)")
            else:  # never created: nothing was paid; its requests are submitted again
                state.discard(entry)
            changed = True
        if changed:
            state.save()
        flying = [e for e in state.entries if not e.terminal and e.carrier == api.name]
        if flying:
            logger.info(f"{len(flying):,} batch(es) in flight from an earlier run: resuming")

    async def _refresh_ended(self, api: Carrier, entry: BatchEntry) -> bool:
        """Ask again about a batch the state says has ended (True when that changed it): a
        state edited or restored by hand may say so of a batch still in flight, whose
        requests would then be paid for again. A batch the provider no longer knows is left
        as recorded (its results are asked for, and what is missing submitted again)."""
        if not entry.terminal or entry.status == "lost" or entry.id is None:
            return False
        try:
            return entry.update(await api.retrieve(entry.id))
        except ClientModelError as error:
            if error.status_code != 404:
                raise
            return False

    async def _submit(
        self,
        api: Carrier,
        state: BatchState,
        requests: list[ModelRequest],
        results: dict[str, _Answer | _Undelivered],
    ) -> None:
        """Write and submit ``requests`` in batches within the provider's limits (those an
        earlier run already submitted, which no state names, are adopted: :meth:`_adopt`)."""
        groups = list(self._groups(requests, results))
        left = await self._adopt(api, state, groups)
        if left is not None:
            groups = list(self._groups(left, results))
        for group in groups:
            with tempfile.TemporaryFile() as handle:
                sha, size = _file_digest(_written(handle, (r.batch_line() for r in group)))
                entry = BatchEntry(sha, [r.custom_id for r in group], size,
                                   carrier=api.name)  # fmt: skip
                state.add(entry)
                state.save()  # before the upload: a rerun knows what it was about to send
                name = f"extractor-{entry.file_sha256[:16]}.jsonl"
                entry.input_file_id = await api.upload(handle, name)
                # before the batch exists: a rerun looks for it (by this file id; without a
                # file, by this time and size)
                entry.status = "uploaded" if entry.input_file_id else "submitting"
                entry.created = time.time()
                state.save()
                metadata = {"extractor_output": self.target.target.name[:500],
                            "extractor_file_sha256": entry.file_sha256}  # fmt: skip
                entry.update(await self._create(api, state, entry, handle, metadata, name))
                state.save()
            self.batches += 1
            self.submitted += len(group)
            logger.info(f"submitted {entry.describe()} ({size:,} bytes)")

    async def _create(
        self, api: Carrier, state: BatchState, entry: BatchEntry, handle: Any,
        metadata: dict[str, str], name: str,
    ) -> BatchView:  # fmt: skip
        """Create the batch of ``entry``; an input file that vanished at the provider before
        its batch was made (deleted, expired: nothing paid) is uploaded again, once. Gone
        again, the state forgets its id (a rerun uploads it again, see :meth:`_reconcile`)
        and the run stops saying so."""
        for again in (False, True):
            try:
                return await api.create(entry, handle, metadata, _known(state))
            except ClientModelError as error:
                if not is_input_file_gone(error):
                    raise
                logger.warning(str(error).split(";")[0] + (": stopping" if again else
                               ": it is uploaded again"))  # fmt: skip
                entry.input_file_id, entry.status = None, "uploading"
                state.save()  # a rerun never looks for a batch of a file that is gone
                if again:
                    raise
                entry.input_file_id = await api.upload(handle, name)
                entry.status = "uploaded" if entry.input_file_id else "submitting"
                entry.created = time.time()
                state.save()
        raise AssertionError("unreachable")  # pragma: no cover

    async def _adopt(
        self, api: Carrier, state: BatchState, groups: list[list[ModelRequest]]
    ) -> list[ModelRequest] | None:
        """Adopt the batches an earlier run submitted for these requests that no state names
        (its state file deleted, lost, or left on another machine): the requests of an
        adopted batch are waited for, not paid for again. None when none was adopted.

        The provider's batches are listed once a run (:meth:`Carrier.submitted`, bounded).
        A batch is one of these requests' when its input file is byte for byte what this
        run would upload (the ``extractor_file_sha256`` it carries), or, for a batch made
        for this output's name, line for line for the requests it holds (its input file is
        downloaded: free). Only first submissions are adopted: a request an adopted batch
        did not answer is submitted again, paid, as on any run. A carrier whose batches
        say nothing of what they hold (Anthropic's) cannot adopt: the batches in flight
        that no state names are said once, before these requests are paid for.
        """
        if self._earlier is None:
            self._earlier = await self._list_earlier(api, state)
            if self._earlier and not api.finds_submitted:
                logger.warning(
                    f"{len(self._earlier):,} batch(es) are in flight at the provider that "
                    f"{self.state_path.name} does not name; {api.name}'s batches carry no "
                    "metadata, so extractor cannot tell whether an earlier run of this output "
                    "(whose state file was lost) submitted them for these requests: the "
                    "requests are submitted now, and paid again if one of them holds them"
                )
        if not api.finds_submitted or not self._earlier:
            return None
        known = _known(state)
        earlier = [s for s in self._earlier if s.view.id not in known]
        by_sha: dict[str, Submitted] = {}
        for submitted in earlier:
            if submitted.file_sha256 is not None:
                by_sha.setdefault(submitted.file_sha256, submitted)
        adopted: list[BatchEntry] = []
        left: list[ModelRequest] = []
        for group in groups:
            if not by_sha or any(r.resubmits for r in group):
                left.extend(group)
                continue
            sha, size = _file_digest(request.batch_line() for request in group)
            found = by_sha.get(sha)
            if found is None or found.view.id in known:
                left.extend(group)
                continue
            entry = BatchEntry(sha, [r.custom_id for r in group], size,
                               input_file_id=found.input_file_id, carrier=api.name)  # fmt: skip
            adopted.append(self._adopted(state, entry, found, known))
        own = self.target.target.name[:500]
        downloads = 0
        for found in earlier:
            first = [r for r in left if not r.resubmits]
            if not first or downloads >= _MOST_INPUT_DOWNLOADS:
                break
            if found.view.id in known or found.output != own or found.input_file_id is None:
                continue
            downloads += 1
            lines_of = await api.input_lines(found.input_file_id)
            if not lines_of:
                continue  # its input file is gone: nothing says what it holds
            mine: list[bytes] = []  # the lines of the requests it holds, as this run writes them
            held: set[str] = set()
            for request in first:
                if request.custom_id not in lines_of:
                    continue  # not in that file: its body need not be written out to compare
                line = request.batch_line()
                if line.rstrip(b"\n") == lines_of[request.custom_id]:
                    mine.append(line)
                    held.add(request.custom_id)
            if not mine:
                continue
            left = [r for r in left if r.custom_id not in held]
            sha, size = _file_digest(mine)
            entry = BatchEntry(sha, sorted(held), size,
                               input_file_id=found.input_file_id, carrier=api.name)  # fmt: skip
            adopted.append(self._adopted(state, entry, found, known))
        if not adopted:
            return None
        state.save()
        requests = sum(len(entry.custom_ids) for entry in adopted)
        logger.warning(
            f"adopted {len(adopted):,} batch(es) an earlier run submitted for {requests:,} of "
            f"these requests, which {self.state_path.name} did not name (found at the "
            f"provider by their input file): they are waited for, not paid for again "
            f"({', '.join(str(entry.id) for entry in adopted[:5])}"
            f"{', ...' if len(adopted) > 5 else ''})"
        )
        return left

    async def _list_earlier(self, api: Carrier, state: BatchState) -> list[Submitted]:
        """The provider's batches no state names (:meth:`Carrier.submitted`); none, said once,
        from a server that refuses to list them (an OpenAI-compatible server without
        ``GET /batches``): the run goes on as before adoption existed."""
        try:
            return await api.submitted(_known(state))
        except (ClientModelError, IncompatibleServerError) as error:
            if isinstance(error, ClientModelError) and error.status_code in (401, 403):
                raise  # the key is refused: the create would be too
            logger.warning(
                redact(
                    f"the batch server does not list its batches ({error}): batches an "
                    f"earlier run submitted that {self.state_path.name} does not name cannot "
                    "be found, and their requests are submitted again"
                )
            )
            return []

    @staticmethod
    def _adopted(
        state: BatchState, entry: BatchEntry, found: Submitted, known: set[str]
    ) -> BatchEntry:
        entry.update(found.view)
        state.add(entry)
        known.add(found.view.id)
        return entry

    def _groups(
        self, requests: list[ModelRequest], results: dict[str, _Answer | _Undelivered]
    ) -> Iterator[list[ModelRequest]]:
        group: list[ModelRequest] = []
        size = 0
        for request in requests:
            length = len(request.batch_line())
            if length > self.max_batch_bytes:
                results[request.custom_id] = _Undelivered(
                    ClientModelError(
                        f"the request is {length:,} bytes, more than a batch file may hold "
                        f"({self.max_batch_bytes:,}): lower chunk_chars, or run without --batch",
                        status_code=413,
                    ),
                    retry=False,
                )
                continue
            if group and (
                len(group) >= self.max_batch_requests or size + length > self.max_batch_bytes
            ):
                yield group
                group, size = [], 0
            group.append(request)
            size += length
        if group:
            yield group

    async def _poll(self, api: Carrier, state: BatchState, entries: Any) -> list[BatchEntry]:
        """Ask the provider about every batch waited for; return those that have ended."""
        ended: list[BatchEntry] = []
        changed = False
        for entry in entries:
            if not entry.terminal:
                assert entry.id is not None
                try:
                    batch = await api.retrieve(entry.id)
                except ClientModelError as error:
                    if error.status_code != 404:
                        raise
                    changed = True
                    found = await self._same_file(api, state, entry)
                    if found is not None:  # the state named it wrong (an edit, a mixed restore)
                        logger.warning(
                            f"batch {entry.id} is not at the provider; batch {found.view.id} "
                            "was made from the same input file by an earlier run: adopted, "
                            "not paid for again"
                        )
                        entry.update(found.view)
                        state.index_changed()
                    else:  # deleted at the provider: its requests are submitted again
                        entry.status, entry.message = "lost", "the provider no longer knows it"
                        logger.info(entry.describe())
                else:
                    if entry.update(batch):
                        changed = True
                        logger.info(entry.describe())
            if entry.terminal:
                ended.append(entry)
        if changed:
            state.save()
        return ended

    async def _same_file(
        self, api: Carrier, state: BatchState, entry: BatchEntry
    ) -> Submitted | None:
        """A batch no state names made from the same input file as ``entry`` (whose own id the
        provider does not know), or None."""
        if not api.finds_submitted or entry.carrier != api.name:
            return None
        if self._earlier is None:
            self._earlier = await self._list_earlier(api, state)
        known = _known(state)
        for found in self._earlier:
            if found.file_sha256 == entry.file_sha256 and found.view.id not in known:
                return found
        return None

    async def _fetch(
        self,
        api: Carrier,
        entry: BatchEntry,
        heads: dict[str, ModelRequest],
        results: dict[str, _Answer | _Undelivered],
    ) -> None:
        """Download an ended batch's results; keep those of the requests still open."""
        assert entry.id is not None
        for cid, outcome in (await api.results(entry)).items():
            if cid in heads:
                results[cid] = outcome
        for cid in entry.custom_ids:
            if cid in heads and cid not in results:
                results[cid] = _missing(entry)

    async def _ask_live(
        self,
        api: Carrier,
        requests: list[ModelRequest],
        results: dict[str, _Answer | _Undelivered],
    ) -> None:
        """Re-ask live, ``concurrency`` at a time (``reask="live"``)."""
        gate = asyncio.Semaphore(self.concurrency)

        async def ask(request: ModelRequest) -> None:
            async with gate:
                try:
                    results[request.custom_id] = _Answer(await api.ask(request), live=True)
                except ModelRefusal as error:  # caught on the wire, as on a live call
                    tokens = error.usage or Usage.of_call(*error.tokens)  # a bad count said
                    results[request.custom_id] = _Undelivered(error, retry=False, usage=tokens)
                except ModelError as error:
                    if isinstance(error, ClientModelError) and error.status_code in FATAL:
                        raise
                    results[request.custom_id] = _Undelivered(error, retry=False)

        await asyncio.gather(*(ask(request) for request in requests))

    def _tidy(self, state: BatchState, fetched: set[str]) -> None:
        """Forget the batches that ended; say which batches no document needed."""
        for entry in list(state.entries):
            if entry.terminal:
                state.discard(entry)
        if state.entries:
            logger.info(
                f"{len(state.entries):,} batch(es) from an earlier run are still in flight and no "
                f"document of this run needs them: `extractor batch cancel {self.output}` stops "
                "them"
            )
        state.save()

    def _finish(self) -> None:
        super()._finish()
        summary = self.summary
        live = self.live_usage
        batch_prompt = max(0, summary.prompt_tokens - live.prompt_tokens)
        batch_completion = max(0, summary.completion_tokens - live.completion_tokens)
        in_batch = self.cost(batch_prompt, batch_completion)
        at_once = self.cost(live.prompt_tokens, live.completion_tokens)
        if in_batch is None or at_once is None:
            summary.cost_usd = None
        else:
            summary.cost_usd = in_batch * BATCH_PRICE_FACTOR + at_once


def _known(state: BatchState) -> set[str]:
    """The batches the state names: never adopted for another entry."""
    return {entry.id for entry in state.entries if entry.id is not None}


def _missing(entry: BatchEntry) -> _Undelivered:
    why = f"; {entry.message}" if entry.message else ""
    return _Undelivered(
        TransientModelError(
            redact(f"batch {entry.id} ({entry.status}) ended without an answer to it{why}")
        ),
        retry=True,
    )


# ------------------------------------------------------------ status, cancel


async def batch_status(output: str | os.PathLike[str], extractor: Extractor) -> list[BatchEntry]:
    """The batches recorded beside ``output``, as the provider sees them now (read only)."""
    target = check_output(output)
    state = BatchState.load(batch_state_path(target))
    if not state.entries:
        return []
    await _each_in_flight(state, extractor, "retrieve")
    return state.entries


async def _each_in_flight(
    state: BatchState, extractor: Extractor, call: Literal["retrieve", "cancel"]
) -> None:
    """Ask the provider about (or cancel) every batch of ``state`` not yet ended."""
    check_batch_support(extractor.spec)
    state.check_server(extractor)
    flying = [entry for entry in state.entries if entry.id is not None and not entry.terminal]
    api = open_carrier(extractor)
    try:
        elsewhere = sorted({entry.carrier for entry in flying if entry.carrier != api.name})
        if elsewhere:
            raise ConfigurationError(
                f"{state.path.name}: its batches are at {', '.join(elsewhere)}, and the model "
                f"{extractor.spec.label!r} speaks {api.name}'s batch API: pass the run's model "
                f"with --model ({state.model or 'as it was run'})"
            )
        for entry in flying:
            assert entry.id is not None
            try:
                view = await getattr(api, call)(entry.id)
            except (ValueError, TypeError) as error:  # the SDK refusing an argument
                raise ConfigurationError(
                    f"{state.path}: the provider's client refused batch {entry.id[:80]!r} "
                    f"({error}); look at the file, then move it aside to start over"
                ) from None
            entry.update(view)
    finally:
        await api.aclose()


async def cancel_batches(output: str | os.PathLike[str], extractor: Extractor) -> list[BatchEntry]:
    """Cancel every batch in flight recorded beside ``output``; return them as they are now.

    Refused while a run writes ``output`` (stop it first): the run owns the
    state file. A later run on ``output`` submits again what was cancelled
    before it was answered.
    """
    target = check_output(output)
    path = batch_state_path(target)
    if not path.exists():
        return []
    with open_output(target):  # the output's lock: no run is writing it meanwhile
        state = BatchState.load(path)
        await _each_in_flight(state, extractor, "cancel")
        state.save()
        return state.entries
