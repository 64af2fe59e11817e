"""What every batch carrier shares: the Protocol, the provider's view of a batch, the outcomes.

A carrier moves a batch run's requests to one provider's batch API and
their answers back (:mod:`extractor.bulk.provider_batch` decides what to
send, when, and what the answers mean). Each speaks its API in its own
words; what it hands back is in these shared ones, so the run's control
flow (submit, poll, fetch, resubmit, re-ask) is written once.
"""

from __future__ import annotations

import contextlib
import io
import json
import logging
import math
from collections.abc import Awaitable, Callable, Collection, Iterator
from dataclasses import dataclass, field
from typing import IO, TYPE_CHECKING, Any, Protocol, TypeVar

import httpx2

from extractor.blank import is_blank
from extractor.errors import (
    ClientModelError,
    ExtractorError,
    IncompatibleServerError,
    ModelError,
    TransientModelError,
)
from extractor.pipeline.result import Usage
from extractor.redact import redact, redacted_chain
from extractor.runtime.providers import answer_json, build_client
from extractor.runtime.retrying import classify

if TYPE_CHECKING:
    from extractor.bulk.provider_batch import BatchEntry
    from extractor.pipeline.engine import Extractor
    from extractor.pipeline.requests import ModelRequest

__all__ = [
    "BATCH_TIMEOUT",
    "Answer",
    "AnswerReader",
    "BatchView",
    "Carrier",
    "Outcome",
    "SdkCarrier",
    "Submitted",
    "Undelivered",
    "batch_id",
    "batch_status",
    "count",
    "file_id",
    "input_file_gone",
    "input_lines",
    "is_input_file_gone",
    "result_lines",
    "retried",
    "status_outcome",
    "warn_gone",
]

T = TypeVar("T")
logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class BatchView:
    """A batch as its provider sees it now, in the run's words.

    ``status`` is the provider's own word (OpenAI: ``validating`` ...
    ``completed``; Anthropic: ``in_progress``, ``canceling``, ``ended``): it
    is what the provider's console shows. ``counts`` are (answered, failed,
    total), None when the provider said nothing about them. The file ids are
    OpenAI's output and error files (None for a carrier without files).
    """

    id: str
    status: str
    counts: tuple[int, int, int] | None = None
    output_file_id: str | None = None
    error_file_id: str | None = None
    message: str | None = None


@dataclass(frozen=True)
class Answer:
    """An answer a carrier brought back for a request (its JSON, as the API returned it)."""

    body: Any
    live: bool = False


@dataclass(frozen=True)
class Undelivered:
    """No answer for a request: the item failed, or its batch ended without it.

    ``retry``: the request may be submitted again (under the retry policy).
    """

    error: ExtractorError
    retry: bool
    usage: Usage = field(default_factory=Usage)


Outcome = Answer | Undelivered


@dataclass(frozen=True)
class Submitted:
    """A batch at the provider that no state names, as its listing shows it: what a run whose
    state file was lost (deleted, or the run moved to another machine) may adopt instead of
    paying for its requests again.

    ``file_sha256`` and ``output`` are the metadata a run gives every batch it creates
    (the hash of its input file, the output's name); ``input_file_id`` is the file it was
    made from (None for a carrier without files: nothing tells what such a batch holds).
    """

    view: BatchView
    file_sha256: str | None = None
    output: str | None = None
    input_file_id: str | None = None


class _InputFileGone(ClientModelError):
    """The uploaded input file a batch was to be made from is no longer at the provider
    (deleted, or expired, between the upload and the create): nothing was paid for it, and
    the file is uploaded again (a ClientModelError to the caller: private, as the one place
    that raises it and the one that catches it are the carriers' and the batch run's)."""

    def __init__(self, input_file_id: str) -> None:
        self.input_file_id = input_file_id
        super().__init__(
            redact(
                f"the uploaded batch input file {input_file_id[:80]} is no longer at the "
                "provider (deleted, or expired) and its batch was not created: nothing was "
                "paid for it; run the same command again, it uploads the file again"
            ),
            status_code=404,
        )


def input_file_gone(input_file_id: str) -> ClientModelError:
    """The error of a batch create refused because its uploaded input file is gone."""
    return _InputFileGone(input_file_id)


def is_input_file_gone(error: BaseException) -> bool:
    """Whether ``error`` says a batch's uploaded input file is gone (:func:`input_file_gone`)."""
    return isinstance(error, _InputFileGone)


class Carrier(Protocol):
    """One provider's batch API, as a batch run uses it.

    ``name`` is recorded with every batch (a state file says whose batches it
    holds); ``max_requests`` and ``max_bytes`` are the provider's limits on
    one batch (the sum of the lines of :meth:`ModelRequest.batch_line`).
    Each call is retried on transient failures as a live request is, and
    what cannot be retried is raised as our own error (:func:`retried`).
    """

    name: str
    max_requests: int
    max_bytes: int

    async def upload(self, handle: IO[bytes], name: str) -> str | None:
        """Stage the batch's lines (``handle``) at the provider; the id of what was staged,
        which the batch is found by after a lost answer, or None when nothing is staged."""
        ...

    async def create(
        self,
        entry: BatchEntry,
        handle: IO[bytes],
        metadata: dict[str, str],
        known: Collection[str],
    ) -> BatchView:
        """Create the batch of ``entry`` (its lines in ``handle``; ``metadata`` where the API
        keeps some), once: a create whose answer was lost is looked for (as :meth:`find`,
        among batches not in ``known``) before it is tried again."""
        ...

    async def find(self, entry: BatchEntry, known: Collection[str]) -> BatchView | None:
        """The batch a killed run may have created for ``entry`` (none of ``known``, the
        batches the state already names), or None when it cannot have been created."""
        ...

    #: Whether :meth:`submitted` tells what a listed batch holds (its metadata and input
    #: file): False for a carrier whose batches carry neither (Anthropic's).
    finds_submitted: bool

    async def submitted(self, known: Collection[str]) -> list[Submitted]:
        """The batches at the provider (newest first, a bounded number of them) none of
        ``known`` names that an earlier run may have submitted: still in flight or
        completed. With ``finds_submitted`` False, those in flight, which nothing says are
        ours."""
        ...

    async def input_lines(self, input_file_id: str) -> dict[str, bytes] | None:
        """The lines of an uploaded input file by their ``custom_id`` (each without its end
        of line), or None when the provider no longer has the file."""
        ...

    async def retrieve(self, batch_id: str) -> BatchView: ...

    async def cancel(self, batch_id: str) -> BatchView: ...

    async def results(self, entry: BatchEntry) -> dict[str, Outcome]:
        """What the ended batch of ``entry`` says of its requests, by our ``custom_id``
        (downloads are free: a rerun fetches them again)."""
        ...

    async def ask(self, request: ModelRequest) -> bytes:
        """Send ``request.body`` as it is, live (a re-ask with ``reask="live"``): the answer."""
        ...

    async def aclose(self) -> None: ...


async def retried(extractor: Extractor, action: Callable[[], Awaitable[T]], what: str) -> T:
    """``action()``, retried on transient failures under the extractor's retry policy;
    a failure is raised as our error (:func:`~extractor.runtime.retrying.classify`), its
    chain redacted (:func:`~extractor.redact.redacted_chain`: the SDK's error it was
    raised from holds what the provider echoed, the key too)."""
    try:
        return await _retried(extractor, action, what)
    except ExtractorError as error:
        redacted_chain(error)
        raise


async def _retried(extractor: Extractor, action: Callable[[], Awaitable[T]], what: str) -> T:
    policy = extractor.retry_policy
    async for attempt in policy.retrying(extractor.backoff):
        with attempt:
            try:
                return await action()
            except ExtractorError:
                raise
            except Exception as error:
                mapped = classify(error)
                if mapped is None:
                    raise
                raise mapped from error
    raise AssertionError(f"unreachable: tenacity reraises ({what})")  # pragma: no cover


def status_outcome(error: Exception, batch_id: str) -> Undelivered:
    """An item the provider failed with an HTTP-status error (the SDK's ``error``), judged as
    the live path judges that status: a transient one is submitted again, a client one not."""
    mapped = classify(error)
    if isinstance(mapped, ModelError):
        return Undelivered(mapped, isinstance(mapped, TransientModelError))
    return Undelivered(TransientModelError(redact(f"batch {batch_id}: {error}")), True)


def item_response(status: int, body: Any, path: str) -> httpx2.Response:
    """An item's failure as the HTTP response the live call would have had (for the SDK's
    status error): its body written back as JSON as it was read, an infinity (a number
    too long to convert, see ``answer_json``) or a NaN included, where ``json=`` refuses."""
    content = json.dumps(body if body is not None else {}).encode("utf-8", "surrogatepass")
    request = httpx2.Request("POST", "http://batch.invalid" + path)
    headers = {"content-type": "application/json"}
    return httpx2.Response(status, content=content, headers=headers, request=request)


def malformed(batch_id: str, what: str) -> Undelivered:
    """An item whose result line is not the provider's (a status that is no number, a
    result of no known type, neither answer nor error): the server does not speak the
    batch API, which no resubmission mends. A server error (kind ``server``, a rerun
    asks again), said as such, never a transient "no answer" submitted again."""
    return Undelivered(
        IncompatibleServerError(redact(f"batch {batch_id}: {what}"), kind="server"), False
    )


#: The longest batch or file id a provider's view is taken with (what a state may hold).
MAX_ID_CHARS = 2048
#: Characters that would make an id asked for by the SDK (``/batches/{id}``) another URL.
_URL_CHARS = frozenset("/\\?#")


def _id_problem(value: Any) -> str | None:
    """Why ``value`` cannot be a batch or file id asked for again, or None (a state that
    holds it is read back, and the SDK asks for it at the URL it names)."""
    if not isinstance(value, str):
        return f"is {type(value).__name__}, not a string"
    if is_blank(value):
        return "is blank"
    if len(value) > MAX_ID_CHARS:
        return f"is {len(value):,} characters long"
    if value != value.strip() or not value.isprintable():
        return "holds spaces, control or invisible characters"
    if value in (".", "..") or not _URL_CHARS.isdisjoint(value):
        return "holds a path separator, '?' or '#' (another URL when asked for)"
    return None


def _shown(value: Any) -> str:
    """A provider's value as a message may quote it: printable, cut short, redacted."""
    return redact(repr(value)[:80])


def batch_status(value: Any) -> str:
    """A provider's batch status as the run reads it: a string as it is; anything else said
    as the value it is (printable, cut short, redacted), an unknown status the run waits on
    rather than a crash in the carrier that read it."""
    return value if isinstance(value, str) else _shown(value)


def batch_id(value: Any) -> str:
    """A provider's batch id, refused (IncompatibleServerError, kind ``server``) when it
    cannot be asked for again: a run that kept it would poll another URL, find no batch
    and pay for its requests again, or record what the rerun refuses to read."""
    problem = _id_problem(value)
    if problem is None:
        assert isinstance(value, str)
        return value
    raise IncompatibleServerError(
        f"the batch server named a batch {_shown(value)}, which {problem}: it does not "
        "speak the batch API as extractor reads it; check --base-url, or run without --batch",
        kind="server",
    )


def file_id(value: Any, batch: str) -> str | None:
    """A provider's results file id, or None (said once here) when it is none or cannot be
    asked for: the requests it held are then left without an answer, so submitted again."""
    if value is None or (isinstance(value, str) and not value):
        return None
    problem = _id_problem(value)
    if problem is None:
        assert isinstance(value, str)
        return value
    logger.warning(
        redact(
            f"batch {batch}: the provider names a results file {_shown(value)}, which "
            f"{problem}: it is not asked for, and its requests are submitted again"
        )
    )
    return None


def count(value: Any) -> int | None:
    """A provider's count of requests as a count, or None for what is no number (a string,
    a list, a NaN): the counts are what the console shows, never worth a failed run."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return max(0, int(value))


#: The deadline of one call that carries a whole batch (a file of up to 200-256 MB).
BATCH_TIMEOUT = 1800.0


class SdkCarrier:
    """What the carriers share: the provider SDK's client twice, one with the deadline of a
    whole batch (:data:`BATCH_TIMEOUT`) and one with a live call's for re-asks
    (``reask="live"``), and the live ask itself, its body sent as it is."""

    #: The path of one live call (``/chat/completions``, ``/v1/messages``).
    live_path: str = ""

    def __init__(self, extractor: Extractor, sdk: type[Any]) -> None:
        self.extractor = extractor
        self.batch_timeout = max(extractor.timeout, BATCH_TIMEOUT)
        big, _ = build_client(extractor.spec, timeout=self.batch_timeout)
        live, _ = build_client(extractor.spec, timeout=extractor.timeout)
        self.client: Any = _sdk_client(big, sdk)
        self.live: Any = _sdk_client(live, sdk)

    async def create_once(
        self,
        send: Callable[[], Awaitable[BatchView]],
        scan: Callable[[], Awaitable[BatchView | None]],
    ) -> BatchView:
        """``send`` a batch's create, retried as a live request is; a create whose answer was
        lost (a reset, a timeout) may have created the batch, so before it is sent again
        ``scan`` looks for it at the provider, and a batch found is the answer."""

        async def submit() -> BatchView:
            try:
                return await send()
            except Exception as error:
                if isinstance(classify(error), TransientModelError):
                    found = await scan()
                    if found is not None:
                        return found
                raise

        return await retried(self.extractor, submit, "create")

    async def ask(self, request: ModelRequest) -> bytes:
        """Send ``request.body`` as it is (a live call) and return the answer's bytes."""

        async def post() -> bytes:
            response = await self.live.post(
                self.live_path, cast_to=httpx2.Response, content=request.body,
                options={"headers": {"Content-Type": "application/json"}},
            )  # fmt: skip
            return bytes(response.content)

        return await retried(self.extractor, post, self.live_path)

    async def aclose(self) -> None:
        for client in (self.client, self.live):
            with contextlib.suppress(Exception):
                await client.close()


def _sdk_client(client: Any, sdk: type[Any]) -> Any:
    """The SDK client under an instructor client built by ``build_client``."""
    inner = client.client
    assert isinstance(inner, sdk), type(inner)
    return inner


#: The longest results line read (bytes): far above any one answer (a model's longest output,
#: escaped), far below what parsing one line of a hostile file of hundreds of megabytes
#: would cost in memory (many times its size as Python objects).
MAX_LINE_BYTES = 32 * 2**20


def _named_lines(data: bytes) -> Iterator[tuple[int, dict[str, Any] | str]]:
    """Each non-blank line: the JSON object that names a request, or why it names none."""
    # one line at a time (a BytesIO shares ``data``): no list of copies of a results file
    # of hundreds of megabytes
    for number, line_end in enumerate(io.BytesIO(data), 1):
        raw = line_end.rstrip(b"\n").rstrip(b"\r")
        if len(raw) > MAX_LINE_BYTES:
            yield number, f"over {MAX_LINE_BYTES:,} bytes"
            continue
        if not raw.strip():
            continue
        try:
            line = answer_json(raw)  # an over-long integer is no reason to skip it
        except ValueError:
            yield number, "not JSON"
            continue
        if not isinstance(line, dict):
            yield number, "not a JSON object"
        elif not isinstance(line.get("custom_id"), str):
            yield number, "no custom_id"
        else:
            yield number, line


def input_lines(data: bytes) -> dict[str, bytes]:
    """An input file's lines (as :meth:`ModelRequest.batch_line` wrote them, without the end
    of line) by the ``custom_id`` each names; a line that names none is no request of ours."""
    found: dict[str, bytes] = {}
    for line_end in io.BytesIO(data):
        raw = line_end.rstrip(b"\n")
        if len(raw) > MAX_LINE_BYTES:
            continue
        try:
            line = answer_json(raw)
        except ValueError:
            continue
        if isinstance(line, dict) and isinstance(line.get("custom_id"), str):
            found.setdefault(line["custom_id"], raw)
    return found


def warn_gone(batch: str, name: str) -> None:
    """Say that a batch's results file is not at the provider (HTTP 404) and what follows."""
    logger.warning(
        redact(
            f"batch {batch}: its results file {name} is not at the provider (HTTP 404: "
            "deleted, or expired): the requests it answered are submitted again"
        )
    )


def result_lines(data: bytes) -> Iterator[dict[str, Any]]:
    """The lines of a batch's results (JSONL) that name a request; anything else is skipped."""
    for _, line in _named_lines(data):
        if isinstance(line, dict):
            yield line


class AnswerReader:
    """The one reader of a batch's results files: what each request of ours got, once.

    A results file comes from the provider and is read as hostile: a line that
    is not JSON, names no request or names one that is not ours is skipped;
    a request named twice keeps one outcome (an answer over a failure, else
    the first: a paid answer is never traded for a failure, so never paid for
    again). Every skipped line is counted, and :meth:`warn` says them in one
    line per file; a request of ours without a line is left to the run, which
    submits it again or names it as unanswered. ``ours`` maps the ids the file
    holds to our ``custom_id`` (Anthropic's are derived from ours).
    """

    def __init__(self, batch_id: str, ours: dict[str, str]) -> None:
        self.batch_id = batch_id
        self.ours = ours
        self.found: dict[str, Outcome] = {}
        self.read = 0
        self.skipped: dict[str, int] = {}
        self.first_skipped: int | None = None

    def read_file(
        self, data: bytes, judge: Callable[[dict[str, Any], str], Outcome], name: str = ""
    ) -> None:
        """Read one results file; ``judge(line, batch_id)`` says what a line means."""
        self.skipped, self.first_skipped = {}, None
        for number, line in _named_lines(data):
            if not isinstance(line, dict):
                self._skip(number, line)
                continue
            self.read += 1
            cid = self.ours.get(line["custom_id"])
            if cid is None:
                self._skip(number, "a request not in this batch")
                continue
            outcome = judge(line, self.batch_id)
            earlier = self.found.get(cid)
            if earlier is None or (
                isinstance(earlier, Undelivered) and isinstance(outcome, Answer)
            ):
                self.found[cid] = outcome
            if earlier is not None:
                self._skip(number, "a request named before")
        self.warn(name)

    def _skip(self, number: int, why: str) -> None:
        self.skipped[why] = self.skipped.get(why, 0) + 1
        if self.first_skipped is None:
            self.first_skipped = number

    def warn(self, name: str = "") -> None:
        """One warning line for the lines of the file just read that gave no outcome."""
        if not self.skipped:
            return
        said = ", ".join(f"{n:,} {why}" for why, n in self.skipped.items())
        where = f" {name}" if name else ""
        logger.warning(
            redact(
                f"batch {self.batch_id}: results file{where}: {said} line(s) skipped (first: "
                f"line {self.first_skipped:,}); a request of this run left without an answer "
                "is submitted again"
            )
        )
