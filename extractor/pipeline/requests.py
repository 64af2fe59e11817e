"""One document as model requests, and model answers back as its records: no HTTP in between.

The engine sends each call's request and reads the answer within one
``await``. A provider batch API carries the same requests in a file and
brings the answers back hours later, in another process if the first was
killed; a queue or another engine could carry them too. So the steps on
either side of the HTTP call are pure functions here, and the live path
(:mod:`extractor.pipeline.engine`) is built on the same ones:

* :func:`plan_chunk` decides the calls about one chunk (the lexical gate, the
  strategy, the messages, the answer model, the token limit);
* :func:`call_arguments` is what the engine hands instructor for a call;
* :func:`build_requests` turns a document into :class:`ModelRequest` objects,
  each with the exact body the live path sends (``body``; see
  :mod:`extractor.runtime.wire`) and a deterministic ``custom_id``;
* :func:`parse_response` validates and grounds one answer against the
  document exactly as a live call does, and says what comes next: the
  call's records, a re-ask (:attr:`Reply.follow_up`: instructor's re-ask
  from the answer and its validation errors, or a request to answer
  shorter after a cut-off answer), or the error that ends the call;
* :func:`assemble` turns the final replies of a document's calls into its
  :class:`~extractor.pipeline.result.ArticleExtraction` (codebook inferences,
  offsets, merging, metadata), as the engine assembles a live extraction.

Why ``custom_id`` is deterministic: it is made of the document's identity
(its id, the hash of its text, the prompt and schema versions), the chunk,
the types asked, the step of the call (attempt, shorter-answer retries,
resubmissions) and a hash of the body. A rerun after a kill builds the same
ids for the same work, so a batch already submitted is found and resumed,
never paid for twice; any change to what is sent changes the id.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

import httpx2
from instructor.core.exceptions import IncompleteOutputException, InstructorRetryException
from instructor.v2.core.errors import FailedAttempt

from extractor.errors import (
    ExtractionFailed,
    ExtractorError,
    IncompatibleServerError,
    InputError,
)
from extractor.io.decoding import is_blank
from extractor.pipeline.answers import DraftList, answer_model, grammar_schema, titled
from extractor.pipeline.chunking import Chunk, chunk_text
from extractor.pipeline.document import Document
from extractor.pipeline.gating import cued_sentences, nothing_asked, screen
from extractor.pipeline.inference import infer
from extractor.pipeline.merging import merge_records
from extractor.pipeline.prompting import (
    prompt_version,
    second_look_message,
    system_message,
    task_message,
)
from extractor.pipeline.result import (
    ArticleExtraction,
    ExtractionMetadata,
    FailedCall,
    Usage,
    answer_usage,
    group_records,
    schema_version,
)
from extractor.redact import redacted_chain
from extractor.runtime import wire
from extractor.runtime.instructor_compat import RESOLVE_CONTEXT, AttemptState
from extractor.runtime.providers import answer_json, answer_problem
from extractor.text.countries import government_country
from extractor.text.language import detect_language
from extractor.text.sentences import Sentence, split_sentences
from extractor.types.base import Record
from extractor.types.registry import get_type

if TYPE_CHECKING:
    import instructor

    from extractor.pipeline.engine import Extractor
    from extractor.runtime.providers import ModelSpec

__all__ = [
    "TRUNCATED_NOTE",
    "Call",
    "ChunkPlan",
    "ModelRequest",
    "Reply",
    "assemble",
    "build_requests",
    "call_arguments",
    "chunk_records",
    "failed_call",
    "failed_delivery",
    "missing_warning",
    "parse_response",
    "plan_chunk",
    "second_look",
]

#: The note added after an answer cut off at the length limit (asked once more, then failed).
TRUNCATED_NOTE = (
    "Your previous answer was cut off at the length limit. Answer again, shorter: "
    "each event once, no repeated records, evidence one sentence."
)
#: Answer tokens of a call about one type, and of a single call about several.
ONE_TYPE_TOKENS = 2048
SEVERAL_TYPES_TOKENS = 4096


# ------------------------------------------------------------------ the calls


@dataclass(frozen=True)
class Call:
    """One logical call about a chunk: the types it asks for, how, and its answer's shape."""

    kinds: tuple[str, ...]
    model: type[DraftList]
    messages: list[dict[str, str]]
    max_tokens: int


@dataclass(frozen=True)
class ChunkPlan:
    """A chunk, its numbered sentences, the validation context and the calls about it."""

    chunk: Chunk
    sentences: list[Sentence]
    context: dict[str, Any]
    calls: tuple[Call, ...]
    #: The chunk's language (ISO 639-1, or "und"), which chose the gate's words.
    language: str = "und"


def plan_chunk(
    chunk: Chunk,
    published: date | None,
    doc_id: str,
    types: Sequence[str],
    strategy: str,
    *,
    publisher: str | None = None,
) -> ChunkPlan:
    """The calls about ``chunk``: one per type the gate lets through, or one for all of them.

    Only the types whose cue words the chunk has are asked about: no call for a
    chunk that cannot hold an event, no empty list for a small model to fill.
    The article is split and rendered once: every call about it shares the
    system message (a cached prefix on the server).
    """
    sentences = split_sentences(chunk.text)
    system = system_message(chunk.text, published, sentences)
    context = validation_context(chunk.text, published, doc_id, sentences, publisher)
    language = detect_language(chunk.text)
    kinds = screen(chunk.text, types, language)
    calls: tuple[Call, ...]
    if strategy == "single" and len(kinds) > 1:
        several = tuple(kinds)
        calls = (
            Call(several, answer_model(several), [system, task_message(several)],
                 SEVERAL_TYPES_TOKENS),
        )  # fmt: skip
    else:
        calls = tuple(
            Call((kind,), answer_model((kind,)), [system, task_message(kind)], ONE_TYPE_TOKENS)
            for kind in kinds
        )
    return ChunkPlan(chunk, sentences, context, calls, language)


#: The most sentences a second look quotes, and the most characters of each: a
#: small model reads a short list, and a long one costs prompt time.
SECOND_LOOK_SENTENCES = 6
SECOND_LOOK_CHARS = 400


def second_look(plan: ChunkPlan, call: Call, records: Sequence[Record]) -> Call | None:
    """One more call about the type of ``call`` when its answer had no record, or None.

    The 1.5B model answers an empty list for events the article plainly
    states ("The President spoke today with ..."), and a cue list in the
    type's guidance did not help (BENCHMARKS.md: it cost more than it
    found). A second look asks about the chunk's sentences that have the
    type's own words, quoted after the article, with their numbers: a
    question about six sentences instead of a whole article. Its answer is
    validated and grounded like any other, so what it invents is dropped
    as the first answer's would be. Asked only after an empty answer of one
    type (a call about several types, or an answer with records, gets
    none): each second look is a call, and an answer that found something
    was read.
    """
    if records or len(call.kinds) != 1:
        return None
    kind = call.kinds[0]
    cued = cued_sentences(kind, plan.chunk.text, plan.sentences, plan.language)
    if not cued:
        return None
    lines = []
    for sentence in cued[:SECOND_LOOK_SENTENCES]:
        words = " ".join(plan.chunk.text[sentence.start : sentence.end].split())
        if len(words) > SECOND_LOOK_CHARS:
            words = words[: SECOND_LOOK_CHARS - 1].rstrip() + "…"
        lines.append(f"[{sentence.number}] {words}")
    messages = [call.messages[0], second_look_message(kind, lines)]
    return Call(call.kinds, call.model, messages, call.max_tokens)


def chunk_records(
    plan: ChunkPlan, records: Sequence[Record], types: Sequence[str], warnings: list[str]
) -> list[Record]:
    """A chunk's records as the article's: codebook inferences added, offsets shifted from the
    chunk to the article, only the types asked for. A record its type finds unsupported on
    its evidence (:attr:`RecordSpec.unsupported`) is left out when what it entails was
    derived from it and stands in its place, with a warning appended to ``warnings``;
    with nothing derived from it, it is kept."""
    entailed = [infer([record], types, plan.context) for record in records]
    left_out: set[int] = set()
    for index, record in enumerate(records):
        check = get_type(record.record_type).unsupported
        why = check(record, plan.context) if check is not None else None
        if why is not None and entailed[index]:
            warnings.append(f"left out a {record.record_type}: {why}")
            left_out.add(index)
    found = [r for i, r in enumerate(records) if i not in left_out]
    found += [derived for each in entailed for derived in each]
    return [_shift(r, plan.chunk.start) for r in found if r.record_type in types]


def _shift(record: Record, offset: int) -> Record:
    if offset == 0:
        return record
    return record.model_copy(update={"evidence": record.evidence.shifted(offset)})


def call_arguments(
    spec: ModelSpec,
    model: type[DraftList],
    messages: list[dict[str, Any]],
    *,
    temperature: float,
    max_tokens: int,
) -> dict[str, Any]:
    """What the engine passes instructor for one call, besides its hooks and ``max_retries``.

    On an OpenAI-compatible server in ``grammar`` mode the schema goes in
    ``response_format`` as llama.cpp's ``{"type": "json_object", "schema": ...}``,
    which the server turns into a decoding grammar. No ``temperature`` goes to
    an API whose SDK takes none (Anthropic's: see ``Dialect.takes_temperature``).
    """
    arguments: dict[str, Any] = {
        "model": spec.model,
        # Function-calling modes (tools; a provider's own default) need a root title.
        "response_model": titled(model) if spec.effective_mode in ("tools", "auto") else model,
        "messages": messages,
        "temperature": temperature,
        "max_tokens": max_tokens,
    }
    if not wire.dialect(spec.dialect).takes_temperature:
        del arguments["temperature"]
    if spec.sends_schema_format:
        schema = grammar_schema(model)
        arguments["extra_body"] = {"response_format": {"type": "json_object", "schema": schema}}
    return arguments


# --------------------------------------------------------------- the requests


@dataclass(frozen=True)
class ModelRequest:
    """One request of one call about a document, ready for any carrier.

    ``body`` is the exact bytes the live path sends to ``/v1/chat/completions``.
    ``call`` is the position of the call in the document's plan (chunk by
    chunk, type by type); ``start`` and ``end`` the chunk's place in the
    text. ``attempt`` counts the call's answers so far plus one (1: the first
    ask; 2: the first re-ask ...), ``truncations`` the answers cut off at
    the length limit, ``resubmits`` how often a carrier sent this same body
    again after it failed to deliver an answer.

    The rest is what the next step needs: the arguments before and after
    instructor prepared them (a re-ask extends the prepared messages; a
    shorter-answer retry starts again from the plain ones), and what
    instructor's attempt state carried (the last answer, the warnings so far).
    """

    custom_id: str
    doc_id: str
    call: int
    chunk: int
    start: int
    end: int
    kinds: tuple[str, ...]
    body: bytes = field(repr=False)
    mode: instructor.Mode = field(repr=False)
    max_retries: int = 2
    attempt: int = 1
    truncations: int = 0
    resubmits: int = 0
    doc_key: str = field(default="", repr=False)
    arguments: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)
    prepared: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)
    last_answer: str | None = field(default=None, repr=False)
    warnings: tuple[str, ...] = field(default=(), repr=False)
    #: The API the body is written for (:func:`extractor.runtime.wire.dialect`).
    dialect: str = field(default="openai", repr=False)
    #: Whether an empty answer to the call's first look takes a second (:func:`second_look`),
    #: and which look this request is (1, or 2 for the second).
    second_look: bool = field(default=False, repr=False)
    look: int = 1
    #: Records the call's earlier look dropped as invalid (a second look counts them on).
    dropped_before: int = field(default=0, repr=False)
    #: The warnings of the call's earlier look, kept apart from this look's: live, each look
    #: has its own attempt state, which keeps a repeated warning once.
    warnings_before: tuple[str, ...] = field(default=(), repr=False)

    @property
    def is_reask(self) -> bool:
        """A request that follows an answer of the same call (a re-ask or a shorter-answer retry)."""
        return self.attempt > 1 or self.truncations > 0

    def batch_line(self) -> bytes:
        """The request as one line of its provider's batch input, its body byte for byte."""
        return wire.dialect(self.dialect).batch_line(self.custom_id, self.body)

    def resubmitted(self) -> ModelRequest:
        """The same request to send again (its carrier lost it): same body, a new id."""
        again = dataclasses.replace(self, resubmits=self.resubmits + 1)
        return dataclasses.replace(again, custom_id=_custom_id(again))


def build_requests(document: Document, extractor: Extractor) -> list[ModelRequest]:
    """The first request of every call ``extractor`` would make about ``document``.

    Pure: nothing is sent, the extractor only lends its settings (model and
    mode, types, strategy, chunking, temperature, token limit, re-asks). An
    empty list means no call is needed (the gate found no type's cue words):
    :func:`assemble` with no replies gives the document's (empty) result.
    Raises :class:`~extractor.errors.InputError` naming the document when its
    text is empty.
    """
    text = document.text
    if not isinstance(text, str) or is_blank(text):
        raise InputError("the article text is empty", source=document.source or document.doc_id)
    spec = extractor.spec
    mode = spec.instructor_mode
    doc_key = _doc_key(document, extractor.types)
    publisher = government_country(document.url)
    requests: list[ModelRequest] = []
    chunks = chunk_text(
        text, max_chars=extractor.chunk_chars, overlap_chars=extractor.chunk_overlap
    )
    for chunk in chunks:
        plan = plan_chunk(chunk, document.published, document.doc_id, extractor.types,
                          extractor.strategy, publisher=publisher)  # fmt: skip
        for call in plan.calls:
            arguments = call_arguments(
                spec, call.model, call.messages, temperature=extractor.temperature,
                max_tokens=extractor.max_tokens or call.max_tokens,
            )  # fmt: skip
            request = _request(
                arguments, mode=mode, doc_key=doc_key, doc_id=document.doc_id,
                call=len(requests), chunk=chunk, kinds=call.kinds,
                max_retries=extractor.max_retries, dialect=spec.dialect,
                second_look=extractor.second_look,
            )  # fmt: skip
            requests.append(request)
    return requests


def _doc_key(document: Document, types: Sequence[str]) -> str:
    identity = json.dumps([document.doc_id, document.text_sha256, prompt_version(tuple(types)),
                           schema_version()])  # fmt: skip
    return hashlib.sha256(identity.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _request(
    arguments: dict[str, Any],
    *,
    mode: instructor.Mode,
    doc_key: str,
    doc_id: str,
    call: int,
    chunk: Chunk,
    kinds: tuple[str, ...],
    max_retries: int,
    dialect: str,
    second_look: bool,
) -> ModelRequest:
    prepared = _prepared(arguments, mode, dialect)
    request = ModelRequest(
        custom_id="", doc_id=doc_id, call=call, chunk=chunk.index, start=chunk.start,
        end=chunk.end, kinds=kinds, body=wire.body_bytes(prepared, dialect=dialect), mode=mode,
        max_retries=max_retries, doc_key=doc_key, arguments=arguments, prepared=prepared,
        dialect=dialect, second_look=second_look,
    )  # fmt: skip
    return dataclasses.replace(request, custom_id=_custom_id(request))


def _prepared(arguments: dict[str, Any], mode: instructor.Mode, dialect: str) -> dict[str, Any]:
    """The keyword arguments instructor sends for ``arguments`` (a call's, or a follow-up's
    with other messages): the first request, a shorter-answer retry and a second look."""
    plain = {key: value for key, value in arguments.items() if key != "response_model"}
    _, prepared = wire.prepare(mode, arguments["response_model"], plain, dialect=dialect)
    return prepared


def _custom_id(request: ModelRequest) -> str:
    body = hashlib.sha256(request.body).hexdigest()[:12]
    step = f"{request.attempt}.{request.truncations}.{request.resubmits}"
    if request.look > 1:  # a first look's id is what it was before second looks existed
        step += f".look{request.look}"
    return f"{request.doc_key}-{request.chunk}-{'+'.join(request.kinds)}-{step}-{body}"


def _next(request: ModelRequest, prepared: dict[str, Any], **changes: Any) -> ModelRequest:
    body = wire.body_bytes(prepared, dialect=request.dialect)
    following = dataclasses.replace(request, body=body, prepared=prepared, resubmits=0, **changes)
    return dataclasses.replace(following, custom_id=_custom_id(following))


# ----------------------------------------------------------------- the answers


@dataclass(frozen=True)
class Reply:
    """What one answer did to its call.

    Exactly one of ``records`` (the call is done: its records, chunk-relative,
    before inferences), ``follow_up`` (the next request of the call) and
    ``error`` (the call failed for good) is set. ``usage`` is this answer's
    tokens; ``reasked`` says the answer failed validation (the live path
    counts it as a re-ask); ``warnings`` and ``dropped`` are the call's, as
    instructor's attempt state holds them when the call ends well.
    ``answered`` is False when no answer came back (the carrier lost the
    request): it still counts as a call, as a failed HTTP attempt does live.
    """

    request: ModelRequest
    usage: Usage = field(default_factory=Usage)
    records: tuple[Record, ...] | None = None
    follow_up: ModelRequest | None = None
    error: ExtractorError | None = None
    reasked: bool = False
    warnings: tuple[str, ...] = ()
    dropped: int = 0
    answered: bool = True

    @property
    def done(self) -> bool:
        return self.follow_up is None


_RETRYABLE = wire.RETRYABLE_PARSE_ERRORS


def parse_response(request: ModelRequest, raw_response: Any, document: Document) -> Reply:
    """Validate and ground one answer to ``request`` against ``document``, as a live call does.

    ``raw_response`` is the answer the server returned (its JSON as bytes, text
    or a dict): a chat completion, or for a request written for Anthropic's
    Messages API (``request.dialect``) a message. Network-free: whatever
    carried the request, this decides what its answer means. An answer that is
    not of the request's API, or a refusal, ends the call with the error the
    live path raises for it.
    """
    api = wire.dialect(request.dialect)
    try:
        data = _completion_data(raw_response, api)
        refused = api.check.refusal(data)
        if refused is not None:
            spent = refused.usage or Usage.of_call(*refused.tokens)  # a bad count said too
            return Reply(request, spent, error=refused)
        response = api.response(data)
    except IncompatibleServerError as error:
        return Reply(request, error=error)
    usage = answer_usage(data.get("usage"), api.usage_fields)
    plan_context = _context(request, document)
    state = AttemptState(max_reasks=request.max_retries, attempts=request.attempt,
                         last_answer=request.last_answer)  # fmt: skip
    state.warnings.extend(request.warnings)
    token = RESOLVE_CONTEXT.set({**plan_context, "state": state})
    try:
        parsed = wire.parse(request.mode, request.arguments["response_model"], response,
                            dialect=request.dialect)  # fmt: skip
    except IncompleteOutputException as error:
        if request.truncations >= 1:
            failure = ExtractionFailed(
                "the model's answer was cut off at the length limit twice; raise "
                "max_tokens or lower chunk_chars",
                attempts=request.attempt, usage=usage.model_copy(),
                last_response=_content(response), cause=error,
                reason="the answer was cut off at the length limit",
            )  # fmt: skip
            return Reply(request, usage, error=failure)
        messages = [*request.arguments["messages"], {"role": "user", "content": TRUNCATED_NOTE}]
        arguments = {**request.arguments, "messages": messages}
        prepared = _prepared(arguments, request.mode, request.dialect)
        following = _next(request, prepared, arguments=arguments, attempt=1,
                          truncations=request.truncations + 1, last_answer=None, warnings=())  # fmt: skip
        return Reply(request, usage, follow_up=following)
    except _RETRYABLE as error:
        if request.attempt <= request.max_retries:
            prepared = wire.reask(request.mode, request.prepared, response, error,
                                  dialect=request.dialect)  # fmt: skip
            following = _next(request, prepared, attempt=request.attempt + 1,
                              last_answer=state.last_answer, warnings=tuple(state.warnings))  # fmt: skip
            return Reply(request, usage, follow_up=following, reasked=True)
        return Reply(request, usage, error=_exhausted(error, response, request, usage),
                     reasked=True)  # fmt: skip
    except Exception as error:  # instructor's retry loop gives up on any other error at once
        return Reply(request, usage, error=_exhausted(error, response, request, usage))
    finally:
        RESOLVE_CONTEXT.reset(token)
    assert isinstance(parsed, DraftList)
    dropped = request.dropped_before + state.dropped
    if request.second_look and request.look == 1 and not parsed.records:
        again = _second_look_request(request, plan_context)
        if again is not None:
            earlier = (*request.warnings_before, *state.warnings)
            again = dataclasses.replace(again, warnings=(), warnings_before=earlier,
                                        dropped_before=dropped)  # fmt: skip
            return Reply(request, usage, follow_up=again)
    warnings = (*request.warnings_before, *state.warnings)
    return Reply(request, usage, records=tuple(parsed.records), warnings=warnings,
                 dropped=dropped)  # fmt: skip


def _second_look_request(request: ModelRequest, context: dict[str, Any]) -> ModelRequest | None:
    """The request of the second look the live path takes after the same empty answer."""
    arguments = request.arguments
    text = context["text"]
    plan = ChunkPlan(Chunk(request.chunk, request.start, text), context["sentences"], context,
                     (), detect_language(text))  # fmt: skip
    first = Call(request.kinds, arguments["response_model"], arguments["messages"],
                 arguments["max_tokens"])  # fmt: skip
    again = second_look(plan, first, ())
    if again is None:
        return None
    arguments = {**arguments, "messages": again.messages}
    prepared = _prepared(arguments, request.mode, request.dialect)
    return _next(request, prepared, arguments=arguments, attempt=1, truncations=0, look=2,
                 last_answer=None)  # fmt: skip


def _completion_data(raw: Any, api: wire.Dialect) -> dict[str, Any]:
    """The answer as a dict; not an answer of ``api``: IncompatibleServerError, as live."""
    if isinstance(raw, dict):
        data: Any = raw
        content = json.dumps(raw).encode("utf-8")
    else:
        content = raw.encode("utf-8") if isinstance(raw, str) else bytes(raw)
        data = None
    response = httpx2.Response(
        200, content=content, headers={"content-type": "application/json"},
        request=httpx2.Request("POST", "http://batch.invalid" + api.path),
    )  # fmt: skip
    problem = answer_problem(response, api.check)
    if problem is not None:
        kind, status, what = problem
        raise IncompatibleServerError(
            f"the answer is not {api.answer_name}: {what}", status_code=status, kind=kind
        )
    if data is None:
        data = answer_json(content)  # an over-long integer too: see answer_json
    assert isinstance(data, dict)
    return data


def validation_context(
    text: str,
    published: date | None,
    doc_id: str,
    sentences: Sequence[Sentence] | None = None,
    publisher: str | None = None,
) -> dict[str, Any]:
    """What the validators of one call see: the chunk, its date and sentences, and the
    state of the publishing government (``government_country`` of the document's URL),
    which counts as named in a readout that never names it."""
    return {"text": text, "published": published, "doc_id": doc_id,
            "sentences": split_sentences(text) if sentences is None else list(sentences),
            "memo": {}, "publisher": publisher}  # fmt: skip


def _context(request: ModelRequest, document: Document) -> dict[str, Any]:
    text = document.text[request.start : request.end]
    return validation_context(
        text, document.published, document.doc_id, publisher=government_country(document.url)
    )


def _content(response: Any) -> Any:
    try:
        return response.choices[0].message.content
    except (AttributeError, IndexError, TypeError):
        return response


def _exhausted(
    error: Exception, response: Any, request: ModelRequest, usage: Usage
) -> ExtractionFailed:
    """The live path's error for a call whose re-asks ran out (the engine words it)."""
    from extractor.pipeline import engine

    retry = InstructorRetryException(
        str(error), last_completion=response, n_attempts=request.attempt,
        total_usage=None, messages=request.prepared.get("messages"), create_kwargs=None,
        failed_attempts=[FailedAttempt(attempt_number=request.attempt, exception=error,
                                       completion=response)],
    )  # fmt: skip
    retry.__cause__ = error
    # its chain holds the answer as the server sent it: made safe to print, as the live
    # path's errors are (Extractor._request)
    return redacted_chain(engine._exhausted(retry, engine._Tally(usage=usage.model_copy())))


# ------------------------------------------------------------------ the result


def assemble(
    document: Document,
    replies: Sequence[Reply],
    extractor: Extractor,
    *,
    seconds: float | None = None,
) -> ArticleExtraction:
    """The document's extraction from its calls' replies, as the engine assembles a live one.

    ``replies`` holds every answer of every call (in any order; the usage,
    calls and re-asks of all of them count). Every call of the document's
    plan must have ended (a reply with records or an error). A call that gave
    no valid answer (an :class:`~extractor.errors.ExtractionFailed`) leaves
    the others' records standing and is named in ``metadata.failed_calls``;
    when every call failed, or one failed otherwise (the server), the first
    such error (in plan order) is raised, carrying the tokens the whole
    document cost when it is an :class:`~extractor.errors.ExtractionFailed`.
    """
    started = time.perf_counter()
    usage = Usage()
    calls = reasks = 0
    finals: dict[int, Reply] = {}
    for reply in replies:
        usage += reply.usage  # a count that was no count (Usage.unknown) is said, once
        calls += 1
        reasks += reply.reasked
        if reply.done:
            finals[reply.request.call] = reply
    failed: list[FailedCall] = []
    errors = [reply.error for _, reply in sorted(finals.items()) if reply.error is not None]
    if errors:
        fatal = next((e for e in errors if not isinstance(e, ExtractionFailed)), None)
        if fatal is not None or len(errors) == len(finals):
            error = fatal or errors[0]
            if isinstance(error, ExtractionFailed):
                error.usage = usage.model_copy()
            raise error
        for _, reply in sorted(finals.items()):
            if isinstance(reply.error, ExtractionFailed):
                failed.append(failed_call(reply.request.kinds, reply.request.chunk, reply.error))
    chunks = chunk_text(document.text, max_chars=extractor.chunk_chars,
                        overlap_chars=extractor.chunk_overlap)  # fmt: skip
    by_chunk: dict[int, list[Reply]] = {}
    for _, reply in sorted(finals.items()):
        by_chunk.setdefault(reply.request.chunk, []).append(reply)
    found: list[Record] = []
    warnings: list[str] = []
    dropped = 0
    for chunk in chunks:
        chunk_replies = by_chunk.get(chunk.index, [])
        if not chunk_replies:
            continue
        context = _context_for(chunk, document)
        records: list[Record] = []
        for reply in chunk_replies:
            records.extend(reply.records or ())
            warnings.extend(reply.warnings)
            dropped += reply.dropped
        plan = ChunkPlan(chunk, context["sentences"], context, ())
        found.extend(chunk_records(plan, records, extractor.types, warnings))
    records, merged = merge_records(found)
    if merged:
        warnings.append(f"merged {merged} duplicate record(s)")
    warnings.extend(missing_warning(call) for call in failed)
    if not finals and chunks:  # the gate asked nothing: said as the live path says it
        languages = [detect_language(chunk.text) for chunk in chunks]
        warnings.append(nothing_asked(languages, extractor.types))
    metadata = ExtractionMetadata(
        model=extractor.spec.label, prompt_version=prompt_version(extractor.types),
        schema_version=schema_version(), strategy=extractor.asked, usage=usage, calls=calls,
        reasks=reasks, chunks=len(chunks), dropped=dropped, warnings=warnings,
        failed_calls=failed,
        seconds=round(time.perf_counter() - started if seconds is None else seconds, 3),
    )  # fmt: skip
    grouped = group_records(records, extractor.types)
    payload = {"doc_id": document.doc_id, "published": document.published,
               "metadata": metadata, "groups": grouped}  # fmt: skip
    return ArticleExtraction.model_validate(payload)


def failed_call(kinds: Sequence[str], chunk: int, error: ExtractionFailed) -> FailedCall:
    """What a result records of a call that gave no valid answer (see :class:`FailedCall`).

    Only an :class:`~extractor.errors.ExtractionFailed` (re-asks ran out, a
    cut-off answer, a refusal) is one call's failure: the model answered this
    question badly, and may answer the document's other questions well. A
    server or transport failure is not: it fails the document.
    """
    return FailedCall(types=list(kinds), chunk=chunk, reason=error.reason or str(error))


def missing_warning(call: FailedCall) -> str:
    """The warning beside a result with a failed call, so that no reader misses it."""
    where = f" in chunk {call.chunk + 1}" if call.chunk else ""
    return (
        f"no valid answer for {', '.join(call.types)}{where} ({call.reason}): those records "
        "are missing; a bulk rerun with --retry-errors asks again"
    )


def _context_for(chunk: Chunk, document: Document) -> dict[str, Any]:
    return validation_context(
        chunk.text, document.published, document.doc_id,
        publisher=government_country(document.url),
    )  # fmt: skip


def failed_delivery(
    request: ModelRequest, error: ExtractorError, usage: Usage | None = None
) -> Reply:
    """A request whose carrier brought back no usable answer (``error`` says why, ``usage``
    what it cost, if anything): the call ends with it."""
    return Reply(request, usage or Usage(), error=error, answered=False)
