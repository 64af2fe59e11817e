"""What a bulk run would do, before it runs: ``extractor bulk --dry-run``.

Reads the inputs and the existing output exactly as the run would and
decides every input the same way, by the run's own plan
(:class:`extractor.bulk.runner._Plan`): new, changed (extracted again),
unchanged (skipped), an error line without a call (unreadable, a duplicate
id, an id collision) or not read. Nothing is sent to a model and nothing is
written; the output is read, never repaired or locked.

Tokens are estimated from the requests the run would send: the same chunks,
lexical gate, prompts and calls (:func:`extractor.pipeline.requests.plan_chunk`,
what the engine sends). A prompt's tokens are its characters divided by
:data:`CHARS_PER_TOKEN`, plus the answer schema when the server does not take
it as a grammar; a call's completion is :data:`COMPLETION_TOKENS` (one type)
or :data:`SEVERAL_TYPES_COMPLETION_TOKENS` (``single`` asking for several).
Both constants are measured on the recorded answers of the embedded 1.5B
model (``tests/cassettes``; see BENCHMARKS.md): 4.25 characters per token
(3.4 to 4.6 per request), 92 completion tokens per ``per-type`` call and 316
per ``single`` call. On the 28 recorded development documents the estimate
plans exactly the 59 first requests the model got, and their prompt tokens
to 0.3 % (81,098 against 81,365), completion to 9 %. Re-asks are not
foreseen (they add calls when a model answers badly: the 1.5B model's
re-asks brought the same set to 1.8 times the first attempts' tokens), nor
are cache hits; so this is an estimate of the first attempt of every call,
to be compared with the run's summary after.

Planning the requests costs about 20 ms a document (language detection,
sentences, the prompt), so the first :data:`EXACT_DOCUMENTS` documents to
extract are planned exactly and the rest extrapolated by their length (the
sample's calls and tokens per character of text); counting is always exact.

Cost: ``price`` (USD per million prompt and completion tokens, ``--price``)
when given, else the provider's list price
(:func:`extractor.bulk.runner.estimate_cost`), else unknown.
"""

from __future__ import annotations

import json
import math
import os
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extractor.bulk.runner import (
    REDO_FORGOTTEN,
    REDO_GONE,
    Asked,
    InputOptions,
    Price,
    _Plan,
    estimate_cost,
    existing_lines,
    priced,
    refuse_output_as_input,
    skip_own,
)
from extractor.io import InputFailure, Item
from extractor.io.output import (
    UNKNOWN_HASH,
    OutputTarget,
    check_output,
    check_own_output,
    check_resumable,
    latest_lines,
)
from extractor.pipeline.chunking import chunk_text
from extractor.pipeline.document import Document
from extractor.pipeline.engine import Extractor

__all__ = [
    "CHARS_PER_TOKEN",
    "COMPLETION_TOKENS",
    "EXACT_DOCUMENTS",
    "SEVERAL_TYPES_COMPLETION_TOKENS",
    "Price",
    "RunEstimate",
    "estimate_document",
    "estimate_run",
    "first",
    "parse_price",
    "priced",
]

#: Characters of prompt per token (measured: see the module doc).
CHARS_PER_TOKEN = 4.25
#: Completion tokens of a call about one type (measured).
COMPLETION_TOKENS = 92
#: Completion tokens of one ``single`` call about several types (measured).
SEVERAL_TYPES_COMPLETION_TOKENS = 316

#: Documents whose requests are planned exactly; the rest are extrapolated by length.
EXACT_DOCUMENTS = 1000


#: USD per million (prompt, completion) tokens.
def parse_price(text: str) -> Price:
    """``"0.15/0.60"`` -> (0.15, 0.6): USD per million prompt / completion tokens.

    Raises ValueError, saying what is expected, for anything else (a missing
    half, a negative, infinite or not-a-number price).
    """
    parts = text.split("/")
    if len(parts) != 2:
        raise ValueError(f"{text!r} is not IN/OUT, such as 0.15/0.60 (USD per million tokens)")
    try:
        prompt, completion = (float(part) for part in parts)
    except ValueError:
        raise ValueError(f"{text!r}: both prices must be numbers, such as 0.15/0.60") from None
    if not all(math.isfinite(p) and p >= 0 for p in (prompt, completion)):
        raise ValueError(f"{text!r}: prices are 0 or more, and finite")
    return prompt, completion


@dataclass
class RunEstimate:
    """What a bulk run would do; see the module doc.

    ``lines`` is how many lines the run would write (``new`` + ``changed`` + ``redone``
    + ``forgotten`` + ``gone``; as many as ``to_extract`` + ``failures`` + ``not_read`` +
    ``forgotten`` + ``gone``), ``unchanged``
    how many inputs it would skip. ``no_call`` counts the documents to
    extract in which the lexical gate finds no type's words (no call, an
    empty result). ``planned`` is how many documents' requests were planned
    exactly; the others' calls and tokens are extrapolated (see the module
    doc), so then ``no_call`` counts the planned ones only.
    """

    output: str
    model: str
    read: int = 0
    lines: int = 0
    new: int = 0
    changed: int = 0
    #: Lines written again though their input is unchanged.
    redone: int = 0
    #: Lines superseded by a skipped line, no extraction (see ``BulkSummary.forgotten``).
    forgotten: int = 0
    #: Past input errors superseded by a skipped line, no extraction (``BulkSummary.gone``).
    gone: int = 0
    unchanged: int = 0
    #: Inputs that are a document read already in this run (no line; see ``BulkSummary``).
    repeated: int = 0
    to_extract: int = 0
    #: Of ``to_extract``, by why each is extracted: ``new`` (no line yet), ``changed`` (its
    #: text, title, date or publisher changed) or the redo reason the run's summary counts
    #: it under (``asked differently: other --strategy``, a server failure, --retry-errors).
    extract_reasons: Counter[str] = field(default_factory=Counter)
    #: Of ``redone``, by why (the run's ``BulkSummary.redone``), extracted or not.
    redone_reasons: Counter[str] = field(default_factory=Counter)
    failures: int = 0
    not_read: int = 0
    no_call: int = 0
    planned: int = 0
    already_done: int = 0
    calls: int = 0
    #: With second looks: the most calls they may add (one per call about one type whose
    #: chunk has the type's words, if its answer is empty); not in ``calls``.
    second_looks: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    price: Price | None = None
    price_source: str | None = None
    #: The share of the list price paid (0.5 through a batch API).
    price_factor: float = 1.0
    cost_usd: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "dry_run": True,
            "output": self.output,
            "model": self.model,
            "read": self.read,
            "lines": self.lines,
            "new": self.new,
            "changed": self.changed,
            "redone": self.redone,
            "forgotten": self.forgotten,
            "gone": self.gone,
            "unchanged": self.unchanged,
            "repeated": self.repeated,
            "to_extract": self.to_extract,
            "to_extract_by_reason": dict(self.extract_reasons.most_common()),
            "redone_by_reason": dict(self.redone_reasons.most_common()),
            "failures": self.failures,
            "not_read": self.not_read,
            "no_call": self.no_call,
            "planned": self.planned,
            "already_done": self.already_done,
            "calls": self.calls,
            "second_looks_at_most": self.second_looks,
            "usage": {
                "prompt_tokens": self.prompt_tokens,
                "completion_tokens": self.completion_tokens,
                "total_tokens": self.prompt_tokens + self.completion_tokens,
            },
            "price_per_million": list(self.price) if self.price else None,
            "price_source": self.price_source,
            "price_factor": self.price_factor,
            "cost_usd": None if self.cost_usd is None else round(self.cost_usd, 4),
        }


def estimate_document(document: Document, extractor: Extractor) -> tuple[int, int, int]:
    """(calls, prompt tokens, completion tokens) of the first attempt of every call."""
    calls, prompt, completion, _ = _planned(document, extractor)
    return calls, prompt, completion


def _planned(document: Document, extractor: Extractor) -> tuple[int, int, int, int]:
    """:func:`estimate_document`'s figures and the second looks ``extractor`` may add: one
    per call about one type whose chunk has that type's words (asked only if its answer is
    empty). One planning of each chunk serves both."""
    from extractor.pipeline.requests import plan_chunk, second_look

    schema_in_prompt = not extractor.spec.sends_schema_format
    calls = prompt = completion = looks = 0
    chunks = chunk_text(
        document.text, max_chars=extractor.chunk_chars, overlap_chars=extractor.chunk_overlap
    )
    for chunk in chunks:
        plan = plan_chunk(
            chunk, document.published, document.doc_id, extractor.types, extractor.strategy
        )
        for call in plan.calls:
            chars = sum(len(str(message.get("content", ""))) for message in call.messages)
            if schema_in_prompt:
                chars += len(json.dumps(call.model.model_json_schema()))
            calls += 1
            prompt += math.ceil(chars / CHARS_PER_TOKEN)
            several = len(call.kinds) > 1
            completion += SEVERAL_TYPES_COMPLETION_TOKENS if several else COMPLETION_TOKENS
            if extractor.second_look:
                looks += second_look(plan, call, ()) is not None
    return calls, prompt, completion, looks


def first(items: Iterator[Item], count: int | None) -> Iterator[Item]:
    """The items up to the ``count``-th document (all for None); closes ``items`` when
    done, read or not.

    ``--limit N`` is N documents: a unit that is no document (a hidden file
    skipped, a read error, a repeat) passes with its line but takes no place,
    else a folder of clutter would leave a sample short of N articles, and fewer
    on each rerun that found more of it. Stops without reading the item after
    the last document, so a stream is not read further than needed.
    """
    try:
        if count is None:
            yield from items
            return
        left = count
        while left > 0:
            item = next(items, None)
            if item is None:
                return
            yield item
            left -= isinstance(item, Document)
    finally:
        close = getattr(items, "close", None)
        if close is not None:
            close()


def _existing(
    target: OutputTarget, shown: Path, retry_errors: bool
) -> tuple[dict[str, str | None], dict[str, str | None]]:
    """The output's winning lines as the run would read them: (id -> text hash, id -> source).

    Read only: a torn last line is left out, not cut off. With
    ``retry_errors`` the error lines count as not done (the run drops them).

    Raises what the run's opening raises (:func:`~extractor.io.output.check_resumable`): a dry run
    that planned over a damaged output would promise a run that then refuses it.
    """
    done: dict[str, str | None] = {}
    sources: dict[str, str | None] = {}
    if target.kind == "stream" or not os.path.exists(target.target):
        return done, sources
    check_own_output(target.target, shown=shown)
    check_resumable(target.target)
    for line in latest_lines(target.target):
        if retry_errors and line.get("status") == "error":
            continue
        doc_id = line["doc_id"]
        digest = line.get("text_sha256", UNKNOWN_HASH)
        done[doc_id] = digest if isinstance(digest, str) else None
        source = line.get("source")
        sources[doc_id] = source if isinstance(source, str) else None
    return done, sources


def estimate_run(
    inputs: Sequence[str | os.PathLike[str]],
    output: str | os.PathLike[str],
    *,
    extractor: Extractor,
    input_options: InputOptions | None = None,
    retry_errors: bool = False,
    forget_unseen: bool = False,
    limit: int | None = None,
    price: Price | None = None,
    price_factor: float = 1.0,
) -> RunEstimate:
    """What ``BulkRun(inputs, output, ...)`` would do (see the module doc); nothing is sent.

    ``price_factor`` scales the list price: 0.5 for a provider's batch API.

    Raises what the run would raise before any work: an input path that does
    not exist, an output that cannot be written or is not an extractor output.
    """
    options = input_options or InputOptions()
    target = check_output(output)
    items = options.read(inputs, exclude=[output])
    try:
        # the run refuses its own output given as an input (a symlink, a hard link, another
        # spelling); a dry run that planned it would promise a run that never starts
        refuse_output_as_input(inputs, target)
        done, sources = _existing(target, Path(output), retry_errors)
    except BaseException:
        close = getattr(items, "close", None)
        if close is not None:
            close()
        raise
    estimate = RunEstimate(output=str(output), model=extractor.spec.label)
    # the run's own plan, fed the run's view of the output (issue #14: see runner._Plan)
    plan = _Plan(
        done, target.own_paths(), sources, lines=existing_lines(target), retry_errors=retry_errors,
        forget_unseen=forget_unseen, every_input=limit is None,
        asked=Asked(types=tuple(extractor.types), model=extractor.spec.label,
                    strategy=extractor.asked),
    )  # fmt: skip
    estimate.already_done = plan.already_done
    planned_chars = rest_chars = 0
    for item in plan.items(_counted(first(skip_own(items, target.own_paths()), limit), estimate)):
        estimate.lines += 1
        if isinstance(item, InputFailure):
            if item.skipped and plan.redone.get(item.doc_id) == REDO_FORGOTTEN:
                estimate.forgotten += 1  # superseded, no extraction (as the run counts it)
            elif item.skipped and plan.redone.get(item.doc_id) == REDO_GONE:
                estimate.gone += 1  # a past failure superseded, no extraction
            elif item.skipped:
                estimate.not_read += 1
            else:
                estimate.failures += 1
            continue
        estimate.to_extract += 1
        estimate.extract_reasons[_extract_reason(plan, item.doc_id)] += 1
        if estimate.planned >= EXACT_DOCUMENTS:
            rest_chars += len(item.text)
            continue
        calls, prompt, completion, looks = _planned(item, extractor)
        estimate.planned += 1
        planned_chars += len(item.text)
        estimate.no_call += calls == 0
        estimate.calls += calls
        estimate.second_looks += looks
        estimate.prompt_tokens += prompt
        estimate.completion_tokens += completion
    if rest_chars and planned_chars:
        scale = rest_chars / planned_chars
        estimate.calls += round(estimate.calls * scale)
        estimate.second_looks += round(estimate.second_looks * scale)
        estimate.prompt_tokens += round(estimate.prompt_tokens * scale)
        estimate.completion_tokens += round(estimate.completion_tokens * scale)
    estimate.unchanged = plan.unchanged
    estimate.repeated = plan.repeated
    estimate.redone_reasons = Counter(
        why for why in plan.redone.values() if why not in (REDO_FORGOTTEN, REDO_GONE)
    )
    redone_or_forgotten = len(plan.redone)  # all of them in plan.changed
    estimate.redone = redone_or_forgotten - estimate.forgotten - estimate.gone
    estimate.changed = len(plan.changed) - redone_or_forgotten
    estimate.new = estimate.lines - estimate.changed - redone_or_forgotten
    if price is not None:
        estimate.price, estimate.price_source = price, "--price"
        estimate.cost_usd = priced(price, estimate.prompt_tokens, estimate.completion_tokens)
    else:
        estimate.cost_usd = estimate_cost(
            extractor.spec.label, estimate.prompt_tokens, estimate.completion_tokens,
            extractor.spec.base_url,
        )  # fmt: skip
        if estimate.cost_usd is not None:
            estimate.price_source = "list price"
    if estimate.cost_usd is not None:
        estimate.cost_usd *= price_factor
        estimate.price_factor = price_factor
    return estimate


def _extract_reason(plan: _Plan, doc_id: str) -> str:
    """Why the run extracts the document ``plan`` let through as ``doc_id``, as its summary
    counts it: a redo reason, else ``changed`` or ``new`` (see ``RunEstimate.extract_reasons``)."""
    redone = plan.redone.get(doc_id)
    if redone is not None:
        return redone
    return "changed" if doc_id in plan.changed else "new"


def _counted(items: Iterable[Item], estimate: RunEstimate) -> Iterator[Item]:
    for item in items:
        estimate.read += 1
        yield item
