"""Bulk conversion: input files and archives in, one JSON line per document out.

A bulk run reads its inputs lazily (:func:`~extractor.io.iter_inputs`),
extracts with bounded concurrency (:func:`~extractor.batch.extract_many`) and
appends one line per input document to a JSONL file as each one finishes,
flushed at once. Three rules make the file trustworthy after any crash:

* **Resume.** On start the output is repaired (a torn last line, left by a
  kill at any moment, is cut off) and every ``doc_id`` already in it is
  skipped, so rerunning the same command completes the file. With
  ``retry_errors`` the error lines are removed first, so those documents are
  tried again.
* **Every id exactly once.** An id is written at most once per file, ever.
  A *duplicate* input id (the same path or id column twice) cannot be
  written under its own id, because its first occurrence owns that id (and
  may still be in flight, or already be in the file from an earlier run). It
  is reported as an error line under a derived id, ``<id>#duplicate-<n>``
  for its n-th occurrence, with ``duplicate_of`` naming the original. Derived
  ids are stable as long as the inputs are the same, so resuming skips them
  like any other id, and a duplicate's line can never make its first
  occurrence look done.
* **One line per input document.** Inputs that cannot be read (empty,
  binary, undecodable, malformed rows) get an error line with the reason,
  like documents whose extraction failed; they never stop the run.

A line holds ``doc_id``, ``status`` (``ok`` or ``error``), where the document
came from (``source``, ``published``, ``title``, ``url``), its ``records``
(each with its ``type``), ``counts`` per type, the ``usage`` in tokens, the
``model``, ``prompt_version``, ``schema_version`` and ``strategy`` that
produced it, ``seconds``, ``warnings`` and ``error`` ({type, kind, message})
or null.

The run ends with a :class:`BulkSummary` (documents, failures by reason,
records per type, tokens, estimated cost, speed). Errors that stop the run
early (see :mod:`extractor.batch`) propagate after the lines written so far
have been flushed; the summary is still on the :class:`BulkRun`.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import threading
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import urlsplit

from extractor.bulk.batch import BatchResult, extract_many
from extractor.errors import ConfigurationError, InputError
from extractor.io import InputFailure, Item, completed_ids, iter_inputs, open_for_resume
from extractor.pipeline.engine import Extractor
from extractor.pipeline.prompting import prompt_version
from extractor.pipeline.result import schema_version
from extractor.runtime import aio
from extractor.settings import settings
from extractor.types.registry import RECORD_TYPES

__all__ = [
    "PRICES_PER_MILLION",
    "BulkRun",
    "BulkSummary",
    "InputOptions",
    "NoProgress",
    "ProgressReporter",
    "RunInfo",
    "drop_error_lines",
    "estimate_cost",
    "format_duration",
    "result_line",
    "run_bulk",
]

#: USD per million (prompt, completion) tokens, by model-name prefix. List prices
#: as published by the providers in 2025; an estimate, never a bill.
PRICES_PER_MILLION: dict[str, tuple[float, float]] = {
    "openai/gpt-4o-mini": (0.15, 0.60),
    "openai/gpt-4o": (2.50, 10.00),
    "openai/gpt-4.1-nano": (0.10, 0.40),
    "openai/gpt-4.1-mini": (0.40, 1.60),
    "openai/gpt-4.1": (2.00, 8.00),
    "openai/gpt-3.5-turbo": (0.50, 1.50),
    "anthropic/claude-3-haiku": (0.25, 1.25),
    "anthropic/claude-3-5-haiku": (0.80, 4.00),
    "anthropic/claude-haiku-4-5": (1.00, 5.00),
    "anthropic/claude-3-5-sonnet": (3.00, 15.00),
    "anthropic/claude-3-7-sonnet": (3.00, 15.00),
    "anthropic/claude-sonnet-4": (3.00, 15.00),
}
_PROVIDER_HOSTS = {"openai": "api.openai.com", "anthropic": "api.anthropic.com"}
_DUPLICATE_SUFFIX = "#duplicate-"


def estimate_cost(
    model_label: str, prompt_tokens: int, completion_tokens: int, base_url: str | None = None
) -> float | None:
    """Estimated USD for the tokens, 0.0 for the local model, None when the price is unknown.

    A model name served by some other OpenAI-compatible server (``base_url``
    not the provider's own API) is not billed at the provider's price.
    """
    if model_label == "local" or model_label.startswith("local/"):
        return 0.0
    provider = model_label.partition("/")[0]
    if base_url is not None and _PROVIDER_HOSTS.get(provider, "\0") not in base_url:
        return None
    matches = [prefix for prefix in PRICES_PER_MILLION if model_label.startswith(prefix)]
    if not matches:
        return None
    prompt_price, completion_price = PRICES_PER_MILLION[max(matches, key=len)]
    return (prompt_tokens * prompt_price + completion_tokens * completion_price) / 1_000_000


# ------------------------------------------------------------------ summary


@dataclass
class BulkSummary:
    """What a bulk run did; ``documents`` counts the lines this run wrote."""

    output: str
    model: str
    documents: int = 0
    ok: int = 0
    errors: int = 0
    skipped: int = 0
    already_done: int = 0
    errors_by_reason: Counter[str] = field(default_factory=Counter)
    records: Counter[str] = field(default_factory=lambda: Counter(dict.fromkeys(RECORD_TYPES, 0)))
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cost_usd: float | None = None
    elapsed: float = 0.0
    stopped: str | None = None

    @property
    def total_tokens(self) -> int:
        return self.prompt_tokens + self.completion_tokens

    @property
    def records_found(self) -> int:
        return sum(self.records.values())

    @property
    def docs_per_second(self) -> float:
        return self.documents / self.elapsed if self.elapsed > 0 else 0.0

    @property
    def exit_code(self) -> int:
        """0 when every document written is ok, 1 when some failed (their lines are written)."""
        return 1 if self.errors else 0

    def add(self, result: BatchResult) -> None:
        self.documents += 1
        usage = result.usage
        self.prompt_tokens += usage.prompt_tokens
        self.completion_tokens += usage.completion_tokens
        if result.ok:
            self.ok += 1
            self.records.update(result.counts())
        else:
            self.errors += 1
            self.errors_by_reason[failure_reason(result)] += 1

    def to_dict(self) -> dict[str, Any]:
        return {
            "output": self.output,
            "model": self.model,
            "documents": self.documents,
            "ok": self.ok,
            "errors": self.errors,
            "skipped": self.skipped,
            "errors_by_reason": dict(self.errors_by_reason.most_common()),
            "records": dict(self.records),
            "usage": {
                "prompt_tokens": self.prompt_tokens,
                "completion_tokens": self.completion_tokens,
                "total_tokens": self.total_tokens,
            },
            "cost_usd": None if self.cost_usd is None else round(self.cost_usd, 4),
            "elapsed_seconds": round(self.elapsed, 2),
            "docs_per_second": round(self.docs_per_second, 2),
            "stopped": self.stopped,
        }

    def render(self) -> str:
        """The summary as a few aligned lines for a terminal or a log."""
        records = ", ".join(f"{kind} {n:,}" for kind, n in self.records.items())
        failures = "".join(
            f"\n{'':11}{n:>7,}  {why}" for why, n in self.errors_by_reason.most_common()
        )
        if self.cost_usd is None:
            cost = f"unknown (no price for {self.model})"
        else:
            cost = f"${self.cost_usd:,.4f} (estimate)"
        lines = [
            f"documents  {self.documents:,} written: {self.ok:,} ok, {self.errors:,} failed; "
            f"{self.skipped:,} skipped (already in the output)",
            f"records    {self.records_found:,} ({records})",
            f"failures   {self.errors:,}{failures}",
            f"tokens     {self.total_tokens:,} (prompt {self.prompt_tokens:,}, "
            f"completion {self.completion_tokens:,})",
            f"cost       {cost}",
            f"time       {format_duration(self.elapsed)}, {self.docs_per_second:,.1f} documents/s",
            f"output     {self.output}",
        ]
        if self.stopped:
            lines.append(f"stopped    {self.stopped}")
        return "\n".join(lines)


def failure_reason(result: BatchResult) -> str:
    """A short, countable reason: 'input: empty file', 'model: HTTP 500' ..."""
    error = result.error
    if error is None:
        return "ok"
    if error.kind == "input":
        message = error.message.removeprefix(f"{result.doc_id}: ")
        return f"input: {message.split(' (')[0].split(';')[0].strip()}"
    if error.kind == "model":
        if error.status_code:
            return f"model: HTTP {error.status_code}"
        return f"model: {error.message.split(' (')[0]}"  # "could not reach the model server"
    if error.kind == "extraction":
        return "extraction: no valid answer"
    return f"internal: {error.type}"


def format_duration(seconds: float) -> str:
    """A duration for people: '4.2s', '3m07s', '1h02m03s'."""
    minutes, secs = divmod(round(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    if hours:
        return f"{hours}h{minutes:02d}m{secs:02d}s"
    if minutes:
        return f"{minutes}m{secs:02d}s"
    return f"{seconds:.1f}s"


# -------------------------------------------------------------------- lines


@dataclass(frozen=True, slots=True)
class RunInfo:
    """What every line repeats about how it was produced."""

    model: str
    prompt_version: str
    schema_version: str
    strategy: str


def result_line(
    result: BatchResult, info: RunInfo, *, duplicate_of: str | None = None
) -> dict[str, Any]:
    """The JSON object written for one result (see the module doc for the fields)."""
    extraction = result.extraction
    document = result.document
    usage = result.usage
    line: dict[str, Any] = {
        "doc_id": result.doc_id,
        "status": result.status,
        "source": result.source,
        "published": result.published.isoformat() if result.published else None,
        "title": document.title if document else None,
        "url": document.url if document else None,
        "records": [record.model_dump(mode="json") for record in result.records],
        "counts": {**dict.fromkeys(RECORD_TYPES, 0), **result.counts()},
        "usage": usage.model_dump(mode="json"),
        "model": extraction.metadata.model if extraction else info.model,
        "prompt_version": extraction.metadata.prompt_version if extraction else info.prompt_version,
        "schema_version": extraction.metadata.schema_version if extraction else info.schema_version,
        "strategy": extraction.metadata.strategy if extraction else info.strategy,
        "seconds": result.seconds,
        "calls": extraction.metadata.calls if extraction else 0,
        "cached": extraction.metadata.cached if extraction else False,
        "warnings": list(extraction.metadata.warnings) if extraction else [],
        "error": result.error.to_dict() if result.error else None,
    }
    if duplicate_of is not None:
        line["duplicate_of"] = duplicate_of
    return line


# --------------------------------------------------------------------- plan


class _Plan:
    """Decides for each input item: skip it (already written), run it, or report a duplicate.

    Runs in the feeder's thread; the counters are read by the progress
    display (plain ints: a stale read is harmless).
    """

    def __init__(self, done: set[str]) -> None:
        self.done = done
        self.seen: set[str] = set()
        self.duplicate_of: dict[str, str] = {}
        self.read = 0
        self.skipped = 0

    def items(self, inputs: Iterable[Item]) -> Iterator[Item]:
        for item in inputs:
            self.read += 1
            if item.doc_id in self.seen:
                item = self._as_duplicate(item)
            self.seen.add(item.doc_id)
            if item.doc_id in self.done:
                self.skipped += 1
                continue
            yield item

    def _as_duplicate(self, item: Item) -> InputFailure:
        """The n-th occurrence of an id becomes an error under ``<id>#duplicate-<n>``."""
        number = 2
        while f"{item.doc_id}{_DUPLICATE_SUFFIX}{number}" in self.seen:
            number += 1
        derived = f"{item.doc_id}{_DUPLICATE_SUFFIX}{number}"
        self.duplicate_of[derived] = item.doc_id
        reason = item.error if isinstance(item, InputFailure) else "duplicate id"
        return InputFailure(
            derived,
            item.source or item.doc_id,
            f"{reason}: this copy was not extracted; give it a unique id to include it",
        )


# ----------------------------------------------------------------- progress


class ProgressReporter(Protocol):
    """Shows a run's progress; called from the event loop thread.

    The library only calls it; the displays (a progress bar, log lines)
    belong to the application (see :mod:`extractor.cli.progress`).
    """

    def start(self, run: BulkRun) -> None: ...
    def update(self, run: BulkRun) -> None: ...
    def stop(self, run: BulkRun) -> None: ...


class NoProgress:
    """Shows nothing (library use, tests)."""

    def start(self, run: BulkRun) -> None:
        pass

    def update(self, run: BulkRun) -> None:
        pass

    def stop(self, run: BulkRun) -> None:
        pass


# ---------------------------------------------------------------------- run


@dataclass(frozen=True)
class InputOptions:
    """How to read the inputs (see :func:`~extractor.io.iter_inputs`)."""

    id_field: str = "id"
    text_field: str = "text"
    date_field: str = "published"
    title_field: str = "title"

    def read(self, inputs: Sequence[str | os.PathLike[str]]) -> Iterator[Item]:
        return iter_inputs(
            inputs, id_field=self.id_field, text_field=self.text_field,
            date_field=self.date_field, title_field=self.title_field,
        )  # fmt: skip


class BulkRun:
    """One bulk conversion; ``summary`` is live while it runs and final after.

    Construct, then ``await run.run()`` (or :func:`run_bulk`). The inputs are
    checked on construction, so a mistyped path fails before anything is
    written; so is the model configuration when no extractor is given.
    """

    def __init__(
        self,
        inputs: Sequence[str | os.PathLike[str]],
        output: str | os.PathLike[str],
        *,
        extractor: Extractor | None = None,
        concurrency: int = 8,
        input_options: InputOptions | None = None,
        retry_errors: bool = False,
        fsync: bool = False,
        abort_after: int | None = None,
        progress: ProgressReporter | None = None,
        count_total: bool = True,
        **extractor_options: Any,
    ) -> None:
        self.inputs = list(inputs)
        self.output = Path(output)
        self.input_options = input_options or InputOptions()
        self.items = self.input_options.read(self.inputs)  # raises for a missing path
        self._owned = extractor is None
        self.extractor = extractor if extractor is not None else Extractor(**extractor_options)
        self.concurrency = concurrency
        self.retry_errors = retry_errors
        self.fsync = fsync
        self.abort_after = abort_after
        self.progress: ProgressReporter = progress or NoProgress()
        self.summary = BulkSummary(output=str(self.output), model=self.extractor.spec.label)
        self.total: int | None = None
        self.started = False  # the output is open: from here on, the summary means something
        self._count_total = count_total and not any(_expensive(p) for p in self.inputs)
        self._clock_start = 0.0
        self._first_result = 0.0
        self._stop_counting = threading.Event()
        self._plan = _Plan(set())

    # -- running -------------------------------------------------------------
    async def run(self) -> BulkSummary:
        """Convert every input not yet in the output; return the summary."""
        try:
            await self._run()
        finally:
            if self._owned:
                await self.extractor.aclose()
                self.extractor.close()
        return self.summary

    async def _run(self) -> None:
        self._clock_start = time.monotonic()
        await check_reachable(self.extractor.spec.base_url)
        if self.retry_errors:
            drop_error_lines(self.output)
        done, writer = open_for_resume(self.output, fsync=self.fsync)
        self.started = True
        self.summary.already_done = len(done)
        plan = self._plan = _Plan(done)
        info = self._info()
        if self._count_total:
            self._start_counting()
        self.progress.start(self)
        ticker = asyncio.create_task(self._tick())
        try:
            with writer:
                stream = extract_many(
                    plan.items(self.items), extractor=self.extractor,
                    concurrency=self.concurrency, abort_after=self.abort_after,
                )  # fmt: skip
                async with contextlib.aclosing(stream):
                    async for result in stream:
                        duplicate_of = plan.duplicate_of.get(result.doc_id)
                        writer.write(result_line(result, info, duplicate_of=duplicate_of))
                        self._record(result)
        except BaseException as error:
            self.summary.stopped = _stop_reason(error)
            raise
        finally:
            ticker.cancel()
            self._stop_counting.set()
            self.summary.skipped = plan.skipped
            self._finish()
            self.progress.stop(self)

    def _record(self, result: BatchResult) -> None:
        if not self._first_result:
            self._first_result = time.monotonic()
        self.summary.add(result)
        self._refresh()

    def _refresh(self) -> None:
        self.summary.skipped = self._plan.skipped
        self.summary.elapsed = time.monotonic() - self._clock_start
        self.progress.update(self)

    async def _tick(self) -> None:
        """Refresh the display while no document finishes (a slow model)."""
        while True:
            await asyncio.sleep(1.0)
            self._refresh()

    def _finish(self) -> None:
        summary = self.summary
        summary.elapsed = time.monotonic() - self._clock_start
        summary.cost_usd = estimate_cost(
            self.extractor.spec.label, summary.prompt_tokens, summary.completion_tokens,
            self.extractor.spec.base_url,
        )  # fmt: skip

    def _info(self) -> RunInfo:
        return RunInfo(
            model=self.extractor.spec.label, prompt_version=prompt_version(),
            schema_version=schema_version(), strategy=self.extractor.strategy,
        )  # fmt: skip

    # -- progress estimates ----------------------------------------------------
    def rate(self) -> float:
        """Documents per second since the first one finished (skips excluded)."""
        if not self._first_result or self.summary.documents < 2:
            return 0.0
        elapsed = time.monotonic() - self._first_result
        return (self.summary.documents - 1) / elapsed if elapsed > 0 else 0.0

    def eta(self) -> float | None:
        """Seconds left, once the total is counted and a rate is known."""
        rate = self.rate()
        if self.total is None or rate <= 0:
            return None
        remaining = self.total - self.summary.documents - self.summary.skipped
        return max(0.0, remaining / rate)

    def _start_counting(self) -> None:
        """Count the input units in a background thread, for the bar's total and the ETA."""

        def count() -> None:
            total = 0
            try:
                for _ in self.input_options.read(self.inputs):
                    if self._stop_counting.is_set():
                        return
                    total += 1
            except Exception:  # only an estimate: never let it disturb the run
                return
            self.total = total

        threading.Thread(target=count, name="bulk-count", daemon=True).start()


async def check_reachable(base_url: str | None, *, timeout: float = 5.0) -> None:
    """Fail at once when nothing listens at ``base_url``.

    Without this a mistyped port or a server that is not started costs every
    document its whole retry budget (half a minute or more) before the run
    gives up. Only a refused connection counts: a slow answer, a DNS failure
    or a proxy in the way are left to the run's own retries to judge.
    """
    if base_url is None or settings().proxy:
        return
    parts = urlsplit(base_url)
    if not parts.hostname:
        return
    port = parts.port or (443 if parts.scheme == "https" else 80)
    try:
        connecting = asyncio.open_connection(parts.hostname, port)
        _, writer = await asyncio.wait_for(connecting, timeout)
    except ConnectionRefusedError as error:
        raise ConfigurationError(
            f"cannot reach the model server at {base_url} (connection refused): start it, "
            "or fix --base-url / EXTRACTOR_BASE_URL"
        ) from error
    except (OSError, TimeoutError):
        return
    writer.close()
    with contextlib.suppress(OSError):
        await writer.wait_closed()


def _expensive(path: str | os.PathLike[str]) -> bool:
    """WARC pages go through trafilatura: counting them would parse everything twice."""
    return os.fspath(path).lower().endswith((".warc", ".warc.gz"))


def _stop_reason(error: BaseException) -> str:
    if isinstance(error, KeyboardInterrupt | asyncio.CancelledError):
        return "interrupted; rerun the same command to resume"
    return f"{type(error).__name__}: {error}"


def run_bulk(
    inputs: Sequence[str | os.PathLike[str]],
    output: str | os.PathLike[str],
    **options: Any,
) -> BulkSummary:
    """Blocking bulk conversion (see :class:`BulkRun` for the options)."""
    return aio.run(BulkRun(inputs, output, **options).run())


# ------------------------------------------------------------ retry errors


def drop_error_lines(path: str | os.PathLike[str]) -> int:
    """Remove the ``status: error`` lines of an output file, so a rerun tries those again.

    The file is repaired first (see :func:`~extractor.io.completed_ids`),
    then rewritten through a temporary file that replaces it atomically, so a
    crash leaves either the old file or the new one. Returns how many lines
    were dropped.
    """
    file = Path(path)
    if not file.exists():
        return 0
    completed_ids(file)  # cuts a torn last line; raises InputError for damage elsewhere
    dropped = 0
    temporary = file.with_name(file.name + ".tmp")
    with open(file, "rb") as source, open(temporary, "wb") as target:
        for number, raw in enumerate(source, start=1):
            if _is_error_line(raw, file, number):
                dropped += 1
            else:
                target.write(raw)
        target.flush()
        os.fsync(target.fileno())
    os.replace(temporary, file)
    return dropped


def _is_error_line(raw: bytes, file: Path, number: int) -> bool:
    if not raw.strip():
        return False
    try:
        record = json.loads(raw)
    except ValueError as exc:
        raise InputError(f"line {number} is not valid JSON ({exc})", source=str(file)) from exc
    return isinstance(record, dict) and record.get("status") == "error"
