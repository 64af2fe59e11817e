"""The extraction engine: article text in, validated and grounded records out.

Data flows one way: text -> chunks -> prompt -> model -> drafts -> records
(validated and grounded against the chunk) -> merge -> ArticleExtraction.

Strategies:

* ``single``: one call per chunk returns every type;
* ``per-type``: a free lexical gate (gating.py) decides which types the chunk
  could contain, then one call per such type. The article sits in the system
  message, so all calls about one chunk share a cached prefix.

Failures: transient server errors are retried with backoff (retrying.py);
invalid answers are re-asked by instructor (``max_retries`` re-asks) and, on
the last attempt, the invalid records are dropped with a warning; when
nothing valid comes back, :class:`~extractor.errors.ExtractionFailed` carries
the attempts, the tokens spent and the last raw answer.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import hashlib
import json
import logging
import os
import threading
import time
import weakref
from collections.abc import Callable, Coroutine, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path, PurePath
from typing import Any, Literal, TypeVar

from instructor.core.exceptions import (
    IncompleteOutputException,
    InstructorError,
    InstructorRetryException,
)
from instructor.core.hooks import Hooks
from pydantic import ValidationError

from extractor.errors import (
    ClientModelError,
    ConfigurationError,
    ExtractionFailed,
    ExtractorError,
    InputError,
    ModelError,
    ModelRefusal,
    RecordCodeError,
    TransientModelError,
)
from extractor.io.decoding import is_blank
from extractor.io.documents import Source, to_document, with_visible_id
from extractor.pipeline.answers import DraftList
from extractor.pipeline.chunking import (
    DEFAULT_MAX_CHARS,
    DEFAULT_OVERLAP_CHARS,
    Chunk,
    chunk_sizes,
    chunk_text,
)
from extractor.pipeline.document import NUL_TEXT, Document, as_date
from extractor.pipeline.gating import nothing_asked
from extractor.pipeline.merging import merge_records
from extractor.pipeline.options import number_option, shown, text_option, whole_option
from extractor.pipeline.prompting import codebook_message, prompt_version
from extractor.pipeline.requests import (
    TRUNCATED_NOTE,
    call_arguments,
    chunk_records,
    failed_call,
    missing_warning,
    plan_chunk,
    second_look,
)
from extractor.pipeline.result import (
    NO_USAGE_OBJECT,
    ArticleExtraction,
    ExtractionMetadata,
    FailedCall,
    Usage,
    group_records,
    schema_version,
)
from extractor.redact import MOST_ONE_LINE_TEXT, clean_surrogates, redact, redacted_chain
from extractor.runtime import aio
from extractor.runtime.cache import ResultCache, cache_key
from extractor.runtime.instructor_compat import RESOLVE_CONTEXT, AttemptState
from extractor.runtime.providers import (
    ModelSpec,
    ModeName,
    build_client,
    documents_at_once,
    prime_local,
    refusal_error,
    resolve_model,
)
from extractor.runtime.retrying import (
    AnswerWindow,
    Backoff,
    RetryPolicy,
    classify,
    deadline_error,
)
from extractor.text.countries import government_country
from extractor.types.base import Record
from extractor.types.registry import RecordSpec, resolve_types

#: How a chunk is asked: "single", one call for every type (fewer tokens), or
#: "per-type", one call per type the lexical gate lets through (the default: a small
#: model fills one schema at a time better).
Strategy = Literal["single", "per-type"]
STRATEGIES: tuple[Strategy, ...] = ("single", "per-type")
DEFAULT_STRATEGY: Strategy = "per-type"
#: Whether an empty answer about one type takes a second look (``Extractor(second_look=...)``).
DEFAULT_SECOND_LOOK = False
T = TypeVar("T")
logger = logging.getLogger(__name__)

#: Seconds a call may spend beyond its HTTP requests (validating and grounding the answers).
CALL_SLACK = 5.0

# The request side is shared with batch carriers (pipeline/requests.py): one source of
# truth for the calls, their arguments and the note after a cut-off answer.
_TRUNCATED_NOTE = TRUNCATED_NOTE


@dataclass
class _Tally:
    """What one article's calls cost and produced."""

    usage: Usage = field(default_factory=Usage)
    calls: int = 0
    reasks: int = 0
    dropped: int = 0
    warnings: list[str] = field(default_factory=list)
    #: Calls planned, and those that gave no valid answer (see :func:`failed_call`).
    planned: int = 0
    failed: list[FailedCall] = field(default_factory=list)
    first_failure: ExtractionFailed | None = None
    #: The language of each chunk (the gate's words): said when the gate asked nothing.
    languages: list[str] = field(default_factory=list)


def _usage_of(value: Any) -> tuple[Any, Any]:
    """A usage object's (prompt, completion) counts as the server gave them: ``Usage.add``
    reads them (``token_count``: a count that is no count is 0, and said)."""
    if value is None:
        return 0, 0
    if isinstance(value, list | str | int | float):  # JSON that is no usage object: said
        return NO_USAGE_OBJECT, NO_USAGE_OBJECT

    def get(name: str) -> Any:
        return value.get(name) if isinstance(value, dict) else getattr(value, name, None)

    if get("prompt_tokens") is None and get("completion_tokens") is None:  # anthropic style
        return get("input_tokens"), get("output_tokens")
    return get("prompt_tokens"), get("completion_tokens")


#: The most re-asks of one call (``max_retries``): an answer still invalid after a few
#: rarely becomes valid, and each costs a call; without a bound, ``--max-retries 1000000``
#: against a model that never answers validly asked for ever (nothing else ends a call's
#: re-asks: each request has its deadline, the document none).
MAX_REASKS = 20


class Extractor:
    """Extract visits, meetings, arms transfers and casualty reports from articles.

    Create one per model and reuse it: it holds the HTTP client, the shared
    rate-limit backoff and (optionally) the result cache.

    Every option is checked here, before any call (:mod:`.options`): a bad one
    (``timeout=float("nan")``, ``chunk_chars=0``, ``types=5``) is a
    :class:`~extractor.errors.ConfigurationError` naming it, the value given
    and what to give. ``types`` takes one name (``"visit"``) as well as a list.
    ``timeout`` is the most seconds one model request waits for an answer (above 0;
    None: 300, or 1800 for the embedded model): each HTTP request is cut there, its
    whole answer included, and a server that does not answer (it hangs, refuses or
    drops the connection) is retried only within that time, counted from the request's
    start or the server's last answer to it (an answer starts it anew, a wait the
    server asked for is not counted): a server that never answers fails a request
    after ``timeout`` ("did not answer in time: no answer within the timeout"), not
    after the retry schedule (:class:`~extractor.runtime.retrying.AnswerWindow`). The
    CLI has no option of its own for it: it uses this default. ``temperature`` 0 or more,
    ``max_tokens`` at least 1 (None: enough for the types asked), and
    ``max_retries`` (validation re-asks) 0 or more. ``second_look=True`` asks once
    more about a type whose answer was empty, quoting the sentences that have its
    words (:func:`~extractor.pipeline.requests.second_look`): recall for a small model,
    at one call more where it fires.
    """

    def __init__(
        self,
        model: str | None = None,
        *,
        base_url: str | None = None,
        api_key: str | None = None,
        types: Sequence[str | type[Record] | RecordSpec] | None = None,
        strategy: Strategy = DEFAULT_STRATEGY,
        max_retries: int = 2,
        cache: bool | str | Path | ResultCache | None = None,
        mode: ModeName | None = None,
        timeout: float | None = None,
        temperature: float = 0.0,
        max_tokens: int | None = None,
        chunk_chars: int = DEFAULT_MAX_CHARS,
        chunk_overlap: int = DEFAULT_OVERLAP_CHARS,
        retry_policy: RetryPolicy | None = None,
        second_look: bool = DEFAULT_SECOND_LOOK,
    ) -> None:
        if not isinstance(strategy, str) or strategy not in STRATEGIES:
            raise ConfigurationError(
                f"unknown strategy {shown(strategy)}: use one of {', '.join(STRATEGIES)}"
            )
        specs = resolve_types(types)
        max_retries = whole_option(
            "max_retries", max_retries, at_least=0, at_most=MAX_REASKS,
            hint=f"give how often an invalid answer is asked again, 0 for never (default 2), "
            f"at most {MAX_REASKS}",
        )  # fmt: skip
        if timeout is not None:
            timeout = number_option(
                "timeout", timeout, above=0,
                hint="give the seconds one request may take, such as 300, or None for the default",
            )  # fmt: skip
        temperature = number_option(
            "temperature", temperature, at_least=0,
            hint="give the sampling temperature, 0 (the default) for the most likely answer",
        )  # fmt: skip
        if max_tokens is not None:
            max_tokens = whole_option(
                "max_tokens", max_tokens, at_least=1,
                hint="give the most tokens an answer may have, or None to fit the types asked",
            )  # fmt: skip
        chunk_chars, chunk_overlap = chunk_sizes(chunk_chars, chunk_overlap)
        if not isinstance(second_look, bool):  # "no" or 0.0 from a config file is a mistake
            raise ConfigurationError(
                f"second_look must be True or False, not {type(second_look).__name__} "
                f"({shown(second_look)})"
            )
        if retry_policy is not None and not isinstance(retry_policy, RetryPolicy):
            raise ConfigurationError(
                f"retry_policy must be a RetryPolicy, not {type(retry_policy).__name__} "
                f"({shown(retry_policy)}): give extractor.runtime.retrying.RetryPolicy(...), "
                "or None for the default"
            )
        given = {"model": model, "base_url": base_url, "api_key": api_key, "mode": mode}
        for name, value in given.items():
            text_option(name, value, hint="give a str, or None to read it from the environment")
        self.spec: ModelSpec = resolve_model(model, base_url=base_url, api_key=api_key, mode=mode)
        #: The names of the types asked for (built-ins, plugins, or user classes
        #: given here, which are registered on the way).
        self.types: tuple[str, ...] = tuple(spec.name for spec in specs)
        self.strategy: Strategy = strategy
        self.max_retries = max_retries
        # A local server answers one request at a time on a CPU: minutes, not seconds.
        self.timeout = timeout if timeout is not None else (1800.0 if self.spec.is_local else 300.0)
        self.temperature = temperature
        self.max_tokens = max_tokens
        self.chunk_chars = chunk_chars
        self.chunk_overlap = chunk_overlap
        self.retry_policy = retry_policy or RetryPolicy()
        #: Ask once more about a type whose answer was empty, quoting the sentences with
        #: its words (:func:`~extractor.pipeline.requests.second_look`).
        self.second_look = second_look
        self.backoff = Backoff()
        self.cache = _open_cache(cache)
        self._clients: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, Any] = (
            weakref.WeakKeyDictionary()
        )
        self._loop: asyncio.AbstractEventLoop | None = None
        self._loop_thread: threading.Thread | None = None
        self._lock = threading.Lock()
        #: the sync calls on the background loop now: close() ends them, never strands them
        self._calls: set[concurrent.futures.Future[Any]] = set()
        self._prime_lock = threading.Lock()
        self._primed = False
        #: Whether the server has answered a call (a name it no longer resolves is then the
        #: network, retried: see retrying.classify).
        self._answered = False

    # -- public API ---------------------------------------------------------------
    @property
    def model(self) -> str:
        return self.spec.label

    @property
    def asked(self) -> str:
        """How the calls are asked, as results record it (their ``strategy``): the strategy,
        and ``+second-look`` with second looks, so that a resumed bulk run with the other
        setting counts its documents as asked differently."""
        return f"{self.strategy}+second-look" if self.second_look else self.strategy

    @property
    def documents_at_once(self) -> int | None:
        """Documents the model's server should have in flight at most, if it has a limit
        (the embedded model: one per slot); :func:`~extractor.extract_many` keeps to it."""
        return documents_at_once(self.spec)

    @property
    def call_deadline(self) -> float:
        """The wall-clock limit of one model call, its validation re-asks included.

        Each HTTP request of the call is limited to :attr:`timeout` in total
        (not just between bytes: see ``GuardedHttpClient``); a call makes at
        most ``max_retries + 1`` of them, plus :data:`CALL_SLACK` seconds for
        validating the answers. Transient retries repeat the call, within
        ``retry_policy.total`` (see ``RetryPolicy.budget``) and, while the server
        does not answer, within :attr:`timeout` (``AnswerWindow``): a call is cut
        sooner than this deadline when the request has waited that long for an answer.
        """
        return self.timeout * (self.max_retries + 1) + CALL_SLACK

    def extract(
        self, source: Source, *, published: date | str | None = None, doc_id: str | None = None
    ) -> ArticleExtraction:
        """Extract the records of one article (blocking); see :meth:`aextract`."""
        return self._run(self.aextract(source, published=published, doc_id=doc_id))

    async def aextract(
        self, source: Source, *, published: date | str | None = None, doc_id: str | None = None
    ) -> ArticleExtraction:
        """Extract the records of one article.

        ``source`` is the article as a ``str``, a :class:`pathlib.Path` to a
        ``.txt``, ``.md`` or ``.html`` file (read as ``extractor bulk`` reads
        it), or a :class:`Document` (used as it is). A string that opens with
        YAML front matter or looks like an HTML page is parsed like such a
        file, so its date anchors "yesterday" and its markup never reaches the
        model; any other string is used verbatim (see
        :mod:`extractor.io.documents`). ``published`` and ``doc_id``, when
        given, win over the input's own. The Document extracted from is
        ``result.document``: the evidence offsets index its ``text``, and the
        problems its reader recovered from open ``metadata.warnings``.
        """
        day = as_date(published)
        if isinstance(source, os.PathLike) and not isinstance(source, PurePath):
            source = Path(fs_path(source))  # a user's path-like object, read as a Path
        if isinstance(source, Document):
            document = to_document(source, published=day, doc_id=doc_id)
        else:  # reading a file or parsing a page is blocking work: keep the loop free
            document = await asyncio.to_thread(to_document, source, published=day, doc_id=doc_id)
        result = await self.aextract_document(document)
        if not document.warnings:
            return result
        warnings = [*document.warnings, *result.metadata.warnings]
        metadata = result.metadata.model_copy(update={"warnings": warnings})
        return _with_document(result.model_copy(update={"metadata": metadata}), document)

    async def aextract_document(self, document: Document) -> ArticleExtraction:
        """Extract the records of a Document, as bulk does: its ``warnings`` stay on it
        (bulk writes them beside the result's), and are not copied into the result."""
        if not isinstance(document, Document):
            raise InputError(
                f"aextract_document takes an extractor.Document, not {type(document).__name__}: "
                "pass a str or a pathlib.Path to aextract"
            )
        document = with_visible_id(document)  # a no-op for bulk's, named visibly already
        return await self._extract_text(
            document.text, document.published, document.doc_id, document
        )

    async def _extract_text(
        self, text: str, day: date | None, doc: str, document: Document
    ) -> ArticleExtraction:
        if is_blank(text):
            raise InputError("the article text is empty", source=document.source or doc)
        if "\x00" in text:  # the one check every path meets: a str, a Document, a row
            raise InputError(f"the article text {NUL_TEXT}", source=document.source or doc)
        started = time.perf_counter()

        publisher = government_country(document.url)
        key = self._cache_key(text, day, publisher)
        if self.cache is not None:
            hit = self.cache.get(key)
            served = _from_cache(hit, doc, started, text) if hit is not None else None
            if served is not None:
                return _with_document(served, document)

        tally = _Tally()
        chunks = chunk_text(text, max_chars=self.chunk_chars, overlap_chars=self.chunk_overlap)
        found: list[Record] = []
        for chunk in chunks:
            found.extend(await self._extract_chunk(chunk, day, doc, tally, publisher))
        failure = tally.first_failure
        if failure is not None and len(tally.failed) == tally.planned:
            failure.usage = tally.usage.model_copy()  # every call failed: the document did
            raise failure
        records, merged = merge_records(found)
        if merged:
            tally.warnings.append(f"merged {merged} duplicate record(s)")
        tally.warnings.extend(missing_warning(call) for call in tally.failed)
        if not tally.planned and tally.languages:
            tally.warnings.append(nothing_asked(tally.languages, self.types))

        result = self._assemble(records, doc, day, tally, started, len(chunks))
        if self.cache is not None and result.complete:  # an incomplete one is asked again
            # A doc id with lone surrogates (an undecodable file name) cannot be UTF-8: the
            # cached copy's ids are replaced on a hit (_from_cache), so U+FFFD does no harm.
            payload = json.dumps(result.model_dump(mode="json"), ensure_ascii=False)
            self.cache.put(key, clean_surrogates(payload))
        return _with_document(result, document)

    def close(self) -> None:
        """Release the HTTP clients and the background loop used by :meth:`extract`.

        A call another thread has running on that loop is cancelled first and fails with
        one error saying so: stranded on a stopped loop, it waited for ever."""
        with self._lock:
            loop, calls = self._loop, list(self._calls)
        for call in calls:
            call.cancel()
        if calls and loop is not None:
            _settle(loop, SETTLE_SECONDS)
        if loop is not None and loop.is_running():
            asyncio.run_coroutine_threadsafe(self._aclose_clients(), loop).result(timeout=10)
            loop.call_soon_threadsafe(loop.stop)
            if self._loop_thread is not None:
                self._loop_thread.join(timeout=10)
        self._loop = None
        if self.cache is not None:
            self.cache.close()
            self.cache = None

    async def aclose(self) -> None:
        """Release the HTTP client of the running event loop; the extractor stays usable.

        Bulk runs and :func:`extract_many` call it on a caller's extractor when
        their loop ends. To be done with the extractor, leave ``async with`` or
        call :meth:`close` too.
        """
        await self._aclose_clients()

    def __enter__(self) -> Extractor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    async def __aenter__(self) -> Extractor:
        return self

    async def __aexit__(self, *exc: object) -> None:
        """Close the running loop's client, then what :meth:`close` closes (off the loop:
        stopping the background loop of a sync call in between waits on a thread)."""
        await self._aclose_clients()
        if self._loop is not None:
            await asyncio.to_thread(self.close)
        else:
            self.close()

    # -- internals ----------------------------------------------------------------
    def _cache_key(self, text: str, day: date | None, publisher: str | None = None) -> str:
        # The publisher changes what validates; it joins the key only when known, so
        # results cached before it existed keep their keys.
        extra: dict[str, Any] = {"publisher": publisher} if publisher else {}
        if self.second_look:
            extra["second_look"] = True
        # How the model is asked (json, tools ...) and how long it may answer change the
        # answer too: each joins the key when set, as the publisher does
        if self.spec.mode != "auto":
            extra["mode"] = self.spec.mode
        if self.max_tokens is not None:
            extra["max_tokens"] = self.max_tokens
        return cache_key(
            **extra,
            model=self.spec.label, base_url=self.spec.base_url, prompt=prompt_version(self.types),
            schema=schema_version(), strategy=self.strategy, types=self.types,
            max_retries=self.max_retries, temperature=self.temperature,
            chunk=(self.chunk_chars, self.chunk_overlap), published=day,
            text=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        )  # fmt: skip

    async def _extract_chunk(
        self, chunk: Chunk, day: date | None, doc: str, tally: _Tally, publisher: str | None
    ) -> list[Record]:
        # The calls about the chunk (gate, strategy, messages): see pipeline/requests.py.
        plan = plan_chunk(chunk, day, doc, self.types, self.strategy, publisher=publisher)
        tally.languages.append(plan.language)
        if plan.calls and not self._primed:
            # the rules that open every prompt, evaluated once per machine on the embedded
            # model's server
            await asyncio.to_thread(self._prime, [codebook_message()])
        records: list[Record] = []
        tally.planned += len(plan.calls)
        for call in plan.calls:
            try:
                found = await self._request(
                    call.model, call.messages, plan.context, tally, call.max_tokens
                )
                records += found
                again = second_look(plan, call, found) if self.second_look else None
                if again is not None:
                    tally.planned += 1
                    records += await self._request(
                        again.model, again.messages, plan.context, tally, again.max_tokens
                    )
            except ExtractionFailed as error:  # this question only: the others may do well
                tally.failed.append(failed_call(call.kinds, chunk.index, error))
                tally.first_failure = tally.first_failure or error
        return chunk_records(plan, records, self.types, tally.warnings)

    async def _request(
        self,
        model: type[DraftList],
        messages: list[dict[str, str]],
        context: dict[str, Any],
        tally: _Tally,
        max_tokens: int,
    ) -> list[Record]:
        """One logical call: transient retries outside, validation re-asks inside.

        ``context`` (the chunk's text, sentences, date and document id) is what
        the drafts are validated against; each attempt adds its own state.
        Bounded in wall-clock time: each call by :attr:`call_deadline`, the
        whole, retries and waits included, by ``retry_policy.budget``.

        Every error of ours it lets out has its chain redacted
        (:func:`~extractor.redact.redacted_chain`): it was raised from the SDK's error,
        which holds whatever the server echoed (the key), and a traceback prints the
        chain. Done here, after the retries re-raised it, as every model call's error
        passes here and no later ``except`` links the raw error again.
        """
        try:
            return await self._bounded_request(model, messages, context, tally, max_tokens)
        except ExtractorError as error:
            redacted_chain(error)
            raise

    async def _bounded_request(
        self,
        model: type[DraftList],
        messages: list[dict[str, str]],
        context: dict[str, Any],
        tally: _Tally,
        max_tokens: int,
    ) -> list[Record]:
        """:meth:`_request`, its chain not yet redacted."""
        budget = self.retry_policy.budget(self.call_deadline)
        try:
            try:
                async with asyncio.timeout(budget) as scope:
                    records = await self._retried(model, messages, context, tally, max_tokens)
            except TimeoutError:
                if not scope.expired():
                    raise
                raise TransientModelError(
                    f"gave up on the model server after {budget:g}s: its retries and waits ran "
                    f"past the cap on one request's total time (RetryPolicy.total "
                    f"{self.retry_policy.total:g}s plus the call deadline {self.call_deadline:g}s)"
                ) from None
        except _Truncated as error:
            # cut off, and the call's time ran out before a shorter answer: the model's doing
            self.backoff.answered()
            raise ExtractionFailed(
                "the model's answer was cut off at the length limit, and the call's time ran "
                "out before a shorter one; raise max_tokens or lower chunk_chars",
                attempts=tally.calls, usage=tally.usage.model_copy(), cause=error,
                reason="the answer was cut off at the length limit",
            ) from error  # fmt: skip
        except TransientModelError as error:
            # the whole schedule failed: while nothing is answered, others stop retrying
            self.backoff.gave_up(error, self.spec.base_url)
            raise
        except (ExtractionFailed, ClientModelError):
            self.backoff.answered()  # the server answered; the answer or the request was bad
            raise
        self.backoff.answered()
        return records

    async def _retried(
        self,
        model: type[DraftList],
        messages: list[dict[str, str]],
        context: dict[str, Any],
        tally: _Tally,
        max_tokens: int,
    ) -> list[Record]:
        client = self._client()
        note: list[dict[str, str]] = []
        truncations = 0
        call_deadline = self.call_deadline
        window = AnswerWindow(self.timeout)  # the caller's timeout: see Extractor, AnswerWindow
        retrying = self.retry_policy.retrying(
            self.backoff, deadline=call_deadline, server=self.spec.base_url, window=window
        )
        async for attempt in retrying:
            with attempt:
                paused = time.monotonic()
                await self.backoff.wait()
                window.pause(time.monotonic() - paused)
                state = AttemptState(max_reasks=self.max_retries)
                timer = _AttemptTimer(call_deadline, window)
                hooks = _counting_hooks(tally, state, timer.answered)
                asked = [*messages, *note]
                hooks.on("completion:kwargs", _reask_bound(len(asked)))
                kwargs = call_arguments(
                    self.spec,
                    model,
                    asked,
                    temperature=self.temperature,
                    max_tokens=self.max_tokens or max_tokens,
                )  # the same arguments as a batch request's (pipeline/requests.py)
                kwargs.update(max_retries=self.max_retries, hooks=hooks)
                token = RESOLVE_CONTEXT.set({**context, "state": state})
                try:
                    async with timer.timeout as scope:
                        call = client.chat.completions.create_with_completion(**kwargs)
                        result, _completion = await call
                    self._answered = True
                except TimeoutError as error:
                    if scope.expired():
                        if timer.cut_by_window():
                            raise window.error(self.spec.base_url) from None
                        what = "the call (its re-asks included)"
                        raise deadline_error(call_deadline, what) from None
                    name = type(error).__name__
                    raise TransientModelError(
                        f"the model server did not answer in time ({name})"
                    ) from error
                except IncompleteOutputException as error:
                    window.answered()
                    truncations += 1
                    if truncations > 1:
                        raise ExtractionFailed(
                            "the model's answer was cut off at the length limit twice; raise "
                            "max_tokens or lower chunk_chars",
                            attempts=tally.calls, usage=tally.usage.model_copy(),
                            last_response=_content(error.last_completion), cause=error,
                            reason="the answer was cut off at the length limit",
                        ) from error  # fmt: skip
                    note = [{"role": "user", "content": _TRUNCATED_NOTE}]
                    raise _Truncated("the answer was cut off at the length limit") from error
                except InstructorRetryException as error:
                    if isinstance(error.__cause__, RecordCodeError):
                        raise error.__cause__ from None  # the user's type, not the model
                    mapped = classify(error, request_chars=len(context["text"]),
                                      answered=self._answered, provider=self.spec.provider,
                                      reasked=state.attempts > 0)  # fmt: skip
                    if isinstance(mapped, ModelRefusal):
                        raise _refused(mapped, tally) from error
                    if mapped is not None:
                        raise mapped from error
                    raise _exhausted(error, tally) from error
                except (ExtractionFailed, ModelError):
                    raise
                except Exception as error:
                    mapped = classify(error, request_chars=len(context["text"]),
                                      answered=self._answered, provider=self.spec.provider,
                                      reasked=state.attempts > 0)  # fmt: skip
                    if isinstance(mapped, ModelRefusal):
                        raise _refused(mapped, tally) from error
                    if mapped is not None:
                        raise mapped from error
                    raise
                finally:
                    RESOLVE_CONTEXT.reset(token)
                tally.dropped += state.dropped
                tally.warnings.extend(state.warnings)
                assert isinstance(result, DraftList)
                return result.records
        raise AssertionError("unreachable: tenacity reraises")  # pragma: no cover

    def _assemble(
        self, records: list[Record], doc: str, day: date | None, tally: _Tally, started: float,
        chunks: int,
    ) -> ArticleExtraction:  # fmt: skip
        grouped = group_records(records, self.types)
        metadata = ExtractionMetadata(
            model=self.spec.label, prompt_version=prompt_version(self.types), schema_version=schema_version(),
            strategy=self.asked, usage=tally.usage, calls=tally.calls, reasks=tally.reasks,
            seconds=round(time.perf_counter() - started, 3), chunks=chunks,
            dropped=tally.dropped, warnings=tally.warnings, failed_calls=tally.failed,
        )  # fmt: skip
        return ArticleExtraction.model_validate(
            {"doc_id": doc, "published": day, "metadata": metadata, "groups": grouped}
        )

    def _prime(self, codebook: list[dict[str, str]]) -> None:
        with self._prime_lock:  # concurrent documents wait for the first one's priming
            if not self._primed:
                prime_local(self.spec, codebook)
                self._primed = True

    def _client(self) -> Any:
        loop = asyncio.get_running_loop()
        client = self._clients.get(loop)
        if client is None:
            client, _ = build_client(self.spec, timeout=self.timeout)
            self._clients[loop] = client
        return client

    async def _aclose_clients(self) -> None:
        loop = asyncio.get_running_loop()
        client = self._clients.pop(loop, None)
        inner = getattr(client, "client", None)
        if inner is not None and hasattr(inner, "close"):
            result = inner.close()
            if asyncio.iscoroutine(result):
                await result

    def _run(self, coroutine: Coroutine[Any, Any, T]) -> T:
        """Run on one background loop, so sync calls reuse one HTTP client."""
        with self._lock:
            if self._loop is None:
                loop = aio.new_event_loop()
                thread = threading.Thread(
                    target=_serve_until_stopped, args=(loop,), name="extractor-loop", daemon=True
                )
                thread.start()
                self._loop, self._loop_thread = loop, thread
                # An extractor dropped without close() must not keep its loop's
                # selector, pipes and thread for the rest of the process.
                weakref.finalize(self, _stop_loop, loop)
            loop = self._loop
            future = asyncio.run_coroutine_threadsafe(coroutine, loop)
            self._calls.add(future)
        try:
            return future.result()
        except concurrent.futures.CancelledError:  # only close() cancels a call's future
            raise ConfigurationError(
                "the call was cut short: the Extractor was closed (close(), or the end of its "
                "with block) while the call ran in another thread; close it after the calls "
                "that use it are done"
            ) from None
        except BaseException:  # Ctrl-C, SIGTERM: the call is abandoned; so is its task
            future.cancel()
            _settle(loop, SETTLE_SECONDS)
            raise
        finally:
            with self._lock:
                self._calls.discard(future)


#: How long an abandoned call's task is given to finish cancelling (close its requests).
SETTLE_SECONDS = 2.0


def fs_path(item: os.PathLike[Any]) -> str:
    """The path an ``os.PathLike`` input names, as a str: a path given as bytes (a file
    name that is not UTF-8, ``os.fsencode``'s) decoded as the file system does, so that
    the file is read and named as a ``pathlib.Path`` to it is. An object whose
    ``__fspath__`` fails or gives no path is an InputError naming it, never a TypeError
    from deep inside the reader (``extract(obj)`` with ``obj.__fspath__()`` returning
    bytes raised "a bytes-like object is required, not 'str'")."""
    try:
        path = os.fspath(item)
    except Exception as error:
        raise InputError(
            f"the input is a {type(item).__name__} whose path cannot be read "
            f"({type(error).__name__}: {_one_line(str(error), 200)}): pass a pathlib.Path "
            "or a str path"
        ) from None
    if isinstance(path, bytes):
        return os.fsdecode(path)
    if not isinstance(path, str):  # os.fspath checks this; an odd subclass may not
        raise InputError(
            f"the input is a {type(item).__name__} whose path is a {type(path).__name__}: "
            "pass a pathlib.Path or a str path"
        )
    return path


def _settle(loop: asyncio.AbstractEventLoop, seconds: float) -> None:
    """Wait until the loop's tasks have finished cancelling, at most ``seconds``.

    A task still pending when its loop is dropped is reported by asyncio at
    exit ("Task was destroyed but it is pending!", with source paths): no
    message for a user who pressed Ctrl-C.
    """

    async def others_done() -> None:
        current = asyncio.current_task()
        pending = [task for task in asyncio.all_tasks() if task is not current]
        if pending:
            await asyncio.wait(pending, timeout=seconds)

    if loop.is_closed():
        return
    with contextlib.suppress(Exception):  # a loop stopped meanwhile: nothing to wait for
        asyncio.run_coroutine_threadsafe(others_done(), loop).result(timeout=seconds + 0.5)


def _serve_until_stopped(loop: asyncio.AbstractEventLoop) -> None:
    """The background loop's thread: run it, then close it (its selector and pipes)."""
    try:
        loop.run_forever()
    finally:
        loop.close()


def _stop_loop(loop: asyncio.AbstractEventLoop) -> None:
    if not loop.is_closed():
        with contextlib.suppress(RuntimeError):  # closed meanwhile
            loop.call_soon_threadsafe(loop.stop)


class _AttemptTimer:
    """When one attempt of a request is cut: at its call deadline, or sooner when the
    request's :class:`~extractor.runtime.retrying.AnswerWindow` (the caller's timeout)
    runs out first; each answer starts the window anew and moves the cut."""

    def __init__(self, call_deadline: float, window: AnswerWindow) -> None:
        self.loop = asyncio.get_running_loop()
        self.window = window
        self.deadline = self.loop.time() + call_deadline
        self.timeout = asyncio.timeout_at(self.cut_at())

    def cut_at(self) -> float:
        return min(self.deadline, self.loop.time() + self.window.left())

    def answered(self) -> None:
        """A completion came back: the window starts anew (re-asks get their time)."""
        self.window.answered()
        self.timeout.reschedule(self.cut_at())

    def cut_by_window(self) -> bool:
        """Whether the cut was the window's (no answer within the timeout)."""
        when = self.timeout.when()
        return when is not None and when < self.deadline


class _Truncated(TransientModelError):
    """Internal: a length-truncated answer, retried once with a note to answer shorter."""


def _counting_hooks(
    tally: _Tally, state: AttemptState, answered: Callable[[], None] | None = None
) -> Hooks:
    """Hooks that count a call's requests, answers, tokens and re-asks; ``answered`` is
    called at each answer (a completion came back)."""
    hooks = Hooks()

    def on_request(*args: Any, **kwargs: Any) -> None:
        tally.calls += 1

    def on_response(*args: Any, **kwargs: Any) -> None:
        state.attempts += 1
        # Each answer's tokens, as its server gave them: instructor's running total (its
        # ``total_usage``) has already summed, or replaced, a count that is no count.
        tally.usage.add(*_usage_of(getattr(args[0] if args else None, "usage", None)))
        if answered is not None:
            answered()

    def on_parse_error(*args: Any, **kwargs: Any) -> None:
        tally.reasks += 1

    hooks.on("completion:kwargs", on_request)
    hooks.on("completion:response", on_response)
    hooks.on("parse:error", on_parse_error)
    return hooks


#: The most characters of an invalid answer (or of its validation errors) a re-ask sends
#: back to the model: enough to show it what to fix, never the whole of an answer that
#: ran to megabytes (a model looping, a server ignoring max_tokens).
MAX_REASK_CHARS = 16_000


def _reask_bound(asked: int) -> Callable[..., None]:
    """A ``completion:kwargs`` hook that clips what each re-ask carries back.

    instructor builds a re-ask by appending the invalid answer whole (the assistant's
    content or tool-call arguments) and the validation error, which quotes it. An
    answer of megabytes made the next request too large for the server (HTTP 413 or the
    context window), after the article had been taken: the document failed for the
    model's answer and was reported as too large an article. Messages past the
    ``asked`` first ones (the call's own) are clipped in place to
    :data:`MAX_REASK_CHARS`, each replaced by a copy, a tool call's arguments kept
    valid JSON (a server may parse them)."""

    def bound(*args: Any, **kwargs: Any) -> None:
        messages = kwargs.get("messages")
        if not isinstance(messages, list):
            return
        for index in range(asked, len(messages)):
            message = messages[index]
            if isinstance(message, dict):
                messages[index] = _clipped_message(message)

    return bound


def _clipped_message(message: dict[str, Any]) -> dict[str, Any]:
    """``message`` (a re-ask's) with its text and tool-call arguments clipped."""
    clipped = dict(message)
    content = message.get("content")
    if isinstance(content, str) and len(content) > MAX_REASK_CHARS:
        clipped["content"] = _clip_reask(content)
    calls = message.get("tool_calls")
    if isinstance(calls, list):
        clipped["tool_calls"] = [_clipped_call(call) for call in calls]
    return clipped


def _clipped_call(call: Any) -> Any:
    function = call.get("function") if isinstance(call, dict) else None
    if not isinstance(function, dict):
        return call
    arguments = function.get("arguments")
    if not isinstance(arguments, str) or len(arguments) <= MAX_REASK_CHARS:
        return call
    # valid JSON still: the start of the answer, as a string, and what became of the rest
    shown = json.dumps({"answer_start": arguments[: MAX_REASK_CHARS // 2],
                        "left_out_characters": len(arguments) - MAX_REASK_CHARS // 2})  # fmt: skip
    return {**call, "function": {**function, "arguments": shown}}


def _clip_reask(text: str) -> str:
    kept = text[:MAX_REASK_CHARS]
    return f"{kept}\n[... {len(text) - len(kept):,} more characters of this message left out]"


def _content(completion: Any) -> Any:
    try:
        return completion.choices[0].message.content
    except (AttributeError, IndexError, TypeError):
        return completion


def _refused(refusal: ModelRefusal, tally: _Tally) -> ModelRefusal:
    """The refusal, carrying what the whole document cost so far (its tokens included)."""
    tally.usage += refusal.usage or Usage.of_call(*refusal.tokens)  # a bad count said too
    return ModelRefusal(
        Exception.__str__(refusal), refusal=refusal.refusal, reason=refusal.reason,
        attempts=tally.calls, usage=tally.usage.model_copy(),
        last_response=refusal.last_response, cause=refusal,
    )  # fmt: skip


#: What instructor's TOOLS mode raises for an OpenAI ``message.refusal`` (a provider whose
#: answers do not pass through our HTTP client, where refusals are caught first).
_INSTRUCTOR_REFUSAL = "Unable to generate a response due to "


def _exhausted(error: InstructorRetryException, tally: _Tally) -> ExtractionFailed:
    """Re-asks ran out: the error names the last validation failure, not instructor's dump.

    A refusal that reached instructor (see :data:`_INSTRUCTOR_REFUSAL`) is a
    :class:`ModelRefusal`, not a validation failure.
    """
    attempts = error.n_attempts or len(error.failed_attempts or ()) or 1
    cause = error.__cause__
    if isinstance(cause, AssertionError) and str(cause).startswith(_INSTRUCTOR_REFUSAL):
        said = str(cause).removeprefix(_INSTRUCTOR_REFUSAL)
        return refusal_error(said, attempts=attempts, usage=tally.usage.model_copy(), cause=error)
    reason = _validation_reason(error)
    return ExtractionFailed(
        f"the model gave no valid answer after {attempts} attempt(s); last error: {reason}",
        attempts=attempts, usage=tally.usage.model_copy(),
        last_response=_content(error.last_completion), cause=error, reason=reason,
    )  # fmt: skip


def _validation_reason(error: InstructorRetryException) -> str:
    """The last failed attempt's validation error in one line (at most 300 characters).

    instructor keeps every failed attempt and its exception; its own message
    is a template dump of all of them. A pydantic error becomes
    ``field.path: message`` for its first problem, with the count of others.
    """
    attempts = error.failed_attempts or []
    last: BaseException = attempts[-1].exception if attempts else error
    if last is error and error.__cause__ is not None:
        last = error.__cause__
    if isinstance(last, ValidationError):
        problems = last.errors(include_url=False)
        if problems:
            first = problems[0]
            where = ".".join(str(part) for part in first.get("loc", ())) or "answer"
            text = f"{where}: {first.get('msg', '')}"
            if len(problems) > 1:
                text += f" (and {len(problems) - 1} more problem(s))"
            return _one_line(text)
    if isinstance(last, json.JSONDecodeError):
        return _one_line(
            f"the answer is not valid JSON ({last.msg} at line {last.lineno} column {last.colno})"
        )
    text = str(last).strip()
    if isinstance(last, InstructorError) and "<failed_attempts>" in text:
        text = text.rsplit("<last_exception>", 1)[-1].replace("</last_exception>", "")
    return _one_line(text or type(last).__name__)


def _one_line(text: str, limit: int = 300) -> str:
    """``text`` redacted on one line of at most ``limit`` characters; only its first
    :data:`~extractor.redact.MOST_ONE_LINE_TEXT` are read (redaction costs per MB)."""
    flat = redact(" ".join(text[:MOST_ONE_LINE_TEXT].split()))
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def _open_cache(cache: bool | str | Path | ResultCache | None) -> ResultCache | None:
    if cache is None or cache is False:
        return None
    if isinstance(cache, ResultCache):
        return cache
    if cache is True:
        return ResultCache()
    if not isinstance(cache, str | os.PathLike) or not str(cache).strip():
        raise ConfigurationError(
            f"cache={shown(cache)} is not a cache: give True (the default cache file), "
            "a path of the cache file, a ResultCache, or None for no cache"
        )
    if isinstance(cache, str) and cache.strip().lower() in _YES_NO:
        # cache="no" meant "no cache", not a database file named `no` in the working folder
        raise ConfigurationError(
            f"cache={shown(cache)} reads as a yes/no: cache= takes True or False, or a path "
            f"of the cache file (a file really named so is given as ./{cache.strip()})"
        )
    return ResultCache(cache)


#: Strings that mean a switch, not a file name: refused as cache= paths.
_YES_NO = frozenset(
    {"yes", "no", "y", "n", "true", "false", "t", "f", "on", "off", "1", "0", "none", "null"}
)


def _with_document(result: ArticleExtraction, document: Document) -> ArticleExtraction:
    """The result, knowing the Document it came from (kept in memory, never serialised)."""
    result._document = document
    return result


def _from_cache(payload: str, doc: str, started: float, text: str) -> ArticleExtraction | None:
    """The cached result for ``text``, or None (a miss, said once) when it is not one: a
    value that does not parse, or evidence that is not ``text[start:end]`` (a cache file
    edited or merged from elsewhere). The invariant holds for what the cache serves too."""
    try:
        cached = ArticleExtraction.model_validate_json(payload)
    except ValueError:
        cached = None
    if cached is None or not all(
        text[span.start : span.end] == span.text
        for records in cached.groups.values()
        for record in records
        for span in record.evidence.spans
    ):
        logger.warning(
            "%s: its entry in the result cache does not fit its text (a cache edited or "
            "merged from elsewhere?): extracted again", doc
        )  # fmt: skip
        return None
    return cached.served_as(doc, seconds=round(time.perf_counter() - started, 3))


def extract(
    source: Source,
    *,
    published: date | str | None = None,
    doc_id: str | None = None,
    model: str | None = None,
    **options: Any,
) -> ArticleExtraction:
    """One-off extraction with a throwaway :class:`Extractor` (see its options).

    ``source`` is a str, a :class:`pathlib.Path` or a :class:`Document`, read
    as :meth:`Extractor.aextract` says.
    """
    with Extractor(model, **options) as extractor:
        return extractor.extract(source, published=published, doc_id=doc_id)
