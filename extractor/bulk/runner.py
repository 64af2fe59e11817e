"""Bulk conversion: input files and archives in, one JSON line per document out.

A bulk run reads its inputs lazily (:func:`~extractor.io.iter_inputs`),
extracts with bounded concurrency (:func:`~extractor.batch.extract_many`) and
appends one line per input document to a JSONL file as each one finishes
(see :mod:`extractor.io.output` for how that file is locked, checked and
repaired). The invariants, tested with generated inputs in
``tests/test_bulk_hostile.py``:

* **Every input document ends as exactly one winning line.** Its identity
  survives reruns however the command is spelled (see
  :mod:`extractor.io.readers`): a document found by its path is its
  ``source`` (the real path, plus member, or the content hash of an id-less
  row), matched with the output's line of the same ``source`` whatever
  label (``doc_id``) the spelling gives it now, and written under that
  line's id; an explicit id (an id column, a WARC URI) is matched by id.
  The last line of an id wins (:func:`~extractor.io.latest_lines`). On a
  rerun every input is *new* (no line: extracted), *unchanged* (skipped) or
  *changed* (extracted again; its new line supersedes the old one). It is
  changed when what changes its result changed: ``input_sha256`` (text,
  title and publication date; ``text_sha256`` on lines written before it
  existed) or the government its ``url`` says published it (a readout's
  own state need not be named), or when its line is *redone*: an ok line asked for other
  ``types``, ``model`` or ``strategy`` than this run's; an error line of a
  server kind (``config``, ``server``, ``transient``: written as a run
  stopped, saying nothing about the document), so rerunning the same
  command finishes the job; with ``retry_errors`` every error line of an
  input in this run that is a document (an input the reader fails again, an
  empty file or a repeated id, has nothing to ask: its line stands, and as
  any line left as it is, it makes no exit code 1). Model errors (validation,
  refusal) stay until then. A redo is of an unchanged input only: an input
  edited since its line, an error line too, is *changed*.
  No line is ever dropped: a redone line is superseded. So after a kill or
  a stop at any moment, a rerun of the same command completes the file,
  nothing done is paid for twice, and no winning line describes a text
  other than the current one.
* **An id names one input, across runs too.** A label the output already
  gives to another source (the same ``01.txt`` in another folder, a moved
  folder) is replaced by the input's absolute source: two files are two
  documents, never an error. An explicit id is the user's identity: the
  same id from another file is the same document, changed or not.
* **No line is dropped for an input that went away.** An input deleted,
  renamed or not given this time keeps its line (nothing is lost); the
  summary counts those lines (``unseen``) once every input has been read.
* **A duplicate input id** (the same id column twice) cannot be written under
  its own id, because its first occurrence owns that id. It is reported as
  an error line under a derived id, ``<id>#duplicate-<n>`` for its n-th
  occurrence, with ``duplicate_of`` naming the original. Derived ids are
  stable as long as the inputs are the same, and so is the line: a rerun
  after rows were inserted above it or its folder was renamed finds it
  unchanged, since a failure whose reason differs only in where its input
  sits is the same failure (:func:`placeless`), not a changed input.
* **Nothing stops the run but the run's own problems.** Inputs that cannot be
  read get an error line with the reason; units the readers deliberately do
  not read (another file type, a hidden file, a link) get a line with status
  ``skipped``. Only the model configuration, a run of model failures (see
  :mod:`extractor.batch`) or the output itself (cannot be written: the disk is
  full, another run holds it, it is not an extractor output) stop the run;
  the output problems are found before any work where they can be.
* **The output is never an input.** The output file, its lock and its rewrite
  file are left out wherever the inputs reach them (a folder or glob that
  contains them); naming the output itself as an input is refused.
* **Memory is bounded.** Lines are written as documents finish; after its
  line is written nothing of a document is kept. What grows with the input
  is one entry per id (ids seen, ids already in the output).

A line holds ``doc_id``, ``status`` (``ok``, ``error`` or ``skipped``), where the
document came from (``source``, ``published``, ``title``, ``url``), the
``text_sha256`` of its text (null when there was no text), the
``input_sha256`` of text, title and date, its ``records``
(each with its ``type``), ``counts`` per type, the ``usage`` in tokens, the
``model``, ``prompt_version``, ``schema_version``, ``strategy`` and ``types``
that produced it, ``seconds``, ``warnings`` and ``error`` ({type, kind, message})
or null.

The run ends with a :class:`BulkSummary` (documents new, changed and
unchanged, failures by reason, records per type, tokens, estimated cost,
speed). Its speed and the progress display's are one definition: documents
written in this run divided by the seconds since the first of them started.
Errors that stop the run early propagate after the lines written so far have
been flushed; the summary is still on the :class:`BulkRun`.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import hashlib
import itertools
import json
import logging
import math
import os
import re
import socket
import stat
import threading
import time
import unicodedata
from collections import Counter
from collections.abc import Container, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, Protocol
from urllib.parse import urlsplit

from extractor.blank import strip_blank
from extractor.bulk.batch import SERVER_KINDS, BatchResult, ErrorInfo, extract_many
from extractor.errors import ConfigurationError
from extractor.export import STOPPED
from extractor.io import InputFailure, Item, is_rereadable, iter_inputs
from extractor.io.field_check import FieldCheck
from extractor.io.formats import RecordFields
from extractor.io.identity import MAX_RENAMES, id_container, made_name, path_derived
from extractor.io.output import (
    UNKNOWN_HASH,
    OutputFile,
    OutputTarget,
    check_output,
    drop_error_lines,
    latest_lines,
    open_output,
)
from extractor.io.readers import CONTENT_KEYED, beside_label, close_items, visible
from extractor.pipeline.document import DUPLICATE_MARK, Document
from extractor.pipeline.engine import Extractor
from extractor.pipeline.prompting import prompt_version
from extractor.pipeline.result import Usage, schema_version, usage_warnings
from extractor.redact import redact
from extractor.runtime import aio
from extractor.runtime.providers import canonical_model
from extractor.settings import proxy_for
from extractor.text.countries import government_country
from extractor.types.registry import RECORD_TYPES

logger = logging.getLogger(__name__)

__all__ = [
    "PRICES_PER_MILLION",
    "Asked",
    "BulkRun",
    "BulkSummary",
    "InputOptions",
    "NoProgress",
    "ProgressReporter",
    "RunInfo",
    "drop_error_lines",
    "estimate_cost",
    "existing_lines",
    "format_duration",
    "format_rate",
    "refuse_output_as_input",
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


#: USD per million prompt and completion tokens.
Price = tuple[float, float]


def priced(price: Price, prompt_tokens: int, completion_tokens: int) -> float | None:
    """USD for the tokens at ``price``; None when that is no finite number. Never raises:
    the counts are the server's (bounded where they are read, ``token_count``), and a
    line from before that bound may hold any number."""
    try:
        cost = (prompt_tokens * price[0] + completion_tokens * price[1]) / 1_000_000
    except (OverflowError, TypeError, ValueError):
        return None
    return cost if math.isfinite(cost) else None


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
    return priced(PRICES_PER_MILLION[max(matches, key=len)], prompt_tokens, completion_tokens)


# ------------------------------------------------------------------ summary


@dataclass
class BulkSummary:
    """What a bulk run did.

    ``documents`` counts the lines this run wrote: ``new`` + ``changed`` +
    the ``redone`` + ``forgotten`` + ``gone``, and equally ``ok`` + ``errors`` +
    ``not_read`` + ``forgotten`` + ``gone``. ``changed`` inputs were extracted again
    because their text (or date, title, or publishing government) changed; ``redone`` counts, by why,
    lines extracted again though their input is unchanged (asked for other
    types/model/strategy, a server-side failure, ``retry_errors``: see
    :class:`_Plan`); ``errors_dropped`` is how many of those were error lines
    retried (superseded, never dropped). ``forgotten`` lines (``--forget-unseen``)
    are no extraction: a ``skipped`` line for an input no longer there; ``gone`` lines
    neither: an error line of a row or member no longer in its file, superseded without
    being asked to (see :meth:`_Plan._gone`).
    ``unchanged`` inputs were skipped (their line is already in the output,
    for the same text). ``repeated`` counts the inputs that are a document this run
    read already (the same explicit id and text again, in one file or two: the readers'
    ``repeat``): one document, one line, whichever run wrote it; kept apart from
    ``unchanged``, which on an empty output would claim lines that are not there. ``unseen`` counts the results already in the output
    whose input this run did not see (kept; None when the run stopped before
    reading every input). ``elapsed`` is the whole run; ``working`` the seconds since the
    first document started, which ``docs_per_second`` divides by (the
    progress display uses the same figure).
    """

    output: str
    model: str
    documents: int = 0
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    #: Inputs that are a document read already in this run (the same id and text): no line.
    repeated: int = 0
    ok: int = 0
    errors: int = 0
    #: Of ``ok``: results with a call that gave no valid answer (``failed_calls`` on the line).
    incomplete: int = 0
    #: Inputs the system would not let this run read whose earlier result was kept.
    unreadable: int = 0
    not_read: int = 0
    already_done: int = 0
    #: Error lines redone by ``retry_errors`` (superseded by new lines; none is dropped).
    errors_dropped: int = 0
    #: Lines extracted again though their input is unchanged, by why (asked for other
    #: types/model/strategy, a server failure, --retry-errors); not in ``changed``.
    redone: Counter[str] = field(default_factory=Counter)
    #: Lines of inputs no longer among a run's, superseded by a skipped line (--forget-unseen).
    forgotten: int = 0
    #: Error lines of rows or members no longer in their file or archive (read whole),
    #: superseded by a skipped line without --forget-unseen: a past failure, no extraction.
    gone: int = 0
    #: Of ``new`` and ``changed``: inputs whose line says they were not read (skipped or
    #: unreadable: a hidden file, an earlier output). New or changed to the output, but no
    #: document extracted: the summary's inputs line counts them apart, never as extracted.
    new_not_read: int = 0
    changed_not_read: int = 0
    #: Of ``unchanged``: inputs whose line is an error or incomplete, left as they were.
    standing: int = 0
    #: Of ``standing``: input errors (an empty file, a repeated id) that failed as before:
    #: ``--retry-errors`` has nothing to ask for them, so the summary says to mend them.
    standing_inputs: int = 0
    #: Lines this run wrote for no input it read (a mended container, a row or member gone,
    #: a forgotten input) and containers found mended before: ``settled`` leaves them out,
    #: so that progress never counts past the inputs' total.
    not_inputs: int = 0
    #: Lines already in the output whose input this run did not see (deleted,
    #: renamed, not given, or another input's id now): kept, never dropped.
    #: None until every input has been read (a stopped run cannot know).
    unseen: int | None = None
    errors_by_reason: Counter[str] = field(default_factory=Counter)
    records: Counter[str] = field(default_factory=lambda: Counter(dict.fromkeys(RECORD_TYPES, 0)))
    #: Of the documents written: results read from the cache (--cache), which cost no
    #: tokens in this run; ``prompt_tokens``, ``completion_tokens`` and ``cost_usd`` leave
    #: them out.
    cached: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cost_usd: float | None = None
    elapsed: float = 0.0
    working: float = 0.0
    stopped: str | None = None

    @property
    def total_tokens(self) -> int:
        return self.prompt_tokens + self.completion_tokens

    @property
    def settled(self) -> int:
        """Inputs this run has accounted for: written, unchanged, repeated or unreadable now
        (what progress displays count as done against the inputs' total, and the remaining
        time is estimated from). Lines written for no input (``not_inputs``: forgotten, gone,
        mended) are no input read: counted, the display would pass its total."""
        return self.documents + self.unchanged + self.repeated + self.unreadable - self.not_inputs

    @property
    def records_found(self) -> int:
        return sum(self.records.values())

    @property
    def docs_per_second(self) -> float:
        """Documents written in this run per second since the first of them started."""
        return self.documents / self.working if self.working > 0 else 0.0

    @property
    def exit_code(self) -> int:
        """0 when every line this run wrote is whole, 1 when some failed or are incomplete
        (``--retry-errors`` asks again) or an input it had read turned unreadable.

        An earlier error line left as it is (``standing``) is no failure of this run, with
        ``--retry-errors`` or not: an input error met again as before (an empty file) has
        nothing to ask until the input is mended, so a loop that reruns until exit 0 would
        never end on it. The summary counts it (``standing_input_failures``)."""
        return 1 if self.errors or self.incomplete or self.unreadable else 0

    def add(
        self,
        result: BatchResult,
        *,
        changed: bool = False,
        not_read: bool = False,
        redone: str | None = None,
    ) -> None:
        usage = result.usage
        reason = None if result.ok else failure_reason(result)
        cached = result.extraction is not None and result.extraction.metadata.cached
        self._tally(result.ok, result.counts(), bool(result.failed_calls), reason,
                    (usage.prompt_tokens, usage.completion_tokens), changed=changed,
                    not_read=not_read, redone=redone, cached=cached)  # fmt: skip

    def add_line(
        self,
        line: Mapping[str, Any],
        reason: str | None,
        *,
        changed: bool = False,
        not_read: bool = False,
        redone: str | None = None,
    ) -> None:
        """:meth:`add` for a result line that came back as JSON (a worker's result row:
        the Ray engine, worker processes); ``reason`` is its countable failure reason."""
        given = line.get("usage")
        usage: Mapping[str, Any] = given if isinstance(given, dict) else {}
        spent = Usage(  # read as any usage is: a count that is no count is 0
            prompt_tokens=usage.get("prompt_tokens"),
            completion_tokens=usage.get("completion_tokens"),
        )
        tokens = (spent.prompt_tokens, spent.completion_tokens)
        counts = {k: v for k, v in (line.get("counts") or {}).items() if v}
        self._tally(line.get("status") == "ok", counts, bool(line.get("failed_calls")),
                    reason or "internal: unknown", tokens, changed=changed, not_read=not_read,
                    redone=redone, cached=line.get("cached") is True)  # fmt: skip

    def _tally(
        self, ok: bool, counts: Mapping[str, int], incomplete: bool, reason: str | None,
        tokens: tuple[int, int], *, changed: bool, not_read: bool, redone: str | None,
        cached: bool = False,
    ) -> None:  # fmt: skip
        self.documents += 1
        if redone == REDO_FORGOTTEN:
            self.forgotten += 1
            return
        if redone == REDO_GONE:
            self.gone += 1
            return
        if redone is not None:
            self.redone[redone] += 1
            self.errors_dropped += redone == REDO_RETRY
        elif changed:
            self.changed += 1
        else:
            self.new += 1
        if cached:  # paid for by the run that filled the cache, not by this one
            self.cached += 1
        else:
            self.prompt_tokens += tokens[0]
            self.completion_tokens += tokens[1]
        if not_read:
            self.not_read += 1
            if redone is None:
                self.changed_not_read += changed
                self.new_not_read += not changed
        elif ok:
            self.ok += 1
            self.incomplete += incomplete
            self.records.update(counts)
        else:
            self.errors += 1
            self.errors_by_reason[reason or "internal: unknown"] += 1

    def to_dict(self) -> dict[str, Any]:
        return {
            "output": self.output,
            "model": self.model,
            "documents": self.documents,
            "new": self.new,
            "changed": self.changed,
            "unchanged": self.unchanged,
            "repeated": self.repeated,
            "ok": self.ok,
            "errors": self.errors,
            "incomplete": self.incomplete,
            "unreadable": self.unreadable,
            "not_read": self.not_read,
            "new_not_read": self.new_not_read,
            "changed_not_read": self.changed_not_read,
            "errors_dropped": self.errors_dropped,
            "redone": dict(self.redone.most_common()),
            "forgotten": self.forgotten,
            "gone": self.gone,
            "standing_failures": self.standing,
            "standing_input_failures": self.standing_inputs,
            "unseen": self.unseen,
            "errors_by_reason": dict(self.errors_by_reason.most_common()),
            "records": dict(self.records),
            "cached": self.cached,
            "usage": {
                "prompt_tokens": self.prompt_tokens,
                "completion_tokens": self.completion_tokens,
                "total_tokens": self.total_tokens,
            },
            "cost_usd": None if self.cost_usd is None else round(self.cost_usd, 4),
            "elapsed_seconds": round(self.elapsed, 2),
            "working_seconds": round(self.working, 2),
            "docs_per_second": round(self.docs_per_second, 2),
            STOPPED: self.stopped,
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
        not_read = f", {self.not_read:,} not read" if self.not_read else ""
        unreadable = (
            f"\n{'':11}{self.unreadable:>7,}  unreadable now (earlier result kept; no line)"
            if self.unreadable
            else ""
        )
        if asked := self.standing - self.standing_inputs:
            unreadable += (
                f"\n{'':11}{asked:>7,}  earlier failed or incomplete, unchanged: "
                "rerun with --retry-errors to ask again"
            )
        if self.standing_inputs:
            unreadable += (
                f"\n{'':11}{self.standing_inputs:>7,}  earlier input errors, unchanged: mend "
                "the input (--retry-errors asks the model, not the reader)"
            )
        incomplete = (
            f" ({self.incomplete:,} incomplete: a call gave no valid answer)"
            if self.incomplete
            else ""
        )
        dropped = "".join(f", {n:,} redone: {why}" for why, n in self.redone.most_common())
        forgotten = f", {self.forgotten:,} forgotten" if self.forgotten else ""
        if self.gone:
            forgotten += f", {self.gone:,} past input errors superseded (no longer in their file)"
        unseen = (
            f"; {self.unseen:,} lines from inputs not seen in this run (kept)"
            if self.unseen
            else ""
        )
        speed = (
            f"; {format_rate(self.docs_per_second)} over the "
            f"{format_duration(self.working)} since the first one started"
            if self.working > 0
            else ""
        )
        passed = (  # new or changed to the output, but nothing extracted: said apart
            f", {self.new_not_read + self.changed_not_read:,} new or changed but not read "
            "(skipped or unreadable: their lines say why)"
            if self.new_not_read or self.changed_not_read
            else ""
        )
        repeated = (
            f", {self.repeated:,} repeated (the same document read again: one line)"
            if self.repeated
            else ""
        )
        lines = [
            f"documents  {self.documents:,} written: {self.ok:,} ok{incomplete}, "
            f"{self.errors:,} failed"
            f"{not_read}{forgotten}; {self.unchanged:,} unchanged (already in the output)",
            f"inputs     {self.new - self.new_not_read:,} new, "
            f"{self.changed - self.changed_not_read:,} changed (extracted again){dropped}, "
            f"{self.unchanged:,} unchanged (skipped){repeated}{passed}{unseen}",
            f"records    {self.records_found:,} ({records})",
            f"failures   {self.errors:,}{failures}{unreadable}",
            f"tokens     {self.total_tokens:,} (prompt {self.prompt_tokens:,}, "
            f"completion {self.completion_tokens:,})"
            + (f"; {self.cached:,} documents from the cache, at no cost" if self.cached else ""),
            f"cost       {cost}",
            f"time       {format_duration(self.elapsed)}{speed}",
            f"output     {self.output}",
        ]
        if self.stopped:
            lines.append(f"stopped    {self.stopped}")
        return "\n".join(lines)


def failure_reason(result: BatchResult) -> str:
    """A short, countable reason: 'input: empty file', 'transient: HTTP 500' ...

    See :meth:`~extractor.bulk.batch.ErrorInfo.reason`.
    """
    error = result.error
    return "ok" if error is None else error.reason(result.doc_id)


def format_rate(docs_per_second: float) -> str:
    """A speed for people, the same text in the progress display and the summary:
    '23.4 documents/s', or '47.2 s per document' when slower than one a second
    (where '0.0 documents/s' would say nothing)."""
    if 1e-6 < docs_per_second < 1:
        return f"{1 / docs_per_second:,.1f} s per document"
    return f"{docs_per_second:,.1f} documents/s"


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
    #: The record types asked for (empty: not known, e.g. a line made outside a run).
    types: tuple[str, ...] = ()

    @classmethod
    def of(cls, extractor: Extractor) -> RunInfo:
        """What ``extractor`` asks: the one way every engine fills a line's run fields."""
        return cls(
            model=extractor.spec.label, prompt_version=prompt_version(),
            schema_version=schema_version(), strategy=extractor.asked,
            types=tuple(extractor.types),
        )  # fmt: skip


def result_line(
    result: BatchResult,
    info: RunInfo,
    *,
    duplicate_of: str | None = None,
    not_read: bool = False,
) -> dict[str, Any]:
    """The JSON object written for one result (see the module doc for the fields).

    ``doc_id`` is always the first key (:mod:`extractor.io.output` relies on
    it); ``not_read`` marks a unit the readers deliberately skipped (status
    ``skipped``, the reason in ``error``).
    """
    extraction = result.extraction
    document = result.document
    usage = result.usage
    line: dict[str, Any] = {
        "doc_id": result.doc_id,
        "status": "skipped" if not_read else result.status,
        "source": result.source,
        "text_sha256": document.text_sha256 if document else None,
        "input_sha256": input_hash(document),
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
        "types": list(info.types) if info.types else None,
        "seconds": result.seconds,
        "calls": extraction.metadata.calls if extraction else 0,
        "cached": extraction.metadata.cached if extraction else False,
        "warnings": usage_warnings(  # an error line's bad count is said too
            usage,
            [
                *(document.warnings if document else ()),
                *(extraction.metadata.warnings if extraction else ()),
            ],
        ),
        "text": document.text if document else None,
        "error": result.error.to_dict() if result.error else None,
    }
    if result.failed_calls:
        line["failed_calls"] = [call.model_dump(mode="json") for call in result.failed_calls]
    if duplicate_of is not None:
        line["duplicate_of"] = duplicate_of
    return line


# --------------------------------------------------------------------- plan


@dataclass(frozen=True, slots=True)
class Asked:
    """What a run asks for, which an ok line must match to count as done (see :class:`_Plan`).

    An empty ``types`` or ``model`` is not compared (a caller that cannot tell).
    """

    types: tuple[str, ...] = ()
    model: str = ""
    strategy: str = ""


#: What a line does not record (a field older lines lack): never compared.
_NOT_RECORDED = "(not recorded)"


def _message(error: Any) -> str | None:
    """An output line's ``error.message``, if it has one."""
    message = error.get("message") if isinstance(error, dict) else None
    return message if isinstance(message, str) else None


@dataclass(frozen=True, slots=True)
class _Line:
    """What the plan needs of an output's winning line: where from, of what, asked how.

    ``input_sha256``/``types`` are None on lines written before lines carried
    them: what a line does not record is not compared.
    """

    source: str | None
    text_sha256: str | None
    input_sha256: str | None = None
    status: str | None = None
    kind: str | None = None
    incomplete: bool = False
    types: tuple[str, ...] | None = None
    model: str | None = None
    strategy: str | None = None
    #: The state whose government published the document (from its ``url``), or
    #: :data:`_NOT_RECORDED` on a line without a ``url`` field: not compared.
    publisher: str | None = _NOT_RECORDED
    #: Why an error or skipped line's input gave no document, as the line says it.
    reason: str | None = None

    @classmethod
    def of(cls, record: dict[str, Any]) -> _Line:
        def text(key: str) -> str | None:
            value = record.get(key)
            return value if isinstance(value, str) else None

        error = record.get("error")
        types = record.get("types")
        return cls(
            source=text("source"),
            text_sha256=text("text_sha256") if "text_sha256" in record else UNKNOWN_HASH,
            input_sha256=text("input_sha256"),
            status=text("status"),
            kind=error.get("kind") if isinstance(error, dict) else None,
            incomplete=bool(record.get("failed_calls")),
            types=tuple(str(t) for t in types) if isinstance(types, list) else None,
            model=text("model"),
            strategy=text("strategy"),
            publisher=government_country(text("url")) if "url" in record else _NOT_RECORDED,
            reason=_message(error) if record.get("status") in ("error", "skipped") else None,
        )


def existing_lines(target: OutputTarget) -> dict[str, _Line]:
    """The winning line of every id already in a run's output (none for a stream or no file).

    Read after :func:`~extractor.io.open_output` has checked and repaired the file.
    """
    if target.kind == "stream" or not target.target.is_file():
        return {}
    return {record["doc_id"]: _Line.of(record) for record in latest_lines(target.target)}


#: Why a line in the output is extracted again though its input is unchanged.
#: What :attr:`Extractor.asked` adds to a strategy asked with second looks.
SECOND_LOOK_MARK = "+second-look"
#: The start of every "asked differently" reason; :func:`asked_differently` names the options.
REDO_ASKED = "asked differently"
REDO_STOPPED = "failed on the server's side (a stopped run)"
REDO_RETRY = "error lines retried"
REDO_FORGOTTEN = "forgotten: inputs not among this run's (--forget-unseen)"
#: Why an error line of a row or member no longer in its file is superseded (see ``_gone``).
REDO_GONE = "gone: error lines of rows or members no longer in their file"
#: What :meth:`_Plan._redo` says of an unreadable input whose earlier result stands.
KEEP = "kept: unreadable now"
#: The reason a forgotten line gives (see :meth:`_Plan._forget`).
FORGOTTEN = (
    "its input is not among the inputs of a run with --forget-unseen (a renamed or deleted "
    "file, an edited row without an id): its earlier result is left out of the tables"
)


#: What :meth:`_Plan._redo` says of an input whose line is a forgotten one: extracted as new.
NEW = "new"


def _was_forgotten(line: _Line) -> bool:
    """Whether ``line`` is the ``skipped`` line ``--forget-unseen`` wrote (see
    :meth:`_Plan._forget`): it supersedes a result, and records no text of its own."""
    return (
        line.status == "skipped"
        and line.reason is not None
        and line.reason == ErrorInfo("InputError", FORGOTTEN, "input").message
    )


def _holder(source: str) -> str | None:
    """The file or archive a row (``:<line>``, ``#<content key>``) or member (``!``)
    source lies in; None for a file of its own (a folder entry is a file: a folder is
    not read whole when some of its files are given by name)."""
    if row := CONTENT_KEYED.fullmatch(source):
        return row["place"]
    place, colon, number = source.rpartition(":")
    if colon and number.isdigit():
        return place
    place, bang, _ = source.rpartition("!")
    return place if bang else None


class _Plan:
    """Decides for each input item: skip it (unchanged), run it (new, changed or redone), or
    turn it into an error line (a duplicate).

    Identity (see :mod:`extractor.io.readers`): an item whose id was made from
    its path (the id is a tail of its ``source``) is the same document as the
    output's line with the same ``source``, whatever id the command spelling
    gives it now; it takes that line's id, so its new line supersedes the old
    one. Such an item whose id the output gives to another source takes its
    source as id instead (two files are two documents, never an error). An
    explicit id (an id column, a WARC URI) is matched by id.

    A matched line is *unchanged* (skipped) unless the input changed (its
    ``input_sha256``, else ``text_sha256``, differs), it is an ok line asked
    with other types, model or strategy than ``asked``, or it is an error
    line of a server kind (config, server, transient: written as a run
    stopped, nothing about the document) or, with ``retry_errors``, any
    error line of an item that is a document (not one the reader failed again).
    Those are *redone* (``redone`` holds why, per id in flight). An input whose
    line ``--forget-unseen`` superseded is extracted as *new* (the line holds
    no text to compare). An error line is never dropped: it stays until its
    input's new line supersedes it.

    Runs in the feeder's thread; the counters are read by the event loop
    (plain ints and set operations: a stale read is harmless). An id leaves
    ``lines`` once its input is seen, so what is left when the inputs end is
    the ``unseen`` lines. ``changed``/``not_read``/``redone`` hold only ids
    still in flight, so memory is one entry per id.
    """

    def __init__(
        self,
        done: dict[str, str | None],
        own: tuple[str, ...] = (),
        sources: dict[str, str | None] | None = None,
        *,
        lines: dict[str, _Line] | None = None,
        asked: Asked | None = None,
        retry_errors: bool = False,
        forget_unseen: bool = False,
        every_input: bool = True,
    ) -> None:
        if lines is None:
            sources = sources or {}
            lines = {key: _Line(sources.get(key), digest) for key, digest in done.items()}
        self.lines = lines
        self.done = done  # kept for callers that read it; ``lines`` is what decides
        self.by_source = {
            line.source: key
            for key, line in lines.items()
            if line.source and made_name(key, line.source)
        }
        # lines of id-less rows written when such rows were keyed by line number
        # (``rows.jsonl:3``): found again by their file and text, so an upgrade pays nothing
        self.by_row: dict[tuple[str, str | None], list[str]] = {}
        for key, line in lines.items():
            if line.source and made_name(key, line.source):
                place, colon, number = line.source.rpartition(":")
                if colon and number.isdigit():  # identical rows: one id each, in file order
                    self.by_row.setdefault((place, line.text_sha256), []).append(key)
        #: error and skipped lines of files and folders, by source: a container that could
        #: not be read, or was mended since (see :meth:`_mend`)
        self.broken: dict[str, str] = {
            line.source: key
            for key, line in lines.items()
            if line.status in ("error", "skipped") and line.source and made_name(key, line.source)
        }
        self.mending: dict[str, str] = {}
        #: explicit ids the output holds as written before ids were read as they are now
        #: (in Unicode's composed form, without invisible characters at their edges), by
        #: that reading: a rerun finds their lines (see :meth:`_explicit`)
        self.spelled_before = {
            now: key
            for key, line in lines.items()
            if (now := strip_blank(unicodedata.normalize("NFC", key))) != key
            and not (line.source and made_name(key, line.source))
        }
        #: (explicit id as its input gives it, text hash) -> the line or item with that text:
        #: a copy of a row in another file is that document, whatever name it was given
        self.copies: dict[tuple[str, str], str] = {}
        for key, line in lines.items():
            self._note_copy(key, line.source, line.text_sha256)
        #: ids the reader gave explicit items -> the ids their documents have in the output,
        #: where those differ: a ``repeat`` the reader flags names the first copy its way
        self.renamed: dict[str, str] = {}
        self.asked = asked or Asked()
        self.retry_errors = retry_errors
        self.forget_unseen = forget_unseen
        self.every_input = every_input
        #: sources of this run's items that could not be read: what was inside them is not
        #: forgotten for that (a damaged archive today may be mended tomorrow)
        self.unreadable: set[str] = set()
        #: documents read this run (not failures): with none, nothing is forgotten
        self.documents_read = 0
        self.already_done = len(lines)
        self.own = own
        self.unseen: int | None = None
        #: files and archives this run read items out of (see :func:`_holder`), and those
        #: of them that also failed as a whole (damaged part way, a cap): see :meth:`_gone`
        self.gave: set[str] = set()
        self.cut_short: set[str] = set()
        #: ids given out in this run, to the source that has them
        self.seen: dict[str, str | None] = {}
        self.duplicate_of: dict[str, str] = {}
        self.changed: set[str] = set()
        self.not_read: set[str] = set()
        self.redone: dict[str, str] = {}
        self.redone_errors = 0
        self.read = 0
        self.unchanged = 0
        #: items that are a document read already in this run (a ``repeat``): no line, and
        #: not ``unchanged`` (that one's line may be new in this run)
        self.repeated = 0
        #: inputs the system would not let us read whose ok line stands (see ``_redo``)
        self.kept_unreadable = 0
        #: unchanged inputs whose line is an error or incomplete: --retry-errors asks again
        self.standing = 0
        #: of those, input errors failing as before (nothing for --retry-errors to ask)
        self.standing_inputs = 0
        #: ids of lines written for no input item (mended, gone, forgotten: see ``written``)
        self.beyond: set[str] = set()
        #: such lines written, and containers found mended before: no input of this run
        self.not_inputs = 0
        self.first_started = 0.0

    def items(self, inputs: Iterable[Item]) -> Iterator[Item]:
        for item in skip_own(inputs, self.own):
            self.read += 1
            self.documents_read += isinstance(item, Document)
            item = visible(item)  # the names lines carry: valid UTF-8 (see escape_surrogates)
            if self.broken and item.source:
                self._note_mending(item.source)
            if item.source and (holder := _holder(item.source)) is not None:
                self.gave.add(holder)
            if isinstance(item, InputFailure) and item.source:
                self.cut_short.add(item.source)
            if (
                isinstance(item, InputFailure)
                and item.repeat
                and self.renamed.get(item.doc_id, item.doc_id) in self.seen
            ):
                self.repeated += 1  # read once already in this run: its one line is that one's
                continue
            read_as = item.doc_id
            item = self._identify(item)
            if item.doc_id != read_as and item.source and not made_name(read_as, item.source):
                self.renamed[read_as] = item.doc_id
            if (
                self.forget_unseen
                and isinstance(item, InputFailure)
                and not (item.skipped or item.duplicate)  # a duplicate id was read whole
            ):
                self._not_all_read(item)
            if item.doc_id in self.seen:
                item = self._as_duplicate(item)
            self.seen[item.doc_id] = item.source
            line = self.lines.pop(item.doc_id, None)
            if line is not None and line.source and line.text_sha256 != text_hash(item):
                self._forget_copy(item.doc_id, line.source, line.text_sha256)
            self._note_copy(item.doc_id, item.source, text_hash(item))
            if line is not None:
                why = self._redo(line, item)
                if why is None:
                    self.unchanged += 1
                    stands = line.status == "error" or line.incomplete
                    self.standing += stands
                    # an input error met again: not an incomplete ``ok`` line of an input
                    # skipped by choice since (a hidden file), which has no error to mend
                    self.standing_inputs += line.status == "error" and isinstance(
                        item, InputFailure
                    )
                    continue
                if why is KEEP:
                    assert isinstance(item, InputFailure)
                    self.kept_unreadable += 1
                    logger.warning(
                        f"{item.source}: {item.error}; its earlier result is kept (rerun once "
                        "it can be read)"
                    )
                    continue
                if why is not NEW:
                    self.changed.add(item.doc_id)
                if why not in ("changed", NEW):
                    self.redone[item.doc_id] = why
                    self.redone_errors += why == REDO_RETRY
            if isinstance(item, InputFailure) and item.skipped:
                self.not_read.add(item.doc_id)
            if not self.first_started:
                self.first_started = time.monotonic()
            yield item
        yield from self._mend()
        if self.every_input:  # under --limit a file may be read part way
            yield from self._gone()
        if self.forget_unseen:
            if not self.documents_read:  # an unmounted share, a pipe whose writer failed
                logger.warning("--forget-unseen: no input held a document this time, so "
                               "nothing is forgotten")  # fmt: skip
            else:
                yield from self._forget()
        # results whose input this run did not see: not the skipped lines (a forgotten input)
        self.unseen = sum(line.status != "skipped" for line in self.lines.values())

    def _note_mending(self, source: str) -> None:
        """Note a container (a damaged zip, a folder that could not be listed, a JSONL or CSV
        file that could not be opened) whose error or skipped line is in the output and that
        gives documents now (see :meth:`_mend`): ``source`` lies inside it as a member
        (``!``), a folder entry (``/``) or a row (``:<line>``, ``#<content key>``)."""
        for at, mark in enumerate(source):
            if mark not in "!/:#" or source[:at] not in self.broken:
                continue
            if mark == ":" and not source[at + 1 :].isdigit():
                continue
            if mark == "#" and not CONTENT_KEYED.fullmatch(source):
                continue
            self.mending[self.broken.pop(source[:at])] = source[:at]

    def _mend(self) -> Iterator[InputFailure]:
        """Once every input is read: a container that gave documents and no item of its own
        this time (a damage line of a tar keeps its id, and is matched as usual) has its
        error line superseded by a ``skipped`` line saying it is read now, instead of an
        error for ever; one mended before is unchanged."""
        for key, source in self.mending.items():
            if key in self.seen:
                continue
            line = self.lines.pop(key, None)
            if line is None:
                continue
            self.seen[key] = source
            if line.status == "skipped":
                self.unchanged += 1
                self.not_inputs += 1
                continue
            self.changed.add(key)
            self.not_read.add(key)
            self.beyond.add(key)
            reason = "read now: its documents have their own lines"
            yield InputFailure(key, source, reason, skipped=True)

    def _gone(self) -> Iterator[InputFailure]:
        """Once every input is read: the error line of a row or member that could not be
        read, when this run read its file or archive whole and that row or member was not
        in it, is superseded by a ``skipped`` line saying so. Such a line holds no result,
        only a state of the input that is past; left standing, it would be taken for the
        same failure if the same bad bytes came back, and a run whose input turned bad
        again would pass as "unchanged" (exit 0). Ok lines of rows no longer there are
        kept, as ever (``--forget-unseen`` supersedes those). Counted as ``gone``, not as
        ``forgotten``: that is what ``--forget-unseen`` did, and this run was not asked to."""
        for key, line in list(self.lines.items()):
            if line.status != "error" or line.kind != "input" or not line.source:
                continue
            holder = _holder(line.source)
            if holder is None or holder not in self.gave or holder in self.cut_short:
                continue
            if not os.path.isfile(holder.split("!", 1)[0]):
                continue  # a pipe: each run's holds other rows, none is gone for that
            del self.lines[key]
            self.seen[key] = line.source
            self.changed.add(key)
            self.not_read.add(key)
            self.redone[key] = REDO_GONE  # counted as gone: it is no input now
            self.beyond.add(key)
            yield InputFailure(key, line.source, f"no longer in {holder}", skipped=True)

    def _not_all_read(self, failure: InputFailure) -> None:
        """Note, for ``--forget-unseen``, what a failure leaves unknown: what was inside
        the source (a folder, an archive, a table), and for a row or member that failed,
        its whole file or archive (it could have been any of their documents): the lines
        from there are kept."""
        source = failure.source or failure.doc_id
        self.unreadable.add(source)  # new or as before
        if (holder := _holder(source)) is not None:
            self.unreadable.add(holder)

    def _forget(self) -> Iterator[InputFailure]:
        """Once every input is read, with ``--forget-unseen``: each ok or error line whose
        input was not among this run's gets a ``skipped`` line superseding it, so that
        flatten, view and eval leave its records out (a renamed file, an edited row without
        an id: its new line is written under its new id). A line is never deleted; one
        from inside a container that could not be read this run is kept as it is."""
        for key, line in list(self.lines.items()):
            if line.status == "skipped" or self._inside_unreadable(line.source):
                continue
            del self.lines[key]
            self.seen[key] = line.source
            self.changed.add(key)
            self.not_read.add(key)
            self.redone[key] = REDO_FORGOTTEN
            self.beyond.add(key)
            yield InputFailure(key, line.source or key, FORGOTTEN, skipped=True)

    def _inside_unreadable(self, source: str | None) -> bool:
        """Whether ``source`` is, or lies inside, a source that failed to be read this run
        (a folder, an archive, a JSONL file): a walk over its own prefixes, not the set."""
        if not source or not self.unreadable:
            return False
        return source in self.unreadable or any(
            source[:at] in self.unreadable for at, mark in enumerate(source) if mark in "!/:#"
        )

    def written(self, doc_id: str) -> tuple[bool, bool]:
        """Forget an id whose line is written; return whether it was (changed, not read)."""
        changed, not_read = doc_id in self.changed, doc_id in self.not_read
        self.changed.discard(doc_id)
        self.not_read.discard(doc_id)
        if doc_id in self.beyond:
            self.beyond.discard(doc_id)
            self.not_inputs += 1
        return changed, not_read

    def _identify(self, item: Item) -> Item:
        """The item under the id its document has in the output (see the class doc)."""
        source = item.source
        if not source:
            return item
        if not made_name(item.doc_id, source):
            return self._explicit(item, source)
        known = self.by_source.get(source)
        if known is None and self.by_row and (row := CONTENT_KEYED.fullmatch(source)):
            same = self.by_row.get((row["place"], text_hash(item)))
            known = same.pop(0) if same else None
        if known is not None and known != item.doc_id and known in self.lines:
            return _renamed(item, known)
        line = self.lines.get(item.doc_id)
        taken_by = line.source if line is not None else self.seen.get(item.doc_id, source)
        if taken_by and taken_by != source:
            # a label another source has: its own path, unless an explicit id took that too
            return _renamed(item, self._unheld(source, source))
        return item

    def _unheld(self, name: str, source: str) -> str:
        """``name``, or while another source's document holds it (an explicit id that spells
        a path or an ``<id>@<file>``), ``<name>@<this file>``: a document never takes over
        another's line, whichever order runs read them in."""
        container = id_container(name, source)
        for _ in range(MAX_RENAMES):
            held = self._source_of(name)
            if held is None or held == source or id_container(name, held) == container:
                return name
            name = beside_label(name, source)
        return name

    def _explicit(self, item: Item, source: str) -> Item:
        """The id of an item with an explicit id (an id column, a URI): the one its document
        has in the output, whichever run and order read it first.

        An explicit id is the user's identity, so a row moved to another file
        keeps its line. But the id may name another document already: the label
        a file was given (``z.txt`` for ``docs/z.txt``), or the same id in
        another file with another text (monthly exports numbered from 1; one URI
        in two crawls). This one is then ``<id>@<its file>``
        (:func:`~extractor.io.readers.beside_label`), never a replacement of the
        other's result nor a duplicate. The reader makes that choice within a
        run by reading order; here the output decides, so a document keeps the
        name it was first written under: a line (or an item of this run) under
        either name from this item's file is this document's.
        """
        base = _base_id(item.doc_id, source)
        container = id_container(base, source)
        beside = beside_label(base, source)
        # either name as the output spells it (as ids were read before, if written so)
        base_key, beside_key = self._as_written(base), self._as_written(beside)
        line = self.lines.get(base_key)
        owner = line.source if line is not None else self.seen.get(base_key)
        if owner and path_derived(base, owner):
            return _renamed(item, self._unheld(beside, source))
        for name in (base_key, beside_key):
            held = self._source_of(name)
            if held is not None and id_container(base, held) == container:
                return _renamed(item, name)  # this file's document, as the output names it
        copy = self.copies.get((base, text_hash(item) or UNKNOWN_HASH))
        if copy is not None and copy in self.lines:
            return _renamed(item, copy)  # a copy of a row in another file: that document
        if owner is None or line is None:
            return item  # a free id, or one given in this run: the reader's choice stands
        if line.text_sha256 in (text_hash(item), UNKNOWN_HASH):
            return _renamed(item, base_key)  # the same text: the same document, moved
        return _renamed(item, self._unheld(beside, source))

    def _as_written(self, name: str) -> str:
        """``name`` as the output spells it: as ids were read before (decomposed, with
        invisible characters at its edges) when only that is there, else itself."""
        if name in self.lines or name in self.seen:
            return name
        older = self.spelled_before.get(name)
        return older if older is not None and older in self.lines else name

    def _note_copy(self, doc_id: str, source: str | None, text: str | None) -> None:
        """Index an explicit id's document by its id as read and its text (see ``copies``);
        the first one stands, as the reader keeps the first copy."""
        if source and text not in (None, UNKNOWN_HASH) and not made_name(doc_id, source):
            assert text is not None
            self.copies.setdefault((_base_id(doc_id, source), text), doc_id)

    def _forget_copy(self, doc_id: str, source: str, text: str | None) -> None:
        """Drop the index entry of a line whose document has another text now (an edited row):
        a copy of its old text elsewhere is no longer this document."""
        key = (_base_id(doc_id, source), text or UNKNOWN_HASH)
        if self.copies.get(key) == doc_id:
            del self.copies[key]

    def _source_of(self, doc_id: str) -> str | None:
        """Where the document with this id came from: its output line, or this run."""
        line = self.lines.get(doc_id)
        return line.source if line is not None else self.seen.get(doc_id)

    def _redo(self, line: _Line, item: Item) -> str | None:
        """Why ``item``'s matched line is extracted again: None when it is done, :data:`KEEP`
        when the item could not be read and the line's result stands."""
        unreadable = isinstance(item, InputFailure) and not item.skipped
        if isinstance(item, InputFailure) and item.unread and line.status == "ok":
            return KEEP  # the system refused the read: the text is unknown, not changed
        if isinstance(item, InputFailure) and item.skipped and line.status == "ok":
            # passed over by choice this time (a hidden file named once on its own, then
            # met by a folder walk): nothing says its text changed, and its result stands;
            # superseded, it would be lost here and paid for again when named again
            return None
        if _was_forgotten(line):
            # its result was left out of the tables (--forget-unseen) and the line holds
            # no text to compare: the input is back, and new to the output's results
            return NEW
        if isinstance(item, InputFailure):
            # no text to ask about, so neither a retry nor a stopped run's redo applies: the
            # reader has just failed it again. Failing as before is done (rewriting it
            # would count an input error as "redone" that nothing extracted); failing
            # otherwise (an empty file that holds a NUL byte now, a skipped file that
            # breaks, an ok line's input turned bad) is news, so the line always says the
            # input's current state
            if line.status in ("error", "skipped"):
                return None if self._fails_as_before(line, item) else "changed"
            return "changed" if unreadable else None
        # an edited input is *changed*, whatever its line was: asked again because of what it
        # says now, not retried (an error line) nor redone as a stopped run's (a server error)
        digest = text_hash(item)
        if line.text_sha256 not in (digest, UNKNOWN_HASH):
            return "changed"
        current = input_hash(item if isinstance(item, Document) else None)
        if line.input_sha256 is not None and current is not None and line.input_sha256 != current:
            return "changed"
        if (
            isinstance(item, Document)
            and line.publisher != _NOT_RECORDED
            and line.publisher != government_country(item.url)
        ):
            return "changed"  # a government's own readout names its state without saying it
        if (line.status == "error" or line.incomplete) and self.retry_errors:
            return REDO_RETRY
        if line.status == "error" and line.kind in SERVER_KINDS:
            return REDO_STOPPED
        if line.status == "ok" and (options := self._asked_otherwise(line)):
            return asked_differently(options)
        return None

    @staticmethod
    def _fails_as_before(line: _Line, failure: InputFailure) -> bool:
        """Whether ``failure`` is the one ``line`` records: the same status and, where the
        line says why, the same reason, as a line writes it (redacted, clipped), wherever
        its input sits now (:func:`placeless`). A failure that only moved (a row inserted
        above a duplicate id, a folder renamed) is no news about the document: rewriting
        its line would cost nothing, but would count as a *changed* input that was never
        extracted again, and the dry run would plan an extraction that never happens."""
        if line.status != ("skipped" if failure.skipped else "error"):
            return False
        if line.reason is None:
            return True
        written = ErrorInfo("InputError", failure.error, "input").message
        return placeless(line.reason, line.source) == placeless(written, failure.source)

    def _asked_otherwise(self, line: _Line) -> list[str]:
        """The options this run asks otherwise than ``line`` was asked (none: done). Each is
        named, so a summary says what made a rerun pay again (``--strategy`` and
        ``--second-look`` both change the ``strategy`` a line records)."""
        asked, options = self.asked, []
        if asked.types and line.types is not None and not set(asked.types) <= set(line.types):
            options.append("--types")
        if (
            asked.model
            and line.model
            and canonical_model(line.model) != canonical_model(asked.model)
        ):
            options.append("--model")
        if asked.strategy and line.strategy and line.strategy != asked.strategy:
            base_asked, look_asked, _ = asked.strategy.partition(SECOND_LOOK_MARK)
            base_line, look_line, _ = line.strategy.partition(SECOND_LOOK_MARK)
            if base_asked != base_line and not self._one_type_each(line):
                options.append("--strategy")
            if look_asked != look_line:
                options.append("--second-look")
        return options

    def _one_type_each(self, line: _Line) -> bool:
        """Whether ``line`` was asked about one type and this run asks about one: then
        ``single`` and ``per-type`` send the very same calls (``single`` joins types only
        when it has several to join, :func:`~extractor.pipeline.requests.plan_chunk`), so
        another ``--strategy`` changes no request, and a redo would pay again for the same
        answers. A line that does not record its types is compared as before."""
        return (
            line.types is not None and len(set(line.types)) == 1 and len(set(self.asked.types)) == 1
        )

    def _as_duplicate(self, item: Item) -> InputFailure:
        """The n-th occurrence of an id becomes an error under ``<id>#duplicate-<n>``."""
        failure = as_duplicate(item, self.seen)
        self.duplicate_of[failure.doc_id] = item.doc_id
        return failure


#: A position in a file that a failure's reason names: ``line 3``, ``lines 3-5``, or the
#: ``:3`` after a path (``first seen in /data/rows.jsonl:3``).
_POSITION = re.compile(r"(\blines? )[0-9]+(?:-[0-9]+)?|(?<=[^\s:]):[0-9]+\b")


def asked_differently(options: Sequence[str]) -> str:
    """The redo reason of a line asked with other ``options`` than this run's, naming them
    (``asked differently: other --strategy``): one reason per set of options, counted apart."""
    return f"{REDO_ASKED}: other {', '.join(options)}"


def placeless(reason: str, source: str | None) -> str:
    """``reason`` without where its input sits: the file (``source``'s file on disk, see
    :func:`_holder`) and that file's folder replaced by marks, line numbers by ``#``.

    A failure's reason may name places (``line 7: ...``, ``duplicate id (first seen in
    /data/rows.jsonl:3)``) that move when nothing about the document changed: a row
    inserted above it, the folder renamed. Two reasons equal once placeless are the same
    failure (see :meth:`_Plan._fails_as_before`), as an explicit id's document is the same
    document wherever its row now sits.
    """
    if source:
        outer = source.split("!", 1)[0]
        file = _holder(outer) or outer
        if os.path.isabs(file):  # a real path (a source always is): never a bare word
            reason = reason.replace(file, "<file>")
            folder = os.path.dirname(file)
            if len(folder) > 1:
                reason = reason.replace(folder, "<folder>")
    return _POSITION.sub(lambda found: f"{found.group(1) or ':'}#", reason)


def as_duplicate(item: Item, taken: Container[str]) -> InputFailure:
    """A repeated id's item as the error of its n-th occurrence, ``<id>#duplicate-<n>``.

    The first occurrence owns the id; a later one cannot be written under it
    without superseding that document's line, so it becomes an error line
    under the first derived id not in ``taken``: stable as long as the inputs
    are the same. Every driver (bulk, processes, Ray, the rows path) names
    duplicates this one way.
    """
    number = 2
    while f"{item.doc_id}{DUPLICATE_MARK}{number}" in taken:
        number += 1
    derived = f"{item.doc_id}{DUPLICATE_MARK}{number}"
    reason = item.error if isinstance(item, InputFailure) else "duplicate id"
    return InputFailure(
        derived,
        item.source or item.doc_id,
        f"{reason}: this copy was not extracted; give it a unique id to include it",
    )


def stop_if_interrupted() -> None:
    """Raise CancelledError when Ctrl-C or SIGTERM asked this task to stop and an await
    swallowed the request (a cancellation racing a result can be lost in the libraries
    below): the run then stops after the line it just wrote instead of running to the end.
    Called between lines only, never during the run's cleanup."""
    task = asyncio.current_task()
    if task is not None and task.cancelling():
        raise asyncio.CancelledError


def _renamed(item: Item, doc_id: str) -> Item:
    return item if item.doc_id == doc_id else dataclasses.replace(item, doc_id=doc_id)


def _base_id(doc_id: str, source: str) -> str:
    """An explicit id as its input gives it: without the ``@<its file>`` the reader adds
    when another file's document has the id (:func:`~extractor.io.readers.beside_label`)."""
    base, at, file = doc_id.rpartition("@")
    return base if at and base and file == id_container(base, source) else doc_id


def input_hash(document: Document | None) -> str | None:
    """A hash of the text, the publication date (it resolves relative dates) and the title:
    what changes an input's result, but for its ``url``, of which only the publishing
    government it implies counts (compared apart, :meth:`_Plan._redo`, so that a changed
    address of the same publisher is no change). None without a document."""
    if document is None:
        return None
    published = document.published.isoformat() if document.published else ""
    payload = "\0".join((document.text_sha256, published, document.title or ""))
    return hashlib.sha256(payload.encode("utf-8", "surrogatepass")).hexdigest()


def text_hash(item: Item) -> str | None:
    """The ``text_sha256`` a line for ``item`` records: its text's, None without a text."""
    return item.text_sha256 if isinstance(item, Document) else None


def skip_own(items: Iterable[Item], own: tuple[str, ...]) -> Iterator[Item]:
    """The items, without those read from the run's own files (``own``: real paths).

    An item's ``source`` is the real path of its file, or that path followed
    by ``!member``, ``#content-hash`` or ``:line`` for a unit inside it.
    """
    if not own:
        yield from items
        return
    prefixes = tuple(path + mark for path in own for mark in ("!", ":", "#"))
    inodes = _inodes_of(own)
    for item in items:
        source = item.source or ""
        if source in own or source.startswith(prefixes):
            continue
        if isinstance(item, InputFailure) and item.skipped and inodes:
            item = _own_by_another_name(item, inodes)
        yield item


def _inodes_of(paths: Iterable[str]) -> dict[tuple[int, int], str]:
    """The (device, inode) of each of ``paths`` that exists, to its path."""
    found: dict[tuple[int, int], str] = {}
    for path in paths:
        try:
            info = os.stat(path)
        except OSError:
            continue
        found[(info.st_dev, info.st_ino)] = path
    return found


def _own_by_another_name(
    failure: InputFailure, inodes: Mapping[tuple[int, int], str]
) -> InputFailure:
    """``failure`` (a file passed over in a folder), saying so when the file is one of the
    run's own under another name (a hard link in an input folder): the reader's advice for
    an earlier output, "name it on the command line", is refused for this one (a run never
    reads its own output), so the line says what works instead."""
    try:
        info = os.stat(failure.source, follow_symlinks=False)
    except (OSError, ValueError):
        return failure
    own = inodes.get((info.st_dev, info.st_ino))
    if own is None or not stat.S_ISREG(info.st_mode):
        return failure
    return dataclasses.replace(
        failure,
        error=(
            f"a hard link to this run's own output ({own!r}), not read: a run never reads "
            "its own output; to extract the texts it holds again, name a copy of it (cp, "
            "not ln) instead"
        ),
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
    """How to read the inputs (see :func:`~extractor.io.iter_inputs`).

    ``stream_wait``: seconds a FIFO given as an input may go without a writer
    before it becomes an error line (None: :data:`~extractor.io.readers.STREAM_WAIT_SECONDS`).
    """

    id_field: str = "id"
    text_field: str = "text"
    date_field: str = "published"
    title_field: str = "title"
    stream_wait: float | None = None

    def __post_init__(self) -> None:
        _ = self.fields  # a blank name: the ValueError naming it, before anything is read

    @property
    def fields(self) -> RecordFields:
        return RecordFields(
            id=self.id_field, text=self.text_field, date=self.date_field, title=self.title_field
        )

    def read(
        self,
        inputs: Sequence[str | os.PathLike[str]],
        exclude: Sequence[str | os.PathLike[str]] = (),
    ) -> Iterator[Item]:
        """The items of ``inputs``; files in ``exclude`` (the run's own output) are never read.

        A text field the rows evidently do not use stops the reading with
        :class:`~extractor.errors.UnusedField` (see :class:`~extractor.io.field_check.FieldCheck`).
        """
        items = iter_inputs(
            inputs, id_field=self.id_field, text_field=self.text_field,
            date_field=self.date_field, title_field=self.title_field, exclude=exclude,
            stream_wait=self.stream_wait,
        )  # fmt: skip
        chosen = self.text_field != RecordFields().text  # a chosen name claims every table
        return FieldCheck(items, self.fields, None if chosen else inputs)


class _Ahead(Iterator[Item]):
    """``items`` with its first item read already (:func:`_ahead`); closes ``items``."""

    def __init__(self, first: list[Item], items: Iterator[Item]) -> None:
        self._first, self._items = first, items

    def __next__(self) -> Item:
        return self._first.pop() if self._first else next(self._items)

    def close(self) -> None:
        close_items(self._items)


def _ahead(items: Iterable[Item]) -> Iterator[Item]:
    """``items``, its first item read: what stops the reading before any item is let
    through (:class:`~extractor.errors.UnusedField`) is raised here, before the run opens its output."""
    iterator = iter(items)
    first = list(itertools.islice(iterator, 1))
    return _Ahead(first, iterator)


class BulkRun:
    """One bulk conversion; ``summary`` is live while it runs and final after.

    Construct, then ``await run.run()`` (or :func:`run_bulk`). The inputs and
    the output path are checked on construction, so a mistyped path or an
    output that cannot be written fails before anything is done; so is the
    model configuration when no extractor is given.
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
        forget_unseen: bool = False,
        fsync: bool = False,
        abort_after: int | None = None,
        progress: ProgressReporter | None = None,
        every_input: bool = True,
        price: Price | None = None,
        **extractor_options: Any,
    ) -> None:
        if not os.fspath(output) or os.fspath(output).endswith(("/", os.sep)):
            check_output(output)  # an empty path or a folder's: Path() would lose what it says
        self.inputs = list(inputs)
        #: The user's list price (``--price``), else the built-in list's: see :meth:`cost`.
        self.price = price
        self.output = Path(output)
        self.input_options = input_options or InputOptions()
        # raises for a missing path; never reads the run's own output
        self.items = self.input_options.read(self.inputs, exclude=[self.output])
        self.target: OutputTarget = check_output(self.output)
        refuse_output_as_input(self.inputs, self.target)
        self._owned = extractor is None
        self.extractor = extractor if extractor is not None else Extractor(**extractor_options)
        self.concurrency = concurrency
        self.retry_errors = retry_errors
        self.forget_unseen = forget_unseen
        self.fsync = fsync
        self.abort_after = abort_after
        self.progress: ProgressReporter = progress or NoProgress()
        self.summary = BulkSummary(output=str(self.output), model=self.extractor.spec.label)
        self.total: int | None = None
        self.started = False  # the output is open: from here on, the summary means something
        #: False when the run reads only some of its inputs (``--limit``): what it does not
        #: see is not known to be gone (see ``_Plan``)
        self.every_input = every_input
        self._count_total = every_input and all(
            is_rereadable(path) and not _expensive(path) for path in self.inputs
        )
        self._clock_start = 0.0
        self._ended = 0.0
        self._stop_counting = threading.Event()
        self._plan = _Plan({})

    # -- running -------------------------------------------------------------
    async def run(self) -> BulkSummary:
        """Convert every input not yet in the output (or changed since); return the summary."""
        try:
            await self._run()
        finally:
            close_items(self.items)
            if self._owned:
                await self.extractor.aclose()
                self.extractor.close()
        return self.summary

    def _new_plan(self, output: Any) -> _Plan:
        """The run's plan over the open ``output``: one for every engine (plain, batch, Ray),
        so each resumes, redoes and keeps lines alike."""
        info = self._info()
        plan = self._plan = _Plan(
            output.done, self.target.own_paths(), output.sources,
            lines=existing_lines(self.target), retry_errors=self.retry_errors,
            forget_unseen=self.forget_unseen, every_input=self.every_input,
            asked=Asked(types=info.types, model=info.model, strategy=info.strategy),
        )  # fmt: skip
        self.summary.already_done = plan.already_done
        return plan

    async def _run(self) -> None:
        """The frame every engine shares: the output opened and locked, the plan made, the
        progress shown, the summary finished however the run ends. What an engine does in
        between is :meth:`_convert` (plain: live calls; batch API; Ray)."""
        self._clock_start = time.monotonic()
        await check_reachable(self.extractor.spec.base_url)
        # a misnamed text field is refused before the output is opened (FieldCheck)
        self.items = await asyncio.to_thread(_ahead, self.items)
        # error lines are never dropped up front: the plan redoes them (see _Plan)
        with open_output(self.target, fsync=self.fsync) as output:
            self.started = True
            plan = self._new_plan(output)
            if self._count_total:
                self._start_counting()
            self.progress.start(self)
            ticker = asyncio.create_task(self._tick())
            try:
                await self._convert(output, plan)
            except BaseException as error:
                self.summary.stopped = _stop_reason(error)
                raise
            finally:
                ticker.cancel()
                self._stop_counting.set()
                await self._close()
                self._finish()
                self.progress.stop(self)

    async def _convert(self, output: OutputFile, plan: _Plan) -> None:
        """Extract what ``plan`` lets through and write one line each: live calls here."""
        info = self._info()
        stream = extract_many(
            plan.items(self.items), extractor=self.extractor,
            concurrency=self.concurrency, abort_after=self.abort_after,
        )  # fmt: skip
        async with contextlib.aclosing(stream):
            async for result in stream:
                changed, not_read = plan.written(result.doc_id)
                redone = plan.redone.pop(result.doc_id, None)
                duplicate_of = plan.duplicate_of.get(result.doc_id)
                line = result_line(result, info, duplicate_of=duplicate_of, not_read=not_read)
                output.write(line)
                self.summary.add(result, changed=changed, not_read=not_read, redone=redone)
                self._refresh()
                stop_if_interrupted()

    async def _close(self) -> None:
        """Release what :meth:`_convert` opened, however the run ended."""

    def _write_row(
        self, output: OutputFile, pending: set[str], doc_id: str, line: str, reason: str | None
    ) -> None:
        """Write a worker's result line (an engine whose workers send result rows: Ray,
        worker processes), once: a row delivered again (a retried task) is dropped."""
        if doc_id not in pending:
            return
        pending.discard(doc_id)
        record = json.loads(line)
        output.write(record)
        changed, not_read = self._plan.written(doc_id)
        redone = self._plan.redone.pop(doc_id, None)
        self.summary.add_line(record, reason, changed=changed, not_read=not_read, redone=redone)
        self._refresh()
        stop_if_interrupted()

    def _refresh(self) -> None:
        summary, plan = self.summary, self._plan
        now = self._ended or time.monotonic()
        summary.unchanged = plan.unchanged
        summary.repeated = plan.repeated
        summary.unreadable = plan.kept_unreadable
        summary.not_inputs = plan.not_inputs
        summary.elapsed = now - self._clock_start
        summary.working = now - plan.first_started if plan.first_started else 0.0
        self.progress.update(self)

    async def _tick(self) -> None:
        """Refresh the display while no document finishes (a slow model)."""
        while True:
            await asyncio.sleep(1.0)
            self._refresh()

    def _finish(self) -> None:
        self._ended = time.monotonic()
        summary = self.summary
        summary.unchanged = self._plan.unchanged
        summary.repeated = self._plan.repeated
        summary.unreadable = self._plan.kept_unreadable
        summary.unseen = self._plan.unseen
        summary.standing = self._plan.standing
        summary.standing_inputs = self._plan.standing_inputs
        summary.not_inputs = self._plan.not_inputs
        summary.elapsed = self._ended - self._clock_start
        first = self._plan.first_started
        summary.working = self._ended - first if first else 0.0
        summary.cost_usd = self.cost(summary.prompt_tokens, summary.completion_tokens)

    def cost(self, prompt_tokens: int, completion_tokens: int) -> float | None:
        """USD at the list price: the run's ``price`` if given, else the built-in list's
        (None when unknown). A carrier with its own discount (a batch API) scales it."""
        if self.price is not None:
            return priced(self.price, prompt_tokens, completion_tokens)
        spec = self.extractor.spec
        return estimate_cost(spec.label, prompt_tokens, completion_tokens, spec.base_url)

    def _info(self) -> RunInfo:
        return RunInfo.of(self.extractor)

    # -- progress estimates ----------------------------------------------------
    def rate(self) -> float:
        """Documents per second: :attr:`BulkSummary.docs_per_second`, live (one definition)."""
        return self.summary.docs_per_second

    def eta(self) -> float | None:
        """Seconds left, once the total is counted and a rate is known."""
        rate = self.rate()
        if self.total is None or rate <= 0:
            return None
        return max(0.0, (self.total - self.summary.settled) / rate)

    def _start_counting(self) -> None:
        """Count the input units in a background thread, for the bar's total and the ETA.

        Only when every input can be read twice (regular files and folders,
        see :func:`~extractor.io.is_rereadable`): a second reader of a FIFO
        would steal its documents.
        """
        own = self.target.own_paths()

        def count() -> None:
            total = 0
            items: Iterable[Item] = ()
            try:  # opening the inputs again too: one removed since the run began raises
                items = self.input_options.read(self.inputs, exclude=[self.output])
                for _ in skip_own(items, own):
                    if self._stop_counting.is_set():
                        return
                    total += 1
            except Exception:  # only an estimate: never let it disturb the run
                return
            finally:
                close_items(items)
            self.total = total

        threading.Thread(target=count, name="bulk-count", daemon=True).start()


def unreachable(
    why: Literal["refused", "unknown host"], base_url: str | None, proxy: str | None = None
) -> ConfigurationError:
    """The one line for a model server, or the proxy before it (``proxy``), that cannot be
    reached for sure: nothing listens there, or no resolver knows its host name. Said
    alike by the quick checks of bulk (:func:`check_reachable`) and extract."""
    if proxy is not None:
        what = (
            f"the proxy {redact(proxy)} that the environment puts between us and "
            f"{redact(base_url) if base_url else 'the provider'}"
        )
        fix = "fix HTTPS_PROXY / HTTP_PROXY / ALL_PROXY, or name the server's host in NO_PROXY"
    else:
        what, fix = f"the model server at {base_url}", "fix --base-url / EXTRACTOR_BASE_URL"
    if why == "refused":
        return ConfigurationError(f"cannot reach {what} (connection refused): start it, or {fix}")
    address = proxy if proxy is not None else base_url or ""
    host = urlsplit(address if "://" in address else f"http://{address}").hostname
    return ConfigurationError(
        f"cannot reach {what}: its host name {host!r} is not known (a typo?); {fix}"
    )


async def check_reachable(base_url: str | None, *, timeout: float = 5.0) -> None:
    """Fail at once when nothing listens at ``base_url`` (None: a provider's own API), or
    at the proxy the environment puts in the way (:func:`~extractor.settings.proxy_for`).

    Without this a mistyped port, a server that is not started or a dead
    proxy costs every document its whole retry budget (half a minute or
    more) before the run gives up, and a dead proxy reads as a dead server.
    Only a refused connection counts: a slow answer or a DNS failure is left
    to the run's own retries to judge.
    """
    proxy = proxy_for(base_url)
    target = proxy if proxy is not None else base_url
    if target is None:
        return
    parts = urlsplit(target if "://" in target else f"http://{target}")
    if not parts.hostname:
        return
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
        connecting = asyncio.open_connection(parts.hostname, port)
        _, writer = await asyncio.wait_for(connecting, timeout)
    except ConnectionRefusedError as error:
        raise unreachable("refused", base_url, proxy) from error
    except socket.gaierror as error:
        if error.errno != socket.EAI_NONAME:  # "temporary failure": the run's retries judge
            return
        raise unreachable("unknown host", base_url, proxy) from error
    except (OSError, TimeoutError, ValueError):  # ValueError: a port that is no number
        return
    writer.close()
    with contextlib.suppress(OSError):
        await writer.wait_closed()


def _expensive(path: str | os.PathLike[str]) -> bool:
    """WARC pages go through trafilatura: counting them would parse everything twice."""
    return os.fspath(path).lower().endswith((".warc", ".warc.gz"))


def refuse_output_as_input(inputs: Sequence[str | os.PathLike[str]], output: OutputTarget) -> None:
    """Refuse an input that is the output file itself (by inode, whatever the spelling: a
    symlink, a hard link, ``./``), before any work: the run and its dry run alike.

    The line says what to do: a run never reads its own output, so the way to extract the
    texts it holds again is a copy (a hard link is the same file, growing as the run writes).
    """
    if output.kind != "file":
        return
    for raw in inputs:
        name = os.fspath(raw)
        try:
            same = os.path.lexists(name) and os.path.samefile(name, output.target)
        except (OSError, ValueError):
            same = False
        if same:
            raise ConfigurationError(
                f"{output.path}: is also given as an input ({name}); a run never reads its "
                "own output: to extract the texts it holds again, name a copy of it (cp, "
                "not ln) instead"
            )


def _stop_reason(error: BaseException) -> str:
    """Why the run stopped, in one redacted line (the summary's ``stopped``)."""

    if isinstance(error, KeyboardInterrupt | asyncio.CancelledError):
        return "interrupted; rerun the same command to resume"
    return " ".join(redact(f"{type(error).__name__}: {error}").split())


def run_bulk(
    inputs: Sequence[str | os.PathLike[str]],
    output: str | os.PathLike[str],
    **options: Any,
) -> BulkSummary:
    """Blocking bulk conversion (see :class:`BulkRun` for the options)."""
    return aio.run(BulkRun(inputs, output, **options).run())
